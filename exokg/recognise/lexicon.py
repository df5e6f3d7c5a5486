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
from functools import lru_cache
from itertools import compress
from typing import NamedTuple

from exokg.model import Entity, Mention

#: a token: letters and digits, or one other character that is neither a space nor a hyphen
#: (hyphens "-", "\u2010" and en dashes "\u2013" are dropped)
_TOKEN = re.compile(r"[A-Za-z0-9]+|[^\sA-Za-z0-9\-\u2010\u2013]")


class Token(NamedTuple):
    """A token and its offsets (a named tuple: made for every word of every sentence, and
    about three times cheaper to make than a frozen dataclass)."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` with their character offsets, hyphens dropped.

    >>> [t.text for t in tokenize("MSC-derived exosomes (IL)-6")]
    ['MSC', 'derived', 'exosomes', '(', 'IL', ')', '6']
    """
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


class TokenTable(NamedTuple):
    """The tokens of a text as :func:`tokenize` makes them, as parallel tuples: their
    texts, the same lower-cased, and their start and end offsets."""

    words: tuple[str, ...]
    lowered: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]


@lru_cache(maxsize=8)  # pure: the curated matcher and the gene-name table read one sentence
def token_table(text: str) -> TokenTable:
    """The tokens of ``text`` (see :func:`tokenize`) as a :class:`TokenTable`, made once for
    the last few texts asked about: the recognisers that tokenize a sentence this way share
    one scan of it.

    >>> token_table("MSC-derived (IL)-6").words
    ('MSC', 'derived', '(', 'IL', ')', '6')
    """
    matches = list(_TOKEN.finditer(text))
    words = tuple([m.group() for m in matches])
    return TokenTable(words, tuple([w.lower() for w in words]),
                      tuple([m.start() for m in matches]), tuple([m.end() for m in matches]))


@lru_cache(maxsize=1 << 14)  # pure; asked for the last word of every window tried
def _singulars(word: str) -> tuple[str, ...]:
    """The singular forms a plural ``word`` may have ("therapies" -> "therapy", "boxes" ->
    "box", "cells" -> "cell"), as written; none for a word that is no plural."""
    out = []
    lower = word.lower()
    if lower.endswith("ies") and len(word) > 4:
        out.append(word[:-3] + ("Y" if word[-3].isupper() else "y"))
    if lower.endswith(("ses", "xes", "ches", "shes")) and len(word) > 4:
        out.append(word[:-2])
    if lower.endswith("s") and not lower.endswith("ss") and len(word) > 2:
        out.append(word[:-1])
    return tuple(out)


