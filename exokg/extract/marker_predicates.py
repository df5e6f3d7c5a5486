"""Predicates of measured markers in patient studies, read across coordinated verb phrases.

Results sentences of patient studies name the measured markers once and then chain what was
found about them: "The levels of plasma A and B were increased in acute stages of D, and were
positively related to infarct volume and NIHSS scores, and were associated with the large
artery atherosclerosis and cardioembolism subtypes"; "A and B were independent risk factors of
D and their AUCs were 0.78 and 0.85". The other level rules look for the markers right before
each verb and so lose every predicate after the first. This module reads such a chain:

* :func:`chain_subjects`: the markers a predicate is said of: those right before its verb,
  else, for a predicate joined by "and (were|was) ...", the subject of the chain's first verb
  (no other marker subject in between); "their AUC(s)" stands for the markers named before.
* :func:`marker_predicates` reads each predicate of the chain: a level at a stage of the
  disease ("were increased in acute and subacute stages of D": ``associated_with`` D with the
  direction); a signed correlation with a list of measures ("positively related to A, B (C),
  D": every member, a recognised scale or outcome, else the member's words as an open
  outcome, the first member included); an association with subtypes or subgroups of the
  disease ("associated with X and Y subtypes": X and Y, each a minted disease entity, never the
  disease a word of the subtype's name happens to name); risk factors ("were independent risk
  factors of D": ``associated_with`` D, no direction); and the AUC of the markers named before
  ("their AUC were 0.78 and 0.85": ``biomarker_for`` the study's disease).
* :func:`without_repeats` drops a reading another rule already made from the sentence.
* :func:`is_method_sentence`: "The correlations between A and B, C were analyzed" is a method:
  no correlation is claimed (the biomarker rules drop their readings of such a sentence).
* :func:`carried_partner`: "X and their carried Y", "X and its cargo Y": the vesicles X are
  coordinated with the molecule they carry.

Markers are molecular mentions (proteins, genes, miRNAs; "EMVs-miR-155" is recognised as the
miRNA) and vesicle populations of the body's own cells (endothelial, platelet, neuronal EVs),
never a therapeutic preparation; a predicate whose own words name a treatment is left alone.
"""

from __future__ import annotations

import re

from exokg.extract.base import Analysed, DocumentState, coordinated, statement
from exokg.extract.enumerations import LIST_SEPARATOR
from exokg.extract.epistemics import hedged, negated
from exokg.extract.level_markers import MOLECULAR, SCALES, VESICLES, UP, holds_marker, \
    level_context, names_treatment, population_marker, study_disease
from exokg.extract.outcomes import outcome_for_text
from exokg.ids import mint
from exokg.model import Entity, Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["MARKER_CLASSES", "carried_partner", "chain_subjects", "eligible_marker",
           "in_subtype_phrase", "is_method_sentence", "marker_predicates", "measure_list",
           "without_repeats"]

MARKER_CLASSES = MOLECULAR | VESICLES
_COPULA = re.compile(r"\b(?:was|were|is|are)\b", re.I)
# between the last marker and its verb: "levels", "expression", a bracketed short form
_SUBJECT_GAP = re.compile(r"\)?\s*(?:(?:levels?|concentrations?|expression|counts?|numbers?|"
                          r"abundance)\s*)?(?:\([^()]{0,40}\)\s*)?"
                          # when the samples were taken: "NfL drawn 1 year after injury are"
                          r"(?:(?:drawn|measured|collected|obtained|sampled)\s+(?:\w+\s+){0,3}"
                          r"(?:at|after|within|on|during)\s+(?:\w+\s+){0,2}?\w+\s*)?", re.I)
