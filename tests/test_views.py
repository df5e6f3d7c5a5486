"""The NetworkX view read by SPARQL (exokg.query.views) is the view exokg.graph.nx makes
from the rdflib Graph: same nodes, edges, attributes and order; neighbourhoods read step by
step equal the induced subgraph of the whole view."""

from __future__ import annotations

import networkx as nx
import pytest

import exokg
from exokg.graph.nx import to_networkx
from exokg.query.errors import EntityNotFound
from exokg.query.views import networkx_view


@pytest.fixture(scope="module")
def built():
    """The corpus build, plus one negated claim (the corpus states none): the negation of
    a claim between two entities of the corpus."""
    import dataclasses

    from exokg.graph.rdf import build_graph
    from exokg.model import Entity
    from exokg.pipeline import build

    result = build()
    claim = next(s for s in result.statements if isinstance(s.object, Entity)
                 and s.subject.id == "exokg:mirna/mir-124")
    negated = dataclasses.replace(claim, negated=True)
    statements = [*result.statements, negated]
    result.graph = build_graph(result.documents, statements, result.entities)
    assert sum(s.negated for s in statements) == 1
    return result


@pytest.fixture(scope="module")
def kg(built):
    with exokg.load(built) as graph:
        yield graph


def test_sparql_view_equals_the_rdflib_view(kg, built) -> None:
    expected, view = to_networkx(built.graph), networkx_view(kg)
    assert list(view.nodes(data=True)) == list(expected.nodes(data=True))
    assert list(view.edges(keys=True, data=True)) == list(expected.edges(keys=True, data=True))
    assert kg.to_networkx() is kg.to_networkx()  # cached


def test_view_without_negated_claims(kg, built) -> None:
    view = networkx_view(kg, include_negated=False)
    expected = [e for e in to_networkx(built.graph).edges(keys=True, data=True)
                if not e[3]["negated"]]
    assert len(expected) < len(to_networkx(built.graph).edges)
    assert list(view.edges(keys=True, data=True)) == expected


def whole_view_neighbourhood(built, centre: str, depth: int, include_negated: bool):
    view = to_networkx(built.graph)
    if not include_negated:
        view.remove_edges_from([(u, v, k) for u, v, k, d in view.edges(keys=True, data=True)
                                if d["negated"]])
    attrs = view.nodes[centre]
    view.remove_nodes_from([n for n in list(view) if view.degree(n) == 0])
    if centre not in view:
        view.add_node(centre, **attrs)
    near = nx.single_source_shortest_path_length(view.to_undirected(as_view=True), centre,
                                                 cutoff=depth)
    return view.subgraph(near)


@pytest.mark.parametrize("entity, centre", [("miR-124", "exokg:mirna/mir-124"),
                                            ("NCT03384433", "clinicaltrials:NCT03384433")])
@pytest.mark.parametrize("depth", [0, 1, 2, 3])
@pytest.mark.parametrize("include_negated", [True, False])
def test_neighbourhood_equals_the_induced_subgraph(kg, built, entity, centre, depth,
                                                   include_negated) -> None:
    sub = kg.neighbourhood(centre, depth, as_graph=True, include_negated=include_negated)
    expected = whole_view_neighbourhood(built, centre, depth, include_negated)
    assert dict(sub.nodes(data=True)) == dict(expected.nodes(data=True))
    assert sorted(sub.edges(keys=True)) == sorted(expected.edges(keys=True))
    for u, v, k, data in sub.edges(keys=True, data=True):
        assert data == expected.edges[u, v, k]
    if depth >= 1:
        assert len(sub.edges) > 0


def test_a_large_neighbourhood_is_cut_from_the_whole_view(kg, monkeypatch) -> None:
    from exokg.query import views

    centre = (0, "https://w3id.org/exokg/id/mirna/mir-124")
    walked = kg.neighbourhood("exokg:mirna/mir-124", 2, as_graph=True)
    assert len(walked) > 3
    assert views.neighbourhood_view(kg, centre, 2, max_nodes=3) is None
    monkeypatch.setattr(views, "MAX_WALK_NODES", 3)
    cut = kg.neighbourhood("exokg:mirna/mir-124", 2, as_graph=True)
    assert dict(cut.nodes(data=True)) == dict(walked.nodes(data=True))
    assert sorted(cut.edges(keys=True, data=True)) == sorted(walked.edges(keys=True, data=True))


def test_a_node_that_is_no_entity_is_refused(kg) -> None:
    statement = kg.sparql("SELECT ?s WHERE { ?s a exo:Statement } LIMIT 1",
                          curies=False)["s"].iloc[0]
    with pytest.raises(EntityNotFound, match="takes part in no statement"):
        kg.neighbourhood(statement)
