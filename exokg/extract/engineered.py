"""Engineered vesicles named by what was done to them: "surface-modified engineered
exosomes", "neuron-targeting exosomes", "RGD-modified EVs", "Que loaded mAb GAP43
conjugated exosomes (Que/mAb GAP43-Exo)". Such a name is the document's product, not plain
exosomes: the vesicle mention is widened over its modifiers and stands for an
``ExosomePreparation`` with the parts ``vesicleType``, ``engineering: "modified"`` and
``designation`` (the name as first written, normalised). Within a document, every later
engineered name of the same vesicle type, and every reference resolved to the document's
preparation ("Exo", "the exosomes", :mod:`exokg.extract.references`), is that product; the
names it was written under are kept as synonyms.

An antibody named after the protein it binds ("a monoclonal antibody against GAP43 (mAb
GAP43)", "anti-GAP43") is not that protein: such mentions are dropped, so that neither
the antibody nor its target reads as cargo or as an object of change.

A name is engineered when its modifiers, read leftwards from the vesicle word up to the
first word that is neither a modifier nor a name, hold an engineering word that says what
was done (targeting, targeted, conjugated, loaded, functionalised, decorated, coated,
carrying, displaying, a compound such as "surface-modified" or "RGD-modified") or an
antibody ("mAb"); "engineered EVs" or "modified exosomes" alone is the kind of product a
review speaks of and stays a plain vesicle. A vesicle of a body fluid or of patients is
never a product.
"""

from __future__ import annotations

import re
from dataclasses import replace

from exokg.extract.base import DocumentState
from exokg.extract.levels import SELECTED_BY
from exokg.extract.references import names_kind_of_therapy
from exokg.model import Analysed, Entity, Mention
from exokg.recognise.composite import preparation_id

_ENGINEERING = re.compile(r"^(?:[\w]+[-/])*(?:surface-?)?(?:(?:bio)?engineered|modified|"
                          r"functionali[sz]ed|decorated|targeted|targeting|conjugated|loaded|"
                          r"armed|coated|carrying|displaying|mAb|anti-[\w-]+)-?$", re.I)
# a name or an abbreviation inside an engineered name: "Que", "mAb", "GAP43-", "RGD-"
_NAME = re.compile(r"^(?=.*[A-Z0-9])[\w/+.]+(?:-[\w/+.]*)*-?$")
_NOT_NAME = re.compile(r"^(?:we|the|these|this|those|our|in|a|an|of|and|or|with|by|to|"
                       r"after|following|both|all|here|however|then|thus)$", re.I)
_VERBAL = re.compile(r"^(?:were|was|are|is|been|be|we|they)$", re.I)
_ANTIBODY = re.compile(r"(?:antibod(?:y|ies)|mAbs?|Abs?)\s+(?:against|to|for|raised\s+against)"
                       r"\s+(?:the\s+)?$|(?:\banti-|\bmAb\s+)$", re.I)
_BODY = re.compile(r"\b(?:serum|plasma|blood|circulating|urinary|patients?['’]?|"
                   r"patient-derived|endogenous)\s+(?:\w+\s+){0,2}$", re.I)


_GENERIC = re.compile(r"^(?:bio)?(?:engineered|modified)$", re.I)
# a short form in brackets right after a name, with a capital letter or a slash in it
# ("... exosomes (Que/mAb GAP43-Exo)"), also after a phrase of what was done to them ("...
# exosomes loaded with curcumin (Ang-Exo/Cur)")
_SHORT_AFTER = re.compile(r"(?:\s+(?:loaded|conjugated|decorated|coated|functionali[sz]ed|"
                          r"modified|carrying|encapsulating|labell?ed)\s+(?:with|to|by)?\s*"
                          r"[^().;,]{0,60}?)?"
                          r"\s*\(\s*((?=[^()\s]*[A-Z/])[^()\s;,]{2,30}(?:\s[^()\s;,]{1,15})?)"
                          r"\s*\)")
# a short form defined right after the name: "neuron-targeting exosomes (Exo"
_DEFINED = re.compile(r"\S\s*\(\s*$")


def _modifiers(text: str, start: int) -> int | None:
    """Where the engineered name ending at the vesicle word starting at ``start`` begins,
    or None when the words before it hold no engineering word."""
    pos = start
    begin = None
    engineered = False
    # "GAP43-Exo", "RGD-EVs" (searched only when the text before ends in a hyphen, as it
    # must for a match: the search tries every position of the text before)
    glued = re.search(r"([\w/+.]+-)$", text[:pos]) \
        if text.endswith("-", 0, pos) or text.endswith("-\n", 0, pos) else None
    tokens = []
    if glued:
        tokens.append((glued.start(1), glued.group(1)))
        pos = glued.start(1)
    offset = max(0, pos - 120)
    for m in reversed(list(re.finditer(r"[\w/+.-]+", text[offset:pos]))):
        if text[offset + m.end():pos].strip():
            break  # punctuation between words ends the name
        tokens.append((offset + m.start(), m.group()))
        pos = offset + m.start()
        if len(tokens) >= 7:
            break
    for at, word in tokens:
        if _VERBAL.match(word) or _NOT_NAME.match(word):
            break
        if _ENGINEERING.match(word):
            # "engineered EVs" alone is the kind of product a review speaks of; a name
            # says which: "neuron-targeting", "surface-modified", "mAb ... conjugated"
            engineered = engineered or not _GENERIC.match(word)
        elif not _NAME.match(word) and not re.match(r"^[a-z]+-(?:modified|targeting|targeted|"
                                                    r"conjugated|loaded|coated)$", word):
            break
        begin = at
    return begin if engineered else None


