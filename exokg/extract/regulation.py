"""miRNA -> target regulation: "miR-X alleviated injury by targeting GENE", "miR-Y directly
targets the 3'UTR of GENE", "GENE is a direct target of miR-Z", "the miR-X/GENE axis",
"exosomal miR-Y suppresses GENE1/GENE2 signalling", "miR-X and miR-Y function by targeting
multiple oncogenes, including GENE", "GENE is (directly) targeted / repressed by miR-X",
"down-regulation of GENE by miR-X", "GENE ..., a recognized miR-X target gene", "binding
sites for miR-X in the 3' UTR of GENE", "miR-X recognises the 3'-UTR of GENE", "through
negative regulation of GENE", "a known miR-X target, GENE", "miR-X negatively (positively)
regulates GENE", "the miR-X/GENE interaction".

A plain "miR-X (could) regulate(s) GENE", "GENE is regulated by miR-X", "a role for miR-X
in the regulation of GENE" state a regulation without a sign: ``RO:0002211`` (regulates),
with no direction. A gene regulating a miRNA ("miR-X expression is induced / repressed /
regulated by GENE") is the gene's ``RO:0002213`` / ``RO:0002212`` / ``RO:0002211`` on the
miRNA.

A miRNA binding a transcript represses it, so targeting is negative regulation,
``RO:0002212`` (negatively regulates), with direction "decreased". An effect the effect rule
reads between a miRNA and a gene or protein ("miR-Y suppresses GENE", "miR-Z upregulates
GENE") is regulation too: :func:`as_regulation` turns it into ``RO:0002212`` or
``RO:0002213`` (positively regulates) by its direction.

The rules read entity categories (``MicroRNA``, ``MicroRNACluster``; ``Gene``, ``Protein``),
so they apply to whatever the recognisers ground, from the vocabulary or an open dictionary.
"""

from __future__ import annotations

import re
from dataclasses import replace

from exokg.extract.base import Analysed, Clause, DocumentState, clauses, coordinated
from exokg.extract.context import context_for
from exokg.extract.enumerations import list_end, members
from exokg.extract.gene_on_mirna import MIRNA_REGULATED
from exokg.extract.regulation_gene_first import NEEDS_AFTER_TARGET, after_target
from exokg.extract.mirna_rules import GENES, MIRNAS, NEGATIVELY_REGULATES, \
    POSITIVELY_REGULATES, REGULATES, Joined, read_joined, regulation
from exokg.model import Context, Mention, Statement
from exokg.recognise.inhibitors import LOSS_NOUNS
from exokg.text.prefilter import Needs

__all__ = ["NEGATIVELY_REGULATES", "POSITIVELY_REGULATES", "REGULATES", "REGULATORS", "TARGETS",
           "as_regulation", "extract_regulation"]

#: the categories of the regulators (miRNAs) and of their targets (genes, proteins)
REGULATORS = MIRNAS
TARGETS = GENES

# "(by|via|through) (directly) targeting", "directly targets", "targeted", "binds (to) the
# 3'UTR of"
_TARGETING = re.compile(r"\b(?:(?:by|via|through)\s+(?:\w+ly\s+)?)?(?:\w+ly\s+)?"
                        r"(?:target(?:s|ed|ing)|(?<=\s)target(?=\s)|"
                        r"bind(?:s|ing)?(?:\s+\w+ly)?(?:\s+to)?|bound\s+(?:\w+ly\s+)?to|"
                        r"recogni[sz](?:e|es|ed|ing)|(?:is\s+|are\s+)?complementary\s+to|"
                        r"(?:(?:by|via|through)\s+(?:its\s+|the\s+)?(?:direct\s+)?"
                        r"(?:negative\s+regulation|repression|suppression|silencing)\s+of))\s+"
                        r"(?:the\s+)?(?:3\s*['′’]?\s*-?\s*(?:UTRs?|untranslated\s+regions?)\s+"
                        r"of\s+)?(?:the\s+)?"
                        r"(?:(?:mRNA|gene|transcripts?)\s+(?:of\s+|encoding\s+)?)?", re.I)
# what may stand between the miRNAs and a bare plural "target": "miR-A and miR-B (both /
# also / directly) target", "the miR-29 family members target", "miR-X can / may target"
_BARE_TARGET = re.compile(r"\s*(?:\)\s*)?(?:(?:family\s+)?(?:members\s+)?)?"
                          r"(?:(?:both|also|all|each|can|may|could|might|would|to|\w+ly)\s+)*",
                          re.I)
