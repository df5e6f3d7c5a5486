"""Split an excerpt collection into its source documents.

An excerpt collection is a text file of quoted passages from publications, with the
bibliographic reference of each source written beside its passages, as a reader keeps notes.
The bundled founding corpus is one. The file is split into:

* citation paragraphs: runs of lines that read as references (PMID, DOI, journal
  volume(issue):pages, ...);
* excerpt blocks: a passage in quotation marks (the closing mark may be written as an opening
  one, and reference markers just after the closing mark belong to the block), or a run of
  unquoted prose between them;
* headings: a short unquoted line without a full stop before a block becomes its title.

Attribution: a block is quoted from the citation that precedes it, until the next citation.
An attribution file beside the collection (``NAME.attribution.yaml``) can override that per
block, with the reason (for example when a block's reference style shows that it comes from
another source); every override must name a block that exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from exokg.corpus.citation import looks_like_citation, parse_citation
from exokg.errors import VocabularyError
from exokg.model import Citation, Document

_OPEN = "“"
_QUOTES = "“”\""
_TRAILING_MARKERS = re.compile(r"[ \t]*(?:\d{1,3}(?:\s*[,–-]\s*\d{1,3})*|\[[\d,\s–-]+\]|\([\d,\s–-]+\))")


@dataclass(frozen=True)
class Block:
    """A piece of the collection: 'citation', 'excerpt' or 'heading', with its offsets."""

    kind: str
    start: int
    end: int


def split_blocks(text: str) -> list[Block]:
    """Cut an excerpt collection into citation, heading and excerpt blocks (in order).

    >>> t = 'Title line\\n“First quote. Two.”\\n\\n1. Doe J. T. J Med. 2001;1(2):3-4. PMID: 1.\\n'
    >>> [(b.kind, t[b.start:b.end]) for b in split_blocks(t)]  # doctest: +NORMALIZE_WHITESPACE
    [('heading', 'Title line'), ('excerpt', '“First quote. Two.”'),
     ('citation', '1. Doe J. T. J Med. 2001;1(2):3-4. PMID: 1.')]
    """
    blocks: list[Block] = []
    for region_kind, start, end in _regions(text):
        if region_kind == "citation":
            blocks.append(Block("citation", start, end))
        else:
            blocks.extend(_prose_blocks(text, start, end))
    return blocks


def _regions(text: str) -> list[tuple[str, int, int]]:
    """Paragraphs (split at blank lines, but never inside a quotation) labelled citation/prose."""
    paragraphs: list[tuple[int, int]] = []
    pos = 0
    in_quote = False
    para_start: int | None = None
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if not stripped:
            if para_start is not None and not in_quote:
                paragraphs.append((para_start, pos))
                para_start = None
        else:
            if para_start is None:
                para_start = pos + (len(line) - len(line.lstrip()))
            in_quote = _quote_state_after(line, in_quote)
        pos += len(line)
    if para_start is not None:
        paragraphs.append((para_start, pos))
    regions: list[tuple[str, int, int]] = []
    for start, end in paragraphs:
        end = start + len(text[start:end].rstrip())
        # a citation may follow a quotation on the next line without a blank line between
        lines = _line_spans(text, start, end)
        for i, (ls, _le) in enumerate(lines):
            rest = text[ls:end]
            if i > 0 and text[lines[i - 1][0]:lines[i - 1][1]].rstrip().endswith(tuple(_QUOTES)) \
                    and looks_like_citation(rest):
                regions.append(("prose", start, start + len(text[start:ls].rstrip())))
                regions.append(("citation", ls + len(rest) - len(rest.lstrip()), end))
                break
        else:
            kind = "citation" if looks_like_citation(text[start:end]) and text[start] not in _QUOTES \
                else "prose"
            regions.append((kind, start, end))
    return regions


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    pos = start
    for line in text[start:end].splitlines(keepends=True):
        spans.append((pos, pos + len(line)))
        pos += len(line)
    return spans


def _quote_state_after(line: str, in_quote: bool) -> bool:
    """Track whether a quotation is open after this line (a closing mark ends the line)."""
    stripped = line.strip()
    for i, ch in enumerate(stripped):
        if ch == _OPEN and not in_quote:
            in_quote = True
        elif ch in _QUOTES and in_quote and i > 0:
            # a closing mark: a quote char followed only by markers/space up to line end
            tail = stripped[i + 1:]
            if not tail or _TRAILING_MARKERS.fullmatch(tail) or tail[0] in " \t":
                in_quote = False
    return in_quote


def _prose_blocks(text: str, start: int, end: int) -> list[Block]:
    """Cut a prose region at quotation boundaries; keep a leading heading apart."""
    blocks: list[Block] = []
    pos = start
    while pos < end:
        while pos < end and text[pos].isspace():
            pos += 1
        if pos >= end:
            break
        if text[pos] == _OPEN:
            close = _closing_quote(text, pos, end)
            blocks.append(Block("excerpt", pos, close))
            pos = close
            continue
        nxt = text.find(_OPEN, pos, end)
        stop = end if nxt < 0 else nxt
        chunk = text[pos:stop].rstrip()
        line_end = text.find("\n", pos, stop)
        first_line = text[pos:line_end if line_end >= 0 else stop].strip()
        if not blocks and first_line and first_line == chunk.strip() and not first_line.endswith(
                (".", "!", "?", ")")) and len(first_line) < 160:
            blocks.append(Block("heading", pos, pos + len(chunk)))
        elif chunk.strip():
            blocks.append(Block("excerpt", pos, pos + len(chunk)))
        pos = stop
    return blocks


def _closing_quote(text: str, open_at: int, end: int) -> int:
    """End offset (exclusive) of a quotation opened at ``open_at``, with trailing markers."""
    i = open_at + 1
    while i < end:
        ch = text[i]
        if ch in _QUOTES:
            line_end = text.find("\n", i)
            line_end = end if line_end < 0 or line_end > end else line_end
            tail = text[i + 1:line_end]
            marker = _TRAILING_MARKERS.match(tail)
            rest = tail[marker.end():] if marker else tail
            if not rest.strip():
                stop = i + 1 + (marker.end() if marker else 0)
                return stop
        i += 1
    return end


def read_excerpt_collection(text: str, path: str, stem: str) -> list[Document]:
    """Documents (one per excerpt block) of an excerpt collection, attributed to sources.

    ``path`` names the file in errors and provenance; ``stem`` prefixes the document ids.
    """
    blocks = split_blocks(text)
    documents: list[Document] = []
    current: Citation | None = None
    title: str | None = None
    n = 0
    for block in blocks:
        chunk = text[block.start:block.end]
        if block.kind == "citation":
            current = parse_citation(chunk, note="the reference that precedes the excerpt")
            continue
        if block.kind == "heading":
            title = " ".join(chunk.split())
            continue
        n += 1
        source = current or Citation(note="no reference precedes this excerpt in the file")
        documents.append(Document(
            id=f"{stem}-e{n:02d}",
            text=chunk,
            origin=path,
            title=title,
            source=source,
            start=block.start,
            kind="excerpt",
        ))
        title = None
    return documents


def apply_attribution(documents: list[Document], attribution_path: Path) -> list[Document]:
    """Apply a curated attribution file (YAML) to excerpt documents.

    Format::

        overrides:
          - block: 7            # 1-based excerpt number in the file
            source: none        # 'none' (source not given in the text) or 'preceding'
            reason: "..."       # required: why the curator decided so

    Raises :class:`VocabularyError` naming the file and entry when malformed.
    """
    try:
        data = yaml.safe_load(attribution_path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else None
        raise VocabularyError(attribution_path, f"invalid YAML: {exc}", where) from exc
    out = list(documents)
    for i, entry in enumerate(data.get("overrides") or [], start=1):
        if not isinstance(entry, dict) or not {"block", "source", "reason"} <= entry.keys():
            raise VocabularyError(attribution_path, "an override needs block, source and reason",
                                  f"override {i}")
        block = entry["block"]
        if not isinstance(block, int) or not 1 <= block <= len(out):
            raise VocabularyError(attribution_path, f"no excerpt block {block!r} "
                                  f"(the file has {len(out)})", f"override {i}")
        doc = out[block - 1]
        if entry["source"] == "none":
            note = f"source not stated: {entry['reason']}"
            out[block - 1] = replace(doc, source=Citation(note=note))
        elif entry["source"] != "preceding":
            raise VocabularyError(attribution_path, "source must be 'none' or 'preceding'",
                                  f"override {i}")
    return out
