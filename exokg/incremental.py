"""Incremental updates: add documents to a built graph, replace them, take them out.

What is incremental, and what is not:

* Every build keeps a **per-document cache** in the embedded store's generation
  (``STORE/current/documents/``: ``manifest.json`` and one JSON file per document holding the
  document, its raw, unassembled statements, the entities it introduced and its sentence
  count).
* ``exokg add PATH ...`` reads, segments, recognises and extracts **only the new files**.
  A document whose id is already in the graph is replaced (its old statements go), so adding
  the same file twice gives the same graph as adding it once.
* ``exokg remove DOC ...`` drops documents (by id, or every document read from a file).
* Assembly (merging claims, contradictions, disagreements), the RDF graph, the exports and
  the store are then **rebuilt from the cache** of all documents: they are global (one new
  sentence can add evidence to a claim first made elsewhere) and cheap next to extraction.
  The graph equals the one a full build over the same documents makes: IRIs are
  deterministic and entities are merged order-independently
  (:func:`exokg.pipeline.register`).
* The cache stores raw statements, not text analysis; a change to the extraction rules or
  the vocabulary is not applied to cached documents: run ``exokg build`` again for that. The
  manifest records the exokg version that wrote each entry.

The cache is part of the store generation (:mod:`exokg.graph.store`): it is written with the
store and the exports and switched in with them in one step, so a failed or killed ``add``
leaves the previous graph and cache untouched. ``add`` and ``remove`` hold the store's lock
from reading the cache to publishing, so concurrent updates queue instead of losing one.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from exokg.errors import ExokgError, InputError
from exokg.model import Citation, Context, Document, Entity, Evidence, RecordField, Statement, \
    Value

FORMAT = 1
MANIFEST = "manifest.json"


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("exokg")
    except PackageNotFoundError:
        return "unknown"


class CacheError(ExokgError):
    """The per-document cache is missing or unreadable."""


def cache_path(store: Path) -> Path:
    """Where the per-document cache of a store lives: ``documents/`` in its current
    generation (``STORE.documents`` beside a store written before generations)."""
    from exokg.graph.store import generation_path

    store = Path(store)
    generation = generation_path(store)
    if generation is not None:
        return generation / "documents"
    return store.with_name(store.name + ".documents")


# -- (de)serialisation -------------------------------------------------------------------------


def _tuples(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_tuples(v) for v in value)
    return value


def entity_to_json(e: Entity) -> dict:
    return asdict(e)


def entity_from_json(d: dict) -> Entity:
    return Entity(d["id"], d["label"], d["category"], synonyms=_tuples(d["synonyms"]),
                  xrefs=_tuples(d["xrefs"]), attributes=_tuples(d["attributes"]),
                  description=d.get("description"))


def statement_to_json(s: Statement) -> dict:
    obj = {"value": asdict(s.object)} if isinstance(s.object, Value) else \
        {"entity": entity_to_json(s.object)}
    return {"subject": entity_to_json(s.subject), "predicate": s.predicate, "object": obj,
            "direction": s.direction, "aspect": s.aspect, "negated": s.negated,
            "hedged": s.hedged, "status": s.status, "context": asdict(s.context),
            "evidence": [asdict(e) for e in s.evidence]}


def statement_from_json(d: dict) -> Statement:
    o = d["object"]
    obj: Entity | Value = Value(**o["value"]) if "value" in o else entity_from_json(o["entity"])
    return Statement(
        subject=entity_from_json(d["subject"]), predicate=d["predicate"], object=obj,
        direction=d["direction"], aspect=d["aspect"], negated=d["negated"], hedged=d["hedged"],
        status=d.get("status", "finding"),
        context=Context(**{k: _tuples(v) for k, v in d["context"].items()}),
        evidence=tuple(Evidence(**{k: _tuples(v) for k, v in e.items()})
                       for e in d["evidence"]))


def document_to_json(doc: Document) -> dict:
    return asdict(doc)


def document_from_json(d: dict) -> Document:
    source = d.get("source")
    citation = Citation(**{k: _tuples(v) for k, v in source.items()}) if source else None
    fields = tuple(RecordField(f["name"], f["value"], f["start"], f["end"],
                               _tuples(f.get("attrs", []))) for f in d.get("fields", []))
    return Document(d["id"], d["text"], d["origin"], title=d.get("title"), source=citation,
                    start=d.get("start", 0), kind=d.get("kind", "text"), fields=fields)


# -- the cache ---------------------------------------------------------------------------------


class DocumentCache:
    """The per-document cache of one graph: read it, change it in memory, commit it."""

    def __init__(self, path: Path | None = None, entries: dict[str, dict] | None = None,
                 *, spool: Path | None = None) -> None:
        # path: the cache folder entries not changed in memory are read from (None for a
        # new cache whose every entry is put in memory)
        # spool: a new cache whose entries are written to this folder as they are put, so
        # that a build's memory does not grow with its documents (then path is spool)
        if spool is not None:
            path = Path(spool)
            (path / "documents").mkdir(parents=True, exist_ok=True)
        self.path = Path(path) if path is not None else Path("<new cache>")
        self._spool = spool is not None
        self.entries: dict[str, dict] = dict(entries or {})  # doc id -> manifest entry
        self._pending: dict[str, dict] = {}  # doc id -> full record to write

    @classmethod
    def open(cls, path: Path) -> DocumentCache:
        manifest = Path(path) / MANIFEST
        if not manifest.exists():
            raise CacheError(f"no document cache at {path}: run 'exokg build' (with the same "
                             "--out/--store) first")
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CacheError(f"unreadable document cache manifest {manifest}: {exc}") from None
        if data.get("format") != FORMAT:
            raise CacheError(f"document cache {path} has format {data.get('format')!r}; "
                             f"expected {FORMAT}: run 'exokg build' again")
        return cls(path, data["documents"])

    def put(self, doc: Document, statements: Sequence[Statement],
            entities: dict[str, Entity], sentences: int) -> None:
        """Add or replace one document's record."""
        record = {"document": document_to_json(doc),
                  "statements": [statement_to_json(s) for s in statements],
                  "entities": [entity_to_json(e) for _, e in sorted(entities.items())],
                  "sentences": sentences}
        self.entries[doc.id] = {"origin": doc.origin, "file": _file_name(doc.id),
                                "exokg": _version()}
        if self._spool:
            (self.path / "documents" / _file_name(doc.id)).write_text(
                json.dumps(record, ensure_ascii=False), encoding="utf-8")
            self._pending.pop(doc.id, None)
        else:
            self._pending[doc.id] = record

    def remove(self, doc_id: str) -> None:
        self.entries.pop(doc_id, None)
        self._pending.pop(doc_id, None)

    def matching(self, selector: str) -> list[str]:
        """Ids of the documents a selector names: a document id, or a file they came from."""
        if selector in self.entries:
            return [selector]
        target = _resolved(selector)
        return sorted(doc_id for doc_id, entry in self.entries.items()
                      if _resolved(_file_part(entry["origin"])) == target)

    def records(self) -> Iterable[dict]:
        """Every document record (pending ones from memory, the others from disk), in id
        order."""
        for doc_id in sorted(self.entries):
            if doc_id in self._pending:
                yield self._pending[doc_id]
                continue
            file = self.path / "documents" / self.entries[doc_id]["file"]
            try:
                yield json.loads(file.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise CacheError(f"unreadable cache entry {file}: {exc}") from None

    def write_to(self, folder: Path) -> None:
        """Write the whole cache (manifest and one file per document) into the empty folder
        ``folder`` (a new store generation's ``documents/``); entries not changed in memory
        are copied from :attr:`path`."""
        from exokg.faults import fault_point

        folder = Path(folder)
        (folder / "documents").mkdir(parents=True, exist_ok=True)
        for doc_id, entry in self.entries.items():
            target = folder / "documents" / entry["file"]
            fault_point("cache-file")
            if doc_id in self._pending:
                target.write_text(json.dumps(self._pending[doc_id], ensure_ascii=False),
                                  encoding="utf-8")
            else:
                source = self.path / "documents" / entry["file"]
                try:
                    os.link(source, target)  # neither copy is written again
                except OSError:
                    shutil.copyfile(source, target)
        (folder / MANIFEST).write_text(json.dumps(
            {"format": FORMAT, "documents": dict(sorted(self.entries.items()))},
            indent=1, ensure_ascii=False), encoding="utf-8")


def _file_name(doc_id: str) -> str:
    return f"{doc_id}.json"  # ids are slug characters only (readers check them)


def _file_part(origin: str) -> str:
    head, sep, tail = origin.rpartition(":")
    return head if sep and tail.isdigit() else origin


def _resolved(path: str) -> str:
    try:
        return str(Path(path).resolve())
    except OSError:
        return path


# -- operations --------------------------------------------------------------------------------


def rebuild_from_cache(cache: DocumentCache, recogniser: Any = None,
                       workdir: Path | None = None):  # -> BuildResult
    """Assemble the graph of every cached document (no document is read or analysed).

    Records stream from the cache into an on-disk claim table (as :func:`exokg.pipeline.build`
    does; in a new folder in ``workdir``, default the system's temporary folder)."""
    from exokg.claimstore import ClaimStore, work_folder
    from exokg.pipeline import BuildResult, assemble_claims, register
    from exokg.recognise import Recogniser

    started = time.perf_counter()
    claims = ClaimStore(work_folder(workdir), own=True)
    registry: dict[str, Entity] = {}
    sentences = 0
    for record in cache.records():
        claims.add_document(document_from_json(record["document"]),
                            [statement_from_json(s) for s in record["statements"]])
        for e in record["entities"]:
            register(registry, entity_from_json(e))
        sentences += record["sentences"]
    recogniser = recogniser or Recogniser.default()
    for entity in recogniser.vocabulary.entities.values():
        register(registry, entity)
    result: BuildResult = assemble_claims(claims, registry, sentences, started)
    return result


def add_documents(paths: Sequence[str | Path], cache: DocumentCache, *, progress: Any = None
                  ) -> tuple[list[str], list[str]]:
    """Read and extract the documents of ``paths`` into ``cache`` (in memory).

    Returns (added ids, replaced ids). Raises :class:`InputError` for bad input or two new
    documents with the same id."""
    from exokg.pipeline import count_input_documents, document_statements, stream_documents
    from exokg.recognise import Recogniser

    if not paths:
        raise InputError(None, "nothing to add: give files or folders")
    recogniser = Recogniser.default()
    total = count_input_documents(paths) if progress else 0
    added, replaced = [], []
    for i, doc in enumerate(stream_documents(paths), start=1):
        if doc.id in cache.entries:
            replaced.append(doc.id)
        else:
            added.append(doc.id)
        statements, entities, count = document_statements(doc, recogniser)
        cache.put(doc, statements, entities, count)
        if progress:
            progress(i, max(total, i), doc.id)
    return added, replaced


def remove_documents(selectors: Sequence[str], cache: DocumentCache) -> list[str]:
    """Drop the documents the selectors name (ids or source files); returns their ids.

    Raises :class:`InputError` for a selector that names no document in the graph."""
    removed: list[str] = []
    for selector in selectors:
        ids = cache.matching(selector)
        if not ids:
            raise InputError(selector, "no document with this id or source file in the graph "
                             f"({len(cache.entries)} documents)")
        for doc_id in ids:
            cache.remove(doc_id)
            removed.append(doc_id)
    return removed
