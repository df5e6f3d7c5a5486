"""The RDF exports of a build written from its Oxigraph store, in bounded memory.

* ``exokg.nt``: the store's default graph dumped by Oxigraph, lines sorted on disk
  (:func:`exokg.export.extsort.sort_file`: GNU ``sort`` when installed): the sorted,
  canonical N-Triples of :mod:`exokg.export.ntriples`.
* ``exokg.ttl``: that sorted stream re-serialised by Oxigraph's Turtle writer with exokg's
  prefixes (consecutive triples of one subject share a block), prefix lines sorted.
* ``exokg.nq``: the named-graph partition of :mod:`exokg.export.quads`, written by the
  store loader as one line per (triple, graph) and sorted externally, then the ontology's
  graph.
* ``exokg.trig``: the sorted quads re-serialised by Oxigraph's TriG writer.
* ``exokg.jsonld``: node objects written one subject at a time from the sorted N-Triples
  (the layout of :mod:`exokg.export.jsonld`).

Every file is a function of the graph alone (sorted input, fixed prefixes): the same input
gives byte-identical files, whatever order the triples were loaded in. The same functions
over an in-memory graph (:func:`turtle_bytes`) give the same bytes as the build.
"""

from __future__ import annotations

import json
import shutil
from functools import lru_cache
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import pyoxigraph

from exokg.export.extsort import sort_file

__all__ = ["RDF_EXPORTS", "jsonld_stream", "turtle_prefixes", "write_rdf_exports",
           "write_turtle_from"]

#: The files :func:`write_rdf_exports` writes.
RDF_EXPORTS = ("exokg.nt", "exokg.ttl", "exokg.nq", "exokg.trig", "exokg.jsonld")
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#: JSON string encoder (``ensure_ascii=False``), the C one when available
_ENCODE: Callable[[str], str] = getattr(json.encoder, "c_encode_basestring", None) or \
    json.encoder.py_encode_basestring
_XSD = "http://www.w3.org/2001/XMLSchema#"


def turtle_prefixes() -> dict[str, str]:
    """The prefixes of the Turtle and TriG exports (exokg's, but not ``exokg:``, whose local
    names hold ``/``, which the writers would escape)."""
    from rdflib import RDF

    from exokg.graph.rdf import PREFIXES

    prefixes = {name: str(ns) for name, ns in PREFIXES.items() if name != "exokg"}
    prefixes["rdf"] = str(RDF)
    return prefixes


def _header(prefixes: dict[str, str]) -> bytes:
    return ("".join(f"@prefix {name}: <{iri}> .\n" for name, iri in sorted(prefixes.items()))
            + "\n").encode("utf-8")


def _copy_without_prefix_lines(source: Path, target: BinaryIO) -> None:
    """Copy ``source`` after the ``@prefix`` lines Oxigraph writes (in an order of its own)."""
    with open(source, "rb") as handle:
        for line in handle:
            if not line.startswith(b"@prefix "):
                target.write(line)
                break
        shutil.copyfileobj(handle, target, 1 << 20)


def write_turtle_from(triples: Iterable[pyoxigraph.Triple] | Iterable[pyoxigraph.Quad],
                      target: Path, scratch: Path, *, trig: bool = False) -> None:
    """Write sorted triples (quads for ``trig``) as Turtle (TriG) with sorted prefix lines.

    Raises OSError when a file cannot be written."""
    prefixes = turtle_prefixes()
    body = scratch / (target.name + ".body")
    pyoxigraph.serialize(triples, body, pyoxigraph.RdfFormat.TRIG if trig else
                         pyoxigraph.RdfFormat.TURTLE, prefixes=prefixes)
    try:
        with open(target, "wb") as out:
            out.write(_header(prefixes))
            _copy_without_prefix_lines(body, out)
    finally:
        body.unlink(missing_ok=True)


