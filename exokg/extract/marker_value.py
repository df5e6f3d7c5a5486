"""Biomarker value in the wording of the field: "X may reflect changes / the severity of D",
"X may provide a source of biomarkers in D", "X could serve as a diagnostic marker in D", "X had
an AUC of 0.85 for distinguishing D", "Application of X in (early) diagnosis and prognosis of
D" -> ``biolink:biomarker_for``, hedged where the clause hedges; "the exosomal proteins yielded
diagnostic information" -> each marker the study said it measured (:func:`note_measured`,
:func:`measured_marker_value`).
"""

from __future__ import annotations

import re

from exokg.extract.base import Analysed, DocumentState, clauses, coordinated, statement
from exokg.extract.epistemics import hedged, negated
from exokg.extract.level_markers import DISEASE, MOLECULAR, VESICLES, level_context, \
    names_treatment, study_disease
from exokg.extract.outcomes import outcome_for_text
from exokg.ids import mint
from exokg.model import Entity, Statement
from exokg.text.prefilter import Needs

__all__ = ["AUC_NOUN", "appositive_markers", "is_apposition_marker", "marker_wording",
           "measured_marker_value", "note_found_markers", "note_measured", "open_condition"]


# "X may (dynamically) reflect changes during ... / the severity of D"
_REFLECT = re.compile(r"\b(?:may|might|could|can|would|to)?\s*(?:\w+ly\s+)?reflects?\s+"
                      r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:changes?|severity|extent|damage|"
                      r"injury|progression|status|course|burden|pathology|activity)\b", re.I)
# "exosomes may provide a (peripheral) source of (informative ...) biomarkers in D"
_SOURCE_OF = re.compile(r"\b(?:provides?|offers?|represents?|constitutes?|be|are|is|as)\s+"
                        r"(?:an?\s+|the\s+)?(?:[\w,-]+\s+){0,3}?(?:source|reservoir|pool|class|"
                        r"panel)\s+of\s+"
                        r"(?:[\w,-]+\s+){0,4}?(?:bio)?markers?\b", re.I)
# "X could serve as a (novel) diagnostic / prognostic marker (in / for D)"
_SERVE_AS = re.compile(r"\b(?:serves?|served|act|acts|used|function)\s+as\s+(?:an?\s+|the\s+)?"
                       r"(?:[\w-]+\s+){0,2}?(?:diagnostic|prognostic|predictive|screening|"
                       r"early)\s+(?:and\s+\w+\s+)?(?:bio)?markers?\b", re.I)
#: the noun of a ROC analysis's figure: "AUC", "AUROC", "the area under the (ROC) curve"
AUC_NOUN = (r"(?:AUCs?|AUROCs?|areas?\s+under\s+the\s+(?:ROC\s+|receiver[\w\s-]{0,40}?)?"
            r"curves?)")
# "X had an AUC of 0.85 for distinguishing D (from controls)", "an area under the curve"
_AUC = re.compile(r"\b" + AUC_NOUN + r"\b[^;]{0,60}?\b(?:(?:for|in|to)\s+(?:the\s+)?"
                  r"(?:distinguish\w*|"
                  r"discriminat\w*|diagnos\w*|predict\w*|identif\w*|detect\w*|differentiat\w*)"
                  # "an area under the curve of 0.83 for ischemic stroke": the disease follows
                  r"|(?<=\d)\s+for\s+(?:the\s+)?)"
                  # "(a panel of) X identified D with an AUC of 0.91"
                  r"|\b(?:identified|detected|diagnosed|predicted)\s+(?=(?:[\w'-]+\s+){1,6}?"
                  r"with\s+(?:an?\s+)?(?:AUC|AUROC|area\s+under)\b)",
                  re.I)
