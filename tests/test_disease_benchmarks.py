"""Disease mention and grounding floors on the development splits of NCBI Disease, BC5CDR
and BioRED, held a little below the figures of docs/benchmarks.md ("Recognition round 6";
development numbers). The corpora live in ../shared/benchmarks and are never
copied into the repository; the test fails, not skips, without them or without a built
lexicon (``exokg lexicon build``, which scripts/test.sh runs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pubtator_scores import pubtator_scores

from exokg.recognise import Recogniser

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"

#: corpus file -> (disease mention F1, disease grounding over all gold mentions) floors
FLOORS = {
    "ncbi-disease/NCBIdevelopset_corpus.txt": (0.78, 0.70),   # 0.795, 0.712 measured (round 9)
    "bc5cdr/CDR_DevelopmentSet.PubTator.txt": (0.81, 0.72),   # 0.828, 0.730
    "biored/Dev.PubTator.txt": (0.79, 0.68),                  # 0.809, 0.690
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
    disease = pubtator_scores(CORPORA / name, recogniser, tmp_path)["Disease"]
    f1_floor, grounding_floor = FLOORS[name]
    assert disease.f1 >= f1_floor, (name, disease.as_dict())
    assert disease.grounding >= grounding_floor, (name, disease.as_dict())
