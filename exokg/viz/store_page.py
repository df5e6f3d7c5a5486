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
    query = f"""
        SELECT ?statement WHERE {{
          ?statement a <{_EXO}Statement> ; <{_EXO}evidenceCount> ?n .
        }} ORDER BY DESC(?n) STR(?statement) LIMIT {int(limit)}"""
    return [row["statement"] for row in store.query(query, use_default_graph_as_union=True)]


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
               keep: frozenset[str] | None = None) -> Iterator[pyoxigraph.Triple]:
    """The triples of the description, node by node (each node's once: a node is read once,
    and its triples in several graphs of the store are given once); with ``keep``, only the
    triples with one of those predicates (the nodes reached are the same)."""
    not_followed = _NOT_FOLLOWED | _claim_predicates(store)
    statements = set(roots)  # qualifiers of a statement (exo:route ...) are followed
    seen: set[object] = set(roots)
    frontier: list[object] = list(roots)
    for _ in range(DEPTH + 1):
        following: list[object] = []
        for node in frontier:
            triples: set[pyoxigraph.Triple] = set()
            for quad in _shown_evidence(list(store.quads_for_pattern(
                    node, None, None, None))):  # type: ignore[arg-type]
                triple = pyoxigraph.Triple(quad.subject, quad.predicate, quad.object)
                if triple in triples:
                    continue
                triples.add(triple)
                if keep is None or quad.predicate.value in keep:
                    yield triple
                target = quad.object
                skip = _NOT_FOLLOWED if node in statements else not_followed
                if quad.predicate.value in skip or isinstance(target, pyoxigraph.Literal):
                    continue
                if target not in seen:
                    seen.add(target)
                    following.append(target)
        frontier = following


def page_graph(store: pyoxigraph.Store, limit: int = PAGE_STATEMENTS) -> Graph:
    """An rdflib Graph of the ``limit`` best-supported statements of ``store`` and what
    they describe (see the module docs); every statement when the store has no more."""
    return rdflib_graph_of(_described(store, _best_statements(store, limit)))


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
    view = build_view_of((rdflib_term(t.subject), rdflib_term(t.predicate),
                          rdflib_term(t.object)) for t in described)
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
