"""Biomarker findings: levels higher or lower in patients than in controls, correlations,
'informative for detecting', vesicle marker proteins, and 'implicated in' processes.

* "patients had higher (median) levels / concentrations of X (than controls)", "X in D
  patients was upregulated (compared to controls)", "X was decreased in the subacute phase
  group", a title "Increased X is associated with D" ->
  X ``biolink:associated_with`` the patients' disease, direction increased, with the
  p-value, group sizes and sample (serum, plasma) as context;
* "X was positively / negatively correlated with Y" -> ``biolink:positively_correlated_with``
  etc. (plain ``correlated_with`` without a sign);
* "a negative correlation between X and Y" -> the same predicates, stated as a noun;
* "X expression in patients with poor outcome was higher", "patients with poor outcome had
  lower X" -> X positively / negatively correlated with poor prognosis;
* "X levels were associated with the severity of D" -> ``biolink:associated_with`` D
  without a direction; "X showed a transient decrease after D" -> with the direction;
* "X is informative / useful / helpful for detecting / identifying Y", "X is a biomarker
  for Y", "X is a promising D biomarker", "X had diagnostic value for D", "X distinguished D
  patients from controls", "X predicted poor outcome" (patients with D) ->
  ``biolink:biomarker_for``;
* "exosomal markers (CD9, CD63 and CD81)" -> each protein ``RO:0002607`` (is marker for)
  the vesicle;
* "X, implicated in / involved in Y", "the role of X in Y", "X act as mediators of Y" ->
  ``biolink:participates_in``.
"""

from __future__ import annotations

import re

from exokg.extract.association_nouns import open_measure
from exokg.extract.base import AGENTS, MIRNAS, NONCODING, Analysed, DocumentState, clauses, \
    coordinated, statement
from exokg.extract.context import HUMAN
from exokg.extract.epistemics import hedged, negated
from exokg.extract.level_markers import VESICLES, holds_marker, population_marker
from exokg.extract.level_words import ASPECT, LEVEL, REGULATED, level_sign
from exokg.extract.levels import extract_levels, in_controls, names_treatment
from exokg.extract.marker_predicates import carried_partner, in_subtype_phrase, \
    is_method_sentence, without_repeats
from exokg.extract.measure_correlations import measure_of_condition, measure_subject
from exokg.extract.marker_titles import marker_titles
from exokg.extract.marker_value import is_apposition_marker, note_found_markers
from exokg.extract.nominal_levels import group_after_list
from exokg.extract.outcome_levels import OUTCOME_GROUP, outcome_levels, study_condition
from exokg.extract.outcome_subjects import outcome_subject_correlations
from exokg.extract.patient_groups import GROUP_CONDITIONS, contrasted_conditions, \
    group_conditions
from exokg.extract.prognostic_markers import prognostic_markers
from exokg.model import Context, Entity, Mention, Statement
from exokg.text.prefilter import Needs

_MARKERS = AGENTS | NONCODING | frozenset({"Protein", "Gene"})
_LEVEL = re.compile(rf"\b(?P<dir>{LEVEL})\s+(?:\w+\s+){{0,2}}?(?P<aspect>{ASPECT}|numbers?)"
                    r"\s+of\s+", re.I)
# "X levels were significantly higher in patients with D (than in controls)"
_LEVEL_IN = re.compile(rf"(?:\b(?P<aspect>{ASPECT})\s+)?\b(?:was|were|is|are)\s+(?:\w+ly\s+)?"
                       rf"(?P<dir>{LEVEL}|{REGULATED})\s+in\s+(?:the\s+)?"
                       r"(?:(?:serum|plasma|blood|CSF|sera)\s+(?:samples\s+)?(?:of|from)\s+)?"
                       r"(?:\w+\s+){0,4}?(?:patients|individuals|subjects|cases|people|"
                       # "in the subacute phase group": a patient group by stage
                       r"(?:phase|stage)\s+groups?)\b", re.I)
# "X in (acute) D patients was significantly upregulated (compared to controls)": the group
# between the marker and the verb
_IN_PATIENTS_LEVEL = re.compile(r"\s*(?:levels?\s+|expression\s+)?(?:in|of|from)\s+(?:the\s+)?"
                                r"(?:[\w-]+\s+){0,5}?(?:patients|individuals|subjects|cases)\s+"
                                rf"(?:was|were)\s+(?:\w+ly\s+)?(?P<dir>{LEVEL}|{REGULATED})\b",
                                re.I)
# title style: "Increased serum exosomal miR-134 expression in the acute ischemic stroke patients"
_LEVEL_TITLE = re.compile(rf"^\W*(?P<dir>{LEVEL})\s+", re.I)
_LEVEL_TITLE_IN = re.compile(r"\bin\s+(?:the\s+)?(?:[\w-]+\s+){0,6}?(?:patients|individuals|"
                             r"subjects|cases)\b|\b(?:is|are|was|were)\s+associated\s+with\s+"
                             r"(?:the\s+)?(?:[\w-]+\s+){0,4}?$|\b(?:is|are|was|were)\s+"
                             r"associated\s+with\b", re.I)
_ASPECT_OF = re.compile(rf"\b(?:{ASPECT}|numbers?)\s+of\s+"
                        r"(?:(?:serum|plasma|circulating|blood|exosomal|urinary|CSF|the)\s+)*$",
                        re.I)
_COMPARISON = re.compile(r"\bcompared\s+(?:to|with)\b|\bthan\b|\bcontrols?\b|\bhealthy\b|"
                         r"\bpatients?\b|\bindividuals\s+with\b|\b(?:phase|stage)\s+groups?\b", re.I)
_MAY_COMPARISON = Needs(_COMPARISON)  # its keyword guard
_CORRELATED = re.compile(r"\b(?:(?P<sign>positively|negatively|inversely|directly|significantly|"
                         r"strongly|strong|weakly|also)\s+)*correlated\s+(?:(?P<sign2>positively|"
                         r"negatively|inversely)\s+)?(?:with|to)\b|\bcorrelations?\s+with\b"
                         r"|\b(?:positively|negatively|inversely)\s+associated\s+with\b",
                         re.I)
_INFORMATIVE = re.compile(r"\b(?:informative|useful|helpful|valuable|reliable|promising|"
                          r"potential|candidate|sensitive|specific)\b[^.;]{0,40}?\b(?:for|in)\s+"
                          r"(?:the\s+)?(?:(?:early|differential|rapid)\s+)?(?:detect\w*|identif\w*|diagnos\w*|predict\w*|"
                          # "may prove useful in evaluating / monitoring D"
                          r"distinguish\w*|prognos\w*|early\s+detection|evaluat\w*|assess\w*|"
                          r"monitor\w*|stratif\w*|screen\w*)"
                          r"|\b(?:potential|candidate|possible)\s+(?:\w+\s+)?(?:factor|tool|"
                          r"indicator|predictor)\s+(?:to|for)\s+(?:discriminat\w*|distinguish\w*|"
                          r"detect\w*|identif\w*|diagnos\w*|predict\w*)"
                          r"|\b(?:bio)?markers?\s+(?:for|of)\b(?!\s+(?:exosomes?|EVs?|vesicles?))"
                          # "X had high diagnostic value for D", "X yielded diagnostic and
                          # prognostic information in patients with D"
                          r"|\b(?:diagnostic|prognostic|predictive)\s+(?:and\s+(?:diagnostic|"
                          r"prognostic|predictive)\s+)?(?:value|accuracy|performance|utility|"
                          r"power|information|significance)\b",
                          re.I)
