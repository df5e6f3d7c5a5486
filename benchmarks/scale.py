"""Scale: a synthetic PubMed corpus of N abstracts through ``exokg build``, then the store.

Usage::

    python benchmarks/scale.py --sizes 1000,10000 [--seed 7] [--workers N] [--keep DIR]
    python benchmarks/scale.py --generate-only --sizes 100000 --keep DIR
    python benchmarks/scale.py --measure-only DIR/n1000/build   # queries on a kept build
    python benchmarks/scale.py --measure-only DIR --queries-only --memory never

**The corpus.** Sentences come from the real abstracts of the development set
(``tests/devset/documents``) and the bundled founding corpus, segmented by exokg's own
segmenter. In each sentence the entities exokg recognises (miRNAs, cells, vesicles,
diseases, outcomes, genes, ...) become slots; an abstract is a title and 5-11 sentences
drawn at random, each slot refilled with a surface form of the same class. The surface
forms of a class are the ones seen in the source sentences and the vocabulary's labels and
synonyms, drawn with Zipf weights (a few are studied far more often, as in a real field);
miRNA slots take a new name ``miR-N`` (N Zipf-distributed over 1-2000, with -3p/-5p arms)
so that new entities and statements keep appearing as the corpus grows, not copies.
Everything is drawn from ``random.Random(seed)``: the same seed and size give the same XML.
Files hold 1,000 ``PubmedArticle`` records each, PMIDs from 40,000,001.

**The build.** ``exokg build --out OUT --store STORE [--workers N] CORPUS`` runs in a
subprocess; the wall time, the peak RSS of the build and its worker processes
(``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss``, the largest single process), and each
line it writes with the time it arrived are recorded. Phase times are taken from the
build's summary (``reading and extracting 23.3 s`` ...) or, failing that, from when its
progress lines for a phase first and last appeared; a phase neither gives is ``-``, so the
script keeps working when the build's messages change.

**The store.** Triples, store and export sizes; named queries bound to the most connected
miRNA, preparation, outcome, disease, gene, trial and publication of the graph through
``exokg.load()`` (median of ``--repeat`` after a warm-up; ``entity-findings`` and
``entity-summary`` whole and their first page); ``kg.to_networkx()`` and
``kg.neighbourhood()`` of the hub miRNA and outcome at depths 1 and 2; SHACL constraints as SPARQL over the
store (``exokg.validate_store``, when present) and the non-RDF exports by streaming SELECTs
(``exokg.export.tables``, when present).

The table at the end gives the ratios the issue's targets are about (RSS and time per
abstract at each size against the first). The machine is shared: the load average before
and after each build is printed; figures are wall-clock and noisy.
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "tests" / "devset" / "documents"
PER_FILE = 1000
FIRST_PMID = 40_000_001
#: slot classes whose fillers are minted miRNA names rather than drawn from a pool
MIRNA_CLASSES = {"MicroRNA", "MicroRNACluster"}
JOURNALS = ("Stroke", "J Cereb Blood Flow Metab", "Stem Cell Res Ther", "J Neuroinflammation",
            "Mol Neurobiol", "Front Neurol", "Neural Regen Res", "Transl Stroke Res",
            "Exp Neurol", "J Extracell Vesicles")
SURNAMES = ("Chen", "Wang", "Li", "Zhang", "Liu", "Xin", "Chopp", "Doeppner", "Hermann",
            "Kim", "Lee", "Park", "Smith", "Garcia", "Rossi", "Muller", "Sato", "Tanaka")


# -- the corpus ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Template:
    """A source sentence cut into literal text and entity slots: ``parts`` alternates
    text, class, text, class, ..., text."""

    parts: tuple[str, ...]

    @property
    def slots(self) -> int:
        return len(self.parts) // 2


@dataclass
class Pools:
    """Surface forms per exokg class, each with Zipf weights over a shuffled order."""

    forms: dict[str, list[str]] = field(default_factory=dict)
    cumulative: dict[str, list[float]] = field(default_factory=dict)

    def add(self, category: str, surface: str) -> None:
        self.forms.setdefault(category, [])
        if surface not in self.forms[category]:
            self.forms[category].append(surface)

    def freeze(self, rng: random.Random, s: float = 1.1) -> None:
        for category, forms in self.forms.items():
            forms.sort()
            rng.shuffle(forms)
            total, cumulative = 0.0, []
            for rank in range(1, len(forms) + 1):
                total += 1.0 / rank ** s
                cumulative.append(total)
            self.cumulative[category] = cumulative

    def draw(self, rng: random.Random, category: str) -> str:
        cumulative = self.cumulative[category]
        return self.forms[category][bisect.bisect_left(cumulative,
                                                       rng.random() * cumulative[-1])]


def source_documents() -> list[Any]:
    """The real abstracts the sentences come from: the founding corpus and the development
    set's articles (registry records left out: their fields are not prose)."""
    from exokg.pipeline import load_documents

    docs = load_documents() + load_documents([DEVSET])
    return [d for d in docs if d.kind != "trial" and not d.id.upper().startswith("NCT")]


