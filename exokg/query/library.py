"""The named queries: SPARQL files in ``exokg/query/queries/*.rq`` with a comment header.

A header is the run of ``#`` lines at the top of the file::

    # title: Findings about an entity
    # description: Every statement whose subject or object is the entity, with
    #   direction, context and each evidence sentence.     (indented lines continue)
    # param: ?entity iri required -- the entity (CURIE, IRI or name)
    # param: ?species iri optional -- only statements in this species
    # param: ?limit integer = 100 -- at most this many rows
    # example: entity=exokg:mirna/mir-124
    # curie-list: identifiers                (a column of space-separated IRIs)
    # sorted-list: species, model            (GROUP_CONCAT columns: items in code-point
                                             order after the engine, exokg.query.lists)

Parameters are SPARQL variables, bound with an inline ``VALUES`` block at the top of the
WHERE group (:mod:`exokg.query.binding`), so the patterns and filters of that group see
them; a parameter should also be in the SELECT clause so results show it. Types:
``iri`` (a CURIE, an IRI, or a name resolved to an entity), ``string``, ``integer``,
``decimal``, ``boolean``, ``date``. A parameter is ``required``, ``optional`` (left unbound
when not given) or has a default (``= value``).

A line of the body that ends with ``# if ?name`` is kept only when that parameter is bound,
one that ends with ``# unless ?name`` only when it is not, so a query can filter on an
optional parameter without ``BOUND()`` tricks. Nothing else is templated: values never
enter the query text.

>>> library = load_library()
>>> query = library["trial-design"]
>>> query.title
'Design of a clinical trial'
>>> [p.name for p in query.params]
['trial']
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType
from typing import Any

from exokg.errors import IdentifierError, InputError
from exokg.query._worker import LANG_STRING, STRING, TYPED, URI
from exokg.query.errors import ParameterError, UnknownQueryError
from exokg.query.lists import list_separators

__all__ = [
    "PARAM_TYPES",
    "NamedQuery",
    "Param",
    "coerce_value",
    "load_library",
    "parse_query_file",
]

XSD = "http://www.w3.org/2001/XMLSchema#"
#: Parameter types and the xsd datatype of their literals (None: an IRI or a plain string).
PARAM_TYPES: Mapping[str, str | None] = MappingProxyType({
    "iri": None, "string": None, "integer": XSD + "integer", "decimal": XSD + "decimal",
    "boolean": XSD + "boolean", "date": XSD + "date",
})

_PARAM = re.compile(r"\?(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<type>[a-z]+)\s+"
                    r"(?:(?P<required>required)|(?P<optional>optional)|=\s*(?P<default>\S+))"
                    r"\s*(?:--\s*(?P<doc>.*))?$")
_CONDITION = re.compile(r"#\s*(?P<kind>if|unless)\s+\?(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*$")
_KEY = re.compile(r"#\s?(?P<key>[a-z-]+):\s?(?P<value>.*)$")

Resolver = Callable[[str], str]


@dataclass(frozen=True)
class Param:
    """One declared parameter of a named query."""

    name: str
    type: str
    required: bool = False
    default: str | None = None
    description: str = ""

    def describe(self) -> str:
        """``?name type (required|optional|= default)``."""
        state = "required" if self.required else (
            f"= {self.default}" if self.default is not None else "optional")
        return f"?{self.name} {self.type} {state}"


@dataclass(frozen=True)
class NamedQuery:
    """A query of the library: header fields, parameters and the SPARQL text."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str
    path: str = ""
    examples: tuple[tuple[tuple[str, str], ...], ...] = ()
    curie_lists: tuple[str, ...] = ()
    #: (column, GROUP_CONCAT separator) of the ``sorted-list`` columns
    sorted_lists: tuple[tuple[str, str], ...] = ()
    _conditions: tuple[tuple[int, str, str], ...] = field(default=(), repr=False)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise ParameterError(f"query {self.name!r} has no parameter {name!r} (it has: "
                             f"{', '.join(p.name for p in self.params) or 'none'})")

    def text_for(self, bound: set[str] | frozenset[str]) -> str:
        """The query text with the ``# if`` / ``# unless`` lines chosen for the bound
        parameters."""
        if not self._conditions:
            return self.text
        return _select_lines(self.text, self._conditions, frozenset(bound))

    def bind(self, values: Mapping[str, Any], resolve: Resolver | None = None
             ) -> tuple[str, dict[str, tuple]]:  # type: ignore[type-arg]
        """The query text and the term bindings for the given parameter values.

        Args:
            values: parameter name -> value (None leaves an optional parameter unbound).
            resolve: turns a name given for an ``iri`` parameter into an IRI.

        Raises:
            ParameterError: unknown parameter, missing required one, or a value that is not
                of the parameter's type.
        """
        known = {p.name for p in self.params}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ParameterError(f"query {self.name!r} has no parameter "
                                 f"{', '.join(map(repr, unknown))} (it has: "
                                 f"{', '.join(sorted(known)) or 'none'})")
        bindings = {}
        for p in self.params:
            value = values.get(p.name)
            if value is None:
                if p.required:
                    raise ParameterError(f"query {self.name!r} needs the parameter "
                                         f"{p.name!r} ({p.type}): {p.description}")
                if p.default is None:
                    continue
                value = p.default
            bindings[p.name] = coerce_value(value, p.type, resolve, where=f"{self.name}: "
                                            f"parameter {p.name!r}")
        return self.text_for(frozenset(bindings)), bindings


