"""The hostile-input catalogue: malformed, oversized and malicious inputs of every kind.

Each input case is built into a fresh folder and given to ``exokg build``; the expected
result is exit status 2, exactly one line on stderr (``exokg: error: FILE[:PLACE]: ...``)
that names the file and says what is wrong, and no exports written. SPARQL cases expect a
one-line :class:`~exokg.errors.QueryError`; injection cases expect a build whose exports
neutralise the payload. ``docs/robustness.md`` records how many cases this file tries.
"""

from __future__ import annotations

import csv
import io
import os
import xml.dom.minidom
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, Graph

import exokg
from exokg.cli import main
from exokg.errors import QueryError

BODY = "Exosomes from MSCs reduced infarct volume in rats after stroke.\n"


def fm(yaml_text: str, body: str = BODY) -> bytes:
    return f"---\n{yaml_text}\n---\n{body}".encode()


def study(**proto: object) -> dict:
    section = {"identificationModule": {"nctId": "NCT01234567", "briefTitle": "A trial"}}
    section.update(proto)  # type: ignore[arg-type]
    return {"protocolSection": section}


def registry(*studies: dict) -> bytes:
    import json

    return json.dumps({"studies": list(studies)}).encode()


PUBMED_HEAD = b'<?xml version="1.0"?>\n<PubmedArticleSet>\n'


def pubmed(article: bytes) -> bytes:
    return PUBMED_HEAD + article + b"\n</PubmedArticleSet>\n"


ARTICLE = (b"<PubmedArticle><MedlineCitation><PMID>%s</PMID><Article><ArticleTitle>%s"
           b"</ArticleTitle></Article></MedlineCitation></PubmedArticle>")