# a predicate joined to the one before it, with no subject of its own: "..., and were"
_JOINED_PREDICATE = re.compile(r"(?:,\s*|\s+)and\s+(?:(?:then|also|both)\s+)?$", re.I)
# what ends the predicate a cue starts: the next joined predicate, another clause
_PREDICATE_END = re.compile(r"(?:,\s*|\s+)and\s+(?=(?:(?:also|then)\s+)?(?:was|were|is|are|"
                            r"remained|remains|showed|had)\b)|;|,\s*(?:while|whereas|but|which|"
                            r"respectively)\b|\s+(?:while|whereas)\b"
                            # "subtypes defined by the TOAST classification": how it was measured
                            r"|\s+(?:(?:defined|classified|categori[sz]ed|assessed|measured|"
                            r"determined|evaluated)\s+(?:by|using|with|according)|according\s+to)"
                            r"\b", re.I)
# "their AUC were 0.778 and 0.851", "the AUCs were", "their areas under the ROC curve were"
_THEIR_AUC = re.compile(r"\b(?:their|the)\s+(?:respective\s+)?(?:AUCs?|AUROCs?|areas?\s+under\s+"
                        r"(?:the\s+)?(?:ROC\s+)?curves?)\s+(?:values?\s+)?(?:were|was)\s+"
                        r"(?:\w+\s+){0,2}?0?\.\d", re.I)

# a level at a stage of the disease: "were increased (significantly) in (the) acute and
# subacute stages of D", "was elevated during the acute phase after D"
_STAGE_LEVEL = re.compile(r"\b(?:was|were|is|are)\s+(?:(?:\w+ly|also|both|still)\s+){0,2}"
                          r"(?P<dir>increased|elevated|higher|raised|up-?regulated|decreased|"
                          r"reduced|lower|down-?regulated)\s+(?:\w+ly\s+)?(?:in|during|at)\s+"
                          r"(?:the\s+)?(?:(?:hyper)?acute|subacute|chronic|early|late|"
                          r"recovery)(?:\s*(?:,|and|or)\s*(?:the\s+)?(?:(?:hyper)?acute|subacute|"
                          r"chronic|early|late|recovery))*\s+(?:stages?|phases?|periods?)\s+"
                          r"(?:of|after|following)\s+(?:the\s+)?", re.I)
# a signed correlation: "were positively related to", "was negatively correlated with",
# "was correlated positively with", "were inversely associated with"
_SIGNED = re.compile(r"\b(?:was|were|is|are)\s+(?:(?:also|both|significantly|strongly|closely|"
                     r"independently)\s+){0,2}(?:(?P<sign>positively|negatively|inversely)\s+"
                     r"(?:related|correlated|associated)|(?:related|correlated|associated)\s+"
                     r"(?P<sign2>positively|negatively|inversely))\s+(?:to|with)\s+", re.I)
# an unsigned correlation as a later predicate of the chain: "..., and are related to A and B"
_RELATED = re.compile(r"(?<=\band\s)(?:was|were|is|are)\s+(?:(?:also|both|significantly|"
                      r"strongly|closely)\s+){0,2}(?:related|correlated)\s+(?:to|with)\s+",
                      re.I)
# subtypes / subgroups of the disease as the partner of an association
_WITH_SUBTYPES = re.compile(r"\b(?:was|were|is|are)\s+(?:(?:also|both|significantly|strongly|"
                            r"closely|independently)\s+){0,2}(?:associated|related|correlated|"
                            r"linked)\s+(?:to|with)\s+(?:the\s+)?", re.I)
_SUBTYPES = re.compile(r"(?P<list>[A-Za-z][\w\u2013-]*(?:(?:\s+|\s*,\s*(?:and\s+|or\s+)?|"
                       r"\s+(?:and|or)\s+)[A-Za-z][\w\u2013-]*){0,6}?)\s+(?:stroke\s+)?"
                       r"(?:sub-?types?|sub-?groups?|etiolog(?:y|ies)|aetiolog(?:y|ies))\b", re.I)
