"""Recognition across the sentences of one document: abbreviations the document defines.

"Human umbilical cord MSC-derived exosomes (hUC-MSC-Exos) ..." defines ``hUC-MSC-Exos``; every
later "hUC-MSC-Exos" (or its plural / singular, "hUC-MSC-Exo") in the same document is a
mention of whatever the long form was recognised as: here the composite preparation. The
definitions are found with :func:`exokg.text.abbreviations.find_abbreviations` in each
sentence as it is read, so a short form is known from its definition onwards and never
outside its document.

A vesicle short form in brackets right after a recognised preparation is defined as that
preparation even when its letters come in another order ("exosomes from adipose-derived
stem cells (ADSC-Exos)"); one that glues the miRNA an engineered preparation carries to a
vesicle word, in any order ("miR-132-3p-overexpressed MSC-EXs (MSC-EXsmiR-132-3p)"), is
defined as that engineered preparation, not as its source cells.

The entity of a long form is the recognised mention that covers its last word (the head of
the noun phrase) and overlaps it most, a preparation before its parts. A long form with no
such mention still fixes what the short form means in this document: when its head is a word
for a measure ("cerebral blood flow (CBF)", "microvascular density (MVD)") the short form is
that measure, an open outcome (:mod:`exokg.extract.outcomes`); otherwise the short form has
no dictionary reading in the document (``None``): "CBF" defined as cerebral blood flow is not
the gene symbol CBF (CEBPZ), nor "MVD" mevalonate decarboxylase.

Disease short forms follow the grounding corpora's reading: a bracketed short form whose
capitals are the initials of the disease before it in another order is defined as that
disease ("myotonic dystrophy (DM)"); "VCFS/DGS" after two disease names defines each part;
the defining bracket itself is read as the disease when the sentence read it otherwise
("adenomatous polyposis coli (APC)" is not the gene there); and a disease's short form may
open a hyphenated word ("HD-affected").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache, partial
from typing import TYPE_CHECKING

from exokg.extract.outcomes import outcome_entity, outcome_label
from exokg.model import Analysed, Document, Entity, Mention, Sentence
from exokg.text.abbreviations import Abbreviation, find_abbreviations

if TYPE_CHECKING:
    from exokg.recognise import Recogniser

__all__ = ["alias_mentions", "analyse_sentences", "defined_aliases", "spells"]


#: A time or negation prefix a disease's short form may follow with a hyphen ("post-aSAH",
#: "pre-TBI", "peri-ICH", "non-SAH controls").
_PREFIX_BEFORE = r"(?<=\b[Pp]ost-)|(?<=\b[Pp]re-)|(?<=\b[Pp]eri-)|(?<=\b[Nn]on-)"


@lru_cache(maxsize=4096)
def _pattern(short: str, hyphen_after: bool = False, prefixed: bool = False
             ) -> re.Pattern[str]:
    """Where a short form is used: as written, or with / without a plural "s"; with
    ``hyphen_after`` also as the first part of a hyphenated word ("ASC-derived", "ASC-EVs");
    with ``prefixed`` also after a time or negation prefix (:data:`_PREFIX_BEFORE`)."""
    body = re.escape(short[:-1]) + r"s?" if short.endswith("s") else re.escape(short) + r"s?"
    before = r"(?:(?<![\w-])|" + _PREFIX_BEFORE + ")" if prefixed else r"(?<![\w-])"
    return re.compile(before + body + (r"(?!\w)" if hyphen_after else r"(?![\w-])"))


def _hyphen_after(entity: Alias) -> bool:
    """Whether a short form may open a hyphenated word: a cell type's may ("ASC-derived
    EVs" are vesicles from ASCs), and so may a disease's ("HD-affected neurons",
    "AD-like pathology"); other short forms keep to whole words ("EV-miR-21")."""
    return not isinstance(entity, tuple) and entity.category in ("Cell", "Disease",
                                                                 "Phenotype")


def _prefixed(entity: Alias) -> bool:
    """Whether a short form may close a word opened by a time or negation prefix: a
    disease's may ("1 year post-aSAH", "pre-TBI levels")."""
    return not isinstance(entity, tuple) and entity.category in _DISEASE_LIKE


