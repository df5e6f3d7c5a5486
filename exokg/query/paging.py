"""Pages of a query's result: ``LIMIT``/``OFFSET`` added to the outer query.

A query about a frequent entity (a miRNA studied in hundreds of papers) can have thousands
of rows; ``kg.ask(name, page=2, page_size=100)`` and ``exokg query NAME --page 2`` return
one page. The named queries all end with ``ORDER BY``, so pages are stable: page 2 follows
page 1 whatever the engine. A query that sets its own ``LIMIT`` or ``OFFSET`` (outside
subqueries) is refused: paging it would silently change what it means.

Paging is cheaper for the client (fewer rows cross the process boundary and become a
DataFrame), not always for the engine: a sorted or grouped result is still computed whole
before the page is cut. For "how much is known" rather than "show me every sentence", ask
a counting query (``entity-summary``: one row per statement with its evidence count).

>>> paginate("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s", 3, 10)
'SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s\\nLIMIT 10 OFFSET 20\\n'
>>> paginate("SELECT ?s WHERE { ?s ?p ?o } VALUES ?s { <urn:a> }", 1, 5)
'SELECT ?s WHERE { ?s ?p ?o } \\nLIMIT 5 OFFSET 0\\nVALUES ?s { <urn:a> }'
"""

from __future__ import annotations

from exokg.query.errors import ParameterError
from exokg.query.safety import _TOKEN

__all__ = ["DEFAULT_PAGE_SIZE", "paginate"]

#: Rows per page when a page is asked for without a size.
DEFAULT_PAGE_SIZE = 100


def paginate(text: str, page: int, size: int = DEFAULT_PAGE_SIZE) -> str:
    """``text`` limited to page ``page`` (from 1) of ``size`` rows.

    Raises:
        ParameterError: ``page`` or ``size`` is below 1, or the query has its own LIMIT or
            OFFSET.
    """
    if isinstance(page, bool) or not isinstance(page, int) or page < 1:
        raise ParameterError(f"page must be a whole number from 1, not {page!r}")
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise ParameterError(f"page size must be a whole number from 1, not {size!r}")
    depth = 0
    closed = False  # a top-level group has closed: solution modifiers may follow
    trailing_values: int | None = None
    for match in _TOKEN.finditer(text):
        kind, token = match.lastgroup, match.group()
        if kind == "other" and token == "{":
            depth += 1
        elif kind == "other" and token == "}":
            depth -= 1
            closed = closed or depth == 0
        elif kind == "word" and depth == 0 and closed:
            word = token.upper()
            if word in ("LIMIT", "OFFSET"):
                raise ParameterError(f"the query sets its own {word}, so it cannot be paged")
            if word == "VALUES" and trailing_values is None:
                trailing_values = match.start()
    clause = f"\nLIMIT {size} OFFSET {(page - 1) * size}\n"
    if trailing_values is not None:  # the solution modifiers come before a VALUES clause
        return text[:trailing_values] + clause + text[trailing_values:]
    return text + clause
