"""Fast tests of the HTML page without a browser: CSP, no external resources, escaping,
what is drawn, focused views, the notebook iframe and the CLI."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from html.parser import HTMLParser

import pytest
from rdflib import RDF, Graph, URIRef

from exokg.cli import main
from exokg.pipeline import build
from exokg.viz import EntityNotFoundError, build_view, graph_view, notebook_html, render_page
from exokg.viz.page import UnsafePageError
from exokg.viz.style import EDGE_KINDS, edge_kind
from exokg.viz.synthetic import PAYLOADS, synthetic_graph

EXO = "https://w3id.org/exokg/vocab/"
HOSTILE_TITLE = "<img src=x onerror=\"window.__pwned='heading'\"></title><script>alert(1)</script>"


@pytest.fixture(scope="module")
def corpus():
    return build()


@pytest.fixture(scope="module")
def corpus_page(corpus):
    return render_page(corpus)


@pytest.fixture(scope="module")
def hostile_page():
    return render_page(synthetic_graph(40, hostile=True, seed=5), title=HOSTILE_TITLE)


class Census(HTMLParser):
    """Every tag with its attributes, the text of <title> and <h1>, and raw script bodies."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: dict[str, str] = {}
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.tags.append((tag, dict(attrs)))
        self._in = tag

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self._in in ("title", "h1"):
            self.text[self._in] = self.text.get(self._in, "") + data
        if self._in == "script":
            self.scripts.append((self.tags[-1][1], data))

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        self._in = None


def census(page: str) -> Census:
    c = Census()
    c.feed(page)
    return c


def page_data(page: str) -> tuple[list[dict], list[dict]]:
    nodes = re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);\n", page, re.DOTALL)
    edges = re.search(r"edges = new vis\.DataSet\((\[.*?\])\);\n", page, re.DOTALL)
    assert nodes and edges
    return json.loads(nodes.group(1)), json.loads(edges.group(1))


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


# -- self-contained and locked down ------------------------------------------------------------


def test_csp_meta_comes_first_and_allows_only_the_page_itself(corpus_page):
    c = census(corpus_page)
    metas = [a for t, a in c.tags if t == "meta" and a.get("http-equiv") ==
             "Content-Security-Policy"]
    assert len(metas) == 1
    first_script = next(i for i, (t, _) in enumerate(c.tags) if t in ("script", "style"))
    assert c.tags.index(("meta", metas[0])) < first_script
    policy = dict(d.strip().split(" ", 1) for d in metas[0]["content"].split(";"))
    assert policy["default-src"] == "'none'"
    assert policy["base-uri"] == "'none'" and policy["form-action"] == "'none'"
    assert "unsafe" not in metas[0]["content"]
    assert "http" not in metas[0]["content"]
    executable = [body for attrs, body in c.scripts if attrs.get("type") != "application/json"]
    assert len(executable) == 4  # pyvis utils, vis-network, pyvis's drawGraph, exokg.js
    assert set(policy["script-src"].split()) == {sha(b) for b in executable}
    styles = re.findall(r"<style[^>]*>(.*?)</style>", corpus_page, re.DOTALL)
    assert set(policy["style-src"].split()) == {sha(s) for s in styles}


def test_no_network_resources(corpus_page):
    c = census(corpus_page)
    for tag, attrs in c.tags:
        assert "src" not in attrs, (tag, attrs)
        assert not (tag == "link"), attrs
        assert "style" not in attrs, (tag, attrs)
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
    for marker in ("bootstrap", "cdn.jsdelivr", "cdnjs.cloudflare", "unpkg.com"):
        assert marker not in corpus_page
    assert corpus_page.startswith("<!DOCTYPE html>")
    assert "\r" not in corpus_page  # hashes are of the text the browser sees


def test_page_is_deterministic(corpus):
    assert render_page(corpus) == render_page(corpus)


def test_hostile_text_never_becomes_markup(hostile_page):
    for payload in PAYLOADS:
        if "<" in payload:
            assert payload not in hostile_page
    assert "</script><script>" not in hostile_page
    c = census(hostile_page)
    allowed = {"html", "head", "meta", "title", "style", "script", "body", "aside", "h1", "h2",
               "small", "p", "form", "input", "button", "datalist", "div", "section"}
    assert {t for t, _ in c.tags} <= allowed
    assert len([1 for t, _ in c.tags if t == "script"]) == 5
    assert c.text["title"] == HOSTILE_TITLE
    assert c.text["h1"] == HOSTILE_TITLE
    nodes, edges = page_data(hostile_page)
    labels = " ".join(n["exo"]["label"] for n in nodes)
    assert PAYLOADS[0] in labels  # the payloads arrive intact, as data
    sentences = " ".join(ev["t"] for e in edges for ev in e["exo"].get("ev", []))
    assert PAYLOADS[1] in sentences
    meta = json.loads(next(b for a, b in c.scripts if a.get("type") == "application/json"))
    assert meta["title"] == HOSTILE_TITLE