#: What a short form stands for: one entity, or a species and the entity its letters after
#: the first stand for ("hMSCs" defined as "human bone marrow mesenchymal stem cells").
Alias = Entity | tuple[Entity, Entity]


def alias_mentions(text: str, aliases: Mapping[str, Alias | None]) -> list[Mention]:
    """Mentions of the defined short forms in ``text`` (source ``"abbreviation"``); a short
    form defined as nothing known (``None``) gives none."""
    out: list[Mention] = []
    for short, entity in aliases.items():
        # every use holds the short form as written (a final "s" may be left off): a text
        # without it needs no scan (most sentences use few of a document's short forms)
        if entity is None or (short[:-1] if short.endswith("s") else short) not in text:
            continue
        for m in _pattern(short, _hyphen_after(entity), _prefixed(entity)).finditer(text):
            if isinstance(entity, tuple):
                taxon, rest = entity
                out.append(Mention(taxon, m.start(), m.start() + 1, m.group()[0],
                                   "abbreviation"))
                out.append(Mention(rest, m.start() + 1, m.end(), m.group()[1:],
                                   "abbreviation"))
            else:
                out.append(Mention(entity, m.start(), m.end(), m.group(), "abbreviation"))
    return out


def _with_taxon(a: Analysed, abbreviation: Abbreviation, entity: Entity) -> Alias:
    """``entity``, or (species, entity) when the long form opens with a species word whose
    initial is the short form's first letter and the rest is a cell ("hMSCs")."""
    if entity.category != "Cell" or len(abbreviation.short) < 3:
        return entity
    first = [m for m in a.parts if m.category == "Species"
             and m.start == abbreviation.long_start]
    if first and first[0].text[:1].lower() == abbreviation.short[0] \
            and abbreviation.short[1].isupper():
        return (first[0].entity, entity)
    return entity


def long_form_entity(a: Analysed, abbreviation: Abbreviation) -> Entity | None:
    """What the long form of ``abbreviation`` (offsets in ``a.text``) was recognised as: the
    mention (top-level or part of a preparation) that covers the head word of the long form,
    preferring the largest overlap, then the one reaching least beyond the long form and its
    bracket, then a preparation. When the short form itself was recognised as a preparation and the
    long form only as a part of one ("UC-MSC (UCMSCs)-derived exosomes (UC-MSCs-Exo)"), the
    short form's preparation is kept."""
    lo, hi = abbreviation.long_start, abbreviation.long_end
    head = max(a.text.rfind(" ", lo, hi) + 1, lo)
    outer = max(hi, abbreviation.short_end + 1)
    candidates = [m for m in (*a.mentions, *a.parts) if m.start < hi and m.end > head
                  and m.start < abbreviation.short_start]
    if not candidates:
        return None

    def rank(m: Mention) -> tuple[int, int, int, str]:
        overlap = min(m.end, hi) - max(m.start, lo)
        beyond = max(0, lo - m.start) + max(0, m.end - outer)
        return (overlap, -beyond, int(m.source.startswith("composite")), m.entity.id)

    best = max(candidates, key=rank).entity
    own = [m for m in a.mentions if m.start == abbreviation.short_start
           and m.end == abbreviation.short_end and m.category == "ExosomePreparation"]
    if own and best.category != "ExosomePreparation":
        return own[0].entity
    return best


# "(ADSC-Exos)", "(MSC-EVs)", "(hUC-sEV)", "(EPC-EXs)": a short form for vesicles
_VESICLE_SHORT = re.compile(r"\(\s*([A-Za-z0-9][\w-]{0,12}?-?(?:s?EVs?|Exos?|EXOs?|exos?|EXs?))"
                            r"\s*\)")


def _preparation_defined(a: Analysed) -> dict[str, Entity]:
    """Vesicle short forms written in brackets right after a preparation whose words come in
    another order than the short form's ("exosomes from adipose-derived stem cells
    (ADSC-Exos)"), which Schwartz-Hearst matching cannot explain; a short phrase saying
    where the cells came from may stand between (:data:`_POSTMODIFIER`)."""
    out: dict[str, Entity] = {}
    for b in _VESICLE_SHORT.finditer(a.text):
        for m in a.mentions:
            if m.category == "ExosomePreparation" and m.start < b.start() and \
                    (m.end == b.end() or _POSTMODIFIER.fullmatch(a.text[m.end:b.start()])):
                out.setdefault(b.group(1), _named(m.entity, b.group(1)))
    return out


