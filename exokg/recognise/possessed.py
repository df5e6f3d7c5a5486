"""A bare process word owned by a pronoun: "promote their degradation", "inhibit its
formation", "their secretion".

An ontology names many processes by one general word only through a synonym
("degradation" for GO "catabolic process", "formation" for "biosynthetic process"). Written
after "their" or "its", the word is the process of something named before (the glial scars'
degradation, the vesicles' secretion), not the general class: grounded alone it would claim
that catabolism or biosynthesis is associated with a disease. Such a mention is no entity
of the sentence; a word that is the ontology's label ("their apoptosis") and phrases of
more than one word ("its glial scar formation") are kept.
"""

from __future__ import annotations

import re

from exokg.model import Mention

__all__ = ["possessed_synonym"]

_POSSESSIVE = re.compile(r"\b(?:their|its)\s+$", re.I)


def possessed_synonym(text: str, m: Mention) -> bool:
    """Whether ``m`` is an ontology mention of one word, matched through a synonym and not
    its label, right after "their" / "its" in ``text`` (module docs)."""
    if m.source != "ontology" or m.category != "BiologicalProcess":
        return False
    word = m.text.strip()
    if not word.isalpha() or word.casefold().rstrip("s") == m.entity.label.casefold().rstrip("s"):
        return False
    return bool(_POSSESSIVE.search(text, max(0, m.start - 8), m.start))
