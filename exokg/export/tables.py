"""The non-RDF exports (KGX TSV, statements CSV, GraphML) written from an Oxigraph store by
streaming SELECT queries, with the same bytes as :mod:`exokg.export.kgx`,
:mod:`exokg.export.statements_csv` and :mod:`exokg.export.graphml` give for the same graph.

The row-making code is shared with those modules (:func:`~exokg.export.kgx.node_row`,
:func:`~exokg.export.kgx.edge_row`, :func:`~exokg.export.statements_csv.rows`); only
where the values come from differs. What is held in memory:

* KGX and the statements CSV: the entity table (class, label, synonyms and
  cross-references of each entity and publication: it grows with the vocabulary of the
  field and the publications, not with the statements). Statements come one at a time,
  with their triples and evidence, in the order of their IRIs (the order of
  ``edges.tsv``) from one pass over the store
  (:func:`exokg.export.statement_scan.scan_statements`: three SELECTs sorted and joined
  on disk by SQLite); when both are written (:func:`write_non_rdf`), that one pass makes
  the KGX edges and the CSV rows. CSV rows go into an on-disk SQLite table and come back
  sorted in the order of the build's statements (:func:`exokg.assemble.assemble`'s
  order), so memory does not grow with the statements.
* GraphML: the nodes of the NetworkX view (entities, statement ends, literal values); its
  edges (one per statement) stream through an on-disk table and are written one at a time
  (:mod:`exokg.export.graphml_store`), so memory does not grow with the statements.

The statements CSV needs two things the graph does not keep as the build's records do,
recovered as follows: a statement's *first* evidence is the first by (document id,
start, end, rule), which is how assembly orders evidence; and the order of an evidence's
citation markers, which the graph keeps as a set, is their order of first appearance in
the sentence text (the order the citation detector found them in).
"""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import RDF, RDFS, SKOS, Literal, URIRef
from rdflib.term import Node

from exokg.export.compact import curie
from exokg.export.statement_scan import Evidence as ScannedEvidence
from exokg.export.statement_scan import ScannedStatement, rdflib_cell, scan_statements
from exokg.graph.rdf import EXO, ID
from exokg.model import Context

if TYPE_CHECKING:
    import pyoxigraph

__all__ = ["marker_order", "write_graphml", "write_kgx", "write_non_rdf", "write_statements_csv",
           "write_tables"]

_ENTITY_VALUES = (RDFS.label, SKOS.definition, SKOS.altLabel, SKOS.exactMatch,
                  SKOS.closeMatch)
_DOCUMENT_PREFIX = str(ID) + "document/"
# the predicates read for every statement, made once (see exokg.export.kgx)
_SUBJECT, _PREDICATE, _OBJECT = RDF.subject, RDF.predicate, RDF.object
_DIRECTION, _ASPECT, _CLAIM_STATUS = EXO.direction, EXO.aspect, EXO.claimStatus
_NEGATED, _HEDGED = EXO.negated, EXO.hedged
_CONTEXT_PREDICATES = tuple((name, EXO[name]) for name in Context.__dataclass_fields__)


def _query(store: pyoxigraph.Store, text: str, graphs: list[object] | None) -> Any:
    return store.query(text, default_graph=graphs) if graphs else store.query(text)


def _graphs(store: pyoxigraph.Store) -> list[object] | None:
    from exokg.validate_store import data_graphs

    return data_graphs(store)


def _tsv_rows(store: pyoxigraph.Store, text: str, graphs: list[object] | None, folder: str
              ) -> Iterator[list[str]]:
    """The rows of a SELECT as lists of TSV cells, written by Oxigraph into a temporary
    file in ``folder`` (no Python object per term on the way out)."""
    import pyoxigraph

    handle, path = tempfile.mkstemp(prefix="rows-", suffix=".tsv", dir=folder)
    os.close(handle)
    try:
        _query(store, text, graphs).serialize(path, format=pyoxigraph.QueryResultsFormat.TSV)
        with open(path, encoding="utf-8", newline="\n") as rows:
            next(rows, None)  # the header
            for line in rows:
                yield line.rstrip("\n").split("\t")
    finally:
        os.unlink(path)


def _sorted_terms(terms: list[Node]) -> list[Node]:
    return sorted(terms, key=lambda o: (str(o), o.n3()))


