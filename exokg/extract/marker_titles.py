"""Biomarker claims stated as a noun phrase (round 12c): a title or sentence that opens with
finding a disease by a measured marker.

* "Identification of ischemic stroke patients based on plasma concentrations of
  extracellular vesicles", "Diagnosis of acute ischemic stroke using serum exosomal miR-9",
  "Early detection of stroke by circulating miR-124", "Predicting intracerebral hemorrhage
  with plasma extracellular vesicles" -> each marker after the means word
  ``biolink:biomarker_for`` the disease after the nominal ("patients" or "cases" may follow
  it). Hedged by the usual cues.

The disease must follow the nominal ("of" or a gerund's object) and the markers the means
word ("based on", "using", "by", "with", "through", "via", "from"), with only a sample,
level or vesicle word before them, so "Identification of stroke patients for a trial of MSCs"
names no marker. The nominal must open the sentence: "MSCs improved the identification of
..." is something else.
"""

from __future__ import annotations

import re

from exokg.extract.base import NONCODING, Analysed, coordinated, statement
from exokg.extract.context import HUMAN
from exokg.extract.epistemics import hedged, negated
from exokg.model import Context, Statement
from exokg.text.prefilter import Needs

__all__ = ["marker_titles"]

_MARKERS = NONCODING | frozenset({"MicroRNA", "MicroRNACluster", "Protein", "Gene", "Vesicle",
                                  "ExosomePreparation"})
# "Identification of", "Early detection of", "Diagnosing", "Towards the prediction of"
_NOMINAL = re.compile(r"^\W*(?:towards?\s+)?(?:(?:an?|the)\s+)?(?:(?:early|accurate|rapid|"
                      r"improved|differential|non-?invasive)\s+)*(?:(?:identification|"
                      r"detection|diagnosis|prediction|discrimination|recognition|screening)"
                      r"\s+of|identifying|detecting|diagnosing|predicting|discriminating|"
                      r"recogni[sz]ing|screening)\s+(?:the\s+)?", re.I)
_NEEDS = Needs(_NOMINAL)
# what may follow the disease before the means word: "patients", "in patients", "cases"
_AFTER_DISEASE = re.compile(r"\s*(?:(?:patients|cases|subjects|individuals)\b\s*)?(?:\([^()]*\)"
                            r"\s*)?", re.I)
_MEANS = re.compile(r"(?:based\s+on|using|by|with|through|via|from|by\s+means\s+of)\s+"
                    r"(?:the\s+)?", re.I)
# before the marker: a sample, a measure or a qualifier ("plasma concentrations of",
# "circulating", "serum exosomal")
_BEFORE_MARKER = re.compile(r"(?:(?:plasma|serum|blood|circulating|urinary|salivary|CSF|"
                            r"cerebrospinal\s+fluid|exosomal|extracellular|vesicular|"
                            r"peripheral|whole|profiles?|profiling|signatures?|panels?|levels?|"
                            r"concentrations?|numbers?|counts?|expression|the|of|and)\s+)*",
                            re.I)


def marker_titles(a: Analysed) -> list[Statement]:
    """Each marker of the module docs ``biomarker_for`` the disease the nominal names."""
    if not _NEEDS.may_match(a.text):
        return []
    nominal = _NOMINAL.match(a.text)
    if nominal is None:
        return []
    diseases = [d for d in a.within(nominal.end(), len(a.text), frozenset({"Disease"}))
                if d.start == nominal.end()]
    if not diseases:
        return []
    disease = diseases[0]
    after = _AFTER_DISEASE.match(a.text, disease.end)
    means = _MEANS.match(a.text, after.end()) if after else None
    if means is None:
        return []
    first = next((m for m in a.within(means.end(), len(a.text), _MARKERS)
                  if _BEFORE_MARKER.fullmatch(a.text, means.end(), m.start)), None)
    if first is None:
        return []
    ctx = Context(species=(HUMAN,))
    return [statement(a, "biomarker.informative-title", m.entity, "biolink:biomarker_for",
                      disease.entity, hedged=hedged(a.text, 0, means.start()),
                      negated=negated(a.text, 0, means.start()), context=ctx)
            for m in coordinated(a, first, _MARKERS, backwards=False)]
