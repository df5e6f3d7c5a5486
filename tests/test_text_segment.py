"""Tests of sentence segmentation with exact original offsets (exokg.text.segment)."""

from __future__ import annotations

import random
from importlib.resources import files

import pytest

from exokg.model import Document, RecordField, Sentence
from exokg.text import normalise, segment

CORPUS = "000_112079930ad29e58.txt"


def corpus_text() -> str:
    data = (files("exokg") / "resources" / "corpus" / CORPUS).read_bytes()
    return data.decode("utf-8")


def texts(text: str) -> list[str]:
    return [s.text for s in segment(Document("d", text, "test"))]


def assert_sentences_map_back(document: Document, sentences: list[Sentence]) -> None:
    """Every sentence slices the original exactly and its markers slice the sentence."""
    previous_end = 0
    for index, sentence in enumerate(sentences):
        assert sentence.index == index
        assert sentence.document_id == document.id
        assert sentence.text and sentence.text == sentence.text.strip()
        assert len(sentence.offsets) == len(sentence.text)
        span = sentence.span
        assert previous_end <= span.start < span.end <= len(document.text)
        assert span.start == sentence.offsets[0]
        assert span.end == sentence.offsets[-1] + 1
        assert all(span.start <= o < span.end for o in sentence.offsets)
        original = document.text[span.start : span.end]
        # the original slice normalises back to the sentence (hyphen decisions aside)
        assert normalise(original).text.replace("-", "") == sentence.text.replace("-", "")
        for marker in sentence.citations:
            assert sentence.text[marker.span.start : marker.span.end] == marker.text
            mapped = sentence.original_span(marker.span.start, marker.span.end)
            assert span.start <= mapped.start < mapped.end <= span.end
        previous_end = span.end


def test_whole_corpus_round_trip() -> None:
    document = Document("corpus", corpus_text(), CORPUS)
    sentences = segment(document)
    assert len(sentences) == 49
    assert_sentences_map_back(document, sentences)


def test_bundled_documents_round_trip() -> None:
    from exokg.corpus.readers import read_bundled_corpus

    documents = read_bundled_corpus()
    assert documents
    for document in documents:
        assert_sentences_map_back(document, segment(document))


def test_original_characters_of_a_sentence() -> None:
    text = corpus_text()
    document = Document("corpus", text, CORPUS)
    sentence = next(s for s in segment(document) if s.text.startswith("Led by Zali"))
    original = text[sentence.span.start : sentence.span.end]
    assert original.startswith("Led by Zali et al. at the Shahid Beheshti University")
    assert "genetically manipulated to con- tain miR-124" in original
    at = sentence.text.index("contain")
    mapped = sentence.original_span(at, at + len("contain"))
    assert text[mapped.start : mapped.end] == "con- tain"


