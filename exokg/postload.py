"""The phases of a large build after its store is loaded, run at the same time in worker
processes: SHACL validation by SPARQL, the answer tables, the view file with the tables
of the queries kept whole, the RDF exports, KGX, GraphML, the statements CSV and the HTML
page.

Each phase only reads the new generation's Oxigraph database (loaded, flushed and closed
by the writer; every worker opens it with ``Store.read_only``, which RocksDB allows any
number of processes to do while nobody writes) and writes its own files into the
generation's folder (``exports/``, ``view.sqlite``, ``answers.sqlite``,
``kept-answers.sqlite``), so the files they write do not depend on which ran first: the
output is byte-identical for any number of workers. One phase writes no output: ``rows``
writes the statements' triples, their evidence nodes' facts and the documents'
publications once into a file in the generation's scratch folder
(:func:`exokg.export.statement_scan.write_statement_rows`), and the answer tables, the
KGX/CSV tables, the view file's edges and the GraphML's edges, which come after it
(:attr:`Phase.after`), read them from that file rather than each querying the store for
them (without the ``rows`` phase they query the store, with the same result).
:func:`run_phases` starts each phase in a fresh process (its peak memory is that phase's
alone and is returned to the system when it ends), at most ``workers`` at a time, and
starts a phase only when the memory it is expected to need fits beside the running ones
and this process within a budget (:data:`MEMORY_BUDGET_MB`), and beside the running ones
alone within another (:data:`WORKERS_BUDGET_MB`, which keeps the large phases apart but
the pair that needs least memory); a phase that does not fit waits, and runs alone if
nothing else is running.

A phase that fails (an exokg error, a full disk, a worker that dies) stops the others and
raises one :class:`PhaseError` naming the phase; nothing has been published then (the
caller discards the generation). A worker dies with the build: it asks the kernel for
SIGKILL when its parent ends (``PR_SET_PDEATHSIG``, Linux).

The phases are the store-based functions of :mod:`exokg.validate_store`,
:mod:`exokg.export.statement_scan`,
:mod:`exokg.graph.viewdb`, :mod:`exokg.export.streamed`, :mod:`exokg.export.tables` and
:mod:`exokg.viz.store_page`, called as they are; this module only schedules them.
"""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exokg.errors import ExokgError
from exokg.faults import fault_point

__all__ = ["MEMORY_BUDGET_MB", "PHASES", "Phase", "PhaseError", "PhaseResult",
           "WORKERS_BUDGET_MB", "may_start", "plan", "run_phases"]

#: Resident memory (MB) the build's processes together should stay within while the phases
#: run: this process's own RSS plus the expected peak of every running phase.
MEMORY_BUDGET_MB = 2000

#: Expected peak RSS (MB) the phases' workers together may reach: the pair of large phases
#: that needs least memory (the view file beside KGX/CSV, 1,256 MB at 100,000 abstracts)
#: fits, the others (the validation beside KGX/CSV, 1,313 MB) run beside small phases or
#: alone. With the building process (320 MB at 10,000 abstracts, about 470 at 100,000;
#: 168 and, projected, about 355 since it lets go of the open lexicon before the load)
#: the phases then stay within 1.5 times the load's peak at 10,000 abstracts (1,180 MB;
#: 1,061 since), issue 10's flatness (docs/benchmarks.md, "Memory peak and RDF exports,
#: round 5"). At 100,000 abstracts no order of the phases is shorter within 1,700 MB with
#: the building process at 470 MB; 1,330 MB would pair the validation with KGX/CSV (44 s
#: less, modelled) at a bound over 1.5 times the new 10k peak ("Post-load phases, round
#: 11"): not taken before a 100k build measures it.
WORKERS_BUDGET_MB = 1300


class PhaseError(ExokgError):
    """A phase after loading failed or its worker process died."""


@dataclass(frozen=True)
class Phase:
    """One phase: its name, what the progress line says, and its expected peak RSS in MB
    as ``base + per_million * triples / 1e6`` (measured at 10,000 and 100,000 synthetic
    abstracts: docs/benchmarks.md, "Concurrent post-extraction phases")."""

    name: str
    title: str
    base_mb: float
    per_million_mb: float
    #: phases that must have finished before this one starts (when they are run at all)
    after: tuple[str, ...] = ()

    def memory_mb(self, triples: int) -> float:
        """Expected peak RSS of the phase's worker for a store of ``triples`` triples."""
        return self.base_mb + self.per_million_mb * triples / 1e6


