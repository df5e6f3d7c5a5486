"""miRNA-disease associations: the ways the field reports that a miRNA's level is changed
in a disease, or that a miRNA plays a part in one.

* "miR-X was (significantly) up-regulated / overexpressed / reduced in (the brains of) D
  (patients)", "down-regulation of miR-X in D", "Downregulated miR-X in D promotes ...",
  "in D, miR-X and miR-Y were elevated", "D in which miR-X was up-regulated" ->
  miR-X ``biolink:associated_with`` D, direction increased or decreased (none for
  "dysregulated", "aberrantly expressed", "altered"; rule ``mirna-disease.level``);
* "miR-X is associated with / implicated in / involved in / contributes to (the
  pathogenesis of) D", "a role of miR-X in D", "miR-X acts as a tumour suppressor / an
  oncogene in D" -> miR-X ``biolink:associated_with`` D (``mirna-disease.role``);
* "serum miR-X as a (potential) biomarker of / for D", "miR-X, a prognostic marker of D" ->
  miR-X ``biolink:biomarker_for`` D (``mirna-disease.biomarker``).

* "miR-A, miR-B (and miR-C) (allowed to) distinguish D from healthy subjects" -> the
  miRNAs ``biolink:biomarker_for`` D (``mirna-disease.distinguishes``);
* the level finding after its setting ("miR-X levels in the CSF of patients with D were
  elevated"), the disease's samples first ("D specimens showed an increase in miR-X", "D is
  characterised by reduced levels of miR-X"), a changed group whose members follow ("among
  the miRNAs downregulated in D were A and B"), "profiling of D identified A as
  up-regulated" -> ``associated_with`` with the level's direction (``mirna-disease.level``);
* what a miRNA does to diseased cells ("inhibited the proliferation of D cells", "reduced
  tumour burden in a model of D"; ``mirna-disease.function``, no direction; "in D cells" is
  an experiment's setting and gives nothing) and animals without it that develop the
  disease ("mice lacking miR-X developed D"; ``mirna-disease.model``, direction decreased).

A miRNA that ends an enumeration stands for all its members, also when each member has its
statistics in brackets ("reduced expression of miR-A (2.0-fold; P = 0.04), miR-B (...) and
miR-C (...) in D", :mod:`exokg.extract.enumerations`) or the list gives examples of a group
("several miRNAs, including miR-A and miR-B, having X activity, were found to be
overexpressed in D"). Two findings side by side ("miR-A upregulation and miR-B
downregulation in D") each keep their direction; the second of two findings contrasted by
"whereas" / "while" that names no disease of its own ("..., whereas miR-B was reduced
compared with normal tissue") takes the disease of the first.

A generic "tumour" or "cancer" names no particular disease and is no partner ("miR-X was
overexpressed in all tumour samples", "Medulloblastoma tumours expressed ..."). A disease is
never the object of increases or decreases: the direction says how the
miRNA's level differs in the disease, as the biomarker level rule has it. Negation and hedges
are read as for every other rule ("was not altered in D", "may contribute to D"). A miRNA
the biomarker rules already relate to a disease in the sentence is left to them
(:func:`new_pairs`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from exokg.extract.base import Analysed, Clause, DocumentState, clauses
from exokg.extract.context import context_for
from exokg.extract.enumerations import list_end, members
from exokg.extract.mirna_disease_cues import ANY, CHANGE, DISEASES, DOWN, EVENT, GENERIC, UP, \
    lead_cue, level_direction
from exokg.extract.mirna_disease_settings import before_mirna, disease_list, function_in, \
    level_after_setting, model_of
from exokg.extract.mirna_rules import MIRNAS, emit
from exokg.model import Mention, Statement

__all__ = ["DISEASES", "MIRNAS", "extract_mirna_disease", "new_pairs"]

# the disease is introduced by a preposition, with a few words between ("in the brains of
# AD patients", "after traumatic brain injury", "in human grade II-IV")
_INTRO = re.compile(r"\b(?:in|after|during|following)\s+(?:[\w'’/%-]+\s+){0,7}$", re.I)
# words that end what one change cue can govern: another finite clause or a comparison
_STOP = re.compile(r"[;:]|\b(?:whereas|while|but|although|compared|than|which|that|and\s+"
                   r"(?:was|were|is|are)|by)\b", re.I)
_ROLE = re.compile(r"\b(?:associated\s+with|association\s+with|linked\s+to|implicated\s+in|"
                   r"involved\s+in|involvement\s+in|participat\w*\s+in|roles?\s+in|"
                   r"contribut\w*\s+to|"
                   r"tumou?r[\s-]suppress(?:or|ive)\w*(?:\s+\w+)?\s+(?:in|of|for)|"
                   r"(?:new|novel|key|major|important|critical)\s+players?\s+in|"
                   r"hallmarks?\s+of|susceptibility\s+to|predisposition\s+to|"
                   r"oncogen\w*(?:\s+\w+)?\s+in|onco-?mirs?\s+in|"
                   r"(?:pathogenesis|progression|development|pathophysiology)\s+of|"
                   # "the locus of miR-X is a candidate region for D" (genetics)
                   r"candidate\s+(?:genes?|regions?|loc(?:us|i))\s+for|"
                   # "a (potential) therapeutic target for D"
                   r"(?:therapeutic|treatment|drug|potential|novel|promising|attractive)\s+"
                   r"targets?\s+(?:for|in|of))\s+", re.I)
_BIOMARKER = re.compile(r"\b(?:(?:bio)?markers?|indicators?|predictors?|signatures?|"
                        r"(?:prognostic|diagnostic|predictive)\s+(?:factors?|values?|"
                        r"significance|tools?|parameters?))\s+(?:for|of|in)\s+", re.I)
# at most six words ("the pathogenesis of", "poor outcome in")
_FEW_WORDS = re.compile(r"^\s*(?:[\w'’()/,-]+\s+){0,6}$")
# what may stand between a miRNA and its change cue: "miR-X (expression) was (significantly)
# up-regulated", "miR-X levels are markedly reduced", "miR-21 and 221 upregulation", "were
# found to be overexpressed"
_LEVEL_BODY = (rf"(?:\([^()]*\)\s*)?(?:,\s*(?:(?:an?\s+)?(?:[\w-]+\s+){{0,2}}?"
               rf"(?:miRNA|microRNA|miR)\s+)?(?:that|which)\s+)?"
               rf"(?:(?:expression|levels?|concentrations?|"
               rf"transcripts?|abundance)\s+)?(?:(?:was|were|is|are|has\s+been|"
               rf"have\s+been|been|being|be|appeared|appears|remained|became)\s+)?"
               rf"(?:(?:\w+ly|also|not|further|consistently|most|more|less|highly)\s+)*"
               rf"(?:(?:found|shown|reported|observed|demonstrated|known)\s+to\s+be\s+"
               rf"(?:\w+ly\s+)?)?"
               # "one of the most downregulated (miRNAs)", "among the most strongly induced"
               rf"(?:(?:(?:one|some)\s+of\s+|among\s+)?the\s+(?:most|top|highest|strongest)\s+"
               rf"(?:\w+ly\s+)?)?"
               # "deleted or down-regulated": two cues of one finding
               rf"(?:(?:{UP}|{DOWN}|{ANY})\s*(?:,|or|and|and/or)\s+(?:\w+ly\s+)?)?"
               rf"(?:{UP}|{DOWN}|{ANY})")
# what may follow the cue before the setting: "increased 3.2-fold and 2.1-fold, respectively,",
# "(P < 0.01)", "by 40%"
_AFTER_CUE = (r"(?:\s*\([^()]*\))?(?:\s+(?:by\s+|about\s+|approximately\s+)?"
              r"(?:[\d.]+(?:\s*-?\s*(?:to|-)\s*[\d.]+)?\s*-?\s*fold|[\d.]+\s*%)"
              r"(?:\s*(?:,|and|,\s*and)\s*(?:[\d.]+\s*-?\s*fold|[\d.]+\s*%))*)?"
              r"(?:\s*\([^()]*\))?(?:\s*,?\s*respectively\s*,?)?")
_LEVEL_HEAD = re.compile(rf"^\s*{_LEVEL_BODY}(?:\s+(?:micro-?RNAs?|miRNAs?|miRs?|genes?))?"
                         rf"{_AFTER_CUE}\s*$", re.I)
# the second of two contrasted findings, with no disease of its own: "(..., whereas) miR-Y
# was down-regulated (compared with normal tissue)"
_LEVEL_TAIL = re.compile(rf"^\s*{_LEVEL_BODY}\s*(?:(?:\([^()]*\)\s*)?(?:(?:when\s+)?"
                         rf"compared\s+(?:with|to)|relative\s+to|than|versus|vs\.?)\s+"
                         rf"(?:the\s+)?(?:normal|healthy|control|non-?\w+|adjacent)\b[^;]*|"
                         # "... in the caudate nucleus of the same patients"
                         rf"\s*in\s+(?:the\s+)?(?:[\w-]+\s+){{0,4}}?(?:of\s+)?(?:the\s+same|these|"
                         rf"those)\s+(?:patients|subjects|cases|samples|tissues|brains|"
                         rf"individuals|cohort))?[\s.,]*$", re.I)
# a participle or "with" phrase describing the miRNAs before their verb: "miR-A and miR-B,
# having tumour-suppressive activity, were ...", "miR-A with known oncogenic roles was ..."
_ASIDE = re.compile(r"^\s*,?\s*(?:having|harbou?ring|showing|displaying|with)\s+[^,;()]{1,60}?"
                    r",?(?=\s+(?:was|were|is|are)\s)", re.I)
# "miR-A, miR-B and miR-C (expression levels) (allowed to) distinguish(ed) D (patients) from
# (healthy) controls": the miRNAs tell the disease apart, so they are markers for it
_DISTINGUISH = re.compile(r"^\s*(?:(?:expression|serum|plasma|levels?|signatures?|profiles?)\s+)*"
                          r"(?:(?:allowed|helped|were\s+able|was\s+able|could|can|may|might|"
                          r"did\s+not|do\s+not)\s+(?:to\s+)?)?(?:\w+ly\s+)?"
                          r"(?:distinguish|discriminat|differentiat|separat)\w*\s+(?:\w+ly\s+)?"
                          r"(?:between\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_FROM_OTHERS = re.compile(r"\s*(?:patients\s+|cases\s+|samples\s+)?(?:from|and|vs\.?|versus)\s+"
                          r"(?:the\s+)?(?:\w+\s+){0,3}?(?:controls?|volunteers|individuals|"
                          r"subjects|donors|tissues?)\b", re.I)
# two findings side by side: "miR-A upregulation and miR-B downregulation in D", "up-regulation
# of miR-A and down-regulation of miR-B in D" (what stands between the two miRNA lists)
_CHAIN_AFTER = re.compile(rf"^\s*(?:(?:expression|levels?)\s+)?(?P<cue>{UP}|{DOWN})\s*"
                          rf"(?:,\s*)?(?:and|as\s+well\s+as)\s+$", re.I)
_CHAIN_BEFORE = re.compile(rf"^\s*(?:(?:expression|levels?)\s+)?,?\s*(?:and|as\s+well\s+as)\s+"
                           rf"(?:{UP}|{DOWN})\s+of\s+(?:the\s+)?$", re.I)
# "a role of miR-X in D" (the cue before the miRNA)
_ROLE_BEFORE = re.compile(r"\b(?:roles?|involvement|functions?|implication)\s+(?:of|for)\s+"
                          r"(?:[\w-]+\s+){0,2}$", re.I)


def extract_mirna_disease(a: Analysed, state: DocumentState) -> list[Statement]:
    """Association statements of one analysed sentence (see the module docs); ``state`` is
    taken for the rules' common signature and not read. Never raises."""
    mirnas = [m for m in a.mentions if m.category in MIRNAS]
    diseases = [m for m in a.mentions if m.category in DISEASES]
    if not mirnas or not diseases or all(GENERIC.fullmatch(d.text) for d in diseases):
        return []  # "in all tumour samples" names no particular disease
    out: list[Statement] = []
    seen: set[tuple[str, str]] = set()
    setting: Mention | None = None  # the disease of the previous part's level finding
    for clause in _parts(a.text):
        ctx = context_for(a, clause)
        found = _pairs(a, clause)
        if not found and setting is not None and clause.contrast:
            found = _contrasted(a, clause, setting)
        setting = next((d for rule, _, _, _, d, _ in found
                        if rule == "mirna-disease.level"), None)
        for rule, predicate, direction, mirna, disease, at in found:
            pairs = []
            for m in members(a, mirna, MIRNAS, backwards=mirna.end <= disease.start):
                for d in disease_list(a, disease):
                    key = (m.entity.id, d.entity.id)
                    if key not in seen:
                        seen.add(key)
                        pairs.append((m, d))
            out += emit(a, rule, pairs, predicate, direction, clause.start, at, ctx)
    return out


