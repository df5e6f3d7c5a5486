"""Shared pieces of the patient and model level rules (:mod:`exokg.extract.levels`).

What counts as a measured marker (a molecular mention, or a vesicle population of the body's
own cells), which vesicle mention is the sample a marker was measured in rather than an agent
(:func:`is_sample`), when a clause names a treatment and so belongs to the effect rules
(:func:`names_treatment`), the markers written right before a verb (:func:`markers_before`),
the disease of the study's patients (:func:`study_disease`), whether a group is the controls
(:func:`in_controls`) and the context (species, sample location, p-values) of a level
statement (:func:`level_context`).
"""

from __future__ import annotations

import re

from exokg.extract.base import AGENTS, NONCODING, VESICLES, Analysed, DocumentState, coordinated, \
    statement
from exokg.extract.context import HUMAN
from exokg.extract.epistemics import hedged, negated
from exokg.extract.level_words import LEVEL, REGULATED, UP_WORDS
from exokg.extract.patient_groups import patient_group_word, without_absence_cues
from exokg.model import Context, Entity, Mention, Statement

__all__ = ["CONDITIONS", "CONTROL", "DIRECTION", "DISEASE", "MOLECULAR", "NONCODING", "SCALES",
           "UP",
           "VESICLES", "condition_named", "holds_marker", "in_controls", "is_sample",
           "level_association", "level_context",
           "markers_before", "names_treatment", "population_marker", "study_disease",
           "therapeutic", "counted_markers", "note_named_markers"]


#: what a level is measured of
MOLECULAR = frozenset({"Protein", "Gene", "MicroRNA", "MicroRNACluster"}) | NONCODING
DISEASE = frozenset({"Disease"})
SCALES = frozenset({"AssessmentScale", "Outcome", "Phenotype"})
UP = UP_WORDS
DIRECTION = f"(?P<dir>{LEVEL}|{REGULATED})"
CONDITIONS = frozenset({"Disease", "DiseaseModel"})
CONTROL = re.compile(r"\b(?:controls?|healthy|volunteers?|sham|normal\s+subjects?|"
                     r"those\s+without|TBI-neg|non-?\w+\s+(?:patients|subjects))\b", re.I)
_TREATMENT = re.compile(r"\b(?:treat(?:ed|ment)|administ\w+|inject\w+|transplant\w+|"
                        r"infus\w+|therapy|group)\b", re.I)
_SAMPLE_BEFORE = re.compile(r"(?:serum|plasma|blood|circulating|CSF|urinary|salivary|"
                            r"peripheral|blood-based|plasma-derived|serum-derived)\s*$", re.I)
# "X in (the) (CSF) (small) EVs", "X within brain-derived EVs", "IL-6 sEVs" (right after X)
_HOLDS_MARKER = re.compile(r"\)?\s*(?:(?:levels?\s+)?(?:in|within|inside)\s+(?:the\s+)?"
                           r"(?:[\w-]+\s+|\([\w-]+\)\s+){0,4}?)?", re.I)
_SAMPLE_AFTER = re.compile(r"\s*(?:of|from|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:patients|"
                           r"subjects|individuals|participants|veterans|cases|controls|"
                           r"blood|plasma|serum)\b", re.I)


def level_context(a: Analysed, start: int, end: int) -> Context:
    """The context of a level statement read from ``a.text[start:end]``: people as the
    species, the samples named there as the location, with the vesicle population the
    sentence names as where its markers were measured ("NDE biomarkers", "X in plasma EVs":
    the population is a qualifier, never the agent), and the sentence's p-values."""
    locations = {m.entity.id for m in a.within(start, end, frozenset({"AnatomicalEntity"}))}
    if re.search(r"\bexosom", a.text[start:end], re.I):
        locations.add("GO:0070062")
    locations.update(m.entity.id for m in a.within(0, len(a.text), VESICLES)
                     if not therapeutic(m.entity) and is_sample(a, m))
    stats = tuple(v.entity.label for v in a.values if v.category == "PValue")
    return Context(species=(HUMAN,), location=tuple(sorted(locations)), statistics=stats)


def level_association(a: Analysed, rule: str, subject: Entity, condition: Entity, up: bool,
                      start: int, cue: tuple[int, int], context: Context,
                      subjects: tuple[int, int] | None = None) -> Statement:
    """``subject`` ``biolink:associated_with`` ``condition``: a level higher (``up``) or
    lower in it, read by ``rule`` from the clause starting at ``start`` whose level cue spans
    ``cue`` (hedges are looked for before the cue, negation up to its end; words that say a
    group lacks a condition, 'in subjects without D', negate nothing). ``subjects``, the span
    of the list of markers, is skipped when looking for hedges: a word inside it describes a
    member ('their putative receptors, A and B'), it does not hedge the finding."""
    if subjects:
        hedge = hedged(a.text, start, subjects[0]) or hedged(a.text, subjects[1], cue[0])
    else:
        hedge = hedged(a.text, start, cue[0])
    return statement(a, rule, subject, "biolink:associated_with", condition,
                     direction="increased" if up else "decreased", aspect="level",
                     negated=negated(without_absence_cues(a), start, cue[1]), hedged=hedge,
                     context=context)


