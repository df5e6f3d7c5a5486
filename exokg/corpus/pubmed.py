"""Read PubMed XML (``PubmedArticleSet``, as PubMed's "Save > PubMed XML" and E-utilities
``efetch`` write it) into one :class:`~exokg.model.Document` per article, streaming.

Safety (see PITFALLS.md, "XML"): before anything is parsed, the prolog is checked. A
``<!DOCTYPE`` with an internal subset (``[...]``, where entities are declared) or any
``<!ENTITY`` is refused with the line and column. The plain external declaration PubMed
writes (``<!DOCTYPE PubmedArticleSet PUBLIC "..." "https://dtd.nlm.nih.gov/...">``) is
blanked out (same length, so error positions hold) and never fetched; the parser is
defusedxml's with DTDs, entity declarations and external references forbidden.

Document text, built from the record so that offsets are exact::

    {ArticleTitle}

    {LABEL}: {AbstractText}        one paragraph per abstract section ("LABEL: " only when
                                   the section is labelled)

``Document.fields`` records where the title (``title``) and each section (``section``,
value = label, attrs ``category`` = NlmCategory) are in that text. The id is
``pubmed-{PMID}``; the source citation carries PMID, PMCID, DOI, title, journal, year,
volume, issue, pages, authors ("Chen J") and MeSH headings (``mesh:D...``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from exokg.errors import InputError
from exokg.model import Citation, Document, RecordField

ARTICLE_TAGS = frozenset({"PubmedArticle", "PubmedBookArticle"})
ROOT_TAG = "PubmedArticleSet"
_CHUNK = 1 << 16
_PROLOG_LIMIT = 1 << 20
_ROOT_START = re.compile(rb"<[A-Za-z_]")
_DOCTYPE = re.compile(rb"<!DOCTYPE\b")
_ENTITY = re.compile(rb"<!ENTITY\b")


def looks_like_pubmed(head: bytes) -> bool:
    """True when the first bytes of a file are XML whose root is ``PubmedArticleSet``."""
    return b"<PubmedArticleSet" in head[:4096]


def read_pubmed(path: Path) -> Iterator[Document]:
    """Documents of a PubMed XML file, one per article, in file order (streaming).

    Raises :class:`InputError` (file, line and column where known) for a DOCTYPE with an
    internal subset, entity declarations, malformed XML, a root other than
    ``PubmedArticleSet``, or an article without a PMID.
    """
    try:
        stream = path.open("rb")
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from None
    with stream:
        yield from _parse(path, stream)


def count_pubmed_articles(path: Path) -> int:
    """Number of articles in a PubMed XML file (a byte scan, for progress estimates)."""
    count, tail = 0, b""
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            data = tail + chunk
            count += len(re.findall(rb"<Pubmed(?:Book)?Article>", data))
            count -= len(re.findall(rb"<Pubmed(?:Book)?Article>", tail))
            tail = data[-24:]
    return count


def _where(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    return line, offset - (data.rfind(b"\n", 0, offset) + 1) + 1


def _checked_prolog(path: Path, stream: BinaryIO) -> bytes:
    """The bytes up to the root element's start tag, with a safe DOCTYPE blanked out."""
    data = b""
    while not _ROOT_START.search(data):
        chunk = stream.read(_CHUNK)
        if not chunk:
            break
        data += chunk
        if len(data) > _PROLOG_LIMIT:
            raise InputError(path, "no root element in the first MiB; not PubMed XML")
    root = _ROOT_START.search(data)
    prolog_end = root.start() if root else len(data)
    entity = _ENTITY.search(data, 0, prolog_end)
    if entity:
        raise InputError(path, "entity declarations (<!ENTITY) are refused in XML input",
                         _where(data, entity.start()))
    doctype = _DOCTYPE.search(data, 0, prolog_end)
    if doctype:
        close = data.find(b">", doctype.end(), prolog_end)
        bracket = data.find(b"[", doctype.end(), prolog_end)
        if close < 0:
            raise InputError(path, "unterminated <!DOCTYPE declaration",
                             _where(data, doctype.start()))
        if 0 <= bracket < close:
            raise InputError(path, "a <!DOCTYPE with an internal subset is refused in XML "
                             "input (it can declare entities)", _where(data, doctype.start()))
        blank = bytes(b if b in b"\r\n" else 32 for b in data[doctype.start():close + 1])
        data = data[:doctype.start()] + blank + data[close + 1:]
    return data


