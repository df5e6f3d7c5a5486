"""Statements, entities and documents -> one RDF graph (see docs/graph-model.md).

Each statement appears twice: as the direct edge (absent when negated) and as a statement
node carrying qualifiers, epistemics and evidence nodes. IRIs are deterministic (hashes of
claim keys and evidence coordinates); there are no blank nodes.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Protocol

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL

from exokg.assemble import Disagreement
from exokg.errors import IdentifierError
from exokg.ids import check_iri, expand, parse_curie
from exokg.model import Citation, Document, Entity, Evidence, Statement, Value

if TYPE_CHECKING:
    from exokg.annotate.mentions import DocumentMention

EXO = Namespace("https://w3id.org/exokg/vocab/")
ID = Namespace("https://w3id.org/exokg/id/")
BIOLINK = Namespace("https://w3id.org/biolink/vocab/")

PREFIXES = {
    "exo": EXO, "exokg": ID, "biolink": BIOLINK, "skos": SKOS, "dcterms": DCTERMS,
    "owl": OWL, "xsd": XSD, "rdfs": RDFS,
    "CL": "http://purl.obolibrary.org/obo/CL_", "GO": "http://purl.obolibrary.org/obo/GO_",
    "MONDO": "http://purl.obolibrary.org/obo/MONDO_", "HP": "http://purl.obolibrary.org/obo/HP_",
    "UBERON": "http://purl.obolibrary.org/obo/UBERON_",
    "NCBITaxon": "http://purl.obolibrary.org/obo/NCBITaxon_",
    "NCIT": "http://purl.obolibrary.org/obo/NCIT_", "OBI": "http://purl.obolibrary.org/obo/OBI_",
    "RO": "http://purl.obolibrary.org/obo/RO_", "BFO": "http://purl.obolibrary.org/obo/BFO_",
    "DOID": "http://purl.obolibrary.org/obo/DOID_",
    "mirbase.mature": "http://mirbase.org/cgi-bin/mature.pl?mature_acc=",
    "uniprot": "http://purl.uniprot.org/uniprot/", "loinc": "https://loinc.org/",
    "clinicaltrials": "https://www.clinicaltrials.gov/study/", "ror": "https://ror.org/",
    "doi": "https://doi.org/", "pmc": "http://europepmc.org/articles/",
    "mesh": "http://id.nlm.nih.gov/mesh/", "NCBIGene": "https://www.ncbi.nlm.nih.gov/gene/",
    "snomedct": "http://purl.bioontology.org/ontology/SNOMEDCT/",
}
#: Named graphs of the N-Quads/TriG exports (see :mod:`exokg.export.quads`).
GRAPH_BASE = str(ID) + "graph/"
ENTITIES_GRAPH = URIRef(GRAPH_BASE + "entities")
ASSEMBLY_GRAPH = URIRef(GRAPH_BASE + "assembly")
ONTOLOGY_GRAPH = URIRef(GRAPH_BASE + "ontology")
Triple = tuple[URIRef, URIRef, "URIRef | Literal"]
#: The named graphs a triple belongs to (usually one).
Where = tuple[URIRef, ...]
_ENTITIES: Where = (ENTITIES_GRAPH,)
_ASSEMBLY: Where = (ASSEMBLY_GRAPH,)

_CONTEXT_IRI_FIELDS = {"species", "model", "condition", "route", "location", "trial",
                       "comparator"}
_DATATYPES = {"integer": XSD.integer, "decimal": XSD.decimal, "date": XSD.date,
              "gYearMonth": XSD.gYearMonth}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


@lru_cache(maxsize=1 << 16)
def iri(curie: str) -> URIRef:
    """The checked IRI of a CURIE (the most recent 65,536 are remembered: expanding is
    the costliest step of writing a triple)."""
    return URIRef(check_iri(expand(curie)))


def text_literal(text: str, **kw: object) -> Literal:
    """A literal with each control character replaced by a space and each lone surrogate by
    U+FFFD: one character for one, so offsets into a document's text stay true."""
    return Literal(_CONTROL.sub(_replacement, text), **kw)  # type: ignore[arg-type]