def new_pairs(found: Iterable[Statement], candidates: list[Statement]) -> list[Statement]:
    """``candidates`` without those of a miRNA that another rule of the sentence already
    relates to a disease (the biomarker rules read "increased miR-X is associated with
    acute ischaemic stroke" with its direction; the nested "ischaemic stroke" adds
    nothing)."""
    known = {s.subject.id for s in found
             if getattr(s.object, "category", None) in DISEASES}
    return [s for s in candidates if s.subject.id not in known]


# a bare "whereas" / "while" between two findings (before a clause, inside one)
_CONTRAST_BEFORE = re.compile(r",\s+(?:while|whereas)\s+$")
_CONTRAST = re.compile(r"\s(?:whereas|while)\s")
# before the second finding's miRNA: "(the) (expression of)"
_LEVEL_OF = re.compile(r"\s*(?:the\s+)?(?:(?:expression|levels?)\s+of\s+)?", re.I)
# a title "miR-X: a new player in D": the colon introduces what the miRNA is
_TITLE_COLON = re.compile(r"^\s*:\s*(?=(?:an?|the)\s)")
_BRACKET = re.compile(r"\s*(?:\([^()]*\)\s*)?")
# "down-regulation of miR-X (expression) (was found) in D"
_LEAD_TAIL = re.compile(r"\s*(?:members\s+)?(?:expression|levels?)?\s*"
                        r"(?:(?:was|were|is|are|has\s+been|"
                        r"have\s+been)\s+(?:\w+ly\s+)?(?:found|observed|seen|detected|"
                        r"noted|shown|reported|described|documented)\s*)?", re.I)


