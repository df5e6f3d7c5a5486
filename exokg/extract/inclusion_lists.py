"""Lists of examples after a head noun that says how each member relates to a disease.

Background and review sentences name what belongs to a disease as a list introduced by
"include(s)", "including", "such as", "e.g." or "namely" after a head noun; the head says
what the members are to the disease, and each member is a statement of its own:

* treatments: "the main treatments for SCI include surgical decompression, drug therapy and
  rehabilitation", "therapeutic strategies for stroke, such as thrombolysis and
  thrombectomy", "nanomaterials and hydrogels for ICH, including exosomes and liposomes"
  (agent nouns as the head: the heads are treatments too), "the optimal strategies for the
  treatment of D include ..." (a bare "strategies / options / approaches for D" names no
  treatment of its own: its members count only when named agents): each member
  ``biolink:beneficial_in_models_for`` D (each D of "for stroke and TBI");
* mechanisms, processes, pathways, features: "the mechanisms underlying D include A, B and
  C", "the pathogenic mechanisms of D, including A and B": each member
  ``biolink:associated_with`` D;
* complications, outcomes, sequelae, symptoms, manifestations, risk factors: "the
  complications of D include A and B", "D is accompanied by a series of secondary outcomes,
  such as A and B" (the disease the clause opens with): each member
  ``biolink:associated_with`` D, no direction (the list names what occurs with D, not that
  D causes it).

The disease is the one named right after the head ("of / for / in / underlying / after /
following D") or, for a head with none, the disease that opens the clause when a verb of
accompaniment joins it to the head ("D is accompanied / characterised by", "D leads to /
results in"). Members are recognised mentions or short noun phrases (treatments no
vocabulary names are minted as therapies); the list ends after the member that follows
"and" / "or". The open outcome the head itself makes ("a series of secondary outcomes") is
no claim once its members are read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from exokg.extract.base import Analysed, DocumentState, clauses, coordinated, pairs_made
from exokg.extract.benefit_statements import BENEFIT, benefit_statements
from exokg.extract.conditions import SUCH_AS
from exokg.extract.context import context_for
from exokg.extract.epistemics import hedged, negated
from exokg.extract.outcomes import outcome_for_text, outcome_label
from exokg.ids import mint
from exokg.model import Entity, Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["inclusion_lists"]

# a list verb says the same as "include": "encompasses", "comprise", "consists of", "involves"
_CUE = re.compile(r"\s*,?\s*\b(?:include[sd]?|including|such\s+as|e\.g\.,?|namely|i\.e\.,?|"
                  r"encompass(?:es|ed)?|comprise[sd]?|consist(?:s|ed)?\s+of|involve[sd]?)"
                  r"(?:\s+(?:mainly|mostly|primarily|largely|chiefly|generally))?\s*:?\s*", re.I)
_MAY_CUE = Needs(_CUE)
# ... and so does a copula after the head, "the mechanisms of D are (mainly) A, B and C", or
# before it, "A, B and C are the main mechanisms of D" (the head then runs to the end of its
# clause or to a comma); a copula lists two members or more ("are complex" is no list)
_COPULA = re.compile(r"\s+(?:is|are|was|were)\b(?:\s+(?:mainly|mostly|primarily|largely|"
                     r"chiefly|generally))?\s*:?\s*", re.I)
_COPULA_HEAD = re.compile(r"\s+(?:are|were|represent|constitute)\s+(?:among\s+)?", re.I)
_HEAD_END = re.compile(r"[,;.]|$")
# a copula list opens its clause, after an adverbial at most ("Currently, A and B are ...",
# "In stroke, the mechanisms of D are ..."): "the effects of X on the pathophysiology of D are
# very different" has another subject
_OPENER = re.compile(r"\s*(?:(?:\w+ly|however|moreover|furthermore|thus|therefore|in\s+[^,;]{1,40})"
                     r"\s*,\s*)?", re.I)
# a treatment no vocabulary names, in a copula list: its words end in a treatment noun
_TREATMENT_WORD = re.compile(r"(?:therapy|therapies|treatment|intervention|surgery|"
                             r"rehabilitation|decompression|thrombolysis|thrombectomy|"
                             r"transplantation|administration)$", re.I)

_TREATMENT = (r"treatments?|therap(?:y|ies)|(?:therapeutic|treatment|management)\s+methods|"
              r"(?:(?:therapeutic|treatment|management)\s+)?(?:strateg(?:y|ies)|options?|"
              r"approach(?:es)?|modalit(?:y|ies))|interventions?")
# a head that names no treatment of its own ("strategies / options for D": diagnostic or
# imaging ones too) unless the use follows it ("strategies for the treatment of D")
_BARE = re.compile(r"strateg(?:y|ies)|options?|approach(?:es)?|modalit(?:y|ies)", re.I)
_AGENT = (r"(?:nano|bio)?materials|hydrogels|scaffolds|drugs|agents|compounds|carriers|"
          r"nanoparticles|delivery\s+systems")
_MECHANISM = (r"mechanisms?|process(?:es)?|pathways|pathophysiolog(?:y|ies)|pathologies|"
              r"hallmarks|features|characteristics")
_COMPLICATION = (r"complications|outcomes|sequelae|symptoms|manifestations|consequences|"
                 r"comorbidities|risk\s+factors")
# the head phrase ending right before the cue; the words a head may carry before it
_HEAD = re.compile(r"\b(?:(?:the|a|an|its|their|main|major|common|principal|current|key|primary|"
                   r"secondary|standard|conventional|available|existing|potential|possible|"
                   r"known|several|various|many|numerous|different|serious|severe|"
                   r"long-term|clinical|pathogenic|pathological|molecular|series\s+of|"
                   r"underlying|(?:secondary\s+)?injury|"
                   r"range\s+of|number\s+of|variety\s+of)\s+)*"
                   rf"(?:(?P<agent2>{_AGENT})\s+and\s+)?"
                   rf"(?:(?P<treatment>{_TREATMENT})|(?P<agent>{_AGENT})|"
                   rf"(?P<mechanism>{_MECHANISM})|(?P<complication>{_COMPLICATION}))"
                   r"(?:\s+(?P<link>of|for|in|against|underlying|after|following|associated\s+"
                   r"with|related\s+to)\s+(?:the\s+|patients?\s+with\s+)?"
                   # "strategies for (the) treatment of D": the use names the disease after it
                   r"(?P<use>(?:treatment|treating|management|therapy)\s+(?:of\s+)?(?:the\s+)?)?"
                   r"(?P<disease>[^,;:()]{1,60}?)"
                   r"(?:\s*\([^()]{1,15}\))?)?"
                   # "may / mainly include": a modal or adverb before the cue
                   r"(?:\s+(?:may|might|can|could|also|mainly|mostly|primarily|often))*\s*$",
                   re.I)
# a verb joining the clause's disease to a head with no disease of its own
_ACCOMPANIED = re.compile(r"\b(?:(?:is|are)\s+(?:often\s+|usually\s+|commonly\s+|frequently\s+"
                          r"|also\s+)?(?:accompanied|characteri[sz]ed|complicated)\s+by|"
                          r"(?:leads?|led)\s+to|results?\s+in|causes?)\s+", re.I)
# a sentence opening with the pronoun for the disease of the sentence before
_IT = re.compile(r"\W*(?:It|This\s+(?:disease|condition|injury|disorder))\s", re.I)
# ... or with its possessive before the head: "Its pathological mechanism encompasses ..."
_ITS = re.compile(r"\W*(?:Its|Their)\s", re.I)
_RELATION = {"treatment": BENEFIT, "agent": BENEFIT,
             "mechanism": "biolink:associated_with",
             "complication": "biolink:associated_with"}
# a list member written as a short noun phrase (at most four words, then a place or part
# "in / of the X"), with its short form in brackets
_STOP = r"(?:and|or|the|such|is|are|was|were|have|has|can|may|which|that|to|in|of|etc)\b"
_MEMBER = re.compile(rf"\s*(?P<and>(?:and|or)\s+)?(?:the\s+)?(?P<words>(?!{_STOP})[A-Za-z][\w-]*"
                     rf"(?:\s+(?!{_STOP})[\w-]+){{0,3}})"
                     rf"(?P<part>\s+(?:in|of)\s+(?:the\s+)?(?!{_STOP})[\w-]+"
                     rf"(?:\s+(?!{_STOP})[\w-]+){{0,2}})?(?:\s*\([^()]{{1,15}}\))?", re.I)
# what may follow a member: the next member, or the end of the list
# ("etc." / "and so on" after the last member closes the list as "and" before it does)
_AFTER_MEMBER = re.compile(r"\s*,?\s*(?P<etc>etc\b\.?|and\s+so\s+on\b|(?:and|among)\s+others\b)|"
                           r"\s*(?P<more>,|(?=(?:and|or)\s))|\s*(?:[.;]|$|(?:is|are|were|was|"
                           r"have|has|can|may|remain)\b)", re.I)
_DISEASE = frozenset({"Disease"})
_SYMBOL = re.compile(r"\S*(?:[A-Z0-9]\S*[A-Z0-9]|\S[A-Z])")
# the head nouns a copula list needs (its keyword guard)
_MAY_COPULA = Needs(re.compile(rf"\b(?:{_TREATMENT}|{_MECHANISM}|{_COMPLICATION})\b", re.I))
_AGENT_CLASSES = frozenset({"Therapy", "Drug", "ExosomePreparation", "Vesicle", "Cell",
                            "HerbalPreparation", "MicroRNA", "MicroRNACluster"})


def inclusion_lists(a: Analysed, state: DocumentState, found: list[Statement]
                    ) -> list[Statement]:
    """Statements of each member of a list of examples after a head noun (module docs),
    leaving out pairs that ``found`` already relates; also ``found`` without the open
    outcome the head made. Returns the new list of the sentence's statements."""
    if not _MAY_CUE.may_match(a.text) and not _MAY_COPULA.may_match(a.text):
        return found
    out: list[Statement] = []
    heads: list[tuple[int, int]] = []
    have = pairs_made(found)
    for clause in clauses(a.text):
        lo, hi = clause.start, clause.end
        for head, start, end, at, copula in _lists(a, lo, hi):
            kind = next(k for k in ("treatment", "agent", "mechanism", "complication")
                        if head.group(k))
            diseases = _diseases(a, lo, head, state)
            if not diseases:
                continue
            members = _members(a, start, end, kind in ("treatment", "agent"))
            if kind == "agent":
                members = _head_agents(a, head) + members
            elif _BARE.fullmatch(head.group("treatment") or "") and not head.group("use"):
                # only named agents are what a bare head's list treats with ("diagnostic
                # strategies for D include CT and MRI" names no treatment)
                members = [m for m in members if m.source != "open-list-member"]
            if not members or copula and not _copula_list(members):
                continue
            heads.append((head.start(), head.end()))
            out += benefit_statements(a, f"list.{kind}", [m.entity for m in members],
                                      diseases, have, predicate=_RELATION[kind],
                                      # a negation before the head is of what is done
                                      # with the list ("this review does not discuss
                                      # treatments for D such as ..."), not of membership
                                      negated=negated(a.text, max(lo, head.start()),
                                                      at),
                                      hedged=hedged(a.text, lo, at),
                                      context=context_for(a, clause))
    if not out:
        return found
    kept = [s for s in found if not _names_head(a, s, heads)]
    return kept + out


