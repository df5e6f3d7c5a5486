"""Registry records -> statements: the structured fields of a ClinicalTrials.gov record
(:mod:`exokg.corpus.registry`) become the same trial-design statements the sentence rules
make from text, with the record as their source.

| field | statement (subject: the trial ``clinicaltrials:NCT...``) | rule |
|---|---|---|
| phase | ``exo:phase`` "Phase 1/2" (PHASE1, PHASE2 -> "Phase 1/2"; NA: none) | registry.phase |
| enrollment | ``exo:enrollment`` count (xsd:integer) | registry.enrollment |
| status | ``exo:overallStatus`` as written (RECRUITING, UNKNOWN, ...) | registry.status |
| startDate | ``exo:startDate`` (xsd:date or xsd:gYearMonth) | registry.startDate |
| condition | ``exo:studiesCondition`` the grounded disease | registry.condition |
| intervention | ``exo:studiesIntervention`` the grounded preparation / cell / therapy, and the intervention ``biolink:in_clinical_trials_for`` each condition | registry.intervention, registry.in-clinical-trials-for |
| primaryOutcome / secondaryOutcome | ``exo:primaryEndpoint`` / ``exo:secondaryEndpoint`` (time frame as timing) | registry.primaryOutcome, ... |
| sponsor / collaborator | ``exo:sponsor`` / ``exo:collaborator`` an organization | registry.sponsor, ... |
| site | ``exo:site`` an organization | registry.site |
| investigator | ``exo:investigator`` a person | registry.investigator |

Values are grounded with the recogniser (vocabulary, miRNA grammar, composite preparations);
an intervention is read from its description first ("allogenic mesenchymal stem cells derived
exosome enriched by miR-124"), then from its name. What cannot be grounded gets a minted id
from its text (``exokg:outcome/...``, ``exokg:organization/...``). Each statement's evidence
is the field's block of the rendered record (``rule`` ``registry.{field}``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from exokg.extract.trials import is_observational
from exokg.ids import mint
from exokg.model import Context, Document, Entity, Evidence, Mention, RecordField, Sentence, \
    Span, Statement, Value
from exokg.recognise import Recogniser
from exokg.text.segment import segment

HUMAN = "NCBITaxon:9606"
_INTERVENTIONS = frozenset({"ExosomePreparation", "Vesicle", "Cell", "Therapy", "Drug",
                            "HerbalPreparation"})
_ENDPOINTS = frozenset({"AssessmentScale", "Outcome"})
_DEGREES = re.compile(r",\s*(?:M\.?D\.?|Ph\.?D\.?|MSc|M\.?S\.?|MPH|FRCP\w*|Prof\.?|Dr\.?)\b.*$")


def is_record(doc: Document) -> bool:
    """True for documents whose sentence rules read only their prose fields."""
    return any(f.name == "prose" for f in doc.fields)


def record_sentences(doc: Document) -> list[Sentence]:
    """Sentences of a record's prose fields only, with offsets into the whole text.

    Each prose field is segmented on its own, so no sentence runs across two fields;
    sentence indices continue after the field indices (fields are numbered from 0).
    """
    out: list[Sentence] = []
    index = len(doc.fields)
    for f in doc.fields:
        if f.name != "prose":
            continue
        part = Document(doc.id, doc.text[f.start:f.end], doc.origin)
        for s in segment(part):
            out.append(Sentence(
                document_id=doc.id, index=index,
                span=Span(s.span.start + f.start, s.span.end + f.start), text=s.text,
                offsets=tuple(o + f.start for o in s.offsets), citations=s.citations))
            index += 1
    return out


def phase_label(values: Iterable[str]) -> str | None:
    """Registry phases -> the label the text rules use.

    >>> phase_label(["PHASE1", "PHASE2"]), phase_label(["EARLY_PHASE1"]), phase_label(["NA"])
    ('Phase 1/2', 'Early Phase 1', None)
    """
    nums, early = [], False
    for v in values:
        v = v.strip().upper()
        m = re.fullmatch(r"(EARLY_)?PHASE\s*_?([1-4])", v)
        if m:
            early = early or bool(m.group(1))
            nums.append(m.group(2))
    if not nums:
        return None
    return ("Early Phase " if early else "Phase ") + "/".join(dict.fromkeys(nums))


def _evidence(doc: Document, index: int, f: RecordField, rule: str) -> Evidence:
    return Evidence(document_id=doc.id, sentence_index=index, start=f.start, end=f.end,
                    text=doc.text[f.start:f.end], rule=f"registry.{rule}")


def _ground(recogniser: Recogniser, text: str, classes: frozenset[str]) -> list[Mention]:
    """Mentions of ``classes`` that ground a field value (also tried un-inverted: 'Stroke,
    Ischemic' -> 'Ischemic Stroke'); empty when they cover too little of it."""
    candidates = [text]
    if text.count(",") == 1:
        head, tail = (p.strip() for p in text.split(","))
        candidates.append(f"{tail} {head}")
    for candidate in candidates:
        found = [m for m in recogniser.mentions(candidate) if m.category in classes]
        letters = sum(c.isalnum() for c in candidate) or 1
        covered = sum(sum(c.isalnum() for c in m.text) for m in found)
        if found and covered / letters >= 0.4:
            return found
    return []


_TITLE_SPLIT = re.compile(r"\s(?:in|for|after|following)\s+(?:(?:the\s+)?(?:patients|subjects|"
                          r"participants|people|adults)\s+(?:with|after|suffering\s+from)\s+)?",
                          re.I)


def _title(doc: Document, index: int, f: RecordField, trial: Entity,
           recogniser: Recogniser) -> list[Statement]:
    """A registry title names intervention and condition: '{intervention} in Patients With
    {condition}', '{intervention} for {condition}' (rule registry.title); an observational
    study's title names only its condition."""
    text = doc.text[f.start:f.end].split(": ", 1)[-1]
    split = _TITLE_SPLIT.search(text)
    if not split:
        return []
    # an observational study's title names what it observes ("Circulating Extracellular
    # Vesicles in ... Prognosis After TBI"), not an intervention it tests
    observational = is_observational(doc)
    mentions = recogniser.mentions(text)
    agents = [] if observational else [m.entity for m in mentions if m.end <= split.start()
                                       and m.category in _INTERVENTIONS]
    preps = [e for e in agents if e.category == "ExosomePreparation"]
    agents = preps or agents
    diseases = [m.entity for m in mentions if m.start >= split.end() and m.category == "Disease"]
    ev = (_evidence(doc, index, f, "title"),)
    out = [Statement(trial, "exo:studiesIntervention", e, evidence=ev) for e in agents]
    out += [Statement(trial, "exo:studiesCondition", d, evidence=ev) for d in diseases]
    out += [Statement(e, "biolink:in_clinical_trials_for", d, evidence=ev,
                      context=Context(trial=(trial.id,), species=(HUMAN,)))
            for e in agents for d in diseases]
    return out


def _minted(kind: str, category: str, text: str) -> Entity:
    return Entity(mint(kind, text.lower()), text, category)


def extract_record(doc: Document, recogniser: Recogniser) -> list[Statement]:
    """Statements of a registry record's structured fields (see the module docs)."""
    if doc.kind != "registry-record":
        return []
    nct = doc.id
    trial = Entity(f"clinicaltrials:{nct}", nct, "ClinicalTrial",
                   synonyms=(doc.title,) if doc.title else ())
    out: list[Statement] = []
    conditions: list[Entity] = []
    interventions: list[tuple[int, RecordField, Entity]] = []

    def add(index: int, f: RecordField, pred: str, obj: Entity | Value, rule: str,
            context: Context | None = None) -> None:
        out.append(Statement(trial, pred, obj, context=context or Context(),
                             evidence=(_evidence(doc, index, f, rule),)))

    for i, f in enumerate(doc.fields):
        if f.name == "prose" and f.value == "title":
            out += _title(doc, i, f, trial, recogniser)
        elif f.name == "phase":
            label = phase_label(f.value.split(","))
            if label:
                add(i, f, "exo:phase", Value(label), "phase")
        elif f.name == "enrollment" and f.value.isdigit():
            add(i, f, "exo:enrollment", Value(f.value, "integer"), "enrollment")
        elif f.name == "status":
            add(i, f, "exo:overallStatus", Value(f.value), "status")
        elif f.name == "startDate":
            kind = "date" if re.fullmatch(r"\d{4}-\d{2}-\d{2}", f.value) else (
                "gYearMonth" if re.fullmatch(r"\d{4}-\d{2}", f.value) else "string")
            add(i, f, "exo:startDate", Value(f.value, kind), "startDate")
        elif f.name == "condition":
            found = _ground(recogniser, f.value, frozenset({"Disease", "Phenotype"}))
            entities = [m.entity for m in found] or [_minted("disease", "Disease", f.value)]
            for e in entities:
                conditions.append(e)
                add(i, f, "exo:studiesCondition", e, "condition")
        elif f.name == "intervention":
            found = []
            description = f.attr("description")
            if description:
                found = [m for m in recogniser.mentions(description)
                         if m.category in _INTERVENTIONS]
            found = found or _ground(recogniser, f.value, _INTERVENTIONS)
            preps = [m for m in found if m.category == "ExosomePreparation"]
            chosen = preps[:1] or sorted(found, key=lambda m: m.start - m.end)[:1]
            entity = chosen[0].entity if chosen else _minted("intervention", "Therapy", f.value)
            interventions.append((i, f, entity))
            add(i, f, "exo:studiesIntervention", entity, "intervention")
        elif f.name in ("primaryOutcome", "secondaryOutcome"):
            pred = "exo:primaryEndpoint" if f.name == "primaryOutcome" else \
                "exo:secondaryEndpoint"
            found = _ground(recogniser, f.value, _ENDPOINTS)
            entities = list({m.entity.id: m.entity for m in found}.values()) or \
                [_minted("outcome", "Outcome", f.value)]
            frame = f.attr("timeFrame")
            for e in entities:
                add(i, f, pred, e, f.name, Context(timing=(frame,) if frame else ()))
        elif f.name in ("sponsor", "collaborator", "site"):
            found = _ground(recogniser, f.value, frozenset({"Organization"}))
            e = found[0].entity if found else _minted("organization", "Organization", f.value)
            add(i, f, f"exo:{f.name}", e, f.name)
        elif f.name == "investigator":
            name = _DEGREES.sub("", f.value).strip() or f.value
            add(i, f, "exo:investigator", Entity(mint("person", name), name, "Person"),
                "investigator")
    for i, f, entity in interventions:
        for condition in conditions:
            out.append(Statement(entity, "biolink:in_clinical_trials_for", condition,
                                 context=Context(trial=(trial.id,), species=(HUMAN,)),
                                 evidence=(_evidence(doc, i, f, "in-clinical-trials-for"),)))
    return out