@dataclass(frozen=True)
class Part(Clause):
    """A clause; ``contrast`` when it follows a bare "whereas" / "while" of the same
    clause (the second of two contrasted findings)."""

    contrast: bool = False


def _parts(text: str) -> list[Part]:
    """Clauses, also cut at a bare "whereas" / "while" (the contrast of two findings)."""
    out: list[Part] = []
    for c in clauses(text):
        start = c.start
        contrast = bool(_CONTRAST_BEFORE.search(text[max(0, c.start - 12):c.start]))
        for m in _CONTRAST.finditer(text[c.start:c.end]):
            out.append(Part(start, c.start + m.start(), contrast))
            start = c.start + m.end()
            contrast = True
        out.append(Part(start, c.end, contrast))
    return out


def _pairs(a: Analysed, clause: Clause
           ) -> list[tuple[str, str, str | None, Mention, Mention, int]]:
    """(rule, predicate, direction, miRNA, disease, cue offset) of one clause. A miRNA that
    ends an enumeration stands for the whole list (see :func:`members`)."""
    text = a.text
    mirnas = a.within(clause.start, clause.end, MIRNAS)
    diseases = a.within(clause.start, clause.end, DISEASES)
    out = []
    for d in diseases:
        if GENERIC.fullmatch(d.text):
            continue  # "tumour samples", "medulloblastoma tumours": no particular disease
        if any(o.start <= d.start and d.end <= o.end and o.end - o.start > d.end - d.start
               for o in diseases):
            continue  # "pituitary tumours" inside "ACTH-secreting pituitary tumours"
        before = [m for m in mirnas if m.end <= d.start]
        if before:
            m = max(before, key=lambda x: x.end)
            group = [x for x in members(a, m, MIRNAS, backwards=True) if x.start >= clause.start]
            found = _after_mirna(a, group, d) or level_after_setting(a, group, d, clause.end) \
                or function_in(a, group, d, clause.end) or model_of(a, group, d)
            if found:
                out.append((found[0], found[1], found[2], m, d, found[3]))
                if found[0] == "mirna-disease.level":
                    out += _chained(a, clause, group, d)
                continue
        after = [m for m in mirnas if m.start >= d.end]
        if after:
            m = min(after, key=lambda x: x.start)
            found = before_mirna(text, d, m, clause.end)
            if found:
                out.append((found[0], found[1], found[2], m, d, found[3]))
    return out


