"""How the page looks: node colour and shape per class, edge colour per kind of relation.

Everything here is plain data, so the legend, the page and the tests read the same table.
Colours come from ColorBrewer's qualitative palettes; each family of classes also has its own
shape, so the classes stay apart for readers who do not see every colour.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "EDGE_KINDS",
    "NODE_STYLES",
    "OTHER_STYLE",
    "EdgeKind",
    "NodeStyle",
    "edge_kind",
    "edge_label",
    "node_size",
    "node_style",
]


@dataclass(frozen=True)
class NodeStyle:
    """Colour (background, border) and vis-network shape of one class."""

    colour: str
    border: str
    shape: str
    label: str  # the class as the legend names it


@dataclass(frozen=True)
class EdgeKind:
    """One kind of relation: legend label and line colour."""

    name: str
    label: str
    colour: str


# Shapes with the label below them (so ``size`` applies): dot, diamond, square, triangle,
# triangleDown, star, hexagon.
NODE_STYLES: dict[str, NodeStyle] = {
    "MicroRNA": NodeStyle("#e6550d", "#a63603", "dot", "miRNA"),
    "MicroRNACluster": NodeStyle("#fd8d3c", "#a63603", "dot", "miRNA cluster"),
    "Gene": NodeStyle("#6baed6", "#08519c", "diamond", "gene"),
    "Protein": NodeStyle("#3182bd", "#08519c", "diamond", "protein"),
    "Cell": NodeStyle("#31a354", "#006d2c", "triangle", "cell"),
    "Vesicle": NodeStyle("#bcbddc", "#54278f", "hexagon", "vesicle"),
    "ExosomePreparation": NodeStyle("#756bb1", "#3f007d", "star", "exosome preparation"),
    "HerbalPreparation": NodeStyle("#74c476", "#006d2c", "square", "herbal preparation"),
    "Therapy": NodeStyle("#9e9ac8", "#54278f", "square", "therapy"),
    "Chemical": NodeStyle("#a1d99b", "#31a354", "dot", "chemical"),
    "Disease": NodeStyle("#de2d26", "#a50f15", "triangleDown", "disease"),
    "Phenotype": NodeStyle("#fc9272", "#a50f15", "triangleDown", "phenotype"),
    "DiseaseModel": NodeStyle("#fb6a4a", "#a50f15", "triangleDown", "disease model"),
    "BiologicalProcess": NodeStyle("#8c6d31", "#543005", "dot", "biological process"),
    "Outcome": NodeStyle("#e7ba52", "#8c6d31", "square", "outcome"),
    "AssessmentScale": NodeStyle("#cedb9c", "#637939", "square", "assessment scale"),
    "Assay": NodeStyle("#b5cf6b", "#637939", "square", "assay"),
    "AnatomicalEntity": NodeStyle("#c49c94", "#8c564b", "hexagon", "anatomical entity"),
    "Species": NodeStyle("#17becf", "#0e6f79", "hexagon", "species"),
    "RouteOfAdministration": NodeStyle("#9edae5", "#0e6f79", "hexagon", "route"),
    "ClinicalTrial": NodeStyle("#ffd92f", "#b8860b", "star", "clinical trial"),
    "Publication": NodeStyle("#d9d9d9", "#525252", "square", "publication"),
    "Document": NodeStyle("#f0f0f0", "#525252", "square", "document"),
    "Organization": NodeStyle("#bdbdbd", "#525252", "hexagon", "organization"),
    "Person": NodeStyle("#969696", "#252525", "hexagon", "person"),
    "Advantage": NodeStyle("#e377c2", "#7b1f63", "diamond", "advantage"),
    "Value": NodeStyle("#ffffff", "#737373", "square", "value (dose, phase, date)"),
}

#: The style of a class that is not in :data:`NODE_STYLES`.
OTHER_STYLE = NodeStyle("#cccccc", "#636363", "dot", "other")

EDGE_KINDS: dict[str, EdgeKind] = {
    "increase": EdgeKind("increase", "increases / higher", "#1a9850"),
    "decrease": EdgeKind("decrease", "decreases / lower", "#d73027"),
    "association": EdgeKind("association", "association, effect, marker", "#5e5ea8"),
    "composition": EdgeKind("composition", "composition (part, cargo, source)", "#8c8c8c"),
    "trial": EdgeKind("trial", "trial design", "#b8860b"),
}

_TRIAL_PREDICATES = {"biolink:in_clinical_trials_for", "exo:studiesIntervention",
                     "exo:studiesCondition", "exo:phase", "exo:enrollment", "exo:dose",
                     "exo:route", "exo:timing", "exo:primaryEndpoint", "exo:secondaryEndpoint",
                     "exo:monitorsAdverseEvent", "exo:site", "exo:investigator",
                     "exo:startDate"}
_COMPOSITION_PREDICATES = {"exo:cargo", "exo:sourceCell", "exo:vesicleType", "exo:treatedWith",
                           "skos:broader", "RO:0002607", "biolink:contributes_to",
                           "exo:transfersCargo", "BFO:0000051", "RO:0001000"}
_NAMES = {
    "RO:0002607": "is marker for",
    "RO:0002213": "positively regulates",
    "RO:0002212": "negatively regulates",
    "RO:0002211": "regulates",
    "BFO:0000051": "has part",
    "RO:0001000": "derives from",
    "skos:broader": "is a kind of",
    "exo:cargo": "carries",
    "exo:sourceCell": "derived from",
    "exo:vesicleType": "vesicle type",
    "exo:treatedWith": "treated with",
    "exo:transfersCargo": "transfers",
    "exo:hasAdvantage": "has advantage",
    "exo:studiesIntervention": "studies",
    "exo:studiesCondition": "condition",
    "exo:monitorsAdverseEvent": "monitors adverse event",
    "exo:primaryEndpoint": "primary endpoint",
    "exo:secondaryEndpoint": "secondary endpoint",
    "exo:startDate": "start date",
}


def node_style(category: str) -> NodeStyle:
    """The style of an exokg class name (``"MicroRNA"``), :data:`OTHER_STYLE` if unknown.

    >>> node_style("MicroRNA").shape
    'dot'
    """
    return NODE_STYLES.get(category, OTHER_STYLE)


def node_size(evidence: int) -> float:
    """Node size (vis-network pixels) from the number of evidence sentences behind it.

    >>> node_size(0), node_size(1), node_size(100) == node_size(1000)
    (10.0, 14.0, True)
    """
    return round(10.0 + min(4.0 * evidence ** 0.5, 30.0), 1)


#: Labels smaller than this many screen pixels are not drawn (vis-network's drawThreshold):
#: at the zoom that fits a page, only the labels of the entities with the most evidence
#: are big enough; the rest appear as the reader zooms in, instead of piling up unreadably.
LABEL_MIN_PIXELS = 9


def label_size(evidence: int) -> int:
    """A node's label size (pixels at zoom 1) from its evidence sentences: 14 to 30.

    >>> label_size(0), label_size(4), label_size(1000)
    (14, 22, 30)
    """
    return 14 + min(round(4 * evidence ** 0.5), 16)


def edge_kind(predicate: str, direction: str | None) -> str:
    """The kind of a relation: its direction if it has one, else the family of its predicate.

    >>> edge_kind("biolink:affects", "decreased"), edge_kind("exo:phase", None)
    ('decrease', 'trial')
    """
    if direction == "increased" or predicate == "RO:0002213":
        return "increase"
    if direction == "decreased" or predicate == "RO:0002212":
        return "decrease"
    if predicate in _TRIAL_PREDICATES:
        return "trial"
    if predicate in _COMPOSITION_PREDICATES:
        return "composition"
    return "association"


def edge_label(predicate: str, direction: str | None = None, aspect: str | None = None,
               negated: bool = False, hedged: bool = False) -> str:
    """A short label for an edge, e.g. ``"increases expression"`` or ``"NOT affects"``.

    >>> edge_label("biolink:affects", "decreased", "expression", hedged=True)
    'decreases expression (hedged)'
    >>> edge_label("biolink:beneficial_in_models_for", negated=True)
    'NOT beneficial in models for'
    """
    if predicate == "biolink:affects" and direction:
        text = "increases" if direction == "increased" else "decreases"
    elif predicate == "biolink:associated_with" and direction:
        text = "higher in" if direction == "increased" else "lower in"
    elif predicate in _NAMES:
        text = _NAMES[predicate]
    else:
        local = predicate.split(":", 1)[-1]
        words = []
        for part in local.split("_"):
            word = "".join(" " + c.lower() if c.isupper() else c for c in part).strip()
            words.append(word)
        text = " ".join(words)
    if aspect and direction:
        text += f" {aspect}"
    if negated:
        text = "NOT " + text
    if hedged:
        text += " (hedged)"
    return text
