"""Open-class outcomes: the noun phrase an effect verb acts on when no vocabulary knows it.

"hUC-MSC-Exos reduced neuronal apoptosis and glial scar formation after SCI" has two objects
that need no list made in advance: the noun phrases after the trigger, cut at the first
preposition other than "of", verb, bracket or clause punctuation, and split at "and", "or"
and commas. Each becomes an ``Outcome`` entity ``exokg:outcome/<slug>`` whose label is the
phrase normalised: determiners, adverbs and quantifiers dropped, "X-induced"/"X-related"
modifiers dropped (X is the condition, not the outcome) and so are "post-stroke" /
"post-injury" (the setting), "the level / number / expression
of X" read as X (the aspect is the effect rule's), "the density / length / volume of X" as
"X density", lower case except abbreviations ("BBB leakage"), and the head noun (the last word before "of", else the last word) in the
singular. The slug is readable (words joined by "-") whenever the label holds only letters,
digits, spaces and hyphens; otherwise :func:`exokg.ids.mint` adds a hash (see
docs/graph-model.md, "Open outcomes").

A phrase is not an outcome when its head is a word for a disease or injury (those are
conditions: :data:`CONDITION_HEADS`), a pronoun, a vague or study word ("effect", "role",
"study", "group") or an agent ("cells", "exosomes"), when it is a lone measure word
("length", "volume", "score": of what?), when all its words are vague ("specific signaling
cascades", "downstream pathways"), or when it has more than six words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exokg.ids import MAX_SLUG_LENGTH, mint, slugify
from exokg.model import Analysed, Entity, Mention

__all__ = ["CELL_PROCESS_HEADS", "CONDITION_HEADS", "MOLECULE_EVENT_HEADS", "OpenPhrase", "head_of", "is_condition_phrase", "is_weak",
           "open_outcomes",
           "outcome_entity", "outcome_for_text", "outcome_id", "outcome_label"]

#: Head nouns that name a disease, injury or insult: the condition of a claim, never its
#: outcome ("recovery after spinal cord injury": injury is the condition).
CONDITION_HEADS = frozenset({
    "injury", "injuries", "disease", "diseases", "disorder", "disorders", "stroke", "strokes",
    "ischemia", "ischaemia", "infarction", "syndrome", "insult", "insults", "trauma",
    "occlusion", "hemorrhage", "haemorrhage", "reperfusion", "i/r", "tbi", "sci", "mcao",
    "mcao/r",
})
_STOP = frozenset("""
in after following by via through at on from with without compared than to into during when
while within among across under over as for versus vs upon before since until whereas which
that who whose where but was were is are be been being has have had do does did can could may
might will would should shall must not also thereby thus then respectively both either
along toward towards relative prior including against per like regarding despite unlike
evidenced induced caused mediated assessed measured determined indicated shown demonstrated
observed suggested accompanied reflected characterized characterised associated
seen detected noted found
shift shifted shifting switch switched treating using act acts acted so etc
""".split())
#: what opens a pair of conjuncts ("both A and B", "either A or B"): skipped before the first
_PAIR_OPENERS = frozenset({"both", "either"})
#: adjectives paired before one head ("both peripheral and central signaling"): no conjunct
#: is an outcome of its own, the pair is left unread as before
_ADJECTIVE_PAIR = re.compile(r"\s+(?P<word>[a-z-]+(?:al|ic|ive|ous|ary|ar|ed))\s+(?:and|or)\b",
                             re.I)
#: nouns of the field with an adjective's ending ("both survival and proliferation")
_PAIRED_NOUNS = frozenset({"survival", "renewal", "removal", "withdrawal", "recall",
                           "arrival", "potential", "trial"})
# words for the animals or people studied: past the first word of a phrase they begin a new
# phrase whose preposition was dropped ("the injury outcomes pups showed" -> "injury outcomes")
_STUDIED = frozenset("""rats mice pups pigs piglets monkeys animals patients subjects
participants dogs rabbits""".split())
# a one-word label of this form is an adjective or a participle, never an outcome by itself
# ("improved cellular, tissue and functional outcomes": "cellular" alone names nothing)
_ADJECTIVE = re.compile(r"^(?:\w+(?:onal|ular|ical|atory)|\w+ial|\w{3,}ed|\w{4,}(?:otic|ative))$",
                       re.I)
_NOUNS_LIKE_ADJECTIVES = frozenset({"trial", "potential", "material", "need", "speed",
                                   "seed", "feed", "bleed"})
# a lone word naming a kind of agent or molecule is no outcome ("miRNAs", "genes")
_BARE_KINDS = frozenset({"mirna", "microrna", "gene", "protein", "rna", "mrna", "marker",
                         "targeting", "binding"})
# words that open no name ("cerebral ischemia, even infarction": the infarction)
_SKIP = frozenset("""the a an its their this these those his her our such any some all each
several many more less much most least further specific various different certain multiple
numerous other neither even""".split())
# words that grade an outcome, not name it ("facilitated notable post-stroke neurorepair":
# the neurorepair), dropped where a phrase opens
_GRADING = frozenset("""notable remarkable marked substantial considerable robust dramatic
pronounced profound striking obvious evident appreciable noticeable""".split())
# "functional rehabilitation of brain lesions": what is recovered from is the condition, the
# outcome the (qualified) recovery itself
_RECOVERY_HEADS = frozenset("""rehabilitation recovery repair regeneration restoration
remodeling remodelling""".split())
_CONDITION_OF = CONDITION_HEADS | {"lesion", "lesions", "damage"}
_CAPACITY_HEADS = frozenset({"ability", "capacity", "capability"})
# a phrase of only these words names nothing in particular ("specific signaling cascades")
_VAGUE = frozenset("""signaling signalling signal signals cascade cascades pathway pathways
molecule molecules downstream relevant related key important novel new""".split())
_NOT_HEAD = frozenset("""it them this that these those which what effect effects role roles
mechanism mechanisms way ways study studies result results ability potential treatment
treatments therapy therapies group groups rat rats mouse mice animal animals patient patients
cell cells exosome exosomes vesicle vesicles ev evs model models level levels expression
number amount degree extent rate rates one ones change changes use value values other others
part parts time times day days week weeks factor factors event events process processes
aspect aspects feature features property properties action actions intervention
interventions finding findings observation observations addition contrast particular
summary conclusion vitro vivo situ silico""".split())
# "In addition, ...", "In contrast, ...", "In vitro, ...": an opening phrase, no object
# what cells make or take up: "NO production of EPCs" changes the production, in the cells
_MADE_BY_CELLS = frozenset("production secretion release synthesis generation uptake".split())
# a molecule of a class no vocabulary lists in full, with a word of amount after it ("kainate
# receptor expression", "glutamate transporter levels"): the molecule is the object
_MOLECULE_AMOUNT = re.compile(r"(?P<molecule>(?:[\w-]+\s+){1,3}(?:receptor|transporter|channel|"
                              r"kinase|synthase|oxidase|phosphatase|exchanger|subunit)s?)\s+"
                              r"(?:expression|levels?|protein\s+levels?)", re.I)
# words that say what is measured, not of what: an outcome only with a modifier
# ("infarct volume", "neurite length"), never alone ("... number and length")
_MEASURE = frozenset("""length lengths size sizes volume volumes area areas density densities
weight weights diameter thickness count counts score scores outcome outcomes function
functions activity activities response responses index ratio tissue tissues""".split())
# "the levels of X", "the number of X": X is the outcome, the first noun its aspect
_ASPECT_HEADS = frozenset({"level", "levels", "expression", "number", "amount", "amounts",
                           "concentration", "concentrations", "degree", "extent", "rate"})
# "the density / length / size of X" is the X's density: "X density"
_MEASURE_OF = frozenset({"density", "length", "size", "volume", "area", "diameter", "thickness",
                         "width", "weight", "densities", "lengths", "sizes", "volumes",
                         "areas"})
_SEPARATORS = frozenset({"and", "or", "nor", "and/or", "as well as"})
_WORD = re.compile(r"\s*([A-Za-z0-9α-ωΑ-Ω][\w'α-ωΑ-Ω+-]*(?:/[\w'α-ωΑ-Ω+-]+)*"
                   r"|[,;:()\[\].])")
_MODIFIER = re.compile(r"^[\w/-]+-(?:induced|related|associated|mediated|evoked|triggered|"
                       r"dependent)$"
                       # "post-stroke recovery": the time after the condition, a setting
                       r"|^post-?(?:stroke|injury|ischemic|ischaemic|infarct|hemorrhagic|"
                       r"haemorrhagic|ischemia|ischaemia|hemorrhage|"
                       # "neuronal injury post-ICH", "post-TBI": the condition's short form
                       r"haemorrhage|ICH|TBI|SCI|SAH|MCAO|HI|HIE|IS|AIS)$", re.I)
_GLUED_MODIFIER = re.compile(r"-(?:induced|related|associated|mediated|evoked|triggered|"
                             r"dependent)\b", re.I)
_MODIFIER_CLASSES = frozenset({"Disease", "DiseaseModel", "Species", "AnatomicalEntity"})
_MOLECULES = frozenset({"Gene", "Protein"})
#: Head nouns naming what cells do or undergo, or a property of theirs: "OPC proliferation",
#: "neuronal survival", "BEC permeability" (the cells are the process's modifier, not an
#: agent)
CELL_PROCESS_HEADS = frozenset("""proliferation survival differentiation maturation migration
viability apoptosis death polarization polarisation activation infiltration myelination
regeneration outgrowth pyroptosis necroptosis ferroptosis autophagy permeability""".split())
#: Head nouns naming what happens to a molecule: "albumin extravasation", "IgG leakage",
#: "TrkA ubiquitination" are outcomes of their own, not the molecule.
MOLECULE_EVENT_HEADS = frozenset("""extravasation leakage ubiquitination deposition
infiltration aggregation accumulation degradation translocation""".split())
_ADVERB = re.compile(r"^\w+ly$", re.I)
# plural nouns for cells: a conjunct the process noun of the first conjunct is shared with
_CELLS = re.compile(r"(?:cytes|glia|cells|neurons|phages|blasts|phils|pericytes|photoreceptors)$")
# nouns that end like adverbs ("Wharton's jelly", "protein family", "axon assembly")
_LY_NOUNS = frozenset("""family assembly supply anomaly jelly ally reply rally monopoly
homily""".split())
_MAX_WORDS = 6
# ", acting / serving as a facilitator of Y": a participle naming a role opens a verb phrase,
# no member of the list before it (Y is what the role is of)
_ROLE_PARTICIPLE = re.compile(r"(?:acting|serving|functioning|working)\s+as\b", re.I)
# a harm named with what it befalls: "damage to the retina", "injury to the white matter" (the
# complement is part of the outcome, like "of"; the harm stays its head)
_HARM_TO = frozenset({"damage", "injury", "injuries", "harm", "insult", "insults", "toxicity"})
# a name split by its short form: "interleukin (IL)-10", "tumor necrosis factor (TNF)-α"
_NAME_GOES_ON = re.compile(r"\s*\([^()\s]{1,10}\)\s*-\s*\w")


@dataclass(frozen=True)
class OpenPhrase:
    """A noun phrase read from the text: ``text[start:end]`` and its normalised label."""

    start: int
    end: int
    label: str
    head: str


def head_of(label: str) -> str:
    """The head noun of an outcome label: the last word before "of", else the last word."""
    words = label.split(" of ")[0].split()
    return words[-1] if words else label


def outcome_label(words: list[str]) -> str:
    """The normalised label of a phrase's words (see the module docs)."""
    kept = [w for w in words if not _MODIFIER.match(w)]
    if not kept:
        return ""
    head_at = kept.index("of") - 1 if "of" in kept and kept.index("of") > 0 else len(kept) - 1
    out = []
    for i, w in enumerate(kept):
        word = w if any(c.isupper() for c in w[1:]) or any(c.isdigit() for c in w) \
            else w.lower()
        if i == head_at:
            word = _singular(word)
        out.append(word)
    return " ".join(out)


