"""Answer tables: the rows of the entity-keyed named queries, written once per store generation.

On a large store a named query about a frequently studied entity is slow however it is
written: at 100,000 abstracts ``entity-findings`` of a hub miRNA joins some 30,000 evidence
rows, each about 15 index look-ups on disk, and a page costs as much as the whole answer
because the engine sorts every row first (docs/benchmarks.md, "Queries at 100k"). So each
store generation gets ``answers.sqlite`` beside its view file (written by
:func:`exokg.graph.viewdb.write_view_file`, or in a large build by a phase of its own,
:mod:`exokg.postload`, inside the generation's temporary folder, so it is published by the
same atomic switch as the database). It holds, for the queries below,
every row the query can return, in the query's ``ORDER BY`` order (a global ``rank``), with
an index per parameter, so that an answer is one index range and a page a part of it:

===================  ========================  ==============================================
query                parameters                table (one row per ...)
===================  ========================  ==============================================
``entity-findings``  entity, predicate         ``findings`` (statement and evidence sentence;
                                               the role and entity columns are added when read)
``entity-summary``   entity, predicate         ``summary`` (statement and role)
``evidence``         statement, subject,       ``evidence`` (statement and evidence sentence)
                     object
===================  ========================  ==============================================

and, for four more named queries, their whole answer (:data:`KEPT`; in a file of their own,
``kept-answers.sqlite``, :func:`write_kept_file`, of the same layout): their SPARQL is run
once, with no parameter bound, when the file is written (or, in a large build, the same
rows made in Python from its statement rows file: :mod:`exokg.query.kept_rows`), its rows
kept in its order with
the IRIs of the parameter columns beside them, so that a bound answer is the rows with that
value in the parameter's column (one index range) and a page a part of it:

=========================  ==========================  ===================================
query                      parameters (columns)        table
=========================  ==========================  ===================================
``mirna-preparations``     mirna                       ``mirna_preparations``
``mirna-biomarkers``       mirna                       ``mirna_biomarkers``
``opposite-findings``      outcome                     ``opposite_findings``
``outcomes-by-species``    outcome, species, model     ``outcomes_by_species``
=========================  ==========================  ===================================

That a bound answer is a part of the unbound one holds because these queries are written
for it: each parameter is a group key and a projected column, the aggregates are functions
of the group alone (``MAX`` where ``SAMPLE`` would pick any value, ``GROUP_CONCAT`` lists put
in code-point order after the engine: :mod:`exokg.query.lists`) and every group key is in
``ORDER BY``, so the order is total. The file records a digest of each query's text; a file
written for another text is not used for that query (it runs as SPARQL).

The rows of the first three are made statement by statement (in term order) from the
generation's database
and put together in Python with the semantics of the SPARQL text: the same optional
patterns, ``COALESCE``/``STR``/``CONCAT`` rules, ``GROUP_CONCAT(DISTINCT ...)`` in the order
Oxigraph sees the values (a subject's values of one predicate come in index order in a
bound look-up, a scan of the subject and a predicate scan alike), the same ``REPLACE``
clean-up and the same term order; entity-findings' four context lists (``species``,
``model``, ``route``, ``context``: a union of eleven facets, whose order Oxigraph does not
derive from its indexes) are ``sorted-list`` columns, their items in code-point order on
every path, so no engine order is needed for them. ``tests/test_answers.py`` compares
every row, whole and paged, with the SPARQL answer on the founding corpus and on the
development set.

Memory stays flat however large the store (format 2): the statements of a group of 200
and their evidence nodes are read with one query each, the documents and publications they
name and the statements' ends with one predicate-filtered query each (in a large build,
all of them from the statement rows file its ``rows`` phase wrote once for this writer
and the KGX/CSV tables: :func:`exokg.export.statement_scan.write_statement_rows`), and
only the values of the 20,000 most recently read nodes are kept; each row goes, as it is made, to a scratch database beside the file
with its ``ORDER BY`` key encoded as bytes, and SQLite sorts the rows on disk into the
tables. A row is stored as the array of its term ids (unsigned 32-bit, little-endian; 0
for unbound), and each distinct term once in the ``terms`` table (its kind, as the worker's
term tuples have it, its text, and its language tag or datatype), so an evidence sentence
is stored once however many rows quote it. Only the term-to-id map of the writer grows
with the store.

A query is answered from the file only when the file belongs to the generation the query
worker reads, the query is one of the above (for the four kept whole: with the text the
file was written for), and every parameter given is one of its parameters with an IRI
value; anything else (other named queries, user SPARQL, a remote endpoint) runs as SPARQL.
The file is not an export and holds nothing the RDF graph lacks.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import sqlite3
import struct
import sys
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exokg.query._worker import BNODE, LANG_STRING, STRING, TYPED, URI, encode_term

if TYPE_CHECKING:
    import pyoxigraph

__all__ = ["FILE_NAME", "FORMAT", "KEPT", "KEPT_FILE_NAME", "AnswerFile", "Answer", "QUERIES",
           "answer_file_path", "kept_file_path", "write_answer_file", "write_kept_file"]

#: The file's name in a generation folder.
FILE_NAME = "answers.sqlite"
#: The name of the file that holds the tables of the queries kept whole (:data:`KEPT`) in
#: a generation folder written by exokg build: apart from the statement tables, so that a
#: large build writes the two in different processes at the same time. (A file written by
#: :func:`write_answer_file` with ``kept=True`` holds both, as generations before it did;
#: the reader takes the kept tables from this file when the folder has it.)
KEPT_FILE_NAME = "kept-answers.sqlite"
#: The layout version; a file of another version is ignored (the queries run as SPARQL).
FORMAT = "2"

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_DCT = "http://purl.org/dc/terms/"
_BIOLINK = "https://w3id.org/biolink/vocab/"
_EXO = "https://w3id.org/exokg/vocab/"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_LABEL = _RDFS + "label"

_NUMERIC = {_XSD + t for t in (
    "integer", "decimal", "double", "float", "int", "long", "short", "byte",
    "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger",
    "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}

#: The facets of entity-findings' union, in its branch order.
_FINDING_FACETS = ("species", "model", "route", "dose", "timing", "population", "statistics",
                   "comparator", "location", "condition", "trial")

Term = tuple  # a worker term tuple: (0, iri) | (1, text) | (2, text, lang) | (3, lex, dt)


@dataclass(frozen=True)
class QuerySpec:
    """A named query the file answers: its result columns and the parameters it takes."""

    columns: tuple[str, ...]
    params: frozenset[str]


#: The named queries answered from the file.
QUERIES: dict[str, QuerySpec] = {
    "entity-findings": QuerySpec(
        ("entity", "role", "statement", "subject", "subject_label", "predicate", "object",
         "object_label", "direction", "aspect", "negated", "hedged", "species", "model",
         "route", "context", "evidence", "sentence", "document", "start", "end",
         "citations"), frozenset({"entity", "predicate"})),
    "entity-summary": QuerySpec(
        ("entity", "role", "statement", "subject", "subject_label", "predicate", "object",
         "object_label", "direction", "negated", "hedged", "species", "model", "evidence",
         "documents"), frozenset({"entity", "predicate"})),
    "evidence": QuerySpec(
        ("statement", "subject", "subject_label", "predicate", "object", "object_label",
         "direction", "negated", "hedged", "evidence", "sentence", "document", "start", "end",
         "rule", "source", "publication", "pmid", "doi", "citations"),
        frozenset({"statement", "subject", "object"})),
}

#: Named queries kept whole (their unbound answer): name -> the parameters, each also a
#: column of the query's result and of the table, indexed with the rank.
KEPT: dict[str, tuple[str, ...]] = {
    "mirna-preparations": ("mirna",),
    "mirna-biomarkers": ("mirna",),
    "opposite-findings": ("outcome",),
    "outcomes-by-species": ("outcome", "species", "model"),
}


def _kept_table(name: str) -> str:
    return name.replace("-", "_")


def _query_digest(text: str) -> str:
    """The digest of a named query's text that the file records for a kept query."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


