"""The store-first build end to end: wall time per phase, peak memory, and the RDF exports
against a raw Oxigraph dump of the same store.

Usage::

    python benchmarks/storefirst.py [--docs 1000,5000] [--workers 2] [--keep DIR]

For each size it writes a PubMed XML file of that many abstracts (the PubMed-style
abstracts of the development set, ``tests/devset/documents``, repeated under new PMIDs:
the graph grows in documents, evidence and statements, not in distinct entities; the
synthetic corpus of ``benchmarks/scale.py`` is the realistic one), runs ``exokg -v build``
on it under ``/usr/bin/time -v`` and prints:

* wall time and peak RSS (the largest process: the build or one of its workers);
* each phase the build reported (``built in ... (phase s, ...)``) and the per-file lines
  of the RDF exports (``wrote exokg.nt: N triples in S s``);
* the time of ``Store.dump`` of the built store's default graph as N-Triples (the raw
  dump the RDF exports are measured against) and the ratio of all RDF exports to it.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph

from exokg.pipeline import load_documents

DEVSET = Path(__file__).resolve().parents[1] / "tests" / "devset" / "documents"


def write_corpus(n: int, path: Path) -> None:
    """A PubMed XML file of ``n`` abstracts of the development set under new PMIDs."""
    base = [d for d in load_documents([DEVSET]) if d.kind == "abstract" and d.title]
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" ?>\n<PubmedArticleSet>\n')
        for i in range(n):
            doc = base[i % len(base)]
            body = doc.text[len(doc.title):].strip() if doc.text.startswith(doc.title) \
                else doc.text
            pmid = 90_000_000 + i
            out.write(
                f"<PubmedArticle><MedlineCitation><PMID>{pmid}</PMID><Article><Journal>"
                f"<JournalIssue><PubDate><Year>{2015 + i % 10}</Year></PubDate></JournalIssue>"
                f"<Title>Synthetic Journal</Title></Journal>"
                f"<ArticleTitle>{html.escape(doc.title)}</ArticleTitle><Abstract>"
                f"<AbstractText>{html.escape(body)}</AbstractText></Abstract></Article>"
                f"</MedlineCitation><PubmedData><ArticleIdList><ArticleId IdType=\"pubmed\">"
                f"{pmid}</ArticleId></ArticleIdList></PubmedData></PubmedArticle>\n")
        out.write("</PubmedArticleSet>\n")


def run(n: int, workers: int, folder: Path) -> None:
    corpus = folder / f"corpus-{n}.xml"
    write_corpus(n, corpus)
    out = folder / f"out-{n}"
    command = ["/usr/bin/time", "-v", sys.executable, "-m", "exokg", "-v", "build",
               str(corpus), "--out", str(out), "--workers", str(workers)]
    started = time.perf_counter()
    proc = subprocess.run(command, cwd=folder, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        print(proc.stderr[-3000:])
        raise SystemExit(f"build of {n} failed")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr).group(1))
    built = re.search(r"built in (.*)", proc.stdout)
    triples = re.search(r"^triples: (\d+)", proc.stdout, re.M)
    exports = re.findall(r"wrote (exokg\.\w+): ([\d,]+) (?:triples|quads) in ([\d.]+) s",
                         proc.stderr)
    loaded = re.search(r"loaded the store: ([\d,]+) triples in ([\d.]+) s", proc.stderr)
    print(f"\n== {n} abstracts, --workers {workers}: wall {wall:.1f} s, peak RSS "
          f"{rss / 1024:.0f} MB, {triples.group(1) if triples else '?'} triples")
    print(f"   phases: {built.group(1) if built else '?'}")
    if loaded:
        print(f"   load: {loaded.group(1)} triples in {loaded.group(2)} s")
    export_seconds = sum(float(s) for _, _, s in exports)
    for name, count, seconds in exports:
        print(f"   {name}: {count} in {seconds} s")
    store = pyoxigraph.Store.read_only(str(folder / ".exokg" / "store" / "current" /
                                           "oxigraph"))
    dumps = []
    for _ in range(3):
        began = time.perf_counter()
        store.dump(str(folder / "raw.nt"), pyoxigraph.RdfFormat.N_TRIPLES,
                   from_graph=pyoxigraph.DefaultGraph())
        dumps.append(time.perf_counter() - began)
    os.unlink(folder / "raw.nt")
    dump = min(dumps)
    print(f"   raw Store.dump (N-Triples, default graph): {dump:.2f} s; all RDF exports "
          f"{export_seconds:.2f} s = {export_seconds / dump:.1f}x the dump")
    print(f"   per abstract: {wall / n * 1000:.1f} ms wall")


CORE = """
import resource, sys, time
from pathlib import Path
from exokg.export.writer import _write
from exokg.graph.store import StoreWriter
from exokg.pipeline import build
from exokg.progress import Reporter
reporter = Reporter(verbosity=1)
began = time.perf_counter()
result = build([sys.argv[1]], workers=int(sys.argv[3]), workdir=Path(sys.argv[2]),
               progress=reporter.counter("reading and extracting documents"),
               reporter=reporter)
built = time.perf_counter()
rss_build = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
with StoreWriter(Path(sys.argv[2]) / "store") as writer:
    _write(result, {}, Path(sys.argv[2]) / "out", writer, None, False, reporter)
done = time.perf_counter()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"core: extract+assemble {built - began:.1f} s (peak RSS {rss_build / 1024:.0f} MB), "
      f"load+RDF exports {done - built:.1f} s (peak RSS {rss / 1024:.0f} MB), "
      f"{result.triples} triples")
"""


def run_core(n: int, workers: int, folder: Path) -> None:
    """Only the store-first part (extraction, assembly, loading, RDF exports: no SHACL,
    KGX, GraphML, CSV or HTML page, which still read an rdflib graph) in one process."""
    corpus = folder / f"corpus-{n}.xml"
    if not corpus.exists():
        write_corpus(n, corpus)
    work = folder / "core"
    work.mkdir(exist_ok=True)
    proc = subprocess.run([sys.executable, "-c", CORE, str(corpus), str(work), str(workers)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(proc.stderr[-3000:])
    print(f"== {n} abstracts, store-first part only, --workers {workers}")
    print("   " + proc.stdout.strip())
    for line in proc.stderr.splitlines():
        if "assembling claims (" in line or "loaded the store" in line or "wrote exokg" in line:
            print("   " + line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", default="1000,5000")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--core", action="store_true",
                        help="measure only the store-first part, in one process")
    parser.add_argument("--keep", type=Path, default=None,
                        help="work in this folder and keep it (default: a temporary one)")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, pyoxigraph {pyoxigraph.__version__}, "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    for n in (int(x) for x in args.docs.split(",")):
        if args.keep is not None:
            folder = args.keep / f"n{n}"
            folder.mkdir(parents=True, exist_ok=True)
            (run_core if args.core else run)(n, args.workers, folder)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                (run_core if args.core else run)(n, args.workers, Path(tmp))


if __name__ == "__main__":
    main()
