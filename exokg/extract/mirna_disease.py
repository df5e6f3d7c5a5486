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

from exokg.extract.base import Analysed, Clause, DocumentState, clauses, statement
from exokg.extract.context import context_for
from exokg.extract.enumerations import list_end, members
from exokg.extract.epistemics import hedged, negated
from exokg.model import Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["DISEASES", "MIRNAS", "extract_mirna_disease", "new_pairs"]

MIRNAS = frozenset({"MicroRNA", "MicroRNACluster"})
DISEASES = frozenset({"Disease", "Phenotype"})

_UP = (r"(?:(?:highly|strongly|abundantly)\s+expressed|expressed\s+at\s+(?:very\s+)?(?:high|"
       r"elevated|increased)\s+levels?|up-?\s?regulat\w*|over-?\s?express\w*|"
       r"hyper-?express\w*|elevat\w*|increas\w*|higher|raised|enhanced|induc\w*|amplifi\w*|"
       r"enriched|gain)")
_DOWN = (r"(?:(?:poorly|weakly|barely)\s+expressed|expressed\s+at\s+(?:very\s+)?(?:low|"
         r"reduced|decreased)\s+levels?|down-?\s?regulat\w*|under-?\s?express\w*|"
         r"hypo-?express\w*|reduc\w*|decreas\w*|lower|diminish\w*|suppress\w*|loss|lost|"
         r"silenc\w*|deplet\w*|delet\w*|deficient)")
_ANY = r"(?:dys-?regulat\w*|de-?regulat\w*|aberrant(?:ly)?(?:\s+expressed)?|altered|" \
       r"differentially\s+expressed|changed|abnormal(?:ly)?\s+expressed|misexpress\w*)"
_CHANGE = re.compile(rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN})|(?P<any>{_ANY}))", re.I)
# the disease is introduced by a preposition, with a few words between ("in the brains of
# AD patients", "after traumatic brain injury", "in human grade II-IV")
_INTRO = re.compile(r"\b(?:in|after|during|following)\s+(?:[\w'’/%-]+\s+){0,7}$", re.I)
# a word of another event between the cue and the disease ("in meningiomas promotes tumour
# growth", "impairs the growth of MB cells"): the disease belongs to that event
_EVENT = re.compile(r"\b(?:promot|inhibit|induc|reduc|increas|decreas|suppress|block|impair|"
                    r"activat|regulat|target|caus|lead|enhanc|prevent|mediat|contribut|"
                    r"attenuat|alleviat|exacerbat|protect)\w*", re.I)
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
               rf"(?:(?:{_UP}|{_DOWN}|{_ANY})\s*(?:,|or|and|and/or)\s+(?:\w+ly\s+)?)?"
               rf"(?:{_UP}|{_DOWN}|{_ANY})")
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
_CHAIN_AFTER = re.compile(rf"^\s*(?:(?:expression|levels?)\s+)?(?P<cue>{_UP}|{_DOWN})\s*"
                          rf"(?:,\s*)?(?:and|as\s+well\s+as)\s+$", re.I)
_CHAIN_BEFORE = re.compile(rf"^\s*(?:(?:expression|levels?)\s+)?,?\s*(?:and|as\s+well\s+as)\s+"
                           rf"(?:{_UP}|{_DOWN})\s+of\s+(?:the\s+)?$", re.I)
# "a role of miR-X in D" (the cue before the miRNA)
_ROLE_BEFORE = re.compile(r"\b(?:roles?|involvement|functions?|implication)\s+(?:of|for)\s+"
                          r"(?:[\w-]+\s+){0,2}$", re.I)


def extract_mirna_disease(a: Analysed, state: DocumentState) -> list[Statement]:
    """Association statements of one analysed sentence (see the module docs); ``state`` is
    taken for the rules' common signature and not read. Never raises."""
    mirnas = [m for m in a.mentions if m.category in MIRNAS]
    diseases = [m for m in a.mentions if m.category in DISEASES]
    if not mirnas or not diseases or all(_GENERIC.fullmatch(d.text) for d in diseases):
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
            group = members(a, mirna, MIRNAS, backwards=mirna.end <= disease.start)
            for m in group:
                for d in _disease_list(a, disease):
                    key = (m.entity.id, d.entity.id)
                    if key in seen:
                        continue
                    seen.add(key)
                    out.append(statement(a, rule, m.entity, predicate, d.entity,
                                         direction=direction,
                                         hedged=hedged(a.text, clause.start, at),
                                         negated=negated(a.text, clause.start, at),
                                         context=ctx))
    return out


