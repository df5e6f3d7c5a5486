"""The scorers of benchmarks/scai_relations.py and benchmarks/bhasuran.py on tiny invented
inputs whose figures are computed by hand."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from script_modules import load_script

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str):
    return load_script(f"benchmarks/{name}.py")


scai = _load("scai_relations")
bhasuran = _load("bhasuran")

SCAI_XML = """<?xml version="1.0"?>
<corpus>
 <document id="d0" origId="111">
  <sentence id="d0.s1" origId="111.s1" text="MiR-21 targets PTEN in glioma cells. ">
   <entity charOffset="0-5" id="e0" text="MiR-21" type="Specific_miRNAs"/>
   <entity charOffset="15-18" id="e1" text="PTEN" type="Genes/Proteins"/>
   <entity charOffset="23-28" id="e2" text="glioma" type="Diseases"/>
   <pair e1="e0" e2="e1" id="p0" interaction="True" type="Specific_miRNAs-Genes/Proteins"/>
   <pair e1="e0" e2="e2" id="p1" interaction="False" type="Specific_miRNAs-Diseases"/>
  </sentence>
  <sentence id="d0.s0" origId="111.s0" text="microRNA-21 in Alzheimer's disease (AD). ">
   <entity charOffset="0-10" id="f0" text="microRNA-21" type="Specific_miRNAs"/>
   <entity charOffset="15-33" id="f1" text="Alzheimer's disease" type="Diseases"/>
   <entity charOffset="36-37" id="f2" text="AD" type="Diseases"/>
   <pair e1="f0" e2="f1" id="q0" interaction="True" type="Specific_miRNAs-Diseases"/>
   <pair e1="f0" e2="f2" id="q1" interaction="True" type="Specific_miRNAs-Diseases"/>
  </sentence>
 </document>
