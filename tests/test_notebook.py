"""notebooks/exokg-tour.ipynb runs headless (nbclient) and shows the expected answers.

The kernel is ``python3`` from this test environment (ipykernel, in the ``test`` extra). If
the environment has no ``python3`` kernelspec, or the one found would start another Python,
the set-up installs a kernelspec into the environment (``sys.prefix``) and points
``JUPYTER_PATH`` at it. The notebook is executed in memory and never written back.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "exokg-tour.ipynb"


def _kernel_runs_this_python(spec) -> bool:  # type: ignore[no-untyped-def]
    command = spec.argv[0] if spec.argv else ""
    # jupyter_client runs "python", "python3", "python3.X" as sys.executable
    major, minor = sys.version_info[:2]
    if command in ("python", f"python{major}", f"python{major}.{minor}"):
        return True
    try:
        return Path(command).resolve() == Path(sys.executable).resolve()
    except OSError:
        return False


@pytest.fixture(scope="module")
def python3_kernel(tmp_path_factory):
    """Make sure the ``python3`` kernel starts this interpreter."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        spec = KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel:
        spec = None
    if spec is not None and _kernel_runs_this_python(spec):
        yield "python3"
        return
    from ipykernel.kernelspec import install

    prefix = Path(sys.prefix)
    try:
        install(kernel_name="python3", prefix=str(prefix))
        share = prefix / "share" / "jupyter"
    except OSError:  # a read-only environment: a private kernelspec instead
        share = tmp_path_factory.mktemp("jupyter") / "share" / "jupyter"
        install(kernel_name="python3", prefix=str(share.parent.parent))
    mp = pytest.MonkeyPatch()
    mp.setenv("JUPYTER_PATH", str(share))
    yield "python3"
    mp.undo()


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    from exokg.export.turtle import to_turtle
    from exokg.graph.store import default_store_path, write_store
    from exokg.pipeline import build

    root = tmp_path_factory.mktemp("notebook")
    turtle = to_turtle(build().graph)
    (root / "exports").mkdir()
    (root / "exports" / "exokg.ttl").write_bytes(turtle)
    write_store(turtle, default_store_path(root / "exports"))
    return root / "exports"


def _text(output) -> str:  # type: ignore[no-untyped-def]
    if output.get("output_type") == "stream":
        return output.get("text", "")
    if output.get("output_type") == "error":
        return "\n".join(output.get("traceback", []))
    data = output.get("data", {})
    return data.get("text/plain", "") + data.get("text/html", "")


def test_the_committed_notebook_has_no_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_the_tour_runs_and_answers(python3_kernel, exports, tmp_path, monkeypatch):
    monkeypatch.setenv("EXOKG_SOURCE", str(exports))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook, kernel_name=python3_kernel, timeout=300,
        resources={"metadata": {"path": str(tmp_path)}},
        extra_arguments=["--InteractiveShell.colors=nocolor"])
    client.execute()  # raises CellExecutionError on the first failing cell
    outputs = {}
    for cell in notebook.cells:
        if cell.cell_type == "code":
            outputs[cell.source.splitlines()[0]] = "\n".join(_text(o) for o in cell.outputs)
    everything = "\n".join(outputs.values())
    assert "Traceback" not in everything

    def output_of(first_line: str) -> str:
        matches = [text for line, text in outputs.items() if line.startswith(first_line)]
        assert matches, first_line
        return matches[0]

    assert "exokg knowledge graph" in output_of("import os")
    assert "trial-design" in output_of('kg.queries()')
    assert "exokg:mirna/mir-124" in output_of('kg.entity("microRNA-124")')
    assert "NIH Stroke Scale" in output_of('findings = kg.ask("entity-findings"')
    evidence = output_of('evidence = kg.evidence("miR-9", "NIH Stroke Scale")')
    assert "cites [18]" in evidence and "positively correlated" in evidence
    trial = output_of('trial = kg.ask("trial-design"')
    for answer in ("200 mg total protein", "intraparenchymal route of administration",
                   "safety", "modified Rankin Scale", "Phase 1/2"):
        assert answer in trial, answer
    assert "brain injury" in output_of('preclinical = kg.ask("trial-preclinical"')
    assert "depleted" in output_of('cargo = kg.ask("mirna-preparations"')
    biomarkers = output_of('biomarkers = kg.ask("mirna-biomarkers")')
    assert "miR-9" in biomarkers and "miR-124" in biomarkers and "all p" in biomarkers
    assert "axonal remodeling" in output_of('kg.ask("opposite-findings")')
    assert "78 of 78 claims rest on a single source" in output_of("single = kg.ask")
    safety = output_of("from exokg.query.errors import QueryError")
    assert "UnsafeQueryError" in safety and "QueryTimeoutError" in safety
    assert "MultiDiGraph" in output_of("view = kg.to_networkx()")
    assert "exokg-light" in output_of('kg.show(focus="miR-124"')  # small: light, inline
    assert not (tmp_path / ".exokg").exists()  # EXOKG_SOURCE was used, nothing built here
