"""Biomarker-paper language the older biomarker rules (:mod:`exokg.extract.biomarkers`) miss.

Patient and model studies state levels, correlations and diagnostic value in many ways;
these rules read the common ones of the field, each in its own function:

* **levels against a group** (:func:`compared_levels`): "X (and Y) (levels) were elevated /
  up-regulated / lower in D (compared to controls)", "X was up-regulated in the serum
  exosomes of patients with D", "X levels were elevated at day 1 compared to controls" (the
  disease of the study's patients) -> each marker ``biolink:associated_with`` the disease,
  with the direction; a clause that names a treatment, a treated or model group, or puts the
  controls after "in" is left to the effect and group rules;
* **levels as a noun or in a title** (:func:`nominal_levels`): "Higher exosomal X and Y among
  veterans with D", "Patients with D showed higher X", "D is associated with elevations of X
  and Y" -> the same statement;
* **levels after the injury** (:func:`condition_changes`): "X showed a transient reduction
  at 3 h post-ischemia", "reductions in serum X were detected after ischemia" -> X
  ``associated_with`` the injury (else the study's disease), with the direction;
* **levels with the prognosis** (:func:`outcome_associations`): "higher X was associated
  with unfavourable outcome" -> X positively correlated with poor prognosis; "lower X was
  associated with a higher risk of death" -> X ``associated_with`` death, decreased;
* **correlations with open measures** (:func:`open_correlations`): "(elevations of) X and Y
  correlated with A and B symptoms" -> each marker with each measure when no recognised
  measure follows (coordination ellipsis "post-traumatic and post-concussive symptoms" gives
  two measures); "a positive correlation was observed between SCALE (at D7) and X" -> X
  correlated with the scale (the partners in either order); "X was inversely related to
  SCALE" (:func:`related_to`);
* **biomarker value** (:func:`marker_wording`): "X may reflect changes / the severity of D",
  "X may provide a source of biomarkers in D", "X could serve as a diagnostic marker in D",
  "X had an AUC of 0.85 for distinguishing D", "Application of X in (early) diagnosis and
  prognosis of / after D" -> ``biolink:biomarker_for``, hedged where the clause hedges;
  "the exosomal proteins yielded diagnostic information" -> each marker the study said it
  measured (:func:`note_measured`, :func:`measured_marker_value`);
* **treated groups** (:func:`treated_group_levels`): "treated rats showed reduced expression
  of A, B and C" -> the treatment ``biolink:affects`` each, with the direction;
* **markers of vesicle populations** (:func:`population_markers`): "ADEVs were identified by
  the expression of GLAST", "EVs isolated based on their expression of GluR2", "L1CAM+
  exosomes" -> the protein ``RO:0002607`` (is marker for) the vesicle population.

Every rule returns statements with the rule name and the sentence as evidence; the markers
are molecular mentions (proteins, genes, miRNAs) or vesicle populations of the body's own
cells (platelet, endothelial, neuronal EVs), never a therapy or a stem-cell preparation.
"""

from __future__ import annotations

import re

from exokg.extract.base import AGENTS, Analysed, DocumentState, clauses, coordinated, statement
from exokg.extract.context import HUMAN
from exokg.extract.epistemics import hedged, negated
from exokg.extract.outcomes import outcome_for_text
from exokg.model import Context, Entity, Mention, Statement

__all__ = ["SELECTED_BY", "compared_levels", "extract_levels", "in_controls", "marker_wording",
           "measured_marker_value", "note_measured", "condition_changes",
           "outcome_associations", "related_to",
           "names_treatment", "nominal_levels", "open_correlations", "population_markers",
           "treated_group_levels"]

_MOLECULAR = frozenset({"Protein", "Gene", "MicroRNA", "MicroRNACluster"})
_VESICLES = frozenset({"Vesicle", "ExosomePreparation"})
_DISEASE = frozenset({"Disease"})
_SCALES = frozenset({"AssessmentScale", "Outcome", "Phenotype"})
_UP = frozenset({"higher", "increased", "elevated", "greater", "raised", "upregulated",
                 "elevation", "elevations", "increase", "increases"})
_DIRECTION = (r"(?P<dir>higher|increased|elevated|greater|raised|up-?regulated|lower|"
              r"decreased|reduced|diminished|down-?regulated)")
# "X (levels) were (significantly) elevated", "X was markedly up-regulated"
_LEVEL_VERB = re.compile(r"\b(?:levels?\s+|concentrations?\s+|expression\s+|contents?\s+|"
                         r"amounts?\s+)?(?:(?:was|were|is|are|remained)\s+(?:(?:\w+ly|also|both)\s+)?"
                         + _DIRECTION + r"\b"
                         # "X decreased (significantly) in patients with D": intransitive, only
                         # with the group right after (else "X increased Y" is an effect)
                         r"|(?P<verb>increased|decreased|rose|fell|declined)(?=\s+(?:\w+ly\s+)?"
                         r"(?:in|among)\s))", re.I)
_IN_GROUP = re.compile(r"\s*(?:\w+ly\s+)?(?:(?:by\s+)?(?:about\s+|approximately\s+)?[\d.]+\s*-?\s*"
                       r"fold\s+)?(?:(?:at|on)\s+[^,;]{1,30}?\s+)?(?:in|among|within)\s+"
                       r"(?:the\s+)?",
                       re.I)
_CONDITIONS = frozenset({"Disease", "DiseaseModel"})
# "In patients with D, ...", "In D patients, ..."
_FRONTED = re.compile(r"\s*(?:In|Among)\s+(?:the\s+)?(?:[\w-]+\s+){0,6}?(?:patients|subjects|"
                      r"individuals|cases|rats|mice|animals)(?:\s+with\s+[^,]{1,60})?\s*,", re.I)
_DIFFERENTIAL_CONTEXT = re.compile(r"\b(?:differentially\s+(?:expressed|regulated|abundant)|"
                                   r"dysregulated|altered\s+expression)\b[^;]*\bbetween\b", re.I)
