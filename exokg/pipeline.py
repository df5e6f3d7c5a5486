"""The orchestrator: documents -> sentences -> mentions -> statements -> graph.

``build()`` is the one place the stages are wired together; the CLI and the notebook API call
it and hold no pipeline logic of their own.
"""

from __future__ import annotations

import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph

from exokg.annotate.mentions import DocumentMention, mentions_of
from exokg.assemble import Disagreement
from exokg.claimstore import ClaimStore
from exokg.corpus.readers import count_documents, iter_documents, iter_input_files, \
    read_bundled_corpus
from exokg.errors import InputError, InputWarning
from exokg.extract import extract_document
from exokg.extract.registry import extract_record, is_record, record_sentences
from exokg.graph.rdf import build_graph
from exokg.model import Analysed, Document, Entity, Statement, Value
from exokg.recognise import Recogniser
from exokg.recognise.document import analyse_sentences
from exokg.text.segment import MAX_SENTENCE_CHARS, segment, split_long_sentences

if TYPE_CHECKING:
    from exokg.progress import Reporter

Progress = Callable[[int, int, str], None]
#: Above this many documents the writer reads no rdflib Graph of the whole build for the
#: outputs that have a store-based path (see :mod:`exokg.export.writer`).
RDFLIB_MAX_DOCUMENTS = 2000
#: Called once per document with its raw statements, the entities it introduced and its
#: sentence count (the incremental cache listens here).
DocumentHook = Callable[[Document, list[Statement], dict[str, Entity], int], None]


class BuildResult:
    """Everything a build produced, for exports, queries and summaries.

    A build made by :func:`build` keeps its documents and assembled statements on disk (in
    a :class:`~exokg.claimstore.ClaimStore`): ``documents``, ``statements``,
    ``contradictions`` and ``disagreements`` are then sequences read from there, and
    ``graph`` (an rdflib Graph of the whole build) is made from them the first time it is
    asked for. Writing a build into a store (:mod:`exokg.export.writer`) never asks for it
    above :data:`RDFLIB_MAX_DOCUMENTS` documents except for the outputs that still need it
    (see docs/scale.md). Lists may be given instead (a build assembled in memory).
    """

    def __init__(self, documents: Sequence[Document], sentences: int,
                 statements: Sequence[Statement], entities: dict[str, Entity],
                 graph: Graph | None = None,
                 contradictions: Sequence[tuple[Statement, Statement]] = (),
                 seconds: float = 0.0, disagreements: Sequence[Disagreement] = (),
                 mentions: Sequence[DocumentMention] = (), lexicon: str | None = None, *,
                 claims: ClaimStore | None = None) -> None:
        self.documents = documents
        self.sentences = sentences
        self.statements = statements
        self.entities = entities
        self._graph = graph
        #: the graph was given (or set), not made from the records: it is what is written
        self.graph_given = graph is not None
        self.contradictions = contradictions
        self.seconds = seconds
        self.disagreements = disagreements
        #: recognised mentions (with build(mentions=True)), kept in memory
        self.mentions: list[DocumentMention] = list(mentions)
        #: version key of the open-vocabulary lexicon the build recognised with (None: none)
        self.lexicon = lexicon
        #: the on-disk claim table the sequences are read from (None: lists in memory)
        self.claims = claims
        #: triples of the graph, once counted (set by the store loader)
        self.triples: int | None = None

    @property
    def graph(self) -> Graph:
        """The whole graph as an rdflib Graph (made on first use from the build's records;
        memory grows with the corpus: large builds are read from the store instead)."""
        if self._graph is None:
            self._graph = build_graph(self.documents, self.statements, self.entities,
                                      self.contradictions, self.disagreements, self.mentions)
        return self._graph

    @graph.setter
    def graph(self, graph: Graph) -> None:
        self._graph = graph
        self.graph_given = True

    @property
    def has_graph(self) -> bool:
        """Whether the rdflib graph has been made (or given)."""
        return self._graph is not None

    def triple_count(self) -> int:
        """Triples in the graph: counted by the store loader when it ran, else of
        :attr:`graph`."""
        if self.triples is not None and self._graph is None:
            return self.triples
        return len(self.graph)

    def summary(self) -> str:
        """A human summary: documents, sentences, entities by class, statements by predicate."""
        used: dict[str, Entity] = {}
        for s in self.statements:
            used[s.subject.id] = s.subject
            if isinstance(s.object, Entity):
                used[s.object.id] = s.object
        by_class = Counter(e.category for e in used.values())
        by_pred = Counter(s.predicate for s in self.statements)
        evidence = sum(len(s.evidence) for s in self.statements)
        lines = [f"documents: {len(self.documents)}", f"sentences: {self.sentences}",
                 f"lexicon: {self.lexicon or 'none (curated vocabulary only)'}",
                 f"entities: {len(used)}"]
        lines += [f"  {cls}: {n}" for cls, n in sorted(by_class.items())]
        lines.append(f"statements: {len(self.statements)} (evidence sentences: {evidence})")
        lines += [f"  {pred}: {n}" for pred, n in sorted(by_pred.items())]
        if self.mentions:
            grounded = sum(1 for m in self.mentions if m.grounded)
            lines.append(f"mentions: {len(self.mentions)} ({grounded} grounded)")
        lines.append(f"triples: {self.triple_count()}")
        return "\n".join(lines)


