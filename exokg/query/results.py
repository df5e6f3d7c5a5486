"""Query results: Python values, pandas DataFrames and the text formats of the CLI.

A :class:`ResultTable` keeps the terms exactly as the engine returned them, so it can be
written as SPARQL 1.1 results JSON without loss, and converts them for people:

* typed literals become Python values (``xsd:integer`` -> ``int``, ``xsd:decimal`` ->
  ``Decimal``, ``xsd:double`` -> ``float``, ``xsd:boolean`` -> ``bool``, ``xsd:date`` ->
  ``datetime.date``, ``xsd:dateTime`` -> ``datetime``, ``xsd:gYear`` -> ``int``); other
  literals (strings, ``xsd:gYearMonth``, unknown datatypes, ill-typed values) stay text;
* IRIs stay IRIs, and a ``<column>_curie`` column beside each IRI column gives the CURIE
  (None when no known prefix covers the IRI);
* unbound values are None.

>>> table = ResultTable("select", ["n", "x"], [((3, "5", XSD + "integer"), (0, "http://purl.obolibrary.org/obo/CL_0000134")), ((1, "a"), None)])
>>> table.to_dataframe().to_dict("list")
{'n': [5, 'a'], 'x': ['http://purl.obolibrary.org/obo/CL_0000134', None], 'x_curie': ['CL:0000134', None]}
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from exokg.query._worker import BNODE, LANG_STRING, STRING, TRIPLE, TYPED, URI

__all__ = ["FORMATS", "ResultTable", "python_value", "to_curie"]

XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = {XSD + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort",
    "unsignedByte")}

#: Output formats of :meth:`ResultTable.render`.
FORMATS = ("table", "csv", "tsv", "json", "md")


def _integer(text: str) -> int:
    return int(text.strip())


def _boolean(text: str) -> bool:
    value = text.strip()
    if value in ("true", "1"):
        return True
    if value in ("false", "0"):
        return False
    raise ValueError(value)


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text.strip())


def _datetime(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.strip())


_CONVERTERS: dict[str, Callable[[str], Any]] = {
    **{t: _integer for t in _INTEGER_TYPES},
    XSD + "decimal": lambda t: Decimal(t.strip()),
    XSD + "double": lambda t: float(t.strip().replace("INF", "inf")),
    XSD + "float": lambda t: float(t.strip().replace("INF", "inf")),
    XSD + "boolean": _boolean,
    XSD + "date": _date,
    XSD + "dateTime": _datetime,
    XSD + "gYear": _integer,
}


def python_value(term: tuple | None) -> Any:  # type: ignore[type-arg]
    """The Python value of a term tuple (IRIs and blank nodes as text, ``_:`` for blanks).

    >>> python_value((3, "2018", XSD + "gYear")), python_value((3, "x", XSD + "integer"))
    (2018, 'x')
    """
    if term is None:
        return None
    kind = term[0]
    if kind == TYPED:
        convert = _CONVERTERS.get(term[2])
        if convert is not None:
            try:
                return convert(term[1])
            except (ValueError, InvalidOperation):
                return term[1]  # ill-typed literal: keep the text
        return term[1]
    if kind == BNODE:
        return "_:" + term[1]
    return term[1]


@lru_cache(maxsize=65536)
def to_curie(iri: str) -> str | None:
    """The CURIE of an IRI under exokg's prefix map, or None.

    >>> to_curie("https://pubmed.ncbi.nlm.nih.gov/29669873/"), to_curie("http://example.org/x")
    ('pubmed:29669873', None)
    """
    from exokg.errors import IdentifierError
    from exokg.ids import compress

    try:
        return compress(iri)
    except IdentifierError:
        return None


@dataclass
class ResultTable:
    """The result of one query: ``kind`` is ``select``, ``ask`` or ``graph``
    (CONSTRUCT/DESCRIBE, columns subject, predicate, object)."""

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    boolean: bool | None = None
    truncated: bool = False
    seconds: float = 0.0
    query: str = ""
    name: str | None = None

    def __len__(self) -> int:
        return len(self.rows)

    # -- pandas ---------------------------------------------------------------------------

    def to_dataframe(self, curies: bool = True) -> Any:
        """A pandas DataFrame (for ASK: one column ``boolean``).

        Args:
            curies: add a ``<column>_curie`` column beside every column holding IRIs.

        ``DataFrame.attrs`` keeps ``query``, ``name``, ``seconds`` and ``truncated``.
        """
        import pandas as pd

        columns: dict[str, Any] = {}
        if self.kind == "ask":
            columns["boolean"] = [bool(self.boolean)]
        for i, name in enumerate(self.variables):
            terms = [row[i] for row in self.rows]
            values = [python_value(t) for t in terms]
            columns[name] = _series(pd, values)
            if curies and any(t is not None and t[0] == URI for t in terms):
                columns[f"{name}_curie"] = _series(pd, [
                    to_curie(t[1]) if t is not None and t[0] == URI else None for t in terms])
        frame = pd.DataFrame(columns)
        frame.attrs.update(query=self.query, name=self.name, seconds=self.seconds,
                           truncated=self.truncated)
        return frame

    # -- text formats ---------------------------------------------------------------------

    def to_sparql_json(self) -> dict[str, Any]:
        """The result as SPARQL 1.1 Query Results JSON (a dict for :func:`json.dumps`)."""
        if self.kind == "ask":
            return {"head": {}, "boolean": bool(self.boolean)}
        bindings = []
        for row in self.rows:
            binding = {}
            for name, term in zip(self.variables, row):
                if term is not None:
                    binding[name] = _json_term(term)
            bindings.append(binding)
        return {"head": {"vars": list(self.variables)}, "results": {"bindings": bindings}}

    def render(self, fmt: str = "table", *, curies: bool = True, width: int = 60,
               columns: Sequence[str] | None = None, max_width: int | None = None) -> str:
        """The result as text: ``table`` (aligned columns, CURIEs for IRIs), ``csv``, ``tsv``, ``json``
        (SPARQL 1.1 results JSON) or ``md`` (a Markdown table).

        Args:
            fmt: one of :data:`FORMATS`.
            curies: add ``<column>_curie`` columns (csv, tsv, md).
            width: the widest a table cell may be (longer text ends in ``…``).
            columns: only these columns, in this order (``x_curie`` columns may be named
                too in csv, tsv and md).
            max_width: for ``table``, the widest a line may be (a terminal's width): the
                widest columns are narrowed until the table fits, none below 8 characters.

        Raises:
            ValueError: an unknown format or column name (the message lists the columns).
        """
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
        if fmt == "json":
            data = self.to_sparql_json()
            if columns and self.kind != "ask":
                keep = _pick(list(self.variables), columns)
                data["head"]["vars"] = [self.variables[i] for i in keep]
                names = set(data["head"]["vars"])
                data["results"]["bindings"] = [{k: v for k, v in b.items() if k in names}
                                               for b in data["results"]["bindings"]]
            return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        if fmt == "table":  # compact: CURIEs in place of IRIs
            header, rows = self._compact_rows()
            header, rows = _select(header, rows, columns)
            return _aligned(header, rows, width, max_width)
        header, rows = self._text_rows(curies)
        header, rows = _select(header, rows, columns)
        if fmt in ("csv", "tsv"):
            out = io.StringIO()
            writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t",
                                lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)
            return out.getvalue()
        if fmt == "md":
            def cell(text: str) -> str:
                return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
            lines = ["| " + " | ".join(cell(h) for h in header) + " |",
                     "|" + "---|" * len(header)]
            lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
            return "\n".join(lines) + "\n"
        return _aligned(header, rows, width)

    def _compact_rows(self) -> tuple[list[str], list[list[str]]]:
        if self.kind == "ask":
            return ["boolean"], [[_text(bool(self.boolean))]]

        def cell(term: tuple | None) -> str:  # type: ignore[type-arg]
            if term is None:
                return ""
            if term[0] == URI:
                return to_curie(term[1]) or term[1]
            return _text(python_value(term))

        return list(self.variables), [[cell(t) for t in row] for row in self.rows]

    def _text_rows(self, curies: bool) -> tuple[list[str], list[list[str]]]:
        frame = self.to_dataframe(curies=curies)
        header = [str(c) for c in frame.columns]
        rows = [["" if v is None or (isinstance(v, float) and v != v) else _text(v)
                 for v in record] for record in frame.itertuples(index=False, name=None)]
        return header, rows


def _series(pd: Any, values: Sequence[Any]) -> Any:
    if any(v is None for v in values) or len({type(v) for v in values}) > 1:
        return pd.Series(values, dtype=object)
    return pd.Series(values)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _json_term(term: tuple) -> dict[str, str]:  # type: ignore[type-arg]
    kind = term[0]
    if kind == URI:
        return {"type": "uri", "value": term[1]}
    if kind == STRING:
        return {"type": "literal", "value": term[1]}
    if kind == LANG_STRING:
        return {"type": "literal", "value": term[1], "xml:lang": term[2]}
    if kind == TYPED:
        return {"type": "literal", "value": term[1], "datatype": term[2]}
    if kind == BNODE:
        return {"type": "bnode", "value": term[1]}
    if kind == TRIPLE:
        return {"type": "literal", "value": term[1]}
    raise ValueError(f"unknown term kind {kind}")


def _pick(header: list[str], columns: Sequence[str]) -> list[int]:
    """Indexes of ``columns`` in ``header``; ValueError naming the unknown ones."""
    unknown = [c for c in columns if c not in header]
    if unknown:
        raise ValueError(f"no column {', '.join(repr(c) for c in unknown)} in the result "
                         f"(columns: {', '.join(header)})")
    return [header.index(c) for c in columns]


def _select(header: list[str], rows: list[list[str]], columns: Sequence[str] | None
            ) -> tuple[list[str], list[list[str]]]:
    if not columns:
        return header, rows
    keep = _pick(header, columns)
    return [header[i] for i in keep], [[row[i] for i in keep] for row in rows]


def _fit(widths: list[int], max_width: int, floor: int = 8) -> list[int]:
    """Narrow the widest columns until the line (columns + 2-space gaps) fits.

    >>> _fit([40, 10, 30], 50)
    [18, 10, 18]
    """
    widths = list(widths)
    budget = max_width - 2 * (len(widths) - 1)
    while sum(widths) > budget:
        widest = max(range(len(widths)), key=lambda i: (widths[i], -i))
        if widths[widest] <= floor:
            break
        widths[widest] -= 1
    return widths


def _aligned(header: list[str], rows: list[list[str]], width: int,
             max_width: int | None = None) -> str:
    def clip(text: str, limit: int = width) -> str:
        text = " ".join(text.split())
        return text if len(text) <= limit else text[: max(limit - 1, 0)] + "…"

    cells = [[clip(h) for h in header]] + [[clip(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    if max_width is not None and header:
        widths = _fit(widths, max_width)
        cells = [[clip(c, w) for c, w in zip(r, widths)] for r in cells]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"
