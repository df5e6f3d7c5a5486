"""One name resolver (exokg.resolve) behind the API, the command line and the HTML page."""

from __future__ import annotations

import pytest

from exokg.resolve import Name, NameNotFound, Resolver, page_keys


@pytest.fixture(scope="module")
def kg():
    import exokg
    from exokg.pipeline import build

    graph = exokg.load(build())
    yield graph
    graph.close()


@pytest.fixture(scope="module")
def view():
    from exokg.pipeline import build
    from exokg.viz.api import graph_view

    return graph_view(build())


MIR124 = "https://w3id.org/exokg/id/mirna/mir-124"
MSC_EXOSOMES = "MSC-derived exosomes"


@pytest.mark.parametrize("text", ["miR-124", "MIR-124", "microRNA-124", "microRNA 124",
                                  "hsa-miR-124-3p", "mmu-miR-124-5p", "mir124", "miR-124a"])
def test_mirna_spellings_resolve_alike_in_the_api_and_the_page_view(kg, view, text):
    assert kg.resolve(text) == MIR124
    assert view.find(text) == [MIR124]


@pytest.mark.parametrize("text", ["MSC exosomes", "msc-derived EXOSOMES",
                                  "exosomes derived from mesenchymal stem cells",
                                  "exosomes from MSCs", "mesenchymal stromal cell exosomes"])
def test_preparation_names_with_abbreviations_and_filler(kg, view, text):
    assert kg.entity(text)["label"][0] == MSC_EXOSOMES
    assert view.nodes[view.find(text)[0]].label == MSC_EXOSOMES


def test_a_letter_is_never_dropped_when_it_names_a_different_mirna():
    r = Resolver([Name("m:133b", "miR-133b", "MicroRNA", "miR-133b"),
                  Name("m:124", "miR-124", "MicroRNA", "miR-124")])
    assert r.lookup("miR-133a") == []
    found = r.lookup("miR-124a")
    assert [(m.entity, m.matched_on) for m in found] == [("m:124", "miRNA without letter")]
    with pytest.raises(NameNotFound):
        r.resolve("miR-133")


def test_suggestions_keep_their_original_case(kg, view):
    with pytest.raises(Exception, match=r"did you mean: .*NIH Stroke Scale"):
        kg.resolve("NIH Stroke Scal")
    with pytest.raises(Exception, match=r"did you mean: miR-124") as caught:
        view.find("miR-1244")
    assert "mir-124" not in str(caught.value)


def test_ties_list_every_candidate():
    r = Resolver([Name("a", "stroke", "Disease", "CVA", "synonym"),
                  Name("b", "cerebrovascular accident", "Phenotype", "CVA", "synonym")])
    with pytest.raises(NameNotFound, match="names several entities") as caught:
        r.resolve("cva")
    assert {m.entity for m in caught.value.candidates} == {"a", "b"}


def test_the_cli_focus_uses_the_resolver(tmp_path, capsys):
    from exokg.cli import main
    from exokg.export.turtle import to_turtle
    from exokg.graph.store import write_store
    from exokg.pipeline import build

    store = write_store(to_turtle(build().graph), tmp_path / "store")
    for text in ("microRNA-124", "hsa-miR-124-3p"):
        assert main(["viz", "--store", str(store), "--focus", text, "--out",
                     str(tmp_path)]) == 0
    assert main(["viz", "--store", str(store), "--focus", "miR-1244", "--out",
                 str(tmp_path)]) == 2
    assert "did you mean: miR-124" in capsys.readouterr().err


def test_page_keys_are_the_keys_the_page_search_computes():
    assert "m:mir124" in page_keys(["miR-124"])
    assert "w:exosome msc" in page_keys([MSC_EXOSOMES])
