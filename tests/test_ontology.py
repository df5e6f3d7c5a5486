"""Tests of ontology/exokg.ttl and ontology/shapes.ttl against the code that writes graphs.

* Both files parse with rdflib and with pyoxigraph (strict).
* Every exokg class (exokg.vocabulary.ENTITY_CLASSES, Document, Statement, Evidence) is an
  owl:Class with a label, a definition and a Biolink / W3C alignment.
* Every exo: term exokg/graph/rdf.py names, every exo:/biolink:/RO: predicate the
  extractors use, and every exo: term in a graph the real GraphBuilder writes is declared,
  as the right kind of property, with a range that matches the literals written.
* Identifier policy: external IRIs are verified in shared/reference/identifiers.tsv (or
  listed below with a reason); known traps are absent.
* SHACL: a hand-written valid graph and a builder-made graph conform; each broken variant
  fails with the expected sh:resultPath and constraint component.

No network: files are opened by the tests and parsed from text.
"""

from __future__ import annotations

import csv
import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pyshacl
import pytest
from rdflib import OWL, RDF, RDFS, SKOS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SH

from exokg.errors import VocabularyError
from exokg.graph import rdf as rdf_module
from exokg.graph.rdf import GraphBuilder
from exokg.ids import load_prefix_map
from exokg.model import (Citation, Context, Document, Entity, Evidence, Mention, Statement,
                         Value)
from exokg.recognise.composite import find_preparations
from exokg.recognise.mirna import MirnaGrounder, find_mirnas
from exokg.vocabulary import ENTITY_CLASSES, load_vocabulary, parse_vocabulary

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "exokg"
ONTOLOGY = REPO / "ontology" / "exokg.ttl"
SHAPES = REPO / "ontology" / "shapes.ttl"
REFERENCE = REPO.parent / "shared/reference/identifiers.tsv"

EXO = Namespace("https://w3id.org/exokg/vocab/")
BIOLINK = Namespace("https://w3id.org/biolink/vocab/")
OBO = "http://purl.obolibrary.org/obo/"
CC_BY_4 = URIRef("https://creativecommons.org/licenses/by/4.0/")
# rdflib's XSD namespace object warns when pytest inspects module globals: use the IRI.
XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")

ALL_CLASSES = sorted(ENTITY_CLASSES | {"Document", "Statement", "Evidence", "Disagreement",
                                       "Mention", "Sentence"})
PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)

#: Entity classes with no Biolink superclass on purpose (Biolink 4.4.6 has no such class);
#: each must still point at Biolink with skos:closeMatch or rdfs:seeAlso.
NO_BIOLINK_SUPERCLASS = frozenset({"Advantage", "Assay", "DiseaseModel", "Outcome",
                                   "RouteOfAdministration"})

#: Biolink terms used in the ontology that shared/reference/identifiers.tsv does not list.
#: All are Biolink Model 4.4.6 terms (biolink.github.io/biolink-model): keep this list short
#: and say why each is needed.
BIOLINK_NOT_IN_REFERENCE = frozenset({
    "Association",      # exo:Statement is a biolink:Association (docs/graph-model.md)
    "Agent",            # superclass of exo:Organization and exo:Person
    "ChemicalEntity",   # superclass of exo:Chemical (a class of biolink-model 4.4.6)
    "Attribute",        # closeMatch of exo:Advantage
    "associated_with",  # predicate emitted by exokg/extract/biomarkers.py
    "correlated_with",  # predicate emitted by exokg/extract/biomarkers.py
    "contributes_to",   # predicate emitted by exokg/extract/claims.py
    "NoncodingRNAProduct",  # superclass of exo:CircularRNA and exo:LongNoncodingRNA
})

#: Identifiers that must never appear (shared/reference/identifiers-notes.md).
TRAPS = {
    URIRef(OBO + "GO_0044028"): "DNA hypomethylation is obsolete (GO, January 2023)",
    URIRef(OBO + "OBI_0000714"): "'graph of vertices', not western blot (OBI:0000854)",
}

W3C_AND_DC = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "sh": "http://www.w3.org/ns/shacl#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
}
#: Namespaces whose terms need no entry in identifiers.tsv.
STANDARD_NAMESPACES = (str(EXO), *W3C_AND_DC.values())


# -- fixtures and helpers ----------------------------------------------------------------

