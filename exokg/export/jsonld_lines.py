"""JSON-LD written from N-Triples text, one subject at a time, without RDF term objects.

The RDF exports of a build (:mod:`exokg.export.streamed`) write ``exokg.jsonld`` from the
N-Triples file they have just written. Parsing that file into pyoxigraph terms and building
each node object from them cost about as much CPU as the raw dump of the store (one Python
object per term, a compaction per subject); here each line is split as text (an
N-Triples line is ``subject predicate object .``, terms separated by single spaces, and
neither an IRI nor a blank node label holds a space), and the JSON text of every object
term is derived from its N-Triples text, memoised (entities, predicates' values, flags,
counts and statuses recur on most nodes).

The bytes are those of :func:`exokg.export.jsonld.to_jsonld` of the same graph (the layout
of :mod:`exokg.export.jsonld`): node objects in the order their subjects come in the input,
``@id``, ``@type`` (the rdf:type IRIs, sorted), then one key per other predicate
(compacted, keys sorted), each key's values sorted by their N-Triples text. The input must
hold each subject's lines together (sorted N-Triples, or a store's dump, which is in
subject order) and no line twice.

A literal's escaped N-Triples text is its JSON string text as well, except for control
characters other than ``\\b \\t \\n \\f \\r`` (N-Triples writes ``\\u007F`` in upper case,
JSON ``\\u007f``, and JSON leaves U+007F as it is): those strings are decoded and encoded
again.

>>> import io
>>> lines = ['<https://w3id.org/exokg/id/x> <http://www.w3.org/2000/01/rdf-schema#label> "a\\\\"b" .\\n',
...          '<https://w3id.org/exokg/id/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
...          '<https://w3id.org/exokg/vocab/Cell> .\\n']
>>> out = io.BytesIO()
>>> jsonld_from_ntriples(lines, out, {"exo": "https://w3id.org/exokg/vocab/",
...                                   "rdfs": "http://www.w3.org/2000/01/rdf-schema#"})
1
>>> print(out.getvalue().decode())  # doctest: +NORMALIZE_WHITESPACE
{
  "@context": {
    "exo": "https://w3id.org/exokg/vocab/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#"
  },
  "@graph": [
    {
      "@id": "https://w3id.org/exokg/id/x",
      "@type": "exo:Cell",
      "rdfs:label": "a\\"b"
    }
  ]
}
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any, BinaryIO

from exokg.export.jsonld import Compactor
from exokg.export.line_runs import subject_runs

__all__ = ["FastCompactor", "JsonldRuns", "jsonld_from_ntriples"]

_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_BOOLEAN, _INTEGER = _XSD + "boolean", _XSD + "integer"
_JSON_LD_MAX_INTEGER = 10 ** 21  # as exokg.export.jsonld: larger numbers read back as doubles
#: JSON string encoder (``ensure_ascii=False``), the C one when available
_ENCODE: Callable[[str], str] = getattr(json.encoder, "c_encode_basestring", None) or \
    json.encoder.py_encode_basestring
_INNER, _ITEM = " " * 6, " " * 8
_CACHE_LIMIT = 1 << 16


class FastCompactor(Compactor):
    """:class:`~exokg.export.jsonld.Compactor` (the same results and errors) that checks only
    the namespaces sharing the IRI's first characters (as many as the shortest namespace
    has), instead of every namespace of the context in turn.

    >>> context = {"CL": {"@id": "http://purl.obolibrary.org/obo/CL_", "@prefix": True},
    ...            "obo": "http://purl.obolibrary.org/obo/"}
    >>> FastCompactor(context).compact("http://purl.obolibrary.org/obo/CL_0000134")
    'CL:0000134'
    >>> FastCompactor(context).compact("http://purl.obolibrary.org/obo/GO_1")
    'obo:GO_1'
    """

    def __init__(self, context: dict[str, Any]) -> None:
        super().__init__(context)
        self._width = min((len(namespace) for namespace, _ in self._prefixes), default=0)
        self._buckets: dict[str, list[tuple[str, str]]] = {}
        for namespace, term in self._prefixes:  # longest first, as Compactor tries them
            self._buckets.setdefault(namespace[:self._width], []).append((namespace, term))

    def compact(self, iri: str) -> str:
        """See :meth:`Compactor.compact`."""
        for namespace, term in self._buckets.get(iri[:self._width], ()):
            if iri.startswith(namespace) and len(iri) > len(namespace):
                local = iri[len(namespace):]
                if not local.startswith("//"):
                    return f"{term}:{local}"
        return self._unprefixed(iri)


def _json_string(escaped: str) -> str:
    """The JSON text of a string given as the text between the quotes of an N-Triples
    literal (as Oxigraph writes it: ``\\b \\t \\n \\f \\r \\" \\\\`` and ``\\uXXXX`` for the
    other control characters)."""
    if "\\u" not in escaped and "\x7f" not in escaped:
        return '"' + escaped + '"'
    return _ENCODE(json.loads('"' + escaped + '"'))


def _value_text(term: str, indent: str, compact: Callable[[str], str]) -> str:
    """The JSON text of an object term, given as N-Triples text, at an indentation."""
    inner = indent + "  "
    if term[0] == "<":
        return f'{{\n{inner}"@id": {_ENCODE(compact(term[1:-1]))}\n{indent}}}'
    if term[0] == "_":
        return f'{{\n{inner}"@id": {_ENCODE(term)}\n{indent}}}'
    end = term.rfind('"')
    lexical, suffix = term[1:end], term[end + 1:]
    if not suffix:
        return _json_string(lexical)
    if suffix[0] == "@":
        return (f'{{\n{inner}"@value": {_json_string(lexical)},\n{inner}"@language": '
                f'{_ENCODE(suffix[1:])}\n{indent}}}')
    datatype = suffix[3:-1]  # ^^<...>
    if datatype == _BOOLEAN and lexical in ("true", "false"):
        return lexical
    if datatype == _INTEGER and _canonical_integer(lexical) \
            and abs(int(lexical)) < _JSON_LD_MAX_INTEGER:
        return int.__repr__(int(lexical))
    return (f'{{\n{inner}"@value": {_json_string(lexical)},\n{inner}"@type": '
            f'{_ENCODE(compact(datatype))}\n{indent}}}')


def _canonical_integer(lexical: str) -> bool:
    """``-?(0|[1-9][0-9]*)``, as :mod:`exokg.export.jsonld` reads integers."""
    digits = lexical[1:] if lexical[:1] == "-" else lexical
    return digits.isascii() and digits.isdigit() and (digits == "0" or digits[0] != "0")


class JsonldRuns:
    """The JSON-LD document written one run of a subject's N-Triples lines at a time
    (:func:`exokg.export.line_runs.subject_runs`), one node object per run;
    :meth:`close` ends the document.

    The JSON text of object terms is memoised (bounded) per indentation, except strings
    whose N-Triples text is their JSON text already (most strings: no ``\\u`` escape, no
    U+007F), which are copied; the key text of each predicate is kept.

    Raises (:meth:`write`):
        ValueError: an IRI the context would read back as a CURIE
            (:meth:`~exokg.export.jsonld.Compactor.compact`).
    """

    def __init__(self, out: BinaryIO, context: dict[str, Any] | None = None) -> None:
        from exokg.export.resources import load_context

        ctx = context if context is not None else load_context()["@context"]
        self._compact = lru_cache(maxsize=1 << 16)(FastCompactor(ctx).compact)
        self._texts: dict[str, dict[str, str]] = {_INNER: {}, _ITEM: {}}
        self._keys: dict[str, str] = {}
        self._heads: dict[str, str] = {}
        self._head, _, self._tail = json.dumps(
            {"@context": ctx, "@graph": [0]}, ensure_ascii=False,
            indent=2).rpartition("\n    0\n")
        self._out = out
        #: the number of node objects written
        self.nodes = 0

    def _text(self, term: str, indent: str) -> str:
        """The JSON text of the object ``term`` at ``indent`` (memoised)."""
        if term[-1] == '"' and "\\u" not in term and "\x7f" not in term:
            return term  # a plain string whose escapes are JSON's
        texts = self._texts[indent]
        found = texts.get(term)
        if found is None:
            found = _value_text(term, indent, self._compact)
            if len(texts) >= _CACHE_LIMIT:
                texts.clear()
            texts[term] = found
        return found

    def _key(self, predicate: str) -> str:
        """The compacted key of a predicate (N-Triples text), kept with its key text."""
        key = self._keys[predicate] = self._compact(predicate[1:-1])
        self._heads[key] = f"{_INNER}{_ENCODE(key)}: "
        return key

    def write(self, run: list[list[str]]) -> None:
        """Write the node object of one run: ``[subject, predicate, object]`` N-Triples
        terms, the subject the same on every line, no line twice."""
        run.sort()  # by predicate, then object text: the order of the values
        compact, text, heads = self._compact, self._text, self._heads
        known_key, inner = self._keys.get, self._texts[_INNER].get
        subject = run[0][0]
        node_id = subject if subject[0] == "_" else compact(subject[1:-1])
        lines = [f'{_INNER}"@id": {_ENCODE(node_id)}']
        types: list[str] = []
        keyed: dict[str, list[str]] = {}
        last = values = None
        for _, predicate, term in run:
            if predicate == _RDF_TYPE and term[0] == "<":
                types.append(term[1:-1])
                continue
            if predicate != last:
                last = predicate
                key = known_key(predicate) or self._key(predicate)
                values = keyed.get(key)
                if values is None:
                    values = keyed[key] = []
            values.append(term)  # type: ignore[union-attr]
        if types:
            types.sort()
            lines.append(f'{_INNER}"@type": ' + (
                _ENCODE(compact(types[0])) if len(types) == 1 else
                "[\n" + ",\n".join(_ITEM + _ENCODE(compact(t)) for t in types)
                + f"\n{_INNER}]"))
        for key in sorted(keyed):
            found = keyed[key]
            if len(found) > 1:
                lines.append(heads[key] + "[\n" + ",\n".join(_ITEM + text(v, _ITEM) for v in found)
                             + f"\n{_INNER}]")
                continue
            term = found[0]
            if term[-1] == '"' and "\\u" not in term and "\x7f" not in term:
                lines.append(heads[key] + term)  # _text's first case, inlined: most values
            else:
                lines.append(heads[key] + (inner(term) or text(term, _INNER)))
        self._out.write(((self._head + "\n    " if not self.nodes else ",\n    ")
                         + "{\n" + ",\n".join(lines) + "\n    }").encode("utf-8"))
        self.nodes += 1

    def close(self) -> None:
        """End the document (the file stays open)."""
        if not self.nodes:
            self._out.write((self._head.rpartition("[")[0] + "[]\n}\n").encode("utf-8"))
        else:
            self._out.write(("\n" + self._tail + "\n").encode("utf-8"))


def jsonld_from_ntriples(lines: Iterable[str], out: BinaryIO,
                         context: dict[str, Any] | None = None) -> int:
    """Write the JSON-LD document of N-Triples ``lines`` (each subject's lines together, no
    line twice; line ends are optional) to ``out`` (:class:`JsonldRuns`); returns the
    number of node objects.

    Args:
        lines: N-Triples lines as Oxigraph writes them (one space between terms).
        out: a binary file the UTF-8 text is written to.
        context: the value of ``@context``; default the shipped ``ontology/context.jsonld``.

    Raises:
        ValueError: an IRI the context would read back as a CURIE
            (:meth:`~exokg.export.jsonld.Compactor.compact`), or a line that is not
            ``subject predicate object .``.
    """
    writer = JsonldRuns(out, context)
    for run in subject_runs(lines):
        writer.write(run)
    writer.close()
    return writer.nodes
