"""Recognition: sentence text -> grounded mentions.

Four recognisers run on each sentence: the miRNA name grammar (:mod:`.mirna`), the curated
vocabulary matcher (:mod:`.lexicon`), the open-vocabulary lexicon of published ontologies
(:mod:`exokg.lexicon`, when built; see :mod:`.open`) and the identifier/quantity patterns
(:mod:`.values`); then composite exosome preparations are assembled around vesicle mentions
(:mod:`.composite`). Short forms the document defined ("hUC-MSC-Exos") are found as what
their long forms were recognised as (:mod:`.document`); "activation of microglia and
astrocytes" names astrocyte activation too (:mod:`.coordination`); "patients" and "women"
are human and "murine" the mouse (:mod:`.species`); cell types and anatomy written as
adjectives, head nouns or with modifiers are read by :mod:`.anatomy` (recogniser mentions
for short forms defined inside a cell name, annotation-only ``Analysed.annotated`` mentions
for the rest), which also drops unlikely ontology anatomy readings. Where mentions overlap, a
preparation wins over its parts, a miRNA name over a dictionary match, a curated term over an
ontology name, and a longer match over a shorter one; one exception: an ontology cell type
that contains a curated, more general cell name ("neural stem cell" around "stem cell") is
the more specific reading and replaces it (:func:`specific_cells`). Gene and protein names
no gene table grounds ("protein kinase C", "MAP kinases", "IL-2 receptor") are found last
(:mod:`.proteins`) and kept apart as ``Analysed.annotated``: annotated, never extracted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from exokg.model import Analysed, Document, Entity, Mention, Sentence
from exokg.recognise.bracketed_names import bracketed_names
from exokg.recognise.anatomy import annotated_anatomy, defined_cell_names, \
    unlikely_anatomy
from exokg.recognise.cellnames import cell_nouns
from exokg.recognise.composite import adjectival_sources, engineered_short_forms, \
    find_preparations
from exokg.recognise.coordination import elided_heads, elided_modifier_heads
from exokg.recognise.cell_products import find_cell_products
from exokg.recognise.combinations import find_combinations
from exokg.recognise.composed_names import defined_in, find_composed_names
from exokg.recognise.condition_groups import condition_groups
from exokg.recognise.exposures import find_exposures
from exokg.recognise.inhibitors import find_interventions
from exokg.recognise.injured_sites import injured_sites
from exokg.recognise.products import find_products
from exokg.recognise.secretomes import find_secretomes
from exokg.recognise.document import Alias, alias_mentions
from exokg.recognise.drugs import standalone_drug
from exokg.recognise.field_spellings import amyloid_beta, glued_vesicles
from exokg.recognise.lexicon import LexiconMatcher
from exokg.recognise.mirna import MirnaGrounder, find_mirnas
from exokg.recognise.ncrna import find_ncrnas
from exokg.recognise.open import OpenLexicon, default_open_lexicon
from exokg.recognise.possessed import possessed_synonym
from exokg.recognise.proteins import ProteinFinder
from exokg.recognise.species import species_words
from exokg.recognise.specific_names import specific_names
from exokg.recognise.values import find_values
from exokg.recognise.variants import arm_mentions, variant_mentions
from exokg.recognise.vesicle_kinds import vesicle_kinds
from exokg.vocabulary import Vocabulary, load_vocabulary

#: Source priority in overlap resolution; ``"phrase"`` is a longer name read over its
#: generic head ("NF-κB signaling pathway", :mod:`exokg.recognise.specific_names`);
#: ``"composed"`` and ``"product"`` are names the text composes for its own preparations and
#: products (:mod:`exokg.recognise.composed_names`, :mod:`exokg.recognise.products`).
_PRIORITY = {"composite": 0, "composite-alternative": 0, "composed": 0, "product": 0,
             "inhibitor": 0,
             "abbreviation": 1, "mirna": 1, "ncrna": 1,
             "coordination": 1, "lexicon": 2, "phrase": 2, "ontology": 3}
#: Classes whose ontology mentions serve only as parts of preparations ("astrocyte-derived
#: exosomes"), not as top-level mentions: extraction takes a top-level Cell as the agent of a
#: claim, and a cell type the curated vocabulary does not list (astrocytes, microglia) is
#: what a treatment acts on in this literature, not the treatment. Open-lexicon chemicals
#: are annotated (``exokg annotate``) but not yet read as claim participants: the extractor
#: has no rules for them, and a chemical inside a noun phrase ("blood glucose") must not cut
#: the phrase the extractor reads as an outcome; a drug written as a noun phrase of its own
#: ("Curcumin reduced ...") is the exception (:func:`exokg.recognise.drugs.standalone_drug`).
_PARTS_ONLY = frozenset({"Cell", "Chemical"})
#: Ontology entities named only by the MeSH sources (ids ``mesh:``, ``drugbank:``: names the
#: training corpora's annotators or MeSH call diseases, "neuronal damage", "behavioral
#: impairment", the adjective "diabetic") are annotated but not read as claim participants:
#: in this literature such phrases are the outcomes a therapy changes, and extraction reads
#: a disease as a condition. A MONDO or HPO disease with a MeSH xref is read as before.
_PARTS_ONLY_PREFIXES = ("mesh:", "drugbank:")


@dataclass(frozen=True)
class Recogniser:
    """All recognisers over one vocabulary; build once, use for many sentences."""

    vocabulary: Vocabulary
    matcher: LexiconMatcher
    grounder: MirnaGrounder
    open_lexicon: OpenLexicon | None = None
    #: :meth:`name_mentions` of the names asked for so far (a handful: the taxa and cell
    #: types that person, species and cell words stand for)
    _names: dict[str, tuple[Mention, ...]] = field(default_factory=dict, init=False,
                                                  repr=False, compare=False)

    @classmethod
    def default(cls) -> Recogniser:
        """Recogniser over the packaged vocabulary and miRNA table, and the open lexicon
        as ``$EXOKG_LEXICON`` says (:func:`exokg.recognise.open.default_open_lexicon`)."""
        vocabulary = load_vocabulary()
        return cls.from_vocabulary(vocabulary, MirnaGrounder.default(),
                                   default_open_lexicon(vocabulary))

    @classmethod
    def from_vocabulary(cls, vocabulary: Vocabulary, grounder: MirnaGrounder,
                        open_lexicon: OpenLexicon | None = None) -> Recogniser:
        return cls(vocabulary, LexiconMatcher.from_vocabulary(vocabulary), grounder,
                   open_lexicon)

    @property
    def lexicon_version(self) -> str | None:
        """The open lexicon's version key, or None when recognising without it."""
        return self.open_lexicon.version if self.open_lexicon else None

    def base_mentions(self, text: str) -> list[Mention]:
        """miRNA, circRNA / lncRNA, vocabulary and ontology mentions of ``text`` (may overlap)."""
        mirnas = [Mention(self.grounder.entity(m), m.start, m.end, m.text, "mirna")
                  for m in find_mirnas(text)]
        found = mirnas + [Mention(e, s, t, text[s:t], "ncrna") for s, t, e in find_ncrnas(text)]
        found += self.matcher.find(text)
        if self.open_lexicon is not None:
            found = [self.open_lexicon.with_gene_twin(m) for m in found]
            opened = [m if m.entity.id in self.vocabulary.entities else written_name(m)
                      for m in self.open_lexicon.find(text)]
            found = specific_cells(found + opened)
        return found

    def name_mentions(self, name: str) -> list[Mention]:
        """:meth:`base_mentions` of a name standing alone ("human", "microglial cell"),
        found once per recogniser: the rules that read a word as the taxon or cell type it
        stands for ask for the same few names sentence after sentence."""
        found = self._names.get(name)
        if found is None:
            found = self._names[name] = tuple(self.base_mentions(name))
        return list(found)

    def mentions(self, text: str) -> list[Mention]:
        """Top-level mentions (preparations over their parts) of a short, clean text such as
        a registry field value; no normalisation, no citation masking."""
        base = _resolve(self.base_mentions(text))
        return _resolve(find_preparations(text, base) + base)

    def _numbered(self, document: Document) -> Callable[[str], Entity | None]:
        """What a bare number in a composed name ("Exo-124") stands for in ``document``: the
        one miRNA of the document whose name ends in that number (miR-124), else None."""
        def numbered(number: str) -> Entity | None:
            found = {self.grounder.entity(m).id: self.grounder.entity(m)
                     for m in find_mirnas(document.text)
                     if re.fullmatch(r"(?:miR|mir|let)-" + re.escape(number), m.name)}
            return next(iter(found.values())) if len(found) == 1 else None
        return numbered

    def _state_cell(self, document: Document) -> Callable[[str], Entity | None]:
        """The cells ``document`` names in a polarisation state ("M2" -> "M2 microglia"),
        for a composed name glued to the state ("M2-EVs"), or None."""
        def state_cell(state: str) -> Entity | None:
            for m in re.finditer(r"\b" + re.escape(state) + r"[\s-]+(?:polari[sz]ed\s+)?"
                                 r"[A-Za-z]+", document.text):
                cells = [x for x in self.base_mentions(m.group())
                         if x.category == "Cell" and x.start == 0]
                if cells:
                    return max(cells, key=lambda x: x.end).entity
            return None
        return state_cell

    def analyse(self, document: Document, sentence: Sentence,
                aliases: Mapping[str, Alias | None] | None = None, *,
                annotate: bool = True) -> Analysed:
        """Recognise everything in one sentence. ``aliases`` maps short forms the document
        defined earlier to what their long forms were recognised as, ``None`` for a long
        form no dictionary knows (see :mod:`exokg.recognise.document`); a dictionary match
        of exactly a defined short form gives way to the definition. With ``annotate``
        false the names for annotation only are not looked for (``Analysed.annotated`` is
        empty; :meth:`annotations` finds them later): extraction never reads them, and they
        are about a fifth of the cost of recognition."""
        text = masked_text(sentence)
        values = find_values(text)
        found = self.base_mentions(text)
        found += bracketed_names(text, self.base_mentions)  # "atherosclerotic (LAA) stroke"
        lexicon = self.open_lexicon.lexicon if self.open_lexicon is not None else None
        if lexicon is not None:  # cell types and anatomy beyond the ontologies' names
            found = unlikely_anatomy(text, found, document.text)
            found += defined_cell_names(text, found, lexicon)  # type: ignore[arg-type]
            found = field_spellings(text, found, self.base_mentions,
                                    lexicon.lookup)  # type: ignore[attr-defined]
        used = alias_mentions(text, aliases) if aliases else []  # the short forms used
        if aliases:  # a short form the document defined means only what it was defined as
            defined = {m.text for m in used} | {k for k, v in aliases.items() if v is None}
            found = [m for m in found if m.source not in ("ontology", "lexicon")
                     or (m.text not in defined and m.text.rstrip("s") not in defined)]
        shorts = [m for m in used if not _inside_longer_name(text, m, found)]
        if aliases:  # "WT-EPC-EXs", "R-EPC-EXs": arms of the defined preparation
            shorts += variant_mentions(text, aliases, found)
            shorts += arm_mentions(text, aliases, document.text)  # "CM3", "EV-H"
        base = _resolve(found + shorts + elided_heads(text, found, self.matcher.find)
                        + elided_modifier_heads(text, found, self.matcher.find))
        base = sorted(base + adjectival_sources(text, base, self.name_mentions)
                      + cell_nouns(text, base, self.name_mentions)
                      + species_words(text, base, self.name_mentions),
                      key=lambda m: (m.start, -m.end))
        if lexicon is not None:  # "optic nerve injury", "hippocampal injury": conditions
            sites = injured_sites(text, base, lexicon)  # type: ignore[arg-type]
            base = sorted(sites + [m for m in base if not any(
                k.start <= m.start and m.end <= k.end for k in sites)],
                key=lambda m: (m.start, -m.end)) if sites else base
        groups = condition_groups(text, base, document.text, self.name_mentions)
        if groups:  # "ischaemic rats": the rats with the document's ischaemia
            base = sorted(groups + [m for m in base if not any(
                (g.start, g.end) == (m.start, m.end) for g in groups)],
                key=lambda m: (m.start, -m.end))
        kinds = vesicle_kinds(text, base)  # "matrix-bound nanovesicles": a kind, not its parts
        if kinds:
            base = sorted(kinds + [m for m in base if not any(
                k.start <= m.start and m.end <= k.end for k in kinds)],
                key=lambda m: (m.start, -m.end))
        preparations = find_preparations(text, base) + engineered_short_forms(text, base)
        preparations += find_cell_products(text, base, preparations)
        if lexicon is not None:  # "NF-κB signaling pathway", "large artery atherosclerosis"
            preparations += specific_names(text, base,
                                           lexicon.lookup)  # type: ignore[attr-defined]
        preparations += find_composed_names(text, base, self._numbered(document),
                                            defined_in(document.text),
                                            aliases.keys() if aliases else (),
                                            self._state_cell(document))
        resolved = _resolve(preparations + base)
        combinations = find_combinations(text, resolved)
        if combinations:  # "CEC-sEVs/tPA", "MSC-EVs plus tPA": one treatment of its own
            resolved = _resolve(combinations + resolved)
        interventions = find_interventions(text, resolved)
        if interventions:  # "C5 mAb", "miR-143-3p inhibitor": the intervention, not its target
            resolved = _resolve(interventions + resolved)
        products = find_products(text, resolved) + find_secretomes(text, resolved) + \
            find_exposures(text, resolved)
        if products:  # "this multifunctional scaffold", "the hydrogel releasing MSC-EVs"
            resolved = _resolve(products + resolved)
        top = [m for m in resolved if (not _part_only(m) or (
            lexicon is not None and m.source == "ontology"
            and standalone_drug(text, m, lexicon.lookup)))  # type: ignore[attr-defined]
            and not possessed_synonym(text, m)]  # "their formation": no general process
        return Analysed(document, sentence, tuple(top), tuple(values), tuple(base),
                        self._annotations(text, base) if annotate else ())

    def annotations(self, analysed: Analysed) -> tuple[Mention, ...]:
        """The names for annotation only (``Analysed.annotated``) of a sentence analysed
        without them (``analyse(..., annotate=False)``): what ``annotate=True`` gives."""
        return self._annotations(masked_text(analysed.sentence), list(analysed.parts))

    def _annotations(self, text: str, base: list[Mention]) -> tuple[Mention, ...]:
        """Protein names no gene table grounds and cell or anatomy spans
        (:mod:`.proteins`, :func:`.anatomy.annotated_anatomy`) in ``text`` (masked), around
        its base mentions ``base``."""
        lexicon = self.open_lexicon.lexicon if self.open_lexicon is not None else None
        proteins = ProteinFinder().find(text, base)
        if self.open_lexicon is not None:  # a protein name that names one human gene
            proteins = [m if m.entity.id in self.vocabulary.entities else written_name(m)
                        for m in self.open_lexicon.protein_genes(text, proteins)]
        if lexicon is not None:
            proteins += annotated_anatomy(text, base, lexicon)  # type: ignore[arg-type]
        return tuple(proteins)