</corpus>
"""


def test_scai_keys_and_split() -> None:
    assert scai.mirna_key("microRNA-125b") == scai.mirna_key("Micro RNA-125b") == "mir125b"
    assert scai.mirna_key("hsa-miR-21") == "mir21"
    assert scai.gold_key("medulloblastomas", "disease") == "medulloblastoma"
    assert scai.gold_key("RAS", "gene") == "ras"
    assert {scai.split_of(str(n)) for n in range(20)} == {"tune", "held-out"}
    assert scai.split_of("21295623") == scai.split_of("21295623")


def test_scai_split_option_prints_only_that_split(tmp_path: Path, capsys) -> None:
    """``--split tune`` keeps the held-out figures off the screen while rules change."""
    path = tmp_path / "c.xml"
    path.write_text(SCAI_XML, encoding="utf-8")
    assert scai.main([str(path), "--split", "tune"]) == 0
    rows = [line.split()[0] for line in capsys.readouterr().out.splitlines()[3:] if line]
    assert rows and set(rows) == {"tune"}


def test_scai_reads_documents_in_sentence_order(tmp_path: Path) -> None:
    path = tmp_path / "c.xml"
    path.write_text(SCAI_XML, encoding="utf-8")
    [doc] = list(scai.read_corpus(path))
    assert doc.text.startswith("microRNA-21 in Alzheimer's disease (AD). MiR-21 targets")
    assert doc.title_end == len("microRNA-21 in Alzheimer's disease (AD).")
    # the short form defined in brackets is one partner with its long form; a False pair
    # is no gold pair
    assert doc.pairs == {("mir21", "pten", "gene"), ("mir21", "alzheimersdisease", "disease")}
    pten = next(g for g in doc.entities if g.key == "pten")
    assert doc.text[pten.start:pten.end] == "PTEN"


def test_scai_bad_offset_names_file_and_entity(tmp_path: Path) -> None:
    path = tmp_path / "c.xml"
    path.write_text(SCAI_XML.replace('charOffset="15-18"', 'charOffset="14-18"'),
                    encoding="utf-8")
    with pytest.raises(ValueError, match=r"c\.xml: entity e1"):
        list(scai.read_corpus(path))


def _entity(id_: str, category: str, label: str):
    return SimpleNamespace(id=id_, category=category, label=label, synonyms=())


def test_scai_score_document_by_hand() -> None:
    gold = scai.GoldDocument("1", "x" * 100, 10)
    gold.entities = [scai.GoldEntity("mirna", "mir21", 0, 6, "miR-21"),
                     scai.GoldEntity("gene", "pten", 20, 24, "PTEN"),
                     scai.GoldEntity("gene", "akt1", 30, 34, "AKT1"),
                     scai.GoldEntity("disease", "glioma", 40, 46, "glioma")]
    gold.pairs = {("mir21", "pten", "gene"), ("mir21", "akt1", "gene"),
                  ("mir21", "glioma", "disease")}
    mir = _entity("m", "MicroRNA", "miR-21")
    pten = _entity("g1", "Gene", "PTEN")
    tp53 = _entity("g2", "Gene", "TP53")
    ev = SimpleNamespace(start=0, end=100, rule="r", text="s")
    statements = [SimpleNamespace(subject=mir, object=pten, predicate="RO:0002212",
                                  negated=False, evidence=(ev,)),
                  SimpleNamespace(subject=mir, object=tp53, predicate="RO:0002212",
                                  negated=False, evidence=(ev,)),
                  # a negated statement is no predicted pair
                  SimpleNamespace(subject=mir, object=_entity("d", "Disease", "glioma"),
                                  predicate="biolink:associated_with", negated=True,
                                  evidence=(ev,))]
    mentions = [SimpleNamespace(entity=mir, start=1, end=5),  # overlaps the gold miR-21
                SimpleNamespace(entity=tp53, start=60, end=64),  # overlaps nothing
                SimpleNamespace(entity=_entity("g3", "Gene", "AKT1"), start=30, end=34)]
    pairs = scai.predicted_pairs(gold, statements, mentions)
    counts, missed, wrong = scai.score_document(gold, pairs, mentions)
    # gene: 2 predicted, 1 right (PTEN by name), gold 2, found 1 -> P 0.5, R 0.5
    g = counts["gene"].scores()
    assert (g["predicted"], g["tp_pred"], g["gold"], g["tp_gold"]) == (2, 1, 2, 1)
    assert g["precision"] == g["recall"] == g["f1"] == 0.5
    d = counts["disease"].scores()
    assert (d["predicted"], d["gold"], d["tp_gold"], d["f1"]) == (0, 1, 0, 0.0)
    # recognised at all: AKT1 is overlapped by a gene mention, PTEN (no mention) is not
    assert (counts["gene"].recognised, counts["gene"].partners) == (1, 2)
    assert missed == [("mir21", "akt1", "gene"), ("mir21", "glioma", "disease")]
    assert [p.partner for p in wrong] == ["g2"]


BHASURAN_XML = """<?xml version="1.0" ?>
<collection>
 <document><id>5</id><passage>
  <text>&amp;lt;miRNA&amp;gt;miR-1&amp;lt;/miRNA&amp;gt; represses &amp;lt;Gene&amp;gt;HDAC4&amp;lt;/Gene&amp;gt; and SRF.</text>
  <annotation id="1"><infon key="type">miRNA</infon><location offset="7" length="5"/><text>miR-1</text></annotation>
  <annotation id="2"><infon key="type">mRNA</infon><location offset="37" length="5"/><text>HDAC4</text></annotation>
  <annotation id="3"><infon key="relation">Negative</infon></annotation>
 </passage></document>
 <document><id>5</id><passage>
  <text>&amp;lt;miRNA&amp;gt;miR-1&amp;lt;/miRNA&amp;gt; represses HDAC4 and &amp;lt;Gene&amp;gt;SRF&amp;lt;/Gene&amp;gt;.</text>
  <annotation id="1"><infon key="type">miRNA</infon><location offset="7" length="5"/><text>miR-1</text></annotation>
  <annotation id="2"><infon key="type">mRNA</infon><location offset="47" length="3"/><text>SRF</text></annotation>
  <annotation id="3"><infon key="relation">Positive</infon></annotation>
 </passage></document>
 <document><id>6</id><passage>
  <text>&amp;lt;miRNA&amp;gt;miR-2&amp;lt;/miRNA&amp;gt; and &amp;lt;miRNA&amp;gt;miR-2&amp;lt;/miRNA&amp;gt;.</text>
  <annotation id="1"><infon key="type">miRNA</infon><location offset="7" length="5"/><text>miR-2</text></annotation>
  <annotation id="3"><infon key="relation">Negative</infon></annotation>
 </passage></document>
