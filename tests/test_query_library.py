"""The named competency queries, each checked against real answers from the corpus graph.

The bundled corpus gives most answers; a second, tiny corpus (written here) adds what the
founding corpus does not contain: a negated claim, a contradiction linked by the assembler
and a claim supported by two publications.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

import exokg
from exokg.query.library import load_library, parse_query_file
from exokg.query.safety import check_query
from exokg.errors import InputError
from exokg.query.errors import ParameterError, UnknownQueryError

LIBRARY = load_library()

NEGATION_CORPUS = {
    "a.txt": "---\nid: study-a\ntitle: Study A\npmid: 11111111\n---\n"
             "Intravenous MSC-derived exosomes improved functional recovery in rats after "
             "stroke [1].\n",
    "b.txt": "---\nid: study-b\ntitle: Study B\npmid: 22222222\n---\n"
             "Intravenous MSC-derived exosomes did not improve functional recovery in rats "
             "after stroke [4].\n",
    "c.txt": "---\nid: study-c\ntitle: Study C\npmid: 33333333\n---\n"
             "Intravenous MSC-derived exosomes improved functional recovery in rats after "
             "stroke (Lee et al., 2020).\n",
    "d.txt": "---\nid: study-d\ntitle: Study D\npmid: 44444444\n---\n"
             "Intravenous MSC-derived exosomes reduced functional recovery in rats after "
             "stroke [9].\n",
}


@pytest.fixture(scope="module")
def kg():
    from exokg.pipeline import build

    graph = exokg.load(build())
    yield graph
    graph.close()


@pytest.fixture(scope="module")
def negation_kg(tmp_path_factory):
    from exokg.pipeline import build

    folder = tmp_path_factory.mktemp("negation")
    for name, text in NEGATION_CORPUS.items():
        (folder / name).write_text(text, encoding="utf-8")
    graph = exokg.load(build([folder]))
    yield graph
    graph.close()


def rows(frame, **where):
    """The records of a DataFrame whose columns equal the given values."""
    records = frame.to_dict("records")
    return [r for r in records if all(r.get(k) == v for k, v in where.items())]


# -- the library itself -------------------------------------------------------------------


def test_library_covers_the_competency_questions():
    assert set(LIBRARY) >= {
        "entity-findings", "mirna-preparations", "trial-design", "mirna-biomarkers",
        "outcomes-by-species", "single-species-outcomes", "single-source-claims",
        "hedged-negated", "opposite-findings", "trial-preclinical", "paper-claims",
        "advantages", "vocabulary", "evidence", "entity-search"}
    for query in LIBRARY.values():
        assert query.title and query.description, query.name
        assert query.examples, f"{query.name} has no example"


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_every_variant_of_every_query_passes_the_safety_check(name):
    query = LIBRARY[name]
    names = [p.name for p in query.params]
    select = query.text.split("WHERE", 1)[0]
    for p in names:  # SEP-0007 substitution needs the variable in the SELECT clause
        assert re.search(rf"\?{p}\b", select), f"{name}: ?{p} is not projected"
    for bound in itertools.chain.from_iterable(
            itertools.combinations(names, k) for k in range(len(names) + 1)):
        assert check_query(query.text_for(frozenset(bound))).form == "SELECT"


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_every_example_runs_on_the_corpus_graph(kg, name):
    for example in LIBRARY[name].examples:
        frame = kg.ask(name, **dict(example))
        assert len(frame.columns) > 0


def test_header_errors_name_the_line():
    with pytest.raises(InputError, match=r"bad\.rq:2"):
        parse_query_file("# title: x\n# param: ?a banana required -- no\nSELECT ?a {}", "bad",
                         "bad.rq")
    with pytest.raises(InputError, match="undeclared"):
        parse_query_file("# title: x\nSELECT * { ?s ?p ?o }  # if ?nope\n", "bad", "bad.rq")


def test_sorted_lists_take_the_separator_of_their_group_concat():
    text = ('# title: x\n# sorted-list: names, ?tags\n'
            'SELECT ?g (GROUP_CONCAT(DISTINCT ?n; separator="; ") AS ?names)\n'
            '  (REPLACE(GROUP_CONCAT(?t; separator=" | "), "x", "") AS ?tags) (COUNT(?n) AS ?c)'
            '\nWHERE { ?g ?n ?t } GROUP BY ?g')
    assert parse_query_file(text, "x").sorted_lists == (("names", "; "), ("tags", " | "))
    with pytest.raises(InputError, match=r"bad\.rq:2: .*\?c is not a GROUP_CONCAT"):
        parse_query_file(text.replace("?tags\n", "?c\n"), "bad", "bad.rq")
    with pytest.raises(InputError, match=r"bad\.rq:2: .*\?nope is not projected"):
        parse_query_file(text.replace("?tags\n", "?nope\n"), "bad", "bad.rq")


def test_sorted_list_items_are_in_code_point_order_whatever_the_engine_gave():
    from exokg.query.lists import sort_items, sort_list_columns

    assert sort_items((1, "rat; Mouse; ; rat; äffchen"), "; ") == (1, "Mouse; rat; äffchen")
    assert sort_items((2, "b | a", "en"), " | ") == (2, "a | b", "en")
    assert sort_items(None, "; ") is None and sort_items((0, "urn:b; a"), "; ") == (0, "urn:b; a")
    rows = [((1, "b, a"), (1, "z; y")), (None, (1, ""))]
    assert sort_list_columns(["d", "i"], rows, {"d": ", ", "i": "; ", "missing": "; "}) == [
        ((1, "a, b"), (1, "y; z")), (None, (1, ""))]
    # every order of the same items gives the same text
    items = ["NIHSS < 4", "p < 0.05", "n = 12; 14", "α"]
    texts = {sort_items((1, "; ".join(order)), "; ") for order in itertools.permutations(items)}
    assert len(texts) == 1


def test_queries_with_group_concat_lists_declare_them_sorted():
    for name in ("mirna-preparations", "mirna-biomarkers", "opposite-findings",
                 "outcomes-by-species"):
        query = LIBRARY[name]
        assert "SAMPLE(" not in query.text
        projected = re.findall(r"GROUP_CONCAT\(.*?\bAS \?(\w+)\)", query.text)
        assert projected and set(projected) <= {c for c, _ in query.sorted_lists}, name


def test_parameter_errors(kg):
    with pytest.raises(ParameterError, match="needs the parameter 'entity'"):
        kg.ask("entity-findings")
    with pytest.raises(ParameterError, match="no parameter 'colour'"):
        kg.ask("trial-design", colour="red")
    with pytest.raises(ParameterError, match="not a valid boolean"):
        kg.ask("hedged-negated", hedged="maybe")
    with pytest.raises(UnknownQueryError, match="trial-design"):
        kg.ask("trial-designs")


# -- real answers -------------------------------------------------------------------------


def test_entity_findings_for_mir_124(kg):
    frame = kg.ask("entity-findings", entity="miR-124")
    assert set(frame["entity_curie"]) == {"exokg:mirna/mir-124"}
    nihss = rows(frame, object_label="NIH Stroke Scale")
    assert len(nihss) == 1
    finding = nihss[0]
    assert finding["predicate_curie"] == "biolink:positively_correlated_with"
    assert finding["species"] == "human" and "location: exosome" in finding["context"]
    assert finding["negated"] is False and finding["hedged"] is False
    assert "positively correlated" in finding["sentence"] and finding["citations"] == "[18]"
    # the offsets point into the document's original text
    text = kg.sparql("SELECT ?d ?t WHERE { ?d exo:text ?t }", d=finding["document"])["t"][0]
    assert text[finding["start"]:finding["end"]] == finding["sentence"]
    association = rows(frame, predicate_curie="biolink:associated_with")[0]
    assert association["direction"] == "increased"
    assert "statistics: all p's < 0.01" in association["context"]
    # the object role: miR-124 as a preparation's cargo is not a finding *about* miR-124,
    # but its name resolves and a CURIE works the same
    assert len(kg.ask("entity-findings", entity="exokg:mirna/mir-124")) == len(frame)


def test_entity_findings_for_the_object_role(kg):
    frame = kg.ask("entity-findings", entity="NIH Stroke Scale")
    assert set(frame["role"]) == {"object"}
    assert set(frame["subject_label"]) == {"miR-9", "miR-124"}


def test_mirna_preparations(kg):
    frame = kg.ask("mirna-preparations", mirna="miR-133b")
    enriched = rows(frame, engineering="enriched", outcome_label="axonal remodeling")
    depleted = rows(frame, engineering="depleted", outcome_label="axonal remodeling")
    assert enriched[0]["direction"] == "increased" and depleted[0]["direction"] == "decreased"
    assert enriched[0]["species"] == "rat" and enriched[0]["model"] == "stroke"
    assert enriched[0]["route"] == "intravenous route of administration"
    assert rows(frame, engineering="overexpressing-source", outcome_label="functional recovery")
    loaded = kg.ask("mirna-preparations", mirna="miR-124")
    injury = rows(loaded, engineering="loaded", outcome_label="brain injury")
    assert injury[0]["direction"] == "decreased" and injury[0]["species"] == "mouse"
    everything = kg.ask("mirna-preparations")
    assert set(everything["mirna_label"]) == {"miR-124", "miR-133b"}
    tested = rows(everything, predicate_curie="biolink:in_clinical_trials_for")
    assert tested[0]["preparation_label"] == "BMSC-derived exosomes loaded with miR-124"


def test_trial_design(kg):
    frame = kg.ask("trial-design", trial="clinicaltrials:NCT03384433")
    by_field = {}
    for r in frame.to_dict("records"):
        by_field.setdefault(r["field"], []).append(r)
    assert [r["value_label"] for r in by_field["dose"]] == ["200 mg total protein"]
    assert by_field["route"][0]["value_label"] == "intraparenchymal route of administration"
    assert by_field["route"][0]["value_curie"] == "NCIT:C119548"
    assert [r["value_label"] for r in by_field["primary endpoint"]] == ["safety"]
    assert by_field["primary endpoint"][0]["time_frame"] == "in the first 12 months following therapy"
    assert [r["value_label"] for r in by_field["secondary endpoint"]] == ["modified Rankin Scale"]
    assert by_field["phase"][0]["value_label"] == "Phase 1/2"
    assert by_field["enrollment"][0]["value"] == 5
    assert by_field["site"][0]["value_label"] == "Shahid Beheshti University of Medical Sciences"
    assert {r["value_label"] for r in by_field["adverse event monitored"]} >= {
        "seizure", "brain edema"}
    assert all(isinstance(s, str) and s for s in frame["sentence"])
    # the trial's label works as a name, and no parameter lists every trial
    assert len(kg.ask("trial-design", trial="NCT03384433")) == len(frame)
    assert len(kg.ask("trial-design")) == len(frame)


def test_mirna_biomarkers(kg):
    frame = kg.ask("mirna-biomarkers")
    assert set(frame["mirna_label"]) == {"miR-9", "miR-124"}  # miR-126 is not exosomal
    for mirna in ("miR-9", "miR-124"):
        nihss = rows(frame, mirna_label=mirna, target_label="NIH Stroke Scale")
        assert nihss[0]["relation"] == "positively correlated with"
        assert nihss[0]["measured_in"] == "exosome"
        level = rows(frame, mirna_label=mirna, relation="level associated with")[0]
        assert level["target_label"] == "ischemic stroke" and level["direction"] == "increased"
        assert level["statistics"] == "all p's < 0.01"
        assert "65 acute ischemic stroke patients" in level["population"]
        # the control group is the comparator, never part of the population
        assert "volunteers" not in level["population"]
        assert level["comparator"] == "66 healthy volunteers"
    assert {"infarct volume", "interleukin-6"} <= set(
        r["target_label"] for r in rows(frame, mirna_label="miR-9"))


def test_outcomes_by_species(kg):
    rat = kg.ask("outcomes-by-species", species="NCBITaxon:10116")
    assert set(rat["species_label"]) == {"rat"}
    axonal = rows(rat, outcome_label="axonal remodeling")[0]
    assert set(axonal["directions"].split(", ")) == {"increased", "decreased"}
    assert axonal["statements"] == 2
    mouse = kg.ask("outcomes-by-species", species="mouse")
    assert {"brain injury", "spatial learning ability"} <= set(mouse["outcome_label"])
    everything = kg.ask("outcomes-by-species")
    assert {"rat", "mouse"} <= set(everything["species_label"].dropna())
    assert everything["species_label"].isna().any()  # claims without a species stay listed


def test_single_species_outcomes(kg):
    frame = kg.ask("single-species-outcomes")
    by_outcome = {r["outcome_label"]: r["species_label"] for r in frame.to_dict("records")}
    assert by_outcome["axonal remodeling"] == "rat"
    assert by_outcome["spatial learning ability"] == "mouse"
    assert by_outcome["brain injury"] == "mouse"


def test_single_source_claims(kg, negation_kg):
    frame = kg.ask("single-source-claims")
    assert len(frame) == kg.stats()["statements"]  # every corpus claim has one source
    row = rows(frame, object_label="NIH Stroke Scale", subject_label="miR-9")[0]
    assert row["citations"] == "[18]"
    advantage = rows(frame, predicate_curie="exo:hasAdvantage")[0]
    assert advantage["source_curie"] == "pubmed:29669873"
    # two publications support "MSC-derived exosomes improved functional recovery"
    other = negation_kg.ask("single-source-claims")
    assert not rows(other, negated=False, direction="increased", object_label="functional recovery")
    assert rows(other, negated=True, object_label="functional recovery")[0][
        "source_curie"] == "pubmed:22222222"


def test_hedged_and_negated_claims(kg, negation_kg):
    frame = kg.ask("hedged-negated")
    assert len(frame) == 4 and frame["hedged"].all() and not frame["negated"].any()
    # "Intravenous injection of MSC-derived exosomes could improve functional recovery and
    # neurite remodeling, neurogenesis, and angiogenesis163": "could" alone in a sentence that
    # cites its source reports what the cited work showed, so its four claims are not hedged
    assert not frame["sentence"].str.contains("could improve").any()
    transfer = rows(frame, predicate_curie="exo:transfersCargo")[0]
    assert transfer["object_label"] == "miR-133b"
    assert transfer["citations"] == "(Yu et al., 2011)"
    assert "presumably" in transfer["sentence"]
    assert len(kg.ask("hedged-negated", negated=True)) == 0
    negated = negation_kg.ask("hedged-negated", negated=True)
    assert len(negated) == 1
    assert "did not improve" in negated["sentence"][0] and negated["citations"][0] == "[4]"
    # a negated claim has a statement node but no direct edge
    assert not negation_kg.sparql(
        "ASK { ?s biolink:affects ?o . ?st rdf:subject ?s ; rdf:object ?o ; exo:negated true "
        "FILTER NOT EXISTS { ?other rdf:subject ?s ; rdf:object ?o ; exo:negated false } }")


def test_opposite_findings(kg, negation_kg):
    frame = kg.ask("opposite-findings", outcome="axonal remodeling")
    assert len(frame) == 1
    group = frame.to_dict("records")[0]
    assert (group["family_label"], group["cargo_label"]) == ("mesenchymal stem cell", "miR-133b")
    assert (group["increased"], group["decreased"]) == (1, 1)
    assert group["increased_by"] == "MSC-derived exosomes enriched in miR-133b"
    assert group["decreased_by"] == "MSC-derived exosomes depleted of miR-133b"
    assert (group["increased_engineering"], group["decreased_engineering"]) == ("enriched",
                                                                              "depleted")
    assert group["linked"] == 0 and "(119)" in group["increased_sentence"]
    everything = kg.ask("opposite-findings")
    assert set(everything["outcome_label"]) == {"axonal remodeling", "neurological function"}
    # plain MSC exosomes (no cargo) are another family: not mixed into the miR-133b one
    neuro = rows(everything, outcome_label="neurological function")[0]
    assert neuro["increased_by"] == "MSC-derived exosomes enriched in miR-133b"
    # the same preparation and context in both directions: linked by the assembler
    linked = negation_kg.ask("opposite-findings").to_dict("records")
    assert len(linked) == 1 and linked[0]["linked"] == 2
    assert (linked[0]["increased"], linked[0]["decreased"]) == (1, 1)
    assert "reduced" in linked[0]["decreased_sentence"]


def test_trial_preclinical(kg):
    frame = kg.ask("trial-preclinical", trial="NCT03384433")
    assert set(frame["preparation_label"]) == {"MSC-derived exosomes loaded with miR-124"}
    assert set(frame["outcome_label"]) == {"brain injury", "neurovascular recovery",
                                          "immunosuppression"}
    assert set(frame["species"]) == {"mouse"} and set(frame["citations"]) == {"[27]"}
    assert set(frame["match"]) == {"same cargo: miR-124"}
    assert "BMSC-derived exosomes loaded with miR-124" in frame["trial_preparations"][0]


def test_paper_claims(kg):
    frame = kg.ask("paper-claims", publication="pubmed:27035810")
    assert set(frame["publication_label"]) == {"Exosomes in stroke pathogenesis and therapy"}
    assert {"(116, 117, 119)", "(114, 115)", "(119)"} <= set(frame["citations"])
    enriched = rows(frame, subject_label="MSC-derived exosomes enriched in miR-133b")
    assert {r["object_label"] for r in enriched} == {"axonal remodeling",
                                                    "neurological function"}
    everything = kg.ask("paper-claims")
    assert everything["publication"].isna().any()  # documents without a known source
    assert {"pubmed:29669873", "pubmed:27035810"} <= set(everything["publication_curie"].dropna())


def test_advantages(kg):
    frame = kg.ask("advantages", comparator="cell therapy")
    assert len(frame) == 6
    assert "low immunogenicity" in set(frame["advantage_label"])
    assert set(frame["therapy_label"]) == {"exosome-based therapy"}
    assert set(frame["comparator_label"]) == {"cell therapy"}
    assert set(frame["source_curie"]) == {"pubmed:29669873"}
    assert len(kg.ask("advantages")) == 6


def test_vocabulary_is_subclass_aware(kg):
    mirnas = kg.ask("vocabulary", **{"class": "exo:MicroRNA"})
    assert {"miR-9", "miR-124", "miR-126", "miR-133b"} <= set(mirnas["label"])
    mir9 = rows(mirnas, label="miR-9")[0]
    assert "mirbase.mature:MIMAT0000441" in mir9["identifiers_curies"].split()
    # biolink:MicroRNA is a superclass in the ontology graph: same entities via the path
    biolink = kg.ask("vocabulary", **{"class": "biolink:MicroRNA"})
    assert set(biolink["entity"]) == set(mirnas["entity"])
    cells = kg.ask("vocabulary", **{"class": "exo:Cell"})
    msc = rows(cells, entity_curie="CL:0000134")[0]
    assert "MSC" in msc["synonyms"].split("; ") and msc["statements"] >= 1
    everything = kg.ask("vocabulary")
    assert not {"Statement", "Evidence", "Document"} & {
        t.rsplit("/", 1)[-1] for t in everything["type"]}


def test_evidence_query(kg):
    frame = kg.ask("evidence", subject="miR-9", object="loinc:70182-1")
    assert len(frame) == 1
    row = frame.to_dict("records")[0]
    assert row["rule"] and row["citations"] == "[18]" and row["start"] < row["end"]


def test_entity_search(kg):
    frame = kg.ask("entity-search", text="mir-124")
    assert bool(frame["exact"][0]) and frame["entity_curie"][0] == "exokg:mirna/mir-124"
