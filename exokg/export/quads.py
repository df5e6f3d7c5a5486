"""N-Quads and TriG: the graph split into named graphs, so that every triple's graph says where
it comes from.

Graphs (IRIs under ``https://w3id.org/exokg/id/graph/``):

``document/{id}``
    one per source document: what that document says. The document node itself; each
    evidence node read from the document; for every statement with evidence in the document,
    the statement node's claim triples (type, rdf:subject/predicate/object, exo:negated,
    exo:hedged, exo:direction, exo:aspect, context qualifiers), its ``biolink:has_evidence``
    links to *this document's* evidence, and the direct edge (unless negated).
``entities``
    entities, their types, labels, synonyms, mappings and parts; publications; everything
    else that no document graph claims (the vocabulary).
``assembly``
    what exokg concluded by pooling documents: ``exo:evidenceCount``, ``exo:contradicts``,
    ``exo:disagreesWith`` and the ``exo:Disagreement`` nodes.
``ontology``
    the OWL ontology (``ontology/exokg.ttl``), when included.

A statement supported by several documents is in each of their graphs: each graph repeats the
claim triples and holds only the evidence links of its own document; the evidence count, which
no single document states, is in ``assembly``. A direct edge backed by several statements is
in the graphs of all their documents. The union of the data graphs is exactly the built graph.

Output is deterministic: quads are sorted by graph, then by their N-Triples text; blank nodes
(the built graph has none; an ontology might) are relabelled canonically first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.term import Node

from exokg.export.atomic import write_bytes
from exokg.export.ntriples import ox_term
from exokg.export.resources import load_ontology
from exokg.graph.rdf import ASSEMBLY_GRAPH, BIOLINK, ENTITIES_GRAPH, EXO, GRAPH_BASE, ID, \
    ONTOLOGY_GRAPH

__all__ = ["ASSEMBLY_GRAPH", "ENTITIES_GRAPH", "GRAPH_BASE", "ONTOLOGY_GRAPH", "document_graph",
           "partition", "to_nquads", "to_quads", "to_trig", "write_nquads", "write_trig"]

_DOCUMENT_BASE = str(ID) + "document/"
_ASSEMBLED = frozenset({EXO.evidenceCount, EXO.contradicts, EXO.disagreesWith})
_ASSEMBLY_CLASSES = frozenset({EXO.Disagreement})

Triple = tuple[Node, Node, Node]


def document_graph(document: Node) -> URIRef:
    """The named graph of a document IRI (``exokg:document/X`` -> ``exokg:graph/document/X``).

    >>> str(document_graph(URIRef("https://w3id.org/exokg/id/document/d1")))
    'https://w3id.org/exokg/id/graph/document/d1'
    """
    text = str(document)
    if not text.startswith(_DOCUMENT_BASE):
        raise ValueError(f"{text!r} is not an exokg document IRI")
    return URIRef(GRAPH_BASE + "document/" + text[len(_DOCUMENT_BASE):])


def partition(graph: Graph) -> dict[URIRef, set[Triple]]:
    """Assign every triple of a built graph to its named graph(s) (see the module docstring).

    Returns:
        graph IRI -> triples. Every triple of ``graph`` is in at least one named graph; a
        triple may be in several (a claim made by several documents).
    """
    statements = set(graph.subjects(RDF.type, EXO.Statement))
    evidence_docs: dict[Node, URIRef] = {}
    for evidence, document in graph.subject_objects(EXO.document):
        evidence_docs[evidence] = document_graph(document)
    documents = set(graph.subjects(RDF.type, EXO.Document))
    assembled = {n for cls in _ASSEMBLY_CLASSES for n in graph.subjects(RDF.type, cls)}
    claim_graphs: dict[Node, set[URIRef]] = defaultdict(set)
    for statement, evidence in graph.subject_objects(BIOLINK.has_evidence):
        if evidence in evidence_docs:
            claim_graphs[statement].add(evidence_docs[evidence])
    edge_graphs: dict[Triple, set[URIRef]] = defaultdict(set)
    for statement in statements:
        negated = graph.value(statement, EXO.negated)
        if isinstance(negated, Literal) and negated.toPython() is True:
            continue
        edge = (graph.value(statement, RDF.subject), graph.value(statement, RDF.predicate),
                graph.value(statement, RDF.object))
        if None not in edge:
            edge_graphs[edge] |= claim_graphs.get(statement, set())  # type: ignore[index]

    out: dict[URIRef, set[Triple]] = defaultdict(set)
    for triple in graph:
        s, p, o = triple
        targets: set[URIRef]
        if s in evidence_docs:
            targets = {evidence_docs[s]}
        elif s in statements:
            if p == BIOLINK.has_evidence and o in evidence_docs:
                targets = {evidence_docs[o]}
            elif p in _ASSEMBLED:
                targets = {ASSEMBLY_GRAPH}
            else:
                targets = claim_graphs.get(s) or {ASSEMBLY_GRAPH}
        elif s in documents:
            targets = {document_graph(s)}
        elif s in assembled:
            targets = {ASSEMBLY_GRAPH}
        elif edge_graphs.get(triple):
            targets = edge_graphs[triple]
        else:
            targets = {ENTITIES_GRAPH}
        for target in targets:
            out[target].add(triple)
    return dict(out)


def _canonical(triples: Iterable[Triple]) -> Iterable[Triple]:
    """Triples with blank nodes relabelled canonically (unchanged when there are none)."""
    triples = list(triples)
    if not any(isinstance(t, BNode) for triple in triples for t in triple):
        return triples
    g = Graph()
    for triple in triples:
        g.add(triple)
    return list(to_canonical_graph(g))


def to_quads(graph: Graph, ontology: Graph | None = None) -> list[pyoxigraph.Quad]:
    """The sorted quads of ``graph`` split by :func:`partition`, plus ``ontology`` (if given)
    in :data:`ONTOLOGY_GRAPH`."""
    parts = partition(graph)
    if ontology is not None:
        parts[ONTOLOGY_GRAPH] = set(_canonical(ontology))
    quads: list[pyoxigraph.Quad] = []
    for name in sorted(parts, key=str):
        g = pyoxigraph.NamedNode(str(name))
        converted = {}
        for s, p, o in parts[name]:
            quad = pyoxigraph.Quad(ox_term(s), ox_term(p), ox_term(o), g)  # type: ignore[arg-type]
            converted[str(quad)] = quad
        quads.extend(converted[key] for key in sorted(converted))
    return quads


def _ontology(include: bool) -> Graph | None:
    return load_ontology() if include else None


def to_nquads(graph: Graph, include_ontology: bool = True) -> bytes:
    """N-Quads of ``graph`` in named graphs (and the ontology in its own graph)."""
    quads = to_quads(graph, _ontology(include_ontology))
    return pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS)


def to_trig(graph: Graph, include_ontology: bool = True) -> bytes:
    """TriG of ``graph`` in named graphs (and the ontology in its own graph), with exokg's
    prefixes."""
    from exokg.export.streamed import turtle_bytes

    return turtle_bytes(to_nquads(graph, include_ontology), trig=True)


def write_nquads(graph: Graph, path: str | Path, include_ontology: bool = True) -> None:
    """Write :func:`to_nquads` of ``graph`` to ``path`` atomically."""
    write_bytes(path, to_nquads(graph, include_ontology))


def write_trig(graph: Graph, path: str | Path, include_ontology: bool = True) -> None:
    """Write :func:`to_trig` of ``graph`` to ``path`` atomically."""
    write_bytes(path, to_trig(graph, include_ontology))
