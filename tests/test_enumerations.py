"""Enumerations of miRNAs and genes (exokg.extract.enumerations); invented sentences."""

from __future__ import annotations

from exokg.extract.enumerations import list_end, members
from exokg.model import Analysed, Document
from exokg.pipeline import analyse_document
from exokg.recognise import Recogniser

MIRNAS = frozenset({"MicroRNA", "MicroRNACluster"})
GENES = frozenset({"Gene", "Protein"})


def _sentence(text: str, recogniser: Recogniser) -> Analysed:
    [a] = analyse_document(Document("d", text, "test"), recogniser)
    return a


def _mention(a: Analysed, text: str):
    return next(m for m in a.mentions if m.text == text)


def test_members_carry_their_statistics(recogniser: Recogniser) -> None:
    a = _sentence("We found lower miR-124 (2.1-fold; P = 0.01), miR-9 (P < 0.05) and miR-126 "
                  "(3.0-fold; P = 0.004) in stroke.", recogniser)
    group = members(a, _mention(a, "miR-126"), MIRNAS, backwards=True)
    assert [m.text for m in group] == ["miR-124", "miR-9", "miR-126"]
    assert a.text[list_end(a, group):].startswith(" in stroke")
    # walking forwards from the first member finds the same list
    assert members(a, _mention(a, "miR-124"), MIRNAS, backwards=False) == group


def test_short_form_in_brackets_is_an_alias_not_a_member(recogniser: Recogniser) -> None:
    a = _sentence("miR-210 levels correlated with vascular endothelial growth factor (VEGF) "
                  "and IL-6 in rats.", recogniser)
    first = [m for m in a.mentions if m.category in GENES][0]
    texts = [m.text for m in members(a, first, GENES, backwards=False)]
    assert texts[-1] == "IL-6"
    assert "VEGF" not in texts


def test_list_stops_at_a_verb(recogniser: Recogniser) -> None:
    a = _sentence("miR-124 was reduced and miR-9 was raised after stroke.", recogniser)
    assert [m.text for m in members(a, _mention(a, "miR-9"), MIRNAS, backwards=True)] == \
        ["miR-9"]
