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

from exokg.query._worker import TYPED, URI

if TYPE_CHECKING:
    from exokg.query.answers import Term, _Facts

__all__ = ["MADE", "KeptMaker", "kept_rows"]

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_BIOLINK = "https://w3id.org/biolink/vocab/"
_EXO = "https://w3id.org/exokg/vocab/"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_FALSE: Term = (TYPED, "false", _XSD + "boolean")


def _count(n: int) -> Term:
    """``COUNT(...)`` as the engine gives it."""
    return (TYPED, str(n), _XSD + "integer")


def _with_predicate(facts: _Facts, predicates: tuple[str, ...]) -> list[Term]:
    """Every node with one of ``predicates`` as its ``rdf:predicate`` in the graphs read
    (their union), in term order (no order is needed: the rows are grouped)."""
    import pyoxigraph as ox

    from exokg.query._worker import encode_term
    from exokg.query.answers import _order_bytes

    link = ox.NamedNode(_RDF + "predicate")
    found: dict[Term, None] = {}
    for predicate in predicates:
        node = ox.NamedNode(predicate)
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


#: a maker: the query's result columns, in order, and its rows from the nodes' values
KeptMaker = tuple[tuple[str, ...], Callable[["_Facts"], Iterator[list[Any]]]]

#: kept query -> (the digest of the text its maker was written for, the maker)
MADE: dict[str, tuple[str, KeptMaker]] = {
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