# "two neurological diseases: D1 (abbreviation) and D2": the diseases listed after a colon
_LISTED_AFTER = re.compile(r"\s*:\s*(?:[\w-]+\s+){0,2}$")


def _disease_list(a: Analysed, disease: Mention) -> list[Mention]:
    """``disease`` and the diseases enumerated with it: coordinated after it ("D1 and D2"),
    and those a colon lists after it ("two neurological diseases: D1 and D2")."""
    group = members(a, disease, DISEASES, backwards=False)
    later = [d for d in a.within(disease.end, min(len(a.text), disease.end + 40), DISEASES)
             if _LISTED_AFTER.match(a.text[disease.end:d.start])][:1]
    if later:
        group += [d for d in members(a, later[0], DISEASES, backwards=False)
                  if d not in group]
    return group


def new_pairs(found: Iterable[Statement], candidates: list[Statement]) -> list[Statement]:
    """``candidates`` without those of a miRNA that another rule of the sentence already
    relates to a disease (the biomarker rules read "increased miR-X is associated with
    acute ischaemic stroke" with its direction; the nested "ischaemic stroke" adds
    nothing)."""
    known = {s.subject.id for s in found
             if getattr(s.object, "category", None) in DISEASES}
    return [s for s in candidates if s.subject.id not in known]


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
        contrast = bool(re.search(r",\s+(?:while|whereas)\s+$",
                                  text[max(0, c.start - 12):c.start]))
        for m in re.finditer(r"\s(?:whereas|while)\s", text[c.start:c.end]):
            out.append(Part(start, c.start + m.start(), contrast))
            start = c.start + m.end()
            contrast = True
        out.append(Part(start, c.end, contrast))
    return out


def _direction(cue: re.Match[str]) -> str | None:
    return "increased" if cue.group("up") else "decreased" if cue.group("down") else None


def _pairs(a: Analysed, clause: Clause
           ) -> list[tuple[str, str, str | None, Mention, Mention, int]]:
    """(rule, predicate, direction, miRNA, disease, cue offset) of one clause. A miRNA that
    ends an enumeration stands for the whole list (see :func:`members`)."""
    text = a.text
    mirnas = a.within(clause.start, clause.end, MIRNAS)
    diseases = a.within(clause.start, clause.end, DISEASES)
    out = []
    for d in diseases:
        if _GENERIC.fullmatch(d.text):
            continue  # "tumour samples", "medulloblastoma tumours": no particular disease
        if any(o.start <= d.start and d.end <= o.end and o.end - o.start > d.end - d.start
               for o in diseases):
            continue  # "pituitary tumours" inside "ACTH-secreting pituitary tumours"
        before = [m for m in mirnas if m.end <= d.start]
        if before:
            m = max(before, key=lambda x: x.end)
            group = [x for x in members(a, m, MIRNAS, backwards=True) if x.start >= clause.start]
            found = _after_mirna(a, group, d) or _level_after_setting(a, group, d, clause.end) \
                or _function_in(a, group, d, clause.end) or _model_of(a, group, d)
            if found:
                out.append((found[0], found[1], found[2], m, d, found[3]))
                if found[0] == "mirna-disease.level":
                    out += _chained(a, clause, group, d)
                continue
        after = [m for m in mirnas if m.start >= d.end]
        if after:
            m = min(after, key=lambda x: x.start)
            found = _before_mirna(text, d, m, clause.end)
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
            cue = _CHANGE.match(after.group("cue"))
            at = list_end(a, prev) + after.start("cue")
        elif _CHAIN_BEFORE.match(gap):
            cue = _lead_cue(a.text, prev[0])
            at = cue.start() if cue else 0
        else:
            break
        if cue is None:
            break
        out.append(("mirna-disease.level", "biolink:associated_with", _direction(cue), last, d,
                    at))
        first = prev[0]
    return out


