"""The load phase of a build alone: the claim records of a corpus -> the Oxigraph store.

Usage::

    python benchmarks/loadphase.py prepare CORPUS --work DIR [--workers 2]
    python benchmarks/loadphase.py parts DIR [--profile]
    python benchmarks/loadphase.py load DIR --name NAME [--repeat 2]
    python benchmarks/loadphase.py compare DIR NAME1 NAME2

``prepare`` extracts and assembles ``CORPUS`` once into a claim table kept in ``DIR``
(``claims/claims.sqlite`` and ``registry.pickle``: the entity registry and sentence
count), so the load can be timed again and again without re-extracting.

``parts`` times, each in a fresh child process on the same records, what the load is made
of: reading the records from the claim table (``read``), the graph builder making its
triples as rdflib terms (``rdflib``, what the loader did before "Store load and validation,
round 2") and as N-Triples text (``text``, what it does now), each into a sink that only
counts them, with ``--old`` also everything of the old load but Oxigraph's
``bulk_extend`` (``convert``: rdflib terms converted to pyoxigraph terms and quads, the
partition and N-Triples lines written), and the whole :func:`exokg.graph.load.load_build` (into a fresh
store, with the partition and N-Triples files the build writes); CPU seconds (user +
system of the process, Oxigraph's threads included) and peak RSS of each. ``--profile``
prints the top functions of the whole load (cProfile).

``load`` runs the whole load (as ``parts`` does) ``--repeat`` times, each in a child
process, with whatever ``exokg`` is importable (run it from a ``git archive`` of an older
revision with ``PYTHONPATH=...`` and ``--name old`` for a before/after pair), and leaves the
store, the partition file and the N-Triples file of the last run in ``DIR/NAME``.

``compare`` checks two ``load`` results: the stores' N-Quads dumps (sorted), the partition
files and the N-Triples files (sorted) are equal.

``exports`` writes every export of a ``load`` result as a build does (the ontology added
to its store, which is compacted, then the RDF exports from the loader's files, KGX,
GraphML, the statements CSV and the page from the store) into ``DIR/NAME/exports``, so
the exports of two loads can be compared with ``cmp``.

The machine is shared: compare CPU seconds, not wall times.
"""

from __future__ import annotations

import argparse
import os
import pickle
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

# run with the exokg of PYTHONPATH (an older revision) when one is given
HERE = Path(__file__).resolve().parent.parent
if not os.environ.get("PYTHONPATH"):
    sys.path.insert(0, str(HERE))


def _open_claims(work: Path) -> Any:
    """The build of ``prepare``, its claim table reopened (not removed on exit)."""
    import sqlite3
    import weakref

    from exokg.claimstore import ClaimStore
    from exokg.pipeline import BuildResult

    claims = ClaimStore.__new__(ClaimStore)
    claims.folder = work / "claims"
    claims.path = claims.folder / "claims.sqlite"
    claims.connection = sqlite3.connect(claims.path, check_same_thread=False,
                                        isolation_level=None)
    claims.frozen = True
    claims._raw = 0
    claims._finalizer = weakref.finalize(claims, claims.connection.close)
    with open(work / "registry.pickle", "rb") as handle:
        registry, sentences = pickle.load(handle)
    return BuildResult(claims.documents(), sentences, claims.statements(), registry,
                       contradictions=claims.contradictions(),
                       disagreements=claims.disagreements(), claims=claims)


def prepare(corpus: Path, work: Path, workers: int) -> None:
    from exokg.claimstore import ClaimStore
    from exokg.pipeline import extract_into, stream_documents
    from exokg.recognise import Recogniser

    shutil.rmtree(work, ignore_errors=True)
    (work / "claims").mkdir(parents=True)
    began = time.perf_counter()
    claims = ClaimStore(work / "claims", own=False)
    registry, sentences = extract_into(claims, stream_documents([corpus]),
                                       Recogniser.default(), workers=workers)
    claims.assemble()
    claims.connection.close()
    with open(work / "registry.pickle", "wb") as handle:
        pickle.dump((registry, sentences), handle, protocol=pickle.HIGHEST_PROTOCOL)
    print(f"prepared {work} in {time.perf_counter() - began:.1f} s")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _part(work: Path, part: str, target: Path | None, profile: bool) -> dict[str, Any]:
    """One part in this (child) process; returns its figures."""
    from exokg.graph.rdf import GraphBuilder, emit_build

    result = _open_claims(work)
    cpu0, wall0 = _cpu(), time.perf_counter()
    count = 0
    if part == "read":
        for seq in (result.documents, result.statements, result.contradictions,
                    result.disagreements):
            for _ in seq:
                count += 1
    elif part in ("rdflib", "text"):
        class Sink:
            def add(self, triple: Any, where: Any) -> None:
                nonlocal count
                count += 1

        if part == "rdflib":
            builder = GraphBuilder(Sink())
        else:
            from exokg.graph.terms import NTriplesTerms

            builder = GraphBuilder(Sink(), NTriplesTerms())  # type: ignore[call-arg]
        for _ in emit_build(builder, result.documents, result.statements, result.entities,
                            result.contradictions, result.disagreements, result.mentions):
            pass
    elif part == "convert":  # before round 2: everything of the load but bulk_extend
        from exokg.graph.load import _StoreSink  # type: ignore[attr-defined]

        assert target is not None
        target.mkdir(parents=True, exist_ok=True)
        with open(target / "partition.nq", "wb", buffering=1 << 20) as handle, \
                open(target / "lines.nt", "wb", buffering=1 << 20) as lines:
            sink = _StoreSink(handle, lines)
            builder = GraphBuilder(sink)
            for _ in emit_build(builder, result.documents, result.statements,
                                result.entities, result.contradictions,
                                result.disagreements, result.mentions):
                sink.buffer = []
        count = sink.added
    elif part == "load":
        import pyoxigraph

        from exokg.graph.load import load_build, triples_file

        assert target is not None
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        store = pyoxigraph.Store(str(target / "oxigraph"))
        partition = target / "partition.nq"
        run = lambda: load_build(result, store, open(partition, "wb", buffering=1 << 20),  # noqa: E731
                                 None, triples=open(triples_file(partition), "wb",
                                                    buffering=1 << 20))
        if profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            count = profiler.runcall(run)
            pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        else:
            count = run()
        store.flush()
        del store
    cpu, wall = _cpu() - cpu0, time.perf_counter() - wall0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"part": part, "count": count, "cpu": cpu, "wall": wall, "peak_mb": peak}


