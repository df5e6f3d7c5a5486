"""Levels against a group: "X (and Y) (levels) were elevated / up-regulated / lower in D
(compared to controls)", "X was up-regulated in the serum exosomes of patients with D", "X
levels were elevated at day 1 compared to controls" (the disease of the study's patients), "In
patients with D, X was elevated" -> each marker ``biolink:associated_with`` the disease, with
the direction. A clause that names a treatment, a treated or model group, or puts the controls
after "in" is left to the effect and group rules.
"""

from __future__ import annotations

import re

from exokg.extract.base import Analysed, Clause, DocumentState, clauses
from exokg.extract.level_markers import CONDITIONS, CONTROL, DIRECTION, DISEASE, UP, \
    counted_markers, level_association, level_context, markers_before, names_treatment, \
    study_disease
from exokg.extract.patient_groups import GROUP_CONDITIONS, absent_condition, \
    contrasted_conditions, is_group_condition
from exokg.model import Entity, Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["compared_levels"]


# "X (levels) were (significantly) elevated", "X was markedly up-regulated"
_LEVEL_VERB = re.compile(r"\b(?:levels?\s+|concentrations?\s+|expression\s+|contents?\s+|"
                         r"amounts?\s+)?(?:(?:was|were|is|are|remain(?:s|ed)?)\s+"
                         # "were not increased", "remain elevated", "were also not elevated"
                         r"(?:(?:\w+ly|also|both|not|still)\s+){0,3}"
                         + DIRECTION + r"\b"
                         # "X decreased (significantly) in patients with D": intransitive, only
                         # with the group right after (else "X increased Y" is an effect)
                         r"|(?P<verb>increased|decreased|rose|fell|declined)(?=\s+(?:\w+ly\s+)?"
                         r"(?:in|among)\s))", re.I)
_IN_GROUP = re.compile(r"\s*(?:(?:the\s+)?(?:most|more|much)\s+)?(?:\w+ly\s+)?"
                       r"(?:(?:by\s+)?(?:about\s+|approximately\s+)?[\d.]+\s*-?\s*"
                       r"fold\s+)?(?:(?:at|on)\s+[^,;]{1,30}?\s+)?(?:in|among|within)\s+"
                       r"(?:the\s+)?",
                       re.I)
# "in exosomes derived from stretch-injured microglia", "in EVs released by hypoxic neurons":
# a sample of the vesicles of injured cells
_INJURED_SOURCE = re.compile(r"(?:[\w-]+\s+){0,2}?(?:exosomes?|EVs?|extracellular\s+vesicles?|"
                             r"vesicles?|microvesicles?)\s+(?:derived|released|secreted|isolated|"
                             r"shed)\s+(?:from|by)\s+(?:the\s+)?(?:[\w-]+-)?(?:injured|damaged|"
                             r"traumati[sz]ed|hypoxic|ischemic|ischaemic)\b", re.I)
# "In patients with D, ...", "In D patients, ..."
_FRONTED = re.compile(r"\s*(?:In|Among)\s+(?:the\s+)?(?:[\w-]+\s+){0,6}?(?:patients|subjects|"
                      r"individuals|cases|rats|mice|animals)(?:\s+with\s+[^,]{1,60})?\s*,", re.I)
# "(remain elevated) for decades / up to 12 months after D", "(were increased) after D"
_AFTER_CONDITION = re.compile(r"\s*(?:(?:for|up\s+to|at|by|within|even)\s+(?:[\w-]+\s+){0,4}?)?"
                              r"(?:after|following)\s+(?:the\s+|an?\s+)?", re.I)
_DIFFERENTIAL_CONTEXT = re.compile(r"\b(?:differentially\s+(?:expressed|regulated|abundant)|"
                                   r"dysregulated|altered\s+expression)\b[^;]*\bbetween\b", re.I)
_VERSUS = re.compile(r"\b(?:compared\s+(?:to|with)|than|relative\s+to|versus|vs\.?|"
                     r"in\s+comparison\s+(?:to|with))\b", re.I)


_NEEDS_LEVEL_VERB = Needs(_LEVEL_VERB)


