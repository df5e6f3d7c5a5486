"""What a clause sets aside: "X, but not Y, reduced Z", "X rather than Y reduced Z" (Y is the
foil: the claim is X's, its denial Y's; ``exokg.extract.effects`` reads both), and the
elliptical denial after a contrast, "X reduced Z, whereas Y did not" (:func:`elliptic_denials`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from exokg.extract.base import AGENTS, Analysed, evidence
from exokg.model import Entity, Mention, Statement
from exokg.text.prefilter import Needs

#: the words that set a mention aside from the claim of its clause ("but not (with) Y",
#: "rather than (by) Y"), as a regular-expression alternative
SET_ASIDE = r"but\s+not(?:\s+(?:with|by|of|in))?|rather\s+than(?:\s+(?:with|by))?"

# ", whereas Y did not", ", but Y had no such effect": the contrasted clause names only its
# subject and a denial, it repeats the claim of the clause before
_ELLIPTIC = re.compile(r",\s*(?:whereas|while|but)\s+(?P<subject>[^,;]{2,80}?)\s+"
                       r"(?:did|does|do|could|was|were|had|has)\s+not(?:\s+(?:do\s+so|have\s+"
                       r"(?:this|such|any|the\s+same)\s+effects?))?"
                       r"|,\s*(?:whereas|while|but)\s+(?P<subject2>[^,;]{2,80}?)\s+"
                       r"(?:had|has|showed|exerted)\s+no\s+(?:such|similar|comparable|"
                       r"significant)?\s*effects?", re.I)
_ELLIPTIC_END = re.compile(r"\s*(?:\([^()]*\)\s*)?[.;]?\s*$")
_NEEDS_ELLIPTIC = Needs(_ELLIPTIC)


def elliptic_denials(a: Analysed, found: list[Statement]) -> list[Statement]:
    """The denials an elliptical contrast makes of its subject: "X reduced Z, whereas Y did
    not" denies Y the effects ``found`` (the effect statements of sentence ``a``) give the
    subject of the clause before. The contrasted clause must end the sentence and name one
    agent; the denial carries no direction (as every denial)."""
    if not found or not _NEEDS_ELLIPTIC.may_match(a.text):
        return []
    out: list[Statement] = []
    for m in _ELLIPTIC.finditer(a.text):
        if not _ELLIPTIC_END.fullmatch(a.text, m.end()):
            continue
        group = "subject" if m.group("subject") is not None else "subject2"
        start, end = m.span(group)
        denied = a.within(start, end, AGENTS)
        if len(denied) != 1:
            continue
        y: Mention = denied[0]
        for s in found:
            if s.predicate != "biolink:affects" or s.negated or s.subject.id == y.entity.id \
                    or not isinstance(s.object, Entity) or not s.evidence:
                continue
            out.append(replace(s, subject=y.entity, negated=True, direction=None,
                               evidence=(evidence(a, s.evidence[0].rule + ".elliptic"),)))
    return out
