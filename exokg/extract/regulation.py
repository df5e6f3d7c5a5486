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

from exokg.extract.base import Analysed, DocumentState, clauses, coordinated, statement
from exokg.extract.context import context_for
from exokg.extract.enumerations import list_end, members
from exokg.extract.epistemics import hedged, negated
from exokg.model import Context, Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["NEGATIVELY_REGULATES", "POSITIVELY_REGULATES", "REGULATES", "REGULATORS", "TARGETS",
           "as_regulation", "extract_regulation"]

NEGATIVELY_REGULATES = "RO:0002212"
POSITIVELY_REGULATES = "RO:0002213"
#: RO "regulates", the parent of the two: a regulation the text gives no sign
REGULATES = "RO:0002211"
REGULATORS = frozenset({"MicroRNA", "MicroRNACluster"})
TARGETS = frozenset({"Gene", "Protein"})

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
_MAY_TARGETING = Needs(_TARGETING)  # its keyword guard
# what may stand between the miRNAs and a bare plural "target": "miR-A and miR-B (both /
# also / directly) target", "the miR-29 family members target", "miR-X can / may target"
_BARE_TARGET = re.compile(r"\s*(?:\)\s*)?(?:(?:family\s+)?(?:members\s+)?)?"
                          r"(?:(?:both|also|all|each|can|may|could|might|would|to|\w+ly)\s+)*",
                          re.I)
# "GENE is/was (identified as) (one of) a (direct / novel / functional) target (gene) of/for"
_TARGET_OF = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:,\s*(?:which|that|an?|the)\s[^,;]*,\s*)?"
                        r"(?:,\s*)?"
                        r"(?:(?:is|was|as|were|are)\s+(?:\w+\s+){0,2})?(?:(?:one|some)\s+of\s+)?"
                        r"(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,3}targets?\s+(?:genes?\s+)?"
                        r"(?:of|for)\s+"
                        r"(?:the\s+)?(?:miRNAs?\s+|microRNAs?\s+)?$", re.I)
# the noun of an apposition after a gene: "GENE, a key (inflammatory) cytokine, ..."
_IN_APPOSITION = re.compile(r",\s*(?:an?|the)\s+(?:[\w-]+\s+){0,3}$", re.I)
# "GENE ..., a recognized miR-X target (gene)": the miRNA names the target's regulator
_TARGET_NOUN_BEFORE = re.compile(r"^\s*(?:\([^()]*\)\s*)?[^.;]{0,40}?,?\s*\b(?:an?|the|its)\s+"
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
                        r"elements?)\s+)?(?:in|within|on|to)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
                        r"3\s*['′’]?\s*-?\s*(?:UTRs?|untranslated\s+regions?)\s*"
                        r"(?:\([^()]*\)\s*)?"
                        r"(?:of\s+)?(?:the\s+)?$", re.I)
_UTR_BEFORE = re.compile(r"\b(?:binding|target|recognition)\s+(?:sites?|sequences?|elements?)\s+"
                         r"(?:for|of)\s+$", re.I)
# "miR-X and miR-Y negatively regulate (the expression of) GENE"; without a sign ("miR-X
# could regulate GENE expression") the regulation has no direction
_SIGNED = re.compile(r"\b(?:(?P<sign>negatively|positively)\s+)?(?<![-\w])"
                     r"(?:regulat(?:e|es|ed|ing)|controls|controlled)\s+(?!by\b)(?:the\s+)?"
                     r"(?:(?:expression|levels?|translation)\s+of\s+)?(?:the\s+)?", re.I)
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
                           r"(?:(?P<sign>negative|positive)\s+)?regulators?\s+of\s+(?:the\s+)?"
                           r"(?:(?:expression|levels?)\s+of\s+)?(?:the\s+)?$", re.I)
_NEEDS_REGULATOR_OF = Needs(_REGULATOR_OF)
# "GENE (expression) is (negatively) regulated by miR-X"
_PASSIVE_REGULATED = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:(?:mRNA|protein|gene)\s+)?"
                                r"(?:(?:expression|levels?|translation)\s+)?(?:(?:is|was|are|"
                                r"were|being|been|be|can\s+be|may\s+be)\s+)?(?:(?:directly|"
                                r"post-?transcriptionally|also|further)\s+)?"
                                r"(?:(?P<sign>negatively|positively)\s+)?regulated\s+by\s+"
                                r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:(?:microRNAs?|miRNAs?),?\s+)?$",
                                re.I)
