"""miRNA -> target regulation stated with the gene or protein named first: "GENE is a
direct target of miR-X", "GENE serves as / assumed the role of a downstream effector of
miR-X", "GENE is (negatively) regulated by miR-X", "GENE is targeted /
repressed by miR-X", "down-regulation of GENE by miR-X", "GENE ..., a recognized miR-X
target", "binding sites for miR-X in the 3' UTR of GENE" (or "in the GENE 3'UTR"), "the
miR-X/GENE axis", a title "miR-X and GENE: a feedback loop". :func:`after_target` reads one
gene; :mod:`exokg.extract.regulation` runs it for each gene of a clause that passes
:data:`NEEDS_AFTER_TARGET`.
"""

from __future__ import annotations

import re

from exokg.extract.base import Analysed, Clause, coordinated
from exokg.extract.enumerations import members
from exokg.extract.mirna_rules import GENES, MIRNAS, regulation
from exokg.model import Context, Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["NEEDS_AFTER_TARGET", "after_target"]

REGULATORS = MIRNAS
TARGETS = GENES

# "GENE is/was (identified as) (one of) a (direct / novel / functional) target (gene) of/for"
_TARGET_OF = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:,\s*(?:which|that|an?|the)\s[^,;]*,\s*)?"
                        r"(?:,\s*)?(?:in\s+(?:[\w-]+\s+){1,3}?(?=as\s))?"
                        r"(?:(?:is|was|as|were|are)\s+(?:\w+\s+){0,2})?(?:(?:one|some)\s+of\s+)?"
                        # "GENE serves as / assumed the role of a downstream effector of miR-X"
                        r"(?:(?:serves?|served|acts?|acted|assumed|plays?|played)\s+(?:as\s+|"
                        r"the\s+role\s+of\s+))?"
                        r"(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,3}(?:targets?|(?<=downstream\s)"
                        r"effectors?)\s+(?:genes?\s+)?"
                        r"(?:of|for)\s+"
                        r"(?:the\s+)?(?:human\s+)?(?:miRNAs?\s+|microRNAs?\s+)?"
                        r"(?:(?:such\s+as|including|like)\s+)?$", re.I)
# the noun of an apposition after a gene: "GENE, a key (inflammatory) cytokine, ..."
_IN_APPOSITION = re.compile(r",\s*(?:an?|the)\s+(?:[\w-]+\s+){0,3}$", re.I)
# "GENE ..., a recognized miR-X target (gene)": the miRNA names the target's regulator
_TARGET_NOUN_BEFORE = re.compile(r"^\s*(?:\([^()]*\)\s*)?[^.;]{0,40}?,?\s*\b(?:an?|the|its|as)\s+"
                                 r"(?:[\w-]+\s+){0,2}$", re.I)
_TARGET_NOUN_AFTER = re.compile(r"^\s*-?\s*target(?:s|ed)?\b", re.I)
# "GENE is (directly) targeted / repressed by miR-X", "down-regulation of GENE (expression)
# by miR-X"
_PASSIVE = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:(?:mRNA\s+)?3\s*['′’]?\s*-?\s*(?:UTRs?|"
                      r"untranslated\s+regions?)\s+(?:(?:reporters?|constructs?)\s+)?)?"
                      r"(?:(?:mRNA|messenger\s+RNA|protein|gene)\s+)?"
                      r"(?:(?:expression|levels?|translation)\s+)?(?:(?:is|was|are|were|being|"
                      r"been)\s+)?(?:[\w-]+ly\s+)?(?:targeted|repressed|suppressed|silenced|"
                      r"inhibited|down-?regulated)\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
                      r"(?:(?:microRNAs?|miRNAs?),?\s+)?$", re.I)
_NOMINAL_BEFORE = re.compile(r"\b(?:down-?regulation|repression|suppression|inhibition|"
                             r"silencing|targeting)\s+of\s+(?:the\s+)?$", re.I)
