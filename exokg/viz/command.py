"""``exokg viz``: the arguments and the command behind them (cli.py only wires them in)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from exokg.errors import ExokgError
from exokg.ids import slugify

__all__ = ["add_viz_arguments", "run_viz"]


def add_viz_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``exokg viz`` arguments to a (sub)parser."""
    parser.add_argument("paths", nargs="*",
                        help="input files or folders to build and draw (default: the "
                             "current graph, see --store)")
    parser.add_argument("--out", type=Path, default=None,
                        help="output folder (default: the current graph's exports folder, "
                             "else exports)")
    parser.add_argument("-o", "--output", type=Path, default=None,
                        help="page file (default: OUT/exokg.html, OUT/focus-NAME-dN.html "
                             "or OUT/query-NAME.html)")
    parser.add_argument("--focus", metavar="ENTITY",
                        help="draw one entity's neighbourhood: a label, synonym or CURIE")
    parser.add_argument("--depth", type=int, default=1,
                        help="with --focus: how many edges away to draw (default: 1)")
    parser.add_argument("--query", metavar="NAME",
                        help="draw the entities and statements of a named query's result "
                             "(see 'exokg queries')")
    parser.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                        help="with --query: a query parameter (repeatable)")
    parser.add_argument("--title", help="page title")


def _default_output(args: argparse.Namespace, out: Path) -> Path:
    if args.query:
        name = slugify(" ".join([args.query, *args.param]), max_length=80) or "result"
        return out / f"query-{name}.html"
    if args.focus:
        return out / f"focus-{slugify(args.focus) or 'entity'}-d{args.depth}.html"
    return out / "exokg.html"


def run_viz(args: argparse.Namespace) -> int:
    """Write the requested page of the current graph (or of a build of ``args.paths``);
    returns 0."""
    if args.depth < 0:
        raise ExokgError("--depth must be 0 or more")
    if args.query and args.focus:
        raise ExokgError("use either --focus or --query, not both")
    from exokg.project import open_source

    source = open_source(args.paths, args.store, args.reporter)
    try:
        return _draw(args, source.graph, args.out or source.out)
    finally:
        source.close()


def _draw(args: argparse.Namespace, result: Any, out: Path) -> int:
    from exokg.viz.api import graph_view, write_page

    if args.query:
        from exokg.viz.query import query_view

        params = {}
        for item in args.param:
            key, sep, value = item.partition("=")
            if not sep or not key:
                raise ExokgError(f"--param {item!r}: expected NAME=VALUE")
            params[key] = value
        view = query_view(result, args.query, params, title=args.title)
    else:
        view = graph_view(result, focus=args.focus, depth=args.depth, title=args.title)
    path = write_page(args.output or _default_output(args, out), view)
    if args.reporter.verbosity:
        print(f"wrote {path} ({len(view.nodes)} entities, {len(view.edges)} relations)",
              file=sys.stdout)
    return 0
