"""Where a document's defined short forms are used in a sentence
(:func:`exokg.recognise.document.alias_mentions`): a sentence that does not hold a short form
as written (its final "s" aside) is not scanned for it, and the mentions are the same as a
scan of every short form gives. The sentences are invented."""

from __future__ import annotations

from exokg.model import Entity, Mention
from exokg.recognise.document import Alias, _hyphen_after, _pattern, _prefixed, \
    alias_mentions

HUMAN = Entity("NCBITaxon:9606", "Homo sapiens", "Species")
MSC = Entity("CL:0000134", "mesenchymal stem cell", "Cell")
EV = Entity("GO:1903561", "extracellular vesicle", "Vesicle")
SAH = Entity("MONDO:0005106", "subarachnoid hemorrhage", "Disease")
TBI = Entity("MONDO:0005789", "traumatic brain injury", "Disease")

ALIASES: dict[str, Alias | None] = {
    "EVs": EV,  # defined with its plural: "EV" and "EVs" are both uses
    "aSAH": SAH,  # a disease's: also after "post-"
    "hMSCs": (HUMAN, MSC),  # a species initial and a cell
    "TBI": TBI,
    "CM": None,  # defined as nothing known: never a mention
}


def scanned(text: str, aliases: dict[str, Alias | None]) -> list[Mention]:
    """Every short form's pattern run over ``text``, with no shortcut (the reference)."""
    out = []
    for short, entity in aliases.items():
        if entity is None:
            continue
        for m in _pattern(short, _hyphen_after(entity), _prefixed(entity)).finditer(text):
            if isinstance(entity, tuple):
                out += [Mention(entity[0], m.start(), m.start() + 1, m.group()[0],
                                "abbreviation"),
                        Mention(entity[1], m.start() + 1, m.end(), m.group()[1:],
                                "abbreviation")]
            else:
                out.append(Mention(entity, m.start(), m.end(), m.group(), "abbreviation"))
    return out


def test_a_short_form_defined_with_a_plural_is_found_in_the_singular_too() -> None:
    for text, uses in (("Each EV carried miR-21 into the neurons.", ["EV"]),
                       ("Each EV carried miR-21, and EVs reduced the lesion.", ["EV", "EVs"])):
        found = alias_mentions(text, ALIASES)
        assert [(m.text, m.entity) for m in found] == [(u, EV) for u in uses]
        assert found == scanned(text, ALIASES)


def test_a_disease_short_form_after_a_time_prefix_and_a_split_cell_form() -> None:
    text = "Serum was drawn 1 year post-aSAH from donors of hMSCs and hMSC cultures."
    found = alias_mentions(text, ALIASES)
    assert [m.text for m in found] == ["aSAH", "h", "MSCs", "h", "MSC"]
    assert found == scanned(text, ALIASES)


def test_a_sentence_without_the_short_forms_gives_none_and_none_inside_words() -> None:
    for text in ("Vesicles from stem cells reduced the lesion after injury.",
                 "The TBIs of the cohort and the CM of the cells were compared.",
                 "A subTBI lesion and the EVsome preparation were not defined."):
        assert alias_mentions(text, ALIASES) == scanned(text, ALIASES)
    assert [m.text for m in alias_mentions("The TBIs were mild; CM was given.", ALIASES)] \
        == ["TBIs"]
