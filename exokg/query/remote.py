"""Queries against a SPARQL 1.1 endpoint over HTTP: ``exokg.load("http://HOST:PORT/query")``.

:class:`RemoteSandbox` stands in for :class:`exokg.query.sandbox.Sandbox` under
:class:`~exokg.query.api.KnowledgeGraph`, so the notebook API (``ask``, ``entity``,
``evidence``, ``sparql``, ``neighbourhood``, ``to_networkx``) works the same against
``exokg serve``, a separately run Oxigraph server, or any other SPARQL 1.1 endpoint:

* queries are sent with POST (``application/sparql-query``), so long queries work;
* the safety checks (:mod:`exokg.query.safety`: no SERVICE, FROM, LOAD, USING, updates)
  run before anything is sent, as they do on the embedded store;
* the time limit is the HTTP client's: the request is abandoned when the answer has not
  arrived in full by then (the server's own limit, ``exokg serve --timeout``, stops the
  work on its side);
* the row cap stops reading the response after ``max_rows`` rows (results are read as they
  arrive, so a huge result does not fill memory);
* exokg's default prefixes are declared in front of a query that does not declare them.

A syntax error is located by parsing the query locally (Oxigraph, in an in-memory worker),
so the line and column refer to the text as written.
"""

from __future__ import annotations

import codecs
import json
import re
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from typing import IO, Any

from exokg.errors import QueryError
from exokg.query._worker import BNODE, LANG_STRING, STRING, TRIPLE, TYPED, URI, XSD_STRING
from exokg.query.errors import QuerySyntaxError, QueryTimeoutError
from exokg.query.sandbox import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT, RawResult, Sandbox

__all__ = ["RemoteSandbox", "is_endpoint"]

_ACCEPT = ("application/sparql-results+json, application/n-triples;q=0.9, "
           "text/plain;q=0.5")
_DECLARED = re.compile(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*)?\s*:")
_CHUNK = 1 << 16


def is_endpoint(source: object) -> bool:
    """Whether ``source`` is the URL of a SPARQL endpoint (``http://`` or ``https://``)."""
    return isinstance(source, str) and re.match(r"(?i)https?://", source) is not None


def with_prefixes(text: str, prefixes: Mapping[str, str]) -> str:
    """``text`` with ``PREFIX`` declarations for the prefixes it uses without declaring.

    >>> with_prefixes("PREFIX exo: <urn:x#> ASK { ?s a exo:C }", {"exo": "e:", "rdf": "r:"})
    'PREFIX rdf: <r:>\\nPREFIX exo: <urn:x#> ASK { ?s a exo:C }'
    """
    declared = {name or "" for name in _DECLARED.findall(text)}
    head = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in prefixes.items()
                   if name not in declared)
    return head + text


def _term(value: Mapping[str, Any]) -> tuple:  # type: ignore[type-arg]
    """A SPARQL JSON results term as a term tuple (:func:`exokg.query._worker.encode_term`)."""
    kind = value.get("type")
    text = value.get("value", "")
    if kind == "uri":
        return (URI, text)
    if kind == "bnode":
        return (BNODE, text)
    if kind in ("literal", "typed-literal"):
        if value.get("xml:lang"):
            return (LANG_STRING, text, value["xml:lang"])
        datatype = value.get("datatype")
        if not datatype or datatype == XSD_STRING:
            return (STRING, text)
        return (TYPED, text, datatype)
    if kind == "triple":
        parts = value.get("value", {})
        return (TRIPLE, " ".join(_ntriples(parts.get(k, {})) for k in
                                 ("subject", "predicate", "object")))
    raise QueryError(f"the endpoint returned a term of unknown type {kind!r}")


def _ntriples(value: Mapping[str, Any]) -> str:
    term = _term(value)
    if term[0] == URI:
        return f"<{term[1]}>"
    if term[0] == BNODE:
        return f"_:{term[1]}"
    if term[0] == TRIPLE:
        return f"<< {term[1]} >>"
    literal = json.dumps(term[1], ensure_ascii=False)
    if term[0] == LANG_STRING:
        return f"{literal}@{term[2]}"
    return f"{literal}^^<{term[2]}>" if term[0] == TYPED else literal


class _Stream:
    """Text of an HTTP response read in chunks, with a deadline."""

    def __init__(self, response: IO[bytes], deadline: float, timeout: float) -> None:
        self.response = response
        self.deadline = deadline
        self.timeout = timeout
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.buffer = ""
        self.done = False

    def more(self) -> bool:
        """Read one more chunk; False at the end of the response."""
        if self.done:
            return False
        if time.monotonic() > self.deadline:
            raise QueryTimeoutError(self.timeout)
        chunk = self.response.read1(_CHUNK) if hasattr(self.response, "read1") else \
            self.response.read(_CHUNK)
        if not chunk:
            self.done = True
            self.buffer += self.decoder.decode(b"", final=True)
            return False
        self.buffer += self.decoder.decode(chunk)
        return True

    def rest(self) -> str:
        while self.more():
            pass
        return self.buffer


