"""The cost of writing a generation's answer file (and view file) on a store a build wrote:
CPU time, wall time and peak RSS of the process that writes it, the resident memory after
each step of the writer, the file sizes, and whether two answer files hold the same rows.

Usage::

    python benchmarks/answerphase.py write STORE OUT_DIR [--no-view] [--json PATH]
    python benchmarks/answerphase.py compare FILE_A FILE_B [--sorted-lists]
    python benchmarks/answerphase.py read DIR [--baseline DIR --baseline-code ANSWERS_PY]
    python benchmarks/answerphase.py kept STORE OUT_DIR [--no-write] [--sparql] [--repeat 5]

``write`` (``--no-kept``: without the tables of the queries kept whole, to compare with a
version from before them) opens the current generation's database of ``STORE`` read-only (it is never
changed) and writes ``view.sqlite`` and ``answers.sqlite`` into ``OUT_DIR`` with the code
the build's view phase ran until round 4 (the view file, then one answer file holding the
kept tables and the statement tables; a build now writes the kept tables into
``kept-answers.sqlite`` with the view file and the statement tables in a phase of their
own, which ``--no-kept`` writes alone), in a child process of its own: its CPU time (user + system) and peak RSS come from ``os.wait4``.
Inside the child, the RSS after each step of the writer is printed (``/proc/self/statm``,
sampled around the writer's internal functions when they exist), which says where the
memory goes. To measure another version of exokg, put it first on ``PYTHONPATH``
(``git archive COMMIT exokg | tar -x -C DIR``; ``PYTHONPATH=DIR``).

``compare`` reads every row of the three tables of two answer files, of either layout
(format 1: JSON rows; format 2: term ids), in rank order with their key columns, and says
whether they are equal, table by table; a difference prints the first differing rank.
``--sorted-lists`` first puts entity-findings' four context lists of both in code-point
order (what the query's ``sorted-list`` step does since "Post-load phases, round 5"), to
compare a file written before that round with one written after.

``read`` times the read of the keyed queries about the hubs (``benchmarks/answers.py``'s
choice, from ``DIR/view.sqlite``) from ``DIR/answers.sqlite`` with
:meth:`exokg.query.answers.AnswerFile.answer` (the file read and the rows, without the
query API): whole answers and first pages of 100 rows, median of 5 after a warm-up, wall
and CPU. With ``--baseline``, the same reads from another answer file (e.g. of format 1)
with the reader of another version's ``exokg/query/answers.py`` (loaded under another
module name), in the same process, alternately, and whether both give the same rows.

``kept`` writes the tables of the four named queries kept whole
(:data:`exokg.query.answers.KEPT`) alone into ``OUT_DIR/kept.sqlite``, in a child process
(CPU time and peak RSS from ``os.wait4``; the CPU time after each query), then times their
reads about the hubs (the hub miRNA, outcome and disease of ``STORE``'s view file, and rat),
whole and first page of 100 rows, median of ``--repeat`` after a warm-up; ``--sparql`` runs
each once as SPARQL on ``STORE``'s database on disk as well and checks the rows are the
same; ``--no-write`` reads the file already in ``OUT_DIR``.

This is a script, not a test. On a shared machine compare CPU seconds and RSS; wall time
depends on the load (``uptime`` is printed with the figures).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def uptime() -> str:
    """The load averages of the machine (``/proc/loadavg``)."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def _rss_mb() -> float:
    with open("/proc/self/statm", "rb") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _probe(module: Any, name: str, log: list[str]) -> None:
    """Wrap ``module.name`` (a function) so that the RSS is logged when it returns (for a
    generator: when it is exhausted)."""
    import functools
    import inspect

    original = getattr(module, name, None)
    if original is None:
        return
    started = time.process_time()
    if inspect.isgeneratorfunction(original):
        @functools.wraps(original)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            yield from original(*args, **kwargs)
            log.append(f"{time.process_time() - started:7.1f} s CPU  {_rss_mb():7.0f} MB  "
                       f"after {name}")
    else:
        @functools.wraps(original)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            result = original(*args, **kwargs)
            log.append(f"{time.process_time() - started:7.1f} s CPU  {_rss_mb():7.0f} MB  "
                       f"after {name}")
            return result
    setattr(module, name, wrapped)


