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

from exokg.extract.base import Analysed, clauses, coordinated, statement
from exokg.extract.context import context_for
from exokg.extract.epistemics import hedged, negated
from exokg.extract.outcomes import CONDITION_HEADS, head_of, outcome_for_text
from exokg.ids import mint
from exokg.model import Entity, Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["extract_participation"]

_TAKERS = frozenset({"Vesicle", "ExosomePreparation", "MicroRNA", "MicroRNACluster"})
_PROCESSES = frozenset({"BiologicalProcess", "Phenotype", "Outcome"})
_SIDES = _PROCESSES | frozenset({"Disease"})
_NO_OBJECTS = frozenset({"Vesicle", "ExosomePreparation", "MicroRNA", "MicroRNACluster",
                         "Cell", "Protein", "Gene", "Drug", "Therapy", "HerbalPreparation"})
# the importance or kind of a role; a role of benefit ("neuroprotective", "therapeutic") is
# not one of these
_ROLE_WORDS = (r"(?:(?:important|key|critical|crucial|central|major|pivotal|essential|vital|"
               r"significant|substantial|decisive|dual|active|direct|certain|potential|possible|"
               r"causal|pathophysiological|pathological|pathogenic|regulatory|emerging|"
               r"prominent|fundamental)\s+(?:and\s+\w+\s+)?)*")
# "X (may) play(s) an important role in", "X is (critically) involved in", "X participate in"
_AFTER = re.compile(r"\b(?:play|plays|played|playing)\s+(?:an?\s+|the\s+)?" + _ROLE_WORDS +
                    r"roles?\s+in\s+|\b(?:is|are|was|were|be|been)\s+(?:\w+ly\s+)?involved\s+in\s+"
                    r"|\bparticipat(?:e|es|ed)\s+in\s+", re.I)
# "(Recent evidence) implicates X in Y": X between the verb and "in"
_IMPLICATES = re.compile(r"\bimplicat(?:e|es|ed)\s+(?P<x>[^;]{1,120}?)\s+in\s+", re.I)
# "Pivotal roles of X in Y (are increasingly acknowledged)": an importance word asserts the
# part; a bare "the role of X in D" names a topic ("This review evaluates the role of X in
# stroke", a title "The Role of X in SCI"), as does "the role of X as biomarkers in D"
_ROLES_OF = re.compile(r"\b(?:important|key|critical|crucial|central|major|pivotal|essential|"
                       r"vital|significant|decisive|causal|pathophysiological|pathogenic|"
                       r"fundamental|prominent)\s+" + _ROLE_WORDS + r"roles?\s+of\s+"
                       r"(?P<x>(?:(?!\bas\b)[^;]){1,120}?)\s+in\s+", re.I)
_NEEDS = Needs(_AFTER, _IMPLICATES, _ROLES_OF)
# "in the pathogenesis of D": the disease is the object; a treatment or a diagnosis is none
_COURSE_OF = re.compile(r"(?:the\s+)?(?:(?:pathogenesis|pathophysiology|onset|development|"
                        r"progression|aetiology|etiology|occurrence)\s+of\s+(?:the\s+)?"
                        r"(?:complications\s+of\s+)?|complications\s+of\s+)", re.I)
_NOT_A_PART = re.compile(r"(?:the\s+)?(?:treatment|therapy|therapies|management|diagnosis|"
                         r"prognosis|repair\s+of|recovery\s+from)\b", re.I)
# what may stand between X and the cue: a short form, a hedge, "is reported to"
_GAP = re.compile(r"(?:\s*\([^()]{1,40}\))?\s*(?:(?:may|might|could|can|also|likely|probably|"
                  r"indeed|still|thus|therefore|further|all|both|each|have|has|had|been|is|are|"
                  r"was|were|be|shown|reported|suggested|found|thought|believed|known|proposed|"
                  r"considered|demonstrated|to|and|\w+ly)\s+)*", re.I)
# a class of diseases: "CNS disorders", "inflammatory pathologies" (modifiers, a short form,
# the head)
_CLASS_AT = re.compile(r"(?P<mods>(?:(?!(?:and|or|of|in|with|by|for|to|after)\b)[A-Za-z][\w-]*\s+)"
                       r"{1,4}?)(?:\([^()]{1,20}\)\s*)?(?P<head>disorders?|diseases?|"
                       r"patholog(?:y|ies)|conditions)\b", re.I)
