"""Cell products a study composes from a molecule and a cell type: "miR-126-primed EPCs",
"BDNF-overexpressing MSCs", "MSCs transfected with miR-133b", "NSCs pretreated with
curcumin".

The cells given as a therapy after priming or engineering are a product of their own: the
claims the text makes of them ("the primed cells were more effective than EPCs") are not
claims of the plain cell type. Such a phrase becomes one ``Cell`` entity of the document,
``exokg:cell/{slug}-{hash}`` minted from its label and parts, labelled "miR-126-primed endothelial
progenitor cell", with the written phrase as a synonym and ``skos:broader`` the plain cell
type. A short form the text defines for the phrase ("miR-126-primed EPCs (EPCmiR-126)")
then stands for the product (:mod:`exokg.recognise.document` takes the composite mention
that covers the long form).

A cell type that is the source of a vesicle preparation ("exosomes from miR-133b-overexpressing
MSCs") stays the preparation's part: the preparation records cargo and engineering
(:mod:`exokg.recognise.composite`).
"""

from __future__ import annotations

import re

from exokg.ids import mint
from exokg.model import Entity, Mention
from exokg.text.prefilter import Needs

#: What a cell product may be composed with: a miRNA, a gene or protein it overexpresses,
#: a drug or chemical it was primed with.
_MOLECULES = frozenset({"MicroRNA", "MicroRNACluster", "Gene", "Protein", "Chemical", "Drug",
                        "HerbalPreparation"})
#: the state words of priming and engineering, with the word the label uses ("treated" and
#: "stimulated" are left out: "LPS-stimulated microglia", "H2O2-treated neurons" are an
#: experiment's injured cells, not a product)
_STATES = {"primed": "primed", "preconditioned": "preconditioned",
           "pre-conditioned": "preconditioned", "pretreated": "pretreated",
           "pre-treated": "pretreated",
           "transfected": "transfected", "transduced": "transfected",
           "overexpressing": "overexpressing", "overexpressed": "overexpressing",
           "over-expressing": "overexpressing", "modified": "modified",
           "engineered": "engineered", "loaded": "loaded"}
_STATE = r"(?P<state>" + "|".join(sorted(map(re.escape, _STATES), key=len, reverse=True)) + r")"
# "miR-126-primed EPCs", "BDNF-overexpressing MSCs", "curcumin-pretreated NSCs": the
# molecule glued to the state word right before the cell
_BEFORE = re.compile(r"^\s*-\s*" + _STATE + r"\s+(?:human\s+|rat\s+|mouse\s+)?$", re.I)
# "EPCs primed with miR-126", "MSCs overexpressing BDNF", "MSCs transfected with miR-133b"
_AFTER = re.compile(r"^\s+(?:that\s+were\s+|which\s+were\s+)?" + _STATE +
                    r"(?:\s+(?:with|by|to\s+(?:express|overexpress|carry)))?\s+(?:the\s+)?$",
                    re.I)
_NEEDS = Needs(re.compile(_STATE, re.I))
#: where a cell mention that can be a therapy comes from: the curated vocabulary (MSCs, EPCs,
#: NSCs ...) and the short forms the document defined for them.
_THERAPEUTIC_SOURCES = frozenset({"lexicon", "abbreviation"})
#: an ontology cell type that is given as a therapy: stem, progenitor and stromal cells
_THERAPEUTIC_LABEL = re.compile(r"\b(?:stem|progenitor|stromal|precursor)\b", re.I)


def _therapeutic(cell: Mention) -> bool:
    """True for a cell mention that can name a therapy: a curated or defined cell, or an
    ontology stem, progenitor or stromal cell type. Cell types only the ontologies name
    otherwise (neurons, astrocytes, microglia) are what an experiment manipulates ("VEGF
    was reduced in neurons overexpressing miR-126"), not a product."""
    return cell.source in _THERAPEUTIC_SOURCES or bool(
        _THERAPEUTIC_LABEL.search(cell.entity.label))

#: a vesicle word right after the cell: the cells are then a preparation's source
_VESICLE_NEXT = re.compile(r"^\s*-?\s*(?:derived\s+)?(?:s?EVs?|exosom\w*|Exos?\b|"
                           r"extracellular\s+vesicles?|vesicles?|secretome)", re.I)


def product_entity(cell: Entity, molecule: Entity, state: str, written: str) -> Entity:
    """The cell product made of ``cell`` in ``state`` with ``molecule`` (deterministic id and
    label); ``written`` (the phrase as the text writes it) is kept as a synonym."""
    label = f"{molecule.label}-{state} {cell.label}"
    key = f"{label}|{molecule.id}|{cell.id}"  # the slug opens with the label's words
    synonyms = tuple(sorted({" ".join(written.split())} - {label}))
    return Entity(mint("cell", key), label, "Cell", synonyms=synonyms,
                  attributes=(("broader", cell.id),))


