"""The NetworkX view of a store, read by SPARQL: entity-level nodes and statement edges only.

:func:`exokg.graph.nx.to_networkx` walks an rdflib Graph; on a store that means reading
every triple into rdflib first (24 s for a 5,000-abstract store, most of it evidence
sentences and documents the view does not use). Here two SPARQL queries read only what
the view holds, through the store's query worker (or a remote endpoint):

* nodes: every instance of an entity class (publications left out) and every statement
  end, with its exokg classes and label;
* edges: every statement with subject, predicate, object, negated, hedged, claim status,
  evidence count, direction, aspect, species and model.

The view is the same graph, attribute for attribute and in the same order, as
:func:`exokg.graph.nx.to_networkx` makes from the rdflib Graph (``tests/test_views.py``).

:func:`neighbourhood_view` reads only the part of the graph within some edges of an entity:
one query per step out from it, bound to the nodes reached so far.

A store generation written by exokg also keeps this view in a file
(:mod:`exokg.graph.viewdb`, made with :func:`store_view` and :func:`context_labels` when the
generation is written); ``kg.to_networkx()`` and ``kg.neighbourhood()`` read that file
first and come here only without it (a SPARQL endpoint, an older store).
"""

from __future__ import annotations

import io
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from exokg.query._worker import BNODE, LANG_STRING, STRING, TRIPLE, TYPED, URI

if TYPE_CHECKING:
    import networkx as nx

    from exokg.query.api import KnowledgeGraph

__all__ = ["MAX_WALK_NODES", "context_labels", "is_node", "networkx_view",
           "neighbourhood_view", "node_of_term", "store_view", "store_view_parts",
           "view_parts"]

EXO = "https://w3id.org/exokg/vocab/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
Term = tuple  # type: ignore[type-arg]  # see exokg.query._worker.encode_term

#: the instances of the entity classes (``%(classes)s``), with their exokg types and labels
_ENTITIES = """
SELECT ?node ?type ?label WHERE {
  VALUES ?class { %(classes)s }
  ?node a ?class .
  ?node a ?type FILTER(STRSTARTS(STR(?type), STR(exo:)))
  OPTIONAL { ?node rdfs:label ?label }
}"""

#: types and labels of given nodes (``%(nodes)s``), first in the group so that the
#: optimizer starts from them
_DESCRIBE = """
SELECT ?node ?type ?label WHERE {
  VALUES ?node { %(nodes)s }
  OPTIONAL { ?node a ?type FILTER(STRSTARTS(STR(?type), STR(exo:))) }
  OPTIONAL { ?node rdfs:label ?label }
}"""

#: whether a node is part of the view: an entity, or the end of a statement
_IS_NODE = """
SELECT ?node WHERE {
  VALUES ?node { %(node)s }
  { VALUES ?class { %(classes)s } ?node a ?class }
  UNION { ?statement rdf:subject ?node } UNION { ?statement rdf:object ?node }
} LIMIT 1"""

# one row per statement (and combination of multi-valued core properties: usually one);
# the core properties are required (every statement has them: exokg.graph.rdf)
_EDGES = """
SELECT ?statement ?subject ?predicate ?object ?negated ?hedged ?count WHERE {
  %(start)s
  ?statement rdf:subject ?subject ; rdf:predicate ?predicate ; rdf:object ?object ;
      exo:negated ?negated ; exo:hedged ?hedged ; exo:evidenceCount ?count ;
      a exo:Statement .
}"""
#: the optional attributes of every statement, one row per value (a second query rather
#: than OPTIONALs on the first: Oxigraph answers the two in about 80% of the time of one
#: query with five OPTIONALs)
_ATTRIBUTES = """
SELECT ?statement ?attribute ?value WHERE {
  %(start)s
  VALUES ?attribute { exo:direction exo:aspect exo:species exo:model exo:claimStatus }
  ?statement ?attribute ?value .
}"""
#: the same in one query with OPTIONALs, for statements given by a VALUES block (the
#: neighbourhood's batches): there the attribute query's plan read every triple
_EDGES_OF = """
SELECT ?statement ?subject ?predicate ?object ?negated ?hedged ?count ?direction ?aspect
       ?species ?model ?status WHERE {
  %(start)s
  ?statement rdf:subject ?subject ; rdf:predicate ?predicate ; rdf:object ?object ;
      exo:negated ?negated ; exo:hedged ?hedged ; exo:evidenceCount ?count ;
      a exo:Statement .
  OPTIONAL { ?statement exo:direction ?direction }
  OPTIONAL { ?statement exo:aspect ?aspect }
  OPTIONAL { ?statement exo:species ?species }
  OPTIONAL { ?statement exo:model ?model }
  OPTIONAL { ?statement exo:claimStatus ?status }
}"""
_ATTRIBUTE_NAMES = {EXO + "direction": "direction", EXO + "aspect": "aspect",
                    EXO + "species": "species", EXO + "model": "model",
                    EXO + "claimStatus": "status"}

