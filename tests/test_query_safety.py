"""Safe execution of user SPARQL: refused features, syntax errors, time limit, row cap.

No test here measures speed: the time-limit test only checks that a runaway query is
stopped with a clear error (under a 1 s limit) and that the graph answers again afterwards.
"""

from __future__ import annotations

import socket
import threading
import warnings

import pytest

import exokg
from exokg.errors import QueryError
from exokg.query import safety
from exokg.query.errors import (QuerySyntaxError, QueryTimeoutError, ResultTruncatedWarning,
                                UnsafeQueryError)
from exokg.query.safety import check_query, scan_keywords


@pytest.fixture(scope="module")
def kg():
    from exokg.pipeline import build

    graph = exokg.load(build())
    yield graph
    graph.close()


class Listener:
    """A local TCP socket with a thread that records every connection it accepts."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections: list[tuple[str, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/sparql"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, address = self.sock.accept()
            except OSError:
                continue
            self.connections.append(address)
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.sock.close()


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


def _service_queries(url: str) -> list[str]:
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
        f"PREFIX exo: <https://w3id.org/exokg/vocab/>\nSELECT ?s WHERE {{\n  ?s a exo:MicroRNA .\n"
        f"  OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }}\n}}",
        f"ASK {{ FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
        f"SELECT * WHERE {{ BIND(<{url}> AS ?u) SERVICE ?u {{ ?s ?p ?o }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"DESCRIBE ?s WHERE {{ SeRvIcE <{url}> {{ ?s ?p ?o }} }}",
    ]


def test_service_is_refused_and_nothing_connects(kg, listener):
    for query in _service_queries(listener.url):
        with pytest.raises(UnsafeQueryError, match="SERVICE") as info:
            kg.sparql(query)
        assert info.value.keyword == "SERVICE"
    # the same through a named-query-free path with bindings
    with pytest.raises(UnsafeQueryError):
        kg.sparql(f"SELECT ?s WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}", s="CL:0000134")
    listener._stop.wait(0.5)  # give a late connection the chance to arrive
    assert listener.connections == []
    assert kg.sparql("ASK { ?s ?p ?o }") is True  # the graph still answers


def test_service_refusal_reports_the_place(kg, listener):
    with pytest.raises(UnsafeQueryError) as info:
        kg.sparql(_service_queries(listener.url)[2])
    assert (info.value.line, info.value.column) == (4, 14)
    assert "local graph only" in str(info.value) and "line 4, column 14" in str(info.value)


def test_the_parse_tree_wall_refuses_service_on_its_own(listener):
    # the lexical wall is bypassed here: the rdflib parse-tree walk must refuse by itself
    for query in _service_queries(listener.url):
        with pytest.raises(UnsafeQueryError, match="SERVICE"):
            safety._structural_check(query)
    with pytest.raises(UnsafeQueryError, match="FROM"):
        safety._structural_check("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }")
    with pytest.raises(UnsafeQueryError, match="read-only"):
        safety._structural_check("LOAD <http://127.0.0.1:1/x>")
    assert listener.connections == []


@pytest.mark.parametrize("query, keyword", [
    ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM"),
    ("SELECT * FROM NAMED <http://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }", "FROM"),
    ("ASK FROM <http://example.org/> { ?s ?p ?o }", "FROM"),
    ("LOAD <http://example.org/data.ttl>", "LOAD"),
    ("LOAD SILENT <file:///etc/passwd> INTO GRAPH <http://example.org/g>", "LOAD"),
    ("INSERT DATA { <http://a.org/s> <http://a.org/p> <http://a.org/o> }", "update"),
    ("DELETE WHERE { ?s ?p ?o }", "update"),
    ("DELETE { ?s ?p ?o } USING <http://example.org/g> WHERE { ?s ?p ?o }", "update"),
    ("WITH <http://example.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "update"),
    ("CLEAR ALL", "update"), ("DROP DEFAULT", "update"), ("CREATE GRAPH <http://a.org/g>", "update"),
    ("COPY DEFAULT TO <http://a.org/g>", "update"), ("MOVE DEFAULT TO <http://a.org/g>", "update"),
    ("ADD DEFAULT TO <http://a.org/g>", "update"),
    ("PREFIX ex: <http://example.org/>\nSELECT * WHERE { ?s ?p ?o }\n;\nCLEAR ALL", "update"),
])
def test_dataset_loading_and_updates_are_refused(kg, query, keyword):
    with pytest.raises(UnsafeQueryError) as info:
        kg.sparql(query)
    assert info.value.keyword == keyword
    assert kg.stats()["statements"] > 0  # nothing was changed


def test_keywords_in_strings_iris_comments_and_names_are_not_refused(kg):
    query = ('PREFIX from: <http://example.org/from#>\n'
             'SELECT ?service ?load WHERE {  # SERVICE <http://example.org/> FROM <x>\n'
             '  BIND("SERVICE <http://x/> { }" AS ?service)\n'
             '  BIND("""LOAD\nINSERT""" AS ?load)\n'
             '  OPTIONAL { ?x from:service <http://example.org/SERVICE> }\n'
             '  OPTIONAL { ?x ?y "from"@en }\n'
             '}')
    frame = kg.sparql(query)
    assert frame["service"][0] == "SERVICE <http://x/> { }"
    assert [word for word, _ in scan_keywords(query)] == [
        "PREFIX", "SELECT", "WHERE", "BIND", "AS", "BIND", "AS", "OPTIONAL", "OPTIONAL"]


def test_syntax_errors_report_line_and_column(kg):
    with pytest.raises(QuerySyntaxError) as info:
        kg.sparql("SELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTER(?s = ?p && ) }")
    error = info.value  # the checker's position: the engine never sees text the checker
    assert error.line == 3 and isinstance(error.column, int)  # cannot read (no dry runs)
    assert f"line 3, column {error.column}" in str(error)
    source, caret = error.context.splitlines()
    assert source == "  FILTER(?s = ?p && ) }" and caret.endswith("^")
    assert len(caret) == error.column
    with pytest.raises(QuerySyntaxError, match="undeclared prefix") as info:
        kg.sparql("SELECT ?s WHERE {\n  ?s a nope:Thing }")
    assert info.value.line == 2
    with pytest.raises(QuerySyntaxError, match="no query"):
        kg.sparql("# just a comment")


def test_a_cartesian_product_stops_at_the_time_limit(kg):
    runaway = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
    with pytest.raises(QueryTimeoutError, match="time limit of 1 s") as info:
        kg.sparql(runaway, timeout=1)
    assert info.value.seconds == 1
    assert isinstance(info.value, QueryError)
    # the worker was replaced: the graph answers the next question
    assert kg.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s a exo:Statement }")["n"][0] > 0


def test_the_row_cap_truncates_with_a_warning(kg):
    with pytest.warns(ResultTruncatedWarning, match="more than 5 rows"):
        frame = kg.sparql("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", max_rows=5)
    assert len(frame) == 5 and frame.attrs["truncated"] is True
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        small = kg.sparql("SELECT ?s WHERE { ?s a exo:MicroRNA }", max_rows=1000)
    assert small.attrs["truncated"] is False


def test_bound_values_cannot_change_the_query(kg, listener):
    hostile = f'"}} SERVICE <{listener.url}> {{ ?s ?p ?o }} #'
    frame = kg.sparql("SELECT ?label ?e WHERE { ?e rdfs:label ?label }", label=hostile)
    assert frame.empty
    frame = kg.sparql("SELECT ?label ?e WHERE { ?e rdfs:label ?label }", label="miR-9")
    assert frame["e_curie"].tolist() == ["exokg:mirna/mir-9"]
    assert listener.connections == []


def test_limits_of_the_checker():
    with pytest.raises(UnsafeQueryError, match="longer than"):
        check_query("SELECT * WHERE { ?s ?p ?o } #" + "x" * safety.MAX_QUERY_LENGTH)
    with pytest.raises(TypeError):
        check_query(b"SELECT * WHERE { ?s ?p ?o }")  # type: ignore[arg-type]
