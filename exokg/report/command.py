"""``exokg report``: the arguments and the command (cli.py only wires them in)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["add_report_arguments", "run_report"]


def add_report_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``exokg report`` arguments to a (sub)parser."""
    parser.add_argument("paths", nargs="*", help="input files or folders to build and "
                        "report on (default: the current graph, see --store)")
    parser.add_argument("-o", "--output", type=Path, default=None,
                        help="the HTML report (default: report.html in the current "
                             "graph's exports folder)")
    parser.add_argument("--markdown", type=Path, default=None, metavar="PATH",
                        help="the Markdown report (default: the HTML path with .md; its "
                             "plots go in NAME-figures/ beside it)")
    parser.add_argument("--no-markdown", action="store_true",
                        help="write the HTML report only")
    parser.add_argument("--title", default="exokg report", help="the report's title")
    parser.add_argument("--store", type=Path, default=None,
                        help="embedded store folder (default: the current graph: "
                             "$EXOKG_STORE, else the nearest .exokg/project.json here or "
                             "above)")


def run_report(args: argparse.Namespace) -> int:
    """Write the report of the current graph (or of a build of ``args.paths``)."""
    from exokg.project import open_source
    from exokg.query.api import KnowledgeGraph, load
    from exokg.report import write_report
    from exokg.report.figures import require_matplotlib

    require_matplotlib()  # before any work: say at once what is missing
    reporter = args.reporter
    source = open_source(args.paths, args.store, reporter)
    kg = source.graph if isinstance(source.graph, KnowledgeGraph) else load(source.graph)
    try:
        html = args.output or source.out / "report.html"
        markdown = None if args.no_markdown else (args.markdown or html.with_suffix(".md"))
        with reporter.phase("writing the report"):
            written = write_report(kg, html, markdown, title=args.title)
    finally:
        kg.close()
        source.close()
    if reporter.verbosity:
        for path in written:
            print(f"wrote {path}", file=sys.stdout)
    return 0
