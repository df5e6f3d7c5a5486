"""Regenerate ``exokg/resources/lexicon/mesh-curation.tsv``: disease and chemical names with
the MeSH (or OMIM) id hand-annotators gave them, from the TRAINING splits of two
US-government public-domain corpora.

Usage (from the repository root; the corpora are read in place, never copied)::

    .venv/bin/python scripts/make_mesh_curation.py \\
        --ncbi ../shared/benchmarks/ncbi-disease/NCBItrainset_corpus.txt \\
        --cdr ../shared/benchmarks/bc5cdr/CDR_TrainingSet.PubTator.txt \\
        --exclude ../shared/benchmarks/ncbi-disease/NCBIdevelopset_corpus.txt \\
        --exclude ../shared/benchmarks/bc5cdr/CDR_DevelopmentSet.PubTator.txt \\
        --exclude ../shared/benchmarks/biored/Dev.PubTator.txt \\
        -o exokg/resources/lexicon/mesh-curation.tsv

How a row is made (docs/lexicon.md, "MeSH grounding"):

* every annotation of the training files is read (NCBI Disease: SpecificDisease,
  DiseaseClass, Modifier -> Disease; BC5CDR: Disease, Chemical); composite mentions and
  mentions with several ids or none (``-1``) are skipped, and so is every document whose
  PMID is in an ``--exclude`` file (the development splits the table is measured on, so the
  figures stay out of sample);
* abbreviations are skipped (a name without a lower-case letter and without a space, such
  as ``DMD`` or ``A-T``): an abbreviation is defined by its own document, which the
  document-level reader resolves;
* names are grouped by the lexicon's comparison key (exokg.lexicon.normalise.key); a key
  is kept when one id has at least two thirds of its mentions; the row's name is the
  key's most frequent surface form.

The output is sorted and deterministic.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from exokg.lexicon.normalise import key

_NCBI_CLASSES = {"SpecificDisease": "Disease", "DiseaseClass": "Disease",
                 "Modifier": "Disease"}
_CDR_CLASSES = {"Disease": "Disease", "Chemical": "Chemical"}
_TITLE = re.compile(r"^(\d+)\|[ta]\|")
_MESH = re.compile(r"^[CD]\d{6,9}$")
_OMIM = re.compile(r"^OMIM:\d+$")

HEADER = """\
# exokg MeSH curation table: disease and chemical names -> the MeSH (or OMIM) id that the
# annotators of two public corpora gave them. Generated; do not edit by hand.
# Made by scripts/make_mesh_curation.py (rules in its docstring and docs/lexicon.md) from:
#   NCBI Disease corpus, TRAINING split (NCBItrainset_corpus.txt; Dogan et al. 2014),
#     US Government work, public domain;
#   BioCreative V CDR corpus, TRAINING set (CDR_TrainingSet.PubTator.txt; Li et al. 2016),
#     NCBI public domain notice.
# Documents whose PMID is in a development split ({excluded} of them) were left out, so
# figures on the development splits are out of sample with respect to this table.
# Columns: name, class (Disease|Chemical), id (mesh:D.../mesh:C.../OMIM:...),
# mentions with that id, mentions of the name in all.
"""


def _documents(path: Path) -> set[str]:
    with path.open(encoding="utf-8") as f:
        return {m.group(1) for line in f if (m := _TITLE.match(line))}


def _annotations(path: Path, classes: dict[str, str], skip: set[str]):
    """(pmid, text, class, id) of the file's single-id annotations of ``classes``."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            cells = line.rstrip("\r\n").split("\t")
            if len(cells) < 6 or not cells[1].isdigit() or cells[0] in skip:
                continue
            cls = classes.get(cells[4])
            raw = cells[5].strip()
            if cls is None or not raw or any(sep in raw for sep in "|,+;"):
                continue
            if _MESH.match(raw):
                curie = f"mesh:{raw}"
            elif raw.startswith("MESH:") and _MESH.match(raw[5:]):
                curie = f"mesh:{raw[5:]}"
            elif _OMIM.match(raw):
                curie = raw
            else:
                continue
            yield cells[0], cells[3].strip(), cls, curie


def is_abbreviation(name: str) -> bool:
    """True for a name written as an abbreviation: no lower-case letter and no space.

    >>> is_abbreviation("DMD"), is_abbreviation("A-T"), is_abbreviation("Duchenne")
    (True, True, False)
    """
    return " " not in name and not any(c.islower() for c in name)


def build_rows(sources: list[tuple[Path, dict[str, str]]], skip: set[str]) -> list[tuple]:
    """The table's rows: (name, class, id, mentions with id, mentions of the key)."""
    ids: dict[tuple[str, str], Counter] = defaultdict(Counter)
    surfaces: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for path, classes in sources:
        for _pmid, text, cls, curie in _annotations(path, classes, skip):
            if not text or is_abbreviation(text):
                continue
            k = key(text)
            if not k or not any(c.isalpha() for c in k):
                continue
            ids[(k, cls)][curie] += 1
            surfaces[(k, cls)][text] += 1
    rows = []
    for (k, cls), counts in ids.items():
        total = sum(counts.values())
        best, n = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        if 3 * n < 2 * total:
            continue  # the annotators disagree on what this name is
        name = sorted(surfaces[(k, cls)].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        rows.append((name, cls, best, n, total))
    return sorted(rows, key=lambda r: (r[1], key(r[0]), r[0], r[2]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ncbi", type=Path, required=True, help="NCBI Disease training file")
    parser.add_argument("--cdr", type=Path, required=True, help="BC5CDR training file")
    parser.add_argument("--exclude", type=Path, action="append", default=[],
                        help="a PubTator file whose documents are left out (repeatable)")
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args(argv)
    excluded: set[str] = set()
    for path in args.exclude:
        excluded |= _documents(path)
    training = _documents(args.ncbi) | _documents(args.cdr)
    rows = build_rows([(args.ncbi, _NCBI_CLASSES), (args.cdr, _CDR_CLASSES)], excluded)
    with args.output.open("w", encoding="utf-8", newline="\n") as out:
        out.write(HEADER.format(excluded=len(training & excluded)))
        for row in rows:
            out.write("\t".join(map(str, row)) + "\n")
    print(f"{args.output}: {len(rows)} names "
          f"({sum(r[1] == 'Disease' for r in rows)} diseases, "
          f"{sum(r[1] == 'Chemical' for r in rows)} chemicals); "
          f"{len(training & excluded)} training documents excluded", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
