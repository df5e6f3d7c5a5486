"""Disease mention and grounding floors on the development splits of NCBI Disease, BC5CDR
and BioRED, held a little below the figures of docs/benchmarks.md ("Grounding round 4";
development numbers). The corpora live in ../shared/benchmarks and are never
copied into the repository; the test fails, not skips, without them or without a built
lexicon (``exokg lexicon build``, which scripts/test.sh runs)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from exokg.annotate import annotate_documents, write_annotations
from exokg.annotate.scoring import read_pubtator_annotations, score_mentions
from exokg.corpus.pubtator import read_pubtator
from exokg.recognise import Recogniser

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"

#: corpus file -> (disease mention F1, disease grounding over all gold mentions) floors
FLOORS = {
    "ncbi-disease/NCBIdevelopset_corpus.txt": (0.78, 0.70),   # 0.792, 0.704 measured
    "bc5cdr/CDR_DevelopmentSet.PubTator.txt": (0.80, 0.71),   # 0.820, 0.719
    "biored/Dev.PubTator.txt": (0.79, 0.68),                  # 0.801, 0.683
}


@pytest.fixture(scope="module")
def recogniser(monkeypatch_module: pytest.MonkeyPatch) -> Recogniser:
    monkeypatch_module.setenv("EXOKG_LEXICON", "require")  # no silent fallback
    return Recogniser.default()


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_disease_mentions_and_grounding_floors(recogniser: Recogniser, name: str,
                                               tmp_path: Path) -> None:
    gold_path = CORPORA / name
    assert gold_path.is_file(), f"corpus missing: {gold_path}"
    out = io.StringIO()
    write_annotations(annotate_documents(read_pubtator(gold_path), recogniser), out,
                      "pubtator")
    pred_path = tmp_path / "pred.pubtator"
    pred_path.write_text(out.getvalue(), encoding="utf-8")
    _, gold = read_pubtator_annotations(gold_path)
    _, pred = read_pubtator_annotations(pred_path)
    disease = score_mentions(gold, pred)["Disease"]
    f1_floor, grounding_floor = FLOORS[name]
    assert disease.f1 >= f1_floor, (name, disease.as_dict())
    assert disease.grounding >= grounding_floor, (name, disease.as_dict())
