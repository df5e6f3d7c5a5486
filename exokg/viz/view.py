"""The drawable view of an exokg RDF graph: entities as nodes, statements as edges.

What is drawn (docs/visualisation.md says the same for readers):

* one **edge per statement node** (``exo:Statement``), negated ones included (drawn as
  negated), from its ``rdf:subject`` to its ``rdf:object``;
* one **node per entity** that is the subject or object of a statement, plus the parts of
  drawn composite entities (``exo:cargo``, ``exo:sourceCell``, ``exo:vesicleType``,
  ``exo:treatedWith``), each part joined by a *composition* edge; ``skos:broader`` between
  two drawn entities is a composition edge too;
* one node per distinct **literal object** (a dose, a phase, a date).

Evidence sentences, their documents and sources, the qualifiers (species, model, route, ...)
and contradictions are read from the statement nodes and kept on the edges, so the page can
show them without a query. The graph is read in one pass over its triples.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from exokg.errors import ExokgError, IdentifierError
from exokg.ids import compress, expand, parse_curie
from exokg.resolve import Name, NameNotFound, Resolver
from exokg.viz.style import edge_kind, edge_label

__all__ = [
    "EntityNotFoundError",
    "EvidenceView",
    "GraphView",
    "Link",
    "ViewEdge",
    "ViewNode",
    "build_view",
    "build_view_of",
    "VIEW_PREDICATES",
    "clean_text",
]

EXO = "https://w3id.org/exokg/vocab/"
_BIOLINK = "https://w3id.org/biolink/vocab/"
_HAS_EVIDENCE = URIRef(_BIOLINK + "has_evidence")
_STATEMENT = URIRef(EXO + "Statement")
_PART_PROPERTIES = ("cargo", "sourceCell", "vesicleType", "treatedWith")
_CONTEXT = ("species", "model", "condition", "route", "location", "trial", "comparator",
            "dose", "timing", "population", "statistic", "statistics")
_NOT_ENTITY_TYPES = {EXO + t for t in ("Statement", "Evidence", "Document")}
#: Prefixes whose identifiers link out (built from the identifier, never from free text).
LINKED_PREFIXES = frozenset({
    "BFO", "CL", "DOID", "GO", "HP", "MONDO", "MP", "NCBITaxon", "NCIT", "OBI", "RO",
    "UBERON", "mirbase.mature", "mirbase", "NCBIGene", "hgnc", "uniprot", "mesh", "loinc",
    "snomedct", "umls", "pubmed", "pmc", "doi", "clinicaltrials", "ror",
})
#: Every predicate :func:`build_view` reads: the view of a graph's triples with these
#: predicates is the view of the whole graph (the page of a large build keeps only these of
#: what it reads from the store, :func:`exokg.viz.store_page.page_html`). Keep it in step
#: with the reader below (``tests/test_storefirst.py`` compares the two pages).
VIEW_PREDICATES = frozenset({
    str(RDF.type), str(RDF.subject), str(RDF.predicate), str(RDF.object), str(RDFS.label),
    str(SKOS.prefLabel), str(SKOS.altLabel), str(SKOS.definition), str(SKOS.exactMatch),
    str(SKOS.closeMatch), str(SKOS.narrowMatch), str(SKOS.broader), str(DCTERMS.source),
    str(DCTERMS.date), str(_HAS_EVIDENCE),
    *(EXO + name for name in (
        "firstAuthor", "journal", "document", "sentenceText", "citationMarker", "rule",
        "direction", "negated", "hedged", "aspect", "evidenceCount", "contradicts",
        *_PART_PROPERTIES, *_CONTEXT)),
})
MAX_LABEL = 300
MAX_SENTENCE = 1500
MAX_SYNONYMS = 12
MAX_EVIDENCE = 25
_SPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


class EntityNotFoundError(ExokgError, LookupError):
    """No drawn entity has the label, synonym, CURIE or IRI asked for."""


def clean_text(text: str, limit: int = MAX_LABEL) -> str:
    """One line of display text: control characters dropped, whitespace collapsed, cut.

    >>> clean_text("a\\n  b\\x00c", 10)
    'a bc'
    >>> clean_text("x" * 20, 10)
    'xxxxxxxxx…'
    """
    text = _SPACE.sub(" ", _CONTROL.sub("", text)).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Link:
    """An identifier as text (a CURIE) and, when it has one, the URL built from it."""

    text: str
    url: str | None = None


@dataclass(frozen=True)
class EvidenceView:
    """One evidence sentence of a statement and where it comes from."""

    text: str
    document: str  # the document's label
    source: Link | None = None  # the publication the document is (quoted from)
    cited: Link | None = None  # the publication the sentence itself attributes the claim to
    markers: tuple[str, ...] = ()
    rule: str = ""
    year: int | None = None  # the year of the publication the document is


@dataclass(frozen=True)
class ViewNode:
    """A drawn node: an entity or a literal value."""

    id: str  # the entity's IRI, or ``value:<hash>`` for a literal
    label: str
    category: str  # exokg class name, or "Value"
    curie: str | None = None
    identifiers: tuple[Link, ...] = ()
    synonyms: tuple[str, ...] = ()
    description: str | None = None
    evidence: int = 0  # evidence sentences of the statements it takes part in


@dataclass(frozen=True)
class ViewEdge:
    """A drawn edge: a statement (with evidence) or a composition link (without)."""

    id: str  # the statement IRI, or ``part:<hash>``
    source: str
    target: str
    predicate: str  # CURIE
    label: str
    kind: str  # see exokg.viz.style.EDGE_KINDS
    direction: str | None = None
    negated: bool = False
    hedged: bool = False
    species: tuple[str, ...] = ()  # species labels
    context: tuple[tuple[str, str], ...] = ()  # (qualifier, value label)
    evidence: tuple[EvidenceView, ...] = ()
    evidence_count: int = 0
    contradicts: tuple[str, ...] = ()  # ids of contradicting edges
    statement: bool = True  # False for composition links


@dataclass
class GraphView:
    """Nodes (by id) and edges to draw, with a title for the page."""

    nodes: dict[str, ViewNode]
    edges: list[ViewEdge]
    title: str = "exokg evidence graph"
    _resolver: Resolver | None = field(default=None, repr=False)

    def resolver(self) -> Resolver:
        """The :class:`~exokg.resolve.Resolver` of the drawn entities' labels, synonyms,
        CURIEs and IRIs (the same rules as the API and the command line)."""
        if self._resolver is None:
            names = []
            for node in self.nodes.values():
                if node.category == "Value":
                    continue
                names.append(Name(node.id, node.label, node.category, node.label, "label"))
                names.extend(Name(node.id, node.label, node.category, s, "synonym")
                             for s in node.synonyms)
                names.extend(Name(node.id, node.label, node.category, i, "identifier")
                             for i in (node.id, node.curie) if i)
            self._resolver = Resolver(names)
        return self._resolver

    def find(self, text: str) -> list[str]:
        """Ids of the nodes ``text`` names: an IRI, CURIE, label, synonym, abbreviation or
        miRNA spelling, resolved by :mod:`exokg.resolve` (several ids when the best
        matches tie).

        Raises:
            EntityNotFoundError: nothing matches; the message suggests close names in their
                original case.
        """
        key = text.strip()
        try:
            key = expand(key)
        except IdentifierError:
            pass
        if key in self.nodes:
            return [key]
        try:
            return [self.resolver().resolve(text).entity]
        except NameNotFound as exc:
            if exc.candidates:
                return sorted({m.entity for m in exc.candidates})
            hint = f"; did you mean: {', '.join(exc.suggestions)}?" if exc.suggestions else ""
            raise EntityNotFoundError(f"no entity in the graph is called {text!r}{hint}") \
                from None

    def neighbourhood(self, centres: Iterable[str], depth: int = 1) -> GraphView:
        """The sub-view of the nodes at most ``depth`` edges away from ``centres``."""
        if depth < 0:
            raise ValueError("depth must be 0 or more")
        adjacent: dict[str, set[str]] = defaultdict(set)
        for e in self.edges:
            adjacent[e.source].add(e.target)
            adjacent[e.target].add(e.source)
        keep = {c for c in centres if c in self.nodes}
        queue = deque((c, 0) for c in sorted(keep))
        while queue:
            node, d = queue.popleft()
            if d == depth:
                continue
            for other in sorted(adjacent[node] - keep):
                keep.add(other)
                queue.append((other, d + 1))
        return self.subview(keep)

    def subview(self, node_ids: Iterable[str], title: str | None = None) -> GraphView:
        """The nodes given and the edges between them."""
        keep = set(node_ids)
        nodes = {k: v for k, v in self.nodes.items() if k in keep}
        edges = [e for e in self.edges if e.source in keep and e.target in keep]
        kept = {e.id for e in edges}
        edges = [replace(e, contradicts=tuple(c for c in e.contradicts if c in kept))
                 for e in edges]
        return GraphView(nodes, edges, title or self.title)


# -- reading the RDF graph ---------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _curie(iri: str) -> str | None:
    try:
        return compress(iri)
    except IdentifierError:
        return None


@lru_cache(maxsize=65536)
def _link(iri: str) -> Link:
    """A link for an IRI, with a URL only for known, well-formed external identifiers."""
    curie = _curie(iri)
    if curie is None:
        return Link(iri)
    prefix = curie.split(":", 1)[0]
    if prefix not in LINKED_PREFIXES:
        return Link(curie)
    try:
        parse_curie(curie, check_pattern=True)
        url = expand(curie)
    except IdentifierError:
        return Link(curie)
    return Link(curie, url if url.startswith(("https://", "http://")) else None)


def _local(iri: str, namespace: str = EXO) -> str | None:
    return iri[len(namespace):] if iri.startswith(namespace) else None


class _Reader:
    """Groups the graph's triples by subject once, then answers small questions."""

    def __init__(self, triples: Iterable[tuple[object, object, object]]) -> None:
        self.props: dict[object, dict[object, list[object]]] = defaultdict(
            lambda: defaultdict(list))
        for s, p, o in triples:
            self.props[s][p].append(o)

    def all(self, s: object, p: object) -> list[object]:
        entry = self.props.get(s)
        values = entry.get(p, ()) if entry else ()
        return sorted(values) if len(values) > 1 else list(values)

    def one(self, s: object, p: object) -> object | None:
        values = self.all(s, p)
        return values[0] if values else None

    def text(self, s: object, p: object) -> str | None:
        value = self.one(s, p)
        return str(value) if value is not None else None

    def category(self, s: object) -> str | None:
        for t in self.all(s, RDF.type):
            name = _local(str(t))
            if name and str(t) not in _NOT_ENTITY_TYPES:
                return name
        return None

    def label(self, s: object) -> str:
        value = self.one(s, RDFS.label) or self.one(s, SKOS.prefLabel)
        if value is not None:
            return clean_text(str(value))
        if isinstance(s, Literal):
            return clean_text(str(s))
        return _curie(str(s)) or str(s)


