"""A generic disease word after the name of an organ: "renal hypoxia", "muscle toxicity".

Authors qualify a generic word for harm ("toxicity", "damage", "injury", "inflammation",
"dysfunction", "hypoxia", "lesions", "abnormalities", "impairment") with the organ it
strikes, and most such pairs are no name of any ontology: "renal hypoxia", "renal
inflammation", "hematologic toxicity", "muscle toxicity", "neurological toxicity". The
grounding corpora mark the pair as one mention with the id of the organ's disease
(Kidney Diseases, Hematologic Diseases, Muscular Diseases, Nervous System Diseases): in
their training splits "renal damage" (BioRED 6, BC5CDR 5), "renal dysfunction" (2, 5),
"renal injury" (BC5CDR 7) and "renal hypoxia" (BioRED 2) are all D007674, "myocardial
damage" / "myocardial injury" (BioRED 5, BC5CDR 9) D009202, "hematologic toxicity"
D006402, "muscle disorders" D009135. exokg's recognisers find only the generic word, as an
unspecific disease or phenotype (Hypoxia, Inflammation, Toxicity), which the corpora do
not mark there.

:func:`organ_diseases` widens such a mention over the word before it when that word,
written in lower case, names an organ, a tissue or an organ system (a closed list of
English anatomical words: "renal", "hepatic", "myocardial", "hematologic", "muscle", ...)
whose disease the open lexicon knows with a MeSH id: "<word> disease", "<word> diseases",
"<word> disorder" or "<word> disorders" ("renal disease" -> kidney disorder, MeSH D007674;
"hematologic disease" -> D006402). Any other word ("oxidative damage", "DNA damage",
"developmental toxicity") leaves the mention as it is, and so does a generic word the
lexicon found inside a longer name ("acute kidney injury", "brain injury" are names of
their own). The corpora differ on one pair: BC5CDR marks only "toxicity" in "hematologic
toxicity" (3 times in its training split), BioRED the whole phrase; BioRED's choice, the
same as for the other organs, is taken.

Only annotation output (``exokg annotate``) reads this; the graph keeps its mentions as
they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from exokg.annotate.mentions import DocumentMention, annotation_class, mention_ids
from exokg.model import Document, Entity

__all__ = ["organ_diseases"]

_DISEASE_CLASSES = frozenset({"Disease", "Phenotype"})
#: Generic words for harm that take the organ they strike as a modifier.
_GENERIC_HEADS = frozenset({
    "toxicity", "damage", "injury", "injuries", "inflammation", "dysfunction",
    "dysfunctions", "hypoxia", "lesion", "lesions", "abnormality", "abnormalities",
    "impairment",
})
#: Words that name an organ, a tissue, an organ system or the organelle whose diseases MeSH
#: files ("mitochondrial dysfunction": Mitochondrial Diseases in all three corpora), noun or
#: adjective. A word for a field or a kind of effect ("developmental", "behavioral",
#: "oxidative") is no organ: BC5CDR marks only "toxicity" in "developmental toxicity", whose
#: "<word> disease" the lexicon also knows (Developmental Disabilities).
_ORGAN_WORDS = frozenset("""renal kidney hepatic liver cardiac heart myocardial cardiovascular
pulmonary lung respiratory cerebral brain cerebellar neurological neurologic neural nerve
hematologic hematological haematologic haematological blood muscle muscular skeletal
bladder gastric stomach intestinal bowel colonic retinal ocular eye skin cutaneous dermal
vascular spinal bone joint synovial pancreatic thyroid adrenal testicular ovarian uterine
placental cochlear auditory mitochondrial""".split())
#: An organ's word and a generic word for harm, in lower case, that no recogniser may have
#: marked: the harm words above and "disorder(s)" ("muscle disorders").
_PAIR = re.compile(r"(?<![\w/-])([a-z]+) (?:" + "|".join(sorted(_GENERIC_HEADS)) +
                   r"|disorders?)(?![\w-])")
#: How the lexicon names an organ's diseases, tried in this order.
_DISEASE_OF = ("disease", "diseases", "disorder", "disorders")

Lookup = Callable[[str], Sequence[Entity]]


def _word_before(text: str, start: int) -> tuple[int, str] | None:
    """The organ's name right before ``start`` (one space between, lower case), with its
    start; None when there is none or it is glued to something before it."""
    if start < 2 or text[start - 1] != " ":
        return None
    i = start - 1
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    word = text[i:start - 1]
    if word not in _ORGAN_WORDS:
        return None
    if i > 0 and (text[i - 1].isalnum() or text[i - 1] in "-/"):
        return None
    return i, word


def _organ_disease(word: str, lookup: Lookup) -> Entity | None:
    """The disease of the organ ``word`` names, with a MeSH id; None for a word that is a
    disease itself or names no organ's disease."""
    if any(e.category in _DISEASE_CLASSES for e in lookup(word)):
        return None
    for noun in _DISEASE_OF:
        for entity in lookup(f"{word} {noun}"):
            if entity.category not in _DISEASE_CLASSES:
                continue
            ids, grounded = mention_ids(entity)
            if grounded and any(i.startswith("MESH:") for i in ids):
                return entity
    return None


