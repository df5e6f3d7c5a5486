"""List columns of named queries: the items of a ``GROUP_CONCAT`` in code-point order.

SPARQL gives ``GROUP_CONCAT`` no order: the items come in whatever order the engine meets
them, which depends on its plan (a bound parameter changes it), on its storage (Oxigraph
on disk and in memory differ) and on the engine. A named query that declares a column
a sorted list in its header::

    # sorted-list: species, model, route

gets that column rewritten after the engine: the text is cut at the column's
``GROUP_CONCAT`` separator (read from the query text), empty items and repeats are
dropped, and the rest are joined again with the same separator in code-point order. So
the value is a function of the group's items alone, whatever the engine, its plan or its
storage: a bound answer has the same lists as the unbound answer's rows for that value,
which is what lets the answer tables (:mod:`exokg.query.answers`) keep one unbound answer.
An item that itself contains the separator is sorted as its parts. An unbound value stays
unbound; a language tag is kept.

>>> sort_items((1, "rat; mouse; ; rat"), "; ")
(1, 'mouse; rat')
>>> sort_items(None, "; ") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from exokg.query._worker import LANG_STRING, STRING

__all__ = ["list_separators", "sort_items", "sort_list_columns"]

#: ``separator="..."`` of a GROUP_CONCAT (the SPARQL string escapes \\ and \" only here)
_SEPARATOR = re.compile(r'separator\s*=\s*"((?:[^"\\]|\\.)*)"', re.IGNORECASE)
_ESCAPE = re.compile(r"\\(.)")


def list_separators(text: str, columns: Sequence[str]) -> dict[str, str]:
    """The ``GROUP_CONCAT`` separator of each of ``columns`` in a query text: the last
    ``separator="..."`` before the column's ``AS ?column`` with no other ``AS ?`` between.

    Raises:
        ValueError: a column is not projected ``AS ?column``, or not from a GROUP_CONCAT
            with a separator (the message names the column).
    """
    found: dict[str, str] = {}
    for column in columns:
        bound = re.search(rf"\bAS\s+\?{re.escape(column)}\b", text, re.IGNORECASE)
        if bound is None:
            raise ValueError(f"the sorted list ?{column} is not projected as "
                             f"'(... AS ?{column})'")
        before = text[:bound.start()]
        separators = list(_SEPARATOR.finditer(before))
        if not separators or re.search(r"\bAS\s+\?", before[separators[-1].end():],
                                       re.IGNORECASE):
            raise ValueError(f"the sorted list ?{column} is not a GROUP_CONCAT with a "
                             "separator")
        found[column] = _ESCAPE.sub(r"\1", separators[-1].group(1))
    return found


def sort_items(term: tuple[Any, ...] | None, separator: str) -> tuple[Any, ...] | None:
    """A list value (a term tuple of a string, plain or with a language tag) with its
    items in code-point order, empty items and repeats dropped; other terms unchanged."""
    if term is None or term[0] not in (STRING, LANG_STRING) or not separator:
        return term
    items = sorted({item for item in term[1].split(separator) if item})
    return (term[0], separator.join(items), *term[2:])


def sort_list_columns(variables: Sequence[str], rows: list[tuple[Any, ...]],
                      separators: dict[str, str]) -> list[tuple[Any, ...]]:
    """``rows`` (term tuples in the order of ``variables``) with every column of
    ``separators`` rewritten by :func:`sort_items`; columns not in the result are
    ignored. Returns the same list object when there is nothing to rewrite."""
    places = [(variables.index(c), s) for c, s in separators.items() if c in variables]
    if not places or not rows:
        return rows
    out = []
    for row in rows:
        values = list(row)
        for place, separator in places:
            values[place] = sort_items(values[place], separator)
        out.append(tuple(values))
    return out
