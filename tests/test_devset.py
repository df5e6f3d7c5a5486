"""Generalisation, measured: precision and recall of the build on the development set
(tests/devset/documents: real abstracts and registry records found in stored public pages,
see tests/devset/SOURCES.md) against hand-made gold lists, one per batch (gold.yaml for
batch 1, gold-batch<N>.yaml for batch N), each written before exokg was run on its batch.
Layout, matching and the "main findings" figures: tests/devset_measure.py.

Targets: precision >= 0.85, recall >= 0.75. Batch 1 was used to improve the rules, so its
floor is the tuned figure; every later batch is held to the out-of-sample figure measured
when it was added (docs/benchmarks.md), so a rule change that makes a batch worse fails
here. The figures are printed with ``pytest -s`` (or ``python benchmarks/devset.py``).
"""

from __future__ import annotations

import re

import pytest

from devset_measure import DEVSET, DOCUMENTS, STATUSES, Batch, load_batches, score_all
from exokg.model import Statement
from exokg.pipeline import BuildResult, build
from gold_matching import is_claim
from gold_matching import key_of as _key_of
from gold_matching import key_of_gold as _key_of_gold
from gold_matching import matches as _matches
from gold_matching import squash as _squash

# floors (precision, recall) per batch, as measured (docs/benchmarks.md); raise them when
# the rules improve. Batches 1-6 are in sample after tuning round 4; batch 6 was the
# out-of-sample check of round 3 (its texts and gold were not seen then, only its error-kind
# counts in docs/devset-batch6.md). Batch 7, written in parallel, is round 4's
# out-of-sample check, and in sample after tuning round 5a; batch 8, written in parallel with
# tuning round 5 (on batches 1-7), is round 5's; batch 9, written in parallel with tuning round
# 6 (on batches 1-8), is round 6's; batch 10, written in parallel with tuning round 7 (on
# batches 1-9), is round 7's, and in sample after tuning round 8a (on batches 1-10); batch 11,
# written in parallel with tuning round 8 (on batches 1-10), is round 8's, and in sample after
# tuning round 9 (on batches 1-11); batch 12, written in
# parallel with tuning round 9 (on batches 1-11), is round 9's; batch 13, written in parallel
# with the next tuning round (on batches 1-12), is that round's; batch 14, written in parallel
# with the round after it (on batches 1-13), is that round's.
FLOORS: dict[int, tuple[float, float]] = {
    # Tuning round 1 (docs/benchmarks.md, "Tuning round 1") tuned on batches 1-3 only; batch
    # 4 and 5 were out of sample for it (batch 4 P 0.622 R 0.447, batch 5 0.294 / 0.211
    # after it). Tuning round 2 ("Tuning round 2") tuned on all five batches, so every
    # figure below is in sample. Round 2 lowered batch 1's precision on purpose (0.952 ->
    # 0.919): "X represents a novel treatment for stroke" (xin-2013, twice) and "making them
    # potential therapeutic modalities for the treatment of ischemic stroke" are now read
    # (benefit.therapy-for); the gold lists neither, and the gold is not edited for
    # omissions. Tuning round 3 ("Tuning round 3", biomarker and group-comparison language)
    # tuned on batches 1-5. Tuning round 4 ("Tuning round 4") tuned on batches 1-6, so every
    # figure below is in sample; the floors are the figures measured after it, truncated to
    # three places (before round 4: 2 0.760 / 0.487, 3 0.806 / 0.650, 4 0.813 / 0.552,
    # 5 0.666 / 0.466). Tuning round 5a ("Tuning round 5a", therapy-paper language) tuned on
    # batches 1-7; the floors are its figures (before it: 2 0.774 / 0.526, 3 0.812 / 0.675,
    # 4 0.840 / 0.657, 5 0.742 / 0.511).
    # Tuning round 6a ("Tuning round 6a", tuned on batches 1-8; batch 9 is its out-of-sample
    # check) lowered four precision floors, each by readings its new rules make that the gold
    # of these batches does not list (the gold is not edited for omissions): batch 1 "the
    # degree of damage caused by ischemic injury" (79/87, before 79/86); batch 2 "Brain damage
    # caused by SAH", and two correct claims that now name the study's preparation where they
    # named plain exosomes and the gold accepts either, so they count once (41/54, before
    # 42/54); batch 5 "Stroke is the leading cause of ... neurological disorders" (an
    # association of the two; 49/66, before 48/64); batch 7 "neonatal encephalopathy caused by hypoxia-ischemia" (64/71,
    # before 63/69). Every recall floor rose or stayed.
    # Tuning round 9b (in sample, tuned on batches 1-11) reads the title "Neuroprotective and
    # neurorestorative actions of MSC-derived sEVs ..." as raising neurorestoration too (right;
    # not in this batch's gold): P 0.898 (79/88), before 79/87.
    # Tuning round 11a (in sample, tuned on batches 1-13) lowered it on purpose: "Exosome
    # treatment significantly increased the number ..." (xin-2013) is now the study's MSC
    # exosome preparation, as batch 13's gold (and batch 3's) reads "exosome treatment"; this
    # batch's gold lists only the generic exosome-based therapy (2 claims): P 0.875 (77/88)
    # R 0.885 (77/87).
    # Tuning round 15b (in sample; one reading of a level compared between groups and one of
    # discrimination, exokg/extract/level_comparisons.py, discrimination.py): P 0.856 (77/90)
    # R 0.885: precision lowered by "The areas under the curve for exosomal miR-9 and
    # miR-124 were 0.8026 and 0.6976" (ji-serum-exosomal-mir9-mir124), now read as each miRNA
    # a biomarker_for the study's AIS; the gold lists the hedged "promising biomarkers" claim
    # only, and the gold is not edited for omissions.
    1: (0.855, 0.884),
    # After merging rounds 6a and 6b: batch 2 P 0.764 (42/55) R 0.564 (44/78).
    # Tuning round 7b (in sample, tuned on batches 1-9): batch 2 P 0.781 (43/55) R 0.576
    # (45/78); batch 3 P 0.820 (82/100) R 0.708 (85/120) (before it 0.818 / 0.700).
    # Tuning round 9a (in sample, tuned on batches 1-11): P 0.786 (44/56) R 0.590 (46/78):
    # "RAGE was downregulated by RBP-Exos" read with the composed name as the product, and
    # "In addition" no longer an outcome.
    # Tuning round 10d (docs/benchmarks.md, "Tuning round 10d") raised the floors of
    # batches 2, 8, 9, 11 and 12 to its measured figures (truncated, minus 0.001).
    # Tuning round 10c (in sample, tuned on batches 1-12; docs/benchmarks.md "Tuning round 10c")
    # reads "D (can) lead to / results in Y": "SCI can lead to severe motor and sensory
    # dysfunction" (two claims, both right; batch 2's gold, written before batch 9's
    # convention, does not list "leads to") and "brain damage ... induces ischemia-reperfusion
    # (I/R) injury" (its object cut at the short form): P 0.745 (44/59).
    # All of round 10 (10a-10d, recognition round 8) merged: P 0.750 (45/60) R 0.603.
    # Tuning round 11a lowered it on purpose, as batch 1's: "Exosome treatment significantly
    # increased (p < 0.005) gene expression associated with neurogenesis" (williams) is now
    # the study's MSC exosome preparation; this batch's gold lists only the generic
    # exosome-based therapy (3 claims): P 0.700 (42/60) R 0.564 (44/78).
    # Tuning round 13a ("Tuning round 13a") reads "both A and B" after a trigger: "NSC EV
    # treatment improves both tissue and sensorimotor function" gives one more right claim:
    # P 0.705 (43/61) R 0.577 (45/78).
    2: (0.709, 0.589),
    # Tuning round 8b (in sample, tuned on batches 1-10) reads "D (can) cause Y" with the
    # condition as the subject, as batches 9-10's gold does; batch 3's gold does not list
    # "inflammation and cell death that can cause disability" (two claims, both right; the
    # gold is not edited for omissions): P 0.803 (82/102), before 82/100.
    # Recognition round 7 (lexicon 3-ce9ce715bcf2: a gene alias shared by several genes
    # names the one with five times the PubMed links) grounds "NF-kB p65" to RELA, and
    # wei-2021's "upregulating the acetylation of NF-kB p65" is read as miR-193b-3p
    # exosomes decreasing RELA (an extraction reading of a now-grounded gene; the gold
    # lists no claim there): P 0.796 (82/103), before 82/102.
    # Tuning round 9c reads an aim as a hedged hypothesis (its brief; batch 11's gold lists
    # "To investigate the neuroprotective effect of X after D" so): "We aimed to evaluate the
    # neuroprotective effects of ... MSC-derived exosomes and their potential to improve
    # neurodevelopmental outcome" now also gives the hedged tissue-protection aim, which
    # batch 3's gold, listing only the outcome half of the sentence, does not (not edited for
    # omissions): P 0.796 (82/103).
    # Tuning round 9b: "the potential mechanism was regulated by regulation of
    # neuroinflammation" read as the modified exosomes changing neuroinflammation (no
    # direction; not in the gold): P 0.796 (82/103).
    # All of round 9 and recognition round 7 merged: P 0.781 (82/105) R 0.708 (85/120).
    # Tuning round 10c (in sample, tuned on batches 1-12; docs/benchmarks.md "Tuning round 10c")
    # reads "Cortical injury results in inflammation and cell death" and "Axonal and myelin
    # damage ... lead to neuronal dysfunction and impair recovery of function" (four claims,
    # all right; not in batch 3's gold, which predates "leads to"): P 0.752 (82/109).
    # Tuning round 10a: "treatment with EV-miR-22-3p inhibitor led to increased apoptosis"
    # read as the inhibitor's claim: P 0.783 (83/106) R 0.717 (86/120).
    # All of round 10 merged: P 0.755 (83/110) R 0.717 (86/120).
    # Tuning round 11d (docs/benchmarks.md "Tuning round 11d") reads "disability" after
    # "cause" as a burden, as after "leads to" (the two round-8b claims above are gone):
    # P 0.769 (83/108).
    # Tuning round 12b (docs/benchmarks.md "Tuning round 12b") lowered it on purpose: "EVs
    # are crucial players in the pathogenesis of ischemic brain injury" (liu-2021) is read as
    # EVs associated with brain injury, as graph-model.md reads "play a role in" a disease and
    # batch 14's gold reads "are crucial vehicles in"; batch 3's gold, written before that
    # convention, does not list it (not edited for omissions): P 0.761 (83/109).
    # Tuning round 13c (docs/benchmarks.md "Tuning round 13c") lowered it: "skewed CD11b+/
    # CD45low microglia and CD11b+/CD45high brain monocyte/macrophage towards a more
    # anti-inflammatory property" is read as MSC-EVs changing both populations without a
    # sign, as batch 15's gold reads "shifting microglia polarization"; batch 3's gold lists
    # neither (not edited for omissions): P 0.748 (83/111).
    # Tuning round 14a (aims whatever noun names the effect, open questions said as work to
    # do, a review's scope) lowered batch 3's precision (83/111 -> 83/114): "We sought to
    # evaluate the impact of early single-dose exosome treatment on neurologic outcomes, ...
    # inflammatory cytokines" (two aim objects, hypothesis, as docs/graph-model.md records
    # "the effects of X on A and B") and "The impact of early treatment with MSC-derived
    # exosomes on brain injury ... remains unknown" (an open question); the gold of batch 3
    # lists neither, and the gold is not edited for omissions.
    3: (0.729, 0.724),
    # Round 5b (biomarker-paper language, tuned on batches 1-7) merged after 5a: batch 4 43/51,
    # 45/67.
    # Tuning round 9b: "miR-155 exacerbates brain injury by regulating inflammatory responses"
    # read as miR-155 changing inflammation (right; not in the gold): P 0.826 (43/52).
    # Tuning round 10c (in sample, tuned on batches 1-12; docs/benchmarks.md "Tuning round 10c")
    # finds "miR-126 ... involved in neuroprotection" (participation) and reads the open
    # question "whether MSC-exos improve HIBD by regulating microglial pyroptosis remains
    # unknown" as a hedged hypothesis (two claims; batch 12's gold reads open questions so,
    # batch 4's lists none): P 0.800 (44/55) R 0.686 (46/67).
    4: (0.799, 0.686),
    # Tuning round 8b: P 0.746 (50/67) R 0.555 (50/90) ("Diabetes elevates the risk of stroke").
    # Recognition round 7: one spurious miR-126 -> KDR claim gone with lexicon
    # 3-ce9ce715bcf2: P 0.758 (50/66).
    # Tuning round 9b: P 0.739 (51/69) R 0.566 (51/90): "erythrocyte deformability is one of
    # the pathophysiological changes of ... stroke" found; "exosomes initiated and regulated
    # neuroinflammation" read (right; not in the gold).
    # All of round 9 and recognition round 7 merged: P 0.750 (51/68) R 0.567 (51/90).
    # Tuning round 11d: "the successful clinical application is limited by ... rapid
    # clearance" is a limitation, no effect: P 0.761 (51/67).
    5: (0.770, 0.599),
    # Batch 6: out of sample for rounds 2 and 3. Before round 2 (e9290dd) and on main after
    # it: P 0.741 (20/27) R 0.226 (21/93). Measured once after round 3: P 0.764 (26/34),
    # R 0.290 (27/93), the "before round 4" figure. Round 4 tuned on it (in sample): P 0.977
    # (43/44), R 0.473 (44/93). Round 5a: P 0.935 (43/46), R 0.473 (44/93): two readings
    # its rules make by the conventions of batch 7's gold are not in batch 6's ("EVs have
    # immunomodulatory ... properties" as an effect on the immune response, as batch 7 lists
    # "Immunomodulatory function of MSCs"; the title "MSC therapy for ischemic stroke: ..."
    # as a benefit, as batch 7 lists "MSCs for hemorrhagic stroke: ..."); the gold is not
    # edited, so the floor is the measured figure.
    # After round 5b merged on 5a: P 0.949 (56/59), R 0.612 (57/93).
    # After round 6b (in sample): P 0.952 (60/63), R 0.656 (61/93).
    # Tuning round 7b (docs/benchmarks.md "Tuning round 7b") reads the review title
    # "Neurovascular Unit-Derived Extracellular Vesicles as Regulators of Post-Stroke
    # Pathology and Neurorestoration" as EVs affecting pathology and neurorestoration (no
    # direction), as batch 9's gold reads "X as a Modulator of Neuroinflammation"; batch 6's
    # gold lists neither (not edited for omissions), nor "Ischemic stroke ... characterized by
    # profound disruption of the neurovascular unit" read as the two associated: P 0.909
    # (60/66).
    # Tuning round 10c (in sample, tuned on batches 1-12; docs/benchmarks.md "Tuning round 10c")
    # reads "Brain ischemia leads to the production of damage-associated molecular patterns"
    # (listed in the gold, but the object's label loses "damage-associated", so it does not
    # match): P 0.896 (60/67).
    # Tuning round 12b: "EVs have emerged as pivotal mediators of intercellular
    # communication" found: P 0.897 (61/68) R 0.666 (62/93).
    6: (0.898, 0.676),
    # Batch 7: out of sample for round 4 (docs/devset-batch7.md). Measured once before round 4
    # on main's rules (exokg at 2718487): P 0.571 (24/42) R 0.230 (24/104); once after
    # merging round 4: P 0.581 (25/43) R 0.240 (25/104). Merging disease grounding round 2
    # added a statement with a MeSH-only disease reached through its defined short form;
    # the fix (such short forms are parts, as their long forms are) left P 0.595 (25/42).
    # Tuning round 5a tuned on it (in sample from then on): P 0.888 (48/54), R 0.471
    # (49/104).
    # After round 5b merged on 5a (in sample): P 0.913 (63/69), R 0.615 (64/104).
    # After round 6a (in sample): P 0.901 (64/71), R 0.625 (65/104).
    # Tuning round 9b: P 0.903 (65/72) R 0.635 (66/104) ("protected neonatal mice from
    # HI-induced brain tissue atrophy").
    7: (0.902, 0.634),
    # Batch 8: out of sample for round 5 (docs/devset-batch8.md). Measured once before round 5
    # on main's rules (exokg at 186dee9, gold committed first in 73f954a): P 0.455 (36/79)
    # R 0.291 (37/127); sentence-strict P 0.418 (33/79) R 0.252 (32/127).
    # After merging tuning rounds 5a and 5b (batch 8 never seen by either): P 0.469 / R 0.307
    # after 5a alone; P 0.500 (41/82) R 0.330 (42/127) after both (main findings P 0.474 R
    # 0.380): round 5's out-of-sample figure.
    # Tuning round 6a tuned on it (in sample from then on): P 0.800 (76/95), R 0.590
    # (75/127); main findings P 0.789, R 0.544.
    # Rounds 6a and 6b merged (both tuned on it): P 0.822 (88/107) R 0.685 (87/127), main
    # findings P 0.824 R 0.671.
    # Tuning round 7b: P 0.841 (90/107) R 0.700 (89/127).
    # Tuning round 8a: P 0.839 (89/106) R 0.700 (89/127): "Increased miR-124-3p in microglial
    # exosomes ... inhibits neuronal inflammation" now names the miRNA the vesicles carry as
    # the agent (the gold accepts either), so it is the same claim as the one read from
    # "the inhibitory effect of exosomal miR-124-3p on neuronal inflammation" and counts
    # once: one statement fewer, recall unchanged.
    # Tuning round 8b: "SCI is a catastrophic injury that can cause irreversible motor
    # dysfunction" (right; not in this batch's gold): P 0.833 (90/108), before 90/107.
    # Rounds 8a, 8b and 8c merged: P 0.832 (89/107) R 0.701 (89/127) (8a's merged claim and
    # 8b's right reading not in the gold together).
    # Tuning round 9b: P 0.835 (91/109) R 0.717 (91/127) ("regulate" without a sign).
    # Tuning round 15c lowered precision on purpose: P 0.829 (92/111), before 92/109; a list
    # before its copula, "surgical intervention and interventional therapy are the main
    # treatment options for SAH", now gives each treatment beneficial in SAH (the reading
    # batch 17's gold lists for "the main treatments for SCI include ..."; this batch's gold
    # does not list it, and the gold is not edited for omissions). Recall unchanged.
    8: (0.828, 0.731),
    # Batch 9: out of sample for round 6 (docs/devset-batch9.md). Measured once before round 6
    # on main's rules (exokg at 7915589, gold committed first in 8f187f0): P 0.436 (24/55)
    # R 0.171 (23/134); sentence-strict P 0.345 (19/55) R 0.134 (18/134). The integrator
    # re-measures it after merging round 6 and raises the floor to that figure.
    # After merging round 6 (6a therapy-paper language, 6b patient and biomarker language,
    # grounding round 4, anatomy and species; none of them saw batch 9): P 0.474 (27/57)
    # R 0.194 (26/134), main findings P 0.520 R 0.167; sentence-strict P 0.386 (22/57)
    # R 0.157 (21/134). 6a alone gave the same figure: 6b's rules found nothing more here.
    # Tuning round 7a (patient EV biomarker language; tuned on batches 1-9, so in sample from
    # then on; batch 10 is its out-of-sample check): P 0.679 (53/78) R 0.388 (52/134), main
    # findings P 0.766 R 0.462; sentence-strict P 0.615 (48/78) R 0.351 (47/134).
    # Tuning round 7b tuned on it (in sample from then on; batch 10 is its out-of-sample
    # check): P 0.622 (38/61) R 0.276 (37/134), main findings P 0.688 R 0.282;
    # sentence-strict P 0.541 (33/61) R 0.239 (32/134).
    # After merging round 7 (7a, 7b, miRNA relations round 4, recognition round 5): P 0.774
    # (65/84) R 0.478 (64/134), main findings P 0.821 R 0.590.
    # Tuning round 10c (in sample, tuned on batches 1-12; docs/benchmarks.md "Tuning round 10c")
    # reads "exosomes are involved in ischaemic pathology" and "miR-206 ... plays a critical
    # role in brain injury diseases" as associations (right; not in the gold): P 0.756
    # (65/86).
    # All of round 10 merged: P 0.791 (68/86) R 0.500 (67/134).
    # Tuning round 11a: P 0.800 (68/85) R 0.500 (one wrong reading of the generic exosome
    # therapy gone: "exosome treatment" is the study's preparation).
    # Tuning round 14a lowered batch 9's precision (68/85 -> 68/86): "This Review summarizes
    # the therapeutic activities and mechanisms of exosomes ... in SCI repair" names exosomes
    # a treatment of SCI, as batch 17's gold records a review's scope; batch 9's gold does
    # not list it.
    # Tuning round 15b (in sample; one reading of a level compared between groups and one of
    # discrimination, exokg/extract/level_comparisons.py, discrimination.py): P 0.793 R 0.507.
    9: (0.792, 0.506),
    # Batch 10: out of sample for round 7 (docs/devset-batch10.md). Measured once before round
    # 7 on main's rules (exokg at ebb42de, gold committed first in 1271c08): P 0.485 (32/66)
    # R 0.296 (34/115), main findings P 0.535 (23/43) R 0.333 (24/72); sentence-strict
    # P 0.485 (32/66) R 0.287 (33/115). The integrator re-measures it after merging round 7
    # and raises the floor to that figure. After merging round 7 (7a, 7b, miRNA relations
    # round 4, recognition round 5; none of them saw batch 10): the same, P 0.485 (32/66)
    # R 0.296 (34/115): round 7 did not move this batch's figures.
    # Tuning round 8a tuned on it (in sample from then on; batch 11 is its out-of-sample
    # check): P 0.662 (47/71) R 0.426 (49/115), main findings P 0.750 R 0.472;
    # sentence-strict P 0.662 (47/71) R 0.417 (48/115).
    # Tuning round 8b tuned on it (in sample from then on; batch 11 is its out-of-sample
    # check): P 0.560 (42/75) R 0.382 (44/115), main findings P 0.571 R 0.403; sentence-strict
    # P 0.560 (42/75) R 0.374 (43/115).
    # Tuning round 8c tuned on it (in sample from then on; batch 11 is its out-of-sample
    # check): P 0.568 (42/74) R 0.383 (44/115), main findings P 0.647 (33/51) R 0.472 (34/72);
    # sentence-strict P 0.568 (42/74) R 0.374 (43/115).
    # Rounds 8a, 8b and 8c merged (with miRNA relations round 5 and recognition round 6): P
    # 0.761 (67/88) R 0.600 (69/115), main findings P 0.828 R 0.681; sentence-strict P 0.761
    # (67/88) R 0.591 (68/115).
    # Recognition round 7 (recognition rules written from batches 10 and 11's error lists,
    # in sample): "concussion" is recognised (a curated entity), which finds the title's
    # biomarker claim and also reads "a significant increase in the NF-L marker" with the
    # study's condition, concussion, as its object where the gold names the season: P 0.756
    # (68/90) R 0.609 (70/115), main findings P 0.817 R 0.694.
    # Tuning round 9a (in sample): P 0.773 (68/88) R 0.609 (70/115).
    # All of round 9 and recognition round 7 merged: P 0.769 (70/91) R 0.617 (71/115).
    # Tuning round 10c (in sample, tuned on batches 1-12; docs/benchmarks.md "Tuning round 10c")
    # finds the review's aim "the role of miR-124-3p in modulating neuroinflammation and
    # promoting neuronal repair" (two claims) and adds the hedged aim "the effects of
    # miR-124-3p-loaded exosomes on neuroinflammation" of a methods sentence (not in the
    # gold): P 0.766 (72/94) R 0.635 (73/115).
    # Tuning round 14c (list reading, docs/benchmarks.md "Tuning round 14c") lowers precision
    # by one reading the gold does not list: "the optimal strategies for the treatment of
    # ischemic stroke include stem-cell-based therapy and delivery of drugs" now also gives
    # "delivery of drugs" beneficial in ischemic stroke (list.treatment): P 0.758 (72/95)
    # R 0.635 (73/115).
    # Merged round 14 (main after tune14a/b/c, depth14 and the role-participle fix): P 0.760
    # R 0.635.
    10: (0.759, 0.634),
    # Batch 11: out of sample for round 8 (docs/devset-batch11.md). Measured once before round
    # 8 on main's rules (exokg at 84a6b9b, gold committed first in 04fe30d): P 0.524 (54/103)
    # R 0.338 (52/154), main findings P 0.548 (40/73) R 0.411 (37/90); sentence-strict
    # P 0.476 (49/103) R 0.312 (48/154). The integrator re-measures it after merging round 8
    # and raises the floor to that figure. After merging round 8 (8a, 8b, 8c, miRNA relations
    # round 5, recognition round 6; none of them saw batch 11): P 0.545 (55/101) R 0.344
    # (53/154), main findings P 0.548 (40/73) R 0.411 (37/90); sentence-strict P 0.495
    # (50/101) R 0.318 (49/154).
    # Recognition round 7 read batch 11's grounding errors (docs/devset-batch11.md: ADP,
    # BSP, "large artery atherosclerosis", "NF-kB signaling pathway"), so batch 11 is in
    # sample for its rules: P 0.582 (57/98) R 0.351 (54/154), main findings P 0.575 R 0.411.
    # Tuning round 9c tuned on it (in sample from then on; batch 12 is its out-of-sample
    # check): P 0.650 (76/117) R 0.506 (78/154), main findings P 0.655 (57/87) R 0.589
    # (53/90); sentence-strict P 0.607 (71/117) R 0.487 (75/154).
    # Tuning round 9b tuned on it (in sample from then on; batch 12 is its out-of-sample
    # check): P 0.619 (73/118) R 0.448 (69/154), main findings P 0.610 R 0.478;
    # sentence-strict P 0.576 (68/118) R 0.422 (65/154).
    # Tuning round 9a tuned on it (in sample from then on; batch 12 is its out-of-sample
    # check): P 0.606 (63/104) R 0.403 (62/154), main findings P 0.632 R 0.456;
    # sentence-strict P 0.548 (57/104) R 0.364 (56/154).
    # All of round 9 (9a, 9b, 9c) and recognition round 7 merged, in sample: P 0.778
    # (105/135) R 0.682 (105/154), main findings P 0.780 R 0.722; sentence-strict P 0.733
    # (99/135) R 0.649 (100/154).
    # Tuning round 10c (in sample, tuned on batches 1-12; docs/benchmarks.md "Tuning round 10c")
    # the open question "whether circulating EMVs and their carried miR-125a-5p can be used
    # as biomarkers ... remain unknown" is now a hypothesis, so its cargo statement is hedged
    # and no longer merges with the finding (one more claim): P 0.772 (105/136).
    # All of round 10 merged: P 0.818 R 0.727 (112/154).
    # Tuning round 13a lowered it: "EVs induced both neurogenesis and neuritogenesis via
    # microRNAs (especially, miR-27a-3p and miR-132-3p)-mediated actions" now reads
    # neuritogenesis too (one right claim: the EVs'), and the mediator rule gives the two
    # miRNAs neuritogenesis as it gives them neurogenesis; the gold lists the miRNAs with
    # neurogenesis only (not edited for omissions): P 0.807 (113/140) R 0.734 (113/154).
    11: (0.808, 0.739),
    # Batch 12: out of sample for round 9 (docs/devset-batch12.md). Measured once before round
    # 9 on main's rules (exokg at 39fedab, gold committed first in e2583ba): P 0.605 (52/86)
    # R 0.251 (51/203), main findings P 0.672 (43/64) R 0.347 (35/101); sentence-strict
    # P 0.605 (52/86) R 0.246 (50/203). The integrator re-measures it after merging round 9
    # and raises the floor to that figure. After merging round 9 (9a, 9b, 9c) and
    # recognition round 7, none of which saw batch 12: P 0.628 (59/94) R 0.276 (56/203),
    # main findings P 0.696 (48/69) R 0.337 (34/101); sentence-strict P 0.628 (59/94)
    # R 0.271 (55/203).
    # Tuning round 10c (in sample, tuned on batches 1-12; docs/benchmarks.md "Tuning round 10c")
    # with batch 12 in sample: P 0.719 (87/121) R 0.419 (85/203) (docs/benchmarks.md).
    # Tuning round 10b (patient studies, batch 12 in sample): P 0.713
    # (77/108) R 0.389 (79/203), main findings P 0.740 R 0.455; sentence-strict P 0.713
    # R 0.384 (docs/benchmarks.md, "Tuning round 10b").
    # Tuning round 10a tuned on it (in sample from then on; agents that are no entity yet:
    # secretomes, body fluids given to cells, antibodies and inhibitors, M2-EVs): P 0.716
    # (78/109) R 0.379 (77/203), main findings P 0.805 R 0.455; sentence-strict P 0.716
    # R 0.374 (76/203).
    # All of round 10 (10a-10d) and recognition round 8 merged, in sample: P 0.888 (150/169)
    # R 0.759, main findings P 0.899 R 0.792; sentence-strict P 0.888 R 0.754 (153/203).
    # Recognition round 9 (its short-form rules come from batches 12-13's grounding errors,
    # in sample): "SVD" is small vessel disease, no longer the gene KCNJ13: P 0.893 (150/168)
    # R 0.759, main findings P 0.907 R 0.792.
    # Tuning round 11c (mechanism phrases, loss-of-function experiments, coordination signs,
    # cut objects; docs/benchmarks.md "Tuning round 11c"): P 0.890 (153/172) R 0.773
    # (157/203), main findings P 0.902 R 0.802; sentence-strict P 0.890 R 0.768.
    # All of round 11 (11a-11d), recognition round 9, circRNAs and the speed branches merged
    # (in sample): P 0.895 (153/171) R 0.773, main findings P 0.910 R 0.802.
    # Tuning round 12a (the study's vesicles named by source; activated platelets a cell of
    # their own): P 0.895 (154/172) R 0.778 (158/203), main findings P 0.911 R 0.812.
    # Tuning round 15b (in sample; one reading of a level compared between groups and one of
    # discrimination, exokg/extract/level_comparisons.py, discrimination.py): P 0.896 R 0.783.
    12: (0.896, 0.782),
    # Batch 13: out of sample for the tuning round running in parallel with it (on batches
    # 1-12; docs/devset-batch13.md). Measured once on main's rules (exokg at 2aae3ef, gold
    # committed first in 10bd9a4): P 0.449 (44/98) R 0.327 (48/147), main findings P 0.456
    # (31/68) R 0.385 (37/96); sentence-strict P 0.429 (42/98) R 0.286 (42/147). The
    # integrator re-measures it after merging that round and raises the floor to that figure.
    # After merging round 10 (10a-10d), recognition round 8 and the speed branches, none of
    # which saw batch 13: P 0.452 (47/104) R 0.347 (51/147), main findings P 0.457 (32/70)
    # R 0.396 (38/96); sentence-strict P 0.433 (45/104) R 0.306 (45/147).
    # Tuning round 11d (in sample; purposes, burdens, aims, limitations, a normalisation
    # marker): P 0.490 (48/98) R 0.354 (52/147); sentence-strict P 0.469 (46/98).
    # Tuning round 11b (batch 13 in sample: correlations with the outcome or a score as the
    # subject, level changes, prognostic and biomarker wording): P 0.531 (60/113) R 0.415
    # (61/147).
    # Recognition round 9 (rules from batches 12-13's grounding errors, in sample): two wrong
    # claims gone (a field abbreviation read as a gene or a disease): P 0.461 (47/102)
    # R 0.347, main findings P 0.471 R 0.396.
    # Tuning round 11a (batch 13 in sample; the study's own agent): P 0.648 (68/105) R 0.490
    # (72/147), main findings P 0.718 R 0.573.
    # Tuning round 11c (batch 13 in sample; docs/benchmarks.md "Tuning round 11c"): P 0.538
    # (56/104) R 0.401 (59/147), main findings P 0.534 R 0.458; sentence-strict P 0.519
    # (54/104) R 0.361 (53/147).
    # All of round 11 (11a-11d), recognition round 9, circRNAs and the merge fix of the
    # spelled-out lncRNA merged (in sample): P 0.869 (93/107) R 0.633 (93/147), main findings
    # P 0.890 R 0.729; sentence-strict P 0.841 R 0.592.
    # Review round 11 (in sample; an siRNA is an intervention, docs/benchmarks.md "Review of
    # round 11"): one wrong regulation gone (miR-486 raising PTEN, read from 'blocked by PTEN
    # siRNA'): P 0.877 (93/106) R 0.633.
    # Tuning round 15c (the object of a verb is never the agent of the verb phrase after it:
    # NSCs no longer raise their own differentiation): P 0.895 (94/105) R 0.639 (94/147).
    13: (0.904, 0.638),
    # Batch 14: out of sample for the tuning round running in parallel with it (on batches
    # 1-13; docs/devset-batch14.md). Measured once on main's rules (exokg at 454a21a, gold
    # committed first in 1fb3ebb): P 0.378 (17/45) R 0.163 (16/98), main findings P 0.444
    # (16/36) R 0.232 (13/56); sentence-strict P 0.333 (15/45) R 0.133 (13/98). The
    # integrator re-measures it after merging that round and raises the floor to that figure.
    # Branch circrna (circRNAs and lncRNAs as entities, issue 9) had batch 14 IN SAMPLE:
    # P 0.404 (21/52) R 0.204 (20/98), main findings P 0.475 (19/40) R 0.286 (16/56);
    # sentence-strict P 0.365 (19/52) R 0.173 (17/98) (docs/benchmarks.md, "circRNAs and
    # lncRNAs").
    # After merging round 11 (none of whose rules saw batch 14: P 0.370 R 0.163, main findings
    # P 0.432 R 0.232; sentence-strict 0.326 / 0.133) and the circRNA branch (which did see
    # it; in sample from then on): P 0.396 (21/53) R 0.204 (20/98), main findings P 0.463
    # R 0.286; sentence-strict P 0.358 R 0.173.
    # Tuning round 12a (in sample; the study's vesicles named by a cell adjective, a body
    # fluid of named donors or coordinated sources, "It" and "their formation"): P 0.648
    # (35/54) R 0.337 (33/98), main findings P 0.750 R 0.500; sentence-strict P 0.611
    # R 0.316.
    # Tuning round 12b (in sample, tuned on batches 1-14; clause wording): P 0.552 (37/67)
    # R 0.367 (36/98), main findings P 0.553 R 0.375; sentence-strict P 0.537 R 0.327.
    # Tuning round 12c (in sample; stroke subtypes and clinical measures as entities,
    # indicators and predictive factors of a disease, nominal marker titles, benefit named as
    # a purpose): P 0.482 (27/56) R 0.276 (27/98), main findings P 0.533 R 0.393.
    # Round 12 merged (12a, 12b, 12c and review11 together, all tuned on batches 1-14; in
    # sample): P 0.803 (57/71) R 0.571 (56/98), main findings P 0.833 R 0.696;
    # sentence-strict P 0.789 R 0.531.
    # Tuning round 15b (in sample; one reading of a level compared between groups and one of
    # discrimination, exokg/extract/level_comparisons.py, discrimination.py): P 0.806 R 0.582.
    14: (0.805, 0.581),
    # Batch 15: out of sample for the tuning round running in parallel with it (on batches
    # 1-14; docs/devset-batch15.md). Measured once on main's rules (exokg at 2ba0f94, gold
    # committed first in 8191bf9): P 0.373 (19/51) R 0.204 (20/98), main findings P 0.415
    # (17/41) R 0.250 (15/60); sentence-strict P 0.333 (17/51) R 0.163 (16/98). The
    # integrator re-measures it after merging that round and raises the floor to that figure.
    # After merging round 12 (12a, 12b, 12c, review11; none saw batch 15): P 0.385 (20/52)
    # R 0.214 (21/98), main findings P 0.415 R 0.250; sentence-strict P 0.346 R 0.173.
    # Tuning round 13c (in sample; conditions as settings, protection from an insult,
    # nominal titles, delivery and mechanism phrases, counted cells): P 0.509 (28/55)
    # R 0.286 (28/98).
    # After merging round 13 (13a, 13b, 13c, depth13; batch 15 in sample): P 0.789 (56/71)
    # R 0.571 (56/98), main findings P 0.793 R 0.717; sentence-strict P 0.775 R 0.541.
    # Tuning round 13b (in sample, tuned on batches 1-15; patient levels, aims, hedges):
    # P 0.500 (30/60) R 0.327 (32/98), main findings P 0.511 R 0.367; sentence-strict
    # P 0.483 R 0.286.
    # Tuning round 13a (in sample, tuned on batches 1-15): P 0.586 (34/58) R 0.357 (35/98),
    # main findings P 0.617 R 0.467.
    15: (0.788, 0.570),
    # Batch 16: out of sample for the tuning round running in parallel with it (on batches
    # 1-15; docs/devset-batch16.md). Measured once on main's rules (exokg at 7307641, gold
    # committed first in 2b86251): P 0.571 (24/42) R 0.283 (26/92), main findings P 0.643
    # (18/28) R 0.426 (20/47); sentence-strict P 0.524 (22/42) R 0.239 (22/92). The
    # integrator re-measures it after merging that round and raises the floor to that figure.
    # Tuning round 14c (in sample: lists after "including", marker-defined cells, patient
    # correlations): P 0.811 (43/53) R 0.489 (45/92), main findings P 0.848 R 0.574.
    # Tuning round 14b (in sample, tuned on batches 1-17; the study's agent across a
    # document: educated cells, tissue adjectives, bracketed short forms, anaphora): P 0.783
    # (36/46) R 0.391 (36/92), main findings P 0.844 R 0.617; sentence-strict P 0.739 R 0.348.
    # Tuning round 14a (in sample): P 0.591 (26/44) R 0.304 (28/92).
    # Merged round 14 (tune14a/b/c together, in sample): P 0.966 (57/59) R 0.620 (57/92),
    # main findings P 1.000 R 0.766; sentence-strict P 0.932 R 0.576.
    # Tuning round 15b (in sample; one reading of a level compared between groups and one of
    # discrimination, exokg/extract/level_comparisons.py, discrimination.py): P 0.968 R 0.652.
    16: (0.967, 0.651),
    # Batch 17: out of sample for the tuning round running in parallel with it (on batches
    # 1-16; docs/devset-batch17.md; three reviews, no primary study). Measured once on main's
    # rules (exokg at 7307641, gold committed first in d7d42d0): P 0.545 (6/11) R 0.194
    # (6/31), main findings P 0.000 (0/3) R 0.125 (1/8); sentence-strict P 0.182 (2/11)
    # R 0.065 (2/31). The integrator re-measures it after merging that round and raises the
    # floor to that figure.
    # Tuning round 14c (in sample: "the treatments / mechanisms of D include A, B and C",
    # "accompanied by a series of secondary outcomes, such as A, B"): P 0.792 (19/24)
    # R 0.613 (19/31).
    # Tuning round 14b (in sample; "It results in Y" after a disease sentence, alternative
    # degrees): P 0.583 (7/12) R 0.226 (7/31); sentence-strict P 0.417 R 0.129.
    # Tuning round 14a (in sample): P 0.615 (8/13) R 0.290 (9/31).
    # Merged round 14 (tune14a/b/c together, in sample): P 0.815 (22/27) R 0.742 (23/31),
    # main findings P 0.500 R 0.375; sentence-strict P 0.741 R 0.645.
    17: (0.814, 0.741),
    # Batch 18: out of sample for the tuning round running in parallel with it (on batches
    # 1-17; docs/devset-batch18.md; TIA biomarker studies in patients and rats, siRNA-loaded
    # exosomes in SCI, retinal ischaemia and optic-nerve vesicle studies, a vascular dementia
    # review). Measured once on main's rules (exokg at 2c41d61, gold committed first in
    # 8acc790): P 0.545 (18/33) R 0.180 (16/89), main findings P 0.560 (14/25) R 0.185
    # (12/65); sentence-strict P 0.545 (18/33) R 0.169 (15/89). The integrator re-measures it
    # after merging that round and raises the floor to that figure.
    # After merging round 14 (tuned on batches 1-17, never on this batch): P 0.500 (18/36)
    # R 0.180 (16/89): the round's out-of-sample figure. Then one fix made after reading this
    # batch's errors (a role participle, ", acting as a facilitator of Y", is no outcome:
    # tests/test_role_participle.py), so from here the batch is partly in sample: P 0.514
    # (18/35) R 0.180, main findings P 0.519 R 0.185; sentence-strict P 0.514 R 0.169.
    # Tuning round 15c (in sample: agents of coordinated verb phrases, "X, but not Y", list
    # verbs, roles in treatment and diagnosis, "damage to the retina"): P 0.721 (31/43)
    # R 0.315 (28/89).
    # Tuning round 15b (in sample; one reading of a level compared between groups and one of
    # discrimination, exokg/extract/level_comparisons.py, discrimination.py): P 0.646 (31/48)
    # R 0.326 (29/89), main findings P 0.675 R 0.385; sentence-strict P 0.646 R 0.315.
    # Tuning round 15a (in sample, the field's open words: vesicle kinds, a defined cargo
    # kind, effect verbs, adjective groups; docs/benchmarks.md "Tuning round 15a"): P 0.633
    # (31/49) R 0.326 (29/89), main findings P 0.686 R 0.338; sentence-strict P 0.633
    # R 0.315.
    # Merged round 15 (tune15a/b/c and depth15 together, in sample): P 0.797 (55/69) R 0.584
    # (52/89), main findings P 0.833 R 0.585; sentence-strict P 0.783 R 0.562.
    # Review 15 (in sample): P 0.803 (57/71) R 0.584: "MiR-122 was downregulated in 10 min
    # ischaemic rats compared with ..." reads the study's TIA again beside the ischaemia of
    # the adjective group (two statements matching the same gold claim; recall unchanged).
    18: (0.802, 0.583),
    # Batch 19: out of sample for the tuning round running in parallel with it (on batches
    # 1-18; docs/devset-batch19.md; neighbouring injuries of global or chronic cerebral
    # ischaemia: an EPC secretome in hypoperfusion white matter injury, miR-214-enriched MSC
    # exosomes in deep hypothermic circulatory arrest, antler-MSC exosomes and iPSC-MSC sEVs in
    # postoperative cognitive dysfunction, cerebral endothelial EVs in a vascular dementia
    # model, BMSCs after cardiac arrest (two studies); circRNAs of plasma brain-derived
    # exosomes in AIS patients). Measured once on main's rules (exokg at 0fea06a, gold
    # committed first in b58a9b3): P 0.690 (49/71) R 0.429 (54/126), main findings P 0.729
    # (43/59) R 0.531 (43/81); sentence-strict P 0.690 (49/71) R 0.405 (51/126). The
    # integrator re-measures it after merging that round and raises the floor to that figure.
    # After merging round 15 (tuned on batches 1-18, never on this batch): P 0.681 (49/72)
    # R 0.429 (54/126), main findings P 0.717 R 0.531; sentence-strict P 0.681 R 0.405: the
    # round's out-of-sample figure, one wrong statement more and none found (the new one: the
    # level comparison of tune15b reads "dysregulated circRNAs ... in the plasma brain-derived
    # exosomes of the brain infarct patient group" as the exosomes lowered with the infarct).
    # Review 15 (the fix was made after reading this batch's wrong statement, so this figure
    # is no longer out of sample): the exosomes holding the circRNAs are no level, P 0.690
    # (49/71) R 0.429 (54/126), main findings P 0.729 R 0.531.
    19: (0.689, 0.428),
}


