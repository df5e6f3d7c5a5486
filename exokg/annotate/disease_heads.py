"""A disease name written with another word for its head: "prostate tumors", "colon
carcinoma", "absence seizures", "type 2 diabetic".

A specific disease is often written with a synonym of the head its name has in the
ontologies and MeSH: "prostate tumors" for prostate cancer, "colon carcinoma" for colon
cancer, "gynecologic malignancy" for gynecologic cancer, "renal cell cancer" for renal cell
carcinoma, "absence seizures" for absence seizure (HPO's label of the head), "type 2
diabetic" for type 2 diabetes. The lexicon has no name for the phrase as written, so
exokg's recognisers find only the head ("tumors", "carcinoma", "seizures"), and the
corpora mark the whole phrase with the specific disease's id.

:func:`with_modifiers_before` tries, for each disease or phenotype mention, the one to
three words right before it (no function word, no word for a disease's course or stage,
which the corpora keep out: :mod:`exokg.annotate.disease_modifiers`) in front of the
head's other names: the labels of the diseases and phenotypes the open lexicon finds for
the head's text (none shorter than the head, so that no written word is dropped:
"familial isolated aniridia" is no "familial aniridia"), and for a word of the cancer
family ("cancer", "carcinoma", "tumor", "neoplasm", "malignancy") the other words of that
family. When the open lexicon finds such a phrase as a disease or phenotype with a MeSH or
OMIM id, the mention is widened over the words and takes that disease's ids; the longest
phrase wins.

On BioRED's training halves, each read with a curation table made from the other, the rule
grounded 4 more mentions on half A and 3 on half B (docs/benchmarks.md, "Recognition round
8").

Only annotation output (``exokg annotate``) reads this; the graph keeps its mentions as
they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from exokg.annotate.disease_modifiers import course_or_stage_word
from exokg.annotate.mentions import DocumentMention, annotation_class, mention_ids
from exokg.model import Document, Entity

__all__ = ["grounded_disease", "with_modifiers_before"]

_DISEASE_CLASSES = frozenset({"Disease", "Phenotype"})
#: Words of the cancer family, each of which can stand for another in a specific name.
_CANCER_WORDS = ("cancer", "carcinoma", "neoplasm", "tumor")
_CANCER_FAMILY = frozenset({"cancer", "cancers", "carcinoma", "carcinomas", "tumor",
                            "tumors", "tumour", "tumours", "neoplasm", "neoplasms",
                            "malignancy", "malignancies"})
#: Words that never modify a disease name: determiners, prepositions, conjunctions.
_FUNCTION_WORDS = frozenset("""the a an of with and or in on for to by from as at other these
those this that its their his her our all any some both each no not non than such""".split())
#: A word ending right before a position (letters, digits, inner hyphens or apostrophes).
_WORD_BEFORE = re.compile(r"(?<![\w'-])[A-Za-z0-9][\w'-]*$")
_MAX_WORDS = 3

Lookup = Callable[[str], Sequence[Entity]]


def _words_before(text: str, start: int, taken: Sequence[tuple[int, int]]
                  ) -> list[tuple[int, str]]:
    """Up to three modifier words right before ``start``, nearest last, with their starts."""
    words: list[tuple[int, str]] = []
    i = start
    while len(words) < _MAX_WORDS and i >= 2 and text[i - 1] == " ":
        match = _WORD_BEFORE.search(text, max(0, i - 41), i - 1)
        if match is None:
            break
        word = match.group()
        if word.lower() in _FUNCTION_WORDS or course_or_stage_word(word) \
                or any(s < i - 1 and match.start() < e for s, e in taken):
            break
        words.insert(0, (match.start(), word))
        i = match.start()
    return words


def _other_heads(head: str, lookup: Lookup) -> list[str]:
    """The head's other names: labels of its diseases and phenotypes, and for a word of
    the cancer family the family's other words (after the head's other words)."""
    out: list[str] = []
    for entity in lookup(head):
        label = entity.label
        if entity.category in _DISEASE_CLASSES and label.lower() != head.lower() \
                and label not in out and label.count(" ") >= head.count(" "):
            out.append(label)  # never a shorter name: a written word must not be dropped
    body, _, last = head.rpartition(" ")
    if last.lower() in _CANCER_FAMILY:
        for word in _CANCER_WORDS:
            name = f"{body} {word}" if body else word
            if name.lower() != head.lower() and name not in out:
                out.append(name)
    return out


def grounded_disease(name: str, lookup: Lookup) -> Entity | None:
    """The first disease or phenotype ``lookup`` gives for ``name`` that is grounded to
    MeSH or OMIM; None without one."""
    for entity in lookup(name):
        if entity.category not in _DISEASE_CLASSES:
            continue
        ids, grounded = mention_ids(entity)
        if grounded and any(i.startswith(("MESH:", "OMIM:")) for i in ids):
            return entity
    return None


def with_modifiers_before(document: Document, mentions: list[DocumentMention],
                          lookup: Lookup) -> list[DocumentMention]:
    """``mentions`` with each disease or phenotype mention widened over the words before it
    when those words and another name of its head name a disease with a MeSH or OMIM id
    (module docs); other mentions unchanged.

    ``lookup`` is the open lexicon's :meth:`exokg.lexicon.Lexicon.lookup`.
    """
    text = document.text
    taken = [(m.start, m.end) for m in mentions if m.type in _DISEASE_CLASSES]
    heads: dict[str, list[str]] = {}
    out = []
    for m in mentions:
        words = _words_before(text, m.start, taken) if m.type in _DISEASE_CLASSES else []
        if words:
            if m.text not in heads:
                heads[m.text] = _other_heads(m.text, lookup)
            m = _widened(m, text, words, heads[m.text], lookup)
        out.append(m)
    return sorted(out, key=lambda m: (m.start, -m.end, m.type, m.ids))


def _widened(m: DocumentMention, text: str, words: list[tuple[int, str]],
             heads: list[str], lookup: Lookup) -> DocumentMention:
    for k in range(len(words), 0, -1):
        start = words[-k][0]
        modifiers = " ".join(word for _, word in words[-k:])
        for head in heads:
            entity = grounded_disease(f"{modifiers} {head}", lookup)
            if entity is not None:
                ids, _ = mention_ids(entity)
                return replace(m, start=start, text=text[start:m.end], ids=ids,
                               entity=entity, grounded=True,
                               type=annotation_class(entity.category))
    return m