_VERSUS = re.compile(r"\b(?:compared\s+(?:to|with)|than|relative\s+to|versus|vs\.?|"
                     r"in\s+comparison\s+(?:to|with))\b", re.I)
_CONTROL = re.compile(r"\b(?:controls?|healthy|volunteers?|sham|normal\s+subjects?|"
                      r"those\s+without|TBI-neg|non-?\w+\s+(?:patients|subjects))\b", re.I)
_TREATMENT = re.compile(r"\b(?:treat(?:ed|ment)|administ\w+|inject\w+|transplant\w+|"
                        r"infus\w+|therapy|group)\b", re.I)
_SAMPLE_BEFORE = re.compile(r"(?:serum|plasma|blood|circulating|CSF|urinary|salivary|"
                            r"peripheral|blood-based|plasma-derived|serum-derived)\s*$", re.I)
_SAMPLE_AFTER = re.compile(r"\s*(?:of|from|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:patients|"
                           r"subjects|individuals|participants|veterans|cases|controls|"
                           r"blood|plasma|serum)\b", re.I)


def extract_levels(a: Analysed, state: DocumentState) -> list[Statement]:
    """All statements of this module's rules for one sentence (see the module docs)."""
    note_measured(a, state)
    out: list[Statement] = []
    out += measured_marker_value(a, state)
    out += compared_levels(a, state)
    out += nominal_levels(a, state)
    out += open_correlations(a)
    out += marker_wording(a, state)
    out += population_markers(a)
    out += treated_group_levels(a, state)
    out += condition_changes(a, state)
    out += outcome_associations(a)
    out += related_to(a)
    return out


def _context(a: Analysed, start: int, end: int) -> Context:
    locations = {m.entity.id for m in a.within(start, end, frozenset({"AnatomicalEntity"}))}
    if re.search(r"\bexosom", a.text[start:end], re.I):
        locations.add("GO:0070062")
    stats = tuple(v.entity.label for v in a.values if v.category == "PValue")
    return Context(species=(HUMAN,), location=tuple(sorted(locations)), statistics=stats)


def _is_sample(a: Analysed, m: Mention) -> bool:
    """True for a vesicle mention that says where a marker was measured ("serum exosomes of
    patients", "ADEV GFAP", "exosomal levels of"), not an agent."""
    after = a.text[m.end:m.end + 40]
    return bool(_SAMPLE_BEFORE.search(a.text[max(0, m.start - 25):m.start])
                or _SAMPLE_AFTER.match(after)
                or any(x.start - m.end in range(0, 3) for x in a.mentions
                       if x.category in _MOLECULAR)
                or re.match(r"\s*(?:cargo|content|levels?|concentrations?)\b", after, re.I))


def names_treatment(a: Analysed, start: int, end: int,
                    markers: tuple[Mention, ...] = ()) -> bool:
    """True when the span names a treatment: an agent other than a miRNA, a vesicle used as
    the sample or a vesicle population among ``markers`` (the clause's measured subjects),
    or a treatment / group word."""
    for m in a.within(start, end, AGENTS - {"MicroRNA", "MicroRNACluster"}):
        if m.category in _VESICLES and (_is_sample(a, m) or m in markers or (
                markers and m.category == "ExosomePreparation" and _population_marker(m))):
            continue
        return True
    return bool(_TREATMENT.search(a.text, start, end))


# a vesicle population measured as a marker is the body's own (platelet, endothelial,
# neuronal, astrocytic EVs), not a therapeutic preparation of stem or stromal cells
_THERAPEUTIC_SOURCE = re.compile(r"stem|stromal|progenitor|\bMSC", re.I)


def _population_marker(m: Mention) -> bool:
    return m.category in _VESICLES and not _THERAPEUTIC_SOURCE.search(m.entity.label)


def _markers_before(a: Analysed, start: int, at: int, gap: int = 45,
                    populations: bool = False) -> list[Mention]:
    """The molecular markers ending right before ``at`` (a time or sample may stand between),
    with those coordinated with them; with ``populations``, a vesicle population of the
    body's own cells counts as a marker too ("platelet-derived EVs were elevated")."""
    near = [m for m in a.within(start, at, _MOLECULAR) if at - m.end <= gap]
    if not near and populations:
        near = [m for m in a.within(start, at, _VESICLES) if at - m.end <= gap
                and _population_marker(m) and not _is_sample(a, m)]
        if near:
            last = max(near, key=lambda m: m.end)
            if re.search(r"[;:]|\b(?:which|that|after|when|in\s+the)\b", a.text[last.end:at],
                         re.I):
                return []
            group = coordinated(a, last, _VESICLES, backwards=True)
            # "Endothelial cell-derived microvesicles (EMVs) and platelet-derived ...": a
            # defined short form between the coordinated names
            first = min(group, key=lambda x: x.start)
            before = [x for x in a.within(start, first.start, _VESICLES)
                      if re.fullmatch(r"\s*\([^()]{1,15}\)\s*,?\s*(?:and|or)\s+",
                                      a.text[x.end:first.start])]
            return [x for x in before + group if _population_marker(x)]
    if not near:
        return []
    last = max(near, key=lambda m: m.end)
    # "X expression in the acute phase was ...": a time, not another group
    between = re.sub(r"\bin\s+the\s+(?:[\w-]+\s+){0,2}(?:phase|stage|period)\b", " ",
                     a.text[last.end:at], flags=re.I)
    if re.search(r"[;:]|\b(?:which|that|after|when|in\s+the)\b", between, re.I):
        return []
    return coordinated(a, last, _MOLECULAR, backwards=True)


def _study_disease(a: Analysed, state: DocumentState) -> Entity | None:
    if state.population_disease or state.patient_disease:
        return state.population_disease or state.patient_disease
    named = a.within(0, len(a.text), _DISEASE)
    return named[0].entity if named else None