def templates_and_pools(rng: random.Random) -> tuple[list[Template], list[Template], Pools]:
    """Sentence templates (first sentences serve as titles) and the surface pools."""
    from exokg.recognise import Recogniser, _resolve
    from exokg.text.segment import segment
    from exokg.vocabulary import load_vocabulary

    recogniser = Recogniser.default()
    pools = Pools()
    titles: list[Template] = []
    bodies: list[Template] = []
    for doc in source_documents():
        for sentence in segment(doc):
            text = sentence.text
            if not 40 <= len(text) <= 600:
                continue
            mentions = _resolve(recogniser.base_mentions(text))
            parts: list[str] = []
            at = 0
            for m in sorted(mentions, key=lambda m: m.start):
                if m.start < at:
                    continue
                parts += [text[at:m.start], m.category]
                pools.add(m.category, text[m.start:m.end])
                at = m.end
            parts.append(text[at:])
            if len(parts) == 1:  # no entity: keep a few as connective sentences
                if rng.random() > 0.3:
                    continue
            (titles if sentence.index == 0 else bodies).append(Template(tuple(parts)))
    vocabulary = load_vocabulary()
    for term in vocabulary.terms():
        if term.kind in ("label", "synonym") and term.entity.category not in MIRNA_CLASSES:
            pools.add(term.entity.category, term.text)
    pools.freeze(rng)
    return titles, bodies, pools


def _mirna(rng: random.Random) -> str:
    number = min(int(rng.paretovariate(0.6)), 2000)
    suffix = rng.choice(("", "", "", "a", "b", "-3p", "-5p"))
    return f"miR-{number}{suffix}"


def _fill(template: Template, rng: random.Random, pools: Pools) -> str:
    out = []
    for i, part in enumerate(template.parts):
        if i % 2 == 0:
            out.append(part)
        elif part in MIRNA_CLASSES or part not in pools.forms:
            out.append(_mirna(rng) if part in MIRNA_CLASSES else "")
        else:
            out.append(pools.draw(rng, part))
    return "".join(out)


def abstracts(n: int, seed: int) -> Iterator[tuple[int, str, str, int, str, list[str]]]:
    """(pmid, title, abstract, year, journal, authors) for ``n`` synthetic abstracts."""
    rng = random.Random(seed)
    titles, bodies, pools = templates_and_pools(rng)
    for i in range(n):
        title = _fill(rng.choice(titles), rng, pools).rstrip(".") + "."
        body = " ".join(_fill(rng.choice(bodies), rng, pools)
                        for _ in range(rng.randint(5, 11)))
        authors = [f"{rng.choice(SURNAMES)} {chr(65 + rng.randrange(26))}"
                   for _ in range(rng.randint(2, 7))]
        yield (FIRST_PMID + i, title, body, rng.randint(2008, 2025), rng.choice(JOURNALS),
               authors)


