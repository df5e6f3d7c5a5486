"""MeSH grounding and chemicals in the open lexicon: the readers of gilda's MeSH mappings,
the drug dictionary and the curation table, MeSH ids reaching ontology diseases as xrefs,
the chemical naming rules, and how the recogniser uses chemicals (docs/lexicon.md)."""

from __future__ import annotations

import bz2
import pickle
from pathlib import Path

import pytest

from exokg.errors import InputError
from exokg.lexicon import Lexicon
from exokg.lexicon.compile import CompileRules, compile_records
from exokg.lexicon.sources import (
    Name,
    Record,
    read_drug_dictionary,
    read_mesh_curation,
    read_mesh_mappings,
    uninverted,
)
from exokg.model import Document
from exokg.recognise import Recogniser
from exokg.recognise.mirna import MirnaGrounder
from exokg.recognise.open import OpenLexicon
from exokg.vocabulary import load_vocabulary
from script_modules import load_script

ROOT = Path(__file__).resolve().parent.parent

MESH_TSV = "\n".join("\t".join(row) for row in [
    ("MESH", "D003922", "Diabetes Mellitus, Type 1", "DOID", "DOID:9744",
     "type 1 diabetes mellitus"),
    ("MESH", "D009325", "Nausea", "HP", "HP:0002018", "Nausea"),
    ("MESH", "D008911", "Minocycline", "CHEBI", "CHEBI:50694", "minocycline"),
    # EFO rows: the MeSH heading only passes its id to a disease of the same name
    ("MESH", "D012206", "Rhabdomyolysis", "EFO", "EFO:0003867", "rhabdomyolysis"),
    ("MESH", "C036324", "norlaudanosoline-1-carboxylic acid", "EFO", "EFO:1", "amyloidosis"),
    ("MESH", "D009325", "Nausea", "EFO", "EFO:2", "nausea"),  # a DOID/HP row has it already
]) + "\n"

CURATION_TSV = """\
# test table
breast cancer\tDisease\tmesh:D001943\t12\t12
breast carcinoma\tDisease\tmesh:D001943\t2\t2
vomiting\tDisease\tmesh:D014839\t5\t5
cocaine\tChemical\tmesh:D003042\t9\t9
"""

DRUGS = {
    "drug_variant_to_canonical": {"minocycline": ["minocycline"], "minocin": ["minocycline"],
                                  "cocaine": ["cocaine"], "ice": ["methamphetamine"],
                                  "methamphetamine": ["methamphetamine"],
                                  "lead": ["lead"], "na": ["sodium"]},
    "drug_canonical_to_data": {
        # the dictionary's mesh_id is often the drug's class: never used as its id
        "minocycline": {"name": "Minocycline", "drugbank_id": "DB01017",
                        "mesh_id": "D000900"},
        "cocaine": {"name": "Cocaine", "drugbank_id": "DB00907"},
        "methamphetamine": {"name": "Methamphetamine", "drugbank_id": "DB01577"},
        "lead": {"name": "lead", "drugbank_id": "DB99998"},
        "sodium": {"name": "Na", "drugbank_id": "DB99999"},
        "no id": {"name": "No id"},
        "insulin": {"name": "Insulin", "drugbank_id": "DB00030"},
    },
    "drug_variant_to_variant_data": {"minocin": {"is_brand": True}},
}

RULES = CompileRules(field_abbreviations=frozenset(),
                     generic_names=frozenset({"disease", "mrna"}),
                     english_words=frozenset({"ice", "lead", "cocaine"}))


