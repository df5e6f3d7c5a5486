"""Gene and protein names no gene table grounds: recognised for annotation, not for claims.

The open lexicon grounds the names NCBI Gene gives human genes. Text names far more genes
and proteins: enzymes ("alkaline phosphatase", "protein kinase C"), receptors and factors
("dopamine receptor", "colony-stimulating factor"), families ("MAP kinases", "Ras"),
complexes and elements ("AP-1 site"), other species' genes ("SNF1", "GCN4"). This module
finds them with four rules, applied to a sentence's text after the other recognisers:

* **names annotators marked** (:func:`gene_name_table`): ``gene-names.tsv``, made by
  ``scripts/make_gene_names.py`` from the training part of the BioCreative II Gene Mention
  corpus; matched with their case, on token boundaries, also in the plural;
* **head nouns** (:data:`HEADS`, and enzyme names ending in ``-ase``): a protein head with
  the words that name it on its left ("cAMP-dependent protein kinase", "carbonic
  anhydrase") and, after it, a short designator ("protein kinase C", "factor IX", "DNA
  polymerase II"); the left edge stops at function words, verbs, adverbs, numbers standing
  alone and the generic words of :data:`_NOT_NAME_WORDS`;
* **symbols by shape** (:func:`_is_symbol`): "SNF1", "Mpk1p", "HLA-B5", but no chemical
  formula, amino-acid position, sequence variant, cell line or another class's name;
* **extensions**: a recognised gene name followed by a head noun that names another
  protein ("IL-2 receptor", "Raf kinase") is read as one ungrounded name; one
  followed by an isoform designator or allele number ("MIP-1 beta", "PLC-gamma1",
  "cdc4-10") names the same gene and keeps its entity.

Every other mention found here is of category ``Protein`` with a minted id
(``exokg:protein-name/<name>``): no gene id is guessed here (the recogniser then gives a
name that names exactly one human gene that gene's id:
:mod:`exokg.recognise.protein_genes`). They are reported by ``exokg annotate``
(and scored by the benchmarks) but never passed to extraction, so an ungrounded protein
name cannot become a claim participant (see :attr:`exokg.model.Analysed.annotated`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files
from typing import NamedTuple

from exokg.ids import mint
from exokg.model import Entity, Mention
from exokg.recognise.lexicon import token_table, tokenize

__all__ = ["HEADS", "MENTION_SOURCE", "ProteinFinder", "gene_name_table", "protein_entity"]

#: ``Mention.source`` of this module's mentions.
MENTION_SOURCE = "protein"

#: Head nouns of protein names (singular; the plural matches too). Enzyme names ending in
#: "-ase" are heads as well (:func:`_is_head`).
HEADS: frozenset[str] = frozenset({
    "kinase", "receptor", "factor", "protein", "enzyme", "ligand", "channel", "transporter",
    "antigen", "hormone", "subunit", "chain", "homolog", "homologue", "oncogene",
    "protooncogene", "proto-oncogene", "globulin", "immunoglobulin", "cyclin", "integrin",
    "cytokine", "interleukin", "interferon", "lectin", "toxin", "glycoprotein",
    "lipoprotein", "polypeptide", "peptide", "activator", "repressor",
    "regulator", "coactivator", "corepressor", "adaptor", "adapter", "exchanger", "pump",
    "isoform", "isozyme", "isoenzyme", "holoenzyme", "complex",
})
#: Heads that never make a name on their own with one generic word ("the protein").
_WEAK_HEADS = frozenset({"protein", "complex", "chain", "activator", "inhibitor",
                         "repressor", "regulator", "pump", "peptide",
                         "antibody", "antigen", "subunit", "isoform", "channel", "factor",
                         "enzyme", "ligand", "toxin", "hormone"})
#: Words ending in "-ase" that are not enzymes.
_NOT_ENZYMES = frozenset({
    "disease", "diseases", "increase", "increases", "decrease", "decreases", "release",
    "releases", "phase", "phases", "base", "bases", "case", "cases", "ease", "lease",
    "phrase", "phrases", "database", "databases", "purchase", "erase", "crease", "cease",
    "chase", "vase", "showcase", "suitcase", "staircase", "briefcase", "please", "tease",
    "appease", "unease", "biphase", "interphase", "metaphase", "anaphase", "prophase",
    "telophase", "release", "rease", "nuclease-free", "metastase", "metastases",
    "kilobase", "kilobases", "megabase", "megabases",
})
#: Words after a head that designate one member: greek letters, roman numerals, a capital.
_DESIGNATOR = re.compile(
    r"(?:[A-Z]|[A-Z]?\d{1,3}[A-Za-z]?|I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XII|XIII|"
    r"alpha|beta|gamma|delta|epsilon|kappa|zeta|eta|theta|lambda|mu|sigma|omega|"
    r"[αβγδεκζηθλμσω])(?:\d{1,2}[a-z]?)?")
#: A greek letter, spelled out or written, with an isoform number ("beta", "gamma1", "α2").
_GREEK = re.compile(r"(?:alpha|beta|gamma|delta|epsilon|kappa|zeta|theta|lambda|sigma|omega|"
                    r"[αβγδεκζθλσω])\d{0,2}[a-z]?")
#: Greek letters spelled out: "beta1", "chi2", "phi29" are no gene symbols on their own.
_GREEK_NAMES = frozenset("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu "
                         "nu xi omicron pi rho sigma tau upsilon phi chi psi omega".split())
#: Words written with a number that names no gene ("day1", "exon4", "lane2").
_COUNTED_WORDS = frozenset("day days week month year hour lane exon intron loop site step type "
                           "form band peak well tube cell dose wave time pool arm".split())
#: A roman numeral ("Ang II", "CaMK II").
_ROMAN = re.compile(r"I{1,3}|IV|VI{0,3}|IX|XI{0,3}")


def _glued_designator(rest: str, name: str) -> bool:
    """True for what may follow a gene name after a hyphen as the same gene's isoform,
    receptor short form or allele: a greek letter, a roman numeral, one capital letter,
    or, after a name ending in a digit, an allele number of one or two digits ("cdc4-10");
    not a promoter position ("FAS-670")."""
    return bool(_GREEK.fullmatch(rest) or _ROMAN.fullmatch(rest)
                or (len(rest) == 1 and rest.isupper())
                or (rest.isdigit() and len(rest) <= 2 and name[-1:].isdigit()))


#: Heads that do not make a gene name into another protein's name: what binds, blocks or
#: detects a gene product ("TSPO ligand", "COX-2 inhibitors", "GcgR antibody") is no gene.
_NOT_EXTENDING = frozenset({"protein", "antibody", "ligand", "inhibitor", "activator",
                            "complex"})
#: Words that end a name's left edge: function words and generic or evaluative modifiers.
_NOT_NAME_WORDS = frozenset("""
a an the this that these those its their his her our your my some any each every all both
either neither no not nor of in on for with without by to from into onto upon at as and or
but than then via per between among within during after before about above below under
over through across against along around is are was were be been being has have had do
does did can could may might must shall should will would which who whom whose what when
where why how it they we you he she i also only such other another same several many
much more most less least few fewer new novel putative possible potential specific
different various distinct respective corresponding similar known unknown major minor
total free active inactive functional mutant mutated wild-type normal abnormal high low
higher lower increased decreased reduced elevated enhanced significant significantly
purified recombinant cloned isolated endogenous exogenous native intact full-length
truncated soluble membrane-bound cellular intracellular extracellular human mouse rat
murine bovine porcine chicken yeast rabbit hamster monkey canine ovine equine feline
serum plasma urinary hepatic renal cardiac neuronal cytoplasmic cytosolic
mitochondrial several two three four five six seven eight nine ten one first second third
type class group family member members subfamily superfamily level levels activity
expression encoding encoded using used via like unlike related certain numerous general
analogous individual additional extra typical unusual common distant mammalian vertebrate
chimeric selective alternate even central apparent identical molecular weight risk
inhibit inhibits activate activates encode encodes involve involves require requires
express expresses enhance enhances induce induces regulate regulates bind binds contain
contains stimulate stimulates block blocks mediate mediates increase increases decrease
decreases reduce reduces affect affects include includes promote promotes suppress
suppresses prevent prevents interact interacts phosphorylate phosphorylates
dephosphorylates recognize recognizes recognise recognises cleave cleaves limit limits
disrupt disrupts produce produces lack lacks form forms show shows reveal reveals
sought called termed designated named see e.g. i.e. vs versus whereas while although
""".split())
#: A molecular weight standing alone before a head ("36-kDa protein", "kD subunit"): a
#: description of an unnamed protein, not a name.
_WEIGHT = re.compile(r"(?:\d+(?:\.\d+)?-?)?(?:kDa|kD|kd|K|Kd|KD|kDa-|MW)", re.IGNORECASE)
#: A gene symbol of another organism or a protein written as a symbol: capitals (and
#: lower-case letters after them) with digits, optionally a hyphenated part, a yeast "p"
#: for the protein ("SNF1", "Mpk1p", "PC4", "CTDK2", "HLA-B5", "Cdc28p"); a hyphenated
#: number of three digits is a promoter position ("FAS-670"), not part of a symbol. Bacterial
#: genes and their proteins are three lower-case letters and a capital ("lacZ", "recA+",
#: "MerR", "LexA"); yeast genes three or four lower-case letters and a number ("cdc2",
#: "wee1", "rad27").
_SYMBOL = re.compile(r"[A-Z][A-Za-z]{0,5}\d{1,4}[A-Za-z]?p?(?:-\d{1,2}[A-Za-z]?)?"
                     r"|[A-Z]{2,6}-[A-Z]{0,3}\d{1,2}[a-z]?"
                     r"|[a-z]{3}[A-Z]\d{0,2}\+?|[A-Z][a-z]{2}[A-Z]\d{0,2}"
                     r"|[a-z]{3,4}\d{1,3}\+?")
#: Words after a symbol that show it names no gene: cell lines, strains, units, positions.
_NOT_AFTER_SYMBOL = frozenset({"cell", "cells", "line", "lines", "strain", "strains",
                               "mice", "rats", "virus", "medium", "phage", "plasmid",
                               "vector", "mg", "ml", "mm", "h", "min", "nm", "cm", "kg"})
#: Chemical element symbols: a word made only of them and digits is a formula (CO2, H2O2).
_ELEMENTS = frozenset("H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Ti V Cr Mn Fe Co "
                      "Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr Mo Ag Cd Sn Sb I Xe Cs Ba W "
                      "Pt Au Hg Pb Bi U Gd Tc Li".split())
_FORMULA_PART = re.compile(r"([A-Z][a-z]?)(\d*)")
_WORD = re.compile(r"[^\s()\[\]{};,]+")
_EDGE_PUNCT = ".:'\"`"
_MAX_LEFT = 4


@lru_cache(maxsize=16384)  # a pure test of one word, asked for every word of a sentence
def _is_head(word: str) -> bool:
    lower = word.lower()
    singular = lower[:-1] if lower.endswith("s") and not lower.endswith("ss") else lower
    if singular in HEADS or lower in HEADS:
        return True
    if singular.endswith("ase") and len(singular) >= 6 and singular not in _NOT_ENZYMES \
            and lower not in _NOT_ENZYMES and not singular.endswith(("phase", "base")):
        return singular[-4] not in "aeiou" or singular.endswith(("lase", "tase"))
    return False


_AMINO_ACID_POSITION = re.compile(
    r"(?:Ala|Arg|Asn|Asp|Cys|Gln|Glu|Gly|His|Ile|Leu|Lys|Met|Phe|Pro|Ser|Thr|Trp|Tyr|Val)"
    r"-?\d+")


#: A sequence variant or a disease abbreviation of the same shape: one letter, a position,
#: one letter ("G12D", "R124C", "T2D").
_SUBSTITUTION = re.compile(r"[A-Z]\d+[A-Z]")


def _is_formula(word: str) -> bool:
    """True for a word made only of element symbols and counts ("CO2", "H2O2", "Ca2")."""
    parts = _FORMULA_PART.findall(word)
    if "".join(a + b for a, b in parts) != word or not all(a in _ELEMENTS for a, _ in parts):
        return False
    # "SNF1" is S, N and F1 too: a formula has two counted elements ("H2O2"), a two-letter
    # element ("CaCl2") or at most two letters ("CO2", "NH4")
    return (sum(1 for _, n in parts if n) >= 2 or any(len(a) == 2 for a, _ in parts)
            or sum(c.isalpha() for c in word) <= 2)


@lru_cache(maxsize=16384)  # a pure test of one word, asked for every word of a sentence
def _is_symbol(word: str) -> bool:
    """True for a word written like a gene symbol (:data:`_SYMBOL`) that is no chemical
    formula, amino-acid position or single letter with a number ("G1", "T4")."""
    if not _SYMBOL.fullmatch(word) or _is_formula(word.replace("-", "")) \
            or _AMINO_ACID_POSITION.fullmatch(word.capitalize()) \
            or _SUBSTITUTION.fullmatch(word) \
            or word.rstrip("+0123456789").lower() in _GREEK_NAMES | _COUNTED_WORDS:
        return False
    return sum(c.isalpha() for c in word) >= 2


def _head_key(word: str) -> str:
    lower = word.lower()
    return lower[:-1] if lower.endswith("s") and not lower.endswith("ss") else lower


def _name_word(word: str) -> bool:
    """True for a word that may stand on the left of a protein head as part of its name."""
    lower = word.lower()
    if lower in _NOT_NAME_WORDS or not any(c.isalpha() for c in word):
        return False
    if word.islower() and "-" not in word and (
            lower.endswith(("ly", "ing", "ed")) and not lower.endswith(("ring", "ling"))):
        return False
    return True


class _Word(NamedTuple):  # a named tuple: made for every word, cheaper than a dataclass
    text: str
    start: int
    end: int


def _words(text: str) -> list[_Word]:
    out = []
    new = tuple.__new__  # a named tuple's own __new__ is a Python call per word
    for m in _WORD.finditer(text):
        word = m[0]
        core = word.strip(_EDGE_PUNCT)  # edge punctuation off both ends
        if core == word:
            out.append(new(_Word, (word, m.start(), m.end())))
        elif core:
            start = m.start() + len(word) - len(word.lstrip(_EDGE_PUNCT))
            out.append(new(_Word, (core, start, start + len(core))))
    return out


def protein_entity(name: str) -> Entity:
    """The ungrounded protein entity of a name as written (category Protein). Its id is
    minted under a kind of its own, ``exokg:protein-name/...``, so it can never be taken
    for a curated protein (``exokg:protein/synaptophysin``) in the entity registry."""
    written = " ".join(name.split())
    return Entity(mint("protein-name", written), written, "Protein")


@lru_cache(maxsize=1)
def gene_name_table() -> tuple[str, ...]:
    """The names of ``exokg/resources/lexicon/gene-names.tsv`` (first column)."""
    text = files("exokg").joinpath("resources", "lexicon", "gene-names.tsv").read_text(
        encoding="utf-8")
    return tuple(line.split("\t", 1)[0] for line in text.splitlines()
                 if line.strip() and not line.startswith("#"))


class _NameMatcher:
    """Case-sensitive longest match of the table's names on token boundaries (tokens as
    :func:`exokg.recognise.lexicon.tokenize` makes them; the last may carry a plural "s").
    Only the name lengths that start with a token are tried, so a sentence costs about one
    dictionary look-up per token."""

    def __init__(self, table: tuple[str, ...]) -> None:
        self._names: set[tuple[str, ...]] = set()
        self._lengths: dict[str, tuple[int, ...]] = {}
        lengths: dict[str, set[int]] = {}
        for name in table:
            key = tuple(t.text for t in tokenize(name))
            if key:
                self._names.add(key)
                lengths.setdefault(key[0], set()).add(len(key))
        self._lengths = {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}

    def find(self, text: str) -> list[tuple[int, int]]:
        """Spans [start, end) of the names in ``text``, longest first, not overlapping."""
        starts = self._lengths
        # only tokens that open a name (or do as a plural) are tried; the sentence's tokens
        # are the curated matcher's, made once for both (token_table)
        texts, _, token_starts, token_ends = token_table(text)
        candidates = [k for k, w in enumerate(texts) if w in starts
                      or (w.endswith("s") and w[:-1] in starts)]
        if not candidates:
            return []
        out: list[tuple[int, int]] = []
        free = 0  # the first token not inside a name found
        for i in candidates:
            if i < free:
                continue
            first = texts[i]
            lengths = self._lengths.get(first) or (
                self._lengths.get(first[:-1], ()) if first.endswith("s") else ())
            hit = 0
            for n in lengths:
                if i + n > len(texts):
                    continue
                words = list(texts[i:i + n])
                if tuple(words) in self._names or (
                        words[-1].endswith("s") and len(words[-1]) > 2
                        and tuple(words[:-1] + [words[-1][:-1]]) in self._names):
                    start, end = token_starts[i], token_ends[i + n - 1]
                    if not (start > 0 and text[start - 1].isalnum()) and \
                            not (end < len(text) and text[end].isalnum()):
                        hit = n
                        break
            if hit:
                out.append((token_starts[i], token_ends[i + hit - 1]))
                free = i + hit
        return out


@lru_cache(maxsize=1)
def _table_matcher() -> _NameMatcher:
    return _NameMatcher(gene_name_table())


class ProteinFinder:
    """Finds protein names in sentence text (stateless; build once, share freely)."""

    def find(self, text: str, known: list[Mention]) -> list[Mention]:
        """Protein names of ``text`` that no mention in ``known`` (the other recognisers'
        base mentions) already covers, plus names that extend a known gene mention with a
        head noun. Returns non-overlapping mentions of source :data:`MENTION_SOURCE`."""
        words = _words(text)
        named = {(m.start, m.end) for m in known if m.category not in ("Gene", "Protein")}
        found: list[tuple[int, int]] = []
        drugs = {(m.start, m.end) for m in known if m.category == "Chemical"}
        found += [span for span in _table_matcher().find(text)  # "thrombin"
                  if span not in named - drugs]
        found += self._head_phrases(text, words)
        found += [(w.start, w.end) for k, w in enumerate(words) if _is_symbol(w.text)
                  and (w.start, w.end) not in named  # a drug code, a cell line
                  and not (k + 1 < len(words)
                           and words[k + 1].text.lower() in _NOT_AFTER_SYMBOL)]
        genes = [m for m in known if m.category in ("Gene", "Protein")]
        extended, same = self._extensions(text, words, genes)
        found += extended
        return [m if (m.start, m.end) not in same else
                Mention(same[(m.start, m.end)], m.start, m.end, m.text, MENTION_SOURCE)
                for m in self._select(text, found, known)]

    def _head_phrases(self, text: str, words: list[_Word]) -> list[tuple[int, int]]:
        out = []
        for i, w in enumerate(words):
            if not _is_head(w.text):
                continue
            j = i
            while j > 0 and i - j < _MAX_LEFT and _name_word(words[j - 1].text) \
                    and text[words[j - 1].end:words[j].start].strip() == "":
                j -= 1
            end = w.end
            if i + 1 < len(words) and _DESIGNATOR.fullmatch(words[i + 1].text) \
                    and text[w.end:words[i + 1].start] == " ":
                end = words[i + 1].end
            head = _head_key(w.text)
            if head == "chain" and i > 0 and words[i - 1].text.lower().endswith("polymerase"):
                continue  # "polymerase chain reaction"
            if j == i and end == w.end and (head in _WEAK_HEADS or head in HEADS):
                continue  # a head noun alone ("kinase", "the receptor") names no protein
            if j == i - 1 and end == w.end and head in _WEAK_HEADS \
                    and words[j].text.islower() and "-" not in words[j].text \
                    and not any(c.isdigit() for c in words[j].text):
                continue  # "transcription factor", "binding protein": a class, not a name
            if all(_WEIGHT.fullmatch(words[k].text) or words[k].text.replace(".", "").isdigit()
                   for k in range(j, i)) and end == w.end:
                continue  # "36-kDa protein": a described protein, not a name
            out.append((words[j].start, end))
        return out

    def _extensions(self, text: str, words: list[_Word], genes: list[Mention]
                    ) -> tuple[list[tuple[int, int]], dict[tuple[int, int], Entity]]:
        """Spans of gene names extended by a head noun ("IL-2 receptor": another protein,
        so ungrounded) or by an isoform designator ("MIP-1 beta", "PLC-gamma1": the same
        gene, so the span keeps its entity, returned in the second value)."""
        by_end = {w.end: k for k, w in enumerate(words)}
        out: list[tuple[int, int]] = []
        same: dict[tuple[int, int], Entity] = {}
        for g in genes:
            k = by_end.get(g.end)
            if k is None or k + 1 >= len(words):
                continue
            nxt = words[k + 1]
            if text[g.end:nxt.start] != " ":
                continue
            if _is_head(nxt.text) and _head_key(nxt.text) not in _NOT_EXTENDING:
                out.append((g.start, nxt.end))
            elif _GREEK.fullmatch(nxt.text) or _ROMAN.fullmatch(nxt.text) or (
                    len(nxt.text) == 1 and nxt.text.isupper()):
                out.append((g.start, nxt.end))  # "MIP-1 beta", "PKC alpha", "Rel B"
                same[(g.start, nxt.end)] = g.entity
        for w in words:  # "PLC-gamma1", "EGF-R", "cdc4-10": a designator after a hyphen
            for g in genes:
                if w.start == g.start and w.end > g.end and text[g.end] == "-" \
                        and _glued_designator(w.text[g.end - w.start + 1:], g.text):
                    out.append((w.start, w.end))
                    same[(w.start, w.end)] = g.entity
        return out, same

    @staticmethod
    def _select(text: str, spans: list[tuple[int, int]], known: list[Mention]
                ) -> list[Mention]:
        others = [m for m in known if m.category not in ("Gene", "Protein")]
        genes = [m for m in known if m.category in ("Gene", "Protein")]
        kept: list[tuple[int, int]] = []
        for start, end in sorted(set(spans), key=lambda s: (-(s[1] - s[0]), s[0])):
            if any(s < end and start < e for s, e in kept):
                continue
            if any(m.start < end and start < m.end and not (start <= m.start and m.end <= end)
                   for m in others):
                continue  # crosses a disease, cell, chemical ... name
            if any(m.start <= start and end <= m.end for m in genes):
                continue  # a grounded gene name already covers it
            if any(m.start < end and start < m.end and not (start <= m.start and m.end <= end)
                   for m in genes):
                continue  # crosses a grounded gene name
            kept.append((start, end))
        return [Mention(protein_entity(text[s:e]), s, e, text[s:e], MENTION_SOURCE)
                for s, e in sorted(kept)]
