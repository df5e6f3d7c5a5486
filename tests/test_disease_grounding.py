"""Disease grounding round 2 (docs/benchmarks.md): short forms a document defines for a
disease carry the disease's id where the text writes them, a short form does not cut a
longer disease name, and the MeSH curation table drops names the annotators mostly left
unmarked. A small compiled lexicon stands in for the real one."""

from __future__ import annotations

from pathlib import Path

import pytest

from exokg.annotate import document_mentions
from exokg.lexicon import Lexicon
from exokg.lexicon.compile import CompileRules, compile_records
from exokg.lexicon.sources import Name, Record
from exokg.model import Document
from exokg.recognise import Recogniser
from exokg.recognise.mirna import MirnaGrounder
from exokg.recognise.open import OpenLexicon
from exokg.vocabulary import load_vocabulary
from script_modules import load_script


RULES = CompileRules(field_abbreviations=frozenset(), generic_names=frozenset({"disease"}),
                     english_words=frozenset())


def _records() -> list[Record]:
    return [
        Record("MONDO:0005015", "diabetes mellitus", "Disease", "MONDO",
               [Name("diabetes mellitus", "label"), Name("DM", "abbreviation")],
               ["mesh:D003920"]),
        Record("MONDO:0016107", "myotonic dystrophy", "Disease", "MONDO",
               [Name("myotonic dystrophy", "label")], ["mesh:D009223"]),
        Record("MONDO:0021055", "familial adenomatous polyposis", "Disease", "MONDO",
               [Name("familial adenomatous polyposis", "label"),
                Name("adenomatous polyposis coli", "synonym")], ["mesh:D011125"]),
        Record("NCBIGene:324", "APC", "Gene", "NCBIGene", [Name("APC", "symbol")]),
        Record("NCBIGene:2539", "G6PD", "Gene", "NCBIGene",
               [Name("G6PD", "symbol"),
                Name("glucose-6-phosphate dehydrogenase", "full_name")]),
        Record("MONDO:0005775", "G6PD deficiency", "Disease", "MONDO",
               [Name("G6PD deficiency", "label")], ["mesh:D005955"]),
        Record("MONDO:0007254", "breast cancer", "Disease", "MONDO",
               [Name("breast cancer", "label")], ["mesh:D001943"]),
        Record("MONDO:0008170", "ovarian cancer", "Disease", "MONDO",
               [Name("ovarian cancer", "label")], ["mesh:D010051"]),
        Record("MONDO:0010714", "Pelizaeus-Merzbacher spectrum disorder", "Disease", "MONDO",
               [Name("Pelizaeus-Merzbacher spectrum disorder", "label"),
                Name("Pelizaeus-Merzbacher disease", "synonym")]),
        Record("OMIM:312080", "Pelizaeus-Merzbacher disease", "Disease", "HPOA",
               [Name("Pelizaeus-Merzbacher disease", "label")]),
        Record("MONDO:0007739", "Huntington disease", "Disease", "MONDO",
               [Name("Huntington disease", "label")], ["mesh:D006816"]),
        Record("mesh:D007249", "inflammation", "Disease", "MESHCUR",
               [Name("inflammation", "label")]),
        Record("MONDO:0018048", "heparin-induced thrombocytopenia", "Disease", "MONDO",
               [Name("heparin-induced thrombocytopenia", "label")]),
        Record("HP:0001873", "Thrombocytopenia", "Phenotype", "HP",
               [Name("Thrombocytopenia", "label")], ["mesh:D013921"]),
        Record("MONDO:0000980", "aortic atherosclerosis", "Disease", "MONDO",
               [Name("aortic atherosclerosis", "label")]),
        Record("MONDO:0005311", "atherosclerosis", "Disease", "MONDO",
               [Name("atherosclerosis", "label")], ["mesh:D050197"]),
        Record("mesh:D020925", "hypoxia-ischemia", "Disease", "MESHCUR",
               [Name("hypoxia-ischemia", "label")]),
        Record("MONDO:0010134", "Pendred syndrome", "Disease", "MONDO",
               [Name("Pendred syndrome", "label")], ["mesh:C536648"]),
        Record("MONDO:0005150", "age-related macular degeneration", "Disease", "MONDO",
               [Name("age-related macular degeneration", "label")]),
        Record("MONDO:0003004", "macular degeneration", "Disease", "MONDO",
               [Name("macular degeneration", "label")], ["mesh:D008268"]),
        Record("MONDO:0013792", "intracerebral hemorrhage", "Disease", "MONDO",
               [Name("intracerebral hemorrhage", "label")], ["mesh:D002543"]),
        Record("MONDO:0018544", "adrenoleukodystrophy", "Disease", "MONDO",
               [Name("adrenoleukodystrophy", "label")], ["mesh:D000326"]),
        Record("MONDO:0005136", "malaria", "Disease", "MONDO",
               [Name("malaria", "label")], ["mesh:D008288"]),
        Record("HP:0001250", "Seizure", "Phenotype", "HP",
               [Name("Seizure", "label"), Name("convulsive", "synonym")], ["mesh:D012640"]),
        Record("MONDO:0010730", "X-linked mental retardation", "Disease", "MONDO",
               [Name("X-linked mental retardation", "label")], ["mesh:D038901"]),
        Record("NCBIGene:1741", "DLG3", "Gene", "NCBIGene",
               [Name("DLG3", "symbol"), Name("XLMR", "alias")]),
        Record("MONDO:0005027", "epilepsy", "Disease", "MONDO", [Name("epilepsy", "label")]),
        Record("MONDO:0000496", "hemorrhagic cystitis", "Disease", "MONDO",
               [Name("hemorrhagic cystitis", "label")], ["mesh:D000096722"]),
        Record("MONDO:0006032", "cystitis", "Disease", "MONDO", [Name("cystitis", "label")],
               ["mesh:D003556"]),
        Record("HP:0001250x", "Epilepsy", "Phenotype", "HP", [Name("Epilepsy", "label")],
               ["mesh:D004827"]),
        Record("MONDO:1060198", "ischemic stroke", "Disease", "MONDO",
               [Name("ischemic stroke", "label")], ["mesh:D000083242", "mesh:D002544"]),
        Record("mesh:D015658", "HIV infection", "Disease", "MESHCUR",
               [Name("HIV infection", "label")]),
        Record("mesh:D006509", "hepatitis B", "Disease", "MESHCUR",
               [Name("hepatitis B", "label"), Name("HBV infection", "synonym")]),
    ]


