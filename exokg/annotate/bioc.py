"""Write recognised mentions as BioC XML or BioC JSON (with the ``bioc`` package).

A collection holds one BioC document per exokg document, ``<id>`` the PMID where known
(:func:`exokg.annotate.layout.output_id`). Passages (:func:`exokg.annotate.layout.passages`)
carry ``type`` (``title``/``abstract``/``text``) and, for labelled abstract sections,
``section``. Offsets are offsets into ``Document.text``. Each mention is an annotation in the
passage that contains it, with infons ``type`` (the class), ``identifier`` (CURIEs joined by
commas), ``grounded`` (``true``/``false``), ``exokg_id`` (the entity) and ``recogniser``.

A document in which a mention or definition runs across two passages (a title without a
final stop, read as one sentence with the abstract) is written as one ``text`` passage.

Abbreviation definitions (:mod:`exokg.annotate.abbreviations`) are written as two
annotations (infon ``type`` ``ABBR``, infon ``ABBR`` ``LongForm``/``ShortForm``) and a
relation (``type`` ``ABBR``) with nodes of roles ``LongForm`` and ``ShortForm``.

The writers stream (one document serialised at a time) and their output is deterministic:
the collection's ``date`` is left empty and annotation ids count from ``T0``/``A0``/``R0``
in document order.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TextIO

from exokg.annotate.abbreviations import AbbreviationDefinition
from exokg.annotate.layout import Passage, clean_text, output_id, passages
from exokg.annotate.mentions import DocumentMention
from exokg.errors import ExokgError
from exokg.model import Document

__all__ = ["DOCTYPE", "SOURCE", "bioc_collection", "bioc_document", "write_bioc_json",
           "write_bioc_xml"]

#: The collection's ``<source>``.
SOURCE = "exokg annotate"
#: The document type declaration BioC files carry (the DTD is named, never fetched).
DOCTYPE = '<!DOCTYPE collection SYSTEM "BioC.dtd">'

Item = tuple[Document, Sequence[DocumentMention], Sequence[AbbreviationDefinition]]


def _bioc():  # type: ignore[no-untyped-def]
    try:
        import bioc
        import bioc.biocjson
        import bioc.biocjson.encoder
        import bioc.biocxml
        import bioc.biocxml.encoder
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


def _collection(bioc):  # type: ignore[no-untyped-def]
    collection = bioc.BioCCollection()
    collection.source, collection.date, collection.key = SOURCE, "", "exokg-annotate.key"
    return collection


def bioc_document(item: Item, used: set[str]):  # type: ignore[no-untyped-def]
    """The ``bioc.BioCDocument`` of one document with its mentions and abbreviations;
    ``used`` holds the output ids taken so far (see :func:`exokg.annotate.layout.output_id`)."""
    bioc = _bioc()
    document, mentions, definitions = item
    out = bioc.BioCDocument()
    out.id = output_id(document, used)
    out.infons["exokg_document"] = document.id
    parts = passages(document)
    spans = [(m.start, m.end) for m in mentions] + \
        [(min(d.long_start, d.short_start), max(d.long_end, d.short_end)) for d in definitions]
    if any(_home(parts, start, end) is None for start, end in spans):
        # a mention runs across two passages (a title without a final stop read as one
        # sentence with the abstract): one passage of the whole text keeps every offset valid
        parts = [Passage("text", 0, clean_text(document.text))]
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
                          {"type": "ABBR", "ABBR": "ShortForm"}), d.short_start, d.short_end)
        relation = bioc.BioCRelation()
        relation.id = f"R{n}"
        relation.infons["type"] = "ABBR"
        relation.add_node(bioc.BioCNode(long_id, "LongForm"))
        relation.add_node(bioc.BioCNode(short_id, "ShortForm"))
        home = _home(parts, min(d.long_start, d.short_start), max(d.long_end, d.short_end))
        (out if home is None else biocs[home]).add_relation(relation)
    return out


def bioc_collection(items: Iterable[Item]):  # type: ignore[no-untyped-def]
    """A ``bioc.BioCCollection`` of the documents (held in memory; the writers stream)."""
    collection = _collection(_bioc())
    used: set[str] = set()
    for item in items:
        collection.add_document(bioc_document(item, used))
    return collection


def write_bioc_xml(items: Iterable[Item], stream: TextIO) -> None:
    """Write BioC XML (UTF-8, ``<!DOCTYPE collection SYSTEM "BioC.dtd">``, indented by two
    spaces) to a text stream, one document at a time: memory stays flat for inputs of any
    size. Reads back with ``bioc.load``."""
    from lxml import etree

    bioc = _bioc()
    collection = _collection(bioc)
    stream.write(f"<?xml version='1.0' encoding='utf-8'?>\n{DOCTYPE}\n<collection>\n")
    for tag in ("source", "date", "key"):
        element = etree.Element(tag)
        element.text = getattr(collection, tag)
        stream.write("  " + etree.tostring(element, encoding="unicode") + "\n")
    used: set[str] = set()
    for item in items:
        element = bioc.biocxml.encoder.encode_document(bioc_document(item, used))
        etree.indent(element, space="  ", level=1)
        stream.write("  " + etree.tostring(element, encoding="unicode") + "\n")
    stream.write("</collection>\n")


def write_bioc_json(items: Iterable[Item], stream: TextIO) -> None:
    """Write BioC JSON (indented by two spaces, keys in BioC order) to a text stream, one
    document at a time. Reads back with ``bioc.biocjson.load``."""
    bioc = _bioc()
    encoder = bioc.biocjson.encoder.BioCJSONEncoder
    head = json.dumps(_collection(bioc), cls=encoder, indent=2, ensure_ascii=False)
    before, marker, after = head.rpartition('"documents": []')
    if not marker:  # pragma: no cover - the bioc package's layout changed
        raise ExokgError("unexpected BioC JSON layout from the bioc package")
    stream.write(before + '"documents": [')
    used: set[str] = set()
    for n, item in enumerate(items):
        text = json.dumps(bioc_document(item, used), cls=encoder, indent=2,
                          ensure_ascii=False)
        stream.write(("," if n else "") + "\n    " + text.replace("\n", "\n    "))
    stream.write(("\n  " if used else "") + "]" + after + "\n")
