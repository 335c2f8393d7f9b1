#!/usr/bin/env bash
# Builds the jar and starts Linfen Atlas on the embedded GeoPackage store: http://localhost:7070/
# Extra arguments go to the server (see --help), e.g. scripts/run.sh --port 8080 --data-dir /tmp/atlas
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/java-launch.sh
mvn -B -q -DskipTests package
jar_java server/target/linfen-atlas.jar
exec "${JAR_JAVA[@]}" -jar server/target/linfen-atlas.jar "$@"
