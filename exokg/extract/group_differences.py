"""Differences and pathway changes in a patient group, as proteomic and transcriptomic studies
of patients report them:

* **differences without a direction** (:func:`group_differences`): "A, B and C exhibited
  significant differences in the D group", "X and Y differed significantly between patients
  with D and controls", "X showed significant alterations in D patients" -> each marker
  ``biolink:associated_with`` D, with no direction (the text gives none);
* **pathways activated or inhibited in a group** (:func:`pathway_changes`): "the complement
  pathways were activated, and coagulation and neuroprotection were inhibited in the D group"
  -> each pathway or process ``biolink:associated_with`` D, increased for "activated",
  decreased for "inhibited"; the group named at the end of the sentence holds for every
  coordinated clause before it. A process no vocabulary names is kept as an open outcome of
  its words ("complement system pathways").

* **levels by severity** (:func:`severity_levels`): "X was higher in the severe group than in
  the mild group", "X was elevated in patients with severe D (NIHSS > 15) compared with mild
  D" -> X ``biolink:associated_with`` D (named in the group, else the study's), with the
  direction: the level rises or falls with the condition's severity.

The group is a patient group of a condition: "the D group", "D patients", "patients with D",
"D samples"; a control or treated group gives nothing (the group rules of
:mod:`exokg.extract.groups` read treated groups), and neither does a clause that names a
treatment.
"""

from __future__ import annotations

import re

from exokg.extract.base import AGENTS, Analysed, DocumentState, clauses, coordinated, \
    statement
from exokg.extract.epistemics import hedged, negated
from exokg.extract.level_markers import CONDITIONS, CONTROL, DIRECTION, MOLECULAR, UP, \
    counted_markers, level_association, level_context, markers_before, names_treatment, \
    study_disease
from exokg.extract.outcomes import outcome_for_text
from exokg.extract.patient_groups import GROUP_CONDITIONS, excluded_members, group_conditions, \
    without_absence_cues
from exokg.text.prefilter import Needs
from exokg.model import Entity, Statement
from exokg.text.prefilter import Needs

__all__ = ["group_differences", "groups_differed_on", "pathway_changes", "patient_group",
           "severity_levels", "states_in_patients"]

# "in the D group", "in D patients", "in patients with D", "in D samples", "between D and ..."
_GROUP = re.compile(r"\s*(?:in|among|within|between)\s+(?:the\s+)?(?P<group>(?:[\w-]+\s+){0,6}?"
                    r"(?:groups?|patients|subjects|individuals|participants|cases|samples|"
                    r"cohorts?)(?:\s+(?:with|suffering\s+from)\s+(?:an?\s+)?(?:[\w-]+\s+){0,4}?"
                    r"[\w-]+)?|(?:[\w-]+\s+){0,4}?[\w-]+(?=\s+and\s+(?:healthy\s+)?controls?))",
                    re.I)
# "exhibited / showed significant differences", "differed significantly", "were significantly
# altered" (no direction)
_DIFFERENCE = re.compile(r"\b(?:(?:exhibited|showed|displayed|had|presented|revealed|"
                         r"demonstrated)\s+(?:statistically\s+)?(?:significant|marked|"
                         # "showed distinct pattern differences between ..."
                         r"notable|distinct)\s+(?:(?:pattern|expression|level)\s+)?"
                         r"(?:differences?|alterations?|changes?|"
                         r"dysregulation)|differed\s+(?:\w+ly\s+)?|"
                         r"(?:was|were)\s+(?:not\s+)?(?:\w+ly\s+)?"
                         # "was significantly different in D patients than in controls"
                         r"(?:altered|dysregulated|different\b|differentially\s+(?:expressed|"
                         r"abundant)))",
                         re.I)
_ACTIVATION = re.compile(r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:also\s+)?(?P<dir>activated|"
                         r"inhibited|suppressed|enhanced|up-?regulated|down-?regulated|enriched|"
                         r"depleted|impaired)\b", re.I)
_UP_WORDS = ("activated", "enhanced", "upregulated", "up-regulated", "enriched")
# the head words of a pathway or process phrase read as an open outcome
_PROCESS_HEAD = re.compile(r"(?:pathways?|signal(?:l)?ing|systems?|cascades?|activation|"
                           r"coagulation|protection|neuroprotection|inflammation|apoptosis|"
                           r"metabolism|response|responses|processes|process|function|"
                           r"repair|clearance|transport|adhesion|aggregation)$", re.I)
