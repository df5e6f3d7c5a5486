# Shared set-up steps for scripts/build.sh and scripts/test.sh (sourced, not run).

# exokg_venv [EXTRA]: create .venv if needed and install exokg (editable) with EXTRA deps.
exokg_venv() {
  local extra="${1:-}"
  if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
  fi
  local spec="."
  [ -n "$extra" ] && spec=".[$extra]"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --editable "$spec"
}

# exokg_system_packages PKG...: install Debian packages that are missing (needs root or sudo).
exokg_system_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing Debian packages: ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# exokg_lexicon: fetch the Debian gene and GO tables (r-bioc-org.hs.eg.db, r-bioc-go.db: only
# their SQLite files are extracted, R is not installed), gilda's MeSH mapping table (only that
# file of the PyPI wheel) and the word list the ambiguity rules use (wamerican), then compile the open-vocabulary lexicon (docs/lexicon.md). The lexicon
# home is $EXOKG_LEXICON_DIR, else $XDG_CACHE_HOME/exokg/lexicon, else ~/.cache/exokg/lexicon;
# `exokg lexicon build` reuses an up-to-date lexicon, so this is quick after the first time.
exokg_lexicon() {
  local home="${EXOKG_LEXICON_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/exokg/lexicon}"
  local src="$home/sources"
  [ -f /usr/share/dict/words ] || exokg_system_packages wamerican \
    || echo "warning: wamerican not installed: gene symbols that are English words will not be flagged" >&2
  if [ ! -f "$src/org.Hs.eg.sqlite" ] || [ ! -f "$src/GO.sqlite" ]; then
    local work
    work="$(mktemp -d)"
    mkdir -p "$src"
    echo "fetching r-bioc-org.hs.eg.db and r-bioc-go.db (about 50 MB) for the lexicon" >&2
    if ! (cd "$work" && apt-get download r-bioc-org.hs.eg.db r-bioc-go.db >/dev/null 2>&1); then
      local sudo=""
      [ "$(id -u)" -ne 0 ] && sudo="sudo"
      $sudo apt-get update -qq
      (cd "$work" && apt-get download r-bioc-org.hs.eg.db r-bioc-go.db >/dev/null)
    fi
    for deb in "$work"/*.deb; do
      dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$work" --wildcards '*.sqlite'
    done
    find "$work" -name 'org.Hs.eg.sqlite' -exec mv {} "$src/" \;
    find "$work" -name 'GO.sqlite' -exec mv {} "$src/" \;
    rm -rf "$work"
  fi
  if [ ! -f "$src/mesh_mappings.tsv" ]; then
    # MeSH names and their DOID/HP/ChEBI mappings: only this data file of the PyPI package
    # gilda (BSD-2-Clause) is taken; gilda itself (and its web-service dependencies) is not
    # installed.
    local work
    work="$(mktemp -d)"
    mkdir -p "$src"
    echo "fetching gilda 1.6.1's mesh_mappings.tsv for the lexicon" >&2
    .venv/bin/python -m pip download --quiet --disable-pip-version-check --no-deps \
      --dest "$work" "gilda==1.6.1"
    .venv/bin/python - "$work" "$src/mesh_mappings.tsv" <<'PY'
import pathlib, sys, zipfile
wheel = next(pathlib.Path(sys.argv[1]).glob("gilda-*.whl"))
with zipfile.ZipFile(wheel) as z:
    pathlib.Path(sys.argv[2]).write_bytes(z.read("gilda/resources/mesh_mappings.tsv"))
PY
    rm -rf "$work"
  fi
  .venv/bin/exokg lexicon build
}
