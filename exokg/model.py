"""Frozen records that flow between the pipeline stages.

documents -> normalise -> segment -> recognise -> extract -> assemble -> graph

Every record is immutable and hashable, so stages can be tested alone and results compared.
Offsets are always character offsets (Python ``str`` indices) into ``Document.text``, the
original text exactly as read, never into normalised text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Direction = Literal["increased", "decreased"]
#: What a claim is in its document: a finding of the study (or a fact of a record), cited
#: background, the study's hypothesis or aim, or speculation (see exokg.extract.status).
ClaimStatus = Literal["finding", "background", "hypothesis", "speculation"]


@dataclass(frozen=True)
class Citation:
    """Bibliographic metadata of a source, exactly as far as the text gives it.

    Every field is optional: a partial citation stays partial.
    """

    pmid: str | None = None
    pmcid: str | None = None
    doi: str | None = None
    title: str | None = None
    journal: str | None = None
    year: int | None = None
    authors: tuple[str, ...] = ()
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    text: str | None = None  # the citation as written in the source
    partial: bool = False  # True when the source text lost part of the citation
    note: str | None = None  # where the attribution came from (curation basis)
    mesh: tuple[tuple[str, str], ...] = ()  # MeSH headings: (descriptor CURIE, heading)

    @property
    def label(self) -> str:
        """A short human label: 'Chen 2018', 'PMID 29692195' or 'unknown source'."""
        if self.authors and self.year:
            return f"{self.authors[0].split()[0]} et al. {self.year}"
        if self.pmid:
            return f"PMID {self.pmid}"
        if self.doi:
            return f"doi:{self.doi}"
        return "unknown source"


@dataclass(frozen=True)
class Document:
    """One source document: an excerpt block of the corpus, an abstract, a registry record.

    ``id`` is a stable local identifier (slug characters only). ``text`` is the original text;
    ``origin`` names the file (and place) it was read from, for error messages and provenance.
    ``start`` is the offset of ``text`` inside the file it was read from (0 for whole files).
    """

    id: str
    text: str
    origin: str
    title: str | None = None
    source: Citation | None = None  # the publication this text is quoted from / is
    start: int = 0
    kind: str = "text"  # text | excerpt | abstract | registry-record
    # structured parts of a built text (abstract sections, registry fields); each slices
    # ``text`` exactly. A record with "prose" fields is read sentence by sentence only there.
    fields: tuple[RecordField, ...] = ()


@dataclass(frozen=True)
class RecordField:
    """A named part of a document built from a structured record: ``text[start:end]`` is
    where the record's ``name`` field (``phase``, ``condition``, ``section``, ``prose``, ...)
    is written; ``value`` is the value as the record gives it; ``attrs`` holds qualifiers
    (time frame, role, date type) as sorted (key, value) pairs."""

    name: str
    value: str
    start: int
    end: int
    attrs: tuple[tuple[str, str], ...] = ()

    def attr(self, key: str) -> str | None:
        return next((v for k, v in self.attrs if k == key), None)


@dataclass(frozen=True)
class Span:
    """A half-open character range [start, end) in a document's original text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}-{self.end}")