def _contrasted(a: Analysed, part: Clause, setting: Mention
                ) -> list[tuple[str, str, str | None, Mention, Mention, int]]:
    """The second of two contrasted level findings, which names no disease of its own:
    "miR-A was up-regulated in D, whereas miR-B was down-regulated (compared with normal
    tissue)" -> miR-B's level in D (the disease ``setting`` of the first finding)."""
    mirnas = a.within(part.start, part.end, MIRNAS)
    if not mirnas or a.within(part.start, part.end, DISEASES) or not re.fullmatch(
            r"\s*(?:the\s+)?(?:(?:expression|levels?)\s+of\s+)?",
            a.text[part.start:mirnas[0].start], re.I):
        return []
    group = members(a, mirnas[0], MIRNAS, backwards=False)
    end = list_end(a, group)
    tail = a.text[end:part.end]
    if not _LEVEL_TAIL.match(tail):
        return []
    cue = list(_CHANGE.finditer(tail, 0, _LEVEL_TAIL.match(tail).end()))
    cue = [c for c in cue if _LEVEL_HEAD.match(tail[:c.end()])][-1:]
    if not cue:
        return []
    return [("mirna-disease.level", "biolink:associated_with", _direction(cue[0]),
             group[0], setting, end + cue[0].start())]


# "Schizophrenia-associated miR-X", "D-related microRNA miR-Y"
_DISEASE_ADJECTIVE = re.compile(r"\s*-\s*(?:associated|related|linked|implicated)\s+"
                                r"(?:(?:micro-?RNAs?|miRNAs?)\s*,?\s*)?", re.I)
# a group of miRNAs changed in D whose members follow: "(Among the) miRNAs (that were)
# downregulated in D (brains) were / included / , including miR-A and miR-B"
_GROUP_BEFORE = re.compile(rf"\b(?:micro-?RNAs|miRNAs|miRs)\s+(?:(?:that|which)\s+)?"
                           rf"(?:(?:were|was|are|is)\s+)?(?:(?:\w+ly|most)\s+)*"
                           rf"(?P<cue>{_UP}|{_DOWN})\s+(?:in|after)\s+(?:the\s+)?"
                           rf"(?:[\w'’-]+\s+){{0,4}}$", re.I)
_GROUP_MEMBERS = re.compile(r"\s*(?:(?:patients|tissues?|specimens?|samples?|cases|brains?|"
                            r"lesions|sera|plasma)\s+)?(?:\([^()]*\)\s*)?,?\s*(?:(?:were|was|"
                            r"are|is|included|include|includes|including|such\s+as|namely)\s+|"
                            r":\s*)(?:the\s+)?", re.I)
# "(Microarray) profiling / analysis of D (lesions) identified miR-A and miR-B as up-regulated"
_PROFILED = re.compile(r"\b(?:profil\w*|analys[ie]s|sequencing|screen\w*|comparisons?)\s+"
                       r"(?:of|in)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$", re.I)
_IDENTIFIED = re.compile(r"\s*(?:(?:patients|tissues?|specimens?|samples?|lesions|brains?|"
                         r"sera|plasma)\s+)?(?:\([^()]*\)\s*)?(?:\w+ly\s+)?(?:identified|"
                         r"revealed|uncovered|detected|found|showed)\s+(?:that\s+)?", re.I)
_AS_CHANGED = re.compile(rf"\s*(?:\([^()]*\)\s*)?(?:as\s+(?:being\s+)?|(?:was|were|to\s+be)\s+)"
                         rf"(?:(?:\w+ly|most)\s+)*(?P<cue>{_UP}|{_DOWN})", re.I)


def _list_end_at(text: str, m: Mention, end: int) -> int:
    """The end of the miRNAs enumerated from ``m`` on ("miR-A and miR-B"), by their
    text: a mention list is not at hand in :func:`_before_mirna`."""
    tail = re.match(r"(?:\s*(?:,|and|or|,\s*and)\s*(?:miR|let|micro|hsa)[\w*/-]*)*",
                    text[m.end:end], re.I)
    return m.end + (tail.end() if tail else 0)


