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


class _CountingKept:
    """A store that records which kept queries the engine ran (by their first result
    column's name)."""

    def __init__(self, store: Any) -> None:
        self.store, self.kept_queries = store, []

    def query(self, text: str, *args: Any, **kwargs: Any) -> Any:
        if text.lstrip().startswith("# title:"):
            self.kept_queries.append(text.split("\n", 1)[0])
        return self.store.query(text, *args, **kwargs)

    def quads_for_pattern(self, *args: Any) -> Any:
        return self.store.quads_for_pattern(*args)


def _kept(store: Any, graphs: list[Any], path: Path, rows: Path | None
          ) -> tuple[bytes, dict[str, int], list[str]]:
    from exokg.query.answers import write_kept_file

    counting = _CountingKept(store)
    counts = write_kept_file(counting, path, graphs, rows=rows)  # type: ignore[arg-type]
    return path.read_bytes(), counts, counting.kept_queries


def _engine_and_rows(db: Any, graphs: list[Any], tmp_path: Path
                     ) -> tuple[Any, dict[str, int], Any, list[str]]:
    """The kept tables of ``db`` by the engine alone and from its rows file: (the engine's
    tables, their row counts, the tables with the rows file, the queries the engine still
    ran then)."""
    rows = tmp_path / "rows.sqlite"
    write_statement_rows(db, data_graphs(db), rows)
    expected, counts, _ = _kept(db, graphs, tmp_path / "store.sqlite", None)
    found, _, ran = _kept(db, graphs, tmp_path / "rows.sqlite3", rows)
    return expected, counts, found, ran


def test_the_kept_tables_from_the_rows_file_are_the_same_bytes(store: Any,
                                                              tmp_path: Path) -> None:
    from exokg.query.kept_rows import MADE

    db, graphs = store
    rows = tmp_path / "rows.sqlite"
    write_statement_rows(db, data_graphs(db), rows)
    expected, counts, ran = _kept(db, graphs, tmp_path / "store.sqlite", None)
    assert counts["outcomes_by_species"] > 10 and len(ran) == 4
    found, _, ran_with_rows = _kept(db, graphs, tmp_path / "rows.sqlite3", rows)
    assert found == expected
    # the queries with a maker are not run by the engine
    assert len(ran_with_rows) == 4 - len(MADE)


def test_every_kept_maker_was_written_for_the_query_text_of_the_library() -> None:
    """A query text changed without its maker would fall back to SPARQL silently: the
    maker is then to be changed with it (and its digest)."""
    from exokg.query.answers import _query_digest
    from exokg.query.kept_rows import MADE
    from exokg.query.library import load_library

    library = load_library()
    for name, (digest, _) in MADE.items():
        assert digest == _query_digest(library[name].text), name


_EX = "https://example.org/"
_EXO = "https://w3id.org/exokg/vocab/"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_BL = "https://w3id.org/biolink/vocab/"
_XSD = "http://www.w3.org/2001/XMLSchema#"


def _invented_statement(db: Any, name: str, subject: str, predicate: str, obj: str, *,
                        negated: bool = False, graph: Any = None,
                        **values: list[Any]) -> None:
    """An invented statement node with its own triples (``values``: exo predicate name ->
    objects, ``has_evidence`` for evidence IRIs)."""
    g = graph if graph is not None else ox.DefaultGraph()
    s = ox.NamedNode(_EX + name)
    triples = [(_RDF + "type", ox.NamedNode(_EXO + "Statement")),
               (_RDF + "subject", ox.NamedNode(_EX + subject)),
               (_RDF + "predicate", ox.NamedNode(_BL + predicate)),
               (_RDF + "object", ox.NamedNode(_EX + obj)),
               (_EXO + "negated", ox.Literal("true" if negated else "false",
                                             datatype=ox.NamedNode(_XSD + "boolean"))),
               (_EXO + "hedged", ox.Literal("false", datatype=ox.NamedNode(_XSD + "boolean")))]
    for key, objects in values.items():
        p = _BL + key if key == "has_evidence" else _EXO + key
        triples += [(p, o if not isinstance(o, str) else ox.NamedNode(_EX + o))
                    for o in objects]
    for p, o in triples:
        db.add(ox.Quad(s, ox.NamedNode(p), o, g))


