"""Correlated miRNA and gene levels: "miR-X and GENE mRNA levels correlated negatively",
"miR-X levels were inversely correlated with GENE", "GENE expression was inversely
correlated with miR-X", "a positive correlation between miR-X abundance and GENE1
(abbreviation) and GENE2", "miR-X levels and GENE levels showed an inverse pattern" ->
``biolink:negatively_correlated_with`` / ``positively_correlated_with`` /
``correlated_with`` (rule ``mirna-gene.correlation``): a correlation is no regulation.
"""

from __future__ import annotations

import re

from exokg.extract.base import Analysed, clauses
from exokg.extract.context import context_for
from exokg.extract.enumerations import list_end, members
from exokg.extract.mirna_rules import GENES, MIRNAS, emit, first_joined
from exokg.model import Context, Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["correlations", "opposite_changes"]

# "miR-X and GENE (mRNA) levels (tended to) correlate(d) (negatively)"
_CORRELATE_AFTER = re.compile(r"\s*(?:(?:mRNA|protein|gene)\s+)?(?:(?:levels?|expression|"
                              r"abundance)\s+)?(?:(?:was|were|are|is)\s+)?(?:\w+ly\s+)?"
                              r"(?:(?:tended|appeared|seemed|found)\s+to\s+(?:be\s+)?)?"
                              r"(?P<sign1>positively|negatively|inversely)?\s*correlat\w*"
                              r"(?:\s+(?P<sign2>positively|negatively|inversely))?", re.I)
_CORRELATED_WITH = re.compile(r"\s*(?:,\s*)?(?:(?:mRNA|protein|gene)\s+)?(?:(?:levels?|expression|"
                              r"abundance)\s+)?(?:(?:was|were|are|is)\s+)?(?:(?:significantly|"
                              r"strongly|also|closely|highly)\s+)?(?P<sign1>positively|negatively|"
                              r"inversely)?\s*correlat(?:ed|es|e)\s+(?:(?P<sign2>positively|"
                              r"negatively|inversely)\s+)?(?:with|to)\s+(?:the\s+)?"
                              r"(?:(?:expression|levels?|abundance)\s+of\s+)?(?:the\s+)?", re.I)
_NEEDS_CORRELATED_WITH = Needs(_CORRELATED_WITH)
# "miR-X levels and GENE protein levels showed an inverse pattern / relationship"
_PATTERN_AFTER = re.compile(r"\s*(?:(?:mRNA|protein|gene)\s+)?(?:(?:levels?|expression|"
                            r"abundance)\s+)?(?:showed|show|displayed|exhibited|had|followed)\s+"
                            r"(?:an?\s+|the\s+)?(?:(?:clear|significant|strong|striking)\s+)?"
                            r"(?P<sign>inverse|negative|positive|opposite|reciprocal|parallel)\s+"
                            r"(?:expression\s+)?(?:patterns?|relationships?|correlations?|"
                            r"trends?|profiles?)", re.I)
_PAIR_LINK = re.compile(r"^\s*(?:(?:expression|levels?|abundance)\s+)?(?:and|with|to)\s+"
                        r"(?:the\s+)?$", re.I)
# "a positive correlation between miR-X (abundance) and (the markers) GENE1 (ABBR) and GENE2"
_CORRELATION_NOUN = re.compile(r"\b(?P<signs>(?:(?:positive|negative|inverse|significant|"
                               r"strong|moderate|weak|close|linear|reciprocal)\s+(?:and\s+)?)*)"
                               r"(?:correlations?|relationships?|correlative\s+(?:trends?|"
                               r"patterns?))\s+(?:was\s+\w+\s+)?"
                               r"(?:between|of|in)\s+(?:the\s+)?(?:(?:expression|levels?)\s+of\s+)?"
                               r"(?:the\s+)?", re.I)
_CHANGED = re.compile(r"\s*(?:(?:down|up)-?\s?regulation|loss|reduction|increase|deletion)\b",
                      re.I)
