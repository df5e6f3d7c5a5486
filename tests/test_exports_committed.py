"""The exports committed in exports/ are exactly what the build writes today.

The build runs in a fresh process into a temporary folder and every file is compared byte for
byte with the committed one; a file missing on either side fails too. When the extraction,
the graph or an exporter changes on purpose, refresh the committed exports with
``bash scripts/build.sh`` and commit them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from exports_helpers import REPO

COMMITTED = REPO / "exports"
REFRESH = "refresh them with 'bash scripts/build.sh' and commit exports/"


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_committed_exports_are_what_the_build_writes(tmp_path: Path) -> None:
    assert COMMITTED.is_dir(), f"exports/ is missing: {REFRESH}"
    env = {**os.environ, "PYTHONHASHSEED": "random"}
    proc = subprocess.run([sys.executable, "-m", "exokg", "build", "-q", "--out",
                           str(tmp_path / "exports"), "--store", str(tmp_path / "store")],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    built, committed = files_of(tmp_path / "exports"), files_of(COMMITTED)
    missing = sorted(set(built) - set(committed))
    extra = sorted(set(committed) - set(built))
    assert not missing, f"exports/ lacks {missing}: {REFRESH}"
    assert not extra, f"exports/ has files the build no longer writes {extra}: {REFRESH}"
    stale = [name for name in sorted(built) if built[name] != committed[name]]
    assert not stale, f"exports/ is out of date ({', '.join(stale)} differ): {REFRESH}"
