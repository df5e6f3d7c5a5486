"""Tuning round 14c: cell populations defined by two or more markers written together
("SOX2+GFAP+ cells", "PAX6+/Nestin+ cells", "Ki67-positive NeuN+ neurons") are one counted
population, not the marker genes raised (:mod:`exokg.extract.counted_cells`). Every text is
invented for these tests, in the language of the field; none is a sentence of the development
set."""

from __future__ import annotations

from reading_helpers import read

from exokg.extract.outcomes import outcome_for_text
from exokg.model import Entity
from exokg.recognise import Recogniser


def _outcome(text: str) -> str:
    return outcome_for_text(text).id


def _objects(recogniser: Recogniser, text: str) -> dict[str, str | None]:
    return {s.object.id: s.direction for s in read(recogniser, text)
            if s.predicate == "biolink:affects" and isinstance(s.object, Entity)}


def test_markers_written_together_are_one_population(recogniser: Recogniser) -> None:
    objects = _objects(recogniser, "In rats with spinal cord injury, MSC-derived exosomes "
                                   "increased the number of Olig2+PDGFRa+ cells and reduced "
                                   "Iba1+CD86+ microglia.")
    assert objects.get(_outcome("Olig2+PDGFRa+ cells")) == "increased"
    assert objects.get(_outcome("Iba1+CD86+ microglia")) == "decreased"
    # the markers are not raised or lowered by the exosomes
    assert not any(o.startswith(("NCBIGene:", "HGNC:", "uniprot:")) for o in objects)


def test_a_slash_or_a_space_joins_the_markers_of_one_population(
        recogniser: Recogniser) -> None:
    objects = _objects(recogniser, "In MCAO mice, MSC exosomes increased the numbers of "
                                   "Ki67-positive DCX+ neuroblasts and NeuN+/BrdU+ cells.")
    assert objects.get(_outcome("Ki67-positive DCX+ neuroblasts")) == "increased"
    assert objects.get(_outcome("NeuN+/BrdU+ cells")) == "increased"


def test_a_list_of_composed_populations_gives_one_outcome_each(
        recogniser: Recogniser) -> None:
    objects = _objects(recogniser, "In rats, treatment with MSC exosomes increased "
                                   "Nestin+GFAP+, SOX2+Ki67+ and DCX+ cells in the "
                                   "hippocampus.")
    assert {_outcome("Nestin+GFAP+ cells"), _outcome("SOX2+Ki67+ cells"),
            _outcome("DCX+ cells")} <= set(objects)
