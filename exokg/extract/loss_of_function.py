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

"A Y inhibitor", "Y siRNA", "Y knockdown" are the intervention mentions of
:func:`exokg.recognise.inhibitors.find_interventions`, read here by their target and kind (an
siRNA or an act on Y takes Y away in the experiment; an inhibitor or antibody is given), so
the recogniser and this rule cannot disagree on them. What the recogniser names no
intervention, an animal's or a cell's genotype ("Y-knockout mice", "Y-deficient cells",
"Y knockdown neurons"), this rule reads with its own pattern.
"""

from __future__ import annotations

import re

from exokg.extract.base import Analysed
from exokg.model import Entity, Statement
from exokg.recognise.inhibitors import ACT_NOUNS, intervention_target
from exokg.text.prefilter import Needs

__all__ = ["without_lost_functions"]

_LOST = (r"inhibited|knock(?:ed)?[\s-]*down|knocked[\s-]*out|silenced|blocked|depleted|"
         r"deleted|ablated|antagoni[sz]ed|suppressed")
_WAS_LOST = r"\s+(?:was|were|had\s+been|has\s+been|is|are)\s+(?:\w+ly\s+)?(?:" + _LOST + r")\b"
# "when Y was inhibited (, and Z was knockdown)", "after Y had been silenced"
_PASSIVE_LOSS = re.compile(r"\b(?:when|after|once|if|upon)\s+(?P<y>[^,;]{1,80}?)" + _WAS_LOST
                           + r"(?:,?\s+and\s+(?P<y2>[^,;]{1,60}?)" + _WAS_LOST + ")?", re.I)
# "silencing of Y", "knockdown of Y", "inhibition of Y", "blocking Y" (the recogniser's act
# nouns, exokg.recognise.inhibitors, and verbs of an act)
_NOMINAL_LOSS = re.compile(r"\b(?:" + ACT_NOUNS + r"|knocking\s+down|deletion|ablation|"
                           r"inhibiting|blocking)\s+(?:of\s+)?"
                           r"(?P<y>[^,;]{1,50}?)(?=\s+(?:reversed|abolished|abrogated|"
                           r"attenuated|blocked|eliminated|diminished|weakened|counteracted|"
                           r"prevented|negated|impaired|compromised|partly|partially|"
                           r"largely|significantly|markedly|completely)\b)", re.I)
# an intervention that takes its target away in the experiment ("Y siRNA", "Y knockdown"),
# unlike an inhibitor, antagonist, blocker or antibody given: by the head noun of its kind
_TAKES_AWAY = frozenset({"siRNA", "shRNA", "knockdown", "silencing", "blockade", "inhibition",
                         "depletion", "neutralization", "antagonism"})
# a loss no intervention mention names: "Y-knockout mice", "Y-deficient cells", "Y-null",
# "Y knockdown neurons" (an act noun the recogniser leaves where it is no agent)
_GENOTYPE_LOSS = re.compile(r"(?P<y>[^\s,;()]+(?:\s[^\s,;()]+)?)\s*(?:-\s*|\s)(?:knock-?down|"
                            r"knock-?out|silencing|deficien(?:cy|t)|blockade|null)\b", re.I)
_LOSS_OF_EFFECT = re.compile(r"\b(?:attenuat|abolish|abrogat|revers|block|eliminat|diminish|"
                             r"weaken|counteract|negat|cancel+|impair|compromis|lost|los[ei]"
                             r")\w*|\bfail(?:ed|s)?\s+to\b|\bno\s+longer\b", re.I)
_NEEDS = Needs(_LOSS_OF_EFFECT)
_FAILED = re.compile(r"\b(?:no\s+longer|fail(?:ed|s)?\s+to|could\s+not|did\s+not|"
                     r"(?:was|were)\s+unable\s+to)\b", re.I)


def _lost_spans(a: Analysed) -> tuple[list[tuple[int, int]], list[tuple[int, int]],
                                      dict[str, int], bool]:
    """Where the sentence names what was lost (the Y of the module docs) in words, where it
    names the loss as a whole, the targets of its intervention mentions (id -> where the
    mention begins), and whether it names the loss as the condition of the experiment (a
    "when" clause, a nominal loss that reverses the effect, knocked-down or knockout animals
    or cells, an siRNA) rather than an inhibitor given."""
    text = a.text
    spans: list[tuple[int, int]] = []
    cues: list[tuple[int, int]] = []
    targets: dict[str, int] = {}
    conditional = False
    named: list[tuple[int, int]] = []  # the intervention mentions' own spans
    for m in a.mentions:
        if m.source != "inhibitor":
            continue
        named.append((m.start, m.end))
        cues.append((m.start, m.end))
        target = intervention_target(m)
        if target is not None:
            targets.setdefault(target[0], m.start)
            conditional |= target[1] in _TAKES_AWAY
    for m in _PASSIVE_LOSS.finditer(text):
        conditional = True
        spans += [(m.start(g), m.end(g)) for g in ("y", "y2") if m.group(g)]
        cues.append((m.start(), m.end()))
    for m in _NOMINAL_LOSS.finditer(text):
        conditional = True
        spans.append((m.start("y"), m.end("y")))
        cues.append((m.start(), m.end()))
    for m in _GENOTYPE_LOSS.finditer(text):
        if any(s < m.end() and m.start("y") < e for s, e in named):
            continue  # an intervention mention: read above
        conditional = True
        spans.append((m.start("y"), m.end("y")))
        cues.append((m.start(), m.end()))
    return spans, cues, targets, conditional


def without_lost_functions(a: Analysed, found: list[Statement]) -> list[Statement]:
    """``found`` without the generic effect readings of a loss-of-function experiment
    (module docs); unchanged when the sentence describes none."""
    if not found or not _NEEDS.may_match(a.text) or not _LOSS_OF_EFFECT.search(a.text):
        return found
    spans, cues, targets, conditional = _lost_spans(a)
    # the effect's loss is said outside the words that name the loss of Y ("When the artery
    # was blocked, ..." names a loss and no lost effect)
    if not cues or not any(not any(s <= m.start() < e for s, e in cues)
                           for m in _LOSS_OF_EFFECT.finditer(a.text)):
        return found
    inside = [m for m in a.mentions if any(s <= m.start and m.end <= e for s, e in spans)]
    # a Y the sentence also names elsewhere keeps its readings there ("X reduced NLRP3, and
    # the NLRP3 inhibitor MCC950 abolished pyroptosis")
    lost = ({m.entity.id for m in inside} | set(targets)) - {
        m.entity.id for m in a.mentions if m not in inside}
    # "X no longer reduced / failed to reduce Y when Z was knocked down": Y is what the
    # experiment lost, not something X changed or failed to change
    failed = _FAILED.search(a.text) if conditional else None
    if failed:
        first = min([s for s, _ in spans] + list(targets.values()))
        lost |= {m.entity.id for m in a.mentions if failed.end() <= m.start < first}
    return [s for s in found if not (
        s.predicate == "biolink:affects" and s.evidence[0].rule.startswith("effect.")
        and ((s.negated and conditional)
             or (isinstance(s.object, Entity) and s.object.id in lost)))]