_BASE_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE terms (id INTEGER PRIMARY KEY, kind INTEGER NOT NULL, text TEXT NOT NULL,
    extra TEXT);  -- kind: the worker's term kind; extra: a language tag or datatype IRI
"""
_SCHEMA = _BASE_SCHEMA + """
CREATE TABLE findings (rank INTEGER PRIMARY KEY, subject TEXT, object TEXT, predicate TEXT,
    row BLOB NOT NULL);
CREATE TABLE summary (rank INTEGER PRIMARY KEY, entity TEXT NOT NULL, role TEXT NOT NULL,
    predicate TEXT, row BLOB NOT NULL);  -- row: from the role column on
CREATE TABLE evidence (rank INTEGER PRIMARY KEY, statement TEXT, subject TEXT, object TEXT,
    row BLOB NOT NULL);
"""
_INDEXES = """
CREATE INDEX findings_subject ON findings (subject, rank);
CREATE INDEX findings_object ON findings (object, rank);
CREATE INDEX summary_entity ON summary (entity, rank);
CREATE INDEX evidence_statement ON evidence (statement, rank);
CREATE INDEX evidence_subject ON evidence (subject, object, rank);
CREATE INDEX evidence_object ON evidence (object, rank);
"""


def answer_file_path(generation: Path) -> Path:
    """Where a generation folder keeps its answer file."""
    return Path(generation) / FILE_NAME


def kept_file_path(generation: Path) -> Path:
    """Where a generation folder keeps the tables of the queries kept whole."""
    return Path(generation) / KEPT_FILE_NAME


# -- SPARQL functions on term tuples --------------------------------------------------------


def _str(term: Term | None) -> Term | None:
    """``STR(term)``: a simple literal of an IRI's or a literal's text; unbound for unbound
    terms and blank nodes (an error in SPARQL)."""
    if term is None or term[0] == BNODE:
        return None
    return (STRING, term[1])


def _concat(*terms: Term | None) -> Term | None:
    """``CONCAT(...)``: unbound when an argument is unbound or not a string literal; the
    language tag kept when every argument has the same one."""
    if any(t is None or t[0] not in (STRING, LANG_STRING) for t in terms):
        return None
    languages = {t[2] if t[0] == LANG_STRING else None for t in terms}  # type: ignore[index]
    text = "".join(t[1] for t in terms)  # type: ignore[index]
    language = languages.pop() if len(languages) == 1 else None
    return (LANG_STRING, text, language) if language else (STRING, text)


def _coalesce(*terms: Term | None) -> Term | None:
    return next((t for t in terms if t is not None), None)


def _group_concat(values: Iterable[Term | None], separator: str) -> Term | None:
    """``GROUP_CONCAT(DISTINCT ?v; separator=...)`` over the values in the order the engine
    meets them: first occurrences joined; unbound when any value is unbound (Oxigraph), the
    language tag kept when all values share it."""
    seen: dict[Term, None] = {}
    for value in values:
        if value is None:
            return None
        seen.setdefault(value, None)
    if not seen:
        return None
    parts = list(seen)
    if any(t[0] not in (STRING, LANG_STRING) for t in parts):
        return None  # Oxigraph concatenates strings only
    languages = {t[2] if t[0] == LANG_STRING else None for t in parts}
    text = separator.join(t[1] for t in parts)
    language = languages.pop() if len(languages) == 1 else None
    return (LANG_STRING, text, language) if language else (STRING, text)


def _replace(term: Term | None, pattern: re.Pattern[str], replacement: str) -> Term | None:
    """``REPLACE(term, pattern, replacement)`` keeping the term's kind (string or
    language-tagged string)."""
    if term is None:
        return None
    return (term[0], pattern.sub(replacement, term[1]), *term[2:])


# the clean-up of a "; "-joined list of COALESCE(?x, "") values (see entity-findings.rq):
# "; ; " -> "; " then a leading or trailing "; " removed ($ is the end of the text in
# XPath regular expressions: \Z here, since Python's $ also matches before a final "\n")
_SEMI_DOUBLE = re.compile("; ; ")
_SEMI_ENDS = re.compile(r"^; |; \Z")
_BAR_DOUBLE = re.compile(r" \|  \| ")
_BAR_ENDS = re.compile(r"^ \| | \| \Z")
_EMPTY: Term = (STRING, "")


def _semi_list(values: Iterable[Term | None]) -> Term | None:
    joined = _group_concat((_coalesce(v, _EMPTY) for v in values), "; ")
    return _replace(_replace(joined, _SEMI_DOUBLE, "; "), _SEMI_ENDS, "")


def _bar_list(values: Iterable[Term | None]) -> Term | None:
    joined = _group_concat((_coalesce(v, _EMPTY) for v in values), " | ")
    return _replace(_replace(joined, _BAR_DOUBLE, " | "), _BAR_ENDS, "")


@lru_cache(maxsize=1 << 12)
def _citation_list(markers: tuple[Term | None, ...]) -> Term | None:
    """entity-findings' ``citations`` of an evidence node with these marker values (or
    ``(None,)``: none): :func:`_bar_list`, memoised (most evidence sentences have no
    marker, and the others share a few: "[12]", "(1, 2)")."""
    return _bar_list(markers)


def _text_key(text: str) -> bytes:
    """``text`` as bytes that sort (bytewise) as the text sorts by code point, and never
    a prefix of another's (UTF-8 with NUL escaped, then a NUL-NUL end)."""
    return text.encode("utf-8", "surrogatepass").replace(b"\0", b"\0\xff") + b"\0\0"


def _number_key(value: Decimal) -> bytes | None:
    """A finite number as bytes that sort (bytewise) as the numbers do, equal for equal
    values however written ("1", "1.0", "01"); None for NaN."""
    if value.is_nan():
        return None
    if value.is_infinite():
        return b"\x04" if value > 0 else b"\x00"
    if value.is_zero():
        return b"\x02"
    sign, digits, _ = value.as_tuple()
    text = "".join(map(str, digits)).rstrip("0")
    magnitude = struct.pack(">Q", value.adjusted() + 2**63) + text.encode("ascii") + b"\0"
    if sign:  # negative: larger magnitudes first
        return b"\x01" + bytes(255 - b for b in magnitude)
    return b"\x03" + magnitude


