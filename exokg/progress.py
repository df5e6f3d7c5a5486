"""What a long command tells the user while it works, on standard error.

A :class:`Reporter` knows the verbosity (0 quiet, 1 normal, 2 verbose) and whether standard
error is a terminal. On a terminal, counted work (documents) shows a tqdm progress bar that
redraws in place; anywhere else (a log file, a pipe, CI) it writes plain lines, one when a
phase starts and one every tenth of the counted work, never a carriage return. Every phase
is timed with the wall clock, so the total a command prints is the time it really took.

>>> import io
>>> out = io.StringIO()
>>> r = Reporter(verbosity=1, stream=out, tty=False, clock=iter(range(0, 100, 2)).__next__)
>>> with r.phase("validating the graph"):
...     pass
>>> print(out.getvalue().strip())
exokg: validating the graph ...
>>> r.timings
[('validating the graph', 2)]
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

__all__ = ["Reporter"]


class Reporter:
    """Progress and messages for one command run.

    Args:
        verbosity: 0 prints only warnings and errors, 1 adds progress, 2 adds details.
        stream: where to write (default: ``sys.stderr`` at the time of the call).
        tty: whether ``stream`` is a terminal (default: ask the stream).
        clock: seconds, monotonic (default: ``time.perf_counter``).
    """

    def __init__(self, verbosity: int = 1, stream: TextIO | None = None,
                 tty: bool | None = None, clock: Callable[[], float] | None = None) -> None:
        self.verbosity = verbosity
        self.stream = stream if stream is not None else sys.stderr
        if tty is None:
            isatty = getattr(self.stream, "isatty", None)
            tty = bool(isatty()) if callable(isatty) else False
        self.tty = tty
        self.clock = clock or time.perf_counter
        self.started = self.clock()
        self.timings: list[tuple[str, float]] = []
        self._pending: tuple[str, float] | None = None

    # -- messages ---------------------------------------------------------------------------

    def _write(self, line: str) -> None:
        try:
            self.stream.write(line + "\n")
            self.stream.flush()
        except (BrokenPipeError, ValueError):  # stderr closed: nothing left to tell
            pass

    def info(self, message: str) -> None:
        """A progress line (verbosity 1 and up)."""
        if self.verbosity >= 1:
            self._write(f"exokg: {message}")

    def detail(self, message: str) -> None:
        """A detail line (verbosity 2)."""
        if self.verbosity >= 2:
            self._write(f"exokg: {message}")

    def warn(self, message: str) -> None:
        """A warning, printed at every verbosity."""
        self._write(f"exokg: warning: {message}")

    # -- timed work -------------------------------------------------------------------------

    @contextmanager
    def phase(self, title: str) -> Iterator[None]:
        """Time a phase of work; says it started (verbosity 1) and how long it took (2)."""
        self.info(f"{title} ...")
        began = self.clock()
        try:
            yield
        finally:
            seconds = self.clock() - began
            self.timings.append((title, seconds))
            self.detail(f"{title}: {seconds:.1f} s")

    def counter(self, title: str, unit: str = "document", then: str | None = None
                ) -> Callable[[int, int, str], None]:
        """A ``progress(done, total, label)`` callback for counted work (the pipeline's).

        The phase is timed from this call to the call with ``done == total``, and announced
        at the first report (so an input error found before any work is still the only
        line printed). ``then``
        names the phase that starts when the counted work ends (work done by the same call
        that reports progress, such as assembling after extraction); it is announced at
        once and ends with :meth:`end_pending`.
        """
        began = self.clock()
        state: dict[str, Any] = {"bar": None, "next": 0.0, "closed": False, "said": False}

        def report(done: int, total: int, label: str) -> None:
            if state["closed"]:
                return
            if not state["said"]:
                state["said"] = True
                self.info(f"{title} ({total} {unit}s) ...")
            if self.verbosity >= 1 and self.tty:
                bar = state["bar"]
                if bar is None:
                    from tqdm import tqdm

                    bar = state["bar"] = tqdm(total=total, unit=f" {unit}s", file=self.stream,
                                              desc="exokg", leave=True)
                bar.total = total
                bar.update(done - bar.n)
                bar.set_postfix_str(label[:30], refresh=False)
            elif self.verbosity >= 1 and total and (done >= state["next"] or done == total):
                elapsed = self.clock() - began
                rate = done / elapsed if elapsed > 0 else 0.0
                self._write(f"exokg: {done}/{total} {unit}s ({rate:.1f}/s, "
                            f"{elapsed:.0f} s)")
                state["next"] = done + max(1, total // 10)
            if done >= total:
                state["closed"] = True
                if state["bar"] is not None:
                    state["bar"].close()
                self.timings.append((title, self.clock() - began))
                if then is not None:
                    self.info(f"{then} ...")
                    self._pending = (then, self.clock())

        return report

    def rate(self, title: str, count: int, unit: str, seconds: float) -> None:
        """A progress line for finished counted work: ``title: 1,234 units in 0.5 s
        (2,468/s)`` (verbosity 1 and up); work that took under a millisecond (a file
        written in the same pass as the one before it) gets no time or rate, which would
        say nothing."""
        units = f"{count:,} {unit}{'' if count == 1 else 's'}"
        if seconds < 0.001:
            self.info(f"{title}: {units}")
            return
        self.info(f"{title}: {units} in {seconds:.1f} s ({count / seconds:,.0f}/s)")

    def end_pending(self) -> None:
        """End the phase a counter started with ``then`` (if it did)."""
        if self._pending is not None:
            title, began = self._pending
            self._pending = None
            seconds = self.clock() - began
            self.timings.append((title, seconds))
            self.detail(f"{title}: {seconds:.1f} s")

    def elapsed(self) -> float:
        """Wall-clock seconds since the reporter was made."""
        return self.clock() - self.started

    def summary(self) -> str:
        """``12.3 s (phase 1.0 s, phase 2.0 s, ...)``: the wall time and its phases."""
        parts = ", ".join(f"{title} {seconds:.1f} s" for title, seconds in self.timings)
        return f"{self.elapsed():.1f} s" + (f" ({parts})" if parts else "")
