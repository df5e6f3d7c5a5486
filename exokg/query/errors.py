"""The errors of the query layer, all subclasses of :class:`exokg.errors.QueryError`.

::

    QueryError
    ├── QuerySyntaxError    the query does not parse (has .line and .column, 1-based)
    ├── UnsafeQueryError    the query asks for something exokg refuses (SERVICE, FROM,
    │                       LOAD, USING, updates); has .keyword and .line/.column
    ├── QueryTimeoutError   the query ran past its time limit and was stopped
    ├── UnknownQueryError   no named query has that name
    ├── ParameterError      a named query's parameter is missing, unknown or of a wrong type
    └── EntityNotFound      a name given for an entity matches nothing (or too many)

>>> str(QuerySyntaxError("expected '}'", line=3, column=17))
"SPARQL syntax error at line 3, column 17: expected '}'"
"""

from __future__ import annotations

import warnings

from exokg.errors import QueryError

__all__ = [
    "EntityNotFound",
    "ParameterError",
    "QueryError",
    "QuerySyntaxError",
    "QueryTimeoutError",
    "ResultTruncatedWarning",
    "UnknownQueryError",
    "UnsafeQueryError",
]


class QuerySyntaxError(QueryError):
    """A query does not parse. ``line`` and ``column`` are 1-based (None when unknown);
    ``context`` is the offending line with a caret under the column, when known."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None,
                 context: str | None = None) -> None:
        self.message = " ".join(message.split())
        self.line = line
        self.column = column
        self.context = context
        where = ""
        if line is not None:
            where = f" at line {line}" + (f", column {column}" if column is not None else "")
        super().__init__(f"SPARQL syntax error{where}: {self.message}")


class UnsafeQueryError(QueryError):
    """A query uses a feature exokg refuses to run (it could read or write outside the graph).

    ``keyword`` is what was refused (``SERVICE``, ``FROM``, ``LOAD``, ``USING``, ``update``),
    ``line``/``column`` where it is (1-based) when known.
    """

    def __init__(self, message: str, keyword: str, line: int | None = None,
                 column: int | None = None) -> None:
        self.keyword = keyword
        self.line = line
        self.column = column
        where = f" (line {line}, column {column})" if line is not None else ""
        super().__init__(f"query refused: {message}{where}")


class QueryTimeoutError(QueryError):
    """A query ran longer than its time limit and was stopped. ``seconds`` is the limit."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(
            f"query stopped after the time limit of {seconds:g} s; narrow it (bind an entity, "
            "add a LIMIT, avoid unconnected patterns that form a cartesian product) or raise "
            "the limit (timeout=...)")


class UnknownQueryError(QueryError, KeyError):
    """No named query has this name."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class ParameterError(QueryError, ValueError):
    """A parameter of a named query is missing, unknown or cannot be read as its type."""


class EntityNotFound(QueryError, LookupError):
    """A name given for an entity matches no entity, or several equally well."""


class ResultTruncatedWarning(UserWarning):
    """A result had more rows than the row cap; only the first ``max_rows`` are returned."""


def warn_truncated(max_rows: int) -> None:
    warnings.warn(f"the result has more than {max_rows} rows; only the first {max_rows} are "
                  "returned (raise max_rows=... or add LIMIT/OFFSET)",
                  ResultTruncatedWarning, stacklevel=3)
