"""The keyword tests of exokg.text.prefilter never reject a text their pattern matches."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import exokg.extract
import exokg.recognise
from exokg.pipeline import load_documents
from exokg.text.prefilter import Branches, KeywordIndex, Needs, Starts, branches, fold, \
    required, starts


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every module-level compiled pattern of the extraction rules and the recognisers."""
    out = []
    for package in (exokg.extract, exokg.recognise):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            out += [(f"{info.name}.{name}", value) for name, value in vars(module).items()
                    if isinstance(value, re.Pattern) and isinstance(value.pattern, str)]
    return out


PATTERNS = _patterns()


def test_fold_equates_what_ignorecase_equates() -> None:
    # dotted / dotless i, long s and the Kelvin sign match ASCII letters under re.I
    text = "\u0130MPLICATED, \u017fhown, \u212aNOCKDOWN, \u0131nvolved"
    assert fold(text) == "implicated, shown, knockdown, involved"


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """The founding corpus, whole and sentence by sentence, and altered copies."""
    texts = [d.text for d in load_documents()]
    texts += [s for d in texts for s in re.split(r"(?<=[.;])\s+", d)]
    # the same texts in capitals and with the characters re.I takes for ASCII letters
    texts += [t.upper() for t in texts[:40]]
    texts += [t.replace("i", "\u0131").replace("s", "\u017f").replace("k", "\u212a")
              for t in texts[:40]]
    return texts


@pytest.mark.parametrize("name,pattern", PATTERNS, ids=[n for n, _ in PATTERNS])
def test_never_rejects_a_match(name: str, pattern: re.Pattern[str], texts: list[str]) -> None:
    needs = Needs(pattern)
    for text in texts:
        if pattern.search(text):
            assert needs.may_match(text), (name, text[:80])


@pytest.mark.parametrize("name,pattern", PATTERNS, ids=[n for n, _ in PATTERNS])
def test_branches_answer_as_the_whole_pattern(name: str, pattern: re.Pattern[str],
                                              texts: list[str]) -> None:
    """Asked alternative by alternative, every pattern finds a match in exactly the texts
    its own ``search`` finds one in."""
    cue = Branches(pattern)
    for text in texts:
        assert cue.found_in(text) == bool(pattern.search(text)), (name, text[:80])


def test_branches_split_only_the_top_level() -> None:
    # "|" inside a group or a character class, or escaped, separates nothing
    parts = branches(re.compile(r"\bwe\s+(?:aim|seek)\b|[|(]x\||^\W*aims?:|[]|]y", re.I))
    assert [p.pattern for p in parts] == [r"\bwe\s+(?:aim|seek)\b", r"[|(]x\|", r"^\W*aims?:",
                                          r"[]|]y"]
    assert all(p.flags & re.I for p in parts)
    # a back reference would point at another group once split: the pattern stays whole
    whole = re.compile(r"(a)b|c\1")
    assert branches(whole) == (whole,)
    commented = re.compile(r"a(?#x|y)|b")  # a comment could hide a bracket: kept whole
    assert branches(commented) == (commented,)
    # invented sentences: each alternative is found on its own, "^" still anchors at the start
    cue = Branches(re.compile(r"\bwe\s+(?:aimed|sought)\s+to\b|^\W*objectives?\s*:", re.I))
    assert cue.found_in("Here we sought to test whether X helps.")
    assert cue.found_in("Objective: to test X.")
    assert not cue.found_in("The primary objective: was met.")
    assert not cue.found_in("We found that X helps.")


