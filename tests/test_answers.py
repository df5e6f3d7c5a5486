"""The answer tables of a store generation (exokg.query.answers) give the rows the SPARQL
text of the named queries gives (values, datatypes and order), whole and paged, on the
founding corpus (with a negated claim) and on the development set; they are used only for
the named queries and parameters they key, on the generation the query worker reads.

The SPARQL side runs with ``memory="never"``: on the database the tables were made from.
(A worker that copied a store into memory may list GROUP_CONCAT items in another order:
Oxigraph's in-memory storage iterates in another order than its on-disk indexes.)"""

from __future__ import annotations

import shutil
import warnings

import pytest

import exokg
from tests.view_corpora import BUILDS, view_build
from exokg.graph.store import generation_path, open_store
from exokg.query.answers import FILE_NAME, QUERIES, AnswerFile, write_answer_file
from exokg.query.errors import ResultTruncatedWarning
from exokg.query.paging import paginate

ID = "https://w3id.org/exokg/id/"


@pytest.fixture(scope="module", params=BUILDS)
def kg(request):  # type: ignore[no-untyped-def]
    result = view_build(request.param)
    with exokg.load(result, memory="never") as graph:
        yield graph


def by_sparql(kg, name: str, params: dict, page: int | None = None,  # type: ignore[no-untyped-def]
              page_size: int = 100, max_rows: int | None = None):
    """The named query run as SPARQL by the worker, whatever the generation holds."""
    text, terms = kg.library[name].bind(params, resolve=kg.resolve)
    if page is not None:
        text = paginate(text, page, page_size)
    return kg._execute(text, terms, None, max_rows, name)


def from_file(kg, name: str, params: dict, **options):  # type: ignore[no-untyped-def]
    """The named query through the API, which must answer it from the answer file."""
    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError(f"{name} {params} went to SPARQL")

    run, kg._sandbox.run = kg._sandbox.run, refuse
    try:
        return kg.run(name, params, **options)
    finally:
        kg._sandbox.run = run


