"""Fixes of the round-13 review (review13). Every sentence here is invented for these tests,
in the language of the field."""

from __future__ import annotations

from reading_helpers import claim_tuples, outcome, read

from exokg.model import Document
from exokg.pipeline import document_statements
from exokg.recognise import Recogniser

AFFECTS = "biolink:affects"
PROTECTION = "exokg:outcome/tissue-protection"


def _objects(recogniser: Recogniser, text: str) -> set[tuple[str, str | None]]:
    return {(o, d) for _, p, o, d in claim_tuples(read(recogniser, text)) if p == AFFECTS}


def test_protection_from_an_insult_keeps_the_harm_of_another_protect_phrase(
        recogniser: Recogniser) -> None:
    # the insult "hypoxia injury" is no object; "glutamate excitotoxicity", what the second
    # phrase protects from, is an outcome lowered (it was dropped as if it were the insult)
    for text in ("MSC-derived exosomes protected neurons from hypoxia injury and protected "
                 "astrocytes from glutamate excitotoxicity.",
                 "The exosomes protected astrocytes against glutamate excitotoxicity and "
                 "protected neurons against ischemic reperfusion injury."):
        found = _objects(recogniser, text)
        assert (PROTECTION, "increased") in found, text
        assert (outcome("glutamate excitotoxicity"), "decreased") in found, text


def test_protection_from_an_insult_still_drops_the_insult_as_an_object(
        recogniser: Recogniser) -> None:
    found = _objects(recogniser, "MSC exosomes protected cortical neurons against "
                                 "oxygen-glucose deprivation injury.")
    assert found == {(PROTECTION, "increased")}


def _title_statements(recogniser: Recogniser, title: str) -> set[tuple]:
    text = title + "\nMSC-derived exosomes were given to rats after stroke."
    statements, _, _ = document_statements(Document("t", text, "test", title=title,
                                                    kind="abstract"), recogniser)
    return {t[2:] for t in claim_tuples([s for s in statements
                                         if s.evidence[0].rule == "effect.title-by"],
                                        "negated", "hedged")}


def test_a_nominal_title_keeps_its_negation_and_hedge(recogniser: Recogniser) -> None:
    # invented titles: the effect a nominal title names is denied or hedged as it says
    assert _title_statements(recogniser, "No neuroprotection provided by MSC-derived "
                             "exosomes in aged rats") == {(PROTECTION, None, True, False)}
    assert _title_statements(recogniser, "Lack of neurogenesis induced by MSC-derived "
                             "exosomes after stroke") == {("GO:0022008", None, True, False)}
    assert _title_statements(recogniser, "Neuroprotection mediated by MSC-derived exosomes "
                             "against experimental stroke") == {
        (PROTECTION, "increased", False, False)}


def _benefits(recogniser: Recogniser, text: str) -> set[str]:
    return {o for _, p, o, _ in claim_tuples(read(recogniser, text))
            if p == "biolink:beneficial_in_models_for"}


def test_a_raised_dysfunction_is_no_benefit_in_a_model(recogniser: Recogniser) -> None:
    # "dysfunction" holds the good "function": raising it helps no model of the disease
    for text in ("Serum EVs of aged rats increased neuronal dysfunction in post-stroke rats.",
                 "Plasma EVs of aged mice increased motor dysfunction in post-stroke mice."):
        assert _benefits(recogniser, text) == set(), text
    # a good raised still is
    assert _benefits(recogniser, "MSC exosomes increased neurogenesis in post-stroke "
                                 "rats.") != set()
