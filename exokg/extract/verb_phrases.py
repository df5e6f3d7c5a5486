"""Coordinated and participial verb phrases: which mention can be the agent of a later verb.

In "X protected RGCs and preserved Y", "X increased miR-21 expression and reduced Y", "X
polarized microglia, reducing Y" or "X provided neuroprotection for RGCs while reducing Y" the
later verb phrase shares the clause's subject X; the cells, genes or molecules named in the
object of the verb before it are never its agent. :func:`is_linked_object` tells the agent
finders (``exokg.extract.effects``) that a mention is such an object.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exokg.model import Mention

# the words that join a verb phrase to the one before: "and", ", and", "while", "whilst",
# "thereby", "thus", "as well as", a bare comma before a participle; then adverbs and modals
# ("and significantly reduced", "and can preserve", "while also reducing")
_LINK = (r"(?:,\s*(?:and\s+|while\s+|whilst\s+|thereby\s+|thus\s+|as\s+well\s+as\s+)?"
         r"|\s+(?:and|while|whilst|thereby|thus|as\s+well\s+as)\s+)"
         r"(?:(?:also|further|then|thereby|thus|subsequently|not\s+only|\w+ly|can|could|may|"
         r"might|would|will|did|to)\s+)*$")
_ENDS_LINKED = re.compile(_LINK, re.I)
_BARE_LINK = re.compile(r"^\s*(?:\([^()]{1,40}\)\s*)?" + _LINK, re.I)
# after the object's head noun, a short tail of the object ("RGC numbers and ...", "miR-21
# expression and ...", "RGCs in the retina while ..."), never a verb of the mention's own
# ("miR-21 was upregulated and reduced Y": miR-21 is the subject)
_TAILED_LINK = re.compile(r"^(?!.*\b(?:was|were|is|are|be|been|being|has|have|had|which|that|"
                          r"who)\b)(?:\s*[\w+/-]+|\s*\([^()]{1,40}\)){0,4}?" + _LINK, re.I)
# a comma alone joins a participle ("X polarized microglia, reducing Y"), never a finite verb
_PARTICIPLE = re.compile(r"\w+ing\b", re.I)
# "X and Y", "X, Y", "X as well as Y": mentions coordinated as one subject
_COORDINATED = re.compile(r"\s*(?:,|and|or|as\s+well\s+as|\s)*\s*", re.I)
_COMMA_ONLY = re.compile(r",\s*(?:(?:\w+ly|also|further)\s+)*$")


def is_linked_object(text: str, m: Mention, at: int, *, after_verb: bool,
                     earlier: Sequence[Mention] = ()) -> bool:
    """True when mention ``m`` is joined to the verb starting at ``at`` by a verb-phrase link
    (:data:`_LINK`), so that it ends the object of the verb before rather than opening the
    later verb's clause. ``after_verb``: ``m`` follows a verb of the same clause (it is in that
    verb's object), which allows a short tail of the object between ``m`` and the link
    ("preserving RGC numbers and protecting ..."); so does an agent among ``earlier`` (agents of
    ``m``'s clause; those before ``m`` count) that is not coordinated with ``m``: "X transferred
    miR-21 to neurons and reduced Y" (when "transferred" is no effect verb). Otherwise only the
    link itself may stand between ``m`` and the verb ("can neuroprotect RGCs and preserve
    ..."): "miR-21 directly targets PTEN and reduced Y" keeps miR-21 as the subject. A link by
    a comma alone needs a participle at ``at`` (", reducing Y").

    >>> from exokg.model import Entity, Mention
    >>> rgc = Mention(Entity("CL:0000740", "retinal ganglion cell", "Cell"), 0, 4, "RGCs")
    >>> is_linked_object("RGCs and preserved vision", rgc, 9, after_verb=False)
    True
    >>> is_linked_object("RGCs preserved vision", rgc, 5, after_verb=False)
    False
    """
    gap = text[m.end:at]
    if not _ENDS_LINKED.search(gap):
        return False
    after_verb = after_verb or any(e.end <= m.start and not _COORDINATED.fullmatch(
        text, e.end, m.start) for e in earlier)
    found = (_TAILED_LINK if after_verb else _BARE_LINK).match(gap)
    if not found:
        return False
    if _COMMA_ONLY.search(gap) and not _PARTICIPLE.match(text, at):
        return False  # "MSCs, X and Y, reduced ...": a comma before a finite verb is no link
    return True