def _skip(stream: _Stream, pos: int) -> int:
    """Position of the next non-blank character at or after ``pos`` (reading as needed)."""
    while True:
        while pos < len(stream.buffer) and stream.buffer[pos] in " \t\r\n":
            pos += 1
        if pos < len(stream.buffer) or not stream.more():
            return pos


def _expect(stream: _Stream, pos: int, pattern: str) -> int:
    """The position after ``pattern`` (a regex) at ``pos``, skipping blanks; -1 if absent."""
    regex = re.compile(pattern)
    while True:
        pos = _skip(stream, pos)
        match = regex.match(stream.buffer, pos)
        if match and match.end() < len(stream.buffer):
            return match.end()
        if not stream.more():
            return match.end() if match else -1


def _decode_value(stream: _Stream, pos: int, decoder: json.JSONDecoder) -> tuple[Any, int]:
    pos = _skip(stream, pos)
    while True:
        try:
            return decoder.raw_decode(stream.buffer, pos)
        except json.JSONDecodeError:
            if not stream.more():
                raise


def _select_rows(stream: _Stream, max_rows: int
                 ) -> tuple[str, list[str], list[tuple], bool | None, bool]:  # type: ignore[type-arg]
    """Read SPARQL JSON results: ``(kind, variables, rows, boolean, truncated)``. The
    bindings are read one at a time and reading stops after ``max_rows`` of them."""
    decoder = json.JSONDecoder()
    pos = _expect(stream, 0, r'\{\s*"head"\s*:')
    if pos < 0:  # not in the usual order: read it whole
        return _whole(json.loads(stream.rest()), max_rows)
    head, pos = _decode_value(stream, pos, decoder)
    variables = list(head.get("vars", []))
    after = _expect(stream, pos, r',\s*"results"\s*:\s*\{\s*"bindings"\s*:\s*\[')
    if after < 0:  # an ASK result, or other keys first
        return _whole(json.loads(stream.rest()), max_rows)
    pos, rows, truncated = after, [], False
    while True:
        pos = _skip(stream, pos)
        if stream.buffer[pos:pos + 1] == "]":
            break
        if stream.buffer[pos:pos + 1] == ",":
            pos += 1
            continue
        if len(rows) >= max_rows:
            truncated = True
            break
        binding, pos = _decode_value(stream, pos, decoder)
        rows.append(tuple(_term(binding[v]) if v in binding else None for v in variables))
        if pos > _CHUNK:  # keep the buffer small
            stream.buffer, pos = stream.buffer[pos:], 0
    return "select", variables, rows, None, truncated


def _whole(data: Mapping[str, Any], max_rows: int
           ) -> tuple[str, list[str], list[tuple], bool | None, bool]:  # type: ignore[type-arg]
    if "boolean" in data:
        return "ask", [], [], bool(data["boolean"]), False
    variables = list(data.get("head", {}).get("vars", []))
    bindings = data.get("results", {}).get("bindings", [])
    rows = [tuple(_term(b[v]) if v in b else None for v in variables)
            for b in bindings[:max_rows]]
    return "select", variables, rows, None, len(bindings) > max_rows


def _graph_rows(response: IO[bytes], max_rows: int, deadline: float, timeout: float
                ) -> tuple[list[tuple], bool]:  # type: ignore[type-arg]
    """Triples of an N-Triples response (CONSTRUCT / DESCRIBE), at most ``max_rows``."""
    import pyoxigraph as ox

    from exokg.query._worker import encode_term

    rows: list[tuple] = []  # type: ignore[type-arg]
    for number, quad in enumerate(ox.parse(response, format=ox.RdfFormat.N_TRIPLES)):
        if number % 1000 == 0 and time.monotonic() > deadline:
            raise QueryTimeoutError(timeout)
        if len(rows) >= max_rows:
            return rows, True
        rows.append((encode_term(quad.subject), encode_term(quad.predicate),
                     encode_term(quad.object)))
    return rows, False


