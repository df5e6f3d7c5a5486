"""The notebook API: ``kg = exokg.load()`` and questions answered as pandas DataFrames.

Usage (run by tests/test_api.py and the example notebook, not as a doctest, because it
builds and opens a store)::

    import exokg
    kg = exokg.load()
    kg.ask("trial-design", trial="NCT03384433")
    kg.sparql("SELECT ?m WHERE { ?m a exo:MicroRNA }")

Every query, named or typed by hand, is checked (:mod:`exokg.query.safety`: no SERVICE,
FROM, LOAD, USING or updates) and runs in a killable worker process under a time limit and
a row cap (:mod:`exokg.query.sandbox`). Graph helpers (:meth:`KnowledgeGraph.neighbourhood`,
:meth:`~KnowledgeGraph.paths`, :meth:`~KnowledgeGraph.centrality`) work on the NetworkX
view of :mod:`exokg.graph.nx`.
"""

from __future__ import annotations

import html
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exokg.query.binding import bind_query
from exokg.query.errors import EntityNotFound, QueryError, QuerySyntaxError, UnsafeQueryError
from exokg.query.library import NamedQuery, coerce_value, load_library
from exokg.query.lists import sort_list_columns
from exokg.query.paging import DEFAULT_PAGE_SIZE, paginate
from exokg.query.results import ResultTable, to_curie
from exokg.query.safety import check_query
from exokg.query.sandbox import DEFAULT_MAX_MEMORY, DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT, Sandbox, \
    check_timeout
from exokg.query.stores import LocatedStore, ensure_ontology, locate_store
from exokg.resolve import Name, NameNotFound, Resolver

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd
    from rdflib import Graph

    from exokg.query.remote import RemoteSandbox

__all__ = ["DEFAULT_PREFIXES", "EvidenceHint", "KnowledgeGraph", "load"]

EXO = "https://w3id.org/exokg/vocab/"
ID = "https://w3id.org/exokg/id/"

#: Prefixes every query may use without declaring them (declared ones take precedence).
DEFAULT_PREFIXES: dict[str, str] = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "exo": EXO,
    "exokg": ID,
    "biolink": "https://w3id.org/biolink/vocab/",
}

_LABEL_INDEX_QUERY = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX exo: <https://w3id.org/exokg/vocab/>
SELECT ?entity ?type ?label ?matched ?kind WHERE {
  VALUES (?p ?kind) { (rdfs:label "label") (skos:altLabel "synonym") (exo:mirnaName "name") }
  ?entity ?p ?matched ; rdf:type ?type ; rdfs:label ?label .
  FILTER(?type NOT IN (exo:Statement, exo:Evidence, exo:Document))
}"""

_IDENTIFIER_QUERY = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?id ?entity ?type ?label ?kind WHERE {
  ?entity (skos:exactMatch|skos:closeMatch|skos:narrowMatch|skos:broadMatch)? ?id .
  ?entity rdf:type ?type .
  OPTIONAL { ?entity rdfs:label ?label }
  BIND(IF(?entity = ?id, "identifier", "cross-reference") AS ?kind)
} LIMIT 50"""

_IDENTIFIER_SCORES = {"identifier": 100, "cross-reference": 90}


def load(source: object = None, *, timeout: float = DEFAULT_TIMEOUT,
         max_rows: int = DEFAULT_MAX_ROWS, rebuild: bool = False,
         memory: str = "auto", max_memory: int = DEFAULT_MAX_MEMORY) -> KnowledgeGraph:
    """Open a built graph on the embedded Oxigraph store.

    Args:
        source: None for the current graph: ``$EXOKG_STORE``, else the graph recorded in
            the nearest ``.exokg/project.json`` in the working folder or above (written by
            ``exokg build``), so a notebook in a subfolder opens the project's graph. With
            none, the bundled corpus is built into ``./.exokg/store`` and a
            :class:`~exokg.project.NoGraphWarning` says so. Or a store folder, an exports folder, a Turtle file, an rdflib Graph or a
            :class:`~exokg.pipeline.BuildResult`.
        timeout: seconds a query may run (default 30).
        max_rows: rows a query may return (default 100,000; more are dropped with a
            :class:`~exokg.query.errors.ResultTruncatedWarning`).
        rebuild: with ``source`` None, rebuild the current store from its recorded inputs.
        memory: ``auto`` (default) answers from the on-disk store at once and copies a
            store of up to 1 GiB on disk (about 10M triples) into memory in the background,
            after which queries run 2-4x faster; ``always`` copies before the first
            answer; ``never`` reads from disk only (least memory).
        max_memory: bytes of address space the query process may use (default 4 GiB; a
            query needing more fails with a QueryError instead of exhausting the machine).

    Returns:
        A :class:`KnowledgeGraph`; close it (or use ``with``) to stop its query worker.

    Raises:
        QueryError: ``source`` is not a store, an exports folder or a Turtle file.
    """
    from exokg.query.remote import RemoteSandbox, is_endpoint

    if is_endpoint(source):
        remote = RemoteSandbox(str(source), prefixes=DEFAULT_PREFIXES)
        return KnowledgeGraph(LocatedStore(None, str(source)), timeout=timeout,  # type: ignore[arg-type]
                              max_rows=max_rows, sandbox=remote)
    located = locate_store(source, rebuild=rebuild)
    graph = ensure_ontology(located.path)
    return KnowledgeGraph(located, ontology_graph=graph, timeout=timeout, max_rows=max_rows,
                          memory=memory, max_memory=max_memory)


