"""Verbs of causing and of hindering that the field writes for a change, beside the core
stems of :mod:`exokg.extract.effects` ("increase", "reduce", "improve" ...).

* ``up``: drive ("EVs drive neuroinflammation"), trigger, provoke, elicit, amplify,
  intensify, heighten, raise ("raised the percentage of Y"), expedite ("expedited axonal
  regeneration"), activate with a determiner
  after it ("activated the AMPK pathway"; "activated microglia" is a cell state);
* ``down``: impede, hinder, hamper, curb, blunt, counteract, repress.

Only verb forms are triggers (base, -s, -ed, -ing): the nouns ("repression",
"amplification") name the change as an object ("reduced its repression") and stay objects.
"raised" of a question, a concern or a possibility, "drive" of a promoter ("driven by the
CMV promoter") and what hinders research ("costs hinder the clinical translation of X") are
no change of an outcome. "disrupt" is left out: the field writes it of correlations and
predictions ("disrupted midline shift predictive outcomes") as often as of tissue.
"""

from __future__ import annotations

import re

__all__ = ["MORE_STEMS", "NOT_MORE", "RESEARCH_USE"]

_VERB = r"(?=s?\b|ed\b|ing\b)"  # a verb form of a stem that takes "-s", "-ed", "-ing"
_VERB_E = r"(?=e\b|es\b|ed\b|ing\b)"  # of a stem whose base ends in a silent "e"

#: extra stems per trigger kind, joined to the core ones
MORE_STEMS: dict[str, str] = {
    "up": rf"driv{_VERB_E}|drove\b|trigger{_VERB}|provok{_VERB_E}|elicit{_VERB}|"
          rf"amplif(?=y\b|ies\b|ied\b|ying\b)|intensif(?=y\b|ies\b|ied\b|ying\b)|"
          rf"heighten{_VERB}|rais{_VERB_E}|expedit{_VERB_E}|"
          # "activated the Nrf2 pathway" (a verb with its object's determiner; "activated
          # microglia" names a cell state and is no trigger)
          r"activat(?=(?:es?|ed|ing)\s+(?:the|a|an|its|their|this|these|both)\s)",
    "down": rf"imped{_VERB_E}|hinder{_VERB}|hamper{_VERB}|curb{_VERB}|"
            rf"blunt{_VERB}|counteract{_VERB}|repress(?=es\b|ed\b|ing\b|\b)",
}

#: what a barrier to research hinders: "(the) clinical translation / application of X"
RESEARCH_USE = (r"(?:\w+\s+)?(?:translation|application|use|development|adoption|"
                r"implementation|progress|success)\b")

#: words (with what follows) built on these stems that are no change of an outcome
NOT_MORE = (r"rais(?:e|es|ed|ing)\s+(?:(?:the|a|an|some|serious|important|several|new)\s+)?"
            r"(?:questions?|concerns?|possibilit(?:y|ies)|issues?|doubts?|hopes?|interest|"
            r"awareness|antibod(?:y|ies))\b.*|"
            r"raised\s+(?:in|on|at|under)\b.*|"
            r"driv(?:e|en|es|ing)\s+(?:by\s+)?(?:the\s+)?(?:\w+\s+)?promoters?\b.*|"
            r"(?:imped|hinder|hamper|curb)\w*\s+(?:the\s+|its\s+|their\s+)?" + RESEARCH_USE
            + r".*")