def is_sample(a: Analysed, m: Mention) -> bool:
    """True for a vesicle mention that says where a marker was measured ("serum exosomes of
    patients", "ADEV GFAP", "exosomal levels of"), not an agent."""
    after = a.text[m.end:m.end + 40]
    return bool(_SAMPLE_BEFORE.search(a.text[max(0, m.start - 25):m.start])
                or _SAMPLE_AFTER.match(after)
                or any(x.start - m.end in range(0, 3) for x in a.mentions
                       if x.category in MOLECULAR)
                # "NDE biomarkers", "exosome proteins", "EV cargo", "exosomal levels of"
                or re.match(r"\s*(?:cargo|contents?|levels?|concentrations?|proteins?|"
                            r"(?:protein\s+|molecular\s+)?(?:bio)?markers?)\b", after, re.I)
                # "X in (plasma) EVs", "IL-6 in CSF small EVs": the vesicles hold the marker
                or holds_marker(a, m)
                # "EV-associated NfL", "exosome-bound tau": the marker is in the vesicles
                or re.match(r"-(?:associated|bound|enclosed|encapsulated|contained)\b", after,
                            re.I))


_GIVEN_AFTER = re.compile(r"\s*-?\s*(?:groups?|treated|treatments?|injections?|"
                         r"administration|therapy|recipients?)\b", re.I)


def holds_marker(a: Analysed, m: Mention) -> bool:
    """True for a vesicle mention (plain vesicles or a population of the body's own cells,
    not a therapeutic preparation) written as the container of a molecular marker named right
    before it: 'IL-6 in CSF small EVs', 'TNF-α within brain-derived EVs', 'IL-6 sEVs'."""
    if m.category not in VESICLES or therapeutic(m.entity) or _GIVEN_AFTER.match(a.text, m.end):
        return False  # "X in the exosome group", "X in exosome-treated rats": a treatment
    if any(x.end <= m.start and x.category in MOLECULAR
           and _HOLDS_MARKER.fullmatch(a.text, x.end, m.start)
           for x in a.within(max(0, m.start - 60), m.start)):
        return True
    # "... small extracellular vesicles (sEVs)": the short form of a container
    return any(x.category in VESICLES and re.fullmatch(r"\s*\(", a.text[x.end:m.start])
               and holds_marker(a, x) for x in a.within(max(0, m.start - 60), m.start))


def names_treatment(a: Analysed, start: int, end: int,
                    markers: tuple[Mention, ...] = ()) -> bool:
    """True when the span names a treatment: an agent other than a miRNA, a vesicle used as
    the sample or a vesicle population among ``markers`` (the clause's measured subjects),
    or a treatment / group word."""
    for m in a.within(start, end, AGENTS - NONCODING - {"MicroRNA", "MicroRNACluster"}):
        if m.category in VESICLES and (is_sample(a, m) or m in markers or (
                markers and m.category == "ExosomePreparation" and population_marker(m))):
            continue
        return True
    # "the TBI group", "either group with CI": a patient group, not a treated one
    return any(not (w.group().lower().startswith("group")
                    and patient_group_word(a, w.start(), w.end()))
               for w in _TREATMENT.finditer(a.text, start, end))


# a vesicle population measured as a marker is the body's own (platelet, endothelial,
# neuronal, astrocytic EVs), not a therapeutic preparation of stem or stromal cells
_THERAPEUTIC_SOURCE = re.compile(r"stem|stromal|progenitor|\bMSC", re.I)


def population_marker(m: Mention) -> bool:
    return m.category in VESICLES and not _THERAPEUTIC_SOURCE.search(m.entity.label)


def therapeutic(entity: Entity | None) -> bool:
    """True for a vesicle preparation of stem, stromal or progenitor cells (a therapy, not a
    population of the body's own vesicles)."""
    return entity is not None and entity.category == "ExosomePreparation" and bool(
        _THERAPEUTIC_SOURCE.search(entity.label))


