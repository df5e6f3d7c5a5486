"""RDF terms for the graph builder, as rdflib objects or as N-Triples text.

:class:`~exokg.graph.rdf.GraphBuilder` makes every term of a triple through a term factory:
:class:`RdflibTerms` gives rdflib terms (an in-memory Graph: small builds, ``exokg export``,
tests), :class:`NTriplesTerms` gives each term as its N-Triples text, exactly as Oxigraph
writes it, so the store loader (:mod:`exokg.graph.load`) can hand lines of text to Oxigraph's
bulk loader without making an rdflib and a pyoxigraph object per term and per triple (the
cost of loading a large build; docs/benchmarks.md, "Store load and validation, round 2").

The two factories describe the same graph: a triple made through :class:`NTriplesTerms` is the
N-Triples line of the same triple made through :class:`RdflibTerms` and converted by
pyoxigraph (``tests/test_graph_terms.py`` checks the escaping of every code point and whole
builds both ways). Typed literals other than integers and booleans (dates, decimals, the
values of attributes) are rare and rdflib normalises their lexical forms, so the text
factory makes them through rdflib and converts them as the loader always did.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol, TypeVar

from rdflib import XSD, Literal, URIRef

from exokg.ids import check_iri, expand

__all__ = ["NTriplesTerms", "RdflibTerms", "TermFactory", "literal_text", "nt_term"]

T = TypeVar("T")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_INTEGER = f"^^<{XSD.integer}>"
#: N-Triples escapes Oxigraph writes in a quoted string (every other character is itself)
_ESCAPES = {0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"',
            0x5C: "\\\\"}
_ESCAPE_TABLE = {**{c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F, 0xFFFE, 0xFFFF]},
                 **_ESCAPES}
_NEEDS_ESCAPE = re.compile("[\x00-\x1f\"\\\\\x7f\ufffe\uffff]")


def clean_text(text: str) -> str:
    """``text`` with each control character replaced by a space and each lone surrogate by
    U+FFFD: one character for one, so offsets into a document's text stay true."""
    return _CONTROL.sub(_replacement, text)


def _replacement(match: re.Match[str]) -> str:
    return "\ufffd" if "\ud800" <= match.group() <= "\udfff" else " "


def literal_text(text: str) -> str:
    """The N-Triples form of a plain (``xsd:string``) literal as Oxigraph writes it:
    quoted, with ``\\b \\t \\n \\f \\r \\" \\\\`` and ``\\uXXXX`` for the other control
    characters and the non-characters U+FFFE and U+FFFF."""
    if _NEEDS_ESCAPE.search(text) is None:
        return f'"{text}"'
    return f'"{text.translate(_ESCAPE_TABLE)}"'


def nt_term(term: object) -> str:
    """The N-Triples text of an rdflib term as Oxigraph writes it (the loader's conversion:
    IRIs, literals with a language or a datatype, blank nodes).

    Raises:
        ValueError: ``term`` is not an RDF term.
    """
    import pyoxigraph
    from rdflib import BNode

    if isinstance(term, URIRef):
        return f"<{str.__str__(term)}>"
    if isinstance(term, Literal):
        if term.language:
            return str(pyoxigraph.Literal(str(term), language=term.language))
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return str(pyoxigraph.Literal(str(term),
                                          datatype=pyoxigraph.NamedNode(str(term.datatype))))
        return literal_text(str(term))
    if isinstance(term, BNode):
        return str(pyoxigraph.BlankNode(str(term)))
    raise ValueError(f"cannot convert {term!r} to an RDF term")


class TermFactory(Protocol[T]):
    """What the graph builder makes its terms with (see the module docstring)."""

    def node(self, iri: str) -> T:
        """An IRI given in full (checked by the caller)."""
        ...

    def checked(self, iri: str) -> T:
        """An IRI given in full that may hold text from the input (a document id): the
        text factory checks it (:func:`exokg.ids.check_iri`).

        Raises:
            IdentifierError: not a valid absolute IRI (text factory only).
        """
        ...

    def curie(self, curie: str) -> T:
        """The checked IRI of a CURIE (:func:`exokg.ids.expand`, :func:`exokg.ids.check_iri`).

        Raises:
            IdentifierError: ``curie`` is not a known prefix or not a valid IRI.
        """
        ...

    def text(self, text: str) -> T:
        """A plain literal of document or vocabulary text (:func:`clean_text` applied)."""
        ...

    def plain(self, value: object) -> T:
        """``rdflib.Literal(value)``: a plain literal for a string, typed for other values."""
        ...

    def integer(self, value: int) -> T:
        """An ``xsd:integer`` literal."""
        ...

    def typed(self, lexical: str, datatype: URIRef) -> T:
        """A literal of ``datatype`` with rdflib's normalisation of its lexical form."""
        ...


@lru_cache(maxsize=1 << 16)
def curie_iri(curie: str) -> URIRef:
    """The checked IRI of a CURIE as an rdflib term (the most recent 65,536 are remembered:
    expanding is the costliest step of writing a triple)."""
    return URIRef(check_iri(expand(curie)))


class RdflibTerms:
    """Terms as rdflib objects (the terms of an rdflib Graph)."""

    node = staticmethod(URIRef)
    checked = staticmethod(URIRef)
    curie = staticmethod(curie_iri)

    @staticmethod
    def text(text: str) -> Literal:
        return Literal(clean_text(text))

    plain = staticmethod(Literal)

    @staticmethod
    def integer(value: int) -> Literal:
        return Literal(value, datatype=XSD.integer)

    @staticmethod
    def typed(lexical: str, datatype: URIRef) -> Literal:
        return Literal(lexical, datatype=datatype)


_TRUE, _FALSE = nt_term(Literal(True)), nt_term(Literal(False))


class NTriplesTerms:
    """Terms as their N-Triples text (see the module docstring). IRIs of CURIEs and short
    literals are remembered (bounded caches), so an entity's IRI or a rule name is made
    once, not once per triple."""

    def __init__(self) -> None:
        self._short: dict[str, str] = {}
        self.curie = lru_cache(maxsize=1 << 16)(self._curie)

    @staticmethod
    def node(iri: str) -> str:
        return f"<{iri}>"

    @staticmethod
    def checked(iri: str) -> str:
        return f"<{check_iri(iri)}>"

    @staticmethod
    def _curie(curie: str) -> str:
        return f"<{str.__str__(curie_iri(curie))}>"

    def text(self, text: str) -> str:
        if len(text) <= 64:  # names, labels, rule names: few and repeated
            known = self._short.get(text)
            if known is None:
                if len(self._short) >= 1 << 16:
                    self._short.clear()
                known = self._short[text] = literal_text(clean_text(text))
            return known
        return literal_text(clean_text(text))

    def plain(self, value: object) -> str:
        if value is True:
            return _TRUE
        if value is False:
            return _FALSE
        if type(value) is str:
            return literal_text(value)
        return nt_term(Literal(value))

    @staticmethod
    def integer(value: int) -> str:
        if type(value) is int:
            return f'"{value}"{_INTEGER}'
        return nt_term(Literal(value, datatype=XSD.integer))

    @staticmethod
    def typed(lexical: str, datatype: URIRef) -> str:
        return nt_term(Literal(lexical, datatype=datatype))
