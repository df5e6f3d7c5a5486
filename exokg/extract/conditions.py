"""Relations between two conditions or processes: the background of a paper about a disease.

Abstracts open with what a disease does and what leads to it; neither side is a treatment,
so the effect rules (:mod:`exokg.extract.effects`), which need an agent, read none of it.
Read here, in the phrasings of the field:

* consequence: "D has (long-term) consequences, such as Y"; "D (often) leads to / results in
  Y" with the condition right before the verb (or opening the clause of a coordinated
  predicate: "SCI involves nerve damage and often leads to Y"), read like "cause" below, a
  burden ("results in life-long disability and death") giving nothing; ", leading to Y" is
  not read (too often its subject is a whole clause: "D lacks treatment, leading to Y");
* cause: "D is the most common / a major / one of the main causes of Y", "Y caused by X",
  "X (significantly) contributes to Y", "X and Z are complications of D that contribute to
  Y" (the subject of the relative clause is what the sentence opens with): ``biolink:affects``
  Y, increased (``biolink:associated_with`` when Y is a disease, which is never the object of
  an effect);
* risk: "X is a (major) risk factor of / for D": ``biolink:associated_with``, no direction;
  "X (may) increase / raise the (long-term) risk of (developing) D (such as A and B)": X
  ``biolink:affects`` the risk of each disease (an outcome "risk of D", as a disease is never
  the object of an effect), increased ("reduce / lower the risk": decreased);
* cause by a verb: "D (can / may / often) cause / induce / trigger / exacerbate / promote /
  create Y", "D can increase (the levels of) Y" (when no treatment or other agent is named
  before the verb, and the subject is no act on a molecule, "Overexpression of KDM6B
  enhanced Y"): ``biolink:affects`` Y, increased; a chain of verb phrases keeps the
  subject ("X can increase A, exacerbate B, create C and D, and cause E"); "D induces A and
  B, partially driven by X and Z": X and Z raise A and B; modifiers sharing the last
  member's head are given it ("motor, sensory and autonomic dysfunctions"); "X impedes /
  hinders / prevents / impairs Y", "X is a (major) obstacle / barrier to Y": decreased
  ("limited recovery", "impaired function" are adjectives, not verbs);
* the next verb of the same subject: "X is a key pathological change in D which accelerates
  A and aggravates B" (the relative clause is said of the sentence's subject, however long
  the predicate noun; the second verb after "and" keeps the first one's subject); "the
  formation / development of Y" names Y;
* change without a sign: "D (most notably / markedly) affects / alters / disturbs / perturbs
  Y" with a disease as the subject: ``biolink:affects`` Y, no direction; "the phenotype /
  number / release of V" names the vesicles V; people, numbers and quality of life are no
  object ("stroke affects 15 million people");
* adjective predicates: "X, detrimental to Y", "X is harmful / deleterious for Y" ->
  decreased; "X is essential / crucial / necessary / beneficial for Y" -> increased (no
  treatment, cell, vesicle or molecule named before; "Inhibiting X is essential for Y" is
  an act on X and gives nothing);
* cause after the effect: "Y was due to / attributed to / a consequence of / secondary to X":
  X ``biolink:affects`` Y, increased, or decreased when Y is named as failing ("unsuccessful
  regeneration was due to X", "the failure of / lack of / poor Y");
* feature: "X is one of the main pathologies / a hallmark / a feature of D", "X is a crucial
  pathological change in D", "X and Y are the most destructive pathological responses after
  D", "D (is a
  severe form of stroke) characterized by (high rates of) Y", "Y are commonly observed in
  individuals with D": ``biolink:associated_with`` (D with Y), no direction; the subject of
  "characterized by" is the disease the sentence opens with;
* proposed link: "(aims) to discuss / explore the (possible) link / association /
  relationship between A and B", "a potential association between A and B":
  ``biolink:associated_with``, hedged (an aim or a proposal, never a result);
* association: "X (has been / is) associated with Y", also "frequently / closely associated
  with": ``biolink:associated_with``; "associated with increased / reduced Y" gives the
  direction. Association is not an effect: "EVs ... associated with increased
  neuroinflammation" is not EVs increasing it (the effect rules skip such a change word
  unless the sentence speaks of a treatment given).

Both sides are conditions, pathologies, processes or outcomes: recognised diseases,
phenotypes, processes and outcomes, or an open noun phrase (:func:`open_outcomes`; an
injury no vocabulary knows, "early brain injury", becomes an open condition). A side is a
coordinated run ("A, B and C"); a participle after a comma ("stroke, exacerbating Y") and a
clause after ", and" end it. A condition inside a modifier ("PBI in preterm birth is
associated with", "at 24 h post-stroke") is not the subject. The vesicles of a
sentence may be the subject of an association ("EV subsets, some of which were associated
with Y"). Molecules and miRNAs are left to the biomarker and level rules. "A leading cause of
death and disability (worldwide)" ranks a disease by its burden; that statement, which
nearly every abstract of the field opens with, names no pathology and gives no claim.

The claim's status (mostly ``background``) is given later, as for every statement
(:func:`exokg.extract.claim_status`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from exokg.extract.anaphora import OPENING
from exokg.extract.base import VESICLES, Analysed, Clause, DocumentState, clauses, coordinated, \
    pairs_made, statement
from exokg.extract.context import context_for
from exokg.extract.effect_verbs import RESEARCH_USE
from exokg.extract.epistemics import hedged, negated
from exokg.extract.level_words import LEVEL, level_sign
from exokg.extract.outcomes import open_outcomes, outcome_for_text
from exokg.extract.patient_vesicles import SAME
from exokg.extract.purposes import purpose_at
from exokg.extract.shared_heads import modifiers_sharing_head
from exokg.model import Context, Entity, Mention, Statement
from exokg.recognise.injured_sites import minted_condition
from exokg.text.prefilter import Needs

__all__ = ["SUCH_AS", "extract_condition_relations", "note_opening_disease"]

#: Classes that can stand on either side of a relation between conditions.
SIDES = frozenset({"Disease", "Phenotype", "BiologicalProcess", "Outcome"})
_NO_AGENTS = frozenset({"Vesicle", "ExosomePreparation", "Cell", "MicroRNA", "MicroRNACluster",
                        "Gene", "Protein", "Drug", "HerbalPreparation", "Therapy"})

_BE = r"(?:is|are|was|were|remains?|represents?|constitutes?|has\s+been|have\s+been)"
_CAUSE = re.compile(_BE + r"\s+(?:also\s+)?(?:one\s+of\s+)?(?:a|an|the)?\s*(?:\w+\s+)?"
                    r"(?:leading|major|main|most\s+common|common|primary|principal|"
                    r"important|frequent|predominant)\s+causes?\s+of\s+", re.I)
_RISK = re.compile(_BE + r"\s+(?:also\s+)?(?:one\s+of\s+)?(?:a|an|the)?\s*(?:\w+\s+)?"
                   r"(?:\w+\s+)?risk\s+factors?\s+(?:of|for)\s+", re.I)
_CONSEQUENCES = re.compile(r"\b(?:has|have|had)\s+(?:[\w-]+\s+){0,2}consequences,?\s+"
                           r"(?:such\s+as|including|like)\s+", re.I)
_CONTRIBUTES = re.compile(r"\b(?:\w+ly\s+)?contribut(?:e|es|ed|ing)\s+to\s+(?:the\s+)?", re.I)
_ASSOCIATED = re.compile(r"\b(?:" + _BE + r"\s+)(?:\w+ly\s+)?associated\s+with\s+"
                         rf"(?:an?\s+|the\s+)?(?:(?P<dir>{LEVEL}|enhanced)\s+)?", re.I)
# "Y caused by X"; "D induces A and B, partially driven by X and Z" (the comma's participle is
# said of the objects of the verb before)
_CAUSED_BY = re.compile(r"(?P<comma>,)?\s+(?:(?:\w+ly|in\s+part)\s+)?(?:caused|driven)\s+by\s+",
                        re.I)
_OFTEN = (r"(?:(?:can|may|might|could|will|would|often|frequently|commonly|usually|typically|"
          r"eventually|ultimately|also|further|subsequently|directly|thereby|thus|then)\s+){0,2}")
# "D can cause Y", "Stroke induced distinct EV secretion patterns", "D leads to Y"
_CAUSES = re.compile(r"\b" + _OFTEN + r"(?:cause[sd]?|induce[sd]?|trigger(?:s|ed)?|provoke[sd]?|"
                     r"precipitate[sd]?|exacerbate[sd]?|aggravate[sd]?|worsen(?:s|ed)?|"
                     r"promote[sd]?|accelerate[sd]?|intensif(?:y|ies|ied)|"
                     r"amplif(?:y|ies|ied)|create[sd]?|"
                     # "D often leads to Y", "X results in Y" (finite forms only: ", leading
                     # to Y" after a clause has a whole clause as its subject)
                     r"(?P<lead>lead(?:s)?\s+to|led\s+to|result(?:s|ed)?\s+in)|"
                     # "Reperfusion injury can increase (the) levels of ROS" (a risk is the
                     # risk rule's: "increase the risk of D")
                     r"(?:increase[sd]?|raise[sd]?|elevate[sd]?|enhance[sd]?|heighten(?:s|ed)?)"
                     r"(?!\s+(?:the\s+|their\s+|its\s+)?(?:[\w-]+\s+)?risks?\b)"
                     r"(?:\s+(?:the\s+)?(?:levels?|production|generation|amounts?)\s+of)?)"
                     r"(?!\s+by\b)\s+(?:an?\s+|the\s+)?", re.I)
# "glial scarring impedes axonal regeneration", "X is / poses a major obstacle to Y"
# (past forms that are mostly adjectives, "limited recovery", "impaired function", are left out)
_IMPEDES = re.compile(r"\b" + _OFTEN + r"(?:impede[sd]?|hinder(?:s|ed)?|prevent(?:s|ed)?|"
                      r"impairs?|blocks?|obstruct(?:s|ed)?)(?!\s+by\b)\s+"
                      # "costs hinder the clinical translation of X": a barrier to research
                      r"(?!(?:the\s+|its\s+|their\s+)?" + RESEARCH_USE + r")"
                      r"(?:an?\s+|the\s+)?|(?:" + _BE + r"|presents?|poses?)\s+(?:also\s+)?"
                      # "X present(s) / pose(s) a major obstacle for Y": being one
                      r"(?:one\s+of\s+)?(?:a|an|the)?\s*(?:\w+\s+)?(?:obstacles?|barriers?|"
                      r"impediments?|hindrances?)\s+(?:to|for|of)\s+(?:the\s+)?", re.I)
# "D (may) increase the long-term risk for an athlete to develop Y": the risk of Y
_RISK_CHANGE = re.compile(r"\b" + _OFTEN + r"(?:(?P<up>increase[sd]?|raise[sd]?|elevate[sd]?|"
                          r"heighten(?:s|ed)?|double[sd]?|triple[sd]?|enhance[sd]?)|reduce[sd]?|"
                          r"lower(?:s|ed)?|decrease[sd]?|diminish(?:es|ed)?)\s+(?:the\s+|their\s+|"
                          r"its\s+)?(?:(?:long-term|lifetime|overall|subsequent|future|later)\s+)?"
                          r"risks?\s+(?:of|for)\s+(?:(?:[\w-]+\s+){0,4}?to\s+develop\s+|"
                          r"developing\s+)?", re.I)
# "Y was due to X": the cause after the effect
_DUE_TO = re.compile(r"\s+(?:is|are|was|were|may\s+be|might\s+be|can\s+be)\s+(?:\w+ly\s+)?"
                     r"(?:due\s+to|attribut(?:ed|able)\s+to|(?:a|the)\s+(?:direct\s+)?(?:result|"
                     r"consequence)\s+of|secondary\s+to|owing\s+to)\s+(?:the\s+)?", re.I)
# an effect named as failing: "unsuccessful regeneration was due to X" -> X lowers it
_FAILING = re.compile(r"\b(?:unsuccessful|failed|failing|impaired|poor|limited|insufficient|"
                      r"inadequate|incomplete|defective|abortive|(?:the\s+)?(?:failure|lack|"
                      r"absence|loss|impairment)\s+of)\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.I)
_FAILING_HEAD = re.compile(r"(?:unsuccessful|failed|failing|impaired|poor|limited|insufficient|"
                           r"inadequate|incomplete|defective|abortive|(?:the\s+)?(?:failure|lack|"
                           r"absence|loss|impairment)\s+of)\s+(?:the\s+)?", re.I)
# "(3) to discuss the possible link between A and B", "a potential association between A and
# B": an association the sentence proposes or asks about, never one it found (hedged)
_LINK = re.compile(r"\b(?:(?:to\s+(?:discuss|explore|examine|investigate|determine|assess|evaluate|"
                   r"study|clarify|elucidate|understand|characteri[sz]e|test|review)\s+(?:the\s+)?"
                   r"(?:(?:possible|potential|putative|hypothesi[sz]ed|suspected|proposed)\s+)?)|"
                   r"(?:possible|potential|putative|hypothesi[sz]ed|suspected|proposed)\s+)"
                   r"(?:causal\s+)?(?:links?|associations?|relationships?|relations?|connections?|"
                   r"interplay)\s+between\s+(?:the\s+)?", re.I)
# "IS most notably affects the phenotype of pEVs", "Stroke moderately disturbs platelet
# microvesiculation": a disease changes something without a sign (no direction)
_ALTERS = re.compile(r"\b" + _OFTEN + r"(?:(?:most|more|very)\s+)?(?:\w+ly\s+){0,2}"
                     r"(?:affect(?:s|ed)?|disturb(?:s|ed)?|"
                     r"alter(?:s|ed)?|perturb(?:s|ed)?|influence[sd]?|modulate[sd]?|"
                     r"reshape[sd]?|reprogram(?:s|med)?)(?!\s+by\b)\s+(?:an?\s+|the\s+)?", re.I)
# "glial scars, detrimental to neurological recovery", "X is harmful for Y", "Y, which is
# essential for Z": an adjective that says what the subject does to Y
_ADJECTIVE_TO = re.compile(r"(?:,\s*(?:(?:which|that)\s+(?:is|are|was|were)\s+)?|\s+" + _BE +
                           r"\s+)(?:(?:also|often|highly|very|particularly|especially|\w+ly)"
                           r"\s+)?(?:(?P<down>detrimental|harmful|deleterious|damaging|"
                           r"injurious|toxic|unfavou?rable|adverse|inhibitory)|beneficial|"
                           r"conducive|favou?rable|essential|indispensable|necessary|crucial|"
                           r"critical|vital|required)\s+(?:to|for)\s+(?:the\s+)?", re.I)
# a person, a number or an amount of people is no thing a disease changes ("stroke affects 15
# million people", "affects one in four adults")
_NOT_ALTERED = re.compile(r"^(?:\d|one\b|two\b|millions?\b|many\b|more\b|about\b|"
                          r"approximately\b|nearly\b|over\b|quality\s+of\s+life)|"
                          r"\b(?:people|patients|individuals|persons|adults|children|women|men|"
                          r"survivors|populations?|members|athletes|veterans|soldiers|players|"
                          r"families|society|countries)\b", re.I)
# "Inhibiting the inflammatory response is essential for Y": the subject is an act on the
# condition, not the condition (no claim of the condition is read)
_ACT_ON = re.compile(r"\s*(?:\w+ing)\b", re.I)
# "D affects the phenotype / number / release of pEVs": the vesicles are what the disease
# changes (the aspect names how)
_ASPECT_OF_VESICLES = re.compile(r"\s*(?:the\s+)?(?:[\w-]+\s+)?(?:phenotypes?|numbers?|"
                                 r"composition|release|secretion|profiles?|content|cargo|"
                                 r"sizes?|concentrations?|levels?|counts?|subsets?)\s+of\s+"
                                 r"(?:the\s+)?", re.I)
# ", and aggravates Y" after "which accelerates X": the second verb of the same subject
# "X can increase A, exacerbate B, create C and D, and cause E": a chain of verb phrases of
# one subject, the later ones after a comma alone
_AND_VERB = re.compile(r"(?:(?:,\s*)?(?:and|or)|,)\s+(?:\w+ly\s+)?$", re.I)
# "such as A and B", "including A": the members of the class before (also read by
# exokg.extract.inclusion_lists and exokg.extract.participation)
SUCH_AS = re.compile(r"\s*,?\s*(?:such\s+as|including|like|e\.g\.,?)\s+(?:the\s+)?", re.I)
_AGENT_CLASSES = frozenset({"ExosomePreparation", "Vesicle", "Cell", "MicroRNA",
                            "MicroRNACluster", "Therapy", "Drug", "HerbalPreparation"})
# "Apoptosis is one of the main pathologies of D", "Neuroinflammation is a hallmark of D":
# a pathology or feature of a condition
_FEATURE_OF = re.compile(_BE + r"\s+(?:also\s+)?(?:one\s+of\s+)?(?:a|an|the)?\s*(?:\w+\s+){0,2}?"
                         r"(?:key|main|major|central|common|characteristic|defining|"
                         r"prominent|principal|critical|important|pathological|typical|"
                         r"cardinal)?\s*(?:(?:pathologies|pathology|hallmarks?|features?|"
                         r"characteristics?|manifestations?|pathological\s+(?:features?|"
                         r"changes?|processes?|mechanisms?))\s+of|"
                         # "a crucial pathological change in D", "the most destructive
                         # pathological response after D": a change the disease brings
                         r"(?:pathological|pathophysiological|pathogenic)\s+(?:changes?|"
                         r"responses?|events?|processes?|features?|mechanisms?)\s+"
                         r"(?:in|after|following|during|of))\s+(?:the\s+)?", re.I)
# "D is a severe form of stroke characterized by high rates of Y": D with Y
_CHARACTERIZED = re.compile(r"\b(?:characteri[sz]ed|marked|accompanied)\s+by\s+(?:an?\s+|the\s+)?"
                            r"(?:(?:high|higher|elevated|increased|considerable|substantial|"
                            r"significant|severe|profound|marked|extensive|progressive)\s+"
                            r"(?:rates?\s+of\s+|levels?\s+of\s+)?)?",
                            re.I)
# "Y are commonly observed in individuals with D": Y goes with D
_OBSERVED_IN = re.compile(_BE + r"\s+(?:\w+ly\s+)?(?:observed|seen|found|present|common|"
                          r"frequent|reported)\s+in\s+(?:[\w-]+\s+)?(?:patients|individuals|"
                          r"people|subjects|persons|survivors)\s+(?:with|after|suffering\s+from)"
                          r"\s+(?:an?\s+|the\s+)?", re.I)
# burden words: "a leading cause of death and disability worldwide"
_BURDEN = re.compile(r"^(?:(?:an?\s+)?(?:[\w-]+\s+)?(?:range|spectrum|variety)\s+of\s+)?"
                     r"(?:(?:long-term|severe|adult|childhood|permanent|acquired|high|life-?long|"
                     r"lasting|significant|substantial|considerable|[\w-]+-related)\s+)*"
                     r"(?:death|deaths|mortality|morbidity|disability|disabilities|burden|"
                     r"consequences?)"
                     # "the disability and death of a patient / of survivors"
                     r"(?:\s+(?:of|in|among)\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+)?(?:patients?|"
                     r"survivors?|individuals?|people|persons?|victims?|adults|children))?"
                     r"(?:\s+(?:worldwide|globally|world-wide|around\s+the\s+world|"
                     r"in\s+the\s+world))?$", re.I)
# a change of an amount is the level rules' ("associated with elevations of exosomal tau")
_CHANGE_OF = re.compile(r"^(?:elevations?|increases?|decreases?|reductions?|levels?|changes?|"
                        r"alterations?|concentrations?)\b", re.I)
# a relative pronoun or a partitive before the verb: the subject is further back
_RELATIVE = re.compile(r"(?:\b(?:some|many|most|all|several|one|none)\s+of\s+)?"
                       r"\b(?:which|that|who)\s+(?:\w+ly\s+)?$", re.I)
# a relative clause after a predicate noun ("are two complications of D that")
_PREDICATE_NOUN = re.compile(r"\b(?:is|are|was|were|remains?)\s+(?:(?:[\w-]+|\([^()]{1,20}\))\s+)"
                             r"{0,10}$", re.I)
# a mention right after a preposition or glued to a prefix is a modifier of the subject
_IN_PHRASE = re.compile(r"(?:\b(?:in|of|at|after|following|during|with|for|from|by|on)\s+"
                        r"(?:the\s+|an?\s+)?|-)$", re.I)
# the labels of a background section (exokg.extract.status) may open the sentence
_OPENING = re.compile(r"(?:\W*(?:Background|Introduction|Abstract|Rationale|Context)\W*)?"
                      r"(?:(?:However|Moreover|Furthermore|In\s+addition|Additionally|Notably|"
                      r"Importantly|Yet|Nevertheless|Conversely|Likewise|Similarly),?\s+)?", re.I)


def _side(a: Analysed, start: int, end: int, *, vesicles: bool = False) -> list[Mention]:
    """The coordinated conditions or processes that open ``a.text[start:end]``: recognised
    mentions and open noun phrases, in text order, each at most once (a recognised mention
    before an open phrase over the same words)."""
    classes = SIDES | VESICLES if vesicles else SIDES
    agents = _NO_AGENTS - (VESICLES if vesicles else frozenset())
    found: list[Mention] = []
    # open phrases stop at a bracket: read on after each short form ("Early brain injury
    # (EBI) and cerebral vasospasm")
    for at in [start] + [_JOIN.match(a.text, b.end()).end()
                         for b in _SHORT_FORM.finditer(a.text, start, end)]:
        phrases, named = open_outcomes(a, at, end, agents=agents)
        found += [f for f in phrases if all(f.start != g.start for g in found)]
        # an injury or disease no vocabulary knows ("early brain injury") is a side as well
        found += [Mention(minted_condition(p.label), p.start,
                          p.end, a.text[p.start:p.end], "open-condition") for p in named
                  if all(p.start != g.start for g in found)]
    known = [_qualified(a, m) for m in a.within(start, end, classes)]
    items = known
    items += [f for f in found if not any(m.start < f.end and f.start < m.end for m in items)
              and not _PARTICIPLE.match(f.text) and not _CUT.match(a.text, f.end)
              and not _ENDS_ADJECTIVE.search(f.text)]
    items.sort(key=lambda m: (m.start, m.source))
    if not items or not _LEAD.fullmatch(a.text[start:items[0].start]):
        return []
    run: list[Mention] = [items[0]]
    for m in items[1:]:
        gap = a.text[run[-1].end:m.start]
        if re.fullmatch(r"\s*\(\s*", gap) and re.match(r"\s*\)", a.text[m.end:]):
            continue  # the short form of the one before: "Early brain injury (EBI)"
        if m.start < run[-1].end or not _JOIN.fullmatch(gap):
            if m.start < run[-1].end:
                continue
            break
        if len(run) == 1 and re.fullmatch(r"\s*,\s*(?:and|or)\s+", gap):
            break  # "a cause of death, and anti-inflammatory strategies hold ...": a clause
        run.append(m)
    # "A, B and C" ends with a conjunction ("A, even B" with a focusing adverb); "stroke,
    # exacerbating Y" is no list
    while len(run) > 1 and not re.search(r"\b(?:and|or|even)\b",
                                         a.text[run[-2].end:run[-1].start]) \
            and not re.match(r"\s*,?\s*(?:and|or)\b", a.text[run[-1].end:]):
        run.pop()
    return run


# a time course or severity written before a vocabulary phenotype names a condition of its
# own: "early brain injury" (of SAH), "secondary injury", "chronic inflammation"
_QUALIFIER = re.compile(r"\b(early|delayed|secondary|primary|acute|chronic|mild|moderate|"
                        r"severe|focal|diffuse|global|repetitive|repeated|perinatal|neonatal|"
                        # where an oedema or injury lies: "perihematomal edema"
                        r"peri-?ha?ematomal|peri-?lesional|peri-?infarct|peri-?hemorrhagic|"
                        r"vasogenic|cytotoxic)"
                        r"\s+$", re.I)


def _qualified(a: Analysed, m: Mention) -> Mention:
    """``m``, or an open condition over ``m`` and the qualifier right before it when ``m``
    is a vocabulary phenotype ("early brain injury" holds "brain injury")."""
    q = _QUALIFIER.search(a.text, max(0, m.start - 15), m.start)
    if m.category != "Phenotype" or q is None:
        return m
    text = a.text[q.start(1):m.end]
    label = " ".join(text.split()).lower()
    return Mention(minted_condition(label), q.start(1), m.end,
                   text, "open-condition")


# what may come before the first condition of a side: an article, a short form in
# brackets, up to two modifiers ("long-term neurological disability")
_LEAD = re.compile(r"\s*(?:\(\s*)?(?:(?:the|an?|its|their|both|such|as|[\w-]+)\s+){0,3}",
                   re.I)
# "cerebral ischemia, even infarction and Y", "A and especially B": a focusing adverb before a
# later member
_JOIN = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?(?:,\s*)?(?:and|or|,)?\s*(?:(?:even|especially|"
                   r"particularly|notably|eventually|ultimately)\s+)?(?:the\s+)?", re.I)
# "stroke, exacerbating disease management": a participle opens a clause, not a condition
_PARTICIPLE = re.compile(r"(?!(?:signal+ing|bleeding|swelling|functioning|learning|sprouting|"
                         r"remodel+ing|firing|processing|folding|wiring)\b)\w+ing\b", re.I)
# a phrase cut before its head noun ("coronal midline" of "midline shift") or ending in an
# adjective ("acute axial" of "acute axial and coronal midline shift") names nothing
_CUT = re.compile(r"\s+(?:shift|shifts|switch)\b", re.I)
_ENDS_ADJECTIVE = re.compile(r"(?<!surviv)(?<!potenti)(?<!tri)(?<!sign)(?<!anim)(?<!interv)"
                             r"(?<!remov)(?<!withdraw)(?<!hospit)(?<!materi)(?<!tot)"
                             r"(?:al|ic|ive|ous|ary)$", re.I)
_SHORT_FORM = re.compile(r"\([^()]{1,20}\)")


#: a sentence whose subject is the pronoun "It" (or "This disease / condition / injury"),
#: after an opening adverbial ("Moreover, it often leads to ...")
_PRONOUN_SUBJECT = re.compile(r"\W*" + OPENING + r"(?P<np>it|this\s+(?:disease|disorder|"
                              r"condition|injury|syndrome))\s+(?:\w+ly\s+|can\s+|may\s+|"
                              r"might\s+|could\s+|also\s+|often\s+|further\s+)*", re.I)


#: the verb right after a disease that is the sentence's subject (its short form between)
_SUBJECT_VERB = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?(?:\w+ly\s+)?(?:is|are|was|were|has|"
                           r"have|had|remains?|represents?|constitutes?|affects?|accounts?|"
                           r"occurs?|ranks?|poses?)\b", re.I)


def note_opening_disease(a: Analysed, state: DocumentState) -> None:
    """Remember the disease sentence ``a`` opens with as its subject (what "It results in
    ..." in the next sentence points back at); the document's reading calls it after the
    sentence's rules, as it notes the agents."""
    state.opening_disease = (a.sentence.index, _opening_disease(a))


def _opening_disease(a: Analysed) -> Entity | None:
    """The disease sentence ``a`` opens with as its subject, right before its verb ("Ischemic
    stroke is one of the most common causes of death"; a heading word before it is
    skipped), else None."""
    head = _OPENING.match(a.text).end()
    first = next((m for m in a.mentions if m.start >= head), None)
    if first is None or first.category != "Disease" or a.text[head:first.start].strip() or \
            not _SUBJECT_VERB.match(a.text, first.end):
        return None  # "SCI unsuccessful regeneration was due to ...": a modifier
    return first.entity


def _pronoun_subject(a: Analysed, lo: int, at: int, previous: tuple[int, Entity | None]
                     ) -> list[Mention]:
    """"It results in Y" opening the sentence right after one whose subject was a disease
    ("Ischemic stroke is one of the most common causes of death. It results in serious
    neurological dysfunction"): that disease, as a mention over the pronoun; else none."""
    index, disease = previous
    if disease is None or index != a.sentence.index - 1 or lo != 0:
        return []
    m = _PRONOUN_SUBJECT.fullmatch(a.text, 0, at)
    if m is None:
        return []
    return [Mention(disease, m.start("np"), m.end("np"), m.group("np"), "reference")]


def _subject_before(a: Analysed, lo: int, at: int, *, vesicles: bool = False
                    ) -> list[Mention]:
    """The conditions that are the subject of a verb at ``at``: the coordinated run of
    conditions ending right before it (brackets with a short form and "have been" between),
    or, after a relative pronoun ("..., some of which were", "complications of D that
    contribute"), the run the sentence opens with (vesicles with ``vesicles``: the nearest
    vesicle mention)."""
    before = a.text[lo:at]
    rel = _RELATIVE.search(before)
    classes = SIDES | VESICLES if vesicles else SIDES
    head = _OPENING.match(a.text, lo).end()
    if rel:
        if vesicles:
            ves = a.within(lo, lo + rel.start(), VESICLES)
            if ves:
                return [ves[-1]]
        if _PREDICATE_NOUN.search(a.text, lo, lo + rel.start()):
            # "X and Y are two complications of D that contribute to Z": the sentence's
            # subject is what the relative clause is said of
            return _side(a, head, lo + rel.start())
        at = lo + rel.start()  # "proteins that are associated with Y": the noun before
    known = [m for m in a.within(lo, at, classes)
             if _BEFORE_VERB.fullmatch(a.text, m.end, at)]
    if known and _IN_PHRASE.search(a.text, lo, known[-1].start):
        # "PBI in preterm birth is associated with", "MLS at 24 h post-stroke were": the
        # condition in a modifier is not the subject; the clause's opening condition is
        run = _side(a, head, at)
        return run if run and run[0].start - head < 20 else []
    if known:
        return _run_back(a, coordinated(a, known[-1], classes, backwards=True))
    # an open phrase ending right before the verb: read it from the clause start
    head = _OPENING.match(a.text, lo).end()
    run = _side(a, head, at)
    if run and _BEFORE_VERB.fullmatch(a.text, run[-1].end, at):
        return run
    return []


# what may stand between a subject and its verb: a short form, the people it strikes ("mild
# TBI (mTBI) in athletes can cause"), an adverb
_BEFORE_VERB = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?(?:(?:in|among)\s+(?:[\w-]+\s+){0,2}?"
                          r"(?:athletes|patients|children|adults|individuals|people|humans|"
                          r"survivors|players|veterans|infants|neonates|newborns|the\s+elderly|"
                          r"older\s+adults|women|men)\s+)?(?:\w+ly\s+)?", re.I)


_WORD_START = re.compile(r"(?<![\w-])[\w-]")


def _phrase_before(a: Analysed, lo: int, at: int) -> list[Mention]:
    """The open noun phrase that ends right before ``at`` (up to four words back; the
    longest that opens with neither a verb form in -ing nor a stop word)."""
    starts = [m.start() for m in _WORD_START.finditer(a.text, lo, at)][-4:]
    best: list[Mention] = []
    for s in reversed(starts):
        if re.match(r"(?:\w+ing|of)\b", a.text[s:]):
            break
        phrases, _ = open_outcomes(a, s, at, agents=_NO_AGENTS)
        if phrases and phrases[0].start == s and not a.text[phrases[-1].end:at].strip():
            best = phrases[-1:]
    return best


# "SCI involves nerve damage and often leads to Y": the verb before "and" follows the subject
_FIRST_VERB = re.compile(r"\)?\s*(?:\([^()]{1,20}\)\s*)?(?:\w+ly\s+)?(?:is|are|was|were|has|have|"
                         r"[a-z]{3,}(?:s|ed))\s", re.I)
# a comma or a relative pronoun between: the verb may have another subject
_CLAUSE_BETWEEN = re.compile(r",|\b(?:that|which|who|whose|where|when)\b", re.I)
_AND_BEFORE = re.compile(r"\s(?:and|but)\s+" + _OFTEN + r"$", re.I)


def _opening_subject(a: Analysed, lo: int, at: int) -> list[Mention]:
    """The conditions a clause opens with when the verb at ``at`` is the second predicate of
    a coordinated pair ("SCI involves nerve damage and often leads to Y": SCI); else none."""
    if not _AND_BEFORE.search(a.text, lo, at):
        return []
    run = _side(a, _OPENING.match(a.text, lo).end(), at)
    verb = next((i for i, m in enumerate(run) if _FIRST_VERB.match(a.text, m.end)), None)
    if verb is None or _CLAUSE_BETWEEN.search(a.text, run[verb].end, at):
        return []
    # a named condition ("Considerable efforts have been made ... and promote Y": no subject)
    return [m for m in run[:verb + 1] if m.source != "open-outcome"]


def _objects_after(a: Analysed, start: int, end: int, *, burden: bool = True
                   ) -> list[Mention]:
    """The conditions or processes a relation points to, opening ``a.text[start:end]``
    (without the burden words of a ranking, "death and disability", with ``burden=False``)."""
    onset = _ONSET_OF.match(a.text, start)  # "accelerates the formation of edema": the edema
    start = onset.end() if onset else start
    degrees = _DEGREES.match(a.text, start)  # "complete or partial sensory dysfunction"
    return [m for m in modifiers_sharing_head(_side(a, degrees.end() if degrees else start, end))
            if (burden or not _BURDEN.match(m.entity.label))
            and not _CHANGE_OF.match(m.entity.label)]


# alternative degrees before what a condition leads to ("complete or partial sensory and
# motor dysfunction", "transient or permanent deficits"): the condition's degree, no object
_DEGREE = r"(?:complete|partial|total|severe|mild|moderate|permanent|transient|temporary)"
_DEGREES = re.compile(r"\s*(?:an?\s+|the\s+)?" + _DEGREE + r"\s+(?:or|and|and/or)\s+" +
                      _DEGREE + r"\s+", re.I)


# the coming into being of a condition names the condition: "the formation of perihematomal
# edema", "the development of glial scars", "the occurrence of secondary injury", "leads to
# the production of DAMPs"
_ONSET_OF = re.compile(r"\s*(?:the\s+)?(?:formation|development|occurrence|onset|emergence|"
                       r"appearance|generation|production|release|accumulation)\s+of\s+", re.I)
# "inflammation and nerve cell apoptosis": a later member may carry up to two modifiers
_COORD_GAP = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or)\s+(?:[\w-]+\s+){0,2}", re.I)


