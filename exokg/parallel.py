"""Per-document extraction in parallel: worker processes on this machine, or a dask cluster.

Extraction (segmenting, recognising, extracting one document's statements) is independent
per document and is most of a build's time; assembly and the graph are global and stay in
the calling process. :func:`extract_documents` runs
:func:`exokg.pipeline.document_statements` for a stream of documents and yields the
results **in input order**, so a build gives byte-identical exports for any number of
workers.

* ``workers=1`` runs in this process, as a plain loop.
* ``workers=N`` runs ``N`` worker processes (:class:`concurrent.futures.ProcessPoolExecutor`).
  Each builds its :class:`~exokg.recognise.Recogniser` once, in its initializer (a
  recogniser given by the caller is handed to each worker once, not per document).
* ``dask="HOST:PORT"`` sends the documents to a ``dask.distributed`` scheduler (the
  optional extra ``exokg[dask]``); each dask worker builds its recogniser once, on first
  use (:class:`RecogniserPlugin`).

Documents stream: at most ``window`` batches are in flight at any time, so memory stays
flat however many documents the input holds; a batch is a few documents (``batch``), which
keeps the cost of passing work between processes small next to extraction itself.

A build that only writes the results into its claim table asks for them ``packed``: the
worker turns the statements into the table's rows (:func:`exokg.claimstore.raw_rows`), so
the calling process, which the workers share the machine with, neither unpickles the
statements nor pickles them again; and a worker process leaves out the entity records it
has already sent unchanged (merging a record into the registry a second time changes
nothing, :func:`exokg.pipeline.register`), which the caller would otherwise unpickle and
compare for every mention of a frequent entity.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

from exokg.errors import ExokgError

if TYPE_CHECKING:
    from exokg.claimstore import RawRow
    from exokg.model import Document, Entity, Statement
    from exokg.recognise import Recogniser

__all__ = ["DocumentResult", "ParallelError", "add_parallel_arguments", "default_workers",
           "extract_documents"]

#: One document's raw statements, the entities it introduced and its sentence count.
DocumentResult = tuple["list[Statement]", "dict[str, Entity]", int]
#: The same ``packed``: the statements as claim-table rows, the entities not yet sent.
PackedResult = tuple["list[RawRow]", "dict[str, Entity]", int]
#: Documents per task sent to a worker (each task costs the calling process a future, a
#: wake-up of the pool's threads and a message each way; 16 abstracts are about 0.2 s of a
#: worker's CPU, so the last tasks of a build still end within a second of each other).
DEFAULT_BATCH = 16
#: Tasks in flight per worker (bounded: memory stays flat on any input size).
IN_FLIGHT_PER_WORKER = 4
#: Entity records a worker remembers having sent (``packed``); when full it forgets them
#: all and sends again, so its memory stays flat however many entities a corpus has.
SENT_LIMIT = 20_000


class ParallelError(ExokgError):
    """Parallel extraction cannot run (bad worker count, dask missing or unreachable)."""


def default_workers() -> int:
    """The number of cores this process may use (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux
        return max(1, os.cpu_count() or 1)


def _worker_count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        import argparse

        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return value


def add_parallel_arguments(parser: Any) -> None:
    """Add ``--workers N`` and ``--dask ADDRESS`` to an :mod:`argparse` parser."""
    cores = default_workers()
    parser.add_argument("--workers", type=_worker_count, default=cores, metavar="N",
                        help="worker processes for extraction and, in builds of more than "
                             "2,000 documents, for the phases after loading the store "
                             f"(default: the machine's cores, here {cores}; 1 runs in this "
                             "process); the output is the same for any N")
    parser.add_argument("--dask", default=None, metavar="ADDRESS",
                        help="run extraction on a dask.distributed cluster whose scheduler "
                             "is at ADDRESS (tcp://HOST:8786; needs exokg[dask]; see "
                             "docs/scale.md)")


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while batch := list(islice(iterator, size)):
        yield batch


def _ordered(tasks: Iterator[Any], submit: Callable[[Any], Any],
             result: Callable[[Any], list[DocumentResult]], window: int
             ) -> Iterator[tuple[Any, list[DocumentResult]]]:
    """Submit tasks with at most ``window`` pending and yield ``(task, results)`` in
    submission order."""
    pending: deque[tuple[Any, Any]] = deque()
    for task in tasks:
        pending.append((task, submit(task)))
        if len(pending) >= window:
            done, future = pending.popleft()
            yield done, result(future)
    while pending:
        done, future = pending.popleft()
        yield done, result(future)


def extract_documents(documents: Iterable[Document], recogniser: Recogniser | None = None, *,
                      workers: int = 1, dask: str | None = None,
                      batch: int = DEFAULT_BATCH, mentions: list[Any] | None = None,
                      packed: bool = False
                      ) -> Iterator[tuple[Document, DocumentResult | PackedResult]]:
    """Extract each document's statements; yields ``(document, (statements, entities,
    sentences))`` in the order of ``documents``.

    Args:
        documents: the documents (an iterator is read as work is handed out, never whole).
        recogniser: the recogniser to use (default: :meth:`Recogniser.default`, built once
            per worker).
        workers: worker processes on this machine; 1 runs in this process.
        dask: address of a dask.distributed scheduler (``tcp://HOST:PORT``); overrides
            ``workers``.
        batch: documents per task.
        mentions: when given, every recognised mention is appended to it
            (:func:`exokg.annotate.mentions.mentions_of`); mentions are collected in this
            process, so ``workers`` and ``dask`` are then not used.
        packed: yield ``(rows, entities, sentences)`` for
            :meth:`~exokg.claimstore.ClaimStore.add_rows` instead, where a worker process
            leaves out the entities it has already sent unchanged: merged into one
            registry in input order, they give the same registry (see the module
            docstring).

    Raises:
        ParallelError: ``workers`` < 1, or dask is not installed or not reachable.
        ExokgError: whatever extraction of a document raises (re-raised here, in order).
    """
    if mentions is not None:
        workers, dask = 1, None
    if dask is not None:
        yield from _extract_dask(documents, recogniser, dask, batch, packed)
        return
    if workers < 1:
        raise ParallelError(f"--workers must be 1 or more, not {workers}")
    if batch < 1:
        raise ParallelError(f"batch must be 1 or more, not {batch}")
    if workers == 1:
        from exokg.pipeline import document_statements
        from exokg.recognise import Recogniser

        recogniser = recogniser or Recogniser.default()
        for doc in documents:
            result = document_statements(doc, recogniser, mentions)
            yield doc, _packed(result, None) if packed else result
        return
    yield from _extract_processes(documents, recogniser, workers, batch, packed)


# -- worker processes on this machine ---------------------------------------------------------

_recogniser: Recogniser | None = None  # the worker process's own, set by _init_worker
_sent: dict[str, Entity] = {}  # the entity records this worker process has sent (packed)


def _init_worker(recogniser: Recogniser | None) -> None:
    """Pool initializer: build (or keep) the recogniser once per worker process."""
    global _recogniser, _sent
    from exokg.recognise import Recogniser

    _recogniser = recogniser or Recogniser.default()
    _sent = {}


def _run_batch(documents: list[Document], packed: bool = False
               ) -> list[DocumentResult] | list[PackedResult]:
    assert _recogniser is not None, "worker not initialised"
    results = _extract_batch(documents, _recogniser)
    # every result of a pool worker reaches the caller, in order (or the pool breaks):
    # an entity sent once need not be sent again
    return [_packed(result, _sent) for result in results] if packed else results


def _packed(result: DocumentResult, sent: dict[str, Entity] | None,
            limit: int = SENT_LIMIT) -> PackedResult:
    """A document's result as claim-table rows; with ``sent`` (the records sent before,
    updated here, emptied when it holds ``limit`` or more), only the entities whose record
    differs from the one sent last."""
    from exokg.claimstore import raw_rows

    found, entities, count = result
    if sent is not None:
        if len(sent) >= limit:
            sent.clear()
        new = {}
        for key, entity in entities.items():
            old = sent.get(key)
            if old is not entity and old != entity:
                sent[key] = new[key] = entity
        entities = new
    return raw_rows(found), entities, count


def _extract_batch(documents: list[Document], recogniser: Recogniser) -> list[DocumentResult]:
    """Extract a batch in a worker. An exokg error comes back as an :class:`ExokgError`
    with the same one-line message (its own class may not survive pickling)."""
    from exokg.pipeline import document_statements

    try:
        return [document_statements(doc, recogniser) for doc in documents]
    except ExokgError as exc:
        raise ExokgError(str(exc)) from None


def _context() -> Any:
    """``fork`` where there is one (workers start at once and share the parent's loaded
    modules copy-on-write), else ``spawn``."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _extract_processes(documents: Iterable[Document], recogniser: Recogniser | None,
                       workers: int, batch: int, packed: bool
                       ) -> Iterator[tuple[Document, DocumentResult | PackedResult]]:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context(),
                               initializer=_init_worker, initargs=(recogniser,))
    try:
        try:
            for docs, results in _ordered(_batches(documents, batch),
                                          lambda docs: pool.submit(_run_batch, docs, packed),
                                          lambda future: future.result(),
                                          workers * IN_FLIGHT_PER_WORKER):
                yield from zip(docs, results)
        except BrokenProcessPool as exc:
            raise ParallelError(f"an extraction worker process died ({exc}); run again "
                                "with --workers 1 to see the document that fails") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# -- dask.distributed ---------------------------------------------------------------------

_PLUGIN_NAME = "exokg-recogniser"


def _dask_client(address: str) -> Any:
    try:
        from distributed import Client
    except ImportError:
        raise ParallelError("--dask needs dask.distributed: install exokg[dask] "
                            "(pip install 'exokg[dask]')") from None
    try:
        return Client(address, timeout=30, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ParallelError(f"cannot reach the dask scheduler at {address}: {exc}") from None


def _make_plugin(recogniser: Recogniser | None) -> Any:
    from distributed.diagnostics.plugin import WorkerPlugin

    class RecogniserPlugin(WorkerPlugin):
        """Builds the recogniser once on each dask worker (kept on the worker object)."""

        name = _PLUGIN_NAME

        def __init__(self, given: Recogniser | None) -> None:
            self.given = given

        def setup(self, worker: Any) -> None:
            from exokg.recognise import Recogniser

            worker.exokg_recogniser = self.given or Recogniser.default()

        def teardown(self, worker: Any) -> None:
            worker.exokg_recogniser = None

    return RecogniserPlugin(recogniser)


def _run_batch_dask(documents: list[Document], packed: bool = False
                    ) -> list[DocumentResult] | list[PackedResult]:
    from distributed import get_worker

    recogniser = getattr(get_worker(), "exokg_recogniser", None)
    if recogniser is None:
        raise RuntimeError("the exokg recogniser plugin is not registered on this worker")
    results = _extract_batch(documents, recogniser)
    # a dask task may run again on another worker and a result be dropped: every entity
    # is sent with every document
    return [_packed(result, None) for result in results] if packed else results


def _extract_dask(documents: Iterable[Document], recogniser: Recogniser | None,
                  address: str, batch: int, packed: bool
                  ) -> Iterator[tuple[Document, DocumentResult | PackedResult]]:
    client = _dask_client(address)
    try:
        client.register_plugin(_make_plugin(recogniser), name=_PLUGIN_NAME)
        workers = max(1, sum(w.get("nthreads", 1) for w in
                             client.scheduler_info().get("workers", {}).values()))
        for docs, results in _ordered(
                _batches(documents, batch),
                lambda docs: client.submit(_run_batch_dask, docs, packed, pure=False),
                lambda future: future.result(), workers * IN_FLIGHT_PER_WORKER):
            yield from zip(docs, results)
    finally:
        client.close()
