"""The store-first build (issue 10, items 1, 2 and 7): raw statements go to an on-disk claim
table and are assembled there with the in-memory semantics; the graph streams into the
Oxigraph store; the RDF exports are written from the store with the same bytes as the
in-memory exporters; a build keeps nothing per document in memory."""

from __future__ import annotations

import io
import os
import random
import shutil
import subprocess
import sys
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import RDF

from exokg.assemble import assemble, contradictions, disagreements
from exokg.claimstore import ClaimStore, work_folder
from exokg.corpus.readers import bundled_corpus_path
from exokg.export.extsort import sorted_unique
from exokg.export.jsonld import to_jsonld
from exokg.export.ntriples import to_ntriples
from exokg.export.quads import to_nquads, to_trig
from exokg.export.streamed import RDF_EXPORTS, write_rdf_exports
from exokg.export.turtle import to_turtle
from exokg.graph.load import load_build, triples_file
from exokg.graph.rdf import EXO as EXO_NS
from exokg.incremental import DocumentCache
from exokg.model import Context, Document, Entity, Evidence, Statement, Value
from exokg.pipeline import BuildResult, assemble_result, build
from exokg.progress import Reporter
from tests.exports_helpers import DOCS, REGISTRY, STATEMENTS

HERE = Path(__file__).parent

TRIAL = Entity("clinicaltrials:NCT00000001", "NCT00000001", "ClinicalTrial")
TRIAL_OTHER_LABEL = replace(TRIAL, label="NCT00000001 (registry)")
VEGF = Entity("uniprot:P15692", "VEGFA", "Protein")
EXO = Entity("GO:0070062", "exosome", "Vesicle")


def _ev(doc: str, start: int) -> Evidence:
    return Evidence(doc, 0, start, start + 5, "text.", "test.rule")


def _raw() -> list[Statement]:
    """Raw statements that exercise every rule of assembly: one claim from three documents
    (one repeated), context pooled and given unsorted, claims differing only by hedging,
    a contradiction by direction and by negation, single-valued attributes that disagree
    and agree, and a first statement whose subject label differs from a later one's."""
    up = Statement(EXO, "biolink:affects", VEGF, direction="increased",
                   context=Context(dose=("5 ug", "1 ug")), evidence=(_ev("b", 0),))
    return [
        up,
        replace(up, context=Context(dose=("2 ug",)), evidence=(_ev("a", 3), _ev("b", 0))),
        replace(up, evidence=(_ev("c", 7),)),
        replace(up, hedged=True, evidence=(_ev("c", 9),)),
        replace(up, direction="decreased", evidence=(_ev("d", 1),)),
        replace(up, negated=True, evidence=(_ev("e", 1),)),
        Statement(TRIAL, "exo:phase", Value("Phase 2"), evidence=(_ev("a", 20),)),
        Statement(TRIAL_OTHER_LABEL, "exo:phase", Value("Phase 1/2"), evidence=(_ev("b", 20),)),
        Statement(TRIAL, "exo:startDate", Value("2018-10", "date"), evidence=(_ev("a", 30),)),
        Statement(TRIAL, "exo:startDate", Value("2018-10-05", "date"),
                  evidence=(_ev("b", 30),)),
        Statement(TRIAL, "exo:enrollment", Value("5", "integer"), evidence=(_ev("a", 40),)),
    ]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_claim_table_assembles_like_memory(seed: int) -> None:
    raw = _raw()
    random.Random(seed).shuffle(raw)
    expected = assemble(raw)
    with ClaimStore() as claims:
        claims.add_document(None, raw[:4])
        claims.add_document(None, raw[4:])
        assert claims.assemble() == len(expected)
        assert list(claims.statements()) == expected
        assert list(claims.contradictions()) == contradictions(expected)
        assert list(claims.disagreements()) == disagreements(expected)
    assert contradictions(expected) and disagreements(expected)  # the cases are exercised


def test_stored_rows_behave_as_a_sequence() -> None:
    with ClaimStore() as claims:
        docs = [Document(f"d{i}", f"text {i}", f"d{i}.txt") for i in range(5)]
        for doc in docs:
            claims.add_document(doc, ())
        claims.assemble()
        rows = claims.documents()
        assert len(rows) == 5 and list(rows) == docs and rows == docs
        assert rows[0] == docs[0] and rows[-1] == docs[-1] and rows[1:3] == docs[1:3]
        with pytest.raises(IndexError):
            rows[5]
        assert not claims.statements() and len(claims.statements()) == 0
        with pytest.raises(RuntimeError):
            claims.add_document(docs[0], ())