def _entities(kg) -> list[str]:  # type: ignore[no-untyped-def]
    """The three most connected entities, a few others, and one in no statement."""
    view = kg.to_networkx()
    ranked = sorted(view, key=lambda node: (-view.degree(node), node))
    chosen = ranked[:3] + ranked[len(ranked) // 2:len(ranked) // 2 + 2] + ranked[-2:]
    iris = [view.nodes[n]["iri"] for n in chosen if view.nodes[n].get("iri")]
    documents = kg.sparql("SELECT ?d WHERE { ?d a exo:Document } ORDER BY ?d LIMIT 1",
                          curies=False)
    return iris + [documents["d"].iloc[0]]  # a document: a node of no statement


def _same(found, expected) -> None:  # type: ignore[no-untyped-def]
    assert found.variables == expected.variables
    assert found.rows == expected.rows
    assert found.truncated == expected.truncated


def test_every_generation_is_written_with_its_answer_file(kg) -> None:
    generation = generation_path(kg.path)
    assert (generation / FILE_NAME).is_file()
    assert kg._answers() is not None


@pytest.mark.parametrize("name", ["entity-findings", "entity-summary"])
def test_entity_queries_give_the_sparql_rows_whole_and_paged(kg, name) -> None:
    entities = _entities(kg)
    nonempty = 0
    for entity in entities:
        expected = by_sparql(kg, name, {"entity": entity})
        _same(from_file(kg, name, {"entity": entity}), expected)
        nonempty += bool(expected.rows)
        for page in (1, 2, 3):
            _same(from_file(kg, name, {"entity": entity}, page=page, page_size=7),
                  by_sparql(kg, name, {"entity": entity}, page=page, page_size=7))
    assert nonempty >= 4
    assert not by_sparql(kg, name, {"entity": entities[-1]}).rows  # the empty answer too
    hub = entities[0]
    for predicate in {row[5][1] for row in by_sparql(kg, name, {"entity": hub}).rows}:
        params = {"entity": hub, "predicate": predicate}
        _same(from_file(kg, name, params), by_sparql(kg, name, params))


def test_evidence_gives_the_sparql_rows_for_every_parameter_combination(kg) -> None:
    entities = _entities(kg)
    hub = entities[0]
    rows = [r for r in by_sparql(kg, "entity-findings", {"entity": hub}).rows
            if r[3][0] == r[6][0] == 0]  # subject and object IRIs
    statement, subject, obj = rows[0][2][1], rows[0][3][1], rows[0][6][1]
    cases = [{"subject": e} for e in entities] + [{"object": e} for e in entities] + [
        {"statement": statement}, {"subject": subject, "object": obj},
        {"statement": statement, "subject": subject}, {"subject": obj, "object": subject},
        {"statement": ID + "statement/none"}]
    for params in cases:
        expected = by_sparql(kg, "evidence", params)
        _same(from_file(kg, "evidence", params), expected)
        _same(from_file(kg, "evidence", params, page=2, page_size=3),
              by_sparql(kg, "evidence", params, page=2, page_size=3))
    whole = by_sparql(kg, "evidence", {})
    assert len(whole.rows) > 50
    _same(from_file(kg, "evidence", {}), whole)


def test_the_row_cap_cuts_the_same_rows_with_the_same_warning(kg) -> None:
    hub = _entities(kg)[0]
    with pytest.warns(ResultTruncatedWarning):
        found = from_file(kg, "entity-findings", {"entity": hub}, max_rows=3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _same(found, by_sparql(kg, "entity-findings", {"entity": hub}, max_rows=3))
    assert found.truncated and len(found.rows) == 3


def test_dataframes_and_the_evidence_helper_are_unchanged(kg) -> None:
    hub = _entities(kg)[0]
    frame = kg.ask("entity-summary", entity=hub)
    assert frame.equals(by_sparql(kg, "entity-summary", {"entity": hub}).to_dataframe())
    assert kg.evidence(hub).equals(_without_file(kg, lambda: kg.evidence(hub)))


def _without_file(kg, action):  # type: ignore[no-untyped-def]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kg, "_answers", lambda: None)
        return action()


def test_other_queries_and_user_sparql_go_to_the_engine(kg) -> None:
    calls = []
    run = kg._sandbox.run

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args[0])
        return run(*args, **kwargs)

    kg._sandbox.run = counting
    try:
        kg.run("mirna-preparations", {})
        kg.sparql("SELECT ?s WHERE { ?s a exo:Statement } LIMIT 1")
        assert len(calls) == 2
        assert not AnswerFile.answers("entity-findings", {"entity": (1, "miR-124")})
        assert not AnswerFile.answers("entity-findings", {"mirna": (0, ID + "mirna/mir-124")})
        assert not AnswerFile.answers("paper-claims", {})
        assert set(QUERIES) == {"entity-findings", "entity-summary", "evidence"}
    finally:
        kg._sandbox.run = run


def test_a_file_of_another_generation_is_not_used(kg, tmp_path) -> None:
    hub = _entities(kg)[0]
    kg.run("entity-summary", {"entity": hub})  # the worker runs
    kg._sandbox.database = str(tmp_path / "elsewhere" / "oxigraph")
    assert kg._answers() is None
    expected = by_sparql(kg, "entity-summary", {"entity": hub})
    _same(kg.run("entity-summary", {"entity": hub}), expected)  # by SPARQL
    kg._sandbox.close()
    kg.run("mirna-preparations", {})  # a new worker on the current generation
    assert kg._answers() is not None


def test_a_generation_without_the_file_answers_the_same_by_sparql(kg, tmp_path) -> None:
    copy = tmp_path / "store"
    shutil.copytree(kg.path, copy, symlinks=True)
    (generation_path(copy) / FILE_NAME).unlink()
    hub = _entities(kg)[0]
    with exokg.load(copy, memory="never") as plain:
        assert plain._answers() is None
        _same(plain.run("entity-findings", {"entity": hub}),
              kg.run("entity-findings", {"entity": hub}))


def test_the_file_is_deterministic_and_another_format_is_ignored(kg, tmp_path) -> None:
    import sqlite3

    store = open_store(kg.path)
    graphs = list(kg._sandbox.graphs)
    import pyoxigraph as ox

    terms = [ox.DefaultGraph(), *(ox.NamedNode(g) for g in graphs)]
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir(), second.mkdir()
    counts = write_answer_file(store, first / FILE_NAME, terms)
    write_answer_file(store, second / FILE_NAME, terms)
    assert counts["findings"] > 0 and counts["summary"] > 0 and counts["evidence"] > 0
    assert (first / FILE_NAME).read_bytes() == (second / FILE_NAME).read_bytes()
    assert (first / FILE_NAME).read_bytes() == \
        (generation_path(kg.path) / FILE_NAME).read_bytes()
    with sqlite3.connect(first / FILE_NAME) as db:
        db.execute("UPDATE meta SET value = '0' WHERE name = 'format'")
    db.close()
    assert AnswerFile.open(first) is None
    (second / FILE_NAME).write_bytes(b"not a database")
    assert AnswerFile.open(second) is None
    assert AnswerFile.open(tmp_path / "missing") is None
