"""A role in the treatment or the diagnosis of a disease: "X play a pivotal role in the
treatment of D", "X have a key role in both the diagnosis and therapy of D", "X play an
important role in treating D".

A role named with the use it serves says what X is to the disease, whatever adjective
qualifies the role: a role in the treatment, therapy, management or prevention of D is X
``biolink:beneficial_in_models_for`` D; a role in its diagnosis or detection is X
``biolink:biomarker_for`` D. Both uses named give both statements. The hedge and negation
are the clause's ("may play a role in ..."). A role in the pathogenesis or progression of D
names no use and is left to other rules; a benefit is not read in a sentence about patients
or trials (:data:`exokg.extract.review_benefits.PATIENT_WORK`).
"""

from __future__ import annotations

import re

from exokg.extract.base import Analysed, claim_key, clauses, coordinated
from exokg.extract.benefit_statements import BENEFIT, benefit_statements
from exokg.extract.context import context_for
from exokg.extract.effects import agent_before
from exokg.extract.epistemics import hedged, negated
from exokg.extract.review_benefits import PATIENT_WORK
from exokg.model import Statement
from exokg.text.prefilter import Needs

__all__ = ["treatment_roles"]

_USE = (r"(?:diagnos(?:is|es|tics?)|detection|treatment|therapy|therapies|management|"
        r"prevention|treating|preventing|diagnosing)")
_ROLE = re.compile(r"\b(?:play(?:s|ed|ing)?|ha(?:ve|s|d|ving)|hold(?:s|ing)?|serve(?:s|d)?)\s+"
                   r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?roles?\s+in\s+(?:both\s+)?(?:the\s+)?"
                   rf"(?P<uses>{_USE}(?:\s*(?:,|and|or|as\s+well\s+as)\s+(?:the\s+)?{_USE}){{0,2}})"
                   r"\s+(?:(?:of|for|in)\s+)?(?:the\s+|patients\s+with\s+)?", re.I)
_NEEDS = Needs(_ROLE)
_DIAGNOSIS = re.compile(r"diagnos|detection", re.I)
_TREATMENT = re.compile(r"treat|therap|management|prevent", re.I)
_CONDITIONS = frozenset({"Disease", "Phenotype"})
_INJURY = re.compile(r"injur|damage|trauma", re.I)


def treatment_roles(a: Analysed, found: list[Statement]) -> list[Statement]:
    """The benefit and biomarker statements of a role in the treatment or diagnosis of a
    disease (module docs); none of a claim ``found`` already holds."""
    if not _NEEDS.may_match(a.text):
        return []
    made = {claim_key(s) for s in found}
    out: list[Statement] = []
    for clause in clauses(a.text):
        for m in _ROLE.finditer(a.text, clause.start, clause.end):
            first = [d for d in a.within(m.end(), clause.end, _CONDITIONS)
                     if re.fullmatch(r"(?:[\w-]+\s+){0,2}", a.text[m.end():d.start])
                     and (d.category == "Disease" or _INJURY.search(d.entity.label))][:1]
            agents = agent_before(a, clause, m.start())
            if not first or not agents:
                continue
            diseases = [d.entity for d in coordinated(a, first[0], _CONDITIONS, backwards=False)
                        if d.category == "Disease" or _INJURY.search(d.entity.label)]
            uses = m.group("uses")
            kinds = []
            if _TREATMENT.search(uses) and not PATIENT_WORK.search(a.text):
                kinds.append(("benefit.treatment-role", BENEFIT))
            if _DIAGNOSIS.search(uses):
                kinds.append(("biomarker.diagnosis-role", "biolink:biomarker_for"))
            for rule, predicate in kinds:
                out += benefit_statements(a, rule, [x.entity for x in agents], diseases, made,
                                          hedged=hedged(a.text, clause.start, m.start()),
                                          negated=negated(a.text, clause.start, m.start()),
                                          context=context_for(a, clause),
                                          predicate=predicate, key=claim_key)
    return out
