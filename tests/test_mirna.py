"""Tests of the miRNA grammar (exokg.recognise.mirna) and its grounding."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from exokg.errors import InputError, VocabularyError
from exokg.model import Entity
from exokg.recognise.mirna import MirnaGrounder, MirnaMatch, find_mirnas, mirna_slug

REPO = Path(__file__).resolve().parents[1]
REFERENCE = REPO.parent / "shared/reference/identifiers.tsv"

# text -> the canonical names found, in order
POSITIVE = [
    ("miR-124", ["miR-124"]),
    ("miR124", ["miR-124"]),
    ("mir-124", ["miR-124"]),
    ("microRNA-124", ["miR-124"]),
    ("microRNA 124", ["miR-124"]),
    ("MicroRNA-133b", ["miR-133b"]),
    ("the microRNA 133b level", ["miR-133b"]),
    ("miRNA-210", ["miR-210"]),
    ("Micro-RNA-128", ["miR-128"]),
    ("Micro RNA-125b", ["miR-125b"]),
    ("miR-133b", ["miR-133b"]),
    ("miR-9-5p", ["miR-9-5p"]),
    ("miR-124-3p", ["miR-124-3p"]),
    ("miR-124-3P", ["miR-124-3p"]),
    ("miR-126*", ["miR-126*"]),
    ("hsa-miR-124-3p", ["hsa-miR-124-3p"]),
    ("mmu-miR-133b", ["mmu-miR-133b"]),
    ("rno-miR-9", ["rno-miR-9"]),
    ("hsa-mir-124-1", ["hsa-mir-124-1"]),
    ("MIR124-1 gene", ["mir-124-1"]),
    ("let-7a", ["let-7a"]),
    ("let-7a-1", ["let-7a-1"]),
    ("let7i", ["let-7i"]),
    ("hsa-let-7b", ["hsa-let-7b"]),
    ("lin-4", ["lin-4"]),
    ("cel-miR-67", ["cel-miR-67"]),
    ("miR-26a2*", ["miR-26a-2*"]),
    ("miRNA (miR)-223", ["miR-223"]),
    ("microRNA (miRNA)-146a", ["miR-146a"]),
    ("the miR-17-92 cluster", ["miR-17-92 cluster"]),
    ("miR-17~92", ["miR-17-92 cluster"]),
    ("miR-183\u223c96\u223c182 expression", ["miR-183-96-182 cluster"]),
    ("the miR-17/92 polycistron", ["miR-17-92 cluster"]),
    ("the miR-200 family", ["miR-200 family"]),
    ("the let-7 miRNA family", ["let-7 family"]),
    ("miR-21, -155 and -146a", ["miR-21", "miR-155", "miR-146a"]),
    ("miRNA-21 and -155", ["miR-21", "miR-155"]),
    ("miR-1/133", ["miR-1", "miR-133"]),
    ("miR-106a/b", ["miR-106a", "miR-106b"]),
    ("miR-29a/b/c", ["miR-29a", "miR-29b", "miR-29c"]),
    ("miR-29a/b-1", ["miR-29a", "miR-29b-1"]),
    ("miR-29a, -29b-1, and -9", ["miR-29a", "miR-29b-1", "miR-9"]),
    ("miR-21, 221, 128a and 181c", ["miR-21", "miR-221", "miR-128a", "miR-181c"]),
    ("microRNAs 124a and 223", ["miR-124a", "miR-223"]),
    ("hsa-miR-21, -155", ["hsa-miR-21", "hsa-miR-155"]),
    ("miR-107, -292-5p and -433-3p", ["miR-107", "miR-292-5p", "miR-433-3p"]),
    ("miR-9/miR-9*", ["miR-9", "miR-9*"]),
    ("MicroRNA miR-133b is essential", ["miR-133b"]),
    ("miR-21-mediated apoptosis", ["miR-21"]),
    ("miR-133b-overexpressing MSCs", ["miR-133b"]),
    ("miR-155-/- mice", ["miR-155"]),
    ("NF-kappaB-miRNA-146a-CFH circuit", ["miR-146a"]),
    ("pre-miR-630 arrested cells", ["mir-630"]),
    ("rats in the miR-124 group", ["miR-124"]),
    ("miR-181a, 181b, 181c and 181d", ["miR-181a", "miR-181b", "miR-181c", "miR-181d"]),
    ("let-7a and 7g", ["let-7a", "let-7g"]),
    ("miR-146a/-b", ["miR-146a", "miR-146b"]),
    ("miR-200b/c/429", ["miR-200b", "miR-200c", "miR-429"]),
    ("miR-21 and 24-h exposure", ["miR-21"]),
    ("miR-124 and 30 patients", ["miR-124"]),
    ("miR-21, 2010", ["miR-21"]),
    ("miR-124 and 3 other miRNAs", ["miR-124"]),
    ("lin-4 and 14", ["lin-4"]),
    # two letters past "z" in a large family (miRBase's miR-548aa ... miR-548bc)
    ("hsa-miR-548ab and miR-548az-3p", ["hsa-miR-548ab", "miR-548az-3p"]),
]

NEGATIVE = [
    "miRNA",
    "miRNAs were profiled",
    "microRNAs",
    "MicroRNAs (miRNAs) are small RNAs",
    "miRs",
    "miR",
    "the miR array",
    "MIR elements and MIRs",
    "a 23-miRNA signature",
    "the miRNA 3'UTR site",
    "miRNA 2 h after",
    "oncomir",
    "anti-miR-21 treatment",
    "antisense miRNA-146a",
    "antagomir-21",
    "lin-28 and lin-41",
    "MIR17HG",
    "microRNAs 21 h",
    "miR-21abc",
]


def _canonicals(text: str) -> list[str]:
    return [m.canonical for m in find_mirnas(text)]


@pytest.mark.parametrize(("text", "expected"), POSITIVE, ids=[t for t, _ in POSITIVE])
def test_finds_and_normalises(text: str, expected: list[str]) -> None:
    assert _canonicals(text) == expected


@pytest.mark.parametrize("text", NEGATIVE, ids=NEGATIVE)
def test_does_not_match(text: str) -> None:
    assert find_mirnas(text) == []


SPANS = [
    ("miR-21, -155 and -146a", ["miR-21", "-155", "-146a"]),
    ("miR-1/133", ["miR-1", "133"]),
    ("miR-106a/b", ["miR-106a", "b"]),
    ("levels of miR-21 and 221 rose", ["miR-21", "221"]),
    ("the miR-17-92 cluster", ["miR-17-92"]),
    ("the miR-200 family", ["miR-200"]),
    ("pre-miR-630", ["miR-630"]),
    ("hsa-miR-15b and 181-b", ["hsa-miR-15b", "181-b"]),
]


@pytest.mark.parametrize(("text", "spans"), SPANS, ids=[t for t, _ in SPANS])
def test_spans(text: str, spans: list[str]) -> None:
    found = find_mirnas(text)
    assert [m.text for m in found] == spans
    for m in found:
        assert text[m.start : m.end] == m.text


def test_matches_sorted_and_disjoint() -> None:
    text = "miR-21, -155 and -146a; let-7a/b, hsa-mir-124-1 and the miR-17~92 cluster"
    found = find_mirnas(text)
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


# text -> (name, species, arm, precursor, cluster)
FIELDS = [
    ("hsa-miR-124-3p", ("miR-124", "hsa", "3p", False, False)),
    ("miR-126*", ("miR-126", None, "*", False, False)),
    ("hsa-mir-124-1", ("mir-124-1", "hsa", None, True, False)),
    ("miR-17~92", ("miR-17-92 cluster", None, None, False, True)),
    ("let-7a", ("let-7a", None, None, False, False)),
]


@pytest.mark.parametrize(("text", "fields"), FIELDS, ids=[t for t, _ in FIELDS])
def test_match_fields(text: str, fields: tuple[object, ...]) -> None:
    (m,) = find_mirnas(text)
    assert (m.name, m.species, m.arm, m.precursor, m.cluster) == fields


def test_match_is_frozen() -> None:
    m = MirnaMatch(0, 7, "miR-124", "miR-124")
    with pytest.raises(AttributeError):
        m.name = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("name", "slug"),
    [("miR-124", "mir-124"), ("let-7a", "let-7a"), ("miR-17-92 cluster", "mir-17-92-cluster")],
)
def test_slug(name: str, slug: str) -> None:
    assert mirna_slug(name) == slug


# ----------------------------------------------------------------------------- grounding


@pytest.fixture(scope="module")
def grounder() -> MirnaGrounder:
    return MirnaGrounder.default()


def _entity(grounder: MirnaGrounder, text: str) -> Entity:
    (m,) = find_mirnas(text)
    return grounder.entity(m)


GROUNDED = [
    ("hsa-miR-124-3p", "mirbase.mature:MIMAT0000422"),
    ("hsa-miR-124-5p", "mirbase.mature:MIMAT0004591"),
    ("mmu-miR-124-3p", "mirbase.mature:MIMAT0000134"),
    ("rno-miR-124", "mirbase.mature:MIMAT0000828"),
    ("hsa-miR-133b", "mirbase.mature:MIMAT0000770"),
    ("mmu-miR-133b-3p", "mirbase.mature:MIMAT0000769"),
    ("rno-miR-133b", "mirbase.mature:MIMAT0003126"),
    ("hsa-miR-9-5p", "mirbase.mature:MIMAT0000441"),
    ("hsa-miR-9-3p", "mirbase.mature:MIMAT0000442"),
    ("mmu-miR-9-5p", "mirbase.mature:MIMAT0000142"),
    ("rno-miR-9", "mirbase.mature:MIMAT0000781"),
    ("hsa-miR-126-3p", "mirbase.mature:MIMAT0000445"),
    ("hsa-miR-126-5p", "mirbase.mature:MIMAT0000444"),
    ("mmu-miR-126-3p", "mirbase.mature:MIMAT0000138"),
    ("rno-miR-126", "mirbase.mature:MIMAT0000832"),
    ("hsa-mir-124-1", "mirbase:MI0000443"),
    ("hsa-mir-126", "mirbase:MI0000471"),
    ("rno-mir-9-3", "mirbase:MI0000839"),
]


@pytest.mark.parametrize(("text", "curie"), GROUNDED, ids=[t for t, _ in GROUNDED])
def test_grounds_to_verified_accession(grounder: MirnaGrounder, text: str, curie: str) -> None:
    e = _entity(grounder, text)
    assert e.id == curie
    assert e.label == text
    assert e.category == "MicroRNA"
    assert e.attr("broader") and e.attr("broader")[0].startswith("exokg:mirna/")


def test_species_level_entity(grounder: MirnaGrounder) -> None:
    e = _entity(grounder, "hsa-miR-124-3p")
    assert e.attributes == (
        ("arm", "3p"),
        ("broader", "exokg:mirna/mir-124"),
        ("name", "miR-124"),
        ("species", "hsa"),
    )


def test_precursor_carries_gene(grounder: MirnaGrounder) -> None:
    e = _entity(grounder, "hsa-mir-124-1")
    assert e.xrefs == ("NCBIGene:406907",)
    assert ("precursor", "true") in e.attributes


def test_name_level_entity(grounder: MirnaGrounder) -> None:
    for text in ("miR-124", "microRNA-124", "mir-124", "MicroRNA 124"):
        e = _entity(grounder, text)
        assert e.id == "exokg:mirna/mir-124"
        assert e.label == "miR-124"
        assert e.attributes == (("name", "miR-124"),)
        assert e.xrefs == (
            "mirbase.mature:MIMAT0000134",
            "mirbase.mature:MIMAT0000422",
            "mirbase.mature:MIMAT0000828",
            "mirbase.mature:MIMAT0004591",
        )


def test_same_id_same_entity(grounder: MirnaGrounder) -> None:
    assert _entity(grounder, "microRNA-133b") == _entity(grounder, "miR133b")


@pytest.mark.parametrize(
    ("text", "curie", "xrefs"),
    [
        ("let-7a", "exokg:mirna/let-7a", ()),
        ("miR-21", "exokg:mirna/mir-21", ()),
        (
            "miR-124-3p",
            "exokg:mirna/mir-124-3p",
            ("mirbase.mature:MIMAT0000134", "mirbase.mature:MIMAT0000422"),
        ),
        (
            "hsa-miR-124",
            "exokg:mirna/hsa-mir-124",
            ("mirbase.mature:MIMAT0000422", "mirbase.mature:MIMAT0004591"),
        ),
        (
            "pre-miR-126",
            "exokg:mirna/mir-126-precursor",
            ("mirbase:MI0000153", "mirbase:MI0000471", "mirbase:MI0000898"),
        ),
    ],
    ids=["let-7a", "unknown-name", "arm-without-species", "species-without-arm", "precursor"],
)
def test_ungrounded_ids(
    grounder: MirnaGrounder, text: str, curie: str, xrefs: tuple[str, ...]
) -> None:
    e = _entity(grounder, text)
    assert (e.id, e.xrefs) == (curie, xrefs)


def test_cluster_entity(grounder: MirnaGrounder) -> None:
    e = _entity(grounder, "the miR-17-92 cluster")
    assert e.id == "exokg:mirna/mir-17-92-cluster"
    assert (e.label, e.category) == ("miR-17-92 cluster", "MicroRNACluster")


def test_vocabulary_accessions_are_verified() -> None:
    """Every accession in ontology/mirna.tsv is a verified=yes row of the shared reference."""
    assert REFERENCE.is_file(), f"missing {REFERENCE}"
    with REFERENCE.open(encoding="utf-8") as fh:
        verified = {
            row["curie"]: row["label_in_source"]
            for row in csv.DictReader(fh, delimiter="\t")
            if row["verified"] == "yes"
        }
    grounder = MirnaGrounder.from_tsv(REPO / "ontology/mirna.tsv")
    assert len(grounder.accessions) == 39
    for curie in grounder.accessions:
        assert curie in verified, curie


HEADER = "name\tspecies\tmirbase_name\taccession\tkind\tgene\tsource\n"
GOOD = "miR-124\thsa\thsa-miR-124-3p\tMIMAT0000422\tmature\t\tref\n"
BAD_ROWS = [
    ("columns", "miR-124\thsa\thsa-miR-124-3p\tMIMAT0000422\tmature\n", "columns"),
    ("accession", "miR-124\thsa\thsa-miR-124-3p\tMI0000422\tmature\t\tref\n", "accession"),
    ("kind", "miR-124\thsa\thsa-miR-124-3p\tMIMAT0000422\tmatured\t\tref\n", "kind"),
    ("name-mismatch", "miR-9\thsa\thsa-miR-124-3p\tMIMAT0000422\tmature\t\tref\n", "not match"),
    ("species-mismatch", "miR-124\tmmu\thsa-miR-124-3p\tMIMAT0000422\tmature\t\tref\n", "species"),
    ("gene", "miR-124\thsa\thsa-mir-124-1\tMI0000443\tprecursor\tHGNC:31502\tref\n", "gene"),
    ("not-a-name", "miR-124\thsa\tmiRNA\tMIMAT0000422\tmature\t\tref\n", "not a miRNA name"),
    ("duplicate", GOOD, "already given"),
]


@pytest.mark.parametrize(
    ("row", "message"), [(r, m) for _, r, m in BAD_ROWS], ids=[i for i, _, _ in BAD_ROWS]
)
def test_malformed_vocabulary(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "mirna.tsv"
    path.write_text("# comment\n" + HEADER + GOOD + row, encoding="utf-8")
    with pytest.raises(VocabularyError, match=message) as info:
        MirnaGrounder.from_tsv(path)
    assert str(info.value).startswith(f"{path}:4: ")
    assert isinstance(info.value, InputError) and info.value.line == 4


def test_missing_header(tmp_path: Path) -> None:
    path = tmp_path / "mirna.tsv"
    path.write_text(GOOD, encoding="utf-8")
    with pytest.raises(VocabularyError, match=rf"{path}:1: expected header"):
        MirnaGrounder.from_tsv(path)
