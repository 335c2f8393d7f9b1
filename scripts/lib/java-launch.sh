# Sourced by the scripts that start the server jar.
#
# jar_java JAR sets the array JAR_JAVA to `java` with the options the server runs with:
# - the parallel collector: the heap is mostly the index, built once and never changed, and requests leave only
#   short-lived garbage, so a throughput collector without G1's write barriers and concurrent refinement costs
#   about 8 % less server CPU per bbox page (README, Benchmark); its young collections take 1–2 ms here;
# - linfen-atlas.jsa, when the build left that class-data-sharing archive next to JAR (it shortens start-up). With
#   -Xshare:auto an archive that does not fit the jar or the JVM (the jar rebuilt without it, another JDK) is skipped
#   and the JVM starts as without it; the -Xlog options silence the one warning the JVM prints then.
# Use: jar_java "$jar"; "${JAR_JAVA[@]}" -jar "$jar" ...
jar_java() {
  local archive
  archive="$(dirname "$1")/linfen-atlas.jsa"
  JAR_JAVA=(java -XX:+UseParallelGC)
  if [ -f "$archive" ]; then
    JAR_JAVA+=("-XX:SharedArchiveFile=$archive" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
  fi
}
