"""benchmarks/buildphases.py: the CPU total of a sampled process tree, and the tree itself."""

from __future__ import annotations

import subprocess
import sys
import time

from script_modules import load_script

buildphases = load_script("benchmarks/buildphases.py")


def test_grown_adds_increases_and_keeps_cpu_of_a_process_that_left():
    # invented samples: 1 s, then 3 s, then a worker leaves unreaped (2.5 s), then 4 s
    assert buildphases.grown([1.0, 3.0, 2.5, 4.0]) == 4.5
    assert buildphases.grown([]) == 0.0


def test_grown_of_a_total_that_only_grows_is_its_last_value():
    assert buildphases.grown([0.5, 0.5, 2.0, 7.25]) == 7.25


def test_tree_sample_counts_grandchildren():
    # the root is a child process that starts its own child and waits for it: the tree of
    # the root has two members, both resident in memory
    code = ("import subprocess, sys; "
            "subprocess.run([sys.executable, '-c', 'import sys; sys.stdin.read()'])")
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE)
    try:
        members, rss = 0, 0
        for _ in range(400):  # until the grandchild has started (not a timing assertion)
            _, rss, members = buildphases.tree_sample(child.pid)
            if members == 2:
                break
            time.sleep(0.05)
        assert members == 2 and rss > 0
    finally:
        child.communicate(b"")