def _order_bytes(term: Term | None) -> bytes:
    """The place of a term in ``ORDER BY`` (ascending) as Oxigraph orders terms, as bytes
    (compared bytewise; no key a prefix of another, so keys of several terms concatenate,
    and a key's bytes inverted sort it descending): unbound, then blank nodes, then IRIs
    (by text), then literals (numbers by value before other literals, which go by text)."""
    if term is None:
        return b"\x00"
    kind = term[0]
    if kind == BNODE:
        return b"\x01"
    if kind == URI:
        return b"\x02" + _text_key(term[1])
    if kind == TYPED and term[2] in _NUMERIC:
        try:
            number = _number_key(Decimal(term[1].strip()))
        except InvalidOperation:
            number = None
        if number is not None:
            return b"\x03\x00" + number
    return b"\x03\x01" + _text_key(term[1])


def _descending(key: bytes) -> bytes:
    return bytes(255 - b for b in key)


@lru_cache(maxsize=1 << 10)
def _descending_order(term: Term | None) -> bytes:
    """The place of ``term`` in ``ORDER BY DESC`` (:func:`_order_bytes` inverted),
    memoised: entity-summary sorts every row by its statement's evidence count, a few
    distinct numbers (the text of a number parsed, and its bytes inverted one by one,
    on every row before)."""
    return _descending(_order_bytes(term))


#: :func:`_order_bytes` remembered for the terms met most recently: the sort keys of the
#: rows repeat predicates, labels, documents and offsets on every row
_cached_order_bytes = lru_cache(maxsize=1 << 16)(_order_bytes)


def _sort_key(*terms: Term | None) -> bytes:
    return b"".join(map(_cached_order_bytes, terms))


# -- reading the database -------------------------------------------------------------------


class _Facts:
    """The values of nodes' predicates in the graphs the query API sees (the default
    graph, then the named graphs given, the order in which the engine reads a union default
    graph), kept for the most recently read nodes only (:data:`_CACHED_NODES`): memory does
    not grow with the store. A node is read predicate by predicate (a bound look-up each),
    or whole with :meth:`load` (one scan of its triples: for statements and evidence, whose
    triples are nearly all wanted; documents have many triples and few are wanted). Each
    predicate's values keep the database's index order, the order a bound look-up, a scan
    of the node and a predicate scan all give them in."""

    def __init__(self, store: pyoxigraph.Store, graphs: Sequence[Any] | None,
                 rows: sqlite3.Connection | None = None) -> None:
        import pyoxigraph as ox

        self.store = store
        #: a build's statement rows file read from the default graph
        #: (:func:`exokg.export.statement_scan.write_statement_rows`), or None
        self.rows = rows
        self.graphs = list(graphs) if graphs else [ox.DefaultGraph()]
        # the subjects of the named graphs (the ontology: small), so that a node is looked
        # for only in the graphs that have it
        self._named: list[tuple[Any, set[Term]]] = []
        for graph in self.graphs:
            if not isinstance(graph, ox.DefaultGraph):
                self._named.append((graph, {
                    encode_term(q.subject) for q in  # type: ignore[misc]
                    store.quads_for_pattern(None, None, None, graph)}))
        self._default = next((g for g in self.graphs if isinstance(g, ox.DefaultGraph)), None)
        #: node -> (whether every predicate is read, predicate -> values), oldest first (an
        #: OrderedDict: dropping a plain dict's first key walks over the slots of every key
        #: dropped before it until the dict is rebuilt, 6-8 microseconds a drop here)
        self._cache: OrderedDict[Term, tuple[frozenset[str], dict[str, list[Term]]]] = \
            OrderedDict()
        self._predicates: dict[str, Any] = {}
        #: a predicate's TSV cell (``<iri>``) in a rows file -> its IRI
        self._cell_iris: dict[str, str] = {}
        #: (an evidence's own sources, its document) -> the evidence query's publication
        #: combinations (:func:`_publication`), for recent ones
        self.publications: dict[tuple[tuple[Term, ...], Term], list[Any]] = {}

    def _graphs_of(self, node: Term) -> list[Any]:
        graphs = [self._default] if self._default is not None else []
        return graphs + [g for g, subjects in self._named if node in subjects]

    @staticmethod
    def _node(node: Term) -> Any:
        import pyoxigraph as ox

        return ox.NamedNode(node[1]) if node[0] == URI else ox.BlankNode(node[1])

    def _entry(self, node: Term) -> tuple[frozenset[str], dict[str, list[Term]]]:
        """The kept entry of ``node`` (the predicates read, and the values found); a new
        empty one when it was not kept, and the one kept longest is dropped to make room
        (first in, first out: the rows read a node many times in a row, and moving it to
        the end of the order at every read cost more than reading it again later does)."""
        cache = self._cache
        found = cache.get(node)
        if found is None:
            if len(cache) >= _CACHED_NODES:
                cache.popitem(last=False)  # the one kept longest
            found = cache[node] = (frozenset(), {})
        return found

    def load(self, nodes: Iterable[Term], predicates: Sequence[str], *,
             only: bool = False, table: str | None = None) -> None:
        """Read (at least) ``predicates`` of many nodes at once: every triple of the nodes
        of the default graph alone with one query (results as SPARQL TSV: cheaper than a
        Python object per triple), or with ``only`` just the triples of ``predicates``
        (``FILTER(?p IN (...))``: cheaper for nodes with many other triples, such as
        publications with their creators); any others as :meth:`values` reads them. A
        predicate's values keep the index order either way. With ``table`` (``st`` or
        ``ev``) and a rows file, the nodes found in that table of the file are read from it
        (the same lines, from the store's scan when the file was written: every triple of
        a statement; of any other node, every triple of the predicates the file's ``ev``
        table holds, when ``predicates`` are among them), the others from the store."""
        import pyoxigraph as ox

        from exokg.query.views import tsv_term

        wanted = set(predicates)
        missing: dict[Term, dict[str, list[Term]]] = {}
        for node in nodes:
            if node[0] != URI or self._default is None or ">" in node[1] or \
                    any(node in subjects for _, subjects in self._named):
                continue
            if not wanted <= self._entry(node)[0]:
                missing.setdefault(node, {})
        if missing and table is not None and self.rows is not None:
            self._from_rows(missing, table, wanted, only)
        if not missing:
            return
        # statements and evidence: every triple of the nodes (nearly all are wanted: a
        # filter on the predicates costs the engine more than the others cost here)
        text = "SELECT ?s ?p ?o WHERE { VALUES ?s { %s } ?s ?p ?o%s }" % (
            " ".join(f"<{node[1]}>" for node in missing),
            " FILTER(?p IN (%s))" % ", ".join(f"<{p}>" for p in predicates) if only else "")
        data = self.store.query(text).serialize(format=ox.QueryResultsFormat.TSV)
        # a node's lines come together: its entry is looked up once per run of lines
        last, into = "", {}
        for line in data.decode("utf-8").split("\n")[1:]:
            if line:
                s, p, o = line.split("\t")
                if s != last:
                    last, into = s, missing[tsv_term(s)]  # type: ignore[index]
                found = into.get(p)
                if found is None:
                    found = into[p] = []
                found.append(tsv_term(o))
        read = frozenset(wanted)  # one set for the nodes of this read, not one each
        for node, found in missing.items():
            loaded, values = self._entry(node)
            values.update((p[1:-1], v) for p, v in found.items())  # <iri> -> iri
            self._cache[node] = (loaded | read if loaded else read, values)

    def _from_rows(self, missing: dict[Term, dict[str, list[Term]]], table: str,
                   wanted: set[str], only: bool = False) -> None:
        """Fill the entries of the nodes of ``missing`` that ``table`` of the rows file
        has, and take them out of ``missing``; with ``only``, with the values of the
        ``wanted`` predicates alone (the other lines are not parsed)."""
        from exokg.export.statement_scan import ROW_FACT_PREDICATES, statement_rows
        from exokg.query.views import tsv_term

        if table == "ev" and not wanted <= ROW_FACT_PREDICATES:
            return  # the file lacks some of them: the store has them

        found: dict[Term, dict[str, list[Term]]] = {}
        iris = self._cell_iris
        term = tsv_term
        for cell, lines in statement_rows(self.rows, table,  # type: ignore[arg-type]
                                          [f"<{node[1]}>" for node in missing]):
            node = term(cell)
            into = found.get(node)  # type: ignore[arg-type]
            if into is None:
                into = found[node] = {}  # type: ignore[index]
            for line in lines.split("\n"):
                if line:
                    p, _, o = line.partition("\t")
                    iri = iris.get(p)
                    if iri is None:  # <iri> -> iri, once per predicate
                        iri = iris[p] = p[1:-1]
                    if only and iri not in wanted:
                        continue
                    values = into.get(iri)
                    if values is None:
                        into[iri] = [term(o)]
                    else:
                        values.append(term(o))
        read = frozenset(wanted)
        for node, values in found.items():
            del missing[node]
            loaded, kept = self._entry(node)
            kept.update(values)
            self._cache[node] = (loaded | read if loaded else read, kept)

    def values(self, predicate: str, subject: Term | None) -> list[Term]:
        """The values of ``predicate`` of ``subject`` (none for a literal or unbound one)."""
        kept = self._cache.get(subject)  # type: ignore[arg-type]
        if kept is not None:  # the common case: read already
            found_values = kept[1].get(predicate)
            if found_values is not None:
                return found_values
            if predicate in kept[0]:  # read, and none: an OPTIONAL with no value
                return []
        if subject is None or subject[0] not in (URI, BNODE):
            return []
        loaded, found = self._cache.get(subject) or self._entry(subject)
        values = found.get(predicate)
        if values is None:
            if predicate in loaded:
                return []
            node = self._predicates.get(predicate)
            if node is None:
                import pyoxigraph as ox

                node = self._predicates[predicate] = ox.NamedNode(predicate)
            term = self._node(subject)
            values = found[predicate] = [
                encode_term(quad.object)  # type: ignore[misc]
                for graph in self._graphs_of(subject)
                for quad in self.store.quads_for_pattern(term, node, None, graph)]
        return values

    def optional(self, predicate: str, subject: Term | None) -> Sequence[Term | None]:
        """The values of an ``OPTIONAL { ?subject predicate ?x }``: (None,) when none."""
        return self.values(predicate, subject) or _UNBOUND


