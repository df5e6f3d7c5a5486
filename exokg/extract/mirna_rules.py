"""The shape the miRNA relation rules share: two mentions joined by the words of a phrasing.

Most miRNA-gene rules read one shape. A mention of one kind (a miRNA, or a gene or
protein) is followed within a few words by a mention of the other kind, and the words
between them name the relation and its sign: "GENE (protein) was reduced in cells
overexpressing miR-X", "miR-X is a transcriptional target of GENE", "miR-X (is) a negative
regulator of GENE". A :class:`Joined` describes one such phrasing as data: the pattern the
words between must match in full, which mention comes first, which one is the subject of
the statement (the regulator), how far to look, and how the sign follows from the named
groups of the match. :func:`read_joined` reads a phrasing in a clause; :func:`emit` builds
the statements of a rule, hedged and negated as the clause before the cue says.

Each :class:`Joined` carries the keyword test of its own pattern
(:class:`exokg.text.prefilter.Needs`), so the guard in front of the rule cannot drift from
the words the rule reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from exokg.extract.base import MIRNAS, Analysed, statement
from exokg.extract.enumerations import list_end, members
from exokg.extract.epistemics import hedged, negated
from exokg.model import Context, Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["MIRNAS", "GENES", "NEGATIVELY_REGULATES", "POSITIVELY_REGULATES", "REGULATES",
           "Joined", "emit", "first_joined", "read_joined", "regulation", "sign_of"]

NEGATIVELY_REGULATES = "RO:0002212"
POSITIVELY_REGULATES = "RO:0002213"
#: RO "regulates", the parent of the two: a regulation the text gives no sign
REGULATES = "RO:0002211"
#: the categories of the targets (the regulators' are MIRNAS, :mod:`exokg.extract.base`'s)
GENES = frozenset({"Gene", "Protein"})

#: a sign word ("positively", "negatively", "" for none) -> (predicate, direction)
_SIGNED = {"positively": (POSITIVELY_REGULATES, "increased"),
           "negatively": (NEGATIVELY_REGULATES, "decreased")}


def sign_of(match: re.Match[str]) -> str:
    """The sign a phrasing's match gives: its group ``sign`` ("negatively" / "negative",
    "positively" / "positive") when set, else "positively" for a group ``up``, "negatively"
    for a group ``down``, and "" (no sign) otherwise. Groups a pattern lacks count as
    unset."""
    groups = match.re.groupindex
    word = (match.group("sign") or "").lower() if "sign" in groups else ""
    if word:
        return "positively" if word.startswith("positive") else "negatively"
    if "up" in groups and match.group("up"):
        return "positively"
    if "down" in groups and match.group("down"):
        return "negatively"
    return ""


def emit(a: Analysed, rule: str, pairs: Iterable[tuple[Mention, Mention]], predicate: str,
         direction: str | None, clause_start: int, at: int, ctx: Context, *,
         also_hedged: bool = False, negated_at: int | None = None) -> list[Statement]:
    """One statement ``subject predicate object`` per (subject, object) of ``pairs``, in
    their order, with ``direction``, hedged and negated as the clause from ``clause_start``
    to the cue at ``at`` says (negated as it says up to ``negated_at`` when given; hedged
    also when ``also_hedged``: "putative targets")."""
    is_hedged = hedged(a.text, clause_start, at) or also_hedged
    is_negated = negated(a.text, clause_start, at if negated_at is None else negated_at)
    return [statement(a, rule, s.entity, predicate, o.entity, direction=direction,
                      hedged=is_hedged, negated=is_negated, context=ctx) for s, o in pairs]


def regulation(a: Analysed, rule: str, pairs: Iterable[tuple[Mention, Mention]], sign: str,
               clause_start: int, at: int, ctx: Context, *, also_hedged: bool = False,
               negated_at: int | None = None) -> list[Statement]:
    """:func:`emit` of a regulation: ``sign`` "negatively" -> ``RO:0002212`` (decreased),
    "positively" -> ``RO:0002213`` (increased), "" -> ``RO:0002211`` (no direction)."""
    predicate, direction = _SIGNED.get(sign, (REGULATES, None))
    return emit(a, rule, pairs, predicate, direction, clause_start, at, ctx,
                also_hedged=also_hedged, negated_at=negated_at)


def first_joined(a: Analysed, pos: int, end: int, kinds: frozenset[str],
                 pattern: re.Pattern[str], window: int
                 ) -> tuple[Mention, re.Match[str]] | None:
    """The first mention of ``kinds`` that ends within ``window`` characters after ``pos``
    (and before ``end``) such that ``pattern`` matches all of the text from ``pos`` to it,
    with that match; or None."""
    for m in a.within(pos, min(end, pos + window), kinds):
        match = pattern.fullmatch(a.text[pos:m.start])
        if match:
            return m, match
    return None


#: a hook that may veto a reading (None) or change its sign: (sentence, first mentions,
#: second mention, match, clause end) -> sign or None
Check = Callable[[Analysed, list[Mention], Mention, re.Match[str], int], str | None]


@dataclass(frozen=True)
class Joined:
    """One phrasing of the shared shape (see the module docs).

    ``first`` / ``second``: the categories of the mention named first and of the one after
    the phrasing; ``pattern`` must match the whole text between them (from the end of the
    first mention, or of its enumeration with ``first_list``); ``window``: how many
    characters after the first the second must end; ``subject_first``: whether the first
    mention is the statement's subject (the regulator); ``once``: with ``first_list``,
    whether an enumeration is read once, from its first member (else from each member on);
    ``second_list``: whether the second mention stands for its enumeration; ``check``: an
    optional hook that vetoes a reading or gives its sign (else :func:`sign_of` of the
    match); ``check_patterns``: the patterns one of which the hook needs to match (their
    keyword test joins the pattern's in :meth:`may_match`)."""

    rule: str
    pattern: re.Pattern[str]
    first: frozenset[str]
    second: frozenset[str]
    window: int
    subject_first: bool
    first_list: bool = False
    once: bool = False
    second_list: bool = False
    check: Check | None = None
    check_patterns: tuple[re.Pattern[str], ...] = ()
    needs: tuple[Needs, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        needs = [Needs(self.pattern)]
        if self.check_patterns:
            needs.append(Needs(*self.check_patterns))
        object.__setattr__(self, "needs", tuple(needs))

    def may_match(self, text: str) -> bool:
        """False when ``text`` lacks the keywords of the pattern or of a pattern the check
        needs (derived from the patterns: :class:`exokg.text.prefilter.Needs`)."""
        return all(n.may_match(text) for n in self.needs)


def read_joined(a: Analysed, start: int, end: int, ctx: Context, phrasing: Joined
                ) -> list[Statement]:
    """The statements of ``phrasing`` in the clause ``start``-``end`` of ``a``: for each
    mention of its first kind (each member of an enumeration with ``first_list``, standing
    for the members from it on), the first mention of its second kind the phrasing joins to
    it. Nothing when the clause lacks the phrasing's keywords."""
    if not phrasing.may_match(a.text[start:end]):
        return []
    out: list[Statement] = []
    done: set[int] = set()
    for m in a.within(start, end, phrasing.first):
        if m.start in done:
            continue
        group = members(a, m, phrasing.first, backwards=False) if phrasing.first_list else [m]
        if phrasing.once:
            done |= {x.start for x in group}
        pos = list_end(a, group)
        joined = first_joined(a, pos, end, phrasing.second, phrasing.pattern, phrasing.window)
        if joined is None:
            continue
        other, match = joined
        sign = phrasing.check(a, group, other, match, end) if phrasing.check else sign_of(match)
        if sign is None:
            continue
        seconds = members(a, other, phrasing.second, backwards=False) \
            if phrasing.second_list else [other]
        if phrasing.subject_first:
            pairs = [(s, o) for s in group for o in seconds]
        else:
            pairs = [(s, o) for s in seconds for o in group]
        out += regulation(a, phrasing.rule, pairs, sign, start, pos, ctx)
    return out
