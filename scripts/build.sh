#!/usr/bin/env bash
# Build the knowledge graph from the bundled founding corpus with the embedded Oxigraph store
# and write exports/. Works on a fresh machine with Python 3.11+ and access to PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
exokg_venv report
exokg_lexicon
.venv/bin/exokg build "$@"