# Out-of-sample batches may show exokg reading a gold claim from another sentence of the same
# abstract than the one the gold names: such a match counts in the batch figures, so each is
# listed here (document, start of the sentence exokg read it from) with the measurement that
# found it, instead of being hidden by a change to the gold; any new case still fails.
KNOWN_OTHER_SENTENCE: frozenset[tuple[str, str]] = frozenset({
    # (batch 5's "MSC-EVs beneficial in models for stroke" read from moon-2019's aim sentence
    # is gone: tuning round 2 reads a topic sentence as no claim)
    # batch 5: "EVs affect functional recovery" read unhedged from a "can" sentence the gold
    # reads as hedged; the gold's unhedged claim is in the next sentence
    ("msc-ev-tbi-cell-free-therapy-review", "When administered intravenously, extracellular"),
    # batch 8, measured before tuning round 5 (docs/devset-batch8.md): "miR-124-3p targets
    # MYH9" read from the sentence after the gold's ("confirm the miR-124-3p/MYH9 axis", a
    # defensible reading); "miR-124-3p targets PDE4B" read unhedged from the "was predicted"
    # sentence (a missed hedge; the gold's unhedged claim is in the next sentence); DPSC
    # exosomes beneficial in brain ischaemia read from a Methods sentence ("to analyse the
    # therapeutic effects of DPSC-Exos on I/R injury") and from "inhibited the I/R-mediated
    # expression of TLR4" (the gold reads it from the title)
    ("neuron-exo-mir124-sci-j-nanobiotechnology", "A series of experiments were used to confirm"),
    ("huang-2018-faseb-j", "PDE4B was predicted to be the target gene"),
    ("dpsc-exos-tmcao-cell-prolif-2021", "Then, oxygen-glucose deprivation"),
    ("dpsc-exos-tmcao-cell-prolif-2021", "DPSC-Exos inhibited the I/R-mediated expression"),
    # batch 8 after merging tuning rounds 5a and 5b: "Overexpression of miR-5121 in
    # stretch-injured microglia-derived exosomes partly reversed the suppression of neurite
    # outgrowth" read as the microglial exosomes decreasing neurite outgrowth (the
    # engineered product read as its plain vesicles, and "reversed the suppression of" read
    # with the wrong direction, both kinds counted in docs/devset-batch8.md); it happens to
    # match the title's claim. A misreading, listed rather than hidden; not fixed on sight of
    # this out-of-sample batch.
    ("microglia-exo-mir5121-tbi-neurotherapeutics", "partly reversed the suppression of neurite"),
    # batch 9, measured before tuning round 6 (docs/devset-batch9.md): "exosomes beneficial in
    # ischaemic stroke" (hedged) read from the review's title "Therapeutic application of
    # exosomes in ischaemic stroke" (the gold reads it from "The potential of exosome therapy
    # for ischaemic stroke"; a defensible reading of the title); the miR-206-knockdown
    # exosomes beneficial in SAH read from "a greater neuroprotective effect on SAH-induced
    # EBI" (the gold reads it from the title; defensible)
    ("li-tang-yang-2021-stroke-vasc-neurol", "Therapeutic application of exosomes in ischaemic"),
    ("zhao-2019-neuroscience-mir206-kd-exos-sah", "We found that treatment with hucMSCs-derived"),
    # batch 11, measured before tuning round 8 (docs/devset-batch11.md): "PS+pEVs were higher
    # after stroke vs. controls" read as platelet EVs in general higher in stroke (the
    # phosphatidylserine-positive subset read as all pEVs); it happens to match the gold's
    # "pEVs higher after IS", which the gold reads from the sentence before. A misreading,
    # listed rather than hidden; not fixed on sight of this out-of-sample batch.
    ("platelet-evs-ischemic-stroke-case-control", "PS+pEVs were higher after stroke vs. controls"),
    # batch 11 after tuning round 9a: with "Cur@EVs−cl−NGF" read as its product, "could
    # effectively inhibit the uncontrollable inflammatory response to protect the spinal
    # cord" gives the product lowering inflammation and raising tissue protection, unhedged
    # (the gold reads that sentence hedged: a missed hedge, issue kind 6); the unhedged keys
    # happen to match the gold's reading of the sentence before ("with anti-inflammatory and
    # neuroprotective properties (Cur@EVs−cl−NGF)"), which exokg does not read. A
    # misreading, listed rather than hidden.
    ("cur-evs-ngf-m2-macrophage-sci-mice", "Subsequently, Cur@EVs−cl−NGF reached the injured"),
    # batch 13, measured when it was added (docs/devset-batch13.md): "NSCs beneficial in models
    # for ischaemic stroke" read from "However, the therapeutic effects of NSC transplantation
    # is limited by ... after ischemic stroke" (a presupposition the sentence does carry; the
    # gold reads the claim from the title and the background sentence before it); the
    # hucMSC exosome beneficial in TBI read unhedged from the aim "The present study was aimed
    # to investigate the protective effects of HucMSC-derived exosome in ... TBI models" (an
    # aim read as a finding, issue kind 8; the same key is the gold's reading of both papers'
    # conclusions). Listed rather than hidden; not fixed on sight of this out-of-sample batch.
    ("nsc-exosomes-nsc-transplantation-mcao-mice-preprint", "However, the therapeutic effects"),
    ("hucmsc-exosome-pink1-parkin-mitophagy-tbi", "The present study was aimed to investigate"),
    # batch 14, measured when it was added (docs/devset-batch14.md): "miR-25-3p lowers
    # ferroptosis" read from "P53 as assumed the role of a downstream effector of miR-25-3p,
    # thereby regulating SLC7A11/GPX4 pathway to counteract ferroptosis" (a mechanism phrase;
    # the gold reads the claim from the sentence before, "mediated the neuroprotective effect
    # of exosomes against ferroptosis"), and "ADSC-Exo lower ferroptosis", hedged, read from
    # "can effectively ... improve the ferroptosis-related outcomes" (improving the outcomes of
    # a harmful process read as lowering the process: defensible; the gold lists the open
    # outcome raised, and the same key is its reading of the aim "anti-ferroptosis exosomes").
    # Listed rather than hidden; not fixed on sight of this out-of-sample batch.
    ("young-plasma-exosomes-ich-mir25-3p-ferroptosis", "P53 as assumed the role of a downstream"),
    ("adsc-exo-intranasal-mir760-3p-chac1-ferroptosis-stroke", "improve the ferroptosis-related"),
    # batch 13 (in sample since round 11), found when round 11 was merged: the hucMSC
    # exosomes raising PINK1 read from "exosome treatment also ... activated the PINK1/Parkin
    # pathway-mediated mitophagy" (round 11a's study preparation for "exosome treatment" and
    # round 11c's own sign for "activated the X pathway" together); the gold accepts the key
    # from the sentence before ("exosome-activated ... (PINK1/Parkin) pathway-mediated
    # mitophagy") and lists only mitophagy for this one: the text says the same of both.
    ("hucmsc-exosome-pink1-parkin-mitophagy-tbi", "Importantly, exosome treatment also"),
    # batch 15, measured when it was added (docs/devset-batch15.md): the title "Systemic
    # conditioned medium treatment from interleukin-1 primed mesenchymal stem cells promotes
    # recovery after stroke" read with the MSCs as the agent (the conditioned medium is not
    # composed there: the study's agent read as a generic one, issue kind 1); it matches the
    # gold's reading of the background sentence "have previously been shown to promote
    # recovery". "despite no observed differences in lesion volume" read as the MSC
    # conditioned medium lowering infarct volume (an absence read as a decrease); it matches
    # the gold's reading of the sentence before ("a ~ 30% reduction in lesion volume").
    # Misreadings, listed rather than hidden; not fixed on sight of this out-of-sample batch.
    ("il1-primed-msc-conditioned-medium-stroke-mice", "Systemic conditioned medium treatment"),
    ("il1-primed-msc-conditioned-medium-stroke-mice", "Administration of MSC-derived conditioned"),
    # batch 16, measured when it was added (docs/devset-batch16.md): "MSC exosomes beneficial
    # in SCI" read unhedged (benefit.therapy-for) from the background sentence "MSC exosomes
    # have been shown to ... regulate neurogenesis and neuroprotection, holding great
    # therapeutic potential in SCI conditions" (the hedged reading of the same sentence is
    # also made and is right); the study's placental-MSC exosomes have the same preparation
    # id as plain MSC exosomes (no placental source is composed), so it matches the gold's
    # reading of the title and results. The title "Inhibition of Ferroptosis by MSC-Derived
    # Exosomes in Acute SCI" is not read; "MSC-Exo lower ferroptosis" is read instead from
    # "inhibited ... ferroptosis-promoting factor prostaglandin-endoperoxide synthase 2" (the
    # factor's adjective read as the process). Misreadings, listed rather than hidden; not
    # fixed on sight of this out-of-sample batch.
    ("hpmsc-exosomes-sci-endogenous-neurogenesis", "Mesenchymal stem cell (MSC) exosomes have"),
    ("msc-exo-ferroptosis-nrf2-gch1-bh4-acute-sci", "The results revealed that MSC-Exo effectively"),
    # batch 17, measured when it was added (docs/devset-batch17.md): the hedges of two
    # neighbouring sentences swapped. "cell therapy beneficial in SCI" is read unhedged from
    # "Nonetheless, there is controversy regarding the therapeutic effect of cell
    # transplantation in SCI models" (a doubt read as a finding: issue kind 6) and hedged from
    # "Studies have shown that cell therapy plays a beneficial role in the treatment of SCI"
    # (earlier work read as a hedge); each matches the gold's reading of the other sentence.
    # Misreadings, listed rather than hidden; not fixed on sight of this out-of-sample batch.
    ("zhang-2023-exosomes-biomaterials-sci-review", "Nonetheless, there is controversy"),
    ("zhang-2023-exosomes-biomaterials-sci-review", "Studies have shown that cell therapy"),
    # batch 18 (in sample since round 15c): "MSC-EVs biomarker for VD" read hedged from
    # "Current research indicates that MSC-EVs play a pivotal role in both the diagnosis and
    # treatment of VD" (exokg.extract.treatment_roles; "indicates that" is one of exokg's
    # hedge cues, the gold reads the sentence unhedged); it matches the gold's hedged reading
    # of "the potential applications of EVs in VD diagnosis". A hedge convention, listed
    # rather than hidden.
    ("liu-2024-msc-evs-vascular-dementia-review", "Current research indicates that MSC"),
})


