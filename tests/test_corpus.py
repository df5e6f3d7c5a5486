"""The bundled founding corpus and the documented input formats."""

from __future__ import annotations

from pathlib import Path

import pytest

from exokg.corpus.readers import bundled_corpus_path, read_documents, read_text_file
from exokg.errors import InputError
from exokg.pipeline import load_documents

SHARED_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / \
    "000_112079930ad29e58.txt"


def test_bundled_corpus_is_byte_identical_to_the_shared_one() -> None:
    assert SHARED_CORPUS.exists(), f"expected the shared corpus at {SHARED_CORPUS}"
    assert bundled_corpus_path().read_bytes() == SHARED_CORPUS.read_bytes()


def test_corpus_splits_into_eight_excerpts_that_slice_the_file() -> None:
    whole = bundled_corpus_path().read_text(encoding="utf-8")
    documents = load_documents()
    assert [d.id[-3:] for d in documents] == [f"e0{i}" for i in range(1, 9)]
    for doc in documents:
        assert whole[doc.start:doc.start + len(doc.text)] == doc.text
    assert documents[0].text.lstrip().startswith("“The most recent clinical trial")


def test_excerpts_are_attributed_to_the_review_they_are_quoted_from() -> None:
    docs = {d.id[-3:]: d for d in load_documents()}
    chen = docs["e02"].source
    assert (chen.pmid, chen.pmcid, chen.doi) == ("29669873", "PMC6028936",
                                                 "10.1161/STROKEAHA.117.018292")
    assert chen.authors == ("Chen J", "Chopp M") and chen.year == 2018
    assert chen.journal == "Stroke" and chen.pages == "1083-1090"
    zhang = docs["e05"].source
    assert (zhang.pmid, zhang.doi, zhang.journal) == ("27035810", "10.1172/JCI81133",
                                                      "J Clin Invest")
    sarko = docs["e06"].source
    assert sarko.doi == "10.3389/fnins.2017.00082" and sarko.pmid is None
    # block 3/4 follow a citation that lost its start: the fragment stays partial
    partial = docs["e03"].source
    assert partial.partial and partial.pmid == "29692195" and partial.doi == \
        "10.1177/0963689717723636"
    assert partial.title is None and partial.authors == () and partial.journal is None
    assert docs["e04"].source == partial
    # the trial text and the last two blocks have no stated source: nothing is invented
    for key in ("e01", "e07", "e08"):
        source = docs[key].source
        assert source is None or (source.pmid, source.doi, source.title) == (None, None, None)


def test_front_matter_document(tmp_path: Path) -> None:
    path = tmp_path / "xin2013.md"
    path.write_text("---\nid: xin2013\npmid: 23963371\nyear: 2013\nauthors: Xin H; Li Y\n"
                    "title: Systemic administration of exosomes\n---\n"
                    "MSC-derived exosomes improved functional recovery in rats.\n",
                    encoding="utf-8")
    (doc,) = read_documents(path)
    assert doc.id == "xin2013"
    assert doc.source.pmid == "23963371" and doc.source.authors == ("Xin H", "Li Y")
    raw = path.read_text(encoding="utf-8")
    assert raw[doc.start:] == doc.text


def test_sidecar_metadata(tmp_path: Path) -> None:
    path = tmp_path / "abstract.txt"
    path.write_text("Exosomes reduced infarct volume in mice.\n", encoding="utf-8")
    (tmp_path / "abstract.meta.yaml").write_text("doi: 10.1000/xyz\nyear: 2020\n",
                                                  encoding="utf-8")
    (doc,) = read_documents(path)
    assert doc.source.doi == "10.1000/xyz" and doc.source.year == 2020


@pytest.mark.parametrize("content, message", [
    (b"", "empty file"),
    (b"   \n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
    (b"fine line\nbad \xff byte\n", "invalid UTF-8"),
])
def test_bad_files_give_one_line_errors_naming_file_and_place(
        tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_text_file(path)
    text = str(err.value)
    assert "\n" not in text and str(path) in text and message in text
    if message == "invalid UTF-8":
        assert f"{path}:2:5:" in text  # line 2, column 5, compiler style


def test_missing_file_and_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_documents([tmp_path / "nope.txt"])
    odd = tmp_path / "data.xlsx"
    odd.write_bytes(b"PK\x03\x04")
    with pytest.raises(InputError, match="unknown input format"):
        load_documents([tmp_path])


def test_bad_front_matter_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text("---\nid: x\nyear: [2020\n---\nText.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"x\.md:[34]: invalid YAML"):
        read_documents(path)


def test_duplicate_document_ids_are_refused(tmp_path: Path) -> None:
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("---\nid: same\n---\nExosomes help.\n", encoding="utf-8")
    with pytest.raises(InputError, match="'same' is also used"):
        load_documents([tmp_path])
