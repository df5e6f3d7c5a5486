"""``exokg annotate``: the PubTator reader, document mentions, the PubTator and BioC writers
(offsets, round trips through the ``bioc`` package), abbreviation definitions and the CLI."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import bioc
import bioc.biocjson
import pytest

from exokg.annotate import abbreviation_definitions, annotate_documents, document_mentions, \
    write_annotations
from exokg.annotate.bioc import bioc_collection
from exokg.annotate.layout import pubtator_text
from exokg.annotate.mentions import annotation_class, mention_ids, output_curie
from exokg.corpus.pubtator import looks_like_pubtator, read_pubtator
from exokg.corpus.readers import count_documents, detect_format, iter_documents
from exokg.errors import InputError
from exokg.model import Document, Entity
from exokg.pipeline import load_documents
from exokg.recognise import Recogniser

DATA = Path(__file__).parent / "data"
SMALL = DATA / "annotate" / "small.PubTator.txt"
PUBMED = DATA / "inputs" / "pubmed_two_articles.xml"


def parse_pubtator(text: str) -> dict[str, dict]:
    """A minimal independent PubTator reader: {id: {'text', 'ents': [(s, e, m, type, ids)]}}."""
    docs: dict[str, dict] = {}
    for line in text.splitlines():
        if not line:
            continue
        if "|t|" in line.split("\t")[0] or "|a|" in line.split("\t")[0]:
            pmid, kind, body = line.split("|", 2)
            d = docs.setdefault(pmid, {"title": None, "abstract": None, "ents": []})
            d["title" if kind == "t" else "abstract"] = body
            continue
        pmid, s, e, mention, typ, ids = line.split("\t")
        docs[pmid]["ents"].append((int(s), int(e), mention, typ, ids))
    for d in docs.values():
        d["text"] = f"{d['title']} {d['abstract']}"
    return docs


# --- the PubTator reader --------------------------------------------------------------------

def test_pubtator_reader_builds_title_space_abstract_and_ignores_annotations() -> None:
    docs = list(read_pubtator(SMALL))
    assert [d.id for d in docs] == ["pubmed-90000001", "pubmed-90000002"]
    first = docs[0]
    lines = SMALL.read_text(encoding="utf-8").splitlines()
    title, abstract = lines[0].split("|t|")[1], lines[1].split("|a|")[1]
    assert first.text == f"{title} {abstract}"
    assert first.title == title and first.source is not None and first.source.pmid == "90000001"
    assert first.kind == "abstract"
    assert [(f.name, f.start, f.end) for f in first.fields] == [
        ("title", 0, len(title)), ("section", len(title) + 1, len(first.text))]
    # the file's own annotation offsets are offsets into the same text
    assert first.text[60:75] == "ischemic stroke"


def test_pubtator_is_detected_from_content_whatever_the_extension(tmp_path: Path) -> None:
    plain = tmp_path / "notes.txt"
    plain.write_text("A title | with bars\nMSC exosomes.\n", encoding="utf-8")
    other = tmp_path / "corpus.pubtator"
    other.write_bytes(SMALL.read_bytes())
    assert detect_format(SMALL) == "pubtator"
    assert detect_format(other) == "pubtator"
    assert detect_format(plain) == "text"
    assert count_documents(SMALL) == 2
    assert len(list(iter_documents(other))) == 2
    assert looks_like_pubtator("\n\n123|t|T\n") and not looks_like_pubtator("123|x|T\n")


@pytest.mark.parametrize("content, message, line", [
    ("1|t|A\n1|a|B\nnot a pubtator line\n", "not a PubTator line", 3),
    ("1|t|A\n1|a|B\n\n2|t|C\n\n1|t|D\n", "PMID 1 appears again (first block at line 1)", 6),
    ("1|t|A\n1|t|B\n", "a second title line for PMID 1", 2),
    ("1|t|A\n1|a|B\n1|a|C\n", "a second abstract line for PMID 1", 3),
    ("1|t|A\n2\t0\t1\tA\tDisease\tD1\n", "annotation line for PMID '2' outside its block", 2),
    ("1|t|\n1|a|\n", "PMID 1: neither title nor abstract text", 1),
])
def test_pubtator_reader_errors_name_file_and_line(tmp_path: Path, content: str, message: str,
                                                    line: int) -> None:
    path = tmp_path / "bad.PubTator.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        list(read_pubtator(path))
    assert message in str(err.value)
    assert err.value.line == line and str(err.value).startswith(f"{path}:{line}")


def test_pubtator_without_abstract_line_is_the_title(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("7|t|Stroke in rats.\n7\t0\t6\tStroke\tDisease\tD020521\n", encoding="utf-8")
    (doc,) = read_pubtator(path)
    assert doc.text == "Stroke in rats."


# --- document mentions ----------------------------------------------------------------------

def every_input() -> list[Document]:
    from exokg.corpus.readers import read_bundled_corpus
    return load_documents([SMALL, PUBMED]) + read_bundled_corpus()


def test_every_mention_text_is_the_document_text_at_its_offsets(recogniser: Recogniser) -> None:
    total = 0
    for doc in every_input():
        for m in document_mentions(doc, recogniser):
            assert doc.text[m.start:m.end] == m.text, (doc.id, m)
            assert m.start < m.end
            total += 1
    assert total > 100


def test_mentions_report_parts_and_composite_preparations(recogniser: Recogniser) -> None:
    doc = next(d for d in load_documents([SMALL]) if d.id == "pubmed-90000001")
    found = {(m.text, m.type): m for m in document_mentions(doc, recogniser)}
    prep = found[("Exosomes from mesenchymal stem cells", "ExosomePreparation")]
    assert prep.composite and not prep.grounded and prep.ids[0].startswith("exokg:preparation/")
    assert found[("Exosomes", "Vesicle")].ids == ("GO:0070062",)
    cell = found[("mesenchymal stem cells", "CellType")]
    assert cell.ids[0] == "CL:0000134" and "MESH:D044982" in cell.ids and cell.grounded
    assert found[("rats", "Species")].ids == ("NCBITaxon:10116",)
    assert found[("miR-124", "MicroRNA")].sentence_index == 1
    assert ("neurogenesis", "Process") in found


def test_classes_and_curies_for_output() -> None:
    assert annotation_class("Protein") == "Gene"
    assert annotation_class("BiologicalProcess") == "Process"
    assert annotation_class("AnatomicalEntity") == "Anatomy"
    assert annotation_class("SomethingNew") == "SomethingNew"
    assert output_curie("mesh:D020521") == "MESH:D020521"
    assert output_curie("mirbase.mature:MIMAT0000422") == "miRBase:MIMAT0000422"
    mature = Entity("mirbase.mature:MIMAT0000422", "hsa-miR-124-3p", "MicroRNA",
                    xrefs=("NCBIGene:406907",), attributes=(("species", "hsa"),))
    assert mention_ids(mature) == (("miRBase:MIMAT0000422", "NCBIGene:406907"), True)
    # a name-level miRNA's xrefs are narrower terms (each species' form), not its ids
    name_level = Entity("exokg:mirna/mir-124", "miR-124", "MicroRNA",
                        xrefs=("mirbase.mature:MIMAT0000422",))
    assert mention_ids(name_level) == (("exokg:mirna/mir-124",), False)


# --- PubTator output ------------------------------------------------------------------------

def render(fmt: str, paths: list[Path], recogniser: Recogniser) -> str:
    out = io.StringIO()
    write_annotations(annotate_documents(load_documents(paths), recogniser), out, fmt)
    return out.getvalue()


def test_pubtator_output_round_trips_the_input_text_and_offsets(recogniser: Recogniser) -> None:
    written = render("pubtator", [SMALL], recogniser)
    lines = [ln for ln in written.splitlines() if "|t|" in ln or "|a|" in ln]
    original = [ln for ln in SMALL.read_text(encoding="utf-8").splitlines()
                if "|t|" in ln or "|a|" in ln]
    assert lines == original  # the text comes back byte for byte
    docs = parse_pubtator(written)
    assert sum(len(d["ents"]) for d in docs.values()) >= 15
    for d in docs.values():
        for s, e, mention, typ, ids in d["ents"]:
            assert d["text"][s:e] == mention
            assert typ and all(":" in i for i in ids.split(","))
    # and the output is itself readable as exokg input, with the same text
    again = list(read_pubtator_text(written))
    assert [d.text for d in again] == [d.text for d in load_documents([SMALL])]


def test_pubtator_output_round_trips_through_the_bioc_package(recogniser: Recogniser) -> None:
    import bioc.pubtator

    written = render("pubtator", [SMALL, PUBMED], recogniser)
    documents = bioc.pubtator.loads(written)
    assert [d.pmid for d in documents] == ["90000001", "90000002", "11111111", "22222222"]
    for d in documents:
        bioc.pubtator.validate(d)  # its own offset check (title and abstract, one separator)
        assert d.annotations
    ours = parse_pubtator(written)
    theirs = [(d.pmid, a.start, a.end, a.text, a.type, a.id)
              for d in bioc.pubtator.loads(bioc.pubtator.dumps(documents))
              for a in d.annotations]
    assert theirs == [(pmid, *e) for pmid, d in ours.items() for e in d["ents"]]
    assert [(d.title, d.abstract) for d in documents] == [(d["title"], d["abstract"])
                                                          for d in ours.values()]


def read_pubtator_text(text: str):  # type: ignore[no-untyped-def]
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "out.pubtator"
        path.write_text(text, encoding="utf-8")
        yield from read_pubtator(path)


def test_pubtator_output_of_other_inputs_keeps_offsets(recogniser: Recogniser) -> None:
    from exokg.corpus.readers import read_bundled_corpus
    written = render("pubtator", [PUBMED], recogniser)
    docs = parse_pubtator(written)
    assert set(docs) == {"11111111", "22222222"}  # PMIDs as document ids
    assert docs["11111111"]["title"] == "MSC-derived exosomes improve functional recovery " \
                                        "after stroke."
    out = io.StringIO()
    write_annotations(annotate_documents(read_bundled_corpus(), recogniser), out, "pubtator")
    excerpts = parse_pubtator(out.getvalue())
    assert all("|" not in k and "e0" in k for k in excerpts)  # excerpts keep exokg ids
    for d in [*docs.values(), *excerpts.values()]:
        assert d["ents"]
        for s, e, mention, _, _ in d["ents"]:
            assert d["text"][s:e] == mention


def test_pubtator_layout_of_a_pubmed_abstract_shifts_only_after_the_title() -> None:
    (doc, _) = load_documents([PUBMED])
    layout = pubtator_text(doc)
    assert layout.title == doc.title and "\n" not in layout.abstract
    body = doc.text.index("BACKGROUND")
    assert layout.text[layout.shift(body):].startswith("BACKGROUND")
    assert layout.shift(3) == 3


# --- BioC output ----------------------------------------------------------------------------

def check_collection(collection, documents: list[Document]) -> int:  # type: ignore[no-untyped-def]
    """Structural checks: every annotation's text is the passage text at its location and
    the document text at the same offset; returns the number of annotations."""
    bioc.validate(collection)  # the bioc package's own check (offsets vs passage text)
    texts = {d.id: d.text for d in documents}
    count = 0
    for d in collection.documents:
        text = texts[d.infons["exokg_document"]]
        for p in d.passages:
            assert text[p.offset:p.offset + len(p.text)] == p.text
            for a in p.annotations:
                (loc,) = a.locations
                assert text[loc.offset:loc.offset + loc.length] == a.text
                assert a.infons["type"]
                assert a.infons["type"] == "ABBR" or a.infons["identifier"]
                count += 1
    return count


@pytest.mark.parametrize("fmt", ["bioc-xml", "bioc-json"])
def test_bioc_output_round_trips_through_the_bioc_package(fmt: str,
                                                          recogniser: Recogniser) -> None:
    paths = [SMALL, PUBMED]
    documents = load_documents(paths)
    written = render(fmt, paths, recogniser)
    loaded = bioc.loads(written) if fmt == "bioc-xml" else bioc.biocjson.loads(written)
    assert check_collection(loaded, documents) > 20
    expected = sorted((d.id, m.start, m.end, m.text, m.type, ",".join(m.ids))
                      for d in documents for m in document_mentions(d, recogniser))
    ids = {d.infons["exokg_document"]: d.id for d in loaded.documents}
    got = sorted((next(k for k, v in ids.items() if v == d.id), a.total_span.offset,
                  a.total_span.end, a.text, a.infons["type"], a.infons["identifier"])
                 for d in loaded.documents for p in d.passages for a in p.annotations
                 if a.infons["type"] != "ABBR")  # definitions appear once a detector exists
    assert got == expected
    titles = [p for d in loaded.documents for p in d.passages if p.infons["type"] == "title"]
    assert len(titles) == 4
    sections = [p.infons.get("section") for d in loaded.documents for p in d.passages]
    assert "BACKGROUND" in sections and "RESULTS" in sections
    # a second serialisation of what was read is the same document (a true round trip)
    again = bioc.dumps(loaded) if fmt == "bioc-xml" else bioc.biocjson.dumps(loaded, indent=2,
                                                                             ensure_ascii=False)
    if fmt == "bioc-xml":  # the bioc package writes no DOCTYPE; the rest is the same
        assert written.startswith("<?xml version='1.0' encoding='utf-8'?>\n"
                                  '<!DOCTYPE collection SYSTEM "BioC.dtd">\n<collection>\n')
        again, written = again[again.index("<collection>"):], \
            written[written.index("<collection>"):]
    assert again.strip() == written.strip()


def test_the_title_is_its_own_sentence_so_no_mention_spans_title_and_abstract(
        tmp_path: Path, recogniser: Recogniser) -> None:
    path = tmp_path / "joined.PubTator.txt"  # no final stop after the title
    path.write_text("5|t|Therapy with MSC\n5|a|exosomes improved recovery.\n", encoding="utf-8")
    (doc,) = read_pubtator(path)
    mentions = document_mentions(doc, recogniser)
    spans = [(m.text, m.start, m.end) for m in mentions]
    assert ("MSC", 13, 16) in spans and ("exosomes", 17, 25) in spans
    assert not [m for m in mentions if m.start < 16 < m.end]
    loaded = bioc.loads(bioc.dumps(bioc_collection([(doc, mentions, [])])))
    bioc.validate(loaded)
    title, abstract = loaded.documents[0].passages
    assert (title.infons["type"], abstract.infons["type"]) == ("title", "abstract")
    assert sum(len(p.annotations) for p in (title, abstract)) == len(mentions)


def test_bioc_xml_is_valid_against_the_bioc_element_structure(recogniser: Recogniser) -> None:
    from exokg.corpus.readers import read_bundled_corpus
    from lxml import etree
    dtd = etree.DTD(str(DATA / "annotate" / "bioc-structure.dtd"))
    out = io.StringIO()
    documents = load_documents([SMALL, PUBMED]) + read_bundled_corpus()
    items = [(d, document_mentions(d, recogniser), abbreviation_definitions(d, fake_finder))
             for d in documents]
    assert any(defs for _, _, defs in items)
    from exokg.annotate.bioc import write_bioc_xml
    write_bioc_xml(items, out)
    root = etree.fromstring(out.getvalue().encode("utf-8"))
    assert dtd.validate(root), dtd.error_log.filter_from_errors()
    broken = etree.fromstring(out.getvalue().replace("<key>", "<kee>").replace(
        "</key>", "</kee>").encode("utf-8"))
    assert not dtd.validate(broken)  # the check can fail
    assert root.tag == "collection"
    assert [c.tag for c in root][:3] == ["source", "date", "key"]
    for doc in root.iter("document"):
        assert doc[0].tag == "id"
        for passage in doc.iter("passage"):
            assert passage.find("offset") is not None
        for ann in doc.iter("annotation"):
            loc = ann.find("location")
            assert int(loc.get("length")) == len(ann.findtext("text"))


def test_output_is_deterministic(recogniser: Recogniser) -> None:
    for fmt in ("pubtator", "bioc-xml", "bioc-json"):
        assert render(fmt, [SMALL, PUBMED], recogniser) == render(fmt, [SMALL, PUBMED],
                                                                  recogniser)


# --- abbreviation definitions (exokg.text.abbreviations, checked against the text) ---------

@dataclass(frozen=True)
class FakeAbbreviation:
    short: str
    long: str
    short_start: int
    short_end: int
    long_start: int
    long_end: int


def fake_finder(text: str) -> list[FakeAbbreviation]:
    """Finds 'long (SHORT)' for one fixed long form, as a stand-in detector."""
    long = "Mesenchymal stem cell"
    at = text.find(long + " (MSC)")
    if at < 0:
        return []
    s = at + len(long) + 2
    return [FakeAbbreviation("MSC", long, s, s + 3, at, at + len(long)),
            FakeAbbreviation("XYZ", long, 0, 3, at, at + len(long))]  # wrong offsets: dropped


def test_the_real_detector_finds_definitions_in_the_document_text(tmp_path: Path) -> None:
    path = tmp_path / "abbr.md"
    path.write_text("Rats underwent middle cerebral artery occlusion (MCAO). After MCAO, "
                    "bone marrow stromal cells (BMSCs) were given.\n", encoding="utf-8")
    (doc,) = load_documents([path])
    found = abbreviation_definitions(doc)
    assert {(d.short, d.long) for d in found} >= {
        ("MCAO", "middle cerebral artery occlusion"), ("BMSCs", "bone marrow stromal cells")}
    for d in found:
        assert doc.text[d.short_start:d.short_end] == d.short
        assert doc.text[d.long_start:d.long_end] == d.long


def test_abbreviation_definitions_are_written_as_bioc_abbr(recogniser: Recogniser) -> None:
    (doc, _) = load_documents([SMALL])
    found = abbreviation_definitions(doc, fake_finder)
    assert [(d.short, d.long) for d in found] == [("MSC", "Mesenchymal stem cell")]
    d = found[0]
    assert doc.text[d.short_start:d.short_end] == "MSC"
    collection = bioc_collection([(doc, document_mentions(doc, recogniser), found)])
    loaded = bioc.loads(bioc.dumps(collection))
    check_collection(loaded, [doc])
    anns = {a.id: a for p in loaded.documents[0].passages for a in p.annotations}
    (relation,) = [r for p in loaded.documents[0].passages for r in p.relations]
    assert relation.infons["type"] == "ABBR"
    roles = {n.role: anns[n.refid].text for n in relation.nodes}
    assert roles == {"LongForm": "Mesenchymal stem cell", "ShortForm": "MSC"}


# --- the command ----------------------------------------------------------------------------

def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "exokg", "annotate", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONHASHSEED": "random"})


def test_cli_reads_a_registry_record_into_one_passage(tmp_path: Path) -> None:
    record = Path(__file__).parent / "devset" / "documents" / "NCT03384433.json"
    proc = run(str(record), "--format", "bioc-json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    collection = bioc.biocjson.loads(proc.stdout)
    bioc.validate(collection)
    (document,) = collection.documents
    assert document.id == "NCT03384433"
    assert [p.infons["type"] for p in document.passages] == ["registry-record"]
    assert any(a.infons["type"] == "ExosomePreparation" for a in document.passages[0].annotations)


def test_cli_writes_pubtator_to_stdout_and_formats_by_extension(tmp_path: Path) -> None:
    proc = run(str(SMALL), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("90000001|t|Exosomes from")
    proc = run(str(SMALL), "-o", "out.json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads((tmp_path / "out.json").read_text("utf-8"))["source"] == "exokg annotate"
    proc = run(str(SMALL), "--format", "bioc-xml", "-o", "out.txt", cwd=tmp_path)
    assert (tmp_path / "out.txt").read_text("utf-8").startswith("<?xml")


def test_cli_errors_are_one_line_and_leave_the_output_alone(tmp_path: Path) -> None:
    out = tmp_path / "dev.pubtator"
    out.write_text("previous result\n", encoding="utf-8")
    bad = tmp_path / "bad.PubTator.txt"
    bad.write_text("1|t|A\n1|a|B\nnot a pubtator line\n", encoding="utf-8")
    # the good file is written first, then the bad one fails: nothing may replace the output
    proc = run(str(SMALL), str(bad), "-o", str(out), cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"exokg: error: {bad}:3: not a PubTator line (expected " \
        "'PMID|t|title', 'PMID|a|abstract' or tab-separated annotation fields)"
    assert out.read_text(encoding="utf-8") == "previous result\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.PubTator.txt", "dev.pubtator"]
    proc = run(str(SMALL), "-o", str(tmp_path), cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"exokg: error: {tmp_path}: is a directory; -o takes a file name"
    proc = run("missing.txt", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert "missing.txt: no such file or directory" in proc.stderr


def test_progress_counts_documents_on_its_stream() -> None:
    from exokg.annotate.command import with_progress

    stream = io.StringIO()
    docs = load_documents([SMALL])
    assert list(with_progress(docs, len(docs), stream)) == docs
    shown = stream.getvalue()
    assert "[0/2]" in shown and "[1/2]" in shown and "pubmed-90000002" in shown
    assert "[2/2] done in" in shown and shown.endswith("\n")

