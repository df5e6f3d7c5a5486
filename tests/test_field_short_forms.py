"""Short forms of the field that gene tables also list (recognition round 9): clinical
scales are scales ("MoCA" is no DOCK3), a disease's short form the document defines or the
field uses is the disease ("SVD" no KCNJ13, "post-aSAH" no ASAH1), and an enzyme's short form
is no disease ("superoxide dismutase (SOD)" no septo-optic dysplasia). Every sentence here
is invented; the mentions are those ``exokg annotate`` writes."""

from __future__ import annotations

import pytest

from exokg.annotate import document_mentions
from exokg.model import Document
from exokg.recognise import Recogniser

SVD = "exokg:disease/cerebral-small-vessel-disease"
SAH = "MONDO:0005099"


def mentions(recogniser: Recogniser, text: str) -> list[tuple[str, str, str]]:
    """(text, annotation class, first id) of each mention of ``text`` read as an abstract."""
    found = document_mentions(Document("t", text, "test", kind="abstract"), recogniser)
    return [(m.text, m.type, m.ids[0] if m.ids else "") for m in found]


def readings(recogniser: Recogniser, text: str, word: str) -> set[tuple[str, str]]:
    """The (class, first id) of every mention written exactly ``word``."""
    return {(t, i) for w, t, i in mentions(recogniser, text) if w == word}


@pytest.mark.parametrize("text, word, scale", [
    ("Cognition was scored with the Montreal Cognitive Assessment (MoCA) at 90 days, and "
     "MoCA scores rose after treatment.", "MoCA", "montreal-cognitive-assessment"),
    ("Patients with lower MoCA and MMSE scores had higher plasma exosomal miR-132.",
     "MoCA", "montreal-cognitive-assessment"),
    ("Patients with lower MoCA and MMSE scores had higher plasma exosomal miR-132.",
     "MMSE", "mini-mental-state-examination"),
    ("Severity on admission was graded with the Hunt-Hess grade, the WFNS grade and the "
     "modified Fisher scale.", "modified Fisher scale", "modified-fisher-grade"),
    ("Severity on admission was graded with the Hunt-Hess grade, the WFNS grade and the "
     "modified Fisher scale.", "Hunt-Hess grade", "hunt-hess-grade"),
    ("A higher Fisher grade and a lower Glasgow Coma Scale (GCS) score predicted a poor "
     "Glasgow Outcome Scale (GOS) at six months.", "Fisher grade", "fisher-grade"),
    ("A higher Fisher grade and a lower Glasgow Coma Scale (GCS) score predicted a poor "
     "Glasgow Outcome Scale (GOS) at six months.", "GOS", "glasgow-outcome-scale"),
])
def test_clinical_scales_are_assessment_scales_not_genes(recogniser: Recogniser, text: str,
                                                         word: str, scale: str) -> None:
    assert readings(recogniser, text, word) == {("AssessmentScale", f"exokg:scale/{scale}")}


def test_fisher_of_a_scale_is_no_animal(recogniser: Recogniser) -> None:
    text = "Higher WFNS grade and higher Fisher score predicted vasospasm."
    assert all(t != "Species" for _, t, _ in mentions(recogniser, text))


@pytest.mark.parametrize("text, word", [
    ("White matter hyperintensities mark cerebral small vessel disease (cSVD); cSVD "
     "burden rose with age.", "cSVD"),
    ("The association between circulating EVs and Small Vessel Disease (SVD) was studied; "
     "EV counts were higher in patients with SVD.", "SVD"),
    ("Plasma exosomal miR-21 was higher in patients with SVD than in controls.", "SVD"),
])
def test_small_vessel_disease_short_forms_are_the_disease(recogniser: Recogniser, text: str,
                                                          word: str) -> None:
    assert readings(recogniser, text, word) == {("Disease", SVD)}


@pytest.mark.parametrize("text, short, gene", [
    # a long form no dictionary knows ends in a word for a disease: its short form,
    # a gene alias elsewhere (CHST3, TGFBI), is no gene in its bracket nor later
    ("Families with a hereditary stroke disorder (HSD) were enrolled; HSD carriers had "
     "more lacunes.", "HSD", "CHST3"),
    ("We describe a combined sclerosing disease (CSD) of the white matter. CSD progressed "
     "slowly.", "CSD", "TGFBI"),
])
def test_a_defined_disease_short_form_is_no_gene_alias(recogniser: Recogniser, text: str,
                                                       short: str, gene: str) -> None:
    assert all(t != "Gene" for w, t, _ in mentions(recogniser, text) if w == short)


def test_a_disease_short_form_after_a_time_or_negation_prefix(recogniser: Recogniser) -> None:
    text = ("Patients with aneurysmal subarachnoid hemorrhage (aSAH) were followed; outcome "
            "was scored 1 year post-aSAH.")
    assert readings(recogniser, text, "aSAH") == {("Disease", SAH)}
    assert len([w for w, _, _ in mentions(recogniser, text) if w == "aSAH"]) == 2
    text = ("Serum of patients with subarachnoid hemorrhage (SAH) and of non-SAH controls "
            "was compared.")
    assert len([1 for w, t, i in mentions(recogniser, text) if w == "SAH" and i == SAH]) == 2


@pytest.mark.parametrize("text", [
    "Exosomes raised the activity of superoxide dismutase (SOD) in the hippocampus.",
    "The antioxidant enzymes superoxide dismutase (SOD) and catalase (CAT) were assayed.",
    "Hippocampal SOD activity and MDA content were restored by the exosomes.",
    "The treatment increased SOD levels in the ischemic cortex.",
])
def test_an_enzyme_short_form_is_no_disease(recogniser: Recogniser, text: str) -> None:
    assert all(t != "Disease" for w, t, _ in mentions(recogniser, text) if w == "SOD")


def test_septo_optic_dysplasia_keeps_its_short_form(recogniser: Recogniser) -> None:
    text = ("Children with septo-optic dysplasia (SOD) have optic nerve hypoplasia. SOD is "
            "rare, and SOD in adults is rarer.")
    found = [(t, i) for w, t, i in mentions(recogniser, text) if w == "SOD"]
    assert len(found) == 3 and {t for t, _ in found} == {"Disease"}


def test_a_disease_like_long_form_keeps_its_short_form_s_disease(recogniser: Recogniser) -> None:
    # the long form is in no dictionary, but its last word names a disease: the bracket's
    # disease reading stays, while a long form naming a method drops it
    text = "Therapy lowered the mortality of acquired immunodeficiency syndrome (AIDS) in Africa."
    assert {t for t, _ in readings(recogniser, text, "AIDS")} == {"Disease"}
    text = "Energetics were measured by magnetic resonance spectroscopy (MRS) in the heart."
    assert all(t != "Disease" for w, t, _ in mentions(recogniser, text) if w == "MRS")