def child_kept(store: Path, out: Path) -> None:
    """Write the tables of the queries kept whole alone (``kept.sqlite``, in this process)
    and print their CPU time per query and the RSS as JSON on stdout."""
    import pyoxigraph as ox

    import exokg.query.answers as answers
    from exokg.graph.store import generation_path
    from exokg.graph.viewdb import new_sqlite_file
    from exokg.query.stores import ontology_graph_name

    generation = generation_path(store)
    if generation is None:
        raise SystemExit(f"{store}: no current generation")
    database = ox.Store.read_only(str(generation / "oxigraph"))
    graphs: list[Any] = [ox.DefaultGraph()]
    graphs += [ox.NamedNode(g) for g in [ontology_graph_name()] if g]
    out.mkdir(parents=True, exist_ok=True)
    log: list[str] = []
    kept = dict(answers.KEPT)
    started = time.process_time()
    with new_sqlite_file(out / "kept.sqlite", answers._SCHEMA, answers.FORMAT) as (db, counts):
        terms = answers._Terms(db)
        for name, keys in kept.items():  # one query at a time: its own CPU figure
            answers.KEPT.clear()
            answers.KEPT[name] = keys
            answers._write_kept(db, terms, database, graphs, counts)
            log.append(f"{time.process_time() - started:7.1f} s CPU  {_rss_mb():7.0f} MB  "
                       f"after {name} ({counts[answers._kept_table(name)]:,} rows)")
        terms.flush()
        counts["terms"] = len(terms)
    print(json.dumps({"log": log, "counts": counts}))


def kept(store: Path, out: Path) -> dict[str, Any]:
    """Run :func:`child_kept` in a process of its own; its figures."""
    load = uptime()
    began = time.perf_counter()
    process = subprocess.Popen([sys.executable, __file__, "_kept", str(store), str(out)],
                               stdout=subprocess.PIPE, text=True)
    output = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"the writing process failed (status {status})")
    inner = json.loads(output.strip().splitlines()[-1])
    return {"cpu_s": usage.ru_utime + usage.ru_stime, "wall_s": time.perf_counter() - began,
            "peak_rss_mb": usage.ru_maxrss / 1024,
            "file_mb": (out / "kept.sqlite").stat().st_size / 1e6, "rows": inner["counts"],
            "steps": inner["log"], "load_before": load, "load_after": uptime()}


