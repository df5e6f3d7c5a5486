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


class _CountingView:
    """A store that counts the view's queries over every statement (its edges)."""

    def __init__(self, store: Any) -> None:
        self.store, self.edge_queries, self.queries = store, 0, 0

    def query(self, text: str, *args: Any, **kwargs: Any) -> Any:
        self.queries += 1
        if "exo:evidenceCount ?count" in text or "VALUES ?attribute" in text:
            self.edge_queries += 1
        return self.store.query(text, *args, **kwargs)

    def quads_for_pattern(self, *args: Any) -> Any:
        return self.store.quads_for_pattern(*args)


def test_the_view_file_from_the_rows_file_is_the_same_bytes(store: Any,
                                                            tmp_path: Path) -> None:
    import sqlite3

    from exokg.graph.viewdb import FILE_NAME as VIEW_FILE
    from exokg.graph.viewdb import write_view_file
    from exokg.query.view_rows import rows_edges

    db, graphs = store
    rows = tmp_path / "rows.sqlite"
    write_statement_rows(db, data_graphs(db), rows)

    def written(name: str, rows: Path | None) -> tuple[bytes, int]:
        (tmp_path / name).mkdir()
        counting = _CountingView(db)
        write_view_file(counting, tmp_path / name / VIEW_FILE, graphs,  # type: ignore[arg-type]
                        answers=False, rows=rows)
        return (tmp_path / name / VIEW_FILE).read_bytes(), counting.edge_queries

    expected, queried = written("store", None)
    found, queried_with_rows = written("rows", rows)
    assert found == expected
    assert queried == 2 and queried_with_rows == 0
    # the edges are the file's: with its statements gone, there are none
    emptied = tmp_path / "emptied.sqlite"
    emptied.write_bytes(rows.read_bytes())
    with sqlite3.connect(emptied) as edit:
        edit.execute("DELETE FROM st")
    edit.close()
    assert rows_edges(emptied, db, graphs) == {}
    # a statement with two subjects: the store's answer takes its first solution, in an
    # order the file does not keep, so the file is not used
    twice = tmp_path / "twice.sqlite"
    twice.write_bytes(rows.read_bytes())
    with sqlite3.connect(twice) as edit:
        (rowid, lines), = edit.execute("SELECT rowid, b FROM st ORDER BY rowid LIMIT 1")
        edit.execute("UPDATE st SET b = ? WHERE rowid = ?", (
            lines + "<http://www.w3.org/1999/02/22-rdf-syntax-ns#subject>\t"
            "<https://example.org/other>\n", rowid))
    edit.close()
    assert rows_edges(twice, db, graphs) is None
    assert written("twice", twice) == (expected, 2)
    # a file read from other graphs, or none, is not used
    other = tmp_path / "other.sqlite"
    write_statement_rows(db, graphs, other)
    assert rows_edges(other, db, graphs) is None
    assert rows_edges(tmp_path / "missing.sqlite", db, graphs) is None


def test_the_view_reads_the_store_when_another_graph_adds_to_a_statement(
        tmp_path: Path) -> None:
    from exokg.query.view_rows import rows_edges

    # invented: one statement in the default graph, and a named graph (as the ontology's
    # would be) that gives it a second direction
    exo = "https://w3id.org/exokg/vocab/"
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xsd = "http://www.w3.org/2001/XMLSchema#"
    db = ox.Store()
    s = ox.NamedNode("https://example.org/st1")
    graph = ox.NamedNode("https://example.org/ontology")
    for p, o in ((rdf + "type", ox.NamedNode(exo + "Statement")),
                 (rdf + "subject", ox.NamedNode("https://example.org/a")),
                 (rdf + "predicate", ox.NamedNode(exo + "treats")),
                 (rdf + "object", ox.NamedNode("https://example.org/b")),
                 (exo + "negated", ox.Literal("false", datatype=ox.NamedNode(xsd + "boolean"))),
                 (exo + "hedged", ox.Literal("true", datatype=ox.NamedNode(xsd + "boolean"))),
                 (exo + "evidenceCount", ox.Literal("2", datatype=ox.NamedNode(xsd + "integer"))),
                 (exo + "direction", ox.Literal("increase"))):
        db.add(ox.Quad(s, ox.NamedNode(p), o, ox.DefaultGraph()))
    rows = tmp_path / "rows.sqlite"
    write_statement_rows(db, None, rows)
    edges = rows_edges(rows, db, [ox.DefaultGraph(), graph])
    assert edges is not None
    ((subject, obj, attrs),) = edges.values()
    assert (subject[1], obj[1]) == ("https://example.org/a", "https://example.org/b")
    assert (attrs["negated"], attrs["hedged"], attrs["evidence_count"],
            attrs["direction"]) == (False, True, 2, "increase")
    db.add(ox.Quad(s, ox.NamedNode(exo + "direction"), ox.Literal("decrease"), graph))
    assert rows_edges(rows, db, [ox.DefaultGraph(), graph]) is None
    assert rows_edges(rows, db, [ox.DefaultGraph()]) is not None


