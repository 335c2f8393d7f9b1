#!/usr/bin/env bash
# Benchmark of the read path on 100,000 synthetic projects (fixed seed), against the running jar,
# with nginx serving the same counties bytes as a static file for the practical upper bound.
# Needs wrk, nginx and node (apt-get install wrk nginx-light). Loopback only; every run is bounded.
#
#   scripts/bench.sh [--count 100000] [--seconds 10] [--connections 20]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/java-launch.sh

count=100000; seconds=10; connections=20
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in wrk nginx node java mvn; do
  command -v "$tool" >/dev/null || { echo "bench.sh needs $tool (apt-get install wrk nginx-light nodejs)" >&2; exit 1; }
done

work=$(mktemp -d /tmp/linfen-bench.XXXXXX)
chmod 755 "$work" # nginx workers run as another user and must read the static copy
port=7311; nginx_port=7312
server_pid=""; nginx_started=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  [ -n "$nginx_started" ] && nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -s stop 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

for p in $port $((port + 1)) $nginx_port; do
  if curl -s -o /dev/null "localhost:$p"; then echo "port $p is busy: stop what runs there first" >&2; exit 1; fi
done
[ -f server/target/linfen-atlas.jar ] || mvn -B -q -DskipTests package
jar_java server/target/linfen-atlas.jar
mkdir -p "$work/gis-data"
cp gis-data/counties.geojson gis-data/rivers.geojson "$work/gis-data/"
node scripts/bench/synthetic-projects.mjs "$count" 20261122 gis-data/counties.geojson "$work/gis-data/projects.geojson"

started_ms=0
start_server() { # $1 data dir, $2 log file, then extra server arguments; sets server_pid and started_ms
  local dir=$1 log=$2 t0; shift 2
  t0=$(date +%s%N)
  "${JAR_JAVA[@]}" -Xmx1g -jar server/target/linfen-atlas.jar --port "$port" --data-dir "$dir" "$@" >"$log" 2>&1 &
  server_pid=$!
  until curl -sf "localhost:$port/health" >/dev/null; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.02
  done
  started_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
}
stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""; }

start_server "$work/bundled" "$work/bundled-seed.log"; stop_server
# Start-up varies by a few hundred ms from one start to the next here: the median of five starts.
bundled_starts=()
for _ in 1 2 3 4 5; do
  start_server "$work/bundled" "$work/bundled.log"; bundled_starts+=("$started_ms"); stop_server
done
bundled_ms=$(printf '%s\n' "${bundled_starts[@]}" | sort -n | sed -n 3p)
start_server "$work/data" "$work/seed.log" --gis-data "$work/gis-data"; seed_ms=$started_ms; stop_server
start_server "$work/data" "$work/server.log" --gis-data "$work/gis-data"; start_ms=$started_ms

counties_path="/api/collections/counties/items?limit=10000"
mkdir -p "$work/nginx/html" "$work/nginx/logs"
curl -s "localhost:$port$counties_path" -o "$work/nginx/html/counties.json"
gzip -k -9 -c "$work/nginx/html/counties.json" >"$work/nginx/html/counties.json.gz"
curl -s -H 'Accept-Encoding: gzip' "localhost:$port$counties_path" -o "$work/nginx/html/counties.json.gz"
cat >"$work/nginx/nginx.conf" <<NGINX
worker_processes 2;
error_log $work/nginx/logs/error.log;
pid $work/nginx/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  gzip_static on;
  default_type application/geo+json;
  server { listen 127.0.0.1:$nginx_port; root $work/nginx/html; etag on; }
}
NGINX
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf"; nginx_started=1

run() { # $1 label, $2 url, [$3 lua script]
  local out
  if [ -n "${3:-}" ]; then
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$3" "$2")
  else
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -H 'Accept-Encoding: gzip' "$2")
  fi
  local rps p50 p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  if echo "$out" | grep -q "Non-2xx"; then echo "WARNING: $1 had non-2xx responses" >&2; fi
  printf '| %s | %s | %s | %s |\n' "$1" "$rps" "$p50" "$p99"
}

# Warm-up, not measured: the JIT compiles the hot paths, and the bbox pages encode each feature's JSON
# once (kept from then on), which random boxes over 100k features take about 20 s to do.
wrk -t2 -c"$connections" -d5s -H 'Accept-Encoding: gzip' "http://localhost:$port$counties_path" >/dev/null
wrk -t2 -c"$connections" -d20s -s scripts/bench/bbox.lua "http://localhost:$port" >/dev/null
wrk -t2 -c"$connections" -d5s -s scripts/bench/search.lua "http://localhost:$port" >/dev/null
# every tile of tiles.lua made once (then cached): the measured run is of cached tiles with their ETags
wrk -t2 -c"$connections" -d10s -s scripts/bench/tiles.lua "http://localhost:$port" >/dev/null

echo
echo "Linfen Atlas benchmark: $count synthetic projects, wrk -t2 -c$connections -d${seconds}s after a 40 s warm-up, $(nproc) cores"
echo
echo "| request | req/s | p50 | p99 |"
echo "| --- | --- | --- | --- |"
run "counties, all 17 (gzip, cached)" "http://localhost:$port$counties_path"
run "same counties bytes from nginx (gzip_static)" "http://127.0.0.1:$nginx_port/counties.json"
run "projects bbox 0.2°, limit=100 (random boxes)" "http://localhost:$port" scripts/bench/bbox.lua
run "projects q= search, limit=20 (12 terms)" "http://localhost:$port" scripts/bench/search.lua
run "projects GeoJSON tiles z8-12 over Linfen (gzip, cached)" "http://localhost:$port" scripts/bench/tiles.lua

jcmd "$server_pid" GC.run >/dev/null
sleep 1
# the heap's lines are those with a total (one for G1, young and old generations for the parallel collector)
heap=$(jcmd "$server_pid" GC.heap_info | awk '/ total / {for (i=1;i<=NF;i++) if ($i=="used") {sub(/K,?$/,"",$(i+1)); kb+=$(i+1)}} END {print kb "K"}')
echo
echo "- heap in use after a full GC with $count projects loaded: $heap"
echo "- start-up to serving, $count projects, store already seeded: ${start_ms} ms (first start incl. seeding the GeoPackage: ${seed_ms} ms)"
echo "- start-up to serving, bundled data, store already seeded: median ${bundled_ms} ms of five starts (${bundled_starts[*]} ms)"
