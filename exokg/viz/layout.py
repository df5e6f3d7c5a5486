"""Node positions computed before the page is written.

python-igraph's Fruchterman-Reingold layout with its grid approximation takes well under a
second at 5,000 nodes (networkx's spring layout takes about a minute there, see
PITFALLS.md), so every page gets positions: small pages start their physics from them and
settle in a moment, large pages switch physics off and draw at once.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

__all__ = ["layout_positions"]

#: Average edge length in the drawing, in vis-network pixels.
EDGE_LENGTH = 170.0
#: Least drawing area per node (vis-network pixels squared).
NODE_AREA = 160.0 ** 2


def layout_positions(node_ids: Sequence[str], edges: Sequence[tuple[str, str]],
                     seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions (x, y in vis-network pixels) for the nodes; the same input, the same output.

    Args:
        node_ids: the nodes, in a stable order.
        edges: (source, target) pairs of node ids; unknown ids are ignored.
        seed: seed of the layout's random start.

    >>> pos = layout_positions(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> sorted(pos) == ["a", "b", "c"] and pos == layout_positions(["a", "b", "c"],
    ...                                                         [("a", "b"), ("b", "c")])
    True
    """
    n = len(node_ids)
    if n == 0:
        return {}
    if n == 1:
        return {node_ids[0]: (0.0, 0.0)}
    index = {node: i for i, node in enumerate(node_ids)}
    pairs = sorted({(index[a], index[b]) for a, b in edges
                    if a in index and b in index and a != b})
    coords = _igraph_layout(n, pairs, seed)
    return _scaled(node_ids, coords, pairs)


def _igraph_layout(n: int, pairs: list[tuple[int, int]], seed: int) -> list[list[float]]:
    """Fruchterman-Reingold per connected component, components packed side by side
    (a disconnected graph laid out whole sends its small components far away)."""
    import igraph

    graph = igraph.Graph(n=n, edges=pairs)
    coords: list[list[float]] = [[0.0, 0.0] for _ in range(n)]
    boxes = []
    igraph.set_random_number_generator(random.Random(seed))
    try:
        for members in graph.connected_components():
            if len(members) == 1:
                local = [[0.0, 0.0]]
            else:
                sub = graph.subgraph(members)
                big = len(members) > 300
                local = sub.layout_fruchterman_reingold(grid=big, niter=300 if big else 500).coords
            boxes.append((members, _normalised(local)))
    finally:
        igraph.set_random_number_generator(random)
    for members, local in _packed(boxes):
        for node, xy in zip(members, local):
            coords[node] = xy
    return coords


def _normalised(local: list[list[float]]) -> list[list[float]]:
    """Shift a component to start at (0, 0) and scale it to unit median edge-ish spacing."""
    xs, ys = [c[0] for c in local], [c[1] for c in local]
    spread = max(max(xs) - min(xs), max(ys) - min(ys))
    scale = math.sqrt(len(local)) / spread if spread > 0 else 1.0
    return [[(x - min(xs)) * scale, (y - min(ys)) * scale] for x, y in zip(xs, ys)]


def _packed(boxes: list[tuple[list[int], list[list[float]]]]
            ) -> list[tuple[list[int], list[list[float]]]]:
    """Place components, largest first, in rows about as wide as the largest one."""
    boxes = sorted(boxes, key=lambda b: (-len(b[0]), b[0][0]))
    if not boxes:
        return []
    gap = 1.0
    width = max(max(c[0] for c in boxes[0][1]) + gap, math.sqrt(sum(len(b[0]) for b in boxes)))
    x = y = row_height = 0.0
    placed = []
    for members, local in boxes:
        w = max(c[0] for c in local) + gap
        h = max(c[1] for c in local) + gap
        if x > 0 and x + w > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        placed.append((members, [[cx + x, cy + y] for cx, cy in local]))
        x += w
        row_height = max(row_height, h)
    return placed


def _scaled(node_ids: Sequence[str], coords: list[list[float]],
            pairs: list[tuple[int, int]]) -> dict[str, tuple[float, float]]:
    lengths = sorted(math.dist(coords[a], coords[b]) for a, b in pairs)
    typical = lengths[len(lengths) // 2] if lengths else 0.0
    if typical <= 1e-9:
        typical = 1.0
    factor = EDGE_LENGTH / typical
    # Dense graphs (hairballs) get spread further, so that each node has room for its label
    # when the reader zooms in.
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    area = max(max(xs) - min(xs), 1e-9) * max(max(ys) - min(ys), 1e-9)
    factor = max(factor, math.sqrt(len(coords) * NODE_AREA / area))
    return {node: (round(c[0] * factor, 1), round(c[1] * factor, 1))
            for node, c in zip(node_ids, coords)}
