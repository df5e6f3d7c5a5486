"""The statements table: one row per statement, ids as CURIEs, one evidence sentence per row
(the first; ``evidence_count`` says how many there are).

Columns: statement_id, subject_id, subject_label, predicate, predicate_label, object_id,
object_label, direction, negated, hedged, species, model, context, document, sentence, start,
end, evidence_count, citations, rule. ``start``/``end`` slice the original text of
``document`` exactly to ``sentence``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from exokg.export.atomic import write_bytes
from exokg.graph.rdf import statement_iri
from exokg.export.compact import minted_curie
from exokg.model import Entity, Statement, Value

COLUMNS = ["statement_id", "subject_id", "subject_label", "predicate", "predicate_label",
           "object_id", "object_label", "direction", "negated", "hedged", "claim_status", "species", "model",
           "context", "document", "sentence", "start", "end", "evidence_count", "citations",
           "rule"]


_KNOWN_LABELS = {"RO:0002607": "is marker for", "RO:0002211": "regulates",
                 "RO:0002212": "negatively regulates",
                 "RO:0002213": "positively regulates", "BFO:0000051": "has part"}


@lru_cache(maxsize=1 << 10)
def predicate_label(curie: str) -> str:
    """'biolink:in_clinical_trials_for' -> 'in clinical trials for'; 'exo:startDate' ->
    'start date'; 'RO:0002607' -> 'is marker for' (memoised: a handful of predicates label
    every row).

    >>> predicate_label("exo:startDate"), predicate_label("RO:0002607")
    ('start date', 'is marker for')
    """
    if curie in _KNOWN_LABELS:
        return _KNOWN_LABELS[curie]
    local = curie.split(":", 1)[1]
    words = []
    for part in local.replace("_", " ").split(" "):
        out = ""
        for ch in part:
            out += (" " + ch.lower()) if ch.isupper() else ch
        words.append(out.strip())
    return " ".join(words)


def _label(curie: str, registry: Mapping[str, Entity]) -> str:
    e = registry.get(curie)
    return e.label if e else curie


def rows(statements: Iterable[Statement], registry: Mapping[str, Entity]) -> list[list[str]]:
    """The table's rows, one per statement (:func:`statement_row`)."""
    return [statement_row(s, registry) for s in statements]


def statement_row(s: Statement, registry: Mapping[str, Entity],
                  evidence_count: int | None = None) -> list[str]:
    """The table's row of one statement: its first evidence is ``s.evidence[0]``, and
    ``evidence_count`` (default ``len(s.evidence)``) how many it has. Subject and object
    labels are the registry's (the label the graph gives the entity), so that an entity
    reads the same on every row even when statements carry differently cased copies of
    it. A statement without evidence (which validation reports as invalid) gets empty
    evidence cells rather than an error, so the validation report is what the user sees."""
    ev = s.evidence[0] if s.evidence else None
    ctx = []
    for name, values in s.context.items():
        if name in ("species", "model"):
            continue
        ctx.append(f"{name}=" + "|".join(_label(v, registry) for v in values))
    if s.aspect:
        ctx.insert(0, f"aspect={s.aspect}")
    obj_id = "" if isinstance(s.object, Value) else s.object.id
    return [
        minted_curie(str(statement_iri(s))), s.subject.id, _label(s.subject.id, registry)
        if s.subject.id in registry else s.subject.label, s.predicate,
        predicate_label(s.predicate), obj_id,
        _label(obj_id, registry) if obj_id in registry else s.object.label,
        s.direction or "",
        str(s.negated).lower(), str(s.hedged).lower(), s.status,
        "|".join(_label(v, registry) for v in s.context.species),
        "|".join(_label(v, registry) for v in s.context.model),
        "; ".join(ctx), ev.document_id if ev else "", ev.text if ev else "",
        str(ev.start) if ev else "", str(ev.end) if ev else "",
        str(len(s.evidence) if evidence_count is None else evidence_count),
        " ".join(ev.citations) if ev else "", ev.rule if ev else "",
    ]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def safe_cell(value: object) -> object:
    """A cell a spreadsheet shows as text: control characters removed (a carriage return
    becomes a line feed, which the CSV writer quotes), and a leading ``'``
    when it starts with ``= + - @`` (or tab, carriage return), which spreadsheets would
    run as a formula (OWASP "CSV injection"). Numbers pass unchanged.

    >>> safe_cell("=SUM(A1)"), safe_cell("-3 mg"), safe_cell("a\x07b")
    ("'=SUM(A1)", "'-3 mg", 'ab')
    """
    if not isinstance(value, str):
        return value
    # a bare carriage return would end the row for readers (the writer quotes only "\n");
    # most cells have neither it nor a control character: scanned once, not copied
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL.search(value) is not None:
        value = _CONTROL.sub("", value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def to_csv(statements: Iterable[Statement], registry: Mapping[str, Entity]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows([safe_cell(cell) for cell in row] for row in rows(statements, registry))
    return buffer.getvalue().encode("utf-8")


def write_statements_csv(statements: Iterable[Statement], registry: Mapping[str, Entity],
                         path: str | Path) -> None:
    write_bytes(path, to_csv(statements, registry))
