"""Adjectives of effect: words such as "neuroprotective", "anti-inflammatory" or
"immunomodulatory" that say what a treatment does to an outcome without naming it as a
noun. Each stands for the outcome it names and the direction it gives it; the outcomes are
the curated vocabulary's terms (ontology/vocabulary.yaml; tests/test_therapy_language.py checks
ids, labels and classes against it).

Used by :mod:`exokg.extract.properties` (the claims said with them) and by the effect rule,
which never takes such an adjective for an outcome of its own ("induce anti-inflammatory
effects" does not increase an outcome "anti-inflammatory").
"""

from __future__ import annotations

import re

from exokg.model import Entity

TISSUE_PROTECTION = Entity("exokg:outcome/tissue-protection", "tissue protection", "Outcome")
INFLAMMATION = Entity("exokg:phenotype/inflammation", "inflammation", "Phenotype")
APOPTOSIS = Entity("exokg:process/apoptosis", "apoptosis", "BiologicalProcess")
OXIDATIVE_STRESS = Entity("exokg:phenotype/oxidative-stress", "oxidative stress", "Phenotype")
IMMUNE_RESPONSE = Entity("GO:0006955", "immune response", "BiologicalProcess")
ANGIOGENESIS = Entity("GO:0001525", "angiogenesis", "BiologicalProcess")
SAFETY = Entity("exokg:outcome/safety", "safety", "Outcome")
NEURORESTORATION = Entity("exokg:outcome/neurorestoration", "neurorestoration", "Outcome")

#: adjective (a regular expression, matched whole, case-insensitive) -> (the outcome it
#: names, the direction it gives it; None: a change without a direction)
ADJECTIVES: tuple[tuple[str, Entity, str | None], ...] = (
    (r"(?:neuro-?|tissue-|cyto-?)?protective", TISSUE_PROTECTION, "increased"),
    (r"anti-?\s?inflammatory", INFLAMMATION, "decreased"),
    (r"anti-?\s?apoptotic", APOPTOSIS, "decreased"),
    (r"anti-?\s?oxidant|anti-?\s?oxidative", OXIDATIVE_STRESS, "decreased"),
    (r"immuno-?\s?(?:modulatory|regulatory|suppressive)", IMMUNE_RESPONSE, None),
    (r"(?:pro-?\s?)?angiogenic", ANGIOGENESIS, "increased"),
    # "exert neurorestorative effects", "neuroreparative functions of X"
    (r"neuro-?\s?(?:restorative|reparative|regenerative)", NEURORESTORATION, "increased"),
)
_ADJECTIVE = "|".join(f"(?:{pattern})" for pattern, _, _ in ADJECTIVES)
#: one adjective of effect and the words coordinated with it ("anti-inflammatory and
#: anti-apoptotic", "anti-inflammatory, antioxidant and regenerative")
ADJECTIVE_LIST = (rf"(?:{_ADJECTIVE})(?:\s*,?\s+(?:and|or|as\s+well\s+as)\s+[\w-]+"
                  rf"|\s*,\s*(?:{_ADJECTIVE}))*")


def is_effect_adjective(text: str) -> bool:
    """True when ``text`` is only an adjective of effect ("anti-inflammatory",
    "neuroprotective"): a word that says what a treatment does, never an outcome."""
    return re.fullmatch(rf"\s*(?:{_ADJECTIVE})\s*", text, re.I) is not None


def adjective_outcomes(text: str) -> list[tuple[Entity, str | None]]:
    """The outcomes and directions of the effect adjectives in a coordinated list
    ("anti-inflammatory and anti-apoptotic"), in order; other words are left out."""
    out = []
    for word in re.split(r"\s*(?:,|\band\b|\bor\b|\bas\s+well\s+as\b)\s*", text):
        for pattern, outcome, direction in ADJECTIVES:
            if re.fullmatch(pattern, word.strip(), re.I):
                out.append((outcome, direction))
                break
    return out
