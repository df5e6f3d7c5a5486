"""A gene or protein regulating a miRNA.

* gene first: "GENE (directly) transactivates / induces / represses miR-X", "GENE binds (to)
  the promoter of miR-X", "GENE-induced miR-X" -> GENE ``RO:0002213`` / ``RO:0002212`` /
  ``RO:0002211`` miR-X (rule ``regulation.gene-on-mirna``); "miR-X is a (direct)
  transcriptional target of GENE" -> GENE ``RO:0002211`` miR-X (same rule);
* miRNA first, passive: "miR-X (expression) is induced / repressed / regulated by GENE"
  (rule ``regulation.of-mirna``, :data:`MIRNA_REGULATED`, read by
  :mod:`exokg.extract.regulation`).
"""

from __future__ import annotations

import re

from exokg.extract.base import Analysed
from exokg.extract.enumerations import list_end, members
from exokg.extract.mirna_agents import DOWN, GAIN_BEFORE, LOSS_BEFORE, UP
from exokg.extract.mirna_rules import GENES, MIRNAS, Joined, read_joined, regulation, sign_of
from exokg.model import Context, Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["GENE_GAIN_ON_MIRNA", "MIRNA_REGULATED", "MIRNAS_INCLUDE", "gene_on_mirna"]

# a gene acting on a miRNA: "GENE (directly) transactivates / induces / represses miR-X",
# "GENE binds (to) the promoter of miR-X", "GENE-induced miR-X", "miR-X is a (direct)
# transcriptional target of GENE"
_GENE_VERB = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:(?:also|directly|further|\w+ly|can|could|may|"
                        r"might)\s+)*(?:(?P<up>transactivat|activat|induc|up-?\s?regulat|"
                        r"stimulat|enhanc)|(?P<down>repress|suppress|inhibit|"
                        r"down-?\s?regulat|silenc)|(?P<any>regulat|control|"
                        r"bind(?:s|ing)?\s+(?:directly\s+)?(?:to\s+)?|bound\s+(?:to\s+)?))"
                        r"\w*\s+(?:the\s+)?(?:(?:expression|transcription|promoter|levels?|"
                        r"biogenesis|processing|production|synthesis|maturation)\s+"
                        r"(?:region\s+)?of\s+(?:the\s+)?)?"
                        r"(?:(?:mature|primary|pri-?)\s+)?$", re.I)
_GENE_PREFIX = re.compile(r"\s*-\s*(?:(?P<up>induced|activated|driven|responsive|stimulated)|"
                          r"(?P<down>repressed|suppressed|inhibited|silenced)|"
                          r"(?P<any>regulated|dependent|controlled))\s+(?:the\s+)?$", re.I)
_MIRNA_TARGET_OF = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:is|was|are|were|as)\s+(?:an?\s+|the\s+)?"
                              r"(?:(?:direct|novel|bona\s+fide|downstream|known)\s+)*"
                              r"(?:transcriptional\s+)targets?\s+of\s+(?:the\s+)?"
                              r"(?:(?:transcription\s+factors?|oncogenes?|proteins?)\s+)?$", re.I)

_NEEDS_GENE_FIRST = Needs(_GENE_VERB, _GENE_PREFIX)

# "miR-X is a direct GENE target", the gene named before "target"
_MIRNA_IS_A = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:is|was|are|were|as)\s+(?:an?\s+|the\s+)?"
                         r"(?:(?:direct|novel|bona\s+fide|downstream|known|transcriptional)\s+)*",
                         re.I)
_GENE_TARGET = re.compile(r"\s*-?\s*(?:transcriptional\s+)?targets?\b(?!-)", re.I)
# the miRNA's change caused by a gene: "down-regulation of miR-X by GENE", "reduction in miR-X
# is induced by GENE", "loss of miR-X due to GENE"
_CHANGE_OF_MIRNA = re.compile(r"\b(?:(?P<down>down-?\s?regulation|repression|suppression|"
                              r"silencing|inhibition|loss|reduction|decrease)|(?P<up>"
                              r"up-?\s?regulation|induction|activation|transactivation|"
                              r"increase|elevation))\s+(?:in|of)\s+(?:the\s+)?"
                              r"(?:(?:mature|primary)\s+)?$", re.I)
_CAUSED_BY = re.compile(r"\s*(?:expression\s+|levels?\s+)?(?:(?:is|was|are|were)\s+(?:\w+ly\s+)?"
                        r"(?:induced|caused|mediated|driven|triggered)\s+)?(?:by|due\s+to)\s+"
                        r"(?:the\s+)?(?:(?:transcription\s+factors?|oncogenes?|proteins?)\s+)?",
                        re.I)


