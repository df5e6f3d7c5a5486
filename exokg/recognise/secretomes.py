"""Secretomes and conditioned media named as a therapy or an agent: "MSC conditioned medium",
"mesenchymal stem cell-conditioned medium", "MSC-CM", "the secretome of ADSCs",
"conditioned medium from hypoxic astrocytes", "OGD-conditioned medium".

What cells release into their medium is given as a product of its own (the canine study
infuses "bone marrow mesenchymal stem cell conditioned medium"; in vitro, neurons are exposed
to "astrocyte-conditioned medium"). It is neither a vesicle preparation (nothing was
isolated) nor the cells: "MSC-CM improved locomotion" is not a claim of MSCs. The phrase
becomes a ``Therapy`` (:func:`exokg.recognise.products.product_entity`, source
``"product"``) labelled "<cell> conditioned medium" or "<cell> secretome" after the Cell
Ontology / vocabulary label of its source, with ``RO:0001000`` (derives from) to the source
cell; the written phrase is a synonym and covers the cell's mention, so the cells take none
of its claims. The source is the cell named right before the head ("MSC-CM", "ADSC
secretome", "MSC-derived conditioned medium") or after it with "of" / "from" / "derived
from" ("the secretome of ADSCs"). A medium named by what was done to its cells
("OGD-conditioned medium", "LPS-conditioned media") or opened by a determiner ("the
conditioned medium") is a product without a source, labelled as written; within a document
such a phrase, or one glued only to "derived" ("cell-derived conditioned medium"), is
the conditioned medium named before (:func:`exokg.extract.composed.same_product`).

"CM" alone is no head (cutaneous mastocytosis, centimetre): only glued to a cell ("MSC-CM",
"BMMSC CM") or as the short form a document defines for a recognised medium.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exokg.model import Entity, Mention
from exokg.recognise.products import left_edge, product_entity
from exokg.text.prefilter import Needs

__all__ = ["SECRETOME_HEADS", "find_secretomes", "secretome_head"]

#: the heads of a secretome phrase and the label word each stands for
SECRETOME_HEADS = {"conditioned medium": "conditioned medium", "secretome": "secretome"}
_HEAD = re.compile(r"\b(?:(?P<cm>(?i:conditioned[\s-]+(?:culture\s+)?medi(?:um|a)))|"
                   r"(?P<sec>(?i:secretomes?))|(?P<abbr>CM)s?)\b(?!-)")
_NEEDS = Needs(re.compile(r"conditioned|secretome|CM"))
#: between a source cell and the head: "MSC-CM", "MSCs conditioned medium", "MSC-derived
#: conditioned medium", "stem cell-conditioned media"
_CELL_BEFORE = re.compile(r"(?:s|\(s\))?(?:\s*-\s*|\s+)(?:(?:derived|secreted)(?:\s*-\s*|\s+))?")
#: between the head and a source cell: "of (the) ", "from human ", "derived from "; the
#: head named as the treatment ("conditioned medium treatment from interleukin-1 primed MSCs")
_CELL_AFTER = re.compile(r"(?:\s*\([A-Za-z][\w-]{0,10}\))?"  # its short form: "medium (CM) from"
                         r"\s+(?:(?:treatment|therapy|administration|infusion)\s+)?"
                         r"(?:(?:derived|obtained|collected|harvested)\s+)?(?:of|from)\s+"
                         r"(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}")
#: between a cell and the cells derived from it: "embryonic stem cell-derived MSCs"
_DERIVED_CELL = re.compile(r"\s*[-\u2010\u2011]\s*derived\s+")
#: a treatment glued before "conditioned": "OGD-conditioned medium", "LPS-conditioned media"
_TREATED = re.compile(r"(?:\S+[-\u2010\u2011])$")
#: a glued word that says only that the medium came from cells: "cell-derived"
_GENERIC = re.compile(r"(?:cells?[-\u2010\u2011])?(?:derived|secreted)[-\u2010\u2011]", re.I)
_GENERIC_BEFORE = re.compile(r"\b(?:cells?[-\u2010\u2011])?(?:derived|secreted)\s+$", re.I)
#: a short form in the bracket that defines it
_DEFINED = re.compile(r"s?\s*[);,]")
_DETERMINER = re.compile(r"\b(?:the|this|that|these|those|such)\s+$", re.I)


def secretome_head(entity: Entity) -> str | None:
    """The head word ("conditioned medium", "secretome") of a secretome product, or None."""
    if entity.category != "Therapy":
        return None
    return next((h for h in SECRETOME_HEADS if entity.label.endswith(h)), None)


def find_secretomes(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Secretome mentions of one sentence (module docs); ``mentions`` are the sentence's
    resolved mentions (cells included)."""
    if not _NEEDS.may_match(text):
        return []
    cells = [m for m in mentions if m.category == "Cell"]
    out: list[Mention] = []
    for h in _HEAD.finditer(text):
        if any(m.start < h.end() and h.start() < m.end and m.category != "Cell"
               and m.source != "ontology" for m in mentions):
            continue  # inside another name
        word = "secretome" if h.group("sec") else "conditioned medium"
        before = next((c for c in reversed(cells) if c.end <= h.start()
                       and _CELL_BEFORE.fullmatch(text, c.end, h.start())), None)
        after = next((c for c in cells if c.start >= h.end()
                      and _CELL_AFTER.fullmatch(text, h.end(), c.start)), None) \
            if before is None else None
        while after is not None:  # "from human ESC-derived MSCs": the derived cells
            derived = next((c for c in cells if c.start > after.end and
                            _DERIVED_CELL.fullmatch(text, after.end, c.start)), None)
            if derived is None:
                break
            after = derived
        source = before or after
        if h.group("abbr") and (source is None or _DEFINED.match(text, h.end())):
            continue  # "... conditioned medium (BMMSC CM)": the short form of the long one
        if before is not None:
            start, end = left_edge(text, before.start)[0], h.end()
        elif after is not None:
            start, end = left_edge(text, h.start())[0], after.end
        else:
            treated = _TREATED.search(text, 0, h.start())
            if treated is not None and not _GENERIC.fullmatch(treated.group()):
                start = treated.start()
            elif treated is not None or _DETERMINER.search(text, max(0, h.start() - 12),
                                                           h.start()) or \
                    _GENERIC_BEFORE.search(text, max(0, h.start() - 20), h.start()):
                start = h.start()  # "cell-derived conditioned medium", "the secretome"
            else:
                continue
            end = h.end()
        written = text[start:end]
        if source is not None:
            label = f"{source.entity.label} {word}"
            entity = product_entity(label, (), written, source=source.entity)
        else:
            label = " ".join((text[start:h.start()] + word).split())
            entity = product_entity(label, (), written)
        out.append(Mention(entity, start, end, written, "product"))
    return out
