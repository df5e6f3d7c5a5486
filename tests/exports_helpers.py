"""Shared data for the export and validation tests: a small hand-made build whose statements
cover what the exports must carry (negation, hedging, direction, aspect, species, a claim
supported by two documents, a literal-valued claim, a contradiction)."""

from __future__ import annotations

import shutil
from pathlib import Path

from rdflib import Graph

from exokg.graph.rdf import build_graph
from exokg.model import Context, Document, Entity, Evidence, Statement, Value

TEXT_1 = ("Exosomes from MSCs increased VEGF expression in rats. "
          "miR-124 was not associated with stroke.")
TEXT_2 = ("In rats, exosomes from MSCs increased VEGF expression. "
          "MSCs may decrease apoptosis | a pipe, a\ttab.")

DOCS = [Document("d1", TEXT_1, "d1.txt", title="First"),
        Document("d2", TEXT_2, "d2.txt", title="Second")]

PREP = Entity("exokg:preparation/msc-exosomes", "MSC exosomes", "ExosomePreparation",
              attributes=(("sourceCell", "CL:0000134"), ("vesicleType", "GO:0070062")))
VEGF = Entity("uniprot:P15692", "VEGFA", "Protein", synonyms=("VEGF",))
MIR = Entity("exokg:mirna/mir-124", "miR-124", "MicroRNA")
STROKE = Entity("MONDO:0005098", "stroke disorder", "Disease")
MSC = Entity("CL:0000134", "mesenchymal stem cell", "Cell")
APOPTOSIS = Entity("GO:0006915", "apoptotic process", "BiologicalProcess")
TRIAL = Entity("clinicaltrials:NCT03384433", "NCT03384433", "ClinicalTrial")
RAT = Entity("NCBITaxon:10116", "Rattus norvegicus", "Species")
EXOSOME = Entity("GO:0070062", "extracellular exosome", "Vesicle")
REGISTRY = {e.id: e for e in (PREP, VEGF, MIR, STROKE, MSC, APOPTOSIS, TRIAL, RAT, EXOSOME)}


def evidence(doc: Document, sentence: int, rule: str) -> Evidence:
    """Evidence for the ``sentence``-th sentence ('. '-separated) of ``doc``."""
    start = 0
    for _ in range(sentence):
        start = doc.text.index(". ", start) + 2
    end = doc.text.find(". ", start)
    end = len(doc.text) if end < 0 else end + 1
    return Evidence(doc.id, sentence, start, end, doc.text[start:end], rule,
                    citations=("[1]",) if sentence == 0 else ())


#: Supported by both documents: direction, aspect, species.
EFFECT = Statement(PREP, "biolink:affects", VEGF, direction="increased", aspect="expression",
                   context=Context(species=("NCBITaxon:10116",)),
                   evidence=(evidence(DOCS[0], 0, "effect.test"),
                             evidence(DOCS[1], 0, "effect.test")))
#: Negated: no direct edge.
NEGATED = Statement(MIR, "biolink:associated_with", STROKE, negated=True,
                    evidence=(evidence(DOCS[0], 1, "biomarker.test"),))
#: Hedged, with a direction, text with a pipe and a tab.
HEDGED = Statement(MSC, "biolink:affects", APOPTOSIS, direction="decreased", hedged=True,
                   evidence=(evidence(DOCS[1], 1, "effect.test"),))
#: Literal object.
PHASE = Statement(TRIAL, "exo:phase", Value("Phase 1/2"),
                  evidence=(evidence(DOCS[1], 1, "trial.test"),))
#: Contradicts HEDGED (same claim, opposite direction).
OPPOSITE = Statement(MSC, "biolink:affects", APOPTOSIS, direction="increased",
                     evidence=(evidence(DOCS[0], 1, "effect.test"),))

STATEMENTS = [EFFECT, NEGATED, HEDGED, PHASE, OPPOSITE]


def synthetic_graph() -> Graph:
    """The RDF graph of the hand-made build."""
    return build_graph(DOCS, STATEMENTS, REGISTRY, [(HEDGED, OPPOSITE)])


def which(tool: str) -> str:
    """The path of a command-line tool the tests need; fails with how to install it."""
    path = shutil.which(tool)
    assert path, (f"{tool} is not installed: run scripts/test.sh, which installs the Debian "
                  f"packages raptor2-utils and serdi")
    return path


REPO = Path(__file__).resolve().parents[1]
