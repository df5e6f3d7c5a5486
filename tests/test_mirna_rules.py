"""The shape the miRNA relation rules share (exokg.extract.mirna_rules): phrasing tables whose
keyword guards come from their own patterns, the sign read from a match's groups, and the
statements the table-driven readers give on invented sentences."""

from __future__ import annotations

import re

import pytest

from exokg.extract import gene_on_mirna, mirna_targeting, regulation
from exokg.extract.mirna_rules import Joined, sign_of
from exokg.recognise import Recogniser
from tests.reading_helpers import read

PHRASINGS = [gene_on_mirna.MIRNA_TARGET_OF, gene_on_mirna.MIRNA_REGULATED,
             gene_on_mirna.MIRNA_GENE_TARGET, gene_on_mirna.MIRNA_CHANGED_BY,
             gene_on_mirna.GENE_GAIN_ON_MIRNA, gene_on_mirna.GENE_NAMED_GAIN_ON_MIRNA,
             gene_on_mirna.MIRNAS_INCLUDE, mirna_targeting.IN_CELLS_WITH,
             mirna_targeting.IN_MIRNA_CELLS, mirna_targeting.RESCUE,
             mirna_targeting.TARGETING_COMPOUND, regulation.REGULATOR_OF]


@pytest.mark.parametrize("phrasing", PHRASINGS,
                         ids=[f"{p.rule}-{n}" for n, p in enumerate(PHRASINGS)])
def test_each_phrasing_guard_is_read_from_its_pattern(phrasing: Joined) -> None:
    """Every phrasing has a keyword test, each of its words is written in the pattern it
    comes from (the guard is derived, not listed by hand), and it turns away a sentence that
    names a miRNA and a gene without the phrasing."""
    assert phrasing.needs[0].clauses, phrasing.rule
    groups = [(phrasing.pattern,), phrasing.check_patterns][:len(phrasing.needs)]
    for patterns, needs in zip(groups, phrasing.needs):
        source = " ".join(p.pattern.lower().replace("\\", "") for p in patterns)
        for clauses in needs.per_pattern:
            for clause in clauses:
                assert any(word.replace("-", "") in source for word in clause), \
                    (phrasing.rule, clause)
    assert not phrasing.may_match("miR-21 and PTEN were measured in the same samples.")


def test_sign_from_named_groups() -> None:
    signed = re.compile(r"(?:(?P<sign>negative|positive)\s+)?regulator|(?P<up>induced)|"
                        r"(?P<down>repressed)")
    assert sign_of(signed.search("a negative regulator")) == "negatively"
    assert sign_of(signed.search("a positive regulator")) == "positively"
    assert sign_of(signed.search("a regulator")) == ""
    assert sign_of(signed.search("induced")) == "positively"
    assert sign_of(signed.search("repressed")) == "negatively"
    assert sign_of(re.search("regulated", "regulated by")) == ""  # no groups: no sign


@pytest.mark.parametrize(("text", "rule", "predicate", "subject_is_mirna"), [
    ("PTEN was markedly reduced in cells overexpressing miR-21.",
     "regulation.in-cells-with", "RO:0002212", True),
    # the loss of the miRNA raised the gene: the miRNA represses it
    ("PTEN levels increased in neurons depleted of miR-21.",
     "regulation.in-cells-with", "RO:0002212", True),
    ("PTEN levels fell in neurons depleted of miR-21.", "regulation.in-cells-with", None, True),
    ("miR-21 is a direct transcriptional target of STAT3.",
     "regulation.gene-on-mirna", "RO:0002211", False),
    ("miR-21 expression is induced by STAT3.", "regulation.of-mirna", "RO:0002213", False),
    ("miR-21 acts as a negative regulator of PTEN.",
     "regulation.regulator-of", "RO:0002212", True),
])
def test_table_phrasings_read(recogniser: Recogniser, text: str, rule: str,
                              predicate: str | None, subject_is_mirna: bool) -> None:
    found = [s for s in read(recogniser, text) if s.evidence[0].rule == rule]
    assert [s.predicate for s in found] == ([predicate] if predicate else [])
    if found:
        mirna = found[0].subject if subject_is_mirna else found[0].object
        assert mirna.category == "MicroRNA"


def test_transfected_alone_says_neither_gain_nor_loss(recogniser: Recogniser) -> None:
    """The in-cells phrasing's own check vetoes "transfected with miR-X" without a mimic or
    an inhibitor named after it."""
    found = read(recogniser, "PTEN was reduced in cells transfected with miR-21.")
    assert not [s for s in found if s.evidence[0].rule == "regulation.in-cells-with"]
    found = read(recogniser, "PTEN was reduced in cells transfected with miR-21 mimics.")
    assert [s.predicate for s in found if s.evidence[0].rule == "regulation.in-cells-with"] \
        == ["RO:0002212"]