def read_kept(folder: Path, store: Path, sparql: bool, repeat: int) -> list[dict[str, Any]]:
    """Time the kept queries about the hubs (``benchmarks/answers.py``'s choice, from the
    view file of ``store``'s generation) from ``folder/kept.sqlite`` (or
    ``folder/answers.sqlite``) with :meth:`AnswerFile.answer`, whole and first page, median
    of ``repeat`` after a warm-up, wall and CPU; with ``sparql``, the same query run once as
    SPARQL on its database (on disk, the query API's list step applied) and whether the
    rows are the same."""
    import statistics

    import pyoxigraph as ox

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from answers import hubs, plan_kept

    from exokg.graph.store import generation_path
    from exokg.query._worker import encode_term
    from exokg.query.answers import AnswerFile
    from exokg.query.binding import bind_query
    from exokg.query.library import load_library
    from exokg.query.lists import sort_list_columns
    from exokg.query.stores import ontology_graph_name

    path = folder / "kept.sqlite"
    if not path.is_file():
        path = folder / "answers.sqlite"
    reader = AnswerFile(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True),
                        path, folder)
    generation = generation_path(store)  # the hubs come from its view file
    if generation is None:
        raise SystemExit(f"{store}: no current generation")
    database = ox.Store.read_only(str(generation / "oxigraph")) if sparql else None
    graphs = [ox.DefaultGraph(), ox.NamedNode(ontology_graph_name())]
    library = load_library()
    out = []
    for name, params, page in plan_kept(hubs(generation)):
        bindings = {k: (0, v) for k, v in params.items()}
        limit = 100 if page else None
        row: dict[str, Any] = {"query": name, "params": params, "page": page, "load": uptime()}
        reader.answer(name, bindings, limit=limit)  # warm-up
        walls, cpus = [], []
        for _ in range(repeat):
            wall, cpu = time.perf_counter(), time.process_time()
            found = reader.answer(name, bindings, limit=limit)
            walls.append((time.perf_counter() - wall) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
        row.update(rows=len(found.rows), ms=statistics.median(walls),
                   cpu_ms=statistics.median(cpus))
        text = f"{name} {' '.join(f'{k}={v.rsplit(chr(47), 1)[-1]}' for k, v in params.items())}"
        text += f"{' page=1' if page else ''}: {row['rows']} rows, {row['ms']:.1f} ms " \
                f"(CPU {row['cpu_ms']:.1f})"
        if database is not None:
            query = library[name]
            sparql = bind_query(query.text_for(frozenset(params)), bindings)
            if page:
                sparql += "\nLIMIT 100"
            wall, cpu = time.perf_counter(), time.process_time()
            result = database.query(sparql, default_graph=graphs)
            variables = [v.value for v in result.variables]
            rows = [tuple(encode_term(s[i]) for i in range(len(variables))) for s in result]
            row.update(sparql_ms=(time.perf_counter() - wall) * 1000,
                       sparql_cpu_ms=(time.process_time() - cpu) * 1000)
            rows = sort_list_columns(variables, rows, dict(query.sorted_lists))
            row["same_rows"] = variables == found.variables and rows == found.rows
            text += f"; SPARQL {row['sparql_ms']:.0f} ms (CPU {row['sparql_cpu_ms']:.0f}), " \
                    f"{'same rows' if row['same_rows'] else 'DIFFERENT rows'}"
        out.append(row)
        print(text + f" (load {row['load']})", flush=True)
    return out


def child(store: Path, out: Path, view: bool, kept: bool = True) -> None:
    """Write the files (in this process) and print the RSS log as JSON on stdout; with
    ``kept`` False, the answer file without the tables of the queries kept whole."""
    import pyoxigraph as ox

    import exokg.graph.viewdb as viewdb
    import exokg.query.answers as answers
    from exokg.graph.store import generation_path
    from exokg.query.stores import ontology_graph_name

    generation = generation_path(store)
    if generation is None:
        raise SystemExit(f"{store}: no current generation")
    database = ox.Store.read_only(str(generation / "oxigraph"))
    graphs: list[Any] = [ox.DefaultGraph()]
    graphs += [ox.NamedNode(g) for g in [ontology_graph_name()] if g]
    log: list[str] = []
    if not kept and hasattr(answers, "KEPT"):
        answers.KEPT.clear()
    for name in ("_write_kept", "_sorted", "_statement_facts", "_write_findings",
                 "_write_summary", "_write_evidence", "_write_terms", "_collect",
                 "_sort_into"):
        _probe(answers, name, log)
    started = time.process_time()
    out.mkdir(parents=True, exist_ok=True)
    if view:
        from exokg.query.views import store_context_labels, store_view

        _probe(sys.modules["exokg.query.views"], "store_view", log)
        viewdb.write_view_file(database, viewdb.view_file_path(out), graphs, answers=False)
        log.append(f"{time.process_time() - started:7.1f} s CPU  {_rss_mb():7.0f} MB  "
                   "after the view file")
        del store_context_labels, store_view
    counts = answers.write_answer_file(database, answers.answer_file_path(out), graphs)
    log.append(f"{time.process_time() - started:7.1f} s CPU  {_rss_mb():7.0f} MB  "
               "after the answer file")
    print(json.dumps({"log": log, "counts": counts}))


def write(store: Path, out: Path, view: bool, kept: bool = True) -> dict[str, Any]:
    """Run :func:`child` in a process of its own; its figures."""
    load = uptime()
    began = time.perf_counter()
    command = [sys.executable, __file__, "_child", str(store), str(out)]
    if not view:
        command.append("--no-view")
    if not kept:
        command.append("--no-kept")
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    output = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"the writing process failed (status {status})")
    inner = json.loads(output.strip().splitlines()[-1])
    sizes = {p.name: p.stat().st_size / 1e6 for p in out.glob("*.sqlite")}
    return {"cpu_s": usage.ru_utime + usage.ru_stime, "wall_s": time.perf_counter() - began,
            "peak_rss_mb": usage.ru_maxrss / 1024, "file_mb": sizes, "rows": inner["counts"],
            "steps": inner["log"], "load_before": load, "load_after": uptime()}


