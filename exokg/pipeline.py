"""The orchestrator: documents -> sentences -> mentions -> statements -> graph.

``build()`` is the one place the stages are wired together; the CLI and the notebook API call
it and hold no pipeline logic of their own.
"""

from __future__ import annotations

import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from exokg.annotate.mentions import DocumentMention, mentions_of
from exokg.assemble import Disagreement, assemble, contradictions, disagreements
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

Progress = Callable[[int, int, str], None]
#: Called once per document with its raw statements, the entities it introduced and its
#: sentence count (the incremental cache listens here).
DocumentHook = Callable[[Document, list[Statement], dict[str, Entity], int], None]


@dataclass
class BuildResult:
    """Everything a build produced, for exports, queries and summaries."""

    documents: list[Document]
    sentences: int
    statements: list[Statement]
    entities: dict[str, Entity]
    graph: Graph
    contradictions: list[tuple[Statement, Statement]] = field(default_factory=list)
    seconds: float = 0.0
    disagreements: list[Disagreement] = field(default_factory=list)
    mentions: list[DocumentMention] = field(default_factory=list)  # with build(mentions=True)
    #: version key of the open-vocabulary lexicon the build recognised with (None: none)
    lexicon: str | None = None

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
        lines.append(f"triples: {len(self.graph)}")
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


def analyse_document(doc: Document, recogniser: Recogniser) -> list[Analysed]:
    """Segment a document and recognise the mentions of each sentence (a registry record:
    only its free-text fields), with the abbreviations the document defines."""
    sentences = record_sentences(doc) if is_record(doc) else segment(doc)
    sentences, cut = split_long_sentences(sentences)
    if cut:
        warnings.warn(f"{doc.origin}: {cut} sentence(s) longer than {MAX_SENTENCE_CHARS} "
                      "characters were analysed in pieces (claims spanning a cut are not "
                      "found)", InputWarning, stacklevel=2)
    return analyse_sentences(doc, sentences, recogniser)


def register(registry: dict[str, Entity], entity: Entity) -> None:
    """Add ``entity`` to the registry; two records of one id are merged the same way in any
    order (labels, synonyms, xrefs, attributes), so whichever document introduced an entity,
    it gets the same IRI and the same description."""
    old = registry.get(entity.id)
    if old is None or old == entity:
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
    (:func:`exokg.annotate.mentions.mentions_of`)."""
    analysed = analyse_document(doc, recogniser)
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
    """Raw (unassembled) statements of the documents, the entity registry and sentence count.

    Documents stream through extraction (in ``workers`` processes, or on the dask cluster
    at ``dask``: :mod:`exokg.parallel`); results are merged in input order, so the output
    does not depend on the number of workers. Per document only its statements and entities
    are kept (never its analysed sentences), and its mentions when a ``mentions`` list is
    given (then extraction runs in this process)."""
    from exokg.parallel import extract_documents

    statements: list[Statement] = []
    registry: dict[str, Entity] = {}
    sentences = 0
    results = extract_documents(documents, recogniser, workers=workers, dask=dask,
                                mentions=mentions)
    for i, (doc, (found, entities, count)) in enumerate(results, start=1):
        sentences += count
        for entity in entities.values():
            register(registry, entity)
        statements.extend(found)
        if on_document:
            on_document(doc, found, entities, count)
        if progress:
            progress(i, max(total, i), doc.id)
    for entity in recogniser.vocabulary.entities.values():
        register(registry, entity)
    return statements, registry, sentences


def build(paths: Sequence[str | Path] | None = None, *, recogniser: Recogniser | None = None,
          progress: Progress | None = None, on_document: DocumentHook | None = None,
          mentions: bool = False, workers: int = 1, dask: str | None = None) -> BuildResult:
    """Build the knowledge graph of the given inputs (default: the bundled corpus).

    Documents stream through extraction (see :func:`stream_documents`), in ``workers``
    processes or on the dask.distributed cluster at ``dask`` (:mod:`exokg.parallel`); the
    result is the same for any number of workers. ``on_document`` sees each document's raw
    statements, in input order (used by the incremental cache). With ``mentions`` every
    recognised mention becomes an ``exo:Mention`` node linked to its entity and an
    ``exo:Sentence`` node (see docs/annotate.md); mentions are collected in this process."""
    started = time.perf_counter()
    total = count_input_documents(paths) if progress else 0
    recogniser = recogniser or Recogniser.default()
    documents: list[Document] = []

    def keep(docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            documents.append(doc)
            yield doc

    found: list[DocumentMention] | None = [] if mentions else None
    raw, registry, sentences = extract_statements(keep(stream_documents(paths)), recogniser,
                                                  progress, total, on_document,
                                                  workers=workers, dask=dask, mentions=found)
    result = assemble_result(documents, raw, registry, sentences, started, found or [])
    result.lexicon = recogniser.lexicon_version
    return result


def assemble_result(documents: list[Document], raw: Iterable[Statement],
                    registry: dict[str, Entity], sentences: int,
                    started: float | None = None,
                    mentions: Sequence[DocumentMention] = ()) -> BuildResult:
    """Assemble raw statements and build the graph (the cheap, global part of a build)."""
    started = time.perf_counter() if started is None else started
    statements = assemble(raw)
    conflicts = contradictions(statements)
    disagreeing = disagreements(statements)
    graph = build_graph(documents, statements, registry, conflicts, disagreeing, mentions)
    return BuildResult(documents, sentences, statements, registry, graph, conflicts,
                       time.perf_counter() - started, disagreeing, list(mentions))
