"""Find reference markers in normalised text.

:func:`find_citations` returns :class:`~exokg.model.CitationMarker` records whose spans are
relative to the text it is given. It is deliberately conservative: a missed marker costs
little, a dose or a gene number read as a reference corrupts the evidence. Heuristics:

Numeric, bracketed: "[27]", "[1-3]", "[4, 5]", "[1–3; 7]": numbers 1-999 without leading
zeros, separated by commas/semicolons, ranges with "-" or "–".

Numeric, parenthesised: "(116, 117, 119)", "(114, 115)", "(119)". The opening parenthesis
must not be glued to a word or number ("49(5):1083" is a volume/issue). A single number is
only a marker when the parenthesis is followed by punctuation or the end of the text
(so the enumerator "(1) low immunogenicity" is not) and is not preceded by a word such as
"step", "criterion", "equation".

Numeric, glued (superscripts flattened by the PDF): "include9, 14:", "thrombosis14;",
"angiogenesis163.", "model\\"164,168". The number must follow
  - a lowercase word of at least four letters ("immunogenicity56") that is not a counter
    word (day, week, phase, step, group, figure, ...) nor the name of a numbered family
    member ("interleukin6", "caspase3"): so "CD63", "MKI67", "miR124", "NCT03384433",
    "p53" never match; or
  - a closing quote after a letter or punctuation ("model\\"164"); or
  - "." "," ";" ":" after a lowercase word of at least four letters that is not a
    bibliographic label (doi, pmid, ...): "stroke.12".
It must be followed by whitespace, punctuation or the end (not by a letter, digit or "(")
and not by "." or "," plus a digit (decimals, "2018;49(5)"). Further numbers are taken when
glued by "," ("164,168"), or by ", " when that number is itself followed by punctuation
("parenchyma67, 68;"), never when followed by a word ("vesicles17, 18 patients" takes 17).
Unicode superscript digits ("stroke¹²,¹³") follow the same context rules.
Numbers after a space ("200 mg", "65 acute", "Phase 1/2", "12 months", "1)") or after a
hyphen ("miR-124", "IL-6", "Ki-67") are never markers.

Author-year: parenthesised "(Xin et al., 2012)", "(Smith and Jones, 2010; Lee et al.,
2015a)", "(see Yu et al., 2011)", "(Xin et al., 2012, 2013)"; narrative "Xin et al. (2012)",
"Smith and Jones (2010)". A single surname followed by a year in parentheses ("Smith
(2010)") is not taken, nor is a "surname" that is a month, a preposition or a label
(``NOT_AUTHORS``: "(October 2018)", "(In 2012)"). Refs are keys "Surname et al., 2012" /
"Smith and Jones, 2010".

Numeric refs are split ("116", "117", "119"); ranges are expanded ("1-3" -> "1", "2", "3")
when they span at most 50 numbers, otherwise both ends are kept. Overlapping candidates
are resolved in favour of the one that starts first (then the longer).

>>> text = "in mice [27], rats (116, 117) and humans (Xin et al., 2012); include9, 14: 200 mg"
>>> [(m.text, m.refs) for m in find_citations(text)]  # doctest: +NORMALIZE_WHITESPACE
[('[27]', ('27',)), ('(116, 117)', ('116', '117')),
 ('(Xin et al., 2012)', ('Xin et al., 2012',)), ('9, 14', ('9', '14'))]
"""

from __future__ import annotations

import re
from typing import Literal

from exokg.model import CitationMarker, Span
from exokg.text.prefilter import KeywordIndex, Needs

_NUM = r"[1-9]\d{0,2}(?!\d)"
_ITEM = rf"{_NUM}(?:\s*[-–]\s*{_NUM})?"
_LIST = rf"{_ITEM}(?:\s*[,;]\s*{_ITEM})*"
_BRACKETED = re.compile(rf"\[\s*({_LIST})\s*\]")
_PARENTHESISED = re.compile(rf"(?<![\w)\]])\(\s*({_LIST})\s*\)")
_GLUED = re.compile(rf"{_NUM}(?:[-–]{_NUM})?(?:,\s?{_NUM}(?:[-–]{_NUM})?)*")
_GLUED_ITEM = re.compile(rf"(,\s?)?({_NUM}(?:[-–]{_NUM})?)")
_SUPER_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPER_NUM = "[¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]{0,2}"
_SUPER_ITEM = rf"{_SUPER_NUM}(?:[-–⁻]{_SUPER_NUM})?"
_SUPERSCRIPT = re.compile(rf"{_SUPER_ITEM}(?:,{_SUPER_ITEM})*")
_SUPER_TABLE = str.maketrans(_SUPER_DIGITS + "⁻", "0123456789-")