_TENTATIVE = re.compile(r"(?:potential|promising|candidate|possible)\b", re.I)
_VESICLE_MARKERS = re.compile(r"\b(?P<ves>exosomal|exosomes?|EVs?|vesicles?|vesicular)\s+"
                              r"(?:surface\s+)?(?:protein\s+)?(?:bio)?markers?\b|\bmarkers?\s+of\s+"
                              r"(?P<ves2>exosomes?|EVs?|extracellular\s+vesicles?)", re.I)
_IMPLICATED = re.compile(r"\b(?:implicated|involved|participat\w*)\s+in\b|\bplays?\s+(?:an?\s+)?"
                         r"(?:\w+\s+)?roles?\s+in\b|(?<!-)\bmediat(?:e|es|ed|ing)\b"
                         # "X act as key mediators / regulators of Y"
                         r"|\b(?:acts?|acted|functions?|functioned|serves?|served)\s+as\s+"
                         r"(?:[\w-]+\s+){0,2}?(?:mediators?|regulators?|modulators?)\s+(?:of|in)\b",
                         re.I)
# "the (important) role of X in Y": the part named as a noun, X after it
_ROLE_OF = re.compile(r"\broles?\s+of\s+(?:the\s+)?", re.I)
_ROLE_IN = re.compile(r"\s+(?:in|for)\s+(?:the\s+)?", re.I)
_SAMPLE = frozenset({"AnatomicalEntity"})
_PART_TAKERS = frozenset({"MicroRNA", "MicroRNACluster", "Protein", "Gene", "Vesicle",
                          "ExosomePreparation"})
EXOSOME = "GO:0070062"
EV = "GO:1903561"


_CONTROL_GROUP = re.compile(r"\b(?:controls?|healthy|volunteers?|sham|normal\s+subjects?)\b",
                            re.I)


def _population(a: Analysed, state: DocumentState) -> tuple[str, ...]:
    """The study population: the sentence's group sizes (else the document's), without the
    control groups ('66 healthy controls' is a comparator, not the population)."""
    found = tuple(m.entity.label for m in a.values if m.category == "GroupSize"
                  and not _CONTROL_GROUP.search(m.text))
    return found or tuple(state.population)


def _comparator(a: Analysed, state: DocumentState) -> tuple[str, ...]:
    """The control groups the sentence compares with: their sizes when given ('66 healthy
    controls'), else 'healthy controls' when the sentence names controls."""
    groups = tuple(m.entity.label for m in a.values if m.category == "GroupSize"
                   and _CONTROL_GROUP.search(m.text))
    if groups:
        return groups
    if re.search(r"\bcontrols?\b|\bhealthy\b", a.text, re.I):
        return tuple(state.controls) or ("healthy controls",)
    return ()


def _locations(a: Analysed, start: int, end: int) -> tuple[str, ...]:
    locs = {m.entity.id for m in a.within(start, end, _SAMPLE)}
    if re.search(r"\bexosomal\b", a.text[start:end], re.I):
        locs.add(EXOSOME)
    return tuple(sorted(locs))


def note_population(a: Analysed, state: DocumentState) -> None:
    """Remember a study population ('65 stroke patients and 66 healthy volunteers') and the
    first disease named for patients ('in ischemic stroke patients', 'patients with ICH')."""
    if state.patient_disease is None:
        state.patient_disease = next(
            (m.entity for m in a.mentions if m.category == "Disease" and (
                re.match(r"\s*(?:\([^()]{1,12}\)\s*)?patients\b", a.text[m.end:], re.I)
                or re.search(r"\bpatients\s+(?:with|suffering\s+from)\s+(?:an?\s+|the\s+)?$",
                             a.text[max(0, m.start - 40):m.start], re.I))), None)
    groups = [m for m in a.values if m.category == "GroupSize"]
    if groups and re.search(r"patients|volunteers|controls|participants", a.text, re.I):
        state.population = [m.entity.label for m in groups
                            if not _CONTROL_GROUP.search(m.text)] or state.population
        state.controls = [m.entity.label for m in groups if _CONTROL_GROUP.search(m.text)] \
            or state.controls
        diseases = [m for m in a.mentions if m.category == "Disease"
                    and any(g.start <= m.start < g.end for g in groups)
                    and not re.search(r"\bnon-?\s*$", a.text[max(0, m.start - 5):m.start], re.I)]
        # "65 patients with AIS": the disease right after a patient group
        diseases = [m for m in a.mentions if m.category == "Disease" and any(
            m.start >= g.end and re.fullmatch(r"\s*(?:with|of|suffering\s+from)\s+(?:an?\s+|"
                                              r"the\s+)?", a.text[g.end:m.start], re.I)
            and re.search(r"patients|participants", g.text, re.I)
            for g in groups)] or diseases
        if diseases:
            state.population_disease = diseases[0].entity


#: what a method sentence names without claiming it (:func:`is_method_sentence`)
_METHOD_PREDICATES = frozenset({"biolink:correlated_with", "biolink:positively_correlated_with",
                                "biolink:negatively_correlated_with", "biolink:associated_with"})


def extract_biomarkers(a: Analysed, state: DocumentState) -> list[Statement]:
    note_population(a, state)
    if not any(m.category in _MARKERS for m in a.mentions):
        # the readings before it all need a marker named
        return without_repeats(extract_levels(a, state))
    out: list[Statement] = []
    out += _levels(a, state)
    out += _correlations(a)
    out += _correlation_nouns(a)
    out += _informative(a, state)
    out += _marker_value(a, state)
    out += prognostic_markers(a)
    out += marker_titles(a)
    out += _disease_markers(a)
    out += _identified_as_markers(a, state)
    out += _differential(a, state)
    out += _level_changes(a, state)
    out += _outcome_groups(a)
    # a directed level reading of the same pair ("Increased X is associated with D") says more
    directed = {(x.subject.id, x.object.id) for x in out
                if x.predicate == "biolink:associated_with" and x.direction}
    out += [x for x in _associated(a) if (x.subject.id, x.object.id) not in directed]
    out += _vesicle_markers(a)
    out += _implicated(a)
    out += extract_levels(a, state)
    out = outcome_levels(a, state, out)
    out += outcome_subject_correlations(a, out)
    if is_method_sentence(a.text):  # "The correlations between A and B were analyzed"
        out = [x for x in out if x.predicate not in _METHOD_PREDICATES]
    out = without_repeats(out)  # a chained predicate another rule read is made once
    note_found_markers(a, state, out)
    return out


