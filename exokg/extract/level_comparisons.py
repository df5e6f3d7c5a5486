"""One reading of a level compared between groups, in any order of its four parts.

A comparison of levels has four parts, which papers of the field write in any order: a
measured quantity (a molecule, a marker, the body's own vesicles: "X", "the number of X", "EV
concentration"), a direction (a level word: "higher", "elevated", "downregulated", "rose",
"a decreasing expression level"), the group it was measured in (the *case* group: "patients
with D", "D patients", "ischaemic rats", "the stroke group") and the group it was compared
with (the *comparator*: "controls", "healthy volunteers", "sham animals", "the control
rats")::

    X was increased in D patients compared with controls
    Compared with controls, D patients had higher X
    Patients with D showed elevated X relative to healthy volunteers
    X, which was lower in sham animals, rose after MCAO

-> each measured X ``biolink:associated_with`` the case group's condition, with the
direction of X in the case group (a direction said of the comparator, "lower in sham
animals", is turned round), the comparator as context.

The case group's condition is the disease (or model) its phrase names, without one the
comparator also has; a group named only by an injury adjective or by its kind ("ischaemic
rats", "the patients", "the 10 min rats") stands for the study's condition
(:func:`~exokg.extract.level_markers.study_disease`, the document state the other level
rules read). A case group that received something ("exosome-treated rats", "the MSC group")
makes the comparison an effect of the treatment, which is no biomarker: the clause is left to
the effect rules, as is every clause that names a treatment.

The reading adds only pairs no other rule of the sentence made (the older shape rules of
:mod:`exokg.extract.biomarkers`, :mod:`exokg.extract.groups` keep their statements).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from exokg.extract.base import AGENTS, Analysed, Clause, DocumentState, clauses, coordinated, \
    pairs_made
from exokg.extract.context import context_for
from exokg.extract.level_markers import MOLECULAR, VESICLES, level_association, \
    level_context, population_marker, study_disease, therapeutic
from exokg.extract.level_words import LEVEL, REGULATED, level_sign
from exokg.extract.patient_groups import contrasted_conditions, group_conditions
from exokg.lexicon.normalise import key
from exokg.model import Entity, Mention, Statement
from exokg.recognise.species import ANIMAL_NOUNS
from exokg.text.prefilter import Needs

__all__ = ["TREATED", "compared_groups", "group_phrases", "named_marker"]

# not a "biomarker." rule: the reading is a clause's and leaves the sentence's other clauses
# to the other rules (no effect rule or vesicle-qualifier guard treats the whole sentence as a
# level finding because of it: exokg.extract._EXCLUSIVE, exokg.extract.vesicle_qualifiers)
RULE = "level.compared-groups"

# the nouns that end a group phrase: people, animals, or a named group
_GROUP_NOUN = (rf"(?:patients|subjects|individuals|participants|cases|persons|people|"
               rf"volunteers|controls|HCs?|{ANIMAL_NOUNS}|groups?|cohorts?|"
               # "compared with control, 10 min and 2 h rats": the word alone
               rf"control(?!\s+(?:{ANIMAL_NOUNS}|groups?|subjects|patients|individuals|cases)\b))")
# up to five words before the noun ("10 min ischaemic", "acute ischemic stroke"), then the
# condition after it ("with D", "who had D", "suffering from D", "after MCAO")
_WORD = r"\b(?!(?:in|of|than|was|were|is|are|and|or|compared|relative|versus|vs|had|have|" \
        r"showed|with|which|that|to|at|for|from|by|on|as|after|following)\b)[\w()+/.-]+"
_GROUP = re.compile(rf"\b(?:(?:the|all|both|our|these|those)\s+)?(?:{_WORD}\s+){{0,5}}?"
                    rf"{_GROUP_NOUN}\b"
                    r"(?:\s+(?:with|who\s+had|having|suffering\s+from|after|following)\s+"
                    r"[^,;()]{1,80}?(?=\s*(?:\(|,|;|$|\s(?:compared|relative|versus|vs\.?|"
                    r"than|when|in\s+comparison|had|have|showed|exhibited|displayed|"
                    r"presented|was|were)\b)))?", re.I)
# what names a comparator group: the controls, the healthy, the sham-operated, the uninjured
_CONTROL = re.compile(r"\b(?:controls?|HCs?|healthy|volunteers?|sham(?:-operated)?|normal|"
                      r"na[iï]ve|uninjured|intact|non-?[\w-]+|without)\b", re.I)
# the words that make a comparison: the comparator follows them
_VERSUS = re.compile(r"\b(?:compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|relative\s+to|"
                     r"versus|vs\.?|than(?:\s+(?:that|those)\s+(?:in|of))?|in\s+contrast\s+to)"
                     r"\s+(?:(?:that|those)\s+(?:in|of)\s+)?(?:in\s+)?", re.I)
# a direction said of the comparator itself: "X, which was lower in sham animals, ..."
_WHICH_IN = re.compile(r"\b(?:which|that)\s+(?:was|were|is|are)\s+(?:\w+ly\s+)?"
                       rf"(?P<dir>{LEVEL}|low|high)\s+in\s+", re.I)
# a direction: a level word, a verb of change, or "a decreasing (expression) level"
_DIRECTION = re.compile(rf"\b(?P<dir>{LEVEL}|{REGULATED}|rose|fell|declined|dropped|"
                        r"decreasing|increasing|elevation|reduction)\b", re.I)
_EXTRA_SIGNS = {"rose": 1, "increasing": 1, "fell": -1, "declined": -1, "dropped": -1,
                "decreasing": -1, "low": -1, "high": 1}
#: a clause that names a treatment is an effect's, not a biomarker's
TREATED = re.compile(r"\b(?:treat(?:ed|ment|ing)|administ\w+|inject\w+|transplant\w+|"
                      r"infus\w+|therap(?:y|ies)|received|receiving|given)\b|-(?:treated|"
                      r"injected)\b", re.I)
# an injured group named by its kind or an injury adjective: the study's condition
_INJURED = re.compile(r"\b(?:patients|cases|ischa?emi[ac]\w*|injur(?:ed|y)|hypoxic|infarcted|"
                      r"lesioned|ha?emorrhagic|diseased|affected|symptomatic|model|stroke|"
                      r"operated|MCAO|TBI|SCI|ICH|SAH|TIA|min|hours?|h)\b", re.I)
_NEEDS = Needs(_VERSUS, _WHICH_IN)
_MEASURES = MOLECULAR | VESICLES


# a class of molecules ("circRNAs", "lncRNAs") names no marker
_CLASSES = frozenset({"exokg:ncrna/circrna", "exokg:ncrna/lncrna"})


def named_marker(m: Mention) -> bool:
    """True for a measured marker: a named molecule, or a vesicle population of the body's
    own cells ("EV concentration", "platelet EVs"), not a class of molecules."""
    return (m.category in MOLECULAR and m.entity.id not in _CLASSES) or population_marker(m)


@dataclass(frozen=True)
class GroupPhrase:
    """A group named in a clause: its span, whether it is a comparator, its conditions."""

    start: int
    end: int
    control: bool
    conditions: tuple[Mention, ...]


def group_phrases(a: Analysed, clause: Clause) -> list[GroupPhrase]:
    """The groups of people or animals named in ``clause``, in reading order.

    A phrase is up to five words and a group noun ("10 min ischaemic rats", "the stroke
    group") with the condition written after it ("patients with D", "rats after MCAO"); it is
    a comparator when it names controls, the healthy or the sham-operated, or says what the
    group lacks ("patients without D")."""
    out: list[GroupPhrase] = []
    for m in _GROUP.finditer(a.text, clause.start, clause.end):
        if not m.group().strip():
            continue
        control = bool(_CONTROL.search(m.group()))
        out.append(GroupPhrase(m.start(), m.end(), control,
                               tuple(group_conditions(a, m.start(), m.end()))))
    return out


def _measures(a: Analysed, clause: Clause, groups: list[GroupPhrase],
              at: int) -> list[Mention]:
    """The measured quantities nearest the direction at ``at``: molecules, else the body's own
    vesicles ("EV concentration"), outside the group phrases, with their list."""
    def inside(m: Mention) -> bool:
        return any(g.start <= m.start < g.end for g in groups)

    found = [m for m in a.within(clause.start, clause.end, _MEASURES) if not inside(m)]
    pool = [m for m in found if named_marker(m)]
    if not pool:
        return []
    molecular = [m for m in pool if m.category in MOLECULAR]
    if not molecular and any(m.category in MOLECULAR for m in found):
        return []  # "358 circRNAs ... in plasma exosomes": a class measured, not the vesicles
    pool = molecular or [m for m in pool if not _container(a, m)]
    if not pool:
        return []
    anchor = min(pool, key=lambda m: min(abs(m.end - at), abs(m.start - at)))
    if min(abs(anchor.end - at), abs(anchor.start - at)) > 80:
        return []
    backwards = anchor.end <= at
    return [m for m in coordinated(a, anchor, _MEASURES, backwards=backwards)
            if not inside(m) and named_marker(m)]


# vesicles written as where a quantity was measured, not as the quantity: "(found) in / within
# (the) plasma brain-derived exosomes", "exosomes of patients contained 120 miRNAs" (not "an
# increase in exosomes", "the number of EVs": the vesicles themselves)
_IN_CONTAINER = re.compile(r"(?P<word>[\w-]+)\s+(?:in|within|inside)\s+(?:the\s+)?"
                           r"(?:(?!of\b)[\w()-]+\s+){0,4}$", re.I)
_CHANGE_NOUN = re.compile(r"(?:increase|rise|decrease|reduction|change|elevation|drop|decline|"
                          r"difference)s?", re.I)
_HOLDS = re.compile(r"[^,;]{0,40}?\b(?:contain(?:s|ed)?|carr(?:y|ies|ied)|harbou?r(?:s|ed)?|"
                    r"enclos(?:e|es|ed)|packag(?:e|es|ed))\b", re.I)


def _container(a: Analysed, m: Mention) -> bool:
    """True for a vesicle mention written as the container of what was measured."""
    where = _IN_CONTAINER.search(a.text[max(0, m.start - 80):m.start])
    return bool(where and not _CHANGE_NOUN.fullmatch(where.group("word"))
                or _HOLDS.match(a.text, m.end))


def _condition(a: Analysed, state: DocumentState, case: GroupPhrase,
               comparator: GroupPhrase) -> Entity | None:
    """The condition of the case group: the one its phrase names and the comparator lacks,
    else (a group named by its kind or an injury adjective) the study's."""
    if case.conditions:
        contrasted = contrasted_conditions(a, list(case.conditions), comparator.start,
                                           comparator.end)
        study = _study_named_by_adjective(a, state, contrasted)
        if study is not None:
            return study
        diseases = [m for m in contrasted if m.category == "Disease"]
        if diseases:
            return diseases[0].entity
        if any(m.category == "DiseaseModel" for m in contrasted):
            return state.disease or contrasted[0].entity
        return contrasted[0].entity
    if _INJURED.search(a.text, case.start, case.end):
        return study_disease(a, state) or state.disease or state.model_entity
    return None


def _study_named_by_adjective(a: Analysed, state: DocumentState,
                              conditions: list[Mention]) -> Entity | None:
    """The study's condition for a group named only by an adjective that the condition's own
    name holds ("ischaemic rats" in a study of transient ischemic attack or of ischemic
    stroke): the adjective is the study's condition written short, not the general state it
    is built on (ischaemia)."""
    if len(conditions) != 1 or not re.fullmatch(r"[A-Za-z]+", conditions[0].text):
        return None
    written = key(conditions[0].text)
    return next((e for e in (state.population_disease, state.patient_disease, state.disease)
                 if e is not None and e.id != conditions[0].entity.id
                 and written in key(e.label).split()), None)


def _reading(a: Analysed, state: DocumentState, clause: Clause
             ) -> tuple[list[Mention], Entity, bool, GroupPhrase, int] | None:
    """The measures, condition, direction (up), comparator and cue offset of the clause's
    comparison, or None when it makes none."""
    which = _WHICH_IN.search(a.text, clause.start, clause.end)
    versus = _VERSUS.search(a.text, clause.start, clause.end)
    if which is None and versus is None:
        return None  # no comparison: the group phrases are not read
    groups = group_phrases(a, clause)
    comparators = [g for g in groups if g.control]
    cases = [g for g in groups if not g.control]
    if which and any(g.start == which.end() for g in comparators):
        # "X, which was lower in sham animals, rose after D": the direction of the controls
        comparator = next(g for g in comparators if g.start == which.end())
        up = _sign(which.group("dir")) < 0
        cue = which.start("dir")
        case = next((g for g in cases if g.start >= comparator.end), None)
        if case is not None and a.within(case.start, case.end, AGENTS - MOLECULAR):
            return None
        condition = _condition(a, state, case, comparator) if case else None
        if condition is None:
            after = [m for m in a.within(comparator.end, clause.end,
                                         frozenset({"Disease", "DiseaseModel"}))]
            condition = (state.disease if after and after[0].category == "DiseaseModel"
                         and state.disease else after[0].entity if after else None)
        measures = _measures(a, clause, groups, cue)
        return (measures, condition, up, comparator, cue) if condition and measures else None
    if versus is None:
        return None
    comparator = next((g for g in comparators if g.start == versus.end()), None)
    if comparator is None:
        return None
    # the group right before the comparison ("in the 10 min rats compared with ..."), else
    # the one after it ("Compared with controls, D patients had ...")
    before = [g for g in cases if g.end <= versus.start()]
    case = before[-1] if before else next((g for g in cases if g.start >= comparator.end),
                                          None)
    if case is None:
        return _after_condition(a, clause, groups, comparator, versus)
    if a.within(case.start, case.end, AGENTS - MOLECULAR):
        return None  # "lower in the exosome group than in the control group": an effect
    cues = [d for d in _DIRECTION.finditer(a.text, clause.start, clause.end)
            if not case.start <= d.start() < case.end
            and not comparator.start <= d.start() < comparator.end]
    if not cues:
        return None
    cue = min(cues, key=lambda d: abs(d.start() - case.start))
    up = _sign(cue.group("dir")) > 0  # every word of _DIRECTION has a sign
    condition = _condition(a, state, case, comparator)
    measures = _measures(a, clause, groups, cue.start())
    return (measures, condition, up, comparator, cue.start()) if condition and measures \
        else None


# "higher after stroke vs. controls", "elevated in ICH compared with controls": the condition
# itself in place of its group
_AFTER = re.compile(r"\b(?:after|following|in|with)\s+(?:the\s+|an?\s+)?(?:acute\s+)?$", re.I)


def _after_condition(a: Analysed, clause: Clause, groups: list[GroupPhrase],
                     comparator: GroupPhrase, versus: re.Match[str]
                     ) -> tuple[list[Mention], Entity, bool, GroupPhrase, int] | None:
    """The comparison of a clause that names the case group's condition without a group
    noun ("X was higher after D vs. controls"): the disease right before the comparison."""
    named = [d for d in a.within(clause.start, versus.start(), frozenset({"Disease"}))
             if re.fullmatch(r"\s*(?:\([^()]{1,20}\)\s*)?,?\s*", a.text[d.end:versus.start()])
             and _AFTER.search(a.text, max(clause.start, d.start - 20), d.start)]
    if not named:
        return None
    cues = [d for d in _DIRECTION.finditer(a.text, clause.start, named[-1].start)
            if _sign(d.group("dir"))]
    if not cues:
        return None
    measures = _measures(a, clause, groups, cues[-1].start())
    return (measures, named[-1].entity, _sign(cues[-1].group("dir")) > 0, comparator,
            cues[-1].start()) if measures else None


def _sign(word: str) -> int:
    """+1 / -1 for a word of a level going up / down (the level words and the verbs of
    change), 0 for any other word."""
    return level_sign(word) or _EXTRA_SIGNS.get(word.lower(), 0)


def compared_groups(a: Analysed, state: DocumentState,
                    found: list[Statement]) -> list[Statement]:
    """The level comparisons of sentence ``a`` (module docs) whose pair no statement of
    ``found`` relates."""
    if not _NEEDS.may_match(a.text):
        return []
    if not any(m.category in _MEASURES for m in a.mentions):
        return []
    made = pairs_made(found)
    out: list[Statement] = []
    for clause in clauses(a.text):
        if TREATED.search(a.text, clause.start, clause.end) or any(
                m.category not in VESICLES or therapeutic(m.entity)
                for m in a.within(clause.start, clause.end, AGENTS - MOLECULAR)):
            continue  # "X-treated rats had lower Y than controls": an effect
        reading = _reading(a, state, clause)
        if reading is None:
            continue
        measures, condition, up, comparator, cue = reading
        # the people or animals the clause names; none: the study's (given when situated)
        context = replace(level_context(a, clause.start, clause.end),
                          species=context_for(a, clause).species,
                          comparator=(" ".join(a.text[comparator.start:comparator.end]
                                               .split()),))
        for m in measures:
            if (m.entity.id, condition.id) in made or m.entity.id == condition.id:
                continue
            made.add((m.entity.id, condition.id))
            out.append(level_association(a, RULE, m.entity, condition, up, clause.start,
                                         (cue, cue + 1), context))
    return out
