"""The view file a store generation is written with (exokg.graph.viewdb) gives the same
NetworkX view and the same neighbourhoods as reading the store by SPARQL
(exokg.query.views), on the founding corpus (with a negated claim) and on the dev set; a
generation without the file is read by SPARQL."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

import exokg
from tests.view_corpora import BUILDS, view_build
from exokg.graph.store import generation_path, open_store
from exokg.graph.viewdb import FILE_NAME, ViewFile, write_view_file
from exokg.query._worker import URI
from exokg.query.views import context_labels, neighbourhood_view, networkx_view, \
    node_of_term



@pytest.fixture(scope="module", params=BUILDS)
def kg(request):  # type: ignore[no-untyped-def]
    result = view_build(request.param)
    with exokg.load(result) as graph:
        yield graph


def test_every_generation_is_written_with_its_view_file(kg) -> None:
    generation = generation_path(kg.path)
    assert (generation / FILE_NAME).is_file()
    assert kg._views() is not None


def test_the_file_view_equals_the_sparql_view(kg) -> None:
    from_file = kg._views().networkx()
    by_sparql = networkx_view(kg)
    assert from_file.number_of_edges() > 50
    assert list(from_file.nodes(data=True)) == list(by_sparql.nodes(data=True))
    assert list(from_file.edges(keys=True, data=True)) == \
        list(by_sparql.edges(keys=True, data=True))
    kg._nx = None
    assert list(kg.to_networkx().edges(keys=True, data=True)) == \
        list(by_sparql.edges(keys=True, data=True))
    labels = kg._views().context_labels()
    assert labels and labels == context_labels(kg)
    assert kg.to_networkx().graph["labels"] == labels


def _hubs(kg, n: int = 3) -> list[str]:  # type: ignore[no-untyped-def]
    view = kg.to_networkx()
    return sorted(view, key=lambda node: (-view.degree(node), node))[:n]


@pytest.mark.parametrize("depth", [0, 1, 2])
@pytest.mark.parametrize("include_negated", [True, False])
def test_neighbourhoods_from_the_file_equal_the_sparql_walk(kg, depth, include_negated
                                                            ) -> None:
    stored = kg._views()
    for centre in _hubs(kg):
        term = (URI, kg.to_networkx().nodes[centre]["iri"])
        expected = neighbourhood_view(kg, term, depth, include_negated=include_negated,
                                      max_nodes=10**9)
        found = stored.neighbourhood(node_of_term(term), depth,
                                     include_negated=include_negated)
        assert dict(found.nodes(data=True)) == dict(expected.nodes(data=True))
        assert sorted(found.edges(keys=True, data=True)) == \
            sorted(expected.edges(keys=True, data=True))
    assert len(stored.neighbourhood("exokg:no/such-node", 1)) == 0


def test_a_generation_without_the_file_answers_the_same_by_sparql(kg, tmp_path) -> None:
    copy = tmp_path / "store"
    shutil.copytree(kg.path, copy, symlinks=True)
    (generation_path(copy) / FILE_NAME).unlink()
    centre = _hubs(kg, 1)[0]
    with exokg.load(copy) as plain:
        assert plain._views() is None
        assert list(plain.to_networkx().edges(keys=True, data=True)) == \
            list(kg.to_networkx().edges(keys=True, data=True))
        there = plain.neighbourhood(centre, depth=1)
        here = kg.neighbourhood(centre, depth=1)
        assert there.sort_values("statement").reset_index(drop=True).equals(
            here.sort_values("statement").reset_index(drop=True))


def test_the_file_is_deterministic_and_another_format_is_ignored(kg, tmp_path) -> None:
    store = open_store(kg.path)
    graphs = None
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir(), second.mkdir()
    write_view_file(store, first / FILE_NAME, graphs)
    write_view_file(store, second / FILE_NAME, graphs)
    assert (first / FILE_NAME).read_bytes() == (second / FILE_NAME).read_bytes()
    assert ViewFile.open(first) is not None
    with sqlite3.connect(first / FILE_NAME) as db:
        db.execute("UPDATE meta SET value = '0' WHERE name = 'format'")
    db.close()
    assert ViewFile.open(first) is None
    (second / FILE_NAME).write_bytes(b"not a database")
    assert ViewFile.open(second) is None
    assert ViewFile.open(tmp_path / "missing") is None
