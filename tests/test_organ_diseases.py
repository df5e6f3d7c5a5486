"""A generic word for harm after an organ's name (exokg.annotate.organ_diseases): "renal
hypoxia" is one mention of the kidney's disease, as the grounding corpora mark it, while a
word that names no organ's disease ("oxidative damage"), a disease word ("diabetic
injury"), a capitalised or hyphen-glued word and a generic word inside a longer name keep
their mentions. All sentences are invented."""

from __future__ import annotations

from exokg.annotate.mentions import DocumentMention
from exokg.annotate.organ_diseases import organ_diseases
from exokg.model import Document, Entity

KIDNEY = Entity("MONDO:0005240", "kidney disorder", "Disease", xrefs=("mesh:D007674",))
BLOOD = Entity("mesh:D006402", "hematologic disease", "Disease")
MUSCLE = Entity("DOID:0080000", "muscular disease", "Disease", xrefs=("mesh:D009135",))
DIABETES = Entity("MONDO:0005015", "diabetes mellitus", "Disease", xrefs=("mesh:D003920",))
HYPOXIA = Entity("mesh:D000860", "hypoxia", "Disease")
INFLAMMATION = Entity("exokg:phenotype/inflammation", "inflammation", "Phenotype",
                      xrefs=("mesh:D007249",))
TOXICITY = Entity("HP:0020172", "toxicity", "Phenotype", xrefs=("mesh:D064420",))
INJURY = Entity("mesh:D014947", "injury", "Disease")
NAMES = {
    "renal disease": [KIDNEY], "hematologic disorders": [BLOOD], "muscle disease": [MUSCLE],
    "diabetic": [DIABETES], "diabetic disease": [DIABETES],
    "oxidative disease": [], "parkinson disease": [KIDNEY],  # a lookup is case-blind
    "developmental disease": [Entity("mesh:D002658", "developmental disability", "Disease")],
    "cell disease": [Entity("exokg:cell/x", "cell", "Cell")],  # no disease
}


def lookup(name: str) -> list[Entity]:
    return NAMES.get(name.lower(), [])


def mention(text: str, word: str, entity: Entity, nth: int = 0,
            cls: str = "Disease") -> DocumentMention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    ids = (entity.id,) + tuple(x.replace("mesh:", "MESH:") for x in entity.xrefs)
    return DocumentMention("d", 0, start, start + len(word), word, cls, ids, True, entity,
                           "lexicon", 0, len(text))


def widened(text: str, mentions: list[DocumentMention]) -> list[tuple[str, tuple[str, ...]]]:
    got = organ_diseases(Document("d", text, "test"), mentions, lookup)
    assert all(text[m.start:m.end] == m.text for m in got)
    return [(m.text, m.ids) for m in got]


def test_a_generic_harm_word_after_an_organ_is_the_organs_disease() -> None:
    # three ways of naming harm to an organ that no ontology names as a whole
    text = ("The exosomes relieved renal hypoxia, renal inflammation, hematologic toxicity "
            "and muscle injury in treated rats.")
    mentions = [mention(text, "hypoxia", HYPOXIA),
                mention(text, "inflammation", INFLAMMATION, cls="Phenotype"),
                mention(text, "toxicity", TOXICITY, cls="Phenotype"),
                mention(text, "injury", INJURY)]
    assert widened(text, mentions) == [
        ("renal hypoxia", ("MONDO:0005240", "MESH:D007674")),
        ("renal inflammation", ("MONDO:0005240", "MESH:D007674")),
        ("hematologic toxicity", ("MESH:D006402",)),
        ("muscle injury", ("DOID:0080000", "MESH:D009135")),
    ]


def test_words_that_name_no_organ_or_are_diseases_keep_the_mention() -> None:
    text = ("Oxidative damage, diabetic injury, Parkinson damage, pro-renal toxicity, cell "
            "injury, developmental toxicity and hypoxia were seen.")
    mentions = [mention(text, "damage", INJURY), mention(text, "injury", INJURY),
                mention(text, "damage", INJURY, nth=1), mention(text, "toxicity", TOXICITY),
                mention(text, "injury", INJURY, nth=1),
                mention(text, "toxicity", TOXICITY, nth=1), mention(text, "hypoxia", HYPOXIA)]
    assert widened(text, mentions) == [(m.text, m.ids) for m in mentions]


def test_a_name_of_its_own_or_a_disease_before_the_word_is_left_alone() -> None:
    text = "Acute kidney injury and renal cancer damage"
    aki = DocumentMention("d", 0, 0, 19, "Acute kidney injury", "Disease", ("MESH:D058186",),
                          True, Entity("MONDO:0002492", "acute kidney injury", "Disease"),
                          "lexicon", 0, len(text))
    cancer = mention(text, "renal cancer", Entity("MONDO:0002367", "renal cancer", "Disease"))
    damage = mention(text, "damage", INJURY)
    assert widened(text, [aki, cancer, damage]) == [(m.text, m.ids)
                                                    for m in (aki, cancer, damage)]


def test_an_organ_and_harm_pair_no_recogniser_marked_is_added() -> None:
    # invented: the harm word alone is no disease the lexicon knows, so nothing was marked
    text = "They had skin lesions and muscle disorders, but no oxidative lesions."
    got = organ_diseases(Document("d", text, "test"), [],
                         lambda name: {"skin disease": [BLOOD],
                                       "muscle disease": [MUSCLE]}.get(name.lower(), []),
                         [(0, 0, len(text))])
    assert [(m.text, m.start, m.ids) for m in got] == [
        ("skin lesions", 9, ("MESH:D006402",)),
        ("muscle disorders", 26, ("DOID:0080000", "MESH:D009135"))]