def _label(db: Any, node: str, *labels: Any, graph: Any = None) -> None:
    for label in labels:
        db.add(ox.Quad(ox.NamedNode(_EX + node), ox.NamedNode(_RDFS + "label"),
                       label if not isinstance(label, str) else ox.Literal(label),
                       graph if graph is not None else ox.DefaultGraph()))


def test_the_kept_tables_from_the_rows_file_on_invented_corners(tmp_path: Path) -> None:
    """Invented statements for the OPTIONAL and GROUP_CONCAT corners of the kept queries:
    an outcome and a species with two labels (one language-tagged), a statement without
    species, model or direction grouped with others that have them (an unbound direction
    makes the list unbound), a subject without label, an outcome that is also labelled in
    a named graph (as the ontology's would be), a negated and a non-effect claim (left
    out), a statement with two species and no evidence."""
    from exokg.query.stores import ONTOLOGY_GRAPH_PREFIX

    graph = ox.NamedNode(ONTOLOGY_GRAPH_PREFIX + "invented")
    db = ox.Store()
    _invented_statement(db, "s1", "prep1", "affects", "infarct", species=["rat"],
                        model=["mcao"], direction=[ox.Literal("decreased")],
                        has_evidence=["e1", "e2"])
    _invented_statement(db, "s2", "prep2", "affects", "infarct", species=["rat"],
                        model=["mcao"], has_evidence=["e3"])
    _invented_statement(db, "s3", "prep1", "beneficial_in_models_for", "infarct",
                        species=["rat", "mouse"], direction=[ox.Literal("decreased")])
    _invented_statement(db, "s4", "prep3", "affects", "apoptosis",
                        direction=[ox.Literal("decreased"), ox.Literal("increased")],
                        has_evidence=["e4"])
    _invented_statement(db, "s5", "prep1", "affects", "apoptosis", negated=True,
                        species=["rat"], direction=[ox.Literal("increased")])
    _invented_statement(db, "s6", "prep1", "treats", "infarct", species=["rat"],
                        direction=[ox.Literal("increased")])
    _invented_statement(db, "s7", "prep2", "affects", "edema", species=["mouse"],
                        model=["tbi"], direction=[ox.Literal("decreased")],
                        has_evidence=["e5"])
    _label(db, "infarct", "infarct volume", ox.Literal("Infarktvolumen", language="de"))
    _label(db, "rat", "rat", "Rattus norvegicus")
    _label(db, "mouse", "mouse")
    _label(db, "mcao", "MCAO")
    _label(db, "prep1", "MSC exosomes")
    _label(db, "prep3", "miR-124 exosomes; loaded")
    _label(db, "edema", "brain edema", graph=graph)
    _label(db, "apoptosis", "apoptosis")
    for n in range(1, 6):
        db.add(ox.Quad(ox.NamedNode(_EX + f"e{n}"), ox.NamedNode(_EXO + "sentenceText"),
                       ox.Literal(f"Sentence {n}."), ox.DefaultGraph()))
    expected, counts, found, ran = _engine_and_rows(db, [ox.DefaultGraph(), graph], tmp_path)
    assert counts["outcomes_by_species"] >= 8
    assert found == expected
    assert not any("Outcomes by species" in text for text in ran)


