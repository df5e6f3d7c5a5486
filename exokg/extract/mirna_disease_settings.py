"""miRNA-disease associations whose disease is named as a setting: before the miRNA ("in
D, miR-X was up-regulated", "D specimens showed a striking increase in miR-X", "among the
miRNAs downregulated in D were A and B", "D-associated miR-X"), as the sample a level is
measured in ("miR-X levels in the CSF of patients with D were elevated"), as the cells a
miRNA acts on ("miR-X inhibited the proliferation of D cells") or as what a model without
the miRNA develops ("mice lacking miR-X developed D"). Each reader takes the sentence, the
miRNA (or its enumeration) and the disease, and returns (rule, predicate, direction, cue
offset) or None; :mod:`exokg.extract.mirna_disease` runs them.
"""

from __future__ import annotations

import re

from exokg.extract.base import Analysed
from exokg.extract.enumerations import list_end, members
from exokg.extract.mirna_disease_cues import ANY, CHANGE, DISEASES, DOWN, EVENT, GENERIC, UP, \
    level_direction
from exokg.model import Mention
from exokg.text.prefilter import Needs

__all__ = ["before_mirna", "disease_list", "function_in", "level_after_setting", "model_of"]

# "two neurological diseases: D1 (abbreviation) and D2": the diseases listed after a colon
_LISTED_AFTER = re.compile(r"\s*:\s*(?:[\w-]+\s+){0,2}$")


def disease_list(a: Analysed, disease: Mention) -> list[Mention]:
    """``disease`` and the diseases enumerated with it: coordinated after it ("D1 and D2"),
    and those a colon lists after it ("two neurological diseases: D1 and D2")."""
    group = members(a, disease, DISEASES, backwards=False)
    later = [d for d in a.within(disease.end, min(len(a.text), disease.end + 40), DISEASES)
             if _LISTED_AFTER.match(a.text[disease.end:d.start])][:1]
    if later:
        group += [d for d in members(a, later[0], DISEASES, backwards=False)
                  if d not in group]
    return group



# "Schizophrenia-associated miR-X", "D-related microRNA miR-Y"
_DISEASE_ADJECTIVE = re.compile(r"\s*-\s*(?:associated|related|linked|implicated)\s+"
                                r"(?:(?:micro-?RNAs?|miRNAs?)\s*,?\s*)?", re.I)
# a group of miRNAs changed in D whose members follow: "(Among the) miRNAs (that were)
# downregulated in D (brains) were / included / , including miR-A and miR-B"
_GROUP_BEFORE = re.compile(rf"\b(?:micro-?RNAs|miRNAs|miRs)\s+(?:(?:that|which)\s+)?"
                           rf"(?:(?:were|was|are|is)\s+)?(?:(?:\w+ly|most)\s+)*"
                           rf"(?P<cue>{UP}|{DOWN})\s+(?:in|after)\s+(?:the\s+)?"
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
                         rf"(?:(?:\w+ly|most)\s+)*(?P<cue>{UP}|{DOWN})", re.I)


# "miR-A, miR-B and miR-C" by their text
_LISTED_MIRNAS = re.compile(r"(?:\s*(?:,|and|or|,\s*and)\s*(?:miR|let|micro|hsa)[\w*/-]*)*",
                            re.I)


def _list_end_at(text: str, m: Mention, end: int) -> int:
    """The end of the miRNAs enumerated from ``m`` on ("miR-A and miR-B"), by their
    text: a mention list is not at hand in :func:`before_mirna`."""
    tail = _LISTED_MIRNAS.match(text[m.end:end])
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
                            rf"(?P<cue>{UP}|{DOWN}|high|low|less|more)\s+(?:(?:in|of)\s+)?"
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
                            rf"(?P<cue>{UP}|{DOWN}|{ANY})", re.I)
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


# "sensitised D cells to": the disease's cells are the object
_SENSITISED = re.compile(r"sensiti[sz]\w*\s+$", re.I)
# the disease ends the phrase: punctuation, the end, or a conjunction or preposition
_PHRASE_END = re.compile(r"\s*(?:[,.;)]|$|(?:and|in|by|through|via|with|when|as|after|while|"
                         r"whereas|but)\b)")
# the setting before the miRNA: "D in which miR-X ...", "in (the brains of) D, miR-X ..."
_IN_WHICH = re.compile(r"\s*in\s+which\s+", re.I)
_IN_BEFORE = re.compile(r"\bin\s+(?:[\w'’-]+\s+){0,4}$", re.I)
_SETTING_WORDS = re.compile(r"(?:\s*\([^()]*\))?[\w\s'’-]{0,40}?,?\s*")
_FINITE = re.compile(r"\b(?:was|were|is|are|of|and)\b", re.I)
# from the miRNA to its change cue: "... (expression) was (markedly)"
_TO_CUE = re.compile(r"\s*(?:[\w/,-]+\s+){0,8}(?:was|were|is|are|been|be)\s+"
                     r"(?:\w+ly\s+)?|\s*(?:expression|levels?)\s+(?:was|were|is|"
                     r"are)\s+(?:\w+ly\s+)?", re.I)
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


