"""One current graph: every command and ``exokg.load()`` find the graph the user built.

A build of two development-set abstracts (one mentions miR-134, which the bundled corpus
does not) is made in a project folder; the commands then run from a subfolder.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from exokg.project import (ENV_STORE, MARKER, NoGraphWarning, ProjectError, find_current,
                           find_project, record_project)

DEVSET = Path(__file__).parent / "devset" / "documents"
PAPERS = ("zhou-2018-bmc-neurol.md", "ji-serum-exosomal-mir9-mir124.md")


def run(*args: str, cwd: Path, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != ENV_STORE}
    return subprocess.run([sys.executable, "-m", "exokg", *args], cwd=cwd,
                          env={**environment, **(env or {})}, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("loop")
    papers = root / "papers"
    papers.mkdir()
    for name in PAPERS:
        shutil.copy(DEVSET / name, papers / name)
    proj = root / "proj"
    (proj / "notebooks").mkdir(parents=True)
    proc = run("build", "../papers", cwd=proj)
    assert proc.returncode == 0, proc.stderr
    return proj


def test_build_records_the_project(project: Path) -> None:
    marker = json.loads((project / MARKER).read_text(encoding="utf-8"))
    assert marker["out"] == "exports" and marker["store"] == ".exokg/store"
    assert marker["inputs"] == [str((project.parent / "papers").resolve())]
    found = find_project(project / "notebooks")
    assert found is not None and found.root == project.resolve()
    assert found.store == (project / ".exokg" / "store").resolve()
    assert not found.bundled


def test_viz_focus_uses_the_built_graph_from_a_subfolder(project: Path) -> None:
    proc = run("viz", "--focus", "miR-134", cwd=project / "notebooks")
    assert proc.returncode == 0, proc.stderr
    page = project / "exports" / "focus-mir-134-d1.html"
    assert page.is_file() and "miR-134" in page.read_text(encoding="utf-8")
    assert not (project / "notebooks" / "exports").exists()


def test_export_csv_to_stdout_is_the_built_graph(project: Path) -> None:
    proc = run("export", "-f", "csv", "-o", "-", cwd=project / "notebooks")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert rows and {r["document"] for r in rows} <= {"zhou-2018-bmc-neurol",
                                                       "ji-serum-exosomal-mir9-mir124"}
    assert "warning" not in proc.stderr


def test_store_option_overrides_and_environment_variable(project: Path, tmp_path: Path
                                                         ) -> None:
    store = project / ".exokg" / "store"
    for args in (("query", "-", "--store", str(store), "-f", "csv"),):
        proc = subprocess.run([sys.executable, "-m", "exokg", *args], cwd=tmp_path,
                              input="SELECT (COUNT(*) AS ?n) WHERE { ?d a exo:Document }",
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.splitlines()[1] == "2"
    found = find_current(start=tmp_path, environ={ENV_STORE: str(store)})
    assert found is not None and found.store == store and found.found_by == f"${ENV_STORE}"


def test_every_graph_command_takes_store() -> None:
    from exokg.cli import make_parser

    parser = make_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, command in sub.choices.items():  # type: ignore[union-attr]
        if name in ("queries", "annotate", "lexicon"):  # read no graph: the query library,
            continue                                      # input texts, the ontologies
        options = {o for a in command._actions for o in a.option_strings}
        assert "--store" in options, name


def test_load_in_a_subfolder_opens_the_project_graph(project: Path) -> None:
    code = ("import exokg, warnings; warnings.simplefilter('error'); kg = exokg.load(); "
            "print(kg.stats()['documents']); print(kg.path); kg.close()")
    proc = subprocess.run([sys.executable, "-c", code], cwd=project / "notebooks",
                          capture_output=True, text=True, timeout=120,
                          env={k: v for k, v in os.environ.items() if k != ENV_STORE})
    assert proc.returncode == 0, proc.stderr
    documents, path = proc.stdout.split()
    assert documents == "2"
    assert Path(path) == (project / ".exokg" / "store").resolve()
    assert not (project / "notebooks" / ".exokg").exists()


def test_no_graph_says_so_before_using_the_bundled_corpus(tmp_path: Path) -> None:
    proc = run("export", "-f", "ttl", "-o", "-", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "warning: no built graph found" in proc.stderr
    assert "bundled founding corpus" in proc.stderr


def test_load_without_a_graph_warns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import exokg

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(ENV_STORE, raising=False)
    with pytest.warns(NoGraphWarning, match="no built graph found"):
        kg = exokg.load()
    with kg:
        assert kg.source == "bundled corpus"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with exokg.load() as again:  # recorded now: found without a warning
            assert again.source.startswith("bundled corpus, the graph in")


def test_marker_round_trip_and_errors(tmp_path: Path) -> None:
    out = tmp_path / "site" / "exports"
    elsewhere = tmp_path / "stores" / "kg"
    marker = record_project(out, elsewhere, [tmp_path / "papers"])
    assert marker == tmp_path / "site" / MARKER
    data = json.loads(marker.read_text(encoding="utf-8"))
    assert data["store"] == str(elsewhere.resolve())  # outside the root: absolute
    deep = tmp_path / "site" / "a" / "b"
    deep.mkdir(parents=True)
    found = find_project(deep)
    assert found is not None and found.store == elsewhere.resolve()
    assert found.out == out.resolve()
    assert found.inputs == (str((tmp_path / "papers").resolve()),)
    marker.write_text("{not json", encoding="utf-8")
    with pytest.raises(ProjectError, match="unreadable project marker"):
        find_project(deep)


def test_legacy_store_without_marker_is_found(tmp_path: Path) -> None:
    (tmp_path / ".exokg" / "store").mkdir(parents=True)
    (tmp_path / "sub").mkdir()
    found = find_current(start=tmp_path / "sub", environ={})
    assert found is not None and found.store == tmp_path / ".exokg" / "store"
    assert found.project is not None and found.project.out == tmp_path / "exports"


def test_validate_and_add_work_on_the_current_graph(project: Path, tmp_path: Path) -> None:
    proc = run("validate", cwd=project / "notebooks")
    assert proc.returncode == 0, proc.stderr
    assert str(project / "exports" / "exokg.ttl") in proc.stdout
    copy = tmp_path / "proj"
    shutil.copytree(project, copy, symlinks=True)  # the store's "current" link stays a link
    (copy / "sub").mkdir()
    extra = DEVSET / "xin-2013-jcbfm.md"
    proc = run("add", str(extra), cwd=copy / "sub")
    assert proc.returncode == 0, proc.stderr
    assert "added 1" in proc.stdout
    marker = json.loads((copy / MARKER).read_text(encoding="utf-8"))
    assert str(extra.resolve()) in marker["inputs"]
    assert not (copy / "sub" / "exports").exists() and not (copy / "sub" / ".exokg").exists()
    count = subprocess.run(
        [sys.executable, "-m", "exokg", "query", "-", "-f", "csv"], cwd=copy / "sub",
        input="SELECT (COUNT(*) AS ?n) WHERE { ?d a exo:Document }", capture_output=True,
        text=True, timeout=120, env={k: v for k, v in os.environ.items() if k != ENV_STORE})
    assert count.returncode == 0, count.stderr
    assert count.stdout.splitlines()[1] == "3"


def test_add_without_a_graph_says_to_build_first(tmp_path: Path) -> None:
    proc = run("add", str(DEVSET / "xin-2013-jcbfm.md"), cwd=tmp_path)
    assert proc.returncode == 2
    assert "no built graph to change" in proc.stderr and "exokg build" in proc.stderr