def stream_documents(paths: Sequence[str | Path] | None = None) -> Iterator[Document]:
    """Documents of the given files/folders (or the bundled corpus), one at a time: a PubMed
    XML file of many articles is never held whole. Only the ids seen so far are kept.

    Raises :class:`InputError` for bad input and for two documents with the same id.
    """
    if not paths:
        documents: Iterable[Document] = read_bundled_corpus()
    else:
        documents = (doc for path in iter_input_files(paths) for doc in iter_documents(path))
    seen: dict[str, str] = {}
    for doc in documents:
        doc = clean_document(doc)
        if doc.id in seen:
            raise InputError(doc.origin, f"document id {doc.id!r} is also used by {seen[doc.id]}")
        seen[doc.id] = doc.origin
        yield doc


def clean_document(doc: Document) -> Document:
    """``doc`` with characters no export can carry replaced one for one by U+FFFD (offsets
    stay true; see :mod:`exokg.text.characters`).

    Raises :class:`InputError` for a lone surrogate (not a character: it comes from a broken
    ``\\ud800`` escape), naming the field it is in.
    """
    from dataclasses import fields as dataclass_fields, is_dataclass, replace

    from exokg.text.characters import clean_text, first_bad_character, has_surrogate

    strings: list[str] = []
    _strings_of(doc, strings)
    joined = "".join(strings)  # one scan of all the document's text: usually clean
    if has_surrogate(joined) is None and first_bad_character(joined) is None:
        return doc

    def clean(value: object, where: str) -> object:
        if isinstance(value, str):
            at = has_surrogate(value)
            if at is not None:
                raise InputError(doc.origin, f"a lone surrogate U+{ord(value[at]):04X} at "
                                 f"character {at + 1} (not valid Unicode)", where)
            return clean_text(value) if first_bad_character(value) is not None else value
        if isinstance(value, tuple):
            return tuple(clean(v, where) for v in value)
        if is_dataclass(value) and not isinstance(value, type):
            changes = {f.name: clean(getattr(value, f.name), f"{where}.{f.name}")
                       for f in dataclass_fields(value)}
            if all(changes[k] is getattr(value, k) for k in changes):
                return value
            return replace(value, **changes)
        return value

    return clean(doc, f"document {doc.id}")  # type: ignore[return-value]


def _strings_of(value: object, out: list[str]) -> None:
    """Append every string held by ``value`` (a dataclass, a tuple or a string) to ``out``."""
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, tuple):
        for v in value:
            _strings_of(v, out)
    else:
        for name in _field_names(type(value)):
            _strings_of(getattr(value, name), out)


@lru_cache(maxsize=64)
def _field_names(cls: type) -> tuple[str, ...]:
    """The field names of a dataclass type (none for any other type)."""
    from dataclasses import fields as dataclass_fields, is_dataclass

    return tuple(f.name for f in dataclass_fields(cls)) if is_dataclass(cls) else ()


def load_documents(paths: Sequence[str | Path] | None = None) -> list[Document]:
    """Documents of the given files/folders, or of the bundled corpus when none are given.

    Raises :class:`InputError` for bad input and for two documents with the same id.
    """
    return list(stream_documents(paths))


def count_input_documents(paths: Sequence[str | Path] | None = None) -> int:
    """How many documents the inputs hold (a cheap pre-pass, for progress and ETA)."""
    if not paths:
        return len(read_bundled_corpus())
    return sum(count_documents(path) for path in iter_input_files(paths))


