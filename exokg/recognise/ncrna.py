"""Find circular RNAs and long non-coding RNAs by the shape of their names.

Like the miRNA grammar (:mod:`.mirna`), this is a small grammar, not a list of names:

* circBase identifiers ``hsa_circ_0005548`` (species code, ``circ``, digits): the
  identifier is kept as ``circbaseId``;
* other numbered names, ``circ_0001599``, ``circRNA_0006896``, ``hsa_circRNA_104670`` (not
  circBase's scheme): named as written, no ``circbaseId``;
* a circRNA named by its host gene, ``circSCMH1``, ``circ-HIPK3``, ``circRNA HIPK3``,
  ``CircFoxo3``: the gene symbol is kept as ``hostGene``; the circRNA is never grounded
  to the gene (it is a product of the gene's back-splicing, not the gene);
* a lncRNA named by its gene, ``lncRNA H19``, ``LncRNA-TUBB6``, ``long non-coding RNA
  MALAT1``, ``lnc-ITSN1-2``: the symbol is kept as ``hostGene``;
* the classes themselves, ``circRNAs``, ``circular RNAs``, ``lncRNAs``, ``long noncoding
  RNAs``: one entity per class (``exokg:ncrna/circrna``, ``exokg:ncrna/lncrna``), modifiers
  ("exosomal", "differentially expressed") left to the phrase around it.

Entities are minted under ``exokg:circrna/`` and ``exokg:lncrna/`` with categories
``CircularRNA`` and ``LongNoncodingRNA`` (``ontology/exokg.ttl``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from exokg.model import Entity
from exokg.recognise.mirna import mirna_slug
from exokg.text.prefilter import Needs

__all__ = ["CIRCRNA_CLASS", "LNCRNA_CLASS", "find_ncrnas"]

#: The class entities a plural or generic mention names.
CIRCRNA_CLASS = Entity("exokg:ncrna/circrna", "circRNA", "CircularRNA",
                       synonyms=("circular RNA",))
LNCRNA_CLASS = Entity("exokg:ncrna/lncrna", "lncRNA", "LongNoncodingRNA",
                      synonyms=("long non-coding RNA",))

# "RNA" may be spelled out ("long non-coding ribonucleic acid (lncRNA) TUBB6")
_RNA = r"(?:RNA|ribonucleic\s+acid)"
_CIRC_HEAD = r"[Cc]irc(?:ular[\s-]" + _RNA + r"(?:\s*\(circRNA\))?|R[Nn][Aa])"
_LNC_HEAD = (r"(?:[Ll]nc[Rr][Nn][Aa]|LNCRNA|[Ll]ong[\s-]non[\s-]?coding[\s-]" + _RNA +
             r"(?:\s*\(lncRNA\))?)")
# A gene symbol after a head: upper-case letters and digits ("HIPK3", "H19", "TUBB6"), or a
# capitalised symbol with a digit ("Foxo3", "Malat1"), with an optional numbered variant
# ("ITSN1-2"); never a plain word ("Expression").
_SYMBOL = (r"(?:[A-Z][A-Z0-9]{1,11}|[A-Z][a-z]{1,8}\d[A-Za-z0-9]*)"
           r"(?:-\d{1,2}(?![\d.]))?")
_END = r"(?![A-Za-z0-9_])"

_NCRNA_RE = re.compile(
    r"(?<![A-Za-z0-9_-])(?:"
    r"(?P<species>hsa|mmu|rno)[_-]circ[_-](?P<circbase>\d{5,7})" + _END +
    r"|(?:(?P<nspecies>hsa|mmu|rno)[_-])?(?P<numhead>circ(?:RNA)?)[_-]\s?(?P<number>\d{4,7})"
    + _END +
    r"|(?:" + _CIRC_HEAD + r"[\s_-]|[Cc]irc[_-]?(?!RNA))(?P<host>" + _SYMBOL + r")" + _END +
    r"|(?:" + _LNC_HEAD + r"[\s_-]|[Ll]nc-)(?P<lnc>" + _SYMBOL + r")" + _END +
    r"|(?P<circclass>" + _CIRC_HEAD + r")s?" + _END + r"(?!-seq)"
    r"|(?P<lncclass>" + _LNC_HEAD + r")s?" + _END +
    r")"
)
_MAY_NCRNA = Needs(_NCRNA_RE)


def _circ(ident: str, label: str, attrs: list[tuple[str, str]]) -> Entity:
    return Entity("exokg:circrna/" + mirna_slug(ident), label, "CircularRNA",
                  attributes=tuple(sorted(attrs)))


def _gene(symbol: str) -> str:
    """The gene symbol of a name's symbol part: a numbered variant dropped ("ITSN1-2")."""
    return re.sub(r"-\d{1,2}$", "", symbol)


def _entity(m: re.Match[str]) -> Entity:
    if m["circbase"]:
        ident = f"{m['species']}_circ_{m['circbase']}"
        return _circ(ident, ident, [("circbaseId", ident), ("ncrnaSpecies", m["species"])])
    if m["number"]:
        label = f"{m['numhead']}_{m['number']}"
        if m["nspecies"]:
            label = f"{m['nspecies']}_{label}"
            return _circ(label, label, [("ncrnaSpecies", m["nspecies"])])
        return _circ(label, label, [])
    if m["host"]:
        return _circ("circ-" + m["host"], "circ" + m["host"], [("hostGene", _gene(m["host"]))])
    if m["lnc"]:
        return Entity("exokg:lncrna/" + mirna_slug(m["lnc"]), "lncRNA " + m["lnc"],
                      "LongNoncodingRNA", attributes=(("hostGene", _gene(m["lnc"])),))
    return CIRCRNA_CLASS if m["circclass"] else LNCRNA_CLASS


def find_ncrnas(text: str) -> Iterator[tuple[int, int, Entity]]:
    """Each circRNA or lncRNA name in ``text`` as ``(start, end, entity)``, in text order.

    >>> text = "circ-HIPK3 and lncRNA H19"
    >>> [(text[s:e], x.id) for s, e, x in find_ncrnas(text)]
    [('circ-HIPK3', 'exokg:circrna/circ-hipk3'), ('lncRNA H19', 'exokg:lncrna/h19')]
    >>> text = "the long non-coding ribonucleic acid (lncRNA) TUBB6 pathway"
    >>> [(text[s:e], x.id) for s, e, x in find_ncrnas(text)]
    [('long non-coding ribonucleic acid (lncRNA) TUBB6', 'exokg:lncrna/tubb6')]
    """
    if not _MAY_NCRNA.may_match(text):
        return
    for m in _NCRNA_RE.finditer(text):
        yield m.start(), m.end(), _entity(m)
