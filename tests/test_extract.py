"""Extraction rules on sentences written the way the field writes (not corpus sentences):
active and passive effects, negation and hedging scope, context, biomarker levels and
correlations, composite preparations that must not pool."""

from __future__ import annotations

from pathlib import Path

import pytest

from exokg.model import Entity
from exokg.pipeline import build


def claims(tmp_path: Path, text: str) -> set[tuple]:
    path = tmp_path / "doc.md"
    path.write_text("---\nid: doc\n---\n" + text + "\n", encoding="utf-8")
    out = set()
    for s in build([path]).statements:
        obj = s.object.label if isinstance(s.object, Entity) else s.object.text
        out.add((s.subject.label, s.predicate, obj, s.direction, s.negated, s.hedged))
    return out


def contexts(tmp_path: Path, text: str) -> dict[str, dict]:
    path = tmp_path / "doc.md"
    path.write_text("---\nid: doc\n---\n" + text + "\n", encoding="utf-8")
    return {s.object.label: dict(s.context.items()) for s in build([path]).statements
            if isinstance(s.object, Entity)}


@pytest.mark.parametrize("text, expected", [
    ("Treatment with exosomes derived from bone marrow MSCs significantly reduced infarct "
     "volume and improved neurological outcome in rats subjected to transient MCAO.",
     {("BMSC-derived exosomes", "biolink:affects", "infarct volume", "decreased", False, False),
      ("BMSC-derived exosomes", "biolink:affects", "neurological function", "increased", False,
       False)}),
    ("Infarct volume was significantly decreased by intravenous injection of MSC-EVs "
     "(100 μg) 24 h after MCAO in mice.",
     {("MSC-derived extracellular vesicles", "biolink:affects", "infarct volume", "decreased",
       False, False)}),
    ("MSC-derived exosomes did not alter infarct volume but enhanced angiogenesis in the "
     "ischemic boundary zone.",
     {("MSC-derived exosomes", "biolink:affects", "infarct volume", None, True, False),
      ("MSC-derived exosomes", "biolink:affects", "angiogenesis", "increased", False, False)}),
    ("These results suggest that MSC-derived EVs may reduce brain injury after stroke.",
     {("MSC-derived extracellular vesicles", "biolink:affects", "brain injury", "decreased",
       False, True)}),
    ("Serum exosomal miR-134 levels were significantly higher in patients with acute "
     "ischemic stroke than in healthy controls (P < 0.001) and were positively correlated "
     "with NIHSS scores.",
     {("miR-134", "biolink:associated_with", "ischemic stroke", "increased", False, False),
      ("miR-134", "biolink:positively_correlated_with", "NIH Stroke Scale", None, False,
       False)}),
    ("Exosomal miR-223 was upregulated in acute ischemic stroke patients compared with "
     "controls.",
     {("miR-223", "biolink:associated_with", "ischemic stroke", "increased", False, False)}),
    ("Plasma exosomal miR-21-5p was negatively correlated with infarct volume.",
     {("miR-21-5p", "biolink:negatively_correlated_with", "infarct volume", None, False,
       False)}),
])
def test_field_language(tmp_path: Path, text: str, expected: set[tuple]) -> None:
    assert claims(tmp_path, text) == expected


def test_context_species_model_route_dose_timing(tmp_path: Path) -> None:
    ctx = contexts(tmp_path, "Infarct volume was significantly decreased by intravenous "
                             "injection of MSC-EVs (100 μg) 24 h after MCAO in mice.")
    c = ctx["infarct volume"]
    assert c["species"] == ("NCBITaxon:10090",)
    assert c["model"] == ("exokg:model/middle-cerebral-artery-occlusion",)
    assert c["route"] == ("NCIT:C38276",)
    assert c["dose"] == ("100 μg",) and c["timing"] == ("24 h after MCAO",)


def test_preparations_never_pool(tmp_path: Path) -> None:
    found = claims(tmp_path, "MSC exosomes improved functional recovery in rats. "
                             "MSC exosomes loaded with miR-124 improved functional recovery in "
                             "mice. Exosomes with decreased miR-133b impaired functional "
                             "recovery in rats.")
    subjects = {c[0] for c in found}
    assert len(subjects) == 3, subjects
    assert ("MSC-derived exosomes loaded with miR-124", "biolink:affects",
            "functional recovery", "increased", False, False) in found
    assert any(c[0].startswith("exosomes depleted of miR-133b") and c[3] == "decreased"
               for c in found), found


def test_hedge_scope_stops_at_reported_finding(tmp_path: Path) -> None:
    found = claims(tmp_path, "This benefit presumably resulted from exosomal transfer of "
                             "miR-133b, which has been shown to facilitate neurite outgrowth.")
    assert ("miR-133b", "biolink:affects", "neuron projection development", "increased",
            False, False) in found


@pytest.mark.parametrize("text, subject", [
    ("Exosomes from BYHWD-treated MSCs increased angiogenesis in rats.",
     "BYHWD-treated MSC-derived exosomes"),
    ("Exosomes from miR-17-92 cluster-enriched MSCs promoted neurogenesis in rats.",
     "MSC-derived exosomes enriched in miR-17-92 cluster"),
])
def test_exosomes_from_treated_or_engineered_cells_are_the_agent(
        tmp_path: Path, text: str, subject: str) -> None:
    """The exosomes act, not the cells they came from."""
    assert {c[0] for c in claims(tmp_path, text)} == {subject}