def test_the_graphml_from_the_rows_file_is_the_same_bytes(store: Any, tmp_path: Path) -> None:
    import sqlite3

    from exokg.export.tables import write_graphml

    db, _ = store
    rows = tmp_path / "rows.sqlite"
    write_statement_rows(db, data_graphs(db), rows)
    expected = write_graphml(db, tmp_path / "store.graphml").read_bytes()
    assert expected.count(b"<edge ") > 1
    assert write_graphml(db, tmp_path / "rows.graphml", rows).read_bytes() == expected
    # the edges are the file's: with its statements gone, there are none
    emptied = tmp_path / "emptied.sqlite"
    emptied.write_bytes(rows.read_bytes())
    with sqlite3.connect(emptied) as edit:
        edit.execute("DELETE FROM st")
    edit.close()
    assert write_graphml(db, tmp_path / "emptied.graphml", emptied).read_bytes().count(
        b"<edge ") == 0
    # a statement with two objects: read from the store, the same document
    twice = tmp_path / "twice.sqlite"
    twice.write_bytes(rows.read_bytes())
    with sqlite3.connect(twice) as edit:
        (rowid, lines), = edit.execute("SELECT rowid, b FROM st ORDER BY a DESC LIMIT 1")
        edit.execute("UPDATE st SET b = ? WHERE rowid = ?", (
            lines + "<http://www.w3.org/1999/02/22-rdf-syntax-ns#object>\t"
            "<https://example.org/other>\n", rowid))
    edit.close()
    from exokg.query.view_rows import Ambiguous, iter_rows_edges, usable_rows

    opened = usable_rows(twice, db, None)
    assert opened is not None
    with pytest.raises(Ambiguous):  # met after the other statements' edges
        list(iter_rows_edges(opened))
    opened.close()
    assert write_graphml(db, tmp_path / "twice.graphml", twice).read_bytes() == expected


def test_a_literal_with_a_unicode_line_separator_stays_one_cell() -> None:
    """Rows are split at the TSV's own line ends ("\\n") only: Oxigraph does not escape
    U+2028, U+0085 or a form feed inside a literal, and a sentence may hold them (invented
    cells)."""
    from rdflib import Literal, URIRef

    from exokg.export.statement_scan import EVIDENCE_PREDICATES, _merged

    (sentence,) = (p for p, name in EVIDENCE_PREDICATES.items() if name == "texts")

    lines = ('<http://a.org/p>\t"one\u2028two\x85three\x0cfour"\n'
             '<http://a.org/q>\t"x"\n')
    evidence = iter([("<http://a.org/s>", "<http://a.org/e>",
                      f'{sentence}\t"a\u2029b"\n')])
    (scanned,) = _merged(iter([("<http://a.org/s>", lines)]), evidence, {}, False)
    assert scanned.values[URIRef("http://a.org/p")] == [
        Literal("one\u2028two\x85three\x0cfour")]
    assert scanned.values[URIRef("http://a.org/q")] == [Literal("x")]
    assert scanned.evidence["http://a.org/e"].texts == ['"a\u2029b"']
