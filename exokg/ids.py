"""Identifiers: CURIEs inside the program, IRIs at the RDF boundary.

The prefix map is ``ontology/prefixes.yaml`` (packaged as
``exokg/resources/ontology/prefixes.yaml``); :func:`load_converter` turns it into a
:class:`curies.Converter`. :func:`expand` and :func:`compress` convert one identifier and
handle the one prefix whose IRIs are not "prefix + id": PubMed IRIs end with a slash
(``pubmed:29669873`` <-> ``https://pubmed.ncbi.nlm.nih.gov/29669873/``, see
:data:`IRI_SUFFIXES`). :func:`mint` makes exokg's own identifiers, ``exokg:{kind}/{slug}``,
and :func:`check_iri` validates an IRI the way a strict RDF parser does.

Every failure raises :class:`exokg.errors.IdentifierError`. Nothing is read at import time;
the prefix map is read on first use and cached.

>>> expand("CL:0000134")
'http://purl.obolibrary.org/obo/CL_0000134'
>>> expand("pubmed:29669873")
'https://pubmed.ncbi.nlm.nih.gov/29669873/'
>>> compress("https://pubmed.ncbi.nlm.nih.gov/29669873/")
'pubmed:29669873'
>>> mint("mirna", "miR-124")
'exokg:mirna/mir-124'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType

import curies
import pyoxigraph
import yaml

from exokg.errors import IdentifierError, InputError

__all__ = [
    "IRI_SUFFIXES",
    "LOCAL_ID_PATTERNS",
    "MAX_SLUG_LENGTH",
    "MINTED_PREFIX",
    "check_iri",
    "compress",
    "expand",
    "is_minted",
    "load_converter",
    "load_prefix_map",
    "mint",
    "parse_curie",
    "slugify",
]

#: The CURIE prefix of exokg's own individuals (``https://w3id.org/exokg/id/``).
MINTED_PREFIX = "exokg"

#: Text that follows the local id in the IRIs of a prefix. Only PubMed needs one.
IRI_SUFFIXES: Mapping[str, str] = MappingProxyType({"pubmed": "/"})

#: Shape of the local id for the prefixes exokg knows (checked by ``parse_curie(...,
#: check_pattern=True)`` and by the vocabulary loader). Prefixes not listed are not checked.
LOCAL_ID_PATTERNS: Mapping[str, re.Pattern[str]] = MappingProxyType({
    **{p: re.compile(r"[0-9]{7,8}") for p in ("BFO", "CL", "GO", "HP", "MONDO", "MP",
                                             "OBI", "RO", "UBERON")},
    "DOID": re.compile(r"[0-9]{1,8}"),  # DOID:2316, DOID:0051062: both in use
    "hgnc": re.compile(r"[0-9]+"),
    "umls": re.compile(r"C[0-9]{7}"),
    "NCBITaxon": re.compile(r"[0-9]+"),
    "NCIT": re.compile(r"C[0-9]+"),
    "mirbase.mature": re.compile(r"MIMAT[0-9]{7}"),
    "mirbase": re.compile(r"MI[0-9]{7}"),
    "NCBIGene": re.compile(r"[0-9]+"),
    "uniprot": re.compile(r"[A-Z0-9]{6,10}(-[0-9]+)?"),
    "mesh": re.compile(r"[CDM][0-9]{6,9}"),
    "loinc": re.compile(r"[0-9]{1,7}-[0-9]"),
    "snomedct": re.compile(r"[0-9]{6,18}"),
    "pubmed": re.compile(r"[1-9][0-9]*"),
    "pmc": re.compile(r"PMC[0-9]+"),
    "doi": re.compile(r"10\.[0-9]{4,9}/\S+"),
    "clinicaltrials": re.compile(r"NCT[0-9]{8}"),
    "ror": re.compile(r"0[a-z0-9]{6}[0-9]{2}"),
    MINTED_PREFIX: re.compile(r"[a-z][a-z0-9-]*/[A-Za-z0-9._~-]+"),
})

#: Longest slug :func:`mint` produces (the hash suffix included).
MAX_SLUG_LENGTH = 60

_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9._-]*")
_CURIE = re.compile(r"([A-Za-z][A-Za-z0-9._-]*):(\S+)")
_KIND = re.compile(r"[a-z][a-z0-9-]*")
_NOT_UNRESERVED = re.compile(r"[^a-z0-9._~-]+")
_DASHES = re.compile(r"-{2,}")
_HASH_LENGTH = 6
_PACKAGED = ("resources", "ontology", "prefixes.yaml")


# -- prefix map and converter ------------------------------------------------------------------


def load_prefix_map(path: str | Path | None = None) -> dict[str, str]:
    """Read a prefix map (CURIE prefix -> IRI prefix) from YAML.

    Args:
        path: a prefixes.yaml file; default: the packaged ``ontology/prefixes.yaml``.

    Returns:
        A new dict, in file order.

    Raises:
        InputError: the file is missing, is not a YAML mapping of prefix to IRI prefix, or
            repeats a prefix; the message names the file and line.

    >>> load_prefix_map()["CL"]
    'http://purl.obolibrary.org/obo/CL_'
    """
    return dict(_read_prefix_map(None if path is None else str(path)))


@lru_cache(maxsize=8)
def _read_prefix_map(path: str | None) -> tuple[tuple[str, str], ...]:
    if path is None:
        resource = files("exokg").joinpath(*_PACKAGED)
        origin, text = str(resource), resource.read_text(encoding="utf-8")
    else:
        origin = path
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(path, f"cannot read prefix map: {exc.strerror}") from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = (mark.line + 1, mark.column + 1) if mark else None
        raise InputError(origin, f"invalid YAML: {getattr(exc, 'problem', exc)}", where) from None
    if not isinstance(root, yaml.MappingNode):
        raise InputError(origin, "a prefix map must be a mapping of prefix to IRI prefix")
    pairs: dict[str, str] = {}
    for key, value in root.value:
        where = (key.start_mark.line + 1, key.start_mark.column + 1)
        if not (isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode)):
            raise InputError(origin, "each entry must be 'prefix: IRI prefix'", where)
        if not _PREFIX.fullmatch(key.value):
            raise InputError(origin, f"{key.value!r} is not a valid CURIE prefix", where)
        if key.value in pairs:
            raise InputError(origin, f"prefix {key.value!r} is given twice", where)
        try:
            check_iri(value.value)
        except IdentifierError as exc:
            raise InputError(origin, f"prefix {key.value!r}: {exc}", where) from None
        pairs[key.value] = value.value
    return tuple(pairs.items())


@lru_cache(maxsize=8)
def load_converter(path: str | Path | None = None) -> curies.Converter:
    """Build the :class:`curies.Converter` of a prefix map (cached per path).

    Args:
        path: a prefixes.yaml file; default: the packaged ``ontology/prefixes.yaml``.

    The converter alone expands ``pubmed:`` CURIEs without their trailing slash: use
    :func:`expand` / :func:`compress` (which apply :data:`IRI_SUFFIXES`) for single
    identifiers.

    Raises:
        InputError: the prefix map cannot be read (see :func:`load_prefix_map`), or two
            prefixes share an IRI prefix.

    >>> load_converter().expand("GO:0070062")
    'http://purl.obolibrary.org/obo/GO_0070062'
    """
    prefix_map = load_prefix_map(path)
    try:
        return curies.Converter.from_prefix_map(prefix_map)
    except ValueError as exc:  # curies raises subclasses of ValueError for duplicates
        raise InputError(str(path or "prefixes.yaml"), f"invalid prefix map: {exc}") from None


# -- CURIEs and IRIs ---------------------------------------------------------------------------


def parse_curie(curie: str, *, check_pattern: bool = False) -> tuple[str, str]:
    """Split a CURIE into ``(prefix, local id)``, checking that exokg knows the prefix.

    Args:
        curie: e.g. ``"CL:0000134"``.
        check_pattern: also check the local id against :data:`LOCAL_ID_PATTERNS`.

    Raises:
        IdentifierError: not a CURIE (no prefix, whitespace), unknown prefix, or (with
            ``check_pattern``) a local id of the wrong shape.

    >>> parse_curie("mirbase.mature:MIMAT0000422", check_pattern=True)
    ('mirbase.mature', 'MIMAT0000422')
    """
    if not isinstance(curie, str):
        raise IdentifierError(f"a CURIE must be a string, not {type(curie).__name__}")
    match = _CURIE.fullmatch(curie)
    if not match:
        raise IdentifierError(f"{curie!r} is not a CURIE (expected 'prefix:id')")
    prefix, local = match.groups()
    if prefix not in load_prefix_map():
        raise IdentifierError(f"unknown prefix {prefix!r} in {curie!r} (see ontology/prefixes.yaml)")
    pattern = LOCAL_ID_PATTERNS.get(prefix)
    if check_pattern and pattern is not None and not pattern.fullmatch(local):
        raise IdentifierError(f"{curie!r}: {local!r} is not a valid {prefix} identifier "
                              f"(expected /{pattern.pattern}/)")
    return prefix, local


def expand(curie: str, converter: curies.Converter | None = None) -> str:
    """Expand a CURIE to its IRI, e.g. for writing RDF.

    Args:
        curie: a CURIE with a known prefix.
        converter: the converter to use; default :func:`load_converter`'s.

    Raises:
        IdentifierError: malformed CURIE, unknown prefix, or the result is not a valid IRI.

    >>> expand("exokg:mirna/mir-124")
    'https://w3id.org/exokg/id/mirna/mir-124'
    """
    prefix, local = parse_curie(curie)
    conv = converter or load_converter()
    iri = conv.expand(f"{prefix}:{local}")
    if iri is None:
        raise IdentifierError(f"cannot expand {curie!r}: unknown prefix {prefix!r}")
    return check_iri(iri + IRI_SUFFIXES.get(prefix, ""))


def compress(iri: str, converter: curies.Converter | None = None) -> str:
    """Compress an IRI to a CURIE (the inverse of :func:`expand`).

    Args:
        iri: an IRI under one of the known IRI prefixes.
        converter: the converter to use; default :func:`load_converter`'s.

    Raises:
        IdentifierError: invalid IRI, or no known prefix covers it.

    >>> compress("http://purl.obolibrary.org/obo/MONDO_1060198")
    'MONDO:1060198'
    """
    check_iri(iri)
    conv = converter or load_converter()
    curie = conv.compress(iri)
    if curie is None:
        raise IdentifierError(f"no known prefix for IRI {iri!r}")
    prefix, _, local = curie.partition(":")
    suffix = IRI_SUFFIXES.get(prefix, "")
    if suffix and local.endswith(suffix):
        local = local[: -len(suffix)]
    if not local:
        raise IdentifierError(f"IRI {iri!r} has no local identifier")
    return f"{prefix}:{local}"


def check_iri(iri: str) -> str:
    """Return ``iri`` unchanged if it is a valid absolute IRI (RFC 3987), else raise.

    Uses :class:`pyoxigraph.NamedNode`, the same check a strict RDF parser applies.

    Raises:
        IdentifierError: not a string, relative, or containing characters such as space,
            ``<``, ``>``, ``"``, ``{``, ``}``, ``|``, ``^``, backtick or backslash.

    >>> check_iri("https://w3id.org/exokg/id/mirna/mir-124")
    'https://w3id.org/exokg/id/mirna/mir-124'
    """
    if not isinstance(iri, str):
        raise IdentifierError(f"an IRI must be a string, not {type(iri).__name__}")
    try:
        pyoxigraph.NamedNode(iri)
    except ValueError as exc:
        raise IdentifierError(f"invalid IRI {iri!r}: {exc}") from None
    if ":" not in iri:  # belt and braces: NamedNode accepts only absolute IRIs
        raise IdentifierError(f"invalid IRI {iri!r}: not absolute")
    return iri


# -- minting -----------------------------------------------------------------------------------


def slugify(text: str, max_length: int | None = MAX_SLUG_LENGTH) -> str:
    """Lowercase ``text`` and keep only RFC 3986 unreserved characters.

    Accents are dropped (``é`` -> ``e``), every run of other characters becomes one ``-``,
    and leading/trailing ``-`` are trimmed; the result is cut to ``max_length`` (None: no
    limit).

    >>> slugify("Buyang Huanwu decoction (BYHWD)")
    'buyang-huanwu-decoction-byhwd'
    """
    folded = unicodedata.normalize("NFKD", text)
    if not folded.isascii():  # no ASCII character is a combining mark: most labels skip this
        folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = folded.lower()
    slug = _DASHES.sub("-", _NOT_UNRESERVED.sub("-", folded)).strip("-")
    return slug if max_length is None else slug[:max_length].rstrip("-")


def mint(kind: str, key: str) -> str:
    """Mint exokg's CURIE for a thing without a standard identifier.

    The result is ``exokg:{kind}/{slug}``. The slug is :func:`slugify` of ``key``; when the
    slug is not simply ``key.lower()`` (characters were replaced or dropped) or it had to be
    shortened, ``-`` and the first 6 hex digits of SHA-256(key) are appended, so distinct
    keys give distinct identifiers and the same key always gives the same one. The slug is
    at most :data:`MAX_SLUG_LENGTH` characters.

    Args:
        kind: lowercase letters, digits and ``-`` (``mirna``, ``preparation``, ...).
        key: the text that identifies the thing (a name, or a canonical key of its parts).

    Raises:
        IdentifierError: bad kind, or empty key.

    >>> mint("mirna", "hsa-miR-124-3p")
    'exokg:mirna/hsa-mir-124-3p'
    >>> mint("outcome", "functional recovery")
    'exokg:outcome/functional-recovery-b7fa0f'
    """
    if not isinstance(kind, str) or not _KIND.fullmatch(kind):
        raise IdentifierError(f"bad kind {kind!r}: use lowercase letters, digits and '-'")
    if not isinstance(key, str) or not key.strip():
        raise IdentifierError(f"cannot mint an identifier of kind {kind!r} from an empty key")
    slug = slugify(key, max_length=None)
    if slug == key.lower() and len(slug) <= MAX_SLUG_LENGTH:
        return f"{MINTED_PREFIX}:{kind}/{slug}"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:_HASH_LENGTH]
    base = slug[: MAX_SLUG_LENGTH - _HASH_LENGTH - 1].rstrip("-")
    return f"{MINTED_PREFIX}:{kind}/{base}-{digest}" if base else f"{MINTED_PREFIX}:{kind}/{digest}"


def is_minted(curie: str) -> bool:
    """True for exokg's own identifiers (``exokg:...``).

    >>> is_minted("exokg:cell/neuron"), is_minted("CL:0000134")
    (True, False)
    """
    return curie.startswith(MINTED_PREFIX + ":")