# "were (significant and) independent risk factors of / for D" (a "predictive factor for D"
# is a marker of D: exokg.extract.prognostic_markers)
_RISK_FACTOR = re.compile(r"\b(?:was|were|is|are)\s+(?:(?:an?|the|also)\s+)?(?:(?:significant|"
                          r"independent|major|important|strong)\s+(?:and\s+)?){0,3}risk\s+"
                          r"factors?\s+(?:of|for)\s+(?:the\s+)?", re.I)

# rule names: "biomarker.level" / "biomarker.correlation" / "biomarker.informative" readings
# explain the sentence, so the generic effect rule does not read it again
_RULES = {"level": "biomarker.level-stage", "signed": "biomarker.correlation-list",
          "related": "biomarker.correlation-list",
          "subtype": "biomarker.level-subtype", "risk": "biomarker.level-risk-factor",
          "auc": "biomarker.informative-auc"}
_CHAIN_RULES = frozenset(_RULES.values())
_NEEDS_CHAIN = Needs(_STAGE_LEVEL, _SIGNED, _RELATED, _WITH_SUBTYPES, _RISK_FACTOR,
                     _THEIR_AUC)


def eligible_marker(a: Analysed, m: Mention) -> bool:
    """True for a mention that can be a measured marker: a molecule, or a vesicle population
    of the body's own cells that is not written as the container of a marker before it."""
    if m.category in MOLECULAR:
        return True
    return m.category in VESICLES and population_marker(m) and not holds_marker(a, m)


_CARRIED = re.compile(r"\s*(?:,\s*)?(?:and|as\s+well\s+as)\s+(?:their|its)\s+(?:(?:carried|"
                      r"cargo|encapsulated|enclosed|contained|packaged|loaded|exosomal|"
                      r"vesicular)\s+)?$", re.I)


def carried_partner(a: Analysed, m: Mention) -> Mention | None:
    """The vesicles written right before molecule ``m`` as its carrier ('circulating EMVs and
    their carried miR-X'): that vesicle mention, or None."""
    if m.category not in MOLECULAR:
        return None
    before = [x for x in a.within(max(0, m.start - 80), m.start, VESICLES) if x.end <= m.start]
    if not before:
        return None
    last = max(before, key=lambda x: x.end)
    return last if _CARRIED.fullmatch(a.text, last.end, m.start) else None


def _markers_at(a: Analysed, start: int, at: int) -> list[Mention]:
    """The markers whose list ends right before ``at`` ('The levels of plasma A and B were':
    A and B), with the vesicles that carry the first ('X and their carried Y')."""
    near = [m for m in a.within(start, at, MARKER_CLASSES) if eligible_marker(a, m)
            and at - m.end <= 45]
    if not near:
        return []
    last = max(near, key=lambda m: (m.end, m.start))
    if not _SUBJECT_GAP.fullmatch(a.text, last.end, at):
        return []
    group = [m for m in coordinated(a, last, MARKER_CLASSES, backwards=True)
             if eligible_marker(a, m)]
    first = min(group, key=lambda m: m.start)
    carrier = carried_partner(a, first)
    if carrier is not None and eligible_marker(a, carrier):
        group = [carrier, *group]
    unique: dict[str, Mention] = {}
    for m in group:
        unique.setdefault(m.entity.id, m)
    return list(unique.values())


# what stops a chain: another clause between its first verb and the predicate
_CHAIN_BREAK = re.compile(r"[;:]|\b(?:which|that|while|whereas|but|however)\b", re.I)


