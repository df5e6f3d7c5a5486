"""The comparison form of names and text shared by the lexicon compiler and matcher.

A name and a stretch of text match when their *keys* are equal. The key is built from
tokens:

* a token is a run of Latin letters, a run of digits, a Greek letter (spelled out:
  ``α`` -> ``alpha``) or one other non-space character, so ``IL6``, ``IL-6`` and ``IL 6``
  all give the tokens ``IL 6``, and ``TNF-α`` and ``TNF-alpha`` both give ``TNF alpha``;
* hyphens and dashes are dropped, as is an apostrophe and the ``s`` after it
  (``Alzheimer's disease`` = ``Alzheimer disease``);
* British spellings of the medical vocabulary are written the American way
  (:func:`american`: ``haemorrhage`` = ``hemorrhage``, ``oedema`` = ``edema``,
  ``tumour`` = ``tumor``), since the ontologies name most things in one spelling only;
* the key is the case-folded tokens joined by single spaces.

The *case form* of a name is its tokens joined without spaces, case kept (``IL-6`` ->
``IL6``): case-sensitive names (gene symbols, abbreviations) must also equal the text in
that form.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Token", "american", "case_form", "fold", "greek_name", "key", "plural_keys",
           "tokens"]

_RUN = re.compile(r"[A-Za-z]+|[0-9]+|[^\sA-Za-z0-9]")
_DROP = frozenset("-‐‑‒–—")
_APOSTROPHES = frozenset("'’′")
_IRREGULAR = {"mouse": "mice", "louse": "lice", "child": "children", "foot": "feet",
              "tooth": "teeth", "man": "men", "woman": "women", "person": "people"}
_LATIN = (("us", "i"), ("um", "a"), ("a", "ae"), ("is", "es"))


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its comparison text (Greek spelled out) and offsets into the source."""

    text: str
    start: int
    end: int


def greek_name(char: str) -> str | None:
    """The spelled-out name of a Greek letter, lower case, or None.

    >>> greek_name("α"), greek_name("Β"), greek_name("a")
    ('alpha', 'beta', None)
    """
    if not ("\u0370" <= char <= "\u03ff"):
        return None
    try:
        name = unicodedata.name(char)
    except ValueError:
        return None
    parts = name.split()
    if parts[:2] in (["GREEK", "SMALL"], ["GREEK", "CAPITAL"]) and len(parts) == 4:
        return parts[3].lower()
    return None


def tokens(text: str) -> list[Token]:
    """The tokens of ``text`` (hyphens and possessive ``'s`` dropped) with their offsets.

    >>> [t.text for t in tokens("TNF-α and IL6 in Alzheimer's disease")]
    ['TNF', 'alpha', 'and', 'IL', '6', 'in', 'Alzheimer', 'disease']
    """
    out: list[Token] = []
    skip_s, out_end = False, -1
    for m in _RUN.finditer(text):
        word = m.group()
        if skip_s:
            skip_s = False
            if word in ("s", "S") and m.start() == out_end:
                continue
        if word in _DROP:
            continue
        if word in _APOSTROPHES:
            skip_s, out_end = True, m.end()
            continue
        if len(word) == 1 and not word.isascii():
            spelled = greek_name(word)
            if spelled is not None:
                word = spelled
        out.append(Token(word, m.start(), m.end()))
    return out


#: British spellings of medical words and their American forms, as a regular expression
#: over a case-folded token: "ae" in haem-, -aemia, paed-, anaesth-, gynaec-, faec-, caes-,
#: aetio-; "oe" in oedema, oesophagus, oestrogen, foetus, -rrhoea, -pnoea, coeliac; "-our(s)"
#: after m, l, b, p, "vi" and "do" (tumours, colour, labour, vapour, behaviour, odour);
#: "-isation" and "sulph-".
_BRITISH = re.compile(r"aem|paed|aesth|gynaec|faec|caes|aetio|oedem|oesoph|oestr|foet|"
                      r"rrhoea|pnoea|coeliac|isation|sulph|(?:[mlbp]|vi|do)ours?$")
_AMERICAN = {"aem": "em", "paed": "ped", "aesth": "esth", "gynaec": "gynec", "faec": "fec",
             "caes": "ces", "aetio": "etio", "oedem": "edem", "oesoph": "esoph",
             "oestr": "estr", "foet": "fet", "rrhoea": "rrhea", "pnoea": "pnea",
             "coeliac": "celiac", "isation": "ization", "sulph": "sulf"}


def _american_part(match: re.Match[str]) -> str:
    part = match.group()
    return _AMERICAN.get(part) or part.replace("our", "or")  # "-our", "-ours" endings


def american(token: str) -> str:
    """A case-folded token in American spelling (unchanged when it has no British form).

    >>> [american(t) for t in ("haemorrhage", "oedema", "tumour", "ischaemic", "four")]
    ['hemorrhage', 'edema', 'tumor', 'ischemic', 'four']
    >>> american("paediatric"), american("diarrhoea"), american("behaviour")
    ('pediatric', 'diarrhea', 'behavior')
    """
    if len(token) < 4 or not _BRITISH.search(token):
        return token
    return _BRITISH.sub(_american_part, token)


def fold(token: str) -> str:
    """A token's comparison form: case-folded, in American spelling (:func:`american`)."""
    return american(token.casefold())


def key(text: str) -> str:
    """The comparison key of ``text``: case-folded tokens joined by single spaces.

    >>> key("IL-6") == key("il6") == key("IL 6")
    True
    >>> key("TNF-α"), key("Haemolytic-uraemic syndrome")
    ('tnf alpha', 'hemolytic uremic syndrome')
    """
    return " ".join(fold(t.text) for t in tokens(text))


def case_form(text: str) -> str:
    """The tokens of ``text`` concatenated, case kept (for case-sensitive comparison).

    >>> case_form("IL-6"), case_form("TNF α")
    ('IL6', 'TNFalpha')
    """
    return "".join(t.text for t in tokens(text))


def plural_keys(name_key: str) -> list[str]:
    """English plural forms of a key's last word (``neuron`` -> ``neurons``, ``artery`` ->
    ``arteries``, ``abscess`` -> ``abscesses``); none for a last token that is not a word
    of three or more letters.

    >>> plural_keys("mesenchymal stem cell")
    ['mesenchymal stem cells']
    >>> plural_keys("artery"), plural_keys("il 6"), plural_keys("house mouse")
    (['arteries'], [], ['house mice'])
    """
    head, _, last = name_key.rpartition(" ")
    if len(last) < 3 or not last.isalpha() or not last.isascii():
        return []
    prefix = head + " " if head else ""
    if last in _IRREGULAR:
        return [prefix + _IRREGULAR[last]]
    out = []
    for singular, plural in _LATIN:  # nucleus -> nuclei, vertebra -> vertebrae
        if last.endswith(singular) and len(last) > len(singular) + 2:
            out.append(prefix + last[:-len(singular)] + plural)
    if last.endswith(("s", "x", "z", "ch", "sh")):
        return out + [prefix + last + "es"]
    if last.endswith("y") and last[-2] not in "aeiou":
        return out + [prefix + last[:-1] + "ies"]
    return out + [prefix + last + "s"]