def field_spellings(text: str, found: list[Mention],
                    recognise: Callable[[str], list[Mention]],
                    lookup: Callable[[str], Sequence[Entity]]) -> list[Mention]:
    """``found`` with the field's own spellings added (:mod:`.field_spellings`): a cargo
    glued to a vesicle word ("IL-6sEVs") as the molecule and the vesicles, and amyloid beta
    written short ("Aβ42") as the lexicon's amyloid beta, in place of a shorter mention
    inside it ("amyloid-β" of "amyloid-β 1-42")."""
    added = glued_vesicles(text, found, recognise)
    found = found + added if added else found
    amyloid = amyloid_beta(text, found, lookup)
    if amyloid:
        found = [m for m in found if not any(a.start <= m.start and m.end <= a.end
                                             for a in amyloid)] + amyloid
    return found


@lru_cache(maxsize=65536)  # pure; asked for the same labels and synonyms sentence after sentence
def _name_key(text: str) -> str:
    """Compare form of a name: case, hyphens and spaces, a final plural "s" ignored."""
    folded = re.sub(r"[\s\-\u2010-\u2015_]+", " ", text.casefold()).strip()
    return folded[:-1] if len(folded) > 3 and folded.endswith("s") else folded


def written_name(m: Mention) -> Mention:
    """An ontology mention whose entity carries the name it was written under as a synonym
    when that is not its label: the lexicon matched "TrkA", an alias NCBI Gene gives for
    NTRK1, so the graph (and a reader searching it) knows NTRK1 as "TrkA" too."""
    written = " ".join(m.text.split())
    names = {_name_key(n) for n in (m.entity.label, *m.entity.synonyms)}
    if not written or _name_key(written) in names:
        return m
    entity = replace(m.entity, synonyms=tuple(sorted({*m.entity.synonyms, written})))
    return Mention(entity, m.start, m.end, m.text, m.source)