# "In D, the expression of miR-X ...": the level of the miRNA named after the setting
_SETTING_THE_LEVEL = re.compile(r"(?:\s*\([^()]*\))?\s*"
                                r"(?:(?:patients|tissues?|samples?|brains?)\s*)?"
                                r",\s*(?:the\s+)?(?:(?:expression|levels?|abundance|"
                                r"concentrations?)\s+of\s+)(?:the\s+)?", re.I)
# the words a sample of the disease is named with: "D (patients / tissues / specimens)"
_SAMPLE = (r"(?:patients|tissues?|specimens?|samples?|cases|tumou?rs?|cells?|cell\s+lines|"
           r"brains?|subjects|biopsies|sera|plasma)")
# "D specimens showed a striking increase in miR-X", "D tissues had reduced levels of miR-X"
_SETTING_SHOWS = re.compile(rf"\s*(?:\([^()]*\)\s*)?(?:{_SAMPLE}\s+)?(?:whose\s+{_SAMPLE}\s+)?"
                            rf"(?:(?:also|\w+ly)\s+)?"
                            r"(?:showed|show|shows|displayed|display|displays|had|have|has|"
                            r"exhibited|exhibit|exhibits|expressed|express|contained|contain|"
                            r"contains|revealed|(?:is|are|was|were)\s+(?:characteri[sz]ed|marked|"
                            r"accompanied)\s+by)\s+"
                            r"(?:an?\s+|the\s+)?(?:(?:\w+ly|significant|striking|marked|strong|"
                            r"consistent|[\d.]+-fold)\s+)*"
                            rf"(?P<cue>{_UP}|{_DOWN}|high|low|less|more)\s+(?:(?:in|of)\s+)?"
                            r"(?:the\s+)?"
                            r"(?:(?:serum|plasma|circulating|exosomal|mature)\s+)*"
                            r"(?:(?:expression|levels?|abundance|amounts?|concentrations?)\s+"
                            r"(?:of\s+)?)?(?:(?:serum|plasma|circulating|exosomal|mature)\s+)*",
                            re.I)
# "miR-X levels in (the CSF of patients with) D (tissues) were markedly elevated": the level
# finding follows the setting
_SETTING_AFTER = re.compile(r"\s*(?:(?:expression|levels?|concentrations?|abundance)\s+)?"
                            r"(?:in|from|of)\s+(?:[\w'’/-]+\s+){0,6}$", re.I)
_FINDING_AFTER = re.compile(rf"\s*(?:{_SAMPLE}\s+)?(?:\([^()]*\)\s*)?,?\s*(?:was|were|is|are|"
                            r"has\s+been|have\s+been)\s+(?:(?:\w+ly|also|consistently|"
                            r"further)\s+)*(?:(?:found|shown|observed)\s+to\s+be\s+)?"
                            r"(?:(?:about\s+|approximately\s+)?[\d.]+\s*-?\s*fold\s+)?"
                            rf"(?P<cue>{_UP}|{_DOWN}|{_ANY})", re.I)
# what a miRNA does to diseased cells: "promotes D cell migration", "inhibited the
# proliferation of D cells", "suppressed D growth"
_FUNCTION = (r"(?:proliferation|growth|migration|invasion|invasiveness|metastas[ie]s|"
             r"tumou?rigenesis|tumou?rigenicity|survival|apoptosis|progression|self-renewal|"
             r"stemness|viability|(?:chemo|radio)?resistance|(?:chemo|radio)?sensitivity|"
             r"cell\s+cycle(?:\s+progression)?|angiogenesis|colony\s+formation|development|"
             r"pathogenesis|differentiation|motility|aggressiveness|malignancy)")
