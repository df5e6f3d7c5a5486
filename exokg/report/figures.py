"""The report's plots, drawn with matplotlib as inline SVG (text kept as text, no network).

Every bar and heat-map cell is a link (an SVG ``<a>``) to the part of the report that holds
its evidence. Drawing is deterministic: a fixed hash salt per figure, no date in the
metadata, and matplotlib's settings changed only inside :func:`matplotlib.rc_context`.
matplotlib is an optional extra (``pip install 'exokg[report]'``); without it
:func:`require_matplotlib` raises a :class:`ReportError` that says so.
"""

from __future__ import annotations

import io
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from exokg.errors import ExokgError
from exokg.report.data import Document, Finding

__all__ = ["COLOURS", "ReportError", "evidence_per_outcome", "preparation_heatmap",
           "require_matplotlib", "years_chart"]

#: Direction -> colour (a blue/orange pair that colour-blind readers can tell apart).
COLOURS = {"increased": "#2166ac", "decreased": "#d6604d", "other": "#8c8c8c"}
_MAX_ROWS = 25
_MAX_SPECIES = 3


class ReportError(ExokgError):
    """A report that cannot be made (matplotlib missing, nothing to show)."""


def require_matplotlib() -> Any:
    """The :mod:`matplotlib` module, or :class:`ReportError` saying how to install it."""
    try:
        import matplotlib
    except ImportError:
        raise ReportError("exokg report draws its plots with matplotlib, which is not "
                          "installed: pip install 'exokg[report]' (or pip install "
                          "matplotlib)") from None
    return matplotlib


def _svg(draw: Callable[[Any], None], size: tuple[float, float], salt: str) -> str:
    """Draw on a new Figure and return its SVG element (no XML prologue)."""
    matplotlib = require_matplotlib()
    from matplotlib.figure import Figure

    settings = {"svg.fonttype": "none", "svg.hashsalt": f"exokg-{salt}",
                "font.size": 9, "font.family": "sans-serif", "axes.spines.top": False,
                "axes.spines.right": False}
    with matplotlib.rc_context(settings):
        fig = Figure(figsize=size, layout="constrained")
        draw(fig)
        out = io.StringIO()
        fig.savefig(out, format="svg", metadata={"Date": None, "Creator": "exokg"})
    text = out.getvalue()
    text = text[text.index("<svg"):]
    # links inside the report open in place (matplotlib writes target="_blank")
    text = re.sub(r'(<a xlink:href="#[^"]*") target="_blank"', r"\1", text)
    # drawn at its own size, narrowed to the page's column when wider
    return re.sub(r"<svg ", '<svg role="img" style="max-width:100%;height:auto" ', text,
                  count=1)


def _short(text: str, limit: int = 42) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def years_chart(documents: Sequence[Document], title: str, salt: str) -> str:
    """Documents (or publications) per year, stacked by kind; ``n.d.`` for no year."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for d in documents:
        counts[d.kind][str(d.year) if d.year else "n.d."] += 1
    years = sorted({y for c in counts.values() for y in c}, key=lambda y: (y == "n.d.", y))

    def draw(fig: Any) -> None:
        ax = fig.subplots()
        bottom = [0] * len(years)
        palette = ["#4d4d4d", "#878787", "#bababa", "#2166ac", "#d6604d", "#1b7837"]
        for i, kind in enumerate(sorted(counts)):
            heights = [counts[kind][y] for y in years]
            bars = ax.bar(years, heights, bottom=bottom, label=kind,
                          color=palette[i % len(palette)])
            for bar in bars:
                bar.set_url("#documents")
            bottom = [b + h for b, h in zip(bottom, heights)]
        ax.set_ylabel("count")
        ax.set_title(title, loc="left")
        ax.yaxis.get_major_locator().set_params(integer=True)
        if len(counts) > 1:
            ax.legend(frameon=False)

    return _svg(draw, (4.8, 2.3), salt)


def evidence_per_outcome(findings: Sequence[Finding], anchor: Callable[[str], str]) -> str:
    """Evidence sentences per outcome, stacked by direction, one panel per species (the
    commonest few, then "other species" and "species not stated"). Bars link to the
    outcome's findings (``anchor(outcome IRI)``)."""
    totals: Counter[str] = Counter()
    labels: dict[str, str] = {}
    species_count: Counter[str] = Counter()
    for f in findings:
        totals[f.outcome] += f.evidence_count
        labels[f.outcome] = f.outcome_label
        for s in f.species:
            species_count[s] += f.evidence_count
    outcomes = sorted(totals, key=lambda o: (-totals[o], labels[o].casefold()))[:_MAX_ROWS]
    top = [s for s, _ in sorted(species_count.items(), key=lambda t: (-t[1], t[0]))][
        :_MAX_SPECIES]
    panels = [*top]
    if any(s not in top for s in species_count):
        panels.append("other species")
    if any(not f.species for f in findings):
        panels.append("species not stated")

    def panel_of(f: Finding) -> list[str]:
        if not f.species:
            return ["species not stated"]
        return sorted({s if s in top else "other species" for s in f.species})

    cells: dict[tuple[str, str, str], int] = Counter()
    for f in findings:
        if f.outcome not in outcomes:
            continue
        direction = f.direction if f.direction in COLOURS and not f.negated else "other"
        for p in panel_of(f):
            cells[(p, f.outcome, direction)] += f.evidence_count

    def draw(fig: Any) -> None:
        axes = fig.subplots(1, max(len(panels), 1), sharey=True, sharex=True,
                            squeeze=False)[0]
        rows = list(range(len(outcomes)))[::-1]
        for ax, panel in zip(axes, panels):
            left = [0] * len(outcomes)
            for direction in ("increased", "decreased", "other"):
                widths = [cells.get((panel, o, direction), 0) for o in outcomes]
                bars = ax.barh(rows, widths, left=left, color=COLOURS[direction],
                               label=direction if direction != "other" else
                               "other / not", height=0.7)
                for bar, o in zip(bars, outcomes):
                    bar.set_url("#" + anchor(o))
                left = [a + b for a, b in zip(left, widths)]
            ax.set_title(panel, loc="left", fontsize=9)
            ax.xaxis.get_major_locator().set_params(integer=True)
            ax.set_xlabel("evidence sentences")
        axes[0].set_yticks(rows, [_short(labels[o]) for o in outcomes])
        axes[0].legend(frameon=False, loc="lower right", fontsize=8)

    height = 1.0 + 0.28 * max(len(outcomes), 1)
    return _svg(draw, (2.2 + 2.3 * max(len(panels), 1), height), "outcomes")


