"""KGX TSV export: conformance to the pinned Biolink Model (read offline from the
biolink-model package), the exokg -> Biolink mapping tables, and what the edges carry."""

from __future__ import annotations

import pytest
from exports_helpers import EFFECT, HEDGED, NEGATED, PHASE, STATEMENTS, synthetic_graph

from exokg.export import kgx
from exokg.export.kgx import (ASPECTS, ASSOCIATIONS, BIOLINK_MODEL_VERSION, BIOLINK_PREFIXES,
                              EDGE_COLUMNS, NODE_COLUMNS, biolink_categories, read_tsv, to_kgx)
from exokg.export.kgx_check import OWN_PREFIXES, BiolinkModel, check_kgx, load_biolink_model
from exokg.graph.rdf import statement_iri
from exokg.ids import compress, load_prefix_map
from exokg.pipeline import build
from exokg.vocabulary import ENTITY_CLASSES


@pytest.fixture(scope="module")
def model() -> BiolinkModel:
    return load_biolink_model()


@pytest.fixture(scope="module")
def built() -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    files = to_kgx(build().graph)
    return read_tsv(files["nodes.tsv"]), read_tsv(files["edges.tsv"])


@pytest.fixture(scope="module")
def synthetic() -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    files = to_kgx(synthetic_graph())
    return read_tsv(files["nodes.tsv"]), read_tsv(files["edges.tsv"])


def test_the_installed_model_is_the_pinned_release(model: BiolinkModel) -> None:
    assert model.version == BIOLINK_MODEL_VERSION == "4.4.6"


@pytest.mark.parametrize("which", ["built", "synthetic"])
def test_kgx_export_conforms_to_the_biolink_model(model: BiolinkModel, which: str,
                                                  request: pytest.FixtureRequest) -> None:
    nodes, edges = request.getfixturevalue(which)
    assert nodes and edges
    assert check_kgx(nodes, edges, model) == []


def test_kgx_files_have_the_documented_columns(built: tuple) -> None:
    nodes, edges = built
    assert tuple(nodes[0]) == NODE_COLUMNS and tuple(edges[0]) == EDGE_COLUMNS
    assert [n["id"] for n in nodes] == sorted({n["id"] for n in nodes})
    assert [e["id"] for e in edges] == sorted({e["id"] for e in edges})
    for edge in edges:
        assert edge["knowledge_level"] == "knowledge_assertion"
        assert edge["agent_type"] == "text_mining_agent"
        assert edge["primary_knowledge_source"] == "infores:exokg"
        assert edge["supporting_text"] and int(edge["evidence_count"]) >= 1


def test_one_edge_per_statement_with_an_entity_object(built: tuple) -> None:
    result = build()
    _, edges = built
    from exokg.model import Value
    expected = {compress(str(statement_iri(s))) for s in result.statements
                if not isinstance(s.object, Value)}
    assert {e["id"] for e in edges} == expected


def test_negation_hedging_direction_species_and_evidence_survive(synthetic: tuple) -> None:
    nodes, edges = synthetic
    by_id = {e["id"]: e for e in edges}
    key = lambda s: compress(str(statement_iri(s)))  # noqa: E731
    effect = by_id[key(EFFECT)]
    assert effect["category"] == "biolink:ChemicalAffectsGeneAssociation"
    assert (effect["subject"], effect["predicate"], effect["object"]) == \
        ("exokg:preparation/msc-exosomes", "biolink:affects", "UniProtKB:P15692")
    assert effect["qualified_predicate"] == "biolink:causes"
    assert effect["object_direction_qualifier"] == "increased"
    assert effect["object_aspect_qualifier"] == "expression"
    assert effect["species_context_qualifier"] == "NCBITaxon:10116"
    assert effect["negated"] == "False" and effect["exokg_hedged"] == "False"
    assert effect["evidence_count"] == "2"
    assert effect["supporting_text"].split("|") == sorted(e.text for e in EFFECT.evidence)
    assert len(effect["exokg_evidence"].split("|")) == 2
    negated = by_id[key(NEGATED)]
    assert negated["negated"] == "True" and negated["predicate"] == "biolink:associated_with"
    hedged = by_id[key(HEDGED)]
    assert hedged["exokg_hedged"] == "True" and hedged["exokg_direction"] == "decreased"
    # a cell is no chemical entity: no Biolink direction qualifier on a generic association
    assert hedged["category"] == "biolink:Association"
    assert hedged["object_direction_qualifier"] == ""
    # the pipe and the tab of the sentence cannot break the row or the list
    assert hedged["supporting_text"] == "MSCs may decrease apoptosis \u00a6 a pipe, a tab."
    assert key(PHASE) not in by_id  # a literal object has no KGX edge
    assert {n["id"] for n in nodes} >= {"UniProtKB:P15692", "exokg:mirna/mir-124"}