_UNBOUND: tuple[None] = (None,)
#: nodes whose values :class:`_Facts` keeps (statements, evidence, entities, documents)
_CACHED_NODES = 20_000
#: what the rows read of a statement and of an evidence node, read for a group at once
_STATEMENT_PREDICATES = (
    _RDF + "subject", _RDF + "predicate", _RDF + "object", _EXO + "negated", _EXO + "hedged",
    _EXO + "evidenceCount", _EXO + "direction", _EXO + "aspect", _BIOLINK + "has_evidence",
    *(_EXO + facet for facet in _FINDING_FACETS))
_EVIDENCE_PREDICATES = (
    _EXO + "sentenceText", _EXO + "document", _EXO + "start", _EXO + "end",
    _EXO + "citationMarker", _EXO + "rule", _DCT + "source")
#: what the evidence rows read of a publication and of a document (:func:`_publication`)
_SOURCE_PREDICATES = (
    _EXO + "firstAuthor", _DCT + "date", _EXO + "journal", _EXO + "pmid", _EXO + "doi", _LABEL)
_DOCUMENT_PREDICATES = (_DCT + "source", _LABEL)


# -- the rows -------------------------------------------------------------------------------


def _joined(facts: _Facts, subject: Term, *predicates: str) -> Iterator[tuple[Term, ...]]:
    """The solutions of required triple patterns ``subject predicate ?x`` joined: every
    combination of their values, in the order nested loops over ``predicates`` (the first
    outermost) give, which is the order the rows are made in."""
    return itertools.product(*(facts.values(p, subject) for p in predicates))


def _statements(facts: _Facts) -> list[Term]:
    """Every node with an ``rdf:subject``, in term order (the order rows are made in)."""
    import pyoxigraph as ox

    node = ox.NamedNode(_RDF + "subject")
    found: dict[Term, None] = {}
    for graph in facts.graphs:
        for quad in facts.store.quads_for_pattern(None, node, None, graph):
            found[encode_term(quad.subject)] = None  # type: ignore[index]
    return sorted(found, key=_order_bytes)


#: statements per group of the one pass (their triples and their evidence nodes' are read
#: with one query each)
_GROUP = 200


#: a row as made: (sort key, key columns..., the row's terms)
_Made = tuple[bytes, tuple[Any, ...], Sequence[Term | None]]


@lru_cache(maxsize=1 << 12)
def _facet_lists(facets: tuple[tuple[str, Term], ...]
                 ) -> tuple[Term | None, Term | None, Term | None, Term | None]:
    """entity-findings' ``species``, ``model``, ``route`` and ``context`` columns of a
    statement with these (facet, value) pairs: each the query's ``GROUP_CONCAT`` and
    ``REPLACE`` clean-up, then its items in code-point order (the query declares the four
    ``sorted-list``: :mod:`exokg.query.lists`), so the order of the pairs does not matter.
    Memoised: most statements share their context (none, or a species and a model)."""
    from exokg.query.lists import sort_items

    def facet_list(wanted: str | None) -> Term | None:
        if not facets:
            joined = _semi_list([None])
        elif wanted is None:  # the qualifiers: every other facet as "facet: value"
            joined = _semi_list(
                [_concat((STRING, f), (STRING, ": "), v) if f not in ("species", "model",
                                                                      "route") else None
                 for f, v in facets])
        else:
            joined = _semi_list([v if f == wanted else None for f, v in facets])
        return sort_items(joined, "; ")

    return (facet_list("species"), facet_list("model"), facet_list("route"),
            facet_list(None))