def _parse(path: Path) -> Graph:
    return Graph().parse(data=path.read_text(encoding="utf-8"), format="turtle")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return _parse(ONTOLOGY)


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return _parse(SHAPES)


_EXACT = re.compile(r"\bexact ((?:RO|BFO)):(\d{7})\b")


@pytest.fixture(scope="module")
def reference() -> dict[URIRef, bool]:
    """identifiers.tsv as IRI -> verified (True when any row verifies it).

    A verified Biolink row that states an exact mapping ('Biolink slot: exact RO:0002558')
    also verifies the mapped RO/BFO IRI.
    """
    if not REFERENCE.is_file():
        pytest.skip(f"{REFERENCE} is not available")
    out: dict[URIRef, bool] = {}
    with REFERENCE.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row.get("iri"):
                iri = URIRef(row["iri"].strip())
                verified = row.get("verified", "").strip() == "yes"
                out[iri] = out.get(iri, False) or verified
                for prefix, local in _EXACT.findall(row.get("entity", "")):
                    mapped = URIRef(f"{OBO}{prefix}_{local}")
                    out[mapped] = out.get(mapped, False) or verified
    return out


def _declared(g: Graph, term: URIRef) -> bool:
    return any((term, RDF.type, t) in g for t in (OWL.Class, *PROPERTY_TYPES))


def _is_property(g: Graph, term: URIRef) -> bool:
    return any((term, RDF.type, t) in g for t in PROPERTY_TYPES)


def _superclasses(g: Graph, cls: URIRef) -> set[URIRef]:
    seen: set[URIRef] = set()
    todo = [cls]
    while todo:
        for sup in g.objects(todo.pop(), RDFS.subClassOf):
            if isinstance(sup, URIRef) and sup not in seen:
                seen.add(sup)
                todo.append(sup)
    return seen


def _iris(g: Graph) -> Iterator[URIRef]:
    for triple in g:
        for term in triple:
            if isinstance(term, URIRef):
                yield term


def _literal_datatype(lit: Literal) -> URIRef:
    if lit.datatype is not None:
        return lit.datatype
    return RDF.langString if lit.language else XSD_STRING


def _validate(data: Graph, shapes: Graph) -> tuple[bool, Graph]:
    conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none",
                                            do_owl_imports=False)
    return conforms, results


def _results(results: Graph) -> set[tuple[object, URIRef]]:
    """(sh:resultPath or None, sh:sourceConstraintComponent) of every validation result."""
    return {(results.value(r, SH.resultPath), results.value(r, SH.sourceConstraintComponent))
            for r in results.subjects(RDF.type, SH.ValidationResult)}


# -- parsing -----------------------------------------------------------------------------

@pytest.mark.parametrize("path", [ONTOLOGY, SHAPES], ids=lambda p: p.name)
def test_parses_with_rdflib_and_pyoxigraph(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    g = Graph().parse(data=text, format="turtle")
    quads = list(pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.TURTLE))
    assert len(g) > 50
    assert len(set(quads)) == len(g)


def test_ontology_has_no_blank_nodes(ontology: Graph) -> None:
    assert not [t for t in ontology if any(isinstance(x, BNode) for x in t)]


def test_namespace_agrees_with_prefixes_and_builder() -> None:
    assert load_prefix_map()["exo"] == str(EXO)
    assert str(rdf_module.EXO) == str(EXO)
    assert str(rdf_module.BIOLINK) == str(BIOLINK)


# -- header ------------------------------------------------------------------------------

def test_ontology_header(ontology: Graph) -> None:
    assert list(ontology.subjects(RDF.type, OWL.Ontology)) == [URIRef(str(EXO))]
    header = URIRef(str(EXO))
    assert ontology.value(header, DCTERMS.title)
    assert len(str(ontology.value(header, DCTERMS.description))) > 50
    assert ontology.value(header, DCTERMS.license) == CC_BY_4
    assert ontology.value(header, OWL.versionInfo) == Literal("0.1.0")


# -- classes -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", ALL_CLASSES)
def test_class_declared_with_label_and_definition(ontology: Graph, name: str) -> None:
    cls = EXO[name]
    assert (cls, RDF.type, OWL.Class) in ontology
    assert str(ontology.value(cls, RDFS.label) or "").strip()
    assert len(str(ontology.value(cls, SKOS.definition) or "")) > 20