def model_of(a: Analysed, group: list[Mention], d: Mention
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


def level_after_setting(a: Analysed, group: list[Mention], d: Mention, end: int
                         ) -> tuple[str, str, str | None, int] | None:
    """"miR-X levels in the CSF of patients with D were elevated", "the expression of
    miR-X in D tissues was lower than in normal tissues": the level finding after the
    setting, or None."""
    if not _NEEDS_FINDING_AFTER.may_match(a.text):
        return None
    pos = list_end(a, group)
    if not _SETTING_AFTER.fullmatch(a.text, pos, d.start) or \
            EVENT.search(a.text, pos, d.start):
        return None
    after = disease_list(a, d)
    tail = _FINDING_AFTER.match(a.text, max(x.end for x in after), end)
    if not tail:
        return None
    cue = CHANGE.match(tail.group("cue"))
    return "mirna-disease.level", "biolink:associated_with", level_direction(cue), \
        tail.start("cue")


def function_in(a: Analysed, group: list[Mention], d: Mention, end: int
                 ) -> tuple[str, str, str | None, int] | None:
    """A miRNA acting on what diseased cells do ("miR-X promotes D cell migration",
    "overexpression of miR-X inhibited the proliferation of D cells") takes part in the
    disease: ``associated_with`` without a direction, or None. A generic "tumour cell" names
    no disease, and "X in D cells" is the setting of an experiment, not what it found."""
    if not _NEEDS_FUNCTION.may_match(a.text):
        return None
    pos = list_end(a, group)
    verb = _FUNCTION_VERB.fullmatch(a.text, pos, d.start)
    if not verb or GENERIC.fullmatch(d.text):  # "tumour cell migration" names no disease
        return None
    after = a.text[d.end:end]
    if (verb.group("prep") or "").lower() == "in" and _FUNCTION_CELLS.match(a.text, d.end):
        return None  # "... progression in D cells": the setting of an experiment
    sensitised = _SENSITISED.search(a.text[pos:d.start])
    if not (_FUNCTION_AFTER.match(after) or ((verb.group("func") or sensitised) and (
            _FUNCTION_CELLS.match(after) or _PHRASE_END.match(after)))):
        return None
    return "mirna-disease.function", "biolink:associated_with", None, d.start


def before_mirna(text: str, d: Mention, m: Mention, end: int
                 ) -> tuple[str, str, str | None, int] | None:
    """"in D, miR-X was up-regulated", "D in which miR-X was elevated", "in D, the
    expression of miR-X is diminished", "D specimens showed a striking increase in miR-X",
    or None."""
    between = text[d.end:m.start]
    if _DISEASE_ADJECTIVE.fullmatch(between):  # "D-associated miR-X"
        return "mirna-disease.role", "biolink:associated_with", None, d.end
    group_cue = _GROUP_BEFORE.search(text, max(0, d.start - 90), d.start)
    if group_cue and _GROUP_MEMBERS.fullmatch(between):
        # "Among the miRNAs downregulated in D brains were miR-A and miR-B"
        return "mirna-disease.level", "biolink:associated_with", \
            level_direction(CHANGE.match(group_cue.group("cue"))), group_cue.start("cue")
    profiled = _PROFILED.search(text, max(0, d.start - 50), d.start)
    if profiled and _IDENTIFIED.fullmatch(between):
        # "profiling of D lesions identified miR-A and miR-B as up-regulated"
        cue = _AS_CHANGED.match(text, _list_end_at(text, m, end), end)
        if cue:
            return "mirna-disease.level", "biolink:associated_with", \
                level_direction(CHANGE.match(cue.group("cue"))), cue.start("cue")
    shown = _SETTING_SHOWS.fullmatch(between) if _NEEDS_SETTING_SHOWS.may_match(between) \
        else None
    if shown:
        word = shown.group("cue").lower()
        cue = CHANGE.match(word)
        direction = level_direction(cue) if cue else "increased" if word in ("high", "more") \
            else "decreased"
        return "mirna-disease.level", "biolink:associated_with", direction, \
            d.end + shown.start("cue")
    if _IN_WHICH.fullmatch(between) or (
            _IN_BEFORE.search(text[max(0, d.start - 45):d.start])
            and (_SETTING_WORDS.fullmatch(between) and not _FINITE.search(between)
                 or _SETTING_THE_LEVEL.fullmatch(between))):
        tail = text[m.end:min(end, m.end + 100)]
        cue = CHANGE.search(tail)
        if cue and _TO_CUE.fullmatch(tail[:cue.start()]):
            return "mirna-disease.level", "biolink:associated_with", level_direction(cue), \
                m.end + cue.start()
    return None
