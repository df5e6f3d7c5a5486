"""Relation extraction: analysed sentences -> statements with evidence.

Rules run per sentence in a fixed order and share a :class:`DocumentState`. Sentence-level
rules that explain a whole sentence (trial design, advantages, biomarker levels and
correlations) keep the generic effect rule from reading the same words a second time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from exokg.extract.base import Analysed, DocumentState
from exokg.extract.biomarkers import extract_biomarkers
from exokg.extract.claims import extract_advantages, extract_benefit, extract_component, \
    extract_transfer
from exokg.extract.effects import extract_effects
from exokg.extract.references import resolve_references
from exokg.extract.trials import extract_trial
from exokg.model import Statement

__all__ = ["Analysed", "DocumentState", "extract_document"]

_PRECLINICAL = re.compile(r"\b(?:mice|mouse|rats?|murine|rodents?|animals?|sheep|pigs?|"
                          r"monkeys?|primates?|models?|piglets?|in\s+vivo|MCAO?|MCAo)\b", re.I)
_EXCLUSIVE = ("trial.", "advantage.", "biomarker.level", "biomarker.correlation",
              "biomarker.informative")


def extract_sentence(a: Analysed, state: DocumentState) -> list[Statement]:
    """All statements of one analysed sentence (updates ``state``)."""
    a = resolve_references(a, state)
    for m in a.mentions:
        if m.category == "ExosomePreparation":
            state.preparation = m.entity
    if _PRECLINICAL.search(a.text):
        state.preclinical = True
    found: list[Statement] = []
    found += extract_trial(a, state)
    found += extract_advantages(a, state)
    found += extract_biomarkers(a, state)
    exclusive = any(s.evidence[0].rule.startswith(_EXCLUSIVE) for s in found)
    found += extract_benefit(a, state)
    found += extract_transfer(a, state)
    found += extract_component(a, state)
    if not exclusive:
        found += extract_effects(a, state)
    return found


def extract_document(sentences: Iterable[Analysed]) -> list[Statement]:
    """Statements of one document's analysed sentences, in reading order."""
    state = DocumentState()
    out: list[Statement] = []
    for a in sentences:
        out.extend(extract_sentence(a, state))
    return out