@pytest.mark.parametrize("name", sorted(ENTITY_CLASSES))
def test_entity_class_aligned_with_biolink(ontology: Graph, name: str) -> None:
    cls = EXO[name]
    biolink_supers = {s for s in _superclasses(ontology, cls) if s.startswith(str(BIOLINK))}
    if name in NO_BIOLINK_SUPERCLASS:
        assert not biolink_supers, f"{name} now has a Biolink superclass: update the test"
        pointers = {*ontology.objects(cls, SKOS.closeMatch), *ontology.objects(cls, RDFS.seeAlso)}
        assert any(str(p).startswith(str(BIOLINK)) for p in pointers)
        assert ontology.value(cls, RDFS.comment), "say why there is no Biolink superclass"
    else:
        assert biolink_supers, f"exo:{name} is not a subclass of any Biolink class"


def test_pipeline_classes_aligned(ontology: Graph) -> None:
    assert {RDF.Statement, BIOLINK.Association} <= _superclasses(ontology, EXO.Statement)
    assert PROV.Entity in _superclasses(ontology, EXO.Evidence)
    assert PROV.Entity in _superclasses(ontology, EXO.Document)


def test_no_stray_classes(ontology: Graph) -> None:
    declared = {c for c in ontology.subjects(RDF.type, OWL.Class) if c.startswith(str(EXO))}
    assert declared == {EXO[n] for n in ALL_CLASSES}


def test_every_exo_term_in_the_ontology_is_declared(ontology: Graph) -> None:
    """Catches typos in domains, ranges and subclass axioms (exo:Disese)."""
    header = URIRef(str(EXO))
    undeclared = {t for t in _iris(ontology)
                  if t.startswith(str(EXO)) and t != header and not _declared(ontology, t)}
    assert not undeclared


def test_every_property_labelled_and_defined(ontology: Graph) -> None:
    props = {p for t in PROPERTY_TYPES for p in ontology.subjects(RDF.type, t)
             if not str(p).startswith((W3C_AND_DC["skos"], W3C_AND_DC["dcterms"]))}
    assert len(props) > 40
    missing = sorted(p for p in props
                     if not ontology.value(p, RDFS.label) or not ontology.value(p, SKOS.definition))
    assert not missing


def test_property_kinds_do_not_clash(ontology: Graph) -> None:
    both = set(ontology.subjects(RDF.type, OWL.ObjectProperty)) & \
        set(ontology.subjects(RDF.type, OWL.DatatypeProperty))
    assert not both


# -- properties the code uses ------------------------------------------------------------

_EXO_ATTR = re.compile(r"\bEXO\.([A-Za-z_]\w*)")
_EXO_ITEM = re.compile(r"\bEXO\[\s*[\"']([^\"']+)[\"']\s*\]")
#: the graph builder's vocabulary: ``v.exo("name")`` (exokg.graph.rdf._Vocabulary)
_EXO_CALL = re.compile(r"\.exo\(\s*f?[\"']([^\"'{]+)[\"']\s*\)")
_PREDICATE_CURIE = re.compile(r"[\"']((?:exo|biolink|RO|BFO):[A-Za-z0-9_]+)[\"']")


def _rdf_module_exo_names() -> set[str]:
    source = Path(rdf_module.__file__).read_text(encoding="utf-8")
    return set(_EXO_ATTR.findall(source)) | set(_EXO_ITEM.findall(source)) | \
        set(_EXO_CALL.findall(source))


def _predicate_curies_in_code() -> set[str]:
    out: set[str] = set()
    for path in sorted((PACKAGE / "extract").rglob("*.py")):
        out |= set(_PREDICATE_CURIE.findall(path.read_text(encoding="utf-8")))
    return out


def _curie_iri(curie: str) -> URIRef:
    prefix, local = curie.split(":", 1)
    base = {"exo": str(EXO), "biolink": str(BIOLINK), "RO": OBO + "RO_", "BFO": OBO + "BFO_"}
    return URIRef(base[prefix] + local)


def test_exo_terms_named_in_rdf_module_are_declared(ontology: Graph) -> None:
    names = _rdf_module_exo_names()
    assert {"Statement", "Evidence", "Document", "negated", "evidenceCount"} <= names
    for name in sorted(names):
        term = EXO[name]
        if name[0].isupper():
            assert (term, RDF.type, OWL.Class) in ontology, f"exo:{name} is not an owl:Class"
        else:
            assert _is_property(ontology, term), f"exo:{name} is not a declared property"