# "miR-X and miR-Y negatively regulate (the expression of) GENE"; without a sign ("miR-X
# could regulate GENE expression") the regulation has no direction
_SIGNED = re.compile(r"\b(?:(?P<sign>negatively|positively)\s+)?(?<![-\w])"
                     r"(?:regulat(?:e|es|ed|ing)|modulat(?:e|es|ed|ing)|controls|controlled|"
                     # "miR-X had an effect on GENE expression" (not "no effect")
                     r"(?:had|has|have|exerts?|exerted)\s+(?!no\s|little\s)(?:an?\s+(?:\w+\s+)?"
                     r"effect|(?:\w+\s+)?effects)\s+on|"
                     r"(?<=\s)(?:its|their)\s+(?:\w+\s+)?effects?\s+on)"
                     r"\s+(?!by\b)(?:the\s+)?"
                     r"(?:(?:expression|levels?|translation)\s+of\s+)?(?:the\s+)?"
                     # "regulates the expression of two genes, GENE1 and GENE2"
                     r"(?:(?:two|three|four|five|several|multiple|many)\s+(?:[\w-]+\s+)?"
                     r"(?:genes?|targets?|proteins?)\s*[,:(]\s*(?:including\s+|namely\s+)?)?",
                     re.I)
# what may stand between a miRNA and a plain "regulates": "miR-X (expression) could (also)"
_UNSIGNED_GAP = re.compile(r"^\s*\)?\s*(?:\([^()]*\)\s*)?(?:(?:expression|levels?)\s+)?"
                           r"(?:(?:could|can|may|might|did|does|do|also|directly|to|not|"
                           r"further|thereby|thus|which|that|may\s+also|is\s+able\s+to|"
                           r"are\s+able\s+to|was\s+found\s+to|were\s+found\s+to)\s+)*"
                           r"(?:\w+ly\s+)?$", re.I)
# "miR-X (is / as / acts as) a (novel) negative regulator of GENE"
_REGULATOR_OF = re.compile(r"^\s*(?:\([^()]*\)\s*)?,?\s*(?:(?:is|was|are|were|as|acts?\s+as|"
                           r"serves?\s+as|functions?\s+as)\s+)(?:an?\s+|the\s+)?(?:(?:novel|key|"
                           r"direct|important|critical|major|potent|new|crucial)\s+)*"
                           r"(?:(?P<sign>negative|positive)\s+)?(?:(?:feedback|transcriptional|"
                           r"post-?transcriptional|upstream)\s+)?regulators?\s+of\s+(?:the\s+)?"
                           r"(?:(?:expression|levels?)\s+of\s+)?(?:the\s+)?$", re.I)
#: "miR-X (is / acts as) a (negative) regulator of GENE"
REGULATOR_OF = Joined("regulation.regulator-of", _REGULATOR_OF, first=MIRNAS, second=GENES,
                      window=90, subject_first=True, first_list=True, second_list=True)
# "a role for miR-X (and miR-Y) in the regulation of GENE", "miR-X is involved in the
# regulation of GENE", "miR-X-mediated regulation of GENE"
_REGULATION_OF = re.compile(r"\b(?:post-?transcriptional\s+|translational\s+)?(?<![-\w])"
                            r"(?:regulation|modulation)\s+of\s+"
                            r"(?:the\s+)?(?:(?:expression|levels?|translation)\s+of\s+)?"
                            r"(?:the\s+)?", re.I)
_REGULATION_AGENT = re.compile(r"^\s*(?:\)\s*)?(?:(?:is|are|was|were)\s+(?:\w+ly\s+)?"
                               r"(?:involved|implicated|important|essential|crucial|critical)\s+"
                               r"in|-?\s*mediated|-?\s*dependent|(?:play|plays|played)\s+"
                               r"(?:an?\s+)?(?:\w+\s+)?roles?\s+in|)\s*(?:the\s+)?$", re.I)
_ROLE_OF = re.compile(r"\broles?\s+(?:for|of)\s+(?:(?:the\s+)?(?:\w+\s+)?(?:miRNAs?|"
                      r"microRNAs?)\s*\(?\s*)?$", re.I)
