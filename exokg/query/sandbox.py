"""Running checked queries with a time limit and a row cap.

pyoxigraph 0.5 has no query timeout in its Python API (a cancellation token exists in the
Rust API only) and a Python thread cannot be stopped, so queries run in a child process
(:mod:`exokg.query._worker`) that holds the store open read-only. The parent waits for the
answer up to the time limit and kills the child when it is late; the next query starts a
fresh child (about 50 ms). The child also stops after ``max_rows`` rows, so a huge
result cannot fill memory.

>>> with Sandbox(None) as box:          # an empty in-memory store
...     box.run("ASK { ?s ?p ?o }").boolean
False
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exokg.errors import QueryError
from exokg.query import _worker
from exokg.query.errors import QueryTimeoutError, QuerySyntaxError
from exokg.query.safety import syntax_error_from_engine

__all__ = ["DEFAULT_MAX_MEMORY", "DEFAULT_MAX_ROWS", "DEFAULT_MEMORY_LIMIT",
           "DEFAULT_TIMEOUT", "MEMORY_MODES", "RawResult", "Sandbox", "check_timeout"]

#: Seconds a query may run before it is stopped.
DEFAULT_TIMEOUT = 30.0
#: Rows a query may return; further rows are dropped (and the result marked truncated).
DEFAULT_MAX_ROWS = 100_000
#: Seconds the worker may take to start and open the store.
START_TIMEOUT = 60.0
#: How the worker holds the store: ``auto`` answers from disk at once and copies a store of
#: at most ``memory_limit`` bytes on disk into memory in the background (queries then run
#: 2-4x faster; about 2-3 s and 400 MiB per million triples); ``always`` copies before the
#: first answer; ``never`` reads from disk only.
MEMORY_MODES = ("auto", "always", "never")
#: Largest on-disk store ``auto`` copies into memory (bytes; about 10M triples).
DEFAULT_MEMORY_LIMIT = 1 << 30
#: Address space the worker process may use (bytes, ``RLIMIT_AS``): a query needing more
#: fails instead of filling the machine's memory.
DEFAULT_MAX_MEMORY = 4 << 30
#: Longest time limit accepted (seconds).
MAX_TIMEOUT = 24 * 3600.0


def check_timeout(value: object, name: str = "timeout") -> float:
    """``value`` as a time limit in seconds: a finite number in (0, 24 h].

    >>> check_timeout("2.5")
    2.5
    >>> check_timeout("nan")
    Traceback (most recent call last):
    ...
    ValueError: timeout must be a number of seconds above 0 and at most 86400, not 'nan'
    """
    import math

    try:
        seconds = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        seconds = math.nan
    if not (math.isfinite(seconds) and 0 < seconds <= MAX_TIMEOUT):
        raise ValueError(f"{name} must be a number of seconds above 0 and at most "
                         f"{MAX_TIMEOUT:g}, not {value!r}")
    return seconds

Term = tuple  # type: ignore[type-arg]  # see exokg.query._worker.encode_term


@dataclass
class RawResult:
    """What a query returned, with terms as :func:`exokg.query._worker.encode_term` tuples.

    ``kind`` is ``"select"``, ``"ask"`` or ``"graph"`` (CONSTRUCT/DESCRIBE: columns
    subject, predicate, object).
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    truncated: bool = False
    seconds: float = 0.0


