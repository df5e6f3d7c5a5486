"""The words of the field for a level going up or down, and for the aspect of a marker measured.

Patient and model studies write a level's change with a handful of adjectives and participles
("higher / increased / elevated / greater / raised X", "X was lower / decreased / reduced /
diminished"), with the regulation participles ("up-regulated", "downregulated") and for the
aspect measured with a handful of nouns ("levels / concentrations / expression / amounts /
abundance of X"). The rules that read levels (:mod:`exokg.extract.biomarkers`,
:mod:`exokg.extract.later_lists`, :mod:`exokg.extract.correlations`,
:mod:`exokg.extract.conditions`, the rules sharing :mod:`exokg.extract.level_markers`) build
their patterns from the alternations here and read a word's sign with :func:`level_sign`.

The alternations are pattern text without groups, so a rule names its own group around them:

>>> import re
>>> re.search(rf"(?P<dir>{LEVEL})\\s+(?:{ASPECT})\\b", "raised concentrations").group("dir")
'raised'
"""

from __future__ import annotations

__all__ = ["ASPECT", "DOWN", "DOWN_REGULATED", "LEVEL", "REGULATED", "UP", "UP_REGULATED",
           "UP_WORDS", "level_sign"]

UP = r"higher|increased|elevated|greater|raised"
DOWN = r"lower|decreased|reduced|diminished"
LEVEL = f"{UP}|{DOWN}"
# "up-regulated", "upregulated", "down-regulated"
UP_REGULATED = r"up-?regulated"
DOWN_REGULATED = r"down-?regulated"
REGULATED = f"{UP_REGULATED}|{DOWN_REGULATED}"
# the aspect of a marker a level is of: "levels of X", "X concentrations", "expression of X"
ASPECT = r"levels?|concentrations?|expression|amounts?|abundance"

# the words (hyphens dropped) that say a level went up, and the nouns of its rise
UP_WORDS = frozenset({"higher", "increased", "elevated", "greater", "raised", "upregulated",
                      "elevation", "elevations", "increase", "increases"})
_DOWN_WORDS = frozenset({"lower", "decreased", "reduced", "diminished", "downregulated",
                         "decrease", "decreases", "reduction", "reductions"})
# words some rules also take for a change: "larger / smaller (scores)", "associated with
# enhanced / exacerbated / impaired Y"
_CHANGE_UP = frozenset({"larger", "enhanced", "exacerbated"})
_CHANGE_DOWN = frozenset({"smaller", "impaired"})


def level_sign(word: str) -> int:
    """+1 when ``word`` says a level went up, -1 when it says it went down, 0 for any other
    word (case and hyphens do not matter).

    >>> level_sign("Up-regulated"), level_sign("diminished"), level_sign("levels")
    (1, -1, 0)
    """
    key = word.lower().replace("-", "")
    if key in UP_WORDS or key in _CHANGE_UP:
        return 1
    return -1 if key in _DOWN_WORDS or key in _CHANGE_DOWN else 0
