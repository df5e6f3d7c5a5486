"""A modifier before another name of a disease's head (exokg.annotate.disease_heads):
"prostate tumors" is prostate cancer, "absence seizures" absence seizure, "type 2
diabetic" type 2 diabetes, while function words, words for a disease's course or stage and
phrases the lexicon does not ground to MeSH leave the head as it is. All sentences are
invented."""

from __future__ import annotations

from exokg.annotate.disease_heads import with_modifiers_before
from exokg.annotate.mentions import DocumentMention
from exokg.model import Document, Entity

NEOPLASM = Entity("MONDO:0005070", "neoplasm", "Disease", xrefs=("mesh:D009369",))
PROSTATE = Entity("MONDO:0008315", "prostate cancer", "Disease", xrefs=("mesh:D011471",))
SEIZURE = Entity("HP:0001250", "Seizure", "Phenotype", xrefs=("mesh:D012640",))
ABSENCE = Entity("HP:0002121", "Absence seizure", "Phenotype", xrefs=("mesh:D004832",))
DIABETES = Entity("mesh:D003920", "diabetes", "Disease")
TYPE2 = Entity("MONDO:0005148", "type 2 diabetes", "Disease", xrefs=("mesh:D003924",))
GLIOMA = Entity("MONDO:0021042", "glioma", "Disease", xrefs=("mesh:D005910",))
NAMES = {
    "tumors": [NEOPLASM], "prostate cancer": [PROSTATE], "seizures": [SEIZURE],
    "absence seizure": [ABSENCE], "diabetic": [DIABETES], "type 2 diabetes": [TYPE2],
    "gliomas": [GLIOMA], "high-grade glioma": [Entity("MONDO:0100342", "high-grade glioma",
                                                       "Disease", xrefs=("mesh:D005910",))],
    "the cancer": [PROSTATE],  # never asked for: "the" is a function word
    "benign tumor": [Entity("MONDO:0005165", "benign neoplasm", "Disease")],  # no MeSH id
}


def lookup(name: str) -> list[Entity]:
    return NAMES.get(name.lower(), [])


def mention(text: str, word: str, entity: Entity, cls: str = "Disease") -> DocumentMention:
    start = text.index(word)
    ids = (entity.id,) + tuple(x.replace("mesh:", "MESH:") for x in entity.xrefs)
    return DocumentMention("d", 0, start, start + len(word), word, cls, ids, True, entity,
                           "lexicon", 0, len(text))


def widened(text: str, mentions: list[DocumentMention]) -> list[tuple[str, tuple[str, ...]]]:
    got = with_modifiers_before(Document("d", text, "test"), mentions, lookup)
    assert all(text[m.start:m.end] == m.text for m in got)
    return [(m.text, m.ids) for m in got]


def test_a_modifier_before_another_name_of_the_head_is_the_specific_disease() -> None:
    text = "Men with prostate tumors, absence seizures or type 2 diabetic rats were seen."
    mentions = [mention(text, "tumors", NEOPLASM), mention(text, "seizures", SEIZURE, "Phenotype"),
                mention(text, "diabetic", DIABETES)]
    assert widened(text, mentions) == [
        ("prostate tumors", ("MONDO:0008315", "MESH:D011471")),
        ("absence seizures", ("HP:0002121", "MESH:D004832")),
        ("type 2 diabetic", ("MONDO:0005148", "MESH:D003924")),
    ]


def test_function_words_stages_and_names_without_mesh_leave_the_head() -> None:
    text = "In the tumors, high-grade gliomas and benign tumors grew."
    tumors = mention(text, "tumors", NEOPLASM)
    gliomas = mention(text, "gliomas", GLIOMA)
    benign = DocumentMention("d", 0, text.index("benign") + 7, text.index("benign") + 13,
                             "tumors", "Disease", ("MONDO:0005070", "MESH:D009369"), True,
                             NEOPLASM, "lexicon", 0, len(text))
    assert widened(text, [tumors, gliomas, benign]) == [
        (m.text, m.ids) for m in (tumors, gliomas, benign)]


def test_a_shorter_name_of_the_head_is_not_tried() -> None:
    # invented: "isolated aniridia" is also "aniridia", but "familial aniridia" would drop
    # the written word "isolated"
    aniridia = Entity("MONDO:0007119", "aniridia", "Disease", xrefs=("mesh:D015783",))
    NAMES.update({"isolated aniridia": [aniridia], "familial aniridia": [aniridia]})
    try:
        text = "A family with familial isolated aniridia."
        isolated = mention(text, "isolated aniridia", aniridia)
        assert widened(text, [isolated]) == [(isolated.text, isolated.ids)]
    finally:
        del NAMES["isolated aniridia"], NAMES["familial aniridia"]
