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
species or model, a statement without direction, a negated claim, a subclass declared in
a named graph, preparations without source cell or label, a miRNA exosomal only by a
negated claim). Only the statements a query can use are read (by index: the effect or
biomarker predicates, the subjects that are preparations or have a cargo).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from exokg.query._worker import STRING, TRIPLE, TYPED, URI

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


def _with_predicate(facts: _Facts, predicates: tuple[str, ...]) -> list[Term]:
    """Every node with one of ``predicates`` as its ``rdf:predicate`` in the graphs read
    (their union), in term order (no order is needed: the rows are grouped)."""
    import pyoxigraph as ox

    from exokg.query._worker import encode_term
    from exokg.query.answers import _order_bytes

    link = ox.NamedNode(_RDF + "predicate")
    found: dict[Term, None] = {}
    for node in [ox.NamedNode(p) for p in predicates]:
        for graph in facts.graphs:
            for quad in facts.store.quads_for_pattern(None, link, node, graph):
                found[encode_term(quad.subject)] = None  # type: ignore[index]
    return sorted(found, key=_order_bytes)


def _about(facts: _Facts, subjects: Iterable[Term]) -> list[Term]:
    """Every node with one of ``subjects`` as its ``rdf:subject`` in the graphs read, in
    term order: the statements a query about those subjects can read (one index look-up
    each, rather than every statement read and tested)."""
    import pyoxigraph as ox

    from exokg.query._worker import decode_term, encode_term
    from exokg.query.answers import _order_bytes

    link = ox.NamedNode(_RDF + "subject")
    found: dict[Term, None] = {}
    for subject in subjects:
        if subject[0] == TRIPLE:
            continue
        node = decode_term(subject)
        for graph in facts.graphs:
            for quad in facts.store.quads_for_pattern(None, link, node, graph):
                found[encode_term(quad.subject)] = None  # type: ignore[index]
    return sorted(found, key=_order_bytes)


def _subjects(facts: _Facts, predicate: str, objects: Iterable[Term | None]) -> set[Term]:
    """The subjects of ``predicate`` with one of ``objects`` (None: any) in the graphs
    read."""
    import pyoxigraph as ox

    from exokg.query._worker import decode_term, encode_term

    link = ox.NamedNode(predicate)
    found: set[Term] = set()
    for value in objects:
        node = None if value is None else decode_term(value)
        for graph in facts.graphs:
            found.update(encode_term(q.subject)  # type: ignore[misc]
                         for q in facts.store.quads_for_pattern(None, link, node, graph))
    return found


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
        facts.load(group, _OUTCOMES_PREDICATES, only=True, table="st")
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
#: what the kept queries read of a statement (every triple of it from the rows file)
_STATEMENT_READS = (
    _RDF + "subject", _RDF + "predicate", _RDF + "object", _EXO + "negated", _EXO + "hedged",
    _EXO + "direction", _BIOLINK + "has_evidence")
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
    # group key -> (up, down, up_by, down_by, up_engineering, down_engineering, linked):
    # ordered sets; a list's unbound value is "" (COALESCE)
    groups: dict[tuple[Term | None, ...], tuple[dict[Any, None], ...]] = {}
    statements = _about(facts, _subjects(facts, _RDF + "type", preparation_classes))
    for first in range(0, len(statements), _GROUP):
        group = statements[first:first + _GROUP]
        _load(facts, group, _OPPOSITE_PREDICATES, typed=(_RDF + "subject",),
              own=(_EXO + "sourceCell", _EXO + "cargo", _EXO + "engineering"),
              labelled=(_RDF + "object",))
        for statement in group:
            directions = facts.values(_EXO + "direction", statement)
            if not directions or _FALSE not in facts.values(_EXO + "negated", statement):
                continue
            linked = bool(facts.values(_EXO + "contradicts", statement))
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
                for outcome, predicate, family, (cargo, cargo_label) in itertools.product(
                        facts.values(_RDF + "object", statement),
                        facts.values(_RDF + "predicate", statement), families, cargos):
                    for outcome_label, family_label in itertools.product(
                            facts.optional(_LABEL, outcome), facts.optional(_LABEL, family)):
                        key = (outcome, outcome_label, predicate, family, family_label,
                               cargo, cargo_label)
                        entry = groups.get(key)
                        if entry is None:
                            entry = groups[key] = ({}, {}, {}, {}, {}, {}, {})
                        _add_opposite(entry, statement, directions, linked, labels,
                                      engineering)
    found = [key for key, entry in groups.items() if entry[0] and entry[1]]  # HAVING
    found.sort(key=lambda k: _sort_key(k[1], k[4], k[6], k[0], k[2], k[3], k[5]))
    # the sentences, of the groups kept only: in a group with claims both ways, every
    # side's MAX also meets the other side's unbound sentence (""), the least string
    texts = _last_sentences(facts, {s: None for key in found for side in groups[key][:2]
                                    for s in side})
    for key in found:
        up, down, up_by, down_by, up_eng, down_eng, linked = groups[key]
        yield [*key, _count(len(up)), _count(len(down)), _semi(list(up_by)),
               _semi(list(down_by)), _semi(list(up_eng)), _semi(list(down_eng)),
               _count(len(linked)), _max({_EMPTY: None, **{texts[s]: None for s in up}}),
               _max({_EMPTY: None, **{texts[s]: None for s in down}})]


