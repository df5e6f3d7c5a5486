"""Arms of a study's preparation named on the short form the document defined for it.

**Variants**, a prefix glued to the short form: "WT-EPC-EXs" and "R-EPC-EXs" after "EPC
derived exosomes (EPC-EXs)" (the exosomes of wild-type and of hypertensive donors' EPCs),
"Nor-MSC-Exos" and "Hypo-MSC-Exos" (of normoxic and hypoxic MSCs), "OGD-ADSC-Exos".

Authors keep the arms of a study apart by one prefix on the short form: the word is the
vesicles of the short form's source, in the state, donor or treatment the prefix names, and
never the source cells. Each prefix is its own preparation: the defined preparation's parts
with the written name as ``designation`` (the graph model's property that tells products
with the same other parts apart), labelled ``PREFIX-SHORT`` as the document writes it, so
"WT-EPC-EXs" and "R-EPC-EXs" are two entities and neither is the plain "EPC-EXs".

**Dose or schedule arms**, a number or a dose letter after the short form of a preparation or
a product the document defined, where the text defines the label too ("conditioned medium
(CM) ... infused once (1 h post-stroke; CM1) or three times (...; CM3)", "MSC-EVs at a low
(EV-L) or high dose (EV-H)"): "CM3 treatment", "rats treated with CM3" are that preparation
given in that arm. The graph model has no part for a dose or a schedule: the arm is the
preparation itself (:func:`arm_mentions`), never nothing.

Not variants: a prefix that is a molecule (a gene, protein, miRNA, drug or chemical: "BDNF-
EPC-EXs" is an engineered product, :mod:`.composed_names` reads it); a lower-case prefix
("pre-", "non-", "anti-"); a prefix glued to a longer word ("miR-126-EPC-EXs": the miRNA
is the prefix, and it is a molecule).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from exokg.model import Entity, Mention
from exokg.recognise.composed_names import designation
from exokg.recognise.composite import preparation_id

__all__ = ["arm_mentions", "variant_mentions"]

#: a short form that ends in a vesicle word ("EPC-EXs", "MSC-Exos", "hUC-sEVs")
_VESICLE_SHORT = re.compile(r"[\w-]*(?:s?EVs?|Exos?|EXOs?|exos?|EXs?)")
#: mentions that make the prefix a part of an engineered product's name, not a variant's
_MOLECULE = frozenset({"Gene", "Protein", "MicroRNA", "MicroRNACluster", "Drug", "Chemical",
                       "HerbalPreparation", "CircularRNA", "LongNoncodingRNA"})


def variant_mentions(text: str, aliases: Mapping[str, object],
                     found: Sequence[Mention]) -> list[Mention]:
    """Mentions of prefixed variants (module docs) of the preparation short forms in
    ``aliases`` (the document's defined short forms, as :mod:`.document` collects them) in
    ``text``; ``found`` are the sentence's dictionary mentions (a prefix a molecule covers
    is no variant). Returns ``ExosomePreparation`` mentions (source ``"abbreviation"``)
    over each ``PREFIX-SHORT`` word."""
    if "-" not in text:
        return []
    out: list[Mention] = []
    for short, entity in aliases.items():
        if not isinstance(entity, Entity) or entity.category != "ExosomePreparation" or \
                not _VESICLE_SHORT.fullmatch(short) or short.rstrip("s") not in text:
            continue
        body = re.escape(short.rstrip("s")) + r"s?"
        for m in re.finditer(r"(?<![\w-])(?P<prefix>[A-Za-z0-9][A-Za-z0-9+]{0,5})-" + body +
                             r"(?![\w-])", text):
            prefix = m.group("prefix")
            if not re.search(r"[A-Z0-9]", prefix) or any(
                    f.category in _MOLECULE and f.start < m.end("prefix") and
                    m.start() < f.end for f in found):
                continue
            label = f"{prefix}-{short}"
            attrs = dict(entity.attributes)
            attrs["designation"] = designation(label)
            variant = Entity(preparation_id(attrs), label, "ExosomePreparation",
                             synonyms=tuple(sorted({m.group()} - {label})),
                             attributes=tuple(sorted(attrs.items())))
            out.append(Mention(variant, m.start(), m.end(), m.group(), "abbreviation"))
    return out


#: what the text writes after a short form for a dose or schedule arm: "CM3", "EV-H",
#: "Exo-low"
_ARM = r"(?:-?[1-9]\d?|-(?:H|L|M|high|low|medium|HD|LD))"
#: the categories a short form of an arm stands for: the study's preparation or product
_ARMED = frozenset({"ExosomePreparation", "Therapy"})


def arm_mentions(text: str, aliases: Mapping[str, object], document_text: str
                 ) -> list[Mention]:
    """Mentions of dose or schedule arms (module docs) of the preparation and product short
    forms in ``aliases`` in ``text``: an arm label counts only where ``document_text``
    defines it in brackets ("...; CM3)", "(EV-H)"). Returns mentions of the preparation
    itself (source ``"abbreviation"``) over each label."""
    out: list[Mention] = []
    for short, entity in aliases.items():
        if not isinstance(entity, Entity) or entity.category not in _ARMED or \
                len(short) < 2 or short not in text:
            continue
        for m in re.finditer(r"(?<![\w-])" + re.escape(short) + _ARM + r"(?![\w-])", text):
            if re.search(r"[(;,]\s*" + re.escape(m.group()) + r"\s*[);,]", document_text):
                named = replace(entity, synonyms=tuple(sorted({*entity.synonyms, m.group()})))
                out.append(Mention(named, m.start(), m.end(), m.group(), "abbreviation"))
    return out