#: The phases in the order they are started: the validation first (an invalid graph stops
#: the rest early), then longest first (CPU time at 100,000 abstracts).
#: Memory: a line through the largest peak RSS of each phase's worker in the builds of
#: 10,000 synthetic abstracts (1.33-1.34 million triples) and of 100,000 (12.0-12.2
#: million) of the tenth, eleventh and twelfth sessions (docs/benchmarks.md, "Merged main,
#: tenth session" to "twelfth session"; "Memory peak and RDF exports, round 5" for the
#: figures): at 100,000 the validation 689-700 MB, the statement rows 229-230, the
#: answer tables 758-776, the view file with the kept tables 635-642, KGX/CSV 605, the
#: page 731-732, GraphML 292-293. The estimates before counted worst cases that the
#: builds never reached (the view phase 1,095 MB at 100,000, the page 956), which kept the
#: view file and the KGX/CSV tables, the pair of large phases that needs least memory,
#: from running side by side.
#: RDF: its worker peaked at 191 MB at 10,000 abstracts (1.33 million triples in the store)
#: and 213-217 MB at 100,000 (12.0-12.1 million), plus GNU sort's buffer in a process of
#: its own (32 MB since "Exports, validation and memory, round 4"; 256 MB before).
PHASES: tuple[Phase, ...] = (
    Phase("validate", "validated the graph against the SHACL shapes", 114, 48.2),
    Phase("rows", "wrote the statement rows", 112, 9.9),
    Phase("answers", "wrote the answer tables", 219, 46.5, ("rows",)),
    Phase("view", "wrote the view file and the tables of the queries kept whole", 164, 39.4,
          ("rows",)),
    Phase("tables", "wrote kgx/nodes.tsv, kgx/edges.tsv and statements.csv", 162, 37,
          ("rows",)),
    Phase("rdf", "wrote the RDF exports", 225, 2.5),
    Phase("page", "wrote exokg.html", 232, 41.7),
    Phase("graphml", "wrote exokg.graphml", 135, 13.2, ("rows",)),
)


@dataclass
class PhaseResult:
    """What a phase's worker sends back: its figures and the phase's own output."""

    name: str
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    peak_mb: float = 0.0
    #: counted things for the progress line: (count, unit)
    count: tuple[int, str] = (0, "")
    #: per-file lines of the RDF exports: (file, count, unit, seconds)
    files: list[tuple[str, int, str, float]] = field(default_factory=list)
    #: the validation report (validate), the triple count (rdf)
    value: Any = None


@dataclass(frozen=True)
class Job:
    """Everything a worker needs (picklable): where the database and the generation are,
    the partition file of the N-Quads and TriG exports, the graphs the view reads, and
    the statement count the page's title gives."""

    database: str
    generation: str
    partition: str | None
    scratch: str
    view_graphs: tuple[str, ...]
    statements: int


# -- in the worker ---------------------------------------------------------------------------


