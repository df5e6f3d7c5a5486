"""Negation and hedging cues, with a simple scope: a cue governs the claims whose trigger
comes after it in the same clause, up to a relative clause or a conjunct that reports an
established finding ("that has been shown to ...", "and have previously been shown to").

Hedging cues are the speculation cues of biomedical writing (BioScope style): may, might,
can (a capacity stated, not a result shown; not after "demonstrate / show / found that", and
not in background, which cites what was shown),
could (not "could not"), suggest(s/ed), possibly, presumably, probably, likely, appear(s)
to, tendency, trend, remains to be established/determined, hypothesi(s|ze), potential(ly) as
a claim qualifier or a capacity ("have shown great potential for promoting"), whether; and
the words of promise and prospects: holds (great) promise, promising, prospect(s), perhaps,
a potential target / candidate / therapy / strategy / marker (also "a potential diagnostic
and prognostic biomarker"), "encouraging data / evidence for", "an encouraging strategy"
(not "encouraging results were obtained"),
"implications for", is
thought / believed / expected to, would be; "indicate(s) that / the", "emerging
candidates", "evidence that X can".
Negation cues: not, no, neither/nor, without, failed to, did not, absence of,
lack of, no significant / no difference, nonsignificant / insignificant ("a nonsignificant
decrease in Y").
"""

from __future__ import annotations

import re

from exokg.text.prefilter import Needs

_HEDGE = re.compile(
    # "could" states a possibility or a capacity, also after "we found that" ("X could
    # attenuate Y"): hedged as the field's annotators read it; "could not" is a negation
    r"\b(?:may|might|could(?!\s+not\b)|possibly|possible|presumably|probably|"
    r"likely|unlikely|suggest(?:s|ed|ing)?|indicat(?:e|es|ed)\s+(?:that|the|an?)\b|appears?\s+to|"
    # "emerging candidates for": a prospect; "evidence that X can": a capacity reported, not
    # shown here
    r"emerging\s+candidates?|(?:evidence|data)\s+that\s+(?:[\w-]+\s+){1,6}?can\b|"
    # "have great characteristics as therapeutic candidates for D", "X are drug candidates
    # for D": a prospect said of X (round 14b); not the candidates as a set the study drew
    # from ("Among the drug candidates tested, X reduced Y": a finding)
    r"(?:\bas|\b(?:is|are|was|were|be|being|become|became)|\brepresents?)\s+(?:an?\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:therapeutic|treatment|drug)\s+candidates?|"
    r"seems?\s+to|tendency|trend(?:ed|s)?\s+(?:towards?|to)|remains?\s+to\s+be|"
    r"hypothes[ie][sz]e?d?|putative(?:ly)?|speculate[ds]?|whether|potentially|"
    # promise and prospects: "holds great promise to improve", "a promising strategy to"
    # "have shown promising results in promoting X": results shown, not a prospect
    r"holds?\s+(?:\w+\s+)?promise|promising(?!\s+(?:results?|outcomes?|findings|data|"
    r"preclinical\s+results?))|prospects?|perhaps|conceivabl[ey]|"
    # "we discuss encouraging data for X-based strategies", "an encouraging therapeutic
    # strategy": a prospect; "encouraging results were obtained in rats" were shown
    r"encouraging\s+(?:(?:data|evidence)\s+(?:for|supporting)|(?:[\w-]+\s+)?(?:strateg\w+|"
    r"approach\w*|avenues?|candidates?|options?|therap\w+))|"
    # "a potential (early) diagnostic and prognostic biomarker": three or four modifiers before
    # the head (not a phrase: "the potential of X as a treatment" names no prospect)
    r"potential\s+(?:(?:[\w/-]+\s+){0,2}|(?:(?!(?:of|as|an?|the|for|in|to)\b)[\w/-]+\s+){3,4})"
    r"(?:targets?|candidates?|therap\w*|treatments?|strateg\w+|"
    r"(?:bio)?markers?|agents?|tools?|approach\w*|roles?|means|options?)|"
    # "These results have (significant) implications for the use of X as ...": a prospect
    r"implications?\s+for|"
    # "have shown (great) potential for / to promoting": a capacity, not an effect shown
    r"(?:shown|show|shows|showed|have|has|hold|holds|demonstrated)\s+(?:\w+\s+)?"
    r"potential\s+(?:for|to|in)|"
    r"(?:is|are)\s+(?:thought|believed|expected|proposed)\s+to|would\s+(?:be|provide|offer))\b",
    re.I)
