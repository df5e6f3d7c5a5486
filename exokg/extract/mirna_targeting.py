"""miRNA-gene targeting in the phrasings :mod:`exokg.extract.regulation` does not read.

* "its (downstream / direct) target GENE" after a miRNA -> the miRNA ``RO:0002212`` GENE
  (rule ``regulation.its-target``), when no gene stands between the miRNA and "its";
* "the targeted binding relationship between miR-X and GENE", "miR-X had a targeting
  interaction with GENE" (``regulation.target-relation``);
* a 3'-UTR that carries the miRNA's site: "the 3'-UTR of GENE contains binding sites for
  miR-X" (``regulation.utr-site``);
* target lists: "targets of miR-X, such as GENE1 and GENE2" (``regulation.targets-of``,
  hedged when the targets are predicted);
* "miR-X mediates GENE repression", "miR-X causes the down-regulation of GENE"
  (``regulation.mediated``, with the sign the noun names);
* "GENE was reduced in cells overexpressing miR-X" (``regulation.in-cells-with``: the
  miRNA's gain or loss changed the gene).

Targeting is negative regulation (``RO:0002212``, direction decreased): a bound transcript
is repressed.
"""

from __future__ import annotations

import re

from exokg.extract.base import Analysed
from exokg.extract.enumerations import list_end, members
from exokg.extract.mirna_agents import DOWN, GAIN_AFTER, LOSS_AFTER, UP
from exokg.extract.mirna_rules import GENES, MIRNAS, Joined, first_joined, regulation
from exokg.model import Context, Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["IN_CELLS_WITH", "IN_MIRNA_CELLS", "RESCUE", "TARGETING_COMPOUND", "by_verbing",
           "its_targets", "mediated", "target_relations", "targets_of", "utr_sites"]

# "its (downstream / direct / putative) target (gene) GENE"
_UTR = r"3\s*['′’]?\s*-?\s*(?:UTRs?|untranslated\s+regions?)"
_ITS_TARGET = re.compile(r"\b(?P<its>its|their)\s+(?:[\w-]+\s+){0,2}?targets?\s+"
                         r"(?:genes?\s+|proteins?\s+|mRNAs?\s+)?,?\s*$", re.I)
# "the targeted binding relationship between miR-X and GENE", "miR-X had a targeting
# interaction with GENE"
_TARGET_RELATION = re.compile(r"\b(?:(?:direct|targeted|targeting|binding|regulatory)\s+)*"
                              r"(?:relationships?|interactions?)\s+(?P<link>between|with)\s+"
                              r"(?:the\s+)?", re.I)
_HAS_RELATION = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:had|has|have|showed|shows|exhibited|"
                           r"displayed|formed)\s+(?:an?\s+|the\s+)?$", re.I)
# the words that make a relationship one of targeting
_TARGET_WORD = re.compile(r"target|binding", re.I)
# "... interaction between miR-X and the 3'UTR of GENE": a plain interaction with a 3'-UTR
_WITH_UTR = re.compile(rf"[^.;]{{0,40}}?\band\s+(?:the\s+)?{_UTR}\s+of\b", re.I)
_AND_GENE = re.compile(rf"\s*and\s+(?:the\s+)?(?:{_UTR}\s+of\s+(?:the\s+)?)?", re.I)
_NEEDS_ITS_TARGET = Needs(_ITS_TARGET)
_NEEDS_TARGET_RELATION = Needs(_TARGET_RELATION)


def its_targets(a: Analysed, start: int, end: int, ctx: Context) -> list[Statement]:
    """"miR-X ... its (downstream) target GENE": the nearest miRNA before "its", when no
    gene or protein stands between them."""
    if not _NEEDS_ITS_TARGET.may_match(a.text[start:end]):
        return []
    out: list[Statement] = []
    for target in a.within(start, end, GENES):
        cue = _ITS_TARGET.search(a.text, max(start, target.start - 60), target.start)
        if not cue:
            continue
        before = [x for x in a.mentions if x.end <= cue.start() and x.start >= start
                  and x.category in MIRNAS | GENES]
        if not before:
            continue
        nearest = max(before, key=lambda x: x.end)
        if nearest.category not in MIRNAS:
            continue  # "STAT3 and its target GENE": the gene's own target
        group = members(a, nearest, MIRNAS, backwards=True) \
            if cue.group("its").lower() == "their" else [nearest]
        out += regulation(a, "regulation.its-target",
                          [(subj, t) for subj in group
                           for t in members(a, target, GENES, backwards=False)],
                          "negatively", start, cue.start(), ctx)
    return out