def turtle_bytes(triples: Iterable[pyoxigraph.Triple], *, trig: bool = False) -> bytes:
    """:func:`write_turtle_from` of sorted triples (quads), in memory (small graphs)."""
    prefixes = turtle_prefixes()
    body = pyoxigraph.serialize(triples, None, pyoxigraph.RdfFormat.TRIG if trig else
                                pyoxigraph.RdfFormat.TURTLE, prefixes=prefixes)
    lines = body.split(b"\n")
    start = next((i for i, line in enumerate(lines) if not line.startswith(b"@prefix ")),
                 len(lines))
    return _header(prefixes) + b"\n".join(lines[start:])


# -- JSON-LD -----------------------------------------------------------------------------------


def _json_value(term: Any, compact: Callable[[str], str]) -> Any:
    from exokg.export.jsonld import literal_value

    if isinstance(term, pyoxigraph.NamedNode):
        return {"@id": compact(term.value)}
    if isinstance(term, pyoxigraph.BlankNode):
        return {"@id": f"_:{term.value}"}
    return literal_value(term.value, term.language,
                         term.datatype.value if term.datatype is not None else None, compact)


class _NodeText:
    """The text of one JSON-LD node object, as ``_indented`` writes the node dict of the
    in-memory writer (:func:`exokg.export.jsonld.to_jsonld_document`) at the ``@graph``'s
    indentation: ``@id``, ``@type`` (the rdf:type IRIs, sorted), then one key per other
    predicate (compacted, keys sorted), its values in the order given. The text of each
    value at each indentation is memoised: entities, predicates' values, flags, counts and
    statuses recur on most nodes."""

    _INNER, _ITEM = " " * 6, " " * 8

    def __init__(self, compact: Callable[[str], str]) -> None:
        self.compact = compact
        self.value = lru_cache(maxsize=1 << 16)(self._value)

    def _value(self, term: Any, indent: str) -> str:
        return _indented(_json_value(term, self.compact), indent, _ENCODE)

    def of(self, subject: Any, pairs: list[tuple[str, Any]]) -> str:
        """``pairs``: (predicate IRI, object term), sorted by predicate then object text,
        without duplicates."""
        compact, value, inner, item = self.compact, self.value, self._INNER, self._ITEM
        node_id = f"_:{subject.value}" if isinstance(subject, pyoxigraph.BlankNode) \
            else compact(subject.value)
        lines = [f'{inner}"@id": {_ENCODE(node_id)}']
        named = pyoxigraph.NamedNode
        types = sorted(o.value for p, o in pairs if p == _RDF_TYPE and isinstance(o, named))
        if types:
            lines.append(f'{inner}"@type": ' + (_ENCODE(compact(types[0])) if len(types) == 1
                         else "[\n" + ",\n".join(item + _ENCODE(compact(t)) for t in types)
                         + f"\n{inner}]"))
        keyed: dict[str, list[Any]] = {}
        for p, o in pairs:
            if p == _RDF_TYPE and isinstance(o, named):
                continue
            key = compact(p)
            found = keyed.get(key)
            if found is None:
                keyed[key] = [o]
            else:
                found.append(o)
        for key in sorted(keyed):
            values = keyed[key]
            lines.append(f"{inner}{_ENCODE(key)}: " + (
                value(values[0], inner) if len(values) == 1 else
                "[\n" + ",\n".join(item + value(v, item) for v in values) + f"\n{inner}]"))
        return "{\n" + ",\n".join(lines) + "\n    }"


