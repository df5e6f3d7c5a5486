"""The open-vocabulary lexicon as the lowest-priority recogniser.

:class:`OpenLexicon` wraps an :class:`exokg.lexicon.Lexicon` for the recogniser: an entity
the curated vocabulary also has — by the same identifier, or because a curated entry lists
the ontology identifier among its xrefs — is replaced by the curated entity, so curated
names, ids and descriptions win everywhere.

Whether a build uses the open lexicon is set by ``$EXOKG_LEXICON``:

* ``auto`` (default): use the current built lexicon; when none is built, warn (a
  ``RuntimeWarning``, shown once) and recognise with the curated vocabulary only;
* ``require``: raise :class:`exokg.errors.LexiconMissingError` when none is built;
* ``off``: never use it.

The build records which lexicon version it used (``BuildResult.lexicon``).
"""

from __future__ import annotations

import os
import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from exokg.errors import ExokgError
from exokg.model import Entity, Mention
from exokg.recognise.field_spellings import curated_gene_twins
from exokg.recognise.gene_symbols import measured_molecule, other_reading
from exokg.recognise.protein_genes import gene_for_protein_name, grounded_protein_names, \
    prefixed_genes
from exokg.vocabulary import Vocabulary

__all__ = ["OpenLexicon", "default_open_lexicon", "release_open_lexicon"]

_MODES = ("auto", "require", "off")
#: Postnatal-day notation ("P7", "P21"): written like a gene symbol, never one in this field
#: (the protein p21 is written in lower case).
_POSTNATAL_DAY = re.compile(r"P\d{1,2}")
_DISEASE_LIKE = ("Disease", "Phenotype")


@dataclass(frozen=True)
class OpenLexicon:
    """An ontology lexicon with the curated entities put in place of their ontology twins."""

    lexicon: object  # exokg.lexicon.Lexicon (imported lazily: it needs pyahocorasick)
    curated: dict[str, Entity] = field(default_factory=dict)
    #: Curated ids whose entity in ``curated`` carries a gene id the vocabulary lacks.
    gene_twins: frozenset[str] = frozenset()

    @classmethod
    def over(cls, lexicon: object, vocabulary: Vocabulary) -> OpenLexicon:
        """Wrap ``lexicon``; ids and xrefs of ``vocabulary``'s entities map to them."""
        curated: dict[str, Entity] = {}
        for entity in sorted(vocabulary.entities.values(), key=lambda e: e.id):
            for curie in (*entity.xrefs, entity.id):
                curated.setdefault(curie, entity)
        for entity in vocabulary.entities.values():
            curated[entity.id] = entity
        # a curated protein the gene table names as one gene carries that gene's id (a
        # lexicon without candidate look-up, such as a test stub, names none)
        twins = curated_gene_twins(
            sorted(vocabulary.entities.values(), key=lambda e: e.id),
            lambda name: gene_for_protein_name(lexicon, name)) \
            if hasattr(lexicon, "candidates") else {}
        for entity in twins.values():
            curated[entity.id] = entity
            curated.setdefault(entity.xrefs[-1], entity)
        return cls(lexicon, curated, frozenset(twins))

    def with_gene_twin(self, m: Mention) -> Mention:
        """``m`` with its curated entity replaced by the same entity carrying the NCBI Gene
        id of the one gene the gene table names it by (:func:`exokg.recognise.
        field_spellings.curated_gene_twins`: "NfL" -> neurofilament light chain with
        NCBIGene:4747); other mentions unchanged."""
        if m.entity.id not in self.gene_twins:
            return m
        return Mention(self.curated[m.entity.id], m.start, m.end, m.text, m.source)

    @property
    def version(self) -> str:
        return self.lexicon.version  # type: ignore[attr-defined,no-any-return]

    def protein_genes(self, text: str, proteins: list[Mention]) -> list[Mention]:
        """``proteins`` (:class:`exokg.recognise.proteins.ProteinFinder` mentions of
        ``text``) with each
        minted protein name that names one human gene given that gene (curated entity
        substituted), spans unchanged
        (:func:`exokg.recognise.protein_genes.grounded_protein_names`)."""
        out = []
        for m in grounded_protein_names(text, proteins, self.lexicon):
            entity = self.curated.get(m.entity.id)
            out.append(m if entity is None else Mention(entity, m.start, m.end, m.text,
                                                        m.source))
        return out

    def find(self, text: str) -> list[Mention]:
        """The lexicon's mentions of ``text``, curated entities substituted. A gene symbol
        written for a unit, an ion or an amino acid is dropped, and one naming a field of
        the hippocampus ("CA1") is read as the lexicon's anatomical entity of that name
        (:func:`exokg.recognise.gene_symbols.other_reading`). A gene abbreviation with a
        lower-case prefix ("p-tau", "sICAM-1") is its core's gene, and a prefixed field
        abbreviation ("aSAH", "iNSC") no gene
        (:func:`exokg.recognise.protein_genes.prefixed_genes`). A disease's short form that
        also names a gene and is written as a measured molecule ("SOD activity") is dropped
        (:func:`exokg.recognise.gene_symbols.measured_molecule`)."""
        out = []
        lexicon = self.lexicon
        found = prefixed_genes(text, lexicon.find(text), lexicon)  # type: ignore[attr-defined]
        for m in found:
            if _POSTNATAL_DAY.fullmatch(m.text):
                continue  # "P21" in a neonatal study is postnatal day 21, not a gene symbol
            if m.entity.category == "Gene":
                reading = other_reading(text, m.start, m.end)
                if reading == "hippocampal field":
                    anatomy = next((e for e in self.lexicon.lookup(m.text)  # type: ignore[attr-defined]
                                    if e.category == "AnatomicalEntity"), None)
                    if anatomy is None:
                        continue
                    m = Mention(anatomy, m.start, m.end, m.text, m.source)
                elif reading is not None:
                    continue
            elif m.entity.category in _DISEASE_LIKE and \
                    measured_molecule(text, m.start, m.end) and any(
                        e.category == "Gene"
                        for e in lexicon.lookup(m.text)):  # type: ignore[attr-defined]
                continue  # "SOD activity": the enzyme, not septo-optic dysplasia
            entity = self.curated.get(m.entity.id)
            out.append(m if entity is None else Mention(entity, m.start, m.end, m.text,
                                                        m.source))
        return out


