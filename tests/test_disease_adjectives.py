"""Diseases named by their adjective (exokg.annotate.disease_adjectives): "hypertensive rats"
is a mention of hypertension, "inflammatory cells" of inflammation, while what acts against
a disease ("antihypertensive"), a hyphenated compound ("pro-inflammatory"), an adjective
inside a longer disease name ("ischemic stroke") and an adjective whose noun is no disease
("respiratory") are not."""

from __future__ import annotations

from exokg.annotate.disease_adjectives import adjectival_diseases, adjective_nouns
from exokg.annotate.mentions import DocumentMention
from exokg.model import Document, Entity

HYPERTENSION = Entity("MONDO:0005044", "hypertension", "Disease", xrefs=("mesh:D006973",))
INFLAMMATION = Entity("HP:0012649", "Increased inflammatory response", "Phenotype",
                      xrefs=("mesh:D007249",))
ATHEROSCLEROSIS = Entity("MONDO:0005311", "atherosclerosis", "Disease",
                         xrefs=("mesh:D050197",))
HYPOXIA = Entity("HP:0012418", "Hypoxemia", "Phenotype", xrefs=("mesh:D000860",))
NEPHROTOXICITY = Entity("MESH:D007674", "nephrotoxicity", "Disease")
EPILEPSY = Entity("MONDO:0005027", "epilepsy", "Disease", xrefs=("mesh:D004827",))
NAMES = {
    "hypertension": [HYPERTENSION], "inflammation": [INFLAMMATION],
    "atherosclerosis": [ATHEROSCLEROSIS], "hypoxia": [HYPOXIA],
    "nephrotoxicity": [NEPHROTOXICITY], "epilepsy": [EPILEPSY],
    "respiration": [Entity("GO:0007585", "respiratory gaseous exchange", "BiologicalProcess")],
    "ischemia": [Entity("MONDO:0005053", "ischemia", "Disease", xrefs=("mesh:D007511",))],
    "psychosis": [Entity("MONDO:0005465", "psychosis", "Disease")],  # no MeSH/OMIM id
}


def lookup(name: str) -> list[Entity]:
    return NAMES.get(name, [])


def annotate(text: str, mentions: list[DocumentMention] = ()) -> list[tuple[str, int, tuple]]:
    document = Document("d", text, "test")
    got = adjectival_diseases(document, list(mentions), lookup, [(0, 0, len(text))])
    return [(m.text, m.start, m.ids) for m in got]


def test_suffixes_give_the_nouns_english_forms_adjectives_from() -> None:
    assert adjective_nouns("nephrotoxic")[0] == "nephrotoxicity"
    assert adjective_nouns("atherosclerotic")[0] == "atherosclerosis"
    assert "hypoxia" in adjective_nouns("hypoxic")
    assert "epilepsy" in adjective_nouns("epileptic")
    assert adjective_nouns("inflammatory") == ["inflammation"]
    assert adjective_nouns("hypotensive") == ["hypotension"]
    assert adjective_nouns("large") == [] and adjective_nouns("tic") == []


def test_stand_alone_adjectives_are_their_disease() -> None:
    text = ("Hypertensive rats had atherosclerotic lesions, hypoxic brains, nephrotoxic "
            "effects, epileptic seizures and inflammatory cells.")
    got = annotate(text)
    assert [(t, ids) for t, _, ids in got] == [
        ("Hypertensive", ("MONDO:0005044", "MESH:D006973")),
        ("atherosclerotic", ("MONDO:0005311", "MESH:D050197")),
        ("hypoxic", ("HP:0012418", "MESH:D000860")),
        ("nephrotoxic", ("MESH:D007674",)),
        ("epileptic", ("MONDO:0005027", "MESH:D004827")),
        ("inflammatory", ("HP:0012649", "MESH:D007249")),
    ]
    assert all(text[s:s + len(t)] == t for t, s, _ in got)


