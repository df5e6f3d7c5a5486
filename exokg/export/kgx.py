"""KGX TSV (``nodes.tsv``, ``edges.tsv``): the Biolink Model exchange format of KGX and the
Translator tools.

Everything is read from the RDF graph (docs/graph-model.md), so a graph parsed from any RDF
export gives the same files.

Nodes: every entity (instance of a class of :data:`exokg.vocabulary.ENTITY_CLASSES`,
publications included) of the graph. ``category`` is the Biolink class that
the node's exokg class is an ``rdfs:subClassOf`` in ``ontology/exokg.ttl`` (followed through
exokg superclasses); classes without one (DiseaseModel, Assay, RouteOfAdministration,
Advantage) are ``biolink:NamedThing`` -- their ``skos:closeMatch`` is not a category.

Edges: one per statement whose object is an entity (literal-valued trial design statements,
e.g. ``exo:phase "Phase 1/2"``, have no KGX form; they are in the RDF and CSV exports).
Biolink predicates are kept; ``RO:0002607`` and ``exo:`` predicates become
``biolink:related_to`` with the original in ``original_predicate``. The association
``category`` is the most specific of the small table :data:`ASSOCIATIONS` that fits the
predicate and the subject/object categories, and Biolink qualifiers are written only where
that association class has them (``object_direction_qualifier``,
``object_aspect_qualifier`` for genes and gene products, ``qualified_predicate``
``biolink:causes``; ``species_context_qualifier`` everywhere). Every edge has ``negated``,
``knowledge_level`` (``knowledge_assertion``), ``agent_type`` (``text_mining_agent``),
``primary_knowledge_source`` (``infores:exokg``), ``publications``, ``supporting_text`` (the
evidence sentences) and ``evidence_count``. Columns starting with ``exokg_`` are exokg's
own and keep what Biolink cannot say on that edge (direction and aspect as stated, hedging,
other context, evidence node ids).

Identifiers use the Biolink Model's preferred prefixes where exokg's differ
(:data:`BIOLINK_PREFIXES`: ``pubmed:`` -> ``PMID:``, ``uniprot:`` -> ``UniProtKB:`` ...);
the ``iri`` column keeps the exact IRI. The format follows what KGX's own TSV reader expects:
tab-separated, no quoting, ``|`` between list items. Tabs and line breaks inside text become
spaces and a ``|`` inside text becomes ``¦`` (U+00A6), so no value can break a row or a list.

The Biolink terms used here are Biolink Model 4.4.6 terms; tests/test_exports_kgx.py checks
every one against the model YAML shipped in the ``biolink-model`` 4.4.6 package.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS
from rdflib.term import Node

from exokg.export.atomic import write_bytes
from exokg.export.compact import curie, minted_curie
from exokg.export.resources import load_ontology
from exokg.graph.rdf import BIOLINK, EXO
from exokg.ids import compress
from exokg.vocabulary import ENTITY_CLASSES

__all__ = ["AGENT_TYPE", "ASPECTS", "ASSOCIATIONS", "BIOLINK_MODEL_VERSION", "BIOLINK_PREFIXES",
           "EDGE_COLUMNS", "KNOWLEDGE_LEVEL", "KNOWLEDGE_SOURCE", "NODE_COLUMNS",
           "biolink_categories", "biolink_curie", "biolink_predicate", "edge_row",
           "edge_rows", "entity_category", "node_row", "node_rows", "read_tsv", "to_kgx",
           "tsv_header", "tsv_line", "write_kgx"]

#: The Biolink Model release the terms below come from (docs/graph-model.md).
BIOLINK_MODEL_VERSION = "4.4.6"
KNOWLEDGE_SOURCE = "infores:exokg"
KNOWLEDGE_LEVEL = "knowledge_assertion"
AGENT_TYPE = "text_mining_agent"
NAMED_THING = "biolink:NamedThing"
ASSOCIATION = "biolink:Association"
RELATED_TO = "biolink:related_to"

NODE_COLUMNS = ("id", "category", "name", "description", "synonym", "xref", "iri",
                "provided_by", "exokg_class")
EDGE_COLUMNS = ("id", "subject", "predicate", "object", "category", "qualified_predicate",
                "object_aspect_qualifier", "object_direction_qualifier",
                "species_context_qualifier", "negated", "knowledge_level", "agent_type",
                "primary_knowledge_source", "publications", "supporting_text",
                "evidence_count", "original_predicate", "exokg_direction", "exokg_aspect",
                "exokg_hedged", "exokg_claim_status", "exokg_context", "exokg_evidence")

#: exokg CURIE prefix -> the Biolink Model's prefix for the same identifiers.
BIOLINK_PREFIXES: Mapping[str, str] = {
    "pubmed": "PMID", "uniprot": "UniProtKB", "mesh": "MESH", "hgnc": "HGNC",
    "loinc": "LOINC", "snomedct": "SNOMEDCT", "umls": "UMLS", "clinicaltrials": "CLINICALTRIALS",
    "pmc": "PMC",
}

# Biolink categories exokg emits, by the Biolink ancestors the association table needs.
_CHEMICAL_ENTITY = frozenset({"biolink:ProcessedMaterial", "biolink:ChemicalMixture",
                              "biolink:ComplexMolecularMixture", "biolink:ChemicalEntity"})
_GENE_OR_GENE_PRODUCT = frozenset({"biolink:Gene", "biolink:Protein", "biolink:MicroRNA"})
_BIOLOGICAL_ENTITY = _GENE_OR_GENE_PRODUCT | frozenset({
    "biolink:Cell", "biolink:CellularComponent", "biolink:AnatomicalEntity",
    "biolink:BiologicalProcess", "biolink:Disease", "biolink:PhenotypicFeature",
    "biolink:ClinicalFinding"})

#: (association class, predicate, subject categories, object categories, Biolink qualifier
#: columns the class has), most specific first; the last row fits every edge.
ASSOCIATIONS: tuple[tuple[str, str | None, frozenset[str] | None, frozenset[str] | None,
                          frozenset[str]], ...] = (
    ("biolink:ChemicalAffectsGeneAssociation", "biolink:affects", _CHEMICAL_ENTITY,
     _GENE_OR_GENE_PRODUCT, frozenset({"qualified_predicate", "object_aspect_qualifier",
                                       "object_direction_qualifier",
                                       "species_context_qualifier"})),
    ("biolink:ChemicalAffectsBiologicalEntityAssociation", "biolink:affects", _CHEMICAL_ENTITY,
     _BIOLOGICAL_ENTITY, frozenset({"qualified_predicate", "object_aspect_qualifier",
                                    "object_direction_qualifier",
                                    "species_context_qualifier"})),
    (ASSOCIATION, None, None, None, frozenset({"species_context_qualifier"})),
)

#: exokg aspect (exo:aspect) -> Biolink GeneOrGeneProductOrChemicalEntityAspectEnum value.
ASPECTS: Mapping[str, str] = {
    "expression": "expression", "level": "abundance", "concentration": "abundance",
    "abundance": "abundance", "activity": "activity", "secretion": "secretion",
    "release": "release", "uptake": "uptake", "stability": "stability",
}

#: Predicates that are not Biolink predicates themselves -> the Biolink predicate used.
_PREDICATES: Mapping[str, str] = {"RO:0002607": RELATED_TO, "RO:0002211": "biolink:regulates",
                                  "RO:0002212": "biolink:regulates",
                                  "RO:0002213": "biolink:regulates",
                                  "BFO:0000051": "biolink:has_part"}
_CONTEXT = ("model", "condition", "route", "location", "trial", "comparator", "dose",
            "timing", "population", "statistics")
_ENTITY_CLASSES = frozenset(EXO[name] for name in ENTITY_CLASSES)
# the predicates edge_row reads, made once (a namespace attribute makes a new URIRef on
# every access, which was a tenth of the time of writing the edges of a large graph)
_SUBJECT, _PREDICATE, _OBJECT = RDF.subject, RDF.predicate, RDF.object
_DIRECTION, _ASPECT, _SPECIES = EXO.direction, EXO.aspect, EXO.species
_NEGATED, _HEDGED, _CLAIM_STATUS = EXO.negated, EXO.hedged, EXO.claimStatus
_EVIDENCE_COUNT, _HAS_EVIDENCE = EXO.evidenceCount, BIOLINK.has_evidence
_CONTEXT_PREDICATES = tuple((name, EXO[name]) for name in ("species",) + _CONTEXT)


def biolink_curie(curie: str) -> str:
    """A CURIE with the Biolink Model's prefix for the same identifier space.

    >>> biolink_curie("pubmed:29669873"), biolink_curie("CL:0000134")
    ('PMID:29669873', 'CL:0000134')
    >>> biolink_curie("pmc:PMC6038041")
    'PMC:6038041'
    """
    prefix, _, local = curie.partition(":")
    if prefix == "pmc" and local.startswith("PMC"):
        local = local[3:]
    return f"{BIOLINK_PREFIXES.get(prefix, prefix)}:{local}"


def biolink_predicate(curie: str) -> str:
    """The Biolink predicate of an exokg predicate CURIE.

    >>> biolink_predicate("biolink:affects"), biolink_predicate("exo:hasAdvantage")
    ('biolink:affects', 'biolink:related_to')
    """
    if curie.startswith("biolink:"):
        return curie
    return _PREDICATES.get(curie, RELATED_TO)


def _curie(term: Node) -> str:
    return _biolink_curie_of(str(term))


@lru_cache(maxsize=1 << 16)
def _biolink_curie_of(iri: str) -> str:
    """The Biolink CURIE of an IRI (memoised: entities and publications recur on every
    edge, and compressing an IRI is the slow part of writing one)."""
    return biolink_curie(curie(iri))


def _text(value: object) -> str:
    """One TSV-safe value: no tab, line break or list delimiter inside."""
    text = " ".join(str(value).replace("\t", " ").splitlines())
    return text.replace("|", "\u00a6")


def _list(values: Iterable[str]) -> str:
    return "|".join(sorted({_text(v) for v in values if v}))


def biolink_categories(ontology: Graph | None = None) -> dict[URIRef, str]:
    """exokg class IRI -> Biolink category CURIE, from the ``rdfs:subClassOf`` axioms of the
    ontology (default: the packaged ``ontology/exokg.ttl``)."""
    onto = ontology if ontology is not None else load_ontology()
    out: dict[URIRef, str] = {}
    for cls in sorted(set(onto.subjects(RDF.type, None)), key=str):
        if not (isinstance(cls, URIRef) and str(cls).startswith(str(EXO))):
            continue
        seen, frontier, found = set(), [cls], []
        while frontier and not found:
            nxt = []
            for c in frontier:
                for sup in sorted(onto.objects(c, RDFS.subClassOf), key=str):
                    if str(sup).startswith(str(BIOLINK)):
                        found.append(f"biolink:{str(sup)[len(str(BIOLINK)):]}")
                    elif sup not in seen and isinstance(sup, URIRef):
                        seen.add(sup)
                        nxt.append(sup)
            frontier = nxt
        if found:
            out[cls] = sorted(found)[0]
    return out


def _entities(graph: Graph) -> dict[Node, list[Node]]:
    """Entity nodes (instances of exokg.vocabulary.ENTITY_CLASSES) -> their exokg classes."""
    types: dict[Node, list[Node]] = defaultdict(list)
    for s, cls in graph.subject_objects(RDF.type):
        if isinstance(s, URIRef) and cls in _ENTITY_CLASSES:
            types[s].append(cls)
    return {s: sorted(t, key=str) for s, t in types.items()}


def node_rows(graph: Graph, categories: Mapping[URIRef, str] | None = None) -> list[dict[str, str]]:
    """One KGX node record per entity of ``graph`` (column -> value), sorted by id."""
    cats = categories if categories is not None else biolink_categories()
    rows = {}
    for node, types in _entities(graph).items():
        xrefs = [x for p in (SKOS.exactMatch, SKOS.closeMatch) for x in graph.objects(node, p)]
        row = node_row(node, types, graph.value(node, RDFS.label),
                       graph.value(node, SKOS.definition), graph.objects(node, SKOS.altLabel),
                       xrefs, cats)
        rows[row["id"]] = row
    return [rows[k] for k in sorted(rows)]


def node_row(node: Node, types: list[Node], label: Node | None, definition: Node | None,
             synonyms: Iterable[Node], xrefs: Iterable[Node], categories: Mapping[URIRef, str]
             ) -> dict[str, str]:
    """The KGX node record of one entity from its exokg classes (sorted), ``rdfs:label``,
    ``skos:definition``, ``skos:altLabel`` values and ``skos:exactMatch``/``closeMatch``
    objects (shared by :func:`node_rows` and the streamed export,
    :mod:`exokg.export.tables`)."""
    return {
        "id": _curie(node), "category": entity_category(types, categories),
        "name": _text(label) if label is not None else "",
        "description": _text(definition or ""),
        "synonym": _list(str(x) for x in synonyms),
        "xref": _list(_curie(x) for x in xrefs if isinstance(x, URIRef)),
        "iri": str(node), "provided_by": KNOWLEDGE_SOURCE,
        "exokg_class": _list(compress(str(t)) for t in types),
    }


def entity_category(types: list[Node], categories: Mapping[URIRef, str]) -> str:
    """The Biolink category of an entity with these exokg classes."""
    return sorted(categories.get(t, NAMED_THING) for t in types)[0]  # type: ignore[arg-type]


def _association(predicate: str, subject_cat: str, object_cat: str
                 ) -> tuple[str, frozenset[str]]:
    for name, pred, subjects, objects, qualifiers in ASSOCIATIONS:
        if (pred is None or pred == predicate) and \
                (subjects is None or subject_cat in subjects) and \
                (objects is None or object_cat in objects):
            return name, qualifiers
    raise AssertionError("ASSOCIATIONS must end with a row that fits every edge")


def edge_rows(graph: Graph, categories: Mapping[URIRef, str] | None = None
              ) -> list[dict[str, str]]:
    """One KGX edge record per statement of ``graph`` with an entity object, sorted by id."""
    cats = categories if categories is not None else biolink_categories()
    entity_cats = {n: entity_category(ts, cats) for n, ts in _entities(graph).items()}

    def evidence(e: Node) -> tuple[list[Node], list[Node]]:
        sources = list(graph.objects(e, DCTERMS.source))
        for document in graph.objects(e, EXO.document):
            sources.extend(graph.objects(document, DCTERMS.source))
        return list(graph.objects(e, EXO.sentenceText)), sources

    rows = []
    for statement in graph.subjects(RDF.type, EXO.Statement):
        values: dict[Node, list[Node]] = defaultdict(list)
        for p, o in graph.predicate_objects(statement):
            values[p].append(o)
        row = edge_row(statement, values, evidence, entity_cats)
        if row is not None:
            rows.append(row)
    return sorted(rows, key=lambda r: r["id"])


def edge_row(statement: Node, values: Mapping[Node, list[Node]],
             evidence: Callable[[Node], tuple[list[Node], list[Node]]],
             entity_cats: Mapping[Node, str]) -> dict[str, str] | None:
    """The KGX edge record of one statement, or None when it has no entity object.

    Args:
        statement: the statement node.
        values: predicate -> objects of the statement's own triples.
        evidence: evidence node -> (its sentence texts, its publications: its own
            ``dcterms:source`` and its document's).
        entity_cats: entity node -> Biolink category (:func:`entity_category`).
    """
    subject, obj = values.get(_SUBJECT, []), values.get(_OBJECT, [])
    if not subject or not values.get(_PREDICATE) or not obj or isinstance(obj[0], Literal):
        return None

    def get(p: Node) -> list[Node]:
        return values.get(p, [])

    original = curie(str(values[_PREDICATE][0]))
    predicate = biolink_predicate(original)
    category, allowed = _association(predicate, entity_cats.get(subject[0], NAMED_THING),
                                     entity_cats.get(obj[0], NAMED_THING))
    direction = sorted(str(v) for v in get(_DIRECTION))
    aspect = sorted(str(v) for v in get(_ASPECT))
    species = [v for v in get(_SPECIES) if isinstance(v, URIRef)]
    row = dict.fromkeys(EDGE_COLUMNS, "")
    row.update({
        "id": minted_curie(str(statement)), "subject": _curie(subject[0]),
        "predicate": predicate, "object": _curie(obj[0]), "category": category,
        "negated": str(_true(get(_NEGATED))),
        "knowledge_level": KNOWLEDGE_LEVEL, "agent_type": AGENT_TYPE,
        "primary_knowledge_source": KNOWLEDGE_SOURCE,
        "evidence_count": _text(get(_EVIDENCE_COUNT)[0]) if get(_EVIDENCE_COUNT)
        else "0",
        "original_predicate": original if original != predicate else "",
        "exokg_direction": _list(direction), "exokg_aspect": _list(aspect),
        "exokg_hedged": str(_true(get(_HEDGED))),
        "exokg_claim_status": _list(sorted(str(v) for v in get(_CLAIM_STATUS))),
    })
    if len(direction) == 1 and "object_direction_qualifier" in allowed:
        row["object_direction_qualifier"] = direction[0]
        row["qualified_predicate"] = "biolink:causes"
    if len(aspect) == 1 and aspect[0] in ASPECTS and "object_aspect_qualifier" in allowed \
            and entity_cats.get(obj[0]) in _GENE_OR_GENE_PRODUCT:
        row["object_aspect_qualifier"] = ASPECTS[aspect[0]]
        row["qualified_predicate"] = "biolink:causes"
    if len(species) == 1 and "species_context_qualifier" in allowed:
        row["species_context_qualifier"] = _curie(species[0])
    context = [f"{name}={_curie(v) if isinstance(v, URIRef) else v}"
               for name, p in _CONTEXT_PREDICATES for v in get(p)]
    row["exokg_context"] = _list(context)
    found = sorted(get(_HAS_EVIDENCE), key=str)
    row["exokg_evidence"] = _list(minted_curie(str(e)) for e in found)
    texts, publications = [], []
    for e in found:
        sentences, sources = evidence(e)
        texts.extend(str(t) for t in sentences)
        publications.extend(_curie(s) for s in sources if isinstance(s, URIRef))
    row["supporting_text"] = _list(texts)
    row["publications"] = _list(publications)
    return row


def _true(values: list[Node]) -> bool:
    return any(v.toPython() is True for v in values)  # type: ignore[attr-defined]


def tsv_header(columns: tuple[str, ...]) -> bytes:
    """The header line of a KGX TSV file."""
    return ("\t".join(columns) + "\n").encode("utf-8")


def tsv_line(columns: tuple[str, ...], row: Mapping[str, str]) -> bytes:
    """One record of a KGX TSV file."""
    return ("\t".join(row.get(c, "") for c in columns) + "\n").encode("utf-8")


def _tsv(columns: tuple[str, ...], rows: list[dict[str, str]]) -> bytes:
    lines = ["\t".join(columns)]
    lines.extend("\t".join(row.get(c, "") for c in columns) for row in rows)
    return ("\n".join(lines) + "\n").encode("utf-8")


def to_kgx(graph: Graph, ontology: Graph | None = None) -> dict[str, bytes]:
    """``{"nodes.tsv": ..., "edges.tsv": ...}`` of ``graph``.

    Args:
        graph: a built graph.
        ontology: where the Biolink categories of exokg classes come from; default the
            packaged ``ontology/exokg.ttl``.
    """
    categories = biolink_categories(ontology)
    return {"nodes.tsv": _tsv(NODE_COLUMNS, node_rows(graph, categories)),
            "edges.tsv": _tsv(EDGE_COLUMNS, edge_rows(graph, categories))}


def write_kgx(graph: Graph, directory: str | Path) -> list[Path]:
    """Write ``nodes.tsv`` and ``edges.tsv`` into ``directory`` (each atomically)."""
    written = []
    for name, data in to_kgx(graph).items():
        path = Path(directory) / name
        write_bytes(path, data)
        written.append(path)
    return written


def read_tsv(data: bytes) -> list[dict[str, str]]:
    """Read a KGX TSV file the way KGX does (tab-separated, no quoting); lists stay joined.

    >>> read_tsv(b"id\\tname\\nCL:0000134\\tmesenchymal stem cell\\n")
    [{'id': 'CL:0000134', 'name': 'mesenchymal stem cell'}]
    """
    lines = data.decode("utf-8").split("\n")
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        if not line:
            continue
        fields = line.split("\t")
        if len(fields) != len(header):
            raise ValueError(f"line {number}: {len(fields)} fields, expected {len(header)}")
        rows.append(dict(zip(header, fields)))
    return rows
