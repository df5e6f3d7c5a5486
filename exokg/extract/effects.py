"""Effects of a treatment on an outcome: "X improved functional recovery", "X reduced infarct
volume", "expression of VEGF was increased (after X)", "led to enhancement of ...".

Triggers are verbs, their nominalisations and adjectives of change, in four kinds:

* ``up``: increase, enhance, promote, augment, boost, elevate, stimulate, upregulate,
  accelerate, facilitate, strengthen, potentiate, foster, higher, greater, faster,
  contribute to, hasten;
* ``down``: decrease, reduce, attenuate, inhibit, suppress, prevent, diminish, lower,
  downregulate, mitigate, block, limit, restrict, lessen, shrink, eliminate, abolish,
  abrogate, fewer, smaller, dampen, interfere with;
* ``better``: improve, ameliorate, alleviate, restore, preserve, rescue, protect, benefit,
  reverse ("reversed the axonal loss"), ease ("eases the decline of"),
  provide / confer (neuro)protection, have / exert (neuro)protective effects; also the noun
  phrasings "a positive / beneficial effect of X on Y" and "X has a positive effect on Y";
* ``worse``: exacerbate, worsen, aggravate, impair, deteriorate;
* ``change``: alter, affect, influence, modulate (no direction; "did not alter infarct
  volume", "modulated microglial polarisation").

An object followed by a noun of its decline ("prevented neurogenesis decline", "eased the
memory impairment") is what the trigger keeps up: preventing or easing its decline raises it
(:func:`decline_reading`).

An agent named for what it does ("X as a modulator of Y", "X acts as a potent inhibitor of
Y", "a negative regulator of GENE") changes Y as the noun says (:func:`_agent_nouns`); a
nominal mechanism list that names no agent ("Reported mechanisms include inhibition of A;
promotion of B") takes the one of the sentence before (:mod:`exokg.extract.mechanism_lists`).
What is set aside ("instead of X", "rather than X") is no object.

"X facilitates / mediates intercellular communication" is ``biolink:participates_in``: the
agent takes part in the communication rather than raising an amount of it.

The direction of the claim combines the trigger with the object: ``better`` raises a
desirable outcome (recovery, neurogenesis) and lowers an adverse one (injury, deficits,
infarct volume), ``worse`` does the opposite. The subject is the nearest treatment mention
before an active trigger (with the mentions coordinated with it), or the agent introduced
after a passive one ("was increased following delivery of X"); a clause without one takes
the subject of the previous clause of the sentence. "A or B ... led to C or D, respectively"
pairs the alternatives in order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from exokg.extract.anaphora import anaphoric_agents
from exokg.extract.adjectives import TISSUE_PROTECTION, is_effect_adjective
from exokg.extract.base import AGENTS, EFFECT_OBJECTS, MIRNAS, VESICLES, Analysed, Clause, \
    DocumentState, clauses, coordinated, is_preclinical, statement
from exokg.extract.context import context_for
from exokg.extract.contrasts import SET_ASIDE, elliptic_denials
from exokg.extract.counted_cells import counted_cells, without_counted_parts
from exokg.extract.effect_verbs import MORE_STEMS, NOT_MORE
from exokg.extract.epistemics import hedged, negated
from exokg.extract.limitations import MAY_LIMITATION, in_limitation
from exokg.extract.mechanism_lists import list_agents, list_hedged
from exokg.extract.outcomes import MOLECULE_EVENT_HEADS, head_of, is_weak, open_outcomes
from exokg.extract.polarity import is_adverse, names_harm
from exokg.extract.process_lists import shared_process_modifier
from exokg.extract.regulation import as_regulation
from exokg.extract.shared_heads import shared_heads
from exokg.extract.verb_phrases import is_linked_object
from exokg.ids import mint
from exokg.model import Context, Entity, Mention, Statement
from exokg.recognise.inhibitors import LOSS_NOUNS
from exokg.text.prefilter import Needs, Starts

_STEMS = {
    "up": r"increas|enhanc|promot|augment|boost|elevat|stimulat|up-?regulat|accelerat|"
          r"facilitat|strengthen|potentiat|foster|higher|greater|induc|faster|quicker|"
          r"contribut(?=[a-z]*\s+to\b)|hasten",
    # "the ferroptosis suppressors GPX4 and FTH1" names the molecules ("a suppressor of Y"
    # still lowers Y)
    "down": r"decreas|reduc|attenuat|inhibit|suppress(?!ors?\b(?!\s+of\b))|prevent|diminish|"
            r"lower|down-?regulat|"
            r"mitigat|block|limit|restrict(?!ed\s+to\b)|lessen|shrink|shr[au]nk|fewer|smaller|"
            r"eliminat|abolish|abrogat"
            # "dampened the expression of Y", "interfered with Y signalling"
            r"|dampen|interfer(?:e|es|ed|ing)\s+with(?:in)?\b"
            # "less brain swelling" (a noun follows), not "less effective", "less than"
            r"|less(?=\s+(?!than\b)(?![a-z]+(?:ive|ful|ent|ant|able|ible|ous|ic|al|ly|ed)\b)[a-z])",
    "better": r"improv|amelior|alleviat|restor|preserv|rescu|protect|benefit|revers(?=e|ed|es|ing)|"
              # "eases the decline of ..." (not "disease", not "ease of isolation")
              r"eas(?=es?\s+(?!of\b)|ed\s|ing\s)|"
              # "provides / confers (significant) neuroprotection": giving protection
              # "exert neuroprotection against Y", "offers robust neuroprotection"
              r"(?:provid|confer|exert|offer)(?=[a-z]*\s+(?:\w+\s+)?[\w-]*protection\b)|"
              r"(?:provid|confer)(?=[a-z]*\s+(?:\w+\s+)?[\w-]*protect)|"
              # "have / exert (preventive) neuroprotective effects": protection is had
              r"(?:ha(?=ve|s|d)|exert|exhibit|display)(?=[a-z]*\s+(?:[\w-]+\s+){0,2}"
              r"[\w-]*protective\s+(?:effects?|propert(?:y|ies))\b)",
    "worse": r"exacerbat|worsen|aggravat|impair|deteriorat",
    # no direction: mostly seen negated ("did not alter infarct volume")
    # "modulate microglial activation": a change the text gives no direction for
    # "by regulating neuroinflammation", "could regulate EC functions": regulation without a
    # sign ("up-/down-regulate" are read above)
    "change": r"alter|affect|influenc|modulat(?=e|es|ed|ing|ion)|"
              # "shifted microglia toward M2", "by skewing macrophage polarization" (verbs
              # only: "midline shift" is a measure)
              r"shift(?=ed\b|ing\b)|skew(?=ed\b|ing\b)|"
              r"(?<!negatively\s)(?<!positively\s)regulat(?=e\b|es\b|ed\b|ing\b)",
}
# verbs of causing and hindering (exokg.extract.effect_verbs) join the core stems
_STEMS = {k: f"{v}|{MORE_STEMS[k]}" if k in MORE_STEMS else v for k, v in _STEMS.items()}
_TRIGGER = re.compile(r"(?<![-\w])(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _STEMS.items())
                      + r")[a-z]*", re.I)
_TRIGGERS_AT = Starts(_TRIGGER)  # its matches, tried only where a stem occurs
# words built on a trigger stem that are not triggers
_NOT_TRIGGER = re.compile(r"^(?:promoters?|inhibitors?|limitations?|limits|lowest|blocker\w*|"
                          r"preventive|preventative|"
                          # "the alternative delivery methods": another option, no change
                          r"alternatives?|alternatively|alternately|alternating|"
                          r"induced\s+(?:by|in|with)\b.*|inducible|inducers?|induction\s+of\s+"
                          r"(?:stroke|ischemia|injury|TBI|SCI|MCAO|inflammation|hypoxia|"
                          r"hypoxia-ischemia|sepsis|LPS|anesthesia|anaesthesia)\b.*|"
                          r"protective|protectively|protection|beneficial|benefits|"
                          r"improvements?\s+in\s+the\s+(?:modified|NIH))$", re.I)
_NOT_MORE = re.compile(r"^(?:" + NOT_MORE + r")$", re.I)
# "by / through / via (the) modulation of": how an effect comes about, not an effect stated
_BY_MEANS = re.compile(r"\b(?:by|through|via)\s+(?:the\s+)?$", re.I)
_CAPACITY = re.compile(r"\b(?:can|could|ability\s+to|capacity\s+to)\b[^,;]*$", re.I)
_BE = re.compile(r"\b(?:was|were|is|are|been|be|being|get|got)\s+(?:(?:\w+ly|also|further|"
                 r"still|then|thus|therefore)\s+)?$", re.I)
_AGENT_AFTER = re.compile(r"^\s*(?:\w+ly\s+)?(?:following|after|by|with|upon|in\s+response\s+to|"
                          r"due\s+to)\s+(?:the\s+)?(?:(?:intravenous|systemic|intranasal|"
                          r"local)\s+)?(?:delivery|administration|treatment|injection|"
                          r"infusion|transplantation|application|addition|co-?incubation|"
                          r"incubation|exposure|stimulation|co-?culture)?\s*(?:of|with|to)?\s*"
                          r"(?:the\s+)?$", re.I)
_CONTEXT_CUE = re.compile(r"(?:after|following|during|post|in|of\s+(?:rats|mice)\s+with|"
                          r"subjected\s+to|resulting\s+from|induced\s+by|compared\s+(?:with|to)|"
                          r"than)\s+(?:the\s+|an?\s+|focal\s+|acute\s+)?$", re.I)
# an insult named after a cue and one modifier ("after perinatal brain injury", "in neonatal
# hypoxic-ischemic injury") is the setting of the claim
_CONTEXT_WIDE = re.compile(r"\b(?:after|following|post|during|in)\s+(?:the\s+|an?\s+)?"
                           r"[\w-]+\s+$", re.I)
# an insult named with its cause after "in" / "on": "neuroprotection in subarachnoid
# hemorrhage induced early brain injury", "a greater effect on SAH-induced EBI"
_INDUCED_SETTING = re.compile(r"\b(?:in|on|against|after|following)\s+(?:the\s+)?"
                              r"(?:[\w-]+\s+){0,3}?[\w-]*\binduced\s+(?:[\w-]+\s+)?$", re.I)
_INSULT = re.compile(r"injur|ischemi|ischaemi|stroke|hypoxi|trauma|hemorrhag|haemorrhag|insult",
                     re.I)
_ASPECTS = ("number", "duration", "expression", "level", "levels", "concentration", "density",
            "length", "size", "volume", "sensitivity", "activity", "frequency", "severity",
            "release", "secretion", "production", "proliferation", "survival", "score",
            "area", "risk")
_ASPECT = re.compile(r"\b(" + "|".join(_ASPECTS) + r")\b", re.I)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
FUNCTIONAL_RECOVERY = Entity("exokg:outcome/functional-recovery", "functional recovery",
                             "Outcome")
_STATS = re.compile(r"\s*\((?:[^()]*\b[pPnN]\s*[<=>≤≥][^()]*|[^()]*\bdays?\b[^()]*)\)")
_EVALUATION = re.compile(r"^(?:(?:therapeutic|clinical|treatment|overall)\s+)?(?:efficacy|"
                         r"effectiveness|efficiency|potency|success|usefulness|utility)$", re.I)
# "X facilitate / mediate intercellular communication": X takes part in the communication,
# it does not raise an amount of it
# ", and skewed microglia", ", modified neurogenic niches": a coordinated verb phrase begins
# (after a bare comma only a verb of change, since "activated microglia" may be an object)
# ("the modified neurological severity score", mNSS, is a scale, not a verb)
_NEXT_VERB = re.compile(r",\s+and\s+(?!\w+ly\b)(?!modified\s+neurological\b)[a-z]+ed\b|"
                        r",\s+(?:modified(?!\s+neurological\b)|altered|changed|"
                        r"initiated|regulated|reduced|decreased|improved|enhanced|promoted|"
                        r"inhibited|suppressed|attenuated|alleviated|restored|ameliorated|"
                        r"prevented|rescued|lowered|diminished|boosted|augmented)\s+"
                        r"(?!(?:and|or|by|with|in)\b)"
                        # "is reported to regulate A and to be involved in B": a second
                        # infinitive
                        r"|,?\s+and\s+to\s+(?:be\s+)?[a-z]+\b")
# a subordinate or existential clause begins: "..., although there was no change in Y"
_CLAUSE_OPENER = re.compile(r",?\s+(?:although|though|even\s+though)\b|"
                            r",\s+(?:and\s+)?there\s+(?:was|were|is|are)\b", re.I)
# a plain "regulate(s)" on a gene, protein or miRNA is left to exokg.extract.regulation
_REGULATES = re.compile(r"regulat", re.I)
_MOLECULES = frozenset({"Gene", "Protein", "MicroRNA", "MicroRNACluster"})
_TAKES_PART = re.compile(r"facilitat|mediat|enabl|regulat", re.I)
_COMMUNICATION = re.compile(r"\bcommunication\b|\bcross-?talk\b", re.I)


@dataclass(frozen=True)
class Trigger:
    kind: str
    start: int
    end: int
    text: str
    passive: bool
    undone: bool = False  # the noun of a change a verb undoes (:func:`reversals`)


# a trigger noun with a modifier right before it and no "of" after it names a state, not a
# change: "cognitive impairment", "behavioral improvement" are outcomes an effect acts on
# ("exhibited greater behavioral improvements")
_NAMED_DEFICIT = re.compile(r"^(?:impairments?|deteriorations?|improvements?)$", re.I)
_MODIFIED = re.compile(r"\b(?!(?:the|a|an|and|or|of|in|with|to|by|no|any|further|significant|"
                       r"marked)\b)[a-z][\w-]*(?:al|ive|ic|or|ory|ar)\s+$", re.I)


# a participle of harm used as an adjective: "towards impaired neurons", "of the impaired"
_ATTRIBUTIVE = re.compile(r"\b(?:towards?|into|onto|of|the|these|those|their|its)\s+$", re.I)
# "EVs ... associated with increased Y" (exokg.extract.conditions reads it) is an effect
# only when said of a treatment given ("EV treatment was associated with reduced lesion
# size"); of a miRNA ("miR-X was associated with downregulated GENE") it stays a regulation
# ("C5 enrichment in ICH-Exos, correlating with elevated C5a levels" likewise)
_ASSOCIATED_WITH = re.compile(r"\b(?:associated|correlat(?:ed|ing|es))\s+with\s+(?:an?\s+|the\s+)?"
                              r"(?:\w+ly\s+)?$", re.I)
# "two (miRNAs) which have been shown to be downregulated after HIBI": earlier work on what
# the relative pronoun stands for, no change the study's agent made
_REPORTED_CHANGE = re.compile(r"\b(?:which|that)\s+(?:has|have|had)\s+(?:been\s+)?"
                              r"(?:previously\s+)?(?:shown|reported|found|demonstrated|known)"
                              r"\s+to\s+be\s+"
                              r"(?:\w+ly\s+)?$", re.I)
_MAY_REPORTED_CHANGE = Needs(_REPORTED_CHANGE)  # its keyword guard
_GIVEN = re.compile(r"treat|administ|therap|inject|infus|transplant|given|received", re.I)
# an infinitive of purpose after a verb of making: "we bioengineered exosomes conjugated
# to an antibody to promote the targeted delivery of Y" ("X may be applied to reduce Y" is a
# claim about X, read as usual)
_PURPOSE = re.compile(r"\b(?:(?:bio)?engineered|designed|constructed|prepared|developed|"
                      r"conjugated|modified|generated|synthesi[sz]ed|fabricated|loaded|"
                      r"decorated|functionali[sz]ed)\b[^.;]{0,120}?"
                      r"\b(?:in\s+order\s+)?to\s+$", re.I)
_MAY_PURPOSE = Needs(_PURPOSE)  # its keyword guard


def find_triggers(a: Analysed, clause: Clause) -> list[Trigger]:
    """Change triggers in a clause, outside mention spans (so 'with increased miR-133b' inside
    a preparation name is not a trigger)."""
    text = a.text
    covered = [(m.start, m.end) for m in a.mentions if m.source.startswith("composite")]
    out = []
    for m in _TRIGGERS_AT.finditer(text, clause.start, clause.end):
        word = m.group()
        tail = text[m.end():m.end() + 40]
        phrase = word + re.match(r"(\s+\w+){0,3}", tail).group()
        if _NOT_TRIGGER.match(word) or _NOT_TRIGGER.match(phrase) or _NOT_MORE.match(phrase):
            continue
        if any(s <= m.start() < e for s, e in covered):
            continue
        if m.group("worse") and word.lower().endswith("ed") and _ATTRIBUTIVE.search(
                text, max(clause.start, m.start() - 12), m.start()):
            continue  # "towards impaired neurons", "the damaged hemisphere": an adjective
        if _ASSOCIATED_WITH.search(text, max(clause.start, m.start() - 30), m.start()) and \
                not _GIVEN.search(text) and a.within(clause.start, m.start(), VESICLES):
            continue  # "EVs ... associated with increased Y": an association, not an effect
        if _MAY_REPORTED_CHANGE.may_match(text) and _REPORTED_CHANGE.search(
                text, max(clause.start, m.start() - 60), m.start()):
            continue  # "miRNAs which have been shown to be downregulated after D": cited
        if _MAY_PURPOSE.may_match(text) and _PURPOSE.search(text, clause.start, m.start()):
            continue  # "we engineered X to promote the delivery of Y": a purpose, no finding
        if MAY_LIMITATION.may_match(text) and in_limitation(text, clause.start, m.start()):
            continue  # "their efficacy is hindered by ... limited Y": exokg.extract.limitations
        if any(m.start() >= x.start and m.end() <= x.end for x in a.mentions):
            continue  # part of an entity name ("reduced risk" handled as text elsewhere)
        if _NAMED_DEFICIT.match(word) and _MODIFIED.search(text, clause.start, m.start()) \
                and not re.match(r"\s+(?:of|in)\b", tail):
            continue  # "mitigated the neurological behavioral impairment": a deficit named
        kind = next(k for k in _STEMS if m.group(k))
        if m.group("change") and word.lower().startswith("modulat") and (
                _BY_MEANS.search(text, clause.start, m.start())
                or _CAPACITY.search(text, max(clause.start, m.start() - 60), m.start())):
            # "alleviates injury by modulating the X axis": the means; "can modulate the
            # microenvironment": a capacity without a direction; neither states an effect
            # (a list of verbs after "can", "can cross A, modulate B, reduce C", states each)
            continue
        # "was increased (by X)" is passive; "has been shown to increase" is not (raising)
        passive = bool(_BE.search(text[clause.start:m.start()])) and word.lower().endswith(
            ("ed", "en"))
        out.append(Trigger(kind, m.start(), m.end(), word, passive))
    return reversals(a.text, out)


# a verb that undoes what the noun after it names: "reversed / abolished / attenuated /
# prevented / counteracted the suppression of Y"
_UNDOING = re.compile(r"^(?:revers|abolish|abrogat|attenuat|prevent|block|counteract|rescu|"
                      r"restor|offset|neutrali[sz]|inhibit|suppress|diminish|alleviat|"
                      r"amelior|mitigat|eliminat|lessen|reduc|decreas|limit|eas)", re.I)
# a noun of change with its object after "of" / "in": what the verb undoes
_CHANGE_NOUN = re.compile(r"^(?:suppression|reduction|decreases?|inhibition|loss|"
                          r"down-?regulation|decline|impairment|increases?|elevation|"
                          r"up-?regulation|enhancement|induction|deterioration|"
                          r"exacerbation|aggravation)$", re.I)
# between the verb and the noun: an article and up to two modifiers ("partly reversed the
# LPS-induced suppression of Y")
_UNDONE_GAP = re.compile(r"^\s+(?:the\s+|this\s+|these\s+|that\s+)?(?:[\w-]+\s+){0,2}?$")
_OPPOSITE = {"up": "down", "down": "up", "better": "worse", "worse": "better"}


def reversals(text: str, triggers: list[Trigger]) -> list[Trigger]:
    """Triggers with each undone change read as one: in "X reversed the suppression of Y"
    (also abolished, attenuated, prevented, counteracted ...) X raises Y, in "X attenuated the
    increase of Y" X lowers it. The undoing verb and the noun of change become one trigger at
    the noun, of the noun's opposite kind (active: the agent is the verb's); other triggers
    are returned as they are."""
    out: list[Trigger] = []
    skip = -1
    for i, t in enumerate(triggers):
        if i == skip:
            continue
        nxt = triggers[i + 1] if i + 1 < len(triggers) else None
        if nxt is not None and t.kind in ("down", "better") and _UNDOING.match(t.text) and \
                _CHANGE_NOUN.match(nxt.text) and nxt.kind in _OPPOSITE and \
                _UNDONE_GAP.match(text[t.end:nxt.start]) and \
                re.match(r"\s+(?:of|in)\b", text[nxt.end:nxt.end + 5]):
            out.append(Trigger(_OPPOSITE[nxt.kind], nxt.start, nxt.end, nxt.text, False, True))
            skip = i + 1
            continue
        out.append(t)
    return out


# "prevented neurogenesis decline", "the alleviation of cognitive and mood impairments": the
# object is followed by a noun of its decline, so the trigger acts on the decline, not on it
_DECLINE_AFTER = re.compile(r"\s+(?:(?:and|or)\s+[\w-]+\s+)?(?:declines?|impairments?|"
                            r"deficits?|deterioration|loss|dysfunction)\b", re.I)
_ADJECTIVE_END = re.compile(r"(?:al|ive|ic|ory|ar|motor)$", re.I)


def decline_reading(kind: str, obj: Mention, text: str) -> tuple[bool, str | None]:
    """Whether an object is the subject of a decline noun that follows it, and the
    direction of the claim on the object then: preventing or alleviating its decline raises
    it ('prevented neurogenesis decline' -> neurogenesis increased), worsening it lowers it.
    The direction is None when the object is a modifier cut from its noun ('long-term
    cognitive' of 'cognitive and mood impairments'): no claim should be made on it."""
    if not _DECLINE_AFTER.match(text, obj.end) or is_adverse(obj.entity.label):
        return False, None
    if kind == "change" or _ADJECTIVE_END.search(obj.entity.label.split()[-1]):
        return True, None
    return True, "increased" if kind in ("down", "better") else "decreased"


def direction_of(kind: str, obj: Mention) -> str | None:
    """'increased' or 'decreased' for a trigger kind applied to an object (None for a change
    of unstated direction)."""
    if kind == "change":
        return None
    # an open outcome is adverse by its head ("stroke recovery" is not adverse, "glial scar
    # formation" is)
    adverse = obj.category in ("Disease", "Phenotype") or (
        names_harm(obj.entity.label.split(" of ")[0]) if obj.source == "open-outcome"
        else is_adverse(obj.entity.label))
    if kind == "up":
        return "increased"
    if kind == "down":
        return "decreased"
    if kind == "better":
        return "decreased" if adverse else "increased"
    return "increased" if adverse else "decreased"


def aspect_of(text: str, start: int, end: int) -> str | None:
    """Aspect words ('expression', 'number and duration') in a short stretch of text."""
    found = [m.group(1).lower() for m in _ASPECT.finditer(text, start, end)]
    return ", ".join(dict.fromkeys(found)) or None


# the means of an effect, not further objects: "via a ... pathway", "by (directly) targeting
# X", "through the delivery of miR-X"
_MECHANISM = re.compile(r"\b(?:via|through)\s+(?:\S+\s+){0,5}?(?:mechanisms?|pathways?|axis)\b|"
                        r"\b(?:by|via|through)\s+(?:\w+ly\s+)?(?:targeting|binding|"
                        r"inhibiting|suppressing|repressing|activating|regulating|"
                        r"modulating|down-?regulating|up-?regulating|mediating|"
                        r"facilitating|enabling)\b|"
                        # "through the delivery of miR-X", "by delivering / transferring
                        # miR-X": the cargo carries the effect, it is no object of it
                        r"\b(?:by|via|through)\s+(?:the\s+)?(?:delivery|transfer|shuttling|"
                        r"release|secretion)\s+of\b|"
                        r"\b(?:by|via|through)\s+(?:\w+ly\s+)?(?:delivering|transferring|"
                        r"shuttling|carrying|transporting|releasing|secreting)\b|"
                        # "improved Y independently of / regardless of / without affecting Z":
                        # no effect on Z is claimed
                        r"\b(?:(?:independent(?:ly)?|regardless|irrespective)\s+of|"
                        r"without\s+(?:\w+ly\s+)?(?:affecting|altering|changing|"
                        r"influencing))\b", re.I)
_MAY_MECHANISM = Needs(_MECHANISM)  # its keyword guard


# the setting of a claim, not its objects: "in a swine model of TBI and hemorrhagic shock",
# "in rats with MCAO": what follows describes the model or the subjects
_SETTING = re.compile(r"\b(?:in|using)\s+(?:[\w-]+\s+){0,4}?(?:models?\s+of|(?:rats|mice|pigs|"
                      r"swine|animals|monkeys|patients|pups|subjects)\s+with)\b", re.I)


_CONSTRUCT = re.compile(r"\s*-\s*(?:enriched|loaded|overexpress\w*|modified|engineered|"
                        r"primed|pretreated|preconditioned|transfected)\b", re.I)


# a condition glued to the condition it qualifies: "hypertension-associated ischemic stroke",
# "diabetes-related stroke"
_CONDITION_MODIFIER = re.compile(r"\s*-\s*(?:associated|related)\s+[\w-]", re.I)


# a name glued to the noun it modifies: "FOXO3a-dependent mitophagy", "TLR4-mediated
# neuroinflammation" (the mitophagy, the inflammation is the object), "BDNF-ERK-CREB
# signaling" (the pathway is)
_NOUN_MODIFIER = re.compile(r"\s*-\s*(?:dependent|driven|based|mediated)\b|"
                            # "inflammation-related genes": the genes are the object
                            r"\s*-\s*(?:related|associated|responsive)\s+(?:genes?|proteins?|"
                            r"cytokines?|markers?|factors?|molecules?|transcripts?|mRNAs?)\b|"
                            r"(?:-[\w/]+)+\s+(?:signal+ing|pathways?|axis|cascades?)\b|"
                            # "ferroptosis suppressors FTH-1 and GPX4", "the apoptosis
                            # inhibitor Bcl-2": the molecules named after are the object
                            r"\s+(?:suppressors?|inhibitors?)\s+(?!of\b)", re.I)


def _objects(a: Analysed, start: int, end: int, *, before: bool = False,
             undone: bool = False) -> list[Mention]:
    """What a trigger acts on in ``a.text[start:end]`` (after an active trigger, or before a
    passive one with ``before``; after an undone change, "reversed the reduction in Y", with
    ``undone``): recognised outcomes, processes, proteins ... and open
    noun phrases no vocabulary knows (:mod:`exokg.extract.outcomes`). Diseases and injuries
    are never objects: they are the condition of the claim (see :func:`_treated`), except a
    pathology measured in the treated animals (:func:`is_measured_pathology`: "reduced brain
    oedema")."""
    objs = []
    seen = set()
    stop = _MECHANISM.search(a.text, start, end) if _MAY_MECHANISM.may_match(a.text) else None
    end = stop.start() if stop else end
    setting = _SETTING.search(a.text, start, end)
    end = setting.start() if setting else end
    # "communication between neurons and glia", "the balance between M1 and M2": the parties
    # of a relation, not objects of their own
    between = re.compile(r"\b(?:between|among|amongst)\b", re.I).search(a.text, start, end)
    end = between.start() if between else end
    # "improved outcomes for treating ICH-induced neuronal defects": what is treated is the
    # condition, not an object of the change
    treating = re.compile(r"\bfor\s+(?:the\s+)?(?:treat(?:ing|ment)|management|therapy)\b[^,;]*",
                          re.I).search(a.text, start, end)
    skip = (treating.start(), treating.end()) if treating else (end, end)
    # ", and skewed microglia towards ...": a coordinated verb phrase begins, its objects are
    # not this trigger's
    verb = _NEXT_VERB.search(a.text, start, end)
    end = verb.start() if verb else end
    # ", although there was no change in Y": another clause, with its own finding
    opener = _CLAUSE_OPENER.search(a.text, start, end)
    end = opener.start() if opener else end
    # "... and treated them with exosomes to research the mechanism of miR-X": what a purpose
    # clause studies is not acted on
    purpose = _STUDY_PURPOSE.search(a.text, start, end)
    end = purpose.start() if purpose else end
    for m in sorted([x for x in a.within(start, end, EFFECT_OBJECTS) if x.category != "Disease"
                     or _measured_object(a, start, x, before)], key=lambda x: x.start):
        if skip[0] <= m.start < skip[1]:
            continue
        preceding = a.text[max(start, m.start - 30):m.start]
        if re.search(r"\banti-?\s*$", a.text[max(0, m.start - 6):m.start], re.I):
            continue  # "anti-inflammation" is not inflammation
        if re.search(r"[A-Za-z]-$", a.text[max(0, m.start - 2):m.start]):
            continue  # part of a compound modifier: "the peri-infarct cortex"
        if _CONSTRUCT.match(a.text, m.end):
            continue  # names a construct: "Zeb2/Axin2-enriched exosomes" acts, Zeb2 is no object
        if _NOUN_MODIFIER.match(a.text, m.end):
            continue  # "FOXO3a-dependent mitophagy", "BDNF-ERK-CREB signaling": a modifier
        if m.category in ("Disease", "Phenotype") and _CONDITION_MODIFIER.match(a.text, m.end):
            continue  # "in hypertension-associated ischemic stroke": the stroke's kind
        if _CONTEXT_CUE.search(preceding) and not re.search(r"\b(?:of|in)\s+(?:the\s+)?$",
                                                             preceding[-8:]):
            continue
        if re.match(r"\s*(?:models?|rats|mice)\b", a.text[m.end:m.end + 8], re.I):
            continue
        if _INSULT.search(m.entity.label) and _CONTEXT_WIDE.search(preceding):
            continue  # "recovery after perinatal brain injury": the injury is the setting
        if _INSULT.search(m.entity.label) and _INDUCED_SETTING.search(
                a.text, max(0, m.start - 60), m.start):
            continue  # "protection in / effect on SAH-induced early brain injury": the setting
        if _INSTEAD.search(preceding):
            continue  # "through exosomes instead of transdifferentiation": not acted on
        if m.entity.id in seen:
            continue
        seen.add(m.entity.id)
        objs.append(m)
    # "significantly decreased (p < 0.05) albumin extravasation": the statistics are no
    # part of the object
    stats = None if before else _STATS.match(a.text, start, end)
    start = stats.end() if stats else start
    # a nominal trigger's object follows "of": "a downregulation of pro-inflammatory proteins"
    of = None if before else re.match(r"\s+of\s+" if not undone else r"\s+(?:of|in)\s+",
                                      a.text[start:end])
    found, _ = open_outcomes(a, start + (of.end() if of else 0), end, agents=AGENTS,
                             before=before)
    # "ameliorated brain damage including cerebral infarct, neuronal death and glial
    # scarring": the examples listed are objects too
    examples = None if before else _EXAMPLES.search(a.text, start, end)
    if examples and not _NOT_OBJECT_GAP.search(a.text, start, examples.start()) and \
            len(a.text[start:examples.start()].split()) <= 8:
        found += open_outcomes(a, examples.end(), end, agents=AGENTS)[0]
    # a weak one-word synonym right after another mention is that mention's head word, not
    # an object of its own ("episodic memory formation": no "biosynthetic process")
    objs = [o for o in objs if not (is_weak(o) and any(
        p is not o and p.end <= o.start and not a.text[p.end:o.start].strip()
        for p in a.mentions))]
    # a weak one-word synonym match inside an open phrase gives way to the phrase
    objs = [o for o in objs if not (is_weak(o) and any(f.start <= o.start and o.end <= f.end
                                                         and (f.start, f.end) != (o.start, o.end)
                                                         for f in found))]
    # "albumin extravasation": the molecule names what the event happens to
    objs = [o for o in objs if not (o.category in ("Gene", "Protein") and any(
        f.start <= o.start and o.end <= f.end and head_of(f.entity.label).lower()
        in MOLECULE_EVENT_HEADS for f in found))]
    seen = {o.entity.id for o in objs}
    # "enhanced the therapeutic efficacy of X", "prevent their success": how well a therapy
    # works is said of the therapy, it is no outcome of its own
    objs = [o for o in objs if not _EVALUATION.match(o.entity.label)]
    found = [f for f in found if not _EVALUATION.match(f.entity.label)
             and not _INSTEAD.search(a.text, max(0, f.start - 30), f.start)
             and not skip[0] <= f.start < skip[1]
             # "induce anti-inflammatory effects": an adjective of effect, no outcome
             # (exokg.extract.properties reads the claim)
             and not is_effect_adjective(f.entity.label)]
    # "enhance recovery (after stroke)": recovery said of a treated animal or patient is its
    # functional recovery (the vocabulary's term)
    found = [Mention(FUNCTIONAL_RECOVERY, f.start, f.end, f.text, f.source)
             if f.entity.label.lower() == "recovery" else f for f in found]
    # "fewer TUNEL+ cells", "NeuN-positive and Nissl-positive cells": counted populations,
    # not the marker (exokg.extract.counted_cells)
    counted = counted_cells(a, start, end)
    if counted:
        objs = without_counted_parts(objs, counted)
        found = without_counted_parts(found, counted) + counted
    for m in found:
        if m.entity.id not in seen and not any(o.start < m.end and m.start < o.end
                                               for o in objs):
            seen.add(m.entity.id)
            objs.append(m)
    return sorted(shared_process_modifier(a, shared_heads(a, start, objs)),
                  key=lambda x: x.start)


_EXAMPLES = re.compile(r"\b(?:including|such\s+as)\s+", re.I)
# ... right after the object ("prevent their success in clinical applications, including a
# short half-life": the examples are of something else)
_NOT_OBJECT_GAP = re.compile(r"\b(?:in|for|at|on|to|with|from|by|than|after|during|that|"
                             r"which)\b", re.I)


# "act through exosomes instead of transdifferentiation", "rather than by cell replacement":
# what the sentence sets aside is not acted on
_INSTEAD = re.compile(r"\b(?:instead\s+of|rather\s+than|as\s+opposed\s+to|but\s+not)\s+(?:by\s+|"
                      r"through\s+|via\s+|with\s+)?(?:the\s+|an?\s+)?(?:[\w-]+\s+)?$", re.I)


_STUDY_PURPOSE = re.compile(r"\bto\s+(?:research|investigate|explore|study|elucidate|clarify|"
                            r"understand|determine|examine|assess|evaluate|identify|uncover)\b",
                            re.I)


_DIRECT = re.compile(r"^(?:\s+(?:the|an?|its|their|against|\w+ly))*\s+$", re.I)


# a disease named as the cause or setting of the object: "stroke-induced", "TBI-related"
_DISEASE_MODIFIER = re.compile(r"\s*-\s*(?:induced|evoked|related|associated|mediated|"
                               r"triggered|dependent|elicited)\b", re.I)


# a pathology measured in the treated animals, which vocabularies file as a disease: "reduced
# brain oedema", "alleviated cerebral infarction", "smaller haematoma"
_MEASURED = re.compile(r"\b(?:o?edema|oedema|swelling|infarct(?:ion|s)?|ha?ematomas?)\b", re.I)


def objects_after(a: Analysed, start: int, end: int) -> list[Mention]:
    """What an active trigger ending at ``start`` acts on in ``a.text[start:end]`` (see
    :func:`_objects`); for rules of other modules that read the same objects."""
    return _objects(a, start, end)


def is_measured_pathology(m: Mention) -> bool:
    """True for a disease mention that names a pathology measured in the treated animals
    (brain oedema, cerebral infarction, haematoma): an outcome a treatment lowers, not the
    disease it is given for."""
    return m.category == "Disease" and bool(_MEASURED.search(m.entity.label))


# what a measured pathology must not follow to be the object itself: a preposition that
# makes it the setting ("after", "in rats with"), a noun of likelihood ("the risk of")
_MEASURED_SETTING = re.compile(r"\b(?:in|after|following|with|for|during|against|post|on|from|"
                               r"by|to|than|versus|vs|within|among|into)\b|\b(?:risk|incidence|"
                               r"rate|odds|history|recurrence|occurrence|onset)\s+of\b", re.I)


def _measured_object(a: Analysed, start: int, m: Mention, before: bool) -> bool:
    """True when disease mention ``m`` is a measured pathology read as the object of the
    trigger whose objects start at ``start`` ("reduced brain oedema", "a reduction of
    cerebral infarction, oedema and deficits"): nothing between but words of the object list,
    no preposition that makes it the setting."""
    if not is_measured_pathology(m):
        return False
    gap = a.text[m.end:start] if before else a.text[start:m.start]
    return not _MEASURED_SETTING.search(gap)


def _treated(a: Analysed, trigger: Trigger, end: int) -> list[Mention]:
    """Diseases an improving or lowering trigger acts on directly ("alleviated cerebral
    ischemia/reperfusion injury", "attenuated TBI"): a benefit in a model, not an effect."""
    if trigger.kind not in ("better", "down"):
        return []
    diseases = [d for d in a.within(trigger.end, end, frozenset({"Disease"}))
                if not is_measured_pathology(d)]
    if not diseases or not _DIRECT.match(a.text[trigger.end:diseases[0].start]) \
            or _DISEASE_MODIFIER.match(a.text, diseases[0].end):
        return []  # "decrease stroke-induced neuroinflammation": the stroke is no object
    return coordinated(a, diseases[0], frozenset({"Disease"}), backwards=False)


# "MSC-EVs in monkeys with cortical injury that induced impairment of ...": the injury, in a
# relative clause, is what acts, not the treatment named before it
_CONDITION_CLAUSE = re.compile(r"\b(?:injury|injuries|stroke|ischemia|ischaemia|lesions?|"
                               r"disease|damage|TBI|SCI|MCAO|occlusion|insult)\s+(?:that|which)"
                               r"\s+(?:\w+\s+)?\S*$", re.I)


# "miR-X inhibitor led to ...", "miR-X ... and its knockdown reduced ...": the loss of the
# agent acts, so the agent itself is not the subject (its direction would be reversed)
_LOSS_AFTER = re.compile(r"[-\s]*(?:inhibitors?|antagomirs?|antagonists?|sponges?|knockdown|"
                         r"silencing)\b", re.I)
# "impairment / dysfunction / loss of (the) (EPC exosomal) X": a loss named before the agent
_IMPAIRED = re.compile(r"\b(?:impairments?|dysfunction|loss|deficienc(?:y|ies)|lack|absence|"
                       r"failure|depletion|disruption)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$",
                       re.I)
_LOSS_OF = re.compile(r"\b(?:its|their)\s+(?:" + LOSS_NOUNS + r")\b", re.I)


_IN_CELLS = re.compile(r"\b(?:in|within)\s+(?:the\s+)?(?:cultured\s+|treated\s+)?$", re.I)
# "X neutralized (the effects of) Y", "X reversed Y": Y is what the agent X counteracts, not
# the agent of what the clause goes on to claim
_COUNTERED = re.compile(r"\s+(?:\w+ly\s+)?(?:neutrali[sz]ed|blocked|abolished|reversed|"
                        r"counteracted|antagoni[sz]ed|abrogated|negated|offset)\s+(?:the\s+)?"
                        r"(?:(?:effects?|actions?|impacts?|influences?)\s+of\s+(?:the\s+)?)?",
                        re.I)


def _in_aside(text: str, start: int, m: Mention, at: int) -> bool:
    """True when ``m`` sits in a non-restrictive relative clause closed before the trigger
    at ``at``: in "miR-X, which is enriched in exosomes, promoted ..." the exosomes are
    where miR-X is, the miRNA is the agent."""
    return bool(re.search(r",\s*(?:which|who)\b[^,]*$", text[start:m.start])
                and "," in text[m.end:at])


def agent_before(a: Analysed, clause: Clause, at: int, prev: int | None = None
                 ) -> list[Mention]:
    """The agent of a predicate at ``at`` and the mentions coordinated with it (see
    :func:`_agent_before`); for rules of other modules that read the same subjects."""
    return _agent_before(a, clause, at, prev)


# "miR-X in (the) exosomes", "miR-X within MSC-EVs": the vesicles carry the miRNA
# "miR-X was enriched in M2-EVs and could promote Y": the cargo clause names where the miRNA
# is, the miRNA stays the subject of the verb coordinated after it
_CARRIED_IN = re.compile(r"\s+(?:(?:was|were|is|are)\s+(?:\w+ly\s+)?(?:enriched|abundant|"
                         r"packaged|loaded|present|expressed|sorted|encapsulated|found)\s+)?"
                         r"(?:in|within|inside|of|into)\s+(?:the\s+)?", re.I)
# ", which was (further) reduced by": a relative clause whose passive verb acts on the noun
# right before it; the whole gap from that noun to the verb
_RELATIVE_PASSIVE = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?,?\s*(?:which|that)\s+"
                               r"(?:was|were|is|are|has\s+been|have\s+been|could\s+be|"
                               r"can\s+be)\s+(?:\w+ly\s+|also\s+|further\s+)*$", re.I)