@pytest.fixture(scope="module")
def result() -> BuildResult:
    return build([DOCUMENTS])


@pytest.fixture(scope="module")
def batches() -> list[Batch]:
    return load_batches()


def test_devset_is_real_and_cited() -> None:
    docs = sorted(p for p in DOCUMENTS.iterdir() if p.is_file())
    assert len(docs) >= 10
    sources = (DEVSET / "SOURCES.md").read_text(encoding="utf-8")
    for doc in docs:
        assert doc.name in sources, f"{doc.name} has no source in SOURCES.md"
        if doc.suffix == ".md":
            assert re.search(r"^url: https?://", doc.read_text(encoding="utf-8"), re.M), doc


def test_every_document_is_in_exactly_one_batch(result: BuildResult,
                                                batches: list[Batch]) -> None:
    owners: dict[str, list[int]] = {}
    for b in batches:
        for doc in b.documents:
            owners.setdefault(doc, []).append(b.number)
    ids = {d.id for d in result.documents}
    assert not ids - owners.keys(), f"documents named by no gold list: {ids - owners.keys()}"
    assert {d: n for d, n in owners.items() if len(n) > 1} == {}


def test_no_paper_is_in_the_set_twice(result: BuildResult) -> None:
    """Batches are written in parallel; the same paper under two file names would be counted
    twice. Papers are compared by PMID, DOI and title (case and spacing ignored)."""
    seen: dict[tuple[str, str], str] = {}
    twice = []
    for d in result.documents:
        src = d.source
        keys = [("pmid", src.pmid if src else None), ("doi", (src.doi or "").lower() if src
                                                      else None),
                ("title", " ".join((d.title or "").casefold().split()))]
        for kind, value in keys:
            if not value:
                continue
            if (kind, value) in seen and seen[kind, value] != d.id:
                twice.append((kind, value, seen[kind, value], d.id))
            seen.setdefault((kind, value), d.id)
    assert not twice, twice