# -- comparing two answer files --------------------------------------------------------------


_KEYS = {"findings": "subject, object, predicate", "summary": "entity, role, predicate",
         "evidence": "statement, subject, object"}


def _rows(path: Path, table: str) -> Iterator[tuple[Any, ...]]:
    """(key columns..., row as term tuples) of ``table`` in rank order, from either layout."""
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    (layout,) = db.execute("SELECT value FROM meta WHERE name = 'format'").fetchone()
    if layout == "1":
        for row in db.execute(f"SELECT {_KEYS[table]}, row FROM {table} ORDER BY rank"):
            yield (*row[:-1], tuple(tuple(t) if t is not None else None
                                    for t in json.loads(row[-1])))
        return
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from exokg.query.answers import AnswerFile

    reader = AnswerFile(db, path, path.parent)
    yield from reader.table_rows(table)


#: places of entity-findings' four context lists in a findings row (the row after the key
#: columns: statement, subject, subject_label, predicate, object, object_label, direction,
#: aspect, negated, hedged, species, model, route, context, ...)
_FINDINGS_LISTS = (10, 11, 12, 13)


def _listed(row: tuple[Any, ...], table: str, sort_lists: bool) -> tuple[Any, ...]:
    """``row`` with entity-findings' context lists in code-point order (``sort_lists``),
    as the query's ``sorted-list`` step gives them since post-load round 5."""
    if not sort_lists or table != "findings":
        return row
    from exokg.query.lists import sort_items

    terms = list(row[-1])
    for place in _FINDINGS_LISTS:
        terms[place] = sort_items(terms[place], "; ")
    return (*row[:-1], tuple(terms))


def compare(first: Path, second: Path, sort_lists: bool = False) -> bool:
    same = True
    for table in ("findings", "summary", "evidence"):
        digest = [hashlib.sha256(), hashlib.sha256()]
        count = [0, 0]
        differs = None
        for rank, (a, b) in enumerate(zip(_rows(first, table), _rows(second, table),
                                          strict=False)):
            a, b = _listed(a, table, sort_lists), _listed(b, table, sort_lists)
            if a != b and differs is None:
                differs = (rank, a, b)
        for i, path in enumerate((first, second)):
            for row in _rows(path, table):
                digest[i].update(repr(_listed(row, table, sort_lists)).encode())
                count[i] += 1
        equal = digest[0].digest() == digest[1].digest()
        same &= equal
        print(f"{table}: {count[0]:,} / {count[1]:,} rows: "
              f"{'the same' if equal else 'DIFFERENT'}")
        if differs is not None:
            print(f"  first difference at rank {differs[0]}:\n  {differs[1]}\n  {differs[2]}")
    return same


def _reader(code: Path | None) -> Any:
    """The ``AnswerFile`` class of this exokg, or of the ``answers.py`` at ``code``."""
    if code is None:
        from exokg.query.answers import AnswerFile

        return AnswerFile
    import importlib.util

    spec = importlib.util.spec_from_file_location("answers_baseline", code)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["answers_baseline"] = module
    spec.loader.exec_module(module)
    return module.AnswerFile