# (case id, {file name: content}, words the error line must contain)
INPUT_CASES: list[tuple[str, dict[str, bytes], str]] = [
    # plain files
    ("empty-file", {"doc.txt": b""}, "empty file"),
    ("blank-file", {"doc.txt": b" \n\t\n"}, "empty file"),
    ("nul-byte", {"doc.txt": b"abc\x00def"}, "binary file"),
    ("invalid-utf8", {"doc.txt": b"caf\xe9 au lait"}, "invalid UTF-8"),
    ("utf16", {"doc.txt": "text".encode("utf-16")}, "UTF-8"),
    ("unknown-extension", {"paper.pdf": b"%PDF-1.4"}, "unknown input format"),
    ("no-extension", {"README": b"hello"}, "unknown input format"),
    ("xml-not-pubmed", {"doc.xml": b"<html><body/></html>"}, "not PubMed XML"),
    ("json-not-object", {"doc.json": b"hello"}, "does not start"),
    ("fifo", {"doc.txt": b"<fifo>"}, "not a regular file"),
    # front matter (YAML)
    ("yaml-syntax", {"doc.md": fm("title: [unclosed")}, "invalid YAML"),
    ("yaml-alias-bomb", {"doc.md": fm("a: &a [x,x,x,x,x,x,x,x,x]\n" + "\n".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
        f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]"
        for i in range(8)))}, "aliases"),
    ("yaml-deep-nesting", {"doc.md": fm("title: " + "[" * 10000)}, "YAML"),
    ("yaml-oversized", {"doc.md": fm("note: " + "x" * 70000)}, "longer than"),
    ("yaml-list", {"doc.md": fm("- a\n- b")}, "mapping"),
    ("yaml-unknown-field", {"doc.md": fm("titel: x")}, "unknown metadata field"),
    ("yaml-python-tag", {"doc.md": fm("title: !!python/object/apply:os.system [echo]")},
     "invalid YAML"),
    ("id-newline", {"doc.md": fm('id: "x1\\n"')}, "document id"),
    ("id-slash", {"doc.md": fm("id: ../../etc")}, "document id"),
    ("id-too-long", {"doc.md": fm("id: " + "a" * 200)}, "document id"),
    ("authors-number", {"doc.md": fm("authors: 5")}, "authors"),
    ("authors-mapping", {"doc.md": fm("authors: [{name: x}]")}, "authors"),
    ("title-mapping", {"doc.md": fm("title: {a: b}")}, "'title' must be text"),
    ("year-short", {"doc.md": fm("year: 99")}, "year must be"),
    ("year-text", {"doc.md": fm("year: soon")}, "year must be"),
    ("pmid-unicode-digits", {"doc.md": fm("pmid: '\u0661\u0662\u0663'")}, "pmid must be"),
    ("pmid-letters", {"doc.md": fm("pmid: 12a")}, "pmid must be"),
    ("doi-with-space", {"doc.md": fm('doi: "10.1000/ab cd"')}, "doi must look like"),
    ("pmcid-letters", {"doc.md": fm("pmcid: PMCabc")}, "pmcid must be"),
    ("duplicate-id", {"a.md": fm("id: same"), "b.md": fm("id: same")}, "also used by"),
    # registry JSON
    ("json-syntax", {"r.json": b'{"studies": [}'}, "invalid JSON"),
    ("json-huge-number", {"r.json": b'{"studies": [], "n": ' + b"9" * 5000 + b"}"},
     "a number of 5000 characters"),
    ("json-deep-nesting", {"r.json": b"[" * 100000 + b"]" * 100000}, "nested deeper"),
    ("json-nan", {"r.json": b'{"studies": [], "x": NaN}'}, "not a JSON number"),
    ("json-not-studies", {"r.json": b'{"a": 1}'}, "not ClinicalTrials.gov"),
    ("json-study-not-object", {"r.json": b'{"studies": [5]}'}, "not a study record"),
    ("json-protocol-string", {"r.json": b'{"studies": [{"protocolSection": "x"}]}'},
     "not a study record"),
    ("json-module-string", {"r.json": registry(study(statusModule="x"))}, "wrong JSON type"),
    ("json-module-list", {"r.json": registry(study(designModule=[1, 2]))}, "wrong JSON type"),
    ("json-phases-number", {"r.json": registry(study(designModule={"phases": 5}))},
     "wrong JSON type"),
    ("json-interventions-strings", {"r.json": registry(study(
        armsInterventionsModule={"interventions": ["drug"]}))}, "wrong JSON type"),
    ("json-bad-date", {"r.json": registry(study(statusModule={
        "startDateStruct": {"date": "2019-13-45"}}))}, "is not a date"),
    ("json-date-text", {"r.json": registry(study(statusModule={
        "startDateStruct": {"date": "soon"}}))}, "is not a date"),
    ("json-lone-surrogate", {"r.json": b'{"studies": [{"protocolSection": {'
                             b'"identificationModule": {"nctId": "NCT01234567", '
                             b'"briefTitle": "bad \\ud800 title"}}}]}'}, "lone surrogate"),
    ("json-no-nct-id", {"r.json": registry({"protocolSection": {"identificationModule": {}}})},
     "nctId"),
    # PubMed XML
    ("xml-malformed", {"p.xml": PUBMED_HEAD + b"<PubmedArticle><unclosed>"}, "malformed XML"),
    ("xml-entity-bomb", {"p.xml": b'<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet [\n'
                         b'<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;&a;">\n]>\n'
                         b"<PubmedArticleSet>&b;</PubmedArticleSet>"}, "refused"),
    ("xml-external-entity", {"p.xml": b'<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet [\n'
                             b'<!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n'
                             b"<PubmedArticleSet>&x;</PubmedArticleSet>"}, "refused"),
    ("xml-wrong-root", {"p.xml": b'<?xml version="1.0"?>\n<PubmedArticleSet/>'.replace(
        b"<PubmedArticleSet/>", b"<Other><PubmedArticleSet/></Other>")}, "PubMed XML"),
    ("xml-no-pmid", {"p.xml": pubmed(b"<PubmedArticle><MedlineCitation><Article>"
                                     b"<ArticleTitle>x</ArticleTitle></Article>"
                                     b"</MedlineCitation></PubmedArticle>")}, "PMID"),
    ("xml-pmid-letters", {"p.xml": pubmed(ARTICLE % (b"12ab", b"A title"))}, "PMID"),
    ("xml-pmid-unicode-digits", {"p.xml": pubmed(ARTICLE % ("\u0661\u0662".encode(),
                                                            b"A title"))}, "PMID"),
    ("xml-no-text", {"p.xml": pubmed(ARTICLE % (b"123", b""))}, "neither title nor abstract"),
    ("xml-no-article", {"p.xml": pubmed(b"<PubmedArticle><MedlineCitation><PMID>1</PMID>"
                                        b"</MedlineCitation></PubmedArticle>")},
     "no Article element"),
    ("xml-truncated", {"p.xml": pubmed(ARTICLE % (b"123", b"A title"))[:-30]}, "XML"),
    ("xml-invalid-utf8", {"p.xml": pubmed(ARTICLE % (b"123", b"caf\xe9"))}, "XML"),
    ("xml-control-character", {"p.xml": pubmed(ARTICLE % (b"123", b"a\x01b"))}, "XML"),
]


