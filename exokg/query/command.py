"""The ``exokg queries`` and ``exokg query`` commands (wired in :mod:`exokg.cli`).

``exokg queries`` lists the named queries; ``exokg query NAME|FILE|-`` runs a named query, a
``.rq`` file or a query read from standard input, and prints (or writes) the result as an
aligned table, CSV, TSV, SPARQL 1.1 results JSON or Markdown.
"""

from __future__ import annotations

import argparse
import re
import sys
import warnings
from pathlib import Path
from typing import Any

from exokg.errors import ExokgError
from exokg.query.errors import ParameterError, QuerySyntaxError, ResultTruncatedWarning
from exokg.query.paging import DEFAULT_PAGE_SIZE, paginate
from exokg.query.results import FORMATS
from exokg.query.sandbox import DEFAULT_MAX_MEMORY, DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT

__all__ = ["add_queries_arguments", "add_query_arguments", "parse_param_value", "run_queries",
           "run_query"]


def _store_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", type=Path, default=None,
                        help="an Oxigraph store folder, an exports folder or a Turtle file "
                             "(default: the current graph: $EXOKG_STORE, else the nearest "
                             ".exokg/project.json here or above; the bundled corpus, with a "
                             "warning, when there is none)")


def add_queries_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("table", "md", "json"), default="table",
                        help="output format (default: table)")


def add_query_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", metavar="NAME|FILE|-",
                        help="a named query (see 'exokg queries'), a .rq file, or - to read "
                             "the query from standard input")
    parser.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                        help="a parameter (named queries) or a variable binding (files, "
                             "stdin); repeatable. Values: CURIE or <IRI> bind IRIs, "
                             "true/false and numbers typed literals, \"quoted\" text a string")
    parser.add_argument("-f", "--format", choices=FORMATS, default="table",
                        help="output format: table, csv, tsv, json (SPARQL 1.1 results "
                             "JSON) or md (default: table)")
    parser.add_argument("-o", "--output", type=Path, default=None,
                        help="write the result to this file instead of standard output")
    _store_argument(parser)
    parser.add_argument("--timeout", type=_timeout, default=DEFAULT_TIMEOUT,
                        help=f"seconds before the query is stopped (default {DEFAULT_TIMEOUT:g}; "
                             "at most 86400)")
    parser.add_argument("--max-rows", type=_positive_int, default=DEFAULT_MAX_ROWS,
                        help=f"row cap (default {DEFAULT_MAX_ROWS})")
    parser.add_argument("--max-memory", type=_positive_int, default=DEFAULT_MAX_MEMORY >> 20,
                        metavar="MIB", help="memory the query process may use, in MiB "
                        f"(default {DEFAULT_MAX_MEMORY >> 20})")
    parser.add_argument("--no-curies", action="store_true",
                        help="leave out the <column>_curie columns (table, csv, tsv, md)")
    parser.add_argument("--page", type=int, default=None, metavar="N",
                        help="only page N (from 1) of the result, in the query's order")
    parser.add_argument("--page-size", type=int, default=DEFAULT_PAGE_SIZE, metavar="ROWS",
                        help=f"rows per page with --page (default {DEFAULT_PAGE_SIZE})")
    parser.add_argument("-c", "--columns", metavar="A,B,...", default=None,
                        help="only these columns, in this order (an unknown name lists the "
                             "result's columns)")
    parser.add_argument("--width", type=int, default=None, metavar="N",
                        help="table: fit lines into N characters (default: the terminal's "
                             "width when writing to a terminal, else no limit)")


