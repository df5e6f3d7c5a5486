"""Regenerate ``exokg/resources/lexicon/mesh-curation.tsv``: disease and chemical names with
the MeSH (or OMIM) id hand-annotators gave them, from the TRAINING splits of three NCBI
corpora (NCBI Disease, BioCreative V CDR, BioRED).

Usage (from the repository root; the corpora are read in place, never copied)::

    .venv/bin/python scripts/make_mesh_curation.py \\
        --ncbi ../shared/benchmarks/ncbi-disease/NCBItrainset_corpus.txt \\
        --cdr ../shared/benchmarks/bc5cdr/CDR_TrainingSet.PubTator.txt \\
        --biored ../shared/benchmarks/biored/Train.PubTator.txt \\
        --exclude ../shared/benchmarks/ncbi-disease/NCBIdevelopset_corpus.txt \\
        --exclude ../shared/benchmarks/bc5cdr/CDR_DevelopmentSet.PubTator.txt \\
        --exclude ../shared/benchmarks/biored/Dev.PubTator.txt \\
        -o exokg/resources/lexicon/mesh-curation.tsv

How a row is made (docs/lexicon.md, "MeSH grounding"):

* every annotation of the training files is read (NCBI Disease: SpecificDisease,
  DiseaseClass, Modifier -> Disease; BC5CDR: Disease, Chemical; BioRED:
  DiseaseOrPhenotypicFeature -> Disease, its chemicals not: their ids are newer MeSH
  descriptors than BC5CDR's); composite mentions and
  mentions with several ids or none (``-1``) are skipped, and so is every document whose
  PMID is in an ``--exclude`` file (the development splits the table is measured on, so the
  figures stay out of sample);
* abbreviations are skipped (a name without a lower-case letter and without a space, such
  as ``DMD`` or ``A-T``): an abbreviation is defined by its own document, which the
  document-level reader resolves;
* names are grouped by the lexicon's comparison key (exokg.lexicon.normalise.key); a key
  is kept when one id has at least two thirds of its mentions; the row's name is the
  key's most frequent surface form;
* a disease key is also dropped when the annotators left most of its occurrences unmarked: its
  annotations (of any id) must be at least half of the times the key occurs as a run of
  whole tokens in the training texts it was annotated in (:func:`occurrences`), so a word
  that is a disease name only now and then ("inflammatory", "tumor") is not matched
  everywhere.

The output is sorted and deterministic.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from exokg.lexicon.normalise import key, tokens

_NCBI_CLASSES = {"SpecificDisease": "Disease", "DiseaseClass": "Disease",
                 "Modifier": "Disease"}
_CDR_CLASSES = {"Disease": "Disease", "Chemical": "Chemical"}
#: BioRED gives diseases only: its chemical ids are newer MeSH descriptors than BC5CDR's
#: (sorafenib D000077157 beside C471405), and mixing the two would drop names both have.
_BIORED_CLASSES = {"DiseaseOrPhenotypicFeature": "Disease"}
#: A kept key's annotations must be at least this share of its occurrences in the texts.
MIN_ANNOTATED_SHARE = 0.5
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
#     NCBI public domain notice;
#   BioRED, TRAINING set (Train.PubTator.txt; Luo et al. 2022), made at NCBI, no licence
#     stated in the archive (names and identifiers only are taken).
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


def _spans(path: Path, skip: set[str]) -> dict[str, list[tuple[int, int]]]:
    """The annotated spans (any class) of each document of a PubTator file."""
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    with path.open(encoding="utf-8") as f:
        for line in f:
            cells = line.split("\t")
            if len(cells) >= 5 and cells[1].isdigit() and cells[2].isdigit() and \
                    cells[0] not in skip:
                out[cells[0]].append((int(cells[1]), int(cells[2])))
    return out


def _texts(path: Path, skip: set[str]) -> dict[str, str]:
    """Title + " " + abstract of each document of a PubTator file (the text annotation
    offsets count in), documents in ``skip`` left out."""
    texts: dict[str, str] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            m = _TITLE.match(line)
            if m and m.group(1) not in skip:
                body = line.rstrip("\r\n").split("|", 2)[2]
                pmid = m.group(1)
                texts[pmid] = f"{texts[pmid]} {body}" if pmid in texts else body
    return texts


def occurrences(texts: list[tuple[str, list[tuple[int, int]]]], wanted: set[str]) -> Counter:
    """How often each key of ``wanted`` occurs in the texts as a run of whole tokens (the
    way the lexicon matches names: :func:`exokg.lexicon.normalise.tokens`), not counting
    occurrences strictly inside a longer annotated span of the text (``anemia`` in an
    annotated "hemolytic anemia" is no unmarked "anemia"). ``texts`` pairs each text with
    its annotated spans.

    >>> occurrences([("Inflammatory cells; anti-inflammatory drugs", [])], {"inflammatory"})
    Counter({'inflammatory': 2})
    >>> occurrences([("hemolytic anemia and anemia", [(0, 16)])], {"anemia"})
    Counter({'anemia': 1})
    """
    longest = max((k.count(" ") + 1 for k in wanted), default=0)
    found: Counter = Counter()
    for text, spans in texts:
        toks = tokens(text)
        words = [t.text.casefold() for t in toks]
        for i in range(len(words)):
            for n in range(1, min(longest, len(words) - i) + 1):
                gram = " ".join(words[i:i + n])
                if gram not in wanted:
                    continue
                start, end = toks[i].start, toks[i + n - 1].end
                if not any(s <= start and end <= e and (s, e) != (start, end)
                           for s, e in spans):
                    found[gram] += 1
    return found


def build_rows(sources: list[tuple[Path, dict[str, str]]], skip: set[str],
               min_share: float = MIN_ANNOTATED_SHARE) -> list[tuple]:
    """The table's rows: (name, class, id, mentions with id, mentions of the key).

    A disease key annotated in fewer than ``min_share`` of its occurrences in the source
    texts is left out (see the module docstring)."""
    ids: dict[tuple[str, str], Counter] = defaultdict(Counter)
    surfaces: dict[tuple[str, str], Counter] = defaultdict(Counter)
    texts: list[tuple[str, list[tuple[int, int]]]] = []
    for path, classes in sources:
        spans = _spans(path, skip)
        texts.extend((text, spans.get(pmid, [])) for pmid, text in _texts(path, skip).items())
        for _pmid, text, cls, curie in _annotations(path, classes, skip):
            if not text or is_abbreviation(text):
                continue
            k = key(text)
            if not k or not any(c.isalpha() for c in k):
                continue
            ids[(k, cls)][curie] += 1
            surfaces[(k, cls)][text] += 1
    seen = occurrences(texts, {k for k, _cls in ids})
    annotated: Counter = Counter()
    for (k, _cls), counts in ids.items():
        annotated[k] += sum(counts.values())
    rows = []
    for (k, cls), counts in ids.items():
        total = sum(counts.values())
        best, n = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        if 3 * n < 2 * total:
            continue  # the annotators disagree on what this name is
        if cls == "Disease" and annotated[k] < min_share * max(seen[k], annotated[k]):
            continue  # mostly left unmarked: a disease name only now and then
        name = sorted(surfaces[(k, cls)].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        rows.append((name, cls, best, n, total))
    return sorted(rows, key=lambda r: (r[1], key(r[0]), r[0], r[2]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ncbi", type=Path, required=True, help="NCBI Disease training file")
    parser.add_argument("--cdr", type=Path, required=True, help="BC5CDR training file")
    parser.add_argument("--biored", type=Path, default=None, help="BioRED training file")
    parser.add_argument("--exclude", type=Path, action="append", default=[],
                        help="a PubTator file whose documents are left out (repeatable)")
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args(argv)
    excluded: set[str] = set()
    for path in args.exclude:
        excluded |= _documents(path)
    sources = [(args.ncbi, _NCBI_CLASSES), (args.cdr, _CDR_CLASSES)]
    if args.biored is not None:
        sources.append((args.biored, _BIORED_CLASSES))
    training: set[str] = set()
    for path, _classes in sources:
        training |= _documents(path)
    rows = build_rows(sources, excluded)
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