# a group named for what it received ("the exosome group", "treated patients")
_TREATED = re.compile(r"\b(?:treat\w*|exosom\w*|EVs?|vesicles?|MSCs?|therap\w+|administ\w+|"
                      r"inject\w+|transplant\w+|infus\w+|vehicle|PBS|saline)\b", re.I)
_PROCESSES = frozenset({"BiologicalProcess", "Outcome", "Phenotype", "Pathway"})


def patient_group(a: Analysed, start: int, end: int) -> Entity | None:
    """The condition of the patient group named in ``a.text[start:end]`` ("the D group", "D
    patients", "patients with D"), or None for a control group or a group with no condition."""
    text = a.text[start:end]
    # "between healthy controls and D patients": the group that is not the controls
    pair = re.fullmatch(r"(?P<one>.+?)\s+and\s+(?P<two>.+)", text)
    if pair and CONTROL.match(pair.group("one").strip()) and not CONTROL.search(
            pair.group("two")):
        start += pair.start("two")
        text = a.text[start:end]
    if CONTROL.match(text.strip()) or re.match(r"\s*(?:the\s+)?(?:sham|control|normal|healthy)",
                                               text, re.I) or names_treatment(a, start, end) \
            and not re.fullmatch(r"[^,;]*\bgroups?", text.strip()):
        return None
    if _TREATED.search(text) or a.within(start, end, AGENTS):
        return None
    named = group_conditions(a, start, end)
    return named[0].entity if named else None


_NEEDS_DIFFERENCE = Needs(_DIFFERENCE)


def group_differences(a: Analysed, state: DocumentState) -> list[Statement]:
    """'A, B and C exhibited significant differences in the D group', 'X differed
    significantly between D patients and controls' -> each marker ``associated_with`` D,
    without a direction (module docs)."""
    if not _NEEDS_DIFFERENCE.may_match(a.text):  # no cue word: nothing to read
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        for m in _DIFFERENCE.finditer(a.text, clause.start, clause.end):
            group = _GROUP.match(a.text, m.end(), clause.end)
            if not group or names_treatment(a, clause.start, m.start()):
                continue
            # the shortest group may end inside the condition's name ("patients with ischemic")
            end = max([group.end("group")] + [
                x.end for x in a.within(group.start("group"), clause.end, GROUP_CONDITIONS)
                if x.start < group.end("group")])
            disease = patient_group(a, group.start("group"), end)
            subjects = [x.entity for x in markers_before(a, clause.start, m.start(), gap=60)] \
                or counted_markers(a, state, clause.start, m.start())
            if disease is None or not subjects:
                continue
            for subj in subjects:
                out.append(statement(a, "biomarker.level-difference", subj,
                                     "biolink:associated_with", disease, aspect="level",
                                     # "were not (significantly) different"
                                     negated=negated(a.text, clause.start, m.end()),
                                     hedged=hedged(a.text, clause.start, m.start()),
                                     context=level_context(a, clause.start, m.start())))
    return out


# "the D1 and D2 groups differed on (the vesicle concentration of) X, Y and Z": the groups
# before the verb, the markers after it
_DIFFERED_ON = re.compile(r"\b(?P<groups>groups|patients|subjects|participants|cohorts)\s+"
                          r"(?:(?:\w+ly|also|both)\s+)?(?:differed|differ|were\s+different|"
                          r"varied)\s+(?:\w+ly\s+)?(?:on|in|with\s+respect\s+to|in\s+terms\s+of|"
                          r"regarding)\s+(?:the\s+)?", re.I)
_NEEDS_DIFFERED_ON = Needs(_DIFFERED_ON)