def _part_only(m: Mention) -> bool:
    """True for an ontology mention kept only as a part (see :data:`_PARTS_ONLY`), and for
    a short form the document defined for such a disease or chemical ("hypoxia-ischemia
    (HI)" named only by MeSH): the short form is what its long form is. A defined short
    form of a cell type stays a top-level mention ("BMSCs" are what the study gave)."""
    if m.source == "ontology" and m.category in _PARTS_ONLY:
        return True
    if m.source == "abbreviation" and m.category == "Chemical":
        return True
    return m.source in ("ontology", "abbreviation") and (
        m.category in ("Disease", "Phenotype")
        and m.entity.id.startswith(_PARTS_ONLY_PREFIXES))


def _inside_longer_name(text: str, short: Mention, found: list[Mention]) -> bool:
    """True when a short form used as the first part of a hyphenated word lies inside a
    longer name recognised there ("MSCs-derived therapies" is MSC therapy, not MSCs), or
    lies inside a longer disease or phenotype name ("G6PD deficiency" is the disease, not
    the gene G6PD the document defined)."""
    hyphened = text[short.end:short.end + 1] == "-"
    return any(
        f.start <= short.start and short.end <= f.end and f.end - f.start > short.end - short.start
        and (hyphened or f.category in ("Disease", "Phenotype")) for f in found)


