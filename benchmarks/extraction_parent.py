"""The calling process's CPU in a build's extraction phase, thread by thread.

Usage::

    python benchmarks/extraction_parent.py CORPUS N WORKERS

Runs what ``exokg build`` runs for the first ``N`` documents of ``CORPUS``
(:func:`exokg.pipeline.extract_into` into a claim table, documents read as it goes) with
``WORKERS`` worker processes and prints the CPU of this process against the workers'
(``getrusage``), split by thread from ``/proc/self/task`` (sampled every 0.2 s, since the
pool's threads end with it): the main thread (reading the input, ``ClaimStore.add_document``
and ``register`` timed apart, the rest: handing out work, the claim-table rows, progress),
the pool's manager thread (receiving and unpickling results) and its queue feeder (pickling
tasks). The sampler's own thread is printed apart and left out of the share. Run it with
``PYTHONPATH`` at an older tree to compare (``--workers``-style alternation by hand). CPU
seconds, not wall: the machine may be shared. Linux only.
"""

from __future__ import annotations

import os
import resource
import sys
import threading
import time
from itertools import islice

import exokg.pipeline as pipeline
from exokg.claimstore import ClaimStore
from exokg.recognise import Recogniser

_TICK = os.sysconf("SC_CLK_TCK")


def task_cpu() -> dict[int, float]:
    """CPU seconds of each live thread of this process, by thread id."""
    out = {}
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/stat", encoding="ascii") as handle:
                text = handle.read()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2:].split()
        out[int(tid)] = (int(fields[11]) + int(fields[12])) / _TICK
    return out


def main() -> None:
    path, count, workers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    spent = {"read": 0.0, "add_document": 0.0, "register": 0.0}

    def timed(name, function):  # type: ignore[no-untyped-def]
        def call(*args):  # type: ignore[no-untyped-def]
            started = time.thread_time()
            try:
                return function(*args)
            finally:
                spent[name] += time.thread_time() - started
        return call

    def reading(documents):  # type: ignore[no-untyped-def]
        next_document = timed("read", next)
        while True:
            try:
                yield next_document(documents)
            except StopIteration:
                return

    ClaimStore.add_document = timed("add_document", ClaimStore.add_document)  # type: ignore
    pipeline.register = timed("register", pipeline.register)
    recogniser = Recogniser.default()
    seen: dict[int, float] = {}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            for tid, cpu in task_cpu().items():
                seen[tid] = max(seen.get(tid, 0.0), cpu)
            done.wait(0.2)

    base = task_cpu()
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    own, main_thread, wall = time.process_time(), time.thread_time(), time.perf_counter()
    with ClaimStore() as claims:
        pipeline.extract_into(claims, reading(islice(pipeline.stream_documents([path]), count)),
                              recogniser, workers=workers)
    wall = time.perf_counter() - wall
    own, main_thread = time.process_time() - own, time.thread_time() - main_thread
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    done.set()
    sampler.join()
    used = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    sampled = seen.get(sampler.native_id, 0.0) - base.get(sampler.native_id, 0.0)
    parent = own - sampled
    others = sorted((cpu - base.get(tid, 0.0) for tid, cpu in seen.items()
                     if tid not in (threading.get_native_id(), sampler.native_id)), reverse=True)
    print(f"{count} documents, {workers} workers: wall {wall:.2f} s; this process "
          f"{parent:.2f} s ({1000 * parent / count:.3f} ms per document, sampler left out), "
          f"workers {used:.2f} s ({1000 * used / count:.3f} ms); this process's share "
          f"{100 * parent / (parent + used):.1f}%")
    print(f"  main thread {main_thread:.2f} s: read {spent['read']:.2f}, add_document "
          f"{spent['add_document']:.2f}, register {spent['register']:.2f}, rest "
          f"{main_thread - sum(spent.values()):.2f}")
    print("  other threads (pool manager: receiving results; queue feeder: sending tasks): "
          + ", ".join(f"{cpu:.2f}" for cpu in others if cpu > 0.005))
    print(f"  sampler {sampled:.2f} s; load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
