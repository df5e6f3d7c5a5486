"""Interactive, offline, safe HTML pages of exokg graphs (pyvis / vis-network).

* :func:`render_page` / :func:`write_page`: the page of a graph, or of one entity's
  neighbourhood (``focus=..., depth=...``);
* :func:`notebook_html`: the same page in a sandboxed ``<iframe srcdoc=...>`` for notebooks;
* :func:`graph_view` / :func:`build_view`: what is drawn, as plain records.

Names are imported on first use, so importing this package (e.g. by the CLI) costs nothing.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__all__ = [
    "EntityNotFoundError",
    "GraphView",
    "build_view",
    "content_security_policy",
    "graph_view",
    "notebook_html",
    "render_html",
    "render_page",
    "write_page",
]

_WHERE = {
    "EntityNotFoundError": "exokg.viz.view",
    "GraphView": "exokg.viz.view",
    "build_view": "exokg.viz.view",
    "content_security_policy": "exokg.viz.page",
    "render_html": "exokg.viz.page",
    "graph_view": "exokg.viz.api",
    "notebook_html": "exokg.viz.api",
    "render_page": "exokg.viz.api",
    "write_page": "exokg.viz.api",
}

if TYPE_CHECKING:  # pragma: no cover
    from exokg.viz.api import graph_view, notebook_html, render_page, write_page
    from exokg.viz.page import content_security_policy, render_html
    from exokg.viz.view import EntityNotFoundError, GraphView, build_view


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'exokg.viz' has no attribute {name!r}")
