"""The graph builder's two term factories (exokg.graph.terms) describe the same graph, and
the N-Triples text of the store loader is the text Oxigraph writes for each term."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from rdflib import XSD, Literal, URIRef

from exokg.errors import IdentifierError
from exokg.graph.rdf import GraphBuilder, Where, emit_build
from exokg.graph.terms import NTriplesTerms, RdflibTerms, literal_text, nt_term
from exokg.model import Document
from exokg.pipeline import build

DEVSET = Path(__file__).parent / "devset" / "documents"


def test_literal_text_escapes_every_code_point_as_oxigraph_does() -> None:
    """Every code point (surrogates aside, which no text of exokg holds) in a quoted
    string: the same text as pyoxigraph's own N-Triples form of the literal."""
    points = [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    for i in range(0, len(points), 4096):
        text = "".join(map(chr, points[i:i + 4096]))
        assert literal_text(text) == str(pyoxigraph.Literal(text)), hex(points[i])
    assert literal_text('say "hi"\\\n') == '"say \\"hi\\"\\\\\\n"'


@pytest.mark.parametrize("literal", [
    Literal("007", datatype=XSD.integer), Literal("1.50", datatype=XSD.decimal),
    Literal("2018-1-5", datatype=XSD.date), Literal("2019", datatype=XSD.gYear),
    Literal(True), Literal("text", lang="en"), Literal("plain\ttext"),
])
def test_typed_and_tagged_literals_are_converted_as_the_loader_always_did(
        literal: Literal) -> None:
    if literal.language:
        expected = pyoxigraph.Literal(str(literal), language=literal.language)
    elif literal.datatype is not None:
        expected = pyoxigraph.Literal(str(literal),
                                      datatype=pyoxigraph.NamedNode(str(literal.datatype)))
    else:
        expected = pyoxigraph.Literal(str(literal))
    assert nt_term(literal) == str(expected)


def _lines(result: object, terms: object) -> list[tuple[str, Where]]:
    """Every triple a builder with ``terms`` makes, as N-Triples text, with its graphs."""
    out: list[tuple[str, Where]] = []

    class Sink:
        def add(self, triple: tuple[object, object, object], where: Where) -> None:
            out.append((" ".join(t if type(t) is str else nt_term(t) for t in triple),
                        where))

    builder = GraphBuilder(Sink(), terms)  # type: ignore[arg-type]
    for _ in emit_build(builder, result.documents, result.statements,  # type: ignore[attr-defined]
                        result.entities, result.contradictions,  # type: ignore[attr-defined]
                        result.disagreements, result.mentions):  # type: ignore[attr-defined]
        pass
    return out


@pytest.mark.parametrize("mentions", [False, True])
def test_both_factories_make_the_same_triples_in_the_same_order(mentions: bool) -> None:
    """The development set (publications, values, contradictions, and with mentions the
    sentences and mentions): the text factory's lines are the rdflib terms' lines, triple
    for triple and graph for graph."""
    result = build([DEVSET], mentions=mentions)
    as_rdflib = _lines(result, RdflibTerms())
    as_text = _lines(result, NTriplesTerms())
    assert as_text == as_rdflib
    assert len(as_text) > 1000


def test_a_document_id_that_makes_no_iri_is_refused_by_the_text_factory() -> None:
    builder = GraphBuilder(type("Sink", (), {"add": lambda *a: None})(), NTriplesTerms())
    with pytest.raises(IdentifierError):
        builder.add_document(Document(id="a b", text="x", origin="t.md"))
    # the rdflib factory makes the term (rdflib's serialisers refuse it later)
    assert RdflibTerms.checked("https://w3id.org/exokg/id/document/a b") == \
        URIRef("https://w3id.org/exokg/id/document/a b")