def target_relations(a: Analysed, start: int, end: int, ctx: Context) -> list[Statement]:
    """"the targeted binding relationship between miR-X and GENE", "miR-X had a targeted
    binding relationship with GENE": targeting, so ``RO:0002212`` (the word "target" or
    "binding" is required: a plain "relationship" is no regulation)."""
    if not _NEEDS_TARGET_RELATION.may_match(a.text[start:end]):
        return []
    out: list[Statement] = []
    for cue in _TARGET_RELATION.finditer(a.text, start, end):
        if not _TARGET_WORD.search(cue.group()) and not _WITH_UTR.match(a.text[cue.end():end]):
            continue  # a plain "interaction" is targeting only with the gene's 3'-UTR
        if cue.group("link").lower() == "between":
            first = [x for x in a.within(cue.end(), end, MIRNAS) if x.start == cue.end()][:1]
            if not first:
                continue
            group = members(a, first[0], MIRNAS, backwards=False)
            pos = list_end(a, group)
            genes = [g for g in a.within(pos, end, GENES)
                     if _AND_GENE.fullmatch(a.text[pos:g.start])][:1]
        else:
            before = [x for x in a.within(start, cue.start(), MIRNAS)
                      if _HAS_RELATION.match(a.text[list_end(a, [x]):cue.start()])]
            group = members(a, before[-1], MIRNAS, backwards=True) if before else []
            genes = [g for g in a.within(cue.end(), end, GENES) if g.start == cue.end()][:1]
        if not group or not genes:
            continue
        out += regulation(a, "regulation.target-relation",
                          [(subj, g) for subj in group
                           for g in members(a, genes[0], GENES, backwards=False)],
                          "negatively", start, cue.start(), ctx)
    return out


# "The 3'-UTR of GENE contains two binding sites for miR-X", "the GENE 3' untranslated
# region harbours a putative miR-X binding site": the transcript carries the miRNA's site
_UTR_OF = re.compile(rf"\b{_UTR}\s+(?:\([^()]*\)\s*)?of\s+(?:the\s+)?(?:(?:mRNA|transcript)\s+"
                     r"(?:for|of|encoding)\s+(?:the\s+)?)?(?:human\s+)?$", re.I)
_UTR_AFTER_GENE = re.compile(rf"\s*(?:mRNA\s+)?{_UTR}", re.I)
_CARRIES = re.compile(r"\s*(?:(?:mRNA|gene)\s+)?(?:\([^()]*\)\s*)?(?:(?:contains?|contained|"
                      r"harbou?r(?:s|ed)?|has|had|have|carries|carried|bears|"
                      r"possess(?:es|ed)?|includes?|included|revealed|reveals|showed|shows)\s+"
                      r"(?:(?:[\w-]+\s+){0,4}?(?:binding|target|seed|recognition)\s+"
                      r"(?:sites?|sequences?|elements?|regions?)\s+(?:for|of)\s+(?:the\s+)?|)|"
                      # "identified the 3'-UTR of GENE as a potential target for miR-X"
                      r"(?:(?:was|were|is)\s+(?:\w+\s+)?)?as\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?"
                      r"targets?\s+(?:for|of)\s+(?:the\s+)?)",
                      re.I)
_SITE_AFTER = re.compile(r"\s*-?\s*(?:binding|target|seed|recognition|response)\s+"
                         r"(?:sites?|sequences?|elements?)", re.I)