def _chained(a: Analysed, clause: Clause, group: list[Mention], d: Mention
             ) -> list[tuple[str, str, str | None, Mention, Mention, int]]:
    """The findings set side by side before a level finding on ``d``, each with its own
    direction: "miR-A upregulation and miR-B downregulation in D", "up-regulation of miR-A
    and down-regulation of miR-B in D"."""
    out = []
    first = group[0]
    while True:
        earlier = [m for m in a.within(clause.start, first.start, MIRNAS)]
        if not earlier:
            break
        last = max(earlier, key=lambda x: x.end)
        prev = members(a, last, MIRNAS, backwards=True)
        gap = a.text[list_end(a, prev):first.start]
        after = _CHAIN_AFTER.match(gap)
        if after:
            cue = CHANGE.match(after.group("cue"))
            at = list_end(a, prev) + after.start("cue")
        elif _CHAIN_BEFORE.match(gap):
            cue = lead_cue(a.text, prev[0])
            at = cue.start() if cue else 0
        else:
            break
        if cue is None:
            break
        out.append(("mirna-disease.level", "biolink:associated_with", level_direction(cue), last, d,
                    at))
        first = prev[0]
    return out


def _contrasted(a: Analysed, part: Clause, setting: Mention
                ) -> list[tuple[str, str, str | None, Mention, Mention, int]]:
    """The second of two contrasted level findings, which names no disease of its own:
    "miR-A was up-regulated in D, whereas miR-B was down-regulated (compared with normal
    tissue)" -> miR-B's level in D (the disease ``setting`` of the first finding)."""
    mirnas = a.within(part.start, part.end, MIRNAS)
    if not mirnas or a.within(part.start, part.end, DISEASES) or not _LEVEL_OF.fullmatch(
            a.text[part.start:mirnas[0].start]):
        return []
    group = members(a, mirnas[0], MIRNAS, backwards=False)
    end = list_end(a, group)
    tail = a.text[end:part.end]
    if not _LEVEL_TAIL.match(tail):
        return []
    cue = list(CHANGE.finditer(tail, 0, _LEVEL_TAIL.match(tail).end()))
    cue = [c for c in cue if _LEVEL_HEAD.match(tail[:c.end()])][-1:]
    if not cue:
        return []
    return [("mirna-disease.level", "biolink:associated_with", level_direction(cue[0]),
             group[0], setting, end + cue[0].start())]



