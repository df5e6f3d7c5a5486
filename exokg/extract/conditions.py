"""Relations between two conditions or processes: the background of a paper about a disease.

Abstracts open with what a disease does and what leads to it; neither side is a treatment,
so the effect rules (:mod:`exokg.extract.effects`), which need an agent, read none of it.
Read here, in the phrasings of the field:

* consequence: "D has (long-term) consequences, such as Y", "D leads to / results in Y" is
  not read (too often said of treatments);
* cause: "D is the most common / a major / one of the main causes of Y", "Y caused by X",
  "X (significantly) contributes to Y", "X and Z are complications of D that contribute to
  Y" (the subject of the relative clause is what the sentence opens with): ``biolink:affects``
  Y, increased (``biolink:associated_with`` when Y is a disease, which is never the object of
  an effect);
* risk: "X is a (major) risk factor of / for D": ``biolink:associated_with``, no direction;
* feature: "X is one of the main pathologies / a hallmark / a feature of D", "D (is a
  severe form of stroke) characterized by (high rates of) Y", "Y are commonly observed in
  individuals with D": ``biolink:associated_with`` (D with Y), no direction; the subject of
  "characterized by" is the disease the sentence opens with;
* association: "X (has been / is) associated with Y", also "frequently / closely associated
  with": ``biolink:associated_with``; "associated with increased / reduced Y" gives the
  direction. Association is not an effect: "EVs ... associated with increased
  neuroinflammation" is not EVs increasing it (the effect rules skip such a change word
  unless the sentence speaks of a treatment given).

Both sides are conditions, pathologies, processes or outcomes: recognised diseases,
phenotypes, processes and outcomes, or an open noun phrase (:func:`open_outcomes`; an
injury no vocabulary knows, "early brain injury", becomes an open condition). A side is a
coordinated run ("A, B and C"); a participle after a comma ("stroke, exacerbating Y") and a
clause after ", and" end it. A condition inside a modifier ("PBI in preterm birth is
associated with", "at 24 h post-stroke") is not the subject. The vesicles of a
sentence may be the subject of an association ("EV subsets, some of which were associated
with Y"). Molecules and miRNAs are left to the biomarker and level rules. "A leading cause of
death and disability (worldwide)" ranks a disease by its burden; that statement, which
nearly every abstract of the field opens with, names no pathology and gives no claim.

The claim's status (mostly ``background``) is given later, as for every statement
(:func:`exokg.extract.claim_status`).
"""

from __future__ import annotations

import re

from exokg.extract.base import Analysed, DocumentState, clauses, coordinated, statement
from exokg.extract.context import context_for
from exokg.extract.epistemics import hedged, negated
from exokg.extract.outcomes import open_outcomes
from exokg.ids import mint
from exokg.model import Entity, Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["extract_condition_relations"]

#: Classes that can stand on either side of a relation between conditions.
SIDES = frozenset({"Disease", "Phenotype", "BiologicalProcess", "Outcome"})
_VESICLES = frozenset({"Vesicle", "ExosomePreparation"})
_NO_AGENTS = frozenset({"Vesicle", "ExosomePreparation", "Cell", "MicroRNA", "MicroRNACluster",
                        "Gene", "Protein", "Drug", "HerbalPreparation", "Therapy"})

_BE = r"(?:is|are|was|were|remains?|represents?|constitutes?|has\s+been|have\s+been)"
_CAUSE = re.compile(_BE + r"\s+(?:also\s+)?(?:one\s+of\s+)?(?:a|an|the)?\s*(?:\w+\s+)?"
                    r"(?:leading|major|main|most\s+common|common|primary|principal|"
                    r"important|frequent|predominant)\s+causes?\s+of\s+", re.I)
_RISK = re.compile(_BE + r"\s+(?:also\s+)?(?:one\s+of\s+)?(?:a|an|the)?\s*(?:\w+\s+)?"
                   r"(?:\w+\s+)?risk\s+factors?\s+(?:of|for)\s+", re.I)
_CONSEQUENCES = re.compile(r"\b(?:has|have|had)\s+(?:[\w-]+\s+){0,2}consequences,?\s+"
                           r"(?:such\s+as|including|like)\s+", re.I)