def test_rows_read_the_same_after_the_page_cache_is_freed() -> None:
    # a large build frees the claim table's page cache while the phases after loading run,
    # then prints its summary from the table: the rows must read back unchanged
    with ClaimStore() as claims:
        docs = [Document(f"d{i}", f"text {i}", f"d{i}.txt") for i in range(50)]
        for doc in docs:
            claims.add_document(doc, ())
        claims.assemble()
        assert list(claims.documents()) == docs
        claims.shrink_memory()
        assert list(claims.documents()) == docs
    claims.shrink_memory()  # closed: nothing to free, no error


def test_claim_table_folder_is_removed_when_closed() -> None:
    claims = ClaimStore()
    folder = claims.folder
    assert (folder / "claims.sqlite").is_file()
    claims.close()
    assert not folder.exists()


def test_work_folders_of_dead_builds_are_removed(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    stale = tmp_path / f"exokg-build-{dead}-abc"
    stale.mkdir()
    mine = work_folder(tmp_path)
    alive = work_folder(tmp_path)  # this process is alive: its folders stay
    assert not stale.exists() and mine.is_dir() and alive.is_dir()
    assert mine.name.startswith(f"exokg-build-{os.getpid()}-")


@pytest.mark.parametrize("chunk", [1, 40, 1 << 20])
def test_external_sort_sorts_and_deduplicates(tmp_path: Path, chunk: int) -> None:
    rng = random.Random(3)
    lines = [f"<x/{rng.randrange(50)}> \u00e9{rng.randrange(9)} .\n".encode() for _ in range(300)]
    assert list(sorted_unique(iter(lines), tmp_path, chunk_bytes=chunk)) == sorted(set(lines))
    assert not list(tmp_path.iterdir())  # runs are removed


def _streamed(result: BuildResult, folder: Path, lines: bool = True) -> dict[str, bytes]:
    """The RDF exports written as a build writes them (``lines``: with the loader's
    N-Triples lines; otherwise from a dump of the store)."""
    folder.mkdir(parents=True, exist_ok=True)
    store = pyoxigraph.Store(str(folder / "oxigraph"))
    partition = folder / "partition"
    with open(partition, "wb") as handle, \
            open(triples_file(partition), "wb") if lines else nullcontext() as triples:
        load_build(result, store, handle, triples=triples)
    (folder / "scratch").mkdir()
    triples = write_rdf_exports(store, partition, folder / "exports", folder / "scratch")
    assert triples == len(result.graph)
    assert not list((folder / "scratch").iterdir())
    return {name: (folder / "exports" / name).read_bytes() for name in RDF_EXPORTS}


def _in_memory(result: BuildResult) -> dict[str, bytes]:
    g = result.graph
    return {"exokg.nt": to_ntriples(g), "exokg.ttl": to_turtle(g), "exokg.nq": to_nquads(g),
            "exokg.trig": to_trig(g), "exokg.jsonld": to_jsonld(g)}


def test_exports_from_the_store_equal_the_in_memory_exports(tmp_path: Path) -> None:
    """The hand-made build (negation, hedging, literals, two documents per claim, a
    contradiction): streamed into a store and written from it, every RDF export has the
    bytes the in-memory exporters give for the rdflib graph of the same build."""
    result = assemble_result(DOCS, STATEMENTS, dict(REGISTRY), 4)
    assert len(result.contradictions) == 1
    assert _streamed(result, tmp_path) == _in_memory(result)


def test_ntriples_from_the_loader_are_the_sorted_dump_of_the_store(tmp_path: Path) -> None:
    """The N-Triples export is made from the lines the loader wrote beside the store: the
    same bytes as the store's own dump sorted, and every export the same either way."""
    result = build()
    from_lines = _streamed(result, tmp_path / "lines")
    assert triples_file(tmp_path / "lines" / "partition").stat().st_size > 0
    from_dump = _streamed(result, tmp_path / "dump", lines=False)
    assert from_lines == from_dump
    store = pyoxigraph.Store.read_only(str(tmp_path / "lines" / "oxigraph"))
    dumped = store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES,
                        from_graph=pyoxigraph.DefaultGraph())
    assert from_lines["exokg.nt"] == b"".join(sorted(set(dumped.splitlines(keepends=True))))