def markers_before(a: Analysed, start: int, at: int, gap: int = 45,
                   populations: bool = False, lenient: bool = False) -> list[Mention]:
    """The molecular markers ending right before ``at`` (a time or sample may stand between),
    with those coordinated with them; with ``populations``, a vesicle population of the
    body's own cells counts as a marker too ("platelet-derived EVs were elevated")."""
    near = [m for m in a.within(start, at, MOLECULAR) if at - m.end <= gap]
    if not near and populations:
        near = [m for m in a.within(start, at, VESICLES) if at - m.end <= gap
                and population_marker(m) and not is_sample(a, m)]
        if near:
            last = max(near, key=lambda m: m.end)
            if re.search(r"[;:]|\b(?:which|that|after|when|in\s+the)\b", a.text[last.end:at],
                         re.I):
                return []
            group = coordinated(a, last, VESICLES, backwards=True)
            # "Endothelial cell-derived microvesicles (EMVs) and platelet-derived ...": a
            # defined short form between the coordinated names
            first = min(group, key=lambda x: x.start)
            before = [x for x in a.within(start, first.start, VESICLES)
                      if re.fullmatch(r"\s*\([^()]{1,15}\)\s*,?\s*(?:and|or)\s+",
                                      a.text[x.end:first.start])]
            return [x for x in before + group if population_marker(x)]
    if not near:
        return []
    last = max(near, key=lambda m: m.end)
    # "X expression in the acute phase was ...": a time, not another group
    between = re.sub(r"\bin\s+the\s+(?:[\w-]+\s+){0,2}(?:phase|stage|period)\b", " ",
                     a.text[last.end:at], flags=re.I)
    if re.search(r"[;:]|\b(?:which|that|after|when|in\s+the)\b", between, re.I):
        return []
    return coordinated(a, last, MOLECULAR, backwards=True, lenient=lenient)


def study_disease(a: Analysed, state: DocumentState) -> Entity | None:
    if state.population_disease or state.patient_disease:
        return state.population_disease or state.patient_disease
    named = a.within(0, len(a.text), DISEASE)
    return named[0].entity if named else None



def in_controls(text: str, at: int) -> bool:
    """True when the group named at ``at`` (right after "in") is a control group."""
    return bool(CONTROL.match(text, at))



def condition_named(a: Analysed, state: DocumentState, start: int, end: int) -> Entity | None:
    """The disease or model named in ``a.text[start:end]``, else the study's."""
    named = a.within(start, end, frozenset({"Disease", "DiseaseModel"}))
    if named:
        return named[0].entity
    return state.population_disease or state.patient_disease or state.disease


_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
# "six proteins", "(the) 3 miRNAs", "five of these markers" right before the verb
_COUNTED = re.compile(r"\b(?P<n>\d{1,2}|" + "|".join(_NUMBERS) + r")\s+"
                      r"(?:of\s+(?:these|the|them)\s+)?"
                      r"(?:[\w-]+\s+){0,2}?(?P<kind>proteins|miRNAs|microRNAs|genes|"
                      r"(?:bio)?markers)\s*$", re.I)
_KIND_CLASSES = {"proteins": frozenset({"Protein", "Gene"}),
                 "genes": frozenset({"Protein", "Gene"}),
                 "mirnas": frozenset({"MicroRNA", "MicroRNACluster"}),
                 "micrornas": frozenset({"MicroRNA", "MicroRNACluster"})}
# the list after the clause: ": A, B and C", "(A, B and C)", ", including / namely A, B"
_LIST_AFTER = re.compile(r"[^:;(]*?(?::|\(|,\s*(?:namely|including|i\.e\.,?))\s*", re.I)


def note_named_markers(a: Analysed, state: DocumentState) -> None:
    """Remember the distinct molecular markers sentence ``a`` names (see
    :func:`counted_markers`)."""
    found: dict[str, Entity] = {}
    for m in a.within(0, len(a.text), MOLECULAR):
        found.setdefault(m.entity.id, m.entity)
    state.named_markers = (a.sentence.index, tuple(found.values()))


def counted_markers(a: Analysed, state: DocumentState, start: int, at: int) -> list[Entity]:
    """The markers a counted plural right before ``at`` stands for ('six proteins exhibited
    ...'): the list written after it in the sentence (': A, B and C', 'including A and B'),
    else the markers of the sentence before when they are exactly that many and of that
    kind; none otherwise (the reference is not resolved)."""
    m = _COUNTED.search(a.text, start, at)
    if not m:
        return []
    n = int(m.group("n")) if m.group("n").isdigit() else _NUMBERS[m.group("n").lower()]
    classes = _KIND_CLASSES.get(m.group("kind").lower(), MOLECULAR)
    after = _LIST_AFTER.match(a.text, at)
    if after:
        first = [x for x in a.within(after.end(), len(a.text), classes)
                 if x.start - after.end() < 5]
        if first:
            listed = coordinated(a, first[0], classes, backwards=False)
            return list({x.entity.id: x.entity for x in listed}.values())
    index, named = state.named_markers
    before = [e for e in named if e.category in classes]
    if index == a.sentence.index - 1 and len(before) == n:
        return before
    return []
