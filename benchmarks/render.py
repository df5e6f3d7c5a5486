"""Rendering benchmark of the HTML page (exokg.viz), and the screenshot in the docs.

For the bundled corpus and synthetic graphs of about 100, 1,000 and 5,000 entities (two
statements per entity, 1-3 evidence sentences each; exokg.viz.synthetic) it measures:

* page generation: reading the drawable view from the RDF graph, then layout + HTML;
* the page's size;
* in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright): the time from
  navigation start until the page is settled and usable (``window.exokg.readyAt``: physics
  stabilised on small pages, first full drawing on large ones, controls built), the median of
  three loads; and one full redraw of the whole graph after it (median of five), which is what
  a pan or zoom costs without ``hideEdgesOnDrag``.

Usage::

    .venv/bin/python benchmarks/render.py                # prints a Markdown table
    .venv/bin/python benchmarks/render.py --sizes 100 1000
    .venv/bin/python benchmarks/render.py --screenshot docs/img/corpus-graph.png
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CHROMIUM = "/usr/bin/chromium"


def _generate(graph, title: str | None) -> tuple[str, float, float]:  # type: ignore[no-untyped-def]
    from exokg.viz import build_view, render_html

    started = time.perf_counter()
    view = build_view(graph) if title is None else build_view(graph, title=title)
    read = time.perf_counter() - started
    started = time.perf_counter()
    page = render_html(view)
    return page, read, time.perf_counter() - started


def _browser_times(browser, path: Path,  # type: ignore[no-untyped-def]
                   loads: int = 3) -> tuple[float, float, int, int]:
    ready, redraw = [], []
    counts = (0, 0)
    for _ in range(loads):
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(path.as_uri())
        page.wait_for_function("window.exokg && window.exokg.ready === true", timeout=120_000)
        ready.append(page.evaluate("window.exokg.readyAt") / 1000)
        redraw.append(page.evaluate("""() => { const t = []; for (let i = 0; i < 5; i++) {
            const s = performance.now(); network.redraw(); t.push(performance.now() - s); }
            t.sort((a, b) => a - b); return t[2]; }"""))
        counts = tuple(page.evaluate("[nodes.length, edges.length]"))  # type: ignore[assignment]
        if errors:
            raise RuntimeError(f"{path.name}: errors in the page: {errors[:3]}")
        page.close()
    return statistics.median(ready), statistics.median(redraw), counts[0], counts[1]


def run(sizes: list[int], screenshot: Path | None) -> int:
    from playwright.sync_api import sync_playwright

    from exokg.pipeline import build
    from exokg.viz.synthetic import synthetic_graph

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        cases = [("corpus", lambda: build().graph)]
        cases += [(f"synthetic {n}", lambda n=n: synthetic_graph(n)) for n in sizes]
        for name, make in cases:
            started = time.perf_counter()
            graph = make()
            made = time.perf_counter() - started
            page, read, rendered = _generate(graph, None if name == "corpus" else
                                             f"exokg benchmark: {name}")
            path = Path(tmp) / f"{name.replace(' ', '-')}.html"
            path.write_text(page, encoding="utf-8")
            ready, redraw, n_nodes, n_edges = _browser_times(browser, path)
            rows.append((name, n_nodes, n_edges, len(graph), made, read, rendered,
                         len(page.encode("utf-8")) / 1e6, ready, redraw))
            print(f"{name}: done", file=sys.stderr)
            if name == "corpus" and screenshot:
                shot = browser.new_page(viewport={"width": 1400, "height": 900})
                shot.goto(path.as_uri())
                shot.wait_for_function("window.exokg && window.exokg.ready === true")
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                shot.screenshot(path=str(screenshot))
                shot.close()
                print(f"wrote {screenshot}", file=sys.stderr)
        browser.close()
    print("| graph | nodes | edges | triples | graph made (s) | view read (s) | layout + HTML (s) "
          "| page generation (s) | size (MB) | browser: settled + usable (s) | one redraw (ms) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name, n, e, t, made, read, rendered, size, ready, redraw in rows:
        print(f"| {name} | {n:,} | {e:,} | {t:,} | {made:.2f} | {read:.2f} | {rendered:.2f} | "
              f"{read + rendered:.2f} | {size:.1f} | {ready:.2f} | {redraw:.0f} |")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000, 5000],
                        help="synthetic graph sizes, in entities (default: 100 1000 5000)")
    parser.add_argument("--screenshot", type=Path, default=None,
                        help="also save a screenshot of the corpus page here")
    args = parser.parse_args(argv)
    return run(args.sizes, args.screenshot)


if __name__ == "__main__":
    sys.exit(main())
