"""The query path cannot reach the network, whatever the checker makes of a query.

Each refusal path is run against a real listening socket, which must see no connection:
the lexical wall, the parse-tree wall, a text only one parser reads (``ex:a\\#`` made the
old lexer take the rest of the line for a comment and the old syntax-error step then ran the
query in Oxigraph), and the operating-system guard of the worker itself (a SERVICE query
sent straight to the worker, past every check). Also: the worker's memory bound and the
validated time limit.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import exokg
from exokg.errors import QueryError
from exokg.query.errors import QuerySyntaxError, UnsafeQueryError
from exokg.query.sandbox import Sandbox, check_timeout
from test_query_safety import Listener

TURTLE = b"@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:c ex:b ex:a .\n"


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("guard") / "tiny.ttl"
    path.write_bytes(TURTLE)
    graph = exokg.load(path)
    yield graph
    graph.close()


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


def disagreement_queries(url: str) -> list[str]:
    """Texts where a tokenizer and a parser could disagree about where SERVICE is."""
    return [
        f"PREFIX ex: <http://e/> SELECT (ex:a\\# AS ?v) WHERE {{ SERVICE <{url}> {{?x ?y ?z}} }}",
        f"PREFIX ex: <http://e/> SELECT * WHERE {{ ?s ex:p\\#x ?o . SERVICE <{url}> {{?x ?y ?z}} }}",
        f"PREFIX ex: <http://e/> SELECT * WHERE {{ ?s ex:p%23 ?o SERVICE <{url}> {{?x ?y ?z}} }}",
        f"SELECT * WHERE {{ ?s ?p '''a\\'''' SERVICE <{url}> {{?x ?y ?z}} }}",
        f"SELECT * WHERE {{ ?s ?p \"a\\\\\" SERVICE <{url}> {{?x ?y ?z}} }}",
        f"SELECT * WHERE {{ ?s ?p ?o }}\n#\rSERVICE <{url}> {{?x ?y ?z}}",
        f"SELECT * WHERE {{ SERVICE\t<{url}> {{?x ?y ?z}} }}",
        f"SELECT * WHERE {{ SERVICE<{url}>{{?x ?y ?z}} }}",
        f"SELECT * WHERE {{ \u0053ERVICE <{url}> {{?x ?y ?z}} }}",
        f"SELECT * WHERE {{ SERVICE <{url}> {{?x ?y ?z}} }} # \\",
    ]


@pytest.mark.parametrize("index", range(10))
def test_no_query_text_reaches_the_network(kg, listener, index: int) -> None:
    query = disagreement_queries(listener.url)[index]
    with pytest.raises((UnsafeQueryError, QuerySyntaxError)):
        kg.sparql(query)
    with pytest.raises((UnsafeQueryError, QuerySyntaxError)):
        kg.query(query)
    listener._stop.wait(0.3)
    assert listener.connections == []


def test_the_reported_bypass_is_refused_as_unsafe(kg, listener) -> None:
    query = disagreement_queries(listener.url)[0]
    with pytest.raises(UnsafeQueryError, match="SERVICE"):
        kg.sparql(query)
    assert listener.connections == []


def test_the_same_through_the_command_line(tmp_path: Path, listener) -> None:
    (tmp_path / "tiny.ttl").write_bytes(TURTLE)
    query = disagreement_queries(listener.url)[0]
    proc = subprocess.run([sys.executable, "-m", "exokg", "query", "-", "--store",
                           str(tmp_path / "tiny.ttl")], input=query, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines()[-1].startswith("exokg: error: query refused")
    assert listener.connections == []


def test_the_worker_itself_cannot_connect(listener) -> None:
    """Past every check: a SERVICE query sent straight to the worker fails inside it."""
    with Sandbox(None) as box:
        with pytest.raises(QueryError):
            box.run(f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}",
                    timeout=60)
        assert box.network_guard is True
        assert box.run("ASK { }").boolean is True  # pipes still work
    listener._stop.wait(0.3)
    assert listener.connections == []


def test_without_the_guard_the_engine_would_connect(listener) -> None:
    """The control for the test above: the same query in an unguarded process connects."""
    code = ("import pyoxigraph as ox\ntry:\n    list(ox.Store().query("
            f"'SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}'))\n"
            "except Exception:\n    pass\n")
    subprocess.run([sys.executable, "-c", code], timeout=60, capture_output=True)
    listener._stop.wait(0.3)
    assert listener.connections


def test_a_query_over_the_memory_bound_fails_cleanly() -> None:
    values = " ".join(str(i) for i in range(400))
    hungry = (f"SELECT ?a ?b ?c (CONCAT(STR(?a), STR(?b), STR(?c)) AS ?s) WHERE {{ "
              f"VALUES ?a {{ {values} }} VALUES ?b {{ {values} }} VALUES ?c {{ {values} }} }} "
              "ORDER BY DESC(?s)")
    with Sandbox(None, max_memory=256 << 20) as box:
        with pytest.raises(QueryError, match="memory"):
            box.run(hungry, timeout=120)
        assert box.run("ASK { }").boolean is True  # a fresh worker answers


@pytest.mark.parametrize("value", ["-1", "0", "inf", "-inf", "nan", "1e9", "abc", ""])
def test_bad_time_limits_are_refused(value: str) -> None:
    with pytest.raises(ValueError, match="timeout must be"):
        check_timeout(value)


@pytest.mark.parametrize("value", ["-1", "inf", "nan", "abc"])
def test_bad_time_limits_on_the_command_line_are_one_line(tmp_path: Path, value: str) -> None:
    proc = subprocess.run([sys.executable, "-m", "exokg", "query", "-", f"--timeout={value}"],
                          input="ASK {}", capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "argument --timeout: timeout must be" in proc.stderr.strip().splitlines()[-1]


def test_a_query_file_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    query = tmp_path / "q.rq"
    query.write_bytes(b"SELECT * WHERE {\n ?s ?p \"\xff\" }")
    proc = subprocess.run([sys.executable, "-m", "exokg", "query", str(query)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"exokg: error: {query}:2: the query is not valid UTF-8 (byte 26)"
