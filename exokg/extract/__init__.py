"""Relation extraction: analysed sentences -> statements with evidence.

Rules run per sentence in a fixed order and share a :class:`DocumentState`. Sentence-level
rules that explain a whole sentence (trial design, advantages, biomarker levels and
correlations) keep the generic effect rule from reading the same words a second time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from exokg.extract.absence import extract_absences, note_treatment
from exokg.extract.aim_questions import AIM_QUESTION_RULES, aim_questions
from exokg.extract.aims import AIM_RULES, aim_effects
from exokg.extract.attributed_changes import attributed_changes
from exokg.extract.base import Analysed, DocumentState, pairs_made
from exokg.extract.biomarkers import extract_biomarkers
from exokg.extract.conditions import extract_condition_relations, note_opening_disease
from exokg.extract.claims import extract_advantages, extract_benefit, extract_cargo, \
    extract_component, extract_therapy_for, extract_transfer
from exokg.extract.composed import same_preparation, same_product
from exokg.extract.context import note_study
from exokg.extract.effects import extract_effects, level_findings
from exokg.extract.engineered import engineered_preparations
from exokg.extract.epistemics import capacity_only, cited_capacity
from exokg.extract.given_animals import extract_given_animals
from exokg.extract.group_contrasts import extract_group_contrasts
from exokg.extract.groups import extract_group_levels
from exokg.extract.inclusion_lists import inclusion_lists
from exokg.extract.level_comparisons import compared_groups
from exokg.extract.mechanism_lists import note_agents
from exokg.extract.loss_of_function import without_lost_functions
from exokg.extract.mechanism_phrases import as_mechanisms
from exokg.extract.mediators import through_mediators
from exokg.extract.mirna_disease import extract_mirna_disease, new_pairs
from exokg.extract.model_benefits import benefits_in_models
from exokg.extract.necessity import extract_necessity_and_protection
from exokg.extract.mirna_gene import extract_mirna_gene, new_gene_pairs
from exokg.extract.mediated_effects import extract_mediated_effects, lost_mirna_effects
from exokg.extract.participation import extract_participation
from exokg.extract.properties import extract_properties
from exokg.extract.protection import protection_from_insults
from exokg.extract.status import claim_status, open_question_from, speaks_of_study, \
    states_topic
from exokg.extract.references import resolve_references
from exokg.extract.study_vesicles import enriched_preparations, resolve_study_vesicles
from exokg.extract.regulation import extract_regulation
from exokg.extract.titles import extract_title_benefits
from exokg.extract.title_effects import title_effects
from exokg.extract.benefit_purposes import extract_benefit_purposes
from exokg.extract.discrimination import discriminations
from exokg.extract.definitions import DEFINITION_PREDICATES, is_definition
from exokg.extract.roles import extract_cell_roles
from exokg.extract.review_benefits import extract_review_benefits, without_prognosis_effects
from exokg.extract.review_scope import REVIEW_SCOPE_RULES, review_scope
from exokg.extract.treatment_roles import treatment_roles
from exokg.extract.trial_reports import extract_trial_report, registers_trial, reports_trial
from exokg.extract.trials import extract_trial
from exokg.extract.undone_changes import undone_changes
from exokg.extract.vesicle_qualifiers import without_qualifier_agents
from exokg.model import Entity, Statement
from exokg.text.prefilter import Needs

__all__ = ["Analysed", "DocumentState", "extract_document"]

_PRECLINICAL = re.compile(r"\b(?:mice|mouse|rats?|murine|rodents?|animals?|sheep|pigs?|"
                          r"monkeys?|primates?|models?|piglets?|in\s+vivo|MCAO?|MCAo)\b", re.I)
_MAY_PRECLINICAL = Needs(_PRECLINICAL)
#: rules whose statements a topic or aim sentence keeps (see :func:`_situate`)
_TOPIC_RULES = frozenset({"trial.report"}) | AIM_RULES | AIM_QUESTION_RULES | REVIEW_SCOPE_RULES
_EXCLUSIVE = ("trial.", "advantage.", "biomarker.level", "biomarker.correlation",
              "biomarker.informative", "group.")


def extract_sentence(a: Analysed, state: DocumentState) -> list[Statement]:
    """All statements of one analysed sentence (updates ``state``)."""
    a = resolve_study_vesicles(enriched_preparations(
        resolve_references(same_product(same_preparation(engineered_preparations(a, state),
                                                         state), state), state)), state)
    for m in a.mentions:
        if m.category == "ExosomePreparation":
            state.preparation = m.entity
        elif m.category == "Vesicle":
            state.vesicle = m.entity
    if not state.preclinical and _MAY_PRECLINICAL.may_match(a.text) and \
            _PRECLINICAL.search(a.text):
        state.preclinical = True
    note_treatment(a, state)
    found: list[Statement] = []
    found += extract_trial(a, state)
    found += extract_trial_report(a, state, found)
    found += extract_advantages(a, state)
    found += extract_biomarkers(a, state)
    found += extract_group_levels(a, state)
    found += extract_group_contrasts(a, state)
    found += compared_groups(a, state, found)
    exclusive = any(s.evidence[0].rule.startswith(_EXCLUSIVE) for s in found)
    found += extract_benefit(a, state)
    found += extract_therapy_for(a, state)
    found += extract_title_benefits(a, state, found)
    found += extract_review_benefits(a, state, found)
    found += treatment_roles(a, found)
    found += extract_benefit_purposes(a, state, found)
    found += review_scope(a, state, found)
    found += extract_transfer(a, state)
    found += extract_cargo(a, state)
    found += extract_component(a, state)
    found += extract_regulation(a, state)
    found += new_pairs(found, extract_mirna_disease(a, state))
    # after the miRNA-disease rules: "X as a biomarker and therapeutic target for D" is both
    found += discriminations(a, state, found)
    if not exclusive:
        found += extract_effects(a, state, level_findings(found))
        found = without_lost_functions(a, as_mechanisms(a, through_mediators(a, found)))
        found = undone_changes(a, found)
        found += _new_claims(found, extract_necessity_and_protection(a, state))
        found = protection_from_insults(a, found)
        found += extract_properties(a, found)
        found += extract_absences(a, state, found)
        found += _new_claims(found, extract_given_animals(a))
    found += title_effects(a, found)
    found += attributed_changes(a, found)
    found += benefits_in_models(a, found)
    found += new_gene_pairs(found, extract_mirna_gene(a, state))
    found += aim_effects(a, found)
    found += aim_questions(a, found)
    found += extract_mediated_effects(a, found)
    found = lost_mirna_effects(a, found)
    found += extract_condition_relations(a, state, found)
    found = inclusion_lists(a, state, found)
    found += extract_cell_roles(a, state, found)
    found += extract_participation(a, found)
    found = without_prognosis_effects(without_qualifier_agents(a, found))
    if found and is_definition(a.text):  # a methods rule, not a finding (definitions.py)
        found = [s for s in found if s.predicate not in DEFINITION_PREDICATES]
    note_agents(a, state)
    note_opening_disease(a, state)
    return _situate(a, state, found)


def _new_claims(found: list[Statement], more: list[Statement]) -> list[Statement]:
    """The statements of ``more`` whose subject and object no statement of ``found``
    already relates (another rule read the pair first)."""
    pairs = pairs_made(found)
    return [s for s in more if (s.subject.id, s.object.id) not in pairs]


def _situate(a: Analysed, state: DocumentState, found: list[Statement]) -> list[Statement]:
    """Give the sentence's statements their claim status, and findings without a species or
    model of their own the study's (the animals or patients the document studies). A
    hypothesis or aim in prose asserts nothing, so its statements are hedged ("we aimed to
    evaluate the effects of X on Y" does not claim that X affects Y); a registry record's
    objective fields state what a trial studies and stay as they are. A sentence that only
    names the study's or review's topic (:func:`states_topic`) gives no statement. "can" alone
    does not hedge background (:func:`~exokg.extract.epistemics.capacity_only`), nor "can" or
    "could" alone a sentence that cites its source
    (:func:`~exokg.extract.epistemics.cited_capacity`). A negated
    effect has no direction ("did not reduce Y": no effect on Y was found)."""
    if not found and state.species:  # no statement to situate, no study species to note
        if not state.study_named and speaks_of_study(a.text):
            state.study_named = True
        return []
    status = claim_status(a, state.study_named)
    if speaks_of_study(a.text):
        state.study_named = True
    if status != "background":  # "stroke patients suffer ..." is not the study's population
        note_study(a, state)
    if states_topic(a.text):  # "Here, we investigated the effects of X on Y": no claim,
        # but a trial's aim states what the trial tests in whom (exokg.extract.trial_reports)
        # and an aim states what the study expects (exokg.extract.aims)
        found = [s for s in found if s.evidence[0].rule in _TOPIC_RULES]
        if not found:
            return []
    # "X reduced Y, but whether X improves Z remains unknown": what the clauses before the
    # question state keeps their own status
    question = open_question_from(a.text) if status == "hypothesis" else None
    stated = claim_status(a, state.study_named, question) if question is not None else status
    # whether the sentence's only hedging cue is a capacity that does not hedge it: read
    # once per sentence, and only when a statement is hedged
    hedged = any(s.hedged for s in found)
    cited = hedged and bool(a.sentence.citations and cited_capacity(a.text))
    capacity: bool | None = None
    out = []
    sentence_status = status
    for s in found:
        ctx = s.context
        status = sentence_status
        if question is not None:
            status = stated if _stated_before(a, s, question) else "hypothesis"
        # a review's aim ("This review aims to summarize ...") presupposes what it covers
        if status == "hypothesis" and s.evidence[0].rule in REVIEW_SCOPE_RULES:
            status = "finding"
        if status == "finding" and not ctx.species and not ctx.model and state.species:
            ctx = replace(ctx, species=state.species, model=ctx.model or state.model)
        if s.hedged and not cited and status == "background" and capacity is None:
            capacity = capacity_only(a.text)
        hedge = s.hedged and not (cited or (status == "background" and bool(capacity)))
        # "X did not reduce Y": no effect of X on Y was found, which has no direction
        direction = None if s.negated and s.predicate == "biolink:affects" else s.direction
        out.append(replace(s, status=status, context=ctx, direction=direction, hedged=hedge or (
            status == "hypothesis" and a.document.kind != "registry-record"
            and s.evidence[0].rule != "trial.report")))
    return out


def _stated_before(a: Analysed, s: Statement, end: int) -> bool:
    """True when the object of statement ``s`` is named in ``a.text`` before ``end`` only.
    An object no mention of the sentence names (an open outcome a rule made of several
    words: "cerebral infarct volume", "neuronal and axonal regeneration", "anti-inflammatory
    effects") is found by the first letters of its label's last word."""
    if not isinstance(s.object, Entity):
        return False
    spans = [m.start for m in a.mentions if m.entity.id == s.object.id]
    if not spans and s.object.label.split():
        head = s.object.label.split()[-1].casefold()[:6]
        spans = [m.start() for m in re.finditer(r"\b" + re.escape(head), a.text, re.I)]
    return bool(spans) and max(spans) < end


def extract_document(sentences: Iterable[Analysed]) -> list[Statement]:
    """Statements of one document's analysed sentences, in reading order."""
    analysed = list(sentences)
    # an unlabelled abstract's background ends where it first speaks of the study; one that
    # never does has no implied background
    state = DocumentState(study_named=not any(speaks_of_study(a.text) for a in analysed),
                          trial_report=reports_trial(analysed),
                          trial_registered=registers_trial(analysed))
    out: list[Statement] = []
    for a in analysed:
        out.extend(extract_sentence(a, state))
    return out