#: the statements with one of the nodes ``%(nodes)s`` as subject or object (this form, a
#: union of single patterns after the VALUES, lets Oxigraph start from the nodes; with
#: ``?statement ?role ?node`` it read every statement first)
_TOUCHING = ("VALUES ?node { %(nodes)s } { ?statement rdf:subject ?node } UNION "
             "{ ?statement rdf:object ?node }")
#: the statements touching one of the nodes ``%(nodes)s``: their ends and negation only
#: (enough to walk the graph; the attributes are read for the edges kept)
_LINKS = """
SELECT ?statement ?subject ?object ?negated WHERE {
  VALUES ?node { %(nodes)s }
  { ?statement rdf:subject ?node } UNION { ?statement rdf:object ?node }
  ?statement rdf:subject ?subject ; rdf:object ?object ; exo:negated ?negated ;
      a exo:Statement .
}"""

#: the labels of the species and models that anything is stated in
_CONTEXT_LABELS = """
SELECT DISTINCT ?term ?label WHERE { ?st exo:species|exo:model ?term . ?term rdfs:label ?label }"""

#: nodes per query: Oxigraph's plan turns from index lookups to a scan of every statement
#: somewhere above a few hundred VALUES rows
_BATCH = 200


def _entity_classes() -> str:
    from exokg.graph.nx import NON_ENTITY_CLASSES
    from exokg.vocabulary import ENTITY_CLASSES

    return " ".join(f"exo:{name}" for name in sorted(ENTITY_CLASSES - NON_ENTITY_CLASSES))


def _sparql(term: Term) -> str:
    from exokg.query.binding import sparql_term

    return sparql_term(term)


@lru_cache(maxsize=1 << 16)
def _iri_key(iri: str) -> str:
    """The CURIE of an IRI, or the IRI (memoised: compressing is the slow part of reading
    a large view, and the same entities recur on every edge)."""
    from exokg.graph.nx import _curie

    return _curie(iri)


def node_of_term(term: Term) -> str:
    """The node key of a term tuple: its CURIE (or IRI), or a literal's N-Triples form (as
    :func:`exokg.graph.nx.node_key`)."""
    if term[0] == URI:
        return _iri_key(term[1])
    return _sparql(term)


def _true(term: Term | None) -> bool:
    return term is not None and term[0] == TYPED and term[1] in ("true", "1")


def _text(term: Term) -> str:
    return term[1]


def _rows(kg: KnowledgeGraph, text: str, timeout: float | None) -> Iterable[tuple]:  # type: ignore[type-arg]
    """All rows of one of this module's queries (fixed text; values serialised by
    pyoxigraph, so the safety check of user queries is not needed), read as SPARQL TSV
    results: Oxigraph writes them without a Python object per term, which is most of the
    cost of reading tens of thousands of statements. The rows are made one at a time as
    they are iterated (a list of every row of every statement was most of the memory of
    reading the view at 100,000 abstracts); iterate them once."""
    run_tsv = getattr(kg._sandbox, "run_tsv", None)
    if run_tsv is None:
        return kg._execute(text, {}, timeout, sys.maxsize, "networkx view").rows
    return tsv_iter(run_tsv(with_prefixes(text), timeout=timeout or kg.timeout))


_XSD = "http://www.w3.org/2001/XMLSchema#"
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.DOTALL)
_SIMPLE_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"',
                   "'": "'", "\\": "\\"}
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?[0-9]*\.[0-9]+")


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        if match.group(1) or match.group(2):
            return chr(int(match.group(1) or match.group(2), 16))
        return _SIMPLE_ESCAPES.get(match.group(3), match.group(3))

    return _ESCAPE.sub(replace, text)