#: a vesicle word inside an engineered preparation's short form, glued to the rest or joined
#: to it ("MSC-EXsmiR-132-3p", "miR-21-Exos", "EVmiR-126")
_VESICLE_INSIDE = re.compile(r"s?EVs?|Exos?|EXOs?|exos?|EXs?")
#: a miRNA name inside a short form, however it is glued: "miR-132-3p", "mir126", "let-7a"
_MIRNA_INSIDE = re.compile(r"(?:miR|mir|MIR|let)-?(\d+[a-z]?(?:-\d+(?![\dp]))*(?:-[35]p)?)")


def _engineered_defined(a: Analysed) -> dict[str, Entity]:
    """Short forms in brackets right after a preparation engineered to carry a miRNA that
    glue the miRNA to a vesicle word in any order: "miR-132-3p-overexpressed MSC-EXs
    (MSC-EXsmiR-132-3p)", "exosomes from miR-126-overexpressing EPCs (EPC-EXsmiR-126)",
    "miR-17-92-enriched exosomes (miR-17-92-Exo)". The short form is that preparation, not
    its source cells (whose abbreviation opens it) nor the bare miRNA: the miRNA named in
    the short form must be the preparation's cargo (its name, or the name without the arm)."""
    out: dict[str, Entity] = {}
    for b in _PRODUCT_SHORT.finditer(a.text):
        short = b.group(1)
        named = _MIRNA_INSIDE.search(short)
        if named is None or not _VESICLE_INSIDE.search(short):
            continue
        number = "mir-" + named.group(1).lower() if short[named.start()] != "l" else \
            "let-" + named.group(1).lower()
        for m in a.mentions:
            cargo = dict(m.entity.attributes).get("cargo", "")
            tail = cargo.rsplit("/", 1)[-1].removesuffix("-cluster")
            if m.category == "ExosomePreparation" and m.end <= b.start() and \
                    not a.text[m.end:b.start()].strip() and \
                    (tail == number or tail.startswith(number + "-")):
                out.setdefault(short, _named(m.entity, short))
    return out


def _combination_defined(a: Analysed) -> dict[str, Entity]:
    """Short forms in brackets that are themselves a combination therapy ("... in
    combination with tPA (CEC-sEVs/tPA)", :mod:`exokg.recognise.combinations`): the short
    form stands for the combination written right before the bracket, else for the one its
    own parts name; never for its last part alone."""
    out: dict[str, Entity] = {}
    combinations = [m for m in a.mentions if m.category == "Therapy" and m.source == "composite"]
    for b in _PRODUCT_SHORT.finditer(a.text):
        own = [m for m in combinations if m.start == b.start(1) and m.end == b.end(1)]
        if not own:
            continue
        # "MSC-EVs in combination with alteplase (EV/tPA)": the long form before the
        # bracket names the parts more fully than the short form's own letters
        long = [m for m in combinations if m.end <= b.start()
                and not a.text[m.end:b.start()].strip()]
        entity = (long or own)[0].entity
        out.setdefault(b.group(1), replace(entity, synonyms=tuple(
            sorted({*entity.synonyms, b.group(1)}))))
    return out


_VESICLE_WORD = re.compile(r"-?(?:s?EVs?|Exos?|EXOs?|exos?|EXs?)$")


def _named(entity: Entity, short: str) -> Entity:
    """``entity`` with the short form the document defined for it as a synonym, when the
    short form names more than the vesicles ("ADSC-Exos", "TNFα-Exos"; not "sEVs")."""
    if len(_VESICLE_WORD.sub("", short)) < 2:
        return entity
    return replace(entity, synonyms=tuple(sorted({*entity.synonyms, short})))


# "(EPCmiR-126)", "(BDNF-MSCs)", "(miR-133b-MSC)": a short form in brackets, one word with a
# capital letter
_PRODUCT_SHORT = re.compile(r"\(\s*([A-Za-z0-9][\w/+-]{1,20}?[A-Za-z0-9])\s*\)")


