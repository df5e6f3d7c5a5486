"""SHACL validation as SPARQL over an Oxigraph store: the shapes of ``ontology/shapes.ttl``
checked without loading the graph into rdflib.

:func:`exokg.validate.validate_graph` runs pyshacl, which walks an in-memory rdflib Graph
node by node: fine for a few thousand abstracts, too slow and too large beyond (25 s and
710 MB at 5,000). :func:`validate_store` checks the same shapes on a (read-only)
``pyoxigraph.Store`` by compiling each SHACL Core constraint into one SPARQL query over all
of its focus nodes at once, and returns the same :class:`~exokg.validate.ValidationReport`
(severity, focus node, path, value, message, shape, component), so that the two paths
report the same violations for the same graph (``tests/test_validate_store.py`` checks
every constraint of the packaged shapes that way).

Supported (everything exokg's shapes use; anything else in a shapes graph raises
:class:`~exokg.errors.ValidationError` rather than being skipped):

* targets: ``sh:targetClass`` (with ``rdfs:subClassOf*`` in the data), ``sh:targetNode``,
  ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``;
* node shapes with ``sh:property`` shapes whose ``sh:path`` is a single predicate IRI;
* ``sh:minCount``, ``sh:maxCount``, ``sh:datatype``, ``sh:nodeKind``, ``sh:class``,
  ``sh:in``, ``sh:minLength``, ``sh:maxLength``, ``sh:pattern`` (with ``sh:flags``),
  ``sh:minInclusive``, ``sh:maxInclusive``, ``sh:minExclusive``, ``sh:maxExclusive``,
  ``sh:lessThan``, ``sh:lessThanOrEquals``, on property shapes or (value-node checks) on
  node shapes; ``sh:severity``, ``sh:message``, ``sh:deactivated``;
* SHACL-SPARQL constraints, run as :mod:`exokg.validate` runs them.

Messages are the shape's ``sh:message``; a constraint of a shape without one gets a short
message naming the component (pyshacl words its own defaults differently; every shape of
exokg has a message). Literal well-formedness follows rdflib's: a literal of a numeric,
boolean or date type whose text is not of that type's lexical form fails ``sh:datatype``.

The graph validated is the store's default graph, or, when the store also holds data in
named graphs, the union of the default graph and every named graph except the ontology's
(``https://w3id.org/exokg/graph/ontology/...``, ``.../id/graph/ontology``): the same triples
``exokg validate`` reads from an export.

>>> import pyoxigraph
>>> validate_store(pyoxigraph.Store()).conforms
True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import BNode, Node

from exokg.errors import ValidationError
from exokg.validate import (_SEVERITY, _SEVERITY_ORDER, ValidationReport, ValidationResult,
                            _short, _split_sparql, _target_patterns, has_focus,
                            run_sparql_checks)

if TYPE_CHECKING:
    import pyoxigraph

    from exokg.validate_records import UsedTerms

__all__ = ["compile_shapes", "data_graphs", "validate_store"]

#: shape predicates that describe rather than constrain
_METADATA = {SH.name, SH.description, SH.order, SH.group, SH.defaultValue, RDFS.label,
             RDFS.comment, RDF.type, SH.message, SH.severity, SH.deactivated, SH.path,
             SH.flags, SH.property, SH.sparql, SH.targetClass, SH.targetNode,
             SH.targetSubjectsOf, SH.targetObjectsOf}
#: constraint parameter -> (component name as pyshacl reports it, reports a value node)
_COMPONENTS = {
    SH.minCount: "MinCount", SH.maxCount: "MaxCount", SH.datatype: "Datatype",
    SH.nodeKind: "NodeKind", SH["class"]: "Class", SH["in"]: "In",
    SH.minLength: "MinLength", SH.maxLength: "MaxLength", SH.pattern: "Pattern",
    SH.minInclusive: "MinInclusive", SH.maxInclusive: "MaxInclusive",
    SH.minExclusive: "MinExclusive", SH.maxExclusive: "MaxExclusive",
    SH.lessThan: "LessThan", SH.lessThanOrEquals: "LessThanOrEquals",
}
_NODE_KINDS = {
    SH.IRI: "isIRI(?value)", SH.BlankNode: "isBlank(?value)", SH.Literal: "isLiteral(?value)",
    SH.IRIOrLiteral: "(isIRI(?value) || isLiteral(?value))",
    SH.BlankNodeOrIRI: "(isBlank(?value) || isIRI(?value))",
    SH.BlankNodeOrLiteral: "(isBlank(?value) || isLiteral(?value))",
}
#: lexical forms of the datatypes rdflib checks (a literal of another form is ill-typed)
_LEXICAL = {
    XSD.integer: "^[+-]?[0-9]+$", XSD.boolean: "^(true|false|1|0)$",
    XSD.decimal: "^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$",
    XSD.gYear: "^-?[0-9]{4,}(Z|[+-][0-9]{2}:[0-9]{2})?$",
    XSD.date: "^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?$",
}
_COMPARISONS = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">",
                SH.maxExclusive: "<"}
_PAIRS = {SH.lessThan: "<", SH.lessThanOrEquals: "<="}


@dataclass(frozen=True)
class Check:
    """One compiled constraint: a SELECT whose rows (``?this``, and ``?value`` when the
    component reports one) are its violations, and what each row is reported as."""

    query: str
    severity: str
    shape: str
    component: str
    path: str
    message: str
    has_value: bool
    #: the shape's focus nodes as a SPARQL group pattern binding ``?this`` (a shape with
    #: none is not queried)
    targets: str = ""


def _sparql_term(node: Node) -> str:
    if isinstance(node, BNode):
        raise ValidationError(f"a blank node ({node.n3()}) as a constraint value is not "
                              f"supported by the SPARQL validator")
    return node.n3()


def _one(shapes: Graph, shape: Node, parameter: URIRef) -> Node:
    values = list(shapes.objects(shape, parameter))
    if len(values) != 1:
        raise ValidationError(f"shape {_short(shape)}: expected one {_short(parameter)}, "
                              f"found {len(values)}")
    return values[0]


def _message(shapes: Graph, shape: Node, parameter: URIRef) -> str:
    """The shape's ``sh:message``; without one, pyshacl's wording for a node kind (the one
    default exokg's shapes rely on) or a short one naming the component."""
    messages = sorted(str(m) for m in shapes.objects(shape, SH.message))
    if messages:
        return messages[0]
    if parameter == SH.nodeKind:
        return f"Value is not of Node Kind {_short(shapes.value(shape, SH.nodeKind))}"
    return f"{_COMPONENTS[parameter]} constraint not met"


def _severity(shapes: Graph, shape: Node) -> str:
    return _SEVERITY.get(shapes.value(shape, SH.severity), "violation")  # type: ignore[arg-type]


def _deactivated(shapes: Graph, shape: Node) -> bool:
    return (shape, SH.deactivated, Literal(True)) in shapes


def _unsupported(shapes: Graph, shape: Node) -> None:
    for parameter in sorted(set(shapes.predicates(shape, None)), key=str):
        if parameter not in _METADATA and parameter not in _COMPONENTS:
            raise ValidationError(f"shape {_short(shape)}: {_short(parameter)} is not "
                                  f"supported by the SPARQL validator (exokg.validate_store)")


def _value_check(shapes: Graph, shape: Node, parameter: URIRef) -> str | None:
    """A SPARQL expression true when ``?value`` violates one value-node constraint, or
    None for constraints that are not per value (counts, pairs)."""
    value = _one(shapes, shape, parameter)
    if parameter == SH.datatype:
        checks = [f"isLiteral(?value) && DATATYPE(?value) = {_sparql_term(value)}"]
        if value in _LEXICAL:
            checks.append(f'REGEX(STR(?value), "{_LEXICAL[value]}")')  # type: ignore[index]
        return "!(" + " && ".join(checks) + ")"
    if parameter == SH.nodeKind:
        if value not in _NODE_KINDS:
            raise ValidationError(f"shape {_short(shape)}: unknown sh:nodeKind {value.n3()}")
        return f"!{_NODE_KINDS[value]}"  # type: ignore[index]
    if parameter == SH["in"]:
        members = list(Collection(shapes, value))  # type: ignore[arg-type]
        return "!(" + (" || ".join(f"sameTerm(?value, {_sparql_term(m)})" for m in members)
                       or "false") + ")"
    if parameter in (SH.minLength, SH.maxLength):
        op = "<" if parameter == SH.minLength else ">"
        limit = int(value)  # type: ignore[call-overload]
        return f"(isBlank(?value) || STRLEN(STR(?value)) {op} {limit})"
    if parameter == SH.pattern:
        flags = shapes.value(shape, SH.flags)
        extra = f", {Literal(str(flags)).n3()}" if flags is not None else ""
        return (f"(isBlank(?value) || !REGEX(STR(?value), "
                f"{Literal(str(value)).n3()}{extra}))")
    if parameter in _COMPARISONS:
        return f"!COALESCE(?value {_COMPARISONS[parameter]} {_sparql_term(value)}, false)"
    return None


def _focus(targets: str) -> str:
    return f"{{ SELECT DISTINCT ?this WHERE {{ {targets} }} }}"


def _checks_of(shapes: Graph, node_shape: Node, shape: Node, targets: str,
               one_graph: bool = False) -> Iterator[Check]:
    """The compiled constraints of one shape (the node shape itself or one of its
    property shapes); ``one_graph``: see :func:`compile_shapes`."""
    _unsupported(shapes, shape)
    path_node = shapes.value(shape, SH.path)
    if path_node is not None and not isinstance(path_node, URIRef):
        raise ValidationError(f"shape {_short(node_shape)}: only predicate paths are "
                              f"supported by the SPARQL validator")
    severity = _severity(shapes, shape) if path_node is not None else \
        _severity(shapes, node_shape)
    path = _short(path_node) if path_node is not None else ""
    values = f"?this {path_node.n3()} ?value ." if path_node is not None else \
        "BIND(?this AS ?value)"
    owner = _short(node_shape)
    if owner.startswith("_:"):
        owner = "(anonymous shape)"
    for parameter in sorted(set(shapes.predicates(shape, None)) & set(_COMPONENTS), key=str):
        component = _COMPONENTS[parameter]
        message = _message(shapes, shape, parameter)
        if parameter == SH["class"]:
            # MINUS, not FILTER NOT EXISTS: Oxigraph finds the class's instances once and
            # subtracts them, instead of walking the path once per value (8x at 10k)
            cls = _sparql_term(_one(shapes, shape, parameter))
            query = (f"SELECT DISTINCT ?this ?value WHERE {{ {_focus(targets)} {values} "
                     f"MINUS {{ ?value <{RDF.type}>/<{RDFS.subClassOf}>* {cls} }} }}")
            yield Check(query, severity, owner, component, path, message, True, targets)
            continue
        expression = _value_check(shapes, shape, parameter)
        if expression is not None:
            query = (f"SELECT DISTINCT ?this ?value WHERE {{ {_focus(targets)} {values} "
                     f"FILTER(COALESCE({expression}, true)) }}")
            yield Check(query, severity, owner, component, path, message, True, targets)
            continue
        if path_node is None:
            raise ValidationError(f"shape {owner}: sh:{component[0].lower()}{component[1:]}"
                                  f" needs a property shape")
        if parameter in (SH.minCount, SH.maxCount):
            limit = int(_one(shapes, shape, parameter))  # type: ignore[call-overload]
            if parameter == SH.minCount and limit == 1:
                # the focus nodes minus the subjects of the path: one scan of the
                # predicate, not one lookup per focus node (3x at 10k)
                query = (f"SELECT ?this WHERE {{ {_focus(targets)} MINUS "
                         f"{{ ?this {path_node.n3()} ?value }} }}")
            else:
                op = "<" if parameter == SH.minCount else ">"
                optional = "OPTIONAL " if parameter == SH.minCount else ""
                # in one graph each (focus, value) pair is one triple, so the rows of
                # sh:maxCount are its distinct values (not so for OPTIONAL's unbound
                # row, nor in a union of graphs, which can hold a triple twice)
                counted = "*" if one_graph and parameter == SH.maxCount else \
                    "DISTINCT ?value"
                query = (f"SELECT ?this WHERE {{ {_focus(targets)} {optional}{{ {values} }} }}"
                         f" GROUP BY ?this HAVING (COUNT({counted}) {op} {limit})")
            yield Check(query, severity, owner, component, path, message, False, targets)
        elif parameter in _PAIRS:
            other = _one(shapes, shape, parameter)
            # one result per pair of values, as SHACL (and pyshacl) report them
            query = (f"SELECT DISTINCT ?this ?value ?other WHERE {{ {_focus(targets)} "
                     f"{values} ?this {_sparql_term(other)} ?other . "
                     f"FILTER(!COALESCE(?value {_PAIRS[parameter]} ?other, false)) }}")
            yield Check(query, severity, owner, component, path, message, True, targets)


def compile_shapes(shapes: Graph, *, one_graph: bool = False) -> list[Check]:
    """Every SHACL Core constraint of ``shapes`` as a SPARQL check (SHACL-SPARQL
    constraints are not included: :func:`validate_store` runs them as
    :mod:`exokg.validate` does). ``one_graph``: the checks will read a single graph (the
    store's default graph alone, :func:`data_graphs` None), where ``sh:maxCount`` counts
    its rows (``COUNT(*)``; round 3 measured about 10% less on those queries) instead of its
    distinct values: the same counts there, not in a union of graphs.

    Raises:
        ValidationError: the shapes use something this validator does not support.
    """
    checks = []
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape)) | \
        {s for p in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
         for s in shapes.subjects(p, None)}
    for node_shape in sorted(node_shapes, key=str):
        if _deactivated(shapes, node_shape):
            continue
        patterns = _target_patterns(shapes, node_shape)
        if not patterns:
            continue
        targets = " UNION ".join(f"{{ {p} }}" for p in patterns)
        checks.extend(_checks_of(shapes, node_shape, node_shape, targets, one_graph))
        for prop in sorted(shapes.objects(node_shape, SH.property), key=str):
            if not _deactivated(shapes, prop):
                checks.extend(_checks_of(shapes, node_shape, prop, targets, one_graph))
    return checks


