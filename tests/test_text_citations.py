"""Tests of citation marker recognition (exokg.text.citations) and markers per sentence."""

from __future__ import annotations

import time
from importlib.resources import files

import pytest

from exokg.model import Document
from exokg.text import expand_refs, find_citations, normalise, segment

CORPUS = "000_112079930ad29e58.txt"


def corpus_text() -> str:
    data = (files("exokg") / "resources" / "corpus" / CORPUS).read_bytes()
    return data.decode("utf-8")


def found(text: str) -> list[tuple[str, tuple[str, ...]]]:
    markers = find_citations(normalise(text).text)
    return [(m.text, m.refs) for m in markers]


POSITIVE = [
    # numbered, bracketed
    ("in mice [27].", [("[27]", ("27",))]),
    ("markers (CD9, CD63, and CD81) [18].", [("[18]", ("18",))]),
    ("as shown [1-3]", [("[1-3]", ("1", "2", "3"))]),
    ("as shown [4, 5; 9]", [("[4, 5; 9]", ("4", "5", "9"))]),
    ("as shown [1–3; 7]", [("[1–3; 7]", ("1", "2", "3", "7"))]),
    # numbered, parenthesised
    ("recovery (116, 117, 119).", [("(116, 117, 119)", ("116", "117", "119"))]),
    ("and TBI (114, 115). Next", [("(114, 115)", ("114", "115"))]),
    ("exosomes (119).", [("(119)", ("119",))]),
    # superscripts flattened onto words
    ("therapy include9, 14: 1) low", [("9, 14", ("9", "14"))]),
    ("low immunogenicity56; 2) no", [("56", ("56",))]),
    ("microvascular thrombosis14; 3)", [("14", ("14",))]),
    ("brain parenchyma67, 68; 4) the", [("67, 68", ("67", "68"))]),
    ("therapeutic vesicles17; 5)", [("17", ("17",))]),
    ("in a stroke model”164,168  ", [("164,168", ("164", "168"))]),
    ("and angiogenesis163.”", [("163", ("163",))]),
    ("of the vesicles17, 18 patients", [("17", ("17",))]),
    ("after stroke.12 The", [("12", ("12",))]),
    ("after stroke¹²,¹³ and", [("¹²,¹³", ("12", "13"))]),
    # author-year
    ("occlusion (Xin et al., 2012).", [("(Xin et al., 2012)", ("Xin et al., 2012",))]),
    ("exosomes (Yu et al., 2011).", [("(Yu et al., 2011)", ("Yu et al., 2011",))]),
    ("shown (Xin et al. 2012, 2013)", [("(Xin et al. 2012, 2013)",
                                       ("Xin et al., 2012", "Xin et al., 2013"))]),
    ("(Smith and Jones, 2010; Lee et al., 2015a)", [(
        "(Smith and Jones, 2010; Lee et al., 2015a)",
        ("Smith and Jones, 2010", "Lee et al., 2015a"),
    )]),
    ("(see van den Berg et al., 2010)", [("(see van den Berg et al., 2010)",
                                          ("van den Berg et al., 2010",))]),
    ("as Xin et al. (2012) showed", [("Xin et al. (2012)", ("Xin et al., 2012",))]),
    # the marker survives a line break inside it
    ("recovery (116, \n117, 119).", [("(116, 117, 119)", ("116", "117", "119"))]),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE, ids=[t for t, _ in POSITIVE])
