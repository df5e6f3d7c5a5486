"""A build is one transaction; exokg replaces only what it made (issue: nothing lost).

Fault injection: each build or ``add`` runs in a forked child (modules already imported,
so a run costs well under a second) with ``EXOKG_FAULT`` choosing where it dies
(:mod:`exokg.faults`): SIGKILL at the N-th write step, SIGKILL / Ctrl-C / SIGTERM at each
named step, a full disk (ENOSPC) and a read-only destination (EACCES) at each kind of
write. After every run the exports folder and the store must each be the old or the new
complete generation, and after the next writer's recovery they must agree.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import shutil
import signal
import sys
from pathlib import Path

import pyoxigraph
import pytest

from exokg.cli import main
from exokg.export.publish import OUT_MARKER
from exokg.graph.store import StoreWriter, generation_info, generation_path, open_store
from exokg.incremental import DocumentCache, cache_path

HERE = Path(__file__).parent
PUBMED = HERE / "data" / "inputs" / "pubmed_two_articles.xml"
REGISTRY = HERE / "devset" / "documents" / "NCT03384433.json"
ABSTRACT = HERE / "devset" / "documents" / "xin-2013-jcbfm.md"

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="fork and flock semantics")

NAMED_POINTS = ["store-marker", "store-load", "store-streamed", "rdf-export", "store-view",
                "store-loaded",
                "store-file", "cache-file",
                "export-file", "generation-rename", "commit-switch", "committed",
                "publish-swap", "publish-swapped", "published"]


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != OUT_MARKER}


def _child(args: list[str], fault: str | None, log: str | None) -> None:
    if fault:
        os.environ["EXOKG_FAULT"] = fault
    if log:
        os.environ["EXOKG_FAULT_LOG"] = log
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
    sys.exit(main([*args, "-q"]))


def _context():  # type: ignore[no-untyped-def]
    # forkserver, not fork: the test process has used Oxigraph's threads, and a forked copy
    # of a threaded process can deadlock; the server forks from a clean preloaded process.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([
        "exokg.cli", "exokg.pipeline", "exokg.export.writer", "exokg.export.formats",
        "exokg.validate", "exokg.viz", "exokg.recognise", "exokg.incremental", "pyshacl",
        "rdflib.plugins.parsers.notation3", "rdflib.plugins.serializers.turtle"])
    return context


def start_child(args: list[str], fault: str | None = None, log: str | None = None):  # type: ignore[no-untyped-def]
    process = _context().Process(target=_child, args=(args, fault, log))
    process.start()
    return process


def run_child(args: list[str], fault: str | None = None, log: str | None = None) -> int:
    """Run ``exokg ARGS`` in a child with EXOKG_FAULT set; its exit status, or -SIGNAL when
    a signal killed it."""
    process = start_child(args, fault, log)
    process.join(120)
    assert process.exitcode is not None, "the build hung"
    return process.exitcode


@pytest.fixture(scope="module")
def generations(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    """The complete exports of the old input (PubMed) and of the new one (PubMed + registry
    record), made by undisturbed builds."""
    root = tmp_path_factory.mktemp("reference")
    result = {}
    for name, inputs in (("old", [PUBMED]), ("new", [PUBMED, REGISTRY])):
        out = root / name / "exports"
        assert main(["build", *map(str, inputs), "--out", str(out), "-q"]) == 0
        result[name] = files_of(out)
    assert result["old"] != result["new"]
    return result


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the old generation built (exports and store), copied by each run."""
    root = tmp_path_factory.mktemp("template")
    assert main(["build", str(PUBMED), "--out", str(root / "exports"), "-q"]) == 0
    return root


def old_build(root: Path, template: Path | None = None) -> tuple[Path, Path]:
    """``root`` holding the old generation: a copy of ``template``, or built afresh."""
    out, store = root / "exports", root / ".exokg" / "store"
    if template is not None:
        shutil.copytree(template, root, symlinks=True)
    else:
        assert main(["build", str(PUBMED), "--out", str(out), "-q"]) == 0
    return out, store