def groups_differed_on(a: Analysed, state: DocumentState) -> list[Statement]:
    """'the D1 and D2 groups differed on X, Y and Z (, but not on W)' -> each marker
    ``associated_with`` each condition the groups are named for, without a direction (the
    text gives none); a marker after 'but not' gives a negated statement. The markers may
    be written after a measure of a vesicle population ('CNS-enriched exosome concentration
    of X'), which stays the statements' location."""
    if not _NEEDS_DIFFERED_ON.may_match(a.text):
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        for m in _DIFFERED_ON.finditer(a.text, clause.start, clause.end):
            # the groups' noun phrase: back to the clause start or a comma
            comma = a.text.rfind(",", clause.start, m.start())
            np_start = max(clause.start, comma + 1)
            conditions = group_conditions(a, np_start, m.start("groups"))
            if not conditions or names_treatment(a, np_start, m.start("groups")) or \
                    _TREATED.search(a.text, np_start, m.start("groups")):
                continue
            first = [x for x in a.within(m.end(), clause.end, MOLECULAR)
                     if x.start - m.end() < 60 and not re.search(r"[,;]", a.text[m.end():x.start])]
            if not first:
                continue
            members = coordinated(a, first[0], MOLECULAR, backwards=False, lenient=True)
            excluded, _ = excluded_members(a, max(x.end for x in members), MOLECULAR)
            ctx = level_context(a, m.start(), max(x.end for x in members))
            for subj in members + excluded:
                for condition in conditions:
                    out.append(statement(a, "biomarker.level-difference", subj.entity,
                                         "biolink:associated_with", condition.entity,
                                         aspect="level", negated=subj in excluded or negated(
                                             without_absence_cues(a), clause.start, m.end()),
                                         hedged=hedged(a.text, clause.start, m.start()),
                                         context=ctx))
    return out


def _process_terms(a: Analysed, start: int, end: int) -> list[Entity]:
    """The pathways and processes coordinated in ``a.text[start:end]`` ('blood coagulation and
    neuroprotection'): a recognised process or outcome where one spans a member, else the
    member's words as an open outcome when they end in a process head; none when any member
    is neither (the span is no list of processes)."""
    text = a.text[start:end]
    lead = re.match(r"\s*(?:(?:that|the|both|also)\s+)*", text)
    offset = start + lead.end()
    out: list[Entity] = []
    for part in re.finditer(r"[^,]+?(?=\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|$))",
                            a.text[offset:end]):
        words = part.group().strip()
        if not words or words.lower() in ("and", "or"):
            continue
        words = re.sub(r"^(?:and|or)\s+", "", words, flags=re.I)
        p_start = offset + part.start() + part.group().index(words)
        p_end = p_start + len(words)
        inside = [x for x in a.within(p_start, p_end) if x.category in _PROCESSES]
        if inside and inside[-1].end == p_end:
            out.append(inside[-1].entity)
        elif _PROCESS_HEAD.search(words) and len(words.split()) <= 5 and not a.within(
                p_start, p_end, MOLECULAR):
            out.append(outcome_for_text(words))
        else:
            return []
    return out


_NEEDS_ACTIVATION = Needs(_ACTIVATION)


def pathway_changes(a: Analysed, state: DocumentState) -> list[Statement]:
    """'the complement pathways were activated, and coagulation and neuroprotection were
    inhibited in the D group' -> each process ``associated_with`` D with the direction
    (module docs)."""
    if not _NEEDS_ACTIVATION.may_match(a.text):  # no cue word: nothing to read
        return []
    out: list[Statement] = []
    verbs = list(_ACTIVATION.finditer(a.text))
    group = _GROUP.match(a.text, verbs[-1].end()) if verbs else None
    if not group or names_treatment(a, 0, group.start()):
        return out
    disease = patient_group(a, group.start("group"), group.end("group"))
    if disease is None:
        return out
    start = 0
    for m in verbs:
        # the subject runs back to "that", a comma before "and", or the previous verb
        lead = None
        for lead in re.finditer(r"\b(?:that|revealed|showed|indicated|demonstrated)\s+|"
                                r",\s*(?:and|while|whereas)\s+", a.text[start:m.start()]):
            pass
        s_start = start + lead.end() if lead else start
        terms = _process_terms(a, s_start, m.start())
        up = m.group("dir").lower().replace("-", "") in {w.replace("-", "") for w in _UP_WORDS}
        for term in terms:
            out.append(statement(a, "biomarker.level-pathway", term, "biolink:associated_with",
                                 disease, direction="increased" if up else "decreased",
                                 negated=negated(a.text, s_start, m.start("dir")),
                                 hedged=hedged(a.text, 0, m.start("dir")),
                                 context=level_context(a, s_start, m.start())))
        start = m.end()
    return out



# "X was higher in the severe group than in the mild group", "elevated in patients with
# severe D (NIHSS > 15) compared with those with mild D"
_SEVERE_VS_MILD = re.compile(r"\b(?:was|were)\s+(?:\w+ly\s+)?" + DIRECTION + r"\s+in\s+"
                             r"(?:the\s+)?(?:(?:patients|those|individuals|participants)\s+"
                             r"with\s+(?:an?\s+)?)?(?:more\s+)?"
                             r"(?P<group>(?:moderate(?:-to-|\s+to\s+)"
                             r")?severe\b[^,;]{0,60}?)\s*(?:,\s*)?(?:than|compared\s+(?:with|to)|"
                             r"relative\s+to|versus|vs\.?)\s+(?:in\s+)?(?:the\s+)?(?:(?:patients|"
                             r"those|individuals|participants)\s+with\s+(?:an?\s+)?)?(?:less\s+"
                             r"severe|mild|minor|non-severe)\b", re.I)


