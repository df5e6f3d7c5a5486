"""RDF exports (Turtle, N-Triples, JSON-LD, TriG, N-Quads) and the GraphML / NetworkX view.

* every RDF export parses with pyoxigraph (strict) and reads back isomorphic to the built
  graph; Turtle, N-Triples, TriG and N-Quads also parse with rapper and serdi;
* negation, hedging, direction and evidence survive each format that can carry them;
* the named graphs of TriG/N-Quads say where each triple comes from;
* outputs are deterministic (byte-identical across processes: see
  test_build_outputs_are_byte_identical_across_processes);
* ``exokg export`` picks the format by name or extension and writes atomically.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from exports_helpers import (DOCS, EFFECT, HEDGED, NEGATED, PHASE, REPO, synthetic_graph,
                             which)
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from exokg.export.formats import FORMATS, format_for_path, get_format, render_all
from exokg.export.graphml import to_graphml
from exokg.export.jsonld import to_jsonld
from exokg.export.ntriples import to_ntriples
from exokg.export.quads import (ASSEMBLY_GRAPH, ENTITIES_GRAPH, ONTOLOGY_GRAPH, partition,
                                to_nquads, to_trig)
from exokg.export.reader import parse_rdf
from exokg.export.resources import load_context, load_ontology
from exokg.export.turtle import to_turtle
from exokg.graph.nx import to_networkx
from exokg.graph.rdf import BIOLINK, EXO, evidence_iri, statement_iri
from exokg.ids import load_prefix_map
from exokg.pipeline import BuildResult, build

Writer = Callable[[Graph], bytes]
TRIPLE_FORMATS: dict[str, tuple[Writer, pyoxigraph.RdfFormat, str]] = {
    "turtle": (to_turtle, pyoxigraph.RdfFormat.TURTLE, "turtle"),
    "nt": (to_ntriples, pyoxigraph.RdfFormat.N_TRIPLES, "nt"),
    "jsonld": (to_jsonld, pyoxigraph.RdfFormat.JSON_LD, "jsonld"),
}
QUAD_FORMATS: dict[str, tuple[Writer, pyoxigraph.RdfFormat, str]] = {
    "trig": (to_trig, pyoxigraph.RdfFormat.TRIG, "trig"),
    "nquads": (to_nquads, pyoxigraph.RdfFormat.N_QUADS, "nquads"),
}
RAPPER = {"turtle": "turtle", "nt": "ntriples", "trig": "trig", "nquads": "nquads"}
SERDI = {"turtle": "turtle", "nt": "ntriples", "trig": "trig", "nquads": "nquads"}


@pytest.fixture(scope="module")
def result() -> BuildResult:
    return build()


@pytest.fixture(scope="module", params=["bundled", "synthetic"])
def graph(request: pytest.FixtureRequest, result: BuildResult) -> Graph:
    return result.graph if request.param == "bundled" else synthetic_graph()


def data_graph(data: bytes, fmt: str) -> Graph:
    """An export read back, less the ontology graph of the quad formats."""
    return parse_rdf(data, fmt, exclude_graphs=(str(ONTOLOGY_GRAPH),))


# -- parsing and round trips -------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(TRIPLE_FORMATS) + sorted(QUAD_FORMATS))
def test_rdf_export_parses_strictly_and_reads_back_isomorphic(graph: Graph, name: str) -> None:
    writer, ox_format, fmt = {**TRIPLE_FORMATS, **QUAD_FORMATS}[name]
    data = writer(graph)
    parsed = list(pyoxigraph.parse(data, format=ox_format))  # raises on any syntax error
    assert parsed
    back = data_graph(data, fmt)
    assert len(back) == len(graph)
    assert isomorphic(back, graph), f"{name} does not read back as the built graph"


@pytest.mark.parametrize("name", sorted(RAPPER))
def test_rdf_export_parses_with_rapper_and_serdi(result: BuildResult, tmp_path: Path,
                                                 name: str) -> None:
    writer = {**TRIPLE_FORMATS, **QUAD_FORMATS}[name][0]
    path = tmp_path / f"export.{name}"
    path.write_bytes(writer(result.graph))
    rapper = subprocess.run([which("rapper"), "-i", RAPPER[name], "-c", str(path)],
                            capture_output=True, text=True, timeout=120)
    assert rapper.returncode == 0, rapper.stderr
    expected = len(result.graph) if name in TRIPLE_FORMATS else \
        sum(len(t) for t in partition(result.graph).values()) + len(load_ontology())
    assert f"returned {expected} triples" in rapper.stderr, rapper.stderr
    serdi = subprocess.run([which("serdi"), "-i", SERDI[name], "-o", "ntriples", str(path)],
                           capture_output=True, text=True, timeout=120)
    assert serdi.returncode == 0, serdi.stderr
    assert len(serdi.stdout.splitlines()) == expected


def test_ntriples_lines_are_sorted_and_unique(result: BuildResult) -> None:
    lines = to_ntriples(result.graph).decode("utf-8").splitlines()
    assert lines == sorted(set(lines))
    assert len(lines) == len(result.graph)


def test_jsonld_is_compact_and_carries_the_shipped_context(result: BuildResult) -> None:
    document = json.loads(to_jsonld(result.graph))
    assert document["@context"] == load_context()["@context"]
    ids = [node["@id"] for node in document["@graph"]]
    assert len(ids) == len(set(ids))
    assert "CL:0000134" in ids  # CURIEs, not full IRIs
    node = next(n for n in document["@graph"] if n.get("@type") == "exo:Statement")
    assert isinstance(node["exo:negated"], bool)
    assert isinstance(node["exo:evidenceCount"], int)


def test_jsonld_context_matches_the_prefix_map() -> None:
    context = load_context()["@context"]
    assert context["@version"] == 1.1
    prefixes = load_prefix_map()
    assert set(context) - {"@version"} == set(prefixes)
    for prefix, iri in prefixes.items():
        definition = context[prefix]
        if iri.endswith(("/", "#", ":", "?", "[", "]", "@")):
            assert definition == iri, prefix
        else:  # JSON-LD 1.1 only expands such CURIEs with "@prefix": true
            assert definition == {"@id": iri, "@prefix": True}, prefix


def test_jsonld_never_fetches_a_remote_context() -> None:
    remote = b'{"@context": "http://127.0.0.1:9/context.jsonld", "@id": "http://e.org/a"}'
    with pytest.raises(Exception, match="(?i)invalid jsonld|remote|context"):
        parse_rdf(remote, "jsonld")


# -- named graphs ------------------------------------------------------------------------------


def test_named_graphs_partition_the_built_graph(graph: Graph) -> None:
    parts = partition(graph)
    union = set().union(*parts.values())
    assert union == set(graph)
    assert ENTITIES_GRAPH in parts and ASSEMBLY_GRAPH in parts
    for evidence in graph.subjects(RDF.type, EXO.Evidence):
        document = graph.value(evidence, EXO.document)
        name = URIRef(str(document).replace("/id/document/", "/id/graph/document/"))
        assert {t for t in parts[name] if t[0] == evidence} == set(graph.triples((evidence, None, None)))


def test_a_claim_of_two_documents_is_in_both_graphs_with_its_own_evidence() -> None:
    graph = synthetic_graph()
    parts = partition(graph)
    node = statement_iri(EFFECT)
    d1, d2 = (URIRef(f"https://w3id.org/exokg/id/graph/document/{d.id}") for d in DOCS)
    edge = (node, RDF.subject, URIRef("https://w3id.org/exokg/id/preparation/msc-exosomes"))
    assert edge in parts[d1] and edge in parts[d2]
    ev1, ev2 = (evidence_iri(e) for e in EFFECT.evidence)
    assert (node, BIOLINK.has_evidence, ev1) in parts[d1]
    assert (node, BIOLINK.has_evidence, ev2) not in parts[d1]
    assert (node, BIOLINK.has_evidence, ev2) in parts[d2]
    count = (node, EXO.evidenceCount, Literal(2))
    assert count in parts[ASSEMBLY_GRAPH] and count not in parts[d1]
    direct = next((s, p, o) for s, p, o in graph if p == BIOLINK.affects
                  and str(o).endswith("P15692"))
    assert direct in parts[d1] and direct in parts[d2]
    contradiction = next(graph.triples((None, EXO.contradicts, None)))
    assert contradiction in parts[ASSEMBLY_GRAPH]


def test_quad_exports_hold_the_ontology_in_its_own_graph(result: BuildResult) -> None:
    quads = list(pyoxigraph.parse(to_nquads(result.graph), format=pyoxigraph.RdfFormat.N_QUADS))
    ontology = Graph()
    for q in quads:
        if q.graph_name == pyoxigraph.NamedNode(str(ONTOLOGY_GRAPH)):
            ontology.add(tuple(parse_rdf(str(q.triple).encode() + b" .", "nt"))[0])
    assert isomorphic(ontology, load_ontology())


# -- what must survive -------------------------------------------------------------------------


def _statement_values(graph: Graph, statement: URIRef) -> dict[str, object]:
    return {"negated": graph.value(statement, EXO.negated).toPython(),
            "hedged": graph.value(statement, EXO.hedged).toPython(),
            "direction": str(graph.value(statement, EXO.direction) or ""),
            "evidence": sorted(str(e) for e in graph.objects(statement, BIOLINK.has_evidence)),
            "sentences": sorted(str(graph.value(e, EXO.sentenceText))
                                for e in graph.objects(statement, BIOLINK.has_evidence))}


@pytest.mark.parametrize("name", sorted(TRIPLE_FORMATS) + sorted(QUAD_FORMATS))
def test_negation_hedging_direction_and_evidence_survive(name: str) -> None:
    original = synthetic_graph()
    writer, _, fmt = {**TRIPLE_FORMATS, **QUAD_FORMATS}[name]
    back = data_graph(writer(original), fmt)
    for statement in (EFFECT, NEGATED, HEDGED, PHASE):
        node = statement_iri(statement)
        assert _statement_values(back, node) == _statement_values(original, node)
    negated = _statement_values(back, statement_iri(NEGATED))
    assert negated["negated"] is True
    assert (None, BIOLINK.associated_with, None) not in back  # no direct edge when negated
    assert _statement_values(back, statement_iri(HEDGED))["hedged"] is True
    assert len(_statement_values(back, statement_iri(EFFECT))["evidence"]) == 2


def test_networkx_view_and_graphml_carry_epistemics_and_evidence_counts() -> None:
    view = to_networkx(synthetic_graph())
    edges = {k: d for _, _, k, d in view.edges(keys=True, data=True)}
    key = lambda s: "exokg:" + str(statement_iri(s)).split("/id/")[1]  # noqa: E731
    assert edges[key(NEGATED)]["negated"] is True
    assert edges[key(HEDGED)]["hedged"] is True and edges[key(HEDGED)]["direction"] == "decreased"
    assert edges[key(EFFECT)]["evidence_count"] == 2
    assert edges[key(EFFECT)]["species"] == "NCBITaxon:10116"
    assert edges[key(EFFECT)]["aspect"] == "expression"
    assert view.nodes["uniprot:P15692"] == {
        "curie": "uniprot:P15692", "iri": "http://purl.uniprot.org/uniprot/P15692",
        "label": "VEGFA", "category": "Protein"}
    assert view.nodes['"Phase 1/2"']["category"] == "Value"
    back = nx.read_graphml(io.BytesIO(to_graphml(view)), force_multigraph=True)
    assert sorted(back.nodes) == sorted(view.nodes)
    read = {k: d for _, _, k, d in back.edges(keys=True, data=True)}
    assert read == edges
    for node, attrs in view.nodes(data=True):
        assert back.nodes[node] == attrs


def test_networkx_view_of_the_build(result: BuildResult) -> None:
    view = to_networkx(result)
    assert view.number_of_edges() == len(result.statements)
    assert list(to_networkx(result.graph).edges(keys=True, data=True)) == \
        list(view.edges(keys=True, data=True))
    categories = {d.get("category") for _, d in view.nodes(data=True)}
    assert {"ExosomePreparation", "MicroRNA", "Disease"} <= categories
    with pytest.raises(TypeError):
        to_networkx("not a graph")  # type: ignore[arg-type]


def test_networkx_view_of_an_oxigraph_store(result: BuildResult) -> None:
    store = pyoxigraph.Store()
    store.bulk_load(to_ntriples(result.graph), format=pyoxigraph.RdfFormat.N_TRIPLES)
    assert sorted(to_networkx(store).edges(keys=True)) == sorted(to_networkx(result).edges(keys=True))


# -- formats table and the export command ------------------------------------------------------


def test_formats_by_name_alias_and_extension() -> None:
    assert get_format("TTL").name == "turtle"
    assert get_format("n-quads").name == "nquads"
    assert format_for_path("x/graph.nt").name == "ntriples"
    assert format_for_path("g.json").name == "jsonld"
    with pytest.raises(Exception, match="unknown export format"):
        get_format("rdfxml")
    with pytest.raises(Exception, match="cannot tell the export format"):
        format_for_path("graph.xyz")
    assert {f.output for f in FORMATS} == {"exokg.ttl", "exokg.nt", "exokg.jsonld",
                                           "exokg.trig", "exokg.nq", "kgx", "exokg.graphml",
                                           "statements.csv"}


def test_render_all_writes_every_format(result: BuildResult) -> None:
    files = render_all(result)
    assert set(files) == {"exokg.ttl", "exokg.nt", "exokg.jsonld", "exokg.trig", "exokg.nq",
                          "kgx/nodes.tsv", "kgx/edges.tsv", "exokg.graphml", "statements.csv"}
    assert all(files.values())


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONHASHSEED": "random"}
    return subprocess.run([sys.executable, "-m", "exokg", *args], cwd=cwd, env=env,
                          capture_output=True, timeout=600)


def test_export_command_by_name_extension_stdout_and_store(result: BuildResult,
                                                           tmp_path: Path) -> None:
    proc = run("export", "--format", "nt", "--output", "g.nt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "g.nt").read_bytes() == to_ntriples(result.graph)
    proc = run("export", "-o", "out/g.jsonld", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out/g.jsonld").read_bytes() == to_jsonld(result.graph)
    proc = run("export", "-f", "trig", "-o", "-", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout == to_trig(result.graph)
    proc = run("export", "-f", "kgx", "-o", "kgx", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in (tmp_path / "kgx").iterdir()) == ["edges.tsv", "nodes.tsv"]
    proc = run("export", "-f", "csv", cwd=tmp_path)  # default output: exports/statements.csv
    assert proc.returncode == 0 and (tmp_path / "exports/statements.csv").is_file()
    assert not [p for p in tmp_path.rglob(".*.tmp")]  # atomic writes leave no temporaries

    store = pyoxigraph.Store(str(tmp_path / "store"))
    store.bulk_load(to_ntriples(result.graph), format=pyoxigraph.RdfFormat.N_TRIPLES)
    store.flush()
    del store
    proc = run("export", "--store", "store", "-f", "graphml", "-o", "g.graphml", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "g.graphml").read_bytes() == to_graphml(result.graph)
    proc = run("export", "--store", "store", "-f", "csv", "-o", "s.csv", cwd=tmp_path)
    assert proc.returncode == 2 and b"written from a build" in proc.stderr


@pytest.mark.parametrize("args, message", [
    (("-f", "rdfxml"), b"unknown export format"),
    (("-o", "graph.xyz"), b"cannot tell the export format"),
    ((), b"give --format"),
    (("-f", "kgx", "-o", "-"), b"is a folder"),
])
def test_export_command_errors_are_one_line(tmp_path: Path, args: tuple[str, ...],
                                            message: bytes) -> None:
    proc = run("export", *args, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [proc.stderr.strip()]
    assert message in proc.stderr


def test_build_outputs_are_byte_identical_across_processes(tmp_path: Path) -> None:
    for name in ("a", "b"):
        proc = run("build", "-q", "--out", f"{name}/exports", "--store", f"{name}/store",
                   cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
    first = {p.relative_to(tmp_path / "a/exports"): p.read_bytes()
             for p in sorted((tmp_path / "a/exports").rglob("*")) if p.is_file()}
    second = {p.relative_to(tmp_path / "b/exports"): p.read_bytes()
              for p in sorted((tmp_path / "b/exports").rglob("*")) if p.is_file()}
    assert sorted(first) == sorted(second)
    assert len(first) >= 10
    for name in first:
        assert first[name] == second[name], f"{name} differs between two builds"


def test_repository_has_the_context_file_it_ships() -> None:
    shipped = REPO / "ontology" / "context.jsonld"
    assert json.loads(shipped.read_text(encoding="utf-8")) == load_context()