def _run_back(a: Analysed, run: list[Mention]) -> list[Mention]:
    """``run`` with the conditions coordinated before its first member when that member
    carries modifiers ("Uncontrollable inflammation and nerve cell apoptosis")."""
    while run:
        before = [m for m in a.within(0, run[0].start, SIDES) if m.end <= run[0].start]
        if not before or not _COORD_GAP.fullmatch(a.text, before[-1].end, run[0].start) or \
                any(m.start > before[-1].end and m.end <= run[0].start
                    for m in a.within(before[-1].end, run[0].start, _NO_AGENTS)
                    if m.category not in ("Cell",)):
            return run
        run = [before[-1]] + run
    return run


_NEEDS_RELATION = Needs(_CAUSE, _RISK, _CONSEQUENCES, _CONTRIBUTES, _ASSOCIATED, _CAUSED_BY,
                        _FEATURE_OF, _CHARACTERIZED, _OBSERVED_IN, _CAUSES, _IMPEDES,
                        _RISK_CHANGE, _DUE_TO, _LINK, _ALTERS, _ADJECTIVE_TO)


#: each pattern with its own keyword test: only the patterns a sentence may match are run
_NEEDS_EACH = tuple((p, Needs(p)) for p in (
    _CAUSE, _RISK, _CONSEQUENCES, _CONTRIBUTES, _ASSOCIATED, _CAUSED_BY, _FEATURE_OF,
    _CHARACTERIZED, _OBSERVED_IN, _CAUSES, _IMPEDES, _RISK_CHANGE, _DUE_TO, _LINK, _ALTERS,
    _ADJECTIVE_TO))


