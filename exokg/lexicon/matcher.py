"""The compiled lexicon: find mentions in text, look entities up by id or name.

A :class:`Lexicon` is opened from a folder written by
:func:`exokg.lexicon.compile.compile_records`. Matching writes the text's comparison
tokens (:mod:`exokg.lexicon.normalise`) two characters per token, as the compiler wrote the
keys, runs the automaton over that, keeps hits that are not glued to letters or digits in
the original text
("IL6" in "IL6R" is not IL6), checks each candidate's conditions (case form, gene context,
no all-capitals match of a common word) and keeps the longest, leftmost hits without
overlap.
"""

from __future__ import annotations

import os
import pickle
import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from exokg.errors import InputError, LexiconMissingError
from exokg.lexicon.compile import (
    AUTOMATON_FILE,
    CASE_RELAXED,
    MAX_KEY_TOKENS,
    NEEDS_GENE_CONTEXT,
    NO_SPACE,
    UNKNOWN_TOKEN,
    WORD_CASE_INSENSITIVE,
    token_chars,
)
from exokg.lexicon.normalise import fold, key, tokens
from exokg.model import Entity, Mention

__all__ = ["Lexicon", "LexiconInfo", "MENTION_SOURCE"]

#: ``Mention.source`` of the open lexicon's mentions.
MENTION_SOURCE = "ontology"
_CONTEXT_WINDOW = 3


@dataclass(frozen=True)
class LexiconInfo:
    """What a compiled lexicon is: its version key, source versions and counts."""

    path: Path
    version: str
    sources: dict[str, str]
    counts: dict[str, int]


