"""Turtle and TriG written from N-Triples and N-Quads text (exokg.export.turtle_lines): the
files read back, with strict parsers, as exactly the graph (dataset) written."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from exokg.export.ntriples import to_ntriples
from exokg.export.quads import to_nquads, to_trig
from exokg.export.streamed import turtle_bytes, turtle_prefixes
from exokg.export.turtle import to_turtle
from exokg.export.turtle_lines import TurtleTerms, write_trig_lines, write_turtle_lines
from exokg.pipeline import build

EXO = "https://w3id.org/exokg/vocab/"
ID = "https://w3id.org/exokg/id/"


def _awkward_graph() -> Graph:
    g = Graph()
    s = URIRef(ID + "statement/s1")
    odd = ["https://doi.org/10.3389/fnins.2017.00082", "http://purl.obolibrary.org/obo/CL_",
           "http://purl.obolibrary.org/obo/CL_0000134.", "http://purl.obolibrary.org/obo/CL_a.b",
           "http://purl.obolibrary.org/obo/CL_%20x", "https://w3id.org/exokg/vocab/",
           "https://w3id.org/exokg/vocab/caf\u00e9", "https://w3id.org/exokg/vocab/-x",
           "https://w3id.org/exokg/vocab/x:y", "http://example.org/a#b"]
    for iri in odd:
        g.add((s, URIRef(EXO + "about"), URIRef(iri)))
        g.add((URIRef(iri), RDF.type, URIRef(EXO + "Thing")))
    for text in ['quote " and \\ backslash', 'tab\tline\nend', 'bell\x07', '', 'caf\u00e9 \U0001F600']:
        g.add((s, URIRef(EXO + "sentence"), Literal(text)))
    g.add((s, URIRef(EXO + "label"), Literal("Zelle", lang="de")))
    for value, datatype in (("5", XSD.integer), ("-3", XSD.integer), ("1.5", XSD.decimal),
                            ("1e3", XSD.double), ("true", XSD.boolean), ("2024", XSD.gYear),
                            ("x", URIRef("http://example.org/dt"))):
        g.add((s, URIRef(EXO + "value"), Literal(value, datatype=datatype)))
    g.add((s, URIRef(EXO + "part"), BNode("b1")))
    g.add((BNode("b1"), URIRef(EXO + "part"), Literal("in a blank node")))
    g.add((s, RDF.type, URIRef(EXO + "Statement")))
    return g


def _oxigraph_graph(data: bytes, fmt: pyoxigraph.RdfFormat) -> set[str]:
    """The quads of ``data`` read by Oxigraph's strict parser, as N-Quads lines (blank node
    labels kept by the parser, so they compare)."""
    return {str(q) for q in pyoxigraph.parse(data, format=fmt)}


def test_turtle_reads_back_as_the_graph_written() -> None:
    graph = _awkward_graph()
    ntriples = to_ntriples(graph)
    turtle = turtle_bytes(ntriples)
    assert _oxigraph_graph(turtle, pyoxigraph.RdfFormat.TURTLE) == \
        _oxigraph_graph(ntriples, pyoxigraph.RdfFormat.N_TRIPLES)
    again = Graph().parse(data=turtle.decode("utf-8"), format="turtle")
    assert isomorphic(again, graph)
    text = turtle.decode("utf-8")
    assert "<https://doi.org/10.3389/fnins.2017.00082>" in text  # "/" is not left in a name
    assert "CL:0000134." not in text  # a name may not end in "."
    assert '\texo:value -3 , "1.5"^^xsd:decimal , ' in text  # integers bare, others typed


def test_trig_reads_back_as_the_dataset_written() -> None:
    graph = _awkward_graph()
    nquads = to_nquads(graph)
    trig = turtle_bytes(nquads, trig=True)
    assert trig == to_trig(graph)
    assert _oxigraph_graph(trig, pyoxigraph.RdfFormat.TRIG) == \
        _oxigraph_graph(nquads, pyoxigraph.RdfFormat.N_QUADS)


def test_founding_corpus_reads_back_and_is_stable() -> None:
    graph = build().graph
    turtle = to_turtle(graph)
    assert _oxigraph_graph(turtle, pyoxigraph.RdfFormat.TURTLE) == \
        _oxigraph_graph(to_ntriples(graph), pyoxigraph.RdfFormat.N_TRIPLES)
    assert to_turtle(graph) == turtle
    trig = to_trig(graph)
    assert _oxigraph_graph(trig, pyoxigraph.RdfFormat.TRIG) == \
        _oxigraph_graph(to_nquads(graph), pyoxigraph.RdfFormat.N_QUADS)


@pytest.mark.parametrize("tool", ["rapper", "serdi"])
def test_independent_parsers_accept_the_awkward_graph(tool: str, tmp_path: Path) -> None:
    path = shutil.which(tool)
    assert path is not None, f"{tool} is installed by scripts/test.sh"
    target = tmp_path / "awkward.ttl"
    target.write_bytes(to_turtle(_awkward_graph()))
    command = [path, "-i", "turtle", "-c", str(target)] if tool == "rapper" else \
        [path, "-i", "turtle", str(target)]
    done = subprocess.run(command, capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode()


def test_blocks_follow_subjects_and_graphs() -> None:
    lines = ['<http://e.org/a> <http://e.org/p> <http://e.org/b> <http://e.org/g1> .\n',
             '<http://e.org/a> <http://e.org/p> "x" <http://e.org/g1> .\n',
             '<http://e.org/a> <http://e.org/q> "y" <http://e.org/g1> .\n',
             '<http://e.org/c> <http://e.org/p> "z" <http://e.org/g1> .\n',
             '<http://e.org/a> <http://e.org/p> "w" <http://e.org/g2> .']  # no line end
    out = io.BytesIO()
    assert write_trig_lines(lines, out, {"e": "http://e.org/"}) == 5
    assert out.getvalue().decode().split("\n\n", 1)[1] == (
        'e:g1 {\n\te:a e:p e:b , "x" ;\n\t\te:q "y" .\n\te:c e:p "z" .\n}\n'
        'e:g2 {\n\te:a e:p "w" .\n}\n')


def test_malformed_lines_are_refused_with_the_line() -> None:
    with pytest.raises(ValueError, match="not an N-Triples line"):
        write_turtle_lines(["<http://e.org/a> <http://e.org/p> .\n"], io.BytesIO(), {})
    with pytest.raises(ValueError, match="N-Triples"):
        write_turtle_lines(["<http://e.org/a> <http://e.org/p> <http://e.org/o>\n"],
                           io.BytesIO(), {})
    with pytest.raises(ValueError, match="graph name"):
        write_trig_lines(['<http://e.org/a> <http://e.org/p> "a b" .\n'], io.BytesIO(), {})


def test_prefixed_names_take_the_longest_namespace() -> None:
    terms = TurtleTerms(turtle_prefixes())
    assert terms.iri("http://purl.obolibrary.org/obo/CL_0000134") == "CL:0000134"
    assert terms.iri("https://w3id.org/exokg/vocab/Statement") == "exo:Statement"
    assert terms.iri("https://w3id.org/exokg/id/statement/x") == \
        "<https://w3id.org/exokg/id/statement/x>"
    assert terms.term('"7"^^<http://www.w3.org/2001/XMLSchema#integer>') == "7"
    assert terms.term('"1.5"^^<http://www.w3.org/2001/XMLSchema#decimal>') == \
        '"1.5"^^xsd:decimal'
    assert terms.predicate("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>") == "a"
