"""Non-RDF exports streamed from the store (exokg.export.tables) against the exporters
that read the build's records and rdflib graph: the same bytes for the same graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from exokg.export.formats import render_all
from exokg.export.tables import marker_order, write_non_rdf
from exokg.export.turtle import to_turtle
from exokg.graph.store import open_store, write_store
from exokg.pipeline import BuildResult, build
from exokg.query.stores import ensure_ontology

FILES = ("kgx/nodes.tsv", "kgx/edges.tsv", "exokg.graphml", "statements.csv")
DEVSET = Path(__file__).parent / "devset" / "documents"


def streamed(result: BuildResult, tmp: Path) -> dict[str, bytes]:
    """The streamed exports of the store exokg build writes for ``result`` (the ontology in
    its named graph beside the data)."""
    write_store(to_turtle(result.graph), tmp / "store")
    ensure_ontology(tmp / "store")
    write_non_rdf(open_store(tmp / "store"), tmp / "out")
    return {name: (tmp / "out" / name).read_bytes() for name in FILES}


@pytest.mark.parametrize("inputs", [None, [DEVSET]], ids=["founding-corpus", "devset"])
def test_streamed_exports_are_byte_identical(inputs: list[Path] | None, tmp_path: Path
                                             ) -> None:
    result = build(inputs)
    expected = render_all(result)
    got = streamed(result, tmp_path)
    for name in FILES:
        assert got[name] == expected[name], name
    assert got["statements.csv"].count(b"\n") > 70


def test_citation_markers_keep_their_order_in_the_sentence() -> None:
    text = "as shown before [9, 14], then [56] and again [14] (Xin et al., 2013)."
    assert marker_order(text, ["14", "56", "9, 14", "Xin et al., 2013"]) == \
        ("9, 14", "56", "14", "Xin et al., 2013")
    assert marker_order("no markers here", ["2", "1"]) == ("1", "2")


def test_tables_from_named_graphs_read_each_triple_once(tmp_path: Path) -> None:
    """A store loaded from the N-Quads export holds a claim once per document that makes
    it: KGX and the statements CSV read from the union of its graphs are still the
    build's files (each triple taken once)."""
    import pyoxigraph

    from exokg.export.quads import to_nquads
    from exokg.export.tables import write_tables

    result = build([DEVSET])
    expected = render_all(result)
    store = pyoxigraph.Store()
    store.load(to_nquads(result.graph), format=pyoxigraph.RdfFormat.N_QUADS)
    assert len(store) > len(result.graph)  # claims repeated across document graphs
    written = write_tables(store, tmp_path / "kgx", tmp_path / "statements.csv")
    assert [p.relative_to(tmp_path).as_posix() for p in written] == \
        ["kgx/nodes.tsv", "kgx/edges.tsv", "statements.csv"]
    for name in ("kgx/nodes.tsv", "kgx/edges.tsv", "statements.csv"):
        assert (tmp_path / name).read_bytes() == expected[name], name


def test_minted_curies_are_what_compress_gives() -> None:
    """The fast CURIEs of the row writers equal exokg.ids.compress on every IRI of a
    built graph (statements, evidence, documents, entities, publications, vocabulary)."""
    from rdflib import URIRef

    from exokg.errors import IdentifierError
    from exokg.export.compact import curie, minted_curie
    from exokg.ids import compress

    iris = {str(t) for triple in build().graph for t in triple if isinstance(t, URIRef)}
    minted = [i for i in iris if i.startswith("https://w3id.org/exokg/id/")]
    assert len(minted) > 100
    for iri in sorted(iris):
        try:
            expected = compress(iri)
        except IdentifierError:
            continue
        assert minted_curie(iri) == expected == curie(iri), iri
