"""Read ClinicalTrials.gov study records (API v2 JSON, as ``/api/v2/studies/{nctId}`` and the
site's JSON download write them) into one :class:`~exokg.model.Document` per study.

A file holds one study object (``{"protocolSection": ...}``), a search response
(``{"studies": [...]}``) or a list of study objects.

The document text is a rendering of the record, one block per field, blank lines between::

    NCT03384433: {briefTitle}

    Phase: PHASE1, PHASE2
    ...

Each structured block is a :class:`~exokg.model.RecordField` (``phase``, ``enrollment``,
``status``, ``startDate``, ``condition``, ``intervention``, ``arm``, ``primaryOutcome``,
``secondaryOutcome``, ``sponsor``, ``collaborator``, ``site``, ``investigator``) whose span is
the block; registry extraction (:mod:`exokg.extract.registry`) turns them into statements
with that span as evidence. Free-text fields (title, summary, description, intervention and
arm descriptions, outcome descriptions) are ``prose`` fields: the ordinary sentence rules read
them, and only them. Values are written as the registry gives them (``PHASE1``,
``ESTIMATED``), so the evidence shows the record's own words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from exokg.errors import InputError
from exokg.model import Citation, Document, RecordField

_NCT = re.compile(r"NCT\d{8}")


def looks_like_registry(text: str) -> bool:
    """True when JSON text looks like ClinicalTrials.gov study data."""
    return '"protocolSection"' in text[:200_000]


def read_registry(path: Path) -> Iterator[Document]:
    """Documents of a ClinicalTrials.gov JSON file, one per study.

    Raises :class:`InputError` for invalid JSON (line and column), JSON that is not study
    data, and a study without a valid ``nctId``.
    """
    from exokg.corpus.readers import read_text_file  # readers imports this module

    text = read_text_file(path)
    data = load_json(path, text)
    for i, study in enumerate(_studies(path, data), start=1):
        try:
            document = record_document(study, str(path), where=f"study {i}", path=path)
        except (TypeError, AttributeError, ValueError, KeyError) as exc:
            # a field of the wrong JSON type (a module given as a string, "phases": 5, ...)
            raise InputError(path, "unexpected structure (a field has the wrong JSON type: "
                             f"{type(exc).__name__}: {exc})", f"study {i}") from None
        yield document


#: Longest number (characters) and deepest nesting accepted in registry JSON.
MAX_JSON_NUMBER = 64
MAX_JSON_DEPTH = 64


def _number(text: str) -> Any:
    if len(text) > MAX_JSON_NUMBER:
        raise ValueError(f"a number of {len(text)} characters (at most {MAX_JSON_NUMBER})")
    return float(text) if any(c in text for c in ".eE") else int(text)


def _depth(text: str) -> int:
    """Deepest bracket nesting of a JSON text, outside strings (one linear pass)."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def load_json(path: Path, text: str) -> Any:
    """Parse registry JSON with bounded nesting and number size.

    Raises :class:`InputError` for invalid JSON (line and column), nesting deeper than
    :data:`MAX_JSON_DEPTH` and numbers longer than :data:`MAX_JSON_NUMBER` characters.
    """
    if _depth(text) > MAX_JSON_DEPTH:
        raise InputError(path, f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
    try:
        return json.loads(text, parse_int=_number, parse_float=_number,
                          parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"invalid JSON: {exc.msg}", (exc.lineno, exc.colno)) from None
    except (ValueError, RecursionError) as exc:
        raise InputError(path, f"invalid JSON: {exc}") from None


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _valid_date(value: str) -> bool:
    import datetime

    match = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value)
    if not match:
        return False
    year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3) or 1)
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def count_studies(path: Path) -> int:
    """Number of studies in a registry JSON file."""
    from exokg.corpus.readers import read_text_file

    try:
        data = load_json(path, read_text_file(path))
        return len(_studies(path, data))
    except InputError:
        return 1


def _studies(path: Path, data: Any) -> list[dict]:
    if isinstance(data, dict) and "protocolSection" in data:
        return [data]
    if isinstance(data, dict) and isinstance(data.get("studies"), list):
        studies = data["studies"]
    elif isinstance(data, list):
        studies = data
    else:
        raise InputError(path, "JSON is not ClinicalTrials.gov study data (expected "
                         "'protocolSection', a 'studies' list or a list of studies)")
    for i, s in enumerate(studies, start=1):
        if not (isinstance(s, dict) and isinstance(s.get("protocolSection"), dict)):
            raise InputError(path, "not a study record (no 'protocolSection')", f"study {i}")
    return studies