def _lazy_context(a: Analysed, clause: Clause) -> Callable[[], Context]:
    """A function giving ``context_for(a, clause)``, computed once and only when a statement
    of the clause is made."""
    cache: list[Context] = []

    def get() -> Context:
        if not cache:
            cache.append(context_for(a, clause))
        return cache[0]
    return get


def _with_members(a: Analysed, run: list[Mention], end: int) -> list[Mention]:
    """``run`` and the members named after it ("neurodegenerative diseases such as A and
    B")."""
    if not run:
        return run
    m = SUCH_AS.match(a.text, run[-1].end)
    return run + _side(a, m.end(), end) if m else run


def _risk_of(y: Mention) -> Mention:
    """An outcome "risk of Y" over the mention of ``y`` (the risk of a disease is what
    changes; the disease itself is never the object of an effect)."""
    return Mention(outcome_for_text(f"risk of {y.entity.label}"), y.start, y.end, y.text,
                   "open-outcome")


def _failing(a: Analysed, lo: int, y: Mention) -> Mention | None:
    """``y`` without the word that names it as failing ("poor axonal regrowth": the
    regrowth), when a failing word opens it or stands right before it; else None."""
    inside = _FAILING_HEAD.match(y.text)
    if inside and inside.end() < len(y.text):
        rest = y.text[inside.end():]
        return Mention(outcome_for_text(rest), y.start + inside.end(), y.end, rest,
                       "open-outcome")
    return y if _FAILING.search(a.text, lo, y.start) else None