@dataclass(frozen=True)
class CitationMarker:
    """A reference marker inside a sentence: '[27]', '164,168', '(Xin et al., 2012)'.

    ``refs`` are the individual references: numbers as strings ('116', '117') or
    author-year keys ('Xin et al., 2012').
    """

    text: str
    span: Span
    refs: tuple[str, ...]
    style: Literal["numeric", "author-year"]


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document. ``text`` is the normalised sentence text; ``span`` slices the
    original document text; ``offsets[i]`` is the original offset of ``text[i]``."""

    document_id: str
    index: int
    span: Span
    text: str
    offsets: tuple[int, ...]
    citations: tuple[CitationMarker, ...] = ()

    def original_span(self, start: int, end: int) -> Span:
        """Map a [start, end) range of the normalised text back to original offsets."""
        if start >= end:
            o = self.offsets[start] if start < len(self.offsets) else self.span.end
            return Span(o, o)
        return Span(self.offsets[start], self.offsets[end - 1] + 1)


@dataclass(frozen=True)
class Entity:
    """A grounded thing. ``id`` is a CURIE (``CL:0000134``, ``exokg:mirna/mir-124``).

    ``category`` is an exokg class name (see ontology/exokg.ttl), e.g. 'MicroRNA', 'Cell',
    'ExosomePreparation'. ``xrefs`` are further CURIEs for the same thing; ``attributes``
    holds structured parts (for composite entities) as sorted (key, value) pairs, where a
    value is a CURIE or a literal string.
    """

    id: str
    label: str
    category: str
    synonyms: tuple[str, ...] = ()
    xrefs: tuple[str, ...] = ()
    attributes: tuple[tuple[str, str], ...] = ()
    description: str | None = None

    def attr(self, key: str) -> tuple[str, ...]:
        return tuple(v for k, v in self.attributes if k == key)


@dataclass(frozen=True)
class Mention:
    """An entity found in a sentence; ``span`` is relative to the sentence's normalised text.

    ``category`` is the entity's category, kept as an attribute (set when the mention is
    made; not compared, hashed or printed): the rules read it about a thousand times per
    abstract, where a property would be a call each time."""

    entity: Entity
    start: int
    end: int
    text: str
    source: str = "lexicon"  # which recogniser found it
    category: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "category", self.entity.category)


@dataclass(frozen=True)
class Value:
    """A literal object of a statement (a dose, a date, a phase, a count)."""

    text: str
    datatype: str = "string"  # string | integer | decimal | date | gYearMonth
    unit: str | None = None

    @property
    def id(self) -> str:
        return f'"{self.text}"'

    @property
    def label(self) -> str:
        return self.text


@dataclass(frozen=True)
class Evidence:
    """Where a statement was read: document, sentence, original offsets, markers, rule."""

    document_id: str
    sentence_index: int
    start: int
    end: int
    text: str  # the original sentence text, exactly document.text[start:end]
    rule: str
    citations: tuple[str, ...] = ()  # marker texts, e.g. '[27]', '(Xin et al., 2012)'
    source_pmid: str | None = None  # the publication the document is quoted from
    source_doi: str | None = None


@dataclass(frozen=True)
class Context:
    """Qualifiers of a claim. Each field holds CURIEs (entities) or literal strings."""

    species: tuple[str, ...] = ()
    model: tuple[str, ...] = ()
    condition: tuple[str, ...] = ()
    route: tuple[str, ...] = ()
    dose: tuple[str, ...] = ()
    timing: tuple[str, ...] = ()
    population: tuple[str, ...] = ()  # e.g. '65 patients', '66 controls'
    statistics: tuple[str, ...] = ()  # e.g. "p < 0.01"
    comparator: tuple[str, ...] = ()
    location: tuple[str, ...] = ()  # anatomical / sample context (serum, exosomal)
    trial: tuple[str, ...] = ()

    def items(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return tuple((k, v) for k, v in self.__dict__.items() if v)

    def key(self) -> tuple:
        """The part of the context that changes what is claimed (used in the claim key)."""
        return (self.species, self.model, self.condition, self.route)


@dataclass(frozen=True)
class Statement:
    """A claim with its qualifiers and evidence.

    ``predicate`` is a CURIE (``biolink:affects``). ``object`` is an Entity or a Value.
    Statements with the same :meth:`key` claim the same thing and are merged by assembly.
    """

    subject: Entity
    predicate: str
    object: Entity | Value
    direction: Direction | None = None
    aspect: str | None = None  # what about the object changes: 'expression', 'number', ...
    negated: bool = False
    hedged: bool = False
    context: Context = field(default_factory=Context)
    evidence: tuple[Evidence, ...] = ()
    # finding (of this study or record) | background (cited) | hypothesis (aim) | speculation
    status: ClaimStatus = "finding"

    def key(self) -> tuple:
        """Claim key: what is claimed, without the evidence."""
        return (
            self.subject.id,
            self.predicate,
            self.object.id,
            self.direction,
            self.aspect,
            self.negated,
            self.hedged,
            self.context.key(),
            self.status,
        )


@dataclass(frozen=True)
class Analysed:
    """A sentence with what was recognised in it (offsets relative to ``sentence.text``).

    ``mentions``: entity mentions, non-overlapping except alternative preparations that share
    a span. ``values``: identifiers and quantities. ``parts``: every base mention, including
    those inside a composite preparation. ``annotated``: names recognised for annotation
    only, never read by extraction (gene and protein names without a grounded gene id,
    :mod:`exokg.recognise.proteins`; cell and anatomy spans); empty when the sentence was
    analysed without them, as a build does (``Recogniser.analyse(..., annotate=False)``).

    ``memo``: what the rules derive from this sentence alone and ask for more than once
    (the context of a clause, :func:`exokg.extract.context.context_for`), by key. It is
    not compared, hashed or printed, and it is not copied: an analysis made from this one
    with :func:`dataclasses.replace` (other mentions) starts with an empty one.
    """

    document: Document
    sentence: Sentence
    mentions: tuple[Mention, ...]
    values: tuple[Mention, ...]
    parts: tuple[Mention, ...] = ()
    annotated: tuple[Mention, ...] = ()
    memo: dict[object, object] = field(default_factory=dict, init=False, repr=False,
                                       compare=False)
    #: the sentence's text (``sentence.text``), an attribute for the same reason as
    #: :attr:`Mention.category`: the rules read it over a thousand times per abstract
    text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", self.sentence.text)

    def within(self, start: int, end: int, classes: frozenset[str] | None = None
               ) -> list[Mention]:
        if classes is None:
            return [m for m in self.mentions if start <= m.start and m.end <= end]
        return [m for m in self.mentions if start <= m.start and m.end <= end
                and m.category in classes]

    def values_within(self, start: int, end: int, kind: str | None = None) -> list[Mention]:
        return [m for m in self.values if start <= m.start and m.end <= end
                and (kind is None or m.category == kind)]
