#!/usr/bin/env bash
# Run the whole test suite. Installs what the tests need first: the Debian packages for the
# independent RDF parsers (rapper, serdi), headless Chromium for the HTML page tests (driven
# by Playwright with the system browser: nothing is downloaded) and the Python test dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
exokg_system_packages raptor2-utils serdi chromium chromium-driver
# Java runs the HermiT reasoner of tests/test_ontology_owl.py (exokg's machines ship OpenJDK).
command -v java >/dev/null || exokg_system_packages default-jre-headless
exokg_venv test
exokg_lexicon
exec .venv/bin/python -m pytest "$@"