@pytest.fixture(scope="module")
def lexicon(tmp_path_factory: pytest.TempPathFactory) -> Lexicon:
    tmp = tmp_path_factory.mktemp("diseases")
    compile_records(_records(), tmp / "lex", version="test-diseases", sources={"t": "1"},
                    rules=RULES)
    return Lexicon(tmp / "lex")


@pytest.fixture(scope="module")
def recogniser(lexicon: Lexicon) -> Recogniser:
    vocabulary = load_vocabulary()
    return Recogniser.from_vocabulary(vocabulary, MirnaGrounder.default(),
                                      OpenLexicon.over(lexicon, vocabulary))


def _diseases(recogniser: Recogniser, text: str) -> list[tuple[str, int, str]]:
    document = Document(id="d", text=text, origin="test")
    return [(m.text, m.start, m.entity.id) for m in document_mentions(document, recogniser)
            if m.type in ("Disease", "Phenotype")]


def test_a_mondo_disease_gets_the_omim_id_of_the_hpo_disease_of_the_same_name(
        lexicon: Lexicon) -> None:
    assert "OMIM:312080" in lexicon.entity("MONDO:0010714").xrefs


@pytest.mark.parametrize("phrase", ["breast and ovarian cancer", "breast or ovarian cancers",
                                    "breast and/or ovarian cancer", "breast/ovarian cancer"])
def test_a_coordination_sharing_its_head_is_one_mention_with_both_ids(
        recogniser: Recogniser, phrase: str) -> None:
    text = f"Mutations predispose women to {phrase} early in life."
    document = Document(id="d", text=text, origin="test")
    diseases = [m for m in document_mentions(document, recogniser) if m.type == "Disease"]
    assert [(m.text, m.start) for m in diseases] == [(phrase, text.index(phrase))]
    assert {"MESH:D001943", "MESH:D010051"} <= set(diseases[0].ids)


