"""Coordinations with a left-out head (exokg.recognise.coordination); invented sentences."""

from __future__ import annotations

from exokg.model import Document
from exokg.pipeline import analyse_document
from exokg.recognise import Recogniser


def _ids(text: str) -> list[str]:
    analysed = analyse_document(Document("d", text, "test"), Recogniser.default())
    return [m.entity.id for a in analysed for m in a.mentions]


def test_shared_head_is_read_for_each_conjunct() -> None:
    ids = _ids("The vesicles limited the activation of microglia and astrocytes in mice.")
    assert "exokg:process/microglial-activation" in ids
    assert "exokg:process/astrocyte-activation" in ids


def test_conjunct_that_names_no_term_is_left_alone() -> None:
    ids = _ids("The vesicles limited the activation of microglia and neurons in mice.")
    assert "exokg:process/microglial-activation" in ids
    assert not any("neuron" in i and "activation" in i for i in ids)