def _level_title(a: Analysed, state: DocumentState) -> list[Statement]:
    """'Increased X (and Y) in (the) ... D patients' (a title or heading)."""
    m = _LEVEL_TITLE.match(a.text)
    where = _LEVEL_TITLE_IN.search(a.text, m.end()) if m else None
    if not m or not where:
        return []
    if OUTCOME_GROUP.match(a.text, where.end()):
        return []  # "... are Associated with Good Outcome in D": exokg.extract.outcome_levels
    markers = [x for x in a.within(m.end(), where.start(), _MARKERS)
               if x.start - m.end() < 40]
    diseases = a.within(where.start(), len(a.text) if "associated" in where.group().lower()
                        else where.end(), frozenset({"Disease"}))
    if not markers or not diseases:
        return []
    direction = "increased" if level_sign(m.group("dir")) > 0 else "decreased"
    ctx = Context(species=(HUMAN,), location=_locations(a, m.end(), where.start()))
    return [statement(a, "biomarker.level-title", subj.entity, "biolink:associated_with",
                      diseases[0].entity, direction=direction, context=ctx)
            for subj in coordinated(a, markers[0], _MARKERS, backwards=False)]


_VERSUS = re.compile(r"\b(?:compared\s+(?:to|with)|than|relative\s+to|versus|vs\.?)\s", re.I)


def _contrast(a: Analysed, start: int, at: int) -> Entity | None:
    """The condition that tells the group named from ``start`` (a level cue '... higher in
    patients with D1 and D2') apart from the group it is compared with ('compared with
    patients with D1 but no D2' -> D2); None when no comparison group with conditions
    follows in the clause or it changes nothing."""
    clause = next((c for c in clauses(a.text) if c.start <= start < c.end), None)
    versus = _VERSUS.search(a.text, at, clause.end) if clause else None
    if versus is None:
        return None
    case = group_conditions(a, start, versus.start())
    contrasted = contrasted_conditions(a, case, versus.end(), clause.end) if case else []
    return contrasted[0].entity if contrasted and contrasted != case else None


def _levels(a: Analysed, state: DocumentState) -> list[Statement]:
    titled = _level_title(a, state)
    if titled:
        return titled
    if not (_MAY_COMPARISON.may_match(a.text) and _COMPARISON.search(a.text)):
        return []
    diseases = [m for m in a.mentions if m.category == "Disease"]
    disease = state.population_disease or (diseases[0].entity if diseases else None)
    if disease is None:
        return []
    out = []
    stats = tuple(m.entity.label for m in a.values if m.category == "PValue")
    comparator = _comparator(a, state)
    for m in _LEVEL_IN.finditer(a.text):
        before = [x for x in a.within(0, m.start() + 1, _MARKERS) if m.start() - x.end < 30]
        group = re.search(r"\bin\s+(?:the\s+)?(?=\S)", m.group())
        if not before or (group and in_controls(a.text, m.start() + group.end())):
            continue  # "lower in healthy controls than in patients": compared_levels reads it
        if _poor_group_at(a, m.end()):
            continue  # "higher in patients with poor outcome": _outcome_groups reads it
        inside = [x for x in diseases if m.start() <= x.start < m.end()]
        later = [x for x in diseases if x.start >= m.end()]
        found = (inside or later)[0].entity if (inside or later) else disease
        contrast = _contrast(a, m.start(), m.end())
        found = contrast or found
        direction = "increased" if level_sign(m.group("dir")) > 0 else "decreased"
        aspect = (m.group("aspect") or "level").lower().rstrip("s")
        ctx = Context(species=(HUMAN,), population=_population(a, state), statistics=stats,
                      location=_locations(a, 0, m.start()), comparator=comparator)
        last = max(before, key=lambda x: x.end)
        # "the concentration of X and the median levels of Y were higher in patients"
        listed = [x for x in a.within(0, m.start(), _MARKERS)
                  if _ASPECT_OF.search(a.text[max(0, x.start - 60):x.start])
                  and x.entity.id not in {y.entity.id for y in before}]
        for subj in listed + coordinated(a, last, _MARKERS, backwards=True):
            out.append(statement(a, "biomarker.level-in", subj.entity, "biolink:associated_with",
                                 found, direction=direction, aspect=aspect,
                                 negated=negated(a.text, 0, m.start()),
                                 hedged=hedged(a.text, 0, m.start()), context=ctx))
    for marker in a.within(0, len(a.text), _MARKERS):
        m = _IN_PATIENTS_LEVEL.match(a.text, marker.end)
        if not m or any(x is not marker and marker.end <= x.start < m.end()
                        for x in a.within(marker.end, m.end(), _MARKERS)):
            continue
        inside = [x for x in diseases if m.start() <= x.start < m.end()]
        found = inside[0].entity if inside else disease
        direction = "increased" if level_sign(m.group("dir")) > 0 else "decreased"
        ctx = Context(species=(HUMAN,), population=_population(a, state), statistics=stats,
                      location=_locations(a, 0, marker.end), comparator=comparator)
        for subj in coordinated(a, marker, _MARKERS, backwards=True):
            out.append(statement(a, "biomarker.level-in", subj.entity, "biolink:associated_with",
                                 found, direction=direction, aspect="level",
                                 negated=negated(a.text, 0, m.end()),
                                 hedged=hedged(a.text, 0, m.end()), context=ctx))
    for m in _LEVEL.finditer(a.text):
        after = [x for x in a.mentions if x.start >= m.end() and x.category in _MARKERS
                 and x.start - m.end() < 25]
        # "patients had higher levels of EVs derived from endothelial cells": the body's
        # vesicles measured, no treatment
        measured = tuple(x for x in after if x.category in VESICLES and population_marker(x))
        if not after or names_treatment(a, 0, len(a.text), measured):
            continue  # "treated rats showed lower levels of X": an effect of the treatment
        first = min(after, key=lambda x: x.start)
        if first.category in _MOLECULAR and group_after_list(a, first):
            continue  # "higher levels of X, but not Y, in those with D": nominal_levels
        direction = "increased" if level_sign(m.group("dir")) > 0 else "decreased"
        end = min([x.start() for x in _LEVEL.finditer(a.text, m.end())] + [len(a.text)])
        ctx = Context(species=(HUMAN,), population=_population(a, state), statistics=stats,
                      location=_locations(a, m.start(), end), comparator=_comparator(a, state))
        aspect = m.group("aspect").lower().rstrip("s") if m.group("aspect").lower() != \
            "levels" else "level"
        for subj in coordinated(a, first, _MARKERS, backwards=False):
            out.append(statement(a, "biomarker.level", subj.entity, "biolink:associated_with",
                                 disease, direction=direction, aspect=aspect,
                                 negated=negated(a.text, 0, m.start()),
                                 hedged=hedged(a.text, 0, m.start()), context=ctx))
    return out


# "Extracellular Vesicle Proteins and MicroRNAs as Biomarkers", "EV-derived miRNAs as
# predictors": the vesicles name where the molecules are, the molecules are the markers
_VESICLE_MODIFIER = re.compile(r"(?:\s*-\s*|\s+)(?:(?:derived|associated|enclosed|borne)\s+)?"
                               r"(?:proteins?|micro-?RNAs?|miRNAs?|RNAs?|cargos?|contents?|"
                               r"lipids?|DNA)\b", re.I)