def _findings_rows(facts: _Facts, statement: Term, facets: list[tuple[str, Term]]
                   ) -> Iterator[_Made]:
    """The rows of entity-findings about ``statement`` without their ``entity`` and
    ``role`` columns, one per group of the query; ``facets``: its (facet, value) pairs in
    any order (the query's four context lists are ``sorted-list`` columns)."""
    species, model, route, context = _facet_lists(tuple(facets))
    for subject, predicate, obj, negated, hedged in _joined(
            facts, statement, _RDF + "subject", _RDF + "predicate", _RDF + "object",
            _EXO + "negated", _EXO + "hedged"):
        for evidence in facts.values(_BIOLINK + "has_evidence", statement):
            citations = _citation_list(tuple(facts.optional(_EXO + "citationMarker",
                                                              evidence)))
            for sentence, document, start, end in _joined(
                    facts, evidence, _EXO + "sentenceText", _EXO + "document",
                    _EXO + "start", _EXO + "end"):
                seen: dict[tuple[Any, ...], None] = {}
                for subject_label, object_name, direction, aspect in itertools.product(
                        facts.optional(_LABEL, subject), facts.optional(_LABEL, obj),
                        facts.optional(_EXO + "direction", statement),
                        facts.optional(_EXO + "aspect", statement)):
                    object_label = _coalesce(object_name, _str(obj))
                    group = (subject_label, object_label, direction, aspect)
                    if group in seen:
                        continue
                    seen[group] = None
                    row = (statement, subject, subject_label, predicate, obj, object_label,
                           direction, aspect, negated, hedged, species, model, route,
                           context, evidence, sentence, document, start, end, citations)
                    key = _sort_key(predicate, subject_label, object_label, document, start,
                                    statement, evidence)
                    yield key, (_iri(subject), _iri(obj), _iri(predicate)), row


def _facet_values(facts: _Facts, statement: Term) -> list[tuple[str, Term]]:
    """(facet, value) of every context value of a statement (``COALESCE`` of each label,
    else the value's text), facet by facet in :data:`_FINDING_FACETS` order: entity-findings
    sorts its lists, so this order is not the engine's and need not be."""
    found: list[tuple[str, Term]] = []
    for facet in _FINDING_FACETS:
        for fv in facts.values(_EXO + facet, statement):
            for fl in facts.optional(_LABEL, fv):
                found.append((facet, _coalesce(fl, _str(fv))))  # type: ignore[arg-type]
    return found


def _summary_rows(facts: _Facts, statement: Term) -> Iterator[_Made]:
    """The rows of entity-summary about ``statement`` without ``entity`` (the ``role``
    column first), one per group of the query and role; none for an IRI-less entity (a
    literal is no parameter)."""

    def names(facet: str) -> Term | None:
        # COALESCE(?label, STR(?value)) per value and label; unbound with no value
        values = facts.values(_EXO + facet, statement)
        if not values:
            return None
        return _group_concat(
            (_coalesce(label, _str(value)) for value in values
             for label in facts.optional(_LABEL, value)), "; ")

    documents: dict[Term, None] = {}
    for evidence in facts.values(_BIOLINK + "has_evidence", statement):
        for document in facts.values(_EXO + "document", evidence):
            documents.setdefault(document, None)
    if not documents:
        return
    count: Term = (TYPED, str(len(documents)), _XSD + "integer")
    species, model = names("species"), names("model")
    for subject, predicate, obj, negated, hedged, evidence_count in _joined(
            facts, statement, _RDF + "subject", _RDF + "predicate", _RDF + "object",
            _EXO + "negated", _EXO + "hedged", _EXO + "evidenceCount"):
        seen: dict[tuple[Any, ...], None] = {}
        for subject_label, object_name, direction in itertools.product(
                facts.optional(_LABEL, subject), facts.optional(_LABEL, obj),
                facts.optional(_EXO + "direction", statement)):
            object_label = _coalesce(object_name, _str(obj))
            group = (subject_label, object_label, direction)
            if group in seen:
                continue
            seen[group] = None
            for role, entity in (("subject", subject), ("object", obj)):
                if _iri(entity) is None:
                    continue
                row = ((STRING, role), statement, subject, subject_label, predicate, obj,
                       object_label, direction, negated, hedged, species, model,
                       evidence_count, count)
                key = _descending_order(evidence_count) + _sort_key(
                    (STRING, role), predicate, subject_label, object_label, statement)
                yield key, (_iri(entity), role, _iri(predicate)), row


def _publication(facts: _Facts, evidence: Term, document: Term
                 ) -> list[tuple[Term | None, Term | None, Term | None, Term | None]]:
    """(source, publication, pmid, doi) combinations of the evidence query's two
    publication OPTIONALs (the evidence's own ``dcterms:source``, else its document's)."""
    own = facts.values(_DCT + "source", evidence)
    # the same publication is cited by every evidence sentence of its document: its
    # combinations are made once per (sources, document) among the recent ones
    memo = facts.publications
    key = (tuple(own), document)
    found = memo.get(key)
    if found is not None:
        return found
    if len(memo) >= _CACHED_NODES:
        memo.clear()
    out: list[tuple[Term | None, Term | None, Term | None, Term | None]] = []
    memo[key] = out
    sources = own if own else facts.values(_DCT + "source", document)
    document_labels = facts.optional(_LABEL, document)
    for source in sources or [None]:
        for first_author in facts.optional(_EXO + "firstAuthor", source):
            for year in facts.optional(_DCT + "date", source):
                for journal in facts.optional(_EXO + "journal", source):
                    for pmid in facts.optional(_EXO + "pmid", source):
                        for doi in facts.optional(_EXO + "doi", source):
                            for source_label in facts.optional(_LABEL, source):
                                for document_label in document_labels:
                                    surname = first_author
                                    if first_author is not None and first_author[0] in (
                                            STRING, LANG_STRING) and " " in first_author[1]:
                                        surname = (first_author[0],
                                                   first_author[1].split(" ", 1)[0],
                                                   *first_author[2:])
                                    elif first_author is not None and first_author[0] not in (
                                            STRING, LANG_STRING):
                                        surname = None
                                    cited = _concat(surname, (STRING, " et al. "), _str(year),
                                                    _coalesce(_concat((STRING, ", "), journal),
                                                              _EMPTY))
                                    publication = _coalesce(
                                        cited, source_label,
                                        _concat(document_label,
                                                (STRING, " (publication not stated)")))
                                    out.append((source, publication, pmid, doi))
    return out


def _evidence_rows(facts: _Facts, statement: Term) -> Iterator[_Made]:
    """The rows of the evidence query about ``statement``, one per group."""
    for subject, obj, predicate, negated, hedged, evidence in _joined(
            facts, statement, _RDF + "subject", _RDF + "object", _RDF + "predicate",
            _EXO + "negated", _EXO + "hedged", _BIOLINK + "has_evidence"):
        markers = facts.values(_EXO + "citationMarker", evidence)
        citations = _group_concat(markers, " | ") if markers else None
        keys = (_iri(statement), _iri(subject), _iri(obj))
        for sentence, document, start, end in _joined(
                facts, evidence, _EXO + "sentenceText", _EXO + "document", _EXO + "start",
                _EXO + "end"):
            publications = _publication(facts, evidence, document)
            seen: dict[tuple[Any, ...], None] = {}
            for rule, subject_label, object_name, direction in itertools.product(
                    facts.optional(_EXO + "rule", evidence), facts.optional(_LABEL, subject),
                    facts.optional(_LABEL, obj),
                    facts.optional(_EXO + "direction", statement)):
                object_label = _coalesce(object_name, _str(obj))
                for source, publication, pmid, doi in publications:
                    group = (rule, subject_label, object_label, direction, source,
                             publication, pmid, doi)
                    if group in seen:
                        continue
                    seen[group] = None
                    row = (statement, subject, subject_label, predicate, obj, object_label,
                           direction, negated, hedged, evidence, sentence, document, start,
                           end, rule, source, publication, pmid, doi, citations)
                    key = _sort_key(subject_label, predicate, object_label, document, start,
                                    statement, evidence)
                    yield key, keys, row


