"""``exokg export`` and ``exokg validate``: thin commands over the exporters and the validator.

``exokg export --format F [--output PATH] [--store DIR | PATHS...]`` writes one format, from a
fresh build of PATHS or from the current graph (``--store``, ``$EXOKG_STORE`` or the nearest
project marker, see :mod:`exokg.project`; the bundled corpus, with a warning, when there is
none). Formats written from a build's records (the statements CSV) are reassembled from the
store's document cache. The
format is a name or alias (:data:`exokg.export.formats.FORMATS`) or comes from the output's
extension. The graph is validated first; an invalid graph is not written.

``exokg validate [PATH]`` validates an RDF file (or the ``exokg.ttl`` of an exports folder;
``--store``: the embedded store itself, by SPARQL, :mod:`exokg.validate_store`)
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
                        "(default: the current graph, see --store)")
    parser.add_argument("-f", "--format", help=f"format name: {names}; default: from the "
                        "--output extension")
    parser.add_argument("-o", "--output", type=Path, default=None,
                        help="file to write (a folder for kgx; '-' for standard output); "
                             "default: the format's file in the current graph's exports "
                             "folder")


def run_export(args: argparse.Namespace) -> int:
    """Write one export format (see the module docstring)."""
    from rdflib import Graph

    from exokg.export.atomic import write_bytes
    from exokg.export.formats import format_for_path, get_format, render_format
    from exokg.pipeline import BuildResult
    from exokg.validate import require_valid

    if args.format:
        fmt = get_format(args.format)
    elif args.output is not None and str(args.output) != "-":
        fmt = format_for_path(args.output)
    else:
        raise ExokgError("give --format, or an --output file whose extension names the format")
    if args.output is not None and str(args.output) == "-" and fmt.is_directory:
        raise ExokgError(f"the {fmt.name} format is a folder; give --output FOLDER")
    from exokg.project import open_source

    opened = open_source(args.paths, args.store, args.reporter)
    try:
        source: BuildResult | Graph | None = opened.graph if not fmt.needs_build \
            else opened.build()
        if source is None:
            raise ExokgError(f"the {fmt.name} format is written from a build's records, and "
                             f"the store {opened.current.store if opened.current else ''} has "
                             "none (it was made from a Turtle file); rebuild with 'exokg "
                             "build PATH ...'")
        graph = source if isinstance(source, Graph) else source.graph
        with args.reporter.phase("validating the graph against the SHACL shapes"):
            require_valid(graph)
        files = render_format(fmt, source if isinstance(source, BuildResult) else graph)
    finally:
        opened.close()
    output = args.output if args.output is not None else opened.out / fmt.output
    if str(output) == "-":
        sys.stdout.buffer.write(files[""])
        sys.stdout.flush()
        return 0
    for name, data in files.items():
        path = Path(output) / name if name else Path(output)
        write_bytes(path, data)
        if args.reporter.verbosity:
            print(f"wrote {path}", file=sys.stderr)
    return 0


def add_validate_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``exokg validate``."""
    parser.add_argument("path", nargs="?", type=Path, default=None,
                        help="an RDF file (.ttl, .nt, .nq, .trig, .jsonld) or an exports "
                             "folder (default: the current graph's exports folder, else "
                             "exports)")
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


def _current_exports() -> Path:
    """The current project's exports folder (``exports`` when there is no project)."""
    from exokg.project import find_project

    project = find_project()
    return project.out if project is not None else DEFAULT_OUT


def run_validate(args: argparse.Namespace) -> int:
    """Validate (see the module docstring); returns the exit status."""
    from exokg.export.reader import read_graph
    from exokg.validate import validate_path

    shapes = read_graph(args.shapes) if args.shapes is not None else None
    if args.store is not None:
        if args.path is not None:
            raise ExokgError("give a file or folder, or --store, not both")
        import pyoxigraph

        from exokg.graph.store import database_path
        from exokg.project import ProjectError, find_current, require_store
        from exokg.validate_store import validate_store

        current = find_current(args.store)
        assert current is not None  # an explicit --store is always found
        store = require_store(current)
        try:  # SHACL as SPARQL on the store itself: no rdflib copy of the graph
            reader = pyoxigraph.Store.read_only(str(database_path(store)))
        except OSError as exc:
            raise ProjectError(f"{store}: cannot open the store ({exc})") from None
        with args.reporter.phase("validating the graph against the SHACL shapes"):
            report = validate_store(reader, shapes)
        del reader
        print(f"{store}: " + report.format(limit=None if args.limit <= 0 else args.limit))
        return 0 if report.conforms else 1
    path: Path = args.path if args.path is not None else _current_exports()
    kgx_folder = None
    if path.is_dir():
        kgx_folder = path / "kgx" if (path / "kgx" / "edges.tsv").is_file() else None
        path = path / "exokg.ttl"
    if not path.exists():
        raise InputError(path, "no such file (build first: exokg build)")
    report = validate_path(path, shapes)
    print(f"{path}: " + report.format(limit=None if args.limit <= 0 else args.limit))
    ok = report.conforms
    if kgx_folder is not None:
        kgx_ok, text = _check_kgx_folder(kgx_folder)
        print(f"{kgx_folder}: {text}")
        ok = ok and kgx_ok
    return 0 if ok else 1
