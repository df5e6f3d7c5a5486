"""The notebook API: exokg.load, sparql, entity lookup, evidence, graph helpers, repr."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

import exokg
from exokg.errors import QueryError
from exokg.query.api import KnowledgeGraph
from exokg.query.errors import EntityNotFound


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A build of the bundled corpus laid out like ``exokg build`` writes it (only the
    Turtle export and the store: the other exports are not needed here)."""
    from exokg.export.turtle import to_turtle
    from exokg.graph.store import default_store_path, write_store
    from exokg.pipeline import build

    root = tmp_path_factory.mktemp("built")
    turtle = to_turtle(build().graph)
    (root / "exports").mkdir()
    (root / "exports" / "exokg.ttl").write_bytes(turtle)
    write_store(turtle, default_store_path(root / "exports"))
    return root


@pytest.fixture(scope="module")
def kg(built):
    graph = exokg.load(built / "exports")
    yield graph
    graph.close()


def test_import_is_lazy_and_load_is_exported():
    code = ("import sys, exokg; assert 'exokg.query.api' not in sys.modules; "
            "assert 'pandas' not in sys.modules; f = exokg.load; "
            "assert f.__module__ == 'exokg.query.api'; print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "ok"
    assert "load" in exokg.__all__


def test_load_accepts_a_store_an_exports_folder_a_turtle_file_and_a_build(built):
    store = built / ".exokg" / "store"
    for source in (built / "exports", store, built / "exports" / "exokg.ttl"):
        with exokg.load(source) as graph:
            assert graph.stats()["statements"] == 78, source
    from exokg.pipeline import build

    graph = exokg.load(build())
    temporary = graph.path
    assert graph.stats()["statements"] == 78
    graph.close()
    assert not temporary.exists()  # a temporary store is removed on close
    with pytest.raises(QueryError, match="no such store"):
        exokg.load(built / "missing")
    with pytest.raises(QueryError, match="not an Oxigraph store"):
        exokg.load(built)  # a folder that is neither


def test_load_without_arguments_builds_the_bundled_corpus_once(tmp_path, monkeypatch):
    from exokg.project import NoGraphWarning

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("EXOKG_STORE", raising=False)
    with pytest.warns(NoGraphWarning), exokg.load() as first:
        assert first.source == "bundled corpus"
        assert first.path == (tmp_path / ".exokg" / "store").resolve() or \
            first.path.resolve() == (tmp_path / ".exokg" / "store").resolve()
        assert first.stats()["statements"] == 78
    with exokg.load() as second:  # the store exists now: opened, not rebuilt
        assert second.source.startswith("bundled corpus, the graph in ")
        assert second.path.resolve() == first.path.resolve()


def test_sparql_values_none_and_curies(kg):
    frame = kg.sparql("""
        SELECT ?trial ?enrollment ?start ?phase ?hedged ?nothing WHERE {
          ?trial exo:enrollment ?enrollment ; exo:startDate ?start ; exo:phase ?phase .
          ?st rdf:subject ?trial ; rdf:predicate exo:phase ; exo:hedged ?hedged .
          OPTIONAL { ?trial exo:noSuchProperty ?nothing }
        }""")
    row = frame.iloc[0]
    assert row["enrollment"] == 5 and isinstance(row["enrollment"], (int, type(row["enrollment"])))
    assert int(row["enrollment"]) == 5
    assert row["start"] == "2018-10" and row["phase"] == "Phase 1/2"
    assert bool(row["hedged"]) is False
    assert row["nothing"] is None
    assert list(frame.columns) == ["trial", "trial_curie", "enrollment", "start", "phase",
                                   "hedged", "nothing"]
    assert row["trial_curie"] == "clinicaltrials:NCT03384433"
    assert row["trial"] == "https://www.clinicaltrials.gov/study/NCT03384433"
    dates = kg.sparql('SELECT ?d ?y WHERE { BIND("2018-10-01"^^xsd:date AS ?d) '
                      'BIND("2018"^^xsd:gYear AS ?y) }')
    assert dates["d"][0] == dt.date(2018, 10, 1) and dates["y"][0] == 2018
    assert kg.sparql("ASK { ?m a exo:MicroRNA }") is True
    assert kg.sparql("ASK { ?m a exo:NoSuchClass }") is False
    constructed = kg.sparql("CONSTRUCT { ?m rdfs:label ?l } WHERE { ?m a exo:MicroRNA ; "
                            "rdfs:label ?l }")
    assert list(constructed.columns[:2]) == ["subject", "subject_curie"]
    assert "miR-9" in set(constructed["object"])


def test_sparql_bindings(kg):
    by_keyword = kg.sparql("SELECT ?m ?l WHERE { ?m rdfs:label ?l }", l="miR-9")
    by_dict = kg.sparql("SELECT ?m ?l WHERE { ?m rdfs:label ?l }", {"l": "miR-9"})
    assert by_keyword["m_curie"].tolist() == by_dict["m_curie"].tolist() == ["exokg:mirna/mir-9"]
    iri = kg.sparql("SELECT ?m ?l WHERE { ?m rdfs:label ?l }", m="exokg:mirna/mir-124")
    assert iri["l"].tolist() == ["miR-124"]
    number = kg.sparql("SELECT ?t ?n WHERE { ?t exo:enrollment ?n }", n=5)
    assert number["t_curie"].tolist() == ["clinicaltrials:NCT03384433"]
    # a bound variable need not be projected; FILTERs of the WHERE group see it
    unprojected = kg.sparql("SELECT ?m WHERE { ?m rdfs:label ?l }", l="miR-9")
    assert unprojected["m_curie"].tolist() == ["exokg:mirna/mir-9"]
    filtered = kg.sparql("SELECT ?m WHERE { ?m exo:mirnaName ?n FILTER(STRSTARTS(?n, ?p)) }",
                         p="miR-12")
    assert set(filtered["m_curie"]) == {"exokg:mirna/mir-124", "exokg:mirna/mir-126"}
    with pytest.raises(QueryError, match="WHERE group"):
        kg.sparql("DESCRIBE <https://w3id.org/exokg/id/mirna/mir-9>", x=1)
    # a misspelt binding is an error, not silently ignored
    with pytest.raises(QueryError, match=r"no variable \?lable to bind.*\?l, \?m"):
        kg.sparql("SELECT ?m WHERE { ?m rdfs:label ?l }", lable="miR-9")


def test_entity_lookup(kg):
    top = kg.entity("miR-124").iloc[0]
    assert (top["entity_curie"], top["matched_on"], top["score"]) == (
        "exokg:mirna/mir-124", "label", 100)
    assert kg.entity("microRNA-124")["entity_curie"][0] == "exokg:mirna/mir-124"
    assert kg.entity("MIR124")["entity_curie"][0] == "exokg:mirna/mir-124"
    assert kg.entity("MSC")["entity_curie"][0] == "CL:0000134"
    variant = kg.entity("intraparanchymal").iloc[0]  # a misspelling kept as a variant
    assert (variant["entity_curie"], variant["matched_on"]) == ("NCIT:C119548", "synonym")
    assert kg.entity("CL:0000134")["matched_on"][0] == "identifier"
    xref = kg.entity("mesh:D044982").iloc[0]
    assert (xref["entity_curie"], xref["matched_on"]) == ("CL:0000134", "cross-reference")
    assert kg.entity("no such thing at all").empty
    assert kg.resolve("NIH Stroke Scale") == "https://loinc.org/70182-1"
    assert kg.resolve("https://loinc.org/70182-1") == "https://loinc.org/70182-1"
    with pytest.raises(EntityNotFound, match="no entity"):
        kg.resolve("no such thing at all")
    with pytest.raises(EntityNotFound, match="did you mean: .*modified Rankin Scale"):
        kg.resolve("Rankin")


def test_evidence_for_a_pair_an_entity_and_a_statement(kg):
    pair = kg.evidence("miR-9", "NIH Stroke Scale")
    assert len(pair) == 1
    row = pair.iloc[0]
    assert row["citations"] == "[18]" and "positively correlated" in row["sentence"]
    assert row["document_curie"] == "exokg:document/000_112079930ad29e58-e08"
    assert pair.equals(kg.evidence("NIH Stroke Scale", "miR-9"))  # either direction
    text = kg.sparql("SELECT ?d ?t WHERE { ?d exo:text ?t }", d=row["document"])["t"][0]
    assert text[int(row["start"]):int(row["end"])] == row["sentence_original"]
    # for reading: the PDF's line-end hyphen joined; the exact text stays beside it
    assert "in- flammatory" in row["sentence_original"]
    assert "the inflammatory biomarker" in row["sentence"] and "\n" not in row["sentence"]
    statement = kg.evidence(row["statement_curie"])
    assert statement["statement"].tolist() == [row["statement"]]
    everything = kg.evidence("miR-9")
    assert {"NIH Stroke Scale", "ischemic stroke"} <= set(everything["object_label"])
    assert kg.evidence("miR-126", "NIH Stroke Scale").empty


def test_networkx_view_and_helpers(kg):
    view = kg.to_networkx()
    assert isinstance(view, nx.MultiDiGraph) and view is kg.to_networkx()
    assert view.nodes["exokg:mirna/mir-124"]["label"] == "miR-124"
    near = kg.neighbourhood("miR-9")
    assert {"NIH Stroke Scale", "ischemic stroke", "interleukin-6"} <= set(near["object_label"])
    assert set(near["subject_label"]) == {"miR-9"}
    wider = kg.neighbourhood("miR-9", depth=2)
    assert "miR-124" in set(wider["subject_label"])
    sub = kg.neighbourhood("miR-9", depth=1, as_graph=True)
    assert isinstance(sub, nx.MultiDiGraph) and "loinc:70182-1" in sub
    assert kg.neighbourhood("miR-9", depth=0).empty
    # labels beside CURIEs, None (not NaN) where nothing is stated
    mice = kg.neighbourhood("miR-124", depth=2)
    rows = mice[mice["species_curie"] == "NCBITaxon:9606"]
    assert not rows.empty and set(rows["species"]) == {"human"}
    assert mice["species"].map(lambda v: v is None or isinstance(v, str)).all()
    unstated = kg.neighbourhood("miR-133b", depth=2)  # review sentences name no species
    assert any(v is None for v in unstated["species"])
    assert mice["predicate_label"].map(lambda v: isinstance(v, str) and ":" not in v).all()
    paths = kg.paths("miR-9", "miR-124")
    first = paths[paths["path"] == 1]
    assert first["from"].iloc[0] == "exokg:mirna/mir-9"
    assert first["to"].iloc[-1] == "exokg:mirna/mir-124"
    assert first["statement"].str.startswith("exokg:statement/").all()
    assert kg.paths("miR-9", "miR-124", max_length=1).empty
    ranking = kg.centrality()
    assert ranking["rank"].tolist()[:3] == [1, 2, 3]
    degree = nx.degree_centrality(kg._claims_view(False).subgraph(
        n for n, d in kg._claims_view(False).nodes(data=True) if d.get("category") != "Value"))
    top = ranking.iloc[0]
    assert top["score"] == pytest.approx(degree[top["entity"]]) and top["score"] <= 1

    assert ranking["score"].is_monotonic_decreasing
    assert ranking["entity"][0] == "clinicaltrials:NCT03384433"
    mirnas = kg.centrality("pagerank", category="MicroRNA")
    assert set(mirnas["category"]) == {"MicroRNA"}
    assert len(kg.centrality("betweenness", top=3)) == 3
    assert len(kg.centrality("eigenvector", top=3)) == 3
    with pytest.raises(ValueError, match="unknown centrality"):
        kg.centrality("fame")


def test_named_query_listing(kg):
    listing = kg.queries()
    assert {"name", "title", "parameters", "description"} <= set(listing.columns)
    assert "?trial iri optional" in listing.set_index("name").loc["trial-design", "parameters"]


def test_repr_and_html_escape_everything(tmp_path, built):
    hostile = tmp_path / "<b>x&'\""
    hostile.mkdir()
    turtle = hostile / "<img src=x onerror=alert(1)>.ttl"
    turtle.write_bytes((built / "exports" / "exokg.ttl").read_bytes())
    with exokg.load(turtle) as graph:
        page = graph._repr_html_()
        assert "<img" not in page and "<b>x" not in page
        assert "&lt;img src=x onerror=alert(1)&gt;" in page
        assert "statements" in page and "trial-design" in page
        assert repr(graph).startswith("<exokg.KnowledgeGraph store=")


def test_show_uses_the_html_helper(kg):
    pytest.importorskip("exokg.viz")
    shown = kg.show(focus="miR-124", depth=1, mode="full")
    page = shown.data if hasattr(shown, "data") else shown
    assert page.startswith("<iframe") and "srcdoc=" in page
    # a small view is drawn light by default: kilobytes, not the 700 kB drawing library
    light = kg.show(focus="miR-124", depth=0)
    light = light.data if hasattr(light, "data") else light
    assert light.startswith('<figure class="exokg-light"') and "<script" not in light
    assert len(light.encode("utf-8")) < 20_000 < len(page.encode("utf-8"))


def test_graph_property_matches_the_store(kg):
    graph = kg.graph
    assert len(graph) == kg.stats()["triples"]
    assert isinstance(KnowledgeGraph, type)
    frame = pd.DataFrame(kg.stats()["entities"].items(), columns=["class", "n"])
    assert {"MicroRNA", "ClinicalTrial"} <= set(frame["class"])


def test_evidence_reads_like_a_paper_and_keeps_exact_offsets(kg):
    frame = kg.evidence("MSC-derived exosomes enriched in miR-133b", "neurological function")
    row = frame.iloc[0]
    assert row["publication"] == "Zhang et al. 2016, J Clin Invest"
    assert row["link"] == "https://pubmed.ncbi.nlm.nih.gov/27035810/"
    assert (row["pmid"], row["doi"]) == ("27035810", "10.1172/JCI81133")
    unattributed = kg.evidence("miR-9", "NIH Stroke Scale").iloc[0]  # the excerpt says not
    assert unattributed["publication"].endswith("(publication not stated)")
    assert unattributed["link"] is None
    everything = kg.sparql("SELECT ?d ?text WHERE { ?d a exo:Document ; exo:text ?text }")
    texts = dict(zip(everything["d"], everything["text"]))
    broken = None
    for name in ("angiogenesis", "neurological function", "infarct volume", "inflammation"):
        try:
            rows = kg.evidence(name)
        except EntityNotFound:
            continue
        for r in rows.itertuples():
            original = texts[r.document][r.start:r.end]
            assert original == r.sentence_original  # offsets still slice the original
            if r.sentence != r.sentence_original and "- " in original:
                broken = r
    assert broken is not None, "no evidence sentence with a PDF line-end hyphen"
    assert not re.search(r"[a-z]- [a-z]", broken.sentence.replace("- and", ""))


def test_evidence_rolls_up_from_a_mirna_only_when_asked(kg):
    with pytest.warns(exokg.query.api.EvidenceHint, match="3 exosome preparation"):
        direct = kg.evidence("miR-133b", "neurological function")
    assert direct.empty
    rolled = kg.evidence("miR-133b", "neurological function", via_cargo=True)
    assert len(rolled) >= 2 and rolled["via"].str.contains("miR-133b").all()
    assert set(rolled["subject_label"]) == set(rolled["via"])
    own = kg.evidence("miR-9", "NIH Stroke Scale", via_cargo=True)
    assert own["via"].map(lambda v: v is None).all()
