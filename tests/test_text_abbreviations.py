"""Abbreviations defined in text (exokg.text.abbreviations) and their use across a document
(exokg.recognise.document). Sentences are invented for these tests."""

from __future__ import annotations

import pytest

from exokg.model import Document
from exokg.pipeline import analyse_document
from exokg.recognise import Recogniser
from exokg.text.abbreviations import Abbreviation, find_abbreviations


@pytest.mark.parametrize("text, short, long", [
    ("after middle cerebral artery occlusion (MCAO) in rats", "MCAO",
     "middle cerebral artery occlusion"),
    ("human umbilical cord MSC-derived exosomes (hUC-MSC-Exos) were used", "hUC-MSC-Exos",
     "human umbilical cord MSC-derived exosomes"),
    ("ischemia/reperfusion (I/R) injury", "I/R", "ischemia/reperfusion"),
    # the long form in brackets
    ("MSC (mesenchymal stem cell) therapy", "MSC", "mesenchymal stem cell"),
    # an earlier bracketed abbreviation does not start the long form
    ("bone marrow stromal cells (BMSCs) derived vesicles (BMSC-EVs)", "BMSC-EVs",
     "bone marrow stromal cells (BMSCs) derived vesicles"),
    # text after a semicolon inside the bracket is not part of the short form
    ("acute ischemic stroke (AIS; n = 40)", "AIS", "acute ischemic stroke"),
])
def test_definitions_found(text: str, short: str, long: str) -> None:
    found = {a.short: a for a in find_abbreviations(text)}
    assert short in found, found
    a = found[short]
    assert a.long == long
    assert text[a.short_start:a.short_end] == short
    assert text[a.long_start:a.long_end] == long


@pytest.mark.parametrize("text", [
    "infarct volume was smaller (p < 0.05)",
    "as described before (data not shown)",
    "treated rats (n = 12) recovered",
    "in the cortex (Figure 2)",
])
def test_brackets_that_define_nothing(text: str) -> None:
    assert find_abbreviations(text) == []


def test_first_definition_wins_and_records_are_ordered() -> None:
    text = "stem cells (SC) and, later, spinal cord (SC)."
    assert find_abbreviations(text) == [Abbreviation("SC", "stem cells", 12, 14, 0, 10)]


def test_short_form_means_its_long_form_later_in_the_document_only() -> None:
    recogniser = Recogniser.default()
    text = ("Bone marrow mesenchymal stromal cells (BMSCs) were cultured. "
            "BMSCs secreted vesicles.")
    first = analyse_document(Document("d1", text, "test"), recogniser)
    later = [m for m in first[1].mentions if m.text == "BMSCs"]
    assert later and later[0].entity.id == "CL:0002540" and later[0].source == "abbreviation"
    # another document that never defines the short form does not inherit it
    other = analyse_document(Document("d2", "BMSCs secreted vesicles.", "test"), recogniser)
    assert all(m.source != "abbreviation" for a in other for m in a.mentions)


def test_species_initial_is_read_as_the_source_taxon() -> None:
    recogniser = Recogniser.default()
    text = ("Human bone marrow mesenchymal stem cells (hMSCs) were expanded. "
            "Exosomes derived from hMSCs were injected.")
    analysed = analyse_document(Document("d", text, "test"), recogniser)
    preparation = [m for m in analysed[1].mentions if m.category == "ExosomePreparation"]
    assert preparation, analysed[1].mentions
    assert dict(preparation[0].entity.attributes) == {
        "sourceCell": "CL:0002540", "sourceTaxon": "NCBITaxon:9606",
        "vesicleType": "GO:0070062"}


def test_vesicle_short_form_in_another_word_order_names_the_preparation() -> None:
    recogniser = Recogniser.default()
    text = ("Exosomes from bone marrow stromal cells (BMSC-sEVs) were collected. "
            "BMSC-sEVs lowered edema.")
    analysed = analyse_document(Document("d", text, "test"), recogniser)
    later = [m for m in analysed[1].mentions if m.text == "BMSC-sEVs"]
    assert later and later[0].entity.category == "ExosomePreparation"
    assert dict(later[0].entity.attributes)["sourceCell"] == "CL:0002540"