def _spans(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


@pytest.mark.parametrize("name,pattern", PATTERNS, ids=[n for n, _ in PATTERNS])
def test_starts_find_what_finditer_finds(name: str, pattern: re.Pattern[str],
                                         texts: list[str]) -> None:
    """Tried only where an opening occurs, every pattern finds the same matches, in the
    same order, as its own ``finditer``, in whole texts and between offsets."""
    at = Starts(pattern)
    for text in texts:
        assert _spans(at.finditer(text)) == _spans(pattern.finditer(text)), (name, text[:80])
        middle = len(text) // 3
        assert _spans(at.finditer(text, middle, 2 * middle)) == \
            _spans(pattern.finditer(text, middle, 2 * middle)), (name, text[:80])


def test_starts_of_invented_patterns() -> None:
    assert starts(re.compile(r"\b(?:increas|reduc)(?=e)\w*", re.I)) == {"increas", "reduc"}
    # an opening part whose strings are unknown ends the opening; none known: None
    assert starts(re.compile(r"interfer(?:e|ed)\s+with")) == {"interfere", "interfered"}
    assert starts(re.compile(r"\w+ly\s+increased")) is None
    assert starts(re.compile(r"(?:very\s+)?good")) is None  # may open with "good" or "very"
    assert starts(re.compile(r"x?")) is None  # may match the empty string
    # an invented sentence, in capitals and with the long s re.I takes for "s": the same
    # matches as finditer between every pair of offsets
    pattern = re.compile(r"(?<![-\w])(?:increas|reduc|suppress|le\w*ss)[a-z]*", re.I)
    text = "Exosomes INCREASED X, non-reduced Y and \u017fuppre\u017f\u017fed Z; le-ss"
    verbs = Starts(pattern)
    assert [m.group() for m in verbs.finditer(text)] == [
        "INCREASED", "\u017fuppre\u017f\u017fed"]
    for pos in range(len(text) + 1):
        for endpos in range(pos, len(text) + 1):
            assert _spans(verbs.finditer(text, pos, endpos)) == \
                _spans(pattern.finditer(text, pos, endpos)), (pos, endpos)


def test_requirements_read_literals_alternatives_and_repeats() -> None:
    clauses = required(re.compile(r"\b(?:positive|negative)\s+correlations?\s+between\b", re.I))
    # the two most selective: the longest word, then the alternatives' shortest word
    assert [sorted(c) for c in clauses] == [["correlation"], ["negative", "positive"]]
    # an optional word gives no requirement, a required repetition does
    assert required(re.compile(r"(?:very\s+)?(?:ab)+c")) == (frozenset({"ab"}),
                                                                frozenset({"c"}))
    # nothing literal: no requirement, so the test always passes
    needs = Needs(re.compile(r"\w+\s+\d+"))
    assert needs.clauses == () and needs.may_match("anything")


def test_several_patterns_pass_when_any_can_match() -> None:
    needs = Needs(re.compile(r"correlat", re.I), re.compile(r"\bbiomarkers?\b", re.I))
    assert needs.may_match("a new BIOMARKER")
    assert needs.may_match("X correlated with Y")
    assert not needs.may_match("X improved Y")
    # one pattern without a requirement: every text may match
    assert Needs(re.compile("correlat"), re.compile(r"\w")).may_match("X improved Y")


def test_guards_change_no_statement(monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule's keyword guard is a fast path only: with every guard switched off (each says
    "may match"), the development set's documents give exactly the same statements. A rule
    that uses ``Needs.may_match`` as a condition of its own (a sentence without level words
    is left alone) fails here: the condition must be written out, the guard in front of it."""
    from pathlib import Path

    from exokg.extract import extract_document
    from exokg.pipeline import analyse_document
    from exokg.recognise import Recogniser

    docs = load_documents([Path(__file__).parent / "devset" / "documents"])
    recogniser = Recogniser.default()

    def statements() -> dict[str, list[str]]:
        return {d.id: [repr(s) for s in extract_document(analyse_document(d, recogniser))]
                for d in docs}

    guarded = statements()
    monkeypatch.setattr(Needs, "may_match", lambda self, text: True)
    unguarded = statements()
    differ = [d for d in guarded if guarded[d] != unguarded[d]]
    assert not differ, f"guards change the statements of {differ[:3]}"


def test_shared_index_sees_strings_registered_after_a_text_was_scanned() -> None:
    """Every guard asks one index (one scan per text); a guard made after a text was
    scanned, and remembered, still finds its own strings in that text."""
    index = KeywordIndex()
    first = Needs(re.compile(r"correlat", re.I), index=index)
    text = "A new BIOMARKER correlated with outcome"
    assert first.may_match(text) and not first.may_match("X improved Y")
    later = Needs(re.compile(r"\bbiomarkers?\b", re.I), index=index)
    assert later.may_match(text)  # the same text object, asked before "biomarker" existed
    assert not later.may_match("X correlated with Y")
    # strings are registered once, each with its own bit, whichever guard brought them
    assert index.bits(["correlat"]) == first._masks[0][0]
    assert index.bits(["biomarker"]) != index.bits(["correlat"])


def test_index_mask_is_the_strings_that_occur_one_character_strings_included() -> None:
    """The mask of a text has the bit of every registered string that occurs in its fold
    and no other, whatever the string's length: one-character strings ("i", "-", "1") are
    tested apart from the automaton (invented sentences)."""
    index = KeywordIndex()
    strings = ["i", "-", "1", "(", "k", "in", "il-6", "level", "correlat", "\u00e9"]
    bits = {s: index.bits([s]) for s in strings}
    texts = ["Serum IL-6 levels (n = 12) were higher", "no marker was measured",
             "Kelvin \u212a and dotted \u0130 fold to ASCII", "caf\u00e9 1", "", "x"]
    for text in texts:
        folded = fold(text)
        expected = 0
        for s in strings:
            if s in folded:
                expected |= bits[s]
        assert index.present(text) == expected, text
    only_characters = KeywordIndex()
    dash = only_characters.bits(["-"])
    assert only_characters.present("IL-6") == dash and only_characters.present("IL6") == 0
