"""Parse a bibliographic citation as PubMed / NLM (Vancouver) style writes it.

Only what the text states is returned: a citation that lost its head keeps the fields that
survive (volume, pages, DOI, PMID, ...) and is marked ``partial``.
"""

from __future__ import annotations

import re

from exokg.model import Citation

_PMID = re.compile(r"\bPMID:?\s*(\d{1,9})\b")
_PMCID = re.compile(r"\bPMCID:?\s*(PMC\d+)\b|\b(PMC\d{4,})\b")
# DOI: "10." + registrant + "/" + suffix; the suffix ends before whitespace, and a final
# full stop belongs to the sentence, not to the DOI.
_DOI = re.compile(r"\bdoi:?\s*(10\.\d{4,9}/\S+?)(?=\.?(?:\s|$))", re.IGNORECASE)
_NUMBERED = re.compile(r"^\s*(\d{1,3})\.\s+")
_HEAD = re.compile(
    r"^(?P<authors>(?:[A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+)* [A-Z]{1,3}"
    r"(?:, [A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+)* [A-Z]{1,3})*(?:, et al)?))\.\s+"
    r"(?P<rest>.*)$",
    re.DOTALL,
)
_SOURCE = re.compile(
    r"(?P<journal>[A-Z][^.;]*?)\.\s+(?P<year>(?:19|20)\d{2})(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?"
    r"\s*;\s*(?P<volume>\d+)(?:\((?P<issue>[^)]+)\))?:(?P<pages>[A-Za-z]?\d+(?:-\s*[A-Za-z]?\d+)?)"
)
_TAIL = re.compile(
    r"^\s*(?:(?:19|20)\d{2}\s+)?(?:[A-Z][a-z]{2}(?:\s+\d{1,2})?)?\s*;\s*(?P<volume>\d+)"
    r"(?:\((?P<issue>[^)]+)\))?:(?P<pages>[A-Za-z]?\d+(?:-\s*[A-Za-z]?\d+)?)"
)
_EPUB = re.compile(r"\b(?:Epub|Published)\s+((?:19|20)\d{2})\b")


def looks_like_citation(text: str) -> bool:
    """True when a paragraph reads as a bibliographic reference rather than prose.

    >>> looks_like_citation("Stroke. 2018;49(5):1083-1090. doi: 10.1161/X. PubMed PMID: 29669873.")
    True
    >>> looks_like_citation("Exosomes improved functional recovery in rats.")
    False
    """
    flat = " ".join(text.split())
    score = 0
    score += 2 * bool(_PMID.search(flat))
    score += bool(_PMCID.search(flat))
    score += 2 * bool(_DOI.search(flat))
    score += bool(re.search(r"\b\d+\(\d+\):\d+", flat))  # 49(5):1083
    score += bool(re.search(r"\bEpub\b|\bReview\.", flat))
    score += bool(_NUMBERED.match(flat) and _HEAD.match(_NUMBERED.sub("", flat)))
    return score >= 2


def parse_citation(text: str, note: str | None = None) -> Citation:
    """Parse one reference into a :class:`Citation`, keeping only stated fields.

    >>> c = parse_citation("2. Chen J, Chopp M. Exosome Therapy for Stroke. Stroke. "
    ...                    "2018 May;49(5):1083-1090. doi: 10.1161/STROKEAHA.117.018292. "
    ...                    "PubMed PMID: 29669873; PubMed Central PMCID: PMC6028936.")
    >>> (c.authors, c.title, c.journal, c.year, c.volume, c.issue, c.pages)
    (('Chen J', 'Chopp M'), 'Exosome Therapy for Stroke', 'Stroke', 2018, '49', '5', '1083-1090')
    >>> (c.doi, c.pmid, c.pmcid, c.partial)
    ('10.1161/STROKEAHA.117.018292', '29669873', 'PMC6028936', False)
    """
    flat = " ".join(text.split())
    pmid = _m(_PMID, flat)
    pmcid_match = _PMCID.search(flat)
    pmcid = (pmcid_match.group(1) or pmcid_match.group(2)) if pmcid_match else None
    doi = _m(_DOI, flat)
    body = _NUMBERED.sub("", flat, count=1)
    authors: tuple[str, ...] = ()
    title = journal = volume = issue = pages = None
    year: int | None = None
    partial = False
    head = _HEAD.match(body)
    if head:
        authors = tuple(a.strip() for a in head.group("authors").split(","))
        rest = head.group("rest")
        src = _SOURCE.search(rest)
        if src:
            title = rest[: src.start()].strip().rstrip(".").strip() or None
            journal = src.group("journal").strip()
            year = int(src.group("year"))
            volume, issue, pages = src.group("volume"), src.group("issue"), src.group("pages")
        else:
            year_only = re.search(r"(?P<journal>[A-Z][^.;]*?)\.\s+((?:19|20)\d{2})\b", rest)
            if year_only:
                title = rest[: year_only.start()].strip().rstrip(".") or None
                journal = year_only.group("journal").strip()
                year = int(year_only.group(2))
            partial = title is None
    else:
        partial = True
        tail = _TAIL.match(body)
        if tail:
            volume, issue, pages = tail.group("volume"), tail.group("issue"), tail.group("pages")
        epub = _EPUB.search(body)
        if epub:
            year = int(epub.group(1))
    if year is None:
        epub = _EPUB.search(body)
        year = int(epub.group(1)) if epub else None
    return Citation(
        pmid=pmid,
        pmcid=pmcid,
        doi=doi,
        title=title,
        journal=journal,
        year=year,
        authors=authors,
        volume=volume,
        issue=issue,
        pages=re.sub(r"\s+", "", pages) if pages else None,
        text=flat,
        partial=partial,
        note=note,
    )


def _m(pattern: re.Pattern[str], text: str) -> str | None:
    found = pattern.search(text)
    return found.group(1) if found else None
