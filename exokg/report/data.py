"""What a report shows, read from a built graph with SPARQL (and the named queries).

:func:`collect` returns a :class:`ReportData`: the documents read, the findings (claims
with a direction: what increased or decreased which outcome, in which species and
model), the evidence sentences behind each finding, the contradictions and the
disagreements. Everything is sorted, so the same graph gives the same report.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Document", "EvidenceRow", "Finding", "ReportData", "collect", "publication_label"]

_DOCUMENTS = """
SELECT ?document ?label ?kind ?title ?source ?source_label ?year ?first_author ?journal
WHERE {
  ?document a exo:Document .
  OPTIONAL { ?document rdfs:label ?label }
  OPTIONAL { ?document exo:documentKind ?kind }
  OPTIONAL { ?document dcterms:title ?title }
  OPTIONAL { ?document dcterms:source ?source .
             OPTIONAL { ?source dcterms:date ?year }
             OPTIONAL { ?source exo:firstAuthor ?first_author }
             OPTIONAL { ?source exo:journal ?journal }
             OPTIONAL { ?source rdfs:label ?source_label } }
} ORDER BY ?document"""

_FINDINGS = """
SELECT ?statement ?subject ?subject_label ?subject_class ?predicate ?object ?object_label
       ?direction ?negated ?hedged ?evidence_count
       (GROUP_CONCAT(DISTINCT ?species_label; separator="|") AS ?species)
       (GROUP_CONCAT(DISTINCT ?model_label; separator="|") AS ?models)
WHERE {
  ?statement a exo:Statement ; rdf:subject ?subject ; rdf:predicate ?predicate ;
      rdf:object ?object ; exo:direction ?direction ; exo:negated ?negated ;
      exo:hedged ?hedged ; exo:evidenceCount ?evidence_count .
  OPTIONAL { ?subject rdfs:label ?subject_label }
  OPTIONAL { ?object rdfs:label ?object_label }
  OPTIONAL { ?subject a ?subject_class FILTER(STRSTARTS(STR(?subject_class), STR(exo:))) }
  OPTIONAL { ?statement exo:species ?sp . ?sp rdfs:label ?species_label }
  OPTIONAL { ?statement exo:model ?m . ?m rdfs:label ?model_label }
}
GROUP BY ?statement ?subject ?subject_label ?subject_class ?predicate ?object ?object_label
         ?direction ?negated ?hedged ?evidence_count
