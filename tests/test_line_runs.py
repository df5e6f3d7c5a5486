"""Sorted text read once for several writers (exokg.export.line_runs, exokg.export.extsort's
sorted_blocks): the bytes written are the bytes read, the lines those a text file gives,
wherever the blocks cut the text; the RDF exports written from one pass equal the writers
run one by one over the file."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest

from exokg.export.extsort import gnu_tools, sort_file, sorted_blocks
from exokg.export.jsonld_lines import jsonld_from_ntriples
from exokg.export.line_runs import subject_runs, tee_lines
from exokg.export.ntriples import to_ntriples
from exokg.export.streamed import turtle_prefixes
from exokg.export.turtle_lines import write_turtle_lines
from exokg.pipeline import build

# invented lines: a multi-byte character at every place a block may cut, a literal that
# holds " . " and an escaped line end, a form feed (a line break to str.splitlines, not
# to an N-Triples file), a last line without its line end
_TEXT = ('<http://e.org/a> <http://e.org/p> "caf\u00e9 \U0001F600 . x" .\n'
         '<http://e.org/a> <http://e.org/q> "a\\nb\x0cc" .\n'
         '<http://e.org/b> <http://e.org/p> <http://e.org/\u00e9> .\n'
         '<http://e.org/b> <http://e.org/p> "\u2028" .').encode("utf-8")


@pytest.mark.parametrize("size", [1, 2, 3, 7, 64, 1 << 20])
def test_blocks_cut_anywhere_give_the_file_lines_and_bytes(size: int) -> None:
    blocks = [_TEXT[i:i + size] for i in range(0, len(_TEXT), size)]
    written = io.BytesIO()
    lines = list(tee_lines(blocks, written.write))
    assert written.getvalue() == _TEXT
    as_file = io.TextIOWrapper(io.BytesIO(_TEXT), encoding="utf-8", newline="\n")
    assert lines == [line.rstrip("\n") for line in as_file]
    assert len(lines) == 4


def test_runs_group_consecutive_lines_of_a_subject() -> None:
    lines = ['<a> <p> "x y z" .\n', '<a> <q> <b> .', '<c> <p> "1" .', '<a> <p> <d> .']
    runs = list(subject_runs(lines))
    assert runs == [[["<a>", "<p>", '"x y z"'], ["<a>", "<q>", "<b>"]],
                    [["<c>", "<p>", '"1"']], [["<a>", "<p>", "<d>"]]]
    assert list(subject_runs([])) == []


@pytest.mark.parametrize("line", ["<a> <p> .", "<a> <p> <o>", "", "<a> <p> <o> .\r\n"])
def test_malformed_lines_are_refused(line: str) -> None:
    with pytest.raises(ValueError, match="not an N-Triples line"):
        list(subject_runs([line]))


@pytest.mark.parametrize("external", [True, False])
def test_sorted_blocks_are_the_sorted_file(tmp_path: Path, external: bool) -> None:
    if external and gnu_tools() is None:
        pytest.skip("GNU sort is not installed")
    rng = random.Random(5)
    lines = [f"g{rng.randrange(9)}\t<x/{rng.randrange(400)}> \u00e9 .\n".encode()
             for _ in range(3000)]
    source = tmp_path / "lines.txt"
    source.write_bytes(b"".join(lines))
    for after_tab in (False, True):
        target = io.BytesIO()
        sort_file(source, target, tmp_path, after_tab=after_tab, external=external)
        joined = b"".join(sorted_blocks(source, tmp_path, after_tab=after_tab,
                                        external=external))
        assert joined == target.getvalue()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lines.txt"]


def test_a_reader_that_stops_early_leaves_no_sort_behind(tmp_path: Path) -> None:
    if gnu_tools() is None:
        pytest.skip("GNU sort is not installed")
    source = tmp_path / "lines.txt"
    source.write_bytes(b"".join(f"g\t<x/{i}> .\n".encode() for i in range(300_000)))
    blocks = sorted_blocks(source, tmp_path, after_tab=True, buffer_bytes=1 << 20)
    first = next(blocks)
    assert first.startswith(b"<x/0> .\n")
    blocks.close()  # the pipes closed, sort and cut waited for, their files removed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lines.txt"]


def test_one_pass_gives_each_writer_its_own_bytes() -> None:
    """Turtle and JSON-LD fed from one pass over the sorted N-Triples (as the build writes
    them) give the bytes each writer gives alone over the file's lines."""
    from exokg.export.jsonld_lines import JsonldRuns
    from exokg.export.turtle_lines import TurtleRuns

    ntriples = to_ntriples(build().graph)
    lines = ntriples.decode("utf-8").splitlines(keepends=True)
    alone_ttl, alone_jsonld = io.BytesIO(), io.BytesIO()
    write_turtle_lines(lines, alone_ttl, turtle_prefixes())
    jsonld_from_ntriples(lines, alone_jsonld)
    written, ttl, jsonld = io.BytesIO(), io.BytesIO(), io.BytesIO()
    turtle, document = TurtleRuns(ttl, turtle_prefixes()), JsonldRuns(jsonld)
    blocks = [ntriples[i:i + 4096] for i in range(0, len(ntriples), 4096)]
    for run in subject_runs(tee_lines(blocks, written.write)):
        turtle.write(run)
        document.write(run)
    turtle.close()
    document.close()
    assert written.getvalue() == ntriples
    assert ttl.getvalue() == alone_ttl.getvalue()
    assert jsonld.getvalue() == alone_jsonld.getvalue()
    assert turtle.count == len(lines)
