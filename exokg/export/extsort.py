"""Sorting more lines than fit in memory: sorted runs on disk, merged.

Lines are compared as bytes (for UTF-8 text that is code point order, the order Python
gives ``str``), duplicates are dropped. Memory is bounded by ``chunk_bytes`` plus one line
per run while merging.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as scratch:
...     list(sorted_unique([b"b\\n", b"a\\n", b"b\\n", b"c\\n"], scratch, chunk_bytes=4))
[b'a\\n', b'b\\n', b'c\\n']
"""

from __future__ import annotations

import heapq
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = ["CHUNK_BYTES", "sorted_unique"]

#: Bytes of lines sorted in memory at a time (about twice that in Python objects).
CHUNK_BYTES = 64 << 20


def _run(lines: list[bytes], scratch: Path) -> Path:
    lines.sort()
    fd, name = tempfile.mkstemp(prefix="run-", suffix=".txt", dir=scratch)
    with os.fdopen(fd, "wb", buffering=1 << 20) as handle:
        previous = None
        for line in lines:
            if line != previous:
                handle.write(line)
                previous = line
    return Path(name)


def _read(path: Path) -> Iterator[bytes]:
    with open(path, "rb", buffering=1 << 20) as handle:
        yield from handle


def sorted_unique(lines: Iterable[bytes], scratch: str | Path,
                  chunk_bytes: int = CHUNK_BYTES) -> Iterator[bytes]:
    """The lines (each ending in a newline), sorted as bytes and without duplicates.

    Runs of ``chunk_bytes`` are sorted in memory and written to files in ``scratch``
    (removed when the iterator is exhausted or closed); a single run is never written.

    Raises OSError when ``scratch`` cannot be written.
    """
    scratch = Path(scratch)
    runs: list[Path] = []
    chunk: list[bytes] = []
    size = 0
    try:
        for line in lines:
            chunk.append(line)
            size += len(line) + 64
            if size >= chunk_bytes:
                runs.append(_run(chunk, scratch))
                chunk, size = [], 0
        if not runs:
            chunk.sort()
            merged: Iterable[bytes] = chunk
        else:
            if chunk:
                runs.append(_run(chunk, scratch))
            chunk = []
            merged = heapq.merge(*(_read(r) for r in runs))
        previous = None
        for line in merged:
            if line != previous:
                yield line
                previous = line
    finally:
        for run in runs:
            run.unlink(missing_ok=True)


def copy_lines(lines: Iterable[bytes], handle: BinaryIO) -> int:
    """Write the lines to ``handle``; returns how many were written."""
    count = 0
    write = handle.write
    for line in lines:
        write(line)
        count += 1
    return count
