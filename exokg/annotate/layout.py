"""How a document is laid out for annotation output: its identifier, its passages and the
single-line PubTator text with the offset map from ``Document.text``.

PubTator writes a document as ``title + " " + abstract`` on two lines, so a document read
from PubTator comes back byte for byte; other documents are fitted to that layout
(:func:`pubtator_text`): the title field (when the document has one at offset 0) becomes
the title, the whitespace after it becomes one space, and line breaks and tabs elsewhere
become spaces (one for one, so offsets hold). BioC keeps ``Document.text`` offsets as they
are and cuts the text into passages (:func:`passages`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exokg.model import Document

__all__ = ["Passage", "PubTatorText", "clean_text", "output_id", "passages", "pubtator_text",
           "single_line"]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"[\t\n\r\x0b\x0c\x85\u2028\u2029]")


def clean_text(text: str) -> str:
    """``text`` with control characters as spaces and lone surrogates as U+FFFD, one
    character for one (XML cannot carry them; offsets must hold)."""
    return _CONTROL.sub(lambda m: "\ufffd" if "\ud800" <= m.group() <= "\udfff" else " ",
                        text)


def output_id(document: Document, used: set[str]) -> str:
    """The document id written in output: the PMID where the document is that publication's
    text (not an excerpt quoting it) and no other document of the same output used it, else
    exokg's document id. Adds the chosen id to ``used``."""
    pmid = document.source.pmid if document.source is not None \
        and document.kind != "excerpt" else None
    chosen = pmid if pmid and pmid not in used else document.id
    used.add(chosen)
    return chosen


def single_line(text: str) -> str:
    """``text`` cleaned (:func:`clean_text`) with line breaks and tabs as spaces, one for one."""
    return _LINE_BREAKS.sub(" ", clean_text(text))


@dataclass(frozen=True)
class PubTatorText:
    """A document fitted to PubTator's layout; ``shift(o)`` maps a ``Document.text`` offset
    to an offset into ``title + " " + abstract``."""

    title: str
    abstract: str
    cut: int  # Document.text offset where the abstract starts
    delta: int  # added to offsets >= cut

    @property
    def text(self) -> str:
        return f"{self.title} {self.abstract}"

    def shift(self, offset: int) -> int:
        return offset + self.delta if offset >= self.cut else offset


def _title_end(document: Document) -> int | None:
    for f in document.fields:
        if f.name == "title" and f.start == 0:
            return f.end
    return None


def pubtator_text(document: Document) -> PubTatorText:
    """The title and abstract lines of a document and the offset shift between them.

    >>> t = pubtator_text(Document("d", "A title\\n\\nFirst line.\\nSecond.", "x"))
    >>> t.title, t.abstract, t.shift(9)
    ('', 'A title  First line. Second.', 10)
    """
    text = clean_text(document.text)
    end = _title_end(document)
    if end is None:
        return PubTatorText("", _LINE_BREAKS.sub(" ", text), 0, 1)
    rest = len(text[end:]) - len(text[end:].lstrip())
    cut = end + rest
    title = _LINE_BREAKS.sub(" ", text[:end])
    abstract = _LINE_BREAKS.sub(" ", text[cut:])
    return PubTatorText(title, abstract, cut, end + 1 - cut)


@dataclass(frozen=True)
class Passage:
    """A BioC passage: ``Document.text[offset:offset + len(text)]`` with its type."""

    type: str
    offset: int
    text: str
    section: str | None = None


def passages(document: Document) -> list[Passage]:
    """The passages of a document: title and abstract sections for an abstract read from
    PubMed XML or PubTator, otherwise the whole text as one passage (type ``text``, or the
    document kind for a registry record)."""
    text = clean_text(document.text)
    parts = [f for f in document.fields if f.name in ("title", "section") and f.end > f.start]
    if not parts:
        kind = "text" if document.kind in ("text", "excerpt") else document.kind
        return [Passage(kind, 0, text)]
    out = []
    for f in sorted(parts, key=lambda f: f.start):
        kind = "title" if f.name == "title" else "abstract"
        out.append(Passage(kind, f.start, text[f.start:f.end],
                           (f.value or None) if f.name == "section" else None))
    return out