# an open phrase that opens with a conjunction or a verb is no condition: "Although limited
# recovery ...", "results in A and lacks effective treatment options"
_NOT_A_SIDE = re.compile(r"(?:although|though|while|whereas|when|if|because|since|as|lacks?|"
                         r"has|have|is|are|was|were|remains?|shows?|needs?|requires?|"
                         # a pronoun stands for something named before, no condition
                         r"they|it|these|those|this|we|"
                         # the next verb of a coordinated predicate: "X and aggravates Y"
                         r"(?:\w+ly\s+)?(?:accelerates|aggravates|causes|induces|triggers|"
                         r"provokes|exacerbates|worsens|promotes|impairs|impedes|hinders|"
                         r"prevents|blocks|affects|disturbs|alters|inhibits|suppresses|reduces|"
                         r"increases|decreases|enhances|leads|results|contributes))\b", re.I)


def _sides(mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without the open phrases that are no condition (:data:`_NOT_A_SIDE`)."""
    return [m for m in mentions if not m.source.startswith("open") or
            not _NOT_A_SIDE.match(m.text)]  # a named "IS" (ischemic stroke) is a side


def _vesicles_changed(a: Analysed, start: int, end: int) -> list[Mention]:
    """The vesicles named in an aspect that opens ``a.text[start:end]`` ("the phenotype of
    pEVs"), with the vesicles coordinated with them; else nothing."""
    m = _ASPECT_OF_VESICLES.match(a.text, start, end)
    found = a.within(m.end(), end, VESICLES) if m else []
    if not found or found[0].start != m.end():
        return []
    return coordinated(a, found[0], VESICLES, backwards=False)


def _names_agent(a: Analysed, start: int, end: int) -> bool:
    """True when a treatment, cell, vesicle or molecule is named in ``a.text[start:end]``."""
    return bool(a.within(start, end, _AGENT_CLASSES))


def extract_condition_relations(a: Analysed, state: DocumentState,
                                found: list[Statement]) -> list[Statement]:
    """Relations between conditions or processes in sentence ``a`` (see the module docs),
    leaving out pairs that ``found`` (the sentence's other statements) already relates."""
    previous = state.opening_disease  # the sentence before's (note_opening_disease)
    if not _NEEDS_RELATION.may_match(a.text):  # no verb of a relation: nothing to read
        return []
    live = {p for p, needs in _NEEDS_EACH if needs.may_match(a.text)}
    out: list[Statement] = []
    have = pairs_made(found)

    def add(rule: str, subjects: list[Mention], predicate: str, objects: list[Mention],
            direction: str | None, clause_start: int, at: int, ctx, *, hedge: bool = False
            ) -> None:
        for x in subjects:
            for y in objects:
                if x.entity.id == y.entity.id or (x.entity.id, y.entity.id) in have:
                    continue
                have.add((x.entity.id, y.entity.id))
                # a disease is never the object of biolink:affects (docs/graph-model.md):
                # "stroke is a leading cause of neurological disorders" relates the two
                disease = predicate == "biolink:affects" and y.category == "Disease"
                out.append(statement(a, f"condition.{rule}", x.entity,
                                     "biolink:associated_with" if disease else predicate,
                                     y.entity, direction=None if disease else direction,
                                     negated=negated(a.text, clause_start, at),
                                     hedged=hedge or hedged(a.text, clause_start, at),
                                     context=ctx()))

    for clause in clauses(a.text):
        lo, hi = clause.start, clause.end
        ctx = _lazy_context(a, clause)
        for pattern, rule, predicate, direction in (
                (_CAUSE, "cause", "biolink:affects", "increased"),
                (_RISK, "risk", "biolink:associated_with", None),
                (_CONSEQUENCES, "consequence", "biolink:affects", "increased"),
                (_CONTRIBUTES, "contributes", "biolink:affects", "increased")):
            for m in (pattern.finditer(a.text, lo, hi) if pattern in live else ()):
                subjects = _pronoun_subject(a, lo, m.start(), previous) or \
                    _subject_before(a, lo, m.start())
                if subjects:
                    add(rule, subjects, predicate,
                        _objects_after(a, m.end(), hi, burden=rule != "cause"), direction,
                        lo, m.start(), ctx)
        last: tuple[int, list[Mention]] = (-1, [])  # the last verb's end and subjects
        caused: list[Mention] = []  # the objects of the last verb of a cause
        for pattern, rule, direction in ((_CAUSES, "causes", "increased"),
                                         (_IMPEDES, "impedes", "decreased"),
                                         (_ALTERS, "alters", None)):
            for m in (pattern.finditer(a.text, lo, hi) if pattern in live else ()):
                if _names_agent(a, lo, m.start()):  # a treatment acts: the effect rules'
                    continue
                subjects = _pronoun_subject(a, lo, m.start(), previous) or \
                    _sides(_subject_before(a, lo, m.start()))
                if not subjects and last[1] and last[0] < m.start() and \
                        _AND_VERB.search(a.text, last[0], m.start()):
                    subjects = last[1]  # "which accelerates X and aggravates Y"
                if not subjects and pattern is not _ALTERS:
                    subjects = _sides(_opening_subject(a, lo, m.start()))
                if any(a.within(x.start, x.end, _NO_AGENTS) for x in subjects):
                    continue  # "Overexpression of KDM6B enhanced Y": an act on a molecule
                if pattern is _ALTERS:  # only a disease changes something without a sign
                    subjects = [x for x in subjects if x.category == "Disease"]
                if subjects:
                    # "results in life-long disability and death", "causes ... high
                    # mortality" rank a burden
                    objects = _sides(_with_members(a, _objects_after(
                        a, m.end(), hi, burden=pattern is not _CAUSES), hi))
                    if pattern is _ALTERS:
                        objects = [y for y in objects if not _NOT_ALTERED.search(y.text)] \
                            or _vesicles_changed(a, m.end(), hi)
                    add(rule, subjects, "biolink:affects", objects, direction, lo, m.end(), ctx)
                    last = (m.end(), subjects)
                    caused = objects if rule == "causes" else caused
        for m in (_ADJECTIVE_TO.finditer(a.text, lo, hi) if _ADJECTIVE_TO in live else ()):
            if _names_agent(a, lo, m.start()) or \
                    _ACT_ON.match(a.text, _OPENING.match(a.text, lo).end()):
                continue
            to = re.search(r"\bto\s+$", m.group())
            if to and purpose_at(a.text, m.start() + to.start()):
                continue  # "necessary to minimize damage": a purpose (exokg.extract.purposes)
            subjects = _sides(_subject_before(a, lo, m.start()))
            if not subjects and a.text[m.start()] == ",":  # "glial scars, detrimental to Y"
                subjects = _phrase_before(a, lo, m.start())
            if subjects:
                add("adjective", subjects, "biolink:affects",
                    _sides(_objects_after(a, m.end(), hi)),
                    "decreased" if m.group("down") else "increased", lo, m.end(), ctx)
        for m in (_RISK_CHANGE.finditer(a.text, lo, hi) if _RISK_CHANGE in live else ()):
            if _names_agent(a, lo, m.start()):
                continue
            subjects = _sides(_subject_before(a, lo, m.start()))
            if subjects:
                objects = _sides(_with_members(a, _side(a, m.end(), hi), hi))
                add("risk-change", subjects, "biolink:affects", [_risk_of(y) for y in objects],
                    "increased" if m.group("up") else "decreased", lo, m.end(), ctx)
        for m in (_DUE_TO.finditer(a.text, lo, hi) if _DUE_TO in live else ()):
            objects = [o for o in a.within(lo, m.start(), SIDES)
                       if not a.text[o.end:m.start()].strip()] or _phrase_before(a, lo, m.start())
            causes = _sides(_side(a, m.end(), hi))
            if objects and causes and not _names_agent(a, lo, hi):
                failing = _failing(a, lo, objects[-1])
                add("due-to", causes, "biolink:affects", [failing or objects[-1]],
                    "decreased" if failing else "increased", lo, m.start(), ctx)
        for m in (_LINK.finditer(a.text, lo, hi) if _LINK in live else ()):
            run = _sides(_side(a, m.end(), hi))
            if len(run) == 2 and re.fullmatch(r"\s*(?:\([^()]{1,20}\)\s*)?and\s+(?:the\s+)?",
                                              a.text[run[0].end:run[1].start]):
                add("link", run[:1], "biolink:associated_with", run[1:], None, lo, m.end(), ctx,
                    hedge=True)
        for m in (_ASSOCIATED.finditer(a.text, lo, hi) if _ASSOCIATED in live else ()):
            subjects = _subject_before(a, lo, m.start(), vesicles=True)
            if not subjects:
                continue
            word = m.group("dir")
            direction = None if not word else "increased" if level_sign(word) > 0 else "decreased"
            add("associated", subjects, "biolink:associated_with",
                _objects_after(a, m.end(), hi), direction, lo, m.start(), ctx)
        for m in (_FEATURE_OF.finditer(a.text, lo, hi) if _FEATURE_OF in live else ()):
            subjects = _subject_before(a, lo, m.start())
            if subjects:
                add("feature-of", subjects, "biolink:associated_with",
                    _objects_after(a, m.end(), hi), None, lo, m.start(), ctx)
        for m in (_CHARACTERIZED.finditer(a.text, lo, hi) if _CHARACTERIZED in live else ()):
            subjects = [x for x in _side(a, _OPENING.match(a.text, lo).end(), m.start())
                        if x.category == "Disease"][:1]
            if subjects:
                add("characterized-by", subjects, "biolink:associated_with",
                    _objects_after(a, m.end(), hi), None, lo, m.start(), ctx)
        for m in (_OBSERVED_IN.finditer(a.text, lo, hi) if _OBSERVED_IN in live else ()):
            if SAME.search(a.text, lo, m.end()):
                continue  # "a similar trend was observed in patients with D": the level rule's
            objects = _subject_before(a, lo, m.start())
            diseases = [d for d in _side(a, m.end(), hi) if d.category == "Disease"]
            if objects and diseases:
                add("observed-in", diseases, "biolink:associated_with", objects, None, lo,
                    m.start(), ctx)
        for m in (_CAUSED_BY.finditer(a.text, lo, hi) if _CAUSED_BY in live else ()):
            objects = [o for o in a.within(lo, m.start(), SIDES)
                       if not a.text[o.end:m.start()].strip()]
            if not objects:
                objects = _phrase_before(a, lo, m.start())
            if m.group("comma") and caused and caused[-1].end == m.start():
                objects = caused  # "D induces A and B, partially driven by X": A and B
            elif objects:
                objects = objects[-1:]
            if objects:
                add("caused-by", _side(a, m.end(), hi), "biolink:affects", objects,
                    "increased", lo, m.start(), ctx)
    return out
