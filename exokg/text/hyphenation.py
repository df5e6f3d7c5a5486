"""Decide what to do with a hyphen that a PDF left at a line end: join, keep or leave.

PDF text breaks words at line ends with a hyphen followed by a space or a newline
("con- tain", "signifi- \\ncantly"), but the same shape also occurs with real hyphens that
happen to fall at a line end ("MSC- derived", "post-\\nstroke", "miR-\\n133b") and with
suspended hyphens ("pre- and post-treatment"). :func:`hyphen_action` decides from the two
word parts, and from what the rest of the document spells, with the rules below (first
match wins). A left part in title case ("Exo- somes" at a sentence start) is read in lower
case.

1. ``leave``: the right part is a connector ("and", "or", "to", "nor", "versus", "vs"): a
   suspended hyphen, left exactly as written.
2. ``keep`` (hyphen kept, whitespace dropped) when the break cannot be a plain word split:
   the left part is not a lowercase (or title-case) word ("MSC", "miR", "IL", "5"), is a
   single letter ("β- catenin"), follows another hyphen ("cell-to- cell"), or the right part
   is not all lowercase letters ("9", "133b", "Derived").
3. Document evidence, when exactly one spelling occurs elsewhere in the same text: ``keep``
   when the hyphenated form is written there ("blood-brain"), ``join`` when the joined word
   is ("exosomes").
4. ``keep`` when the right part is a common compound head that stands as a word of its own
   after a hyphen ("derived", "based", "mediated", "induced", "dependent", ...).
5. For a left part that is a compound prefix or modifier (post, pre, non, anti, well, self,
   long, short, cross, multi, semi, high, low, blood, cell, dose, time, ...): ``join`` when
   the right part is only an inflection or derivational ending ("long- er", "short- ly") or
   the joined word begins with a stem that merely looks prefixed ("pre- vented" ->
   "prevented", "anti- body", "multi- ple", "cell- ular"); otherwise ``keep`` ("pre- term",
   "well- known", "post- stroke", "blood- brain").
6. ``join`` otherwise: a lowercase fragment followed by a lowercase fragment is a word split
   at a syllable ("ste- reotactic", "in- flammatory", "sever- ity").
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Literal

HyphenAction = Literal["join", "keep", "leave"]

CONNECTORS: frozenset[str] = frozenset({"and", "or", "to", "nor", "versus", "vs", "but"})

COMPOUND_PREFIXES: frozenset[str] = frozenset(
    {
        "post", "pre", "non", "anti", "well", "self", "long", "short", "cross", "multi",
        "semi", "high", "low", "ill", "full", "half",
        # nouns that open two-word compounds in this literature ("blood-brain barrier")
        "blood", "cell", "dose", "time", "brain", "gene", "drug", "tissue", "stem",
    }
)

COMPOUND_HEADS: frozenset[str] = frozenset(
    {
        "derived", "based", "mediated", "induced", "dependent", "independent", "related",
        "associated", "specific", "treated", "loaded", "enriched", "expressing", "free",
        "like", "rich", "positive", "negative", "fold", "wide", "type", "term", "scale",
        "linked", "labeled", "labelled", "bound", "modified", "targeted", "secreted",
        "conditioned", "producing", "containing", "deficient", "activated", "regulated",
        "sensitive", "resistant", "matched", "controlled", "blind", "blinded", "old",
        "shaped", "sized", "stage", "dose", "time", "guided", "engineered", "primed",
    }
)

# Endings that never stand alone after a prefix: "long- er" is "longer".
INFLECTIONS: frozenset[str] = frozenset(
    {
        "s", "es", "ed", "er", "ers", "est", "ly", "ing", "ings", "ness", "age", "ages",
        "en", "ens", "ened", "ish", "ity", "ment", "ments", "ward", "wards",
    }
)

# Words that begin with the letters of a compound prefix without being prefixed.
PREFIX_LOOKALIKES: tuple[str, ...] = (
    "prevent", "presen", "preval", "previous", "predict", "precis", "preced",
    "precip", "precurs", "predomin", "prefer", "prepar", "prelimin", "preserv", "prescri",
    "press", "pretty", "prevail", "prefront", "pregnan", "prejud", "prematur", "premis",
    "postul", "poster", "postur", "postpon", "nonethe", "antibod", "antigen", "anticip",
    "antibiot", "antioxid", "antidot", "multipl", "multitud", "longitud", "longev",
    "seminal", "seminar", "highlight", "illustr", "illumin", "cellul", "genera", "genet",
)


def hyphen_action(
    left: str,
    right: str,
    before: str = "",
    *,
    hyphenated: Collection[str] = (),
    joined: Collection[str] = (),
) -> HyphenAction:
    """Decide how to treat ``left`` + "-" + whitespace + ``right`` (rules: module docstring).

    ``left`` and ``right`` are the letter/digit runs around the hyphen; ``before`` is the
    character just before ``left`` ("" at the start of the text). ``hyphenated`` holds the
    lowercase "a-b" pairs written elsewhere in the document, ``joined`` its lowercase words
    (both optional). Returns ``"join"`` (drop hyphen and whitespace), ``"keep"`` (keep the
    hyphen, drop the whitespace) or ``"leave"`` (change nothing). Never raises.

    >>> hyphen_action("con", "tain"), hyphen_action("MSC", "derived")
    ('join', 'keep')
    >>> hyphen_action("miR", "133b"), hyphen_action("pre", "and")
    ('keep', 'leave')
    >>> hyphen_action("pre", "vented"), hyphen_action("post", "stroke")
    ('join', 'keep')
    >>> hyphen_action("ex", "osomes", joined={"exosomes"})
    'join'
    >>> hyphen_action("vascu", "lar", hyphenated={"vascu-lar"})
    'keep'
    """
    if right.lower() in CONNECTORS:
        return "leave"
    if _title_word(left):
        left = left.lower()
    if not (_lower_word(left) and _lower_word(right)) or len(left) == 1 or before == "-":
        return "keep"
    seen_hyphenated = f"{left}-{right}" in hyphenated
    seen_joined = left + right in joined
    if seen_hyphenated != seen_joined:
        return "keep" if seen_hyphenated else "join"
    if right in COMPOUND_HEADS:
        return "keep"
    if left in COMPOUND_PREFIXES:
        joined_word = left + right
        if right in INFLECTIONS or joined_word.startswith(PREFIX_LOOKALIKES):
            return "join"
        return "keep"
    return "join"


def _lower_word(part: str) -> bool:
    return part.isalpha() and part.islower()


def _title_word(part: str) -> bool:
    return len(part) >= 2 and part.isalpha() and part[0].isupper() and part[1:].islower()
