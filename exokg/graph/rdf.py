"""Statements, entities and documents -> one RDF graph (see docs/graph-model.md).

Each statement appears twice: as the direct edge (absent when negated) and as a statement
node carrying qualifiers, epistemics and evidence nodes. IRIs are deterministic (hashes of
claim keys and evidence coordinates); there are no blank nodes.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Protocol, Union

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL

from exokg.assemble import Disagreement
from exokg.errors import IdentifierError
from exokg.graph.terms import RdflibTerms, TermFactory, clean_text, curie_iri
from exokg.ids import parse_curie
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
#: a term of the graph: an rdflib term, or its N-Triples text (see :mod:`exokg.graph.terms`)
Term = Union[URIRef, Literal, str]
Triple = tuple[Term, Term, Term]
#: The named graphs a triple belongs to (usually one).
Where = tuple[URIRef, ...]
_ENTITIES: Where = (ENTITIES_GRAPH,)
_ASSEMBLY: Where = (ASSEMBLY_GRAPH,)

_CONTEXT_IRI_FIELDS = {"species", "model", "condition", "route", "location", "trial",
                       "comparator"}
_DATATYPES = {"integer": XSD.integer, "decimal": XSD.decimal, "date": XSD.date,
              "gYearMonth": XSD.gYearMonth}


def iri(curie: str) -> URIRef:
    """The checked IRI of a CURIE (the most recent 65,536 are remembered: expanding is
    the costliest step of writing a triple)."""
    return curie_iri(curie)


def text_literal(text: str, **kw: object) -> Literal:
    """A literal with each control character replaced by a space and each lone surrogate by
    U+FFFD: one character for one, so offsets into a document's text stay true."""
    return Literal(clean_text(text), **kw)  # type: ignore[arg-type]


