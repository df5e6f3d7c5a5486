"""Answer tables: the rows of the entity-keyed named queries, written once per store generation.

On a large store a named query about a frequently studied entity is slow however it is
written: at 100,000 abstracts ``entity-findings`` of a hub miRNA joins some 30,000 evidence
rows, each about 15 index look-ups on disk, and a page costs as much as the whole answer
because the engine sorts every row first (docs/benchmarks.md, "Queries at 100k"). So each
store generation gets ``answers.sqlite`` beside its view file (written by
:func:`exokg.graph.viewdb.write_view_file`, inside the generation's temporary folder, so it
is published by the same atomic switch as the database). It holds, for the queries below,
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

The rows are made from sequential scans of the generation's database (one per predicate)
and put together in Python with the semantics of the SPARQL text: the same optional
patterns, ``COALESCE``/``STR``/``CONCAT`` rules, ``GROUP_CONCAT(DISTINCT ...)`` in the order
Oxigraph sees the values (a subject's values of one predicate come in index order in both a
bound look-up and a predicate scan), the same ``REPLACE`` clean-up and the same term order.
``tests/test_answers.py`` compares every row, whole and paged, with the SPARQL answer on the
founding corpus and on the development set. Values are kept as the worker's term tuples
(:mod:`exokg.query._worker`), written as JSON.

A query is answered from the file only when the file belongs to the generation the query
worker reads, the query is one of the above, and every parameter given is one of its
parameters with an IRI value; anything else (other named queries, user SPARQL, a remote
endpoint) runs as SPARQL. The file is not an export and holds nothing the RDF graph lacks.
"""

from __future__ import annotations

import itertools
import json
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exokg.query._worker import BNODE, LANG_STRING, STRING, TYPED, URI, encode_term

if TYPE_CHECKING:
    import pyoxigraph

__all__ = ["FILE_NAME", "FORMAT", "AnswerFile", "Answer", "QUERIES", "answer_file_path",
           "write_answer_file"]

#: The file's name in a generation folder.
FILE_NAME = "answers.sqlite"
#: The layout version; a file of another version is ignored (the queries run as SPARQL).
FORMAT = "1"

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

_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE findings (rank INTEGER PRIMARY KEY, subject TEXT, object TEXT, predicate TEXT,
    row TEXT NOT NULL);
CREATE TABLE summary (rank INTEGER PRIMARY KEY, entity TEXT NOT NULL, role TEXT NOT NULL,
    predicate TEXT, row TEXT NOT NULL);  -- row: from the role column on
CREATE TABLE evidence (rank INTEGER PRIMARY KEY, statement TEXT, subject TEXT, object TEXT,
    row TEXT NOT NULL);
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


def _order_key(term: Term | None) -> tuple[Any, ...]:
    """The place of a term in ``ORDER BY`` (ascending), as Oxigraph orders terms: unbound,
    then blank nodes, then IRIs (by text), then literals (numbers by value, other literals
    by text)."""
    if term is None:
        return (0,)
    kind = term[0]
    if kind == BNODE:
        return (1, "")
    if kind == URI:
        return (2, term[1])
    if kind == TYPED and term[2] in _NUMERIC:
        try:
            return (3, 0, Decimal(term[1].strip()), "")
        except InvalidOperation:
            pass
    return (3, 1, Decimal(0), term[1])


class _Desc:
    """A sort key in descending order."""

    __slots__ = ("key",)

    def __init__(self, key: tuple[Any, ...]) -> None:
        self.key = key

    def __lt__(self, other: _Desc) -> bool:
        return other.key < self.key

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Desc) and other.key == self.key


# -- reading the database -------------------------------------------------------------------


