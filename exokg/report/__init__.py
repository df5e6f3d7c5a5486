"""``exokg report``: a built graph as one offline HTML page (and Markdown) for reading.

:func:`write_report` reads the graph (:mod:`exokg.report.data`), draws the plots
(:mod:`exokg.report.figures`, matplotlib, the ``report`` extra) and writes the page and the
Markdown (:mod:`exokg.report.render`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["write_report"]


def write_report(kg: Any, html_path: Path, markdown_path: Path | None = None, *,
                 title: str = "exokg report") -> list[Path]:
    """Write the report of an open :class:`~exokg.query.api.KnowledgeGraph`.

    Args:
        kg: the graph.
        html_path: the HTML page to write.
        markdown_path: the Markdown file to write (its plots go in ``NAME-figures/``
            beside it), or None.
        title: the report's title.

    Returns:
        The paths written.

    Raises:
        ReportError: matplotlib is not installed.
        QueryError: reading the graph failed.
    """
    from exokg.export.atomic import write_bytes
    from exokg.report.data import collect
    from exokg.report.figures import require_matplotlib
    from exokg.report.render import draw_figures, render_html, render_markdown

    require_matplotlib()
    data = collect(kg)
    figures = draw_figures(data)
    write_bytes(html_path, render_html(data, figures, title).encode("utf-8"))
    written = [Path(html_path)]
    if markdown_path is not None:
        folder = Path(markdown_path).with_name(Path(markdown_path).stem + "-figures")
        paths = {}
        for name in ("documents", "publications", "outcomes", "heatmap"):
            path = folder / f"{name}.svg"
            write_bytes(path, getattr(figures, name).encode("utf-8"))
            paths[name] = f"{folder.name}/{name}.svg"
            written.append(path)
        write_bytes(markdown_path, render_markdown(data, paths, title).encode("utf-8"))
        written.append(Path(markdown_path))
    return written
