#!/usr/bin/env bash
# Rebuilds gis-data/projects.geojson from the hand-curated records in scripts/catalogue/source/.
#   scripts/catalogue/build.sh            validate the records, write the file, print counts
#   scripts/catalogue/build.sh --check    fail unless the committed file equals a fresh build
#   scripts/catalogue/build.sh --markdown print the counts as Markdown tables (for gis-data/README.md)
# Needs: node 20 + npm (registry access for the first `npm ci`).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
(cd "$here" && npm ci --no-fund --no-audit --loglevel=error >/dev/null) || { echo "build.sh: npm ci failed in $here" >&2; exit 1; }
exec node "$here/build-projects.mjs" "$@"
