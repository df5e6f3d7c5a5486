"""The report as one self-contained HTML page and as Markdown.

The page has no script and loads nothing: styles are inline, plots are inline SVG, links
go to anchors inside the page or to PubMed / DOI addresses. Sections: what was read, the
main findings per outcome (with the plots), contradictions and disagreements, and the
evidence sentences every table row, bar and cell links to.
"""

from __future__ import annotations

import hashlib
import html
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from exokg.report.data import Document, Finding, ReportData
from exokg.report.figures import evidence_per_outcome, preparation_heatmap, years_chart

__all__ = ["Figures", "draw_figures", "render_html", "render_markdown"]

_ARROW = {"increased": "↑", "decreased": "↓"}
#: Evidence sentences quoted per finding (the rest are counted, with the command that lists
#: them), so a report of thousands of documents stays a readable size.
MAX_QUOTES = 5
_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#222;
background:#fafafa}
header{background:#1f3b57;color:#fff;padding:18px 28px}header h1{margin:0 0 4px;font-size:22px}
header p{margin:0;opacity:.85}nav{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;
padding:8px 28px;z-index:1}nav a{margin-right:16px;color:#1f3b57;text-decoration:none;font-weight:600}
main{max-width:1180px;margin:0 auto;padding:8px 28px 60px}section{margin-top:28px}
h2{border-bottom:2px solid #1f3b57;padding-bottom:4px}h3{margin:22px 0 6px}
table{border-collapse:collapse;width:100%;background:#fff;font-size:14px;margin:6px 0 14px}
th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eef2f6}.num{text-align:right}.up{color:#2166ac;font-weight:700}
.down{color:#d6604d;font-weight:700}.flag{background:#fdecea}.muted{color:#777}
figure{margin:10px 0 18px;background:#fff;border:1px solid #e3e3e3;padding:8px}
figcaption{font-size:13px;color:#555}.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{background:#fff;border:1px solid #ddd;padding:8px 14px;min-width:120px}
.card b{display:block;font-size:22px}blockquote{margin:4px 0 10px;padding:4px 10px;
border-left:3px solid #1f3b57;background:#fff}:target{outline:2px solid #f0a202}
table.findings{table-layout:fixed}summary{cursor:pointer;font-weight:600;margin:8px 0}.row{display:flex;gap:12px;flex-wrap:wrap}
.row figure{flex:1 1 420px}
"""


def anchor(kind: str, *parts: str) -> str:
    """A stable, HTML-safe id: ``kind-`` and a short digest of ``parts``."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]
    return f"{kind}-{digest}"


@dataclass(frozen=True)
class Figures:
    """The report's plots as SVG text."""

    documents: str
    publications: str
    outcomes: str
    heatmap: str


def _publication_docs(data: ReportData) -> list[Document]:
    seen: dict[str, Document] = {}
    for d in data.documents:
        if d.publication and d.publication not in seen:
            seen[d.publication] = Document(d.publication, d.publication, "publication",
                                           None, d.publication, d.year)
    return list(seen.values())


def draw_figures(data: ReportData) -> Figures:
    """Draw every plot of the report (needs matplotlib); a plot with nothing to show is
    an empty string."""
    publications = _publication_docs(data)
    return Figures(
        documents=years_chart(data.documents, "Documents read, by year and kind", "docs")
        if data.documents else "",
        publications=years_chart(publications, "Publications the documents are, by year",
                                 "pubs") if publications else "",
        outcomes=evidence_per_outcome(data.findings, lambda o: anchor("outcome", o)),
        heatmap=preparation_heatmap(data.findings, lambda p, o: anchor("pair", p, o)),
    )


_NOTHING = '<p class="muted">nothing to plot: no document states a publication</p>'


def _e(text: object) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _direction_html(f: Finding) -> str:
    css = "up" if f.direction == "increased" else "down" if f.direction == "decreased" else ""
    arrow = _ARROW.get(f.direction, "")
    return f'<span class="{css}">{arrow} {_e(f.shown_direction)}</span>'


def _link(text: str, url: str | None) -> str:
    return f'<a href="{_e(url)}" rel="noreferrer">{_e(text)}</a>' if url else _e(text)


def _findings_table(findings: Sequence[Finding]) -> str:
    rows = []
    for f in findings:
        flags = []
        if f.hedged:
            flags.append("hedged")
        if f.contradicted:
            flags.append("contradicted")
        rows.append(
            f'<tr id="{anchor("pair", f.subject, f.outcome)}-{anchor("s", f.statement)}"'
            f'{" class=flag" if f.contradicted else ""}>'
            f"<td>{_e(f.subject_label)}</td><td>{_direction_html(f)}</td>"
            f"<td>{_e(', '.join(f.species) or '—')}</td><td>{_e(', '.join(f.models) or '—')}"
            f'</td><td class="num"><a href="#{anchor("st", f.statement)}">'
            f"{f.evidence_count}</a></td><td>{_e(', '.join(flags))}</td></tr>")
    return ('<table class="findings"><colgroup><col style="width:38%"><col style="width:14%">'
            '<col style="width:12%"><col style="width:20%"><col style="width:8%">'
            '<col style="width:8%"></colgroup><tr><th>preparation / subject</th>'
            "<th>direction</th><th>species</th><th>model</th><th>evidence</th><th>notes</th></tr>" + "".join(rows) + "</table>")


def _pair_targets(findings: Iterable[Finding]) -> str:
    """Empty anchors for every (preparation, outcome) pair, for the heat map's links."""
    seen = []
    for f in findings:
        a = anchor("pair", f.subject, f.outcome)
        if a not in seen:
            seen.append(a)
    return "".join(f'<span id="{a}"></span>' for a in seen)


def render_html(data: ReportData, figures: Figures, title: str = "exokg report") -> str:
    """The report page (see the module docstring)."""
    stats = data.stats
    cards = "".join(f'<div class="card"><b>{v:,}</b>{_e(k)}</div>' for k, v in (
        ("documents", len(data.documents)), ("statements", stats.get("statements", 0)),
        ("evidence sentences", stats.get("evidence", 0)), ("findings", len(data.findings)),
        ("contradicting pairs", len(data.contradictions)),
        ("disagreements", len(data.disagreements))))
    docs = "".join(
        f"<tr><td>{_e(d.label)}</td><td>{_e(d.kind)}</td><td>{_e(d.year or '—')}</td>"
        f"<td>{_e(d.title if d.title and d.title != d.label else '')}</td>"
        f"<td>{_link(d.publication_label or d.publication or '—', d.publication)}</td></tr>"
        for d in sorted(data.documents, key=lambda d: (d.year or 0, d.label)))
    outcome_sections = []
    for outcome, label, findings in data.outcomes():
        by_direction = defaultdict(int)
        for f in findings:
            by_direction[f.shown_direction] += f.evidence_count
        summary = ", ".join(f"{_ARROW.get(k, '')}{k}: {v}" for k, v in sorted(by_direction.items()))
        outcome_sections.append(
            f'<h3 id="{anchor("outcome", outcome)}">{_e(label)} '
            f'<small class="muted">({_e(summary)} evidence sentences)</small></h3>'
            + _pair_targets(findings) + _findings_table(findings))
    opposite = "".join(
        f'<tr class="flag"><td>{_e(r.get("outcome_label"))}</td><td>{_e(r.get("family_label"))}'
        f'{" + " + _e(r.get("cargo_label")) if r.get("cargo_label") else ""}</td>'
        f'<td class="up">↑ {_e(r.get("increased_by"))}</td>'
        f'<td class="down">↓ {_e(r.get("decreased_by"))}</td>'
        f'<td>{_e(r.get("increased_sentence"))}<br><br>{_e(r.get("decreased_sentence"))}</td></tr>'
        for r in data.opposite) or '<tr><td colspan="5" class="muted">none</td></tr>'
    disagreements = "".join(
        f'<tr class="flag"><td>{_e(r.get("kind"))}</td><td>{_e(r.get("subject_label"))}</td>'
        f'<td>{_e(r.get("attribute_curie") or r.get("attribute"))}</td><td>{_e(r.get("value"))}</td>'
        f'<td>{_e(r.get("sentence"))}</td></tr>'
        for r in data.disagreements) or '<tr><td colspan="5" class="muted">none</td></tr>'
    evidence = []
    for f in data.findings:
        rows = data.evidence.get(f.statement, [])
        quotes = "".join(
            f"<blockquote>{_e(e.sentence)}<br><small>{_link(e.publication, e.link)} · "
            f"{_e(e.document)} characters {e.start}–{e.end}</small></blockquote>"
            for e in rows[:MAX_QUOTES]) or '<p class="muted">no evidence sentence</p>'
        if len(rows) > MAX_QUOTES:
            quotes += (f'<p class="muted">and {len(rows) - MAX_QUOTES} more: <code>exokg query '
                       f"evidence -p statement={_e(f.statement)}</code></p>")
        evidence.append(
            f'<div id="{anchor("st", f.statement)}"><p><b>{_e(f.subject_label)}</b> '
            f'{_direction_html(f)} <b>{_e(f.outcome_label)}</b>'
            f'{" <i>(hedged)</i>" if f.hedged else ""}'
            f'{" <span class=flag>contradicted</span>" if f.contradicted else ""} '
            f'<a href="#{anchor("outcome", f.outcome)}" class="muted">↩ findings</a></p>'
            f"{quotes}</div>")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>{_e(title)}</title><style>{_CSS}</style></head>
<body><header><h1>{_e(title)}</h1><p>{_e(data.source)}</p></header>
<nav><a href="#read">What was read</a><a href="#findings">Findings</a>
<a href="#conflicts">Contradictions</a><a href="#evidence">Evidence</a></nav>
<main>
<section id="read"><h2>What was read</h2><div class="cards">{cards}</div>
<div class="row"><figure id="documents">{figures.documents or _NOTHING}<figcaption>Documents
by the year of the publication they are (n.d.: not stated) and by kind.</figcaption></figure>
<figure>{figures.publications or _NOTHING}<figcaption>Publications per year (the documents'
bibliographic metadata).</figcaption></figure></div>
<details{" open" if len(data.documents) <= 30 else ""}><summary>The {len(data.documents)}
documents</summary>
<table><tr><th>document</th><th>kind</th><th>year</th><th>title</th><th>publication</th></tr>
{docs}</table></details></section>
<section id="findings"><h2>Main findings</h2>
<p>Claims with a direction: what increased (↑) or decreased (↓) each outcome, by
preparation, species and model. Click a bar, a cell or a count for its evidence.</p>
<figure>{figures.outcomes}<figcaption>Evidence sentences per outcome, by direction, one
panel per species.</figcaption></figure>
<figure>{figures.heatmap}<figcaption>Preparation × outcome: evidence sentences, the
direction(s) claimed; a red frame marks contradicting claims.</figcaption></figure>
{''.join(outcome_sections) or '<p class="muted">No claim with a direction.</p>'}
</section>
<section id="conflicts"><h2>Contradictions and disagreements</h2>
<h3>Opposite findings within a preparation family</h3>
<table><tr><th>outcome</th><th>family</th><th>increased by</th><th>decreased by</th>
<th>sentences</th></tr>{opposite}</table>
<h3>Sources that disagree</h3>
<table><tr><th>kind</th><th>about</th><th>attribute</th><th>value</th><th>sentence</th></tr>
{disagreements}</table></section>
<section id="evidence"><h2>Evidence</h2>{''.join(evidence)}</section>
</main></body></html>
"""


def _md(text: object) -> str:
    return ("" if text is None else str(text)).replace("|", "\\|").replace("\n", " ")


def render_markdown(data: ReportData, figure_paths: dict[str, str] | None = None,
                    title: str = "exokg report") -> str:
    """The report as Markdown; ``figure_paths`` (name -> relative path of its SVG file)
    adds the plots as images."""
    figs = figure_paths or {}
    out = [f"# {title}", "", f"Graph: {data.source}", "",
           f"{len(data.documents)} documents, {data.stats.get('statements', 0)} statements, "
           f"{data.stats.get('evidence', 0)} evidence sentences, {len(data.findings)} "
           f"findings, {len(data.contradictions)} contradicting pairs, "
           f"{len(data.disagreements)} disagreements.", "", "## What was read", ""]
    for name, caption in (("documents", "Documents by year and kind"),
                          ("publications", "Publications per year")):
        if name in figs:
            out += [f"![{caption}]({figs[name]})", ""]
    out += ["| document | kind | year | publication |", "|---|---|---|---|"]
    out += [f"| {_md(d.label)} | {_md(d.kind)} | {_md(d.year or '—')} | "
            f"{_md(d.publication_label or d.publication or '—')} |"
            for d in sorted(data.documents, key=lambda d: (d.year or 0, d.label))]
    out += ["", "## Main findings", ""]
    for name, caption in (("outcomes", "Evidence per outcome by direction and species"),
                          ("heatmap", "Preparation x outcome")):
        if name in figs:
            out += [f"![{caption}]({figs[name]})", ""]
    for outcome, label, findings in data.outcomes():
        out += [f'<a id="{anchor("outcome", outcome)}"></a>', "", f"### {label}", "",
                "| preparation / subject | direction | species | model | evidence |",
                "|---|---|---|---|---|"]
        out += [f"| {_md(f.subject_label)} | {_ARROW.get(f.direction, '')} "
                f"{_md(f.shown_direction)}{' (contradicted)' if f.contradicted else ''} | "
                f"{_md(', '.join(f.species) or '—')} | {_md(', '.join(f.models) or '—')} | "
                f"[{f.evidence_count}](#{anchor('st', f.statement)}) |" for f in findings]
        out.append("")
    out += ["## Contradictions and disagreements", ""]
    if data.opposite:
        out += ["| outcome | increased by | decreased by |", "|---|---|---|"]
        out += [f"| {_md(r.get('outcome_label'))} | {_md(r.get('increased_by'))} | "
                f"{_md(r.get('decreased_by'))} |" for r in data.opposite]
    else:
        out.append("No opposite findings within a preparation family.")
    out.append("")
    if data.disagreements:
        out += ["| kind | about | value | sentence |", "|---|---|---|---|"]
        out += [f"| {_md(r.get('kind'))} | {_md(r.get('subject_label'))} | "
                f"{_md(r.get('value'))} | {_md(r.get('sentence'))} |"
                for r in data.disagreements]
    else:
        out.append("No disagreeing sources.")
    out += ["", "## Evidence", ""]
    for f in data.findings:
        out += [f'<a id="{anchor("st", f.statement)}"></a>', "",
                f"**{f.subject_label}** {_ARROW.get(f.direction, '')} {f.shown_direction} "
                f"**{f.outcome_label}**", ""]
        rows = data.evidence.get(f.statement, [])
        for e in rows[:MAX_QUOTES]:
            source = f"[{e.publication}]({e.link})" if e.link else e.publication
            out += [f"> {e.sentence}", ">", f"> — {source}; {e.document}, characters "
                    f"{e.start}–{e.end}", ""]
        if len(rows) > MAX_QUOTES:
            out += [f"and {len(rows) - MAX_QUOTES} more: `exokg query evidence -p "
                    f"statement={f.statement}`", ""]
    return "\n".join(out).rstrip() + "\n"
