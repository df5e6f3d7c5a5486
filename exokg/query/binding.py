"""Binding values to query variables: an inline ``VALUES`` block at the top of the WHERE group.

pyoxigraph's ``substitutions`` option plans the query as if the variables were free and
binds them afterwards (a bound entity gave 700 ms where the same pattern with the value
inline took under 1 ms on a 1M-triple store), so exokg writes the values into the query
instead: ``VALUES (?a ?b) { (<iri> "text") }`` right after the opening brace of the WHERE
group. Every pattern and FILTER of that group then sees the values, and the optimizer
starts from them.

The values are serialised by pyoxigraph (IRIs are validated, literals escaped) and the
block is checked with the same lexer as :mod:`exokg.query.safety`, so a value can never
change the query's structure; the query text itself is checked before the block goes in.

>>> bind_query("SELECT ?s WHERE { ?s ?p ?o }", {"o": (1, 'say "hi"')})
'SELECT ?s WHERE { VALUES (?o) { ("say \\\\"hi\\\\"") } ?s ?p ?o }'
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from exokg.query.errors import ParameterError
from exokg.query.safety import _TOKEN, scan_keywords

__all__ = ["bind_query", "query_variables", "sparql_term", "values_block"]

_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def sparql_term(term: tuple) -> str:  # type: ignore[type-arg]
    """The SPARQL text of a term tuple (see :mod:`exokg.query._worker`).

    >>> sparql_term((0, "http://example.org/a")), sparql_term((3, "5", "http://www.w3.org/2001/XMLSchema#integer"))
    ('<http://example.org/a>', '"5"^^<http://www.w3.org/2001/XMLSchema#integer>')
    """
    from exokg.query._worker import decode_term

    try:
        return str(decode_term(term))
    except (ValueError, TypeError) as exc:
        raise ParameterError(f"cannot bind {term!r}: {exc}") from None


def values_block(bindings: Mapping[str, tuple]) -> str:  # type: ignore[type-arg]
    """``VALUES (?a ?b) { (t1 t2) }`` for the bindings (variable name -> term tuple)."""
    names = list(bindings)
    for name in names:
        if not _VARIABLE.fullmatch(name):
            raise ParameterError(f"{name!r} is not a variable name (letters, digits, _)")
    terms = [sparql_term(bindings[name]) for name in names]
    block = ("VALUES (" + " ".join(f"?{n}" for n in names) + ") { (" + " ".join(terms)
             + ") }")
    if [word for word, _ in scan_keywords(block)] != ["VALUES"]:  # belt and braces
        raise ParameterError("a bound value does not serialise as a single RDF term")
    return block


def _where_brace(text: str) -> int | None:
    """Offset just after the ``{`` that opens the query's WHERE group, or None."""
    form = None
    paren = 0
    depth = 0
    skip_template = False
    for match in _TOKEN.finditer(text):
        kind, token = match.lastgroup, match.group()
        if kind == "word" and form is None and token.upper() in (
                "SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            form = token.upper()
            continue
        if form is None or kind != "other":
            if form == "CONSTRUCT" and kind == "word" and token.upper() == "WHERE" \
                    and depth == 0:
                skip_template = False
            continue
        if token == "(":
            paren += 1
        elif token == ")":
            paren -= 1
        elif token == "{" and paren == 0:
            if depth == 0 and form == "CONSTRUCT" and not skip_template and \
                    _template_follows(text, match.start()):
                skip_template = True
                depth += 1
                continue
            if depth == 0:
                return match.end()
            depth += 1
        elif token == "}" and paren == 0:
            depth -= 1
    return None


def _template_follows(text: str, brace: int) -> bool:
    """True when the ``{`` at ``brace`` opens a CONSTRUCT template (a WHERE follows it)."""
    depth = 0
    for match in _TOKEN.finditer(text, brace):
        kind, token = match.lastgroup, match.group()
        if kind == "other" and token == "{":
            depth += 1
        elif kind == "other" and token == "}":
            depth -= 1
            if depth == 0:
                rest = [m for m in _TOKEN.finditer(text, match.end())
                        if m.lastgroup not in ("ws", "comment")]
                return bool(rest) and rest[0].lastgroup == "word" and \
                    rest[0].group().upper() == "WHERE"
    return False


def query_variables(text: str) -> set[str]:
    """The names of the variables a SPARQL text mentions (``?x`` and ``$x``), outside
    strings, IRIs and comments.

    >>> sorted(query_variables('SELECT ?s WHERE { ?s ?p "?o" } # ?q'))
    ['p', 's']
    """
    return {m.group()[1:] for m in _TOKEN.finditer(text) if m.lastgroup == "var"}


def bind_query(text: str, bindings: Mapping[str, tuple]) -> str:  # type: ignore[type-arg]
    """The query with a ``VALUES`` block for ``bindings`` at the top of its WHERE group.

    Raises:
        ParameterError: a bad variable name, a variable the query does not use (a
            misspelt binding would otherwise be ignored), a value that is not a term, or
            a query without a WHERE group (``DESCRIBE <iri>``).
    """
    if not bindings:
        return text
    block = values_block(bindings)
    at = _where_brace(text)
    if at is None:
        raise ParameterError("values can only be bound in a query with a WHERE group")
    used = query_variables(text)
    unknown = [name for name in bindings if name not in used]
    if unknown:
        listed = ", ".join(f"?{v}" for v in sorted(used)) or "none"
        raise ParameterError(f"the query has no variable {', '.join('?' + n for n in unknown)}"
                             f" to bind (its variables: {listed})")
    return f"{text[:at]} {block}{text[at:]}"
