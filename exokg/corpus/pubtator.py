"""Read PubTator files (the NCBI Disease, BC5CDR and BioRED layout) into one
:class:`~exokg.model.Document` per PMID, streaming.

A PubTator file is a series of blocks, one per article, separated by blank lines::

    PMID|t|Title text
    PMID|a|Abstract text
    PMID<TAB>start<TAB>end<TAB>mention<TAB>type<TAB>identifier     (annotations)
    PMID<TAB>relation type<TAB>id1<TAB>id2...                      (relations)

The document text is built the PubTator way, ``title + " " + abstract`` (just the title when
the block has no ``|a|`` line), so offsets in the file's own annotations, and in anything
exokg writes for the document, are offsets into the same string. The file's own annotations
and relations are ignored: exokg reads the text, never somebody else's answers.

``Document.fields`` holds a ``title`` field (the title's span) and a ``section`` field (the
abstract's span, empty label); ``title`` is set; the id is ``pubmed-{PMID}`` (as for PubMed
XML) when the PMID is all digits, otherwise the PMID made into a slug. The source citation
carries the PMID and the title.

Every problem is an :class:`~exokg.errors.InputError` naming the file and the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from exokg.errors import InputError
from exokg.model import Citation, Document, RecordField

_TEXT_LINE = re.compile(r"^([^\t|\s][^\t|]*)\|([ta])\|(.*)$")
_HEAD = re.compile(r"\A(?:[ \t]*\r?\n)*[^\t|\s][^\t|]*\|t\|")
_SLUG = re.compile(r"[^A-Za-z0-9._-]+")


def looks_like_pubtator(head: str) -> bool:
    """True when a file's first non-blank line is a PubTator title line (``PMID|t|...``).

    >>> looks_like_pubtator("12345|t|A title\\n12345|a|An abstract\\n")
    True
    >>> looks_like_pubtator("A title | with bars\\n")
    False
    """
    return _HEAD.match(head.lstrip("\ufeff")) is not None


@dataclass
class _Block:
    pmid: str
    line: int
    title: str | None = None
    abstract: str | None = None
    lines: list[int] = field(default_factory=list)


def read_pubtator(path: Path) -> Iterator[Document]:
    """Documents of a PubTator file, one per PMID block, in file order (streaming).

    Raises :class:`InputError` (file and line) for a file that cannot be read or is not
    UTF-8, a line that is neither a ``|t|``/``|a|`` text line nor a tab-separated annotation
    or relation line, a second title or abstract for one PMID, an annotation line whose PMID
    is not the block's, a PMID whose block appears twice, and a file without any block.
    """
    try:
        stream = path.open("r", encoding="utf-8", newline="")
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from None
    seen: dict[str, int] = {}
    block: _Block | None = None
    count = 0
    with stream:
        number = 0
        while True:
            try:
                raw = stream.readline()
            except UnicodeDecodeError as exc:
                raise InputError(path, f"invalid UTF-8 (byte 0x{exc.object[exc.start]:02x})",
                                 number + 1) from None
            if not raw:
                break
            number += 1
            line = raw.rstrip("\r\n")
            if number == 1:
                line = line.removeprefix("\ufeff")
            if not line.strip():
                continue
            text_line = _TEXT_LINE.match(line)
            if text_line:
                pmid, kind, text = text_line.groups()
                if block is None or block.pmid != pmid:
                    if block is not None:
                        count += 1
                        yield _document(path, block)
                    if pmid in seen:
                        raise InputError(path, f"PMID {pmid} appears again (first block at "
                                         f"line {seen[pmid]})", number)
                    seen[pmid] = number
                    block = _Block(pmid, number)
                if kind == "t":
                    if block.title is not None:
                        raise InputError(path, f"a second title line for PMID {pmid}", number)
                    if block.abstract is not None:
                        raise InputError(path, f"the title line of PMID {pmid} comes after "
                                         "its abstract line", number)
                    block.title = text
                else:
                    if block.abstract is not None:
                        raise InputError(path, f"a second abstract line for PMID {pmid}",
                                         number)
                    block.abstract = text
                continue
            cells = line.split("\t")
            if len(cells) < 2:
                raise InputError(path, "not a PubTator line (expected 'PMID|t|title', "
                                 "'PMID|a|abstract' or tab-separated annotation fields)",
                                 number)
            if block is None or cells[0] != block.pmid:
                raise InputError(path, f"annotation line for PMID {cells[0]!r} outside its "
                                 "block (no title or abstract line before it)", number)
    if block is not None:
        count += 1
        yield _document(path, block)
    if count == 0:
        raise InputError(path, "no PubTator block ('PMID|t|title' line) found")


def count_pubtator_documents(path: Path) -> int:
    """Number of PMID blocks in a PubTator file (a line scan, for progress estimates)."""
    pmids: set[str] = set()
    with path.open("r", encoding="utf-8", errors="replace") as stream:
        for line in stream:
            match = _TEXT_LINE.match(line.rstrip("\r\n").removeprefix("\ufeff"))
            if match:
                pmids.add(match.group(1))
    return len(pmids)


def _document(path: Path, block: _Block) -> Document:
    title = block.title if block.title is not None else ""
    if block.abstract is None:
        text = title
    else:
        text = f"{title} {block.abstract}"
    if not text.strip():
        raise InputError(path, f"PMID {block.pmid}: neither title nor abstract text",
                         block.line)
    fields = [RecordField("title", title, 0, len(title))]
    if block.abstract is not None:
        fields.append(RecordField("section", "", len(title) + 1, len(text)))
    pmid = block.pmid.strip()
    doc_id = f"pubmed-{pmid}" if pmid.isdigit() else (_SLUG.sub("-", pmid).strip("-")
                                                      or f"block-{block.line}")
    source = Citation(pmid=pmid if pmid.isdigit() else None, title=title or None,
                      note=f"PubTator record in {path.name}")
    return Document(id=doc_id, text=text, origin=f"{path}:{block.line}", title=title or None,
                    source=source, start=0, kind="abstract", fields=tuple(fields))
