"""SHACL by SPARQL over a store (exokg.validate_store) against pyshacl (exokg.validate).

For every constraint of the packaged shapes, a small built graph is changed so that one
focus node violates that constraint; both validators must then report exactly the same
results (and the planted one among them), and both must pass the unchanged graph.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import BNode, Node

from exokg.errors import ValidationError
from exokg.export.ntriples import sorted_triples
from exokg.export.resources import load_shapes
from exokg.pipeline import build
from exokg.validate import ValidationReport, _short, validate_graph
from exokg.validate_store import _COMPONENTS, compile_shapes, validate_store

#: a short abstract in the field's usual wording: statements with evidence, a preparation,
#: a publication, sentences and mentions (built with --mentions)
ABSTRACT = """---
id: tiny-2020
title: Exosomes from miR-133b-overexpressing MSCs improve recovery after stroke
pmid: 23630198
year: 2020
---
Exosomes from miR-133b-overexpressing MSCs improve recovery after stroke

Exosomes derived from miR-133b-overexpressing mesenchymal stem cells increased axonal
plasticity and neurite remodeling in rats after middle cerebral artery occlusion (MCAO).
Intravenous administration of MSC-derived exosomes did not reduce infarct volume in mice.
"""
EXTRA = URIRef("https://w3id.org/exokg/id/test/extra")
#: one parse of the shapes: their property shapes are blank nodes, new on every parse
SHAPES = load_shapes()


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    folder = tmp_path_factory.mktemp("tiny")
    (folder / "tiny.md").write_text(ABSTRACT, encoding="utf-8")
    return build([folder], mentions=True).graph


def store_of(graph: Graph, named: URIRef | None = None) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    graph_name = pyoxigraph.NamedNode(str(named)) if named else pyoxigraph.DefaultGraph()
    store.bulk_extend(pyoxigraph.Quad(t.subject, t.predicate, t.object, graph_name)
                      for t in sorted_triples(graph))
    return store


def both(graph: Graph) -> tuple[ValidationReport, ValidationReport]:
    return validate_graph(graph, SHAPES), validate_store(store_of(graph), SHAPES)


def constraints() -> list[tuple[Node, Node, URIRef]]:
    """(node shape, shape holding the constraint, constraint parameter) of every SHACL
    Core constraint of the packaged shapes."""
    shapes = SHAPES
    found = []
    for node_shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        if shapes.value(node_shape, SH.targetClass) is None:
            continue
        for shape in [node_shape, *sorted(shapes.objects(node_shape, SH.property), key=str)]:
            for parameter in sorted(set(shapes.predicates(shape, None)) & set(_COMPONENTS),
                                    key=str):
                found.append((node_shape, shape, parameter))
    return found


def _label(case: tuple[Node, Node, URIRef]) -> str:
    shapes = SHAPES
    node_shape, shape, parameter = case
    path = shapes.value(shape, SH.path)
    return "-".join(x for x in (_short(node_shape), _short(path) if path else "",
                                _COMPONENTS[parameter]) if x)


CASES = constraints()


def _values(shapes: Graph, shape: Node, count: int) -> list[Node]:
    """``count`` distinct values that a property shape accepts (as far as its own
    constraints say), for planting one too many."""
    members = shapes.value(shape, SH["in"])
    if members is not None:
        return list(Collection(shapes, members))[:count]
    datatype = shapes.value(shape, SH.datatype)
    if datatype == XSD.boolean:
        return [Literal(True), Literal(False)][:count]
    if datatype == XSD.integer:
        return [Literal(10 + i) for i in range(count)]
    if datatype == XSD.gYear:
        return [Literal(str(2000 + i), datatype=XSD.gYear) for i in range(count)]
    if datatype is not None:
        return [Literal(f"value {i}") for i in range(count)]
    return [URIRef(f"{EXTRA}-{i}") for i in range(count)]


def plant(graph: Graph, case: tuple[Node, Node, URIRef]) -> Graph:
    """A copy of ``graph`` in which one focus node of the node shape violates the
    constraint."""
    shapes = SHAPES
    node_shape, shape, parameter = case
    g = Graph()
    for triple in graph:
        g.add(triple)
    classes = sorted(shapes.objects(node_shape, SH.targetClass), key=str)
    focus = sorted((s, c) for c in classes for s in graph.subjects(RDF.type, c))
    assert focus, f"the test graph has no focus node of {_short(node_shape)}"
    this, target = focus[0]
    path = shapes.value(shape, SH.path)
    value = shapes.value(shape, parameter)
    if path is None:  # a constraint on the focus node itself: a blank node of the class
        assert parameter == SH.nodeKind and value == SH.IRI
        g.add((BNode("planted"), RDF.type, target))
        return g
    old = sorted(g.objects(this, path), key=str)
    if parameter == SH.minCount:
        g.remove((this, path, None))
        return g
    if parameter == SH.maxCount:
        for v in _values(shapes, shape, int(value) + 1):
            g.add((this, path, v))
        if shapes.value(shape, SH["class"]) is not None:
            for i in range(int(value) + 1):
                g.add((URIRef(f"{EXTRA}-{i}"), RDF.type, shapes.value(shape, SH["class"])))
        return g
    if parameter in (SH.lessThan, SH.lessThanOrEquals):
        other = int(g.value(this, value))
        g.set((this, path, Literal(other + 1)))
        return g
    bad: dict[URIRef, Callable[[], Node]] = {
        SH.datatype: lambda: Literal(7) if value == XSD.string else Literal("not a value"),
        SH.nodeKind: lambda: BNode("planted") if value == SH.IRIOrLiteral else Literal("x"),
        SH["class"]: lambda: EXTRA, SH["in"]: lambda: Literal("none of the listed values"),
        SH.minLength: lambda: Literal(""), SH.pattern: lambda: Literal("abc"),
        SH.minInclusive: lambda: Literal(int(value) - 1),
    }
    assert parameter in bad, f"no violation planned for {_short(parameter)}"
    g.remove((this, path, None))
    g.add((this, path, bad[parameter]()))
    return g


def test_the_built_graph_conforms_on_both_paths(base: Graph) -> None:
    pyshacl_report, sparql_report = both(base)
    assert pyshacl_report.conforms and sparql_report.conforms
    assert sparql_report.results == pyshacl_report.results == ()
    assert sparql_report.triples == pyshacl_report.triples == len(base)


def test_every_core_constraint_is_covered() -> None:
    checks = compile_shapes(SHAPES)
    assert len(checks) == len(CASES) > 100
    assert {_COMPONENTS[p] for _, _, p in CASES} >= {
        "MinCount", "MaxCount", "Datatype", "NodeKind", "Class", "In", "MinLength",
        "Pattern", "MinInclusive", "LessThan", "LessThanOrEquals"}


@pytest.mark.parametrize("case", CASES, ids=[_label(c) for c in CASES])
def test_a_violation_is_reported_identically(base: Graph, case: tuple[Node, Node, URIRef]
                                             ) -> None:
    graph = plant(base, case)
    pyshacl_report, sparql_report = both(graph)
    assert not pyshacl_report.conforms
    assert sparql_report.conforms == pyshacl_report.conforms
    assert sparql_report.results == pyshacl_report.results
    shape = _short(case[0])
    assert any(r.shape == shape and r.component == _COMPONENTS[case[2]]
               for r in sparql_report.results), sparql_report.format()


def test_ill_typed_literals_and_offsets_are_reported_identically(base: Graph) -> None:
    from exokg.graph.rdf import EXO

    g = Graph()
    for triple in base:
        g.add(triple)
    evidence = sorted(base.subjects(RDF.type, EXO.Evidence), key=str)
    g.set((evidence[0], EXO.sentenceIndex, Literal("two", datatype=XSD.integer)))
    g.set((evidence[1], EXO.end, Literal(int(base.value(evidence[1], EXO.end)) - 1)))
    pyshacl_report, sparql_report = both(g)
    assert sparql_report.results == pyshacl_report.results
    assert {r.component for r in sparql_report.results} >= {"Datatype", "SPARQL"}


def test_a_value_violating_several_checks_of_its_path_is_reported_for_each(base: Graph
                                                                           ) -> None:
    """A value breaking two checks of its path at once (an empty language string as
    exo:rule: not xsd:string, shorter than 1), and another value of the same path breaking
    one, give pyshacl's results, one per check and value (a validator that read a path's
    values once for all its checks must still report each)."""
    from exokg.graph.rdf import EXO

    g = Graph()
    for triple in base:
        g.add(triple)
    evidence = sorted(base.subjects(RDF.type, EXO.Evidence), key=str)
    g.set((evidence[0], EXO.rule, Literal("", lang="en")))
    g.set((evidence[1], EXO.rule, Literal(7)))
    pyshacl_report, sparql_report = both(g)
    assert sparql_report.results == pyshacl_report.results
    found = sorted((r.focus, r.component) for r in sparql_report.results
                   if r.path == "exo:rule")
    assert found == sorted([(_short(evidence[0]), "Datatype"),
                            (_short(evidence[0]), "MinLength"),
                            (_short(evidence[1]), "Datatype")])


def test_data_in_named_graphs_is_validated_and_the_ontology_left_out(base: Graph) -> None:
    from exokg.query.stores import ONTOLOGY_GRAPH_PREFIX

    store = store_of(base, URIRef("https://w3id.org/exokg/id/graph/document/tiny-2020"))
    # an ontology graph with a node no shape would accept: it must not be read
    store.add(pyoxigraph.Quad(pyoxigraph.BlankNode("o"), pyoxigraph.NamedNode(str(RDF.type)),
                              pyoxigraph.NamedNode("https://w3id.org/exokg/vocab/Statement"),
                              pyoxigraph.NamedNode(ONTOLOGY_GRAPH_PREFIX + "sha256-x")))
    report = validate_store(store)
    assert report.conforms and report.triples == len(base)
    plain = store_of(base)
    plain.remove(next(iter(plain.quads_for_pattern(
        None, pyoxigraph.NamedNode(str(RDFS.label)), None))))
    assert not validate_store(plain).conforms


def test_unsupported_shapes_are_refused_not_skipped() -> None:
    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ;
            sh:property [ sh:path ex:p ; sh:equals ex:q ] .""", format="turtle")
    with pytest.raises(ValidationError, match="sh:equals is not supported"):
        validate_store(pyoxigraph.Store(), shapes)


