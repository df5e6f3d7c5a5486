"""The embedded store: generations of the built graph behind one folder users name.

The store folder (default ``.exokg/store`` beside the output folder, or ``--store``) is
laid out as::

    STORE/
      exokg-store.json        marker: exokg made this folder (nothing else is ever replaced)
      lock                    held (flock) by the one process writing a new generation
      outs.json               exports folders published from this store (for clean-up)
      current -> generations/g000007
      generations/
        g000006/              the previous generation (kept for readers still on it)
        g000007/
          oxigraph/           the Oxigraph database (data + the ontology named graph)
          documents/          the per-document cache of exokg add/remove
          exports/            the exports of this generation (when a build published them)
          view.sqlite         the NetworkX view of the graph (exokg.graph.viewdb)
          answers.sqlite      rows of the entity-keyed named queries (exokg.query.answers)
          kept-answers.sqlite rows of the named queries kept whole (exokg.query.answers)
          generation.json     id, documents, triples, where the exports were published
        .tmp-XXXX/            a generation being written (removed by the next writer)

A build is one transaction (:meth:`StoreWriter.commit`): everything is written into a fresh
generation folder, then the ``current`` symlink is switched by one atomic rename. A crash at
any moment leaves ``current`` on the old or on the new complete generation; leftovers are
removed by the next writer. The exports folder is published after the switch by an atomic
directory exchange (:mod:`exokg.export.publish`); if the process dies in between, the next
writer finishes the publication (roll forward).

Readers call :func:`database_path` (or :func:`open_store`) and get the Oxigraph folder of
the current generation. A plain Oxigraph folder (stores written before generations) is still
read as it is, and replaced by a generation store the next time exokg writes it.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph

from exokg.errors import ExokgError
from exokg.faults import fault_point

__all__ = ["MARKER", "StoreError", "StoreWriter", "check_store_folder", "database_path",
           "default_store_path",
           "generation_path", "is_store", "open_store", "write_store"]

MARKER = "exokg-store.json"
FORMAT = 2
#: Generations kept besides the current one (readers may still have them open).
KEEP_PREVIOUS = 1
#: Seconds a writer waits for another writer of the same store before giving up.
LOCK_WAIT = 600.0
_GENERATION = re.compile(r"g(\d{6,})")
# Files a RocksDB/Oxigraph database folder holds (a store written before generations).
_ROCKSDB_FILE = re.compile(r"CURRENT|IDENTITY|LOCK|LOG(\.old\.\d+)?|MANIFEST-\d+|"
                           r"OPTIONS-\d+(\.dbtmp)?|\d+\.(sst|log|blob)")


class StoreError(ExokgError):
    """A store folder cannot be used: not exokg's, locked by another writer, unreadable."""


def default_store_path(out: Path) -> Path:
    """Where the store lives when not given: ``.exokg/store`` beside the output folder."""
    return Path(out).resolve().parent / ".exokg" / "store"


# -- reading -----------------------------------------------------------------------------------


def _is_marked(path: Path) -> bool:
    return (path / MARKER).is_file()


def _is_plain_database(path: Path) -> bool:
    """A bare Oxigraph folder (stores written before generations)."""
    try:
        names = os.listdir(path)
    except OSError:
        return False
    return "CURRENT" in names and all(_ROCKSDB_FILE.fullmatch(n) for n in names)


def generation_path(store: Path) -> Path | None:
    """The current generation folder of a store (symlinks resolved), or None if it has none
    (a new or a plain store)."""
    link = Path(store) / "current"
    if not _is_marked(Path(store)) or not link.is_symlink():
        return None
    target = link.resolve()
    return target if (target / "oxigraph").is_dir() else None


def is_store(path: Path) -> bool:
    """Whether ``path`` is a readable exokg store (a generation store or a plain Oxigraph
    folder)."""
    path = Path(path)
    return generation_path(path) is not None or _is_plain_database(path)


def database_path(store: Path) -> Path:
    """The Oxigraph folder to open for the store the user named.

    Raises:
        StoreError: ``store`` is neither a generation store with a current generation nor a
            plain Oxigraph folder.
    """
    store = Path(store)
    generation = generation_path(store)
    if generation is not None:
        return generation / "oxigraph"
    if _is_plain_database(store):
        return store
    if _is_marked(store):
        raise StoreError(f"{store}: the store has no complete generation yet: run "
                         "'exokg build'")
    raise StoreError(f"{store}: not an exokg store")


