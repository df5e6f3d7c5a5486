"""Combination therapies a text names as one treatment: "CEC-sEVs/tPA", "MSC-EVs + tPA",
"exosomes plus curcumin", "MSC-Exos combined with / in combination with / together with
rtPA".

The graph model has no "A with B" context for a claim, so a combination given as one
treatment is an agent of its own: a ``Therapy`` entity ``exokg:therapy/{slug}-{hash}``
minted from its parts, labelled "A with B" (the parts' labels), the written phrase kept as a
synonym, and each part linked with ``BFO:0000051`` (has part). Its effects are claims of the
combination, not of either part alone: the text says nothing of what A or B did without the
other. A short form the text defines for the phrase ("... in combination with tPA
(CEC-sEVs/tPA)") stands for the combination (:mod:`exokg.recognise.document`).

The first part is a treatment a study gives (a preparation, vesicles, cells, a therapy, a
drug or herbal preparation); the second a treatment or a drug, chemical or a protein given
as a drug (tPA is a gene product: "tissue plasminogen activator" is recognised as the gene
PLAT); after a slash only the latter ("MSCs/EVs" names alternatives). Words between the parts must say that they were given together: a slash or plus sign
written tight, "plus", "combined with", "in combination with", "together with",
"co-administered with".
"""

from __future__ import annotations

import re

from exokg.ids import mint
from exokg.model import Entity, Mention
from exokg.text.prefilter import Needs

__all__ = ["combination_entity", "find_combinations"]

_FIRST = frozenset({"ExosomePreparation", "Vesicle", "Cell", "Therapy", "Drug",
                    "HerbalPreparation"})
_SECOND = frozenset({"ExosomePreparation", "Vesicle", "Cell", "Therapy", "Drug",
                     "HerbalPreparation", "Chemical", "Gene", "Protein"})
#: what may follow a slash: "MSC-EVs/tPA" is given with a drug; "MSCs/EVs", "exosomes/EVs"
#: name alternatives or synonyms
_DRUG_PARTNERS = frozenset({"Drug", "Chemical", "Gene", "Protein", "HerbalPreparation"})
#: what joins the parts of a combination: "/" or "+" written tight or spaced, "plus",
#: "combined with", "in combination with", "together with", "co-administered with"; a short
#: form in brackets after the first part may stand between ("(CEC-sEVs) in combination with")
JOIN = re.compile(r"(?:\s*\([^()]{1,30}\))?(?:\s*[/+]\s*|\s+plus\s+|\s+(?:combined|"
                  r"co-?administered|co-?treated|given\s+together)\s+with\s+|"
                  r"\s+in\s+combination\s+with\s+|\s+together\s+with\s+)(?:the\s+)?", re.I)
_NEEDS = Needs(re.compile(r"/|\+|\bplus\b|\bcombin|\btogether\b|\bco-?administ|\bco-?treat",
                          re.I))


def combination_entity(first: Entity, second: Entity, written: str) -> Entity:
    """The combination of ``first`` given with ``second`` (deterministic id and label);
    ``written`` (the phrase as the text writes it) is kept as a synonym."""
    label = f"{first.label} with {second.label}"
    key = f"{label}|{first.id}|{second.id}"  # the slug opens with the label's words
    synonyms = tuple(sorted({" ".join(written.split())} - {label}))
    return Entity(mint("therapy", key), label, "Therapy", synonyms=synonyms,
                  attributes=tuple(sorted({("BFO:0000051", first.id),
                                           ("BFO:0000051", second.id)})))


def find_combinations(text: str, mentions: list[Mention]) -> list[Mention]:
    """Combination mentions of one sentence (see the module docs). ``mentions`` are the
    sentence's top-level mentions (preparations over their parts); returns composite
    ``Therapy`` mentions over both parts."""
    if not _NEEDS.may_match(text):
        return []
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    out: list[Mention] = []
    for i, first in enumerate(ordered):
        if first.category not in _FIRST:
            continue
        later = [m for m in ordered[i + 1:] if m.start >= first.end]
        if not later:
            continue
        second = later[0]
        join = JOIN.fullmatch(text, first.end, second.start)
        if second.category not in _SECOND or second.entity.id == first.entity.id or \
                not join or ("/" in join.group() and second.category not in _DRUG_PARTNERS):
            continue
        if _continues_list(text, second.end):
            continue  # "A/B/C", "A + B + C": a list of alternatives or of three, not read
        written = text[first.start:second.end]
        out.append(Mention(combination_entity(first.entity, second.entity, written),
                           first.start, second.end, written, "composite"))
    return out


_MORE = re.compile(r"\s*[/+]\s*\w")


def _continues_list(text: str, end: int) -> bool:
    """True when another "/" or "+" part follows the second part."""
    return bool(_MORE.match(text, end))