def test_gold_names_existing_documents_and_sentences(result: BuildResult,
                                                     batches: list[Batch]) -> None:
    texts = {d.id: _squash(d.text) for d in result.documents}
    for b in batches:
        for g in b.entries:
            assert g["doc"] in texts, (b.path.name, g)
            if is_claim(g):
                assert _squash(g["sentence"]) in texts[g["doc"]], (b.path.name, g)
                assert g.get("status", "background") in STATUSES, (b.path.name, g)
                assert isinstance(g.get("main", False), bool), (b.path.name, g)


def test_precision_and_recall_per_batch(result: BuildResult, batches: list[Batch]) -> None:
    rows = score_all(batches, result.statements)
    lines, failures = [], []
    for row in rows:
        a, m = row.all, row.main
        name = f"batch {row.number}" if row.number else "all batches"
        lines.append(f"devset {name}: {row.documents} documents; all claims P {a.precision:.3f}"
                     f" R {a.recall:.3f} ({a.found}/{a.gold} gold found, {a.correct}/"
                     f"{a.extracted} extracted correct); main findings P {m.precision:.3f}"
                     f" R {m.recall:.3f} ({m.found}/{m.gold} found, {m.correct}/{m.extracted}"
                     " correct in their sentences)")
        if row.number:
            lines.append("  missed:\n    " + "\n    ".join(a.missed)
                         + "\n  spurious:\n    " + "\n    ".join(a.spurious))
            if row.number not in FLOORS:
                failures.append(f"batch {row.number} has no floor: measure it and add it to"
                                " FLOORS")
                continue
            floor_p, floor_r = FLOORS[row.number]
            if a.precision < floor_p or a.recall < floor_r:
                failures.append(f"batch {row.number}: P {a.precision:.3f} R {a.recall:.3f}"
                                f" below the floor P {floor_p} R {floor_r}")
    print("\n" + "\n".join(lines))
    assert not failures, "\n".join(failures) + "\n" + "\n".join(lines)


