"""The build's on-disk claim table: documents, raw statements and the assembled graph
content of one build, in a SQLite file, so that a build's memory does not grow with its
corpus.

A build writes each document and its raw (unassembled) statements here as extraction
delivers them (:meth:`ClaimStore.add_document`), then :meth:`ClaimStore.assemble` merges
them with the semantics of :mod:`exokg.assemble`, reading the raw statements sorted by
subject, predicate and object: only the statements of one (subject, predicate, object)
window are in memory at a time (and, for the single-valued attributes of
:data:`~exokg.assemble.SINGLE_VALUED`, those of one (subject, predicate)). The result is
the same as :func:`exokg.assemble.assemble`, :func:`~exokg.assemble.contradictions` and
:func:`~exokg.assemble.disagreements` over all statements at once, in the same order:

* statements with one claim key merge (the first by input order gives the fields the key
  does not cover), evidence is pooled and sorted; statements come out sorted by subject
  id, predicate, object id and claim key (SQLite compares text by UTF-8 bytes, which is
  code point order, as Python does);
* contradictions only pair statements of one (subject, predicate, object), and
  disagreements only statements of one (subject, predicate): each window holds all of them.

Rows are pickled dataclasses: the file is a private scratch file of one build (in the
build's work folder, removed with it), never shared or read by another exokg version.
"""

from __future__ import annotations

import os
import pickle
import shutil
import sqlite3
import tempfile
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from exokg.assemble import SINGLE_VALUED, Disagreement, assemble, contradictions, disagreements
from exokg.model import Document, Statement

__all__ = ["ClaimStore", "RawRow", "StoredRows", "raw_rows", "work_folder"]

T = TypeVar("T")
_BATCH = 2000
_SCHEMA = """
CREATE TABLE documents (seq INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE raw (seq INTEGER PRIMARY KEY, subject TEXT NOT NULL, predicate TEXT NOT NULL,
                  object TEXT NOT NULL, claim TEXT NOT NULL, data BLOB NOT NULL);
CREATE TABLE statements (seq INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE contradictions (seq INTEGER PRIMARY KEY, a INTEGER NOT NULL, b INTEGER NOT NULL);
CREATE TABLE disagreements (seq INTEGER PRIMARY KEY, data BLOB NOT NULL);
"""
_PREFIX = "exokg-build-"


#: A raw statement as the claim table stores it: subject id, predicate, object id, claim key
#: (as text) and the pickled statement.
RawRow = tuple[str, str, str, str, bytes]


