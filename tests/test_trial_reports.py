"""Trials read from text: a paper reporting its own trial (exokg/extract/trial_reports.py) and
which group sizes are a trial's enrollment (exokg.extract.trials.is_enrollment). Every text
is invented for these tests."""

from __future__ import annotations

import pytest

from exokg.extract.trials import is_enrollment
from exokg.model import Document, Entity, RecordField
from exokg.pipeline import document_statements
from exokg.recognise import Recogniser


def _size(text: str, size: str, document: Document) -> bool:
    start = text.index(size)
    return is_enrollment(document, text, start, start + len(size))


ABSTRACT = Document("a", "x", "t", kind="abstract")
RECORD = Document("NCT09999999", "Enrollment: 40", "t", kind="registry-record",
                  fields=(RecordField("enrollment", "40", 0, 14),))


@pytest.mark.parametrize(("text", "size"), [
    ("In part 2, 20 subjects will be randomized in a 1:1 ratio.", "20 subjects"),
    ("If toxicity occurs in one participant, another 3 participants will be treated.",
     "3 participants"),
    ("Six patients per cohort will receive the exosomes.", "Six patients"),
    ("In the second stage, 12 patients will receive the higher dose.", "12 patients"),
    ("Then 8 patients will be enrolled in each dose cohort.", "8 patients"),
])
def test_a_part_of_the_trial_is_not_its_enrollment(text: str, size: str) -> None:
    assert not _size(text, size, ABSTRACT)


@pytest.mark.parametrize(("text", "size"), [
    ("The trial enrolled 24 patients with ischemic stroke.", "24 patients"),
    ("In the phase 1 trial, 30 patients received exosomes.", "30 patients"),
])
def test_the_whole_trial_is_its_enrollment(text: str, size: str) -> None:
    assert _size(text, size, ABSTRACT)


def test_a_record_counts_only_its_enrollment_field_or_an_explicit_total() -> None:
    assert not _size("Twenty patients will receive the exosomes.", "Twenty patients", RECORD)
    assert _size("A total of 40 patients will be enrolled.", "40 patients", RECORD)


def _trials(text: str, recogniser: Recogniser, title: str | None = None) -> list[tuple]:
    body = f"{title}\n\n{text}" if title else text
    fields = (RecordField("title", title, 0, len(title)),) if title else ()
    doc = Document("d", body, "t", title=title, kind="abstract", fields=fields)
    statements, _, _ = document_statements(doc, recogniser)
    return [(s.subject.id, s.object.id, s.hedged, s.context.species)
            for s in statements if s.predicate == "biolink:in_clinical_trials_for"
            and isinstance(s.object, Entity)]


def test_a_trial_report_names_what_it_tests_in_whom(recogniser: Recogniser) -> None:
    found = _trials("We conducted an open-label pilot trial in which 12 patients with chronic "
                    "ischemic stroke received intravenous allogeneic MSC-derived exosomes. "
                    "No adverse events occurred.", recogniser)
    assert found and all(o == "MONDO:1060198" and not h and s == ("NCBITaxon:9606",)
                         for _, o, h, s in found)


def test_a_trial_aim_is_not_hedged(recogniser: Recogniser) -> None:
    """The aim of a trial states what the trial tests: the statement stands unhedged."""
    found = _trials("This phase 2 trial aimed to evaluate the efficacy of umbilical cord "
                    "MSC-derived exosomes in patients with traumatic brain injury.", recogniser)
    assert [(o, h) for _, o, h, _ in found] == [("MONDO:0858950", False)]


def test_a_cited_trial_is_not_the_papers_own(recogniser: Recogniser) -> None:
    assert _trials("A randomized controlled trial tested MSC-derived exosomes in patients "
                   "with ischemic stroke. Exosomes may be safer than cells.", recogniser) == []


@pytest.mark.parametrize(("text", "own"), [
    ("Registration number: ChiCTR2600012345", True),
    ("Trial registration: ISRCTN12345678.", True),
    ("The trial was registered at the Chinese Clinical Trial Registry (ChiCTR-IIR-17012345).",
     True),
    ("EudraCT number: 2021-001234-56", True),
    ("One Chinese study (ChiCTR2300071234) is recruiting patients.", False),
    ("Registration number: not given.", False),
])
def test_a_registration_number_of_its_own_makes_a_trial(text: str, own: bool,
                                                        recogniser: Recogniser) -> None:
    from exokg.extract.trial_reports import registers_trial
    from exokg.pipeline import analyse_document
    doc = Document("r", text, "t", kind="abstract")
    assert registers_trial(analyse_document(doc, recogniser)) is own
