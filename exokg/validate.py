"""SHACL validation of exokg graphs against ``ontology/shapes.ttl``.

The data graph is validated as produced: pyshacl with ``inference="none"`` (inference can hide
violations) and ``do_owl_imports=False`` (imports fetch URLs). Violations make a graph
non-conforming; warnings and infos are reported but do not.

SHACL-SPARQL constraints (``sh:sparql`` on node shapes) are run by Oxigraph rather than by
pyshacl: pyshacl runs each query once per focus node through rdflib (about 10 ms each, so
minutes for a large corpus), while here each query runs once over the whole graph, joined with
the shape's focus nodes (``sh:targetClass`` with subclasses, ``sh:targetNode``,
``sh:targetSubjectsOf``, ``sh:targetObjectsOf``) inside the query's WHERE group. This gives
the same results as pre-binding ``$this`` as long as ``$this`` is not used inside a nested
subquery or MINUS (exokg's shapes keep to that); ``{?var}`` / ``{$var}`` in ``sh:message``
are filled from the solution.

:func:`validate_graph` returns a :class:`ValidationReport`; :meth:`ValidationReport.format`
renders it for people (counts per kind, then each result with focus node, path, shape and
message); :func:`require_valid` raises :class:`~exokg.errors.ValidationError` with that
report, which is how every build refuses to publish an invalid graph.

>>> from rdflib import Graph
>>> report = validate_graph(Graph())
>>> report.conforms, report.counts()
(True, {})
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from exokg.errors import IdentifierError, ValidationError
from exokg.export.resources import load_shapes
from exokg.ids import compress

if TYPE_CHECKING:
    from exokg.validate_records import UsedTerms

__all__ = ["ValidationReport", "ValidationResult", "require_valid", "validate_graph",
           "validate_path"]

_SEVERITY = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}
_SEVERITY_ORDER = {"violation": 0, "warning": 1, "info": 2}


def _short(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        text = str(term)
        if text.startswith(str(SH)):
            return "sh:" + text[len(str(SH)):]
        try:
            return compress(text)
        except IdentifierError:
            return f"<{text}>"
    return str(term) if not hasattr(term, "n3") else term.n3()


@dataclass(frozen=True, order=True)
class ValidationResult:
    """One SHACL result, with terms as CURIEs (or ``<IRI>`` / N3 text)."""

    severity: str
    kind: str
    focus: str
    path: str
    message: str
    shape: str
    component: str
    value: str = ""


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of validating a graph: ``conforms`` and the sorted results."""

    conforms: bool
    results: tuple[ValidationResult, ...] = field(default_factory=tuple)
    triples: int = 0

    def counts(self) -> dict[str, int]:
        """Number of results per kind (shape, constraint and path), most frequent first."""
        counted = Counter(r.kind for r in self.results)
        return dict(sorted(counted.items(), key=lambda kv: (-kv[1], kv[0])))

    def severities(self) -> dict[str, int]:
        """Number of results per severity."""
        counted = Counter(r.severity for r in self.results)
        return {s: counted[s] for s in _SEVERITY_ORDER if counted[s]}

    def summary(self) -> str:
        """One line: conforms or not, with counts per severity."""
        sev = self.severities()
        counts = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in sev.items())
        verdict = "conforms" if self.conforms else "does NOT conform"
        return f"the graph ({self.triples} triples) {verdict} to the SHACL shapes" + \
            (f" ({counts})" if counts else "")

    def format(self, limit: int | None = 50) -> str:
        """The report for people: summary, counts per kind, then each result (the first
        ``limit`` of them; None for all)."""
        lines = [self.summary()]
        if not self.results:
            return "\n".join(lines)
        lines.append("")
        lines.append("results per kind:")
        lines += [f"  {n:5d}  {kind}" for kind, n in self.counts().items()]
        lines.append("")
        shown = self.results if limit is None else self.results[:limit]
        for i, r in enumerate(shown, start=1):
            lines.append(f"[{i}] {r.severity}: {r.message}")
            lines.append(f"    focus node: {r.focus}")
            if r.path:
                lines.append(f"    path:       {r.path}")
            if r.value:
                lines.append(f"    value:      {r.value}")
            lines.append(f"    shape:      {r.shape} ({r.component})")
        if len(shown) < len(self.results):
            lines.append(f"... and {len(self.results) - len(shown)} more "
                         f"(use --limit 0 to show all)")
        return "\n".join(lines)


def _parent_shape(shapes: Graph, shape: Node) -> Node:
    """The node shape a (blank) property shape belongs to, or the shape itself."""
    parent = next(iter(shapes.subjects(SH.property, shape)), None)
    return parent if parent is not None else shape


