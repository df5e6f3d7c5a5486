"""Querying the graph: the notebook API, the named SPARQL queries and the query sandbox.

* :func:`load` opens a built graph as a :class:`KnowledgeGraph` (``exokg.load`` is the same
  function);
* :mod:`exokg.query.library` reads the named queries (``queries/*.rq``);
* :mod:`exokg.query.safety` and :mod:`exokg.query.sandbox` check and run user SPARQL.

Names are imported on first use, so importing this package costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["KnowledgeGraph", "load"]

if TYPE_CHECKING:  # pragma: no cover
    from exokg.query.api import KnowledgeGraph, load


def __getattr__(name: str) -> Any:
    if name in __all__:
        from exokg.query import api

        return getattr(api, name)
    raise AttributeError(f"module 'exokg.query' has no attribute {name!r}")
