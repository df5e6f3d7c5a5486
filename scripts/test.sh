#!/usr/bin/env bash
# Run the whole test suite. Installs what the tests need first: the Debian packages for the
# independent RDF parsers (rapper, serdi) and the Python test dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
exokg_system_packages raptor2-utils serdi
exokg_venv test
exec .venv/bin/python -m pytest "$@"
