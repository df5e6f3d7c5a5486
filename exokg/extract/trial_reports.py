"""A paper that reports a clinical trial: the intervention it tests
``biolink:in_clinical_trials_for`` the condition of its patients, as a registry record's
fields give it (:mod:`exokg.extract.registry`).

A document reports a trial (:func:`reports_trial`) when it names a trial design and says the
design is its own:

* a title that ends in, or opens with, a design ("...: a first-in-human, single-arm,
  open-label, phase I clinical trial", "A randomized controlled trial of X in D");
* a sentence that says the study is one ("This study was a single-arm, open-label, phase I
  clinical trial", "We conducted a double-blind, placebo-controlled pilot trial").

A document also reports a trial when it gives its own registration number outside
ClinicalTrials.gov ("Registration number: ChiCTR2000012345", "Trial registration: ISRCTN12345678",
"registered at the Chinese Clinical Trial Registry (ChiCTR-IIR-17012345)", EudraCT, ANZCTR,
CTRI, DRKS, jRCT, IRCT, KCT, UMIN numbers): a registry record kept as text or Markdown, or an
abstract's registration line. Its title then needs no design word: "A clinical study on the
safety and efficacy of X in the treatment of D", "A randomised study of X for D".

A design is a phase ("phase I", "phase 2a", "phase 1/2"), or a design word (randomised,
controlled, open-label, single-arm, double-blind, placebo-controlled, first-in-human, pilot,
dose-escalation) before "trial" in the singular. A review that mentions other people's
trials ("several phase I trials have tested X", "a randomized controlled trial showed")
reports none.

In such a document, a sentence that names the study's intervention and its patients' condition
gives ``in_clinical_trials_for`` (rule ``trial.report``, species human):

* the title "X in (patients with) D: a ... trial" (what comes before the last "in" is the
  intervention, the disease right after it the condition);
* "(administration / injection / transplantation / safety / effects) of X in (N) patients
  with D", "patients with D received / were treated with X", in a sentence that speaks of the
  study (the aim, the methods, the results).

The intervention is the sentence's preparation (a preparation before a plain vesicle or a
cell); a preparation named less fully than the one the document introduced ("allogeneic
exosomes" after "allogeneic human umbilical cord MSC-derived exosomes") is that one.
A registry record is read by its fields, and a document that names its trial's NCT number by
:mod:`exokg.extract.trials`; neither is read here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exokg.extract.base import Analysed, DocumentState, pairs_made, statement
from exokg.extract.status import is_title, speaks_of_study
from exokg.model import Context, Entity, Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["REGISTRATION", "extract_trial_report", "registers_trial", "reports_trial"]

HUMAN = "NCBITaxon:9606"
_PHASE = r"phase\s*(?:[1-4]|I{1,3}|IV)[ab]?(?:\s*/\s*(?:[1-4]|I{1,3}|IV)[ab]?)?"
_DESIGN_WORD = (r"randomi[sz]ed|(?:placebo-|sham-)?controlled|open-label|single-arm|"
                r"double-blind(?:ed)?|single-blind(?:ed)?|first-in-human|pilot|"
                r"dose-escalation|multicent(?:er|re)|non-randomi[sz]ed|single-cent(?:er|re)")
#: a trial design named in the singular ("a ... phase I clinical trial")
DESIGN = re.compile(rf"\b(?:{_PHASE}|{_DESIGN_WORD})\b(?:[\s,]+(?:and\s+)?[\w/-]+){{0,7}}?"
                    r"[\s,]+(?:clinical\s+)?trial\b(?!s)", re.I)
_NEEDS_DESIGN = Needs(DESIGN)
#: the study says the design is its own
_OWN = re.compile(r"\b(?:(?:this|our|the\s+(?:present|current))\s+(?:[\w-]+\s+){0,3}"
                  r"(?:study|work)\s+(?:was|is|were)\b|\b(?:this|our|the\s+(?:present|current))"
                  r"\s+(?:[\w,/-]+\s+){0,6}trial\b(?!s)|\bwe\s+(?:conducted|performed|"
                  r"report|carried\s+out|undertook|designed|initiated|ran|present)\b|"
                  r"\b(?:in|by)\s+(?:this|our)\s+(?:[\w,-]+\s+){0,6}trial\b)", re.I)
#: "in (N) patients with D" / "in N participants suffering from D"
_PATIENTS = re.compile(r"\b(?:in|of|for|among)\s+(?:[\w-]+\s+){0,2}?(?:patients|participants|"
                       r"subjects|individuals|adults|children|people|volunteers)\s+(?:with|"
                       r"suffering\s+from|after|who\s+had)\s+(?:an?\s+|the\s+)?", re.I)
_NEEDS_PATIENTS = Needs(_PATIENTS)
#: a word that says the intervention is given or tested
_GIVEN = re.compile(r"\b(?:administ\w+|inject\w*|infus\w+|transplant\w*|deliver\w*|"
                    r"implant\w*|treat\w*|receiv\w+|given|safety|efficacy|effects?|"
                    r"feasibility|tolerability)\b", re.I)
_INTERVENTIONS = ("ExosomePreparation", "Vesicle", "Cell", "Therapy", "Drug",
                  "HerbalPreparation")
_CONDITIONS = frozenset({"Disease"})


#: a registration number of a registry other than ClinicalTrials.gov (whose NCT numbers
#: :mod:`exokg.extract.trials` reads): ChiCTR, ISRCTN, EudraCT, ANZCTR (ACTRN), CTRI, DRKS,
#: jRCT, IRCT, KCT (CRiS), UMIN-CTR
REGISTRATION = re.compile(r"\b(?:ChiCTR(?:-[A-Z]{2,5}-)?\d{8,10}|ISRCTN\d{8}|"
                          r"(?:EudraCT\s*(?:number|no\.?)?:?\s*)\d{4}-\d{6}-\d{2}|ACTRN\d{14}|"
                          r"CTRI/\d{4}/\d{2,3}/\d{6}|DRKS\d{8}|jRCT[sa]?\d{6,10}|IRCT\d{8,}N?\d*|"
                          r"KCT\d{7}|UMIN\d{9})\b")
_NEEDS_REGISTRATION = Needs(REGISTRATION)
#: the number is the document's own: a registry record's field, a registration line
_OWN_NUMBER = re.compile(r"\b(?:registration\s+(?:number|no\.?|id)|trial\s+registration|"
                         r"registered\s+(?:at|with|in|on|under)|registry\s+(?:number|no\.?|"
                         r"id(?:entifier)?)|main\s+id|(?:trial|study)\s+(?:id|identifier)|"
                         r"EudraCT\s+(?:number|no\b))\b",
                         re.I)


def registers_trial(sentences: Sequence[Analysed]) -> bool:
    """True when a sentence of ``sentences`` gives the document's own registration number
    outside ClinicalTrials.gov ("Registration number: ChiCTR2600012345"; module docs)."""
    return any(_NEEDS_REGISTRATION.may_match(a.text) and REGISTRATION.search(a.text)
               and _OWN_NUMBER.search(a.text) for a in sentences)


def reports_trial(sentences: Sequence[Analysed]) -> bool:
    """True when the document of ``sentences`` reports a trial of its own (module docs)."""
    sentences = list(sentences)
    if any(a.document.kind == "registry-record" and a.document.fields for a in sentences[:1]):
        return False  # a ClinicalTrials.gov record is read by its fields
    if registers_trial(sentences):
        return True
    for a in sentences:
        if not _NEEDS_DESIGN.may_match(a.text):
            continue
        m = DESIGN.search(a.text)
        if not m:
            continue
        if is_title(a.document, a) or _OWN.search(a.text):
            return True
    return False


_RECEIVED = re.compile(r"^[^.;]{0,60}?\b(?:received|receiving|were\s+(?:treated|injected|"
                       r"infused|given)|(?:treated|injected|infused)\s+with|underwent)\b",
                       re.I)


def _intervention(a: Analysed, end: int, after: int, state: DocumentState) -> list[Entity]:
    """The interventions named before ``end`` ("X in patients with D"), else after ``after``
    when the patients receive it ("patients with D received X"): the preparations if any,
    else the last vesicle, cell or therapy; a preparation or vesicle named less fully than
    the document's trial preparation is that preparation."""
    pool = [m for m in a.within(0, end) if m.category in _INTERVENTIONS]
    received = _RECEIVED.match(a.text[after:])
    if not pool and received:
        pool = [m for m in a.within(after + received.end(), len(a.text))
                if m.category in _INTERVENTIONS][:3]
    if not pool:
        return []
    preps = [m for m in pool if m.category == "ExosomePreparation"]
    chosen: list[Mention] = preps or [m for m in pool if m.category == "Vesicle"][-1:] or \
        pool[-1:]
    out: dict[str, Entity] = {}
    for m in chosen:
        entity = _fuller(m.entity, state.trial_intervention)
        out.setdefault(entity.id, entity)
    return list(out.values())