def _hash(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


_ID = str(ID)


def _statement_id(s: Statement) -> str:
    return f"{_ID}statement/{_hash(*s.key())}"


def _evidence_id(e: Evidence) -> str:
    return f"{_ID}evidence/{_hash(e.document_id, e.start, e.end, e.rule)}"


def _document_id(doc_id: str) -> str:
    return f"{_ID}document/{doc_id}"


def _sentence_id(doc_id: str, index: int) -> str:
    return f"{_ID}sentence/{doc_id}~{index}"


def _mention_id(m: DocumentMention) -> str:
    return f"{_ID}mention/{_hash(m.document_id, m.start, m.end, m.entity.id)}"


def statement_iri(s: Statement) -> URIRef:
    return URIRef(_statement_id(s))


def evidence_iri(e: Evidence) -> URIRef:
    return URIRef(_evidence_id(e))


def document_iri(doc_id: str) -> URIRef:
    return URIRef(_document_id(doc_id))


def sentence_iri(doc_id: str, index: int) -> URIRef:
    """``exokg:sentence/{document id}~{index}`` (document ids never hold ``~``)."""
    return URIRef(_sentence_id(doc_id, index))


def mention_iri(m: DocumentMention) -> URIRef:
    return URIRef(_mention_id(m))


@lru_cache(maxsize=1 << 12)
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
    named graphs (:data:`Where`) the triple belongs to in the N-Quads/TriG exports. The
    triple's terms are those of the builder's term factory (rdflib terms, or N-Triples
    text with :class:`~exokg.graph.terms.NTriplesTerms`)."""

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


#: the fixed vocabulary of the graph model: attribute of :class:`_Vocabulary` -> IRI
_FIXED = {
    "type": RDF.type, "label": RDFS.label, "subject": RDF.subject,
    "predicate": RDF.predicate, "object": RDF.object, "prefLabel": SKOS.prefLabel,
    "altLabel": SKOS.altLabel, "exactMatch": SKOS.exactMatch,
    "narrowMatch": SKOS.narrowMatch, "definition": SKOS.definition, "broader": SKOS.broader,
    "title": DCTERMS.title, "source": DCTERMS.source, "date": DCTERMS.date,
    "creator": DCTERMS.creator, "bibliographicCitation": DCTERMS.bibliographicCitation,
    "dcSubject": DCTERMS.subject, "has_evidence": BIOLINK.has_evidence,
}


class _Vocabulary:
    """The terms of the graph model's IRIs in one term factory, each made once: the fixed
    ones as attributes (:data:`_FIXED`), ``exo(name)`` for ``exo:`` terms."""

    def __init__(self, terms: TermFactory) -> None:
        for name, value in _FIXED.items():
            setattr(self, name, terms.node(str(value)))
        self._node = terms.node
        self._exo: dict[str, Term] = {}

    def exo(self, name: str) -> Term:
        """The term of ``exo:{name}``."""
        term = self._exo.get(name)
        if term is None:
            term = self._exo[name] = self._node(f"{EXO}{name}")
        return term


class GraphBuilder:
    """Turns documents, entities and statements into triples.

    By default the triples accumulate in an rdflib Graph (:attr:`graph`); given a ``sink``
    they go there instead (:mod:`exokg.graph.load` streams them into an Oxigraph store),
    each with the named graphs it belongs to (see :mod:`exokg.export.quads`). ``terms``
    makes the terms (default rdflib terms; :class:`~exokg.graph.terms.NTriplesTerms` gives
    N-Triples text, for a sink that writes lines). Entities are written once, the first
    time they are added (the builder remembers their ids only).
    """

    def __init__(self, sink: TripleSink | None = None,
                 terms: TermFactory | None = None) -> None:
        self.graph: Graph | None = None
        if sink is None:
            self.graph = new_graph()
            sink = _RdflibSink(self.graph)
        self._sink = sink.add
        self._entities: set[str] = set()
        self.terms: TermFactory = terms if terms is not None else RdflibTerms()
        self._v = _Vocabulary(self.terms)

    def _to(self, where: Where) -> _Adder:
        """An object whose ``add(triple)`` sends the triple to the sink in ``where``."""
        return _Adder(self._sink, where)

    def add_entity(self, e: Entity, registry: Mapping[str, Entity] | None = None) -> Term:
        """Describe ``e`` (once per builder); returns its IRI term."""
        t, v = self.terms, self._v
        node = t.curie(e.id)
        if e.id in self._entities:
            return node
        self._entities.add(e.id)
        g = self._to(_ENTITIES)
        g.add((node, v.type, v.exo(e.category)))
        label = t.text(e.label)
        g.add((node, v.label, label))
        g.add((node, v.prefLabel, label))
        for syn in e.synonyms:
            if syn != e.label:
                g.add((node, v.altLabel, t.text(syn)))
        # a name-level miRNA (miR-124) stands for each species' mature form: narrower terms;
        # otherwise the curated xrefs name the same concept elsewhere
        match = v.narrowMatch if e.category in ("MicroRNA", "MicroRNACluster") and \
            not e.attr("species") else v.exactMatch
        for x in e.xrefs:
            if x != e.id:
                g.add((node, match, t.curie(x)))
        if e.description:
            g.add((node, v.definition, t.text(e.description)))
        for key, value in e.attributes:
            if key == "broader":
                g.add((node, v.broader, t.curie(value)))
                continue
            if ":" in key:  # a curated mapping such as skos:closeMatch
                g.add((node, t.curie(key), t.curie(value)))
                continue
            if key in ("name", "species", "arm"):
                g.add((node, v.exo(f"mirna{key.capitalize()}"), t.text(value)))
                continue
            is_iri = _is_curie(value)
            obj = t.curie(value) if is_iri else t.text(value)
            g.add((node, v.exo(key), obj))
            if key == "sourceCell":
                g.add((node, t.curie("RO:0001000"), obj))
            elif key == "cargo":
                g.add((node, t.curie("BFO:0000051"), obj))
            if is_iri and registry and value in registry:
                self.add_entity(registry[value], registry)
        return node

    def add_document(self, doc: Document) -> Term:
        """Describe a document (its text, origin, publication); returns its IRI term."""
        t, v = self.terms, self._v
        g = self._to((document_graph_iri(doc.id),))
        node = t.checked(_document_id(doc.id))
        g.add((node, v.type, v.exo("Document")))
        g.add((node, v.label, t.text(doc.title or doc.id)))
        if doc.title:
            g.add((node, v.title, t.text(doc.title)))
        g.add((node, v.exo("text"), t.text(doc.text)))
        g.add((node, v.exo("origin"), t.text(doc.origin)))
        g.add((node, v.exo("offsetInFile"), t.integer(doc.start)))
        g.add((node, v.exo("documentKind"), t.text(doc.kind)))
        if doc.source is not None:
            pub = self.add_publication(doc.source)
            if pub is not None:
                g.add((node, v.source, pub))
            if doc.source.note:
                g.add((node, v.exo("attributionNote"), t.text(doc.source.note)))
        return node

    def add_publication(self, c: Citation) -> Term | None:
        """Describe a publication; returns its IRI term (None without a stable identifier)."""
        curie = publication_curie(c)
        if curie is None:
            return None
        t, v = self.terms, self._v
        g = self._to(_ENTITIES)
        node = t.curie(curie)
        g.add((node, v.type, v.exo("Publication")))
        g.add((node, v.label, t.text(c.title or c.label)))
        for prop, value in (("pmid", c.pmid), ("pmcid", c.pmcid), ("doi", c.doi),
                            ("journal", c.journal), ("volume", c.volume), ("issue", c.issue),
                            ("pages", c.pages)):
            if value:
                g.add((node, v.exo(prop), t.text(value)))
        if c.title:
            g.add((node, v.title, t.text(c.title)))
        if c.year:
            g.add((node, v.date, t.typed(str(c.year), XSD.gYear)))
        for author in c.authors:
            g.add((node, v.creator, t.text(author)))
        if c.authors:
            g.add((node, v.exo("firstAuthor"), t.text(c.authors[0])))
        if c.text:
            g.add((node, v.bibliographicCitation, t.text(c.text)))
        g.add((node, v.exo("partialCitation"), t.plain(c.partial)))
        for heading, label in c.mesh:
            g.add((node, v.dcSubject, t.curie(heading)))
            g.add((t.curie(heading), v.label, t.text(label)))
        return node

    def add_statement(self, s: Statement, registry: Mapping[str, Entity]) -> Term:
        """The direct edge (unless negated) and the statement node with its qualifiers and
        evidence; returns the statement node's IRI term."""
        t, v = self.terms, self._v
        # an entity is described by its registry record, which merges every copy of it
        # (written names, synonyms) whatever the order the statements come in
        subj = self.add_entity(registry.get(s.subject.id, s.subject), registry)
        pred = t.curie(s.predicate)
        if isinstance(s.object, Value):
            dt = _DATATYPES.get(s.object.datatype)
            obj = t.typed(s.object.text, dt) if dt else t.text(s.object.text)
        else:
            obj = self.add_entity(registry.get(s.object.id, s.object), registry)
        # the claim belongs to the graph of each document with evidence for it
        claimed: Where = tuple(sorted({document_graph_iri(e.document_id)
                                       for e in s.evidence}))
        if not s.negated:
            self._sink((subj, pred, obj), claimed or _ENTITIES)
        node = t.node(_statement_id(s))
        g = self._to(claimed or _ASSEMBLY)
        g.add((node, v.type, v.exo("Statement")))
        g.add((node, v.subject, subj))
        g.add((node, v.predicate, pred))
        g.add((node, v.object, obj))
        g.add((node, v.exo("negated"), t.plain(s.negated)))
        g.add((node, v.exo("hedged"), t.plain(s.hedged)))
        g.add((node, v.exo("claimStatus"), t.plain(s.status)))
        if s.direction:
            g.add((node, v.exo("direction"), t.plain(s.direction)))
        if s.aspect:
            g.add((node, v.exo("aspect"), t.text(s.aspect)))
        for name, values in s.context.items():
            for value in values:
                if name in _CONTEXT_IRI_FIELDS and _is_curie(value):
                    ref = t.curie(value)
                    if value in registry:
                        self.add_entity(registry[value], registry)
                    g.add((node, v.exo(name), ref))
                else:
                    g.add((node, v.exo(name), t.text(value)))
        self._sink((node, v.exo("evidenceCount"), t.integer(len(s.evidence))), _ASSEMBLY)
        for e in s.evidence:
            self._sink((node, v.has_evidence, self.add_evidence(e)),
                       (document_graph_iri(e.document_id),))
        return node

    def add_evidence(self, e: Evidence) -> Term:
        """An evidence node (document, sentence, offsets, text, rule); returns its IRI term."""
        t, v = self.terms, self._v
        g = self._to((document_graph_iri(e.document_id),))
        node = t.node(_evidence_id(e))
        g.add((node, v.type, v.exo("Evidence")))
        g.add((node, v.exo("document"), t.node(_document_id(e.document_id))))
        g.add((node, v.exo("sentenceIndex"), t.integer(e.sentence_index)))
        g.add((node, v.exo("start"), t.integer(e.start)))
        g.add((node, v.exo("end"), t.integer(e.end)))
        g.add((node, v.exo("sentenceText"), t.text(e.text)))
        g.add((node, v.exo("rule"), t.text(e.rule)))
        for marker in e.citations:
            g.add((node, v.exo("citationMarker"), t.text(marker)))
        source = f"pubmed:{e.source_pmid}" if e.source_pmid else (
            f"doi:{e.source_doi}" if e.source_doi else None)
        if source:
            g.add((node, v.source, t.curie(source)))
        return node

    def add_sentence(self, doc: Document, index: int, start: int, end: int) -> Term:
        """An ``exo:Sentence`` node: document, index, offsets and text (``doc.text[start:end]``)."""
        t, v = self.terms, self._v
        g = self._to((document_graph_iri(doc.id),))
        node = t.node(_sentence_id(doc.id, index))
        g.add((node, v.type, v.exo("Sentence")))
        g.add((node, v.exo("document"), t.node(_document_id(doc.id))))
        g.add((node, v.exo("sentenceIndex"), t.integer(index)))
        g.add((node, v.exo("start"), t.integer(start)))
        g.add((node, v.exo("end"), t.integer(end)))
        g.add((node, v.exo("sentenceText"), t.text(doc.text[start:end])))
        return node

    def add_mention(self, m: DocumentMention, doc: Document,
                    registry: Mapping[str, Entity]) -> Term:
        """An ``exo:Mention`` node: where an entity was recognised (document offsets, text,
        sentence), which entity (``exo:refersTo``), its class and whether it was grounded."""
        t, v = self.terms, self._v
        g = self._to((document_graph_iri(m.document_id),))
        entity = self.add_entity(registry.get(m.entity.id, m.entity), registry)
        node = t.node(_mention_id(m))
        g.add((node, v.type, v.exo("Mention")))
        g.add((node, v.exo("document"), t.node(_document_id(m.document_id))))
        g.add((node, v.exo("sentence"), self.add_sentence(doc, m.sentence_index,
                                                          m.sentence_start, m.sentence_end)))
        g.add((node, v.exo("start"), t.integer(m.start)))
        g.add((node, v.exo("end"), t.integer(m.end)))
        g.add((node, v.exo("mentionText"), t.text(m.text)))
        g.add((node, v.exo("refersTo"), entity))
        g.add((node, v.exo("mentionClass"), t.text(m.type)))
        g.add((node, v.exo("grounded"), t.plain(m.grounded)))
        g.add((node, v.exo("recognisedBy"), t.text(m.source)))
        return node

    def add_contradiction(self, a: Statement, b: Statement) -> None:
        t, v = self.terms, self._v
        x, y = (t.node(i) for i in sorted((_statement_id(a), _statement_id(b))))
        self._sink((x, v.exo("contradicts"), y), _ASSEMBLY)
        self._sink((y, v.exo("contradicts"), x), _ASSEMBLY)

    def add_disagreement(self, d: Disagreement) -> Term:
        """A node ``exo:Disagreement`` listing the statements (``exo:involves``) whose values
        of one single-valued attribute differ, plus ``exo:disagreesWith`` between them;
        returns its IRI term."""
        t, v = self.terms, self._v
        g = self._to(_ASSEMBLY)
        ids = sorted(_statement_id(s) for s in d.statements)
        nodes = [t.node(i) for i in ids]
        node = t.node(f"{_ID}disagreement/{_hash(d.subject.id, d.predicate, *ids)}")
        g.add((node, v.type, v.exo("Disagreement")))
        g.add((node, v.exo("about"), t.curie(d.subject.id)))
        g.add((node, v.exo("attribute"), t.curie(d.predicate)))
        g.add((node, v.label, t.text(
            f"sources disagree on {d.predicate.split(':')[-1]} of {d.subject.label}: "
            + " vs ".join(dict.fromkeys(d.values)))))
        for n in nodes:
            g.add((node, v.exo("involves"), n))
            for other in nodes:
                if other != n:
                    g.add((n, v.exo("disagreesWith"), other))
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
