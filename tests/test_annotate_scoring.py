"""The mention scorer and the benchmark scripts on a tiny made-up gold/prediction pair whose
figures were computed by hand (see the comments)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from exokg.annotate.scoring import Annotation, normalise_ids, read_pubtator_annotations, \
    score_mentions
from script_modules import load_script

ROOT = Path(__file__).parents[1]
DATA = Path(__file__).parent / "data" / "annotate"
GOLD, PRED = DATA / "gold.PubTator.txt", DATA / "pred.pubtator"

# text: "Stroke in rats with BDNF loss. Aspirin and BDNF help."
# gold: Stroke (Disease D020521), rats (Species 10116), BDNF 20-24 and 43-47 (Gene 627),
#       Aspirin (Chemical D001241)
# pred: Stroke (MONDO + MESH:D020521)          exact, grounded
#       rats (NCBITaxon:10090)                 exact, wrong taxon
#       "BDNF loss" 20-29 (NCBIGene:627)       overlaps the first BDNF only
#       loss (Phenotype -> Disease)            false positive, overlaps no disease
#       BDNF 43-47 (HGNC:1033)                 exact, id of another namespace: not grounded
#       help (Outcome)                         not a gold class: not scored
EXPECTED = {
    # class: (gold, pred, exact, P, R, F1, overlap P, overlap R, grounding, grounding found)
    "Disease": (1, 2, 1, 0.5, 1.0, 2 / 3, 0.5, 1.0, 1.0, 1.0),
    "Species": (1, 1, 1, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0),
    "Gene": (2, 2, 1, 0.5, 0.5, 0.5, 1.0, 1.0, 0.0, 0.0),
    "Chemical": (1, 0, 0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
    "all": (5, 5, 3, 0.6, 0.6, 0.6, 0.8, 0.8, 0.2, 1 / 3),
}


def test_scores_of_the_made_up_pair_are_the_hand_computed_ones() -> None:
    _, gold = read_pubtator_annotations(GOLD)
    _, pred = read_pubtator_annotations(PRED)
    scores = score_mentions(gold, pred)
    assert list(scores) == ["Chemical", "Disease", "Gene", "Species", "all"]
    for cls, expected in EXPECTED.items():
        s = scores[cls]
        got = (s.gold, s.pred, s.exact, s.precision, s.recall, s.f1, s.overlap_precision,
               s.overlap_recall, s.grounding, s.grounding_found)
        assert got == pytest.approx(expected), cls


def test_identifiers_are_normalised_per_class() -> None:
    assert normalise_ids("627", "Gene") == {"NCBIGENE:627"}
    assert normalise_ids("10116", "Species") == {"NCBITAXON:10116"}
    assert normalise_ids("NCBITaxon:10116", "Species") == {"NCBITAXON:10116"}
    assert normalise_ids("OMIM:217000|D001943", "Disease") == {"OMIM:217000", "MESH:D001943"}
    assert normalise_ids("MESH:D020521", "Disease") == normalise_ids("D020521", "Disease")
    assert normalise_ids("-1", "Chemical") == frozenset()


def test_duplicates_count_once_and_pool_their_ids() -> None:
    gold = [Annotation("d", 0, 4, "Gene", frozenset({"NCBIGENE:1"})),
            Annotation("d", 0, 4, "Gene", frozenset({"NCBIGENE:2"}))]
    pred = [Annotation("d", 0, 4, "Gene", frozenset({"NCBIGENE:2"}))]
    s = score_mentions(gold, pred)["Gene"]
    assert (s.gold, s.exact, s.grounding) == (1, 1, 1.0)


def test_offsets_that_miss_the_text_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("1|t|Stroke.\n1|a|Rats.\n1\t1\t6\tStroke\tDisease\tD1\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.txt:3: 'Stroke' is not the text at 1-6"):
        read_pubtator_annotations(bad)


def test_benchmark_script_scores_a_prediction_file() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "pubtator.py"), str(GOLD),
                           "--pred", str(PRED), "--json"], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    rows = {r["class"]: r for r in json.loads(proc.stdout)["scores"]}
    assert rows["all"]["f1"] == 0.6 and rows["Gene"]["overlap_f1"] == 1.0
    assert rows["Disease"]["grounding"] == 1.0


def test_benchmark_script_runs_exokg_in_process_on_the_gold_text() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "pubtator.py"),
                           str(DATA / "small.PubTator.txt")], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    # the one gold mention, "ischemic stroke" (MeSH D002544), is found with its span; exokg
    # grounds it to ischemic stroke (MONDO:1060198, MeSH D000083242), not to D002544
    assert "| Disease | 1 |" in proc.stdout and "| 1.000 | 1.000 | 1.000 |" in proc.stdout


def test_benchmark_script_refuses_predictions_of_other_text(tmp_path: Path) -> None:
    other = tmp_path / "other.pubtator"
    other.write_text("1|t|Another title.\n1|a|Text.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "pubtator.py"), str(GOLD),
                           "--pred", str(other)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "other text than the gold file" in proc.stderr


def load_benchmark(name: str) -> ModuleType:
    return load_script(f"benchmarks/{name}.py")


def test_bc2gm_offsets_ignore_spaces_and_alternatives_count() -> None:
    bc2gm = load_benchmark("bc2gm")
    text = "The IL - 2 receptor binds"
    start = text.index("IL")
    assert bc2gm.nonspace_span(text, start, start + len("IL - 2")) == (3, 6)
    gold = {"s": {(3, 6)}}
    alternatives = {"s": {(3, 14)}}  # "IL-2 receptor" is acceptable too
    figures = bc2gm.score(gold, alternatives, {"s": {(3, 14), (15, 19)}})
    assert (figures["tp"], figures["fp"], figures["fn"]) == (1, 1, 0)
    assert figures["precision"] == 0.5 and figures["recall"] == 1.0


def test_anatem_reader_maps_classes(tmp_path: Path) -> None:
    anatem = load_benchmark("anatem")
    (tmp_path / "a.txt").write_text("Neurons of the brain cortex.", encoding="utf-8")
    (tmp_path / "a.ann").write_text("T1\tCell 0 7\tNeurons\nT2\tOrgan 15 20\tbrain\n"
                                    "T3\tMulti-tissue_structure 15 27\tbrain cortex\n",
                                    encoding="utf-8")
    texts, gold = anatem.read_standoff(tmp_path)
    assert [(a.start, a.end, a.cls) for a in gold] == [(0, 7, "CellType"), (15, 20, "Anatomy"),
                                                      (15, 27, "Anatomy")]
    assert texts == {"a": "Neurons of the brain cortex."}


def test_the_reader_keeps_the_files_own_class_when_asked(tmp_path: Path) -> None:
    gold = tmp_path / "gold.txt"
    gold.write_text("1|t|Breast and ovarian cancer.\n1|a|Rare.\n"
                    "1\t0\t25\tBreast and ovarian cancer\tCompositeMention\tD001943|D010051\n"
                    "1\t11\t25\tovarian cancer  \tSpecificDisease\tD010051\n",  # padded column
                    encoding="utf-8")
    _, plain = read_pubtator_annotations(gold)
    _, raw = read_pubtator_annotations(gold, raw_types=True)
    assert [a.cls for a in plain] == ["Disease", "Disease"] and {a.raw_type for a in plain} == {""}
    assert [a.raw_type for a in raw] == ["CompositeMention", "SpecificDisease"]
    assert raw[0].ids == {"MESH:D001943", "MESH:D010051"}
