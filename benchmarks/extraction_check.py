"""Extraction output fingerprint: what recognition and extraction give, document by document.

Usage::

    python benchmarks/extraction_check.py OUT [PATH ...] [--limit N] [--against OLD]

Writes to ``OUT`` one block per document of the inputs (default: the bundled founding
corpus and the development set ``tests/devset/documents``; the synthetic corpora of
``benchmarks/scale.py`` as PATH): the ``repr`` of every analysed sentence's mentions,
values, parts and annotated names, of the raw statements (with their evidence and rule
names; once from that analysis and once from :func:`exokg.pipeline.document_statements`,
the build's own call), of the entities the document introduced and of its sentence count,
i.e. everything :func:`exokg.pipeline.document_statements` returns and :mod:`exokg.annotate`
reads. A speed
change to recognition or the rules must leave this file byte-identical: write it with the old
code (``PYTHONPATH`` pointing at a ``git archive`` of the older commit) and with the new one,
then compare; ``--against OLD`` does the comparison and names the first document that
differs (exit status 1), or prints ``identical``.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path

from exokg.model import Document
from exokg.pipeline import analyse_document, document_statements, load_documents, \
    stream_documents
from exokg.extract import extract_document
from exokg.extract.registry import extract_record
from exokg.recognise import Recogniser

DEVSET = Path(__file__).resolve().parents[1] / "tests" / "devset" / "documents"


def blocks(docs: list[Document], recogniser: Recogniser) -> Iterator[tuple[str, str]]:
    """(document id, text block) of each document: its recognition and extraction output.
    The statements are written twice: extracted from the full analysis (annotation names
    included) and as a build makes them (:func:`document_statements`, which leaves the
    names for annotation only out), with the entities the document introduced."""
    for doc in docs:
        analysed = analyse_document(doc, recogniser)
        lines = [f"# {doc.id} {len(analysed)} sentences"]
        for a in analysed:
            lines.append(f"S {a.sentence.index} {a.mentions!r} {a.values!r} {a.parts!r} "
                         f"{a.annotated!r}")
        found = extract_document(analysed) + extract_record(doc, recogniser)
        lines.extend(f"T {s!r}" for s in found)
        built, entities, count = document_statements(doc, recogniser)
        lines.append(f"B {count} sentences")
        lines.extend(f"B {s!r}" for s in built)
        lines.extend(f"E {entities[k]!r}" for k in sorted(entities))
        yield doc.id, "\n".join(lines) + "\n"


def _split(path: Path) -> dict[str, str]:
    """Blocks of a fingerprint file by document id."""
    out: dict[str, str] = {}
    current = ""
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith("# "):
            current = line.split()[1]
            out[current] = ""
        out[current] = out.get(current, "") + line
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="fingerprint file to write")
    parser.add_argument("paths", nargs="*", help="inputs (default: corpus and dev set)")
    parser.add_argument("--limit", type=int, default=0, help="the first N documents of PATH")
    parser.add_argument("--against", type=Path, help="fingerprint file to compare with")
    args = parser.parse_args()
    if args.paths:
        docs = list(stream_documents(args.paths))
    else:
        docs = load_documents() + load_documents([DEVSET])
    if args.limit:
        docs = docs[:args.limit]
    recogniser = Recogniser.default()
    digest = hashlib.sha256()
    with args.out.open("w", encoding="utf-8") as out:
        for _, block in blocks(docs, recogniser):
            out.write(block)
            digest.update(block.encode("utf-8"))
    print(f"{len(docs)} documents, sha256 {digest.hexdigest()[:16]}, written to {args.out}")
    if args.against is None:
        return 0
    old, new = _split(args.against), _split(args.out)
    for doc_id in list(dict.fromkeys([*old, *new])):
        if old.get(doc_id) != new.get(doc_id):
            print(f"differs from {args.against}: first at document {doc_id}")
            return 1
    print(f"identical to {args.against}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