def compared_levels(a: Analysed, state: DocumentState) -> list[Statement]:
    """'X (and Y) were elevated in D (compared to controls)', 'X was up-regulated in the
    serum exosomes of patients with D', 'X levels were elevated at D1 compared to controls'
    -> each marker ``associated_with`` the disease with the direction (module docs)."""
    out: list[Statement] = []
    for clause in clauses(a.text):
        for m in _LEVEL_VERB.finditer(a.text, clause.start, clause.end):
            subjects = _markers_before(a, clause.start, m.start() + 1, populations=True)
            if not subjects or names_treatment(a, clause.start, clause.end, tuple(subjects)):
                continue
            rest_end = clause.end
            versus = _VERSUS.search(a.text, m.end(), clause.end)
            group = _IN_GROUP.match(a.text, m.end(), versus.start() if versus else clause.end)
            disease, flip = None, False
            if group:
                span_end = versus.start() if versus else rest_end
                in_group = a.text[group.end():span_end]
                if _CONTROL.match(in_group):
                    # "lower in controls than in patients with D": higher in D
                    found = [d for d in a.within(versus.end(), clause.end, _DISEASE)
                             if d.start - versus.end() < 60] if versus else []
                    if not found:
                        continue
                    disease, flip = found[0].entity, True
                else:
                    found = [d for d in a.within(group.end(), span_end, _CONDITIONS)
                             if d.start - group.end() < 60]
                    disease = found[0].entity if found else None
            rule = "biomarker.level-compared" if versus else "marker.level-in-disease"
            if disease is None and not group:
                # "In patients with D, X was elevated": the group before the marker
                front = _FRONTED.match(a.text, clause.start)
                named = a.within(front.start(), front.end(), _CONDITIONS) if front else []
                if named:
                    disease, rule = named[0].entity, "biomarker.level-compared"
                elif _DIFFERENTIAL_CONTEXT.search(a.text, 0, m.start()):
                    # "N miRNAs were differentially expressed between D patients and
                    # controls, of which X was upregulated and Y downregulated"
                    disease = _study_disease(a, state)
                    rule = "biomarker.level-compared"
            if disease is None:
                if not (versus and _CONTROL.search(a.text, versus.end(), clause.end)):
                    continue
                disease = _study_disease(a, state)
                if disease is None:
                    continue
            word = (m.group("dir") or m.group("verb")).lower().replace("-", "")
            up = (word in _UP or word == "rose") != flip
            ctx = _context(a, clause.start, m.start())
            # without a comparison the sentence may say more ("X is down-regulated in D and
            # represses Y"): the other rules read it too (a "marker." rule is not exclusive)
            for subj in subjects:
                out.append(statement(a, rule, subj.entity,
                                     "biolink:associated_with", disease,
                                     direction="increased" if up else "decreased",
                                     aspect="level",
                                     negated=negated(a.text, clause.start, m.end()),
                                     hedged=hedged(a.text, clause.start, m.start()),
                                     context=ctx))
    return out


# "Higher exosomal X and Y among veterans with D", "significantly increased X in D patients"
_NOMINAL = re.compile(r"(?:^\W*|\b(?:showed|had|displayed|exhibited|revealed|found|observed|"
                      r"detected|with|demonstrated)\s+(?:(?:an?|the)\s+)?(?:\w+ly\s+)?)"
                      + _DIRECTION + r"\s+", re.I)
_PATIENTS_WITH = re.compile(r"\b(?:patients|subjects|individuals|participants|veterans|cases)"
                            r"\s+(?:with|suffering\s+from)\s+(?:an?\s+|the\s+)?$", re.I)
_NOMINAL_GROUP = re.compile(r"\s+(?:in|among|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,6}?", re.I)
# "D is associated with elevations of X and Y", "D patients had increased levels of X"
_ASSOCIATED_WITH = re.compile(r"\b(?:is|are|was|were)\s+(?:\w+ly\s+)?associated\s+with\s+"
                              r"(?:(?:an?|the)\s+)?(?P<dir>elevations?|increases?|higher|"
                              r"elevated|increased|reductions?|decreases?|lower|reduced|"
                              r"decreased)\s+(?:(?:levels?|concentrations?)\s+)?(?:of|in)?\s*",
                              re.I)


def nominal_levels(a: Analysed, state: DocumentState) -> list[Statement]:
    """'Higher X (and Y) among / in (veterans with) D', 'D is associated with elevations of X
    and Y' -> each marker ``associated_with`` D with the direction (module docs)."""
    out: list[Statement] = []
    for clause in clauses(a.text):
        if names_treatment(a, clause.start, clause.end):
            continue
        for m in _NOMINAL.finditer(a.text, clause.start, clause.end):
            first = [x for x in a.within(m.end(), clause.end, _MOLECULAR)
                     if re.fullmatch(r"(?:(?:serum|plasma|blood|circulating|exosomal|CSF|"
                                     r"urinary|total|the|levels?\s+of|concentrations?\s+of|"
                                     r"expression\s+of)\s+)*", a.text[m.end():x.start], re.I)]
            if not first:
                continue
            subjects = coordinated(a, first[0], _MOLECULAR, backwards=False)
            last = max(subjects, key=lambda x: x.end)
            group = _NOMINAL_GROUP.match(a.text, last.end, clause.end)
            found = [d for d in a.within(last.end, clause.end, _DISEASE)
                     if d.start - last.end < 70 and not _CONTROL.search(a.text, last.end,
                                                                         d.start)] \
                if group else []
            if not found:
                # "Patients with D (had / showed) higher X": the group before the verb
                found = [d for d in a.within(clause.start, m.start(), _DISEASE)
                         if _PATIENTS_WITH.search(a.text, clause.start, d.start)
                         or re.match(r"\s*patients\b", a.text[d.end:], re.I)]
                if not found or not re.match(r"\s*\b(?:showed|had|displayed|exhibited|"
                                             r"presented)\b", a.text[m.start():], re.I):
                    continue
            up = m.group("dir").lower().replace("-", "") in _UP
            out += [statement(a, "biomarker.level-noun", s.entity, "biolink:associated_with",
                              found[0].entity, direction="increased" if up else "decreased",
                              aspect="level", negated=negated(a.text, clause.start, m.end()),
                              hedged=hedged(a.text, clause.start, m.start()),
                              context=_context(a, m.start(), last.end)) for s in subjects]
        for m in _ASSOCIATED_WITH.finditer(a.text, clause.start, clause.end):
            diseases = [d for d in a.within(clause.start, m.start(), _DISEASE)
                        if m.start() - d.end < 30]
            after = [x for x in a.within(m.end(), clause.end, _MOLECULAR)
                     if re.fullmatch(r"(?:(?:serum|plasma|blood|circulating|exosomal|CSF|"
                                     r"the)\s+)*", a.text[m.end():x.start], re.I)]
            if not diseases or not after:
                continue
            up = m.group("dir").lower().replace("-", "") in _UP
            for s in coordinated(a, after[0], _MOLECULAR, backwards=False):
                out.append(statement(a, "biomarker.level-noun", s.entity,
                                     "biolink:associated_with", diseases[-1].entity,
                                     direction="increased" if up else "decreased",
                                     aspect="level",
                                     negated=negated(a.text, clause.start, m.end()),
                                     hedged=hedged(a.text, clause.start, m.start()),
                                     context=_context(a, m.end(), clause.end)))
    return out