def check_consistent(out: Path, store: Path, generations: dict[str, dict[str, bytes]]) -> str:
    """Assert the exports and the store are each a complete generation, recover, assert they
    agree; returns which generation ("old" or "new") the store ended on."""
    exports = files_of(out)
    assert exports in (generations["old"], generations["new"]), "mixed exports folder"
    current = generation_path(store)
    assert current is not None, "no current generation"
    kept = files_of(current / "exports")
    assert kept in (generations["old"], generations["new"]), "mixed generation"
    if not (current / "PUBLISH").exists():
        assert exports == kept
    info = generation_info(store)
    database = open_store(store)
    triples = len(list(database.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())))
    del database
    assert triples == info["triples"]
    assert len(DocumentCache.open(cache_path(store)).entries) == info["documents"]
    with StoreWriter(store):  # the next writer's recovery
        pass
    assert files_of(out) == kept
    leftovers = [p.name for p in out.parent.iterdir() if ".exokg-" in p.name]
    leftovers += [p.name for p in (store / "generations").iterdir() if p.name.startswith(".")]
    assert not leftovers
    return "old" if kept == generations["old"] else "new"


def count_points(root: Path) -> int:
    out, store = old_build(root)
    log = root / "points.log"
    assert run_child(["build", str(PUBMED), str(REGISTRY), "--out", str(out)],
                     log=str(log)) == 0
    return len(log.read_text().splitlines())


def test_sigkill_at_random_points_of_a_build(tmp_path: Path, generations, template) -> None:
    total = count_points(tmp_path / "count")
    assert total >= 15  # every export file, the store, the cache, the switch, the swap
    rng = random.Random(20261206)
    ended = []
    for run in range(14):  # and 6 runs of add below: 20 random SIGKILLs
        root = tmp_path / f"run{run}"
        out, store = old_build(root, template)
        point = rng.randint(1, total)
        status = run_child(["build", str(PUBMED), str(REGISTRY), "--out", str(out)],
                           f"kill@{point}")
        assert status == -signal.SIGKILL
        ended.append(check_consistent(out, store, generations))
    assert "old" in ended and "new" in ended  # crashes before and after the commit point


@pytest.mark.parametrize("point", NAMED_POINTS)
def test_crash_after_each_write_step(tmp_path: Path, generations, template, point: str
                                     ) -> None:
    out, store = old_build(tmp_path / "run", template)
    status = run_child(["build", str(PUBMED), str(REGISTRY), "--out", str(out)],
                       f"kill:{point}")
    if point == "store-marker":  # the store exists already: no marker is written
        assert status == 0
    else:
        assert status == -signal.SIGKILL
    ended = check_consistent(out, store, generations)
    assert ended == ("new" if point in ("committed", "publish-swap", "publish-swapped",
                                        "published", "store-marker") else "old")


