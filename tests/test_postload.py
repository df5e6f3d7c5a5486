"""The phases after loading run at once in worker processes (issue 10, the phases after
extraction): the files are byte-identical for any ``--workers``, a failure in any phase
(an error, a worker that dies, the building process killed while they run) publishes
nothing and leaves the previous store and exports, and the memory rule keeps the heavy
phases apart.

The corpus is small, so the builds are sent down the large-build path (every export from
the store) by setting the document threshold to 0 in the building process."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from exokg.export.publish import OUT_MARKER
from exokg.graph.store import StoreWriter, generation_info, generation_path
from exokg.postload import MEMORY_BUDGET_MB, PHASES, WORKERS_BUDGET_MB, Phase, plan

HERE = Path(__file__).parent
PUBMED = HERE / "data" / "inputs" / "pubmed_two_articles.xml"
REGISTRY = HERE / "devset" / "documents" / "NCT03384433.json"

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="fork server and prctl")

#: ``exokg ARGS`` with the large-build path forced (the threshold patched before main runs)
_LARGE = ("import sys, exokg.export.writer as w; w.RDFLIB_MAX_DOCUMENTS = 0; "
          "from exokg.cli import main; sys.exit(main(sys.argv[1:]))")


def large_build(args: list[str], cwd: Path, fault: str | None = None
                ) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EXOKG_FAULT")}
    if fault:
        env["EXOKG_FAULT"] = fault
    return subprocess.run([sys.executable, "-c", _LARGE, *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=600)


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != OUT_MARKER}


def generation_files(store: Path) -> dict[str, bytes]:
    """What a reader of the store sees besides the database: the view file, the
    generation's exports."""
    current = generation_path(store)
    assert current is not None
    return {**{name: (current / name).read_bytes()
               for name in ("view.sqlite", "answers.sqlite", "kept-answers.sqlite")},
            **{f"exports/{k}": v for k, v in files_of(current / "exports").items()}}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("inputs")
    for path in sorted((HERE / "devset" / "documents").glob("*.md"))[:4]:
        shutil.copy(path, folder)
    shutil.copy(PUBMED, folder)
    shutil.copy(REGISTRY, folder)
    return folder


@pytest.fixture(scope="module")
def one_worker(tmp_path_factory: pytest.TempPathFactory, inputs: Path) -> Path:
    """The large build of ``inputs`` with ``--workers 1`` (the phases one after the other
    in the building process)."""
    root = tmp_path_factory.mktemp("w1")
    done = large_build(["-v", "build", str(inputs), "--out", str(root / "out"),
                        "--workers", "1"], root)
    assert done.returncode == 0, done.stderr
    assert "phases over the loaded store" not in done.stderr
    return root