def _article(pmid: int, title: str, body: str, year: int, journal: str,
             authors: list[str]) -> str:
    names = "".join(f"<Author><LastName>{escape(a.split()[0])}</LastName>"
                    f"<Initials>{escape(a.split()[1])}</Initials></Author>" for a in authors)
    return (f"<PubmedArticle><MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\">"
            f"<PMID Version=\"1\">{pmid}</PMID><Article PubModel=\"Print\"><Journal>"
            f"<JournalIssue><PubDate><Year>{year}</Year></PubDate></JournalIssue>"
            f"<Title>{escape(journal)}</Title></Journal>"
            f"<ArticleTitle>{escape(title)}</ArticleTitle>"
            f"<Abstract><AbstractText>{escape(body)}</AbstractText></Abstract>"
            f"<AuthorList>{names}</AuthorList></Article></MedlineCitation>"
            f"<PubmedData><ArticleIdList><ArticleId IdType=\"pubmed\">{pmid}</ArticleId>"
            f"</ArticleIdList></PubmedData></PubmedArticle>\n")


def write_corpus(folder: Path, n: int, seed: int) -> int:
    """Write ``n`` abstracts as PubMed XML files into ``folder``; return the bytes written."""
    folder.mkdir(parents=True, exist_ok=True)
    size, handle = 0, None
    for i, record in enumerate(abstracts(n, seed)):
        if i % PER_FILE == 0:
            if handle is not None:
                handle.write("</PubmedArticleSet>\n")
                handle.close()
            handle = open(folder / f"pubmed-{i // PER_FILE:04d}.xml", "w", encoding="utf-8")
            handle.write('<?xml version="1.0" ?>\n<PubmedArticleSet>\n')
        handle.write(_article(*record))
    if handle is not None:
        handle.write("</PubmedArticleSet>\n")
        handle.close()
    for path in folder.glob("*.xml"):
        size += path.stat().st_size
    return size


# -- the build ----------------------------------------------------------------------------

#: phase -> words that name it in the build's messages (lower case), most specific first
PHASES: dict[str, tuple[str, ...]] = {
    "read+extract": ("extract", "reading"),
    "assemble": ("assembl",),
    "validate": ("validat", "shacl"),
    "export": ("render", "export", "serialis"),
    "write/store": ("writing", "loading", "store", "load"),
}
_ITEM = re.compile(r"\s*([^,]+?)\s+(\d+(?:\.\d+)?)\s*s(?=,|$)")
_TOTAL = re.compile(r"built in\s+(\d+(?:\.\d+)?)\s*s", re.IGNORECASE)


def _phase_of(text: str) -> str | None:
    text = text.lower()
    # "writing the exports ... and the store" is writing, not rendering
    for phase in sorted(PHASES, key=lambda p: p != "write/store"):
        if any(w in text for w in PHASES[phase]):
            return phase
    return None


def phase_times(lines: list[tuple[float, str]]) -> dict[str, float | None]:
    """Seconds per phase from the build's messages.

    From the summary ``built in T s (phase words N s, phase words N s, ...)`` when the
    build prints one (each item is put in the first phase of :data:`PHASES` whose words
    it contains; items of the same phase add up); otherwise from the time between the
    first line that names a phase and the first line of the next phase. ``total`` is the
    summary's T. Phases found neither way are None (printed as ``-``).
    """
    found: dict[str, float | None] = dict.fromkeys([*PHASES, "total"])
    for _, text in reversed(lines):
        total = _TOTAL.search(text)
        if not total:
            continue
        found["total"] = float(total.group(1))
        inner = text[total.end():].strip()
        if inner.startswith("(") and inner.endswith(")"):
            for item in _ITEM.finditer(inner[1:-1]):
                phase = _phase_of(item.group(1))
                if phase is not None:
                    found[phase] = (found[phase] or 0.0) + float(item.group(2))
        break
    if any(found[p] is not None for p in PHASES):
        return found
    starts: list[tuple[float, str]] = []
    for at, text in lines:
        phase = _phase_of(text)
        if phase is not None and phase not in (p for _, p in starts):
            starts.append((at, phase))
    end = lines[-1][0] if lines else 0.0
    for (at, phase), following in zip(starts, starts[1:] + [(end, "")]):
        found[phase] = following[0] - at
    return found


