#!/usr/bin/env bash
# In-process microbenchmarks (JMH) of the server's own cost per request, without HTTP, sockets or a load
# generator on the same cores: BboxPageBenchmark splits a bbox page of 100,000 synthetic projects into the
# index query, the page's JSON and ETag, and gzip. Extra arguments go to JMH (e.g. a benchmark name regex,
# -f 2, -p projects=10000; -h lists them).
#
#   scripts/bench-jmh.sh [BboxPageBenchmark] [JMH options]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -Dexec.skip=true -pl web,server test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh.classpath
cp="server/target/test-classes:server/target/classes:$(cat server/target/jmh.classpath)"
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(BboxPageBenchmark)
exec java -cp "$cp" org.openjdk.jmh.Main -jvmArgsAppend "-XX:+UseParallelGC -Dgis.data.dir=$PWD/gis-data" "${args[@]}"