_CORRELATED = re.compile(r"\b(?:(?P<sign>positively|negatively|inversely|significantly|"
                         r"strongly|weakly|closely|also)\s+)*(?:correlated|correlating|"
                         r"correlates?|associated)\s+(?:(?P<sign2>positively|negatively|"
                         r"inversely)\s+)?with\s+(?:the\s+)?", re.I)
# an open measure: "post-traumatic and post-concussive symptoms", "cognitive decline"
_MEASURE_HEADS = (r"symptoms?|scores?|severity|deficits?|impairments?|disability|decline|"
                  r"outcomes?|volumes?|mortality|recovery|dysfunction|complaints")
_OPEN_MEASURE = re.compile(r"(?P<mods>(?:[\w-]+(?:,\s*|\s+(?:and|or)\s+|\s+)){0,4}?)"
                           r"(?P<head>" + _MEASURE_HEADS + r")\b", re.I)


def _open_measures(text: str, start: int, end: int) -> list[Entity]:
    """The open measures right after ``start``: 'A and B symptoms' -> 'A symptoms',
    'B symptoms' (each coordinated modifier with the shared head)."""
    m = _OPEN_MEASURE.match(text, start, end)
    if not m or not m.group("mods").strip():
        return []
    mods = m.group("mods").strip().rstrip(",")
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", mods)
             if p.strip()]
    if any(p.lower() in ("the", "a", "an", "with", "of", "in") for p in parts):
        return []
    head = m.group("head")
    if len(parts) > 1 and all(" " not in p for p in parts):
        return [outcome_for_text(f"{p} {head}") for p in parts]
    return [outcome_for_text(f"{mods} {head}")]


def _sign(m: re.Match[str]) -> str:
    words = f"{m.group('sign') or ''} {m.group('sign2') or ''} {m.group()}".lower()
    if "positive" in words:
        return "biolink:positively_correlated_with"
    if "negative" in words or "inverse" in words:
        return "biolink:negatively_correlated_with"
    return "biolink:correlated_with"


_CORRELATION_NOUN = re.compile(r"\b(?P<signs>(?:(?:positive|negative|inverse|significant|"
                               r"strong|moderate|weak|close|linear)\s+(?:and\s+)?)*)"
                               r"(?:correlations?|associations?)\s+(?:(?:was|were)\s+(?:\w+ly\s+)?"
                               r"(?:observed|found|detected|noted|seen|shown|identified)\s+)"
                               r"between\s+(?:the\s+)?", re.I)


def open_correlations(a: Analysed) -> list[Statement]:
    """'(Elevations of) X and Y correlated with A and B symptoms' (a measure no vocabulary
    names) and 'a positive correlation was observed between SCALE and X' (module docs)."""
    out: list[Statement] = []
    for clause in clauses(a.text):
        for m in _CORRELATED.finditer(a.text, clause.start, clause.end):
            if m.group().lower().lstrip().startswith("associated") and not m.group("sign2"):
                continue  # plain "associated with": the level rules
            comma = re.compile(r"[,(]").search(a.text, m.end(), clause.end)
            stop = comma.start() if comma else clause.end
            if any(x.start - m.end() < 60 and x.start < stop
                   for x in a.within(m.end(), clause.end, _SCALES | _MOLECULAR)):
                continue  # a recognised measure ("total score on the NIHSS"): the older rule
            subjects = _markers_before(a, clause.start, m.start(), gap=40)
            if not subjects or names_treatment(a, clause.start, clause.end):
                continue
            measures = _open_measures(a.text, m.end(), stop)
            pred = _sign(m)
            if pred == "biolink:correlated_with" and re.search(r"\belevations?\s+of\b|"
                                                               r"\bhigher\b|\bincreased\b",
                                                               a.text[clause.start:m.start()],
                                                               re.I):
                pred = "biolink:positively_correlated_with"  # "elevations of X correlated"
            for subj in subjects:
                for obj in measures:
                    out.append(statement(a, "biomarker.correlation-open", subj.entity, pred,
                                         obj, negated=negated(a.text, clause.start, m.start()),
                                         hedged=hedged(a.text, clause.start, m.start()),
                                         context=_context(a, clause.start, m.start())))
        for m in _CORRELATION_NOUN.finditer(a.text, clause.start, clause.end):
            link = re.compile(r"\s+and\s+(?:the\s+)?", re.I).search(a.text, m.end(), clause.end)
            if not link:
                continue
            firsts = [x for x in a.within(m.end(), link.start(), _SCALES)]
            seconds = [x for x in a.within(link.end(), clause.end, _MOLECULAR | _VESICLES)
                       if x.start - link.end() < 25]
            markers = [x for x in seconds if x.category in _MOLECULAR]
            if not firsts or not markers:
                continue
            signs = m.group("signs").lower()
            pred = ("biolink:positively_correlated_with" if "positive" in signs else
                    "biolink:negatively_correlated_with" if ("negative" in signs
                                                             or "inverse" in signs)
                    else "biolink:correlated_with")
            for subj in coordinated(a, markers[0], _MOLECULAR, backwards=False):
                out.append(statement(a, "biomarker.correlation-noun", subj.entity, pred,
                                     firsts[0].entity,
                                     negated=negated(a.text, clause.start, m.end()),
                                     hedged=hedged(a.text, clause.start, m.start()),
                                     context=_context(a, link.end(), clause.end)))
    return out


