"""Fault injection for the crash-safety tests: named points where a test can make exokg die.

Every step of a build that changes the disk calls :func:`fault_point` with a name
(``export-file``, ``store-load``, ``commit-switch``, ...). Normally this does nothing. The
environment variable ``EXOKG_FAULT`` makes one point fail, so tests choose the crash point
by configuration instead of by timing:

* ``EXOKG_FAULT=kill:NAME`` - the process kills itself with SIGKILL at the first point
  called NAME (nothing is cleaned up, as after a power cut or ``kill -9``);
* ``EXOKG_FAULT=kill@N`` - SIGKILL at the N-th fault point of the run, whatever its name
  (a test picks N at random to crash "anywhere");
* ``EXOKG_FAULT=enospc:NAME`` / ``eacces:NAME`` - the point raises ``OSError`` with
  ENOSPC (disk full) / EACCES (read-only destination), as the real system call would;
* ``EXOKG_FAULT=interrupt:NAME`` - the point raises ``KeyboardInterrupt`` (Ctrl-C);
* ``EXOKG_FAULT=term:NAME`` - the process sends itself SIGTERM.

``EXOKG_FAULT_LOG=FILE`` appends the name of every point reached to FILE (one per line), so
a test can count the points of a run.
"""

from __future__ import annotations

import errno
import os
import signal

__all__ = ["fault_point"]

_calls = 0


def fault_point(name: str) -> None:
    """Do nothing, unless ``EXOKG_FAULT`` selects this point (see the module docstring).

    Raises:
        OSError: ``enospc:NAME`` or ``eacces:NAME`` selects this point.
        KeyboardInterrupt: ``interrupt:NAME`` selects this point.
    """
    global _calls
    log = os.environ.get("EXOKG_FAULT_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(name + "\n")
    spec = os.environ.get("EXOKG_FAULT")
    if not spec:
        return
    _calls += 1
    action, _, target = spec.partition(":")
    if action.startswith("kill@"):
        if _calls == int(action[len("kill@"):]):
            os.kill(os.getpid(), signal.SIGKILL)
        return
    if target != name:
        return
    if action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    elif action == "enospc":
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), name)
    elif action == "eacces":
        raise OSError(errno.EACCES, os.strerror(errno.EACCES), name)
    elif action == "interrupt":
        raise KeyboardInterrupt
    elif action == "term":
        os.kill(os.getpid(), signal.SIGTERM)