_AND_TO = re.compile(r"\s(?:and|or)\s+(?:to\s+)?$", re.I)
_MEMBERS = re.compile(r"\s*,?\s*(?:including|such\s+as|like|e\.g\.,?)\s+(?:the\s+)?", re.I)


def _disease_class(a: Analysed, at: int, end: int) -> list[Mention]:
    """The phrase at ``at`` that names a class of diseases ("inflammatory pathologies",
    "central nervous system (CNS) disorders": up to four modifiers, a short form, the head),
    as an open condition; else nothing."""
    m = _CLASS_AT.match(a.text, at, end)
    if not m:
        return []
    label = outcome_for_text(f"{m.group('mods')}{m.group('head')}").label
    return [Mention(Entity(mint("condition", label), label, "Phenotype"), at, m.end(),
                    a.text[at:m.end()], "open-condition")]


def _objects(a: Analysed, start: int, end: int) -> list[tuple[Mention, str]]:
    """What X takes part in, opening ``a.text[start:end]``, each with its predicate: the
    coordinated diseases (associated_with) and processes (participates_in), else one open
    phrase naming a class of diseases; then the members after "including"."""
    course = _COURSE_OF.match(a.text, start)
    at = course.end() if course else start
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
    members = _MEMBERS.match(a.text, found[-1].end)
    if members:
        out += [(m, "biolink:associated_with")
                for m in a.within(members.end(), end, _SIDES)[:1]]
    return out


def _subjects_before(a: Analysed, lo: int, at: int) -> list[Mention]:
    """The vesicles or miRNAs right before the cue at ``at`` (a hedge or "is reported to"
    between), with those coordinated with them."""
    before = [m for m in a.within(lo, at, _TAKERS) if _GAP.fullmatch(a.text, m.end, at)]
    if not before:
        # "miR-X is reported to regulate A and to be involved in B": the second predicate of
        # the same subject (no comma between)
        named = a.within(lo, at, _TAKERS)
        if not named or not _AND_TO.search(a.text, named[-1].end, at) or \
                re.search(r"[,;]", a.text[named[-1].end:at]):
            return []
        before = named[-1:]
    return coordinated(a, before[-1], _TAKERS, backwards=True)


def _subjects_in(a: Analysed, start: int, end: int) -> list[Mention]:
    """The vesicles or miRNAs named in ``a.text[start:end]`` (the first and those coordinated
    with it; a short form in brackets is the same entity)."""
    found = a.within(start, end, _TAKERS)
    return coordinated(a, found[0], _TAKERS, backwards=False) if found else []


def extract_participation(a: Analysed, found: Sequence[Statement] = ()) -> list[Statement]:
    """Statements of vesicles or miRNAs taking part in a disease or a process (module docs);
    a pair ``found`` (the sentence's other statements) already relates is left alone."""
    if not _NEEDS.may_match(a.text) or not any(m.category in _TAKERS for m in a.mentions):
        return []
    have = {(s.subject.id, getattr(s.object, "id", None)) for s in found}
    out: list[Statement] = []
    for clause in clauses(a.text):
        readings = [(m, _subjects_before(a, clause.start, m.start()))
                    for m in _AFTER.finditer(a.text, clause.start, clause.end)]
        readings += [(m, _subjects_in(a, m.start("x"), m.end("x")))
                     for p in (_IMPLICATES, _ROLES_OF)
                     for m in p.finditer(a.text, clause.start, clause.end)]
        for m, subjects in readings:
            for y, predicate in _objects(a, m.end(), clause.end) if subjects else ():
                for x in subjects:
                    if (x.entity.id, y.entity.id) in have or x.entity.id == y.entity.id:
                        continue
                    have.add((x.entity.id, y.entity.id))
                    out.append(statement(a, "participation", x.entity, predicate, y.entity,
                                         hedged=hedged(a.text, clause.start, m.start()),
                                         negated=negated(a.text, clause.start, m.start()),
                                         context=context_for(a, clause)))
    return out
