"""``exokg annotate``: what exokg recognised in a text, as PubTator or BioC.

documents -> segment -> recognise -> :func:`document_mentions` -> PubTator | BioC XML | BioC JSON

* :mod:`.mentions`       document-level mentions (offsets into ``Document.text``), classes, CURIEs
* :mod:`.abbreviations`  abbreviation definitions (a hook onto ``exokg.text.abbreviations``)
* :mod:`.layout`         output ids, BioC passages, the PubTator title/abstract layout
* :mod:`.pubtator`, :mod:`.bioc`  the writers
* :mod:`.command`        the CLI command (``exokg annotate``)

>>> from exokg.model import Document

if TYPE_CHECKING:
    from exokg.recognise import Recogniser
>>> from exokg.recognise import Recogniser
>>> doc = Document("d", "MSC-derived exosomes reduced infarct volume after stroke.", "x")
>>> [(m.text, m.type) for m in document_mentions(doc, Recogniser.default())][:3]
[('MSC-derived exosomes', 'ExosomePreparation'), ('MSC', 'CellType'), ('exosomes', 'Vesicle')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TextIO

from exokg.annotate.abbreviations import AbbreviationDefinition, abbreviation_definitions
from exokg.annotate.mentions import DocumentMention, annotation_class, document_mentions, \
    mention_ids, mentions_of
from exokg.model import Document

if TYPE_CHECKING:
    from exokg.recognise import Recogniser

__all__ = [
    "ANNOTATION_FORMATS",
    "AbbreviationDefinition",
    "AnnotatedDocument",
    "DocumentMention",
    "abbreviation_definitions",
    "annotate_documents",
    "annotation_class",
    "document_mentions",
    "mention_ids",
    "mentions_of",
    "write_annotations",
]

#: Output format names of ``exokg annotate --format``.
ANNOTATION_FORMATS: tuple[str, ...] = ("pubtator", "bioc-xml", "bioc-json")

AnnotatedDocument = tuple[Document, list[DocumentMention], list[AbbreviationDefinition]]


def annotate_documents(documents: Iterable[Document], recogniser: Recogniser
                       ) -> Iterator[AnnotatedDocument]:
    """Each document with its mentions and abbreviation definitions, one at a time."""
    for document in documents:
        yield (document, document_mentions(document, recogniser),
               abbreviation_definitions(document))


def write_annotations(annotated: Iterable[AnnotatedDocument], stream: TextIO,
                      fmt: str = "pubtator") -> None:
    """Write annotated documents in one of :data:`ANNOTATION_FORMATS` to a text stream.

    Raises ``ValueError`` for an unknown format name.
    """
    if fmt == "pubtator":
        from exokg.annotate.pubtator import write_pubtator

        write_pubtator(((d, m) for d, m, _ in annotated), stream)
    elif fmt == "bioc-xml":
        from exokg.annotate.bioc import write_bioc_xml

        write_bioc_xml(annotated, stream)
    elif fmt == "bioc-json":
        from exokg.annotate.bioc import write_bioc_json

        write_bioc_json(annotated, stream)
    else:
        raise ValueError(f"unknown annotation format {fmt!r}; expected one of "
                         f"{', '.join(ANNOTATION_FORMATS)}")
