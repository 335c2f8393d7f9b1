#!/usr/bin/env bash
# A/B comparison of two server jars (or two JVM option sets) on the bbox request of bench.sh, for changes
# smaller than the machine's drift between runs: both servers run at once on copies of one seeded data dir
# (100,000 synthetic projects, same generator and seed as bench.sh), each is warmed up for 40 s, then short wrk
# runs alternate A, B, A, B... and each prints req/s, p50, p99 and the server's own CPU time per request
# (process CPU from /proc over the run's request count), which drifts far less than latency does.
# Needs wrk, node and java (apt-get install wrk nodejs). Loopback only.
#
#   scripts/bench-ab.sh JAR_A JAR_B [--rounds 5] [--seconds 6] [--opts-a "JVM options"] [--opts-b "JVM options"]
#   e.g. scripts/bench-ab.sh old.jar server/target/linfen-atlas.jar
#        scripts/bench-ab.sh server/target/linfen-atlas.jar server/target/linfen-atlas.jar \
#            --opts-a -XX:+UseG1GC --opts-b -XX:+UseParallelGC
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -ge 2 ] || { sed -n '2,12p' "$0" >&2; exit 2; }
jar_a=$(realpath "$1"); jar_b=$(realpath "$2"); shift 2
rounds=5; seconds=6; opts_a="-XX:+UseParallelGC"; opts_b="-XX:+UseParallelGC"; count=100000
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --opts-a) opts_a=$2; shift 2 ;;
    --opts-b) opts_b=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in wrk node java curl; do
  command -v "$tool" >/dev/null || { echo "bench-ab.sh needs $tool" >&2; exit 1; }
done

work=$(mktemp -d /tmp/linfen-ab.XXXXXX)
port_a=7331; port_b=7332
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

mkdir -p "$work/gis-data"
cp gis-data/counties.geojson gis-data/rivers.geojson "$work/gis-data/"
node scripts/bench/synthetic-projects.mjs "$count" 20261122 gis-data/counties.geojson "$work/gis-data/projects.geojson"

wait_for() { # $1 port, $2 pid, $3 log
  until curl -sf "localhost:$1/health" >/dev/null; do
    kill -0 "$2" 2>/dev/null || { cat "$3" >&2; exit 1; }
    sleep 0.1
  done
}
# seed once with A, then give each server its own copy
java -Xmx1g $opts_a -jar "$jar_a" --port "$port_a" --data-dir "$work/seed" --gis-data "$work/gis-data" >"$work/seed.log" 2>&1 &
pids+=($!); wait_for "$port_a" "${pids[0]}" "$work/seed.log"; kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true; pids=()
cp -r "$work/seed" "$work/a"; cp -r "$work/seed" "$work/b"

# shellcheck disable=SC2086 # the option strings are word lists on purpose
java -Xmx1g $opts_a -jar "$jar_a" --port "$port_a" --data-dir "$work/a" >"$work/a.log" 2>&1 & pid_a=$!; pids+=($pid_a)
# shellcheck disable=SC2086
java -Xmx1g $opts_b -jar "$jar_b" --port "$port_b" --data-dir "$work/b" >"$work/b.log" 2>&1 & pid_b=$!; pids+=($pid_b)
wait_for "$port_a" "$pid_a" "$work/a.log"; wait_for "$port_b" "$pid_b" "$work/b.log"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
for port in $port_a $port_b; do
  wrk -t2 -c20 -d40s -s scripts/bench/bbox.lua "http://localhost:$port" >/dev/null
done
echo "A: $jar_a $opts_a"
echo "B: $jar_b $opts_b"
echo "| round | server | req/s | p50 | p99 | server CPU µs/request |"
echo "| --- | --- | --- | --- | --- | --- |"
ticks_per_second=$(getconf CLK_TCK)
for round in $(seq "$rounds"); do
  for side in A B; do
    if [ "$side" = A ]; then port=$port_a; pid=$pid_a; else port=$port_b; pid=$pid_b; fi
    before=$(cpu_ticks "$pid")
    out=$(wrk -t2 -c20 -d"${seconds}s" --latency -s scripts/bench/bbox.lua "http://localhost:$port")
    after=$(cpu_ticks "$pid")
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    echo "$out" | awk -v r="$round" -v s="$side" -v cpu=$(( (after - before) * 1000000 / ticks_per_second / requests )) '
      /Requests\/sec/ {rps = $2} $1 == "50%" {p50 = $2} $1 == "99%" {p99 = $2}
      END {printf "| %s | %s | %s | %s | %s | %s |\n", r, s, rps, p50, p99, cpu}'
  done
done