# -- writing --------------------------------------------------------------------------------


def _iri(term: Term | None) -> str | None:
    return term[1] if term is not None and term[0] == URI else None


class _Terms:
    """Term ids of the file: each distinct term once in the ``terms`` table, numbered from
    1 in the order the rows first use it (0: unbound); a row is the array of its ids."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._ids: dict[Term, int] = {}
        self._new: list[tuple[int, int, str, str | None]] = []

    def row(self, terms: Sequence[Term | None]) -> bytes:
        """The row's bytes: its term ids as unsigned 32-bit integers (machine order is
        fixed little-endian)."""
        get = self._ids.get
        out = array("I", [0 if term is None else get(term) or self._add(term)
                          for term in terms])
        if _BIG_ENDIAN:
            out.byteswap()
        return out.tobytes()

    def _add(self, term: Term) -> int:
        """A new term's id (the next number), queued for the ``terms`` table."""
        found = self._ids[term] = len(self._ids) + 1
        self._new.append((found, term[0], term[1], term[2] if len(term) > 2 else None))
        if len(self._new) >= 10_000:
            self.flush()
        return found

    def flush(self) -> None:
        self._db.executemany("INSERT INTO terms VALUES (?, ?, ?, ?)", self._new)
        self._new.clear()

    def __len__(self) -> int:
        return len(self._ids)


_BIG_ENDIAN = sys.byteorder == "big"

#: the scratch tables rows are made into (in the order made) before they are sorted on disk
_SCRATCH = """
CREATE TABLE scratch.findings (key BLOB NOT NULL, subject TEXT, object TEXT, predicate TEXT,
    row BLOB NOT NULL);
CREATE TABLE scratch.summary (key BLOB NOT NULL, entity TEXT NOT NULL, role TEXT NOT NULL,
    predicate TEXT, row BLOB NOT NULL);
CREATE TABLE scratch.evidence (key BLOB NOT NULL, statement TEXT, subject TEXT, object TEXT,
    row BLOB NOT NULL);
"""
_TABLE_COLUMNS = {"findings": "subject, object, predicate", "summary": "entity, role, predicate",
                  "evidence": "statement, subject, object"}


def _made_rows(facts: _Facts) -> Iterator[tuple[str, _Made]]:
    """(table, row) of every table, statement by statement in term order: per table, the
    rows in the order the single-table passes of the query semantics make them."""
    statements = _statements(facts)
    for first in range(0, len(statements), _GROUP):
        group = statements[first:first + _GROUP]
        facts.load(group, _STATEMENT_PREDICATES, table="st")
        evidence = [e for s in group for e in facts.values(_BIOLINK + "has_evidence", s)]
        facts.load(evidence, _EVIDENCE_PREDICATES, table="ev")
        # what the rows read of the publications and documents the evidence names, and
        # the labels of the statements' ends, with a query each rather than a look-up per
        # node and predicate (a publication is quoted by a few evidence nodes, scattered
        # over the statements' term order: most would have left the kept nodes by then)
        sources = {v: None for e in evidence for v in facts.values(_DCT + "source", e)}
        documents = {v: None for e in evidence for v in facts.values(_EXO + "document", e)}
        facts.load(sources, _SOURCE_PREDICATES, only=True, table="ev")
        facts.load(documents, _DOCUMENT_PREDICATES, only=True, table="ev")
        facts.load({v: None for s in group for p in (_RDF + "subject", _RDF + "object")
                    for v in facts.values(p, s)}, (_LABEL,), only=True, table="ev")
        for statement in group:
            for made in _findings_rows(facts, statement, _facet_values(facts, statement)):
                yield "findings", made
            for made in _summary_rows(facts, statement):
                yield "summary", made
            for made in _evidence_rows(facts, statement):
                yield "evidence", made


def _engine_rows(store: pyoxigraph.Store, text: str, default_graph: list[Any] | None
                 ) -> tuple[list[str], Iterator[list[Term | None]]]:
    """(result columns, rows as term tuples) of a query run by the engine."""
    result = store.query(text, default_graph=default_graph)
    variables = [v.value for v in result.variables]  # type: ignore[union-attr]
    width = len(variables)
    return variables, ([encode_term(solution[i]) for i in range(width)]
                       for solution in result)  # type: ignore[union-attr]


def _write_kept(db: sqlite3.Connection, terms: _Terms, store: pyoxigraph.Store,
                graphs: Sequence[Any], counts: dict[str, int],
                facts: _Facts | None = None) -> None:
    """Run each query of :data:`KEPT` once with no parameter bound and write its rows, in
    the engine's order (the query's total ``ORDER BY``), with their ``sorted-list`` columns
    sorted as the query API sorts them, into its table, with the IRI of each parameter
    column beside the row (NULL for an unbound value or a literal, which no parameter
    binds); the query's digest and result columns go to ``meta``. With ``facts`` reading
    a build's rows file, a query with a maker for its text (:mod:`exokg.query.kept_rows`)
    is made from the nodes' values instead: the same rows in the same order."""
    from exokg.query.kept_rows import kept_rows
    from exokg.query.library import load_library
    from exokg.query.lists import sort_items

    library = load_library()
    default_graph = list(graphs) if len(graphs) > 1 else None
    for name, keys in KEPT.items():
        query = library[name]
        table = _kept_table(name)
        db.execute(f"CREATE TABLE {table} (rank INTEGER PRIMARY KEY, "
                   f"{', '.join(f'{k} TEXT' for k in keys)}, row BLOB NOT NULL)")
        made = kept_rows(name, _query_digest(query.text), facts) if facts is not None \
            else None
        variables, rows = made if made is not None else _engine_rows(
            store, query.text_for(frozenset()), default_graph)
        places = [variables.index(k) for k in keys]
        lists = [(variables.index(c), sep) for c, sep in query.sorted_lists if c in variables]
        insert = f"INSERT INTO {table} VALUES (?, {', '.join('?' * len(keys))}, ?)"
        rank = 0
        batch: list[tuple[Any, ...]] = []
        for row in rows:
            for place, separator in lists:
                row[place] = sort_items(row[place], separator)
            rank += 1
            batch.append((rank, *(_iri(row[p]) for p in places), terms.row(row)))
            if len(batch) >= 5_000:
                db.executemany(insert, batch)
                batch.clear()
        db.executemany(insert, batch)
        for key in keys:
            db.execute(f"CREATE INDEX {table}_{key} ON {table} ({key}, rank)")
        counts[table] = rank
        db.execute("INSERT INTO meta VALUES (?, ?)", (f"query:{name}", json.dumps(
            {"digest": _query_digest(query.text), "variables": variables})))