def _replacement(match: re.Match[str]) -> str:
    return "\ufffd" if "\ud800" <= match.group() <= "\udfff" else " "


def _hash(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def statement_iri(s: Statement) -> URIRef:
    return ID[f"statement/{_hash(*s.key())}"]


def evidence_iri(e: Evidence) -> URIRef:
    return ID[f"evidence/{_hash(e.document_id, e.start, e.end, e.rule)}"]


def document_iri(doc_id: str) -> URIRef:
    return ID[f"document/{doc_id}"]


def sentence_iri(doc_id: str, index: int) -> URIRef:
    """``exokg:sentence/{document id}~{index}`` (document ids never hold ``~``)."""
    return ID[f"sentence/{doc_id}~{index}"]


def mention_iri(m: DocumentMention) -> URIRef:
    return ID[f"mention/{_hash(m.document_id, m.start, m.end, m.entity.id)}"]


def document_graph_iri(doc_id: str) -> URIRef:
    """The named graph of one document's claims (``exokg:graph/document/{id}``)."""
    return URIRef(f"{GRAPH_BASE}document/{doc_id}")


def publication_curie(c: Citation) -> str | None:
    """pubmed: when a PMID is known, else doi:, else None (no stable identifier)."""
    if c.pmid:
        return f"pubmed:{c.pmid}"
    if c.doi:
        return f"doi:{c.doi}"
    if c.pmcid:
        return f"pmc:{c.pmcid}"
    return None


@lru_cache(maxsize=1 << 16)
def _is_curie(value: str) -> bool:
    try:
        parse_curie(value)
    except IdentifierError:
        return False
    return True


class TripleSink(Protocol):
    """Where a :class:`GraphBuilder` puts its triples: ``add(triple, where)`` with the
    named graphs (:data:`Where`) the triple belongs to in the N-Quads/TriG exports."""

    def add(self, triple: Triple, where: Where) -> None: ...


class _RdflibSink:
    """The sink of an in-memory rdflib Graph (named graphs are ignored)."""

    def __init__(self, graph: Graph) -> None:
        self._add = graph.add

    def add(self, triple: Triple, where: Where) -> None:
        self._add(triple)


def new_graph() -> Graph:
    """An empty rdflib Graph with exokg's prefixes bound."""
    graph = Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, Namespace(str(ns)), override=True)
    return graph


class _Adder:
    __slots__ = ("_sink", "_where")

    def __init__(self, sink: Callable[[Triple, Where], None], where: Where) -> None:
        self._sink, self._where = sink, where

    def add(self, triple: Triple) -> None:
        self._sink(triple, self._where)