def analyse_document(doc: Document, recogniser: Recogniser, *,
                     annotate: bool = True) -> list[Analysed]:
    """Segment a document and recognise the mentions of each sentence (a registry record:
    only its free-text fields), with the abbreviations the document defines; with
    ``annotate`` false without the names for annotation only (``Analysed.annotated``)."""
    sentences = record_sentences(doc) if is_record(doc) else segment(doc)
    sentences, cut = split_long_sentences(sentences)
    if cut:
        warnings.warn(f"{doc.origin}: {cut} sentence(s) longer than {MAX_SENTENCE_CHARS} "
                      "characters were analysed in pieces (claims spanning a cut are not "
                      "found)", InputWarning, stacklevel=2)
    return analyse_sentences(doc, sentences, recogniser, annotate=annotate)


def register(registry: dict[str, Entity], entity: Entity) -> None:
    """Add ``entity`` to the registry; two records of one id are merged the same way in any
    order (labels, synonyms, xrefs, attributes), so whichever document introduced an entity,
    it gets the same IRI and the same description."""
    old = registry.get(entity.id)
    if old is None or old is entity or old == entity:  # most often the very same record
        registry[entity.id] = entity
        return
    label = min(old.label, entity.label, key=lambda x: (len(x), x))
    names = {old.label, entity.label} | set(old.synonyms) | set(entity.synonyms)
    registry[entity.id] = Entity(
        entity.id, label, min(old.category, entity.category),
        synonyms=tuple(sorted(names - {label})),
        xrefs=tuple(sorted(set(old.xrefs) | set(entity.xrefs))),
        attributes=tuple(sorted(set(old.attributes) | set(entity.attributes))),
        description=min((d for d in (old.description, entity.description) if d),
                        default=None))


def document_statements(doc: Document, recogniser: Recogniser,
                        mentions: list[DocumentMention] | None = None
                        ) -> tuple[list[Statement], dict[str, Entity], int]:
    """Raw statements of one document, the entities it introduced and its sentence count.
    Nothing of the analysis outlives this call, except that when a ``mentions`` list is
    given the document's recognised mentions are appended to it
    (:func:`exokg.annotate.mentions.mentions_of`); without one, the names for annotation
    only, which no rule reads, are not looked for."""
    analysed = analyse_document(doc, recogniser, annotate=mentions is not None)
    if mentions is not None:
        mentions.extend(mentions_of(doc, analysed))
    entities: dict[str, Entity] = {}
    for a in analysed:
        for m in a.mentions + a.parts:
            register(entities, m.entity)
    found = extract_document(analysed) + extract_record(doc, recogniser)
    for s in found:
        register(entities, s.subject)
        if not isinstance(s.object, Value):
            register(entities, s.object)
    return found, entities, len(analysed)


def extract_statements(documents: Iterable[Document], recogniser: Recogniser,
                       progress: Progress | None = None, total: int = 0,
                       on_document: DocumentHook | None = None, *, workers: int = 1,
                       dask: str | None = None, mentions: list[DocumentMention] | None = None
                       ) -> tuple[list[Statement], dict[str, Entity], int]:
    """Raw (unassembled) statements of the documents in a list, the entity registry and
    sentence count (for small inputs and tests; :func:`build` streams them to disk with
    :func:`extract_into`)."""
    statements: list[Statement] = []

    def keep(doc: Document, found: list[Statement], entities: dict[str, Entity],
             count: int) -> None:
        statements.extend(found)
        if on_document:
            on_document(doc, found, entities, count)

    registry, sentences = extract_into(None, documents, recogniser, progress, total, keep,
                                       workers=workers, dask=dask, mentions=mentions)
    return statements, registry, sentences