def test_against_without_compounds_and_non_diseases_are_no_mentions() -> None:
    text = ("Antihypertensive drugs, anti-inflammatory and pro-inflammatory cytokines, "
            "noninflammatory cells, respiratory failure, HYPOXIC tissue and psychotic "
            "symptoms.")
    assert annotate(text) == []


def test_an_adjective_before_a_disease_name_or_inside_a_cell_name_is_no_mention() -> None:
    text = "Hypertensive glioma and cytotoxic T cells; analgesic drugs, hydrophobic residues"
    glioma = DocumentMention("d", 0, 13, 19, "glioma", "Disease", ("MESH:D005910",), True,
                             Entity("MONDO:0021042", "glioma", "Disease"), "ontology", 0,
                             len(text))
    cells = DocumentMention("d", 0, 24, 41, "cytotoxic T cells", "CellType", ("CL:0000910",),
                            True, Entity("CL:0000910", "cytotoxic T cell", "Cell"),
                            "ontology", 0, len(text))
    NAMES["toxicity"] = [Entity("MESH:D064420", "toxicity", "Disease")]
    NAMES["analgesia"] = [Entity("MESH:D000698", "Analgesia", "Phenotype")]
    NAMES["hydrophobia"] = [Entity("HP:0032505", "Hydrophobia", "Phenotype",
                                   xrefs=("mesh:D011818",))]
    try:
        got = annotate(text, [glioma, cells])
    finally:
        del NAMES["toxicity"], NAMES["analgesia"], NAMES["hydrophobia"]
    assert [t for t, _, _ in got] == ["glioma", "cytotoxic T cells"]


def test_an_adjective_inside_a_recognised_disease_name_gives_way() -> None:
    text = "After ischemic stroke the ischemic tissue"
    stroke = DocumentMention("d", 0, 6, 21, "ischemic stroke", "Disease", ("MESH:D002544",),
                             True, Entity("MONDO:0005098", "stroke", "Disease"), "ontology",
                             0, len(text))
    got = annotate(text, [stroke])
    assert got == [("ischemic stroke", 6, ("MESH:D002544",)),
                   ("ischemic", 26, ("MONDO:0005053", "MESH:D007511"))]


def test_the_tumour_a_suppressor_holds_back_is_a_disease_mention() -> None:
    from exokg.annotate.disease_in_names import suppressed_tumours

    neoplasm = Entity("MONDO:0005070", "neoplasm", "Disease", xrefs=("mesh:D009369",))
    text = "The tumor suppressor p53 and tumour-suppressive genes; tumor necrosis factor."
    got = suppressed_tumours(Document("d", text, "test"), [],
                             lambda name: [neoplasm] if name.lower() in ("tumor", "tumour")
                             else [], [(0, 0, len(text))])
    assert [(m.text, m.start, m.ids) for m in got] == [
        ("tumor", 4, ("MONDO:0005070", "MESH:D009369")),
        ("tumour", 29, ("MONDO:0005070", "MESH:D009369"))]


def _minted(text: str, start: int, name: str, cls: str, entity: Entity) -> DocumentMention:
    return DocumentMention("d", 0, start, start + len(name), name, cls, (entity.id,), False,
                           entity, "lexicon", 0, len(text))


def test_an_adjective_opening_a_name_nothing_grounds_is_its_disease() -> None:
    # invented sentences: three ways authors write an inflammatory class of molecules or
    # response that exokg names with a minted entity only
    factor = Entity("exokg:protein/inflammatory-factor", "inflammatory factor", "Protein")
    response = Entity("exokg:phenotype/inflammation", "inflammation", "Phenotype")
    text = ("Exosomes lowered inflammatory cytokines, damped the inflammatory response and "
            "cut inflammatory mediators in hypertensive rats.")
    mentions = [_minted(text, text.index("inflammatory cytokines"), "inflammatory cytokines",
                        "Gene", factor),
                _minted(text, text.index("inflammatory response"), "inflammatory response",
                        "Phenotype", response),
                _minted(text, text.index("inflammatory mediators"), "inflammatory mediators",
                        "Gene", factor)]
    got = annotate(text, mentions)
    cytokines, response, mediators = (m.start for m in mentions)
    inflammation = ("HP:0012649", "MESH:D007249")
    assert got == [
        ("inflammatory cytokines", cytokines, ("exokg:protein/inflammatory-factor",)),
        ("inflammatory", cytokines, inflammation),
        # the minted phenotype named by the adjective's own noun gives way to it
        ("inflammatory", response, inflammation),
        ("inflammatory mediators", mediators, ("exokg:protein/inflammatory-factor",)),
        ("inflammatory", mediators, inflammation),
        ("hypertensive", text.index("hypertensive"), ("MONDO:0005044", "MESH:D006973")),
    ]