def _timeout(text: str) -> float:
    from exokg.query.sandbox import check_timeout

    try:
        return check_timeout(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a whole number above 0, not {text!r}")
    return value


def run_queries(args: argparse.Namespace) -> int:
    import json

    from exokg.query.library import load_library

    library = load_library()
    if args.format == "json":
        data = [{"name": q.name, "title": q.title, "description": q.description,
                 "parameters": [{"name": p.name, "type": p.type, "required": p.required,
                                 "default": p.default, "description": p.description}
                                for p in q.params]} for q in library.values()]
        sys.stdout.write(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
        return 0
    if args.format == "md":
        lines = ["| query | title | parameters |", "|---|---|---|"]
        for q in library.values():
            params = ", ".join(f"`{p.describe()}`" for p in q.params) or "none"
            lines.append(f"| `{q.name}` | {q.title} | {params} |")
        sys.stdout.write("\n".join(lines) + "\n")
        return 0
    width = max(len(name) for name in library)
    for q in library.values():
        print(f"{q.name.ljust(width)}  {q.title}")
        for p in q.params:
            print(f"{'':{width}}    {p.describe()}  {p.description}")
        if args.reporter.verbosity >= 2:
            print(f"{'':{width}}    {q.description}")
    print("\nrun one with: exokg query NAME [--param NAME=VALUE ...] [--format csv|tsv|json|md]")
    return 0


def parse_param_value(text: str) -> Any:
    """A command-line value for an ad-hoc query binding: ``<IRI>`` and CURIEs are IRIs,
    ``true``/``false`` booleans, digits integers or decimals, ``"quoted"`` text always a
    plain string (an rdflib Literal), anything else a plain string.

    >>> parse_param_value('5'), parse_param_value('true'), parse_param_value('<http://x.org/a>')
    (5, True, 'http://x.org/a')
    >>> parse_param_value('"CL:0000134"')
    rdflib.term.Literal('CL:0000134')
    """
    from decimal import Decimal

    from rdflib import Literal

    if len(text) >= 2 and text[0] == text[-1] == '"':
        return Literal(text[1:-1])
    if text.startswith("<") and text.endswith(">"):
        return text[1:-1]
    if text in ("true", "false"):
        return text == "true"
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    if re.fullmatch(r"[+-]?\d*\.\d+", text):
        return Decimal(text)
    return text


def _params(items: list[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not name:
            raise ParameterError(f"--param {item!r}: expected NAME=VALUE")
        params[name] = value
    return params


def _table_width(args: argparse.Namespace) -> int | None:
    """The line width a table must fit: ``--width``, else the terminal's when writing to one."""
    import shutil

    if args.width is not None:
        return max(args.width, 20)
    if args.output is None and sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return None


def _open(args: argparse.Namespace) -> Any:
    """The KnowledgeGraph of ``--store`` or the current graph; a missing current graph is
    reported once, as a warning, before the bundled corpus is used."""
    from exokg.project import NoGraphWarning, find_current, no_graph_message
    from exokg.query.api import load

    store = args.store
    if store is None:
        current = find_current()
        if current is None:
            args.reporter.warn(no_graph_message())
        else:
            args.reporter.detail(f"using {current.describe()}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NoGraphWarning)
        return load(store, timeout=args.timeout, max_rows=args.max_rows,
                    max_memory=args.max_memory << 20)


def run_query(args: argparse.Namespace) -> int:
    from exokg.export.atomic import write_bytes
    from exokg.query.library import load_library

    library = load_library()
    params = _params(args.param)
    source = args.query
    text: str | None = None
    data: bytes | None = None
    if source == "-":
        stream = getattr(sys.stdin, "buffer", None)  # a replaced stdin may be text only
        if stream is None:
            text = sys.stdin.read()
        else:
            data, origin = stream.read(), "<stdin>"
    elif source not in library and (source.endswith(".rq") or Path(source).is_file()):
        try:
            data, origin = Path(source).read_bytes(), source
        except OSError as exc:
            raise ExokgError(f"{source}: cannot read the query: {exc.strerror}") from None
    if data is not None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise ExokgError(f"{origin}:{line}: the query is not valid UTF-8 (byte "
                             f"{exc.start + 1})") from None
    if text is None:
        library[source]  # an unknown name fails here, before anything is loaded
    kg = _open(args)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ResultTruncatedWarning)
            try:
                if text is None:
                    table = kg.run(source, params, page=args.page, page_size=args.page_size)
                else:
                    bindings = {k: parse_param_value(v) for k, v in params.items()}
                    if args.page is not None:
                        text = paginate(text, args.page, args.page_size)
                    table = kg.query(text, bindings)
            except QuerySyntaxError as exc:
                if exc.context:
                    print(exc.context, file=sys.stderr)
                raise
        for warning in caught:
            print(f"exokg: warning: {warning.message}", file=sys.stderr)
        if args.page is not None and len(table.rows) == args.page_size:
            print(f"exokg: page {args.page} is full; more rows may follow: --page "
                  f"{args.page + 1}", file=sys.stderr)
        columns = [c.strip() for c in args.columns.split(",") if c.strip()] \
            if args.columns else None
        try:
            output = table.render(args.format, curies=not args.no_curies, columns=columns,
                                  max_width=_table_width(args))
        except ValueError as exc:
            raise ParameterError(f"--columns: {exc}") from None
    finally:
        kg.close()
    if args.output is not None:
        write_bytes(args.output, output.encode("utf-8"))
    else:
        sys.stdout.write(output)
    return 0