def write_kept_file(store: pyoxigraph.Store, path: Path,
                    graphs: list[Any] | None = None, *,
                    rows: Path | None = None) -> dict[str, int]:
    """Write the tables of the queries kept whole (:data:`KEPT`) of ``store`` (its default
    graph, or the union of ``graphs``) to a new SQLite file at ``path`` (the layout of the
    answer file: ``meta``, ``terms`` and one table per query); returns the row count of each
    table and the number of distinct terms. Written under a temporary name and renamed; the
    same graph gives the same bytes. With ``rows``, a build's statement rows file read from
    the store's default graph, the queries :mod:`exokg.query.kept_rows` makes are made
    from it rather than run by the engine (the same file either way), with Python's cyclic
    collector paused (:func:`exokg.collector.collector_paused`).

    Raises:
        OSError: the file cannot be written.
        sqlite3.Error: from SQLite.
    """
    import pyoxigraph as ox

    from exokg.collector import collector_paused
    from exokg.export.statement_scan import open_statement_rows
    from exokg.graph.viewdb import new_sqlite_file

    shared = open_statement_rows(rows, None)
    try:
        facts = _Facts(store, graphs, shared) if shared is not None else None
        # the makers group rows in dicts beside the node cache: the cyclic collector
        # would walk those over and over for nothing (nothing to gain for the engine's)
        with collector_paused(), \
                new_sqlite_file(Path(path), _BASE_SCHEMA, FORMAT) as (db, counts):
            terms = _Terms(db)
            _write_kept(db, terms, store, list(graphs) if graphs else [ox.DefaultGraph()],
                        counts, facts)
            terms.flush()
            counts["terms"] = len(terms)
            db.commit()
    finally:
        if shared is not None:
            shared.close()
    return counts


def write_answer_file(store: pyoxigraph.Store, path: Path,
                      graphs: list[Any] | None = None, *, kept: bool = True,
                      rows: Path | None = None) -> dict[str, int]:
    """Write the answer tables of ``store`` (its default graph, or the union of ``graphs``:
    what the query API sees) to a new SQLite file at ``path``; returns the row count of each
    table and the number of distinct terms. Written under a temporary name and renamed, so
    a reader never sees half of it; the same graph gives the same bytes. With ``kept``
    False, without the tables of the queries kept whole (a build writes those apart:
    :func:`write_kept_file`). With ``rows``, a build's statement rows file
    (:func:`exokg.export.statement_scan.write_statement_rows`) read from the store's
    default graph: the statements' and evidence nodes' triples are read from it rather
    than queried again (the same file either way; a file read from other graphs, or none,
    is not used).

    Memory stays flat whatever the store's size: statements are read one at a time (with
    the values of a few thousand recently used nodes kept), each row is written as it is
    made to a scratch database beside ``path`` with its sort key as bytes, and SQLite sorts
    the rows on disk into the tables; only the ids of the distinct terms stay in memory.
    Python's cyclic collector is paused while the file is written
    (:func:`exokg.collector.collector_paused`: the rows hold no cycles).

    Raises:
        OSError: the file cannot be written.
        sqlite3.Error: from SQLite.
    """
    from exokg.collector import collector_paused
    from exokg.export.statement_scan import open_statement_rows
    from exokg.graph.viewdb import new_sqlite_file

    shared = open_statement_rows(rows, None)
    facts = _Facts(store, graphs, shared)
    path = Path(path)
    scratch = path.with_name(f".{path.name}.{os.getpid()}.scratch")
    scratch.unlink(missing_ok=True)
    try:
        # the rows are millions of short-lived acyclic tuples beside the node cache and the
        # term-to-id map: the cyclic collector would walk those over and over for nothing
        with collector_paused(), new_sqlite_file(path, _SCHEMA, FORMAT) as (db, counts):
            db.execute("ATTACH DATABASE ? AS scratch", (str(scratch),))
            db.executescript("PRAGMA scratch.journal_mode=OFF; PRAGMA scratch.synchronous=OFF;"
                             "PRAGMA cache_size=-32768;" + _SCRATCH)
            terms = _Terms(db)
            # first, while the term-to-id map is small: the engine's grouping and sorting
            # of the unbound answers is this writer's largest use of memory beside it
            if kept:
                _write_kept(db, terms, store, facts.graphs, counts, facts)
            inserts = {table: f"INSERT INTO scratch.{table} VALUES (?, ?, ?, ?, ?)"
                       for table in _TABLE_COLUMNS}
            batch: dict[str, list[tuple[Any, ...]]] = {table: [] for table in _TABLE_COLUMNS}
            for table, (key, columns, row) in _made_rows(facts):
                rows = batch[table]
                rows.append((key, *columns, terms.row(row)))
                if len(rows) >= 5_000:
                    db.executemany(inserts[table], rows)
                    rows.clear()
            for table, rows in batch.items():
                db.executemany(inserts[table], rows)
            terms.flush()
            for table, columns in _TABLE_COLUMNS.items():
                # ties keep the order the rows were made in (the scratch table's rowid)
                db.execute(f"INSERT INTO {table} ({columns}, row) SELECT {columns}, row "
                           f"FROM scratch.{table} ORDER BY key, rowid")
                (counts[table],) = db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
                db.execute(f"DROP TABLE scratch.{table}")
            counts["terms"] = len(terms)
            db.commit()
            db.execute("DETACH DATABASE scratch")
            db.executescript(_INDEXES)
    finally:
        scratch.unlink(missing_ok=True)
        if shared is not None:
            shared.close()
    return counts


# -- reading --------------------------------------------------------------------------------


@dataclass
class Answer:
    """Rows of a named query read from the file: ``variables``, the rows (term tuples, None
    for unbound) and whether ``max_rows`` cut them."""

    variables: list[str]
    rows: list[tuple[Term | None, ...]]
    truncated: bool


def _term(kind: int, text: str, extra: str | None) -> Term:
    """The worker's term tuple of a ``terms`` row."""
    return (kind, text) if extra is None else (kind, text, extra)


#: term ids per look-up (below SQLite's smallest default limit of 999 variables)
_LOOKUP = 900