def test_validate_store_reads_a_built_store(tmp_path: Path) -> None:
    """The store exokg build writes (the ontology in its named graph) validates clean."""
    from exokg.graph.store import open_store
    from exokg.graph.store import write_store
    from exokg.export.turtle import to_turtle
    from exokg.query.stores import ensure_ontology

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "tiny.md").write_text(ABSTRACT, encoding="utf-8")
    result = build([folder])
    write_store(to_turtle(result.graph), tmp_path / "store")
    ensure_ontology(tmp_path / "store")
    report = validate_store(open_store(tmp_path / "store"))
    assert report.conforms and report.triples == len(result.graph)


def test_exokg_validate_store_checks_the_store_by_sparql(tmp_path: Path) -> None:
    """``exokg validate --store`` validates the built store in place: clean after a build,
    and a violation planted in the store is reported with exit status 1."""
    import subprocess
    import sys

    from exokg.graph.store import database_path

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "tiny.md").write_text(ABSTRACT, encoding="utf-8")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "exokg", *args], cwd=tmp_path,
                              capture_output=True, text=True, timeout=300)

    built = run("build", "--workers", "1", "--out", "out", "--store", "store", "in")
    assert built.returncode == 0, built.stderr
    clean = run("validate", "--store", "store")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "conforms to the SHACL shapes" in clean.stdout
    store = pyoxigraph.Store(str(database_path(tmp_path / "store")))
    label = pyoxigraph.NamedNode(str(RDFS.label))
    cell = pyoxigraph.NamedNode("http://purl.obolibrary.org/obo/CL_0000134")
    store.remove(next(iter(store.quads_for_pattern(cell, label, None))))
    store.flush()
    del store
    broken = run("validate", "--store", "store")
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "an entity or document needs a non-empty plain rdfs:label" in broken.stdout
    assert "CL:0000134" in broken.stdout