def test_a_curated_phenotype_without_an_external_id_is_written_with_its_twin_ids(
        recogniser: Recogniser) -> None:
    document = Document(id="d", text="Exosomes reduced inflammation in rats.", origin="test")
    (m,) = [m for m in document_mentions(document, recogniser) if m.text == "inflammation"]
    assert m.entity.id == "exokg:phenotype/inflammation"  # the graph's entity is unchanged
    assert m.grounded and m.ids[0] == "MESH:D007249"


@pytest.mark.parametrize("cause", ["heparin-induced", "Severe", "mild"])
def test_a_cause_or_degree_is_left_out_of_the_disease_span(recogniser: Recogniser,
                                                           cause: str) -> None:
    text = f"Patients developed {cause} thrombocytopenia after surgery."
    document = Document(id="d", text=text, origin="test")
    (m,) = [m for m in document_mentions(document, recogniser) if m.type in ("Disease",
                                                                              "Phenotype")]
    assert (m.text, m.start) == ("thrombocytopenia", text.index("thrombocytopenia"))
    assert "MESH:D013921" in m.ids


def test_a_name_mesh_lacks_is_annotated_as_its_head_that_mesh_names(
        recogniser: Recogniser) -> None:
    text = "Rabbits fed cholesterol developed aortic atherosclerosis and breast cancer."
    found = _diseases(recogniser, text)
    assert ("atherosclerosis", text.index("atherosclerosis"), "MONDO:0005311") in found
    assert ("breast cancer", text.index("breast cancer"), "MONDO:0007254") in found


def test_a_short_form_of_a_name_mesh_lacks_gets_the_ids_of_its_head(
        recogniser: Recogniser) -> None:
    """A long form the document defines a short form for is a named disease: annotated
    whole, with the ids of its MeSH-named head (round 4; an undefined one is cut to the
    head, see above); its short form keeps its own span and is grounded as the long form
    is (NCBI Disease, BC5CDR and BioRED training splits: "AMD" -> MeSH D008268, Macular
    Degeneration)."""
    text = "Patients with age-related macular degeneration (AMD) were seen. AMD progressed."
    found = _diseases(recogniser, text)
    assert ("age-related macular degeneration", text.index("age-related"),
            "MONDO:0005150") in found
    whole = [m for m in document_mentions(Document(id="d", text=text, origin="test"),
                                          recogniser) if m.text.startswith("age-related")]
    assert whole and "MESH:D008268" in whole[0].ids
    assert ("AMD", text.index("(AMD)") + 1, "MONDO:0003004") in found
    assert ("AMD", text.index("AMD progressed"), "MONDO:0003004") in found
    document = Document(id="d", text=text, origin="test")
    amd = [m for m in document_mentions(document, recogniser) if m.text == "AMD"]
    assert amd and all("MESH:D008268" in m.ids for m in amd)


def test_a_cause_prefix_is_left_out_of_a_disease_short_form(recogniser: Recogniser) -> None:
    text = ("Warfarin-associated intracerebral hemorrhage (W-ICH) is severe. W-ICH recurs. "
            "X-linked adrenoleukodystrophy (X-ALD) is inherited.")
    found = [(t, start) for t, start, _ in _diseases(recogniser, text)]
    assert ("ICH", text.index("(W-ICH)") + 3) in found
    assert ("ICH", text.index("W-ICH recurs") + 2) in found
    assert ("X-ALD", text.index("(X-ALD)") + 1) in found  # "X-linked" is part of the name


def test_the_infection_word_after_a_disease_is_part_of_its_span(
        recogniser: Recogniser) -> None:
    text = "Children with malaria infection and malaria co-infection; malaria-infected mice."
    found = [(t, entity) for t, _, entity in _diseases(recogniser, text)]
    assert found == [("malaria infection", "MONDO:0005136"),
                     ("malaria co-infection", "MONDO:0005136"),
                     ("malaria-infected", "MONDO:0005136")]


def test_a_curated_disease_carries_the_mesh_ids_of_its_ontology_twin(
        recogniser: Recogniser) -> None:
    text = "After ischemic stroke (IS), IS recurred."
    document = Document(id="d", text=text, origin="test")
    found = [m for m in document_mentions(document, recogniser) if m.type == "Disease"]
    assert [m.text for m in found] == ["ischemic stroke", "IS", "IS"]
    assert all(m.source != "ontology" and "MESH:D002544" in m.ids
               and "MESH:D000083242" in m.ids for m in found)


