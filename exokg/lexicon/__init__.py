"""Open-vocabulary recognition and grounding from published ontologies and gene tables.

The curated vocabulary (ontology/vocabulary.yaml) names the ~100 things the field is about;
this layer recognises everything else a biomedical text names — diseases (MONDO, OMIM,
Orphanet, MeSH), phenotypes (HPO), human genes (NCBI Gene), biological processes (GO), cells
(CL), anatomy (UBERON), species (NCBITaxon) and chemicals and drugs (MeSH, DrugBank) — from
dictionaries compiled once from installed packages (docs/lexicon.md); diseases carry MeSH
ids as cross-references where a MeSH source names them.

* :func:`build_lexicon` compiles the sources into the lexicon home
  (``$EXOKG_LEXICON_DIR``, else ``$XDG_CACHE_HOME/exokg/lexicon``, else
  ``~/.cache/exokg/lexicon``), one folder per version key, and marks it current;
* :func:`load_lexicon` opens the current one (:class:`Lexicon`: ``find(text)``,
  ``entity(curie)``, ``lookup(name)``); it raises :class:`LexiconMissingError` with the
  command to run when there is none.

Nothing is read at import time.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from exokg.errors import LexiconMissingError
from exokg.lexicon.compile import AUTOMATON_FILE, CompileRules, compile_records, version_key
from exokg.lexicon.matcher import MENTION_SOURCE, Lexicon, LexiconInfo
from exokg.lexicon.sources import (
    Record,
    SourceFiles,
    locate_sources,
    read_cellxgene,
    read_drug_dictionary,
    read_gene_db,
    read_go_db,
    read_hpo_diseases,
    read_mesh_curation,
    read_mesh_mappings,
    read_obo,
)

__all__ = [
    "MENTION_SOURCE",
    "Lexicon",
    "LexiconInfo",
    "LexiconMissingError",
    "build_lexicon",
    "current_path",
    "lexicon_home",
    "load_lexicon",
    "read_sources",
]

_CURRENT = "CURRENT"
_VERSION_DIR = re.compile(r"\d+-[0-9a-f]{12}")


def lexicon_home() -> Path:
    """The folder compiled lexicons live in (see the module docstring)."""
    explicit = os.environ.get("EXOKG_LEXICON_DIR")
    if explicit:
        return Path(explicit)
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "exokg" / "lexicon"


def read_sources(found: SourceFiles):  # -> Iterator[Record]
    """Every record of the located sources, source by source."""
    for onto, path in sorted(found.cellxgene_files.items()):
        yield from read_cellxgene(path, onto)
    if found.hpo_obo is not None:
        yield from read_obo(found.hpo_obo)
    if found.hpo_annotations is not None and found.hpo_annotations.is_file():
        yield from read_hpo_diseases(found.hpo_annotations)
    if found.gene_db is not None:
        yield from read_gene_db(found.gene_db)
    if found.go_db is not None:
        yield from read_go_db(found.go_db)
    if found.mesh_mappings is not None:
        yield from read_mesh_mappings(found.mesh_mappings)
    if found.drug_dictionary is not None:
        yield from read_drug_dictionary(found.drug_dictionary)
    if found.mesh_curation is not None:
        yield from read_mesh_curation(found.mesh_curation)


def build_lexicon(home: Path | None = None, *, sources_dir: Path | None = None,
                  force: bool = False, allow_partial: bool = False) -> LexiconInfo:
    """Compile the installed sources into ``home`` (default :func:`lexicon_home`) and make
    the result current (earlier versions in ``home`` are deleted). An up-to-date lexicon
    (same version key) is reused unless ``force``.

    ``sources_dir`` is where the Debian packages' SQLite files were extracted (default
    ``home/sources``). Raises :class:`LexiconMissingError` listing what is not installed,
    unless ``allow_partial`` (then the lexicon holds what was found)."""
    home = home or lexicon_home()
    found = locate_sources(sources_dir or home / "sources")
    missing = found.missing()
    if missing and not allow_partial:
        raise LexiconMissingError(str(home), "lexicon sources not installed: "
                                  + "; ".join(missing)
                                  + " (scripts/env.sh exokg_lexicon installs them)")
    rules = CompileRules.default()
    version = version_key(found.versions, rules)
    target = home / version
    if force or not (target / "lexicon.sqlite").is_file() or \
            not (target / AUTOMATON_FILE).is_file():
        compile_records(read_sources(found), target, version=version,
                        sources=found.versions, rules=rules)
    home.mkdir(parents=True, exist_ok=True)
    (home / _CURRENT).write_text(version + "\n", encoding="utf-8")
    for old in home.iterdir():  # earlier versions are never used again
        if old != target and old.is_dir() and _VERSION_DIR.fullmatch(old.name):
            shutil.rmtree(old, ignore_errors=True)
    lexicon = Lexicon(target)
    try:
        return lexicon.info
    finally:
        lexicon.close()


def current_path(home: Path | None = None) -> Path:
    """The folder of the current lexicon. Raises :class:`LexiconMissingError` (with the
    command that builds one) when no lexicon has been built."""
    home = home or lexicon_home()
    marker = home / _CURRENT
    if not marker.is_file():
        raise LexiconMissingError(str(home), "no open-vocabulary lexicon built here: run "
                                  "`exokg lexicon build` (or scripts/build.sh, which does)")
    target = home / marker.read_text(encoding="utf-8").strip()
    if not target.is_dir():
        raise LexiconMissingError(str(marker), f"names {target.name}, which is missing: "
                                  "run `exokg lexicon build`")
    return target


def load_lexicon(home: Path | None = None) -> Lexicon:
    """Open the current lexicon of ``home`` (default :func:`lexicon_home`).

    Raises :class:`LexiconMissingError` when none is built."""
    return Lexicon(current_path(home))
