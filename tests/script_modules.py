"""Load one of the project's scripts (``benchmarks/*.py``, ``scripts/*.py``) as a module, so
tests can call its functions. The script's folder is on ``sys.path`` while it loads (the
benchmarks import their neighbours) and the module is registered under its name
(dataclasses look their module up while it executes)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def load_script(relative: str, name: str | None = None) -> ModuleType:
    """The module of the script at ``relative`` (to the project root), loaded afresh under
    ``name`` (default: the file's stem). Raises ``FileNotFoundError`` for a missing file."""
    path = ROOT / relative
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such script")
    name = name or path.stem
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    folder = str(path.parent)
    sys.path.insert(0, folder)
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(folder)
    return module
