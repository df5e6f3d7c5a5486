"""A :class:`~exokg.viz.view.GraphView` -> one self-contained, offline, safe HTML page.

pyvis (0.3.2, vis-network 9.1.2) writes the page; this module feeds it and then closes the
gaps PITFALLS.md lists:

* ``cdn_resources="in_line"`` and the Bootstrap CDN tags removed: the page makes no network
  request (checked: any remaining ``src``/``href`` attribute on a script or link raises);
* no text from documents goes through pyvis's unescaped paths: the heading is empty, the
  select/filter menus are off, and nodes have no ``title`` (so pyvis never switches its
  tooltips to ``innerHTML``). Labels are drawn on a canvas; everything else travels as JSON
  (Jinja's ``tojson`` escapes ``<``, ``>``, ``&`` and ``'``) and is put on screen by
  ``assets/exokg.js`` with ``textContent`` only;
* a Content-Security-Policy meta tag allows nothing but the page's own inline scripts and
  styles, by hash: no network, no ``eval``, no inline event handlers, no injected script;
* node lists are built directly (``Network.add_node`` is quadratic) and positions are
  computed in Python (igraph); physics runs only on small pages.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections import defaultdict
from importlib.resources import files

from exokg.resolve import page_keys
from exokg.viz.layout import layout_positions
from exokg.viz.style import (EDGE_KINDS, LABEL_MIN_PIXELS, NODE_STYLES, NodeStyle,
                             label_size, node_size, node_style)
from exokg.viz.view import EvidenceView, GraphView, ViewEdge, ViewNode

__all__ = ["PHYSICS_MAX_NODES", "UnsafePageError", "content_security_policy", "render_html"]

#: Pages with more nodes than this draw at their precomputed positions with physics off.
PHYSICS_MAX_NODES = 300
#: Pages with more edges than this draw no edge labels (the tooltip still names the relation).
EDGE_LABEL_MAX_EDGES = 2000
MAX_CANVAS_LABEL = 40

_SCRIPT = re.compile(r"<script(\s[^>]*)?>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_STYLE = re.compile(r"<style(\s[^>]*)?>(.*?)</style>", re.DOTALL | re.IGNORECASE)
_BOOTSTRAP = re.compile(r"\s*<(link|script)\b[^>]*bootstrap[^>]*>(\s*</script>)?", re.IGNORECASE)
_EMPTY_HEADING = re.compile(r"\s*<center>\s*<h1>\s*</h1>\s*</center>", re.IGNORECASE)
_DEAD_COMMENT = re.compile(r"<!--(?:(?!-->).)*node_modules(?:(?!-->).)*-->", re.DOTALL)
_EXTERNAL = re.compile(r"<(script|link|img|iframe)\b[^>]*\s(src|href)\s*=", re.IGNORECASE)


class UnsafePageError(RuntimeError):
    """The generated page would load something from outside (a pyvis template change)."""


def _asset(name: str) -> str:
    return files("exokg.viz").joinpath("assets", name).read_text(encoding="utf-8")


def _replace_once(page: str, old: str, new: str) -> str:
    """Replace the first ``old``; a template without it is refused, not patched silently."""
    if old not in page:
        raise UnsafePageError(f"unexpected pyvis template: {old!r} not found")
    return page.replace(old, new, 1)


def _short(text: str, limit: int = MAX_CANVAS_LABEL) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _node_record(node: ViewNode, pos: tuple[float, float]) -> dict[str, object]:
    style = node_style(node.category)
    data: dict[str, object] = {"label": node.label, "cls": node.category}
    if node.curie:
        data["curie"] = node.curie
    if node.identifiers:
        data["ids"] = [[link.text, link.url] for link in node.identifiers]
    if node.synonyms:
        data["syn"] = list(node.synonyms)
    if node.description:
        data["desc"] = node.description
    if node.category != "Value":  # the resolver's keys, for the page's search
        data["keys"] = page_keys([node.label, *node.synonyms])
    record: dict[str, object] = {
        "id": node.id,
        "label": _short(node.label),
        "size": node_size(node.evidence),
        "font": {"size": label_size(node.evidence)},
        "x": pos[0],
        "y": pos[1],
        "cls": node.category,
        "ev": node.evidence,
        "exo": data,
    }
    if node.category in NODE_STYLES:  # styled by its group (options.groups): smaller pages
        record["group"] = node.category
    else:
        record.update(_group_style(style))
    return record


def _group_style(style: NodeStyle) -> dict[str, object]:
    return {"shape": style.shape,
            "color": {"background": style.colour, "border": style.border,
                      "highlight": {"background": style.colour, "border": "#000000"},
                      "hover": {"background": style.colour, "border": "#000000"}}}


class _Documents:
    """The documents (and their sources) that evidence sentences come from, numbered once
    per page instead of repeated on every sentence."""

    def __init__(self) -> None:
        self.index: dict[tuple[str, str | None, str | None, int | None], int] = {}

    def number(self, ev: EvidenceView) -> int:
        key = (ev.document, ev.source.text if ev.source else None,
               ev.source.url if ev.source else None, ev.year)
        return self.index.setdefault(key, len(self.index))

    def table(self) -> list[list[str | int | None]]:
        """[document, publication text, publication URL, year] per number."""
        return [list(key) for key in self.index]


def _edge_record(edge: ViewEdge, smooth: dict[str, object] | None, labels: bool,
                 documents: _Documents) -> dict[str, object]:
    colour = EDGE_KINDS[edge.kind].colour
    data: dict[str, object] = {"pred": edge.predicate, "label": edge.label}
    if edge.species:
        data["species"] = list(edge.species)
    if edge.context:
        data["ctx"] = [list(c) for c in edge.context]
    if edge.evidence:
        data["ev"] = [{
            "t": ev.text, "d": documents.number(ev),
            **({"cit": [ev.cited.text, ev.cited.url]} if ev.cited else {}),
            **({"m": list(ev.markers)} if ev.markers else {}),
            **({"rule": ev.rule} if ev.rule else {}),
        } for ev in edge.evidence]
    if edge.contradicts:
        data["contra"] = list(edge.contradicts)
    record: dict[str, object] = {
        "id": edge.id,
        "from": edge.source,
        "to": edge.target,
        "color": {"color": colour, "highlight": colour, "hover": colour},
        "width": 1.0 + min(edge.evidence_count, 6) * 0.5,
        "kind": edge.kind,
        "neg": edge.negated,
        "hedged": edge.hedged,
        "n": edge.evidence_count,
        "exo": data,
    }
    if smooth:
        record["smooth"] = smooth
    if labels:
        record["label"] = _short(edge.label, 48)
    if edge.negated:
        record["dashes"] = [2, 5]
        record["arrows"] = {"to": {"enabled": True, "type": "bar", "scaleFactor": 0.6}}
    elif edge.hedged:
        record["dashes"] = [9, 6]
    return record


def _smoothing(edges: list[ViewEdge]) -> list[dict[str, object] | None]:
    """Straight edges, except parallel ones, which curve apart."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, e in enumerate(edges):
        groups[(min(e.source, e.target), max(e.source, e.target))].append(i)
    result: list[dict[str, object] | None] = [None] * len(edges)
    for (low, _high), members in groups.items():
        if len(members) < 2:
            continue
        for k, i in enumerate(members):
            clockwise = k % 2 == 0
            if edges[i].source != low:  # the same side whichever way the edge points
                clockwise = not clockwise
            result[i] = {"enabled": True, "type": "curvedCW" if clockwise else "curvedCCW",
                         "roundness": round(0.12 + 0.14 * (k // 2), 2)}
    return result


def _options(n_nodes: int, n_edges: int) -> dict[str, object]:
    big = n_nodes > PHYSICS_MAX_NODES
    return {
        "autoResize": True,
        "nodes": {"borderWidth": 1, "borderWidthSelected": 3,
                  "font": {"size": 14, "face": "sans-serif", "strokeWidth": 3,
                           "strokeColor": "#ffffff"},
                  # labels appear once zoomed in far enough to read them (label_size)
                  "scaling": {"label": {"enabled": False,
                                        "drawThreshold": LABEL_MIN_PIXELS}}},
        "edges": {"font": {"size": 10, "face": "sans-serif", "align": "middle",
                           "strokeWidth": 3, "strokeColor": "#ffffff", "color": "#444444"},
                  "scaling": {"label": {"drawThreshold": LABEL_MIN_PIXELS}},
                  "selectionWidth": 2, "hoverWidth": 1.5, "smooth": False,
                  "color": {"opacity": 0.85},
                  "arrows": {"to": {"enabled": True, "type": "arrow", "scaleFactor": 0.6}}},
        "interaction": {"hover": True, "tooltipDelay": 100, "hideEdgesOnDrag": big,
                        "hideEdgesOnZoom": big, "multiselect": False, "keyboard": False},
        "groups": {name: _group_style(style) for name, style in NODE_STYLES.items()},
        "layout": {"improvedLayout": False, "randomSeed": 7},
        # Physics starts off; assets/exokg.js turns it on for small pages (see PHYSICS).
        "physics": {"enabled": False},
    }


#: Physics of small pages: starts from the precomputed layout and settles quickly.
PHYSICS = {
    "enabled": True,
    "solver": "forceAtlas2Based",
    "forceAtlas2Based": {"gravitationalConstant": -70, "centralGravity": 0.01,
                         "springLength": 130, "springConstant": 0.06, "damping": 0.6,
                         "avoidOverlap": 0.3},
    "minVelocity": 2,
    "maxVelocity": 40,
    "timestep": 0.5,
    "stabilization": {"enabled": True, "iterations": 250, "updateInterval": 50,
                      "fit": True},
}


def _meta(view: GraphView, physics: bool, documents: _Documents) -> dict[str, object]:
    classes = sorted({n.category for n in view.nodes.values()})
    kinds = [k for k in EDGE_KINDS if any(e.kind == k for e in view.edges)]
    species = sorted({s for e in view.edges for s in e.species})
    return {
        "title": view.title,
        "counts": {"nodes": len(view.nodes), "edges": len(view.edges)},
        "classes": [{"name": c, "label": node_style(c).label, "colour": node_style(c).colour,
                     "border": node_style(c).border, "shape": node_style(c).shape,
                     "count": sum(1 for n in view.nodes.values() if n.category == c)}
                    for c in classes],
        "kinds": [{"name": k, "label": EDGE_KINDS[k].label, "colour": EDGE_KINDS[k].colour,
                   "count": sum(1 for e in view.edges if e.kind == k)} for k in kinds],
        "species": species,
        "unspecifiedSpecies": any(e.statement and not e.species for e in view.edges),
        "physics": PHYSICS if physics else None,
        "docs": documents.table(),
        "labelMin": LABEL_MIN_PIXELS,
        "prefixes": _predicate_prefixes(view),
    }


def _predicate_prefixes(view: GraphView) -> dict[str, str]:
    """prefix -> namespace for the predicate CURIEs on the page (the Turtle export's)."""
    from exokg.errors import IdentifierError
    from exokg.ids import expand

    out: dict[str, str] = {}
    for e in view.edges:
        prefix, sep, local = e.predicate.partition(":")
        if not sep or prefix in out:
            continue
        try:
            full = expand(e.predicate)
        except IdentifierError:
            continue
        if full.endswith(local):
            out[prefix] = full[: len(full) - len(local)]
    return dict(sorted(out.items()))


def _json_for_script(value: object) -> str:
    """JSON that is inert inside ``<script type="application/json">``."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _hash(content: str) -> str:
    digest = hashlib.sha256(content.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(page: str) -> str:
    """The CSP of a page: only its own inline scripts and styles (by hash), nothing else."""
    scripts = sorted({_hash(m.group(2)) for m in _SCRIPT.finditer(page)
                      if "application/json" not in (m.group(1) or "")})
    styles = sorted({_hash(m.group(2)) for m in _STYLE.finditer(page)})
    return ("default-src 'none'; "
            f"script-src {' '.join(scripts)}; "
            f"style-src {' '.join(styles)}; "
            "base-uri 'none'; form-action 'none'")


def render_html(view: GraphView, *, height: str = "100vh") -> str:
    """The complete HTML page of a view (a str; write it as UTF-8).

    Raises:
        UnsafePageError: the page would load a resource from outside (never expected).
    """
    from pyvis.network import Network

    node_ids = list(view.nodes)
    positions = layout_positions(node_ids, [(e.source, e.target) for e in view.edges])
    physics = 0 < len(node_ids) <= PHYSICS_MAX_NODES
    labels = len(view.edges) <= EDGE_LABEL_MAX_EDGES
    smooth = _smoothing(view.edges)

    net = Network(height=height, width="100%", directed=True, cdn_resources="in_line",
                  heading="")
    net.nodes = [_node_record(view.nodes[i], positions[i]) for i in node_ids]
    documents = _Documents()
    net.edges = [_edge_record(e, s, labels, documents) for e, s in zip(view.edges, smooth)]
    if any("title" in item for item in net.nodes + net.edges):  # pyvis's innerHTML switch
        raise UnsafePageError("nodes and edges must not have a title")
    net.options = _options(len(net.nodes), len(net.edges))
    page = net.generate_html()

    page = page.replace("\r\n", "\n").replace("\r", "\n")
    page = _BOOTSTRAP.sub("", page)
    page = _EMPTY_HEADING.sub("", page)
    page = _DEAD_COMMENT.sub("", page)
    page = _replace_once(page, '<div class="card" style="width: 100%">',
                         '<div class="card" id="exokg-main">')
    title = html.escape(view.title, quote=True)
    head = ('<meta charset="utf-8">\n'
            '<meta http-equiv="Content-Security-Policy" content="@CSP@">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="referrer" content="no-referrer">\n'
            f"<title>{title}</title>")
    page = _replace_once(page, '<meta charset="utf-8">', head)
    page = _replace_once(page, "</head>", f"<style>\n{_asset('exokg.css')}</style>\n</head>")
    panel = _asset("panel.html").replace("@TITLE@", title)
    meta = _json_for_script(_meta(view, physics, documents))
    page = _replace_once(page, "<body>", f"<body>\n{panel}\n"
                         f'<script type="application/json" id="exokg-meta">{meta}</script>')
    page = _replace_once(page, "</body>", f"<script>\n{_asset('exokg.js')}</script>\n</body>")
    page = _replace_once(page, "<html>", '<html lang="en">')
    page = "<!DOCTYPE html>\n" + page

    markup = _STYLE.sub("<style></style>", _SCRIPT.sub("<script></script>", page))
    if _EXTERNAL.search(markup) or re.search(r"\sstyle\s*=", markup):
        raise UnsafePageError("the page would load an external resource or has inline "
                              "style attributes; check the pyvis template")
    csp = content_security_policy(page)
    if any(c in csp for c in '"<>&'):  # hashes are base64: never expected
        raise UnsafePageError(f"unexpected character in the page's CSP: {csp!r}")
    return page.replace("@CSP@", csp, 1)
