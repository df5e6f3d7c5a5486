"""Precision and recall of the build on the founding corpus against the hand-made gold list
(tests/gold/founding_statements.yaml). Issue 9's target: both stay >= 0.95 (the test held 0.9
until a hedging rule left the corpus at 0.947 unnoticed)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from exokg.model import Statement
from exokg.pipeline import BuildResult, build
from gold_matching import key_of as _key_of
from gold_matching import key_of_gold as _key_of_gold
from gold_matching import squash as _squash

GOLD = Path(__file__).parent / "gold" / "founding_statements.yaml"
CORPUS_ID = "000_112079930ad29e58"


@pytest.fixture(scope="module")
def result() -> BuildResult:
    return build()


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


def test_gold_list_is_well_formed(gold: list[dict]) -> None:
    # the same claim may be made in two sentences (its evidence then holds both)
    keys = [(_key_of_gold(g), g["doc"], g["sentence"]) for g in gold]
    assert len(keys) == len(set(keys)), "a gold statement is listed twice"
    assert len({k for k, _, _ in keys}) >= 60


def test_precision_and_recall_on_founding_corpus(result: BuildResult, gold: list[dict]) -> None:
    gold_keys = {_key_of_gold(g) for g in gold}
    found = {_key_of(s): s for s in result.statements}
    true_positives = gold_keys & found.keys()
    precision = len(true_positives) / len(found)
    recall = len(true_positives) / len(gold_keys)
    missed = sorted(map(str, gold_keys - found.keys()))
    spurious = sorted(map(str, found.keys() - gold_keys))
    report = "\nmissed:\n  " + "\n  ".join(missed) + "\nspurious:\n  " + "\n  ".join(spurious)
    print(f"founding corpus: precision {precision:.3f}, recall {recall:.3f}, "
          f"{len(true_positives)} of {len(gold_keys)} gold, {len(found)} extracted" + report)
    assert precision >= 0.95, report
    assert recall >= 0.95, report


def test_matched_statements_cite_the_gold_sentence(result: BuildResult, gold: list[dict]) -> None:
    found: dict[tuple, list[Statement]] = {}
    for s in result.statements:
        found.setdefault(_key_of(s), []).append(s)
    wrong = []
    for g in gold:
        statements = found.get(_key_of_gold(g), [])
        if not statements:
            continue
        doc = f"{CORPUS_ID}-{g['doc']}"
        sentences = [_squash(e.text) for s in statements for e in s.evidence
                     if e.document_id == doc]
        if not any(_squash(g["sentence"]) in t for t in sentences):
            wrong.append((g["sentence"], doc, sentences))
    assert not wrong, wrong


def test_species_context_of_matched_statements(result: BuildResult, gold: list[dict]) -> None:
    """Where the gold names the species, the statement from that sentence carries it."""
    found: dict[tuple, list[Statement]] = {}
    for s in result.statements:
        found.setdefault(_key_of(s), []).append(s)
    checked, wrong = 0, []
    for g in gold:
        if "species" not in g:
            continue
        doc = f"{CORPUS_ID}-{g['doc']}"
        candidates = [s for s in found.get(_key_of_gold(g), [])
                      if any(e.document_id == doc for e in s.evidence)]
        checked += 1
        if not any(g["species"] in dict(s.context.items()).get("species", ())
                   for s in candidates):
            wrong.append((g["sentence"], g["species"],
                          [dict(s.context.items()).get("species") for s in candidates]))
    assert checked >= 20
    assert not wrong, wrong