def preparation_heatmap(findings: Sequence[Finding], cell_anchor: Callable[[str, str], str]
                        ) -> str:
    """Preparations (rows) x outcomes (columns): evidence sentences per pair; the arrows
    say the direction(s) claimed, a red frame marks a pair with contradicting claims.
    Each cell links to the pair's findings (``cell_anchor(preparation, outcome)``)."""
    chosen = [f for f in findings if f.subject_class == "ExosomePreparation"] or list(findings)
    count: Counter[tuple[str, str]] = Counter()
    arrows: dict[tuple[str, str], set[str]] = defaultdict(set)
    conflict: set[tuple[str, str]] = set()
    names: dict[str, str] = {}
    for f in chosen:
        key = (f.subject, f.outcome)
        count[key] += f.evidence_count
        arrows[key].add("↑" if f.direction == "increased" and not f.negated else
                        "↓" if f.direction == "decreased" and not f.negated else "·")
        if f.contradicted:
            conflict.add(key)
        names[f.subject] = f.subject_label
        names[f.outcome] = f.outcome_label

    def ranked(index: int) -> list[str]:
        totals: Counter[str] = Counter()
        for key, n in count.items():
            totals[key[index]] += n
        return sorted(totals, key=lambda k: (-totals[k], names[k].casefold()))[:_MAX_ROWS]

    preps, outcomes = ranked(0), ranked(1)
    peak = max(count.values(), default=1)

    def draw(fig: Any) -> None:
        from matplotlib import colormaps
        from matplotlib.patches import Rectangle

        ax = fig.subplots()
        cmap = colormaps["Blues"]
        for i, p in enumerate(preps):
            for j, o in enumerate(outcomes):
                n = count.get((p, o), 0)
                if not n:
                    continue
                shade = 0.25 + 0.75 * n / peak
                cell = Rectangle((j, i), 1, 1, facecolor=cmap(shade),
                                 edgecolor="#d62728" if (p, o) in conflict else "white",
                                 linewidth=2.5 if (p, o) in conflict else 1)
                cell.set_url("#" + cell_anchor(p, o))
                ax.add_patch(cell)
                label = ax.text(j + 0.5, i + 0.5, "".join(sorted(arrows[(p, o)])) + f"{n}",
                                ha="center", va="center", fontsize=8,
                                color="white" if shade > 0.6 else "black")
                label.set_url("#" + cell_anchor(p, o))  # the number is a link too
        ax.set_xlim(0, max(len(outcomes), 1))
        ax.set_ylim(max(len(preps), 1), 0)
        ax.set_xticks([j + 0.5 for j in range(len(outcomes))],
                      [_short(names[o], 30) for o in outcomes], rotation=50, ha="right")
        ax.set_yticks([i + 0.5 for i in range(len(preps))],
                      [_short(names[p], 48) for p in preps])
        ax.tick_params(length=0)
        for side in ("left", "bottom"):
            ax.spines[side].set_visible(False)
        ax.set_aspect("equal")

    width = 3.5 + 0.42 * max(len(outcomes), 1)
    height = 1.8 + 0.42 * max(len(preps), 1)
    return _svg(draw, (min(width, 14), min(height, 14)), "heatmap")
