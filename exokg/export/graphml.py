"""GraphML of the NetworkX view (:func:`exokg.graph.nx.to_networkx`), for Cytoscape, Gephi
and yEd.

Node attributes: ``curie``, ``iri``, ``label``, ``category`` (and ``datatype`` for literal
values); edge attributes: ``statement``, ``predicate``, ``label``, ``negated``, ``hedged``,
``evidence_count``, and when stated ``direction``, ``aspect``, ``species``, ``model``.
Edge ids are the statement CURIEs. Written with NetworkX's pure-Python GraphML writer (the
same bytes whether or not lxml is installed); nodes and edges come sorted from the view.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
from rdflib import Graph

from exokg.export.atomic import write_bytes
from exokg.graph.nx import to_networkx

if TYPE_CHECKING:
    import pyoxigraph

    from exokg.pipeline import BuildResult

__all__ = ["to_graphml", "write_graphml"]


def to_graphml(source: Graph | BuildResult | pyoxigraph.Store | nx.MultiDiGraph) -> bytes:
    """GraphML (UTF-8) of a built graph, or of a view made by
    :func:`~exokg.graph.nx.to_networkx`."""
    view = source if isinstance(source, nx.MultiDiGraph) else to_networkx(source)
    buffer = io.BytesIO()
    nx.write_graphml_xml(view, buffer, encoding="utf-8", prettyprint=True,
                         named_key_ids=False, edge_id_from_attribute="statement")
    data = buffer.getvalue()
    return data if data.endswith(b"\n") else data + b"\n"


def write_graphml(source: Graph | BuildResult | pyoxigraph.Store | nx.MultiDiGraph,
                  path: str | Path) -> None:
    """Write :func:`to_graphml` of ``source`` to ``path`` atomically."""
    write_bytes(path, to_graphml(source))
