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

from exokg.extract.base import AGENTS, Analysed, DocumentState, clauses, statement
from exokg.extract.epistemics import hedged, negated
from exokg.extract.level_markers import CONDITIONS, CONTROL, DIRECTION, MOLECULAR, UP, \
    counted_markers, level_association, level_context, markers_before, names_treatment, \
    study_disease
from exokg.extract.outcomes import outcome_for_text
from exokg.model import Entity, Statement
from exokg.text.prefilter import Needs

__all__ = ["group_differences", "pathway_changes", "patient_group", "severity_levels"]

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
                         r"notable|distinct)\s+(?:differences?|alterations?|changes?|"
                         r"dysregulation)|differed\s+(?:\w+ly\s+)?|(?:was|were)\s+(?:\w+ly\s+)?"
                         r"(?:altered|dysregulated|differentially\s+(?:expressed|abundant)))",
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
    if CONTROL.match(text.strip()) or re.match(r"\s*(?:the\s+)?(?:sham|control|normal|healthy)",
                                               text, re.I) or names_treatment(a, start, end) \
            and not re.fullmatch(r"[^,;]*\bgroups?", text.strip()):
        return None
    if _TREATED.search(text) or a.within(start, end, AGENTS):
        return None
    named = a.within(start, end, CONDITIONS)
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
            disease = patient_group(a, group.start("group"), group.end("group"))
            subjects = [x.entity for x in markers_before(a, clause.start, m.start(), gap=60)] \
                or counted_markers(a, state, clause.start, m.start())
            if disease is None or not subjects:
                continue
            for subj in subjects:
                out.append(statement(a, "biomarker.level-difference", subj,
                                     "biolink:associated_with", disease, aspect="level",
                                     negated=negated(a.text, clause.start, m.start()),
                                     hedged=hedged(a.text, clause.start, m.start()),
                                     context=level_context(a, clause.start, m.start())))
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
