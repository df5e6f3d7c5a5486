"""The unbound answers of queries kept whole, made in Python from a build's statement rows.

A large build keeps the whole unbound answer of four named queries
(:data:`exokg.query.answers.KEPT`). Run as SPARQL, their grouping over every statement is
most of the view phase's CPU (docs/benchmarks.md, "Post-load phases, round 9"). The queries
here are made instead from the nodes' values as :class:`exokg.query.answers._Facts` reads
them (the statements' triples and the labels from the rows file the ``rows`` phase wrote,
the nodes of the ontology's graphs from the store), with the semantics of the SPARQL
text: the same required and optional patterns and their cross products, ``COUNT(DISTINCT
...)`` and ``GROUP_CONCAT(DISTINCT ...)`` (unbound when a value is unbound, as Oxigraph
has it) per group, and the query's total ``ORDER BY`` (:func:`exokg.query.answers._sort_key`).
The list columns the query declares ``sorted-list`` are put in code-point order afterwards
by the writer, as for the engine's rows, so the order in which values are met does not
matter.

Each maker is bound to the digest of the query text it was written for
(:data:`MADE`): when the text changes, the query runs as SPARQL until its maker is
changed with it (``tests/test_statement_rows.py`` fails meanwhile).
``tests/test_statement_rows.py`` compares the file with the one written by the engine on
the founding corpus, the development set and small invented graphs (several labels, no
species or model, a statement without direction, a negated claim).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from exokg.query._worker import STRING, TYPED, URI

if TYPE_CHECKING:
    from exokg.query.answers import Term, _Facts

__all__ = ["MADE", "KeptMaker", "kept_rows"]

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_LABEL = _RDFS + "label"
_BIOLINK = "https://w3id.org/biolink/vocab/"
_EXO = "https://w3id.org/exokg/vocab/"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_FALSE: Term = (TYPED, "false", _XSD + "boolean")


def _count(n: int) -> Term:
    """``COUNT(...)`` as the engine gives it."""
    return (TYPED, str(n), _XSD + "integer")


def _with_predicate(facts: _Facts, predicates: tuple[str, ...] | None = None) -> list[Term]:
    """Every node with one of ``predicates`` (None: any value) as its ``rdf:predicate`` in
    the graphs read (their union), in term order (no order is needed: the rows are
    grouped)."""
    import pyoxigraph as ox

    from exokg.query._worker import encode_term
    from exokg.query.answers import _order_bytes

    link = ox.NamedNode(_RDF + "predicate")
    found: dict[Term, None] = {}
    for node in [ox.NamedNode(p) for p in predicates] if predicates is not None else [None]:
        for graph in facts.graphs:
            for quad in facts.store.quads_for_pattern(None, link, node, graph):
                found[encode_term(quad.subject)] = None  # type: ignore[index]
    return sorted(found, key=_order_bytes)


def _pairs(facts: _Facts, predicate: str, statement: Term
           ) -> list[tuple[Term | None, Term | None]]:
    """``OPTIONAL { ?statement predicate ?v OPTIONAL { ?v rdfs:label ?l } }``: (value,
    label) solutions; (None, None) when the statement has no value."""
    return [(value, label) for value in facts.values(predicate, statement)
            for label in facts.optional(_LABEL, value)] or [(None, None)]


_EFFECTS = (_BIOLINK + "affects", _BIOLINK + "beneficial_in_models_for")
_EFFECT_TERMS = frozenset((URI, p) for p in _EFFECTS)
_OUTCOMES_PREDICATES = (
    _RDF + "subject", _RDF + "predicate", _RDF + "object", _EXO + "negated",
    _EXO + "species", _EXO + "model", _EXO + "direction", _BIOLINK + "has_evidence")


def _outcomes_by_species(facts: _Facts) -> Iterator[list[Term | None]]:
    """outcomes-by-species, unbound: per (outcome, its label, species, its label, model,
    its label) of the non-negated effect statements, the distinct statements and evidence
    nodes counted and the directions and the subjects' labels listed."""
    from exokg.query.answers import _GROUP, _group_concat, _sort_key

    # group key -> (statements, evidence nodes, directions, subject labels): dicts as
    # ordered sets (None, an unbound value, makes a list unbound)
    groups: dict[tuple[Term | None, ...], tuple[dict[Any, None], ...]] = {}
    statements = _with_predicate(facts, _EFFECTS)
    for first in range(0, len(statements), _GROUP):
        group = statements[first:first + _GROUP]
        facts.load(group, _OUTCOMES_PREDICATES, table="st")
        facts.load({v: None for s in group for p in (
            _RDF + "subject", _RDF + "object", _EXO + "species", _EXO + "model")
            for v in facts.values(p, s)}, (_LABEL,), only=True, table="ev")
        for statement in group:
            subjects = facts.values(_RDF + "subject", statement)
            if not subjects or _FALSE not in facts.values(_EXO + "negated", statement) or \
                    _EFFECT_TERMS.isdisjoint(facts.values(_RDF + "predicate", statement)):
                continue
            species = _pairs(facts, _EXO + "species", statement)
            models = _pairs(facts, _EXO + "model", statement)
            labels = [label for subject in subjects
                      for label in facts.optional(_LABEL, subject)]
            directions = facts.optional(_EXO + "direction", statement)
            evidence = facts.values(_BIOLINK + "has_evidence", statement)
            for outcome in facts.values(_RDF + "object", statement):
                for outcome_label in facts.optional(_LABEL, outcome):
                    for species_value, species_label in species:
                        for model, model_label in models:
                            key = (outcome, outcome_label, species_value, species_label,
                                   model, model_label)
                            entry = groups.get(key)
                            if entry is None:
                                entry = groups[key] = ({}, {}, {}, {})
                            entry[0][statement] = None
                            entry[1].update(dict.fromkeys(evidence))
                            entry[2].update(dict.fromkeys(directions))
                            entry[3].update(dict.fromkeys(labels))
    order = sorted(groups, key=lambda k: _sort_key(k[1], k[3], k[5], k[0], k[2], k[4]))
    for key in order:
        found, evidence, directions, labels = groups.pop(key)
        yield [*key, _count(len(found)), _count(len(evidence)),
               _group_concat(directions, ", "), _group_concat(labels, "; ")]


