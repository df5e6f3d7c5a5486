"""References to the preparation a document is about: "the exosomes", "these EVs", "Exos",
"the vesicles", "such nanovesicles".

An abstract names its preparation once ("exosomes derived from human umbilical cord MSCs")
and then refers back to it. A vesicle mention is such a reference, and stands for the
document's most recent preparation (:attr:`DocumentState.preparation`), when

* a definite or demonstrative determiner is right before it ("the", "these", "those",
  "this", "such", "both"), also with a word of what was done to the vesicles between ("the
  gene-edited exosomes", "these miRNA-modified EVs"), or
* it names the study's treatment or group ("the exosome group", "exosome-treated rats",
  "following exosome administration"), or
* it is written as an abbreviation (a capital letter after the first character: "EVs",
  "Exos", "sEVs", "EXO") -- authors shorten only what they have introduced.

A bare common noun ("Exosomes are nanosized vesicles", "exosome treatment") is generic and
keeps its vesicle meaning, as does any vesicle mention in a document that has named no
preparation, and so do vesicles of a body fluid or of patients ("serum exosomes", "the
patients' circulating EVs"): they are the patients', not the therapeutic product. A
preparation named less fully than the document's ("MSC-derived exosomes" after "human
MSC-derived exosomes", "miR-X-enriched exosomes" after "miR-X-enriched MSC exosomes") is the
same product, unless it is the subject of earlier work ("MSC exosomes have been shown to
...": the kind of product, not the study's). "the vesicles", "these nanovesicles", "such
particles" are found here too (no vocabulary lists them, because alone they name
nothing); in a document that has named no preparation they stand for the vesicles it last
named ("Exosomes are ... These particles transfer ..."). A preparation named earlier in
the same sentence comes before the one of earlier sentences. Nothing is carried across
documents: the state is per document.
"""

from __future__ import annotations

import re
from dataclasses import replace

from exokg.extract.base import DocumentState
from exokg.model import Analysed, Entity, Mention
from exokg.text.prefilter import Needs

__all__ = ["is_body_vesicle", "names_kind_of_therapy", "names_origin", "resolve_references"]

_DETERMINER = re.compile(r"\b(?:the|these|those|this|such|both|said)\s+(?:\w+ly\s+)?"
                         r"(?:(?:isolated|purified|injected|administered|engineered|same)\s+)?"
                         # "the gene-edited exosomes", "these miRNA-modified EVs": the study's
                         # preparation named by what was done to it (round 9a)
                         r"(?:[\w]+-(?:edited|modified|engineered|loaded|enriched|transfected|"
                         r"primed|preconditioned|pretreated)\s+)?$",
                         re.I)
_GENERIC_NOUN = re.compile(r"\b(?:the|these|those|such|this)\s+(?:(?:isolated|purified|"
                           r"same)\s+)?(?:nano-?)?(?:vesicles?|particles?)\b", re.I)
_MAY_GENERIC_NOUN = Needs(_GENERIC_NOUN)  # its keyword guard


# vesicles of a body fluid or of patients are the patients', never the therapeutic product
_BODY = re.compile(r"\b(?:serum|plasma|blood|circulating|urinary|urine|salivary|"
                   r"cerebrospinal|CSF|patients?['’]?|patient-derived|endogenous)\s+"
                   r"(?:\w+\s+){0,2}$", re.I)


# "the exosome group", "exosome-treated rats", "following exosome administration": the
# study's treatment
_TREATMENT_AFTER = re.compile(r"^\s*(?:-\s*)?(?:(?:treated|injected|infused)\b|(?:group|groups|"
                              r"arm|administration|injection|infusion|delivery)\b)", re.I)


def is_body_vesicle(a: Analysed, m: Mention) -> bool:
    """True when vesicle mention ``m`` names vesicles of a body fluid or of patients ("serum
    exosomes", "the patients' circulating EVs")."""
    return bool(_BODY.search(a.text[max(0, m.start - 40):m.start]))


# "targeted EV-based therapies", "engineered exosome therapies": the words around the
# vesicle say what kind of therapy; no product of the study is named
_KIND_OF_THERAPY = re.compile(r"\s*[-\u2010]\s*based\b|\s+(?:therapies|strategies|"
                              r"approaches)\b", re.I)


def names_kind_of_therapy(text: str, end: int) -> bool:
    """True when the vesicle word ending at ``end`` names a kind of therapy ("EV-based
    therapies", "exosome therapies"), not the vesicles of a study."""
    return bool(_KIND_OF_THERAPY.match(text, end))