def _is_marker(a: Analysed, m: Mention) -> bool:
    """False for a vesicle mention that only says where the named molecules are ('EV
    proteins', 'IL-6 in CSF small EVs': the cargo is the marker)."""
    return not (m.category in ("Vesicle", "ExosomePreparation")
                and (_VESICLE_MODIFIER.match(a.text, m.end) or holds_marker(a, m)))


def _subjects_before(a: Analysed, start: int, at: int) -> list[Mention]:
    pool = [m for m in a.within(start, at, _MARKERS) if _is_marker(a, m)]
    if not pool:
        return []
    last = max(pool, key=lambda m: m.end)
    # "Exosomes, endosomal-derived nano-sized extracellular vesicles, play a role in X": the
    # agent inside the apposition describes the one before it
    head = [m for m in pool if m.end <= last.start and re.fullmatch(
        r",\s*[^,;()]*", a.text[m.end:last.start]) and re.match(r"[^,;]*,", a.text[last.end:at])]
    if head:
        last = head[-1]
    group = coordinated(a, last, _MARKERS, backwards=True)
    # "Circulating EMVs and their carried miR-X: potential biomarkers": both are the markers
    carrier = carried_partner(a, min(group, key=lambda m: m.start))
    return [carrier, *group] if carrier is not None else group


_NEEDS_CORRELATIONS = Needs(_CORRELATED)
_IN_SETTING = re.compile(r"\b(?:in|among)\s+(?:the\s+)?$", re.I)
# a correlation coefficient in brackets right after a partner: "(rs = -0.38, p = 0.04)"
_COEFFICIENT = re.compile(r"[^(),;]{0,25}\(\s*(?:r|rs|r_s|rho|\u03c1|R|\u03c4)\s*=\s*"
                          r"(?P<neg>[-\u2212\u2013]\s*)?0?[.,]?\d")


def _coefficient_sign(a: Analysed, end: int, pred: str) -> str:
    """``pred``, or for an unsigned correlation the sign of the coefficient written right
    after the partner ending at ``end``."""
    coefficient = _COEFFICIENT.match(a.text, end) if pred == "biolink:correlated_with" \
        else None
    if coefficient is None:
        return pred
    return "biolink:negatively_correlated_with" if coefficient.group("neg") \
        else "biolink:positively_correlated_with"


def _correlations(a: Analysed) -> list[Statement]:
    if not _NEEDS_CORRELATIONS.may_match(a.text):
        return []
    out = []
    found = list(_CORRELATED.finditer(a.text))
    subjects: list[Mention] = []
    for i, m in enumerate(found):
        if measure_subject(a, m.start()) is not None:
            subjects = []  # "The number of D correlated with X": measure_correlations
            continue
        subjects = _subjects_before(a, 0, m.start()) or subjects
        stop = found[i + 1].start() if i + 1 < len(found) else len(a.text)
        # "..., with X also relating to Y": the correlation's partners end there
        aside = re.compile(r",\s+(?:with|while|whereas)\b").search(a.text, m.end(), stop)
        stop = aside.start() if aside else stop
        objects = [x for x in a.within(m.end(), stop)
                   if x.category in ("AssessmentScale", "Outcome", "Protein", "Disease",
                                     "Phenotype", "BiologicalProcess", "Gene")
                   and not (x.category == "Disease" and re.match(
                       r"\s*(?:patients|participants|subjects|cases)\b", a.text[x.end:]))
                   # "with PTSD symptoms in mTBI": the setting, no partner
                   and not (x.category == "Disease" and _IN_SETTING.search(
                       a.text, max(0, x.start - 12), x.start))]
        sign = ((m.group("sign") or "") + " " + (m.group("sign2") or "")).lower()
        whole = m.group().lower()
        if "positively" in whole or "positively" in sign or "directly" in whole:
            pred = "biolink:positively_correlated_with"
        elif "negatively" in whole or "inversely" in whole:
            pred = "biolink:negatively_correlated_with"
        else:
            pred = "biolink:correlated_with"
        ctx = Context(species=(HUMAN,), location=_locations(a, 0, m.start()),
                      statistics=tuple(v.entity.label for v in a.values
                                       if v.category == "PValue"))
        for obj in objects:
            aspect = None
            pre = a.text[max(m.end(), obj.start - 40):obj.start]
            asp = re.search(r"\b(volume|concentration|level|score|size)s?\s+of\s+(?:the\s+)?"
                            r"(?:\w+\s+){0,2}$", pre, re.I)
            if asp:
                aspect = asp.group(1).lower()
            # "with the number of prior concussions": the count, not the condition
            partner = measure_of_condition(a, obj) if obj.category in ("Disease", "Phenotype") \
                else None
            for subj in subjects:
                if subj.entity.id == obj.entity.id:
                    continue
                out.append(statement(a, "biomarker.correlation", subj.entity,
                                     _coefficient_sign(a, obj.end, pred),
                                     partner or obj.entity,
                                     aspect=aspect, negated=negated(a.text, 0, m.start()),
                                     hedged=hedged(a.text, 0, m.start()), context=ctx))
    return out


# "a positive correlation between X and Y", "X and Y showed a negative correlation": the two
# partners named around the noun
_CORRELATION_NOUN = re.compile(r"\b(?P<signs>(?:(?:positive|negative|inverse|significant|"
                               r"strong|moderate|weak|close|linear)\s+(?:and\s+)?)*)"
                               r"correlations?\s+(?:between|of)\s+", re.I)
_PARTNER_LINK = re.compile(r"\s+(?:and|with)\s+(?:the\s+|a\s+)?", re.I)
_PARTNERS = frozenset({"AssessmentScale", "Outcome", "Protein", "Phenotype", "BiologicalProcess",
                       "Gene"})


_NEEDS_CORRELATION_NOUNS = Needs(_CORRELATION_NOUN)


def _correlation_nouns(a: Analysed) -> list[Statement]:
    """'a positive correlation between X and Y' (or 'of X with Y'): X correlated with Y, the
    sign from the adjective (plain ``correlated_with`` without one). Only a marker (miRNA,
    protein, preparation ...) is taken as X and only a measure (scale, outcome, protein,
    phenotype, process) as Y, both within the clause."""
    if not _NEEDS_CORRELATION_NOUNS.may_match(a.text):
        return []
    out = []
    for clause in clauses(a.text):
        for m in _CORRELATION_NOUN.finditer(a.text, clause.start, clause.end):
            link = _PARTNER_LINK.search(a.text, m.end(), clause.end)
            if not link:
                continue
            firsts = [x for x in a.within(m.end(), link.start(), _MARKERS)]
            seconds = [x for x in a.within(link.end(), clause.end, _PARTNERS)
                       if x.start - link.end() < 40]
            # "correlations of X with severity": an open measure when no term is named
            measure = None if seconds or not firsts else open_measure(a, link.end(),
                                                                      clause.end)
            if not firsts or not seconds and measure is None:
                continue
            signs = m.group("signs").lower()
            if "positive" in signs:
                pred = "biolink:positively_correlated_with"
            elif "negative" in signs or "inverse" in signs:
                pred = "biolink:negatively_correlated_with"
            else:
                pred = "biolink:correlated_with"
            ctx = Context(species=(HUMAN,), location=_locations(a, m.end(), link.start()),
                          statistics=tuple(v.entity.label for v in a.values
                                           if v.category == "PValue"))
            obj = seconds[0].entity if seconds else measure
            for subj in coordinated(a, firsts[0], _MARKERS, backwards=False):
                if subj.entity.id == obj.id:
                    continue
                out.append(statement(a, "biomarker.correlation-noun", subj.entity, pred,
                                     obj, negated=negated(a.text, clause.start, m.end()),
                                     hedged=hedged(a.text, clause.start, m.start()),
                                     context=ctx))
    return out