_FUNCTION_VERB = re.compile(
    r"\s*(?:\([^()]*\)\s*)?(?:(?:expression|mimics?|over-?expression)\s+)?"
    r"(?:(?:also|further|\w+ly|could|can|may|might|did\s+not|does\s+not|to)\s+)*"
    r"(?:promot|inhibit|suppress|reduc|increas|decreas|enhanc|block|impair|attenuat|induc|"
    r"abrogat|abolish|diminish|restrain|stimulat|accelerat|driv|regulat|modulat|affect|"
    r"repress|limit|prevent|sensiti[sz]|contribut\w*\s+to)\w*\s+(?:(?:the|both)\s+)?"
    rf"(?P<func>(?:(?:disease|cell|tumou?r)\s+)?"
    rf"(?:{_FUNCTION}(?:\s*,\s*{_FUNCTION})*(?:,?\s+(?:and|or)\s+{_FUNCTION})?|"
    r"tumou?r\s+(?:burden|growth|volume|size|formation|progression))\s+"
    r"(?P<prep>of|in\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:models?|xenografts?)\s+of|"
    r"in)\s+(?:the\s+)?(?:human\s+)?)?$", re.I)
_FUNCTION_CELLS = re.compile(r"\s*(?:cells?|cell\s+lines?|stem(?:-like)?\s+cells?|xenografts?|"
                             r"tumou?rs?)\b", re.I)
_FUNCTION_AFTER = re.compile(r"\s*(?:(?:cells?|cell\s+lines?|stem(?:-like)?\s+cells?|tumou?r)\s+)?"
                             rf"{_FUNCTION}\b", re.I)


_GENERIC = re.compile(r"(?:tumou?rs?|cancers?|neoplasms?|malignanc(?:y|ies)|carcinomas?)", re.I)


_NEEDS_FINDING_AFTER = Needs(_FINDING_AFTER)
_NEEDS_FUNCTION = Needs(_FUNCTION_VERB)
_NEEDS_SETTING_SHOWS = Needs(_SETTING_SHOWS)


# animals without the miRNA that develop the disease: "mice lacking miR-X developed D",
# "miR-X knockout mice display D"
_LACKING_BEFORE = re.compile(r"\b(?:mice|rats|animals|zebrafish|flies|mutants?|embryos)\s+"
                             r"(?:lacking|deficient\s+(?:in|for)|null\s+for|with\s+(?:a\s+)?"
                             r"(?:targeted\s+|conditional\s+)?(?:deletion|loss|knock-?out|"
                             r"ablation)\s+of)\s+(?:the\s+)?(?:mature\s+)?$", re.I)
_LACKING_AFTER = re.compile(r"\s*-?\s*(?:knock-?out|null|deficient|-/-|KO)\s+(?:mice|rats|"
                            r"animals|zebrafish|embryos)\b", re.I)
_DEVELOPED = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:(?:\w+ly|also)\s+)?(?:developed|develop|"
                        r"develops|displayed|display|displays|exhibited|exhibit|exhibits|showed|"
                        r"show|shows|had|suffered\s+from|suffer\s+from|died\s+of|die\s+of|"
                        r"succumbed\s+to|(?:were|are|was|is)\s+(?:more\s+)?(?:prone|"
                        r"susceptible)\s+to)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?$", re.I)


_NEEDS_LACKING = Needs(_LACKING_BEFORE, _LACKING_AFTER)


def _model_of(a: Analysed, group: list[Mention], d: Mention
              ) -> tuple[str, str, str | None, int] | None:
    """"Mice lacking miR-X developed (fatal) D", "miR-X knockout mice display D": the loss
    of the miRNA causes the disease in the model (``associated_with``, direction
    decreased: the disease goes with the miRNA's absence), or None."""
    if not _NEEDS_LACKING.may_match(a.text):
        return None
    first, pos = group[0], list_end(a, group)
    lead = _LACKING_BEFORE.search(a.text, max(0, first.start - 60), first.start)
    after = _LACKING_AFTER.match(a.text, pos, d.start)
    if not lead and not after:
        return None
    if after:
        pos = after.end()
    if not _DEVELOPED.fullmatch(a.text, pos, d.start):
        return None
    return "mirna-disease.model", "biolink:associated_with", "decreased", d.start


