"""Split a document into sentences with exact offsets into its original text.

:func:`segment` normalises the text (:mod:`exokg.text.normalise`), finds citation markers
(:mod:`exokg.text.citations`) and cuts the normalised text where one of these rules fires:

1. Terminal punctuation. "." "!" or "?" followed (after any closing quotes/brackets and any
   citation markers glued to it or bracketed after one space: "angiogenesis163.",
   "(119).\\"", "stroke. [12]") by whitespace or the end, when the next word can start a
   sentence: an uppercase letter, a digit, or a lowercase token holding an uppercase letter
   or digit ("miR-126", "p53", "mRNA"), possibly behind opening quotes or brackets. No cut
   after an abbreviation ("et al.", "e.g.", "i.e.", "vs.", "Fig.", "Dr.", "approx.",
   "No.", ... see ``ABBREVIATIONS``), a single letter or dotted initials ("Chopp M.",
   "U.S."), or a list number opening the sentence ("2. Chen J, ..."); a dotted route
   ("i.v.", "i.p.", "s.c.") followed by a capitalised word does end the sentence. A period inside a
   number ("0.01") or a citation marker is never a cut.
2. Citation marker without a period. A marker followed by a space and a capitalised word
   ("ischemia [23] The finding ...") ends the sentence.
3. Line structure (read from the original text behind each collapsed space). An opening
   double quote after a line break and before an uppercase or mixed-case word starts a new
   sentence (a new quoted excerpt, "...stroke\\n“The most recent ..."); so does an
   uppercase word after a blank line when the previous line ends in neither a lowercase
   letter nor ",;:(-/" ("...00082\\n\\nMesenchymal ...").

4. Document structure. A title is a sentence of its own: the ``title`` field of a built
   record (PubMed XML) ends one, each abstract ``section`` field starts one, and a first
   line that repeats the document's title (front matter ``title:``, optionally written as a
   Markdown heading "# Title") ends there; so does any Markdown heading line ("## Methods").

Semicolons, colons and list enumerators ("1) low ...; 2) no ...") never cut. Each piece is
then trimmed: surrounding whitespace; a lone quote mark; a stray period after the end
("[20]. ." keeps "[20]."); a block's opening quote when the sentence holds an odd number of
quotes or only markers follow its closing quote; a closing quote at the end when the count
is odd. Pieces without any letter or digit are dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from exokg.model import CitationMarker, Document, Sentence, Span
from exokg.text.citations import find_citations
from exokg.text.normalise import normalise

ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "al", "e.g", "i.e", "eg", "ie", "vs", "viz", "cf", "ca", "approx", "appr", "fig",
        "figs", "no", "nos", "eq", "eqs", "ref", "refs", "tab", "vol", "vols", "pp", "dr",
        "drs", "prof", "mr", "mrs", "ms", "st", "inc", "ltd", "corp", "resp", "sp", "spp",
        "var", "suppl", "ed", "eds", "est", "dept", "univ", "jr", "sr",
    }
)
_CLOSERS = "\"')]"
_OPENERS = "\"'(["
_DOTTED_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")
_TITLE_WORD = re.compile(r" [A-Z][a-z]")
_NO_LINE_CUT_AFTER = ",;:(-/"
_TOKEN = re.compile(r"\S+")
# Dotted route abbreviations end a sentence when a capitalised word follows ("given i.v. Then").
ROUTE_ABBREVIATIONS: frozenset[str] = frozenset(
    {"i.v", "i.p", "i.c.v", "i.a", "i.m", "i.n", "i.t", "s.c", "p.o"}
)
_TITLE_AHEAD = re.compile(r"\s+[\"'(\[]?[A-Z][a-z]")


def segment(document: Document) -> list[Sentence]:
    """Split ``document`` into sentences.

    Takes a :class:`~exokg.model.Document`; returns its sentences in order, indexed from 0.
    Each ``span`` slices ``document.text`` exactly to the sentence; ``text`` is the
    normalised sentence, ``offsets[i]`` the original offset of ``text[i]``; ``citations``
    holds the markers inside the sentence with spans relative to ``text``. Never raises.

    >>> doc = Document("d", "Xin et al. showed it (Fig. 2) [27]. miR-\\n133b rose\\n"
    ...                "(p < 0.01). It was ische- mia163.", "example")
    >>> for s in segment(doc):
    ...     print(s.index, s.text, [c.refs for c in s.citations])
    0 Xin et al. showed it (Fig. 2) [27]. [('27',)]
    1 miR-133b rose (p < 0.01). []
    2 It was ischemia163. [('163',)]
    >>> s = segment(doc)[1]
    >>> doc.text[s.span.start : s.span.end]
    'miR-\\n133b rose\\n(p < 0.01).'
    """
    ctx = _Context.build(document.text)
    sentences: list[Sentence] = []
    start = 0
    structure = {c for c in _structure_cuts(document, ctx) if 0 < c < len(ctx.text)}
    for cut in [*sorted(set(_cuts(ctx)) | structure), len(ctx.text)]:
        s, e = _trim(ctx, start, cut)
        start = cut
        if any(c.isalnum() for c in ctx.text[s:e]):
            sentences.append(_sentence(ctx, document.id, len(sentences), s, e))
    return sentences


@dataclass(frozen=True)
class _Context:
    """The normalised text of one document with what the rules look up in it."""

    text: str
    offsets: tuple[int, ...]
    original: str
    markers: tuple[CitationMarker, ...]
    starts: tuple[int, ...]  # marker starts, sorted
    owner: tuple[int, ...]  # per character: 1 + index of the marker covering it, or 0

    @classmethod
    def build(cls, original: str) -> _Context:
        text, offsets = normalise(original)
        markers = find_citations(text)
        owner = [0] * len(text)
        for number, marker in enumerate(markers, start=1):
            owner[marker.span.start : marker.span.end] = [number] * len(marker.text)
        starts = tuple(m.span.start for m in markers)
        return cls(text, offsets, original, markers, starts, tuple(owner))

    def marker_at(self, position: int) -> CitationMarker | None:
        """The marker starting exactly at ``position``, if any."""
        i = bisect_left(self.starts, position)
        return self.markers[i] if i < len(self.starts) and self.starts[i] == position else None

    def strictly_inside(self, position: int) -> bool:
        """True when ``position`` falls between two characters of one marker."""
        if not 0 < position < len(self.text):
            return False
        return self.owner[position] != 0 and self.owner[position] == self.owner[position - 1]


def _sentence(ctx: _Context, document_id: str, index: int, s: int, e: int) -> Sentence:
    inside = []
    for marker in ctx.markers[bisect_left(ctx.starts, s) :]:
        if marker.span.start >= e:
            break
        if marker.span.end <= e:
            span = Span(marker.span.start - s, marker.span.end - s)
            inside.append(CitationMarker(marker.text, span, marker.refs, marker.style))
    return Sentence(
        document_id=document_id,
        index=index,
        span=Span(ctx.offsets[s], ctx.offsets[e - 1] + 1),
        text=ctx.text[s:e],
        offsets=ctx.offsets[s:e],
        citations=tuple(inside),
    )


_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+\S[^\n]*$", re.M)


def _squash_title(text: str) -> str:
    return " ".join(text.strip().lstrip("#").split()).rstrip(".").casefold()


def _structure_cuts(document: Document, ctx: _Context) -> set[int]:
    """Rule 4: cuts (normalised positions) after a title and around headings and sections."""
    original = document.text
    ends: set[int] = set()
    for f in document.fields:
        if f.name == "title":
            ends.add(f.end)
        elif f.name == "section":
            ends.add(f.start)
    for m in _HEADING.finditer(original):
        ends.update((m.start(), m.end()))
    if document.title and not any(f.name == "title" for f in document.fields):
        first = re.match(r"\s*([^\n]+)", original)
        if first and _squash_title(first.group(1)) == _squash_title(document.title):
            ends.add(first.end(1))
    return {bisect_left(ctx.offsets, o) for o in ends}


def _cuts(ctx: _Context) -> list[int]:
    """Positions (in normalised text) where one sentence ends and the next may begin."""
    text = ctx.text
    fixed = _marker_cuts(ctx) | _line_cuts(ctx)
    punctuation = _punctuation_cuts(ctx)
    cuts: list[int] = []
    for position in sorted(fixed | set(punctuation)):
        token_start = punctuation.get(position)
        if token_start is not None and position not in fixed:
            sentence_start = _skip(text, cuts[-1] if cuts else 0, " " + _OPENERS)
            if token_start == sentence_start and _is_list_number(text, token_start):
                continue
        if not ctx.strictly_inside(position):
            cuts.append(position)
    return cuts


# a full stop with the space after it lost ("was studied.When compared with ..."), as copies
# of abstracts from web pages have it: a lower-case word before, a capitalised word after
_GLUED_END = re.compile(r"[a-z]{3,}")
_GLUED_START = re.compile(r"[A-Z][a-z]{2,}\b")


def _punctuation_cuts(ctx: _Context) -> dict[int, int]:
    """Rule 1: cut position -> start of the token the terminal punctuation ends."""
    text = ctx.text
    cuts: dict[int, int] = {}
    for match in re.finditer(r"[.!?]", text):
        p = match.start()
        if ctx.owner[p]:
            continue
        end = _extend_over_closers(ctx, p + 1)
        token_start = _token_start(text, p)
        if end < len(text) and not text[end].isspace() and not (
                end == p + 1 and _GLUED_END.fullmatch(text, token_start, p)
                and _GLUED_START.match(text, end)):
            continue
        token = text[token_start:p]
        if not _can_start(text, end):
            continue
        if _is_abbreviation(token) and not (
            token.lower() in ROUTE_ABBREVIATIONS and _TITLE_AHEAD.match(text, end)
        ):
            continue
        cuts.setdefault(end, token_start)
    return cuts


def _extend_over_closers(ctx: _Context, j: int) -> int:
    text = ctx.text
    while True:
        while j < len(text) and text[j] in _CLOSERS:
            j += 1
        glued = ctx.marker_at(j)
        if glued is not None:
            j = glued.span.end
            continue
        spaced = ctx.marker_at(j + 1) if j < len(text) and text[j] == " " else None
        if spaced is not None and spaced.style == "numeric" and spaced.text[0] in "[(":
            j = spaced.span.end
            continue
        return j


def _token_start(text: str, end: int) -> int:
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return start


def _is_abbreviation(token: str) -> bool:
    token = token.lstrip(_OPENERS)
    if not token:
        return False
    return token.lower() in ABBREVIATIONS or _DOTTED_INITIALS.fullmatch(token) is not None


def _is_list_number(text: str, start: int) -> bool:
    end = start
    while end < len(text) and text[end].isdigit():
        end += 1
    return 0 < end - start <= 3 and end < len(text) and text[end] in ".)"


def _can_start(text: str, j: int) -> bool:
    """True when the text after position ``j`` can open a sentence (or is empty)."""
    k = _skip(text, j, " " + _OPENERS)
    if k >= len(text):
        return True
    return text[k].isupper() or text[k].isdigit() or _mixed_case(text, k)


def _mixed_case(text: str, k: int) -> bool:
    if not text[k].islower():
        return False
    token = _TOKEN.match(text, k)
    return token is not None and any(c.isupper() or c.isdigit() for c in token.group())


def _skip(text: str, j: int, chars: str) -> int:
    while j < len(text) and (text[j] in chars or text[j].isspace()):
        j += 1
    return j


def _marker_cuts(ctx: _Context) -> set[int]:
    """Rule 2: a marker followed by a capitalised word ends the sentence."""
    return {m.span.end for m in ctx.markers if _TITLE_WORD.match(ctx.text, m.span.end)}


def _line_cuts(ctx: _Context) -> set[int]:
    """Rule 3: cuts at collapsed line breaks before a new quoted excerpt or paragraph."""
    text, offsets, original = ctx.text, ctx.offsets, ctx.original
    cuts: set[int] = set()
    # the spaces whose original characters hold a line break, found from the line breaks
    # (a few per document) rather than by counting in the original at every space
    spaces = {bisect_right(offsets, m.start()) - 1 for m in re.finditer("\n", original)}
    for j in sorted(spaces):
        if j < 0 or text[j] != " ":
            continue
        if j == 0 or j + 1 >= len(text) or text[j - 1] in _NO_LINE_CUT_AFTER:
            continue
        newlines = original.count("\n", offsets[j], offsets[j + 1])
        if newlines == 0:
            continue
        nxt = j + 1
        if text[nxt] == '"' and original[offsets[nxt]] != "\u201d":
            if nxt + 1 < len(text) and (text[nxt + 1].isupper() or _mixed_case(text, nxt + 1)):
                cuts.add(j)
        elif newlines >= 2 and text[nxt].isupper() and not text[j - 1].islower():
            cuts.add(j)
    return cuts


def _trim(ctx: _Context, s: int, e: int) -> tuple[int, int]:
    """Trim whitespace, lone or block quote marks and stray periods from [s, e)."""
    text = ctx.text
    while True:
        before = (s, e)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e and text[s] == '"' and (s + 1 == e or text[s + 1].isspace()):
            s += 1
        elif s < e and text[e - 1] == '"' and (e - 1 == s or text[e - 2].isspace()):
            e -= 1
        elif e - s >= 3 and text[e - 2 : e] == " ." and text[e - 3] in ".!?" + _CLOSERS:
            e -= 2
        else:
            s, e = _trim_block_quotes(ctx, s, e)
        if (s, e) == before:
            return s, e


def _trim_block_quotes(ctx: _Context, s: int, e: int) -> tuple[int, int]:
    text, offsets, original = ctx.text, ctx.offsets, ctx.original
    if text.find('"', s, e) < 0:  # most sentences quote nothing: no walk over their characters
        return s, e
    quotes = [i for i in range(s, e) if text[i] == '"']
    if quotes and quotes[0] == s and original[offsets[s]] != "\u201d":
        wraps = len(quotes) == 2 and _only_markers(ctx, quotes[1] + 1, e)
        if len(quotes) % 2 == 1 or wraps:
            if wraps and quotes[1] == e - 1:
                return s + 1, e - 1
            return s + 1, e
    if quotes and quotes[-1] == e - 1 and len(quotes) % 2 == 1:
        if original[offsets[e - 1]] != "\u201c":
            return s, e - 1
    return s, e


def _only_markers(ctx: _Context, a: int, e: int) -> bool:
    """True when [a, e) holds nothing but citation markers, spaces and punctuation."""
    return all(ctx.text[i] in " .,;:" or ctx.owner[i] for i in range(a, e))


#: Longest sentence (characters of normalised text) the recognition and extraction stages
#: analyse whole; their cost grows with the square of a sentence's length (every mention is
#: compared with every other), so a longer "sentence" (a table flattened into one line, a
#: text without full stops, an embedded image) is analysed in pieces of at most this size,
#: cut at spaces. Claims never span such a cut.
MAX_SENTENCE_CHARS = 2000


def split_long_sentences(sentences: Sequence[Sentence], limit: int = MAX_SENTENCE_CHARS
                         ) -> tuple[list[Sentence], int]:
    """Cut sentences longer than ``limit`` characters into pieces (at the last space before
    the limit, or at the limit in a long token), keeping every offset and citation of the
    pieces exact. Returns the sentences, renumbered from 0, and how many were cut.

    >>> doc = Document("d", "one two three four five six", "example")
    >>> pieces, cut = split_long_sentences(segment(doc), limit=10)
    >>> [(s.text, doc.text[s.span.start:s.span.end]) for s in pieces][:2], cut
    ([('one two', 'one two'), ('three four', 'three four')], 1)
    """
    result: list[Sentence] = []
    cut = 0
    for sentence in sentences:
        text = sentence.text
        if len(text) <= limit:
            result.append(sentence)
            continue
        cut += 1
        start = 0
        while start < len(text):
            end = min(start + limit, len(text))
            if end < len(text):
                space = text.rfind(" ", start + 1, end + 1)
                if space > start:
                    end = space
            if end > start:
                offsets = sentence.offsets[start:end]
                citations = tuple(
                    replace(c, span=Span(c.span.start - start, c.span.end - start))
                    for c in sentence.citations if c.span.start >= start and c.span.end <= end)
                result.append(Sentence(sentence.document_id, 0,
                                       Span(offsets[0], offsets[-1] + 1), text[start:end],
                                       tuple(offsets), citations))
            start = end + 1 if end < len(text) and text[end] == " " else end
    renumbered = [s if s.index == i else replace(s, index=i) for i, s in enumerate(result)]
    return renumbered, cut