class _Entities:
    """The entities of the store: classes, labels, synonyms, cross-references (read as TSV;
    they grow with the vocabulary of the field and the publications, not with the
    statements)."""

    def __init__(self, store: pyoxigraph.Store, graphs: list[object] | None, folder: str
                 ) -> None:
        from exokg.export.kgx import _ENTITY_CLASSES

        classes = " ".join(f"<{c}>" for c in sorted(_ENTITY_CLASSES))
        self.types: dict[Node, list[Node]] = defaultdict(list)
        for node, kind in _tsv_rows(store, f"SELECT DISTINCT ?node ?type WHERE {{ VALUES "
                                           f"?type {{ {classes} }} ?node a ?type "
                                           f"FILTER(isIRI(?node)) }}", graphs, folder):
            self.types[rdflib_cell(node)].append(rdflib_cell(kind))
        for types in self.types.values():
            types.sort(key=str)
        self.values: dict[Node, dict[Node, list[Node]]] = defaultdict(lambda: defaultdict(list))
        wanted = " ".join(f"<{p}>" for p in _ENTITY_VALUES)
        for node, predicate, value in _tsv_rows(
                store, f"SELECT DISTINCT ?node ?p ?o WHERE {{ VALUES ?type {{ {classes} }} "
                       f"?node a ?type . VALUES ?p {{ {wanted} }} ?node ?p ?o "
                       f"FILTER(isIRI(?node)) }}", graphs, folder):
            self.values[rdflib_cell(node)][rdflib_cell(predicate)].append(
                rdflib_cell.__wrapped__(value))  # labels and synonyms rarely recur
        for by_predicate in self.values.values():
            for key, objects in by_predicate.items():
                if len(objects) > 1:
                    by_predicate[key] = _sorted_terms(objects)
        self._labels: dict[str, str | None] = {}
        self._records: dict[Node, Any] = {}

    def first(self, node: Node, predicate: Node) -> Node | None:
        found = self.values.get(node, {}).get(predicate)
        return found[0] if found else None

    def record(self, node: Node) -> Any:
        """The :class:`~exokg.model.Entity` record of a statement's subject or object (its
        CURIE, and its label or else the CURIE), made once per node."""
        found = self._records.get(node)
        if found is None:
            from exokg.model import Entity

            key = curie(str(node))
            label = self.first(node, RDFS.label)
            found = self._records[node] = Entity(
                key, str(label) if label is not None else key, "")
        return found

    def label(self, curie: str) -> str | None:
        """The label of the entity with this CURIE, or None (not an entity of the graph,
        or a literal context value)."""
        if curie not in self._labels:
            from exokg.errors import IdentifierError
            from exokg.ids import expand

            try:
                node = URIRef(expand(curie))
            except (IdentifierError, ValueError):  # a literal context value
                node = None
            label = self.first(node, RDFS.label) if node is not None else None
            self._labels[curie] = str(label) if label is not None and node in self.types \
                else None
        return self._labels[curie]