def test_matched_statements_cite_a_gold_sentence(result: BuildResult,
                                                 batches: list[Batch]) -> None:
    """An extracted claim that matches gold claims and is read from a document the gold names
    for them must be read from (one of) the sentence(s) the gold names there. (Loose terms
    can let two gold claims match one extracted claim; the places of both count.)"""
    wanted: dict[tuple, list[tuple[str, str]]] = {}
    for b in batches:
        for g in b.claims:
            wanted.setdefault(_key_of_gold(g), []).append((g["doc"], _squash(g["sentence"])))
    by_key: dict[tuple, list[Statement]] = {}
    for s in result.statements:
        by_key.setdefault(_key_of(s), []).append(s)
    wrong = []
    for key, group in by_key.items():
        places = [place for gold, where in wanted.items() if _matches(gold, group[0])
                  for place in where]
        docs = {doc for doc, _ in places}
        evidence = [(e.document_id, _squash(e.text)) for s in group for e in s.evidence
                    if e.document_id in docs]
        if evidence and not any(doc == d and piece in text for doc, piece in places
                                for d, text in evidence):
            if all(any(d == kd and _squash(piece) in text for kd, piece in KNOWN_OTHER_SENTENCE)
                   for d, text in evidence):
                continue
            wrong.append((key, places, evidence))
    assert not wrong, wrong