#: a short form that is only a vesicle word ("EVs", "Exos", "sEVs", "MPs")
_PLAIN_SHORT = re.compile(r"[sl]?EVs?|Exos?|EXOs?|exos?|EXs?|MPs?|MVs?")
#: a short form of initials glued to a vesicle word: "BDMPs" (brain-derived microparticles),
#: "BDEVs", "PMPs"; not a source cell's short form joined to one ("hNSC-Exo", "NSC EVs")
_INITIALS_GLUED = re.compile(r"[A-Za-z]{1,4}(?:MPs?|EVs?|Exos?|EXOs?|MVs?)")


def names_origin(m: Mention) -> bool:
    """True when vesicle mention ``m`` is a short form the document defined that glues
    initials to the vesicle word: "BDMPs" for brain-derived microparticles are vesicles of
    that origin, never the study's preparation named less fully."""
    return m.source == "abbreviation" and bool(_INITIALS_GLUED.fullmatch(m.text)) and \
        not _PLAIN_SHORT.fullmatch(m.text)


def _is_reference(a: Analysed, m: Mention) -> bool:
    if m.category != "Vesicle" or is_body_vesicle(a, m) or \
            names_kind_of_therapy(a.text, m.end) or names_origin(m):
        return False
    if _DETERMINER.search(a.text[max(0, m.start - 30):m.start]):
        return True
    if _TREATMENT_AFTER.match(a.text[m.end:m.end + 20]):
        return True
    return any(c.isupper() for c in m.text[1:])


def _same_product(m: Mention, preparation: Entity | None) -> bool:
    """True when preparation mention ``m`` names the document's ``preparation`` less fully:
    the same parts but for the source taxon ("MSC-derived exosomes" after "human
    MSC-derived exosomes")."""
    if preparation is None or m.category != "ExosomePreparation" or \
            m.entity.id == preparation.id:
        return False
    mine = {(k, v) for k, v in m.entity.attributes if k != "sourceTaxon"}
    theirs = {(k, v) for k, v in preparation.attributes if k != "sourceTaxon"}
    if mine == theirs and not m.entity.attr("sourceTaxon"):
        return True
    # "Zeb2/Axin2-enriched exosomes" after "Zeb2/Axin2-enriched BMSC-derived exosomes": an
    # engineered product named without its source cells
    return bool(m.entity.attr("cargo")) and not m.entity.attr("sourceCell") and \
        mine == {(k, v) for k, v in theirs if k != "sourceCell"}


def _also_named(entity: Entity, other: Entity) -> Entity:
    """``entity`` with the names ``other`` was written under as synonyms too."""
    names = {other.label, *other.synonyms} - {entity.label, *entity.synonyms}
    if not names:
        return entity
    return replace(entity, synonyms=tuple(sorted({*entity.synonyms, *names})))


#: a less fully named preparation as the subject of earlier work ("MSC exosomes have been
#: shown to ...", "MSC-derived EVs (MSC-EVs) have previously been reported to ..."): the kind
#: of product the field knows, not the study's own (round 14b)
_EARLIER_WORK_AFTER = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:have|has)\s+(?:\w+ly\s+)?"
                                 r"been\s+(?:\w+ly\s+)?(?:shown|reported|demonstrated|found|"
                                 r"proven|proved|documented|described|recognized|recognised)\b",
                                 re.I)


def resolve_references(a: Analysed, state: DocumentState) -> Analysed:
    """``a`` with its references to the document's preparation resolved (see the module
    docs); ``a`` itself when there is nothing to resolve."""
    def antecedent(at: int) -> Entity | None:
        earlier = [m for m in a.mentions if m.category == "ExosomePreparation" and m.end <= at]
        return earlier[-1].entity if earlier else state.preparation

    changed = False
    mentions: list[Mention] = []
    for m in a.mentions:
        preparation = antecedent(m.start) if _is_reference(a, m) else None
        if preparation is None and _same_product(m, state.preparation) and \
                not _EARLIER_WORK_AFTER.match(a.text, m.end):
            # a name of its own for the same product: kept as a synonym
            preparation = _also_named(state.preparation, m.entity)
        if preparation is not None:
            mentions.append(Mention(preparation, m.start, m.end, m.text, "reference"))
            changed = True
        else:
            mentions.append(m)
    for g in _GENERIC_NOUN.finditer(a.text) if _MAY_GENERIC_NOUN.may_match(a.text) else ():
        start = g.end() - len(re.search(r"\S+$", g.group()).group())
        preparation = antecedent(start) or state.vesicle
        if preparation is not None and not any(m.start < g.end() and start < m.end
                                               for m in mentions):
            mentions.append(Mention(preparation, start, g.end(), a.text[start:g.end()],
                                    "reference"))
            changed = True
    if not changed:
        return a
    mentions.sort(key=lambda m: (m.start, m.source))
    return replace(a, mentions=tuple(mentions))