# "X may (dynamically) reflect changes during ... / the severity of D"
_REFLECT = re.compile(r"\b(?:may|might|could|can|would|to)?\s*(?:\w+ly\s+)?reflects?\s+"
                      r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:changes?|severity|extent|damage|"
                      r"injury|progression|status|course|burden|pathology|activity)\b", re.I)
# "exosomes may provide a (peripheral) source of (informative ...) biomarkers in D"
_SOURCE_OF = re.compile(r"\b(?:provides?|offers?|represents?|constitutes?|be|are|is)\s+(?:an?\s+|"
                        r"the\s+)?(?:[\w,-]+\s+){0,3}?(?:source|reservoir|pool|class|panel)\s+of\s+"
                        r"(?:[\w,-]+\s+){0,4}?(?:bio)?markers?\b", re.I)
# "X could serve as a (novel) diagnostic / prognostic marker (in / for D)"
_SERVE_AS = re.compile(r"\b(?:serves?|served|act|acts|used|function)\s+as\s+(?:an?\s+|the\s+)?"
                       r"(?:[\w-]+\s+){0,2}?(?:diagnostic|prognostic|predictive|screening|"
                       r"early)\s+(?:and\s+\w+\s+)?(?:bio)?markers?\b", re.I)
# "X had an AUC of 0.85 for distinguishing D (from controls)", "an area under the curve"
_AUC = re.compile(r"\b(?:AUC|AUROC|area\s+under\s+the\s+(?:ROC\s+|receiver[\w\s-]{0,40}?)?"
                  r"curves?)\b[^;]{0,60}?\b(?:for|in|to)\s+(?:the\s+)?(?:distinguish\w*|"
                  r"discriminat\w*|diagnos\w*|predict\w*|identif\w*|detect\w*|differentiat\w*)",
                  re.I)
_AUC_OF = re.compile(r"\b(?:AUC|AUROC|area\s+under\s+the\s+(?:ROC\s+)?curve)\s+(?:\(AUC\)\s+)?"
                     r"(?:values?\s+)?of\s+(?:the\s+)?", re.I)
_AUC_USE = re.compile(r"\s*(?:levels?\s+|expression\s+)?(?:for|in)\s+(?:the\s+)?(?:early\s+)?"
                      r"(?:diagnos\w+|predict\w+|distinguish\w+|discriminat\w+|detect\w+|"
                      r"identif\w+)\s+(?:of\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}?", re.I)
# title: "Application / Use / Value of X in (the) (early) diagnosis and prognosis of D"
_APPLICATION = re.compile(r"\b(?:applications?|use|utility|value|role|potential)\s+of\s+",
                          re.I)
_IN_DIAGNOSIS = re.compile(r"\s+(?:in|for|as)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:diagnos\w+|"
                           r"prognos\w+|detection|prediction|monitoring|assessment|"
                           r"evaluation|stratification|biomarkers?)\b"
                           r"[^;]{0,60}?\b(?:of|after|in|following|for)\s+", re.I)


def marker_wording(a: Analysed, state: DocumentState) -> list[Statement]:
    """Biomarker value in the wording of the field: 'may reflect changes', 'a source of
    biomarkers in D', 'serve as a diagnostic marker', 'an AUC of 0.85 for distinguishing D',
    'Application of X in diagnosis and prognosis of D' -> ``biolink:biomarker_for`` (module
    docs). The disease is named after the cue in the clause, else the study's patients'."""
    out: list[Statement] = []
    for clause in clauses(a.text):
        if names_treatment(a, clause.start, clause.end):
            continue
        for rule, pattern in (("reflects", _REFLECT), ("source-of", _SOURCE_OF),
                              ("serves-as", _SERVE_AS), ("auc", _AUC)):
            for m in pattern.finditer(a.text, clause.start, clause.end):
                pool = [x for x in a.within(clause.start, m.start(), _MOLECULAR | _VESICLES)
                        if m.start() - x.end < 70]
                if not pool:
                    continue
                anchor = max(pool, key=lambda x: x.end)
                subjects = coordinated(a, anchor, _MOLECULAR | _VESICLES, backwards=True)
                named = [d for d in a.within(m.end(), clause.end, _DISEASE)
                         if d.start - m.end() < 60]
                if not named and rule == "reflects" and anchor.category in _VESICLES:
                    continue  # "exosomes reflect the status of their parent cells"
                disease = named[0].entity if named else _study_disease(a, state)
                if disease is None:
                    continue
                for subj in subjects:
                    out.append(statement(a, f"biomarker.informative-{rule}", subj.entity,
                                         "biolink:biomarker_for", disease,
                                         hedged=hedged(a.text, clause.start, m.end()),
                                         negated=negated(a.text, clause.start, m.start()),
                                         context=_context(a, clause.start, m.start())))
        for m in _AUC_OF.finditer(a.text, clause.start, clause.end):
            # "The AUC of (serum exosomal) X (and Y) for the diagnosis of D was 0.80"
            first = [x for x in a.within(m.end(), clause.end, _MOLECULAR | _VESICLES)
                     if x.start - m.end() < 40]
            if not first:
                continue
            group = coordinated(a, first[0], _MOLECULAR | _VESICLES, backwards=False)
            last = max(group, key=lambda x: x.end)
            use = _AUC_USE.match(a.text, last.end, clause.end)
            named = [d for d in a.within(use.end(), clause.end, _DISEASE)
                     if d.start - use.end() < 40] if use else []
            if not named:
                continue
            out += [statement(a, "biomarker.informative-auc", x.entity, "biolink:biomarker_for",
                              named[0].entity, hedged=hedged(a.text, clause.start, m.start()),
                              negated=negated(a.text, clause.start, m.start()),
                              context=_context(a, m.start(), use.end())) for x in group]
        for m in _APPLICATION.finditer(a.text, clause.start, clause.end):
            subjects = [x for x in a.within(m.end(), clause.end, _MOLECULAR | _VESICLES)
                        if re.fullmatch(r"(?:(?:serum|plasma|blood|circulating|exosomal|"
                                        r"urinary|CSF)\s+)*", a.text[m.end():x.start], re.I)]
            if not subjects:
                continue
            group = coordinated(a, subjects[0], _MOLECULAR | _VESICLES, backwards=False)
            last = max(group, key=lambda x: x.end)
            use = _IN_DIAGNOSIS.match(a.text, last.end, clause.end)
            if not use:
                continue
            named = [d for d in a.within(use.end(), clause.end, _DISEASE)
                     if d.start - use.end() < 20]
            if not named:
                continue
            # a registry record names what its study will examine: no result yet
            planned = a.document.kind == "registry-record"
            for subj in group:
                out.append(statement(a, "biomarker.informative-application", subj.entity,
                                     "biolink:biomarker_for", named[0].entity,
                                     hedged=planned or hedged(a.text, clause.start, use.end()),
                                     context=_context(a, m.start(), use.end())))
    return out