# "The AUC of X was 0.79": a figure with no use named (the study's disease)
_AUC_VALUE = re.compile(r"\s*(?:levels?\s+)?(?:was|were|reached|amounted\s+to)\s+(?:0?\.\d+|1\.0)",
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


# "have gained interest / attracted attention as a source of biomarkers": a prospect, hedged
_INTEREST = re.compile(r"\b(?:gained|attracted|drawn|received|generated)\s+(?:\w+\s+)?(?:interest|"
                       r"attention)\b|\bholds?\s+(?:great\s+)?promise\b", re.I)
# "for neurological conditions", "in neurodegenerative disorders": a class of conditions no
# vocabulary names
_OPEN_CONDITION = re.compile(r"\s+(?:for|in|of)\s+(?:the\s+)?(?:various\s+|several\s+|many\s+)?"
                             r"(?P<c>(?:[a-z][\w-]*\s+){1,2}?(?:conditions?|disorders?|diseases?))"
                             r"\b", re.I)


def open_condition(text: str, at: int) -> Entity | None:
    """A class of conditions written right after ``at`` ('for neurological conditions') as a
    minted Disease entity (``exokg:disease/...``), or None."""
    m = _OPEN_CONDITION.match(text, at)
    if not m:
        return None
    label = m.group("c").lower()
    return Entity(mint("disease", label), label, "Disease")


_NEEDS_WORDING = Needs(_REFLECT, _SOURCE_OF, _SERVE_AS, _AUC, _AUC_OF, _APPLICATION)


def marker_wording(a: Analysed, state: DocumentState) -> list[Statement]:
    """Biomarker value in the wording of the field: 'may reflect changes', 'a source of
    biomarkers in D', 'serve as a diagnostic marker', 'an AUC of 0.85 for distinguishing D',
    'Application of X in diagnosis and prognosis of D' -> ``biolink:biomarker_for`` (module
    docs). The disease is named after the cue in the clause, else the study's patients'."""
    if not _NEEDS_WORDING.may_match(a.text):  # no cue word: nothing to read
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        treated = names_treatment(a, clause.start, clause.end)
        # plain vesicles called "a source of biomarkers" are no therapy
        plain = tuple(x for x in a.within(clause.start, clause.end, VESICLES)
                      if x.category == "Vesicle")
        for rule, pattern in (("reflects", _REFLECT), ("source-of", _SOURCE_OF),
                              ("serves-as", _SERVE_AS), ("auc", _AUC)):
            if treated and (rule != "source-of"
                            or names_treatment(a, clause.start, clause.end, plain)):
                continue
            for m in pattern.finditer(a.text, clause.start, clause.end):
                pool = [x for x in a.within(clause.start, m.start(), MOLECULAR | VESICLES)
                        if m.start() - x.end < 70]
                if not pool:
                    continue
                anchor = max(pool, key=lambda x: x.end)
                subjects = coordinated(a, anchor, MOLECULAR | VESICLES, backwards=True)
                named = [d for d in a.within(m.end(), clause.end, DISEASE)
                         if d.start - m.end() < 60]
                if not named and rule == "reflects" and anchor.category in VESICLES:
                    continue  # "exosomes reflect the status of their parent cells"
                disease = named[0].entity if named else (open_condition(a.text, m.end())
                                                         or study_disease(a, state))
                if disease is None:
                    continue
                for subj in subjects:
                    out.append(statement(a, f"biomarker.informative-{rule}", subj.entity,
                                         "biolink:biomarker_for", disease,
                                         hedged=hedged(a.text, clause.start, m.end()) or bool(
                                             _INTEREST.search(a.text, clause.start, m.start())),
                                         negated=negated(a.text, clause.start, m.start()),
                                         context=level_context(a, clause.start, m.start())))
        if treated:
            continue
        for m in _AUC_OF.finditer(a.text, clause.start, clause.end):
            # "The AUC of (serum exosomal) X (and Y) for the diagnosis of D was 0.80"
            first = [x for x in a.within(m.end(), clause.end, MOLECULAR | VESICLES)
                     if x.start - m.end() < 40]
            if not first:
                continue
            group = coordinated(a, first[0], MOLECULAR | VESICLES, backwards=False)
            last = max(group, key=lambda x: x.end)
            use = _AUC_USE.match(a.text, last.end, clause.end)
            named = [d for d in a.within(use.end(), clause.end, DISEASE)
                     if d.start - use.end() < 40] if use else []
            disease = named[0].entity if named else None
            if use is None and _AUC_VALUE.match(a.text, last.end, clause.end):
                use = _AUC_VALUE.match(a.text, last.end, clause.end)
                disease = study_disease(a, state)  # "The AUC of X was 0.79"
            if disease is None or use is None:
                continue
            out += [statement(a, "biomarker.informative-auc", x.entity, "biolink:biomarker_for",
                              disease, hedged=hedged(a.text, clause.start, m.start()),
                              negated=negated(a.text, clause.start, m.start()),
                              context=level_context(a, m.start(), use.end())) for x in group]
        for m in _APPLICATION.finditer(a.text, clause.start, clause.end):
            subjects = [x for x in a.within(m.end(), clause.end, MOLECULAR | VESICLES)
                        if re.fullmatch(r"(?:(?:serum|plasma|blood|circulating|exosomal|"
                                        r"urinary|CSF)\s+)*", a.text[m.end():x.start], re.I)]
            if not subjects:
                continue
            group = coordinated(a, subjects[0], MOLECULAR | VESICLES, backwards=False)
            last = max(group, key=lambda x: x.end)
            use = _IN_DIAGNOSIS.match(a.text, last.end, clause.end)
            if not use:
                continue
            named = [d for d in a.within(use.end(), clause.end, DISEASE)
                     if d.start - use.end() < 20]
            if not named:
                continue
            # a registry record names what its study will examine: no result yet
            planned = a.document.kind == "registry-record"
            for subj in group:
                out.append(statement(a, "biomarker.informative-application", subj.entity,
                                     "biolink:biomarker_for", named[0].entity,
                                     hedged=planned or hedged(a.text, clause.start, use.end())
                                     # "the potential of X in identifying biomarkers"
                                     or m.group().lower().startswith("potential"),
                                     context=level_context(a, m.start(), use.end())))
    return out


# "Exosomal levels of GFAP, UCH-L1, NFL and t-tau were measured in serum of 21 patients"
_MEASURED = re.compile(r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:measured|quantified|assessed|"
                       r"determined|analy[sz]ed|evaluated|profiled|detected|examined)\b", re.I)
_MAY_MEASURED = Needs(_MEASURED)  # its keyword guard
# "(the / these) (serum) (brain injury) exosomal proteins / markers / miRNAs"
_GENERIC_MARKERS = re.compile(r"\b(?:these|the|such|serum|plasma|circulating|blood|exosomal|"
                              r"EV|brain[\s-]injury|[\w-]+)\s+(?:[\w-]+\s+){0,2}?(?:proteins|"
                              r"(?:bio)?markers|miRNAs|microRNAs)\b", re.I)
_VALUE = re.compile(r"\b(?:used|serve|served|act)\s+as\s+(?:(?:potential|novel|candidate|useful|"
                    r"reliable|diagnostic|prognostic|clinical|blood-based)\s+)*(?:bio)?markers?\b|"
                    r"\b(?:diagnostic|prognostic|predictive)\s+(?:and\s+(?:diagnostic|prognostic|"
                    r"predictive)\s+)?(?:value|accuracy|performance|utility|power|information|"
                    r"significance)\b|\b(?:promising|potential|useful|valuable|candidate)\s+"
                    r"(?:[\w-]+\s+){0,2}?(?:bio)?markers?\b", re.I)


def note_measured(a: Analysed, state: DocumentState) -> None:
    """Remember the molecular markers a sentence says were measured (two or more)."""
    if not (_MAY_MEASURED.may_match(a.text) and _MEASURED.search(a.text)):
        return
    found: dict[str, Entity] = {}
    for m in a.within(0, len(a.text), MOLECULAR):
        found.setdefault(m.entity.id, m.entity)
    if len(found) >= 2:
        state.measured = list(found.values())


# "these (plasma) proteins / miRNAs / markers": a demonstrative naming the kind of its antecedents
_DEMONSTRATIVE = re.compile(r"\b(?:these|such|both)\b", re.I)
_KINDS = ((re.compile(r"\bproteins?\b", re.I), frozenset({"Protein", "Gene"})),
          (re.compile(r"\b(?:mi|micro)RNAs?\b", re.I), frozenset({"MicroRNA", "MicroRNACluster"})),
          (re.compile(r"\b(?:bio)?markers?\b", re.I), MOLECULAR))


def note_found_markers(a: Analysed, state: DocumentState, found: list[Statement]) -> None:
    """Remember the molecular markers of the sentence's level, association and correlation
    findings (what 'these proteins' in the next sentence refers to)."""
    markers: dict[str, Entity] = {}
    for s in found:
        if s.subject.category in MOLECULAR and (
                s.predicate.endswith("correlated_with")
                or s.predicate == "biolink:associated_with" and s.direction is not None):
            markers.setdefault(s.subject.id, s.subject)
    if markers:
        state.found_markers = (a.sentence.index, tuple(markers.values()))


def _antecedents(a: Analysed, state: DocumentState, noun: str) -> list[Entity] | None:
    """The markers a demonstrative noun phrase ('These plasma miRNAs and proteins') stands
    for: those of the level findings of the sentence right before, of the kinds the phrase
    names (an empty list when none is of those kinds: the reference is not resolved); None
    when the phrase has no demonstrative or the sentence before found no marker."""
    index, markers = state.found_markers
    if not _DEMONSTRATIVE.match(noun.strip()) or index != a.sentence.index - 1:
        return None
    kinds: frozenset[str] = frozenset().union(*(k for p, k in _KINDS if p.search(noun)))
    return [m for m in markers if m.category in kinds]


_NEEDS_VALUE = Needs(_VALUE)


def measured_marker_value(a: Analysed, state: DocumentState) -> list[Statement]:
    """'(Serum) exosomal proteins yielded diagnostic and prognostic information (in patients
    with D)', 'these markers are promising biomarkers': a plural noun for the study's
    markers, with no marker named, stands for the markers of the level findings of the
    sentence before when it says 'these' (:func:`note_found_markers`), else for the markers the
    study measured (:func:`note_measured`) -> each ``biolink:biomarker_for`` the disease
    named after the cue,
    else the study's patients'."""
    if not _NEEDS_VALUE.may_match(a.text):  # no cue word: nothing to read
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        cue = _VALUE.search(a.text, clause.start, clause.end)
        if not cue:
            continue
        noun = _GENERIC_MARKERS.search(a.text, clause.start, cue.start())
        if not noun or a.within(clause.start, cue.start(), MOLECULAR):
            continue
        markers = _antecedents(a, state, a.text[noun.start():cue.start()])
        if markers is None:
            markers = state.measured
        named = [d for d in a.within(cue.end(), clause.end, DISEASE)]
        disease = named[0].entity if named else study_disease(a, state)
        if disease is None or not markers:
            continue
        for marker in markers:
            out.append(statement(a, "biomarker.informative-measured", marker,
                                 "biolink:biomarker_for", disease,
                                 hedged=hedged(a.text, clause.start, cue.end()),
                                 negated=negated(a.text, clause.start, cue.start()),
                                 context=level_context(a, clause.start, cue.start())))
    return out


# "NfL, a marker of axonal damage, ...", "GFAP (a marker of astrocytic injury)": an apposition
# that says what the marker marks, a process or damage, not the study's disease
_APPOSITION = re.compile(r"\s*(?:,|\()\s*(?:an?|the)\s+(?:(?:well-known|known|established|"
                         r"sensitive|specific|surrogate|blood|serum|plasma|circulating|"
                         r"[\w-]+-specific)\s+)*(?:bio)?markers?\s+(?:of|for)\s+(?:the\s+)?",
                         re.I)
_MARKED = frozenset({"Disease", "Phenotype", "BiologicalProcess", "Outcome"})
_OPEN_MARKED = re.compile(r"(?:[\w-]+\s+){0,3}?(?:damage|injury|degeneration|activation|"
                          r"inflammation|loss|death|dysfunction|breakdown|disruption|"
                          r"permeability|integrity|stress)\b", re.I)


def is_apposition_marker(text: str, at: int) -> bool:
    """True when 'marker(s) of / for' at ``at`` is in an apposition after a name ('X, a marker
    of axonal damage,'): it says what X marks, not what the clause's disease is."""
    return bool(re.search(r"(?:,|\()\s*(?:an?|the)\s+(?:[\w-]+\s+){0,2}$",
                          text[max(0, at - 40):at]))


_NEEDS_APPOSITION = Needs(_APPOSITION)


def appositive_markers(a: Analysed) -> list[Statement]:
    """'X, a (sensitive) marker of P, ...' -> X ``biolink:biomarker_for`` P: the recognised
    process, phenotype or disease right after the cue, else the open phrase of damage or
    injury written there ('axonal damage', 'astrocyte activation'). Not hedged by the
    sentence's hedge: the apposition states what X is known to mark."""
    if not _NEEDS_APPOSITION.may_match(a.text):  # no cue word: nothing to read
        return []
    out: list[Statement] = []
    for m in _APPOSITION.finditer(a.text):
        before = [x for x in a.mentions if x.category in MOLECULAR and x.end <= m.start()
                  and not a.text[x.end:m.start()].strip(" )")]
        if not before:
            continue
        end = re.compile(r"[,;)]|\s+(?:and|or|is|are|was|were)\s").search(a.text, m.end())
        stop = end.start() if end else len(a.text)
        named = [x for x in a.within(m.end(), stop, _MARKED) if x.start == m.end()]
        if named:
            marked = named[0].entity
        else:
            phrase = _OPEN_MARKED.match(a.text, m.end(), stop)
            if not phrase:
                continue
            marked = outcome_for_text(phrase.group())
        out.append(statement(a, "biomarker.apposition", before[-1].entity,
                             "biolink:biomarker_for", marked,
                             context=level_context(a, before[-1].start, m.end())))
    return out
