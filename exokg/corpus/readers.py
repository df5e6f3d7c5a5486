"""Read input files into :class:`~exokg.model.Document` records, safely.

Supported inputs (see docs/input-format.md):

* text or Markdown with YAML front matter (``---`` ... ``---``) giving the source's metadata;
* text or Markdown with a sidecar ``NAME.meta.yaml`` holding the same fields;
* an excerpt collection (quoted passages with the references they come from), like the
  bundled founding corpus; an ``NAME.attribution.yaml`` beside it may correct attributions;
* plain text without metadata (one document, source unknown);
* PubMed XML (``PubmedArticleSet``, many articles a file; :mod:`exokg.corpus.pubmed`);
* ClinicalTrials.gov study records, API v2 JSON (:mod:`exokg.corpus.registry`);
* PubTator files (``PMID|t|title``, ``PMID|a|abstract``, annotation lines), one document
  per PMID with the text ``title + " " + abstract``; their annotations are ignored
  (:mod:`exokg.corpus.pubtator`).

The format is found from the extension and the content together (:func:`detect_format`):
``.txt``/``.md`` are text unless the first line is a PubTator title line (``PMID|t|``);
``.xml`` must be PubMed XML and ``.json`` registry JSON; a file with another or no extension
is read only when its content is unmistakably PubMed XML, registry JSON or PubTator. Anything else is reported, never guessed. Folders are read recursively.

Every problem is an :class:`~exokg.errors.InputError` naming the file and the place.
"""

from __future__ import annotations

import datetime
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import replace
from importlib.resources import files
from pathlib import Path

import yaml

from exokg.corpus.citation import parse_citation
from exokg.corpus.pubmed import count_pubmed_articles, looks_like_pubmed, read_pubmed
from exokg.corpus.pubtator import count_pubtator_documents, looks_like_pubtator, read_pubtator
from exokg.corpus.registry import count_studies, looks_like_registry, read_registry
from exokg.corpus.excerpts import apply_attribution, read_excerpt_collection, split_blocks
from exokg.errors import InputError
from exokg.model import Citation, Document

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
XML_SUFFIXES = (".xml",)
JSON_SUFFIXES = (".json",)
FORMATS = ("text", "pubmed-xml", "registry-json", "pubtator")
BUNDLED_CORPUS = "000_112079930ad29e58.txt"
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FIELDS = {"id", "title", "pmid", "pmcid", "doi", "journal", "year", "authors", "kind",
           "citation", "url", "note"}
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")
_DOI = re.compile(r"10\.[0-9]{4,9}/[!-~]+")


def bundled_corpus_path() -> Path:
    """Path of the founding corpus shipped in the package (byte for byte as received)."""
    return Path(str(files("exokg") / "resources" / "corpus" / BUNDLED_CORPUS))


def read_text_file(path: Path) -> str:
    """Read a UTF-8 text file, refusing missing, empty, binary and non-UTF-8 files.

    Raises :class:`InputError` with the line and column of an invalid byte.
    """
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise InputError(path, "not a regular file (a FIFO, socket or device); exokg "
                             "reads only regular files")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from None
    if not data.strip():
        raise InputError(path, "empty file")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(path, "binary file (NUL byte), expected UTF-8 text",
                         _where(data, nul))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"invalid UTF-8 (byte 0x{data[exc.start]:02x})",
                         _where(data, exc.start)) from None
    return text.removeprefix("\ufeff")