# what a claim's agent is compared against: "than Y", "compared with Y", "X outperformed Y",
# "superior to Y", "as effective as Y", "relative to Y"
_COMPARED_AGAINST = re.compile(
    r"\b(?:compared\s+(?:with|to)|than|versus|vs\.?|alternatives?\s+to|instead\s+of|"
    r"outperform(?:s|ed|ing)?|(?:superior|inferior|equivalent|comparable|similar)\s+to|"
    r"relative\s+to|as\s+(?:\w+\s+){1,2}as)\s+(?:\w+\s+){0,3}$", re.I)


_NEEDS_COMPARED = Needs(_COMPARED_AGAINST)


def compared_against(text: str, m: Mention) -> bool:
    """True when mention ``m`` is named as what a claim's agent is compared against
    ("X was more effective than Y in reducing Z", "X outperformed Y", "compared with Y, X
    ..."): Y is the comparator, never the agent."""
    return bool(_COMPARED_AGAINST.search(text[max(0, m.start - 40):m.start]))


def _with_comparators(a: Analysed, ctx: Context, subjects: list[Mention]) -> Context:
    """``ctx`` with the agents sentence ``a`` compares its ``subjects`` against ("than EPCs",
    "outperformed native MSCs", :func:`compared_against`) as ``comparator``."""
    if not _NEEDS_COMPARED.may_match(a.text):
        return ctx
    mine = {x.entity.id for x in subjects}
    found = [m.entity.id for m in a.within(0, len(a.text), AGENTS)
             if m.entity.id not in mine and compared_against(a.text, m)]
    if not found:
        return ctx
    return replace(ctx, comparator=tuple(dict.fromkeys((*ctx.comparator, *found))))


