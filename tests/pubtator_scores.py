"""Shared by the benchmark-floor tests: exokg's annotations of a PubTator corpus, written as
PubTator and read back like the gold, scored per class."""

from __future__ import annotations

import io
from pathlib import Path

from exokg.annotate import annotate_documents, write_annotations
from exokg.annotate.scoring import read_pubtator_annotations, score_mentions
from exokg.corpus.pubtator import read_pubtator
from exokg.recognise import Recogniser


def pubtator_scores(gold_path: Path, recogniser: Recogniser, tmp_path: Path) -> dict:
    """Per-class scores (:func:`exokg.annotate.scoring.score_mentions`) of ``recogniser``'s
    annotations of the PubTator file ``gold_path`` against its own annotations; the
    prediction goes through the PubTator writer and reader, as ``exokg annotate`` output
    would. Fails (never skips) when the corpus is missing."""
    assert gold_path.is_file(), f"corpus missing: {gold_path}"
    out = io.StringIO()
    write_annotations(annotate_documents(read_pubtator(gold_path), recogniser), out,
                      "pubtator")
    pred_path = tmp_path / "pred.pubtator"
    pred_path.write_text(out.getvalue(), encoding="utf-8")
    _, gold = read_pubtator_annotations(gold_path)
    _, pred = read_pubtator_annotations(pred_path)
    return score_mentions(gold, pred)
