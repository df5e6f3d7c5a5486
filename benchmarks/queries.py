"""Named-query latency: the embedded Oxigraph store against rdflib's in-memory store.

Usage::

    python benchmarks/queries.py [--triples 1000000] [--repeat 7] [--rdflib-budget 120]
                                 [--skip-large] [--skip-rdflib] [--markdown]
    python benchmarks/queries.py --frequent [--triples 1000000] [--repeat 5]

``--frequent`` times, on the synthetic graph only, the entity-centred queries bound to the
*most* connected entity of each kind (with pages of ``entity-findings`` and the counting
query ``entity-summary``) through the API, and the graph views ``kg.to_networkx()`` and
``kg.neighbourhood()`` (read by SPARQL) against reading the whole store into rdflib first.

Every named query (``exokg/query/queries/*.rq``) runs on two graphs:

* the corpus graph (the bundled founding corpus), with each query's ``# example:``
  parameters;
* a synthetic literature-shaped graph of about ``--triples`` triples, made of documents,
  publications, miRNAs, exosome preparations (source cell, vesicle type, miRNA cargo,
  engineering), outcomes, trials with their design, biomarker and correlation claims,
  advantages, negated and hedged claims, all with evidence sentences and citation markers.
  It goes through the real assembler and graph builder (``exokg.assemble``,
  ``exokg.graph.rdf.build_graph``), so it has exactly the shape of a build. Entity-centred
  queries are bound to a well-studied entity (the 10th most connected of its kind).

Three timings per query (median of ``--repeat`` runs after one warm-up):

* ``oxigraph``: pyoxigraph on the on-disk store ``exokg build`` writes, with the ontology
  graph in the default graph, all rows read;
* ``exokg API``: ``kg.ask(...)`` end to end: the safety check (cached), the worker process
  round trip, and the pandas DataFrame with CURIE columns;
* ``rdflib``: ``Graph.query`` on rdflib's in-memory store holding the same triples (data and
  ontology), all rows read. Each rdflib query runs in a forked child that is killed after
  ``--rdflib-budget`` seconds (reported as ``>budget``), with fewer repeats when slow.

The ratio is rdflib / oxigraph. Targets: entity-centred queries under 50 ms (median, at 1M
triples) and every named query at least 20x faster than rdflib. This is a script, not a test.
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

#: Parameters that centre a query on one entity (a species or a class is not one: it
#: selects a large part of the graph).
ENTITY_PARAMETERS = {"entity", "mirna", "trial", "publication", "statement", "subject",
                     "object", "outcome"}


# -- the synthetic graph ------------------------------------------------------------------


def _zipf(rng: random.Random, items: list[Any], s: float = 1.1) -> Any:
    """An item drawn with probability ~ 1 / rank^s (a few are studied far more often)."""
    weights = _zipf.cache.get((len(items), s))  # type: ignore[attr-defined]
    if weights is None:
        weights = [1.0 / (rank ** s) for rank in range(1, len(items) + 1)]
        total = 0.0
        cumulative = []
        for w in weights:
            total += w
            cumulative.append(total)
        weights = cumulative
        _zipf.cache[(len(items), s)] = weights  # type: ignore[attr-defined]
    import bisect

    return items[bisect.bisect_left(weights, rng.random() * weights[-1])]


_zipf.cache = {}  # type: ignore[attr-defined]


def synthetic_build(n_statements: int, seed: int = 7):  # type: ignore[no-untyped-def]
    """Documents, statements (raw, before assembly) and the entity registry."""
    from exokg.ids import mint
    from exokg.model import Citation, Context, Document, Entity, Evidence, Statement, Value

    rng = random.Random(seed)
    registry: dict[str, Entity] = {}

    def entity(curie: str, label: str, category: str, synonyms: tuple[str, ...] = (),
               attributes: tuple[tuple[str, str], ...] = ()) -> Entity:
        e = Entity(curie, label, category, synonyms=synonyms, attributes=attributes)
        registry[curie] = e
        return e

    species = [entity("NCBITaxon:10116", "rat", "Species"),
               entity("NCBITaxon:10090", "mouse", "Species")]
    human = entity("NCBITaxon:9606", "human", "Species")
    stroke = entity("MONDO:0005098", "stroke", "Disease")
    models = [stroke] + [entity(f"exokg:model/model-{i}", f"stroke model {i}", "DiseaseModel")
                         for i in range(1, 25)]
    diseases = [stroke, entity("MONDO:1060198", "ischemic stroke", "Disease")] + [
        entity(f"exokg:disease/disease-{i}", f"disease {i}", "Disease") for i in range(1, 40)]
    routes = [entity("NCIT:C38276", "intravenous route of administration",
                     "RouteOfAdministration"),
              entity("NCIT:C119548", "intraparenchymal route of administration",
                     "RouteOfAdministration")] + [
        entity(f"exokg:route/route-{i}", f"route {i}", "RouteOfAdministration")
        for i in range(1, 5)]
    cells = [entity("CL:0000134", "mesenchymal stem cell", "Cell", ("MSC",)),
             entity("CL:0002540", "mesenchymal stem cell of the bone marrow", "Cell", ("BMSC",))] + [
        entity(f"exokg:cell/cell-{i}", f"stem cell type {i}", "Cell") for i in range(1, 5)]
    vesicles = [entity("GO:0070062", "exosome", "Vesicle"),
                entity("GO:1903561", "extracellular vesicle", "Vesicle")]
    serum = entity("exokg:anatomy/serum", "serum", "AnatomicalEntity")
    mirnas = [entity(f"exokg:mirna/mir-{i}", f"miR-{i}", "MicroRNA",
                     (f"microRNA-{i}", f"miRNA-{i}"), (("name", f"miR-{i}"),))
              for i in range(1, 1501)]
    rng.shuffle(mirnas)
    outcomes = [entity(f"exokg:outcome/outcome-{i}", f"outcome {i}", "Outcome", (f"o{i}",))
                for i in range(1, 401)]
    phenotypes = [entity(f"exokg:phenotype/phenotype-{i}", f"phenotype {i}", "Phenotype")
                  for i in range(1, 101)]
    proteins = [entity(f"exokg:protein/protein-{i}", f"protein {i}", "Protein")
                for i in range(1, 301)]
    processes = [entity(f"exokg:process/process-{i}", f"process {i}", "BiologicalProcess")
                 for i in range(1, 101)]
    scales = [entity("loinc:70182-1", "NIH Stroke Scale", "AssessmentScale", ("NIHSS",)),
              entity("loinc:75859-9", "modified Rankin Scale", "AssessmentScale", ("mRS",))]
    therapy = entity("exokg:therapy/exosome-therapy", "exosome-based therapy", "Therapy")
    cell_therapy = entity("exokg:therapy/cell-therapy", "cell therapy", "Therapy")
    advantages = [entity(f"exokg:advantage/advantage-{i}", f"advantage {i}", "Advantage")
                  for i in range(1, 61)]
    engineering = ["loaded", "overexpressing-source", "enriched", "depleted"]
    preparations = []
    for cell in cells:
        for vesicle in vesicles:
            attrs = (("sourceCell", cell.id), ("vesicleType", vesicle.id))
            preparations.append(entity(mint("preparation", f"{cell.id} {vesicle.id}"),
                                       f"{cell.label}-derived {vesicle.label}s",
                                       "ExosomePreparation", attributes=attrs))
    bases = list(preparations)
    for i in range(4000):
        cell, vesicle = rng.choice(cells[:3]), rng.choice(vesicles)
        mirna, how = _zipf(rng, mirnas), rng.choice(engineering)
        attrs = (("cargo", mirna.id), ("engineering", how), ("sourceCell", cell.id),
                 ("vesicleType", vesicle.id))
        curie = mint("preparation", " ".join(f"{k}={v}" for k, v in attrs))
        if curie not in registry:
            preparations.append(entity(curie, f"{cell.label}-derived {vesicle.label}s "
                                       f"{how} {mirna.label}", "ExosomePreparation",
                                       attributes=attrs))
    rng.shuffle(preparations)
    trials = [entity(f"clinicaltrials:NCT{3000000 + i:08d}", f"NCT{3000000 + i:08d}",
                     "ClinicalTrial") for i in range(1, 301)]

    n_docs = max(n_statements // 8, 10)
    citations = [Citation(pmid=str(20000000 + i), title=f"Study {i} of exosomes in stroke",
                          journal="Journal of Synthetic Results", year=2010 + i % 14,
                          authors=(f"Author{i} A", f"Coauthor{i} B")) for i in range(n_docs)]
    doc_sentences: dict[int, list[tuple[str, list[int]]]] = {i: [] for i in range(n_docs)}
    statements = []

    def evidence_for(text: str) -> list[tuple[int, int]]:
        places = []
        for _ in range(1 if rng.random() < 0.8 else 2):
            doc = rng.randrange(n_docs)
            doc_sentences[doc].append((text, []))
            places.append((doc, len(doc_sentences[doc]) - 1))
        return places

    def add(subject: Entity, predicate: str, obj: Any, context: Context | None = None,
            direction: str | None = None, negated: bool | None = None,
            hedged: bool | None = None) -> None:
        negated = rng.random() < 0.04 if negated is None else negated
        hedged = rng.random() < 0.10 if hedged is None else hedged
        name = obj.label if isinstance(obj, Entity) else obj.text
        verb = {"increased": "increased", "decreased": "reduced"}.get(direction or "", "was linked to")
        marker = rng.choice([f"[{rng.randint(1, 120)}]", f"({rng.randint(1, 99)}, {rng.randint(100, 200)})",
                             f"(Author{rng.randint(1, 500)} et al., {rng.randint(2005, 2023)})"])
        text = (f"{'It may be that ' if hedged else ''}{subject.label} "
                f"{'did not change' if negated else verb} {name} in this study {marker}.")
        statements.append((subject, predicate, obj, context or Context(), direction, negated,
                           hedged, text, marker, evidence_for(text)))

    for trial in trials:  # the design of each registered trial
        tested = rng.choice([p for p in preparations[:400] if dict(p.attributes).get("cargo")])
        for predicate, obj in (("exo:phase", Value(rng.choice(["Phase 1", "Phase 1/2", "Phase 2"]))),
                               ("exo:enrollment", Value(str(rng.randint(5, 300)), "integer")),
                               ("exo:studiesIntervention", tested),
                               ("exo:studiesCondition", rng.choice(diseases[:2])),
                               ("exo:dose", Value(f"{rng.choice([50, 100, 200])} mg total protein")),
                               ("exo:route", rng.choice(routes)),
                               ("exo:timing", Value(f"{rng.randint(1, 30)} days after the stroke")),
                               ("exo:primaryEndpoint", rng.choice(outcomes[:20])),
                               ("exo:secondaryEndpoint", rng.choice(scales)),
                               ("exo:monitorsAdverseEvent", rng.choice(phenotypes))):
            add(trial, predicate, obj, negated=False, hedged=False)
        add(tested, "biolink:in_clinical_trials_for", rng.choice(diseases[:2]),
            Context(species=(human.id,), trial=(trial.id,)), negated=False)
    remaining = n_statements - len(statements)
    for _ in range(remaining):
        roll = rng.random()
        if roll < 0.55:  # effects of preparations in animal models
            prep = _zipf(rng, preparations, 0.9)
            target = _zipf(rng, rng.choice([outcomes, outcomes, phenotypes, proteins]))
            context = Context(
                species=(rng.choice(species).id,) if rng.random() < 0.9 else (),
                model=(_zipf(rng, models).id,) if rng.random() < 0.7 else (),
                route=(rng.choice(routes).id,) if rng.random() < 0.6 else ())
            direction = "increased" if rng.random() < 0.7 else "decreased"
            if dict(prep.attributes).get("engineering") == "depleted":
                direction = "decreased" if rng.random() < 0.7 else "increased"
            add(prep, "biolink:affects", target, context, direction)
        elif roll < 0.60:
            add(_zipf(rng, preparations, 0.9), "biolink:beneficial_in_models_for",
                rng.choice(diseases[:5]), Context(species=(rng.choice(species).id,),
                                                  model=(_zipf(rng, models).id,)))
        elif roll < 0.75:  # biomarker and correlation claims about miRNAs
            mirna = _zipf(rng, mirnas)
            kind = rng.random()
            if kind < 0.35:
                add(mirna, "biolink:associated_with", rng.choice(diseases[:5]), Context(
                    species=(human.id,), population=(f"{rng.randint(20, 400)} patients",
                                                     f"{rng.randint(20, 400)} controls"),
                    statistics=(f"p < 0.0{rng.randint(1, 5)}",),
                    comparator=("healthy controls",),
                    location=(rng.choice([vesicles[0].id, serum.id]),)),
                    rng.choice(["increased", "decreased"]))
            elif kind < 0.85:
                add(mirna, rng.choice(["biolink:positively_correlated_with",
                                       "biolink:negatively_correlated_with",
                                       "biolink:correlated_with"]),
                    rng.choice(scales + outcomes[:30] + proteins[:30]),
                    Context(species=(human.id,), location=(rng.choice(
                        [vesicles[0].id, vesicles[0].id, serum.id]),)))
            else:
                add(mirna, "biolink:biomarker_for", rng.choice(diseases[:5]),
                    Context(species=(human.id,)))
        elif roll < 0.80:
            prep = rng.choice(bases)
            add(prep, "exo:transfersCargo", _zipf(rng, mirnas), hedged=rng.random() < 0.3)
        elif roll < 0.85:
            add(_zipf(rng, mirnas), "biolink:participates_in", rng.choice(processes))
        elif roll < 0.87:
            add(therapy, "exo:hasAdvantage", rng.choice(advantages),
                Context(comparator=(cell_therapy.id,)))
        elif roll < 0.90:
            add(rng.choice(proteins[:5]), "RO:0002607", vesicles[0])
        else:  # effects of cells and of miRNAs themselves
            subject = rng.choice(cells) if rng.random() < 0.5 else _zipf(rng, mirnas)
            add(subject, "biolink:affects", _zipf(rng, outcomes),
                Context(species=(rng.choice(species).id,) if rng.random() < 0.8 else ()),
                rng.choice(["increased", "decreased"]))

    documents = []
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for i in range(n_docs):
        parts, offset = [], 0
        for j, (text, _) in enumerate(doc_sentences[i]):
            spans[(i, j)] = (offset, offset + len(text))
            parts.append(text)
            offset += len(text) + 1
        documents.append(Document(f"doc-{i:06d}", " ".join(parts) or "(empty)",
                                  f"synthetic/{i}", title=citations[i].title,
                                  source=citations[i], kind="abstract"))
    raw = []
    for subject, predicate, obj, context, direction, negated, hedged, text, marker, places in statements:
        evidence = tuple(Evidence(f"doc-{doc:06d}", j, *spans[(doc, j)], text, "synthetic",
                                  (marker,), citations[doc].pmid)
                         for doc, j in places)
        raw.append(Statement(subject, predicate, obj, direction, None, negated, hedged,
                             context, evidence))
    return documents, raw, registry


def make_synthetic(target_triples: int, folder: Path) -> tuple[Any, Path, dict[str, Any]]:
    """The rdflib Graph (data + ontology), the store folder and facts for the parameters."""
    import pyoxigraph as ox

    from exokg.assemble import assemble, contradictions
    from exokg.export.ntriples import ox_triple
    from exokg.graph.rdf import build_graph
    from exokg.graph.store import write_store
    from exokg.query.stores import ensure_ontology

    started = time.perf_counter()
    documents, raw, registry = synthetic_build(max(target_triples // 22, 100))
    statements = assemble(raw)
    graph = build_graph(documents, statements, registry, contradictions(statements))
    data = ox.serialize((ox_triple(t) for t in graph), format=ox.RdfFormat.N_TRIPLES)
    store = write_store(data, folder / "store")
    ensure_ontology(store)
    _add_ontology(graph)
    degree: Counter[str] = Counter()
    for s in statements:
        degree[s.subject.id] += 1
        if hasattr(s.object, "category"):  # an entity, not a literal value
            degree[s.object.id] += 1
    facts = {"statements": statements, "degree": degree, "registry": registry,
             "documents": documents, "seconds": time.perf_counter() - started,
             "data_triples": data.count(b"\n")}
    return graph, store, facts


def _add_ontology(graph: Any) -> None:
    from importlib.resources import files

    data = files("exokg").joinpath("resources", "ontology", "exokg.ttl").read_bytes()
    graph.parse(data=data, format="turtle")


def nth_most(facts: dict[str, Any], category: str, n: int = 10) -> str:
    ranked = [(c, e) for e, c in facts["degree"].items()
              if getattr(facts["registry"].get(e), "category", None) == category]
    ranked.sort(key=lambda x: (-x[0], x[1]))
    return ranked[min(n, len(ranked)) - 1][1]


def synthetic_params(facts: dict[str, Any]) -> list[tuple[str, dict[str, str]]]:
    """(query, parameters) for the synthetic graph: entity-centred queries bound to the
    10th most connected entity of their kind, global queries unbound."""
    from exokg.ids import expand

    mirna = nth_most(facts, "MicroRNA")
    trial = nth_most(facts, "ClinicalTrial")
    outcome = nth_most(facts, "Outcome")
    pubs = Counter(e.source_pmid for s in facts["statements"] for e in s.evidence)
    publication = f"pubmed:{sorted(pubs.items(), key=lambda x: (-x[1], x[0]))[9][0]}"
    pair = Counter((s.subject.id, s.object.id) for s in facts["statements"]
                   if s.subject.id == mirna and hasattr(s.object, "category"))
    subject, obj = pair.most_common(1)[0][0]
    top_mirna = nth_most(facts, "MicroRNA", 1)
    e = expand
    return [
        ("entity-findings", {"entity": e(mirna)}),
        ("entity-findings", {"entity": e(top_mirna)}),
        ("mirna-preparations", {"mirna": e(mirna)}),
        ("mirna-biomarkers", {"mirna": e(mirna)}),
        ("trial-design", {"trial": e(trial)}),
        ("trial-preclinical", {"trial": e(trial)}),
        ("paper-claims", {"publication": e(publication)}),
        ("evidence", {"subject": e(subject), "object": e(obj)}),
        ("opposite-findings", {"outcome": e(outcome)}),
        ("outcomes-by-species", {"outcome": e(outcome)}),
        ("entity-search", {"text": "miR-12"}),
        ("vocabulary", {"class": e("exo:MicroRNA")}),
        ("advantages", {"comparator": e("exokg:therapy/cell-therapy")}),
        ("outcomes-by-species", {"species": e("NCBITaxon:10116")}),
        ("single-species-outcomes", {}),
        ("hedged-negated", {"negated": "true"}),
        ("single-source-claims", {"predicate": e("biolink:beneficial_in_models_for")}),
        ("opposite-findings", {}),
        ("mirna-biomarkers", {}),
        ("trial-design", {}),
        ("hedged-negated", {}),
        ("single-source-claims", {}),
        ("mirna-preparations", {}),
        ("disagreements", {"subject": e(trial)}),
        ("disagreements", {}),
    ]


def corpus_params() -> list[tuple[str, dict[str, str]]]:
    from exokg.query.library import load_library

    runs = []
    for name, query in load_library().items():
        for example in query.examples or ((),):
            runs.append((name, dict(example)))
    return runs


# -- timing -------------------------------------------------------------------------------


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def time_oxigraph(store: Any, graphs: list[Any], text: str, repeat: int) -> tuple[float, int]:
    def once() -> int:
        count = 0
        for solution in store.query(text, default_graph=graphs):
            count += 1
            for term in solution:  # touch every value
                pass
        return count

    rows = once()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        once()
        times.append(time.perf_counter() - started)
    return median_ms(times), rows


def time_api(kg: Any, name: str, params: dict[str, str], repeat: int) -> float:
    kg.ask(name, max_rows=10_000_000, **params)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        kg.ask(name, max_rows=10_000_000, **params)
        times.append(time.perf_counter() - started)
    return median_ms(times)


_RDFLIB_GRAPH: Any = None


def for_rdflib(text: str) -> str:
    """rdflib 7.6 raises NotBoundError on ``GROUP_CONCAT(DISTINCT ?x)`` when ``?x`` is
    unbound in a group (the plain form is fine); wrap those in ``COALESCE(?x, "")`` so the
    same query runs (same work, the concatenations may gain empty items)."""
    import re

    return re.sub(r"GROUP_CONCAT\(DISTINCT (\?\w+)", r'GROUP_CONCAT(DISTINCT COALESCE(\1, "")',
                  text)


def _rdflib_child(conn: Any, text: str, repeat: int, slow: float) -> None:
    times, rows = [], 0
    try:
        for i in range(repeat + 1):
            started = time.perf_counter()
            rows = sum(1 for _ in _RDFLIB_GRAPH.query(text))
            elapsed = time.perf_counter() - started
            if i > 0 or elapsed > slow:  # the warm-up counts when a run is slow
                times.append(elapsed)
            if elapsed > slow:
                break
        conn.send(("ok", times, rows))
    except Exception as exc:  # noqa: BLE001
        conn.send(("error", repr(exc), 0))
    finally:
        conn.close()
        os._exit(0)


def time_rdflib(text: str, repeat: int, budget: float
                ) -> tuple[float | None, int | None, str]:
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_rdflib_child, args=(child, text, repeat, 2.0))
    proc.start()
    child.close()
    if parent.poll(budget):
        status, times, rows = parent.recv()
        proc.join()
        if status != "ok":
            return None, None, f"error {times}"
        return median_ms(times), rows, ""
    proc.kill()
    proc.join()
    return None, None, f">{budget:g} s"


# -- running ------------------------------------------------------------------------------


def run_graph(label: str, store_path: Path, rdflib_graph: Any,
              runs: list[tuple[str, dict[str, str]]], args: argparse.Namespace
              ) -> list[dict[str, Any]]:
    global _RDFLIB_GRAPH
    import pyoxigraph as ox

    import exokg
    from exokg.query.binding import bind_query
    from exokg.query.library import load_library
    from exokg.query.stores import ontology_graph_name

    library = load_library()
    kg = exokg.load(store_path, memory="always")  # the API: worker with an in-memory copy
    kg._sandbox.status(timeout=600)  # started and copied before timing
    disk = ox.Store.read_only(str(store_path))
    memory = ox.Store()
    memory.bulk_load(disk.dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
    graphs = [ox.DefaultGraph(), ox.NamedNode(ontology_graph_name())]
    results = []
    for name, params in runs:
        text, terms = library[name].bind(params, resolve=kg.resolve)
        text = bind_query(text, terms)  # the same text for every engine
        disk_ms, rows = time_oxigraph(disk, graphs, text, args.repeat)
        mem_ms, _ = time_oxigraph(memory, graphs, text, args.repeat)
        api_ms = time_api(kg, name, params, args.repeat)
        rd_ms, rd_rows, note = (None, None, "skipped")
        if not args.skip_rdflib:
            _RDFLIB_GRAPH = rdflib_graph
            rd_ms, rd_rows, note = time_rdflib(for_rdflib(text), min(args.repeat, 5),
                                               args.rdflib_budget)
        short = " ".join(f"{k}={_short(v)}" for k, v in params.items())
        row = {"graph": label, "query": name, "params": short, "rows": rows,
               "disk_ms": disk_ms, "memory_ms": mem_ms, "api_ms": api_ms,
               "rdflib_ms": rd_ms, "rdflib_rows": rd_rows, "note": note,
               "entity_centred": bool(set(params) & ENTITY_PARAMETERS)}
        if rd_ms is not None:
            row["ratio_disk"] = rd_ms / disk_ms if disk_ms else float("inf")
            row["ratio_memory"] = rd_ms / mem_ms if mem_ms else float("inf")
        elif note.startswith(">"):
            row["floor_disk"] = args.rdflib_budget * 1000 / disk_ms if disk_ms else float("inf")
            row["floor_memory"] = args.rdflib_budget * 1000 / mem_ms if mem_ms else float("inf")
        results.append(row)
        print(_line(row), flush=True)
    del disk, memory
    kg.close()
    return results


def _short(value: str) -> str:
    from exokg.query.results import to_curie

    return to_curie(value) or value if value.startswith("http") else value


def _ratio(row: dict[str, Any], which: str) -> str:
    if f"ratio_{which}" in row:
        return f"{row[f'ratio_{which}']:.0f}x"
    if f"floor_{which}" in row:
        return f">{row[f'floor_{which}']:.0f}x"
    return "-"


def _line(row: dict[str, Any]) -> str:
    rd = f"{row['rdflib_ms']:.1f}" if row["rdflib_ms"] is not None else row["note"]
    rows = str(row["rows"])
    if row["rdflib_rows"] is not None and row["rdflib_rows"] != row["rows"]:
        rows += f" (rdflib {row['rdflib_rows']})"
    target = ""
    if row["entity_centred"]:
        target = " (entity-centred)"
    return (f"| {row['graph']} | {row['query']}{target} | {row['params'] or '-'} | {rows} "
            f"| {row['disk_ms']:.1f} | {row['memory_ms']:.1f} | {row['api_ms']:.1f} | {rd} "
            f"| {_ratio(row, 'disk')} | {_ratio(row, 'memory')} |")


def summarise(rows: list[dict[str, Any]]) -> None:
    print("\nsummary")
    for label in dict.fromkeys(r["graph"] for r in rows):
        mine = [r for r in rows if r["graph"] == label]
        centred = [r for r in mine if r["entity_centred"]]
        for column, name in (("disk_ms", "oxigraph on disk"), ("memory_ms", "oxigraph in memory"),
                             ("api_ms", "exokg API")):
            slow = [f"{r['query']} {r['params']} ({r[column]:.0f} ms)" for r in centred
                    if r[column] >= 50]
            print(f"  {label}: entity-centred under 50 ms, {name}: "
                  f"{len(centred) - len(slow)}/{len(centred)}"
                  + (f"; over: {', '.join(slow)}" if slow else ""))
        for which in ("disk", "memory"):
            known = [r.get(f"ratio_{which}", r.get(f"floor_{which}")) for r in mine]
            known = [x for x in known if x is not None]
            below = [f"{r['query']} {r['params'] or '-'} ({r[f'ratio_{which}']:.1f}x)"
                     for r in mine if r.get(f"ratio_{which}") is not None
                     and r[f"ratio_{which}"] < 20]
            if known:
                print(f"  {label}: rdflib / oxigraph {which}: min {min(known):.1f}x, median "
                      f"{statistics.median(known):.0f}x; under 20x: {', '.join(below) or 'none'}")


# -- frequent entities and graph views ----------------------------------------------------


def frequent_params(facts: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Entity-centred queries bound to the *most* connected entity of their kind (the hub a
    user is most likely to ask about, with the most rows), the counting query, and pages."""
    from exokg.ids import expand as e

    mirna = nth_most(facts, "MicroRNA", 1)
    trial = nth_most(facts, "ClinicalTrial", 1)
    outcome = nth_most(facts, "Outcome", 1)
    pubs = Counter(ev.source_pmid for s in facts["statements"] for ev in s.evidence)
    publication = f"pubmed:{sorted(pubs.items(), key=lambda x: (-x[1], x[0]))[0][0]}"
    pair = Counter((s.subject.id, s.object.id) for s in facts["statements"]
                   if s.subject.id == mirna and hasattr(s.object, "category"))
    subject, obj = pair.most_common(1)[0][0]
    return [
        ("entity-findings", {"entity": e(mirna)}),
        ("entity-findings", {"entity": e(mirna), "page": 1}),
        ("entity-findings", {"entity": e(mirna), "page": 5}),
        ("entity-summary", {"entity": e(mirna)}),
        ("entity-summary", {"entity": e(outcome)}),
        ("mirna-preparations", {"mirna": e(mirna)}),
        ("mirna-biomarkers", {"mirna": e(mirna)}),
        ("trial-design", {"trial": e(trial)}),
        ("trial-preclinical", {"trial": e(trial)}),
        ("disagreements", {"subject": e(trial)}),
        ("paper-claims", {"publication": e(publication)}),
        ("evidence", {"subject": e(subject), "object": e(obj)}),
        ("opposite-findings", {"outcome": e(outcome)}),
        ("outcomes-by-species", {"outcome": e(outcome)}),
    ]