def default_open_lexicon(vocabulary: Vocabulary) -> OpenLexicon | None:
    """The open lexicon as ``$EXOKG_LEXICON`` (auto|require|off) asks, or None.

    Raises :class:`ExokgError` for an unknown mode and, in ``require`` mode,
    :class:`exokg.errors.LexiconMissingError` when no lexicon is built."""
    mode = os.environ.get("EXOKG_LEXICON", "auto").strip().lower() or "auto"
    if mode not in _MODES:
        raise ExokgError(f"EXOKG_LEXICON={mode!r}: expected one of {', '.join(_MODES)}")
    if mode == "off":
        return None
    from exokg.errors import LexiconMissingError
    try:
        from exokg.lexicon import current_path
        return OpenLexicon.over(_open(str(current_path())), vocabulary)
    except (LexiconMissingError, ImportError) as err:
        if mode == "require":
            raise
        warnings.warn(f"{err}; recognising with the curated vocabulary only (set "
                      "EXOKG_LEXICON=off to silence this)", RuntimeWarning, stacklevel=2)
        return None


def release_open_lexicon() -> None:
    """Forget the lexicon this process opened (:func:`_open`'s one entry): once no
    recogniser holds it any more, its memory (the token automaton and its tables, some
    90-115 MB) can be freed, which a large build does before it loads its store
    (:mod:`exokg.export.writer`); a recogniser made afterwards opens it again."""
    _open.cache_clear()


@lru_cache(maxsize=1)
def _open(path: str) -> object:
    """The lexicon in ``path``, opened once per process (loading takes a second or two and
    a few hundred MB; a Lexicon is read-only, so recognisers can share it)."""
    from exokg.lexicon import Lexicon
    return Lexicon(Path(path))
