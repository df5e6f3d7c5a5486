"""The context of a claim: species, disease model, condition, route, dose, timing, group size.

Context is read from the clause first; species, model and route fall back to the whole
sentence when the clause names none (so "in the rat model, expression of VEGF was increased"
keeps its own species, while "... improved recovery in mice" lends 'mice' to every clause).
A disease named with 'rats/mice subjected to', 'with', 'after', 'following', 'models of' in a
sentence about animals is a model, not an object; any other disease the clause names is its
condition ("improved recovery after stroke"). A species that says where cells or vesicles
come from ("human umbilical cord MSCs" given to mice) is not the species of the claim; the
study's species (:func:`note_study`) stands in for findings that name none.
"""

from __future__ import annotations

import re

from exokg.extract.base import Analysed, Clause, DocumentState
from exokg.model import Context, Mention

HUMAN = "NCBITaxon:9606"
_MODEL_CUE = re.compile(r"(?:subjected\s+to|with|after|following|model(?:s)?\s+of|induced|"
                        r"post-?|during|in)\s*(?:the\s+|an?\s+|focal\s+|experimental\s+)?$",
                        re.I)
_SYSTEMIC = re.compile(r"\b(?:intravenous(?:ly)?|i\.v\.|systemic(?:ally)?|intranasal(?:ly)?|"
                       r"intra-?arterial(?:ly)?|intraperitoneal(?:ly)?|intracerebral(?:ly)?|"
                       r"intracerebroventricular(?:ly)?|stereotactic(?:ally)?|"
                       r"intraparenchymal(?:ly)?)\b", re.I)


def _ids(mentions: list[Mention]) -> tuple[str, ...]:
    return tuple(sorted({m.entity.id for m in mentions}))


_SOURCE_OF = frozenset({"Cell", "AnatomicalEntity", "Vesicle", "ExosomePreparation"})


def is_source_species(a: Analysed, m: Mention) -> bool:
    """True when a species mention says where cells or vesicles come from ("human
    umbilical cord MSCs", "rat MSC-derived exosomes", "human-derived"), not what was
    studied."""
    if re.match(r"\s*-?\s*derived\b", a.text[m.end:m.end + 12], re.I):
        return True
    return any(n.category in _SOURCE_OF and 0 <= n.start - m.end <= 1 for n in a.mentions)


def species_of(a: Analysed, start: int, end: int) -> tuple[str, ...]:
    """Species studied in ``a.text[start:end]`` (not the source of cells or vesicles)."""
    return _ids([m for m in a.within(start, end, frozenset({"Species"}))
                 if not is_source_species(a, m)])


def note_study(a: Analysed, state: DocumentState) -> None:
    """Remember the species (and disease model) of the first sentence that names the
    animals or people studied: "Rats subjected to MCAO received ...", "65 patients"."""
    if not state.species:
        species = species_of(a, 0, len(a.text))
        if not species and re.search(r"\bpatients\b", a.text, re.I):
            species = (HUMAN,)
        if species:
            state.species = species
            state.model = models_of(a, 0, len(a.text))


def models_of(a: Analysed, start: int, end: int) -> tuple[str, ...]:
    """Disease models: DiseaseModel mentions, and diseases introduced as a model cue."""
    found = list(a.within(start, end, frozenset({"DiseaseModel"})))
    animal = any(m.entity.id != HUMAN for m in a.within(0, len(a.text),
                                                        frozenset({"Species"})))
    if animal or re.search(r"\bmodels?\b", a.text, re.I):
        for m in a.within(start, end, frozenset({"Disease"})):
            before = a.text[max(0, m.start - 40):m.start]
            after = a.text[m.end:m.end + 12]
            if _MODEL_CUE.search(before) or re.match(r"\s*(?:models?|rats|mice|animals)\b",
                                                     after, re.I) or \
                    re.match(r"[\s-]*(?:injured\s+)?(?:rats|mice)\b", after, re.I):
                found.append(m)
    return _ids(found)


def context_for(a: Analysed, clause: Clause, *, human_default: bool = False,
                extra: dict[str, tuple[str, ...]] | None = None) -> Context:
    """The context of claims made in ``clause`` of sentence ``a``. Without ``extra`` it is
    made once per clause and remembered in the sentence's own ``a.memo`` (several rules ask
    for the context of the same clause; a context is made from the sentence alone)."""
    if extra is not None:
        return _context_for(a, clause, human_default, extra)
    key = ("context", clause.start, clause.end, human_default)
    found = a.memo.get(key)
    if found is None:
        found = a.memo[key] = _context_for(a, clause, human_default, None)
    return found  # type: ignore[return-value]


def _context_for(a: Analysed, clause: Clause, human_default: bool,
                 extra: dict[str, tuple[str, ...]] | None) -> Context:
    species = species_of(a, clause.start, clause.end)
    models = models_of(a, clause.start, clause.end)
    if not species and not models:
        species = species_of(a, 0, len(a.text))
        models = models_of(a, 0, len(a.text))
    if not species and human_default:
        species = (HUMAN,)
    routes = _ids(a.within(clause.start, clause.end, frozenset({"RouteOfAdministration"})))
    if not routes:
        routes = _ids(a.within(0, len(a.text), frozenset({"RouteOfAdministration"})))
    doses = tuple(m.entity.label for m in a.values_within(clause.start, clause.end, "Dose"))
    timings = tuple(m.entity.label for m in a.values_within(clause.start, clause.end, "Timing"))
    conditions = tuple(i for i in _ids(a.within(clause.start, clause.end,
                                                frozenset({"Disease"}))) if i not in models)
    fields: dict[str, tuple[str, ...]] = {
        "species": species, "model": models, "condition": conditions, "route": routes,
        "dose": doses, "timing": timings,
    }
    for key, value in (extra or {}).items():
        fields[key] = tuple(sorted(set(fields.get(key, ())) | set(value)))
    return Context(**fields)
