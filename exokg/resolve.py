"""One name resolver for the command line, the notebook API, the HTML page and queries.

A :class:`Resolver` is made from the names entities are known by (labels, synonyms, miRNA
names, identifiers) and finds the entities a piece of text names, best first. Each way a
name can match has a score, so callers rank and explain matches the same way everywhere:

====================  =====  ==========================================================
``matched_on``        score  the text equals the name ...
====================  =====  ==========================================================
label / identifier     100   exactly
miRNA name              97   exactly, as an exokg miRNA name (``miR-124``)
synonym                 95   exactly
label (any case)        90   ignoring case, Unicode form, dash kind and spacing
miRNA (any case)        88   the same, for a miRNA name
synonym (any case)      85   the same, for a synonym
letters and digits      80   comparing letters and digits only (``MSC derived`` =
                             ``MSC-derived``, ``BM MSC`` = ``BMMSC``)
miRNA                   78   as the same miRNA, after normalising the miRNA grammar
                             (``microRNA-124``, ``hsa-miR-124-3p``, ``mir124`` ->
                             ``miR-124``; species prefix and arm dropped)
words                   70   as the same words in any order, once plural ``s``, filler
                             words (``derived``, ``from``, ``of``, ``with``, ...) and the
                             difference between a name and its abbreviation are set
                             aside (``MSC exosomes`` = ``MSC-derived exosomes`` =
                             ``exosomes derived from mesenchymal stem cells``)
miRNA without letter    60   as a miRNA once the letter suffix is dropped, only when no
                             entity has the lettered name (``miR-124a`` -> ``miR-124``,
                             an older name; never ``miR-133a`` -> ``miR-133b``)
partial               < 60   as a part (not enough for :meth:`Resolver.resolve`)
====================  =====  ==========================================================

Suggestions (:meth:`Resolver.suggest`) are names in their original case.

>>> r = Resolver([Name("ex:mir124", "miR-124", "MicroRNA", "miR-124", "label"),
...               Name("ex:msc", "mesenchymal stem cell", "Cell", "MSC", "synonym"),
...               Name("ex:msc", "mesenchymal stem cell", "Cell", "mesenchymal stem cell",
...                    "label"),
...               Name("ex:prep", "MSC-derived exosomes", "ExosomePreparation",
...                    "MSC-derived exosomes", "label")])
>>> [(m.entity, m.matched_on) for m in r.lookup("hsa-miR-124-3p")]
[('ex:mir124', 'miRNA')]
>>> r.resolve("exosomes from mesenchymal stem cells").label
'MSC-derived exosomes'
>>> r.suggest("miR-12")
['miR-124']
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from exokg.errors import ExokgError

__all__ = ["Match", "Name", "NameNotFound", "Resolver", "loose_key", "normalise_name",
           "page_keys"]


class NameNotFound(ExokgError, LookupError):
    """Text that names no entity, or several equally well; the message lists candidates.

    ``candidates`` holds the tied matches (empty when nothing matched) and ``suggestions``
    close names in their original case.
    """

    def __init__(self, message: str, candidates: tuple[Match, ...] = (),
                 suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.candidates = candidates
        self.suggestions = suggestions


@dataclass(frozen=True)
class Name:
    """A name an entity is known by.

    ``entity`` is the entity's IRI (or any id), ``label`` its preferred label, ``category``
    its exokg class, ``text`` the name as written and ``kind`` one of ``label``,
    ``synonym``, ``name`` (a miRNA name) or ``identifier`` (an IRI or CURIE).
    """

    entity: str
    label: str
    category: str
    text: str
    kind: str = "label"


@dataclass(frozen=True)
class Match:
    """An entity a text matched: which name matched, how, and how well (0-100)."""

    entity: str
    label: str
    category: str
    matched: str
    matched_on: str
    score: float

    @property
    def strong(self) -> bool:
        """True for every kind of match but ``partial``."""
        return self.matched_on != "partial"


_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_FILLER = frozenset({"derived", "from", "of", "the", "a", "an", "with", "in", "and", "by",
                     "for", "to", "on"})
_EXACT = {"label": (100, "label"), "identifier": (100, "identifier"),
          "name": (97, "miRNA name"), "synonym": (95, "synonym")}
_FOLDED = {"label": (90, "label (any case)"), "name": (88, "miRNA (any case)"),
           "synonym": (85, "synonym (any case)"), "identifier": (90, "identifier")}


def normalise_name(text: str) -> str:
    """Case, Unicode form, dash kind and spacing folded.

    >>> normalise_name("  MSC\u2013Derived   Exosomes ")
    'msc-derived exosomes'
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_DASHES.sub("-", text).split())


