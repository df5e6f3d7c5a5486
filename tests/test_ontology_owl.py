"""ontology/exokg.ttl is publishable OWL: it loads in an OWL library (owlready2) and a DL
reasoner (HermiT, bundled with owlready2, run on the machine's Java) finds it consistent with
no unsatisfiable class.

owlready2 reads N-Triples, not Turtle: the file is converted by pyoxigraph first. Nothing is
fetched (the ontology has no owl:imports; the test checks that too).
"""

from __future__ import annotations

import io
import shutil

import owlready2  # the test extra installs it
import pyoxigraph
import pytest
from rdflib import OWL, RDF

from exokg.export.resources import load_ontology, read_resource
from exokg.vocabulary import ENTITY_CLASSES

ONTOLOGY_IRI = "https://w3id.org/exokg/vocab/"


@pytest.fixture(scope="module")
def world():  # type: ignore[no-untyped-def]
    turtle = read_resource("exokg.ttl")
    ntriples = pyoxigraph.serialize(pyoxigraph.parse(turtle, format=pyoxigraph.RdfFormat.TURTLE),
                                    format=pyoxigraph.RdfFormat.N_TRIPLES)
    world = owlready2.World()
    world.get_ontology(ONTOLOGY_IRI).load(fileobj=io.BytesIO(ntriples), format="ntriples")
    return world


def test_ontology_has_no_imports_to_fetch() -> None:
    assert not list(load_ontology().objects(None, OWL.imports))
    assert (None, RDF.type, OWL.Ontology) in load_ontology()


def test_ontology_loads_in_owlready2(world) -> None:  # type: ignore[no-untyped-def]
    onto = world.get_ontology(ONTOLOGY_IRI)
    names = {c.name for c in onto.classes()}
    assert ENTITY_CLASSES | {"Document", "Evidence", "Statement"} <= names
    assert onto.MicroRNA in onto.MicroRNACluster.is_a
    properties = {p.name for p in onto.properties()}
    assert {"negated", "hedged", "evidenceCount", "direction", "start", "end"} <= properties
    assert onto.negated in set(onto.data_properties())
    assert onto.cargo in set(onto.object_properties())


def test_hermit_finds_the_ontology_consistent(world) -> None:  # type: ignore[no-untyped-def]
    assert shutil.which("java"), "HermiT needs Java (openjdk on exokg's machines)"
    onto = world.get_ontology(ONTOLOGY_IRI)
    with onto:
        owlready2.sync_reasoner(world, infer_property_values=False, debug=0)
    assert list(world.inconsistent_classes()) == []
