"""Anaphoric subjects: a sentence that opens by pointing back at what the sentence before
said its agent did ("This effect was achieved by promoting M2 polarization", "These actions
collectively contributed to neuroprotection", "Such treatment also reduced ...",
"Together, these benefits were accompanied by ..."), or at the agent itself ("They also
increased ...", "The treatment also lowered ...", "This preparation further reduced ..."),
also after any opening adverbial ("Concurrently, they upregulated ...", "At the same time,
it ...": :data:`OPENING`).

Papers state a finding and then explain or extend it in the next sentence with a noun that
stands for the finding ("effect", "action", "benefit", "treatment", "intervention",
"protection"), or with a word for the agent (the pronoun "they", "the treatment", "this
preparation"). "They" stands only for plural agents (vesicles, cells, a preparation), never
for the animals or patients of a design sentence ("They were randomised into ..."). "It"
right before an effect verb ("It also decreased Notch1 expression") stands only for a
singular agent (a preparation named as one treatment, a drug, a therapy, one RNA), never
for cells, a gene or a process (tuning round 12a). The agent of what that sentence says is the agent of the effect stated just
before: :func:`anaphoric_agents` returns it when it is unambiguous, that is when the sentence
before named agents and the effect last stated had exactly one subject among them. The
pointing noun itself is never an entity ("action", "effect" are no outcomes:
:mod:`exokg.extract.outcomes`).

A sentence whose opening phrase names an agent itself ("These MSC exosomes reduced ...") is
read as it stands, and vesicles referred back to ("these exosomes", "the EVs") are resolved
to the study's preparation by :mod:`exokg.extract.references`.
"""

from __future__ import annotations

import re

from exokg.extract.base import AGENTS, Analysed, DocumentState
from exokg.model import Mention
from exokg.text.prefilter import Needs

__all__ = ["OPENING", "anaphoric_agents"]

#: the effect verbs "It" may stand before ("It also decreased ...", "It further promotes")
_EFFECT_VERB = (r"(?:(?:de|in)creas|reduc|lower|rais|elevat|enhanc|improv|promot|inhibit|"
                r"suppress|attenuat|alleviat|amelior|up-?regulat|down-?regulat|restor|prevent|"
                r"block|diminish|augment|boost|mitigat|rescu|revers|activat|induc|stimulat|"
                r"facilitat|accelerat|exacerbat|aggravat|abolish|protect)(?:ed|es|s)\b")
#: a sentence-opening adverbial before the anaphor: a linking word the field writes without
#: a comma ("Moreover these effects", "Thus they"), or any "-ly" adverb or phrase of up to four
#: words closed by a comma ("Concurrently, they", "At the same time, they", "In parallel, it",
#: "Meanwhile, these actions"): it does not change what the subject points back at. A phrase
#: setting something against or beside the subject ("Unlike stroke, it", "In contrast to X,
#: they", "Like X, it") is none: the subject stands for something else than what it names
#: ("Compared with controls, they" and "Besides, it" are adverbials)
OPENING = (r"(?:(?:however|moreover|furthermore|in\s+addition|additionally|importantly|"
            r"notably|together|collectively|taken\s+together|thus|therefore|overall|"
            r"mechanistically|in\s+turn|interestingly|further(?:more)?|[a-z]+ly)\s*,?\s+"
            r"|(?!(?:unlike|like|in\s+contrast\s+to|as\s+opposed\s+to|contrary\s+to|except|"
            r"instead\s+of|rather\s+than|other\s+than|similar\s+to|as\s+with|versus|vs)\s+\w)"
            r"(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*\s*,\s+)?")