# "X distinguished AIS patients from healthy controls", "X discriminated between patients with
# D and controls": X tells the disease apart, so it is a marker for it
_DISTINGUISH = re.compile(r"\b(?:distinguish(?:es|ed|ing)?|(?:discriminat|differentiat)"
                          r"(?:e|es|ed|ing))\s+"
                          r"(?:\w+ly\s+)?(?:between\s+)?", re.I)
_FROM_OTHERS = re.compile(r"\s+(?:from|and|vs\.?|versus)\s+(?:the\s+)?(?:\w+\s+){0,3}?"
                          r"(?:controls?|volunteers|individuals|subjects|patients|cases|"
                          r"mimics)\b", re.I)
# "X predicted poor functional outcome", "X was an independent predictor of mortality": a
# prognostic marker of the patients' disease
_PREDICTS = re.compile(r"\b(?:(?<!was\s)(?<!were\s)(?<!be\s)predict(?:s|ed|ing)?|"
                       r"predictors?\s+(?:of|for))\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
                       r"(?:outcomes?|recovery|prognosis|mortality|death|survival|recurrence|"
                       r"disability|deterioration|dependence)\b", re.I)


# "distinguished (healthy) controls from patients with D": the controls named first
_CONTROLS_FIRST = re.compile(r"(?:the\s+)?(?:healthy\s+|matched\s+|normal\s+|uninjured\s+)?"
                             r"(?:controls?|control\s+(?:subjects|participants|individuals)|"
                             r"volunteers)\s+(?:from|and)\s+", re.I)
# "discriminated between the groups", "distinguished the two groups": the study's groups
_STUDY_GROUPS = re.compile(r"(?:the|both|these|our)\s+(?:two\s+|three\s+)?(?:study\s+|patient\s+)?"
                           r"groups\b", re.I)
# "X discriminated ICH from ischemic stroke": the other group is another disease
_FROM = re.compile(r"\s+(?:from|versus|vs\.?)\s+(?:the\s+)?(?:(?:those|patients|cases)\s+with\s+)?"
                   r"(?:an?\s+)?", re.I)


def _from_disease(a: Analysed, start: int, end: int) -> re.Match[str] | None:
    """The 'from D2' of 'X discriminated D1 from D2' (a disease named right after 'from')
    in ``a.text[start:end]``, or None."""
    for m in _FROM.finditer(a.text, start, end):
        if any(d.start == m.end() for d in a.within(m.end(), end, frozenset({"Disease"}))):
            return m
    return None


_NEEDS_MARKER_VALUE = Needs(_DISTINGUISH, _PREDICTS)


def _marker_value(a: Analysed, state: DocumentState) -> list[Statement]:
    """Biomarker wording of patient studies: 'X distinguished D patients from controls' ->
    X ``biomarker_for`` D (the disease named after the verb); 'X predicted poor outcome' ->
    X ``biomarker_for`` the disease of the patients (named in the clause, else the study
    population's). Only in sentences about patients or a patient study; subjects are the
    markers before the verb in the same clause."""
    if not _NEEDS_MARKER_VALUE.may_match(a.text):
        return []
    out = []
    for clause in clauses(a.text):
        for m in _DISTINGUISH.finditer(a.text, clause.start, clause.end):
            first = _CONTROLS_FIRST.match(a.text, m.end())
            if first:  # "could distinguish controls from moderate or severe TBI"
                diseases = a.within(first.end(), clause.end, frozenset({"Disease"}))
                subjects = _subjects_before(a, clause.start, m.start())
                if diseases and subjects:
                    out += _marker_statements(a, "biomarker.distinguishes", subjects,
                                              diseases[0].entity, clause.start, m.start())
                continue
            others = _FROM_OTHERS.search(a.text, m.end(), clause.end) or _from_disease(
                a, m.end(), clause.end)
            if not others and _STUDY_GROUPS.match(a.text, m.end()):
                # "X discriminated between the groups (with 85% sensitivity)": the study's
                # patients from its controls, so X is a marker of the patients' condition
                disease = study_condition(state)
                subjects = _subjects_before(a, clause.start, m.start())
                if disease is not None and subjects:
                    out += _marker_statements(a, "biomarker.distinguishes", subjects,
                                              disease, clause.start, m.start())
                continue
            if not others:
                continue
            diseases = a.within(m.end(), others.start() + 1, frozenset({"Disease"}))
            subjects = _subjects_before(a, clause.start, m.start())
            if diseases and subjects:
                out += _marker_statements(a, "biomarker.distinguishes", subjects,
                                          diseases[0].entity, clause.start, m.start())
        for m in _PREDICTS.finditer(a.text, clause.start, clause.end):
            if state.population_disease is None and not re.search(
                    r"\bpatients?\b", a.text, re.I):
                continue
            named = a.within(clause.start, clause.end, frozenset({"Disease"}))
            disease = named[0].entity if named else state.population_disease
            subjects = _subjects_before(a, clause.start, m.start())
            if disease is not None and subjects:
                out += _marker_statements(a, "biomarker.predicts", subjects, disease,
                                          clause.start, m.start())
    return out


def _marker_statements(a: Analysed, rule: str, subjects: list[Mention], disease: Entity,
                       start: int, at: int) -> list[Statement]:
    ctx = Context(species=(HUMAN,), location=_locations(a, start, at),
                  statistics=tuple(v.entity.label for v in a.values if v.category == "PValue"))
    return [statement(a, rule, subj.entity, "biolink:biomarker_for", disease,
                      hedged=hedged(a.text, start, at), negated=negated(a.text, start, at),
                      context=ctx)
            for subj in subjects]


# "X in patients with poor outcome was higher (than in those with good outcome)",
# "patients with poor outcome had lower X levels": X correlates with the poor outcome
_POOR_GROUP = re.compile(r"\b(?:patients|individuals|subjects|cases|those|groups?)\s+with\s+"
                         r"(?:an?\s+)?$", re.I)
_GROUP_WAS = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:was|were)\s+(?:\w+ly\s+)?"
                        rf"(?P<dir>{LEVEL}|{REGULATED})\b", re.I)