class _Scans:
    """Values of predicates by subject, read with one scan per predicate over the graphs the
    query API sees (the default graph, then the named graphs given, the order in which the
    engine reads a union default graph). Each subject's values keep the database's index
    order, the order a bound look-up returns them in."""

    def __init__(self, store: pyoxigraph.Store, graphs: Sequence[Any] | None) -> None:
        import pyoxigraph as ox

        self.store = store
        self.graphs = list(graphs) if graphs else [ox.DefaultGraph()]
        self._cache: dict[str, dict[Term, list[Term]]] = {}
        self._interned: dict[Term, Term] = {}

    def _intern(self, term: Term) -> Term:
        return self._interned.setdefault(term, term)

    def get(self, predicate: str) -> dict[Term, list[Term]]:
        """Subject term -> its values of ``predicate``, in index order."""
        found = self._cache.get(predicate)
        if found is None:
            import pyoxigraph as ox

            found = defaultdict(list)
            node = ox.NamedNode(predicate)
            intern = self._intern
            for graph in self.graphs:
                for quad in self.store.quads_for_pattern(None, node, None, graph):
                    found[intern(encode_term(quad.subject))].append(  # type: ignore[arg-type]
                        intern(encode_term(quad.object)))  # type: ignore[arg-type]
            found = dict(found)
            self._cache[predicate] = found
        return found

    def drop(self, *predicates: str) -> None:
        for predicate in predicates:
            self._cache.pop(predicate, None)

    def values(self, predicate: str, subject: Term) -> list[Term]:
        return self.get(predicate).get(subject, [])

    def optional(self, predicate: str, subject: Term | None) -> list[Term | None]:
        """The values of an ``OPTIONAL { ?subject predicate ?x }``: [None] when none."""
        if subject is None:
            return [None]
        return self.get(predicate).get(subject) or [None]  # type: ignore[return-value]


# -- the rows -------------------------------------------------------------------------------


def _joined(scans: _Scans, subject: Term, *predicates: str) -> Iterator[tuple[Term, ...]]:
    """The solutions of required triple patterns ``subject predicate ?x`` joined: every
    combination of their values, in the order nested loops over ``predicates`` (the first
    outermost) give, which is the order the rows are made in."""
    return itertools.product(*(scans.values(p, subject) for p in predicates))


def _statements(scans: _Scans) -> list[Term]:
    """Every node with an ``rdf:subject``, in term order (the order rows are made in)."""
    return sorted(scans.get(_RDF + "subject"), key=_order_key)


#: entity-findings' context union on its own, for statements bound with VALUES
_FACET_PROBE = """SELECT ?statement ?facet ?fv ?fl WHERE {
  VALUES ?statement { %s }
  OPTIONAL {
    %s
    OPTIONAL { ?fv <http://www.w3.org/2000/01/rdf-schema#label> ?fl }
  }
}"""
_PROBE_BATCH = 200


def _facet_order(scans: _Scans, statements: list[Term]) -> dict[Term, list[tuple[str, Term]]]:
    """(facet, value) of each statement given, in the order the engine's evaluation of the
    entity-findings union returns them (Oxigraph does not keep the branch order there, so
    the union itself is asked, a few hundred statements at a time)."""
    import pyoxigraph as ox

    union = "\n    UNION ".join(
        f'{{ ?statement <{_EXO}{facet}> ?fv BIND("{facet}" AS ?facet) }}'
        for facet in _FINDING_FACETS)
    graphs = scans.graphs
    found: dict[Term, list[tuple[str, Term]]] = {}
    for first in range(0, len(statements), _PROBE_BATCH):
        batch = statements[first:first + _PROBE_BATCH]
        text = _FACET_PROBE % (" ".join(f"<{s[1]}>" for s in batch), union)
        for row in scans.store.query(text, default_graph=graphs if len(graphs) > 1 else None):
            statement = encode_term(row[0])
            if row[1] is None:
                continue
            fv, fl = encode_term(row[2]), encode_term(row[3])
            found.setdefault(statement, []).append(  # type: ignore[arg-type]
                (row[1].value, _coalesce(fl, _str(fv))))  # type: ignore[arg-type]
    return found


def _findings_rows(scans: _Scans) -> Iterator[tuple[tuple[Any, ...], Term, Term, Term,
                                                    list[Term | None]]]:
    """(sort key, subject, object, predicate, row) of entity-findings without its ``entity``
    and ``role`` columns, one per group of the query."""
    labels = scans.get(_LABEL)
    facet_values = [(facet, scans.get(_EXO + facet)) for facet in _FINDING_FACETS]
    statements = _statements(scans)
    # the order of values of one facet is the index order; that of several facets is the
    # engine's: asked for the statements with more than one
    several = [s for s in statements
               if sum(1 for _, values in facet_values if s in values) > 1]
    ordered = _facet_order(scans, several)
    for statement in statements:
        facets: list[tuple[str, Term]] = ordered.get(statement, [])
        if statement not in ordered:
            for facet, values in facet_values:
                for fv in values.get(statement, ()):
                    for fl in labels.get(fv) or [None]:
                        facets.append((facet, _coalesce(fl, _str(fv))))  # type: ignore[arg-type]

        def facet_list(wanted: str | None) -> Term | None:
            if not facets:
                return _semi_list([None])
            if wanted is None:  # the qualifiers: every other facet as "facet: value"
                return _semi_list(
                    [_concat((STRING, f), (STRING, ": "), v) if f not in ("species", "model",
                                                                          "route") else None
                     for f, v in facets])
            return _semi_list([v if f == wanted else None for f, v in facets])

        species, model, route, context = (facet_list("species"), facet_list("model"),
                                          facet_list("route"), facet_list(None))
        for subject, predicate, obj, negated, hedged in _joined(
                scans, statement, _RDF + "subject", _RDF + "predicate", _RDF + "object",
                _EXO + "negated", _EXO + "hedged"):
            yield from _finding_groups(scans, statement, subject, predicate, obj, negated,
                                       hedged, species, model, route, context)


