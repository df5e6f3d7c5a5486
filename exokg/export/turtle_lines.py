"""Turtle and TriG written from N-Triples and N-Quads text, without RDF term objects.

The Turtle and TriG exports are the N-Triples and N-Quads exports re-written with
prefixes and one block per subject (per graph in TriG). Re-serialising them with Oxigraph
parsed every line into pyoxigraph terms and handed each to its writer again: about a
third of a raw dump of the store in CPU time each. Here each line is split as text (terms
are separated by single spaces; neither an IRI nor a blank node label holds one) and each
term's Turtle text comes from its N-Triples text, which is already valid Turtle:

* IRIs become prefixed names ``prefix:local`` under the longest namespace of the prefix
  map whose remainder is a plain local name (ASCII letters, digits, ``_``, ``-`` and inner
  ``.``: nothing Turtle would need escaped); otherwise they stay ``<iri>``;
* ``rdf:type`` as a predicate is ``a``;
* ``xsd:integer`` literals written with digits only, and ``xsd:boolean`` ``true`` and
  ``false``, are written bare (they read back as the same literals); other typed literals
  keep their lexical form with the datatype as a prefixed name; strings and language
  strings are copied (N-Triples escapes are Turtle escapes);
* blank nodes keep their labels.

Layout (the layout of Oxigraph's writer): the prefix lines sorted by name and an empty
line, then per subject ``subject predicate object`` with ``;`` and a new line, tab
indented, before each further predicate and `` , `` before each further object of the
same predicate, ``.`` at the end of the subject. In TriG each graph is
``<graph> {`` ... ``}``, its subjects indented one tab more. Consecutive lines of a subject
(of a graph) are one block: sorted input gives one block per subject (per graph).

>>> import io
>>> out = io.BytesIO()
>>> write_turtle_lines(['<http://e.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://e.org/C> .\\n',
...                     '<http://e.org/a> <http://e.org/n> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .\\n',
...                     '<http://e.org/a> <http://e.org/n> "x y"@en .\\n'], out, {"e": "http://e.org/"})
3
>>> out.getvalue().decode().splitlines()
['@prefix e: <http://e.org/> .', '', 'e:a a e:C ;', '\\te:n 2 , "x y"@en .']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import BinaryIO

from exokg.export.line_runs import line_body, subject_runs

__all__ = ["TurtleRuns", "TurtleTerms", "prefix_header", "write_trig_lines",
           "write_turtle_lines"]

_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER, _BOOLEAN = _XSD + "integer", _XSD + "boolean"
_LOCAL = re.compile(r"(?:[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?)?")
_DIGITS = re.compile(r"[+-]?[0-9]+")
_CACHE_LIMIT = 1 << 17
_FLUSH = 1 << 12


def prefix_header(prefixes: dict[str, str]) -> bytes:
    """The ``@prefix`` lines of ``prefixes``, sorted by name, and an empty line."""
    return ("".join(f"@prefix {name}: <{iri}> .\n" for name, iri in sorted(prefixes.items()))
            + "\n").encode("utf-8")


class TurtleTerms:
    """The Turtle text of terms given as N-Triples text, with a prefix map (name -> IRI);
    IRIs and typed literals are memoised (bounded)."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        namespaces = sorted(((iri, name) for name, iri in prefixes.items()),
                            key=lambda item: (-len(item[0]), item[1]))
        # namespaces by their first characters (as many as the shortest has): an IRI is
        # compared with those that share its own, longest first
        self._width = min((len(iri) for iri, _ in namespaces), default=0)
        self._buckets: dict[str, list[tuple[str, str]]] = {}
        for namespace, name in namespaces:
            self._buckets.setdefault(namespace[:self._width], []).append((namespace, name))
        self._cache: dict[str, str] = {}
        self._predicates: dict[str, str] = {_RDF_TYPE: "a"}

    def iri(self, iri: str) -> str:
        """The prefixed name of ``iri`` (without brackets), or ``<iri>``."""
        for namespace, name in self._buckets.get(iri[:self._width], ()):
            if iri.startswith(namespace) and _LOCAL.fullmatch(iri, len(namespace)):
                return f"{name}:{iri[len(namespace):]}"
        return f"<{iri}>"

    def term(self, text: str) -> str:
        """The Turtle text of the N-Triples term ``text``."""
        if text[0] == '"' and text[-1] == '"':  # a string: the same text
            return text
        if text[0] == "_":
            return text
        found = self._cache.get(text)
        if found is not None:
            return found
        if text[0] == "<":
            found = self.iri(text[1:-1])
        else:
            end = text.rfind('"')
            suffix = text[end + 1:]
            if suffix[:3] != "^^<":  # a language string
                found = text
            else:
                lexical, datatype = text[1:end], suffix[3:-1]
                if (datatype == _INTEGER and _DIGITS.fullmatch(lexical)) or \
                        (datatype == _BOOLEAN and lexical in ("true", "false")):
                    found = lexical
                else:
                    found = text[:end + 1] + "^^" + self.iri(datatype)
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[text] = found
        return found

    def predicate(self, text: str) -> str:
        """The Turtle text of a predicate (``a`` for rdf:type)."""
        found = self._predicates.get(text)
        if found is None:
            found = self.term(text)
            if len(self._predicates) < _CACHE_LIMIT:
                self._predicates[text] = found
        return found


