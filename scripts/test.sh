#!/usr/bin/env bash
# Runs every test: data checks, unit and handler tests, store tests (GeoPackage and PostGIS), the
# end-to-end test of the jar and the browser tests in headless Chromium.
#
#   scripts/test.sh                      PostGIS and browser tests skip (with a message) when their tools are missing
#   scripts/test.sh --require-postgis --require-browser --require-gdal   they fail instead (CI)
#
# What the tests need is installed here when missing and allowed (root on Debian/Ubuntu):
# PostGIS for PostgreSQL 15, Debian's chromium and chromium-driver (and a CJK font), and gdal-bin (GDAL as an API client). The local PostgreSQL cluster is
# started if it is down, and a throw-away role and database are created for the PostGIS tests.
set -euo pipefail
cd "$(dirname "$0")/.."

require_postgis=false
require_browser=false
require_gdal=false
for arg in "$@"; do
  case "$arg" in
    --require-postgis) require_postgis=true ;;
    --require-browser) require_browser=true ;;
    --require-gdal) require_gdal=true ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

PG_HOST=127.0.0.1
PG_PORT=5432
TEST_ROLE=linfen_test
TEST_DB=linfen_atlas_test

say() { echo "[test.sh] $*"; }

missing=()
[ -f /usr/share/postgresql/15/extension/postgis.control ] || missing+=(postgresql-15-postgis-3)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
# a Chinese font, so that the browser tests lay out and screenshot real glyphs rather than empty boxes
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
command -v ogr2ogr >/dev/null 2>&1 || missing+=(gdal-bin)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    say "NOT INSTALLED: ${missing[*]} (needs root and apt-get); the tests that need them will skip or, if required, fail"
  fi
fi

if command -v pg_lsclusters >/dev/null 2>&1; then
  if pg_lsclusters --no-header 2>/dev/null | awk '$4 != "online" {exit 1}'; then :; else
    say "starting the local PostgreSQL cluster"
    if [ "$(id -u)" = 0 ]; then
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || say "could not start PostgreSQL"
    fi
  fi
fi

pg_url=""
if command -v psql >/dev/null 2>&1 && psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -qAtc 'select 1' >/dev/null 2>&1; then
  psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -q -v ON_ERROR_STOP=1 >/dev/null <<SQL
DROP DATABASE IF EXISTS $TEST_DB;
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$TEST_ROLE') THEN
    CREATE ROLE $TEST_ROLE LOGIN PASSWORD '$TEST_ROLE';
  END IF;
END \$\$;
CREATE DATABASE $TEST_DB OWNER $TEST_ROLE;
SQL
  if psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d "$TEST_DB" -qc 'CREATE EXTENSION IF NOT EXISTS postgis' >/dev/null 2>&1; then
    pg_url="postgresql://$TEST_ROLE:$TEST_ROLE@$PG_HOST:$PG_PORT/$TEST_DB"
    say "PostGIS test database $TEST_DB ready"
  else
    say "PostgreSQL is up but PostGIS could not be enabled in $TEST_DB"
  fi
else
  say "no PostgreSQL reachable on $PG_HOST:$PG_PORT as user postgres"
fi

args=(-B verify -Dpostgis.required="$require_postgis" -Dbrowser.required="$require_browser" -Dgdal.required="$require_gdal")
[ -n "$pg_url" ] && args+=(-Dpostgis.url="$pg_url")
say "mvn ${args[*]}"
exec mvn "${args[@]}"