def test_every_file_is_byte_identical_for_one_and_two_workers(tmp_path: Path, inputs: Path,
                                                              one_worker: Path) -> None:
    done = large_build(["-v", "build", str(inputs), "--out", str(tmp_path / "out"),
                        "--workers", "2"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"{len(PHASES)} phases over the loaded store in 2 worker processes" in done.stderr
    first = files_of(one_worker / "out")
    assert {"exokg.nt", "exokg.ttl", "exokg.nq", "exokg.trig", "exokg.jsonld",
            "exokg.graphml", "statements.csv", "kgx/nodes.tsv", "kgx/edges.tsv",
            "exokg.html"} <= set(first)
    assert files_of(tmp_path / "out") == first
    store1, store2 = one_worker / ".exokg" / "store", tmp_path / ".exokg" / "store"
    assert generation_files(store2) == generation_files(store1)
    info1, info2 = generation_info(store1), generation_info(store2)
    assert info2["triples"] == info1["triples"] and info2["documents"] == info1["documents"]
    # one line per finished phase, with its count, rate, CPU time and peak memory
    lines = [line for line in done.stderr.splitlines() if "peak " in line]
    assert len(lines) == len(PHASES), done.stderr
    assert all(" in " in line and "/s; CPU " in line for line in lines)
    for phase in PHASES:
        assert any(line.startswith(f"exokg: {phase.title}: ") for line in lines), phase
    assert not (generation_path(store2) / ".scratch").exists()


def _copy_of(one_worker: Path, root: Path) -> tuple[Path, Path]:
    shutil.copytree(one_worker, root, symlinks=True)
    return root / "out", root / ".exokg" / "store"


def _unchanged(out: Path, store: Path, before: dict[str, bytes],
               generation: Path | None) -> None:
    assert files_of(out) == before
    assert generation_path(store) == generation
    with StoreWriter(store):  # the next writer's recovery
        pass
    assert files_of(out) == before
    assert generation_path(store) == generation
    leftovers = [p.name for p in out.parent.iterdir() if ".exokg-" in p.name]
    leftovers += [p.name for p in (store / "generations").iterdir() if p.name.startswith(".")]
    assert not leftovers


@pytest.mark.parametrize(("fault", "said"), [
    ("kill:rdf-export", "worker process of 'rdf'"),    # a worker dies (SIGKILL)
    ("enospc:rdf-export", "rdf: "),                    # a worker's disk is full
    ("kill:store-view", "worker process of 'view'"),
])
def test_a_failing_phase_publishes_nothing(tmp_path: Path, inputs: Path, one_worker: Path,
                                           fault: str, said: str) -> None:
    """The previous build was of fewer inputs; the new build fails in a concurrent phase:
    one error line naming the phase, a non-zero exit, the previous store and exports."""
    out, store = _copy_of(one_worker, tmp_path / "run")
    before, generation = files_of(out), generation_path(store)
    inputs_now = tmp_path / "more"
    shutil.copytree(inputs, inputs_now)
    shutil.copy(HERE / "devset" / "documents" / sorted(
        p.name for p in (HERE / "devset" / "documents").glob("*.md"))[5], inputs_now)
    done = large_build(["build", str(inputs_now), "--out", str(out), "--workers", "2"],
                       tmp_path, fault)
    assert done.returncode == 2, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("exokg: error:")]
    assert len(errors) == 1 and said in errors[0] and "nothing was published" in errors[0]
    _unchanged(out, store, before, generation)


def test_the_build_killed_while_the_phases_run_leaves_the_previous_outputs(
        tmp_path: Path, inputs: Path, one_worker: Path) -> None:
    """SIGKILL of the building process when the first phase has finished (the others still
    running in their workers, which die with it): the previous store and exports."""
    out, store = _copy_of(one_worker, tmp_path / "run")
    before, generation = files_of(out), generation_path(store)
    inputs_now = tmp_path / "fewer"
    shutil.copytree(inputs, inputs_now)
    (inputs_now / PUBMED.name).unlink()
    done = large_build(["build", str(inputs_now), "--out", str(out), "--workers", "2"],
                       tmp_path, "kill:post-phase")
    assert done.returncode == -signal.SIGKILL
    _unchanged(out, store, before, generation)


def test_an_invalid_graph_stops_the_phases_and_publishes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import exokg.export.writer as writer
    from exokg.errors import ValidationError
    from exokg.graph.rdf import BIOLINK
    from exokg.pipeline import assemble_result
    from exokg.progress import Reporter
    from tests.exports_helpers import DOCS, REGISTRY as ENTITIES, STATEMENTS

    monkeypatch.setattr(writer, "RDFLIB_MAX_DOCUMENTS", 0)
    out, store = tmp_path / "out", tmp_path / "store"
    writer.write_build_outputs(assemble_result(DOCS, STATEMENTS, dict(ENTITIES), 4), out,
                               store=store, workers=2)
    before, generation = files_of(out), generation_path(store)
    bad = assemble_result(DOCS, STATEMENTS, dict(ENTITIES), 4)
    graph = bad.graph
    graph.remove((None, BIOLINK.has_evidence, None))  # statements without evidence
    bad.graph = graph
    stream = io.StringIO()
    with pytest.raises(ValidationError) as caught:
        writer.write_build_outputs(bad, out, store=store, workers=2,
                                   reporter=Reporter(verbosity=1, stream=stream, tty=False))
    assert not caught.value.report.conforms  # type: ignore[attr-defined]
    _unchanged(out, store, before, generation)


def test_a_large_build_lets_go_of_the_open_lexicon_before_it_loads_the_store(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The building process forgets the open lexicon it recognised with before it loads
    the store (the load and the phases never read it; some 90-115 MB a build held to its
    end), so nothing keeps it while the store loads."""
    import weakref

    import exokg.export.writer as writer
    import exokg.lexicon
    from exokg.pipeline import assemble_result
    from exokg.recognise import open as open_lexicon
    from tests.exports_helpers import DOCS, REGISTRY as ENTITIES, STATEMENTS

    class Compiled:  # stands for the compiled lexicon (a second or two and some 90 MB to open)
        def __init__(self, path: Path) -> None:
            self.path = path

    monkeypatch.setattr(exokg.lexicon, "Lexicon", Compiled)
    open_lexicon.release_open_lexicon()
    opened = weakref.ref(open_lexicon._open("/nowhere"))
    assert opened() is not None  # the process's one lexicon, kept for the next recogniser
    seen_at_load: list[object] = []
    load = writer._load

    def spy(*args: object, **kwargs: object) -> int:
        seen_at_load.append(opened())
        return load(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(writer, "_load", spy)
    monkeypatch.setattr(writer, "RDFLIB_MAX_DOCUMENTS", 0)
    try:
        writer.write_build_outputs(assemble_result(DOCS, STATEMENTS, dict(ENTITIES), 4),
                                   tmp_path / "out", store=tmp_path / "store", workers=2)
    finally:  # the stand-in never reaches another test's recogniser
        open_lexicon.release_open_lexicon()
    assert seen_at_load == [None]


def _phase(name: str, mb: float) -> Phase:
    return Phase(name, name, mb, 0)


def test_heavy_phases_are_not_started_together_beyond_the_budget() -> None:
    phases = [_phase("a", 800), _phase("b", 700), _phase("c", 300), _phase("d", 200)]
    # 2,000 MB with this process at 600 MB: a (800) fits with c (300), not with b (700)
    assert plan(phases, 0, 2, 2000, 600) == [["a", "c"], ["b", "d"]]
    # one worker: one at a time, in order
    assert plan(phases, 0, 1, 2000, 600) == [["a"], ["b"], ["c"], ["d"]]
    # a phase larger than the budget still runs, alone
    assert plan([_phase("huge", 5000), _phase("c", 300)], 0, 2, 2000, 600) == \
        [["huge"], ["c"]]
    # plenty of memory: as many as there are workers
    assert plan(phases, 0, 3, 10_000, 600, 10_000) == [["a", "b", "c"], ["d"]]


def test_large_phases_run_side_by_side_only_within_the_workers_budget() -> None:
    phases = [_phase("a", 800), _phase("b", 700), _phase("c", 300), _phase("d", 200)]
    # however much the machine has, the workers together stay within their own budget:
    # a (800) beside c (300) is 1,100 MB, beside b 1,500
    assert plan(phases, 0, 2, 10_000, 0, 1100) == [["a", "c"], ["b", "d"]]
    assert plan(phases, 0, 2, 10_000, 0, 1000) == [["a", "d"], ["b", "c"]]
    # a phase above it still runs, alone
    assert plan(phases, 0, 2, 10_000, 0, 500) == [["a"], ["b"], ["c", "d"]]


def test_a_phase_starts_after_the_phases_it_comes_after() -> None:
    first, reader = _phase("first", 100), Phase("reader", "reader", 100, 0, ("first",))
    other = _phase("other", 100)
    # the reader waits for the first phase; another phase takes the free worker meanwhile
    assert plan([first, reader, other], 0, 2, 2000, 600) == [["first", "other"], ["reader"]]
    # a phase it comes after that is not run at all does not hold it back
    assert plan([reader, other], 0, 2, 2000, 600) == [["reader", "other"]]
    # in the build: the answer tables, the KGX/CSV tables and the view's and GraphML's
    # edges read the statement rows
    groups = plan(PHASES, 1_000_000, 2, MEMORY_BUDGET_MB, 300)
    where = {name: i for i, group in enumerate(groups) for name in group}
    assert all(where["rows"] < where[name] for name in ("answers", "tables", "view",
                                                         "graphml"))


def test_expected_memory_grows_with_the_store() -> None:
    for phase in PHASES:
        assert phase.memory_mb(9_500_000) >= phase.memory_mb(870_000) > 0
    at_100k = {p.name: p.memory_mb(9_500_000) for p in PHASES}
    # phases whose expected memory does not fit together beside a building process of 1 GB
    # at 100,000 abstracts never run together (the view file's answer tables run alone)
    for group in plan(PHASES, 9_500_000, 2, 2000, 1000):
        assert sum(at_100k[name] for name in group) + 1000 <= 2000 or len(group) == 1


def test_the_estimates_cover_the_measured_peaks_and_keep_100k_within_the_budget() -> None:
    expected = {p.name: p for p in PHASES}
    # peak RSS of each phase's worker in the builds of 10,000 synthetic abstracts (the
    # eleventh and twelfth sessions) and 100,000 (tenth to twelfth), with the triples of
    # their stores (docs/benchmarks.md, "Memory peak and RDF exports, round 5"); the RDF
    # worker's plus sort's 32 MB buffer (34 MB resident)
    builds = {1_332_709: dict(rows=125, validate=178, answers=280, view=216, tables=211,
                              rdf=191 + 34, page=286, graphml=152),
              1_339_033: dict(rows=125, validate=178, answers=280, view=216, tables=211,
                              rdf=191 + 34, page=287, graphml=150),
              12_008_227: dict(rows=230, validate=689, answers=776, view=635, tables=605,
                               rdf=213 + 34, page=731, graphml=292),
              12_113_211: dict(rows=229, validate=694, answers=758, view=640, tables=605,
                               rdf=217 + 34, page=732, graphml=293),
              12_172_614: dict(rows=229, validate=700, answers=760, view=642, tables=605,
                               rdf=217 + 34, page=732, graphml=293)}
    for triples, peaks in builds.items():
        assert sorted(peaks) == sorted(expected)
        for name, peak_mb in peaks.items():
            assert expected[name].memory_mb(triples) >= peak_mb, (name, triples)
    # the building process held about 470 MB while the phases ran at 100,000 abstracts
    # (550 here): every group the rule starts together fits in the budget beside it, so no
    # phase runs alone above it, and the workers in their own budget
    at_100k = {p.name: p.memory_mb(12_172_614) for p in PHASES}
    groups = plan(PHASES, 12_172_614, 2, MEMORY_BUDGET_MB, 550)
    assert sorted(name for group in groups for name in group) == sorted(at_100k)
    for group in groups:
        assert sum(at_100k[name] for name in group) + 550 <= MEMORY_BUDGET_MB, group
        assert sum(at_100k[name] for name in group) <= WORKERS_BUDGET_MB or len(group) == 1
    # the validation (the summed peak of the twelfth session's build, beside KGX/CSV) runs
    # beside none of the other large phases; the view file and KGX/CSV, the pair of large
    # phases that needs least memory, may run together
    large = {"answers", "view", "tables", "page"}
    assert not any("validate" in group and large & set(group) for group in groups)
    assert plan([expected["view"], expected["tables"]], 12_172_614, 2, MEMORY_BUDGET_MB,
                550) == [["view", "tables"]]
