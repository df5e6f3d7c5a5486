"""Tests of PDF clean-up with offset maps (exokg.text.normalise, exokg.text.hyphenation)."""

from __future__ import annotations

import random
import re
from importlib.resources import files

import pytest

from exokg.text import Normalised, hyphen_action, normalise
from exokg.text.normalise import DOUBLE_QUOTES, HYPHENS, LIGATURES, SINGLE_QUOTES

CORPUS = "000_112079930ad29e58.txt"


def corpus_text() -> str:
    """The founding corpus exactly as shipped (decoded, newlines untouched)."""
    data = (files("exokg") / "resources" / "corpus" / CORPUS).read_bytes()
    return data.decode("utf-8")


def explains(normalised: str, original: str) -> bool:
    """True when the original character can have produced the normalised one."""
    if normalised == original:
        return True
    if normalised == " ":
        return True  # collapsed whitespace, or the space put between a number and its unit
    if normalised == '"':
        return original in DOUBLE_QUOTES
    if normalised == "'":
        return original in SINGLE_QUOTES
    if normalised == "-":
        return original in HYPHENS
    return normalised in LIGATURES.get(original, "")


def assert_offset_map(text: str, result: Normalised) -> None:
    """The invariants every normalisation must keep."""
    assert len(result.offsets) == len(result.text)
    assert all(0 <= o < len(text) for o in result.offsets)
    assert all(a <= b for a, b in zip(result.offsets, result.offsets[1:]))
    for i, (char, offset) in enumerate(zip(result.text, result.offsets)):
        assert explains(char, text[offset]), (i, char, text[offset])
        if char == " " and not text[offset].isspace():  # an inserted space
            assert i + 1 < len(result.offsets) and result.offsets[i + 1] == offset


# --- the founding corpus -------------------------------------------------------------------


def test_corpus_offsets_map_every_character_back() -> None:
    text = corpus_text()
    result = normalise(text)
    assert_offset_map(text, result)
    # what normalisation dropped is only layout: whitespace and the hyphens of word splits
    kept = set(result.offsets)
    dropped = {text[i] for i in range(len(text)) if i not in kept}
    assert dropped <= {" ", "\n", "\r", "\t", "-"}


def test_corpus_has_no_line_end_hyphen_left() -> None:
    normalised = normalise(corpus_text()).text
    assert re.findall(r"\w- \w", normalised) == []
    assert "\n" not in normalised and "  " not in normalised
    assert not set(normalised) & (DOUBLE_QUOTES | SINGLE_QUOTES)


@pytest.mark.parametrize(
    ("normalised", "original"),
    [
        ("manipulated to contain miR-124", "manipulated to con- tain miR-124"),
        ("and prevented postischemic", "and pre- \nvented postischemic"),
        ("determine the beneficial effect", "determine the bene- ficial effect"),
        ("via stereotactic guidance", "via ste- reotactic guidance"),
        ("in the first 12 months following", "in the first 12months following"),
        ("decreased miR-133b to rats", "decreased miR-\n133b to rats"),
        ("human MSC-derived extracellular", "human MSC- derived extracellular"),
        ("naturally occurring MSC-derived exosomes", "naturally occurring MSC-\nderived exosomes"),
        ("transfer of microRNA 133b that", "transfer of microRNA 133 b that"),
        ("detecting cerebral ischemia, serum", "detecting cerebral ische- mia, serum"),
        ("qualifying the severity of", "qualifying the sever- ity of"),
        ("neurogenesis and angiogenesis post-stroke might",
         "neurogenesis and angiogen- esis post-\nstroke might"),
        ("preserved the sensitivity of", "preserved the sensi- tivity of"),
        ("vascular endothelial growth factor", "vascular endo- thelial growth factor"),
        ("had significantly higher", "had signifi- \ncantly higher"),
        ("(all p's < 0.01) higher median levels of miR-9 and miR-124, two micro-RNAs",
         "(all p’s < \n0.01) higher median levels of miR- 9 and miR-124, two micro-RNAs"),
        ("the inflammatory biomarker interleukin (IL)-6", "the in- flammatory biomarker "
         "interleukin \n(IL)-6"),
        ("tendency to prevent hypo-methylation.", "tendency to prevent \nhypo-methylation."),
        ("In this study of pre-term brains", "In this study of pre-term brains"),
        ('"The most recent clinical trial (NCT03384433)',
         "“The most recent clinical trial (NCT03384433)"),
    ],
)
def test_corpus_passage(normalised: str, original: str) -> None:
    text = corpus_text()
    result = normalise(text)
    at = result.text.index(normalised)
    span = result.original_span(at, at + len(normalised))
    assert text[span.start : span.end] == original


