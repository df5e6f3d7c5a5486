"""The words the field reports a miRNA's changed level with, shared by the miRNA-disease
rules (:mod:`exokg.extract.mirna_disease`, :mod:`exokg.extract.mirna_disease_settings`):
change cues with their direction, the verbs of another event, and the generic words for a
tumour that name no particular disease.
"""

from __future__ import annotations

import re

from exokg.model import Mention

__all__ = ["ANY", "CHANGE", "DISEASES", "DOWN", "EVENT", "GENERIC", "UP", "lead_cue",
           "level_direction"]

DISEASES = frozenset({"Disease", "Phenotype"})

UP = (r"(?:(?:highly|strongly|abundantly)\s+expressed|expressed\s+at\s+(?:very\s+)?(?:high|"
       r"elevated|increased)\s+levels?|up-?\s?regulat\w*|over-?\s?express\w*|"
       r"hyper-?express\w*|elevat\w*|increas\w*|higher|raised|enhanced|induc\w*|amplifi\w*|"
       r"enriched|gain)")
DOWN = (r"(?:(?:poorly|weakly|barely)\s+expressed|expressed\s+at\s+(?:very\s+)?(?:low|"
         r"reduced|decreased)\s+levels?|down-?\s?regulat\w*|under-?\s?express\w*|"
         r"hypo-?express\w*|reduc\w*|decreas\w*|lower|diminish\w*|suppress\w*|loss|lost|"
         r"silenc\w*|deplet\w*|delet\w*|deficient)")
ANY = r"(?:dys-?regulat\w*|de-?regulat\w*|aberrant(?:ly)?(?:\s+expressed)?|altered|" \
       r"differentially\s+expressed|changed|abnormal(?:ly)?\s+expressed|misexpress\w*)"
CHANGE = re.compile(rf"\b(?:(?P<up>{UP})|(?P<down>{DOWN})|(?P<any>{ANY}))", re.I)
# a word of another event between the cue and the disease ("in meningiomas promotes tumour
# growth", "impairs the growth of MB cells"): the disease belongs to that event
EVENT = re.compile(r"\b(?:promot|inhibit|induc|reduc|increas|decreas|suppress|block|impair|"
                    r"activat|regulat|target|caus|lead|enhanc|prevent|mediat|contribut|"
                    r"attenuat|alleviat|exacerbat|protect)\w*", re.I)
# a tumour or cancer in general: no particular disease ("in all tumour samples")
GENERIC = re.compile(r"(?:tumou?rs?|cancers?|neoplasms?|malignanc(?:y|ies)|carcinomas?)", re.I)
# what may stand between a lead cue and its miRNA: "(of) (the) (serum) (levels of)"
_LEAD_GAP = re.compile(r"\s*(?:(?:of|in)\s+)?(?:(?:the|serum|plasma|circulating|"
                       r"exosomal|mature|neuronal|brain|levels?|expression)\s+(?:of\s+)?)*",
                       re.I)


def level_direction(cue: re.Match[str]) -> str | None:
    """"increased" for a match of :data:`CHANGE` (or a pattern with its groups) whose group
    ``up`` is set, "decreased" for ``down``, None for neither ("dysregulated")."""
    return "increased" if cue.group("up") else "decreased" if cue.group("down") else None


def lead_cue(text: str, m: Mention) -> re.Match[str] | None:
    """A change cue right before a miRNA ("Increased circulating exosomal miR-X",
    "down-regulation of miR-X"), offsets in ``text``; or None."""
    start = max(0, m.start - 40)
    cue = None
    for c in CHANGE.finditer(text, start, m.start):
        cue = c
    if cue and _LEAD_GAP.fullmatch(text, cue.end(), m.start):
        return cue
    return None
