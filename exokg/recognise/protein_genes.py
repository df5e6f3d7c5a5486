"""Gene ids for protein names and for gene abbreviations written with a lower-case prefix.

The protein-name layer (:mod:`exokg.recognise.proteins`) finds names such as
"brain-derived neurotrophic factor", "beta-catenin" or "PAI-1" where the open lexicon gave
no gene there (a curated general name such as "neurotrophic factor" won the span, or the
document defined the short form with a long form no table knows), and mints an id for each.
:func:`gene_for_protein_name` gives such a name the NCBI Gene id when the human gene table
(org.Hs.eg.db, compiled into the open lexicon) names exactly one gene by it, trying in turn:

* the name as written, then its singular ("receptors" -> "receptor");
* a Greek letter before the noun put after it, as the gene table's full names write it
  ("beta-catenin" -> "catenin beta", "alpha-synuclein" -> "synuclein alpha");
* each of these with " 1" added when the table has that name with " 1" and not with
  " 2" (the one numbered member: "catenin beta" -> "catenin beta 1" = CTNNB1; "catenin
  alpha" has members 1, 2 and 3 and stays ungrounded).

A name counts only under the lexicon's own case rules (a symbol or alias with its case, or
in another case when the compiler allowed that: ``CASE_RELAXED``), except that a protein
name written as a lower-case word may match an all-capital alias of the same letters
("tau" -> TAU, an alias of MAPT): proteins named by a word are written in lower case. A
name that names several genes (an alias the compiler dropped as shared, "PSA", "ERK"; a
family, "superoxide dismutase") stays ungrounded: the graph model has no gene family class
(docs/graph-model.md), so no family id is given.

:func:`prefixed_genes` reads a gene abbreviation written with a lower-case prefix as the
gene of its core: "p-tau" and "pAKT" (phosphorylated), "t-tau" (total), "sICAM-1"
(soluble), "hBDNF" and "hOGG1" (human), "rhVEGF" (recombinant human). The span
is the whole word, as the corpora mark it. The graph model has no place for the prefix's
meaning (a mention carries an entity, no modification), so the mention is the gene alone;
the written form stays the mention's text. A word the lexicon matched exactly as written
keeps that reading (an alias such as "hOGG1"), and so does one written as a gene's official
symbol in another case ("mTOR" is MTOR, not the "TOR" alias of RORC); a whole-word alias
matched only by relaxing case gives way to the core's gene. And a word of one or two
lower-case letters before a field abbreviation ("aSAH", "iNSC", "hBM-MSCs") is no gene
at all (:func:`prefixed_field_abbreviation`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from importlib.resources import files

from exokg.model import Entity, Mention
from exokg.recognise.field_spellings import letter_prefixed_aliases
from exokg.recognise.gene_symbols import gene_context_words

__all__ = ["gene_for_protein_name", "grounded_protein_names", "prefixed_field_abbreviation",
           "prefixed_genes"]

#: Candidate flags of :mod:`exokg.lexicon.compile` (copied: importing the compiler module
#: is not needed to read a candidate).
_CASE_RELAXED = 4
_NO_SPACE = 8
_NEEDS_GENE_CONTEXT = 1
_WORD = re.compile(r"[A-Za-z]+")
#: ``Mention.source`` of the open lexicon's mentions (:data:`exokg.lexicon.MENTION_SOURCE`).
_LEXICON_SOURCE = "ontology"

_GREEK_FIRST = re.compile(
    r"(?P<greek>alpha|beta|gamma|delta|epsilon|kappa|zeta|theta|lambda|sigma|omega|"
    r"[αβγδεκζθλσω])[- ](?P<rest>[A-Za-z][\w-]*(?: [\w-]+)*)", re.IGNORECASE)
_GREEK_LETTERS = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon",
                  "κ": "kappa", "ζ": "zeta", "θ": "theta", "λ": "lambda", "σ": "sigma",
                  "ω": "omega"}

#: Prefixes of gene abbreviations: phosphorylated, total, soluble, human, rat or
#: recombinant, recombinant human, human recombinant. Not "m": it stands for mouse but as
#: often for a word of the protein's own name ("mGluR5" metabotropic, "mPGES-1" microsomal),
#: so the core's gene is often another gene (GluR5 is GRIK1, mGluR5 GRM5).
_PREFIXED = re.compile(
    r"(?<![\w-])(?P<prefix>rh|hr|p|t|s|h|r)(?=-[A-Za-z]|[A-Z])(?P<hyphen>-?)"
    r"(?P<core>[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)(?![\w-])")
#: A word of one or two lower-case letters before a capital abbreviation ("aSAH", "iNSC",
#: "hBM"), optionally glued by a hyphen to another one ("hBM-MSCs").
_LOWER_PREFIXED = re.compile(r"(?P<prefix>[a-z]{1,2})(?P<core>[A-Z][A-Z0-9]+)"
                             r"(?:-(?P<next>[A-Za-z]+))?")


def _lower_word(surface: str) -> bool:
    return surface.isalpha() and surface.islower() and len(surface) >= 3


def _case_ok(surface: str, case: str, flags: int, *, word_relaxed: bool) -> bool:
    """The lexicon's case rule for one candidate (:meth:`Lexicon._choose`), plus, when
    ``word_relaxed``, a lower-case word against an all-capital case form ("tau", TAU)."""
    if not case:
        return True
    written = "".join(c for c in surface if c.isalnum())
    form = "".join(c for c in case if c.isalnum())
    if written == form:
        return True
    if written.casefold() != form.casefold():
        return False
    if flags & _CASE_RELAXED and (not written.islower() or any(c.isdigit() for c in written)):
        return True
    return word_relaxed and _lower_word(written) and form.isupper()


def _genes_named(lexicon: object, name: str, surface: str, *, word_relaxed: bool,
                 context: bool = True, plural: bool = False) -> set[Entity]:
    """The distinct Gene entities the lexicon names ``name`` for, under the case rules; a
    gene symbol that is an English word (``NEEDS_GENE_CONTEXT``) only when ``context`` (a
    gene word is near), and with ``plural`` (``name`` is the singular of what was
    written) only case-insensitive names: "RTRs" or "ADHs" are several genes."""
    spaced = " " in name.strip()
    out: dict[str, Entity] = {}
    for entity, case, flags in lexicon.candidates(name):  # type: ignore[attr-defined]
        if entity.category != "Gene" or (spaced and flags & _NO_SPACE) or \
                (flags & _NEEDS_GENE_CONTEXT and not context) or (plural and case):
            continue
        if _case_ok(surface, case, flags, word_relaxed=word_relaxed):
            out.setdefault(entity.id, entity)
    return set(out.values())


def _forms(name: str) -> list[tuple[str, bool, bool]]:
    """The forms of a protein name tried in turn (see the module docs), each with whether
    it is the name as written (or its singular), to which the lower-case word rule
    applies, and whether it is a singular made here."""
    written = " ".join(name.split())
    forms = [(written, True, False)]
    if written.endswith("s") and not written.endswith("ss") and len(written) > 3:
        forms.append((written[:-1], True, True))
    for form, _, plural in list(forms):
        m = _GREEK_FIRST.fullmatch(form)
        if m is not None:
            greek = m.group("greek").lower()
            forms.append((f"{m.group('rest')} {_GREEK_LETTERS.get(greek, greek)}", False,
                          plural))
    # "E-cadherin" -> the aliases "ECAD", "CDHE" (exokg.recognise.field_spellings)
    forms += [(alias, False, False) for alias in letter_prefixed_aliases(written)]
    return forms


def gene_for_protein_name(lexicon: object, name: str, *, context: bool = True
                          ) -> Entity | None:
    """The one human gene ``lexicon`` (an :class:`exokg.lexicon.Lexicon`) names by the
    protein name ``name``, or None when it names none or several (module docs).
    ``context``: whether a gene word is near (needed for a symbol that is an English
    word, "CAT")."""
    for form, as_written, plural in _forms(name):
        genes = _genes_named(lexicon, form, form, word_relaxed=as_written, context=context,
                             plural=plural)
        if len(genes) == 1:
            return next(iter(genes))
        if genes:
            return None  # names several genes: no guess
        if " " in form and not plural:  # "catenin beta" -> "catenin beta 1"
            first = _genes_named(lexicon, form + " 1", form + " 1", word_relaxed=False)
            if len(first) == 1 and not any(
                    _genes_named(lexicon, f"{form} {n}", f"{form} {n}", word_relaxed=False)
                    for n in (2, 3)):
                return next(iter(first))
    return None


def grounded_protein_names(text: str, mentions: Sequence[Mention], lexicon: object | None
                           ) -> list[Mention]:
    """``mentions`` (protein names of :class:`exokg.recognise.proteins.ProteinFinder` in
    ``text``) with each minted protein name that names one human gene given that gene's
    entity (same span, text and source). Without a lexicon, ``mentions`` unchanged."""
    if lexicon is None:
        return list(mentions)
    out = []
    for m in mentions:
        gene = None
        if m.entity.category == "Protein" and m.entity.id.startswith("exokg:protein-name/"):
            gene = gene_for_protein_name(lexicon, m.text,
                                         context=_gene_word_near(text, m.start, m.end))
        out.append(m if gene is None else Mention(gene, m.start, m.end, m.text, m.source))
    return out


def _gene_word_near(text: str, start: int, end: int) -> bool:
    """True when a gene word (``gene-context.txt``) is within three words of the span."""
    before = _WORD.findall(text[max(0, start - 60):start])[-3:]
    after = _WORD.findall(text[end:end + 60])[:3]
    words = gene_context_words()
    return any(w.casefold() in words for w in (*before, *after))


@lru_cache(maxsize=1)
def _field_abbreviations() -> frozenset[str]:
    """The field's abbreviations (``field-abbreviations.txt``), as written."""
    text = files("exokg").joinpath("resources", "lexicon", "field-abbreviations.txt").read_text(
        encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.lstrip().startswith("#"))