def test_finds_markers(text: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert found(text) == expected


NEGATIVE = [
    "a single dosage of 200 mg total protein",
    "in the first 12months following therapy",
    "significantly (all p’s < \n0.01) higher",
    "loaded with miR-124 in patients",
    "exosomal markers (CD9, CD63, and CD81)",
    "interleukin (IL)-6 in serum",
    "the most recent clinical trial (NCT03384433) will begin",
    "accrual in October 2018.",
    "accrual began (October 2018).",
    "as reported (In 2012, the group)",
    "The Phase 1/2 clinical trial",
    "using 65 acute ischemic stroke patients and 66 healthy volunteers",
    "administrated 1 month after the stroke",
    "Ki-67 (also known as MKI67) was increased",
    "Exosomes of miR133b-overexpressed MSCs",
    "Stroke. 2018 May;49(5):1083-1090. doi: 10.1161/STROKEAHA.117.018292.",
    "PubMed PMID: 29669873; PubMed Central PMCID: PMC6028936.",
    "Front Neurosci. 2017;11:82. doi:10.3389/fnins.2017.00082",
    "include: 1) low immunogenicity; 2) no effect",
    "(1) low immunogenicity and (2) safety",
    "in the [2018] issue and [0] and (1000)",
    "(n = 5) and (10 and 20 mg/kg) and ratio (1:2)",
    "at day7 and week 2 of phase 3 and Figure 2 (Table 1) (Fig. 3)",
    "interleukin6 and caspase3 levels, p53 and pcDNA3.1",
    # invented: isoforms and subunits numbered after a spelled-out Greek letter
    "serum TGF-beta1, PKC-delta2 and integrin alpha5beta1.",
    "the alpha7 nicotinic receptor and the beta2, kappa3 subunits",
    "Smith (2010) showed",
    "it rose by 3.5 and 12.7 and 1,000 cells",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_leaves_numbers_that_are_not_references(text: str) -> None:
    assert found(text) == []


def test_marker_spans_slice_the_text() -> None:
    text = normalise(corpus_text()).text
    markers = find_citations(text)
    assert markers
    for marker in markers:
        assert text[marker.span.start : marker.span.end] == marker.text
    starts = [m.span.start for m in markers]
    assert starts == sorted(starts)
    assert all(a.span.end <= b.span.start for a, b in zip(markers, markers[1:]))


# sentence start -> the refs of its markers, for every corpus sentence that has any
CORPUS_MARKERS = {
    "A recent preclinical study": [("27",)],
    "Compared to cell-therapy": [("9", "14"), ("56",), ("14",), ("67", "68"), ("17",)],
    "Exosomes of miR133b": [("164", "168")],
    "Intravenous injection": [("163",)],
    "Intravenous administration of MSC": [("116", "117", "119")],
    "Therapeutic effect": [("114", "115")],
    "Systemic administration": [("114", "115")],
    "Intravenous administration of tailored": [("119",)],
    "Mesenchymal stem cell-derived exosomes": [("Xin et al., 2012",)],
    "Neurite branch": [("Yu et al., 2011",)],
    "This success": [("Yu et al., 2011",)],
    "miR-126 levels": [("23",)],
    "The finding that": [("20",)],
    "A key finding": [("17",)],
    "The fifth and final": [("18",)],
    "Patients provided": [("18",)],
    "When compared": [("18",)],
    "A second key": [("18",)],
    "Overall, this study": [("18",)],
}


def test_corpus_markers_per_sentence() -> None:
    sentences = segment(Document("corpus", corpus_text(), CORPUS))
    seen = {}
    for sentence in sentences:
        refs = [m.refs for m in sentence.citations]
        starts = [k for k in CORPUS_MARKERS if sentence.text.startswith(k)]
        if starts:
            key = max(starts, key=len)
            assert refs == CORPUS_MARKERS[key], sentence.text
            seen[key] = True
        else:
            assert refs == [], sentence.text  # headings and references carry no markers
    assert set(seen) == set(CORPUS_MARKERS)


def test_corpus_marker_styles_and_original_text() -> None:
    text = corpus_text()
    sentences = segment(Document("corpus", text, CORPUS))
    markers = [(s, m) for s in sentences for m in s.citations]
    assert {m.style for _, m in markers} == {"numeric", "author-year"}
    originals = set()
    for sentence, marker in markers:
        span = sentence.original_span(marker.span.start, marker.span.end)
        originals.add(text[span.start : span.end])
    assert {"[27]", "164,168", "(116, 117, 119)", "(Xin et al., 2012)", "67, 68"} <= originals


@pytest.mark.parametrize(
    ("body", "refs"),
    [
        ("27", ("27",)),
        ("116, 117, 119", ("116", "117", "119")),
        ("1-3", ("1", "2", "3")),
        ("5–7; 9", ("5", "6", "7", "9")),
        ("1-200", ("1", "200")),  # too long a range to expand
        ("9-3", ("9", "3")),  # a backwards range is kept as written
        ("", ()),
    ],
)
def test_expand_refs(body: str, refs: tuple[str, ...]) -> None:
    assert expand_refs(body) == refs


def test_hostile_text_is_matched_in_linear_time() -> None:
    hostile = [
        "(" + "Smith, " * 5000 + "Jones et al, 1990",
        "Smith, " * 5000,
        "(" + "van " * 5000 + "X",
        "word" + "1, " * 5000,
        "[" + "1, " * 5000,
    ]
    for text in hostile:
        started = time.perf_counter()
        find_citations(text)
        assert time.perf_counter() - started < 1.0
