"""``exokg serve`` (the Oxigraph server, read-only, loopback) and the notebook API against a
SPARQL endpoint (``exokg.load("http://.../query")``), on a real server started on a free
loopback port."""

from __future__ import annotations

import socket
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

import exokg
from exokg.query.errors import QuerySyntaxError, QueryTimeoutError, ResultTruncatedWarning, \
    UnsafeQueryError
from exokg.serve import ServeError, Server, parse_bind


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    from exokg.export.turtle import to_turtle
    from exokg.graph.store import write_store
    from exokg.pipeline import build
    from exokg.query.stores import ensure_ontology

    path = write_store(to_turtle(build().graph), tmp_path_factory.mktemp("serve") / "store")
    ensure_ontology(path)
    return path


@pytest.fixture(scope="module")
def server(store: Path):
    # the server's own limit stops the runaway query of the time-limit test early
    with Server(store, "127.0.0.1", free_port(), timeout=3) as running:
        yield running


@pytest.fixture(scope="module")
def remote(server: Server):
    with exokg.load(server.url) as kg:
        yield kg


@pytest.fixture(scope="module")
def local(store: Path):
    with exokg.load(store) as kg:
        yield kg


def same(there, here) -> bool:
    """Equal frames, up to the order of GROUP_CONCAT items (SPARQL leaves it open, and the
    server's query plan differs from the embedded one's)."""
    def norm(frame):
        return frame.apply(lambda column: column.map(
            lambda v: "; ".join(sorted(v.split("; "))) if isinstance(v, str) else v))
    return norm(there).equals(norm(here))


def test_named_queries_answer_the_same_as_on_the_embedded_store(remote, local) -> None:
    for name, params in (("trial-design", {"trial": "NCT03384433"}),
                         ("entity-findings", {"entity": "miR-124"}),
                         ("mirna-biomarkers", {})):
        there, here = remote.ask(name, **params), local.ask(name, **params)
        assert not here.empty, name
        assert same(there, here), name
    assert remote.stats() == local.stats()


def test_queries_kept_whole_are_the_same_exactly_on_the_endpoint(remote, local) -> None:
    # their lists are put in code-point order on every path, so no normalising here: the
    # endpoint runs the SPARQL, the embedded store reads the generation's answer file
    assert local._answers() is not None and remote._answers() is None
    for name, params in (("mirna-biomarkers", {}), ("mirna-preparations", {}),
                         ("outcomes-by-species", {}),
                         ("outcomes-by-species", {"species": "NCBITaxon:10116"}),
                         ("opposite-findings", {})):
        there, here = remote.ask(name, **params), local.ask(name, **params)
        assert there.equals(here), (name, params)
    assert not local.ask("outcomes-by-species").empty


def test_entity_evidence_sparql_and_graph_views_work_remotely(remote, local) -> None:
    assert remote.resolve("miR-124") == local.resolve("miR-124")
    assert same(remote.entity("miR-124"), local.entity("miR-124"))
    assert same(remote.evidence("miR-9", "NIH Stroke Scale"),
                local.evidence("miR-9", "NIH Stroke Scale"))
    assert remote.sparql("ASK { ?m a exo:MicroRNA }") is True
    # the embedded store reads its generation's view file, the endpoint falls back to SPARQL
    assert local._views() is not None and remote._views() is None
    view, expected = remote.to_networkx(), local.to_networkx()
    assert list(view.nodes(data=True)) == list(expected.nodes(data=True))
    assert list(view.edges(keys=True, data=True)) == list(expected.edges(keys=True, data=True))
    assert same(remote.neighbourhood("miR-124", depth=2),
                local.neighbourhood("miR-124", depth=2))


def test_constructs_come_back_as_triples(remote) -> None:
    frame = remote.sparql("CONSTRUCT { ?m a exo:MicroRNA } WHERE { ?m a exo:MicroRNA }")
    assert {"subject", "predicate", "object"} <= set(frame.columns)
    assert len(frame) > 3


def test_safety_checks_and_limits_still_apply(remote) -> None:
    with pytest.raises(UnsafeQueryError):
        remote.sparql("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    with pytest.raises(UnsafeQueryError):
        remote.sparql("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }")
    with pytest.raises(QuerySyntaxError) as error:
        remote.sparql("SELECT ?s WHERE {\n  ?s ?p \n}")
    assert error.value.line in (2, 3)  # rdflib places it (Oxigraph never parses unchecked text)
    with pytest.warns(ResultTruncatedWarning):
        frame = remote.sparql("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", max_rows=7)
    assert len(frame) == 7
    with pytest.raises(QueryTimeoutError):  # a cross product of the whole graph, cut short
        remote.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
                      timeout=0.2)


def test_the_server_is_read_only(server: Server) -> None:
    base = server.url.rsplit("/", 1)[0]
    request = urllib.request.Request(
        base + "/update", data=b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", method="POST",
        headers={"Content-Type": "application/sparql-update"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code in (403, 404, 405)


def test_a_taken_port_and_a_remote_address_are_refused(store: Path, server: Server) -> None:
    with pytest.raises(ServeError, match="already in use"):
        Server(store, "127.0.0.1", server.port).start()
    with pytest.raises(ServeError, match="--allow-remote"):
        Server(store, "0.0.0.0", free_port()).start()
    with pytest.raises(ServeError, match="HOST:PORT"):
        parse_bind("7878")


def test_a_missing_binary_says_what_to_install(store: Path, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ServeError, match=r"pip install 'exokg\[server\]'"):
        Server(store, "127.0.0.1", free_port()).start()


def test_an_unreachable_endpoint_is_one_clear_error() -> None:
    from exokg.errors import QueryError

    with exokg.load(f"http://127.0.0.1:{free_port()}/query") as kg:
        with pytest.raises(QueryError, match="cannot reach the SPARQL endpoint"):
            kg.sparql("ASK { ?s ?p ?o }")