def compared_levels(a: Analysed, state: DocumentState) -> list[Statement]:
    """'X (and Y) were elevated in D (compared to controls)', 'X was up-regulated in the
    serum exosomes of patients with D', 'X levels were elevated at D1 compared to controls'
    -> each marker ``associated_with`` the disease with the direction (module docs)."""
    if not _NEEDS_LEVEL_VERB.may_match(a.text):  # no cue word: nothing to read
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        for m in _LEVEL_VERB.finditer(a.text, clause.start, clause.end):
            subjects = markers_before(a, clause.start, m.start() + 1, populations=True,
                                      lenient=True)
            rest_end = clause.end
            versus = _VERSUS.search(a.text, m.end(), clause.end)
            group = _IN_GROUP.match(a.text, m.end(), versus.start() if versus else clause.end)
            injured = _INJURED_SOURCE.match(a.text, group.end()) if group else None
            # "Three miRNAs were upregulated in D patients: A, B and C"
            entities = [x.entity for x in subjects] or counted_markers(a, state, clause.start,
                                                                        m.start())
            if not entities or names_treatment(a, clause.start, m.start() if injured
                                               else clause.end, tuple(subjects)):
                continue
            disease, flip = None, False
            more: list[Entity] = []
            if injured:
                # "X was decreased most greatly in exosomes derived from injured microglia":
                # the level in the vesicles of injured cells, the study's injury
                disease = study_disease(a, state) or state.disease
            elif group:
                span_end = versus.start() if versus else rest_end
                in_group = a.text[group.end():span_end]
                if CONTROL.match(in_group):
                    # "lower in controls than in patients with D": higher in D
                    found = [d for d in a.within(versus.end(), clause.end, DISEASE)
                             if d.start - versus.end() < 60] if versus else []
                    if not found:
                        continue
                    disease, flip = found[0].entity, True
                else:
                    found = [d for d in a.within(group.end(), span_end, GROUP_CONDITIONS)
                             if d.start - group.end() < 60 and not absent_condition(a, d)
                             and is_group_condition(d)]
                    case = [found[0], *_also_in_group(a, found[0], span_end)] if found else []
                    if case and versus:
                        # "in subjects who had D1 and D2 compared with controls with D1 but
                        # no D2": what the case group has and the comparison group lacks
                        case = contrasted_conditions(a, case, versus.end(), clause.end)
                    disease = case[0].entity if case else None
                    more = [x.entity for x in case[1:]]
            rule = "biomarker.level-compared" if versus or injured else \
                "marker.level-in-disease"
            if disease is None and not group:
                # "X was higher while Y was lower in patients with D (compared to controls)":
                # the group named at the end holds for the clause before "while" too
                shared = _shared_group(a, clause)
                if shared is not None:
                    disease, rule = shared, "biomarker.level-compared"
            if disease is None and not group:
                # "X remain elevated (for decades) after D": a level of the condition
                after = _AFTER_CONDITION.match(a.text, m.end(), clause.end)
                named = [d for d in a.within(after.end(), clause.end, GROUP_CONDITIONS)
                         if d.start == after.end() and is_group_condition(d)] if after else []
                if named:
                    disease = named[0].entity
            if disease is None and not group:
                # "In patients with D, X was elevated": the group before the marker
                front = _FRONTED.match(a.text, clause.start)
                named = a.within(front.start(), front.end(), CONDITIONS) if front else []
                if named:
                    disease, rule = named[0].entity, "biomarker.level-compared"
                elif _DIFFERENTIAL_CONTEXT.search(a.text, 0, m.start()):
                    # "N miRNAs were differentially expressed between D patients and
                    # controls, of which X was upregulated and Y downregulated"
                    disease = study_disease(a, state)
                    rule = "biomarker.level-compared"
            if disease is None:
                if not (versus and CONTROL.search(a.text, versus.end(), clause.end)):
                    continue
                disease = study_disease(a, state)
                if disease is None:
                    continue
            word = (m.group("dir") or m.group("verb")).lower().replace("-", "")
            up = (word in UP or word == "rose") != flip
            ctx = level_context(a, clause.start, m.start())
            # without a comparison the sentence may say more ("X is down-regulated in D and
            # represses Y"): the other rules read it too (a "marker." rule is not exclusive)
            span = (min(x.start for x in subjects), max(x.end for x in subjects)) \
                if subjects else None
            for subj in entities:
                out += [level_association(a, rule, subj, other, up, clause.start,
                                          m.span(), ctx, span) for other in (*more, disease)]
    return out


def _shared_group(a: Analysed, clause: Clause) -> Entity | None:
    """The condition of the patient group named in the clause after ``clause`` when the two
    are joined by 'while' / 'whereas' ('X was higher while Y was lower in patients with D'):
    the first condition after a level verb and 'in' there, told apart from a comparison group
    after it; None otherwise."""
    following = [c for c in clauses(a.text) if c.start > clause.end]
    if not following or not re.fullmatch(r",?\s*(?:while|whereas)\s+",
                                         a.text[clause.end:following[0].start], re.I):
        return None
    nxt = following[0]
    for m in _LEVEL_VERB.finditer(a.text, nxt.start, nxt.end):
        group = _IN_GROUP.match(a.text, m.end(), nxt.end)
        if not group or CONTROL.match(a.text, group.end()):
            continue
        versus = _VERSUS.search(a.text, group.end(), nxt.end)
        end = versus.start() if versus else nxt.end
        case = [d for d in a.within(group.end(), end, GROUP_CONDITIONS)
                if d.start - group.end() < 60 and is_group_condition(d)
                and not absent_condition(a, d)]
        if case and versus:
            case = contrasted_conditions(a, case[:1], versus.end(), nxt.end)
        return case[0].entity if case else None
    return None


# "in participants with more severe PTSD symptoms (PCL-5 >= 38) and positive mTBI history": a
# further condition of the same group, joined by "and" / "or" with at most three words before it
_JOINED = re.compile(r"[^,;]{0,40}?\b(?:and|or)\s+(?:[\w-]+\s+){0,3}", re.I)


def _also_in_group(a: Analysed, first: Mention, end: int) -> list[Mention]:
    """The further conditions of one group after its first ('participants with severe D1
    and a history of D2'): each joined by 'and' / 'or', with no comma, control group or
    comparison between, and not one the group is said not to have."""
    out: list[Mention] = []
    current = first
    for d in a.within(first.end, end, GROUP_CONDITIONS):
        gap = a.text[current.end:d.start]
        if not _JOINED.fullmatch(gap) or CONTROL.search(gap) or _VERSUS.search(gap):
            break
        if d.entity.id != first.entity.id and d.entity.id not in {x.entity.id for x in out} \
                and not absent_condition(a, d) and is_group_condition(d):
            out.append(d)
        current = d
    return out
