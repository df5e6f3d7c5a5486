"""Species named the way papers name them, not the way the taxonomy does.

NCBITaxon names organisms by their Latin and common names ("Homo sapiens", "human",
"mice"); abstracts also name the people studied by their role or sex ("patients", "an
outpatient", "women", "men") and the animals by the Latin adjective of their name
("murine macrophages", "porcine model", "fetal bovine serum"). Both name a species: a
patient is a human, and the species of a claim about patients is *Homo sapiens*
(docs/graph-model.md, ``exo:species``). :func:`species_words` gives a Species mention over
each such word that no other mention overlaps, grounded through the recogniser's own
recognition of the taxon name the word stands for (no identifier is written here).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from exokg.model import Mention
from exokg.text.prefilter import Needs

__all__ = ["ANIMAL_NOUNS", "PERSON_NOUNS", "SPECIES_ADJECTIVES", "species_words"]

#: Nouns for people by their role in a study or their sex -> the taxon name they stand for.
#: Words for people by age ("children", "adults") or by their place in a design
#: ("subjects", "controls", "volunteers") are left out: the corpora of the field do not mark
#: them as species, and "controls" or "subjects" are often animals or samples.
PERSON_NOUNS: dict[str, str] = {
    "patient": "human", "patients": "human",
    "inpatient": "human", "inpatients": "human",
    "outpatient": "human", "outpatients": "human",
    "man": "human", "men": "human", "woman": "human", "women": "human",
}
#: Plural nouns by which papers name the animals of a study's groups ("treated rats", "FGR
#: lambs", "HI pups", "naive mice"), as pattern text without groups for the rules that read
#: groups (:mod:`exokg.extract.treated_groups`, :mod:`exokg.extract.given_animals`,
#: :mod:`exokg.extract.group_contrasts`, :mod:`exokg.extract.level_comparisons`,
#: :mod:`exokg.recognise.condition_groups`).
ANIMAL_NOUNS = (r"mice|rats|animals|pigs|piglets|lambs|sheep|monkeys|pups|dogs|rabbits|"
                r"fetuses|neonates")
#: Latin adjectives of animal names -> the taxon's Latin name (the species the adjective
#: means in biomedical writing: "bovine" serum comes from cattle, "canine" models are dogs).
SPECIES_ADJECTIVES: dict[str, str] = {
    "murine": "Mus musculus", "bovine": "Bos taurus", "porcine": "Sus scrofa",
    "canine": "Canis lupus familiaris", "feline": "Felis catus", "equine": "Equus caballus",
    "caprine": "Capra hircus", "ovine": "Ovis aries", "lapine": "Oryctolagus cuniculus",
}
_WORD = re.compile(r"(?<![\w-])(" + "|".join(sorted({*PERSON_NOUNS, *SPECIES_ADJECTIVES},
                                                   key=len, reverse=True))
                   + r"|in-patients?|out-patients?)(?![\w-])", re.I)
_MAY_WORD = Needs(_WORD)  # its keyword guard
#: "canine teeth" are teeth; "man-made", "Isle of Man", "patient-derived" are not people
_NOT_AFTER = re.compile(r"\s+(?:tooth|teeth|fossa)\b", re.I)


def species_words(text: str, mentions: list[Mention],
                  recognise: Callable[[str], list[Mention]]) -> list[Mention]:
    """Species mentions over the words of :data:`PERSON_NOUNS` and
    :data:`SPECIES_ADJECTIVES` in ``text`` that no mention of ``mentions`` overlaps.

    ``recognise`` finds mentions in a short text (the recogniser's own matching); the
    taxon name a word stands for must come back whole as a Species mention, else the word
    gives nothing. "Man"/"Men" with a capital inside a sentence are taken for a name
    ("Isle of Man") and skipped, and so is "canine" before "tooth"/"teeth"."""
    out: list[Mention] = []
    taxa: dict[str, Mention | None] = {}
    if not _MAY_WORD.may_match(text):
        return out
    for m in _WORD.finditer(text):
        word = m.group(1)
        lower = word.lower().replace("-", "")
        if any(o.start < m.end() and m.start() < o.end for o in mentions):
            continue
        if lower in ("man", "men") and word[0].isupper() and m.start() > 0 \
                and not text[:m.start()].rstrip().endswith((".", ":")):
            continue
        if lower in SPECIES_ADJECTIVES and _NOT_AFTER.match(text, m.end()):
            continue
        name = PERSON_NOUNS.get(lower) or SPECIES_ADJECTIVES[lower]
        if name not in taxa:
            found = [c for c in recognise(name)
                     if c.category == "Species" and c.end - c.start == len(name)]
            taxa[name] = found[0] if found else None
        taxon = taxa[name]
        if taxon is not None:
            out.append(Mention(taxon.entity, m.start(), m.end(), word, taxon.source))
    return out
