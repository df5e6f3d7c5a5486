"""Packaged ontology files the exporters and the validator read (``ontology/`` in the
repository, ``exokg/resources/ontology/`` in the package).

Files are read with :mod:`importlib.resources` and parsed from text, never fetched.

>>> from rdflib import OWL, RDF
>>> (None, RDF.type, OWL.Ontology) in load_ontology()
True
>>> load_context()["@context"]["CL"]["@prefix"]
True
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

from rdflib import Graph

__all__ = ["CONTEXT_FILE", "ONTOLOGY_FILE", "SHAPES_FILE", "load_context", "load_ontology",
           "load_shapes", "read_resource"]

ONTOLOGY_FILE = "exokg.ttl"
SHAPES_FILE = "shapes.ttl"
CONTEXT_FILE = "context.jsonld"


def read_resource(name: str) -> bytes:
    """The bytes of a packaged ``ontology/`` file.

    Raises:
        FileNotFoundError: no such packaged file.
    """
    return files("exokg").joinpath("resources", "ontology", name).read_bytes()


def _parse_turtle(name: str) -> Graph:
    graph = Graph()
    graph.parse(data=read_resource(name).decode("utf-8"), format="turtle")
    return graph


def load_ontology() -> Graph:
    """A new rdflib graph of the OWL ontology (``ontology/exokg.ttl``)."""
    return _parse_turtle(ONTOLOGY_FILE)


def load_shapes() -> Graph:
    """A new rdflib graph of the SHACL shapes (``ontology/shapes.ttl``)."""
    return _parse_turtle(SHAPES_FILE)


def load_context() -> dict[str, Any]:
    """The JSON-LD context document (``ontology/context.jsonld``) as a new dict."""
    data: dict[str, Any] = json.loads(read_resource(CONTEXT_FILE).decode("utf-8"))
    return data
