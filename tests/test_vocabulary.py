"""The curated vocabulary: validation with file:line errors, lookups, and the identifier
policy (standard ids only where verified, minted ones otherwise)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from exokg.errors import VocabularyError
from exokg.ids import is_minted
from exokg.vocabulary import load_vocabulary, parse_vocabulary

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "identifiers.tsv"
ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology" / "vocabulary.yaml"


def verified_curies() -> set[str]:
    with REFERENCE.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return {r["curie"] for r in rows if r["verified"] == "yes" and r["curie"]}


def test_packaged_vocabulary_is_the_ontology_file() -> None:
    assert load_vocabulary().entities.keys() == load_vocabulary(ONTOLOGY).entities.keys()


def test_every_standard_identifier_is_verified() -> None:
    """No identifier from memory: ids, xrefs and mappings must be verified in the shared
    reference list (miRBase ids come from ontology/mirna.tsv, tested elsewhere)."""
    verified = verified_curies()
    unverified = []
    for e in load_vocabulary():
        curies = [e.id, *e.xrefs, *(v for _, v in e.attributes)]
        unverified += [(e.label, c) for c in curies if not is_minted(c) and c not in verified]
    assert not unverified, unverified


def test_known_traps_are_avoided() -> None:
    ids = {c for e in load_vocabulary() for c in (e.id, *e.xrefs, *(v for _, v in e.attributes))}
    assert "GO:0044028" not in ids  # obsolete "DNA hypomethylation"
    assert "OBI:0000714" not in ids  # "graph of vertices", not western blot


@pytest.mark.parametrize("text, curie", [
    ("MSC", "CL:0000134"), ("mesenchymal stromal cell", "CL:0000134"),
    ("BMSC", "CL:0002540"), ("AIS", "MONDO:1060198"), ("Ischaemic stroke", "MONDO:1060198"),
    ("TBI", "MONDO:0858950"), ("NIHSS", "loinc:70182-1"), ("mRS", "loinc:75859-9"),
    ("interleukin (IL)-6", "uniprot:P05231"), ("IL-6", "uniprot:P05231"),
    ("MKI67", "uniprot:P46013"), ("BYHWD", "exokg:herbal/buyang-huanwu-decoction"),
    ("spatial leaning ability", "exokg:outcome/spatial-learning-ability"),
    ("hypo-methylation", "exokg:process/dna-hypomethylation"),
    ("western blot analysis", "OBI:0000854"), ("mice", "NCBITaxon:10090"),
    ("concussion", "exokg:disease/concussion"),
    ("sport-related concussion", "exokg:disease/concussion"),
])
def test_lookup_by_label_synonym_abbreviation_variant(text: str, curie: str) -> None:
    entity = load_vocabulary().by_label(text)
    assert entity is not None and entity.id == curie


def test_abbreviations_keep_their_case() -> None:
    vocab = load_vocabulary()
    assert vocab.by_label("tbi") is None  # "TBI" is an abbreviation: case matters


@pytest.mark.parametrize("yaml_text, message, line", [
    ("- id: CL:0000134\n  label: x\n  class: Cell\n", "'source' must say", 1),
    ("- id: exokg:cell/x\n  label: x\n  class: Cel\n", "unknown class 'Cel'", 3),
    ("- id: exokg:cell/x\n  label: x\n  class: Cell\n  synonym: [y]\n", "unknown field", 4),
    ("- id: exokg:cell/x\n  label: x\n  class: Cell\n- id: exokg:cell/x\n  label: y\n"
     "  class: Cell\n", "duplicate id", 4),
    ("- id: exokg:cell/x\n  label: x\n  class: Cell\n- id: exokg:cell/y\n  label: X\n"
     "  class: Cell\n", "already belongs to exokg:cell/x", 5),
    ("- id: GO:12\n  label: x\n  class: Cell\n  source: me\n", "not a valid GO identifier", 1),
    ("- id: nope:1\n  label: x\n  class: Cell\n  source: me\n", "unknown prefix", 1),
    ("- id: exokg:cell/X Y\n  label: x\n  class: Cell\n", "is not a CURIE", 1),
    ("- id: exokg:cell/Xy\n  label: x\n  class: Cell\n", "lowercase slug", 1),
    ("- id: exokg:cell/x\n  label: x\n  class: Cell\n  synonyms: [y, ys]\n", "plural", 4),
    ("- id: exokg:cell/x\n  label: [x\n", "invalid YAML", 3),
])
def test_errors_name_file_and_line(yaml_text: str, message: str, line: int) -> None:
    with pytest.raises(VocabularyError) as err:
        parse_vocabulary(yaml_text, origin="vocab.yaml")
    text = str(err.value)
    assert text.startswith(f"vocab.yaml:{line}:"), text
    assert message in text and "\n" not in text
