"""The study's vesicles named by a bare common noun: "exosomes", "Exosomes", "EVs" after the
abstract has named its preparation.

An abstract names its preparation ("exosomes derived from human Wharton's jelly MSCs",
"DPSC-Exos") and then, in its results, often writes only "exosomes": "the secretion of
cytokines was inhibited by exosomes as well", "Exosomes interfered with TLR4 signalling",
"intranasally administered exosomes reduced neuroinflammation". Such a mention is the
study's preparation (:attr:`DocumentState.preparation`) when all of these hold:

* the document has named a preparation before (or earlier in the sentence);
* the sentence states a finding of the study (:func:`~exokg.extract.status.claim_status`
  gives ``finding``): background ("Exosomes are nanosized vesicles that ..."), aims and
  speculation speak of vesicles in general;
* the sentence names no preparation of its own and is not a definition of vesicles
  ("Exosomes are ...", "EVs, which are ...");
* the mention is not a part or a product of something else ("components of exosomes",
  "the release of exosomes", "miR-X in exosomes") and not the patients' vesicles (serum,
  plasma, circulating: :func:`~exokg.extract.references.is_body_vesicle`).

The study's vesicles named as one treatment ("exosome treatment decreased neuron death",
"exosome therapy reduced ...", the vocabulary's generic exosome-based therapy) and given ones
("treatment of exosome improved ...", "administration of exosomes suppressed ...") are the
study's preparation on the same conditions; "exosome-based therapies" or "exosome therapies"
name a kind of therapy and stay what they are.

A vesicle word that modifies what was shown about the vesicles ("exosomes from young
healthy human plasma exhibiting typical exosome features", "exosome markers") is no agent of
the sentence and is dropped from its mentions (tuning round 12a).

References with a determiner or written as an abbreviation ("these EVs", "Exos") are
resolved earlier by :mod:`exokg.extract.references`; this module only reads the bare noun.

"Overexpression of miR-X in microglia-derived exosomes" (also "upregulation", "loading of
miR-X into ...") names the preparation engineered to carry miR-X (``engineering: loaded``;
"enrichment of miR-X in" gives ``enriched``) (:func:`enriched_preparations`): the engineered
product acts, not the plain one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from exokg.extract.base import DocumentState
from exokg.extract.references import is_body_vesicle, names_kind_of_therapy, names_origin
from exokg.extract.status import claim_status
from exokg.model import Analysed, Entity, Mention
from exokg.recognise.composite import preparation_id

__all__ = ["enriched_preparations", "resolve_study_vesicles"]

# "components of exosomes", "the release of EVs", "miR-124 in exosomes", "secreted into
# exosomes": the vesicles as a container or a product, not the study's agent
_PART_OF = re.compile(r"\b(?:of|in|into|within|inside|among|between|from)\s+(?:the\s+)?"
                      r"(?:\w+\s+)?$", re.I)
# "Exosomes are small vesicles ...", "EVs, which are lipid-bound ...": a definition
_DEFINITION = re.compile(r"^\s*(?:,\s*(?:which|that)\s+)?(?:are|is|represent|constitute|"
                         r"consist|contain|carry|can|could|may|might|have\s+been|play)\b",
                         re.I)
# "administered", "injected", "treated with": the study's vesicles are given
_GIVEN = re.compile(r"\b(?:administered|injected|infused|delivered|transplanted|"
                    r"treated\s+with|treatment\s+(?:with|of|by)|administration\s+of|"
                    r"injection\s+of|infusion\s+of|delivery\s+of|therapy\s+with)"
                    r"\s+(?:\w+\s+)?$", re.I)
#: the study's vesicles named as a treatment: "exosome treatment", "exosome therapy" (the
#: vocabulary's generic exosome-based therapy); "exosome-based therapies", "exosome
#: therapies" name the kind of therapy, not the study's preparation
_VESICLE_THERAPY = "exokg:therapy/exosome-therapy"
_ONE_TREATMENT = re.compile(r"(?:exosomes?|exos?|EVs?|extracellular\s+vesicles?)[\s-]+"
                            r"(?:treatment|therapy|administration)", re.I)


# "exhibiting typical exosome features", "expressed exosomal markers": the vesicle word as
# the modifier of what was shown about the vesicles (phenotyping), no agent
_PHENOTYPE_AFTER = re.compile(r"\s*(?:features?|characteristics?|markers?|morphology|"
                              r"hallmarks?|signatures?)\b", re.I)


def _bare(a: Analysed, m: Mention) -> bool:
    """True when ``m`` is a plain vesicle noun that can stand for the study's vesicles, or
    the study's vesicles named as one treatment ("exosome treatment decreased Y")."""
    if m.entity.id == _VESICLE_THERAPY and _ONE_TREATMENT.fullmatch(m.text):
        return not is_body_vesicle(a, m)
    if names_origin(m):
        return False  # "BDMPs": a short form naming the vesicles' origin, not the study's
    if m.category != "Vesicle" or m.source == "reference" or is_body_vesicle(a, m) or \
            names_kind_of_therapy(a.text, m.end):
        return False
    before = a.text[max(0, m.start - 40):m.start]
    if _GIVEN.search(before):
        return True  # "treatment of exosome could improve Y": given, never a definition
    if _PART_OF.search(before):
        return False
    return not _DEFINITION.match(a.text[m.end:m.end + 30])