# "ADEVs were identified / isolated / captured by (the) (surface) expression of GLAST",
# "EVs ... based on their expression of GluR2", "immunocaptured with an anti-L1CAM antibody"
SELECTED_BY = re.compile(r"\b(?:identif|isolat|select|captur|immunocaptur|immunoprecipitat|"
                         r"enrich|sort|purif|characteri[sz])\w*\b[^;]{0,80}?\b(?:by|with|using|"
                         r"via|based\s+on|through)\s+(?:the\s+|their\s+|its\s+|an?\s+)?"
                         r"(?:(?:surface\s+)?(?:expression|presence)\s+of\s+(?:the\s+)?|anti-|"
                         r"antibod(?:y|ies)\s+(?:against|to)\s+)", re.I)
# "L1CAM+ exosomes", "GLAST-positive EVs"
_POSITIVE = re.compile(r"\s*(?:\+|-?\s*positive)\s*", re.I)


def population_markers(a: Analysed) -> list[Statement]:
    """The protein by which a vesicle population is selected is its marker: 'ADEVs were
    identified by the expression of GLAST', 'L1CAM+ exosomes' -> the protein
    ``RO:0002607`` the vesicle population (module docs)."""
    out: list[Statement] = []
    for clause in clauses(a.text):
        for m in SELECTED_BY.finditer(a.text, clause.start, clause.end):
            # the population before the verb ("ADEVs were identified by") or after it
            # ("to isolate brain-derived EVs from plasma based on their expression of")
            vesicles = [x for x in a.within(clause.start, m.end(), _VESICLES)
                        if m.start() - x.end < 60]
            proteins = [x for x in a.within(m.end(), clause.end, frozenset({"Protein", "Gene"}))
                        if x.start - m.end() < 45]
            if vesicles and proteins:
                out += [statement(a, "biomarker.vesicle-marker", p.entity, "RO:0002607",
                                  vesicles[-1].entity)
                        for p in coordinated(a, proteins[0], frozenset({"Protein", "Gene"}),
                                             backwards=False)]
        for p in a.within(clause.start, clause.end, frozenset({"Protein", "Gene"})):
            plus = _POSITIVE.match(a.text, p.end)
            if not plus or not a.text[p.end:plus.end()].strip():
                continue
            after = [x for x in a.within(plus.end(), clause.end, _VESICLES)
                     if x.start - plus.end() < 30]
            if after:
                out.append(statement(a, "biomarker.vesicle-marker", p.entity, "RO:0002607",
                                     after[0].entity))
    return out


def in_controls(text: str, at: int) -> bool:
    """True when the group named at ``at`` (right after "in") is a control group."""
    return bool(_CONTROL.match(text, at))


# "treated ICH rats showed significantly reduced expression of IL-1a, IL-6 and IFN-g",
# "EV-treated mice had higher levels of BDNF"
_TREATED_GROUP = re.compile(r"\b(?P<agent>[\w/+-]+-)?treated\s+(?:[\w-]+\s+){0,3}?(?:rats|mice|"
                            r"animals|pigs|piglets|monkeys|pups|patients|groups?)\s+(?:also\s+)?"
                            r"(?:showed|had|displayed|exhibited|demonstrated|presented|revealed)"
                            r"\s+(?:an?\s+)?(?:\w+ly\s+)?" + _DIRECTION + r"\s+(?:(?:mRNA\s+|"
                            r"protein\s+)?(?:expression|levels?|concentrations?|production|"
                            r"release|secretion|numbers?|amounts?)\s+of\s+)?(?:the\s+)?", re.I)
_MEASURES = frozenset({"Protein", "Gene", "MicroRNA", "BiologicalProcess", "Outcome",
                       "Phenotype"})