# The excerpt blocks of the founding corpus (first words, last words) and their sentences.
BLOCKS = {
    "trial": (
        "“The most recent",
        "posttreatment.”",
        [
            "The most recent clinical trial (NCT03384433) will begin accrual in October 2018.",
            "Led by Zali et al. at the Shahid Beheshti University of Medical Sciences, the study "
            "aims to determine the safety and efficacy of bone marrow MSC-derived exosomes "
            "genetically manipulated to contain miR-124 in patients with acute ischemic stroke.",
            "A recent preclinical study showed that MSC-derived exosomes loaded with miR-124 "
            "ameliorated brain injure, promoted neurovascular recovery after stroke, and "
            "prevented postischemic immunosuppression in mice [27].",
            "The Phase 1/2 clinical trial aims to determine the beneficial effect of MSC-derived "
            "exosomes transfected with miR-124 administrated 1 month after the stroke, via "
            "stereotactic guidance into the ischemic area.",
            "Five patients will receive a single dosage of 200 mg total protein of allogenic "
            "MSC-derived exosomes loaded with miR-124.",
            "The primary endpoint is safety in the first 12 months following therapy with "
            "documentation of adverse events including progressive or recurrent stroke, brain "
            "edema, seizures, and ischemic to hemorrhagic transformation.",
            "The secondary outcome, efficacy will be measured by the improvement in the modified "
            "Rankin Scale during the first year posttreatment.",
        ],
    ),
    "advantages": (
        "“Compared to cell",
        "content.”",
        [
            "Compared to cell-therapy, the advantages of exosome-based therapy include9, 14: "
            "1) low immunogenicity56; 2) no vascular obstructive effect, and reduced risk of "
            "secondary microvascular thrombosis14; 3) systemically injected exosomes are able "
            "to cross the BBB and enter the brain parenchyma67, 68; 4) the potential to develop "
            "large scale cellular factories of engineered therapeutic vesicles17; 5) exosomes "
            "have higher surface/volume ratio and amplify ligand gated signaling pathways and "
            "the transfer of biomolecules from stem cells to target tissues; 6) ability to "
            "readily modify exosome microRNA (miR) content.",
        ],
    ),
    "mir133b": (
        "“Exosomes of miR133b",
        "model”164,168",
        [
            "Exosomes of miR133b-overexpressed MSCs have recently been reported to improve "
            'neural plasticity and functional recovery in a stroke model"164,168',
        ],
    ),
    "intravenous": (
        "“Intravenous injection",
        "angiogenesis163.”",
        [
            "Intravenous injection of MSC-derived exosomes could improve functional recovery "
            "and neurite remodeling, neurogenesis, and angiogenesis163.",
        ],
    ),
    "jci": (
        "“Intravenous administration of MSC",
        "exosomes (119).”",
        [
            "Intravenous administration of MSC-derived exosomes to rats subjected to focal "
            "cerebral ischemia or TBI substantially improved neurological function by "
            "promoting neurovascular remodeling during stroke and TBI recovery (116, 117, 119).",
            "Therapeutic effect of MSC-derived exosomes has also been demonstrated by "
            "independent laboratories in the mouse subjected to stroke and TBI (114, 115).",
            "Systemic administration of MSC-derived extracellular vesicles to ischemic mice "
            "markedly reduced motor coordination deficits and enhanced angiogenesis and "
            "neurogenesis, while treatment of TBI mice with human MSC-derived extracellular "
            "vesicles substantially preserved spatial leaning ability (114, 115).",
            "Intravenous administration of tailored MSC-derived exosomes with increased or "
            "decreased miR-133b to rats with stroke led to enhancement or exacerbation, "
            "respectively, of axonal remodeling and neurological function compared with "
            "naturally occurring MSC-derived exosomes (119).",
        ],
    ),
    "author-year": (
        "Mesenchymal stem cell-derived",
        "injury (Yu et al., 2011).",
        [
            "Mesenchymal stem cell-derived exosomes are shown to yield tissue-protective "
            "effects in stroke models following neural injury resulting from middle cerebral "
            "artery occlusion (Xin et al., 2012).",
            "Neurite branch number and length was shown to increase significantly following "
            "delivery of mesenchymal stem cell-derived exosomes (Yu et al., 2011).",
            "This success presumably resulted from exosomal transfer of microRNA 133b that has "
            "been shown to facilitate neuronal recovery following spinal cord injury "
            "(Yu et al., 2011).",
        ],
    ),
    "mir126": (
        "“miR-126",
        "stroke [17]. “",
        [
            "miR-126 levels are informative for detecting cerebral ischemia, serum levels "
            "increased sensitivity to qualifying the severity of ischemia [23]",
            "The finding that MSCs and MSC-EVs comparably promoted neurogenesis and "
            "angiogenesis post-stroke might suggest that the active component of MSC therapy "
            "is due in part to the administration of exosomes, though this remains to be "
            "empirically established [20].",
            "In this study of pre-term brains, the therapeutic administration of MSC-EVs "
            "reduced the number and duration of seizures; MSC-EVs also preserved the "
            "sensitivity of the baroreceptor reflex, which was associated with an observed "
            "tendency to prevent hypo-methylation.",
            "A key finding of this study is that BYHWD-treated exosomes resulted in higher "
            "expression of angiogenic miRNA in cell culture; in the rat model, expression of "
            "vascular endothelial growth factor (VEGF) and Ki-67 (also known as MKI67) was "
            "increased, which was associated with augmented vascular density after stroke [17].",
        ],
    ),
    "serum": (
        "“The fifth",
        "damage [18]. “",
        [
            "The fifth and final study examined exosomes using 65 acute ischemic stroke "
            "patients and 66 healthy volunteers who did not have a history of stroke [18].",
            "Patients provided serum samples which were used to isolate exosomes, and western "
            "blot analysis was used to assess levels of established exosomal markers (CD9, "
            "CD63, and CD81) [18].",
            "When compared to controls, individuals with stroke had significantly higher "
            "concentrations of exosomes in serum, as well as significantly (all p's < 0.01) "
            "higher median levels of miR-9 and miR-124, two micro-RNAs implicated in "
            "regulation of gene expression [18].",
            "A second key finding was that exosomal levels of both miR-9 and miR-124 were "
            "positively correlated with total score on the National Institutes of Health "
            "Stroke Scale and were also correlated with the overall volume of the infarct as "
            "well as the concentration of the inflammatory biomarker interleukin (IL)-6 in "
            "serum [18].",
            "Overall, this study suggested that exosomes obtained from serum samples are "
            "helpful in identifying patients with acute ischemic stroke and can be used to "
            "gain insights into the likely extent of damage [18].",
        ],
    ),
}


