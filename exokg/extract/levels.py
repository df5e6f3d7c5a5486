"""Biomarker-paper language the older biomarker rules (:mod:`exokg.extract.biomarkers`) miss.

Patient and model studies state levels, correlations and diagnostic value in many ways; the
rules that read the common ones of the field live in modules named for what they read, and
:func:`extract_levels` runs them for one sentence in a fixed order:

* levels against a group (:mod:`exokg.extract.compared_levels`): "X was elevated in D compared
  to controls";
* differences without a direction and pathways activated or inhibited in a patient group
  (:mod:`exokg.extract.group_differences`): "A, B and C exhibited significant differences in
  the D group";
* levels as a noun or in a title (:mod:`exokg.extract.nominal_levels`): "Higher X among
  veterans with D";
* levels after the injury and with the prognosis (:mod:`exokg.extract.prognosis`): "X showed a
  transient reduction post-ischemia", "higher X was associated with unfavourable outcome";
* correlations with open measures and scales, "linked to", "tracked with", associations with
  a change ("EVs were associated with increased neuroinflammation")
  (:mod:`exokg.extract.correlations`);
* biomarker value (:mod:`exokg.extract.marker_value`): "X could serve as a diagnostic marker",
  "an AUC of 0.85 for distinguishing D", "X, a marker of axonal damage,", "these proteins could
  be used as biomarkers" (the markers of the sentence before);
* levels in treated groups (:mod:`exokg.extract.treated_groups`): "treated rats showed reduced
  expression of A, B and C", "motor coordination was impaired in mice treated with X";
* markers of vesicle populations (:mod:`exokg.extract.vesicle_markers`): "L1CAM+ exosomes";
* predicates chained after one list of markers (:mod:`exokg.extract.marker_predicates`): "A
  and B were increased in acute stages of D, and were positively related to C and D", "their
  AUC were 0.78 and 0.85"; aims to explore markers as biomarkers (:mod:`exokg.extract.aims`).

What they share (which mention is a measured marker or a sample, when a clause names a
treatment, the study's disease) is in :mod:`exokg.extract.level_markers`. Every rule returns
statements with the rule name and the sentence as evidence; the markers are molecular mentions
(proteins, genes, miRNAs) or vesicle populations of the body's own cells (platelet,
endothelial, neuronal EVs), never a therapy or a stem-cell preparation.
"""

from __future__ import annotations

from exokg.extract.association_nouns import associations_with, relationships_between, \
    vesicle_biomarkers
from exokg.extract.base import Analysed, DocumentState
from exokg.extract.compared_levels import compared_levels
from exokg.extract.group_differences import group_differences, groups_differed_on, \
    pathway_changes, severity_levels, states_in_patients
from exokg.extract.correlations import associated_changes, level_groups, linked_levels, \
    open_correlations, related_to
from exokg.extract.level_markers import in_controls, names_treatment, note_named_markers
from exokg.extract.aims import aim_biomarkers
from exokg.extract.marker_predicates import marker_predicates
from exokg.extract.later_lists import later_lists
from exokg.extract.measure_correlations import measure_correlations
from exokg.extract.patient_vesicles import patient_vesicle_levels
from exokg.extract.marker_value import appositive_markers, marker_wording, \
    measured_marker_value, note_measured
from exokg.extract.nominal_levels import nominal_levels
from exokg.extract.prognosis import condition_changes, outcome_associations
from exokg.extract.treated_groups import measures_in_treated_animals, treated_group_levels
from exokg.extract.vesicle_markers import SELECTED_BY, population_markers
from exokg.model import Statement

__all__ = ["SELECTED_BY", "appositive_markers", "associated_changes", "associations_with",
           "compared_levels", "condition_changes", "extract_levels", "group_differences",
           "groups_differed_on", "in_controls", "level_groups", "linked_levels", "marker_wording",
           "measured_marker_value", "measures_in_treated_animals", "names_treatment",
           "nominal_levels", "note_measured", "open_correlations", "outcome_associations",
           "pathway_changes", "population_markers", "related_to", "relationships_between",
           "severity_levels", "states_in_patients", "treated_group_levels",
           "vesicle_biomarkers"]


def extract_levels(a: Analysed, state: DocumentState) -> list[Statement]:
    """All statements of the level rules for one sentence (see the module docs); notes the
    markers the sentence says were measured in ``state`` first."""
    note_measured(a, state)
    out: list[Statement] = []
    out += measured_marker_value(a, state)
    out += compared_levels(a, state)
    out += group_differences(a, state)
    out += groups_differed_on(a, state)
    out += states_in_patients(a, state)
    out += pathway_changes(a, state)
    out += severity_levels(a, state)
    out += nominal_levels(a, state)
    out += open_correlations(a)
    out += marker_wording(a, state)
    out += appositive_markers(a)
    out += population_markers(a)
    out += treated_group_levels(a, state)
    out += measures_in_treated_animals(a)
    out += condition_changes(a, state)
    out += outcome_associations(a)
    out += related_to(a)
    out += linked_levels(a)
    out += associated_changes(a, state)
    out += level_groups(a)
    out += associations_with(a)
    out += relationships_between(a)
    out += vesicle_biomarkers(a, state)
    out += marker_predicates(a, state)
    out += measure_correlations(a)
    out += later_lists(a)
    out += patient_vesicle_levels(a)
    out += aim_biomarkers(a, state)
    note_named_markers(a, state)
    return out