def chain_subjects(a: Analysed, at: int, anaphoric: bool = False) -> list[Mention]:
    """The markers the predicate whose verb starts at ``at`` is said of: the markers right
    before it; for a predicate joined to earlier ones ('..., and were positively related to')
    or one whose subject is an anaphor (``anaphoric``: 'their AUC were'), the markers before
    the last verb with a marker subject before ``at``, when no other marker, relative or
    contrast word stands between. Empty when there is none."""
    own = _markers_at(a, 0, at)
    if own:
        return own
    if not anaphoric and not _JOINED_PREDICATE.search(a.text, 0, at):
        return []
    best: list[Mention] = []
    best_end = 0
    for c in _COPULA.finditer(a.text, 0, at):
        found = _markers_at(a, 0, c.start())
        if found:
            best = found
            best_end = c.end()
    if not best:
        return []
    between = a.text[best_end:at]
    if _CHAIN_BREAK.search(between):
        return []
    if any(eligible_marker(a, m) for m in a.within(best_end, at, MARKER_CLASSES)):
        return []  # another marker named in between: it may be the subject
    return best


def _predicate_end(a: Analysed, at: int) -> int:
    m = _PREDICATE_END.search(a.text, at)
    return m.start() if m else len(a.text.rstrip(". "))


_MEMBER_WORDS = re.compile(r"(?:the\s+)?(?P<core>[A-Za-z][\w\u2013-]*(?:\s+[A-Za-z][\w\u2013-]*)"
                           r"{0,4}?)\s*(?:\((?P<short>[^()]{1,15})\))?\s*", re.I)
_MEMBER_STOP = re.compile(r"\s+(?:in|among|of|at|after|during|from|than|compared|defined|"
                          r"assessed|measured|by|on|respectively)\b|;", re.I)
# what may follow a named measure inside its member: "NIHSS (total) scores", "white matter
# hyperintensity burden"
_SCALE_TAIL = re.compile(r"\s*(?:\([^()]{1,15}\)\s*)?(?:total\s+)?(?:scores?|values?|levels?|"
                         r"grades?|burden|load)?\s*$", re.I)


_LEAD = re.compile(r"\s*(?:the\s+)?", re.I)  # always matches
_PIECE = re.compile(r"[^,]*?(?=\s*,|\s+(?:and|or)\s+|$)", re.I)


def measure_list(a: Analysed, start: int, end: int) -> list[Entity]:
    """The measures listed in ``a.text[start:end]`` ('carotid plaque, carotid intima-media
    thickness (IMT), NIHSS scores and infarct volume'): each member a recognised scale,
    outcome or phenotype spanning it, else its words (one to five, no other named entity) as
    an open outcome; an open member followed by a preposition ('infarct volume in patients')
    ends the list, and the list stops at the first member that is neither."""
    out: list[Entity] = []
    pos = start
    while pos < end:
        piece = _PIECE.match(a.text, pos, end)
        if piece is None or not piece.group().strip():
            break
        entity, last = _member_entity(a, piece.start(), piece.end())
        if entity is None:
            break
        if entity.id not in {e.id for e in out}:
            out.append(entity)
        sep = LIST_SEPARATOR.match(a.text, piece.end(), end)
        if last or sep is None or sep.end() == piece.end():
            break
        pos = sep.end()
    return out


_AMOUNT_OF = re.compile(r"(?:[\w-]+\s+){0,2}?(?:levels?|concentrations?|expression|amounts?|"
                        r"counts?|numbers?|scores?)\s+(?:of|on|in|for)\s+(?:the\s+)?", re.I)