@pytest.mark.parametrize("action", ["interrupt", "term"])
@pytest.mark.parametrize("point", ["store-load", "generation-rename"])
def test_ctrl_c_and_sigterm_leave_the_old_generation(tmp_path: Path, generations,
                                                      action: str, point: str,
                                                      template) -> None:
    out, store = old_build(tmp_path / "run", template)
    status = run_child(["build", str(PUBMED), str(REGISTRY), "--out", str(out)],
                       f"{action}:{point}")
    assert status == 130
    assert check_consistent(out, store, generations) == "old"
    assert not [p for p in (store / "generations").iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("error", ["enospc", "eacces"])
@pytest.mark.parametrize("point", ["store-load", "rdf-export", "cache-file", "export-file"])
def test_full_disk_or_read_only_destination_replaces_nothing(tmp_path: Path, generations,
                                                             error: str, point: str,
                                                             template) -> None:
    out, store = old_build(tmp_path / "run", template)
    status = run_child(["build", str(PUBMED), str(REGISTRY), "--out", str(out)],
                       f"{error}:{point}")
    assert status == 2
    assert files_of(out) == generations["old"]
    assert check_consistent(out, store, generations) == "old"


def test_sigkill_at_random_points_of_add(tmp_path: Path, generations, template) -> None:
    rng = random.Random(7)
    for run in range(6):
        root = tmp_path / f"run{run}"
        out, store = old_build(root, template)
        status = run_child(["add", str(REGISTRY), "--out", str(out)], f"kill@{rng.randint(1, 25)}")
        assert status in (-signal.SIGKILL, 0)
        check_consistent(out, store, generations)
    # the graph stays usable: a further add keeps every document
    assert run_child(["add", str(ABSTRACT), "--out", str(out)]) == 0
    entries = DocumentCache.open(cache_path(store)).entries
    assert {"pubmed-11111111", "pubmed-22222222", "xin-2013-jcbfm"} <= set(entries)


def test_two_concurrent_builds_queue_on_the_lock(tmp_path: Path, generations, template
                                                 ) -> None:
    out, store = old_build(tmp_path / "run", template)
    children = [start_child(["build", *map(str, inputs), "--out", str(out)])
                for inputs in ([PUBMED], [PUBMED, REGISTRY])]
    for child in children:
        child.join(120)
    assert [child.exitcode for child in children] == [0, 0]
    check_consistent(out, store, generations)


def test_a_held_lock_fails_clearly_after_the_wait(tmp_path: Path) -> None:
    from exokg.graph.store import StoreError

    _, store = old_build(tmp_path)
    with StoreWriter(store):
        with pytest.raises(StoreError, match="another exokg process is writing"):
            with StoreWriter(store, wait=0.2):
                pass


# -- exokg replaces only what it made ---------------------------------------------------------


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else b"<dir>"
            for p in sorted(folder.rglob("*"))}


@pytest.mark.parametrize("option", ["--store", "--out"])
def test_a_folder_exokg_did_not_make_is_refused(tmp_path: Path, option: str, capsys) -> None:
    important = tmp_path / "important"
    (important / "sub").mkdir(parents=True)
    (important / "thesis.txt").write_text("thesis")
    before = _tree(important)
    args = ["build", str(PUBMED), "--out", str(tmp_path / "exports"), option, str(important)]
    if option == "--out":
        args = ["build", str(PUBMED), "--out", str(important)]
    assert main(args) == 2
    assert _tree(important) == before
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "important" in err[0] and "thesis.txt" in err[0]


def test_store_on_the_exports_folder_or_a_file_is_refused(tmp_path: Path, capsys) -> None:
    out, _ = old_build(tmp_path)
    before = _tree(out)
    assert main(["build", str(PUBMED), "--out", str(out), "--store", str(out)]) == 2
    assert "overlap" in capsys.readouterr().err
    assert _tree(out) == before
    paper = tmp_path / "paper.txt"
    paper.write_text("mine")
    assert main(["build", str(PUBMED), "--out", str(out), "--store", str(paper)]) == 2
    assert paper.read_text() == "mine" and not (tmp_path / ".paper.txt.old").exists()
    assert main(["build", str(PUBMED), "--out", str(paper)]) == 2
    assert paper.read_text() == "mine"


def test_exports_written_before_the_marker_and_plain_stores_are_taken_over(tmp_path: Path
                                                                           ) -> None:
    out, store = tmp_path / "exports", tmp_path / "plain"
    out.mkdir()
    (out / "exokg.ttl").write_text("# old export\n")
    (out / "kgx").mkdir()
    (out / "kgx" / "nodes.tsv").write_text("id\n")
    plain = pyoxigraph.Store(str(store))
    plain.add(pyoxigraph.Quad(pyoxigraph.NamedNode("http://e/a"),
                              pyoxigraph.NamedNode("http://e/b"), pyoxigraph.Literal("c")))
    plain.flush()
    del plain
    assert main(["build", str(PUBMED), "--out", str(out), "--store", str(store), "-q"]) == 0
    assert (out / OUT_MARKER).is_file()
    assert generation_path(store) is not None
    assert generation_info(store)["documents"] == 2