class _Recording:
    """A store that remembers the queries sent to it."""

    def __init__(self, store: pyoxigraph.Store) -> None:
        self.store, self.queries = store, []  # type: list[str]

    def query(self, query: str, **kwargs: object) -> object:
        self.queries.append(query)
        return self.store.query(query, **kwargs)

    def named_graphs(self) -> object:
        return self.store.named_graphs()


def test_shapes_without_focus_nodes_are_not_queried(base: Graph) -> None:
    """A graph without mentions and sentences (a build without --mentions): their shapes'
    core and SPARQL constraints are not run (only asked whether any focus node exists),
    the report is pyshacl's, and a planted mention is still found."""
    from exokg.graph.rdf import EXO

    g = Graph()
    for s, p, o in base:
        if not any((s, RDF.type, c) in base for c in (EXO.Mention, EXO.Sentence)):
            g.add((s, p, o))
    recording = _Recording(store_of(g))
    report = validate_store(recording, SHAPES)  # type: ignore[arg-type]
    assert report.results == validate_graph(g, SHAPES).results == ()
    skipped = [c.query for c in compile_shapes(SHAPES)
               if c.shape in ("exo:MentionShape", "exo:SentenceShape")]
    assert len(skipped) > 20 and not set(skipped) & set(recording.queries)
    sent = "\n".join(recording.queries)
    assert f"<{EXO}mentionText>" not in sent  # MentionOffsetsShape's SPARQL
    assert f"ASK {{ {{ ?this <{RDF.type}>/<{RDFS.subClassOf}>* <{EXO}Sentence> . }} }}" in sent
    assert [c.query for c in compile_shapes(SHAPES)
            if c.shape == "exo:EvidenceShape"][0] in recording.queries
    g.add((EXTRA, RDF.type, EXO.Mention))
    planted = validate_store(store_of(g), SHAPES)
    assert planted.results == validate_graph(g, SHAPES).results
    assert any(r.shape == "exo:MentionShape" for r in planted.results)


