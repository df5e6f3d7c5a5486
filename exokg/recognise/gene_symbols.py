"""When a gene symbol the open lexicon matched is no gene: units, ions, amino acids and
hippocampal fields written like symbols.

NCBI Gene lists many short aliases that text writes for other things: units ("min-1" is an
alias of CD59, "kPa" of LRP1, "mol" of DUOXA1), ions ("Ca2" of CA2 in "Ca2+"), amino acids
("Tyr" of TYR in "poly(Glu, Tyr)", "Trp-595") and the fields of the hippocampus ("CA1" is
the official symbol of carbonic anhydrase 1, and the CA1 field in "hippocampal CA1
neurons"). :func:`other_reading` tells, from the shape of the match and the words around
it, which of these a gene mention is; the recogniser then drops the gene reading
(:class:`exokg.recognise.open.OpenLexicon`). The rules were written from the false
positives of the lexicon on the training parts of BC2GM and BioRED (docs/benchmarks.md,
"Grounding round 3"), for the language of the field, not for single words:

* **unit**: an SI or clinical unit symbol (an optional SI prefix and a unit: "kPa", "mol",
  "mm2", "min-1", "dl-1") with an exponent, or right after a number or a "/" ("0.53 kPa",
  "mg/dl");
* **ion**: a chemical formula (element symbols and counts only) followed by a charge
  ("Ca2+", "Cd2+", "Cr3+");
* **amino acid**: a three-letter amino-acid code in title case ("Tyr", "Trp") with a
  residue number ("Trp-595", "Tyr 15"), inside a bracketed list of amino acids ("poly(Glu,
  Tyr)"), or with no word of a gene or its product nearby (mouse genes are written "Tyr"
  too: "Tyr expression" stays a gene);
* **hippocampal field**: "CA1" to "CA4" with an anatomical word nearby ("area", "region",
  "hippocampal", "pyramidal", "neurons", "subiculum", ...) and no word of a gene or its
  product ("CA1 gene expression" stays the gene);
* **nucleotide**: a nucleotide's abbreviation (a base letter and mono-, di- or triphosphate:
  "ADP", "CTP", "dTMP"; the cyclic "cAMP", "cGMP") with no word nearby that only a gene or
  its product takes ("gene", "mRNA", "expression", "knockdown", ...). NCBI Gene lists
  several as aliases ("ADP" of WDTC1, "CTP" of SLC25A1, "cAMP" matched case-blind to CAMP),
  while papers write them for the platelet agonist and the second messengers ("platelets
  stimulated with ADP", "ADP-induced aggregation", "cAMP signaling"). Words such as
  "levels", "receptor" or "signaling" go with the nucleotide as well and do not count.

The other way round, :func:`measured_molecule` tells when a short form the lexicon read as a
disease is written as an enzyme or other gene product being measured ("SOD activity", "SOD
levels": superoxide dismutase, not septo-optic dysplasia; recognition round 9).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

__all__ = ["gene_context_words", "measured_molecule", "other_reading"]

#: SI prefixes and the units text writes with them (clinical and laboratory units too).
_UNIT = re.compile(
    r"(?:[pnuμµmcdk]|da)?(?:g|l|L|m|s|min|h|hr|mol|M|Pa|Hz|V|W|J|Gy|Bq|Da|eq|Eq|U|IU)"
    r"(?P<exp>-?\d)?")
#: An exponent written after a unit: "min-1", "mm2", "gcm-2".
_EXPONENT = re.compile(r".*[a-zA-Z](?:-\d|\d)")
#: What stands before a unit symbol: a number ("0.53 kPa", "5mol") or a "/" ("mg/dl").
_NUMBER_BEFORE = re.compile(r"(?:\d[\d.,]*\s?|/)$")
_ELEMENTS = frozenset("H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Ti V Cr Mn Fe Co "
                      "Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr Mo Ag Cd Sn Sb I Xe Cs Ba W "
                      "Pt Au Hg Pb Bi U Gd Tc".split())
_FORMULA = re.compile(r"(?:[A-Z][a-z]?\d*)+")
_ELEMENT = re.compile(r"([A-Z][a-z]?)\d*")
#: A charge right after a formula: "Ca2+", "Cd2+-dependent", "NO3-" is left alone (a hyphen
#: also joins words).
_CHARGE = re.compile(r"[+\u207a]")
_AMINO_ACIDS = frozenset("Ala Arg Asn Asp Cys Gln Glu Gly His Ile Leu Lys Met Phe Pro Ser Thr "
                         "Trp Tyr Val Sec Pyl".split())
_RESIDUE_NUMBER = re.compile(r"(?:-|\s)?\d")
_HIPPOCAMPAL_FIELD = re.compile(r"CA[1-4]")
#: Words that make "CA1" the field of the hippocampus.
_ANATOMY_WORDS = frozenset("""area areas region regions field fields subfield subfields
sector sectors hippocampal hippocampus hippocampi pyramidal neuron neurons cell cells layer
layers stratum subiculum prosubiculum dentate gyrus cornu ammonis dorsal ventral""".split())
#: A nucleotide written as an abbreviation: optional deoxy "d" or cyclic "c", a base (adenosine,
#: guanosine, cytidine, uridine, thymidine, inosine, xanthosine) and mono/di/triphosphate.
_NUCLEOTIDE = re.compile(r"d?[ACGUTIX][MDT]P|c[AG]MP")
#: Words only a gene or its product takes: one of these near a nucleotide-like symbol keeps
#: the gene reading ("ADP gene", "CTP mRNA").
_GENE_ONLY_WORDS = frozenset("""gene genes protein proteins mrna mrnas expression expressed
express expressing transcript transcripts transcription promoter knockdown knockout
overexpression overexpressing silencing sirna shrna polymorphism polymorphisms mutation
mutations mutant variant variants allele alleles antibody deficient deficiency""".split())
_WORD = re.compile(r"[A-Za-z]+")
_WINDOW = 3


@lru_cache(maxsize=1)
def gene_context_words() -> frozenset[str]:
    """The words that mark a nearby symbol as a gene or its product
    (``exokg/resources/lexicon/gene-context.txt``, case-folded)."""
    text = files("exokg").joinpath("resources", "lexicon", "gene-context.txt").read_text(
        encoding="utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def _near(text: str, start: int, end: int) -> list[str]:
    """The words (case-folded) up to three on each side of ``text[start:end]``."""
    before = _WORD.findall(text[max(0, start - 60):start])[-_WINDOW:]
    after = _WORD.findall(text[end:end + 60])[:_WINDOW]
    return [w.casefold() for w in (*before, *after)]


def _is_formula(word: str) -> bool:
    return bool(_FORMULA.fullmatch(word)) and all(
        e in _ELEMENTS for e in _ELEMENT.findall(word)) and any(c.isdigit() for c in word)


def other_reading(text: str, start: int, end: int) -> str | None:
    """What the gene-symbol match ``text[start:end]`` stands for instead of a gene:
    ``"unit"``, ``"ion"``, ``"amino acid"``, ``"hippocampal field"`` or ``"nucleotide"``
    (see the module docs), or None when nothing says it is not the gene.

    >>> other_reading("PCO2 fell by 0.53 kPa.", 18, 21), other_reading("flow 2 l min-1", 9, 14)
    ('unit', 'unit')
    >>> other_reading("the Ca2+-independent form", 4, 7)
    'ion'
    >>> other_reading("poly(Glu, Tyr) (4:1)", 10, 13), other_reading("Tyr mRNA rose", 0, 3)
    ('amino acid', None)
    >>> other_reading("loss of hippocampal CA1 neurons", 20, 23), other_reading("CA1 gene", 0, 3)
    ('hippocampal field', None)
    >>> other_reading("platelets stimulated with ADP", 26, 29), other_reading("ADP gene", 0, 3)
    ('nucleotide', None)
    """
    word = text[start:end]
    before, after = text[max(0, start - 12):start], text[end:end + 12]
    unit = _UNIT.fullmatch(word)
    if unit is not None and (_EXPONENT.fullmatch(word) or _NUMBER_BEFORE.search(before)
                             or after.startswith("/")):
        return "unit"
    if _is_formula(word) and _CHARGE.match(after):
        return "ion"
    if word in _AMINO_ACIDS:
        near = _near(text, start, end)
        if _RESIDUE_NUMBER.match(after) or (before.rstrip().endswith((",", "(")) and
                                            any(w.capitalize() in _AMINO_ACIDS
                                                for w in _WORD.findall(before))) \
                or not any(w in gene_context_words() for w in near):
            return "amino acid"
    if _HIPPOCAMPAL_FIELD.fullmatch(word):
        near = _near(text, start, end)
        if any(w in _ANATOMY_WORDS for w in near) and \
                not any(w in gene_context_words() for w in near):
            return "hippocampal field"
    if _NUCLEOTIDE.fullmatch(word) and \
            not any(w in _GENE_ONLY_WORDS for w in _near(text, start, end)):
        return "nucleotide"
    return None


#: An all-capitals short form (2 to 5 letters, an optional digit) and the word after it
#: that measures a molecule: "SOD activity", "MPO levels", "CAT content"
_SHORT_CAPITALS = re.compile(r"[A-Z]{2,5}\d?")
_MEASURE_AFTER = re.compile(r"[\s-]*(?:activity|activities|levels?|content|concentrations?|"
                            r"expression|mRNAs?|immunoreactivity)\b")


def measured_molecule(text: str, start: int, end: int) -> bool:
    """True when the short form ``text[start:end]`` is written as an enzyme or other gene
    product whose amount or activity is measured ("SOD activity", "the MPO levels", "HO
    expression"): a disease the lexicon reads there instead ("SOD" is also septo-optic
    dysplasia) is not meant. The caller asks only for a short form that also names a gene.

    >>> measured_molecule("restored SOD activity", 9, 12)
    True
    >>> measured_molecule("SOD in children", 0, 3)
    False
    """
    return _SHORT_CAPITALS.fullmatch(text[start:end]) is not None and \
        _MEASURE_AFTER.match(text, end) is not None