class Sandbox:
    """A killable worker process that runs queries on one store.

    Args:
        store: path of an on-disk Oxigraph store (opened read-only), or None for an empty
            in-memory store.
        graphs: named graphs whose triples are added to the query's default graph when the
            store has them (the ontology graph, so ``rdfs:subClassOf*`` paths work).
        prefixes: prefixes every query may use without declaring them.
        memory: ``auto``, ``always`` or ``never`` (see :data:`MEMORY_MODES`).
        memory_limit: with ``auto``, the largest store (bytes on disk) copied into memory.
        max_memory: address space the worker may use (bytes; 0: no limit).
        require_guard: refuse to run queries where the worker cannot forbid itself network
            sockets (default: only warn in :meth:`status`).

    The worker starts on the first query. Use as a context manager or call :meth:`close`;
    a forgotten sandbox is closed when garbage-collected and its worker also exits when the
    parent process dies.
    """

    def __init__(self, store: str | os.PathLike[str] | None, *, graphs: Sequence[str] = (),
                 prefixes: Mapping[str, str] | None = None, memory: str = "auto",
                 memory_limit: int = DEFAULT_MEMORY_LIMIT,
                 max_memory: int = DEFAULT_MAX_MEMORY, require_guard: bool = False) -> None:
        if memory not in MEMORY_MODES:
            raise ValueError(f"memory must be one of {', '.join(MEMORY_MODES)}")
        self.store = None if store is None else str(Path(store).resolve())
        self.graphs = tuple(graphs)
        self.prefixes = dict(prefixes or {})
        self.memory = memory
        self.memory_limit = int(memory_limit)
        self.max_memory = int(max_memory)
        self.require_guard = require_guard
        self.network_guard: bool | None = None
        self.active_graphs: list[str] = []
        #: the Oxigraph folder the worker opened last (None before it first starts)
        self.database: str | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._replies: queue.Queue[Any] = queue.Queue()
        self._lock = threading.RLock()

    # -- lifecycle ------------------------------------------------------------------------

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # noqa: BLE001 - interpreter shutdown
            pass

    def close(self) -> None:
        """Stop the worker (it is started again by the next query)."""
        with self._lock:
            proc, self._proc = self._proc, None
            if proc is None:
                return
            try:
                if proc.stdin:
                    proc.stdin.close()
                proc.wait(timeout=2)
            except Exception:  # noqa: BLE001 - fall back to killing it
                proc.kill()
                proc.wait()

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def _start(self) -> subprocess.Popen[bytes]:
        package_root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH"))
                                            if p)
        proc = subprocess.Popen(  # noqa: S603 - our own module, no shell
            [sys.executable, "-m", "exokg.query._worker"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, close_fds=True)
        replies: queue.Queue[Any] = queue.Queue()
        threading.Thread(target=_read_replies, args=(proc, replies), daemon=True).start()
        self._proc, self._replies = proc, replies
        self.database = self._database()
        self._send({"store": self.database, "graphs": list(self.graphs), "memory": self.memory,
                    "memory_limit": self.memory_limit, "max_memory": self.max_memory,
                    "require_guard": self.require_guard})
        reply = self._wait(START_TIMEOUT, starting=True)
        if reply[0] != "ready":
            self._kill()
            raise QueryError(f"cannot open the store {self.store}: {reply[-1]}")
        self.active_graphs = list(reply[1])
        self.network_guard = bool(reply[2])
        return proc

    def _database(self) -> str | None:
        """The Oxigraph folder of the store's current generation (looked up at each start,
        so a restarted worker sees a rebuilt store)."""
        if self.store is None:
            return None
        from exokg.graph.store import StoreError, database_path

        try:
            return str(database_path(Path(self.store)))
        except StoreError as exc:
            self._kill()
            raise QueryError(str(exc)) from None

    def _send(self, message: object) -> None:
        assert self._proc is not None and self._proc.stdin is not None
        try:
            _worker.send(self._proc.stdin, message)
        except (BrokenPipeError, OSError) as exc:
            self._kill()
            raise QueryError(f"the query worker stopped unexpectedly ({exc})") from None

    def _wait(self, timeout: float, starting: bool = False) -> Any:
        try:
            reply = self._replies.get(timeout=timeout)
        except queue.Empty:
            self._kill()
            if starting:
                raise QueryError(f"the query worker did not start within {timeout:g} s"
                                 ) from None
            raise QueryTimeoutError(timeout) from None
        if reply is None:  # the worker died (crash, out of memory, killed)
            code = self._proc.poll() if self._proc else None
            self._kill()
            hint = (f"; the query may need more than the worker's memory limit of "
                    f"{self.max_memory >> 20} MiB" if self.max_memory > 0 else "")
            raise QueryError(f"the query worker stopped unexpectedly (exit status {code})"
                             f"{hint}")
        return reply

    def _kill(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()

    # -- queries --------------------------------------------------------------------------

    def run(self, text: str, *, timeout: float = DEFAULT_TIMEOUT,
            max_rows: int = DEFAULT_MAX_ROWS) -> RawResult:
        """Run a query that :func:`exokg.query.safety.check_query` accepted (values bound
        with :func:`exokg.query.binding.bind_query`).

        Args:
            text: the query text.
            timeout: seconds before the worker is killed.
            max_rows: rows kept; the result is marked truncated when there were more.

        Raises:
            QueryTimeoutError: the time limit passed.
            QuerySyntaxError: Oxigraph cannot parse the query (line and column).
            QueryError: any other failure while evaluating.
        """
        request = {"op": "query", "text": text, "prefixes": self.prefixes,
                   "max_rows": int(max_rows)}
        reply = self._call(request, timeout)
        if reply[0] == "select" or reply[0] == "graph":
            _, names, rows, truncated, seconds = reply
            return RawResult(reply[0], names, rows, None, truncated, seconds)
        if reply[0] == "ask":
            return RawResult("ask", boolean=reply[1], seconds=reply[2])
        raise self._error(text, reply)

    def run_tsv(self, text: str, *, timeout: float = DEFAULT_TIMEOUT) -> bytes:
        """Run a trusted SELECT query and return every row as SPARQL TSV results, written
        by Oxigraph (no row cap; for large internal reads such as the NetworkX view).

        Raises:
            QueryTimeoutError, QuerySyntaxError, QueryError: as :meth:`run`.
        """
        request = {"op": "query", "text": text, "prefixes": self.prefixes, "max_rows": 0,
                   "format": "tsv"}
        reply = self._call(request, timeout)
        if reply[0] == "tsv":
            return reply[1]
        raise self._error(text, reply)

    def status(self, timeout: float = 10.0) -> dict[str, Any]:
        """The worker's state: ``in_memory`` (the store was copied into memory),
        ``copy_seconds``, ``copy_error``. Starts the worker if needed."""
        return dict(self._call({"op": "status"}, timeout)[1])

    def _call(self, request: dict[str, Any], timeout: float) -> Any:
        timeout = check_timeout(timeout)
        with self._lock:
            if not self.running:
                self._start()
            self._send(request)
            return self._wait(timeout)

    @staticmethod
    def _error(text: str, reply: tuple) -> QueryError:  # type: ignore[type-arg]
        if reply[0] == "syntax":
            return syntax_error_from_engine(text, reply[1])
        name, message = reply[1], reply[2]
        return QueryError(f"query failed: {message}" if name != "OSError"
                          else f"cannot read the store: {message}")


def _read_replies(proc: subprocess.Popen[bytes], replies: queue.Queue[Any]) -> None:
    assert proc.stdout is not None
    try:
        while True:
            message = _worker.recv(proc.stdout)
            replies.put(message)
            if message is None:
                return
    except Exception:  # noqa: BLE001 - a broken pipe ends the reader
        replies.put(None)
