"""The HTML page of a large build, drawn from its store with bounded memory.

A build of more than :data:`~exokg.pipeline.RDFLIB_MAX_DOCUMENTS` documents never holds its
whole graph in rdflib, and a page of hundreds of thousands of relations could not be read
anyway. Its page draws the ``limit`` best-supported statements (most evidence first, ties by
IRI, so the page is the same for the same store) with everything they describe: the triples
of each statement node and, up to :data:`DEPTH` links away, of the nodes they point to
(subjects and objects, their components, evidence, sentences, documents, publications);
of a statement's evidence only the ones the page lists (the first
:data:`~exokg.viz.view.MAX_EVIDENCE` by IRI) are read.
Classes, predicates and an entity's direct edges to other entities (the triples of its
claims) are not followed, so the description stays bounded by the number of statements
drawn, not by the size of the graph.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import pyoxigraph
from rdflib import Graph

from exokg.export.reader import rdflib_graph_of

__all__ = ["DEPTH", "PAGE_STATEMENTS", "page_graph", "page_html", "page_title"]

#: how many statements the page of a large build draws
PAGE_STATEMENTS = 2000
#: how many links away from a drawn statement its description is read
DEPTH = 4

_EXO = "https://w3id.org/exokg/vocab/"  # exokg.graph.rdf.EXO
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
# objects of these predicates are vocabulary terms, not nodes of the graph to describe
_NOT_FOLLOWED = frozenset({f"{_RDF}type", f"{_RDF}predicate"})
_HAS_EVIDENCE = "https://w3id.org/biolink/vocab/has_evidence"
_EVIDENCE_COUNT = f"{_EXO}evidenceCount"


def _best_statements(store: pyoxigraph.Store, limit: int) -> list[pyoxigraph.NamedNode]:
    """The ``limit`` statements with the most evidence (``exo:evidenceCount``, most first,
    ties by IRI): what ``ORDER BY DESC(?n) STR(?statement) LIMIT`` gives, chosen here
    from the query's TSV rows with a heap (Oxigraph sorted every statement in memory
    first, the page's slowest step at 100,000 abstracts)."""
    import heapq

    query = f"""
        SELECT ?statement ?n WHERE {{
          ?statement a <{_EXO}Statement> ; <{_EXO}evidenceCount> ?n .
        }}"""
    data = store.query(query, use_default_graph_as_union=True).serialize(
        format=pyoxigraph.QueryResultsFormat.TSV)
    rows = (line.split(b"\t") for line in data.split(b"\n")[1:] if line)
    keyed = ((-_count(n), statement[1:-1].decode("utf-8")) for statement, n in rows
             if statement.startswith(b"<"))
    return [pyoxigraph.NamedNode(iri) for _, iri in heapq.nsmallest(int(limit), keyed)]


def _count(cell: bytes) -> int | float:
    """An evidence count from a TSV cell (a bare integer as Oxigraph writes
    ``xsd:integer``); anything else sorts after every count, as SPARQL's ``ORDER BY
    DESC`` puts values it cannot compare with numbers."""
    try:
        return int(cell)
    except ValueError:
        return float("-inf")


def _claim_predicates(store: pyoxigraph.Store) -> frozenset[str]:
    """The predicates statements are made with (``rdf:predicate`` values): an entity's
    direct edges, which lead from one entity to the next across the whole graph."""
    query = f"SELECT DISTINCT ?p WHERE {{ ?statement <{_RDF}predicate> ?p }}"
    return frozenset(row["p"].value for row in
                     store.query(query, use_default_graph_as_union=True))