def prefixed_field_abbreviation(word: str) -> bool:
    """True for a word of one or two lower-case letters before a field abbreviation, or
    glued by a hyphen to one: "aSAH" (aneurysmal SAH), "iNSC" (induced NSC), "hBM-MSCs" —
    a prefixed abbreviation of the field, not a gene symbol in another case.

    >>> prefixed_field_abbreviation("aSAH"), prefixed_field_abbreviation("hBM-MSCs")
    (True, True)
    >>> prefixed_field_abbreviation("mTOR")
    False
    """
    m = _LOWER_PREFIXED.fullmatch(word)
    if m is None:
        return False
    field = _field_abbreviations()
    nxt = m.group("next")
    return m.group("core") in field or m.group("core").rstrip("s") in field or (
        nxt is not None and (nxt in field or nxt.rstrip("s") in field))


def _whole_word(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the word (letters, digits, hyphens) around ``text[start:end]``."""
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] == "-"):
        end += 1
    return start, end


def prefixed_genes(text: str, mentions: Sequence[Mention], lexicon: object
                   ) -> list[Mention]:
    """``mentions`` (the open lexicon's, of ``text``) with gene abbreviations written with
    a lower-case prefix read as their core's gene over the whole word, and case-relaxed
    gene readings of prefixed field abbreviations dropped (module docs). Returns mentions
    in text order; the new ones have the source of the lexicon's mentions ("ontology")."""
    out: list[Mention] = []
    for m in mentions:
        if m.entity.category == "Gene" and m.text != m.text.upper() and \
                prefixed_field_abbreviation(text[slice(*_whole_word(text, m.start, m.end))]):
            continue  # "aSAH", "iNSC", "hBM" in "hBM-MSCs"
        out.append(m)
    for match in _PREFIXED.finditer(text):
        core = match.group("core")
        if not match.group("hyphen") and not core[:1].isupper():
            continue  # "phase", "sites": a word, no prefix
        start, end = match.start(), match.end()
        inside = [m for m in out if start <= m.start and m.end <= end]
        if any(o.start < end and start < o.end and not (start <= o.start and o.end <= end)
               for o in out):
            continue  # crosses another name
        whole = [m for m in inside if m.start == start and m.end == end]
        if whole and any(_written_exactly(lexicon, m) or _official_symbol(m) for m in whole):
            continue  # an alias written so ("hOGG1"), an official symbol ("mTOR": MTOR)
        if any(m.entity.category != "Gene" for m in inside):
            continue  # "hUC" in "hUC-MSCs", a cell, a disease
        genes = _genes_named(lexicon, core, core,
                             word_relaxed=bool(match.group("hyphen")))
        if len(genes) != 1:
            continue
        gene = next(iter(genes))
        if whole and whole[0].entity.id == gene.id:
            continue
        out = [m for m in out if m not in inside]
        out.append(Mention(gene, start, end, text[start:end], _LEXICON_SOURCE))
    return sorted(out, key=lambda m: (m.start, -m.end))


def _official_symbol(m: Mention) -> bool:
    """True when ``m`` is written as its gene's official symbol (the entity's label), in
    any case ("mTOR" for MTOR)."""
    return _alnum(m.text).casefold() == _alnum(m.entity.label).casefold()


def _alnum(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def _written_exactly(lexicon: object, m: Mention) -> bool:
    """True when a candidate of ``m``'s entity has exactly ``m``'s written form."""
    written = "".join(c for c in m.text if c.isalnum())
    return any(e.id == m.entity.id and "".join(c for c in case if c.isalnum()) == written
               for e, case, _ in lexicon.candidates(m.text))  # type: ignore[attr-defined]