def run_build(corpus: Path, out: Path, store: Path, workers: int | None,
              extra: list[str]) -> dict[str, Any]:
    """Run ``exokg build`` in a subprocess; wall time, peak RSS, its timed messages."""
    command = [sys.executable, "-m", "exokg", "build", "--out", str(out), "--store",
               str(store)]
    if workers:
        command += ["--workers", str(workers)]
    command += extra + [str(corpus)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               cwd=out.parent, text=True, errors="replace")
    lines: list[tuple[float, str]] = []

    def read() -> None:
        assert process.stdout is not None
        buffer = ""
        while True:
            chunk = process.stdout.read(1)
            if not chunk:
                break
            if chunk in "\r\n":
                if buffer.strip():
                    lines.append((time.perf_counter() - started, buffer.strip()))
                buffer = ""
            else:
                buffer += chunk
        if buffer.strip():
            lines.append((time.perf_counter() - started, buffer.strip()))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    code = process.wait()
    reader.join()
    wall = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    if code != 0:
        tail = "\n".join(text for _, text in lines[-20:])
        raise SystemExit(f"scale.py: exokg build failed (exit {code}):\n{tail}")
    # ru_maxrss is the largest process ever waited for; it only grows across builds
    return {"wall_s": wall, "peak_rss_mb": usage.ru_maxrss / 1024,
            "peak_rss_grew": usage.ru_maxrss > before.ru_maxrss, "lines": lines,
            "cpu_s": (usage.ru_utime + usage.ru_stime) - (before.ru_utime + before.ru_stime)}


# -- the store ----------------------------------------------------------------------------