class _Sorter:
    """Rows of a SELECT, sorted by their first column on disk: the results are written by
    Oxigraph as TSV into a temporary file, loaded into SQLite and read back in order
    (Oxigraph's own ORDER BY on IRIs was ten times slower than the query, and holds
    every row in memory)."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.db = sqlite3.connect(os.path.join(folder, "rows.sqlite"))
        self.count = 0

    def rows(self, store: pyoxigraph.Store, text: str, graphs: list[object] | None
             ) -> Iterator[list[str]]:
        import pyoxigraph

        self.count += 1
        table, tsv = f"t{self.count}", os.path.join(self.folder, f"q{self.count}.tsv")
        _query(store, text, graphs).serialize(tsv, format=pyoxigraph.QueryResultsFormat.TSV)
        self.db.execute(f"CREATE TABLE {table} (k TEXT, line TEXT)")
        with open(tsv, encoding="utf-8", newline="\n") as handle:
            next(handle, None)  # the header
            batch = []
            for line in handle:
                line = line.rstrip("\n")
                batch.append((line.split("\t", 1)[0], line))
                if len(batch) >= 10000:
                    self.db.executemany(f"INSERT INTO {table} VALUES (?, ?)", batch)
                    batch = []
            self.db.executemany(f"INSERT INTO {table} VALUES (?, ?)", batch)
        os.unlink(tsv)
        for (line,) in self.db.execute(f"SELECT line FROM {table} ORDER BY k, rowid"):
            yield line.split("\t")

    def close(self) -> None:
        self.db.close()


def write_kgx(store: pyoxigraph.Store, directory: str | Path) -> list[Path]:
    """Write ``nodes.tsv`` and ``edges.tsv`` of the graph in ``store`` into ``directory``
    (each atomically), as :func:`exokg.export.kgx.write_kgx` writes them for the same
    graph.

    Raises:
        OSError: a file cannot be written (the previous files are left as they were).
    """
    return write_tables(store, Path(directory), None)


def _nodes_tsv(entities: _Entities, path: Path, categories: Mapping[Node, str]) -> None:
    from exokg.export.atomic import write_bytes
    from exokg.export.kgx import NODE_COLUMNS, node_row, tsv_header, tsv_line

    nodes = {}
    for node, types in entities.types.items():
        values = entities.values.get(node, {})
        xrefs = [x for p in (SKOS.exactMatch, SKOS.closeMatch) for x in values.get(p, [])]
        row = node_row(node, types, entities.first(node, RDFS.label),
                       entities.first(node, SKOS.definition), values.get(SKOS.altLabel, []),
                       xrefs, categories)  # type: ignore[arg-type]
        nodes[row["id"]] = row
    write_bytes(path, tsv_header(NODE_COLUMNS) + b"".join(
        tsv_line(NODE_COLUMNS, nodes[k]) for k in sorted(nodes)))


class _CsvRows:
    """Rows of the statements CSV sorted on disk in the order of the build's statements
    (:func:`exokg.assemble.assemble`'s: subject, predicate, object, claim key)."""

    def __init__(self, folder: str, entities: _Entities) -> None:
        self.entities = entities
        self.registry = _Labels(entities)
        self.db = sqlite3.connect(os.path.join(folder, "csv.sqlite"))
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.execute("CREATE TABLE r (a TEXT, b TEXT, c TEXT, d TEXT, row TEXT)")
        self.batch: list[tuple[str, str, str, str, str]] = []
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer, lineterminator="\n")

    def add(self, scanned: ScannedStatement) -> None:
        from exokg.export.statement_scan import tsv_text, tsv_value
        from exokg.export.statements_csv import safe_cell, statement_row

        record = _statement_record(scanned.node, scanned.values, scanned.evidence.values(),
                                   self.entities, tsv_text, tsv_value)
        self.buffer.seek(0)
        self.buffer.truncate()
        self.writer.writerow([safe_cell(cell) for cell in statement_row(
            record, self.registry, len(scanned.evidence))])
        self.batch.append((record.subject.id, record.predicate, record.object.id,
                           str(record.key()), self.buffer.getvalue()))
        if len(self.batch) >= 5000:
            self.db.executemany("INSERT INTO r VALUES (?, ?, ?, ?, ?)", self.batch)
            self.batch = []

    def write(self, path: Path) -> None:
        from exokg.export.statements_csv import COLUMNS

        self.db.executemany("INSERT INTO r VALUES (?, ?, ?, ?, ?)", self.batch)
        self.batch = []
        header = io.StringIO()
        csv.writer(header, lineterminator="\n").writerow(COLUMNS)
        with _AtomicFile(path) as out:
            out.write(header.getvalue().encode("utf-8"))
            for (text,) in self.db.execute("SELECT row FROM r ORDER BY a, b, c, d"):
                out.write(text.encode("utf-8"))

    def close(self) -> None:
        self.db.close()