_CONTRIBUTES = re.compile(r"\b(?:\w+ly\s+)?contribut(?:e|es|ed|ing)\s+to\s+(?:the\s+)?", re.I)
_ASSOCIATED = re.compile(r"\b(?:" + _BE + r"\s+)(?:\w+ly\s+)?associated\s+with\s+"
                         r"(?:an?\s+|the\s+)?(?:(?P<dir>increased|elevated|higher|greater|"
                         r"enhanced|decreased|reduced|lower|diminished)\s+)?", re.I)
_CAUSED_BY = re.compile(r"\s+caused\s+by\s+", re.I)
# "Apoptosis is one of the main pathologies of D", "Neuroinflammation is a hallmark of D":
# a pathology or feature of a condition
_FEATURE_OF = re.compile(_BE + r"\s+(?:also\s+)?(?:one\s+of\s+)?(?:a|an|the)?\s*(?:\w+\s+)?"
                         r"(?:key|main|major|central|common|characteristic|defining|"
                         r"prominent|principal|critical|important|pathological|typical|"
                         r"cardinal)?\s*(?:pathologies|pathology|hallmarks?|features?|"
                         r"characteristics?|manifestations?|pathological\s+(?:features?|"
                         r"changes?|processes?|mechanisms?))\s+of\s+(?:the\s+)?", re.I)
_MAY_FEATURE_OF = Needs(_FEATURE_OF)  # its keyword guard
# "D is a severe form of stroke characterized by high rates of Y": D with Y
_CHARACTERIZED = re.compile(r"\b(?:characteri[sz]ed|marked|accompanied)\s+by\s+(?:an?\s+|the\s+)?"
                            r"(?:(?:high|higher|elevated|increased|considerable|substantial|"
                            r"significant|severe|profound|marked|extensive|progressive)\s+"
                            r"(?:rates?\s+of\s+|levels?\s+of\s+)?)?",
                            re.I)
# "Y are commonly observed in individuals with D": Y goes with D
_OBSERVED_IN = re.compile(_BE + r"\s+(?:\w+ly\s+)?(?:observed|seen|found|present|common|"
                          r"frequent|reported)\s+in\s+(?:[\w-]+\s+)?(?:patients|individuals|"
                          r"people|subjects|persons|survivors)\s+(?:with|after|suffering\s+from)"
                          r"\s+(?:an?\s+|the\s+)?", re.I)
_UP = re.compile(r"increased|elevated|higher|greater|enhanced", re.I)
# burden words: "a leading cause of death and disability worldwide"
_BURDEN = re.compile(r"^(?:(?:long-term|severe|adult|childhood|permanent|acquired|high|"
                     r"[\w-]+-related)\s+)*"
                     r"(?:death|deaths|mortality|morbidity|disability|disabilities|burden)"
                     r"(?:\s+(?:worldwide|globally|world-wide|around\s+the\s+world|"
                     r"in\s+the\s+world))?$", re.I)
# a change of an amount is the level rules' ("associated with elevations of exosomal tau")
_CHANGE_OF = re.compile(r"^(?:elevations?|increases?|decreases?|reductions?|levels?|changes?|"
                        r"alterations?|concentrations?)\b", re.I)
# a relative pronoun or a partitive before the verb: the subject is further back
_RELATIVE = re.compile(r"(?:\b(?:some|many|most|all|several|one|none)\s+of\s+)?"
                       r"\b(?:which|that|who)\s+(?:\w+ly\s+)?$", re.I)
# a relative clause after a predicate noun ("are two complications of D that")
_PREDICATE_NOUN = re.compile(r"\b(?:is|are|was|were|remains?)\s+(?:[\w-]+\s+){0,6}$", re.I)
# a mention right after a preposition or glued to a prefix is a modifier of the subject
_IN_PHRASE = re.compile(r"(?:\b(?:in|of|at|after|following|during|with|for|from|by|on)\s+"
                        r"(?:the\s+|an?\s+)?|-)$", re.I)
_OPENING = re.compile(r"(?:\W*(?:Background|Introduction|Abstract)\W*)?", re.I)