class LexiconMatcher:
    """Longest-match dictionary matcher over (surface text, entity, case-sensitive) terms.

    Besides the two term tables (exact and case-folded token tuples) it keeps a token trie
    of each, so :meth:`find` tries at a position only the window lengths some term could
    still reach from there (usually one or two), not every length up to the longest term.
    """

    def __init__(self, terms: Iterable[tuple[str, Entity, bool]]) -> None:
        self._exact: dict[tuple[str, ...], Entity] = {}
        self._folded: dict[tuple[str, ...], Entity] = {}
        self._exact_trie: dict[str, dict] = {}
        self._folded_trie: dict[str, dict] = {}
        self._longest = 1
        for text, entity, case_sensitive in terms:
            key = tuple(t.text for t in tokenize(text))
            if not key:
                continue
            self._longest = max(self._longest, len(key))
            if case_sensitive:
                self._exact.setdefault(key, entity)
                _insert(self._exact_trie, key)
            else:
                folded = tuple(k.lower() for k in key)
                self._folded.setdefault(folded, entity)
                _insert(self._folded_trie, folded)
        #: the first words of all terms, lower-cased
        self._roots = frozenset(w.lower() for w in self._exact_trie) | frozenset(
            self._folded_trie)
        #: whether a word may start a term (see :meth:`_may_start`), remembered for the
        #: most recent words: asked for every word of every sentence
        self._starts = lru_cache(maxsize=1 << 16)(self._may_start)

    def __getstate__(self) -> dict[str, object]:
        """Pickled without the remembered answers (a cache of a bound method does not
        pickle: a dask worker receives the recogniser); :meth:`__setstate__` starts anew."""
        state = self.__dict__.copy()
        del state["_starts"]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._starts = lru_cache(maxsize=1 << 16)(self._may_start)

    def _may_start(self, word: str) -> bool:
        """Whether a term can start at ``word``: it starts one (exactly or case-folded), or
        is a plural whose singular may (the forms :func:`_singulars` makes, lower-cased)."""
        low = word.lower()
        roots = self._roots
        return word in self._exact_trie or low in self._folded_trie or (
            low.endswith("s") and (low[:-1] in roots or low[:-2] in roots
                                   or low[:-3] + "y" in roots))

    @classmethod
    def from_vocabulary(cls, vocabulary: object) -> LexiconMatcher:
        """Build from an :class:`exokg.vocabulary.Vocabulary` (its ``terms()``)."""
        return cls((t.text, t.entity, t.case_sensitive) for t in vocabulary.terms())  # type: ignore[attr-defined]

    def _lookup(self, words: list[str], lowered: list[str]) -> Entity | None:
        """The entity of the token window ``words`` (``lowered``: the same, lower-cased):
        an exact term, then a case-folded one, then either with the last word singular."""
        hit = self._exact.get(tuple(words))
        if hit is not None:
            return hit
        hit = self._folded.get(tuple(lowered))
        if hit is not None:
            return hit
        for singular in _singulars(words[-1]):
            hit = self._exact.get((*words[:-1], singular)) or \
                self._folded.get((*lowered[:-1], singular.lower()))
            if hit is not None:
                return hit
        return None

    def _reach(self, words: list[str], lowered: list[str], i: int, limit: int) -> int:
        """The longest window from token ``i`` (at most ``limit`` tokens) that a term could
        match: every token but the last must follow a path of one of the tries (the last
        may be a plural, so it is not required to). 0 when none can: the word starts no
        term and, not ending in "s", has no singular that could."""
        reach = 0
        for trie, seq in ((self._exact_trie, words), (self._folded_trie, lowered)):
            node, depth = trie, 0
            while depth < limit - 1:
                node = node.get(seq[i + depth])  # type: ignore[assignment]
                if node is None:
                    break
                depth += 1
            if depth or seq[i] in trie:
                reach = max(reach, depth + 1)
        if not reach and lowered[i].endswith("s"):  # a one-word plural (see find)
            reach = 1
        return min(reach, limit)

    def find(self, text: str) -> list[Mention]:
        """Mentions of vocabulary entities in ``text`` (offsets into ``text``)."""
        words, lowered, starts, ends = token_table(text)
        # where a term can start (a remembered answer per word, read without a Python call)
        candidates = list(compress(range(len(words)), map(self._starts, words)))
        if not candidates:
            return []
        count = len(words)
        mentions: list[Mention] = []
        free = 0  # the first token not inside a match
        for i in candidates:
            if i < free:
                continue
            for n in range(self._reach(words, lowered, i, min(self._longest, count - i)),
                           0, -1):
                # a term never spans a sentence-internal gap of more than one space
                if any(starts[k + 1] - ends[k] > 2 for k in range(i, i + n - 1)):
                    continue
                entity = self._lookup(words[i:i + n], lowered[i:i + n])
                if entity is not None and _boundary_ok(text, starts[i], ends[i + n - 1]):
                    start, end = starts[i], ends[i + n - 1]
                    mentions.append(Mention(entity, start, end, text[start:end], "lexicon"))
                    free = i + n
                    break
        return mentions


def _insert(trie: dict[str, dict], key: tuple[str, ...]) -> None:
    """Add the token path ``key`` to ``trie`` (nested dicts, one level per token)."""
    node = trie
    for word in key:
        node = node.setdefault(word, {})


def _boundary_ok(text: str, start: int, end: int) -> bool:
    """Reject matches glued to letters (a token boundary inside a word)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())