def _die_with_parent() -> None:
    """Ask the kernel to SIGKILL this process when its parent ends (Linux; elsewhere the
    worker ends when its work is done)."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _line_count(path: Path) -> int:
    """Lines of a text file after its header line."""
    with open(path, "rb") as handle:
        return max(sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
                   - 1, 0)


def _view_graphs(job: Job) -> list[Any]:
    """The graphs the query API reads (the default graph and the ontology's), whose union
    the view file and the answer tables are made of."""
    import pyoxigraph

    return [pyoxigraph.DefaultGraph(), *(pyoxigraph.NamedNode(g) for g in job.view_graphs)]


def _rows_file(job: Job) -> Path:
    """Where the ``rows`` phase writes the statement rows that the answer tables, the
    KGX/CSV tables and the view's and GraphML's edges read (when it has run: without it,
    they read the store)."""
    from exokg.export.statement_scan import ROWS_FILE

    return Path(job.scratch) / "rows" / ROWS_FILE


def _do(name: str, job: Job, result: PhaseResult) -> None:
    import pyoxigraph

    store = pyoxigraph.Store.read_only(job.database)
    generation = Path(job.generation)
    exports = generation / "exports"
    if name == "validate":
        from exokg.graph.load import used_terms_file
        from exokg.validate_records import UsedTerms
        from exokg.validate_store import validate_store

        used = UsedTerms.read(used_terms_file(Path(job.partition))) if job.partition \
            else None
        report = validate_store(store, used=used)
        result.value = report
        result.count = (report.triples, "triple")
    elif name == "view":
        from exokg.graph.viewdb import view_file_path, write_view_file
        from exokg.query.answers import kept_file_path, write_kept_file

        fault_point("store-view")
        counts = write_view_file(store, view_file_path(generation), _view_graphs(job),
                                 answers=False, rows=_rows_file(job))
        write_kept_file(store, kept_file_path(generation), _view_graphs(job),
                        rows=_rows_file(job))
        result.count = (counts["edges"], "edge")
    elif name == "rows":
        from exokg.export.statement_scan import write_statement_rows
        from exokg.validate_store import data_graphs

        _rows_file(job).parent.mkdir(exist_ok=True)
        result.count = (write_statement_rows(store, data_graphs(store), _rows_file(job)),
                        "statement")
    elif name == "answers":
        from exokg.query.answers import answer_file_path, write_answer_file

        counts = write_answer_file(store, answer_file_path(generation), _view_graphs(job),
                                   kept=False, rows=_rows_file(job))
        result.count = (sum(counts[t] for t in ("findings", "summary", "evidence")), "row")
    elif name == "rdf":
        from exokg.export.streamed import write_rdf_exports

        mark = [time.perf_counter()]

        def tally(file: str, count: int) -> None:
            fault_point("rdf-export")
            now = time.perf_counter()
            unit = "triple" if file.endswith(("nt", "ttl", "jsonld")) else "quad"
            result.files.append((file, count, unit, now - mark[0]))
            mark[0] = now

        scratch = Path(job.scratch) / "rdf"
        scratch.mkdir(exist_ok=True)
        partition = Path(job.partition) if job.partition is not None else None
        triples = write_rdf_exports(store, partition, exports, scratch, tally)
        result.value = triples
        result.count = (triples, "triple")
    elif name == "tables":
        from exokg.export.tables import write_tables

        written = write_tables(store, exports / "kgx", exports / "statements.csv",
                               rows=_rows_file(job))
        edges = [p for p in written if p.name == "edges.tsv"]
        result.count = (_line_count(edges[0]), "edge") if edges else (0, "")
    elif name == "graphml":
        from exokg.export.tables import write_graphml

        path = write_graphml(store, exports / "exokg.graphml", _rows_file(job))
        result.count = (path.stat().st_size, "byte")
    elif name == "page":
        from exokg.viz import store_page

        html = store_page.page_html(store, job.statements)
        (exports / "exokg.html").write_bytes(html.encode("utf-8"))
        result.count = (min(job.statements, store_page.PAGE_STATEMENTS), "statement")
    else:  # pragma: no cover - the names come from PHASES
        raise ValueError(f"unknown phase {name!r}")


def _worker(name: str, job: Job, conn: Any) -> None:
    """Run one phase and send ``("ok", PhaseResult)`` or ``("error", message)``."""
    _die_with_parent()
    began, cpu = time.perf_counter(), time.process_time()
    result = PhaseResult(name)
    try:
        _do(name, job, result)
    except ExokgError as exc:
        conn.send(("error", str(exc)))
        return
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        conn.send(("error", f"{where}{exc.strerror or exc}"))
        return
    except Exception as exc:  # noqa: BLE001 - any failure is reported as one line
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
        return
    result.seconds = time.perf_counter() - began
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # e.g. GNU sort
    result.cpu_seconds = time.process_time() - cpu + children.ru_utime + children.ru_stime
    result.peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    conn.send(("ok", result))


# -- in the building process -----------------------------------------------------------------


def _own_rss_mb() -> float:
    """This process's resident memory now (MB; 0 where ``/proc`` is missing)."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def release_memory() -> None:
    """Give freed heap memory back to the system (glibc ``malloc_trim``; elsewhere
    nothing), so the workers started next have room beside this process."""
    try:
        import ctypes

        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _context() -> Any:
    """Fresh worker processes: ``forkserver`` (forked from a clean server that has the
    modules loaded, not from this process, whose Oxigraph threads a fork would copy in an
    unknown state) where there is one, else ``spawn``."""
    import multiprocessing

    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["pyoxigraph", "rdflib", "exokg.postload",
                                        "exokg.export.streamed", "exokg.export.tables",
                                        "exokg.export.statement_scan",
                                        "exokg.validate_store", "exokg.graph.viewdb",
                                        "exokg.query.answers",
                                        "exokg.viz.store_page"])
        return context
    return multiprocessing.get_context("spawn")


def plan(phases: Sequence[Phase], triples: int, workers: int, budget_mb: float,
         own_mb: float, workers_mb: float = WORKERS_BUDGET_MB) -> list[list[str]]:
    """The groups of phases :func:`run_phases` would start together if every phase took
    the same time (for documentation and tests of the memory rule): phases are taken in
    order; one joins the running group when the phases it comes after (:attr:`Phase.after`)
    are in earlier groups, there is a free worker and its expected memory fits in
    ``budget_mb`` beside ``own_mb`` and the group's, and in ``workers_mb`` beside the
    group's."""
    groups: list[list[str]] = []
    pending = list(phases)
    while pending:
        group: list[Phase] = []
        for phase in list(pending):
            if _ready(phase, pending + group) and \
                    may_start(phase, group, triples, workers, budget_mb, own_mb,
                              workers_mb):
                group.append(phase)
                pending.remove(phase)
        groups.append([p.name for p in group])
    return groups