def loose_key(text: str) -> str:
    """Letters and digits only, case folded.

    >>> loose_key("BM-MSC"), loose_key("bm msc")
    ('bmmsc', 'bmmsc')
    """
    return re.sub(r"[^0-9a-z]+", "", normalise_name(text))


def _tokens(text: str) -> list[str]:
    words = re.findall(r"[0-9a-z]+", normalise_name(text))
    out = []
    for w in words:
        if w in _FILLER:
            continue
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.append(w)
    return out


def _mirna(text: str) -> tuple[str, str | None] | None:
    """(name-level miRNA name, its letter suffix or None) when ``text`` is one miRNA."""
    from exokg.recognise.mirna import find_mirnas

    stripped = text.strip()
    found = find_mirnas(stripped)
    if len(found) != 1 or found[0].cluster:
        return None
    match = found[0]
    if len(stripped) - (match.end - match.start) > 2:  # more than the miRNA
        return None
    name = match.name
    if match.precursor:  # mir-124-1 -> miR-124
        name = re.sub(r"^mir-", "miR-", re.sub(r"-[1-9]$", "", name))
    letter = re.search(r"-\d+([a-z])(?:-\d)?$", name)
    return name, (letter.group(1) if letter else None)


class Resolver:
    """The names of a graph, indexed for lookup (see the module docstring).

    Args:
        names: every name of every entity (duplicates are harmless).
    """

    def __init__(self, names: Iterable[Name]) -> None:
        self.names: list[Name] = sorted(set(names), key=lambda n: (n.entity, n.kind, n.text))
        self._exact: dict[str, list[Name]] = defaultdict(list)
        self._folded: dict[str, list[Name]] = defaultdict(list)
        self._loose: dict[str, list[Name]] = defaultdict(list)
        for name in self.names:
            self._exact[name.text].append(name)
            self._folded[normalise_name(name.text)].append(name)
            key = loose_key(name.text)
            if key:
                self._loose[key].append(name)

    # -- lazily built indexes ---------------------------------------------------------------

    @cached_property
    def _mirnas(self) -> dict[str, list[Name]]:
        index: dict[str, list[Name]] = defaultdict(list)
        for name in self.names:
            if name.category == "MicroRNA" or name.kind == "name":
                parsed = _mirna(name.text)
                if parsed is not None:
                    index[parsed[0].casefold()].append(name)
        return index

    @cached_property
    def _phrases(self) -> dict[tuple[str, ...], str]:
        """Token sequences of names -> a marker for their entity (names of one entity only).

        An abbreviation (``MSC``) and the entity's other names (``mesenchymal stem cell``)
        get the same marker, so a compound name reads the same whichever is used.
        """
        owners: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for name in self.names:
            if name.kind == "identifier":
                continue
            tokens = tuple(_tokens(name.text))
            if tokens:
                owners[tokens].add(name.entity)
        return {tokens: f"\x00{next(iter(ents))}" for tokens, ents in owners.items()
                if len(ents) == 1}

    @cached_property
    def _longest_phrase(self) -> int:
        return max((len(t) for t in self._phrases), default=1)

    def words_key(self, text: str, own: str | None = None) -> tuple[str, ...]:
        """The order-free word key of ``text`` (see the module docstring): its words, with
        every shorter phrase that is one entity's name (``mesenchymal stem cell``,
        ``MSC``) replaced by a marker for that entity; ``own`` is the entity the text
        names, whose names are left as words."""
        tokens = _tokens(text)
        out: list[str] = []
        i = 0
        longest = min(self._longest_phrase, len(tokens) - 1)
        while i < len(tokens):
            for length in range(min(longest, len(tokens) - i), 0, -1):
                marker = self._phrases.get(tuple(tokens[i:i + length]))
                if marker is not None and marker[1:] != own:
                    out.append(marker)
                    i += length
                    break
            else:
                out.append(tokens[i])
                i += 1
        return tuple(sorted(out))

    @cached_property
    def _words(self) -> dict[tuple[str, ...], list[Name]]:
        index: dict[tuple[str, ...], list[Name]] = defaultdict(list)
        for name in self.names:
            if name.kind == "identifier" or len(_tokens(name.text)) < 2:
                continue
            index[self.words_key(name.text, own=name.entity)].append(name)
        return index

    # -- lookup -----------------------------------------------------------------------------

    def lookup(self, text: str, *, limit: int = 10) -> list[Match]:
        """Entities ``text`` names, best first (one match per entity, its best).

        Ties are ordered by label, then entity id, so results are deterministic.
        """
        best: dict[str, Match] = {}

        def add(name: Name, matched_on: str, score: float) -> None:
            old = best.get(name.entity)
            if old is None or score > old.score:
                best[name.entity] = Match(name.entity, name.label, name.category, name.text,
                                          matched_on, score)

        query = text.strip()
        if not query:
            return []
        for name in self._exact.get(query, ()):
            add(name, *_EXACT.get(name.kind, _EXACT["synonym"])[::-1])
        folded = normalise_name(query)
        for name in self._folded.get(folded, ()):
            add(name, *_FOLDED.get(name.kind, _FOLDED["synonym"])[::-1])
        key = loose_key(query)
        for name in self._loose.get(key, ()) if key else ():
            add(name, "letters and digits", 80)
        parsed = _mirna(query)
        if parsed is not None:
            mirna, letter = parsed
            hits = self._mirnas.get(mirna.casefold(), [])
            for name in hits:
                add(name, "miRNA", 78)
            if not hits and letter is not None:
                plain = re.sub(r"(-\d+)[a-z]((?:-\d)?)$", r"\1\2", mirna)
                for name in self._mirnas.get(plain.casefold(), ()):
                    add(name, "miRNA without letter", 60)
        if len(_tokens(query)) >= 2:
            for name in self._words.get(self.words_key(query), ()):
                add(name, "words", 70)
        if len(folded) >= 3:
            for name in self.names:
                text_folded = normalise_name(name.text)
                if name.kind != "identifier" and folded in text_folded:
                    old = best.get(name.entity)
                    if old is None or old.matched_on == "partial":
                        add(name, "partial",
                            round(60 * len(folded) / max(len(text_folded), 1), 1))
        ranked = sorted(best.values(), key=lambda m: (-m.score, m.label.casefold(), m.entity))
        return ranked[:limit]

    def resolve(self, text: str) -> Match:
        """The one entity ``text`` names.

        Raises:
            NameNotFound: no strong match (the message suggests close names, in their
                original case), or several entities tie for the best score.
        """
        matches = [m for m in self.lookup(text, limit=50) if m.strong]
        if not matches:
            suggestions = tuple(self.suggest(text))
            partial = [m.label for m in self.lookup(text, limit=5)]
            close = list(dict.fromkeys([*suggestions, *partial]))[:5]
            hint = f"; did you mean: {', '.join(close)}?" if close else ""
            raise NameNotFound(f"no entity is named {text!r}{hint}", (), tuple(close))
        top = [m for m in matches if m.score == matches[0].score]
        if len(top) > 1:
            names = ", ".join(f"{m.label} ({m.entity}, {m.category})" for m in top[:6])
            raise NameNotFound(f"{text!r} names several entities: {names}", tuple(top))
        return top[0]

    def suggest(self, text: str, n: int = 5) -> list[str]:
        """Names close to ``text`` (difflib on folded names), in their original case,
        labels first."""
        choices: dict[str, str] = {}
        for name in sorted(self.names, key=lambda x: x.kind != "label"):
            if name.kind != "identifier":
                choices.setdefault(normalise_name(name.text), name.text)
        close = difflib.get_close_matches(normalise_name(text), list(choices), n=n,
                                          cutoff=0.6)
        return [choices[c] for c in close]


def page_keys(names: Iterable[str]) -> list[str]:
    """The keys the HTML page's search compares a query's keys with (exokg.js computes
    the same three keys of the query): ``l:`` letters and digits, ``m:`` the miRNA
    (``mir124``; species, arm and precursor copy dropped) and ``w:`` the words in order,
    filler words and plural ``s`` dropped.

    >>> page_keys(["MSC-derived exosomes", "hsa-miR-124-3p"])
    ['l:hsamir1243p', 'l:mscderivedexosomes', 'm:mir124', 'w:exosome msc']
    """
    keys: set[str] = set()
    for text in names:
        loose = loose_key(text)
        if loose:
            keys.add("l:" + loose)
        parsed = _mirna(text)
        if parsed is not None:
            keys.add("m:" + loose_key(parsed[0]))
            continue  # a miRNA's words add nothing to its miRNA key
        tokens = _tokens(text)
        if len(tokens) >= 2:
            keys.add("w:" + " ".join(sorted(tokens)))
    return sorted(keys)
