"""Products a study makes around its vesicles or cells and names by what they are: "this
multifunctional scaffold", "the injectable hydrogel releasing MSC-EVs", "an exosome-laden
hydrogel", "MExos-collagen scaffold", "the nanovesicle formulation", "this drug delivery
system".

No vocabulary lists such products, yet they are what a sentence's effects are claimed of:
"By recruiting NSCs, this multifunctional scaffold improved motor function" is a claim of the
scaffold, not of the NSCs it recruits nor of the exosomes it carries. A noun phrase whose head
is a product noun (:data:`PRODUCT_HEADS`: scaffold, hydrogel, patch, conduit, microsphere,
microneedle, dressing, sponge, implant, formulation, platform, a delivery or release system)
becomes a ``Therapy`` entity of its own, ``exokg:therapy/{slug}-{hash}``, labelled by the
phrase without its determiner ("multifunctional scaffold"), the written phrase a synonym;
a preparation, vesicle or cell named inside the phrase ("MExos-collagen scaffold",
"exosome-laden hydrogel") or right after it with a word of holding ("hydrogel releasing
MSC-EVs", "scaffold loaded with exosomes") is its part (``BFO:0000051``), and the phrase
covers it, so that the part does not take the product's effects.

A phrase is read when a determiner opens it or a part is named in it; the head alone ("a
platform for drug screening" is read, "scaffold proteins" is not: a product noun followed by
another noun is a modifier). Within a document, a later "this scaffold" or "the hydrogel"
is the product of that head named before (:func:`exokg.extract.composed.same_product`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exokg.ids import mint
from exokg.model import Entity, Mention
from exokg.text.prefilter import Needs

__all__ = ["PRODUCT_HEADS", "find_products", "head_noun", "left_edge", "product_entity"]

#: the head nouns of a product phrase
PRODUCT_HEADS = (r"scaffolds?|hydrogels?|patch(?:es)?|conduits?|microspheres?|microneedles?|"
                 r"dressings?|sponges?|implants?|formulations?|platforms?|"
                 r"(?:drug[-\s]+)?(?:delivery|release)\s+systems?")
# not "scaffold proteins", "patch-clamp", nor "the formulation of hypotheses", "a patch of
# skin" (a product is not named with "of" after its head)
_HEAD = re.compile(r"\b(?P<head>" + PRODUCT_HEADS + r")\b(?!\s+(?:proteins?|genes?|cells?|"
                   r"molecules?|of)\b|-)", re.I)
_NEEDS = Needs(_HEAD)  # the words the head pattern requires (prefilter)
#: the determiner that opens a product phrase
_DETERMINER = re.compile(r"(?:this|these|the|our|such|an?|that|those)$", re.I)
#: a word that can stand inside a product phrase before its head: an adjective or noun in
#: lower case, or a composed name ("MExos-collagen", "exosome-laden", "3D-printed")
_MODIFIER = re.compile(r"[\w@+/.-]+$")
#: words that end the phrase to the left: verbs, prepositions, conjunctions
_NOT_MODIFIER = re.compile(r"(?:of|in|on|at|by|with|from|into|onto|to|for|and|or|but|as|via|"
                           r"was|were|is|are|be|been|has|have|had|that|which|we|they|it|"
                           r"after|before|using|than|then|both|also|not|no|through|"
                           r"within|between|among|while|when|whereas)$", re.I)
_PARTICIPLE = re.compile(r"[a-z]+ed$", re.I)
_WORDS = re.compile(r"\S+")
#: the plural ending of a head noun ("patches", "scaffolds")
_PLURAL = re.compile(r"(?<=ch)es$|(?<!s)s$")
#: a word of holding between the phrase and a part named after it
_HOLDING = re.compile(r"\s+(?:releasing|loaded\s+with|containing|carrying|encapsulating|"
                      r"laden\s+with|incorporating|embedded\s+with|functionali[sz]ed\s+with|"
                      r"decorated\s+with|with)\s+(?:the\s+)?$", re.I)
_PARTS = frozenset({"ExosomePreparation", "Vesicle", "Cell", "Therapy", "Drug",
                    "HerbalPreparation"})


def head_noun(written: str) -> str | None:
    """The product noun a product phrase ends in, singular and lower case ("this
    multifunctional scaffold" -> "scaffold"), or None."""
    found = list(_HEAD.finditer(written))
    if not found:
        return None
    head = found[-1].group("head").casefold().split()[-1]
    return _PLURAL.sub("", head)


def product_entity(label: str, parts: Sequence[Entity], written: str,
                   source: Entity | None = None) -> Entity:
    """The product labelled ``label`` made with ``parts`` and derived from the cells
    ``source`` (a secretome, :mod:`exokg.recognise.secretomes`) (deterministic id: the label
    and the parts' and source's ids); ``written`` is kept as a synonym."""
    key = "|".join([label, *sorted(p.id for p in parts)] + ([source.id] if source else []))
    synonyms = tuple(sorted({" ".join(written.split())} - {label}))
    attributes = {("BFO:0000051", p.id) for p in parts}
    if source is not None:
        attributes.add(("RO:0001000", source.id))
    return Entity(mint("therapy", key), label, "Therapy", synonyms=synonyms,
                  attributes=tuple(sorted(attributes)))


def find_products(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Product mentions of one sentence (module docs). ``mentions`` are the sentence's
    top-level mentions; returns ``Therapy`` mentions (source ``"product"``) over each
    product phrase, with any part it names inside or right after it."""
    if not _NEEDS.may_match(text):
        return []
    out: list[Mention] = []
    for h in _HEAD.finditer(text):
        if any(m.start < h.end() and h.start() < m.end and m.category not in _PARTS
               for m in mentions):
            continue  # inside another name ("nervous system" is no product here anyway)
        start, determiner = left_edge(text, h.start())
        inside = [m for m in mentions if start <= m.start and m.end <= h.start()
                  and m.category in _PARTS]
        if any(start <= m.start < h.start() < m.end or m.start < start < m.end
               for m in mentions):
            continue  # a mention cut by the phrase
        end = h.end()
        after = [m for m in mentions if m.start >= end and m.category in _PARTS]
        if after and _HOLDING.fullmatch(text[end:after[0].start]):
            inside.append(after[0])
            end = after[0].end
        if determiner is None and not inside:
            continue
        label_start = start if determiner is None else determiner
        # lower case, as labels are, but for abbreviations ("MExos-collagen scaffold")
        label = " ".join(_lower(w) for w in text[label_start:h.end()].split())
        written = text[label_start:end]
        entity = product_entity(label, [m.entity for m in inside], written)
        out.append(Mention(entity, start, end, text[start:end], "product"))
    return out


def _lower(word: str) -> str:
    """``word`` in lower case where it is only capitalised ("Scaffold", "Exosomes-Collagen"
    -> "exosomes-collagen"); an abbreviation keeps its capitals ("MExos", "3D")."""
    return "-".join(p.lower() if p[:1].isupper() and p[1:].islower() else p
                    for p in word.split("-"))


def left_edge(text: str, head: int) -> tuple[int, int | None]:
    """Where the product phrase whose head starts at ``head`` begins, and where the words
    after its determiner begin (None when no determiner opens it)."""
    pos = head
    words = 0
    # an unhyphenated participle ends a phrase no determiner opens ("paclitaxel delivered
    # MExos-collagen scaffold" is the scaffold; "this engineered hydrogel" keeps its word)
    participle: int | None = None
    for m in reversed(list(_WORDS.finditer(text, max(0, head - 120), head))):
        word = m.group()
        at = m.start()
        if text[at + len(word):pos].strip():
            break
        if _DETERMINER.fullmatch(word):
            return at, pos
        if words >= 4 or _NOT_MODIFIER.fullmatch(word) or not _MODIFIER.fullmatch(word) or \
                word[-1:] in ",;:":
            break
        if participle is None and _PARTICIPLE.fullmatch(word):
            participle = pos
        pos = at
        words += 1
    return (participle if participle is not None else pos), None
