"""Body fluids given to cells as an agent: "blood cerebrospinal fluid (BCSF)", "bloody CSF",
"haemorrhagic CSF", and, where a sentence gives them to cells, "serum from stroke patients",
"plasma of SAH patients", "CSF from ICH rats".

A fluid is usually where something is measured ("miR-21 in serum from stroke patients":
a location, :mod:`exokg.extract.context`). In vitro models of haemorrhage and of patients'
circulation instead expose cells to the fluid ("BMECs were treated with bloody CSF",
"HUVECs incubated with serum from SAH patients"), and the fluid is then the agent of what
follows ("BCSF reduced cell vitality"). Such a phrase becomes a ``Therapy`` in the
graph model's broad sense of an intervention a study gives
(:func:`exokg.recognise.products.product_entity`, source ``"product"``), labelled by the
phrase in lower case without its determiner, with ``RO:0001000`` (derives from) to the
fluid's own anatomy entity when one was recognised (UBERON cerebrospinal fluid, serum); the
written phrase is a synonym and covers the fluid's mention.

Read as an exposure: cerebrospinal fluid qualified as bloody or haemorrhagic (it is made
only to be given: "blood CSF" is CSF with blood in it), anywhere; and a fluid of a group
("serum / plasma / CSF from|of <disease> patients|rats|mice") only where a word of
exposure introduces it ("treated / incubated / stimulated / co-cultured with", "exposed
to", "exposure to", "treatment with") or is glued after it ("-treated"; "patients treated
with Y" says what the patients were given).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exokg.model import Mention
from exokg.recognise.products import product_entity
from exokg.text.prefilter import Needs

__all__ = ["find_exposures"]

_FLUID = r"(?:cerebrospinal\s+fluid|CSF|serum|sera|plasma)"
#: CSF with blood in it: "blood cerebrospinal fluid", "bloody CSF", "hemorrhagic CSF"
_BLOODY = re.compile(r"\b(?:bloody|blood(?:-stained)?|ha?emorrhagic|xanthochromic)\s+"
                     r"(?:cerebrospinal\s+fluid|CSF)\b", re.I)
#: a fluid of a group: "serum from stroke patients", "plasma of SAH rats"
_OF_GROUP = re.compile(r"\b" + _FLUID + r"\s+(?:samples\s+)?(?:from|of)\s+(?:the\s+)?"
                       r"(?:[\w-]+\s+){0,3}?(?:patients|rats|mice|donors|subjects|"
                       r"animals)\b", re.I)
#: a word of exposure before the fluid
_EXPOSED = re.compile(r"\b(?:(?:treated|incubated|co-?incubated|stimulated|co-?cultured|"
                      r"cultured|challenged|exposed|primed|pretreated)\s+(?:\w+\s+)?"
                      r"(?:with|to|in)|exposure\s+to|treatment\s+with|incubation\s+with|"
                      r"stimulation\s+with)\s+(?:the\s+|\d+\s*%\s+)?$", re.I)
#: a word of exposure glued after it ("serum from SAH patients-treated neurons"); a free
#: one is said of the group ("plasma from stroke patients treated with tPA": the patients
#: were treated, the plasma is where something is measured)
_EXPOSED_AFTER = re.compile(r"\s*-\s*(?:treated|exposed|stimulated)\b", re.I)
_NEEDS = Needs(re.compile(r"csf|cerebrospinal|serum|sera|plasma", re.I))


def find_exposures(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Exposure mentions of one sentence (module docs): ``Therapy`` mentions (source
    ``"product"``) over each fluid phrase read as an agent."""
    if not _NEEDS.may_match(text):
        return []
    out: list[Mention] = []
    found = list(_BLOODY.finditer(text)) + [
        m for m in _OF_GROUP.finditer(text)
        if _EXPOSED.search(text, max(0, m.start() - 50), m.start())
        or _EXPOSED_AFTER.match(text, m.end())]
    for f in sorted(found, key=lambda f: f.start()):
        start, end = f.start(), f.end()
        if any(o.start < end and start < o.end for o in out) or any(
                m.start < end and start < m.end and not (start <= m.start and m.end <= end)
                for m in mentions):
            continue  # overlaps one already read, or cuts a name
        fluid = next((m.entity for m in mentions if start <= m.start and m.end <= end
                      and m.category == "AnatomicalEntity"
                      and re.fullmatch(_FLUID, m.text, re.I)), None)
        written = text[start:end]
        label = " ".join(w if sum(c.isupper() for c in w) > 1 else w.lower()
                         for w in written.split())  # "bloody CSF"
        out.append(Mention(product_entity(label, (), written, source=fluid), start, end,
                           written, "product"))
    return out