def _classes(facts: _Facts, cls: str) -> frozenset[Term]:
    """The classes ``?c rdfs:subClassOf* cls`` of the graphs read (``cls`` itself too): an
    ``rdf:type/rdfs:subClassOf* cls`` node is one with a type among them."""
    from exokg.query._worker import encode_term

    text = "SELECT DISTINCT ?c WHERE { ?c <%s>* <%s> }" % (_RDFS + "subClassOf", cls)
    graphs = facts.graphs if len(facts.graphs) > 1 else None
    return frozenset(encode_term(s["c"]) for s in  # type: ignore[union-attr, index]
                     facts.store.query(text, default_graph=graphs))


def _semi(values: list[Term | None]) -> Term | None:
    """``REPLACE(REPLACE(GROUP_CONCAT(DISTINCT COALESCE(?v, ""); separator="; "), ...))``
    of a group's values in any order: the writer puts the items of these ``sorted-list``
    columns in code-point order and drops empty ones, so only the set of values counts."""
    from exokg.query.answers import _semi_list

    return _semi_list(values)


def _max(values: dict[Term, None]) -> Term:
    """``MAX(COALESCE(?v, ""))`` of a group's values (the engine's term order)."""
    from exokg.query.answers import _cached_order_bytes

    return max(values, key=_cached_order_bytes)


_INCREASED: Term = (STRING, "increased")
_DECREASED: Term = (STRING, "decreased")
_EMPTY: Term = (STRING, "")
_PREPARATION_PREDICATES = (
    _RDF + "type", _EXO + "sourceCell", _EXO + "cargo", _EXO + "engineering")
_OPPOSITE_PREDICATES = (
    _RDF + "subject", _RDF + "predicate", _RDF + "object", _EXO + "negated",
    _EXO + "direction", _EXO + "contradicts", _BIOLINK + "has_evidence")