_NOMINAL_BETWEEN = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:(?:mRNA|protein|gene)\s+)?"
                              r"(?:expression\s+|translation\s+|levels?\s+)?by\s+(?:the\s+)?$",
                              re.I)
# "binding sites for miR-X in the 3' UTR of (the) GENE", "miR-X binding sites in the 3'-UTR
# of GENE"
_UTR_AFTER = re.compile(r"^\s*(?:-?\s*(?:binding|target|recognition)\s+(?:sites?|sequences?|"
                        r"elements?)\s+)?(?:(?:exists?|is|are|lies|lie|located|present)\s+){0,2}"
                        r"(?:in|within|on|to)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
                        r"3\s*['′’]?\s*-?\s*(?:UTRs?|untranslated\s+regions?)\s*"
                        r"(?:\([^()]*\)\s*)?"
                        r"(?:of\s+)?(?:the\s+)?$", re.I)
_UTR_BEFORE = re.compile(r"\b(?:(?:binding|target|recognition)\s+(?:sites?|sequences?|elements?)\s+"
                         r"(?:for|of)|binding\s+(?:affinity|capacity|ability)\s+of)\s+$", re.I)
# "binding sites for miR-X in the GENE 3'-UTR": the gene named before its 3'-UTR
_IN_GENE_UTR = re.compile(r"^\s*(?:-?\s*(?:binding|target|recognition)\s+(?:sites?|sequences?|"
                          r"elements?)\s+)?(?:(?:exists?|is|are|lies|lie|located|present)\s+){0,2}"
                          r"(?:in|within|on)\s+(?:the\s+)?(?:human\s+)?$", re.I)
_UTR_AFTER_GENE = re.compile(r"\s*(?:mRNA\s+)?3\s*['′’]?\s*-?\s*(?:UTRs?|untranslated\s+regions?)",
                             re.I)
# "GENE (expression) is (negatively) regulated by miR-X"
_PASSIVE_REGULATED = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:,\s*(?:which|that|an?|the)\s[^,;]*,\s*)?"
                                r"(?:(?:mRNA|protein|gene)\s+)?"
                                r"(?:(?:expression|levels?|translation)\s+)?(?:(?:is|was|are|"
                                r"were|being|been|be|can\s+be|may\s+be)\s+)?(?:(?:directly|"
                                r"post-?transcriptionally|also|further)\s+)?"
                                r"(?:(?P<sign>negatively|positively)\s+)?regulated\s+by\s+"
                                r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:(?:microRNAs?|miRNAs?),?\s+)?$",
                                re.I)
_AXIS = re.compile(r"^\s*[/:-]\s*$")
# "the miR-124/PTEN axis", "the miR-X-GENE interaction", "miR-X:GENE pairs"
_AXIS_AFTER = re.compile(r"^\s*(?:signal(?:l)?ing\s+)?(?:axis|pathway\s+axis|interactions?|"
                         r"target\s+pairs?|pairs?|binding|pathway|"
                         r"(?:(?:double-?\s?negative|negative|positive|regulatory|reciprocal)\s+)?"
                         r"(?:feedback\s+|feed-forward\s+)?(?:loop|circuit))\b", re.I)


_SITE_AFTER_MIRNA = re.compile(r"\s*-?\s*(?:binding|target|recognition)", re.I)
_AND = re.compile(r"\s*and\s+")
# a title "miR-X and GENE: a feedback loop (in D)"
_PAIR_TITLE = re.compile(r"^\s*:\s*(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:(?:feedback|"
                         r"regulatory)\s+)?(?:loop|axis|circuit|interaction)\b", re.I)
#: the keyword test of :func:`after_target` (one of its patterns must match)
NEEDS_AFTER_TARGET = Needs(_TARGET_OF, _PASSIVE_REGULATED, _PASSIVE, _NOMINAL_BEFORE,
                            _TARGET_NOUN_AFTER, _UTR_AFTER, _UTR_AFTER_GENE, _AXIS_AFTER,
                            _PAIR_TITLE)