# --- hyphenation ---------------------------------------------------------------------------

JOINED = [
    ("con- tain", "contain"),
    ("bene- ficial", "beneficial"),
    ("ste- reotactic", "stereotactic"),
    ("signifi- \ncantly", "significantly"),
    ("pre- \nvented", "prevented"),
    ("ische- mia", "ischemia"),
    ("sever- ity", "severity"),
    ("in- flammatory", "inflammatory"),
    ("multi- ple", "multiple"),
    ("high- er", "higher"),
    ("cell- ular", "cellular"),
    ("Exo- somes were", "Exosomes were"),  # a split at the start of a sentence
    ("angiogen- esis163.", "angiogenesis163."),  # a glued reference is not part of the word
    ("con\u00adtain", "contain"),  # soft hyphen
    ("sig\u00ad\nnificant", "significant"),
]

KEPT = [
    ("MSC- derived", "MSC-derived"),
    ("miR-\n133b", "miR-133b"),
    ("miR- 9", "miR-9"),
    ("micro-RNAs", "micro-RNAs"),
    ("hypo-methylation", "hypo-methylation"),
    ("post-\nstroke", "post-stroke"),
    ("pre- term", "pre-term"),
    ("exosome- mediated", "exosome-mediated"),
    ("anti- inflammatory", "anti-inflammatory"),
    ("blood- brain barrier", "blood-brain barrier"),
    ("cell-to- cell", "cell-to-cell"),
    ("IL- 6", "IL-6"),
    ("Ki-\n67", "Ki-67"),
    ("β- catenin", "β-catenin"),
    ("hsa- mir124", "hsa-mir124"),
    ("1083-\n1090", "1083-1090"),
    ("pre- and post-treatment", "pre- and post-treatment"),  # suspended hyphen: untouched
    ("A- or B-cells", "A- or B-cells"),
    ("word-", "word-"),
    ("- x", "- x"),
]


@pytest.mark.parametrize(("text", "expected"), JOINED + KEPT, ids=[t for t, _ in JOINED + KEPT])
def test_line_end_hyphens(text: str, expected: str) -> None:
    result = normalise(text)
    assert result.text == expected
    assert_offset_map(text, result)


def test_hyphenation_follows_the_spelling_used_elsewhere_in_the_document() -> None:
    assert normalise("the neuro- inflammation").text == "the neuroinflammation"
    assert normalise("neuro-inflammation and neuro- inflammation").text == (
        "neuro-inflammation and neuro-inflammation"
    )
    assert normalise("blood- stream and bloodstream").text == "bloodstream and bloodstream"


@pytest.mark.parametrize(
    ("left", "right", "before", "action"),
    [
        ("con", "tain", "", "join"),
        ("Fur", "thermore", "", "join"),
        ("MSC", "derived", " ", "keep"),
        ("miR", "133b", " ", "keep"),
        ("post", "stroke", " ", "keep"),
        ("pre", "vented", " ", "join"),
        ("long", "er", " ", "join"),
        ("well", "known", " ", "keep"),
        ("to", "cell", "-", "keep"),
        ("pre", "and", " ", "leave"),
        ("pre", "Or", " ", "leave"),
    ],
)
def test_hyphen_action(left: str, right: str, before: str, action: str) -> None:
    assert hyphen_action(left, right, before) == action