def test_every_predicate_maps_to_a_biolink_predicate(model: BiolinkModel) -> None:
    used = {s.predicate for s in build().statements}
    documented = {  # the statement predicates of docs/graph-model.md
        "biolink:affects", "biolink:beneficial_in_models_for", "biolink:in_clinical_trials_for",
        "biolink:associated_with", "biolink:positively_correlated_with",
        "biolink:negatively_correlated_with", "biolink:correlated_with",
        "biolink:biomarker_for", "RO:0002607", "biolink:contributes_to", "exo:transfersCargo",
        "exo:hasAdvantage", "biolink:participates_in", "exo:studiesIntervention",
        "exo:studiesCondition", "exo:monitorsAdverseEvent", "exo:site", "exo:investigator",
        "exo:primaryEndpoint", "exo:secondaryEndpoint", "exo:route"}
    for predicate in sorted(used | documented):
        mapped = kgx.biolink_predicate(predicate)
        slot = model.slot_name(mapped)
        assert slot is not None and "related to" in model.slot_ancestors(slot), \
            f"{predicate} -> {mapped} is not a Biolink {model.version} predicate"


def test_category_table_matches_the_model(model: BiolinkModel) -> None:
    categories = biolink_categories()
    assert {compress(str(c)).split(":")[1] for c in categories} >= ENTITY_CLASSES - {
        "DiseaseModel", "Assay", "RouteOfAdministration", "Advantage", "Outcome"}
    for cls, category in categories.items():
        name = model.class_name(category)
        assert name is not None, f"{cls}: {category} is not a Biolink class"
    sets = {"chemical entity": kgx._CHEMICAL_ENTITY,
            "gene or gene product": kgx._GENE_OR_GENE_PRODUCT,
            "biological entity": kgx._BIOLOGICAL_ENTITY}
    for ancestor, members in sets.items():
        for curie in members:
            name = model.class_name(curie)
            assert name is not None and ancestor in model.class_ancestors(name), \
                f"{curie} is not a {ancestor} in Biolink {model.version}"


def test_association_table_matches_the_model(model: BiolinkModel) -> None:
    for name, predicate, subjects, objects, qualifiers in ASSOCIATIONS:
        cls = model.class_name(name)
        assert cls is not None and "association" in model.class_ancestors(cls), name
        slots = model.class_slots(cls)
        for qualifier in qualifiers:
            assert qualifier.replace("_", " ") in slots, f"{name} has no {qualifier}"
        if predicate is not None:
            assert model.slot_name(predicate) is not None
            usage = (model.classes[cls].get("slot_usage") or {}).get("predicate") or {}
            parent = usage.get("subproperty_of")
            if parent:
                assert parent in model.slot_ancestors(model.slot_name(predicate) or "")
            subject_range = ((model.classes[cls].get("slot_usage") or {}).get("subject")
                             or {}).get("range")
            for curie in subjects or ():
                if subject_range:
                    assert subject_range in model.class_ancestors(model.class_name(curie) or "")
    assert ASSOCIATIONS[-1][0] == "biolink:Association" and ASSOCIATIONS[-1][1:4] == \
        (None, None, None)


def test_aspects_and_prefixes_are_biolink_values(model: BiolinkModel) -> None:
    assert set(ASPECTS.values()) <= model.permissible(
        "GeneOrGeneProductOrChemicalEntityAspectEnum")
    exokg_prefixes = load_prefix_map()
    for ours, theirs in BIOLINK_PREFIXES.items():
        assert ours in exokg_prefixes and theirs in model.prefixes, (ours, theirs)
    assert OWN_PREFIXES.isdisjoint(model.prefixes)


@pytest.mark.parametrize("column, value, problem", [
    ("predicate", "biolink:made_up", "is not a Biolink 4.4.6 predicate"),
    ("category", "biolink:ChemicalAffectsGene", "is not a Biolink 4.4.6 association"),
    ("object_direction_qualifier", "sideways", "is not in DirectionQualifierEnum"),
    ("knowledge_level", "gossip", "is not in KnowledgeLevelEnum"),
    ("object", "UNKNOWNPREFIX:1", "is not a node"),
    ("publications", "pubmed:123", "prefix 'pubmed' is not in the Biolink"),
])
def test_check_finds_planted_problems(model: BiolinkModel, synthetic: tuple, column: str,
                                      value: str, problem: str) -> None:
    nodes, edges = synthetic
    broken = [dict(e) for e in edges]
    broken[0][column] = value
    problems = check_kgx(nodes, broken, model)
    assert any(problem in p for p in problems), problems


def test_check_refuses_qualifiers_biolink_does_not_allow(model: BiolinkModel,
                                                         synthetic: tuple) -> None:
    nodes, edges = synthetic
    broken = [dict(e) for e in edges]
    generic = next(e for e in broken if e["category"] == "biolink:Association")
    generic["object_aspect_qualifier"] = "expression"
    assert any("object_aspect_qualifier is not a slot of biolink:Association" in p
               for p in check_kgx(nodes, broken, model))
    bad_nodes = [dict(n) for n in nodes]
    bad_nodes[0]["category"] = "biolink:GeneOrGeneProduct"
    assert any("is a mixin" in p or "is not a Biolink" in p
               for p in check_kgx(bad_nodes, edges, model))


def test_kgx_rows_read_back_with_one_value_per_column(synthetic: tuple) -> None:
    data = to_kgx(synthetic_graph())
    for name, columns in (("nodes.tsv", NODE_COLUMNS), ("edges.tsv", EDGE_COLUMNS)):
        lines = data[name].decode("utf-8").splitlines()
        assert all(line.count("\t") == len(columns) - 1 for line in lines)
    assert len(read_tsv(data["edges.tsv"])) == len([s for s in STATEMENTS if s is not PHASE])
