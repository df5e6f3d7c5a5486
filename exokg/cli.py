"""The ``exokg`` command line: thin commands over the library.

Errors in input are printed as one line (``exokg: error: FILE:PLACE: message``) with exit
status 2; nothing in the output folder is replaced unless the whole build succeeded.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
import warnings
from collections.abc import Sequence
from pathlib import Path

from exokg.errors import ExokgError

DEFAULT_OUT = Path("exports")


def _progress(stream):  # type: ignore[no-untyped-def]
    started = time.perf_counter()

    def report(done: int, total: int, doc_id: str) -> None:
        elapsed = time.perf_counter() - started
        rate = done / elapsed if elapsed > 0 else 0.0
        left = (total - done) / rate if rate and total else 0.0
        stream.write(f"\r[{done}/{total}] {rate:.1f} docs/s, ~{left:.0f}s left: {doc_id[:40]:<40}")
        if done == total:
            stream.write("\n")
        stream.flush()

    return report


def cmd_build(args: argparse.Namespace) -> int:
    from exokg.export.writer import check_destinations, write_build_outputs
    from exokg.incremental import DocumentCache
    from exokg.pipeline import build

    check_destinations(args)
    cache = DocumentCache()  # every entry is new: nothing is read from disk
    result = build(args.paths, progress=None if args.quiet else _progress(sys.stderr),
                   on_document=cache.put)
    written = write_build_outputs(result, args.out, store=args.store,
                                  write_cache=cache.write_to, allow_empty=args.allow_empty)
    if not args.quiet:
        print(result.summary())
        for path in written:
            print(f"wrote {path}")
        print(f"built in {result.seconds:.2f}s")
    return 0


def cmd_update(args: argparse.Namespace) -> int:
    """``exokg add`` / ``exokg remove``: change the documents of a built graph.

    The store is locked from reading the cache to publishing the new generation."""
    from exokg.export.writer import check_destinations, write_build_outputs
    from exokg.graph.store import StoreWriter, default_store_path
    from exokg.incremental import CacheError, DocumentCache, add_documents, cache_path, \
        rebuild_from_cache, remove_documents

    check_destinations(args)
    store = args.store or default_store_path(args.out)
    if not Path(store).is_dir():
        raise CacheError(f"no built graph at {store}: run 'exokg build' (with the same "
                         "--out/--store) first")
    with StoreWriter(store) as writer:
        cache = DocumentCache.open(cache_path(store))
        if args.command == "add":
            added, replaced = add_documents(args.paths, cache,
                                            progress=None if args.quiet else _progress(sys.stderr))
            done = f"added {len(added)}, replaced {len(replaced)} document(s)"
        else:
            done = f"removed {len(remove_documents(args.documents, cache))} document(s)"
        result = rebuild_from_cache(cache)
        written = write_build_outputs(result, args.out, store=store, writer=writer,
                                      write_cache=cache.write_to,
                                      allow_empty=args.command == "remove" or args.allow_empty)
    if not args.quiet:
        print(done)
        print(result.summary())
        for path in written:
            print(f"wrote {path}")
    return 0


def cmd_viz(args: argparse.Namespace) -> int:
    from exokg.viz.command import run_viz

    return run_viz(args)


def cmd_export(args: argparse.Namespace) -> int:
    from exokg.export.command import run_export

    return run_export(args)


def cmd_validate(args: argparse.Namespace) -> int:
    from exokg.export.command import run_validate

    return run_validate(args)


def cmd_queries(args: argparse.Namespace) -> int:
    from exokg.query.command import run_queries

    return run_queries(args)


def cmd_query(args: argparse.Namespace) -> int:
    from exokg.query.command import run_query

    return run_query(args)


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="exokg", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the graph and write exports/",
                       description="Build the knowledge graph from text files or folders "
                                   "(default: the bundled founding corpus) and write the "
                                   "exports and the embedded store.")
    b.add_argument("paths", nargs="*", help="input files or folders (.txt, .md, PubMed "
                   ".xml, ClinicalTrials.gov .json)")
    b.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: exports)")
    b.add_argument("--store", type=Path, default=None,
                   help="embedded Oxigraph store folder (default: OUT/../.exokg/store)")
    b.add_argument("--allow-empty", action="store_true",
                   help="publish a graph without documents over one that has documents")
    b.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    b.set_defaults(func=cmd_build)
    for name, helptext in (("add", "add or replace documents in a built graph"),
                           ("remove", "take documents out of a built graph")):
        u = sub.add_parser(name, help=helptext, description=helptext.capitalize() + " (only "
                           "the given files are read; see exokg/incremental.py).")
        if name == "add":
            u.add_argument("paths", nargs="+", help="input files or folders")
        else:
            u.add_argument("documents", nargs="+", help="document ids or the files they came from")
        u.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: exports)")
        u.add_argument("--store", type=Path, default=None,
                       help="embedded Oxigraph store folder (default: OUT/../.exokg/store)")
        u.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
        u.set_defaults(func=cmd_update, allow_empty=False)
    from exokg.viz.command import add_viz_arguments

    v = sub.add_parser("viz", help="write the interactive HTML page (whole graph or focused)",
                       description="Build the graph and write a self-contained, offline HTML "
                                   "page of it: the whole graph, one entity's neighbourhood "
                                   "(--focus, --depth) or a named query's result (--query).")
    add_viz_arguments(v)
    v.set_defaults(func=cmd_viz)
    from exokg.export.command import add_export_arguments, add_validate_arguments

    e = sub.add_parser("export", help="write one export format (Turtle, N-Triples, JSON-LD, "
                       "TriG, N-Quads, KGX, GraphML, CSV)",
                       description="Build the graph (or read --store) and write one format.")
    add_export_arguments(e)
    e.set_defaults(func=cmd_export)
    va = sub.add_parser("validate", help="check a graph against the SHACL shapes",
                        description="Validate an RDF export (default: exports/exokg.ttl) "
                                    "against ontology/shapes.ttl, and an exports folder's KGX "
                                    "files against the Biolink Model; exit 1 if not valid.")
    add_validate_arguments(va)
    va.set_defaults(func=cmd_validate)
    from exokg.query.command import add_queries_arguments, add_query_arguments

    qs = sub.add_parser("queries", help="list the named SPARQL queries",
                        description="List the named competency queries with their parameters.")
    add_queries_arguments(qs)
    qs.set_defaults(func=cmd_queries)
    q = sub.add_parser("query", help="run a named query, a .rq file or a query from stdin",
                       description="Run a SPARQL query on the embedded store, under a time "
                                   "limit and a row cap; SERVICE, FROM, LOAD, USING and "
                                   "updates are refused.")
    add_query_arguments(q)
    q.set_defaults(func=cmd_query)
    return parser


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM: unwind like Ctrl-C, so half-written generations are removed."""
    raise KeyboardInterrupt


def _show_warning(message, category, filename, lineno, file=None, line=None):  # type: ignore[no-untyped-def]
    """Warnings on the command line: one line each, without Python's source location."""
    print(f"exokg: warning: {message}", file=file or sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    warnings.showwarning = _show_warning
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminate)
    try:
        return int(args.func(args))
    except ExokgError as exc:
        report = getattr(exc, "report", None)  # a ValidationError carries its report
        if report is not None:
            print(report.format(), file=sys.stderr)
        print(f"exokg: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # disk full, read-only folder, ...: nothing was replaced
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"exokg: error: {where}{exc.strerror or exc}; nothing was replaced",
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("exokg: interrupted; nothing was replaced", file=sys.stderr)
        return 130