def test_mixed_corpus_build_streams_to_the_same_exports(tmp_path: Path) -> None:
    """A real build (corpus excerpts, PubMed XML, a registry record: disagreements across
    sources) through the store equals the rdflib path, and a second build of the same input
    in another order of loading gives the same bytes."""
    corpus = bundled_corpus_path()
    folder = tmp_path / "inputs"
    folder.mkdir()
    shutil.copy(corpus, folder / corpus.name)
    shutil.copy(corpus.with_name(corpus.stem + ".attribution.yaml"), folder)
    shutil.copy(HERE / "data" / "inputs" / "pubmed_two_articles.xml", folder)
    shutil.copy(HERE / "devset" / "documents" / "NCT03384433.json", folder)
    result = build([folder])
    assert result.disagreements
    first = _streamed(result, tmp_path / "a")
    assert first == _in_memory(result)
    again = BuildResult(list(reversed(result.documents)), result.sentences,
                        list(reversed(result.statements)), result.entities,
                        contradictions=list(result.contradictions),
                        disagreements=list(result.disagreements))
    assert _streamed(again, tmp_path / "b") == first


def test_build_keeps_records_on_disk(tmp_path: Path) -> None:
    result = build([HERE / "data" / "inputs" / "pubmed_two_articles.xml"], workdir=tmp_path)
    assert result.claims is not None and result.claims.folder.parent == tmp_path
    assert not result.has_graph  # nothing asked for the rdflib graph yet
    assert len(result.documents) == 2 and result.statements
    assert result.triple_count() == len(result.graph) and result.has_graph
    folder = result.claims.folder
    result.claims.close()
    assert not folder.exists()


def test_spooled_cache_writes_entries_as_they_come(tmp_path: Path) -> None:
    doc = DOCS[0]
    spooled = DocumentCache(spool=tmp_path / "spool")
    spooled.put(doc, STATEMENTS[:2], {}, 2)
    assert (tmp_path / "spool" / "documents" / f"{doc.id}.json").is_file()
    assert not spooled._pending  # nothing of the document is kept in memory
    memory = DocumentCache()
    memory.put(doc, STATEMENTS[:2], {}, 2)
    spooled.write_to(tmp_path / "a")
    memory.write_to(tmp_path / "b")
    for name in ("manifest.json", f"documents/{doc.id}.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_build_reports_every_phase_with_counts_and_rates(tmp_path: Path) -> None:
    from exokg.export.writer import write_build_outputs

    stream = io.StringIO()
    reporter = Reporter(verbosity=1, stream=stream, tty=False)
    result = build([HERE / "data" / "inputs" / "pubmed_two_articles.xml"],
                   progress=reporter.counter("reading and extracting documents"),
                   reporter=reporter)
    write_build_outputs(result, tmp_path / "out", store=tmp_path / "store", reporter=reporter)
    text = stream.getvalue()
    for expected in ("reading and extracting documents (2 documents)",
                     "assembling claims (", "raw statements (",
                     "validating the graph", "loading the store (",
                     "loaded the store: ", "wrote exokg.nt: ", "wrote exokg.ttl: ",
                     "wrote exokg.nq: ", "wrote exokg.trig: ", "wrote exokg.jsonld: "):
        assert expected in text, expected
    assert "/s)" in text


def test_empty_build_exports_from_the_store_equal_the_in_memory_exports(tmp_path: Path
                                                                         ) -> None:
    result = assemble_result([], [], {}, 0)
    assert _streamed(result, tmp_path) == _in_memory(result)


def test_a_given_graph_is_what_is_written(tmp_path: Path) -> None:
    """A build whose graph was set by the caller (not made from its records) is loaded and
    exported as that graph."""
    result = assemble_result(DOCS, STATEMENTS, dict(REGISTRY), 4)
    replaced = assemble_result(DOCS[:1], STATEMENTS[:2], dict(REGISTRY), 2).graph
    result.graph = replaced
    assert _streamed(result, tmp_path) == _in_memory(result)
    assert to_ntriples(replaced) == (tmp_path / "exports" / "exokg.nt").read_bytes()


def test_large_build_is_validated_in_the_store_before_publishing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Above the document threshold validation runs once the new store is loaded; an
    invalid graph is still never published."""
    import exokg.export.writer as writer
    from exokg.errors import ValidationError
    from exokg.graph.rdf import BIOLINK

    monkeypatch.setattr(writer, "RDFLIB_MAX_DOCUMENTS", 0)
    out, store = tmp_path / "out", tmp_path / "store"
    stream = io.StringIO()
    result = assemble_result(DOCS, STATEMENTS, dict(REGISTRY), 4)
    writer.write_build_outputs(result, out, store=store,
                               reporter=Reporter(verbosity=1, stream=stream, tty=False))
    text = stream.getvalue()
    assert text.index("loaded the store") < text.index("validating the graph")
    before = {p: p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    bad = assemble_result(DOCS, STATEMENTS, dict(REGISTRY), 4)
    graph = bad.graph
    graph.remove((None, BIOLINK.has_evidence, None))  # a statement without evidence
    bad.graph = graph  # a graph set by the caller is what the store is loaded with
    with pytest.raises(ValidationError):
        writer.write_build_outputs(bad, out, store=store)
    assert {p: p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()} == before


def test_exports_are_byte_identical_for_one_and_two_workers(tmp_path: Path) -> None:
    """Every file of ``exokg build`` (the streamed RDF exports included) is the same with
    ``--workers 1`` and ``--workers 2``."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for path in sorted((HERE / "devset" / "documents").glob("*.md"))[:6]:
        shutil.copy(path, inputs)
    shutil.copy(HERE / "data" / "inputs" / "pubmed_two_articles.xml", inputs)
    files = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}"
        proc = subprocess.run([sys.executable, "-m", "exokg", "-q", "build", str(inputs),
                               "--out", str(out), "--store", str(tmp_path / f"s{workers}"),
                               "--workers", workers], capture_output=True, text=True,
                              cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        files.append({p.relative_to(out).as_posix(): p.read_bytes()
                      for p in sorted(out.rglob("*")) if p.is_file()})
    assert set(RDF_EXPORTS) <= set(files[0])
    assert files[0] == files[1]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("exokg-build-")]