def _after_mirna(a: Analysed, group: list[Mention], d: Mention
                 ) -> tuple[str, str, str | None, int] | None:
    """The association of a miRNA (or an enumeration of miRNAs, ``group``) with a disease
    named after it, or None."""
    text = a.text
    first = group[0]
    end = list_end(a, group)
    between = text[end:d.start]
    if len(between) > 120:
        return None
    intro = _INTRO.search(between)
    # "miR-X ... biomarker for D", "a role of miR-X in D", "miR-X contributes to D"
    for pattern, rule, predicate in ((_BIOMARKER, "mirna-disease.biomarker",
                                      "biolink:biomarker_for"),
                                     (_ROLE, "mirna-disease.role", "biolink:associated_with")):
        cue = pattern.search(between)
        before = between[:cue.start()] if cue else ""
        # a title "miR-X: a new player in D": the colon introduces what the miRNA is
        before = _TITLE_COLON.sub(" ", before)
        if cue and _FEW_WORDS.match(between[cue.end():]) and _FEW_WORDS.match(before) \
                and not _STOP.search(before) and not EVENT.search(before):
            level = lead_cue(text, first) if rule == "mirna-disease.role" else None
            return rule, predicate, level and level_direction(level), end + cue.start()
    # "miR-A and miR-B allowed to distinguish D patients from healthy controls"
    if _DISTINGUISH.match(between) and _FROM_OTHERS.match(text, d.end):
        return "mirna-disease.distinguishes", "biolink:biomarker_for", None, end
    if not intro or EVENT.search(between[intro.start():]) or \
            _STOP.search(between[intro.start():]):
        return None  # "in D1 when compared to normal D2 tissue": D1 is the setting
    if _ROLE_BEFORE.search(text[max(0, first.start - 40):first.start]) and _BRACKET.fullmatch(
            between[:intro.start()]):
        return "mirna-disease.role", "biolink:associated_with", None, first.start
    head = between[:intro.start()]
    aside = _ASIDE.match(head)
    offset = aside.end() if aside else 0
    head = head[offset:]
    # "miR-X was significantly up-regulated in D" (the cue right before the preposition)
    if _LEVEL_HEAD.match(head):
        cue = list(CHANGE.finditer(head))[-1]
        return "mirna-disease.level", "biolink:associated_with", level_direction(cue), \
            end + offset + cue.start()
    # "down-regulation of miR-X in D", "Downregulated miR-X in D", "increased miR-X
    # expression in D"
    cue = lead_cue(text, first)
    if cue and _LEAD_TAIL.fullmatch(head):
        return "mirna-disease.level", "biolink:associated_with", level_direction(cue), cue.start()
    return None
