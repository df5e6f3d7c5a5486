"""Sorting files on disk (exokg.export.extsort.sort_file): GNU sort and the Python merge give
the same lines in the same order, and failures are one-line OSErrors."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest

from exokg.export.extsort import gnu_tools, merge_width, sort_file


def _lines(count: int, seed: int = 5) -> list[bytes]:
    rng = random.Random(seed)
    words = ["<http://x.org/a>", "<http://x.org/\u00e9>", '"z\\t\u00b5"', "_:b", "\u4e2d", "A"]
    return [("\t".join(rng.choice(words) for _ in range(rng.randint(1, 4))) +
             f" {rng.randrange(count // 3 + 1)} .\n").encode("utf-8") for _ in range(count)]


@pytest.mark.parametrize("after_tab", [False, True], ids=["lines", "after-tab"])
def test_gnu_sort_and_python_merge_agree(tmp_path: Path, after_tab: bool) -> None:
    assert gnu_tools() is not None  # Debian's coreutils: the path the build takes
    lines = _lines(60_000)  # about 2 MB: more than the 1 MB buffer, so sort merges runs
    source = tmp_path / "in.txt"
    source.write_bytes(b"".join(lines))
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    results = []
    for external in (True, False):
        out = io.BytesIO()
        count = sort_file(source, out, scratch, after_tab=after_tab, external=external,
                          buffer_bytes=1 << 20)
        results.append((count, out.getvalue()))
        assert not list(scratch.iterdir())  # temporary files are gone
    expected = sorted(set(lines))
    if after_tab:
        expected = [line.partition(b"\t")[2] for line in expected if b"\t" in line]
    assert results[0] == results[1] == (len(expected), b"".join(expected))
    assert len(expected) < len(lines)  # duplicates were dropped


@pytest.mark.parametrize("external", [True, False], ids=["gnu", "python"])
def test_a_missing_source_is_an_os_error(tmp_path: Path, external: bool) -> None:
    with pytest.raises(OSError) as error:
        sort_file(tmp_path / "absent.nt", io.BytesIO(), tmp_path, external=external)
    assert "absent.nt" in str(error.value) and "\n" not in str(error.value)


def test_an_unwritable_scratch_folder_is_an_os_error(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_bytes(b"".join(_lines(100)))
    with pytest.raises(OSError):
        sort_file(source, io.BytesIO(), tmp_path / "no-such-folder")


def test_runs_merged_more_than_16_at_a_time_give_the_same_lines(tmp_path: Path) -> None:
    # about 24 MB through a 1 MB buffer: more than 16 runs, so the merge width is raised
    # above sort's default; the lines and their order must not change
    lines = [f"{i * 7919 % 250_000:07d}{'x' * 80}\n".encode() for i in range(280_000)]
    assert merge_width(sum(map(len, lines)), 1 << 20, 1024) > 16
    source = tmp_path / "in.txt"
    source.write_bytes(b"".join(lines))
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    out = io.BytesIO()
    count = sort_file(source, out, scratch, buffer_bytes=1 << 20)
    expected = sorted(set(lines))
    assert (count, out.getvalue()) == (len(expected), b"".join(expected))
    assert not list(scratch.iterdir())