@pytest.mark.parametrize("name", BLOCKS)
def test_corpus_block_sentences(name: str) -> None:
    first, last, expected = BLOCKS[name]
    text = corpus_text()
    start = text.index(first)
    end = text.index(last, start) + len(last)
    document = Document(name, text[start:end], CORPUS, start=start)
    sentences = segment(document)
    assert [s.text for s in sentences] == expected
    assert_sentences_map_back(document, sentences)


def test_whole_corpus_keeps_the_block_sentences() -> None:
    found = texts(corpus_text())
    for _, _, expected in BLOCKS.values():
        for sentence in expected:
            assert sentence in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Xin et al. reported it. Then more.", ["Xin et al. reported it.", "Then more."]),
        ("We used e.g. MSCs here. Also i.e. This one.",
         ["We used e.g. MSCs here.", "Also i.e. This one."]),
        ("See Fig. 2 and Figs. 3-4. Next.", ["See Fig. 2 and Figs. 3-4.", "Next."]),
        ("MSCs vs. Fibroblasts differed. Next.", ["MSCs vs. Fibroblasts differed.", "Next."]),
        ("It rose 2.5-fold at 0.01 mM. Then fell.", ["It rose 2.5-fold at 0.01 mM.", "Then fell."]),
        ("higher (all p’s <\n0.01) levels. Next.", ["higher (all p's < 0.01) levels.", "Next."]),
        ("Chen J, Chopp M. Exosome Therapy. Stroke.",
         ["Chen J, Chopp M. Exosome Therapy.", "Stroke."]),
        ("Zhang Z.G. and J. R. Smith wrote. Next.", ["Zhang Z.G. and J. R. Smith wrote.", "Next."]),
        ("include: 1) low cost; 2) safety; 3) scale.",
         ["include: 1) low cost; 2) safety; 3) scale."]),
        ("1. First item. 2. Second item.", ["1. First item.", "2. Second item."]),
        ("In the No. 5 group approx. 5 mm. Next.", ["In the No. 5 group approx. 5 mm.", "Next."]),
        ("Given i.v. Then it rose.", ["Given i.v.", "Then it rose."]),
        ("Is it? Yes! It is.", ["Is it?", "Yes!", "It is."]),
        ("It rose. miR-126 fell. mRNA too. p53 also.",
         ["It rose.", "miR-126 fell.", "mRNA too.", "p53 also."]),
        ("it rose. and then fell.", ["it rose. and then fell."]),
        ("It rose (119). Next.", ["It rose (119).", "Next."]),
        ("It rose angiogenesis163. Next.", ["It rose angiogenesis163.", "Next."]),
        ("It rose. [18] Next.", ["It rose. [18]", "Next."]),
        ("ischemia [23] The finding held.", ["ischemia [23]", "The finding held."]),
        ("established [20]. . In this study.", ["established [20].", "In this study."]),
        ("“A quote.”\n“Another quote.”", ["A quote.", "Another quote."]),
        ("a heading\n“Quoted text here”", ["a heading", "Quoted text here"]),
        ("Ends 00082\n\nMesenchymal cells.", ["Ends 00082", "Mesenchymal cells."]),
        ("flows on\n\nAcross a blank line.", ["flows on Across a blank line."]),
        ("", []),
        ("  \n ", []),
        ("... “ ”", []),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_citations_are_attached_to_their_sentences() -> None:
    document = Document("d", "It rose [27]. It fell (Xin et al., 2012). Nothing here.", "t")
    sentences = segment(document)
    assert [[m.refs for m in s.citations] for s in sentences] == [
        [("27",)], [("Xin et al., 2012",)], []
    ]
    marker = sentences[1].citations[0]
    assert marker.style == "author-year"
    assert sentences[1].text[marker.span.start : marker.span.end] == "(Xin et al., 2012)"


