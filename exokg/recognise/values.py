"""Identifiers and quantities written in text: trial IDs, PMIDs, DOIs, PMCIDs, doses,
timings, group sizes, p-values, dates and trial phases.

Identifiers become grounded entities (``clinicaltrials:NCT03384433``, ``pubmed:29669873``);
quantities become value mentions whose entity category names the kind (``Dose``,
``Timing``, ``GroupSize``, ``PValue``, ``Date``, ``Phase``) and whose label is the text.
"""

from __future__ import annotations

import re

from exokg.model import Entity, Mention
from exokg.text.prefilter import Needs

_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
#: Number words and their values, 1-99 and "hundred"; compounds are written "sixty-five"
#: or "sixty five" and read by :func:`number_value`.
NUMBER_WORDS = {
    **{w: i for i, w in enumerate(_UNITS, start=1)},
    **{w: i for i, w in enumerate(_TEENS, start=10)},
    **{w: i for i, w in enumerate(_TENS, start=2) for i in (i * 10,)},
    "hundred": 100,
}
_NUMBER_WORD = (r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(_UNITS) + r"))?|"
                + "|".join(_TEENS + _UNITS) + r"|hundred)")
_NUM = r"(?:\d+(?:[.,]\d+)?|" + _NUMBER_WORD + r")"
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_MONTH_NUM = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_UNIT_TIME = r"(?:hours?|hrs?|h|days?|d|weeks?|wks?|months?|years?|minutes?|min)"
_EVENT = (r"(?:the\s+)?(?:stroke|ischemia|ischaemia|MCAO|injury|TBI|SCI|reperfusion|onset|"
          r"occlusion|surgery|treatment|therapy|randomi[sz]ation|transplantation|insult|"
          r"symptom onset|ictus)")

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("ClinicalTrial", re.compile(r"\bNCT\d{8}\b")),
    ("PMID", re.compile(r"\bPMID:?\s*(\d{1,9})\b")),
    ("PMCID", re.compile(r"\bPMC\d{4,9}\b")),
    ("DOI", re.compile(r"\b(?:doi:?\s*)?(10\.\d{4,9}/[^\s,;]+[^\s,;.)\]])", re.IGNORECASE)),
    ("Phase", re.compile(r"\b[Pp]hase\s+(?:[1-4]|I{1,3}V?|IV)(?:\s*/\s*(?:[1-4]|I{1,3}V?|IV))?"
                         r"(?:[ab]\b)?")),
    ("Dose", re.compile(
        r"\b" + _NUM + r"(?:\s*(?:×|x)\s*10\s*\^?\s*\d+)?\s*"
        r"(?:mg|μg|µg|ug|ng|g|mL|ml|μL|µL|ul|IU|units?|particles|cells)"
        r"(?:\s*/\s*(?:kg|g|mL|ml|day|d|rat|mouse|animal))?"
        r"(?:\s+(?:of\s+)?(?:total\s+)?(?:exosomal\s+)?protein)?\b", re.IGNORECASE)),
    ("Timing", re.compile(
        r"\b(?:(?:within|at|after|for|up to)\s+)?" + _NUM + r"\s*[- ]?\s*" + _UNIT_TIME +
        r"\s+(?:after|post|following|before|prior to)[- ]\s*" + _EVENT + r"\b"
        r"|\b(?:during|in|within)\s+the\s+first\s+(?:" + _NUM + r"\s*)?" + _UNIT_TIME + r"\b"
        r"(?:\s+(?:following|after|post)[- ]?\s*(?:therapy|treatment|" + _EVENT + r"))?",
        re.IGNORECASE)),
    ("GroupSize", re.compile(
        r"(?<![-\w.])" + _NUM + r"\s+(?:(?!(?:in|with|of|for|and|or|to|from)\b)[a-z]+[- ]){0,3}"
        r"(?:patients|participants|subjects|volunteers|controls|individuals|rats|mice|"
        r"animals|sheep|pigs|monkeys)\b", re.IGNORECASE)),
    ("GroupSize", re.compile(r"\b[nN]\s*=\s*\d+\b")),
    ("PValue", re.compile(r"\b(?:all\s+)?[pP](?:['’]s)?\s*(?:<|>|=|≤|≥|<=|>=)\s*0?\.\d+")),
    ("Date", re.compile(r"\b(?:" + _MONTHS + r")\.?\s+(?:\d{1,2},?\s+)?(?:19|20)\d{2}\b")),
]

