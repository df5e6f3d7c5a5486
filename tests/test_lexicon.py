"""The open-vocabulary lexicon (exokg.lexicon): compiling from small sources made here,
matching rules (longest match, word boundaries, plurals, case, ambiguity), priority below
the curated vocabulary, determinism and the missing-lexicon message.

The sources are tiny stand-ins in the real formats (an OBO file, an org.Hs.eg.db-shaped
SQLite table set, a GO.db-shaped one), so these tests need no downloaded data.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from exokg.errors import InputError, LexiconMissingError
from exokg.lexicon import Lexicon, load_lexicon
from exokg.lexicon.compile import CompileRules, compile_records, token_chars, version_key
from exokg.lexicon.normalise import key
from exokg.lexicon.sources import Name, Record, read_gene_db, read_go_db, read_obo
from exokg.model import Entity, Mention
from exokg.recognise import Recogniser
from exokg.recognise.mirna import MirnaGrounder
from exokg.recognise.open import OpenLexicon
from exokg.vocabulary import load_vocabulary

OBO = """format-version: 1.2
data-version: hp/releases/test

[Term]
id: HP:0000118
name: Phenotypic abnormality

[Term]
id: HP:0001250
name: Seizure
synonym: "Epileptic seizure" EXACT []
synonym: "Epilepsy" RELATED layperson []
xref: UMLS:C0036572
is_a: HP:0000118 ! Phenotypic abnormality

[Term]
id: HP:0000006
name: Autosomal dominant inheritance
"""


def _gene_db(path: Path) -> Path:
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE genes (_id INTEGER PRIMARY KEY, gene_id TEXT);
        CREATE TABLE gene_info (_id INTEGER, gene_name TEXT, symbol TEXT);
        CREATE TABLE genetype (_id INTEGER, gene_type TEXT);
        CREATE TABLE alias (_id INTEGER, alias_symbol TEXT);
        CREATE TABLE uniprot (_id INTEGER, uniprot_id TEXT);
        CREATE TABLE ensembl (_id INTEGER, ensembl_id TEXT);
        CREATE TABLE omim (_id INTEGER, omim_id TEXT);
        CREATE TABLE pubmed (_id INTEGER, pubmed_id TEXT);
        INSERT INTO genes VALUES (1, '3569'), (2, '5978'), (3, '7157'), (4, '2539'),
                                 (5, '100'), (6, '101'), (7, '406991'), (8, '10195'),
                                 (9, '3625'), (10, '3626');
        INSERT INTO gene_info VALUES (1, 'interleukin 6', 'IL6'),
            (2, 'RE1 silencing transcription factor', 'REST'),
            (3, 'tumor protein p53', 'TP53'),
            (4, 'glucose-6-phosphate dehydrogenase', 'G6PD'),
            (5, 'gene one', 'GONE'), (6, 'gene two', 'GTWO'),
            (7, 'microRNA 21', 'MIR21'), (8, 'ALG3 alpha-1,3-mannosyltransferase', 'ALG3'),
            (9, 'gene studied often', 'GOFT'), (10, 'gene studied rarely', 'GRAR');
        INSERT INTO genetype VALUES (1, 'protein-coding'), (2, 'protein-coding'),
            (3, 'protein-coding'), (4, 'protein-coding'), (5, 'protein-coding'),
            (6, 'protein-coding'), (7, 'ncRNA'), (8, 'protein-coding'),
            (9, 'protein-coding'), (10, 'protein-coding');
        INSERT INTO alias VALUES (1, 'IFNB2'), (3, 'P53'), (5, 'SHARED1'), (6, 'SHARED1'),
            (5, 'MSC'), (7, 'miR-21'), (8, 'not'), (9, 'SHARED2'), (10, 'SHARED2');
        WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 100)
            INSERT INTO pubmed SELECT 9, k FROM n;
        INSERT INTO pubmed VALUES (10, '1'), (10, '2'), (5, '7'), (6, '8');
        INSERT INTO uniprot VALUES (1, 'P05231');
        INSERT INTO ensembl VALUES (1, 'ENSG00000136244');
        INSERT INTO omim VALUES (1, '147620');
    """)
    db.commit()
    db.close()
    return path