def test_predicates_used_by_extractors_are_declared(ontology: Graph) -> None:
    curies = _predicate_curies_in_code()
    assert {"biolink:affects", "exo:phase", "RO:0002607"} <= curies
    missing = sorted(c for c in curies if not _is_property(ontology, _curie_iri(c)))
    assert not missing, f"predicates used in exokg/extract but not declared: {missing}"


def test_biolink_predicates_of_the_graph_model_are_declared(ontology: Graph) -> None:
    for name in ("affects", "beneficial_in_models_for", "in_clinical_trials_for",
                 "associated_with", "positively_correlated_with", "negatively_correlated_with",
                 "correlated_with", "biomarker_for", "contributes_to", "participates_in",
                 "has_evidence"):
        assert (BIOLINK[name], RDF.type, OWL.ObjectProperty) in ontology, name
        assert ontology.value(BIOLINK[name], RDFS.label), name


# -- a graph written by the real builder -------------------------------------------------

_TEXT = ("Allogeneic human MSC-derived exosomes loaded with miR-124 improved recovery [27]. "
         "Exosomes from BYHWD-treated MSCs were tested. NCT03384433 is a Phase 1 trial.")
_CONTEXT_IRIS = {"species": "NCBITaxon:10116", "model": "exokg:model/mcao",
                 "condition": "MONDO:1060198", "route": "NCIT:C38276",
                 "location": "UBERON:0000955", "trial": "clinicaltrials:NCT03384433",
                 "comparator": "CL:0000134"}


def _mention(text: str, surface: str, entity: Entity) -> Mention:
    start = text.index(surface)
    return Mention(entity, start, start + len(surface), surface)


def _builder_inputs() -> tuple[list[Document], list[Statement], dict[str, Entity],
                               list[tuple[Statement, Statement]]]:
    grounder = MirnaGrounder.default()
    mirnas = [grounder.entity(find_mirnas(t)[0])
              for t in ("miR-124", "hsa-miR-124-3p", "hsa-mir-124-1", "rno-miR-17-92 cluster")]
    msc = Entity("CL:0000134", "mesenchymal stem cell", "Cell", synonyms=("MSC", "MSCs"))
    exosome = Entity("GO:0070062", "exosome", "Vesicle")
    human = Entity("NCBITaxon:9606", "human", "Species")
    rat = Entity("NCBITaxon:10116", "rat", "Species")
    herb = Entity("exokg:herbal/byhwd", "Buyang Huanwu decoction", "HerbalPreparation",
                  synonyms=("BYHWD",))
    recovery = Entity("exokg:outcome/functional-recovery", "functional recovery", "Outcome")
    stroke = Entity("MONDO:1060198", "ischemic stroke", "Disease")
    trial = Entity("clinicaltrials:NCT03384433", "NCT03384433", "ClinicalTrial")
    route = Entity("NCIT:C38276", "intravenous", "RouteOfAdministration")
    site = Entity("ror:034m2b326", "Shahid Beheshti University of Medical Sciences",
                  "Organization")
    person = Entity("exokg:person/someone", "Someone", "Person")
    sentence = _TEXT.split(". ")[0]
    preparations = find_preparations(sentence, [
        _mention(sentence, "human", human), _mention(sentence, "MSC", msc),
        _mention(sentence, "exosomes", exosome), _mention(sentence, "miR-124", mirnas[0])])
    second = "Exosomes from BYHWD-treated MSCs were tested"
    preparations += find_preparations(second, [
        _mention(second, "Exosomes", exosome), _mention(second, "BYHWD", herb),
        _mention(second, "MSCs", msc)])
    assert preparations, "find_preparations found no preparation"
    registry = {e.id: e for e in [*mirnas, msc, exosome, human, rat, herb, recovery, stroke,
                                  trial, route, site, person]}
    doc = Document("doc-1", _TEXT, "corpus/doc-1.txt", title="A test excerpt", kind="excerpt",
                   source=Citation(pmid="23963371", pmcid="PMC3824189", doi="10.1/x",
                                   title="Systemic administration", journal="J Cereb Blood Flow",
                                   year=2013, authors=("Xin H", "Li Y"), volume="33",
                                   issue="11", pages="1711-1715", text="Xin H et al. 2013",
                                   partial=True, note="attributed by hand"))
    end0 = _TEXT.index("[27].") + 5
    ev = Evidence("doc-1", 0, 0, end0, _TEXT[:end0], "effect.test", citations=("[27]",),
                  source_pmid="23963371")
    start2 = _TEXT.index("NCT03384433")
    ev_trial = Evidence("doc-1", 2, start2, len(_TEXT), _TEXT[start2:], "trial.test")
    context = Context(**{f.name: (_CONTEXT_IRIS.get(f.name, f"{f.name} as written"),)
                         for f in dataclasses.fields(Context)})
    prep = preparations[0].entity
    statements = [
        Statement(prep, "biolink:affects", recovery, "increased", aspect="number",
                  context=context, evidence=(ev,)),
        Statement(prep, "biolink:affects", recovery, "increased", negated=True, hedged=True,
                  evidence=(ev,)),
        Statement(preparations[-1].entity, "biolink:beneficial_in_models_for", stroke,
                  evidence=(ev,)),
        Statement(mirnas[1], "biolink:participates_in", recovery, evidence=(ev,)),
        Statement(mirnas[2], "biolink:associated_with", stroke, "decreased", evidence=(ev,)),
        Statement(mirnas[3], "biolink:biomarker_for", stroke, evidence=(ev,)),
        Statement(trial, "exo:phase", Value("Phase 1"), evidence=(ev_trial,)),
        Statement(trial, "exo:enrollment", Value("12", "integer"), evidence=(ev_trial,)),
        Statement(trial, "exo:startDate", Value("2019-01", "gYearMonth"), evidence=(ev_trial,)),
        Statement(trial, "exo:dose", Value("200 ug"), evidence=(ev_trial,)),
        Statement(trial, "exo:route", route, evidence=(ev_trial,)),
        Statement(trial, "exo:site", site, evidence=(ev_trial,)),
        Statement(trial, "exo:investigator", person, evidence=(ev_trial,)),
        Statement(trial, "exo:studiesCondition", stroke, evidence=(ev_trial,)),
    ]
    return [doc], statements, registry, [(statements[0], statements[1])]