def _where(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand files and folders (recursively, sorted) into input files.

    Raises :class:`InputError` for a missing path, and for a file of an unknown format given
    by name; files of unknown formats inside folders are reported the same way, not guessed.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in _walk(path):
                if child.name.endswith((".meta.yaml", ".attribution.yaml")) \
                        or child.name.startswith("."):
                    continue
                yield _check_suffix(child)
        elif path.exists():
            yield _check_suffix(path)
        else:
            raise InputError(path, "no such file or directory")


def _walk(folder: Path) -> list[Path]:
    """Every file under ``folder`` (recursively, sorted; hidden folders skipped).

    Raises :class:`InputError` for a folder that cannot be read and for anything that is not
    a regular file or a folder (a FIFO would block the build forever)."""
    found: list[Path] = []

    def fail(exc: OSError) -> None:
        raise InputError(exc.filename or folder, f"cannot read folder: {exc.strerror}")

    for root, dirs, names in os.walk(folder, onerror=fail):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            child = Path(root) / name
            if name.startswith("."):
                continue
            try:
                mode = child.stat().st_mode
            except OSError as exc:
                raise InputError(child, f"cannot read: {exc.strerror}") from None
            if not stat.S_ISREG(mode):
                raise InputError(child, "not a regular file (a FIFO, socket or device); "
                                 "exokg reads only regular files")
            found.append(child)
    return sorted(found)


def _check_suffix(path: Path) -> Path:
    detect_format(path)
    return path


def detect_format(path: Path) -> str:
    """'text', 'pubmed-xml', 'registry-json' or 'pubtator' for an input file, from extension
    and content.

    Raises :class:`InputError` naming the file when the format is unknown or the content
    does not match the extension.
    """
    suffix = path.suffix.lower()
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise InputError(path, "not a regular file (a FIFO, socket or device); exokg "
                             "reads only regular files")
        with path.open("rb") as stream:
            head = stream.read(1 << 16)
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from None
    if looks_like_pubtator(head[:4096].decode("utf-8", errors="replace")):
        return "pubtator"
    if suffix in TEXT_SUFFIXES:
        return "text"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    is_xml = stripped.startswith(b"<")
    if is_xml and looks_like_pubmed(stripped):
        return "pubmed-xml"
    if stripped[:1] in (b"{", b"[") and looks_like_registry(
            stripped.decode("utf-8", errors="replace")):
        return "registry-json"
    if suffix in XML_SUFFIXES:
        raise InputError(path, "XML that is not PubMed XML (no <PubmedArticleSet> root); "
                         "only PubMed XML is read")
    if suffix in JSON_SUFFIXES:
        if stripped[:1] in (b"{", b"["):
            return "registry-json"  # the reader names what is missing
        raise InputError(path, "a .json file that does not start with '{' or '['")
    known = ", ".join(TEXT_SUFFIXES + XML_SUFFIXES + JSON_SUFFIXES)
    raise InputError(path, f"unknown input format {suffix or '(no extension)'!r}; expected "
                     f"text ({', '.join(TEXT_SUFFIXES)}), PubMed XML, ClinicalTrials.gov "
                     f"JSON ({known}) or PubTator")


def iter_documents(path: Path) -> Iterator[Document]:
    """The documents of one input file, streaming where the format allows (PubMed XML)."""
    fmt = detect_format(path)
    if fmt == "pubmed-xml":
        return read_pubmed(path)
    if fmt == "registry-json":
        return read_registry(path)
    if fmt == "pubtator":
        return read_pubtator(path)
    return iter(read_documents(path))


def count_documents(path: Path) -> int:
    """How many documents a file holds (cheap; for progress and ETA)."""
    fmt = detect_format(path)
    if fmt == "pubmed-xml":
        return count_pubmed_articles(path)
    if fmt == "registry-json":
        return count_studies(path)
    if fmt == "pubtator":
        return count_pubtator_documents(path)
    return len(read_documents(path))


def read_documents(path: Path) -> list[Document]:
    """All documents of one input file (see the module docs for the formats)."""
    if detect_format(path) != "text":
        return list(iter_documents(path))
    text = read_text_file(path)
    stem = _slug(path.stem)
    front = _FRONT_MATTER.match(text)
    if front:
        meta = _load_meta(path, front.group(1), line_offset=1)
        body = text[front.end():]
        if not body.strip():
            raise InputError(path, "no text after the front matter")
        return [_document(path, meta, body, front.end(), stem)]
    sidecar = path.with_name(path.stem + ".meta.yaml")
    if sidecar.exists():
        meta = _load_meta(sidecar, read_text_file(sidecar), line_offset=0)
        return [_document(path, meta, text, 0, stem)]
    blocks = split_blocks(text)
    if any(b.kind == "citation" for b in blocks) and any(b.kind == "excerpt" for b in blocks):
        documents = read_excerpt_collection(text, str(path), stem)
        attribution = path.with_name(path.stem + ".attribution.yaml")
        if attribution.exists():
            documents = apply_attribution(documents, attribution)
        return documents
    return [Document(id=stem, text=text, origin=str(path), start=0)]


def read_bundled_corpus() -> list[Document]:
    """The founding corpus split into its excerpt documents, with curated attribution.

    Their ``origin`` is the package-relative path, so the graph does not depend on where
    exokg is installed.
    """
    origin = f"exokg/resources/corpus/{BUNDLED_CORPUS}"
    return [replace(d, origin=origin) for d in read_documents(bundled_corpus_path())]


#: Largest metadata block (front matter or sidecar), in characters, and most YAML aliases.
MAX_META_CHARS = 65_536
MAX_YAML_ALIASES = 16


class _BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe loader with few aliases allowed (no "billion laughs")."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.aliases = 0

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_YAML_ALIASES:
                raise yaml.YAMLError(f"more than {MAX_YAML_ALIASES} aliases")
        return super().compose_node(parent, index)


def _load_meta(path: Path, text: str, line_offset: int) -> dict:
    if len(text) > MAX_META_CHARS:
        raise InputError(path, f"metadata longer than {MAX_META_CHARS} characters",
                         line_offset + 1)
    try:
        meta = yaml.load(text, Loader=_BoundedLoader) or {}  # noqa: S506 - a safe loader
    except RecursionError:
        raise InputError(path, "invalid YAML metadata: nested too deeply",
                         line_offset + 1) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1 + line_offset}" if mark else None
        raise InputError(path, f"invalid YAML metadata: {getattr(exc, 'problem', exc)}",
                         where) from None
    if not isinstance(meta, dict):
        raise InputError(path, "metadata must be a mapping of fields")
    for key, value in meta.items():
        allowed = (str, list) if key == "authors" else (str, int, float, datetime.date)
        if value is not None and not isinstance(value, allowed) or isinstance(value, bool):
            raise InputError(path, f"metadata field {key!r} must be "
                             f"{'text or a list of names' if key == 'authors' else 'text'}, "
                             f"not {type(value).__name__}")
        if key == "authors" and isinstance(value, list) and not all(
                isinstance(a, (str, int)) and not isinstance(a, bool) for a in value):
            raise InputError(path, "metadata field 'authors' must list names as text")
    unknown = sorted(set(meta) - _FIELDS, key=str)
    if unknown:
        raise InputError(path, f"unknown metadata field(s): {', '.join(map(str, unknown))}; "
                         f"known: {', '.join(sorted(_FIELDS))}")
    return meta


