package org.linfenatlas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.Layers;
import org.linfenatlas.store.postgis.PostGisRepository;
import org.linfenatlas.store.postgis.TestDatabase;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The packaged jar on PostGIS, twice at once as two instances of a deployment: one with the
 * in-memory read path, one answering every request in SQL. Both serve the same features byte for
 * byte and the same documents, and both follow a change another writer commits to the database.
 */
class JarOnDatabaseIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PATHS = List.of(
            "/api/collections",
            "/api/collections/projects",
            "/api/collections/counties/items",
            "/api/collections/belts/items",
            "/api/collections/rivers/items",
            "/api/collections/projects/items?limit=1000",
            "/api/collections/projects/items?category=energy&sortby=-name&limit=7&offset=3",
            "/api/collections/projects/items?belt=yellow&status=plan,build",
            "/api/collections/projects/items?bbox=111.3,35.8,111.8,36.3&limit=50",
            "/api/collections/projects/items?q=" + RunningJar.enc("光伏"),
            "/api/collections/projects/items?q=hukou",
            "/api/collections/projects/items?q=yonghe&sortby=name",
            "/api/collections/counties/items?belt=fen&sortby=-adcode",
            "/api/collections/counties/items/141002",
            "/api/collections/belts/items/yellow",
            "/api/collections/places",
            "/api/collections/places/items?limit=200",
            "/api/collections/places/items?q=" + RunningJar.enc("龙马"),
            "/api/collections/places/items?q=taosi",
            "/api/collections/places/items?place_kind=county_seat&sortby=county",
            "/api/collections/projects/items?precision=none&limit=100",
            "/api/collections/projects/items/agriculture-cluster-cosmetics",
            "/api/collections/projects/items?limit=5&crs=" + RunningJar.enc("http://www.opengis.net/def/crs/EPSG/0/3857"),
            "/api/stats");

    @TempDir
    Path dataDir;

    @BeforeEach
    void database() {
        TestDatabase.assumeAvailable();
        TestDatabase.dropSchema();
    }

    @Test
    void bothReadPathsServeTheSameBytesAndFollowAnotherWriter() throws Exception {
        String db = dbFlag();
        try (RunningJar memory = RunningJar.start(dataDir, "--db", db);
             RunningJar sql = RunningJar.start(dataDir, "--db", db, "--db-reads", "sql")) {
            assertTrue(memory.log().contains("seeded"), "the first instance seeds the empty database");
            assertFalse(sql.log().contains("seeded"), "the second finds it seeded");
            assertFalse(memory.log().contains(":" + password() + "@"), "the log shows the URL without its password");
            assertTrue(memory.log().contains(TestDatabase.url().redacted()), "the log names the database");
            for (String path : PATHS) {
                HttpResponse<String> a = memory.get(path);
                HttpResponse<String> b = sql.get(path);
                assertEquals(200, a.statusCode(), path);
                assertEquals(a.statusCode(), b.statusCode(), path);
                String bodyA = a.body().replace(memory.origin(), "ORIGIN");
                String bodyB = b.body().replace(sql.origin(), "ORIGIN");
                // Features byte for byte (key order included); then the whole documents as JSON, less the
                // timeStamp that says when each instance wrote its answer.
                if (path.contains("/items")) {
                    assertEquals(bodyA.substring(0, bodyA.indexOf("\"links\":")), bodyB.substring(0, bodyB.indexOf("\"links\":")), path);
                }
                assertEquals(comparable(bodyA), comparable(bodyB), path);
            }
            assertTrue(JSON.readTree(memory.get("/api/collections/projects/items?limit=1").body()).path("numberMatched").asInt() > 0);

            try (PostGisRepository writer = PostGisRepository.open(TestDatabase.url())) {
                writer.replaceAll(Layers.RIVERS_SPEC, List.of(new Feature("test-river", new GeometryFactory().createLineString(
                        new Coordinate[] {new Coordinate(111.0, 36.0), new Coordinate(111.5, 36.2)}), Map.of("name", "测试河"))));
            }
            for (RunningJar jar : List.of(memory, sql)) {
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (riverCount(jar) != 1) {
                    assertTrue(System.nanoTime() < deadline, "the instance did not follow the change: " + jar.origin());
                    Thread.sleep(100);
                }
            }
            assertEquals(comparable(memory.get("/api/collections/rivers/items").body().replace(memory.origin(), "ORIGIN")),
                    comparable(sql.get("/api/collections/rivers/items").body().replace(sql.origin(), "ORIGIN")));
        }
    }

    /** The document as JSON without its timeStamp, which says when each instance wrote it. */
    private static JsonNode comparable(String body) throws Exception {
        JsonNode json = withSortedLinkQueries(JSON.readTree(body));
        if (json instanceof ObjectNode object) {
            object.remove("timeStamp");
        }
        return json;
    }

    /** The document without its timeStamp and with the parameters of its links in one order. */
    private static JsonNode withSortedLinkQueries(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("timeStamp")) {
                    copy.set(e.getKey(), e.getKey().equals("href") && e.getValue().asText().contains("?")
                            ? TextNode.valueOf(sortedQuery(e.getValue().asText())) : withSortedLinkQueries(e.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(n -> copy.add(withSortedLinkQueries(n)));
            return copy;
        }
        return node;
    }

    private static String sortedQuery(String href) {
        int q = href.indexOf('?');
        return href.substring(0, q + 1) + String.join("&", java.util.Arrays.stream(href.substring(q + 1).split("&")).sorted().toList());
    }

    private static int riverCount(RunningJar jar) throws Exception {
        return JSON.readTree(jar.get("/api/collections/rivers/items").body()).path("numberMatched").asInt();
    }

    private static String dbFlag() {
        String url = System.getProperty("postgis.url");
        return url == null || url.isBlank() ? TestDatabase.DEFAULT_URL : url;
    }

    private static String password() {
        String password = TestDatabase.url().password();
        return password == null ? "" : password;
    }
}
