"""The ``exokg`` command line: thin commands over the library.

Errors in input are printed as one line (``exokg: error: FILE:PLACE: message``) with exit
status 2; nothing in the output folder is replaced unless the whole build succeeded.
"""

from __future__ import annotations

import argparse
import sys
import time
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
    from exokg.export.writer import write_build_outputs
    from exokg.pipeline import build

    result = build(args.paths, progress=None if args.quiet else _progress(sys.stderr))
    written = write_build_outputs(result, args.out, store=args.store)
    if not args.quiet:
        print(result.summary())
        for path in written:
            print(f"wrote {path}")
        print(f"built in {result.seconds:.2f}s")
    return 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="exokg", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the graph and write exports/",
                       description="Build the knowledge graph from text files or folders "
                                   "(default: the bundled founding corpus) and write the "
                                   "exports and the embedded store.")
    b.add_argument("paths", nargs="*", help="input files or folders (.txt, .md)")
    b.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: exports)")
    b.add_argument("--store", type=Path, default=None,
                   help="embedded Oxigraph store folder (default: OUT/../.exokg/store)")
    b.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    b.set_defaults(func=cmd_build)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except ExokgError as exc:
        print(f"exokg: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("exokg: interrupted", file=sys.stderr)
        return 130
