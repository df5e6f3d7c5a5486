"""How the development set is split into batches and scored (tests/devset_measure.py): gold
file naming, claimless document entries, per-batch and main-finding figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from devset_measure import load_batches, score_all, score_batch
from exokg.model import Entity, Evidence, Statement

EXO = Entity("GO:0070062", "exosome", "Vesicle")
REC = Entity("exokg:outcome/functional-recovery", "functional recovery", "Outcome")
APO = Entity("exokg:process/apoptosis", "apoptosis", "BiologicalProcess")


def _stmt(obj: Entity, direction: str, doc: str, text: str) -> Statement:
    return Statement(EXO, "biolink:affects", obj, direction=direction,
                     evidence=(Evidence(doc, 0, 0, len(text), text, "test"),))


def test_batches_are_read_by_number_with_claimless_documents(tmp_path: Path) -> None:
    (tmp_path / "gold.yaml").write_text("- {doc: a, sentence: x, s: GO:0070062, "
                                        "p: biolink:affects, o: {name: apoptosis}, "
                                        "direction: decreased}\n- {doc: b}\n")
    (tmp_path / "gold-batch10.yaml").write_text("- {doc: c}\n")
    (tmp_path / "gold-batch2.yaml").write_text("[]\n")
    batches = load_batches(tmp_path)
    assert [b.number for b in batches] == [1, 2, 10]
    assert batches[0].documents == {"a", "b"} and len(batches[0].claims) == 1
    assert batches[2].documents == {"c"} and batches[2].claims == ()


@pytest.mark.parametrize("name, text, message", [
    ("gold-extra.yaml", "[]", "gold.yaml or gold-batch<N>.yaml"),
    ("gold-batch3.yaml", "{doc: a}", "expected a YAML list"),
    ("gold-batch3.yaml", "- {sentence: x}", "entry 1 has no doc"),
])
def test_malformed_gold_lists_are_refused_naming_the_file(tmp_path: Path, name: str, text: str,
                                                          message: str) -> None:
    (tmp_path / name).write_text(text)
    with pytest.raises(ValueError, match=message) as info:
        load_batches(tmp_path)
    assert name in str(info.value)


def test_scores_count_only_the_batch_documents_and_main_sentences() -> None:
    gold = [
        {"doc": "d1", "sentence": "improved recovery", "s": "GO:0070062",
         "p": "biolink:affects", "o": "exokg:outcome/functional-recovery",
         "direction": "increased", "main": True},
        {"doc": "d1", "sentence": "less apoptosis", "s": "GO:0070062",
         "p": "biolink:affects", "o": {"name": "apoptosis"}, "direction": "decreased"},
        {"doc": "d2"},
    ]
    statements = [
        _stmt(REC, "increased", "d1", "Exosomes improved recovery."),   # main, correct
        _stmt(APO, "increased", "d1", "Exosomes improved recovery."),   # main sentence, wrong
        _stmt(APO, "increased", "d2", "Exosomes raised apoptosis."),    # claimless doc: spurious
        _stmt(APO, "decreased", "elsewhere", "Exosomes cut apoptosis."),  # not in the batch
    ]
    row = score_batch(7, gold, statements)
    assert row.documents == 2
    assert (row.all.gold, row.all.found, row.all.extracted, row.all.correct) == (2, 1, 2, 1)
    assert (row.main.gold, row.main.found) == (1, 1)
    assert (row.main.extracted, row.main.correct) == (2, 1)
    assert row.main.precision == pytest.approx(0.5) and row.main.recall == 1.0


def test_overall_row_pools_the_batches(tmp_path: Path) -> None:
    (tmp_path / "gold.yaml").write_text("- {doc: d1, sentence: x, s: GO:0070062, "
                                        "p: biolink:affects, o: exokg:process/apoptosis, "
                                        "direction: decreased}\n")
    (tmp_path / "gold-batch2.yaml").write_text("- {doc: d2}\n")
    rows = score_all(load_batches(tmp_path), [_stmt(APO, "decreased", "d1", "x"),
                                             _stmt(REC, "increased", "d2", "y")])
    assert [r.number for r in rows] == [1, 2, 0]
    assert (rows[0].all.precision, rows[0].all.recall) == (1.0, 1.0)
    assert rows[1].all.extracted == 1 and rows[1].all.correct == 0
    assert (rows[2].all.extracted, rows[2].all.correct, rows[2].documents) == (2, 1, 2)
