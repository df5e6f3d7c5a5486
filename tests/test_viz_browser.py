"""The HTML page in a real browser: headless Chromium (Debian's package) driven by Playwright.

These tests never skip: without Chromium they fail and say how to install it
(scripts/test.sh does). Every page is opened from a file: URL; any other request is
aborted and fails the test, and so does any console error or message (a CSP violation is
one), any page error and any dialog.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rdflib import RDF, Graph, URIRef

from exokg.pipeline import build
from exokg.viz import notebook_html, render_page
from exokg.viz.synthetic import PAYLOADS, synthetic_graph
from exokg.viz.view import clean_text

CHROMIUM = Path(os.environ.get("EXOKG_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
EXO = "https://w3id.org/exokg/vocab/"
MIR124 = "https://w3id.org/exokg/id/mirna/mir-124"
PARTS = ("cargo", "sourceCell", "vesicleType", "treatedWith")


# -- fixtures ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install the Debian packages chromium "
                    "and chromium-driver (scripts/test.sh does), or set EXOKG_CHROMIUM")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@dataclass
class Opened:
    page: object
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, script: str, arg: object = None) -> object:
        return self.page.evaluate(script, arg)  # type: ignore[attr-defined]

    def assert_clean(self) -> None:
        assert self.dialogs == [], f"dialogs opened: {_few(self.dialogs)}"
        assert self.errors == [], f"page errors: {_few(self.errors)}"
        assert self.console == [], f"console messages: {_few(self.console)}"
        outside = [u for u in self.requests if not u.startswith(("file:", "about:", "data:"))]
        assert outside == [], f"requests beyond file: URLs: {_few(outside)}"


def _few(items: list[str]) -> str:
    shown = [i if len(i) < 300 else i[:300] + "..." for i in items[:5]]
    return f"{len(items)}: {shown}"


@pytest.fixture
def opened(browser, tmp_path):
    contexts = []
    pages: list[Opened] = []

    def open_page(html_text: str | None = None, *, path: Path | None = None,
                  content: str | None = None, name: str = "page.html",
                  viewport: tuple[int, int] = (1400, 900)) -> Opened:
        context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        contexts.append(context)
        page = context.new_page()
        o = Opened(page)
        page.on("console", lambda m: o.console.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: o.errors.append(str(e)))
        page.on("request", lambda r: o.requests.append(r.url))
        page.on("dialog", lambda d: (o.dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
        context.route(re.compile(r"^(?!file:|about:|data:)"), lambda route: route.abort())
        if content is not None:
            page.set_content(content)
        else:
            if path is None:
                path = tmp_path / name
                path.write_text(html_text or "", encoding="utf-8")
            page.goto(path.as_uri())
            page.wait_for_function("window.exokg && window.exokg.ready === true",
                                   timeout=30_000)
        pages.append(o)
        return o

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def corpus():
    return build()


@pytest.fixture(scope="module")
def corpus_html(corpus):
    return render_page(corpus)


# -- what the page should contain, computed from the RDF graph independently -------------------


def expected_counts(graph: Graph) -> tuple[int, int]:
    """Nodes and edges the page must draw (docs/visualisation.md, "What is drawn")."""
    statements = set(graph.subjects(RDF.type, URIRef(EXO + "Statement")))
    nodes = set()
    for s in statements:
        nodes.add(graph.value(s, RDF.subject))
        nodes.add(graph.value(s, RDF.object))
    part_edges = set()
    frontier = [n for n in nodes if isinstance(n, URIRef)]
    while frontier:
        node = frontier.pop()
        for prop in PARTS:
            for part in graph.objects(node, URIRef(EXO + prop)):
                if (part, RDF.type, None) in graph and isinstance(part, URIRef):
                    part_edges.add((node, prop, part))
                    if part not in nodes:
                        nodes.add(part)
                        frontier.append(part)
    broader = {(a, b) for a, b in graph.subject_objects(URIRef(
        "http://www.w3.org/2004/02/skos/core#broader")) if a in nodes and b in nodes and a != b}
    return len(nodes), len(statements) + len(part_edges) + len(broader)


def hidden(o: Opened) -> dict[str, set[str]]:
    return o.js("""() => ({
        nodes: nodes.get({filter: n => n.hidden === true}).map(n => n.id),
        edges: edges.get({filter: e => e.hidden === true}).map(e => e.id)})""")


def dom_point(o: Opened, canvas_xy: dict) -> dict:
    return o.js("""(p) => { const d = network.canvasToDOM(p);
        const r = document.getElementById('mynetwork').getBoundingClientRect();
        return {x: r.left + d.x, y: r.top + d.y}; }""", canvas_xy)


def hover_edge(o: Opened, edge_id: str) -> str | None:
    """Move the mouse onto an edge's midpoint; the tooltip's text if the edge's tooltip shows."""
    mid = o.js("""(id) => { const e = edges.get(id); const p = network.getPositions([e.from, e.to]);
        return {x: (p[e.from].x + p[e.to].x) / 2, y: (p[e.from].y + p[e.to].y) / 2}; }""",
               edge_id)
    point = dom_point(o, mid)
    o.page.mouse.move(1000, 5)
    o.page.mouse.move(point["x"] - 3, point["y"])
    o.page.mouse.move(point["x"], point["y"])
    try:
        o.page.wait_for_function(
            "document.getElementById('exokg-tooltip').style.display === 'block'", timeout=1500)
    except Exception:  # noqa: BLE001 - a node or label covered the midpoint; caller tries another
        return None
    return o.js("() => document.getElementById('exokg-tooltip').textContent")


