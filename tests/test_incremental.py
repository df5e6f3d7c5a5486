"""exokg add / remove: only new files are read, re-adding replaces, and the result is the
graph a full build of the same documents makes (issue #6)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from exokg.cli import main
from exokg.errors import InputError
from exokg.incremental import DocumentCache, add_documents, cache_path

HERE = Path(__file__).parent
PUBMED = HERE / "data" / "inputs" / "pubmed_two_articles.xml"
REGISTRY = HERE / "devset" / "documents" / "NCT03384433.json"
ABSTRACT = HERE / "devset" / "documents" / "xin-2013-jcbfm.md"


def _graph(out: Path) -> Graph:
    g = Graph()
    g.parse(data=(out / "exokg.ttl").read_bytes(), format="turtle")
    return g


def _run(*args: str) -> None:
    assert main([*args, "-q"]) == 0


@pytest.fixture()
def built(tmp_path: Path) -> tuple[Path, Path]:
    out, store = tmp_path / "inc" / "exports", tmp_path / "inc" / "store"
    _run("build", str(PUBMED), "--out", str(out), "--store", str(store))
    return out, store


def test_add_equals_full_build_and_readding_is_idempotent(built, tmp_path: Path) -> None:
    out, store = built
    _run("add", str(REGISTRY), str(ABSTRACT), "--out", str(out), "--store", str(store))
    once = _graph(out)
    full_out = tmp_path / "full" / "exports"
    _run("build", str(PUBMED), str(REGISTRY), str(ABSTRACT), "--out", str(full_out),
         "--store", str(tmp_path / "full" / "store"))
    assert isomorphic(once, _graph(full_out))
    _run("add", str(REGISTRY), "--out", str(out), "--store", str(store))
    assert isomorphic(once, _graph(out))
    assert sorted(DocumentCache.open(cache_path(store)).entries) == [
        "NCT03384433", "pubmed-11111111", "pubmed-22222222", "xin-2013-jcbfm"]


def test_remove_by_id_and_by_file(built, tmp_path: Path) -> None:
    out, store = built
    before = _graph(out)
    _run("add", str(REGISTRY), "--out", str(out), "--store", str(store))
    assert not isomorphic(before, _graph(out))
    _run("remove", "NCT03384433", "--out", str(out), "--store", str(store))
    assert isomorphic(before, _graph(out))
    _run("remove", str(PUBMED), "--out", str(out), "--store", str(store))
    assert DocumentCache.open(cache_path(store)).entries == {}


def test_readding_a_changed_document_replaces_its_statements(built, tmp_path: Path) -> None:
    out, store = built
    changed = tmp_path / "xin.md"
    shutil.copy(ABSTRACT, changed)
    _run("add", str(changed), "--out", str(out), "--store", str(store))
    text = changed.read_text(encoding="utf-8").replace("promote functional recovery",
                                                       "promote recovery")
    changed.write_text(text, encoding="utf-8")
    _run("add", str(changed), "--out", str(out), "--store", str(store))
    turtle = (out / "exokg.ttl").read_text(encoding="utf-8")
    assert "promote recovery" in turtle and "promote functional recovery" not in turtle


def test_add_reads_only_the_new_files(built, monkeypatch) -> None:
    out, store = built
    cache = DocumentCache.open(cache_path(store))
    read: list[str] = []
    import exokg.pipeline as pipeline

    original = pipeline.document_statements

    def spy(doc, recogniser):  # type: ignore[no-untyped-def]
        read.append(doc.id)
        return original(doc, recogniser)

    monkeypatch.setattr(pipeline, "document_statements", spy)
    add_documents([REGISTRY], cache)
    assert read == ["NCT03384433"]


def test_errors_leave_graph_and_cache_alone(built, tmp_path: Path) -> None:
    out, store = built
    before = (out / "exokg.ttl").read_bytes()
    assert main(["remove", "no-such-doc", "--out", str(out), "--store", str(store), "-q"]) == 2
    bad = tmp_path / "bad.xml"
    bad.write_text("<PubmedArticleSet><oops></PubmedArticleSet>", encoding="utf-8")
    assert main(["add", str(bad), "--out", str(out), "--store", str(store), "-q"]) == 2
    assert (out / "exokg.ttl").read_bytes() == before
    with pytest.raises(InputError):
        add_documents([], DocumentCache.open(cache_path(store)))
    assert main(["add", str(REGISTRY), "--out", str(tmp_path / "x"), "-q"]) == 2  # no graph
