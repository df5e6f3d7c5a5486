"""Synthetic exokg graphs of any size, for the rendering benchmark and the page tests.

The graphs go through the real graph builder (:func:`exokg.graph.rdf.build_graph`), so they
have exactly the shape of a real build: entities, statements with qualifiers, evidence
sentences, documents. ``hostile=True`` fills every piece of text (labels, synonyms,
sentences, titles, markers, context values) with script-injection payloads.
"""

from __future__ import annotations

import random

from rdflib import Graph

from exokg.graph.rdf import build_graph
from exokg.model import Citation, Context, Document, Entity, Evidence, Statement, Value

__all__ = ["PAYLOADS", "synthetic_graph"]

#: Injection payloads; any that runs sets ``window.__pwned`` or opens a dialog.
PAYLOADS = (
    "<script>window.__pwned='script'</script>",
    "<img src=x onerror=\"window.__pwned='img'\">",
    "\"><svg onload=\"window.__pwned='svg'\">",
    "' onmouseover='window.__pwned=1' x='",
    "<a href=\"javascript:window.__pwned='href'\">href</a>",
    "</script><script>alert('breakout')</script>",
    "<iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe>",
    "{{constructor.constructor('window.__pwned=1')()}} ${alert(1)}",
    "<style>body{background:url(https://example.invalid/x)}</style>",
    "\u2028\u2029<!-- --> ]]> &lt;script&gt; &amp;",
)

_CLASSES = ("MicroRNA", "ExosomePreparation", "Cell", "Protein", "Outcome", "Disease",
            "BiologicalProcess", "Phenotype", "Therapy", "AnatomicalEntity")
_PREDICATES = ("biolink:affects", "biolink:affects", "biolink:associated_with",
               "biolink:beneficial_in_models_for", "biolink:correlated_with",
               "biolink:biomarker_for", "biolink:contributes_to", "RO:0002607")
_SPECIES = ("NCBITaxon:9606", "NCBITaxon:10116", "NCBITaxon:10090")
_SPECIES_NAMES = {"NCBITaxon:9606": "human", "NCBITaxon:10116": "rat", "NCBITaxon:10090": "mouse"}
_WORDS = ("exosomes", "derived", "from", "mesenchymal", "stem", "cells", "reduced", "infarct",
          "volume", "and", "improved", "functional", "recovery", "after", "middle", "cerebral",
          "artery", "occlusion", "in", "rats", "by", "promoting", "angiogenesis", "neurogenesis")


def _label(category: str, i: int, hostile: bool) -> str:
    base = f"miR-{i}" if category == "MicroRNA" else f"{category} {i}"
    return f"{base} {PAYLOADS[i % len(PAYLOADS)]}" if hostile else base


def synthetic_graph(n_nodes: int, *, edges_per_node: float = 2.0, seed: int = 0,
                    hostile: bool = False) -> Graph:
    """A random exokg graph with ``n_nodes`` entities and about ``edges_per_node * n_nodes``
    statements (each with 1-3 evidence sentences; 10% hedged, 5% negated).

    >>> g = synthetic_graph(20)
    >>> len(g) > 100
    True
    """
    rng = random.Random(seed)
    entities = []
    for i in range(n_nodes):
        category = _CLASSES[i % len(_CLASSES)]
        synonyms = (f"syn-{i}", PAYLOADS[(i + 3) % len(PAYLOADS)]) if hostile else (f"syn-{i}",)
        xrefs = ("CL:0000134",) if category == "Cell" else ()
        entities.append(Entity(f"exokg:synthetic/e{i}", _label(category, i, hostile), category,
                               synonyms=synonyms, xrefs=xrefs))
    registry = {e.id: e for e in entities}
    for species in _SPECIES:
        registry[species] = Entity(species, _SPECIES_NAMES[species], "Species")

    n_statements = int(n_nodes * edges_per_node)
    documents: list[Document] = []
    statements = []
    for k in range(n_statements):
        if k % 50 == 0:
            doc_id = f"synthetic-{len(documents)}"
            title = f"Synthetic document {len(documents)}"
            if hostile:
                title += " " + PAYLOADS[len(documents) % len(PAYLOADS)]
            documents.append(Document(doc_id, "synthetic text", "synthetic", title=title,
                                      source=Citation(pmid=str(10_000_000 + len(documents)),
                                                      title=title, year=2020,
                                                      authors=("Author A",))))
        doc = documents[-1]
        a, b = rng.randrange(n_nodes), rng.randrange(n_nodes)
        if a == b:
            b = (b + 1) % n_nodes
        predicate = _PREDICATES[rng.randrange(len(_PREDICATES))]
        direction = rng.choice(("increased", "decreased")) if predicate in (
            "biolink:affects", "biolink:associated_with") else None
        evidence = []
        for j in range(rng.randint(1, 3)):
            words = [rng.choice(_WORDS) for _ in range(rng.randint(15, 35))]
            if hostile:
                words.insert(rng.randrange(len(words)), PAYLOADS[(k + j) % len(PAYLOADS)])
            text = " ".join(words).capitalize() + "."
            markers = (f"[{k % 90 + 1}]",) if not hostile else (PAYLOADS[k % len(PAYLOADS)],)
            evidence.append(Evidence(doc.id, k, 0, len(text), text, "synthetic",
                                     citations=markers))
        species = (_SPECIES[rng.randrange(3)],) if rng.random() < 0.7 else ()
        dose = (PAYLOADS[k % len(PAYLOADS)],) if hostile else ("100 ug",)
        statements.append(Statement(
            entities[a], predicate, entities[b], direction=direction,
            negated=rng.random() < 0.05, hedged=rng.random() < 0.10,
            context=Context(species=species, dose=dose), evidence=tuple(evidence)))
    if hostile and statements:  # a literal object with a payload
        statements.append(Statement(entities[0], "exo:dose", Value(PAYLOADS[1])))
    return build_graph(documents, statements, registry)
