"""Mechanism phrases that name the molecules an effect goes through: "X induced Y via
microRNA (miR-A and miR-B)-mediated actions", "X reduced Y through miR-A-mediated
signalling", "X protected neurons, an effect mediated by miR-A", "X promote Y via miR-A".

The named miRNAs are the means of the effect, never its objects: the effect rule reads the
miRNAs after "via" as things X raises, which the sentence does not say. Here each miRNA of
the phrase takes part in the sentence's effects instead: for every effect of the sentence's
agent on an outcome, the miRNA ``biolink:affects`` the same outcome in the same direction
(with the same hedge, negation and context; rule ``effect.mediated-by``), and the agent's
statements with one of those miRNAs as the object are dropped.
"""

from __future__ import annotations

import re
from dataclasses import replace

from exokg.extract.base import MIRNAS, Analysed
from exokg.model import Entity, Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["through_mediators"]

# "via microRNAs (especially, miR-A and miR-B)-mediated actions", "through miR-A-mediated
# signalling", "an effect (that was) mediated by miR-A and miR-B"
_MEDIATED = re.compile(
    r"\b(?:via|through|by)\s+(?:the\s+)?(?P<pre>[^;]{1,120}?)\s*-?\s*mediated\s+(?:actions?|"
    r"effects?|mechanisms?|pathways?|signal+ing|processes|regulation|functions?)\b|"
    r"\b(?:effects?|actions?|which|that)\s+(?:(?:was|were|is|are)\s+)?(?:\w+ly\s+)?mediated\s+"
    r"by\s+(?P<post>[^;]{1,120})"
    # "X promote Y via miR-A (possibly by ...)": the miRNA named alone right after "via" /
    # "through" (an axis or a pathway, "via the miR-A/B axis", is no miRNA alone)
    r"|\b(?:via|through)\s+(?:(?:exosomal|vesicular|the)\s+)?(?P<bare>miR-?[\w-]+)(?![\w/-])",
    re.I)
_NEEDS = Needs(_MEDIATED)
_EFFECT_RULE = re.compile(r"^effect\.")


def _mediators(a: Analysed) -> list[Mention]:
    """The miRNAs named in the sentence's mediating phrases, in text order."""
    out: list[Mention] = []
    for m in _MEDIATED.finditer(a.text):
        group = next(g for g in ("pre", "post", "bare") if m.group(g) is not None)
        out += [x for x in a.within(m.start(group), m.end(group), MIRNAS)
                if all(x.entity.id != y.entity.id for y in out)]
    return out


def through_mediators(a: Analysed, found: list[Statement]) -> list[Statement]:
    """``found`` (the sentence's statements) with the mediating miRNAs made the means of the
    sentence's effects (module docs); unchanged when the sentence names none."""
    if not _NEEDS.may_match(a.text):
        return found
    mirnas = _mediators(a)
    if not mirnas:
        return found
    ids = {m.entity.id for m in mirnas}
    kept = [s for s in found if not (
        _EFFECT_RULE.match(s.evidence[0].rule) and isinstance(s.object, Entity)
        and s.object.id in ids and s.subject.id not in ids)]
    made = {s.key() for s in kept}
    added: list[Statement] = []
    for s in kept:
        if s.predicate != "biolink:affects" or not _EFFECT_RULE.match(s.evidence[0].rule) \
                or s.subject.id in ids or not isinstance(s.object, Entity) \
                or s.object.category in MIRNAS:
            continue
        for mirna in mirnas:
            new = replace(s, subject=mirna.entity, evidence=tuple(
                replace(e, rule="effect.mediated-by") for e in s.evidence))
            if new.key() not in made:
                made.add(new.key())
                added.append(new)
    return kept + added