@pytest.fixture(scope="module")
def built() -> Graph:
    docs, statements, registry, contradictions = _builder_inputs()
    return rdf_module.build_graph(docs, statements, registry, contradictions)


def _undeclared_exo_terms(ontology: Graph, g: Graph) -> list[str]:
    bad = set()
    for s, p, o in g:
        if p.startswith(str(EXO)) and not _is_property(ontology, p):
            bad.add(f"property {p}")
        if p == RDF.type and o.startswith(str(EXO)) and (o, RDF.type, OWL.Class) not in ontology:
            bad.add(f"class {o}")
        if p == RDF.predicate and isinstance(o, URIRef) and not _is_property(ontology, o):
            bad.add(f"statement predicate {o}")
    return sorted(bad)


def test_builder_graph_uses_only_declared_terms(ontology: Graph, built: Graph) -> None:
    used = {p for p in built.predicates() if p.startswith(str(EXO))}
    # the inputs exercise documents, publications, evidence, every Context field, miRNA and
    # preparation attributes, literal-valued claims and contradictions
    expected = {"text", "pmid", "partialCitation", "citationMarker", "contradicts",
                "statistics", "mirnaName", "mirnaSpecies", "mirnaArm", "precursor",
                "vesicleType", "sourceCell", "cargo", "engineering", "treatedWith",
                "attributionNote", "volume", "phase", "startDate"}
    assert {EXO[n] for n in expected} <= used
    assert {EXO[f.name] for f in dataclasses.fields(Context)} <= used
    assert not _undeclared_exo_terms(ontology, built)


def test_builder_property_kinds_match(ontology: Graph, built: Graph) -> None:
    """Object properties get IRIs, datatype properties literals of their declared range."""
    problems = set()
    for s, p, o in built:
        if not p.startswith(str(EXO)):
            continue
        if (p, RDF.type, OWL.ObjectProperty) in ontology and not isinstance(o, URIRef):
            problems.add(f"{p} is an object property but got {o!r}")
        if (p, RDF.type, OWL.DatatypeProperty) in ontology:
            if not isinstance(o, Literal):
                problems.add(f"{p} is a datatype property but got {o!r}")
                continue
            declared = ontology.value(p, RDFS.range)
            if declared is not None and _literal_datatype(o) != declared:
                problems.add(f"{p} has range {declared} but got {_literal_datatype(o)}")
    assert not sorted(problems)