def data_graphs(store: pyoxigraph.Store) -> list[object] | None:
    """The graphs :func:`validate_store` reads: None for the default graph alone, else the
    default graph and every named graph that is not an ontology graph."""
    import pyoxigraph

    from exokg.export.quads import ONTOLOGY_GRAPH
    from exokg.query.stores import ONTOLOGY_GRAPH_PREFIX

    named = sorted((g for g in store.named_graphs()
                    if not (isinstance(g, pyoxigraph.NamedNode) and
                            (g.value.startswith(ONTOLOGY_GRAPH_PREFIX) or
                             g.value == str(ONTOLOGY_GRAPH)))), key=str)
    return [pyoxigraph.DefaultGraph(), *named] if named else None


def _term(term: object) -> Node:
    from exokg.export.reader import rdflib_term

    return rdflib_term(term)


def _run(store: pyoxigraph.Store, checks: Iterable[Check], graphs: list[object] | None,
         known: dict[str, bool] | None = None) -> list[ValidationResult]:
    """The results of the compiled ``checks``; the checks of a shape without focus nodes
    are not run (``known``: :func:`exokg.validate.has_focus`'s cache)."""
    known = {} if known is None else known
    out = []
    for check in checks:
        if check.targets and not has_focus(store, check.targets, graphs, known):
            continue
        solutions = store.query(check.query, default_graph=graphs) if graphs else \
            store.query(check.query)
        for solution in solutions:  # type: ignore[union-attr]
            value = _short(_term(solution["value"])) if check.has_value else ""
            out.append(ValidationResult(
                severity=check.severity,
                kind=" ".join(x for x in (check.shape, check.component, check.path) if x),
                focus=_short(_term(solution["this"])), path=check.path,
                message=check.message, shape=check.shape, component=check.component,
                value=value))
    return out