def _finding_groups(scans: _Scans, statement: Term, subject: Term, predicate: Term, obj: Term,
                    negated: Term, hedged: Term, species: Term | None, model: Term | None,
                    route: Term | None, context: Term | None
                    ) -> Iterator[tuple[tuple[Any, ...], Term, Term, Term,
                                        list[Term | None]]]:
    for evidence in scans.values(_BIOLINK + "has_evidence", statement):
        citations = _bar_list(scans.optional(_EXO + "citationMarker", evidence))
        for sentence, document, start, end in _joined(
                scans, evidence, _EXO + "sentenceText", _EXO + "document", _EXO + "start",
                _EXO + "end"):
            seen: dict[tuple[Any, ...], None] = {}
            for subject_label, object_name, direction, aspect in itertools.product(
                    scans.optional(_LABEL, subject), scans.optional(_LABEL, obj),
                    scans.optional(_EXO + "direction", statement),
                    scans.optional(_EXO + "aspect", statement)):
                object_label = _coalesce(object_name, _str(obj))
                group = (subject_label, object_label, direction, aspect)
                if group in seen:
                    continue
                seen[group] = None
                row = [statement, subject, subject_label, predicate, obj, object_label,
                       direction, aspect, negated, hedged, species, model, route, context,
                       evidence, sentence, document, start, end, citations]
                key = tuple(map(_order_key, (predicate, subject_label, object_label,
                                             document, start, statement, evidence)))
                yield key, subject, obj, predicate, row


def _summary_rows(scans: _Scans) -> Iterator[tuple[tuple[Any, ...], Term, str, Term,
                                                   list[Term | None]]]:
    """(sort key, entity, role, predicate, row without ``entity`` and ``role``) of
    entity-summary, one per group of the query and role."""
    labels = scans.get(_LABEL)
    documents_of = scans.get(_EXO + "document")

    def names(facet: str, statement: Term) -> Term | None:
        # COALESCE(?label, STR(?value)) per value and label; unbound with no value
        values = scans.values(_EXO + facet, statement)
        if not values:
            return None
        return _group_concat(
            (_coalesce(label, _str(value)) for value in values
             for label in labels.get(value) or [None]), "; ")

    for statement in _statements(scans):
        documents: dict[Term, None] = {}
        for evidence in scans.values(_BIOLINK + "has_evidence", statement):
            for document in documents_of.get(evidence, ()):
                documents.setdefault(document, None)
        if not documents:
            continue
        count: Term = (TYPED, str(len(documents)), _XSD + "integer")
        species, model = names("species", statement), names("model", statement)
        for subject, predicate, obj, negated, hedged, evidence_count in _joined(
                scans, statement, _RDF + "subject", _RDF + "predicate", _RDF + "object",
                _EXO + "negated", _EXO + "hedged", _EXO + "evidenceCount"):
            seen: dict[tuple[Any, ...], None] = {}
            for subject_label, object_name, direction in itertools.product(
                    scans.optional(_LABEL, subject), scans.optional(_LABEL, obj),
                    scans.optional(_EXO + "direction", statement)):
                object_label = _coalesce(object_name, _str(obj))
                group = (subject_label, object_label, direction)
                if group in seen:
                    continue
                seen[group] = None
                row = [statement, subject, subject_label, predicate, obj, object_label,
                       direction, negated, hedged, species, model, evidence_count, count]
                for role, entity in (("subject", subject), ("object", obj)):
                    key = (_Desc(_order_key(evidence_count)), role, *map(_order_key, (
                        predicate, subject_label, object_label, statement)))
                    yield key, entity, role, predicate, row

