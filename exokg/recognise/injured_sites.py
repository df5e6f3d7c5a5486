"""Conditions named by the structure injured: "optic nerve injury", "sciatic nerve injury",
"white matter injury", "hippocampal injury", "cortical injuries".

The field names an injury model by its site, as it names spinal cord injury: an anatomical
structure (a noun the open lexicon grounds to UBERON, or the anatomical adjective of one,
:func:`.anatomy.adjective_entity`) followed by ``injury``. Such a name is a condition of the
model or patient, a grounded entity rather than an open outcome phrase. It is grounded to the
disease or phenotype the lexicon names with the whole phrase when there is one ("brain
injury" is MONDO:0043510; the lexicon already finds those), otherwise it is minted from the
phrase by :func:`minted_condition`, which the open conditions of
:mod:`exokg.extract.conditions` and :mod:`exokg.extract.participation` use too
(``exokg:condition/<label>``, a ``Phenotype``: "cortical injury" is the same entity whichever
reader finds it), with the structure as its site (``RO:0004026``, disease has location). One
adjective of the structure written before it is kept ("optic nerve", "sciatic nerve": the
lexicon's "nerve" with its modifier), read by its form as :mod:`.anatomy` reads adjectives;
a positional one is not ("distal white matter injury" is white matter injury).

As a phenotype, "X alleviated optic nerve injury" reads as X lowering the injury, as "X
alleviated early brain injury" does ("for the treatment of WMI" is still a benefit); the
development set's gold reads a verb alleviating an injury named by its site as the disease
treated (``beneficial_in_models_for``, batch 18), which the effect rules give for diseases:
tried as ``Disease``, the category cost two readings the gold does not list (batches 3 and
6) and gained none, so it is left a phenotype.

Not a condition: "<structure> damage / lesion(s)" ("reduced retinal damage", "attenuate
brain lesion", "reduces cortical lesion") is the measured pathology, an outcome the
treatment lowers (the development set's gold reads it so, batches 13, 15 and 18); a cell
adjective ("neuronal injury" is the neurons' injury, an outcome); a mention another reader
already gave a longer name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from exokg.ids import mint
from exokg.model import Entity, Mention
from exokg.recognise.anatomy import POSITIONAL_ADJECTIVES, adjective_entity
from exokg.text.prefilter import Needs

__all__ = ["injured_sites", "minted_condition"]

_HEAD_WORD = r"\s+injur(?:y|ies)(?![\w-])"
_HEAD = re.compile(_HEAD_WORD, re.I)
_MAY_INJURY = Needs(_HEAD)
#: an anatomical adjective written before the head ("hippocampal injury")
_ADJECTIVE = re.compile(r"(?<![\w-])([a-z]{3,}(?:al|ic|ar|ary))(?=" + _HEAD_WORD + r")", re.I)
#: the adjective before a structure noun that names which one ("optic nerve")
_MODIFIER_BEFORE = re.compile(r"(?<![\w-])([a-z]{3,}(?:al|ic|ar|ary|ous))\s+$", re.I)
#: not the adjective of a structure: the positional ones, and those that say how, when or why
#: it was injured ("secondary nerve injury", "traumatic optic nerve injury")
_NOT_WHICH = POSITIONAL_ADJECTIVES | frozenset("""additional secondary primary tertiary initial
partial potential traumatic chronic mechanical experimental iatrogenic ischemic ischaemic
hypoxic neonatal perinatal postnatal serious previous spontaneous various similar particular
substantial""".split())
_CONDITIONS = frozenset({"Disease", "Phenotype"})
_SITE = "RO:0004026"  # disease has location


class _Lexicon(Protocol):
    def lookup(self, name: str) -> list[Entity]: ...


def injured_sites(text: str, found: Sequence[Mention], lexicon: _Lexicon) -> list[Mention]:
    """A condition mention for each "<structure> injury" of
    ``text`` (one sentence, its base mentions ``found``) that no mention covers yet."""
    out: list[Mention] = []
    if not _MAY_INJURY.may_match(text):
        return out
    # (where the name starts, where its head "injury" ends, the structure)
    sites: list[tuple[int, int, Entity]] = []
    for m in found:
        head = _HEAD.match(text, m.end) if m.category == "AnatomicalEntity" else None
        if head:
            start = m.start
            before = _MODIFIER_BEFORE.search(text, 0, m.start)
            if before and before.group(1).lower() not in _NOT_WHICH and not any(
                    f.start < m.start and before.start() < f.end for f in found):
                start = before.start(1)
            sites.append((start, head.end(), m.entity))
    for a in _ADJECTIVE.finditer(text):
        if any(f.start < a.end() and a.start() < f.end for f in found):
            continue
        entity = adjective_entity(a.group(1), lexicon)  # type: ignore[arg-type]
        if entity is not None and entity.category == "AnatomicalEntity":
            # the pattern's look-ahead is the head: it matches here
            sites.append((a.start(), _HEAD.match(text, a.end()).end(),  # type: ignore[union-attr]
                          entity))
    for start, stop, site in sites:
        if any(f.start <= start and stop <= f.end and f.category in _CONDITIONS for f in found):
            continue  # "spinal cord injury": the lexicon's own name
        phrase = " ".join(text[start:stop].split())
        named = [e for e in lexicon.lookup(phrase) if e.category in _CONDITIONS]
        out.append(Mention(named[0] if named else _condition(phrase, site), start, stop,
                           text[start:stop], "phrase"))
    return out


def minted_condition(label: str, *attributes: tuple[str, str]) -> Entity:
    """The entity of a condition no vocabulary names, minted from its label (a
    ``Phenotype`` ``exokg:condition/<label>``: the same entity whichever reader finds the
    name), with ``attributes`` (predicate, object id) such as its site."""
    return Entity(mint("condition", label), label, "Phenotype", attributes=attributes)


def _condition(phrase: str, site: Entity) -> Entity:
    """The minted condition of an injured site: its label is the phrase (singular, lower
    case), its location the structure."""
    label = re.sub(r"(?i)(injur)ies$", r"\1y", phrase.lower())
    return minted_condition(label, (_SITE, site.id))