# "a role for miR-X (and miR-Y) in the regulation of GENE", "miR-X is involved in the
# regulation of GENE", "miR-X-mediated regulation of GENE"
_REGULATION_OF = re.compile(r"\b(?:post-?transcriptional\s+|translational\s+)?(?<![-\w])"
                            r"regulation\s+of\s+"
                            r"(?:the\s+)?(?:(?:expression|levels?|translation)\s+of\s+)?"
                            r"(?:the\s+)?", re.I)
_REGULATION_AGENT = re.compile(r"^\s*(?:\)\s*)?(?:(?:is|are|was|were)\s+(?:\w+ly\s+)?"
                               r"(?:involved|implicated|important|essential|crucial|critical)\s+"
                               r"in|-?\s*mediated|-?\s*dependent|(?:play|plays|played)\s+"
                               r"(?:an?\s+)?(?:\w+\s+)?roles?\s+in|)\s*(?:the\s+)?$", re.I)
_ROLE_OF = re.compile(r"\broles?\s+(?:for|of)\s+(?:(?:the\s+)?(?:\w+\s+)?(?:miRNAs?|"
                      r"microRNAs?)\s*\(?\s*)?$", re.I)
# a gene regulating a miRNA: "miR-X (expression) is induced / repressed / regulated by GENE"
_MIRNA_PASSIVE = re.compile(r"^\s*(?:(?:cluster|polycistron|host\s+gene)\s+)?"
                            r"(?:(?:expression|transcription|levels?)\s+)?"
                            r"(?:is|was|are|were|being|been|can\s+be|may\s+be)\s+"
                            r"(?:[^,;]{0,80}?\s+and\s+(?:is\s+|was\s+)?)?"
                            r"(?:(?:directly|transcriptionally|also|further|strongly)\s+)?"
                            r"(?:(?P<sign>negatively|positively)\s+)?"
                            r"(?:(?P<up>induced|activated|transactivated|up-?regulated|"
                            r"stimulated|driven|promoted|enhanced|triggered)|"
                            r"(?P<down>repressed|suppressed|inhibited|"
                            r"down-?regulated|silenced)|(?P<any>regulated|controlled))\s+by\s+"
                            r"(?:the\s+)?(?:(?:transcription\s+factors?|oncogenes?|proteins?)"
                            r"\s+)?$", re.I)
# "a known miR-X target in the brain, GENE, ..." (the target named in apposition)
_TARGET_APPOSITION = re.compile(r"^\s*-?\s*targets?\b[^,;.]{0,40},\s*(?:the\s+)?$", re.I)
# words between a targeting verb and its target: "targeting multiple oncogenes, including",
# "recognize specific binding sites in the 3'-UTR of", "bind to their predicted target
# sequences in the"
_TARGET_GAP = re.compile(r"^(?:[\w'′’,()-]+\s+){0,8}?(?:of|including|such\s+as|in|namely)\s+"
                         r"(?:the\s+)?$|^(?:the\s+)?(?:[\w'′’-]+\s+){0,4}?(?:genes?|proteins?|"
                         r"mRNAs?|transcripts?)\s+$", re.I)
_AXIS = re.compile(r"^\s*[/:-]\s*$")
# "the miR-124/PTEN axis", "the miR-X-GENE interaction", "miR-X:GENE pairs"
_AXIS_AFTER = re.compile(r"^\s*(?:signal(?:l)?ing\s+)?(?:axis|pathway\s+axis|interactions?|"
                         r"target\s+pairs?|pairs?|binding|pathway|"
                         r"(?:(?:double-?\s?negative|negative|positive|regulatory|reciprocal)\s+)?"
                         r"(?:feedback\s+|feed-forward\s+)?(?:loop|circuit))\b", re.I)


_PAIR_TITLE = re.compile(r"^\s*:\s*(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:(?:feedback|"
                         r"regulatory)\s+)?(?:loop|axis|circuit|interaction)\b", re.I)