@lru_cache(maxsize=1 << 16)
def tsv_term(text: str) -> Term | None:
    """A term tuple from one cell of SPARQL TSV results (Turtle syntax; empty: unbound).
    Memoised: entities, predicates, flags and counts recur on every statement.

    >>> tsv_term("<http://a.org/x>"), tsv_term(""), tsv_term("true"), tsv_term("7")
    ((0, 'http://a.org/x'), None, (3, 'true', 'http://www.w3.org/2001/XMLSchema#boolean'), (3, '7', 'http://www.w3.org/2001/XMLSchema#integer'))
    >>> tsv_term('"say \\"hi\\""@en'), tsv_term('"2"^^<http://a.org/t>'), tsv_term('"x"')
    ((2, 'say "hi"', 'en'), (3, '2', 'http://a.org/t'), (1, 'x'))
    """
    if not text:
        return None
    first = text[0]
    if first == "<" and not text.startswith("<<"):
        return (URI, text[1:-1])
    if first == '"':
        end = text.rfind('"')
        value, rest = _unescape(text[1:end]), text[end + 1:]
        if not rest:
            return (STRING, value)
        if rest[0] == "@":
            return (LANG_STRING, value, rest[1:])
        datatype = rest[3:-1]  # ^^<...>
        return (STRING, value) if datatype == _XSD + "string" else (TYPED, value, datatype)
    if text.startswith("_:"):
        return (BNODE, text[2:])
    if text in ("true", "false"):
        return (TYPED, text, _XSD + "boolean")
    if _INTEGER.fullmatch(text):
        return (TYPED, text, _XSD + "integer")
    if _DECIMAL.fullmatch(text):
        return (TYPED, text, _XSD + "decimal")
    if text[0] in "+-.0123456789":
        return (TYPED, text, _XSD + "double")
    return (TRIPLE, text)


def tsv_iter(data: bytes) -> Iterator[tuple]:  # type: ignore[type-arg]
    """The rows of SPARQL TSV results as tuples of term tuples (the header line dropped),
    made one line at a time: the rows of :func:`tsv_rows` without holding them all."""
    lines = io.BytesIO(data)
    next(lines, None)  # the header
    for raw in lines:
        line = raw.decode("utf-8").rstrip("\n")
        if line:
            yield tuple(tsv_term(cell) for cell in line.split("\t"))


def tsv_rows(data: bytes) -> list[tuple]:  # type: ignore[type-arg]
    """The rows of SPARQL TSV results as tuples of term tuples (the header line dropped)."""
    lines = data.decode("utf-8").split("\n")
    return [tuple(tsv_term(cell) for cell in line.split("\t")) for line in lines[1:] if line]


def with_prefixes(text: str) -> str:
    """The text with exokg's default prefixes declared (a TSV read bypasses the
    sandbox's prefix option on a remote endpoint)."""
    from exokg.query.api import DEFAULT_PREFIXES
    from exokg.query.remote import with_prefixes as declare

    return declare(text, DEFAULT_PREFIXES)


def _node_attrs(rows: Iterable[tuple]) -> dict[str, dict[str, Any]]:  # type: ignore[type-arg]
    """Node key -> attributes from (node, type, label) rows."""
    types: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, str] = {}
    iris: dict[str, str] = {}
    for node, type_, label in rows:
        key = node_of_term(node)
        iris[key] = node[1]
        if type_ is not None:
            types[key].add(type_[1][len(EXO):])
        if label is not None:
            labels[key] = min(labels.get(key, label[1]), label[1])
    nodes: dict[str, dict[str, Any]] = {}
    for key, iri in iris.items():
        attrs: dict[str, Any] = {"curie": key, "iri": iri, "label": labels.get(key, key)}
        if types[key]:
            attrs["category"] = sorted(types[key])[0]
        nodes[key] = attrs
    return nodes


def _describe(kg: KnowledgeGraph, terms: Iterable[Term], timeout: float | None
              ) -> dict[str, dict[str, Any]]:
    """Node key -> attributes of the given IRIs."""
    values = sorted({_sparql(t) for t in terms if t[0] == URI})
    rows = []
    for first in range(0, len(values), _BATCH):
        text = _DESCRIBE % {"nodes": " ".join(values[first:first + _BATCH])}
        rows += _rows(kg, text, timeout)
    return _node_attrs(rows)