def _gene_target_sign(a: Analysed, group: list[Mention], gene: Mention, cue: re.Match[str],
                      end: int) -> str | None:
    """"" (no sign) when the word after the gene is "target" ("miR-X is a direct GENE
    target"), else None."""
    return "" if _GENE_TARGET.match(a.text, list_end(a, [gene]), end) else None


def _caused_sign(a: Analysed, group: list[Mention], gene: Mention, cue: re.Match[str],
                 end: int) -> str | None:
    """The sign of "down-regulation of miR-X by GENE" from the change noun before the
    miRNA, or None when there is none."""
    change = _CHANGE_OF_MIRNA.search(a.text, max(0, group[0].start - 40), group[0].start)
    return sign_of(change) if change else None


# a gene's gain or loss acting on a miRNA: "overexpression of GENE increased miR-X
# expression", "GENE knockdown can up-regulate miR-X"
_GENE_CHANGES_MIRNA = re.compile(r"\s*(?:(?:\w+ly|also|further|can|could|may|might)\s+)*"
                                 rf"(?:(?P<down>{DOWN})|(?P<up>{UP}))\w*\s+(?:the\s+)?"
                                 r"(?:(?:expression|levels?|transcription|production)\s+of\s+"
                                 r"(?:the\s+)?)?(?:(?:mature|primary)\s+)?", re.I)
# "miRNA transcripts repressed by GENE include miR-A, miR-B and miR-C"
_GROUP_CHANGED_BY = re.compile(r"\b(?:micro-?RNAs?|miRNAs?|miRs|transcripts)\s+(?:(?:that|which)\s+"
                               r"(?:are|were)\s+)?(?:(?P<up>induced|activated|up-?\s?regulated)|"
                               r"(?P<down>repressed|suppressed|down-?\s?regulated|inhibited)|"
                               r"(?P<any>regulated|controlled))\s+by\s+(?:the\s+)?$", re.I)
_INCLUDE = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:include|included|includes|are|were|such\s+as|"
                      r"including)\s+(?:the\s+)?", re.I)


def _gene_gain_sign(a: Analysed, genes: list[Mention], mirna: Mention, cue: re.Match[str],
                    end: int) -> str | None:
    """The sign of "overexpression of GENE reduced miR-X" (a gain lowering the miRNA is
    negative, a loss reverses it), or None when no gain or loss of the gene is named."""
    first, last = genes[0], list_end(a, genes)
    lo = max(0, first.start - 60)
    if GAIN_BEFORE.search(a.text, lo, first.start):
        gain = True
    elif LOSS_BEFORE.search(a.text, lo, first.start):
        gain = False
    else:
        return None
    return "negatively" if bool(cue.group("down")) == gain else "positively"


def _gene_named_gain_sign(a: Analysed, genes: list[Mention], mirna: Mention, cue: re.Match[str],
                          end: int) -> str | None:
    """As :func:`_gene_gain_sign` for a gain or loss named after the gene ("GENE knockdown
    up-regulated miR-X"); the pattern's group ``gain`` or ``loss`` says which."""
    gain = bool(cue.group("gain"))
    return "negatively" if bool(cue.group("down")) == gain else "positively"


def _group_sign(a: Analysed, genes: list[Mention], mirna: Mention, cue: re.Match[str],
                end: int) -> str | None:
    """The sign of "miRNAs repressed by GENE include miR-X" from the words before the
    gene, or None when they are not there."""
    group = _GROUP_CHANGED_BY.search(a.text, max(0, genes[0].start - 60), genes[0].start)
    return sign_of(group) if group else None


_GENE_GAIN_AFTER = re.compile(rf"\s*-?\s*(?:(?P<gain>over-?\s?expression|up-?\s?regulation|"
                              r"activation|re-?expression)|(?P<loss>knock-?down|silencing|"
                              r"depletion|deletion|loss|inhibition|knock-?out))\s+"
                              r"(?:(?:\w+ly|also|further|can|could|may|might)\s+)*"
                              rf"(?:(?P<down>{DOWN})|(?P<up>{UP}))\w*\s+(?:the\s+)?"
                              r"(?:(?:expression|levels?|transcription|production)\s+of\s+"
                              r"(?:the\s+)?)?(?:(?:mature|primary)\s+)?", re.I)

#: "overexpression of GENE increased miR-X expression": the gene regulates the miRNA
GENE_GAIN_ON_MIRNA = Joined("regulation.gene-on-mirna", _GENE_CHANGES_MIRNA, first=GENES,
                            second=MIRNAS, window=60, subject_first=True, first_list=True,
                            once=True, second_list=True, check=_gene_gain_sign,
                            check_patterns=(GAIN_BEFORE, LOSS_BEFORE))
