"""Check KGX TSV files against the Biolink Model release exokg pins, offline.

The model is the YAML schema shipped inside the ``biolink-model`` package from PyPI (version
:data:`exokg.export.kgx.BIOLINK_MODEL_VERSION`; install ``exokg[biolink]``, which the
``test`` extra includes). It is read from the installed package, never fetched.

What is checked (each problem is one line of text):

* node ``category`` values are Biolink classes descending from ``biolink:NamedThing``;
* edge ``predicate`` and ``qualified_predicate`` values are Biolink predicates (slots
  descending from ``related to``); edge ``category`` values are classes descending from
  ``biolink:Association``;
* every qualifier column filled on an edge is a slot of that edge's association class
  (qualifiers only where Biolink allows them);
* enum-valued columns hold permissible values (``object_direction_qualifier``,
  ``object_aspect_qualifier``, ``knowledge_level``, ``agent_type``);
* every column not starting with ``exokg_`` is a Biolink slot;
* identifier prefixes are in the Biolink prefix map (or are exokg's documented own:
  :data:`OWN_PREFIXES`); ``species_context_qualifier`` is an ``NCBITaxon:`` CURIE;
* every edge's subject and object is a node; ids are unique.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from exokg.errors import ExokgError
from exokg.export.kgx import BIOLINK_MODEL_VERSION

__all__ = ["BiolinkModel", "OWN_PREFIXES", "check_kgx", "load_biolink_model"]

#: Prefixes exokg uses in KGX ids that the Biolink 4.4.6 prefix map does not list: exokg's
#: own minted ids, miRBase mature accessions and ROR organisations (Biolink has no prefix for
#: them), and the infores namespace of knowledge sources.
OWN_PREFIXES = frozenset({"exokg", "mirbase.mature", "ror", "infores"})
_ENUM_COLUMNS = {
    "object_direction_qualifier": "DirectionQualifierEnum",
    "object_aspect_qualifier": "GeneOrGeneProductOrChemicalEntityAspectEnum",
    "knowledge_level": "KnowledgeLevelEnum",
    "agent_type": "AgentTypeEnum",
}
_QUALIFIER_COLUMNS = ("qualified_predicate", "object_aspect_qualifier",
                      "object_direction_qualifier", "species_context_qualifier")
_ID_COLUMNS_NODES = ("id", "xref")
_ID_COLUMNS_EDGES = ("subject", "object", "publications", "species_context_qualifier",
                     "primary_knowledge_source")


def _camel(name: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in name.split(" "))


@dataclass(frozen=True)
class BiolinkModel:
    """The parts of the Biolink Model schema the check needs."""

    version: str
    classes: Mapping[str, Mapping[str, Any]]
    slots: Mapping[str, Mapping[str, Any]]
    enums: Mapping[str, Mapping[str, Any]]
    prefixes: frozenset[str]

    def class_name(self, curie: str) -> str | None:
        """'biolink:ChemicalAffectsGeneAssociation' -> 'chemical affects gene association'."""
        local = curie.removeprefix("biolink:")
        return next((c for c in self.classes if _camel(c) == local), None)

    def slot_name(self, curie_or_column: str) -> str | None:
        """'biolink:affects' or 'object_direction_qualifier' -> the slot name, if any."""
        name = curie_or_column.removeprefix("biolink:").replace("_", " ")
        return name if name in self.slots else None

    def class_ancestors(self, name: str) -> set[str]:
        """``name``, its is_a ancestors and their mixins."""
        seen: set[str] = set()
        todo = [name]
        while todo:
            c = todo.pop()
            if c in seen or c not in self.classes:
                continue
            seen.add(c)
            d = self.classes[c]
            todo += ([d["is_a"]] if d.get("is_a") else []) + list(d.get("mixins") or [])
        return seen

    def slot_ancestors(self, name: str) -> set[str]:
        """``name`` and its is_a ancestors and mixins."""
        seen: set[str] = set()
        todo = [name]
        while todo:
            s = todo.pop()
            if s in seen or s not in self.slots:
                continue
            seen.add(s)
            d = self.slots[s]
            todo += ([d["is_a"]] if d.get("is_a") else []) + list(d.get("mixins") or [])
        return seen

    def class_slots(self, name: str) -> set[str]:
        """Every slot a class has, inherited ones and slot_usage included."""
        out: set[str] = set()
        for c in self.class_ancestors(name):
            d = self.classes[c]
            out |= set(d.get("slots") or []) | set(d.get("slot_usage") or {})
        return out

    def permissible(self, enum: str) -> set[str]:
        return set((self.enums.get(enum) or {}).get("permissible_values") or {})


def load_biolink_model() -> BiolinkModel:
    """Read the Biolink Model YAML and prefix map from the installed ``biolink-model``
    package.

    Raises:
        ExokgError: the package is missing (install ``exokg[biolink]``) or is not the pinned
            release.
    """
    try:
        from importlib.resources import files

        package = files("biolink_model")
    except ModuleNotFoundError:
        raise ExokgError("checking KGX against the Biolink Model needs the biolink-model "
                         f"package {BIOLINK_MODEL_VERSION}: pip install 'exokg[biolink]'") from None
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    schema = yaml.load(package.joinpath("schema").joinpath("biolink_model.yaml").read_text("utf-8"),
                       Loader=loader)
    prefix_map = json.loads(package.joinpath("prefixmaps").joinpath("biolink-model-prefix-map.json")
                            .read_text("utf-8"))
    version = str(schema.get("version"))
    if version != BIOLINK_MODEL_VERSION:
        raise ExokgError(f"biolink-model {version} is installed; exokg pins "
                         f"{BIOLINK_MODEL_VERSION}: pip install 'exokg[biolink]'")
    return BiolinkModel(version, schema["classes"], schema["slots"], schema["enums"],
                        frozenset(prefix_map) | frozenset(schema.get("prefixes") or {}))


_CURIE = re.compile(r"([A-Za-z_][A-Za-z0-9._-]*):(\S+)")


def _items(value: str) -> list[str]:
    return [v for v in value.split("|") if v]


def _check_ids(model: BiolinkModel, where: str, column: str, value: str) -> list[str]:
    problems = []
    for item in _items(value):
        match = _CURIE.fullmatch(item)
        if not match:
            problems.append(f"{where}: {column} {item!r} is not a CURIE")
        elif match.group(1) not in model.prefixes and match.group(1) not in OWN_PREFIXES:
            problems.append(f"{where}: {column} {item!r}: prefix {match.group(1)!r} is not in "
                            f"the Biolink {model.version} prefix map")
    return problems


def _check_columns(model: BiolinkModel, kind: str, columns: Sequence[str]) -> list[str]:
    return [f"{kind}: column {c!r} is not a Biolink {model.version} slot"
            for c in columns if not c.startswith("exokg_") and model.slot_name(c) is None]


def check_kgx(nodes: Sequence[Mapping[str, str]], edges: Sequence[Mapping[str, str]],
              model: BiolinkModel | None = None) -> list[str]:
    """Problems of KGX node and edge records (see :func:`exokg.export.kgx.read_tsv`) against
    the Biolink Model; an empty list when they conform.

    Raises:
        ExokgError: no model given and the biolink-model package is missing.
    """
    bl = model or load_biolink_model()
    problems: list[str] = []
    if nodes:
        problems += _check_columns(bl, "nodes.tsv", list(nodes[0]))
    if edges:
        problems += _check_columns(bl, "edges.tsv", list(edges[0]))
    node_ids: set[str] = set()
    for i, node in enumerate(nodes, start=2):
        where = f"nodes.tsv line {i} ({node.get('id', '')})"
        if node.get("id") in node_ids:
            problems.append(f"{where}: duplicate id")
        node_ids.add(node.get("id", ""))
        for category in _items(node.get("category", "")):
            name = bl.class_name(category)
            if name is None or "named thing" not in bl.class_ancestors(name):
                problems.append(f"{where}: category {category!r} is not a Biolink "
                                f"{bl.version} class under biolink:NamedThing")
            elif bl.classes[name].get("mixin") or bl.classes[name].get("abstract"):
                problems.append(f"{where}: category {category!r} is a mixin or abstract")
        for column in _ID_COLUMNS_NODES:
            problems += _check_ids(bl, where, column, node.get(column, ""))
    edge_ids: set[str] = set()
    for i, edge in enumerate(edges, start=2):
        where = f"edges.tsv line {i} ({edge.get('id', '')})"
        if edge.get("id") in edge_ids:
            problems.append(f"{where}: duplicate id")
        edge_ids.add(edge.get("id", ""))
        for end in ("subject", "object"):
            if edge.get(end) not in node_ids:
                problems.append(f"{where}: {end} {edge.get(end)!r} is not a node")
        for column in ("predicate", "qualified_predicate"):
            value = edge.get(column, "")
            if not value and column == "qualified_predicate":
                continue
            slot = bl.slot_name(value) if value.startswith("biolink:") else None
            if slot is None or "related to" not in bl.slot_ancestors(slot):
                problems.append(f"{where}: {column} {value!r} is not a Biolink "
                                f"{bl.version} predicate")
        category = edge.get("category", "")
        association = bl.class_name(category)
        if association is None or "association" not in bl.class_ancestors(association):
            problems.append(f"{where}: category {category!r} is not a Biolink "
                            f"{bl.version} association class")
        else:
            allowed = bl.class_slots(association)
            for column in _QUALIFIER_COLUMNS:
                if edge.get(column) and column.replace("_", " ") not in allowed:
                    problems.append(f"{where}: {column} is not a slot of {category}")
        for column, enum in _ENUM_COLUMNS.items():
            value = edge.get(column, "")
            if value and value not in bl.permissible(enum):
                problems.append(f"{where}: {column} {value!r} is not in {enum}")
        species = edge.get("species_context_qualifier", "")
        if species and not species.startswith("NCBITaxon:"):
            problems.append(f"{where}: species_context_qualifier {species!r} is not NCBITaxon")
        for column in _ID_COLUMNS_EDGES:
            problems += _check_ids(bl, where, column, edge.get(column, ""))
        if edge.get("negated") not in ("True", "False"):
            problems.append(f"{where}: negated {edge.get('negated')!r} is not True/False")
    return problems