def test_no_title_attribute_so_pyvis_never_uses_innerhtml(hostile_page):
    nodes, edges = page_data(hostile_page)
    assert not any("title" in n for n in nodes + edges)
    assert "popup.innerHTML" not in hostile_page  # pyvis's tooltip_link branch is off
    assert "TomSelect" not in hostile_page.split("<script>", 3)[-1]  # no select/filter menus


def test_very_long_text_is_cut():
    from exokg.viz.view import MAX_SENTENCE, clean_text

    assert len(clean_text("x" * 100_000, MAX_SENTENCE)) == MAX_SENTENCE


def test_a_template_that_loads_something_is_refused(monkeypatch, corpus):
    import exokg.viz.page as page

    real = page._asset
    monkeypatch.setattr(page, "_asset", lambda name: real(name) + (
        '<img src="https://example.invalid/x.png">' if name == "panel.html" else ""))
    with pytest.raises(UnsafePageError):
        page.render_html(build_view(corpus.graph))


# -- what is drawn -----------------------------------------------------------------------------


def test_every_statement_is_an_edge_and_every_participant_a_node(corpus, corpus_page):
    g = corpus.graph
    statements = set(g.subjects(RDF.type, URIRef(EXO + "Statement")))
    nodes, edges = page_data(corpus_page)
    edge_ids = {e["id"] for e in edges}
    assert {str(s) for s in statements} <= edge_ids
    node_ids = {n["id"] for n in nodes}
    for s in statements:
        for term in (g.value(s, RDF.subject), g.value(s, RDF.object)):
            if isinstance(term, URIRef):
                assert str(term) in node_ids
    assert len(node_ids) == len(nodes)
    assert all(e["from"] in node_ids and e["to"] in node_ids for e in edges)
    assert {e["kind"] for e in edges} <= set(EDGE_KINDS)


def test_negated_and_hedged_edges_look_different():
    doc_graph = synthetic_graph(60, seed=1)
    _, edges = page_data(render_page(doc_graph))
    negated = [e for e in edges if e["neg"]]
    hedged = [e for e in edges if e["hedged"] and not e["neg"]]
    plain = [e for e in edges if not e["hedged"] and not e["neg"]]
    assert negated and hedged and plain
    assert all(e["dashes"] == [2, 5] and e["arrows"]["to"]["type"] == "bar" for e in negated)
    assert all(e["label"].startswith("NOT ") for e in negated)
    assert all(e["dashes"] == [9, 6] and "arrows" not in e for e in hedged)
    assert all("dashes" not in e for e in plain)


def test_node_size_grows_with_evidence(corpus_page):
    nodes, _ = page_data(corpus_page)
    by_evidence = sorted(nodes, key=lambda n: n["ev"])
    assert by_evidence[0]["size"] < by_evidence[-1]["size"]


def test_identifier_links_are_built_from_identifiers(corpus):
    view = build_view(corpus.graph)
    cell = view.nodes["http://purl.obolibrary.org/obo/CL_0000134"]
    assert ("CL:0000134", "http://purl.obolibrary.org/obo/CL_0000134") in \
        [(link.text, link.url) for link in cell.identifiers]
    minted = view.nodes["https://w3id.org/exokg/id/mirna/mir-124"]
    assert all(link.url is None or "w3id.org/exokg" not in link.url
               for link in minted.identifiers)
    sources = {ev.source.url for e in view.edges for ev in e.evidence if ev.source}
    assert sources and all(u is None or u.startswith("https://pubmed.ncbi.nlm.nih.gov/")
                           or u.startswith("https://doi.org/") for u in sources)


@pytest.mark.parametrize(("predicate", "direction", "kind"), [
    ("biolink:affects", "increased", "increase"),
    ("biolink:affects", "decreased", "decrease"),
    ("biolink:associated_with", None, "association"),
    ("biolink:beneficial_in_models_for", None, "association"),
    ("exo:cargo", None, "composition"),
    ("RO:0002607", None, "composition"),
    ("exo:phase", None, "trial"),
    ("biolink:in_clinical_trials_for", None, "trial"),
])
def test_edge_kinds(predicate, direction, kind):
    assert edge_kind(predicate, direction) == kind


# -- focused views -----------------------------------------------------------------------------


def test_focus_by_label_synonym_and_curie(corpus):
    view = graph_view(corpus, focus="miR-124", depth=1)
    mir = "https://w3id.org/exokg/id/mirna/mir-124"
    assert mir in view.nodes and 1 < len(view.nodes) < 20
    assert all(mir in (e.source, e.target) or e.source in view.nodes for e in view.edges)
    assert set(graph_view(corpus, focus="CL:0000134", depth=0).nodes) == \
        {"http://purl.obolibrary.org/obo/CL_0000134"}
    assert set(graph_view(corpus, focus="Mesenchymal Stromal Cell", depth=0).nodes) == \
        {"http://purl.obolibrary.org/obo/CL_0000134"}
    deeper = graph_view(corpus, focus="miR-124", depth=2)
    assert set(view.nodes) < set(deeper.nodes)


