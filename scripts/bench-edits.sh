#!/usr/bin/env bash
# Benchmark of the write path on 100,000 synthetic projects (fixed seed): PATCH latency (JSON Merge Patch
# with If-Match, each after a GET of the ETag) by EditLoad, then bbox reads with wrk idle and while 20 edits
# a second run. Embedded GeoPackage by default; --db URL runs it on PostGIS (an empty database with the
# postgis extension, which it seeds). Needs wrk and node. Loopback only; every run is bounded.
#
#   scripts/bench-edits.sh [--count 100000] [--edits 2000] [--seconds 10] [--db postgresql://...]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/java-launch.sh

count=100000; edits=2000; seconds=10; db=""
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count=$2; shift 2 ;;
    --edits) edits=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in wrk node java mvn; do
  command -v "$tool" >/dev/null || { echo "bench-edits.sh needs $tool (apt-get install wrk nodejs)" >&2; exit 1; }
done

work=$(mktemp -d /tmp/linfen-edits.XXXXXX)
port=7321
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
if curl -s -o /dev/null "localhost:$port"; then echo "port $port is busy" >&2; exit 1; fi

[ -f server/target/linfen-atlas.jar ] || mvn -B -q -DskipTests package
mvn -B -q -o -DskipTests -Dexec.skip=true -pl web,server test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
classpath="server/target/test-classes:server/target/classes:$(cat server/target/bench.classpath)"
jar_java server/target/linfen-atlas.jar
mkdir -p "$work/gis-data"
cp gis-data/counties.geojson gis-data/rivers.geojson "$work/gis-data/"
node scripts/bench/synthetic-projects.mjs "$count" 20261122 gis-data/counties.geojson "$work/gis-data/projects.geojson"

store_args=(--data-dir "$work/data")
[ -n "$db" ] && store_args=(--db "$db")
jar=(java -jar server/target/linfen-atlas.jar)
printf 'benchmark-password\n' | "${jar[@]}" users add bench --role admin "${store_args[@]}" >/dev/null 2>&1
token=$("${jar[@]}" tokens create bench "${store_args[@]}" 2>/dev/null | tail -1)

"${JAR_JAVA[@]}" -Xmx1g -jar server/target/linfen-atlas.jar --port "$port" "${store_args[@]}" --gis-data "$work/gis-data" \
  >"$work/server.log" 2>&1 &
server_pid=$!
until curl -sf "localhost:$port/health" >/dev/null; do
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done

bbox() {
  wrk -t2 -c20 -d"${seconds}s" --latency -s scripts/bench/bbox.lua "http://localhost:$port" |
    awk '/Requests\/sec/ {rps=$2} $1 == "50%" {p50=$2} $1 == "99%" {p99=$2} END {printf "%s req/s, p50 %s, p99 %s", rps, p50, p99}'
}

# warm-up, not measured: the JIT, and each feature's JSON encoded once
wrk -t2 -c20 -d20s -s scripts/bench/bbox.lua "http://localhost:$port" >/dev/null
java -cp "$classpath" org.linfenatlas.bench.EditLoad "http://localhost:$port" "$token" 300 >/dev/null

echo
store="embedded GeoPackage"; [ -n "$db" ] && store="PostGIS (memory read path)"
echo "Linfen Atlas write benchmark: $count synthetic projects, $store, $(nproc) cores"
echo
echo "- edit latency, $edits PATCHes one after another: $(java -cp "$classpath" org.linfenatlas.bench.EditLoad "http://localhost:$port" "$token" "$edits")"
echo "- bbox reads, idle: $(bbox)"
java -cp "$classpath" org.linfenatlas.bench.EditLoad "http://localhost:$port" "$token" 100000 20 "$((seconds + 2))" >"$work/during.txt" &
load_pid=$!
sleep 1
echo "- bbox reads while 20 edits a second run: $(bbox)"
wait "$load_pid"
echo "- the edits meanwhile: $(cat "$work/during.txt")"
