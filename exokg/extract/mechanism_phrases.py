"""Mechanism phrases: how an effect comes about, read as the mechanism it names.

"X promotes angiogenesis by regulating the PTEN/Akt pathway", "X suppresses cell death via
PINK1/Parkin-mediated mitophagy", "X provides neuroprotection through the lncRNA TUBB6/Nrf2
pathway", "X reduced apoptosis via activation of the AMPK/mTOR axis", "X ameliorated
oxidative stress by activating Nrf2/HO-1 signalling".

The effect rule gives the main verb's sign to everything up to the next stop, so a
mechanism written without a verb of its own ("via X-mediated Y") was read as lowered by
"suppresses", a pathway named by its genes became one regulation per gene, and a pathway
after "through the" was lost. Here, for the agent of the sentence's effects (one agent):

* the main verb's sign stays with the main object; what the phrase names is the mechanism,
  ``biolink:affects`` with the sign the phrase itself gives ("by activating", "via
  inhibition of": increased / decreased) and none otherwise ("via", "through", "by
  regulating", "by modulating");
* a pathway named by its molecules ("the PTEN/Akt pathway", "Nrf2/HO-1 signaling", "the
  AMPK/mTOR axis") is one minted pathway (:func:`~exokg.recognise.specific_names.named_pathway`),
  not its members one by one;
* in "A-mediated Y" / "A pathway-dependent Y" the mechanism is Y; A only qualifies it;
* other processes, outcomes and (for an agent that is no miRNA) genes the phrase names up
  to its first comma ("by inhibiting the activation of NLRP3 inflammasomes", "via suppressed
  expression and activity of HDAC3") are each a mechanism; a list after a comma ("by
  regulating A, B, and C") is left to the effect rule's plain "regulate".

The agent's statements on what the phrase names (read with the main verb's sign, or as
unsigned regulations of a pathway's members) are replaced (rule ``effect.mechanism``). A
miRNA named in the phrase is left to :mod:`exokg.extract.mediators`; a miRNA agent's genes
outside a pathway name ("by targeting PTEN", "by repressing GENE") to the miRNA-target rules.
"""

from __future__ import annotations

import re
from dataclasses import replace

from exokg.extract.base import MIRNAS, Analysed
from exokg.model import Entity, Statement
from exokg.recognise.specific_names import named_pathway
from exokg.text.prefilter import Needs

__all__ = ["as_mechanisms"]

_UP = r"activat|promot|enhanc|up-?regulat|induc|stimulat|increas|trigger|potentiat"
_DOWN = r"inhibit|suppress|block|down-?regulat|attenuat|reduc|decreas|repress|antagoni"
_UNSIGNED = r"regulat|modulat"
_STEM = "(?:" + _UP + "|" + _DOWN + "|" + _UNSIGNED + ")"
# "via", "through", "via activation of", "via suppressed expression of", "by regulating",
# "by (directly) inhibiting"; "and inhibiting" continues a "by ...ing" phrase
_CUE = re.compile(
    r"\b(?:(?:via|through)(?:\s+(?:the\s+)?(?P<noun>" + _STEM + r"\w*)(?:\s+of)?)?"
    r"|by\s+(?:\w+ly\s+)?(?P<verb>" + _STEM + r"\w*ing)"
    r"|and\s+(?:\w+ly\s+)?(?P<more>" + _STEM + r"\w*ing))\s+(?:the\s+|a\s+)?", re.I)
# every phrase opens with "via", "through" or "by" ("and inhibiting" only continues one)
_OPENER = re.compile(r"\b(?:via|through|by)\s", re.I)
_NEEDS = Needs(_OPENER)
# where the phrase ends: a clause or a setting begins
_END = re.compile(r"[,;:.]|\s(?:(?:after|following|during|via|through|by|thereby|which|whereas|"
                  r"while|possibly|suggesting|indicating|instead|rather)\b|"
                  r"in\s+(?:the|a|an|rats?|mice|vivo|vitro|both|TBI|ICH|SAH|MCAO)\b|"
                  r"and\s+(?:thereby|thus|then|to)\b|"
                  r"and\s+(?:\w+ly\s+)?(?:[a-z]+ed|[a-z]+es|[a-z]+ing)\s)", re.I)
_MOLECULE = r"[A-Za-z0-9\u0370-\u03ff]+(?:-[A-Za-z0-9\u0370-\u03ff]+)*"
# "the PTEN/Akt pathway", "Nrf2/HO-1 signaling", "the lncRNA TUBB6/Nrf2 pathway", "the AMPK
# signalling pathway", "the miR-X/GENE axis" (left to the miRNA-target rules)
_PATHWAY = re.compile(rf"(?<![\w/-])(?:lncRNA\s+)?{_MOLECULE}(?:\s?/\s?{_MOLECULE})*"
                      r"(?:\s+|-)(?:signal+ing\s+)?(?:pathways?|axis|signal+ing|cascades?)\b")
_MARKED = re.compile(r"[A-Z0-9\u0370-\u03ff]")
# "A-mediated Y", "A pathway-dependent Y": the mechanism is Y
_QUALIFIER = re.compile(r"\s*-\s*(?:mediated|dependent|driven|induced)\s+", re.I)
_QUESTION = re.compile(r"\bwhether\b", re.I)
_QUALIFIED = re.compile(r"-\s*(?:mediated|dependent|driven)\s+\w", re.I)
_GENES = frozenset({"Gene", "Protein"})
_MECHANISM_CLASSES = frozenset({"BiologicalProcess", "Phenotype", "Outcome", "Gene", "Protein"})
_REPLACED_RULES = re.compile(r"^(?:effect\.|regulation\.unsigned)")