# "a known miR-X target in the brain, GENE, ..." (the target named in apposition)
_TARGET_APPOSITION = re.compile(r"^\s*-?\s*targets?\b[^,;.]{0,40},\s*(?:the\s+)?$", re.I)
# words between a targeting verb and its target: "targeting multiple oncogenes, including",
# "recognize specific binding sites in the 3'-UTR of", "bind to their predicted target
# sequences in the"
_TARGET_GAP = re.compile(r"^(?:[\w'′’,()-]+\s+){0,8}?(?:of|including|such\s+as|in|namely)\s+"
                         r"(?:the\s+)?$|^(?:the\s+)?(?:[\w'′’-]+\s+){0,4}?(?:genes?|proteins?|"
                         r"mRNAs?|transcripts?)\s+$", re.I)
# a bare noun "binding" before its target; "binding sites" after it
_BINDING_NOUN = re.compile(r"\bbinding\s*$", re.I)
_SITES = re.compile(r"sites?\b", re.I)
_BARE_TARGET_CUE = re.compile(r"\s*target\s", re.I)
# the end of a bracket around the miRNA before "in the regulation of": "(miR-X) in the"
_CLOSING = re.compile(r"\s*\)")
_CLOSING_IN = re.compile(r"\s*\)?\s*in\s+(?:the\s+)?", re.I)
_THROUGH = re.compile(r"\b(?:by|via|through)\s+(?:the\s+|its\s+)?$", re.I)
_BY_AFTER = re.compile(r"\s*(?:(?:mRNA|protein|gene)\s+)?(?:expression\s+|translation\s+)?"
                       r"by\s+(?:the\s+)?", re.I)
# a modulated pathway named by its genes ("by modulating the GENE1/GENE2/GENE3 axis",
# "through modulation of the GENE1/GENE2 signalling pathway"): no regulation of the genes
_MODULATES = re.compile(r"modulat|effects?\s+on", re.I)
_PATHWAY_AFTER = re.compile(r"\s*(?:[/-]\s*)?(?:signal(?:l)?ing\s+)?(?:axis|axes|pathways?|"
                            r"cascades?|networks?|loops?|circuits?)\b", re.I)
# the keyword tests of the rules (one of its patterns must match for a rule to read)
_NEEDS_TARGETING = Needs(_TARGETING)
_NEEDS_SIGNED = Needs(_SIGNED)
_NEEDS_REGULATION_OF = Needs(_REGULATION_OF)
_NEEDS_APPOSITION = Needs(_TARGET_APPOSITION)


# "knockdown of miR-X", "anti-miR-X", "an inhibitor of miR-X": the miRNA's loss acts
_LOSS_BEFORE = re.compile(r"(?:\b(?:" + LOSS_NOUNS + r")\s+of\s+(?:the\s+)?"
                          r"(?:endogenous\s+|mature\s+)?|\b(?:inhibitors?|antagomirs?|"
                          r"sponges?|antisense\s+oligonucleotides?)\s+(?:of|against|to)\s+"
                          r"(?:the\s+)?|\b(?:anti|antagomir|antisense)\s*-\s*)$", re.I)


def intervention_target(a: Analysed, m: Mention) -> Mention | None:
    """The molecule an intervention mention acts against ("miR-21" of "an inhibitor of
    miR-21", :mod:`exokg.recognise.inhibitors`): its target's mention inside it, or None."""
    target = m.entity.attr("RO:0002212")
    if not target:
        return None
    return next((p for p in a.parts if p.entity.id == target[0] and m.start <= p.start
                 and p.end <= m.end), None)