def _get(obj: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


def _str(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


class _Renderer:
    """Accumulates blocks of text and the fields that point into them."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.fields: list[RecordField] = []

    def block(self, text: str) -> int:
        """Append a block; returns its start offset."""
        if self.parts:
            self.parts.append("\n\n")
            self.pos += 2
        start = self.pos
        self.parts.append(text)
        self.pos += len(text)
        return start

    def field(self, name: str, label: str, value: str, *, shown: str | None = None,
              attrs: dict[str, str] | None = None) -> None:
        """A structured block 'label: shown' recorded as field ``name`` = ``value``."""
        if not value:
            return
        text = f"{label}: {shown if shown is not None else value}"
        start = self.block(text)
        pairs = tuple(sorted((k, v) for k, v in (attrs or {}).items() if v))
        self.fields.append(RecordField(name, value, start, start + len(text), pairs))

    def prose(self, label: str, text: str, about: str = "") -> None:
        """A free-text block; only the text after 'label: ' is a prose field."""
        text = _str(text)
        if not text:
            return
        head = f"{label}: "
        start = self.block(head + text)
        attrs = (("about", about),) if about else ()
        self.fields.append(RecordField("prose", label, start + len(head),
                                       start + len(head) + len(text), attrs))

    @property
    def text(self) -> str:
        return "".join(self.parts)


def record_document(study: dict, origin: str, where: str = "study 1",
                    path: Path | None = None) -> Document:
    """The document of one study record (see the module docs for its text)."""
    proto = study.get("protocolSection") or {}
    ident = proto.get("identificationModule") or {}
    nct = _str(ident.get("nctId"))
    if not _NCT.fullmatch(nct):
        raise InputError(path or origin, f"no valid protocolSection.identificationModule.nctId "
                         f"({nct!r})", where)
    r = _Renderer()
    title = _str(ident.get("briefTitle")) or _str(ident.get("officialTitle"))
    start = r.block(f"{nct}: {title}" if title else nct)
    r.fields.append(RecordField("prose", "title", start, r.pos))
    r.prose("Official title", _str(ident.get("officialTitle")))
    design = proto.get("designModule") or {}
    phases = [p for p in (design.get("phases") or []) if isinstance(p, str)]
    r.field("phase", "Phase", ", ".join(phases))
    r.field("studyType", "Study type", _str(design.get("studyType")))
    enrol = design.get("enrollmentInfo") or {}
    if isinstance(enrol.get("count"), int):
        kind = _str(enrol.get("type"))
        r.field("enrollment", "Enrollment", str(enrol["count"]),
                shown=f"{enrol['count']}" + (f" ({kind})" if kind else ""),
                attrs={"type": kind})
    status = proto.get("statusModule") or {}
    r.field("status", "Overall status", _str(status.get("overallStatus")))
    for key, label, name in (("startDateStruct", "Start date", "startDate"),
                             ("primaryCompletionDateStruct", "Primary completion date",
                              "primaryCompletionDate"),
                             ("completionDateStruct", "Completion date", "completionDate")):
        date = status.get(key) or {}
        value = _str(date.get("date"))
        if value and not _valid_date(value):
            raise InputError(path or origin, f"{key}.date {value!r} is not a date "
                             "(YYYY-MM-DD or YYYY-MM)", where)
        kind = _str(date.get("type"))
        r.field(name, label, value, shown=value + (f" ({kind})" if kind else ""),
                attrs={"type": kind})
    for condition in _get(proto, "conditionsModule", "conditions") or []:
        r.field("condition", "Condition", _str(condition))
    arms = proto.get("armsInterventionsModule") or {}
    for item in arms.get("interventions") or []:
        name = _str(item.get("name"))
        kind = _str(item.get("type"))
        r.field("intervention", f"Intervention ({kind})" if kind else "Intervention", name,
                attrs={"type": kind, "description": _str(item.get("description"))})
        r.prose(f"Intervention description ({name})", _str(item.get("description")), name)
    for arm in arms.get("armGroups") or []:
        label = _str(arm.get("label"))
        kind = _str(arm.get("type"))
        r.field("arm", f"Arm group ({kind})" if kind else "Arm group", label,
                attrs={"type": kind})
        r.prose(f"Arm group description ({label})", _str(arm.get("description")), label)
    outcomes = proto.get("outcomesModule") or {}
    for key, name, label in (("primaryOutcomes", "primaryOutcome", "Primary outcome"),
                             ("secondaryOutcomes", "secondaryOutcome", "Secondary outcome")):
        for item in outcomes.get(key) or []:
            measure = _str(item.get("measure"))
            frame = _str(item.get("timeFrame"))
            r.field(name, label, measure,
                    shown=measure + (f" (time frame: {frame})" if frame else ""),
                    attrs={"timeFrame": frame})
            r.prose(f"{label} description", _str(item.get("description")), measure)
    sponsors = proto.get("sponsorCollaboratorsModule") or {}
    r.field("sponsor", "Lead sponsor", _str(_get(sponsors, "leadSponsor", "name")))
    for item in sponsors.get("collaborators") or []:
        r.field("collaborator", "Collaborator", _str(_get(item, "name")))
    contacts = proto.get("contactsLocationsModule") or {}
    for item in contacts.get("locations") or []:
        facility = _str(item.get("facility"))
        place = ", ".join(p for p in (_str(item.get("city")), _str(item.get("country"))) if p)
        r.field("site", "Site", facility, shown=facility + (f", {place}" if place else ""),
                attrs={"place": place})
    for item in contacts.get("overallOfficials") or []:
        name = _str(item.get("name"))
        role = _str(item.get("role"))
        affiliation = _str(item.get("affiliation"))
        shown = name + (f" ({role})" if role else "") + (f", {affiliation}" if affiliation
                                                          else "")
        r.field("investigator", "Investigator", name, shown=shown,
                attrs={"role": role, "affiliation": affiliation})
    desc = proto.get("descriptionModule") or {}
    r.prose("Brief summary", _str(desc.get("briefSummary")))
    r.prose("Detailed description", _str(desc.get("detailedDescription")))
    source = Citation(title=title or None, note=f"ClinicalTrials.gov record {nct}")
    return Document(id=nct, text=r.text, origin=origin, title=title or None, source=source,
                    start=0, kind="registry-record", fields=tuple(r.fields))