def _child(args: list[str]) -> dict[str, Any]:
    env = dict(os.environ)
    out = subprocess.run([sys.executable, __file__, "child", *args], env=env, check=True,
                         capture_output=True, text=True)
    sys.stderr.write(out.stderr)
    lines = out.stdout.splitlines()
    for line in lines[:-1]:
        print(line)
    return dict(eval(lines[-1]))  # noqa: S307 - our own child's repr


def _show(figures: dict[str, Any]) -> None:
    print(f"{figures['part']:8s} {figures['count']:>10,} items  CPU {figures['cpu']:7.2f} s  "
          f"wall {figures['wall']:7.2f} s  peak {figures['peak_mb']:6.0f} MB  "
          f"({figures['count'] / max(figures['cpu'], 1e-9):,.0f}/CPU-s)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["prepare", "parts", "load", "compare", "exports", "child"])
    parser.add_argument("args", nargs="*")
    parser.add_argument("--work", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--name", default="current")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--old", action="store_true",
                        help="parts of an exokg without the text terms (no 'text' part)")
    opts = parser.parse_args()
    print(f"uptime: {os.getloadavg()}", flush=True) if opts.command != "child" else None
    if opts.command == "prepare":
        prepare(Path(opts.args[0]), opts.work, opts.workers)
    elif opts.command == "child":
        work, part, target, profile = opts.args
        print(repr(_part(Path(work), part, Path(target) if target != "-" else None,
                         profile == "1")))
    elif opts.command == "parts":
        work = Path(opts.args[0])
        parts = ("read", "rdflib", "convert", "load") if opts.old else \
            ("read", "rdflib", "text", "load")
        for part in parts:
            _show(_child([str(work), part, str(work / "parts-load"),
                          "1" if opts.profile and part == "load" else "0"]))
    elif opts.command == "load":
        work = Path(opts.args[0])
        for _ in range(opts.repeat):
            figures = _child([str(work), "load", str(work / opts.name), "0"])
            figures["part"] = opts.name
            _show(figures)
    elif opts.command == "exports":
        exports(Path(opts.args[0]) / opts.name, _open_claims(Path(opts.args[0])))
    elif opts.command == "compare":
        compare(Path(opts.args[0]), opts.args[1], opts.args[2])
    print(f"uptime: {os.getloadavg()}") if opts.command != "child" else None


def exports(folder: Path, result: Any) -> None:
    import pyoxigraph

    from exokg.export.streamed import write_rdf_exports
    from exokg.export.tables import write_non_rdf
    from exokg.query.stores import ontology_graph_name, ontology_text
    from exokg.viz import store_page

    store = pyoxigraph.Store(str(folder / "oxigraph"))
    ontology = ontology_text()
    if ontology is not None and not any(True for _ in store.named_graphs()):
        store.bulk_load(ontology, format=pyoxigraph.RdfFormat.TURTLE,
                        to_graph=pyoxigraph.NamedNode(ontology_graph_name(ontology)))
    store.optimize()
    out = folder / "exports"
    shutil.rmtree(out, ignore_errors=True)
    (folder / "scratch").mkdir(exist_ok=True)
    cpu0 = _cpu()
    write_rdf_exports(store, folder / "partition.nq", out, folder / "scratch")
    write_non_rdf(store, out)
    (out / "exokg.html").write_text(store_page.page_html(store, len(result.statements)),
                                    encoding="utf-8")
    print(f"exports of {folder}: CPU {_cpu() - cpu0:.1f} s")


def _sorted_dump(folder: Path) -> Path:
    import pyoxigraph

    out = folder / "dump.sorted.nq"
    if not out.exists():
        store = pyoxigraph.Store.read_only(str(folder / "oxigraph"))
        store.dump(str(folder / "dump.nq"), pyoxigraph.RdfFormat.N_QUADS)
        del store
        subprocess.run(["sort", "-o", str(out), str(folder / "dump.nq")], check=True,
                       env={**os.environ, "LC_ALL": "C"})
    return out


def _sorted(path: Path) -> Path:
    out = path.with_name(path.name + ".sorted")
    if not out.exists():
        subprocess.run(["sort", "-o", str(out), str(path)], check=True,
                       env={**os.environ, "LC_ALL": "C"})
    return out


def compare(work: Path, a: str, b: str) -> None:
    same = True
    pairs = [(_sorted_dump(work / a), _sorted_dump(work / b))]
    for name in ("partition.nq", "partition.nq.triples.nt"):
        pairs.append((_sorted(work / a / name), _sorted(work / b / name)))
    for x, y in pairs:
        equal = subprocess.run(["cmp", "-s", str(x), str(y)]).returncode == 0
        same &= equal
        print(f"{'same' if equal else 'DIFFERENT'}: {x} {y} ({x.stat().st_size:,} bytes)")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
