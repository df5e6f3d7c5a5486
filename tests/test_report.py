"""``exokg report``: one offline HTML page (and Markdown) of a built graph, every figure
linked to its evidence; checked in headless Chromium with screenshots."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DEVSET = Path(__file__).parent / "devset" / "documents"
CHROMIUM = Path(os.environ.get("EXOKG_CHROMIUM", "/usr/bin/chromium"))


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "EXOKG_STORE"}
    return subprocess.run([sys.executable, "-m", "exokg", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("report")
    shutil.copytree(DEVSET, root / "papers")
    proj = root / "proj"
    proj.mkdir()
    proc = run("build", "-q", "../papers", cwd=proj)
    assert proc.returncode == 0, proc.stderr
    proc = run("report", cwd=proj)
    assert proc.returncode == 0, proc.stderr
    return proj


@pytest.fixture(scope="module")
def page(project: Path) -> str:
    return (project / "exports" / "report.html").read_text(encoding="utf-8")


def test_report_is_self_contained_and_offline(page: str) -> None:
    assert "<script" not in page.lower()
    assert not re.search(r"""\s(?:src|srcset)\s*=\s*["'](?!#|data:)""", page)
    assert "default-src 'none'" in page  # nothing may load, even by mistake
    # links (never loaded) go only to publications: PubMed, DOI, or the page a document's
    # metadata names as its source when it has neither (``url:`` of the dev-set texts)
    external = set(re.findall(r'href="(https?://[^"]+)"', page))
    anchors = set(re.findall(r'<a [^>]*href="(https?://[^"]+)"', page))
    assert external and external == anchors, external - anchors
    assert any(u.startswith(("https://pubmed.ncbi.nlm.nih.gov/", "https://doi.org/"))
               for u in external), external
    assert page.count("<svg") == 4


def test_every_link_in_the_report_and_its_figures_lands_on_evidence(page: str) -> None:
    ids = set(re.findall(r'\sid="([^"]+)"', page))
    targets = set(re.findall(r'href="#([^"]+)"', page))
    assert targets and targets <= ids, sorted(targets - ids)[:5]
    svg_links = re.findall(r'<a xlink:href="#([^"]+)"', page)
    assert svg_links, "bars and cells link to their findings"
    assert set(svg_links) <= ids
    # every finding row links to an evidence block that quotes a sentence
    for target in re.findall(r'<td class="num"><a href="#(st-[0-9a-f]+)"', page)[:20]:
        block = page[page.index(f'id="{target}"'):]
        assert "<blockquote>" in block[:block.index("</div>")]


def test_report_reads_what_was_read_and_the_findings(page: str, project: Path) -> None:
    assert "Zhou et al. 2018, BMC Neurology" in page  # publications by author, year, journal
    assert "functional recovery" in page and "↑ increased" in page
    assert "Opposite findings" in page and "Sources that disagree" in page
    markdown = (project / "exports" / "report.md").read_text(encoding="utf-8")
    assert markdown.startswith("# exokg report")
    assert "![Preparation x outcome](report-figures/heatmap.svg)" in markdown
    assert (project / "exports" / "report-figures" / "heatmap.svg").read_text(
        encoding="utf-8").startswith("<svg")


def test_report_is_deterministic(project: Path, page: str, tmp_path: Path) -> None:
    proc = run("report", "-q", "-o", str(tmp_path / "again.html"), "--no-markdown",
               cwd=project)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "again.html").read_text(encoding="utf-8") == page


def test_missing_matplotlib_is_one_clear_line(project: Path) -> None:
    code = ("import sys; sys.modules['matplotlib'] = None; from exokg.cli import main; "
            "raise SystemExit(main(['report']))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "exokg: error: exokg report draws its plots with matplotlib, which is not "
        "installed: pip install 'exokg[report]' (or pip install matplotlib)"]


def test_report_in_chromium(project: Path, tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install the Debian package chromium "
                    "(scripts/test.sh does), or set EXOKG_CHROMIUM")
    from playwright.sync_api import sync_playwright

    url = (project / "exports" / "report.html").as_uri()
    outside: list[str] = []
    problems: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM),
                                    args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.on("request", lambda r: None if r.url.startswith(("file:", "data:", "about:"))
                else outside.append(r.url))
        page.on("console", lambda m: problems.append(m.text))
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.goto(url)
        page.screenshot(path=str(tmp_path / "report-top.png"))
        sizes = page.evaluate("() => Array.from(document.querySelectorAll('svg'))"
                              ".map(s => [s.getBoundingClientRect().width, "
                              "s.getBoundingClientRect().height])")
        assert len(sizes) == 4 and all(w > 200 and h > 100 for w, h in sizes), sizes
        # no plot is wider than the page: nothing to scroll sideways
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 1280
        # a heat-map cell (its number) is a link that lands on the pair's findings, in place
        assert page.evaluate("() => document.querySelectorAll('svg a[target]').length") == 0
        cell = page.locator("svg a:has(text)").last
        cell.evaluate("e => e.scrollIntoView({block: 'center'})")
        cell.click()
        target = page.evaluate("() => location.hash")
        assert target.startswith("#pair-")
        assert page.evaluate("h => !!document.getElementById(h.slice(1))", target)
        page.screenshot(path=str(tmp_path / "report-after-click.png"))
        browser.close()
    assert outside == [] and problems == []
    assert (tmp_path / "report-top.png").stat().st_size > 10_000


def test_long_evidence_is_quoted_in_part_with_the_command_for_the_rest() -> None:
    from exokg.report.data import EvidenceRow, Finding, ReportData
    from exokg.report.render import MAX_QUOTES, Figures, render_html, render_markdown

    finding = Finding("https://w3id.org/exokg/id/statement/x", "s", "MSC-derived exosomes",
                      "ExosomePreparation", "biolink:affects", "o", "infarct volume",
                      "decreased", False, False, MAX_QUOTES + 2, ("rat",), (), False)
    rows = [EvidenceRow(finding.statement, f"sentence {i}", "Doe et al. 2020, J", None,
                        "doc", i, i + 1) for i in range(MAX_QUOTES + 2)]
    data = ReportData("test", [], [finding], {finding.statement: rows}, [])
    page = render_html(data, Figures("", "", "", ""))
    assert page.count("<blockquote>") == MAX_QUOTES
    assert "and 2 more: <code>exokg query evidence -p statement=" in page
    assert "nothing to plot" in page
    markdown = render_markdown(data)
    assert markdown.count("> sentence") == MAX_QUOTES and "and 2 more" in markdown