_GROUP_HAD = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:had|showed|displayed|exhibited|presented)\s+"
                        rf"(?:\w+ly\s+)?(?P<dir>{LEVEL})\s+", re.I)
_POOR = "exokg:phenotype/poor-prognosis"


# "(X was higher) in patients with poor outcome", "in those who had an unfavourable outcome"
_WITH_OUTCOME_GROUP = re.compile(r"\s*(?:with|who\s+had|having)\s+(?:an?\s+|the\s+)?", re.I)
# "X levels were (significantly) higher in patients with poor outcome": the comparative first
_WAS_IN_GROUP = re.compile(rf"\b(?:was|were)\s+(?:\w+ly\s+)?(?P<dir>{LEVEL}|{REGULATED})\s+"
                           r"in\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:patients|individuals|"
                           r"subjects|cases|those|participants)\s+(?:with|who\s+had|having)\s+"
                           r"(?:an?\s+|the\s+)?$", re.I)


def _poor_group_at(a: Analysed, at: int) -> Mention | None:
    """The poor-prognosis mention naming the patient group that starts at ``at`` ('... with
    poor outcome'), if any."""
    m = _WITH_OUTCOME_GROUP.match(a.text, at)
    if not m:
        return None
    return next((x for x in a.mentions if x.entity.id == _POOR and x.start == m.end()), None)


_NEEDS_OUTCOME_GROUPS = Needs(_POOR_GROUP)


def _outcome_groups(a: Analysed) -> list[Statement]:
    """Levels compared between outcome groups of patients: X higher in the poor-outcome
    group -> X ``positively_correlated_with`` poor prognosis (lower -> negatively). The
    marker is named before the group ('X expression in patients with poor outcome was
    higher') or right after the comparative ('patients with poor outcome had lower X')."""
    if not _NEEDS_OUTCOME_GROUPS.may_match(a.text):
        return []
    out = []
    for clause in clauses(a.text):
        for poor in a.within(clause.start, clause.end, frozenset({"Phenotype"})):
            if poor.entity.id != _POOR or not _POOR_GROUP.search(
                    a.text, max(clause.start, poor.start - 40), poor.start):
                continue
            was = _GROUP_WAS.match(a.text, poor.end, clause.end)
            had = None if was else _GROUP_HAD.match(a.text, poor.end, clause.end)
            first = None if was or had else _WAS_IN_GROUP.search(
                a.text, max(clause.start, poor.start - 80), poor.start)
            if first:
                # "X levels were higher in patients with poor outcome (than in those with
                # good outcome)": the marker before the comparative
                near = [x for x in a.within(clause.start, first.start(), _MARKERS)
                        if first.start() - x.end < 40 and x.entity.id != _POOR]
                subjects = coordinated(a, max(near, key=lambda x: x.end), _MARKERS,
                                       backwards=True) if near else []
                at = first
            elif was:
                near = [x for x in a.within(clause.start, poor.start, _MARKERS)
                        if poor.start - x.end < 80 and x.entity.id != _POOR]
                subjects = coordinated(a, max(near, key=lambda x: x.end), _MARKERS,
                                       backwards=True) if near else []
                at = was
            elif had:
                near = [x for x in a.within(had.end(), clause.end, _MARKERS)
                        if x.start - had.end() < 50]
                subjects = coordinated(a, near[0], _MARKERS, backwards=False) if near else []
                at = had
            else:
                continue
            up = level_sign(at.group("dir")) > 0
            pred = ("biolink:positively_correlated_with" if up
                    else "biolink:negatively_correlated_with")
            ctx = Context(species=(HUMAN,), location=_locations(a, clause.start, clause.end),
                          statistics=tuple(v.entity.label for v in a.values
                                           if v.category == "PValue"))
            for subj in subjects:
                out.append(statement(a, "biomarker.outcome-group", subj.entity, pred,
                                     poor.entity, negated=negated(a.text, clause.start,
                                                                  at.end()),
                                     hedged=hedged(a.text, clause.start, at.start()),
                                     context=ctx))
    return out


# "X levels were closely associated with the severity and prognosis of D": X is associated
# with D (no direction stated)
_ASSOCIATED = re.compile(r"(?<!positively\s)(?<!negatively\s)(?<!inversely\s)\b(?:is|are|was|"
                         r"were)\s+(?:\w+ly\s+)?associated\s+with\s+(?:the\s+|an?\s+)?"
                         r"(?:(?:increased\s+|higher\s+)?(?:severity|risk|prognosis|occurrence|"
                         r"onset|development|progression|presence)\s+(?:and\s+\w+\s+)?of\s+"
                         r"(?:the\s+)?)?", re.I)
_MOLECULAR = frozenset({"MicroRNA", "MicroRNACluster", "Protein", "Gene"}) | NONCODING


