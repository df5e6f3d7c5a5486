"""Python's cyclic garbage collector paused around a writer that makes many short-lived
objects beside many long-lived ones.

The collector runs after every few hundred container allocations and, every so often,
walks every tracked object of the process. A writer such as the statement answer tables
(:func:`exokg.query.answers.write_answer_file`) makes millions of short-lived tuples and
lists while it holds a node cache of 20,000 dicts of lists and a term-to-id map that grows
with the store: the collector's older generations walk those long-lived objects again and
again and find nothing to free (the rows are acyclic; reference counting frees them).
Measured at 10,000 synthetic abstracts (docs/benchmarks.md, "Post-load phases, round 9"):
about a fifth of that writer's CPU.

Reference counting goes on while the collector is paused; only objects in reference
cycles wait for it to be switched on again.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector for the ``with`` block; switch it on again afterwards if
    it was on when the block began (nested or concurrent blocks leave it on once the
    outermost ends).

    >>> import gc
    >>> with collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
