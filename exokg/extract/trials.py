"""Clinical trial design: intervention, condition, phase, enrolment, dose, route, timing,
primary and secondary endpoints, monitored adverse events, site, investigator, start.

A sentence is about a trial when it names one (NCT number) or refers back to the one the
document introduced ('the study', 'this trial', 'the phase 2 trial', 'patients will
receive', 'the primary endpoint'). Every design fact becomes a statement whose subject is
the trial.
"""

from __future__ import annotations

import re

from exokg.extract.base import Analysed, DocumentState, statement
from exokg.ids import mint
from exokg.model import Context, Document, Entity, Statement, Value
from exokg.recognise.values import month_year, number_value

_REFERS = re.compile(
    r"(?<!preclinical )(?<!pre-clinical )(?<!animal )\b(?:the|this|our|that)\s+(?:[\w/.-]+\s+){0,3}"
    r"(?:clinical\s+)?(?:trial|study)\b"
    r"|\b(?:patients|participants|subjects)\s+(?:will|were|are|would)\s+(?:be\s+)?"
    r"(?:receive|enrol|enroll|randomi|recruit|treat|allocat|given)"
    r"|\b(?:primary|secondary)\s+(?:end\s?-?points?|outcomes?)\b", re.I)
_START = re.compile(r"\b(?:begin|began|start|started|starts|initiat\w*|commenc\w*|open\w*)\b"
                    r"[^.]{0,40}?\b(?:accrual|enrol+ment|recruitment|in)\b|\baccrual\b|"
                    r"\bstart\s+date\b", re.I)
_LED_BY = re.compile(r"\b(?:[Ll]ed|[Cc]onducted|[Ss]ponsored|[Cc]oordinated)\s+by\s+(?:Dr\.?\s+|"
                     r"Prof\.?\s+)?(?P<name>[A-Z][A-Za-z'\-]+(?:\s+[A-Z][A-Za-z'\-]+)?)"
                     r"(?P<etal>\s+et\s+al\.?)?|\b[Pp]rincipal\s+[Ii]nvestigator,?\s+(?:Dr\.?\s+)?"
                     r"(?P<name2>[A-Z][A-Za-z'\-]+(?:\s+[A-Z][A-Za-z'\-]+)?)")
_INTERVENTION_CUE = re.compile(r"\b(?:safety|efficacy|effect|effects|feasibility|tolerability|"
                               r"receive|given|administ\w*|evaluat\w*|test\w*|investigat\w*|"
                               r"assess\w*|transplant\w*|inject\w*|infus\w*|dos\w*)\b", re.I)
_CONDITION_CUE = re.compile(r"\b(?:patients|participants|subjects|people|adults|individuals)\s+"
                            r"(?:with|suffering\s+from|after|who\s+had)\s+(?:an?\s+)?$", re.I)
_PRIMARY = re.compile(r"\bprimary\s+(?:end\s?-?points?|outcomes?(?:\s+measures?)?)\b", re.I)
_SECONDARY = re.compile(r"\bsecondary\s+(?:end\s?-?points?|outcomes?(?:\s+measures?)?)\b", re.I)
_ADVERSE = re.compile(r"\badverse\s+events?\b[^.]*?\b(?:including|such\s+as|like|namely)\b",
                      re.I)
_ENDPOINT_CLASSES = frozenset({"Outcome", "AssessmentScale", "Phenotype", "BiologicalProcess"})
_EVENT_CLASSES = frozenset({"Disease", "Phenotype"})
_INTERVENTION_CLASSES = frozenset({"ExosomePreparation", "Vesicle", "Cell", "Therapy", "Drug",
                                   "HerbalPreparation"})


def _is_trial_sentence(a: Analysed, state: DocumentState) -> bool:
    if any(m.category == "ClinicalTrial" for m in a.values):
        return True
    return state.trial is not None and bool(_REFERS.search(a.text))