def test_builder_graph_conforms_to_shapes(built: Graph, shapes: Graph) -> None:
    conforms, results = _validate(built, shapes)
    assert conforms, results.serialize(format="turtle")


_VOCABULARY_ENTRY = """\
- id: CL:0000134
  label: mesenchymal stem cell
  class: Cell
  abbreviations: [MSC]
  xrefs: [mesh:D044982]
  close_matches: [CL:0002540]
  source: shared/reference/identifiers.tsv
"""


def test_curated_vocabulary_graph_is_declared_and_conforms(ontology: Graph,
                                                           shapes: Graph) -> None:
    """Every entity of ontology/vocabulary.yaml, as the builder writes it."""
    try:
        vocabulary = load_vocabulary()
    except (VocabularyError, OSError) as exc:  # its own tests report this
        pytest.skip(f"ontology/vocabulary.yaml does not load: {exc}")
    builder = GraphBuilder()
    for entity in vocabulary:
        builder.add_entity(entity, vocabulary.entities)
    assert len(vocabulary) > 0
    assert not _undeclared_exo_terms(ontology, builder.graph)
    conforms, results = _validate(builder.graph, shapes)
    assert conforms, results.serialize(format="turtle")


def test_vocabulary_entity_uses_only_declared_terms(ontology: Graph) -> None:
    """Curated mappings (close_matches, ...) become SKOS properties, not exo: terms."""
    vocabulary = parse_vocabulary(_VOCABULARY_ENTRY)
    builder = GraphBuilder()
    node = builder.add_entity(vocabulary.get("CL:0000134"))
    assert not _undeclared_exo_terms(ontology, builder.graph)
    assert (node, SKOS.closeMatch, URIRef(OBO + "CL_0002540")) in builder.graph


# -- identifier policy -------------------------------------------------------------------

@pytest.mark.parametrize("path", [ONTOLOGY, SHAPES], ids=lambda p: p.name)
def test_external_identifiers_are_verified(path: Path, reference: dict[URIRef, bool]) -> None:
    g = _parse(path)
    unverified = set()
    for iri in set(_iris(g)):
        if str(iri).startswith(STANDARD_NAMESPACES) or iri == CC_BY_4:
            continue
        if iri.startswith(str(BIOLINK)) and iri[len(str(BIOLINK)):] in BIOLINK_NOT_IN_REFERENCE:
            continue
        if not reference.get(iri, False):
            unverified.add(str(iri))
    assert not sorted(unverified), "not verified=yes in identifiers.tsv"


@pytest.mark.parametrize("path", [ONTOLOGY, SHAPES], ids=lambda p: p.name)
def test_no_trap_identifiers(path: Path) -> None:
    used = set(_iris(_parse(path)))
    assert not {str(t): why for t, why in TRAPS.items() if t in used}


def test_biolink_allow_list_is_current(ontology: Graph, reference: dict[URIRef, bool]) -> None:
    """An allow-listed Biolink term that is now verified, or no longer used, is removed."""
    used = {str(i)[len(str(BIOLINK)):] for i in _iris(ontology) if i.startswith(str(BIOLINK))}
    for name in BIOLINK_NOT_IN_REFERENCE:
        assert name in used, f"biolink:{name} is no longer used: drop it from the list"
        assert not reference.get(BIOLINK[name], False), f"biolink:{name} is verified now"


# -- SHACL -------------------------------------------------------------------------------

