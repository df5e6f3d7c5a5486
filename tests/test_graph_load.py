"""The store loader (exokg.graph.load): lines made as text and read by Oxigraph's bulk
loader through a named pipe while they are made; errors on either side end the load
with the error, never a hang, and leave no loader thread behind."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest

import exokg.graph.load as load
from exokg.graph.load import load_build, triples_file, used_terms_file
from exokg.graph.terms import NTriplesTerms
from exokg.pipeline import BuildResult, build


@pytest.fixture(scope="module")
def result() -> BuildResult:
    return build()


def _load(result: BuildResult, folder: Path, store: pyoxigraph.Store) -> int:
    partition = folder / "partition.nq"
    with open(partition, "wb") as handle, open(triples_file(partition), "wb") as lines:
        return load_build(result, store, handle, triples=lines)


@pytest.mark.parametrize("piped", [True, False])
def test_the_store_holds_the_lines_written(result: BuildResult, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch,
                                           piped: bool) -> None:
    monkeypatch.setattr(load, "_PIPED", piped)
    store = pyoxigraph.Store()
    added = _load(result, tmp_path, store)
    lines = set(triples_file(tmp_path / "partition.nq").read_bytes().splitlines())
    assert added >= len(lines) == len(store) == len(result.graph)
    dumped = store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph())
    assert set(dumped.splitlines()) == lines
    assert used_terms_file(tmp_path / "partition.nq").is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".exokg-load-")]


def test_an_error_while_making_lines_ends_the_load(result: BuildResult, tmp_path: Path
                                                  ) -> None:
    def failing() -> Iterator[object]:
        yield from list(result.statements)[:3]
        raise RuntimeError("a record could not be read")

    broken = BuildResult(result.documents, 0, failing(), result.entities)  # type: ignore[arg-type]
    before = threading.active_count()
    with pytest.raises(RuntimeError, match="could not be read"):
        _load(broken, tmp_path, pyoxigraph.Store())
    assert threading.active_count() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".exokg-load-")]


def test_an_error_of_the_bulk_loader_ends_the_load(result: BuildResult, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A line the loader cannot parse: its syntax error, not a hang."""
    monkeypatch.setattr(NTriplesTerms, "integer", staticmethod(lambda value: "not a term"))
    before = threading.active_count()
    with pytest.raises((SyntaxError, OSError)):
        _load(result, tmp_path, pyoxigraph.Store())
    assert threading.active_count() == before