def _fuller(entity: Entity, known: Entity | None) -> Entity:
    """``known`` when ``entity`` names the same vesicles with fewer parts (every part of
    ``entity`` is one of ``known``'s), else ``entity``."""
    if known is None or known.id == entity.id or known.category != "ExosomePreparation":
        return entity
    if entity.category == "Vesicle":
        return known if entity.id in known.attr("vesicleType") else entity
    if entity.category != "ExosomePreparation":
        return entity
    parts, fuller = set(entity.attributes), set(known.attributes)
    return known if parts and parts < fuller and "sourceCell" not in dict(entity.attributes) \
        else entity


def _title_pairs(a: Analysed) -> tuple[int, list[Mention]] | None:
    """A title "X in (patients with) D: a ... trial": where X ends and the diseases D."""
    design = DESIGN.search(a.text)
    if not design:
        return None
    head = a.text[:design.start()]
    cut = None
    for m in re.finditer(r"\s(?:in|for)\s+(?:(?:[\w-]+\s+)?(?:patients|participants|subjects|"
                         r"adults|children)\s+(?:with|after)\s+)?", head, re.I):
        cut = m
    if cut is None:
        return None
    diseases = [d for d in a.within(cut.end(), design.start(), _CONDITIONS)]
    if not diseases or not re.fullmatch(r"(?:[\w-]+\s+){0,3}", a.text[cut.end():
                                                                        diseases[0].start]):
        return None
    tail = a.text[diseases[-1].end:design.start()]
    if not re.fullmatch(r"[^:;.]*?[\s(]*\)?\s*[:;,.\u2013\u2014-]\s*(?:an?\s+|the\s+)?", tail):
        return None
    return cut.start(), diseases


