"""Write recognised mentions as BioC XML or BioC JSON (with the ``bioc`` package).

A collection holds one BioC document per exokg document, ``<id>`` the PMID where known
(:func:`exokg.annotate.layout.output_id`). Passages (:func:`exokg.annotate.layout.passages`)
carry ``type`` (``title``/``abstract``/``text``) and, for labelled abstract sections,
``section``. Offsets are offsets into ``Document.text``. Each mention is an annotation in the
passage that contains it, with infons ``type`` (the class), ``identifier`` (CURIEs joined by
commas), ``grounded`` (``true``/``false``), ``exokg_id`` (the entity) and ``recogniser``.

Abbreviation definitions (:mod:`exokg.annotate.abbreviations`) are written as two
annotations (infon ``type`` ``ABBR``, infon ``ABBR`` ``LongForm``/``ShortForm``) and a
relation (``type`` ``ABBR``) with nodes of roles ``LongForm`` and ``ShortForm``.

Output is deterministic: the collection's ``date`` is left empty and annotation ids count
from ``T0``/``A0``/``R0`` in document order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TextIO

from exokg.annotate.abbreviations import AbbreviationDefinition
from exokg.annotate.layout import Passage, clean_text, output_id, passages
from exokg.annotate.mentions import DocumentMention
from exokg.errors import ExokgError
from exokg.model import Document

__all__ = ["SOURCE", "bioc_collection", "write_bioc_json", "write_bioc_xml"]

#: The collection's ``<source>``.
SOURCE = "exokg annotate"

Item = tuple[Document, Sequence[DocumentMention], Sequence[AbbreviationDefinition]]


def _bioc():  # type: ignore[no-untyped-def]
    try:
        import bioc
        import bioc.biocjson
        import bioc.biocxml
    except ImportError:  # pragma: no cover - a declared dependency
        raise ExokgError("BioC output needs the 'bioc' package (pip install bioc)") from None
    return bioc


def _annotation(bioc, ann_id: str, start: int, end: int, text: str,  # type: ignore[no-untyped-def]
                infons: dict[str, str]):
    a = bioc.BioCAnnotation()
    a.id = ann_id
    a.infons.update(infons)
    a.add_location(bioc.BioCLocation(start, end - start))
    a.text = clean_text(text)
    return a


def _home(parts: list[Passage], start: int, end: int) -> int | None:
    for i, p in enumerate(parts):
        if p.offset <= start and end <= p.offset + len(p.text):
            return i
    return None


def bioc_collection(items: Iterable[Item]):  # type: ignore[no-untyped-def]
    """A ``bioc.BioCCollection`` of the documents with their mentions and abbreviations."""
    bioc = _bioc()
    collection = bioc.BioCCollection()
    collection.source, collection.date, collection.key = SOURCE, "", "exokg-annotate.key"
    used: set[str] = set()
    for document, mentions, definitions in items:
        out = bioc.BioCDocument()
        out.id = output_id(document, used)
        out.infons["exokg_document"] = document.id
        parts = passages(document)
        biocs = []
        for p in parts:
            bp = bioc.BioCPassage.of_text(p.text, p.offset)
            bp.infons["type"] = p.type
            if p.section:
                bp.infons["section"] = p.section
            biocs.append(bp)
            out.add_passage(bp)

        def place(annotation, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
            home = _home(parts, start, end)
            (out if home is None else biocs[home]).add_annotation(annotation)

        for n, m in enumerate(mentions):
            place(_annotation(bioc, f"T{n}", m.start, m.end, m.text, {
                "type": m.type, "identifier": ",".join(m.ids),
                "grounded": "true" if m.grounded else "false",
                "exokg_id": m.entity.id, "recogniser": m.source}), m.start, m.end)
        for n, d in enumerate(definitions):
            long_id, short_id = f"A{2 * n}", f"A{2 * n + 1}"
            place(_annotation(bioc, long_id, d.long_start, d.long_end, d.long,
                              {"type": "ABBR", "ABBR": "LongForm"}), d.long_start, d.long_end)
            place(_annotation(bioc, short_id, d.short_start, d.short_end, d.short,
                              {"type": "ABBR", "ABBR": "ShortForm"}),
                  d.short_start, d.short_end)
            relation = bioc.BioCRelation()
            relation.id = f"R{n}"
            relation.infons["type"] = "ABBR"
            relation.add_node(bioc.BioCNode(long_id, "LongForm"))
            relation.add_node(bioc.BioCNode(short_id, "ShortForm"))
            home = _home(parts, min(d.long_start, d.short_start), max(d.long_end, d.short_end))
            (out if home is None else biocs[home]).add_relation(relation)
        collection.add_document(out)
    return collection


def write_bioc_xml(items: Iterable[Item], stream: TextIO) -> None:
    """Write the collection as BioC XML (UTF-8, pretty-printed) to a text stream."""
    bioc = _bioc()
    stream.write(bioc.biocxml.dumps(bioc_collection(items), pretty_print=True))


def write_bioc_json(items: Iterable[Item], stream: TextIO) -> None:
    """Write the collection as BioC JSON (indented, keys in BioC order) to a text stream."""
    bioc = _bioc()
    stream.write(bioc.biocjson.dumps(bioc_collection(items), indent=2, ensure_ascii=False))
    stream.write("\n")
