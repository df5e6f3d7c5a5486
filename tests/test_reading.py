"""Document-level reading and claim semantics, case by case (tests/data/reading_cases.yaml).

Each case is a short invented abstract written in the language of the field (not a sentence
of any corpus), the kind of reading error it guards against, statements that must be read
(``expect``) and statements that must not (``absent``). A pattern names subject, predicate
and object as the gold lists do (tests/gold_matching.py: a CURIE, ``{preparation: parts}``,
``{outcome: text}``), and may add ``direction``, ``negated``, ``hedged``, ``status``,
context fields (``species``, ``model``, ``condition``, ``population``, ``comparator``: the
listed values must all be there) and ``sentence`` (a piece of the evidence sentence).
A case with ``title`` and ``sections`` is built like a PubMed record (title field, labelled
section fields); one with ``text`` is a plain abstract.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from exokg.model import Document, Entity, RecordField, Statement, Value
from exokg.pipeline import document_statements
from exokg.recognise import Recogniser
from gold_matching import term, term_matches

CASES = yaml.safe_load((Path(__file__).parent / "data" / "reading_cases.yaml")
                       .read_text(encoding="utf-8"))
_CONTEXT = ("species", "model", "condition", "population", "comparator")


def build_document(case: dict) -> Document:
    """The document a case describes (see the module docs)."""
    if "text" in case:
        return Document(case["id"], case["text"], "reading_cases.yaml",
                        title=case.get("title"), kind=case.get("kind", "abstract"))
    pieces: list[str] = []
    fields: list[RecordField] = []
    pos = 0
    for name, label, body in [("title", "", case["title"])] + [
            ("section", s["label"], f"{s['label']}: {s['text']}") for s in case["sections"]]:
        if pieces:
            pieces.append("\n\n")
            pos += 2
        fields.append(RecordField(name, label or body, pos, pos + len(body)))
        pieces.append(body)
        pos += len(body)
    return Document(case["id"], "".join(pieces), "reading_cases.yaml", title=case["title"],
                    kind="abstract", fields=tuple(fields))


def _is(gold: object, thing: Entity | Value) -> bool:
    """A case's term against a statement's subject or object: an id (or literal) exactly,
    ``{any: [...]}`` / ``{name: ...}`` as the gold lists match them (an outcome the open
    lexicon grounds in an ontology, or reads as an open outcome without it)."""
    if isinstance(gold, str):
        return (thing.id if isinstance(thing, Entity) else thing.text) == gold
    return term_matches(gold, thing)  # type: ignore[arg-type]


def matches(s: Statement, pattern: dict) -> bool:
    """True when statement ``s`` has everything ``pattern`` names."""
    if "s" in pattern and not _is(term(pattern["s"]), s.subject):
        return False
    if "p" in pattern and s.predicate != pattern["p"]:
        return False
    if "o" in pattern and not _is(term(pattern["o"]), s.object):
        return False
    for key in ("direction", "negated", "hedged"):
        if key in pattern and getattr(s, key) != pattern[key]:
            return False
    if "status" in pattern and s.status != pattern["status"]:
        return False
    for key in _CONTEXT:
        if key in pattern and not set(pattern[key]) <= set(getattr(s.context, key)):
            return False
    if "sentence" in pattern and not any(pattern["sentence"] in e.text for e in s.evidence):
        return False
    return True


def describe(statements: list[Statement]) -> str:
    return "\n".join(
        f"  {s.subject.id} {s.predicate} "
        f"{s.object.id if isinstance(s.object, Entity) else s.object.text} "
        f"{s.direction} hedged={s.hedged} status={s.status} {s.context.items()} "
        f"[{s.evidence[0].rule}]" for s in statements)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_reading_case(case: dict, recogniser: Recogniser) -> None:
    if case.get("lexicon") and recogniser.open_lexicon is None:
        pytest.skip("needs the open lexicon (exokg lexicon build)")
    statements, _, _ = document_statements(build_document(case), recogniser)
    for pattern in case.get("expect", ()):
        assert any(matches(s, pattern) for s in statements), \
            f"{case['id']} ({case['error']}): nothing matches {pattern}; read:\n" \
            + describe(statements)
    for pattern in case.get("absent", ()):
        wrong = [s for s in statements if matches(s, pattern)]
        assert not wrong, f"{case['id']} ({case['error']}): read {pattern}:\n" + \
            describe(wrong)


def test_every_error_kind_has_a_case() -> None:
    kinds = {c["error"].split(":")[0] for c in CASES}
    assert {"1", "2", "3", "5", "6", "7", "8"} <= kinds
