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

The treatment X is no subject here: its own effect is read where the text states it; "an
effect mediated by miR-A" (the miRNA after the verb) is :mod:`exokg.extract.mediators`'.

The loss of a miRNA says the same the other way round (:func:`lost_mirna_effects`): with
"knockdown / silencing / inhibition / antagonism / deletion / downregulation of miR-A" or
"miR-A knockdown / silencing" as the subject (the recogniser's nouns of a loss,
:data:`exokg.recognise.inhibitors.LOSS_NOUNS`; its intervention mentions, "miR-A knockdown",
by their kind),

* "... blocked / abolished / reversed / attenuated their (protective) effects on A and B":
  the miRNA carries the treatment's effect on A and B (each way as above);
* "... aggravated / exacerbated / increased Y": the miRNA lowers Y; "... reduced / impaired
  Y": the miRNA raises Y (the loss does the opposite of what the miRNA does).

The effect rule's reading of such a sentence with the miRNA as the agent of the verb (which
gives the loss's sign to the miRNA) is dropped; its effects on genes and proteins are the
targeting rules' (:mod:`exokg.extract.mirna_gene`), which know the loss already.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exokg.extract.adjectives import adjective_outcomes
from exokg.extract.base import MIRNAS, NONCODING, Analysed, Clause, clauses, statement
from exokg.extract.context import context_for
from exokg.extract.effects import objects_after
from exokg.extract.epistemics import hedged, negated
from exokg.extract.polarity import names_good, names_harm
from exokg.extract.regulation import intervention_target
from exokg.model import Entity, Mention, Statement
from exokg.recognise import inhibitors
from exokg.text.prefilter import Needs

__all__ = ["extract_mediated_effects", "lost_mirna_effects"]

_CARRIERS = MIRNAS | NONCODING
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
    if names_harm(head):
        return "decreased"
    return "increased" if names_good(head) else None


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


# "knockdown of miR-A", "miR-A knockdown in X", then the verb of the clause (the recogniser's
# nouns of a loss: exokg.recognise.inhibitors)
_LOSS_NOUN = r"(?:" + inhibitors.LOSS_NOUNS + ")"
_LOSS_BEFORE = re.compile(_LOSS_NOUN + r"\s+of\s+(?:the\s+)?(?:(?:exosomal|vesicular)\s+)?$",
                          re.I)
_LOSS_AFTER = re.compile(r"\s*(?:cluster\s*)?-?\s*" + _LOSS_NOUN + r"\b", re.I)
# "miR-A suppression of PTEN", "miR-A downregulation of Y": the miRNA acts on what follows,
# nothing of it is lost (its loss is "suppression of miR-A", "miR-A suppression" alone); as
# the recogniser reads "miR-A inhibition / blockade / antagonism of Y"
_ACTING = re.compile(r"\s*-?\s*(?:" + "|".join(sorted(inhibitors.ACTS_ON)) +
                     r"|suppression|down-?regulation)\s+of\b", re.I)
_LOSS_KIND = re.compile(_LOSS_NOUN, re.I)
# what may stand between the loss phrase and its verb: a place ("in M2 microglial sEVs"),
# adverbs
_TO_VERB = re.compile(r"(?:\s+(?:in|within|of|from)\s+[^,;]{1,80}?)?\s+"
                      r"(?:(?:also|further|\w+ly)\s+)*", re.I)
_VERB = re.compile(r"\b(?=\w+(?:ed|es|s)\b)", re.I)
# the loss undoes the treatment's effect: "blocked their (protective) effects on Y"
_UNDOES = re.compile(r"(?:blocked|abolished|abrogated|reversed|attenuated|diminished|"
                     r"eliminated|prevented|counteracted|weakened|negated|impaired|reduced|"
                     r"suppressed|inhibited)\s+(?:the|their|its|these|this)\s+"
                     r"(?P<adj>(?:[\w-]+\s+){0,3}?)(?:effects?|actions?|benefits?)\s+"
                     r"(?:of\s+[^;,]{1,80}?\s+)?(?P<prep>on|against)\s+(?:the\s+)?", re.I)
# the loss changes Y itself
_RAISES = re.compile(r"(?:aggravat|exacerbat|worsen|increas|enhanc|promot|elevat|induc|"
                     r"accelerat|augment)\w*\s+(?:the\s+)?", re.I)
_LOWERS = re.compile(r"(?:reduc|decreas|attenuat|inhibit|suppress|alleviat|ameliorat|lower|"
                     r"diminish|impair|block|prevent|abolish)\w*\s+(?:the\s+)?", re.I)
_OUTCOMES = frozenset({"Outcome", "BiologicalProcess", "Phenotype", "Disease"})
_NEEDS_LOSS = Needs(re.compile(r"\b" + _LOSS_NOUN + r"\b", re.I))


def _lost_target(a: Analysed, m: Mention) -> Mention | None:
    """The miRNA of an intervention mention of :mod:`exokg.recognise.inhibitors` whose kind
    is an act of loss ("miR-124 knockdown" at the opening of a clause; not "a miR-124
    inhibitor", a thing given), as the recogniser names its target."""
    target = inhibitors.intervention_target(m)
    if target is None or not _LOSS_KIND.fullmatch(target[1]):
        return None
    part = intervention_target(a, m)
    return part if part is not None and part.category in _CARRIERS else None


