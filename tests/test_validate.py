"""SHACL validation: ``exokg validate``, planted violations, and builds that refuse to publish an
invalid graph."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pyshacl
import pytest
from exports_helpers import EFFECT, synthetic_graph
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SH

from exokg.errors import ValidationError
from exokg.export.formats import FORMATS, render_all
from exokg.export.resources import load_shapes
from exokg.export.turtle import to_turtle
from exokg.export.writer import write_build_outputs
from exokg.graph.rdf import BIOLINK, EXO, evidence_iri, statement_iri
from exokg.ids import IRI_SUFFIXES, LOCAL_ID_PATTERNS, load_prefix_map
from exokg.pipeline import BuildResult, build
from exokg.validate import require_valid, validate_graph, validate_path

BAD_CELL = URIRef("http://purl.obolibrary.org/obo/CL_12ab")
BAD_PUBMED = URIRef("https://pubmed.ncbi.nlm.nih.gov/PMC123/")


@pytest.fixture(scope="module")
def result() -> BuildResult:
    return build()


def plant(graph: Graph, *kinds: str) -> Graph:
    """A copy of ``graph`` with violations planted."""
    g = Graph()
    for triple in graph:
        g.add(triple)
    statement = statement_iri(EFFECT)
    evidence = evidence_iri(EFFECT.evidence[0])
    if "no-evidence" in kinds:
        g.remove((statement, BIOLINK.has_evidence, None))
    if "no-offsets" in kinds:
        g.remove((evidence, EXO.start, None))
        g.remove((evidence, EXO.end, None))
    if "bad-id" in kinds:
        g.add((BAD_CELL, RDF.type, EXO.Cell))
        g.add((BAD_CELL, RDFS.label, Literal("a cell with a malformed CL id")))
        g.add((evidence, URIRef("http://purl.org/dc/terms/source"), BAD_PUBMED))
    if "bad-offsets" in kinds:
        g.set((evidence, EXO.end, Literal(int(g.value(evidence, EXO.end)) - 1)))
    if "bad-term" in kinds:
        g.add((URIRef("http://purl.uniprot.org/uniprot/P15692"),
               URIRef(str(EXO) + "skos:closeMatch"),
               URIRef("http://purl.obolibrary.org/obo/GO_0006915")))
    return g


def kinds_found(graph: Graph) -> set[tuple[str, str, str]]:
    return {(r.focus, r.shape, r.component) for r in validate_graph(graph).results}


def test_the_build_conforms(result: BuildResult) -> None:
    report = validate_graph(result.graph)
    assert report.conforms, report.format()
    assert report.results == ()
    assert validate_graph(synthetic_graph()).conforms


@pytest.mark.parametrize("kind, expected", [
    ("no-evidence", {("exokg:statement/", "exo:StatementShape", "MinCount"),
                     ("exokg:statement/", "exo:StatementShape", "SPARQL")}),
    ("no-offsets", {("exokg:evidence/", "exo:EvidenceShape", "MinCount")}),
    ("bad-id", {("CL:12ab", "exo:IdentifierShape", "SPARQL"),
                ("pubmed:PMC123", "exo:IdentifierShape", "SPARQL")}),
    ("bad-offsets", {("exokg:evidence/", "exo:EvidenceOffsetsShape", "SPARQL")}),
    ("bad-term", {("uniprot:P15692", "exo:VocabularyTermShape", "SPARQL")}),
])
def test_each_planted_violation_is_found(kind: str, expected: set[tuple[str, str, str]]) -> None:
    found = kinds_found(plant(synthetic_graph(), kind))
    simplified = {(focus if not focus.startswith("exokg:") else focus.split("/")[0] + "/",
                   shape, component) for focus, shape, component in found}
    assert simplified == expected
    assert not validate_graph(plant(synthetic_graph(), kind)).conforms


def test_sparql_constraints_agree_with_pyshacl() -> None:
    """exokg runs SHACL-SPARQL constraints with Oxigraph: same focus nodes as pyshacl."""
    graph = plant(synthetic_graph(), "no-evidence", "bad-offsets", "bad-term", "bad-id")
    shapes = load_shapes()
    _, report, _ = pyshacl.validate(graph, shacl_graph=shapes, inference="none",
                                    do_owl_imports=False)
    theirs = {(str(report.value(r, SH.focusNode)), str(report.value(r, SH.sourceShape)))
              for r in report.subjects(RDF.type, SH.ValidationResult)
              if report.value(r, SH.sourceConstraintComponent) == SH.SPARQLConstraintComponent}
    ours = {(r.focus, r.shape) for r in validate_graph(graph, shapes).results
            if r.component == "SPARQL"}
    from exokg.ids import compress
    assert {(compress(f), compress(s)) for f, s in theirs} == ours
    assert len(ours) == 5


def test_report_is_readable() -> None:
    report = validate_graph(plant(synthetic_graph(), "no-evidence", "no-offsets", "bad-id"))
    text = report.format()
    assert text.splitlines()[0].startswith("the graph (")
    assert "does NOT conform" in text and "violations)" in text
    assert "results per kind:" in text
    assert re.search(r"^\s+2\s+exo:EvidenceShape MinCount exo:(end|start)$|"
                     r"^\s+1\s+exo:EvidenceShape MinCount exo:end$", text, re.M)
    assert "focus node: CL:12ab" in text
    assert "path:       biolink:has_evidence" in text
    assert "a statement has at least one biolink:has_evidence link" in text
    assert report.counts()["exo:IdentifierShape SPARQL"] == 2
    assert "malformed identifier CL:12ab" in text
    short = report.format(limit=1)
    assert "... and" in short and "more" in short


def test_require_valid_raises_with_the_report() -> None:
    with pytest.raises(ValidationError) as info:
        require_valid(plant(synthetic_graph(), "no-evidence"))
    assert "does NOT conform" in str(info.value) and "\n" not in str(info.value)
    assert info.value.report.counts()  # type: ignore[attr-defined]


def test_shape_identifier_patterns_follow_the_id_module() -> None:
    """ontology/shapes.ttl spells out exokg.ids.LOCAL_ID_PATTERNS: keep them in step."""
    shapes = load_shapes()
    select = next(str(shapes.value(c, SH.select)) for c in shapes.objects(
        URIRef(str(EXO) + "IdentifierShape"), SH.sparql))
    patterns = re.findall(r'REGEX\(STR\(\$this\), "([^"]+)"\)', select)
    prefixes = load_prefix_map()

    def xpath(regex: str) -> str:
        return regex.replace("\\.", "[.]").replace("\\S", "[^ ]")

    def esc(namespace: str) -> str:
        return namespace.replace(".", "[.]").replace("?", "[?]")

    rows = sorted(LOCAL_ID_PATTERNS.items(), key=lambda kv: kv[0].lower())
    namespaces = "^(" + "|".join(esc(prefixes[p]) for p, _ in rows) + ")"
    full = "^(" + "|".join(f"{esc(prefixes[p])}({xpath(r.pattern)}{IRI_SUFFIXES.get(p, '')})"
                           for p, r in rows) + ")$"
    assert patterns[0] == namespaces, "the namespaces of exo:IdentifierShape are out of date"
    assert patterns[1] == full, "the identifier patterns of exo:IdentifierShape are out of date"
    for prefix, regex in rows:  # the table in the comment too
        assert f"#   {prefix:15s} {prefixes[prefix]}  {xpath(regex.pattern)}" in \
            (Path(__file__).parents[1] / "ontology" / "shapes.ttl").read_text("utf-8"), prefix


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f.name in
                                 ("turtle", "ntriples", "jsonld", "trig", "nquads")],
                         ids=lambda f: f.name)
def test_every_rdf_export_validates(result: BuildResult, tmp_path: Path, fmt) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / fmt.output
    path.write_bytes(render_all(result)[fmt.output])
    report = validate_path(path)
    assert report.conforms and report.triples == len(result.graph)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": "random"}
    return subprocess.run([sys.executable, "-m", "exokg", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


def test_validate_command_passes_on_a_build(tmp_path: Path) -> None:
    proc = run("build", "-q", "--out", "exports", "--store", "store", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    proc = run("validate", cwd=tmp_path)  # default: the exports folder
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "conforms to the SHACL shapes" in proc.stdout
    assert "conforms to Biolink Model 4.4.6" in proc.stdout
    proc = run("validate", "exports/exokg.trig", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_validate_command_fails_with_a_readable_report(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_bytes(to_turtle(plant(synthetic_graph(), "no-evidence", "no-offsets", "bad-id")))
    proc = run("validate", str(bad), cwd=tmp_path)
    assert proc.returncode == 1
    out = proc.stdout
    assert "does NOT conform" in out and "results per kind:" in out
    for text in ("focus node: CL:12ab", "exo:EvidenceShape MinCount exo:start",
                 "exo:StatementShape MinCount biolink:has_evidence",
                 "malformed identifier CL:12ab"):
        assert text in out, text
    proc = run("validate", "missing.ttl", cwd=tmp_path)
    assert proc.returncode == 2 and "no such file" in proc.stderr
    (tmp_path / "broken.ttl").write_text("<a> <b> .", encoding="utf-8")
    proc = run("validate", "broken.ttl", cwd=tmp_path)
    assert proc.returncode == 2 and "invalid turtle RDF" in proc.stderr


def test_writer_refuses_an_invalid_graph_and_keeps_old_exports(result: BuildResult,
                                                               tmp_path: Path) -> None:
    out, store = tmp_path / "exports", tmp_path / "store"
    write_build_outputs(result, out, store=store)
    before = {p: p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    bad = BuildResult(result.documents, result.sentences, result.statements, result.entities,
                      plant(result.graph, "no-evidence", "bad-id"))
    bad.graph.remove((None, BIOLINK.has_evidence, None))
    with pytest.raises(ValidationError):
        write_build_outputs(bad, out, store=store)
    after = {p: p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    assert after == before


def test_build_command_refuses_to_publish_an_invalid_graph(tmp_path: Path) -> None:
    proc = run("build", "-q", "--out", "exports", "--store", "store", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    before = {p: p.read_bytes() for p in sorted((tmp_path / "exports").rglob("*"))
              if p.is_file()}
    script = (
        "import sys\n"
        "import exokg.pipeline as pipeline\n"
        "from rdflib import URIRef\n"
        "original = pipeline.build_graph\n"
        "def broken(*args, **kwargs):\n"
        "    graph = original(*args, **kwargs)\n"
        "    graph.remove((None, URIRef('https://w3id.org/biolink/vocab/has_evidence'), None))\n"
        "    return graph\n"
        "pipeline.build_graph = broken\n"
        "from exokg.cli import main\n"
        "sys.exit(main(['build', '-q', '--out', 'exports', '--store', 'store']))\n")
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 2
    assert "does NOT conform" in proc.stderr and "results per kind:" in proc.stderr
    assert proc.stderr.strip().splitlines()[-1].startswith("exokg: error: the graph (")
    assert "nothing was published" in proc.stderr
    after = {p: p.read_bytes() for p in sorted((tmp_path / "exports").rglob("*"))
             if p.is_file()}
    assert after == before
