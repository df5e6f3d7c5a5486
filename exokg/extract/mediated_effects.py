"""A miRNA named as the carrier of a treatment's effect by a verb about the effect itself:
"miR-A mimicked the treatment effect of X on Y", "miR-A mediated the neuroprotective effect
of X against Y", "miR-A reproduced / recapitulated / accounted for / was responsible for the
beneficial effects of X on Y".

Such a sentence says that the miRNA does what the treatment does, so the miRNA (or a circRNA
or lncRNA) ``biolink:affects`` each outcome of the phrase the way a treatment's effect goes:

* after "against", a harm ("against ferroptosis", "against neuronal apoptosis"): decreased;
* after "on", an outcome whose head names a harm ("on neuronal apoptosis", "on brain
  injury"): decreased; one whose head names a good ("on behavioral improvement", "on
  functional recovery", "on axonal regeneration"): increased; another ("on microglial
  polarization") gives no claim, as the sentence does not say which way the effect went;
* an effect adjective before "effect" names an outcome too ("the neuroprotective effect":
  tissue protection, increased; "the anti-inflammatory effects": inflammation, decreased;
  :mod:`exokg.extract.adjectives`).

The treatment X is no subject here: its own effect is read where the text states it. A
loss-of-function experiment ("miR-A knockdown abolished the effect of X on Y") is
:mod:`exokg.extract.loss_of_function`'s, and "an effect mediated by miR-A" (the miRNA after
the verb) :mod:`exokg.extract.mediators`'.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exokg.extract.adjectives import adjective_outcomes
from exokg.extract.base import NONCODING, Analysed, clauses, statement
from exokg.extract.context import context_for
from exokg.extract.effects import objects_after
from exokg.extract.epistemics import hedged, negated
from exokg.model import Entity, Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["extract_mediated_effects"]

_CARRIERS = frozenset({"MicroRNA", "MicroRNACluster"}) | NONCODING
# "mimicked the (therapeutic) effect(s) of X on / against Y"
_CARRIED = re.compile(
    r"\b(?:mimick?(?:ed|s)?|reproduc(?:ed|es|e)|recapitulat(?:ed|es|e)|mediat(?:ed|es|e)|"
    r"account(?:ed|s)?\s+for|(?:was|were|is|are)\s+(?:\w+ly\s+)?responsible\s+for)\s+"
    r"(?:(?:most|much|part|some)\s+of\s+)?(?:the\s+)?(?P<adj>(?:[\w-]+\s+){0,3}?)"
    r"(?:effects?|actions?|benefits?)\s+of\s+(?P<x>[^;,]{1,80}?)\s+(?P<prep>on|against)\s+"
    r"(?:the\s+)?", re.I)
_NEEDS = Needs(_CARRIED)
# what may stand between the miRNA and the verb: a hedge, an adverb, "also"
_GAP = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:(?:also|further|partly|partially|largely|"
                  r"may|might|could|can|\w+ly)\s+)*", re.I)
# the head of an outcome named as a harm, or as a good
_HARM = re.compile(r"(?:damage|injury|injuries|death|apoptosis|degeneration|loss|toxicity|"
                   r"stress|inflammation|necrosis|pyroptosis|ferroptosis|atrophy|deficits?|"
                   r"demyelination|dysfunction|impairment|edema|oedema|volume|scars?|"
                   r"formation)$", re.I)
_GOOD = re.compile(r"(?:improvement|recovery|function|survival|regeneration|repair|protection|"
                   r"plasticity|neurogenesis|angiogenesis|outgrowth|growth|proliferation|"
                   r"remyelination|restoration)$", re.I)


def _carrier(a: Analysed, lo: int, at: int) -> Mention | None:
    """The miRNA (circRNA, lncRNA) that is the subject of the verb at ``at``: right before
    it, or the subject of the first of two verbs joined by "and" ("miR-A mimicked the effect
    of X on Y, and mediated ...")."""
    named = a.within(lo, at, _CARRIERS)
    if not named:
        return None
    last = named[-1]
    if _GAP.fullmatch(a.text, last.end, at):
        return last
    earlier = _CARRIED.search(a.text, last.end, at)
    if earlier and _GAP.fullmatch(a.text, last.end, earlier.start()) and \
            re.search(r",?\s+and\s+(?:\w+ly\s+)?$", a.text[earlier.end():at]):
        return last
    return None


def _direction(prep: str, m: Mention) -> str | None:
    """The way a treatment's effect on outcome ``m`` goes (module docs)."""
    if prep.lower() == "against":
        return "decreased"
    head = m.text.strip().rstrip(")")
    if _HARM.search(head):
        return "decreased"
    return "increased" if _GOOD.search(head) else None


def extract_mediated_effects(a: Analysed, found: Sequence[Statement] = ()) -> list[Statement]:
    """The effects a miRNA carries for a treatment (module docs); a pair ``found`` (the
    sentence's other statements) already relates is left alone."""
    if not _NEEDS.may_match(a.text) or not any(m.category in _CARRIERS for m in a.mentions):
        return []
    have = {(s.subject.id, getattr(s.object, "id", None)) for s in found}
    out: list[Statement] = []
    for clause in clauses(a.text):
        # each phrase's objects run to the next phrase or the clause's end
        matches = list(_CARRIED.finditer(a.text, clause.start, clause.end))
        for i, m in enumerate(matches):
            x = _carrier(a, clause.start, m.start())
            if x is None:
                continue
            end = matches[i + 1].start() if i + 1 < len(matches) else clause.end
            objects = [(y.entity, _direction(m.group("prep"), y))
                       for y in objects_after(a, m.end(), end)]
            objects += adjective_outcomes(m.group("adj").strip())
            for y, direction in objects:
                if direction is None or not isinstance(y, Entity) or \
                        (x.entity.id, y.id) in have or x.entity.id == y.id:
                    continue
                have.add((x.entity.id, y.id))
                out.append(statement(a, "effect.carried", x.entity, "biolink:affects", y,
                                     direction=direction,
                                     hedged=hedged(a.text, clause.start, m.start()),
                                     negated=negated(a.text, clause.start, m.start()),
                                     context=context_for(a, clause)))
    return out
