"""Write recognised mentions in the PubTator layout.

One block per document, blocks separated by a blank line::

    PMID|t|title
    PMID|a|abstract
    PMID<TAB>start<TAB>end<TAB>mention<TAB>class<TAB>id1,id2

Offsets are into ``title + " " + abstract`` (see :func:`exokg.annotate.layout.pubtator_text`;
for a document read from PubTator that is ``Document.text`` itself). Identifiers are CURIEs
joined by commas. PubTator has no place for abbreviation definitions; they are written in
the BioC formats only.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from exokg.annotate.layout import output_id, pubtator_text, single_line
from exokg.annotate.mentions import DocumentMention
from exokg.model import Document

__all__ = ["write_pubtator"]


def write_pubtator(items: Iterable[tuple[Document, list[DocumentMention]]],
                   stream: TextIO) -> int:
    """Write each document with its mentions to ``stream``; returns the number of mentions.

    Raises ``ValueError`` if a mention's text is not the output text at its offsets (a bug,
    never expected: the check keeps a wrong file from being written).
    """
    used: set[str] = set()
    written = 0
    for document, mentions in items:
        doc_id = output_id(document, used)
        layout = pubtator_text(document)
        text = layout.text
        stream.write(f"{doc_id}|t|{layout.title}\n{doc_id}|a|{layout.abstract}\n")
        for m in mentions:
            start, end = layout.shift(m.start), layout.shift(m.end)
            if text[start:end] != single_line(m.text):
                raise ValueError(f"{document.id}: mention {m.text!r} does not match the output "
                                 f"text at {start}-{end}")
            stream.write(f"{doc_id}\t{start}\t{end}\t{text[start:end]}\t{m.type}\t"
                         f"{','.join(m.ids)}\n")
            written += 1
        stream.write("\n")
    return written
