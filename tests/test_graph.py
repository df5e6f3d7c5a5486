"""The built graph answers the core questions with evidence, parses with independent
parsers, and keeps every claim traceable to the characters of its sentence."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import BNode

from exokg.export.statements_csv import to_csv
from exokg.export.turtle import to_turtle
from exokg.pipeline import BuildResult, build, load_documents

PREFIXES = """
PREFIX exo: <https://w3id.org/exokg/vocab/>
PREFIX biolink: <https://w3id.org/biolink/vocab/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX ct: <https://www.clinicaltrials.gov/study/>
"""


@pytest.fixture(scope="module")
def result() -> BuildResult:
    return build()


@pytest.fixture(scope="module")
def turtle(result: BuildResult) -> bytes:
    return to_turtle(result.graph)


@pytest.fixture(scope="module")
def store(turtle: bytes) -> pyoxigraph.Store:
    s = pyoxigraph.Store()
    s.load(turtle, format=pyoxigraph.RdfFormat.TURTLE)
    return s


def select(store: pyoxigraph.Store, query: str) -> list[dict[str, str]]:
    solutions = store.query(PREFIXES + query)
    names = [v.value for v in solutions.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names}
            for row in solutions]


def test_turtle_parses_with_rapper(result: BuildResult, turtle: bytes, tmp_path: Path) -> None:
    assert shutil.which("rapper"), "rapper (raptor2-utils) is installed by scripts/test.sh"
    path = tmp_path / "exokg.ttl"
    path.write_bytes(turtle)
    proc = subprocess.run(["rapper", "-i", "turtle", "-c", str(path)], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert f"returned {len(result.graph)} triples" in proc.stderr


def test_turtle_parses_strictly_with_pyoxigraph(result: BuildResult, turtle: bytes) -> None:
    triples = list(pyoxigraph.parse(turtle, format=pyoxigraph.RdfFormat.TURTLE))
    assert len(triples) == len(result.graph)


def test_no_blank_nodes(result: BuildResult) -> None:
    assert not any(isinstance(t, BNode) for triple in result.graph for t in triple)


def test_trial_design_with_evidence(store: pyoxigraph.Store) -> None:
    rows = select(store, """
        SELECT ?p ?value ?label ?sentence ?start ?end WHERE {
          ?st rdf:subject ct:NCT03384433 ; rdf:predicate ?p ; rdf:object ?value ;
              biolink:has_evidence ?ev .
          ?ev exo:sentenceText ?sentence ; exo:start ?start ; exo:end ?end .
          OPTIONAL { ?value rdfs:label ?label }
        }""")
    facts = {(r["p"].rsplit("/", 1)[-1], r["label"] or r["value"]) for r in rows}
    expected = {
        ("studiesCondition", "ischemic stroke"), ("phase", "Phase 1/2"), ("enrollment", "5"),
        ("dose", "200 mg total protein"), ("route", "intraparenchymal route of administration"),
        ("timing", "1 month after the stroke"), ("primaryEndpoint", "safety"),
        ("secondaryEndpoint", "modified Rankin Scale"), ("startDate", "2018-10"),
        ("site", "Shahid Beheshti University of Medical Sciences"), ("investigator", "Zali"),
        ("monitorsAdverseEvent", "seizure"), ("monitorsAdverseEvent", "brain edema"),
        ("studiesIntervention", "allogeneic MSC-derived exosomes loaded with miR-124"),
    }
    assert expected <= facts, expected - facts
    for r in rows:
        assert int(r["end"]) > int(r["start"]) >= 0 and r["sentence"]


def test_what_mir124_loaded_exosomes_did_in_mice(store: pyoxigraph.Store) -> None:
    rows = select(store, """
        SELECT ?outcome ?direction ?sentence WHERE {
          ?prep a exo:ExosomePreparation ; exo:cargo ?mir ; exo:engineering "loaded" .
          ?mir rdfs:label "miR-124" .
          ?st rdf:subject ?prep ; rdf:predicate biolink:affects ; rdf:object ?o ;
              exo:direction ?direction ; exo:species ?sp ; biolink:has_evidence ?ev .
          ?sp rdfs:label "mouse" . ?o rdfs:label ?outcome . ?ev exo:sentenceText ?sentence .
        }""")
    found = {(r["outcome"], r["direction"]) for r in rows}
    assert found == {("brain injury", "decreased"), ("neurovascular recovery", "increased"),
                     ("immunosuppression", "decreased")}
    assert all("in mice [27]" in r["sentence"] for r in rows)


def test_mir133b_enriched_and_depleted_exosomes_go_opposite_ways(store: pyoxigraph.Store) -> None:
    rows = select(store, """
        SELECT ?engineering ?direction ?species WHERE {
          ?prep exo:cargo ?mir ; exo:engineering ?engineering .
          ?mir rdfs:label "miR-133b" .
          ?st rdf:subject ?prep ; rdf:object ?o ; exo:direction ?direction ; exo:species ?sp .
          ?o rdfs:label "axonal remodeling" . ?sp rdfs:label ?species .
        }""")
    assert {(r["engineering"], r["direction"], r["species"]) for r in rows} == {
        ("enriched", "increased", "rat"), ("depleted", "decreased", "rat")}
    contradicts = select(store, "SELECT ?a ?b WHERE { ?a exo:contradicts ?b }")
    assert contradicts == [] or all(r["a"] != r["b"] for r in contradicts)


def test_exosomal_mirnas_correlating_with_nihss(store: pyoxigraph.Store) -> None:
    rows = select(store, """
        SELECT DISTINCT ?mirna ?sentence WHERE {
          ?m a exo:MicroRNA ; rdfs:label ?mirna ; biolink:positively_correlated_with ?scale .
          ?scale rdfs:label "NIH Stroke Scale" .
          ?st rdf:subject ?m ; rdf:object ?scale ; biolink:has_evidence ?ev .
          ?ev exo:sentenceText ?sentence .
        }""")
    assert {r["mirna"] for r in rows} == {"miR-9", "miR-124"}
    assert all("positively correlated" in r["sentence"] for r in rows)


def test_evidence_offsets_slice_the_original_document(result: BuildResult) -> None:
    docs = {d.id: d for d in load_documents()}
    count = 0
    for s in result.statements:
        assert s.evidence, s
        for e in s.evidence:
            assert docs[e.document_id].text[e.start:e.end] == e.text
            count += 1
    assert count >= len(result.statements)


def test_statements_csv_columns_and_offsets(result: BuildResult) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(result.statements, result.entities)
                                           .decode("utf-8"))))
    required = ["statement_id", "subject_id", "subject_label", "predicate", "predicate_label",
                "object_id", "object_label", "direction", "negated", "hedged", "claim_status", "species",
                "model", "context", "document", "sentence", "start", "end"]
    assert list(rows[0])[:len(required)] == required
    docs = {d.id: d for d in load_documents()}
    for r in rows:
        assert docs[r["document"]].text[int(r["start"]):int(r["end"])] == r["sentence"]
        assert ":" in r["subject_id"] and ":" in r["statement_id"]
    assert len({r["statement_id"] for r in rows}) == len(rows) == len(result.statements)


def test_negated_claim_has_statement_node_but_no_direct_edge(tmp_path: Path) -> None:
    doc = tmp_path / "neg.md"
    doc.write_text("---\nid: neg\n---\nMSC-derived exosomes did not reduce infarct volume in "
                   "rats after MCAO. MSC-derived exosomes might improve neurogenesis in mice.\n",
                   encoding="utf-8")
    res = build([doc])
    by_object = {s.object.label: s for s in res.statements}
    negated, hedged = by_object["infarct volume"], by_object["neurogenesis"]
    assert negated.negated and not negated.hedged
    assert hedged.hedged and not hedged.negated
    s = pyoxigraph.Store()
    s.load(to_turtle(res.graph), format=pyoxigraph.RdfFormat.TURTLE)
    assert not select(s, "SELECT * WHERE { ?a biolink:affects ?o . ?o rdfs:label 'infarct volume' }")
    assert select(s, "SELECT * WHERE { ?st exo:negated true ; rdf:object ?o . "
                     "?o rdfs:label 'infarct volume' }")
    assert select(s, "SELECT * WHERE { ?a biolink:affects ?o . ?o rdfs:label 'neurogenesis' }")
