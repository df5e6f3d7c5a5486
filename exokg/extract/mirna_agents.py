"""A miRNA's gain or loss acting on a gene: "overexpression of miR-X decreased GENE",
"Upregulation of miR-X reduced the expression of the transcription factors GENE1 and
GENE2", "knockdown of miR-X resulted in increased expression of GENE", "miR-X mimics raised
GENE levels", "miR-X overexpression led to GENE downregulation" -> miR-X ``RO:0002212``
(negatively regulates) or ``RO:0002213`` (positively regulates) GENE, a loss reversing the
sign (rule ``regulation.agent-phrase``); the miRNA's own verb ("miR-X represses the
expression of GENE") is rule ``regulation.verb``.

The gain and loss words (:data:`GAIN_AFTER`, :data:`LOSS_AFTER`) and the change stems
(:data:`DOWN`, :data:`UP`) are shared with :mod:`exokg.extract.mirna_targeting`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from exokg.extract.base import Analysed
from exokg.extract.enumerations import list_end, members
from exokg.extract.mirna_rules import GENES, MIRNAS, emit, regulation
from exokg.model import Context, Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["DOWN", "GAIN_AFTER", "GAIN_BEFORE", "LOSS_AFTER", "LOSS_BEFORE", "UP", "agent_phrases",
           "changes_upon", "through_mirna"]

# the miRNA's gain or loss, named before it: "overexpression of (the mature) miR-X"
GAIN_BEFORE = re.compile(r"\b(?:over-?\s?expression|up-?\s?regulation|elevation|increase|"
                          r"induction|restoration|re-?expression|introduction|transfection|"
                          r"(?:ectopic|enforced|forced)\s+expression|expression|delivery|"
                          r"addition)\s+of\s+"
                          r"(?:the\s+)?(?:mature\s+|exogenous\s+|synthetic\s+)?$", re.I)
LOSS_BEFORE = re.compile(r"(?:\b(?:knock-?down|silencing|inhibition|depletion|deletion|loss|"
                          r"blockade|antagonism|suppression|down-?\s?regulation|prevention|"
                          r"reduction)\s+of\s+(?:the\s+)?(?:endogenous\s+|mature\s+)?|"
                          r"(?:^|(?<=[,;(]\s)|\b(?:that|and|by|after|upon)\s+)"
                          r"(?:blocking|silencing|"
                          r"inhibiting|knocking\s+down|depleting|antagonizing|antagonising)\s+"
                          r"(?:the\s+)?(?:endogenous\s+|mature\s+)?|"
                          r"\b(?:inhibitors?|antagomirs?|sponges?|antisense\s+oligonucleotides?)"
                          r"\s+(?:of|against|to)\s+(?:the\s+)?|\b(?:anti|antagomir)\s*-\s*)$",
                          re.I)
# between a miRNA and its own verb: "miR-X (directly) (also)"
_VERB_GAP = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:members\s+)?"
                       r"(?:(?:also|further|could|can|may|might|"
                       r"directly|strongly|significantly|markedly|specifically)\s+)*", re.I)
# ... or after it: "miR-X mimics", "miR-X inhibitor"
GAIN_AFTER = re.compile(r"\s*-?\s*(?:mimics?|agomirs?|precursors?|over-?\s?expression|"
                         r"up-?\s?regulation|restoration|re-?expression)\b", re.I)
LOSS_AFTER = re.compile(r"\s*-?\s*(?:inhibitors?|antagomirs?|sponges?|knock-?down|"
                         r"silencing|inhibition|depletion|deletion|loss|down-?\s?regulation|"
                         r"blockade)\b", re.I)
# what may stand between the miRNA and the verb: "(expression) (in SH-SY5Y cells)"
_SUBJECT_TAIL = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:(?:expression|levels?)\s+)?"
                           r"(?:(?:with|using|by)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?"
                           r"(?:antagomirs?|inhibitors?|mimics?|agomirs?|antisense\s+\w+|"
                           r"sponges?|LNA\s+\w+)\s+)?"
                           r"(?:(?:in|into)\s+(?:[\w-]+\s+){0,5}?(?:cell\s+lines?|cells?|neurons|"
                           r"lines?|tissues?)\s*,?\s*)?", re.I)
DOWN = r"decreas|reduc|suppress|inhibit|repress|attenuat|down-?\s?regulat|abolish|lower|" \
        r"diminish|block|silenc|loss"
UP = r"increas|enhanc|up-?\s?regulat|elevat|induc|restor|rais|promot|augment|higher|" \
      r"accumulat|stimulat|de-?repress"
# an association, not a cause: "Induction of miR-X was associated with a decrease in GENE"
_ASSOCIATED = (r"(?P<assoc>(?:was|were|is|are)\s+(?:\w+ly\s+)?(?:associated\s+with|"
               r"accompanied\s+by))")
_RESULT = re.compile(rf"(?:\w+ly\s+)?(?:(?P<down>{DOWN})|(?P<up>{UP}))\w*\s+|"
                     r"(?:\w+ly\s+)?(?:(?:resulted|results?|led|leads?|caused|causes?|"
                     r"produced|was\s+followed|were\s+followed)\s+(?:in|to|by)|"
                     rf"{_ASSOCIATED})\s+"
                     r"(?:an?\s+|the\s+)?(?:(?:\w+ly|significant|marked|strong|consequent|"
                     r"concomitant)\s+)*"
                     rf"(?:(?P<down2>{DOWN})|(?P<up2>{UP}))\w*\s+", re.I)
# from the verb to the gene: "the (protein) expression of (its downstream target) (the
# transcription factors) GENE"
_TO_TARGET = re.compile(r"^(?:(?:the|its|their)\s+)?(?:(?:protein|mRNA|gene|cellular)\s+)?"
                        r"(?:(?:expression|levels?|amounts?|abundance|translation|activity|"
                        r"production)\s+)?(?:(?:of|in)\s+)?(?:the\s+)?"
                        r"(?:(?:levels?|expression|amounts?)\s+of\s+(?:the\s+)?)?"
                        r"(?:(?:its|their)\s+(?:[\w-]+\s+){0,2}?targets?\s+(?:genes?\s+)?,?\s*)?"
                        r"(?:(?:[\w-]+\s+){0,2}?(?:factors?|genes?|proteins?|regulators?)\s+)?$",
                        re.I)


#: the correlation a gain or loss "associated with" a change of a gene states, by whether
#: the two go in opposite directions
_CORRELATED = {True: "biolink:negatively_correlated_with",
               False: "biolink:positively_correlated_with"}


def _state_of(a: Analysed, group: list[Mention]) -> tuple[bool | None, int]:
    """Whether the sentence names a gain (True) or a loss (False) of the miRNAs of
    ``group`` (None for neither), and where the cue starts."""
    first, end = group[0], list_end(a, group)
    lo = max(0, first.start - 60)
    m = GAIN_BEFORE.search(a.text, lo, first.start)
    if m:
        return True, m.start()
    m = LOSS_BEFORE.search(a.text, lo, first.start)
    if m:
        return False, m.start()
    if GAIN_AFTER.match(a.text, end):
        return True, first.start
    if LOSS_AFTER.match(a.text, end):
        return False, first.start
    return None, first.start


def _mirna_groups(a: Analysed, start: int, end: int
                  ) -> Iterator[tuple[list[Mention], bool | None, int]]:
    """Each list of miRNAs in ``start:end`` once ("miR-A and miR-B"), with its state from
    :func:`_state_of`: (the members, True for a gain / False for a loss / None, where the
    state's words start)."""
    done: set[int] = set()
    for m in a.within(start, end, MIRNAS):
        if m.start in done:
            continue
        group = [x for x in members(a, m, MIRNAS, backwards=False) if x.end <= end]
        done |= {x.start for x in group}
        gain, at = _state_of(a, group)
        yield group, gain, at


def agent_phrases(a: Analysed, start: int, end: int, ctx: Context) -> list[Statement]:
    """"overexpression / knockdown of miR-X <verb> GENE" (see the module docs)."""
    out = []
    for group, gain, at in _mirna_groups(a, start, end):
        rule = "regulation.agent-phrase"
        if gain is None:  # the miRNA itself acts: "miR-X represses the expression of GENE"
            gain, rule = True, "regulation.verb"
        pos = list_end(a, group)
        after = GAIN_AFTER.match(a.text, pos, end) or LOSS_AFTER.match(a.text, pos, end)
        pos = after.end() if after else pos
        if rule == "regulation.verb":  # the miRNA's verb right after it, no other subject
            tail = _VERB_GAP.match(a.text, pos, end)
        else:
            tail = _SUBJECT_TAIL.match(a.text, pos, end)
        pos = tail.end() if tail else pos
        verb = _RESULT.match(a.text, pos, end)
        if rule == "regulation.verb" and verb and not (verb.group("down") or verb.group("up")):
            continue  # "miR-X resulted in ...": only a gain or loss is such an agent
        if not verb and rule != "regulation.verb":
            out += _result_nouns(a, group, gain, pos, start, end, ctx)
            continue
        if not verb:
            continue
        lowers = bool(verb.group("down") or verb.group("down2"))
        targets = [g for g in a.within(verb.end(), min(end, verb.end() + 90), GENES)
                   if _TO_TARGET.match(a.text[verb.end():g.start])][:1]
        if not targets:
            continue
        negative = lowers == gain  # a gain lowering the gene, or a loss raising it
        pairs = [(subj, target) for target in members(a, targets[0], GENES, backwards=False)
                 for subj in group]
        if verb.group("assoc"):  # "was associated with a decrease in GENE": no regulation
            out += emit(a, "mirna-gene.correlation", pairs, _CORRELATED[negative], None, start,
                        verb.start(), ctx)
            continue
        out += regulation(a, rule, pairs, "negatively" if negative else "positively", start,
                          verb.start(), ctx)
    return out


# "overexpression of miR-X led to GENE downregulation": the change named after the gene
_LED_TO = re.compile(r"(?:\w+ly\s+)?(?:(?:resulted|results?|led|leads?|caused|causes?|induced|"
                     rf"induces?|triggered|triggers?)\s+(?:in\s+|to\s+)?|{_ASSOCIATED}\s+)"
                     r"(?:an?\s+|the\s+)?", re.I)
_CHANGE_NOUN = re.compile(rf"\s*(?:(?:mRNA|protein|gene)\s+)?(?:(?:expression|levels?)\s+)?"
                          rf"(?:(?P<down>{DOWN})|(?P<up>{UP}))\w*", re.I)


def _result_nouns(a: Analysed, group: list[Mention], gain: bool, pos: int, start: int,
                  end: int, ctx: Context) -> list[Statement]:
    """"miR-X overexpression led to GENE downregulation": a gain (or loss, ``gain`` False)
    of the miRNAs of ``group`` changing the gene named before its change noun."""
    verb = _LED_TO.match(a.text, pos, end)
    if not verb:
        return []
    genes = [g for g in a.within(verb.end(), min(end, verb.end() + 40), GENES)
             if g.start == verb.end()][:1]
    if not genes:
        return []
    listed = members(a, genes[0], GENES, backwards=False)
    change = _CHANGE_NOUN.match(a.text, list_end(a, listed), end)
    if not change:
        return []
    negative = bool(change.group("down")) == gain
    if verb.group("assoc"):  # "miR-X overexpression is associated with GENE downregulation"
        return emit(a, "mirna-gene.correlation", [(subj, g) for subj in group for g in listed],
                    _CORRELATED[negative], None, start, verb.start(), ctx)
    return regulation(a, "regulation.agent-phrase", [(subj, g) for subj in group for g in listed],
                      "negatively" if negative else "positively", start, verb.start(), ctx)


# the change of a gene named before the miRNA's gain or loss: "GENE levels decreased
# (markedly) (in X cells) upon / after / following overexpression of miR-X", "a (marked)
# reduction in GENE protein was observed upon restoration of miR-X"
_UPON = re.compile(r"\b(?:upon|after|following)\s+$", re.I)
_CHANGED_UPON = re.compile(rf"\s*(?:(?:mRNA|protein|gene)\s+)?(?:(?:expression|levels?)\s+)?"
                           r"(?:(?:was|were|is|are)\s+)?(?:(?:\w+ly|also|further)\s+)*"
                           rf"(?:(?P<down>{DOWN})|(?P<up>{UP}))\w*\s+(?:[\w-]+\s+){{0,5}}?", re.I)
_CHANGE_IN = re.compile(rf"\b(?:(?P<down>{DOWN})|(?P<up>{UP}))\w*\s+(?:in|of)\s+(?:the\s+)?"
                        r"(?:(?:levels?|expression)\s+of\s+(?:the\s+)?)?$", re.I)
_NOUN_TAIL = re.compile(r"\s*(?:(?:mRNA|protein)\s+)?(?:(?:expression|levels?)\s+)?"
                        r"(?:(?:was|were|is|are)\s+(?:\w+ly\s+)?(?:\w+\s+){0,3}?)?", re.I)
_NEEDS_UPON = Needs(re.compile(r"\b(?:upon|after|following)\s"))
_NEEDS_CHANGE = Needs(_CHANGED_UPON, _CHANGE_IN)


def changes_upon(a: Analysed, start: int, end: int, ctx: Context) -> list[Statement]:
    """A gene's change named before the miRNA's gain or loss that brought it ("GENE levels
    decreased after overexpression of miR-X", "a reduction in GENE was observed upon
    restoration of miR-X"): the miRNA ``RO:0002212`` (a gain lowering or a loss raising
    the gene) or ``RO:0002213`` GENE (rule ``regulation.agent-phrase``)."""
    text = a.text[start:end]
    if not _NEEDS_UPON.may_match(text) or not _NEEDS_CHANGE.may_match(text):
        return []
    out: list[Statement] = []
    for group, gain, at in _mirna_groups(a, start, end):
        upon = _UPON.search(a.text, max(start, at - 12), at) if gain is not None else None
        genes = a.within(start, upon.start(), GENES) if upon else []
        if not genes:
            continue
        gene = max(genes, key=lambda g: g.end)
        listed = members(a, gene, GENES, backwards=True)
        between = a.text[list_end(a, [gene]):upon.start()]
        change = _CHANGED_UPON.fullmatch(between)
        if change is None and _NOUN_TAIL.fullmatch(between):
            change = _CHANGE_IN.search(a.text, max(start, listed[0].start - 40),
                                       listed[0].start)
        if change is None:
            continue
        negative = bool(change.group("down")) == gain
        out += regulation(a, "regulation.agent-phrase",
                          [(subj, g) for subj in group for g in listed],
                          "negatively" if negative else "positively", start, at, ctx)
    return out


# a gene changed through the miRNA's gain or loss: "Hypoxia reduces GENE expression through
# the induction of miR-X", "X increased GENE levels through repression of miR-X", "... via
# miR-X up-regulation"
_THROUGH_CUE = re.compile(r"\b(?:through|via|by)\s+(?:the\s+)?(?:(?P<gain>induc\w*|"
                          r"up-?\s?regulat\w*|activat\w*|increas\w*|elevat\w*|"
                          r"over-?\s?express\w*)|(?P<loss>repress\w*|down-?\s?regulat\w*|"
                          r"suppress\w*|silenc\w*|inhibit\w*|reduc\w*|loss))\s+(?:of\s+)?"
                          r"(?:the\s+)?$", re.I)
_THROUGH_BARE = re.compile(r"\b(?:through|via)\s+(?:the\s+)?$", re.I)
_CHANGE_AFTER_MIRNA = re.compile(r"\s*(?:expression\s+)?(?:(?P<gain>induction|"
                                 r"up-?\s?regulation|activation|over-?\s?expression)|"
                                 r"(?P<loss>repression|down-?\s?regulation|suppression|"
                                 r"silencing|inhibition|loss))\b", re.I)
_VERB_ON_GENE = re.compile(rf"\b(?:(?P<down>{DOWN})|(?P<up>{UP}))\w*\s+(?:the\s+)?"
                           r"(?:(?:expression|levels?|activity)\s+of\s+(?:the\s+)?)?$", re.I)
_GENE_TO_THROUGH = re.compile(r"\s*(?:(?:mRNA|protein)\s+)?(?:(?:expression|levels?|activity)"
                              r"\s+)?(?:(?:\w+ly|in\s+part|partly|partially)\s+)*,?\s*", re.I)
_NEEDS_THROUGH = Needs(_THROUGH_CUE, _THROUGH_BARE)


def through_mirna(a: Analysed, start: int, end: int, ctx: Context) -> list[Statement]:
    """A gene changed through the gain or loss of a miRNA ("X reduces GENE expression
    through the induction of miR-X", "X increased GENE levels through repression of
    miR-X"): the miRNA ``RO:0002212`` (a gain lowering or a loss raising the gene) or
    ``RO:0002213`` GENE (rule ``regulation.through-mirna``)."""
    if not _NEEDS_THROUGH.may_match(a.text[start:end]):
        return []
    out: list[Statement] = []
    for m in a.within(start, end, MIRNAS):
        lo = max(start, m.start - 50)
        cue = _THROUGH_CUE.search(a.text, lo, m.start)
        gain = bool(cue.group("gain")) if cue else None
        if cue is None:
            cue = _THROUGH_BARE.search(a.text, lo, m.start)
            after = _CHANGE_AFTER_MIRNA.match(a.text, m.end, end) if cue else None
            if after is None:
                continue
            gain = bool(after.group("gain"))
        genes = [g for g in a.within(start, cue.start(), GENES)
                 if _GENE_TO_THROUGH.fullmatch(a.text, list_end(a, [g]), cue.start())][-1:]
        if not genes:
            continue
        listed = members(a, genes[0], GENES, backwards=True)
        verb = _VERB_ON_GENE.search(a.text, max(start, listed[0].start - 40), listed[0].start)
        if verb is None or a.within(verb.start(), listed[0].start, MIRNAS):
            continue
        negative = bool(verb.group("down")) == gain
        out += regulation(a, "regulation.through-mirna", [(m, g) for g in listed],
                          "negatively" if negative else "positively", start, cue.start(), ctx)
    return out
