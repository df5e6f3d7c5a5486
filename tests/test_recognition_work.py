"""Recognition does only the work its caller reads: a build (``document_statements``
without a mention list) leaves out the names for annotation only (``Analysed.annotated``:
protein names no gene table grounds, cell and anatomy spans), which no rule reads, and the
names that person, species and cell words stand for are recognised once per recogniser.
The abstracts below are invented."""

from __future__ import annotations

import pytest

from exokg.extract import extract_document
from exokg.extract.registry import extract_record
from exokg.model import Document
from exokg.pipeline import analyse_document, document_statements
from exokg.recognise import Recogniser

#: invented: protein names ("protein kinase C", "IL-2 receptor"), anatomy and cell words,
#: person and species words ("patients", "murine", "microglia"), a defined short form
ABSTRACT = (
    "Mesenchymal stem cell-derived exosomes (MSC-Exos) reduced infarct volume in murine "
    "models of ischemic stroke. MSC-Exos inhibited protein kinase C and lowered IL-2 "
    "receptor expression in the ipsilateral cortex and hippocampal neurons. Activation of "
    "microglia was reduced, and patients with intracerebral hemorrhage tolerated the "
    "treatment. Astrocytic extracellular vesicles carried miR-124 to neurons.")


@pytest.fixture(scope="module")
def document() -> Document:
    return Document("invented-1", ABSTRACT, "test", kind="abstract")


def test_without_annotation_the_analysis_differs_only_by_the_annotation_names(
        recogniser: Recogniser, document: Document) -> None:
    full = analyse_document(document, recogniser)
    plain = analyse_document(document, recogniser, annotate=False)
    assert any(a.annotated for a in full)  # the abstract has names for annotation only
    assert [a.annotated for a in plain] == [()] * len(plain)
    assert [(a.sentence, a.mentions, a.values, a.parts) for a in plain] == \
        [(a.sentence, a.mentions, a.values, a.parts) for a in full]
    # found later, they are what the full analysis gave
    assert [recogniser.annotations(a) for a in plain] == [a.annotated for a in full]


def test_a_build_reads_the_same_statements_without_the_annotation_names(
        recogniser: Recogniser, document: Document) -> None:
    built, entities, count = document_statements(document, recogniser)
    full = analyse_document(document, recogniser)
    assert built  # the abstract gives statements
    assert built == extract_document(full) + extract_record(document, recogniser)
    assert count == len(full)
    mentions: list = []
    assert document_statements(document, recogniser, mentions) == (built, entities, count)
    assert mentions  # asked for mentions, the annotation names are looked for again


def test_a_name_a_word_stands_for_is_recognised_once(recogniser: Recogniser) -> None:
    fresh = Recogniser.from_vocabulary(recogniser.vocabulary, recogniser.grounder,
                                       recogniser.open_lexicon)
    calls: list[str] = []
    base = fresh.base_mentions

    def counted(text: str) -> list:
        calls.append(text)
        return base(text)

    object.__setattr__(fresh, "base_mentions", counted)
    first = fresh.name_mentions("human")
    assert fresh.name_mentions("human") == first == base("human")
    assert calls == ["human"]
    assert any(m.category == "Species" for m in first)
    first.clear()  # the caller's list is its own
    assert fresh.name_mentions("human") == base("human")

