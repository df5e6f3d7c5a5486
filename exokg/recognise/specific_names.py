"""Longer noun phrases that name something more specific than the name at their head.

The dictionaries match the shortest name they know, and a phrase that names a particular
pathway or a particular form of a disease was read as its generic head:

* **named pathways**: "NF-κB signaling pathway", "TLR4/NF-κB signalling pathway",
  "Wnt/β-catenin signaling pathway" were read as GO's generic *signal transduction*
  (GO:0007165, whose synonym is "signaling pathway"), so a claim that exosomes suppress the
  NF-κB pathway became a claim about signal transduction as such. When the generic mention
  is written right after the names of molecules (a word with a capital, a Greek letter or a
  digit: "NF-κB", "TLR4", "β-catenin"; several joined by "/"), the whole phrase is one
  pathway: the lexicon's process of that name when it has one, else a minted process
  (``exokg:pathway/...``) named by the phrase.
* **subtypes named by the size of the vessel**: "large artery atherosclerosis" (a subtype
  of ischaemic stroke in the TOAST classification, beside "small vessel occlusion") was
  read as the artery and atherosclerosis; a disease name written right after an
  anatomical name that a size word opens ("large", "small"), with no dictionary name for
  the whole, is one disease named by the whole phrase (a minted disease,
  ``exokg:disease/...``, labelled with the phrase). A phrase the lexicon names as a whole
  ("coronary artery disease") is matched by the lexicon already and is not touched.

Both give claim participants only (:meth:`exokg.recognise.Recogniser.analyse` puts them
among the top-level mentions, source ``"phrase"``); the annotation layer (``exokg
annotate``, the corpus benchmarks) keeps the names as matched, since the corpora mark the
gene in "NF-kappaB signaling" and the disease in "artery atherosclerosis".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from exokg.ids import mint
from exokg.model import Entity, Mention

__all__ = ["named_pathway", "specific_names"]

#: GO's generic signal transduction, which "signaling pathway" names.
SIGNAL_TRANSDUCTION = "GO:0007165"
#: One molecule's name as a pathway is named after it: letters, digits, Greek letters and
#: inner hyphens ("NF-κB", "TLR4", "β-catenin", "PI3K").
_MOLECULE = r"[A-Za-z0-9\u0370-\u03ff]+(?:-[A-Za-z0-9\u0370-\u03ff]+)*"
#: Molecule names joined by "/" right before the generic mention ("TLR4/NF-κB ").
_NAMES_BEFORE = re.compile(rf"(?<![\w/-])({_MOLECULE}(?:\s?/\s?{_MOLECULE})*)\s+$")
_MARKED = re.compile(r"[A-Z0-9\u0370-\u03ff]")
#: Size words that open a subtype named by its vessel ("large artery atherosclerosis"); a
#: site without one ("brain swelling", "liver injury") names the outcome, not a subtype.
_SIZE = re.compile(r"(?:(?:large|small)[\s-])?$", re.I)
_SITE_CATEGORIES = frozenset({"AnatomicalEntity"})
_DISEASE_CATEGORIES = frozenset({"Disease"})


def _molecule_words(names: str) -> bool:
    """True when every "/"-joined word of ``names`` is written as a molecule's name: with a
    capital, a digit or a Greek letter ("NF-κB", "Wnt"), not a plain word ("the",
    "inflammatory")."""
    return all(_MARKED.search(part) for part in re.split(r"\s?/\s?", names))


def _pathway_key(phrase: str) -> str:
    """The key a named pathway is minted under: lower case, one space between words, the
    American "signaling" and a singular "pathway", so "TLR4/NF-κB signalling pathways" and
    "TLR4/NF-κB signaling pathway" are one pathway."""
    key = re.sub(r"\s+", " ", phrase.lower().replace("signalling", "signaling"))
    return re.sub(r"\s?/\s?", "/", re.sub(r"pathways$", "pathway", key))


def named_pathway(phrase: str) -> Entity:
    """The minted pathway (``exokg:pathway/...``, a BiologicalProcess) that ``phrase``
    ("PTEN/Akt pathway", "Nrf2/HO-1 signaling") names, labelled with the phrase.

    >>> a, b = named_pathway("Akt signalling pathways"), named_pathway("Akt signaling pathway")
    >>> a.id == b.id, a.label
    (True, 'Akt signalling pathways')
    """
    return Entity(mint("pathway", _pathway_key(phrase)), phrase, "BiologicalProcess")


def _pathway(text: str, m: Mention,
             lookup: Callable[[str], Sequence[Entity]]) -> Mention | None:
    """The pathway named by the molecule names before the generic mention ``m``, or None."""
    before = _NAMES_BEFORE.search(text, 0, m.start)
    if before is None or not _molecule_words(before.group(1)):
        return None
    start = before.start(1)
    phrase = text[start:m.end]
    known = [e for e in lookup(phrase) if e.category == "BiologicalProcess"]
    entity = known[0] if known else named_pathway(phrase)
    return Mention(entity, start, m.end, phrase, "phrase")


def _subtype(text: str, site: Mention, disease: Mention,
             lookup: Callable[[str], Sequence[Entity]]) -> Mention | None:
    """The disease named by an optional size word, ``site`` and ``disease`` written side by
    side ("large artery atherosclerosis"), or None when the lexicon names the whole."""
    if text[site.end:disease.start] not in (" ", "-"):
        return None
    size = _SIZE.search(text, 0, site.start)
    if size is None or not size.group():
        return None  # "brain swelling", "liver injury": the outcome a therapy changes
    start = size.start()
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
        return None
    phrase = text[start:disease.end]
    if any(e.category in _DISEASE_CATEGORIES for e in lookup(phrase)):
        return None
    entity = Entity(mint("disease", phrase.lower()), phrase, "Disease")
    return Mention(entity, start, disease.end, phrase, "phrase")


def specific_names(text: str, found: Sequence[Mention],
                   lookup: Callable[[str], Sequence[Entity]]) -> list[Mention]:
    """Mentions of the longer names in ``text`` that ``found`` (the sentence's dictionary
    mentions) read as their generic head: named pathways and site-named disease subtypes
    (see the module docs). ``lookup`` is the lexicon's name look-up. Returns new mentions
    (source ``"phrase"``), sorted by start; never raises."""
    out: list[Mention] = []
    ordered = sorted(found, key=lambda m: (m.start, -m.end))
    for i, m in enumerate(ordered):
        if m.entity.id == SIGNAL_TRANSDUCTION:
            pathway = _pathway(text, m, lookup)
            if pathway is not None:
                out.append(pathway)
        elif m.category in _SITE_CATEGORIES:
            for d in ordered[i + 1:]:
                if d.start > m.end + 1:
                    break
                if d.category in _DISEASE_CATEGORIES:
                    subtype = _subtype(text, m, d, lookup)
                    if subtype is not None:
                        out.append(subtype)
                        break
    return sorted(out, key=lambda m: (m.start, m.end))