def _lists(a: Analysed, lo: int, hi: int) -> Iterator[tuple[re.Match[str], int, int, int, bool]]:
    """Each list of the clause ``a.text[lo:hi]`` with its head: (the head, where the members
    start and end, where the list verb is, whether the verb is a copula). The members follow
    a list verb after the head, or precede a copula before it."""
    for cue in _CUE.finditer(a.text, lo, hi):
        head = _HEAD.search(a.text, max(lo, cue.start() - 160), cue.start())
        if head is not None:
            yield head, cue.end(), hi, cue.start(), False
    if not _MAY_COPULA.may_match(a.text):
        return
    opened = _OPENER.match(a.text, lo, hi)
    begin = opened.end() if opened else lo
    for cue in _COPULA.finditer(a.text, lo, hi):
        head = _HEAD.search(a.text, max(lo, cue.start() - 160), cue.start())
        if head is not None and head.start() == begin:
            yield head, cue.end(), hi, cue.start(), True
    for verb in _COPULA_HEAD.finditer(a.text, lo, hi):
        stop = _HEAD_END.search(a.text, verb.end(), hi)
        head = _HEAD.match(a.text, verb.end(), stop.start() if stop else hi)
        if head is not None:
            yield head, begin, verb.start() + 1, verb.start(), True


