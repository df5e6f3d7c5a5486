"""Limitations of an agent: what holds its benefit back, not what it changes.

"However, their therapeutic efficacy is hindered by their rapid clearance and limited
duration of action", "the clinical use of MSC exosomes is hampered by low yield and poor
retention", "the efficacy of exosomes is restricted by their short half-life": the agent's
efficacy (use, application, benefit) is held back by its own properties. The verb is no
effect of the agent on an outcome, and neither is an adjective of the list after "by"
("limited duration of action", "limited targeting ability"), so the effect rules take no
trigger from the cue to the end of its clause (:func:`in_limitation`).

>>> text = "However, their efficacy is hindered by rapid clearance and limited retention."
>>> in_limitation(text, 0, text.index("limited"))
True
>>> in_limitation("Exosomes limited infarct growth.", 0, 9)
False
"""

from __future__ import annotations

import re

from exokg.text.prefilter import Needs

__all__ = ["MAY_LIMITATION", "in_limitation"]

# what of the agent is held back, (of X,) a form of "be" and a verb of holding back with "by"
_LIMITATION = re.compile(
    r"\b(?:efficacy|effectiveness|efficiency|use|usage|application|applicability|"
    r"translation|potential|benefits?|utility|value|success|delivery)\s+"
    r"(?:of\s+[^,;]{1,80}?\s+)?(?:is|are|was|were|remains?|has\s+been|have\s+been|may\s+be|"
    r"can\s+be)\s+(?:\w+ly\s+)?(?:hindered|limited|hampered|restricted|impeded|compromised|"
    r"constrained|challenged|undermined|reduced|diminished|curtailed)\s+by\b", re.I)
#: the keyword guard of :func:`in_limitation`
MAY_LIMITATION = Needs(_LIMITATION)


def in_limitation(text: str, start: int, pos: int) -> bool:
    """True when a limitation cue ("their efficacy is hindered by") begins in
    ``text[start:pos + 1]``, i.e. at or before the word at ``pos`` in the clause that opens at
    ``start``."""
    return any(m.start() <= pos for m in _LIMITATION.finditer(text, start))