def test_the_opposite_findings_from_the_rows_file_on_invented_corners(tmp_path: Path) -> None:
    """Invented preparations for opposite-findings' corners: one typed by a subclass
    declared in a named graph (as the ontology's would be), one without source cell (a
    family of its own), one with two labels, a cargo without label, engineering on one
    side only, a claim linked by exo:contradicts, a claim without evidence sentence, a
    direction that is neither way, a subject that is no preparation (left out), and a
    group with claims one way only (left out by HAVING)."""
    from exokg.query.stores import ONTOLOGY_GRAPH_PREFIX

    graph = ox.NamedNode(ONTOLOGY_GRAPH_PREFIX + "invented")
    db = ox.Store()
    rdf_type, sub = ox.NamedNode(_RDF + "type"), ox.NamedNode(_RDFS + "subClassOf")
    db.add(ox.Quad(ox.NamedNode(_EX + "Engineered"), sub,
                   ox.NamedNode(_EXO + "ExosomePreparation"), graph))
    for prep, cls in (("p1", _EXO + "ExosomePreparation"), ("p2", _EX + "Engineered"),
                      ("p3", _EXO + "ExosomePreparation"), ("p4", _EX + "Engineered")):
        db.add(ox.Quad(ox.NamedNode(_EX + prep), rdf_type, ox.NamedNode(cls),
                       ox.DefaultGraph()))
    for prep, p, o in (("p1", "sourceCell", "msc"), ("p2", "sourceCell", "msc"),
                       ("p2", "cargo", "mir133b"), ("p1", "cargo", "mir133b"),
                       ("p2", "engineering", ox.Literal("enriched")),
                       ("p4", "cargo", "mir17")):
        db.add(ox.Quad(ox.NamedNode(_EX + prep), ox.NamedNode(_EXO + p),
                       o if not isinstance(o, str) else ox.NamedNode(_EX + o),
                       ox.DefaultGraph()))
    up, down = ox.Literal("increased"), ox.Literal("decreased")
    _invented_statement(db, "s1", "p1", "affects", "axons", direction=[up],
                        has_evidence=["e1", "e2"])
    _invented_statement(db, "s2", "p2", "affects", "axons", direction=[down],
                        has_evidence=["e3"], contradicts=["s1"])
    _invented_statement(db, "s3", "p3", "affects", "axons", direction=[up])
    _invented_statement(db, "s4", "p3", "affects", "axons", direction=[down, up],
                        has_evidence=["e4"])
    _invented_statement(db, "s5", "p4", "affects", "axons", direction=[up])
    _invented_statement(db, "s6", "p4", "affects", "axons",
                        direction=[ox.Literal("unchanged")])
    _invented_statement(db, "s7", "p4", "affects", "axons", direction=[down],
                        negated=True)
    _invented_statement(db, "s8", "notprep", "affects", "axons", direction=[down])
    _invented_statement(db, "s9", "p1", "affects", "edema", direction=[down])
    _label(db, "axons", "axonal remodeling")
    _label(db, "msc", "MSC", "mesenchymal stem cell")
    _label(db, "p1", "MSC exosomes")
    _label(db, "p2", "MSC exosomes enriched in miR-133b", graph=graph)
    _label(db, "p3", "exosomes", ox.Literal("Exosomen", language="de"))
    _label(db, "mir133b", "miR-133b")
    for n in range(1, 5):
        db.add(ox.Quad(ox.NamedNode(_EX + f"e{n}"), ox.NamedNode(_EXO + "sentenceText"),
                       ox.Literal(f"Sentence {n}."), ox.DefaultGraph()))
    expected, counts, found, ran = _engine_and_rows(db, [ox.DefaultGraph(), graph], tmp_path)
    assert counts["opposite_findings"] >= 2
    assert found == expected
    assert not any("Opposite findings" in text for text in ran)


