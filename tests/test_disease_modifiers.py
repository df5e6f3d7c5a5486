"""Disease spans without words for a disease's course, stage or grade
(exokg.annotate.disease_modifiers): "high-grade gliomas" is annotated as "gliomas", while a
name that is a disease of its own ("progressive supranuclear palsy") stays whole."""

from __future__ import annotations

from exokg.annotate.disease_modifiers import without_course_or_stage
from exokg.annotate.mentions import DocumentMention
from exokg.model import Entity

GLIOMA = Entity("MONDO:0021042", "glioma", "Disease", xrefs=("mesh:D005910",))
PALSY = Entity("HP:0000605", "Supranuclear gaze palsy", "Phenotype", xrefs=("mesh:D000001",))
NAMES = {"gliomas": GLIOMA, "supranuclear palsy": PALSY,
         "stroke": Entity("MONDO:1", "stroke", "Disease")}  # no MeSH id: not a head to cut to


def lookup(name: str) -> list[Entity]:
    entity = NAMES.get(name)
    return [entity] if entity else []


def mention(text: str, ids: tuple[str, ...], start: int = 10) -> DocumentMention:
    entity = Entity(ids[0], text, "Disease")
    return DocumentMention("d", 0, start, start + len(text), text, "Disease", ids, True,
                           entity, "ontology")


def test_a_grade_is_left_out_when_the_rest_has_the_mention_s_mesh_ids() -> None:
    (got,) = without_course_or_stage(
        [mention("high-grade gliomas", ("MONDO:0100342", "MESH:D005910"))], lookup)
    assert (got.text, got.start, got.end) == ("gliomas", 21, 28)
    assert got.ids == ("MONDO:0021042", "MESH:D005910") and got.entity == GLIOMA


def test_a_disease_of_its_own_stays_whole() -> None:
    whole = mention("progressive supranuclear palsy", ("MONDO:0019037", "MESH:D013494"))
    assert without_course_or_stage([whole], lookup) == [whole]


def test_nothing_is_cut_without_a_grounded_rest_or_a_modifier() -> None:
    kept = [mention("recurrent stroke", ("MONDO:2",)),            # the rest has no MeSH id
            mention("hereditary gliomas", ("MONDO:3", "MESH:D005910")),  # not a course word
            mention("Recurrent gliomas", ("MONDO:4",), start=40)]
    got = without_course_or_stage(kept, lookup)
    assert got[:2] == kept[:2]
    assert (got[2].text, got[2].ids) == ("gliomas", ("MONDO:0021042", "MESH:D005910"))
