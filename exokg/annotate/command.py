"""The ``exokg annotate`` command: recognised mentions of the inputs as PubTator or BioC.

``exokg annotate PATH ... [--format pubtator|bioc-xml|bioc-json] [-o FILE]`` reads any input
exokg reads (text with front matter, PubMed XML, registry JSON, PubTator) and writes every
recognised mention. Without ``-o`` the output goes to standard output; with it, to a
temporary file beside FILE that replaces FILE only when everything was written, so a bad
input never leaves a half-written or clobbered file. The format defaults to the one named by
FILE's extension (``.xml`` BioC XML, ``.json`` BioC JSON), else PubTator. When standard error
is a terminal, progress (documents done, rate, time left) is shown there unless ``-q``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from exokg.annotate import ANNOTATION_FORMATS
from exokg.model import Document

_BY_SUFFIX = {".xml": "bioc-xml", ".json": "bioc-json", ".bioc": "bioc-xml"}


def add_annotate_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``exokg annotate``."""
    parser.add_argument("paths", nargs="+", help="input files or folders (.txt, .md, PubMed "
                        ".xml, ClinicalTrials.gov .json, PubTator)")
    parser.add_argument("--format", choices=ANNOTATION_FORMATS, default=None,
                        help="output format (default: from -o's extension, else pubtator)")
    parser.add_argument("-o", "--output", type=Path, default=None,
                        help="output file, written atomically (default: standard output)")


def with_progress(documents: Iterable[Document], total: int, stream: TextIO
                  ) -> Iterator[Document]:
    """Yield ``documents`` while writing ``[done/total] rate, time left: id`` lines (carriage
    return separated) to ``stream``; a final newline when the input is exhausted."""
    started = time.perf_counter()
    done = 0
    for doc in documents:
        elapsed = time.perf_counter() - started
        rate = done / elapsed if done and elapsed > 0 else 0.0
        left = f", ~{(total - done) / rate:.0f}s left" if rate and total >= done else ""
        stream.write(f"\r[{done}/{total}] {rate:.1f} docs/s{left}: {doc.id[:40]:<40}")
        stream.flush()
        yield doc
        done += 1
    stream.write(f"\r[{done}/{total}] done in {time.perf_counter() - started:.1f}s"
                 f"{' ' * 40}\n")
    stream.flush()


def output_format(args: argparse.Namespace) -> str:
    """The chosen format: ``--format``, else from the output's extension, else PubTator."""
    if args.format:
        return str(args.format)
    if args.output is not None:
        return _BY_SUFFIX.get(args.output.suffix.lower(), "pubtator")
    return "pubtator"


def run_annotate(args: argparse.Namespace) -> int:
    """Run the command; raises :class:`exokg.errors.ExokgError` for bad input (the CLI
    prints it as one line)."""
    from exokg.annotate import annotate_documents, write_annotations
    from exokg.export.atomic import atomic_open
    from exokg.pipeline import count_input_documents, stream_documents
    from exokg.recognise import Recogniser

    fmt = output_format(args)
    documents: Iterable[Document] = stream_documents(args.paths)
    if not args.quiet and sys.stderr.isatty():
        documents = with_progress(documents, count_input_documents(args.paths), sys.stderr)
    annotated = annotate_documents(documents, Recogniser.default())
    if args.output is None:
        try:
            write_annotations(annotated, sys.stdout, fmt)
            sys.stdout.flush()
        except BrokenPipeError:  # the reader went away (| head): stop quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    if args.output.is_dir():
        from exokg.errors import InputError

        raise InputError(args.output, "is a directory; -o takes a file name")
    with atomic_open(args.output) as stream:
        write_annotations(annotated, stream, fmt)
    return 0