def _gene_words() -> frozenset[str]:
    text = files("exokg").joinpath("resources", "lexicon", "gene-context.txt").read_text(
        encoding="utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


class Lexicon:
    """A compiled open-vocabulary lexicon (read-only; safe to share between threads)."""

    def __init__(self, path: Path) -> None:
        """Open the lexicon in folder ``path``.

        Raises :class:`LexiconMissingError` for a folder an earlier compiler wrote (so the
        recogniser's ``auto`` mode warns and goes on without it) and :class:`InputError`
        naming the file when a part is missing or unreadable."""
        self.path = path
        pickled = path / AUTOMATON_FILE
        database = path / "lexicon.sqlite"
        if not pickled.is_file() and (path / "automaton.pickle").is_file():
            raise LexiconMissingError(str(path), "compiled by an earlier exokg (lexicon 2, "
                                      "a character automaton): run `exokg lexicon build`")
        for part in (pickled, database):
            if not part.is_file():
                raise InputError(str(part), "lexicon file missing: rebuild with "
                                            "`exokg lexicon build`")
        try:
            with pickled.open("rb") as f:
                token_list, self._automaton = pickle.load(f)
            #: comparison token -> the character the automaton's keys write it as
            self._codes = {t: token_chars(i) for i, t in enumerate(token_list)}
            del token_list
            self._database = database
            self._pid = os.getpid()
            self._connection = self._connect()
            meta = dict(self._connection.execute("SELECT name, value FROM meta"))
        except (OSError, pickle.UnpicklingError, sqlite3.Error, EOFError, ValueError,
                TypeError, AttributeError) as err:
            raise InputError(str(path), f"cannot read the lexicon ({err}): rebuild it with "
                                        "`exokg lexicon build --force`") from err
        import json
        self.info = LexiconInfo(path, meta.get("version", "?"),
                                json.loads(meta.get("sources", "{}")),
                                json.loads(meta.get("counts", "{}")))
        self._gene_words = _gene_words()
        self._entity = lru_cache(maxsize=65536)(self._load_entity)
        self._candidates = lru_cache(maxsize=65536)(self._load_candidates)
        #: a token of text -> its code in the automaton's keys, remembered for the most
        #: recent 65,536 distinct tokens (a few MB): the words of a field recur sentence
        #: after sentence, and a remembered code is read without a Python call
        self._code = lru_cache(maxsize=1 << 16)(self._token_code)

    def __reduce__(self) -> tuple[type[Lexicon], tuple[Path]]:
        """Pickled as its folder: the receiving process (a dask worker, a spawned worker)
        opens the lexicon itself, since a database connection cannot travel."""
        return (Lexicon, (self.path,))

    @property
    def version(self) -> str:
        """The lexicon version key (compiler version + hash of sources and rules)."""
        return self.info.version

    def close(self) -> None:
        """Close the database (the lexicon is unusable afterwards)."""
        self._connection.close()

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(f"file:{self._database}?mode=ro", uri=True,
                               check_same_thread=False)

    @property
    def _db(self) -> sqlite3.Connection:
        """The database connection of this process (a forked child opens its own: an
        SQLite connection must not cross a fork)."""
        if os.getpid() != self._pid:
            self._pid, self._connection = os.getpid(), self._connect()
        return self._connection

    # -- look-up --------------------------------------------------------------------------

    def _load_entity(self, idx: int) -> Entity:
        row = self._db.execute("SELECT id, label, category, xrefs FROM entity WHERE idx = ?",
                               (idx,)).fetchone()
        curie, label, category, xrefs = row
        return Entity(curie, label, category, xrefs=tuple(xrefs.split()) if xrefs else ())

    def _load_candidates(self, key_id: int) -> tuple[tuple[int, str, int], ...]:
        return tuple(self._db.execute(
            "SELECT idx, case_form, flags FROM candidate WHERE key_id = ? ORDER BY pos",
            (key_id,)))

    def entity(self, curie: str) -> Entity | None:
        """The entity with identifier ``curie`` (``NCBIGene:3569``), or None."""
        row = self._db.execute("SELECT idx FROM entity WHERE id = ?", (curie,)).fetchone()
        return self._entity(row[0]) if row else None

    def lookup(self, name: str) -> list[Entity]:
        """Entities one of whose names has the comparison key of ``name`` (case and
        hyphens ignored), best candidate first (the order the matcher tries them)."""
        name_key = key(name)
        found = self._automaton.get(self._coded(name_key.split(" ")), None)
        if found is not None:
            indices = [c[0] for c in self._candidates(found // (MAX_KEY_TOKENS + 1))]
        else:  # a name too long to be matched in text
            indices = [row[0] for row in self._db.execute(
                "SELECT DISTINCT idx FROM name WHERE key = ? ORDER BY idx", (name_key,))]
        out: list[Entity] = []
        for idx in indices:
            entity = self._entity(idx)
            if entity not in out:
                out.append(entity)
        return out

    def candidates(self, name: str) -> list[tuple[Entity, str, int]]:
        """What the matcher would consider for ``name`` (compared by key: case and hyphens
        ignored), best first: each candidate's entity, the case form it must be written in
        (``""`` for a case-insensitive name) and its flags (:data:`CASE_RELAXED`,
        :data:`NEEDS_GENE_CONTEXT`, ...). Empty for a name that is not matched in text
        (unknown, or dropped by the compiler's ambiguity rules)."""
        found = self._automaton.get(self._coded(key(name).split(" ")), None)
        if found is None:
            return []
        return [(self._entity(idx), case, flags)
                for idx, case, flags in self._candidates(found // (MAX_KEY_TOKENS + 1))]

    def _token_code(self, token: str) -> str:
        """The automaton's code of a token of text (its :func:`fold`), or
        :data:`UNKNOWN_TOKEN`."""
        return self._codes.get(fold(token), UNKNOWN_TOKEN)

    def _coded(self, parts: list[str]) -> str:
        """Comparison tokens (:func:`exokg.lexicon.normalise.fold`) written as the
        automaton's keys are: two characters per token, :data:`UNKNOWN_TOKEN` for a token
        no matched key has."""
        codes = self._codes
        return "".join([codes.get(p, UNKNOWN_TOKEN) for p in parts])

    # -- matching -------------------------------------------------------------------------

    def find(self, text: str) -> list[Mention]:
        """Mentions of lexicon entities in ``text`` (offsets into ``text``), longest and
        leftmost first, without overlap, in text order; ``source`` is ``"ontology"``."""
        words, spans = _text_tokens(text)
        if not words:
            return []
        coded = "".join(map(self._code, words))
        hits: list[tuple[int, int, int]] = []  # (first token, last token, key id)
        # two characters per token: a hit ending at character ``end`` (a token's low
        # character) of ``length`` tokens covers exactly tokens first..last
        width = MAX_KEY_TOKENS + 1
        for end, value in self._automaton.iter(coded):
            last = end // 2
            hits.append((last - value % width + 1, last, value // width))
        # longest leftmost first; a hit inside one already taken is passed over before its
        # candidates are read (whether it would have been chosen cannot matter then)
        hits.sort(key=lambda h: (h[0], h[0] - h[1]))
        mentions: list[Mention] = []
        taken = -1
        for first, last, key_id in hits:
            start, end = spans[first][0], spans[last][1]
            if first <= taken or _glued(text, start, end):
                continue
            idx = self._choose(text, words, start, end, first, last,
                               self._candidates(key_id))
            if idx is None:
                continue
            taken = last
            mentions.append(Mention(self._entity(idx), start, end, text[start:end],
                                    MENTION_SOURCE))
        return mentions

    def _choose(self, text: str, words: list[str], start: int, end: int, first: int,
                last: int, candidates: tuple[tuple[int, str, int], ...]) -> int | None:
        """The entity index of the first candidate the hit of tokens ``first..last``
        (``words``; characters ``start:end`` of ``text``) satisfies, or None."""
        surface = None
        # re's \s is str.isspace (both Py_UNICODE_ISSPACE); one search, no generator per hit
        spaced = _SPACE.search(text, start, end) is not None
        for idx, case, flags in candidates:
            if spaced and flags & NO_SPACE:
                continue
            if case:
                if surface is None:
                    surface = "".join(words[first:last + 1])
                if surface != case and not (
                        flags & CASE_RELAXED and surface.casefold() == case.casefold()
                        and (not surface.islower() or any(c.isdigit() for c in surface))):
                    continue
            elif flags & WORD_CASE_INSENSITIVE:
                word = text[start:end]
                if word.isupper() and len(word) <= 6:
                    continue
            if flags & NEEDS_GENE_CONTEXT and not self._gene_context(words, first, last):
                continue
            return idx
        return None

    def _gene_context(self, words: list[str], first: int, last: int) -> bool:
        lo, hi = max(0, first - _CONTEXT_WINDOW), min(len(words), last + 1 + _CONTEXT_WINDOW)
        return any(words[i].casefold() in self._gene_words
                   for i in range(lo, hi) if not first <= i <= last)


#: :data:`exokg.lexicon.normalise._RUN` without the dashes the tokenizer drops
_RUN_NO_DASH = re.compile(r"[A-Za-z]+|[0-9]+|[^\sA-Za-z0-9\-\u2010-\u2014]")
#: what only the full tokenizer handles: apostrophes (a possessive "s") and Greek letters
_SPACE = re.compile(r"\s")
_SPECIAL = re.compile("['\u2019\u2032\u0370-\u03ff]")


def _text_tokens(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The tokens :func:`exokg.lexicon.normalise.tokens` gives for ``text`` (the names of the
    lexicon were keyed with it), as their texts and their (start, end) offsets. Text without
    apostrophes or Greek letters, most of it, needs none of its special cases: one regular
    expression that skips dashes gives the same tokens (``tests/test_lexicon_matcher.py``
    compares the two), its texts found by ``findall`` and its spans by ``Match.span``
    without a token object per word."""
    if _SPECIAL.search(text):
        toks = tokens(text)
        return [t.text for t in toks], [(t.start, t.end) for t in toks]
    return _RUN_NO_DASH.findall(text), [m.span() for m in _RUN_NO_DASH.finditer(text)]


def _glued(text: str, start: int, end: int) -> bool:
    """True when the hit ``text[start:end]`` continues a word of the text on either side."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return (before.isalnum() and text[start].isalnum()) or \
        (after.isalnum() and text[end - 1].isalnum())
