package org.linfenatlas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GDAL's OAPIF driver as a client of the packaged server: discovery, schema, paging through next links. */
class GdalClientIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningJar jar;
    private static Path work;

    @BeforeAll
    static void start() throws Exception {
        boolean hasGdal = Files.isExecutable(Path.of("/usr/bin/ogrinfo"));
        if (!hasGdal && Boolean.getBoolean("gdal.required")) {
            throw new IllegalStateException("GDAL (ogrinfo, ogr2ogr) is required but not installed: apt-get install gdal-bin");
        }
        Assumptions.assumeTrue(hasGdal, "GDAL not installed (apt-get install gdal-bin): skipping the GDAL client tests");
        work = Files.createTempDirectory("gdal-it");
        jar = RunningJar.start(work.resolve("data"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (jar != null) {
            jar.close();
        }
    }

    @Test
    void ogrinfoListsTheFourCollections() throws Exception {
        String out = run("ogrinfo", "-ro", "OAPIF:" + jar.origin() + "/api");
        for (String layer : List.of("counties", "belts", "rivers", "projects", "places")) {
            assertTrue(out.contains(": " + layer + " "), out);
        }
    }

    @Test
    void ogrinfoReadsCountiesWithTheirSchema() throws Exception {
        String out = run("ogrinfo", "-ro", "-so", "OAPIF:" + jar.origin() + "/api", "counties");
        assertTrue(out.contains("Feature Count: 17"), out);
        assertTrue(out.contains("name_en: String"), out);
        assertTrue(out.contains("Geometry: Polygon"), out);
    }

    @Test
    void ogr2ogrPagesThroughEveryProjectOnce() throws Exception {
        int matched = JSON.readTree(jar.get("/api/collections/projects/items?limit=1").body()).path("numberMatched").asInt();
        Path out = work.resolve("projects.geojson");
        run("ogr2ogr", "-f", "GeoJSON", out.toString(), "OAPIF:" + jar.origin() + "/api", "projects", "-oo", "PAGE_SIZE=37");
        JsonNode features = JSON.readTree(out.toFile()).path("features");
        List<String> ids = new ArrayList<>();
        features.forEach(f -> ids.add(f.path("properties").path("id").asText(f.path("id").asText())));
        assertEquals(matched, ids.size());
        assertEquals(matched, ids.stream().distinct().count());
    }

    @Test
    void ogr2ogrFiltersByBbox() throws Exception {
        Path out = work.resolve("yellow.geojson");
        run("ogr2ogr", "-f", "GeoJSON", out.toString(), "OAPIF:" + jar.origin() + "/api", "counties",
                "-spat", "110.3", "36.5", "110.6", "36.9");
        JsonNode features = JSON.readTree(out.toFile()).path("features");
        assertTrue(features.size() >= 1 && features.size() < 17, "bbox should select a few counties: " + features.size());
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "GDAL timed out");
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