def extract_into(claims: ClaimStore | None, documents: Iterable[Document],
                 recogniser: Recogniser, progress: Progress | None = None, total: int = 0,
                 on_document: DocumentHook | None = None, *, workers: int = 1,
                 dask: str | None = None, mentions: list[DocumentMention] | None = None
                 ) -> tuple[dict[str, Entity], int]:
    """Extract the documents' raw statements into ``claims`` (document by document, in
    input order); returns the entity registry and the sentence count.

    Documents stream through extraction (in ``workers`` processes, or on the dask cluster
    at ``dask``: :mod:`exokg.parallel`); results are taken in input order, so the output
    does not depend on the number of workers. Nothing of a document stays in memory after
    it is written, except the entities it introduced (merged into the registry) and its
    mentions when a ``mentions`` list is given (then extraction runs in this process)."""
    from exokg.parallel import extract_documents

    registry: dict[str, Entity] = {}
    sentences = 0
    # nothing but the claim table reads the statements: workers send them as its rows
    packed = claims is not None and on_document is None
    results = extract_documents(documents, recogniser, workers=workers, dask=dask,
                                mentions=mentions, packed=packed)
    for i, (doc, (found, entities, count)) in enumerate(results, start=1):
        sentences += count
        for entity in entities.values():
            register(registry, entity)
        if packed:
            claims.add_rows(doc, found)  # type: ignore[union-attr, arg-type]
        elif claims is not None:
            claims.add_document(doc, found)  # type: ignore[arg-type]
        if on_document:
            on_document(doc, found, entities, count)
        if progress:
            progress(i, max(total, i), doc.id)
    for entity in recogniser.vocabulary.entities.values():
        register(registry, entity)
    return registry, sentences


def build(paths: Sequence[str | Path] | None = None, *, recogniser: Recogniser | None = None,
          progress: Progress | None = None, on_document: DocumentHook | None = None,
          mentions: bool = False, workers: int = 1, dask: str | None = None,
          workdir: Path | None = None, reporter: Reporter | None = None) -> BuildResult:
    """Build the knowledge graph of the given inputs (default: the bundled corpus).

    Documents stream through extraction (see :func:`stream_documents`), in ``workers``
    processes or on the dask.distributed cluster at ``dask`` (:mod:`exokg.parallel`); the
    result is the same for any number of workers. Each document and its raw statements go
    to an on-disk claim table (:class:`~exokg.claimstore.ClaimStore`, in a new folder in
    ``workdir``, default the system's temporary folder; removed when the result is no
    longer used) as they arrive, and are assembled there: memory does not grow with the
    number of documents (the entity registry and, with ``mentions``, the mentions do).

    ``on_document`` sees each document's raw statements, in input order (used by the
    incremental cache). With ``mentions`` every recognised mention becomes an
    ``exo:Mention`` node linked to its entity and an ``exo:Sentence`` node (see
    docs/annotate.md); mentions are collected in this process. ``reporter`` is told the
    assembly's progress (``progress`` gets the extraction's)."""
    from exokg.claimstore import work_folder

    started = time.perf_counter()
    total = count_input_documents(paths) if progress else 0
    recogniser = recogniser or Recogniser.default()
    claims = ClaimStore(work_folder(workdir), own=True)
    found: list[DocumentMention] | None = [] if mentions else None
    registry, sentences = extract_into(claims, stream_documents(paths), recogniser, progress,
                                       total, on_document, workers=workers, dask=dask,
                                       mentions=found)
    result = assemble_claims(claims, registry, sentences, started, found or (),
                             reporter=reporter)
    result.lexicon = recogniser.lexicon_version
    return result


def assemble_claims(claims: ClaimStore, registry: dict[str, Entity], sentences: int,
                    started: float | None = None, mentions: Sequence[DocumentMention] = (),
                    *, reporter: Reporter | None = None) -> BuildResult:
    """Assemble the raw statements of ``claims`` (on disk) and return the build whose
    records are read from there."""
    started = time.perf_counter() if started is None else started
    progress = None
    if reporter is not None and reporter.verbosity:
        counter = reporter.counter("assembling claims", unit="raw statement")
        progress = lambda done, total: counter(done, total, "")  # noqa: E731
    claims.assemble(progress)
    return BuildResult(claims.documents(), sentences, claims.statements(), registry,
                       contradictions=claims.contradictions(),
                       seconds=time.perf_counter() - started,
                       disagreements=claims.disagreements(), mentions=mentions, claims=claims)


def assemble_result(documents: Iterable[Document], raw: Iterable[Statement],
                    registry: dict[str, Entity], sentences: int,
                    started: float | None = None,
                    mentions: Sequence[DocumentMention] = ()) -> BuildResult:
    """Assemble raw statements given in memory (through a claim table on disk, as
    :func:`build` does)."""
    claims = ClaimStore()
    for doc in documents:
        claims.add_document(doc, ())
    claims.add_document(None, raw)
    return assemble_claims(claims, registry, sentences, started, mentions)