def _product_defined(a: Analysed) -> dict[str, Entity]:
    """Short forms in brackets right after a cell product the text composed from a molecule
    and a cell type ("miR-126-primed EPCs (EPCmiR-126)", "MSCs overexpressing BDNF
    (BDNF-MSCs)", :mod:`exokg.recognise.cell_products`): the short form is the product, not
    the plain cell type its letters spell."""
    out: dict[str, Entity] = {}
    for b in _PRODUCT_SHORT.finditer(a.text):
        if not any(c.isupper() for c in b.group(1)):
            continue
        for m in a.mentions:
            if m.category == "Cell" and m.source == "composite" and \
                    not a.text[m.end:b.start()].strip():
                out.setdefault(b.group(1), replace(m.entity, synonyms=tuple(
                    sorted({*m.entity.synonyms, b.group(1)}))))
    return out


# what may stand between a preparation and its bracketed short form: nothing, or a short
# phrase saying where the cells came from ("exosomes harvested from bone marrow stromal cells
# obtained from T2DM rats (T2DM-MSC-Exo)")
_POSTMODIFIER = re.compile(r"\s*|\s+(?:obtained|harvested|isolated|derived|collected|taken|"
                           r"cultured|expanded)\s+(?:from|in)\s+(?:[\w/-]+\s+){0,3}[\w/-]+\s*")


#: Head words of a long form that name a measure: a short form defined with one of these and
#: unknown to the dictionaries is an outcome ("cerebral blood flow (CBF)").
_MEASURE_HEADS = frozenset("""flow density volume content score pressure perfusion ratio index
rate permeability width size area count latency thickness length uptake consumption fraction
distance time function deformability""".split())


def _unknown_long_form(a: Analysed, abbreviation: Abbreviation) -> Entity | None:
    """What a long form no dictionary knows defines: an open outcome when its head word is a
    measure ("cerebral microvascular density (MVD)"), else ``None`` (the short form then has
    no dictionary reading)."""
    words = re.findall(r"[\w/-]+", a.text[abbreviation.long_start:abbreviation.long_end])
    if not words or not 1 < len(words) <= 5:
        return None
    head = words[-1].lower()
    head = head[:-1] if head.endswith("s") and head[:-1] in _MEASURE_HEADS else head
    if head not in _MEASURE_HEADS:
        return None
    entity = outcome_entity(outcome_label(words))
    return Entity(entity.id, entity.label, entity.category, synonyms=(abbreviation.short,))


#: Categories whose bracketed short forms may spell the name's initials in another order.
_DISEASE_LIKE = frozenset({"Disease", "Phenotype"})
# "(DM)", "(PMD)", "(HD)", "(A-T)": a short form in brackets, capitals (and digits, hyphens)
_SHORT_IN_BRACKETS = re.compile(r"\(\s*([A-Z][A-Za-z0-9-]{1,9})\s*\)")


def _initials(name: str) -> set[str]:
    """The upper-cased first letters of the words (and hyphen-joined parts) of a name."""
    return {w[0].upper() for w in re.findall(r"[A-Za-z][A-Za-z0-9]*", name)}


def _disease_defined(a: Analysed) -> dict[str, Entity]:
    """Disease short forms in brackets right after a recognised disease or phenotype name
    whose capitals are all initials of the name's words, in any order: "myotonic dystrophy
    (DM)" (from the Latin dystrophia myotonica), "Pelizaeus-Merzbacher disease (PMD)".
    Schwartz-Hearst matching needs the letters in the name's order and misses these."""
    out: dict[str, Entity] = {}
    for b in _SHORT_IN_BRACKETS.finditer(a.text):
        short = b.group(1)
        capitals = {c for c in short if c.isupper()}
        if len(capitals) < 2 or sum(c.islower() for c in short) > 1:
            continue
        for m in (*a.mentions, *a.parts):
            if m.category in _DISEASE_LIKE and m.start < b.start() and \
                    not a.text[m.end:b.start()].strip() and capitals <= _initials(m.text):
                out.setdefault(short, m.entity)
                break
    return out