class AnswerFile:
    """A generation's answer file opened read-only (:meth:`open` returns None when there is
    none of this format)."""

    def __init__(self, db: sqlite3.Connection, path: Path, generation: Path,
                 kept: sqlite3.Connection | None = None) -> None:
        import threading

        self._db, self.path, self.generation = db, path, generation
        #: where the tables of the queries kept whole are: their own file, else this one
        self._kept_db = kept if kept is not None else db
        self._lock = threading.Lock()
        #: the kept queries the file answers (written for the current text): their columns
        self._kept: dict[str, list[str]] = {}
        from exokg.query.library import load_library

        library = load_library()
        for key, value in self._kept_db.execute(
                "SELECT name, value FROM meta WHERE name LIKE 'query:%'"):
            name = key[len("query:"):]
            recorded = json.loads(value)
            if name in KEPT and name in library and \
                    recorded.get("digest") == _query_digest(library[name].text):
                self._kept[name] = list(recorded["variables"])

    @classmethod
    def open(cls, generation: Path | None) -> AnswerFile | None:
        """The answer file of a generation folder, with the file of the queries kept whole
        beside it when there is one (:data:`KEPT_FILE_NAME`), or None when it has no
        readable answer file of the current :data:`FORMAT`."""
        if generation is None:
            return None
        from exokg.graph.viewdb import open_read_only

        path = answer_file_path(generation)
        db = open_read_only(path, FORMAT)
        if db is None:
            return None
        return cls(db, path, Path(generation),
                   open_read_only(kept_file_path(generation), FORMAT))

    def close(self) -> None:
        if self._kept_db is not self._db:
            self._kept_db.close()
        self._db.close()

    @staticmethod
    def answers(name: str, bindings: Mapping[str, Term]) -> bool:
        """Whether an answer file can answer query ``name`` with these bindings (every one
        a parameter of a query the file keys, with an IRI value); a particular file may
        still lack a kept query (:meth:`answer` returns None then)."""
        spec = QUERIES.get(name)
        params = spec.params if spec is not None else frozenset(KEPT.get(name, ()))
        return (spec is not None or name in KEPT) and set(bindings) <= params and all(
            isinstance(t, tuple) and len(t) == 2 and t[0] == URI for t in bindings.values())

    def keeps(self, name: str) -> bool:
        """Whether this file holds the whole answer of the kept query ``name``, written
        for the query's current text."""
        return name in self._kept

    def answer(self, name: str, bindings: Mapping[str, Term], *, offset: int = 0,
               limit: int | None = None, max_rows: int | None = None) -> Answer | None:
        """The rows of named query ``name`` with ``bindings`` (parameter -> term tuple),
        from row ``offset`` on, at most ``limit`` of them (a page), cut at ``max_rows`` as
        the query worker cuts them; None when the file does not answer it (see
        :meth:`answers`)."""
        if not self.answers(name, bindings):
            return None
        values = {k: v[1] for k, v in bindings.items()}
        db = self._kept_db if name in KEPT else self._db
        if name in KEPT:
            if name not in self._kept:
                return None
            segments = self._kept_rows(name, values)
            variables = self._kept[name]
        else:
            variables = list(QUERIES[name].columns)
            if name == "entity-findings":
                segments = self._findings(values)
            elif name == "entity-summary":
                segments = self._summary(values)
            else:
                segments = self._evidence(values)
        need = limit
        if max_rows is not None:  # one more than the cap: whether the cap cut the answer
            need = max_rows + 1 if need is None else min(need, max_rows + 1)
        rows: list[tuple[Term | None, ...]] = []
        with self._lock:
            for sql, params, prefix in segments:
                if need is not None and len(rows) >= need:
                    break
                if offset:
                    (count,) = db.execute(
                        f"SELECT COUNT(*) FROM ({sql})", params).fetchone()
                    if count <= offset:
                        offset -= count
                        continue
                left = -1 if need is None else need - len(rows)
                blobs = [blob for (blob,) in db.execute(
                    f"{sql} LIMIT ? OFFSET ?", (*params, left, offset))]
                rows.extend(self._decode(blobs, prefix, db))
                offset = 0
        truncated = max_rows is not None and len(rows) > max_rows
        if truncated:
            rows = rows[:max_rows]
        return Answer(variables, rows, truncated)

    def _decode(self, blobs: Sequence[bytes], prefix: tuple[Term | None, ...] = (),
                db: sqlite3.Connection | None = None) -> list[tuple[Term | None, ...]]:
        """Rows of term tuples from their stored arrays of term ids (the terms read once per
        call, a few hundred ids a look-up) of the file ``db`` (default: the answer file)."""
        db = self._db if db is None else db
        arrays = []
        for blob in blobs:
            ids = array("I")
            ids.frombytes(blob)
            if _BIG_ENDIAN:
                ids.byteswap()
            arrays.append(ids)
        wanted = sorted({i for ids in arrays for i in ids} - {0})
        terms: dict[int, Term | None] = {0: None}
        for first in range(0, len(wanted), _LOOKUP):
            batch = wanted[first:first + _LOOKUP]
            for term_id, kind, text, extra in db.execute(
                    f"SELECT id, kind, text, extra FROM terms WHERE id IN "
                    f"({', '.join('?' * len(batch))})", batch):
                terms[term_id] = _term(kind, text, extra)
        return [prefix + tuple([terms[i] for i in ids]) for ids in arrays]

    def table_rows(self, table: str) -> Iterator[tuple[Any, ...]]:
        """Every row of ``table`` (findings, summary, evidence) in rank order: its key
        columns, then the row's terms (for comparing files; a thousand rows a read)."""
        columns = _TABLE_COLUMNS[table]
        cursor = self._db.execute(f"SELECT {columns}, row FROM {table} ORDER BY rank")
        while chunk := cursor.fetchmany(1000):
            for found, decoded in zip(chunk, self._decode([r[-1] for r in chunk]), strict=True):
                yield (*found[:-1], decoded)

    @staticmethod
    def _findings(values: Mapping[str, str]) -> list[tuple[str, tuple[Any, ...],
                                                           tuple[Term, ...]]]:
        entity = values["entity"]
        where = " AND predicate = ?" if "predicate" in values else ""
        extra = (values["predicate"],) if "predicate" in values else ()
        return [(f"SELECT row FROM findings WHERE {column} = ?{where} ORDER BY rank",
                 (entity, *extra), ((URI, entity), (STRING, role)))
                for role, column in (("object", "object"), ("subject", "subject"))]

    @staticmethod
    def _summary(values: Mapping[str, str]) -> list[tuple[str, tuple[Any, ...],
                                                          tuple[Term, ...]]]:
        # role is a column: the rows of both roles interleave in the query's order
        entity = values["entity"]
        where = " AND predicate = ?" if "predicate" in values else ""
        extra = (values["predicate"],) if "predicate" in values else ()
        return [(f"SELECT row FROM summary WHERE entity = ?{where} ORDER BY rank",
                 (entity, *extra), ((URI, entity),))]

    @staticmethod
    def _kept_rows(name: str, values: Mapping[str, str]
                   ) -> list[tuple[str, tuple[Any, ...], tuple[Term, ...]]]:
        keys = [k for k in KEPT[name] if k in values]
        where = f" WHERE {' AND '.join(f'{k} = ?' for k in keys)}" if keys else ""
        return [(f"SELECT row FROM {_kept_table(name)}{where} ORDER BY rank",
                 tuple(values[k] for k in keys), ())]

    @staticmethod
    def _evidence(values: Mapping[str, str]) -> list[tuple[str, tuple[Any, ...],
                                                           tuple[Term, ...]]]:
        conditions = [f"{column} = ?" for column in ("statement", "subject", "object")
                      if column in values]
        params = tuple(values[c] for c in ("statement", "subject", "object") if c in values)
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        return [(f"SELECT row FROM evidence{where} ORDER BY rank", params, ())]
