"""Regenerate ``exokg/resources/lexicon/gene-names.tsv``: gene and protein names that the
BioCreative II Gene Mention annotators marked, from the TRAINING part of its training data.

Usage (from the repository root; the corpus is read in place, never copied)::

    .venv/bin/python scripts/make_gene_names.py \\
        ../shared/benchmarks/bc2gm/devel-split/train -o exokg/resources/lexicon/gene-names.tsv

The folder holds ``train.in`` (``ID text`` lines), ``GENE.eval`` and ``ALTGENE.eval``; the
2,500 sentences of ``devel-split/devel`` are not in it, so figures on that split are out of
sample with respect to the table. How a row is made (docs/lexicon.md, "Gene and protein
names no gene table grounds"):

* every ``GENE.eval`` mention is a candidate name (its text as written);
* each candidate is then looked for everywhere in the training sentences, case-sensitively
  and on token boundaries (tokens as :func:`exokg.recognise.lexicon.tokenize` makes them,
  so a hyphen and a space compare equal), and an occurrence counts as annotated when its
  span is a ``GENE.eval`` or an acceptable ``ALTGENE.eval`` span;
* a name is kept when at least ``--min-annotated`` (2) occurrences are annotated and at
  least ``--min-ratio`` (0.5) of all its occurrences are; names without a letter, of one
  character, or of more than eight tokens are left out.

The output is sorted and deterministic; the sentences themselves are not copied.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from exokg.recognise.lexicon import tokenize

HEADER = """\
# exokg gene-name table: gene and protein names as the BioCreative II Gene Mention (BC2GM)
# annotators marked them. Generated; do not edit by hand.
# Made by scripts/make_gene_names.py (rules in its docstring and docs/lexicon.md) from the
#   BC2GM training data (Smith et al. 2008), TRAINING part of the 12,500/2,500 split
#   (devel-split/train); US Government work, public domain (NCBI).
# The 2,500 development sentences are not used: figures on them are out of sample.
# Columns: name, occurrences annotated as a gene/protein, occurrences in all.
"""
_MAX_TOKENS = 8

Span = tuple[int, int]


def read_split(folder: Path) -> tuple[dict[str, str], dict[str, set[Span]],
                                      dict[str, set[Span]]]:
    """(sentences, gold spans, alternative spans) of a BC2GM folder; spans are character
    offsets [start, end) into the sentence text."""
    (sentence_file,) = sorted(folder.glob("*.in"))
    sentences: dict[str, str] = {}
    for line in sentence_file.read_text(encoding="latin-1").splitlines():
        if line.strip():
            sid, text = line.split(" ", 1)
            sentences[sid] = text

    def spans(name: str) -> dict[str, set[Span]]:
        out: dict[str, set[Span]] = defaultdict(set)
        path = folder / name
        if not path.exists():
            return out
        for line in path.read_text(encoding="latin-1").splitlines():
            if not line.strip():
                continue
            sid, offsets, _ = line.split("|", 2)
            start, end = (int(x) for x in offsets.split())
            text = sentences.get(sid)
            if text is None:
                continue
            chars = [i for i, c in enumerate(text) if not c.isspace()]
            if end < len(chars):
                out[sid].add((chars[start], chars[end] + 1))
        return out

    return sentences, spans("GENE.eval"), spans("ALTGENE.eval")


def name_counts(sentences: dict[str, str], gold: dict[str, set[Span]],
                alternatives: dict[str, set[Span]]) -> dict[str, tuple[int, int]]:
    """{name: (annotated occurrences, all occurrences)} for every gold mention's text."""
    keys: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for sid, spans in gold.items():
        text = sentences[sid]
        for start, end in spans:
            name = " ".join(text[start:end].split())
            words = tuple(t.text for t in tokenize(name))
            if words and len(words) <= _MAX_TOKENS:
                keys[words][name] += 1
    longest = max((len(k) for k in keys), default=0)
    annotated: Counter[tuple[str, ...]] = Counter()
    seen: Counter[tuple[str, ...]] = Counter()
    for sid, text in sentences.items():
        tokens = tokenize(text)
        marked = gold.get(sid, set()) | alternatives.get(sid, set())
        for i in range(len(tokens)):
            for n in range(1, min(longest, len(tokens) - i) + 1):
                window = tokens[i:i + n]
                words = tuple(t.text for t in window)
                if words not in keys:
                    continue
                start, end = window[0].start, window[-1].end
                if (start > 0 and text[start - 1].isalnum()) or \
                        (end < len(text) and text[end].isalnum()):
                    continue
                seen[words] += 1
                if (start, end) in marked:
                    annotated[words] += 1
    return {forms.most_common(1)[0][0] if len(forms) == 1 else
            sorted(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]:
            (annotated[words], seen[words]) for words, forms in keys.items()}


def keep(name: str, annotated: int, seen: int, min_annotated: int, min_ratio: float) -> bool:
    """The table's rule for one name (see the module docstring)."""
    if len(name) < 2 or not any(c.isalpha() for c in name):
        return False
    return annotated >= min_annotated and seen > 0 and annotated / seen >= min_ratio


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="BC2GM training folder (devel-split/train)")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--min-annotated", type=int, default=2)
    parser.add_argument("--min-ratio", type=float, default=0.5)
    args = parser.parse_args(argv)
    sentences, gold, alternatives = read_split(args.folder)
    counts = name_counts(sentences, gold, alternatives)
    rows = sorted((name, a, n) for name, (a, n) in counts.items()
                  if keep(name, a, n, args.min_annotated, args.min_ratio))
    with args.output.open("w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER)
        for name, a, n in rows:
            f.write(f"{name}\t{a}\t{n}\n")
    print(f"{args.output}: {len(rows)} names from {len(sentences)} sentences", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
