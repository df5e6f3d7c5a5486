"""Rules moved to the depth they belong at (depth14): where two copies of a word list or a
guard differed, the reading that is now shared. Every sentence here is INVENTED for these
tests, in the language of the field."""

from __future__ import annotations

from exokg.extract.base import claim_key, pairs_made
from exokg.extract.benefit_statements import BENEFIT, benefit_statements
from exokg.extract.polarity import is_adverse, names_harm
from exokg.model import Document, Entity, Statement, Value
from exokg.pipeline import analyse_document
from exokg.recognise import Recogniser
from tests.reading_helpers import claim_tuples, outcome, read

AFFECTS = "biolink:affects"
APOPTOSIS = "exokg:process/apoptosis"


def _undone(found: list) -> set[tuple]:
    return claim_tuples([s for s in found if s.evidence[0].rule == "effect.undone-change"])


def test_a_raised_change_undone_by_the_agent_is_lowered(recogniser: Recogniser) -> None:
    # undone_changes reads the level words: "raised" is one of them (its copy lacked it)
    found = read(recogniser, "In rats, MCAO caused raised ROS production and decreased neuronal "
                             "survival, which were reversed by MSC-derived exosomes.")
    assert {(o, d) for _, _, o, d in _undone(found)} == {
        (outcome("ROS production"), "decreased"), (outcome("neuronal survival"), "increased")}
    found = read(recogniser, "Hypoxia-injured neurons showed raised apoptosis and reduced "
                             "viability, all of which were attenuated by BMSC-Exos.")
    assert {(o, d) for _, _, o, d in _undone(found)} == {
        (APOPTOSIS, "decreased"), (outcome("viability"), "increased")}


def _benefits(found: list) -> set[str]:
    return {s.object.id for s in found if s.predicate == "biolink:beneficial_in_models_for"}


def test_a_good_raised_in_model_animals_is_read_from_the_shared_goods(
        recogniser: Recogniser) -> None:
    # model_benefits reads polarity.names_good: clearance and remyelination are goods there
    # too (its own list lacked them)
    stroke = "MONDO:0005098"
    assert _benefits(read(recogniser, "MSC-derived exosomes increased hematoma clearance in "
                                      "post-stroke rats.")) == {stroke}
    assert _benefits(read(recogniser, "BMSC-Exos enhanced remyelination in post-stroke "
                                      "mice.")) == {stroke}
    # a raised harm stays no benefit
    assert not _benefits(read(recogniser, "Aged EVs increased neuronal dysfunction in "
                                          "post-stroke rats."))


def test_a_carried_effect_on_a_good_named_after_a_harm_is_raised(
        recogniser: Recogniser) -> None:
    # mediated_effects reads polarity.names_good: "hematoma clearance" is a good (its list
    # lacked clearance, so no direction and no claim)
    found = read(recogniser, "miR-21 mediated the effect of MSC exosomes on hematoma "
                             "clearance.")
    assert ("exokg:mirna/mir-21", AFFECTS, outcome("hematoma clearance"), "increased") in \
        claim_tuples(found)
    found = read(recogniser, "miR-146a mediated the effect of BMSC-Exos on axonal "
                             "remyelination.")
    assert ("exokg:mirna/mir-146a", AFFECTS, outcome("axonal remyelination"), "increased") in \
        claim_tuples(found)


def test_the_growth_of_a_harm_is_a_harm(recogniser: Recogniser) -> None:
    # with "growth" among the goods, a harm's growth is a harm, like its volume
    found = read(recogniser, "miR-21 mediated the effect of MSC exosomes on hematoma growth.")
    assert ("exokg:mirna/mir-21", AFFECTS, outcome("hematoma growth"), "decreased") in \
        claim_tuples(found)
    found = claim_tuples(read(recogniser, "miR-124 mediated the protective effect of BMSC-Exos "
                                          "on hematoma expansion."))
    expansion = {(s, d) for s, _, o, d in found if o == outcome("hematoma expansion")}
    assert expansion and all(d == "decreased" for _, d in expansion)


