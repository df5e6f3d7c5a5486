"""Queries that scale: pages of a named query's result (kg.ask(page=), exokg query --page)
and the counting query entity-summary."""

from __future__ import annotations

import csv
import io

import pytest

import exokg
from exokg.query.errors import ParameterError
from exokg.query.paging import paginate


@pytest.fixture(scope="module")
def kg():
    from exokg.pipeline import build

    with exokg.load(build()) as graph:
        yield graph


def test_pages_partition_the_result_in_order(kg) -> None:
    whole = kg.ask("paper-claims")
    assert len(whole) > 25
    pages = [kg.ask("paper-claims", page=n, page_size=10) for n in range(1, 20)]
    columns = ["statement", "document", "start", "sentence"]
    rows = [r for page in pages for r in page[columns].to_dict("records")]
    assert all(len(page) <= 10 for page in pages) and len(pages[0]) == 10
    assert rows == whole[columns].to_dict("records")
    assert kg.ask("paper-claims", page=99, page_size=10).empty


def test_paging_a_query_with_its_own_limit_is_refused() -> None:
    with pytest.raises(ParameterError, match="own LIMIT"):
        paginate("SELECT ?s WHERE { ?s ?p ?o } LIMIT 5", 1, 10)
    # a LIMIT inside a subquery is the subquery's business
    text = paginate("SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o } LIMIT 5 } }", 2, 3)
    assert text.rstrip().endswith("LIMIT 3 OFFSET 3")
    for page, size in ((0, 10), (1, 0), (True, 10)):
        with pytest.raises(ParameterError):
            paginate("SELECT ?s WHERE { ?s ?p ?o }", page, size)


def test_query_command_pages(tmp_path, capsys) -> None:
    from exokg.cli import main
    from exokg.export.turtle import to_turtle
    from exokg.pipeline import build

    turtle = tmp_path / "g.ttl"
    turtle.write_bytes(to_turtle(build().graph))
    assert main(["query", "paper-claims", "--store", str(turtle), "--format", "csv",
                 "--page", "2", "--page-size", "5"]) == 0
    out, err = capsys.readouterr()
    assert len(list(csv.reader(io.StringIO(out)))) == 1 + 5
    assert "--page 3" in err
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT ?s WHERE { ?s a exo:Statement } ORDER BY ?s # last line\n"
                  "# a comment", encoding="utf-8")
    assert main(["query", str(rq), "--store", str(turtle), "--format", "csv",
                 "--page", "1", "--page-size", "4"]) == 0
    assert len(list(csv.reader(io.StringIO(capsys.readouterr().out)))) == 1 + 4


def test_entity_summary_counts_what_entity_findings_lists(kg) -> None:
    summary = kg.ask("entity-summary", entity="miR-124")
    findings = kg.ask("entity-findings", entity="miR-124")
    assert set(summary["statement"]) == set(findings["statement"])
    assert len(summary) == summary["statement"].nunique()
    per_statement = findings.groupby("statement")["evidence"].nunique()
    for row in summary.itertuples():
        assert row.evidence == per_statement[row.statement]
        documents = findings[findings["statement"] == row.statement]["document"].nunique()
        assert row.documents == documents
    assert list(summary["evidence"]) == sorted(summary["evidence"], reverse=True)
    nihss = summary[summary["object_label"] == "NIH Stroke Scale"].iloc[0]
    assert nihss["species"] == "human" and not nihss["negated"]
