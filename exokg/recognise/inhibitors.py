"""Interventions against a molecule named by the molecule: "C5 mAb", "anti-IL-17A antibody",
"the ROCK inhibitor Y-27632", "an inhibitor of NLRP3", "miR-143-3p inhibitor", and, where
they stand as the agent of a sentence, "C5 inhibition", "TLR4 knockdown", "IL-6 blockade".

Such a phrase names what the study did to the molecule, not the molecule: "C5 mAb rescued
microglial viability" is a claim of the antibody, and "EVs delivering a miR-143-3p
inhibitor improved outcome" must not become miR-143-3p beneficial. The phrase becomes a
``Therapy`` of its own, ``exokg:therapy/{slug}-{hash}`` (:func:`intervention_entity`),
labelled "<target> <kind>" ("C5 mAb", "IL-17A antibody", "miR-143-3p inhibitor",
"C5 inhibition"), the written phrase a synonym, with ``RO:0002212`` (negatively regulates)
to the target; the phrase covers the target's mention, so the target takes none of its
claims. A named drug after the inhibitor noun ("the ROCK inhibitor Y-27632") is the agent
itself: the drug's own mention, widened over the phrase.

A target is a gene, protein or miRNA mention, or a preparation whose cargo is a miRNA
("EV-miR-22-3p inhibitor": the inhibitor of miR-22-3p the vesicles carry). Nouns of a thing
(antibody, mAb, inhibitor, antagonist, blocker, antagomir, siRNA, shRNA) always form one;
nouns of an act (inhibition, blockade, knockdown, neutralisation, silencing, depletion) only
where the phrase is the agent: at the opening of a clause ("In vivo, C5 inhibition reduced
...") or after "with", "by", "following", "after", "upon" ("treatment with IL-6 blockade").
After an effect verb the act is what the agent did ("exosomes caused TLR4 inhibition": TLR4
decreased, read by the effect rules); with "of" after it the named molecule is the actor
("miR-21 inhibition of PTEN": miR-21 inhibits PTEN). Not interventions: a word inside a
longer name ("plasminogen activator inhibitor-1", "NF-κB inhibitor alpha"), an antibody
glued to a vesicle word or conjugated to one ("anti-CD63-EVs", "mAb GAP43-Exo",
"exosomes conjugated to a monoclonal antibody against GAP43": a targeting part,
:mod:`exokg.recognise.composed_names`),
a reagent ("immunocaptured with an anti-L1CAM antibody"), a class of molecules
("anti-inflammatory factors"), and a mimic ("miR-630 mimics" raise the
miRNA).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exokg.ids import mint
from exokg.model import Entity, Mention
from exokg.text.prefilter import Needs

__all__ = ["ACT_NOUNS", "ACTS_ON", "LOSS_NOUNS", "find_interventions", "intervention_entity",
           "intervention_target"]

#: nouns of a thing made against its target
_THING = (r"(?:neutrali[sz]ing\s+)?(?:monoclonal\s+)?(?:antibod(?:y|ies)|mAbs?)|"
          r"inhibitors?|antagonists?|blockers?|antagomirs?|siRNAs?|shRNAs?")
#: nouns of an act on the target (also read by the extraction rules of a loss:
#: :mod:`exokg.extract.loss_of_function`)
ACT_NOUNS = (r"inhibition|blockade|knock-?down|neutrali[sz]ation|silencing|depletion|"
             r"antagonism")
#: the nouns of a molecule's loss: the acts, and the words of a lowered level or a lost gene,
#: which name no intervention ("miR-124 downregulation", "deletion of miR-21"); what the
#: extraction rules of a miRNA's loss read (:mod:`exokg.extract.mediated_effects`,
#: :mod:`exokg.extract.regulation`, :mod:`exokg.extract.effects`)
LOSS_NOUNS = ACT_NOUNS + r"|deletion|down-?regulation|suppression|loss|deficiency"
#: right after a target mention: "C5 mAb", "miR-143-3p inhibitor", "C5 inhibition"
_AFTER = re.compile(r"[\s-]?(?P<noun>" + _THING + "|" + ACT_NOUNS + r")\b"
                    r"(?![-‐‑–]\s*(?:EVs?|Exos?|exosomes?|derived|loaded|treated))", re.I)
#: right before a target mention: "anti-IL-17A (antibody)", "an inhibitor of NLRP3"
_BEFORE = re.compile(r"(?:\banti[-‐‑]\s?|\b(?P<noun>" + _THING + r")\s+(?:of|against|to)\s+"
                     r"(?:the\s+)?)$", re.I)
#: the noun after "anti-X": "anti-IL-17A antibody", "anti-C5 mAb"
_ANTI_NOUN = re.compile(r"\s?(?P<noun>" + _THING + r")\b", re.I)
_NEEDS = Needs(re.compile(r"antibod|mab|inhibit|antagoni|blocke|blockade|antagomir|s[ih]rna|"
                          r"knock-?down|neutrali|silencing|depletion|anti-", re.I))
_ACTS = re.compile(ACT_NOUNS, re.I)
#: "of" after "<target> inhibition / blockade / antagonism": the target acts on what follows
#: ("miR-21 inhibition of PTEN" is miR-21 inhibiting PTEN), no act on the target (after a
#: knockdown, silencing or depletion "of" names where: "miR-124 knockdown of M2 exosomes");
#: :mod:`exokg.extract.mediated_effects` reads the same of a miRNA
ACTS_ON = frozenset({"inhibition", "blockade", "antagonism"})
_OF_AFTER = re.compile(r"\s+of\b", re.I)
#: where an act noun phrase is the agent: the opening of a clause, or after a word that
#: introduces what was given
_AGENT_SLOT = re.compile(r"(?:^|[,;:]|\b(?:with|by|following|after|upon|and|of)\s+"
                         r"(?:the\s+|a\s+|an\s+)?(?:\w+\s+)?)\s*$", re.I)
#: a vesicle word glued after: the antibody is a targeting part ("anti-CD63-EVs")
_GLUED_VESICLE = re.compile(r"^[-‐‑–/@](?:EVs?|Exos?|exosomes?|sEVs?)", re.I)
#: an antibody a vesicle carries as its targeting part: "exosomes conjugated to a monoclonal
#: antibody against GAP43", "mAb GAP43 conjugated exosomes", "EVs decorated with anti-CD47"
_PART_BEFORE = re.compile(r"\b(?:conjugated|linked|coupled|attached|bound|fused|tethered|"
                          r"modified|functionali[sz]ed|decorated|coated|labell?ed|armed)\s+"
                          r"(?:to|with)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$", re.I)
_PART_AFTER = re.compile(r"[\s-]*(?:conjugated|modified|functionali[sz]ed|decorated|coated|"
                         r"labell?ed|tagged|targeting|bearing)\b", re.I)
#: an antibody used as a reagent of the methods: "immunocaptured with an anti-L1CAM
#: antibody", "stained with antibodies against NeuN", "detected using anti-CD63"
_REAGENT = re.compile(r"\b(?:immuno\w+|stain\w*|label\w*|detect\w*|captur\w*|"
                      r"precipitat\w*|blott\w*|probed|select\w*|isolat\w*|enrich\w*|"
                      r"sort\w*|purif\w*|identif\w*|characteri[sz]\w*|visuali[sz]\w*)\b"
                      r"[^;.]{0,60}?\b(?:with|using|by|via)\s+(?:\w+\s+){0,2}$", re.I)
_TARGETS = frozenset({"Gene", "Protein", "MicroRNA", "MicroRNACluster"})
#: a miRNA as written (the lexicon may ground "miR-21" to its gene, MIR21)
_MIRNA_WORD = re.compile(r"(?:miR|let|microRNA)[-‐‑]", re.I)
_DRUGS = frozenset({"Drug", "Chemical"})


def intervention_entity(target: Entity, kind: str, written: str) -> Entity:
    """The intervention of ``kind`` ("mAb", "inhibitor", "inhibition") against ``target``,
    labelled "<target label> <kind>", ``written`` a synonym (deterministic id: the label
    and the target's id)."""
    label = f"{target.label} {kind}"
    synonyms = tuple(sorted({" ".join(written.split())} - {label}))
    return Entity(mint("therapy", f"{label}|{target.id}"), label, "Therapy",
                  synonyms=synonyms, attributes=(("RO:0002212", target.id),))


def intervention_target(m: Mention) -> tuple[str, str] | None:
    """The target's id and the kind's head noun of an intervention mention of
    :func:`find_interventions` ("TLR4 knockdown" -> the id of TLR4, "knockdown"); None for
    any other mention, and for a drug named after an inhibitor noun ("the ROCK inhibitor
    Y-27632" is the drug's mention, with no target)."""
    targets = m.entity.attr("RO:0002212")
    if m.source != "inhibitor" or m.entity.category != "Therapy" or not targets:
        return None
    return targets[0], m.entity.label.rsplit(" ", 1)[-1]


def _target(m: Mention) -> Entity | None:
    """The molecule a mention names as a target: itself, or a preparation's miRNA cargo."""
    if m.category in _TARGETS:  # a class ("anti-inflammatory factors") is no target
        return None if m.entity.id.startswith("exokg:") and \
            not m.entity.id.startswith("exokg:mirna/") else m.entity
    if m.category == "ExosomePreparation":
        cargo = [c for c in m.entity.attr("cargo") if c.startswith("exokg:mirna/") or
                 c.startswith("mirbase")]
        if cargo:  # the cargo's own entity is not at hand: name it from the written word
            name = re.search(r"(?:miR|let)-[\w-]*\w", m.text)
            if name:
                return Entity(cargo[0], name.group(), "MicroRNA")
    return None


def _kind(noun: str) -> str:
    """The kind a noun names, as the label writes it: "mAb", "antibody", "inhibitor", ..."""
    noun = " ".join(noun.split())
    low = noun.casefold()
    if low.endswith(("mab", "mabs")):
        return "mAb"
    if low.startswith(("sirna", "shrna")):  # "siRNAs", "SIRNA" -> "siRNA"
        return "siRNA" if low.startswith("si") else "shRNA"
    if low.endswith("ies"):
        return low[:-3] + "y"
    if low.endswith("s") and not _ACTS.fullmatch(low):
        return low[:-1]
    return low.replace("knock-down", "knockdown").replace("isation", "ization")


def find_interventions(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Intervention mentions of one sentence (module docs): ``Therapy`` mentions (source
    ``"inhibitor"``) over "<target> <noun>", "anti-<target> [noun]" and "<noun> of
    <target>"; a drug named right after "<target> inhibitor" takes the phrase instead."""
    if not _NEEDS.may_match(text):
        return []
    out: list[Mention] = []
    ordered = sorted(mentions, key=lambda m: m.start)
    for i, m in enumerate(ordered):
        target = _target(m)
        if target is None:
            continue
        implied = False  # the kind is not written ("anti-miR-21")
        before = _BEFORE.search(text, max(0, m.start - 40), m.start)
        after = _AFTER.match(text, m.end)
        if before is not None and before.group("noun") is None:  # "anti-X"
            if _GLUED_VESICLE.match(text[m.end:]):
                continue
            noun = _ANTI_NOUN.match(text, m.end)
            end = noun.end() if noun else m.end
            # a bare "anti-miR-21" is an antisense inhibitor: no antibody binds a miRNA
            implied = noun is None
            kind = _kind(noun.group("noun")) if noun else \
                "inhibitor" if _MIRNA_WORD.match(m.text) or \
                target.category in ("MicroRNA", "MicroRNACluster") else "antibody"
            start = before.start()
        elif before is not None:  # "an inhibitor of X"
            start, end, kind = before.start(), m.end, _kind(before.group("noun"))
        elif after is not None:
            kind = _kind(after.group("noun"))
            if _ACTS.fullmatch(kind) and not _AGENT_SLOT.search(text, 0, m.start):
                continue  # "caused TLR4 inhibition": what an agent did
            if kind in ACTS_ON and _OF_AFTER.match(text, after.end()):
                continue  # "miR-21 inhibition of PTEN": what miR-21 does to PTEN
            start, end = m.start, after.end()
        else:
            continue
        if any(k is not m and start <= k.start < end and k.end > end for k in ordered):
            continue  # the phrase would cut a name
        if _PART_BEFORE.search(text, max(0, start - 50), start) or \
                _PART_AFTER.match(text, end):
            continue  # the targeting part of a vesicle, not an agent
        if kind in ("antibody", "mAb", "monoclonal antibody") and \
                _REAGENT.search(text, max(0, start - 100), start):
            continue  # a reagent of the methods (:mod:`exokg.extract.vesicle_markers`)
        drug = next((k for k in ordered[i + 1:] if k.category in _DRUGS and
                     re.fullmatch(r"\s+", text[end:k.start])), None)
        if drug is not None and kind == "inhibitor" and not implied:
            # "the ROCK inhibitor Y-27632"
            out.append(Mention(drug.entity, start, drug.end, text[start:drug.end], "inhibitor"))
            continue
        written = text[start:end]
        out.append(Mention(intervention_entity(target, kind, written), start, end, written,
                           "inhibitor"))
    return out
