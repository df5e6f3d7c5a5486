"""The counted-work progress line: a rate only where the time says something (a file written
in the same pass as the one before it took no time of its own, and "in 0.0 s
(122,050,699,681/s)" told the user nothing true)."""

from __future__ import annotations

import io

from exokg.progress import Reporter


def _line(count: int, seconds: float) -> str:
    stream = io.StringIO()
    Reporter(verbosity=1, stream=stream, tty=False).rate("wrote exokg.ttl", count, "triple",
                                                         seconds)
    return stream.getvalue().strip()


def test_timed_work_gets_its_time_and_rate() -> None:
    assert _line(1_173_517, 5.0).endswith("wrote exokg.ttl: 1,173,517 triples in 5.0 s "
                                          "(234,703/s)")


def test_work_of_no_measurable_time_gets_no_rate() -> None:
    line = _line(1_173_517, 0.00001)  # Turtle after N-Triples in one pass
    assert line.endswith("wrote exokg.ttl: 1,173,517 triples")
    assert "/s" not in line and " in " not in line


def test_one_unit_is_singular() -> None:
    assert _line(1, 0.5).endswith("wrote exokg.ttl: 1 triple in 0.5 s (2/s)")