def read(folder: Path, baseline: Path | None, code: Path | None) -> list[dict[str, Any]]:
    import statistics

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from answers import hubs, plan

    readers = [("new", _reader(None).open(folder))]
    if baseline is not None:
        readers.append(("baseline", _reader(code).open(baseline)))
    if any(r is None for _, r in readers):
        raise SystemExit("an answer file is missing or of another format")
    out = []
    for name, params, page in plan(hubs(folder)):
        bindings = {k: (0, v) for k, v in params.items()}
        offset, limit = (0, 100) if page else (0, None)
        row: dict[str, Any] = {"query": name, "params": params, "page": page,
                               "load": uptime()}
        answers = []
        for label, reader in readers:
            reader.answer(name, bindings, offset=offset, limit=limit)  # warm-up
            walls, cpus = [], []
            for _ in range(5):
                wall, cpu = time.perf_counter(), time.process_time()
                found = reader.answer(name, bindings, offset=offset, limit=limit)
                walls.append((time.perf_counter() - wall) * 1000)
                cpus.append((time.process_time() - cpu) * 1000)
            answers.append(found.rows)
            row[label] = {"rows": len(found.rows), "ms": statistics.median(walls),
                          "cpu_ms": statistics.median(cpus)}
        if len(answers) == 2:
            row["same_rows"] = answers[0] == answers[1]
        out.append(row)
        short = " ".join(f"{k}={v.rsplit('/', 1)[-1]}" for k, v in params.items())
        print(f"{name} {short}{' page=1' if page else ''}: " + "; ".join(
            f"{label} {row[label]['rows']} rows {row[label]['ms']:.1f} ms "
            f"(CPU {row[label]['cpu_ms']:.1f})" for label, _ in readers)
            + (f"; same rows: {row['same_rows']}" if "same_rows" in row else "")
            + f" (load {row['load']})", flush=True)
    return out


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv and argv[0] == "_child":
        child(Path(argv[1]), Path(argv[2]), "--no-view" not in argv, "--no-kept" not in argv)
        return 0
    if argv and argv[0] == "_kept":
        child_kept(Path(argv[1]), Path(argv[2]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write")
    w.add_argument("store", type=Path)
    w.add_argument("out", type=Path)
    w.add_argument("--no-view", action="store_true")
    w.add_argument("--no-kept", action="store_true",
                   help="without the tables of the queries kept whole (as before round 3)")
    w.add_argument("--json", type=Path)
    c = sub.add_parser("compare")
    c.add_argument("first", type=Path)
    c.add_argument("second", type=Path)
    c.add_argument("--sorted-lists", action="store_true",
                   help="put entity-findings' context lists of both files in code-point "
                        "order first (a file written before post-load round 5 against one "
                        "written after)")
    r = sub.add_parser("read")
    r.add_argument("folder", type=Path)
    r.add_argument("--baseline", type=Path)
    r.add_argument("--baseline-code", type=Path)
    r.add_argument("--json", type=Path)
    k = sub.add_parser("kept")
    k.add_argument("store", type=Path)
    k.add_argument("out", type=Path)
    k.add_argument("--no-write", action="store_true", help="time the reads of OUT's file")
    k.add_argument("--sparql", action="store_true", help="and the same queries as SPARQL")
    k.add_argument("--repeat", type=int, default=5)
    k.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if args.command == "kept":
        print(f"load average at start: {uptime()}", flush=True)
        figures: dict[str, Any] = {}
        if not args.no_write:
            figures = kept(args.store, args.out)
            for line in figures["steps"]:
                print(line)
            print(f"kept tables: {figures['cpu_s']:.1f} s CPU, {figures['wall_s']:.1f} s wall, "
                  f"peak RSS {figures['peak_rss_mb']:.0f} MB, {figures['file_mb']:.1f} MB; "
                  f"load {figures['load_before']} -> {figures['load_after']}", flush=True)
        figures["reads"] = read_kept(args.out, args.store, args.sparql, args.repeat)
        figures["reads_store"] = str(args.store)
        if args.json:
            args.json.write_text(json.dumps(figures, indent=2) + "\n")
        return 0 if all(r.get("same_rows", True) for r in figures["reads"]) else 1
    if args.command == "read":
        found = read(args.folder, args.baseline, args.baseline_code)
        if args.json:
            args.json.write_text(json.dumps(found, indent=2) + "\n")
        return 0 if all(r.get("same_rows", True) for r in found) else 1
    if args.command == "compare":
        return 0 if compare(args.first, args.second, args.sorted_lists) else 1
    figures = write(args.store, args.out, not args.no_view, not args.no_kept)
    for line in figures["steps"]:
        print(line)
    print(f"view + answer files: {figures['cpu_s']:.1f} s CPU, {figures['wall_s']:.1f} s wall, "
          f"peak RSS {figures['peak_rss_mb']:.0f} MB; files (MB) {figures['file_mb']}; rows "
          f"{figures['rows']}; load {figures['load_before']} -> {figures['load_after']}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
