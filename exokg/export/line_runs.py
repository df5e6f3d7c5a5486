"""Sorted N-Triples text read once for several writers: the lines of blocks of bytes as they
are written to a file, and the runs of lines of one subject, each line split into its three
terms once.

The RDF exports of a build (:mod:`exokg.export.streamed`) write ``exokg.nt`` from the
external sort's output and Turtle and JSON-LD from the same lines: reading the file back
for each writer decoded and split every line twice more. Here the sorted bytes are written
to the file and decoded as they come (:func:`tee_lines`), and both writers take each
subject's run of split lines (:func:`subject_runs`).

An N-Triples line is ``subject predicate object .`` with single spaces between the terms
(Oxigraph's writer; neither an IRI nor a blank node label holds a space, a literal is the
last term), so splitting at the first two spaces gives the terms.

>>> import io
>>> written = io.BytesIO()
>>> lines = tee_lines([b'<a> <p> "x y" .\\n<a> <q> <', b'b> .\\n<c> <p> <d> .'], written.write)
>>> [[row for row in run] for run in subject_runs(lines)]
[[['<a>', '<p>', '"x y"'], ['<a>', '<q>', '<b>']], [['<c>', '<p>', '<d>']]]
>>> written.getvalue()[-9:]
b'<p> <d> .'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from typing import Any

__all__ = ["line_body", "subject_runs", "tee_lines"]


def tee_lines(blocks: Iterable[bytes], write: Callable[[bytes], Any]) -> Iterator[str]:
    """The lines (without their line end) of the UTF-8 text in ``blocks``, each block
    handed to ``write`` before its lines are read; lines end at ``\\n`` only (as a file
    opened with ``newline="\\n"`` reads them) and may span blocks; a last line without a
    line end is a line.

    Raises:
        UnicodeDecodeError: the bytes are not UTF-8.
    """
    return chain.from_iterable(_line_chunks(blocks, write))


def _line_chunks(blocks: Iterable[bytes], write: Callable[[bytes], Any]) -> Iterator[list[str]]:
    pending = b""
    for block in blocks:
        write(block)
        end = block.rfind(b"\n")
        if end < 0:
            pending += block
            continue
        text = (pending + block[:end] if pending else block[:end]).decode("utf-8")
        pending = block[end + 1:]
        yield text.split("\n")
    if pending:
        yield [pending.decode("utf-8")]


def line_body(line: str, kind: str) -> str:
    """``line`` without its `` .`` and line end (if any).

    Raises:
        ValueError: the line does not end so (``kind`` names what it should be).
    """
    if line.endswith(" .\n"):
        return line[:-3]
    if line.endswith(" ."):
        return line[:-2]
    raise ValueError(f"not an {kind} line: {line[:80]!r}")


def subject_runs(lines: Iterable[str]) -> Iterator[list[list[str]]]:
    """The runs of consecutive N-Triples ``lines`` (with or without line ends) of one
    subject, each line as ``[subject, predicate, object]`` (N-Triples text). Sorted lines
    give one run per subject.

    Raises:
        ValueError: a line that is not ``subject predicate object .``.
    """
    run: list[list[str]] = []
    subject = None
    for line in lines:
        if line[-2:] == " .":
            terms = line[:-2].split(" ", 2)
        else:
            terms = line_body(line, "N-Triples").split(" ", 2)
        if len(terms) != 3:
            raise ValueError(f"not an N-Triples line: {line[:80]!r}")
        if terms[0] != subject:
            if run:
                yield run
            run = [terms]
            subject = terms[0]
        else:
            run.append(terms)
    if run:
        yield run