def _results(report: Graph, shapes: Graph) -> list[ValidationResult]:
    out = []
    for node in report.subjects(RDF.type, SH.ValidationResult):
        severity = _SEVERITY.get(report.value(node, SH.resultSeverity), "violation")  # type: ignore[arg-type]
        component = _short(report.value(node, SH.sourceConstraintComponent))
        component = component.removeprefix("sh:").removesuffix("ConstraintComponent")
        source = report.value(node, SH.sourceShape)
        shape = _short(_parent_shape(shapes, source)) if source is not None else ""
        if shape.startswith("_:"):
            shape = "(anonymous shape)"
        path = _short(report.value(node, SH.resultPath))
        messages = sorted(str(m) for m in report.objects(node, SH.resultMessage))
        kind = " ".join(x for x in (shape, component, path) if x)
        out.append(ValidationResult(
            severity=severity, kind=kind, focus=_short(report.value(node, SH.focusNode)),
            path=path, message=messages[0] if messages else component, shape=shape,
            component=component, value=_short(report.value(node, SH.value))))
    return sorted(out, key=lambda r: (_SEVERITY_ORDER[r.severity], r.kind, r.focus, r.path,
                                      r.value, r.message))


@dataclass(frozen=True)
class _SparqlCheck:
    shape: Node
    constraint: Node
    targets: str
    select: str
    messages: tuple[str, ...]
    severity: str


_PROLOGUE = re.compile(r"^\s*((?:(?:PREFIX\s+\S*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*)(.*)$",
                       re.IGNORECASE | re.DOTALL)


def _target_patterns(shapes: Graph, shape: Node) -> list[str]:
    patterns = []
    for cls in shapes.objects(shape, SH.targetClass):
        patterns.append(f"?this <{RDF.type}>/<{RDFS.subClassOf}>* {cls.n3()} .")
    for node in shapes.objects(shape, SH.targetNode):
        patterns.append(f"VALUES ?this {{ {node.n3()} }}")
    for prop in shapes.objects(shape, SH.targetSubjectsOf):
        patterns.append(f"?this {prop.n3()} ?_o .")
    for prop in shapes.objects(shape, SH.targetObjectsOf):
        patterns.append(f"?_s {prop.n3()} ?this .")
    return sorted(patterns)


def _split_sparql(shapes: Graph) -> tuple[Graph, list[_SparqlCheck]]:
    """The shapes without their SPARQL constraints, and those constraints as queries."""
    core = Graph()
    for triple in shapes:
        core.add(triple)
    checks = []
    for shape, constraint in sorted(shapes.subject_objects(SH.sparql), key=lambda so: str(so)):
        core.remove((shape, SH.sparql, constraint))
        if (constraint, SH.deactivated, Literal(True)) in shapes or \
                (shape, SH.deactivated, Literal(True)) in shapes:
            continue
        if (shape, SH.path, None) in shapes:
            raise ValidationError(f"SPARQL constraints on property shapes are not supported "
                                  f"({shape.n3()})")
        patterns = _target_patterns(shapes, shape)
        select = shapes.value(constraint, SH.select)
        if not patterns or select is None:
            continue
        prefixes = []
        for decl_node in shapes.objects(constraint, SH.prefixes):
            for decl in shapes.objects(decl_node, SH.declare):
                prefixes.append(f"PREFIX {shapes.value(decl, SH.prefix)}: "
                                f"<{shapes.value(decl, SH.namespace)}>")
        messages = tuple(sorted(str(m) for m in shapes.objects(constraint, SH.message))) or \
            tuple(sorted(str(m) for m in shapes.objects(shape, SH.message)))
        severity = _SEVERITY.get(shapes.value(shape, SH.severity), "violation")  # type: ignore[arg-type]
        targets = " UNION ".join(f"{{ {p} }}" for p in patterns)
        checks.append(_SparqlCheck(shape, constraint, targets,
                                   "\n".join(prefixes) + "\n" + str(select),
                                   messages, severity))
    return core, checks


def _fill(message: str, row: dict[str, str]) -> str:
    return re.sub(r"\{[?$](\w+)\}", lambda m: row.get(m.group(1), m.group(0)), message)


def _run_sparql(graph: Graph, checks: list[_SparqlCheck], shapes: Graph
                ) -> list[ValidationResult]:
    import pyoxigraph

    from exokg.export.ntriples import sorted_triples

    store = pyoxigraph.Store()
    store.bulk_extend(pyoxigraph.Quad(t.subject, t.predicate, t.object)
                      for t in sorted_triples(graph))
    return run_sparql_checks(store, checks, shapes)


def has_focus(store: object, targets: str, graphs: list[object] | None = None,
              known: dict[str, bool] | None = None) -> bool:
    """Whether a shape's focus nodes (``targets``: a SPARQL group pattern binding
    ``?this``, as :func:`_target_patterns` makes them, joined by UNION) exist in a
    ``pyoxigraph.Store`` (its default graph, or the union of ``graphs``): a shape without
    any is not checked, as SHACL validates constraints per focus node (Oxigraph would
    otherwise evaluate the rest of the query before finding the join empty). ``known``
    caches the answers per ``targets``."""
    if known is not None and targets in known:
        return known[targets]
    query = f"ASK {{ {targets} }}"
    ask = store.query  # type: ignore[attr-defined]
    answer = bool(ask(query, default_graph=graphs) if graphs else ask(query))
    if known is not None:
        known[targets] = answer
    return answer


