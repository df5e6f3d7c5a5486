"""A miRNA's loss read with the recogniser's nouns (:data:`exokg.recognise.inhibitors.
LOSS_NOUNS`): the carried-effect rule (:func:`exokg.extract.mediated_effects.
lost_mirna_effects`), the regulation rule and the loss-of-function rule read the same act
nouns as the recogniser's intervention mentions, so "antagonism", "blockade",
"neutralization" and "deficiency" of a miRNA are a loss wherever one of them was. Every
sentence is INVENTED for these tests, in the language of the field."""

from __future__ import annotations

import pytest

from exokg.recognise import Recogniser
from reading_helpers import outcome, read

APOPTOSIS = "exokg:process/apoptosis"


def _claims(recogniser: Recogniser, text: str) -> set[tuple]:
    """(subject, predicate, object, direction, rule) of each statement."""
    return {(s.subject.id, s.predicate, getattr(s.object, "id", None), s.direction,
             s.evidence[0].rule) for s in read(recogniser, text)}


@pytest.mark.parametrize("text, mirna, obj, direction", [
    # the loss does the opposite of what the miRNA does (the rule lacked these act nouns:
    # "antagonism of miR-155 reduced Y" gave miR-155 reducing Y)
    ("In MCAO rats, antagonism of miR-155 reduced neuronal apoptosis.",
     "exokg:mirna/mir-155", APOPTOSIS, "increased"),
    # an intervention mention of the recogniser, read by its kind
    ("In MCAO rats, miR-155 antagonism reduced neuronal apoptosis and infarct volume.",
     "exokg:mirna/mir-155", outcome("infarct volume"), "increased"),
    ("In rats, blockade of miR-21 in M2 exosomes aggravated neuronal apoptosis.",
     "exokg:mirna/mir-21", APOPTOSIS, "decreased"),
])
def test_an_act_against_a_mirna_is_its_loss(text: str, mirna: str, obj: str, direction: str,
                                            recogniser: Recogniser) -> None:
    claims = _claims(recogniser, text)
    assert (mirna, "biolink:affects", obj, direction, "effect.lost-mirna") in claims
    assert not [c for c in claims if c[0] == mirna and c[2] == obj and c[3] != direction]


def test_a_mirnas_blockade_of_a_gene_is_no_loss(recogniser: Recogniser) -> None:
    # "miR-A inhibition / blockade / antagonism of Y": the miRNA acts, as the recogniser reads
    claims = _claims(recogniser, "In MCAO rats, miR-21 blockade of PTEN reduced neuronal "
                                 "apoptosis.")
    assert ("exokg:mirna/mir-21", "biolink:affects", APOPTOSIS, "decreased",
            "effect.down") in claims
    assert not [c for c in claims if c[4] == "effect.lost-mirna"]


@pytest.mark.parametrize("text, mirna, gene", [
    ("In neurons, deficiency of miR-124 increased STAT3 expression.", "exokg:mirna/mir-124",
     "NCBIGene:6774"),
    ("In neurons, neutralization of miR-21 raised PTEN levels.", "exokg:mirna/mir-21",
     "NCBIGene:5728"),
])
def test_a_gene_raised_by_a_mirnas_loss_is_lowered_by_the_mirna(
        text: str, mirna: str, gene: str, recogniser: Recogniser) -> None:
    regulations = {c[:4] for c in _claims(recogniser, text) if c[2] == gene}
    assert regulations == {(mirna, "RO:0002212", gene, "decreased")}
