"""Preparation names a text composes from parts glued to a vesicle word: "Exo-124",
"Exo-miR-133b", "miR-124-Exo", "BDNF-hNSC-Exo", "TNFα-Exos", "TNFα -Exos", "RVG-Exo",
"C-EVs-siRNA", "Cur@EVs-cl-NGF", "RGD-CD163+ sEVs".

Authors shorten the preparation they made to one written word: the vesicle head (a vesicle
abbreviation or noun the vocabulary knows: "Exo", "Exos", "EVs", "sEVs", "exosomes") with
its parts joined to it, on either side, by a hyphen or dash, "@", "+" or "/". The grammar
reads the word as a sequence of parts:

* **cargo**: a miRNA ("miR-124-Exo", "Exo-miR-133b"), or a bare number next to the head
  when the document names exactly one miRNA with that number ("Exo-124" in an abstract on
  miR-124); else a gene or protein ("BDNF-Exos");
* **source**: a cell type or a short form the document defined for one ("hNSC", "MSC"),
  or a polarisation state ("M2-EVs", "A1-Exos") of cells the document names in that state
  ("M2 microglia"): then the word is those cells' vesicles, as "M2 microglia-derived EVs";
* **modifier**: any other name written with a capital letter or a digit (a targeting
  peptide "RVG", "CAQK", "RGD"; "siRNA"; a linker "cl"), or a drug or chemical loaded
  ("Cur" for curcumin, "PTX");
* **joiners**: ``- ‐ ‑ ‒ – − @ + /``; a hyphen may stand after a space ("TNFα -Exos").

The composed word names ONE preparation (:func:`composed_preparation`): with a cargo and no
modifier it is the vesicles of its source (if named) loaded with the cargo
(``engineering: loaded``, the graph model's "engineered to carry"); with a modifier it is the
document's engineered product (``engineering: modified`` and the name as ``designation``,
as :mod:`exokg.extract.engineered` records a vesicle named by what was done to it), its
source kept when named. The written word is kept as a synonym.

Not composed names (the word is left to the reader that owns it, or to none): the head with
cells only ("MSC-Exos", :mod:`exokg.recognise.composite`) or a marker only ("CD9+ EVs", a
subset, not a product); another vesicle word among the pieces ("lEV/Exos": alternatives); a
control or state word ("Unmod-Exos", "Ctrl-EVs", "Hypo-Exos"); a plus sign at the head
("MCAO+Exo": a group); anything but a miRNA after a slash ("EV/tPA": a combination,
:mod:`exokg.recognise.combinations`); an antibody's target ("mAb GAP43-Exo"); a lower-case
word ("derived", "enriched": a phrase composite.py reads); a piece the document defined for
something else ("ciMSC-EVs" with "(ciMSC)", "LR+EXO" with "(LR)"), or the whole word
defined right after its targeting part ("a RAGE-binding peptide (RBP-Exo)",
:mod:`exokg.extract.engineered`).

Within a document the composed name of a preparation named before (``TNFα-Exos`` after
"exosomes from TNFα-preconditioned MSCs") is that preparation:
:func:`exokg.extract.composed.same_preparation`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from exokg.model import Entity, Mention
from exokg.recognise.composite import preparation_id, short_label
from exokg.text.prefilter import Needs

__all__ = ["JOINERS", "composed_preparation", "defined_in", "designation", "find_composed_names"]

#: characters that join the parts of a composed name
JOINERS = "-\u2010\u2011\u2012\u2013\u2212@+/"
_JOINER = "[" + re.escape(JOINERS) + "]"
#: a vesicle head glued to something: the cheap test in front of the grammar
_GLUED = re.compile(r"(?:" + _JOINER + r"\s?(?:[a-z]{0,2}(?:EXO|Exo|EV|exo|MV))|"
                    r"(?:EXOs?|Exos?|EVs?|exosomes?|MVs?)" + _JOINER + r")")
_NEEDS = Needs(re.compile(r"exo|ev|mv", re.I))
#: a piece outside every mention: a bare number, or a name with a capital or digit
_NUMBER = re.compile(r"\d{1,4}[a-z]?")
_NAME_PIECE = re.compile(r"(?=[^\s]*[A-Z0-9])[A-Za-z0-9α-ωΑ-Ω.]{1,12}|[a-z]{1,3}RNA|cl|si[A-Z]\w*")
#: pieces that end the reading: a lower-case word is a phrase (a source glue word, an
#: engineering verb, a product noun), not a name part
_WORD = re.compile(r"[a-z]{4,}")
_CARGO = ("MicroRNA", "MicroRNACluster")
_MOLECULE = ("Gene", "Protein")
_DRUG = ("Drug", "Chemical", "HerbalPreparation")
#: an antibody named by its target right before a gene: "mAb GAP43-Exo", "anti-CD63-EVs"
_ANTIBODY_BEFORE = re.compile(r"(?:\bmAbs?\s*|\banti-)$")
#: a piece that names source cells the vocabulary does not know by that name: a cell line or
#: a variant of a stem-cell abbreviation ("ciMSC-EVs", "hUCMSC-Exos", "iNSC-EVs")
_CELL_LINE = re.compile(r"[a-zA-Z]{0,5}(?:MSC|NSC|SC|EPC|PC|ESC|iPSC|MC)s?")
#: a piece that names a control or a state of the source cells, not a part of a product:
#: "Unmod-Exos", "Ctrl-EVs", "Blank-Exo", "Nor-EPC-EVs" (normoxic), "Hypo-Exos" (hypoxic);
#: a state with no molecule keeps only the source, as in :mod:`.composite`
_CONTROL = re.compile(r"un-?mod\w*|unmodified|ctrl|con|control|blank|naive|naïve|free|plain|"
                      r"empty|sham|vehicle|nc|pbs|saline|normal|nor|norm|nx|hx|hyp|hypo|"
                      r"hypox\w*|normox\w*|young|old|aged", re.I)
#: a piece that names a polarisation state of the source cells: "M2-EVs", "A1-Exos"
_STATE = re.compile(r"[MAN][0-2]")
#: a piece that is itself a vesicle word ("lEV" of "lEV/Exos", "MVs")
_VESICLE_PIECE = re.compile(r"[a-zA-Z]{0,2}(?:EVs?|MVs?|Exos?|EXOs?|exosomes?|vesicles?)")
#: a piece of a composed word between joiners
_PIECE = re.compile(r"[^" + re.escape(JOINERS) + r"\s]+")
#: what a designation drops (as exokg.extract.engineered normalises a name)
_NOT_DESIGNATION = re.compile(r"[^a-z0-9/@+α-ω]+")
#: a character that ends a composed word on either side
_STOP = set(" \t\n()[]{};,:\"'")


def designation(written: str) -> str:
    """The ``designation`` of a product named ``written`` (the graph model's property that
    tells products with the same other parts apart): its name folded, with every run of
    other characters than letters, digits, Greek letters and ``/@+`` one space.

    >>> designation("R-EPC-EXs")
    'r epc exs'
    """
    return _NOT_DESIGNATION.sub(" ", written.casefold()).strip()


def _extent(text: str, start: int, end: int) -> tuple[int, int]:
    """The written word around a vesicle head at ``start:end``: extended over characters
    that are not spaces or brackets; a hyphen after a space ("TNFα -Exos") and a plus
    before a space ("CD9+ EVs") join across the space."""
    left = start
    while left > 0 and text[left - 1] not in _STOP:
        left -= 1
    if left == start - 1 and text[left] in JOINERS and left >= 2 and text[left - 1] == " " \
            and text[left - 2] not in _STOP:
        left -= 1
        while left > 0 and text[left - 1] not in _STOP:
            left -= 1
    elif left == start and left >= 2 and text[left - 1] == " " and text[left - 2] == "+":
        left -= 1
        while left > 0 and text[left - 1] not in _STOP:
            left -= 1
    right = end
    while right < len(text) and text[right] not in _STOP:
        right += 1
    while right > end and text[right - 1] in ".":
        right -= 1  # the sentence's full stop
    return left, right


#: what a short form defined for a targeting, linking or loaded part is defined as: "rabies
#: virus glycoprotein (RVG)", "the peptide CAQK (CAQK)"; a kind of nucleic acid the vesicles
#: carry, "small interfering RNA (siRNA)" (then "Exo-siRNA" is the loaded product), "short
#: hairpin RNA (shRNA)", "antisense oligonucleotide (ASO)"
_TARGETING_DEFINITION = re.compile(r"\b(?:peptides?|glycoproteins?|ligands?|aptamers?|"
                                   r"antibod(?:y|ies)|nanobod(?:y|ies)|targeting|binding|"
                                   r"moiet(?:y|ies)|linkers?|siRNAs?|RNAs?|DNAs?|"
                                   r"oligonucleotides?|plasmids?)\b", re.I)


#: a whole composed word defined right after its targeting part: "an exosome linked to a
#: RAGE-binding peptide (RBP-Exo)" (the engineered product, exokg.extract.engineered)
_NAMED_BEFORE = re.compile(r"(?:peptides?|ligands?|aptamers?|antibod(?:y|ies))\s*\(\s*$",
                           re.I)


def defined_in(document_text: str) -> Callable[[str, bool], bool]:
    """A test of whether a word is a short form ``document_text`` defines in brackets
    ("... human MSC line (ciMSC)", "lactated Ringer's (LR; 5 mL)", "an exosome linked to
    a RAGE-binding peptide (RBP-Exo)"). Asked with ``whole`` True for a whole composed word,
    only a definition right after the targeting part it is named for counts ("a
    RAGE-binding peptide (RBP-Exo)": :mod:`exokg.extract.engineered` reads the product; "M2
    macrophage EVs (Cur@EVs-cl-NGF)" is a composed name, :mod:`exokg.extract.composed`);
    asked for a piece of one, any definition but one as a targeting or linking part (:data:`_TARGETING_DEFINITION`: "rabies virus glycoprotein (RVG)") does
    not, since that is the part the grammar reads as a modifier."""
    def defined(word: str, whole: bool = False) -> bool:
        for m in re.finditer(r"\(\s*" + re.escape(word) + r"\s*[;,)]", document_text):
            if whole and _NAMED_BEFORE.search(document_text, max(0, m.start() - 30),
                                              m.start() + 1):
                return True  # "a RAGE-binding peptide (RBP-Exo)": named for its part
            if not whole and not _TARGETING_DEFINITION.search(
                    document_text, max(0, m.start() - 80), m.start()):
                return True
        return False
    return defined


def find_composed_names(text: str, mentions: Sequence[Mention],
                        numbered: Callable[[str], Entity | None],
                        defined: Callable[[str, bool], bool] = lambda word, whole: False,
                        short_forms: Collection[str] = (),
                        state_cell: Callable[[str], Entity | None] = lambda state: None
                        ) -> list[Mention]:
    """Composed preparation names of one sentence (module docs). ``mentions`` are the
    sentence's base mentions; ``numbered`` gives the document's one miRNA with a number
    ("124" -> miR-124), or None; ``defined`` says whether a word is a short form the
    document defined for something other than a targeting part (:func:`defined_in`: a
    composed word, or a piece of one no mention covers, that is one, "LR+EXO" with
    "lactated Ringer's (LR)", "ciMSC-EVs" with "an MSC line (ciMSC)", is what its definition
    says and is not read here), and so is a word among the recognised ``short_forms``;
    ``state_cell`` gives the cells the document names with a polarisation state ("M2" ->
    M2 microglia), or None. Returns ``ExosomePreparation`` mentions (source
    ``"composed"``) over each composed word."""
    if not _NEEDS.may_match(text) or not _GLUED.search(text):
        return []
    out: list[Mention] = []
    seen: set[tuple[int, int]] = set()
    for head in mentions:
        if head.category != "Vesicle":
            continue
        left, right = _extent(text, head.start, head.end)
        if (left, right) in seen or (left, right) == (head.start, head.end):
            continue
        seen.add((left, right))
        inside = [m for m in mentions if left <= m.start and m.end <= right and m is not head
                  and not (m.start <= head.start and head.end <= m.end)]
        if any(m.source == "abbreviation" and m.end - m.start >= right - left
               for m in inside):
            continue  # a short form the document defined: document.py reads it
        written = text[left:right]
        if written in short_forms or written.rstrip("s") in short_forms or \
                defined(written, True):
            continue
        entity = composed_preparation(text, left, right, head, inside, numbered, defined,
                                      state_cell)
        if entity is not None:
            out.append(Mention(entity, left, right, text[left:right], "composed"))
    return out


def composed_preparation(text: str, left: int, right: int, head: Mention,
                         inside: Sequence[Mention],
                         numbered: Callable[[str], Entity | None],
                         defined: Callable[[str, bool], bool] = lambda word, whole: False,
                         state_cell: Callable[[str], Entity | None] = lambda state: None
                         ) -> Entity | None:
    """The preparation the word ``text[left:right]`` composes around vesicle ``head`` from
    the mentions ``inside`` it and its other pieces (module docs), or None when the word is
    not a composed name: a piece is a short form the document ``defined`` for something
    else, a plus sign joins the head ("MCAO+Exo", "LR+EXO": a group of the study), or a
    slash after the head joins anything but a miRNA ("EV/tPA": a combination therapy,
    :mod:`.combinations`; "Exos/miR-X" is loaded, as :mod:`.composite` reads it too)."""
    if text[head.start - 1:head.start] == "+" or text[head.end:head.end + 1] == "+":
        return None
    if text[head.end:head.end + 1] == "/" and not any(
            m.start == head.end + 1 and m.category in _CARGO for m in inside):
        return None  # "EV/tPA", "Exos/edaravone": a combination (combinations.py)
    cargo: Entity | None = None
    source: Entity | None = None
    modifiers: list[str] = []
    markers: list[str] = []
    numbers: list[str] = []
    state_only = False
    # the mentions inside first: the longest that do not overlap
    parts: list[Mention] = []
    for m in sorted(inside, key=lambda m: (-(m.end - m.start), m.start)):
        if all(m.end <= p.start or p.end <= m.start for p in parts) and \
                (m.end <= head.start or head.end <= m.start):
            parts.append(m)
    parts.sort(key=lambda m: m.start)
    for m in parts:
        if m.category in _MOLECULE and _ANTIBODY_BEFORE.search(text, max(0, m.start - 8),
                                                                m.start):
            return None  # "mAb GAP43-Exo": an antibody's target (exokg.extract.engineered)
        if text[m.end:m.end + 1] == "+" and m.category in _MOLECULE + ("Chemical",):
            markers.append(m.text)  # "CD163+": a marker named in the product's name
        elif m.category in _CARGO and cargo is None:
            cargo = m.entity
        elif m.category in _MOLECULE and cargo is None:
            cargo = m.entity
        elif m.category == "Vesicle":
            return None  # "lEV/Exos", "EVs/exosomes": alternatives or synonyms, not parts
        elif m.category == "Cell" and source is None:
            source = m.entity
        elif m.category in _DRUG or m.category in _MOLECULE or m.category in _CARGO:
            modifiers.append(m.text)
        else:
            return None  # a disease, an outcome, a place: not a name of a product
    # the pieces no mention covers
    spans = [(p.start, p.end) for p in parts] + [(head.start, head.end)]
    for piece in _PIECE.finditer(text, left, right):
        s, e = piece.start(), piece.end()
        if any(a <= s and e <= b for a, b in spans):
            continue
        if any(a < e and s < b for a, b in spans):
            return None  # a mention cut by the word's pieces
        word = piece.group()
        if _STATE.fullmatch(word):
            # "M2-EVs": vesicles of the cells in that state the document names ("M2
            # microglia"), a source, not a modification; a state no cells are named with
            # ("M0-EVs" of "untreated microglia (M0-EVs)") stays a name part
            stated = state_cell(word) if source is None else None
            if stated is not None:
                source, state_only = stated, True
                continue
            modifiers.append(word)
            continue
        if _CONTROL.fullmatch(word):
            return None  # "Unmod-Exos", "Ctrl-EVs", "Hypo-Exos": a control or a state
        if _VESICLE_PIECE.fullmatch(word):
            return None  # "lEV/Exos": another vesicle word, alternatives
        if _CELL_LINE.fullmatch(word):
            continue  # source cells no vocabulary names ("ciMSC", "hNSC"): not a modifier
        if defined(word, False):
            return None  # a short form the document defined for something else
        if _NUMBER.fullmatch(word) and cargo is None and (e == head.start - 1 or
                                                          s == head.end + 1):
            cargo = numbered(word)
            if cargo is None:
                numbers.append(word)  # "Angiopep-2-Exos": part of a modifier's name
        elif _WORD.fullmatch(word) and not word.endswith("RNA"):
            return None
        elif _NAME_PIECE.fullmatch(word):
            modifiers.append(word)
        else:
            return None
    if cargo is None and not modifiers and not state_only:
        return None  # the head, cells, markers or a number only ("MSC-Exos", "CD9+ EVs",
        # "Exo-3" in a document without miR-3)
    modifiers += markers
    written = " ".join(text[left:right].split())
    vesicle = head.entity
    attrs: dict[str, str] = {"vesicleType": vesicle.id}
    if source is not None:
        attrs["sourceCell"] = source.id
    noun = "exosomes" if vesicle.id == "GO:0070062" else "extracellular vesicles"
    made = f"{short_label(source)}-derived {noun}" if source is not None else noun
    if modifiers:
        attrs["engineering"] = "modified"
        attrs["designation"] = designation(written)
        label = written
    elif cargo is not None:
        attrs["cargo"] = cargo.id
        attrs["engineering"] = "loaded"
        label = f"{made} loaded with {cargo.label}"
    else:  # "M2-EVs": the vesicles of the cells in that state
        label = made
    synonyms = tuple(sorted({written} - {label}))
    return Entity(preparation_id(attrs), label, "ExosomePreparation", synonyms=synonyms,
                  attributes=tuple(sorted(attrs.items())))