def folder_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def _median_ms(action: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    result = action()  # warm-up
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


_HUBS = """
SELECT ?node (COUNT(?statement) AS ?n) WHERE {
  ?node a <https://w3id.org/exokg/vocab/%s> .
  { ?statement <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?node }
  UNION { ?statement <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?node }
} GROUP BY ?node ORDER BY DESC(?n) STR(?node) LIMIT 1"""

_PAPERS = """
SELECT ?publication (COUNT(?evidence) AS ?n) WHERE {
  ?document <http://purl.org/dc/terms/source> ?publication .
  ?evidence <https://w3id.org/exokg/vocab/document> ?document .
} GROUP BY ?publication ORDER BY DESC(?n) STR(?publication) LIMIT 1"""


_PARTNER = """
SELECT ?object (COUNT(?statement) AS ?n) WHERE {
  ?statement <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <%s> ;
             <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?object . FILTER(isIRI(?object))
} GROUP BY ?object ORDER BY DESC(?n) STR(?object) LIMIT 1"""


#: the kinds of entity whose most connected member the named queries are asked about
HUB_KINDS = ("MicroRNA", "ExosomePreparation", "Outcome", "Disease", "Gene", "ClinicalTrial")


def hubs(store: Any) -> dict[str, str]:
    """The most connected entity of each kind the named queries centre on (CURIEs)."""
    from exokg.ids import compress

    found = {}
    for kind in HUB_KINDS:
        for row in store.query(_HUBS % kind):
            found[kind] = compress(row["node"].value)
    for row in store.query(_PAPERS):
        found["Publication"] = compress(row["publication"].value)
    if "MicroRNA" in found:  # what the hub miRNA is most often said to affect
        from exokg.ids import expand

        for row in store.query(_PARTNER % expand(found["MicroRNA"])):
            found["partner"] = compress(row["object"].value)
    return found


def query_plan(found: dict[str, str]) -> list[tuple[str, dict[str, Any]]]:
    """Every named query about the hub of each kind: ``entity-findings`` and
    ``entity-summary`` whole and their first page (``page``: 1) for each kind, and the
    queries whose parameter is of that kind."""
    mirna, outcome = found.get("MicroRNA"), found.get("Outcome")
    plan: list[tuple[str, dict[str, Any]]] = []
    for kind in ("MicroRNA", "ExosomePreparation", "Outcome", "Disease", "Gene"):
        if found.get(kind):
            for name in ("entity-findings", "entity-summary"):
                plan += [(name, {"entity": found[kind]}),
                         (name, {"entity": found[kind], "page": 1})]
    if mirna:
        plan += [("mirna-preparations", {"mirna": mirna}),
                 ("mirna-biomarkers", {"mirna": mirna})]
    if outcome:
        plan += [("opposite-findings", {"outcome": outcome}),
                 ("outcomes-by-species", {"outcome": outcome})]
    if found.get("Disease"):
        plan.append(("outcomes-by-species", {"model": found["Disease"]}))
    if mirna and found.get("partner"):
        plan.append(("evidence", {"subject": mirna, "object": found["partner"]}))
    if found.get("ClinicalTrial"):
        trial = found["ClinicalTrial"]
        plan += [("trial-design", {"trial": trial}), ("trial-preclinical", {"trial": trial}),
                 ("disagreements", {"subject": trial})]
    if found.get("Publication"):
        plan.append(("paper-claims", {"publication": found["Publication"]}))
    return plan


def measure_store(store_path: Path, out: Path, repeat: int, *, tools: bool = True,
                  memory: str = "auto", timeout: float = 600.0,
                  named: bool = True) -> dict[str, Any]:
    """Triples, sizes, named-query latencies, to_networkx, neighbourhoods, and (``tools``)
    SPARQL validation and streamed exports on a built store (read-only). ``memory`` is
    ``exokg.load``'s: with ``"auto"`` a store of up to 1 GiB is copied into memory in the
    background, ``"always"`` copies it before the first answer, ``"never"`` reads the disk."""
    import exokg
    from exokg.graph.store import open_store

    figures: dict[str, Any] = {"store_mb": folder_mb(store_path),
                               "exports_mb": folder_mb(out) if out.exists() else None,
                               "exports": {p.name: folder_mb(p) for p in sorted(out.iterdir())
                                           if p.name != "store"} if out.exists() else {}}
    store = open_store(store_path)
    figures["quads"] = len(store)
    found = hubs(store)
    figures["hubs"] = found
    del store
    kg = exokg.load(store_path, memory=memory, timeout=timeout)
    figures["memory"] = memory
    queries = []
    for name, params in query_plan(found) if named else []:
        page = params.pop("page", None)
        kwargs = {"page": page} if page else {}
        try:
            ms, frame = _median_ms(lambda: kg.ask(name, **params, **kwargs), repeat)
            queries.append((name, params, page, len(frame), ms))
        except Exception as error:  # a query this version lacks: reported, not fatal
            queries.append((name, params, page, None, f"error: {error}"[:60]))
    figures["queries"] = queries

    def view() -> Any:
        for cache in ("_nx", "_labels"):  # the API caches the view until reload()
            if hasattr(kg, cache):
                setattr(kg, cache, None)
        return kg.to_networkx()

    try:
        cpu = time.process_time()
        ms, graph = _median_ms(view, max(1, repeat // 2))
        figures["to_networkx_s"] = ms / 1000
        # this process's CPU only (parsing, the NetworkX graph); the query runs in the
        # API's worker process
        figures["to_networkx_own_cpu_s"] = (time.process_time() - cpu) / (1 + max(1, repeat // 2))
        figures["view"] = (graph.number_of_nodes(), graph.number_of_edges())
    except Exception as error:
        figures["to_networkx_s"] = f"error: {error}"[:60]
    views = getattr(kg, "_views", lambda: None)()
    figures["view_file"] = views is not None
    if views is not None:  # the same view by SPARQL, as without the file (same load)
        from exokg.query.views import networkx_view

        try:
            started = time.perf_counter()
            networkx_view(kg)
            figures["to_networkx_sparql_s"] = time.perf_counter() - started
        except Exception as error:
            figures["to_networkx_sparql_s"] = f"error: {error}"[:60]
    figures["neighbourhoods"] = []
    for kind in ("MicroRNA", "Outcome"):
        for depth in (1, 2):
            if found.get(kind):
                try:
                    ms, graph = _median_ms(
                        lambda: kg.neighbourhood(found[kind], depth=depth, as_graph=True),
                        max(1, repeat // 2))
                    figures["neighbourhoods"].append(
                        (kind, depth, graph.number_of_nodes(), graph.number_of_edges(), ms))
                except Exception as error:
                    figures["neighbourhoods"].append((kind, depth, None, None,
                                                      f"error: {error}"[:60]))
    kg.close() if hasattr(kg, "close") else None
    if tools:
        figures.update(measure_store_tools(store_path))
    return figures



def measure_store_tools(store_path: Path) -> dict[str, Any]:
    """SPARQL validation and streamed non-RDF exports, when this version of exokg has them
    (a copy of the store is opened read-only)."""
    from exokg.graph.store import open_store

    figures: dict[str, Any] = {}
    store = open_store(store_path)
    try:
        from exokg.validate_store import validate_store
    except ImportError:
        validate_store = None  # type: ignore[assignment]
    if validate_store is not None:
        try:
            started, cpu = time.perf_counter(), time.process_time()
            report = validate_store(store)
            figures["validate_sparql_s"] = time.perf_counter() - started
            figures["validate_sparql_cpu_s"] = time.process_time() - cpu
            figures["validate_results"] = len(report.results)
        except Exception as error:  # reported, not fatal: the build figures still count
            figures["validate_sparql_s"] = f"error: {error}"[:80]
    try:
        from exokg.export import tables as streamed
    except ImportError:
        streamed = None  # type: ignore[assignment]
    if streamed is not None:
        try:
            with tempfile.TemporaryDirectory() as tmp:
                started, cpu = time.perf_counter(), time.process_time()
                streamed.write_non_rdf(store, Path(tmp))
                figures["streamed_exports_s"] = time.perf_counter() - started
                figures["streamed_exports_cpu_s"] = time.process_time() - cpu
        except Exception as error:
            figures["streamed_exports_s"] = f"error: {error}"[:80]
    return figures


# -- the report ---------------------------------------------------------------------------


def _fmt(value: Any, spec: str = ".1f") -> str:
    if value is None:
        return "-"
    if isinstance(value, str):
        return value
    return format(value, spec)


def print_report(rows: list[dict[str, Any]]) -> None:
    print()
    print("| abstracts | wall s | built in s | abstracts/s | peak RSS MB | " +
          " | ".join(f"{p} s" for p in PHASES) + " | quads | store MB | exports MB |")
    print("|" + "---|" * (8 + len(PHASES)))
    for r in rows:
        phases = " | ".join(_fmt(r["phases"].get(p)) for p in PHASES)
        print(f"| {r['n']:,} | {r['wall_s']:.1f} | {_fmt(r['phases'].get('total'))} | "
              f"{r['n'] / r['wall_s']:.1f} | "
              f"{r['peak_rss_mb']:.0f} | {phases} | {_fmt(r.get('quads'), ',')} | "
              f"{_fmt(r.get('store_mb'))} | {_fmt(r.get('exports_mb'))} |")
    base = rows[0]
    for r in rows[1:]:
        per = (r["wall_s"] / r["n"]) / (base["wall_s"] / base["n"])
        print(f"\n{r['n']:,} vs {base['n']:,}: RSS {r['peak_rss_mb'] / base['peak_rss_mb']:.2f}x,"
              f" time per abstract {per:.2f}x, quads "
              f"{_fmt((r.get('quads') or 0) / max(1, base.get('quads') or 1), '.2f')}x")
    for r in rows:
        print_queries(r)


def print_queries(r: dict[str, Any]) -> None:
    """The query, view, validation and streamed-export figures of one store."""
    if r.get("queries"):
        size = f"{r['n']:,} abstracts" if r.get("n") else "the store"
        print(f"\n{size}: hubs {r.get('hubs')}")
        print("| query | parameters | rows | API ms |")
        print("|---|---|---|---|")
        for name, params, page, count, ms in r["queries"]:
            shown = " ".join(f"{k}={v}" for k, v in params.items()) + \
                (f" page={page}" if page else "")
            print(f"| {name} | {shown} | {_fmt(count, 'd')} | {_fmt(ms)} |")
    if "to_networkx_s" in r or "validate_sparql_s" in r:
        print(f"to_networkx: {_fmt(r.get('to_networkx_s'), '.2f')} s "
              f"(own CPU {_fmt(r.get('to_networkx_own_cpu_s'), '.2f')} s) "
              f"(nodes, edges: {r.get('view')}; from the view file: {r.get('view_file')}; "
              f"by SPARQL: {_fmt(r.get('to_networkx_sparql_s'), '.2f')} s); SPARQL validation: "
              f"{_fmt(r.get('validate_sparql_s'), '.2f')} s (CPU "
              f"{_fmt(r.get('validate_sparql_cpu_s'), '.2f')} s, {r.get('validate_results')} "
              f"results); streamed KGX/CSV/GraphML: {_fmt(r.get('streamed_exports_s'), '.2f')}"
              f" s (CPU {_fmt(r.get('streamed_exports_cpu_s'), '.2f')} s)")
    for kind, depth, nodes, edges, ms in r.get("neighbourhoods") or []:
        print(f"neighbourhood of the hub {kind}, depth {depth}: {_fmt(ms)} ms "
              f"({nodes} nodes, {edges} edges)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=None,
                        help="passed to exokg build (default: its own default)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, default=None,
                        help="folder for the corpora and builds (default: a temporary one)")
    parser.add_argument("--generate-only", action="store_true")
    parser.add_argument("--measure-only", type=Path, default=None, metavar="BUILD",
                        help="measure the store of a kept build (BUILD/store, BUILD/exports)")
    parser.add_argument("--skip-queries", action="store_true")
    parser.add_argument("--queries-only", action="store_true",
                        help="with --measure-only: named queries and graph views only (no "
                             "SPARQL validation, no streamed exports)")
    parser.add_argument("--views-only", action="store_true",
                        help="with --measure-only: to_networkx and neighbourhoods only")
    parser.add_argument("--timeout", type=float, default=600.0,
                        help="seconds a query may take (longer ones are reported as errors)")
    parser.add_argument("--memory", default="auto", choices=("auto", "always", "never"),
                        help="exokg.load(memory=...) for the query figures")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args(argv)

    if args.measure_only:
        store = args.measure_only / "store"
        exports = next((args.measure_only / name for name in ("exports", "out")
                        if (args.measure_only / name).is_dir()), args.measure_only / "exports")
        load = os.getloadavg()[0]
        figures = measure_store(store, exports, args.repeat, tools=not (args.queries_only or args.views_only),
                                memory=args.memory, timeout=args.timeout,
                                named=not args.views_only)
        print(f"load average before {load:.2f}, after {os.getloadavg()[0]:.2f}")
        print(f"{figures['quads']:,} quads; memory={args.memory}")
        print_queries({"n": 0, **figures})
        return 0
    work = args.keep or Path(tempfile.mkdtemp(prefix="exokg-scale-"))
    rows = []
    print(f"cores available: {len(os.sched_getaffinity(0))}; exokg from {ROOT}")
    for n in (int(s) for s in args.sizes.split(",")):
        folder = work / f"n{n}"
        corpus = folder / "corpus"
        if not (corpus / ".complete").exists():
            shutil.rmtree(corpus, ignore_errors=True)
            started = time.perf_counter()
            size = write_corpus(corpus, n, args.seed)
            (corpus / ".complete").write_text(f"{n} {args.seed}\n")
            print(f"{n:,} abstracts generated in {time.perf_counter() - started:.1f} s "
                  f"({size / 1e6:.1f} MB of PubMed XML) in {corpus}")
        if args.generate_only:
            continue
        build = folder / "build"
        shutil.rmtree(build, ignore_errors=True)
        build.mkdir(parents=True)
        load_before = os.getloadavg()[0]
        print(f"building {n:,} abstracts (load average {load_before:.2f}) ...", flush=True)
        row = run_build(corpus, build / "exports", build / "store", args.workers, [])
        row.update(n=n, load=(load_before, os.getloadavg()[0]),
                   phases=phase_times(row["lines"]))
        (build / "build.log").write_text(
            "".join(f"{t:8.2f}  {text}\n" for t, text in row["lines"]), encoding="utf-8")
        print(f"  {row['wall_s']:.1f} s wall, peak RSS {row['peak_rss_mb']:.0f} MB, load "
              f"average {row['load'][0]:.2f} -> {row['load'][1]:.2f}; log in "
              f"{build / 'build.log'}", flush=True)
        if not args.skip_queries:
            row.update(measure_store(build / "store", build / "exports", args.repeat,
                                     memory=args.memory))
        rows.append(row)
    if rows:
        print_report(rows)
        if args.json:
            args.json.write_text(json.dumps([{k: v for k, v in r.items() if k != "lines"}
                                             for r in rows], indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
