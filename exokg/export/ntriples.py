"""Sorted N-Triples: one triple per line, lines in code point order, byte-identical for equal
graphs.

The rdflib graph is converted term by term to pyoxigraph triples (faster than serialising with
rdflib and parsing again) and written by pyoxigraph's canonical N-Triples serialiser. The same
conversion feeds the N-Quads and TriG writers (:mod:`exokg.export.quads`).

>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph()
>>> _ = g.add((URIRef("http://example.org/b"), URIRef("http://example.org/p"), Literal(2)))
>>> _ = g.add((URIRef("http://example.org/a"), URIRef("http://example.org/p"), Literal("x")))
>>> print(to_ntriples(g).decode(), end="")
<http://example.org/a> <http://example.org/p> "x" .
<http://example.org/b> <http://example.org/p> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from exokg.export.atomic import write_bytes

__all__ = ["ox_term", "ox_triple", "sorted_triples", "to_ntriples", "write_ntriples"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

OxTerm = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal


def ox_term(term: Node) -> OxTerm:
    """The pyoxigraph term of an rdflib term.

    Raises:
        ValueError: an invalid IRI or a term kind RDF 1.1 does not have (e.g. a variable).
    """
    if isinstance(term, URIRef):
        return pyoxigraph.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return pyoxigraph.Literal(str(term), language=term.language)
        if term.datatype is not None and str(term.datatype) not in (_XSD_STRING,
                                                                   _RDF_LANG_STRING):
            return pyoxigraph.Literal(str(term),
                                      datatype=pyoxigraph.NamedNode(str(term.datatype)))
        return pyoxigraph.Literal(str(term))
    if isinstance(term, BNode):
        return pyoxigraph.BlankNode(str(term))
    raise ValueError(f"cannot convert {term!r} to an RDF term")


def ox_triple(triple: tuple[Node, Node, Node]) -> pyoxigraph.Triple:
    """The pyoxigraph triple of an rdflib triple."""
    s, p, o = triple
    return pyoxigraph.Triple(ox_term(s), ox_term(p), ox_term(o))  # type: ignore[arg-type]


def sorted_triples(triples: Iterable[tuple[Node, Node, Node]]) -> list[pyoxigraph.Triple]:
    """The triples as pyoxigraph triples, without duplicates, sorted by their N-Triples text."""
    converted = {str(t): t for t in map(ox_triple, triples)}
    return [converted[key] for key in sorted(converted)]


def to_ntriples(graph: Graph) -> bytes:
    """Serialise ``graph`` as sorted, canonical N-Triples (UTF-8, one triple per line)."""
    return pyoxigraph.serialize(sorted_triples(graph), format=pyoxigraph.RdfFormat.N_TRIPLES)


def write_ntriples(graph: Graph, path: str | Path) -> None:
    """Write :func:`to_ntriples` of ``graph`` to ``path`` atomically."""
    write_bytes(path, to_ntriples(graph))