ORDER BY ?object_label ?subject_label ?statement"""

_CONTRADICTS = """
SELECT ?a ?b WHERE { ?a exo:contradicts ?b FILTER(STR(?a) < STR(?b)) } ORDER BY ?a ?b"""


@dataclass(frozen=True)
class Document:
    """A document read: id, label, kind (excerpt, abstract, trial record, ...), title,
    the publication it is (IRI and a readable label) and the year (None when unknown)."""

    id: str
    label: str
    kind: str
    title: str | None
    publication: str | None
    year: int | None
    publication_label: str | None = None


@dataclass(frozen=True)
class EvidenceRow:
    """One sentence behind a finding, with where it is (offsets into the original text)."""

    statement: str
    sentence: str
    publication: str
    link: str | None
    document: str
    start: int
    end: int


@dataclass(frozen=True)
class Finding:
    """A claim with a direction: ``subject`` (a preparation, miRNA, ...) ``direction``
    (increased / decreased) ``outcome``, in ``species`` and ``models`` (labels)."""

    statement: str
    subject: str
    subject_label: str
    subject_class: str
    predicate: str
    outcome: str
    outcome_label: str
    direction: str
    negated: bool
    hedged: bool
    evidence_count: int
    species: tuple[str, ...]
    models: tuple[str, ...]
    contradicted: bool = False

    @property
    def shown_direction(self) -> str:
        """The direction as a reader says it (``not increased`` for a negated claim)."""
        return f"not {self.direction}" if self.negated else self.direction


@dataclass
class ReportData:
    """Everything a report shows (see the module docstring)."""

    source: str
    documents: list[Document]
    findings: list[Finding]
    evidence: dict[str, list[EvidenceRow]]
    contradictions: list[tuple[str, str]]
    opposite: list[dict[str, Any]] = field(default_factory=list)
    disagreements: list[dict[str, Any]] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)

    def outcomes(self) -> list[tuple[str, str, list[Finding]]]:
        """(outcome IRI, label, findings) by evidence, most first, then label."""
        groups: dict[str, list[Finding]] = defaultdict(list)
        for f in self.findings:
            groups[f.outcome].append(f)
        return sorted(((k, v[0].outcome_label, v) for k, v in groups.items()),
                      key=lambda t: (-sum(f.evidence_count for f in t[2]), t[1].casefold(),
                                     t[0]))

    def publications(self) -> dict[str, int | None]:
        """Publications the documents are (IRI -> year)."""
        return {d.publication: d.year for d in self.documents if d.publication}


def publication_label(first_author: str | None, year: int | None, journal: str | None,
                      fallback: str | None) -> str | None:
    """``Zhang et al. 2016, J Clin Invest`` (as the evidence query labels publications),
    else ``fallback``.

    >>> publication_label("Zhang ZG", 2016, "J Clin Invest", None)
    'Zhang et al. 2016, J Clin Invest'
    """
    if first_author and year:
        return f"{first_author.split()[0]} et al. {year}" + (f", {journal}" if journal else "")
    return fallback


def _year(value: Any) -> int | None:
    if value is None:
        return None
    match = re.match(r"(\d{4})", str(value))
    return int(match.group(1)) if match else None


def _text(value: Any, default: str = "") -> str:
    return default if value is None else str(value)


def collect(kg: Any) -> ReportData:
    """Read what a report shows from a :class:`~exokg.query.api.KnowledgeGraph`.

    Raises:
        QueryError: a query failed.
    """
    from exokg.query.api import readable_evidence

    docs = kg.sparql(_DOCUMENTS)
    documents: dict[str, Document] = {}
    for r in docs.to_dict("records"):
        if r["document"] in documents:
            continue
        documents[r["document"]] = Document(
            r["document"], _text(r["label"], r["document"]), _text(r["kind"], "document"),
            r["title"], r["source"], _year(r["year"]),
            publication_label(r["first_author"], _year(r["year"]), r["journal"],
                              r["source_label"]))
    contradicted: set[str] = set()
    pairs = [(r["a"], r["b"]) for r in kg.sparql(_CONTRADICTS).to_dict("records")]
    for a, b in pairs:
        contradicted.update((a, b))
    findings: dict[str, Finding] = {}
    for r in kg.sparql(_FINDINGS).to_dict("records"):
        statement = r["statement"]
        cls = _text(r["subject_class"]).rsplit("/", 1)[-1]
        old = findings.get(statement)
        if old is not None and (old.subject_class == "ExosomePreparation"
                                or cls != "ExosomePreparation"):
            continue
        findings[statement] = Finding(
            statement, r["subject"], _text(r["subject_label"], r["subject"]), cls,
            r["predicate"], r["object"], _text(r["object_label"], r["object"]),
            _text(r["direction"]), bool(r["negated"]), bool(r["hedged"]),
            int(r["evidence_count"] or 0),
            tuple(sorted(filter(None, _text(r["species"]).split("|")))),
            tuple(sorted(filter(None, _text(r["models"]).split("|")))),
            statement in contradicted)
    evidence: dict[str, list[EvidenceRow]] = defaultdict(list)
    frame = readable_evidence(kg.ask("evidence"))
    for r in frame.to_dict("records"):
        if r["statement"] in findings:
            evidence[r["statement"]].append(EvidenceRow(
                r["statement"], _text(r["sentence"]), _text(r["publication"]), r["link"],
                _text(r["document_curie"] or r["document"]), int(r["start"]), int(r["end"])))
    for rows in evidence.values():
        rows.sort(key=lambda e: (e.document, e.start))
    opposite = kg.ask("opposite-findings").to_dict("records")
    disagreements = kg.ask("disagreements").to_dict("records")
    return ReportData(kg.source, sorted(documents.values(), key=lambda d: d.id),
                      sorted(findings.values(), key=lambda f: (f.outcome_label.casefold(),
                                                               f.subject_label.casefold(),
                                                               f.statement)),
                      dict(evidence), pairs, opposite, disagreements, dict(kg.stats()))
