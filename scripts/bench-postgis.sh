#!/usr/bin/env bash
# The PostGIS read paths over HTTP on 100,000 synthetic projects (same generator, seed and wrk
# scripts as bench.sh): --db-reads memory (the in-memory index loaded from PostGIS) against
# --db-reads sql (one query per request). Replaces the schema "atlas" of the database it is given.
# Needs wrk, node, java, mvn and a PostGIS database the URL's role owns.
#
#   scripts/bench-postgis.sh [--db postgresql://linfen_test:linfen_test@127.0.0.1:5432/linfen_atlas_test]
#                            [--count 100000] [--seconds 10] [--connections 20]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/java-launch.sh

db=postgresql://linfen_test:linfen_test@127.0.0.1:5432/linfen_atlas_test
count=100000; seconds=10; connections=20
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db=$2; shift 2 ;;
    --count) count=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in wrk node java mvn psql; do
  command -v "$tool" >/dev/null || { echo "bench-postgis.sh needs $tool" >&2; exit 1; }
done

work=$(mktemp -d /tmp/linfen-bench-pg.XXXXXX)
port=7321
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
if curl -s -o /dev/null "localhost:$port"; then echo "port $port is busy" >&2; exit 1; fi
[ -f server/target/linfen-atlas.jar ] || mvn -B -q -DskipTests package
jar_java server/target/linfen-atlas.jar

mkdir -p "$work/gis-data"
cp gis-data/counties.geojson gis-data/rivers.geojson "$work/gis-data/"
node scripts/bench/synthetic-projects.mjs "$count" 20261122 gis-data/counties.geojson "$work/gis-data/projects.geojson"
psql "${db}" -qc 'DROP SCHEMA IF EXISTS atlas CASCADE' >/dev/null

started_ms=0
start_server() { # $1 log file, then extra server arguments
  local log=$1 t0; shift
  t0=$(date +%s%N)
  "${JAR_JAVA[@]}" -Xmx1g -jar server/target/linfen-atlas.jar --port "$port" --db "$db" --gis-data "$work/gis-data" "$@" >"$log" 2>&1 &
  server_pid=$!
  until curl -sf "localhost:$port/health" >/dev/null; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.05
  done
  started_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
}
stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""; }

run() { # $1 label, $2 url, [$3 lua script]
  local out rps p50 p99
  if [ -n "${3:-}" ]; then
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$3" "$2")
  else
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -H 'Accept-Encoding: gzip' "$2")
  fi
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  if echo "$out" | grep -q "Non-2xx"; then echo "WARNING: $1 had non-2xx responses" >&2; fi
  printf '| %s | %s | %s | %s | %s |\n' "$mode" "$1" "$rps" "$p50" "$p99"
}

start_server "$work/seed.log"; seed_ms=$started_ms; stop_server
echo
echo "Linfen Atlas on PostGIS: $count synthetic projects, wrk -t2 -c$connections -d${seconds}s, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| --db-reads | request | req/s | p50 | p99 |"
echo "| --- | --- | --- | --- | --- |"
declare -A start_times
for mode in memory sql; do
  start_server "$work/$mode.log" --db-reads "$mode"; start_times[$mode]=$started_ms
  wrk -t2 -c"$connections" -d3s -s scripts/bench/bbox.lua "http://localhost:$port" >/dev/null
  run "counties, all 17 (gzip, cached)" "http://localhost:$port/api/collections/counties/items?limit=10000"
  run "projects, first page limit=100 (cached)" "http://localhost:$port/api/collections/projects/items?limit=100"
  run "projects bbox 0.2°, limit=100 (random boxes)" "http://localhost:$port" scripts/bench/bbox.lua
  run "projects q= search, limit=20 (12 terms)" "http://localhost:$port" scripts/bench/search.lua
  stop_server
done
echo
echo "- first start, seeding PostGIS with $count projects and indexing them: ${seed_ms} ms"
echo "- start-up to serving, database already seeded: memory ${start_times[memory]} ms, sql ${start_times[sql]} ms"