def _ready(phase: Phase, waiting: Sequence[Phase]) -> bool:
    """Whether none of the phases ``phase`` comes after is waiting or running."""
    return not any(other.name in phase.after for other in waiting)


def may_start(phase: Phase, running: Sequence[Phase], triples: int, workers: int,
              budget_mb: float, own_mb: float,
              workers_mb: float = WORKERS_BUDGET_MB) -> bool:
    """The memory rule: ``phase`` may start beside the ``running`` phases when a worker is
    free and, unless nothing runs (a phase larger than the budget then runs alone), its
    expected peak RSS fits in ``budget_mb`` beside theirs and ``own_mb`` (the building
    process's RSS), and in ``workers_mb`` beside theirs (:data:`WORKERS_BUDGET_MB`: two
    large phases run side by side only when their pair is small enough)."""
    if len(running) >= workers:
        return False
    if not running:
        return True
    workers_used = sum(p.memory_mb(triples) for p in running) + phase.memory_mb(triples)
    return own_mb + workers_used <= budget_mb and workers_used <= workers_mb


def run_phases(job: Job, phases: Sequence[Phase], triples: int, workers: int, *,
               budget_mb: float = MEMORY_BUDGET_MB, workers_mb: float = WORKERS_BUDGET_MB,
               on_done: Callable[[Phase, PhaseResult], None] | None = None
               ) -> dict[str, PhaseResult]:
    """Run ``phases`` over the closed database of ``job`` in worker processes, at most
    ``workers`` at a time and within ``budget_mb`` of expected memory (see the module
    docs; ``workers_mb``: see :func:`may_start`), each after the phases it comes after (:attr:`Phase.after`) that are among
    ``phases`` have finished; ``on_done`` is told each phase as it finishes (progress).
    Returns the results by phase name.

    Raises:
        PhaseError: a phase failed (its message) or its worker died (the signal); the
            other workers are stopped first.
    """
    from multiprocessing.connection import wait

    context = _context()
    pending = list(phases)
    # the reading end of each worker's pipe -> (phase, process, that end); it turns
    # readable when the worker has sent its outcome, or has died (end of file), so waiting
    # on it never leaves a worker blocked on sending a large report
    running: dict[Any, tuple[Phase, Any, Any]] = {}
    results: dict[str, PhaseResult] = {}
    release_memory()

    def start(phase: Phase) -> None:
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_worker, args=(phase.name, job, send),
                                  name=f"exokg-{phase.name}", daemon=True)
        process.start()
        send.close()
        running[receive] = (phase, process, receive)

    def stop_all() -> None:
        for _, process, conn in running.values():
            process.kill()
        for _, process, conn in running.values():
            process.join()
            conn.close()
        running.clear()

    try:
        while pending or running:
            for phase in list(pending):
                started = [p for p, _, _ in running.values()]
                if _ready(phase, pending + started) and may_start(
                        phase, started, triples, workers, budget_mb, _own_rss_mb(),
                        workers_mb):
                    pending.remove(phase)
                    start(phase)
            if not running:  # nothing could start: a phase comes after one not run
                raise ValueError("phases wait for each other: "
                                 + ", ".join(p.name for p in pending))
            for ready in wait(list(running)):
                phase, process, conn = running.pop(ready)
                try:  # a worker that died has sent nothing: the pipe is at its end
                    message = conn.recv()
                except (EOFError, OSError):
                    message = None
                process.join()
                conn.close()
                if message is None or process.exitcode != 0:
                    code = process.exitcode
                    how = f"signal {-code}" if code is not None and code < 0 else \
                        f"exit status {code}"
                    raise PhaseError(f"the worker process of '{phase.name}' "
                                     f"({phase.title}) died ({how}); nothing was published")
                status, payload = message
                if status != "ok":
                    raise PhaseError(f"{phase.name}: {payload}; nothing was published")
                results[phase.name] = payload
                fault_point("post-phase")
                if on_done is not None:
                    on_done(phase, payload)
    except BaseException:
        stop_all()
        raise
    return results


def describe(phase: Phase, result: PhaseResult) -> str:
    """The progress line of a finished phase: ``wrote exokg.html: 2,000 statements in
    12.3 s (162/s; CPU 11.0 s, peak 270 MB)``."""
    count, unit = result.count
    seconds = result.seconds
    rate = f"{count / seconds:,.0f}/s; " if seconds > 0 and unit else ""
    counted = f"{count:,} {unit}{'' if count == 1 else 's'} " if unit else ""
    return (f"{phase.title}: {counted}in {seconds:.1f} s ({rate}CPU "
            f"{result.cpu_seconds:.1f} s, peak {result.peak_mb:,.0f} MB)")