def coerce_value(value: Any, kind: str | None = None, resolve: Resolver | None = None,
                 where: str = "value") -> tuple:  # type: ignore[type-arg]
    """A term tuple (see :mod:`exokg.query._worker`) for a Python value.

    With ``kind`` None the type follows the value: ``bool``, ``int``, ``float``,
    ``Decimal``, ``date`` become typed literals; rdflib and pyoxigraph terms keep their
    meaning; a string is an IRI when it is a CURIE with a known prefix or an absolute
    ``http(s)``/``urn`` IRI, else a plain literal.

    >>> coerce_value("CL:0000134")
    (0, 'http://purl.obolibrary.org/obo/CL_0000134')
    >>> coerce_value("miR-124"), coerce_value(3), coerce_value("2", "integer")
    ((1, 'miR-124'), (3, '3', 'http://www.w3.org/2001/XMLSchema#integer'), (3, '2', \
'http://www.w3.org/2001/XMLSchema#integer'))
    """
    from exokg.ids import check_iri

    term = _term_of_object(value)
    if term is not None:
        return term
    if kind is None:
        if isinstance(value, bool):
            kind = "boolean"
        elif isinstance(value, int):
            kind = "integer"
        elif isinstance(value, float):
            return (TYPED, repr(value), XSD + "double")
        elif isinstance(value, Decimal):
            kind = "decimal"
        elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            kind = "date"
        elif isinstance(value, dt.datetime):
            return (TYPED, value.isoformat(), XSD + "dateTime")
        elif isinstance(value, str):
            iri = _as_iri(value)
            return (URI, iri) if iri else (STRING, value)
        else:
            raise ParameterError(f"{where}: cannot bind a {type(value).__name__}")
    if kind not in PARAM_TYPES:
        raise ParameterError(f"{where}: unknown type {kind!r}")
    text = value if isinstance(value, str) else None
    try:
        if kind == "iri":
            if not isinstance(value, str):
                raise ParameterError(f"{where}: expected an IRI, CURIE or name")
            iri = _as_iri(value)
            if iri is None:
                if resolve is None:
                    raise ParameterError(f"{where}: {value!r} is not a CURIE or IRI")
                iri = resolve(value)
            return (URI, check_iri(iri))
        if kind == "string":
            return (STRING, str(value))
        if kind == "integer":
            number = int(text.strip()) if text is not None else int(value)
            if isinstance(value, float) and number != value:
                raise ValueError(value)
            return (TYPED, str(number), PARAM_TYPES[kind])
        if kind == "decimal":
            return (TYPED, str(Decimal(text.strip() if text is not None else str(value))),
                    PARAM_TYPES[kind])
        if kind == "boolean":
            if isinstance(value, bool):
                flag = value
            elif text is not None and text.strip().lower() in ("true", "1", "yes"):
                flag = True
            elif text is not None and text.strip().lower() in ("false", "0", "no"):
                flag = False
            else:
                raise ValueError(value)
            return (TYPED, "true" if flag else "false", PARAM_TYPES[kind])
        if kind == "date":
            day = dt.date.fromisoformat(text.strip()) if text is not None else value
            if not isinstance(day, dt.date):
                raise ValueError(value)
            return (TYPED, day.isoformat(), PARAM_TYPES[kind])
    except (ValueError, InvalidOperation, TypeError, IdentifierError) as exc:
        if isinstance(exc, ParameterError):
            raise
        raise ParameterError(f"{where}: {value!r} is not a valid {kind}") from None
    raise AssertionError(kind)  # pragma: no cover


