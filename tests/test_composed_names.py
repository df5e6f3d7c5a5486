"""The grammar of composed preparation names (exokg/recognise/composed_names.py) on invented
names written the ways the field writes them: which are one preparation, with which parts,
and which are no composed name at all."""

from __future__ import annotations

import pytest

from exokg.model import Document
from exokg.pipeline import analyse_document
from exokg.recognise import Recogniser

MIR_124 = "exokg:mirna/mir-124"


def composed(recogniser: Recogniser, name: str, before: str = "") -> dict[str, str] | None:
    """The parts of the composed preparation read for ``name`` in an invented sentence (with
    ``before`` as an earlier sentence), or None when the name is not read as one."""
    text = f"{before} In rats after MCAO, {name} reduced infarct volume.".strip()
    for a in analyse_document(Document("case", text, "test", kind="abstract"), recogniser):
        for m in a.mentions:
            if m.source == "composed" and m.text == name:
                return dict(m.entity.attributes)
    return None


@pytest.mark.parametrize("name, cargo", [
    ("Exo-miR-126", "exokg:mirna/mir-126"),
    ("miR-133b-Exos", "exokg:mirna/mir-133b"),
    ("sEVs-miR-21a", "exokg:mirna/mir-21a"),
    ("miR-17-92-EVs", None),  # a cluster: read, whatever its cargo id
    ("EVs@miR-210", "exokg:mirna/mir-210"),
    ("miR-146a-5p-Exos", "exokg:mirna/mir-146a-5p"),
    ("Exos-let-7c", "exokg:mirna/let-7c"),
])
def test_mirna_glued_to_a_vesicle_word_is_the_loaded_cargo(recogniser: Recogniser, name: str,
                                                          cargo: str | None) -> None:
    parts = composed(recogniser, name)
    assert parts is not None, name
    assert parts["engineering"] == "loaded"
    if cargo:
        assert parts["cargo"] == cargo


def test_a_bare_number_is_the_documents_mirna_with_that_number(recogniser: Recogniser) -> None:
    parts = composed(recogniser, "Exo-124", "We studied exosomes carrying miR-124.")
    assert parts is not None and parts["cargo"] == MIR_124
    parts = composed(recogniser, "124-Exos", "We studied exosomes carrying miR-124.")
    assert parts is not None and parts["cargo"] == MIR_124
    assert composed(recogniser, "Exo-124") is None  # no miR-124 in the document


@pytest.mark.parametrize("name", ["BDNF-Exos", "VEGF@sEVs", "GDNF-EVs"])
def test_gene_glued_to_a_vesicle_word_is_the_loaded_cargo(recogniser: Recogniser,
                                                         name: str) -> None:
    parts = composed(recogniser, name)
    assert parts is not None, name
    assert parts["engineering"] == "loaded"
    assert parts["cargo"].startswith(("NCBIGene:", "HGNC:", "uniprot:", "exokg:protein/"))


@pytest.mark.parametrize("name", ["RVG-sEVs", "T7-Exos", "iRGD-Exos", "Angiopep-2-Exos",
                                  "CAQK-EVs-siRNA", "RVG-Exo-miR-124", "PTX@Exos",
                                  "Cur@EVs−cl−NGF"])
def test_modifier_makes_an_engineered_product_named_as_written(recogniser: Recogniser,
                                                               name: str) -> None:
    parts = composed(recogniser, name)
    assert parts is not None, name
    assert parts["engineering"] == "modified"
    assert parts["designation"]


@pytest.mark.parametrize("name", ["MSC-Exos", "CD9+ EVs", "lEV/Exos", "Ctrl-EVs", "Hypo-Exos",
                                  "MCAO+Exo", "PBS-EVs", "exosome-free", "EV/tPA",
                                  "Exo-treated", "EVs-derived"])
def test_names_that_are_no_composed_product(recogniser: Recogniser, name: str) -> None:
    assert composed(recogniser, name) is None


def test_a_piece_the_document_defined_for_something_else(recogniser: Recogniser) -> None:
    before = "Rats received lactated Ringer's (LR) or an immortalised MSC line (ciMSC)."
    assert composed(recogniser, "ciMSC-EVs", before) is None
    assert composed(recogniser, "LR-Exo", before) is None
    # a targeting part defined as such is a modifier
    parts = composed(recogniser, "RVG-Exo", "Rabies virus glycoprotein (RVG) was displayed.")
    assert parts is not None and parts["engineering"] == "modified"
