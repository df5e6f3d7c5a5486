"""Shared pieces of the extraction rules: analysed sentences, clauses, statement building.

A rule reads an :class:`Analysed` sentence (its mentions and values), may read and update the
:class:`DocumentState` (what the document is about so far: the trial, the last preparation,
the study population), and returns :class:`~exokg.model.Statement` records, each with one
:class:`~exokg.model.Evidence` pointing at the sentence's original characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from exokg.model import Analysed, Context, Entity, Evidence, Mention, Statement, Value
from exokg.text.prefilter import Needs

#: circRNAs and lncRNAs (exokg/recognise/ncrna.py): agents, objects and markers as miRNAs are
NONCODING = frozenset({"CircularRNA", "LongNoncodingRNA"})
AGENTS = frozenset({"ExosomePreparation", "Vesicle", "Cell", "MicroRNA", "MicroRNACluster",
                    "HerbalPreparation", "Therapy", "Drug"}) | NONCODING
EFFECT_OBJECTS = frozenset({"Outcome", "BiologicalProcess", "Phenotype", "Protein", "Gene",
                            "MicroRNA", "MicroRNACluster", "Disease"}) | NONCODING
#: what the group rules read as measured in a group of animals or patients: a molecule's
#: level, a process, an outcome or a phenotype (:mod:`exokg.extract.groups`,
#: :mod:`exokg.extract.treated_groups`, :mod:`exokg.extract.group_contrasts`,
#: :mod:`exokg.extract.given_animals`)
GROUP_MEASURES = frozenset({"Protein", "Gene", "MicroRNA", "BiologicalProcess", "Outcome",
                           "Phenotype"})
#: the categories of a miRNA mention (a miRNA or a named cluster of miRNAs)
MIRNAS = frozenset({"MicroRNA", "MicroRNACluster"})
#: the categories of a vesicle mention (plain vesicles or a preparation of them)
VESICLES = frozenset({"ExosomePreparation", "Vesicle"})
CONTEXT_CLASSES = frozenset({"Species", "DiseaseModel", "RouteOfAdministration",
                             "AnatomicalEntity"})


@dataclass
class DocumentState:
    """What a document has established so far, for references like 'the study'."""

    trial: Entity | None = None
    # the document reports a trial of its own without an NCT number, and the preparation it
    # tests (exokg.extract.trial_reports)
    trial_report: bool = False
    # the document gives its own registration number outside ClinicalTrials.gov ("Registration
    # number: ChiCTR..."): a study title needs no design word (exokg.extract.trial_reports)
    trial_registered: bool = False
    trial_intervention: Entity | None = None
    # the index of the sentence before and the agents it named (exokg.extract.mechanism_lists)
    previous_agents: tuple[int, tuple[Entity, ...]] = (-1, ())
    # the index of the last sentence whose opening phrase ("This effect", "These actions")
    # was resolved to the agent before it (exokg.extract.anaphora)
    anaphor_index: int = -1
    # the index of the last sentence and the disease its subject was ("Ischemic stroke is
    # ..."), what "It results in ..." in the next one points back at (exokg.extract.conditions)
    opening_disease: tuple[int, Entity | None] = (-1, None)
    preparation: Entity | None = None
    vesicle: Entity | None = None  # the last plain vesicle named ('exosome')
    population: list[str] = field(default_factory=list)
    controls: list[str] = field(default_factory=list)  # control groups ('66 controls')
    population_disease: Entity | None = None
    patient_disease: Entity | None = None  # the first disease named for patients ('IS patients')
    disease: Entity | None = None  # the first disease named (what a model group stands for)
    model_entity: Entity | None = None  # the first disease model named ('MCAO'), likewise
    subject: list[Entity] = field(default_factory=list)
    preclinical: bool = False  # an animal or a disease model has been named
    # a sentence has spoken of the study ('we', 'here'), or none will: no implied background
    study_named: bool = False
    species: tuple[str, ...] = ()  # the animals / people the document studies
    model: tuple[str, ...] = ()  # the disease model it studies
    # the treatment the study gives ("rats received MSC-EVs", "transplantation of BM-MSCs")
    treatment: Entity | None = None
    # engineered products named so far, by vesicle type (exokg.extract.engineered)
    engineered: dict[str, Entity] = field(default_factory=dict)
    short_forms: dict[str, Entity] = field(default_factory=dict)  # "Ang-Exo/Cur" -> product
    # composed preparation names read so far, by written word (exokg.extract.composed)
    composed: dict[str, Entity] = field(default_factory=dict)
    # products named so far, by head noun: "scaffold" (exokg.extract.composed.same_product)
    products: dict[str, Entity] = field(default_factory=dict)
    # the molecular markers the study measured ('X, Y and Z were measured in serum'), what
    # 'these proteins' / 'the exosomal markers' refer to later
    measured: list[Entity] = field(default_factory=list)
    # the markers of the level findings of one sentence, with its index: what 'these
    # proteins' in the next sentence refer to (exokg.extract.marker_value)
    found_markers: tuple[int, tuple[Entity, ...]] = (-1, ())
    # the molecular markers a sentence names, with its index: the list 'six proteins' in the
    # next sentence may stand for (exokg.extract.level_markers.counted_markers)
    named_markers: tuple[int, tuple[Entity, ...]] = (-1, ())


_ANIMAL = re.compile(r"\b(?:mice|mouse|rats?|murine|rodents?|animals?|sheep|pigs?|monkeys?|"
                     r"primates?|models?|lambs?|piglets?)\b", re.I)
_MAY_ANIMAL = Needs(_ANIMAL)  # its keyword guard
_CLINICAL = re.compile(r"\b(?:clinical|patients?|participants?|trials?|humans?)\b", re.I)


def is_preclinical(a: Analysed, state: DocumentState) -> bool:
    """True when sentence ``a`` reports animal work: it names animals or a model, or it
    names no clinical research in a document that has named animals or a model before."""
    return bool(_MAY_ANIMAL.may_match(a.text) and _ANIMAL.search(a.text)) or (state.preclinical
                                            and not _CLINICAL.search(a.text))


@dataclass(frozen=True)
class Clause:
    start: int
    end: int


# ", but not Y," (closed by a comma) sets Y aside inside the clause: "X, but not Y, reduced Z"
_CLAUSE_BREAK = re.compile(r";\s+(?!\d\))|,\s+(?:while|whereas|but(?!\s+not\s+[^,;.]{1,60},))\s+|"
                           r"\.\s+\.\s+")
_ENUMERATED = re.compile(r"(?:^|[\s:;])[1-9]\)\s")
_MAY_ENUMERATED = Needs(_ENUMERATED)  # its keyword guard


def clauses(text: str) -> list[Clause]:
    """Split a sentence at semicolons and contrastive conjunctions (not inside brackets, and
    not in enumerated lists such as '1) ...; 2) ...')."""
    return list(_clauses(text))


@lru_cache(maxsize=64)
def _clauses(text: str) -> tuple[Clause, ...]:
    """:func:`clauses`, remembered for the last sentences: a dozen rules split the same
    sentence, one after the other."""
    if _MAY_ENUMERATED.may_match(text) and _ENUMERATED.search(text):
        return (Clause(0, len(text)),)
    cuts = [0]
    depth = 0
    for m in _CLAUSE_BREAK.finditer(text):
        depth = text.count("(", 0, m.start()) - text.count(")", 0, m.start())
        if depth <= 0:
            cuts.append(m.start())
            cuts.append(m.end())
    cuts.append(len(text))
    return tuple(Clause(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)
                 if cuts[i + 1] > cuts[i])


def evidence(a: Analysed, rule: str) -> Evidence:
    """Evidence pointing at the whole sentence, in original document offsets."""
    s = a.sentence
    source = a.document.source
    return Evidence(
        document_id=a.document.id,
        sentence_index=s.index,
        start=s.span.start,
        end=s.span.end,
        text=a.document.text[s.span.start:s.span.end],
        rule=rule,
        citations=tuple(c.text for c in s.citations),
        source_pmid=source.pmid if source else None,
        source_doi=source.doi if source else None,
    )


def statement(a: Analysed, rule: str, subject: Entity, predicate: str,
              obj: Entity | Value, *, direction: str | None = None, aspect: str | None = None,
              negated: bool = False, hedged: bool = False,
              context: Context | None = None) -> Statement:
    return Statement(subject=subject, predicate=predicate, object=obj,
                     direction=direction, aspect=aspect, negated=negated,
                     hedged=hedged, context=context or Context(),
                     evidence=(evidence(a, rule),))


def pairs_made(found: Iterable[Statement], *, predicate: str | None = None,
               direction: bool = False) -> set[tuple]:
    """What the statements ``found`` (other rules' of the sentence) already relate, for a
    rule that adds no second statement of a pair: the (subject id, object id) of each
    statement whose object is an entity (of ``predicate`` only, when given), with the
    direction as a third member when ``direction``. The rule adds each pair it makes."""
    return {(s.subject.id, s.object.id, s.direction) if direction else
            (s.subject.id, s.object.id) for s in found if isinstance(s.object, Entity) and
            (predicate is None or s.predicate == predicate)}


def claim_key(s: Statement) -> tuple:
    """What makes two statements of one sentence the same claim (the evidence, context and
    status aside): a rule that adds no claim another of the sentence made compares these."""
    obj = s.object.id if isinstance(s.object, Entity) else s.object.text
    return (s.subject.id, s.predicate, obj, s.direction, s.negated, s.hedged)


# with ``lenient``: one list member no vocabulary names between two that are named
# ("A, Aβ42, and B"): at most three words, none of them a verb or a clause word
_UNNAMED_MEMBER = re.compile(r"\)?\s*,\s*(?:and\s+|or\s+)?(?!(?:and|or|which|that|while|whereas|"
                             r"but|respectively|were|was|is|are|in|of|with)\b)"
                             r"[^\s,;()]+(?:\s+(?!(?:and|or|which|that|were|was|is|are)\b)"
                             r"[^\s,;()]+){0,2}\s*,\s*(?:and\s+|or\s+)?", re.I)

# with ``lenient``: a member whose name starts inside a token ("A, P-T181-tau": "tau")
_GLUED = re.compile(r"\)?\s*,\s*(?:and\s+|or\s+)?[^\s,;()]+-", re.I)
# with ``lenient``: "A and B species, as well as their (respective) receptors, C and D"
_AS_WELL_AS = re.compile(r"(?:\s+(?:species|isoforms?|forms?|levels?))?\s*,?\s*as\s+well\s+as\s+"
                         r"(?:(?:their|its|the|other)\s+)?(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*"
                         r"\s*,\s*", re.I)


def coordinated(a: Analysed, anchor: Mention, classes: frozenset[str], *,
                backwards: bool, lenient: bool = False) -> list[Mention]:
    """``anchor`` and the mentions coordinated with it ('A and B', 'A, B, and C', 'A or B');
    ``lenient`` lets the list run past one member no vocabulary names ('A, Aβ42, and B')."""
    pool = [m for m in a.mentions if m.category in classes]
    pool.sort(key=lambda m: m.start)
    # the alternatives sharing the anchor's span ("EVs from A and B": one population each)
    group = [anchor] + [m for m in pool if m is not anchor and (m.start, m.end) ==
                        (anchor.start, anchor.end) and m.source.startswith("composite")]
    idx = pool.index(anchor) if anchor in pool else -1
    step = -1 if backwards else 1
    j = idx + step
    current = anchor
    while 0 <= j < len(pool):
        other = pool[j]
        gap = a.text[other.end:current.start] if backwards else a.text[current.end:other.start]
        inner = current if backwards else other  # the later of the two mentions
        if other.start == current.start:  # alternative preparation on the same span
            if other not in group:
                group.append(other)
        elif re.fullmatch(r"\s*\(\s*", gap) and re.match(r"\s*\)", a.text[inner.end:]):
            group.append(other)  # "C-reactive protein (CRP)": the short form in brackets
        elif re.fullmatch(r"\)?\s*(?:,\s*(?:and|or|as well as)?|and|or|as well as|and/or|/)\s*"
                          r"(?:the\s+|its\s+|of\s+)?"
                          # "plasma miR-124 and serum miR-210": each with its sample
                          r"(?:(?:serum|plasma|blood|circulating|exosomal|urinary|salivary|"
                          r"CSF|neutrophil|EVs?|sEVs?)\s+)*", gap, re.I):
            group.append(other)
        elif lenient and (_UNNAMED_MEMBER.fullmatch(gap) or _GLUED.fullmatch(gap)
                          or _AS_WELL_AS.fullmatch(gap)):
            group.append(other)
        else:
            break
        current = other
        j += step
    return sorted(group, key=lambda m: (m.start, m.source))
