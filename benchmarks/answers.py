"""Named queries from the answer tables of a store generation (exokg.query.answers).

Usage::

    python benchmarks/answers.py STORE [--write] [--repeat 3] [--sparql] [--timeout 60]
                                       [--memory auto|always|never] [--json PATH]

``--write`` writes the answer file into STORE's current generation first (only on a store
you may write into: for a build that must stay as it is, hard-link its folder first, ``cp
-al BUILD/store COPY``: the file is new, the database is only read) and prints what that
cost: CPU time and wall time of this process, its peak RSS, the file's size and rows.

Then, for the most connected entity of each kind (from the generation's view file: the node
with the most statement edges), every named query the answer file keys is timed through the
notebook API (``kg.run``: parameter binding, the answer-table read, the result table; the
worker still resolves the IRIs), whole and its first page of 100 rows: median of
``--repeat`` after one warm-up. ``--sparql`` times the same queries as SPARQL (the answer
file ignored; each stopped after ``--timeout`` seconds) and checks that both give the same
rows. ``uptime`` and this process's CPU time are printed with the figures: the machine is
shared, so wall times are only comparable at similar load.

This is a script, not a test.
"""

from __future__ import annotations

import argparse
import json
import resource
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

_KINDS = ("MicroRNA", "ExosomePreparation", "Outcome", "Disease", "Gene")


def uptime() -> str:
    """The load averages of the machine (``/proc/loadavg``)."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def hubs(generation: Path) -> dict[str, str]:
    """The IRI of the node with most statement edges of each kind, and the hub miRNA's most
    frequent object, read from the generation's view file."""
    db = sqlite3.connect(f"{(generation / 'view.sqlite').resolve().as_uri()}?mode=ro&immutable=1",
                         uri=True)
    found: dict[str, str] = {}
    for kind in _KINDS:
        row = db.execute(
            "SELECT n.key, n.iri, (SELECT COUNT(*) FROM edges WHERE subject = n.key) + "
            "(SELECT COUNT(*) FROM edges WHERE object = n.key) AS degree FROM nodes n "
            "WHERE n.category = ? ORDER BY degree DESC, n.iri LIMIT 1", (kind,)).fetchone()
        if row:
            found[kind] = row[1]
            if kind == "MicroRNA":
                partner = db.execute(
                    "SELECT n.iri FROM edges e JOIN nodes n ON n.key = e.object WHERE "
                    "e.subject = ? AND n.iri IS NOT NULL GROUP BY n.iri ORDER BY COUNT(*) DESC, "
                    "n.iri LIMIT 1", (row[0],)).fetchone()
                if partner:
                    found["partner"] = partner[0]
    db.close()
    return found


def plan(found: dict[str, str]) -> list[tuple[str, dict[str, str], int | None]]:
    """(query, parameters, page) of every keyed query about the hubs."""
    out: list[tuple[str, dict[str, str], int | None]] = []
    for kind in _KINDS:
        if kind in found:
            for name in ("entity-findings", "entity-summary"):
                out += [(name, {"entity": found[kind]}, None), (name, {"entity": found[kind]}, 1)]
    if "MicroRNA" in found:
        out += [("evidence", {"subject": found["MicroRNA"]}, None),
                ("evidence", {"subject": found["MicroRNA"]}, 1)]
        if "partner" in found:
            out.append(("evidence", {"subject": found["MicroRNA"], "object": found["partner"]},
                        None))
    return out + plan_kept(found)


#: the species of the kept outcomes-by-species rows timed (rat: the most frequent one)
RAT = "http://purl.obolibrary.org/obo/NCBITaxon_10116"


def plan_kept(found: dict[str, str]) -> list[tuple[str, dict[str, str], int | None]]:
    """(query, parameters, page) of the queries kept whole about the hubs: the hub miRNA's
    preparations and biomarkers, the hub outcome's opposite findings and species, the hub
    disease's and rat's outcomes; whole and first page."""
    cases: list[tuple[str, dict[str, str]]] = []
    if "MicroRNA" in found:
        cases += [("mirna-preparations", {"mirna": found["MicroRNA"]}),
                  ("mirna-biomarkers", {"mirna": found["MicroRNA"]})]
    if "Outcome" in found:
        cases += [("opposite-findings", {"outcome": found["Outcome"]}),
                  ("outcomes-by-species", {"outcome": found["Outcome"]})]
    if "Disease" in found:
        cases.append(("outcomes-by-species", {"model": found["Disease"]}))
    cases.append(("outcomes-by-species", {"species": RAT}))
    return [(name, params, page) for name, params in cases for page in (None, 1)]


