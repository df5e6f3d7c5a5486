"""``exokg build --mentions``: mention and sentence nodes in the graph, found by SPARQL,
conforming to the SHACL shapes, and reported when their offsets are wrong."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Literal, URIRef

from exokg.graph.rdf import EXO
from exokg.pipeline import BuildResult, build
from exokg.validate import validate_graph

DATA = Path(__file__).parent / "data"
INPUTS = [DATA / "annotate" / "small.PubTator.txt", DATA / "inputs" / "pubmed_two_articles.xml"]

WHERE_MENTIONED = """
PREFIX exo: <https://w3id.org/exokg/vocab/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?text ?start ?end ?grounded ?sentence ?doc WHERE {
  ?entity rdfs:label "mesenchymal stem cell" .
  ?m a exo:Mention ; exo:refersTo ?entity ; exo:mentionText ?text ; exo:start ?start ;
     exo:end ?end ; exo:grounded ?grounded ; exo:document ?doc ; exo:sentence ?s .
  ?s exo:sentenceText ?sentence .
} ORDER BY ?doc ?start
"""


@pytest.fixture(scope="module")
def result() -> BuildResult:
    return build(INPUTS, mentions=True)


def test_sparql_finds_where_an_entity_is_mentioned_and_whether_it_was_grounded(
        result: BuildResult) -> None:
    store = pyoxigraph.Store()
    store.load(result.graph.serialize(format="nt").encode("utf-8"),
               format=pyoxigraph.RdfFormat.N_TRIPLES)
    rows = list(store.query(WHERE_MENTIONED))
    texts = {d.id: d.text for d in result.documents}
    found = []
    for row in rows:
        doc = row["doc"].value.rsplit("/", 1)[1]
        start, end = int(row["start"].value), int(row["end"].value)
        assert texts[doc][start:end] == row["text"].value
        assert row["text"].value in row["sentence"].value
        assert row["grounded"].value == "true"
        found.append((doc, row["text"].value))
    assert ("pubmed-90000001", "mesenchymal stem cells") in found
    assert ("pubmed-11111111", "MSC") in found


def test_mention_nodes_conform_to_the_shapes(result: BuildResult) -> None:
    report = validate_graph(result.graph)
    assert report.conforms, report.format() if hasattr(report, "format") else report
    mentions = set(result.graph.subjects(predicate=EXO.mentionText))
    assert len(mentions) == len({(m.document_id, m.start, m.end, m.entity.id)
                                 for m in result.mentions}) > 30
    ungrounded = {str(o) for s in mentions for o in result.graph.objects(s, EXO.grounded)}
    assert ungrounded == {"true", "false"}


def test_a_mention_whose_offsets_miss_its_text_is_reported(result: BuildResult) -> None:
    graph = result.graph.__class__()
    for triple in result.graph:
        graph.add(triple)
    node = next(iter(sorted(graph.subjects(predicate=EXO.mentionText))))
    end = graph.value(node, EXO.end)
    graph.set((node, EXO.end, Literal(int(end) + 1)))
    report = validate_graph(graph)
    assert not report.conforms
    assert any("exo:mentionText" in r.message and r.focus.endswith(str(node).rsplit("/", 1)[1])
               for r in report.results), [r.message for r in report.results]


def test_without_mentions_the_graph_has_none_and_turtle_is_deterministic() -> None:
    plain = build(INPUTS)
    assert not list(plain.graph.subjects(predicate=EXO.refersTo))
    assert not plain.mentions
    first = build(INPUTS, mentions=True).graph.serialize(format="turtle")
    second = build(INPUTS, mentions=True).graph.serialize(format="turtle")
    assert first == second
    assert isinstance(next(iter(build(INPUTS, mentions=True).graph.subjects(
        predicate=EXO.sentenceText))), URIRef)


def test_mention_terms_are_declared_in_the_ontology_with_their_kinds(result: BuildResult
                                                                     ) -> None:
    from rdflib import OWL, RDF, RDFS, XSD

    from exokg.export.resources import load_ontology

    ontology = load_ontology()
    nodes = set(result.graph.subjects(RDF.type, EXO.Mention)) | \
        set(result.graph.subjects(RDF.type, EXO.Sentence))
    assert (EXO.Mention, RDF.type, OWL.Class) in ontology
    assert (EXO.Sentence, RDF.type, OWL.Class) in ontology
    used = {(p, o) for n in nodes for p, o in result.graph.predicate_objects(n)
            if p.startswith(str(EXO))}
    assert {p for p, _ in used} >= {EXO.refersTo, EXO.sentence, EXO.mentionText,
                                    EXO.mentionClass, EXO.grounded, EXO.recognisedBy}
    for p, o in used:
        if isinstance(o, Literal):
            assert (p, RDF.type, OWL.DatatypeProperty) in ontology, p
            declared = ontology.value(p, RDFS.range)
            assert declared is None or (o.datatype or XSD.string) == declared, (p, o)
        else:
            assert (p, RDF.type, OWL.ObjectProperty) in ontology, p


def test_build_command_takes_mentions(tmp_path: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "exokg", "build", "--mentions", "--out",
                           "exports", str(INPUTS[0])], cwd=tmp_path, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "mentions: " in proc.stdout
    turtle = (tmp_path / "exports" / "exokg.ttl").read_text(encoding="utf-8")
    assert "exo:Mention" in turtle and "exo:refersTo" in turtle


def test_named_query_lists_the_mentions_of_an_entity(result: BuildResult) -> None:
    import exokg

    kg = exokg.load(result)
    try:
        frame = kg.ask("mentions", entity="CL:0000134")
        texts = {d.id: d.text for d in result.documents}
        assert len(frame) >= 4
        for row in frame.to_dict("records"):
            doc = str(row["document"]).rsplit("/", 1)[1]
            assert texts[doc][int(row["start"]):int(row["end"])] == row["text"]
            assert row["class"] == "CellType" and row["grounded"] in (True, "true")
        ungrounded = kg.ask("mentions", grounded=False)
        assert len(ungrounded) > 0
        assert {str(g) for g in ungrounded["grounded"]} <= {"False", "false"}
        diseases = kg.ask("mentions", **{"class": "Disease"})
        assert set(diseases["text"]) >= {"stroke", "ischemic stroke"}
    finally:
        kg.close()