def _value_id(term: Literal) -> str:
    digest = hashlib.sha256(f"{term}\x1f{term.datatype or ''}\x1f{term.language or ''}"
                            .encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"value:{digest}"


def _publication(r: _Reader, pub: object | None) -> Link | None:
    if pub is None:
        return None
    link = _link(str(pub))
    author = r.text(pub, URIRef(EXO + "firstAuthor"))
    year = r.text(pub, DCTERMS.date)
    journal = r.text(pub, URIRef(EXO + "journal"))
    if author and year:  # as the evidence query labels it: "Zhang et al. 2016, J Clin Invest"
        text = f"{author.split()[0]} et al. {year}" + (f", {journal}" if journal else "")
    else:
        text = r.label(pub)
    return Link(clean_text(f"{text} ({link.text})" if link.url else text, 200), link.url)


def _evidence(r: _Reader, ev: object) -> EvidenceView:
    doc = r.one(ev, URIRef(EXO + "document"))
    from exokg.text.normalise import normalise

    source = r.one(doc, DCTERMS.source) if doc is not None else None
    date = r.text(source, DCTERMS.date) if source is not None else None
    year = int(date[:4]) if date and date[:4].isdigit() else None
    return EvidenceView(  # the sentence for reading: PDF line-end hyphens joined
        text=clean_text(normalise(r.text(ev, URIRef(EXO + "sentenceText")) or "").text,
                        MAX_SENTENCE),
        document=r.label(doc) if doc is not None else "",
        source=_publication(r, r.one(doc, DCTERMS.source)) if doc is not None else None,
        cited=_publication(r, r.one(ev, DCTERMS.source)),
        markers=tuple(clean_text(str(m), 80)
                      for m in r.all(ev, URIRef(EXO + "citationMarker")))[:10],
        rule=clean_text(r.text(ev, URIRef(EXO + "rule")) or "", 80),
        year=year,
    )


def build_view(graph: Graph, title: str = "exokg evidence graph") -> GraphView:
    """Read the drawable view of an exokg graph (see the module docs for what is drawn)."""
    return build_view_of(graph.triples((None, None, None)), title)


def build_view_of(triples: Iterable[tuple[object, object, object]],
                  title: str = "exokg evidence graph") -> GraphView:
    """:func:`build_view` of a graph given as its rdflib triples (each once; any order),
    without an rdflib Graph: the page of a large build reads them from its store
    (:mod:`exokg.viz.store_page`)."""
    r = _Reader(triples)
    nodes: dict[str, ViewNode] = {}
    evidence_of: dict[str, int] = defaultdict(int)

    def entity(term: object) -> str:
        if isinstance(term, Literal):
            node_id = _value_id(term)
            if node_id not in nodes:
                nodes[node_id] = ViewNode(node_id, clean_text(str(term)), "Value")
            return node_id
        node_id = str(term)
        if node_id not in nodes:
            link = _link(node_id)
            ids = [link] if link.url else []
            for prop in (SKOS.exactMatch, SKOS.closeMatch, SKOS.narrowMatch):
                ids += [_link(str(x)) for x in r.all(term, prop)]
            synonyms = [clean_text(str(s)) for s in r.all(term, SKOS.altLabel)]
            desc = r.text(term, SKOS.definition)
            nodes[node_id] = ViewNode(
                node_id, r.label(term), r.category(term) or "Other",
                curie=_curie(node_id), identifiers=tuple(dict.fromkeys(ids)),
                synonyms=tuple(synonyms[:MAX_SYNONYMS]),
                description=clean_text(desc, 600) if desc else None)
        return node_id

    statements = sorted(s for s, types in r.props.items() if _STATEMENT in types.get(RDF.type, ()))
    edges: list[ViewEdge] = []
    for st in statements:
        subj, pred, obj = r.one(st, RDF.subject), r.one(st, RDF.predicate), r.one(st, RDF.object)
        if subj is None or pred is None or obj is None:
            continue
        predicate = _curie(str(pred)) or str(pred)
        direction = r.text(st, URIRef(EXO + "direction"))
        negated = r.text(st, URIRef(EXO + "negated")) == "true"
        hedged = r.text(st, URIRef(EXO + "hedged")) == "true"
        aspect = r.text(st, URIRef(EXO + "aspect"))
        context: list[tuple[str, str]] = []
        species: list[str] = []
        for name in _CONTEXT:
            for value in r.all(st, URIRef(EXO + name)):
                text = r.label(value)
                context.append((name, text))
                if name == "species":
                    species.append(text)
        if aspect:
            context.insert(0, ("aspect", clean_text(aspect)))
        evidence = [_evidence(r, ev) for ev in r.all(st, _HAS_EVIDENCE)]
        count_literal = r.one(st, URIRef(EXO + "evidenceCount"))
        count = int(count_literal) if isinstance(count_literal, Literal) and \
            str(count_literal).isdigit() else len(evidence)
        source, target = entity(subj), entity(obj)
        evidence_of[source] += count
        evidence_of[target] += count
        edges.append(ViewEdge(
            str(st), source, target, predicate,
            clean_text(edge_label(predicate, direction, aspect, negated, hedged), 80),
            edge_kind(predicate, direction), direction, negated, hedged,
            tuple(sorted(set(species))), tuple(context), tuple(evidence[:MAX_EVIDENCE]),
            count, tuple(sorted(str(c) for c in r.all(st, URIRef(EXO + "contradicts")))),
        ))

    # composition: parts of drawn composite entities (transitively), broader between drawn ones
    seen_parts: set[tuple[str, str, str]] = set()
    queue = deque(sorted(k for k, v in nodes.items() if v.category != "Value"))
    while queue:
        node_id = queue.popleft()
        term = URIRef(node_id)
        for prop in _PART_PROPERTIES:
            for part in r.all(term, URIRef(EXO + prop)):
                if not isinstance(part, URIRef) or r.category(part) is None:
                    continue
                key = (node_id, prop, str(part))
                if key in seen_parts:
                    continue
                seen_parts.add(key)
                is_new = str(part) not in nodes
                edges.append(_composition(node_id, f"exo:{prop}", entity(part)))
                if is_new:
                    queue.append(str(part))
    for node_id in sorted(nodes):
        for broader in r.all(URIRef(node_id), SKOS.broader):
            if str(broader) in nodes and str(broader) != node_id:
                edges.append(_composition(node_id, "skos:broader", str(broader)))

    for node_id, n in evidence_of.items():
        nodes[node_id] = replace(nodes[node_id], evidence=n)
    unique: dict[str, ViewEdge] = {}
    for e in edges:  # vis-network refuses duplicate ids; none are expected
        unique.setdefault(e.id, e)
    return GraphView(dict(sorted(nodes.items())), list(unique.values()), title)


def _composition(source: str, predicate: str, target: str) -> ViewEdge:
    digest = hashlib.sha256(f"{source}\x1f{predicate}\x1f{target}".encode()).hexdigest()[:16]
    return ViewEdge(f"part:{digest}", source, target, predicate, edge_label(predicate),
                    edge_kind(predicate, None), statement=False)
