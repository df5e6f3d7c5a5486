"""Draw a named query's result: the entities and statements it returns.

The query runs through the notebook API (:mod:`exokg.query.api`: checked, sandboxed, time
limited). Every IRI in the result that is drawn in the whole-graph page is kept: statements
(their two ends come along) and entities. When the result names statements, only those
statements are drawn between the kept entities (plus composition links); otherwise every
statement between them is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from exokg.errors import ExokgError
from exokg.viz.api import _rdf_graph
from exokg.viz.view import GraphView, build_view

__all__ = ["QueryNotAvailableError", "query_view"]


class QueryNotAvailableError(ExokgError):
    """The named-query library is not installed with this copy of exokg."""


def query_view(source: Any, name: str, params: Mapping[str, Any] | None = None, *,
               title: str | None = None) -> GraphView:
    """The sub-view of what a named query returns, run on ``source``'s graph.

    Args:
        source: an rdflib Graph, a BuildResult or an object holding one (e.g. a
            :class:`~exokg.query.api.KnowledgeGraph`, whose own store is then queried).
        name: a named query (``exokg queries`` lists them).
        params: the query's parameters, as for ``kg.ask(name, **params)``.
        title: page title (default: names the query).

    Raises:
        QueryError: unknown query, bad parameters, or the query failed.
        ExokgError: the result contains nothing that can be drawn.
        QueryNotAvailableError: exokg.query is not installed.
    """
    try:
        from exokg.query.api import KnowledgeGraph, load
        from exokg.query._worker import URI
    except ImportError:  # pragma: no cover - the library ships with exokg
        raise QueryNotAvailableError("--query is not available: exokg.query is missing") \
            from None
    graph = _rdf_graph(source)
    if isinstance(source, KnowledgeGraph):
        table = source.run(name, dict(params or {}))
    else:
        with load(graph) as kg:
            table = kg.run(name, dict(params or {}))
    iris = {term[1] for row in table.rows for term in row if term and term[0] == URI}
    view = build_view(graph)
    statements = [e for e in view.edges if e.id in iris]
    keep = {n for n in view.nodes if n in iris}
    for e in statements:
        keep.update((e.source, e.target))
    if not keep:
        raise ExokgError(f"the result of query {name!r} ({len(table.rows)} rows) names no "
                         "entity or statement of the graph: nothing to draw")
    described = ", ".join(f"{k}={v}" for k, v in (params or {}).items())
    sub = view.subview(keep, title or f"exokg: query {name}" +
                       (f" ({described})" if described else ""))
    if statements:
        wanted = {e.id for e in statements}
        sub.edges = [e for e in sub.edges if e.id in wanted or not e.statement]
    return sub