#: "GENE knockdown can up-regulate miR-X"
GENE_NAMED_GAIN_ON_MIRNA = Joined("regulation.gene-on-mirna", _GENE_GAIN_AFTER, first=GENES,
                                  second=MIRNAS, window=80, subject_first=True, first_list=True,
                                  once=True, second_list=True, check=_gene_named_gain_sign)
#: "miRNA transcripts repressed by GENE include miR-A and miR-B"
MIRNAS_INCLUDE = Joined("regulation.gene-on-mirna", _INCLUDE, first=GENES, second=MIRNAS,
                        window=40, subject_first=True, second_list=True, check=_group_sign,
                        check_patterns=(_GROUP_CHANGED_BY,))
#: "miR-X is a direct GENE target"
MIRNA_GENE_TARGET = Joined("regulation.gene-on-mirna", _MIRNA_IS_A, first=MIRNAS,
                           second=GENES, window=60, subject_first=False,
                           check=_gene_target_sign, check_patterns=(_GENE_TARGET,))
#: "down-regulation of miR-X by GENE", "reduction in miR-X is induced by GENE"
MIRNA_CHANGED_BY = Joined("regulation.gene-on-mirna", _CAUSED_BY, first=MIRNAS, second=GENES,
                          window=80, subject_first=False, first_list=True, once=True,
                          second_list=True, check=_caused_sign,
                          check_patterns=(_CHANGE_OF_MIRNA,))
#: "miR-X is a (direct) transcriptional target of GENE": the gene regulates the miRNA
MIRNA_TARGET_OF = Joined("regulation.gene-on-mirna", _MIRNA_TARGET_OF, first=MIRNAS,
                         second=GENES, window=80, subject_first=False)

# a gene regulating a miRNA: "miR-X (expression) is induced / repressed / regulated by GENE"
_MIRNA_PASSIVE = re.compile(r"^\s*(?:(?:cluster|polycistron|host\s+gene)\s+)?"
                            r"(?:(?:expression|transcription|levels?)\s+)?"
                            r"(?:(?:is|was|are|were|being|been|can\s+be|may\s+be)\s+|,\s*)"
                            r"(?:[^,;]{0,80}?\s+and\s+(?:is\s+|was\s+)?)?"
                            r"(?:(?:directly|transcriptionally|also|further|strongly)\s+)?"
                            r"(?:(?P<sign>negatively|positively)\s+)?"
                            r"(?:(?P<up>induced|activated|transactivated|up-?regulated|"
                            r"stimulated|driven|promoted|enhanced|triggered)|"
                            r"(?P<down>repressed|suppressed|inhibited|"
                            r"down-?regulated|silenced)|(?P<any>regulated|controlled))\s+by\s+"
                            r"(?:the\s+)?(?:(?:transcription\s+factors?|oncogenes?|proteins?)"
                            r"\s+)?$", re.I)
#: "miR-X (and miR-Y) (expression) is induced / repressed / regulated by GENE (and GENE2)"
MIRNA_REGULATED = Joined("regulation.of-mirna", _MIRNA_PASSIVE, first=MIRNAS, second=GENES,
                         window=160, subject_first=False, first_list=True, once=True,
                         second_list=True)


def gene_on_mirna(a: Analysed, start: int, end: int, ctx: Context) -> list[Statement]:
    """A gene regulating a miRNA, stated with the gene first (see :data:`_GENE_VERB`), and
    "miR-X is a transcriptional target of GENE" (:data:`MIRNA_TARGET_OF`), in the clause
    ``start``-``end`` of ``a``: GENE ``RO:0002213`` / ``RO:0002212`` / ``RO:0002211``
    miR-X."""
    out: list[Statement] = []
    for gene in a.within(start, end, GENES) if _NEEDS_GENE_FIRST.may_match(a.text[start:end]) \
            else []:
        pos = list_end(a, [gene])
        mirnas = a.within(pos, min(end, pos + 90), MIRNAS)[:1]
        if not mirnas:
            continue
        between = a.text[pos:mirnas[0].start]
        cue = _GENE_VERB.fullmatch(between) or _GENE_PREFIX.fullmatch(between)
        if not cue or a.within(pos, mirnas[0].start, GENES):
            continue
        out += regulation(a, "regulation.gene-on-mirna",
                          [(gene, m) for m in members(a, mirnas[0], MIRNAS, backwards=False)],
                          sign_of(cue), start, pos, ctx)
    return out + read_joined(a, start, end, ctx, MIRNA_TARGET_OF) + \
        read_joined(a, start, end, ctx, MIRNA_GENE_TARGET) + \
        read_joined(a, start, end, ctx, MIRNA_CHANGED_BY) + \
        read_joined(a, start, end, ctx, GENE_GAIN_ON_MIRNA) + \
        read_joined(a, start, end, ctx, GENE_NAMED_GAIN_ON_MIRNA) + \
        read_joined(a, start, end, ctx, MIRNAS_INCLUDE)