def test_a_pathogen_before_an_infection_word_is_the_infection(recogniser: Recogniser) -> None:
    text = "In HIV-infected adults and HBV-HIV co-infected children; XYZ-infected cells."
    document = Document(id="d", text=text, origin="test")
    found = [(m.text, m.ids, m.sentence_index) for m in document_mentions(document, recogniser)
             if m.type in ("Disease", "Phenotype")]
    assert found == [("HIV-infected", ("MESH:D015658",), 0),
                     ("HBV-HIV co-infected", ("MESH:D006509", "MESH:D015658"), 0)]


def test_two_names_of_the_same_disease_side_by_side_are_one_mention(
        recogniser: Recogniser) -> None:
    text = "Mice had convulsive seizures; convulsive malaria was not seen."
    found = [t for t, _, _ in _diseases(recogniser, text)]
    assert found == ["convulsive seizures", "convulsive", "malaria"]


def test_a_short_form_used_undefined_is_the_one_disease_with_its_initials(
        recogniser: Recogniser) -> None:
    text = ("Boys with X-linked mental retardation were seen. Most XLMR genes are known; "
            "XLMR is common.")
    found = _diseases(recogniser, text)
    assert ("XLMR", text.index("XLMR genes"), "MONDO:0010730") in found
    assert ("XLMR", text.index("XLMR is"), "MONDO:0010730") in found
    # a document that defines the short form otherwise keeps its own reading
    defined = "X-linked mental retardation was seen. DLG3 (XLMR) was cloned. XLMR rose."
    assert not any(t == "XLMR" for t, _, _ in _diseases(recogniser, defined))


def test_a_name_without_mesh_takes_the_mesh_id_of_its_namesake(
        recogniser: Recogniser) -> None:
    document = Document(id="d", text="Patients had epilepsy.", origin="test")
    (m,) = [m for m in document_mentions(document, recogniser) if m.text == "epilepsy"]
    assert m.entity.id == "MONDO:0005027" and "MESH:D004827" in m.ids


def test_a_newer_mesh_descriptor_also_carries_its_heads_older_one(
        recogniser: Recogniser) -> None:
    document = Document(id="d", text="Cyclophosphamide caused hemorrhagic cystitis.",
                        origin="test")
    (m,) = [m for m in document_mentions(document, recogniser) if "cystitis" in m.text]
    assert m.text == "hemorrhagic cystitis"
    assert m.ids[:2] == ("MONDO:0000496", "MESH:D000096722") and "MESH:D003556" in m.ids


def test_a_modifier_that_names_nothing_with_the_head_is_no_coordination(
        recogniser: Recogniser) -> None:
    text = ("Both early and ovarian cancer were seen; myotonic dystrophy and breast cancer "
            "too; screening for breast cancer.")
    found = [t for t, _, _ in _diseases(recogniser, text)]
    assert found == ["ovarian cancer", "myotonic dystrophy", "breast cancer", "breast cancer"]


def test_a_short_form_with_the_initials_in_another_order_is_the_disease(
        recogniser: Recogniser) -> None:
    text = "Patients with myotonic dystrophy (DM) were studied. DM patients had cataracts."
    found = _diseases(recogniser, text)
    assert ("DM", text.index("(DM)") + 1, "MONDO:0016107") in found
    assert ("DM", text.index("DM patients"), "MONDO:0016107") in found
    assert not any(entity == "MONDO:0005015" for _, _, entity in found)  # not diabetes


def test_a_short_form_of_a_mesh_only_disease_is_a_part_not_a_claim_participant(
        recogniser: Recogniser) -> None:
    """A disease named only by the MeSH sources is annotated but never a top-level mention
    (what extraction reads as a claim participant), also where the text writes its short
    form: the short form is annotated with the disease's id, as its long form is."""
    from exokg.recognise.document import analyse_sentences
    from exokg.text.segment import segment
    text = ("Neonatal hypoxia-ischemia (HI) injures the brain. "
            "Exosomes improved recovery after HI in rats.")
    document = Document(id="d", text=text, origin="test")
    analysed = analyse_sentences(document, segment(document), recogniser)
    assert not any(m.entity.id == "mesh:D020925" for a in analysed for m in a.mentions)
    assert any(m.text == "HI" and m.entity.id == "mesh:D020925" for m in analysed[1].parts)
    assert ("HI", text.index("after HI") + 6, "mesh:D020925") in _diseases(recogniser, text)


