"""The body's vesicles and markers in patients, said of the patients' samples or of the
condition rather than with a level verb after the marker.

* :func:`patients_vesicles_differ`: "EVs from SAH patients had a larger size and a higher
  concentration compared to those from HC", "exosomes isolated from the plasma of stroke
  patients showed a higher particle number than those of healthy controls": the vesicles
  ``associated_with`` the patients' condition, with the direction of the first level word
  (their size, number or concentration is how they differ, no outcome of theirs); the
  comparison, when written, must be with controls, and an amount of something else ("showed
  higher levels of ROS") is left to the effect rules.
* :func:`altered_profiles`: "an altered pattern of circulating EVs in SAH patients", "a
  distinct profile of plasma miRNAs in patients with TBI": the vesicles or markers
  ``associated_with`` the condition, no direction.
* :func:`most_abundant`: "Platelet-derived EVs are the most abundant type of EV in the blood
  of patients with TBI", "X was the most abundant miRNA in exosomes from stroke patients":
  ``associated_with`` the condition, no direction.
* :func:`same_in_patients`: "X was markedly reduced in the treated cells, and the same
  phenomenon occurred in D patients (compared with controls)", "a similar trend was observed
  in patients with D": the earlier finding's markers and direction said again of the
  patients' condition (``associated_with`` D with that direction).
* :func:`secreted_upon`: "upon ICH, X is robustly secreted by astrocytes", "X was released
  from neurons after TBI": the marker's level raised in the condition (``associated_with``,
  increased).

The first rule's name starts with "biomarker.level", so its sentence is a level finding and
the effect rules do not read "higher concentration" as something the vesicles raised; the
others leave the rest of their sentence to the other rules ("an altered pattern of EVs in D,
suggesting their role in promoting Y").
"""

from __future__ import annotations

import re

from exokg.extract.base import Analysed, statement
from exokg.extract.epistemics import hedged, negated
from exokg.extract.level_markers import CONTROL, DISEASE, MOLECULAR, VESICLES, UP, \
    level_context, markers_before, population_marker, therapeutic
from exokg.extract.level_words import LEVEL, REGULATED, level_sign
from exokg.model import Entity, Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["SAME", "altered_profiles", "most_abundant", "patient_vesicle_levels",
           "patients_vesicles_differ", "same_in_patients", "secreted_upon"]

_PATIENTS = r"(?:patients|subjects|individuals|cases|survivors|veterans)"
# right after the vesicles: "from (the plasma of) SAH patients", "of patients with D"
_FROM_PATIENTS = re.compile(r"\s*(?:\([^()]{1,15}\)\s*)?(?:(?:derived|isolated|obtained|"
                            r"collected|purified)\s+)?(?:from|of|in)\s+(?:the\s+)?(?:(?:plasma|"
                            r"serum|blood|sera|CSF|cerebrospinal\s+fluid|urine|saliva)\s+"
                            r"(?:samples\s+)?(?:of|from)\s+)?(?:[\w-]+\s+){0,4}?" + _PATIENTS +
                            r"\b(?:\s+with\s+(?:[\w-]+\s+){0,4}[\w-]+)?", re.I)
# what the patients' vesicles had more or less of
_DIFFER = re.compile(r"\b(?:had|showed|exhibited|displayed|presented|were|was)\b[^;]{0,80}?"
                     r"\b(?P<dir>larger|higher|greater|increased|elevated|bigger|smaller|lower|"
                     r"reduced|decreased|fewer)\s+(?:(?:mean|median|average|total|particle)\s+)?"
                     r"(?:size|sizes|diameters?|concentrations?|numbers?|counts?|levels?|"
                     r"amounts?|abundance|density)\b", re.I)
_VERSUS = re.compile(r"\b(?:compared\s+(?:to|with)|than|relative\s+to|versus|vs\.?)\s+"
                     r"(?:(?:those|that|the\s+ones|EVs|vesicles|exosomes)\s+)?(?:(?:from|of|in)"
                     r"\s+)?(?:the\s+)?", re.I)
_NEEDS_DIFFER = Needs(_DIFFER)
# the short forms of control groups: "HC", "HCs", "NC"
_CONTROL_SHORT = re.compile(r"(?:HCs?|NCs?|HVs?)\b")

_PROFILE = re.compile(r"\b(?:altered|different|distinct|abnormal|changed|dysregulated|"
                      r"aberrant|disturbed)\s+(?:\w+\s+)?(?:patterns?|profiles?|composition|"
                      r"signatures?|distributions?|phenotypes?)\s+of\s+(?:the\s+)?", re.I)
_IN_PATIENTS = re.compile(r"\s*(?:in|of|from|among)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?" +
                          _PATIENTS + r"\b(?:\s+with\s+(?:[\w-]+\s+){0,4}[\w-]+)?", re.I)
_NEEDS_PROFILE = Needs(_PROFILE)