def straight_edges_with_evidence(o: Opened) -> list[str]:
    return o.js("""() => { const seen = new Map();
        edges.get().forEach(e => { const k = [e.from, e.to].sort().join(' ');
                                   seen.set(k, (seen.get(k) || 0) + 1); });
        return edges.get({filter: e => e.n > 0 && e.from !== e.to &&
                          seen.get([e.from, e.to].sort().join(' ')) === 1}).map(e => e.id); }""")


# -- the corpus page ---------------------------------------------------------------------------


def test_corpus_page_settles_with_every_node_and_edge(opened, corpus, corpus_html):
    o = opened(corpus_html)
    assert o.js("() => network.physics.stabilized") is True
    n_nodes, n_edges = expected_counts(corpus.graph)
    assert o.js("() => [nodes.length, edges.length]") == [n_nodes, n_edges]
    assert o.js("() => network.body.nodeIndices.length") == n_nodes  # all drawn, none hidden
    assert o.js("() => document.getElementById('exokg-counts').textContent") == \
        f"{n_nodes} entities, {n_edges} relations"
    legend = o.js("() => Array.from(document.querySelectorAll('#exokg-classes label'))"
                  ".map(l => l.textContent)")
    assert any(t.startswith("miRNA") for t in legend)
    o.assert_clean()


def test_search_selects_mir124(opened, corpus_html):
    o = opened(corpus_html)
    o.page.fill("#exokg-search", "miR-124")
    o.page.press("#exokg-search", "Enter")
    assert o.js("() => network.getSelectedNodes()") == [MIR124]
    assert "miR-124" in o.js("() => document.getElementById('exokg-search-status').textContent")
    details = o.js("() => document.getElementById('exokg-details').textContent")
    assert details.startswith("miR-124")
    o.page.fill("#exokg-search", "no such entity at all")
    o.page.press("#exokg-search", "Enter")
    assert o.js("() => document.getElementById('exokg-search-status').textContent") == \
        "No entity matches \u201cno such entity at all\u201d."
    o.assert_clean()


def test_search_finds_synonyms_and_curies(opened, corpus, corpus_html):
    o = opened(corpus_html)
    for text, iri in (("CL:0000134", "http://purl.obolibrary.org/obo/CL_0000134"),
                      ("mesenchymal stromal cell", "http://purl.obolibrary.org/obo/CL_0000134")):
        o.page.fill("#exokg-search", text)
        o.page.press("#exokg-search", "Enter")
        assert o.js("() => network.getSelectedNodes()") == [iri], text
    o.assert_clean()


def test_search_uses_the_resolver_rules(opened, corpus, corpus_html):
    """The page's search folds names as exokg.resolve does: miRNA grammar, word order,
    filler words and plurals."""
    prep = next(n for n, d in _labels(corpus).items() if d == "MSC-derived exosomes")
    o = opened(corpus_html)
    for text, iri in (("hsa-miR-124-3p", MIR124), ("microRNA-124", MIR124),
                      ("MIR124", MIR124), ("exosomes derived from MSCs", prep),
                      ("msc exosomes", prep)):
        o.page.fill("#exokg-search", text)
        o.page.press("#exokg-search", "Enter")
        assert o.js("() => network.getSelectedNodes()") == [iri], text
    o.assert_clean()