def open_store(path: Path, read_only: bool = True) -> pyoxigraph.Store:
    """Open the current generation of a store (read-only by default).

    Raises:
        StoreError: not a store (see :func:`database_path`).
    """
    db = database_path(path)
    if read_only:
        return pyoxigraph.Store.read_only(str(db))
    return pyoxigraph.Store(str(db))


def generation_info(store: Path) -> dict[str, Any]:
    """The ``generation.json`` of the current generation ({} when there is none)."""
    generation = generation_path(Path(store))
    if generation is None:
        return {}
    try:
        return dict(json.loads((generation / "generation.json").read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


# -- writing -----------------------------------------------------------------------------------


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_file(path: Path, data: bytes) -> None:
    fault_point("store-file")
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _generation_number(name: str) -> int | None:
    match = _GENERATION.fullmatch(name)
    return int(match.group(1)) if match else None


def check_store_folder(path: Path) -> None:
    """Check, without changing anything, that exokg may write a store at ``path``.

    Raises:
        StoreError: ``path`` is a file, or a non-empty folder exokg did not make.
    """
    path = Path(path)
    if path.is_symlink() or (path.exists() and not path.is_dir()):
        raise StoreError(f"{path}: not a folder; --store must name a folder exokg manages "
                         "(new, empty, or made by exokg)")
    if not path.is_dir() or _is_marked(path) or _is_plain_database(path):
        return
    try:
        names = sorted(os.listdir(path))
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the store folder: {exc.strerror}") from None
    if names:
        shown = ", ".join(names[:3]) + (", ..." if len(names) > 3 else "")
        raise StoreError(f"{path}: not an exokg store (it holds {shown}); exokg replaces "
                         "only stores it made: give a new or empty folder")


class StoreWriter:
    """Exclusive write access to one store folder; use as a context manager.

    Entering creates the store (or adopts an empty folder, or converts a plain Oxigraph
    folder into generation 0), takes the lock (waiting up to ``wait`` seconds for another
    writer, with a message on stderr) and removes what an interrupted writer left behind.

    Raises:
        StoreError: the folder is not exokg's (a file, or a folder with other content), or
            another writer holds the lock for longer than ``wait``.
    """

    def __init__(self, path: Path, *, wait: float = LOCK_WAIT) -> None:
        self.path = Path(path).absolute()
        self.wait = wait
        self._lock_fd: int | None = None

    # lifecycle

    def __enter__(self) -> StoreWriter:
        self._prepare()
        self._lock()
        try:
            self._clean_leftovers()
        except BaseException:
            self._unlock()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self._unlock()

    def _prepare(self) -> None:
        path = self.path
        migrating = path.with_name(f".{path.name}.exokg-migrate")
        if not path.exists() and not path.is_symlink() and (migrating / MARKER).is_file():
            migrating.rename(path)  # an interrupted conversion: finish it
        check_store_folder(path)
        if path.is_dir() and _is_marked(path):
            return
        if path.is_dir() and _is_plain_database(path):
            self._convert_plain(path, migrating)
            return
        try:
            path.mkdir(parents=True, exist_ok=True)
            self._mark(path)
        except OSError as exc:
            raise StoreError(f"{path}: cannot create the store: {exc.strerror}") from None

    @staticmethod
    def _mark(folder: Path) -> None:
        fault_point("store-marker")
        tmp = folder / f".{MARKER}.tmp"
        _write_file(tmp, json.dumps({"exokg": "store", "format": FORMAT}).encode() + b"\n")
        os.replace(tmp, folder / MARKER)
        (folder / "generations").mkdir(exist_ok=True)

    def _convert_plain(self, path: Path, migrating: Path) -> None:
        """Move a plain Oxigraph folder into generation 0 of a new generation store."""
        shutil.rmtree(migrating, ignore_errors=True)
        (migrating / "generations" / "g000000").mkdir(parents=True)
        (migrating / "generations" / "g000000" / "generation.json").write_text(
            json.dumps({"id": "g000000", "converted": True}), encoding="utf-8")
        os.symlink(Path("generations") / "g000000", migrating / "current")
        self._mark(migrating)
        path.rename(migrating / "generations" / "g000000" / "oxigraph")
        old_cache = path.with_name(path.name + ".documents")  # the cache lived beside it
        if (old_cache / "manifest.json").is_file():
            old_cache.rename(migrating / "generations" / "g000000" / "documents")
        fault_point("store-convert")
        migrating.rename(path)

    def _lock(self) -> None:
        try:
            fd = os.open(self.path / "lock", os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot lock the store: {exc.strerror}") from None
        deadline = time.monotonic() + self.wait
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    os.close(fd)
                    raise StoreError(f"{self.path}: cannot lock the store: {exc.strerror}"
                                     ) from None
            if time.monotonic() >= deadline:
                os.close(fd)
                raise StoreError(f"{self.path}: another exokg process is writing this store "
                                 f"(waited {self.wait:g} s); try again when it has finished")
            if not told:
                print(f"exokg: waiting for another exokg process writing {self.path}",
                      file=sys.stderr)
                told = True
            time.sleep(0.05)
        self._lock_fd = fd

    def _unlock(self) -> None:
        fd, self._lock_fd = self._lock_fd, None
        if fd is not None:
            os.close(fd)  # closing releases the flock

    def _clean_leftovers(self) -> None:
        generations = self.path / "generations"
        generations.mkdir(exist_ok=True)
        current = generation_path(self.path)
        for entry in generations.iterdir():
            if entry.name.startswith(".tmp-"):
                shutil.rmtree(entry, ignore_errors=True)
        for entry in self.path.iterdir():
            if entry.name.startswith(".current."):
                entry.unlink(missing_ok=True)
        from exokg.export.publish import finish_publication, remove_leftovers

        if current is not None and (current / "PUBLISH").is_file():
            finish_publication(current)
        else:
            for out in self._recorded_outs():
                remove_leftovers(out)  # a build that died before its commit

    def _recorded_outs(self) -> list[Path]:
        try:
            return [Path(p) for p in json.loads((self.path / "outs.json").read_text("utf-8"))]
        except (OSError, ValueError, TypeError):
            return []

    def record_out(self, out: Path) -> None:
        """Note that an exports folder is about to be staged beside ``out``, so a writer
        after a crash knows where to look for the staging folder."""
        outs = sorted({str(out), *map(str, self._recorded_outs())})
        tmp = self.path / ".outs.json.tmp"
        _write_file(tmp, json.dumps(outs).encode())
        os.replace(tmp, self.path / "outs.json")

    # state

    @property
    def current(self) -> Path | None:
        """The current generation folder, or None."""
        return generation_path(self.path)

    def info(self) -> dict[str, Any]:
        """The current generation's ``generation.json`` ({} when there is none)."""
        return generation_info(self.path)

    def cache_folder(self) -> Path | None:
        """The current generation's per-document cache folder (None when it has none)."""
        current = self.current
        if current is None or not (current / "documents").is_dir():
            return None
        return current / "documents"

    # the transaction

    def commit(self, turtle: bytes | None = None, *,
               fill: Callable[[pyoxigraph.Store, Path], dict[str, Any]] | None = None,
               exports: dict[str, bytes] | None = None,
               write_cache: Callable[[Path], None] | None = None,
               meta: dict[str, Any] | None = None,
               before_switch: Callable[[Path], None] | None = None,
               after_close: Callable[[Path, Path, list[str]], dict[str, Any]] | None = None
               ) -> Path:
        """Write a new generation and make it current; returns its folder.

        Args:
            turtle: the graph as Turtle, loaded into the generation's Oxigraph database
                (with the current ontology in its own named graph).
            fill: instead of (or besides) ``turtle``: called with the generation's open
                Oxigraph database and the generation folder; loads the graph (the store
                loader streams it, :mod:`exokg.graph.load`), may write files into the
                folder (``exports/``) and returns more fields for ``generation.json``.
                Anything it raises aborts the commit.
            exports: file name -> content, kept in the generation's ``exports/``.
            write_cache: called with the generation's ``documents/`` folder to write the
                per-document cache into.
            meta: more fields for ``generation.json``.
            before_switch: called with the complete generation folder just before the
                switch (the exports folder is staged here, so a full disk fails before
                anything is replaced).
            after_close: called once the database holds the graph and the ontology and
                is closed, with the database folder, the generation folder and the named
                graphs the query API reads (the ontology's): it writes the view file
                (instead of this method) and whatever else reads the finished database
                (the concurrent phases of :mod:`exokg.postload`); returns more fields for
                ``generation.json``. Anything it raises aborts the commit.

        Nothing visible changes unless everything was written: any exception removes the
        half-written generation and leaves the current one as it was.
        """
        generations = self.path / "generations"
        numbers = [n for n in (_generation_number(e.name) for e in generations.iterdir())
                   if n is not None]
        name = f"g{max(numbers, default=0) + 1:06d}"
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=generations))
        try:
            os.chmod(tmp, 0o777 & ~_umask())
            filled = self._write_database(tmp / "oxigraph", turtle, fill, tmp,
                                          after_close)
            if exports is not None:
                for file, data in exports.items():
                    target = tmp / "exports" / file
                    target.parent.mkdir(parents=True, exist_ok=True)
                    _write_file(target, data)
            if write_cache is not None:
                (tmp / "documents").mkdir()
                write_cache(tmp / "documents")
            info = {"id": name, "format": FORMAT, **(meta or {}), **filled}
            _write_file(tmp / "generation.json",
                        json.dumps(info, indent=1, sort_keys=True).encode() + b"\n")
            if before_switch is not None:
                before_switch(tmp)
            _fsync_dir(tmp)
            final = generations / name
            fault_point("generation-rename")
            tmp.rename(final)
            _fsync_dir(generations)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        self._switch(final)
        self._prune(final)
        return final

    def _write_database(self, folder: Path, turtle: bytes | None,
                        fill: Callable[[pyoxigraph.Store, Path], dict[str, Any]] | None,
                        generation: Path,
                        after_close: Callable[[Path, Path, list[str]], dict[str, Any]]
                        | None = None) -> dict[str, Any]:
        from exokg.query.stores import ontology_graph_name, ontology_text

        fault_point("store-load")
        store = pyoxigraph.Store(str(folder))
        filled: dict[str, Any] = {}
        try:
            if turtle is not None:
                store.bulk_load(turtle, format=pyoxigraph.RdfFormat.TURTLE)
            if fill is not None:
                filled = dict(fill(store, generation))
            ontology = ontology_text()
            graphs: list[Any] = [pyoxigraph.DefaultGraph()]
            if ontology is not None:
                name = pyoxigraph.NamedNode(ontology_graph_name(ontology))
                store.bulk_load(ontology, format=pyoxigraph.RdfFormat.TURTLE, to_graph=name)
                graphs.append(name)
            store.flush()
            # One sorted run per index: the bulk loader ingests a run per batch (4 at
            # 100,000 abstracts) and a database opened read-only (the phases after
            # loading, exokg query, exokg serve) never compacts, so without this every
            # lookup searches each run (validation 3.3x slower: docs/benchmarks.md,
            # "Validation at 100k").
            store.optimize()
            if after_close is None:
                _write_view(store, generation, graphs)
        finally:
            del store
        fault_point("store-loaded")
        if after_close is not None:
            names = [g.value for g in graphs if isinstance(g, pyoxigraph.NamedNode)]
            filled.update(after_close(folder, generation, names))
        return filled

    def _switch(self, generation: Path) -> None:
        """Point ``current`` at ``generation`` with one atomic rename (the commit point)."""
        link = self.path / f".current.{os.getpid()}"
        link.unlink(missing_ok=True)
        os.symlink(Path("generations") / generation.name, link)
        fault_point("commit-switch")
        os.replace(link, self.path / "current")
        _fsync_dir(self.path)
        fault_point("committed")

    def _prune(self, current: Path) -> None:
        generations = self.path / "generations"
        older = sorted((n, e) for e in generations.iterdir()
                       if (n := _generation_number(e.name)) is not None and e != current)
        for _, entry in older[:max(len(older) - KEEP_PREVIOUS, 0)]:
            shutil.rmtree(entry, ignore_errors=True)


def _write_view(store: pyoxigraph.Store, generation: Path, graphs: list[Any]) -> None:
    """The generation's NetworkX view file (:mod:`exokg.graph.viewdb`), made from its
    database as the query API sees it (data and ontology): published with the generation."""
    from exokg.graph.viewdb import view_file_path, write_view_file

    fault_point("store-view")
    write_view_file(store, view_file_path(generation), graphs)


def write_store(turtle: bytes, path: Path) -> Path:
    """Load Turtle into a new generation of the store at ``path`` (made if missing) and make
    it current; returns ``path``. The per-document cache of the current generation is carried
    over.

    Raises:
        StoreError: ``path`` is not a store exokg made (see :class:`StoreWriter`).
    """
    with StoreWriter(Path(path)) as writer:
        previous = writer.cache_folder()

        def carry_cache(folder: Path) -> None:
            if previous is not None:
                shutil.copytree(previous, folder, dirs_exist_ok=True)

        writer.commit(turtle, write_cache=carry_cache if previous is not None else None)
    return Path(path)