def write_tables(store: pyoxigraph.Store, kgx: str | Path | None = None,
                 statements_csv: str | Path | None = None, *,
                 rows: str | Path | None = None) -> list[Path]:
    """Write KGX (``nodes.tsv`` and ``edges.tsv`` into the folder ``kgx``) and the
    statements CSV (at ``statements_csv``), either or both, from one pass over the
    statements of ``store`` (:func:`exokg.export.statement_scan.scan_statements`; from the
    build's statement rows file ``rows`` when it was read from the same graphs); each
    file is written atomically. Returns the paths written.

    Raises:
        OSError: a file cannot be written (the previous files are left as they were).
    """
    kgx = Path(kgx) if kgx is not None else None
    statements_csv = Path(statements_csv) if statements_csv is not None else None
    from exokg.export.kgx import (EDGE_COLUMNS, biolink_categories, edge_row,
                                  entity_category, tsv_header, tsv_line)

    graphs = _graphs(store)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="exokg-tables-") as tmp, ExitStack() as stack:
        entities = _Entities(store, graphs, tmp)
        edges = None
        if kgx is not None:
            categories = biolink_categories()
            _nodes_tsv(entities, kgx / "nodes.tsv", categories)
            entity_cats = {n: entity_category(ts, categories)
                           for n, ts in entities.types.items()}
            edges = stack.enter_context(_AtomicFile(kgx / "edges.tsv"))
            edges.write(tsv_header(EDGE_COLUMNS))
            written += [kgx / "nodes.tsv", kgx / "edges.tsv"]
        table = None
        if statements_csv is not None:
            table = _CsvRows(tmp, entities)
            stack.callback(table.close)
        for scanned in scan_statements(store, graphs, tmp, rows):
            if edges is not None:
                row = edge_row(scanned.node, scanned.values, _evidence_of(scanned),
                               entity_cats)
                if row is not None:
                    edges.write(tsv_line(EDGE_COLUMNS, row))
            if table is not None:
                table.add(scanned)
        if table is not None:
            table.write(statements_csv)  # type: ignore[arg-type]
            written.append(statements_csv)  # type: ignore[arg-type]
    return written


def _evidence_of(scanned: ScannedStatement
                 ) -> Callable[[Node], tuple[list[Any], list[Node]]]:
    """The ``evidence`` argument of :func:`exokg.export.kgx.edge_row`: an evidence node's
    sentence texts and publications (its own ``dcterms:source``, then its documents')."""
    from exokg.export.statement_scan import tsv_text

    def info(e: Node) -> tuple[list[Any], list[Node]]:
        facts = scanned.evidence.get(str(e))
        if facts is None:
            return [], []
        return [tsv_text(t) for t in facts.texts], [rdflib_cell(c) for c in facts.sources]

    return info