def _last_sentences(facts: _Facts, statements: dict[Term, None]) -> dict[Term, Term]:
    """Statement -> ``MAX(COALESCE(?text, ""))`` of its evidence sentences."""
    from exokg.query.answers import _GROUP

    found: dict[Term, Term] = {}
    listed = list(statements)
    for first in range(0, len(listed), _GROUP):
        group = listed[first:first + _GROUP]
        facts.load(group, (_BIOLINK + "has_evidence",), only=True, table="st")
        facts.load({e: None for s in group for e in facts.values(_BIOLINK + "has_evidence", s)},
                   (_EXO + "sentenceText",), only=True, table="ev")
        for statement in group:
            found[statement] = _sentence(_evidence_rows(facts, statement, ("sentenceText",)))
    return found


def _add_opposite(entry: tuple[dict[Any, None], ...], statement: Term,
                  directions: list[Term], linked: bool, labels: list[Term],
                  engineering: list[Term]) -> None:
    """The solutions of one statement and preparation in one group: per direction, the
    ``IF(?direction = "increased", ..., ?none)`` columns (unbound, so "" in the lists,
    unless the direction is that one)."""
    up, down, up_by, down_by, up_eng, down_eng, linked_set = entry
    for direction in directions:
        if direction == _INCREASED:
            up[statement] = None
            up_by.update(dict.fromkeys(labels))
            up_eng.update(dict.fromkeys(engineering))
            down_by[_EMPTY] = down_eng[_EMPTY] = None
        elif direction == _DECREASED:
            down[statement] = None
            down_by.update(dict.fromkeys(labels))
            down_eng.update(dict.fromkeys(engineering))
            up_by[_EMPTY] = up_eng[_EMPTY] = None
        else:
            up_by[_EMPTY] = up_eng[_EMPTY] = down_by[_EMPTY] = down_eng[_EMPTY] = None
    if linked:
        linked_set[statement] = None


def _facet_rows(facts: _Facts, node: Term, facets: tuple[str, ...]
                ) -> list[tuple[str | None, Term | None]]:
    """The solutions of ``OPTIONAL { { ?node exo:f1 ?fv BIND("f1" AS ?facet) } UNION ...
    OPTIONAL { ?fv rdfs:label ?fl } }`` with ``BIND(COALESCE(?fl, STR(?fv)) AS ?value)``:
    (facet, value); one (None, None) when the node has none of them."""
    from exokg.query.answers import _coalesce, _str

    return [(facet, _coalesce(label, _str(value))) for facet in facets
            for value in facts.values(_EXO + facet, node)
            for label in facts.optional(_LABEL, value)] or [(None, None)]


