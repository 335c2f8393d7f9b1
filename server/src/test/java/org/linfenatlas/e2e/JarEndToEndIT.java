package org.linfenatlas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, started as the README says, on a fresh data dir. */
class JarEndToEndIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void firstStartSeedsTheGeoPackageFromTheBundledData() throws Exception {
        try (RunningJar jar = RunningJar.start(dataDir)) {
            assertTrue(Files.exists(dataDir.resolve("linfen-atlas.gpkg")));
            assertTrue(jar.log().contains("seeded"));
            assertEquals(17, JSON.readTree(jar.get("/api/collections/counties/items").body()).path("numberMatched").asInt());
            assertEquals(3, JSON.readTree(jar.get("/api/collections/belts/items").body()).path("numberMatched").asInt());
        }
    }

    @Test
    void laterStartsReadTheStoreWithoutSeeding() throws Exception {
        try (RunningJar first = RunningJar.start(dataDir)) {
            first.stop(Duration.ofSeconds(10));
        }
        try (RunningJar second = RunningJar.start(dataDir)) {
            assertFalse(second.log().contains("seeded"));
            assertEquals(200, second.get("/api/collections/rivers/items").statusCode());
        }
    }

    @Test
    void servesTheMapPageAndLeafletFromTheJar() throws Exception {
        try (RunningJar jar = RunningJar.start(dataDir)) {
            assertTrue(jar.get("/").body().contains("<html"));
            assertEquals(200, jar.get("/webjars/leaflet/1.9.4/dist/leaflet.js").statusCode());
        }
    }

    @Test
    void logsOneLinePerRequestWithStatusAndTime() throws Exception {
        try (RunningJar jar = RunningJar.start(dataDir)) {
            jar.get("/api/collections/nowhere");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!jar.log().lines().anyMatch(l -> l.matches(".*GET /api/collections/nowhere 404 [0-9.]+ms.*"))) {
                assertTrue(System.nanoTime() < deadline, jar.log());
                Thread.sleep(50);
            }
        }
    }

    @Test
    void stopsCleanlyOnSigterm() throws Exception {
        RunningJar jar = RunningJar.start(dataDir);
        int exit = jar.stop(Duration.ofSeconds(10));
        assertTrue(exit == 0 || exit == 143, "exit code " + exit);
    }

    @Test
    void busyPortExitsWithAMessageNotAStackTrace() throws Exception {
        try (RunningJar first = RunningJar.start(dataDir)) {
            int port = Integer.parseInt(first.origin().substring(first.origin().lastIndexOf(':') + 1));
            Process p = new ProcessBuilder("java", "-jar", RunningJar.jar().toString(), "--port", Integer.toString(port),
                    "--data-dir", dataDir.resolve("other").toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(2, p.waitFor());
            assertTrue(out.contains("cannot listen on"), out);
            assertFalse(out.contains("\tat "), out);
        }
    }

    @Test
    void badOptionExitsWithAMessageNotAStackTrace() throws Exception {
        Process p = new ProcessBuilder("java", "-jar", RunningJar.jar().toString(), "--port", "seventy")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(2, p.waitFor());
        assertTrue(out.contains("--port must be a number"), out);
        assertFalse(out.contains("Exception"), out);
    }
}