def _go_db(path: Path) -> Path:
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE go_term (_id INTEGER PRIMARY KEY, go_id TEXT, term TEXT, ontology TEXT,
                              definition TEXT);
        CREATE TABLE go_synonym (_id INTEGER, synonym TEXT, secondary TEXT, like_go_id INT);
        INSERT INTO go_term VALUES (1, 'GO:0001525', 'angiogenesis', 'BP', ''),
            (2, 'GO:0001906', 'cell killing', 'BP', ''), (3, 'GO:0008219', 'cell death', 'BP', ''),
            (4, 'GO:0005634', 'nucleus', 'CC', '');
        INSERT INTO go_synonym VALUES (1, 'blood vessel formation', NULL, 0),
            (2, 'necrosis', NULL, 0), (3, 'necrosis', NULL, 0), (1, 'GO:0000001', NULL, 1);
    """)
    db.commit()
    db.close()
    return path


RULES = CompileRules(
    field_abbreviations=frozenset({"MSC", "EV"}),
    generic_names=frozenset({key("disease"), key("cell")}),
    english_words=frozenset({"rest", "not", "mouse", "gone"}),
)


def _records(tmp: Path) -> list[Record]:
    (tmp / "hp.obo").write_text(OBO, encoding="utf-8")
    records = list(read_obo(tmp / "hp.obo"))
    records += list(read_gene_db(_gene_db(tmp / "genes.sqlite")))
    records += list(read_go_db(_go_db(tmp / "go.sqlite")))
    records += [
        Record("MONDO:0005098", "stroke disorder", "Disease", "MONDO",
               [Name("stroke disorder", "label"), Name("stroke", "synonym")]),
        Record("MONDO:0005775", "G6PD deficiency", "Disease", "MONDO",
               [Name("G6PD deficiency", "label"), Name("G6PD", "synonym")]),
        Record("MONDO:0000001", "disease", "Disease", "MONDO", [Name("disease", "label")]),
        Record("MONDO:0044688", "isolated optic neuritis", "Disease", "MONDO",
               [Name("isolated optic neuritis", "label"), Name("ION", "synonym"),
                Name("ion", "synonym")]),
        Record("CL:0000127", "astrocyte", "Cell", "CL", [Name("astrocyte", "label")]),
        Record("CL:0000134", "mesenchymal stem cell", "Cell", "CL",
               [Name("mesenchymal stem cell", "label")]),
        Record("UBERON:0002421", "hippocampal formation", "AnatomicalEntity", "UBERON",
               [Name("hippocampal formation", "label"), Name("hippocampus", "synonym")]),
        Record("UBERON:0001627", "middle cerebral artery", "AnatomicalEntity", "UBERON",
               [Name("middle cerebral artery", "label")]),
        Record("NCBITaxon:10088", "Mus <genus>", "Species", "NCBITaxon",
               [Name("Mus <genus>", "label"), Name("mouse", "synonym")], preference=1),
        Record("NCBITaxon:10090", "Mus musculus", "Species", "NCBITaxon",
               [Name("Mus musculus", "label"), Name("house mouse", "synonym"),
                Name("mouse", "synonym")]),
        Record("NCBITaxon:9632", "Ursidae", "Species", "NCBITaxon",
               [Name("Ursidae", "label"), Name("bear", "synonym")], preference=1),
    ]
    return records


@pytest.fixture(scope="module")
def lexicon(tmp_path_factory: pytest.TempPathFactory) -> Lexicon:
    tmp = tmp_path_factory.mktemp("lexicon")
    compile_records(_records(tmp), tmp / "lex", version="test-1", sources={"t": "1"},
                    rules=RULES)
    return Lexicon(tmp / "lex")


def _found(lexicon: Lexicon, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.entity.id) for m in lexicon.find(text)]


# -- reading the sources -------------------------------------------------------------------


def test_obo_reader_keeps_exact_synonyms_and_terms_under_the_root(tmp_path: Path) -> None:
    (tmp_path / "hp.obo").write_text(OBO, encoding="utf-8")
    records = {r.id: r for r in read_obo(tmp_path / "hp.obo")}
    assert set(records) == {"HP:0000118", "HP:0001250"}  # inheritance modes are not phenotypes
    seizure = records["HP:0001250"]
    assert [n.text for n in seizure.names] == ["Seizure", "Epileptic seizure"]  # no RELATED
    assert seizure.xrefs == ["umls:C0036572"]
    assert seizure.category == "Phenotype"


def test_gene_reader_gives_ncbigene_ids_xrefs_and_skips_mirna_aliases(tmp_path: Path) -> None:
    genes = {r.id: r for r in read_gene_db(_gene_db(tmp_path / "g.sqlite"))}
    il6 = genes["NCBIGene:3569"]
    assert il6.label == "IL6" and il6.category == "Gene"
    assert il6.xrefs == ["uniprot:P05231", "ensembl:ENSG00000136244", "OMIM:147620"]
    assert "miR-21" not in [n.text for n in genes["NCBIGene:406991"].names]


def test_go_reader_keeps_biological_processes_only(tmp_path: Path) -> None:
    ids = [r.id for r in read_go_db(_go_db(tmp_path / "go.sqlite"))]
    assert "GO:0005634" not in ids and "GO:0001525" in ids


# -- matching --------------------------------------------------------------------------------


def test_longest_match_wins(lexicon: Lexicon) -> None:
    assert _found(lexicon, "occlusion of the middle cerebral artery") == [
        ("middle cerebral artery", "UBERON:0001627")]
    assert _found(lexicon, "an acute stroke disorder") == [("stroke disorder", "MONDO:0005098")]


def test_plurals_hyphens_greek_and_case(lexicon: Lexicon) -> None:
    assert _found(lexicon, "reactive astrocytes") == [("astrocytes", "CL:0000127")]
    assert _found(lexicon, "IL-6, IL6 and Interleukin-6") == [
        ("IL-6", "NCBIGene:3569"), ("IL6", "NCBIGene:3569"), ("Interleukin-6", "NCBIGene:3569")]
    assert _found(lexicon, "in house mice") == [("house mice", "NCBITaxon:10090")]
    assert _found(lexicon, "p53 and P53") == [("p53", "NCBIGene:7157"), ("P53", "NCBIGene:7157")]
    # mouse/rat and protein-name capitalisation of a symbol, not an all-lower-case word
    assert _found(lexicon, "Il6 and Tp53") == [("Il6", "NCBIGene:3569"), ("Tp53", "NCBIGene:7157")]
    assert _found(lexicon, "gtwo, Gtwo") == [("Gtwo", "NCBIGene:101")]


def test_word_boundaries(lexicon: Lexicon) -> None:
    assert _found(lexicon, "IL6R and IL6ST") == []  # not IL6 inside another symbol
    assert _found(lexicon, "subhippocampus") == []
    assert _found(lexicon, "the hippocampus.") == [("hippocampus", "UBERON:0002421")]


def test_gene_symbols_that_are_words_need_gene_context(lexicon: Lexicon) -> None:
    assert _found(lexicon, "After a REST period the rats") == []
    assert _found(lexicon, "REST protein expression fell") == [("REST", "NCBIGene:5978")]
    assert _found(lexicon, "Rest protein expression") == []  # case must match exactly
    assert _found(lexicon, "did not change the gene") == []  # lower-case word alias dropped


def test_ambiguous_and_stop_listed_names_are_not_matched(lexicon: Lexicon) -> None:
    assert _found(lexicon, "SHARED1 levels") == []  # alias of two genes
    # an alias of two genes names the one with five times the other's PubMed links
    assert [m.entity.id for m in lexicon.find("SHARED2 levels")] == ["NCBIGene:3625"]
    assert _found(lexicon, "MSC and EV") == []  # field abbreviations, though a gene alias
    assert _found(lexicon, "a disease of the cell") == []  # generic names
    assert _found(lexicon, "necrosis") == []  # unscoped GO synonym of two terms
    assert _found(lexicon, "bear") == []  # one-word common name of a family
    assert _found(lexicon, "sodium ion channels") == []  # "ion" beside "ION"
    assert _found(lexicon, "ION") == [("ION", "MONDO:0044688")]


def test_gene_symbol_wins_over_disease_abbreviation(lexicon: Lexicon) -> None:
    assert _found(lexicon, "G6PD activity and G6PD deficiency") == [
        ("G6PD", "NCBIGene:2539"), ("G6PD deficiency", "MONDO:0005775")]


def test_no_spaced_match_of_an_unspaced_symbol(lexicon: Lexicon) -> None:
    assert _found(lexicon, "IL 6") == []


def test_species_grounding_prefers_the_species(lexicon: Lexicon) -> None:
    assert _found(lexicon, "in mice") == [("mice", "NCBITaxon:10090")]


def test_lookup_by_id_and_name(lexicon: Lexicon) -> None:
    il6 = lexicon.entity("NCBIGene:3569")
    assert il6 is not None and "OMIM:147620" in il6.xrefs
    assert lexicon.entity("NCBIGene:0") is None
    assert [e.id for e in lexicon.lookup("interleukin-6")] == ["NCBIGene:3569"]
    assert [e.id for e in lexicon.lookup("mouse")] == ["NCBITaxon:10090"]  # not the genus
    assert lexicon.version == "test-1"


def test_mentions_carry_the_ontology_source(lexicon: Lexicon) -> None:
    (mention,) = lexicon.find("angiogenesis")
    assert mention.source == "ontology" and mention.category == "BiologicalProcess"
    assert (mention.start, mention.end) == (0, 12)


# -- artefact and versions -------------------------------------------------------------------


def test_compilation_is_deterministic(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / f"src-{name}").mkdir()
        compile_records(_records(tmp_path / f"src-{name}"), tmp_path / name, version="v",
                        sources={}, rules=RULES)
    first = sqlite3.connect(tmp_path / "a" / "lexicon.sqlite")
    second = sqlite3.connect(tmp_path / "b" / "lexicon.sqlite")
    for table in ("entity", "name", "candidate", "meta"):
        query = f"SELECT * FROM {table}"
        assert first.execute(query).fetchall() == second.execute(query).fetchall()


def test_the_automaton_writes_two_characters_per_token(lexicon: Lexicon) -> None:
    """Lexicon 3 codes each comparison token as two characters: a text token no key has
    breaks a name, a known token in another name's place does not make a match, and a
    key is as long as twice its tokens (not its characters)."""
    assert _found(lexicon, "a middle cerebral artery occlusion") == [
        ("middle cerebral artery", "UBERON:0001627")]
    assert _found(lexicon, "middle zzz cerebral artery") == []
    assert _found(lexicon, "cerebral middle artery") == []
    tokens = {t for k in ("middle cerebral artery", "mesenchymal stem cell") for t in k.split()}
    assert set(lexicon._codes) >= tokens  # noqa: SLF001 - the artefact's layout is the point
    assert len(set(lexicon._codes.values())) == len(lexicon._codes)  # noqa: SLF001
    stats = lexicon._automaton.get_stats()  # noqa: SLF001
    assert stats["longest_word"] % 2 == 0  # two characters per token
    assert stats["longest_word"] <= 2 * 30  # a matched key has at most 60 characters


def test_british_spellings_match_the_ontologies_american_names(tmp_path: Path) -> None:
    records = [Record("MONDO:0001", "cerebral hemorrhage", "Disease", "MONDO",
                      [Name("cerebral hemorrhage", "label")]),
               Record("HP:0000969", "Edema", "Phenotype", "HP", [Name("Edema", "label")]),
               Record("MONDO:0002", "brain tumor", "Disease", "MONDO",
                      [Name("brain tumor", "label"), Name("brain tumour", "synonym")])]
    compile_records(records, tmp_path / "lex", version="v", sources={}, rules=RULES)
    lexicon = Lexicon(tmp_path / "lex")
    assert _found(lexicon, "Cerebral haemorrhage with oedema and brain tumours") == [
        ("Cerebral haemorrhage", "MONDO:0001"), ("oedema", "HP:0000969"),
        ("brain tumours", "MONDO:0002")]
    assert [e.id for e in lexicon.lookup("cerebral haemorrhage")] == ["MONDO:0001"]


def test_a_lexicon_of_the_character_layout_asks_for_a_rebuild(tmp_path: Path) -> None:
    """A folder compiled by lexicon 2 (``automaton.pickle``) is not read as lexicon 3: the
    error says so and names the command; a folder missing its automaton names the file."""
    (tmp_path / "src").mkdir()
    compile_records(_records(tmp_path / "src"), tmp_path / "lex", version="v", sources={},
                    rules=RULES)
    (tmp_path / "lex" / "tokens-automaton.pickle").rename(tmp_path / "lex" / "automaton.pickle")
    with pytest.raises(LexiconMissingError, match="lexicon 2.*exokg lexicon build"):
        Lexicon(tmp_path / "lex")
    (tmp_path / "lex" / "automaton.pickle").unlink()
    with pytest.raises(InputError, match="tokens-automaton.pickle.*exokg lexicon build"):
        Lexicon(tmp_path / "lex")


def test_token_codes_keep_high_and_low_characters_apart() -> None:
    pairs = [token_chars(i) for i in (0, 511, 512, 200_000)]
    highs = {p[0] for p in pairs}
    lows = {p[1] for p in pairs}
    assert not highs & lows and len(set(pairs)) == len(pairs)
    assert all(ord(c) < 0xD800 for p in pairs for c in p)
    with pytest.raises(ValueError, match="token code"):
        token_chars(3840 * 512)


def test_version_key_changes_with_sources_and_rules() -> None:
    base = version_key({"MONDO": "v1"}, RULES)
    assert base == version_key({"MONDO": "v1"}, RULES)
    assert base != version_key({"MONDO": "v2"}, RULES)
    other = CompileRules(RULES.field_abbreviations | {"TBI"}, RULES.generic_names,
                         RULES.english_words)
    assert base != version_key({"MONDO": "v1"}, other)


def test_missing_lexicon_says_what_to_run(tmp_path: Path) -> None:
    with pytest.raises(LexiconMissingError, match="exokg lexicon build") as info:
        load_lexicon(tmp_path / "nowhere")
    assert str(tmp_path / "nowhere") in str(info.value)
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "CURRENT").write_text("1-gone\n")
    with pytest.raises(LexiconMissingError, match="1-gone"):
        load_lexicon(tmp_path / "home")


def test_auto_mode_without_a_lexicon_warns_and_recognises_curated_terms(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXOKG_LEXICON_DIR", str(tmp_path))
    monkeypatch.setenv("EXOKG_LEXICON", "auto")
    with pytest.warns(RuntimeWarning, match="exokg lexicon build"):
        recogniser = Recogniser.default()
    assert recogniser.open_lexicon is None and recogniser.lexicon_version is None
    monkeypatch.setenv("EXOKG_LEXICON", "require")
    with pytest.raises(LexiconMissingError):
        Recogniser.default()


# -- integration: curated terms win ----------------------------------------------------------


@pytest.fixture(scope="module")
def recogniser(lexicon: Lexicon) -> Recogniser:
    vocabulary = load_vocabulary()
    return Recogniser.from_vocabulary(vocabulary, MirnaGrounder.default(),
                                      OpenLexicon.over(lexicon, vocabulary))


def test_curated_terms_win_over_ontology_names(recogniser: Recogniser) -> None:
    mentions = recogniser.mentions("mesenchymal stem cells reduced angiogenesis")
    curated = load_vocabulary().get("CL:0000134")
    msc = next(m for m in mentions if m.entity.id == "CL:0000134")
    assert msc.source == "lexicon" and msc.entity == curated  # the curated entity, not CL's


def test_ontology_names_fill_in_what_the_curated_vocabulary_lacks(
        recogniser: Recogniser) -> None:
    found = {(m.text, m.entity.id, m.source) for m in recogniser.mentions(
        "G6PD rose in the hippocampus")}
    assert ("G6PD", "NCBIGene:2539", "ontology") in found
    assert ("hippocampus", "UBERON:0002421", "ontology") in found


def test_an_ontology_entity_a_curated_entry_cross_references_becomes_the_curated_one() -> None:
    vocabulary = load_vocabulary()
    curated = next(e for e in vocabulary.entities.values()
                   if any(x.startswith("NCBIGene:") for x in e.xrefs))
    gene_id = next(x for x in curated.xrefs if x.startswith("NCBIGene:"))

    class OneGene:
        version = "stub"

        def find(self, text: str) -> list[Mention]:
            return [Mention(Entity(gene_id, "X", "Gene"), 0, 4, text[:4], "ontology")]

    (mention,) = OpenLexicon.over(OneGene(), vocabulary).find("GENE up")
    assert mention.entity == curated and mention.source == "ontology"


def test_ontology_cells_are_parts_of_preparations_not_agents(recogniser: Recogniser) -> None:
    # a top-level Cell is an agent to the extractor; an ontology cell type alone is not one
    from exokg.model import Document, Sentence, Span
    text = "Astrocytes promoted functional recovery."
    sentence = Sentence("d", 0, Span(0, len(text)), text, tuple(range(len(text))))
    analysed = recogniser.analyse(Document("d", text, "test"), sentence)
    assert not [m for m in analysed.mentions if m.category == "Cell"]
    assert [m.entity.id for m in analysed.parts if m.category == "Cell"] == ["CL:0000127"]


def test_mirna_grammar_wins_over_mir_gene_symbols(recogniser: Recogniser) -> None:
    (mention,) = [m for m in recogniser.mentions("MIR21 was high") if m.start == 0]
    assert mention.source == "mirna"


def test_cli_lexicon_info_and_missing_message(tmp_path: Path, capsys: pytest.CaptureFixture
                                              ) -> None:
    from exokg.cli import main

    assert main(["lexicon", "info", "--home", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("exokg: error: ") and "exokg lexicon build" in err
    (tmp_path / "src").mkdir()
    compile_records(_records(tmp_path / "src"), tmp_path / "1-000000000000", version="1-x",
                    sources={"MONDO": "v1"}, rules=RULES)
    (tmp_path / "CURRENT").write_text("1-000000000000\n")
    assert main(["lexicon", "info", "--home", str(tmp_path), "--json"]) == 0
    import json
    info = json.loads(capsys.readouterr().out)
    assert info["version"] == "1-x" and info["sources"] == {"MONDO": "v1"}
    assert info["counts"]["entities"] > 10


def test_ontology_xrefs_become_exact_matches_in_rdf(lexicon: Lexicon) -> None:
    from rdflib import URIRef
    from rdflib.namespace import SKOS

    from exokg.graph.rdf import GraphBuilder

    builder = GraphBuilder()
    node = builder.add_entity(lexicon.entity("NCBIGene:3569"))
    assert node == URIRef("https://www.ncbi.nlm.nih.gov/gene/3569")
    matches = set(builder.graph.objects(node, SKOS.exactMatch))
    assert {URIRef("http://purl.uniprot.org/uniprot/P05231"),
            URIRef("https://www.ensembl.org/id/ENSG00000136244"),
            URIRef("https://omim.org/entry/147620")} <= matches


def test_a_forked_child_reads_through_its_own_connection(lexicon: Lexicon) -> None:
    import multiprocessing

    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    lexicon.find("IL-6")  # the parent has used its connection
    parent = id(lexicon._db)
    child = context.Process(target=lambda: queue.put(
        ([m.entity.id for m in lexicon.find("IL-6 in the hippocampus")],
         id(lexicon._db) != parent)))
    child.start()
    found, own_connection = queue.get(timeout=60)
    child.join(timeout=60)
    assert found == ["NCBIGene:3569", "UBERON:0002421"] and own_connection


def test_a_lexicon_travels_to_another_process_as_its_folder(lexicon: Lexicon) -> None:
    """A dask worker receives the recogniser pickled; the lexicon's database connection
    cannot be pickled, so the lexicon reopens itself from its folder."""
    import pickle

    again = pickle.loads(pickle.dumps(lexicon))
    assert again is not lexicon and again.path == lexicon.path
    assert again.version == lexicon.version
    text = "occlusion of the middle cerebral artery"
    assert again.find(text) and [(m.entity.id, m.start, m.end) for m in again.find(text)] == \
        [(m.entity.id, m.start, m.end) for m in lexicon.find(text)]
