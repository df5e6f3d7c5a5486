"""The command line as a shell user meets it: progress on a terminal (through a pty) and in
a log, pipes closed early, ``--version``, ``-q``/``-v`` and subcommand usage."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import shutil
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

DEVSET = Path(__file__).parent / "devset" / "documents"


def run(*args: str, cwd: Path, stdout: int | None = subprocess.PIPE
        ) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "EXOKG_STORE"}
    return subprocess.run([sys.executable, "-m", "exokg", *args], cwd=cwd, env=env,
                          stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=300)


def run_in_pty(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run exokg with stdin, stdout and stderr on a pseudo-terminal; (status, output)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = {k: v for k, v in os.environ.items() if k != "EXOKG_STORE"}
    env.update(COLUMNS="100", TERM="xterm")
    proc = subprocess.Popen([sys.executable, "-m", "exokg", *args], cwd=cwd, env=env,
                            stdin=follower, stdout=follower, stderr=follower, close_fds=True)
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 120)
        if not ready:
            proc.kill()
            break
        try:
            data = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    return proc.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("papers")
    for path in sorted(DEVSET.glob("*.md"))[:4]:
        shutil.copy(path, folder / path.name)
    return folder


def test_terminal_build_shows_a_progress_bar_and_every_phase(papers: Path, tmp_path: Path
                                                             ) -> None:
    status, output = run_in_pty(["build", str(papers)], cwd=tmp_path)
    assert status == 0, output
    assert "4/4" in output and "\r" in output  # tqdm's bar, redrawn in place
    for phase in ("assembling claims", "validating the graph", "rendering the KGX",
                  "loading the store", "writing the RDF exports from the store",
                  "wrote exokg.nt", "and the exports to"):
        assert phase in output
    assert "built in" in output


def test_logged_build_writes_plain_lines_and_the_real_wall_time(papers: Path,
                                                                tmp_path: Path) -> None:
    import time

    began = time.monotonic()
    proc = run("build", str(papers), cwd=tmp_path)
    wall = time.monotonic() - began
    assert proc.returncode == 0, proc.stderr
    assert "\r" not in proc.stderr and "\r" not in proc.stdout
    assert "exokg: 4/4 documents" in proc.stderr
    assert "exokg: validating the graph against the SHACL shapes ..." in proc.stderr
    line = next(x for x in proc.stdout.splitlines() if x.startswith("built in "))
    reported = float(line.split()[2])
    # the figure covers the whole command (validation, exports, store), not extraction
    # only: at least the sum of its phases, and no more than the time the process ran
    phases = sum(float(p.rsplit(" ", 2)[-2]) for p in line.split("(", 1)[1].split(", "))
    assert phases <= reported + 0.1 and reported <= wall


def test_quiet_prints_nothing_and_verbose_says_where_the_graph_is(papers: Path,
                                                                  tmp_path: Path) -> None:
    proc = run("-q", "build", str(papers), cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout == "" and proc.stderr == ""
    proc = run("export", "-f", "ttl", "-o", "-", "-v", cwd=tmp_path / "exports")
    assert proc.returncode == 0, proc.stderr
    assert "using the graph in" in proc.stderr and "project.json" in proc.stderr


@pytest.mark.parametrize("args", [["queries"], ["queries", "-v"], ["export", "-f", "nt", "-o", "-"]])
def test_closed_pipe_ends_quietly(args: list[str], tmp_path: Path) -> None:
    read, write = os.pipe()
    os.close(read)  # the reader is gone before anything is written, as after `| head`
    try:
        proc = run(*args, cwd=tmp_path, stdout=write)
    finally:
        os.close(write)
    assert proc.returncode == 141
    assert "Traceback" not in proc.stderr and "BrokenPipeError" not in proc.stderr


def test_head_of_a_listing(tmp_path: Path) -> None:
    proc = subprocess.run(f"{sys.executable} -m exokg queries -v | head -2", shell=True,
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert len(proc.stdout.splitlines()) == 2
    assert "Traceback" not in proc.stderr


def test_version(tmp_path: Path) -> None:
    from importlib.metadata import version

    proc = run("--version", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout.strip() == f"exokg {version('exokg')}"


def test_mistyped_option_prints_the_subcommand_usage(tmp_path: Path) -> None:
    proc = run("viz", "--foucs", "miR-124", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("usage: exokg viz ")
    assert "unrecognized arguments: --foucs" in proc.stderr
