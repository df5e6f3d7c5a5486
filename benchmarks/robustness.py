"""Timings of exokg on pathological inputs (speed lives here, not in the tests).

Run: ``.venv/bin/python benchmarks/robustness.py`` - prints seconds per case for the text
layer (normalise + segment) and for the whole analysis of one document (segment, recognise,
extract), at two sizes each, so linear and quadratic growth can be told apart.
"""

from __future__ import annotations

import time
import warnings

from exokg.errors import InputWarning
from exokg.model import Document
from exokg.pipeline import document_statements
from exokg.recognise import Recogniser
from exokg.text.normalise import normalise
from exokg.text.segment import segment


def cases(size: int) -> dict[str, str]:
    words = "exosomes from mesenchymal stem cells reduced infarct volume after stroke in rats"
    return {
        "one long word": "a" * size,
        "base64 image in Markdown": "![x](data:image/png;base64," + "QUJD" * (size // 4) + ")",
        "sentence without full stop": (words + " and ") * (size // (len(words) + 5)),
        "hyphenated chain": "-".join(["ab"] * (size // 3)),
        # the miRNA relation rules: one enumeration with statistics per member, and sentences
        # that each give several of the readings
        "miRNA list with statistics": "Expression of " + ", ".join(
            f"miR-{i} ({i % 9 + 1}.5-fold; P = 0.0{i % 9 + 1})" for i in range(size // 28))
        + " was reduced in glioblastoma tissues.",
        "miRNA-gene sentences": " ".join(
            ["miR-21 levels in glioma tissues were elevated, whereas PTEN expression was "
             "inversely correlated with miR-21 and the 3'-UTR of BCL2 contains binding "
             "sites for miR-15a."] * (size // 170)),
    }


def main() -> None:
    recogniser = Recogniser.default()
    warnings.simplefilter("ignore", InputWarning)
    print(f"{'case':28} {'chars':>8} {'text layer s':>13} {'analysis s':>11}")
    for size in (16_000, 64_000, 250_000):
        for name, text in cases(size).items():
            started = time.perf_counter()
            normalise(text)
            segment(Document("bench", text, "bench"))
            text_layer = time.perf_counter() - started
            started = time.perf_counter()
            document_statements(Document("bench", text, "bench"), recogniser)
            analysis = time.perf_counter() - started
            print(f"{name:28} {len(text):>8} {text_layer:>13.2f} {analysis:>11.2f}")


if __name__ == "__main__":
    main()