def _singular(word: str) -> str:
    lower = word.lower()
    if len(lower) <= 3 or not lower.endswith("s") or lower.endswith(("ss", "us", "is", "ys",
                                                                      "species", "series")):
        return word  # "reactive oxygen species" is one word's plural and singular
    if lower.endswith("ies") and len(lower) > 4:
        return word[:-3] + "y"
    if lower.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1]


def outcome_id(label: str) -> str:
    """``exokg:outcome/<slug>`` for a label: readable when the label is letters, digits,
    spaces and hyphens only, else with :func:`~exokg.ids.mint`'s hash.

    >>> outcome_id("neuronal apoptosis")
    'exokg:outcome/neuronal-apoptosis'
    >>> outcome_id("TNF-α release")
    'exokg:outcome/tnf-release-8689ae'
    """
    text = " ".join(label.split())
    slug = slugify(text, max_length=None)
    if slug and slug == "-".join(text.lower().split()) and len(slug) <= MAX_SLUG_LENGTH:
        return f"exokg:outcome/{slug}"
    return mint("outcome", text)


def outcome_entity(label: str) -> Entity:
    """The Outcome entity of an open outcome label."""
    return Entity(outcome_id(label), label, "Outcome")


def outcome_for_text(text: str) -> Entity:
    """The Outcome entity a phrase written by hand stands for, normalised as the extractor
    normalises what it reads (so a gold list may write ``{outcome: "neuronal apoptosis"}``
    or "the neuronal apoptoses" alike).

    >>> outcome_for_text("Neuronal apoptosis").id
    'exokg:outcome/neuronal-apoptosis'
    """
    words = [w for w in text.split() if w.lower() not in _SKIP]
    return outcome_entity(outcome_label(words))


