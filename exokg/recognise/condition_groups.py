"""Groups named by the adjective of their condition: "ischaemic rats", "diabetic mice",
"hypertensive rats", "septic mice", "epileptic patients", "10 min ischaemic rats".

The field names the animals or people with a condition by the condition's adjective before
the group noun, as it writes "MCAO rats" or "stroke patients" with the condition's noun: the
adjective is then a mention of the condition ("downregulated in ischaemic rats compared with
control rats" reads as "in rats with ischaemia"). The adjective's noun is found by its form
(``-emic`` -> ``-emia``, ``-oxic`` -> ``-oxia``, ``-etic`` -> ``-etes``, ``-eptic`` ->
``-epsy``, ``-tic`` -> ``-sis``, ``-sive`` -> ``-sion``, ``-ese`` -> ``-esity``, ``-ic`` ->
``-ia`` / ``-y``); the condition is the one the document itself names with that noun
("focal brain ischaemia" in a paper on ischaemic rats: its modifiers are the document's
reading), else the one the recogniser names by the noun alone.

Not a group's condition: an adjective inside a longer name ("ischemic stroke patients" is
the stroke's), before anything but a plural word for animals or people ("ischemic brains", "hypoxic
conditions", "ischemic rat brains"), or whose noun names no disease or phenotype ("aged rats").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from exokg.model import Mention
from exokg.recognise.species import ANIMAL_NOUNS
from exokg.text.prefilter import Needs

__all__ = ["condition_groups", "condition_nouns"]

#: the group is plural: a singular noun there modifies another ("ischemic rat brains" are
#: brains)
_GROUP = re.compile(r"(?<![\w-])(?P<adj>[a-z]{4,}(?:ic|ive|ese))\s+(?:" + ANIMAL_NOUNS
                    + r"|patients|subjects|individuals|participants)\b", re.I)
_MAY_GROUP = Needs(_GROUP)
#: suffix of a condition's adjective -> the endings of its noun (tried in order)
_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("emic", ("emia",)), ("oxic", ("oxia",)), ("eptic", ("epsy", "epsis")), ("etic", ("etes",)),
    ("tic", ("sis",)), ("sive", ("sion",)), ("tive", ("tion",)), ("ese", ("esity",)),
    ("ic", ("ia", "y")))
_CONDITIONS = frozenset({"Disease", "Phenotype", "DiseaseModel"})


def condition_nouns(adjective: str) -> list[str]:
    """The nouns a condition's adjective may be built on, by its suffix, best first.

    >>> [condition_nouns(w)[0] for w in ("ischaemic", "diabetic", "epileptic",
    ...                                  "hypertensive", "obese", "hypoxic")]
    ['ischaemia', 'diabetes', 'epilepsy', 'hypertension', 'obesity', 'hypoxia']
    >>> condition_nouns("septic")
    ['sepsy', 'sepsis']
    """
    word = adjective.lower()
    for suffix, endings in _SUFFIXES:
        if word.endswith(suffix):
            return [word[:-len(suffix)] + e for e in endings]
    return []


def condition_groups(text: str, found: Sequence[Mention], document_text: str,
                     recognise: Callable[[str], list[Mention]]) -> list[Mention]:
    """A condition mention over each adjective of ``text`` that names a group by its
    condition; ``found`` are the sentence's mentions, ``recognise`` the recogniser's mentions
    of a short name (asked for the document's phrases ending in the noun, and the noun). The
    caller drops the mentions of the adjective alone."""
    out: list[Mention] = []
    if not _MAY_GROUP.may_match(text):
        return out
    for m in _GROUP.finditer(text):
        start, end = m.span("adj")
        # a longer name holds the adjective ("ischemic stroke patients"); the lexicon's
        # reading of the adjective alone ("diabetic") gives way to the group's condition
        if any(f.start < end and start < f.end and (f.start, f.end) != (start, end)
               for f in found):
            continue
        for noun in condition_nouns(m.group("adj")):
            entity = _named_in(document_text, noun, recognise)
            if entity is not None:
                out.append(Mention(entity.entity, start, end, text[start:end], "phrase"))
                break
    return out


def _named_in(document_text: str, noun: str,
              recognise: Callable[[str], list[Mention]]) -> Mention | None:
    """The condition the document names with ``noun`` as its head ("focal brain ischaemia"),
    the longest name first, else the one ``noun`` alone names; None if neither is one."""
    best: Mention | None = None
    for p in re.finditer(r"(?<![\w-])((?:[A-Za-z-]+\s+){0,2}" + re.escape(noun) + r")\b",
                         document_text, re.I):
        words = p.group(1).split()
        for k in range(len(words)):
            name = " ".join(words[k:])
            hits = [h for h in recognise(name) if h.category in _CONDITIONS
                    and h.end == len(name)]
            if hits:
                hit = max(hits, key=lambda h: h.end - h.start)
                if best is None or hit.end - hit.start > best.end - best.start:
                    best = hit
                break
    if best is not None:
        return best
    hits = [h for h in recognise(noun) if h.category in _CONDITIONS
            and h.start == 0 and h.end == len(noun)]
    return hits[0] if hits else None