VALID = """\
@prefix exo: <https://w3id.org/exokg/vocab/> .
@prefix biolink: <https://w3id.org/biolink/vocab/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix GO: <http://purl.obolibrary.org/obo/GO_> .
@prefix CL: <http://purl.obolibrary.org/obo/CL_> .
@prefix preparation: <https://w3id.org/exokg/id/preparation/> .
@prefix statement: <https://w3id.org/exokg/id/statement/> .
@prefix evidence: <https://w3id.org/exokg/id/evidence/> .
@prefix document: <https://w3id.org/exokg/id/document/> .

preparation:msc-exosomes a exo:ExosomePreparation ;
    rdfs:label "MSC-derived exosomes" ;
    exo:vesicleType GO:0070062 ;
    exo:sourceCell CL:0000134 ;
    exo:engineering "loaded" ;
    exo:origin "allogeneic" ;
    biolink:affects GO:0022008 .

GO:0022008 a exo:BiologicalProcess ;
    rdfs:label "neurogenesis" .

statement:s1 a exo:Statement ;
    rdf:subject preparation:msc-exosomes ;
    rdf:predicate biolink:affects ;
    rdf:object GO:0022008 ;
    exo:negated false ;
    exo:hedged false ;
    exo:claimStatus "finding" ;
    exo:direction "increased" ;
    exo:evidenceCount 1 ;
    biolink:has_evidence evidence:e1 .

evidence:e1 a exo:Evidence ;
    exo:document document:d1 ;
    exo:sentenceIndex 0 ;
    exo:start 0 ;
    exo:end 44 ;
    exo:sentenceText "MSC-derived exosomes increased neurogenesis." ;
    exo:citationMarker "[27]" ;
    exo:rule "effect.test" .

document:d1 a exo:Document ;
    rdfs:label "d1" ;
    exo:text "MSC-derived exosomes increased neurogenesis. More text." ;
    exo:origin "corpus/d1.txt" ;
    exo:offsetInFile 0 ;
    dcterms:source <https://pubmed.ncbi.nlm.nih.gov/23963371/> .

<https://pubmed.ncbi.nlm.nih.gov/23963371/> a exo:Publication ;
    rdfs:label "Xin et al. 2013" ;
    exo:pmid "23963371" ;
    exo:partialCitation false ;
    dcterms:date "2013"^^xsd:gYear .
"""

_STATEMENT_LINKS = """\
    exo:evidenceCount 1 ;
    biolink:has_evidence evidence:e1 .
"""
_EVIDENCE_LINK = "    biolink:has_evidence evidence:e1 ."
_STATEMENT_BLOCK = VALID[VALID.index("statement:s1 a"):VALID.index("evidence:e1 a")]
_BLANK_STATEMENT_BLOCK = _STATEMENT_BLOCK.replace(
    "statement:s1 a exo:Statement ;", "[ a exo:Statement ;").replace(
    "biolink:has_evidence evidence:e1 .", "biolink:has_evidence evidence:e1 ] .")