_ABUNDANT = re.compile(r"\b(?:is|are|was|were|represent|represents|constitute|constitutes)\s+"
                       r"the\s+most\s+(?:abundant|common|prevalent|frequent|numerous)\s+"
                       r"(?:(?:type|kind|class|population|subtype|species)s?\s+of\s+)?", re.I)
_IN_PATIENTS_LATER = re.compile(r"[^;]{0,80}?\b(?:in|of|from|among)\s+(?:the\s+)?(?:[\w-]+\s+)"
                                r"{0,4}?" + _PATIENTS + r"\b", re.I)
_NEEDS_ABUNDANT = Needs(_ABUNDANT)

# "X is (robustly) secreted by astrocytes", "released from neurons"
_SECRETED = re.compile(r"\b(?:is|are|was|were)\s+(?:(?:\w+ly|also|then)\s+)?(?:secreted|released|"
                       r"shed|produced|exported)\s+(?:by|from|into)\b", re.I)
_UPON = re.compile(r"\b(?:upon|after|following|during|in\s+response\s+to)\s+(?:the\s+)?"
                   r"(?:onset\s+of\s+)?", re.I)
_NEEDS_SECRETED = Needs(_SECRETED)

# "the same phenomenon occurred in", "a similar trend was observed in", "the same was true in"
#: the cue of a finding repeated in a patient group (:func:`same_in_patients` reads it)
SAME = re.compile(r"\b(?:the\s+same|a\s+similar|similar)\s+(?:(?:phenomenon|phenomena|trends?|"
                  r"patterns?|changes?|results?|findings?|tendency|alterations?)\s+)?(?:(?:was|"
                  r"were)\s+(?:also\s+)?(?:observed|found|seen|noted|detected|true|confirmed)|"
                  r"(?:also\s+)?(?:occurred|existed|appeared|held))\s+(?:in|among|for)\s+", re.I)
_NEEDS_SAME = Needs(SAME)
# the earlier finding: "(the expression of) X was (markedly) reduced"
_LEVEL_VERB = re.compile(r"\b(?:was|were|is|are)\s+(?:(?:\w+ly|also)\s+)?"
                         rf"(?P<dir>{LEVEL}|{REGULATED})\b", re.I)

_MARKERS = MOLECULAR | VESICLES


def _body_vesicles(m: Mention) -> bool:
    return m.category in VESICLES and population_marker(m) and not therapeutic(m.entity)


def _disease_in(a: Analysed, start: int, end: int) -> Entity | None:
    named = a.within(start, end, DISEASE)
    return named[0].entity if named else None


def patients_vesicles_differ(a: Analysed) -> list[Statement]:
    """'EVs from D patients had a larger size and a higher concentration (compared to those
    from controls)' (module docs)."""
    if not _NEEDS_DIFFER.may_match(a.text):
        return []
    out: list[Statement] = []
    for v in a.within(0, len(a.text), VESICLES):
        if not _body_vesicles(v):
            continue
        group = _FROM_PATIENTS.match(a.text, v.end)
        disease = _disease_in(a, v.end, group.end()) if group else None
        if disease is None:
            continue
        differ = _DIFFER.search(a.text, group.end())
        if differ is None or re.search(r"[;]", a.text[group.end():differ.start()]):
            continue
        if re.match(r"\s+(?:of|in|within)\b", a.text[differ.end():]):
            continue  # "... showed higher levels of ROS": an amount of something else
        versus = _VERSUS.search(a.text, differ.end())
        if versus is not None and not (CONTROL.match(a.text, versus.end())
                                       or _CONTROL_SHORT.match(a.text, versus.end())):
            continue  # against another patient group: whose condition it is, is not said
        up = differ.group("dir").lower() in UP or differ.group("dir").lower() in (
            "larger", "bigger")
        out.append(statement(a, "biomarker.level-patient-vesicles", v.entity,
                             "biolink:associated_with", disease,
                             direction="increased" if up else "decreased",
                             negated=negated(a.text, group.end(), differ.end()),
                             hedged=hedged(a.text, 0, differ.start()),
                             context=level_context(a, v.start, differ.end())))
    return out


def altered_profiles(a: Analysed) -> list[Statement]:
    """'an altered pattern of circulating EVs in D patients' (module docs)."""
    if not _NEEDS_PROFILE.may_match(a.text):
        return []
    out: list[Statement] = []
    for p in _PROFILE.finditer(a.text):
        named = [m for m in a.within(p.end(), p.end() + 40, _MARKERS)
                 if m.category in MOLECULAR or _body_vesicles(m)]
        if not named:
            continue
        first = min(named, key=lambda m: m.start)
        if re.search(r"[,;]|\b(?:and|or)\b", a.text[p.end():first.start]):
            continue
        group = _IN_PATIENTS.match(a.text, first.end)
        disease = _disease_in(a, first.end, group.end()) if group else None
        if disease is None:
            continue
        out.append(statement(a, "biomarker.profile", first.entity,
                             "biolink:associated_with", disease,
                             negated=negated(a.text, 0, p.end()),
                             hedged=hedged(a.text, 0, p.start()),
                             context=level_context(a, first.start, group.end())))
    return out


