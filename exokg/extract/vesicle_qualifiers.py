"""The vesicle population of a biomarker paper is where the markers were measured, not an agent.

Patient studies measure proteins and miRNAs inside a population of the body's own vesicles:
"NDE biomarkers", "neuron-derived exosome proteins", "levels of X in CNS-enriched exosomes",
"exosomal X", "IL-6 in CSF small EVs", "X within brain-derived EVs". The level statements of
such a sentence are about the cargo X (the level rules keep the vesicles as the statement's
``exo:location`` where they name them); the vesicles neither raise nor lower X, nor affect the
patients' condition. :func:`without_qualifier_agents` drops the effects the generic effect rules
read with such a population as the agent ("NDE ... showed higher levels of X" is not "NDE
increase X") when the level and biomarker rules read the sentence, when the effect's object
is a marker or condition its level statements name, or when the sentence compares levels
between patient groups and the object is a name no vocabulary knows; a
therapeutic preparation (of stem or stromal cells) and any sentence that speaks of a treatment
keep their effects.
"""

from __future__ import annotations

import re

from exokg.extract.level_markers import MOLECULAR, VESICLES, is_sample, therapeutic
from exokg.model import Analysed, Statement
from exokg.text.prefilter import Needs

__all__ = ["without_qualifier_agents"]

# a treatment given in the sentence: then the vesicles may well be the agent
_TREATMENT = re.compile(r"\b(?:treat(?:ed|ment|ing)|administ\w+|inject\w+|transplant\w+|"
                        r"infus\w+|therap\w+|given|received|delivered|intravenous\w*|"
                        r"intranasal\w*|applied)\b", re.I)
# words of a measured level or marker that make a qualifier reading possible at all
_LEVEL_WORDS = re.compile(r"(?:levels?|concentrations?|biomarkers?|markers?|proteins?|cargo|"
                          r"contents?|exosomal|vesicular|within|elevated|higher|lower|"
                          r"increased|decreased|not)\b", re.I)
_NEEDS = Needs(_LEVEL_WORDS)
_PATIENT_GROUPS = re.compile(r"\b(?:patients|subjects|participants|individuals|veterans|"
                             r"controls|those)\s+(?:with|without|who)\b|\bgroups?\s+with\b|"
                             r"\b(?:than|compared\s+(?:with|to))\s+(?:healthy\s+)?controls\b",
                             re.I)
_COMPARED_LEVEL = re.compile(r"\b(?:higher|lower|elevated|increased|decreased|reduced|greater)\s+"
                             r"(?:levels?|concentrations?|amounts?|expression)\b|\bthan\b|"
                             r"\bcompared\s+(?:with|to)\b", re.I)
_LEVEL_RULES = ("biomarker.",)  # the exclusive level rules (exokg.extract._EXCLUSIVE)


def without_qualifier_agents(a: Analysed, found: list[Statement]) -> list[Statement]:
    """``found`` without the effects (``biolink:affects``) whose agent is a vesicle population
    that sentence ``a`` names only as the place of its markers (module docs)."""
    if not any(s.predicate == "biolink:affects" and s.subject.category in VESICLES
               for s in found) or not _NEEDS.may_match(a.text) or not _LEVEL_WORDS.search(a.text):
        return found  # the keyword guard is only a fast path: the condition is the regex
    if _TREATMENT.search(a.text):
        return found
    qualifiers = {m.entity.id for m in a.within(0, len(a.text), VESICLES)
                  if not therapeutic(m.entity) and is_sample(a, m)}
    if not qualifiers:
        return found
    # the sentence is read as a level or biomarker finding: then no effect of the vesicles;
    # else only a level of a named marker read as an effect on it is dropped ("X in microglial
    # exosomes inhibits Y" keeps its effect on Y)
    levels = any(s.evidence[0].rule.startswith(_LEVEL_RULES) for s in found)
    # the markers the sentence names, and the conditions its level statements are about
    # ("X was not increased in either group with D": no effect of the vesicles on D)
    measured = {m.entity.id for m in a.within(0, len(a.text), MOLECULAR)} | {
        getattr(s.object, "id", None) for s in found if s.evidence[0].rule.startswith(
            ("biomarker.", "marker."))}
    # levels compared between patient groups ("in patients with D showed higher levels of X
    # than controls"): an effect on a name no vocabulary knows is that level misread (a
    # recognised process, "these exosomes increased microglial activation", stays)
    compared = bool(_PATIENT_GROUPS.search(a.text)) and bool(_COMPARED_LEVEL.search(a.text))
    return [s for s in found if not (
        s.predicate == "biolink:affects" and s.subject.id in qualifiers and (
            levels or getattr(s.object, "id", None) in measured
            or compared and getattr(s.object, "id", "").startswith("exokg:outcome/")))]
