"""The evidence query's publication: the evidence's own source, else its document's, for
every evidence row, also when other evidence in the graph has a source of its own."""

from __future__ import annotations

from importlib.resources import files

import pyoxigraph

GRAPH = """
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix biolink: <https://w3id.org/biolink/vocab/> .
@prefix exo: <https://w3id.org/exokg/vocab/> .
@prefix id: <https://w3id.org/exokg/id/> .
@prefix pubmed: <https://pubmed.ncbi.nlm.nih.gov/> .

id:statement\\/a rdf:subject id:mirna\\/mir-1 ; rdf:predicate biolink:affects ;
    rdf:object id:outcome\\/x ; exo:negated false ; exo:hedged false ;
    biolink:has_evidence id:evidence\\/quoted , id:evidence\\/own .
id:evidence\\/quoted exo:sentenceText "Quoted [3]." ; exo:document id:document\\/review ;
    exo:start 0 ; exo:end 11 ; exo:rule "r" ; dcterms:source pubmed:111\\/ .
id:evidence\\/own exo:sentenceText "Found." ; exo:document id:document\\/review ;
    exo:start 12 ; exo:end 18 ; exo:rule "r" .
id:document\\/review rdfs:label "a review" ; dcterms:source pubmed:222\\/ .
pubmed:111\\/ exo:firstAuthor "Xin H" ; dcterms:date "2013" ; exo:pmid "111" .
pubmed:222\\/ exo:firstAuthor "Chen Y" ; dcterms:date "2017" ; exo:journal "Front Neurol" ;
    exo:pmid "222" .
"""


def test_each_evidence_row_names_its_own_publication() -> None:
    store = pyoxigraph.Store()
    store.load(GRAPH.encode(), format=pyoxigraph.RdfFormat.TURTLE)
    query = files("exokg").joinpath("query", "queries", "evidence.rq").read_text()
    rows = {str(s["sentence"].value): (s["source"].value, s["publication"].value,
                                       s["pmid"].value) for s in store.query(query)}
    assert rows == {
        "Quoted [3].": ("https://pubmed.ncbi.nlm.nih.gov/111/", "Xin et al. 2013", "111"),
        "Found.": ("https://pubmed.ncbi.nlm.nih.gov/222/", "Chen et al. 2017, Front Neurol",
                   "222"),
    }
