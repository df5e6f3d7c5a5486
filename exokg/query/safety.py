"""Static checks of user SPARQL before anything runs it.

Queries come from users (notebooks, the command line, files). ``SERVICE <url>`` makes
both rdflib and Oxigraph send HTTP requests, ``FROM <file:///...>`` reads local files on
rdflib, and the update forms (``LOAD``, ``INSERT``, ``USING``, ...) fetch or write. exokg
runs read-only queries over its own graph only, so :func:`check_query` refuses all of these
before the query reaches an engine, with two independent walls:

1. a lexical scan: every keyword token outside strings, IRIs and comments is looked at, so
   ``SERVICE``/``FROM``/``LOAD``/``USING`` and the update verbs are refused wherever they
   appear, whatever a parser makes of the rest;
2. rdflib's SPARQL parser: the parse tree is walked for ``ServiceGraphPattern`` nodes and
   dataset clauses (looked up with ``dict.get``: rdflib's ``CompValue.get(key)`` returns the
   key itself when it is missing), and text that parses as an update is refused.

A query rdflib's parser cannot read is not run (fail closed); the caller may ask Oxigraph
for a precise syntax error position first (see :mod:`exokg.query.sandbox`).

>>> check_query("SELECT * WHERE { ?s ?p ?o }").form
'SELECT'
>>> check_query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
...
exokg.query.errors.UnsafeQueryError: query refused: SERVICE would send requests to another \
endpoint; exokg queries run on the local graph only (line 1, column 18)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from exokg.query.errors import QuerySyntaxError, UnsafeQueryError

__all__ = ["MAX_QUERY_LENGTH", "CheckedQuery", "check_query", "scan_keywords"]

#: Longest query text accepted (characters); longer texts are refused before parsing.
MAX_QUERY_LENGTH = 200_000

_REASONS = {
    "SERVICE": "SERVICE would send requests to another endpoint; exokg queries run on the "
               "local graph only",
    "FROM": "FROM / FROM NAMED would load other graphs (URLs or files); exokg queries run "
            "on the local graph only",
    "LOAD": "LOAD fetches data from a URL; the query path is read-only",
    "USING": "USING loads other graphs; the query path is read-only",
}
_UPDATE_VERBS = frozenset({"INSERT", "DELETE", "CLEAR", "CREATE", "DROP", "COPY", "MOVE",
                           "ADD", "WITH"})
_UPDATE_OPERATIONS = frozenset({"Load", "Modify", "InsertData", "DeleteData", "DeleteWhere",
                                "Clear", "Drop", "Create", "Add", "Move", "Copy"})
_UPDATE_REASON = ("SPARQL Update ({verb}) is not allowed: the query path is read-only "
                  "(rebuild the graph with 'exokg build' to change it)")

# One alternative per token class, tried in order at each position. Strings, IRIs and
# comments are consumed whole, so keywords inside them are not seen.
_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\r\n]|\\.)*'|"(?:[^"\\\r\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
  | (?P<bnode>_:[\w.\-\u00b7]+)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<pname>(?:[A-Za-z\u00c0-\uffff][\w.\-\u00b7]*)?:
              (?:[\w\-.:\u00b7]|%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?\#@%])*)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)


@dataclass(frozen=True)
class CheckedQuery:
    """A query text that passed the checks, with its form (SELECT, ASK, CONSTRUCT, DESCRIBE)."""

    text: str
    form: str


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def scan_keywords(text: str) -> list[tuple[str, int]]:
    """Upper-cased bare words of a SPARQL text with their offsets (keywords, function names,
    ``a``); strings, IRIs, comments, variables, prefixed names and language tags are skipped.

    >>> scan_keywords('SELECT ?service WHERE { ?s ex:from "SERVICE" } # FROM')
    [('SELECT', 0), ('WHERE', 16)]
    """
    words = []
    for match in _TOKEN.finditer(text):
        if match.lastgroup == "word":
            words.append((match.group().upper(), match.start()))
    return words


def _lexical_check(text: str) -> None:
    for word, offset in scan_keywords(text):
        if word in _REASONS:
            raise UnsafeQueryError(_REASONS[word], word, *_position(text, offset))
        if word in _UPDATE_VERBS:
            raise UnsafeQueryError(_UPDATE_REASON.format(verb=word), "update",
                                   *_position(text, offset))


def _walk(node: object):  # type: ignore[no-untyped-def]
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            yield item
            stack.extend(dict.values(item))
        elif isinstance(item, (list, tuple, ParseResults)):
            stack.extend(item)


def _structural_check(text: str) -> str:
    """Parse with rdflib and walk the tree; returns the query form. Raises on refusal or
    when rdflib cannot parse the text (QuerySyntaxError with rdflib's position)."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        parsed = parseQuery(text)
    except ParseException as exc:
        try:
            update = parseUpdate(text)
        except Exception:  # noqa: BLE001 - not an update either: report the query error
            update = None
        if update is not None:
            if any(getattr(n, "name", "") in _UPDATE_OPERATIONS for n in _walk(update)):
                raise UnsafeQueryError(_UPDATE_REASON.format(verb="update"), "update") from None
            raise QuerySyntaxError("no query found (expected SELECT, ASK, CONSTRUCT or "
                                   "DESCRIBE)") from None
        raise QuerySyntaxError(_clean_pyparsing(str(exc.msg)), exc.lineno, exc.col,
                               _context(text, exc.lineno, exc.col)) from None
    except RecursionError:
        raise QuerySyntaxError("the query is nested too deeply to check") from None
    form = "SELECT"
    for node in _walk(parsed):
        name = getattr(node, "name", "")
        if name == "ServiceGraphPattern":
            raise UnsafeQueryError(_REASONS["SERVICE"], "SERVICE")
        if dict.get(node, "datasetClause"):
            raise UnsafeQueryError(_REASONS["FROM"], "FROM")
        if name in _UPDATE_OPERATIONS:
            raise UnsafeQueryError(_UPDATE_REASON.format(verb=name), "update")
        if name in ("SelectQuery", "AskQuery", "ConstructQuery", "DescribeQuery"):
            form = name[: -len("Query")].upper()
    return form


def _clean_pyparsing(message: str) -> str:
    return message.replace("\n", " ")


def _context(text: str, line: int | None, column: int | None) -> str | None:
    if line is None:
        return None
    lines = text.splitlines() or [""]
    if not 1 <= line <= len(lines):
        return None
    source = lines[line - 1].expandtabs(1)
    caret = " " * max((column or 1) - 1, 0) + "^"
    return f"{source}\n{caret}"


@lru_cache(maxsize=512)
def check_query(text: str) -> CheckedQuery:
    """Check a SPARQL query for safety and syntax (cached per text).

    Args:
        text: the query (without bindings; values are bound separately).

    Returns:
        :class:`CheckedQuery` with the query form.

    Raises:
        UnsafeQueryError: SERVICE, FROM/FROM NAMED, LOAD, USING or any update form, or a
            text longer than :data:`MAX_QUERY_LENGTH`.
        QuerySyntaxError: rdflib's parser cannot read the text (its line and column).
    """
    if not isinstance(text, str):
        raise TypeError(f"a query must be a string, not {type(text).__name__}")
    if len(text) > MAX_QUERY_LENGTH:
        raise UnsafeQueryError(f"the query is longer than {MAX_QUERY_LENGTH} characters",
                               "length")
    if "\x00" in text:
        raise QuerySyntaxError("the query contains a NUL character")
    _lexical_check(text)
    return CheckedQuery(text, _structural_check(text))


def syntax_error_from_engine(text: str, message: str) -> QuerySyntaxError:
    """A :class:`QuerySyntaxError` from an Oxigraph message such as
    ``error at 3:17: expected one of ...``.

    >>> str(syntax_error_from_engine("SELECT", "error at 1:7: expected one of '{', WHERE"))
    "SPARQL syntax error at line 1, column 7: expected one of '{', WHERE"
    """
    match = re.match(r"error at (\d+):(\d+): (.*)", message, re.DOTALL)
    if not match:
        return QuerySyntaxError(message)
    line, column = int(match.group(1)), int(match.group(2))
    detail = " ".join(match.group(3).split())
    if "Prefix not found" in detail:
        detail = ("undeclared prefix (declare it with PREFIX; exokg declares exo:, exokg:, "
                  "biolink:, rdf:, rdfs:, skos:, dcterms:, xsd: and the identifier prefixes)")
    if len(detail) > 160:  # Oxigraph lists every character class it would accept
        detail = detail[:157].rsplit(",", 1)[0] + ", ..."
    return QuerySyntaxError(detail, line, column, _context(text, line, column))
