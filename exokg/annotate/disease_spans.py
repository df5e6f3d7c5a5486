"""Disease mentions as the grounding corpora mark them: coordinated names that share a head
("breast and ovarian cancer", "Duchenne or Becker muscular dystrophy"), a cause or a degree
left out of the name ("heparin-induced thrombocytopenia", "severe hypotension"), a specific
name MeSH lacks annotated as its head that MeSH names ("aortic atherosclerosis" ->
"atherosclerosis"), and curated names given the ids of their ontology twin.

The text names two diseases and writes the head noun once. The corpora that ground disease
mentions (NCBI Disease's CompositeMention, BC5CDR, BioRED) mark such a phrase as one
mention carrying the ids of both diseases; exokg's recognisers find only the second name
("ovarian cancer"). :func:`coordinated_diseases` finds the first one by putting the
modifier before the conjunction in front of the recognised name's head and looking the
phrase up in the open lexicon ("breast" + "cancer" -> breast cancer); when that names a
disease or phenotype, the whole phrase becomes one mention with both diseases' ids, in place
of the second name's mention.

The corpora's guidelines keep a cause ("X-induced") and a degree ("severe", "mild") out of
a disease's span: in their training splits "X-induced" stands before 496 disease mentions
and inside 7, "severe"/"mild" before 158 and inside 7 (NCBI Disease, BC5CDR, BioRED).
:func:`without_cause_or_degree` trims a recognised name so ("heparin-induced
thrombocytopenia" -> "thrombocytopenia") when the rest is a disease name of its own.

A specific disease or phenotype name that the ontologies know but no MeSH record names
("fibrillary glomerulonephritis", "postural tremor", "heavy proteinuria": MONDO and HPO
terms) is annotated by the three corpora as its head, grounded to the MeSH record of the
head: in their training splits, of such names whose last words are a MeSH-grounded name,
108 were marked on the head with the head's id and 19 on the whole name (NCBI Disease
23/8, BC5CDR 57/4, BioRED 28/7). :func:`head_with_mesh_id` cuts the span so.

A curated disease or phenotype without an external id (exokg's own "inflammation") is
written with the ids of the open lexicon's best disease or phenotype of the same name
(:func:`curated_with_ontology_ids`: MeSH D007249 Inflammation), so annotation output
grounds it.

Round 3 (docs/benchmarks.md, "Grounding round 3"; rules from out-of-sample errors on the
training splits): a short form keeps the ids its long form's MeSH-named head gets
(:func:`head_with_mesh_id`), a cause prefix is left out of a short form
(:func:`without_short_form_prefix`), "X infection" is one mention
(:func:`with_infection_word`), as are two side-by-side names of one disease
(:func:`joined_same_disease`); a name without a MeSH id takes a same-named disease's
(:func:`same_name_mesh_ids`); a short form the document never defines is the one disease
whose initials it is (:func:`undefined_short_forms`); and a newer-form MeSH descriptor also
carries its head's older id (:func:`with_earlier_mesh_heading`).

Only annotation output (``exokg annotate``) reads this; the graph keeps the recognised
names and entities as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from exokg.annotate.mentions import DocumentMention, annotation_class, mention_ids
from exokg.model import Document, Entity

__all__ = ["coordinated_diseases", "curated_with_ontology_ids", "curated_with_twin_mesh_ids",
           "head_with_mesh_id",
           "pathogen_infections",
           "same_name_mesh_ids", "undefined_short_forms", "with_earlier_mesh_heading",
           "joined_same_disease", "with_infection_word", "without_cause_or_degree", "without_short_form_prefix"]

_DISEASE_CLASSES = frozenset({"Disease", "Phenotype"})
#: The modifier and the conjunction right before a recognised disease name: "breast and ",
#: "Duchenne or ", "hepatic/", "breast and/or ".
_BEFORE = re.compile(r"(?<![\w-])([A-Za-z][\w'-]*)(?:,?\s+(?:and/or|and|or)\s+|\s*/\s*)$")
_WINDOW = 60
#: A cause or degree written before a disease name: "heparin-induced ", "severe ", "mild ".
_CAUSE_OR_DEGREE = re.compile(r"(?:[\w-]+-induced|[Ss]evere|[Mm]ild)\s+(?=\S)")

#: A disease short form with a prefix for a cause, type or setting: "W-ICH" (warfarin-
#: associated intracerebral hemorrhage), "t-AML" (therapy-related acute myeloid leukemia),
#: "GC-HT" (glucocorticoid-induced hypertension).
_PREFIXED_SHORT = re.compile(r"([A-Za-z]{1,3})-([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)")
#: The first words of a long form that name a cause or setting, the short form's bracket
#: following the disease name: "Warfarin-associated ", "therapy related ".
_CAUSE_BEFORE = re.compile(r"(?<![\w-])[\w]+[- ](?:induced|associated|related|mediated|"
                           r"dependent|treated)\s+(?:[\w'-]+\s+){0,4}[\w'-]+\s*$", re.I)

#: What follows a disease name when the text speaks of the infection: "malaria infection",
#: "HIV co-infection", "HBV-infected".
_INFECTION_AFTER = re.compile(r"(?:\s+|-)(?:co-?|mono-?)?infect(?:ions?|ed)\b", re.I)

Lookup = Callable[[str], Sequence[Entity]]


def coordinated_diseases(document: Document, mentions: list[DocumentMention],
                         lookup: Lookup) -> list[DocumentMention]:
    """``mentions`` with each coordination of a disease modifier and a recognised disease
    name ("breast and ovarian cancer") as one mention in place of the name's.

    ``lookup`` takes a name and returns the entities it names, best first (the open
    lexicon's :meth:`exokg.lexicon.Lexicon.lookup`). A modifier recognised as a disease of
    its own is not taken ("stroke and heart disease" are two mentions) unless it names the
    same disease as the phrase made with the head ("Duchenne" and Duchenne muscular
    dystrophy); one recognised as a body part is ("breast" in "breast and ovarian
    cancer"). Disease mentions inside a joined phrase give way to it."""
    text = document.text
    diseases = [m for m in mentions if m.type in _DISEASE_CLASSES]
    joined = [j for m in diseases if " " in m.text
              if (j := _joined(text, m, diseases, lookup)) is not None]
    if not joined:
        return mentions
    out = [m for m in mentions
           if not (m.type in _DISEASE_CLASSES
                   and any(j.start <= m.start and m.end <= j.end for j in joined))]
    return sorted(out + joined, key=lambda m: (m.start, -m.end, m.type, m.ids))


def _joined(text: str, m: DocumentMention, diseases: list[DocumentMention],
            lookup: Lookup) -> DocumentMention | None:
    before = _BEFORE.search(text, max(0, m.start - _WINDOW), m.start)
    if before is None or before.end() != m.start:
        return None
    start = before.start(1)
    inside = [d for d in diseases if d.start < before.end(1) and start < d.end]
    words = m.text.split()
    for i in range(1, len(words)):
        name = f"{before.group(1)} {' '.join(words[i:])}"
        first = next((e for e in lookup(name) if e.category in _DISEASE_CLASSES), None)
        if first is None:
            continue
        ids, grounded = mention_ids(first)
        if not grounded or any(not set(d.ids) & set(ids) for d in inside):
            return None
        both = tuple(dict.fromkeys((*ids, *m.ids)))
        return replace(m, start=start, text=text[start:m.end], ids=both,
                       source="coordinated-disease")
    return None


def same_name_mesh_ids(mentions: list[DocumentMention],
                       lookup: Lookup) -> list[DocumentMention]:
    """``mentions`` with each disease or phenotype mention that has no MeSH or OMIM id given
    the ids of another disease or phenotype of exactly its name (the same comparison key)
    that has a MeSH id, after its own: MONDO's and HPO's entries for one name are one
    thing written twice, and only one of them may have reached a MeSH id offline."""
    out = []
    for m in mentions:
        if m.type in _DISEASE_CLASSES and m.grounded and not _has_mesh_or_omim(m.ids):
            other = next((e for e in lookup(m.text) if e.category in _DISEASE_CLASSES
                          and e.id != m.entity.id
                          and any(x.startswith("MESH:") for x in mention_ids(e)[0])), None)
            if other is not None:
                m = replace(m, ids=tuple(dict.fromkeys((*m.ids, *mention_ids(other)[0]))))
        out.append(m)
    return out


def curated_with_ontology_ids(mentions: list[DocumentMention],
                              lookup: Lookup) -> list[DocumentMention]:
    """``mentions`` with each ungrounded disease or phenotype mention (a curated entity with
    no external id) given the ids of the first disease or phenotype ``lookup`` finds for
    its text, when that one has any, before its own minted id; other mentions unchanged."""
    out = []
    for m in mentions:
        if m.type in _DISEASE_CLASSES and not m.grounded:
            first = next((e for e in lookup(m.text) if e.category in _DISEASE_CLASSES), None)
            if first is not None:
                ids, grounded = mention_ids(first)
                if grounded:
                    m = replace(m, ids=(*ids, *m.ids), grounded=True)
        out.append(m)
    return out


def curated_with_twin_mesh_ids(mentions: list[DocumentMention],
                               entity_of: Callable[[str], Entity | None]
                               ) -> list[DocumentMention]:
    """``mentions`` with each disease or phenotype mention of a curated entity given the
    MeSH and OMIM ids its ontology twin has in the open lexicon and it lacks, after its own:
    the curated vocabulary lists a MONDO or HPO id among the entity's ids or xrefs, and
    the lexicon gave that twin more MeSH ids than the curated entry writes (MONDO's
    "ischemic stroke" also carries D002544, the older descriptor the training annotators
    gave the name, which the curated entry, listing only the 2021 descriptor D000083242,
    lacks). ``entity_of`` is the lexicon's :meth:`exokg.lexicon.Lexicon.entity`. Other
    mentions, and the lexicon's own, are unchanged. Rule from the training splits' second
    halves (docs/benchmarks.md, "Grounding round 4")."""
    out = []
    for m in mentions:
        if m.type in _DISEASE_CLASSES and m.grounded and m.source not in ("ontology",):
            extra: list[str] = []
            for curie in (m.entity.id, *m.entity.xrefs):
                if not curie.startswith(("MONDO:", "HP:")):
                    continue
                twin = entity_of(curie)
                if twin is None:
                    continue
                extra += [i for i in mention_ids(twin)[0]
                          if i.startswith(("MESH:", "OMIM:")) and i not in m.ids]
            if extra:
                m = replace(m, ids=tuple(dict.fromkeys((*m.ids, *extra))))
        out.append(m)
    return out


def without_cause_or_degree(mentions: list[DocumentMention],
                            lookup: Lookup) -> list[DocumentMention]:
    """``mentions`` with each disease or phenotype name that opens with a cause or degree
    ("heparin-induced thrombocytopenia", "severe hypotension") cut to the rest, with the
    rest's ids, when ``lookup`` finds the rest as a disease or phenotype with an external
    id; other mentions unchanged."""
    out = []
    for m in mentions:
        cut = _CAUSE_OR_DEGREE.match(m.text) if m.type in _DISEASE_CLASSES else None
        if cut is not None:
            rest = m.text[cut.end():]
            first = next((e for e in lookup(rest) if e.category in _DISEASE_CLASSES), None)
            if first is not None:
                ids, grounded = mention_ids(first)
                if grounded:
                    m = replace(m, start=m.start + cut.end(), text=rest, ids=ids,
                                entity=first, grounded=True)
        out.append(m)
    return out


def _has_mesh_or_omim(ids: Sequence[str]) -> bool:
    return any(i.startswith(("MESH:", "OMIM:")) for i in ids)


def head_with_mesh_id(mentions: list[DocumentMention],
                      lookup: Lookup, text: str | None = None) -> list[DocumentMention]:
    """``mentions`` with each disease or phenotype name of an ontology (not a curated name
    without external ids) that has no MeSH or OMIM id cut to its longest last words that
    ``lookup`` finds as a disease or phenotype with a MeSH id ("aortic atherosclerosis" ->
    "atherosclerosis", MeSH D050197); a short form of such a disease (one word: "AMD" for
    age-related macular degeneration) keeps its span and takes the ids its long form's head
    gets, found from the disease's label; other mentions unchanged. A name ``text`` (the
    document) defines a short form for ("non-alcoholic fatty liver disease (NAFLD)") is a
    named disease, which the corpora mark whole: it keeps its span and adds the head's ids
    (round 4: on the training splits' second halves the defined long forms cut to a head
    were mostly marked whole)."""
    out = []
    for m in mentions:
        if m.type in _DISEASE_CLASSES and m.grounded and not _has_mesh_or_omim(m.ids):
            if " " in m.text:
                head = _mesh_head(m.text, lookup)
                if head is not None and text is not None and _defined_long_form(text, m.text):
                    _, first, ids = head  # a named disease: the whole name, the head's ids
                    m = replace(m, ids=(*m.ids, *ids), grounded=True)
                elif head is not None:
                    rest, first, ids = head
                    m = replace(m, start=m.end - len(rest), text=rest, ids=ids,
                                entity=first, grounded=True)
            elif " " in m.entity.label:
                head = _mesh_head(m.entity.label, lookup)
                if head is not None:
                    _, first, ids = head
                    m = replace(m, ids=ids, entity=first, grounded=True)
        out.append(m)
    return out


def _defined_long_form(text: str, name: str) -> bool:
    """True when ``text`` defines a short form for ``name`` somewhere: the name, then a
    bracketed abbreviation ("age-related macular degeneration (AMD)")."""
    return re.search(re.escape(name) + r"\s*\(\s*[A-Za-z][\w-]{1,11}\s*[);,]", text,
                     re.IGNORECASE) is not None


def _mesh_head(name: str, lookup: Lookup) -> tuple[str, Entity, tuple[str, ...]] | None:
    """The longest last words of ``name`` (not all of them) that ``lookup`` finds as a
    disease or phenotype with a MeSH id, with that entity and its output ids; or None."""
    words = name.split(" ")
    for i in range(1, len(words)):
        rest = " ".join(words[i:])
        first = next((e for e in lookup(rest) if e.category in _DISEASE_CLASSES), None)
        if first is None:
            continue
        ids, _ = mention_ids(first)
        if any(x.startswith("MESH:") for x in ids):
            return rest, first, ids
    return None


def without_short_form_prefix(document: Document,
                              mentions: list[DocumentMention]) -> list[DocumentMention]:
    """``mentions`` with each disease short form whose prefix stands for a cause or setting
    ("W-ICH" defined as "warfarin-associated intracerebral hemorrhage (W-ICH)", "t-AML" as
    "therapy related acute myeloid leukaemia", "GC-HT" as "glucocorticoid-induced
    hypertension") cut to the disease's own short form ("ICH"), when that part spells the
    name of the disease the mention stands for (:func:`exokg.recognise.document.spells`):
    the corpora leave a cause out of a disease's span, as in the long form. A prefix that is
    part of the name ("X-linked adrenoleukodystrophy (X-ALD)") stays. Other mentions
    unchanged."""
    from exokg.recognise.document import spells

    text = document.text
    causes: dict[str, bool] = {}
    out = []
    for m in mentions:
        prefixed = _PREFIXED_SHORT.fullmatch(m.text) if m.type in _DISEASE_CLASSES else None
        if prefixed is not None and spells(prefixed.group(2), m.entity.label):
            if m.text not in causes:
                bracket = text.find(f"({m.text})")
                causes[m.text] = bracket > 0 and _CAUSE_BEFORE.search(
                    text, max(0, bracket - _WINDOW * 2), bracket) is not None
            if causes[m.text]:
                m = replace(m, start=m.start + prefixed.start(2), text=prefixed.group(2))
        out.append(m)
    return out


def with_infection_word(document: Document,
                        mentions: list[DocumentMention]) -> list[DocumentMention]:
    """``mentions`` with each disease name followed by "infection", "co-infection" or
    "-infected" ("malaria infection", "HIV co-infection") widened over that word, its ids
    kept: the three corpora mark the phrase as one mention (their training splits: 75
    such mentions, and no disease name annotated without the "infection" after it). A
    disease mention inside the widened phrase ("infection" itself) gives way to it."""
    text = document.text
    out = []
    widened = []
    for m in mentions:
        after = _INFECTION_AFTER.match(text, m.end) if m.type in _DISEASE_CLASSES else None
        if after is not None and not m.text.lower().startswith("infect"):
            m = replace(m, end=after.end(), text=text[m.start:after.end()])
            widened.append(m)
        out.append(m)
    if not widened:
        return out
    return [m for m in out if m in widened or not (
        m.type in _DISEASE_CLASSES
        and any(w.start <= m.start and m.end <= w.end for w in widened))]


#: Pathogens written as abbreviations before an infection word: "HIV-infected", "HIV
#: co-infection", "HBV-HIV co-infected" (each part a capital and up to seven letters or
#: digits; parts joined by "-" or "/").
_PATHOGEN_INFECTION = re.compile(
    r"(?<![\w-])(?P<names>[A-Z][A-Za-z0-9]{1,7}(?:[-/][A-Z][A-Za-z0-9]{1,7})*)"
    r"(?:\s+|-)(?:co-?|mono-?)?infect(?:ions?|ed)\b")


def pathogen_infections(document: Document, mentions: list[DocumentMention],
                        lookup: Lookup, sentences: Sequence[tuple[int, int, int]] = ()
                        ) -> list[DocumentMention]:
    """``mentions`` with each pathogen abbreviation followed by an infection word ("HIV-
    infected", "HIV co-infection", "HBV-HIV co-infected") as one disease mention with the
    ids of "<pathogen> infection" (each pathogen's, for several), when ``lookup`` finds that
    name as a disease with a MeSH id: the corpora mark the phrase as the infection ("HIV
    Infections"), and the abbreviation alone is no disease name, so
    :func:`with_infection_word` has nothing to widen. A disease mention inside the phrase
    ("infection") gives way to it; a phrase a disease mention already starts is left
    alone. ``sentences`` gives the document's sentences as (index, start, end) in
    ``document.text``, to place a phrase in a sentence without other mentions. Rule from
    the training splits' second halves (docs/benchmarks.md, "Grounding round 4")."""
    text = document.text
    added: list[DocumentMention] = []
    for match in _PATHOGEN_INFECTION.finditer(text):
        start, end = match.start(), match.end()
        if any(m.type in _DISEASE_CLASSES and m.start == start for m in mentions):
            continue
        sentence = next(((i, s, e) for i, s, e in sentences if s <= start and end <= e),
                        None) or next(((m.sentence_index, m.sentence_start, m.sentence_end)
                                       for m in mentions
                                       if m.sentence_start <= start and end <= m.sentence_end),
                                      None)
        if sentence is None:
            continue
        entities = []
        for part in re.split(r"[-/]", match.group("names")):
            first = next((e for e in lookup(f"{part} infection")
                          if e.category in _DISEASE_CLASSES
                          and any(x.startswith("MESH:") for x in mention_ids(e)[0])), None)
            if first is None:
                break
            entities.append(first)
        else:
            ids = tuple(dict.fromkeys(i for e in entities for i in mention_ids(e)[0]))
            added.append(DocumentMention(
                document.id, sentence[0], start, end, text[start:end],
                annotation_class(entities[0].category), ids, True, entities[0], "ontology",
                sentence[1], sentence[2]))
    if not added:
        return mentions
    kept = [m for m in mentions if not any(
        a.start < m.end and m.start < a.end and m.type in _DISEASE_CLASSES for a in added)]
    return sorted(kept + added, key=lambda m: (m.start, -m.end, m.type, m.ids))


def joined_same_disease(document: Document,
                        mentions: list[DocumentMention]) -> list[DocumentMention]:
    """``mentions`` with two disease or phenotype mentions that stand next to each other
    (one space between) and name the same disease joined into one ("convulsive seizures":
    the adjective "convulsive" and "seizures" are both HPO's Seizure): one name, written
    with a modifier that repeats it."""
    text = document.text
    out: list[DocumentMention] = []
    for m in mentions:
        last = out[-1] if out else None
        if last is not None and m.type in _DISEASE_CLASSES and last.type in _DISEASE_CLASSES \
                and text[last.end:m.start] == " " and last.entity.id == m.entity.id:
            out[-1] = replace(last, end=m.end, text=text[last.start:m.end])
            continue
        out.append(m)
    return out


#: A short form as text writes one: capitals (and digits), an optional plural "s".
_SHORT_FORM = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{1,6})s?(?![\w-])")
_NAME_WORD = re.compile(r"[A-Za-z0-9]+")


def _initials_of(name: str) -> str:
    """The first letters of a name's words and hyphen-joined parts, upper case:
    "X-linked mental retardation" -> "XLMR"."""
    return "".join(w[0].upper() for w in _NAME_WORD.findall(name))


def undefined_short_forms(document: Document,
                          mentions: list[DocumentMention]) -> list[DocumentMention]:
    """``mentions`` with the short forms a document uses without defining them read as the
    disease whose name the document writes and whose initials they are, when exactly one
    disease of the document has them ("X-linked mental retardation ... XLMR patients");
    a short form the document defines (in brackets), one inside another mention, and one
    read as a gene's official symbol or another class are left alone; one read as a gene
    alias gives way ("DDD" is an alias of KRT5)."""
    text = document.text
    diseases = [m for m in mentions if m.type in _DISEASE_CLASSES and m.grounded]
    by_initials: dict[str, dict[str, DocumentMention]] = {}
    for m in diseases:
        words = _NAME_WORD.findall(m.text)
        if len(words) >= 2:
            by_initials.setdefault(_initials_of(m.text), {}).setdefault(m.entity.id, m)
    if not by_initials:
        return mentions
    added: list[DocumentMention] = []
    replaced: set[int] = set()
    for hit in _SHORT_FORM.finditer(text):
        short = hit.group(1)
        named = by_initials.get(short)
        if named is None or len(named) != 1 or f"({short}" in text:
            continue
        start, end = hit.start(1), hit.end(1)
        clash = [i for i, m in enumerate(mentions) if m.start < end and start < m.end]
        if any(not (mentions[i].type == "Gene" and mentions[i].start == start
                    and mentions[i].end == end and mentions[i].entity.label != short)
               for i in clash):
            continue
        replaced.update(clash)
        long_form = next(iter(named.values()))
        added.append(replace(long_form, start=start, end=end, text=short,
                             source="undefined-short-form"))
    if not added:
        return mentions
    kept = [m for i, m in enumerate(mentions) if i not in replaced]
    return sorted(kept + added, key=lambda m: (m.start, -m.end, m.type, m.ids))


#: MeSH descriptor ids of the ten-character form ("D000083242"), given to descriptors made
#: since about 2013 (earlier ones are "D" and six digits). Corpora annotated with an older
#: MeSH ground such a name to the descriptor it was indexed under before: "ischemic stroke"
#: (D000083242, 2021) to Cerebral Infarction (D002544), "ovarian carcinoma" (D000077216,
#: 2019) to Ovarian Neoplasms (D010051).
_NEW_DESCRIPTOR = re.compile(r"MESH:D0000\d{5}")


def with_earlier_mesh_heading(mentions: list[DocumentMention],
                              lookup: Lookup) -> list[DocumentMention]:
    """``mentions`` with each disease or phenotype mention whose only MeSH ids are
    descriptors of the newer id form (:data:`_NEW_DESCRIPTOR`) given, after its own ids,
    the older MeSH ids of the longest last words of its name that have one ("hemorrhagic
    cystitis", D000096722: Cystitis, D003556). MeSH records a descriptor's earlier indexing
    in its "previous indexing" field, which no offline source has; the head of the name
    stands in for it. Other mentions unchanged."""
    out = []
    for m in mentions:
        mesh = [i for i in m.ids if i.startswith("MESH:")]
        if m.type in _DISEASE_CLASSES and mesh and all(_NEW_DESCRIPTOR.fullmatch(i)
                                                       for i in mesh) and " " in m.text:
            words = m.text.split(" ")
            for i in range(1, len(words)):
                first = next((e for e in lookup(" ".join(words[i:]))
                              if e.category in _DISEASE_CLASSES), None)
                older = [x for x in (mention_ids(first)[0] if first else ())
                         if x.startswith("MESH:") and not _NEW_DESCRIPTOR.fullmatch(x)]
                if older:
                    m = replace(m, ids=tuple(dict.fromkeys((*m.ids, *older))))
                    break
        out.append(m)
    return out
