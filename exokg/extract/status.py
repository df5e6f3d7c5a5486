"""The status of a claim: a finding of the study, cited background, a hypothesis or aim, or
speculation about the future.

An abstract says which of its sentences are which, in its section labels (PubMed XML
``AbstractText Label``/``NlmCategory``, kept in ``Document.fields``) or, when unlabelled, in
the order it writes them and in the words of the sentence. The status of a sentence's
claims is, in this order:

1. a cue in the sentence:

   * ``hypothesis``: the study's question or aim ("we tested the hypothesis that", "we
     investigated whether", "this study aimed to", "this review aims to", "to determine
     whether", "the aim of", "the specific objectives were", "(assays were performed) to
     elucidate the role of X in Y") or an open question ("whether X could promote Y remains
     unknown", "the role of X in maintaining Y is unclear"),
     unless the sentence also reports what was found ("we evaluated X and found that");
   * ``speculation``: what may come ("may in (the) future", "could be applied / used /
     developed", "holds (great) promise", "a promising / potential strategy / target /
     candidate / therapy", "further studies are needed", "warrants");
   * ``background``: what others showed ("has been shown / reported / demonstrated",
     "previous(ly) studies / reports", "it is (well) known", "accumulating / emerging
     evidence", "recent studies", a list of "reported / known mechanisms"), or a citation
     marker in an abstract sentence;

2. the section: BACKGROUND / INTRODUCTION -> ``background``, OBJECTIVE / AIM / PURPOSE /
   HYPOTHESIS -> ``hypothesis``, anything else (METHODS, RESULTS, CONCLUSIONS) -> ``finding``;

3. in an unlabelled abstract, the sentences before the first that speaks of this study
   ("we", "our", "here", "this / the present study", "in this work") or reports its
   methods or results ("rats were subjected to", "received", "were randomized", "was
   significantly", "p < 0.05", "compared with vehicle") are ``background`` (the title never is; an abstract that never speaks of
   its study has no implied background);

4. otherwise ``finding``.

A hedged finding stays a finding ("our results suggest that X improves Y" is hedged, not
speculation).
"""

from __future__ import annotations

import re
from functools import lru_cache

from exokg.model import Analysed, ClaimStatus, Document
from exokg.text.prefilter import Branches, Needs

__all__ = ["CLAIM_STATUSES", "ClaimStatus", "claim_status", "open_question_from",
           "speaks_of_study", "states_aim", "states_topic"]

#: The values of ``exo:claimStatus``.
CLAIM_STATUSES: tuple[str, ...] = ("finding", "background", "hypothesis", "speculation")

# "However, whether X improves Y remains unknown", "the role of X in maintaining Y is
# unclear": a gap in knowledge, the study's question (a hypothesis, no finding either way)
# ("how X affects Y remains unclear": the question is how, not whether)
# ("the effect of X on Y needs to be further explored", "the role of X in Y is poorly
# understood", "whether X ... remains to be investigated": the same gap, said as work to do)
_OPEN_QUESTION_TEXT = (r"(?:\bwhether|\bhow|\b(?:roles?|mechanisms?|functions?|effects?|"
                       r"impacts?|influences?)\s+of)\b"
                       # the gap is said in the question's own clause: not past a colon or a
                       # clause that opposes it ("The effects of X were examined: X reduced
                       # Y, although the mechanism remains unclear": a finding, then a gap)
                       r"(?:(?!\b(?:although|though|but|whereas|while)\b)[^.;:])*"
                       r"\b(?:remains?|is|are|was|were|needs?|requires?)\s+(?:still\s+|"
                       r"largely\s+|currently\s+|yet\s+)?(?:unknown|unclear|not\s+"
                       r"(?:yet\s+|fully\s+|well\s+)?(?:known|clear|understood|established|"
                       r"determined)|poorly\s+understood|uncertain|elusive|undetermined|"
                       r"unexplored|(?:further\s+)?to\s+be\s+(?:further\s+|fully\s+)?"
                       r"(?:determined|established|elucidated|clarified|explored|investigated|"
                       r"studied|examined))\b")
