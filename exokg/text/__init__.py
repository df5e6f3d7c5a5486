"""Text handling: normalisation with offset maps, citation markers, sentence splitting.

- :func:`normalise` undoes PDF artefacts and maps every character back to the original
  (a :class:`Normalised` ``(text, offsets)`` named tuple).
- :func:`hyphen_action` decides how a line-end hyphen is resolved (join, keep, leave).
- :func:`find_citations` finds numeric and author-year reference markers;
  :func:`expand_refs` splits a numeric marker body into its references.
- :func:`segment` splits a :class:`~exokg.model.Document` into :class:`~exokg.model.Sentence`
  records whose spans slice the original text exactly.
"""

from exokg.text.citations import expand_refs, find_citations
from exokg.text.hyphenation import hyphen_action
from exokg.text.normalise import Normalised, normalise
from exokg.text.segment import segment

__all__ = ["Normalised", "expand_refs", "find_citations", "hyphen_action", "normalise", "segment"]