def spells(short: str, name: str) -> bool:
    """True when ``name`` spells out ``short`` as Schwartz-Hearst matching reads a long
    form: its letters and digits found right to left in order, the first opening the name.

    >>> spells("VCFS", "velo-cardio-facial syndrome"), spells("DGS", "velo-cardio-facial")
    (True, False)
    """
    chars = [c.lower() for c in short if c.isalnum()]
    text = name.lower()
    j = len(text) - 1
    for k in range(len(chars) - 1, -1, -1):
        while j >= 0 and text[j] != chars[k]:
            j -= 1
        if j < 0 or (k == 0 and j != 0):
            return False
        j -= 1
    return bool(chars)


def _split_definitions(a: Analysed, abbreviation: Abbreviation) -> dict[str, Entity]:
    """The parts of a short form joined by "/" ("VCFS/DGS" for "velo-cardio-facial
    syndrome/DiGeorge syndrome"), each defined as the disease named in the long form that
    spells it; empty unless every part finds exactly one."""
    parts = abbreviation.short.split("/")
    if len(parts) < 2 or not all(parts):
        return {}
    names = [m for m in (*a.mentions, *a.parts) if m.category in _DISEASE_LIKE
             and abbreviation.long_start <= m.start and m.end <= abbreviation.long_end]
    out: dict[str, Entity] = {}
    for part in parts:
        spelled = {m.entity.id: m.entity for m in names if spells(part, m.text)}
        if len(spelled) != 1:
            return {}
        out[part] = next(iter(spelled.values()))
    return out


def defined_aliases(a: Analysed) -> dict[str, Alias | None]:
    """Short forms defined in one analysed sentence, with what each stands for (``None``:
    a long form no dictionary knows and no measure, see the module docs)."""
    if "(" not in a.text and "[" not in a.text:
        return {}  # every definition below is written in brackets
    # a vesicle short form in brackets after a preparation names the preparation, even where
    # Schwartz-Hearst finds a long form inside it ("exosomes released by endothelial progenitor
    # cells (EPC-EXs)" are the vesicles, not the cells)
    out: dict[str, Alias | None] = dict(_preparation_defined(a))
    for short, entity in _engineered_defined(a).items():
        out.setdefault(short, entity)
    for short, entity in _product_defined(a).items():
        out.setdefault(short, entity)
    for short, entity in _combination_defined(a).items():
        out.setdefault(short, entity)
    for abbreviation in find_abbreviations(a.text):
        split = _split_definitions(a, abbreviation)
        if split:  # "(VCFS/DGS)": each part names its own disease
            for part, entity in split.items():
                out.setdefault(part, entity)
            continue
        entity = long_form_entity(a, abbreviation)
        if entity is not None and _gene_named_inside(a, abbreviation, entity):
            continue  # "Disrupted in Schizophrenia 1 (DISC1)": the gene, as read
        if entity is not None:
            out.setdefault(abbreviation.short, _with_taxon(a, abbreviation, entity))
        elif not _own_reading_agrees(a, abbreviation):
            out.setdefault(abbreviation.short, _unknown_long_form(a, abbreviation))
    for short, entity in _disease_defined(a).items():
        if out.get(short) is None:
            out[short] = entity
    for short, entity in _source_cell_prefixes(a, out).items():
        out.setdefault(short, entity)
    return out


#: A vesicle short form of a preparation: the source cell's short form, a hyphen, the
#: vesicle word ("CEC-sEVs", "ADSC-Exos", "EPC-EXs").
_SOURCE_PREFIX = re.compile(r"([A-Za-z][A-Za-z0-9]{1,9})-(?:s?EVs?|Exos?|EXOs?|exos?|EXs?)")


def _source_cell_prefixes(a: Analysed, aliases: Mapping[str, Alias | None]) -> dict[str, Entity]:
    """The cell short form inside a vesicle short form the sentence defined for a preparation:
    "small EVs derived from cerebral endothelial cells (CEC-sEVs)" also defines "CEC" as the
    endothelial cells, when the words ending at a cell name written before the bracket spell
    the prefix (:func:`spells`), so a later "CEC cultures" are those cells and not a disease
    whose abbreviation in a dictionary is "CEC"."""
    out: dict[str, Entity] = {}
    for short, entity in aliases.items():
        match = _SOURCE_PREFIX.fullmatch(short)
        if match is None or not isinstance(entity, Entity) or \
                entity.category != "ExosomePreparation" or short not in a.text:
            continue
        prefix, bracket = match.group(1), a.text.index(short)
        if sum(c.isupper() for c in prefix) < 2 or prefix in aliases:
            continue
        for m in (*a.mentions, *a.parts):
            if m.category != "Cell" or m.end > bracket:
                continue
            starts = [w.start() for w in re.finditer(r"\b\w", a.text[:m.start + 1])][-4:]
            if any(spells(prefix, a.text[start:m.end]) for start in starts):
                out[prefix] = m.entity
                break
    return out


