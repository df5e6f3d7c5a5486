"""The answer tables of a store generation (exokg.query.answers) give the rows the SPARQL
text of the named queries gives (values, datatypes and order), whole and paged, on the
founding corpus (with a negated claim) and on the development set; they are used only for
the named queries and parameters they key, on the generation the query worker reads. The
four queries kept whole (their unbound answer) give the bound SPARQL answer for every value
of every parameter, with their list columns in code-point order however the engine stores
the graph.

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
from exokg.query.answers import FILE_NAME, KEPT, KEPT_FILE_NAME, QUERIES, AnswerFile, \
    write_answer_file, write_kept_file
from exokg.query.errors import ResultTruncatedWarning
from exokg.query.lists import sort_list_columns
from exokg.query.paging import paginate

ID = "https://w3id.org/exokg/id/"


@pytest.fixture(scope="module", params=BUILDS)
def kg(request):  # type: ignore[no-untyped-def]
    result = view_build(request.param)
    with exokg.load(result, memory="never") as graph:
        yield graph


def by_sparql(kg, name: str, params: dict, page: int | None = None,  # type: ignore[no-untyped-def]
              page_size: int = 100, max_rows: int | None = None):
    """The named query run as SPARQL by the worker, whatever the generation holds (its
    sorted-list columns sorted, as ``kg.run`` sorts them)."""
    named = kg.library[name]
    text, terms = named.bind(params, resolve=kg.resolve)
    if page is not None:
        text = paginate(text, page, page_size)
    table = kg._execute(text, terms, None, max_rows, name)
    table.rows = sort_list_columns(table.variables, table.rows, dict(named.sorted_lists))
    return table


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
    assert (generation / KEPT_FILE_NAME).is_file()
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
        kg.run("hedged-negated", {})
        kg.sparql("SELECT ?s WHERE { ?s a exo:Statement } LIMIT 1")
        assert len(calls) == 2
        assert not AnswerFile.answers("entity-findings", {"entity": (1, "miR-124")})
        assert not AnswerFile.answers("entity-findings", {"mirna": (0, ID + "mirna/mir-124")})
        assert not AnswerFile.answers("paper-claims", {})
        assert not AnswerFile.answers("outcomes-by-species", {"statement": (0, ID + "x")})
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
    kg.run("hedged-negated", {})  # a new worker on the current generation
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
    counts = write_answer_file(store, first / FILE_NAME, terms, kept=False)
    write_answer_file(store, second / FILE_NAME, terms, kept=False)
    assert counts["findings"] > 0 and counts["summary"] > 0 and counts["evidence"] > 0
    assert "mirna_biomarkers" not in counts
    assert (first / FILE_NAME).read_bytes() == (second / FILE_NAME).read_bytes()
    assert (first / FILE_NAME).read_bytes() == \
        (generation_path(kg.path) / FILE_NAME).read_bytes()
    kept = write_kept_file(store, first / KEPT_FILE_NAME, terms)
    assert set(kept) == {name.replace("-", "_") for name in KEPT} | {"terms"}
    assert (first / KEPT_FILE_NAME).read_bytes() == \
        (generation_path(kg.path) / KEPT_FILE_NAME).read_bytes()
    with sqlite3.connect(first / FILE_NAME) as db:
        db.execute("UPDATE meta SET value = '0' WHERE name = 'format'")
    db.close()
    assert AnswerFile.open(first) is None
    (second / FILE_NAME).write_bytes(b"not a database")
    assert AnswerFile.open(second) is None
    assert AnswerFile.open(tmp_path / "missing") is None


def test_a_small_node_cache_gives_the_same_file(kg, tmp_path, monkeypatch) -> None:
    """The writer keeps the values of the most recently read nodes only, dropping the
    oldest (at 100,000 abstracts it drops hundreds of thousands): with room for a few nodes
    it drops and reads nodes again all the time, and the file is the same bytes."""
    import pyoxigraph as ox

    from exokg.query import answers

    monkeypatch.setattr(answers, "_CACHED_NODES", 5)
    store = open_store(kg.path)
    terms = [ox.DefaultGraph(), *(ox.NamedNode(g) for g in kg._sandbox.graphs)]
    write_answer_file(store, tmp_path / FILE_NAME, terms, kept=False)
    assert (tmp_path / FILE_NAME).read_bytes() == \
        (generation_path(kg.path) / FILE_NAME).read_bytes()


# -- the queries kept whole -----------------------------------------------------------------


def _key_values(kg, name: str, key: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The IRIs of a parameter column in the unbound answer, most rows first (ties by
    IRI), and an IRI of no row."""
    table = by_sparql(kg, name, {})
    column = table.variables.index(key)
    counts: dict[str, int] = {}
    for row in table.rows:
        if row[column] is not None and row[column][0] == 0:
            counts[row[column][1]] = counts.get(row[column][1], 0) + 1
    ranked = sorted(counts, key=lambda iri: (-counts[iri], iri))
    return ranked[:4] + ranked[-2:] + [ID + "none"]