# --- characters, whitespace, miRNA letters, units ------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“quoted” „low“", '"quoted" "low"'),
        ("p’s ‘x’ 5′", "p's 'x' 5'"),
        ("non\u2011coding \u2010", "non-coding -"),
        ("\ufb01brosis e\ufb03cacy", "fibrosis efficacy"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("bell\x07char", "bellchar"),
        ("lone\ud800surrogate", "lonesurrogate"),
        ("no\u00a0break  \t two\r\nlines", "no break two lines"),
        ("  \n padded \n ", "padded"),
        ("", ""),
        ("   ", ""),
        ("stroke\u2013related", "stroke\u2013related"),  # en dash is not a hyphen
        ("ümlaut α-synuclein", "ümlaut α-synuclein"),
    ],
)
def test_characters_and_whitespace(text: str, expected: str) -> None:
    result = normalise(text)
    assert result.text == expected
    if text.strip():
        assert_offset_map(text, result)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("microRNA 133 b that", "microRNA 133b that"),
        ("miR-30 c, and", "miR-30c, and"),
        ("let-7 a.", "let-7a."),
        ("miR-124 a key regulator", "miR-124 a key regulator"),
        ("miR-124 e.g. in mice", "miR-124 e.g. in mice"),
        ("miR-9 i.e. the", "miR-9 i.e. the"),
        ("12months and 5mg/kg and 3.5mL", "12 months and 5 mg/kg and 3.5 mL"),
        ("200 mg, CD63, p53, NCT03384433", "200 mg, CD63, p53, NCT03384433"),
        ("doi:10.1038/s41586-019-1000mg", "doi:10.1038/s41586-019-1000mg"),
    ],
)
def test_mirna_letters_and_units(text: str, expected: str) -> None:
    result = normalise(text)
    assert result.text == expected
    assert_offset_map(text, result)


def test_inserted_unit_space_maps_to_the_unit() -> None:
    result = normalise("first 12months")
    span = result.original_span(result.text.index("months") - 1, len(result.text))
    assert span.start == len("first 12")


def test_original_span() -> None:
    text = "a con- tain b"
    result = normalise(text)
    assert result.text == "a contain b"
    span = result.original_span(2, 9)
    assert text[span.start : span.end] == "con- tain"
    assert result.original_span(2, 2).start == 2
    assert result.original_span(len(result.text), len(result.text)).start == len(text)
    with pytest.raises(IndexError):
        result.original_span(5, 99)
    with pytest.raises(IndexError):
        result.original_span(3, 2)
    assert normalise("").original_span(0, 0).start == 0


def test_result_unpacks_as_text_and_offsets() -> None:
    text, offsets = normalise(" x ")
    assert (text, offsets) == ("x", (1,))


def test_random_text_keeps_the_offset_invariants() -> None:
    alphabet = (
        "ab MSC-miR124 \n\n\t-\u00ad\u200b“”’‘\ufb01\u2010\u00a0mg months e.g. 133 b "
        "(1) [2] ."
    )
    pieces = alphabet.split(" ") + list(alphabet)
    rng = random.Random(20240917)
    for _ in range(400):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", "\n"]) for _ in range(40))
        result = normalise(text)
        assert len(result.offsets) == len(result.text)
        assert all(a <= b for a, b in zip(result.offsets, result.offsets[1:]))
        assert all(0 <= o < len(text) for o in result.offsets)
        assert result.text == result.text.strip()


def test_line_hyphen_shortcut_only_skips_texts_the_pattern_cannot_match() -> None:
    """normalise looks for line-break hyphens only in a text with a hyphen followed by a
    white space; every match of the pattern holds one, so the shortcut never loses a join
    (invented texts: breaks by newline, tab, several spaces and a no-break space)."""
    import importlib

    module = importlib.import_module("exokg.text.normalise")
    texts = ["ische-\nmia", "neuro-\tprotection", "post-   stroke", "anti-\u00a0inflammatory",
             "IL-6 and miR-124", "a well-known - dash", "end-", "-\n", "pre- vented"]
    for text in texts:
        if module._LINE_HYPHEN.search(text):
            assert module._HYPHEN_SPACE.search(text), text
    assert normalise("the ische-\nmia").text == "the ischemia"
    assert normalise("the neuro-\tprotective drug").text == "the neuroprotective drug"
    assert normalise("IL-6 and miR-124").text == "IL-6 and miR-124"


def test_line_hyphen_shortcut_gives_what_the_pattern_alone_gives(monkeypatch) -> None:
    """Random texts of letters, hyphens and white space normalise the same with the
    shortcut and without it (a search that always finds something)."""
    import importlib

    module = importlib.import_module("exokg.text.normalise")
    rng = random.Random(11)
    texts = ["".join(rng.choice("ab-\n \t\u00a0ém1") for _ in range(rng.randint(0, 24)))
             for _ in range(400)]
    fast = [normalise(t) for t in texts]
    monkeypatch.setattr(module, "_HYPHEN_SPACE", re.compile(""))
    assert [normalise(t) for t in texts] == fast
