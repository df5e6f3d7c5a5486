"""A participle that names a role (", acting as a facilitator of Y", ", serving as a bridge
to Y") is no outcome of the change before it; the outcome named after it still is. Found in
batch 18's out-of-sample measurement ("acting" read as an open outcome raised by exosomes).
Every text is INVENTED for these tests, never a sentence of a corpus or a paper."""

from __future__ import annotations

import pytest

from exokg.recognise import Recogniser
from tests.reading_helpers import read

TEXTS = [
    "MSC exosomes significantly upregulated BDNF and NGF, acting as promoters of axonal growth.",
    "Exosomes increased VEGF expression, serving as a bridge to angiogenesis.",
    "MSC exosomes reduced TNF-alpha release, functioning as anti-inflammatory agents.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_a_role_participle_is_no_outcome(recogniser: Recogniser, text: str) -> None:
    objects = {getattr(s.object, "label", "").lower() for s in read(recogniser, text)}
    assert objects, "the change before the participle is still read"
    assert not {o for o in objects if o.split()[0] in {"acting", "serving", "functioning"}}


def test_the_outcome_after_the_role_is_still_read(recogniser: Recogniser) -> None:
    found = {(s.object.id, s.direction) for s in read(
        recogniser, "MSC exosomes upregulated neurotrophic factors, acting as a facilitator of "
                    "locomotor recovery in rats with spinal cord injury.")}
    assert ("exokg:outcome/locomotor-recovery", "increased") in found
