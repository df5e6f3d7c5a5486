"""The errors exokg raises, as one small typed hierarchy.

Catch :class:`ExokgError` for "anything exokg refused", or a subclass for one kind of
failure::

    ExokgError
    ├── InputError          a file given to exokg is malformed (has .path and .where)
    │   ├── VocabularyError a curated vocabulary file (ontology/*.yaml) is invalid
    │   └── LexiconMissingError the open-vocabulary lexicon is not built (or its sources
    │                       are not installed)
    ├── IdentifierError     a CURIE or IRI cannot be parsed, expanded, compressed or minted
    ├── ValidationError     a graph does not conform to the SHACL shapes
    └── QueryError          a SPARQL query is rejected or fails

>>> err = VocabularyError("vocabulary.yaml", "unknown class 'Cel'", line=12, column=3)
>>> str(err)
"vocabulary.yaml:12:3: unknown class 'Cel'"
>>> isinstance(err, InputError) and isinstance(err, ExokgError)
True
"""

from __future__ import annotations

import re
from os import PathLike

__all__ = [
    "ExokgError",
    "IdentifierError",
    "InputError",
    "LexiconMissingError",
    "InputWarning",
    "QueryError",
    "ValidationError",
    "VocabularyError",
]

_LINE_COLUMN = re.compile(r"line (\d+)(?:, column (\d+))?")


class ExokgError(Exception):
    """Base class of every error exokg raises on purpose."""


class InputError(ExokgError):
    """A file given to exokg is malformed.

    Args:
        path: the file (or another origin name) the problem is in.
        message: what is wrong, in one sentence.
        where: the place inside the file, if known: a line number, a ``(line, column)``
            pair, or free text (``"line 3, column 7"`` is understood as line and column;
            anything else, e.g. ``"override 2"``, is shown as written).
        line: 1-based line number (keyword form of ``where``).
        column: 1-based column number, used only together with a line.

    Attributes ``path``, ``message``, ``line``, ``column`` and ``where`` (the place as
    text, or None) are kept; ``str(error)`` is one line in the compiler style
    ``path:line:col: message`` so editors and terminals can jump to the place.

    >>> str(InputError("doc.txt", "no text"))
    'doc.txt: no text'
    >>> str(InputError("doc.txt", "bad byte", "line 4, column 2"))
    'doc.txt:4:2: bad byte'
    >>> str(InputError("attribution.yaml", "bad source", "override 2"))
    'attribution.yaml: override 2: bad source'
    """

    def __init__(
        self,
        path: str | PathLike[str] | None,
        message: str,
        where: str | int | tuple[int, int] | None = None,
        *,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.path: str = "<input>" if path is None else str(path)
        self.message = message
        place: str | None = None
        if isinstance(where, int):
            line = where
        elif isinstance(where, tuple):
            line, column = where
        elif isinstance(where, str):
            match = _LINE_COLUMN.fullmatch(where.strip())
            if match:
                line = int(match.group(1))
                column = int(match.group(2)) if match.group(2) else None
            else:
                place = where
        self.line = line
        self.column = column if line is not None else None
        if self.line is not None:
            place = str(self.line) if self.column is None else f"{self.line}:{self.column}"
        self.where: str | None = place

    def __str__(self) -> str:
        message = " ".join(self.message.split())  # always one line
        if self.line is not None:
            return f"{self.path}:{self.where}: {message}"
        if self.where:
            return f"{self.path}: {' '.join(self.where.split())}: {message}"
        return f"{self.path}: {message}"

    def __reduce__(self) -> tuple[object, ...]:  # keep the fields when pickled
        return (_rebuild, (type(self), self.path, self.message, self.where, self.line, self.column))


def _rebuild(
    cls: type[InputError], path: str, message: str, where: str | None, line: int | None,
    column: int | None,
) -> InputError:
    if line is not None:
        return cls(path, message, line=line, column=column)
    return cls(path, message, where)


class InputWarning(UserWarning):
    """An input was read, but not as fully as usual (e.g. an overlong sentence was cut)."""


class VocabularyError(InputError):
    """A curated vocabulary file is invalid (unknown class, duplicate id or synonym, ...)."""


class LexiconMissingError(InputError):
    """The open-vocabulary lexicon (exokg.lexicon) is not built, or its sources are not
    installed; the message names the folder and the command that fixes it."""


class IdentifierError(ExokgError, ValueError):
    """A CURIE or IRI is malformed, uses an unknown prefix, or cannot be minted."""


class ValidationError(ExokgError):
    """A graph does not conform to exokg's SHACL shapes."""


class QueryError(ExokgError):
    """A SPARQL query is rejected (unsafe, malformed) or fails while running."""
