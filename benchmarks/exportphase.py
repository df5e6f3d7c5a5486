"""The export phase of a build alone, on a store that a build has already written: time and
peak RSS of each export, and the RDF exports against a raw ``Store.dump``.

Usage::

    python benchmarks/exportphase.py STORE [--work DIR] [--steps dump,rdf,kgx,graphml,csv,page]
                                     [--check] [--json FILE]

``STORE`` is a store folder written by ``exokg build`` (``.exokg/store``, or ``--store``);
its current generation is opened read-only and never changed. Each step runs in a child
process of its own (``python benchmarks/exportphase.py --step NAME ...``), so its peak RSS
(``ru_maxrss`` of that child, from ``os.wait4``) is the memory of that export alone:

* ``dump``: ``Store.dump`` of the default graph as N-Triples (the raw dump the RDF exports
  are measured against);
* ``rdf``: :func:`exokg.export.streamed.write_rdf_exports` (N-Triples, Turtle, JSON-LD,
  N-Quads, TriG), with the time of each file as it is told done (since round 6 the files
  written from one pass are told together: N-Triples carries the time of Turtle and
  JSON-LD, N-Quads that of TriG, and those show 0);
* ``kgx``, ``graphml``, ``csv``: the exports of :mod:`exokg.export.tables`, each alone;
* ``tables`` (only when named in ``--steps``): KGX and the statements CSV from one pass
  over the statements (:func:`exokg.export.tables.write_tables`), as a build writes them;
* ``page``: the HTML page of a large build (:mod:`exokg.viz.store_page`);
* ``dumps`` (only when named in ``--steps``): ``Store.dump`` in each RDF format (the
  default graph as N-Triples, Turtle and JSON-LD, every graph as N-Quads and TriG), with
  the time of each: what each of exokg's RDF exports costs against Oxigraph's own writer
  of the same format.

The N-Quads and TriG exports read the loader's partition file, which a build deletes: it
is made again once (cached in ``--work``) from the generation's ``exokg.nq`` without the
ontology graph, in a random order (seeded): the order a build's loader writes is closer to
sorted, so this is the harder case for the sort. The N-Triples export reads the loader's
N-Triples lines beside it (:func:`exokg.graph.load.triples_file`), made from the partition
file's lines in the same order; ``--dump-only`` removes that file, so the N-Triples export
dumps the store as it did before the loader wrote it (and as code before it always does).

``--check`` compares every file written with the one in the generation's ``exports/``
folder (byte for byte). The ratio printed is the time of ``rdf`` over the time of ``dump``,
both measured in this run; beside it the same ratio of CPU time (user + system of the child
and the processes it waited for, e.g. ``sort``), which a busy shared machine disturbs less.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import random
import shutil
import subprocess
import sys
import time
import zlib
from pathlib import Path
from typing import Any

STEPS = ("dump", "rdf", "kgx", "graphml", "csv", "page")
#: steps run only when asked for (``--steps``)
EXTRA_STEPS = ("tables", "dumps")
#: ``dumps``: Oxigraph's own writer per format (file name, format name, whole dataset)
_DUMPS = (("raw.nt", "N_TRIPLES", False), ("raw.ttl", "TURTLE", False),
          ("raw.jsonld", "JSON_LD", False), ("raw.nq", "N_QUADS", True),
          ("raw.trig", "TRIG", True))
_BUCKETS = 64


def generation_of(store: Path) -> Path:
    """The published generation folder of a store folder (``current`` resolved)."""
    current = store / "current"
    if not current.exists():
        raise SystemExit(f"{store}: not a store folder written by exokg build (no current)")
    return current.resolve()


def make_partition(nq: Path, target: Path, seed: int = 0) -> int:
    """A partition file (``graph IRI``, a tab, the N-Quads line) of the quads of ``nq``
    outside the ontology graph, in a random order: lines are spread over buckets by a hash,
    each bucket shuffled in memory. Returns the number of lines."""
    from exokg.export.quads import ONTOLOGY_GRAPH

    ontology = f" <{ONTOLOGY_GRAPH}> .\n".encode()
    scratch = target.parent / (target.name + ".buckets")
    scratch.mkdir(parents=True, exist_ok=True)
    handles = [open(scratch / f"b{i}", "wb", buffering=1 << 20) for i in range(_BUCKETS)]
    count = 0
    with open(nq, "rb", buffering=1 << 20) as source:
        for line in source:
            if line.endswith(ontology):
                continue
            graph = line[:-3].rpartition(b" <")[2][:-1]
            handles[zlib.crc32(line) % _BUCKETS].write(graph + b"\t" + line)
            count += 1
    for handle in handles:
        handle.close()
    rng = random.Random(seed)
    with open(target, "wb", buffering=1 << 20) as out:
        for i in range(_BUCKETS):
            path = scratch / f"b{i}"
            lines = path.read_bytes().splitlines(keepends=True)
            rng.shuffle(lines)
            out.writelines(lines)
            path.unlink()
    scratch.rmdir()
    return count


def make_triples(partition: Path) -> int:
    """The loader's N-Triples lines beside the partition file
    (:func:`exokg.graph.load.triples_file`), made from its lines in the same (random)
    order, one per quad (a triple in several graphs comes several times, as the loader
    writes it). Returns the number of lines."""
    from exokg.graph.load import triples_file

    count = 0
    with open(partition, "rb", buffering=1 << 20) as source, \
            open(triples_file(partition), "wb", buffering=1 << 20) as out:
        for line in source:
            quad = line.partition(b"\t")[2]
            out.write(quad[:-3].rpartition(b" <")[0] + b" .\n")
            count += 1
    return count


def run_step(step: str, oxigraph: Path, partition: Path, out: Path) -> dict[str, Any]:
    """Run one step in this process; returns its figures (seconds, per file for ``rdf``)."""
    import pyoxigraph

    store = pyoxigraph.Store.read_only(str(oxigraph))
    scratch = out / ".scratch"
    scratch.mkdir(parents=True, exist_ok=True)
    figures: dict[str, Any] = {}
    began = time.perf_counter()
    if step == "dump":
        target = scratch / "raw.nt"
        store.dump(str(target), pyoxigraph.RdfFormat.N_TRIPLES,
                   from_graph=pyoxigraph.DefaultGraph())
        figures["bytes"] = target.stat().st_size
        target.unlink()
    elif step == "dumps":  # each format as Oxigraph writes it (unsorted, no prefixes)
        files, cpu, sizes = {}, {}, {}
        for name, form, dataset in _DUMPS:
            target = scratch / name
            began_file, used = time.perf_counter(), _cpu()
            if dataset:
                store.dump(str(target), getattr(pyoxigraph.RdfFormat, form))
            else:
                store.dump(str(target), getattr(pyoxigraph.RdfFormat, form),
                           from_graph=pyoxigraph.DefaultGraph())
            files[name] = round(time.perf_counter() - began_file, 2)
            cpu[name] = round(_cpu() - used, 2)
            sizes[name] = target.stat().st_size
            target.unlink()
        figures.update(files=files, files_cpu=cpu, bytes=sizes)
    elif step == "rdf":
        from exokg.export.streamed import write_rdf_exports

        mark = [time.perf_counter(), _cpu()]
        files: dict[str, float] = {}
        cpu: dict[str, float] = {}

        def tally(name: str, count: int) -> None:
            now, used = time.perf_counter(), _cpu()
            files[name] = round(now - mark[0], 2)
            cpu[name] = round(used - mark[1], 2)
            mark[0], mark[1] = now, used

        figures["triples"] = write_rdf_exports(store, partition, out, scratch, tally)
        figures["files"] = files
        figures["files_cpu"] = cpu
    elif step == "kgx":
        from exokg.export.tables import write_kgx

        write_kgx(store, out / "kgx")
    elif step == "tables":  # KGX and the CSV from one pass, as a build writes them
        from exokg.export.tables import write_tables

        write_tables(store, out / "kgx", out / "statements.csv")
    elif step == "graphml":
        from exokg.export.tables import write_graphml

        write_graphml(store, out / "exokg.graphml")
    elif step == "csv":
        from exokg.export.tables import write_statements_csv

        write_statements_csv(store, out / "statements.csv")
    elif step == "page":
        from exokg.viz import store_page

        statements = next(iter(store.query(
            "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/exokg/vocab/Statement> }",
            use_default_graph_as_union=True)))["n"]
        if hasattr(store_page, "page_html"):
            page = store_page.page_html(store, int(statements.value))
        else:  # main before page_html: through an rdflib Graph
            from exokg.viz import render_page

            limit = store_page.PAGE_STATEMENTS
            page = render_page(store_page.page_graph(store, limit),
                               title=store_page.page_title(int(statements.value), limit))
        (out / "exokg.html").write_bytes(page.encode("utf-8"))
    else:
        raise SystemExit(f"unknown step {step}")
    figures["seconds"] = round(time.perf_counter() - began, 2)
    shutil.rmtree(scratch, ignore_errors=True)
    return figures


def _cpu() -> float:
    """CPU seconds of this process and of the children it has waited for (``sort``)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _written(step: str) -> list[str]:
    return {"rdf": ["exokg.nt", "exokg.ttl", "exokg.jsonld", "exokg.nq", "exokg.trig"],
            "kgx": ["kgx/nodes.tsv", "kgx/edges.tsv"], "graphml": ["exokg.graphml"],
            "csv": ["statements.csv"], "page": ["exokg.html"],
            "tables": ["kgx/nodes.tsv", "kgx/edges.tsv", "statements.csv"]}.get(step, [])


