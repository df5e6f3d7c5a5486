"""JSON-LD written from N-Triples text (exokg.export.jsonld_lines) against the in-memory
writer (exokg.export.jsonld): the same bytes for the same graph, whatever the literals hold."""

from __future__ import annotations

import io
import json
import random

import pytest
from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef

from exokg.export.jsonld import Compactor, to_jsonld
from exokg.export.jsonld_lines import FastCompactor, jsonld_from_ntriples
from exokg.export.ntriples import to_ntriples
from exokg.export.resources import load_context
from exokg.pipeline import build

EXO = "https://w3id.org/exokg/vocab/"
ID = "https://w3id.org/exokg/id/"


def _lines_jsonld(graph: Graph, shuffle_within_subject: bool = False) -> bytes:
    lines = to_ntriples(graph).decode("utf-8").splitlines(keepends=True)
    if shuffle_within_subject:  # each subject's lines together, in another order
        groups: dict[str, list[str]] = {}
        for line in lines:
            groups.setdefault(line.partition(" ")[0], []).append(line)
        rng = random.Random(3)
        lines = []
        for group in groups.values():
            rng.shuffle(group)
            lines.extend(group)
    out = io.BytesIO()
    jsonld_from_ntriples(lines, out)
    return out.getvalue()


def _awkward_graph() -> Graph:
    g = Graph()
    s, t = URIRef(ID + "statement/s1"), URIRef(ID + "statement/s1-2")
    p = URIRef(EXO + "sentence")
    texts = ['plain', 'quote " and backslash \\', 'tab\tnew\nline\rcr', 'bell\x07 and del\x7f',
             'a literal \\u0041 backslash-u', 'non-BMP \U0001F600 and é', '', '\x0c\x08']
    for text in texts:
        g.add((s, p, Literal(text)))
    g.add((s, URIRef(EXO + "label"), Literal("Zelle", lang="de")))
    g.add((s, URIRef(EXO + "label"), Literal("cell\x01", lang="en")))
    for value in ("5", "-0", "007", "12345678901234567890123", "-3"):
        g.add((s, URIRef(EXO + "count"), Literal(value, datatype=XSD.integer)))
    for value in ("true", "false", "1"):
        g.add((s, URIRef(EXO + "flag"), Literal(value, datatype=XSD.boolean)))
    g.add((s, URIRef(EXO + "when"), Literal("2024-01-01", datatype=XSD.date)))
    g.add((s, URIRef(EXO + "odd"), Literal("x", datatype=URIRef("http://example.org/dt"))))
    for cls in ("Statement", "Claim", "A1", "A"):
        g.add((s, RDF.type, URIRef(EXO + cls)))
    g.add((s, RDF.type, BNode("b1")))
    g.add((s, URIRef(EXO + "about"), URIRef("http://purl.obolibrary.org/obo/CL_0000134")))
    g.add((s, URIRef(EXO + "about"), URIRef("http://example.org/elsewhere")))
    g.add((BNode("b1"), URIRef(EXO + "about"), BNode("b2")))
    g.add((t, RDF.type, URIRef(EXO + "Statement")))  # its IRI extends s1's
    return g


def test_awkward_literals_give_the_in_memory_bytes() -> None:
    graph = _awkward_graph()
    expected = to_jsonld(graph)
    assert _lines_jsonld(graph) == expected
    assert _lines_jsonld(graph, shuffle_within_subject=True) == expected
    nodes = {node["@id"]: node for node in json.loads(expected)["@graph"]}
    statement = nodes[next(key for key in nodes if key.endswith("statement/s1"))]
    # canonical integers are JSON numbers, sorted by their N-Triples text
    assert statement["exo:count"][:2] == [-3, 0]
    assert {"@value": "12345678901234567890123", "@type": "xsd:integer"} \
        in statement["exo:count"]
    assert "bell\x07 and del\x7f" in statement["exo:sentence"]


def test_founding_corpus_gives_the_in_memory_bytes() -> None:
    graph = build().graph
    assert _lines_jsonld(graph) == to_jsonld(graph)


def test_empty_input_is_an_empty_graph() -> None:
    out = io.BytesIO()
    assert jsonld_from_ntriples([], out) == 0
    assert out.getvalue() == to_jsonld(Graph())


def test_a_line_without_terms_is_refused() -> None:
    with pytest.raises(ValueError, match="not an N-Triples line"):
        jsonld_from_ntriples(["<http://example.org/a>\n"], io.BytesIO())


def test_fast_compactor_agrees_with_compactor() -> None:
    context = load_context()["@context"]
    slow, fast = Compactor(context), FastCompactor(context)
    iris = [str(t) for triple in build().graph for t in triple if isinstance(t, URIRef)]
    iris += ["http://purl.obolibrary.org/obo/", "http://purl.obolibrary.org/obo/CL_",
             "https://w3id.org/exokg/id//x", "short:x", "http://example.org/"]
    for iri in sorted(set(iris)):
        assert fast.compact(iri) == slow.compact(iri), iri
    with pytest.raises(ValueError, match="read back as a CURIE"):
        fast.compact("CL:0000134")