# "neuronal injury", "endothelial injury": harm measured in cells, like "neuronal damage"
_CELL_LEVEL = frozenset({"neuronal", "neuron", "axonal", "endothelial", "glial", "cellular",
                         "synaptic", "dendritic"})


def is_condition_phrase(phrase: OpenPhrase) -> bool:
    """True when the phrase names a disease or injury (its head is a condition word); an
    injury of cells ("neuronal injury") is a measured harm, not a condition."""
    words = phrase.label.split(" of ")[0].split()
    if phrase.head.lower() in ("injury", "injuries") and len(words) >= 2 and \
            words[-2].lower() in _CELL_LEVEL:
        return False
    return phrase.head.lower() in CONDITION_HEADS


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    out = []
    pos = start
    while pos < end:
        m = _WORD.match(text, pos, end)
        if not m:
            break
        out.append((m.group(1), m.start(1), m.end(1)))
        pos = m.end()
    return out


def _phrases(text: str, start: int, end: int) -> list[OpenPhrase]:
    """The coordinated noun phrases that open ``text[start:end]``."""
    phrases: list[OpenPhrase] = []
    words: list[tuple[str, int, int]] = []
    seen_of = False
    shared: list[str] = []  # "activation of" of "the activation of M1 microglia and ..."

    def close() -> bool:
        nonlocal words, seen_of, shared
        body = words
        while body and body[-1][0].lower() in ("of", *_SKIP):
            body = body[:-1]
        lowered = [w.lower() for w, _, _ in body]
        measure: str | None = None
        if "of" in lowered and lowered.index("of") == 1 and lowered[0] in _ASPECT_HEADS:
            body = body[2:]
            while body and body[0][0].lower() in _SKIP:
                body = body[1:]
        elif "of" in lowered and lowered.index("of") == 1 and lowered[0] in _MEASURE_OF:
            # "the density of CD31-positive microvessels" -> "CD31-positive microvessel density"
            measure = _singular(lowered[0])
            body = body[2:]
            while body and body[0][0].lower() in _SKIP:
                body = body[1:]
        words, seen_of = [], False
        if not body or len(body) > _MAX_WORDS:
            return False
        lowered = [w.lower() for w, _, _ in body]
        if "of" in lowered and lowered.index("of") >= 2 and \
                lowered[lowered.index("of") - 1] in _RECOVERY_HEADS and \
                lowered[-1] in _CONDITION_OF:
            body = body[:lowered.index("of")]  # "functional rehabilitation (of brain lesions)"
            lowered = lowered[:lowered.index("of")]
        # "damage to the retina and photoreceptors": the harm to each, as with "of"
        link = "of" if "of" in lowered else "to" if "to" in lowered else None
        if link and lowered.index(link) > 0 and not phrases:
            shared = [w for w, _, _ in body[:lowered.index(link) + 1]]
        elif link is None and shared and _CELLS.search(lowered[-1]):
            # "the activation of M1 microglia and A1 astrocytes": the activation of each
            body = [(w, body[0][1], body[0][1]) for w in shared] + body
        label = outcome_label([w for w, _, _ in body])
        if measure and label:
            label = f"{label} {measure}"
        head_words = label.split(" of ")[0].split(" to ")[0].split()
        if not label or not head_words:
            return False
        phrases.append(OpenPhrase(body[0][1], body[-1][2], label, head_words[-1]))
        return True

    tokens = _tokens(text, start, end)
    i = 0
    while i < len(tokens):
        word, _, _ = tokens[i]
        lower = word.lower()
        if lower in _SEPARATORS or word == ",":
            # ", and" after a list member (the serial comma) ends no list: "A, B, and C"
            if not (not words and phrases and i > 0 and tokens[i - 1][0] == ",") and \
                    not close():
                break
            i += 1
            continue
        if not words and _ROLE_PARTICIPLE.match(text, tokens[i][1]):
            break
        if not words and not phrases and lower in _PAIR_OPENERS and not (
                (pair := _ADJECTIVE_PAIR.match(text, tokens[i][2])) and
                pair.group("word").lower() not in _PAIRED_NOUNS):
            i += 1  # "promoted both proliferation and differentiation": each conjunct
            continue
        if lower == "to" and words and not seen_of and words[-1][0].lower() in _HARM_TO:
            seen_of = True  # "damage to the retina"
            words.append(tokens[i])
            i += 1
            while i < len(tokens) and tokens[i][0].lower() in ("the", "a", "an"):
                i += 1
            continue
        if lower in _STOP or word in ";:()[]." or (words and lower in _STUDIED):
            break
        if not words and (lower in _SKIP or lower in _GRADING or _ADVERB.match(word)):
            i += 1
            continue
        if words and _ADVERB.match(word) and lower not in _LY_NOUNS:
            break  # "the activity of mTOR signaling mainly", "NF-κB significantly": no part
        if lower == "of":
            if seen_of or not words:
                break
            seen_of = True
        words.append(tokens[i])
        i += 1
    close()
    return phrases