def resolve_study_vesicles(a: Analysed, state: DocumentState) -> Analysed:
    """``a`` with bare vesicle nouns resolved to the study's preparation (see the module
    docs); ``a`` itself when there is nothing to resolve."""
    phenotype = [m for m in a.mentions if m.category == "Vesicle"
                 and _PHENOTYPE_AFTER.match(a.text, m.end)]
    if phenotype:  # "exosomes from X exhibiting typical exosomes features reduced Y"
        a = replace(a, mentions=tuple(m for m in a.mentions if m not in phenotype))
    if state.preparation is None or \
            any(m.category == "ExosomePreparation" for m in a.mentions) or \
            claim_status(a, state.study_named) != "finding":
        return a
    changed = False
    mentions: list[Mention] = []
    for m in a.mentions:
        if _bare(a, m):
            mentions.append(Mention(state.preparation, m.start, m.end, m.text, "reference"))
            changed = True
        else:
            mentions.append(m)
    return replace(a, mentions=tuple(mentions)) if changed else a


# "overexpression of miR-X in", "loading of miR-X into", "miR-X overexpression in"
_GAIN_OF = re.compile(r"\b(?:over-?expression|up-?regulation|enrichment|loading|delivery)\s+of"
                      r"\s+(?:the\s+)?$", re.I)
# (the preparation may be named with the state of its source cells: "in stretch-injured
# microglia-derived exosomes")
_GAIN_AFTER = re.compile(r"^\s+(?:in|into|within)\s+(?:the\s+)?(?:[\w-]+-[\w-]+\s+)?$", re.I)
_GAIN_NOUN_AFTER = re.compile(r"^\s+over-?expression\s+(?:in|into|within)\s+(?:the\s+)?"
                              r"(?:[\w-]+-[\w-]+\s+)?$", re.I)
# the vesicles were made to carry more of the miRNA (by transfecting or loading): the graph
# model's "loaded" (engineered to carry); "enrichment of miR-X in" says the same of a product
# named by its content
_ENGINEERING = {"enrichment": "enriched"}


def enriched_preparations(a: Analysed) -> Analysed:
    """``a`` with "overexpression of miR-X in <preparation>" read as the preparation
    loaded with miR-X ("enrichment of miR-X in <preparation>": enriched in it): the
    preparation mention stands for the engineered product (its parts plus ``cargo`` and
    ``engineering``, the written phrase as a synonym) and the miRNA mention is dropped, so
    that neither the plain preparation nor the miRNA alone is read as the agent. Returns
    ``a`` itself when the sentence has no such phrase."""
    ordered = sorted(a.mentions, key=lambda m: m.start)
    replaced: dict[int, Mention] = {}
    dropped: set[int] = set()
    for i, mirna in enumerate(ordered):
        if mirna.category not in ("MicroRNA", "MicroRNACluster") or i + 1 >= len(ordered):
            continue
        prep = ordered[i + 1]
        if prep.category != "ExosomePreparation" or prep.entity.attr("cargo"):
            continue
        gap = a.text[mirna.end:prep.start]
        gain = _GAIN_OF.search(a.text, max(0, mirna.start - 30), mirna.start)
        if not ((gain and _GAIN_AFTER.match(gap)) or _GAIN_NOUN_AFTER.match(gap)):
            continue
        word = gain.group().split()[0].lower() if gain else "overexpression"
        engineering = _ENGINEERING.get(word, "loaded")
        attrs = dict(prep.entity.attributes)
        attrs.update(cargo=mirna.entity.id, engineering=engineering)
        start = gain.start() if gain else mirna.start
        written = " ".join(a.text[start:prep.end].split())
        phrase = "enriched in" if engineering == "enriched" else "loaded with"
        label = f"{prep.entity.label} {phrase} {mirna.entity.label}"
        entity = Entity(preparation_id(attrs), label, "ExosomePreparation",
                        synonyms=(written,), attributes=tuple(sorted(attrs.items())))
        replaced[id(prep)] = Mention(entity, start, prep.end, a.text[start:prep.end],
                                     "composite")
        dropped.add(id(mirna))
    if not replaced:
        return a
    mentions = [replaced.get(id(m), m) for m in a.mentions if id(m) not in dropped]
    return replace(a, mentions=tuple(sorted(mentions, key=lambda m: (m.start, m.source))))