def treated_group_levels(a: Analysed, state: DocumentState) -> list[Statement]:
    """'(X-)treated rats showed (significantly) reduced expression of A, B and C' -> the
    treatment ``biolink:affects`` each measure with the direction. The treatment is the
    agent written before "-treated", else the subject of the document's last effect, else
    its preparation."""
    out: list[Statement] = []
    for m in _TREATED_GROUP.finditer(a.text):
        first = [x for x in a.within(m.end(), len(a.text), _MEASURES) if x.start - m.end() < 3]
        if not first:
            continue
        named = a.within(m.start(), m.start("dir"), AGENTS)
        agents = [x.entity for x in named] or [e for e in state.subject
                                              if e.category in AGENTS] or (
            [state.preparation] if state.preparation else [])
        if not agents:
            continue
        up = m.group("dir").lower().replace("-", "") in _UP
        for agent in agents:
            for obj in coordinated(a, first[0], _MEASURES, backwards=False):
                out.append(statement(a, "effect.treated-group", agent, "biolink:affects",
                                     obj.entity, direction="increased" if up else "decreased",
                                     negated=negated(a.text, 0, m.start("dir")),
                                     hedged=hedged(a.text, 0, m.start("dir"))))
    return out


# "Exosomal levels of GFAP, UCH-L1, NFL and t-tau were measured in serum of 21 patients"
_MEASURED = re.compile(r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:measured|quantified|assessed|"
                       r"determined|analy[sz]ed|evaluated|profiled|detected|examined)\b", re.I)
# "(the / these) (serum) (brain injury) exosomal proteins / markers / miRNAs"
_GENERIC_MARKERS = re.compile(r"\b(?:these|the|such|serum|plasma|circulating|blood|exosomal|"
                              r"EV|brain[\s-]injury|[\w-]+)\s+(?:[\w-]+\s+){0,2}?(?:proteins|"
                              r"(?:bio)?markers|miRNAs|microRNAs)\b", re.I)
_VALUE = re.compile(r"\b(?:diagnostic|prognostic|predictive)\s+(?:and\s+(?:diagnostic|prognostic|"
                    r"predictive)\s+)?(?:value|accuracy|performance|utility|power|information|"
                    r"significance)\b|\b(?:promising|potential|useful|valuable|candidate)\s+"
                    r"(?:[\w-]+\s+){0,2}?(?:bio)?markers?\b", re.I)


def note_measured(a: Analysed, state: DocumentState) -> None:
    """Remember the molecular markers a sentence says were measured (two or more)."""
    if not _MEASURED.search(a.text):
        return
    found: dict[str, Entity] = {}
    for m in a.within(0, len(a.text), _MOLECULAR):
        found.setdefault(m.entity.id, m.entity)
    if len(found) >= 2:
        state.measured = list(found.values())


def measured_marker_value(a: Analysed, state: DocumentState) -> list[Statement]:
    """'(Serum) exosomal proteins yielded diagnostic and prognostic information (in patients
    with D)', 'these markers are promising biomarkers': a plural noun for the study's
    markers, with no marker named, stands for the markers the study measured
    (:func:`note_measured`) -> each ``biolink:biomarker_for`` the disease named after the cue,
    else the study's patients'."""
    out: list[Statement] = []
    if not state.measured:
        return out
    for clause in clauses(a.text):
        cue = _VALUE.search(a.text, clause.start, clause.end)
        if not cue:
            continue
        noun = _GENERIC_MARKERS.search(a.text, clause.start, cue.start())
        if not noun or a.within(clause.start, cue.start(), _MOLECULAR):
            continue
        named = [d for d in a.within(cue.end(), clause.end, _DISEASE)]
        disease = named[0].entity if named else _study_disease(a, state)
        if disease is None:
            continue
        for marker in state.measured:
            out.append(statement(a, "biomarker.informative-measured", marker,
                                 "biolink:biomarker_for", disease,
                                 hedged=hedged(a.text, clause.start, cue.end()),
                                 negated=negated(a.text, clause.start, cue.start()),
                                 context=_context(a, clause.start, cue.start())))
    return out


# "X (levels) showed a transient reduction at 3 h post-ischemia", "significant reductions in
# serum X were detected at 3 h after permanent ischemia": a level that changes after the
# injury the study induces or its patients have
_CHANGE_NOUN = (r"(?P<dir>reductions?|decreases?|declines?|drops?|falls?|increases?|elevations?|"
                r"rises?|up-?regulation|down-?regulation)")
_SHOWED = re.compile(r"\b(?:showed|displayed|exhibited|underwent|had|presented)\s+(?:an?\s+)?"
                     r"(?:[\w-]+\s+){0,2}?" + _CHANGE_NOUN + r"\b", re.I)
_NOUN_FIRST = re.compile(r"\b" + _CHANGE_NOUN + r"\s+(?:in|of)\s+(?:the\s+)?", re.I)
_DETECTED = re.compile(r"\s*(?:levels?\s+|concentrations?\s+)?(?:was|were)\s+(?:\w+ly\s+)?"
                       r"(?:detected|observed|found|seen|noted|measured|recorded)\b", re.I)
_AFTER_INJURY = re.compile(r"\b(?:after|following|post-?)\s*(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?"
                           r"(?:ischemi[ac]|ischaemi[ac]|injury|stroke|trauma|TBI|SCI|ICH|SAH|"
                           r"h[a]?emorrhage|occlusion|MCAO|reperfusion|insult|onset)\b", re.I)


def _condition(a: Analysed, state: DocumentState, start: int, end: int) -> Entity | None:
    """The disease or model named in ``a.text[start:end]``, else the study's."""
    named = a.within(start, end, frozenset({"Disease", "DiseaseModel"}))
    if named:
        return named[0].entity
    return state.population_disease or state.patient_disease or state.disease


