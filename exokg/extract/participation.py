"""Vesicles and miRNAs that take part in a disease or a process: "X play(s) an important
role in Y", "X is involved in Y", "evidence implicates X in Y", "(pivotal) roles of X in
(the pathogenesis of) Y".

Reviews and introductions say what vesicles or miRNAs do in a disease without a verb of
change. Read here, for vesicles, vesicle preparations and miRNAs as X (cells:
:mod:`exokg.extract.roles`; a molecule's part in a recognised process:
:func:`exokg.extract.biomarkers`):

* Y a disease, or a disease class the text names ("CNS disorders", "inflammatory
  pathologies"), also after "the pathogenesis / onset / development / progression /
  complications of": X ``biolink:associated_with`` Y, no direction (taking part in a disease
  says neither which way nor what changes);
* Y a process, phenotype or outcome ("inflammation", "the neuroprotection against stroke"):
  X ``biolink:participates_in`` Y.

The members after "including / such as" count too ("CNS disorders including acute brain
injury"). A role of benefit ("a neuroprotective / therapeutic role in D") is no part in the
disease (:mod:`exokg.extract.review_benefits`, :mod:`exokg.extract.properties`), nor is "a
role in the treatment / diagnosis of D". The claim is hedged by the usual cues ("may play a
role"); its status (mostly background) is the sentence's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exokg.extract.base import NONCODING, Analysed, clauses, coordinated, statement
from exokg.extract.conditions import SUCH_AS
from exokg.extract.context import context_for
from exokg.extract.epistemics import hedged, negated
from exokg.extract.outcomes import CONDITION_HEADS, head_of, outcome_for_text
from exokg.model import Mention, Statement
from exokg.recognise.injured_sites import minted_condition
from exokg.text.prefilter import Needs

__all__ = ["extract_participation"]

_TAKERS = frozenset({"Vesicle", "ExosomePreparation", "MicroRNA", "MicroRNACluster"}) | NONCODING
_PROCESSES = frozenset({"BiologicalProcess", "Phenotype", "Outcome"})
# a process or phenotype that plays a role in a disease ("Ferroptosis plays a critical role
# in ischemic stroke"); an open outcome ("recovery") is no taker
_PROCESS_TAKERS = frozenset({"BiologicalProcess", "Phenotype"})
# a gene or protein named a key part of a process ("CHAC1 was a key gene in ferroptosis")
_MOLECULES = frozenset({"Gene", "Protein"})
_ALL_TAKERS = _TAKERS | _PROCESS_TAKERS | _MOLECULES
_SIDES = _PROCESSES | frozenset({"Disease"})
_NO_OBJECTS = frozenset({"Vesicle", "ExosomePreparation", "MicroRNA", "MicroRNACluster",
                         "Cell", "Protein", "Gene", "Drug", "Therapy", "HerbalPreparation"})
# the importance or kind of a role; a role of benefit ("neuroprotective", "therapeutic") is
# not one of these
_ROLE_WORDS = (r"(?:(?:important|key|critical|crucial|central|major|pivotal|essential|vital|"
               r"significant|substantial|decisive|dual|active|direct|certain|potential|possible|"
               r"causal|pathophysiological|pathological|pathogenic|regulatory|emerging|"
               r"prominent|fundamental|diverse|multiple|various|novel|indispensable)\s+"
               r"(?:and\s+\w+\s+)?)*")
# "X (may) play(s) an important role in", "X is (critically) involved in", "X participate in"
_AFTER = re.compile(r"\b(?:play|plays|played|playing)\s+(?:an?\s+|the\s+)?" + _ROLE_WORDS +
                    r"roles?\s+in\s+|\b(?:is|are|was|were|be|been)\s+(?:\w+ly\s+)?involved\s+in\s+"
                    r"|\bparticipat(?:e|es|ed)\s+in\s+"
                    # "circRNAs are known to function in ischemic brain injury"
                    r"|\b(?:to|may|might|can|could)\s+function\s+in\s+", re.I)
# "Exosomes are crucial vehicles in / key mediators of intercellular communication",
# "EVs serve as messengers in ...": vesicles as the means of a process
_CARRIERS = re.compile(r"\b(?:is|are|was|were|be|been|serve\s+as|act\s+as|function\s+as|"
                       r"emerged\s+as)\s+(?:an?\s+|the\s+)?" + _ROLE_WORDS +
                       r"(?:vehicles?|carriers?|mediators?|messengers?|shuttles?|players?)\s+"
                       r"(?:in|of|for)\s+", re.I)
# "CHAC1 was a key gene in the progress of ferroptosis", "X is a critical regulator in Y"
_KEY_PART = re.compile(r"\b(?:is|are|was|were|be|been)\s+(?:an?\s+|the\s+)?" + _ROLE_WORDS +
                       r"(?:genes?|factors?|regulators?|players?|molecules?|components?|"
                       r"drivers?)\s+in\s+", re.I)
# "(Recent evidence) implicates X in Y": X between the verb and "in"
_IMPLICATES = re.compile(r"\bimplicat(?:e|es|ed)\s+(?P<x>[^;]{1,120}?)\s+in\s+", re.I)
# "Pivotal roles of X in Y (are increasingly acknowledged)": an importance word asserts the
# part; a bare "the role of X in D" names a topic ("This review evaluates the role of X in
# stroke", a title "The Role of X in SCI"), as does "the role of X as biomarkers in D"
_ROLES_OF = re.compile(r"\b(?:important|key|critical|crucial|central|major|pivotal|essential|"
                       r"vital|significant|decisive|causal|pathophysiological|pathogenic|"
                       r"fundamental|prominent)\s+" + _ROLE_WORDS + r"roles?\s+of\s+"
                       r"(?P<x>(?:(?!\bas\b)[^;]){1,120}?)\s+in\s+", re.I)
#: each pattern's own keyword test: a sentence is scanned only with the patterns it may match
_NEEDS_EACH = tuple((p, Needs(p)) for p in (_AFTER, _IMPLICATES, _ROLES_OF, _CARRIERS,
                                             _KEY_PART))
# "in the pathogenesis of D": the disease is the object; a treatment or a diagnosis is none
_COURSE_OF = re.compile(r"(?:the\s+)?(?:(?:pathogenesis|pathophysiology|onset|development|"
                        r"progression|aetiology|etiology|occurrence)\s+of\s+(?:the\s+)?"
                        r"(?:complications\s+of\s+)?|complications\s+of\s+)", re.I)
_NOT_A_PART = re.compile(r"(?:the\s+)?(?:treatment|therapy|therapies|management|diagnosis|"
                         r"prognosis|repair\s+of|recovery\s+from)\b", re.I)
# what may stand between X and the cue: a short form, a hedge, "is reported to"
# (and an apposition: "circRNAs, novel endogenous noncoding RNAs, play diverse roles in D";
# "circRNA molecules are known to function in D")
_GAP = re.compile(r"(?:\s*\([^()]{1,40}\))?(?:\s*,\s*(?:an?\s+|the\s+)?[\w-]+(?:\s+[\w-]+){0,4},)?"
                  r"\s*(?:(?:may|might|could|can|also|likely|probably|molecules|"
                  r"indeed|still|thus|therefore|further|all|both|each|have|has|had|been|is|are|"
                  r"was|were|be|shown|reported|suggested|found|thought|believed|known|proposed|"
                  r"considered|demonstrated|to|and|\w+ly)\s+)*", re.I)
# a class of diseases: "CNS disorders", "inflammatory pathologies" (modifiers, a short form,
# the head)
_CLASS_AT = re.compile(r"(?P<mods>(?:(?!(?:and|or|of|in|with|by|for|to|after)\b)[A-Za-z][\w-]*\s+)"
                       r"{1,4}?)(?:\([^()]{1,20}\)\s*)?(?P<head>disorders?|diseases?|"
                       r"patholog(?:y|ies)|conditions)\b", re.I)
_AND_TO = re.compile(r"\s(?:and|or)\s+(?:to\s+)?$", re.I)


def _disease_class(a: Analysed, at: int, end: int) -> list[Mention]:
    """The phrase at ``at`` that names a class of diseases ("inflammatory pathologies",
    "central nervous system (CNS) disorders": up to four modifiers, a short form, the head),
    as an open condition; else nothing."""
    m = _CLASS_AT.match(a.text, at, end)
    if not m:
        return []
    label = outcome_for_text(f"{m.group('mods')}{m.group('head')}").label
    return [Mention(minted_condition(label), at, m.end(),
                    a.text[at:m.end()], "open-condition")]


# "in the progress / course of ferroptosis": the process itself is the object
_PROCESS_OF = re.compile(r"(?:the\s+)?(?:progress|course|process)\s+of\s+(?:the\s+)?", re.I)


def _objects(a: Analysed, start: int, end: int) -> list[tuple[Mention, str]]:
    """What X takes part in, opening ``a.text[start:end]``, each with its predicate: the
    coordinated diseases (associated_with) and processes (participates_in), else one open
    phrase naming a class of diseases; then the members after "including"."""
    course = _COURSE_OF.match(a.text, start)
    at = course.end() if course else start
    if not course and (process_of := _PROCESS_OF.match(a.text, start)):
        at = process_of.end()
    if _NOT_A_PART.match(a.text, at):
        return []
    known = a.within(at, end, _SIDES)
    found: list[Mention] = []
    if known and re.fullmatch(r"\s*(?:[\w-]+\s+){0,2}", a.text[at:known[0].start]) and \
            not (course and known[0].start > at):
        found = coordinated(a, known[0], _SIDES, backwards=False)
    else:
        found = _disease_class(a, at, end)
    if not found:
        return []
    if _NOT_A_PART.match(a.text, found[-1].end + 1):  # "in Ischemic Stroke Treatment"
        return []
    out = [(m, "biolink:associated_with" if course or m.category == "Disease" or
            m.source == "open-condition" or head_of(m.entity.label) in CONDITION_HEADS
            else "biolink:participates_in") for m in found]
    members = SUCH_AS.match(a.text, found[-1].end)
    if members:
        out += [(m, "biolink:associated_with")
                for m in a.within(members.end(), end, _SIDES)[:1]]
    return out


def _subjects_before(a: Analysed, lo: int, at: int,
                     takers: frozenset[str] = _TAKERS) -> list[Mention]:
    """The vesicles or miRNAs (or other ``takers``) right before the cue at ``at`` (a hedge
    or "is reported to" between), with those coordinated with them."""
    before = [m for m in a.within(lo, at, takers) if _GAP.fullmatch(a.text, m.end, at)]
    if not before:
        # "miR-X is reported to regulate A and to be involved in B": the second predicate of
        # the same subject (no comma between)
        named = a.within(lo, at, takers)
        if not named or not _AND_TO.search(a.text, named[-1].end, at) or \
                re.search(r"[,;]", a.text[named[-1].end:at]):
            return []
        before = named[-1:]
    return coordinated(a, before[-1], takers, backwards=True)


def _process_subjects(a: Analysed, lo: int, at: int) -> list[Mention]:
    """The processes or phenotypes right before the cue at ``at`` when no vesicle or miRNA
    is ("Ferroptosis plays a critical role in ischemic stroke"); a process that stands in an
    "of" phrase ("the role of inflammation") or after "by" is none."""
    found = _subjects_before(a, lo, at, _PROCESS_TAKERS)
    if found and re.search(r"\b(?:of|by|in|with|to)\s+(?:the\s+)?$",
                           a.text[max(lo, found[0].start - 12):found[0].start]):
        return []
    return found


def _subjects_in(a: Analysed, start: int, end: int) -> list[Mention]:
    """The vesicles or miRNAs named in ``a.text[start:end]`` (the first and those coordinated
    with it; a short form in brackets is the same entity)."""
    found = a.within(start, end, _TAKERS)
    return coordinated(a, found[0], _TAKERS, backwards=False) if found else []


def extract_participation(a: Analysed, found: Sequence[Statement] = ()) -> list[Statement]:
    """Statements of vesicles or miRNAs taking part in a disease or a process (module docs);
    a pair ``found`` (the sentence's other statements) already relates is left alone."""
    live = {p for p, needs in _NEEDS_EACH if needs.may_match(a.text)}
    if not live or not any(m.category in _ALL_TAKERS for m in a.mentions):
        return []
    have = {(s.subject.id, getattr(s.object, "id", None)) for s in found}
    out: list[Statement] = []
    for clause in clauses(a.text):
        # (the cue, its subjects, whether only a disease may be the object)
        readings: list[tuple[re.Match[str], list[Mention], bool]] = []
        for m in (_AFTER.finditer(a.text, clause.start, clause.end) if _AFTER in live else ()):
            subjects = _subjects_before(a, clause.start, m.start())
            readings.append((m, subjects, False) if subjects else
                            (m, _process_subjects(a, clause.start, m.start()), True))
        readings += [(m, _subjects_in(a, m.start("x"), m.end("x")), False)
                     for p in (_IMPLICATES, _ROLES_OF) if p in live
                     for m in p.finditer(a.text, clause.start, clause.end)]
        readings += [(m, _subjects_before(a, clause.start, m.start()), False)
                     for m in (_CARRIERS.finditer(a.text, clause.start, clause.end)
                               if _CARRIERS in live else ())]
        readings += [(m, _subjects_before(a, clause.start, m.start(), _TAKERS | _MOLECULES),
                      False) for m in (_KEY_PART.finditer(a.text, clause.start, clause.end)
                                       if _KEY_PART in live else ())]
        for m, subjects, diseases_only in readings:
            for y, predicate in _objects(a, m.end(), clause.end) if subjects else ():
                if diseases_only and predicate != "biolink:associated_with":
                    continue
                for x in subjects:
                    if (x.entity.id, y.entity.id) in have or x.entity.id == y.entity.id:
                        continue
                    have.add((x.entity.id, y.entity.id))
                    out.append(statement(a, "participation", x.entity, predicate, y.entity,
                                         hedged=hedged(a.text, clause.start, m.start()),
                                         negated=negated(a.text, clause.start, m.start()),
                                         context=context_for(a, clause)))
    return out
