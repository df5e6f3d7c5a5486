"""The functions the CLI, the exports and notebooks call: a graph in, a page out."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from rdflib import Graph

from exokg.export.atomic import write_bytes
from exokg.viz.page import render_html
from exokg.viz.view import GraphView, build_view

__all__ = ["graph_view", "notebook_html", "render_page", "write_page"]

DEFAULT_TITLE = "exokg evidence graph"


def _rdf_graph(source: Any) -> Graph:
    """The rdflib Graph of a Graph, a BuildResult, or any object holding one."""
    if isinstance(source, Graph):
        return source
    for attr in ("graph", "result", "rdf"):
        inner = getattr(source, attr, None)
        if inner is not None and inner is not source:
            try:
                return _rdf_graph(inner)
            except TypeError:
                continue
    raise TypeError(f"expected an rdflib Graph, a BuildResult or an object with .graph, "
                    f"not {type(source).__name__}")


def graph_view(source: Any, *, focus: str | None = None, depth: int = 1,
               title: str | None = None) -> GraphView:
    """The drawable view of a graph, or of one entity's neighbourhood.

    Args:
        source: an rdflib Graph, a :class:`~exokg.pipeline.BuildResult`, an object with a
            ``.graph``, or a :class:`GraphView`.
        focus: an entity's label, synonym, CURIE or IRI; None for the whole graph.
        depth: with ``focus``, how many edges away from it to draw.
        title: the page title (default: says what is drawn).

    Raises:
        EntityNotFoundError: ``focus`` names no drawn entity.
        ValueError: ``depth`` is negative.
        TypeError: ``source`` holds no graph.
    """
    view = source if isinstance(source, GraphView) else build_view(_rdf_graph(source))
    if focus is None:
        if title:
            view.title = title
        return view
    if depth < 0:
        raise ValueError("depth must be 0 or more")
    centres = view.find(focus)
    names = ", ".join(view.nodes[c].label for c in centres[:3])
    sub = view.neighbourhood(centres, depth)
    sub.title = title or f"exokg: {names} (depth {depth})"
    return sub


def render_page(source: Any, *, focus: str | None = None, depth: int = 1,
                title: str | None = None) -> str:
    """The self-contained HTML page of a graph (see :func:`graph_view` for the arguments)."""
    return render_html(graph_view(source, focus=focus, depth=depth, title=title))


def write_page(path: str | Path, source: Any, *, focus: str | None = None, depth: int = 1,
               title: str | None = None) -> Path:
    """Write the page of a graph to ``path`` (UTF-8, atomically); returns the path."""
    page = render_page(source, focus=focus, depth=depth, title=title)
    write_bytes(path, page.encode("utf-8"))
    return Path(path)


def notebook_html(kg_or_graph: Any, focus: str | None = None, depth: int = 1, *,
                  height: int = 640, title: str | None = None, mode: str = "auto") -> str:
    """The graph for a notebook's HTML output: light (a static SVG drawing) or full (the
    interactive page in an ``<iframe>``).

    The full page goes in ``srcdoc`` (escaped), inside a sandbox that allows its scripts,
    downloads and opening links in a new tab, and nothing else: the notebook's own page is
    never touched by the graph's text. It carries the drawing library, about 700 kB per
    cell; the light view (:mod:`exokg.viz.light`) is a few kilobytes.

    Args:
        kg_or_graph: an rdflib Graph, a BuildResult or an object with ``.graph``.
        focus: an entity's label, synonym, CURIE or IRI; None for the whole graph.
        depth: with ``focus``, how many edges away from it to draw.
        height: the frame's height in pixels.
        title: the page title.
        mode: ``auto`` (light for views of at most
            :data:`~exokg.viz.light.LIGHT_MAX_NODES` entities, full otherwise), ``light``
            or ``full``.

    Raises:
        EntityNotFoundError: ``focus`` names no drawn entity.
        ValueError: an unknown ``mode``.

    >>> from rdflib import Graph
    >>> notebook_html(Graph(), mode="full").startswith('<iframe class="exokg-graph" sandbox=')
    True
    >>> notebook_html(Graph()).startswith('<figure class="exokg-light"')
    True
    """
    from exokg.viz.light import LIGHT_MAX_NODES, render_light

    if mode not in ("auto", "light", "full"):
        raise ValueError(f"mode must be auto, light or full, not {mode!r}")
    view = graph_view(kg_or_graph, focus=focus, depth=depth, title=title)
    if mode == "light" or (mode == "auto" and len(view.nodes) <= LIGHT_MAX_NODES):
        return render_light(view, height=min(int(height), 520))
    page = render_html(view)
    # The final newline keeps IPython's HTML() from warning "Consider using IFrame" (it
    # checks for text ending in "</iframe>"); IFrame cannot take srcdoc.
    return ('<iframe class="exokg-graph" sandbox="allow-scripts allow-popups '
            'allow-popups-to-escape-sandbox allow-downloads" referrerpolicy="no-referrer" '
            f'title="{html.escape(title or "exokg graph", quote=True)}" '
            f'width="100%" height="{int(height)}" frameborder="0" '
            f'srcdoc="{html.escape(page, quote=True)}"></iframe>\n')