def _evidence_rows(facts: _Facts, statement: Term, facets: tuple[str, ...]
                   ) -> list[tuple[str | None, Term | None]]:
    """The solutions of ``OPTIONAL { ?statement biolink:has_evidence ?e OPTIONAL { { ?e
    exo:f1 ?ev BIND("f1" AS ?ev_facet) } UNION ... } }``: (facet, value), (None, None)
    where an evidence node has none, or the statement no evidence."""
    found: list[tuple[str | None, Term | None]] = []
    for evidence in facts.optional(_BIOLINK + "has_evidence", statement):
        found += [(facet, value) for facet in facets
                  for value in facts.values(_EXO + facet, evidence)] or [(None, None)]
    return found


def _facet_list(rows: list[tuple[str | None, Term | None]], facet: str) -> Term | None:
    """A list column of the rows of one facet (``IF(?facet = "f", ?value, ?none)``)."""
    return _semi([value if f == facet else None for f, value in rows])


def _sentence(rows: list[tuple[str | None, Term | None]]) -> Term:
    """``MAX(COALESCE(?text, ""))`` of the evidence rows' sentences."""
    return _max(dict.fromkeys(value if f == "sentenceText" and value is not None else _EMPTY
                              for f, value in rows))


def _load(facts: _Facts, group: list[Term], predicates: tuple[str, ...], *,
          typed: tuple[str, ...] = (), own: tuple[str, ...] = (),
          labelled: tuple[str, ...] = (), evidence: tuple[str, ...] = ()) -> None:
    """Read what a group of statements' rows read: the statements' triples (the rows
    file's ``st``); of the values of their ``typed`` predicates, ``rdf:type`` and the
    ``own`` predicates (the store); the labels of the values of their ``labelled``
    predicates and of those read ``own`` (the rows file's ``ev``); the ``evidence``
    predicates of their evidence nodes (``ev``)."""
    facts.load(group, predicates, only=True, table="st")
    nodes = {v: None for s in group for p in typed for v in facts.values(p, s)}
    facts.load(nodes, (_RDF + "type", *own), only=True)
    named = {v: None for s in group for p in labelled for v in facts.values(p, s)}
    named.update({v: None for n in nodes for p in own for v in facts.values(p, n)})
    named.update(nodes)
    facts.load(named, (_LABEL,), only=True, table="ev")
    if evidence:
        facts.load({e: None for s in group
                    for e in facts.values(_BIOLINK + "has_evidence", s)},
                   tuple(_EXO + p for p in evidence), only=True, table="ev")


_PREPARATION_EFFECTS = frozenset((URI, _BIOLINK + p) for p in (
    "affects", "beneficial_in_models_for", "in_clinical_trials_for"))
_PREPARATION_FACETS = ("species", "model", "route")