def _copula_list(members: list[Mention]) -> bool:
    """Whether ``members`` read after or before a copula make a list: two members or more, at
    least half of them named by the vocabulary or treatments named by a treatment noun ("are
    very different, or potentially opposite" is no list)."""
    named = sum(m.source != "open-list-member" or m.entity.category == "Therapy"
                and bool(_TREATMENT_WORD.search(m.entity.label)) for m in members)
    return len(members) >= 2 and 2 * named >= len(members)


def _diseases(a: Analysed, lo: int, head: re.Match[str], state: DocumentState
              ) -> list[Entity]:
    """The diseases the head phrase names after its link word ("the treatments for stroke and
    TBI": each), or the disease opening the clause when a verb of accompaniment joins it to
    the head ("It" opening the sentence: the disease the document named first)."""
    if not head.group("disease") and lo == 0 and _ITS.match(a.text) and \
            not a.text[_ITS.match(a.text).end():head.start()].strip():
        return [state.disease] if state.disease else []  # "Its pathological mechanism ..."
    if head.group("disease"):
        start, end = head.span("disease")
        for m in a.within(start, head.end(), _DISEASE):
            if m.start != start:
                continue
            # "for stroke and TBI": the diseases coordinated with it (not its short form)
            chain = [m] + [x for x in coordinated(a, m, _DISEASE, backwards=False)[1:]
                           if x.end <= end and a.text[x.start - 1:x.start] != "("]
            # the diseases are all the link names ("the treatments for SCI (spinal cord
            # injury)")
            if re.fullmatch(r"\s*(?:\([^()]*\))?\s*", a.text[chain[-1].end:end]):
                return [x.entity for x in chain]
            if re.fullmatch(r"\s*(?:\([^()]*\))?\s*", a.text[m.end:end]):
                return [m.entity]
        return []
    verbs = list(_ACCOMPANIED.finditer(a.text, lo, head.start()))
    if not verbs or a.text[verbs[-1].end():head.start()].strip():
        return []
    named = [m for m in a.within(lo, verbs[-1].start()) if m.category == "Disease"]
    if named:
        return [named[0].entity]
    return [state.disease] if lo == 0 and _IT.match(a.text) and state.disease else []