class GraphBuilder:
    """Turns documents, entities and statements into triples.

    By default the triples accumulate in an rdflib Graph (:attr:`graph`); given a ``sink``
    they go there instead (:mod:`exokg.graph.load` streams them into an Oxigraph store),
    each with the named graphs it belongs to (see :mod:`exokg.export.quads`). Entities are
    written once, the first time they are added (the builder remembers their ids only).
    """

    def __init__(self, sink: TripleSink | None = None) -> None:
        self.graph: Graph | None = None
        if sink is None:
            self.graph = new_graph()
            sink = _RdflibSink(self.graph)
        self._sink = sink.add
        self._entities: set[str] = set()

    def _to(self, where: Where) -> _Adder:
        """An object whose ``add(triple)`` sends the triple to the sink in ``where``."""
        return _Adder(self._sink, where)

    def add_entity(self, e: Entity, registry: Mapping[str, Entity] | None = None) -> URIRef:
        node = iri(e.id)
        if e.id in self._entities:
            return node
        self._entities.add(e.id)
        g = self._to(_ENTITIES)
        g.add((node, RDF.type, EXO[e.category]))
        g.add((node, RDFS.label, text_literal(e.label)))
        g.add((node, SKOS.prefLabel, text_literal(e.label)))
        for syn in e.synonyms:
            if syn != e.label:
                g.add((node, SKOS.altLabel, text_literal(syn)))
        # a name-level miRNA (miR-124) stands for each species' mature form: narrower terms;
        # otherwise the curated xrefs name the same concept elsewhere
        match = SKOS.narrowMatch if e.category in ("MicroRNA", "MicroRNACluster") and \
            not e.attr("species") else SKOS.exactMatch
        for x in e.xrefs:
            if x != e.id:
                g.add((node, match, iri(x)))
        if e.description:
            g.add((node, SKOS.definition, text_literal(e.description)))
        for key, value in e.attributes:
            if key == "broader":
                g.add((node, SKOS.broader, iri(value)))
                continue
            if ":" in key:  # a curated mapping such as skos:closeMatch
                g.add((node, iri(key), iri(value)))
                continue
            if key in ("name", "species", "arm"):
                g.add((node, EXO[f"mirna{key.capitalize()}"], text_literal(value)))
                continue
            obj = iri(value) if _is_curie(value) else text_literal(value)
            g.add((node, EXO[key], obj))
            if key == "sourceCell":
                g.add((node, iri("RO:0001000"), obj))
            elif key == "cargo":
                g.add((node, iri("BFO:0000051"), obj))
            if isinstance(obj, URIRef) and registry and value in registry:
                self.add_entity(registry[value], registry)
        return node

    def add_document(self, doc: Document) -> URIRef:
        g = self._to((document_graph_iri(doc.id),))
        node = document_iri(doc.id)
        g.add((node, RDF.type, EXO.Document))
        g.add((node, RDFS.label, text_literal(doc.title or doc.id)))
        if doc.title:
            g.add((node, DCTERMS.title, text_literal(doc.title)))
        g.add((node, EXO.text, text_literal(doc.text)))
        g.add((node, EXO.origin, text_literal(doc.origin)))
        g.add((node, EXO.offsetInFile, Literal(doc.start, datatype=XSD.integer)))
        g.add((node, EXO.documentKind, text_literal(doc.kind)))
        if doc.source is not None:
            pub = self.add_publication(doc.source)
            if pub is not None:
                g.add((node, DCTERMS.source, pub))
            if doc.source.note:
                g.add((node, EXO.attributionNote, text_literal(doc.source.note)))
        return node

    def add_publication(self, c: Citation) -> URIRef | None:
        curie = publication_curie(c)
        if curie is None:
            return None
        g = self._to(_ENTITIES)
        node = iri(curie)
        g.add((node, RDF.type, EXO.Publication))
        g.add((node, RDFS.label, text_literal(c.title or c.label)))
        for prop, value in (("pmid", c.pmid), ("pmcid", c.pmcid), ("doi", c.doi),
                            ("journal", c.journal), ("volume", c.volume), ("issue", c.issue),
                            ("pages", c.pages)):
            if value:
                g.add((node, EXO[prop], text_literal(value)))
        if c.title:
            g.add((node, DCTERMS.title, text_literal(c.title)))
        if c.year:
            g.add((node, DCTERMS.date, Literal(str(c.year), datatype=XSD.gYear)))
        for i, author in enumerate(c.authors):
            g.add((node, DCTERMS.creator, text_literal(author)))
        if c.authors:
            g.add((node, EXO.firstAuthor, text_literal(c.authors[0])))
        if c.text:
            g.add((node, DCTERMS.bibliographicCitation, text_literal(c.text)))
        g.add((node, EXO.partialCitation, Literal(c.partial)))
        for heading, label in c.mesh:
            g.add((node, DCTERMS.subject, iri(heading)))
            g.add((iri(heading), RDFS.label, text_literal(label)))
        return node

    def add_statement(self, s: Statement, registry: Mapping[str, Entity]) -> URIRef:
        # an entity is described by its registry record, which merges every copy of it
        # (written names, synonyms) whatever the order the statements come in
        subj = self.add_entity(registry.get(s.subject.id, s.subject), registry)
        pred = iri(s.predicate)
        if isinstance(s.object, Value):
            dt = _DATATYPES.get(s.object.datatype)
            obj = Literal(s.object.text, datatype=dt) if dt else text_literal(s.object.text)
        else:
            obj = self.add_entity(registry.get(s.object.id, s.object), registry)
        # the claim belongs to the graph of each document with evidence for it
        claimed: Where = tuple(sorted({document_graph_iri(e.document_id)
                                       for e in s.evidence}))
        if not s.negated:
            self._sink((subj, pred, obj), claimed or _ENTITIES)
        node = statement_iri(s)
        g = self._to(claimed or _ASSEMBLY)
        g.add((node, RDF.type, EXO.Statement))
        g.add((node, RDF.subject, subj))
        g.add((node, RDF.predicate, pred))
        g.add((node, RDF.object, obj))
        g.add((node, EXO.negated, Literal(s.negated)))
        g.add((node, EXO.hedged, Literal(s.hedged)))
        g.add((node, EXO.claimStatus, Literal(s.status)))
        if s.direction:
            g.add((node, EXO.direction, Literal(s.direction)))
        if s.aspect:
            g.add((node, EXO.aspect, text_literal(s.aspect)))
        for name, values in s.context.items():
            for v in values:
                if name in _CONTEXT_IRI_FIELDS and _is_curie(v):
                    ref = iri(v)
                    if v in registry:
                        self.add_entity(registry[v], registry)
                    g.add((node, EXO[name], ref))
                else:
                    g.add((node, EXO[name], text_literal(v)))
        self._sink((node, EXO.evidenceCount, Literal(len(s.evidence), datatype=XSD.integer)),
                   _ASSEMBLY)
        for e in s.evidence:
            self._sink((node, BIOLINK.has_evidence, self.add_evidence(e)),
                       (document_graph_iri(e.document_id),))
        return node

    def add_evidence(self, e: Evidence) -> URIRef:
        g = self._to((document_graph_iri(e.document_id),))
        node = evidence_iri(e)
        g.add((node, RDF.type, EXO.Evidence))
        g.add((node, EXO.document, document_iri(e.document_id)))
        g.add((node, EXO.sentenceIndex, Literal(e.sentence_index, datatype=XSD.integer)))
        g.add((node, EXO.start, Literal(e.start, datatype=XSD.integer)))
        g.add((node, EXO.end, Literal(e.end, datatype=XSD.integer)))
        g.add((node, EXO.sentenceText, text_literal(e.text)))
        g.add((node, EXO.rule, text_literal(e.rule)))
        for marker in e.citations:
            g.add((node, EXO.citationMarker, text_literal(marker)))
        source = f"pubmed:{e.source_pmid}" if e.source_pmid else (
            f"doi:{e.source_doi}" if e.source_doi else None)
        if source:
            g.add((node, DCTERMS.source, iri(source)))
        return node

    def add_sentence(self, doc: Document, index: int, start: int, end: int) -> URIRef:
        """An ``exo:Sentence`` node: document, index, offsets and text (``doc.text[start:end]``)."""
        g = self._to((document_graph_iri(doc.id),))
        node = sentence_iri(doc.id, index)
        g.add((node, RDF.type, EXO.Sentence))
        g.add((node, EXO.document, document_iri(doc.id)))
        g.add((node, EXO.sentenceIndex, Literal(index, datatype=XSD.integer)))
        g.add((node, EXO.start, Literal(start, datatype=XSD.integer)))
        g.add((node, EXO.end, Literal(end, datatype=XSD.integer)))
        g.add((node, EXO.sentenceText, text_literal(doc.text[start:end])))
        return node

    def add_mention(self, m: DocumentMention, doc: Document,
                    registry: Mapping[str, Entity]) -> URIRef:
        """An ``exo:Mention`` node: where an entity was recognised (document offsets, text,
        sentence), which entity (``exo:refersTo``), its class and whether it was grounded."""
        g = self._to((document_graph_iri(m.document_id),))
        entity = self.add_entity(registry.get(m.entity.id, m.entity), registry)
        node = mention_iri(m)
        g.add((node, RDF.type, EXO.Mention))
        g.add((node, EXO.document, document_iri(m.document_id)))
        g.add((node, EXO.sentence, self.add_sentence(doc, m.sentence_index, m.sentence_start,
                                                     m.sentence_end)))
        g.add((node, EXO.start, Literal(m.start, datatype=XSD.integer)))
        g.add((node, EXO.end, Literal(m.end, datatype=XSD.integer)))
        g.add((node, EXO.mentionText, text_literal(m.text)))
        g.add((node, EXO.refersTo, entity))
        g.add((node, EXO.mentionClass, text_literal(m.type)))
        g.add((node, EXO.grounded, Literal(m.grounded)))
        g.add((node, EXO.recognisedBy, text_literal(m.source)))
        return node

    def add_contradiction(self, a: Statement, b: Statement) -> None:
        x, y = sorted((statement_iri(a), statement_iri(b)))
        self._sink((x, EXO.contradicts, y), _ASSEMBLY)
        self._sink((y, EXO.contradicts, x), _ASSEMBLY)

    def add_disagreement(self, d: Disagreement) -> URIRef:
        """A node ``exo:Disagreement`` listing the statements (``exo:involves``) whose values
        of one single-valued attribute differ, plus ``exo:disagreesWith`` between them."""
        g = self._to(_ASSEMBLY)
        nodes = sorted(statement_iri(s) for s in d.statements)
        node = ID[f"disagreement/{_hash(d.subject.id, d.predicate, *nodes)}"]
        g.add((node, RDF.type, EXO.Disagreement))
        g.add((node, EXO.about, iri(d.subject.id)))
        g.add((node, EXO.attribute, iri(d.predicate)))
        g.add((node, RDFS.label, text_literal(
            f"sources disagree on {d.predicate.split(':')[-1]} of {d.subject.label}: "
            + " vs ".join(dict.fromkeys(d.values)))))
        for n in nodes:
            g.add((node, EXO.involves, n))
            for other in nodes:
                if other != n:
                    g.add((n, EXO.disagreesWith, other))
        return node