def after_target(a: Analysed, clause: Clause, ctx: Context, regulators: list[Mention],
                  target: Mention) -> list[Statement]:
    """The phrasings that name the gene ``target`` first: "GENE is a direct target of
    miR-X", "GENE is (negatively) regulated by miR-X", "GENE is targeted / repressed by
    miR-X", "down-regulation of GENE by miR-X", "GENE ..., a recognized miR-X target",
    "binding sites for miR-X in the 3' UTR of GENE", "the miR-X/GENE axis", a title "miR-X
    and GENE: a feedback loop"."""
    out: list[Statement] = []
    start = clause.start
    tail = a.text[target.end:clause.end]
    after = [m for m in regulators if m.start > target.end]
    apposition = _IN_APPOSITION.search(a.text, start, target.start)
    if apposition and any(x.end == apposition.start()
                          for x in a.within(start, target.start, TARGETS)):
        after = []  # "GENE, a key cytokine, is a target of miR-X": GENE is, not the noun
    for m in after:
        if _TARGET_OF.match(a.text[target.end:m.start]):
            out += regulation(a, "regulation.target-of",
                              [(subj, t) for subj in members(a, m, REGULATORS, backwards=False)
                               for t in members(a, target, TARGETS, backwards=True)],
                              "negatively", start, m.start, ctx)
            break
    before_target = a.text[start:target.start]
    for m in after:
        passive = _PASSIVE_REGULATED.match(a.text[target.end:m.start])
        if passive:
            out += regulation(a, "regulation.passive-regulated",
                              [(subj, target)
                               for subj in members(a, m, REGULATORS, backwards=False)],
                              (passive.group("sign") or "").lower(), start, target.start, ctx)
            break
    for m in after:
        between = a.text[target.end:m.start]
        if (_PASSIVE.match(between) or (_NOMINAL_BETWEEN.match(between)
                                        and _NOMINAL_BEFORE.search(before_target))
                or (_TARGET_NOUN_BEFORE.match(between)
                    and _TARGET_NOUN_AFTER.match(a.text[m.end:clause.end]))):
            out += regulation(a, "regulation.passive",
                              [(subj, target)
                               for subj in coordinated(a, m, REGULATORS, backwards=False)],
                              "negatively", start, target.start, ctx)
            break
    # "binding sites for miR-X (and miR-Y) in the 3' UTR of GENE", "... in the GENE 3'UTR"
    for m in [r for r in regulators if r.end <= target.start]:
        between = a.text[m.end:target.start]
        if not (_UTR_AFTER.match(between) or (_IN_GENE_UTR.match(between)
                                              and _UTR_AFTER_GENE.match(tail))):
            continue
        group = [x for x in members(a, m, REGULATORS, backwards=True) if x.start >= start]
        if _UTR_BEFORE.search(a.text[start:m.start]) or _SITE_AFTER_MIRNA.match(between):
            out += regulation(a, "regulation.utr", [(m, target)], "negatively", start, m.start,
                              ctx)
        elif len(group) > 1 and _UTR_BEFORE.search(a.text[start:group[0].start]):
            out += regulation(a, "regulation.utr", [(x, target) for x in group], "negatively",
                              start, group[0].start, ctx)
    # "the miR-124/PTEN axis"
    left = [m for m in regulators if m.end <= target.start
            and _AXIS.match(a.text[m.end:target.start])]
    if left and _AXIS_AFTER.match(tail):
        out += regulation(a, "regulation.axis", [(left[-1], target)], "negatively", start,
                          left[-1].start, ctx)
    # a title "miR-X and GENE: a feedback loop (in D)"
    pair = [m for m in regulators if m.end <= target.start
            and _AND.fullmatch(a.text[m.end:target.start])]
    if pair and _PAIR_TITLE.match(tail):
        out += regulation(a, "regulation.axis", [(pair[-1], target)], "negatively", start,
                          pair[-1].start, ctx)
    return out