def _member_entity(a: Analysed, start: int, end: int) -> tuple[Entity | None, bool]:
    """The measure one list member names (see :func:`measure_list`) and whether the list
    ends with it; (None, True) when the member names none."""
    s = _LEAD.match(a.text, start, end).end()
    named = [x for x in a.within(s, end, SCALES) if x.start == s
             and _SCALE_TAIL.fullmatch(a.text, x.end, end)]
    if named:
        return max(named, key=lambda x: x.end).entity, False
    # "serum concentrations of IL-6": the molecule whose amount is measured
    of = [x for x in a.within(s, end, MOLECULAR | SCALES)
          if _AMOUNT_OF.fullmatch(a.text, s, x.start) and _SCALE_TAIL.fullmatch(a.text, x.end, end)]
    if of:
        return of[0].entity, False
    stop = _MEMBER_STOP.search(a.text, s, end)
    if stop and (stop.group().strip().lower() == "of" or a.within(
            stop.end(), end, SCALES | MARKER_CLASSES | frozenset({"Disease"}))):
        # "severity of the other thing", "total score on the NIHSS": not a measure of its own
        return None, True
    words = _MEMBER_WORDS.fullmatch(a.text, s, stop.start() if stop else end)
    if words is None:
        return None, True
    core_end = words.end("core")
    if a.within(s, core_end, MARKER_CLASSES | frozenset({"Disease", "AssessmentScale"})):
        return None, True
    named = [x for x in a.within(s, core_end, SCALES) if x.start == s and x.end == core_end]
    entity = named[0].entity if named else outcome_for_text(a.text[s:core_end])
    return entity, stop is not None


def in_subtype_phrase(a: Analysed, m: Mention) -> bool:
    """True when disease mention ``m`` is a word of a subtype's or subgroup's name ('large
    artery atherosclerosis and cardioembolism subtypes'): it names no disease of the
    markers' own."""
    window = a.text[m.start:m.start + 120]
    found = _SUBTYPES.match(window)
    if found:
        return True
    # the mention inside the list: look from the clause word before it
    start = max(0, m.start - 60)
    for s in _SUBTYPES.finditer(a.text, start, min(len(a.text), m.end + 120)):
        if s.start() <= m.start and m.end <= s.end("list"):
            return True
    return False


_FUNCTION_WORD = re.compile(r"\b(?:the|of|in|with|for|by|to|at|on|from|was|were|is|are|"
                            r"these|those|their|its|each|all|both)\b", re.I)


def _subtypes(a: Analysed, start: int, end: int) -> list[Entity]:
    """The subtypes or subgroups named right at ``start`` ('large artery atherosclerosis and
    cardioembolism subtypes'): each coordinated name as a minted disease entity."""
    m = _SUBTYPES.match(a.text, start, end)
    if not m:
        return []
    parts = [p.strip() for p in LIST_SEPARATOR.split(m.group("list")) if p.strip()]
    if not parts or any(len(p.split()) > 4 or _FUNCTION_WORD.search(p) for p in parts) or a.within(
            m.start("list"), m.end("list"), MARKER_CLASSES):
        return []
    return [Entity(mint("disease", p.lower()), p.lower(), "Disease") for p in parts]


def _disease_after(a: Analysed, at: int, end: int) -> Entity | None:
    named = [d for d in a.within(at, end, frozenset({"Disease"})) if d.start - at < 25]
    return named[0].entity if named else None