def organ_diseases(document: Document, mentions: list[DocumentMention],
                   lookup: Lookup, sentences: Sequence[tuple[int, int, int]] = ()
                   ) -> list[DocumentMention]:
    """``mentions`` with each disease or phenotype mention that is only a generic word for
    harm, written after an organ's name, widened over that name and grounded to the organ's
    disease (module docs), and each such pair no recogniser marked ("skin lesions",
    "mitochondrial damage", "muscle disorders": the generic word alone is no disease in the
    lexicon) added as a mention of the organ's disease; other mentions unchanged.

    ``lookup`` is the open lexicon's :meth:`exokg.lexicon.Lexicon.lookup`; ``sentences``
    gives the document's sentences as (index, start, end) in ``document.text`` (a pair in
    no sentence is not added).
    """
    text = document.text
    known: dict[str, Entity | None] = {}
    diseases = [(m.start, m.end) for m in mentions if m.type in _DISEASE_CLASSES]
    out = []
    for m in mentions:
        before = None
        if m.type in _DISEASE_CLASSES and m.text.lower() in _GENERIC_HEADS:
            before = _word_before(text, m.start)
        if before is not None:
            start, word = before
            if word not in known:
                known[word] = _organ_disease(word, lookup)
            entity = known[word]
            if entity is not None and not any(s < m.start - 1 and start < e
                                              for s, e in diseases):
                ids, _ = mention_ids(entity)
                m = replace(m, start=start, text=text[start:m.end], ids=ids, entity=entity,
                            grounded=True, type=annotation_class(entity.category))
        out.append(m)
    out += _unmarked_pairs(document, out, known, lookup, sentences)
    return sorted(out, key=lambda m: (m.start, -m.end, m.type, m.ids))


def _unmarked_pairs(document: Document, mentions: list[DocumentMention],
                    known: dict[str, Entity | None], lookup: Lookup,
                    sentences: Sequence[tuple[int, int, int]]) -> list[DocumentMention]:
    """Mentions of an organ's disease for each organ-and-harm pair that overlaps no
    disease or phenotype mention."""
    text = document.text
    diseases = [(m.start, m.end) for m in mentions if m.type in _DISEASE_CLASSES]
    added = []
    for match in _PAIR.finditer(text):
        start, end = match.span()
        word = match.group(1)
        if word not in _ORGAN_WORDS or any(s < end and start < e for s, e in diseases):
            continue
        sentence = next(((i, s, e) for i, s, e in sentences if s <= start and end <= e), None)
        if sentence is None:
            continue
        if word not in known:
            known[word] = _organ_disease(word, lookup)
        entity = known[word]
        if entity is None:
            continue
        ids, _ = mention_ids(entity)
        added.append(DocumentMention(document.id, sentence[0], start, end, match.group(),
                                     annotation_class(entity.category), ids, True, entity,
                                     "organ", sentence[1], sentence[2]))
    return added