class _AtomicFile:
    """A file written to a temporary name beside ``path`` and renamed over it when the
    ``with`` block ends without an error (as :func:`exokg.export.atomic.write_bytes`)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def __enter__(self) -> io.BufferedWriter:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, self.temporary = tempfile.mkstemp(prefix=f".{self.path.name}.",
                                                  dir=self.path.parent)
        self.file = os.fdopen(handle, "wb", buffering=1 << 20)
        return self.file  # type: ignore[return-value]

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        self.file.close()
        if kind is None:
            os.chmod(self.temporary, 0o644)
            os.replace(self.temporary, self.path)
        else:
            os.unlink(self.temporary)


def _statement_record(statement: Node, values: Mapping[Node, list[Node]],
                      evidence: Iterable[ScannedEvidence], entities: _Entities,
                      text: Callable[[str], str],
                      value: Callable[[str], str] | None = None) -> Any:
    """The build's :class:`~exokg.model.Statement` record of one statement, as far as the
    statements CSV uses it (subject and object with their labels, qualifiers, context);
    of its evidence only the first (the CSV's row shows it), read from the evidence facts
    with ``text`` (its sentence and markers) and ``value`` (its document, offsets, index
    and rule: cells that recur, so a memoised reader pays; default ``text``)."""
    from exokg.export.kgx import _true
    from exokg.model import Evidence, Statement, Value

    def one(p: Node) -> Node | None:
        found = values.get(p)
        return found[0] if found else None

    def first(cells: list[str], read: Callable[[str], str] = text) -> str:
        return read(cells[0]) if cells else ""

    recurring = value if value is not None else text

    obj = one(_OBJECT)
    if isinstance(obj, Literal):
        target: Any = Value(str(obj))
    else:
        target = entities.record(obj)  # type: ignore[arg-type]
    context = {}
    for name, predicate in _CONTEXT_PREDICATES:
        found = values.get(predicate)
        context[name] = tuple(sorted(curie(str(v)) if isinstance(v, URIRef) else str(v)
                                     for v in found)) if found else ()

    def number(cells: list[str]) -> int:
        return int(first(cells, recurring) or 0)

    # the first evidence (assembly orders evidence by document, start, end and rule):
    # only it is written, so only its sentence and citation markers are read
    keyed = [((first(facts.documents, recurring).removeprefix(_DOCUMENT_PREFIX),
               number(facts.starts), number(facts.ends), first(facts.rules, recurring)),
              facts) for facts in evidence]
    records = []
    if keyed:
        (document, start, end, rule), facts = min(keyed, key=lambda item: item[0])
        sentence = first(facts.texts)
        records.append(Evidence(document, number(facts.indexes), start, end, sentence, rule,
                                marker_order(sentence, [text(m) for m in facts.markers])))
    direction, aspect = one(_DIRECTION), one(_ASPECT)
    negated = _true(values.get(_NEGATED, []))
    hedged = _true(values.get(_HEDGED, []))
    return Statement(entities.record(one(_SUBJECT)),  # type: ignore[arg-type]
                     curie(str(one(_PREDICATE))), target,
                     str(direction) if direction is not None else None,  # type: ignore[arg-type]
                     str(aspect) if aspect is not None else None, negated, hedged,
                     Context(**context), tuple(records),
                     str(one(_CLAIM_STATUS) or "finding"))


def marker_order(text: str, markers: list[str]) -> tuple[str, ...]:
    """Citation markers in the order they appear in ``text``: each (longest first) at its
    first occurrence that does not overlap a marker already placed, so that ``14`` after
    ``[9, 14]`` is placed at its own occurrence; markers not found go last, sorted.

    >>> marker_order("as shown [9, 14], [56] and [14].", ["14", "56", "9, 14"])
    ('9, 14', '56', '14')
    """
    taken: list[tuple[int, int]] = []
    placed: list[tuple[int, str]] = []
    for marker in sorted(markers, key=lambda m: (-len(m), m)):
        at = text.find(marker)
        while at >= 0 and any(a < at + len(marker) and at < b for a, b in taken):
            at = text.find(marker, at + 1)
        if at >= 0:
            taken.append((at, at + len(marker)))
        placed.append((at if at >= 0 else len(text) + 1, marker))
    return tuple(marker for _, marker in sorted(placed))


class _Labels(Mapping[str, Any]):
    """CURIE -> an object with the entity's ``label`` (what ``statements_csv.rows``
    reads from the build's registry), from the store's labels."""

    def __init__(self, entities: _Entities) -> None:
        self.entities = entities

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        label = self.entities.label(key)
        return _Label(label) if label is not None else default

    def __getitem__(self, key: str) -> Any:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


class _Label:
    def __init__(self, label: str) -> None:
        self.label = label


def write_statements_csv(store: pyoxigraph.Store, path: str | Path) -> Path:
    """Write the statements table of the graph in ``store`` to ``path`` (atomically), with
    the bytes :func:`exokg.export.statements_csv.to_csv` gives for the build's records of
    the same graph (see the module docstring for the two things recovered from the
    graph).

    Raises:
        OSError: the file cannot be written (the previous file is left as it was).
    """
    write_tables(store, None, Path(path))
    return Path(path)


def write_graphml(store: pyoxigraph.Store, path: str | Path,
                  rows: str | Path | None = None) -> Path:
    """Write the GraphML of the NetworkX view of the graph in ``store`` to ``path``
    (atomically), as :func:`exokg.export.graphml.write_graphml` writes it; the view is
    read by SPARQL as :func:`exokg.query.views.networkx_view` reads it, its edges streamed
    through an on-disk table (:mod:`exokg.export.graphml_store`; with ``rows``, a build's
    statement rows file, the edges from it)."""
    from exokg.export.graphml_store import write_store_graphml

    with _AtomicFile(Path(path)) as out:
        write_store_graphml(store, _graphs(store), out, rows)
    return Path(path)


def write_non_rdf(store: pyoxigraph.Store, directory: str | Path) -> list[Path]:
    """Write ``kgx/nodes.tsv``, ``kgx/edges.tsv``, ``exokg.graphml`` and
    ``statements.csv`` of the graph in ``store`` into ``directory`` (the layout of
    ``exokg build``'s exports folder)."""
    folder = Path(directory)
    written = write_tables(store, folder / "kgx", folder / "statements.csv")
    written.insert(2, write_graphml(store, folder / "exokg.graphml"))
    return written
