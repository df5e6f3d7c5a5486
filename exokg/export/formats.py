"""The export formats, by name and file extension: one table for ``exokg build`` (which writes
them all into ``exports/``) and ``exokg export --format F`` (which writes one).

>>> get_format("nt").name, format_for_path("graph.jsonld").name
('ntriples', 'jsonld')
>>> sorted(render_format(get_format("kgx"), Graph()))
['edges.tsv', 'nodes.tsv']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph

from exokg.errors import ExokgError

if TYPE_CHECKING:
    from exokg.pipeline import BuildResult

__all__ = ["FORMATS", "Format", "format_for_path", "get_format", "render_all",
           "render_format"]


@dataclass(frozen=True)
class Format:
    """One export format.

    ``output`` is the path inside ``exports/`` (a folder for KGX, whose files are
    ``nodes.tsv`` and ``edges.tsv``); ``needs_build`` is true when the format is written from
    the build's records rather than from the RDF graph alone (the statements CSV).
    """

    name: str
    aliases: tuple[str, ...]
    extensions: tuple[str, ...]
    output: str
    description: str
    render: Callable[[BuildResult | Graph], bytes | dict[str, bytes]]
    needs_build: bool = False

    @property
    def is_directory(self) -> bool:
        return not self.extensions


def _graph(source: BuildResult | Graph) -> Graph:
    return source if isinstance(source, Graph) else source.graph


def _turtle(source: BuildResult | Graph) -> bytes:
    from exokg.export.turtle import to_turtle
    return to_turtle(_graph(source))


def _ntriples(source: BuildResult | Graph) -> bytes:
    from exokg.export.ntriples import to_ntriples
    return to_ntriples(_graph(source))


def _jsonld(source: BuildResult | Graph) -> bytes:
    from exokg.export.jsonld import to_jsonld
    return to_jsonld(_graph(source))


def _trig(source: BuildResult | Graph) -> bytes:
    from exokg.export.quads import to_trig
    return to_trig(_graph(source))


def _nquads(source: BuildResult | Graph) -> bytes:
    from exokg.export.quads import to_nquads
    return to_nquads(_graph(source))


def _kgx(source: BuildResult | Graph) -> dict[str, bytes]:
    from exokg.export.kgx import to_kgx
    return to_kgx(_graph(source))


def _graphml(source: BuildResult | Graph) -> bytes:
    from exokg.export.graphml import to_graphml
    return to_graphml(_graph(source))


def _csv(source: BuildResult | Graph) -> bytes:
    from exokg.export.statements_csv import to_csv
    if isinstance(source, Graph):
        raise ExokgError("the statements CSV is written from a build, not from a stored graph")
    return to_csv(source.statements, source.entities)


#: Every export format, in the order ``exokg build`` writes them.
FORMATS: tuple[Format, ...] = (
    Format("turtle", ("ttl",), (".ttl",), "exokg.ttl", "Turtle (sorted, prefixed)", _turtle),
    Format("ntriples", ("nt", "n-triples"), (".nt",), "exokg.nt",
           "N-Triples, one triple per line, sorted", _ntriples),
    Format("jsonld", ("json-ld",), (".jsonld", ".json"), "exokg.jsonld",
           "JSON-LD 1.1 with the embedded exokg context", _jsonld),
    Format("trig", (), (".trig",), "exokg.trig",
           "TriG: one named graph per document, plus entities, assembly, ontology", _trig),
    Format("nquads", ("nq", "n-quads"), (".nq",), "exokg.nq",
           "N-Quads: the same named graphs as TriG, sorted", _nquads),
    Format("kgx", ("kgx-tsv",), (), "kgx", "KGX TSV (nodes.tsv, edges.tsv), Biolink Model",
           _kgx),
    Format("graphml", (), (".graphml",), "exokg.graphml",
           "GraphML of the NetworkX view (Cytoscape, Gephi)", _graphml),
    Format("csv", ("statements",), (".csv",), "statements.csv",
           "statements table, one row per statement", _csv, needs_build=True),
)


def get_format(name: str) -> Format:
    """The format of a name or alias (case-insensitive).

    Raises:
        ExokgError: no such format (the message lists the known ones).
    """
    key = name.lower().lstrip(".")
    for fmt in FORMATS:
        if key == fmt.name or key in fmt.aliases or f".{key}" in fmt.extensions:
            return fmt
    raise ExokgError(f"unknown export format {name!r}; known: "
                     + ", ".join(f.name for f in FORMATS))


def format_for_path(path: str | Path) -> Format:
    """The format a file name's extension stands for.

    Raises:
        ExokgError: the extension is not one of an export format.
    """
    suffix = Path(path).suffix.lower()
    for fmt in FORMATS:
        if suffix and suffix in fmt.extensions:
            return fmt
    raise ExokgError(f"cannot tell the export format from {str(path)!r}: use --format "
                     "(" + ", ".join(f.name for f in FORMATS) + ")")


def render_format(fmt: Format, source: BuildResult | Graph) -> dict[str, bytes]:
    """The files of one format: ``{"": bytes}`` for a single file, ``{name: bytes}`` for the
    files of a folder format."""
    data = fmt.render(source)
    return data if isinstance(data, dict) else {"": data}


def render_all(result: BuildResult) -> dict[str, bytes]:
    """Path inside ``exports/`` -> content, for every format."""
    files: dict[str, bytes] = {}
    for fmt in FORMATS:
        for name, data in render_format(fmt, result).items():
            files[f"{fmt.output}/{name}" if name else fmt.output] = data
    return files
