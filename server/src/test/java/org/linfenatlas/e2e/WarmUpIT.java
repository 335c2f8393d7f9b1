package org.linfenatlas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's warm-up command, and the class-data-sharing archive the build makes with it. */
class WarmUpIT {
    @TempDir
    Path tmp;

    @Test
    void warmUpServesTheBundledDataExitsZeroAndDeletesItsDataDir() throws Exception {
        Path javaTmp = Files.createDirectory(tmp.resolve("java-tmp"));
        Result warmUp = run(List.of(java(), "-Djava.io.tmpdir=" + javaTmp, "-jar", RunningJar.jar().toString(), "warm-up"));

        assertEquals(0, warmUp.exit(), warmUp.output());
        assertTrue(warmUp.output().contains("seeded GeoPackage " + javaTmp.resolve("linfen-atlas-warm-up-")), warmUp.output());
        assertTrue(warmUp.output().matches("(?s).*warm-up: \\d+ requests answered as expected.*"), warmUp.output());
        try (Stream<Path> left = Files.list(javaTmp)) {
            assertEquals(List.of(), left.filter(Files::isDirectory).toList(), "directories left in java.io.tmpdir");
        }
    }

    @Test
    void theBuildLeavesAnArchiveNextToTheJarThatThisJvmUses() throws Exception {
        Path archive = RunningJar.jar().resolveSibling("linfen-atlas.jsa");
        assertTrue(Files.isRegularFile(archive), archive + " is missing: `mvn package` makes it");

        List<String> command = new ArrayList<>(RunningJar.javaFor(RunningJar.jar()));
        command.addAll(List.of("-Xlog:class+load=info", "-jar", RunningJar.jar().toString(), "--help"));
        Result help = run(command);

        assertEquals(0, help.exit(), help.output());
        assertTrue(help.output().contains("org.linfenatlas.Main source: shared objects file (top)"),
                "Main was not loaded from the archive:\n" + help.output().lines().filter(l -> l.contains("linfenatlas")).toList());
    }

    @Test
    void anArchiveThatNoLongerFitsTheJarIsSkippedWithoutAWord() throws Exception {
        // A copy of the jar has a new modification time, which the archive recorded: the JVM rejects the archive.
        Path jar = Files.copy(RunningJar.jar(), tmp.resolve("linfen-atlas.jar"));
        Files.copy(RunningJar.jar().resolveSibling("linfen-atlas.jsa"), tmp.resolve("linfen-atlas.jsa"));
        Result plain = run(List.of(java(), "-jar", jar.toString(), "--help"));

        List<String> command = new ArrayList<>(RunningJar.javaFor(jar));
        command.addAll(List.of("-jar", jar.toString(), "--help"));
        Result withStaleArchive = run(command);

        assertTrue(command.contains("-XX:SharedArchiveFile=" + tmp.resolve("linfen-atlas.jsa")), command.toString());
        assertEquals(0, withStaleArchive.exit(), withStaleArchive.output());
        assertEquals(plain.output(), withStaleArchive.output());
    }

    private record Result(int exit, String output) {
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private Result run(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(tmp, "output-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(command + " did not end within 120 s:\n" + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output));
    }
}
