"""Sources that disagree (issue #6): a folder mixing the founding corpus (text), PubMed XML
with several articles and a registry record gives one graph in which the registry's trial
and the corpus's trial are one entity, with the conflicting values side by side."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph
import pytest

from exokg.assemble import Disagreement, assemble, disagreements, values_agree
from exokg.corpus.readers import bundled_corpus_path
from exokg.model import Entity, Evidence, Statement, Value
from exokg.pipeline import BuildResult, build

HERE = Path(__file__).parent
QUERY = HERE.parent / "exokg" / "query" / "queries" / "disagreements.rq"
TRIAL = "clinicaltrials:NCT03384433"


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> BuildResult:
    folder = tmp_path_factory.mktemp("mixed")
    corpus = bundled_corpus_path()
    shutil.copy(corpus, folder / corpus.name)
    shutil.copy(corpus.with_name(corpus.stem + ".attribution.yaml"), folder)
    (folder / "nested").mkdir()
    shutil.copy(HERE / "data" / "inputs" / "pubmed_two_articles.xml", folder / "nested")
    shutil.copy(HERE / "devset" / "documents" / "NCT03384433.json", folder / "nested")
    return build([folder])


def test_one_trial_entity_from_every_kind_of_source(mixed: BuildResult) -> None:
    kinds = {d.kind for d in mixed.documents}
    assert {"excerpt", "abstract", "registry-record"} <= kinds
    about_trial = [s for s in mixed.statements if s.subject.id == TRIAL]
    documents = {e.document_id for s in about_trial for e in s.evidence}
    assert {"NCT03384433", "pubmed-11111111", "000_112079930ad29e58-e01"} <= documents


def test_conflicting_phases_stay_with_their_sources(mixed: BuildResult) -> None:
    phase = [d for d in mixed.disagreements if d.subject.id == TRIAL and
             d.predicate == "exo:phase"]
    assert len(phase) == 1
    by_value = {s.object.text: {e.document_id for e in s.evidence} for s in phase[0].statements}
    assert by_value == {"Phase 1": {"NCT03384433"}, "Phase 1/2": {"000_112079930ad29e58-e01"},
                        "Phase 2": {"pubmed-11111111"}}
    # both facts stay in the graph as direct edges
    g = mixed.graph
    from rdflib import URIRef
    trial = URIRef("https://www.clinicaltrials.gov/study/NCT03384433")
    phases = {str(o) for o in g.objects(trial, URIRef("https://w3id.org/exokg/vocab/phase"))}
    assert phases == {"Phase 1", "Phase 1/2", "Phase 2"}


def test_named_query_lists_the_disagreement(mixed: BuildResult, tmp_path: Path) -> None:
    store = pyoxigraph.Store()
    store.load(mixed.graph.serialize(format="nt").encode(), format=pyoxigraph.RdfFormat.N_TRIPLES)
    rows = [{k: r[k].value for k in ("kind", "value", "document", "rule")}
            for r in store.query(QUERY.read_text(encoding="utf-8"))]
    values = {(r["value"], r["rule"]) for r in rows if r["kind"] == "value"}
    assert {("Phase 1", "registry.phase"), ("Phase 1/2", "trial.phase"),
            ("Phase 2", "trial.phase")} <= values
    header = QUERY.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("# title: ")


def _s(value: str, doc: str, pred: str = "exo:startDate") -> Statement:
    trial = Entity(TRIAL, "NCT03384433", "ClinicalTrial")
    return Statement(trial, pred, Value(value), evidence=(Evidence(doc, 0, 0, 1, "x", "r"),))


def test_what_counts_as_a_disagreement() -> None:
    assert values_agree("exo:startDate", "2018-10", "2018-10-17")
    assert not disagreements([_s("2018-10", "a"), _s("2018-10-17", "b")])
    found = disagreements([_s("2018-10", "a"), _s("2019-04-17", "b")])
    assert [d.values for d in found] == [("2018-10", "2019-04-17")]
    assert isinstance(found[0], Disagreement)
    # one document giving two doses (two arms) is not a disagreement ...
    assert not disagreements([_s("1 mg", "a", "exo:dose"), _s("2 mg", "a", "exo:dose")])
    # ... nor another document agreeing with one of them
    assert not disagreements(assemble([_s("1 mg", "a", "exo:dose"), _s("2 mg", "a", "exo:dose"),
                                       _s("1 mg", "b", "exo:dose")]))
