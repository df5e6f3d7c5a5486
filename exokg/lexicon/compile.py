"""Compile dictionary sources into the lexicon artefact (an SQLite file and an automaton).

:func:`compile_records` applies the naming rules (which names are matched, with their case
or not, and which only near gene words) to :class:`~exokg.lexicon.sources.Record`\\ s and
writes, into one folder:

* ``lexicon.sqlite`` — tables ``entity`` (index, CURIE, label, class, source, xrefs),
  ``name`` (comparison key -> entity, surface form, kind) and ``meta`` (version, sources);
* ``tokens-automaton.pickle`` — the tokens of the matched comparison keys
  (:mod:`exokg.lexicon.normalise`), sorted, and a pyahocorasick automaton (integer values)
  over the keys written two characters per token (:func:`token_chars`: the token's
  position in that list as a "high" character, the position divided by
  :data:`TOKEN_SPAN`, and a "low" one, the remainder, from two ranges that do not
  overlap), so a hit always starts and ends on token boundaries; a key's value is
  ``key_id * (MAX_KEY_TOKENS + 1) + number of tokens``, and table ``candidate`` holds the
  key's candidates ``(entity index, case form or "", flags)`` in order, best first.
  Coding tokens instead of characters makes the automaton about a third of the character
  trie's size (lexicon 2: 5.4 million nodes): it is what the lexicon's memory is mostly
  spent on. Two characters, not one, per token keep every trie node's children few (at
  most :data:`TOKEN_SPAN`): pyahocorasick looks a child up by a linear scan, and one
  character per token gave the root 186,000 children and matching six times slower.

The rules (docs/lexicon.md, "Ambiguity"):

* gene symbols, aliases and ontology abbreviations match with their case; other names
  case-insensitively, except one-word names with two or more capitals (``CD4``), which
  keep their case;
* names of fewer than two letters or digits, names made only of digits and punctuation,
  the field's abbreviations (``resources/lexicon/field-abbreviations.txt``) and generic
  names (``generic-names.txt``) are never matched;
* a gene alias shared by several genes is dropped unless it is the official symbol of one
  of them (then it names that gene) or one of them has at least five times the PubMed
  links of each other (then it names that one, :func:`_dominant_owner`); so is a GO synonym shared by several GO terms (GO.db
  keeps no synonym scope, and such a synonym is a related one: "necrosis"); a one- or
  two-character symbol is kept only when it has a digit and no other entity has the same
  key;
* a gene symbol or alias that is an English word (the system word list) is flagged
  :data:`NEEDS_GENE_CONTEXT`: the matcher accepts it only near a gene word;
* a one-word name without a space matches only text without one ("AND1" is not "and 1");
  a lower-cased copy of an entity's own abbreviation ("ion" beside "ION") is dropped, and
  so are one-word common names of taxa above species ("bear", "rodent");
* chemicals: no name under four letters and digits, no generic molecule class, no name
  that is also a gene's name, and no one-word English word unless the MeSH curation table
  has it as a chemical (:func:`_chemical_name_ok`); plurals only of one-word names of the
  curation table;
* a name coordinating two names of its own kind ("nausea and vomiting") is not matched;
* records with the same id are merged (names, xrefs), and MeSH ids reach ontology diseases
  and DrugBank drugs as xrefs through gilda's mappings and shared names, as OMIM ids reach
  MONDO and HPO entities through shared names (:func:`_propagate_mesh`);
* when several entities share a key, the candidates are ordered by tier (labels, full
  names, case-insensitive synonyms and official gene symbols; then ontology
  abbreviations, so "G6PD" is the gene before the deficiency; then gene aliases and brand
  names), source (MONDO, OMIM and Orphanet, HPO, CL, NCBI Gene, MeSH curation, MeSH,
  DrugBank, GO, UBERON, NCBITaxon), kind of name and identifier, and the matcher takes the
  first whose conditions hold.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from importlib.resources import files
from pathlib import Path

from exokg.lexicon.normalise import case_form, key, plural_keys
from exokg.lexicon.sources import Name, Record

__all__ = [
    "COMPILER_VERSION",
    "AUTOMATON_FILE",
    "MAX_KEY_TOKENS",
    "TOKEN_SPAN",
    "CASE_RELAXED",
    "NEEDS_GENE_CONTEXT",
    "NO_SPACE",
    "WORD_CASE_INSENSITIVE",
    "CompileRules",
    "UNKNOWN_TOKEN",
    "compile_records",
    "token_chars",
    "version_key",
]

#: Bump when the artefact's layout or the naming rules change (part of the version key).
COMPILER_VERSION = "3"
#: Candidate flag: the name has no space, so the text must have none either ("AND1" is not
#: "and 1", "PI3" is not "PI 3").
NO_SPACE = 8
#: The file holding the token list and the automaton (a pickled pair).
AUTOMATON_FILE = "tokens-automaton.pickle"
#: A key's value in the automaton is ``key_id * (MAX_KEY_TOKENS + 1) + its token count``;
#: a matched key (at most :data:`MAX_MATCHED_LENGTH` characters) has fewer tokens.
MAX_KEY_TOKENS = 63
#: How a text token no matched key has is written: no key contains the character.
UNKNOWN_TOKEN = "\x01\x01"
#: A token's low character is one of this many; its high one counts whole spans.
TOKEN_SPAN = 512
_HIGH_BASE = 0x100
_LOW_BASE = 0x1000  # high characters stay below it; both stay below the surrogates
#: Names whose comparison key is longer than this are kept for look-up by name but not
#: matched in text: nobody writes a 60-character ontology label out in a sentence.
MAX_MATCHED_LENGTH = 60
#: Sources whose synonyms carry no scope (exact, related, broad): a synonym several of
#: their terms share is not an exact name of any of them and is dropped.
_UNSCOPED_SYNONYMS = frozenset({"GO"})
#: Sources whose names get no plural forms (processes, proper disease names); taxon labels
#: (Latin names) get none either, their common names do.
_NO_PLURALS = frozenset({"GO", "HPOA"})
#: Candidate flag: accept only with a gene word (``gene-context.txt``) within three tokens.
NEEDS_GENE_CONTEXT = 1
#: Candidate flag: a gene symbol of three or more characters that may also match with
#: other capitals ("p53" for P53, "Il6" for IL6, "Akt" for AKT: mouse and rat symbols and
#: protein names are written so) unless the text is all lower case without a digit; never
#: set for symbols that are English words.
CASE_RELAXED = 4
#: Candidate flag: a case-insensitive one-word name; not matched on an all-capitals token
#: (an abbreviation such as "CAT" is not the word "cat").
WORD_CASE_INSENSITIVE = 2

_SOURCE_RANK = {"MONDO": 0, "HPOA": 1, "HP": 2, "CL": 3, "NCBIGene": 4, "MESHCUR": 5,
                "MESH": 6, "DRUG": 7, "GO": 8, "UBERON": 9, "NCBITaxon": 10}
_KIND_RANK = {"label": 0, "symbol": 0, "synonym": 1, "full_name": 1, "abbreviation": 2,
              "alias": 3, "brand": 3}
_CASE_SENSITIVE_KINDS = frozenset({"symbol", "alias", "abbreviation", "brand"})
#: Classes a disease's MeSH id may be attached to by a shared name.
_DISEASE_LIKE = frozenset({"Disease", "Phenotype"})
#: Chemical names with fewer letters and digits than this are not matched ("NO", "Ca",
#: "GSH" are written as abbreviations a document defines, or are ambiguous).
_CHEMICAL_MIN_ALNUM = 4


def _resource_lines(name: str) -> list[str]:
    text = files("exokg").joinpath("resources", "lexicon", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


@dataclass(frozen=True)
class CompileRules:
    """The word lists the rules use: field abbreviations (case forms), generic names
    (keys) and English words (lower case)."""

    field_abbreviations: frozenset[str]
    generic_names: frozenset[str]
    english_words: frozenset[str]

    @classmethod
    def default(cls, words_file: Path | None = None) -> CompileRules:
        """The packaged lists and the system word list (``/usr/share/dict/words``, Debian
        ``wamerican``; an empty set when absent — then no symbol is flagged)."""
        words: set[str] = set()
        path = words_file or Path("/usr/share/dict/words")
        if path.is_file():
            words = {w.strip().lower() for w in path.read_text(encoding="utf-8",
                                                               errors="replace").splitlines()
                     if w.strip().isalpha()}
        return cls(frozenset(case_form(a) for a in _resource_lines("field-abbreviations.txt")),
                   frozenset(key(g) for g in _resource_lines("generic-names.txt")),
                   frozenset(words))

    def digest(self) -> str:
        """A short hash of the lists (part of the lexicon version key)."""
        h = hashlib.sha256()
        for part in (self.field_abbreviations, self.generic_names, self.english_words):
            h.update("\n".join(sorted(part)).encode())
            h.update(b"\0")
        return h.hexdigest()[:12]


def version_key(versions: dict[str, str], rules: CompileRules) -> str:
    """The lexicon version: compiler version + a hash of the source versions, the word
    lists, the compiler's own code (a rule change makes a new version) and the
    pyahocorasick version (the automaton's pickle format).

    >>> version_key({"MONDO": "v1"}, CompileRules(frozenset(), frozenset(), frozenset()))[:2]
    '3-'
    """
    code = hashlib.sha256()
    for module in ("normalise.py", "sources.py", "compile.py"):  # the rules are code too
        code.update(files("exokg.lexicon").joinpath(module).read_bytes())
    try:  # the automaton is pickled in this library's own format
        automaton_format = metadata.version("pyahocorasick")
    except metadata.PackageNotFoundError:
        automaton_format = "?"
    payload = json.dumps({"sources": versions, "rules": rules.digest(),
                          "code": code.hexdigest(), "pyahocorasick": automaton_format},
                         sort_keys=True)
    return f"{COMPILER_VERSION}-{hashlib.sha256(payload.encode()).hexdigest()[:12]}"


def token_chars(position: int) -> str:
    """The two characters standing for the token at ``position`` of the lexicon's sorted
    token list: a high one (``position // TOKEN_SPAN``, from U+0100) and a low one
    (``position % TOKEN_SPAN``, from U+1000). Keys start with a high character, so no hit
    can start inside a token. Raises ValueError past 1,966,080 tokens.

    >>> [hex(ord(c)) for c in token_chars(0)], [hex(ord(c)) for c in token_chars(513)]
    (['0x100', '0x1000'], ['0x101', '0x1001'])
    """
    high, low = divmod(position, TOKEN_SPAN)
    if _HIGH_BASE + high >= _LOW_BASE or position < 0:
        raise ValueError(f"token {position} does not fit in the token code")
    return chr(_HIGH_BASE + high) + chr(_LOW_BASE + low)


def _case_sensitive(name: Name) -> bool:
    if name.kind in _CASE_SENSITIVE_KINDS:
        return True
    text = name.text.strip()
    return " " not in text and sum(c.isupper() for c in text) >= 2


def _chemical_name_ok(name: Name, name_key: str, form: str, alnum: int,
                      rules: CompileRules, gene_keys: set[str],
                      curated_keys: set[str]) -> bool:
    """The chemical naming rules: no names shorter than :data:`_CHEMICAL_MIN_ALNUM`
    characters; no generic names, whatever their case ("mRNA", "amino acid": generic-names
    lists the molecule classes); no name that is also a gene's symbol, alias or full name
    (MeSH files proteins under chemicals: "TGF-beta", "ghrelin" are genes' products, and the
    Gene class names them); no one-word name that is an English word ("lead", "water",
    "salt", brand names such as "Ban") unless annotators marked it as a chemical in the
    curation table's training texts ("cocaine", "morphine")."""
    if alnum < _CHEMICAL_MIN_ALNUM or name_key in rules.generic_names:
        return False
    if name_key in gene_keys:
        return False
    if " " in name.text.strip() or not form.isalpha():
        return True
    return form.lower() not in rules.english_words or name_key in curated_keys


def _merge_duplicates(records: list[Record]) -> list[Record]:
    """One record per id (``records`` sorted by source rank, then id): a later record with
    the same id adds its names and xrefs to the first (an OMIM disease named by HPO and by
    the MeSH curation table; a drug in gilda's MeSH table and in the drug dictionary)."""
    unique: list[Record] = []
    by_id: dict[str, Record] = {}
    for r in records:
        kept = by_id.get(r.id)
        if kept is None:
            kept = Record(r.id, r.label, r.category, r.source, list(r.names), list(r.xrefs),
                          r.preference, r.publications)
            by_id[r.id] = kept
            unique.append(kept)
            continue
        if kept.category != r.category and not (kept.category in _DISEASE_LIKE
                                                and r.category in _DISEASE_LIKE):
            continue
        known = {(n.text, n.kind) for n in kept.names}
        kept.names.extend(n for n in r.names if (n.text, n.kind) not in known)
        kept.xrefs.extend(x for x in r.xrefs if x not in kept.xrefs)
    return unique


def _same_kind(a: str, b: str) -> bool:
    return a == b or (a in _DISEASE_LIKE and b in _DISEASE_LIKE)


def _propagate_mesh(records: list[Record], entries: list[_Entry]) -> None:
    """Give ontology entities the MeSH ids of the MeSH records that name them, as xrefs:
    a MeSH record's own xrefs (gilda maps MeSH ids to HP and DOID ids), and a disease name a
    MeSH record (``mesh:`` id) shares with a disease or phenotype of another source
    (MONDO "breast cancer" gets the MeSH id the curation table gives "breast cancer"), and
    a chemical name one shares with a DrugBank drug. OMIM diseases (HPO's annotations, the
    curation table) likewise give their id to a MONDO or HPO entity of the same name
    (MONDO "Pelizaeus-Merzbacher disease" gets OMIM:312080): MONDO in the cellxgene
    package carries no OMIM xrefs. A MeSH name of kind ``xref`` (never matched itself)
    gives its id to a disease or phenotype of another source with that name that has no
    MeSH id otherwise."""
    index = {r.id: i for i, r in enumerate(records)}
    extra: dict[int, set[str]] = defaultdict(set)
    for r in records:
        if not r.id.startswith("mesh:"):
            continue
        for x in r.xrefs:
            if x in index:
                extra[index[x]].add(r.id)
    by_key: dict[str, set[int]] = defaultdict(set)
    for e in entries:
        by_key[e.key].add(e.entity)
    for e in entries:
        r = records[e.entity]
        if e.case or not (r.id.startswith("mesh:") or r.id.startswith("OMIM:")):
            continue
        for other in by_key[e.key]:
            o = records[other]
            if other != e.entity and _same_kind(o.category, r.category) and \
                    not o.id.startswith(("mesh:", "OMIM:")):
                extra[other].add(r.id)
    for r in records:  # MeSH names kept for xrefs only (gilda's EFO rows)
        for n in r.names:
            if n.kind != "xref":
                continue
            for other in by_key.get(key(n.text), ()):
                o = records[other]
                if o.category in _DISEASE_LIKE and not o.id.startswith(("mesh:", "OMIM:")) \
                        and not any(x.startswith("mesh:") for x in (*o.xrefs, *extra[other])):
                    extra[other].add(r.id)
    for i, curies in extra.items():
        r = records[i]
        r.xrefs.extend(sorted(c for c in curies if c not in r.xrefs))


@dataclass
class _Entry:
    key: str
    entity: int
    surface: str
    kind: str
    case: str  # case form for case-sensitive names, else ""
    flags: int
    rank: tuple


#: A gene alias shared by several genes names the one with at least this many times the
#: PubMed links of each other owner (and at least :data:`MIN_DOMINANT_PUBLICATIONS`).
DOMINANCE = 5
MIN_DOMINANT_PUBLICATIONS = 20


def _dominant_owner(records: list[Record], owners: set[int]) -> int | None:
    """The index of the gene among ``owners`` (record indices sharing one alias) that the
    literature names far more often than the others: at least :data:`DOMINANCE` times the
    PubMed links of the next and at least :data:`MIN_DOMINANT_PUBLICATIONS`; None when no
    gene stands out so. Annotators of gene corpora give a shared alias to the well-studied
    gene ("CD25" IL2RA rather than ISG20, "GR" NR3C1, "p65" RELA, "CAT" catalase;
    docs/benchmarks.md, "Recognition round 6")."""
    ranked = sorted(owners, key=lambda i: (-records[i].publications, records[i].id))
    first, second = records[ranked[0]].publications, records[ranked[1]].publications
    if first >= MIN_DOMINANT_PUBLICATIONS and first >= DOMINANCE * second:
        return ranked[0]
    return None


def _entries(records: list[Record], rules: CompileRules,
             curated_keys: set[str] | None = None) -> list[_Entry]:
    curated_keys = curated_keys or set()
    gene_keys = {key(n.text) for r in records if r.category == "Gene" for n in r.names
                 if n.kind in ("symbol", "alias", "full_name")}
    symbol_of: dict[str, set[int]] = defaultdict(set)
    alias_of: dict[str, set[int]] = defaultdict(set)
    unscoped_synonym_of: dict[str, set[int]] = defaultdict(set)
    for i, r in enumerate(records):
        for n in r.names:
            if n.kind == "synonym" and r.source in _UNSCOPED_SYNONYMS:
                unscoped_synonym_of[key(n.text)].add(i)
            if n.kind == "symbol":
                symbol_of[case_form(n.text)].add(i)
            elif n.kind == "alias":
                alias_of[case_form(n.text)].add(i)
    out: list[_Entry] = []
    for i, r in enumerate(records):
        seen: set[tuple[str, str]] = set()
        abbreviated = {key(n.text) for n in r.names if _case_sensitive(n)}
        for n in r.names:
            if n.kind == "xref":
                continue  # never matched: it only passes the record's id on (_propagate_mesh)
            k = key(n.text)
            form = case_form(n.text)
            alnum = sum(c.isalnum() for c in form)
            if alnum < 2 or not any(c.isalpha() for c in form):
                continue
            sensitive = _case_sensitive(n)
            if not sensitive and k in abbreviated:
                continue  # "ion" beside "ION": a lower-cased copy of an abbreviation
            if r.source == "NCBITaxon" and r.preference and " " not in k:
                continue  # a one-word common name of a genus or higher group ("bear")
            if sensitive and form in rules.field_abbreviations:
                continue
            if not sensitive and k in rules.generic_names:
                continue
            if r.category == "Chemical" and not _chemical_name_ok(n, k, form, alnum, rules,
                                                                  gene_keys, curated_keys):
                continue
            flags = 0
            if n.kind == "synonym" and len(unscoped_synonym_of.get(k, ())) > 1:
                continue  # a related synonym of several terms ("necrosis" in GO)
            if n.kind == "alias":
                owners = symbol_of.get(form)
                if owners and i not in owners:
                    continue  # the official symbol of another gene
                if not owners and len(alias_of[form]) > 1 and \
                        _dominant_owner(records, alias_of[form]) != i:
                    continue  # shared by several genes, none of which it officially names
            if n.kind in ("symbol", "alias"):
                if alnum <= 2 and not (n.kind == "symbol" and any(c.isdigit() for c in form)):
                    continue
                if form.lower() in rules.english_words:
                    if form.islower():
                        continue  # "not": a word, not a symbol
                    flags |= NEEDS_GENE_CONTEXT
                elif alnum >= 3:
                    flags |= CASE_RELAXED
            if not sensitive and " " not in k and k.isalpha():
                flags |= WORD_CASE_INSENSITIVE
            if " " not in n.text.strip():
                flags |= NO_SPACE
            tier = 2 if n.kind == "alias" else 1 if sensitive and n.kind != "symbol" else 0
            rank = (tier, _SOURCE_RANK.get(r.source, 99), r.preference,
                    _KIND_RANK.get(n.kind, 9), flags)
            variants = [(k, form if sensitive else "")]
            if n.kind not in ("symbol", "alias"):
                if sensitive:
                    if form[-1:].isalpha() and form[-1:].isupper() and alnum >= 3:
                        variants.append((k + "s", form + "s"))
                elif r.source not in _NO_PLURALS and not (r.source == "NCBITaxon"
                                                          and n.kind == "label") \
                        and not (r.category == "Chemical"
                                 and (not k.isalpha() or r.source != "MESHCUR")):
                    # chemicals: only one-word names of the curation table ("statins",
                    # "opioids": classes of drugs); MeSH and DrugBank name substances,
                    # which are not written in the plural
                    variants += [(p, "") for p in plural_keys(k)]
            for vk, vcase in variants:
                if (vk, vcase) in seen:
                    continue
                seen.add((vk, vcase))
                out.append(_Entry(vk, i, n.text, n.kind, vcase, flags, rank))
    # a short official symbol only when nothing else has its key
    by_key: dict[str, set[int]] = defaultdict(set)
    for e in out:
        by_key[e.key].add(e.entity)
    return [e for e in out
            if not (e.kind == "symbol" and sum(c.isalnum() for c in e.case) <= 2
                    and len(by_key[e.key]) > 1)
            and not _coordinated_names(e.key, records[e.entity].category, by_key, records)]


def _coordinated_names(name_key: str, category: str, keys: dict[str, set[int]],
                       records: list[Record]) -> bool:
    """True for a name that coordinates two names of its own kind ("nausea and vomiting",
    "anxiety or depression"): the text names two things, and is read as two mentions.
    "cleft lip and palate" stays one name (a palate is anatomy, not a disease).

    >>> r = [Record("a", "nausea", "Phenotype", "HP"), Record("b", "vomiting", "Phenotype", "HP"),
    ...      Record("c", "palate", "AnatomicalEntity", "UBERON")]
    >>> keys = {"nausea": {0}, "vomiting": {1}, "palate": {2}, "cleft lip": {0}}
    >>> _coordinated_names("nausea and vomiting", "Phenotype", keys, r)
    True
    >>> _coordinated_names("cleft lip and palate", "Disease", keys, r)
    False
    """
    for word in (" and ", " or "):
        left, sep, right = name_key.partition(word)
        if sep and all(any(_same_kind(records[i].category, category) for i in keys.get(part, ()))
                       for part in (left, right)):
            return True
    return False


def compile_records(records: Iterable[Record], out_dir: Path, *, version: str,
                    sources: dict[str, str], rules: CompileRules) -> dict[str, int]:
    """Write the lexicon of ``records`` into ``out_dir`` (replaced if it exists).

    Returns counts (entities, names, keys). The output is deterministic: the same records,
    version and rules give the same files."""
    import ahocorasick

    ordered = sorted(records, key=lambda r: (_SOURCE_RANK.get(r.source, 99), r.id))
    curated_keys = {key(n.text) for r in ordered
                    if r.source == "MESHCUR" and r.category == "Chemical" for n in r.names}
    unique = _merge_duplicates(ordered)
    entries = _entries(unique, rules, curated_keys)
    _propagate_mesh(unique, entries)
    candidates: dict[str, list[_Entry]] = defaultdict(list)
    for e in entries:
        candidates[e.key].append(e)
    tmp = out_dir.with_name(out_dir.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    keys = sorted(k for k in candidates if len(k) <= MAX_MATCHED_LENGTH)
    token_list = sorted({t for k in keys for t in k.split(" ")})
    codes = {t: token_chars(i) for i, t in enumerate(token_list)}
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    rows: list[tuple[int, int, int, str, int]] = []
    for key_id, k in enumerate(keys):
        best: dict[tuple[int, str], _Entry] = {}
        for e in sorted(candidates[k], key=lambda e: (e.rank, unique[e.entity].id, e.case)):
            best.setdefault((e.entity, e.case), e)
        rows.extend((key_id, pos, e.entity, e.case, e.flags)
                    for pos, e in enumerate(best.values()))
        parts = k.split(" ")
        automaton.add_word("".join(codes[t] for t in parts),
                           key_id * (MAX_KEY_TOKENS + 1) + len(parts))
    automaton.make_automaton()
    with (tmp / AUTOMATON_FILE).open("wb") as f:
        pickle.dump((tuple(token_list), automaton), f, protocol=pickle.HIGHEST_PROTOCOL)
    db = sqlite3.connect(tmp / "lexicon.sqlite")
    with db:
        db.executescript("""
            CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE entity (idx INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
                                 label TEXT NOT NULL, category TEXT NOT NULL,
                                 source TEXT NOT NULL, xrefs TEXT NOT NULL);
            CREATE TABLE name (key TEXT NOT NULL, idx INTEGER NOT NULL, surface TEXT NOT NULL,
                               kind TEXT NOT NULL, case_form TEXT NOT NULL);
            CREATE TABLE candidate (key_id INTEGER NOT NULL, pos INTEGER NOT NULL,
                                    idx INTEGER NOT NULL, case_form TEXT NOT NULL,
                                    flags INTEGER NOT NULL, PRIMARY KEY (key_id, pos))
                                    WITHOUT ROWID;
        """)
        db.executemany("INSERT INTO candidate VALUES (?, ?, ?, ?, ?)", rows)
        db.executemany("INSERT INTO entity VALUES (?, ?, ?, ?, ?, ?)",
                       ((i, r.id, r.label, r.category, r.source, " ".join(r.xrefs))
                        for i, r in enumerate(unique)))
        db.executemany("INSERT INTO name VALUES (?, ?, ?, ?, ?)",
                       ((e.key, e.entity, e.surface, e.kind, e.case) for e in entries))
        db.execute("CREATE INDEX name_key ON name (key)")
        counts = {"entities": len(unique), "names": len(entries), "keys": len(candidates)}
        meta = {"version": version, "compiler": COMPILER_VERSION,
                "sources": json.dumps(sources, sort_keys=True),
                "counts": json.dumps(counts, sort_keys=True)}
        db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
    db.close()
    if out_dir.exists():
        shutil.rmtree(out_dir)
    os.replace(tmp, out_dir)
    return counts
