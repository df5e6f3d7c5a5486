"""miRNA-gene statements beyond targeting verbs, in the wording of miRNA papers.

* A miRNA's gain or loss named as a noun phrase acts on a gene: "overexpression of miR-X
  decreased GENE", "Upregulation of miR-X reduced the expression of the transcription
  factors GENE1 and GENE2", "knockdown of miR-X resulted in increased expression of GENE",
  "miR-X mimics raised GENE levels" -> miR-X ``RO:0002212`` (negatively regulates) or
  ``RO:0002213`` (positively regulates) GENE, the loss reversing the sign (rule
  ``regulation.agent-phrase``);
* "its (downstream / direct) target GENE" after a miRNA -> the miRNA ``RO:0002212`` GENE,
  as for any targeting (rule ``regulation.its-target``), when no gene stands between the
  miRNA and "its";
* correlated levels: "miR-X and GENE mRNA levels correlated negatively", "a positive
  correlation between miR-X abundance and GENE1 (abbreviation) and GENE2" ->
  ``biolink:negatively_correlated_with`` / ``positively_correlated_with`` /
  ``correlated_with`` (rule ``mirna-gene.correlation``): a correlation is no regulation.

* a 3'-UTR that carries the miRNA's site ("the 3'-UTR of GENE contains binding sites for
  miR-X"), target lists ("targets of miR-X, such as GENE1 and GENE2"), "miR-X mediates GENE
  repression", "GENE was reduced in cells overexpressing miR-X" -> ``RO:0002212`` (or the
  sign the words give);
* a gene acting on a miRNA, gene first ("GENE transactivates miR-X", "GENE-induced miR-X",
  "miR-X is a transcriptional target of GENE") -> GENE ``RO:0002213`` / ``RO:0002212`` /
  ``RO:0002211`` miR-X (rule ``regulation.gene-on-mirna``).

Negation and hedges are read as everywhere. A pair another rule of the sentence already
states is left to it (:func:`new_gene_pairs`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from exokg.extract.base import Analysed, DocumentState, clauses, statement
from exokg.extract.context import context_for
from exokg.extract.enumerations import list_end, members
from exokg.extract.epistemics import hedged, negated
from exokg.extract.regulation import NEGATIVELY_REGULATES, POSITIVELY_REGULATES, REGULATES, \
    REGULATORS, TARGETS
from exokg.model import Context, Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["extract_mirna_gene", "new_gene_pairs"]

# the miRNA's gain or loss, named before it: "overexpression of (the mature) miR-X"
_GAIN_BEFORE = re.compile(r"\b(?:over-?\s?expression|up-?\s?regulation|elevation|increase|"
                          r"restoration|re-?expression|introduction|transfection|"
                          r"(?:ectopic|enforced|forced)\s+expression|delivery|addition)\s+of\s+"
                          r"(?:the\s+)?(?:mature\s+|exogenous\s+|synthetic\s+)?$", re.I)
_LOSS_BEFORE = re.compile(r"(?:\b(?:knock-?down|silencing|inhibition|depletion|deletion|loss|"
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
_GAIN_AFTER = re.compile(r"\s*-?\s*(?:mimics?|agomirs?|precursors?|over-?\s?expression|"
                         r"up-?\s?regulation|restoration|re-?expression)\b", re.I)
_LOSS_AFTER = re.compile(r"\s*-?\s*(?:inhibitors?|antagomirs?|sponges?|knock-?down|"
                         r"silencing|inhibition|depletion|deletion|loss|down-?\s?regulation|"
                         r"blockade)\b", re.I)
# what may stand between the miRNA and the verb: "(expression) (in SH-SY5Y cells)"
_SUBJECT_TAIL = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:(?:expression|levels?)\s+)?"
                           r"(?:(?:with|using|by)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?"
                           r"(?:antagomirs?|inhibitors?|mimics?|agomirs?|antisense\s+\w+|"
                           r"sponges?|LNA\s+\w+)\s+)?"
                           r"(?:(?:in|into)\s+(?:[\w-]+\s+){0,4}?(?:cells?|neurons|lines?|"
                           r"tissues?)\s*,?\s*)?", re.I)
_DOWN = r"decreas|reduc|suppress|inhibit|repress|attenuat|down-?\s?regulat|abolish|lower|" \
        r"diminish|block|silenc|loss"
_UP = r"increas|enhanc|up-?\s?regulat|elevat|induc|restor|rais|promot|augment|higher|" \
      r"accumulat|stimulat|de-?repress"
_RESULT = re.compile(rf"(?:\w+ly\s+)?(?:(?P<down>{_DOWN})|(?P<up>{_UP}))\w*\s+|"
                     r"(?:\w+ly\s+)?(?:resulted|results?|led|leads?|caused|causes?|"
                     r"produced|was\s+followed|were\s+followed)\s+(?:in|to|by)\s+"
                     r"(?:an?\s+|the\s+)?(?:(?:\w+ly|significant|marked|strong|consequent|"
                     r"concomitant)\s+)*"
                     rf"(?:(?P<down2>{_DOWN})|(?P<up2>{_UP}))\w*\s+", re.I)
# from the verb to the gene: "the (protein) expression of (its downstream target) (the
# transcription factors) GENE"
_TO_TARGET = re.compile(r"^(?:(?:the|its|their)\s+)?(?:(?:protein|mRNA|gene|cellular)\s+)?"
                        r"(?:(?:expression|levels?|amounts?|abundance|translation|activity|"
                        r"production)\s+)?(?:(?:of|in)\s+)?(?:the\s+)?"
                        r"(?:(?:its|their)\s+(?:[\w-]+\s+){0,2}?targets?\s+(?:genes?\s+)?,?\s*)?"
                        r"(?:(?:[\w-]+\s+){0,2}?(?:factors?|genes?|proteins?|regulators?)\s+)?$",
                        re.I)
# "its (downstream / direct / putative) target (gene) GENE"
_ITS_TARGET = re.compile(r"\b(?P<its>its|their)\s+(?:[\w-]+\s+){0,2}?targets?\s+"
                         r"(?:genes?\s+|proteins?\s+|mRNAs?\s+)?,?\s*$", re.I)
# "miR-X and GENE (mRNA) levels (tended to) correlate(d) (negatively)"
_CORRELATE_AFTER = re.compile(r"\s*(?:(?:mRNA|protein|gene)\s+)?(?:(?:levels?|expression|"
                              r"abundance)\s+)?(?:(?:was|were|are|is)\s+)?(?:\w+ly\s+)?"
                              r"(?:(?:tended|appeared|seemed|found)\s+to\s+(?:be\s+)?)?"
                              r"(?P<sign1>positively|negatively|inversely)?\s*correlat\w*"
                              r"(?:\s+(?P<sign2>positively|negatively|inversely))?", re.I)
_CORRELATED_WITH = re.compile(r"\s*(?:(?:mRNA|protein|gene)\s+)?(?:(?:levels?|expression|"
                              r"abundance)\s+)?(?:(?:was|were|are|is)\s+)?(?:(?:significantly|"
                              r"strongly|also|closely|highly)\s+)?(?P<sign1>positively|negatively|"
                              r"inversely)?\s*correlat(?:ed|es|e)\s+(?:(?P<sign2>positively|"
                              r"negatively|inversely)\s+)?(?:with|to)\s+(?:the\s+)?"
                              r"(?:(?:expression|levels?|abundance)\s+of\s+)?(?:the\s+)?", re.I)
_NEEDS_CORRELATED_WITH = Needs(_CORRELATED_WITH)
# "miR-X levels and GENE protein levels showed an inverse pattern / relationship"
_PATTERN_AFTER = re.compile(r"\s*(?:(?:mRNA|protein|gene)\s+)?(?:(?:levels?|expression|"
                            r"abundance)\s+)?(?:showed|show|displayed|exhibited|had|followed)\s+"
                            r"(?:an?\s+|the\s+)?(?:(?:clear|significant|strong|striking)\s+)?"
                            r"(?P<sign>inverse|negative|positive|opposite|reciprocal|parallel)\s+"
                            r"(?:expression\s+)?(?:patterns?|relationships?|correlations?|"
                            r"trends?|profiles?)", re.I)
_PAIR_LINK = re.compile(r"^\s*(?:(?:expression|levels?|abundance)\s+)?(?:and|with|to)\s+"
                        r"(?:the\s+)?$", re.I)
# "a positive correlation between miR-X (abundance) and (the markers) GENE1 (ABBR) and GENE2"
_CORRELATION_NOUN = re.compile(r"\b(?P<signs>(?:(?:positive|negative|inverse|significant|"
                               r"strong|moderate|weak|close|linear|reciprocal)\s+(?:and\s+)?)*)"
                               r"(?:correlations?|relationships?)\s+(?:was\s+\w+\s+)?"
                               r"(?:between|of)\s+(?:the\s+)?(?:(?:expression|levels?)\s+of\s+)?"
                               r"(?:the\s+)?", re.I)
# "the targeted binding relationship between miR-X and GENE", "miR-X had a targeting
# interaction with GENE"
_TARGET_RELATION = re.compile(r"\b(?:(?:direct|targeted|targeting|binding|regulatory)\s+)*"
                              r"(?:relationships?|interactions?)\s+(?P<link>between|with)\s+"
                              r"(?:the\s+)?", re.I)
_HAS_RELATION = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:had|has|have|showed|shows|exhibited|"
                           r"displayed|formed)\s+(?:an?\s+|the\s+)?$", re.I)
_CHANGED = re.compile(r"\s*(?:(?:down|up)-?\s?regulation|loss|reduction|increase|deletion)\b",
                      re.I)
_SECOND = re.compile(r"^\s*(?:(?:expression|levels?|abundance)\s+)?(?:and|with)\s+(?:the\s+)?"
                     r"(?:(?:expression|levels?)\s+of\s+)?(?:the\s+)?(?:[\w-]+\s+){0,3}?$",
                     re.I)


def extract_mirna_gene(a: Analysed, state: DocumentState) -> list[Statement]:
    """Statements of one analysed sentence (see the module docs); ``state`` is not read."""
    regulators = [m for m in a.mentions if m.category in REGULATORS]
    genes = [m for m in a.mentions if m.category in TARGETS]
    if not regulators or not genes:
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        ctx = context_for(a, clause)
        out += _agent_phrases(a, clause.start, clause.end, ctx)
        out += _its_targets(a, clause.start, clause.end, ctx)
        out += _correlations(a, clause.start, clause.end, ctx)
        out += _target_relations(a, clause.start, clause.end, ctx)
        out += _utr_sites(a, clause.start, clause.end, ctx)
        out += _targets_of(a, clause.start, clause.end, ctx)
        out += _gene_on_mirna(a, clause.start, clause.end, ctx)
        out += _in_cells_with(a, clause.start, clause.end, ctx)
        if _NEEDS_MEDIATED.may_match(a.text[clause.start:clause.end]):
            out += _mediated(a, clause.start, clause.end, ctx)
    return out


def new_gene_pairs(found: Iterable[Statement], candidates: list[Statement]) -> list[Statement]:
    """``candidates`` without the (miRNA, gene) pairs a statement of ``found`` already
    relates, in either order, and without repeats."""
    known = {frozenset((s.subject.id, getattr(s.object, "id", None))) for s in found}
    out = []
    for s in candidates:
        key = frozenset((s.subject.id, s.object.id))
        if key not in known:
            known.add(key)
            out.append(s)
    return out


def _state_of(a: Analysed, group: list[Mention]) -> tuple[bool | None, int]:
    """Whether the sentence names a gain (True) or a loss (False) of the miRNAs of
    ``group`` (None for neither), and where the cue starts."""
    first, end = group[0], list_end(a, group)
    lo = max(0, first.start - 60)
    m = _GAIN_BEFORE.search(a.text, lo, first.start)
    if m:
        return True, m.start()
    m = _LOSS_BEFORE.search(a.text, lo, first.start)
    if m:
        return False, m.start()
    if _GAIN_AFTER.match(a.text, end):
        return True, first.start
    if _LOSS_AFTER.match(a.text, end):
        return False, first.start
    return None, first.start


def _agent_phrases(a: Analysed, start: int, end: int, ctx: Context) -> list[Statement]:
    """"overexpression / knockdown of miR-X <verb> GENE" (see the module docs)."""
    out = []
    done: set[int] = set()
    for m in a.within(start, end, REGULATORS):
        if m.start in done:
            continue
        group = [x for x in members(a, m, REGULATORS, backwards=False) if x.end <= end]
        done |= {x.start for x in group}
        gain, at = _state_of(a, group)
        rule = "regulation.agent-phrase"
        if gain is None:  # the miRNA itself acts: "miR-X represses the expression of GENE"
            gain, rule = True, "regulation.verb"
        pos = list_end(a, group)
        after = _GAIN_AFTER.match(a.text, pos, end) or _LOSS_AFTER.match(a.text, pos, end)
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
        targets = [g for g in a.within(verb.end(), min(end, verb.end() + 90), TARGETS)
                   if _TO_TARGET.match(a.text[verb.end():g.start])][:1]
        if not targets:
            continue
        negative = lowers == gain  # a gain lowering the gene, or a loss raising it
        predicate = NEGATIVELY_REGULATES if negative else POSITIVELY_REGULATES
        for target in members(a, targets[0], TARGETS, backwards=False):
            for subj in group:
                out.append(statement(a, rule, subj.entity, predicate,
                                     target.entity,
                                     direction="decreased" if negative else "increased",
                                     hedged=hedged(a.text, start, verb.start()),
                                     negated=negated(a.text, start, verb.start()),
                                     context=ctx))
    return out


# "overexpression of miR-X led to GENE downregulation": the change named after the gene
_LED_TO = re.compile(r"(?:\w+ly\s+)?(?:resulted|results?|led|leads?|caused|causes?|induced|"
                     r"induces?|triggered|triggers?)\s+(?:in\s+|to\s+)?(?:an?\s+|the\s+)?", re.I)
_CHANGE_NOUN = re.compile(rf"\s*(?:(?:mRNA|protein|gene)\s+)?(?:(?:expression|levels?)\s+)?"
                          rf"(?:(?P<down>{_DOWN})|(?P<up>{_UP}))\w*", re.I)


def _result_nouns(a: Analysed, group: list[Mention], gain: bool, pos: int, start: int,
                  end: int, ctx: Context) -> list[Statement]:
    """"miR-X overexpression led to GENE downregulation": a gain (or loss, ``gain`` False)
    of the miRNAs of ``group`` changing the gene named before its change noun."""
    verb = _LED_TO.match(a.text, pos, end)
    if not verb:
        return []
    genes = [g for g in a.within(verb.end(), min(end, verb.end() + 40), TARGETS)
             if g.start == verb.end()][:1]
    if not genes:
        return []
    listed = members(a, genes[0], TARGETS, backwards=False)
    change = _CHANGE_NOUN.match(a.text, list_end(a, listed), end)
    if not change:
        return []
    negative = bool(change.group("down")) == gain
    return [statement(a, "regulation.agent-phrase", subj.entity,
                      NEGATIVELY_REGULATES if negative else POSITIVELY_REGULATES, g.entity,
                      direction="decreased" if negative else "increased",
                      hedged=hedged(a.text, start, verb.start()),
                      negated=negated(a.text, start, verb.start()), context=ctx)
            for subj in group for g in listed]


def _its_targets(a: Analysed, start: int, end: int, ctx: Context) -> list[Statement]:
    """"miR-X ... its (downstream) target GENE": the nearest miRNA before "its", when no
    gene or protein stands between them."""
    out = []
    for target in a.within(start, end, TARGETS):
        cue = _ITS_TARGET.search(a.text, max(start, target.start - 60), target.start)
        if not cue:
            continue
        before = [x for x in a.mentions if x.end <= cue.start() and x.start >= start
                  and x.category in REGULATORS | TARGETS]
        if not before:
            continue
        nearest = max(before, key=lambda x: x.end)
        if nearest.category not in REGULATORS:
            continue  # "STAT3 and its target GENE": the gene's own target
        group = members(a, nearest, REGULATORS, backwards=True) \
            if cue.group("its").lower() == "their" else [nearest]
        for subj in group:
            for t in members(a, target, TARGETS, backwards=False):
                out.append(statement(a, "regulation.its-target", subj.entity,
                                     NEGATIVELY_REGULATES, t.entity, direction="decreased",
                                     hedged=hedged(a.text, start, cue.start()),
                                     negated=negated(a.text, start, cue.start()),
                                     context=ctx))
    return out


def _target_relations(a: Analysed, start: int, end: int, ctx: Context) -> list[Statement]:
    """"the targeted binding relationship between miR-X and GENE", "miR-X had a targeted
    binding relationship with GENE": targeting, so ``RO:0002212`` (the word "target" or
    "binding" is required: a plain "relationship" is no regulation)."""
    out = []
    for cue in _TARGET_RELATION.finditer(a.text, start, end):
        if not re.search(r"target|binding", cue.group(), re.I) and not re.match(
                rf"[^.;]{{0,40}}?\band\s+(?:the\s+)?{_UTR}\s+of\b", a.text[cue.end():end],
                re.I):
            continue  # a plain "interaction" is targeting only with the gene's 3'-UTR
        if cue.group("link").lower() == "between":
            first = [x for x in a.within(cue.end(), end, REGULATORS) if x.start == cue.end()][:1]
            if not first:
                continue
            group = members(a, first[0], REGULATORS, backwards=False)
            pos = list_end(a, group)
            genes = [g for g in a.within(pos, end, TARGETS)
                     if re.fullmatch(rf"\s*and\s+(?:the\s+)?(?:{_UTR}\s+of\s+(?:the\s+)?)?",
                                     a.text[pos:g.start], re.I)][:1]
        else:
            before = [x for x in a.within(start, cue.start(), REGULATORS)
                      if _HAS_RELATION.match(a.text[list_end(a, [x]):cue.start()])]
            group = members(a, before[-1], REGULATORS, backwards=True) if before else []
            genes = [g for g in a.within(cue.end(), end, TARGETS) if g.start == cue.end()][:1]
        if not group or not genes:
            continue
        for subj in group:
            for g in members(a, genes[0], TARGETS, backwards=False):
                out.append(statement(a, "regulation.target-relation", subj.entity,
                                     NEGATIVELY_REGULATES, g.entity, direction="decreased",
                                     hedged=hedged(a.text, start, cue.start()),
                                     negated=negated(a.text, start, cue.start()), context=ctx))
    return out


def _predicate(signs: str) -> str:
    signs = signs.lower()
    if "positive" in signs or "parallel" in signs:
        return "biolink:positively_correlated_with"
    if "negative" in signs or "inverse" in signs or "opposite" in signs or "reciprocal" in signs:
        return "biolink:negatively_correlated_with"
    return "biolink:correlated_with"


def _correlations(a: Analysed, start: int, end: int, ctx: Context) -> list[Statement]:
    """Correlated miRNA and gene levels (see the module docs)."""
    out = []
    pairs: list[tuple[list[Mention], list[Mention], str, int]] = []
    # "miR-X and GENE mRNA levels correlated negatively"
    for m in a.within(start, end, REGULATORS):
        genes = [g for g in a.within(m.end, min(end, m.end + 40), TARGETS)
                 if _PAIR_LINK.match(a.text[m.end:g.start])][:1]
        if not genes:
            continue
        verb = _CORRELATE_AFTER.match(a.text, genes[0].end, end)
        if verb:
            signs = f"{verb.group('sign1') or ''} {verb.group('sign2') or ''}"
            pairs.append(([m], genes, _predicate(signs), verb.start()))
        elif _PATTERN_AFTER.match(a.text, genes[0].end, end):
            pattern = _PATTERN_AFTER.match(a.text, genes[0].end, end)
            pairs.append(([m], genes, _predicate(pattern.group("sign")), pattern.start()))
    # "miR-X levels were inversely correlated with GENE", "GENE mRNA expression was
    # inversely correlated with miR-X"
    for first in a.within(start, end, REGULATORS | TARGETS) \
            if _NEEDS_CORRELATED_WITH.may_match(a.text[start:end]) else []:
        other = REGULATORS if first.category in TARGETS else TARGETS
        pos = list_end(a, [first])
        seconds = [x for x in a.within(pos, min(end, pos + 90), other)
                   if _CORRELATED_WITH.fullmatch(a.text, pos, x.start)][:1]
        if not seconds:
            continue
        verb = _CORRELATED_WITH.fullmatch(a.text, pos, seconds[0].start)
        signs = f"{verb.group('sign1') or ''} {verb.group('sign2') or ''}"
        mirna, gene = (first, seconds[0]) if first.category in REGULATORS else \
            (seconds[0], first)
        pairs.append(([mirna], [gene], _predicate(signs), pos))
    # "a negative correlation between miR-X and GENE1 and GENE2"
    for noun in _CORRELATION_NOUN.finditer(a.text, start, end):
        if not noun.group("signs").strip() and "relationship" in noun.group().lower():
            continue  # "a (targeted binding) relationship between ...": no correlation
        first = [x for x in a.within(noun.end(), min(end, noun.end() + 40), REGULATORS)
                 if not a.text[noun.end():x.start].strip()][:1]
        if not first:
            # "a negative correlation between GENE protein and miR-X levels"
            gene = [x for x in a.within(noun.end(), min(end, noun.end() + 40), TARGETS)
                    if not a.text[noun.end():x.start].strip()][:1]
            if gene:
                pos = list_end(a, gene)
                second = [x for x in a.within(pos, min(end, pos + 60), REGULATORS)
                          if _SECOND.match(re.sub(r"^\s*(?:mRNA|protein|gene)\b", "",
                                                  a.text[pos:x.start], flags=re.I))][:1]
                if second:
                    pairs.append((members(a, second[0], REGULATORS, backwards=False), gene,
                                  _predicate(noun.group("signs")), noun.start()))
            continue
        group = members(a, first[0], REGULATORS, backwards=False)
        pos = list_end(a, group)
        genes = [g for g in a.within(pos, min(end, pos + 80), TARGETS)
                 if _SECOND.match(a.text[pos:g.start])][:1]
        if genes:
            # "... and GENE2, and GENE3 down-regulation": a change of GENE3, whose sign the
            # correlation does not give
            listed = [g for g in members(a, genes[0], TARGETS, backwards=False)
                      if g is genes[0] or not _CHANGED.match(a.text, g.end)]
            pairs.append((group, listed, _predicate(noun.group("signs")), noun.start()))
    for subjects, genes, predicate, at in pairs:
        for subj in subjects:
            for g in genes:
                out.append(statement(a, "mirna-gene.correlation", subj.entity, predicate,
                                     g.entity, hedged=hedged(a.text, start, at),
                                     negated=negated(a.text, start, at), context=ctx))
    return out


# "The 3'-UTR of GENE contains two binding sites for miR-X", "the GENE 3' untranslated
# region harbours a putative miR-X binding site": the transcript carries the miRNA's site
_UTR = r"3\s*['′’]?\s*-?\s*(?:UTRs?|untranslated\s+regions?)"
_UTR_OF = re.compile(rf"\b{_UTR}\s+(?:\([^()]*\)\s*)?of\s+(?:the\s+)?(?:human\s+)?$", re.I)
_UTR_AFTER_GENE = re.compile(rf"\s*(?:mRNA\s+)?{_UTR}", re.I)
_CARRIES = re.compile(r"\s*(?:mRNA\s+)?(?:\([^()]*\)\s*)?(?:contains?|contained|harbou?r(?:s|ed)?|"
                      r"has|had|have|carries|carried|bears|possess(?:es|ed)?|includes?|"
                      r"included)\s+(?:(?:[\w-]+\s+){0,4}?(?:binding|target|seed|recognition)\s+"
                      r"(?:sites?|sequences?|elements?|regions?)\s+(?:for|of)\s+(?:the\s+)?|)",
                      re.I)
_SITE_AFTER = re.compile(r"\s*-?\s*(?:binding|target|seed|recognition|response)\s+"
                         r"(?:sites?|sequences?|elements?)", re.I)


_NEEDS_UTR_SITES = Needs(_UTR_OF, _UTR_AFTER_GENE)


def _utr_sites(a: Analysed, start: int, end: int, ctx: Context) -> list[Statement]:
    """A gene's 3'-UTR that carries a miRNA's binding site (see :data:`_CARRIES`): the
    miRNA targets the gene (``RO:0002212``)."""
    if not _NEEDS_UTR_SITES.may_match(a.text[start:end]):
        return []
    out = []
    for gene in a.within(start, end, TARGETS):
        utr = _UTR_OF.search(a.text, max(start, gene.start - 40), gene.start)
        pos = list_end(a, [gene])
        if not utr:
            after = _UTR_AFTER_GENE.match(a.text, pos, end)
            if not after:
                continue
            pos = after.end()
        carries = _CARRIES.match(a.text, pos, end)
        if not carries:
            continue
        mirnas = [m for m in a.within(carries.end(), min(end, carries.end() + 40), REGULATORS)
                  if m.start == carries.end() or re.fullmatch(
                      r"(?:an?\s+|one\s+|two\s+|three\s+|the\s+)?(?:[\w-]+\s+){0,3}?",
                      a.text[carries.end():m.start])][:1]
        if not mirnas:
            continue
        group = members(a, mirnas[0], REGULATORS, backwards=False)
        if not re.search(r"\b(?:binding|target|seed|recognition)\b", carries.group(), re.I) \
                and not _SITE_AFTER.match(a.text, list_end(a, group), end):
            continue
        for m in group:
            out.append(statement(a, "regulation.utr-site", m.entity, NEGATIVELY_REGULATES,
                                 gene.entity, direction="decreased",
                                 hedged=hedged(a.text, start, pos),
                                 negated=negated(a.text, start, pos), context=ctx))
    return out


# "miR-X mediates (the) GENE repression", "miR-X causes the down-regulation of GENE"
_MEDIATES = re.compile(r"\s*(?:(?:also|directly|\w+ly)\s+)?(?:mediates|mediated|causes|caused|"
                       r"triggers|triggered|leads\s+to|led\s+to|results\s+in|resulted\s+in)\s+"
                       r"(?:(?:the|a)\s+)?(?:\w+\s+)?(?:(?P<pre>down-?\s?regulation|repression|"
                       r"suppression|silencing|degradation|inhibition|up-?\s?regulation|"
                       r"induction|de-?repression)\s+of\s+(?:the\s+)?)?$", re.I)
_MEDIATED_AFTER = re.compile(r"\s*(?:(?:mRNA|protein|gene)\s+)?(?P<post>down-?\s?regulation|"
                             r"repression|suppression|silencing|degradation|inhibition|"
                             r"up-?\s?regulation|induction|de-?repression)\b", re.I)


_NEEDS_MEDIATED = Needs(_MEDIATES)


def _mediated(a: Analysed, start: int, end: int, ctx: Context) -> list[Statement]:
    """"miR-X mediates GENE repression", "miR-X causes the down-regulation of GENE": the
    miRNA regulates the gene with the sign the noun names."""
    out = []
    for m in a.within(start, end, REGULATORS):
        group = members(a, m, REGULATORS, backwards=False)
        if group[0] is not m:
            continue
        pos = list_end(a, group)
        genes = [g for g in a.within(pos, min(end, pos + 80), TARGETS)
                 if _MEDIATES.fullmatch(a.text, pos, g.start)][:1]
        if not genes:
            continue
        cue = _MEDIATES.fullmatch(a.text, pos, genes[0].start)
        noun = cue.group("pre")
        if not noun:
            after = _MEDIATED_AFTER.match(a.text, list_end(a, [genes[0]]), end)
            noun = after.group("post") if after else None
        if not noun:
            continue
        up = bool(re.match(r"up|induc|de-?repress", noun, re.I))
        for subj in group:
            for g in members(a, genes[0], TARGETS, backwards=False) if cue.group("pre") \
                    else genes:
                out.append(statement(a, "regulation.mediated", subj.entity,
                                     POSITIVELY_REGULATES if up else NEGATIVELY_REGULATES,
                                     g.entity, direction="increased" if up else "decreased",
                                     hedged=hedged(a.text, start, pos),
                                     negated=negated(a.text, start, pos), context=ctx))
    return out


# "(putative / predicted) targets of miR-X, such as GENE1 and GENE2", "target genes of
# miR-X include GENE"
_TARGETS_OF_BEFORE = re.compile(r"\btargets?\s+(?:genes?\s+|mRNAs?\s+|transcripts?\s+)?"
                                r"(?:of|for)\s+(?:the\s+)?$", re.I)
_TARGETS_OF_AFTER = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:,\s*)?(?:(?:(?:were|are|was|is)"
                               r"(?:\s+\w+){0,2})?\s*:\s*|(?:such\s+as|including|include|included|"
                               r"includes|like|namely|are|were|was|is)\s+)"
                               r"(?:the\s+)?(?:(?:genes?|proteins?|transcription\s+factors?|"
                               r"oncogenes?)\s+)?", re.I)


_NEEDS_TARGETS_OF = Needs(_TARGETS_OF_BEFORE)


def _targets_of(a: Analysed, start: int, end: int, ctx: Context) -> list[Statement]:
    """"targets of miR-X, such as GENE1 and GENE2", "target genes of miR-X include GENE":
    the miRNA targets each listed gene (``RO:0002212``; hedged when they are predicted)."""
    if not _NEEDS_TARGETS_OF.may_match(a.text[start:end]):
        return []
    out = []
    done: set[int] = set()
    for m in a.within(start, end, REGULATORS):
        if m.start in done:
            continue
        cue = _TARGETS_OF_BEFORE.search(a.text, max(start, m.start - 40), m.start)
        if not cue:
            continue
        group = members(a, m, REGULATORS, backwards=False)
        done |= {x.start for x in group}
        link = _TARGETS_OF_AFTER.match(a.text, list_end(a, group), end)
        if not link and re.search(r"\bamong\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
                                  a.text[max(start, cue.start() - 30):cue.start()], re.I):
            link = re.compile(r"\s*,\s*(?:the\s+)?").match(a.text, list_end(a, group), end)
        if not link:
            continue
        genes = [g for g in a.within(link.end(), end, TARGETS) if g.start == link.end()][:1]
        if not genes:
            continue
        for subj in group:
            for g in members(a, genes[0], TARGETS, backwards=False):
                out.append(statement(a, "regulation.targets-of", subj.entity,
                                     NEGATIVELY_REGULATES, g.entity, direction="decreased",
                                     hedged=hedged(a.text, start, link.end()) or bool(
                                         re.search(r"\b(?:putative|predicted|potential|"
                                                   r"candidate)\s+(?:target|$)",
                                                   a.text[max(start, cue.start() - 30):
                                                          cue.end()], re.I)),
                                     negated=negated(a.text, start, cue.start()), context=ctx))
    return out


# a gene acting on a miRNA: "GENE (directly) transactivates / induces / represses miR-X",
# "GENE binds (to) the promoter of miR-X", "GENE-induced miR-X", "miR-X is a (direct)
# transcriptional target of GENE"
_GENE_VERB = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:(?:also|directly|further|\w+ly|can|could|may|"
                        r"might)\s+)*(?:(?P<up>transactivat|activat|induc|up-?\s?regulat|"
                        r"stimulat|enhanc)|(?P<down>repress|suppress|inhibit|"
                        r"down-?\s?regulat|silenc)|(?P<any>regulat|control|"
                        r"bind(?:s|ing)?\s+(?:directly\s+)?(?:to\s+)?|bound\s+(?:to\s+)?))"
                        r"\w*\s+(?:the\s+)?(?:(?:expression|transcription|promoter|levels?|"
                        r"biogenesis|processing)\s+(?:region\s+)?of\s+(?:the\s+)?)?"
                        r"(?:(?:mature|primary|pri-?)\s+)?$", re.I)
_GENE_PREFIX = re.compile(r"\s*-\s*(?:(?P<up>induced|activated|driven|responsive|stimulated)|"
                          r"(?P<down>repressed|suppressed|inhibited|silenced)|"
                          r"(?P<any>regulated|dependent|controlled))\s+(?:the\s+)?$", re.I)
_MIRNA_TARGET_OF = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:is|was|are|were|as)\s+(?:an?\s+|the\s+)?"
                              r"(?:(?:direct|novel|bona\s+fide|downstream|known)\s+)*"
                              r"(?:transcriptional\s+)targets?\s+of\s+(?:the\s+)?"
                              r"(?:(?:transcription\s+factors?|oncogenes?|proteins?)\s+)?$", re.I)


_NEEDS_GENE_ON_MIRNA = Needs(_GENE_VERB, _GENE_PREFIX, _MIRNA_TARGET_OF)


def _gene_on_mirna(a: Analysed, start: int, end: int, ctx: Context) -> list[Statement]:
    """A gene regulating a miRNA, stated with the gene first (see :data:`_GENE_VERB`):
    GENE ``RO:0002213`` / ``RO:0002212`` / ``RO:0002211`` miR-X (the passive "miR-X is
    induced by GENE" is :mod:`exokg.extract.regulation`'s)."""
    if not _NEEDS_GENE_ON_MIRNA.may_match(a.text[start:end]):
        return []
    out = []
    for gene in a.within(start, end, TARGETS):
        pos = list_end(a, [gene])
        mirnas = [m for m in a.within(pos, min(end, pos + 90), REGULATORS)][:1]
        if not mirnas:
            continue
        between = a.text[pos:mirnas[0].start]
        cue = _GENE_VERB.fullmatch(between) or _GENE_PREFIX.fullmatch(between)
        if not cue or a.within(pos, mirnas[0].start, TARGETS):
            continue
        sign = POSITIVELY_REGULATES if cue.group("up") else NEGATIVELY_REGULATES \
            if cue.group("down") else REGULATES
        direction = {POSITIVELY_REGULATES: "increased",
                     NEGATIVELY_REGULATES: "decreased"}.get(sign)
        for m in members(a, mirnas[0], REGULATORS, backwards=False):
            out.append(statement(a, "regulation.gene-on-mirna", gene.entity, sign, m.entity,
                                 direction=direction, hedged=hedged(a.text, start, pos),
                                 negated=negated(a.text, start, pos), context=ctx))
    for m in a.within(start, end, REGULATORS):
        pos = list_end(a, [m])
        genes = [g for g in a.within(pos, min(end, pos + 80), TARGETS)
                 if _MIRNA_TARGET_OF.fullmatch(a.text, pos, g.start)][:1]
        for g in genes:
            out.append(statement(a, "regulation.gene-on-mirna", g.entity, REGULATES, m.entity,
                                 hedged=hedged(a.text, start, pos),
                                 negated=negated(a.text, start, pos), context=ctx))
    return out


# "GENE (protein) was (markedly) reduced in cells overexpressing / transfected with miR-X"
_IN_CELLS = re.compile(rf"\s*(?:(?:mRNA|protein|gene)\s+)?(?:(?:expression|levels?)\s+)?"
                       r"(?:(?:was|were|is|are)\s+)?(?:(?:\w+ly|also|further)\s+)*"
                       rf"(?:(?P<down>{_DOWN})|(?P<up>{_UP}))\w*\s+in\s+(?:the\s+)?"
                       r"(?:[\w-]+\s+){0,2}?(?:cells?|neurons|lines?|tissues?|mice|rats)\s+"
                       r"(?:(?P<gain>over-?\s?expressing|transfected\s+with|expressing|"
                       r"treated\s+with)|(?P<loss>lacking|depleted\s+of|deficient\s+in))\s+"
                       r"(?:the\s+|an?\s+)?$", re.I)


_NEEDS_IN_CELLS = Needs(_IN_CELLS)


def _in_cells_with(a: Analysed, start: int, end: int, ctx: Context) -> list[Statement]:
    """"GENE was reduced in cells overexpressing miR-X": the miRNA's gain (or loss) changed
    the gene, as :func:`_agent_phrases` reads it with the miRNA first."""
    if not _NEEDS_IN_CELLS.may_match(a.text[start:end]):
        return []
    out = []
    for gene in a.within(start, end, TARGETS):
        pos = list_end(a, [gene])
        mirnas = [m for m in a.within(pos, min(end, pos + 120), REGULATORS)
                  if _IN_CELLS.fullmatch(a.text, pos, m.start)][:1]
        if not mirnas:
            continue
        cue = _IN_CELLS.fullmatch(a.text, pos, mirnas[0].start)
        gain = bool(cue.group("gain"))
        if cue.group("gain") and re.match(r"treated|transfected", cue.group("gain"), re.I):
            tail = a.text[list_end(a, mirnas):end]
            if _LOSS_AFTER.match(tail):
                gain = False
            elif not _GAIN_AFTER.match(tail):
                continue  # "transfected with miR-X" alone: a mimic or an inhibitor?
        negative = bool(cue.group("down")) == gain
        for m in members(a, mirnas[0], REGULATORS, backwards=False):
            out.append(statement(a, "regulation.in-cells-with", m.entity,
                                 NEGATIVELY_REGULATES if negative else POSITIVELY_REGULATES,
                                 gene.entity, direction="decreased" if negative else "increased",
                                 hedged=hedged(a.text, start, pos),
                                 negated=negated(a.text, start, pos), context=ctx))
    return out
