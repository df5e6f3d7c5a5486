"""``exokg queries`` and ``exokg query``: listing, formats, files, stdin, errors."""

from __future__ import annotations

import csv
import io
import json

import pytest

from exokg.cli import main
from exokg.query.library import load_library


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    from exokg.export.turtle import to_turtle
    from exokg.graph.store import default_store_path, write_store
    from exokg.pipeline import build

    root = tmp_path_factory.mktemp("cli")
    turtle = to_turtle(build().graph)
    (root / "exports").mkdir()
    (root / "exports" / "exokg.ttl").write_bytes(turtle)
    write_store(turtle, default_store_path(root / "exports"))
    return root / "exports"


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_queries_lists_every_named_query(capsys):
    code, out, _ = run(capsys, "queries")
    assert code == 0
    for name in load_library():
        assert name in out
    assert "?trial iri optional" in out
    code, out, _ = run(capsys, "queries", "--format", "json")
    listed = json.loads(out)
    assert {q["name"] for q in listed} == set(load_library())
    code, out, _ = run(capsys, "queries", "--format", "md")
    assert out.startswith("| query | title | parameters |")


def test_trial_design_as_csv_tsv_and_table(capsys, exports):
    code, out, _ = run(capsys, "query", "trial-design", "--param", "trial=NCT03384433",
                       "--format", "csv", "--store", str(exports))
    assert code == 0
    table = list(csv.DictReader(io.StringIO(out)))
    dose = [r for r in table if r["field"] == "dose"]
    assert dose[0]["value_label"] == "200 mg total protein"
    route = [r for r in table if r["field"] == "route"][0]
    assert route["value_curie"] == "NCIT:C119548"
    code, out, _ = run(capsys, "query", "trial-design", "-f", "tsv", "--no-curies",
                       "--store", str(exports))
    header = out.splitlines()[0].split("\t")
    assert "value" in header and "value_curie" not in header
    code, out, _ = run(capsys, "query", "trial-design", "--store", str(exports))
    assert "clinicaltrials:NCT03384433" in out and "modified Rankin Scale" in out


def test_json_is_sparql_results_json(capsys, exports):
    code, out, _ = run(capsys, "query", "mirna-biomarkers", "--format", "json",
                       "--store", str(exports))
    data = json.loads(out)
    assert "mirna" in data["head"]["vars"]
    bindings = data["results"]["bindings"]
    labels = {b["mirna_label"]["value"] for b in bindings}
    assert labels == {"miR-9", "miR-124"}
    nihss = [b for b in bindings if b["target_label"]["value"] == "NIH Stroke Scale"]
    assert nihss[0]["target"] == {"type": "uri", "value": "https://loinc.org/70182-1"}
    assert nihss[0]["hedged"] == {"type": "literal", "value": "false",
                                  "datatype": "http://www.w3.org/2001/XMLSchema#boolean"}


def test_markdown_and_output_file(capsys, exports, tmp_path):
    target = tmp_path / "out" / "advantages.md"
    code, out, _ = run(capsys, "query", "advantages", "-f", "md", "-o", str(target),
                       "--store", str(exports))
    assert code == 0 and out == ""
    text = target.read_text(encoding="utf-8")
    assert text.startswith("| therapy |") and "low immunogenicity" in text


def test_query_file_with_bindings_and_stdin(capsys, exports, tmp_path, monkeypatch):
    query = tmp_path / "labels.rq"
    query.write_text("SELECT ?m ?l WHERE { ?m a exo:MicroRNA ; rdfs:label ?l }", encoding="utf-8")
    code, out, _ = run(capsys, "query", str(query), "--param", 'l="miR-9"', "-f", "csv",
                       "--store", str(exports))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["m_curie"] for r in rows] == ["exokg:mirna/mir-9"]
    monkeypatch.setattr("sys.stdin", io.StringIO("ASK { ?t exo:enrollment ?n }"))
    code, out, _ = run(capsys, "query", "-", "--param", "n=5", "-f", "json",
                       "--store", str(exports))
    assert json.loads(out) == {"head": {}, "boolean": True}


def test_errors_exit_2_with_one_clear_line(capsys, exports, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"))
    code, out, err = run(capsys, "query", "-", "--store", str(exports))
    assert code == 2 and out == ""
    assert "query refused: SERVICE" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("SELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTER(?s = ?p && ) }"))
    code, _, err = run(capsys, "query", "-", "--store", str(exports))
    assert code == 2 and "SPARQL syntax error at line 3" in err
    assert "  FILTER(?s = ?p && ) }" in err  # the line, with a caret under the column
    code, _, err = run(capsys, "query", "no-such-query")
    assert code == 2 and "no named query 'no-such-query'" in err and "trial-design" in err
    code, _, err = run(capsys, "query", "trial-design", "--param", "trial", "--store",
                       str(exports))
    assert code == 2 and "NAME=VALUE" in err
    code, _, err = run(capsys, "query", "entity-findings", "--store", str(exports))
    assert code == 2 and "needs the parameter 'entity'" in err
    monkeypatch.setattr("sys.stdin", io.StringIO(
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"))
    code, _, err = run(capsys, "query", "-", "--timeout", "1", "--store", str(exports))
    assert code == 2 and "time limit of 1 s" in err


def test_row_cap_warns_on_stderr(capsys, exports):
    code, out, err = run(capsys, "query", "vocabulary", "--max-rows", "3", "-f", "csv",
                         "--store", str(exports))
    assert code == 0 and len(out.splitlines()) == 4
    assert "warning" in err and "more than 3 rows" in err


def test_columns_choose_and_order_the_output(capsys, exports):
    code, out, _ = run(capsys, "query", "evidence", "-p", "subject=miR-9", "--store",
                       str(exports), "-f", "csv", "--columns", "object_label,start,subject_curie")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["object_label", "start", "subject_curie"]
    assert {r[2] for r in rows[1:]} == {"exokg:mirna/mir-9"}
    code, out, err = run(capsys, "query", "evidence", "-p", "subject=miR-9", "--store",
                         str(exports), "--columns", "object_lable")
    assert code == 2 and out == ""
    assert "no column 'object_lable'" in err and "object_label" in err
    code, out, _ = run(capsys, "query", "evidence", "-p", "subject=miR-9", "--store",
                       str(exports), "-f", "json", "-c", "sentence")
    assert json.loads(out)["head"]["vars"] == ["sentence"]


def test_table_fits_the_width(capsys, exports):
    code, wide, _ = run(capsys, "query", "evidence", "-p", "subject=miR-9", "--store",
                        str(exports))
    assert code == 0 and max(map(len, wide.splitlines())) > 200  # not a terminal: full
    code, out, _ = run(capsys, "query", "evidence", "-p", "subject=miR-9", "--store",
                       str(exports), "--width", "120", "-c",
                       "subject_label,predicate,object_label,direction,sentence,document")
    assert code == 0
    lines = out.splitlines()
    assert max(map(len, lines)) <= 120 and "…" in out
    assert lines[0].split() == ["subject_label", "predicate", "object_label", "direction",
                                "sentence", "document"]


def test_result_columns_are_snake_case(exports):
    import re

    for name, query in load_library().items():
        from exokg.query.binding import query_variables

        camel = sorted(v for v in query_variables(query.text) if re.search(r"[A-Z]", v))
        assert not camel, f"{name}: {camel}"
