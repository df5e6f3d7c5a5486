"""Characters exports cannot carry: the fast paths of the checks give the regex's answers,
and a document is cleaned (or refused) as before."""

from __future__ import annotations

import pytest

from exokg.errors import InputError
from exokg.model import Citation, Document
from exokg.pipeline import clean_document
from exokg.text.characters import BAD_CHARACTER, _SURROGATE, first_bad_character, \
    has_surrogate

# every class of character the checks treat differently, in ASCII and non-ASCII texts
_SAMPLES = ["\x00", "\x07", "\t", "\n", "\r", "\x1f", " ", "~", "\x7f", "\x85", "\x9f",
            "\xa0", "é", "\u2028", "\ud800", "\udfff", "\ufdd0", "\ufdef", "\ufffd",
            "\ufffe", "\uffff", "\U0001fffe", "\U0010ffff", "\U0001f600", "\u200b"]


@pytest.mark.parametrize("char", _SAMPLES, ids=[f"U+{ord(c):04X}" for c in _SAMPLES])
def test_checks_agree_with_the_character_classes(char: str) -> None:
    for text in (char, f"ab{char}", f"a\nb{char}c", f"é{char}", f"{char}\x07"):
        bad, surrogate = BAD_CHARACTER.search(text), _SURROGATE.search(text)
        assert first_bad_character(text) == (bad.start() if bad else None), text
        assert has_surrogate(text) == (surrogate.start() if surrogate else None), text


def test_clean_document_keeps_a_clean_document_and_cleans_a_field() -> None:
    clean = Document("d1", "Title\n\nExosomes reduced infarct volume.", "x.xml",
                     title="Title", source=Citation(authors=("Müller A",)))
    assert clean_document(clean) is clean
    dirty = Document("d2", "Exosomes\x07 reduced it.", "x.xml",
                     source=Citation(authors=("Li\x85 B",)))
    cleaned = clean_document(dirty)
    assert cleaned.text == "Exosomes\ufffd reduced it."  # same length: offsets hold
    assert cleaned.source is not None and cleaned.source.authors == ("Li\ufffd B",)


def test_clean_document_names_the_field_of_a_lone_surrogate() -> None:
    doc = Document("d3", "fine text", "x.json", source=Citation(title="bad \ud800 title"))
    with pytest.raises(InputError, match=r"document d3\.source\.title: a lone surrogate U\+D800"):
        clean_document(doc)


@pytest.mark.parametrize("label,slug", [
    # invented labels: plain ASCII (the fast path), accents precomposed and decomposed
    # (a combining mark after its letter), a Greek letter and a ligature NFKD splits
    ("Neurological Functional Recovery", "neurological-functional-recovery"),
    ("Buyang Huanwu d\u00e9coction (BYHWD)", "buyang-huanwu-decoction-byhwd"),
    ("Buyang Huanwu de\u0301coction (BYHWD)", "buyang-huanwu-decoction-byhwd"),
    ("TNF-\u03b1 release", "tnf-release"),
    ("\ufb01brosis  --  scar", "fibrosis-scar"),
    ("  __x~y.z__  ", "__x~y.z__"),
])
def test_slugs_drop_combining_marks_whatever_the_text(label: str, slug: str) -> None:
    """:func:`exokg.ids.slugify` drops combining marks only where NFKD leaves non-ASCII
    characters; an ASCII label (most of them) takes a shorter path to the same slug."""
    from exokg.ids import slugify

    assert slugify(label, max_length=None) == slug