def _records(tmp: Path) -> list[Record]:
    (tmp / "mesh.tsv").write_text(MESH_TSV, encoding="utf-8")
    (tmp / "curation.tsv").write_text(CURATION_TSV, encoding="utf-8")
    with bz2.open(tmp / "drugs.pkl.bz2", "wb") as f:
        pickle.dump(DRUGS, f)
    records = list(read_mesh_mappings(tmp / "mesh.tsv"))
    records += list(read_drug_dictionary(tmp / "drugs.pkl.bz2"))
    records += list(read_mesh_curation(tmp / "curation.tsv"))
    records += [
        Record("MONDO:0007254", "breast cancer", "Disease", "MONDO",
               [Name("breast cancer", "label")]),
        Record("MONDO:0005147", "type 1 diabetes mellitus", "Disease", "MONDO",
               [Name("type 1 diabetes mellitus", "label")]),
        Record("HP:0002018", "Nausea", "Phenotype", "HP", [Name("Nausea", "label")]),
        Record("HP:0003201", "Rhabdomyolysis", "Phenotype", "HP",
               [Name("Rhabdomyolysis", "label")]),
        Record("MONDO:0019065", "amyloidosis", "Disease", "MONDO",
               [Name("amyloidosis", "label")]),
        Record("HP:0002013", "Vomiting", "Phenotype", "HP", [Name("Vomiting", "label")]),
        Record("HP:0002017", "Nausea and vomiting", "Phenotype", "HP",
               [Name("Nausea and vomiting", "label")]),
        Record("MONDO:0013792", "intracerebral hemorrhage", "Disease", "MONDO",
               [Name("intracerebral hemorrhage", "label")]),
        Record("NCBIGene:3630", "INS", "Gene", "NCBIGene",
               [Name("INS", "symbol"), Name("insulin", "full_name")]),
        Record("mesh:D008670", "mRNA", "Chemical", "MESH", [Name("mRNA", "label")]),
    ]
    return records


@pytest.fixture(scope="module")
def lexicon(tmp_path_factory: pytest.TempPathFactory) -> Lexicon:
    tmp = tmp_path_factory.mktemp("mesh")
    compile_records(_records(tmp), tmp / "lex", version="test-mesh", sources={"t": "1"},
                    rules=RULES)
    return Lexicon(tmp / "lex")


def _found(lexicon: Lexicon, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.entity.id) for m in lexicon.find(text)]


# -- readers ---------------------------------------------------------------------------------


def test_a_mesh_heading_kept_for_xrefs_grounds_its_namesake_but_is_never_matched(
        lexicon: Lexicon) -> None:
    text = "Rhabdomyolysis and amyloidosis; norlaudanosoline-1-carboxylic acid."
    assert _found(lexicon, text) == [("Rhabdomyolysis", "HP:0003201"),
                                     ("amyloidosis", "MONDO:0019065")]
    assert "mesh:D012206" in lexicon.entity("HP:0003201").xrefs
    # the wrong EFO mapping (a chemical to a disease) gives nothing: only names count
    assert not any(x.startswith("mesh:") for x in lexicon.entity("MONDO:0019065").xrefs)


def test_mesh_mappings_give_mesh_records_with_their_mapped_ids(tmp_path: Path) -> None:
    (tmp_path / "m.tsv").write_text(MESH_TSV, encoding="utf-8")
    records = {r.id: r for r in read_mesh_mappings(tmp_path / "m.tsv")}
    assert set(records) == {"mesh:D003922", "mesh:D009325", "mesh:D008911", "mesh:D012206",
                            "mesh:C036324"}
    # an EFO row gives names that are never matched, and never the EFO term's name
    assert [(n.text, n.kind) for n in records["mesh:D012206"].names] == [
        ("Rhabdomyolysis", "xref")]
    assert [n.text for n in records["mesh:C036324"].names] == [
        "norlaudanosoline-1-carboxylic acid"]
    assert all(n.kind != "xref" for n in records["mesh:D009325"].names)
    t1d = records["mesh:D003922"]
    assert t1d.category == "Disease" and t1d.xrefs == ["DOID:9744"]
    assert {n.text for n in t1d.names} == {"Diabetes Mellitus, Type 1",
                                           "Type 1 Diabetes Mellitus",
                                           "type 1 diabetes mellitus"}
    assert records["mesh:D008911"].category == "Chemical"
    assert records["mesh:D009325"].category == "Phenotype"