def condition_changes(a: Analysed, state: DocumentState) -> list[Statement]:
    """'X showed a (transient) reduction at 3 h post-ischemia', 'reductions in serum X were
    detected after ischemia' -> X ``associated_with`` the injury (named there, else the
    study's disease) with the direction; not in a clause that names a treatment."""
    out: list[Statement] = []
    for clause in clauses(a.text):
        if names_treatment(a, clause.start, clause.end):
            continue
        found: list[tuple[list[Mention], re.Match[str]]] = []
        for m in _SHOWED.finditer(a.text, clause.start, clause.end):
            subjects = _markers_before(a, clause.start, m.start(), gap=30)
            if subjects:
                found.append((subjects, m))
        for m in _NOUN_FIRST.finditer(a.text, clause.start, clause.end):
            first = [x for x in a.within(m.end(), clause.end, _MOLECULAR)
                     if re.fullmatch(r"(?:(?:serum|plasma|blood|circulating|exosomal|CSF)\s+)*",
                                     a.text[m.end():x.start], re.I)]
            if not first:
                continue
            subjects = coordinated(a, first[0], _MOLECULAR, backwards=False)
            last = max(subjects, key=lambda x: x.end)
            if _DETECTED.match(a.text, last.end):
                found.append((subjects, m))
        for subjects, m in found:
            after = _AFTER_INJURY.search(a.text, m.end(), min(clause.end, m.end() + 60))
            if not after:
                continue
            disease = _condition(a, state, after.start(), clause.end)
            if disease is None:
                continue
            word = m.group("dir").lower()
            up = word.startswith(("increase", "elevation", "rise", "up"))
            for subj in subjects:
                out.append(statement(a, "biomarker.level-after", subj.entity,
                                     "biolink:associated_with", disease,
                                     direction="increased" if up else "decreased",
                                     aspect="level",
                                     negated=negated(a.text, clause.start, m.start()),
                                     hedged=hedged(a.text, clause.start, m.start()),
                                     context=_context(a, clause.start, m.start())))
    return out


_POOR = "exokg:phenotype/poor-prognosis"
# "(Higher levels of) X (levels) were (independently) associated with poor outcome / (early)
# mortality": the level goes with the prognosis
_WITH_OUTCOME = re.compile(r"\b(?:is|are|was|were)\s+(?:(?:\w+ly|also)\s+)*associated\s+with\s+"
                           r"(?:an?\s+|the\s+)?(?:(?:higher|increased|greater)\s+(?:risk|odds|rates?)"
                           r"\s+of\s+)?", re.I)
_MORTALITY = re.compile(r"(?:(?:early|in-hospital|\d+-day|short-term|long-term|all-cause)\s+)?"
                        r"(?:mortality|death)\b", re.I)
_SUBJECT_DIRECTION = re.compile(r"\b(?P<dir>higher|elevated|increased|greater|raised|lower|"
                                r"reduced|decreased|diminished)\b", re.I)


def outcome_associations(a: Analysed) -> list[Statement]:
    """'Higher (levels of) X were (independently) associated with poor outcome' -> X
    ``positively_correlated_with`` poor prognosis (negatively for lower levels, plain
    ``correlated_with`` without a direction); '... associated with (early) mortality' -> X
    ``associated_with`` mortality, with the direction of the subject's level."""
    out: list[Statement] = []
    for clause in clauses(a.text):
        if names_treatment(a, clause.start, clause.end):
            continue
        for m in _WITH_OUTCOME.finditer(a.text, clause.start, clause.end):
            subjects = [x for x in _markers_before(a, clause.start, m.start(), gap=60)]
            if not subjects:
                subjects = [x for x in a.within(clause.start, m.start(), _VESICLES)
                            if m.start() - x.end < 30 and _is_sample(a, x)
                            or m.start() - x.end < 30 and re.match(
                                r"\s*(?:counts?|numbers?|levels?|concentrations?)\b",
                                a.text[x.end:], re.I)]
            if not subjects:
                continue
            lead = _SUBJECT_DIRECTION.search(a.text, clause.start, subjects[0].start)
            direction = None
            if lead:
                direction = "increased" if lead.group("dir").lower() in _UP else "decreased"
            poor = [x for x in a.within(m.end(), min(clause.end, m.end() + 40))
                    if x.entity.id == _POOR and x.start - m.end() < 5]
            mortality = _MORTALITY.match(a.text, m.end())
            ctx = _context(a, clause.start, m.start())
            neg = negated(a.text, clause.start, m.end())
            hedge = hedged(a.text, clause.start, m.start())
            for subj in subjects:
                if poor:
                    pred = ("biolink:correlated_with" if direction is None else
                            "biolink:positively_correlated_with" if direction == "increased"
                            else "biolink:negatively_correlated_with")
                    out.append(statement(a, "biomarker.level-outcome", subj.entity, pred,
                                         poor[0].entity, negated=neg, hedged=hedge,
                                         context=ctx))
                elif mortality:
                    out.append(statement(a, "biomarker.level-outcome", subj.entity,
                                         "biolink:associated_with",
                                         outcome_for_text(mortality.group()),
                                         direction=direction, negated=neg, hedged=hedge,
                                         context=ctx))
    return out


# "X expression was inversely related to the NIHSS score", "directly proportional to"
_RELATED = re.compile(r"\b(?P<sign>positively|negatively|inversely|directly|significantly)\s+"
                      r"(?:related|proportional)\s+(?:to|with)\s+(?:the\s+)?", re.I)


def related_to(a: Analysed) -> list[Statement]:
    """'X was inversely / positively related to SCALE' -> X negatively / positively
    correlated with the recognised measure (scale, outcome, phenotype) right after."""
    out: list[Statement] = []
    for clause in clauses(a.text):
        for m in _RELATED.finditer(a.text, clause.start, clause.end):
            subjects = _markers_before(a, clause.start, m.start(), gap=50)
            measures = [x for x in a.within(m.end(), clause.end, _SCALES)
                        if x.start - m.end() < 25]
            if not subjects or not measures or names_treatment(a, clause.start, clause.end):
                continue
            sign = m.group("sign").lower()
            pred = ("biolink:negatively_correlated_with" if sign in ("negatively", "inversely")
                    else "biolink:positively_correlated_with" if sign in ("positively",
                                                                          "directly")
                    else "biolink:correlated_with")
            for subj in subjects:
                for obj in coordinated(a, measures[0], _SCALES, backwards=False):
                    out.append(statement(a, "biomarker.correlation-related", subj.entity, pred,
                                         obj.entity,
                                         negated=negated(a.text, clause.start, m.start()),
                                         hedged=hedged(a.text, clause.start, m.start()),
                                         context=_context(a, clause.start, m.start())))
    return out