_MAY_HEDGE = Needs(_HEDGE)  # its keyword guard
# "EVs can cross the BBB", "therefore, they can stimulate neurogenesis": a capacity stated,
# not a result shown; a reported demonstration asserts it ("our findings demonstrate that X
# can enhance recovery")
_CAN = re.compile(r"\bcan\b(?!not)", re.I)
_DEMONSTRATED = re.compile(r"\b(?:demonstrat|show|reveal|confirm|prov)\w*\s+that\b|"
                           r"\b(?:found|observed)\s+that\b", re.I)
_NEGATION = re.compile(
    r"\b(?:not|no|neither|nor|without|failed\s+to|fails\s+to|absence\s+of|lack\s+of|"
    r"did\s+not|does\s+not|do\s+not|was\s+not|were\s+not|cannot|unable\s+to|"
    # "resulted in a nonsignificant decrease in Y": no change shown
    r"non-?significant(?:ly)?|insignificant(?:ly)?|not\s+significant(?:ly)?)\b", re.I)
# "X holds great potential for D and has (previously) been shown to Y": the conjunct reports
# an established finding, outside the hedge of the first
_SCOPE_BREAK = re.compile(r"\b(?:that|which|and)\s+(?:has|have|had)\s+"
                          r"(?:(?:\w+ly|also|already)\s+)?been\s+(?:shown|reported|"
                          r"demonstrated|found|proven)\b|"
                          r"\band\s+(?:was|were)\s+(?:(?:\w+ly|also)\s+)?(?:shown|reported|"
                          r"demonstrated|found)\s+to\b|"
                          r";|(?<!the )\bwhile\b|\bwhereas\b|\bbut\b", re.I)
# "no" inside an object phrase is not a negation of the claim ("no vascular obstructive effect")
# "X, but not Y, reduced Z": the denial is Y's (exokg.extract.effects reads it), not the verb's
_NOT_NEGATION = re.compile(r"\bno\s+(?:longer|doubt)\b|\bnot\s+only\b|\bbut\s+not\b", re.I)

# "NO" in capitals past the opening of a sentence is nitric oxide ("ZO-1 and the NO produced by
# BMECs were reduced"), not a negation
_NITRIC_OXIDE = re.compile(r"(?<=[\s(,;/])(?<![.!?]\s)NO\b")


def _in_scope(cue_pattern: re.Pattern[str], text: str, start: int, trigger_at: int) -> bool:
    window = text[start:trigger_at]
    cues = list(cue_pattern.finditer(window))
    if not cues:
        return False
    last = cues[-1]
    after = window[last.end():]
    return not _SCOPE_BREAK.search(after)


def hedged(text: str, clause_start: int, trigger_at: int) -> bool:
    """True when a hedging cue governs a trigger at ``trigger_at`` (sentence offsets).

    >>> hedged("This might suggest that exosomes improve recovery", 0, 33)
    True
    >>> hedged("Exosomes improved recovery, which might suggest a role", 0, 9)
    False
    """
    return (_MAY_HEDGE.may_match(text) and _in_scope(_HEDGE, text, clause_start, trigger_at)) or (
        _in_scope(_CAN, text, clause_start, trigger_at)
        and not _DEMONSTRATED.search(text, clause_start, trigger_at))


def capacity_only(text: str) -> bool:
    """True when "can" is the only hedging cue of a sentence: background that reports what
    a treatment can do cites an established finding ("X can enhance recovery in rodent
    models"), so the cue does not hedge it there (see :func:`exokg.extract._situate`)."""
    return bool(_CAN.search(text)) and not _HEDGE.search(text)


def cited_capacity(text: str) -> bool:
    """True when "can" or "could" are the only hedging cues of a sentence. In a sentence that
    cites its source ("X could improve Y and Z163."), they report what the cited work showed
    X able to do, so they do not hedge it there (see :func:`exokg.extract._situate`).

    >>> cited_capacity("MSC exosomes could improve functional recovery")
    True
    >>> cited_capacity("MSC exosomes could possibly improve functional recovery")
    False
    >>> cited_capacity("MSC exosomes improved functional recovery")
    False
    """
    cues = [m.group(0).lower() for m in _HEDGE.finditer(text)] if _MAY_HEDGE.may_match(text) \
        else []
    if cues:
        return all(c == "could" for c in cues)
    return bool(_CAN.search(text))


def negated(text: str, clause_start: int, trigger_at: int, window: int = 40) -> bool:
    """True when a negation cue shortly before the trigger governs it.

    >>> negated("Exosomes did not improve recovery", 0, 17)
    True
    >>> negated("Exosomes improved recovery", 0, 9)
    False
    """
    start = max(clause_start, trigger_at - window)
    span = _NITRIC_OXIDE.sub("  ", text[:trigger_at])[start:]
    span = _NOT_NEGATION.sub(" ", span)
    return _in_scope(_NEGATION, span, 0, len(span))