_NEEDS_ASSOCIATED = Needs(_ASSOCIATED)
# "The target genes of miR-X", "the functions of host genes of circRNAs" ... were associated
# with D: what is associated is what the marker owns, not the marker
_OWNED_BY = re.compile(r"\b(?:functions?|targets?|(?:host|target)\s+genes?)\s+of\s+"
                       r"(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.I)


def _associated(a: Analysed) -> list[Statement]:
    """'X (levels) were associated with (the severity of) D' for a molecular marker X and a
    disease named right after: X ``associated_with`` D without a direction."""
    if not _NEEDS_ASSOCIATED.may_match(a.text):
        return []
    out = []
    for clause in clauses(a.text):
        for m in _ASSOCIATED.finditer(a.text, clause.start, clause.end):
            diseases = [x for x in a.within(m.end(), clause.end, frozenset({"Disease"}))
                        if x.start - m.end() < 25 and not in_subtype_phrase(a, x)]
            subjects = [x for x in _subjects_before(a, clause.start, m.start())
                        if x.category in _MOLECULAR
                        and not _OWNED_BY.search(a.text, clause.start, x.start)]
            if OUTCOME_GROUP.match(a.text, m.end()):
                # "X was associated with good outcome in D": the outcome is the finding and D
                # its setting (exokg.extract.outcome_levels); a miRNA keeps the association
                # with D, the miRNA-disease relation the relation corpora annotate
                subjects = [x for x in subjects if x.category in MIRNAS]
            if not diseases or not subjects:
                continue
            ctx = Context(species=(HUMAN,), location=_locations(a, clause.start, m.start()))
            for subj in subjects:
                out.append(statement(a, "biomarker.associated", subj.entity,
                                     "biolink:associated_with", diseases[0].entity,
                                     negated=negated(a.text, clause.start, m.end()),
                                     hedged=hedged(a.text, clause.start, m.start()),
                                     context=ctx))
    return out


# "X is a promising stroke biomarker", "X and Y as candidate TBI biomarkers": the disease
# named before the noun, the marker before a copula or "as"
_DISEASE_MARKER = re.compile(r"\s*(?:\([^()]{1,12}\)\s*)?(?:bio)?markers?\b", re.I)
_IS_A = re.compile(r"\s+(?:is|are|was|were|as|could\s+be|may\s+be|might\s+be|represents?|"
                   r"serves?\s+as|could\s+serve\s+as|may\s+serve\s+as)\s+(?:an?\s+|the\s+)?"
                   r"(?:[\w-]+\s+){0,3}$", re.I)


_NEEDS_DISEASE_MARKERS = Needs(_DISEASE_MARKER)


def _disease_markers(a: Analysed) -> list[Statement]:
    """'X is a promising D biomarker' -> X ``biomarker_for`` D (the disease as a modifier of
    'biomarker'; the marker joined to it by a copula or 'as' in the same clause)."""
    if not _NEEDS_DISEASE_MARKERS.may_match(a.text):
        return []
    out = []
    for clause in clauses(a.text):
        for d in a.within(clause.start, clause.end, frozenset({"Disease"})):
            if not _DISEASE_MARKER.match(a.text, d.end):
                continue
            pool = [x for x in a.within(clause.start, d.start, _MARKERS) if _is_marker(a, x)]
            if not pool:
                continue
            last = max(pool, key=lambda x: x.end)
            if not _IS_A.fullmatch(a.text[last.end:d.start]):
                continue
            ctx = Context(species=(HUMAN,), location=_locations(a, clause.start, d.start))
            for subj in coordinated(a, last, _MARKERS, backwards=True):
                out.append(statement(a, "biomarker.informative", subj.entity,
                                     "biolink:biomarker_for", d.entity,
                                     hedged=hedged(a.text, clause.start, d.start),
                                     negated=negated(a.text, clause.start, d.start),
                                     context=ctx))
    return out


# "we identified serum miR-9 and neutrophil miR-29b as the most promising biomarkers,
# followed by serum miR-124": markers named as such, for the disease the study is about
_IDENTIFIED_AS = re.compile(r"\b(?:identified|proposed|considered|regarded|selected|"
                            r"recogni[sz]ed)\s+(?P<markers>[^;:]{1,80}?)\s+as\s+(?:an?\s+|the\s+)?"
                            r"(?:(?:most|more|best|new|novel|promising|potential|candidate|"
                            r"reliable|useful|key)\s+){0,3}(?:bio)?markers?\b", re.I)
_FOLLOWED_BY = re.compile(r"[^;:]*?,\s*followed\s+by\s+", re.I)


_NEEDS_IDENTIFIED_AS_MARKERS = Needs(_IDENTIFIED_AS)


def _identified_as_markers(a: Analysed, state: DocumentState) -> list[Statement]:
    """'X (and Y) were identified as (the most promising) biomarkers(, followed by Z)' in a
    sentence naming no disease after the noun: X, Y (and Z, ranked next) ``biomarker_for``
    the disease of the study's patients (:attr:`DocumentState.population_disease`, else the
    first disease the document names for patients)."""
    if not _NEEDS_IDENTIFIED_AS_MARKERS.may_match(a.text):
        return []
    out = []
    for m in _IDENTIFIED_AS.finditer(a.text):
        named = [d for d in a.within(m.end(), len(a.text), frozenset({"Disease"}))
                 if d.start - m.end() < 30]
        disease = named[0].entity if named else \
            state.population_disease or state.patient_disease
        if disease is None:
            continue
        subjects = [x for x in a.within(m.start("markers"), m.end("markers"), _MARKERS)
                    if _is_marker(a, x)]
        if not subjects:
            continue
        subjects = coordinated(a, subjects[0], _MARKERS, backwards=False)
        after = _FOLLOWED_BY.match(a.text, m.end())
        if after:
            nxt = [x for x in a.within(after.end(), len(a.text), _MARKERS)
                   if re.fullmatch(r"(?:\w+\s+){0,2}", a.text[after.end():x.start])]
            if nxt:
                subjects += coordinated(a, nxt[0], _MARKERS, backwards=False)
        out += _marker_statements(a, "biomarker.identified", subjects, disease, 0, m.end())
    return out


# "six exosomal miRNAs were differentially expressed in patients with aSAH versus controls and
# the levels of four miRNAs (miR-A, miR-B ...) were differentially significant"
_DIFFERENTIAL = re.compile(r"\bdifferentially\s+(?:expressed|significant|abundant|regulated)\b",
                           re.I)


_NEEDS_DIFFERENTIAL = Needs(_DIFFERENTIAL)


def _differential(a: Analysed, state: DocumentState) -> list[Statement]:
    """miRNAs named as differentially expressed in a study of patients: each
    ``biolink:associated_with`` the disease (named in the sentence after "in patients with",
    else the disease of the study's patients), without a direction. The miRNAs are those
    listed in the clause of the cue (before it, or in brackets right after it)."""
    if not _NEEDS_DIFFERENTIAL.may_match(a.text):
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        for m in _DIFFERENTIAL.finditer(a.text, clause.start, clause.end):
            mirnas = a.within(clause.start, clause.end, MIRNAS)
            if not mirnas:
                continue
            named = [d for d in a.within(0, len(a.text), frozenset({"Disease"}))
                     if re.search(r"\b(?:patients|subjects|cases)\s+(?:with|of)\s+$",
                                  a.text[max(0, d.start - 30):d.start], re.I)]
            disease = named[0].entity if named else \
                state.population_disease or state.patient_disease
            if disease is None:
                continue
            ctx = Context(species=(HUMAN,), location=_locations(a, clause.start, clause.end))
            out += [statement(a, "biomarker.differential", x.entity, "biolink:associated_with",
                              disease, hedged=hedged(a.text, clause.start, m.start()),
                              negated=negated(a.text, clause.start, m.start()), context=ctx)
                    for x in mirnas]
            break
    return out


# "X levels showed a transient reduction at 3 h after D": a level that changes with the
# disease, stated as a noun
_SHOWED_CHANGE = re.compile(r"\b(?:showed|displayed|exhibited|underwent|had)\s+(?:an?\s+)?"
                            r"(?:[\w-]+\s+){0,2}?(?P<dir>reduction|decrease|decline|drop|fall|"
                            r"increase|elevation|rise|upregulation|up-regulation|"
                            r"downregulation|down-regulation)s?\b", re.I)
_AFTER_DISEASE = re.compile(r"\b(?:after|following|post-?|in|during)\s+(?:both\s+)?"
                            r"(?:the\s+|an?\s+)?(?:onset\s+of\s+)?$", re.I)


_NEEDS_LEVEL_CHANGES = Needs(_SHOWED_CHANGE)


def _level_changes(a: Analysed, state: DocumentState) -> list[Statement]:
    """'X (levels) showed a (transient) reduction (at 3 h) after D' for a molecular marker X
    in a sentence that names no treatment -> X ``associated_with`` D with the direction; with
    no disease after the cue ('A and B showed distinctive upregulations in qPCR') the study's
    patients' disease, in a patient study that gives no treatment."""
    if not _NEEDS_LEVEL_CHANGES.may_match(a.text):
        return []
    out = []
    if a.within(0, len(a.text), AGENTS - NONCODING - {"MicroRNA", "MicroRNACluster"}):
        return out  # a treated group: an effect, for the effect rules
    for clause in clauses(a.text):
        for m in _SHOWED_CHANGE.finditer(a.text, clause.start, clause.end):
            near = [x for x in a.within(clause.start, m.start(), _MOLECULAR)
                    if m.start() - x.end < 30]
            diseases = [d for d in a.within(m.end(), clause.end, frozenset({"Disease"}))
                        if d.start - m.end() < 40
                        and _AFTER_DISEASE.search(a.text, m.end(), d.start)]
            # the figures in brackets after the cue ("[A: 9.5 fold in D group ...]") are data
            stated = a.text.find("[", m.end(), clause.end)
            stated = clause.end if stated < 0 else stated
            patients = state.population_disease or state.patient_disease
            if near and not diseases and patients is not None and state.treatment is None \
                    and not a.within(m.end(), stated, frozenset({"Disease"})):
                diseases = [Mention(patients, m.start(), m.end(), m.group())]
            if not near or not diseases:
                continue
            word = m.group("dir").lower()
            up = word.startswith(("increase", "elevation", "rise", "up"))
            ctx = Context(location=_locations(a, clause.start, m.start()))
            for subj in coordinated(a, max(near, key=lambda x: x.end), _MOLECULAR,
                                    backwards=True):
                out.append(statement(a, "biomarker.level-change", subj.entity,
                                     "biolink:associated_with", diseases[0].entity,
                                     direction="increased" if up else "decreased",
                                     aspect="level", context=ctx,
                                     negated=negated(a.text, clause.start, m.end()),
                                     hedged=hedged(a.text, clause.start, m.start())))
    return out


_NEEDS_INFORMATIVE = Needs(_INFORMATIVE)


def _informative(a: Analysed, state: DocumentState) -> list[Statement]:
    if not _NEEDS_INFORMATIVE.may_match(a.text):
        return []
    out = []
    for clause in clauses(a.text):
        for m in _INFORMATIVE.finditer(a.text, clause.start, clause.end):
            if is_apposition_marker(a.text, m.start()):
                continue  # "X, a marker of axonal damage, ...": marker_value.appositive_markers
            subjects = _subjects_before(a, clause.start, m.start())
            # "useful in evaluating CI", "biomarkers of cognitive impairment": a condition
            # (a phenotype too) right after the cue, else the first disease after it
            diseases = [x for x in a.within(m.end(), clause.end, GROUP_CONDITIONS)
                        if all(y.category in _MOLECULAR for y in subjects)
                        and re.fullmatch(r"\s*(?:(?:the|an?|of|early|chronic|acute|mild|"
                                        r"severe)\s+)*", a.text[m.end():x.start], re.I)] \
                or [x for x in a.within(m.end(), clause.end, frozenset({"Disease"}))]
            if not subjects or not diseases:
                continue
            ctx = Context(species=(HUMAN,), location=_locations(a, clause.start, m.start()))
            # "biomarkers for both HS and IS": each disease coordinated with the first
            both = _BOTH.fullmatch(a.text, m.end(), diseases[0].start)
            targets = coordinated(a, diseases[0], frozenset({"Disease"}), backwards=False) \
                if both else diseases[:1]
            for subj, disease in ((x, d) for x in subjects for d in targets):
                out.append(statement(a, "biomarker.informative", subj.entity,
                                     "biolink:biomarker_for", disease.entity,
                                     # "the potential of X in identifying biomarkers for D"
                                     hedged=hedged(a.text, 0, m.start()) or bool(
                                         _TENTATIVE.search(a.text, clause.start, m.end())),
                                     negated=negated(a.text, clause.start, m.start()),
                                     context=ctx))
            break
    return out


_BOTH = re.compile(r"\s*both\s+", re.I)


_NEEDS_VESICLE_MARKERS = Needs(_VESICLE_MARKERS)
# a marker a measurement is divided by: "normalized to / against the exosomal marker CD63",
# "expressed relative to the EV marker TSG101"
_NORMALISED_TO = re.compile(r"\b(?:normali[sz](?:ed|ing|ation)|relative)\s+(?:to|against|by|"
                            r"with)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?$", re.I)


def _vesicle_markers(a: Analysed) -> list[Statement]:
    if not _NEEDS_VESICLE_MARKERS.may_match(a.text):
        return []
    out = []
    for m in _VESICLE_MARKERS.finditer(a.text):
        if _NORMALISED_TO.search(a.text, max(0, m.start() - 40), m.start()):
            continue  # "normalised to the exosome marker CD81": a method, no claim
        word = (m.group("ves") or m.group("ves2") or "").lower()
        vesicle_id = EXOSOME if word.startswith("exosom") else EV
        vesicle = next((x.entity for x in a.mentions if x.entity.id == vesicle_id), None) or \
            Entity(vesicle_id, "exosome" if vesicle_id == EXOSOME else "extracellular vesicle",
                   "Vesicle")
        window_end = a.text.find(")", m.end())
        window_end = window_end if 0 <= window_end - m.end() < 80 else min(len(a.text),
                                                                           m.end() + 80)
        for p in a.within(m.end(), window_end + 1, frozenset({"Protein", "Gene"})):
            out.append(statement(a, "biomarker.vesicle-marker", p.entity, "RO:0002607",
                                 vesicle))
    return out


_NEEDS_IMPLICATED = Needs(_ROLE_OF, _IMPLICATED)


def _implicated(a: Analysed) -> list[Statement]:
    """'X, implicated in / involved in / mediating Y', 'X act as mediators of Y', 'the role
    of X in Y' -> X ``participates_in`` Y ('the X-mediated reduction of Y' is an effect of X,
    read by the effect rules, not a part)."""
    if not _NEEDS_IMPLICATED.may_match(a.text):
        return []
    out = []
    for m in _ROLE_OF.finditer(a.text):
        link = _ROLE_IN.search(a.text, m.end(), min(len(a.text), m.end() + 80))
        if not link:
            continue
        subjects = [s for s in a.within(m.end(), link.start(), _MARKERS)
                    if s.category in _PART_TAKERS]
        processes = [p for p in a.within(link.end(), min(len(a.text), link.end() + 40),
                                         frozenset({"BiologicalProcess"}))]
        if subjects and processes and not a.text[subjects[-1].end:link.start()].strip(" ,"):
            for subj in coordinated(a, subjects[0], _MARKERS, backwards=False):
                out.append(statement(a, "biomarker.implicated", subj.entity,
                                     "biolink:participates_in", processes[0].entity,
                                     hedged=hedged(a.text, 0, m.start())))
    for m in _IMPLICATED.finditer(a.text):
        subjects = _subjects_before(a, max(0, m.start() - 120), m.start())
        subjects = [s for s in subjects if s.category in _PART_TAKERS]
        processes = a.within(m.end(), min(len(a.text), m.end() + 60),
                             frozenset({"BiologicalProcess"}))
        for proc in processes[:1]:
            for subj in subjects:
                out.append(statement(a, "biomarker.implicated", subj.entity,
                                     "biolink:participates_in", proc.entity,
                                     hedged=hedged(a.text, 0, m.start())))
    return out
