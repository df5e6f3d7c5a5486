"""Property-based tests (hypothesis) of the text layer and of export escaping.

* Text: for any string, normalising and segmenting never raise; every offset points into
  the original text, offsets never go backwards, and each sentence's span slices the
  original text; splitting overlong sentences keeps all of that true.
* Cost on long tokens is checked without a clock: the regular expressions that scan words
  are possessive and anchored at word starts (they cannot backtrack), and the number of
  sentences analysed grows linearly with the length of a text without full stops.
* Exports: any string that reaches a document (title and text) survives every export and
  every parser: Turtle, N-Triples, N-Quads and TriG through Oxigraph and rdflib, GraphML
  through an XML parser, JSON-LD through rdflib, the CSV without formula cells.
"""

from __future__ import annotations

import csv
import io
import xml.dom.minidom

import pyoxigraph
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from exokg.model import Document
from exokg.text.characters import BAD_CHARACTER, clean_text
from exokg.text.normalise import normalise
from exokg.text.segment import segment, split_long_sentences

# text built from pieces the pipeline reacts to, plus arbitrary characters
PIECES = st.sampled_from(["miR-", "124", "-", "\n", " ", ". ", "et al. ", "(p < 0.05)", "[12]",
                          "ische- mia", "\u00ad", "\ufffe", "\x07", "Fig. 2", "i.v. ", "Exo",
                          "\u2010", "\t", "\r\n", "A", "\u00e9"])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_normalise_maps_every_character_back(text: str) -> None:
    result = normalise(text)
    assert len(result.offsets) == len(result.text)
    assert all(0 <= o < len(text) for o in result.offsets)
    assert list(result.offsets) == sorted(result.offsets)
    if result.text:
        span = result.original_span(0, len(result.text))
        assert 0 <= span.start <= span.end <= len(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.integers(min_value=5, max_value=40))
def test_sentences_slice_the_original_text(text: str, limit: int) -> None:
    doc = Document("d", text, "hypothesis")
    sentences = segment(doc)
    for pieces in (sentences, split_long_sentences(sentences, limit)[0]):
        assert [s.index for s in pieces] == list(range(len(pieces)))
        for s in pieces:
            assert 0 <= s.span.start <= s.span.end <= len(text)
            assert len(s.offsets) == len(s.text)
            assert all(s.span.start <= o < s.span.end for o in s.offsets)
            for c in s.citations:
                assert s.text[c.span.start:c.span.end] == c.text
    for s in split_long_sentences(sentences, limit)[0]:
        assert len(s.text) <= limit


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_clean_text_keeps_length_and_removes_every_bad_character(text: str) -> None:
    cleaned = clean_text(text)
    assert len(cleaned) == len(text)
    assert BAD_CHARACTER.search(cleaned) is None


def test_word_scanning_patterns_cannot_backtrack() -> None:
    """A pattern that repeats a word class must start at a word start and not give back
    characters; otherwise one long token costs its length squared (the 100k-character
    word that took 149 s)."""
    import importlib

    pattern = importlib.import_module("exokg.text.normalise")._HYPHENATED_WORD.pattern
    assert pattern.startswith("(?<![^\\W_])") and "++" in pattern


def test_pieces_grow_linearly_with_a_text_without_full_stops() -> None:
    counts = []
    for words in (2_000, 8_000, 32_000):
        doc = Document("d", "cells reduced infarct volume " * (words // 4), "long")
        pieces, cut = split_long_sentences(segment(doc))
        assert cut == 1
        counts.append(len(pieces))
        assert max(len(p.text) for p in pieces) <= 2000
    assert 3 <= counts[1] / counts[0] <= 5 and 3 <= counts[2] / counts[1] <= 5


# -- exports ---------------------------------------------------------------------------------

ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1,
                   max_size=40)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(title=ANY_TEXT, extra=ANY_TEXT)
@example(title="0", extra="0\r")  # a bare carriage return once ended a CSV row early
def test_any_string_survives_every_export_and_parser(title: str, extra: str) -> None:
    from exokg.export.formats import render_all
    from exokg.pipeline import assemble_result, clean_document, document_statements
    from exokg.recognise import Recogniser

    text = f"{extra} Exosomes from MSCs reduced infarct volume in rats. {extra}"
    doc = clean_document(Document("d", text, "hypothesis", title=title))
    recogniser = Recogniser.default()
    raw, entities, count = document_statements(doc, recogniser)
    result = assemble_result([doc], raw, entities, count)
    files = render_all(result)
    Graph().parse(data=files["exokg.ttl"], format="turtle")
    for name, fmt in (("exokg.nt", pyoxigraph.RdfFormat.N_TRIPLES),
                      ("exokg.nq", pyoxigraph.RdfFormat.N_QUADS),
                      ("exokg.trig", pyoxigraph.RdfFormat.TRIG),
                      ("exokg.ttl", pyoxigraph.RdfFormat.TURTLE)):
        list(pyoxigraph.parse(files[name], format=fmt))
    xml.dom.minidom.parseString(files["exokg.graphml"])
    Graph().parse(data=files["exokg.jsonld"], format="json-ld")
    rows = list(csv.reader(io.StringIO(files["statements.csv"].decode("utf-8"), newline="")))
    assert len(rows) == len(result.statements) + 1
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