class KnowledgeGraph:
    """A built exokg graph opened for questions. Make one with :func:`load`.

    Attributes:
        path: the store folder (None on a remote SPARQL endpoint).
        source: where the store's data came from (the endpoint URL on a remote one).
        timeout: default time limit per query, in seconds.
        max_rows: default row cap per query.
    """

    def __init__(self, located: LocatedStore | str | Path, *, ontology_graph: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT, max_rows: int = DEFAULT_MAX_ROWS,
                 memory: str = "auto", sandbox: RemoteSandbox | None = None,
                 max_memory: int = DEFAULT_MAX_MEMORY) -> None:
        if not isinstance(located, LocatedStore):
            located = LocatedStore(Path(located), str(located))
        self._located = located
        self.path = located.path  # None for a remote endpoint
        self.source = located.source
        self.timeout = check_timeout(timeout)
        self.max_rows = int(max_rows)
        self.ontology_graph = ontology_graph
        self._sandbox: Sandbox | RemoteSandbox = sandbox or Sandbox(
            self.path, graphs=[ontology_graph] if ontology_graph else [],
            prefixes=DEFAULT_PREFIXES, memory=memory, max_memory=max_memory)
        self._lock = threading.RLock()
        self._resolver: Resolver | None = None
        self._graph: Graph | None = None
        self._nx: nx.MultiDiGraph | None = None
        self._labels: dict[str, str] | None = None
        self._stats: dict[str, Any] | None = None
        self._view_file: Any = None  # False: looked, the generation has none
        self._answer_file: Any = None  # False: looked, the generation has none

    # -- lifecycle ------------------------------------------------------------------------

    def close(self) -> None:
        """Stop the query worker and remove a temporary store."""
        self._sandbox.close()
        self._forget_view_file()
        self._located.cleanup()

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def reload(self) -> None:
        """Forget cached views and restart the worker (after ``exokg build`` rewrote the
        store)."""
        self._sandbox.close()
        graph = ensure_ontology(self.path)  # a rebuilt store: make sure it has the ontology
        if graph is not None:
            self.ontology_graph = graph
            self._sandbox.graphs = (graph,)
        self._resolver = self._graph = self._nx = self._stats = self._labels = None
        self._forget_view_file()

    def _forget_view_file(self) -> None:
        with self._lock:
            if self._view_file:
                self._view_file.close()
            if self._answer_file:
                self._answer_file.close()
            self._view_file = self._answer_file = None

    def _views(self) -> Any:
        """The :class:`~exokg.graph.viewdb.ViewFile` of the store's current generation, or
        None (a remote endpoint, a store written before view files): then the views are
        read by SPARQL. Opened once, until :meth:`reload`."""
        with self._lock:
            if self._view_file is None:
                from exokg.graph.store import generation_path
                from exokg.graph.viewdb import ViewFile

                found = ViewFile.open(generation_path(self.path)) \
                    if self.path is not None else None
                self._view_file = found if found is not None else False
            return self._view_file or None

    # -- SPARQL ---------------------------------------------------------------------------

    def query(self, query: str, bindings: Mapping[str, Any] | None = None, *,
              timeout: float | None = None, max_rows: int | None = None,
              name: str | None = None) -> ResultTable:
        """Run a SPARQL query and return the raw :class:`~exokg.query.results.ResultTable`
        (for :meth:`~ResultTable.render` / SPARQL JSON). See :meth:`sparql` for the rest."""
        try:
            check_query(query)
        except QuerySyntaxError as rdflib_error:
            raise self._syntax_error(query, rdflib_error, timeout) from None
        terms = {name_: coerce_value(value, where=f"binding {name_!r}")
                 for name_, value in (bindings or {}).items() if value is not None}
        return self._execute(query, terms, timeout, max_rows, name)

    def _execute(self, query: str, terms: Mapping[str, tuple], timeout: float | None,  # type: ignore[type-arg]
                 max_rows: int | None, name: str | None) -> ResultTable:
        """Run a checked query with its values bound (see :mod:`exokg.query.binding`)."""
        text = bind_query(query, terms)
        limit = self.max_rows if max_rows is None else int(max_rows)
        try:
            raw = self._sandbox.run(text, timeout=timeout or self.timeout, max_rows=limit)
        except QuerySyntaxError as exc:
            if text == query:
                raise
            # the place is in the text with the values bound, not in the text as written
            raise QuerySyntaxError(f"{exc.message} (in the query with the bindings "
                                   "inserted)") from None
        if raw.truncated:
            from exokg.query.errors import warn_truncated

            warn_truncated(limit)
        return ResultTable(raw.kind, raw.variables, raw.rows, raw.boolean, raw.truncated,
                           raw.seconds, text, name)

    def _syntax_error(self, query: str, rdflib_error: QuerySyntaxError,
                      timeout: float | None) -> QueryError:
        """The checker's syntax error. A text the checker cannot parse is never given to
        the engine, not even to ask for its own error message: an engine that reads it
        differently could run a part the checker never saw (a SERVICE call)."""
        return rdflib_error

    def sparql(self, query: str, /, bindings: Mapping[str, Any] | None = None, *,
               timeout: float | None = None, max_rows: int | None = None,
               curies: bool = True, **kwargs: Any) -> pd.DataFrame | bool:
        """Run a SPARQL query; a DataFrame for SELECT/CONSTRUCT/DESCRIBE, a bool for ASK.

        Args:
            query: SPARQL 1.1 query text. The prefixes of :data:`DEFAULT_PREFIXES` need no
                declaration.
            bindings: variable -> value (also given as keyword arguments:
                ``kg.sparql(q, m="exokg:mirna/mir-124")``), bound with an inline ``VALUES``
                block at the top of the WHERE group, so every pattern and FILTER of that
                group sees it. A string that is a CURIE or an absolute IRI binds an IRI,
                other strings bind plain literals; numbers, booleans and dates bind typed
                literals; rdflib and pyoxigraph terms bind themselves.
            timeout: seconds before the query is stopped (default: ``self.timeout``).
            max_rows: row cap (default: ``self.max_rows``).
            curies: add ``<column>_curie`` beside every IRI column.

        Typed literals become Python values, unbound values None.

        Raises:
            UnsafeQueryError: SERVICE, FROM/FROM NAMED, LOAD, USING or an update.
            QuerySyntaxError: the query does not parse (with line and column).
            QueryTimeoutError: the time limit passed.
            QueryError: any other failure.
        """
        merged = {**(bindings or {}), **kwargs}
        table = self.query(query, merged, timeout=timeout, max_rows=max_rows)
        if table.kind == "ask":
            return bool(table.boolean)
        return table.to_dataframe(curies=curies)

    # -- named queries --------------------------------------------------------------------

    @property
    def library(self) -> Mapping[str, NamedQuery]:
        """The named queries by name."""
        return load_library()

    def queries(self) -> pd.DataFrame:
        """The named queries: name, title, parameters and description."""
        import pandas as pd

        return pd.DataFrame([{
            "name": q.name, "title": q.title,
            "parameters": ", ".join(p.describe() for p in q.params),
            "description": q.description} for q in self.library.values()])

    def run(self, name: str, /, params: Mapping[str, Any] | None = None, *,
            timeout: float | None = None, max_rows: int | None = None,
            page: int | None = None, page_size: int = DEFAULT_PAGE_SIZE) -> ResultTable:
        """Run a named query; returns the raw :class:`ResultTable` (see :meth:`ask`).

        The named queries the answer tables key (``entity-findings``, ``entity-summary``,
        ``evidence``, ``mirna-preparations``, ``mirna-biomarkers``, ``opposite-findings``,
        ``outcomes-by-species``) are read from the tables of the store generation the query
        worker reads (:mod:`exokg.query.answers`: the same rows, a page an index range)
        when it has them; everything else runs as SPARQL in the worker. The columns a query
        declares ``sorted-list`` have their items in code-point order either way
        (:mod:`exokg.query.lists`)."""
        named = self.library[name]
        text, terms = named.bind(dict(params or {}), resolve=self.resolve)
        if page is not None:
            text = paginate(text, page, page_size)
        try:
            check_query(text)
        except QuerySyntaxError as exc:  # a broken library file: report it as such
            raise QueryError(f"named query {name!r} ({named.path}): {exc}") from None
        answered = self._from_answer_file(name, text, terms, max_rows, page, page_size)
        if answered is not None:
            return answered
        table = self._execute(text, terms, timeout, max_rows, name)
        if named.sorted_lists:  # GROUP_CONCAT items in code-point order (exokg.query.lists)
            table.rows = sort_list_columns(table.variables, table.rows,
                                           dict(named.sorted_lists))
        return table

    def _from_answer_file(self, name: str, text: str, terms: Mapping[str, tuple],  # type: ignore[type-arg]
                          max_rows: int | None, page: int | None,
                          page_size: int) -> ResultTable | None:
        """The named query's rows from the generation's answer tables
        (:mod:`exokg.query.answers`), or None when it must run as SPARQL: no file, a file of
        another generation than the one the query worker reads, or a query or parameters
        the file does not key."""
        import time

        from exokg.query.answers import AnswerFile

        if not AnswerFile.answers(name, terms):
            return None
        answers = self._answers()
        if answers is None:
            return None
        started = time.perf_counter()
        limit = self.max_rows if max_rows is None else int(max_rows)
        found = answers.answer(name, terms, offset=(page - 1) * page_size if page else 0,
                               limit=page_size if page else None, max_rows=limit)
        if found is None:
            return None
        if found.truncated:
            from exokg.query.errors import warn_truncated

            warn_truncated(limit)
        return ResultTable("select", found.variables, found.rows, None, found.truncated,
                           time.perf_counter() - started, bind_query(text, terms), name)

    def _answers(self) -> Any:
        """The :class:`~exokg.query.answers.AnswerFile` of the generation the query worker
        reads, or None (a remote endpoint, a store without one, a worker on another
        generation). Opened once per generation."""
        if self.path is None:
            return None
        from exokg.graph.store import generation_path
        from exokg.query.answers import AnswerFile

        generation = generation_path(self.path)
        with self._lock:
            if self._answer_file is not None and (
                    not self._answer_file or self._answer_file.generation != generation):
                if self._answer_file:
                    self._answer_file.close()
                self._answer_file = None if generation is not None else False
            if self._answer_file is None:
                found = AnswerFile.open(generation)
                self._answer_file = found if found is not None else False
            answers = self._answer_file or None
        database = getattr(self._sandbox, "database", None)
        if answers is not None and database is not None and \
                Path(database) != answers.generation / "oxigraph":
            return None  # the worker reads another generation: ask it
        return answers

    def ask(self, name: str, /, *, timeout: float | None = None,
            max_rows: int | None = None, curies: bool = True, page: int | None = None,
            page_size: int = DEFAULT_PAGE_SIZE, **params: Any) -> pd.DataFrame:
        """Answer a named question: ``kg.ask("trial-design", trial="NCT03384433")``.

        Args:
            name: a query of :meth:`queries` (``entity-findings``, ``trial-design``, ...).
            params: the query's parameters. An ``iri`` parameter takes a CURIE, an IRI or a
                name (label, synonym, identifier) resolved with :meth:`resolve`.
            page: only this page (from 1) of ``page_size`` rows, in the query's order
                (:mod:`exokg.query.paging`); None (default) returns every row.
            page_size: rows per page (default 100).

        Raises:
            UnknownQueryError: no query has this name.
            ParameterError: a missing, unknown or ill-typed parameter, or a bad page.
            EntityNotFound: a name matches no entity, or several equally well.
        """
        table = self.run(name, params, timeout=timeout, max_rows=max_rows, page=page,
                         page_size=page_size)
        frame = table.to_dataframe(curies=curies)
        for column in self.library[name].curie_lists:
            if curies and column in frame.columns:
                frame[f"{column}_curies"] = [
                    " ".join(to_curie(i) or i for i in v.split()) if isinstance(v, str) else v
                    for v in frame[column]]
        return frame

    # -- entities -------------------------------------------------------------------------

    def resolver(self) -> Resolver:
        """The :class:`~exokg.resolve.Resolver` of this graph's labels, synonyms and miRNA
        names (the one the command line and the HTML page use too). Cached."""
        with self._lock:
            if self._resolver is None:
                table = self.query(_LABEL_INDEX_QUERY, max_rows=10_000_000)
                self._resolver = Resolver(
                    Name(entity[1], label[1], type_[1].rsplit("/", 1)[-1], matched[1],
                         kind[1])
                    for entity, type_, label, matched, kind in table.rows)
            return self._resolver

    def entity(self, text: str, *, limit: int = 10) -> pd.DataFrame:
        """Entities matching a name, synonym, abbreviation, miRNA spelling
        (``microRNA-124``, ``hsa-miR-124-3p``, ``miR-124a``), CURIE or IRI (also
        cross-references such as ``mesh:D044982``), best first, as
        :mod:`exokg.resolve` ranks them.

        Returns:
            A DataFrame with ``entity``, ``entity_curie``, ``label``, ``type``,
            ``matched`` (the name that matched), ``matched_on`` (how: label, synonym,
            miRNA, words, identifier, cross-reference, partial, ...; see
            :mod:`exokg.resolve`) and ``score`` (100 = exact label or id).
        """
        import pandas as pd

        hits: dict[str, dict[str, Any]] = {}

        def add(entity: str, type_: str, label: str, matched: str, kind: str,
                score: float) -> None:
            best = hits.get(entity)
            if best is None or score > best["score"]:
                hits[entity] = {"entity": entity, "entity_curie": to_curie(entity),
                                "label": label, "type": type_.rsplit("/", 1)[-1],
                                "matched": matched, "matched_on": kind, "score": score}

        iri = _identifier(text)
        if iri is not None:
            table = self.query(_IDENTIFIER_QUERY, {"id": iri})
            for _, entity, type_, label, kind in table.rows:
                if entity is None or type_ is None:
                    continue
                name = label[1] if label else entity[1]
                add(entity[1], type_[1], name, text, kind[1], _IDENTIFIER_SCORES[kind[1]])
        for m in self.resolver().lookup(text, limit=max(limit, 10)):
            add(m.entity, m.category, m.label, m.matched, m.matched_on, m.score)
        frame = pd.DataFrame(list(hits.values()), columns=[
            "entity", "entity_curie", "label", "type", "matched", "matched_on", "score"])
        frame = frame.sort_values(["score", "label"], ascending=[False, True], kind="stable")
        return frame.head(limit).reset_index(drop=True)

    def resolve(self, text: str) -> str:
        """The IRI of the one entity a name, CURIE or IRI denotes.

        A CURIE or IRI of a node in the graph is returned as it is (statements included).

        Raises:
            EntityNotFound: nothing matches, only partial matches exist (the message
                suggests close names in their original case), or the best matches tie
                (the message lists the candidates).
        """
        iri = _identifier(text)
        if iri is not None and self.sparql("ASK { { ?id ?p ?o } UNION { ?s ?p ?id } }", id=iri):
            return iri
        matches = self.entity(text, limit=5)
        strong = matches[matches["matched_on"] != "partial"]
        if strong.empty:
            try:
                self.resolver().resolve(text)
            except NameNotFound as exc:
                raise EntityNotFound(str(exc)) from None
        top = strong[strong["score"] == strong["score"].iloc[0]]
        if len(top) > 1:
            names = ", ".join(f"{r.label} ({r.entity_curie or r.entity}, {r.type})"
                              for r in top.itertuples())
            raise EntityNotFound(f"{text!r} names several entities: {names}; give a CURIE")
        return str(top["entity"].iloc[0])

    def evidence(self, item: str, other: str | None = None, *,
                 via_cargo: bool = False, timeout: float | None = None) -> pd.DataFrame:
        """The sentences behind a statement, an entity, or an entity pair.

        Args:
            item: a statement (``exokg:statement/...``), or an entity (name, CURIE, IRI).
            other: a second entity: statements between the two, in either direction.
            via_cargo: also the statements about the exosome preparations that carry
                ``item`` (or ``other``) as cargo: claims about "exosomes enriched in
                miR-133b" for ``evidence("miR-133b", ...)``. Those rows name the
                preparation in ``via``. Off by default, because a claim about a
                preparation is not a claim about its cargo; when it is off and nothing
                links the pair directly, a :class:`EvidenceHint` warning says how many
                preparation claims ``via_cargo=True`` would add.

        Returns:
            One row per statement and evidence sentence: the claim (``subject``,
            ``subject_label``, ``predicate``, ``object``, ``object_label``, ``direction``,
            ``negated``, ``hedged``), ``sentence`` (for reading: PDF line-end hyphens
            joined, spacing normalised), ``sentence_original`` (the exact text, which
            ``start``/``end`` slice from the document's original text), ``document``,
            ``publication`` (``First et al. YEAR, Journal``), ``link`` (the publication's
            PubMed or DOI address), ``pmid``, ``doi``, ``rule``, ``source`` (the
            publication's IRI), ``citations`` (markers, ``" | "``-separated) and ``via``
            (None, or the preparation a ``via_cargo`` row is about).
        """
        import pandas as pd

        first = self.resolve(item)
        second = self.resolve(other) if other is not None else None
        if second is None and first.startswith(ID + "statement/"):
            return readable_evidence(self.ask("evidence", statement=first, timeout=timeout))
        frame = self._evidence_between(first, second, timeout)
        carried = self._carriers(first) + (self._carriers(second) if second else [])
        if via_cargo and carried:
            extra = []
            for prep, label, cargo in carried:
                rows = self._evidence_between(prep, second if cargo == first else first,
                                              timeout) if second is not None else \
                    self._evidence_between(prep, None, timeout)
                if not rows.empty:
                    extra.append(rows.assign(via=label))
            frame = pd.concat([frame.assign(via=None), *extra], ignore_index=True) \
                if extra else frame.assign(via=None)
            frame = frame.drop_duplicates(["statement", "evidence"]).reset_index(drop=True)
        else:
            frame = frame.assign(via=None)
            if frame.empty and carried:
                import warnings

                warnings.warn(EvidenceHint(
                    f"no statement links {item!r}"
                    + (f" and {other!r}" if other is not None else "") + " directly; "
                    f"{len(carried)} exosome preparation(s) carry it as cargo ("
                    + ", ".join(label for _, label, _ in carried[:3])
                    + (", ..." if len(carried) > 3 else "")
                    + "): evidence(..., via_cargo=True) includes their claims"),
                    stacklevel=2)
        frame["via"] = frame["via"].astype(object).where(frame["via"].notna(), None)
        return readable_evidence(frame)

    def _evidence_between(self, first: str, second: str | None,
                          timeout: float | None) -> pd.DataFrame:
        import pandas as pd

        if second is None:
            frames = [self.ask("evidence", subject=first, timeout=timeout),
                      self.ask("evidence", object=first, timeout=timeout)]
        else:
            frames = [self.ask("evidence", subject=first, object=second, timeout=timeout),
                      self.ask("evidence", subject=second, object=first, timeout=timeout)]
        frames = [f for f in frames if not f.empty]
        if not frames:
            return self.ask("evidence", statement=ID + "statement/none", timeout=timeout)
        frame = pd.concat(frames, ignore_index=True)
        return frame.drop_duplicates(["statement", "evidence"]).reset_index(drop=True)

    def _carriers(self, entity: str) -> list[tuple[str, str, str]]:
        """(preparation IRI, its label, ``entity``) for the preparations carrying
        ``entity`` as cargo."""
        table = self.query("SELECT ?p ?l WHERE { ?p exo:cargo ?c . "
                           "OPTIONAL { ?p rdfs:label ?l } } ORDER BY ?l ?p", {"c": entity})
        return [(p[1], l[1] if l else p[1], entity) for p, l in table.rows]

    # -- graph views ----------------------------------------------------------------------

    @property
    def graph(self) -> Graph:
        """The data as an rdflib Graph (read from the store once, then cached; about 6 s
        per million triples). The exporters and the HTML view take it."""
        with self._lock:
            if self._graph is None:
                self._graph = _read_rdflib_graph(self.path) if self.path is not None else \
                    _rdflib_graph(self._sandbox.triples(self.timeout))  # type: ignore[union-attr]
            return self._graph

    def to_networkx(self) -> nx.MultiDiGraph:
        """The NetworkX view (:mod:`exokg.graph.nx`): entities as nodes keyed by CURIE, one
        edge per statement keyed by the statement's CURIE. Read from the view file the
        build wrote beside the store's database (:mod:`exokg.graph.viewdb`), else from the
        store by SPARQL (entity-level nodes and statement edges only,
        :mod:`exokg.query.views`): the same graph either way; cached.
        ``view.graph["labels"]`` maps the CURIEs of species and models to their labels."""
        with self._lock:
            if self._nx is None:
                from exokg.query.views import networkx_view

                stored = self._views()
                view = stored.networkx() if stored is not None else networkx_view(self)
                view.graph["labels"] = self._context_labels()
                self._nx = view
            return self._nx

    def _context_labels(self) -> dict[str, str]:
        """CURIE -> label of the species and models statements name (for readable rows);
        read once (a few dozen terms) and cached until :meth:`reload`."""
        with self._lock:
            if self._labels is None:
                self._labels = self._read_context_labels()
            return self._labels

    def _read_context_labels(self) -> dict[str, str]:
        from exokg.query.views import context_labels

        stored = self._views()
        return stored.context_labels() if stored is not None else context_labels(self)

    def _node(self, text: str) -> str:
        from exokg.graph.nx import node_key
        from rdflib import URIRef

        key = node_key(URIRef(self.resolve(text)))
        if key not in self.to_networkx():
            raise EntityNotFound(f"{text!r} takes part in no statement")
        return key

    def neighbourhood(self, entity: str, depth: int = 1, *, as_graph: bool = False,
                      include_negated: bool = True) -> pd.DataFrame | nx.MultiDiGraph:
        """The statements within ``depth`` edges of an entity (edges followed in either
        direction), walked step by step on the indexed view file the build wrote
        (:meth:`exokg.graph.viewdb.ViewFile.neighbourhood`), else read from the store by
        SPARQL (:func:`exokg.query.views.neighbourhood_view`), not from the whole graph.

        Returns:
            A DataFrame of the statements (``subject``, ``subject_label``, ``predicate``,
            ``predicate_label``, ``object``, ``object_label``, ``direction``, ``negated``,
            ``hedged``, ``species`` and ``model`` (labels, ``|``-joined) with
            ``species_curie`` and ``model_curie`` beside them, ``evidence_count``,
            ``statement``; CURIEs for entities, None where nothing is stated), or with
            ``as_graph=True`` the NetworkX subgraph.
        """
        from exokg.query import views
        from exokg.query._worker import URI
        from exokg.query.views import neighbourhood_view, node_of_term

        if depth < 0:
            raise ValueError("depth must be 0 or more")
        centre = (URI, self.resolve(entity))
        stored = self._views()
        if stored is not None:
            sub = stored.neighbourhood(node_of_term(centre), depth,
                                       include_negated=include_negated)
        else:
            sub = neighbourhood_view(self, centre, depth, include_negated=include_negated,
                                     max_nodes=views.MAX_WALK_NODES)
        if sub is None:  # most of the graph: cut it from the whole view
            import networkx as nx

            view = self._claims_view(include_negated)
            key = self._node(entity)
            if key not in view:
                view.add_node(key, **self.to_networkx().nodes[key])
            near = nx.single_source_shortest_path_length(view.to_undirected(as_view=True),
                                                         key, cutoff=depth)
            sub = view.subgraph(near).copy()
        elif node_of_term(centre) not in sub:
            raise EntityNotFound(f"{entity!r} takes part in no statement")
        sub.graph.setdefault("labels", self._context_labels())
        return sub if as_graph else _edge_frame(sub)

    def paths(self, source: str, target: str, *, max_length: int = 4, limit: int = 10,
              include_negated: bool = False) -> pd.DataFrame:
        """Paths between two entities (shortest first, edges in either direction), with
        the statements along each step.

        Returns:
            One row per step and statement: ``path`` (number), ``step``, ``from``,
            ``from_label``, ``to``, ``to_label`` and the statement's columns as in
            :meth:`neighbourhood`. Empty when no path of at most ``max_length`` steps exists.
        """
        import networkx as nx
        import pandas as pd

        view = self._claims_view(include_negated)
        start, end = self._node(source), self._node(target)
        simple = nx.Graph(view.to_undirected(as_view=True))
        rows = []
        if start in simple and end in simple:
            try:
                found = nx.shortest_simple_paths(simple, start, end)
                for number, path in enumerate(found, start=1):
                    if number > limit or len(path) - 1 > max_length:
                        break
                    for step, (u, v) in enumerate(zip(path, path[1:]), start=1):
                        for a, b in ((u, v), (v, u)):
                            for key, data in (view.get_edge_data(a, b) or {}).items():
                                rows.append({"path": number, "step": step, "from": u,
                                             "from_label": view.nodes[u].get("label", u),
                                             "to": v, "to_label": view.nodes[v].get("label", v),
                                             **_edge_row(view, a, b, key, data)})
            except nx.NetworkXNoPath:
                pass
        columns = ["path", "step", "from", "from_label", "to", "to_label", *_EDGE_COLUMNS]
        return pd.DataFrame(rows, columns=columns, dtype=object)

    def centrality(self, kind: str = "degree", *, top: int = 20,
                   category: str | None = None, include_negated: bool = False
                   ) -> pd.DataFrame:
        """Entities ranked by centrality in the claims graph.

        Args:
            kind: ``degree`` (as :func:`networkx.degree_centrality`: the statements
                touching the entity divided by the number of other entities, so scores
                compare across graphs), ``pagerank``, ``betweenness`` or ``eigenvector``.
            top: rows returned.
            category: only entities of this exokg class (``MicroRNA``, ``Outcome``, ...).

        Returns:
            ``rank``, ``entity`` (CURIE), ``label``, ``category``, ``score``, ``statements``
            (the raw count of statements touching the entity).
        """
        import networkx as nx
        import pandas as pd

        view = self._claims_view(include_negated)
        view.remove_nodes_from([n for n, d in view.nodes(data=True)
                                if d.get("category") == "Value"])
        undirected = nx.Graph(view.to_undirected(as_view=True))
        if kind == "degree":
            scores = nx.degree_centrality(view)
        elif kind == "pagerank":
            scores = _pagerank(nx.DiGraph(view))
        elif kind == "betweenness":
            scores = nx.betweenness_centrality(undirected)
        elif kind == "eigenvector":
            scores = nx.eigenvector_centrality(undirected, max_iter=1000) if len(
                undirected) else {}
        else:
            raise ValueError(f"unknown centrality {kind!r} (degree, pagerank, betweenness, "
                             "eigenvector)")
        rows = [{"entity": n, "label": view.nodes[n].get("label", n),
                 "category": view.nodes[n].get("category"), "score": float(s),
                 "statements": view.degree(n)} for n, s in scores.items()
                if category is None or view.nodes[n].get("category") == category]
        rows.sort(key=lambda r: (-r["score"], r["label"]))
        frame = pd.DataFrame(rows[:top], columns=["entity", "label", "category", "score",
                                                  "statements"])
        frame.insert(0, "rank", range(1, len(frame) + 1))
        return frame

    def _claims_view(self, include_negated: bool) -> nx.MultiDiGraph:
        view = self.to_networkx().copy()
        if not include_negated:
            view.remove_edges_from([(u, v, k) for u, v, k, d in view.edges(keys=True, data=True)
                                    if d.get("negated")])
        view.remove_nodes_from([n for n in list(view) if view.degree(n) == 0])
        return view

    def show(self, focus: str | None = None, depth: int = 1, **options: Any) -> Any:
        """The graph for a notebook (:func:`exokg.viz.notebook_html`), whole or around
        ``focus`` (an entity name, CURIE or IRI) to ``depth`` edges: a light static
        drawing for small views (a few kB), the interactive page for bigger ones;
        ``mode="full"`` or ``mode="light"`` chooses."""
        import exokg.viz

        page = exokg.viz.notebook_html(self, focus=focus, depth=depth, **options)
        try:
            from IPython.display import HTML
        except ImportError:  # outside IPython: the HTML text
            return page
        return HTML(page)

    # -- summaries ------------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        """Counts: triples, statements, evidence sentences, documents, entities by class."""
        with self._lock:
            if self._stats is None:
                counts = self.sparql(
                    "SELECT (COUNT(*) AS ?triples) "
                    "(SUM(IF(?p = rdf:type && ?o = exo:Statement, 1, 0)) AS ?statements) "
                    "(SUM(IF(?p = rdf:type && ?o = exo:Evidence, 1, 0)) AS ?evidence) "
                    "(SUM(IF(?p = rdf:type && ?o = exo:Document, 1, 0)) AS ?documents) "
                    "WHERE { ?s ?p ?o }", curies=False)
                classes = self.sparql(
                    "SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?class "
                    "FILTER(STRSTARTS(STR(?class), STR(exo:)) && ?class NOT IN "
                    "(exo:Statement, exo:Evidence, exo:Document)) } GROUP BY ?class "
                    "ORDER BY DESC(?n) ?class", curies=False)
                ontology = self.sparql("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                                       curies=False)
                row = counts.iloc[0]
                self._stats = {
                    "triples": int(row["triples"] or 0) - int(ontology["n"].iloc[0] or 0),
                    "statements": int(row["statements"] or 0),
                    "evidence": int(row["evidence"] or 0),
                    "documents": int(row["documents"] or 0),
                    "entities": {str(c).rsplit("/", 1)[-1]: int(n)
                                 for c, n in zip(classes["class"], classes["n"])}
                    if not classes.empty else {},
                }
            return self._stats

    def __repr__(self) -> str:
        return f"<exokg.KnowledgeGraph store={str(self.path)!r} source={self.source!r}>"

    def _repr_html_(self) -> str:
        e = html.escape
        try:
            stats = self.stats()
        except QueryError as exc:
            return f"<p>exokg knowledge graph at <code>{e(str(self.path))}</code>: {e(str(exc))}</p>"
        rows = "".join(f"<tr><td>{e(k)}</td><td>{v:,}</td></tr>" for k, v in (
            ("triples", stats["triples"]), ("statements", stats["statements"]),
            ("evidence sentences", stats["evidence"]), ("documents", stats["documents"])))
        classes = ", ".join(f"{e(k)} {v}" for k, v in stats["entities"].items())
        names = ", ".join(f"<code>{e(n)}</code>" for n in self.library)
        return (f"<div class='exokg-kg'><b>exokg knowledge graph</b> "
                f"<small>{e(self.source)} &middot; store <code>{e(str(self.path))}</code>"
                f"</small><table>{rows}</table><p>entities: {classes}</p>"
                f"<p>named queries (<code>kg.ask(name, ...)</code>): {names}</p></div>")


# -- helpers ------------------------------------------------------------------------------


class EvidenceHint(UserWarning):
    """Nothing links the entities directly, but claims about preparations carrying one of
    them exist (see :meth:`KnowledgeGraph.evidence`'s ``via_cargo``)."""


_EVIDENCE_ORDER = ["statement", "statement_curie", "subject", "subject_curie", "subject_label",
                   "predicate", "predicate_curie", "object", "object_curie", "object_label",
                   "direction", "negated", "hedged", "via", "sentence", "publication", "link",
                   "pmid", "doi", "document", "document_curie", "start", "end",
                   "sentence_original"]


def readable_evidence(frame: pd.DataFrame) -> pd.DataFrame:
    """Evidence rows for readers: the sentence normalised for display (the exact text kept
    in ``sentence_original``), the publication's address in ``link``."""
    from exokg.text.normalise import normalise

    frame = frame.copy()
    frame["sentence_original"] = frame["sentence"]
    frame["sentence"] = [normalise(s).text if isinstance(s, str) else s
                         for s in frame["sentence"]]
    frame["link"] = [s if isinstance(s, str) and s.startswith(("https://pubmed.",
                                                               "https://doi.org/"))
                     else None for s in frame.get("source", [None] * len(frame))]
    if "via" not in frame.columns:
        frame["via"] = None
    first = [c for c in _EVIDENCE_ORDER if c in frame.columns]
    return frame[first + [c for c in frame.columns if c not in first]]

_EDGE_COLUMNS = ["subject", "subject_label", "predicate", "predicate_label", "object",
                 "object_label", "direction", "negated", "hedged", "species",
                 "species_curie", "model", "model_curie", "evidence_count", "statement"]


def _labels(view: Any, joined: str | None) -> str | None:
    """``a|b`` CURIEs -> ``label a|label b`` (the node's label; the CURIE when unknown)."""
    if not joined:
        return None
    return "|".join(str(view.graph.get("labels", {}).get(c) or
                        (view.nodes[c].get("label") if c in view else None) or c)
                    for c in joined.split("|"))


def _edge_row(view: Any, u: str, v: str, key: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """One statement as a row: CURIEs with their labels beside them, None when unstated."""
    return {"subject": u, "subject_label": view.nodes[u].get("label", u),
            "predicate": data.get("predicate"), "predicate_label": data.get("label"),
            "object": v, "object_label": view.nodes[v].get("label", v),
            "direction": data.get("direction"), "negated": data.get("negated"),
            "hedged": data.get("hedged"), "species": _labels(view, data.get("species")),
            "species_curie": data.get("species") or None,
            "model": _labels(view, data.get("model")),
            "model_curie": data.get("model") or None,
            "evidence_count": data.get("evidence_count"),
            "statement": data.get("statement", key)}


def _edge_frame(view: Any) -> pd.DataFrame:
    import pandas as pd

    rows = [_edge_row(view, u, v, k, d) for u, v, k, d in view.edges(keys=True, data=True)]
    frame = pd.DataFrame(rows, columns=_EDGE_COLUMNS, dtype=object)
    return frame.sort_values(["subject_label", "predicate", "object_label"],
                             kind="stable").reset_index(drop=True)


def _pagerank(graph: Any, alpha: float = 0.85, tol: float = 1e-10,
              max_iter: int = 200) -> dict[str, float]:
    """PageRank by power iteration (networkx's own needs scipy, which exokg does not)."""
    n = graph.number_of_nodes()
    if n == 0:
        return {}
    rank = dict.fromkeys(graph, 1.0 / n)
    out_degree = dict(graph.out_degree())
    for _ in range(max_iter):
        dangling = alpha * sum(rank[v] for v in graph if out_degree[v] == 0) / n
        new = dict.fromkeys(graph, (1.0 - alpha) / n + dangling)
        for u, v in graph.edges():
            new[v] += alpha * rank[u] / out_degree[u]
        if sum(abs(new[v] - rank[v]) for v in graph) < n * tol:
            return new
        rank = new
    return rank


def _identifier(text: str) -> str | None:
    """The IRI a CURIE or IRI denotes, or None for other text."""
    from exokg.query.library import _as_iri

    if not isinstance(text, str):
        raise TypeError(f"expected a name, CURIE or IRI, not {type(text).__name__}")
    return _as_iri(text)


def _read_rdflib_graph(path: Path) -> Graph:
    from exokg.project import read_graph

    return read_graph(path)


def _rdflib_graph(triples: Any) -> Graph:
    """An rdflib Graph of pyoxigraph triples, with exokg's prefixes bound."""
    from exokg.export.reader import rdflib_graph_of

    return rdflib_graph_of(triples)