def _mirna_preparations(facts: _Facts) -> Iterator[list[Term | None]]:
    """mirna-preparations, unbound: per claim (not negated; an effect, a benefit or a
    trial) about a labelled preparation whose cargo is a labelled miRNA, one row per
    combination of the group keys, its species, model and route listed."""
    from exokg.query.answers import _GROUP, _sort_key

    mirna_classes = _classes(facts, _EXO + "MicroRNA")
    rows: dict[tuple[Term | None, ...], list[Term | None]] = {}
    statements = _about(facts, _subjects(facts, _EXO + "cargo", [None]))
    for first in range(0, len(statements), _GROUP):
        group = statements[first:first + _GROUP]
        _load(facts, group, _STATEMENT_READS, typed=(_RDF + "subject",),
              own=(_EXO + "cargo", _EXO + "sourceCell", _EXO + "engineering"),
              labelled=(_RDF + "object", *(_EXO + f for f in _PREPARATION_FACETS)),
              evidence=("sentenceText",))
        mirnas = {v: None for s in group for p in facts.values(_RDF + "subject", s)
                  for v in facts.values(_EXO + "cargo", p)}
        facts.load(mirnas, (_RDF + "type",), only=True)
        facts.load(mirnas, (_LABEL,), only=True, table="ev")
        for statement in group:
            hedged_values = _unnegated_hedges(facts, statement)
            if not hedged_values:
                continue
            predicates = [p for p in facts.values(_RDF + "predicate", statement)
                          if p in _PREPARATION_EFFECTS]
            if not predicates:
                continue
            facets = _facet_rows(facts, statement, _PREPARATION_FACETS)
            lists = [_facet_list(facets, f) for f in _PREPARATION_FACETS]
            sentence = _sentence(_evidence_rows(facts, statement, ("sentenceText",)))
            for preparation in facts.values(_RDF + "subject", statement):
                preparation_labels = facts.values(_LABEL, preparation)
                mirnas_found = [(m, label) for m in facts.values(_EXO + "cargo", preparation)
                                if not mirna_classes.isdisjoint(facts.values(_RDF + "type", m))
                                for label in facts.values(_LABEL, m)]
                if not preparation_labels or not mirnas_found:
                    continue
                cells = _pairs(facts, _EXO + "sourceCell", preparation)
                for key in itertools.product(
                        mirnas_found, facts.optional(_EXO + "engineering", preparation),
                        [preparation], preparation_labels, cells, predicates,
                        facts.values(_RDF + "object", statement)):
                    (mirna, mirna_label), engineering, _, preparation_label, \
                        (cell, cell_label), predicate, outcome = key
                    for outcome_label, direction, hedged in itertools.product(
                            facts.optional(_LABEL, outcome),
                            facts.optional(_EXO + "direction", statement), hedged_values):
                        row = (mirna, mirna_label, engineering, preparation,
                               preparation_label, cell, cell_label, predicate, outcome,
                               outcome_label, direction, hedged, statement)
                        if row not in rows:
                            rows[row] = [*row[:-1], *lists, statement, sentence]
    order = sorted(rows, key=lambda r: _sort_key(
        r[1], r[4], r[9], r[0], r[3], r[7], r[8], r[12], r[2], r[5], r[6], r[10], r[11]))
    for row in order:
        yield rows.pop(row)


_RELATIONS = {(URI, _BIOLINK + p): (STRING, relation) for p, relation in (
    ("associated_with", "level associated with"), ("biomarker_for", "biomarker for"),
    ("correlated_with", "correlated with"),
    ("positively_correlated_with", "positively correlated with"),
    ("negatively_correlated_with", "negatively correlated with"))}
_BIOMARKER_FACETS = ("location", "statistics", "population", "comparator", "species")
_EXOSOMAL = ("http://purl.obolibrary.org/obo/GO_0070062",
             "http://purl.obolibrary.org/obo/GO_1903561")


def _exosomal(facts: _Facts) -> frozenset[Term]:
    """The nodes ``?m`` with ``?m ^rdf:subject/exo:location`` an exosome or an
    extracellular vesicle (GO), in the graphs read."""
    from exokg.query._worker import encode_term

    text = ("SELECT DISTINCT ?m WHERE { VALUES ?l { %s } ?s <%s> ?l . ?s <%s> ?m }" % (
        " ".join(f"<{iri}>" for iri in _EXOSOMAL), _EXO + "location", _RDF + "subject"))
    graphs = facts.graphs if len(facts.graphs) > 1 else None
    return frozenset(encode_term(s["m"]) for s in  # type: ignore[union-attr, index]
                     facts.store.query(text, default_graph=graphs))


