package org.linfenatlas.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linfenatlas.data.GisDataFiles;
import org.linfenatlas.index.IndexedStore;
import org.linfenatlas.store.GeoPackageRepository;

/** /api/circles and /api/circles/regions serve gis-data's files, cached with ETags, named by the landing page and OpenAPI. */
class CirclesApiTest {
    @TempDir
    Path dir;

    @Test
    void circlesAndRegionsAreServedAsGisDataHasThem() throws Exception {
        try (IndicatorsServer server = new IndicatorsServer(IndexedStore.load(GeoPackageRepository.open(dir)), ActualsStore.NONE)) {
            IndicatorsServer.Reply r = server.get("/api/circles");
            assertEquals(200, r.status(), r.toString());
            assertEquals(304, server.get("/api/circles", "If-None-Match", r.etag()).status());
            JsonNode file = IndicatorsServer.JSON.readTree(GisDataFiles.dir().resolve("circles.json").toFile());
            for (String p : List.of("circles", "regions", "sectors", "paths", "source")) {
                assertEquals(file.path(p), r.json().path(p), p);
            }
            IndicatorsServer.Reply g = server.get("/api/circles/regions");
            assertEquals(200, g.status());
            assertTrue(g.headers().firstValue("Content-Type").orElse("").startsWith("application/geo+json"));
            JsonNode geo = IndicatorsServer.JSON.readTree(GisDataFiles.dir().resolve("regions.geojson").toFile());
            assertEquals(geo.path("features"), g.json().path("features"));
            assertEquals(400, server.get("/api/circles?f=html").status());
            assertTrue(server.get("/api").body().contains("/api/circles"));
            JsonNode paths = server.get("/api/openapi").json().path("paths");
            assertTrue(paths.has("/circles") && paths.has("/circles/regions"));
        }
    }
}