def _median_s(action: Any, repeat: int) -> float:
    action()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run_frequent(store_path: Path, facts: dict[str, Any], args: argparse.Namespace) -> None:
    """Named queries for the most connected entities through the API (in-memory copy and
    on disk), then the graph views: ``to_networkx`` and ``neighbourhood`` read by SPARQL,
    against the old way (the whole store read into rdflib, then the view)."""
    import exokg
    from exokg.graph.nx import to_networkx
    from exokg.query.api import _read_rdflib_graph

    runs = frequent_params(facts)
    hub = runs[0][1]["entity"]
    print("| query | parameters | rows | API ms (memory) | API ms (disk) |\n|---|---|---|---|---|")
    with exokg.load(store_path, memory="always") as fast, \
            exokg.load(store_path, memory="never") as slow:
        fast._sandbox.status(timeout=600)
        for name, params in runs:
            rows = len(fast.ask(name, max_rows=10_000_000, **params))
            ms = [median_ms([_median_s(lambda kg=kg: kg.ask(name, max_rows=10_000_000,
                                                               **params), args.repeat)])
                  for kg in (fast, slow)]
            short = " ".join(f"{k}={_short(v) if isinstance(v, str) else v}"
                             for k, v in params.items())
            print(f"| {name} | {short} | {rows} | {ms[0]:.1f} | {ms[1]:.1f} |", flush=True)

        print("\n| view | nodes | edges | seconds (memory) | seconds (disk) |\n"
              "|---|---|---|---|---|")

        def fresh_view(kg: Any) -> Any:
            kg._nx = None
            return kg.to_networkx()

        view = fresh_view(fast)
        seconds = [_median_s(lambda kg=kg: fresh_view(kg), max(1, args.repeat // 2))
                   for kg in (fast, slow)]
        print(f"| to_networkx (SPARQL) | {view.number_of_nodes()} | "
              f"{view.number_of_edges()} | {seconds[0]:.2f} | {seconds[1]:.2f} |", flush=True)
        for depth in (1, 2):
            sub = fast.neighbourhood(hub, depth, as_graph=True)
            seconds = [_median_s(lambda kg=kg: kg.neighbourhood(hub, depth, as_graph=True),
                                 args.repeat) for kg in (fast, slow)]
            print(f"| neighbourhood of {_short(hub)}, depth {depth} (SPARQL) | "
                  f"{sub.number_of_nodes()} | {sub.number_of_edges()} | {seconds[0]:.2f} | "
                  f"{seconds[1]:.2f} |", flush=True)
        if not args.skip_rdflib:
            started = time.perf_counter()
            old = to_networkx(_read_rdflib_graph(store_path))
            elapsed = time.perf_counter() - started
            same = sorted(old.edges(keys=True)) == sorted(view.edges(keys=True))
            print(f"| to_networkx (before: whole store into rdflib) | {old.number_of_nodes()} "
                  f"| {old.number_of_edges()} | - | {elapsed:.2f} |  (same edges: {same})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--rdflib-budget", type=float, default=120.0,
                        help="seconds an rdflib query may take before it is stopped")
    parser.add_argument("--skip-large", action="store_true", help="corpus graph only")
    parser.add_argument("--skip-rdflib", action="store_true")
    parser.add_argument("--frequent", action="store_true",
                        help="only the synthetic graph: named queries for its most connected "
                             "entities (pages, counts) and the to_networkx / neighbourhood "
                             "views, through the API")
    args = parser.parse_args(argv)
    if args.frequent:
        with tempfile.TemporaryDirectory(prefix="exokg-bench-") as tmp:
            graph, store, facts = make_synthetic(args.triples, Path(tmp) / "synthetic")
            print(f"synthetic graph: {facts['data_triples']} data triples, "
                  f"{len(facts['statements'])} statements, {len(facts['documents'])} "
                  f"documents; made in {facts['seconds']:.0f} s\n")
            del graph
            gc.collect()
            run_frequent(store, facts, args)
        return 0

    from exokg.export.turtle import to_turtle
    from exokg.graph.store import write_store
    from exokg.pipeline import build
    from exokg.query.stores import ensure_ontology

    print(f"python {sys.version.split()[0]}, pyoxigraph "
          f"{__import__('pyoxigraph').__version__}, rdflib {__import__('rdflib').__version__}")
    header = ("| graph | query | parameters | rows | oxigraph disk ms | oxigraph memory ms "
              "| exokg API ms | rdflib ms | rdflib / disk | rdflib / memory |\n"
              "|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="exokg-bench-") as tmp:
        folder = Path(tmp)
        result = build()
        corpus_store = write_store(to_turtle(result.graph), folder / "corpus" / "store")
        ensure_ontology(corpus_store)
        corpus_graph = result.graph
        _add_ontology(corpus_graph)
        print(f"\ncorpus graph: {len(result.graph)} triples (with the ontology)\n")
        print(header)
        rows = run_graph("corpus", corpus_store, corpus_graph, corpus_params(), args)
        if not args.skip_large:
            graph, store, facts = make_synthetic(args.triples, folder / "synthetic")
            params = synthetic_params(facts)
            print(f"\nsynthetic graph: {facts['data_triples']} data triples "
                  f"({len(graph)} with the ontology), {len(facts['statements'])} statements, "
                  f"{len(facts['documents'])} documents; made in {facts['seconds']:.0f} s\n")
            label = f"{round(facts['data_triples'] / 1000)}k"
            facts.clear()
            gc.collect()
            print(header)
            rows += run_graph(label, store, graph, params, args)
    summarise(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