def emit_build(builder: GraphBuilder, documents: Iterable[Document],
               statements: Iterable[Statement], registry: Mapping[str, Entity],
               contradictions: Iterable[tuple[Statement, Statement]] = (),
               disagreements: Iterable[Disagreement] = (),
               mentions: Iterable[DocumentMention] = ()) -> Iterator[str]:
    """Send the triples of a build to ``builder``, one record at a time, in the one order
    every graph of a build is written in (documents, mentions, statements, contradictions,
    disagreements: an entity is described by the first record that adds it).

    A generator: yields the kind of record just written (``"document"``, ``"mention"``,
    ``"statement"``, ``"contradiction"``, ``"disagreement"``), so a caller can hand on the
    triples of each record (and count progress) before the next is made."""
    mentions = list(mentions)
    wanted = {m.document_id for m in mentions}
    by_id: dict[str, Document] = {}
    for doc in documents:
        builder.add_document(doc)
        if doc.id in wanted:
            by_id[doc.id] = doc
        yield "document"
    for m in mentions:
        builder.add_mention(m, by_id[m.document_id], registry)
        yield "mention"
    for s in statements:
        builder.add_statement(s, registry)
        yield "statement"
    for a, b in contradictions:
        builder.add_contradiction(a, b)
        yield "contradiction"
    for d in disagreements:
        builder.add_disagreement(d)
        yield "disagreement"


def build_graph(documents: Iterable[Document], statements: Iterable[Statement],
                registry: Mapping[str, Entity],
                contradictions: Iterable[tuple[Statement, Statement]] = (),
                disagreements: Iterable[Disagreement] = (),
                mentions: Iterable[DocumentMention] = ()) -> Graph:
    """The RDF graph of a build (documents, statements with evidence, their entities) and,
    when given, the recognised mentions with their sentences, as an rdflib Graph."""
    builder = GraphBuilder()
    for _ in emit_build(builder, documents, statements, registry, contradictions,
                        disagreements, mentions):
        pass
    assert builder.graph is not None
    return builder.graph
