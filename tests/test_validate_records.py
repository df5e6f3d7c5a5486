"""The validation's prechecks (exokg.validate_records) stay in step with the SHACL shapes
and never change a report: a constraint is only skipped when it cannot find anything."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from rdflib import RDF, Graph, URIRef

from exokg.export.resources import load_shapes
from exokg.graph.load import load_build, used_terms_file
from exokg.pipeline import build
from exokg.validate import _split_sparql, validate_graph
from exokg.validate_records import PRECHECKS, UsedTerms, select_digest, skips
from exokg.validate_store import validate_store

EXO = "https://w3id.org/exokg/vocab/"
SHAPES = load_shapes()


def test_every_precheck_is_pinned_to_its_constraint_in_the_packaged_shapes() -> None:
    """A shape edited without its precheck would silently lose the shortcut (the query
    runs instead): this fails so that the precheck is reviewed and its digest updated."""
    _, checks = _split_sparql(SHAPES)
    digests = {(str(c.shape), select_digest(c.select)) for c in checks}
    for shape, (digest, _) in PRECHECKS.items():
        assert (shape, digest) in digests, f"{shape}: its sh:select changed; review " \
            "exokg/validate_records.py and update the digest"


def test_vocabulary_precheck() -> None:
    vocabulary = PRECHECKS[f"{EXO}VocabularyTermShape"][1]
    good = UsedTerms(frozenset({f"<{EXO}negated>", f"<{RDF.type}>"}),
                     frozenset({f"<{EXO}Statement>", "<http://example.org/x-y>"}))
    assert not vocabulary(good)
    assert vocabulary(UsedTerms(good.predicates | {f"<{EXO}bad-term>"}, good.classes))
    assert vocabulary(UsedTerms(good.predicates, good.classes | {f"<{EXO}Bad_Class>"}))
    assert vocabulary(UsedTerms(good.predicates, good.classes | {'"a literal"'}))
    _, checks = _split_sparql(SHAPES)
    check = next(c for c in checks if str(c.shape) == f"{EXO}VocabularyTermShape")
    assert skips(str(check.shape), check.select, good)
    assert not skips(str(check.shape), check.select, None)
    assert not skips(str(check.shape), check.select + " ", good.__class__(
        good.predicates | {f"<{EXO}bad-term>"}, good.classes))
    assert not skips(str(check.shape), "SELECT $this WHERE { }", good)  # another query


def _loaded(graph: Graph, folder: Path) -> tuple[pyoxigraph.Store, UsedTerms | None]:
    """``graph`` loaded as a build loads it (the loader records the terms it wrote)."""
    from exokg.pipeline import BuildResult

    result = BuildResult([], 0, [], {}, graph=graph)
    store = pyoxigraph.Store()
    partition = folder / "partition.nq"
    with open(partition, "wb") as handle:
        load_build(result, store, handle)
    return store, UsedTerms.read(used_terms_file(partition))


@pytest.mark.parametrize("bad", [None, "predicate", "class"])
def test_reports_with_and_without_prechecks_are_the_same(tmp_path: Path, bad: str | None
                                                         ) -> None:
    """The founding corpus as built, and with one typed node given a malformed exo:
    predicate or class: the report with the loader's terms is the report without them,
    and pyshacl's."""
    graph = Graph()
    for triple in build().graph:
        graph.add(triple)
    node = next(graph.subjects(RDF.type, URIRef(f"{EXO}Statement")))
    if bad == "predicate":
        graph.add((node, URIRef(f"{EXO}not-a-term"), URIRef(f"{EXO}Statement")))
    elif bad == "class":
        graph.add((node, RDF.type, URIRef(f"{EXO}Not_A_Class")))
    store, used = _loaded(graph, tmp_path)
    assert used is not None and f"<{EXO}negated>" in used.predicates
    with_terms = validate_store(store, used=used)
    assert with_terms == validate_store(store)
    pyshacl = validate_graph(graph)
    assert with_terms.results == pyshacl.results
    found = [r for r in with_terms.results if r.shape == "exo:VocabularyTermShape"]
    assert bool(found) == (bad is not None)
