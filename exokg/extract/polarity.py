"""Whether an outcome names a harm: the one word list of the rules that sign an effect by
the outcome it is on.

A treatment that acts on a harm lowers it and one that acts on a good raises it, so several
rules need to know which outcomes are harms: the effect rule (:mod:`exokg.extract.effects`:
"improved / worsened Y", "prevented Y decline"), the protection rule
(:mod:`exokg.extract.necessity`: "protected neurons from Y") and the carried effects of a
miRNA (:mod:`exokg.extract.mediated_effects`: "miR-A mediated the effect of X on Y"). They
read the same words two ways:

* :func:`is_adverse`: a harm's stem anywhere in an entity's label ("neuronal apoptosis",
  "oxidative stress", "BBB disruption", "infarct volume"), what the effect rule reads of a
  recognised outcome (a disease or phenotype is adverse by its category there);
* :func:`names_harm`: the head of a phrase (its last word, a noun) is a harm ("against
  oxidative injury", "on neuronal apoptosis"; not "hypoxic/ischemic", an adjective cut from
  its noun). A volume or a formation is a harm only of a harm
  ("infarct / lesion / edema / hematoma / contusion / cavity volume", "scar / thrombus /
  clot / plaque formation"): "hippocampal volume" and "synapse formation" are goods; a growth
  likewise ("hematoma growth / expansion", "infarct enlargement" are harms, "axonal
  growth" a good).

The effect rule reads an open outcome (words the text names, no recognised entity) by
:func:`names_harm` of its words before "of" ("loss of neurons": "loss"), so "stroke
recovery" is not adverse and "glial scar formation" is.

The copies this module replaces differed (depth13, docs/benchmarks.md): the protection
rule lacked deficits, impairments, edema, scars and every stem of a disease or a barrier's
failure ("against BBB disruption"); the carried-effect rule lacked insults and those stems
too; the effect rule counted only oxidative stress and neurodegeneration (not "ER stress",
"axonal degeneration"), lacked insults, demyelination, hematomas, contusions, clots and
plaques, and read an open outcome by its last word alone ("glial scar formation",
"lesion cavity volume": not adverse, so "ameliorated glial scar formation" raised it). One
list serves all three now.

The goods are listed here too, read by :func:`names_good` (the head of a phrase is a good
and no harm: "neurological function", "hematoma clearance"; not "neuronal dysfunction"):
the carried effects (a good raised) and the benefit in animal models
(:mod:`exokg.extract.model_benefits`: a good raised helps). Their copies differed
(depth14, docs/benchmarks.md): the carried-effect rule lacked the goods named after a harm
(resolution, clearance, resorption, tolerance); the model-benefit rule lacked those and
improvement, outgrowth, growth, proliferation, remyelination, restoration, and found a good
anywhere in a label rather than at its head.

Not here: :mod:`exokg.extract.absence` has its own list of the harms a treatment is said
not to have caused (adverse events, complications, tumour formation, rejection,
infections): kinds of side effect of a treatment, matched as a whole noun phrase, not
the outcomes of a disease.
"""

from __future__ import annotations

import re

__all__ = ["is_adverse", "names_good", "names_harm"]

#: stems of a harm: injuries and their measures, cell death, deficits, diseases
_HARM = (r"injur|deficit|damage|loss|death|apoptos|inflamm|edema|oedema|infarct|lesion|"
         r"immunosuppress|hypomethyl|seizure|impair|dysfunction|atroph|toxic|thromb|"
         r"hemorrhag|haemorrhag|stroke|ischemi|ischaemi|disease|disorder|mortality|"
         r"degenerat|gliosis|scar|permeability|incoordination|pain|spasticity|disability|"
         r"demise|necros|pyropto|defect|ferropto|stress|swelling|leakage|extravasation|"
         r"breakdown|disruption|vasospasm|hypoperfusion|insult|demyelinat|h(?:a)?ematoma|"
         r"contusion|clot|plaque")