class RemoteSandbox:
    """Runs checked queries on a SPARQL 1.1 endpoint (the interface of
    :class:`~exokg.query.sandbox.Sandbox`).

    Args:
        url: the query endpoint, e.g. ``http://127.0.0.1:7878/query``.
        prefixes: prefixes declared in front of queries that do not declare them.
        headers: extra HTTP headers (e.g. ``Authorization`` for a protected endpoint).
    """

    def __init__(self, url: str, *, prefixes: Mapping[str, str] | None = None,
                 headers: Mapping[str, str] | None = None) -> None:
        if not is_endpoint(url):
            raise QueryError(f"{url}: not an http(s) SPARQL endpoint URL")
        self.url = url
        self.prefixes = dict(prefixes or {})
        self.headers = dict(headers or {})
        self.active_graphs: list[str] = []
        self._parser: Sandbox | None = None

    def close(self) -> None:
        """Stop the local parser worker (no connection is kept open)."""
        if self._parser is not None:
            self._parser.close()
            self._parser = None

    def __enter__(self) -> RemoteSandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def status(self, timeout: float = 10.0) -> dict[str, Any]:
        """``{"endpoint": url}``."""
        return {"endpoint": self.url, "in_memory": False}

    def _post(self, text: str, timeout: float, accept: str = _ACCEPT) -> Any:
        request = urllib.request.Request(
            self.url, data=with_prefixes(text, self.prefixes).encode("utf-8"), method="POST",
            headers={"Content-Type": "application/sparql-query; charset=utf-8",
                     "Accept": accept, "User-Agent": "exokg", **self.headers})
        try:
            return urllib.request.urlopen(request, timeout=timeout)  # noqa: S310 - http(s) only
        except urllib.error.HTTPError as exc:
            body = exc.read().decode("utf-8", "replace").strip()
            exc.close()
            if exc.code == 400:
                located = self.syntax_error(text, timeout=timeout)
                if located is not None:
                    raise located from None
            raise QueryError(f"the endpoint {self.url} answered HTTP {exc.code}: "
                             f"{body[:300] or exc.reason}") from None
        except (TimeoutError, socket.timeout):
            raise QueryTimeoutError(timeout) from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (TimeoutError, socket.timeout)):
                raise QueryTimeoutError(timeout) from None
            raise QueryError(f"cannot reach the SPARQL endpoint {self.url}: {exc.reason}"
                             ) from None

    def run(self, text: str, *, timeout: float = DEFAULT_TIMEOUT,
            max_rows: int = DEFAULT_MAX_ROWS) -> RawResult:
        """Send a checked query (values bound) and read at most ``max_rows`` rows.

        Raises:
            QueryTimeoutError: the whole answer did not arrive within ``timeout`` seconds.
            QuerySyntaxError: the query does not parse (position in the text as given).
            QueryError: the endpoint is unreachable or refused the query.
        """
        if not timeout or timeout <= 0:
            raise ValueError("timeout must be a positive number of seconds")
        started = time.monotonic()
        deadline = started + timeout
        response = self._post(text, timeout)
        try:
            kind = response.headers.get_content_type()
            if kind in ("application/n-triples", "text/plain"):
                rows, truncated = _graph_rows(response, int(max_rows), deadline, timeout)
                return RawResult("graph", ["subject", "predicate", "object"], rows, None,
                                 truncated, time.monotonic() - started)
            if kind not in ("application/sparql-results+json", "application/json"):
                raise QueryError(f"the endpoint {self.url} answered with {kind}, not SPARQL "
                                 "JSON results or N-Triples")
            stream = _Stream(response, deadline, timeout)
            result, variables, rows, boolean, truncated = _select_rows(stream, int(max_rows))
        except (TimeoutError, socket.timeout):
            raise QueryTimeoutError(timeout) from None
        except (ValueError, KeyError) as exc:
            raise QueryError(f"the endpoint {self.url} sent a malformed answer: {exc}"
                             ) from None
        finally:
            response.close()
        seconds = time.monotonic() - started
        if result == "ask":
            return RawResult("ask", boolean=boolean, seconds=seconds)
        return RawResult("select", variables, rows, None, truncated, seconds)

    def run_tsv(self, text: str, *, timeout: float = DEFAULT_TIMEOUT) -> bytes:
        """Every row of a trusted SELECT query as SPARQL TSV results (no row cap)."""
        started = time.monotonic()
        response = self._post(text, timeout, accept="text/tab-separated-values")
        try:
            chunks = []
            while chunk := response.read(_CHUNK):
                if time.monotonic() - started > timeout:
                    raise QueryTimeoutError(timeout)
                chunks.append(chunk)
        except (TimeoutError, socket.timeout):
            raise QueryTimeoutError(timeout) from None
        finally:
            response.close()
        return b"".join(chunks)

    def triples(self, timeout: float = DEFAULT_TIMEOUT) -> Iterator[Any]:
        """Every triple of the endpoint's default graph as pyoxigraph triples (a CONSTRUCT,
        not capped: for :attr:`KnowledgeGraph.graph <exokg.query.api.KnowledgeGraph.graph>`)."""
        import pyoxigraph as ox

        response = self._post("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", timeout,
                              accept="application/n-triples")
        try:
            for quad in ox.parse(response, format=ox.RdfFormat.N_TRIPLES):
                yield quad.triple
        finally:
            response.close()

    def syntax_error(self, text: str, *, timeout: float = DEFAULT_TIMEOUT
                     ) -> QuerySyntaxError | None:
        """Oxigraph's syntax error for ``text`` parsed locally (line and column in the text
        as written), or None when it parses."""
        if self._parser is None:
            self._parser = Sandbox(None, prefixes=self.prefixes, memory="never")
        return self._parser.syntax_error(text, timeout=timeout)
