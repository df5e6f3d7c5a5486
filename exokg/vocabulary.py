"""The controlled vocabulary: curated entities with their identifiers and surface forms.

The vocabulary lives in ``ontology/vocabulary.yaml`` (packaged as
``exokg/resources/ontology/vocabulary.yaml``): a YAML list of entries such as::

    - id: CL:0000134                       # verified CURIE, or a minted exokg:{kind}/{slug}
      label: mesenchymal stem cell         # preferred label
      class: Cell                          # an exokg class (ontology/exokg.ttl)
      synonyms: [mesenchymal stromal cell] # match case-insensitively; no plural forms
      abbreviations: [MSC, MSCs]           # match with their case
      variants: []                         # misspellings seen in real text
      xrefs: [mesh:D044982]                # the same thing elsewhere (skos:exactMatch)
      close_matches: []                    # near, not the same (skos:closeMatch)
      broad_matches: []                    # broader terms (skos:broadMatch)
      narrow_matches: []                   # narrower terms (skos:narrowMatch)
      description: ...                     # optional text for users
      source: where the id was verified    # required unless the id is minted
      note: curator's remark               # optional, not exported

miRNAs are not listed here: they come from the miRNA name grammar and ``ontology/mirna.tsv``.

:func:`load_vocabulary` reads and validates the file and returns a :class:`Vocabulary`.
Every problem raises :class:`exokg.errors.VocabularyError` naming the file and the line.
Nothing is read at import time.

>>> vocabulary = load_vocabulary()
>>> vocabulary.by_label("MSC").id
'CL:0000134'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType
from typing import Literal

import yaml

from exokg.errors import IdentifierError, VocabularyError
from exokg.ids import MINTED_PREFIX, parse_curie, slugify
from exokg.model import Entity

__all__ = [
    "ENTITY_CLASSES",
    "MATCH_FIELDS",
    "Term",
    "TermKind",
    "Vocabulary",
    "load_vocabulary",
    "parse_vocabulary",
    "term_key",
]

#: The exokg classes (ontology/exokg.ttl) a vocabulary entry may have. Statement, Evidence
#: and Document are built by the pipeline, never curated.
ENTITY_CLASSES: frozenset[str] = frozenset({
    "MicroRNA", "MicroRNACluster", "Gene", "Protein", "Cell", "Vesicle",
    "ExosomePreparation", "HerbalPreparation", "Therapy", "Disease", "Phenotype",
    "BiologicalProcess", "Outcome", "AssessmentScale", "AnatomicalEntity", "Species",
    "DiseaseModel", "RouteOfAdministration", "Assay", "ClinicalTrial", "Publication",
    "Organization", "Person", "Advantage", "Chemical", "CircularRNA", "LongNoncodingRNA",
})

#: YAML field -> the SKOS property its CURIEs become (``Entity.attributes`` keys).
MATCH_FIELDS: Mapping[str, str] = MappingProxyType({
    "close_matches": "skos:closeMatch",
    "broad_matches": "skos:broadMatch",
    "narrow_matches": "skos:narrowMatch",
})

TermKind = Literal["label", "synonym", "abbreviation", "variant"]

_TERM_FIELDS: Mapping[str, TermKind] = MappingProxyType({
    "synonyms": "synonym", "abbreviations": "abbreviation", "variants": "variant",
})
_REQUIRED = ("id", "label", "class")
_FIELDS = frozenset({*_REQUIRED, *_TERM_FIELDS, "xrefs", *MATCH_FIELDS, "description",
                     "source", "note"})
_NOT_ENTITY_PREFIXES = frozenset({"exo", "biolink", "rdf", "rdfs", "owl", "xsd", "skos",
                                  "dcterms", "prov", "sh"})
_NULL_TAG = "tag:yaml.org,2002:null"
_TOKEN = re.compile(r"[^\W_]+|[^\s\w]|_", re.UNICODE)
_HYPHENS = frozenset("-‐‑–")
_PACKAGED = ("resources", "ontology", "vocabulary.yaml")


@dataclass(frozen=True)
class Term:
    """One surface form of an entity, as a matcher uses it.

    ``kind`` is ``label``, ``synonym``, ``abbreviation`` or ``variant``; abbreviations are
    ``case_sensitive``, the others are not.
    """

    text: str
    entity: Entity
    case_sensitive: bool
    kind: str  # TermKind


def term_key(text: str, *, case_sensitive: bool = False) -> tuple[str, ...]:
    """The comparison key of a term: its tokens, hyphens ignored, case folded unless
    ``case_sensitive`` (the same equivalence the lexicon matcher applies).

    >>> term_key("Cell-therapy") == term_key("cell therapy")
    True
    >>> term_key("IL-6", case_sensitive=True)
    ('IL', '6')
    """
    tokens = (t for t in _TOKEN.findall(text) if t not in _HYPHENS)
    return tuple(tokens) if case_sensitive else tuple(t.casefold() for t in tokens)


class Vocabulary:
    """A validated set of entities and their terms (read-only).

    Build one with :func:`load_vocabulary` or :func:`parse_vocabulary`.
    """

    def __init__(self, entities: Iterable[Entity], terms: Iterable[Term]) -> None:
        self._entities: Mapping[str, Entity] = MappingProxyType({e.id: e for e in entities})
        self._terms = tuple(terms)
        exact: dict[tuple[str, ...], Entity] = {}
        folded: dict[tuple[str, ...], Entity] = {}
        for term in self._terms:
            exact.setdefault(term_key(term.text, case_sensitive=True), term.entity)
            if not term.case_sensitive:
                folded.setdefault(term_key(term.text), term.entity)
        self._exact = exact
        self._folded = folded

    @property
    def entities(self) -> Mapping[str, Entity]:
        """Entities keyed by CURIE, in file order."""
        return self._entities

    def get(self, curie: str) -> Entity | None:
        """The entity with this CURIE, or None."""
        return self._entities.get(curie)

    def terms(self) -> tuple[Term, ...]:
        """Every surface form: per entity its label, synonyms, abbreviations, variants."""
        return self._terms

    def by_label(self, text: str) -> Entity | None:
        """Look an entity up by a label, synonym, abbreviation or variant.

        The text must be a whole term. It is compared first with its case (so an
        abbreviation such as ``MSC`` is found), then case-insensitively against labels,
        synonyms and variants; hyphens and spacing are ignored as the matcher ignores
        them. Plural forms are not derived here.

        >>> load_vocabulary().by_label("Ischaemic stroke").id
        'MONDO:1060198'
        """
        return (self._exact.get(term_key(text, case_sensitive=True))
                or self._folded.get(term_key(text)))

    def __len__(self) -> int:
        return len(self._entities)

    def __contains__(self, curie: object) -> bool:
        return curie in self._entities

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._entities.values())

    def __repr__(self) -> str:
        return f"<Vocabulary of {len(self)} entities, {len(self._terms)} terms>"


def load_vocabulary(path: str | Path | None = None) -> Vocabulary:
    """Read and validate a vocabulary file.

    Args:
        path: a vocabulary YAML file; default: the packaged ``ontology/vocabulary.yaml``.

    Raises:
        VocabularyError: the file cannot be read or is invalid (see
            :func:`parse_vocabulary`); the error names the file and line.
    """
    if path is None:
        resource = files("exokg").joinpath(*_PACKAGED)
        return parse_vocabulary(resource.read_text(encoding="utf-8"), origin=str(resource))
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise VocabularyError(path, f"cannot read vocabulary: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise VocabularyError(path, f"not UTF-8 text: {exc.reason}") from None
    return parse_vocabulary(text, origin=str(path))


def parse_vocabulary(text: str, origin: str = "<vocabulary>") -> Vocabulary:
    """Validate vocabulary YAML text and build the :class:`Vocabulary`.

    Checks: the document is a list of mappings with known fields; ``id``, ``label`` and
    ``class`` are present; the class is one of :data:`ENTITY_CLASSES`; every CURIE is
    well formed, uses a prefix of ``ontology/prefixes.yaml`` and has the local-id shape of
    its prefix; minted ids are ``exokg:{kind}/{slug}`` with a normalised slug; non-minted
    ids say their ``source``; no id is listed twice; no term (label, synonym, abbreviation,
    variant) belongs to two entities; no synonym is just the plural of another.

    Args:
        text: the YAML text.
        origin: the file name used in error messages.

    Raises:
        VocabularyError: the first problem found, with ``origin`` and line.
    """
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = (mark.line + 1, mark.column + 1) if mark else None
        raise VocabularyError(origin, f"invalid YAML: {getattr(exc, 'problem', None) or exc}",
                              where) from None
    if root is None:
        return Vocabulary((), ())
    if not isinstance(root, yaml.SequenceNode):
        raise VocabularyError(origin, "the vocabulary must be a YAML list of entries",
                              _where(root))
    builder = _Builder(origin)
    for node in root.value:
        builder.add(node)
    return Vocabulary(builder.entities, builder.terms)


# -- validation --------------------------------------------------------------------------------


def _where(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    """Accumulates validated entries; raises VocabularyError at the first problem."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.entities: list[Entity] = []
        self.terms: list[Term] = []
        self._ids: dict[str, int] = {}  # id -> line
        self._folded: dict[tuple[str, ...], tuple[str, int]] = {}  # key -> (id, line)
        self._exact: dict[tuple[str, ...], tuple[str, int]] = {}

    def fail(self, message: str, node: yaml.Node) -> VocabularyError:
        return VocabularyError(self.origin, message, _where(node))

    def add(self, entry: yaml.Node) -> None:
        if not isinstance(entry, yaml.MappingNode):
            raise self.fail("each entry must be a mapping (id, label, class, ...)", entry)
        fields: dict[str, yaml.Node] = {}
        for key, value in entry.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else None
            if name not in _FIELDS:
                known = ", ".join(sorted(_FIELDS))
                raise self.fail(f"unknown field {name!r} (known: {known})", key)
            if name in fields:
                raise self.fail(f"field {name!r} is given twice", key)
            fields[name] = value
        for name in _REQUIRED:
            if self._text(fields.get(name)) is None:
                raise self.fail(f"entry has no {name!r}", fields.get(name, entry))
        curie = self._curie(fields["id"], "id")
        label = self._text(fields["label"]) or ""
        category = self._text(fields["class"]) or ""
        if category not in ENTITY_CLASSES:
            raise self.fail(f"unknown class {category!r} (one of: "
                            f"{', '.join(sorted(ENTITY_CLASSES))})", fields["class"])
        self._check_id(curie, fields)
        xrefs = self._curies(fields.get("xrefs"), "xrefs", curie)
        attributes = sorted((prop, target) for field, prop in MATCH_FIELDS.items()
                            for target in self._curies(fields.get(field), field, curie))
        surface: list[tuple[str, TermKind, yaml.Node]] = [(label, "label", fields["label"])]
        for field, kind in _TERM_FIELDS.items():
            surface += [(text, kind, node) for text, node in self._texts(fields.get(field), field)]
        self._check_plurals(surface)
        synonyms = tuple(dict.fromkeys(t for t, kind, _ in surface if kind != "label"))
        entity = Entity(
            id=curie, label=label, category=category, synonyms=synonyms, xrefs=xrefs,
            attributes=tuple(attributes), description=self._text(fields.get("description")),
        )
        self.entities.append(entity)
        seen: set[tuple[bool, tuple[str, ...]]] = set()
        for text, kind, node in surface:
            case_sensitive = kind == "abbreviation"
            key = (case_sensitive, term_key(text, case_sensitive=case_sensitive))
            if key in seen:  # the same form twice on one entity: harmless, keep one
                continue
            seen.add(key)
            self._claim(text, case_sensitive, curie, node)
            self.terms.append(Term(text, entity, case_sensitive, kind))

    # -- fields --

    def _text(self, node: yaml.Node | None) -> str | None:
        if node is None:
            return None
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail("expected a single text value", node)
        if node.tag == _NULL_TAG:
            return None
        text = " ".join(node.value.split())
        return text or None

    def _texts(self, node: yaml.Node | None, field: str) -> list[tuple[str, yaml.Node]]:
        if node is None or (isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG):
            return []
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(f"{field!r} must be a list, e.g. {field}: [a, b]", node)
        out = []
        for item in node.value:
            text = self._text(item)
            if text is None:
                raise self.fail(f"empty item in {field!r}", item)
            if not term_key(text):
                raise self.fail(f"{text!r} in {field!r} has no letters or digits", item)
            out.append((text, item))
        return out

    def _curie(self, node: yaml.Node, field: str) -> str:
        text = self._text(node) or ""
        try:
            parse_curie(text, check_pattern=True)
        except IdentifierError as exc:
            raise self.fail(f"{field}: {exc}", node) from None
        return text

    def _curies(self, node: yaml.Node | None, field: str, own_id: str) -> tuple[str, ...]:
        out: list[str] = []
        for text, item in self._texts(node, field):
            curie = self._curie(item, field)
            if curie == own_id:
                raise self.fail(f"{field}: {curie} is the entry's own id", item)
            if curie in out:
                raise self.fail(f"{field}: {curie} is listed twice", item)
            out.append(curie)
        return tuple(out)

    def _check_id(self, curie: str, fields: dict[str, yaml.Node]) -> None:
        node = fields["id"]
        prefix, local = curie.split(":", 1)
        if prefix in _NOT_ENTITY_PREFIXES:
            raise self.fail(f"id {curie!r}: {prefix}: holds classes and properties, not "
                            f"entities; mint an id as {MINTED_PREFIX}:{{kind}}/{{slug}}", node)
        if prefix == MINTED_PREFIX:
            kind, _, slug = local.partition("/")
            if not slug or slugify(slug) != slug or "/" in slug:
                raise self.fail(f"minted id {curie!r} must be {MINTED_PREFIX}:{{kind}}/{{slug}} "
                                f"with a lowercase slug of letters, digits and -._~ "
                                f"(e.g. {MINTED_PREFIX}:{kind or 'kind'}/"
                                f"{slugify(slug or 'name') or 'name'})", node)
        elif self._text(fields.get("source")) is None:
            raise self.fail(f"id {curie!r} is not minted, so 'source' must say where it was "
                            f"verified (or mint an {MINTED_PREFIX}: id)", node)
        if curie in self._ids:
            raise self.fail(f"duplicate id {curie!r} (first on line {self._ids[curie]})", node)
        self._ids[curie] = node.start_mark.line + 1

    def _check_plurals(self, surface: list[tuple[str, TermKind, yaml.Node]]) -> None:
        forms = {term_key(t) for t, kind, _ in surface if kind != "abbreviation"}
        for text, kind, node in surface:
            if kind != "synonym":
                continue
            key = term_key(text)
            last = key[-1]
            singulars = [last[:-1]] if last.endswith("s") and not last.endswith("ss") else []
            if last.endswith("es"):
                singulars.append(last[:-2])
            if last.endswith("ies"):
                singulars.append(last[:-3] + "y")
            if any(key[:-1] + (s,) in forms for s in singulars if s):
                raise self.fail(f"synonym {text!r} is a plural of another term of the entry; "
                                f"the matcher finds plurals itself, so list the singular only",
                                node)

    def _claim(self, text: str, case_sensitive: bool, curie: str, node: yaml.Node) -> None:
        """Register a term for ``curie``; fail if another entity already has it."""
        folded = term_key(text)
        line = node.start_mark.line + 1
        clashes = [self._folded.get(folded)]
        if case_sensitive:
            clashes.append(self._exact.get(term_key(text, case_sensitive=True)))
        else:  # a case-insensitive term also hits every abbreviation that folds to it
            clashes.append(self._exact.get(("\0fold",) + folded))
        for clash in clashes:
            if clash is not None and clash[0] != curie:
                raise self.fail(f"term {text!r} already belongs to {clash[0]} (line {clash[1]}); "
                                f"a term may name only one entity", node)
        if case_sensitive:
            self._exact.setdefault(term_key(text, case_sensitive=True), (curie, line))
            self._exact.setdefault(("\0fold",) + folded, (curie, line))
        else:
            self._folded.setdefault(folded, (curie, line))