def _labels(result) -> dict[str, str]:
    from rdflib import RDFS

    return {str(s): str(o) for s, o in result.graph.subject_objects(RDFS.label)}


@pytest.mark.parametrize("size", [(1280, 720), (1440, 900)])
def test_details_drawer_opens_in_view_without_scrolling(opened, corpus_html, tmp_path, size):
    o = opened(corpus_html, viewport=size)
    assert o.js("() => document.getElementById('exokg-drawer').hidden") is True
    o.js("() => { network.setOptions({physics: false}); network.fit(); }")
    centre = dom_point(o, o.js("(id) => network.getPositions([id])[id]", MIR124))
    o.page.mouse.click(centre["x"], centre["y"])
    o.page.wait_for_function("!document.getElementById('exokg-drawer').hidden", timeout=3000)
    box = o.page.locator("#exokg-drawer").bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0
    assert box["x"] + box["width"] <= size[0] and box["y"] + box["height"] <= size[1]
    assert o.js("() => document.getElementById('exokg-details').textContent").startswith(
        "miR-124")
    assert o.js("() => document.scrollingElement.scrollTop") == 0
    o.page.screenshot(path=str(tmp_path / f"drawer-{size[0]}x{size[1]}.png"))
    o.page.keyboard.press("Escape")
    assert o.js("() => document.getElementById('exokg-drawer').hidden") is True
    o.assert_clean()


def test_labels_at_fit_zoom_are_legible_and_apart(opened, corpus_html, tmp_path):
    from exokg.viz.style import LABEL_MIN_PIXELS

    o = opened(corpus_html, viewport=(1280, 720))
    o.js("() => { network.setOptions({physics: false}); network.fit(); exokg.declutter(); }")
    labels = o.js("""(threshold) => {
        const scale = network.getScale(), ctx = document.createElement('canvas').getContext('2d');
        const r = document.getElementById('mynetwork').getBoundingClientRect();
        const out = [];
        nodes.get().forEach(n => {
            const size = ((n.font && n.font.size) || 14) * scale;
            if (n.hidden || !n.label || size < threshold || n.labelMuted) { return; }
            const p = network.canvasToDOM(network.getPositions([n.id])[n.id]);
            const b = network.getBoundingBox(n.id);
            const bottom = network.canvasToDOM({x: 0, y: b.bottom}).y;
            ctx.font = size + 'px sans-serif';
            const w = ctx.measureText(n.label).width;
            out.push({id: n.id, px: size, x0: r.left + p.x - w / 2, x1: r.left + p.x + w / 2,
                      y0: r.top + bottom - size, y1: r.top + bottom + size * 0.2});
        });
        return out; }""", LABEL_MIN_PIXELS)
    o.page.screenshot(path=str(tmp_path / "fit.png"))
    assert len(labels) >= 5  # the entities with the most evidence are named at fit zoom
    assert min(label["px"] for label in labels) >= LABEL_MIN_PIXELS
    overlaps = [(a["id"], b["id"]) for i, a in enumerate(labels) for b in labels[i + 1:]
                if a["x0"] < b["x1"] and b["x0"] < a["x1"] and a["y0"] < b["y1"]
                and b["y0"] < a["y1"]]
    assert overlaps == []


