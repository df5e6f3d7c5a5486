"""The orchestrator: documents -> sentences -> mentions -> statements -> graph.

``build()`` is the one place the stages are wired together; the CLI and the notebook API call
it and hold no pipeline logic of their own.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from exokg.assemble import assemble, contradictions
from exokg.corpus.readers import iter_input_files, read_bundled_corpus, read_documents
from exokg.errors import InputError
from exokg.extract import extract_document
from exokg.graph.rdf import build_graph
from exokg.model import Analysed, Document, Entity, Statement, Value
from exokg.recognise import Recogniser
from exokg.text.segment import segment

Progress = Callable[[int, int, str], None]


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
                 f"entities: {len(used)}"]
        lines += [f"  {cls}: {n}" for cls, n in sorted(by_class.items())]
        lines.append(f"statements: {len(self.statements)} (evidence sentences: {evidence})")
        lines += [f"  {pred}: {n}" for pred, n in sorted(by_pred.items())]
        lines.append(f"triples: {len(self.graph)}")
        return "\n".join(lines)


def load_documents(paths: Sequence[str | Path] | None = None) -> list[Document]:
    """Documents of the given files/folders, or of the bundled corpus when none are given.

    Raises :class:`InputError` for bad input and for two documents with the same id.
    """
    if not paths:
        documents = read_bundled_corpus()
    else:
        documents = []
        for path in iter_input_files(paths):
            documents.extend(read_documents(path))
    seen: dict[str, str] = {}
    for doc in documents:
        if doc.id in seen:
            raise InputError(doc.origin, f"document id {doc.id!r} is also used by {seen[doc.id]}")
        seen[doc.id] = doc.origin
    return documents


def analyse_document(doc: Document, recogniser: Recogniser) -> list[Analysed]:
    """Segment a document and recognise the mentions of each sentence."""
    return [recogniser.analyse(doc, s) for s in segment(doc)]


def extract_statements(documents: Iterable[Document], recogniser: Recogniser,
                       progress: Progress | None = None, total: int = 0
                       ) -> tuple[list[Statement], dict[str, Entity], int]:
    """Raw (unassembled) statements of the documents, the entity registry and sentence count."""
    statements: list[Statement] = []
    registry: dict[str, Entity] = {}
    sentences = 0
    for i, doc in enumerate(documents, start=1):
        analysed = analyse_document(doc, recogniser)
        sentences += len(analysed)
        for a in analysed:
            for m in a.mentions + a.parts:
                registry.setdefault(m.entity.id, m.entity)
        found = extract_document(analysed)
        for s in found:
            registry.setdefault(s.subject.id, s.subject)
            if not isinstance(s.object, Value):
                registry.setdefault(s.object.id, s.object)
        statements.extend(found)
        if progress:
            progress(i, total, doc.id)
    for entity in recogniser.vocabulary.entities.values():
        registry.setdefault(entity.id, entity)
    return statements, registry, sentences


def build(paths: Sequence[str | Path] | None = None, *, recogniser: Recogniser | None = None,
          progress: Progress | None = None) -> BuildResult:
    """Build the knowledge graph of the given inputs (default: the bundled corpus)."""
    started = time.perf_counter()
    documents = load_documents(paths)
    recogniser = recogniser or Recogniser.default()
    raw, registry, sentences = extract_statements(documents, recogniser, progress,
                                                  len(documents))
    statements = assemble(raw)
    conflicts = contradictions(statements)
    graph = build_graph(documents, statements, registry, conflicts)
    return BuildResult(documents, sentences, statements, registry, graph, conflicts,
                       time.perf_counter() - started)
