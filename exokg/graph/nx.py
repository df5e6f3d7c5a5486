"""The NetworkX view of a built graph: entities as nodes, statements as edges.

:func:`to_networkx` reads only the RDF graph (docs/graph-model.md), so it works on a fresh
build, on a graph parsed from an export, or on the embedded Oxigraph store.

Nodes are the entities (instances of the classes of :data:`exokg.vocabulary.ENTITY_CLASSES`,
publications left out) and whatever a statement links. They are keyed by CURIE (``CL:0000134``, ``exokg:mirna/mir-124``) with attributes

    ``curie``, ``iri``, ``label`` (rdfs:label), ``category`` (the exokg class, e.g.
    ``"MicroRNA"``).

Literal objects of statements (a trial's phase, a start date) become nodes of category
``"Value"`` keyed by their N-Triples form (``"Phase 1/2"``), so they can never collide with an
entity. Every statement is one edge from subject to object, keyed by the statement's CURIE,
with attributes

    ``statement``, ``predicate`` (CURIE), ``label`` (e.g. ``"affects"``), ``negated``,
    ``hedged``, ``claim_status``, ``evidence_count`` and, when stated, ``direction``, ``aspect``, ``species``
    and ``model`` (CURIEs, several joined by ``|``).

Negated statements are edges too (``negated=True``): filter them out for "what is claimed".
Attribute values are plain ``str``/``int``/``bool``, never None, so the view can be written to
GraphML as it is. Nodes and edges are added in sorted order, so equal graphs give equal views.

>>> from exokg.model import Entity, Evidence, Statement
>>> from exokg.graph.rdf import build_graph
>>> e = Evidence("d1", 0, 0, 10, "Exo helped.", "test")
>>> s = Statement(Entity("exokg:preparation/exo", "exosomes", "ExosomePreparation"),
...               "biolink:affects", Entity("GO:0001525", "angiogenesis", "BiologicalProcess"),
...               direction="increased", evidence=(e,))
>>> view = to_networkx(build_graph([], [s], {}))
>>> view.nodes["GO:0001525"]["category"]
'BiologicalProcess'
>>> [(u, v, d["direction"], d["evidence_count"]) for u, v, d in view.edges(data=True)]
[('exokg:preparation/exo', 'GO:0001525', 'increased', 1)]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import networkx as nx
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.term import Node

from exokg.errors import IdentifierError
from exokg.graph.rdf import EXO
from exokg.ids import compress
from exokg.vocabulary import ENTITY_CLASSES

if TYPE_CHECKING:
    import pyoxigraph

    from exokg.pipeline import BuildResult

__all__ = ["NON_ENTITY_CLASSES", "node_key", "to_networkx"]

#: exokg entity classes whose instances are not nodes of the view (unless a statement
#: links them).
NON_ENTITY_CLASSES = frozenset({"Publication"})
_KNOWN_PREDICATE_LABELS = {"RO:0002607": "is marker for", "RO:0002211": "regulates",
                           "RO:0002212": "negatively regulates",
                           "RO:0002213": "positively regulates", "BFO:0000051": "has part"}


def _curie(iri: str) -> str:
    try:
        return compress(iri)
    except IdentifierError:
        return iri


def node_key(term: Node) -> str:
    """The node key of an RDF term: its CURIE (or IRI when no prefix covers it); for a
    literal, its N-Triples form.

    >>> node_key(URIRef("http://purl.obolibrary.org/obo/CL_0000134"))
    'CL:0000134'
    >>> node_key(Literal("Phase 1"))
    '"Phase 1"'
    """
    if isinstance(term, Literal):
        from exokg.export.ntriples import ox_term

        return str(ox_term(term))
    return _curie(str(term))


def _label(curie: str) -> str:
    """'biolink:in_clinical_trials_for' -> 'in clinical trials for'; 'exo:startDate' ->
    'start date'."""
    if curie in _KNOWN_PREDICATE_LABELS:
        return _KNOWN_PREDICATE_LABELS[curie]
    local = curie.split(":", 1)[-1].replace("_", " ")
    return "".join(f" {c.lower()}" if c.isupper() else c for c in local).strip()


def _as_graph(source: Graph | BuildResult | pyoxigraph.Store) -> Graph:
    if isinstance(source, Graph):
        return source
    graph = getattr(source, "graph", None)
    if isinstance(graph, Graph):
        return graph
    dump = getattr(source, "dump", None)
    if callable(dump):  # a pyoxigraph Store: read its default graph
        import pyoxigraph

        data = dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph())
        return Graph().parse(data=data.decode("utf-8"), format="nt")
    raise TypeError(f"expected an rdflib Graph, a BuildResult or a pyoxigraph Store, "
                    f"not {type(source).__name__}")


def _class_name(types: list[Node]) -> str | None:
    names = sorted(str(t)[len(str(EXO)):] for t in types if str(t).startswith(str(EXO)))
    return names[0] if names else None


def _join(values: list[Node]) -> str:
    return "|".join(sorted(node_key(v) for v in values))


def to_networkx(source: Graph | BuildResult | pyoxigraph.Store) -> nx.MultiDiGraph:
    """The NetworkX view of a built graph (see the module docstring for its attributes).

    Args:
        source: an rdflib Graph, a :class:`~exokg.pipeline.BuildResult` (its ``graph``), or a
            pyoxigraph Store holding the graph in its default graph.

    Raises:
        TypeError: ``source`` is none of these.
    """
    graph = _as_graph(source)
    nodes: dict[str, dict[str, Any]] = {}

    def add_node(term: Node) -> str:
        key = node_key(term)
        if key in nodes:
            return key
        if isinstance(term, Literal):
            nodes[key] = {"label": str(term), "category": "Value"}
            if term.datatype is not None:
                nodes[key]["datatype"] = _curie(str(term.datatype))
            return key
        attrs: dict[str, Any] = {"curie": key, "iri": str(term)}
        label = graph.value(term, RDFS.label)
        attrs["label"] = str(label) if label is not None else key
        category = _class_name(list(graph.objects(term, RDF.type)))
        if category:
            attrs["category"] = category
        nodes[key] = attrs
        return key

    for subject, cls in graph.subject_objects(RDF.type):
        name = _class_name([cls])
        if isinstance(subject, URIRef) and name in ENTITY_CLASSES and \
                name not in NON_ENTITY_CLASSES:
            add_node(subject)

    edges: list[tuple[str, str, str, dict[str, Any]]] = []
    for statement in graph.subjects(RDF.type, EXO.Statement):
        values: dict[Node, list[Node]] = defaultdict(list)
        for p, o in graph.predicate_objects(statement):
            values[p].append(o)
        if not (values[RDF.subject] and values[RDF.predicate] and values[RDF.object]):
            continue
        key = node_key(statement)
        predicate = node_key(values[RDF.predicate][0])
        attrs: dict[str, Any] = {
            "statement": key, "predicate": predicate, "label": _label(predicate),
            "negated": any(o.toPython() is True for o in values[EXO.negated]),
            "hedged": any(o.toPython() is True for o in values[EXO.hedged]),
            "claim_status": "|".join(sorted(str(v) for v in values[EXO.claimStatus])),
            "evidence_count": int(values[EXO.evidenceCount][0].toPython())
            if values[EXO.evidenceCount] else 0,
        }
        for name, prop in (("direction", EXO.direction), ("aspect", EXO.aspect),
                           ("species", EXO.species), ("model", EXO.model)):
            if values[prop]:
                attrs[name] = _join(values[prop]) if name in ("species", "model") \
                    else "|".join(sorted(str(v) for v in values[prop]))
        edges.append((add_node(values[RDF.subject][0]), add_node(values[RDF.object][0]),
                      key, attrs))
    return assemble_view(nodes, edges)


def assemble_view(nodes: dict[str, dict[str, Any]],
                  edges: Iterable[tuple[str, str, str, dict[str, Any]]]) -> nx.MultiDiGraph:
    """The view of ``nodes`` (key -> attributes) and ``edges`` ((u, v, key, attributes)),
    added in a fixed order (nodes by key, edges by key then ends), so equal inputs give
    equal views whatever order they were read in."""
    view = nx.MultiDiGraph()
    for key in sorted(nodes):
        view.add_node(key, **nodes[key])
    for u, v, key, attrs in sorted(edges, key=lambda e: (e[2], e[0], e[1])):
        view.add_edge(u, v, key=key, **attrs)
    return view