def test_filters_by_paper_and_year(opened, corpus, corpus_html):
    o = opened(corpus_html)
    papers = o.js("() => Array.from(document.querySelectorAll('#exokg-papers input'))"
                  ".map(b => b.getAttribute('data-key'))")
    years = o.js("() => Array.from(document.querySelectorAll('#exokg-years input'))"
                 ".map(b => b.getAttribute('data-key'))")
    assert "paper:Zhang et al. 2016, J Clin Invest (pubmed:27035810)" in papers
    assert {"year:2016", "year:2018"} <= set(years)
    before = o.js("() => exokg.visibleCounts().edges")
    o.page.click("#exokg-years input[data-key='year:2016']")
    after = o.js("() => exokg.visibleCounts().edges")
    assert after < before
    # every relation still shown has evidence from another year (or none at all)
    left = o.js("""() => edges.get({filter: e => !e.hidden && e.exo.ev && e.exo.ev.length})
        .map(e => e.exo.ev.map(v => (JSON.parse(document.getElementById('exokg-meta')
        .textContent).docs[v.d] || [])[3]))""")
    assert all(any(y != 2016 for y in years_) for years_ in left)
    o.page.click("#exokg-years input[data-key='year:2016']")
    o.page.click("#exokg-papers input[data-key^='paper:Zhang et al. 2016']")
    assert o.js("() => exokg.visibleCounts().edges") < before
    o.page.click("#exokg-reset")
    assert o.js("() => exokg.visibleCounts().edges") == before
    o.assert_clean()


