"""The context of a clause is remembered on its own analysed sentence (``Analysed.memo``),
not in module state: an analysis made from another (other mentions) gets its own context,
and the memo never takes part in comparing, hashing or printing a sentence."""

from __future__ import annotations

import pickle
from dataclasses import replace

from exokg.extract import context as context_module
from exokg.extract.base import Clause
from exokg.extract.context import context_for
from exokg.model import Analysed, Document, Entity, Mention, Sentence, Span

TEXT = "Exosomes reduced infarct volume in rats after MCAO."
RAT = Entity("NCBITaxon:10116", "rat", "Species")
MOUSE = Entity("NCBITaxon:10090", "mouse", "Species")


def _analysed(species: Entity) -> Analysed:
    doc = Document("doc", TEXT, "test")
    sentence = Sentence("doc", 0, Span(0, len(TEXT)), TEXT, tuple(range(len(TEXT))))
    at = TEXT.index("rats")
    return Analysed(doc, sentence, (Mention(species, at, at + 4, "rats"),), ())


def test_context_is_made_once_per_clause_and_kept_on_the_sentence() -> None:
    a = _analysed(RAT)
    clause = Clause(0, len(TEXT))
    first = context_for(a, clause)
    assert first.species == ("NCBITaxon:10116",)
    assert context_for(a, clause) is first  # remembered, not made again
    assert first in a.memo.values()
    # the human default is another question about the same clause
    assert context_for(a, clause, human_default=True) is not first


def test_a_changed_analysis_gets_its_own_context_in_any_order() -> None:
    rat = _analysed(RAT)
    mouse = replace(rat, mentions=(replace(rat.mentions[0], entity=MOUSE),))
    assert mouse.memo == {} and mouse.memo is not rat.memo
    clause = Clause(0, len(TEXT))
    # asked alternately (as two threads of one dask worker could): never the other's answer
    for _ in range(2):
        assert context_for(rat, clause).species == ("NCBITaxon:10116",)
        assert context_for(mouse, clause).species == ("NCBITaxon:10090",)


def test_memo_is_not_compared_hashed_printed_or_module_state() -> None:
    a, b = _analysed(RAT), _analysed(RAT)
    context_for(a, Clause(0, len(TEXT)))
    assert a.memo and not b.memo
    assert a == b and hash(a) == hash(b)
    assert "memo" not in repr(a)
    assert pickle.loads(pickle.dumps(a)) == a
    mutable = [k for k, v in vars(context_module).items()
               if isinstance(v, (list, dict, set)) and not k.startswith("__")]
    assert not mutable, f"module-level mutable state in exokg.extract.context: {mutable}"
