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

A measure noun after the second of two named pathologies is the measure of both: "decreased
brain infarct and edema volume" names infarct volume and edema volume, not the pathologies;
after one named pathology it is that pathology's measure ("reduced cerebral infarct volume":
infarct volume, not the cerebral infarct the vocabulary names). A modifier coordinated before
a named two-word process shares its head: "neuronal and axonal regeneration" names neuronal
regeneration beside axonal regeneration.
A process name before a noun for molecules names the molecules: "cell adhesion molecules"
are no cell adhesion.
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
    return _named_molecules(a, _measure_of_one(a, _shared_measure(
        a, _shared_modifier(a, lo, _first_modifier(a, lo, out)))))


# the head nouns of processes that a modifier before "and" shares with a named two-word
# process ("neuronal and axonal regeneration"; not "inflammatory and oxidative stress")
_PROCESS_HEAD = re.compile(r"\s(?:regeneration|growth|outgrowth|repair|remodell?ing|sprouting|"
                           r"plasticity|proliferation|differentiation|survival|degeneration|"
                           r"damage|injury|loss|death|apoptosis)$", re.I)


_AND_BEFORE = re.compile(r"(?<![\w-])(?P<w1>[A-Za-z][\w-]*)\s+(?:and|or)\s+$", re.I)


def _first_modifier(a: Analysed, lo: int, objects: list[Mention]) -> list[Mention]:
    """``objects`` with, before a named two-word process whose first word is a modifier
    ("axonal regeneration"), the modifier coordinated before it ("neuronal and axonal
    regeneration") made an open outcome with the same head ("neuronal regeneration")."""
    out: list[Mention] = []
    for m in objects:
        words = m.text.split()
        pair = _AND_BEFORE.search(a.text, max(lo, m.start - 40), m.start) \
            if len(words) == 2 and _PROCESS_HEAD.search(m.text) else None
        if pair is not None and _MODIFIER.match(pair.group("w1")) and \
                _MODIFIER.match(words[0]) and not any(
                _NOT_MODIFIER.match(w) for w in (pair.group("w1"), words[0])) and not any(
                o is not m and o.end > pair.start() and o.start < m.start for o in objects):
            text = f"{pair.group('w1')} {words[1]}"
            out.append(Mention(outcome_for_text(text), pair.start("w1"), pair.end("w1"),
                               pair.group("w1"), "open-outcome"))
        out.append(m)
    return out


# "up-regulated expression of cell adhesion molecules (CAMs)": a process name before a noun
# for molecules names a class of molecules, not the process
_MOLECULES_AFTER = re.compile(r"\s+(?P<noun>molecules|proteins|genes|mediators|receptors)\b",
                              re.I)
_PROCESS_CLASSES = frozenset({"BiologicalProcess"})


def _named_molecules(a: Analysed, objects: list[Mention]) -> list[Mention]:
    """``objects`` with a process match followed by a noun for molecules ("cell adhesion
    molecules", "apoptosis proteins") made an open outcome of the whole phrase."""
    out = []
    for m in objects:
        after = _MOLECULES_AFTER.match(a.text, m.end)
        if after is None or m.category not in _PROCESS_CLASSES:
            out.append(m)
            continue
        text = a.text[m.start:after.end()]
        out.append(Mention(outcome_for_text(text), m.start, after.end(), text, "open-outcome"))
    return out


# "decreased brain infarct and edema volume": a measure noun after the last of two named
# pathologies is the measure of both
_MEASURE_AFTER = re.compile(r"\s+(?P<measure>volumes?|sizes?|areas?)\b", re.I)
_MEASURE_END = re.compile(r"\s(?P<measure>volumes?|sizes?|areas?)$", re.I)
# the second name holds the measure in the plural, of both ("edema and hemorrhage volumes");
# a singular is its own ("inflammation and infarct volume": no "inflammation volume")
_MEASURES_END = re.compile(r"\s(?P<measure>volumes|sizes|areas)$", re.I)
_PAIR_GAP = re.compile(r"\s+(?:and|or)\s+", re.I)  # two names, not a longer list
_ORGAN = re.compile(r"^(?:brain|cerebral)\s+", re.I)  # the organ every measure here is of
_MEASURED_CLASSES = frozenset({"Disease", "Phenotype", "Outcome"})
_PATHOLOGY = frozenset({"Disease", "Phenotype"})  # the first name: a pathology measured
# ... one that takes up room, so that it has a volume, size or area ("inflammation and edema
# volume" names inflammation and edema volume)
_HAS_ROOM = re.compile(r"\b(?:infarct\w*|o?edema\w*|lesions?|ha?emorrhag\w*|ha?ematomas?|"
                       r"tumou?rs?|cysts?|cavit(?:y|ies)|necrosis|contusions?|swelling|"
                       r"scars?|atrophy|bleed\w*)$", re.I)


def _shared_measure(a: Analysed, objects: list[Mention]) -> list[Mention]:
    """``objects`` with two coordinated pathologies that share a measure noun ("brain infarct
    and edema volume") made open outcomes of that measure each ("infarct volume", "edema
    volume"; "brain" / "cerebral" left out, as every such measure is of the brain)."""
    ordered = sorted(objects, key=lambda x: x.start)
    out = list(ordered)
    for i in range(len(ordered) - 1):
        first, second = ordered[i], ordered[i + 1]
        measure = _MEASURE_AFTER.match(a.text, second.end)
        # "lesion and hemorrhage volumes": the second name holds the measure already, in
        # the plural
        within = _MEASURES_END.search(second.text)
        if (measure is None and within is None) or first.category not in _PATHOLOGY \
                or second.category not in _MEASURED_CLASSES or \
                not _PAIR_GAP.fullmatch(a.text, first.end, second.start) or \
                _MEASURE_AFTER.match(a.text, first.end) or _MEASURE_END.search(first.text):
            continue
        word = (measure or within).group("measure").lower().rstrip("s")
        for j, m in ((i, first), (i + 1, second)):
            if (m is second and measure is None) or \
                    (m is first and not _HAS_ROOM.search(first.text)):
                continue  # the measure is the second's own ("inflammation and edema volume")
            end = measure.end() if m is second else m.end
            text = _ORGAN.sub("", m.text)
            out[j] = Mention(outcome_for_text(f"{text} {word}"), m.start, end,
                             a.text[m.start:end], "open-outcome")
    return out


_ORGAN_OF_INFARCT = re.compile(r"^(?:brain|cerebral)\s+(?=infarct)", re.I)


def _measure_of_one(a: Analysed, objects: list[Mention]) -> list[Mention]:
    """``objects`` with a named pathology that takes up room followed by a measure noun
    ("reduced cerebral infarct volume", "a smaller brain edema area": the vocabulary names
    "cerebral infarct", which cuts the object before its head) made an open outcome of the
    measure ("infarct volume": "brain" / "cerebral" left out before an infarct, which is
    always the brain's, as the vocabulary's "infarct volume" is; "brain atrophy volume" as
    written)."""
    out: list[Mention] = []
    for m in objects:
        measure = _MEASURE_AFTER.match(a.text, m.end) \
            if m.category in _PATHOLOGY and _HAS_ROOM.search(m.text) else None
        if measure is None:
            out.append(m)
            continue
        word = measure.group("measure").lower().rstrip("s")
        text = f"{_ORGAN_OF_INFARCT.sub('', m.text)} {word}"
        out.append(Mention(outcome_for_text(text), m.start, measure.end(),
                           a.text[m.start:measure.end()], "open-outcome"))
    return out


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
