package org.linfenatlas.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.linfenatlas.data.GisDataFiles;
import org.linfenatlas.indicators.IndicatorsServer.Reply;
import org.linfenatlas.store.Author;
import org.linfenatlas.store.FeatureStore;
import org.linfenatlas.store.StoreError;

/**
 * The indicators' API as a client sees it over HTTP, the same on every store: the plan's tables served as
 * gis-data has them, and actual values that only an admin records, each change with If-Match (or
 * If-None-Match: * for a year's first value) and its history entry committed in one transaction. Each
 * test writes indicators of its own, so that the tests do not depend on each other's order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IndicatorsContractTest {
    private IndicatorsServer server;

    protected abstract FeatureStore openFeatures() throws Exception;

    /** A new, empty actuals store. */
    protected abstract ActualsStore openActuals() throws Exception;

    /** Another store over the same data, as a restarted server (or a second instance) opens it. */
    protected abstract ActualsStore reopen() throws Exception;

    /** Makes every insert into the history table fail (a trigger), or stops that. */
    protected abstract void failHistoryInserts(boolean fail) throws Exception;

    @BeforeAll
    void start() throws Exception {
        server = new IndicatorsServer(openFeatures(), openActuals());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Map<String, Object> body(Object value, String source) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("value", value);
        body.put("source", source);
        return body;
    }

    private Reply create(String indicator, int year, Object value) {
        Reply r = server.put(indicator, year, "admin", body(value, "临汾市统计年鉴 " + year), null, "*");
        assertEquals(201, r.status(), r.toString());
        return r;
    }

    private JsonNode indicatorIn(JsonNode list, String id) {
        for (JsonNode i : list.path("indicators")) {
            if (i.path("id").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no indicator " + id);
    }

    // ---------- reads ----------

    @Test
    void indicatorsAreServedAsGisDataHasThemCachedWithAnEtag() throws Exception {
        Reply r = server.get("/api/indicators");
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.header("Content-Type").startsWith("application/json"));
        assertEquals("public, no-cache", r.header("Cache-Control"));
        assertNotNull(r.etag());
        assertEquals(304, server.get("/api/indicators", "If-None-Match", r.etag()).status(), "the cached answer's ETag");
        JsonNode doc = r.json();
        JsonNode file = IndicatorsServer.JSON.readTree(GisDataFiles.dir().resolve("indicators.json").toFile());
        assertEquals(file.path("fields"), doc.path("fields"));
        assertEquals(28, doc.path("indicators").size());
        for (int i = 0; i < 28; i++) {
            JsonNode served = doc.path("indicators").get(i);
            JsonNode written = file.path("indicators").get(i);
            for (String property : List.of("id", "field", "label", "name", "name_en", "unit", "unit_en", "integer", "better",
                    "baseline", "target")) {
                assertEquals(written.path(property), served.path(property), written.path("id") + " " + property);
            }
            assertTrue(served.path("actuals").isArray());
        }
        assertEquals(400, server.get("/api/indicators?f=html").status());
        assertEquals(400, server.get("/api/indicators?limit=3").status(), "no parameters but f");
    }

    @Test
    void economyIsServedAsGisDataHasIt() throws Exception {
        Reply r = server.get("/api/economy");
        assertEquals(200, r.status(), r.toString());
        assertEquals(304, server.get("/api/economy", "If-None-Match", r.etag()).status());
        JsonNode file = IndicatorsServer.JSON.readTree(GisDataFiles.dir().resolve("economy.json").toFile());
        for (String property : List.of("columns", "rows", "growth", "notes", "title", "source")) {
            assertEquals(file.path(property), r.json().path(property), property);
        }
        assertEquals(6, r.json().path("rows").size());
    }

    @Test
    void theLandingPageAndOpenApiNameTheResources() {
        JsonNode landing = server.get("/api").json();
        Set<String> hrefs = new HashSet<>();
        landing.path("links").forEach(l -> hrefs.add(l.path("href").asText().replaceAll("^https?://[^/]+", "")));
        assertTrue(hrefs.containsAll(Set.of("/api/indicators", "/api/economy")), hrefs.toString());
        JsonNode paths = server.get("/api/openapi").json().path("paths");
        for (String path : List.of("/indicators", "/indicators/{indicatorId}", "/indicators/{indicatorId}/actuals/{year}", "/economy")) {
            assertTrue(paths.has(path), "OpenAPI documents " + path);
        }
        JsonNode actual = paths.path("/indicators/{indicatorId}/actuals/{year}");
        assertTrue(actual.has("put") && actual.has("delete") && actual.has("get"));
        for (String status : List.of("201", "401", "403", "412", "422", "428")) {
            assertTrue(actual.path("put").path("responses").has(status), "PUT answers " + status);
        }
        Reply patch = server.send("PATCH", IndicatorsServer.actualPath("industry-enclaves", 2021), "{}", "Content-Type", "application/json");
        assertEquals(405, patch.status());
        assertEquals("GET, HEAD, OPTIONS, PUT, DELETE", patch.header("Allow"));
    }

    // ---------- writes ----------

    @Test
    void aFirstValueNeedsIfNoneMatchAndEveryLaterOneTheCurrentEtag() {
        String id = "industry-trade-events";
        Reply list = server.get("/api/indicators");
        assertEquals(428, server.put(id, 2021, "admin", body(7, "商务局 2021"), null, null).status(), "no precondition");
        assertEquals(412, server.put(id, 2021, "admin", body(7, "商务局 2021"), "\"x-1\"", null).status(), "If-Match on no value");
        assertEquals(404, server.get(IndicatorsServer.actualPath(id, 2021)).status(), "nothing written by refused writes");

        Reply first = server.put(id, 2021, "admin", body(7, "商务局 2021年工作总结"), null, "*");
        assertEquals(201, first.status(), first.toString());
        assertTrue(first.header("Location").endsWith(IndicatorsServer.actualPath(id, 2021)));
        assertNotNull(first.etag());
        assertEquals(7, first.json().path("value").asInt());
        assertEquals(1, first.json().path("version").asInt());
        assertEquals("商务局 2021年工作总结", first.json().path("source").asText());

        Reply again = server.put(id, 2021, "admin", body(8, "another"), null, "*");
        assertEquals(412, again.status(), "If-None-Match: * when a value exists");
        assertEquals(first.etag(), again.etag(), "the 412 names the current ETag");

        Reply second = server.put(id, 2021, "admin", body(9, "  商务局 2021年统计  "), first.etag(), null);
        assertEquals(200, second.status(), second.toString());
        assertEquals(2, second.json().path("version").asInt());
        assertEquals("商务局 2021年统计", second.json().path("source").asText(), "the source is trimmed");
        assertNotEquals(first.etag(), second.etag());

        Reply stale = server.put(id, 2021, "admin", body(10, "stale"), first.etag(), null);
        assertEquals(412, stale.status(), "a stale ETag");
        assertEquals(second.etag(), stale.etag());

        Reply got = server.get(IndicatorsServer.actualPath(id, 2021));
        assertEquals(200, got.status());
        assertEquals(second.etag(), got.etag());
        assertEquals(9, got.json().path("value").asInt());

        Reply listAfter = server.get("/api/indicators");
        assertNotEquals(list.etag(), listAfter.etag(), "the cached list follows the store's revision");
        JsonNode actuals = indicatorIn(listAfter.json(), id).path("actuals");
        assertEquals(1, actuals.size());
        assertEquals(2021, actuals.get(0).path("year").asInt());
        assertEquals(9, actuals.get(0).path("value").asInt());
        assertTrue(actuals.get(0).path("updated_by").isMissingNode(), "no author in the public, cached list");

        JsonNode history = server.get("/api/indicators/" + id, "Authorization", "Bearer editor").json().path("history");
        assertEquals(2, history.size(), history.toString());
        assertEquals(2, history.get(0).path("version").asInt(), "newest first");
        assertEquals("update", history.get(0).path("operation").asText());
        assertEquals(7, history.get(0).path("before").path("value").asInt());
        assertEquals(9, history.get(0).path("after").path("value").asInt());
        assertEquals("create", history.get(1).path("operation").asText());
        assertTrue(history.get(1).path("before").isNull());
        assertEquals(IndicatorsServer.ADMIN.name(), history.get(0).path("author").path("name").asText(), "authors for signed-in users");
        Reply publicView = server.get("/api/indicators/" + id);
        assertTrue(publicView.json().path("history").get(0).path("author").isMissingNode(), "no authors for the public");
        assertEquals("no-store", publicView.header("Cache-Control"));
    }

    @Test
    void onlyAnAdminRecordsValues() {
        String id = "talent-hundred-talents";
        Reply anonymous = server.put(id, 2022, null, body(1, "人社局"), null, "*");
        assertEquals(401, anonymous.status());
        assertEquals("Unauthorized", anonymous.json().path("code").asText());
        assertNotNull(anonymous.header("WWW-Authenticate"));
        Reply editor = server.put(id, 2022, "editor", body(1, "人社局"), null, "*");
        assertEquals(403, editor.status());
        assertEquals("Forbidden", editor.json().path("code").asText());
        assertEquals(404, server.get(IndicatorsServer.actualPath(id, 2022)).status());
        Reply admin = create(id, 2022, 1);
        assertEquals(403, server.put(id, 2022, "editor", body(2, "x"), admin.etag(), null).status());
        assertEquals(401, server.delete(id, 2022, null, admin.etag()).status());
        assertEquals(403, server.delete(id, 2022, "editor", admin.etag()).status());
        assertEquals(1, server.get(IndicatorsServer.actualPath(id, 2022)).json().path("value").asInt());
    }

    @Test
    void unknownIndicatorsAndYearsAreNotFound() {
        assertEquals(404, server.get("/api/indicators/no-such").status());
        assertEquals(404, server.put("no-such", 2021, "admin", body(1, "x"), null, "*").status());
        assertEquals(404, server.put("industry-enclaves", 2020, "admin", body(1, "x"), null, "*").status(), "2020 is the baseline");
        assertEquals(404, server.put("industry-enclaves", 2026, "admin", body(1, "x"), null, "*").status());
        assertEquals(404, server.put("industry-enclaves", 0, "admin", body(1, "x"), null, "*").status());
        assertEquals(400, server.send("PUT", "/api/indicators/industry-enclaves/actuals/twenty", "{}",
                "Content-Type", "application/json", "Authorization", "Bearer admin").status());
    }

    @Test
    void invalidValuesAreRefusedWithEveryProblemAndChangeNothing() {
        String pct = "industry-six-new-share"; // %, not a count
        String count = "industry-enclaves";    // 个, whole numbers
        String revision = server.actuals.revision();
        assertEquals(415, server.send("PUT", IndicatorsServer.actualPath(pct, 2023), "{\"value\": 1, \"source\": \"x\"}",
                "Content-Type", "text/plain", "Authorization", "Bearer admin", "If-None-Match", "*").status());
        Reply malformed = server.put(pct, 2023, "admin", "{\"value\": 1,", null, "*");
        assertEquals(400, malformed.status());
        assertEquals("InvalidRequestBody", malformed.json().path("code").asText());
        assertEquals(400, server.put(pct, 2023, "admin", "[1, 2]", null, "*").status(), "not an object");
        assertEquals(413, server.put(pct, 2023, "admin", body(1, "x".repeat(20_000)), null, "*").status());

        Reply all = server.put(pct, 2023, "admin", "{\"value\": \"3\", \"source\": \" \", \"note\": 1}", null, "*");
        assertEquals(422, all.status(), all.toString());
        assertEquals("InvalidValue", all.json().path("code").asText());
        Set<String> properties = new HashSet<>();
        all.json().path("details").forEach(d -> properties.add(d.path("property").asText()));
        assertEquals(Set.of("value", "source", "note"), properties, "every problem at once");

        assertEquals(422, server.put(pct, 2023, "admin", body(101, "x"), null, "*").status(), "over 100 %");
        assertEquals(422, server.put(pct, 2023, "admin", body(-1, "x"), null, "*").status(), "negative");
        assertEquals(422, server.put(pct, 2023, "admin", body(null, "x"), null, "*").status(), "no value");
        assertEquals(422, server.put(pct, 2023, "admin", Map.of("value", 1), null, "*").status(), "no source");
        assertEquals(422, server.put(pct, 2023, "admin", body(1, "a\u0000b"), null, "*").status(), "control characters");
        assertEquals(422, server.put(pct, 2023, "admin", body(1, "长".repeat(501)), null, "*").status(), "501 characters");
        assertEquals(422, server.put(count, 2023, "admin", body(2.5, "x"), null, "*").status(), "a count is whole");
        assertEquals(422, server.put("ecology-good-air-days", 2023, "admin", body(367, "x"), null, "*").status(), "days of a year");
        assertEquals(revision, server.actuals.revision(), "nothing committed by a refused write");
        assertEquals(404, server.get(IndicatorsServer.actualPath(pct, 2023)).status());

        assertEquals(201, server.put(pct, 2023, "admin", body(2.75, "长".repeat(500)), null, "*").status(), "500 characters, a fraction");
        assertEquals(201, server.put("business-startup-time", 2023, "admin", body(0.5, "行政审批局"), null, "*").status());
        assertEquals(0.5, server.get(IndicatorsServer.actualPath("business-startup-time", 2023)).json().path("value").asDouble());
    }

    @Test
    void aDeletedValueKeepsItsHistoryAndVersionsNeverRepeat() {
        String id = "health-medical-alliances";
        Reply first = create(id, 2024, 3);
        assertEquals(428, server.delete(id, 2024, "admin", null).status());
        assertEquals(412, server.delete(id, 2024, "admin", "\"stale-7\"").status());
        assertEquals(204, server.delete(id, 2024, "admin", first.etag()).status());
        assertEquals(404, server.get(IndicatorsServer.actualPath(id, 2024)).status());
        Reply again = create(id, 2024, 4);
        assertEquals(3, again.json().path("version").asInt(), "versions continue after a delete");
        assertNotEquals(first.etag(), again.etag());
        JsonNode history = server.get("/api/indicators/" + id).json().path("history");
        assertEquals(List.of("create", "delete", "create"), List.of(history.get(0).path("operation").asText(),
                history.get(1).path("operation").asText(), history.get(2).path("operation").asText()));
        assertEquals(3, history.get(1).path("before").path("value").asInt());
        assertTrue(history.get(1).path("after").isNull());
    }

    /** The value and its history entry are one transaction: both survive a new store, and neither lands alone. */
    @Test
    void theValueAndItsHistoryEntryCommitTogether() throws Exception {
        String id = "education-school-groups";
        Reply first = create(id, 2025, 2);
        try (ActualsStore other = reopen()) {
            assertEquals(2.0, other.get(id, 2025).orElseThrow().value(), "the committed value, read by another store");
            assertEquals(1, other.history(id).size());
        }
        String revision = server.actuals.revision();
        failHistoryInserts(true);
        try {
            assertThrows(RuntimeException.class, () -> server.actuals.commit(new ActualChange(id, 2025, 1, 5.0, "x",
                    new Author(1, "admin"), Instant.now().truncatedTo(ChronoUnit.SECONDS))));
            assertThrows(RuntimeException.class, () -> server.actuals.commit(new ActualChange(id, 2021, 0, 1.0, "x",
                    new Author(1, "admin"), Instant.now().truncatedTo(ChronoUnit.SECONDS))));
            Reply refused = server.put(id, 2025, "admin", body(6, "x"), first.etag(), null);
            assertEquals(500, refused.status(), refused.toString());
        } finally {
            failHistoryInserts(false);
        }
        assertEquals(2.0, server.actuals.get(id, 2025).orElseThrow().value(), "the value did not change without its history entry");
        assertTrue(server.actuals.get(id, 2021).isEmpty(), "no value without its history entry");
        assertEquals(1, server.actuals.history(id).size());
        assertEquals(revision, server.actuals.revision(), "rolled back whole");
        assertEquals(200, server.put(id, 2025, "admin", body(6, "x"), first.etag(), null).status(), "and the store still writes");
    }

    @Test
    void theStoreChecksTheVersionItselfInsideItsTransaction() {
        String id = "innovation-joint-patents";
        Author admin = new Author(1, "admin");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ActualHistoryEntry created = server.actuals.commit(new ActualChange(id, 2022, 0, 120.0, "科技局", admin, now));
        assertEquals(1, created.version());
        StoreError stale = assertThrows(StoreError.class, () -> server.actuals.commit(new ActualChange(id, 2022, 0, 121.0, "x", admin, now)));
        assertEquals(StoreError.Kind.PRECONDITION_FAILED, stale.kind());
        assertEquals(1L, stale.currentVersion());
        assertEquals(StoreError.Kind.PRECONDITION_FAILED, assertThrows(StoreError.class, () ->
                server.actuals.commit(new ActualChange(id, 2022, 5, 121.0, "x", admin, now))).kind());
        assertEquals(2, server.actuals.commit(new ActualChange(id, 2022, 1, 130.0, "科技局", admin, now)).version());
    }

    /** Of racers that all send the same precondition, exactly one wins; the others are told to look again. */
    @Test
    void racingWritersLoseNoUpdate() throws Exception {
        String id = "ecology-good-air-days";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> creators = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int value = 250 + i;
                creators.add(() -> server.put(id, 2022, "admin", body(value, "生态环境局"), null, "*").status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(creators)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 412).count(), statuses.toString());

            String etag = server.get(IndicatorsServer.actualPath(id, 2022)).etag();
            List<Callable<Integer>> updaters = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int value = 260 + i;
                updaters.add(() -> server.put(id, 2022, "admin", body(value, "生态环境局"), etag, null).status());
            }
            statuses.clear();
            for (Future<Integer> f : pool.invokeAll(updaters)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        List<ActualHistoryEntry> history = server.actuals.history(id);
        assertEquals(2, history.size(), "one create, one update");
        assertEquals(2, history.get(0).version());
        assertNull(history.get(1).before());
        assertFalse(server.actuals.get(id, 2022).isEmpty());
    }
}
