"""Sorting more lines than fit in memory: sorted runs on disk, merged.

Lines are compared as bytes (for UTF-8 text that is code point order, the order Python
gives ``str``), duplicates are dropped. Memory is bounded by ``chunk_bytes`` plus one line
per run while merging.

:func:`sort_file` sorts a file with GNU ``sort`` from coreutils when it is installed
(``LC_ALL=C``: byte order, the same lines and order as :func:`sorted_unique`; its temporary
files go to the scratch folder given, and its memory is bounded by ``-S``), about ten times
faster than merging in Python, and with :func:`sorted_unique` otherwise. Its buffer is
small (:data:`SORT_BUFFER`) and it merges all its sorted runs in one pass
(:func:`merge_width`): on the 10,000-abstract partition file (342 MB) a 32 MB buffer took
about a third less CPU than 256 MB (fewer page faults, a buffer that stays nearer the
caches), and on a 1 GB file merging its runs at once took less again than merging them 16
at a time, ``sort``'s default (docs/benchmarks.md, "Exports, validation and memory,
round 4").

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as scratch:
...     list(sorted_unique([b"b\\n", b"a\\n", b"b\\n", b"c\\n"], scratch, chunk_bytes=4))
[b'a\\n', b'b\\n', b'c\\n']
"""

from __future__ import annotations

import heapq
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = ["CHUNK_BYTES", "SORT_BUFFER", "gnu_tools", "merge_width",
           "sort_file", "sorted_blocks", "sorted_unique"]

#: Bytes of lines sorted in memory at a time (about twice that in Python objects).
CHUNK_BYTES = 64 << 20
#: The memory GNU ``sort`` may use for its sorted runs (``-S``); more is merged from disk.
SORT_BUFFER = 32 << 20
_BLOCK = 1 << 20
#: ``sort``'s own merge width (``--batch-size``), never gone below
_MERGE_MIN = 16
#: open files kept free for ``sort`` itself (its input, output, a temporary file)
_SPARE_FILES = 16


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


def gnu_tools() -> tuple[str, str] | None:
    """The paths of GNU coreutils ``sort`` and ``cut``, or None when either is missing or
    is another program of that name (BSD's, Windows' ``sort``), whose options differ."""
    found = []
    for name in ("sort", "cut"):
        path = shutil.which(name)
        if path is None:
            return None
        try:
            version = subprocess.run([path, "--version"], capture_output=True, timeout=30,
                                     check=True).stdout
        except (OSError, subprocess.SubprocessError):
            return None
        if b"GNU coreutils" not in version:
            return None
        found.append(path)
    return found[0], found[1]


def merge_width(size: int, buffer_bytes: int, open_files: int) -> int:
    """How many sorted runs GNU ``sort`` should merge at once (``--batch-size``) for a
    file of ``size`` bytes sorted in ``buffer_bytes``: every run in one pass (a run holds
    somewhat less than the buffer: ``sort`` keeps a line record beside each line), at
    least ``sort``'s default of 16, and never more than ``open_files`` (the process's
    limit) leaves room for.

    >>> merge_width(342_000_000, 32 << 20, 1024)  # 10,000 abstracts' partition file
    16
    >>> merge_width(3_400_000_000, 32 << 20, 1024)  # 100,000 abstracts'
    128
    >>> merge_width(3_400_000_000, 32 << 20, 64)
    48
    """
    runs = -(-size * 5 // (buffer_bytes * 4)) + 1
    return max(_MERGE_MIN, min(runs, open_files - _SPARE_FILES))


def _open_files() -> int:
    """The soft limit of open files of this process (and of the ``sort`` it starts)."""
    try:
        import resource

        soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    except (ImportError, OSError, ValueError):
        return 256
    return soft if soft > 0 else 256


def sorted_blocks(source: str | Path, scratch: str | Path, *, after_tab: bool = False,
                  external: bool = True, buffer_bytes: int = SORT_BUFFER) -> Iterator[bytes]:
    """The lines of the file ``source``, sorted as bytes and without duplicates
    (:func:`sorted_unique`), as blocks of bytes (a block may end inside a line); with
    ``after_tab``, each line from after its first tab (the sort key before it is dropped
    once sorted; a line without a tab is dropped). What :func:`sort_file` writes, for a
    reader that does more with the sorted lines than store them (the RDF exports write the
    other formats from the same pass, :mod:`exokg.export.streamed`).

    GNU ``sort`` (and ``cut``) do the work when :func:`gnu_tools` finds them and
    ``external``; their temporary files go to ``scratch`` and are removed when they end
    (also when the reader stops early: closing the generator closes their pipe).

    Raises:
        OSError: ``source`` cannot be read, ``scratch`` cannot be written (for the external
            sort: its own one-line message, e.g. ``No space left on device``, once its
            output has been read).
    """
    tools = gnu_tools() if external else None
    if tools is None:
        with open(source, "rb", buffering=_BLOCK) as handle:
            lines: Iterable[bytes] = sorted_unique(handle, scratch)
            if after_tab:
                lines = (rest for line in lines if (rest := line.partition(b"\t")[2]))
            batch: list[bytes] = []
            size = 0
            for line in lines:
                batch.append(line)
                size += len(line)
                if size >= _BLOCK:
                    yield b"".join(batch)
                    batch, size = [], 0
            if batch:
                yield b"".join(batch)
        return
    sort, cut = tools
    env = {**os.environ, "LC_ALL": "C"}
    width = merge_width(os.path.getsize(source), buffer_bytes, _open_files())
    command = [sort, "-u", "-S", f"{max(buffer_bytes >> 10, 1024)}K",
               f"--batch-size={width}", "-T", str(scratch), "--", str(source)]
    errors = tempfile.TemporaryFile(dir=scratch)
    with errors, subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors,
                                  env=env) as sorter:
        assert sorter.stdout is not None
        output = sorter.stdout
        stripper = None
        if after_tab:
            stripper = subprocess.Popen([cut, "-s", "-f2-"], stdin=sorter.stdout,
                                        stdout=subprocess.PIPE, stderr=errors, env=env)
            sorter.stdout.close()  # the sort's output now belongs to cut
            assert stripper.stdout is not None
            output = stripper.stdout
        finished = False
        try:
            while block := output.read(_BLOCK):
                yield block
            finished = True
        finally:
            output.close()
            codes = [sorter.wait()] + ([stripper.wait()] if stripper is not None else [])
        if finished and any(codes):
            errors.seek(0)
            message = errors.read().decode("utf-8", "replace").strip().splitlines()
            raise OSError(f"sorting {source} failed: "
                          f"{message[-1] if message else f'exit status {max(codes)}'}")


def sort_file(source: str | Path, target: BinaryIO, scratch: str | Path, *,
              after_tab: bool = False, external: bool = True,
              buffer_bytes: int = SORT_BUFFER) -> int:
    """Write the lines of the file ``source`` to ``target``, sorted as bytes and without
    duplicates (:func:`sorted_blocks`, with the same arguments). Returns the number of
    lines written.

    Raises:
        OSError: ``source`` cannot be read, ``scratch`` or ``target`` cannot be written.
    """
    count = 0
    for block in sorted_blocks(source, scratch, after_tab=after_tab, external=external,
                               buffer_bytes=buffer_bytes):
        count += block.count(b"\n")
        target.write(block)
    return count
