"""Cell types and anatomy as papers write them, beyond the ontologies' own names.

The Cell Ontology and UBERON name things by nouns ("neuron", "cerebral cortex",
"endothelial cell"); papers also write the adjective ("neuronal loss", "cortical infarcts",
"renal function"), a cell named by what it comes from or expresses ("tumor cells",
"GFAP-positive cells", "liver cells"), a cell type whose short form is defined inside its
name ("natural killer (NK) cells"), an organ with the side or zone it is on ("left
ventricle", "ipsilateral hemisphere", "peri-infarct cortex") and the plain nouns "cells",
"tissue", "organ". This module reads those forms with rules for the language, grounding each
through the open lexicon (:class:`exokg.lexicon.Lexicon`: ``lookup`` by name, ``entity`` by
id); no identifier is written here.

Two kinds of output:

* :func:`defined_cell_names` gives recogniser mentions (the build reads them: a cell type
  is a part, the source of a preparation);
* :func:`annotated_anatomy` gives mentions for annotation only (``Analysed.annotated``:
  ``exokg annotate``, mention nodes; never claim participants): adjectives, cells named by
  a tumour, an organ or a marker, modifier spans and the generic nouns, grounded to the
  ontology term the word derives from or, for a cell named by what it is not an ontology
  type of, to the generic term (CL:0000000 cell).

:func:`unlikely_anatomy` drops the ontologies' short capitalised names ("IL", "SP",
"MCT": abbreviations of zebrafish or rare structures in UBERON and CL) that a document uses
without ever naming what they stand for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Protocol

from exokg.model import Entity, Mention
from exokg.text.prefilter import Needs

__all__ = [
    "ANATOMICAL_ADJECTIVES",
    "GENERIC_TERMS",
    "POSITIONAL_ADJECTIVES",
    "annotated_anatomy",
    "defined_cell_names",
    "derived_nouns",
    "unlikely_anatomy",
]

_ANATOMY = frozenset({"Cell", "AnatomicalEntity"})
#: The generic terms: CL:0000000 cell, UBERON:0000479 tissue, UBERON:0000062 organ.
GENERIC_TERMS: dict[str, str] = {"cell": "CL:0000000", "tissue": "UBERON:0000479",
                                 "organ": "UBERON:0000062"}
_NEOPLASTIC_CELL = "CL:0001063"
#: UBERON ids of terms imported from the anatomy ontologies of fish (2xxxxxx), amphibians
#: (3xxxxxx), teleost skeleton (4xxxxxx) and insects (6xxxxxx) ranges
_TAXON_SPECIFIC = re.compile(r"UBERON:[2-6]\d{6}$")
#: UBERON terms for a whole organism at a life stage: multicellular organism, adult
#: organism, larva
_WHOLE_ORGANISMS = frozenset({"UBERON:0000468", "UBERON:0007023", "UBERON:0002548"})
#: a genus initial right before a word: "H. pylori", "E. coli"
_GENUS_INITIAL = re.compile(r"(?<![\w.])[A-Z]\.\s+$")
#: Classes whose names may contain an anatomical adjective that is annotated on its own
#: ("renal function", "neuronal apoptosis")
_NAMED_BY = frozenset({"Outcome", "BiologicalProcess"})

#: Anatomical adjectives built on a Latin or Greek root other than the English noun's
#: (classical anatomical terminology) -> the ontology name of the structure they refer to.
#: Adjectives that are the noun plus a suffix ("neuronal", "cortical", "striatal") are not
#: listed: :func:`derived_nouns` finds their nouns.
ANATOMICAL_ADJECTIVES: dict[str, str] = {
    "hepatic": "liver", "renal": "kidney", "cardiac": "heart", "pulmonary": "lung",
    "cerebral": "brain", "gastric": "stomach", "ocular": "eye", "cutaneous": "skin",
    "dermal": "dermis", "osseous": "bone tissue", "venous": "vein", "arterial": "artery",
    "neural": "nervous system", "nervous": "nervous system", "spinal": "spinal cord",
    "vascular": "vasculature", "cardiovascular": "cardiovascular system",
    "microvascular": "microvasculature", "cerebrovascular": "cerebrovascular system",
    "urinary": "urinary system", "coronary": "coronary artery", "oral": "mouth",
    "nasal": "nose", "lingual": "tongue", "buccal": "cheek", "splenic": "spleen",
    "thymic": "thymus", "mammary": "mammary gland", "uterine": "uterus",
    "ovarian": "ovary", "testicular": "testis", "prostatic": "prostate gland",
    "pancreatic": "pancreas", "intestinal": "intestine", "colonic": "colon",
    "rectal": "rectum", "esophageal": "esophagus", "oesophageal": "esophagus",
    "tracheal": "trachea", "bronchial": "bronchus", "pleural": "pleura",
    "thyroidal": "thyroid gland", "adrenal": "adrenal gland", "placental": "placenta",
    "umbilical": "umbilical cord", "hippocampal": "hippocampal formation",
    "ventricular": "ventricle", "myocardial": "myocardium", "muscular": "muscle tissue",
    "skeletal": "skeleton", "synovial": "synovial membrane", "lymphatic": "lymphatic vessel",
    "retinal": "retina", "corneal": "cornea", "choroidal": "choroid", "pineal": "pineal body",
    "cervical": "neck", "thoracic": "thorax", "abdominal": "abdomen", "pelvic": "pelvis",
    "cranial": "head", "facial": "face", "glial": "glial cell",
    "microglial": "microglial cell", "hepatocellular": "hepatocyte",
    "cellular": "cell", "intracellular": "cell", "tissular": "tissue",
}
#: Adjectives of position, direction and relation: they place a structure, they name none
#: ("dorsal" is not the dorsum, "basal" not a base); they modify an anatomical name.
_POSITIONAL = frozenset("""dorsal ventral lateral medial apical basal distal proximal central
peripheral internal external superficial anterior posterior superior inferior rostral caudal
cranial frontal sagittal coronal transverse bilateral unilateral ipsilateral contralateral
left right upper lower inner outer deep focal global general normal total local regional
clinical critical typical vertical radical optical physical surgical medical chemical
original terminal marginal digital""".split())
#: the positional adjectives, for the readers that take an adjective before a structure
POSITIONAL_ADJECTIVES = _POSITIONAL
#: suffix of an adjective -> the endings its noun may have (tried in order)
_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ical", ("ex", "ix", "ic")),
    ("eal", ("eum", "ea", "eus")),
    ("ial", ("ium", "ia", "")),
    ("ular", ("ule", "le", "ulum", "ulus")),
    ("al", ("", "e", "um", "us", "a")),
    ("ic", ("e", "", "us", "a", "um")),
    ("ar", ("um", "us", "a", "")),
    ("ous", ("", "um")),
)
_ADJECTIVE = re.compile(r"(?<![\w-])([A-Za-z]{2,}(?:al|ic|ar|ous|ary))(?![\w-])")

#: words of a neoplasm: a cell "of" one is a neoplastic cell ("tumor cells", "melanoma
#: cells", "breast cancer cells")
_NEOPLASM = re.compile(r"(?:tumou?r|cancer|carcinoma|neoplasm|neoplastic|malignant|"
                       r"\w+oma|leuka?emia|leuka?emic|metasta\w+)s?$", re.I)
_HEAD = re.compile(r"(?<![\w-])(cells?(?:\s+lines?)?|tissues?)(?![\w-])", re.I)
_MAY_HEAD = Needs(_HEAD)  # its keyword guard
#: a cell line's or marker's name: letters with digits or two capitals ("MCF-7", "NIH3T3",
#: "K562", "HeLa", "CD34"), not a number alone
_NAMED_LINE = re.compile(r"(?=[\w-]*[A-Za-z])(?=[\w-]*(?:\d|[A-Z][\w-]*[A-Z]))[A-Za-z0-9][\w-]*")
#: a marker or origin before "cells": "GFAP-positive cells", "BrdU+ cells", "Ras-expressing
#: cells", "glioma-derived cells", "NeuN-labeled cells"
_MARKED = re.compile(r"(?<![\w-])([A-Za-z0-9][\w/]*(?:[-\s](?:positive|negative|expressing|"
                     r"overexpressing|derived|labell?ed|immunoreactive|immunopositive)|\+))"
                     r"\s*$", re.I)
#: a generic noun: "cells", "tissue", "organs"
_GENERIC = re.compile(r"(?<![\w-])(cell(?:s|\s+lines?)?|tissues?|organs?)(?![\w-])", re.I)
_MAY_GENERIC = Needs(_GENERIC)  # its keyword guard
#: a side or zone before an anatomical name ("left ventricle", "ipsilateral hemisphere",
#: "peri-infarct cortex", "peripheral blood")
_MODIFIER = re.compile(r"(?:(?<![\w-])(?:left|right|ipsilateral|contralateral|bilateral|"
                       r"peripheral|whole|upper|lower|peri-?infarct(?:ed)?|perilesional|"
                       r"periventricular|perivascular)\s+)$", re.I)
#: "<name> (<short form>) cells": a cell type whose short form is defined inside its name
_BRACKETED = re.compile(r"((?:[A-Za-z][\w-]*\s+){0,3}[A-Za-z][\w-]*)\s+\(\s*([A-Za-z][\w-]{0,9})"
                        r"\s*\)\s+(cells?)(?![\w-])")


_BRACKET_CELLS = re.compile(r"\)\s+cells?(?![\w-])")


class Lexicon(Protocol):
    """What the rules need of :class:`exokg.lexicon.Lexicon`."""

    def lookup(self, name: str) -> list[Entity]: ...

    def entity(self, curie: str) -> Entity | None: ...



def _overlaps(start: int, end: int, mentions: Iterable[Mention]) -> bool:
    return any(m.start < end and start < m.end for m in mentions)


def _anatomy(lexicon: Lexicon, name: str) -> Entity | None:
    """The first Cell or AnatomicalEntity the lexicon names ``name`` (an exact name)."""
    return next((e for e in lexicon.lookup(name) if e.category in _ANATOMY), None)


def derived_nouns(adjective: str) -> list[str]:
    """The nouns an anatomical adjective may be built on, by its suffix, best first.

    >>> derived_nouns("cortical")[:2], derived_nouns("astrocytic")[:1]
    (['cortex', 'cortix'], ['astrocyte'])
    >>> "neuron" in derived_nouns("neuronal"), "striatum" in derived_nouns("striatal")
    (True, True)
    """
    word = adjective.lower()
    out: list[str] = []
    for suffix, endings in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[:-len(suffix)]
            out += [stem + e for e in endings if stem + e not in out]
    return out


def adjective_entity(adjective: str, lexicon: Lexicon) -> Entity | None:
    """The cell type or structure an adjective refers to: the classical table
    (:data:`ANATOMICAL_ADJECTIVES`), else the first noun :func:`derived_nouns` gives that
    the ontologies name; None for positional adjectives and for anything else. Answers are
    remembered per lexicon (a few thousand adjectives at most)."""
    return _adjective_entity(adjective.lower(), lexicon)


@lru_cache(maxsize=8192)
def _adjective_entity(word: str, lexicon: Lexicon) -> Entity | None:
    if word in _POSITIONAL:
        return None
    name = ANATOMICAL_ADJECTIVES.get(word)
    if name is not None:
        if name in GENERIC_TERMS:
            return lexicon.entity(GENERIC_TERMS[name])
        return _anatomy(lexicon, name)
    for noun in derived_nouns(word):
        if noun in _POSITIONAL or noun == word or len(noun) < 5:  # "final" is no "fin"
            continue
        entity = _anatomy(lexicon, noun)
        if entity is not None:
            return entity
    return None


def defined_cell_names(text: str, mentions: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """Cell mentions over "<name> (<short form>) cells" that no mention of ``mentions``
    covers whole, when the ontology names "<name> cell" ("natural killer (NK) cells",
    "dendritic (DC) cells"): the short form is then defined as that cell type."""
    out: list[Mention] = []
    if not _BRACKET_CELLS.search(text):
        return out
    for m in _BRACKETED.finditer(text):
        words = m.group(1).split()
        for k in range(len(words)):  # the longest name the ontology knows
            name = " ".join(words[k:])
            start = m.start(1) + m.group(1).index(name, len(" ".join(words[:k])))
            entity = _anatomy(lexicon, name + " cell")
            if entity is not None and entity.category == "Cell":
                if not any(o.start <= start and m.end() <= o.end for o in mentions):
                    out.append(Mention(entity, start, m.end(), text[start:m.end()], "ontology"))
                break
    return out


def unlikely_anatomy(text: str, mentions: list[Mention], document_text: str
                     ) -> list[Mention]:
    """``mentions`` (found in the sentence ``text``) without the ontology cell and anatomy
    readings that are not what the text means:

    * terms UBERON imported from the anatomies of other animals (ids UBERON:2000000-6999999:
      fish, amphibian, teleost skeleton and insect terms such as "bar", "extension", "tip"),
      which in a text about mammals are English words;
    * UBERON's whole organisms ("adults" are people, not a body part);
    * a Latin plural after a genus initial ("H. pylori" is a bacterium) and the "hand" of
      "on the other hand";
    * a short name in capitals (at most four letters, no digit: "IL", "SP", "MCT"; "CA1"
      names a field of the hippocampus)
      whose entity's label the document (``document_text``) never writes: UBERON and CL keep
      such abbreviations for rare or non-human structures, and a paper that means one names
      it in full somewhere.
    """
    out = []
    for m in mentions:
        if m.source != "ontology" or m.category not in _ANATOMY:
            out.append(m)
            continue
        if _TAXON_SPECIFIC.match(m.entity.id) or m.entity.id in _WHOLE_ORGANISMS:
            continue
        before = text[max(0, m.start - 12):m.start]
        if _GENUS_INITIAL.search(before) or (
                m.text.lower() == "hand" and before.lower().endswith("other ")):
            continue
        alnum = [c for c in m.text if c.isalnum()]
        if len(alnum) <= 4 and all(c.isalpha() for c in alnum) and alnum[0].isupper() and \
                not any(c.islower() for c in alnum[1:]) and \
                m.entity.label.lower() not in _lowered(document_text):
            continue
        out.append(m)
    return out


@lru_cache(maxsize=2)  # the document of the sentences being read: lowered once, not per sentence
def _lowered(document_text: str) -> str:
    """``document_text`` lower-cased (remembered for the last two documents)."""
    return document_text.lower()


@lru_cache(maxsize=4)
def _generic_terms(lexicon: Lexicon) -> tuple[dict[str, Entity | None], Entity | None]:
    """The lexicon's entities of :data:`GENERIC_TERMS` and of the neoplastic cell (read
    once per lexicon)."""
    return ({k: lexicon.entity(v) for k, v in GENERIC_TERMS.items()},
            lexicon.entity(_NEOPLASTIC_CELL))


def annotated_anatomy(text: str, mentions: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """Cell and anatomy mentions for annotation only (see the module docs), in text order;
    ``mentions`` are the sentence's recognised mentions: a rule never takes a word inside
    one of them, except the cell and anatomy mentions a longer span extends ("pulmonary
    endothelial cells" over "endothelial cells"), which the longer one replaces in the
    annotation output."""
    out: list[Mention] = []
    taken: list[Mention] = [m for m in mentions]
    generic, neoplastic = _generic_terms(lexicon)

    def add(entity: Entity | None, start: int, end: int) -> None:
        if entity is not None:
            mention = Mention(entity, start, end, text[start:end], "ontology")
            out.append(mention)
            taken.append(mention)

    # 1. "X cells", "X tissue": named by a tumour, an organ or tissue, a cell line, a marker
    # or an origin
    for c in _HEAD.finditer(text) if _MAY_HEAD.may_match(text) else ():
        if _overlaps(c.start(), c.end(), mentions):
            continue
        cells = c.group(1).lower().startswith("cell")
        before = [m for m in mentions if m.end in (c.start() - 1, c.start())
                  and text[m.end:c.start()] in ("", " ", "-")]
        if before:
            b = max(before, key=lambda m: m.end - m.start)
            if b.category == "AnatomicalEntity":
                noun = "cell" if cells else "tissue"
                add(_anatomy(lexicon, f"{b.text} {noun}") or
                    (generic["cell"] if cells else b.entity), b.start, c.end())
            elif not cells:
                pass
            elif b.category == "Cell":  # a short form: "NK cells", "DC cells"
                add(b.entity, b.start, c.end())
            elif b.category in ("Disease", "Phenotype") and _NEOPLASM.search(b.text):
                add(neoplastic, b.start, c.end())
            elif _NAMED_LINE.fullmatch(b.text):  # "MCF-7 cells", "CD34 cells"
                add(generic["cell"], b.start, c.end())
            continue
        if not cells:
            continue
        word = re.search(r"(?<![\w-])([\w-]+)[\s-]$", text[max(0, c.start() - 30):c.start()])
        if word and not _overlaps(c.start() - len(word.group(0)), c.start(), taken):
            start = c.start() - len(word.group(0))
            if _NEOPLASM.fullmatch(word.group(1)):
                add(neoplastic, start, c.end())
                continue
            if _NAMED_LINE.fullmatch(word.group(1)):
                add(generic["cell"], start, c.end())
                continue
        marked = _MARKED.search(text, max(0, c.start() - 40), c.start())
        if marked:
            start = marked.start(1)
            if not _overlaps(start, c.start(), [m for m in taken if m.category in _ANATOMY]):
                add(generic["cell"], start, c.end())
    # "natural killer (NK) cells" whole (the short form in brackets is a mention of its own)
    for m in defined_cell_names(text, [], lexicon):
        if not _overlaps(m.start, m.end, [t for t in taken if t.category not in _ANATOMY]):
            add(m.entity, m.start, m.end)
    # 2. adjectives, also inside the name of a measure or process ("renal function")
    for a in _ADJECTIVE.finditer(text):
        start, end = a.start(), a.end()  # overlap first, then the class: most words overlap none
        if any(m.start < end and start < m.end and m.category not in _NAMED_BY for m in taken):
            continue
        add(adjective_entity(a.group(1), lexicon), a.start(), a.end())
    # an anatomical adjective right before a cell or structure is part of its name
    # ("pulmonary endothelial cells", "hepatic artery", "cortical neurons")
    for i, adj in enumerate(out):
        head = next((m for m in mentions if m.category in _ANATOMY and m.start == adj.end + 1
                     and text[adj.end] == " "), None)
        if head is not None and adj.end - adj.start < 20:
            out[i] = Mention(head.entity, adj.start, head.end, text[adj.start:head.end],
                             "ontology")
    # 3. an organ with its side or zone
    for m in sorted((m for m in [*mentions, *out] if m.category in _ANATOMY),
                    key=lambda m: m.start):
        mod = _MODIFIER.search(text[max(0, m.start - 30):m.start])
        if mod:
            start = m.start - len(mod.group(0))
            if not _overlaps(start, m.start, [t for t in taken if t.category in _ANATOMY]):
                add(m.entity, start, m.end)
    # 4. the generic nouns, alone or inside a process name ("cell proliferation")
    processes = [m for m in mentions if m.category == "BiologicalProcess"]
    for g in _GENERIC.finditer(text) if _MAY_GENERIC.may_match(text) else ():
        inside = [m for m in processes if m.start <= g.start() and g.end() <= m.end]
        if inside or not _overlaps(g.start(), g.end(), taken):
            noun = g.group(1).lower().split()[0].rstrip("s")
            add(generic[noun], g.start(), g.end())
    # cell types and structures a process is named by ("endothelial cell proliferation")
    for p in processes:  # the name's first words, longest first
        words = list(re.finditer(r"\S+", text[p.start:p.end]))
        for n in range(len(words) - 1, 0, -1):
            entity = _anatomy(lexicon, text[p.start:p.start + words[n - 1].end()])
            if entity is not None:
                add(entity, p.start, p.start + words[n - 1].end())
                break
    kept = [m for m in out if not any(o.start <= m.start and m.end <= o.end
                                      and o.end - o.start > m.end - m.start for o in out)]
    unique = {(m.start, m.end, m.entity.id): m for m in kept}
    return [unique[k] for k in sorted(unique, key=lambda k: (k[0], -k[1], k[2]))]