def _side(a: Analysed, start: int, end: int, *, vesicles: bool = False) -> list[Mention]:
    """The coordinated conditions or processes that open ``a.text[start:end]``: recognised
    mentions and open noun phrases, in text order, each at most once (a recognised mention
    before an open phrase over the same words)."""
    classes = SIDES | _VESICLES if vesicles else SIDES
    agents = _NO_AGENTS - (_VESICLES if vesicles else frozenset())
    found: list[Mention] = []
    # open phrases stop at a bracket: read on after each short form ("Early brain injury
    # (EBI) and cerebral vasospasm")
    for at in [start] + [_JOIN.match(a.text, b.end()).end()
                         for b in _SHORT_FORM.finditer(a.text, start, end)]:
        phrases, named = open_outcomes(a, at, end, agents=agents)
        found += [f for f in phrases if all(f.start != g.start for g in found)]
        # an injury or disease no vocabulary knows ("early brain injury") is a side as well
        found += [Mention(Entity(mint("condition", p.label), p.label, "Phenotype"), p.start,
                          p.end, a.text[p.start:p.end], "open-condition") for p in named
                  if all(p.start != g.start for g in found)]
    known = [_qualified(a, m) for m in a.within(start, end, classes)]
    items = known
    items += [f for f in found if not any(m.start < f.end and f.start < m.end for m in items)
              and not _PARTICIPLE.match(f.text) and not _CUT.match(a.text, f.end)
              and not _ENDS_ADJECTIVE.search(f.text)]
    items.sort(key=lambda m: (m.start, m.source))
    if not items or not _LEAD.fullmatch(a.text[start:items[0].start]):
        return []
    run: list[Mention] = [items[0]]
    for m in items[1:]:
        gap = a.text[run[-1].end:m.start]
        if re.fullmatch(r"\s*\(\s*", gap) and re.match(r"\s*\)", a.text[m.end:]):
            continue  # the short form of the one before: "Early brain injury (EBI)"
        if m.start < run[-1].end or not _JOIN.fullmatch(gap):
            if m.start < run[-1].end:
                continue
            break
        if len(run) == 1 and re.fullmatch(r"\s*,\s*(?:and|or)\s+", gap):
            break  # "a cause of death, and anti-inflammatory strategies hold ...": a clause
        run.append(m)
    # "A, B and C" ends with a conjunction; "stroke, exacerbating Y" is no list
    while len(run) > 1 and not re.search(r"\b(?:and|or)\b", a.text[run[-2].end:run[-1].start]) \
            and not re.match(r"\s*,?\s*(?:and|or)\b", a.text[run[-1].end:]):
        run.pop()
    return run


# a time course or severity written before a vocabulary phenotype names a condition of its
# own: "early brain injury" (of SAH), "secondary injury", "chronic inflammation"
_QUALIFIER = re.compile(r"\b(early|delayed|secondary|primary|acute|chronic|mild|moderate|"
                        r"severe|focal|diffuse|global|repetitive|repeated|perinatal|neonatal)"
                        r"\s+$", re.I)


def _qualified(a: Analysed, m: Mention) -> Mention:
    """``m``, or an open condition over ``m`` and the qualifier right before it when ``m``
    is a vocabulary phenotype ("early brain injury" holds "brain injury")."""
    q = _QUALIFIER.search(a.text, max(0, m.start - 15), m.start)
    if m.category != "Phenotype" or q is None:
        return m
    text = a.text[q.start(1):m.end]
    label = " ".join(text.split()).lower()
    return Mention(Entity(mint("condition", label), label, "Phenotype"), q.start(1), m.end,
                   text, "open-condition")


# what may come before the first condition of a side: an article, a short form in
# brackets, up to two modifiers ("long-term neurological disability")
_LEAD = re.compile(r"\s*(?:\(\s*)?(?:(?:the|an?|its|their|both|such|as|[\w-]+)\s+){0,3}",
                   re.I)
_JOIN = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?(?:,\s*)?(?:and|or|,)?\s*(?:the\s+)?", re.I)
# "stroke, exacerbating disease management": a participle opens a clause, not a condition
_PARTICIPLE = re.compile(r"(?!(?:signal+ing|bleeding|swelling|functioning|learning|sprouting|"
                         r"remodel+ing|firing|processing|folding|wiring)\b)\w+ing\b", re.I)