_SECOND = re.compile(r"^\s*(?:(?:expression|levels?|abundance)\s+)?(?:and|with)\s+(?:the\s+)?"
                     r"(?:(?:expression|levels?)\s+of\s+)?(?:the\s+)?(?:[\w-]+\s+){0,3}?$",
                     re.I)



# "GENE protein and miR-X": the kind word after a gene named in a correlation noun
_KIND_WORD = re.compile(r"^\s*(?:mRNA|protein|gene)\b", re.I)
#: the keyword test of every phrasing of :func:`correlations`
_NEEDS = Needs(_CORRELATE_AFTER, _PATTERN_AFTER, _CORRELATED_WITH, _CORRELATION_NOUN)


def _predicate(signs: str) -> str:
    """The correlation predicate the sign words of a match name."""
    signs = signs.lower()
    if "positive" in signs or "parallel" in signs:
        return "biolink:positively_correlated_with"
    if "negative" in signs or "inverse" in signs or "opposite" in signs or "reciprocal" in signs:
        return "biolink:negatively_correlated_with"
    return "biolink:correlated_with"


def correlations(a: Analysed, start: int, end: int, ctx: Context) -> list[Statement]:
    """Correlated miRNA and gene levels (see the module docs) in the clause ``start``-``end``
    of ``a``: the statements, none when the clause lacks the phrasings' keywords."""
    if not _NEEDS.may_match(a.text[start:end]):
        return []
    out: list[Statement] = []
    pairs: list[tuple[list[Mention], list[Mention], str, int]] = []
    # "miR-X and GENE mRNA levels correlated negatively"
    for m in a.within(start, end, MIRNAS):
        genes = [g for g in a.within(m.end, min(end, m.end + 40), GENES)
                 if _PAIR_LINK.match(a.text[m.end:g.start])][:1]
        if not genes:
            continue
        verb = _CORRELATE_AFTER.match(a.text, genes[0].end, end)
        if verb:
            signs = f"{verb.group('sign1') or ''} {verb.group('sign2') or ''}"
            pairs.append(([m], genes, _predicate(signs), verb.start()))
        elif _PATTERN_AFTER.match(a.text, genes[0].end, end):
            pattern = _PATTERN_AFTER.match(a.text, genes[0].end, end)
            pairs.append(([m], genes, _predicate(pattern.group("sign")), pattern.start()))
    # "miR-X levels were inversely correlated with GENE", "GENE mRNA expression was
    # inversely correlated with miR-X"
    for first in a.within(start, end, MIRNAS | GENES) \
            if _NEEDS_CORRELATED_WITH.may_match(a.text[start:end]) else []:
        other = MIRNAS if first.category in GENES else GENES
        pos = list_end(a, [first])
        seconds = [x for x in a.within(pos, min(end, pos + 90), other)
                   if _CORRELATED_WITH.fullmatch(a.text, pos, x.start)][:1]
        if not seconds:
            continue
        verb = _CORRELATED_WITH.fullmatch(a.text, pos, seconds[0].start)
        signs = f"{verb.group('sign1') or ''} {verb.group('sign2') or ''}"
        mirna, gene = (first, seconds[0]) if first.category in MIRNAS else \
            (seconds[0], first)
        pairs.append(([mirna], [gene], _predicate(signs), pos))
    # "a negative correlation between miR-X and GENE1 and GENE2"
    for noun in _CORRELATION_NOUN.finditer(a.text, start, end):
        if not noun.group("signs").strip() and "relationship" in noun.group().lower():
            continue  # "a (targeted binding) relationship between ...": no correlation
        first = [x for x in a.within(noun.end(), min(end, noun.end() + 40), MIRNAS)
                 if not a.text[noun.end():x.start].strip()][:1]
        if not first:
            # "a negative correlation between GENE protein and miR-X levels"
            gene = [x for x in a.within(noun.end(), min(end, noun.end() + 40), GENES)
                    if not a.text[noun.end():x.start].strip()][:1]
            if gene:
                pos = list_end(a, gene)
                second = [x for x in a.within(pos, min(end, pos + 60), MIRNAS)
                          if _SECOND.match(_KIND_WORD.sub("", a.text[pos:x.start]))][:1]
                if second:
                    pairs.append((members(a, second[0], MIRNAS, backwards=False), gene,
                                  _predicate(noun.group("signs")), noun.start()))
            continue
        group = members(a, first[0], MIRNAS, backwards=False)
        pos = list_end(a, group)
        genes = [g for g in a.within(pos, min(end, pos + 80), GENES)
                 if _SECOND.match(a.text[pos:g.start])][:1]
        if genes:
            # "... and GENE2, and GENE3 down-regulation": a change of GENE3, whose sign the
            # correlation does not give
            listed = [g for g in members(a, genes[0], GENES, backwards=False)
                      if g is genes[0] or not _CHANGED.match(a.text, g.end)]
            pairs.append((group, listed, _predicate(noun.group("signs")), noun.start()))
    for subjects, genes, predicate, at in pairs:
        out += emit(a, "mirna-gene.correlation", [(subj, g) for subj in subjects for g in genes],
                    predicate, None, start, at, ctx)
    return out