def most_abundant(a: Analysed) -> list[Statement]:
    """'X are the most abundant type of EV in the blood of patients with D' (module docs)."""
    if not _NEEDS_ABUNDANT.may_match(a.text):
        return []
    out: list[Statement] = []
    for cue in _ABUNDANT.finditer(a.text):
        before = [m for m in a.within(max(0, cue.start() - 60), cue.start(), _MARKERS)
                  if m.category in MOLECULAR or _body_vesicles(m)]
        if not before:
            continue
        subject = max(before, key=lambda m: m.end)
        if not re.fullmatch(r"\s*(?:\([^()]{1,15}\)\s*)?", a.text[subject.end:cue.start()]):
            continue
        where = _IN_PATIENTS_LATER.match(a.text, cue.end())
        if where is None:
            continue
        tail = re.match(r"\s+with\s+(?:[\w-]+\s+){0,4}[\w-]+", a.text[where.end():])
        end = where.end() + (tail.end() if tail else 0)
        disease = _disease_in(a, cue.end(), end)
        if disease is None:
            continue
        out.append(statement(a, "biomarker.abundant", subject.entity,
                             "biolink:associated_with", disease,
                             negated=negated(a.text, subject.start, cue.end()),
                             hedged=hedged(a.text, 0, cue.start()),
                             context=level_context(a, subject.start, end)))
    return out


def secreted_upon(a: Analysed) -> list[Statement]:
    """'upon D, X is robustly secreted by astrocytes', 'X is released from neurons after D'
    (module docs)."""
    if not _NEEDS_SECRETED.may_match(a.text):
        return []
    out: list[Statement] = []
    for cue in _SECRETED.finditer(a.text):
        before = [m for m in a.within(max(0, cue.start() - 50), cue.start(), _MARKERS)
                  if m.category in MOLECULAR or _body_vesicles(m)]
        if not before:
            continue
        subject = max(before, key=lambda m: m.end)
        if not re.fullmatch(r"\s*(?:\([^()]{1,15}\)\s*)?(?:levels?\s+)?",
                            a.text[subject.end:cue.start()]):
            continue
        disease = None
        # the setting before the subject ("upon D, X is ...") or after the verb's phrase
        lead = list(_UPON.finditer(a.text, 0, subject.start))
        if lead and re.fullmatch(r"[^;.]{0,40}?,\s*", a.text[lead[-1].end():subject.start]):
            disease = _disease_in(a, lead[-1].end(), subject.start)
        if disease is None:
            late = _UPON.search(a.text, cue.end(), cue.end() + 60)
            if late is not None and not re.search(r"[,;]", a.text[cue.end():late.start()]):
                named = [d for d in a.within(late.end(), late.end() + 30, DISEASE)
                         if d.start - late.end() < 12]
                disease = named[0].entity if named else None
        if disease is None:
            continue
        out.append(statement(a, "biomarker.secreted", subject.entity,
                             "biolink:associated_with", disease, direction="increased",
                             negated=negated(a.text, subject.start, cue.end()),
                             hedged=hedged(a.text, 0, cue.start()),
                             context=level_context(a, subject.start, cue.end())))
    return out


def same_in_patients(a: Analysed) -> list[Statement]:
    """'X was reduced in A, and the same phenomenon occurred in D patients' (module docs)."""
    if not _NEEDS_SAME.may_match(a.text):
        return []
    out: list[Statement] = []
    for cue in SAME.finditer(a.text):
        group = re.match(r"(?:[\w-]+\s+){0,4}?" + _PATIENTS + r"\b(?:\s+with\s+(?:[\w-]+\s+)"
                         r"{0,4}[\w-]+)?|" + _PATIENTS + r"\s+with\s+(?:[\w-]+\s+){0,4}[\w-]+",
                         a.text[cue.end():])
        disease = _disease_in(a, cue.end(), cue.end() + group.end()) if group else None
        if disease is None:
            continue
        levels = list(_LEVEL_VERB.finditer(a.text, 0, cue.start()))
        if not levels:
            continue
        verb = levels[-1]
        subjects = markers_before(a, 0, verb.start(), populations=True)
        if not subjects:
            continue
        up = level_sign(verb.group("dir")) > 0
        for subj in subjects:
            out.append(statement(a, "biomarker.level-same", subj.entity,
                                 "biolink:associated_with", disease,
                                 direction="increased" if up else "decreased",
                                 negated=negated(a.text, cue.start(), cue.end()),
                                 hedged=hedged(a.text, 0, cue.start()),
                                 context=level_context(a, cue.end(), cue.end() + group.end())))
    return out


def patient_vesicle_levels(a: Analysed) -> list[Statement]:
    """All readings of this module for one sentence."""
    return (patients_vesicles_differ(a) + altered_profiles(a) + most_abundant(a)
            + same_in_patients(a) + secreted_upon(a))