@pytest.mark.parametrize("name", sorted(KEPT))
def test_kept_queries_give_the_sparql_rows_unbound_bound_and_paged(kg, name) -> None:
    whole = by_sparql(kg, name, {})
    _same(from_file(kg, name, {}), whole)
    _same(from_file(kg, name, {}, page=2, page_size=5),
          by_sparql(kg, name, {}, page=2, page_size=5))
    nonempty = 0
    for key in KEPT[name]:
        for iri in _key_values(kg, name, key):
            expected = by_sparql(kg, name, {key: iri})
            _same(from_file(kg, name, {key: iri}), expected)
            nonempty += bool(expected.rows)
            for page in (1, 2):
                _same(from_file(kg, name, {key: iri}, page=page, page_size=3),
                      by_sparql(kg, name, {key: iri}, page=page, page_size=3))
    assert nonempty >= 2 * len(KEPT[name]) or name == "opposite-findings" and nonempty >= 1
    assert len(whole.rows) >= 2
    with pytest.warns(ResultTruncatedWarning):
        found = from_file(kg, name, {}, max_rows=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _same(found, by_sparql(kg, name, {}, max_rows=1))


def test_outcomes_by_species_answers_parameter_combinations(kg) -> None:
    name = "outcomes-by-species"
    table = by_sparql(kg, name, {})
    outcome, species, model = (table.variables.index(k) for k in ("outcome", "species", "model"))
    rows = [r for r in table.rows if all(r[i] is not None for i in (outcome, species, model))]
    assert rows
    for row in rows[:3]:
        for params in ({"species": row[species][1], "model": row[model][1]},
                       {"outcome": row[outcome][1], "species": row[species][1],
                        "model": row[model][1]},
                       {"outcome": row[outcome][1], "model": ID + "none"}):
            expected = by_sparql(kg, name, params)
            _same(from_file(kg, name, params), expected)
            assert expected.rows or "none" in str(params)


def test_list_columns_do_not_depend_on_the_engine_storage(kg) -> None:
    """The same query as SPARQL on the store copied into memory (another iteration order
    than the on-disk indexes) gives the same rows, lists included, as the answer file."""
    with exokg.load(kg.path, memory="always") as copied:
        for name in sorted(KEPT):
            _same(by_sparql(copied, name, {}), from_file(kg, name, {}))


def test_entity_findings_context_lists_do_not_depend_on_the_engine_storage(kg) -> None:
    """entity-findings' four context lists are sorted lists: the store copied into memory
    (another order of the union's facets and of the indexes) gives the file's lists. (Its
    citation markers are not a sorted list: they are left out of the comparison.)"""
    lists = ("species", "model", "route", "context")
    several = 0
    with exokg.load(kg.path, memory="always") as copied:
        for entity in _entities(kg)[:3]:
            expected = by_sparql(copied, "entity-findings", {"entity": entity})
            found = from_file(kg, "entity-findings", {"entity": entity})
            places = [found.variables.index(c) for c in lists]
            key = found.variables.index("evidence"), found.variables.index("role")
            assert expected.variables == found.variables and found.rows
            assert sorted((r[key[0]], r[key[1]], *(r[i] for i in places))
                          for r in expected.rows) == \
                sorted((r[key[0]], r[key[1]], *(r[i] for i in places)) for r in found.rows)
            several += sum(1 for r in found.rows for i in places if r[i] and "; " in r[i][1])
    assert several  # lists of several items were compared


def test_an_answer_file_that_holds_the_kept_tables_too_answers_them(kg, tmp_path) -> None:
    """A generation written before the kept tables had their own file keeps them in the
    answer file: they are read from there."""
    import pyoxigraph as ox

    copy = tmp_path / "store"
    shutil.copytree(kg.path, copy, symlinks=True)
    generation = generation_path(copy)
    (generation / KEPT_FILE_NAME).unlink()
    (generation / FILE_NAME).unlink()
    graphs = [ox.DefaultGraph(), *(ox.NamedNode(g) for g in kg._sandbox.graphs)]
    write_answer_file(open_store(kg.path), generation / FILE_NAME, graphs)
    with exokg.load(copy, memory="never") as other:
        answers = other._answers()
        assert answers is not None and all(answers.keeps(name) for name in KEPT)
        for name in sorted(KEPT):
            found = answers.answer(name, {})
            assert found is not None
            _same(found, from_file(kg, name, {}))


def test_a_kept_query_written_for_another_text_runs_as_sparql(kg, tmp_path) -> None:
    import json
    import sqlite3

    copy = tmp_path / "store"
    shutil.copytree(kg.path, copy, symlinks=True)
    path = generation_path(copy) / KEPT_FILE_NAME
    path.chmod(0o644)
    with sqlite3.connect(path) as db:
        (value,) = db.execute("SELECT value FROM meta WHERE name = 'query:opposite-findings'"
                              ).fetchone()
        recorded = json.loads(value)
        recorded["digest"] = "0" * 32
        db.execute("UPDATE meta SET value = ? WHERE name = 'query:opposite-findings'",
                   (json.dumps(recorded),))
    db.close()
    with exokg.load(copy, memory="never") as other:
        answers = other._answers()
        assert answers is not None
        assert not answers.keeps("opposite-findings") and answers.keeps("mirna-biomarkers")
        assert answers.answer("opposite-findings", {}) is None
        calls = []
        run = other._sandbox.run

        def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
            calls.append(args[0])
            return run(*args, **kwargs)

        other._sandbox.run = counting
        _same(other.run("opposite-findings", {}), from_file(kg, "opposite-findings", {}))
        assert len(calls) == 1
