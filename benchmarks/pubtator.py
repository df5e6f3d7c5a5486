"""Score exokg's mentions (or any PubTator predictions) against a PubTator gold file.

Usage::

    python benchmarks/pubtator.py GOLD.PubTator [--pred FILE] [--json]

Without ``--pred`` exokg annotates the gold file's own text in-process (the same code path as
``exokg annotate GOLD --format pubtator``; the gold annotations are never read by exokg) and
prints how long that took. With ``--pred`` any PubTator file is scored, e.g. one written by
``exokg annotate GOLD -o pred.pubtator`` or by another tool; its document texts must equal
the gold texts (offsets are meaningless otherwise).

Printed per class (classes mapped with ``exokg.annotate.scoring.CLASS_MAP``: NCBI Disease
SpecificDisease/DiseaseClass/Modifier/CompositeMention -> Disease; BC5CDR Chemical,
Disease; BioRED GeneOrGeneProduct -> Gene, DiseaseOrPhenotypicFeature -> Disease,
ChemicalEntity -> Chemical, OrganismTaxon -> Species, CellLine, SequenceVariant -> Variant;
exokg's Phenotype counts as Disease): exact-span P/R/F1, lenient overlap P/R/F1 and
grounding accuracy (gold mentions with ids whose exact-span prediction shares an id, after
normalising bare MeSH/NCBI Gene/NCBI Taxonomy ids; the prediction's ids include the
entity's cross-references). Only classes in the gold file are scored.

The corpora under ../shared/benchmarks/ are training and development splits: figures on them
are development numbers.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import time
from pathlib import Path

from exokg.annotate.scoring import format_scores, read_pubtator_annotations, score_mentions


def annotate_in_process(gold: Path) -> tuple[Path, float, int]:
    """Run exokg on the gold file's text; returns the prediction file, seconds, documents."""
    from exokg.annotate import annotate_documents, write_annotations
    from exokg.corpus.pubtator import read_pubtator
    from exokg.recognise import Recogniser

    started = time.perf_counter()
    recogniser = Recogniser.default()
    documents = list(read_pubtator(gold))
    out = io.StringIO()
    write_annotations(annotate_documents(documents, recogniser), out, "pubtator")
    seconds = time.perf_counter() - started
    handle = tempfile.NamedTemporaryFile("w", suffix=".pubtator", delete=False,
                                         encoding="utf-8")
    with handle:
        handle.write(out.getvalue())
    return Path(handle.name), seconds, len(documents)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="gold PubTator file")
    parser.add_argument("--pred", type=Path, default=None,
                        help="predicted PubTator file (default: run exokg annotate in-process)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    gold_texts, gold = read_pubtator_annotations(args.gold)
    made = args.pred is None
    if made:
        pred_path, seconds, count = annotate_in_process(args.gold)
    else:
        pred_path, seconds, count = args.pred, 0.0, 0
    try:
        pred_texts, pred = read_pubtator_annotations(pred_path)
    finally:
        if made:
            pred_path.unlink()
    differ = [pmid for pmid, text in pred_texts.items() if gold_texts.get(pmid) != text]
    if differ:
        print(f"error: {len(differ)} predicted document(s) have other text than the gold "
              f"file (first: {differ[0]})", file=sys.stderr)
        return 2
    scores = score_mentions(gold, pred)
    if args.json:
        print(json.dumps({"gold": str(args.gold), "documents": len(gold_texts),
                          "scores": [s.as_dict() for s in scores.values()]}, indent=2))
        return 0
    print(f"gold: {args.gold} ({len(gold_texts)} documents, {len(gold)} mentions)")
    if made:
        print(f"exokg annotate in-process: {count} documents in {seconds:.1f}s "
              f"({count / seconds:.1f} docs/s)")
    print(format_scores(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