# "knockdown of miR-X", "anti-miR-X", "an inhibitor of miR-X": the miRNA's loss acts
_LOSS_BEFORE = re.compile(r"(?:\b(?:knock-?down|silencing|inhibition|depletion|deletion|loss|"
                          r"blockade|antagonism|suppression|down-?regulation)\s+of\s+(?:the\s+)?"
                          r"(?:endogenous\s+|mature\s+)?|\b(?:inhibitors?|antagomirs?|"
                          r"sponges?|antisense\s+oligonucleotides?)\s+(?:of|against|to)\s+"
                          r"(?:the\s+)?|\b(?:anti|antagomir|antisense)\s*-\s*)$", re.I)


def as_regulation(s: Statement, subject: Mention, obj: Mention,
                  a: Analysed | None = None) -> Statement:
    """An effect of a miRNA on a gene or protein as regulation (RO:0002212 for a decrease,
    RO:0002213 for an increase); any other statement unchanged. With the sentence ``a``, an
    effect of the miRNA's loss ("knockdown of miR-X increased GENE", "anti-miR-X raised
    GENE") is the opposite regulation by the miRNA."""
    if subject.category not in REGULATORS or obj.category not in TARGETS or \
            s.direction is None or s.predicate != "biolink:affects":
        return s
    lowers = s.direction == "decreased"
    if a is not None and _LOSS_BEFORE.search(a.text, max(0, subject.start - 60), subject.start):
        lowers = not lowers
    predicate = NEGATIVELY_REGULATES if lowers else POSITIVELY_REGULATES
    rule = s.evidence[0].rule.replace("effect.", "regulation.loss." if lowers == (
        s.direction != "decreased") else "regulation.", 1)
    return replace(s, predicate=predicate, direction="decreased" if lowers else "increased",
                   evidence=tuple(replace(e, rule=rule) for e in s.evidence))


