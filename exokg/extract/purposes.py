"""Purposes: what is wanted, not what was found.

"Rapid diagnosis and intervention are necessary to minimize neurological damage", "timely
reperfusion is required to limit infarct growth", "early rehabilitation is essential to
restore motor function": the infinitive after a word of necessity says what a step is for.
Its object is no outcome the subject changes (and the verb's sign is not the subject's: the
damage is to be minimised), so these give no claim; "X is essential for recovery", with a
noun after "for", is the necessity reading of :mod:`exokg.extract.conditions` and
:mod:`exokg.extract.necessity`.

>>> purpose_at("necessary to minimize damage", 10)
True
>>> purpose_at("beneficial to neurons", 11)
False
"""

from __future__ import annotations

import re

__all__ = ["purpose_at"]

# "to" with a verb of the field in its base form (an adverb may come first: "to further
# improve"); the nouns that follow "to" ("beneficial to neurons", "detrimental to recovery")
# are no verbs here
_TO_VERB = re.compile(
    r"to\s+(?:(?:further|better|\w+ly)\s+)?(?:minimi[sz]e|maximi[sz]e|optimi[sz]e|improve|"
    r"preserve|limit|reduce|prevent|promote|enhance|achieve|ensure|restore|maintain|protect|"
    r"increase|decrease|attenuate|alleviate|mitigate|avoid|lower|slow|halt|stop|control|"
    r"facilitate|support|save|salvage|rescue|treat|boost|accelerate|diminish|lessen|suppress|"
    r"inhibit|block|counteract|repair|regenerate|recover|reverse|ameliorate|confer|provide|"
    r"obtain|reach|translate|establish|identify|determine|confirm|evaluate|assess|understand|"
    r"elucidate|clarify|explore|investigate|develop|predict|detect|diagnose)\b", re.I)


def purpose_at(text: str, pos: int) -> bool:
    """True when ``text`` has "to" and a verb in its base form at ``pos`` (after spaces): a
    purpose, "(necessary) to minimize Y"."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return bool(_TO_VERB.match(text, pos))