# what may stand between the carrying verb and the miRNA: "(two / a putative) miR-X"
_SITE_COUNT = re.compile(r"(?:an?\s+|one\s+|two\s+|three\s+|the\s+)?(?:[\w-]+\s+){0,3}?")
_SITE_WORD = re.compile(r"\b(?:binding|target|seed|recognition)\b", re.I)
_NEEDS_UTR_SITES = Needs(_UTR_OF, _UTR_AFTER_GENE)


def utr_sites(a: Analysed, start: int, end: int, ctx: Context) -> list[Statement]:
    """A gene's 3'-UTR that carries a miRNA's binding site (see :data:`_CARRIES`): the
    miRNA targets the gene (``RO:0002212``)."""
    if not _NEEDS_UTR_SITES.may_match(a.text[start:end]):
        return []
    out: list[Statement] = []
    for gene in a.within(start, end, GENES):
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
        mirnas = [m for m in a.within(carries.end(), min(end, carries.end() + 40), MIRNAS)
                  if m.start == carries.end()
                  or _SITE_COUNT.fullmatch(a.text[carries.end():m.start])][:1]
        if not mirnas:
            continue
        group = members(a, mirnas[0], MIRNAS, backwards=False)
        if not _SITE_WORD.search(carries.group()) \
                and not _SITE_AFTER.match(a.text, list_end(a, group), end):
            continue
        out += regulation(a, "regulation.utr-site", [(m, gene) for m in group], "negatively",
                          start, pos, ctx)
    return out


# "miR-X mediates (the) GENE repression", "miR-X causes the down-regulation of GENE"
_MEDIATES = re.compile(r"\s*-?\s*(?:(?:also|directly|\w+ly)\s+)?(?:mediates|mediated|causes|caused|"
                       r"triggers|triggered|leads\s+to|led\s+to|results\s+in|resulted\s+in)\s+"
                       r"(?:(?:the|a)\s+)?(?:\w+\s+)?(?:(?P<pre>down-?\s?regulation|repression|"
                       r"suppression|silencing|degradation|inhibition|up-?\s?regulation|"
                       r"induction|de-?repression)\s+of\s+(?:the\s+)?)?$", re.I)
_MEDIATED_AFTER = re.compile(r"\s*(?:(?:mRNA|protein|gene)\s+)?(?P<post>down-?\s?regulation|"
                             r"repression|suppression|silencing|degradation|inhibition|"
                             r"up-?\s?regulation|induction|de-?repression)\b", re.I)


_RAISING_NOUN = re.compile(r"up|induc|de-?repress", re.I)
_NEEDS_MEDIATED = Needs(_MEDIATES)


def mediated(a: Analysed, start: int, end: int, ctx: Context) -> list[Statement]:
    """"miR-X mediates GENE repression", "miR-X causes the down-regulation of GENE": the
    miRNA regulates the gene with the sign the noun names."""
    if not _NEEDS_MEDIATED.may_match(a.text[start:end]):
        return []
    out: list[Statement] = []
    for m in a.within(start, end, MIRNAS):
        group = members(a, m, MIRNAS, backwards=False)
        pos = list_end(a, group)
        joined = first_joined(a, pos, end, GENES, _MEDIATES, 80)
        if joined is None:
            continue
        gene, cue = joined
        noun = cue.group("pre")
        if not noun:
            after = _MEDIATED_AFTER.match(a.text, list_end(a, [gene]), end)
            noun = after.group("post") if after else None
        if not noun:
            continue
        genes = members(a, gene, GENES, backwards=False) if cue.group("pre") else [gene]
        out += regulation(a, "regulation.mediated", [(subj, g) for subj in group for g in genes],
                          "positively" if _RAISING_NOUN.match(noun) else "negatively", start,
                          pos, ctx)
    return out


# "(putative / predicted) targets of miR-X, such as GENE1 and GENE2", "target genes of
# miR-X include GENE"
_TARGETS_OF_BEFORE = re.compile(r"\b(?:targets?\s+(?:genes?\s+|mRNAs?\s+|transcripts?\s+)?"
                                r"(?:of|for)|targeted\s+by)\s+(?:the\s+)?$", re.I)