def _gene_named_inside(a: Analysed, abbreviation: Abbreviation, entity: Entity) -> bool:
    """True when a gene's long form merely contains a disease name and its short form is
    that gene's official symbol: "Disrupted in Schizophrenia 1 (DISC1)" (the disease
    "schizophrenia 1" covers the head, not the first words), "breakpoint cluster region
    (BCR)". The short form, read in its brackets as a gene with the symbol's own case,
    keeps that reading through the document instead of becoming the disease (round 6: on
    BioRED's training second half "DISC1" was the disease six times after such a
    definition)."""
    if entity.category not in _DISEASE_LIKE:
        return False
    lo, hi = abbreviation.long_start, abbreviation.long_end
    covering = [m for m in (*a.mentions, *a.parts)
                if m.entity.id == entity.id and m.start < hi and m.end > lo]
    if not covering or min(m.start for m in covering) <= lo:
        return False  # the disease name is the whole long form
    return any(m.start == abbreviation.short_start and m.end == abbreviation.short_end
               and m.category == "Gene" and m.source == "ontology"
               and m.text == m.entity.label for m in (*a.mentions, *a.parts))


def _words(text: str) -> set[str]:
    """Content words of a name, lower case, a final plural 's' dropped (4 letters or more:
    'protein', 'receptor' and the like count too; they are checked against one entity only)."""
    out = set()
    for w in re.findall(r"[a-z0-9]+", text.lower()):
        w = w[:-1] if len(w) > 4 and w.endswith("s") else w
        if len(w) >= 4:
            out.add(w)
    return out


def _own_reading_agrees(a: Analysed, abbreviation: Abbreviation) -> bool:
    """True when the short form was itself recognised (in its brackets) as an entity whose
    label or a synonym shares a content word with the long form, although the long form as a
    whole is in no dictionary: "low density lipoprotein receptor-related protein 1 (LRP1)"
    keeps the gene LRP1, while "cerebral blood flow (CBF)" does not keep the gene symbol CBF
    (CCAAT/enhancer binding protein zeta)."""
    long_form = a.text[abbreviation.long_start:abbreviation.long_end]
    long_words = _words(long_form)
    for m in a.mentions:
        if m.start == abbreviation.short_start and m.end == abbreviation.short_end:
            names = (m.entity.label, *m.entity.synonyms)
            if any(long_words & _words(name) for name in names):
                return True
            if m.category in _MOLECULE_CATEGORIES and (
                    _names_a_molecule(long_form)
                    or _MOLECULE_AFTER.match(a.text, abbreviation.short_end + 1)):
                return True
    return False


_MOLECULE_CATEGORIES = frozenset({"Gene", "Protein", "GeneOrGeneProduct"})
#: the last word of a long form that names a gene product ("galactocerebrosidase (GALC)",
#: "sonic hedgehog protein (SHH)", "tumor necrosis factor (TNF)")
_MOLECULE_HEAD = re.compile(r"(?:ase|ases|in|ins|gene|protein|factor|receptor|kinase|ligand|"
                            r"homolog|channel|transporter|antigen|molecule|enzyme|regulator|"
                            r"subunit|family|member|[A-Za-z]+ \d+[A-Za-z]?)\s*$", re.I)
#: last words of a long form that end like a gene product's name ("-ase", "-in") and name
#: none: "small vessel disease (SVD)" is no enzyme, whose short form would keep the gene
#: KCNJ13 (alias "SVD"), nor "low back pain (LBP)" a protein
_NOT_MOLECULE_HEADS = frozenset("""disease diseases phase phases release increase decrease
case cases pain pains brain brains skin origin margin basin vein veins strain strains twin
twins chin""".split())
#: last words of a long form that name a disease, a harm or a sign
_DISEASE_HEADS = frozenset("""disease diseases disorder disorders syndrome syndromes pain
injury injuries deficiency dysfunction impairment""".split())


