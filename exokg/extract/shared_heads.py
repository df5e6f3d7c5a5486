"""Objects cut by coordination: two modifiers that share one head noun, one modifier that two
head nouns share.

"promoted vascular and neuron regeneration" names two outcomes, vascular regeneration and
neuron regeneration; the ontology matches only the head ("regeneration", GO:0031099) and the
effect rule would read one general outcome. When a general one-word ontology match is
preceded by "W1 and W2" (W1 an adjective or a word that names a tissue, cell or function,
W2 right before the head), each modifier makes an open outcome of its own with the head:
"vascular regeneration", "neuron regeneration". Curated vocabulary terms ("neuronal and
glial apoptosis": apoptosis) and multi-word matches are left as they are, since the
vocabulary already says what they stand for.

The other way round, "promoted vascular regeneration and stabilization": an adjective right
before such a general match belongs to it ("vascular regeneration", an open outcome), and a
bare one-word head after "and" that no vocabulary names shares it ("vascular
stabilization").
"""

from __future__ import annotations

import re

from exokg.extract.base import Analysed
from exokg.extract.outcomes import outcome_for_text
from exokg.model import Mention

__all__ = ["modifiers_sharing_head", "shared_heads"]

# "vascular and neuron ", "anatomical, and functional ": two modifiers before a shared head
_PAIR = re.compile(r"(?<![\w-])(?P<w1>[A-Za-z][\w-]*)\s*,?\s+(?:and|or)\s+"
                   r"(?P<w2>[A-Za-z][\w-]*)\s+$")
# the first modifier must be one: an adjective, or a noun the field uses as a modifier
_MODIFIER = re.compile(r"(?:[\w-]*(?:al|ic|ar|ous|ive|ory|ary|ile)|motor|sensory|sensorimotor|"
                       r"neuron|axon|nerve|vessel|myelin|white|grey|gray|tissue|cell|"
                       r"synapse|dendrite|brain|spinal)$", re.I)
# words that are never modifiers of a head: verbs, determiners, quantities
_NOT_MODIFIER = re.compile(r"(?:\w+(?:ed|ing|ly)|the|a|an|its|their|both|each|total|all|"
                           r"several|many|other|more|less)$", re.I)


def shared_heads(a: Analysed, lo: int, objects: list[Mention]) -> list[Mention]:
    """``objects`` (an effect's objects in ``a.text`` after offset ``lo``) with each general
    one-word ontology match that two coordinated modifiers share replaced by one open
    outcome per modifier (see the module docs)."""
    out: list[Mention] = []
    for m in objects:
        pair = None
        if m.source == "ontology" and " " not in m.text.strip() and "-" not in m.text:
            pair = _PAIR.search(a.text, max(lo, m.start - 60), m.start)
        if pair is None or not _MODIFIER.match(pair.group("w1")) or any(
                _NOT_MODIFIER.match(pair.group(w)) for w in ("w1", "w2")) or any(
                o is not m and o.start < m.start and o.end > pair.start() for o in objects):
            out.append(m)
            continue
        for w in ("w1", "w2"):
            text = f"{pair.group(w)} {m.text}"
            out.append(Mention(outcome_for_text(text), pair.start(w), m.end,
                               a.text[pair.start(w):m.end], "open-outcome"))
    return _shared_modifier(a, lo, out)


# one adjective right before a general head: "vascular regeneration"
_ADJECTIVE = re.compile(r"(?<![\w-])(?P<w>[A-Za-z][\w-]*(?:al|ic|ar|ous|ive|ory|ary))\s+$", re.I)
_AND_HEAD = re.compile(r"\s+and\s+$", re.I)
_NOT_ADJECTIVE = re.compile(r"(?:significant|several|total|normal|original|potential|"
                            r"substantial|general|overall|additional|natural|essential|"
                            r"particular|special|usual|actual|crucial|critical|typical|"
                            r"various|previous|obvious|serious|positive|negative|effective|"
                            r"relative|respective|extensive|progressive|primary|secondary|"
                            r"necessary|ordinary|temporary|similar|regular|particular|"
                            r"functional|therapeutic|dramatic|specific)$", re.I)


def _shared_modifier(a: Analysed, lo: int, objects: list[Mention]) -> list[Mention]:
    """``objects`` with a general one-word ontology match that an adjective qualifies made an
    open outcome with the adjective, and a bare head coordinated after it given the same
    adjective (module docs)."""
    out: list[Mention] = []
    carried: tuple[int, str] | None = None  # where the qualified head ends, its adjective
    for m in sorted(objects, key=lambda x: x.start):
        one_word = " " not in m.text.strip() and "-" not in m.text
        if carried and m.source == "open-outcome" and one_word and \
                _AND_HEAD.fullmatch(a.text, carried[0], m.start):
            text = f"{carried[1]} {m.text}"
            out.append(Mention(outcome_for_text(text), m.start, m.end, m.text, "open-outcome"))
            carried = None
            continue
        carried = None
        adj = _ADJECTIVE.search(a.text, max(lo, m.start - 30), m.start) \
            if m.source == "ontology" and one_word else None
        if adj is None or _NOT_ADJECTIVE.match(adj.group("w")):
            out.append(m)
            continue
        text = f"{adj.group('w')} {m.text}"
        out.append(Mention(outcome_for_text(text), adj.start("w"), m.end,
                           a.text[adj.start("w"):m.end], "open-outcome"))
        carried = (m.end, adj.group("w"))
    return out


def modifiers_sharing_head(run: list[Mention]) -> list[Mention]:
    """A coordinated ``run`` whose members before the last are bare modifiers of the last
    member's head noun ("motor, sensory and autonomic dysfunctions") with each such modifier
    made an open outcome with that head ("motor dysfunctions"); other runs as they are."""
    if len(run) < 2 or " " not in run[-1].text.strip():
        return run
    head = run[-1].text.split()[-1]
    out: list[Mention] = []
    for m in run[:-1]:
        word = m.text.split()[-1]  # "severe motor and sensory dysfunction": "severe motor"
        if m.source == "open-outcome" and _MODIFIER.match(word) and not _NOT_MODIFIER.match(word):
            text = f"{m.text.strip()} {head}"
            out.append(Mention(outcome_for_text(text), m.start, m.end, m.text, "open-outcome"))
        else:
            out.append(m)
    return out + run[-1:]