_NEEDS_SEVERE_VS_MILD = Needs(_SEVERE_VS_MILD)


def severity_levels(a: Analysed, state: DocumentState) -> list[Statement]:
    """'X was higher in the severe group than in the mild group' -> X ``associated_with``
    the condition (named in the severe group, else the study's) with the direction (module
    docs)."""
    if not _NEEDS_SEVERE_VS_MILD.may_match(a.text):  # no cue word: nothing to read
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        for m in _SEVERE_VS_MILD.finditer(a.text, clause.start, clause.end):
            subjects = markers_before(a, clause.start, m.start() + 1, gap=40)
            if not subjects or names_treatment(a, clause.start, m.start()) or _TREATED.search(
                    m.group("group")):
                continue
            named = a.within(m.start("group"), m.end("group"), CONDITIONS)
            disease = named[0].entity if named else study_disease(a, state)
            if disease is None:
                continue
            up = m.group("dir").lower().replace("-", "") in UP
            for subj in subjects:
                out.append(level_association(a, "biomarker.level-severity", subj.entity,
                                             disease, up, clause.start, (m.start(), m.start()),
                                             level_context(a, clause.start, m.start())))
    return out


# "There is a neuroinflammatory cascade in D patients", "there was increased oxidative stress
# among patients with D": a state of the patients, stated without a marker
_THERE_IS = re.compile(r"\b[Tt]here\s+(?:is|was|are|were)\s+(?:an?\s+|the\s+)?(?:(?:marked|"
                       r"significant|persistent|sustained|ongoing|robust)\s+)?(?:(?P<dir>"
                       r"increased|elevated|enhanced|heightened|reduced|decreased|impaired)\s+)?"
                       r"(?P<what>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)\s+(?:in|among)\s+"
                       r"(?:the\s+)?(?P<group>(?:[\w-]+\s+){0,4}?(?:patients|subjects|"
                       r"individuals|participants|cases)(?:\s+with\s+(?:an?\s+)?[\w-]+(?:\s+[\w-]+)"
                       r"{0,3})?)")
_NEEDS_THERE_IS = Needs(_THERE_IS)
# the head of a state written in words: "a neuroinflammatory cascade", "oxidative stress"
_STATE_HEAD = re.compile(r"(?:cascade|response|inflammation|stress|activation|dysfunction|"
                         r"damage|impairment|deficits?|disruption|breakdown|degeneration|"
                         r"atrophy|loss|injury|toxicity|hyperexcitability|apoptosis)$", re.I)
_STATES = frozenset({"Phenotype", "BiologicalProcess", "Outcome"})


def states_in_patients(a: Analysed, state: DocumentState) -> list[Statement]:
    """'There is a neuroinflammatory cascade in D patients' -> D ``biolink:associated_with``
    the state (a recognised phenotype, process or outcome spanning the words, else the words
    as an open outcome), with the direction an adjective gives ('there was increased
    oxidative stress'); not for a control or treated group."""
    if not _NEEDS_THERE_IS.may_match(a.text):
        return []
    out: list[Statement] = []
    for m in _THERE_IS.finditer(a.text):
        disease = patient_group(a, m.start("group"), m.end("group"))
        if disease is None or a.within(m.start("what"), m.end("what"), MOLECULAR | AGENTS):
            continue
        named = [x for x in a.within(m.start("what"), m.end("what"), _STATES)
                 if x.end == m.end("what")]
        if not named and not _STATE_HEAD.search(m.group("what")):
            continue  # "there is a need for ...", "there was no difference in ..."
        what = named[-1].entity if named else outcome_for_text(m.group("what"))
        if what.id == disease.id:
            continue
        word = (m.group("dir") or "").lower()
        direction = None if not word else ("decreased" if word in (
            "reduced", "decreased", "impaired") else "increased")
        out.append(statement(a, "biomarker.level-state", disease, "biolink:associated_with",
                             what, direction=direction,
                             negated=negated(a.text, max(0, m.start() - 40), m.start("what")),
                             hedged=hedged(a.text, 0, m.start()),
                             context=level_context(a, m.start(), m.end())))
    return out
