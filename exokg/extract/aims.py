"""Aims read as aims: what a study sets out to show, as claims with status ``hypothesis``.

A sentence that only names what a study is about ("Here we investigated the effects of X on
Y") asserts nothing (:func:`exokg.extract.status.states_topic`). Two kinds of aim do say what
the study expects, and the graph keeps them as hedged hypotheses rather than as nothing
(docs/graph-model.md, "Claim status"):

* :func:`aim_biomarkers`: markers to be explored "as biomarkers" ("This study aimed to
  investigate the levels of A and B in D patients to explore their potential roles as
  biomarkers") -> each marker ``biolink:biomarker_for`` D;
* :func:`aim_effects`: an evaluative effect of a treatment ("we evaluated the potential
  therapeutic effects of X on the D mice", "To investigate the neuroprotective effect and
  possible mechanism of X after D") -> X ``biolink:beneficial_in_models_for`` D for a
  therapeutic or beneficial effect, X ``biolink:affects`` the outcome an adjective of effect
  names for the others ("neuroprotective": tissue protection, increased).

Both read only a sentence that states an aim; :func:`exokg.extract._situate` keeps their
statements in a topic sentence ("we evaluated the effects of X") and gives them the
sentence's status (hypothesis) and hedge.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exokg.extract.adjectives import ADJECTIVE_LIST, adjective_outcomes
from exokg.extract.base import AGENTS, VESICLES, Analysed, DocumentState, clauses, statement
from exokg.extract.context import context_for
from exokg.extract.level_markers import level_context, names_treatment, study_disease
from exokg.extract.marker_predicates import MARKER_CLASSES, eligible_marker
from exokg.extract.status import states_aim, states_topic
from exokg.model import Entity, Statement
from exokg.text.prefilter import Needs

__all__ = ["AIM_RULES", "aim_biomarkers", "aim_effects"]

#: the rules of this module (a topic sentence keeps their statements)
AIM_RULES = frozenset({"aim.biomarker", "aim.effect", "aim.benefit"})

# an aim: "This study aimed to", "the objective was to", "we investigated / evaluated", an
# infinitive opening the sentence ("To investigate ...")
_AIM = re.compile(r"\b(?:aim(?:s|ed)?\s+(?:was\s+|is\s+)?to|objective\s+(?:was|is)\s+to|"
                  r"purpose\s+(?:was|is)\s+to|sought\s+to|we\s+(?:\w+ly\s+)?(?:investigated|"
                  r"examined|explored|evaluated|assessed|studied|tested)|(?:^|:)\W*(?:herein,?\s+|"
                  r"here,?\s+)?to\s+(?:investigate|explore|evaluate|examine|determine|"
                  r"assess|study|test))\b", re.I)

# "to explore their potential roles as biomarkers", "to evaluate X as a diagnostic biomarker"
_AS_BIOMARKERS = re.compile(r"\b(?:(?:potential|possible|putative|candidate)\s+)?(?:roles?|"
                            r"values?|utility|use|usefulness)\s+as\s+(?:(?:potential|novel|"
                            r"candidate|diagnostic|prognostic|circulating|non-?invasive|"
                            r"(?:and\s+)?(?:diagnostic|prognostic))\s+)*(?:bio)?markers?\b"
                            r"|\bas\s+(?:(?:potential|novel|candidate|diagnostic|prognostic)\s+)+"
                            r"(?:bio)?markers?\b", re.I)
_NEEDS_AIM_BIOMARKERS = Needs(_AS_BIOMARKERS)


def aim_biomarkers(a: Analysed, state: DocumentState) -> list[Statement]:
    """'This study aimed to investigate the levels of A and B in D patients to explore their
    potential roles as biomarkers' -> A and B each ``biomarker_for`` D (the disease the
    sentence names after the aim, else the study's). Only in a sentence stating an aim."""
    if not _NEEDS_AIM_BIOMARKERS.may_match(a.text):  # no cue word: nothing to read
        return []
    cue = _AS_BIOMARKERS.search(a.text)
    aim = _AIM.search(a.text, 0, cue.start()) if cue else None
    if not cue or not aim:
        return []
    markers = [m for m in a.within(aim.end(), cue.start(), MARKER_CLASSES)
               if eligible_marker(a, m)]
    if not markers or names_treatment(a, aim.end(), cue.start(), tuple(markers)):
        return []
    named = a.within(aim.end(), len(a.text), frozenset({"Disease"}))
    disease = named[0].entity if named else study_disease(a, state)
    if disease is None:
        return []
    subjects: dict[str, Entity] = {}
    for m in markers:
        subjects.setdefault(m.entity.id, m.entity)
    ctx = level_context(a, aim.end(), cue.start())
    return [statement(a, "aim.biomarker", e, "biolink:biomarker_for", disease, hedged=True,
                      context=ctx) for e in subjects.values()]


