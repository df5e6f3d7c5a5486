"""Parallel extraction (exokg.parallel): the same graph for any worker count, one recogniser
per worker, errors from workers reported, and the dask backend on a loopback LocalCluster."""

from __future__ import annotations

from pathlib import Path

import pytest

from exokg import parallel
from exokg.errors import ExokgError
from exokg.export.turtle import to_turtle
from exokg.pipeline import build, load_documents

DEVSET = Path(__file__).parent / "devset" / "documents"


@pytest.fixture(scope="module")
def serial_turtle() -> bytes:
    return to_turtle(build([DEVSET], workers=1).graph)


def test_two_workers_give_byte_identical_turtle(serial_turtle: bytes) -> None:
    seen: list[str] = []
    result = build([DEVSET], workers=2, on_document=lambda doc, *_: seen.append(doc.id))
    assert to_turtle(result.graph) == serial_turtle
    # the hook (the incremental cache) sees the documents in input order
    assert seen == [doc.id for doc in load_documents([DEVSET])]


def test_results_come_back_in_input_order_whatever_the_batch() -> None:
    docs = load_documents([DEVSET])
    for workers, batch in ((2, 1), (2, 3), (3, 2)):
        got = list(parallel.extract_documents(iter(docs), workers=workers, batch=batch))
        assert [d.id for d, _ in got] == [d.id for d in docs]
        assert sum(count for _, (_, _, count) in got) > len(docs)


def test_recogniser_is_built_once_per_worker(tmp_path: Path, monkeypatch) -> None:
    from exokg.recognise import Recogniser

    log = tmp_path / "built.txt"
    original = Recogniser.default.__func__  # type: ignore[attr-defined]

    def counting(cls):  # type: ignore[no-untyped-def]
        with log.open("a", encoding="utf-8") as f:
            f.write("built\n")
        return original(cls)

    monkeypatch.setattr(Recogniser, "default", classmethod(counting))
    docs = load_documents([DEVSET]) * 3
    docs = [type(d)(f"{d.id}-{i}", d.text, d.origin, title=d.title, source=d.source,
                    start=d.start, kind=d.kind, fields=d.fields) for i, d in enumerate(docs)]
    results = list(parallel.extract_documents(docs, None, workers=2, batch=1))
    assert len(results) == len(docs) > 8
    assert 1 <= len(log.read_text(encoding="utf-8").splitlines()) <= 2


def test_worker_errors_reach_the_caller_as_one_line(monkeypatch) -> None:
    import exokg.pipeline as pipeline

    original = pipeline.document_statements

    def failing(doc, recogniser):  # type: ignore[no-untyped-def]
        if doc.id == "NCT03384433":
            raise ExokgError(f"{doc.origin}: cannot read this record")
        return original(doc, recogniser)

    monkeypatch.setattr(pipeline, "document_statements", failing)
    with pytest.raises(ExokgError, match="NCT03384433.json: cannot read this record"):
        build([DEVSET], workers=2)


def test_bad_worker_counts_are_refused(tmp_path: Path) -> None:
    with pytest.raises(parallel.ParallelError, match="1 or more"):
        list(parallel.extract_documents(load_documents([DEVSET]), workers=0))
    from exokg.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["build", "--workers", "0", "--out", str(tmp_path / "out")])
    assert exit_.value.code == 2


def test_default_workers_is_the_machines_cores() -> None:
    from exokg.cli import make_parser

    args = make_parser().parse_args(["build"])
    assert args.workers == parallel.default_workers() >= 1
    assert args.dask is None


def test_dask_missing_gives_an_install_hint(monkeypatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_distributed(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name == "distributed" or name.startswith("distributed."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_distributed)
    with pytest.raises(parallel.ParallelError, match=r"install exokg\[dask\]"):
        list(parallel.extract_documents(load_documents([DEVSET]), dask="tcp://127.0.0.1:1"))


def test_dask_local_cluster_gives_the_same_graph(serial_turtle: bytes) -> None:
    import distributed
    # in-process workers, scheduler on loopback TCP (as a real cluster's address would be)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  protocol="tcp://", host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        result = build([DEVSET], dask=cluster.scheduler_address)
    assert to_turtle(result.graph) == serial_turtle


def test_packed_results_fill_the_same_claim_rows_and_registry(serial_turtle: bytes) -> None:
    import pickle

    from exokg.claimstore import raw_rows
    from exokg.pipeline import register

    docs = load_documents([DEVSET])
    plain = list(parallel.extract_documents(iter(docs), workers=2, batch=2))
    packed = list(parallel.extract_documents(iter(docs), workers=2, batch=2, packed=True))
    assert [d.id for d, _ in packed] == [d.id for d, _ in plain]

    def unpickled(rows):  # type: ignore[no-untyped-def]
        return [row[:4] + (pickle.loads(row[4]),) for row in rows]

    registries: list[dict] = [{}, {}]
    for (_, (found, entities, count)), (_, (rows, sent, sent_count)) in zip(plain, packed):
        assert unpickled(rows) == unpickled(raw_rows(found))
        assert sent_count == count
        assert set(sent) <= set(entities)
        for entity in entities.values():
            register(registries[0], entity)
        for entity in sent.values():
            register(registries[1], entity)
    assert list(registries[1].items()) == list(registries[0].items())
    # a worker sends a frequent entity's record once, not with every document
    assert sum(len(e) for _, (_, e, _) in packed) < sum(len(e) for _, (_, e, _) in plain) / 2
    # a build without a per-document hook takes the packed path
    assert to_turtle(build([DEVSET], workers=2).graph) == serial_turtle


def test_a_worker_forgets_the_records_it_sent_when_it_has_sent_many() -> None:
    """The memory of sent records is bounded: past the limit it starts again and sends
    a record anew (merging it twice changes nothing), so a worker's memory stays flat."""
    from exokg.model import Entity

    a, b = Entity("exokg:x/a", "a", "Gene"), Entity("exokg:x/b", "b", "Gene")
    sent: dict = {}
    assert list(parallel._packed(([], {a.id: a}, 1), sent, limit=2)[1]) == [a.id]
    assert list(parallel._packed(([], {a.id: a, b.id: b}, 1), sent, limit=2)[1]) == [b.id]
    assert len(sent) == 2
    # full: forgotten, so both are sent again and remembered anew
    assert list(parallel._packed(([], {a.id: a, b.id: b}, 1), sent, limit=2)[1]) == [a.id, b.id]
    assert len(sent) == 2
    # below the limit, a record sent before is not sent again
    assert list(parallel._packed(([], {a.id: a}, 1), sent, limit=3)[1]) == []
