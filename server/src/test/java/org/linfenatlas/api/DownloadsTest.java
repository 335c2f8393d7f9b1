package org.linfenatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linfenatlas.AtlasServer;
import org.linfenatlas.index.IndexedStore;
import org.linfenatlas.model.Layers;
import org.linfenatlas.store.FeatureStore;
import org.linfenatlas.store.ItemsQuery;
import org.linfenatlas.testdata.RawHttp;
import org.linfenatlas.testdata.TestLayers;

/**
 * f=csv and f=gpkg on items: every feature the selection matches (limit and offset ignored), as many
 * as the GeoJSON answer's numberMatched, in files GDAL opens (when GDAL is installed; skipped otherwise,
 * unless -Dgdal.required=true).
 */
class DownloadsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILTER = "category=energy,logistics&status=plan,build&bbox=110.0,35.0,113.0,37.0";

    @TempDir
    Path dir;

    @Test
    void filteredDownloadsHoldExactlyNumberMatched() throws Exception {
        FeatureStore store = IndexedStore.of(TestLayers.byId(TestLayers.withSyntheticProjects(1200, 11)));
        JavalinTest.test(AtlasServer.create(store, Map.of("baseLayers", List.of())), (server, client) -> {
            String items = "/api/collections/projects/items?" + FILTER;
            JsonNode page = JSON.readTree(client.get(items + "&limit=10").body().string());
            long matched = page.path("numberMatched").asLong();
            assertTrue(matched > 10, "the selection has more than a page: " + matched);
            JsonNode all = JSON.readTree(client.get(items + "&limit=10000").body().string());
            assertEquals(matched, all.path("features").size());
            boolean csvLink = false;
            for (JsonNode link : page.path("links")) {
                csvLink |= link.path("rel").asText().equals("alternate") && link.path("href").asText().contains("f=csv")
                        && link.path("href").asText().contains("category=energy") && !link.path("href").asText().contains("limit");
            }
            assertTrue(csvLink, "items link to their CSV download: " + page.path("links"));

            var csv = RawHttp.send(client.getOrigin(), "GET", items + "&f=csv&limit=5&offset=3");
            assertEquals(200, csv.statusCode());
            String type = csv.headers().firstValue("Content-Type").orElse("");
            assertTrue(type.startsWith("text/csv"), type);
            String disposition = csv.headers().firstValue("Content-Disposition").orElse("");
            assertTrue(disposition.startsWith("attachment; filename=\"linfen-projects-"), disposition);
            byte[] bytes = csv.body();
            assertEquals((byte) 0xEF, bytes[0]);
            assertEquals((byte) 0xBB, bytes[1]);
            assertEquals((byte) 0xBF, bytes[2]);
            List<List<String>> records = records(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
            List<String> header = records.get(0);
            assertEquals("id", header.get(0));
            assertTrue(header.containsAll(List.of("lon", "lat", "wkt", "figures", "counties")), header.toString());
            assertEquals(matched, records.size() - 1, "one row per matching feature, limit and offset ignored");
            for (List<String> r : records.subList(1, records.size())) {
                assertEquals(header.size(), r.size());
                assertTrue(List.of("energy", "logistics").contains(r.get(header.indexOf("category"))));
            }
            try {
                Path csvFile = dir.resolve("projects.csv");
                Files.write(csvFile, bytes);
                String info = ogrinfo("-so", csvFile.toString(), "projects");
                if (info != null) {
                    assertTrue(info.contains("Feature Count: " + matched), info);
                }

                var gpkg = RawHttp.send(client.getOrigin(), "GET", items + "&f=gpkg");
                assertEquals(200, gpkg.statusCode());
                assertEquals(Downloads.GPKG, gpkg.headers().firstValue("Content-Type").orElse(""));
                Path file = dir.resolve("projects.gpkg");
                Files.write(file, gpkg.body());
                GeoPackage gp = GeoPackageManager.open(file.toFile());
                try {
                    assertEquals(matched, gp.getFeatureDao("projects").count());
                } finally {
                    gp.close();
                }
                String gpkgInfo = ogrinfo("-so", file.toString(), "projects");
                if (gpkgInfo != null) {
                    assertTrue(gpkgInfo.contains("Feature Count: " + matched), gpkgInfo);
                    assertTrue(gpkgInfo.contains("name: String"), gpkgInfo);
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }

            var head = RawHttp.send(client.getOrigin(), "HEAD", items + "&f=gpkg");
            assertEquals(200, head.statusCode());
            assertTrue(head.headers().firstValue("Content-Disposition").orElse("").endsWith(".gpkg\""));
            assertEquals(0, head.body().length, "HEAD: the headers only");
            var bad = client.get("/api/collections/projects/items?f=xlsx");
            assertEquals(400, bad.code());
            var badFilter = client.get("/api/collections/projects/items?f=csv&status=nonsense");
            assertEquals(400, badFilter.code());
            String openapi = client.get("/api/openapi").body().string();
            assertTrue(openapi.contains("\"gpkg\"") && openapi.contains("text/csv"), "downloads are declared");
            JsonNode collection = JSON.readTree(client.get("/api/collections/counties").body().string());
            assertTrue(collection.path("links").toString().contains("f=gpkg"), collection.toString());
        });
    }

    @Test
    void cellsReadWell() {
        assertEquals("吉县、乡宁县", Downloads.cell(List.of("吉县", "乡宁县")));
        assertEquals("110.5, 36.1", Downloads.cell(List.of(110.5, 36.1)));
        assertEquals("length_km=12.5; capacity_mw=100", Downloads.cell(new java.util.LinkedHashMap<>(
                Map.<String, Object>of("length_km", 12.5)) {{ put("capacity_mw", 100); }}));
        assertEquals("'=1+1", Downloads.cell("=1+1"));
        assertEquals("\"a,\"\"b\"\"\"", Downloads.quote("a,\"b\""));
    }

    @Test
    void pagesThroughTheStoreChunkByChunk() {
        FeatureStore store = IndexedStore.of(TestLayers.byId(TestLayers.withSyntheticProjects(4500, 3)));
        ItemsQuery all = ItemsQuery.all(Layers.PROJECTS);
        long total = store.items(all.withPage(0, 1)).numberMatched();
        List<Integer> chunks = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        long n = Downloads.forEach(store, all, features -> {
            chunks.add(features.size());
            features.forEach(f -> ids.add(f.id()));
        });
        assertEquals(total, n);
        assertEquals(total, ids.size(), "each feature once");
        assertTrue(chunks.stream().allMatch(c -> c <= Downloads.CHUNK), chunks.toString());
    }

    /**
     * 100,000 projects to CSV through a stream that only counts: every row arrives, and the writer never holds more
     * than a chunk (the heap grows by far less than the output's size).
     */
    @Test
    void aHundredThousandProjectsStreamToCsv() throws Exception {
        FeatureStore store = IndexedStore.of(TestLayers.byId(TestLayers.withBenchPoints(100_000, 9)));
        long total = store.items(ItemsQuery.all(Layers.PROJECTS).withPage(0, 1)).numberMatched();
        long[] lines = {0};
        long[] bytes = {0};
        java.io.OutputStream counting = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                bytes[0]++;
                if (b == '\n') {
                    lines[0]++;
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes[0] += len;
                for (int i = off; i < off + len; i++) {
                    if (b[i] == '\n') {
                        lines[0]++;
                    }
                }
            }
        };
        Downloads.csv(store, Layers.PROJECTS_SPEC, ItemsQuery.all(Layers.PROJECTS), counting);
        assertTrue(total >= 100_000, "" + total);
        assertEquals(total + 1, lines[0], "a header and a row per project");
        assertTrue(bytes[0] > 5_000_000, "output of " + bytes[0] + " bytes, never held whole");
    }

    /** RFC 4180 records (quoted cells may hold commas, quotes and line ends). */
    static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                // the \n that follows ends the record
            } else if (c == '\n') {
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        return records;
    }

    /** ogrinfo's output, or null when GDAL is not installed (and not required). */
    static String ogrinfo(String... args) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/ogrinfo"))) {
            if (Boolean.getBoolean("gdal.required")) {
                throw new IllegalStateException("GDAL (ogrinfo) is required but not installed");
            }
            return null;
        }
        List<String> command = new ArrayList<>(List.of("ogrinfo", "-ro"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ogrinfo finished");
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        return text;
    }
}