def drop_antibody_targets(a: Analysed) -> Analysed:
    """``a`` without the gene and protein mentions that name an antibody's target ("a
    monoclonal antibody against GAP43", "mAb GAP43", "anti-GAP43"), except an antibody
    that captures or selects vesicles ("immunocaptured with an anti-L1CAM antibody": the
    protein is the vesicles' marker, read by
    :func:`exokg.extract.levels.population_markers` with the same pattern)."""
    keep = [m for m in a.mentions if not (
        m.category in ("Gene", "Protein") and (
            _ANTIBODY.search(a.text[max(0, m.start - 40):m.start])
            or re.match(r"(?:mAbs?|anti-)", m.text, re.I))
        and not SELECTED_BY.search(a.text[max(0, m.start - 120):m.start]))]
    return a if len(keep) == len(a.mentions) else replace(a, mentions=tuple(keep))


def engineered_preparations(a: Analysed, state: DocumentState) -> Analysed:
    """``a`` with each engineered vesicle name read as the document's engineered product
    (see the module docs); updates ``state.engineered`` (vesicle type -> product)."""
    a = drop_antibody_targets(a)
    mentions = list(a.mentions)
    changed = False
    for i, m in enumerate(a.mentions):
        if m.category != "Vesicle" or _BODY.search(a.text[max(0, m.start - 40):m.start]) \
                or names_kind_of_therapy(a.text, m.end):
            continue
        begin = _modifiers(a.text, m.start)
        product = state.engineered.get(m.entity.id)
        if begin is None:
            if product is not None and (m.text in product.synonyms or _DEFINED.search(
                    a.text, 0, m.start) and any(x.source == "engineered"
                                                  for x in mentions[:i])):
                # "neuron-targeting exosomes (Exo)": the short form the product was given
                if m.text not in product.synonyms:
                    product = replace(product, synonyms=tuple(sorted({*product.synonyms,
                                                                      m.text})))
                    state.engineered[m.entity.id] = product
                mentions[i] = Mention(product, m.start, m.end, m.text, "engineered")
                changed = True
            continue
        name = " ".join(a.text[begin:m.end].split())
        if product is None:
            designation = re.sub(r"[^a-z0-9/]+", " ", name.casefold()).strip()
            parts = {"vesicleType": m.entity.id, "engineering": "modified",
                     "designation": designation}
            product = Entity(preparation_id(parts), name, "ExosomePreparation",
                             attributes=tuple(sorted(parts.items())))
        elif name != product.label and name not in product.synonyms:
            product = replace(product, synonyms=tuple(sorted({*product.synonyms, name})))
        state.engineered[m.entity.id] = product
        mentions[i] = Mention(product, begin, m.end, a.text[begin:m.end], "engineered")
        changed = True
    # "Angiopep-targeted exosomes loaded with curcumin (Ang-Exo/Cur)": the short form in
    # brackets right after an engineered name is the product's, here and in later sentences
    for x in [x for x in mentions if x.source == "engineered"]:
        short = _SHORT_AFTER.match(a.text, x.end)
        if short and not any(y.start == short.start(1) and y.source == "engineered"
                             for y in mentions):
            product = replace(x.entity, synonyms=tuple(sorted({*x.entity.synonyms,
                                                                short.group(1)})))
            state.engineered[x.entity.attr("vesicleType")[0]] = product
            state.short_forms[short.group(1)] = product
    for form, product in state.short_forms.items():
        for found in re.finditer(rf"(?<![\w/-]){re.escape(form)}(?![\w/-])", a.text):
            if any(y.start < found.end() and found.start() < y.end and y.category != "Vesicle"
                   for y in mentions) or any(y.start == found.start() and y.source ==
                                             "engineered" for y in mentions):
                continue
            mentions = [y for y in mentions if not (y.start < found.end()
                                                    and found.start() < y.end)]
            mentions.append(Mention(product, found.start(), found.end(), form, "engineered"))
            changed = True
    if not changed:
        return a
    spans = [(x.start, x.end) for x in mentions if x.source == "engineered"]
    mentions = [x for x in mentions if x.source == "engineered" or not any(
        s <= x.start and x.end <= e for s, e in spans)]
    mentions.sort(key=lambda x: (x.start, x.source))
    return replace(a, mentions=tuple(mentions))