_BE_TAIL = re.compile(r"\s*\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been|been|be)"
                      r"(?:\s+(?:\w+ly|also|further|still))*\s*$", re.I)


def _is_bare(label: str) -> bool:
    """True for a label that cannot name an outcome alone: under three characters ("p" of
    "P < 0.05"), one adjective or participle ("cellular", "sustained") or one word for a
    kind of molecule ("miRNA")."""
    if len(label) < 3:
        return True
    if " " in label:
        return False
    lower = label.lower()
    return lower in _BARE_KINDS or (bool(_ADJECTIVE.match(lower))
                                    and lower not in _NOUNS_LIKE_ADJECTIVES)


def is_weak(m: Mention) -> bool:
    """True for an ontology mention of one word matched through a synonym, not its label
    ("formation" for "biosynthetic process"): inside a longer noun phrase ("glial scar
    formation") the phrase is the outcome and such a match is no evidence against it."""
    if m.source != "ontology" or " " in m.text.strip() or "-" in m.text:
        return False
    word = m.text.casefold().rstrip("s")
    return word != m.entity.label.casefold().rstrip("s")


def _start_before(text: str, lo: int, end: int) -> int:
    """Where the noun phrase group that ends at ``end`` begins (after the last stop word or
    clause punctuation in ``text[lo:end]``)."""
    start = lo
    for word, s, e in _tokens(text, lo, end):
        if word.lower() in _STOP - {"of"} or word in ";:()[].":
            start = e
    return start