def validate_store(store: pyoxigraph.Store, shapes: Graph | None = None, *,
                   used: UsedTerms | None = None) -> ValidationReport:
    """Validate the graph in ``store`` (see the module docstring for which graphs) against
    ``shapes`` (default: the packaged ``ontology/shapes.ttl``) by SPARQL; the store is only
    read.

    ``used``: the predicates and classes the store loader wrote (only for a store that
    holds nothing else, as a build's new generation): SHACL-SPARQL constraints they rule
    out are not queried (:mod:`exokg.validate_records`; the report is the same).

    Returns the :class:`~exokg.validate.ValidationReport` pyshacl's path would give:
    ``conforms`` is False when there is any violation; ``triples`` counts the data
    triples read.

    Raises:
        ValidationError: the shapes use a construct this validator does not support.
    """
    from exokg.export.resources import load_shapes

    shapes_graph = shapes if shapes is not None else load_shapes()
    graphs = data_graphs(store)
    known: dict[str, bool] = {}  # whether each set of targets has a focus node
    results = _run(store, compile_shapes(shapes_graph, one_graph=graphs is None), graphs,
                   known)
    _, sparql_checks = _split_sparql(shapes_graph)
    results += run_sparql_checks(store, sparql_checks, shapes_graph, graphs, known, used)
    results = sorted(results, key=lambda r: (_SEVERITY_ORDER[r.severity], r.kind,
                                                  r.focus, r.path, r.value, r.message))
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    rows = store.query(count, default_graph=graphs) if graphs else store.query(count)
    triples = int(next(iter(rows))["n"].value)  # type: ignore[call-overload, index]
    conforms = not any(r.severity == "violation" for r in results)
    return ValidationReport(conforms, tuple(results), triples)