_HYPOTHESIS = re.compile(
    # "However, whether X could promote Y remains unknown", "the role of X in Y is unclear":
    # the question the study sets out to answer
    _OPEN_QUESTION_TEXT + r"|"
    r"\b(?:we|this\s+(?:study|work|investigation|research)|the\s+(?:present|current)\s+"
    r"(?:study|work|investigation|research))\s+"
    r"(?:\w+ly\s+)?(?:tests?|tested|examin(?:e|es|ed)|investigat(?:e|es|ed)|explor(?:e|es|ed)|"
    r"evaluat(?:e|es|ed)|assess(?:es|ed)?|sought|aim(?:s|ed)?|hypothesi[sz]ed?|asked|"
    # "This investigation endeavors / attempts / seeks to exploit X for Y": its aim
    r"endeavou?r(?:s|ed)?\s+to|attempt(?:s|ed)?\s+to|seeks?\s+to|intends?\s+to|"
    r"was\s+designed|set\s+out)\b"
    # "This review aims to explore ...": a review's aim (not "this review assessed 30
    # studies", which may report what they found)
    r"|\b(?:this|the\s+present|the\s+current)\s+(?:review|article|paper|chapter|manuscript)\s+"
    r"(?:\w+ly\s+)?(?:aims?|aimed|seeks?|sought|intends?|sets?\s+out)\b"
    r"|\b(?:the\s+)?(?:novel\s+)?hypothesis\s+that\b|\b(?:the\s+)?(?:(?:specific|main|primary|"
    r"secondary|overall)\s+)?(?:aim|objective|purpose|goal)s?\s+(?:of|was|is|were|are)\b"
    r"|\bto\s+(?:investigate|determine|examine|explore|assess|evaluate|"
    r"test|identify|clarify|ascertain|verify|establish|elucidate)\s+(?:whether|if|"
    r"the\s+hypothesis)\b|\bwe\s+(?:\w+\s+)?aim\s+to\b"
    # "we stipulate / postulate that X ...": the study's hypothesis
    r"|\bwe\s+(?:\w+ly\s+)?(?:stipulate|postulate)d?\s+that\b"
    # "we have employed X as therapeutic agents to improve the outcome": the purpose the
    # vesicles were made or used for, not a result
    r"|\bwe\s+(?:have\s+)?(?:employed|used|applied|utili[sz]ed|designed|developed|engineered|"
    r"generated|constructed)\s+[^.;]{0,160}?\bto\s+(?:improve|enhance|promote|reduce|protect|"
    r"treat|attenuate|alleviate|increase|facilitate|restore|rescue|ameliorate)\b"
    # "to research / to elucidate the (underlying) mechanism of X", "(assays were performed)
    # to elucidate the role of X in Y", "to explore the function of X": the study's question
    r"|\bto\s+(?:research|investigate|explore|study|elucidate|clarify|understand|uncover|"
    r"dissect|determine|examine|define)\s+(?:the\s+)?(?:\w+\s+)?(?:mechanisms?\s+(?:of|by|"
    r"underlying)|(?:roles?|functions?|involvement|contributions?)\s+(?:of|that)|"
    r"(?:roles?|functions?)\s+(?:\w+\s+){1,3}?(?:plays?|played|has|had)\s+in)\b"
    # an inline aim label or an aim written as an infinitive: "Aims: To determine the
    # expression of X ... and to explore its value in predicting Y"
    r"|^\W*(?:aims?|objectives?|purposes?|goals?)\s*:|^\W*to\s+(?:investigate|determine|"
    r"examine|explore|assess|evaluate|test|compare|identify|find|clarify|elucidate)\b", re.I)
# "we evaluated X and found that ...": a result, whatever was asked
_RESULT = re.compile(r"\bwe\s+(?:\w+ly\s+)?(?:also\s+)?(?:found|find|showed|show|observed|"
                     r"demonstrated|identified|discovered|confirmed)\b|\b(?:results|data|"
                     r"findings)\s+(?:\w+ly\s+)?(?:show|showed|demonstrated?|revealed?)\b|"
                     r"\b(?:found|showed|observed|demonstrated|revealed|confirmed)\s+that\b", re.I)
_SPECULATION = re.compile(
    r"\bmay\s+(?:\w+\s+)?in\s+(?:the\s+)?future\b|\bin\s+the\s+future\b|"
    r"\bcould\s+(?:\w+ly\s+)?be\s+(?:\w+ly\s+)?(?:applied|used|developed|exploited|translated)"
    r"|\bholds?\s+(?:\w+\s+)?promise\b|\b(?:promising|potential)\s+(?:\w+\s+){0,2}"
    r"(?:strategy|strategies|target|targets|candidate|candidates|therapy|therapies|"
    r"therapeutic|approach|approaches|tool|tools|agent|agents|biomarkers?|treatment)\b|"
    r"\bfurther\s+(?:studies|research|investigations?)\s+(?:are|is|will\s+be)\s+"
    r"(?:needed|required|warranted)\b|\bwarrants?\b", re.I)