# two levels that change together, contrasted or in step: "miR-X expression rises during
# differentiation, whereas GENE protein levels fall", "GENE levels increased as miR-X levels
# decreased", "GENE declined while miR-X increased"
_RISE = r"ris(?:e|es|ing)|rose|increas\w*|elevat\w*|up-?\s?regulat\w*|accumulat\w*"
_FALL = r"f[ae]ll(?:s|ing)?|declin\w*|decreas\w*|dropp?\w*|reduc\w*|down-?\s?regulat\w*|" \
        r"diminish\w*"
_LEVEL = (r"\s*(?:(?:mRNA|protein|gene)\s+)?(?:(?:expression|levels?|abundance)\s+)?"
          r"(?:(?:was|were|is|are|has\s+been|have\s+been)\s+)?(?:(?:\w+ly|also|further)\s+)*"
          r"(?:tended\s+to\s+)?(?:(?P<{g}up>" + _RISE + r")|(?P<{g}down>" + _FALL + r"))\b")
_CHANGE_THEN = re.compile(_LEVEL.format(g="a") + r"[^,;]{0,60}?,?\s+(?:whereas|while|as)\s+"
                          r"(?:the\s+)?(?:(?:expression|levels?)\s+of\s+)?(?:the\s+)?", re.I)
_SECOND_CHANGE = re.compile(_LEVEL.format(g="b"), re.I)
_NEEDS_CHANGE_THEN = Needs(_CHANGE_THEN)


def opposite_changes(a: Analysed) -> list[Statement]:
    """Two levels of one sentence that change together ("miR-X rises, whereas GENE falls",
    "GENE increased as miR-X decreased"): ``biolink:negatively_correlated_with`` when they
    go opposite ways, ``positively_correlated_with`` when they go the same way (rule
    ``mirna-gene.correlation``); none when the sentence lacks the words."""
    if not _NEEDS_CHANGE_THEN.may_match(a.text):
        return []
    parts = clauses(a.text)
    out: list[Statement] = []
    for first in a.within(0, len(a.text), MIRNAS | GENES):
        other = GENES if first.category in MIRNAS else MIRNAS
        pos = list_end(a, [first])
        joined = first_joined(a, pos, len(a.text), other, _CHANGE_THEN, 150)
        if joined is None:
            continue
        second, cue = joined
        then = _SECOND_CHANGE.match(a.text, list_end(a, [second]))
        if then is None:
            continue
        negative = bool(cue.group("aup")) != bool(then.group("bup"))
        mirna, gene = (first, second) if first.category in MIRNAS else (second, first)
        clause = next(c for c in parts if c.start <= first.start < c.end)
        out += emit(a, "mirna-gene.correlation", [(mirna, gene)], _predicate(
            "negative" if negative else "positive"), None, clause.start, pos,
            context_for(a, clause))
    return out