def _members(a: Analysed, start: int, end: int, treatment: bool) -> list[Mention]:
    """The members listed from ``start`` (module docs): a recognised mention naming a
    member's words, else the words as a therapy (``treatment``) or an open outcome. The list
    ends after the member that follows "and" / "or" and at any member that is no short noun
    phrase; a last member with examples after it ("secondary injuries such as A and B")
    gives way to its examples."""
    out: list[Mention] = []
    pos, first = start, None
    while pos < end:
        m = _MEMBER.match(a.text, pos, end)
        after = _AFTER_MEMBER.match(a.text, m.end(), end) if m else None
        if m is None or after is None:
            examples = SUCH_AS.match(a.text, m.end("words")) if m else None
            return _members(a, examples.end(), end, treatment) if examples else out
        part = m.group("part") or ""
        # "delivery of drugs" is named with its part; "thrombosis in the legs" without it
        out += _member(a, m.start("words"), m.end("part") if part.lstrip().lower()
                       .startswith("of") else m.end("words"), treatment)
        first = len(out) if first is None else first
        if m.group("and") or after.group("etc"):
            break
        if after.group("more") is None:
            # a list of several that no "and" / "or" closes was one example set off by
            # commas, and what followed its comma is the sentence going on ("drugs for D,
            # such as aspirin, did not improve ...")
            return out[:first]
        pos = after.end()
    return out


def _member(a: Analysed, ws: int, we: int, treatment: bool) -> list[Mention]:
    """The entity of one member written over ``a.text[ws:we]``: the recognised mention that
    names all of it, else the words themselves (an agent in a list of processes or
    conditions is no member)."""
    inside = a.within(ws, we)
    whole = [x for x in inside if (x.start, x.end) == (ws, we)]
    agent = bool(whole) and whole[0].category in _AGENT_CLASSES
    if whole and agent == treatment:
        return whole[:1]
    if whole and not treatment:
        return []  # an agent in a list of processes or conditions is no member
    # a treatment named like a condition ("hypothermia") is the treatment, minted below
    if not treatment and any(x.category in _AGENT_CLASSES for x in inside):
        return []
    label = outcome_label(a.text[ws:we].split())
    if not label or not treatment and _SYMBOL.match(label):
        return []  # a symbol no vocabulary knows ("AMPK") is no process or condition
    entity = Entity(mint("therapy", label), label, "Therapy") if treatment \
        else outcome_for_text(label)
    return [Mention(entity, ws, we, a.text[ws:we], "open-list-member")]


def _head_agents(a: Analysed, head: re.Match[str]) -> list[Mention]:
    """The agent nouns of the head itself ("nanomaterials and hydrogels for ICH"), each a
    treatment."""
    out = []
    for group in ("agent2", "agent"):
        if head.group(group):
            s, e = head.span(group)
            label = outcome_label(a.text[s:e].split())
            known = a.within(s, e, _AGENT_CLASSES)
            out.append(known[0] if known else Mention(
                Entity(mint("therapy", label), label, "Therapy"), s, e, a.text[s:e],
                "open-therapy"))
    return out


def _names_head(a: Analysed, s: Statement, heads: list[tuple[int, int]]) -> bool:
    """Whether statement ``s`` relates the open outcome a list's head made ("a series of
    secondary outcomes"): every word of its label is a word of the head (a shared prefix is
    no shared word: "neuronal injury" is no word of "treatments for spinal cord injury")."""
    for side in (s.subject, s.object):
        if isinstance(side, Entity) and side.id.startswith("exokg:outcome/"):
            words = {_word(w) for w in side.label.split()}
            if any(words <= {_word(w) for w in re.findall(r"[\w-]+", a.text[hs:he])}
                   for hs, he in heads):
                return True
    return False


def _word(word: str) -> str:
    """A word as an outcome label writes it (lower case, singular)."""
    return outcome_label([word]).casefold() or word.casefold()
