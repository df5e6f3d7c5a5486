"""Loss-of-function experiments: what an agent's effect needs, not what the agent changes.

"The neuroprotection of X was attenuated when mitophagy was inhibited, and PINK1 was
knocked down", "X failed to provide neuroprotection when Y was knocked down", "this effect
was abolished by a Y inhibitor", "silencing of Y reversed the benefit of X", "the benefit of
X was lost in Y-knockout mice".

Such a sentence says that Y takes part in (mediates) X's effect. The graph model has no
place for a mediating gene or process (docs/graph-model.md: only miRNAs named as the means of
an effect take part in it, :mod:`exokg.extract.mediators`), so Y gives no claim. The effect
rule read these sentences as X lowering Y ("attenuated", "abolished" are lowering verbs) or
as X failing to help ("failed to"), neither of which the text says. In a sentence that names
both a loss of Y (Y inhibited, knocked down, silenced, deleted; a Y inhibitor, siRNA,
knockdown, knockout; Y-deficient animals) and the loss of an effect (attenuated, abolished,
reversed, blocked, failed to, no longer), the generic effect rule's statements are dropped
when

* their object is the Y whose loss the sentence names, or
* they are negated (the failure is the experiment's, not the agent's).

An effect of X stated in another clause ("X reduced apoptosis, and this effect was abolished
by a Y inhibitor") keeps its reading.
"""

from __future__ import annotations

import re

from exokg.extract.base import Analysed
from exokg.model import Entity, Statement
from exokg.text.prefilter import Needs

__all__ = ["without_lost_functions"]

_LOST = (r"inhibited|knock(?:ed)?[\s-]*down|knocked[\s-]*out|silenced|blocked|depleted|"
         r"deleted|ablated|antagoni[sz]ed|suppressed")
_WAS_LOST = r"\s+(?:was|were|had\s+been|has\s+been|is|are)\s+(?:\w+ly\s+)?(?:" + _LOST + r")\b"
# "when Y was inhibited (, and Z was knockdown)", "after Y had been silenced"
_PASSIVE_LOSS = re.compile(r"\b(?:when|after|once|if|upon)\s+(?P<y>[^,;]{1,80}?)" + _WAS_LOST
                           + r"(?:,?\s+and\s+(?P<y2>[^,;]{1,60}?)" + _WAS_LOST + ")?", re.I)
# "silencing of Y", "knockdown of Y", "inhibition of Y", "blocking Y"
_NOMINAL_LOSS = re.compile(r"\b(?:silencing|knock-?down|knocking\s+down|inhibition|blockade|"
                           r"depletion|deletion|ablation|inhibiting|blocking)\s+(?:of\s+)?"
                           r"(?P<y>[^,;]{1,50}?)(?=\s+(?:reversed|abolished|abrogated|"
                           r"attenuated|blocked|eliminated|diminished|weakened|counteracted|"
                           r"prevented|negated|impaired|compromised|partly|partially|"
                           r"largely|significantly|markedly|completely)\b)", re.I)
# "a Y inhibitor", "Y siRNA", "Y knockdown", "Y-knockout mice", "Y-deficient cells"
_AGENT_LOSS = re.compile(r"(?P<y>[^\s,;()]+(?:\s[^\s,;()]+)?)\s*(?:-\s*|\s)(?:inhibitors?|"
                         r"antagonists?|siRNAs?|shRNAs?|knock-?down|knock-?out|silencing|"
                         r"deficien(?:cy|t)|blockade|blockers?|null)\b", re.I)
_LOSS_OF_EFFECT = re.compile(r"\b(?:attenuat|abolish|abrogat|revers|block|eliminat|diminish|"
                             r"weaken|counteract|negat|cancel+|impair|compromis|lost|los[ei]"
                             r")\w*|\bfail(?:ed|s)?\s+to\b|\bno\s+longer\b", re.I)
_NEEDS = Needs(_LOSS_OF_EFFECT)
_FAILED = re.compile(r"\b(?:no\s+longer|fail(?:ed|s)?\s+to|could\s+not|did\s+not|"
                     r"(?:was|were)\s+unable\s+to)\b", re.I)


def _lost_spans(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]], bool]:
    """Where the sentence names what was lost (the Y of the module docs), where it names the
    loss as a whole, and whether it names the loss as the condition of the experiment (a
    "when" clause, a nominal loss that reverses the effect, knocked-down or knockout animals
    or cells) rather than an inhibitor given."""
    spans: list[tuple[int, int]] = []
    cues: list[tuple[int, int]] = []
    conditional = False
    for m in _PASSIVE_LOSS.finditer(text):
        conditional = True
        spans += [(m.start(g), m.end(g)) for g in ("y", "y2") if m.group(g)]
        cues.append((m.start(), m.end()))
    for m in _NOMINAL_LOSS.finditer(text):
        conditional = True
        spans.append((m.start("y"), m.end("y")))
        cues.append((m.start(), m.end()))
    for m in _AGENT_LOSS.finditer(text):
        if not re.search(r"inhibitor|antagonist|blocker", m.group(), re.I):
            conditional = True
        spans.append((m.start("y"), m.end("y")))
        cues.append((m.start(), m.end()))
    return spans, cues, conditional


def without_lost_functions(a: Analysed, found: list[Statement]) -> list[Statement]:
    """``found`` without the generic effect readings of a loss-of-function experiment
    (module docs); unchanged when the sentence describes none."""
    if not found or not _NEEDS.may_match(a.text) or not _LOSS_OF_EFFECT.search(a.text):
        return found
    spans, cues, conditional = _lost_spans(a.text)
    # the effect's loss is said outside the words that name the loss of Y ("When the artery
    # was blocked, ..." names a loss and no lost effect)
    if not spans or not any(not any(s <= m.start() < e for s, e in cues)
                            for m in _LOSS_OF_EFFECT.finditer(a.text)):
        return found
    inside = [m for m in a.mentions if any(s <= m.start and m.end <= e for s, e in spans)]
    # a Y the sentence also names elsewhere keeps its readings there ("X reduced NLRP3, and
    # the NLRP3 inhibitor MCC950 abolished pyroptosis")
    lost = {m.entity.id for m in inside} - {
        m.entity.id for m in a.mentions if m not in inside}
    # "X no longer reduced / failed to reduce Y when Z was knocked down": Y is what the
    # experiment lost, not something X changed or failed to change
    failed = _FAILED.search(a.text) if conditional else None
    if failed:
        first = min(s for s, _ in spans)
        lost |= {m.entity.id for m in a.mentions if failed.end() <= m.start < first}
    return [s for s in found if not (
        s.predicate == "biolink:affects" and s.evidence[0].rule.startswith("effect.")
        and ((s.negated and conditional)
             or (isinstance(s.object, Entity) and s.object.id in lost)))]
