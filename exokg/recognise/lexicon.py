"""Dictionary matching of vocabulary terms in sentence text.

Terms and text are compared token by token: a token is a run of letters and digits or one
other non-space character; hyphens are ignored on both sides ("cell-therapy" = "cell
therapy", "IL-6" = "IL 6"). Synonyms match case-insensitively, abbreviations with their case.
The last token may carry an English plural ("exosomes", "MSCs", "therapies"). The longest
match wins; matches never overlap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from exokg.model import Entity, Mention

_TOKEN = re.compile(r"[A-Za-z0-9]+|[^\sA-Za-z0-9]")
_SKIP = {"-", "‐", "–"}


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` with their character offsets, hyphens dropped.

    >>> [t.text for t in tokenize("MSC-derived exosomes (IL)-6")]
    ['MSC', 'derived', 'exosomes', '(', 'IL', ')', '6']
    """
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)
            if m.group() not in _SKIP]


def _singulars(word: str) -> list[str]:
    out = []
    lower = word.lower()
    if lower.endswith("ies") and len(word) > 4:
        out.append(word[:-3] + ("Y" if word[-3].isupper() else "y"))
    if lower.endswith(("ses", "xes", "ches", "shes")) and len(word) > 4:
        out.append(word[:-2])
    if lower.endswith("s") and not lower.endswith("ss") and len(word) > 2:
        out.append(word[:-1])
    return out


class LexiconMatcher:
    """Longest-match dictionary matcher over (surface text, entity, case-sensitive) terms."""

    def __init__(self, terms: Iterable[tuple[str, Entity, bool]]) -> None:
        self._exact: dict[tuple[str, ...], Entity] = {}
        self._folded: dict[tuple[str, ...], Entity] = {}
        self._longest = 1
        for text, entity, case_sensitive in terms:
            key = tuple(t.text for t in tokenize(text))
            if not key:
                continue
            self._longest = max(self._longest, len(key))
            if case_sensitive:
                self._exact.setdefault(key, entity)
            else:
                self._folded.setdefault(tuple(k.lower() for k in key), entity)

    @classmethod
    def from_vocabulary(cls, vocabulary: object) -> LexiconMatcher:
        """Build from an :class:`exokg.vocabulary.Vocabulary` (its ``terms()``)."""
        return cls((t.text, t.entity, t.case_sensitive) for t in vocabulary.terms())  # type: ignore[attr-defined]

    def _lookup(self, words: list[str]) -> Entity | None:
        key = tuple(words)
        hit = self._exact.get(key)
        if hit is not None:
            return hit
        hit = self._folded.get(tuple(w.lower() for w in words))
        if hit is not None:
            return hit
        for singular in _singulars(words[-1]):
            alt = words[:-1] + [singular]
            hit = self._exact.get(tuple(alt)) or self._folded.get(tuple(w.lower() for w in alt))
            if hit is not None:
                return hit
        return None

    def find(self, text: str) -> list[Mention]:
        """Mentions of vocabulary entities in ``text`` (offsets into ``text``)."""
        tokens = tokenize(text)
        mentions: list[Mention] = []
        i = 0
        while i < len(tokens):
            found = None
            for n in range(min(self._longest, len(tokens) - i), 0, -1):
                window = tokens[i:i + n]
                # a term never spans a sentence-internal gap of more than one space
                if any(window[k + 1].start - window[k].end > 2 for k in range(n - 1)):
                    continue
                entity = self._lookup([t.text for t in window])
                if entity is not None and _boundary_ok(text, window[0].start, window[-1].end):
                    found = (entity, n)
                    break
            if found:
                entity, n = found
                start, end = tokens[i].start, tokens[i + n - 1].end
                mentions.append(Mention(entity, start, end, text[start:end], "lexicon"))
                i += n
            else:
                i += 1
        return mentions


def _boundary_ok(text: str, start: int, end: int) -> bool:
    """Reject matches glued to letters (a token boundary inside a word)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())