# Repetitions are bounded so that hostile text cannot make the matching quadratic.
_NAME = r"(?:(?:van|von|de|der|den|del|da|di|du|le|la)\s+){0,3}[A-Z][A-Za-zÀ-ÖØ-öø-ÿ'’-]+"
_MANY = rf"{_NAME}(?:\s+et\s+al\.?|(?:\s*,\s*{_NAME}){{0,12}},?\s+(?:and|&)\s+{_NAME})"
_AUTHORS = rf"{_MANY}|{_NAME}"
_YEAR = r"(?:19|20)\d{2}[a-z]?"
_YEARS = rf"{_YEAR}(?:\s*,\s*{_YEAR}){{0,12}}"
_AY_ITEM = rf"(?:{_AUTHORS}),?\s+{_YEARS}"
_AY_PREFIX = r"(?:(?:see(?:\s+also)?|e\.g\.|cf\.|i\.e\.|reviewed\s+in)\s*,?\s*)"
_AUTHOR_YEAR = re.compile(rf"\({_AY_PREFIX}?{_AY_ITEM}(?:\s*;\s*{_AY_ITEM}){{0,30}}\)")
_NARRATIVE = re.compile(rf"(?<![\w-])({_MANY})\s+\(({_YEARS})\)")
#: its keyword guard, with a keyword index of its own: it reads whole documents, which no
#: other guard reads, so the shared index (every rule's strings) would scan each document
#: for all of them, for this guard alone
_MAY_NARRATIVE = Needs(_NARRATIVE, index=KeywordIndex())
_AY_PARTS = re.compile(rf"^{_AY_PREFIX}?(?P<authors>.+?),?\s+(?P<years>{_YEARS})$")
_YEAR_RE = re.compile(_YEAR)
_NUMBER_OR_RANGE = re.compile(rf"({_NUM})(?:\s*[-–]\s*({_NUM}))?")

_COUNTER_WORDS = frozenset(
    {
        "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours",
        "phase", "step", "steps", "group", "groups", "type", "types", "grade", "stage",
        "figure", "table", "lane", "panel", "cohort", "patient", "sample", "exon", "intron",
        "chromosome", "passage", "dose", "trial", "study", "visit", "chapter", "section",
        "line", "clone", "item", "level", "class", "round", "batch",
    }
)
# Names of numbered members of a family: "interleukin6" is IL-6, not reference 6.
_FAMILY_WORDS = frozenset(
    {
        "interleukin", "caspase", "claudin", "connexin", "integrin", "cadherin", "occludin",
        "annexin", "syntaxin", "galectin", "sirtuin", "tetraspanin", "aquaporin", "keratin",
        "cyclin", "collagen", "pcdna", "exon", "intron", "chromosome",
    }
)
# Greek letters spelled out (four letters or more): "TGF-beta1", "alpha7 nAChR", "PKC-delta2"
# number a family's isoforms or a receptor's subunits, never a reference.
_GREEK_WORDS = frozenset(
    {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "theta", "iota", "kappa",
     "lambda", "sigma", "upsilon", "omega", "omicron"}
)
# Capitalised words that are not surnames: "(October 2018)" is a date, not a citation.
NOT_AUTHORS: frozenset[str] = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "spring", "summer", "autumn",
        "fall", "winter", "in", "on", "at", "by", "since", "from", "until", "till", "before",
        "after", "during", "between", "and", "or", "the", "a", "an", "of", "for", "to",
        "circa", "year", "years", "published", "accessed", "updated", "epub", "phase",
        "stage", "version", "figure", "fig", "table", "see", "cf", "ref", "refs",
    }
)
_LABEL_WORDS = frozenset({"doi", "pmid", "pmcid", "issn", "isbn", "vol", "page", "pages"})
_ENUMERATION_WORDS = frozenset(
    {"step", "steps", "criterion", "criteria", "equation", "eq", "item", "items", "point",
     "points", "group", "groups", "phase", "stage", "type", "class", "and", "or"}
)
_FOLLOW_OK = set(".,;:)]\"'!?")
_MAX_RANGE = 50


def find_citations(text: str) -> tuple[CitationMarker, ...]:
    """Find citation markers in ``text`` (normalised text; see the module docstring).

    Returns non-overlapping markers sorted by start, spans relative to ``text``. Never
    raises for a str.

    >>> [m.refs for m in find_citations("parenchyma67, 68; 4) in model\\"164,168")]
    [('67', '68'), ('164', '168')]
    >>> find_citations("65 patients, IL-6, CD63, miR-124, p < 0.01, (October 2018)")
    ()
    """
    found: list[CitationMarker] = []
    found += _author_year(text)
    found += _enclosed(text, _BRACKETED, single_needs_end=False)
    found += _enclosed(text, _PARENTHESISED, single_needs_end=True)
    found += _glued(text)
    found.sort(key=lambda m: (m.span.start, -m.span.end))
    result: list[CitationMarker] = []
    for marker in found:
        if result and marker.span.start < result[-1].span.end:
            continue
        result.append(marker)
    return tuple(result)


def expand_refs(body: str) -> tuple[str, ...]:
    """Split a numeric marker body ("116, 117, 119", "1-3") into refs, expanding ranges.

    Takes the text between the brackets (or the glued digits); returns the numbers as
    strings in the order written. Never raises.

    >>> expand_refs("116, 117, 119"), expand_refs("1–3; 7")
    (('116', '117', '119'), ('1', '2', '3', '7'))
    """
    refs: list[str] = []
    for match in _NUMBER_OR_RANGE.finditer(body.replace("–", "-")):
        first, last = match.group(1), match.group(2)
        if last is None:
            refs.append(first)
        elif 0 < int(last) - int(first) <= _MAX_RANGE:
            refs.extend(str(n) for n in range(int(first), int(last) + 1))
        else:
            refs.extend((first, last))
    return tuple(refs)


