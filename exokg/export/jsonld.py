"""Compact, deterministic JSON-LD 1.1 with exokg's shipped context.

The context is ``ontology/context.jsonld`` (one prefix per entry of ``ontology/prefixes.yaml``;
prefixes whose IRI does not end in ``/``, ``#``, ``:`` ... carry ``"@prefix": true`` so that
CURIEs such as ``CL:0000134`` expand under JSON-LD 1.1). It is embedded in every document, so
no processor ever needs to fetch a context.

Layout: ``{"@context": {...}, "@graph": [node, ...]}`` with one node object per subject,
sorted by IRI; keys sorted; IRIs written as CURIEs where a prefix covers them; values sorted.
Plain strings are JSON strings, canonical ``xsd:integer`` and ``xsd:boolean`` literals are
JSON numbers and booleans (they read back as the same literals), every other literal is
``{"@value": ..., "@type": ...}`` or ``{"@value": ..., "@language": ...}``.

>>> from rdflib import RDF, Graph, Literal, URIRef
>>> g = Graph()
>>> node = URIRef("http://purl.obolibrary.org/obo/CL_0000134")
>>> _ = g.add((node, RDF.type, URIRef("https://w3id.org/exokg/vocab/Cell")))
>>> _ = g.add((node, URIRef("https://w3id.org/exokg/vocab/evidenceCount"), Literal(2)))
>>> doc = to_jsonld_document(g)
>>> doc["@graph"]
[{'@id': 'CL:0000134', '@type': 'exo:Cell', 'exo:evidenceCount': 2}]
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from exokg.export.atomic import write_bytes
from exokg.export.ntriples import ox_term
from exokg.export.resources import load_context

__all__ = ["Compactor", "to_jsonld", "to_jsonld_document", "write_jsonld"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_CANONICAL_INTEGER = re.compile(r"-?(0|[1-9][0-9]*)")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_JSON_LD_MAX_INTEGER = 10 ** 21  # larger JSON numbers are read back as xsd:double


class Compactor:
    """Turns IRIs into CURIEs with the prefixes of a JSON-LD context (longest match wins).

    >>> c = Compactor({"CL": {"@id": "http://purl.obolibrary.org/obo/CL_", "@prefix": True}})
    >>> c.compact("http://purl.obolibrary.org/obo/CL_0000134")
    'CL:0000134'
    >>> c.compact("https://example.org/x")
    'https://example.org/x'
    """

    def __init__(self, context: dict[str, Any]) -> None:
        prefixes: list[tuple[str, str]] = []
        for term, definition in context.items():
            if term.startswith("@"):
                continue
            iri = definition if isinstance(definition, str) else definition.get("@id")
            if isinstance(iri, str):
                prefixes.append((iri, term))
        self._terms = {term for _, term in prefixes}
        self._prefixes = sorted(prefixes, key=lambda p: (-len(p[0]), p[1]))

    def compact(self, iri: str) -> str:
        """The CURIE of ``iri``, or ``iri`` itself when no prefix covers it.

        Raises:
            ValueError: an absolute IRI whose scheme is also a prefix of the context (it
                would be read back as a CURIE).
        """
        for namespace, term in self._prefixes:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                local = iri[len(namespace):]
                if not local.startswith("//"):
                    return f"{term}:{local}"
        return self._unprefixed(iri)

    def _unprefixed(self, iri: str) -> str:
        """``iri`` itself, which no prefix covers; raises ValueError as :meth:`compact`."""
        scheme = _SCHEME.match(iri)
        if scheme and scheme.group(1) in self._terms:
            raise ValueError(f"IRI {iri!r} would be read back as a CURIE of {scheme.group(1)!r}")
        return iri


def literal_value(lexical: str, language: str | None, datatype: str | None,
                  compact: Callable[[str], str]) -> Any:
    """The JSON-LD value of a literal (see the module docstring); ``datatype`` None is
    ``xsd:string``."""
    if language:
        return {"@value": lexical, "@language": language}
    datatype = datatype or _XSD + "string"
    if datatype == _XSD + "string":
        return lexical
    if datatype == _XSD + "boolean" and lexical in ("true", "false"):
        return lexical == "true"
    if datatype == _XSD + "integer" and _CANONICAL_INTEGER.fullmatch(lexical) \
            and abs(int(lexical)) < _JSON_LD_MAX_INTEGER:
        return int(lexical)
    return {"@value": lexical, "@type": compact(datatype)}


def _value(obj: Node, compactor: Compactor) -> Any:
    if isinstance(obj, URIRef):
        return {"@id": compactor.compact(str(obj))}
    if isinstance(obj, BNode):
        return {"@id": f"_:{obj}"}
    if not isinstance(obj, Literal):
        raise ValueError(f"cannot write {obj!r} as JSON-LD")
    return literal_value(str(obj), obj.language,
                         str(obj.datatype) if obj.datatype is not None else None,
                         compactor.compact)


def _node_id(node: Node, compactor: Compactor) -> str:
    return f"_:{node}" if isinstance(node, BNode) else compactor.compact(str(node))


def to_jsonld_document(graph: Graph, context: dict[str, Any] | None = None) -> dict[str, Any]:
    """The JSON-LD document of ``graph`` as a dict (see the module docstring for its layout).

    Args:
        graph: the graph to write.
        context: the JSON-LD context object (the value of ``@context``); default the shipped
            ``ontology/context.jsonld``.
    """
    ctx = context if context is not None else load_context()["@context"]
    compactor = Compactor(ctx)
    by_subject: dict[Node, dict[Node, list[Node]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in graph:
        by_subject[s][p].append(o)
    nodes = []
    for subject in sorted(by_subject, key=lambda n: str(ox_term(n))):
        node: dict[str, Any] = {"@id": _node_id(subject, compactor)}
        properties = by_subject[subject]
        types = sorted(str(o) for o in properties.get(RDF.type, []) if isinstance(o, URIRef))
        if types:
            compacted = [compactor.compact(t) for t in types]
            node["@type"] = compacted[0] if len(compacted) == 1 else compacted
        keyed: dict[str, list[Any]] = {}
        for predicate, objects in properties.items():
            if predicate == RDF.type:
                objects = [o for o in objects if not isinstance(o, URIRef)]
                if not objects:
                    continue
            ordered = sorted(set(objects), key=lambda n: str(ox_term(n)))
            keyed[compactor.compact(str(predicate))] = [_value(o, compactor) for o in ordered]
        for key in sorted(keyed):
            values = keyed[key]
            node[key] = values[0] if len(values) == 1 else values
        nodes.append(node)
    return {"@context": ctx, "@graph": nodes}


def to_jsonld(graph: Graph, context: dict[str, Any] | None = None) -> bytes:
    """``graph`` as UTF-8 JSON-LD text (indented, keys in a fixed order, newline at the end)."""
    document = to_jsonld_document(graph, context)
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_jsonld(graph: Graph, path: str | Path) -> None:
    """Write :func:`to_jsonld` of ``graph`` to ``path`` atomically."""
    write_bytes(path, to_jsonld(graph))