def _publication(scans: _Scans, evidence: Term, document: Term
                 ) -> list[tuple[Term | None, Term | None, Term | None, Term | None]]:
    """(source, publication, pmid, doi) combinations of the evidence query's two
    publication OPTIONALs (the evidence's own ``dcterms:source``, else its document's)."""
    out: list[tuple[Term | None, Term | None, Term | None, Term | None]] = []
    own = scans.values(_DCT + "source", evidence)
    sources = own if own else scans.values(_DCT + "source", document)
    document_labels = scans.optional(_LABEL, document)
    for source in sources or [None]:
        for first_author in scans.optional(_EXO + "firstAuthor", source):
            for year in scans.optional(_DCT + "date", source):
                for journal in scans.optional(_EXO + "journal", source):
                    for pmid in scans.optional(_EXO + "pmid", source):
                        for doi in scans.optional(_EXO + "doi", source):
                            for source_label in scans.optional(_LABEL, source):
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


def _evidence_rows(scans: _Scans) -> Iterator[tuple[tuple[Any, ...], Term, Term, Term,
                                                    list[Term | None]]]:
    """(sort key, statement, subject, object, row) of the evidence query, one per group."""
    for statement in _statements(scans):
        for subject, obj, predicate, negated, hedged, evidence in _joined(
                scans, statement, _RDF + "subject", _RDF + "object", _RDF + "predicate",
                _EXO + "negated", _EXO + "hedged", _BIOLINK + "has_evidence"):
            yield from _evidence_groups(scans, statement, subject, obj, predicate, negated,
                                        hedged, evidence)


def _evidence_groups(scans: _Scans, statement: Term, subject: Term, obj: Term,
                     predicate: Term, negated: Term, hedged: Term, evidence: Term
                     ) -> Iterator[tuple[tuple[Any, ...], Term, Term, Term,
                                         list[Term | None]]]:
    markers = scans.values(_EXO + "citationMarker", evidence)
    citations = _group_concat(markers, " | ") if markers else None
    for sentence in scans.values(_EXO + "sentenceText", evidence):
        for document in scans.values(_EXO + "document", evidence):
            publications = _publication(scans, evidence, document)
            for start in scans.values(_EXO + "start", evidence):
                for end in scans.values(_EXO + "end", evidence):
                    seen: dict[tuple[Any, ...], None] = {}
                    for rule in scans.optional(_EXO + "rule", evidence):
                        for subject_label in scans.optional(_LABEL, subject):
                            for object_name in scans.optional(_LABEL, obj):
                                object_label = _coalesce(object_name, _str(obj))
                                for direction in scans.optional(_EXO + "direction", statement):
                                    for source, publication, pmid, doi in publications:
                                        group = (rule, subject_label, object_label, direction,
                                                 source, publication, pmid, doi)
                                        if group in seen:
                                            continue
                                        seen[group] = None
                                        row = [statement, subject, subject_label, predicate,
                                               obj, object_label, direction, negated, hedged,
                                               evidence, sentence, document, start, end, rule,
                                               source, publication, pmid, doi, citations]
                                        key = tuple(map(_order_key, (
                                            subject_label, predicate, object_label, document,
                                            start, statement, evidence)))
                                        yield key, statement, subject, obj, row


# -- writing --------------------------------------------------------------------------------


def _json(row: Sequence[Term | None]) -> str:
    return json.dumps(row, ensure_ascii=False, separators=(",", ":"))


def _iri(term: Term | None) -> str | None:
    return term[1] if term is not None and term[0] == URI else None


