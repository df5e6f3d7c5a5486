"""The disease of the animals a benefit was shown in: "X alleviated neurological deficits in
post-ischaemic stroke rats", "X has been shown to promote recovery in preclinical models of
cerebral ischaemia".

An effect that helps (an improving verb, a harm lowered, recovery raised) stated of animals
that have a disease says the treatment is beneficial in a model of that disease: the agent of
the effect ``biolink:beneficial_in_models_for`` the disease, with the effect's hedge, negation
and context. The effect itself stays as read (:mod:`exokg.extract.effects`); a disease that is
the direct object of the verb ("alleviated TBI") is read there too.

Two shapes name the animals with the disease: "in post-D <animals>" and "in (the / several)
preclinical (animal / experimental / rodent) models of D". The wider shapes ("in rats with /
after / subjected to D", "D models", "in animal models of D") were measured and left out
(tuning round 13c, docs/benchmarks.md: 2 right statements against 13 the golds do not list);
a disease named only as the cause of the outcome ("stroke-induced deficits") or in patients
is not a model's.
"""

from __future__ import annotations

import re

from exokg.extract.base import Analysed, coordinated, pairs_made
from exokg.extract.benefit_statements import BENEFIT, benefit_statements
from exokg.extract.effects import direction_of
from exokg.extract.polarity import names_good
from exokg.extract.status import is_title
from exokg.model import Entity, Mention, Statement
from exokg.recognise.species import ANIMAL_NOUNS
from exokg.text.prefilter import Needs

__all__ = ["benefits_in_models"]

_ANIMALS = r"(?:" + ANIMAL_NOUNS + r"|rodents)"
_MODIFIERS = r"(?:an?\s+|the\s+)?(?:(?:experimental|focal|acute|chronic|transient|permanent|" \
             r"neonatal|moderate|severe|mild)\s+)*"
# "in (preclinical / animal) models of D", "in rats with / after / subjected to D"
_NAMED_BEFORE = re.compile(r"\bin\s+(?:the\s+|an?\s+)?(?:various\s+|several\s+|different\s+)?"
                           r"preclinical\s+(?:(?:animal|experimental|rodent)\s+)?models?\s+of\s+"
                           + _MODIFIERS + "$", re.I)
# "in post-D rats": the disease names the animals
_IN = re.compile(r"\bin\s+(?:the\s+)?post-?\s*" + _MODIFIERS + "$", re.I)
_ANIMALS_AFTER = re.compile(r"(?:\s*-?\s*(?:model|injured|lesioned|induced))?\s+(?:" + _ANIMALS +
                            r"|(?:animal\s+|rodent\s+)?models?)\b", re.I)
# a title's model: "X Promote Neuroprotection in a (Genetic DBA/2J) Mouse Model of D" (the
# paper's main claim; in a results sentence the wider shape reads too much, see above)
_TITLE_MODEL = re.compile(r"\bin\s+(?:an?\s+|the\s+)?(?:[\w/-]+\s+){0,3}?(?:animal|mouse|murine|"
                          r"rat|rodent|experimental|preclinical)\s+models?\s+of\s+" + _MODIFIERS +
                          "$", re.I)
_NEEDS = Needs(re.compile(r"\b(?:" + _ANIMALS + r"|models?)\b", re.I))
_DISEASES = frozenset({"Disease"})
# the effects that help: an improving verb, or a harm lowered, or a good raised
# (polarity.names_good: "neurological function", not "neuronal dysfunction")
_HELPS = re.compile(r"^effect\.(?:better|down|up)(?:\.|$)")
# a clinical sentence names patients, not a model
_PATIENTS = re.compile(r"\b(?:patients?|participants?|subjects|individuals)\b", re.I)


def _helps(s: Statement) -> bool:
    rule = s.evidence[0].rule
    if not _HELPS.match(rule) or not isinstance(s.object, Entity) or s.negated:
        return False
    if rule.startswith("effect.better"):
        return True
    if s.direction == "decreased":  # a harm lowered (the effect rule's own polarity)
        return direction_of("better", Mention(s.object, 0, 0, s.object.label)) == "decreased"
    return s.direction == "increased" and names_good(s.object.label)


def benefits_in_models(a: Analysed, found: list[Statement]) -> list[Statement]:
    """The benefit statements of the helping effects of ``found`` shown in animals with a
    disease (module docs)."""
    if not found or not _NEEDS.may_match(a.text) or _PATIENTS.search(a.text):
        return []
    helping = [s for s in found if _helps(s)]
    if not helping or len({s.subject.id for s in helping}) > 1:
        return []  # one agent: the animals' disease is that agent's model
    diseases = []
    title = is_title(a.document, a)
    for d in a.within(0, len(a.text), _DISEASES):
        lead = a.text[max(0, d.start - 80):d.start]
        if _NAMED_BEFORE.search(lead) or (_IN.search(lead) and
                                          _ANIMALS_AFTER.match(a.text, d.end)) or \
                title and _TITLE_MODEL.search(lead):
            diseases += coordinated(a, d, _DISEASES, backwards=False)
    effect = helping[0]
    return benefit_statements(a, "benefit.effect-in-model", [effect.subject],
                              [d.entity for d in diseases], pairs_made(found, predicate=BENEFIT),
                              hedged=effect.hedged, context=effect.context)
