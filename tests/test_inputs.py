"""Bring your own literature: PubMed XML, ClinicalTrials.gov JSON, format detection and the
one-line errors for bad input (issue #6). Fixtures are small files written for the tests
(tests/data/inputs) or made in tmp_path; nothing touches the network."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from exokg.cli import main
from exokg.corpus.readers import count_documents, detect_format, iter_documents
from exokg.errors import InputError
from exokg.pipeline import build

DATA = Path(__file__).parent / "data" / "inputs"
PUBMED = DATA / "pubmed_two_articles.xml"
REGISTRY = Path(__file__).parent / "devset" / "documents" / "NCT03384433.json"


def test_pubmed_articles_become_documents_with_exact_offsets() -> None:
    docs = list(iter_documents(PUBMED))
    assert [d.id for d in docs] == ["pubmed-11111111", "pubmed-22222222"]
    first = docs[0]
    assert first.kind == "abstract"
    assert first.text.startswith("MSC-derived exosomes improve functional recovery after stroke.")
    sections = [f for f in first.fields if f.name == "section"]
    assert [f.value for f in sections] == ["BACKGROUND", "RESULTS"]
    for f in first.fields:  # every recorded part slices the built text exactly
        assert first.text[f.start:f.end].endswith(f.value if f.name == "title" else ".")
    assert first.text[sections[1].start:sections[1].end] == \
        "RESULTS: MSC-derived exosomes reduced infarct volume in rats & mice."
    src = first.source
    assert (src.pmid, src.doi, src.journal, src.year, src.authors) == \
        ("11111111", "10.1000/test.1", "Test Journal", 2019, ("Doe J",))
    assert src.mesh == (("mesh:D020521", "Stroke"),)
    assert count_documents(PUBMED) == 2


def test_pubmed_evidence_slices_the_document_text() -> None:
    result = build([PUBMED])
    texts = {d.id: d.text for d in result.documents}
    evidence = [e for s in result.statements for e in s.evidence]
    assert evidence
    for e in evidence:
        assert texts[e.document_id][e.start:e.end] == e.text


@pytest.mark.parametrize("prolog, message", [
    ('<!DOCTYPE PubmedArticleSet [<!ENTITY a "aaaa">]>', "refused"),
    ('<!DOCTYPE PubmedArticleSet [<!ELEMENT a ANY>]>', "internal subset"),
    ('<!ENTITY a "x">', "entity declarations"),
])
def test_pubmed_entities_are_refused_before_parsing(tmp_path: Path, prolog: str,
                                                    message: str) -> None:
    path = tmp_path / "bomb.xml"
    path.write_text(f'<?xml version="1.0"?>\n{prolog}\n<PubmedArticleSet>&a;</PubmedArticleSet>',
                    encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        list(iter_documents(path))
    assert info.value.line == 2 and str(path) in str(info.value)


def test_malformed_pubmed_xml_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.xml"
    path.write_text("<PubmedArticleSet>\n<PubmedArticle><MedlineCitation>\n</PubmedArticle>"
                    "\n</PubmedArticleSet>", encoding="utf-8")
    with pytest.raises(InputError, match="malformed XML") as info:
        list(iter_documents(path))
    assert info.value.line == 3


def test_article_without_pmid_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "nopmid.xml"
    path.write_text("<PubmedArticleSet>\n<PubmedArticle><MedlineCitation><Article>"
                    "<ArticleTitle>T.</ArticleTitle></Article></MedlineCitation></PubmedArticle>"
                    "</PubmedArticleSet>", encoding="utf-8")
    with pytest.raises(InputError, match="no numeric PMID"):
        list(iter_documents(path))


def test_registry_record_becomes_statements_about_the_trial() -> None:
    result = build([REGISTRY])
    doc = result.documents[0]
    assert (doc.id, doc.kind) == ("NCT03384433", "registry-record")
    by_rule = {(e.rule, s.predicate): s for s in result.statements for e in s.evidence}
    phase = by_rule[("registry.phase", "exo:phase")]
    assert phase.subject.id == "clinicaltrials:NCT03384433"
    assert phase.object.text == "Phase 1"
    assert by_rule[("registry.enrollment", "exo:enrollment")].object.text == "5"
    assert by_rule[("registry.condition", "exo:studiesCondition")].object.id == "MONDO:0011057"
    for s in result.statements:
        for e in s.evidence:
            assert doc.text[e.start:e.end] == e.text


def test_observational_record_names_no_intervention(tmp_path: Path) -> None:
    """An observational study's title names what it observes (invented record)."""
    record = {"protocolSection": {
        "identificationModule": {"nctId": "NCT00000001", "briefTitle":
                                 "Circulating Exosomes in the Prognosis of Patients With "
                                 "Ischemic Stroke"},
        "designModule": {"studyType": "OBSERVATIONAL"},
        "conditionsModule": {"conditions": ["Ischemic Stroke"]}}}
    path = tmp_path / "observational.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    predicates = {s.predicate for s in build([path]).statements}
    assert "exo:studiesCondition" in predicates
    assert not predicates & {"exo:studiesIntervention", "biolink:in_clinical_trials_for"}
    record["protocolSection"]["designModule"]["studyType"] = "INTERVENTIONAL"
    path.write_text(json.dumps(record), encoding="utf-8")
    assert "exo:studiesIntervention" in {s.predicate for s in build([path]).statements}


def test_registry_search_response_and_bad_json(tmp_path: Path) -> None:
    study = json.loads(REGISTRY.read_text(encoding="utf-8"))
    many = tmp_path / "studies.json"
    many.write_text(json.dumps({"studies": [study]}), encoding="utf-8")
    assert [d.id for d in iter_documents(many)] == ["NCT03384433"]
    bad = tmp_path / "bad.json"
    bad.write_text('{"protocolSection": {\n  "x": }', encoding="utf-8")
    with pytest.raises(InputError, match="invalid JSON") as info:
        list(iter_documents(bad))
    assert info.value.line == 2
    other = tmp_path / "other.json"
    other.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(InputError, match="not ClinicalTrials.gov study data"):
        list(iter_documents(other))


def test_format_comes_from_extension_and_content(tmp_path: Path) -> None:
    assert detect_format(PUBMED) == "pubmed-xml"
    assert detect_format(REGISTRY) == "registry-json"
    noext = tmp_path / "export"
    shutil.copy(PUBMED, noext)
    assert detect_format(noext) == "pubmed-xml"
    for name, content, message in (("notes.docx", "x", "unknown input format"),
                                   ("other.xml", "<html/>", "not PubMed XML")):
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        with pytest.raises(InputError, match=message):
            detect_format(path)


def test_cli_bad_input_is_one_line_and_leaves_exports(tmp_path: Path, capsys) -> None:
    out, store = tmp_path / "exports", tmp_path / "store"
    assert main(["build", "-q", str(PUBMED), "--out", str(out), "--store", str(store)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    folder = tmp_path / "in" / "deeper"
    folder.mkdir(parents=True)
    shutil.copy(PUBMED, folder / "ok.xml")
    (folder / "broken.json").write_text("{\n\n  oops", encoding="utf-8")
    assert main(["build", "-q", str(tmp_path / "in"), "--out", str(out),
                 "--store", str(store)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "broken.json:3:" in err
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
