"""When a drug the open lexicon names is a claim participant of its own.

Open-lexicon chemicals are annotated but kept as parts (:data:`exokg.recognise._PARTS_ONLY`):
a chemical name inside a noun phrase ("blood glucose levels", "glutamate receptor") must not
cut the phrase the extractor reads as an outcome. A drug written as a whole noun phrase of
its own is what a study gives or tests, though ("prepared with curcumin (an anti-inflammatory
molecule)", "Curcumin reduced neuroinflammation"), and was invisible to extraction.
:func:`standalone_drug` tells the two apart from the words around the mention: the word
before it is no content word of the same phrase (the sentence's start, a preposition,
determiner, conjunction or punctuation) and the word after it does not continue the noun
phrase (punctuation, a bracket, a function word, or a verb in the past tense or the third
person). Only names with a DrugBank record count: a drug, not any chemical entity.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from exokg.model import Entity, Mention

__all__ = ["standalone_drug"]

#: Words that may stand before a noun phrase of its own.
_BEFORE = frozenset("""with of and or by to the a an that than plus nor from in on for as
whereas while versus vs but after before without""".split())
#: Words that may follow a whole noun phrase.
_AFTER = frozenset("""and or was were is are has have had may might can could would should
will did does do in on at by for with to of from as than that which alone treatment
therapy""".split())
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\W*$")
_NEXT = re.compile(r"\s*(\S)")
_WORD_AFTER = re.compile(r"\s+([A-Za-z]+)")
_VERB = re.compile(r"[a-z]{3,}(?:ed|es)$")


def _drug(m: Mention, lookup: Callable[[str], Sequence[Entity]]) -> bool:
    """True for a chemical that DrugBank names: its own id or xref, or a DrugBank record
    of the same name (the lexicon keeps a MeSH chemical and a DrugBank drug of one name
    apart when their ids were not merged)."""
    if m.category != "Chemical":
        return False
    return any(c.startswith("drugbank:") for c in (m.entity.id, *m.entity.xrefs)) or any(
        e.id.startswith("drugbank:") for e in lookup(m.text))


def standalone_drug(text: str, m: Mention,
                    lookup: Callable[[str], Sequence[Entity]] = lambda _: ()) -> bool:
    """True when ``m`` is a drug DrugBank names (``lookup``: the lexicon's name look-up)
    written in ``text`` as a whole noun phrase (see the module docs); False for any other
    mention.

    >>> curcumin = Entity("drugbank:DB11672", "curcumin", "Chemical")
    >>> text = "Curcumin reduced edema, unlike curcumin-free EVs or curcumin levels."
    >>> [standalone_drug(text, Mention(curcumin, s, s + 8, text[s:s + 8]))
    ...  for s in (0, 31, 52)]
    [True, False, False]
    """
    if not _drug(m, lookup):
        return False
    before = text[:m.start]
    if before.rstrip() and not before.rstrip().endswith((",", ";", ":", "(", ".")):
        word = _WORD_BEFORE.search(before)
        if word is None or word.group(1).lower() not in _BEFORE or not before.endswith(" "):
            return False
    following = _NEXT.match(text, m.end)
    if following is None:
        return True
    if text[m.end:m.end + 1] == "-":
        return False  # "curcumin-loaded", "curcumin-free": a modifier
    if not following.group(1).isalpha():
        return True  # punctuation or a bracket ends the phrase
    word = _WORD_AFTER.match(text, m.end)
    if word is None:
        return False
    after = word.group(1)
    return after.lower() in _AFTER or bool(_VERB.fullmatch(after))