# "the (potential) therapeutic effects of X", "the neuroprotective effect and possible
# mechanism of X": the evaluative noun phrase the aim is about
_BENEFIT_WORDS = r"therapeutic|beneficial|curative|restorative|neurorestorative"
_BENEFIT = re.compile(_BENEFIT_WORDS, re.I)
_EFFECT_OF = re.compile(r"\b(?:(?:potential|possible|putative)\s+)?(?P<adjs>(?:" + _BENEFIT_WORDS +
                        r")|" + ADJECTIVE_LIST + r")\s+(?:effects?|efficacy|benefits?|"
                        r"potentials?|roles?|actions?)\s+(?:and\s+(?:the\s+)?(?:\w+\s+)?"
                        r"mechanisms?\s+)?of\s+(?:the\s+)?", re.I)
# where the agent's phrase ends: "on the ICH mice", "after TBI", "in rats with D"
_AGENT_END = re.compile(r"\s(?:on|in|after|against|following|for|at)\s|[,;]", re.I)
_NEEDS_AIM_EFFECTS = Needs(_EFFECT_OF)


def aim_effects(a: Analysed, found: Sequence[Statement] = ()) -> list[Statement]:
    """'we evaluated the potential therapeutic effects of X on the D mice' -> X
    ``beneficial_in_models_for`` D; 'To investigate the neuroprotective effect of X after
    D' -> X ``affects`` tissue protection, increased (module docs). Only in a sentence that
    states an aim and reports no result (:func:`~exokg.extract.status.states_aim`), for an
    effect phrase after the aim's verb; the agent is the first treatment named after 'of', up
    to the phrase of its setting. A pair ``found`` (the sentence's statements from the other
    rules) already holds is not made again, unless the sentence only names a topic (its other
    statements are then dropped)."""
    if not _NEEDS_AIM_EFFECTS.may_match(a.text) or not states_aim(a.text):
        return []
    aim = _AIM.search(a.text)
    if not aim:
        return []
    # a topic sentence's other statements are dropped where it is situated: none is kept
    made = set() if states_topic(a.text) else {(s.subject.id, getattr(s.object, "id", None))
                                                for s in found}
    out: list[Statement] = []
    for m in _EFFECT_OF.finditer(a.text, aim.end()):
        stop = _AGENT_END.search(a.text, m.end())
        end = stop.start() if stop else len(a.text)
        agents = a.within(m.end(), end, AGENTS)
        if not agents:
            continue
        # "X cells (XC) exosomes": the vesicles named in the phrase are the treatment
        vesicles = [x for x in agents if x.category in VESICLES]
        agent = (vesicles or agents)[0].entity
        ctx = context_for(a, next(c for c in clauses(a.text) if c.start <= m.start() <= c.end))
        adjs = m.group("adjs")
        if _BENEFIT.fullmatch(adjs):
            named = a.within(end, len(a.text), frozenset({"Disease", "DiseaseModel"}))
            disease = named[0].entity if named else None
            if disease is not None and (agent.id, disease.id) not in made:
                out.append(statement(a, "aim.benefit", agent,
                                     "biolink:beneficial_in_models_for", disease, hedged=True,
                                     context=ctx))
            continue
        for outcome, direction in adjective_outcomes(adjs):
            if (agent.id, outcome.id) in made:
                continue
            out.append(statement(a, "aim.effect", agent, "biolink:affects", outcome,
                                 direction=direction, hedged=True, context=ctx))
    return out

