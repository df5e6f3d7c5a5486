"""Where the CPU of the phases after loading goes: each piece of the view phase, the answer
tables and the KGX/CSV phase run alone on a built store, and the start rule of the phases
applied to given phase times.

Usage::

    python benchmarks/postload_pieces.py piece DATABASE \
        view|kept|statements|tables|graphml|rows|scan [--profile] [--rows FILE]
    python benchmarks/postload_pieces.py engine DATABASE
    python benchmarks/postload_pieces.py schedule TRIPLES NAME=SECONDS ... [--own MB]
    python benchmarks/postload_pieces.py schedule --build BUILD.json [--own MB]
                                         [--workers-mb MB]

``piece`` opens ``DATABASE`` (a generation's ``oxigraph`` folder) read-only and runs one
piece in this process, writing into a temporary folder: the view file alone
(:func:`exokg.graph.viewdb.write_view_file` without answer tables), the tables of the
queries kept whole (:func:`exokg.query.answers.write_kept_file`), the statement answer
tables (:func:`exokg.query.answers.write_answer_file` without the kept tables) or KGX and
the statements CSV (:func:`exokg.export.tables.write_tables`), the GraphML (``graphml``:
:func:`exokg.export.tables.write_graphml`), or the statement rows
file a build writes once for these (``rows``:
:func:`exokg.export.statement_scan.write_statement_rows`, into ``--rows FILE``; given to
``view``, ``kept``, ``statements``, ``tables``, ``graphml`` or ``scan``, they read it
instead of the store; ``scan``: the statements as KGX/CSV read them, nothing written); it prints the CPU time
(user + system of this process), wall time and peak RSS, and with ``--profile`` the
``cProfile`` tables (wall clock: the profiler inflates Python calls against the engine).
Run one piece per process: the peak RSS is the process's.

``engine`` writes the statement answer tables with the store wrapped so that the CPU spent
in ``Store.query``, in serialising results and in ``quads_for_pattern`` is summed, by kind
of query: the engine's share of that writer and which reads make it.

``schedule`` applies :func:`exokg.postload.may_start` (the memory estimates of
:data:`exokg.postload.PHASES`, two workers, the building process at ``--own`` MB) to the
phase durations given, as :func:`exokg.postload.run_phases` starts phases, and prints when
each would start and when the last would end: a projection, not a measurement. With
``--build`` the triples, durations (wall) and peak RSS of each phase are read from the
JSON of a ``benchmarks/buildphases.py`` run, and the summed peak the schedule can reach
(the building process plus the peaks of the phases running at once) is printed too.

This is a script, not a test. On a shared machine compare CPU seconds (``uptime`` is
printed).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _open(database: str) -> tuple[Any, list[Any]]:
    import pyoxigraph

    store = pyoxigraph.Store.read_only(database)
    return store, [pyoxigraph.DefaultGraph(), *sorted(store.named_graphs(), key=str)]


def _timed(name: str, work: Callable[[], Any], profile: bool) -> None:
    cpu, wall = time.process_time(), time.perf_counter()
    profiler = cProfile.Profile() if profile else None
    if profiler is not None:
        profiler.enable()
    work()
    if profiler is not None:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{name}: CPU {time.process_time() - cpu:.1f} s, wall "
          f"{time.perf_counter() - wall:.1f} s, peak RSS {peak:,.0f} MB, load "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)


def piece(database: str, which: str, profile: bool, rows: str | None = None) -> None:
    """Run one piece (see the module docs) and print its figures."""
    store, graphs = _open(database)
    out = Path(tempfile.mkdtemp(prefix="postload-pieces-"))
    if which == "scan":
        from exokg.export.statement_scan import scan_statements
        from exokg.validate_store import data_graphs

        _timed("statement scan", lambda: print(sum(1 for _ in scan_statements(
            store, data_graphs(store), str(out), rows)), "statements"), profile)
    elif which == "rows":
        from exokg.export.statement_scan import write_statement_rows
        from exokg.validate_store import data_graphs

        if rows is None:
            raise SystemExit("rows: give the file to write with --rows")
        _timed("statement rows", lambda: print(write_statement_rows(
            store, data_graphs(store), rows), "statements"), profile)
    elif which == "view":
        from exokg.graph.viewdb import write_view_file

        options = {"rows": Path(rows)} if rows else {}
        _timed("view file", lambda: write_view_file(store, out / "view.sqlite", graphs,
                                                     answers=False, **options), profile)
    elif which == "kept":
        from exokg.query.answers import write_kept_file

        options = {"rows": Path(rows)} if rows else {}
        _timed("kept tables", lambda: print(write_kept_file(store, out / "kept.sqlite", graphs,
                                                            **options)), profile)
    elif which == "statements":
        from exokg.query.answers import write_answer_file

        options = {"rows": Path(rows)} if rows else {}
        _timed("statement answer tables", lambda: print(write_answer_file(
            store, out / "answers.sqlite", graphs, kept=False, **options)), profile)
    elif which == "graphml":
        from exokg.export.tables import write_graphml

        options = {"rows": Path(rows)} if rows else {}
        _timed("GraphML", lambda: write_graphml(store, out / "exokg.graphml", **options),
               profile)
    else:
        from exokg.export.tables import write_tables

        options = {"rows": Path(rows)} if rows else {}
        _timed("KGX and statements CSV", lambda: write_tables(
            store, out / "kgx", out / "statements.csv", **options), profile)
    print(f"files in {out}")


def _query_kind(text: str) -> str:
    """What a query of the statement answer tables' writer reads, for the tally."""
    import re

    if "UNION" in text:
        return "the facet probe (before post-load round 5)"
    found = re.search(r"FILTER\(\?p IN \(<([^>]*)>", text)
    if found:
        first = found.group(1).rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        return {"firstAuthor": "publications' fields", "source": "documents' fields",
                "label": "labels of statement ends"}.get(first, f"filtered ({first})")
    if "VALUES ?s" in text:
        return "every triple of a group's statements or evidence nodes"
    return " ".join(text.split())[:50]