def _dump(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def raw_rows(statements: Iterable[Statement]) -> list[RawRow]:
    """The claim table's rows of raw statements (:meth:`ClaimStore.add_rows`), in order."""
    return [(s.subject.id, s.predicate, s.object.id, str(s.key()), _dump(s))
            for s in statements]


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def work_folder(parent: Path | None = None) -> Path:
    """A new, private work folder for one build: ``exokg-build-{pid}-XXXX`` in ``parent``
    (default: the system's temporary folder, ``$TMPDIR``). Work folders left in ``parent``
    by builds whose process no longer runs (killed) are removed first.

    Raises OSError when ``parent`` cannot be written."""
    if parent is not None:
        parent = Path(parent)
        parent.mkdir(parents=True, exist_ok=True)
        for entry in parent.iterdir():
            if not entry.name.startswith(_PREFIX):
                continue
            pid = entry.name[len(_PREFIX):].split("-", 1)[0]
            if pid.isdigit() and int(pid) != os.getpid() and not _pid_alive(int(pid)):
                shutil.rmtree(entry, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-", dir=parent))


def _close(connection: sqlite3.Connection, folder: Path | None) -> None:
    connection.close()
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


class StoredRows(Sequence[T], Generic[T]):
    """A read-only sequence over one table of a :class:`ClaimStore`, read from disk each
    time it is iterated (rows in table order). Indexing reads one row; ``len`` counts."""

    def __init__(self, store: ClaimStore, table: str,
                 convert: Callable[[tuple[Any, ...]], T] | None = None,
                 select: str | None = None) -> None:
        self._store = store
        self._table = table
        self._select = select or f"SELECT data FROM {table}"
        self._convert = convert or (lambda row: pickle.loads(row[0]))
        self._len: int | None = None

    def __len__(self) -> int:
        if self._len is None or not self._store.frozen:
            count = self._store.connection.execute(f"SELECT count(*) FROM {self._table}")
            self._len = int(count.fetchone()[0])
        return self._len

    def __iter__(self) -> Iterator[T]:
        cursor = self._store.connection.execute(f"{self._select} ORDER BY {self._table}.seq")
        while rows := cursor.fetchmany(_BATCH):
            for row in rows:
                yield self._convert(row)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError(f"{self._table} index out of range")
        row = self._store.connection.execute(
            f"{self._select} ORDER BY {self._table}.seq LIMIT 1 OFFSET ?", (index,)).fetchone()
        return self._convert(row)

    def __bool__(self) -> bool:
        return len(self) > 0

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (list, tuple, StoredRows)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    def __repr__(self) -> str:
        return f"<{len(self)} {self._table} on disk>"


class ClaimStore:
    """One build's SQLite claim table (see the module docstring); use as a context manager
    or let it be garbage-collected: either removes its folder.

    Args:
        folder: the work folder to hold ``claims.sqlite`` (made by :func:`work_folder` when
            None; a folder given here is removed with the store only when ``own``).
        own: remove ``folder`` when the store is closed.
    """

    def __init__(self, folder: Path | None = None, *, own: bool | None = None) -> None:
        made = folder is None
        self.folder = work_folder() if folder is None else Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / "claims.sqlite"
        self.connection = sqlite3.connect(self.path, check_same_thread=False,
                                          isolation_level=None)
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "temp_store=FILE",
                       "cache_size=-32768"):  # 32 MB page cache; sorts spill to files
            self.connection.execute(f"PRAGMA {pragma}")
        self.connection.executescript(_SCHEMA)
        self.connection.execute("BEGIN")
        self.frozen = False
        self._raw = 0
        self._finalizer = weakref.finalize(self, _close, self.connection,
                                           self.folder if (made if own is None else own)
                                           else None)

    def close(self) -> None:
        """Close the database and remove the work folder (when owned)."""
        self._finalizer()

    def shrink_memory(self) -> None:
        """Free the connection's page cache (up to 32 MB; SQLite fills it again on the next
        read): a large build's process only waits while the phases after loading run
        (:mod:`exokg.postload`), and their workers get the memory instead. Nothing once
        closed."""
        if self._finalizer.alive:
            self.connection.execute("PRAGMA shrink_memory")

    def __enter__(self) -> ClaimStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------------------

    def add_document(self, doc: Document | None, statements: Iterable[Statement]) -> None:
        """Record one document (None: statements without a document of their own) and its
        raw statements, in input order."""
        self.add_rows(doc, raw_rows(statements))

    def add_rows(self, doc: Document | None, rows: Sequence[RawRow]) -> None:
        """Record one document and its raw statements as :func:`raw_rows` gave them (an
        extraction worker makes the rows, so this process need not unpickle the statements
        to pickle them again)."""
        if self.frozen:
            raise RuntimeError("the claim store is already assembled")
        if doc is not None:
            self.connection.execute("INSERT INTO documents (data) VALUES (?)", (_dump(doc),))
        self._raw += len(rows)
        self.connection.executemany(
            "INSERT INTO raw (subject, predicate, object, claim, data) VALUES (?, ?, ?, ?, ?)",
            rows)

    @property
    def raw_count(self) -> int:
        """How many raw statements were added."""
        return self._raw

    def assemble(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Merge the raw statements (see the module docstring); returns the number of
        assembled statements. ``progress(done, total)`` is called with raw statements read.
        The raw table is emptied afterwards; the store takes no more documents."""
        if self.frozen:
            raise RuntimeError("the claim store is already assembled")
        db = self.connection
        db.execute("CREATE INDEX raw_order ON raw (subject, predicate, object, claim, seq)")
        cursor = db.execute("SELECT subject, predicate, object, data FROM raw "
                            "ORDER BY subject, predicate, object, claim, seq")
        total, done, written = self._raw, 0, 0
        window: list[Statement] = []
        window_key: tuple[str, str, str] | None = None
        single: list[Statement] = []  # single-valued statements of one (subject, predicate)
        single_key: tuple[str, str] | None = None

        def flush_single() -> None:
            if not single:
                return
            for d in disagreements(single):
                db.execute("INSERT INTO disagreements (data) VALUES (?)", (_dump(d),))
            single.clear()

        def flush_window() -> None:
            nonlocal written
            merged = assemble(window)
            window.clear()
            first = written + 1
            db.executemany("INSERT INTO statements (seq, data) VALUES (?, ?)",
                           [(first + i, _dump(s)) for i, s in enumerate(merged)])
            written += len(merged)
            seq_of = {id(s): first + i for i, s in enumerate(merged)}
            db.executemany("INSERT INTO contradictions (a, b) VALUES (?, ?)",
                           [(seq_of[id(a)], seq_of[id(b)]) for a, b in contradictions(merged)])
            single.extend(s for s in merged if s.predicate in SINGLE_VALUED)

        while rows := cursor.fetchmany(_BATCH):
            for subject, predicate, obj, data in rows:
                key = (subject, predicate, obj)
                if key != window_key:
                    if window:
                        flush_window()
                    if (subject, predicate) != single_key:
                        flush_single()
                        single_key = (subject, predicate)
                    window_key = key
                window.append(pickle.loads(data))
            done += len(rows)
            if progress is not None:
                progress(done, total)
        if window:
            flush_window()
        flush_single()
        db.execute("DELETE FROM raw")
        db.execute("DROP INDEX raw_order")
        db.execute("COMMIT")
        self.frozen = True
        if progress is not None and total == 0:
            progress(0, 0)
        return written

    # -- reading ----------------------------------------------------------------------------

    def documents(self) -> StoredRows[Document]:
        """The documents, in input order."""
        return StoredRows(self, "documents")

    def statements(self) -> StoredRows[Statement]:
        """The assembled statements, in :func:`exokg.assemble.assemble` order."""
        return StoredRows(self, "statements")

    def contradictions(self) -> StoredRows[tuple[Statement, Statement]]:
        """Pairs of assembled statements that contradict each other."""
        return StoredRows(
            self, "contradictions",
            convert=lambda row: (pickle.loads(row[0]), pickle.loads(row[1])),
            select="SELECT a.data, b.data FROM contradictions "
                   "JOIN statements AS a ON a.seq = contradictions.a "
                   "JOIN statements AS b ON b.seq = contradictions.b")

    def disagreements(self) -> StoredRows[Disagreement]:
        """The disagreements, sorted by subject and attribute."""
        return StoredRows(self, "disagreements")