def _sign(word: str | None) -> str | None:
    if not word:
        return None
    if re.match(_UP, word, re.I):
        return "increased"
    if re.match(_DOWN, word, re.I):
        return "decreased"
    return None


def _pathway_entity(a: Analysed, start: int, end: int) -> Entity:
    """The pathway written at ``a.text[start:end]``: a recognised process that spans it (the
    lexicon's, or one :mod:`exokg.recognise.specific_names` minted), else a minted one."""
    for m in a.mentions:
        if m.start <= start and end <= m.end and m.category == "BiologicalProcess" \
                and m.entity.id.startswith("exokg:pathway/"):
            return m.entity
    return named_pathway(a.text[start:end])


def _phrase_mechanisms(a: Analysed, start: int, end: int, mirna_agent: bool, bare: bool
                       ) -> tuple[list[tuple[Entity, int, int]], list[tuple[int, int]]]:
    """What the phrase ``a.text[start:end]`` names as mechanisms (entity, span) and the spans
    whose statements it replaces."""
    found: list[tuple[Entity, int, int]] = []
    covered: list[tuple[int, int]] = []
    skipped: list[tuple[int, int]] = []
    text = a.text
    for p in _PATHWAY.finditer(text, start, end):
        names = re.sub(r"(?:\s+|-)(?:signal+ing\s+)?(?:pathways?|axis|signal+ing|cascades?)$",
                       "", p.group())
        names = re.sub(r"^lncRNA\s+", "", names)
        if not all(_MARKED.search(n) for n in re.split(r"\s?/\s?", names)):
            continue  # "the inflammatory pathway": no named pathway
        covered.append((p.start(), p.end()))
        if a.within(p.start(), p.end(), MIRNAS):
            skipped.append((p.start(), p.end()))
            continue  # "the miR-X/GENE axis": the miRNA-target rules read it
        if _QUALIFIER.match(text, p.end()):
            continue  # "PINK1/Parkin pathway-mediated mitophagy": the mitophagy, below
        found.append((_pathway_entity(a, p.start(), p.end()), p.start(), p.end()))
    for m in a.within(start, end, _MECHANISM_CLASSES):
        if any(s <= m.start and m.end <= e for s, e in covered):
            continue
        if _QUALIFIER.match(text, m.end) or re.match(r"/[^\s,;]+\s*-\s*(?:mediated|dependent)",
                                                     text[m.end:end]):
            covered.append((m.start, m.end))  # "NLRP3-mediated pyroptosis": a qualifier
            continue
        if mirna_agent and m.category in _GENES:
            continue  # "by targeting / repressing GENE": the miRNA-target rules
        found.append((m.entity, m.start, m.end))
    # a pathway the phrase names, or a mechanism qualified by what mediates it, is what a
    # bare "via" / "through" introduces ("through exosomes instead of ...", "via mechanisms
    # that ...", "through stumbling ..." are not read here)
    if bare and not any(e.id.startswith("exokg:pathway/") for e, _, _ in found) \
            and not _QUALIFIED.search(text, start, end):
        return [], []
    return found, [c for c in covered if c not in skipped]


def as_mechanisms(a: Analysed, found: list[Statement]) -> list[Statement]:
    """``found`` (the sentence's statements) with what its mechanism phrases name read as
    mechanisms of the agent's effects (module docs); unchanged when there is none."""
    if not found or not _NEEDS.may_match(a.text) or _QUESTION.search(a.text):
        return found  # "whether X improves Y by regulating Z remains unknown": a question
    effects = [s for s in found if s.predicate == "biolink:affects" and not s.negated
               and s.evidence[0].rule.startswith("effect.") and isinstance(s.object, Entity)]
    agents = {s.subject.id for s in effects}
    if len(agents) != 1:
        return found
    out = found
    last_end = -1
    for cue in _CUE.finditer(a.text):
        if cue.group("more") and (last_end < 0 or cue.start() not in (last_end, last_end + 1)):
            continue  # "and inhibiting" continues only a "by ...ing" phrase just read
        start = cue.end()
        stop = _END.search(a.text, start)
        end = stop.start() if stop else len(a.text)
        first = a.within(start, end)
        if not first or first[0].category in MIRNAS:
            continue  # "via miR-A": exokg.extract.mediators
        # the main effect: one on an object named before the phrase
        before = {m.entity.id for m in a.mentions if m.end <= cue.start()}
        template = next((s for s in effects if s.object.id in before), None)
        if template is None:
            continue  # nothing but the phrase: no main effect to explain
        agent = template.subject
        sign_word = cue.group("noun") or cue.group("verb") or cue.group("more")
        named, covered = _phrase_mechanisms(a, start, end, agent.category in MIRNAS,
                                            bare=sign_word is None)
        last_end = end
        if not named:
            continue
        spans = covered + [(s, e) for _, s, e in named]
        inside = {m.entity.id for m in a.mentions
                  if any(s <= m.start and m.end <= e for s, e in spans)}
        # an object also named outside the phrase keeps its reading there
        inside -= {m.entity.id for m in a.mentions
                   if m.end <= cue.start() or m.start >= end}
        out = [s for s in out if not (s.subject.id == agent.id and isinstance(s.object, Entity)
                                      and s.object.id in inside
                                      and _REPLACED_RULES.match(s.evidence[0].rule))]
        keys = {s.key() for s in out}
        sign = _sign(sign_word)
        for entity, _, _ in named:
            new = replace(template, object=entity, direction=sign, aspect=None,
                          evidence=tuple(replace(e, rule="effect.mechanism")
                                         for e in template.evidence))
            if new.key() not in keys:
                keys.add(new.key())
                out = out + [new]
    return out