def test_mesh_headings_are_also_read_in_natural_order() -> None:
    assert uninverted("Carcinoma, Hepatocellular") == "Hepatocellular Carcinoma"
    assert uninverted("Hyperinsulinemic hypoglycemia, familial, 6") == \
        "Hyperinsulinemic hypoglycemia, familial, 6"


def test_drug_records_are_drugbank_ids_with_brand_names(tmp_path: Path) -> None:
    with bz2.open(tmp_path / "d.pkl.bz2", "wb") as f:
        pickle.dump(DRUGS, f)
    records = {r.id: r for r in read_drug_dictionary(tmp_path / "d.pkl.bz2")}
    mino = records["drugbank:DB01017"]
    assert mino.xrefs == []  # the dictionary's mesh_id D000900 is a class, not the drug
    assert Name("Minocin", "brand") in mino.names and mino.category == "Chemical"
    assert not any(r.label == "No id" for r in records.values())


def test_curation_table_groups_names_by_id_and_names_a_bad_line(tmp_path: Path) -> None:
    (tmp_path / "c.tsv").write_text(CURATION_TSV, encoding="utf-8")
    records = {r.id: r for r in read_mesh_curation(tmp_path / "c.tsv")}
    assert records["mesh:D001943"].label == "breast cancer"
    assert [n.text for n in records["mesh:D001943"].names] == ["breast cancer",
                                                                "breast carcinoma"]
    (tmp_path / "bad.tsv").write_text("# x\nstroke\tIllness\tmesh:D1\t1\t1\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.tsv:2"):
        list(read_mesh_curation(tmp_path / "bad.tsv"))


def test_the_packaged_curation_table_says_where_it_came_from() -> None:
    table = ROOT / "exokg" / "resources" / "lexicon" / "mesh-curation.tsv"
    header = "".join(line for line in table.read_text(encoding="utf-8").splitlines(True)
                     if line.startswith("#"))
    for needed in ("TRAINING", "NCBI Disease", "BioCreative V CDR", "public domain",
                   "scripts/make_mesh_curation.py", "development split"):
        assert needed in header
    rows = list(read_mesh_curation(table))
    assert len(rows) > 1000 and all(r.id.startswith(("mesh:", "OMIM:")) for r in rows)


# -- compiling -------------------------------------------------------------------------------


def test_ontology_diseases_get_mesh_ids_through_shared_names_and_mappings(
        lexicon: Lexicon) -> None:
    assert "mesh:D001943" in lexicon.entity("MONDO:0007254").xrefs  # curation: same name
    assert "mesh:D003922" in lexicon.entity("MONDO:0005147").xrefs  # "Type 1 Diabetes Mellitus"
    assert "mesh:D009325" in lexicon.entity("HP:0002018").xrefs  # gilda's HP mapping
    assert lexicon.entity("MONDO:0013792").xrefs == ()  # no MeSH source names it


def test_a_disease_mention_is_the_ontology_entity_with_its_mesh_xref(lexicon: Lexicon) -> None:
    (mention,) = lexicon.find("women with breast cancer")
    assert mention.entity.id == "MONDO:0007254" and "mesh:D001943" in mention.entity.xrefs


def test_drugs_are_chemicals_with_the_mesh_id_of_their_name(lexicon: Lexicon) -> None:
    assert _found(lexicon, "minocycline and Minocin") == [
        ("minocycline", "mesh:D008911"), ("Minocin", "drugbank:DB01017")]
    assert "mesh:D008911" in lexicon.entity("drugbank:DB01017").xrefs