def _make(folder: Path, files: dict[str, bytes]) -> None:
    folder.mkdir(parents=True)
    for name, data in files.items():
        if data == b"<fifo>":
            os.mkfifo(folder / name)
        else:
            (folder / name).write_bytes(data)


@pytest.mark.parametrize("case, files, expected", INPUT_CASES, ids=[c[0] for c in INPUT_CASES])
def test_bad_input_is_one_line_naming_the_file(tmp_path: Path, capsys, case: str,
                                              files: dict[str, bytes], expected: str) -> None:
    _make(tmp_path / "in", files)
    out = tmp_path / "exports"
    assert main(["build", str(tmp_path / "in"), "--out", str(out), "-q"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines
    line = lines[0]
    assert line.startswith("exokg: error: ") and "Traceback" not in line
    assert str(tmp_path / "in") in line  # names the file
    assert expected in line, line
    assert not out.exists()  # nothing written


def test_an_unreadable_folder_is_an_error(tmp_path: Path, capsys, monkeypatch) -> None:
    """Tests run as root, where chmod does not stop reading: the walk is made to fail the
    way os.scandir fails on a folder without read permission."""
    (tmp_path / "in" / "locked").mkdir(parents=True)
    (tmp_path / "in" / "doc.txt").write_text(BODY)
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert main(["build", str(tmp_path / "in"), "--out", str(tmp_path / "x"), "-q"]) == 2
    line = capsys.readouterr().err.strip()
    assert line == f"exokg: error: {tmp_path / 'in' / 'locked'}: cannot read folder: " \
                   "Permission denied"


# -- SPARQL ----------------------------------------------------------------------------------

SPARQL_CASES: list[tuple[str, str, str]] = [
    ("service", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE"),
    ("service-escaped-hash", "PREFIX ex: <http://e/> SELECT (ex:a\\# AS ?v) WHERE { SERVICE "
     "<http://127.0.0.1:9/x> {?x ?y ?z} }", "SERVICE"),
    ("service-lowercase", "select * where { service <http://127.0.0.1:9/> { ?s ?p ?o } }",
     "SERVICE"),
    ("service-variable", "SELECT * WHERE { BIND(<http://x/> AS ?u) SERVICE ?u { ?s ?p ?o } }",
     "SERVICE"),
    ("from-file", "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM"),
    ("from-named", "SELECT * FROM NAMED <http://x/> WHERE { GRAPH ?g { ?s ?p ?o } }", "FROM"),
    ("load", "LOAD <http://127.0.0.1:9/x>", "LOAD"),
    ("insert", "INSERT DATA { <http://a/> <http://b/> <http://c/> }", "read-only"),
    ("drop", "DROP ALL", "read-only"),
    ("query-then-update", "SELECT * WHERE { ?s ?p ?o } ; CLEAR ALL", "read-only"),
    ("nul", "SELECT * WHERE { ?s ?p ?o \x00 }", "NUL"),
    ("too-long", "SELECT * WHERE { ?s ?p ?o } #" + "x" * 300_000, "longer than"),
    ("syntax", "SELECT ?s WHERE { ?s ?p ", "syntax error"),
    ("only-comment", "# nothing", "no query"),
    ("deep-nesting", "SELECT * WHERE " + "{" * 5000 + "}" * 5000, "SPARQL"),
]


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("hostile") / "tiny.ttl"
    path.write_bytes(b"<http://e/a> <http://e/b> <http://e/c> .\n")
    graph = exokg.load(path)
    yield graph
    graph.close()


@pytest.mark.parametrize("case, query, expected", SPARQL_CASES,
                         ids=[c[0] for c in SPARQL_CASES])
def test_bad_query_is_one_line(kg, case: str, query: str, expected: str) -> None:
    with pytest.raises(QueryError) as info:
        kg.sparql(query)
    message = str(info.value)
    assert "\n" not in message and expected in message, message


# -- injection into exports ------------------------------------------------------------------

PAYLOADS = [
    ("formula-equals", '=HYPERLINK("http://evil.example/","click")'),
    ("formula-plus", "+cmd|' /C calc'!A0"),
    ("formula-at", "@SUM(1+1)*cmd|' /C calc'!A0"),
    ("formula-minus", "-2+3+cmd|' /C calc'!A0"),
    ("control-bell", "bell \x07 here"),
    ("noncharacter-fffe", "non \ufffe character"),
    ("noncharacter-ffff", "non \uffff character"),
    ("noncharacter-fdd0", "non \ufdd0 character"),
    ("noncharacter-plane1", "non \U0001fffe character"),
    ("xml-markup", "</data><script>alert(1)</script>"),
]


@pytest.mark.parametrize("case, payload", PAYLOADS, ids=[c[0] for c in PAYLOADS])
def test_payloads_are_neutralised_in_every_export(tmp_path: Path, case: str,
                                                   payload: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = f"{payload} Exosomes from MSCs reduced infarct volume in rats. {payload}\n"
    # YAML itself refuses control characters and noncharacters (an input error, tested
    # above), so those payloads go into the text only
    title = payload.replace('"', "'") if payload.isprintable() else "A title"
    (folder / "doc.md").write_text(f'---\ntitle: "{title}"\n---\n{text}', encoding="utf-8")
    out = tmp_path / "exports"
    assert main(["build", str(folder), "--out", str(out), "-q"]) == 0
    check_exports(out)


def check_exports(out: Path) -> None:
    """Every export parses with an independent reader; no CSV cell can run as a formula."""
    Graph().parse(out / "exokg.ttl", format="turtle")
    for name, fmt in (("exokg.nt", pyoxigraph.RdfFormat.N_TRIPLES),
                      ("exokg.nq", pyoxigraph.RdfFormat.N_QUADS),
                      ("exokg.trig", pyoxigraph.RdfFormat.TRIG),
                      ("exokg.ttl", pyoxigraph.RdfFormat.TURTLE)):
        list(pyoxigraph.parse((out / name).read_bytes(), format=fmt))
    Dataset().parse(out / "exokg.trig", format="trig")
    xml.dom.minidom.parse(str(out / "exokg.graphml"))
    Graph().parse(out / "exokg.jsonld", format="json-ld")
    text = (out / "statements.csv").read_text(encoding="utf-8")
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
            assert not any(ord(c) < 32 and c not in "\t\n\r" for c in cell), cell
    for path in out.rglob("*"):
        if path.is_file():
            data = path.read_text(encoding="utf-8")
            assert "\ufffe" not in data and "\uffff" not in data and "\x07" not in data