def extract_regulation(a: Analysed, state: DocumentState) -> list[Statement]:
    """Targeting statements of one sentence (see the module docs)."""
    out: list[Statement] = []
    regulators = [m for m in a.mentions if m.category in REGULATORS]
    if not regulators:
        return out
    for clause in clauses(a.text):
        ctx = context_for(a, clause)
        for cue in _TARGETING.finditer(a.text, clause.start, clause.end) \
                if _MAY_TARGETING.may_match(a.text) else ():
            if not re.search(r"target|bind|bound|recogni|regulation|repression|suppression|"
                             r"silencing|complementary", cue.group(), re.I):
                continue
            # a bare noun "binding" takes no words before its target ("decreased binding of
            # X and Y" is X binding Y), unless they are its sites ("binding sites in the X
            # 3'-UTR")
            gap_ok = not re.search(r"\bbinding\s*$", cue.group(), re.I) or bool(
                re.match(r"sites?\b", a.text[cue.end():], re.I))
            targets = [m for m in a.within(cue.end(), clause.end, TARGETS)
                       if m.start == cue.end()
                       or (gap_ok and _TARGET_GAP.match(a.text[cue.end():m.start]))]
            targets = [m for m in targets if not any(
                r.start >= cue.end() and r.end <= m.start for r in regulators)][:1]
            before = [m for m in regulators if clause.start <= m.start and m.end <= cue.start()]
            if not targets or not before:
                continue
            subject = max(before, key=lambda m: m.end)
            if re.match(r"\s*target\s", cue.group(), re.I) and not _BARE_TARGET.fullmatch(
                    a.text[list_end(a, [subject]):cue.start()]):
                continue  # a bare "target" is the verb of the miRNAs or a modal, no noun
            for subj in coordinated(a, subject, REGULATORS, backwards=True):
                for target in coordinated(a, targets[0], TARGETS, backwards=False):
                    out.append(_targets(a, "regulation.targeting", subj, target, clause.start,
                                        cue.start(), ctx))
        for cue in _SIGNED.finditer(a.text, clause.start, clause.end):
            targets = [m for m in a.within(cue.end(), clause.end, TARGETS) if m.start == cue.end()]
            before = [m for m in regulators if clause.start <= m.start and m.end <= cue.start()
                      and not a.within(m.end, cue.start(), TARGETS)]
            if not targets or not before:
                continue
            sign = (cue.group("sign") or "").lower()
            rule = "regulation.signed" if sign else "regulation.unsigned"
            if not sign and not _UNSIGNED_GAP.match(
                    a.text[list_end(a, [max(before, key=lambda m: m.end)]):cue.start()]):
                continue  # "GENE, a target of miR-X, regulates ...": not the miRNA's verb
            for subj in members(a, max(before, key=lambda m: m.end), REGULATORS,
                                backwards=True):
                for target in members(a, targets[0], TARGETS, backwards=False):
                    out.append(_targets(a, rule, subj, target, clause.start, cue.start(), ctx,
                                        sign=sign))
        out += _regulation_of(a, clause.start, clause.end, ctx, regulators)
        for m in regulators if _NEEDS_REGULATOR_OF.may_match(a.text) else []:
            if not clause.start <= m.start < clause.end:
                continue
            group = members(a, m, REGULATORS, backwards=False)
            pos = list_end(a, group)
            genes = [g for g in a.within(pos, min(clause.end, pos + 90), TARGETS)
                     if _REGULATOR_OF.match(a.text[pos:g.start])][:1]
            for g in genes:
                sign = {"negative": "negatively", "positive": "positively"}.get(
                    (_REGULATOR_OF.match(a.text[pos:g.start]).group("sign") or "").lower(), "")
                for subj in group:
                    for t in members(a, g, TARGETS, backwards=False):
                        out.append(_targets(a, "regulation.regulator-of", subj, t, clause.start,
                                            pos, ctx, sign=sign))
        out += _mirna_regulated(a, clause.start, clause.end, ctx, regulators)
        for m in regulators:
            if not clause.start <= m.start < clause.end:
                continue
            for target in a.within(m.end, clause.end, TARGETS):
                if _TARGET_APPOSITION.match(a.text[m.end:target.start]):
                    out.append(_targets(a, "regulation.apposition", m, target, clause.start,
                                        m.start, ctx))
                break
        for target in a.within(clause.start, clause.end, TARGETS):
            tail = a.text[target.end:clause.end]
            after = [m for m in regulators if m.start > target.end]
            apposition = _IN_APPOSITION.search(a.text, clause.start, target.start)
            if apposition and any(x.end == apposition.start()
                                  for x in a.within(clause.start, target.start, TARGETS)):
                after = []  # "GENE, a key cytokine, is a target of miR-X": GENE is, not the noun
            for m in after:
                if _TARGET_OF.match(a.text[target.end:m.start]):
                    for subj in members(a, m, REGULATORS, backwards=False):
                        for t in members(a, target, TARGETS, backwards=True):
                            out.append(_targets(a, "regulation.target-of", subj, t,
                                                clause.start, m.start, ctx))
                    break
            before_target = a.text[clause.start:target.start]
            for m in after:
                passive = _PASSIVE_REGULATED.match(a.text[target.end:m.start])
                if passive:
                    sign = (passive.group("sign") or "").lower()
                    for subj in members(a, m, REGULATORS, backwards=False):
                        out.append(_targets(a, "regulation.passive-regulated", subj, target,
                                            clause.start, target.start, ctx, sign=sign))
                    break
            for m in after:
                between = a.text[target.end:m.start]
                if (_PASSIVE.match(between) or (_NOMINAL_BETWEEN.match(between)
                                                and _NOMINAL_BEFORE.search(before_target))
                        or (_TARGET_NOUN_BEFORE.match(between)
                            and _TARGET_NOUN_AFTER.match(a.text[m.end:clause.end]))):
                    for subj in coordinated(a, m, REGULATORS, backwards=False):
                        out.append(_targets(a, "regulation.passive", subj, target,
                                            clause.start, target.start, ctx))
                    break
            # "binding sites for miR-X in the 3' UTR of GENE"
            for m in [r for r in regulators if r.end <= target.start]:
                if _UTR_AFTER.match(a.text[m.end:target.start]) and (
                        _UTR_BEFORE.search(a.text[clause.start:m.start])
                        or re.match(r"\s*-?\s*(?:binding|target|recognition)",
                                    a.text[m.end:target.start], re.I)):
                    out.append(_targets(a, "regulation.utr", m, target, clause.start,
                                        m.start, ctx))
            # "the miR-124/PTEN axis"
            left = [m for m in regulators if m.end <= target.start
                    and _AXIS.match(a.text[m.end:target.start])]
            if left and _AXIS_AFTER.match(tail):
                out.append(_targets(a, "regulation.axis", left[-1], target, clause.start,
                                    left[-1].start, ctx))
            # a title "miR-X and GENE: a feedback loop (in D)"
            pair = [m for m in regulators if m.end <= target.start
                    and re.fullmatch(r"\s*and\s+", a.text[m.end:target.start])]
            if pair and _PAIR_TITLE.match(tail):
                out.append(_targets(a, "regulation.axis", pair[-1], target, clause.start,
                                    pair[-1].start, ctx))
    return out


