"""Composite exosome preparations: vesicle type + source cell + cargo + engineering + origin +
treatment, recognised around each vesicle mention.

Phrases understood (any order the field writes them in):

* source: "MSC-derived exosomes", "MSC exosomes", "MSC-EVs", "exosomes derived from / of /
  secreted by MSCs", "(were) isolated from MSCs", "MSCs secrete / release exosomes",
  "mesenchymal stem cells (MSCs)-derived exosomes", "human MSC-derived EVs" (source taxon);
  a cell adjective, with a polarisation state the vocabulary names, before a size class
  ("M2 microglial small EVs", "microglial small EVs", "MSC small EVs"); sources joined by
  "both ... and" ("EVs from both activated platelets and leukocytes": one population each);
* body fluid (``sourceTissue``, no source cell): "exosomes derived from young healthy human
  plasma", "exosomes from the serum of aged rats", "serum exosomes of aged rats", only with
  donors named as healthy, young or aged people or animals; "EVs isolated from plasma" and
  the fluid of patients are a patient study's sample, no preparation;
* engineering + cargo: "miR-X-enriched" and "miR-X enriched EPC-EXs" (a short form the
  document defined, see :func:`engineered_short_forms`), a gene or protein as well as a miRNA
  and two of them joined by "/" or "and" ("BDNF-enriched MSC-EVs", "Zeb2/Axin2-enriched
  exosomes": genes overexpressed in the source cells so that the vesicles carry them; of two
  joined molecules the first-named is the recorded cargo, since a preparation has one
  ``exo:cargo``, and the written name, kept as a synonym, names both);
  "loaded with / transfected with / (genetically) engineered, modified
  or manipulated to contain, carry or express miR-X", "miR-X-loaded exosomes" -> ``loaded``;
  "exosomes of / from miR-X-overexpress(ed|ing) MSCs", "MSCs overexpressing miR-X" ->
  ``overexpressing-source``; "with increased / elevated / enriched miR-X", "miR-X-enriched"
  -> ``enriched``; "with decreased / reduced miR-X", "miR-X-depleted / knockdown" ->
  ``depleted``; "with increased or decreased miR-X" gives two alternative preparations;
* origin: "allogeneic", "allogenic", "autologous", "xenogeneic";
* treatment: "BYHWD-treated exosomes", "exosomes from BYHWD-treated MSCs", "pretreated with X";
  a molecule the source cells were primed with ("exosomes from TNFα-preconditioned MSCs",
  "from IFN-γ-primed MSCs": a gene, protein or chemical) is what they were treated with too;
  a state without a molecule ("hypoxia-preconditioned", "scratch-injured") keeps only the
  source cell.

Two mentions are the same preparation exactly when all parts are equal. A vesicle mention
with no other part stays a plain vesicle.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from exokg.ids import mint
from exokg.model import Entity, Mention

_ORIGIN = re.compile(r"\b(allogen(?:e)?ic|autologous|xenogen(?:e)?ic|syngeneic)\s*$", re.I)
_ORIGIN_NORMAL = {"allogenic": "allogeneic", "allogeneic": "allogeneic",
                  "autologous": "autologous", "xenogenic": "xenogeneic",
                  "xenogeneic": "xenogeneic", "syngeneic": "syngeneic"}
_SOURCE_GLUE = re.compile(r"^\)?\s*-?\s*(?:derived|secreted|released|isolated|produced|generated|"
                          r"originated)?\s*-?\s*"
                          # "MSC-secreted nano-sized exosomes", "MSC-derived small EVs";
                          # a size class alone after the cells or their adjective: "MSC
                          # small EVs", "microglial small EVs"
                          r"(?:(?<=[\w-])\s*(?:nano-?sized|small|large|purified|isolated)\s+|"
                          r"(?<![\w-])\s+(?:nano-?sized|small|large)\s+)?$",
                          re.I)
# "MSCs secrete / release exosomes": the cells' vesicles
_SECRETE = re.compile(r"^\s+(?:secrete|release|produce|shed)s?\s+(?:small\s+)?$", re.I)
# the state the source cells were in when they gave the vesicles: "stretch-injured",
# "LPS-stimulated", "hypoxia-preconditioned", "IFN-γ-primed", "OGD-exposed" microglia or MSCs
# (the graph model has no part for a state: the source cell is kept, the state is not; a
# molecule named as its cause is exo:treatedWith, see _PRIMING)
_STATE_WORD = (r"(?:injured|stimulated|primed|pre-?conditioned|activated|exposed|challenged|"
               r"pre-?treated|polari[sz]ed|damaged|stressed|deprived|insulted|induced)")
_CELL_STATE = r"(?:[^\s()]+-\s*)?" + _STATE_WORD
_STATE_GLUE = re.compile(r"\s*-\s*" + _STATE_WORD + r"\s+", re.I)
_SOURCE_AFTER = re.compile(r"^\s*(?:(?:(?:that\s+|which\s+)?(?:were|was)\s+)?(?:derived|isolated|"
                           r"originat(?:ing|ed)|"
                           r"obtained|secreted|released|produced|purified|collected|generated|"
                           r"harvested|extracted)\s+"
                           r"(?:from|by)|of|from)\s+(?:the\s+)?"
                           # "EVs from both activated platelets and leukocytes": the first
                           # of coordinated sources (_more_sources reads the others)
                           r"(?:both\s+|either\s+)?"
                           # "released from primary cortical astrocytes", "derived from healthy
                           # cerebral endothelial cells": the cells' state or place
                           # "from immortalized / clonally expanded MSCs": a cell line
                           r"(?:(?:primary|cultured|healthy|young|aged|naive|resting|activated|"
                           r"normal|brain|immortali[sz]ed|clonally|clonal|expanded|"
                           r"[a-z]+(?:al|ic|ar|ary)|" + _CELL_STATE + r")\s+){0,3}$", re.I)
#: a short form in brackets right after the vesicle word: one token ("(EVs)", "(sEVs)",
#: "(hUC-MSC-Exos)")
_SHORT_BRACKET = re.compile(r"\s*\(\s*[^()\s]{1,15}\s*\)")
#: what may stand between the donors' species and the source cells: nothing, or adjectives
#: naming the tissue the cells were taken from, read by their form rather than from a list
#: ("human placental / amniotic / chorionic / gingival / decidual MSCs"), as
#: :data:`_SOURCE_AFTER` reads them without a species
_TISSUE_ADJECTIVES = re.compile(r"\s+(?:[a-z]+(?:al|ic|ar|ary)\s+){0,2}|\s*")
# "packaged" only with its preposition: "EVs packaged miR-X" is the vesicles' own cargo
_LOAD_VERB = (r"(?:(?:genetically\s+)?(?:loaded|transfected|engineered|modified|manipulated|"
              r"packaged(?=\s+(?:with|by|to\s))|armed|electroporated|tailored)"
              r"(?:\s+(?:with|by|to\s+(?:contain|carry|"
              r"express|overexpress|deliver|encapsulate)))?|carrying|containing|encapsulating|"
              r"delivering)")
_LOAD_AFTER = re.compile(r"^\s*,?\s*" + _LOAD_VERB + r"\s+(?:the\s+)?$", re.I)
_ENRICH_AFTER = re.compile(r"^\s*(?:with|containing|carrying|having)\s+(?:an?\s+)?"
                           r"(?:(?P<up>increased|elevated|higher|high|enriched|"
                           r"overexpressed|upregulated)"
                           r"(?:\s+(?:or|and|/)\s+(?P<down2>decreased|reduced|lower|low|"
                           r"depleted|downregulated))?"
                           r"|(?P<down>decreased|reduced|lower|low|depleted|downregulated|"
                           r"knocked[- ]down))\s+(?:levels?\s+of\s+)?$", re.I)
_ENRICHED_IN = re.compile(r"^\s*(?P<kind>enriched|depleted)\s+(?:in|with|of|by)\s+$", re.I)
_PREFIX_ENG = re.compile(r"(?:-|\s)\s*(?P<kind>loaded|enriched|depleted|overexpress(?:ed|ing)|"
                         r"transfected|modified|engineered|knockdown|knocked[- ]down|"
                         r"silenced|deficient)\s*-?\s*$", re.I)
_OVEREXPRESS_AFTER = re.compile(r"^\s*(?:that\s+)?(?:over-?express(?:ing|ed)?|"
                                r"transfected\s+with|expressing)\s+$", re.I)
_TREATED = re.compile(r"-\s*(?:treated|pretreated|pre-treated|primed|preconditioned|"
                      r"stimulated)\s*$", re.I)
#: molecules source cells are primed with before they give their vesicles (TNFα, IFN-γ,
#: LPS is a chemical too): recorded as exo:treatedWith
_PRIMING = frozenset({"Gene", "Protein", "Chemical", "Drug", "HerbalPreparation"})
_PRIMING_GLUE = re.compile(r"\s*-\s*(?:primed|pre-?conditioned|pre-?treated|treated|"
                           r"stimulated)\s+", re.I)
_TREATED_AFTER = re.compile(r"^\s*(?:pre-?treated|treated|primed|preconditioned|stimulated)"
                            r"\s+with\s+$", re.I)
_ENGINEERING_OF = {"loaded": "loaded", "transfected": "loaded", "modified": "loaded",
                   "engineered": "loaded", "enriched": "enriched", "depleted": "depleted",
                   "knockdown": "depleted", "knocked-down": "depleted",
                   "knocked down": "depleted", "silenced": "depleted",
                   "deficient": "depleted", "overexpressed": "overexpressing-source",
                   "overexpressing": "overexpressing-source"}
_ENGINEERING_PHRASE = {"loaded": "loaded with {c}", "enriched": "enriched in {c}",
                       "depleted": "depleted of {c}",
                       "overexpressing-source": "from {c}-overexpressing cells"}
#: What a preparation can be engineered to carry: miRNAs, and genes or proteins whose
#: overexpression in the source cells enriches the vesicles ("BDNF-enriched MSC-EVs"); a
#: gene needs the hyphen ("BDNF-enriched"), a miRNA may be written apart ("miR-126 enriched");
#: circRNAs and lncRNAs as miRNAs ("circSCMH1-loaded EVs", :mod:`.ncrna`).
_RNA_CARGO = frozenset({"MicroRNA", "MicroRNACluster", "CircularRNA", "LongNoncodingRNA"})
_CARGO_CLASSES = _RNA_CARGO | {"Gene", "Protein"}
_ENGINEERED_WORD = re.compile(r"(?:loaded|enriched|depleted|overexpress\w*|transfected|modified|"
                             r"engineered|knock\w*|silenced|deficient)", re.I)
_CARGO_JOIN = re.compile(r"\s*(?:/|,|and|&)\s*")
_VESICLE_SHORT = {"GO:0070062": "exosomes", "GO:1903561": "extracellular vesicles"}
_TAXON_ADJ = {"NCBITaxon:9606": "human", "NCBITaxon:10116": "rat", "NCBITaxon:10090": "mouse"}


@dataclass
class _Parts:
    vesicle: Mention
    start: int
    end: int
    source: Entity | None = None
    taxon: Entity | None = None
    cargo: Entity | None = None
    engineering: str | None = None
    origin: str | None = None
    treatment: Entity | None = None
    alternative: str | None = None  # engineering of the second alternative
    alternative_source: Entity | None = None  # "exosomes derived from A or B"
    # "EVs originating from the endothelial cells, platelets and erythrocytes": one
    # population per cell of origin
    more_sources: tuple[Entity, ...] = ()
    # "exosomes derived from young healthy human plasma": the body fluid they come from
    tissue: Entity | None = None


def short_label(entity: Entity) -> str:
    """The label used inside composite labels: an all-capitals abbreviation if the entity
    has one ('MSC', 'BMSC'), else its label."""
    abbreviations = sorted((s for s in entity.synonyms if s.isupper() and 2 <= len(s) <= 8
                            and s.isalpha()), key=len)
    return abbreviations[0] if abbreviations else entity.label


def preparation_entity(parts: _Parts, engineering: str | None) -> Entity:
    """The composite entity for a set of parts (deterministic id and label)."""
    vesicle = parts.vesicle.entity
    attrs: list[tuple[str, str]] = [("vesicleType", vesicle.id)]
    if parts.source:
        attrs.append(("sourceCell", parts.source.id))
    if parts.taxon:
        attrs.append(("sourceTaxon", parts.taxon.id))
    if parts.tissue:
        attrs.append(("sourceTissue", parts.tissue.id))
    if parts.cargo and engineering:
        attrs.append(("cargo", parts.cargo.id))
        attrs.append(("engineering", engineering))
    if parts.origin:
        attrs.append(("origin", parts.origin))
    if parts.treatment:
        attrs.append(("treatedWith", parts.treatment.id))
    attrs.sort()
    label = _label(parts, engineering)
    return Entity(_attributes_id(attrs), label, "ExosomePreparation", attributes=tuple(attrs))


def _written(entity: Entity, text: str) -> Entity:
    """An engineered preparation, or one of a body fluid, with the name it is written under
    as a synonym ("Zeb2/Axin2-enriched exosomes", "exosomes derived from young healthy human
    plasma"): its label is a paraphrase built from its parts, and the written name is how the
    paper (and a reader searching the graph) refers to it."""
    if not entity.attr("cargo") and not entity.attr("sourceTissue"):
        return entity
    written = " ".join(text.split())
    if written.casefold() == entity.label.casefold():
        return entity
    return replace(entity, synonyms=tuple(sorted({*entity.synonyms, written})))


def _attributes_id(attrs: list[tuple[str, str]]) -> str:
    """:func:`preparation_id` of sorted attribute pairs, a key possibly repeated (two cargo
    molecules); the same as ``preparation_id(dict(attrs))`` when no key repeats."""
    return mint("preparation", "|".join(f"{k}={v}" for k, v in sorted(attrs)))


def preparation_id(parts: dict[str, str]) -> str:
    """The CURIE of the preparation with these parts (``vesicleType``, ``sourceCell``,
    ``sourceTaxon``, ``cargo``, ``engineering``, ``origin``, ``treatedWith``): the same parts
    always give the same id, whichever text they were read from.

    >>> preparation_id({"vesicleType": "GO:0070062", "sourceCell": "CL:0000134"})
    'exokg:preparation/sourcecell-cl-0000134-vesicletype-go-0070062-577599'
    """
    key = "|".join(f"{k}={v}" for k, v in sorted(parts.items()))
    return mint("preparation", key)


def _label(parts: _Parts, engineering: str | None) -> str:
    words: list[str] = []
    if parts.origin:
        words.append(parts.origin)
    if parts.treatment:
        words.append(f"{short_label(parts.treatment)}-treated")
    if parts.taxon:
        words.append(_TAXON_ADJ.get(parts.taxon.id, parts.taxon.label))
    vesicle = _VESICLE_SHORT.get(parts.vesicle.entity.id, parts.vesicle.entity.label)
    if parts.source:
        words.append(f"{short_label(parts.source)}-derived {vesicle}")
    elif parts.tissue:
        words.append(f"{parts.tissue.label}-derived {vesicle}")
    else:
        words.append(vesicle)
    if parts.cargo and engineering:
        words.append(_ENGINEERING_PHRASE[engineering].format(c=parts.cargo.label))
    return " ".join(words)  # lower case, as ontology labels are


def find_preparations(text: str, mentions: list[Mention]) -> list[Mention]:
    """Preparation mentions built around the vesicle mentions of a sentence.

    ``mentions`` are the sentence's base mentions (lexicon, miRNA, values), sorted by start.
    Returns preparation mentions (two with the same span for "with increased or decreased
    miR-X"); a vesicle with no other part gives none.
    """
    ordered = sorted(mentions, key=lambda m: m.start)
    out: list[Mention] = []
    for i, vesicle in enumerate(ordered):
        if vesicle.category != "Vesicle":
            continue
        parts = _Parts(vesicle, vesicle.start, vesicle.end)
        _look_left(text, ordered[:i], parts)
        _look_right(text, ordered[i + 1:], parts)
        if not (parts.source or parts.cargo or parts.treatment or parts.taxon or parts.origin
                or parts.tissue):
            continue
        engineering = parts.engineering if parts.cargo else None
        span_text = text[parts.start:parts.end]
        entity = preparation_entity(parts, engineering)
        # the written name: up to the vesicle word ("Zeb2/Axin2-enriched exosomes" of
        # "... exosomes harvested from BMSCs")
        # (only when the cargo is named before the vesicle: "MSC exosomes loaded with miR-124"
        # is written whole)
        before = text[parts.start:vesicle.start]
        written = text[parts.start:vesicle.end] if _ENGINEERED_WORD.search(before) \
            else span_text
        out.append(Mention(_written(entity, written), parts.start, parts.end, span_text,
                           "composite"))
        if parts.alternative and parts.cargo:
            out.append(Mention(preparation_entity(parts, parts.alternative), parts.start,
                               parts.end, span_text, "composite-alternative"))
        others = ((parts.alternative_source,) if parts.alternative_source else ()) + \
            parts.more_sources
        for source in others:
            other = _Parts(parts.vesicle, parts.start, parts.end, source,
                           None, parts.cargo, parts.engineering, parts.origin, parts.treatment)
            out.append(Mention(preparation_entity(other, engineering), parts.start, parts.end,
                               span_text, "composite-alternative"))
    return out


#: Adjectives the field writes for a vesicle's source cell ("astrocytic extracellular
#: vesicles", "microglial exosomes"), with the cell noun each stands for.
_CELL_ADJECTIVES = {"astrocytic": "astrocyte", "microglial": "microglial cell",
                    "neuronal": "neuron", "endothelial": "endothelial cell",
                    "oligodendroglial": "oligodendrocyte", "glial": "glial cell"}
_CELL_ADJECTIVE = re.compile(r"\b(?:(?P<state>[MA][12])\s+)?(?P<adjective>"
                             + "|".join(_CELL_ADJECTIVES) + r")\s+(?:small\s+|large\s+)?$",
                             re.I)


def adjectival_sources(text: str, mentions: list[Mention],
                       cells: Callable[[str], list[Mention]]) -> list[Mention]:
    """Source-cell mentions written as an adjective right before a vesicle mention
    ("astrocytic extracellular vesicles" are the astrocytes' vesicles, "microglial small EVs"
    the microglia's). ``mentions`` are the sentence's base mentions; ``cells`` recognises a
    cell noun ("astrocyte") and is asked for the noun each adjective stands for. A
    polarisation state before the adjective ("M2 microglial small EVs") names the cells in
    that state when ``cells`` knows them so ("M2 microglial cell"); else the adjective alone
    is the source. Returns one Cell mention over each adjective (none when the noun is not
    recognised as a cell)."""
    out: list[Mention] = []
    for v in mentions:
        if v.category != "Vesicle":
            continue
        m = _CELL_ADJECTIVE.search(text, 0, v.start)
        if not m or any(o.start <= m.start("adjective") < o.end for o in mentions):
            continue
        noun = _CELL_ADJECTIVES[m.group("adjective").lower()]
        start = m.start("adjective")
        found: list[Mention] = []
        if m.group("state") and not any(o.start <= m.start("state") < o.end for o in mentions):
            stated = f"{m.group('state').upper()} {noun}"
            found = [c for c in cells(stated)
                     if c.category == "Cell" and c.end - c.start == len(stated)]
            start = m.start("state") if found else start
        found = found or [c for c in cells(noun)
                          if c.category == "Cell" and c.end - c.start == len(noun)]
        if found:
            end = m.end("adjective")
            out.append(Mention(found[0].entity, start, end, text[start:end], "ontology"))
    return out


def engineered_short_forms(text: str, mentions: list[Mention]) -> list[Mention]:
    """Preparations named by a cargo written before a short form the document defined for a
    preparation: "miR-126 enriched EPC-EXs", where "EPC-EXs" stands for endothelial progenitor
    cell exosomes, is those exosomes enriched in miR-126. ``mentions`` are the sentence's
    resolved base mentions; returns one composite mention per such phrase."""
    ordered = sorted(mentions, key=lambda m: m.start)
    out: list[Mention] = []
    for i, short in enumerate(ordered):
        if short.category != "ExosomePreparation" or short.source != "abbreviation" \
                or short.entity.attr("cargo"):
            continue
        cargo = [m for m in ordered[:i] if m.category in _RNA_CARGO
                 and _PREFIX_ENG.fullmatch(text[m.end:short.start])]
        if not cargo:
            continue
        kind = _PREFIX_ENG.fullmatch(text[cargo[-1].end:short.start]).group("kind").lower()
        engineering = _ENGINEERING_OF.get(kind, "loaded")
        attrs = sorted([*short.entity.attributes, ("cargo", cargo[-1].entity.id),
                        ("engineering", engineering)])
        label = f"{short.entity.label} " + \
            _ENGINEERING_PHRASE[engineering].format(c=cargo[-1].entity.label)
        entity = Entity(_attributes_id(attrs), label, "ExosomePreparation",
                        attributes=tuple(attrs))
        written = text[cargo[-1].start:short.end]
        out.append(Mention(_written(entity, written), cargo[-1].start, short.end, written,
                           "composite"))
    return out


def _look_left(text: str, before: list[Mention], parts: _Parts) -> None:
    pos = parts.start
    k = len(before)
    while k > 0:
        k -= 1
        m = before[k]
        gap = text[m.end:pos]
        if m.category in ("Cell",) and parts.source is None and (
                _SOURCE_GLUE.match(gap) or _SECRETE.match(gap)):
            parts.source, pos = m.entity, m.start
            # "mesenchymal stem cells (MSCs)-derived exosomes": the long form too
            if gap.startswith(")") and k > 0 and before[k - 1].entity.id == m.entity.id \
                    and re.fullmatch(r"\s*\(\s*", text[before[k - 1].end:m.start]):
                k -= 1
                pos = before[k].start
        elif m.category in _CARGO_CLASSES and parts.cargo is None and _PREFIX_ENG.match(gap) \
                and (m.category in _RNA_CARGO or gap.startswith("-")):
            kind = _PREFIX_ENG.match(gap).group("kind").lower().replace(" ", "-")
            parts.cargo, parts.engineering, pos = m.entity, _ENGINEERING_OF.get(kind, "loaded"), m.start
            while k > 0 and before[k - 1].category in _CARGO_CLASSES and \
                    _CARGO_JOIN.fullmatch(text[before[k - 1].end:pos]):
                # "Zeb2/Axin2-enriched", "BDNF and GDNF-loaded": the phrase covers both; the
                # first-named molecule is the recorded cargo (a preparation has at most one
                # exo:cargo, ontology/shapes.ttl), the written name keeps the rest
                k -= 1
                parts.cargo, pos = before[k].entity, before[k].start
        elif m.category == "Species" and parts.taxon is None and not gap.strip():
            parts.taxon, pos = m.entity, m.start
        elif _is_fluid(m) and parts.source is None and parts.tissue is None and \
                (_FLUID_GLUE.match(gap) or not gap.strip()) and \
                _DONORS_AFTER.match(text, parts.end):
            # "serum exosomes of aged rats", "plasma-derived EVs from young mice"
            parts.tissue, pos = m.entity, m.start
        elif m.category in ("HerbalPreparation", "Drug") and parts.treatment is None and \
                _TREATED.match(gap):
            parts.treatment, pos = m.entity, m.start
        else:
            break
    origin = _ORIGIN.search(text[max(0, pos - 30):pos])
    if origin:
        parts.origin = _ORIGIN_NORMAL[origin.group(1).lower()]
        pos = max(0, pos - 30) + origin.start()
    parts.start = pos


def _look_right(text: str, after: list[Mention], parts: _Parts) -> None:
    pos = parts.end
    k = 0
    # "Extracellular vesicles (EVs) from MSCs", "Small extracellular vesicles (sEVs)
    # obtained from MSCs (MSCs)": a short form in brackets comes before the source, whatever
    # the document has defined it as (once defined, "sEVs" is this very preparation)
    bracket = _SHORT_BRACKET.match(text, pos)
    if bracket:
        k = sum(1 for m in after if m.start < bracket.end())
        if any(m.end > bracket.end() for m in after[:k]) or k == len(after) or \
                not _SOURCE_AFTER.match(text[bracket.end():after[k].start]):
            k = 0
        else:
            pos = bracket.end()
    while k < len(after):
        m = after[k]
        gap = text[pos:m.start]
        if len(gap) > 60:
            break
        if m.category == "Cell" and parts.source is None and _SOURCE_AFTER.match(gap):
            parts.source, pos = m.entity, m.end
            pos = _abbreviation_after(text, after[k + 1:], m.entity, pos)
            nxt = after[k + 1] if k + 1 < len(after) else None
            if nxt is not None and nxt.category == "Cell" and nxt.entity.id != m.entity.id \
                    and re.fullmatch(r"\s+or\s+", text[pos:nxt.start]):
                parts.alternative_source, pos = nxt.entity, nxt.end
                k += 1
            else:
                more, pos, k = _more_sources(text, after, k, pos)
                parts.more_sources = tuple(e for e in more if e.id != m.entity.id)
        elif m.category == "Species" and parts.source is None and _SOURCE_AFTER.match(gap) \
                and k + 1 < len(after) and after[k + 1].category == "Cell" \
                and _TISSUE_ADJECTIVES.fullmatch(text, m.end, after[k + 1].start):
            parts.taxon, parts.source, pos = m.entity, after[k + 1].entity, after[k + 1].end
            k += 1
        elif m.category == "Species" and parts.tissue is not None and parts.taxon is None \
                and getattr(_DONORS_AFTER.match(text, pos), "end", lambda: -1)() == m.end:
            parts.taxon, pos = m.entity, m.end  # "serum exosomes of aged rats"
        elif parts.source is None and parts.tissue is None and _SOURCE_AFTER.match(gap) and \
                (fluid_found := _donor_fluid(text, after, k)) is not None:
            # "exosomes derived from young healthy human plasma", "EVs isolated from the
            # serum of aged rats": vesicles of a body fluid (module docs)
            taxon, fluid, pos, k = fluid_found
            parts.taxon, parts.tissue = taxon or parts.taxon, fluid
        elif parts.source is None and _SOURCE_AFTER.match(gap) and \
                (tissue_cells := _tissue_cells(text, after, k)) is not None:
            # "exosomes from human urine-derived stem cells", "EVs of dental pulp-derived
            # stem cells": the cells, named by the tissue they were taken from
            taxon, parts.source, k = tissue_cells
            parts.taxon, pos = taxon or parts.taxon, after[k].end
            pos = _abbreviation_after(text, after[k + 1:], parts.source, pos)
        elif m.category in _RNA_CARGO and parts.cargo is None:
            tail = text[m.end:m.end + 40]
            if _SOURCE_AFTER.match(gap) and _PREFIX_ENG.match(_first_glue(tail)) and \
                    k + 1 < len(after) and after[k + 1].category == "Cell":
                # "exosomes of miR-133b-overexpressed MSCs"
                kind = _PREFIX_ENG.match(_first_glue(tail)).group("kind").lower()
                parts.cargo, parts.engineering = m.entity, _ENGINEERING_OF.get(kind, "loaded")
                parts.source, pos = after[k + 1].entity, after[k + 1].end
                k += 1
            elif _LOAD_AFTER.match(gap) or (gap == "/" and not parts.cargo):
                # "exosomes loaded with miR-X"; "Exos/miR-X", the field's short notation
                parts.cargo, parts.engineering, pos = m.entity, "loaded", m.end
            elif _ENRICHED_IN.match(gap):
                kind = _ENRICHED_IN.match(gap).group("kind").lower()
                parts.cargo, parts.engineering, pos = m.entity, kind, m.end
            elif _ENRICH_AFTER.match(gap):
                g = _ENRICH_AFTER.match(gap)
                parts.cargo, pos = m.entity, m.end
                if g.group("up"):
                    parts.engineering = "enriched"
                    parts.alternative = "depleted" if g.group("down2") else None
                else:
                    parts.engineering = "depleted"
            elif _OVEREXPRESS_AFTER.match(gap) and parts.source is not None:
                parts.cargo, parts.engineering, pos = m.entity, "overexpressing-source", m.end
            else:
                break
        elif m.category in ("HerbalPreparation", "Drug") and parts.treatment is None and \
                (_TREATED_AFTER.match(gap) or (_SOURCE_AFTER.match(gap) and
                                               _TREATED.match(_first_glue(text[m.end:m.end + 20])))):
            parts.treatment, pos = m.entity, m.end
            glue = _first_glue(text[pos:pos + 20])
            nxt = after[k + 1] if k + 1 < len(after) else None
            if glue and nxt is not None and nxt.category == "Cell" and parts.source is None \
                    and text[pos:nxt.start].strip() == glue.replace(" ", ""):
                # "exosomes from BYHWD-treated MSCs": the treated cells are the source
                parts.source, pos = nxt.entity, nxt.end
                k += 1
        elif parts.source is None and k + 1 < len(after) and after[k + 1].category == "Cell" \
                and _SOURCE_AFTER.match(gap) and _STATE_GLUE.fullmatch(
                    text[m.end:after[k + 1].start]):
            # "exosomes from IFN-γ-primed MSCs", "from hypoxia-preconditioned MSCs": the cells
            # in a state named by what caused it; the source cell is kept, and a molecule
            # the cells were primed with is what they were treated with ("from
            # TNFα-preconditioned MSCs": exo:treatedWith TNF)
            if m.category in _PRIMING and _PRIMING_GLUE.fullmatch(text[m.end:after[k + 1].start]):
                parts.treatment = m.entity
            parts.source, pos = after[k + 1].entity, after[k + 1].end
            k += 1
        else:
            break
        k += 1
    parts.end = pos


#: body fluids whose vesicles a study may isolate and give (labels of the vocabulary's and
#: UBERON's entities)
_FLUIDS = frozenset({"plasma", "serum", "blood", "cerebrospinal fluid", "urine", "saliva",
                     "milk", "breast milk", "amniotic fluid"})
#: a fluid glued to the vesicle word by a word of derivation ("plasma-derived exosomes",
#: "serum-isolated EVs"); a bare "plasma EVs" is where a level is measured, not a source
_FLUID_GLUE = re.compile(r"^\s*-?\s*(?:derived|isolated|purified|extracted|obtained)\s*-?\s*"
                         r"(?:small\s+|large\s+)?$", re.I)
#: donors after the fluid who are patients: the body's own vesicles of a patient study
#: (a biomarker population, never a preparation): "plasma of patients with stroke"
_PATIENT_DONOR = re.compile(r"\s*(?:of|from)\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:patients?|"
                            r"subjects?|individuals?|cases|participants?|people|persons?)\b",
                            re.I)
#: a species mention that names people as patients ("patient serum"), not donors
_PATIENT_WORD = re.compile(r"patients?|subjects?|cases|participants?", re.I)
#: words that name donors healthy, young or aged (the module docs: a body fluid's vesicles
#: are a preparation only from such donors)
_DONOR_STATE = r"(?:young|aged|old|healthy|normal|naive|na\u00efve|juvenile)"
#: healthy or animal donors named after a fluid written before the vesicle word ("serum
#: exosomes of aged rats", "plasma EVs from young mice", "... of healthy volunteers"); animals
#: only with a word of their state ("the serum of rats with MCAO" is a model's sample)
_DONORS_AFTER = re.compile(r"\s+(?:of|from)\s+(?:(?:(?:adult|male|female)\s+)*" + _DONOR_STATE +
                           r"\s+(?:(?:young|aged|old|adult|healthy|normal|naive|juvenile|male|"
                           r"female)\s+){0,2}(?:rats?|mice|mouse|pigs?|sheep|monkeys?|animals?)"
                           r"|(?:(?:young|aged|old|adult|healthy|normal|male|female)\s+){0,3}"
                           r"(?:donors?|volunteers?))\b", re.I)
#: donors written before the fluid ("from young healthy human plasma")
_DONOR_WORDS = re.compile(r"\b" + _DONOR_STATE + r"\s+"
                          r"(?:(?:young|aged|old|healthy|normal|juvenile|adult|male|female)\s+)*$",
                          re.I)


def _is_fluid(m: Mention) -> bool:
    return m.category == "AnatomicalEntity" and m.entity.label.casefold() in _FLUIDS


def _donor_fluid(text: str, after: list[Mention], k: int
                 ) -> tuple[Entity | None, Entity, int, int] | None:
    """The body fluid (and the donors' species written before it) that ``after[k]`` opens
    after a word of derivation ("... from young healthy human plasma", "... from the serum
    of aged rats"): (taxon, fluid, end, index of the fluid or of the donor species after
    it); None when ``after[k]`` opens no fluid, or its donors are not named as healthy,
    young or aged people or animals ("EVs isolated from plasma", "from the plasma of stroke
    patients": a patient study's sample, its vesicles a population, no preparation)."""
    m = after[k]
    start = k
    taxon: Entity | None = None
    if m.category == "Species" and k + 1 < len(after) and _is_fluid(after[k + 1]) and \
            not text[m.end:after[k + 1].start].strip() and not _PATIENT_WORD.match(m.text):
        taxon, k = m.entity, k + 1
        m = after[k]
    if not _is_fluid(m) or _PATIENT_DONOR.match(text, m.end):
        return None
    pos = m.end
    qualified = bool(_DONOR_WORDS.search(text, max(0, after[start].start - 40),
                                         after[start].start))
    donor = re.match(r"\s+(?:of|from)\s+(?:(?:young|aged|old|adult|healthy|normal|naive|"
                     r"na\u00efve|male|female|juvenile)\s+){0,3}$", text[pos:after[k + 1].start]) \
        if k + 1 < len(after) else None
    if donor and taxon is None and after[k + 1].category == "Species" and \
            not _PATIENT_WORD.match(after[k + 1].text):
        taxon, pos, k = after[k + 1].entity, after[k + 1].end, k + 1  # "of aged rats"
        qualified = qualified or bool(re.search(r"\b" + _DONOR_STATE + r"\b", donor.group(),
                                                re.I))
    if not (qualified or _DONORS_AFTER.match(text, m.end)):
        return None  # "EVs isolated from plasma": a patient study's sample, no preparation
    return taxon, m.entity, pos, k


#: a tissue glued to the cells taken from it: "urine-derived stem cells", "dental
#: pulp-derived stem cells", "skin-derived precursor cells"
_TISSUE_GLUE = re.compile(r"\s*-\s*(?:derived|isolated|originated)\s+", re.I)


def _tissue_cells(text: str, after: list[Mention], k: int
                  ) -> tuple[Entity | None, Entity, int] | None:
    """The source cells ``after[k]`` opens when it names the tissue they were taken from
    ("human urine-derived stem cells", "dental pulp-derived stem cells"): (the species
    written before the tissue or None, the cells, the cells' index in ``after``); None when
    ``after[k]`` is no tissue glued by "-derived" to a cell mention."""
    taxon: Entity | None = None
    if after[k].category == "Species" and k + 1 < len(after) and \
            not text[after[k].end:after[k + 1].start].strip():
        taxon, k = after[k].entity, k + 1
    if after[k].category != "AnatomicalEntity" or k + 1 >= len(after) or \
            after[k + 1].category != "Cell" or \
            not _TISSUE_GLUE.fullmatch(text, after[k].end, after[k + 1].start):
        return None
    return taxon, after[k + 1].entity, k + 1


# between two cells of origin of one vesicle population: a list separator, an optional
# bracketed marker or short form before it ("platelets (CD62P+) and erythrocytes") and one
# state word after it ("activated platelets")
_SOURCE_JOIN = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
                          r"(?:the\s+)?(?:(?:activated|resting|circulating|mature|immature|"
                          r"primary|reactive)\s+)?", re.I)


def _more_sources(text: str, after: list[Mention], k: int,
                  pos: int) -> tuple[list[Entity], int, int]:
    """The cells listed after the first source ``after[k]`` ('derived from A, B, and C'):
    their entities (in order, no repeats), the end of the last and its index in ``after``."""
    found: list[Entity] = []
    j = k + 1
    while j < len(after):
        bracket = re.match(r"\s*\([^()]{1,20}\)", text[pos:])
        if after[j].category != "Cell" and bracket and after[j].end <= pos + bracket.end():
            j += 1  # "platelets (CD41+)": the marker in the brackets
            continue
        if after[j].category != "Cell" or after[j].start < pos or \
                not _SOURCE_JOIN.fullmatch(text, pos, after[j].start):
            break
        if after[j].entity.id not in {e.id for e in found}:
            found.append(after[j].entity)
        k, pos = j, after[j].end
        j += 1
    return found, pos, k


def _abbreviation_after(text: str, after: list[Mention], entity: Entity, pos: int) -> int:
    """Extend over '(MSCs)' written right after the long form of the same entity."""
    m = re.match(r"\s*\(([^()]{1,20})\)", text[pos:])
    if m and after and after[0].entity.id == entity.id and after[0].start >= pos and \
            after[0].end <= pos + m.end():
        return pos + m.end()
    return pos


def _first_glue(tail: str) -> str:
    """The hyphenated word glued to the end of a mention: '-overexpressed MSCs' -> '-overexpressed'."""
    m = re.match(r"\s*(?:cluster\s*)?(-\s*[A-Za-z-]+)", tail)
    return m.group(1) if m else ""
