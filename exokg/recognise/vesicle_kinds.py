"""Vesicle kinds named by a modifier of the vesicle noun: "matrix-bound nanovesicles",
"exosome-like vesicles", "exosome-mimetic nanovesicles", "plant-derived exosome-like
nanovesicles", "apoptotic bodies", "apoptotic vesicles".

The field names vesicles it did not isolate from cells by what they are bound to, what they
resemble or how they were made; each such name is a kind of its own, not the plain exosomes
or extracellular vesicles of cells (a matrix-bound nanovesicle is not an MSC exosome). The
reading is by form: a vesicle noun (``vesicle``, ``nanovesicle``, ``microvesicle``, with or
without "extracellular", ``EV``, ``exosome``; ``body`` only after "apoptotic",
``nanoparticle`` only after "exosome-like" or "vesicle-mimetic") with one to three modifiers
before it, each a hyphenated word ending in ``-bound``, ``-like``, ``-mimetic``, ``-mimicking``, ``-coated``,
``-anchored`` or ``-derived``, or the adjective "apoptotic". The name with its modifiers is
the kind: a minted ``Vesicle`` entity (``exokg:vesicle/<name>``) whose ``skos:broadMatch`` is
the extracellular vesicle (GO:1903561), or the exosome (GO:0070062) when the noun is
"exosome". Its short form ("(MBV)") then carries it through the document
(:mod:`.document`), and source cells named with it ("MSC-derived exosome-mimetic
nanovesicles") make it a preparation of those cells (:mod:`.composite`).

Not a kind: a modifier every vesicle has ("small membrane-bound vesicles" describes EVs); a
resemblance before the nouns of a known kind ("vesicle-like exosomes" are exosomes). Left to
the readers that own them: "X-derived" vesicles whose X is a cell, an anatomical structure or
body fluid, a disease, a gene, a protein, a species or a chemical ("MSC-derived EVs",
"plasma-derived exosomes" (a patient study's sample), "tumor-derived exosomes",
"neuron-derived exosomes"; "milk-derived exosomes" too, milk being an UBERON fluid): the
composite preparation and the biomarker rules read them. A source the document has not defined
yet reads as a kind ("NSC-derived exosomes" in a title before "neural stem cells (NSCs)"). No
kind: a vesicle noun with no such modifier ("synaptic vesicles", "secretory vesicles" are
organelles, "small EVs" a size class).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exokg.ids import mint
from exokg.model import Entity, Mention
from exokg.text.prefilter import Needs

__all__ = ["vesicle_kinds"]

_MODIFIER = r"[A-Za-z][\w]*(?:-[\w]+)*-(?:bound|like|mimetic|mimicking|coated|anchored|derived)"
_NOUN = (r"(?P<noun>(?:extracellular\s+)?(?:nano|micro)?-?vesicles?|EVs?|exosomes?|"
         r"(?<=apoptotic\s)bod(?:y|ies)|"
         # "exosome-like nanoparticles": particles only when named like a vesicle
         r"(?<=(?:like|etic|king)\s)nanoparticles?)")
#: a modifier that names particles as vesicles ("exosome-like", "EV-mimetic")
_VESICLE_LIKE = re.compile(r"(?:exosome|vesicle|EV)s?-(?:like|mimetic|mimicking)$", re.I)
_KIND = re.compile(r"(?<![\w-])(?P<mods>(?:(?:" + _MODIFIER + r"|apoptotic)\s+){1,3})" + _NOUN
                   + r"(?![\w-])", re.I)

#: a modifier every vesicle has ("membrane-bound", "lipid bilayer-enclosed"): a description,
#: no kind ("EVs are small membrane-bound vesicles")
_EVERY_VESICLE = re.compile(r"(?:lipid-)?(?:bilayer|membrane)-(?:bound|enclosed|delimited|"
                            r"coated)$", re.I)
#: a resemblance modifier ("-like", "-mimetic") names a kind of the general nouns only:
#: "extracellular vesicle-like exosomes" are exosomes
_RESEMBLANCE = re.compile(r"-(?:like|mimetic|mimicking)$", re.I)
_MAY_KIND = Needs(_KIND)  # a modifier's ending and a vesicle noun, both
_EXOSOME = "GO:0070062"
_EV = "GO:1903561"
#: categories whose "X-derived" vesicles another reader owns (a preparation of cells, a
#: sample of a body fluid or tissue, a population of a tumour or of a marker)
_OWNED_SOURCES = frozenset({"Cell", "AnatomicalEntity", "Disease", "Gene", "Protein",
                            "Phenotype", "Species", "MicroRNA", "Chemical", "Drug"})


def _singular(noun: str) -> tuple[str, str]:
    """The name and broader vesicle id of a vesicle noun as written."""
    lower = noun.lower().replace("-", "")
    if lower.startswith("extracellular"):  # "matrix-bound extracellular vesicles"
        return "extracellular " + _singular(lower.split()[-1])[0], _EV
    if lower.startswith("exosome"):
        return "exosome", _EXOSOME
    if lower in ("ev", "evs"):
        return "extracellular vesicle", _EV
    if lower in ("body", "bodies"):
        return "body", _EV
    return lower.removesuffix("s"), _EV


def vesicle_kinds(text: str, found: Sequence[Mention]) -> list[Mention]:
    """A ``Vesicle`` mention for each vesicle kind named by modifiers in ``text`` (one
    sentence, its base mentions ``found``). Returns the new mentions; the caller drops the
    mentions inside them ("exosome" in "exosome-like vesicles")."""
    out: list[Mention] = []
    if not _MAY_KIND.may_match(text):
        return out
    for m in _KIND.finditer(text):
        words = [(w.start(), w.group()) for w in re.finditer(r"\S+", m.group("mods"))]
        words = [(m.start("mods") + at, w) for at, w in words]
        # "MSC-derived exosome-like nanovesicles": the cells are the source of the kind
        # (the composite preparation reads them), the kind starts after them
        while words and _owned(found, *words[0]):
            words = words[1:]
        words = [w for w in words if not _EVERY_VESICLE.match(w[1])]
        if not words or any(_owned(found, *w) for w in words):
            continue
        noun, broader = _singular(m.group("noun"))
        if noun in ("exosome", "extracellular vesicle") and _RESEMBLANCE.search(words[-1][1]):
            continue
        if noun == "body" and words[-1][1].lower() != "apoptotic" or \
                noun == "nanoparticle" and not _VESICLE_LIKE.match(words[-1][1]):
            continue
        name = " ".join([*(w.lower() for _, w in words), noun])
        entity = Entity(mint("vesicle", name), name, "Vesicle",
                        attributes=(("skos:broadMatch", broader),))
        start = words[0][0]
        out.append(Mention(entity, start, m.end(), text[start:m.end()], "phrase"))
    return out


def _owned(found: Sequence[Mention], at: int, word: str) -> bool:
    """Whether the modifier ``word`` at ``at`` is "X-derived" with X a mention another
    reader owns (a cell, a tissue or fluid, a disease, a molecule ...)."""
    if not word.lower().endswith("-derived"):
        return False
    end = at + len(word) - len("-derived")
    return any(f.start < end and at < f.end for f in found if f.category in _OWNED_SOURCES)