def _shown_evidence(quads: list[pyoxigraph.Quad]) -> list[pyoxigraph.Quad]:
    """A node's triples without the evidence links the page does not show: of a statement
    with an evidence count, only its first :data:`~exokg.viz.view.MAX_EVIDENCE` evidence
    nodes by IRI (the ones :func:`~exokg.viz.view.build_view` keeps; the count is read
    from ``exo:evidenceCount``), so a statement with a thousand evidence sentences does not
    bring a thousand sentences, documents and publications into the page's graph."""
    from exokg.viz.view import MAX_EVIDENCE

    links = [q for q in quads if q.predicate.value == _HAS_EVIDENCE]
    if len(links) <= MAX_EVIDENCE or not all(
            isinstance(q.object, pyoxigraph.NamedNode) for q in links) or not any(
            q.predicate.value == _EVIDENCE_COUNT and isinstance(q.object, pyoxigraph.Literal)
            and q.object.value.isdigit() for q in quads):
        return quads
    kept = {q.object.value for q in sorted(links, key=lambda q: q.object.value)[:MAX_EVIDENCE]}
    return [q for q in quads if q.predicate.value != _HAS_EVIDENCE or q.object.value in kept]


def _described(store: pyoxigraph.Store, roots: list[pyoxigraph.NamedNode],
               keep: frozenset[str] | None = None) -> Iterator[tuple[Any, Any, Any]]:
    """The triples (subject, predicate, object: pyoxigraph terms) of the description, node
    by node (each node's once: a node is read once, and its triples in several graphs of
    the store are given once); with ``keep``, only the triples with one of those
    predicates (the nodes reached are the same)."""
    not_followed = _NOT_FOLLOWED | _claim_predicates(store)
    statements = set(roots)  # qualifiers of a statement (exo:route ...) are followed
    seen: set[object] = set(roots)
    frontier: list[object] = list(roots)
    literal = pyoxigraph.Literal
    for _ in range(DEPTH + 1):
        following: list[object] = []
        for node in frontier:
            skip = _NOT_FOLLOWED if node in statements else not_followed
            done: set[tuple[Any, Any]] = set()
            for quad in _shown_evidence(list(store.quads_for_pattern(
                    node, None, None, None))):  # type: ignore[arg-type]
                predicate, target = quad.predicate, quad.object
                if (predicate, target) in done:
                    continue
                done.add((predicate, target))
                name = predicate.value
                if keep is None or name in keep:
                    yield node, predicate, target
                if name in skip or isinstance(target, literal):
                    continue
                if target not in seen:
                    seen.add(target)
                    following.append(target)
        frontier = following


def page_graph(store: pyoxigraph.Store, limit: int = PAGE_STATEMENTS) -> Graph:
    """An rdflib Graph of the ``limit`` best-supported statements of ``store`` and what
    they describe (see the module docs); every statement when the store has no more."""
    return rdflib_graph_of(pyoxigraph.Triple(*triple)
                           for triple in _described(store, _best_statements(store, limit)))


def page_html(store: pyoxigraph.Store, statements: int, limit: int = PAGE_STATEMENTS) -> str:
    """The HTML page of the ``limit`` best-supported of the ``statements`` statements of
    ``store``: the page :func:`exokg.viz.render_page` draws of :func:`page_graph`, read
    without an rdflib Graph (:func:`exokg.viz.view.build_view_of`) and keeping only the
    triples the view reads (:data:`~exokg.viz.view.VIEW_PREDICATES`: not the authors,
    titles and abstracts of documents and publications, nor entities' direct edges)."""
    from exokg.export.reader import rdflib_term
    from exokg.viz.page import render_html
    from exokg.viz.view import VIEW_PREDICATES, build_view_of

    described = _described(store, _best_statements(store, limit), VIEW_PREDICATES)
    term = lru_cache(maxsize=1 << 16)(rdflib_term)  # subjects and predicates recur
    view = build_view_of((term(s), term(p), term(o)) for s, p, o in described)
    title = page_title(statements, limit)
    if title:
        view.title = title
    return render_html(view)


def page_title(statements: int, limit: int = PAGE_STATEMENTS) -> str | None:
    """The title of the page of a graph of ``statements`` statements drawn with ``limit``
    (None when nothing was left out)."""
    if statements <= limit:
        return None
    return (f"exokg evidence graph: the {limit:,} of {statements:,} statements with the "
            "most evidence")