def _sorted(rows: Iterable[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Rows by their sort key (the first item); ties keep the order they were made in."""
    return sorted(rows, key=lambda r: r[0])


def write_answer_file(store: pyoxigraph.Store, path: Path,
                      graphs: list[Any] | None = None) -> dict[str, int]:
    """Write the answer tables of ``store`` (its default graph, or the union of ``graphs``:
    what the query API sees) to a new SQLite file at ``path``; returns the row count of each
    table. Written under a temporary name and renamed, so a reader never sees half of it;
    the same graph gives the same bytes.

    Raises:
        OSError: the file cannot be written.
        sqlite3.Error: from SQLite.
    """
    from exokg.graph.viewdb import new_sqlite_file

    scans = _Scans(store, graphs)
    path = Path(path)
    with new_sqlite_file(path, _SCHEMA, FORMAT) as (db, counts):
        rows = _sorted(_findings_rows(scans))
        db.executemany("INSERT INTO findings VALUES (?, ?, ?, ?, ?)", (
            (rank, _iri(s), _iri(o), _iri(p), _json(row))
            for rank, (_, s, o, p, row) in enumerate(rows)))
        counts["findings"] = len(rows)
        del rows  # one table's rows in memory at a time
        scans.drop(_EXO + "aspect", *(_EXO + f for f in _FINDING_FACETS
                                      if f not in ("species", "model")))
        rows = _sorted(r for r in _summary_rows(scans)
                       if _iri(r[1]) is not None)  # a literal is no parameter
        db.executemany("INSERT INTO summary VALUES (?, ?, ?, ?, ?)", (
            (rank, _iri(e), role, _iri(p), _json([(STRING, role), *row]))
            for rank, (_, e, role, p, row) in enumerate(rows)))
        counts["summary"] = len(rows)
        del rows
        scans.drop(_EXO + "species", _EXO + "model", _EXO + "evidenceCount")
        rows = _sorted(_evidence_rows(scans))
        db.executemany("INSERT INTO evidence VALUES (?, ?, ?, ?, ?)", (
            (rank, _iri(st), _iri(s), _iri(o), _json(row))
            for rank, (_, st, s, o, row) in enumerate(rows)))
        counts["evidence"] = len(rows)
        del rows
        db.executescript(_INDEXES)
    return counts


# -- reading --------------------------------------------------------------------------------


@dataclass
class Answer:
    """Rows of a named query read from the file: ``variables``, the rows (term tuples, None
    for unbound) and whether ``max_rows`` cut them."""

    variables: list[str]
    rows: list[tuple[Term | None, ...]]
    truncated: bool


def _rows(texts: list[str], prefix: tuple[Term | None, ...] = ()
          ) -> Iterator[tuple[Term | None, ...]]:
    """Rows of term tuples from their JSON texts (parsed as one array: one call for all)."""
    for row in json.loads("[" + ",".join(texts) + "]"):
        yield prefix + tuple([tuple(t) if t is not None else None for t in row])


class AnswerFile:
    """A generation's answer file opened read-only (:meth:`open` returns None when there is
    none of this format)."""

    def __init__(self, db: sqlite3.Connection, path: Path, generation: Path) -> None:
        import threading

        self._db, self.path, self.generation = db, path, generation
        self._lock = threading.Lock()

    @classmethod
    def open(cls, generation: Path | None) -> AnswerFile | None:
        """The answer file of a generation folder, or None when it has no readable file of
        the current :data:`FORMAT`."""
        if generation is None:
            return None
        from exokg.graph.viewdb import open_read_only

        path = answer_file_path(generation)
        db = open_read_only(path, FORMAT)
        return None if db is None else cls(db, path, Path(generation))

    def close(self) -> None:
        self._db.close()

    @staticmethod
    def answers(name: str, bindings: Mapping[str, Term]) -> bool:
        """Whether the file answers query ``name`` with these bindings (every one a
        parameter of the query the file keys, with an IRI value)."""
        spec = QUERIES.get(name)
        return spec is not None and set(bindings) <= spec.params and all(
            isinstance(t, tuple) and len(t) == 2 and t[0] == URI for t in bindings.values())

    def answer(self, name: str, bindings: Mapping[str, Term], *, offset: int = 0,
               limit: int | None = None, max_rows: int | None = None) -> Answer | None:
        """The rows of named query ``name`` with ``bindings`` (parameter -> term tuple),
        from row ``offset`` on, at most ``limit`` of them (a page), cut at ``max_rows`` as
        the query worker cuts them; None when the file does not answer it (see
        :meth:`answers`)."""
        if not self.answers(name, bindings):
            return None
        values = {k: v[1] for k, v in bindings.items()}
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
                    (count,) = self._db.execute(
                        f"SELECT COUNT(*) FROM ({sql})", params).fetchone()
                    if count <= offset:
                        offset -= count
                        continue
                left = -1 if need is None else need - len(rows)
                texts = [text for (text,) in self._db.execute(
                    f"{sql} LIMIT ? OFFSET ?", (*params, left, offset))]
                rows.extend(_rows(texts, prefix))
                offset = 0
        truncated = max_rows is not None and len(rows) > max_rows
        if truncated:
            rows = rows[:max_rows]
        return Answer(list(QUERIES[name].columns), rows, truncated)

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
    def _evidence(values: Mapping[str, str]) -> list[tuple[str, tuple[Any, ...],
                                                           tuple[Term, ...]]]:
        conditions = [f"{column} = ?" for column in ("statement", "subject", "object")
                      if column in values]
        params = tuple(values[c] for c in ("statement", "subject", "object") if c in values)
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        return [(f"SELECT row FROM evidence{where} ORDER BY rank", params, ())]