def _agent_before(a: Analysed, clause: Clause, at: int, prev: int | None = None
                  ) -> list[Mention]:
    """The agent of an active trigger at ``at``: the nearest treatment mention before it in
    the clause, not one compared against, nor one that is part of the object of the previous
    trigger (ending at ``prev``: "promoted the proliferation of MSCs and reduced ..."), unless
    a relative clause makes it a subject ("transfer of miR-X, which enhanced ...")."""
    candidates = a.within(clause.start, at, AGENTS)
    agents = [m for m in candidates
              if not compared_against(a.text, m)
              and not (prev is not None and m.start >= prev and re.search(
                  r"\bof\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", a.text[max(0, m.start - 40):m.start],
                  re.I) and not re.search(r",?\s*\b(?:which|that|who)\b", a.text[m.end:at]))
              and not _in_aside(a.text, clause.start, m, at)
              and not _CONDITION_CLAUSE.search(a.text, m.end, at)
              and not _is_foil(a.text, m)
              and not is_linked_object(a.text, m, at,
                                       after_verb=prev is not None and m.start >= prev,
                                       earlier=candidates)]
    # "EVs reduced X in HUVECs and increased Y": cells named after "in" are where the
    # change happened, not the agent of the next verb, when an agent opened the clause
    agents = [m for m in agents if not (m.category == "Cell" and _IN_CELLS.search(
        a.text, max(0, m.start - 20), m.start) and any(o.end <= m.start and o.category != "Cell"
                                                      for o in agents))]
    if not agents:
        return []
    nearest = max(agents, key=lambda m: (m.end, m.source))
    countered = [m for m in agents if m.end <= nearest.start
                 and _COUNTERED.fullmatch(a.text, m.end, nearest.start)]
    if countered:  # "C5 mAb neutralized ICH-Exos effects, rescuing ...": the antibody acts
        nearest = countered[-1]
    if _LOSS_AFTER.match(a.text, nearest.end, at) or _LOSS_OF.search(a.text, nearest.end, at):
        return []  # the loss of the nearest agent acts: no agent to name
    if nearest.category not in MIRNAS and _IMPAIRED.search(
            a.text, max(clause.start, nearest.start - 60), nearest.start):
        # "impairment of EPC exosomal communication contributes to Y": the loss acts (a
        # miRNA's loss is read by the regulation rules, which reverse its direction)
        return []
    # "bone marrow mesenchymal stromal cell (MSC) treatment": the long form, not the
    # abbreviation defined after it
    longer = [m for m in agents if m.end <= nearest.start and m.category == nearest.category
              and re.fullmatch(r"\s*\(\s*", a.text[m.end:nearest.start])
              and re.match(r"\s*\)", a.text[nearest.end:])]
    if longer:
        nearest = longer[-1]
    # "miR-X in microglial exosomes inhibited ...", "the increased expression of miR-X in the
    # EVs promoted ...": the miRNA the vesicles carry acts, the vesicles are where it is
    if nearest.category in VESICLES:
        carried_mirna = [m for m in agents if m.category in MIRNAS
                         and _CARRIED_IN.fullmatch(a.text, m.end, nearest.start)]
        if carried_mirna:
            nearest = carried_mirna[-1]
    # "exosomes released by hypoxia-preconditioned MSCs improved ...": the cells are the
    # source, the vesicles the agent
    if nearest.category == "Cell":
        vesicles = [m for m in agents if m.end <= nearest.start
                    and m.category in ("Vesicle", "ExosomePreparation", "MicroRNA",
                                       "MicroRNACluster")
                    and _SOURCE_CLAUSE.match(a.text[m.end:nearest.start])]
        if vesicles:
            nearest = vesicles[-1]
    group = coordinated(a, nearest, AGENTS, backwards=True)
    # "compared with MSCs, BDNF-MSCs reduced ...": the comparator is no coordinated agent
    return [m for m in group if not _is_foil(a.text, m) and not compared_against(a.text, m)]