def test_a_minted_disease_of_another_name_or_a_grounded_name_keeps_the_adjective() -> None:
    # invented: a minted injury the adjective only qualifies, a grounded gene-class name,
    # and a minted name the adjective does not open
    injury = Entity("exokg:phenotype/brain-injury", "brain injury", "Phenotype")
    text = ("Ischemic brain injury, hypoxic inducible factor and acute inflammatory cell "
            "counts")
    mentions = [_minted(text, 0, "Ischemic brain injury", "Phenotype", injury),
                DocumentMention("d", 0, 23, 48, "hypoxic inducible factor", "Gene",
                                ("NCBIGene:3091",), True,
                                Entity("NCBIGene:3091", "HIF1A", "Gene"), "lexicon", 0,
                                len(text)),
                _minted(text, 53, "acute inflammatory cell", "CellType",
                        Entity("exokg:cell/acute-inflammatory-cell", "acute inflammatory cell",
                               "Cell"))]
    assert annotate(text, mentions) == [(m.text, m.start, m.ids) for m in mentions]


def test_pro_inflammatory_inside_a_minted_name_is_inflammation() -> None:
    # invented: "pro-" glued to the adjective of a minted class of molecules; outside such
    # a name the hyphenated compound stays no mention of this rule (round 6)
    factor = Entity("exokg:protein/inflammatory-factor", "inflammatory factor", "Protein")
    text = "MSC exosomes cut pro-inflammatory cytokines; pro-inflammatory effects waned."
    cytokines = _minted(text, text.index("pro-inflammatory cytokines"),
                        "pro-inflammatory cytokines", "Gene", factor)
    assert annotate(text, [cytokines]) == [
        ("pro-inflammatory cytokines", cytokines.start, (factor.id,)),
        ("inflammatory", cytokines.start + 4, ("HP:0012649", "MESH:D007249"))]


def test_a_word_for_tumour_formation_is_the_neoplasm_it_forms() -> None:
    from exokg.annotate.disease_in_names import tumour_formation

    # invented: three words for the formation of a tumour, one inside a disease name
    neoplasm = Entity("MONDO:0005070", "neoplasm", "Disease", xrefs=("mesh:D009369",))
    lymphoma = Entity("mesh:D008223", "lymphoma", "Disease")
    names = {"tumor": [neoplasm], "lymphoma": [lymphoma]}
    text = ("The vesicles caused no tumorigenesis or lymphomagenesis; tumourigenesis assays "
            "and skin carcinogenesis, but no pathogenesis or angiogenesis.")
    skin = DocumentMention("d", 0, text.index("skin"), text.index("skin") + 19,
                           "skin carcinogenesis", "Disease", ("MESH:D012878",), True,
                           Entity("mesh:D012878", "skin neoplasm", "Disease"), "lexicon", 0,
                           len(text))
    got = tumour_formation(Document("d", text, "test"), [skin],
                           lambda name: names.get(name, []), [(0, 0, len(text))])
    assert [(m.text, m.ids) for m in got] == [
        ("tumorigenesis", ("MONDO:0005070", "MESH:D009369")),
        ("lymphomagenesis", ("MESH:D008223",)),
        ("tumourigenesis", ("MONDO:0005070", "MESH:D009369")),
        ("skin carcinogenesis", ("MESH:D012878",))]
