"""``exokg export`` and ``exokg validate``: thin commands over the exporters and the validator.

``exokg export --format F [--output PATH] [--store DIR | PATHS...]`` writes one format, from a
fresh build of PATHS (default: the bundled corpus) or from the graph in an embedded store. The
format is a name or alias (:data:`exokg.export.formats.FORMATS`) or comes from the output's
extension. The graph is validated first; an invalid graph is not written.

``exokg validate [PATH]`` validates an RDF file (or the ``exokg.ttl`` of an exports folder)
against the SHACL shapes and prints a readable report; for a folder with ``kgx/`` it also
checks the KGX files against the pinned Biolink Model when ``biolink-model`` is installed.
Exit status 0 when everything conforms, 1 when not, 2 on errors.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from exokg.errors import ExokgError, InputError

__all__ = ["add_export_arguments", "add_validate_arguments", "run_export", "run_validate"]

DEFAULT_OUT = Path("exports")


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``exokg export``."""
    from exokg.export.formats import FORMATS

    names = ", ".join(f"{f.name} ({f.description})" for f in FORMATS)
    parser.add_argument("paths", nargs="*", help="input files or folders to build from "
                        "(default: the bundled founding corpus)")
    parser.add_argument("-f", "--format", help=f"format name: {names}; default: from the "
                        "--output extension")
    parser.add_argument("-o", "--output", type=Path, default=None,
                        help="file to write (a folder for kgx; '-' for standard output); "
                             "default: the format's file in exports/")
    parser.add_argument("--store", type=Path, default=None,
                        help="export the graph of this embedded store instead of building")


def _source(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    if args.store is not None:
        if args.paths:
            raise ExokgError("give input paths or --store, not both")
        import pyoxigraph

        from exokg.export.reader import parse_rdf
        from exokg.graph.store import open_store

        if not Path(args.store).is_dir():
            raise InputError(args.store, "no such store folder")
        store = open_store(args.store)
        data = store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES,
                          from_graph=pyoxigraph.DefaultGraph())
        return parse_rdf(data, "nt", origin=str(args.store))
    from exokg.pipeline import build

    return build(args.paths)


def run_export(args: argparse.Namespace) -> int:
    """Write one export format (see the module docstring)."""
    from rdflib import Graph

    from exokg.export.atomic import write_bytes
    from exokg.export.formats import format_for_path, get_format, render_format
    from exokg.validate import require_valid

    if args.format:
        fmt = get_format(args.format)
    elif args.output is not None and str(args.output) != "-":
        fmt = format_for_path(args.output)
    else:
        raise ExokgError("give --format, or an --output file whose extension names the format")
    source = _source(args)
    if fmt.needs_build and isinstance(source, Graph):
        raise ExokgError(f"the {fmt.name} format is written from a build; give input paths, "
                         "not --store")
    require_valid(source if isinstance(source, Graph) else source.graph)
    files = render_format(fmt, source)
    output = args.output if args.output is not None else DEFAULT_OUT / fmt.output
    if str(output) == "-":
        if fmt.is_directory:
            raise ExokgError(f"the {fmt.name} format is a folder; give --output FOLDER")
        sys.stdout.buffer.write(files[""])
        sys.stdout.flush()
        return 0
    for name, data in files.items():
        path = Path(output) / name if name else Path(output)
        write_bytes(path, data)
        if not getattr(args, "quiet", False):
            print(f"wrote {path}", file=sys.stderr)
    return 0


def add_validate_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``exokg validate``."""
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_OUT,
                        help="an RDF file (.ttl, .nt, .nq, .trig, .jsonld) or an exports "
                             "folder (default: exports)")
    parser.add_argument("--shapes", type=Path, default=None,
                        help="SHACL shapes file (default: the packaged ontology/shapes.ttl)")
    parser.add_argument("--limit", type=int, default=50,
                        help="show at most this many results (0: all; default 50)")


def _check_kgx_folder(folder: Path) -> tuple[bool, str]:
    from exokg.export.kgx import read_tsv
    from exokg.export.kgx_check import check_kgx, load_biolink_model

    try:
        model = load_biolink_model()
    except ExokgError as exc:
        return True, f"KGX: not checked against the Biolink Model ({exc})"
    nodes = read_tsv((folder / "nodes.tsv").read_bytes())
    edges = read_tsv((folder / "edges.tsv").read_bytes())
    problems = check_kgx(nodes, edges, model)
    head = (f"KGX ({len(nodes)} nodes, {len(edges)} edges) conforms to Biolink Model "
            f"{model.version}") if not problems else \
        f"KGX does NOT conform to Biolink Model {model.version} ({len(problems)} problems):"
    return not problems, "\n".join([head] + [f"  {p}" for p in problems])


def run_validate(args: argparse.Namespace) -> int:
    """Validate (see the module docstring); returns the exit status."""
    from exokg.export.reader import read_graph
    from exokg.validate import validate_path

    path: Path = args.path
    kgx_folder = None
    if path.is_dir():
        kgx_folder = path / "kgx" if (path / "kgx" / "edges.tsv").is_file() else None
        path = path / "exokg.ttl"
    if not path.exists():
        raise InputError(path, "no such file (build first: exokg build)")
    shapes = read_graph(args.shapes) if args.shapes is not None else None
    report = validate_path(path, shapes)
    print(f"{path}: " + report.format(limit=None if args.limit <= 0 else args.limit))
    ok = report.conforms
    if kgx_folder is not None:
        kgx_ok, text = _check_kgx_folder(kgx_folder)
        print(f"{kgx_folder}: {text}")
        ok = ok and kgx_ok
    return 0 if ok else 1