def test_export_of_what_is_shown(opened, corpus_html, tmp_path):
    from rdflib import Graph as RdfGraph

    o = opened(corpus_html)
    o.page.click("#exokg-years input[data-key='year:2016']")
    shown = o.js("() => exokg.visibleCounts().edges")
    with o.page.expect_download() as got:
        o.page.click("#exokg-export-csv")
    csv_path = tmp_path / "shown.csv"
    got.value.save_as(csv_path)
    import csv as csvlib

    rows = list(csvlib.DictReader(csv_path.open(encoding="utf-8", newline="")))
    assert len(rows) == shown and rows[0]["subject_label"]
    with o.page.expect_download() as got:
        o.page.click("#exokg-export-ttl")
    ttl = tmp_path / "shown.ttl"
    got.value.save_as(ttl)
    graph = RdfGraph().parse(ttl, format="turtle")
    statements = {str(s) for s in graph.subjects(
        URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#subject"))}
    assert statements and statements <= {r["statement"] for r in rows}
    with o.page.expect_download() as got:
        o.page.click("#exokg-export-png")
    png = tmp_path / "shown.png"
    got.value.save_as(png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5_000
    o.assert_clean()


def test_hovering_an_edge_shows_its_evidence_sentence(opened, corpus, corpus_html):
    o = opened(corpus_html)
    graph = corpus.graph
    shown = 0
    for edge_id in straight_edges_with_evidence(o)[:15]:
        text = hover_edge(o, edge_id)
        if text is None:
            continue
        evidence = sorted(graph.objects(URIRef(edge_id),
                                        URIRef("https://w3id.org/biolink/vocab/has_evidence")))
        sentence = clean_text(str(graph.value(evidence[0], URIRef(EXO + "sentenceText"))))
        if sentence[:80] not in text:  # the pointer may rest on a crossing edge: try another
            continue
        label = str(graph.value(graph.value(URIRef(edge_id), RDF.subject),
                                URIRef("http://www.w3.org/2000/01/rdf-schema#label")))
        assert text.startswith(clean_text(label)[:30])
        assert "evidence sentence" in text
        shown += 1
        if shown == 3:
            break
    assert shown >= 1, "no edge tooltip with its evidence sentence appeared"
    o.assert_clean()


def test_clicking_a_node_shows_identifier_links(opened, corpus_html):
    o = opened(corpus_html)
    cell = "http://purl.obolibrary.org/obo/CL_0000134"
    pos = o.js("(id) => network.getPositions([id])[id]", cell)
    point = dom_point(o, pos)
    o.page.mouse.click(point["x"], point["y"])
    assert o.js("() => network.getSelectedNodes()") == [cell]
    links = o.js("""() => Array.from(document.querySelectorAll('#exokg-details a')).map(
        a => [a.textContent, a.getAttribute('href'), a.target, a.rel])""")
    assert ["CL:0000134", cell, "_blank", "noopener noreferrer nofollow"] in links
    o.assert_clean()


def test_filters_hide_what_they_should(opened, corpus, corpus_html):
    o = opened(corpus_html)
    data = o.js("""() => ({nodes: nodes.get().map(n => [n.id, n.cls]),
                          edges: edges.get().map(e => [e.id, e.from, e.to, e.hedged,
                                                       e.exo.species || [], e.n])})""")
    cls = dict(data["nodes"])
    mirnas = {n for n, c in cls.items() if c == "MicroRNA"}
    assert mirnas

    o.page.click("input[data-key='class:MicroRNA']")
    h = hidden(o)
    assert mirnas <= set(h["nodes"])
    touching = {e[0] for e in data["edges"] if e[1] in mirnas or e[2] in mirnas}
    assert touching <= set(h["edges"])
    assert o.js("() => network.body.nodeIndices.filter(id => nodes.get(id).cls === "
                "'MicroRNA').length") == 0
    assert "showing" in o.js("() => document.getElementById('exokg-counts').textContent")
    o.page.click("input[data-key='class:MicroRNA']")
    assert hidden(o) == {"nodes": [], "edges": []}

    hedged = {s for s in corpus.graph.subjects(URIRef(EXO + "hedged"), None)
              if str(corpus.graph.value(s, URIRef(EXO + "hedged"))) == "true"}
    assert hedged
    o.page.click("input[data-key='hide:hedged']")
    assert {str(s) for s in hedged} == set(hidden(o)["edges"])
    o.page.click("input[data-key='hide:hedged']")

    o.page.click("input[data-key='species:rat']")
    rat_only = {e[0] for e in data["edges"] if e[4] == ["rat"]}
    assert rat_only and rat_only == set(hidden(o)["edges"])

    o.page.click("#exokg-reset")
    assert hidden(o) == {"nodes": [], "edges": []}
    assert o.js("() => document.querySelector(\"input[data-key='species:rat']\").checked")
    o.assert_clean()


def test_focused_page(opened, corpus):
    html_text = render_page(corpus, focus="miR-124", depth=1)
    o = opened(html_text)
    ids = set(o.js("() => nodes.getIds()"))
    assert MIR124 in ids and 2 <= len(ids) < 20
    assert "miR-124" in o.js("() => document.title")
    o.assert_clean()


def test_large_page_draws_without_physics(opened):
    graph = synthetic_graph(400, edges_per_node=1.5, seed=3)
    o = opened(render_page(graph))
    assert o.js("() => network.physics.options.enabled") is False
    assert o.js("() => [nodes.length, edges.length]") == list(expected_counts(graph))
    assert o.js("() => network.body.nodeIndices.length") == expected_counts(graph)[0]
    o.assert_clean()


def test_notebook_iframe_renders_sandboxed(opened, corpus):
    o = opened(content=f"<!DOCTYPE html><html><body>{notebook_html(corpus)}</body></html>")
    frame = o.page.frames[1]
    frame.wait_for_function("window.exokg && window.exokg.ready === true", timeout=30_000)
    assert frame.evaluate("() => nodes.length") == expected_counts(corpus.graph)[0]
    assert o.js("() => document.querySelector('iframe').getAttribute('sandbox')") == \
        "allow-scripts allow-popups allow-popups-to-escape-sandbox allow-downloads"
    o.assert_clean()


# -- hostile input -----------------------------------------------------------------------------

HOSTILE_DOCUMENT = """---
id: evil-doc
title: "<script>window.__pwned='title'</script><img src=x onerror=\\"window.__pwned='img'\\">"
authors: ["<b onmouseover=alert(1)>Mallory</b>", "O'Brien \\"Bobby\\" </script>"]
journal: "<svg onload=alert('journal')>"
year: 2020
doi: "10.1234/abc'onmouseover=alert(1)"
kind: abstract
---
MSC-derived exosomes loaded with miR-124 promoted neurogenesis <script>window.__pwned='sentence'</script> and reduced infarct volume in rats after stroke [<img src=x onerror="window.__pwned='marker'">].
Exosomes from MSCs may reduce brain edema "><img src=x onerror=alert(document.domain)> href javascript:alert(1) in mice with ischemic stroke (Evil et al., 2019).
MSC-derived exosomes did not reduce seizure <iframe src="javascript:alert(1)"></iframe> in patients with stroke.
Serum levels of miR-9 were higher in stroke patients than in controls ' onfocus=alert(1) autofocus x=' {{7*7}} ${alert(1)} </textarea><script>alert(1)</script>.
MSC-derived exosomes reduced infarct volume """ + "<b>x</b> " * 3000 + "in rats.\n"

HOSTILE_TITLE = "<img src=x onerror=\"window.__pwned='heading'\"></title><script>alert(1)</script>"


def exercise_everything(o: Opened) -> None:
    """Show every node's and edge's information, hover some, search payloads."""
    o.js("""() => { const d = document.getElementById('exokg-details');
        nodes.get().forEach(n => d.replaceChildren(exokg.nodeInfo(n, true)));
        edges.get().forEach(e => d.replaceChildren(exokg.edgeInfo(e, true))); }""")
    for edge_id in straight_edges_with_evidence(o)[:6]:
        hover_edge(o, edge_id)
    for text in ("<img src=x onerror=alert(1)>", "<script>", "miR-124"):
        o.page.fill("#exokg-search", text)
        o.page.press("#exokg-search", "Enter")
    for box in o.js("() => Array.from(document.querySelectorAll('#exokg-panel input"
                    "[type=checkbox]')).map(b => b.getAttribute('data-key'))"):
        o.page.click(f"input[data-key={js_string(box)}]")
    o.page.click("#exokg-reset")


def js_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def assert_nothing_ran(o: Opened) -> None:
    assert o.js("() => typeof window.__pwned") == "undefined"
    assert o.js("() => document.querySelectorAll('script:not([type]), script[type=\"text/"
                "javascript\"]').length") == 4  # utils, vis-network, pyvis, exokg
    bad = o.js("""() => Array.from(document.querySelectorAll(
        '#exokg-details *, #exokg-tooltip *, #exokg-panel h1 *')).filter(
        e => !['DIV','SPAN','EM','A','UL','LI','BLOCKQUOTE','P'].includes(e.tagName)).map(
        e => e.tagName)""")
    assert bad == []
    hrefs = o.js("() => Array.from(document.querySelectorAll('a'))"
                 ".map(a => a.getAttribute('href'))")
    assert all(h.startswith(("https://", "http://")) for h in hrefs), hrefs
    o.assert_clean()


def test_hostile_document_runs_nothing(opened, tmp_path):
    doc = tmp_path / "evil.txt"
    doc.write_text(HOSTILE_DOCUMENT, encoding="utf-8")
    result = build(paths=[doc])
    assert len(result.statements) >= 4
    o = opened(render_page(result, title=HOSTILE_TITLE))
    assert o.js("() => document.title") == HOSTILE_TITLE
    assert o.js("() => document.getElementById('exokg-title').textContent") == HOSTILE_TITLE
    exercise_everything(o)
    text = o.js("""() => { const d = document.getElementById('exokg-details'); const out = [];
        edges.get().forEach(e => { d.replaceChildren(exokg.edgeInfo(e, true));
                                   out.push(d.textContent); }); return out.join('\\n'); }""")
    assert "<script>window.__pwned='sentence'</script>" in text  # shown as text
    assert "<iframe src=\"javascript:alert(1)\"></iframe>" in text
    assert_nothing_ran(o)


def test_hostile_graph_labels_and_identifiers_run_nothing(opened):
    graph = synthetic_graph(40, hostile=True, seed=5)
    o = opened(render_page(graph, title=HOSTILE_TITLE))
    labels = o.js("() => nodes.get().map(n => n.exo.label).join(' ')")
    assert all(p.strip()[:12] in labels for p in PAYLOADS[:8])
    exercise_everything(o)
    assert_nothing_ran(o)
    # a focused page around an entity whose label is a payload
    focus = next(n for n in o.js("() => nodes.get().map(n => n.exo.label)") if "<script>" in n)
    o2 = opened(render_page(graph, focus=focus, depth=1), name="focus.html")
    exercise_everything(o2)
    assert_nothing_ran(o2)


def test_hostile_graph_in_notebook_iframe(opened):
    graph = synthetic_graph(30, hostile=True, seed=9)
    o = opened(content="<!DOCTYPE html><html><body>"
                       f"{notebook_html(graph, title=HOSTILE_TITLE, mode='full')}</body></html>")
    frame = o.page.frames[1]
    frame.wait_for_function("window.exokg && window.exokg.ready === true", timeout=30_000)
    frame.evaluate("""() => { const d = document.getElementById('exokg-details');
        edges.get().forEach(e => d.replaceChildren(exokg.edgeInfo(e, true))); }""")
    assert o.js("() => typeof window.__pwned") == "undefined"
    assert frame.evaluate("() => typeof window.__pwned") == "undefined"
    assert o.js("() => document.body.children.length") == 1  # nothing escaped the attribute
    o.assert_clean()