#: Ontology class -> curated classes whose mentions an ontology name of that class may
#: contain and then replaces: a specific cell type over the curated head cell ("neural stem
#: cells" over "stem cell"); a disease name over a route or body part it begins with
#: ("intracerebral hemorrhage" is not the route "intracerebral", "systemic lupus
#: erythematosus" not the route "systemic").
_WIDER_NAMES: dict[str, frozenset[str]] = {
    "Cell": frozenset({"Cell"}),
    "Disease": frozenset({"RouteOfAdministration", "AnatomicalEntity"}),
    "Phenotype": frozenset({"RouteOfAdministration", "AnatomicalEntity"}),
}


def specific_cells(mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without the curated mentions that a longer ontology name strictly
    contains (:data:`_WIDER_NAMES`): in "neural stem cells" or "adipose tissue-derived stem
    cells" the curated "stem cell" is only the head of a more specific cell type the Cell
    Ontology names, and in "intracerebral hemorrhage" the curated route "intracerebral" is a
    word of a disease name; the curated-over-ontology priority must not cut the name down."""
    wider = [m for m in mentions if m.source == "ontology" and m.entity.category in _WIDER_NAMES]
    if not wider:
        return mentions
    return [m for m in mentions
            if not (m.source == "lexicon"
                    and any(m.entity.category in _WIDER_NAMES[w.entity.category]
                            and w.start <= m.start and m.end <= w.end
                            and (w.end - w.start) > (m.end - m.start)
                            and w.entity.id != m.entity.id for w in wider))]


def masked_text(sentence: Sentence) -> str:
    """The sentence text with its citation markers blanked out (same length, so offsets
    hold): "angiogenesis163." must read as "angiogenesis", and "[27]" is not a number."""
    text = sentence.text
    for c in sentence.citations:
        text = text[:c.span.start] + " " * (c.span.end - c.span.start) + text[c.span.end:]
    return text


def _resolve(mentions: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions by priority and length; alternatives sharing a span stay."""
    ranked = sorted(mentions, key=lambda m: (_PRIORITY.get(m.source, 3), -(m.end - m.start),
                                             m.start))
    kept: list[Mention] = []
    for m in ranked:
        clash = [k for k in kept if k.start < m.end and m.start < k.end]
        if not clash or all(k.start == m.start and k.end == m.end and
                            k.source.startswith("composite") and m.source.startswith("composite")
                            and k.entity.id != m.entity.id for k in clash):
            kept.append(m)
    return sorted(kept, key=lambda m: (m.start, m.source))