# a phrase cut before its head noun ("coronal midline" of "midline shift") or ending in an
# adjective ("acute axial" of "acute axial and coronal midline shift") names nothing
_CUT = re.compile(r"\s+(?:shift|shifts|switch)\b", re.I)
_ENDS_ADJECTIVE = re.compile(r"(?<!surviv)(?<!potenti)(?<!tri)(?<!sign)(?<!anim)(?<!interv)"
                             r"(?<!remov)(?<!withdraw)(?<!hospit)(?<!materi)(?<!tot)"
                             r"(?:al|ic|ive|ous|ary)$", re.I)
_SHORT_FORM = re.compile(r"\([^()]{1,20}\)")


def _subject_before(a: Analysed, lo: int, at: int, *, vesicles: bool = False
                    ) -> list[Mention]:
    """The conditions that are the subject of a verb at ``at``: the coordinated run of
    conditions ending right before it (brackets with a short form and "have been" between),
    or, after a relative pronoun ("..., some of which were", "complications of D that
    contribute"), the run the sentence opens with (vesicles with ``vesicles``: the nearest
    vesicle mention)."""
    before = a.text[lo:at]
    rel = _RELATIVE.search(before)
    classes = SIDES | _VESICLES if vesicles else SIDES
    head = _OPENING.match(a.text, lo).end()
    if rel:
        if vesicles:
            ves = a.within(lo, lo + rel.start(), _VESICLES)
            if ves:
                return [ves[-1]]
        if _PREDICATE_NOUN.search(a.text, lo, lo + rel.start()):
            # "X and Y are two complications of D that contribute to Z": the sentence's
            # subject is what the relative clause is said of
            return _side(a, head, lo + rel.start())
        at = lo + rel.start()  # "proteins that are associated with Y": the noun before
    known = [m for m in a.within(lo, at, classes)
             if re.fullmatch(r"\s*(?:\([^()]{1,20}\)\s*)?(?:\w+ly\s+)?", a.text[m.end:at])]
    if known and _IN_PHRASE.search(a.text, lo, known[-1].start):
        # "PBI in preterm birth is associated with", "MLS at 24 h post-stroke were": the
        # condition in a modifier is not the subject; the clause's opening condition is
        run = _side(a, head, at)
        return run if run and run[0].start - head < 20 else []
    if known:
        return coordinated(a, known[-1], classes, backwards=True)
    # an open phrase ending right before the verb: read it from the clause start
    head = _OPENING.match(a.text, lo).end()
    run = _side(a, head, at)
    if run and re.fullmatch(r"\s*(?:\([^()]{1,20}\)\s*)?(?:\w+ly\s+)?", a.text[run[-1].end:at]):
        return run
    return []


_WORD_START = re.compile(r"(?<![\w-])[\w-]")


def _phrase_before(a: Analysed, lo: int, at: int) -> list[Mention]:
    """The open noun phrase that ends right before ``at`` (up to four words back; the
    longest that opens with neither a verb form in -ing nor a stop word)."""
    starts = [m.start() for m in _WORD_START.finditer(a.text, lo, at)][-4:]
    best: list[Mention] = []
    for s in reversed(starts):
        if re.match(r"(?:\w+ing|of)\b", a.text[s:]):
            break
        phrases, _ = open_outcomes(a, s, at, agents=_NO_AGENTS)
        if phrases and phrases[0].start == s and not a.text[phrases[-1].end:at].strip():
            best = phrases[-1:]
    return best


def _objects_after(a: Analysed, start: int, end: int, *, burden: bool = True
                   ) -> list[Mention]:
    """The conditions or processes a relation points to, opening ``a.text[start:end]``
    (without the burden words of a ranking, "death and disability", with ``burden=False``)."""
    return [m for m in _side(a, start, end) if (burden or not _BURDEN.match(m.entity.label))
            and not _CHANGE_OF.match(m.entity.label)]