def open_outcomes(a: Analysed, start: int, end: int, *, agents: frozenset[str],
                  before: bool = False) -> tuple[list[Mention], list[OpenPhrase]]:
    """Open outcomes that open ``a.text[start:end]`` (right after an active trigger), or,
    with ``before``, that end it ("neuronal apoptosis was reduced": ``end`` is the trigger),
    and the phrases among them that name a condition instead (disease or injury words).

    A phrase that overlaps a recognised mention is left to that mention (returned as
    neither)."""
    outcomes: list[Mention] = []
    conditions: list[OpenPhrase] = []
    if before:
        tail = _BE_TAIL.search(a.text, start, end)
        if tail is None:
            return [], []
        end = tail.start()
        lo, start = start, _start_before(a.text, start, end)
        if re.search(r"\bby\s*$", a.text[lo:start]):
            # "the secretion of cytokines by LPS-stimulated glia was inhibited": the phrase
            # after "by" names who secretes, not what was changed
            return [], []
    for p in _phrases(a.text, start, end):
        inside = [m for m in a.mentions if m.start < p.end and p.start < m.end
                  and not (is_weak(m) and (p.start, p.end) != (m.start, m.end))]
        phrase = a.text[p.start:p.end]
        of_at = re.search(r"\bof\b", phrase)
        head_end = p.start + (of_at.start() if of_at else len(phrase))
        # an agent as the phrase itself ends the objects ("... and exosomes"); one in the
        # "of" part is what the process is of ("the proliferation of endothelial cells")
        head_at = p.start + a.text[p.start:p.end].lower().rfind(p.head.lower()[:-1] or p.head)
        # ... but cells named before what they do are its modifier ("OPC proliferation",
        # "microglial polarization" with "microglia" recognised): the process is the object
        if any(m.category in agents and m.start < head_end and not (
                m.category == "Cell" and p.head.lower() in CELL_PROCESS_HEADS
                and m.end <= head_at) for m in inside):
            break
        cells = [m for m in inside if m.category == "Cell" and m.start >= head_end]
        inside = [m for m in inside if m.category not in agents]
        # a disease, species or place inside the phrase is a modifier ("stroke recovery"),
        # and so is a molecule before a word for what happens to it ("albumin extravasation",
        # "TrkA ubiquitination"); any other recognised mention, or one holding the head, is
        # the object itself
        modifiers = _MODIFIER_CLASSES | (_MOLECULES if p.head.lower() in MOLECULE_EVENT_HEADS
                                         else frozenset())
        # "C5-dependent microglial necroptosis": a name glued to "-dependent" / "-mediated"
        # modifies the phrase (the label drops it), it is not the object
        if any((m.category not in modifiers and not _GLUED_MODIFIER.match(a.text, m.end))
               or m.start <= head_at < m.end for m in inside):
            continue
        if _NAME_GOES_ON.match(a.text, p.end):
            continue  # "the anti-inflammatory interleukin (IL)-10": part of a name
        if is_condition_phrase(p):
            conditions.append(p)
            continue
        if " of " in p.label and p.label.split(" of ", 1)[1].split()[-1].lower() \
                in CONDITION_HEADS:
            # "the lesion size of SCI": the condition is the claim's setting, not the outcome's
            label = p.label.split(" of ", 1)[0]
            p = OpenPhrase(p.start, head_end, label, head_of(label))
        if " of " in p.label and head_of(p.label).lower() in _MADE_BY_CELLS and (
                cells or _CELLS.search(p.label.split(" of ", 1)[1].split()[-1])):
            # "NO production of EPCs": the cells that make it are where, not what, changed
            label = p.label.split(" of ", 1)[0]
            p = OpenPhrase(p.start, head_end, label, head_of(label))
        named = _MOLECULE_AMOUNT.fullmatch(p.label)
        if named and " of " not in p.label:
            # "NMDA receptor expression", "glutamate transporter levels": a molecule no
            # vocabulary names, said with a word of amount, is the object itself
            label = named.group("molecule")
            p = OpenPhrase(p.start, p.start + len(a.text[p.start:p.end].rsplit(None, 1)[0]),
                           label, head_of(label))
        # "lysosomal hydrolysis ability", "tube formation ability": a named capacity is an
        # outcome ("the ability" alone names none)
        named_capacity = p.head.lower() in _CAPACITY_HEADS and len(p.label.split()) > 1 \
            and " of " not in p.label
        # "cells treated with ..." is no object, but "cell viability" / "cell vitality" is
        first = p.label.split()[0]
        if (p.head.lower() in _NOT_HEAD and not named_capacity) or \
                (first in _NOT_HEAD and not (first == "cell" and " " in p.label)) or \
                (" " not in p.label and p.label.lower() in _MEASURE) or \
                all(w.lower() in _VAGUE for w in p.label.split()) or _is_bare(p.label):
            continue
        outcomes.append(Mention(outcome_entity(p.label), p.start, p.end,
                                a.text[p.start:p.end], "open-outcome"))
    return outcomes, conditions