def _value_node(term: Term) -> dict[str, Any]:
    from exokg.graph.nx import _curie

    attrs: dict[str, Any] = {"label": term[1], "category": "Value"}
    if term[0] == TYPED:
        attrs["datatype"] = _curie(term[2])
    return attrs


def _add(entry: dict[str, Any], name: str, value: str) -> None:
    """Add ``value`` to the set ``name`` of an edge's entry (made when first needed)."""
    values = entry.get(name)
    if values is None:
        entry[name] = {value}
    else:
        values.add(value)


def _edges(kg: KnowledgeGraph, start: str, include_negated: bool, timeout: float | None
           ) -> dict[str, tuple[Term, Term, dict[str, Any]]]:
    """Statement key -> (subject term, object term, edge attributes)."""
    if start:  # a batch of statements: one query with OPTIONALs
        rows = _rows(kg, _EDGES_OF % {"start": start}, timeout)
        attributes: Iterable[tuple] = ()  # type: ignore[type-arg]
    else:  # every statement: the core, then the attributes by a second query
        rows = (row + (None,) * 5 for row in _rows(kg, _EDGES % {"start": ""}, timeout))
        attributes = _rows(kg, _ATTRIBUTES % {"start": ""}, timeout)
    return edge_attributes(edge_entries(rows, attributes), include_negated)


def edge_entries(rows: Iterable[tuple], attributes: Iterable[tuple]  # type: ignore[type-arg]
                 ) -> dict[str, dict[str, Any]]:
    """Statement key -> what the view keeps of it, from the rows of :data:`_EDGES_OF` (or of
    :data:`_EDGES` padded with five unbound cells) and of :data:`_ATTRIBUTES` (term tuples;
    the attributes of a statement without a row of the first kind are dropped); a
    statement's subject, object and predicate are those of its first row."""
    found: dict[str, dict[str, Any]] = {}
    for statement, subject, predicate, obj, neg, hedged, count, direction, aspect, species, \
            model, status in rows:
        key = node_of_term(statement)
        entry = found.get(key)
        if entry is None:
            # the value sets (direction, aspect, species, model, status) are made when a
            # value comes: most statements have one or two of them
            entry = found[key] = {"subject": subject, "object": obj,
                                  "predicate": node_of_term(predicate), "negated": False,
                                  "hedged": False, "count": None}
        entry["negated"] |= _true(neg)
        entry["hedged"] |= _true(hedged)
        if count is not None and entry["count"] is None:
            entry["count"] = int(count[1])
        if status is not None:
            _add(entry, "status", _text(status))
        for name, term in (("direction", direction), ("aspect", aspect)):
            if term is not None:
                _add(entry, name, _text(term))
        for name, term in (("species", species), ("model", model)):
            if term is not None:
                _add(entry, name, node_of_term(term))
    for statement, attribute, value in attributes:
        entry = found.get(node_of_term(statement))
        name = _ATTRIBUTE_NAMES.get(attribute[1])
        if entry is None or name is None:  # not a complete statement
            continue
        _add(entry, name,
             node_of_term(value) if name in ("species", "model") else _text(value))
    return found


def edge_attributes(found: dict[str, dict[str, Any]], include_negated: bool,
                    labels: dict[str, str] | None = None
                    ) -> dict[str, tuple[Term, Term, dict[str, Any]]]:
    """Statement key -> (subject term, object term, edge attributes) of the entries of
    :func:`edge_entries` (negated statements left out unless ``include_negated``);
    ``labels``: the predicates' labels made so far (filled on the way)."""
    from exokg.graph.nx import _label

    edges = {}
    if labels is None:
        labels = {}  # a handful of predicates on thousands of edges
    for key, entry in found.items():
        if entry["negated"] and not include_negated:
            continue
        predicate = entry["predicate"]
        if predicate not in labels:
            labels[predicate] = _label(predicate)
        attrs: dict[str, Any] = {
            "statement": key, "predicate": predicate,
            "label": labels[predicate], "negated": entry["negated"],
            "hedged": entry["hedged"], "claim_status": "|".join(sorted(entry.get("status", ()))),
            "evidence_count": entry["count"] or 0}
        for name in ("direction", "aspect", "species", "model"):
            if entry.get(name):
                attrs[name] = "|".join(sorted(entry[name]))
        edges[key] = (entry["subject"], entry["object"], attrs)
    return edges