def _marker(
    text: str, start: int, end: int, refs: tuple[str, ...], style: Literal["numeric", "author-year"]
) -> CitationMarker:
    return CitationMarker(text=text[start:end], span=Span(start, end), refs=refs, style=style)


def _enclosed(text: str, pattern: re.Pattern[str], single_needs_end: bool) -> list[CitationMarker]:
    markers = []
    for match in pattern.finditer(text):
        refs = expand_refs(match.group(1))
        single = len(refs) == 1
        if single and single_needs_end and not _single_parenthesised_ok(text, match):
            continue
        markers.append(_marker(text, match.start(), match.end(), refs, "numeric"))
    return markers


def _single_parenthesised_ok(text: str, match: re.Match[str]) -> bool:
    after = text[match.end() : match.end() + 1]
    if after and after not in _FOLLOW_OK:
        return False
    words = re.findall(r"[A-Za-z]+", text[max(0, match.start() - 30) : match.start()])
    return not (words and words[-1].lower() in _ENUMERATION_WORDS)


def _glued(text: str) -> list[CitationMarker]:
    markers = []
    for pattern, superscript in ((_GLUED, False), (_SUPERSCRIPT, True)):
        for match in pattern.finditer(text):
            if not _glued_context_ok(text, match.start()):
                continue
            end = _glued_end(text, match, superscript)
            if end is None:
                continue
            body = text[match.start() : end]
            if superscript:
                body = body.translate(_SUPER_TABLE)
            markers.append(_marker(text, match.start(), end, expand_refs(body), "numeric"))
    return markers


def _glued_context_ok(text: str, start: int) -> bool:
    """True when the digits at ``start`` are glued to a host that superscripts follow."""
    if start == 0:
        return False
    prev = text[start - 1]
    if prev.isalpha():
        return _host_word_ok(text, start, _COUNTER_WORDS | _FAMILY_WORDS | _GREEK_WORDS)
    if prev in "\"'":
        before = text[start - 2] if start >= 2 else ""
        return before.isalpha() or (before != "" and before in ".!?,;)")
    if prev in ".,;:":
        return _host_word_ok(text, start - 1, _LABEL_WORDS | _COUNTER_WORDS)
    return False


def _host_word_ok(text: str, end: int, denied: frozenset[str]) -> bool:
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    word = text[start:end]
    return len(word) >= 4 and word.islower() and word not in denied


def _glued_end(text: str, match: re.Match[str], superscript: bool) -> int | None:
    """End of the marker starting at ``match``, or None when what follows rules it out."""
    end = match.end()
    if not superscript:
        items = list(_GLUED_ITEM.finditer(text, match.start(), match.end()))
        while len(items) > 1 and items[-1].group(1) and " " in items[-1].group(1):
            last = items[-1].end()
            if last == len(text) or (text[last] in _FOLLOW_OK and _follow_ok(text, last)):
                break
            items.pop()
        end = items[-1].end()
    return end if _follow_ok(text, end) else None


def _follow_ok(text: str, end: int) -> bool:
    if end >= len(text) or text[end].isspace():
        return True
    if text[end] not in _FOLLOW_OK:
        return False
    return not (text[end] in ".," and end + 1 < len(text) and text[end + 1].isdigit())


def _author_year(text: str) -> list[CitationMarker]:
    markers = []
    for match in _AUTHOR_YEAR.finditer(text):
        refs: list[str] = []
        names_ok = True
        for item in match.group(0)[1:-1].split(";"):
            parts = _AY_PARTS.match(item.strip())
            if parts:
                names_ok = names_ok and _surnames_ok(parts.group("authors"))
                refs.extend(_ay_keys(parts.group("authors"), parts.group("years")))
        if names_ok and refs:
            markers.append(_marker(text, match.start(), match.end(), tuple(refs), "author-year"))
    for match in _NARRATIVE.finditer(text) if _MAY_NARRATIVE.may_match(text) else ():
        if not _surnames_ok(match.group(1)):
            continue
        refs = _ay_keys(match.group(1), match.group(2))
        markers.append(_marker(text, match.start(), match.end(), tuple(refs), "author-year"))
    return markers


def _surnames_ok(authors: str) -> bool:
    """False when a word read as a surname is a month, a preposition or a label."""
    words = re.findall(r"[A-Za-zÀ-ÖØ-öø-ÿ]+", authors.replace("et al", ""))
    names = [w for w in words if w[0].isupper()]
    return bool(names) and not any(w.lower() in NOT_AUTHORS for w in names)


def _ay_keys(authors: str, years: str) -> list[str]:
    names = " ".join(authors.split()).rstrip(",")
    if names.endswith("et al"):
        names += "."
    return [f"{names}, {year}" for year in _YEAR_RE.findall(years)]