# "in contrast to MSCs, EVs did not ...", "unlike exosomes, MSCs reduced ...": the mention is
# the foil of the claim, not its agent
_FOIL = re.compile(r"\b(?:in\s+contrast\s+(?:to|with)|unlike|contrary\s+to|as\s+opposed\s+to|"
                   + SET_ASIDE + r")\s+(?:the\s+|that\s+of\s+|those\s+of\s+)?(?:[\w-]+\s+){0,2}$",
                   re.I)


_SET_ASIDE = re.compile(r"\b(?:" + SET_ASIDE + r")\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)


def _is_foil(text: str, m: Mention) -> bool:
    """True when mention ``m`` is named as what a claim contrasts with (:data:`_FOIL`)."""
    return bool(_FOIL.search(text, max(0, m.start - 50), m.start))


def _foils(a: Analysed, clause: Clause, at: int) -> list[Mention]:
    """The agents a clause contrasts its claim with, before the trigger at ``at``, when
    they open the clause ("However, in contrast to MSCs, EVs were not capable to decrease
    Y"): what the clause denies of its subject it asserts of them, and the other way
    round."""
    return [m for m in a.within(clause.start, at, AGENTS) if _is_foil(a.text, m)
            and ("," in a.text[m.end:at] or _SET_ASIDE.search(a.text, max(0, m.start - 40),
                                                             m.start))]


_SOURCE_CLAUSE = re.compile(r"^\s*,?\s*(?:(?:that|which)\s+(?:were|was|are|is)\s+|were\s+|was\s+)?"
                            r"(?:derived|released|secreted|isolated|obtained|produced|"
                            r"generated|collected|purified|extracted|harvested)\s+(?:from|by)\s+"
                            r"(?:[\w-]+\s+){0,3}$|^\s+(?:from|of)\s+(?:[\w-]+\s+){0,3}$", re.I)


_TREATED_WITH = re.compile(r"\b(?:treated|injected|infused|administered|given|co-?cultured|"
                           r"co-?incubated|incubated|exposed|stimulated)\s+(?:\w+ly\s+)?"
                           r"(?:with|by|to)\s+(?:the\s+)?"
                           # "treated with stretch-injured microglia-derived exosomes"
                           r"(?:[\w-]+-[\w-]+\s+)?$", re.I)


_IN_GROUP = re.compile(r"^\s*(?:\w+ly\s+)?(?:in|for)\s+(?:the\s+)?$", re.I)
_GROUP = re.compile(r"^\s*(?:-\s*)?(?:treated\s+)?(?:group|groups|arm|rats|mice|animals|"
                    r"patients)\b", re.I)


def _agent_after(a: Analysed, trigger: Trigger, limit: int) -> list[Mention]:
    for m in a.within(trigger.end, limit, AGENTS):
        gap = a.text[trigger.end:m.start]
        if _AGENT_AFTER.match(gap):
            return coordinated(a, m, AGENTS, backwards=False)
        # "was smaller in the exosome group (than in the PBS group)"
        if _IN_GROUP.match(gap) and _GROUP.match(a.text[m.end:m.end + 20]):
            return [m]
    if trigger.passive:  # "... were increased in MCAo rats treated with exosomes"
        for m in a.within(trigger.end, limit, AGENTS):
            if _TREATED_WITH.search(a.text[max(trigger.end, m.start - 50):m.start]):
                return coordinated(a, m, AGENTS, backwards=False)
    return []


# nothing but punctuation before a trigger: it opens its clause
_OPENING_PARTICIPLE = re.compile(r"^\W*$")
# a passive verb and its setting: "is compromised in (the) (hypertension-ischemia) ..."
_PASSIVE_SETTING = re.compile(r"\s*(?:\w+ly\s+)?(?:in|under|during)\s+(?:the\s+|an?\s+)?"
                              r"(?:[\w-]+\s+)?$", re.I)
_BY_AGENT = re.compile(r"\s*(?:\w+ly\s+)?(?:by|following|after|with|upon)\b", re.I)


# "EVs have lower immunogenicity (than cells)": a comparative said of the product itself
_PROPERTY = re.compile(r"\b(?:have|has|possess|possesses)\s+(?:\w+ly\s+)?$", re.I)
_COMPARATIVE = re.compile(r"lower|higher|greater|less|fewer|smaller|better", re.I)


def _agent_after_objects(a: Analysed, clause: Clause, trigger: Trigger,
                         objects: list[Mention]) -> list[Mention]:
    """The agent of a participle that opens its clause, named after the objects: "Improved
    functional recovery by MSC exosomes", "Reduced infarct volume following treatment with
    X". Returns the agent with the mentions coordinated with it, or nothing."""
    if not trigger.text.lower().endswith("ed"):
        return []
    last = max(o.end for o in objects)
    if not _OPENING_PARTICIPLE.match(a.text[clause.start:trigger.start]):
        return _treatment_after_objects(a, clause, trigger, last)
    for m in a.within(last, clause.end, AGENTS):
        if _AGENT_AFTER.match(a.text[last:m.start]) and _BY_AGENT.match(a.text[last:m.start]):
            return coordinated(a, m, AGENTS, backwards=False)
        break
    return []


# a participle used as an adjective after a verb of showing or "with": "consistent with
# decreased Y associated with exosome treatment", "animals showed reduced Y after X therapy"
_ATTRIBUTIVE_CUE = re.compile(r"\b(?:with|showed|shows?|showing|revealed|reveals?|exhibited|"
                              r"exhibits?|demonstrated|displayed|indicating|suggesting|"
                              r"reflecting)\s+(?:an?\s+|the\s+)?(?:\w+ly\s+)?$", re.I)
_TREATMENT_GAP = re.compile(r"^\s*(?:(?:associated|seen|observed)\s+with|following|after|upon|"
                            r"with|by)\s+(?:the\s+)?$", re.I)
_TREATMENT_NOUN = re.compile(r"\s*(?:treatment|administration|therapy|injection|infusion|"
                             r"transplantation|delivery)\b", re.I)


def _treatment_after_objects(a: Analysed, clause: Clause, trigger: Trigger,
                             last: int) -> list[Mention]:
    """The agent of an attributive participle named as a treatment after its objects:
    "consistent with decreased Y associated with exosome treatment" -> the exosomes; the
    participle follows "with" or a verb of showing, and the agent is followed by a treatment
    noun or is a therapy ("exosome treatment"; an agent "associated with" a change is
    otherwise no cause of it)."""
    if not _ATTRIBUTIVE_CUE.search(a.text, clause.start, trigger.start):
        return []
    for m in a.within(last, clause.end, AGENTS):
        if _TREATMENT_GAP.match(a.text[last:m.start]) and (
                _TREATMENT_NOUN.match(a.text, m.end) or m.category == "Therapy"):
            return [m]
        break
    return []


_OTHER_PASSIVE = re.compile(r"\b(?:was|were|is|are|been)\s+(?:\w+ly\s+)?[a-z]+(?:ed|en|wn)"
                            r"(?:\s+(?:down|up|out|off))?\s*(?:,\s*|\s+)(?:and|but|while)\s+",
                            re.I)
# "protect(ed) (neonatal) mice / neurons from / against Y": the words up to "from" name who
# is protected, not an object of the change
_PROTECTED_PARTY = re.compile(r"\s+(?!against\b|from\b)[^,;]{1,60}?\b(?:from|against)\s+",
                              re.I)


def level_findings(found: Sequence[Statement]) -> frozenset[str]:
    """The miRNAs whose changed level in a disease a sentence reports as a finding (the
    un-negated ``mirna-disease.level`` statements among ``found``, the sentence's readings
    so far): what :func:`extract_effects` takes as ``levels``."""
    return frozenset(s.subject.id for s in found
                     if s.evidence[0].rule == "mirna-disease.level" and not s.negated)


def extract_effects(a: Analysed, state: DocumentState,
                    levels: frozenset[str] = frozenset()) -> list[Statement]:
    """Effect statements of one sentence (see module docs).

    ``levels`` are the miRNAs whose level the sentence reports as a finding in a disease
    (:func:`level_findings`): no miRNA affects one of them, because in "miR-A and miR-B are
    up-regulated whereas miR-C is down-regulated in D" or "miR-A upregulation and miR-C
    downregulation in D" miR-A does not raise or lower miR-C; both levels are findings of
    their own (:mod:`exokg.extract.mirna_disease` reads them).
    """
    listed = list_agents(a, state) or anaphoric_agents(a, state)
    found = _effects(a, state, listed)
    if listed and list_hedged(a.text):
        found = [replace(s, hedged=True) for s in found]
    if not levels:
        return found
    return [s for s in found if not (
        s.predicate == "biolink:affects" and s.subject.category in MIRNAS
        and getattr(s.object, "category", None) in MIRNAS and s.object.id in levels)]


def _effects(a: Analysed, state: DocumentState, listed: list[Mention]) -> list[Statement]:
    """The effect statements of :func:`extract_effects`, before the level guard; ``listed``
    is the agent of a nominal mechanism list ("Reported mechanisms include inhibition of
    ...": the agent of the sentence before, exokg.extract.mechanism_lists)."""
    carried: list[Mention] = list(listed)
    if not carried and not any(m.category in AGENTS for m in a.mentions):
        return []  # every reading below needs an agent named in the sentence
    out: list[Statement] = []
    for clause in clauses(a.text):
        triggers = find_triggers(a, clause)
        if not triggers:
            continue
        if _pairs_in_order(a.text, clause):
            resolved = _respectively(a, clause, triggers, state)
            if resolved:
                out.extend(resolved)
                continue
        ctx = context_for(a, clause)
        last_ahead: list[Mention] = []
        for i, trig in enumerate(triggers):
            nxt = triggers[i + 1].start if i + 1 < len(triggers) else clause.end
            prev = triggers[i - 1].end if i > 0 else clause.start
            # passive ("Y was increased by X") or ergative ("Y increased following X"):
            # objects before, agent after; active: agent before, objects after. Try the
            # reading the verb form suggests first, then the other, then the agent of the
            # previous clause.
            # "miR-X was knocked down and Bcl-2 was upregulated by Y": the objects of a
            # passive trigger start after the previous passive verb phrase
            # (read when it is tried: an active trigger whose own reading has an agent and
            # objects never tries it)
            def passive(trig: Trigger = trig, prev: int = prev, clause: Clause = clause,
                        last_ahead: list[Mention] = last_ahead) -> tuple[list[Mention], ...]:
                if trig.passive and last_ahead and _RELATIVE_PASSIVE.match(
                        a.text, last_ahead[-1].end, trig.start):
                    # "A increased B, which was reduced by C": C lowers B, the noun the
                    # relative pronoun stands for (the last object of the trigger before)
                    return _agent_after(a, trig, clause.end), [last_ahead[-1]]
                done = list(_OTHER_PASSIVE.finditer(a.text, prev, trig.start))
                return _agent_after(a, trig, clause.end), _objects(
                    a, done[-1].end() if done else prev, trig.start, before=True)

            ahead = _objects(a, trig.end, nxt, undone=trig.undone)
            last_ahead = ahead
            shielded = trig.text.lower().startswith("protect") and \
                _PROTECTED_PARTY.match(a.text, trig.end, nxt)
            if shielded:
                # "protected neurons from oxidative stress": the neurons are the protected
                # party; what they are protected from is lowered
                ahead = [o for o in ahead if o.start >= shielded.end()]
            if i + 1 < len(triggers):
                # "promoted a lasting downregulation of X": words right before the next
                # trigger noun modify it, they are no object of this trigger
                ahead = [o for o in ahead if not (o.source == "open-outcome"
                                                  and not a.text[o.end:nxt].strip())]
            if trig.passive:
                # "X is altered / compromised in hypertension": a condition after "in" a
                # passive verb is where it happens, not what the subject acts on
                ahead = [o for o in ahead if o.category not in ("Disease", "Phenotype")
                         or not _PASSIVE_SETTING.match(a.text, trig.end, o.start)]
            active = (_agent_before(a, clause, trig.start, prev if i > 0 else None), ahead)
            if not active[0] and ahead and i == 0:
                # "Improved spontaneous recovery by astrocytic EVs" (a title): a participle
                # opening the clause, its objects, then the agent
                active = (_agent_after_objects(a, clause, trig, ahead), ahead)
            treated = _treated(a, trig, nxt) if active[0] and is_preclinical(a, state) else []
            for subj in active[0] if treated else []:
                for disease in treated:
                    out.append(statement(a, f"benefit.{trig.kind}", subj.entity,
                                         "biolink:beneficial_in_models_for", disease.entity,
                                         negated=negated(a.text, clause.start, trig.start),
                                         hedged=hedged(a.text, clause.start, trig.start),
                                         context=ctx))
            for foil in _foils(a, clause, trig.start) if treated else []:
                # "unlike MSCs, exosomes did not reduce brain edema": the MSCs did
                out += [statement(a, f"benefit.{trig.kind}.contrast", foil.entity,
                                  "biolink:beneficial_in_models_for", disease.entity,
                                  negated=not negated(a.text, clause.start, trig.start),
                                  hedged=hedged(a.text, clause.start, trig.start),
                                  context=ctx) for disease in treated]
            readings = [passive(), active] if trig.passive else \
                [active] if active[0] and active[1] else [active, passive()]
            subjects, objects = next(((s, o) for s, o in readings if s and o),
                                     (carried, readings[0][1]))
            if not subjects or not objects:
                continue
            carried = subjects
            ctx = _with_comparators(a, ctx, subjects)
            hedge = hedged(a.text, clause.start, trig.start)
            neg = negated(a.text, clause.start, trig.start)
            if _PROPERTY.search(a.text, clause.start, trig.start) and \
                    _COMPARATIVE.fullmatch(trig.text) and \
                    all(x.category in VESICLES for x in subjects):
                # "EVs have lower immunogenicity": a property of the product, not a change
                end = max(o.end for o in objects)
                label = " ".join(a.text[trig.start:end].split())
                advantage = Entity(mint("advantage", label.lower()), label, "Advantage")
                out += [statement(a, "advantage.property", x.entity, "exo:hasAdvantage",
                                  advantage, negated=neg, hedged=hedge, context=ctx)
                        for x in subjects]
                continue
            foils = [f for f in _foils(a, clause, trig.start)
                     if all(f.entity.id != x.entity.id for x in subjects)]
            for obj in objects:
                if any(obj.entity.id == s.entity.id for s in subjects):
                    continue
                declining, declined = decline_reading(trig.kind, obj, a.text)
                if not declining or declined is not None:
                    # "in contrast to MSCs, EVs did not decrease Y": the MSCs did
                    out += [statement(a, f"effect.{trig.kind}.contrast", f.entity,
                                      "biolink:affects", obj.entity,
                                      direction=declined if declining
                                      else direction_of(trig.kind, obj),
                                      negated=not neg, hedged=hedge, context=ctx)
                            for f in foils]
                if declining and declined is None:
                    continue
                lo, hi = (trig.end, obj.start) if obj.start > trig.end else (prev, obj.start)
                aspect = aspect_of(a.text, lo, hi)
                for subj in subjects:
                    if _REGULATES.match(trig.text) and obj.category in _MOLECULES:
                        continue  # "X regulates GENE": regulation without a sign, regulation.py
                    if _TAKES_PART.match(trig.text) and _COMMUNICATION.search(obj.entity.label):
                        # "EVs facilitate intercellular communication": a part they play
                        out.append(statement(a, "effect.participates", subj.entity,
                                             "biolink:participates_in", obj.entity,
                                             negated=neg, hedged=hedge, context=ctx))
                        continue
                    found = statement(a, f"effect.{trig.kind}" + (".passive" if trig.passive
                                                                   else ""),
                                      subj.entity, "biolink:affects", obj.entity,
                                      direction=declined if declining
                                      else direction_of(trig.kind, obj), aspect=aspect,
                                      negated=neg, hedged=hedge, context=ctx)
                    out.append(as_regulation(found, subj, obj, a))
    if carried:
        state.subject = [m.entity for m in carried]
    out += _effects_of_on(a) + _was_protective(a)
    out += elliptic_denials(a, out)  # "X reduced Z, whereas Y did not"
    return out + _agent_nouns(a, out)


# "NSC EV treatment was neuroprotective", "the exosomes were strongly neuroprotective"
_WAS_PROTECTIVE = re.compile(r"\b(?:was|were|is|are|proved|proven)\s+(?:not\s+)?(?:\w+ly\s+)?"
                             r"(?:neuro|tissue-|cyto)?protective\b(?!\s+(?:effects?|roles?|"
                             r"propert))", re.I)


_NEEDS_WAS_PROTECTIVE = Needs(_WAS_PROTECTIVE)


def _was_protective(a: Analysed) -> list[Statement]:
    """'X was neuroprotective': X ``biolink:affects`` tissue protection, increased (the agent
    right before the copula, in the same clause)."""
    if not _NEEDS_WAS_PROTECTIVE.may_match(a.text):
        return []
    out = []
    for clause in clauses(a.text):
        for m in _WAS_PROTECTIVE.finditer(a.text, clause.start, clause.end):
            agents = _agent_before(a, clause, m.start())
            ctx = context_for(a, clause)
            out += [statement(a, "effect.better.protective", x.entity, "biolink:affects",
                              TISSUE_PROTECTION, direction="increased",
                              negated=negated(a.text, clause.start, m.end()),
                              hedged=hedged(a.text, clause.start, m.start()), context=ctx)
                    for x in agents]
    return out


# "a positive / beneficial / protective effect of X on Y": X betters Y, said as a noun
_EFFECT_OF_ON = re.compile(r"\b(?:positive|beneficial|protective|neuroprotective|favou?rable|"
                           r"therapeutic)\s+effects?\s+of\s+(?P<agent>[^;:]{1,120}?)\s+on\s+",
                           re.I)


# "X has / exerts a positive effect on Y": the agent before, the objects after "on"
_HAS_EFFECT_ON = re.compile(r"\b(?:has|have|had|exerts?|exerted|shows?|showed)\s+(?:an?\s+)?"
                            r"(?:\w+\s+)?(?:positive|beneficial|protective|neuroprotective|"
                            r"favou?rable|therapeutic)\s+effects?\s+on\s+", re.I)


_NEEDS_EFFECTS_OF_ON = Needs(_EFFECT_OF_ON, _HAS_EFFECT_ON)


def _effects_of_on(a: Analysed) -> list[Statement]:
    """Effects stated as a noun phrase: "an overall positive effect of MSCs and MSC-derived
    EVs on the neurobehavioral score" (the agents between "of" and "on"), "X has a positive
    effect on Y" (the agent before); the objects after "on"; a "better" change."""
    if not _NEEDS_EFFECTS_OF_ON.may_match(a.text):
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        found = [(m, a.within(m.start("agent"), m.end("agent"), AGENTS))
                 for m in _EFFECT_OF_ON.finditer(a.text, clause.start, clause.end)]
        found += [(m, _agent_before(a, clause, m.start()))
                  for m in _HAS_EFFECT_ON.finditer(a.text, clause.start, clause.end)]
        for m, agents in found:
            if not agents:
                continue
            stop = re.search(r"[,;]|\b(?:in|after|following|compared)\b", a.text[m.end():clause.end])
            end = m.end() + stop.start() if stop else clause.end
            objects = _objects(a, m.end(), end)
            ctx = context_for(a, clause)
            neg = negated(a.text, clause.start, m.start())
            hedge = hedged(a.text, clause.start, m.start())
            for obj in objects:
                for subj in agents:
                    if obj.entity.id == subj.entity.id:
                        continue
                    found = statement(a, "effect.better.nominal", subj.entity, "biolink:affects",
                                      obj.entity, direction=direction_of("better", obj),
                                      negated=neg, hedged=hedge, context=ctx)
                    out.append(as_regulation(found, subj, obj, a))
    return out


# "X as a modulator of Y" (a title), "X is a potent inhibitor of Y", "X acts as a negative
# regulator of Y": the agent named by what it does to Y
_AGENT_NOUN = re.compile(
    r"\b(?:as|is|are|was|were|(?:acts?|acted|acting|serves?|served|functions?|functioned)\s+"
    r"as|represents?|represented)\s+(?:an?\s+|the\s+)?(?:(?:potent|novel|potential|putative|"
    r"key|critical|important|major|crucial|natural|endogenous|effective|promising|strong|"
    r"powerful|master|possible|new)\s+){0,2}(?P<sign>(?:negative|positive)\s+)?"
    r"(?P<noun>modulator|regulator|inhibitor|suppressor|attenuator|enhancer|activator|inducer|"
    r"stimulator)s?\s+of\s+", re.I)
_NEEDS_AGENT_NOUN = Needs(_AGENT_NOUN)
_NOUN_KIND = {"modulator": "change", "regulator": "change", "inhibitor": "down",
              "suppressor": "down", "attenuator": "down", "enhancer": "up", "activator": "up",
              "inducer": "up", "stimulator": "up"}
# between the agent and "as a ...": a short form in brackets, a comma, an adverb
_AGENT_GAP = re.compile(r"^\s*(?:\([^()]{1,40}\)\s*)?,?\s*(?:(?:may|might|could|can|also|thus|"
                        r"therefore|\w+ly)\s+)*(?:be\s+)?$", re.I)


def _agent_nouns(a: Analysed, already: Sequence[Statement]) -> list[Statement]:
    """Effects stated by naming the agent for what it does: "X as a modulator of Y" (no
    direction), "X is a potent inhibitor of Y" (lowers Y), "X acts as an activator of Y"
    (raises Y), "a negative / positive regulator of Y"; the agent right before the cue (its
    short form or an adverb between), the objects after "of" (:func:`_objects`); a claim
    ``already`` read by the verb rules ("suppressor" and "enhancer" are triggers there) is
    not read twice."""
    if not _NEEDS_AGENT_NOUN.may_match(a.text):
        return []
    out: list[Statement] = []
    made = {(s.subject.id, s.object.id if isinstance(s.object, Entity) else s.object.text)
            for s in already}
    for clause in clauses(a.text):
        for m in _AGENT_NOUN.finditer(a.text, clause.start, clause.end):
            last = [x for x in a.within(clause.start, m.start(), AGENTS)
                    if _AGENT_GAP.match(a.text[x.end:m.start()])]
            if not last:
                continue
            agents = _agent_before(a, clause, m.start()) or \
                coordinated(a, last[-1], AGENTS, backwards=True)
            sign = (m.group("sign") or "").strip().lower()
            kind = {"negative": "down", "positive": "up"}.get(sign) or \
                _NOUN_KIND[m.group("noun").lower()]
            stop = re.search(r"[;]|\b(?:in|after|following|during|compared|through|via|by)\b",
                             a.text[m.end():clause.end])
            end = m.end() + stop.start() if stop else clause.end
            ctx = context_for(a, clause)
            neg = negated(a.text, clause.start, m.start())
            hedge = hedged(a.text, clause.start, m.start()) or bool(
                re.search(r"\b(?:potential|putative|possible|promising)\b", m.group(), re.I))
            for obj in _objects(a, m.end(), end):
                for subj in agents:
                    if obj.entity.id == subj.entity.id or (subj.entity.id, obj.entity.id) in made:
                        continue
                    found = statement(a, f"effect.{kind}.agent-noun", subj.entity,
                                      "biolink:affects", obj.entity,
                                      direction=direction_of(kind, obj), negated=neg,
                                      hedged=hedge, context=ctx)
                    out.append(as_regulation(found, subj, obj, a))
    return out


def _pairs_in_order(text: str, clause: Clause) -> bool:
    """True when the clause pairs its parts in order ("..., respectively") outside brackets:
    "(p < 0.001 and p = 0.001, respectively)" pairs statistics, not subjects and changes."""
    return any(text.count("(", clause.start, m.start()) <= text.count(")", clause.start,
                                                                     m.start())
               for m in _RESPECTIVELY.finditer(text, clause.start, clause.end))


def _respectively(a: Analysed, clause: Clause, triggers: list[Trigger],
                  state: DocumentState) -> list[Statement]:
    """'X with increased or decreased miR-Y led to enhancement or exacerbation, respectively,
    of A and B': pair the alternative subjects with the alternative triggers in order."""
    first = triggers[0]
    subjects = [m for m in a.within(clause.start, first.start, AGENTS)]
    alternatives = [m for m in subjects if m.source.startswith("composite")]
    spans = {}
    for m in alternatives:
        spans.setdefault((m.start, m.end), []).append(m)
    groups = [g for g in spans.values() if len(g) >= 2]
    if not groups:
        groups = [coordinated(a, max(subjects, key=lambda m: m.end), AGENTS, backwards=True)] \
            if subjects else []
    if not groups:
        return []
    subject_list = sorted(groups[-1], key=lambda m: m.start)
    trig_list = [t for t in triggers
                 if re.fullmatch(r"\s*(?:,\s*)?(?:or|and)\s*", a.text[first.end:t.start])
                 or t is first][:len(subject_list)]
    if len(trig_list) != len(subject_list):
        return _respectively_objects(a, clause, triggers, subject_list, state)
    last = trig_list[-1]
    later = [t for t in triggers if t.start > last.end]
    end = later[0].start if later else clause.end
    objects = _objects(a, last.end, end)
    ctx = context_for(a, clause)
    out = []
    for subj, trig in zip(subject_list, trig_list):
        for obj in objects:
            out.append(statement(a, "effect.respectively", subj.entity, "biolink:affects",
                                 obj.entity, direction=direction_of(trig.kind, obj),
                                 hedged=hedged(a.text, clause.start, trig.start),
                                 negated=negated(a.text, clause.start, trig.start),
                                 context=ctx))
    state.subject = [m.entity for m in subject_list]
    return out


def _respectively_objects(a: Analysed, clause: Clause, triggers: list[Trigger],
                          subjects: list[Mention], state: DocumentState) -> list[Statement]:
    """'A and B were essential for promoting X and Y, respectively': one trigger, as many
    objects as subjects; pair them in order (A with X, B with Y), never crosswise. Returns
    no statement when the counts differ (the clause is then read as usual)."""
    first = triggers[0]
    end = triggers[1].start if len(triggers) > 1 else clause.end
    objects = sorted(_objects(a, first.end, end), key=lambda m: m.start)
    if len(subjects) < 2 or len(objects) != len(subjects):
        return []
    ctx = context_for(a, clause)
    out = [statement(a, "effect.respectively", subj.entity, "biolink:affects", obj.entity,
                     direction=direction_of(first.kind, obj),
                     hedged=hedged(a.text, clause.start, first.start),
                     negated=negated(a.text, clause.start, first.start), context=ctx)
           for subj, obj in zip(subjects, objects)]
    state.subject = [m.entity for m in subjects]
    return out