def _indented(value: Any, indent: str, encode: Callable[[str], str]) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` for the values of JSON-LD node
    objects (dicts, lists, strings, integers, booleans, None), each line after the first
    prefixed with ``indent``. The standard encoder runs in pure Python once ``indent`` is
    given; this writes the same text with the C string encoder, a few times faster.

    >>> import json
    >>> value = {"@id": "x", "k": [{"@id": "y"}, "s\u00e9\\n", 5, True, None, [], {}]}
    >>> _indented(value, "", _ENCODE) == json.dumps(value, ensure_ascii=False, indent=2)
    True
    """
    if isinstance(value, str):
        return encode(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = indent + "  "
        return "{\n" + ",\n".join(f"{inner}{encode(k)}: {_indented(v, inner, encode)}"
                                  for k, v in value.items()) + f"\n{indent}}}"
    if isinstance(value, list):
        if not value:
            return "[]"
        inner = indent + "  "
        return "[\n" + ",\n".join(inner + _indented(v, inner, encode) for v in value) \
            + f"\n{indent}]"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return int.__repr__(value)
    return json.dumps(value, ensure_ascii=False)  # a float: the encoder's own rules


def jsonld_stream(triples: Iterable[pyoxigraph.Triple], out: BinaryIO,
                  context: dict[str, Any] | None = None) -> None:
    """Write JSON-LD of triples sorted by N-Triples line, one subject at a time; the bytes
    are those of :func:`exokg.export.jsonld.to_jsonld` of the same graph."""
    from exokg.export.jsonld import Compactor
    from exokg.export.resources import load_context

    ctx = context if context is not None else load_context()["@context"]
    compact = lru_cache(maxsize=1 << 16)(Compactor(ctx).compact)
    head, _, tail = json.dumps({"@context": ctx, "@graph": [0]}, ensure_ascii=False,
                               indent=2).rpartition("\n    0\n")
    first = True
    subject = None
    pairs: list[tuple[str, Any]] = []
    node_text = _NodeText(compact).of

    def flush() -> None:
        nonlocal first
        text = node_text(subject, pairs)
        out.write(((head + "\n    " if first else ",\n    ") + text).encode("utf-8"))
        first = False

    for t in triples:
        if t.subject != subject:
            if pairs:
                flush()
            subject, pairs = t.subject, []
        pairs.append((t.predicate.value, t.object))
    if pairs:
        flush()
    if first:  # no node at all
        out.write((head.rpartition("[")[0] + "[]\n}\n").encode("utf-8"))
    else:
        out.write(("\n" + tail + "\n").encode("utf-8"))


# -- everything --------------------------------------------------------------------------------


def _parse(path: Path, fmt: pyoxigraph.RdfFormat) -> Iterator[Any]:
    return pyoxigraph.parse(path=str(path), format=fmt)


def write_rdf_exports(store: pyoxigraph.Store, partition: Path | None, folder: Path,
                      scratch: Path, tally: Callable[[str, int], None] | None = None,
                      include_ontology: bool = True) -> int:
    """Write :data:`RDF_EXPORTS` into ``folder`` from ``store``'s default graph and the
    loader's partition file (``partition``; None: no N-Quads/TriG); returns the number of
    triples. ``tally(file name, count)`` is told each file written (progress).

    Raises OSError when a file cannot be written (disk full); the files of ``folder`` are
    then incomplete (the caller discards the folder).
    """
    def tell(name: str, count: int) -> None:
        if tally is not None:
            tally(name, count)

    folder.mkdir(parents=True, exist_ok=True)
    dump = scratch / "dump.nt"
    store.dump(str(dump), pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph())
    nt = folder / "exokg.nt"
    with open(nt, "wb", buffering=1 << 20) as target:
        triples = sort_file(dump, target, scratch)
    dump.unlink()
    tell("exokg.nt", triples)
    write_turtle_from(_parse(nt, pyoxigraph.RdfFormat.N_TRIPLES), folder / "exokg.ttl",
                      scratch)
    tell("exokg.ttl", triples)
    with open(folder / "exokg.jsonld", "wb", buffering=1 << 20) as target:
        jsonld_stream(_parse(nt, pyoxigraph.RdfFormat.N_TRIPLES), target)
    tell("exokg.jsonld", triples)
    if partition is not None:
        nq = folder / "exokg.nq"
        with open(nq, "wb", buffering=1 << 20) as target:
            quads = sort_file(partition, target, scratch, after_tab=True)
            if include_ontology:
                from exokg.export.quads import to_quads
                from exokg.export.resources import load_ontology

                ontology = to_quads(_empty_graph(), load_ontology())
                target.write(pyoxigraph.serialize(ontology,
                                                  format=pyoxigraph.RdfFormat.N_QUADS))
                quads += len(ontology)
        tell("exokg.nq", quads)
        write_turtle_from(_parse(nq, pyoxigraph.RdfFormat.N_QUADS), folder / "exokg.trig",
                          scratch, trig=True)
        tell("exokg.trig", quads)
    return triples


def _empty_graph() -> Any:
    from rdflib import Graph

    return Graph()