#: the keyword test of each pattern (:mod:`exokg.text.prefilter`)
_NEEDS = [Needs(pattern) for _, pattern in _PATTERNS]
#: the patterns whose every match opens with a number (:data:`_NUM`: digits or a number
#: word), asked only of a text that holds one: a digit is no word a keyword test can hold,
#: so "200 mg" passes the dose pattern's test (for "mg") and "g", "l" and "ml" let it scan
#: almost every sentence
_NUMBERED = [pattern.pattern.startswith((r"\b" + _NUM, r"(?<![-\w.])" + _NUM))
             for _, pattern in _PATTERNS]
_DIGIT = re.compile(r"\d")
_MAY_NUMBER_WORD = Needs(re.compile(_NUMBER_WORD, re.IGNORECASE))


def number_value(text: str) -> int | None:
    """The integer a numeral or a number word stands for, if any.

    >>> number_value("Five"), number_value("65"), number_value("Sixty-five"), number_value("many")
    (5, 65, 65, None)
    """
    word = text.strip().lower()
    if word.isdigit():
        return int(word)
    parts = re.split(r"[- ]", word)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return NUMBER_WORDS.get(word)


def month_year(text: str) -> str | None:
    """'October 2018' -> '2018-10' (xsd:gYearMonth), else None."""
    m = re.match(r"([A-Za-z]+)\.?\s+(?:\d{1,2},?\s+)?(\d{4})", text)
    if not m:
        return None
    name = m.group(1).lower()
    month = next((n for full, n in _MONTH_NUM.items() if full.startswith(name[:3])), None)
    return f"{m.group(2)}-{month:02d}" if month else None


def find_values(text: str) -> list[Mention]:
    """Identifier and quantity mentions in ``text``, non-overlapping, earliest-longest first.

    >>> [(m.category, m.text) for m in find_values("Five patients will receive 200 mg total "
    ...  "protein 1 month after the stroke (NCT03384433, p < 0.01).")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('GroupSize', 'Five patients'), ('Dose', '200 mg total protein'),
     ('Timing', '1 month after the stroke'), ('ClinicalTrial', 'NCT03384433'),
     ('PValue', 'p < 0.01')]
    """
    found: list[Mention] = []
    number: bool | None = None  # whether the text holds a number, asked once if needed
    for (kind, pattern), needs, numbered in zip(_PATTERNS, _NEEDS, _NUMBERED):
        if not needs.may_match(text):
            continue  # lacks a word the pattern needs ("NCT", "patients", "after" ...)
        if numbered:
            if number is None:
                number = _DIGIT.search(text) is not None or _MAY_NUMBER_WORD.may_match(text)
            if not number:
                continue  # "mg of protein" with no number before it is no dose
        for m in pattern.finditer(text):
            found.append(Mention(_entity(kind, m), m.start(), m.end(), m.group(), "values"))
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    out: list[Mention] = []
    last_end = -1
    for mention in found:
        if mention.start >= last_end:
            out.append(mention)
            last_end = mention.end
    return out


def _entity(kind: str, m: re.Match[str]) -> Entity:
    text = m.group()
    if kind == "ClinicalTrial":
        return Entity(f"clinicaltrials:{text}", text, "ClinicalTrial")
    if kind == "PMID":
        return Entity(f"pubmed:{m.group(1)}", f"PMID {m.group(1)}", "Publication")
    if kind == "PMCID":
        return Entity(f"pmc:{text}", text, "Publication")
    if kind == "DOI":
        return Entity(f"doi:{m.group(1)}", f"doi:{m.group(1)}", "Publication")
    label = " ".join(text.split())
    return Entity(f"value:{kind.lower()}", label, kind)
