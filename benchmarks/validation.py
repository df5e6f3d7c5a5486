"""The SPARQL validation of a built store, check by check: wall time, CPU time and rows of
every compiled SHACL constraint (:mod:`exokg.validate_store`), of every SHACL-SPARQL
constraint and of the triple count, as ``exokg build`` runs them on a large graph.

Usage::

    python benchmarks/validation.py STORE [--open read-only|copy] [--work DIR]
                                    [--variants current,...] [--repeat N] [--top N]
                                    [--json FILE]

``STORE`` is a store folder written by ``exokg build`` (its current generation's database)
or an Oxigraph database folder. ``--open read-only`` (the default) opens it with
``Store.read_only`` as the build's validation worker does and never changes it; ``--open
copy`` copies the database into ``--work`` and opens the copy read-write (``Store(path)``),
to compare the two ways of opening on the same data. Never use ``copy`` on a large store
without room for it.

``--variants`` names the validators to run, in this process, one after the other on the
same open store (``current``: :func:`exokg.validate_store.validate_store` as it is now;
``terms:FILE``: the same with the prechecks of :mod:`exokg.validate_records` given the
terms file the store loader wrote, ``PARTITION.terms.json``;
``git:REV``: the validator of a git revision; ``queries``: the query-by-query breakdown
of the compiled checks only; ``forms``: the checks of each node shape run one by one and
in merged forms, see :func:`forms`; ``--used``: the prechecks given the store's
predicates and classes, read by SPARQL once, to ``current`` and ``git:REV``), so that
their ratio
is measured under the same load; each is run ``--repeat`` times and the reports of all
variants are compared (they must be equal).

CPU time is this process's (``time.process_time``: all of Oxigraph's threads). On a shared
machine compare CPU seconds and ratios; the load average is printed before and after.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any


def database_of(store: Path) -> Path:
    """The Oxigraph folder of ``store`` (a store folder's current generation, or ``store``
    itself when it is a database folder)."""
    if (store / "current").exists():
        return (store / "current").resolve() / "oxigraph"
    if (store / "CURRENT").exists():
        return store
    raise SystemExit(f"{store}: neither a store folder written by exokg build nor an "
                     f"Oxigraph database folder")


def open_store(database: Path, how: str, work: Path | None) -> Any:
    """The store opened as asked: ``read-only`` on ``database``, or ``copy``: a copy in
    ``work`` opened read-write."""
    import pyoxigraph

    if how == "read-only":
        return pyoxigraph.Store.read_only(str(database))
    if work is None:
        raise SystemExit("--open copy needs --work DIR")
    target = work / "oxigraph-copy"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(database, target)
    return pyoxigraph.Store(str(target))


def timed(fn: Any) -> tuple[Any, float, float]:
    """``fn()``, its wall seconds and its CPU seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - wall, time.process_time() - cpu