</collection>
"""


def test_bhasuran_strips_markers_and_merges_sentences(tmp_path: Path) -> None:
    plain, where = bhasuran.strip_markers("<miRNA>miR-1</miRNA> x")
    assert plain == "miR-1 x"
    assert where[7] == 0 and where[12] == 5
    path = tmp_path / "b.xml"
    path.write_text(BHASURAN_XML, encoding="utf-8")
    sentences, skipped = bhasuran.read_corpus(path)
    assert skipped == ["6"]
    [s] = sentences
    assert s.text == "miR-1 represses HDAC4 and SRF."
    assert [(s.text[slice(*p.gene)], p.label) for p in s.pairs] == [("HDAC4", "Negative"),
                                                                      ("SRF", "Positive")]


def test_bhasuran_score_by_hand() -> None:
    gold = bhasuran.GoldSentence("5", "miR-1 represses HDAC4 and SRF.", [
        bhasuran.GoldPair((0, 5), (16, 21), "miR-1", "HDAC4", "Negative"),
        bhasuran.GoldPair((0, 5), (26, 29), "miR-1", "SRF", "Positive")])
    pairs = [bhasuran.PredictedPair("m", "g1", [(0, 5)], [(16, 21)], set(), set(),
                                    "Negative", "r"),
             bhasuran.PredictedPair("m", "g2", [(0, 5)], [(26, 29)], set(), set(),
                                    "Negative", "r"),
             bhasuran.PredictedPair("m", "g3", [(0, 5)], [], set(), {"mef2"}, None, "r")]
    counts, errors = bhasuran.score_sentence(gold, pairs)
    x = counts.scores()
    # 3 predicted, 2 are gold pairs; both gold pairs found; 2 with a direction, 1 right
    assert (x["predicted"], x["tp_pred"], x["gold"], x["found"]) == (3, 2, 2, 2)
    assert x["precision"] == pytest.approx(2 / 3) and x["recall"] == 1.0
    assert x["f1"] == pytest.approx(0.8)
    assert (x["directed"], x["correct"], x["direction_accuracy"], x["direction_recall"]) == \
        (2, 1, 0.5, 0.5)
    assert [(g.gene_text, d) for g, d in errors] == [("SRF", "Negative")]


def test_bhasuran_direction_of_statements() -> None:
    mir = SimpleNamespace(category="MicroRNA")
    gene = SimpleNamespace(category="Gene")

    def st(subject, predicate, direction=None, negated=False):
        return SimpleNamespace(subject=subject, predicate=predicate, direction=direction,
                               negated=negated)
    assert bhasuran.direction_of(st(mir, "RO:0002213")) == "Positive"
    assert bhasuran.direction_of(st(mir, "RO:0002212")) == "Negative"
    assert bhasuran.direction_of(st(mir, "biolink:affects", "increased")) == "Positive"
    assert bhasuran.direction_of(st(mir, "RO:0002212", negated=True)) is None
    assert bhasuran.direction_of(st(gene, "RO:0002212")) is None


SCAI_CORPUS = ROOT.parent / "shared/benchmarks/scai-mirna/miRNA-train.xml"
BHASURAN_CORPUS = ROOT.parent / "shared/benchmarks/mirna-gene-bhasuran/train_set_bioc_entity.xml"


def test_scai_relation_floors() -> None:
    """The figures of docs/benchmarks.md, held as floors a little below them (development
    numbers; the corpus lives in ../shared and the test fails, not skips, without it)."""
    assert SCAI_CORPUS.is_file(), f"SCAI corpus missing: {SCAI_CORPUS}"
    r = scai.evaluate(SCAI_CORPUS)
    assert r["documents"] == {"tune": 95, "held-out": 106}
    scores = r["scores"]
    assert scores["tune"]["both"]["gold"] == 113 and scores["held-out"]["both"]["gold"] == 119
    # miRNA relations round 4 (docs/benchmarks.md): tune 0.846 -> 0.850 (P 0.939 -> 0.948),
    # held-out (measured once, after the round) 0.481 -> 0.514, disease 0.407 -> 0.470, gene
    # P 0.923 -> 0.889
    assert scores["tune"]["both"]["f1"] >= 0.83, scores["tune"]["both"]
    assert scores["tune"]["both"]["precision"] >= 0.92, scores["tune"]["both"]
    assert scores["held-out"]["both"]["f1"] >= 0.50, scores["held-out"]["both"]
    assert scores["held-out"]["disease"]["f1"] >= 0.45, scores["held-out"]["disease"]
    assert scores["held-out"]["gene"]["precision"] >= 0.86, scores["held-out"]["gene"]


def test_bhasuran_floors() -> None:
    """Pair F1 and the direction read from a stated change, held a little below the figures
    of docs/benchmarks.md (development numbers)."""
    assert BHASURAN_CORPUS.is_file(), f"Bhasuran corpus missing: {BHASURAN_CORPUS}"
    r = bhasuran.evaluate(BHASURAN_CORPUS)
    held, tune = r["scores"]["held-out"], r["scores"]["tune"]
    assert held["gold"] == 339
    # held-out 0.565 after miRNA relations round 4, 0.563 after round 5 (looked at once)
    assert held["f1"] >= 0.55, held
    # tune 0.571 -> 0.623 in round 5 (P 0.670 -> 0.679); 0.618 (P 0.677, R 0.568) at 2aae3ef;
    # 0.619 (P 0.661, R 0.582) after tuning round 10 (its effect verbs, "repressed", and
    # interventions against a miRNA find five more pairs and predict eleven pairs the corpus
    # does not annotate)
    assert tune["f1"] >= 0.61 and tune["precision"] >= 0.655, tune
    everything = r["scores"]["all"]
    assert everything["correct_verb"] / everything["directed_verb"] >= 0.75, everything


phrasings = _load("mirna_phrasings")


def test_phrasings_file_errors_name_file_and_item(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("- kind: gene.x\n  text: miR-21 targets PTEN.\n  pairs: [[miR-21]]\n",
                    encoding="utf-8")
    with pytest.raises(ValueError, match=r"p\.yaml: item 1: each pair"):
        phrasings.read_items(path)
    path.write_text("- kind: gene.x\n  pairs: []\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"p\.yaml: item 1: needs kind, text and pairs"):
        phrasings.read_items(path)


def test_phrasings_score_by_hand(tmp_path: Path) -> None:
    """One found pair, one missed pair, one pair where none is stated."""
    path = tmp_path / "p.yaml"
    path.write_text(
        "- kind: gene.targets\n  text: miR-21 directly targets the 3'UTR of PTEN.\n"
        "  pairs: [[miR-21, PTEN], [miR-21, SOX2]]\n"
        "- batch: 2\n  kind: none.method\n  text: PTEN and miR-21 were measured.\n"
        "  pairs: []\n", encoding="utf-8")
    r = phrasings.evaluate(path)
    gene, batch1 = r["scores"]["gene"], r["scores"]["batch 1"]
    assert (gene["predicted"], gene["tp"], gene["gold"], gene["found"]) == (1, 1, 2, 1)
    assert batch1["recall"] == 0.5 and r["scores"]["batch 2"]["gold"] == 0
    assert r["scores"]["none"]["predicted"] == 0


def test_phrasings_floors() -> None:
    """The invented phrasings of miRNA relations rounds 4 and 5 (docs/benchmarks.md): P 0.960
    / R 0.953 over all eight batches after round 5; batches 7 and 8 (round 5) were 0.171 and
    0.208 recall before the round's rules, 0.976 and 0.958 after."""
    r = phrasings.evaluate()
    everything = r["scores"]["all"]
    assert everything["gold"] == 299
    assert everything["precision"] >= 0.94 and everything["recall"] >= 0.93, everything
    for batch in ("batch 7", "batch 8"):
        assert r["scores"][batch]["recall"] >= 0.9, (batch, r["scores"][batch])
        assert r["scores"][batch]["precision"] >= 0.93, (batch, r["scores"][batch])