def test_the_mirna_tables_from_the_rows_file_on_invented_corners(tmp_path: Path) -> None:
    """Invented miRNAs and preparations for mirna-preparations' and mirna-biomarkers'
    corners: a miRNA typed by a subclass declared in a named graph, one with two labels,
    one without label (left out) and one measured in exosomes by a negated claim only
    (still exosomal); a preparation with two cargos (one no miRNA), one without label
    (left out); two claims with the same keys (two rows: the statement is a key); a
    species labelled in two languages and a statistics value that is a literal (its
    text); an evidence node without sentence, one with a citation marker only; a target
    that is a literal; a miRNA in no vesicle (left out of the biomarkers)."""
    from exokg.query.stores import ONTOLOGY_GRAPH_PREFIX

    graph = ox.NamedNode(ONTOLOGY_GRAPH_PREFIX + "invented")
    db = ox.Store()
    rdf_type, sub = ox.NamedNode(_RDF + "type"), ox.NamedNode(_RDFS + "subClassOf")
    exosome = ox.NamedNode("http://purl.obolibrary.org/obo/GO_0070062")
    vesicle = ox.NamedNode("http://purl.obolibrary.org/obo/GO_1903561")
    db.add(ox.Quad(ox.NamedNode(_EX + "Mature"), sub, ox.NamedNode(_EXO + "MicroRNA"), graph))
    for node, cls in (("m1", _EXO + "MicroRNA"), ("m2", _EX + "Mature"),
                      ("m3", _EXO + "MicroRNA"), ("m4", _EXO + "MicroRNA"),
                      ("protein", _EX + "Protein")):
        db.add(ox.Quad(ox.NamedNode(_EX + node), rdf_type, ox.NamedNode(cls),
                       ox.DefaultGraph()))
    for prep, p, o in (("p1", "cargo", "m1"), ("p1", "cargo", "protein"),
                       ("p1", "sourceCell", "msc"), ("p1", "engineering",
                                                     ox.Literal("enriched")),
                       ("p2", "cargo", "m2"), ("p3", "cargo", "m1"), ("p4", "cargo", "m3")):
        db.add(ox.Quad(ox.NamedNode(_EX + prep), ox.NamedNode(_EXO + p),
                       o if not isinstance(o, str) else ox.NamedNode(_EX + o),
                       ox.DefaultGraph()))
    up = ox.Literal("increased")
    _invented_statement(db, "s1", "p1", "affects", "axons", direction=[up],
                        species=["rat"], route=["iv"], has_evidence=["e1", "e2"])
    _invented_statement(db, "s2", "p1", "affects", "axons", direction=[up],
                        species=["rat"], model=["mcao"])
    _invented_statement(db, "s3", "p2", "in_clinical_trials_for", "stroke",
                        has_evidence=["e3"])
    _invented_statement(db, "s4", "p3", "affects", "axons", direction=[up])
    _invented_statement(db, "s5", "p4", "affects", "axons", direction=[up])
    _invented_statement(db, "s6", "p1", "treats", "axons", direction=[up])
    _invented_statement(db, "b1", "m1", "biomarker_for", "stroke", location=[exosome],
                        statistics=[ox.Literal("AUC 0.8")], species=["rat"],
                        has_evidence=["e1", "e4"])
    _invented_statement(db, "b2", "m1", "correlated_with", "stroke", direction=[up],
                        has_evidence=["e3"])
    _invented_statement(db, "b3", "m2", "negatively_correlated_with", "stroke",
                        location=[vesicle], negated=True)
    _invented_statement(db, "b4", "m2", "associated_with", "sah", population=["patients"])
    db.add(ox.Quad(ox.NamedNode(_EX + "b5"), ox.NamedNode(_RDF + "subject"),
                   ox.NamedNode(_EX + "m4"), ox.DefaultGraph()))
    _invented_statement(db, "b6", "m4", "biomarker_for", "stroke")
    _invented_statement(db, "b7", "m3", "biomarker_for", "stroke", location=[exosome])
    # a target that is a literal
    db.add(ox.Quad(ox.NamedNode(_EX + "b2"), ox.NamedNode(_RDF + "object"),
                   ox.Literal("poor outcome"), ox.DefaultGraph()))
    _label(db, "m1", "miR-124", ox.Literal("miR-124-3p", language="en"))
    _label(db, "m2", "miR-133b", graph=graph)
    _label(db, "m4", "miR-9")
    _label(db, "p1", "MSC exosomes enriched in miR-124")
    _label(db, "p2", "miR-133b exosomes")
    _label(db, "p4", "miR-21 exosomes")
    _label(db, "msc", "MSC")
    _label(db, "rat", "rat", ox.Literal("Ratte", language="de"))
    _label(db, "axons", "axonal remodeling")
    _label(db, "stroke", "stroke")
    _label(db, "patients", "stroke patients")
    db.add(ox.Quad(ox.NamedNode(_EX + "e1"), ox.NamedNode(_EXO + "sentenceText"),
                   ox.Literal("miR-124 rose [3]."), ox.DefaultGraph()))
    db.add(ox.Quad(ox.NamedNode(_EX + "e1"), ox.NamedNode(_EXO + "citationMarker"),
                   ox.Literal("[3]"), ox.DefaultGraph()))
    db.add(ox.Quad(ox.NamedNode(_EX + "e3"), ox.NamedNode(_EXO + "citationMarker"),
                   ox.Literal("(4, 5)"), ox.DefaultGraph()))
    expected, counts, found, ran = _engine_and_rows(db, [ox.DefaultGraph(), graph], tmp_path)
    assert counts["mirna_preparations"] >= 5 and counts["mirna_biomarkers"] >= 4
    assert found == expected
    assert ran == []
