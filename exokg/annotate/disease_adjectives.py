"""Diseases named by their adjective: "atherosclerotic", "hypertensive", "inflammatory".

The grounding corpora mark an adjective formed from a disease name as a mention of that
disease when it stands alone before a noun ("[hypertensive] rats", "[atherosclerotic]
lesions", "[nephrotoxic] effects", "[inflammatory] cells"), with the disease's id
(Hypertension, Atherosclerosis, Inflammation). The ontologies name the noun only. In the
second halves of the training splits (round 6, docs/benchmarks.md "Recognition round
6"), such adjectives not inside a longer marked name were marked far more often than not:
BioRED inflammatory 13 of 14, hypertensive 5 / 5, atherosclerotic 5 / 5, hypoxic 4 / 5;
BC5CDR epileptic 9 / 9, hypertensive 8 / 8, nephrotoxic 7 / 7, hypotensive 4 / 4.

:func:`adjectival_diseases` turns such an adjective back into its noun by the suffixes
English uses for it, tries each noun in the open lexicon, and adds the adjective as a
mention of the first disease or phenotype found with a MeSH or OMIM id:

* "-otoxic" -> "-otoxicity" ("nephrotoxic", "ototoxic", "cytotoxic");
* "-otic" -> "-osis" ("atherosclerotic", "psychotic", "fibrotic");
* "-ic" -> "-ia" ("hypoxic", "ischemic", "arrhythmic", "anemic", "hyperglycemic");
* "-ic" -> "-y" ("neuropathic", "dystrophic", "allergic"), "-ptic" -> "-psy"
  ("epileptic", "narcoleptic");
* "-atory" -> "-ation" ("inflammatory");
* "-sive" -> "-sion" ("hypertensive", "hypotensive", "depressive").

Not taken: an adjective joined by a hyphen to another word ("pro-inflammatory",
"anti-inflammatory", "inflammatory-like"), one glued to "anti" or "non"
("antiepileptic", "antihypertensive", "noninflammatory": what acts against a disease or
lacks it is no mention of it), one ending in "-esic" or "-etic" (also a noun for a class of
drugs: "analgesic", "diuretic") or "-phobic" ("hydrophobic" residues), one written in capitals, one a recognised mention of any
class but a process or an outcome already covers ("ischemic stroke", "diabetic
nephropathy": the longer name is the mention; "cytotoxic T cells"), and one right before
a disease name, which it modifies ("aggressive tumors"). A noun that is no disease in the lexicon ("respiratory" ->
"respiration", a process; "regulatory" -> "regulation") gives nothing.

Round 8: a recognised name that no external identifier grounds (a minted class of
molecules such as "inflammatory cytokines", "pro-inflammatory factors"; exokg's own
"inflammatory response" phenotype) does not hold the adjective back: the name gives the
corpora nothing to ground, and BioRED marks the adjective in it ("[inflammatory]
cytokines", "[inflammatory] responses": 19 of 23 such uses in its training split, where
the whole phrase was never marked; "pro-[inflammatory]" 2 of 2, as "anti-[inflammatory]"
6 of 6, which the lexicon's "inflammatory" already marks outside such names). An
ungrounded disease or phenotype name that opens with the adjective gives way to it; a name
of another class (the molecules) stays.

Only annotation output (``exokg annotate``) reads this; the graph keeps its mentions as
they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from exokg.annotate.disease_heads import grounded_disease
from exokg.annotate.mentions import DocumentMention, annotation_class, mention_ids
from exokg.model import Document, Entity

__all__ = ["adjectival_diseases", "adjective_nouns"]

_DISEASE_CLASSES = frozenset({"Disease", "Phenotype"})
#: adjective ending -> noun ending, tried in this order
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("otoxic", "otoxicity"),
    ("otic", "osis"),
    ("ic", "ia"),
    ("ic", "y"),
    ("ptic", "psy"),
    ("atory", "ation"),
    ("sive", "sion"),
)
#: A lower-case (or sentence-initial capitalised) word of such an ending, not joined to
#: another word by a hyphen or slash.
_ADJECTIVE = re.compile(
    r"(?<![\w\-/])(?:[Pp]ro-)?([A-Za-z]?[a-z]{3,}(?:ic|atory|sive))(?![\w\-/])")
#: Prefixes that make the adjective say "against" or "without" the disease.
_NEGATING = ("anti", "non")
#: Endings of adjectives that are also nouns for a class of drugs ("analgesic",
#: "anaesthetic", "diuretic", "emetic"): what the drug does, not a disease; and "-phobic",
#: which in this literature describes molecules ("hydrophobic"), not phobias.
_DRUG_CLASS = ("esic", "etic", "phobic")
#: Classes a mention may have and still leave its words to this rule: processes and
#: outcomes ("inflammatory response" read as a process).
_READ_THROUGH = frozenset({"Process", "Outcome"})
#: The white space after the adjective (where the next word starts).
_NEXT_WORD = re.compile(r"\s+")

Lookup = Callable[[str], Sequence[Entity]]


def adjective_nouns(word: str) -> list[str]:
    """The nouns an adjective may be formed from, in the order tried (empty when the word
    has none of the endings).

    >>> adjective_nouns("atherosclerotic")
    ['atherosclerosis', 'atherosclerotia', 'atheroscleroty']
    >>> adjective_nouns("inflammatory"), adjective_nouns("hypertensive")
    (['inflammation'], ['hypertension'])
    """
    out: list[str] = []
    lower = word.lower()
    for ending, noun in _SUFFIXES:
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            candidate = lower[:-len(ending)] + noun
            if candidate not in out:
                out.append(candidate)
    return out


def _disease_of(word: str, lookup: Lookup) -> Entity | None:
    for noun in adjective_nouns(word):
        entity = grounded_disease(noun, lookup)
        if entity is not None:
            return entity
    return None


def _reads_through(mention: DocumentMention, word: str) -> bool:
    """True when ``mention``, which covers the adjective ``word``, leaves it to this rule:
    a name no external id grounds that opens with the adjective, of a class of molecules,
    cells, ... ("inflammatory cytokines") or of the very disease the adjective is formed
    from ("inflammatory response", exokg's phenotype *inflammation*); a minted disease of
    another name ("ischemic brain injury") keeps its words."""
    if mention.grounded or not mention.text.startswith(word):
        return False
    return mention.type not in _DISEASE_CLASSES \
        or mention.entity.label.lower() in adjective_nouns(word)


def adjectival_diseases(document: Document, mentions: list[DocumentMention],
                        lookup: Lookup, sentences: Sequence[tuple[int, int, int]]
                        ) -> list[DocumentMention]:
    """``mentions`` with each stand-alone adjective formed from a disease name (module
    docs) added as a mention of that disease, in text order.

    ``lookup`` is the open lexicon's :meth:`exokg.lexicon.Lexicon.lookup`; ``sentences``
    gives the document's sentences as (index, start, end) in ``document.text`` (an
    adjective outside every sentence, in no sentence the reader made, is skipped).
    Mentions already there are kept unchanged."""
    text = document.text
    diseases = [(m.start, m.end) for m in mentions if m.type in _DISEASE_CLASSES]
    others = [m for m in mentions if m.type not in _READ_THROUGH]
    replaced: set[tuple[int, int]] = set()
    added: list[DocumentMention] = []
    known: dict[str, Entity | None] = {}
    for match in _ADJECTIVE.finditer(text):
        word = match.group(1)
        start, end = match.span(1)
        lower = word.lower()
        if lower.startswith(_NEGATING) or lower.endswith(_DRUG_CLASS) \
                or word[1:] != word[1:].lower():
            continue
        covering = [m for m in others if m.start < end and start < m.end]
        if any(not _reads_through(m, match.group()) for m in covering):
            continue  # a disease name, or a cell, gene, chemical ... ("cytotoxic T cells")
        if start > match.start() and not covering:
            continue  # "pro-inflammatory" outside a name nothing grounds: round 6's rule
        after = _NEXT_WORD.match(text, end)
        if after is not None and any(s == after.end() for s, _ in diseases):
            continue  # it modifies the disease named next ("aggressive tumors")
        if word.lower() not in known:
            known[word.lower()] = _disease_of(word, lookup)
        entity = known[word.lower()]
        if entity is None:
            continue
        sentence = next(((i, s, e) for i, s, e in sentences if s <= start and end <= e), None)
        if sentence is None:
            continue
        ids, _ = mention_ids(entity)
        replaced.update((m.start, m.end) for m in covering if m.type in _DISEASE_CLASSES)
        added.append(DocumentMention(document.id, sentence[0], start, end, word,
                                     annotation_class(entity.category), ids, True, entity,
                                     "adjective", sentence[1], sentence[2]))
    if not added:
        return mentions
    kept = [m for m in mentions  # "inflammatory response", minted: the adjective instead
            if not (m.type in _DISEASE_CLASSES and (m.start, m.end) in replaced)]
    return sorted(kept + added, key=lambda m: (m.start, -m.end, m.type, m.ids))
