"""The light inline view for notebooks: a static SVG drawing of a small graph, no script.

The interactive page carries the vis-network library (about 700 kB), so showing it inline
costs that much per notebook cell however small the graph. A small view is drawn here
instead, as a few kilobytes of SVG: nodes coloured and sized as on the page, edges coloured
by kind (dashed when hedged or negated), labels for the entities with the most evidence,
and a native tooltip (``<title>``) on every node and edge with its class, identifier,
relation and first evidence sentence. Same input, same output.
"""

from __future__ import annotations

import html

from exokg.viz.layout import layout_positions
from exokg.viz.style import EDGE_KINDS, node_size, node_style
from exokg.viz.view import GraphView

__all__ = ["LIGHT_MAX_NODES", "render_light"]

#: Views with at most this many nodes are drawn light by default in notebooks.
LIGHT_MAX_NODES = 60
_LABELLED = 25


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def render_light(view: GraphView, *, width: int = 760, height: int = 460) -> str:
    """A ``<figure>`` with the view drawn as inline SVG (see the module docstring).

    >>> from exokg.viz.view import GraphView, ViewNode
    >>> out = render_light(GraphView({"a": ViewNode("a", "miR-124", "MicroRNA")}, []))
    >>> out.startswith('<figure class="exokg-light"') and "miR-124" in out
    True
    """
    ids = list(view.nodes)
    pos = layout_positions(ids, [(e.source, e.target) for e in view.edges])
    xs = [pos[i][0] for i in ids] or [0.0]
    ys = [pos[i][1] for i in ids] or [0.0]
    pad = 40.0
    span_x = max(max(xs) - min(xs), 1.0)
    span_y = max(max(ys) - min(ys), 1.0)
    scale = min((width - 2 * pad) / span_x, (height - 2 * pad) / span_y, 1.5)

    def at(node: str) -> tuple[float, float]:
        x, y = pos[node]
        return (round(pad + (x - min(xs)) * scale + (width - 2 * pad - span_x * scale) / 2, 1),
                round(pad + (y - min(ys)) * scale + (height - 2 * pad - span_y * scale) / 2, 1))

    parts = []
    for e in view.edges:
        if e.source not in pos or e.target not in pos:
            continue
        (x1, y1), (x2, y2) = at(e.source), at(e.target)
        colour = EDGE_KINDS[e.kind].colour
        dash = ' stroke-dasharray="2 4"' if e.negated else \
            ' stroke-dasharray="7 4"' if e.hedged else ""
        tip = f"{view.nodes[e.source].label} — {e.label} — {view.nodes[e.target].label}"
        if e.evidence:
            tip += f"\n“{e.evidence[0].text}”"
            if e.evidence[0].source:
                tip += f" ({e.evidence[0].source.text})"
        parts.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{colour}" '
                     f'stroke-width="1.5" marker-end="url(#exokg-arrow)"{dash}>'
                     f"<title>{_e(tip)}</title></line>")
    ranked = sorted(ids, key=lambda i: (-view.nodes[i].evidence, view.nodes[i].label))
    labelled = set(ranked if len(ids) <= _LABELLED else ranked[:_LABELLED])
    for node_id in ids:
        node = view.nodes[node_id]
        style = node_style(node.category)
        x, y = at(node_id)
        r = round(node_size(node.evidence) * 0.45, 1)
        tip = f"{node.label} ({style.label})" + (f"\n{node.curie}" if node.curie else "")
        parts.append(f'<circle cx="{x}" cy="{y}" r="{r}" fill="{style.colour}" '
                     f'stroke="{style.border}"><title>{_e(tip)}</title></circle>')
        if node_id in labelled:
            label = node.label if len(node.label) <= 40 else node.label[:39] + "…"
            parts.append(f'<text x="{x}" y="{round(y + r + 11, 1)}" text-anchor="middle" '
                         f'font-size="11" paint-order="stroke" stroke="#fff" '
                         f'stroke-width="3">{_e(label)}</text>')
    classes = sorted({n.category for n in view.nodes.values()})
    legend = " ".join(f'<span style="color:{node_style(c).colour}">&#9679;</span>&nbsp;'
                      f"{_e(node_style(c).label)}" for c in classes)
    return (f'<figure class="exokg-light" style="margin:0;font:12px sans-serif">'
            f'<figcaption><b>{_e(view.title)}</b> · {len(view.nodes)} entities, '
            f"{len(view.edges)} relations · static view (hover for details; "
            f"<code>mode=\"full\"</code> for the interactive page)<br>{legend}</figcaption>"
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" style="max-width:100%;height:auto">'
            '<defs><marker id="exokg-arrow" viewBox="0 0 10 10" refX="16" refY="5" '
            'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
            '<path d="M0,0 L10,5 L0,10 z" fill="#777"/></marker></defs>'
            + "".join(parts) + "</svg></figure>\n")
