"""Reading exokg's RDF exports back into an rdflib graph, safely.

Files are opened here and parsed from bytes by pyoxigraph's strict parsers: a path is never
handed to a parser that could fetch URLs, JSON-LD remote contexts are never loaded, and RDF/XML
(entity expansion) is not accepted.

>>> from rdflib import Literal
>>> g = parse_rdf(b'<http://e.org/a> <http://e.org/p> "x" .', "nt")
>>> list(g.objects()) == [Literal("x")]
True
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from exokg.errors import InputError

__all__ = ["RDF_FORMATS", "format_of", "parse_rdf", "rdflib_graph_of", "rdflib_term",
           "read_graph"]

#: Format name -> (pyoxigraph format, file extensions).
RDF_FORMATS: dict[str, tuple[pyoxigraph.RdfFormat, tuple[str, ...]]] = {
    "turtle": (pyoxigraph.RdfFormat.TURTLE, (".ttl",)),
    "nt": (pyoxigraph.RdfFormat.N_TRIPLES, (".nt",)),
    "nquads": (pyoxigraph.RdfFormat.N_QUADS, (".nq",)),
    "trig": (pyoxigraph.RdfFormat.TRIG, (".trig",)),
    "jsonld": (pyoxigraph.RdfFormat.JSON_LD, (".jsonld", ".json")),
}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def rdflib_term(term: pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal) -> Node:
    """The rdflib term of a pyoxigraph term (``xsd:string`` literals become plain literals,
    as exokg's graph builder writes them)."""
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value) if datatype == _XSD_STRING else \
        Literal(term.value, datatype=URIRef(datatype))


def rdflib_graph_of(triples: Iterable[pyoxigraph.Triple]) -> Graph:
    """An rdflib Graph of pyoxigraph triples, with exokg's prefixes bound."""
    from exokg.graph.rdf import PREFIXES

    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, str(namespace), override=True)
    graph.addN((rdflib_term(t.subject), rdflib_term(t.predicate), rdflib_term(t.object),
                graph) for t in triples)
    return graph


def format_of(path: str | Path) -> str:
    """The RDF format name of a file, from its extension.

    Raises:
        InputError: an extension exokg does not read.
    """
    suffix = Path(path).suffix.lower()
    for name, (_, extensions) in RDF_FORMATS.items():
        if suffix in extensions:
            return name
    known = ", ".join(e for _, exts in RDF_FORMATS.values() for e in exts)
    raise InputError(path, f"unknown RDF file extension {suffix or '(none)'!r} "
                           f"(expected one of {known})")


def parse_rdf(data: bytes, fmt: str, *, exclude_graphs: tuple[str, ...] = (),
              origin: str = "<data>") -> Graph:
    """Parse RDF bytes into a new rdflib Graph (the union of all graphs of a dataset, less
    ``exclude_graphs``).

    Raises:
        InputError: the data is not valid RDF of that format (the message has the place).
    """
    graph = Graph()
    try:
        for quad in pyoxigraph.parse(data, format=RDF_FORMATS[fmt][0]):
            name = getattr(quad, "graph_name", None)
            if isinstance(name, pyoxigraph.NamedNode) and name.value in exclude_graphs:
                continue
            graph.add((rdflib_term(quad.subject), rdflib_term(quad.predicate),
                       rdflib_term(quad.object)))
    except SyntaxError as exc:
        raise InputError(origin, f"invalid {fmt} RDF: {exc}") from None
    return graph


def read_graph(path: str | Path, *, exclude_graphs: tuple[str, ...] = ()) -> Graph:
    """Read an RDF file (Turtle, N-Triples, N-Quads, TriG, JSON-LD) into an rdflib Graph.

    Raises:
        InputError: the file cannot be read, has an unknown extension, or is invalid.
    """
    fmt = format_of(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    return parse_rdf(data, fmt, exclude_graphs=exclude_graphs, origin=str(path))
