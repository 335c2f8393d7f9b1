#!/usr/bin/env bash
# Benchmark of the map page in headless Chromium (org.linfenatlas.e2e.PageBenchmark, driven through the DevTools
# protocol) on the bundled data and on N synthetic projects (fixed seed, scripts/bench/synthetic-projects.mjs):
# first view (bytes, requests, times to ready / county outlines / first projects), main-thread time of a pan and
# a zoom, browser memory, and the Slow-4G phone profile. Cold cache each run. Needs node, chromium and
# chromium-driver. Loopback only; every wait is bounded and the servers are always stopped.
#
#   scripts/bench-page.sh [--count 100000] [--runs 3] [--timeout 90] [--port 7331] [--json FILE]
#
# --timeout bounds each page load (seconds); a load that exceeds it is reported as "> N s" and that measurement's
# further runs are skipped. The two servers listen on --port and the next port.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/java-launch.sh

count=100000; runs=3; timeout=90; port=7331; json=""
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --json) json=$(realpath -m "$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in node java mvn curl chromium chromedriver; do
  command -v "$tool" >/dev/null || { echo "bench-page.sh needs $tool (apt-get install nodejs chromium chromium-driver)" >&2; exit 1; }
done

work=$(mktemp -d /tmp/linfen-page.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

for p in $port $((port + 1)); do
  if curl -s -o /dev/null "localhost:$p"; then echo "port $p is busy: stop what runs there first" >&2; exit 1; fi
done
# A jar older than the sources would measure yesterday's page.
if [ ! -f server/target/linfen-atlas.jar ] || [ -n "$(find web/src/main server/src/main -newer server/target/linfen-atlas.jar -print -quit)" ]; then
  mvn -B -q -o -DskipTests package
fi
# the harness's class path (test scope), written by exec:exec (the dependency plugin does not resolve offline);
# the web module writes its own first, the server's overwrites it
mvn -B -q -o -Dweb.npm.skip=true -pl web,server test-compile exec:exec -Dexec.executable=echo -Dexec.args=%classpath \
  -Dexec.classpathScope=test -Dexec.outputFile="$PWD/server/target/bench.classpath"
classpath=$(cat server/target/bench.classpath)
jar_java server/target/linfen-atlas.jar

mkdir -p "$work/gis-data"
cp gis-data/counties.geojson gis-data/rivers.geojson "$work/gis-data/"
node scripts/bench/synthetic-projects.mjs "$count" 20261122 gis-data/counties.geojson "$work/gis-data/projects.geojson"

start_server() { # $1 port, $2 data dir, then extra server arguments
  local p=$1 dir=$2; shift 2
  "${JAR_JAVA[@]}" -Xmx1g -jar server/target/linfen-atlas.jar --port "$p" --host 127.0.0.1 --data-dir "$dir" "$@" \
    >"$dir.log" 2>&1 &
  pids+=($!)
}
await_server() { # $1 port, $2 data dir (for its log); seeding 100k projects takes a while on a busy machine
  local deadline=$((SECONDS + 300))
  until curl -sf "localhost:$1/health" >/dev/null; do
    if [ $SECONDS -gt $deadline ]; then echo "server on port $1 not up within 300 s" >&2; tail -20 "$2.log" >&2; exit 1; fi
    sleep 0.2
  done
}
start_server "$port" "$work/bundled"
start_server "$((port + 1))" "$work/big" --gis-data "$work/gis-data"
await_server "$port" "$work/bundled"
await_server "$((port + 1))" "$work/big"
matched() { curl -sf "localhost:$1/api/collections/projects/items?limit=1" | sed -n 's/.*"numberMatched":\([0-9]*\).*/\1/p'; }
bundled_n=$(matched "$port"); big_n=$(matched "$((port + 1))")

echo "load before the page runs: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
args=(--runs "$runs" --timeout "$timeout"
  --target "$bundled_n projects (bundled)=http://127.0.0.1:$port/"
  --target "$big_n projects (synthetic)=http://127.0.0.1:$((port + 1))/")
[ -n "$json" ] && args+=(--json "$json")
java -Xmx512m -cp "$classpath" org.linfenatlas.e2e.PageBenchmark "${args[@]}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