_BACKGROUND = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+ly\s+)?been\s+(?:\w+ly\s+)?(?:shown|reported|demonstrated|"
    r"found|described|documented|proposed|suggested|established|recognized|recognised)\b|"
    r"\bprevious(?:ly)?\s+(?:\w+\s+)?(?:studies|reports|work|research|findings)\b|"
    r"\b(?:studies|reports)\s+have\b|\bit\s+is\s+(?:well\s+)?(?:known|established)\b|"
    r"\b(?:accumulating|emerging|growing|increasing)\s+(?:\w+\s+)?evidence\b|"
    r"\brecent\s+(?:\w+\s+)?(?:studies|reports|work|research)\b|"
    # "Reported mechanisms include ...", "The known effects of X comprise ...": a list of
    # what others found (exokg.extract.mechanism_lists)
    r"^\W*(?:the\s+)?(?:reported|described|known|documented|established|published)\s+"
    r"(?:\w+\s+)?(?:mechanisms?|modes?\s+of\s+action|effects|benefits|actions)\b", re.I)
_STUDY = re.compile(r"\b(?:we|our|here|herein|this\s+study|the\s+present\s+study|"
                    r"the\s+current\s+study|in\s+this\s+(?:work|study|report))\b"
                    # methods and results of the study, written without "we"
                    r"|\b(?:were|was)\s+(?:\w+ly\s+)?(?:subjected|randomi[sz]ed|divided|"
                    r"assigned|enrolled|recruited|injected|treated|administered|isolated|"
                    r"collected|measured|assessed|evaluated|analy[sz]ed|performed|detected|"
                    r"examined|used|given)\b|\bsubjected\s+to\b|\breceived\b|\bp\s*[<=]|"
                    r"\b(?:was|were)\s+significantly\b|"
                    r"\b(?:compared\s+(?:with|to)|than\s+in)\s+(?:the\s+)?(?:control|vehicle|PBS|"
                    r"sham|saline)", re.I)
_SECTION = (
    (re.compile(r"^(?:background|introduction|context|rationale)", re.I), "background"),
    (re.compile(r"^(?:objectives?|aims?|purposes?|hypothes[ie]s|goals?)", re.I), "hypothesis"),
)


# "Here, we investigated the effects of X on Y", "This review synthesizes current research on
# X", "In this review, we highlight what is known about X": the study's or review's topic, a
# noun phrase after a verb of studying or surveying, states no proposition
_TOPIC = re.compile(
    r"\b(?:we|this\s+(?:review|article|paper|chapter|study|work)|the\s+(?:present|current)\s+"
    r"(?:review|study|work))\s+(?:\w+ly\s+)?(?:further\s+)?(?:investigat(?:e|es|ed)|"
    r"examin(?:e|es|ed)|explor(?:e|es|ed)|evaluat(?:e|es|ed)|stud(?:y|ies|ied)|"
    r"review(?:s|ed)?|summari[sz](?:e|es|ed)|synthesi[sz](?:e|es|ed)|discuss(?:es|ed)?|"
    r"highlight(?:s|ed)?|describ(?:e|es|ed)|outlin(?:e|es|ed)|characteri[sz](?:e|es|ed)|"
    r"focus(?:es|ed)?\s+on|provid(?:e|es|ed)\s+an?\s+(?:\w+\s+)?overview\s+of)\s+"
    r"(?:the|what|how|current|recent|its|their|a|an|some|key|several|various|existing|"
    r"advances|progress|research|evidence)\b", re.I)
# what turns a topic into a proposition: "investigated whether X improves Y", "evidence that"
_PROPOSITION = re.compile(r"\b(?:whether|if|that|hypothes[ie][sz]\w*)\b", re.I)
# "This study investigates how X regulates Y": a study's question (a review that discusses
# how X works names its topic)
_ASKS_HOW = re.compile(r"(?:investigat|examin|explor|evaluat|stud)\w*\s+how$", re.I)




# keyword guards of the cue patterns (exokg.text.prefilter): a sentence without any of a
# pattern's words is not scanned with it
_MAY_RESULT = Needs(_RESULT)
_MAY_SPECULATION = Needs(_SPECULATION)
# the long cue patterns asked alternative by alternative, each behind its own keyword test
_HYPOTHESIS_CUE = Branches(_HYPOTHESIS)
_BACKGROUND_CUE = Branches(_BACKGROUND)
_STUDY_CUE = Branches(_STUDY)
_MAY_TOPIC = Needs(_TOPIC)


@lru_cache(maxsize=256)  # pure; asked for each sentence by several rules and twice in a row
def states_topic(text: str) -> bool:
    """True when a sentence only names what the study or review is about ("Here, we
    investigated the effects of X on Y in rats"; "This review summarizes recent advances in
    X for Y"): a topic asserts no claim, neither as a finding nor as a hypothesis. A sentence
    that also reports a result or states a proposition ("we examined whether X improves Y",
    "we investigated X and found that ...", "we investigated how X regulates Y") is not a
    topic sentence; nor is an open question ("However, whether X improves Y remains
    unknown"), whose claims are the study's hypothesis."""
    m = _MAY_TOPIC.may_match(text) and _TOPIC.search(text)
    return bool(m) and not _ASKS_HOW.search(m.group()) and \
        not _PROPOSITION.search(text, m.end()) and not _has_result(text)


