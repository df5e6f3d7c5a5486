"""Text handling: normalisation with offset maps, citation markers, sentence splitting.

- :func:`normalise` undoes PDF artefacts and maps every character back to the original.
- :func:`find_citations` finds numeric and author-year reference markers.
- :func:`segment` splits a :class:`~exokg.model.Document` into :class:`~exokg.model.Sentence`
  records whose spans slice the original text exactly.
"""

from exokg.text.citations import find_citations
from exokg.text.normalise import normalise
from exokg.text.segment import segment

__all__ = ["find_citations", "normalise", "segment"]
