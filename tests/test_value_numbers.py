"""The number test of the value patterns (exokg.recognise.values): patterns whose matches
open with a number are asked only of texts that hold one, and find what they found before.
Sentences are invented."""

from __future__ import annotations

import pytest

from exokg.recognise import values
from exokg.recognise.values import find_values


def test_only_the_patterns_that_open_with_a_number_are_numbered() -> None:
    numbered = [kind for (kind, _), n in zip(values._PATTERNS, values._NUMBERED) if n]
    assert numbered == ["Dose", "GroupSize"]  # "n = 12" is a group size without the test


@pytest.mark.parametrize("text,expected", [
    ("Rats received 200 mg/kg of exosomes.", [("Dose", "200 mg/kg")]),
    ("Each mouse was given two ml of the suspension.", [("Dose", "two ml")]),
    ("Forty-five patients received 1.5 x 10^9 particles.",
     [("GroupSize", "Forty-five patients"), ("Dose", "1.5 x 10^9 particles")]),
    ("Twelve rats were treated.", [("GroupSize", "Twelve rats")]),
    # no number anywhere: units and group nouns alone are no value
    ("Doses in mg of exosomal protein differed between mice and rats.", []),
    ("The ml volume was often given to rats.", []),
])
def test_values_with_and_without_numbers(monkeypatch: pytest.MonkeyPatch, text: str,
                                         expected: list[tuple[str, str]]) -> None:
    found = [(m.category, m.text) for m in find_values(text)]
    assert found == expected
    # the same without the number test: it only skips scans that find nothing
    monkeypatch.setattr(values, "_NUMBERED", [False] * len(values._PATTERNS))
    assert [(m.category, m.text) for m in find_values(text)] == expected