#: a sentence that opens (after a linking adverb) with a demonstrative and a noun that
#: stands for what the previous sentence's agent did
ANAPHOR = re.compile(
    r"^\W*" + OPENING +
    r"(?P<np>(?:this|these|such|those)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:effects?|actions?|benefits?|treatments?|interventions?|therap(?:y|ies)|"
    r"(?:neuro)?protection|protective\s+effects?|improvements?|preparations?|products?|"
    r"formulations?)"
    # "The treatment also lowered ...": the study's treatment named by its role
    r"|the\s+(?:same\s+)?(?:treatments?|interventions?|preparations?)(?!\s+(?:of|for|with)\b)"
    # "They also increased ...": a pronoun for the agents last named; not the animals or
    # patients of a design sentence ("They were randomised / divided into ...")
    r"|(?P<pronoun>they)(?!\s+(?:were|are|was|had|have)\s+(?:then\s+)?(?:randomi[sz]ed|"
    r"divided|assigned|allocated|grouped|subjected|enrolled|recruited|followed|aged|"
    r"admitted|included|excluded|treated|given|injected|anesthetized|anaesthetized|"
    r"sacrificed|killed|housed|trained|tested)"
    # "They also had / showed decreased ...": the treated animals or patients
    r"|(?:\s+(?:also|further|additionally|then|still|\w+ly))*\s+(?:had|showed|exhibited|"
    r"displayed|presented|developed|experienced|suffered|survived|lived)\b))\b", re.I)
#: "It also decreased Notch1 expression": the singular pronoun, only before an effect verb
#: (never "It is known", "It was found", "It remains unclear"); a pattern of its own, so
#: that ANAPHOR keeps its keyword guard ("it" is inside most words)
IT_ANAPHOR = re.compile(
    r"^\W*" + OPENING + r"(?P<np>it)(?=(?:\s+(?:also|further|additionally|likewise|"
    r"similarly|then|even|\w+ly))*\s+" + _EFFECT_VERB + r")", re.I)
#: what "they" can stand for: plural agents (vesicles, cells, a preparation of them)
_PLURAL_AGENTS = frozenset({"ExosomePreparation", "Vesicle", "Cell", "MicroRNACluster"})
#: what "it" can stand for: the study's treatment named in the singular ("M2 microglial
#: sEV treatment decreased ... It also decreased ..."), a drug, a therapy or one RNA
_SINGULAR_AGENTS = frozenset({"ExosomePreparation", "Vesicle", "Therapy", "Drug",
                              "HerbalPreparation", "MicroRNA", "CircularRNA",
                              "LongNoncodingRNA"})
_NEEDS = Needs(ANAPHOR)


def anaphoric_agents(a: Analysed, state: DocumentState) -> list[Mention]:
    """The agent an opening anaphoric phrase of sentence ``a`` stands for (module docs), as
    a mention over that phrase; empty when the sentence does not open with one, names an
    agent inside it, or the agent is not unambiguous. A resolved sentence is recorded in
    ``state.anaphor_index``, so that the next one may point back through it ("This effect
    ... These actions ..."). Call before :func:`exokg.extract.mechanism_lists.note_agents`
    updates ``state`` for this sentence."""
    m = ANAPHOR.match(a.text) if _NEEDS.may_match(a.text) else None
    m = m or IT_ANAPHOR.match(a.text)
    if not m or any(x.category in AGENTS and x.start < m.end("np") for x in a.mentions):
        return []
    index, before = state.previous_agents
    if index != a.sentence.index - 1 or len(state.subject) != 1:
        return []
    agent = state.subject[0]
    if all(e.id != agent.id for e in before) and state.anaphor_index != index:
        return []  # the effect last stated is older than the sentence before
    if m.re is ANAPHOR and m.group("pronoun") and agent.category not in _PLURAL_AGENTS:
        return []  # "They" is not a single miRNA or drug
    if m.re is IT_ANAPHOR and agent.category not in _SINGULAR_AGENTS:
        return []  # "It" is no cell population, gene or process
    state.anaphor_index = a.sentence.index
    return [Mention(agent, m.start("np"), m.end("np"), m.group("np"), source="reference")]