def as_regulation(s: Statement, subject: Mention, obj: Mention,
                  a: Analysed | None = None) -> Statement:
    """An effect of a miRNA on a gene or protein as regulation (RO:0002212 for a decrease,
    RO:0002213 for an increase); any other statement unchanged. With the sentence ``a``, an
    effect of the miRNA's loss ("knockdown of miR-X increased GENE", "anti-miR-X raised
    GENE") is the opposite regulation by the miRNA."""
    loss = False
    if subject.category == "Therapy" and a is not None and s.direction is not None:
        # "an inhibitor of miR-21 reduced IL-6", "MYC knockdown raised miR-34a": the effect
        # of an intervention against a molecule (exokg.recognise.inhibitors) on a molecule
        # is the opposite regulation by the molecule it acts against
        target = intervention_target(a, subject)
        if target is None or not (target.category in REGULATORS and obj.category in TARGETS
                                  or target.category in TARGETS and obj.category in MIRNAS):
            return s
        subject, loss = target, True
        s = replace(s, subject=target.entity)
    elif subject.category not in REGULATORS or obj.category not in TARGETS:
        return s
    if s.direction is None or s.predicate != "biolink:affects":
        return s
    lowers = s.direction == "decreased"
    if loss or a is not None and _LOSS_BEFORE.search(a.text, max(0, subject.start - 60),
                                                     subject.start):
        lowers = not lowers
    predicate = NEGATIVELY_REGULATES if lowers else POSITIVELY_REGULATES
    rule = s.evidence[0].rule.replace("effect.", "regulation.loss." if lowers == (
        s.direction != "decreased") else "regulation.", 1)
    return replace(s, predicate=predicate, direction="decreased" if lowers else "increased",
                   evidence=tuple(replace(e, rule=rule) for e in s.evidence))


def extract_regulation(a: Analysed, state: DocumentState) -> list[Statement]:
    """Targeting statements of one sentence (see the module docs); ``state`` is not read."""
    out: list[Statement] = []
    regulators = [m for m in a.mentions if m.category in REGULATORS]
    if not regulators:
        return out
    for clause in clauses(a.text):
        ctx = context_for(a, clause)
        text = a.text[clause.start:clause.end]
        if _NEEDS_TARGETING.may_match(text):
            out += _targeting(a, clause, ctx, regulators)
        if _NEEDS_SIGNED.may_match(text):
            out += _signed(a, clause, ctx, regulators)
        if _NEEDS_REGULATION_OF.may_match(text):
            out += _regulation_of(a, clause.start, clause.end, ctx, regulators)
        out += read_joined(a, clause.start, clause.end, ctx, REGULATOR_OF)
        out += read_joined(a, clause.start, clause.end, ctx, MIRNA_REGULATED)
        if _NEEDS_APPOSITION.may_match(text):
            out += _apposition(a, clause, ctx, regulators)
        if NEEDS_AFTER_TARGET.may_match(text):
            for target in a.within(clause.start, clause.end, TARGETS):
                out += after_target(a, clause, ctx, regulators, target)
    return out


def _targeting(a: Analysed, clause: Clause, ctx: Context, regulators: list[Mention]
               ) -> list[Statement]:
    """"miR-X (directly) targets / binds (the 3'-UTR of) GENE", "by targeting GENE": the
    nearest miRNA before the cue negatively regulates the gene right after it."""
    out: list[Statement] = []
    for cue in _TARGETING.finditer(a.text, clause.start, clause.end):
        # a bare noun "binding" takes no words before its target ("decreased binding of
        # X and Y" is X binding Y), unless they are its sites ("binding sites in the X
        # 3'-UTR")
        gap_ok = not _BINDING_NOUN.search(cue.group()) or bool(
            _SITES.match(a.text[cue.end():]))
        targets = [m for m in a.within(cue.end(), clause.end, TARGETS)
                   if m.start == cue.end()
                   or (gap_ok and _TARGET_GAP.match(a.text[cue.end():m.start]))]
        targets = [m for m in targets if not any(
            r.start >= cue.end() and r.end <= m.start for r in regulators)][:1]
        before = [m for m in regulators if clause.start <= m.start and m.end <= cue.start()]
        if not targets or not before:
            continue
        subject = max(before, key=lambda m: m.end)
        if _BARE_TARGET_CUE.match(cue.group()) and not _BARE_TARGET.fullmatch(
                a.text[list_end(a, [subject]):cue.start()]):
            continue  # a bare "target" is the verb of the miRNAs or a modal, no noun
        out += regulation(a, "regulation.targeting",
                          [(subj, target)
                           for subj in coordinated(a, subject, REGULATORS, backwards=True)
                           for target in coordinated(a, targets[0], TARGETS, backwards=False)],
                          "negatively", clause.start, cue.start(), ctx)
    return out