def _as_iri(text: str) -> str | None:
    """The IRI a string denotes, if it is a known-prefix CURIE or an absolute IRI."""
    from exokg.ids import check_iri, expand

    candidate = text.strip()
    if candidate.startswith("<") and candidate.endswith(">"):
        candidate = candidate[1:-1]
    if re.match(r"(?:https?|urn|ftp|file):", candidate):
        try:
            return check_iri(candidate)
        except IdentifierError:
            return None
    try:
        return expand(candidate)
    except IdentifierError:
        return None


def _term_of_object(value: Any) -> tuple | None:  # type: ignore[type-arg]
    """Term tuple of an rdflib or pyoxigraph term, else None."""
    try:
        import pyoxigraph as ox
    except ImportError:  # pragma: no cover
        ox = None
    if ox is not None:
        if isinstance(value, ox.NamedNode):
            return (URI, value.value)
        if isinstance(value, ox.Literal):
            if value.language:
                return (LANG_STRING, value.value, value.language)
            if value.datatype.value == XSD + "string":
                return (STRING, value.value)
            return (TYPED, value.value, value.datatype.value)
    from rdflib import Literal, URIRef

    if isinstance(value, URIRef):
        return (URI, str(value))
    if isinstance(value, Literal):
        if value.language:
            return (LANG_STRING, str(value), value.language)
        if value.datatype is None or str(value.datatype) == XSD + "string":
            return (STRING, str(value))
        return (TYPED, str(value), str(value.datatype))
    return None


def _select_lines(text: str, conditions: tuple[tuple[int, str, str], ...],
                  bound: frozenset[str]) -> str:
    lines = text.split("\n")
    for index, kind, name in conditions:
        keep = (name in bound) == (kind == "if")
        if not keep:
            lines[index] = ""
    return "\n".join(lines)