def _document(path: Path, meta: dict, body: str, start: int, stem: str) -> Document:
    doc_id = str(meta.get("id") or stem)
    if not _ID.fullmatch(doc_id):
        raise InputError(path, f"document id {doc_id!r} must be letters, digits, '.', '_' or '-'")
    authors = meta.get("authors") or ()
    if isinstance(authors, str):
        authors = tuple(a.strip() for a in authors.split(";") if a.strip())
    year = meta.get("year")
    if year is not None and not (isinstance(year, int) and 1000 <= year <= 9999):
        raise InputError(path, f"year must be a four-digit number, not {year!r}")
    if meta.get("citation"):
        source = parse_citation(str(meta["citation"]))
    else:
        source = Citation()
    source = Citation(
        pmid=_str(meta.get("pmid")) or source.pmid,
        pmcid=_str(meta.get("pmcid")) or source.pmcid,
        doi=_str(meta.get("doi")) or source.doi,
        title=_str(meta.get("title")) or source.title,
        journal=_str(meta.get("journal")) or source.journal,
        year=year or source.year,
        authors=tuple(str(a) for a in authors) or source.authors,
        volume=source.volume, issue=source.issue, pages=source.pages,
        text=source.text,
        partial=source.partial,
        note="; ".join(x for x in (f"metadata of {path.name}", _str(meta.get("note")),
                                  f"text from {meta['url']}" if meta.get("url") else None)
                       if x),
    )
    if source.doi and not _DOI.fullmatch(source.doi):
        raise InputError(path, f"doi must look like 10.NNNN/suffix without spaces, not "
                         f"{source.doi!r}")
    if source.pmcid and not re.fullmatch(r"PMC[0-9]{1,9}", source.pmcid):
        raise InputError(path, f"pmcid must be PMC followed by digits, not {source.pmcid!r}")
    if source.pmid and not re.fullmatch(r"[0-9]{1,9}", source.pmid):
        raise InputError(path, f"pmid must be digits, not {source.pmid!r}")
    return Document(id=doc_id, text=body, origin=str(path), title=_str(meta.get("title")),
                    source=source, start=start, kind=str(meta.get("kind") or "text"))


def _str(value: object) -> str | None:
    return None if value is None else str(value).strip() or None


def _slug(stem: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-")
    return slug or "document"
