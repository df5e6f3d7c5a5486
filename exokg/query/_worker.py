"""The query worker: a child process that holds the store open and answers queries.

Started by :class:`exokg.query.sandbox.Sandbox` as ``python -m exokg.query._worker``; it
reads length-prefixed pickled requests on stdin and writes responses on its original stdout
(anything printed goes to stderr). It imports only the standard library and pyoxigraph, so
it starts fast and a runaway query can be stopped by killing the process. Before it reads
anything it forbids itself network sockets (:func:`exokg.query.netguard.deny_network`), and
it caps its address space (``RLIMIT_AS``) at the limit the parent sends.

Terms cross the pipe as tuples (see :func:`encode_term`); the parent turns them into Python
values. Requests and responses are trusted: both ends are exokg.
"""

from __future__ import annotations

import os
import pickle
import struct
import sys
import threading
import time
from typing import Any, BinaryIO

_HEADER = struct.Struct(">Q")
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

# term tuples: (0, iri) | (1, string) | (2, text, language) | (3, lexical, datatype)
#            | (4, blank node id) | (5, N-Triples text of a quoted triple)
URI, STRING, LANG_STRING, TYPED, BNODE, TRIPLE = range(6)


def send(stream: BinaryIO, message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)))
    stream.write(data)
    stream.flush()


def recv(stream: BinaryIO) -> Any:
    """The next message, or None at end of stream."""
    header = _read_exactly(stream, _HEADER.size)
    if header is None:
        return None
    (size,) = _HEADER.unpack(header)
    data = _read_exactly(stream, size)
    if data is None:
        return None
    return pickle.loads(data)  # noqa: S301 - the other end is exokg's own process


def _read_exactly(stream: BinaryIO, size: int) -> bytes | None:
    chunks = []
    while size:
        chunk = stream.read(size)
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def encode_term(term: Any) -> tuple | None:  # type: ignore[type-arg]
    import pyoxigraph as ox

    if term is None:
        return None
    kind = type(term)
    if kind is ox.NamedNode:
        return (URI, term.value)
    if kind is ox.Literal:
        language = term.language
        if language:
            return (LANG_STRING, term.value, language)
        datatype = term.datatype.value
        if datatype == XSD_STRING:
            return (STRING, term.value)
        return (TYPED, term.value, datatype)
    if kind is ox.BlankNode:
        return (BNODE, term.value)
    return (TRIPLE, str(term))


def decode_term(data: tuple) -> Any:  # type: ignore[type-arg]
    import pyoxigraph as ox

    kind = data[0]
    if kind == URI:
        return ox.NamedNode(data[1])
    if kind == STRING:
        return ox.Literal(data[1])
    if kind == LANG_STRING:
        return ox.Literal(data[1], language=data[2])
    if kind == TYPED:
        return ox.Literal(data[1], datatype=ox.NamedNode(data[2]))
    if kind == BNODE:
        return ox.BlankNode(data[1])
    raise ValueError(f"cannot bind a value of kind {kind}")


def _run(store: Any, default_graph: Any, request: dict) -> tuple:  # type: ignore[type-arg]
    import pyoxigraph as ox

    max_rows = request["max_rows"]
    started = time.perf_counter()
    result = store.query(request["text"], prefixes=request.get("prefixes") or None,
                         default_graph=default_graph)
    if request.get("format") == "tsv" and isinstance(result, ox.QuerySolutions):
        # serialised by Oxigraph itself: no Python object per term (large reads)
        data = result.serialize(format=ox.QueryResultsFormat.TSV)
        return ("tsv", data, time.perf_counter() - started)
    if isinstance(result, ox.QueryBoolean):
        return ("ask", bool(result), time.perf_counter() - started)
    rows = []
    truncated = False
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        width = len(names)
        for solution in result:
            if len(rows) >= max_rows:
                truncated = True
                break
            rows.append(tuple([encode_term(solution[i]) for i in range(width)]))
        return ("select", names, rows, truncated, time.perf_counter() - started)
    for triple in result:  # CONSTRUCT / DESCRIBE
        if len(rows) >= max_rows:
            truncated = True
            break
        rows.append((encode_term(triple.subject), encode_term(triple.predicate),
                     encode_term(triple.object)))
    return ("graph", ["subject", "predicate", "object"], rows, truncated,
            time.perf_counter() - started)


def store_size(path: str) -> int:
    """Bytes the store's files take on disk."""
    total = 0
    for entry in os.scandir(path):
        if entry.is_file():
            total += entry.stat().st_size
    return total


class _State:
    """The store queries run on: the on-disk one, replaced by an in-memory copy when one is
    made (a copy answers 2-4x faster: no RocksDB reads)."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.in_memory = False
        self.copy_seconds: float | None = None
        self.copy_error: str | None = None

    def copy_to_memory(self) -> None:
        import pyoxigraph as ox

        started = time.perf_counter()
        try:
            # dump and bulk_load run in Rust and mostly release the GIL, so the worker
            # keeps answering from disk meanwhile
            data = self.store.dump(format=ox.RdfFormat.N_QUADS)
            memory = ox.Store()
            memory.bulk_load(data, format=ox.RdfFormat.N_QUADS)
            del data
        except Exception as exc:  # noqa: BLE001 - keep answering from disk
            self.copy_error = f"{type(exc).__name__}: {exc}"
            return
        self.store, self.in_memory = memory, True
        self.copy_seconds = time.perf_counter() - started


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(0)


def main() -> int:
    import pyoxigraph as ox

    from exokg.query.netguard import deny_network, limit_memory

    guarded = deny_network()  # before anything can run: no IPv4/IPv6 socket, ever
    inp = sys.stdin.buffer
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray prints must not corrupt frames
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()
    config = recv(inp)
    if config is None:
        return 0
    if config.get("require_guard") and not guarded:
        send(out, ("error", "OSError", "this system cannot forbid the query worker network "
                   "access (seccomp); refusing to run queries"))
        return 1
    limit_memory(int(config.get("max_memory") or 0))
    try:
        store = ox.Store.read_only(config["store"]) if config.get("store") else ox.Store()
        graphs = [ox.DefaultGraph()] + [ox.NamedNode(g) for g in config.get("graphs", ())
                                        if store.contains_named_graph(ox.NamedNode(g))]
        default_graph = graphs if len(graphs) > 1 else None
    except OSError as exc:
        send(out, ("error", "OSError", str(exc)))
        return 1
    state = _State(store)
    memory = config.get("memory", "never")
    if config.get("store") and memory == "always":
        state.copy_to_memory()
    elif config.get("store") and memory == "auto" and \
            store_size(config["store"]) <= config.get("memory_limit", 0):
        threading.Thread(target=state.copy_to_memory, daemon=True).start()
    send(out, ("ready", [g.value for g in graphs[1:]], guarded))
    while True:
        request = recv(inp)
        if request is None:
            return 0
        try:
            if request["op"] == "status":
                response = ("status", {"in_memory": state.in_memory, "network_guard": guarded,
                                       "copy_seconds": state.copy_seconds,
                                       "copy_error": state.copy_error})
            else:
                response = _run(state.store, default_graph, request)
        except SyntaxError as exc:
            response = ("syntax", str(exc))
        except MemoryError:
            response = ("error", "MemoryError", "the query needs more memory than the "
                        f"worker's limit ({int(config.get('max_memory') or 0) >> 20} MiB)")
        except Exception as exc:  # noqa: BLE001 - reported to the parent as a QueryError
            response = ("error", type(exc).__name__, str(exc))
        send(out, response)


if __name__ == "__main__":
    sys.exit(main())
