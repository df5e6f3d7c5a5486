"""The ``exokg build`` command: outputs, summary, bad input, and nothing lost on failure."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative path -> bytes)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": "random"}
    return subprocess.run([sys.executable, "-m", "exokg", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("build")
    proc = run("build", "--out", "exports", cwd=root)
    assert proc.returncode == 0, proc.stderr
    (root / "stdout.txt").write_text(proc.stdout, encoding="utf-8")
    return root


def test_build_writes_exports_store_and_summary(built: Path) -> None:
    out = built / "exports"
    assert (out / "exokg.ttl").stat().st_size > 10_000
    assert (out / "statements.csv").stat().st_size > 1_000
    assert (built / ".exokg" / "store").is_dir()
    summary = (built / "stdout.txt").read_text(encoding="utf-8")
    assert "documents: 8" in summary
    assert "sentences: 26" in summary
    assert "  ExosomePreparation: " in summary and "  MicroRNA: " in summary
    assert "  biolink:affects: " in summary and "  exo:studiesIntervention: " in summary


def test_turtle_is_byte_identical_across_processes(built: Path, tmp_path: Path) -> None:
    proc = run("build", "-q", "--out", "again", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    first, again = snapshot(built / "exports"), snapshot(tmp_path / "again")
    assert first.keys() == again.keys()
    for name in first:
        assert again[name] == first[name], name


@pytest.mark.parametrize("name, content, message", [
    ("missing.txt", None, "no such file"),
    ("binary.txt", b"\x00\x01\x02binary", "binary file"),
    ("latin1.txt", "Exosomes \u00e9".encode("latin-1"), "invalid UTF-8"),
    ("empty.txt", b"", "empty file"),
])
def test_bad_input_fails_with_one_line_and_leaves_exports_untouched(
        built: Path, tmp_path: Path, name: str, content: bytes | None, message: str) -> None:
    out = tmp_path / "exports"
    shutil.copytree(built / "exports", out)
    before = snapshot(out)
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    proc = run("build", str(bad), "--out", str(out), cwd=tmp_path)
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("exokg: error: ") and name in lines[0] and message in lines[0]
    assert snapshot(out) == before
    assert not (tmp_path / ".exokg").exists()


def test_user_documents_build(tmp_path: Path) -> None:
    doc = tmp_path / "docs" / "study.md"
    doc.parent.mkdir()
    doc.write_text("---\nid: study1\npmid: 23963371\n---\n"
                   "Intravenous administration of MSC-derived exosomes to rats after MCAO "
                   "significantly improved functional recovery.\n", encoding="utf-8")
    proc = run("build", "docs", "--out", "out", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    csv_text = (tmp_path / "out" / "statements.csv").read_text(encoding="utf-8")
    assert "functional recovery" in csv_text and "study1" in csv_text
    assert "documents: 1" in proc.stdout