def test_pairs_made_holds_what_other_rules_related() -> None:
    x = Entity("exokg:x", "X exosomes", "ExosomePreparation")
    y = Entity("exokg:y", "apoptosis", "BiologicalProcess")
    d = Entity("MONDO:1", "stroke", "Disease")
    found = [Statement(x, AFFECTS, y, direction="decreased"),
             Statement(x, "biolink:beneficial_in_models_for", d),
             Statement(x, "exo:hasDose", Value("10 ug"))]
    # a literal object is no pair; a predicate and a direction narrow or widen the key
    assert pairs_made(found) == {("exokg:x", "exokg:y"), ("exokg:x", "MONDO:1")}
    assert pairs_made(found, predicate="biolink:beneficial_in_models_for") == {
        ("exokg:x", "MONDO:1")}
    assert ("exokg:x", "exokg:y", "decreased") in pairs_made(found, direction=True)
    # the claim key tells a hedged claim from a plain one, and reads a literal by its text
    assert claim_key(found[0]) != claim_key(Statement(x, AFFECTS, y, direction="decreased",
                                                      hedged=True))
    assert claim_key(found[2])[2] == "10 ug"


def test_one_builder_makes_each_benefit_once(recogniser: Recogniser) -> None:
    (a,) = analyse_document(Document("t", "MSC exosomes protect against stroke.", "test"),
                            recogniser)
    x = Entity("exokg:x", "X exosomes", "ExosomePreparation")
    d = Entity("MONDO:0005098", "stroke", "Disease")
    made = {("exokg:x", "MONDO:9")}
    other = Entity("MONDO:9", "TBI", "Disease")
    out = benefit_statements(a, "benefit.test", [x, d], [d, other], made, hedged=True)
    # no disease benefits itself; a pair already made is not made again; made grows
    assert [(s.subject.id, s.predicate, s.object.id, s.hedged) for s in out] == [
        ("exokg:x", BENEFIT, "MONDO:0005098", True), ("MONDO:0005098", BENEFIT, "MONDO:9", True)]
    assert ("exokg:x", "MONDO:0005098") in made
    assert not benefit_statements(a, "benefit.test", [x], [d], made, hedged=False)
    assert out[0].evidence[0].rule == "benefit.test"


def test_a_mirna_loss_undoing_the_vesicles_changes_says_the_mirna_carries_them(
        recogniser: Recogniser) -> None:
    exos = "exokg:preparation/sourcecell-cl-0000134-vesicletype-go-0070062-577599"
    found = claim_tuples(read(recogniser, "In OGD-treated neurons, MSC-derived exosomes "
                                          "decreased apoptosis, which was reversed by miR-21 "
                                          "inhibitor."))
    assert (exos, AFFECTS, APOPTOSIS, "decreased") in found
    assert ("exokg:mirna/mir-21", AFFECTS, APOPTOSIS, "decreased") in found
    # the inhibitor neither lowers nor raises apoptosis of its own
    assert not {c for c in found if c[0].startswith("exokg:therapy/")}
    found = claim_tuples(read(recogniser, "In rats, MSC-EVs reduced infarct volume and "
                                          "increased neuronal survival, all of which were "
                                          "reversed by miR-133b knockdown."))
    assert {(o, d) for s, _, o, d in found if s == "exokg:mirna/mir-133b"} == {
        ("exokg:outcome/infarct-volume", "decreased"),
        (outcome("neuronal survival"), "increased")}
    found = claim_tuples(read(recogniser, "BMSC-Exos increased neuronal viability, effects "
                                          "that were abolished by a miR-124 inhibitor."))
    assert ("exokg:mirna/mir-124", AFFECTS, outcome("neuronal viability"), "increased") in found


def test_a_mirna_loss_undoing_an_insults_changes_is_the_treatment(
        recogniser: Recogniser) -> None:
    # no vesicles before the list: the inhibitor undoes the insult's changes (unchanged)
    found = claim_tuples(read(recogniser, "In rats, MCAO caused increased brain edema and "
                                          "decreased neuronal survival, which were reversed "
                                          "by miR-21 inhibitor."))
    therapy = {(o, d) for s, _, o, d in found if s.startswith("exokg:therapy/mir-21-inhibitor")}
    assert (outcome("neuronal survival"), "increased") in therapy
    assert not {c for c in found if c[0] == "exokg:mirna/mir-21"}


def test_a_harm_stem_after_a_denying_prefix_is_no_harm() -> None:
    # invented labels: a stem after "un-" / "non-" denies the harm
    assert not is_adverse("unimpaired motor function")
    assert not is_adverse("non-injured hemisphere")
    assert not is_adverse("nontoxic dose range")
    # a stem after a combining form stays a harm (every such match of the dev set is one)
    assert is_adverse("neuroinflammation") and is_adverse("excitotoxicity")
    assert names_harm("astrogliosis") and names_harm("neuronal cytotoxicity")