def test_the_defining_bracket_itself_is_the_disease_not_the_gene(
        recogniser: Recogniser) -> None:
    text = "Germline mutations cause adenomatous polyposis coli (APC) in many families."
    assert ("APC", text.index("(APC)") + 1, "MONDO:0021055") in _diseases(recogniser, text)


def test_a_defined_short_form_does_not_cut_a_longer_disease_name(
        recogniser: Recogniser) -> None:
    text = ("Glucose-6-phosphate dehydrogenase (G6PD) is an enzyme. "
            "G6PD deficiency causes haemolysis.")
    found = _diseases(recogniser, text)
    assert ("G6PD deficiency", text.index("G6PD deficiency"), "MONDO:0005775") in found


def test_a_disease_short_form_may_open_a_hyphenated_word(recogniser: Recogniser) -> None:
    text = "Huntington disease (HD) is inherited. Fragments accumulate in HD-affected neurons."
    found = _diseases(recogniser, text)
    assert ("HD", text.index("HD-affected"), "MONDO:0007739") in found


def test_a_short_form_of_two_diseases_defines_each_part(recogniser: Recogniser) -> None:
    text = ("Families with Pendred syndrome/Huntington disease (PDS/HD) were seen. "
            "HD came first.")
    found = _diseases(recogniser, text)
    assert ("PDS", text.index("PDS/"), "MONDO:0010134") in found
    assert ("HD", text.index("/HD") + 1, "MONDO:0007739") in found
    assert ("HD", text.index("HD came"), "MONDO:0007739") in found


def test_a_short_form_whose_capitals_are_not_the_initials_is_not_defined(
        recogniser: Recogniser) -> None:
    text = "Patients with myotonic dystrophy (CK) were studied."
    assert [t for t, _, _ in _diseases(recogniser, text)] == ["myotonic dystrophy"]


# -- the curation table's script -------------------------------------------------------------


def _script():
    return load_script("scripts/make_mesh_curation.py")


def test_curation_drops_a_disease_name_the_annotators_mostly_left_unmarked(
        tmp_path: Path) -> None:
    script = _script()
    text = ("inflammatory cells and inflammatory cytokines in inflammatory bowel disease; "
            "anemia and hemolytic anemia; inflammatory")
    assert text.index("hemolytic anemia") == 88
    corpus = tmp_path / "train.txt"
    corpus.write_text("\n".join([
        f"1|t|{text}", "1|a|",
        "1\t0\t12\tinflammatory\tDiseaseOrPhenotypicFeature\tD007249",
        "1\t49\t75\tinflammatory bowel disease\tDiseaseOrPhenotypicFeature\tD015212",
        "1\t77\t83\tanemia\tDiseaseOrPhenotypicFeature\tD000740",
        "1\t88\t104\themolytic anemia\tDiseaseOrPhenotypicFeature\tD000743",
    ]) + "\n", encoding="utf-8")
    rows = script.build_rows([(corpus, script._BIORED_CLASSES)], skip=set())
    names = [r[0] for r in rows]
    # "inflammatory": marked once in three whole-word occurrences outside a longer mention
    assert "inflammatory" not in names
    # "anemia" inside the annotated "hemolytic anemia" is no unmarked occurrence
    assert names == ["anemia", "hemolytic anemia", "inflammatory bowel disease"]


def test_a_conjunction_must_be_a_word_of_its_own() -> None:
    from exokg.annotate.disease_spans import coordinated_diseases
    from exokg.annotate.mentions import DocumentMention
    from exokg.model import Entity

    text = "Screening for Pendred syndrome and or deafness."
    entity = Entity("MONDO:0010134", "Pendred syndrome", "Disease", xrefs=("mesh:C536648",))
    start = text.index("Pendred")
    mention = DocumentMention("d", 0, start, start + 16, "Pendred syndrome", "Disease",
                              ("MONDO:0010134", "MESH:C536648"), True, entity, "ontology")

    def anything(name: str) -> list[Entity]:  # every name is a disease: only the text decides
        return [Entity("MONDO:1", name, "Disease", xrefs=("mesh:D1",))]

    document = Document(id="d", text=text, origin="test")
    assert coordinated_diseases(document, [mention], anything) == [mention]  # "f" + "or"