def per_query(store: Any) -> list[dict[str, Any]]:
    """Every query the validation runs, timed: the compiled checks, the SHACL-SPARQL
    constraints (the query :func:`exokg.validate.run_sparql_checks` sends) and the count."""
    from exokg.export.resources import load_shapes
    from exokg.validate import _PROLOGUE, _split_sparql
    from exokg.validate_store import compile_shapes, data_graphs

    shapes = load_shapes()
    graphs = data_graphs(store)
    queries: list[tuple[str, str]] = []
    for check in compile_shapes(shapes):
        queries.append((" ".join(x for x in (check.shape, check.component, check.path) if x),
                        check.query))
    _, sparql = _split_sparql(shapes)
    for check in sparql:
        prologue, body = _PROLOGUE.match(check.select).groups()  # type: ignore[union-attr]
        where = body.index("{") + 1
        query = (f"{prologue}\n{body[:where]} {{ SELECT DISTINCT ?this WHERE {{ "
                 f"{check.targets} }} }}\n{body[where:]}")
        queries.append((f"{check.shape.n3()} SPARQL", query))
    queries.append(("count of triples", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
    rows = []
    for name, query in queries:
        def run(q: str = query) -> int:
            answer = store.query(q, default_graph=graphs) if graphs else store.query(q)
            return sum(1 for _ in answer)
        count, wall, cpu = timed(run)
        rows.append({"check": name, "rows": count, "wall_s": round(wall, 3),
                     "cpu_s": round(cpu, 3)})
        print(f"  {wall:8.2f} s wall {cpu:8.2f} s CPU {count:8d} rows  {name}", flush=True)
    return rows


def forms(store: Any, repeat: int = 2) -> list[dict[str, Any]]:
    """The compiled checks of each node shape with focus nodes, run one by one and in other
    forms: two merged forms that read each triple once for several checks, and another
    focus pattern (CPU seconds, summed over the shape's checks; the best of ``repeat``
    runs; nothing here is used by exokg):

    * ``values``: a path's value checks (datatype, node kind, length, range, ...) one
      query each, against one query per path projecting a flag per check
      (``SELECT DISTINCT ?this ?value (e0 AS ?v0) (e1 AS ?v1) ... FILTER(e0 || e1 ...)``);
    * ``maxCount``: one ``GROUP BY ?this ... HAVING (COUNT(DISTINCT ?value) > n)`` per
      path, against one over all the shape's paths (``VALUES ?p { ... }``, grouped by
      ``?this ?p``);
    * ``focus``: every check of the shape but ``sh:class`` with its focus nodes found by
      ``rdf:type/rdfs:subClassOf*`` (as compiled) and by ``rdf:type`` alone (the same
      nodes when the data has no ``rdfs:subClassOf``).
    """
    import re

    from rdflib import RDF, RDFS

    from exokg.export.resources import load_shapes
    from exokg.validate import has_focus
    from exokg.validate_store import _focus, compile_shapes, data_graphs

    graphs = data_graphs(store)

    def cpu(query: str) -> float:
        best = None

        def run() -> int:
            answer = store.query(query, default_graph=graphs) if graphs else store.query(query)
            return sum(1 for _ in answer)
        for _ in range(repeat):
            _, _, seconds = timed(run)
            best = seconds if best is None else min(best, seconds)
        return best or 0.0

    checks = compile_shapes(load_shapes())
    rows = []
    for shape in sorted({c.shape for c in checks}):
        mine = [c for c in checks if c.shape == shape]
        if not has_focus(store, mine[0].targets, graphs):
            continue
        focus = _focus(mine[0].targets)
        paths: dict[str, list[Any]] = {}
        for check in mine:
            if check.has_value and check.component not in ("Class", "LessThan",
                                                           "LessThanOrEquals"):
                paths.setdefault(check.path, []).append(check)
        merged = [group for group in paths.values() if len(group) > 1]
        one_by_one = sum(cpu(c.query) for group in merged for c in group)
        together = 0.0
        for group in merged:
            found = [re.search(r"\} (\?this <[^>]+> \?value \.|BIND\(\?this AS \?value\)) "
                               r"FILTER\((.*)\) \}$", c.query) for c in group]
            values = found[0].group(1)  # type: ignore[union-attr]
            tests = [f.group(2) for f in found]  # type: ignore[union-attr]
            flags = " ".join(f"({t} AS ?v{k})" for k, t in enumerate(tests))
            together += cpu(f"SELECT DISTINCT ?this ?value {flags} WHERE {{ {focus} {values} "
                            f"FILTER({' || '.join(tests)}) }}")
        counts = [c for c in mine if c.component == "MaxCount"]
        limit, predicate = re.compile(r"> (\d+)\)$"), re.compile(r"\?this (<[^>]+>) \?value")
        limits = {limit.search(c.query).group(1) for c in counts}  # type: ignore[union-attr]
        count_paths = [predicate.search(c.query).group(1)  # type: ignore[union-attr]
                       for c in counts]
        grouped = 0.0
        if len(counts) > 1 and len(limits) == 1:
            grouped = cpu(f"SELECT ?this ?p WHERE {{ {focus} ?this ?p ?value . VALUES ?p "
                          f"{{ {' '.join(count_paths)} }} }} GROUP BY ?this ?p HAVING "
                          f"(COUNT(DISTINCT ?value) > {limits.pop()})")
        path = f"<{RDF.type}>/<{RDFS.subClassOf}>*"
        typed = [c for c in mine if c.component != "Class" and path in c.query]
        as_compiled = sum(cpu(c.query) for c in typed)
        plain = sum(cpu(c.query.replace(path, f"<{RDF.type}>")) for c in typed)
        row = {"shape": shape, "value_checks": sum(len(g) for g in merged),
               "values_one_by_one_s": round(one_by_one, 3),
               "values_per_path_s": round(together, 3), "max_counts": len(counts),
               "max_count_one_by_one_s": round(sum(cpu(c.query) for c in counts), 3)
               if grouped else 0.0, "max_count_grouped_s": round(grouped, 3),
               "focus_path_s": round(as_compiled, 3), "focus_type_only_s": round(plain, 3)}
        rows.append(row)
        print(f"  {shape}: {row['value_checks']} value checks {one_by_one:.2f} s -> "
              f"{together:.2f} s per path; {len(counts)} maxCount "
              f"{row['max_count_one_by_one_s']:.2f} s -> {grouped:.2f} s in one query; "
              f"{len(typed)} checks, focus by path {as_compiled:.2f} s, by rdf:type "
              f"{plain:.2f} s",
              flush=True)
    return rows


def used_of(store: Any) -> Any:
    """The predicates and classes of the store's data as the store loader records them
    (:class:`exokg.validate_records.UsedTerms`), read by SPARQL: what ``--used`` gives
    every variant, as a build's validation gets the loader's file."""
    from exokg.validate_records import UsedTerms
    from exokg.validate_store import data_graphs

    graphs = data_graphs(store)

    def column(query: str) -> frozenset[str]:
        rows = store.query(query, default_graph=graphs) if graphs else store.query(query)
        return frozenset(str(row[0]) for row in rows)

    return UsedTerms(column("SELECT DISTINCT ?p WHERE { ?s ?p ?o }"),
                     column("SELECT DISTINCT ?c WHERE { ?s a ?c }"))


def variant(name: str, used: Any = None) -> Any:
    """The validator called ``name``: a function from a store to a report. ``current`` is
    this checkout's; ``git:REV`` is ``exokg/validate_store.py`` and ``exokg/validate.py``
    of git revision REV, run with REV's ``ontology/shapes.ttl`` (modules loaded from
    ``git show``; the rest of exokg is this checkout's)."""
    if name == "current":
        from exokg.validate_store import validate_store
        return lambda store: validate_store(store, used=used)
    if name.startswith("terms:"):  # with the prechecks, given the loader's terms file
        from exokg.validate_records import UsedTerms
        from exokg.validate_store import validate_store

        used = UsedTerms.read(Path(name[6:]))
        if used is None:
            raise SystemExit(f"{name[6:]}: not a terms file written by the store loader")
        return lambda store: validate_store(store, used=used)
    if not name.startswith("git:"):
        raise SystemExit(f"unknown variant {name!r} (current, terms:FILE, git:REV, "
                         "queries)")
    import subprocess
    import types

    from rdflib import Graph

    rev = name[4:]
    root = Path(__file__).resolve().parent.parent

    def show(path: str) -> str:
        return subprocess.run(["git", "-C", str(root), "show", f"{rev}:{path}"], check=True,
                              capture_output=True, text=True).stdout

    modules = {}
    for module, path in (("validate", "exokg/validate.py"),
                         ("validate_store", "exokg/validate_store.py")):
        text = show(path).replace("from exokg.validate import",
                                  f"from _old_{rev.replace('~', '_')}_validate import")
        mod = types.ModuleType(f"_old_{rev.replace('~', '_')}_{module}")
        sys.modules[mod.__name__] = mod
        exec(compile(text, f"{rev}:{path}", "exec"), mod.__dict__)
        modules[module] = mod
    shapes = Graph().parse(data=show("ontology/shapes.ttl"), format="turtle")
    return lambda store: modules["validate_store"].validate_store(store, shapes, used=used)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--open", choices=("read-only", "copy"), default="read-only")
    parser.add_argument("--work", type=Path)
    parser.add_argument("--optimize", action="store_true",
                        help="with --open copy: compact the copy (Store.optimize) first")
    parser.add_argument("--variants", default="queries",
                        help="comma-separated: queries, current, ...")
    parser.add_argument("--used", action="store_true",
                        help="give current and git:REV the store's predicates and classes "
                             "(as a build gives the loader's terms file)")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--top", type=int, default=15,
                        help="print the N slowest queries at the end")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)

    database = database_of(args.store)
    load_before = os.getloadavg()
    store, wall, cpu = timed(lambda: open_store(database, args.open, args.work))
    print(f"{args.open} open of {database}: {wall:.2f} s (CPU {cpu:.2f} s); "
          f"load average {load_before[0]:.2f}", flush=True)
    if args.optimize:
        if args.open != "copy":
            raise SystemExit("--optimize needs --open copy (a read-only store is not changed)")
        _, wall, cpu = timed(store.optimize)
        print(f"optimize (compaction) of the copy: {wall:.2f} s (CPU {cpu:.2f} s)", flush=True)
    out: dict[str, Any] = {"database": str(database), "open": args.open,
                           "load_before": load_before[0], "variants": {}}
    reports = {}
    used = used_of(store) if args.used else None
    for name in args.variants.split(","):
        runs = []
        for i in range(args.repeat):
            print(f"{name} (run {i + 1}):", flush=True)
            if name == "forms":
                rows = forms(store)
                runs.append({"shapes": rows})
                print(f"  {name}: " + ", ".join(
                    f"{key} {sum(r[key] for r in rows):.2f} s" for key in (
                        "values_one_by_one_s", "values_per_path_s",
                        "max_count_one_by_one_s", "max_count_grouped_s", "focus_path_s",
                        "focus_type_only_s")), flush=True)
                continue
            if name == "queries":
                rows = per_query(store)
                runs.append({"wall_s": round(sum(r["wall_s"] for r in rows), 2),
                             "cpu_s": round(sum(r["cpu_s"] for r in rows), 2),
                             "queries": rows})
                if args.top:
                    print(f"  the {args.top} slowest (CPU):")
                    for r in sorted(rows, key=lambda r: -r["cpu_s"])[:args.top]:
                        print(f"    {r['cpu_s']:8.2f} s CPU {r['rows']:8d} rows  {r['check']}")
            else:
                report, wall, cpu = timed(lambda: variant(name, used)(store))
                reports[name] = report
                runs.append({"wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
                             "results": len(report.results), "triples": report.triples})
            print(f"  {name}: {runs[-1]['wall_s']} s wall, {runs[-1]['cpu_s']} s CPU",
                  flush=True)
        out["variants"][name] = runs
    if len(reports) > 1:
        def key(report: Any) -> tuple[Any, ...]:  # classes differ between git revisions
            return (report.conforms, report.triples,
                    tuple(dataclasses.astuple(r) for r in report.results))
        first = key(next(iter(reports.values())))
        same = all(key(r) == first for r in reports.values())
        out["reports_equal"] = same
        print(f"reports of {', '.join(reports)}: {'equal' if same else 'DIFFERENT'}")
    out["load_after"] = os.getloadavg()[0]
    print(f"load average after: {out['load_after']:.2f}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n")
    return 0 if out.get("reports_equal", True) else 1


if __name__ == "__main__":
    sys.exit(main())
