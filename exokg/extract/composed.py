"""Composed preparation names within a document (:mod:`exokg.recognise.composed_names`):
one preparation entity per product the document names.

* "M2 macrophage EVs (Cur@EVs-cl-NGF)": a composed name written in brackets right after a
  preparation or vesicle mention names that product; the product is the composed one with
  the source cell the longer name gives, and the longer name is its synonym;
* "TNFα-Exos" after "exosomes from TNFα-preconditioned MSCs": a composed name whose parts
  (vesicle type, the molecule as cargo or priming, the source when it names one) all belong
  to the preparation the document named last is that preparation, the composed word a
  synonym;
* a composed name of an engineered product (a modifier in it) in a document that named
  an engineered product of the same vesicle type before ("RBP-Exos" after "an exosome
  linked to RAGE-binding peptide (RBP-Exo)", :mod:`exokg.extract.engineered`) is that
  product;
* a composed word that :mod:`exokg.extract.engineered` took as the short form of an
  engineered name ("Angiopep-targeted exosomes loaded with curcumin (Ang-Exo/Cur)") is
  that product;
* a composed word met again later in the document is the product it was first read as.
"""

from __future__ import annotations

import re
from dataclasses import replace

from exokg.extract.base import DocumentState
from exokg.model import Analysed, Entity, Mention
from exokg.recognise.composite import preparation_id
from exokg.recognise.products import head_noun
from exokg.recognise.secretomes import SECRETOME_HEADS, secretome_head

__all__ = ["same_preparation", "same_product"]

#: a product phrase that points back ("this scaffold", "the hydrogel") rather than
#: introducing one ("a hydrogel")
_BACK = re.compile(r"^(?:this|these|the|that|those|such|our)\b", re.I)

_SPACES = re.compile(r"\s+")
_BRACKET_BEFORE = re.compile(r"\s*\(\s*$")
_BRACKET_AFTER = re.compile(r"^\s*\)")


def _key(written: str) -> str:
    return _SPACES.sub("", written)


def _named(entity: Entity, names: set[str]) -> Entity:
    """``entity`` with ``names`` (other than its label) among its synonyms."""
    extra = names - {entity.label, *entity.synonyms}
    if not extra:
        return entity
    return replace(entity, synonyms=tuple(sorted({*entity.synonyms, *extra})))


def _with_source(composed: Entity, longer: Entity, written: str) -> Entity:
    """The composed product with the source cell (and taxon) of the ``longer`` name it
    stands for, written as ``written``."""
    attrs = dict(composed.attributes)
    for part in ("sourceCell", "sourceTaxon"):
        value = longer.attr(part)
        if value and part not in attrs:
            attrs[part] = value[0]
    written = " ".join(written.split())
    if attrs == dict(composed.attributes):
        return _named(composed, {written})
    entity = Entity(preparation_id(attrs), composed.label, "ExosomePreparation",
                    synonyms=composed.synonyms, attributes=tuple(sorted(attrs.items())))
    return _named(entity, {written})


def _contains(preparation: Entity, composed: Entity) -> bool:
    """True when every part of ``composed`` (its molecule as cargo or priming, its source)
    belongs to ``preparation`` and the composed name says no more (no designation)."""
    if composed.attr("designation") or \
            preparation.attr("vesicleType") != composed.attr("vesicleType"):
        return False
    molecule = composed.attr("cargo")
    if not molecule or molecule[0] not in {*preparation.attr("cargo"),
                                           *preparation.attr("treatedWith")}:
        return False
    source = composed.attr("sourceCell")
    return not source or source == preparation.attr("sourceCell")


def same_preparation(a: Analysed, state: DocumentState) -> Analysed:
    """``a`` with its composed names resolved within the document (module docs); updates
    ``state.composed`` (written word -> product). Returns ``a`` itself when the sentence has
    no composed name."""
    if not any(m.source == "composed" or (m.source == "abbreviation" and
                                          m.text in state.short_forms) for m in a.mentions):
        return a
    mentions = list(a.mentions)
    for i, m in enumerate(mentions):
        if m.category == "ExosomePreparation" and m.text in state.short_forms:
            # "Angiopep-targeted exosomes loaded with curcumin (Ang-Exo/Cur)": the short
            # form exokg.extract.engineered gave the engineered product it follows
            mentions[i] = Mention(state.short_forms[m.text], m.start, m.end, m.text,
                                  "engineered")
            continue
        if m.source != "composed":
            continue
        key = _key(m.text)
        product = state.composed.get(key)
        before = mentions[i - 1] if i > 0 else None
        engineered = state.engineered.get(m.entity.attr("vesicleType")[0])
        if product is None and m.entity.attr("designation") and (engineered is not None or any(
                m.text in form for form in state.short_forms)):
            # "RBP-Exos" after "an exosome linked to RAGE-binding peptide (RBP-Exo)": the
            # document's engineered product (exokg.extract.engineered)
            product = next((p for form, p in state.short_forms.items() if m.text in form),
                           engineered)
            assert product is not None
            product = _named(product, {m.text})
        elif product is None and before is not None and \
                before.category in ("ExosomePreparation", "Vesicle") and \
                _BRACKET_BEFORE.fullmatch(a.text[before.end:m.start]) and \
                _BRACKET_AFTER.match(a.text[m.end:]):
            product = _with_source(m.entity, before.entity, before.text) \
                if before.category == "ExosomePreparation" else m.entity
            mentions[i - 1] = Mention(product, before.start, before.end, before.text,
                                      "reference")
        elif product is None and state.preparation is not None and \
                _contains(state.preparation, m.entity):
            product = _named(state.preparation, {m.text})
            state.preparation = product
        if product is None:
            product = m.entity
        state.composed[key] = product
        mentions[i] = Mention(product, m.start, m.end, m.text, "composed")
    return replace(a, mentions=tuple(mentions))


def same_product(a: Analysed, state: DocumentState) -> Analysed:
    """``a`` with each product phrase (:mod:`exokg.recognise.products`) that points back
    ("this multifunctional scaffold", "the hydrogel") resolved to the product of the same
    head noun the document named before, the phrase kept as its synonym; updates
    ``state.products`` (head noun -> product). Returns ``a`` itself when the sentence names
    no product."""
    if not any(m.source == "product" for m in a.mentions):
        return a
    mentions = list(a.mentions)
    for i, m in enumerate(mentions):
        head = (head_noun(m.text) or secretome_head(m.entity)) if m.source == "product" \
            else None
        if head is None:
            continue
        earlier = state.products.get(head)
        # "the conditioned medium", "allogenic cell-derived conditioned medium": a secretome
        # with no source cell of its own is the one named before
        back = _BACK.match(m.text) or m.entity.label in SECRETOME_HEADS
        if earlier is not None and back and earlier.id != m.entity.id:
            product = _named(earlier, {" ".join(m.text.split()[1:])})
            mentions[i] = Mention(product, m.start, m.end, m.text, "product")
            state.products[head] = product
        elif earlier is None or not back:
            state.products[head] = m.entity
    return replace(a, mentions=tuple(mentions))