def child(step: str, oxigraph: Path, partition: Path, out: Path) -> dict[str, Any]:
    """Run ``step`` in a child process; its figures plus wall time and peak RSS (MB)."""
    command = [sys.executable, __file__, "--step", step, "--oxigraph", str(oxigraph),
               "--partition", str(partition), "--work", str(out)]
    began = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE)
    assert proc.stdout is not None
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - began
    if proc.returncode != 0:
        raise SystemExit(f"step {step} failed (exit {proc.returncode})")
    figures = json.loads(output.decode().strip().splitlines()[-1])
    figures.update(wall=round(wall, 2), cpu=round(usage.ru_utime + usage.ru_stime, 2),
                   peak_rss_mb=round(usage.ru_maxrss / 1024))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("store", type=Path, nargs="?")
    parser.add_argument("--work", type=Path, default=Path("/tmp/exokg-exportphase"),
                        help="folder for the files written (and the cached partition file)")
    parser.add_argument("--steps", default=",".join(STEPS))
    parser.add_argument("--check", action="store_true",
                        help="compare every file written with the generation's exports")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--dump-only", action="store_true",
                        help="no loader's N-Triples file: the N-Triples export dumps the store")
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--oxigraph", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--partition", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        print(json.dumps(run_step(args.step, args.oxigraph, args.partition, args.work)))
        return
    if args.store is None:
        parser.error("give the store folder")
    generation = generation_of(args.store)
    args.work.mkdir(parents=True, exist_ok=True)
    partition = args.work / f"partition-{generation.parent.parent.name}.nq"
    steps = [s for s in args.steps.split(",") if s]
    load = os.getloadavg()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average "
          f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; generation {generation}")
    if "rdf" in steps and not partition.exists():
        began = time.perf_counter()
        lines = make_partition(generation / "exports" / "exokg.nq", partition)
        print(f"partition file: {lines:,} lines in {time.perf_counter() - began:.1f} s "
              "(not timed below)")
    if "rdf" in steps and not args.dump_only:
        from exokg.graph.load import triples_file

        if not triples_file(partition).exists():
            began = time.perf_counter()
            lines = make_triples(partition)
            print(f"loader's N-Triples lines: {lines:,} in {time.perf_counter() - began:.1f} s "
                  "(not timed below)")
    elif "rdf" in steps:  # N-Triples from a dump of the store, as before this file existed
        from exokg.graph.load import triples_file

        triples_file(partition).unlink(missing_ok=True)
    out = args.work / "out"
    results: dict[str, Any] = {"load_before": load, "generation": str(generation)}
    for step in steps:
        figures = child(step, generation / "oxigraph", partition, out)
        results[step] = figures
        line = (f"{step:8} {figures['seconds']:9.2f} s  (wall {figures['wall']:.2f} s, CPU "
                f"{figures['cpu']:.2f} s)  peak RSS {figures['peak_rss_mb']:6,} MB")
        if step in ("rdf", "dumps"):
            line += "  " + ", ".join(f"{k} {v:.2f} s (CPU {figures['files_cpu'][k]:.2f} s)"
                                     for k, v in figures["files"].items())
        if args.check:
            same = [filecmp.cmp(out / name, generation / "exports" / name, shallow=False)
                    for name in _written(step)]
            line += "" if not same else ("  identical" if all(same) else "  DIFFERENT")
            figures["identical"] = all(same)
        print(line, flush=True)
    if "rdf" in results and "dump" in results:
        ratio = results["rdf"]["seconds"] / results["dump"]["seconds"]
        cpu = results["rdf"]["cpu"] / results["dump"]["cpu"]
        results["rdf_over_dump"] = round(ratio, 2)
        results["rdf_over_dump_cpu"] = round(cpu, 2)
        print(f"all RDF exports / raw dump: {ratio:.2f}x (CPU time: {cpu:.2f}x)")
    if "rdf" in results and "dumps" in results:  # each export against its format's dump
        mine, raw = results["rdf"]["files_cpu"], results["dumps"]["files_cpu"]
        pairs = {name: raw["raw" + name[len("exokg"):]] for name in mine}
        results["rdf_over_dumps_cpu"] = {name: round(mine[name] / max(pairs[name], 0.01), 2)
                                         for name in mine}
        print("each export / Oxigraph's dump of its format, CPU: " + ", ".join(
            f"{name} {mine[name]:.2f} / {pairs[name]:.2f} s" for name in mine))
    rss = [v["peak_rss_mb"] for v in results.values()
           if isinstance(v, dict) and "peak_rss_mb" in v]
    if rss:
        print(f"largest peak RSS of a step: {max(rss):,} MB")
    results["load_after"] = os.getloadavg()
    print(f"load average after: {results['load_after'][0]:.2f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