def marker_predicates(a: Analysed, state: DocumentState) -> list[Statement]:
    """The predicates of a chain of measured markers (module docs): levels at a stage of the
    disease, signed correlations with each listed measure, associations with subtypes, risk
    factors and AUCs of the markers named before. Returns the statements in text order."""
    if not _NEEDS_CHAIN.may_match(a.text):  # no cue word: nothing to read
        return []
    out: list[Statement] = []
    cues = [(m, "level") for m in _STAGE_LEVEL.finditer(a.text)]
    cues += [(m, "signed") for m in _SIGNED.finditer(a.text)]
    cues += [(m, "related") for m in _RELATED.finditer(a.text)]
    cues += [(m, "subtype") for m in _WITH_SUBTYPES.finditer(a.text)]
    cues += [(m, "risk") for m in _RISK_FACTOR.finditer(a.text)]
    cues += [(m, "auc") for m in _THEIR_AUC.finditer(a.text)]
    for m, kind in sorted(cues, key=lambda c: c[0].start()):
        at = m.start()
        subjects = chain_subjects(a, at, anaphoric=kind == "auc")
        if not subjects:
            continue
        first = min(x.start for x in subjects)
        end = _predicate_end(a, m.end())
        if names_treatment(a, first, end, tuple(subjects)):
            continue  # "... in the treated group": an effect, for the effect rules
        ctx = level_context(a, first, at)
        neg = negated(a.text, first, m.end())
        hedge = hedged(a.text, 0, first) or hedged(a.text, at, m.end())
        pairs: list[tuple[str, Entity, str | None]] = []
        rule = _RULES[kind]
        if kind == "level":
            disease = _disease_after(a, m.end(), end)
            if disease is None:
                continue
            word = m.group("dir").lower().replace("-", "")
            up = word in UP or word == "upregulated"
            pairs = [("biolink:associated_with", disease, "increased" if up else "decreased")]
        elif kind == "signed":
            sign = (m.group("sign") or m.group("sign2")).lower()
            pred = "biolink:positively_correlated_with" if sign == "positively" else \
                "biolink:negatively_correlated_with"
            pairs = [(pred, e, None) for e in measure_list(a, m.end(), end)]
        elif kind == "related":
            pairs = [("biolink:correlated_with", e, None) for e in measure_list(a, m.end(), end)]
        elif kind == "subtype":
            pairs = [("biolink:associated_with", e, None) for e in _subtypes(a, m.end(), end)]
        elif kind == "risk":
            disease = _disease_after(a, m.end(), end)
            if disease is not None:
                pairs = [("biolink:associated_with", disease, None)]
        else:  # auc
            # the disease named last before the AUC ("risk factors of D and their AUC were"),
            # else the first after it, else the study's
            named = a.within(0, len(a.text), frozenset({"Disease"}))
            before = [d for d in named if d.end <= at]
            disease = before[-1].entity if before else named[0].entity if named else \
                study_disease(a, state)
            if disease is not None:
                pairs = [("biolink:biomarker_for", disease, None)]
        for pred, obj, direction in pairs:
            for subj in subjects:
                if subj.entity.id == obj.id:
                    continue
                out.append(statement(a, rule, subj.entity, pred, obj, direction=direction,
                                     aspect="level" if kind == "level" else None,
                                     negated=neg, hedged=hedge, context=ctx))
    return out


# "The correlations between A and B were analyzed", "Associations of X with Y were assessed
# by logistic regression": the method, not a finding
_METHOD = re.compile(r"^\W*(?:(?:the|then|further(?:more)?|next|also|finally|in\s+addition)"
                     r"[\s,]+)*(?:(?:potential|possible)\s+)?(?:correlations?|associations?|"
                     r"relationships?|relations?)\s+(?:between|of|among)\b[^;]*?\b(?:was|were)\s+"
                     r"(?:(?:then|also|further|statistically|subsequently)\s+)?(?:analy[sz]ed|"
                     r"assessed|evaluated|examined|investigated|determined|calculated|tested|"
                     r"explored|studied|estimated|performed)\b(?![^;]*\b(?:showed|revealed|"
                     r"found|demonstrated|indicated)\b)", re.I)
_NEEDS_METHOD = Needs(_METHOD)


def is_method_sentence(text: str) -> bool:
    """True for a sentence that says which correlations or associations were analysed ('The
    correlations between A and B, C and D were analyzed'): a method, which claims none."""
    return _NEEDS_METHOD.may_match(text) and bool(_METHOD.search(text))


def without_repeats(statements: list[Statement]) -> list[Statement]:
    """``statements`` (one sentence's) without the readings of this module that another rule
    already made (same subject, predicate, object, direction and negation): a claim is made
    once, with the older rule's evidence."""
    def key(s: Statement) -> tuple:
        return (s.subject.id, s.predicate, getattr(s.object, "id", None), s.direction,
                s.negated)
    made = {key(s) for s in statements if s.evidence[0].rule not in _CHAIN_RULES}
    return [s for s in statements
            if s.evidence[0].rule not in _CHAIN_RULES or key(s) not in made]