class _Collector:
    """Parser target that builds one article element at a time (memory stays flat)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.parser: DefusedXMLParser | None = None
        self.root: str | None = None
        self.builder: TreeBuilder | None = None
        self.line = 0
        self.done: list[tuple[Element, int]] = []

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if self.root is None:
            self.root = tag
            if tag != ROOT_TAG:
                raise InputError(self.path, f"root element <{tag}> is not <{ROOT_TAG}>; "
                                 "not PubMed XML", self._line())
            return
        if self.builder is None and tag in ARTICLE_TAGS:
            self.builder, self.line = TreeBuilder(), self._line()[0]
        if self.builder is not None:
            self.builder.start(tag, attrs)

    def end(self, tag: str) -> None:
        if self.builder is None:
            return
        self.builder.end(tag)
        if tag in ARTICLE_TAGS:
            self.done.append((self.builder.close(), self.line))
            self.builder = None

    def data(self, text: str) -> None:
        if self.builder is not None:
            self.builder.data(text)

    def close(self) -> None:
        return None

    def _line(self) -> tuple[int, int]:
        p = self.parser.parser if self.parser is not None else None  # type: ignore[attr-defined]
        return (p.CurrentLineNumber, p.CurrentColumnNumber + 1) if p is not None else (1, 1)


def _parse(path: Path, stream: BinaryIO) -> Iterator[Document]:
    collector = _Collector(path)
    parser = DefusedXMLParser(target=collector, forbid_dtd=True, forbid_entities=True,
                              forbid_external=True)
    collector.parser = parser
    chunk = _checked_prolog(path, stream)
    index = 0
    while True:
        try:
            if chunk:
                parser.feed(chunk)
            else:
                parser.close()
        except ParseError as exc:
            line, column = exc.position
            raise InputError(path, f"malformed XML: {_reason(exc)}", (line, column + 1)) from None
        except DefusedXmlException as exc:
            raise InputError(path, f"refused XML construct: {exc}", collector._line()) from None
        for element, line in collector.done:
            index += 1
            yield _document(path, element, line, index)
        collector.done.clear()
        if not chunk:
            break
        chunk = stream.read(_CHUNK)
    if collector.root is None:
        raise InputError(path, "no XML element found; not PubMed XML")


def _reason(exc: ParseError) -> str:
    return re.sub(r":\s*line \d+, column \d+$", "", str(exc))


def _text(element: Element | None) -> str:
    """All text inside an element (inline markup such as <i>, <sup> flattened), trimmed."""
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def _document(path: Path, article: Element, line: int, index: int) -> Document:
    where = f"line {line}"
    citation = article.find("MedlineCitation")
    book = article.find("BookDocument")
    record = citation if citation is not None else book
    if record is None:
        raise InputError(path, f"article {index} has no MedlineCitation or BookDocument",
                         where)
    pmid = _text(record.find("PMID"))
    if not (pmid.isascii() and pmid.isdigit()):
        raise InputError(path, f"article {index} has no numeric PMID ({pmid!r})", where)
    art = record.find("Article") if citation is not None else record
    if art is None:
        raise InputError(path, f"PMID {pmid}: no Article element", where)
    title = _text(art.find("ArticleTitle")) or _text(art.find("BookTitle"))
    pieces: list[str] = []
    fields: list[RecordField] = []
    pos = 0

    def add(text: str) -> None:
        nonlocal pos
        if pieces:
            pieces.append("\n\n")
            pos += 2
        pieces.append(text)
        pos += len(text)

    if title:
        add(title)
        fields.append(RecordField("title", title, 0, len(title)))
    for section in art.findall("Abstract/AbstractText"):
        body = _text(section)
        if not body:
            continue
        label = (section.get("Label") or "").strip()
        text = f"{label}: {body}" if label else body
        start = pos + (2 if pieces else 0)
        add(text)
        attrs = (("category", section.get("NlmCategory", "")),) if section.get(
            "NlmCategory") else ()
        fields.append(RecordField("section", label, start, start + len(text), attrs))
    if not pieces:
        raise InputError(path, f"PMID {pmid}: neither title nor abstract text", where)
    text = "".join(pieces)
    source = Citation(
        pmid=pmid,
        pmcid=_article_id(article, "pmc"),
        doi=_article_id(article, "doi") or _elocation_doi(art),
        title=title or None,
        journal=_text(art.find("Journal/Title")) or _text(art.find("Journal/ISOAbbreviation"))
        or None,
        year=_year(art),
        authors=_authors(art),
        volume=_text(art.find("Journal/JournalIssue/Volume")) or None,
        issue=_text(art.find("Journal/JournalIssue/Issue")) or None,
        pages=_text(art.find("Pagination/MedlinePgn")) or None,
        note=f"PubMed XML record in {path.name}",
        mesh=_mesh(record),
    )
    return Document(id=f"pubmed-{pmid}", text=text, origin=f"{path}:{line}", title=title or None,
                    source=source, start=0, kind="abstract", fields=tuple(fields))


def _article_id(article: Element, kind: str) -> str | None:
    for node in article.findall("PubmedData/ArticleIdList/ArticleId"):
        if node.get("IdType") == kind and _text(node):
            return _text(node)
    return None


def _elocation_doi(art: Element) -> str | None:
    for node in art.findall("ELocationID"):
        if node.get("EIdType") == "doi" and _text(node):
            return _text(node)
    return None


def _year(art: Element) -> int | None:
    for tag in ("Journal/JournalIssue/PubDate/Year", "ArticleDate/Year",
                "Journal/JournalIssue/PubDate/MedlineDate", "PubDate/Year"):
        found = re.search(r"\b(1[89]\d\d|20\d\d)\b", _text(art.find(tag)))
        if found:
            return int(found.group(1))
    return None


def _authors(art: Element) -> tuple[str, ...]:
    out = []
    for author in art.findall("AuthorList/Author"):
        collective = _text(author.find("CollectiveName"))
        last = _text(author.find("LastName"))
        initials = _text(author.find("Initials"))
        if last:
            out.append(f"{last} {initials}".strip())
        elif collective:
            out.append(collective)
    return tuple(out)


def _mesh(record: Element) -> tuple[tuple[str, str], ...]:
    out = []
    for heading in record.findall("MeshHeadingList/MeshHeading/DescriptorName"):
        ui = (heading.get("UI") or "").strip()
        if re.fullmatch(r"D\d{6,9}", ui):
            out.append((f"mesh:{ui}", _text(heading)))
    return tuple(out)