_TARGETS_OF_AFTER = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:,\s*)?(?:(?:(?:were|are|was|is)"
                               r"(?:\s+\w+){0,2})?\s*:\s*|(?:such\s+as|including|include|included|"
                               r"includes|like|namely|are|were|was|is)\s+)"
                               r"(?:the\s+)?(?:(?:genes?|proteins?|transcription\s+factors?|"
                               r"oncogenes?)\s+)?", re.I)


# "among the (predicted) targets of miR-X, GENE ...": the gene follows after a comma
_AMONG = re.compile(r"\bamong\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_COMMA = re.compile(r"\s*,\s*(?:the\s+)?")
_PREDICTED = re.compile(r"\b(?:putative|predicted|potential|candidate)\s+(?:target|$)|"
                        r"\b(?:predicted|likely|expected)\s+to\s+be\s+targeted", re.I)
_TARGETED = re.compile(r"targeted", re.I)
_EXAMPLES = re.compile(r"such\s+as|including|like|namely", re.I)
_NEEDS_TARGETS_OF = Needs(_TARGETS_OF_BEFORE)


def targets_of(a: Analysed, start: int, end: int, ctx: Context) -> list[Statement]:
    """"targets of miR-X, such as GENE1 and GENE2", "target genes of miR-X include GENE":
    the miRNA targets each listed gene (``RO:0002212``; hedged when they are predicted)."""
    if not _NEEDS_TARGETS_OF.may_match(a.text[start:end]):
        return []
    out: list[Statement] = []
    done: set[int] = set()
    for m in a.within(start, end, MIRNAS):
        if m.start in done:
            continue
        cue = _TARGETS_OF_BEFORE.search(a.text, max(start, m.start - 40), m.start)
        if not cue:
            continue
        group = members(a, m, MIRNAS, backwards=False)
        done |= {x.start for x in group}
        link = _TARGETS_OF_AFTER.match(a.text, list_end(a, group), end)
        if not link and _AMONG.search(a.text[max(start, cue.start() - 30):cue.start()]):
            link = _COMMA.match(a.text, list_end(a, group), end)
        if not link or (_TARGETED.match(cue.group()) and not _EXAMPLES.search(link.group())):
            continue  # "genes targeted by miR-X were ...": only "including GENE" lists them
        genes = [g for g in a.within(link.end(), end, GENES) if g.start == link.end()][:1]
        if not genes:
            continue
        predicted = bool(_PREDICTED.search(a.text[max(start, cue.start() - 30):cue.end()]))
        out += regulation(a, "regulation.targets-of",
                          [(subj, g) for subj in group
                           for g in members(a, genes[0], GENES, backwards=False)],
                          "negatively", start, link.end(), ctx, also_hedged=predicted,
                          negated_at=cue.start())
    return out


# "GENE (protein) was (markedly) reduced in cells overexpressing / transfected with miR-X"
_IN_CELLS = re.compile(rf"\s*(?:(?:mRNA|protein|gene)\s+)?(?:(?:expression|levels?)\s+)?"
                       r"(?:(?:was|were|is|are)\s+)?(?:(?:\w+ly|also|further)\s+)*"
                       rf"(?:(?P<down>{DOWN})|(?P<up>{UP}))\w*\s+in\s+(?:the\s+)?"
                       r"(?:[\w-]+\s+){0,2}?(?:cells?|neurons|lines?|tissues?|mice|rats)\s+"
                       r"(?:(?P<gain>over-?\s?expressing|transfected\s+with|expressing|"
                       r"treated\s+with|(?:that|which)\s+(?:\w+ly\s+)?(?:over-?)?"
                       r"express(?:ed|es)?)|(?P<loss>lacking|depleted\s+of|deficient\s+in))\s+"
                       r"(?:the\s+|an?\s+)?$", re.I)


_TREATED = re.compile(r"treated|transfected", re.I)


def _in_cells_sign(a: Analysed, genes: list[Mention], mirna: Mention, cue: re.Match[str],
                   end: int) -> str | None:
    """The sign of "GENE was reduced in cells overexpressing miR-X": a gain lowering the
    gene or a loss raising it is negative; None when "treated / transfected with miR-X"
    says neither gain nor loss (no mimic or inhibitor named after it)."""
    gain = bool(cue.group("gain"))
    if cue.group("gain") and _TREATED.match(cue.group("gain")):
        tail = a.text[list_end(a, [mirna]):end]
        if LOSS_AFTER.match(tail):
            gain = False
        elif not GAIN_AFTER.match(tail):
            return None  # "transfected with miR-X" alone: a mimic or an inhibitor?
    return "negatively" if bool(cue.group("down")) == gain else "positively"


# "GENE (and GENE2) (expression) was reduced (at the protein level) in miR-X(-)overexpressing
# (HCT116) cells": the cells named after the miRNA
_IN_MIRNA_CELLS = re.compile(rf"\s*(?:(?:mRNA|protein|gene)\s+)?(?:(?:expression|levels?)\s+)?"
                             r"(?:(?:was|were|is|are)\s+)?(?:(?:\w+ly|also|further)\s+)*"
                             rf"(?:(?P<down>{DOWN})|(?P<up>{UP}))\w*\s+(?:at\s+the\s+(?:protein|"
                             r"mRNA)\s+level\s+)?in\s+(?:the\s+)?", re.I)
_MIRNA_CELLS = re.compile(r"\s*-?\s*(?:(?P<gain>over-?\s?expressing|expressing)|(?P<loss>depleted|"
                          r"deficient|knock-?down|silenced|null|knock-?out))\s+(?:[\w-]+\s+){0,2}?"
                          r"(?:cells?|neurons|lines?|tissues?|mice|rats|xenografts?)\b", re.I)


def _mirna_cells_sign(a: Analysed, genes: list[Mention], mirna: Mention, cue: re.Match[str],
                      end: int) -> str | None:
    """The sign of "GENE was reduced in miR-X-overexpressing cells" (None when the cells
    after the miRNA are not named by its gain or loss)."""
    cells = _MIRNA_CELLS.match(a.text, list_end(a, [mirna]), end)
    if cells is None:
        return None
    return "negatively" if bool(cue.group("down")) == bool(cells.group("gain")) else \
        "positively"


#: "GENE was reduced in miR-X-overexpressing cells"
IN_MIRNA_CELLS = Joined("regulation.in-cells-with", _IN_MIRNA_CELLS, first=GENES,
                        second=MIRNAS, window=120, subject_first=False, first_list=True,
                        once=True, check=_mirna_cells_sign, check_patterns=(_MIRNA_CELLS,))


#: "GENE was reduced in cells overexpressing miR-X": the miRNA's gain (or loss) changed the
#: gene, as :func:`exokg.extract.mirna_agents.agent_phrases` reads it with the miRNA first
IN_CELLS_WITH = Joined("regulation.in-cells-with", _IN_CELLS, first=GENES, second=MIRNAS,
                       window=120, subject_first=False, second_list=True, check=_in_cells_sign)


# a rescue: "re-expression of GENE (partially) reversed the effects of miR-X (on ...)",
# "overexpression of GENE abrogated the pro-apoptotic effect of miR-X": the miRNA acts by
# repressing the gene
_RESCUE_BEFORE = re.compile(r"\b(?:re-?\s?expression|over-?\s?expression|restoration|"
                            r"(?:ectopic|enforced|forced)\s+expression|introduction)\s+of\s+"
                            r"(?:(?:the|either|both)\s+)?$", re.I)
_RESCUE = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:(?:\w+ly|also|further)\s+)*(?:reversed|reverses|"
                     r"rescued|rescues|abrogated|abrogates|abolished|abolishes|attenuated|"
                     r"attenuates|counteracted|counteracts|neutrali[sz]ed|blocked|blocks|"
                     r"prevented|prevents|impaired|impairs|weakened|alleviated)\s+(?:the\s+)?"
                     r"(?:[\w-]+\s+){0,3}?(?:effects?|actions?|influence|impact|phenotypes?)\s+"
                     r"(?:of|induced\s+by|caused\s+by|mediated\s+by)\s+(?:the\s+)?"
                     r"(?:(?:over-?\s?expression|up-?\s?regulation|restoration|transfection)\s+"
                     r"of\s+(?:the\s+)?)?", re.I)


def _rescue_sign(a: Analysed, genes: list[Mention], mirna: Mention, cue: re.Match[str],
                 end: int) -> str | None:
    """"negatively" when the gene's gain is named before it ("re-expression of GENE
    reversed the effects of miR-X"), else None."""
    return "negatively" if _RESCUE_BEFORE.search(
        a.text, max(0, genes[0].start - 40), genes[0].start) else None


#: "re-expression of GENE reversed the effects of miR-X": the miRNA represses the gene
RESCUE = Joined("regulation.rescue", _RESCUE, first=GENES, second=MIRNAS, window=120,
                subject_first=False, first_list=True, once=True, second_list=True,
                check=_rescue_sign, check_patterns=(_RESCUE_BEFORE,))


# "the miR-X cluster is a GENE-targeting locus / miRNA": the gene named before "-targeting"
_IS_A = re.compile(r"\s*(?:(?:cluster|family|polycistron)\s+)?(?:is|was|as|acts\s+as)\s+"
                   r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?", re.I)
_TARGETING_AFTER = re.compile(r"\s*-\s*targeting\b", re.I)


def _targeting_sign(a: Analysed, group: list[Mention], gene: Mention, cue: re.Match[str],
                    end: int) -> str | None:
    """"negatively" when "-targeting" follows the gene, else None."""
    return "negatively" if _TARGETING_AFTER.match(a.text, list_end(a, [gene]), end) else None


#: "the miR-X cluster is a GENE-targeting locus": the miRNA targets the gene
TARGETING_COMPOUND = Joined("regulation.targeting", _IS_A, first=MIRNAS, second=GENES,
                            window=60, subject_first=True, first_list=True, once=True,
                            check=_targeting_sign, check_patterns=(_TARGETING_AFTER,))

# "miR-X promotes invasion by repressing GENE (expression)": the miRNA of the clause, with
# no comma between it and the cue (the subject of "promotes", not of an aside)
_BY_VERBING = re.compile(r"\b(?:by|via|through)\s+(?:directly\s+)?(?:(?P<down>repress|suppress|"
                         r"inhibit|reduc|decreas|down-?\s?regulat|silenc|lower|block|"
                         r"attenuat)|(?P<up>induc|increas|enhanc|up-?\s?regulat|activat|"
                         r"elevat|stimulat))ing\s+(?:the\s+)?(?:(?:expression|levels?|"
                         r"activity|translation)\s+of\s+(?:the\s+)?)?", re.I)
_NO_ASIDE = re.compile(r"[^,;()]{0,80}")
_NEEDS_BY_VERBING = Needs(_BY_VERBING)


def by_verbing(a: Analysed, start: int, end: int, ctx: Context) -> list[Statement]:
    """"miR-X promotes invasion by repressing GENE", "via reducing GENE levels": the miRNA
    that is the subject of the clause regulates the gene with the verb's sign (rule
    ``regulation.verb``)."""
    if not _NEEDS_BY_VERBING.may_match(a.text[start:end]):
        return []
    out: list[Statement] = []
    for cue in _BY_VERBING.finditer(a.text, start, end):
        genes = [g for g in a.within(cue.end(), end, GENES) if g.start == cue.end()][:1]
        mirnas = a.within(start, cue.start(), MIRNAS)
        if not genes or not mirnas:
            continue
        last = max(mirnas, key=lambda m: m.end)
        group = [x for x in members(a, last, MIRNAS, backwards=True) if x.start >= start]
        if a.within(last.end, cue.start(), GENES) or \
                not _NO_ASIDE.fullmatch(a.text, list_end(a, group), cue.start()):
            continue
        out += regulation(a, "regulation.verb",
                          [(m, g) for m in group
                           for g in members(a, genes[0], GENES, backwards=False)],
                          "positively" if cue.group("up") else "negatively", start,
                          cue.start(), ctx)
    return out
