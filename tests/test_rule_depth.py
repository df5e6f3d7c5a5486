"""Rules moved to the depth they belong at (depth14): where two copies of a word list or a
guard differed, the reading that is now shared. Every sentence here is INVENTED for these
tests, in the language of the field."""

from __future__ import annotations

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
