"""The curated vocabulary matcher (exokg.recognise.lexicon): longest match, case, plurals,
hyphens, gaps and word boundaries, on a small term list (the rules its token tries and
candidate filter must keep), and the open lexicon's tokenizer on text that takes its fast
path and text that does not."""

from __future__ import annotations

import pytest

from exokg.lexicon.matcher import _text_tokens
from exokg.lexicon.normalise import greek_name, tokens
from exokg.model import Entity
from exokg.recognise.lexicon import LexiconMatcher

MSC = Entity("exo:MSC", "mesenchymal stem cell", "Cell")
STEM = Entity("exo:StemCell", "stem cell", "Cell")
EXO = Entity("exo:Exosome", "exosome", "Vesicle")
THERAPY = Entity("exo:CellTherapy", "cell therapy", "Therapy")
IL6 = Entity("exo:IL6", "IL-6", "Protein")
BBB = Entity("exo:BBB", "blood-brain barrier", "AnatomicalEntity")
LONG = Entity("exo:Long", "middle cerebral artery occlusion", "DiseaseModel")


@pytest.fixture(scope="module")
def matcher() -> LexiconMatcher:
    return LexiconMatcher([
        ("mesenchymal stem cell", MSC, False), ("MSC", MSC, True),
        ("stem cell", STEM, False), ("exosome", EXO, False),
        ("cell therapy", THERAPY, False), ("IL-6", IL6, True),
        ("blood-brain barrier", BBB, False),
        ("middle cerebral artery occlusion", LONG, False),
    ])


def found(matcher: LexiconMatcher, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.entity.id) for m in matcher.find(text)]


@pytest.mark.parametrize("text, expected", [
    # the longest term wins over the shorter one inside it
    ("Mesenchymal stem cells were used.", [("Mesenchymal stem cells", "exo:MSC")]),
    ("neural stem cell grafts", [("stem cell", "exo:StemCell")]),
    # plural of the last word only; "-ies", "-es" and "-s"
    ("MSCs and exosomes", [("MSCs", "exo:MSC"), ("exosomes", "exo:Exosome")]),
    ("cell therapies", [("cell therapies", "exo:CellTherapy")]),
    # case-sensitive terms keep their case; folded ones do not
    ("msc and Exosome", [("Exosome", "exo:Exosome")]),
    # hyphens are ignored on both sides
    ("IL 6 and IL-6", [("IL 6", "exo:IL6"), ("IL-6", "exo:IL6")]),
    ("the blood brain barrier", [("blood brain barrier", "exo:BBB")]),
    # a gap of more than one space inside a term breaks it
    ("stem    cell", []),
    # a term glued to letters is no match
    ("exosomesx", []),
    # matches do not overlap: the first, longest, wins
    ("stem cell therapy", [("stem cell", "exo:StemCell")]),
    ("after middle cerebral artery occlusion in rats",
     [("middle cerebral artery occlusion", "exo:Long")]),
    ("middle cerebral artery", []),
    ("", []),
])
def test_matches(matcher: LexiconMatcher, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(matcher, text) == expected


def test_offsets_point_at_the_text(matcher: LexiconMatcher) -> None:
    text = "Here, MSC-derived exosomes (MSCs) crossed the blood-brain barrier."
    for m in matcher.find(text):
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text, expected", [
    ("IL-6 and TNF", ["IL", "6", "and", "TNF"]),                       # fast path
    ("anti\u2013inflammatory \u2015 effect", ["anti", "inflammatory", "\u2015", "effect"]),
    ("Alzheimer's disease", ["Alzheimer", "disease"]),                 # possessive 's dropped
    ("TNF-\u03b1 levels", ["TNF", "alpha", "levels"]),                  # Greek spelled out
    ("cells' fate", ["cells", "fate"]),
    ("IL\u20116 \u2014 IL6 and p\u2019s", ["IL", "6", "IL", "6", "and", "p"]),
])
def test_matcher_tokens_are_the_lexicon_keys_tokens(text: str, expected: list[str]) -> None:
    """The open lexicon's matcher tokenizes text as its names were keyed (it has a faster
    path for text without apostrophes or Greek letters)."""
    words, offsets = _text_tokens(text)
    spans = [(word, start, end) for word, (start, end) in zip(words, offsets)]
    assert len(words) == len(offsets)
    assert spans == [(t.text, t.start, t.end) for t in tokens(text)]
    assert [t[0] for t in spans] == expected
    assert all(text[start:end] in (word, *(c for c in text[start:end] if greek_name(c) == word))
               for word, start, end in spans)