def run_sparql_checks(store: object, checks: list[_SparqlCheck], shapes: Graph,
                      graphs: list[object] | None = None,
                      known: dict[str, bool] | None = None,
                      used: UsedTerms | None = None) -> list[ValidationResult]:
    """The results of SHACL-SPARQL ``checks`` (from :func:`_split_sparql`) on a
    ``pyoxigraph.Store``, reading its default graph or, when ``graphs`` is given, the
    union of those graphs; a check whose shape has no focus node is not run
    (:func:`has_focus`, with ``known`` as its cache), nor one that the terms the loader
    wrote (``used``) rule out (:func:`exokg.validate_records.skips`)."""
    from exokg.export.reader import rdflib_term
    from exokg.validate_records import skips

    known = {} if known is None else known
    out = []
    for check in checks:
        if skips(str(check.shape), check.select, used):
            continue
        if not has_focus(store, check.targets, graphs, known):
            continue
        prologue, body = _PROLOGUE.match(check.select).groups()  # type: ignore[union-attr]
        where = body.index("{") + 1  # the focus nodes join the query's own WHERE group
        query = (f"{prologue}\n{body[:where]} {{ SELECT DISTINCT ?this WHERE {{ "
                 f"{check.targets} }} }}\n{body[where:]}")
        shape = _short(_parent_shape(shapes, check.shape))
        names = sorted(set(re.findall(r"[?$](\w+)", check.select + " ".join(check.messages))))
        solutions = store.query(query, default_graph=graphs) if graphs else \
            store.query(query)  # type: ignore[attr-defined]
        for solution in solutions:
            terms: dict[str, Node] = {}
            row: dict[str, str] = {}
            for name in names:
                try:
                    term = solution[name]
                except (KeyError, IndexError, TypeError):  # not projected by the query
                    continue
                if term is not None:
                    terms[name] = rdflib_term(term)
                    row[name] = str(terms[name]) if isinstance(terms[name], Literal) \
                        else _short(terms[name])
            focus = terms.get("this")
            message = _fill(check.messages[0], row) if check.messages else "SPARQL constraint"
            out.append(ValidationResult(
                severity=check.severity, kind=f"{shape} SPARQL", focus=_short(focus),
                path=_short(terms.get("path")) if terms.get("path") is not None else "",
                message=message, shape=shape, component="SPARQL",
                value=_short(terms.get("value", focus))))
    return out


def validate_graph(graph: Graph, shapes: Graph | None = None) -> ValidationReport:
    """Validate ``graph`` against ``shapes`` (default: the packaged ``ontology/shapes.ttl``):
    core constraints with pyshacl, SPARQL constraints with Oxigraph (module docstring)."""
    import pyshacl

    shapes_graph = shapes if shapes is not None else load_shapes()
    core, checks = _split_sparql(shapes_graph)
    conforms, report_graph, _ = pyshacl.validate(
        graph, shacl_graph=core, inference="none", do_owl_imports=False,
        allow_warnings=True, allow_infos=True, advanced=False, meta_shacl=False)
    results = _results(report_graph, shapes_graph) + _run_sparql(graph, checks, shapes_graph)
    results.sort(key=lambda r: (_SEVERITY_ORDER[r.severity], r.kind, r.focus, r.path,
                                r.value, r.message))
    conforms = bool(conforms) and not any(r.severity == "violation" for r in results)
    return ValidationReport(conforms, tuple(results), len(graph))


def validate_path(path: str | Path, shapes: Graph | None = None) -> ValidationReport:
    """Validate an RDF file (Turtle, N-Triples, N-Quads, TriG, JSON-LD); for datasets, the
    union of the data graphs (the ontology graph of exokg's TriG/N-Quads is left out).

    Raises:
        InputError: the file cannot be read or parsed.
    """
    from exokg.export.quads import ONTOLOGY_GRAPH
    from exokg.export.reader import read_graph

    graph = read_graph(path, exclude_graphs=(str(ONTOLOGY_GRAPH),))
    return validate_graph(graph, shapes)


def require_valid(graph: Graph, shapes: Graph | None = None) -> ValidationReport:
    """Validate ``graph``; raise if it does not conform.

    Raises:
        ValidationError: the graph does not conform; ``error.report`` is the
            :class:`ValidationReport`, ``str(error)`` one line.
    """
    return require_conforming(validate_graph(graph, shapes))


def require_conforming(report: ValidationReport) -> ValidationReport:
    """``report`` when the graph conforms (whichever validator made it: pyshacl here, SPARQL
    over a store in :mod:`exokg.validate_store`).

    Raises:
        ValidationError: the graph does not conform; ``error.report`` is ``report``,
            ``str(error)`` one line.
    """
    if not report.conforms:
        error = ValidationError(f"{report.summary()}; nothing was published "
                                f"(see the report above, or run 'exokg validate')")
        error.report = report  # type: ignore[attr-defined]
        raise error
    return report
