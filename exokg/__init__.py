"""exokg: knowledge graphs of MSC exosome therapy for stroke."""

from typing import Any as _Any

__all__ = ["load"]


def __getattr__(name: str) -> _Any:  # PEP 562: import on first use, no import-time I/O
    if name == "load":
        from exokg.query.api import load

        return load
    raise AttributeError(f"module 'exokg' has no attribute {name!r}")