_NEEDS_RELATION = Needs(_CAUSE, _RISK, _CONSEQUENCES, _CONTRIBUTES, _ASSOCIATED, _CAUSED_BY,
                        _FEATURE_OF, _CHARACTERIZED, _OBSERVED_IN)


def extract_condition_relations(a: Analysed, state: DocumentState,
                                found: list[Statement]) -> list[Statement]:
    """Relations between conditions or processes in sentence ``a`` (see the module docs),
    leaving out pairs that ``found`` (the sentence's other statements) already relates."""
    del state
    if not _NEEDS_RELATION.may_match(a.text):  # no verb of a relation: nothing to read
        return []
    out: list[Statement] = []
    have = {(s.subject.id, s.object.id) for s in found if isinstance(s.object, Entity)}

    def add(rule: str, subjects: list[Mention], predicate: str, objects: list[Mention],
            direction: str | None, clause_start: int, at: int, ctx) -> None:
        for x in subjects:
            for y in objects:
                if x.entity.id == y.entity.id or (x.entity.id, y.entity.id) in have:
                    continue
                have.add((x.entity.id, y.entity.id))
                # a disease is never the object of biolink:affects (docs/graph-model.md):
                # "stroke is a leading cause of neurological disorders" relates the two
                disease = predicate == "biolink:affects" and y.category == "Disease"
                out.append(statement(a, f"condition.{rule}", x.entity,
                                     "biolink:associated_with" if disease else predicate,
                                     y.entity, direction=None if disease else direction,
                                     negated=negated(a.text, clause_start, at),
                                     hedged=hedged(a.text, clause_start, at), context=ctx))

    for clause in clauses(a.text):
        lo, hi = clause.start, clause.end
        ctx = context_for(a, clause)
        for pattern, rule, predicate, direction in (
                (_CAUSE, "cause", "biolink:affects", "increased"),
                (_RISK, "risk", "biolink:associated_with", None),
                (_CONSEQUENCES, "consequence", "biolink:affects", "increased"),
                (_CONTRIBUTES, "contributes", "biolink:affects", "increased")):
            for m in pattern.finditer(a.text, lo, hi):
                subjects = _subject_before(a, lo, m.start())
                if subjects:
                    add(rule, subjects, predicate,
                        _objects_after(a, m.end(), hi, burden=rule != "cause"), direction,
                        lo, m.start(), ctx)
        for m in _ASSOCIATED.finditer(a.text, lo, hi):
            subjects = _subject_before(a, lo, m.start(), vesicles=True)
            if not subjects:
                continue
            word = m.group("dir")
            direction = None if not word else "increased" if _UP.match(word) else "decreased"
            add("associated", subjects, "biolink:associated_with",
                _objects_after(a, m.end(), hi), direction, lo, m.start(), ctx)
        for m in _FEATURE_OF.finditer(a.text, lo, hi) if _MAY_FEATURE_OF.may_match(a.text) else ():
            subjects = _subject_before(a, lo, m.start())
            if subjects:
                add("feature-of", subjects, "biolink:associated_with",
                    _objects_after(a, m.end(), hi), None, lo, m.start(), ctx)
        for m in _CHARACTERIZED.finditer(a.text, lo, hi):
            subjects = [x for x in _side(a, _OPENING.match(a.text, lo).end(), m.start())
                        if x.category == "Disease"][:1]
            if subjects:
                add("characterized-by", subjects, "biolink:associated_with",
                    _objects_after(a, m.end(), hi), None, lo, m.start(), ctx)
        for m in _OBSERVED_IN.finditer(a.text, lo, hi):
            objects = _subject_before(a, lo, m.start())
            diseases = [d for d in _side(a, m.end(), hi) if d.category == "Disease"]
            if objects and diseases:
                add("observed-in", diseases, "biolink:associated_with", objects, None, lo,
                    m.start(), ctx)
        for m in _CAUSED_BY.finditer(a.text, lo, hi):
            objects = [o for o in a.within(lo, m.start(), SIDES)
                       if not a.text[o.end:m.start()].strip()]
            if not objects:
                objects = _phrase_before(a, lo, m.start())
            if objects:
                add("caused-by", _side(a, m.end(), hi), "biolink:affects", objects[-1:],
                    "increased", lo, m.start(), ctx)
    return out
