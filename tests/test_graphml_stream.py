"""GraphML written element by element (exokg.export.graphml_stream) and from a store by
streaming SELECTs (exokg.export.graphml_store): the bytes NetworkX's writer gives."""

from __future__ import annotations

import io
import random
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest

from exokg.export.graphml import to_graphml
from exokg.export.graphml_store import write_store_graphml
from exokg.export.graphml_stream import GraphMLStream
from exokg.query.views import store_view

_TEXT = ["a", "&", "<", ">", '"', "'", "\n", "\t", "\r", " ", "é", "µ", "x"]


def _random_view(rng: random.Random) -> nx.MultiDiGraph:
    def text() -> str:
        return "".join(rng.choice(_TEXT) for _ in range(rng.randint(0, 6)))

    view = nx.MultiDiGraph()
    for node in sorted({text() or "n" for _ in range(rng.randint(0, 6))}):
        names = rng.sample(["label", "curie", "weight", "flag", "x y"], rng.randint(0, 3))
        view.add_node(node, **{name: rng.choice([text(), rng.randint(-5, 5),
                                                 rng.random() > .5, rng.random()])
                               for name in names})
    nodes = list(view)
    for i in range(rng.randint(0, 8) if nodes else 0):
        attrs = {"statement": f"s{i}{text()}"}
        for name in rng.sample(["negated", "count", "label", "weight"], rng.randint(0, 3)):
            attrs[name] = rng.choice([text(), rng.randint(-5, 5), rng.random() > .5])
        view.add_edge(rng.choice(nodes), rng.choice(nodes), key=attrs["statement"], **attrs)
    return view


@pytest.mark.parametrize("seed", range(40))
def test_stream_writes_the_bytes_of_networkx(seed: int, tmp_path: Path) -> None:
    view = _random_view(random.Random(seed))
    stream = GraphMLStream(tmp_path)
    for node, attrs in view.nodes(data=True):
        stream.node(node, attrs)
    for u, v, _, attrs in view.edges(keys=True, data=True):
        stream.edge(u, v, attrs["statement"], attrs)
    out = io.BytesIO()
    stream.finish(out)
    assert out.getvalue() == to_graphml(view)
    assert not list(tmp_path.iterdir())  # the body file is removed


def test_stream_refuses_what_networkx_refuses(tmp_path: Path) -> None:
    stream = GraphMLStream(tmp_path)
    with pytest.raises(TypeError, match="does not support"):
        stream.node("a", {"parts": ["x"]})
    stream.close()
    assert not list(tmp_path.iterdir())


_EXO = "https://w3id.org/exokg/vocab/"
_STORE = f"""
@prefix exo: <{_EXO}> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/exokg/id/> .
id:mirna-b a exo:MiRNA ; rdfs:label "miR-b & <b>" .
id:mirna-a a exo:MiRNA ; rdfs:label "miR-a" , "alpha" .
id:outcome a exo:Outcome ; rdfs:label "infarct\\tvolume" .
id:thing rdfs:label "not an entity" .
"""


def _statement(name: str, subject: str, obj: str, count: int, extra: str = "") -> str:
    return (f"id:statement-{name} a exo:Statement ; rdf:subject {subject} ; rdf:predicate "
            f"exo:reduces ; rdf:object {obj} ; exo:negated false ; exo:hedged {count > 2} ; "
            f"exo:evidenceCount {count} {extra}.\n").replace("True", "true") \
        .replace("False", "false")


def test_store_graphml_is_the_graphml_of_the_view(tmp_path: Path) -> None:
    """Two statements between one pair (ordered by their first statement), a literal
    object (a value node), a blank-node subject (a node NetworkX adds last), an end that
    is no entity (described), optional attributes, several values of one."""
    text = _STORE + "".join([
        _statement("z", "id:mirna-a", "id:outcome", 3, '; exo:species "rat", "mouse" '),
        _statement("c", "id:mirna-a", "id:mirna-b", 1),
        _statement("a", "id:mirna-a", "id:outcome", 2, '; exo:direction "down" '),
        _statement("m", "id:mirna-b", '"10 µg"', 1),
        _statement("q", "_:b1", "id:thing", 1, '; exo:claimStatus "hypothesis" '),
        "id:statement-broken a exo:Statement ; rdf:subject id:mirna-a .\n",
    ])
    store = pyoxigraph.Store()
    store.load(text.encode("utf-8"), pyoxigraph.RdfFormat.TURTLE)
    out = io.BytesIO()
    write_store_graphml(store, None, out)
    expected = to_graphml(store_view(store))
    assert out.getvalue() == expected
    assert expected.count(b"<edge ") == 5 and b"10 \xc2\xb5g" in expected