def test_focus_on_unknown_entity_suggests_names(corpus):
    with pytest.raises(EntityNotFoundError, match="did you mean"):
        graph_view(corpus, focus="miR-1244")
    with pytest.raises(ValueError):
        graph_view(corpus, focus="miR-124", depth=-1)


# -- notebooks ---------------------------------------------------------------------------------


def test_notebook_iframe_escapes_the_page(corpus):
    frame = notebook_html(Graph() + corpus.graph, focus="miR-124", mode="full")
    match = re.fullmatch(r'<iframe class="exokg-graph" sandbox="allow-scripts '
                         r'allow-popups allow-popups-to-escape-sandbox allow-downloads" '
                         r'referrerpolicy="no-referrer" title="[^"<]*" width="100%" '
                         r'height="640" frameborder="0" srcdoc="([^"<>]*)"></iframe>\n',
                         frame)
    assert match
    assert html.unescape(match.group(1)) == render_page(corpus, focus="miR-124")


def test_notebook_html_accepts_objects_holding_a_graph(corpus):
    class KG:
        def __init__(self, graph):
            self.graph = graph

    assert notebook_html(KG(corpus.graph)) == notebook_html(corpus)
    with pytest.raises(TypeError):
        notebook_html(object())


# -- command line and exports ------------------------------------------------------------------


def test_cli_viz_writes_pages(tmp_path, capsys):
    assert main(["viz", "--out", str(tmp_path), "-q"]) == 0
    assert (tmp_path / "exokg.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["viz", "--out", str(tmp_path), "--focus", "miR-124", "--depth", "2"]) == 0
    assert (tmp_path / "focus-mir-124-d2.html").exists()
    assert "focus-mir-124-d2.html" in capsys.readouterr().out
    assert main(["viz", "--out", str(tmp_path), "--focus", "no-such-thing"]) == 2
    assert "no entity in the graph is called 'no-such-thing'" in capsys.readouterr().err
    assert main(["viz", "--out", str(tmp_path), "-o", str(tmp_path / "x.html"),
                 "--title", "<b>t</b>", "-q"]) == 0
    assert "<title>&lt;b&gt;t&lt;/b&gt;</title>" in (tmp_path / "x.html").read_text("utf-8")


def test_build_exports_include_the_page(corpus, corpus_page):
    from exokg.export.writer import render_outputs

    assert render_outputs(corpus)["exokg.html"] == corpus_page.encode("utf-8")


def test_query_view_draws_a_named_query_result(corpus):
    from exokg.viz.query import query_view

    view = query_view(corpus, "entity-findings", {"entity": "miR-124"})
    mir = "https://w3id.org/exokg/id/mirna/mir-124"
    assert mir in view.nodes
    statements = [e for e in view.edges if e.statement]
    assert statements
    narrower = {mir} | {str(s) for s in corpus.graph.subjects(
        URIRef("http://www.w3.org/2004/02/skos/core#broader"), URIRef(mir))}
    assert all({e.source, e.target} & narrower for e in statements)
    assert view.title == "exokg: query entity-findings (entity=miR-124)"


def test_cli_viz_query(tmp_path, capsys):
    assert main(["viz", "--out", str(tmp_path), "--query", "entity-findings",
                 "--param", "entity=miR-124", "-q"]) == 0
    assert (tmp_path / "query-entity-findings-entity-mir-124.html").exists()
    assert main(["viz", "--out", str(tmp_path), "--query", "no-such-query"]) == 2
    assert "no named query 'no-such-query'" in capsys.readouterr().err
    assert main(["viz", "--out", str(tmp_path), "--query", "entity-findings",
                 "--param", "entity"]) == 2
    assert "expected NAME=VALUE" in capsys.readouterr().err



def test_evidence_on_the_page_reads_like_a_paper(corpus):
    from exokg.viz.api import render_page

    page = render_page(corpus)
    assert "in- flammatory" not in page and "the inflammatory biomarker" in page
    assert "Zhang et al. 2016, J Clin Invest" in page  # first author, year, journal


def test_page_search_keys_come_from_the_resolver(corpus):
    import json

    from exokg.viz.api import render_page

    page = render_page(corpus, focus="miR-124", depth=1)
    assert json.dumps("m:mir124") in page


def test_light_notebook_view_is_small_and_escapes_everything():
    from exokg.viz.synthetic import synthetic_graph

    light = notebook_html(synthetic_graph(30, hostile=True, seed=9), title="<b>x</b>")
    assert light.startswith('<figure class="exokg-light"')
    assert "<script" not in light.lower() and "<b>x" not in light
    assert not re.search(r"<(?!/?(figure|figcaption|b|br|code|span|svg|defs|marker|path|line|"
                         r"circle|text|title)\b)[a-z]", light)
    assert len(light.encode("utf-8")) < 60_000
    with pytest.raises(ValueError, match="mode"):
        notebook_html(Graph(), mode="tiny")