def test_chemical_naming_rules(lexicon: Lexicon) -> None:
    found = _found(lexicon, "lead, ice, Na and mRNA levels; cocaine; insulin")
    assert ("cocaine", "mesh:D003042") in found  # an English word the annotators marked
    ids = {i for _, i in found}
    assert not ids & {"drugbank:DB99998", "drugbank:DB01577", "drugbank:DB99999",
                      "mesh:D008670"}  # English words, too short, a generic class
    assert ("insulin", "NCBIGene:3630") in found  # a gene's name is the gene


def test_a_coordinated_name_is_read_as_two_mentions(lexicon: Lexicon) -> None:
    assert _found(lexicon, "nausea and vomiting") == [("nausea", "HP:0002018"),
                                                      ("vomiting", "HP:0002013")]


# -- the recogniser --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def recogniser(lexicon: Lexicon) -> Recogniser:
    vocabulary = load_vocabulary()
    return Recogniser.from_vocabulary(vocabulary, MirnaGrounder.default(),
                                      OpenLexicon.over(lexicon, vocabulary))


def test_a_disease_name_is_not_cut_down_to_a_curated_route(recogniser: Recogniser) -> None:
    found = [(m.text, m.entity.id) for m in recogniser.mentions(
        "rats with intracerebral hemorrhage")]
    assert ("intracerebral hemorrhage", "MONDO:0013792") in found
    assert not any(text == "intracerebral" for text, _ in found)


def test_chemicals_are_claim_participants_only_as_drugs_standing_alone(
        recogniser: Recogniser) -> None:
    """A chemical is annotated everywhere; a drug DrugBank names is a claim participant only
    when written as a noun phrase of its own (exokg.recognise.drugs, recognition round 7)."""
    from exokg.pipeline import analyse_document

    document = Document(id="d1", text="Minocycline reduced infarct volume in rats. Serum "
                        "minocycline levels were measured.", origin="test")
    alone, inside = analyse_document(document, recogniser)
    assert any(m.entity.id == "mesh:D008911" for m in alone.parts)
    assert any(m.entity.id == "mesh:D008911" for m in inside.parts)
    assert any(m.entity.id == "mesh:D008911" for m in alone.mentions)
    assert not any(m.entity.id == "mesh:D008911" for m in inside.mentions)


# -- the curation table's script -------------------------------------------------------------


def _script():
    return load_script("scripts/make_mesh_curation.py")


def test_curation_rows_skip_abbreviations_excluded_documents_and_disagreement(
        tmp_path: Path) -> None:
    script = _script()
    corpus = tmp_path / "train.txt"
    corpus.write_text("\n".join([
        "1|t|x", "1|a|y",
        "1\t0\t3\tDMD\tSpecificDisease\tD020388",
        "1\t0\t8\tmyopathy\tDiseaseClass\tD009135",
        "1\t0\t8\tmyopathy\tDiseaseClass\tD009135",
        "1\t0\t8\tseizure\tDiseaseClass\tD012640",
        "1\t0\t8\tSeizure\tDiseaseClass\tD004827",
        "1\t0\t8\tbreast/ovarian cancer\tCompositeMention\tD001943|D010051",
        "2\t0\t5\tgout\tSpecificDisease\tD006073",
    ]) + "\n", encoding="utf-8")
    rows = script.build_rows([(corpus, script._NCBI_CLASSES)], skip={"2"})
    assert rows == [("myopathy", "Disease", "mesh:D009135", 2, 2)]


def test_names_only_mesh_has_are_annotated_but_not_claim_participants(
        recogniser: Recogniser) -> None:
    from exokg.pipeline import analyse_document

    document = Document(id="d2", text="Exosomes reduced breast carcinoma and breast cancer.",
                        origin="test")
    (analysed,) = analyse_document(document, recogniser)
    assert any(m.entity.id == "mesh:D001943" for m in analysed.parts)
    top = {m.entity.id for m in analysed.mentions}
    assert "mesh:D001943" not in top  # "breast carcinoma": only the curation table names it
    assert "MONDO:0007254" in top  # "breast cancer": MONDO's, with the MeSH id as an xref