class TurtleRuns:
    """Turtle written one run of a subject's N-Triples lines at a time
    (:func:`exokg.export.line_runs.subject_runs`): :func:`prefix_header` when made, then
    one block per run; :meth:`close` writes what is held."""

    def __init__(self, out: BinaryIO, prefixes: dict[str, str]) -> None:
        terms = TurtleTerms(prefixes)
        self._term, self._known, self._predicate, self._known_predicate = \
            terms.term, terms._cache.get, terms.predicate, terms._predicates.get
        self._out = out
        self._parts: list[str] = []
        #: the number of triples (lines) written
        self.count = 0
        out.write(prefix_header(prefixes))

    def write(self, run: list[list[str]]) -> None:
        """Write the block of one run: ``[subject, predicate, object]`` N-Triples terms,
        the subject the same on every line."""
        term, known, predicate_text, known_predicate = \
            self._term, self._known, self._predicate, self._known_predicate
        append = self._parts.append
        predicate = None
        for _, p, o in run:
            o = o if o[-1] == '"' else (known(o) or term(o))
            if predicate is None:
                append(f"{term(run[0][0])} {known_predicate(p) or predicate_text(p)} {o}")
            elif p != predicate:
                append(f" ;\n\t{known_predicate(p) or predicate_text(p)} {o}")
            else:
                append(" , " + o)
            predicate = p
        append(" .\n")
        self.count += len(run)
        if len(self._parts) >= _FLUSH:
            self._out.write("".join(self._parts).encode("utf-8"))
            self._parts.clear()

    def close(self) -> None:
        """Write what is held (the file stays open)."""
        self._out.write("".join(self._parts).encode("utf-8"))
        self._parts.clear()


def write_turtle_lines(lines: Iterable[str], out: BinaryIO,
                       prefixes: dict[str, str]) -> int:
    """Write the Turtle of N-Triples ``lines`` (Oxigraph's N-Triples, or any with single
    spaces between terms) to ``out``: :func:`prefix_header`, then one block per run of
    lines of a subject (:class:`TurtleRuns`). Returns the number of triples (lines).

    Raises:
        ValueError: a line that is not an N-Triples line.
    """
    writer = TurtleRuns(out, prefixes)
    for run in subject_runs(lines):
        writer.write(run)
    writer.close()
    return writer.count


def write_trig_lines(lines: Iterable[str], out: BinaryIO, prefixes: dict[str, str]) -> int:
    """Write the TriG of N-Quads ``lines``, each in a named graph, to ``out``:
    :func:`prefix_header`, then one ``graph { ... }`` block per run of lines of a graph,
    one subject block per run of lines of a subject in it. Returns the number of quads.

    Raises:
        ValueError: a line that is not an N-Quads line with a graph name.
    """
    terms = TurtleTerms(prefixes)
    term, known, predicate_text, known_predicate = \
        terms.term, terms._cache.get, terms.predicate, terms._predicates.get
    out.write(prefix_header(prefixes))
    parts: list[str] = []
    append = parts.append
    graph = subject = predicate = None
    count = 0
    for line in lines:
        body = line[:-2] if line[-2:] == " ." else line_body(line, "N-Quads")
        rest, _, g = body.rpartition(" ")
        try:
            s, p, o = rest.split(" ", 2)
        except ValueError:
            raise ValueError(f"not an N-Quads line: {line[:80]!r}") from None
        if g[0] not in "<_" or g[-1] == '"':
            raise ValueError(f"not an N-Quads line with a graph name: {line[:80]!r}")
        o = o if o[-1] == '"' else (known(o) or term(o))
        if g != graph:
            if graph is not None:
                append(" .\n}\n")
            append(f"{term(g)} {{\n\t{term(s)} {known_predicate(p) or predicate_text(p)} {o}")
            graph, subject, predicate = g, s, p
        elif s != subject:
            append(f" .\n\t{term(s)} {known_predicate(p) or predicate_text(p)} {o}")
            subject, predicate = s, p
        elif p != predicate:
            append(f" ;\n\t\t{known_predicate(p) or predicate_text(p)} {o}")
            predicate = p
        else:
            append(" , " + o)
        count += 1
        if len(parts) >= _FLUSH:
            out.write("".join(parts).encode("utf-8"))
            parts.clear()
    if graph is not None:
        append(" .\n}\n")
    out.write("".join(parts).encode("utf-8"))
    return count
