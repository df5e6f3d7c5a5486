"""Cheap keyword tests that say when a regular expression cannot match a text.

Most extraction rules scan every sentence with patterns that start with alternations or
optional words ("\\b(?:positive|negative|...)\\s+correlations?\\s+between"), which Python's
``re`` tries at every position. Yet almost all of them need some literal word in the text
("correlation"), and a substring test on the lower-cased sentence costs a fraction of a
scan. :func:`required` reads a compiled pattern's syntax tree and derives such a test;
:class:`Needs` applies it. Because the test is computed from the pattern itself, it stays
right when the pattern is edited: a rule guarded by ``if not NEEDS.may_match(text): return
[]`` gives exactly what it gave without the guard.

All guards ask one shared :class:`KeywordIndex`: the first guard asked about a text scans
it once for every guard's strings together (an Aho-Corasick automaton, as the open lexicon's
matcher uses) and remembers which occur as the bits of an integer; each guard then tests its
clauses with a bitwise and, instead of scanning the text again for its own strings.

The test is necessary, never sufficient: a text that passes may still not match. It is
built from ASCII literals only and compared on :func:`fold`-ed text, which maps every
character that ``re.IGNORECASE`` takes for an ASCII letter to that letter, so it holds for
case-sensitive and case-insensitive patterns alike. Any construct the reader does not know
gives no requirement for that part (the test then passes more texts, never fewer).

>>> needs = Needs(re.compile(r"\\b(?:positive|negative)\\s+correlations?\\b", re.I))
>>> [sorted(clause) for clause in needs.clauses]
[['correlation'], ['negative', 'positive']]
>>> needs.may_match("A positive CORRELATION was found"), needs.may_match("No link.")
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import product

import ahocorasick

__all__ = ["Branches", "KeywordIndex", "Needs", "Starts", "branches", "fold", "required",
           "starts"]

try:  # the syntax tree of re (Python 3.11+); without it no pattern gets a requirement
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - other Python implementations
    _p = _c = None  # type: ignore[assignment]

#: Non-ASCII characters that ``re.IGNORECASE`` matches with an ASCII letter (dotted and
#: dotless i, long s, the Kelvin sign); :func:`fold` maps them to it before lower-casing.
_ASCII_TWINS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
#: The most strings a set of alternatives may hold (a run of literals and small character
#: classes is expanded into all the strings it can be).
_MAX_STRINGS = 48
#: The most clauses (each: one of these strings must occur) a requirement keeps.
_MAX_CLAUSES = 2


@lru_cache(maxsize=16)
def fold(text: str) -> str:
    """``text`` lower-cased for keyword tests, with the characters ``re.IGNORECASE``
    equates with ASCII letters mapped to them; remembered for the last few texts (the
    rules of one sentence test the same text one after the other).

    >>> fold("Increased IL-6")
    'increased il-6'
    """
    return text.translate(_ASCII_TWINS).lower()


Exact = frozenset[str] | None  # all strings a part can match (None: unknown or too many)
Clause = frozenset[str]  # one of these must occur in a matching text


def _concat(left: Exact, right: Exact) -> Exact:
    if left is None or right is None or len(left) * len(right) > _MAX_STRINGS:
        return None
    return frozenset(a + b for a, b in product(left, right))


def _char(code: int) -> Exact:
    """A literal character: itself, lower-cased, if ASCII (else unknown)."""
    return frozenset({chr(code).lower()}) if code < 128 else None


def _charset(items: list) -> Exact:
    """A character class of literals and small ranges (no negation, no categories)."""
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL and av < 128:
            out.add(chr(av).lower())
        elif op is _c.RANGE and av[1] < 128 and av[1] - av[0] < 26:
            out.update(chr(c).lower() for c in range(av[0], av[1] + 1))
        else:
            return None
    return frozenset(out) if len(out) <= _MAX_STRINGS else None


def _minimal(clause: Clause) -> Clause:
    """``clause`` without the strings that contain another of its strings (a text that
    holds "predicted" holds "predict"): the same test, fewer look-ups."""
    return frozenset(s for s in clause if not any(t != s and t in s for t in clause))


def _implied(clause: Clause, by: Clause) -> bool:
    """True when every text that passes ``by`` passes ``clause`` too."""
    return all(any(t in s for t in clause) for s in by)


def _best(clauses: Iterable[Clause]) -> list[Clause]:
    """The most selective clauses (longest shortest string, then fewest strings), none
    implied by one chosen before it."""
    useful = {_minimal(c) for c in clauses if c and "" not in c}
    ranked = sorted(useful, key=lambda c: (-min(map(len, c)), len(c), sorted(c)))
    chosen: list[Clause] = []
    for clause in ranked:
        if len(chosen) == _MAX_CLAUSES:
            break
        if not any(_implied(clause, by) for by in chosen):
            chosen.append(clause)
    return chosen


def _node(op: object, av: object) -> tuple[Exact, list[Clause]]:
    """(exact strings, requirement clauses) of one node of the syntax tree."""
    if op is _c.LITERAL:
        return _char(av), []  # type: ignore[arg-type]
    if op is _c.IN:
        return _charset(av), []  # type: ignore[arg-type]
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return frozenset({""}), []  # consumes nothing
    if op is _c.SUBPATTERN:
        return _sequence(av[3])  # type: ignore[index]
    if op is _c.ATOMIC_GROUP:
        return _sequence(av)  # type: ignore[arg-type]
    if op is _c.BRANCH:
        alternatives = [_sequence(alt) for alt in av[1]]  # type: ignore[index]
        exacts = [e for e, _ in alternatives]
        exact: Exact = None
        if all(e is not None for e in exacts):
            union = frozenset().union(*exacts)  # type: ignore[arg-type]
            exact = union if len(union) <= _MAX_STRINGS else None
        # every alternative needs one of its strings: together, one of all of them
        picks = [(_best([e] if e is not None else []) or _best(c))[:1]
                 for e, c in alternatives]
        if all(picks):
            union = frozenset().union(*(p[0] for p in picks))
            if len(union) <= _MAX_STRINGS:
                return exact, [union]
        return exact, []
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, high, sub = av  # type: ignore[misc]
        exact, clauses = _sequence(sub)
        if low == 0:
            return (exact | {""} if exact is not None and high == 1 else None), []
        if exact is not None and "" not in exact:
            clauses = clauses + [exact]
        return (exact if low == high == 1 else None), clauses
    return None, []  # ANY, NOT_LITERAL, CATEGORY, GROUPREF ...: no literal known


def _sequence(items: object) -> tuple[Exact, list[Clause]]:
    """(exact strings, best requirement clauses) of a sequence of nodes: runs of parts
    whose strings are known concatenate into a clause ("correlation" + "s?")."""
    nodes = [_node(op, av) for op, av in items]  # type: ignore[attr-defined]
    clauses = [c for _, cs in nodes for c in cs]
    for i in range(len(nodes)):
        run: Exact = frozenset({""})
        for exact, _ in nodes[i:]:
            run = _concat(run, exact)
            if run is None:
                break
            clauses.append(run)
    whole: Exact = frozenset({""})
    for exact, _ in nodes:
        whole = _concat(whole, exact)
    return whole, _best(clauses)


def required(pattern: re.Pattern[str]) -> tuple[Clause, ...]:
    """What any text a pattern matches contains: clauses of lower-case ASCII strings, each
    saying "one of these occurs in :func:`fold` of the text"; empty when nothing is known.

    >>> [sorted(c) for c in required(re.compile(r"(?:higher|lower)\\s+levels?\\s+of", re.I))]
    [['level'], ['higher', 'lower']]
    """
    if _p is None:
        return ()
    try:
        tree = _p.parse(pattern.pattern, pattern.flags)
        return tuple(_sequence(tree)[1])
    except Exception:  # noqa: BLE001 - an unreadable tree only loses the shortcut
        return ()


class KeywordIndex:
    """Which of many keyword strings occur in a text, found in one scan.

    Strings are registered (:meth:`bits`) and each is given a bit; :meth:`present` folds a
    text and returns the integer whose bits are the registered strings that occur in it
    (anywhere, overlapping or not). The automaton is rebuilt on the first scan after new
    strings were registered, which happens when the guards are made (at import time); the
    answers of the last few texts are remembered, and forgotten when strings are added.
    """

    __slots__ = ("_bit", "_automaton", "_characters", "_dirty", "_present", "last_text",
                 "last_mask")

    def __init__(self) -> None:
        self._bit: dict[str, int] = {}
        self._automaton: ahocorasick.Automaton | None = None
        #: the one-character strings and their bits, tested with ``in`` instead
        self._characters: tuple[tuple[str, int], ...] = ()
        self._dirty = False
        self._present = lru_cache(maxsize=16)(self._scan)
        #: the last text asked about and its mask (the guards of one sentence ask in a row;
        #: two attributes, not a pair, so a guard reads them without unpacking a tuple)
        self.last_text: str | None = None
        self.last_mask = 0

    def bits(self, strings: Iterable[str]) -> int:
        """The mask of ``strings`` (non-empty lower-case ASCII), registering new ones."""
        mask = 0
        for s in strings:
            bit = self._bit.get(s)
            if bit is None:
                bit = self._bit[s] = 1 << len(self._bit)
                self._dirty = True
            mask |= bit
        if self._dirty:
            self._present.cache_clear()
            self.last_text, self.last_mask = None, 0
        return mask

    def present(self, text: str) -> int:
        """The mask of the registered strings that occur in :func:`fold` of ``text``."""
        if text is self.last_text:
            return self.last_mask
        mask = self._present(text)
        self.last_text, self.last_mask = text, mask
        return mask

    def _scan(self, text: str) -> int:
        if self._dirty or (self._automaton is None and not self._characters):
            self._build()
        folded = fold(text)
        mask = 0
        if self._automaton is not None:
            for _, index in self._automaton.iter(folded):
                mask |= 1 << index
        for s, bit in self._characters:
            if s in folded:
                mask |= bit
        return mask

    def _build(self) -> None:
        """The automaton of the strings of two characters or more. A one-character string
        ("i", "-", "1") occurs many times in a sentence, and the automaton reports each
        occurrence as a Python tuple (over half of all its reports): a substring test
        answers for it in one call instead."""
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        characters = []
        for s, bit in self._bit.items():
            if len(s) == 1:
                characters.append((s, bit))
            else:
                automaton.add_word(s, bit.bit_length() - 1)
        automaton.make_automaton()
        self._automaton = automaton if len(automaton) else None
        self._characters = tuple(characters)
        self._dirty = False


#: The index every :class:`Needs` registers its strings with (one scan per text for all).
_INDEX = KeywordIndex()


class Needs:
    """The keyword test of one or more patterns: :meth:`may_match` is False only when no
    pattern can match the text. Build at import time next to the patterns; cheap to call."""

    __slots__ = ("per_pattern", "_always", "_masks", "_index")

    def __init__(self, *patterns: re.Pattern[str], index: KeywordIndex | None = None) -> None:
        #: per pattern, the clauses that all hold in a text it matches (none: no requirement)
        self.per_pattern: tuple[tuple[Clause, ...], ...] = tuple(required(p) for p in patterns)
        self._always = not patterns or any(not c for c in self.per_pattern)
        self._index = _INDEX if index is None else index
        #: per pattern, each clause as the mask of its strings in the index; a test that
        #: always passes has one pattern without clauses (which every text passes)
        self._masks: tuple[tuple[int, ...], ...] = ((),) if self._always else tuple(
            tuple(self._index.bits(clause) for clause in clauses)
            for clauses in self.per_pattern)

    @property
    def clauses(self) -> tuple[Clause, ...]:
        """The clauses of the first pattern (of the only one, usually)."""
        return self.per_pattern[0] if self.per_pattern else ()

    def may_match(self, text: str) -> bool:
        """False when no pattern can match anywhere in ``text`` (a slice of it included)."""
        # about a thousand calls per abstract: no test of ``_always`` (its masks pass every
        # text), the index's last answer read in place, loops rather than generators
        index = self._index
        present = index.last_mask if text is index.last_text else index.present(text)
        for masks in self._masks:
            for mask in masks:
                if not present & mask:
                    break  # no string of this clause occurs: this pattern cannot match
            else:
                return True
        return False


#: what makes a pattern's alternatives depend on each other (back references, conditionals),
#: or hides brackets from a plain reading of its source (comments)
_LINKED = re.compile(r"\\[1-9]|\(\?P=|\(\?\(|\(\?#")


def branches(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], ...]:
    """The top-level alternatives of ``pattern``, each compiled with its flags: ``A|B|C``
    gives ``A``, ``B`` and ``C``; a pattern with one alternative, a verbose pattern, one with
    back references, conditionals or comments, or one whose parts do not compile alone gives
    itself. ``pattern`` matches somewhere in a text exactly when one of its alternatives
    does.

    >>> [b.pattern for b in branches(re.compile(r"\\bwe\\s+aim|(?:to|for)\\s+test|[|]x"))]
    ['\\\\bwe\\\\s+aim', '(?:to|for)\\\\s+test', '[|]x']
    """
    source = pattern.pattern
    if not isinstance(source, str) or pattern.flags & re.VERBOSE or _LINKED.search(source):
        return (pattern,)
    parts: list[str] = []
    depth, start, i, n = 0, 0, 0, len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a character class: "|" and brackets inside it are literal
            i += 2 if source.startswith("^", i + 1) else 1
            i += 1 if source.startswith("]", i) else 0  # "[]" / "[^]": a literal "]" first
            while i < n and source[i] != "]":
                i += 2 if source[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    if len(parts) < 2:
        return (pattern,)
    try:
        return tuple(re.compile(part, pattern.flags) for part in parts)
    except re.error:  # e.g. a global flag "(?i)" left inside a later part
        return (pattern,)


class Branches:
    """Whether a pattern matches anywhere in a text, asked one top-level alternative at a
    time, each behind its own keyword test (:class:`Needs`). A long cue pattern with a dozen
    alternatives (``we\\s+investigated|to\\s+determine\\s+whether|...``) is tried by ``re``
    at every position of a sentence; most of its alternatives need a word the sentence does
    not have, and the guard of the whole pattern only knows that one of them might match.
    Derived from the pattern, so editing it keeps the test right. For a yes/no question
    only: the match itself (which alternative, where) is not returned.

    >>> cue = Branches(re.compile(r"\\bwe\\s+aimed\\b|\\bto\\s+determine\\s+whether\\b", re.I))
    >>> cue.found_in("To determine whether X helps"), cue.found_in("We found X")
    (True, False)
    """

    __slots__ = ("_tests", "_index")

    def __init__(self, pattern: re.Pattern[str], index: KeywordIndex | None = None) -> None:
        self._index = _INDEX if index is None else index
        tests = []
        for b in branches(pattern):
            needs = Needs(b, index=self._index)
            # the masks of the clauses of the alternative's keyword test (none: always tried)
            tests.append((() if needs._always else needs._masks[0], b.search))
        self._tests = tuple(tests)

    def found_in(self, text: str) -> bool:
        """True when the pattern matches somewhere in ``text`` (as ``pattern.search``)."""
        index = self._index
        present = index.last_mask if text is index.last_text else index.present(text)
        for masks, search in self._tests:
            for mask in masks:
                if not present & mask:
                    break  # a clause of this alternative's test fails: it cannot match
            else:
                if search(text) is not None:
                    return True
        return False


#: The most strings a set of match openings may hold (one automaton per pattern, so more
#: than a keyword clause).
_MAX_STARTS = 512


def _opening_of(op: object, av: object) -> Exact:
    """Strings one of which every match of one node begins with (None: unknown)."""
    if op is _c.SUBPATTERN:
        return _openings(av[3])  # type: ignore[index]
    if op is _c.ATOMIC_GROUP:
        return _openings(av)  # type: ignore[arg-type]
    if op is _c.BRANCH:
        out: set[str] = set()
        for alternative in av[1]:  # type: ignore[index]
            each = _openings(alternative)
            if each is None:
                return None
            out |= each
        return frozenset(out) if len(out) <= _MAX_STARTS else None
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) and \
            av[0] >= 1:  # type: ignore[index]
        return _openings(av[2])  # type: ignore[index]
    return None


def _openings(items: object) -> Exact:
    """Strings one of which every match of a sequence of nodes begins with: the strings of
    its leading parts whose strings are known, then the openings of the first other part
    (None when that leaves only the empty string)."""
    run: frozenset[str] = frozenset({""})
    for op, av in items:  # type: ignore[attr-defined]
        exact, _ = _node(op, av)
        if exact is None:
            head = _opening_of(op, av)
            if head is not None and len(run) * len(head) <= _MAX_STARTS:
                run = frozenset(a + b for a, b in product(run, head))
            break
        if len(run) * len(exact) > _MAX_STARTS:
            break
        run = frozenset(a + b for a, b in product(run, exact))
    return None if "" in run else run


def starts(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case ASCII strings one of which :func:`fold` of a text holds wherever
    ``pattern`` can match in it (a match opens with one), or None when that is unknown.

    >>> sorted(starts(re.compile(r"(?<![-\\w])(?:up-?regulat|shr[au]nk|less(?=\\s))\\w*", re.I)))
    ['less', 'shrank', 'shrunk', 'up-regulat', 'upregulat']
    """
    if _p is None:
        return None
    try:
        return _openings(_p.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - an unreadable tree only loses the shortcut
        return None


class Starts:
    """``pattern.finditer`` that tries the pattern only where a match can open.

    A pattern that opens with a long alternation of words (the effect rule's hundred verb
    stems, under ``re.IGNORECASE``) gets no help from ``re``, which tries every alternative
    at every position of the text. :func:`starts` derives the strings every match opens
    with; an Aho-Corasick automaton finds where they occur in :func:`fold` of the text (which
    keeps every character's offset), and the pattern is matched at those places only, left to
    right, as ``finditer`` would: the same matches in the same order. A pattern whose
    openings are unknown, or that can match the empty string, is searched as it is.

    >>> verbs = Starts(re.compile(r"\\b(?:increas|reduc)\\w*", re.I))
    >>> [m.group() for m in verbs.finditer("Treatment Increased X and reduced Y")]
    ['Increased', 'reduced']
    """

    __slots__ = ("pattern", "_automaton")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        found = starts(pattern)
        self._automaton: ahocorasick.Automaton | None = None
        if found:
            automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
            for s in found:
                automaton.add_word(s)
            automaton.make_automaton()
            self._automaton = automaton

    def _openings(self, text: str, pos: int, end: int) -> list[int]:
        """Where an opening occurs in ``text[pos:end]``, in order (the automaton reports
        where each occurrence ends)."""
        return sorted({e - n + 1 for e, n in self._automaton.iter(  # type: ignore[union-attr]
            fold(text), pos, end)})

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None
                 ) -> Iterable[re.Match[str]]:
        """The matches of the pattern in ``text[pos:endpos]``, as ``pattern.finditer``."""
        end = len(text) if endpos is None else min(endpos, len(text))
        if self._automaton is None:
            return self.pattern.finditer(text, pos, end)
        pos = max(pos, 0)  # as re reads a negative offset
        match = self.pattern.match
        out = []
        last = pos
        for at in self._openings(text, pos, end):
            if at >= last:
                m = match(text, at, end)
                if m is not None:
                    out.append(m)
                    last = m.end()
        return out
