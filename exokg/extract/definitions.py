"""Methods sentences that define how something was classified or identified: they state the
study's rules, not its findings (issue 9, kind 8).

"EV levels above the 75th percentile were classified as 'high'", "defining increases above
the median as 'high increase'", "patients were dichotomised at the median", "CD41 was used to
identify platelet EVs", a gating list "(Annexin V+, CD45-, CD41+, CD31+)" name categories and
markers the study chose; read as claims they become effects ("EVs raise 'above the 75th
percentile'") or markers of vesicles that nobody found. :func:`is_definition` tells such a
sentence; :func:`exokg.extract.extract_sentence` keeps no effect or marker claim of it.
"""

from __future__ import annotations

import re

from exokg.text.prefilter import Needs

__all__ = ["DEFINITION_PREDICATES", "is_definition"]

#: The claims a definition sentence does not make.
DEFINITION_PREDICATES = frozenset({"biolink:affects", "RO:0002607"})

# "classified as 'high'", "defining increases above X as “high increase”": a named category
_CATEGORY = re.compile(r"\b(?:classified|categori[sz]ed|defined|defining|designated|labell?ed|"
                       r"coded|scored)\b[^.;]{0,80}?\s(?:as|into)\s+[\"\u201c\u2018']", re.I)
# "dichotomised at the 75th percentile", "split by the median", "divided into tertiles"
_CUT_POINT = re.compile(r"\b(?:dichotomi[sz]ed|categori[sz]ed|stratified|split|divided|grouped)"
                        r"\s+(?:at|by|into|according\s+to)\s+(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+"
                        r"percentile|median|mean|tertiles?|quartiles?|quintiles?|cut-?off)", re.I)
# "CD41 was used to identify platelet EVs" (not "used to detect / quantify X": an assay, whose
# sentence may go on to a result)
_USED_TO = re.compile(r"\b(?:was|were|is|are)\s+(?:\w+ly\s+)?used\s+(?:as\s+(?:a\s+)?markers?\s+)?"
                      r"to\s+(?:identify|define|gate|distinguish|discriminate|label|select)\b",
                      re.I)
_NEEDS = Needs(_CATEGORY, _CUT_POINT, _USED_TO)
# a gating notation: "CD45-", "CD41+", "Annexin V+" (three or more make a gating list)
_GATE = re.compile(r"(?:\b[A-Z][A-Za-z]*\d+[A-Za-z]?|\bAnnexin\s+V)\s?[+\u2013\u2212-]"
                   r"(?=[\s,;)/])")


def is_definition(text: str) -> bool:
    """True when sentence ``text`` defines a category, a cut point, the marker used to
    identify something, or a gating list (module docs).

    >>> is_definition('EV levels above the 75th percentile were classified as "high".')
    True
    >>> is_definition("CD41 was used to identify platelet-derived EVs.")
    True
    >>> is_definition("Exosomes reduced infarct volume by 30%.")
    False
    """
    if _NEEDS.may_match(text) and (_CATEGORY.search(text) or _CUT_POINT.search(text)
                                   or _USED_TO.search(text)):
        return True
    return ("+" in text or "\u2013" in text or "-" in text) and \
        sum(1 for _ in _GATE.finditer(text)) >= 3