# (id, text to replace in VALID, replacement, expected sh:resultPath or None, component)
INVALID = [
    ("missing-evidence", _STATEMENT_LINKS, "    exo:evidenceCount 1 .\n",
     BIOLINK.has_evidence, SH.MinCountConstraintComponent),
    ("missing-evidence-count-mismatch", _STATEMENT_LINKS, "    exo:evidenceCount 1 .\n",
     None, SH.SPARQLConstraintComponent),
    ("negated-not-boolean", "exo:negated false ;", 'exo:negated "no" ;',
     EXO.negated, SH.DatatypeConstraintComponent),
    ("negated-missing", "    exo:negated false ;\n", "",
     EXO.negated, SH.MinCountConstraintComponent),
    ("hedged-twice", "exo:hedged false ;", "exo:hedged false , true ;",
     EXO.hedged, SH.MaxCountConstraintComponent),
    ("claim-status-unknown", 'exo:claimStatus "finding"', 'exo:claimStatus "fact"',
     EXO.claimStatus, SH.InConstraintComponent),
    ("claim-status-missing", '    exo:claimStatus "finding" ;\n', "",
     EXO.claimStatus, SH.MinCountConstraintComponent),
    ("blank-node-statement", _STATEMENT_BLOCK, _BLANK_STATEMENT_BLOCK,
     None, SH.NodeKindConstraintComponent),
    ("direction-unknown", 'exo:direction "increased"', 'exo:direction "up"',
     EXO.direction, SH.InConstraintComponent),
    ("two-subjects", "rdf:subject preparation:msc-exosomes ;",
     "rdf:subject preparation:msc-exosomes , preparation:other ;",
     RDF.subject, SH.MaxCountConstraintComponent),
    ("predicate-literal", "rdf:predicate biolink:affects ;", 'rdf:predicate "affects" ;',
     RDF.predicate, SH.NodeKindConstraintComponent),
    ("evidence-count-string", "exo:evidenceCount 1 ;", 'exo:evidenceCount "1" ;',
     EXO.evidenceCount, SH.DatatypeConstraintComponent),
    ("evidence-count-wrong", "exo:evidenceCount 1 ;", "exo:evidenceCount 2 ;",
     None, SH.SPARQLConstraintComponent),
    ("direct-edge-missing", "    biolink:affects GO:0022008 .",
     "    exo:treatedWith GO:0022008 .",
     None, SH.SPARQLConstraintComponent),
    ("blank-node-evidence", _EVIDENCE_LINK,
     "    biolink:has_evidence [ a exo:Evidence ] .",
     BIOLINK.has_evidence, SH.NodeKindConstraintComponent),
    ("evidence-not-typed", "evidence:e1 a exo:Evidence ;", "evidence:e1",
     BIOLINK.has_evidence, SH.ClassConstraintComponent),
    ("evidence-without-document", "    exo:document document:d1 ;\n", "",
     EXO.document, SH.MinCountConstraintComponent),
    ("evidence-document-untyped", "document:d1 a exo:Document ;", "document:d1",
     EXO.document, SH.ClassConstraintComponent),
    ("evidence-start-after-end", "exo:start 0 ;", "exo:start 45 ;",
     EXO.start, SH.LessThanOrEqualsConstraintComponent),
    ("evidence-start-negative", "exo:start 0 ;", "exo:start -1 ;",
     EXO.start, SH.MinInclusiveConstraintComponent),
    ("evidence-end-decimal", "exo:end 44 ;", "exo:end 44.0 ;",
     EXO.end, SH.DatatypeConstraintComponent),
    ("evidence-without-sentence", '    exo:sentenceText "MSC-derived exosomes increased '
     'neurogenesis." ;\n', "", EXO.sentenceText, SH.MinCountConstraintComponent),
    ("evidence-rule-not-string", 'exo:rule "effect.test"', "exo:rule 7",
     EXO.rule, SH.DatatypeConstraintComponent),
    ("document-without-text", '    exo:text "MSC-derived exosomes increased neurogenesis. '
     'More text." ;\n', "", EXO.text, SH.MinCountConstraintComponent),
    ("document-text-language-tagged", 'More text." ;', 'More text."@en ;',
     EXO.text, SH.DatatypeConstraintComponent),
    ("entity-without-label", '    rdfs:label "neurogenesis" .', "    exo:mirnaName \"x\" .",
     RDFS.label, SH.MinCountConstraintComponent),
    ("preparation-engineering-unknown", 'exo:engineering "loaded"', 'exo:engineering "magic"',
     EXO.engineering, SH.InConstraintComponent),
    ("preparation-without-vesicle-type",
     "    exo:vesicleType GO:0070062 ;\n", "",
     EXO.vesicleType, SH.MinCountConstraintComponent),
    ("publication-date-not-year", '"2013"^^xsd:gYear', '"2013-05-01"^^xsd:date',
     DCTERMS.date, SH.DatatypeConstraintComponent),
]


def test_valid_statement_graph_conforms(shapes: Graph) -> None:
    conforms, results = _validate(Graph().parse(data=VALID, format="turtle"), shapes)
    assert conforms, results.serialize(format="turtle")


@pytest.mark.parametrize("case, old, new, path, component", INVALID, ids=[c[0] for c in INVALID])
def test_invalid_statement_graph_fails(shapes: Graph, case: str, old: str, new: str,
                                       path: URIRef | None, component: URIRef) -> None:
    assert VALID.count(old) == 1, f"{case}: the text to replace is not in VALID exactly once"
    data = Graph().parse(data=VALID.replace(old, new), format="turtle")
    conforms, results = _validate(data, shapes)
    assert not conforms
    assert (path, component) in _results(results), sorted(_results(results), key=str)


def test_blank_node_statement_is_reported_on_the_blank_node(shapes: Graph) -> None:
    data = Graph().parse(data=VALID.replace(_STATEMENT_BLOCK, _BLANK_STATEMENT_BLOCK),
                         format="turtle")
    conforms, results = _validate(data, shapes)
    assert not conforms
    focus = {results.value(r, SH.focusNode)
             for r in results.subjects(SH.sourceConstraintComponent,
                                       SH.NodeKindConstraintComponent)}
    assert focus and all(isinstance(f, BNode) for f in focus)
    shapes_hit = {results.value(r, SH.sourceShape)
                  for r in results.subjects(SH.sourceConstraintComponent,
                                            SH.NodeKindConstraintComponent)}
    assert {EXO.ResourceShape, EXO.StatementShape} <= shapes_hit