def parse_query_file(text: str, name: str, origin: str = "") -> NamedQuery:
    """Read a named query from the text of an ``.rq`` file.

    Raises:
        InputError: a malformed header (unknown key, bad ``param`` line, unknown type,
            a condition on an undeclared parameter, a declared parameter missing from the
            SELECT clause is not checked here).
    """
    origin = origin or f"{name}.rq"
    fields: dict[str, str] = {}
    params: list[Param] = []
    examples: list[tuple[tuple[str, str], ...]] = []
    curie_lists: list[str] = []
    sorted_lists: list[tuple[str, int]] = []
    lines = text.split("\n")
    last_key = None
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        if re.match(r"#\s{2,}\S", stripped) or re.match(r"#\t", stripped):
            if last_key in ("title", "description"):
                fields[last_key] += " " + stripped.lstrip("#").strip()
                continue
            if last_key == "param" and params:
                p = params[-1]
                params[-1] = Param(p.name, p.type, p.required, p.default,
                                   (p.description + " " + stripped.lstrip("#").strip()).strip())
                continue
        match = _KEY.match(stripped)
        if not match:
            last_key = None
            continue  # a free comment
        key, value = match.group("key"), match.group("value").strip()
        last_key = key
        if key in ("title", "description"):
            fields[key] = value
        elif key == "param":
            p = _PARAM.match(value)
            if not p or p.group("type") not in PARAM_TYPES:
                raise InputError(origin, "a parameter is declared as "
                                 "'# param: ?name TYPE required|optional|= DEFAULT -- text' "
                                 f"with TYPE one of {', '.join(PARAM_TYPES)}", number)
            params.append(Param(p.group("name"), p.group("type"), bool(p.group("required")),
                                p.group("default"), (p.group("doc") or "").strip()))
        elif key == "example":
            pairs = []
            for item in value.split():
                k, sep, v = item.partition("=")
                if not sep:
                    raise InputError(origin, "an example is 'name=value ...'", number)
                pairs.append((k, v))
            examples.append(tuple(pairs))
        elif key == "curie-list":
            curie_lists.extend(v.strip() for v in value.split(",") if v.strip())
        elif key == "sorted-list":
            sorted_lists.extend((v.strip().lstrip("?"), number) for v in value.split(",")
                                if v.strip())
        else:
            raise InputError(origin, f"unknown header key {key!r} (use title, description, "
                             "param, example, curie-list, sorted-list)", number)
    if "title" not in fields:
        raise InputError(origin, "the header has no '# title:' line", 1)
    declared = {p.name for p in params}
    conditions = []
    for index, line in enumerate(lines):
        code, hash_, comment = line.partition("#")
        if not hash_:
            continue
        match = _CONDITION.search("#" + comment)
        if match and code.strip():
            if match.group("name") not in declared:
                raise InputError(origin, f"condition on undeclared parameter "
                                 f"?{match.group('name')}", index + 1)
            conditions.append((index, match.group("kind"), match.group("name")))
    separators: dict[str, str] = {}
    for column, number in sorted_lists:
        try:
            separators.update(list_separators(text, [column]))
        except ValueError as exc:
            raise InputError(origin, str(exc), number) from None
    return NamedQuery(name, fields["title"], fields.get("description", ""), tuple(params),
                      text, origin, tuple(examples), tuple(curie_lists),
                      tuple(separators.items()), tuple(conditions))


class Library(Mapping[str, NamedQuery]):
    """The named queries by name (a read-only mapping)."""

    def __init__(self, queries: Mapping[str, NamedQuery]) -> None:
        self._queries = dict(sorted(queries.items()))

    def __getitem__(self, name: str) -> NamedQuery:
        try:
            return self._queries[name]
        except KeyError:
            raise UnknownQueryError(
                f"no named query {name!r}; known: {', '.join(self._queries)}") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._queries)

    def __len__(self) -> int:
        return len(self._queries)


@lru_cache(maxsize=4)
def load_library(folder: str | None = None) -> Library:
    """The named queries of a folder of ``.rq`` files (default: the packaged ones).

    Raises:
        InputError: a file has a malformed header.
    """
    queries = {}
    if folder is None:
        root = files("exokg").joinpath("query", "queries")
        entries = [(e.name, e.read_text(encoding="utf-8"), str(e)) for e in root.iterdir()
                   if e.name.endswith(".rq")]
    else:
        entries = [(p.name, p.read_text(encoding="utf-8"), str(p))
                   for p in Path(folder).glob("*.rq")]
    for filename, text, origin in entries:
        name = filename[: -len(".rq")]
        queries[name] = parse_query_file(text, name, origin)
    return Library(queries)