def _level_after_setting(a: Analysed, group: list[Mention], d: Mention, end: int
                         ) -> tuple[str, str, str | None, int] | None:
    """"miR-X levels in the CSF of patients with D were elevated", "the expression of
    miR-X in D tissues was lower than in normal tissues": the level finding after the
    setting, or None."""
    if not _NEEDS_FINDING_AFTER.may_match(a.text):
        return None
    pos = list_end(a, group)
    if not _SETTING_AFTER.fullmatch(a.text, pos, d.start) or \
            _EVENT.search(a.text, pos, d.start):
        return None
    after = _disease_list(a, d)
    tail = _FINDING_AFTER.match(a.text, max(x.end for x in after), end)
    if not tail:
        return None
    cue = _CHANGE.match(tail.group("cue"))
    return "mirna-disease.level", "biolink:associated_with", _direction(cue), \
        tail.start("cue")


def _function_in(a: Analysed, group: list[Mention], d: Mention, end: int
                 ) -> tuple[str, str, str | None, int] | None:
    """A miRNA acting on what diseased cells do ("miR-X promotes D cell migration",
    "overexpression of miR-X inhibited the proliferation of D cells") takes part in the
    disease: ``associated_with`` without a direction, or None. A generic "tumour cell" names
    no disease, and "X in D cells" is the setting of an experiment, not what it found."""
    if not _NEEDS_FUNCTION.may_match(a.text):
        return None
    pos = list_end(a, group)
    verb = _FUNCTION_VERB.fullmatch(a.text, pos, d.start)
    if not verb or _GENERIC.fullmatch(d.text):  # "tumour cell migration" names no disease
        return None
    after = a.text[d.end:end]
    if (verb.group("prep") or "").lower() == "in" and _FUNCTION_CELLS.match(a.text, d.end):
        return None  # "... progression in D cells": the setting of an experiment
    sensitised = re.search(r"sensiti[sz]\w*\s+$", a.text[pos:d.start], re.I)
    if not (_FUNCTION_AFTER.match(after) or ((verb.group("func") or sensitised) and (
            _FUNCTION_CELLS.match(after) or re.match(
                r"\s*(?:[,.;)]|$|(?:and|in|by|through|via|with|when|as|after|while|whereas|but)\b)",
                after)))):
        return None
    return "mirna-disease.function", "biolink:associated_with", None, d.start


def _after_mirna(a: Analysed, group: list[Mention], d: Mention
                 ) -> tuple[str, str, str | None, int] | None:
    """The association of a miRNA (or an enumeration of miRNAs, ``group``) with a disease
    named after it, or None."""
    text = a.text
    m = group[-1]
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
        before = re.sub(r"^\s*:\s*(?=(?:an?|the)\s)", " ", before)
        if cue and _FEW_WORDS.match(between[cue.end():]) and _FEW_WORDS.match(before) \
                and not _STOP.search(before) and not _EVENT.search(before):
            level = _lead_cue(text, first) if rule == "mirna-disease.role" else None
            return rule, predicate, level and _direction(level), end + cue.start()
    # "miR-A and miR-B allowed to distinguish D patients from healthy controls"
    if _DISTINGUISH.match(between) and _FROM_OTHERS.match(text, d.end):
        return "mirna-disease.distinguishes", "biolink:biomarker_for", None, end
    if not intro or _EVENT.search(between[intro.start():]) or \
            _STOP.search(between[intro.start():]):
        return None  # "in D1 when compared to normal D2 tissue": D1 is the setting
    if _ROLE_BEFORE.search(text[max(0, first.start - 40):first.start]) and re.fullmatch(
            r"\s*(?:\([^()]*\)\s*)?", between[:intro.start()]):
        return "mirna-disease.role", "biolink:associated_with", None, first.start
    head = between[:intro.start()]
    aside = _ASIDE.match(head)
    offset = aside.end() if aside else 0
    head = head[offset:]
    # "miR-X was significantly up-regulated in D" (the cue right before the preposition)
    if _LEVEL_HEAD.match(head):
        cue = list(_CHANGE.finditer(head))[-1]
        return "mirna-disease.level", "biolink:associated_with", _direction(cue), \
            end + offset + cue.start()
    # "down-regulation of miR-X in D", "Downregulated miR-X in D", "increased miR-X
    # expression in D"
    cue = _lead_cue(text, first)
    if cue and re.fullmatch(r"\s*(?:members\s+)?(?:expression|levels?)?\s*"
                            r"(?:(?:was|were|is|are|has\s+been|"
                            r"have\s+been)\s+(?:\w+ly\s+)?(?:found|observed|seen|detected|"
                            r"noted|shown|reported|described|documented)\s*)?",
                            head, re.I):
        return "mirna-disease.level", "biolink:associated_with", _direction(cue), cue.start()
    return None