def _signed(a: Analysed, clause: Clause, ctx: Context, regulators: list[Mention]
            ) -> list[Statement]:
    """"miR-X negatively / positively regulates GENE" (signed), "miR-X (could) regulate
    GENE" (unsigned: ``RO:0002211``)."""
    out: list[Statement] = []
    for cue in _SIGNED.finditer(a.text, clause.start, clause.end):
        targets = [m for m in a.within(cue.end(), clause.end, TARGETS) if m.start == cue.end()]
        before = [m for m in regulators if clause.start <= m.start and m.end <= cue.start()
                  and not a.within(m.end, cue.start(), TARGETS)]
        if not targets or not before:
            continue
        sign = (cue.group("sign") or "").lower()
        rule = "regulation.signed" if sign else "regulation.unsigned"
        listed = members(a, targets[0], TARGETS, backwards=False)
        if _MODULATES.search(cue.group()) and _PATHWAY_AFTER.match(a.text, list_end(a, listed),
                                                                  clause.end):
            continue  # "by modulating the GENE1/GENE2 axis": a pathway, not the genes
        last = max(before, key=lambda m: m.end)
        if not sign and not _UNSIGNED_GAP.match(a.text[list_end(a, [last]):cue.start()]) \
                and not _THROUGH.search(a.text[max(clause.start, cue.start() - 20):cue.start()]):
            continue  # "GENE, a target of miR-X, regulates ...": not the miRNA's verb
        out += regulation(a, rule,
                          [(subj, target)
                           for subj in members(a, last, REGULATORS, backwards=True)
                           for target in listed],
                          sign, clause.start, cue.start(), ctx)
    return out


def _apposition(a: Analysed, clause: Clause, ctx: Context, regulators: list[Mention]
                ) -> list[Statement]:
    """"a known miR-X target in the brain, GENE, ...": the first gene after the miRNA."""
    out: list[Statement] = []
    for m in regulators:
        if not clause.start <= m.start < clause.end:
            continue
        for target in a.within(m.end, clause.end, TARGETS):
            if _TARGET_APPOSITION.match(a.text[m.end:target.start]):
                out += regulation(a, "regulation.apposition", [(m, target)], "negatively",
                                  clause.start, m.start, ctx)
            break
    return out


def _regulation_of(a: Analysed, start: int, end: int, ctx: Context, regulators: list[Mention]
                   ) -> list[Statement]:
    """"a role for miR-X in the regulation of GENE", "miR-X is involved in the regulation
    of GENE", "miR-X-mediated regulation of GENE", "regulation of GENE by miR-X": regulation
    without a sign."""
    out: list[Statement] = []
    for cue in _REGULATION_OF.finditer(a.text, start, end):
        targets = [m for m in a.within(cue.end(), end, TARGETS) if m.start == cue.end()]
        if not targets:
            continue
        subjects: list[Mention] = []
        before = [m for m in regulators if start <= m.start and m.end <= cue.start()]
        if before:
            last = max(before, key=lambda m: m.end)
            gap = a.text[last.end:cue.start()]
            role = _ROLE_OF.search(a.text, max(start, last.start - 60), last.start) or \
                _ROLE_OF.search(a.text, max(start, last.start - 60),
                                members(a, last, REGULATORS, backwards=True)[0].start)
            if _REGULATION_AGENT.match(gap) and (role or not _CLOSING.match(gap)) or \
                    (role and _CLOSING_IN.fullmatch(gap)):
                subjects = members(a, last, REGULATORS, backwards=True)
        if not subjects and before and _THROUGH.search(a.text[max(start, cue.start() - 20):
                                                              cue.start()]):
            # "miR-X ... through regulation of GENE": the miRNA of the clause, no gene between
            last = max(before, key=lambda m: m.end)
            if not a.within(last.end, cue.start(), TARGETS):
                subjects = members(a, last, REGULATORS, backwards=True)
        target_end = members(a, targets[0], TARGETS, backwards=False)
        if _MODULATES.search(cue.group()) and _PATHWAY_AFTER.match(
                a.text, list_end(a, target_end), end):
            continue  # "through modulation of the GENE1/GENE2 signalling pathway"
        by = _BY_AFTER.match(a.text[list_end(a, target_end):end])
        if not subjects and by:
            pos = list_end(a, target_end) + by.end()
            subjects = [m for m in regulators if m.start == pos][:1]
            subjects = members(a, subjects[0], REGULATORS, backwards=False) if subjects else []
        out += regulation(a, "regulation.nominal",
                          [(subj, target) for subj in subjects for target in target_end], "",
                          start, cue.start(), ctx)
    return out