def _regulation_of(a: Analysed, start: int, end: int, ctx: Context, regulators: list[Mention]
                   ) -> list[Statement]:
    """"a role for miR-X in the regulation of GENE", "miR-X is involved in the regulation
    of GENE", "miR-X-mediated regulation of GENE", "regulation of GENE by miR-X": regulation
    without a sign."""
    out = []
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
            if _REGULATION_AGENT.match(gap) and (role or not re.match(r"\s*\)", gap)) or \
                    (role and re.fullmatch(r"\s*\)?\s*in\s+(?:the\s+)?", gap)):
                subjects = members(a, last, REGULATORS, backwards=True)
        if not subjects and before and re.search(r"\b(?:by|via|through)\s+(?:the\s+|its\s+)?$",
                                                 a.text[max(start, cue.start() - 20):cue.start()],
                                                 re.I):
            # "miR-X ... through regulation of GENE": the miRNA of the clause, no gene between
            last = max(before, key=lambda m: m.end)
            if not a.within(last.end, cue.start(), TARGETS):
                subjects = members(a, last, REGULATORS, backwards=True)
        target_end = members(a, targets[0], TARGETS, backwards=False)
        by = re.match(r"\s*(?:(?:mRNA|protein|gene)\s+)?(?:expression\s+|translation\s+)?"
                      r"by\s+(?:the\s+)?", a.text[list_end(a, target_end):end], re.I)
        if not subjects and by:
            pos = list_end(a, target_end) + by.end()
            subjects = [m for m in regulators if m.start == pos][:1]
            subjects = members(a, subjects[0], REGULATORS, backwards=False) if subjects else []
        for subj in subjects:
            for target in target_end:
                out.append(_targets(a, "regulation.nominal", subj, target, start, cue.start(),
                                    ctx, sign=""))
    return out


def _mirna_regulated(a: Analysed, start: int, end: int, ctx: Context,
                     regulators: list[Mention]
                     ) -> list[Statement]:
    """A gene regulating a miRNA: "miR-X (expression) is induced / repressed / regulated by
    GENE" -> GENE ``RO:0002213`` / ``RO:0002212`` / ``RO:0002211`` miR-X."""
    out = []
    done: set[int] = set()
    for m in regulators:
        if not start <= m.start < end or m.start in done:
            continue
        if not re.search(r"\bby\b", a.text[m.end:min(end, m.end + 200)]):
            continue
        group = members(a, m, REGULATORS, backwards=False)
        done |= {x.start for x in group}
        pos = list_end(a, group)
        genes = [g for g in a.within(pos, min(end, pos + 160), TARGETS)
                 if _MIRNA_PASSIVE.match(a.text[pos:g.start])][:1]
        if not genes:
            continue
        cue = _MIRNA_PASSIVE.match(a.text[pos:genes[0].start])
        sign = (cue.group("sign") or "").lower()
        if not sign:
            sign = "positively" if cue.group("up") else "negatively" if cue.group("down") else ""
        for gene in members(a, genes[0], TARGETS, backwards=False):
            for mirna in group:
                out.append(_targets(a, "regulation.of-mirna", gene, mirna, start, pos, ctx,
                                    sign=sign))
    return out


def _targets(a: Analysed, rule: str, subject: Mention, target: Mention, clause_start: int,
             at: int, ctx: Context, *, positive: bool = False,
             sign: str | None = "negatively"
             ) -> Statement:
    """``subject`` negatively (or, with ``positive`` or ``sign`` "positively", positively;
    with an empty ``sign``, without a sign: ``RO:0002211``) regulates ``target``, hedged and
    negated as the clause before ``at`` says."""
    if positive:
        sign = "positively"
    sign = "negatively" if sign is None else sign
    predicate = {"positively": POSITIVELY_REGULATES, "negatively": NEGATIVELY_REGULATES}.get(
        sign, REGULATES)
    direction = {"positively": "increased", "negatively": "decreased"}.get(sign)
    return statement(a, rule, subject.entity, predicate, target.entity, direction=direction,
                     hedged=hedged(a.text, clause_start, at),
                     negated=negated(a.text, clause_start, at), context=ctx)