def _has_result(text: str) -> bool:
    return _MAY_RESULT.may_match(text) and bool(_RESULT.search(text))


@lru_cache(maxsize=256)  # pure; asked for each sentence by several rules
def speaks_of_study(text: str) -> bool:
    """True when a sentence speaks of the study itself ("we", "our", "here", "this study")."""
    return _STUDY_CUE.found_in(text)


def _section_status(document: Document, start: int) -> str | None:
    for f in document.fields:
        if f.name == "section" and f.start <= start < f.end:
            for name in (f.attr("category") or "", f.value):
                for pattern, status in _SECTION:
                    if pattern.match(name):
                        return status
            return "finding"
    return None


def is_title(document: Document, a: Analysed) -> bool:
    """True when sentence ``a`` is the title of ``document`` (its title field, or a first
    sentence that reads as its title)."""
    return _is_title(document, a)


def _is_title(document: Document, a: Analysed) -> bool:
    for f in document.fields:
        if f.name == "title":
            return f.start <= a.sentence.span.start < f.end
    return a.sentence.index == 0 and bool(document.title) and \
        _title_form(a.text) == _title_form(document.title)


_DASHES = re.compile(r"[\u2010-\u2015\u2212]")


def _title_form(text: str) -> str:
    """Compare form of a title: spaces collapsed, no final full stop, case folded, every
    dash a hyphen (a PDF copy writes "Post\u2011Stroke" where the record has "Post-Stroke")."""
    return _DASHES.sub("-", " ".join(text.split()).rstrip(".").casefold())


@lru_cache(maxsize=256)  # pure; asked for each sentence by _situate and the study's vesicles
def _cue_status(text: str) -> str | None:
    """The status a cue in the sentence gives (rule 1 of the module docs), or None."""
    if _HYPOTHESIS_CUE.found_in(text) and not _has_result(text):
        return "hypothesis"
    if _MAY_SPECULATION.may_match(text) and _SPECULATION.search(text):
        return "speculation"
    if _BACKGROUND_CUE.found_in(text):
        return "background"
    return None


def states_aim(text: str) -> bool:
    """True when a sentence states the study's question or aim and reports no result (its
    claims have status ``hypothesis`` by its cue, rule 1 of the module docs)."""
    return _cue_status(text) == "hypothesis"


# "X reduced Y, but whether X improves Z remains unknown": an open question in the last
# clause of a sentence whose first clause states something (after a semicolon the
# conjunction may be left out: "X reduced Y; how X crosses Z remains unclear")
_BUT = r"(?:but|however,?|although|though|yet|while|whereas)\s+"
_LATER_QUESTION = re.compile(r"(?:,\s+" + _BUT + r"|;\s+(?:" + _BUT + r")?)"
                             r"(?=" + _OPEN_QUESTION_TEXT + r")", re.I)
_MAY_LATER_QUESTION = Needs(_LATER_QUESTION)


def open_question_from(text: str) -> int | None:
    """Where the open question of a sentence's last clause begins ("..., but whether X
    improves Z remains unknown"), when the clauses before it state no aim or question of
    their own; else None (the sentence is one question, or has none).

    >>> open_question_from("EVs reduced Y, but whether they improve Z remains unknown.")
    13
    >>> open_question_from("Whether EVs improve Z remains unknown.") is None
    True
    """
    if not _MAY_LATER_QUESTION.may_match(text):
        return None
    m = _LATER_QUESTION.search(text)
    if m is None or _cue_status(text[:m.start()]) == "hypothesis":
        return None
    return m.start()


def claim_status(a: Analysed, study_named: bool, end: int | None = None) -> ClaimStatus:
    """The status of the claims of sentence ``a`` (see the module docs), or of its text
    before ``end`` (the clauses before an open question: :func:`open_question_from`).
    ``study_named`` says whether an earlier sentence of the document already spoke of the
    study."""
    text = a.text if end is None else a.text[:end]
    cue = _cue_status(text)
    if cue == "hypothesis" or cue == "speculation":
        return cue  # type: ignore[return-value]
    document = a.document
    abstract = document.kind == "abstract"
    if cue == "background" or (abstract and a.sentence.citations):
        return "background"
    section = _section_status(document, a.sentence.span.start)
    if section is not None:
        return section  # type: ignore[return-value]
    if abstract and not study_named and not _is_title(document, a) and \
            not speaks_of_study(text):
        return "background"
    return "finding"
