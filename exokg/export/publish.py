"""Publishing the exports folder (``--out``) as a whole: all files old, or all files new.

exokg replaces only an exports folder it made itself: one holding the marker file
:data:`OUT_MARKER`, an empty or missing folder, or (folders written before the marker
existed) one holding nothing but file names exokg writes. Anything else is refused with a
one-line :class:`OutputError` before any work is written.

A new exports folder is staged beside the old one (``.NAME.exokg-new-XXXX``), complete, and
then exchanged with it by one ``renameat2(RENAME_EXCHANGE)`` system call, so a reader (or a
crash) sees either every old file or every new one. Where the system has no exchange, two
renames are used and the short gap (no folder) is closed by the next writer, which finishes
any publication its generation records as pending (:func:`finish_publication`).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import filecmp
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from exokg.errors import ExokgError
from exokg.faults import fault_point

__all__ = ["OUT_MARKER", "OutputError", "check_out_folder", "exchange", "finish_publication",
           "publish", "stage", "stage_folder"]

#: The file that marks an exports folder as exokg's. Its content never changes, so
#: committed exports stay byte-identical from build to build.
OUT_MARKER = ".exokg-exports"
_MARKER_TEXT = b"This folder is written by 'exokg build'; exokg replaces it as a whole.\n"
_EXPORT_NAME = re.compile(r"exokg\.[a-z]+|statements\.csv|kgx/[a-z_]+\.tsv")
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class OutputError(ExokgError):
    """The output folder cannot be written: not exokg's, not a folder, not writable."""


def _files_in(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if not p.is_dir())


def _exokg_name(name: str) -> bool:
    """A file name exokg's exports use (``exokg.*``, ``statements.csv``, ``kgx/*.tsv``)."""
    return bool(_EXPORT_NAME.fullmatch(name))


def check_out_folder(out: Path, names: Iterable[str] = ()) -> Path:
    """Check that exokg may replace ``out``; returns it as an absolute path.

    Args:
        out: the exports folder the user named.
        names: more relative file names a build writes, besides exokg's usual ones.

    Raises:
        OutputError: ``out`` is a file, or a folder holding files exokg did not write.
    """
    out = Path(out).absolute()
    if out.is_symlink():
        out = out.resolve()
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: --out names a file; give a folder (new, empty, or made by "
                          "exokg)")
    if not out.is_dir() or (out / OUT_MARKER).is_file():
        return out
    try:
        present = _files_in(out)
    except OSError as exc:
        raise OutputError(f"{out}: cannot read the output folder: {exc.strerror}") from None
    foreign = sorted(set(present) - set(names) - {n for n in present if _exokg_name(n)})
    if foreign:
        shown = ", ".join(foreign[:3]) + (", ..." if len(foreign) > 3 else "")
        raise OutputError(f"{out}: not an exokg exports folder (it holds {shown}); exokg "
                          "replaces only folders it made: give a new or empty folder")
    return out


def stage(out: Path, files: dict[str, bytes]) -> Path:
    """Write ``files`` and the marker into a new folder beside ``out``; returns the folder.

    Raises OSError (disk full, read-only parent, ...) after removing the partial folder.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{out.name}.exokg-new-", dir=out.parent))
    try:
        os.chmod(staged, 0o777 & ~_umask())
        for name, data in sorted({**files, OUT_MARKER: _MARKER_TEXT}.items()):
            target = staged / name
            target.parent.mkdir(parents=True, exist_ok=True)
            fault_point("export-file")
            with open(target, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    return staged


def stage_folder(out: Path, source: Path) -> Path:
    """Like :func:`stage`, with the files of the folder ``source`` (hard-linked when it is
    on the same file system: nothing writes either copy afterwards; copied otherwise).

    Raises OSError (disk full, read-only parent, ...) after removing the partial folder.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{out.name}.exokg-new-", dir=out.parent))
    try:
        os.chmod(staged, 0o777 & ~_umask())
        names = _files_in(source)
        for name in sorted({*names, OUT_MARKER}):
            target = staged / name
            target.parent.mkdir(parents=True, exist_ok=True)
            fault_point("export-file")
            if name == OUT_MARKER:
                with open(target, "wb") as handle:
                    handle.write(_MARKER_TEXT)
                    handle.flush()
                    os.fsync(handle.fileno())
                continue
            try:
                os.link(source / name, target)
            except OSError:
                shutil.copyfile(source / name, target)
                with open(target, "rb+") as handle:
                    os.fsync(handle.fileno())
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    return staged


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _renameat2() -> object | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name, use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                         ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths in one atomic step; False where the system cannot."""
    function = _renameat2()
    if function is None:
        return False
    result = function(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b),  # type: ignore[operator]
                      _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def swap_in(staged: Path, out: Path) -> None:
    """Make the complete folder ``staged`` the new ``out``; the old one is deleted."""
    fault_point("publish-swap")
    if not out.exists():
        staged.rename(out)
    elif exchange(staged, out):
        fault_point("publish-swapped")
        shutil.rmtree(staged, ignore_errors=True)  # now holds the old folder
    else:
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.exokg-old-", dir=out.parent))
        old.rmdir()
        out.rename(old)
        fault_point("publish-gap")
        staged.rename(out)
        shutil.rmtree(old, ignore_errors=True)
    parent = os.open(out.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(parent)
    finally:
        os.close(parent)


def remove_leftovers(out: Path) -> None:
    """Remove staging folders an interrupted publication left beside ``out``."""
    try:
        entries = list(out.parent.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith((f".{out.name}.exokg-new-", f".{out.name}.exokg-old-")):
            shutil.rmtree(entry, ignore_errors=True)


def publish(generation: Path, out: Path, staged: Path) -> None:
    """Swap the staged exports of a committed ``generation`` into ``out`` and clear the
    generation's pending mark."""
    swap_in(staged, out)
    fault_point("published")
    (generation / "PUBLISH").unlink(missing_ok=True)


def finish_publication(generation: Path) -> None:
    """Complete a publication a crash interrupted (called by the next writer, under the
    store lock): the exports of ``generation`` are published again into the folder it
    names, unless that folder is no longer exokg's or already holds them."""
    flag = generation / "PUBLISH"
    try:
        out = Path(json.loads(flag.read_text(encoding="utf-8"))["out"])
    except (OSError, ValueError, KeyError, TypeError):
        flag.unlink(missing_ok=True)
        return
    remove_leftovers(out)
    exports = generation / "exports"
    names = _files_in(exports)
    try:
        check_out_folder(out, names)
    except OutputError:
        flag.unlink(missing_ok=True)  # someone put other things there: leave it alone
        return
    if out.is_dir() and (out / OUT_MARKER).is_file() and all(
            (out / name).is_file() and filecmp.cmp(out / name, exports / name, shallow=False)
            for name in names) and len(_files_in(out)) == len(names) + 1:
        flag.unlink(missing_ok=True)
        return
    publish(generation, out, stage_folder(out, exports))
