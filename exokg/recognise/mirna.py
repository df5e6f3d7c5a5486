"""Find, normalise and ground miRNA mentions.

The recogniser is a small grammar, not a list of names. A mention is

    [pre-|pri-] [species-] HEAD JOIN ID [cluster] [arm] {SEP MEMBER} [cluster noun]

* ``HEAD``: ``miR``/``mir``/``MIR`` (gene symbol), ``miRNA``, ``microRNA``, ``micro RNA``,
  ``Micro-RNA``, optionally followed by a bracketed abbreviation (``miRNA (miR)-223``);
  the plurals ``miRNAs``/``microRNAs``/``miRs`` only when a list of numbers follows
  (``microRNAs 124a and 223``); ``let-7`` and ``lin-4`` have their own heads.
* ``ID``: a number, an optional letter or two (``133b``; ``548ab``, as miRBase names the
  members of large families past ``z``), an optional copy number (``-1``, ``26a2``).
* ``cluster``: further numbers joined by ``~``/``∼`` or by ``-`` and two or more digits
  (``miR-17~92``, ``miR-17-92``, ``miR-183∼96∼182``).
* ``arm``: ``-3p``/``-5p`` or ``*``.
* ``MEMBER``: the elliptic rest of an enumeration: ``-155``, ``221``, ``/133``, ``/b``;
  each member becomes its own mention with its own span.
* cluster noun: ``cluster``, ``polycistron``, ``family`` after the designation marks a
  cluster/family; the noun itself stays outside the span.

A ``pre-``/``pri-`` prefix also stays outside the span; it marks the mention as a precursor.
Names glued to ``anti-`` (inhibitors) are not miRNA mentions.

Grounding (:class:`MirnaGrounder`) uses the curated table ``ontology/mirna.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from os import PathLike
from pathlib import Path

from exokg.errors import VocabularyError
from exokg.model import Entity
from exokg.text.prefilter import Needs

__all__ = [
    "MirnaGrounder",
    "MirnaMatch",
    "VocabularyError",
    "find_mirnas",
    "mirna_slug",
]


@dataclass(frozen=True)
class MirnaMatch:
    """A normalised miRNA mention.

    ``start``/``end`` are a half-open range into the searched text and ``text`` is
    ``text[start:end]``. ``name`` is the canonical name without species and arm:
    ``miR-124``, ``let-7a``, ``miR-16-1``, ``mir-124-1`` (precursors keep miRBase's lowercase
    ``mir``), ``miR-17-92 cluster``, ``miR-200 family``. ``species`` is a miRBase organism
    code (``hsa``), ``arm`` is ``'3p'``, ``'5p'`` or ``'*'``.
    """

    start: int
    end: int
    text: str
    name: str
    species: str | None = None
    arm: str | None = None
    precursor: bool = False
    cluster: bool = False

    @property
    def canonical(self) -> str:
        """The full normalised name, e.g. ``hsa-miR-124-3p``, ``miR-126*``, ``hsa-mir-124-1``."""
        out = f"{self.species}-{self.name}" if self.species else self.name
        if self.arm == "*":
            return out + "*"
        if self.arm:
            return f"{out}-{self.arm}"
        return out


# --------------------------------------------------------------------------- grammar

# miRBase organism codes accepted as a species prefix (an alphabet of prefixes, not names).
_SPECIES_CODES = (
    "hsa", "mmu", "rno", "cel", "cbr", "dme", "dps", "dre", "gga", "bta", "ssc", "mml",
    "mne", "ptr", "ggo", "ppy", "cfa", "ocu", "eca", "oar", "chi", "xla", "xtr", "ath",
    "osa", "zma", "ebv", "kshv", "hcmv",
)  # fmt: skip

_HEAD_RE = re.compile(
    r"(?<![A-Za-z0-9])"
    r"(?:(?P<species>" + "|".join(_SPECIES_CODES) + r")-)?"
    r"(?:"
    r"(?P<long>micro[-\s]?rna|mirna)(?P<lplural>s)?(?P<abbr>\s*\((?:mirna|mir)s?\))?"
    r"|(?P<mir>mir)(?P<mplural>s)?"
    r"|(?P<let>let)"
    r"|(?P<lin>lin)"
    r")",
    re.IGNORECASE,
)
_MAY_HEAD_RE = Needs(_HEAD_RE)  # its keyword guard

# The identifier after a head: number, letter, copy number, cluster tail, arm.
_ID_RE = re.compile(
    r"""
    (?P<num>[1-9]\d{0,3})(?![\d'\u2032])(?!\.\d)
    (?P<letter>[a-z]{1,2}(?![a-z])|[A-Z](?![A-Za-z])|-[a-oq-z](?![A-Za-z0-9-]))?
    (?P<copy>(?:-|(?<=[A-Za-z]))[1-9](?![\dpP]))?
    (?P<cluster>(?:\s?[~\u223c\u301c]\s?[1-9]\d{0,3}[a-z]?|-[1-9]\d{1,3}[a-z]?(?![\dpP]))+)?
    (?P<arm>-[35][pP]|\*)?
    (?![A-Za-z0-9])
    """,
    re.VERBOSE,
)

# After let: "-7" or "7" (let-7, let7); after lin: "-4".
_LET_RE = re.compile(r"-?(?=7(?!\d))")
_LIN_RE = re.compile(r"-4(?![A-Za-z0-9])")

# How a head joins its number: "miR-124", "miR124", "microRNA 124"; after "(miR)" also "-".
_JOIN_RE = re.compile(r"-|[ \t\u00a0\u2009\u200a]|")
_ABBR_JOIN_RE = re.compile(r"\s*-?")

# An enumeration separator, then a member: "-155", "221", "/133", "/b".
_SEP_RE = re.compile(
    r"\s*,\s*(?:(?:and/or|and|or)\s+)?|\s+(?:and/or|and|or|&)\s+|\s*/\s*", re.IGNORECASE
)
_LETTER_MEMBER_RE = re.compile(
    r"(?P<letter>[a-z])(?P<copy>-[1-9](?![\dpP]))?(?P<arm>-[35][pP]|\*)?(?![A-Za-z0-9])"
)

# A number followed by a unit or a count noun is a quantity, not a miRNA ("24 h", "24-h",
# "10 ng", "30 patients"). Single-letter units need a space or hyphen: "181d" is a miRNA.
_UNIT_RE = re.compile(
    r"\s*-?(?:%|hrs?|hours?|days?|min|minutes?|weeks?|months?|years?|mg|kg|ml|ng|nM|mM|"
    r"[\u00b5\u03bc][gMlL]|fold|times|patients|subjects|samples|cases|rats|mice)(?![A-Za-z])"
    r"|(?:\s+|\s*-)[hdg](?![A-Za-z])"
)
_YEAR_RE = re.compile(r"(?:19|20)\d\d$")

_NOUN_RE = re.compile(
    r"\s+(?:(?:gene|mirna|microrna|mir)s?\s+)?(?P<noun>cluster|polycistron|family|superfamily)"
    r"(?![A-Za-z])",
    re.IGNORECASE,
)
# Inhibitors named after their target ("anti-miR-21", "antisense miRNA-146a") are not
# mentions of the miRNA itself.
_ANTI_RE = re.compile(r"(?<![A-Za-z0-9])(?:anti-?|antisense[\s-])$", re.IGNORECASE)
_PRE_RE = re.compile(r"(?<![A-Za-z0-9])pr[ei]-$", re.IGNORECASE)
_PREFIX_WINDOW = 12  # longest prefix looked at before a head ("antisense ")
_CLUSTER_PART_RE = re.compile(r"[1-9]\d{0,3}[a-z]?")


@dataclass(frozen=True)
class _Head:
    """What a member inherits from the headed mention of its enumeration."""

    kind: str  # 'mir' | 'let' | 'lin'
    species: str | None
    precursor: bool


@dataclass(frozen=True)
class _Part:
    """One parsed mention before it becomes a :class:`MirnaMatch`."""

    start: int
    end: int
    ident: str  # '124a', '16-1', '7a'
    arm: str | None
    cluster_ids: tuple[str, ...] = ()


def _arm(raw: str | None) -> str | None:
    """Normalise an arm suffix: ``'-3P'`` -> ``'3p'``, ``'*'`` -> ``'*'``, None -> None."""
    if not raw:
        return None
    return "*" if raw == "*" else raw[1:].lower()


def _ident(num: str, letter: str | None, copy: str | None) -> str:
    """Build an identifier like ``26a-2`` from number, letter and copy-number groups."""
    out = num + (letter or "").lstrip("-").lower()
    if copy:
        out += "-" + copy.lstrip("-")
    return out


def _name(head: _Head, ident: str) -> str:
    """Canonical name-level name for an identifier under a head (``miR-124``, ``let-7a``)."""
    if head.kind == "let":
        return f"let-{ident}"
    if head.kind == "lin":
        return "lin-4"
    return ("mir-" if head.precursor else "miR-") + ident


def _parse_id(text: str, pos: int) -> re.Match[str] | None:
    """Match an identifier at ``pos`` (see ``_ID_RE``), or None."""
    return _ID_RE.match(text, pos)


def _part_from_id(m: re.Match[str], start: int) -> _Part:
    """Turn an ``_ID_RE`` match into a part starting at ``start``."""
    clusters = tuple(_CLUSTER_PART_RE.findall(m.group("cluster") or ""))
    return _Part(
        start=start,
        end=m.end(),
        ident=_ident(m.group("num"), m.group("letter"), m.group("copy")),
        arm=_arm(m.group("arm")),
        cluster_ids=clusters,
    )


def _is_quantity(text: str, m: re.Match[str]) -> bool:
    """True when a bare number (``24 h``, ``2010``) reads as a quantity or a year."""
    return bool(_UNIT_RE.match(text, m.end("num")) or _YEAR_RE.match(m.group("num")))


def _member(text: str, pos: int, previous: _Part) -> tuple[_Part, str] | None:
    """Parse one enumeration member after ``pos`` (a separator, then an elliptic name).

    Takes the text, the position after the previous member and that member.
    Returns the member and its separator, or None when no member follows.
    """
    sep = _SEP_RE.match(text, pos)
    if sep is None or sep.end() >= len(text):
        return None
    slash = "/" in sep.group()
    at = sep.end()
    ch = text[at]
    if ch == "-" and at + 1 < len(text) and text[at + 1].isdigit():
        m = _parse_id(text, at + 1)
        if m is None or m.group("cluster"):
            return None
        return _part_from_id(m, at), sep.group()
    if ch.isdigit():
        m = _parse_id(text, at)
        if m is None or m.group("cluster") or _is_quantity(text, m):
            return None
        if not slash and len(m.group("num")) < 2 and not m.group("letter"):
            return None  # "miR-21 and 3 ..." is not an enumeration
        return _part_from_id(m, at), sep.group()
    if slash:
        if ch == "-":
            at += 1  # "miR-146a/-b"
        m = _LETTER_MEMBER_RE.match(text, at)
        if m is None:
            return None
        base = re.match(r"\d+", previous.ident)
        if base is None:
            return None
        ident = _ident(base.group(), m.group("letter"), m.group("copy"))
        return _Part(at, m.end(), ident, _arm(m.group("arm"))), sep.group()
    return None


def _headed(text: str, hm: re.Match[str]) -> tuple[_Head, _Part, bool] | None:
    """Parse the identifier after a head match.

    Takes the text and a ``_HEAD_RE`` match. Returns the head, the first part (spanning from
    the species prefix or head) and whether the head is plural, or None when no miRNA
    name follows the head.
    """
    start = hm.start()
    window = max(0, start - _PREFIX_WINDOW)
    if _ANTI_RE.search(text, window, start):
        return None
    species = hm.group("species")
    precursor = bool(_PRE_RE.search(text, window, start))
    if hm.group("lin"):
        m = _LIN_RE.match(text, hm.end())
        if m is None:
            return None
        head = _Head("lin", species.lower() if species else None, precursor)
        return head, _Part(start, m.end(), "4", None), False
    if hm.group("let"):
        j = _LET_RE.match(text, hm.end())
        if j is None:
            return None
        m = _parse_id(text, j.end())
        if m is None or m.group("cluster"):
            return None
        head = _Head("let", species.lower() if species else None, precursor)
        return head, _part_from_id(m, start), False
    plural = bool(hm.group("lplural") or hm.group("mplural"))
    if hm.group("mplural") and hm.group("mir") == "MIR":
        return None
    join = (_ABBR_JOIN_RE if hm.group("abbr") else _JOIN_RE).match(text, hm.end())
    assert join is not None  # both patterns can match the empty string
    m = _parse_id(text, join.end())
    if m is None:
        return None
    spaced = join.group().isspace()
    if (spaced or plural) and _is_quantity(text, m):
        return None
    if plural and (m.group("cluster") or m.group("arm")):
        return None
    arm = _arm(m.group("arm"))
    if hm.group("mir") == "MIR" or (hm.group("mir") == "mir" and species and arm is None):
        precursor = True  # gene symbol MIR124-1, miRBase precursor hsa-mir-124-1
    head = _Head("mir", species.lower() if species else None, precursor)
    return head, _part_from_id(m, start), plural


def _cluster_name(head: _Head, parts: list[_Part], noun: str | None) -> str:
    """Name a cluster or family: ``miR-17-92 cluster``, ``miR-15/107 family``."""
    ids = [parts[0].ident, *parts[0].cluster_ids] + [p.ident for p in parts[1:]]
    base = "let-" if head.kind == "let" else "miR-"
    if noun in ("family", "superfamily") and not parts[0].cluster_ids:
        return base + "/".join(ids) + " family"
    joiner = "~" if any("-" in i for i in ids) else "-"
    return base + joiner.join(ids) + " cluster"


def _scan(text: str) -> Iterator[MirnaMatch]:
    """Yield the mentions of ``text`` left to right (see :func:`find_mirnas`)."""
    pos = 0
    while True:
        hm = _HEAD_RE.search(text, pos)
        if hm is None:
            return
        parsed = _headed(text, hm)
        if parsed is None:
            pos = hm.start() + 1
            continue
        head, first, plural = parsed
        parts = [first]
        seps: list[str] = []
        if not first.cluster_ids and head.kind != "lin":
            while (nxt := _member(text, parts[-1].end, parts[-1])) is not None:
                if head.kind == "let" and not nxt[0].ident.startswith("7"):
                    break  # let-7 has no siblings with other numbers
                parts.append(nxt[0])
                seps.append(nxt[1])
        if plural and len(parts) < 2:
            pos = hm.start() + 1
            continue
        noun_m = _NOUN_RE.match(text, parts[-1].end)
        noun = noun_m.group("noun").lower() if noun_m else None
        groupable = all("/" in s for s in seps) and all(p.arm is None for p in parts)
        if first.cluster_ids or (noun and groupable):
            # one cluster/family mention: the designation, without the noun
            end = parts[-1].end
            yield MirnaMatch(
                start=first.start,
                end=end,
                text=text[first.start : end],
                name=_cluster_name(head, parts, noun),
                species=head.species,
                cluster=True,
            )
            pos = end
            continue
        for part in parts:
            yield MirnaMatch(
                start=part.start,
                end=part.end,
                text=text[part.start : part.end],
                name=_name(head, part.ident),
                species=head.species,
                arm=part.arm,
                precursor=head.precursor,
            )
        pos = parts[-1].end


def find_mirnas(text: str) -> list[MirnaMatch]:
    """Find the specific miRNA mentions in a (normalised) text.

    Takes the text. Returns the mentions sorted by start, non-overlapping; an enumeration
    (``miR-21, -155 and -146a``, ``miR-106a/b``) yields one mention per member, each with
    its own span. Generic words (``miRNA``, ``microRNAs``, ``miRs``) are not mentions.
    """
    return list(_scan(text)) if _MAY_HEAD_RE.may_match(text) else []


# --------------------------------------------------------------------------- grounding

_TSV_COLUMNS = ("name", "species", "mirbase_name", "accession", "kind", "gene", "source")
_ACCESSION_RE = {"mature": re.compile(r"MIMAT\d{7}"), "precursor": re.compile(r"MI\d{7}")}
_GENE_RE = re.compile(r"NCBIGene:[1-9]\d*")
_SPECIES_RE = re.compile(r"[a-z]{3,4}")
_SLUG_RE = re.compile(r"[^a-z0-9-]")
_COPY_RE = re.compile(r"-[1-9]$")

_MATURE_PREFIX = "mirbase.mature:"
_PRECURSOR_PREFIX = "mirbase:"


def mirna_slug(name: str) -> str:
    """Slug of a canonical name: lowercase, characters outside ``[a-z0-9-]`` become ``-``.

    Takes a name (``miR-17-92 cluster``). Returns the slug (``mir-17-92-cluster``).
    """
    return _SLUG_RE.sub("-", name.lower())


def _name_level(match: MirnaMatch) -> str:
    """The name-level name a mention narrows: ``mir-124-1`` -> ``miR-124``."""
    if not match.precursor:
        return match.name
    name = _COPY_RE.sub("", match.name)
    return "miR-" + name[4:] if name.startswith("mir-") else name


@dataclass(frozen=True)
class _Row:
    """One row of ``ontology/mirna.tsv``."""

    name: str
    species: str
    mirbase_name: str
    accession: str
    kind: str
    gene: str
    source: str
    key: tuple[str | None, str, str | None, bool]  # (species, name, arm, precursor)

    @property
    def curie(self) -> str:
        """The accession as a CURIE (``mirbase.mature:MIMAT...`` or ``mirbase:MI...``)."""
        prefix = _MATURE_PREFIX if self.kind == "mature" else _PRECURSOR_PREFIX
        return prefix + self.accession


def _parse_row(fields: list[str], origin: str, line: int) -> _Row:
    """Validate one TSV row.

    Takes the fields, the file name and the 1-based line number (for messages). Returns the
    row. Raises :class:`exokg.errors.VocabularyError` when a field is malformed or
    inconsistent.
    """

    def error(message: str) -> VocabularyError:
        return VocabularyError(origin, message, line=line)

    if len(fields) != len(_TSV_COLUMNS):
        raise error(f"expected {len(_TSV_COLUMNS)} tab-separated columns, got {len(fields)}")
    name, species, mirbase_name, accession, kind, gene, source = (f.strip() for f in fields)
    if kind not in _ACCESSION_RE:
        raise error(f"kind must be 'mature' or 'precursor', got {kind!r}")
    if not _ACCESSION_RE[kind].fullmatch(accession):
        raise error(f"{accession!r} is not a miRBase {kind} accession")
    if not _SPECIES_RE.fullmatch(species):
        raise error(f"species must be a miRBase code like 'hsa', got {species!r}")
    if gene and not _GENE_RE.fullmatch(gene):
        raise error(f"gene must be empty or NCBIGene:<number>, got {gene!r}")
    if not source:
        raise error("source is empty")
    found = find_mirnas(mirbase_name)
    if len(found) != 1 or found[0].text != mirbase_name:
        raise error(f"mirbase_name {mirbase_name!r} is not a miRNA name")
    m = found[0]
    if m.species != species:
        raise error(f"mirbase_name {mirbase_name!r} is not of species {species!r}")
    if m.precursor != (kind == "precursor"):
        raise error(f"mirbase_name {mirbase_name!r} does not name a {kind}")
    if _name_level(m) != name:
        raise error(
            f"name {name!r} does not match mirbase_name {mirbase_name!r} "
            f"(expected {_name_level(m)!r})"
        )
    return _Row(
        name, species, mirbase_name, accession, kind, gene, source,
        key=(m.species, m.name, m.arm, m.precursor),
    )  # fmt: skip


def _read_rows(text: str, origin: str) -> list[_Row]:
    """Parse the TSV text of a miRNA vocabulary.

    Takes the text and its origin (for messages). Returns the rows. Raises
    :class:`exokg.errors.VocabularyError` (file and line in the message) on a bad header, a
    malformed row or a duplicate accession/name.
    """
    rows: list[_Row] = []
    header_seen = False
    seen: dict[str, int] = {}
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if tuple(f.strip() for f in fields) != _TSV_COLUMNS:
                raise VocabularyError(
                    origin,
                    f"expected header {' '.join(_TSV_COLUMNS)!r}, got {line!r}",
                    line=lineno,
                )
            header_seen = True
            continue
        row = _parse_row(fields, origin, lineno)
        for k in (row.accession, row.mirbase_name):
            if k in seen:
                raise VocabularyError(origin, f"{k} already given on line {seen[k]}", line=lineno)
            seen[k] = lineno
        rows.append(row)
    if not header_seen:
        raise VocabularyError(origin, "no header line")
    return rows


class MirnaGrounder:
    """Turns :class:`MirnaMatch` mentions into :class:`exokg.model.Entity` records.

    Built from the curated table ``ontology/mirna.tsv`` (see :meth:`from_tsv`,
    :meth:`default`). Ids:

    * a name-level mention (``miR-124``) -> ``exokg:mirna/mir-124``; xrefs: every mature
      accession the table has for that name;
    * a species-level name the table has (``hsa-miR-124-3p``) -> ``mirbase.mature:MIMAT0000422``
      (precursors ``mirbase:MI...``), with attribute ``broader`` -> the name-level id;
    * anything else -> ``exokg:mirna/<slug of the canonical name>`` (precursors get a
      ``-precursor`` suffix), with the table's narrower accessions as xrefs.
    """

    def __init__(self, rows: Iterable[_Row]) -> None:
        """Takes validated rows (use :meth:`from_tsv` or :meth:`default`)."""
        self._rows = tuple(rows)
        self._by_key = {r.key: r for r in self._rows}

    @classmethod
    def from_tsv(cls, path: str | PathLike[str] | Traversable) -> MirnaGrounder:
        """Read a vocabulary table.

        Takes the path of a TSV with columns name, species, mirbase_name, accession, kind,
        gene, source ('#' lines are comments). Returns the grounder. Raises
        :class:`VocabularyError` naming file and line for malformed rows, OSError when
        the file cannot be read.
        """
        if isinstance(path, (str, PathLike)):
            path = Path(path)
        return cls(_read_rows(path.read_text(encoding="utf-8"), str(path)))

    @classmethod
    def default(cls) -> MirnaGrounder:
        """The grounder for the packaged ``resources/ontology/mirna.tsv``.

        Returns the grounder. Raises :class:`VocabularyError` when the table is malformed.
        """
        return cls.from_tsv(files("exokg").joinpath("resources", "ontology", "mirna.tsv"))

    @property
    def accessions(self) -> tuple[str, ...]:
        """All accession CURIEs of the table, in table order."""
        return tuple(r.curie for r in self._rows)

    def _narrower(self, match: MirnaMatch) -> tuple[str, ...]:
        """Accessions narrower than a mention: same name-level name, species, arm, kind."""
        level = _name_level(match)
        out = []
        for r in self._rows:
            species, name, arm, precursor = r.key
            if r.name != level or precursor != match.precursor:
                continue
            if match.species and species != match.species:
                continue
            if match.arm and arm != match.arm:
                continue
            if match.precursor and _COPY_RE.search(match.name) and name != match.name:
                continue  # a copy number was given: only that copy
            out.append(r.curie)
        return tuple(sorted(out))

    def entity(self, match: MirnaMatch) -> Entity:
        """Ground a mention.

        Takes a :class:`MirnaMatch`. Returns its entity: category ``MicroRNA`` (or
        ``MicroRNACluster``), label the canonical name, attributes ``name`` and, where present,
        ``species``, ``arm``, ``precursor`` and ``broader`` (the name-level id).
        """
        label = match.canonical
        attrs: list[tuple[str, str]] = [("name", match.name)]
        if match.species:
            attrs.append(("species", match.species))
        if match.arm:
            attrs.append(("arm", match.arm))
        if match.cluster:
            if match.species:
                attrs.append(("broader", "exokg:mirna/" + mirna_slug(match.name)))
            return Entity(
                id="exokg:mirna/" + mirna_slug(label),
                label=label,
                category="MicroRNACluster",
                attributes=tuple(sorted(attrs)),
            )
        level = _name_level(match)
        name_level_id = "exokg:mirna/" + mirna_slug(level)
        if match.precursor:
            attrs.append(("precursor", "true"))
        row = self._by_key.get((match.species, match.name, match.arm, match.precursor))
        if row is not None and match.species:
            attrs.append(("broader", name_level_id))
            xrefs = (row.gene,) if row.gene else ()
            return Entity(
                id=row.curie,
                label=label,
                category="MicroRNA",
                xrefs=xrefs,
                attributes=tuple(sorted(attrs)),
            )
        if match.species or match.arm or match.precursor:
            attrs.append(("broader", name_level_id))
            ident = "exokg:mirna/" + mirna_slug(label) + ("-precursor" if match.precursor else "")
        else:
            ident = name_level_id
        return Entity(
            id=ident,
            label=label,
            category="MicroRNA",
            xrefs=self._narrower(match),
            attributes=tuple(sorted(attrs)),
        )