def test_document_start_does_not_shift_spans() -> None:
    document = Document("d", "  One. Two.", "t", start=1000)
    assert [(s.span.start, s.span.end) for s in segment(document)] == [(2, 6), (7, 11)]


def test_random_text_keeps_the_span_invariants() -> None:
    words = (
        "MSC- derived exo- somes [27] (116, 117) include9, 14: et al. e.g. Fig. 2. 0.01 p’s "
        "“Quote” ” “ miR-\n133b . . ? ! 1) 2. \n\n The A. (Xin et al., 2012) stroke.163"
    ).split(" ")
    rng = random.Random(7)
    for n in range(300):
        text = "".join(rng.choice(words) + rng.choice([" ", "\n", " \n", ""]) for _ in range(30))
        document = Document(f"r{n}", text, "random")
        assert_sentences_map_back(document, segment(document))


# -- rule 4: document structure (titles, headings, abstract sections) ----------------------------


def test_record_title_is_its_own_sentence() -> None:
    title = "Vesicles from stromal cells improve recovery in rats"
    text = f"{title}\n\nBACKGROUND: stroke disables. RESULTS: rats recovered."
    fields = (RecordField("title", title, 0, len(title)),
              RecordField("section", "BACKGROUND", len(title) + 2, len(title) + 30),
              RecordField("section", "RESULTS", len(title) + 31, len(text)))
    sentences = segment(Document("d", text, "test", title=title, kind="abstract",
                                 fields=fields))
    assert [s.text for s in sentences] == [title, "BACKGROUND: stroke disables.",
                                          "RESULTS: rats recovered."]


def test_front_matter_title_repeated_as_first_line_is_cut() -> None:
    title = "Exosome therapy after stroke in mice"
    text = f"# {title}\n\nmiR-17 levels rose in treated mice."
    sentences = segment(Document("d", text, "test", title=title))
    assert [s.text for s in sentences] == [f"# {title}", "miR-17 levels rose in treated mice."]
    assert text[sentences[0].span.start:sentences[0].span.end] == f"# {title}"


def test_title_not_repeated_is_not_cut() -> None:
    text = "A first line without a period\ncontinues the sentence here."
    sentences = segment(Document("d", text, "test", title="Something else"))
    assert len(sentences) == 1