# a stem may sit inside a word after a combining form ("neuroinflammation", "cytotoxicity",
# "astrogliosis", "perihematomal": every such match on the dev set is a harm), never after a
# prefix that denies it ("uninjured", "unimpaired", "nontoxic", "non-injured")
_NOT_DENIED = r"(?<!\bun)(?<!\bnon)(?<!\bnon-)"
_ANYWHERE = re.compile(_NOT_DENIED + r"(?:" + _HARM + r")", re.I)
# an adjective is no head ("from hypoxic/ischemic and oxidative insults": "ischemic" alone)
_HEAD = re.compile(_NOT_DENIED + r"(?:" + _HARM + r")\w*"
                   r"(?<!ic)(?<!ive)(?<!ory)(?<!ous)(?<!al)(?<!ed)$|"
                   r"(?:infarct(?:ion)?|lesion|injury|edema|oedema|h(?:a)?ematoma|contusion|"
                   r"cavity)\s+volumes?$|(?:scars?|thromb\w*|clots?|plaques?)\s+formation$|"
                   r"(?:infarct(?:ion)?|lesion|edema|oedema|h(?:a)?ematoma|contusion|tumou?r)\s+"
                   r"(?:growth|expansion|enlargement)$",
                   re.I)

# goods that may be named after the harm they end or oppose: "stroke recovery", "edema
# resolution", "hematoma clearance", "neuronal survival after injury"
_ENDS_HARM = (r"recovery|repair|regeneration|survival|resolution|clearance|resorption|"
              r"protection|tolerance")
# the goods a helping treatment raises: those, and the working, growth and renewal of tissue
_GOOD = _ENDS_HARM + (r"|improvement|function|plasticity|neurogenesis|angiogenesis|outgrowth|"
                      r"growth|proliferation|remyelination|restoration")
_GOOD_END = re.compile(r"(?:" + _GOOD + r")$", re.I)
# a good named after a harm ("thrombolysis": the lysis of a clot is a good too); and a word
# made against a harm ("anti-inflammatory", "antiapoptotic") names no harm of its own
_GOOD_HEAD = re.compile(r"(?:" + _ENDS_HARM + r"|lysis)$", re.I)
_AGAINST = re.compile(r"\banti-?\w+", re.I)


def _without_goods(phrase: str) -> str | None:
    """``phrase`` without its words made against a harm, or None when its head is a good
    named after a harm."""
    words = phrase.split(" of ")[0].strip() if " of " in phrase else phrase.strip()
    if _GOOD_HEAD.search(words):
        return None
    return _AGAINST.sub(" ", phrase)


def is_adverse(label: str) -> bool:
    """Whether ``label`` names a harm anywhere (module docs).

    >>> is_adverse("ER stress"), is_adverse("functional recovery")
    (True, False)
    >>> is_adverse("stroke recovery"), is_adverse("anti-inflammatory polarization")
    (False, False)
    """
    text = _without_goods(label)
    return text is not None and bool(_ANYWHERE.search(text))


def names_harm(phrase: str) -> bool:
    """Whether the head of ``phrase`` (its last word, or a volume or formation of a harm)
    names a harm (module docs).

    >>> names_harm("neuronal apoptosis"), names_harm("infarct volume")
    (True, True)
    >>> names_harm("hippocampal volume"), names_harm("synapse formation")
    (False, False)
    >>> names_harm("thrombolysis"), names_harm("hematoma clearance")
    (False, False)
    """
    return _without_goods(phrase) is not None and bool(_HEAD.search(phrase))


def names_good(phrase: str) -> bool:
    """Whether the head of ``phrase`` (its last word) names a good a helping treatment raises
    and no harm ("neurological function", not "neuronal dysfunction"; module docs).

    >>> names_good("functional recovery"), names_good("hematoma clearance")
    (True, True)
    >>> names_good("neuronal dysfunction"), names_good("growth factor")
    (False, False)
    """
    return bool(_GOOD_END.search(phrase)) and not names_harm(phrase)