def _mirna_biomarkers(facts: _Facts) -> Iterator[list[Term | None]]:
    """mirna-biomarkers, unbound: per biomarker-type claim (not negated) about a labelled
    miRNA measured in exosomes or vesicles by some claim, one row per combination of the
    group keys, its contexts, sentence and citation markers listed."""
    from exokg.query.answers import _GROUP, _bar_list, _coalesce, _sort_key, _str

    mirna_classes = _classes(facts, _EXO + "MicroRNA")
    exosomal = _exosomal(facts)
    rows: dict[tuple[Term | None, ...], list[Term | None]] = {}
    statements = _with_predicate(facts, tuple(p for _, p in _RELATIONS))
    for first in range(0, len(statements), _GROUP):
        group = statements[first:first + _GROUP]
        _load(facts, group, _STATEMENT_READS, typed=(_RDF + "subject",),
              labelled=(_RDF + "object", *(_EXO + f for f in _BIOMARKER_FACETS)),
              evidence=("sentenceText", "citationMarker"))
        for statement in group:
            hedged_values = _unnegated_hedges(facts, statement)
            if not hedged_values:
                continue
            predicates = [p for p in facts.values(_RDF + "predicate", statement)
                          if p in _RELATIONS]
            mirnas = [(m, label) for m in facts.values(_RDF + "subject", statement)
                      if m in exosomal and
                      not mirna_classes.isdisjoint(facts.values(_RDF + "type", m))
                      for label in facts.values(_LABEL, m)]
            if not predicates or not mirnas:
                continue
            facets = _facet_rows(facts, statement, _BIOMARKER_FACETS)
            lists = [_facet_list(facets, f) for f in _BIOMARKER_FACETS]
            evidence = _evidence_rows(facts, statement, ("sentenceText", "citationMarker"))
            sentence = _sentence(evidence)
            citations = _bar_list([v if f == "citationMarker" else None
                                   for f, v in evidence])
            for (mirna, mirna_label), predicate, target, direction, hedged in \
                    itertools.product(mirnas, predicates,
                                      facts.values(_RDF + "object", statement),
                                      facts.optional(_EXO + "direction", statement),
                                      hedged_values):
                for target_name in facts.optional(_LABEL, target):
                    row = (mirna, mirna_label, _RELATIONS[predicate], predicate, target,
                           _coalesce(target_name, _str(target)), direction, hedged,
                           statement)
                    if row not in rows:
                        rows[row] = [*row[:-1], *lists, statement, sentence, citations]
    order = sorted(rows, key=lambda r: _sort_key(
        r[1], r[2], r[5], r[0], r[3], r[4], r[8], r[6], r[7]))
    for row in order:
        yield rows.pop(row)


#: a maker: the query's result columns, in order, and its rows from the nodes' values
KeptMaker = tuple[tuple[str, ...], Callable[["_Facts"], Iterator[list[Any]]]]

#: kept query -> (the digest of the text its maker was written for, the maker)
MADE: dict[str, tuple[str, KeptMaker]] = {
    "mirna-preparations": ("8dd84bdf3449bf2523efdfa32d323525", (
        ("mirna", "mirna_label", "engineering", "preparation", "preparation_label",
         "source_cell", "source_cell_label", "predicate", "outcome", "outcome_label",
         "direction", "hedged", "species", "model", "route", "statement", "sentence"),
        _mirna_preparations)),
    "mirna-biomarkers": ("3c5450d8d6c15b0d110694df07bc61af", (
        ("mirna", "mirna_label", "relation", "predicate", "target", "target_label",
         "direction", "hedged", "measured_in", "statistics", "population", "comparator",
         "species", "statement", "sentence", "citations"),
        _mirna_biomarkers)),
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


def _unnegated_hedges(facts: _Facts, statement: Term) -> list[Term]:
    """The statement's ``exo:hedged`` values when it has one and an ``exo:negated false``
    (both kept queries' pattern for a claim they list), else an empty list."""
    hedged_values = facts.values(_EXO + "hedged", statement)
    if not hedged_values or _FALSE not in facts.values(_EXO + "negated", statement):
        return []
    return hedged_values
