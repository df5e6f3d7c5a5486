"""Score exokg's cell-type and anatomy mentions on AnatEM (brat standoff).

Usage::

    python benchmarks/anatem.py [DIR] [--json]

``DIR`` holds ``NAME.txt`` + ``NAME.ann`` pairs (default:
``../shared/benchmarks/anatem/devel``). Each text is annotated by exokg as one document and
scored with :func:`exokg.annotate.scoring.score_mentions` (exact-span and overlap P/R/F1; AnatEM
has no identifiers, so no grounding). Class mapping, fixed before measuring:

* AnatEM ``Cell`` -> ``CellType`` (exokg ``Cell``);
* ``Cellular_component`` -> ``CellularComponent`` (exokg ``Vesicle``: exosomes and
  extracellular vesicles are cellular components in AnatEM's sense);
* every other AnatEM class (Organ, Tissue, Multi-tissue_structure, Organism_substance,
  Cancer, Pathological_formation, ...) -> ``Anatomy`` (exokg ``AnatomicalEntity``);
* an ``AnyAnatomy`` row scores all of them as one class (exokg CellType, Anatomy and
  Vesicle predictions against every AnatEM mention).

Discontinuous annotations are scored by their outer span. AnatEM's train and devel splits
are here; figures on them are development numbers.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from exokg.annotate.scoring import Annotation, format_scores, score_mentions

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared/benchmarks/anatem/devel"
GOLD_CLASSES = {"Cell": "CellType", "Cellular_component": "CellularComponent"}
PRED_CLASSES = {"CellType": "CellType", "Vesicle": "CellularComponent", "Anatomy": "Anatomy"}


def read_standoff(folder: Path) -> tuple[dict[str, str], list[Annotation]]:
    """Texts and text-bound annotations (``T`` lines) of a brat standoff folder.

    Raises ``ValueError`` naming the file and line when an annotation's text is not the
    document text at its (outer) span.
    """
    texts: dict[str, str] = {}
    gold: list[Annotation] = []
    for ann in sorted(folder.glob("*.ann")):
        doc = ann.stem
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        texts[doc] = text
        for number, line in enumerate(ann.read_text(encoding="utf-8").splitlines(), 1):
            if not line.startswith("T"):
                continue
            _, type_span, mention = line.split("\t", 2)
            typ, spans = type_span.split(" ", 1)
            pieces = [tuple(map(int, s.split())) for s in spans.split(";")]
            start, end = pieces[0][0], pieces[-1][1]
            if len(pieces) == 1 and text[start:end] != mention:
                raise ValueError(f"{ann}:{number}: {mention!r} is not the text at "
                                 f"{start}-{end}")
            gold.append(Annotation(doc, start, end, GOLD_CLASSES.get(typ, "Anatomy")))
    return texts, gold


def predict(texts: dict[str, str]) -> tuple[list[Annotation], float]:
    from exokg.annotate import document_mentions
    from exokg.model import Document
    from exokg.recognise import Recogniser

    started = time.perf_counter()
    recogniser = Recogniser.default()
    out = []
    for doc, text in texts.items():
        for m in document_mentions(Document(doc, text, "anatem"), recogniser):
            if m.type in PRED_CLASSES:
                out.append(Annotation(doc, m.start, m.end, PRED_CLASSES[m.type]))
    return out, time.perf_counter() - started


def any_anatomy(items: list[Annotation]) -> list[Annotation]:
    return [Annotation(a.doc, a.start, a.end, "AnyAnatomy") for a in items]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=DEFAULT_DIR)
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    texts, gold = read_standoff(args.folder)
    pred, seconds = predict(texts)
    scores = score_mentions(gold, pred)
    scores.pop("all")
    scores |= {k: v for k, v in score_mentions(any_anatomy(gold), any_anatomy(pred)).items()
               if k == "AnyAnatomy"}
    if args.json:
        print(json.dumps([s.as_dict() for s in scores.values()], indent=2))
        return 0
    print(f"AnatEM {args.folder}: {len(texts)} documents, {len(gold)} gold mentions; exokg in "
          f"{seconds:.1f}s")
    print(format_scores(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