def _opposite_findings(facts: _Facts) -> Iterator[list[Term | None]]:
    """opposite-findings, unbound: the non-negated claims with a direction about exosome
    preparations, grouped by (outcome, its label, predicate, family: the preparation's
    source cell or else itself, its label, cargo, its label); the groups with claims both
    ways."""
    from exokg.query.answers import _GROUP, _sort_key

    preparation_classes = _classes(facts, _EXO + "ExosomePreparation")
    # group key -> (up, down, up_by, down_by, up_engineering, down_engineering, linked,
    # up_text, down_text): ordered sets; a list's unbound value is "" (COALESCE)
    groups: dict[tuple[Term | None, ...], tuple[dict[Any, None], ...]] = {}
    statements = _with_predicate(facts)
    for first in range(0, len(statements), _GROUP):
        group = statements[first:first + _GROUP]
        facts.load(group, _OPPOSITE_PREDICATES, table="st")
        subjects = {v: None for s in group for v in facts.values(_RDF + "subject", s)}
        facts.load(subjects, _PREPARATION_PREDICATES, only=True)
        facts.load({**subjects, **{v: None for s in group
                                   for v in facts.values(_RDF + "object", s)},
                    **{v: None for p in subjects for q in (_EXO + "sourceCell", _EXO + "cargo")
                       for v in facts.values(q, p)}}, (_LABEL,), only=True, table="ev")
        facts.load({e: None for s in group for e in facts.values(_BIOLINK + "has_evidence", s)},
                   (_EXO + "sentenceText",), only=True, table="ev")
        for statement in group:
            directions = facts.values(_EXO + "direction", statement)
            if not directions or _FALSE not in facts.values(_EXO + "negated", statement):
                continue
            linked = bool(facts.values(_EXO + "contradicts", statement))
            texts = [text for e in facts.optional(_BIOLINK + "has_evidence", statement)
                     for text in facts.optional(_EXO + "sentenceText", e)]
            texts = [_EMPTY if t is None else t for t in texts]
            for preparation in facts.values(_RDF + "subject", statement):
                if preparation_classes.isdisjoint(facts.values(_RDF + "type", preparation)):
                    continue
                cargos = _pairs(facts, _EXO + "cargo", preparation)
                engineering = [_EMPTY if v is None else v
                               for v in facts.optional(_EXO + "engineering", preparation)]
                labels = [_EMPTY if v is None else v
                          for v in facts.optional(_LABEL, preparation)]
                families = [preparation if cell is None else cell
                            for cell in facts.optional(_EXO + "sourceCell", preparation)]
                for outcome in facts.values(_RDF + "object", statement):
                    for outcome_label in facts.optional(_LABEL, outcome):
                        for predicate in facts.values(_RDF + "predicate", statement):
                            for family in families:
                                for family_label in facts.optional(_LABEL, family):
                                    for cargo, cargo_label in cargos:
                                        key = (outcome, outcome_label, predicate, family,
                                               family_label, cargo, cargo_label)
                                        entry = groups.get(key)
                                        if entry is None:
                                            entry = groups[key] = (
                                                {}, {}, {}, {}, {}, {}, {}, {}, {})
                                        _add_opposite(entry, statement, directions, linked,
                                                      labels, engineering, texts)
    found = [key for key, entry in groups.items() if entry[0] and entry[1]]  # HAVING
    found.sort(key=lambda k: _sort_key(k[1], k[4], k[6], k[0], k[2], k[3], k[5]))
    for key in found:
        up, down, up_by, down_by, up_eng, down_eng, linked, up_text, down_text = groups[key]
        yield [*key, _count(len(up)), _count(len(down)), _semi(list(up_by)),
               _semi(list(down_by)), _semi(list(up_eng)), _semi(list(down_eng)),
               _count(len(linked)), _max(up_text), _max(down_text)]


def _add_opposite(entry: tuple[dict[Any, None], ...], statement: Term,
                  directions: list[Term], linked: bool, labels: list[Term],
                  engineering: list[Term], texts: list[Term]) -> None:
    """The solutions of one statement and preparation in one group: per direction, the
    ``IF(?direction = "increased", ..., ?none)`` columns (unbound, so "" in the lists and
    the sentences, unless the direction is that one)."""
    up, down, up_by, down_by, up_eng, down_eng, linked_set, up_text, down_text = entry
    for direction in directions:
        if direction == _INCREASED:
            up[statement] = None
            up_by.update(dict.fromkeys(labels))
            up_eng.update(dict.fromkeys(engineering))
            up_text.update(dict.fromkeys(texts))
            down_by[_EMPTY] = down_eng[_EMPTY] = down_text[_EMPTY] = None
        elif direction == _DECREASED:
            down[statement] = None
            down_by.update(dict.fromkeys(labels))
            down_eng.update(dict.fromkeys(engineering))
            down_text.update(dict.fromkeys(texts))
            up_by[_EMPTY] = up_eng[_EMPTY] = up_text[_EMPTY] = None
        else:
            up_by[_EMPTY] = up_eng[_EMPTY] = up_text[_EMPTY] = None
            down_by[_EMPTY] = down_eng[_EMPTY] = down_text[_EMPTY] = None
    if linked:
        linked_set[statement] = None


#: a maker: the query's result columns, in order, and its rows from the nodes' values
KeptMaker = tuple[tuple[str, ...], Callable[["_Facts"], Iterator[list[Any]]]]

#: kept query -> (the digest of the text its maker was written for, the maker)
MADE: dict[str, tuple[str, KeptMaker]] = {
    "opposite-findings": ("179101a545bfd6975c6445495836b58e", (
        ("outcome", "outcome_label", "predicate", "family", "family_label", "cargo",
         "cargo_label", "increased", "decreased", "increased_by", "decreased_by",
         "increased_engineering", "decreased_engineering", "linked", "increased_sentence",
         "decreased_sentence"),
        _opposite_findings)),
    "outcomes-by-species": ("ea78f09e3aa0154c7da3fd6f85a4400a", (
        ("outcome", "outcome_label", "species", "species_label", "model", "model_label",
         "statements", "evidence_sentences", "directions", "interventions"),
        _outcomes_by_species)),
}


def kept_rows(name: str, digest: str, facts: _Facts
              ) -> tuple[list[str], Iterator[list[Any]]] | None:
    """(result columns, rows in the query's order) of kept query ``name`` made from
    ``facts``, or None when it has no maker for the text of this ``digest`` or ``facts``
    reads no rows file (the engine then runs it)."""
    found = MADE.get(name)
    if found is None or found[0] != digest or facts.rows is None:
        return None
    columns, make = found[1]
    return list(columns), make(facts)