def test_large_build_writes_every_export_from_its_store(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Above the document threshold KGX, GraphML, the statements CSV and the page are
    written from the store (SELECTs; the page from the best-supported statements): for a
    graph the page can hold whole, every file is byte-identical to the in-memory path's."""
    import exokg.export.writer as writer

    small = tmp_path / "small"
    writer.write_build_outputs(build(), small, store=tmp_path / "s1")
    monkeypatch.setattr(writer, "RDFLIB_MAX_DOCUMENTS", 0)
    large = tmp_path / "large"
    writer.write_build_outputs(build(), large, store=tmp_path / "s2")
    files = [{p.relative_to(folder).as_posix(): p.read_bytes()
              for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.startswith(".")}
             for folder in (small, large)]
    assert {"exokg.html", "exokg.graphml", "statements.csv", "kgx/nodes.tsv",
            "kgx/edges.tsv"} <= set(files[1])
    assert files[0] == files[1]


def test_page_of_a_large_graph_draws_its_best_supported_statements(tmp_path: Path) -> None:
    """The page of a large build draws the statements with the most evidence and says how
    many of how many; what it describes stays bounded (entities' edges are not followed)."""
    from exokg.viz.store_page import page_graph, page_title

    result = build()
    store = pyoxigraph.Store()
    with open(tmp_path / "partition.nq", "wb") as handle:
        load_build(result, store, handle, lambda kind: None)
    whole = page_graph(store, 10**6)
    assert len(whole) == len(result.graph)
    cut = page_graph(store, 5)
    drawn = set(cut.subjects(RDF.type, EXO_NS.Statement))
    assert len(drawn) == 5 and len(cut) < len(whole) // 4
    most = max(int(o) for o in whole.objects(None, EXO_NS.evidenceCount))
    assert any(int(cut.value(s, EXO_NS.evidenceCount)) == most for s in drawn)
    assert page_title(len(result.statements), 5).startswith("exokg evidence graph: the 5 of ")
    assert page_title(5, 5) is None


def test_page_reads_only_the_evidence_it_lists(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The page of a large build reads, of each statement's evidence, only what the page
    lists (the first MAX_EVIDENCE by IRI): with the limit at 1 it is still byte for byte
    the page of the whole graph, from a smaller graph."""
    import exokg.viz.view as view
    from exokg.viz import render_page
    from exokg.viz.store_page import page_graph, page_html, page_title

    result = build([Path(__file__).parent / "devset" / "documents"])
    store = pyoxigraph.Store()
    with open(tmp_path / "partition.nq", "wb") as handle:
        load_build(result, store, handle, lambda kind: None)
    counts = [int(o) for o in result.graph.objects(None, EXO_NS.evidenceCount)]
    assert max(counts) > 1
    monkeypatch.setattr(view, "MAX_EVIDENCE", 1)
    cut = page_graph(store, 10**6)
    assert len(cut) < len(result.graph)
    assert render_page(cut) == render_page(result.graph)
    # what the build writes: the same page, read without an rdflib Graph
    n = len(result.statements)
    assert page_html(store, n, 10**6) == render_page(result.graph)
    assert page_html(store, n, 7) == render_page(page_graph(store, 7), title=page_title(n, 7))