def _lead_cue(text: str, m: Mention) -> re.Match[str] | None:
    """A change cue right before a miRNA ("Increased circulating exosomal miR-X",
    "down-regulation of miR-X"), offsets in ``text``; or None."""
    start = max(0, m.start - 40)
    cue = None
    for c in _CHANGE.finditer(text, start, m.start):
        cue = c
    if cue and re.fullmatch(r"\s*(?:(?:of|in)\s+)?(?:(?:the|serum|plasma|circulating|"
                            r"exosomal|mature|neuronal|brain|levels?|expression)\s+(?:of\s+)?)*",
                            text[cue.end():m.start], re.I):
        return cue
    return None


def _before_mirna(text: str, d: Mention, m: Mention, end: int
                  ) -> tuple[str, str, str | None, int] | None:
    """"in D, miR-X was up-regulated", "D in which miR-X was elevated", "in D, the
    expression of miR-X is diminished", "D specimens showed a striking increase in miR-X",
    or None."""
    between = text[d.end:m.start]
    lead = text[max(0, d.start - 30):d.start]
    if _DISEASE_ADJECTIVE.fullmatch(between):  # "D-associated miR-X"
        return "mirna-disease.role", "biolink:associated_with", None, d.end
    group_cue = _GROUP_BEFORE.search(text, max(0, d.start - 90), d.start)
    if group_cue and _GROUP_MEMBERS.fullmatch(between):
        # "Among the miRNAs downregulated in D brains were miR-A and miR-B"
        return "mirna-disease.level", "biolink:associated_with", \
            _direction(_CHANGE.match(group_cue.group("cue"))), group_cue.start("cue")
    profiled = _PROFILED.search(text, max(0, d.start - 50), d.start)
    if profiled and _IDENTIFIED.fullmatch(between):
        # "profiling of D lesions identified miR-A and miR-B as up-regulated"
        cue = _AS_CHANGED.match(text, _list_end_at(text, m, end), end)
        if cue:
            return "mirna-disease.level", "biolink:associated_with", \
                _direction(_CHANGE.match(cue.group("cue"))), cue.start("cue")
    shown = _SETTING_SHOWS.fullmatch(between) if _NEEDS_SETTING_SHOWS.may_match(between) \
        else None
    if shown:
        word = shown.group("cue").lower()
        cue = _CHANGE.match(word)
        direction = _direction(cue) if cue else "increased" if word in ("high", "more") \
            else "decreased"
        return "mirna-disease.level", "biolink:associated_with", direction, \
            d.end + shown.start("cue")
    if re.fullmatch(r"\s*in\s+which\s+", between, re.I) or (
            re.search(r"\bin\s+(?:[\w'’-]+\s+){0,4}$", text[max(0, d.start - 45):d.start],
                      re.I)
            and (re.fullmatch(r"(?:\s*\([^()]*\))?[\w\s'’-]{0,40}?,?\s*", between)
                 and not re.search(r"\b(?:was|were|is|are|of|and)\b", between, re.I)
                 or _SETTING_THE_LEVEL.fullmatch(between))):
        tail = text[m.end:min(end, m.end + 100)]
        cue = _CHANGE.search(tail)
        if cue and re.fullmatch(r"\s*(?:[\w/,-]+\s+){0,8}(?:was|were|is|are|been|be)\s+"
                                r"(?:\w+ly\s+)?|\s*(?:expression|levels?)\s+(?:was|were|is|"
                                r"are)\s+(?:\w+ly\s+)?", tail[:cue.start()], re.I):
            return "mirna-disease.level", "biolink:associated_with", _direction(cue), \
                m.end + cue.start()
    return None