def find_cell_products(text: str, mentions: list[Mention],
                       preparations: list[Mention]) -> list[Mention]:
    """Cell products of one sentence (see the module docs). ``mentions`` are the sentence's
    base mentions sorted by start, ``preparations`` its preparation mentions (a cell inside
    one is left to it). Returns composite ``Cell`` mentions (source ``"composite"``) over the
    molecule and the cell."""
    out: list[Mention] = _educated_cells(text, mentions, preparations)
    if not _NEEDS.may_match(text):
        return out  # no word of priming or engineering: no other product
    for i, cell in enumerate(mentions):
        if cell.category != "Cell" or not _therapeutic(cell) or \
                any(p.start <= cell.start < p.end for p in preparations):
            continue
        if _VESICLE_NEXT.match(text, cell.end):
            continue
        found = _before(text, mentions[:i], cell) or _after(text, mentions[i + 1:], cell)
        if found is not None and all(o.start != found.start or o.end != found.end
                                     for o in out):
            out.append(found)
    return out


def _before(text: str, before: list[Mention], cell: Mention) -> Mention | None:
    """"miR-126-primed EPCs": the molecule glued to a state word right before the cell."""
    if not before:
        return None
    molecule = before[-1]
    glue = _BEFORE.match(text[molecule.end:cell.start])
    if molecule.category not in _MOLECULES or not glue:
        return None
    state = _STATES[glue.group("state").lower()]
    written = text[molecule.start:cell.end]
    return Mention(product_entity(cell.entity, molecule.entity, state, written),
                   molecule.start, cell.end, written, "composite")


def _after(text: str, after: list[Mention], cell: Mention) -> Mention | None:
    """"EPCs primed with miR-126": a state word and the molecule right after the cell."""
    if not after:
        return None
    molecule = after[0]
    glue = _AFTER.match(text[cell.end:molecule.start])
    if molecule.category not in _MOLECULES or not glue:
        return None
    state = _STATES[glue.group("state").lower()]
    written = text[cell.start:molecule.end]
    return Mention(product_entity(cell.entity, molecule.entity, state, written),
                   cell.start, molecule.end, written, "composite")


#: the state words of cells made with vesicles, with the word the label uses: "exosome-educated
#: macrophages", "EV-primed microglia", "macrophages pretreated with MSC-Exos"; "treated" and
#: "stimulated" are left out, as for molecules ("neurons treated with exosomes" are an
#: experiment's cells, not a product)
_VESICLE_STATES = {"educated": "educated", "primed": "primed", "pretreated": "pretreated",
                   "pre-treated": "pretreated", "preconditioned": "preconditioned",
                   "pre-conditioned": "preconditioned", "reprogrammed": "reprogrammed"}
_VESICLE_STATE = r"(?P<state>" + "|".join(sorted(map(re.escape, _VESICLE_STATES), key=len,
                                                 reverse=True)) + r")"
# "exosome-educated macrophages", "MSC-EV-primed microglia": the vesicles glued (by a hyphen
# or a dash) to the state word right before the cells
_VESICLE_BEFORE = re.compile(r"\s*[-\u2010\u2011\u2013]\s*" + _VESICLE_STATE +
                             r"\s+(?:human\s+|rat\s+|mouse\s+)?", re.I)
# "macrophages educated by MSC exosomes", "microglia pretreated with EVs" (not "Microglia
# were pretreated with EVs": a design sentence's experiment, whose vesicles act)
_VESICLE_AFTER = re.compile(r"\s+(?:that\s+were\s+|which\s+were\s+)?" +
                            _VESICLE_STATE + r"\s+(?:with|by)\s+(?:the\s+)?", re.I)
_VESICLE_NEEDS = Needs(re.compile(_VESICLE_STATE, re.I))
#: what may educate cells: vesicles and preparations of them
_VESICLES = frozenset({"Vesicle", "ExosomePreparation"})


def _educated_cells(text: str, mentions: list[Mention],
                    preparations: list[Mention]) -> list[Mention]:
    """Cells educated, primed or pretreated by vesicles (module docs): a product of their
    own of any cell type (the cells made with vesicles and then given are the study's
    agent, not the vesicles, nor the plain cell type), labelled with what educated them
    ("exosome-educated macrophage")."""
    if not _VESICLE_NEEDS.may_match(text):
        return []
    vesicles = [m for m in (*mentions, *preparations) if m.category in _VESICLES]
    if not vesicles:
        return []
    out: list[Mention] = []
    for cell in mentions:
        if cell.category != "Cell" or any(p.start <= cell.start < p.end for p in vesicles):
            continue
        # the longest vesicle name glued before the cells, else the longest one after them
        before = [v for v in vesicles if v.end <= cell.start
                  and _VESICLE_BEFORE.fullmatch(text, v.end, cell.start)]
        after = [v for v in vesicles if v.start >= cell.end
                 and _VESICLE_AFTER.fullmatch(text, cell.end, v.start)]
        if before:
            agent = min(before, key=lambda v: v.start)
            glue = _VESICLE_BEFORE.fullmatch(text, agent.end, cell.start)
            start, end = agent.start, cell.end
        elif after:
            agent = max(after, key=lambda v: v.end)
            glue = _VESICLE_AFTER.fullmatch(text, cell.end, agent.start)
            start, end = cell.start, agent.end
        else:
            continue
        state = _VESICLE_STATES[glue.group("state").lower()]
        written = text[start:end]
        out.append(Mention(product_entity(cell.entity, agent.entity, state, written),
                           start, end, written, "composite"))
    return out