def engine(database: str) -> None:
    """The statement answer tables with the engine's CPU summed apart, by kind of query:
    ``Store.query`` (planning), serialising its results (evaluation and TSV writing) and
    ``quads_for_pattern`` (bound look-ups)."""
    from exokg.query.answers import write_answer_file

    store, graphs = _open(database)
    spent: dict[str, list[float]] = {}

    def add(kind: str, began: float) -> None:
        entry = spent.setdefault(kind, [0.0, 0])
        entry[0] += time.process_time() - began
        entry[1] += 1

    class Results:
        def __init__(self, results: Any, kind: str) -> None:
            self.results, self.kind = results, kind

        def serialize(self, *args: Any, **kwargs: Any) -> Any:
            began = time.process_time()
            found = self.results.serialize(*args, **kwargs)
            add(f"serialize: {self.kind}", began)
            return found

        def __getattr__(self, name: str) -> Any:
            return getattr(self.results, name)

        def __iter__(self) -> Any:
            return iter(self.results)

    class Timed:
        def query(self, text: str, *args: Any, **kwargs: Any) -> Any:
            began = time.process_time()
            found = store.query(text, *args, **kwargs)
            add(f"query: {_query_kind(text)}", began)
            return Results(found, _query_kind(text))

        def quads_for_pattern(self, *args: Any, **kwargs: Any) -> Any:
            began = time.process_time()
            found = list(store.quads_for_pattern(*args, **kwargs))
            add("quads_for_pattern", began)
            return found

        def __getattr__(self, name: str) -> Any:
            return getattr(store, name)

    out = Path(tempfile.mkdtemp(prefix="postload-pieces-"))
    began = time.process_time()
    write_answer_file(Timed(), out / "answers.sqlite", graphs, kept=False)  # type: ignore[arg-type]
    total = time.process_time() - began
    engine_s = sum(s for s, _ in spent.values())
    print(f"statement answer tables: CPU {total:.1f} s, of which the engine {engine_s:.1f} s "
          f"({engine_s / total:.0%}); load {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for kind, (seconds, calls) in sorted(spent.items(), key=lambda item: -item[1][0]):
        print(f"{seconds:8.2f} s {int(calls):7,d} calls  {kind}")


def schedule(triples: int, durations: dict[str, float], own_mb: float, workers: int = 2,
             workers_mb: float | None = None) -> tuple[float, list[tuple[float, str]]]:
    """When each phase of ``durations`` would start under the start rule (``workers_mb``:
    the workers' budget, default :data:`exokg.postload.WORKERS_BUDGET_MB`), and the end."""
    from exokg.postload import MEMORY_BUDGET_MB, PHASES, WORKERS_BUDGET_MB, may_start

    limit = WORKERS_BUDGET_MB if workers_mb is None else workers_mb

    pending = [p for p in PHASES if p.name in durations]
    running: list[tuple[float, Any]] = []
    now, started = 0.0, []
    while pending or running:
        for phase in list(pending):
            waiting = {p.name for p in pending} | {p.name for _, p in running}
            if not waiting & set(phase.after) and may_start(
                    phase, [p for _, p in running], triples, workers, MEMORY_BUDGET_MB,
                    own_mb, limit):
                pending.remove(phase)
                running.append((now + durations[phase.name], phase))
                started.append((now, phase.name))
        running.sort(key=lambda item: item[0])
        now, _ = running.pop(0)
    return now, started


def summed_peak(started: list[tuple[float, str]], durations: dict[str, float],
                peaks: dict[str, float], own_mb: float) -> tuple[float, list[str]]:
    """The largest summed RSS a schedule can reach if the phases running at the same time
    all peaked at once: ``own_mb`` plus their measured ``peaks`` (an upper bound: a
    phase's peak lasts a moment), and those phases."""
    spans = [(at, at + durations[name], name) for at, name in started]
    worst: tuple[float, list[str]] = (own_mb, [])
    for at, _, _ in spans:  # the set of running phases changes only when one starts
        live = [name for begin, end, name in spans if begin <= at < end]
        total = own_mb + sum(peaks[name] for name in live)
        worst = max(worst, (total, live))
    return worst


def from_build(path: str) -> tuple[int, dict[str, float], dict[str, float]]:
    """The store's triples and each phase's wall seconds and peak RSS (MB) from the JSON of
    ``benchmarks/buildphases.py`` (the progress lines of the build)."""
    import json
    import re

    from exokg.postload import PHASES

    titles = {p.title: p.name for p in PHASES}
    triples, durations, peaks = 0, {}, {}
    for row in json.loads(Path(path).read_text(encoding="utf-8"))["rows"]:
        line = row["line"]
        found = re.search(r"loaded the store: ([\d,]+) triples", line)
        if found:
            triples = int(found.group(1).replace(",", ""))
        found = re.match(r"exokg: (.+?): .* in ([\d.]+) s \(.*peak ([\d,]+) MB\)$", line)
        if found and found.group(1) in titles:
            durations[titles[found.group(1)]] = float(found.group(2))
            peaks[titles[found.group(1)]] = float(found.group(3).replace(",", ""))
    return triples, durations, peaks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("piece")
    p.add_argument("database")
    p.add_argument("which", choices=("view", "kept", "statements", "tables", "graphml", "rows",
                                     "scan"))
    p.add_argument("--profile", action="store_true")
    p.add_argument("--rows", help="the statement rows file (written by rows, read by "
                                  "statements and tables)")
    e = sub.add_parser("engine")
    e.add_argument("database")
    s = sub.add_parser("schedule")
    s.add_argument("triples", type=int, nargs="?", default=0)
    s.add_argument("durations", nargs="*", help="NAME=SECONDS of each phase")
    s.add_argument("--own", type=float, default=550, help="the building process's RSS, MB")
    s.add_argument("--build", help="a buildphases.py JSON: the triples, each phase's wall "
                                   "seconds and peak RSS from its lines (the summed peak "
                                   "is then modelled)")
    s.add_argument("--workers-mb", type=float, default=None,
                   help="the workers' budget (default exokg.postload.WORKERS_BUDGET_MB)")
    args = parser.parse_args(argv)
    if args.command == "piece":
        piece(args.database, args.which, args.profile, args.rows)
    elif args.command == "engine":
        engine(args.database)
    else:
        triples, peaks = args.triples, {}
        durations = {k: float(v) for k, v in (d.split("=", 1) for d in args.durations)}
        if args.build:
            triples, durations, peaks = from_build(args.build)
        end, started = schedule(triples, durations, args.own, workers_mb=args.workers_mb)
        for at, name in started:
            print(f"{at:7.1f} s  start {name} (ends {at + durations[name]:.1f} s)")
        print(f"{end:7.1f} s  the last phase ends")
        if peaks:
            total, live = summed_peak(started, durations, peaks, args.own)
            print(f"summed peak at most {total:,.0f} MB: the building process "
                  f"({args.own:,.0f} MB) and {', '.join(live)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