#: a study title without a design word: "A clinical study on the safety and efficacy of",
#: "A randomised study of", "Study to evaluate the efficacy of"
_STUDY_TITLE = re.compile(r"^\W*(?:an?\s+|the\s+)?(?:[\w,-]+\s+){0,4}?(?:clinical\s+)?(?:study|"
                          r"trial|investigation|evaluation)\s+(?:on|of|to\s+(?:evaluate|assess|"
                          r"investigate|explore|determine|observe)|evaluating|assessing|"
                          r"investigating)\s+", re.I)
_TREATMENT_OF = re.compile(r"\s(?:in|for)\s+(?:the\s+)?(?:(?:treatment|therapy|management)\s+"
                           r"of\s+|(?:[\w-]+\s+)?(?:patients|participants|subjects|adults|"
                           r"children)\s+(?:with|after)\s+)?", re.I)


def _registered_title_pairs(a: Analysed) -> tuple[int, list[Mention]] | None:
    """A registered study's title "A clinical study on the safety and efficacy of X in the
    treatment of D": where X ends and the diseases D that end the title."""
    if not _STUDY_TITLE.match(a.text):
        return None
    cut = None
    for m in _TREATMENT_OF.finditer(a.text):
        cut = m
    if cut is None:
        return None
    diseases = a.within(cut.end(), len(a.text), _CONDITIONS)
    if not diseases or not re.fullmatch(r"(?:[\w-]+\s+){0,3}", a.text[cut.end():
                                                                     diseases[0].start]):
        return None
    if not re.fullmatch(r"\s*(?:\([^()]*\))?\s*[.?]?\s*", a.text[diseases[-1].end:]):
        return None
    return cut.start(), diseases


def extract_trial_report(a: Analysed, state: DocumentState,
                         already: Sequence[Statement] = ()) -> list[Statement]:
    """``in_clinical_trials_for`` statements of one sentence of a trial report (module
    docs); nothing for other documents, for one whose trial has an NCT number, or for a claim
    ``already`` made of the sentence."""
    if not state.trial_report or state.trial is not None:
        return []
    pairs: list[tuple[int, list[Mention]]] = []
    if is_title(a.document, a):
        found = _title_pairs(a) or (_registered_title_pairs(a) if state.trial_registered
                                    else None)
        if found:
            pairs.append(found)
    if not pairs and _NEEDS_PATIENTS.may_match(a.text) and (
            speaks_of_study(a.text) or _OWN.search(a.text) or state.study_named
            or is_title(a.document, a)):
        for m in _PATIENTS.finditer(a.text):
            if not _GIVEN.search(a.text):
                break
            diseases = [d for d in a.within(m.end(), len(a.text), _CONDITIONS)
                        if re.fullmatch(r"(?:[\w-]+\s+){0,3}", a.text[m.end():d.start])][:1]
            if diseases:
                pairs.append((m.start(), diseases))
    made = pairs_made(already, predicate="biolink:in_clinical_trials_for")
    out: list[Statement] = []
    for end, diseases in pairs:
        for agent in _intervention(a, end, diseases[-1].end, state):
            for d in diseases:
                if (agent.id, d.entity.id) in made or agent.id == d.entity.id:
                    continue
                made.add((agent.id, d.entity.id))
                if state.trial_intervention is None and agent.category == "ExosomePreparation":
                    state.trial_intervention = agent
                out.append(statement(a, "trial.report", agent,
                                     "biolink:in_clinical_trials_for", d.entity,
                                     context=Context(species=(HUMAN,))))
    return out