def extract_trial(a: Analysed, state: DocumentState) -> list[Statement]:
    """Trial design statements of one sentence; updates ``state.trial``."""
    named = [m for m in a.values if m.category == "ClinicalTrial"]
    if named:
        state.trial = named[0].entity
    if not _is_trial_sentence(a, state) or state.trial is None:
        return []
    trial = state.trial
    out: list[Statement] = []
    text = a.text

    def add(pred: str, obj: Entity | Value, rule: str, context: Context | None = None) -> None:
        out.append(statement(a, f"trial.{rule}", trial, pred, obj, context=context))

    for m in a.values:
        if m.category == "Date" and _START.search(text):
            add("exo:startDate", Value(month_year(m.text) or m.text, "gYearMonth"
                                       if month_year(m.text) else "string"), "start")
        elif m.category == "Phase":
            add("exo:phase", Value(_phase(m.text)), "phase")
        elif m.category == "GroupSize" and re.search(r"patients|participants|subjects",
                                                     m.text, re.I) and \
                is_enrollment(a.document, text, m.start, m.end):
            n = number_value(m.text.split()[0])
            if n is not None:
                add("exo:enrollment", Value(str(n), "integer"), "enrollment")
        elif m.category == "Dose":
            add("exo:dose", Value(m.entity.label), "dose")
        elif m.category == "Timing" and not (_PRIMARY.search(text) or _SECONDARY.search(text)):
            add("exo:timing", Value(m.entity.label), "timing")
    for m in a.mentions:
        if m.category == "RouteOfAdministration":
            add("exo:route", m.entity, "route")
        elif m.category == "Organization":
            add("exo:site", m.entity, "site")
    led = _LED_BY.search(text)
    if led:
        name = led.group("name") or led.group("name2")
        person = Entity(mint("person", name), name, "Person",
                        synonyms=(led.group().split(" by ")[-1].strip(),) if led.group("etal")
                        else ())
        add("exo:investigator", person, "investigator")
    endpoint_ctx = Context(timing=tuple(m.entity.label for m in a.values
                                        if m.category == "Timing"))
    primary, secondary = _PRIMARY.search(text), _SECONDARY.search(text)
    adverse = _ADVERSE.search(text)
    if primary or secondary:
        start = (primary or secondary).end()
        stop = adverse.start() if adverse else len(text)
        pool = [m for m in a.within(start, stop, _ENDPOINT_CLASSES)]
        scales = [m for m in pool if m.category == "AssessmentScale"]
        chosen = scales or pool
        pred = "exo:primaryEndpoint" if primary else "exo:secondaryEndpoint"
        for m in chosen:
            add(pred, m.entity, "endpoint", endpoint_ctx)
    if adverse:
        for m in a.within(adverse.end(), len(text), _EVENT_CLASSES):
            add("exo:monitorsAdverseEvent", m.entity, "adverse-event")
    if not (primary or secondary) and _INTERVENTION_CUE.search(text) and \
            not is_observational(a.document):
        conditions = [m for m in a.within(0, len(text), frozenset({"Disease"}))
                      if _CONDITION_CUE.search(text[max(0, m.start - 40):m.start])]
        for m in a.within(0, len(text), _INTERVENTION_CLASSES):
            add("exo:studiesIntervention", m.entity, "intervention")
            for c in conditions:
                out.append(statement(a, "trial.in-clinical-trials-for", m.entity,
                                     "biolink:in_clinical_trials_for", c.entity,
                                     context=Context(trial=(trial.id,),
                                                     species=("NCBITaxon:9606",))))
        for c in conditions:
            add("exo:studiesCondition", c.entity, "condition")
    return out


_TOTAL = re.compile(r"\b(?:a\s+total\s+of|in\s+total|total(?:ly)?|overall|altogether|"
                    r"will\s+(?:be\s+)?(?:enrol+|recruit|include)\w*|(?:enrol+|recruit)\w*\s+"
                    r"(?:a\s+total\s+of\s+)?$)", re.I)
#: a group size that counts part of the trial: one part, stage, cohort or arm, or more
#: participants added to a cohort ("In part 2, 20 subjects ...", "another 3 participants")
_PART = re.compile(r"\b(?:(?:in|for|during)\s+(?:the\s+)?(?:(?:first|second|third|next|each|"
                   r"every)\s+)?(?:part|stage|step|cohort|arm|group)\b(?:\s+[\dIV]+\b)?|"
                   r"another|additional|further|remaining|more|each|per)\W*(?:\w+\W+){0,2}$",
                   re.I)
_PART_AFTER = re.compile(r"^\W*(?:per\s+|(?:(?:will|would|are|were)\s+(?:be\s+)?\w+\s+)?(?:in|"
                         r"per|to)\s+(?:each|every|the\s+(?:same|next|first|second))\s+)"
                         r"(?:(?:dose|treatment)\s+)?(?:cohort|arm|group|part|stage|dose|level)",
                         re.I)


def is_enrollment(document: Document, text: str, start: int, end: int) -> bool:
    """True when the group size ``text[start:end]`` counts the whole trial.

    A registry record's enrollment is its ``enrollment`` field, so a number in its prose
    counts only when the sentence calls it the total ("a total of 30 patients will be
    enrolled"); in any text a number of one part, cohort or arm, or of participants added to
    one ("In part 2, 20 subjects will be randomized", "another 3 participants will be
    treated", "6 patients per cohort"), is not the enrollment.
    """
    before = text[max(0, start - 60):start]
    if _PART.search(before) or _PART_AFTER.search(text[end:end + 60]):
        return False
    if re.match(r"\s*(?:In|For|During)\s+(?:the\s+)?(?:part|stage|cohort|arm)\b", text, re.I):
        return False
    if any(f.name == "enrollment" for f in document.fields):
        return bool(_TOTAL.search(before))
    return True


def is_observational(document: Document) -> bool:
    """True for a registry record of an observational study (its ``studyType`` field): what
    it names are exposures and markers it observes, not interventions it tests."""
    return any(f.name == "studyType" and f.value.upper().startswith("OBSERVATIONAL")
               for f in document.fields)


def _phase(text: str) -> str:
    """'Phase 1/2' -> 'Phase 1/2'; roman numerals become digits ('phase II' -> 'Phase 2')."""
    roman = {"I": "1", "II": "2", "III": "3", "IV": "4"}
    body = re.sub(r"^[Pp]hase\s+", "", text)
    parts = [roman.get(p.strip(), p.strip()) for p in body.split("/")]
    return "Phase " + "/".join(parts)
