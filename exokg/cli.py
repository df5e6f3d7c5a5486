"""The ``exokg`` command line: thin commands over the library.

Errors in input are printed as one line (``exokg: error: FILE:PLACE: message``) with exit
status 2; nothing in the output folder is replaced unless the whole build succeeded.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import shutil
import signal
import sys
import threading
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

from exokg.errors import ExokgError

DEFAULT_OUT = Path("exports")


def cmd_build(args: argparse.Namespace) -> int:
    from exokg.claimstore import work_folder
    from exokg.export.writer import check_destinations, write_build_outputs
    from exokg.graph.store import default_store_path
    from exokg.incremental import DocumentCache
    from exokg.pipeline import build
    from exokg.project import record_project

    reporter = args.reporter
    check_destinations(args)
    store = args.store or default_store_path(args.out)
    # the build's scratch (claim table, cache entries) beside the store: same disk, and
    # removed by the next build if this one is killed
    parent = Path(store).absolute().parent
    made = not parent.exists()
    work = work_folder(parent)
    try:
        cache = DocumentCache(spool=work / "documents")  # entries go to disk as they come
        progress = reporter.counter("reading and extracting documents") \
            if reporter.verbosity else None
        result = build(args.paths, progress=progress, on_document=cache.put,
                       mentions=args.mentions, workers=args.workers, dask=args.dask,
                       workdir=work, reporter=reporter)
        written = write_build_outputs(result, args.out, store=args.store,
                                      write_cache=cache.write_to,
                                      allow_empty=args.allow_empty, reporter=reporter,
                                      workers=args.workers)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if made:  # a failed first build leaves nothing behind
            with contextlib.suppress(OSError):
                parent.rmdir()
    written.append(record_project(args.out, store, args.paths))
    if reporter.verbosity:
        print(result.summary())
        for path in written:
            print(f"wrote {path}")
        print(f"built in {reporter.summary()}")
    return 0


def _update_target(args: argparse.Namespace) -> tuple[Path, Path, tuple[str, ...]]:
    """The exports folder, store and recorded inputs ``add``/``remove`` change."""
    from exokg.graph.store import default_store_path
    from exokg.project import find_project

    if args.out is None and args.store is None:
        project = find_project()
        if project is None:
            raise ExokgError("no built graph to change (no .exokg/project.json here or "
                             "above); build one first with 'exokg build PATH ...', or give "
                             "--out/--store")
        return project.out, project.store, project.inputs
    out = args.out if args.out is not None else DEFAULT_OUT
    store = args.store or default_store_path(out)
    known = find_project(Path(out).resolve().parent)
    inputs = known.inputs if known is not None and known.root == Path(out).resolve().parent \
        else ()
    return out, store, inputs


def cmd_update(args: argparse.Namespace) -> int:
    """``exokg add`` / ``exokg remove``: change the documents of a built graph.

    The store is locked from reading the cache to publishing the new generation."""
    from exokg.export.writer import check_destinations, write_build_outputs
    from exokg.graph.store import StoreWriter
    from exokg.incremental import CacheError, DocumentCache, add_documents, cache_path, \
        rebuild_from_cache, remove_documents
    from exokg.project import record_project

    reporter = args.reporter
    out, store, inputs = _update_target(args)
    args.out, args.store = out, store
    check_destinations(args)
    if not Path(store).is_dir():
        raise CacheError(f"no built graph at {store}: run 'exokg build' (with the same "
                         "--out/--store) first")
    reporter.detail(f"changing the graph in {store} (exports in {out})")
    with StoreWriter(store) as writer:
        cache = DocumentCache.open(cache_path(store))
        if args.command == "add":
            progress = reporter.counter("reading and extracting documents") \
                if reporter.verbosity else None
            added, replaced = add_documents(args.paths, cache, progress=progress)
            done = f"added {len(added)}, replaced {len(replaced)} document(s)"
            inputs = tuple(dict.fromkeys([*inputs, *map(str, args.paths)]))
        else:
            done = f"removed {len(remove_documents(args.documents, cache))} document(s)"
        with reporter.phase("assembling the graph"):
            result = rebuild_from_cache(cache, workdir=Path(store).absolute().parent)
        written = write_build_outputs(result, out, store=store, writer=writer,
                                      write_cache=cache.write_to,
                                      allow_empty=args.command == "remove" or args.allow_empty,
                                      reporter=reporter)
    written.append(record_project(out, store, inputs))
    if reporter.verbosity:
        print(done)
        print(result.summary())
        for path in written:
            print(f"wrote {path}")
        print(f"done in {reporter.summary()}")
    return 0


def _command(target: str) -> Callable[[argparse.Namespace], int]:
    """The command ``module:function``, imported when it runs (so ``exokg --help`` and a
    command's start do not import every other command's dependencies)."""
    module, name = target.split(":")

    def run(args: argparse.Namespace) -> int:
        return int(getattr(importlib.import_module(module), name)(args))

    run.__name__ = name
    return run


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("exokg")
    except PackageNotFoundError:
        return "unknown (not installed)"


def _common_options(top: bool) -> argparse.ArgumentParser:
    """-q/-v, accepted before or after the subcommand (after wins)."""
    common = argparse.ArgumentParser(add_help=False)
    default: object = argparse.SUPPRESS if not top else None
    common.add_argument("-q", "--quiet", action="store_true",
                        default=False if top else argparse.SUPPRESS,
                        help="print only warnings and errors")
    common.add_argument("-v", "--verbose", action="count",
                        default=0 if top else default,
                        help="say more (phase timings, where the graph was found)")
    return common


def _store_option(parser: argparse.ArgumentParser, text: str) -> None:
    parser.add_argument("--store", type=Path, default=None, help=text)


_CURRENT = ("embedded store folder (default: the current graph: $EXOKG_STORE, else the "
            "nearest .exokg/project.json here or above)")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="exokg", parents=[_common_options(top=True)],
        description="Build knowledge graphs of MSC exosome therapy for stroke from papers, "
                    "then explore, draw, query and report them.",
        epilog="Commands work on the current graph: the one 'exokg build' recorded in "
               ".exokg/project.json, found from the working folder upward ($EXOKG_STORE "
               "or --store name another). 'exokg COMMAND -h' describes a command.")
    parser.add_argument("--version", action="version", version=f"exokg {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = [_common_options(top=False)]

    def add(name: str, **kwargs: object) -> argparse.ArgumentParser:
        command = sub.add_parser(name, parents=common, **kwargs)  # type: ignore[arg-type]
        command.set_defaults(_parser=command)
        return command

    b = add("build", help="build the graph and write exports/",
            description="Build the knowledge graph from text files or folders "
                        "(default: the bundled founding corpus), write the exports and "
                        "the embedded store, and record them as the current graph "
                        "(.exokg/project.json beside the output folder).")
    b.add_argument("paths", nargs="*", help="input files or folders (.txt, .md, PubMed "
                   ".xml, ClinicalTrials.gov .json)")
    b.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: exports)")
    _store_option(b, "embedded Oxigraph store folder (default: OUT/../.exokg/store)")
    b.add_argument("--mentions", action="store_true",
                   help="also put every recognised mention in the graph (exo:Mention nodes "
                        "with offsets, sentence and grounding; see docs/annotate.md)")
    from exokg.parallel import add_parallel_arguments

    add_parallel_arguments(b)
    b.add_argument("--allow-empty", action="store_true",
                   help="publish a graph without documents over one that has documents")
    b.set_defaults(func=cmd_build)
    for name, helptext in (("add", "add or replace documents in a built graph"),
                           ("remove", "take documents out of a built graph")):
        u = add(name, help=helptext, description=helptext.capitalize() + " (only the "
                "given files are read; see exokg/incremental.py). Default: the current "
                "graph (the nearest .exokg/project.json here or above).")
        if name == "add":
            u.add_argument("paths", nargs="+", help="input files or folders")
        else:
            u.add_argument("documents", nargs="+", help="document ids or the files they came from")
        u.add_argument("--out", type=Path, default=None,
                       help="output folder (default: the current graph's)")
        _store_option(u, "embedded Oxigraph store folder (default: the current graph's, "
                      "or OUT/../.exokg/store with --out)")
        u.set_defaults(func=cmd_update, allow_empty=False)
    from exokg.annotate.command import add_annotate_arguments

    an = add("annotate", help="write the recognised mentions as PubTator or BioC",
                        description="Recognise and ground the mentions in the inputs and write "
                                    "them with document offsets as PubTator, BioC XML or BioC "
                                    "JSON (see docs/annotate.md).")
    add_annotate_arguments(an)
    an.set_defaults(func=_command("exokg.annotate.command:run_annotate"))
    from exokg.viz.command import add_viz_arguments

    v = add("viz", help="write the interactive HTML page (whole graph or focused)",
            description="Write a self-contained, offline HTML page of the current graph "
                        "(or of a build of PATHS): the whole graph, one entity's "
                        "neighbourhood (--focus, --depth) or a named query's result "
                        "(--query).")
    add_viz_arguments(v)
    _store_option(v, _CURRENT)
    v.set_defaults(func=_command("exokg.viz.command:run_viz"))
    from exokg.export.command import add_export_arguments, add_validate_arguments

    e = add("export", help="write one export format (Turtle, N-Triples, JSON-LD, "
            "TriG, N-Quads, KGX, GraphML, CSV)",
            description="Write one format of the current graph (or of a build of PATHS).")
    add_export_arguments(e)
    _store_option(e, _CURRENT)
    e.set_defaults(func=_command("exokg.export.command:run_export"))
    va = add("validate", help="check a graph against the SHACL shapes",
             description="Validate an RDF export (default: the current graph's exports) "
                         "against ontology/shapes.ttl, and an exports folder's KGX files "
                         "against the Biolink Model; exit 1 if not valid.")
    add_validate_arguments(va)
    _store_option(va, "validate the graph in this embedded store folder instead of a file")
    va.set_defaults(func=_command("exokg.export.command:run_validate"))
    from exokg.report.command import add_report_arguments

    r = add("report", help="write a readable report of the graph (HTML and Markdown)",
            description="Write one self-contained, offline HTML report of the current "
                        "graph (and a Markdown version): what was read, the main findings "
                        "per outcome by preparation, species and model, plots, "
                        "contradictions and disagreements, each linked to its evidence. "
                        "Needs matplotlib (pip install 'exokg[report]').")
    add_report_arguments(r)
    r.set_defaults(func=_command("exokg.report.command:run_report"))
    from exokg.query.command import add_queries_arguments, add_query_arguments

    qs = add("queries", help="list the named SPARQL queries",
             description="List the named competency queries with their parameters "
                         "(-v: with descriptions).")
    add_queries_arguments(qs)
    qs.set_defaults(func=_command("exokg.query.command:run_queries"))
    q = add("query", help="run a named query, a .rq file or a query from stdin",
            description="Run a SPARQL query on the current graph's store, under a time "
                        "limit and a row cap; SERVICE, FROM, LOAD, USING and updates are "
                        "refused.")
    add_query_arguments(q)
    q.set_defaults(func=_command("exokg.query.command:run_query"))
    from exokg.lexicon.command import add_lexicon_arguments

    lx = add("lexicon", help="build or describe the open-vocabulary lexicon",
                        description="Compile the ontology and gene dictionaries that "
                                    "recognition uses beside the curated vocabulary, or show "
                                    "which one is current.")
    add_lexicon_arguments(lx)
    lx.set_defaults(func=_command("exokg.lexicon.command:run_lexicon"))

    from exokg.serve import add_serve_arguments

    sv = add("serve", help="serve the graph over SPARQL 1.1 (the Oxigraph server)",
                        description="Start the Oxigraph SPARQL server on the built store, "
                                    "read-only and on this machine only unless told "
                                    "otherwise (needs exokg[server]; docs/scale.md).")
    add_serve_arguments(sv)
    sv.set_defaults(func=_command("exokg.serve:run_serve"))
    return parser


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM: unwind like Ctrl-C, so half-written generations are removed."""
    raise KeyboardInterrupt


def _show_warning(message, category, filename, lineno, file=None, line=None):  # type: ignore[no-untyped-def]
    """Warnings on the command line: one line each, without Python's source location."""
    print(f"exokg: warning: {message}", file=file or sys.stderr)


def _silence_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the exit flush cannot fail."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 check failed, 2 error,
    130 interrupted, 141 output pipe closed early)."""
    from exokg.progress import Reporter

    parser = make_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:  # report a mistyped option with the subcommand's own usage
        getattr(args, "_parser", parser).error(f"unrecognized arguments: {' '.join(extra)}")
    verbosity = 0 if args.quiet else 1 + (args.verbose or 0)
    args.reporter = Reporter(verbosity)
    warnings.showwarning = _show_warning
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminate)
    try:
        status = int(args.func(args))
        sys.stdout.flush()
        return status
    except BrokenPipeError:  # e.g. `exokg queries | head -5`: the reader has what it wanted
        _silence_stdout()
        return 141
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