def _losses(a: Analysed) -> list[tuple[Mention, int]]:
    """Each miRNA whose loss the sentence names, with where the loss phrase ends."""
    out = []
    for m in a.mentions:
        target = _lost_target(a, m)
        if target is not None:  # (the recogniser names no "miR-A inhibition of Y")
            out.append((target, m.end))
            continue
        if m.category not in _CARRIERS or _ACTING.match(a.text, m.end):
            continue
        after = _LOSS_AFTER.match(a.text, m.end)
        if after:
            out.append((m, after.end()))
        elif _LOSS_BEFORE.search(a.text, max(0, m.start - 40), m.start):
            out.append((m, m.end))
    return out


# "increased PTEN expression and reduced neurite outgrowth": the next verb of the same subject
_NEXT_VERB = re.compile(r"\s*(?:,\s*)?(?:and\s+)?(?:\w+ly\s+)?(?=\w+ed\b)", re.I)


def _readings(a: Analysed, at: int, end: int) -> tuple[list[tuple[Entity, str | None]], int]:
    """The outcomes and the miRNA's directions of the verbs that follow a loss phrase ending
    at ``at`` (the first verb form whose gap from ``at`` is a place or adverbs, and the verbs
    joined to it by "and"), and where the first verb starts; nothing when no verb follows."""
    for v in _VERB.finditer(a.text, at, end):
        if _TO_VERB.fullmatch(a.text, at, v.start()) and _reading_at(a, v.start(), end):
            break
    else:
        return [], at
    out: list[tuple[Entity, str | None]] = []
    here: int | None = v.start()
    while here is not None:
        reading = _reading_at(a, here, end)
        if reading is None:
            break
        found, here = reading
        out += found
    return out, v.start()


def _reading_at(a: Analysed, at: int, end: int
                ) -> tuple[list[tuple[Entity, str | None]], int | None] | None:
    """The reading of the verb at ``at``: the outcomes (up to a next verb of the same
    subject) with the miRNA's directions, and where that next verb starts; None when no verb
    of undoing or change stands at ``at``."""
    undoes = _UNDOES.match(a.text, at, end)
    change = None if undoes else (_RAISES.match(a.text, at, end) or
                                  _LOWERS.match(a.text, at, end))
    start = undoes.end() if undoes else change.end() if change else None
    if start is None:
        return None
    stop, after = end, None
    for cut in re.finditer(r"\s(?:and|,)\s", a.text[start:end]):
        nxt = _NEXT_VERB.match(a.text, start + cut.start())
        if nxt and (_UNDOES.match(a.text, nxt.end(), end) or _RAISES.match(a.text, nxt.end(), end)
                    or _LOWERS.match(a.text, nxt.end(), end)):
            stop, after = start + cut.start(), nxt.end()
            break
    objects = objects_after(a, start, stop)
    if undoes:
        found = [(y.entity, _direction(undoes.group("prep"), y)) for y in objects]
        return found + adjective_outcomes(undoes.group("adj").strip()), after
    sign = "decreased" if change.re is _RAISES else "increased"
    return [(y.entity, sign) for y in objects if y.category in _OUTCOMES], after


def lost_mirna_effects(a: Analysed, found: list[Statement]) -> list[Statement]:
    """``found`` with the readings of a miRNA's loss put right (module docs): the effect
    rule's statements of the miRNA on what the loss's clause names after the loss phrase
    are replaced; its statements elsewhere in the sentence stay."""
    if not _NEEDS_LOSS.may_match(a.text):
        return found
    losses = _losses(a)
    if not losses:
        return found
    # per loss: the miRNA, its clause, its readings and where its verb starts
    read: list[tuple[Mention, Clause, list[tuple[Entity, str | None]], int]] = []
    replaced: set[tuple[str, str]] = set()
    for x, at in losses:
        clause = next((c for c in clauses(a.text) if c.start <= x.start < c.end), None)
        if clause is None:
            continue
        readings, cue = _readings(a, at, clause.end)
        read.append((x, clause, readings, cue))
        replaced |= {(x.entity.id, y.id) for y, _ in readings}
        replaced |= {(x.entity.id, m.entity.id) for m in a.within(at, clause.end, _OUTCOMES)}
    out = [s for s in found if not (
        s.predicate == "biolink:affects" and s.evidence[0].rule.startswith("effect.")
        and isinstance(s.object, Entity) and (s.subject.id, s.object.id) in replaced)]
    have = {(s.subject.id, getattr(s.object, "id", None)) for s in out}
    for x, clause, readings, cue in read:
        for y, direction in readings:
            if direction is None or (x.entity.id, y.id) in have or x.entity.id == y.id:
                continue
            have.add((x.entity.id, y.id))
            out.append(statement(a, "effect.lost-mirna", x.entity, "biolink:affects", y,
                                 direction=direction,
                                 hedged=hedged(a.text, clause.start, cue),
                                 negated=negated(a.text, clause.start, cue),
                                 context=context_for(a, clause)))
    return out