def _assemble(nodes: dict[str, dict[str, Any]],
              edges: Iterable[tuple[str, str, str, dict[str, Any]]]) -> nx.MultiDiGraph:
    from exokg.graph.nx import assemble_view

    return assemble_view(nodes, edges)


def _endpoint(term: Term, nodes: dict[str, dict[str, Any]]) -> str:
    key = node_of_term(term)
    if key not in nodes and term[0] in (STRING, LANG_STRING, TYPED):
        nodes[key] = _value_node(term)
    return key


def view_parts(kg: KnowledgeGraph, *, include_negated: bool = True,
               timeout: float | None = None,
               edges: dict[str, tuple[Term, Term, dict[str, Any]]] | None = None
               ) -> tuple[dict[str, dict[str, Any]], list[tuple[str, str, str, dict[str, Any]]]]:
    """The nodes (key -> attributes) and edges ((subject key, object key, statement key,
    attributes), in no particular order) of the NetworkX view of ``kg``'s store, read with
    two SPARQL queries (three when a statement links something that is no entity; with
    ``edges``, the statements' edges as :func:`edge_attributes` makes them, not read), before
    they are put into a graph: :func:`networkx_view` makes the graph of them, the view file
    (:func:`exokg.graph.viewdb.write_view_file`) writes them without one.

    Raises:
        QueryError: a query failed or ran past the time limit.
    """
    nodes = _node_attrs(_rows(kg, _ENTITIES % {"classes": _entity_classes()}, timeout))
    if edges is None:
        edges = _edges(kg, "", include_negated, timeout)
    ends = {node_of_term(t): t for s, o, _ in edges.values() for t in (s, o)}
    nodes.update(_describe(kg, (t for k, t in ends.items() if k not in nodes), timeout))
    listed = [(_endpoint(s, nodes), _endpoint(o, nodes), key, attrs)
              for key, (s, o, attrs) in edges.items()]
    return nodes, listed


def networkx_view(kg: KnowledgeGraph, *, include_negated: bool = True,
                  timeout: float | None = None) -> nx.MultiDiGraph:
    """The NetworkX view of ``kg``'s store (see :mod:`exokg.graph.nx` for its nodes, edges
    and attributes), read with two SPARQL queries (three when a statement links something
    that is no entity).

    Raises:
        QueryError: a query failed or ran past the time limit.
    """
    return _assemble(*view_parts(kg, include_negated=include_negated, timeout=timeout))


def context_labels(kg: KnowledgeGraph, timeout: float | None = None) -> dict[str, str]:
    """Node key -> label of the species and models that statements (or anything) are
    stated in (the smallest label of each), for readable rows beside the view.

    Raises:
        QueryError: the query failed or ran past the time limit.
    """
    labels: dict[str, str] = {}
    for term, label in _rows(kg, _CONTEXT_LABELS, timeout):
        if term is None or label is None or term[0] != URI:
            continue
        key = node_of_term(term)
        labels[key] = min(labels.get(key, label[1]), label[1])
    return labels


def is_node(kg: KnowledgeGraph, term: Term, timeout: float | None = None) -> bool:
    """Whether ``term`` is a node of the view: an entity, or the end of a statement."""
    text = _IS_NODE % {"node": _sparql(term), "classes": _entity_classes()}
    return any(True for _ in _rows(kg, text, timeout))


def _batches(terms: Iterable[Term]) -> Iterator[str]:
    values = sorted({_sparql(t) for t in terms})
    for first in range(0, len(values), _BATCH):
        yield " ".join(values[first:first + _BATCH])


#: a neighbourhood that reaches more nodes than this is cut from the whole view instead
#: (one read of every statement beats many batches of a few hundred nodes)
MAX_WALK_NODES = 1500