def test_max_count_reads_a_triple_held_by_two_graphs_once(base: Graph) -> None:
    # the same graph in two named graphs (a triple in a document's graph and the
    # assembly's): every value of a sh:maxCount 1 path is read twice from their union, and
    # still counts once; a second, different value is a violation, as in one graph
    cases = [c for c in CASES
             if c[2] == SH.maxCount and int(SHAPES.value(c[1], SH.maxCount)) == 1]
    assert cases
    store = store_of(base, URIRef("https://w3id.org/exokg/id/graph/document/tiny-2020"))
    twice = pyoxigraph.NamedNode("https://w3id.org/exokg/id/graph/assembly")
    store.bulk_extend(pyoxigraph.Quad(q.subject, q.predicate, q.object, twice)
                      for q in list(store))
    assert validate_store(store, SHAPES).conforms
    for case in cases[:3]:
        planted = plant(base, case)
        expected = validate_graph(planted, SHAPES)
        store = store_of(planted, URIRef("https://w3id.org/exokg/id/graph/document/tiny-2020"))
        store.bulk_extend(pyoxigraph.Quad(q.subject, q.predicate, q.object, twice)
                          for q in list(store))
        assert not expected.conforms
        # (the SHACL-SPARQL constraints' rows are left out: over duplicated graphs they
        # can repeat, whatever sh:maxCount does)
        assert [r for r in validate_store(store, SHAPES).results if r.component == "MaxCount"] \
            == [r for r in expected.results if r.component == "MaxCount"] != []