def _median_ms(action: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    result = action()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def write(store: Path) -> dict[str, Any]:
    """Write the answer file into the current generation of ``store``; its cost."""
    import pyoxigraph as ox

    from exokg.graph.store import generation_path, open_store
    from exokg.query.answers import answer_file_path, write_answer_file
    from exokg.query.stores import ensure_ontology

    generation = generation_path(store)
    if generation is None:
        raise SystemExit(f"{store}: no current generation")
    graph = ensure_ontology(store)
    database = open_store(store)
    graphs: list[Any] = [ox.DefaultGraph()]
    if graph is not None and database.contains_named_graph(ox.NamedNode(graph)):
        graphs.append(ox.NamedNode(graph))
    load = uptime()
    cpu, wall = time.process_time(), time.perf_counter()
    counts = write_answer_file(database, answer_file_path(generation), graphs)
    figures = {"cpu_s": time.process_time() - cpu, "wall_s": time.perf_counter() - wall,
               "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
               "file_mb": answer_file_path(generation).stat().st_size / 1e6, "rows": counts,
               "load_before": load, "load_after": uptime()}
    del database
    return figures


def time_queries(store: Path, repeat: int, sparql: bool, timeout: float,
                 memory: str) -> dict[str, Any]:
    import warnings

    import exokg
    from exokg.graph.store import generation_path
    from exokg.query.errors import QueryError
    from exokg.query.paging import paginate

    generation = generation_path(store)
    assert generation is not None
    found = hubs(generation)
    rows = []
    with exokg.load(store, memory=memory, timeout=timeout) as kg, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        kg.resolve(next(iter(found.values())))  # start the worker
        for name, params, page in plan(found):
            load, cpu = uptime(), time.process_time()
            ms, table = _median_ms(lambda: kg.run(name, params, page=page), repeat)
            own = (time.process_time() - cpu) / (repeat + 1) * 1000
            row = {"query": name, "params": params, "page": page, "rows": len(table.rows),
                   "file_ms": ms, "own_cpu_ms": own, "load": load}
            if sparql:
                text, terms = kg.library[name].bind(params, resolve=kg.resolve)
                if page is not None:
                    text = paginate(text, page, 100)
                started = time.perf_counter()
                try:
                    raw = kg._execute(text, terms, timeout, None, name)
                    row["sparql_ms"] = (time.perf_counter() - started) * 1000
                    row["same_rows"] = raw.rows == table.rows
                except QueryError as error:
                    row["sparql_ms"] = f"stopped: {type(error).__name__}"
            rows.append(row)
            print(_line(row), flush=True)
    return {"hubs": found, "queries": rows}


def _line(row: dict[str, Any]) -> str:
    params = " ".join(f"{k}={v.rsplit('/', 1)[-1]}" for k, v in row["params"].items())
    page = f" page={row['page']}" if row["page"] else ""
    text = (f"{row['query']} {params}{page}: {row['rows']} rows, {row['file_ms']:.1f} ms "
            f"(own CPU {row['own_cpu_ms']:.1f} ms, load {row['load']})")
    if "sparql_ms" in row:
        sparql = row["sparql_ms"]
        text += f"; SPARQL {sparql:.0f} ms" if isinstance(sparql, float) else f"; SPARQL {sparql}"
        if "same_rows" in row:
            text += ", same rows" if row["same_rows"] else ", DIFFERENT rows"
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sparql", action="store_true")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--memory", default="auto", choices=("auto", "always", "never"))
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    started_cpu = time.process_time()
    figures: dict[str, Any] = {"load_start": uptime()}
    print(f"load average at start: {figures['load_start']}", flush=True)
    if args.write:
        figures["write"] = write(args.store)
        w = figures["write"]
        print(f"answer file: {w['cpu_s']:.1f} s CPU, {w['wall_s']:.1f} s wall, peak RSS "
              f"{w['peak_rss_mb']:.0f} MB, {w['file_mb']:.1f} MB, rows {w['rows']} (load "
              f"{w['load_before']} -> {w['load_after']})", flush=True)
    figures.update(time_queries(args.store, args.repeat, args.sparql, args.timeout,
                                args.memory))
    figures["process_cpu_s"] = time.process_time() - started_cpu
    figures["load_end"] = uptime()
    print(f"this process: {figures['process_cpu_s']:.1f} s CPU; load average at end: "
          f"{figures['load_end']}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.exit(main())
