"""A large build reads the statements of its store once, into a rows file
(exokg.export.statement_scan.write_statement_rows, the ``rows`` phase of exokg.postload),
and the answer tables and the KGX/CSV tables are made from that file: the files written
with it are byte-identical to those written from the store, the answer tables' writer no
longer queries the store for the statements' and evidence nodes' triples, and a rows file
read from other graphs is not used. On the founding corpus (with a negated claim) and the
development set."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

import exokg
from exokg.export.statement_scan import open_statement_rows, write_statement_rows
from exokg.export.tables import write_tables
from exokg.graph.store import open_store
from exokg.query.answers import FILE_NAME, write_answer_file
from exokg.validate_store import data_graphs
from tests.view_corpora import BUILDS, view_build


@pytest.fixture(scope="module", params=BUILDS)
def store(request: Any) -> Any:
    result = view_build(request.param)
    with exokg.load(result, memory="never") as graph:
        yield open_store(graph.path), [ox.DefaultGraph(), *(
            ox.NamedNode(g) for g in graph._sandbox.graphs)]


class _Counting:
    """A store that counts the answer tables' group reads: of every triple of a group's
    statements or evidence nodes, and of some predicates of the nodes they name
    (publications, documents, the statements' ends)."""

    def __init__(self, store: Any) -> None:
        self.store, self.group_reads, self.filtered_reads = store, 0, 0

    def query(self, text: str, *args: Any, **kwargs: Any) -> Any:
        if text.startswith("SELECT ?s ?p ?o WHERE { VALUES ?s"):
            if "FILTER" in text:
                self.filtered_reads += 1
            else:
                self.group_reads += 1
        return self.store.query(text, *args, **kwargs)

    def quads_for_pattern(self, *args: Any) -> Any:
        return self.store.quads_for_pattern(*args)


def _answers(store: Any, graphs: list[Any], folder: Path, rows: Path | None
             ) -> tuple[bytes, tuple[int, int]]:
    folder.mkdir()
    counting = _Counting(store)
    write_answer_file(counting, folder / FILE_NAME, graphs, kept=False,  # type: ignore[arg-type]
                      rows=rows)
    return (folder / FILE_NAME).read_bytes(), (counting.group_reads, counting.filtered_reads)


def test_the_answer_tables_from_the_rows_file_are_the_same_bytes(store: Any,
                                                                 tmp_path: Path) -> None:
    db, graphs = store
    assert data_graphs(db) is None  # as in a build: the data in the default graph alone
    rows = tmp_path / "rows.sqlite"
    assert write_statement_rows(db, None, rows) > 0
    expected, queried = _answers(db, graphs, tmp_path / "store", None)
    found, queried_with_rows = _answers(db, graphs, tmp_path / "rows", rows)
    assert found == expected
    # every group read of the statements and evidence comes from the file; of the
    # publications, documents and labels, all but those of nodes that have none
    assert queried[0] > 0 and queried_with_rows[0] == 0
    assert queried_with_rows[1] < queried[1]
    # a rows file read from other graphs than the writer reads is not used
    other = tmp_path / "other.sqlite"
    write_statement_rows(db, graphs, other)
    assert open_statement_rows(other, None) is None
    assert open_statement_rows(tmp_path / "missing.sqlite", None) is None
    found, queried_other = _answers(db, graphs, tmp_path / "other", other)
    assert found == expected and queried_other == queried


def test_kgx_and_the_statements_csv_from_the_rows_file_are_the_same_bytes(
        store: Any, tmp_path: Path) -> None:
    db, _ = store
    rows = tmp_path / "rows.sqlite"
    write_statement_rows(db, data_graphs(db), rows)

    def written(folder: Path, **options: Any) -> dict[str, bytes]:
        paths = write_tables(db, folder / "kgx", folder / "statements.csv", **options)
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in paths}

    expected = written(tmp_path / "store")
    assert set(expected) == {"kgx/nodes.tsv", "kgx/edges.tsv", "statements.csv"}
    assert expected["kgx/edges.tsv"].count(b"\n") > 1
    assert written(tmp_path / "rows", rows=rows) == expected
    # the rows file is read, not the store: with its statements gone, no edge is left
    import sqlite3

    with sqlite3.connect(rows) as edit:
        edit.execute("DELETE FROM st")
    edit.close()
    assert written(tmp_path / "emptied", rows=rows)["kgx/edges.tsv"].count(b"\n") == 1