def _last_word(long_form: str) -> str:
    words = re.findall(r"[A-Za-z]+", long_form)
    return words[-1].lower() if words else ""


def _names_a_molecule(long_form: str) -> bool:
    """True when the last word of a long form names a gene product (:data:`_MOLECULE_HEAD`):
    "galactocerebrosidase", "sonic hedgehog protein", not "small vessel disease"."""
    return _last_word(long_form) not in _NOT_MOLECULE_HEADS and \
        _MOLECULE_HEAD.search(long_form) is not None


def _read_against_unknown_long_form(a: Analysed, short: str) -> bool:
    """True when ``short``, whose long form no dictionary knows, was read in its defining
    brackets as what the long form's last word says it is not: a gene although the long
    form ends in a word for a disease ("Small Vessel Disease (SVD)" is not the gene KCNJ13),
    or a disease although it does not ("superoxide dismutase (SOD)" is not septo-optic
    dysplasia, "magnetic resonance spectroscopy (MRS)" no disease). A disease reading of
    a disease-like long form stays ("acquired immunodeficiency syndrome (AIDS)")."""
    read_as = {m.category for m in a.parts if m.text == short and m.source == "ontology"}
    gene, disease = bool(read_as & _MOLECULE_CATEGORIES), bool(read_as & _DISEASE_LIKE)
    if not gene and not disease:
        return False
    names_disease = any(x.short == short and _last_word(a.text[x.long_start:x.long_end])
                        in _DISEASE_HEADS for x in find_abbreviations(a.text))
    return gene and names_disease or disease and not names_disease


#: what follows the bracket when the short form names a gene ("(Shh) signaling", "(GALC) gene")
_MOLECULE_AFTER = re.compile(r"\)?\s*(?:gene|genes|protein|proteins|mRNA|expression|signal\w*|"
                             r"pathway|receptor|transcripts?|promoter|3'|knock\w*|level)\b",
                             re.I)


#: Classes whose short forms, read as a gene symbol in their defining brackets, are not the
#: gene: a measure, a cell type, and vesicles named by their cell of origin ("neuron-derived
#: exosomes (NDE)" is no NDE1, "astrocyte-derived exosomes (ADE)" no gene either).
_NOT_GENE_DEFINITIONS = frozenset({"Outcome", "Cell", "ExosomePreparation", "Vesicle"})


def _read_otherwise(a: Analysed, short: str, entity: Alias | None) -> bool:
    """True when a disease or phenotype short form, where the sentence writes it (in its
    defining brackets), was not read as the disease it stands for: "adenomatous polyposis
    coli (APC)" read "APC" as the gene, "myotonic dystrophy (DM)" as diabetes mellitus;
    and when a short form defined as a measure or a cell type was read as a gene symbol there
    ("coronary blood flow (CBF)" is not the gene CBF, CEBPZ; "pluripotent stem cell (PSC)"
    not the gene PSC), and so for a short form defined as a preparation or vesicle population
    ("neuron-derived exosomes (NDE)" is not the gene NDE1); and when a short form defined as
    one gene was read as another gene's alias there ("synaptophysin (SYN)" is SYP, not FYN);
    and when a short form defined as nothing the dictionaries know (``None``: a long form
    they do not name, sharing no word with the short form's own reading) was read as a
    disease there: "superoxide dismutase (SOD)" is not septo-optic dysplasia, whose
    synonym "SOD" is (later uses already give way to the definition; the bracket now does
    too), nor, read as a gene there, the short form of a disease name the dictionaries do
    not know ("small vessel disease (SVD)", :func:`_read_against_unknown_long_form`).
    A long form read as another class or as nothing keeps the symbol's gene reading
    ("leukemia inhibitory factor (LIF)", "nuclear factor kappa B (NFkappaB)": on BioRED's
    training split, dropping those lost more genes than it removed false ones)."""
    if isinstance(entity, Entity) and entity.category in _NOT_GENE_DEFINITIONS:
        if any(m.text == short and m.source == "ontology" and m.category == "Gene"
               for m in a.parts):
            return True
    if isinstance(entity, Entity) and entity.category in _MOLECULE_CATEGORIES and any(
            m.text == short and m.source == "ontology" and m.category in _MOLECULE_CATEGORIES
            and m.entity.id != entity.id for m in a.parts):
        return True  # "synaptophysin (SYN)": not FYN, whose alias "SYN" also is
    if entity is None:  # "superoxide dismutase (SOD)" is no septo-optic dysplasia there
        return _read_against_unknown_long_form(a, short)
    if not isinstance(entity, Entity) or entity.category not in _DISEASE_LIKE:
        return False
    for m in _pattern(short).finditer(a.text):
        if not any(p.start == m.start() and p.end == m.end() and p.entity.id == entity.id
                   for p in a.parts):
            return True
    return False