def neighbourhood_view(kg: KnowledgeGraph, centre: Term, depth: int, *,
                       include_negated: bool = True, timeout: float | None = None,
                       max_nodes: int = MAX_WALK_NODES) -> nx.MultiDiGraph | None:
    """The statements within ``depth`` edges of ``centre`` (edges followed in either
    direction) and their ends: the subgraph of the claims view induced by the nodes within
    ``depth`` steps.

    Walks out from the centre one step per query batch, reading only each statement's ends
    (``depth + 1`` steps), then reads the attributes of the statements kept and of the
    nodes reached. Returns an empty graph when ``centre`` is not a node of the view
    (:func:`is_node`), and None when the walk reaches more than ``max_nodes`` nodes: the
    caller should then cut the neighbourhood from the whole view.

    Raises:
        ValueError: ``depth`` is negative.
        QueryError: a query failed or ran past the time limit.
    """
    import networkx as nx

    if depth < 0:
        raise ValueError("depth must be 0 or more")
    if not is_node(kg, centre, timeout):
        return nx.MultiDiGraph()
    reached: dict[str, Term] = {node_of_term(centre): centre}
    frontier = dict(reached)
    links: dict[str, tuple[Term, Term, Term]] = {}  # statement key -> (statement, s, o)
    for step in range(depth + 1):
        if not frontier:
            break
        new: dict[str, Term] = {}
        for values in _batches(frontier.values()):
            for statement, s, o, negated in _rows(kg, _LINKS % {"nodes": values}, timeout):
                if _true(negated) and not include_negated:
                    continue
                links[node_of_term(statement)] = (statement, s, o)
                if step == depth:
                    continue
                for term in (s, o):
                    node = node_of_term(term)
                    if node not in reached:
                        new[node] = term
        reached.update(new)
        if len(reached) > max_nodes:
            return None
        frontier = new
    kept = [statement for statement, s, o in links.values()
            if node_of_term(s) in reached and node_of_term(o) in reached]
    edges: dict[str, tuple[Term, Term, dict[str, Any]]] = {}
    for values in _batches(kept):
        edges.update(_edges(kg, f"VALUES ?statement {{ {values} }}", include_negated,
                            timeout))
    nodes = _describe(kg, reached.values(), timeout)
    for key, term in reached.items():
        if key not in nodes and term[0] != URI:
            nodes[key] = _value_node(term)
    listed = [(node_of_term(s), node_of_term(o), key, attrs)
              for key, (s, o, attrs) in edges.items()]
    return _assemble(nodes, listed)


class _StoreQueries:
    """Runs this module's queries on a ``pyoxigraph.Store`` (optionally over the union of
    ``graphs``), with results as SPARQL TSV, as the API's query worker does."""

    def __init__(self, store: Any, graphs: list[Any] | None) -> None:
        self.store, self.graphs = store, graphs

    def run_tsv(self, text: str, timeout: float | None = None) -> bytes:
        import pyoxigraph

        found = self.store.query(text, default_graph=self.graphs) if self.graphs else \
            self.store.query(text)
        return found.serialize(format=pyoxigraph.QueryResultsFormat.TSV)


class _StoreSource:
    """What :func:`networkx_view` reads of a :class:`~exokg.query.api.KnowledgeGraph`."""

    timeout = None

    def __init__(self, store: Any, graphs: list[Any] | None) -> None:
        self._sandbox = _StoreQueries(store, graphs)


def store_context_labels(store: Any, graphs: list[Any] | None = None) -> dict[str, str]:
    """:func:`context_labels` of the graph in a ``pyoxigraph.Store`` (its default graph, or
    the union of ``graphs``)."""
    source: Any = _StoreSource(store, graphs)
    return context_labels(source)


def store_view_parts(store: Any, graphs: list[Any] | None = None,
                     edges: dict[str, tuple[Term, Term, dict[str, Any]]] | None = None
                     ) -> tuple[dict[str, dict[str, Any]],
                                list[tuple[str, str, str, dict[str, Any]]]]:
    """:func:`view_parts` of the graph in a ``pyoxigraph.Store`` (its default graph, or the
    union of ``graphs``): the nodes and edges of :func:`store_view` without the graph
    (``edges``: the statements' edges read already, e.g. from a build's statement rows
    file by :func:`exokg.query.view_rows.rows_edges`; the nodes are read from the store)."""
    source: Any = _StoreSource(store, graphs)
    return view_parts(source, edges=edges)


def store_view(store: Any, graphs: list[Any] | None = None, *,
               include_negated: bool = True) -> nx.MultiDiGraph:
    """The NetworkX view of the graph in a ``pyoxigraph.Store`` (its default graph, or the
    union of ``graphs``), read by SPARQL as :func:`networkx_view` reads it through the API:
    the same graph :func:`exokg.graph.nx.to_networkx` makes from rdflib."""
    source: Any = _StoreSource(store, graphs)
    return networkx_view(source, include_negated=include_negated)