# -- never an empty graph over a full one -----------------------------------------------------


def test_an_empty_input_does_not_replace_a_graph(tmp_path: Path, capsys) -> None:
    out, store = old_build(tmp_path)
    before = files_of(out)
    empty = tmp_path / "empty"
    empty.mkdir()
    no_studies = tmp_path / "studies.json"
    no_studies.write_text('{"studies": []}')
    for source in (empty, no_studies):
        assert main(["build", str(source), "--out", str(out), "-q"]) == 2
        assert "--allow-empty" in capsys.readouterr().err
        assert files_of(out) == before
    assert main(["build", str(empty), "--out", str(out), "-q", "--allow-empty"]) == 0
    assert generation_info(store)["documents"] == 0


def test_add_without_a_built_graph_is_an_error(tmp_path: Path, capsys) -> None:
    assert main(["add", str(REGISTRY), "--out", str(tmp_path / "exports"), "-q"]) == 2
    assert "run 'exokg build'" in capsys.readouterr().err


def test_reload_after_a_rebuild_keeps_the_ontology(tmp_path: Path) -> None:
    import exokg

    out, store = old_build(tmp_path)
    built = generation_path(store)
    query = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT (COUNT(*) AS ?n) "
             "WHERE { ?class rdfs:subClassOf ?parent }")  # the ontology graph is visible
    with exokg.load(out) as kg:
        assert generation_path(store) == built  # the exports are not newer than the store
        before = int(kg.sparql(query)["n"][0])
        assert before > 0
        assert main(["build", str(PUBMED), str(REGISTRY), "--out", str(out), "-q"]) == 0
        kg.reload()
        assert int(kg.sparql(query)["n"][0]) == before


def _mount_small_tmpfs(folder: Path, size: str) -> bool:
    """Mount a tmpfs of ``size`` on ``folder``; False where the machine does not allow it."""
    import subprocess

    folder.mkdir(parents=True)
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs",
                               str(folder)], capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def test_a_really_full_disk_replaces_nothing(tmp_path: Path, generations, template) -> None:
    """A 4 MiB tmpfs holds the old generation (about 2.4 MiB) but not a second one. Where
    mounting is not allowed, the same run fails by ENOSPC injected at the store load."""
    disk = tmp_path / "disk"
    mounted = _mount_small_tmpfs(disk, "4m")
    try:
        root = disk / "run"
        out, store = old_build(root, template)
        status = run_child(["build", str(PUBMED), str(REGISTRY), "--out", str(out)],
                           None if mounted else "enospc:store-load")
        assert status == 2
        assert check_consistent(out, store, generations) == "old"
    finally:
        if mounted:
            import subprocess

            subprocess.run(["umount", str(disk)], capture_output=True, timeout=30)


def test_add_on_a_store_written_before_generations_keeps_its_documents(tmp_path: Path,
                                                                        template) -> None:
    """The old layout: a plain Oxigraph folder with the cache in STORE.documents beside."""
    out, store = old_build(tmp_path / "run", template)
    generation = generation_path(store)
    assert generation is not None
    legacy = tmp_path / "run" / "legacy"
    shutil.move(generation / "oxigraph", legacy)
    shutil.move(generation / "documents", tmp_path / "run" / "legacy.documents")
    assert main(["add", str(REGISTRY), "--out", str(out), "--store", str(legacy), "-q"]) == 0
    entries = DocumentCache.open(cache_path(legacy)).entries
    assert set(entries) == {"pubmed-11111111", "pubmed-22222222", "NCT03384433"}