def _symbol_of_nothing_known(a: Analysed, short: str, entity: Alias | None,
                             annotated: Callable[[], Sequence[Mention]] | None = None
                             ) -> bool:
    """True when a short form defined as nothing the dictionaries know (``None``: its own
    reading shares no word with the long form, see :func:`_own_reading_agrees`) was read in
    its defining bracket as a gene's alias (not its official symbol) while the long form is
    a protein name no gene table grounds (a minted ``exokg:protein-name/``,
    :mod:`exokg.recognise.proteins`): "a dual bio-specificity peptide (BSP)" is not the gene IBSP (bone sialoprotein, alias
    "BSP") there either, as it is nowhere else in the document. An official symbol and
    other undefined long forms keep the bracket's reading (on BioRED's training split such
    brackets, "DNA polymerase gamma (POLG)", "(KRAS)", "(MHC)", were mostly right).
    ``annotated`` gives the sentence's names for annotation only when ``a`` was analysed
    without them (asked only when the bracket is such a gene alias)."""
    if entity is not None:
        return False
    bracket = [m for m in a.parts if m.text == short and m.source == "ontology"
               and m.category == "Gene" and m.text != m.entity.label]
    if not bracket:
        return False
    opening = bracket[0].start
    names = a.annotated if annotated is None else annotated()
    named = [p for p in names if p.entity.id.startswith("exokg:protein-name/")
             and p.end < opening and not a.text[p.end:opening].strip(" (")]
    if not named:
        return False
    long_words = _words(named[-1].text)
    return not any(long_words & _words(name)
                   for name in (bracket[0].entity.label, *bracket[0].entity.synonyms))


def _names_a_cell(entity: Alias | None) -> bool:
    """True for a short form defined as a cell type ("dendritic cells (DCs)") or a
    preparation ("miR-124-loaded exosomes (miR-124-Exo)"): the sentence is read again so
    that the short form in its defining brackets is a mention too (not its parts: the
    vesicle word "Exo" of "miR-124-Exo" is no agent of its own)."""
    return isinstance(entity, Entity) and entity.category in ("Cell", "ExosomePreparation") or (
        isinstance(entity, tuple) and entity[1].category == "Cell")


def analyse_sentences(document: Document, sentences: Sequence[Sentence],
                      recogniser: Recogniser, *, annotate: bool = True) -> list[Analysed]:
    """Recognise the sentences of one document in order, carrying the abbreviations it
    defines forward. A sentence that uses a short form after defining it is read again
    with the definition known. With ``annotate`` false the names for annotation only are
    left out (``Analysed.annotated`` empty; see :meth:`Recogniser.analyse`)."""
    aliases: dict[str, Alias | None] = {}
    out: list[Analysed] = []
    for sentence in sentences:
        a = recogniser.analyse(document, sentence, aliases, annotate=annotate)
        new = {k: v for k, v in defined_aliases(a).items() if k not in aliases}
        if new:
            aliases.update(new)
            names = None if annotate else partial(recogniser.annotations, a)
            if any(len(_pattern(k).findall(a.text)) > 1 for k in new) or \
                    any(_read_otherwise(a, k, v) or _names_a_cell(v)
                        or _symbol_of_nothing_known(a, k, v, names) for k, v in new.items()):
                a = recogniser.analyse(document, sentence, aliases, annotate=annotate)
        out.append(a)
    return out
