package org.linfenatlas.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linfenatlas.write.WriteServer.GEOJSON;
import static org.linfenatlas.write.WriteServer.ITEMS;
import static org.linfenatlas.write.WriteServer.JSON;
import static org.linfenatlas.write.WriteServer.MERGE_PATCH;
import static org.linfenatlas.write.WriteServer.encode;
import static org.linfenatlas.write.WriteServer.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.linfenatlas.api.PublicUrl;
import org.linfenatlas.store.FeatureStore;
import org.linfenatlas.testdata.TestLayers;
import org.linfenatlas.write.WriteServer.Reply;

/**
 * The write path (OGC API – Features Part 4 on the projects, with history, revert and restore) as a
 * client sees it over HTTP, the same on every store. Each test creates (as admin, by POST) the projects
 * it edits, copies of real gis-data projects of 吉县 or 乡宁县, so that the tests do not depend on each
 * other's order; gis-data's own projects are never edited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WriteContractTest {
    static final String JIXIAN = "吉县";
    static final String XIANGNING = "乡宁县";

    private WriteServer server;
    private final Map<String, ObjectNode> templates = new HashMap<>();
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final AtomicInteger serial = new AtomicInteger();
    private Map<String, double[]> seats;

    /** The store under test, holding exactly gis-data. */
    protected abstract FeatureStore openStore() throws Exception;

    @BeforeAll
    void start() throws Exception {
        seats = seats();
        server = WriteServer.over(openStore());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    // ---------------------------------------------------------------- permissions

    enum Scope {
        /** A project of 吉县 edited in place. */
        IN_JIXIAN(JIXIAN, JIXIAN),
        /** A project of 乡宁县 edited in place. */
        IN_XIANGNING(XIANGNING, XIANGNING),
        /** A project of 吉县 moved (counties and geometry) to 乡宁县. */
        MOVE_JIXIAN_TO_XIANGNING(JIXIAN, XIANGNING);

        final String from;
        final String to;

        Scope(String from, String to) {
            this.from = from;
            this.to = to;
        }
    }

    /** Bearer tokens of {@link TestAuthenticator}; "anonymous" sends none, "nobody" an unknown one. */
    static final List<String> USERS = List.of("anonymous", "nobody", "jixian", "xiangning", "both", "admin");

    static int expectedStatus(String user, String method, Scope scope) {
        boolean allowed = switch (user) {
            case "admin", "both" -> true;
            case "jixian" -> scope == Scope.IN_JIXIAN;
            case "xiangning" -> scope == Scope.IN_XIANGNING;
            default -> false;
        };
        if (user.equals("anonymous") || user.equals("nobody")) {
            return 401;
        }
        if (!allowed) {
            return 403;
        }
        return switch (method) {
            case "POST" -> 201;
            case "DELETE" -> 204;
            default -> 200;
        };
    }

    static Stream<Arguments> editCases() {
        List<Arguments> cases = new ArrayList<>();
        for (String user : USERS) {
            for (String method : List.of("PUT", "PATCH", "DELETE")) {
                for (Scope scope : Scope.values()) {
                    if (!(method.equals("DELETE") && scope == Scope.MOVE_JIXIAN_TO_XIANGNING)) {
                        cases.add(Arguments.of(user, method, scope, expectedStatus(user, method, scope)));
                    }
                }
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> refusedEdits() {
        return editCases().filter(a -> (int) a.get()[3] >= 400);
    }

    static Stream<Arguments> allowedChanges() {
        return editCases().filter(a -> (int) a.get()[3] == 200);
    }

    static Stream<Arguments> allowedDeletes() {
        return editCases().filter(a -> (int) a.get()[3] == 204);
    }

    static Stream<Arguments> createCases() {
        List<Arguments> cases = new ArrayList<>();
        for (String user : USERS) {
            for (Scope scope : List.of(Scope.IN_JIXIAN, Scope.IN_XIANGNING)) {
                cases.add(Arguments.of(user, scope, expectedStatus(user, "POST", scope)));
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> refusedCreates() {
        return createCases().filter(a -> (int) a.get()[2] >= 400);
    }

    static Stream<Arguments> allowedCreates() {
        return createCases().filter(a -> (int) a.get()[2] == 201);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("refusedEdits")
    void refusedEditChangesNothing(String user, String method, Scope scope, int status) {
        String id = create(scope.from);
        Snapshot before = snapshot(id);
        Reply reply = edit(user, method, scope, id, before.etag());
        assertEquals(status, reply.status(), reply::toString);
        assertEquals(before, snapshot(id));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("allowedChanges")
    void allowedChangeIsStored(String user, String method, Scope scope, int status) {
        String id = create(scope.from);
        Snapshot before = snapshot(id);
        Reply reply = edit(user, method, scope, id, before.etag());
        assertEquals(status, reply.status(), reply::toString);
        Reply after = server.get(item(id));
        assertEquals(200, after.status(), after::toString);
        assertEquals("edited by " + user, after.json().path("properties").path("summary_en").asText());
        assertEquals(List.of(scope.to), strings(after.json().path("properties").path("counties")));
        assertEquals(reply.etag(), after.etag());
        assertEquals(before.historySize() + 1, snapshot(id).historySize());
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("allowedDeletes")
    void allowedDeleteRemoves(String user, String method, Scope scope, int status) {
        String id = create(scope.from);
        Snapshot before = snapshot(id);
        Reply reply = edit(user, method, scope, id, before.etag());
        assertEquals(status, reply.status(), reply::toString);
        assertEquals(404, server.get(item(id)).status());
        assertEquals(before.historySize() + 1, snapshot(id).historySize());
    }

    @ParameterizedTest(name = "{0} POST {1} -> {2}")
    @MethodSource("refusedCreates")
    void refusedCreateStoresNothing(String user, Scope scope, int status) {
        long before = count(scope.from);
        Reply reply = server.post(token(user), copyOf(scope.from, "refused " + user));
        assertEquals(status, reply.status(), reply::toString);
        assertEquals(before, count(scope.from));
    }

    @ParameterizedTest(name = "{0} POST {1} -> {2}")
    @MethodSource("allowedCreates")
    void allowedCreateIsStored(String user, Scope scope, int status) {
        long before = count(scope.from);
        Reply reply = server.post(token(user), copyOf(scope.from, "created by " + user));
        assertEquals(status, reply.status(), reply::toString);
        created.add(reply.json().path("id").asText());
        assertEquals(before + 1, count(scope.from));
        Reply stored = server.get(item(reply.json().path("id").asText()));
        assertEquals("created by " + user, stored.json().path("properties").path("name").asText());
    }

    /** The request of a permission case: a PUT or PATCH sets summary_en (and, for a move, counties and geometry). */
    private Reply edit(String user, String method, Scope scope, String id, String etag) {
        String token = token(user);
        return switch (method) {
            case "PATCH" -> {
                ObjectNode patch = JSON.createObjectNode();
                ObjectNode props = patch.putObject("properties");
                props.put("summary_en", "edited by " + user);
                if (scope == Scope.MOVE_JIXIAN_TO_XIANGNING) {
                    props.putArray("counties").add(scope.to);
                    patch.set("geometry", point(seats.get(scope.to)));
                }
                yield server.patch(id, token, etag, patch);
            }
            case "PUT" -> {
                ObjectNode body = (ObjectNode) server.get(item(id)).json();
                ObjectNode props = (ObjectNode) body.get("properties");
                props.put("summary_en", "edited by " + user);
                if (scope == Scope.MOVE_JIXIAN_TO_XIANGNING) {
                    props.putArray("counties").add(scope.to);
                    body.set("geometry", point(seats.get(scope.to)));
                }
                yield server.put(id, token, etag, body);
            }
            case "DELETE" -> server.delete(id, token, etag);
            default -> throw new IllegalArgumentException(method);
        };
    }

    // ---------------------------------------------------------------- Part 4

    @Test
    void createBehindAPublicUrlAnswersALocationThere() {
        try (WriteServer behind = server.alsoAt(PublicUrl.of("https://atlas.example.org/linfen", false))) {
            Reply reply = behind.post("admin", copyOf(JIXIAN, "located behind a proxy"));
            assertEquals(201, reply.status(), reply::toString);
            String id = reply.json().path("id").asText();
            created.add(id);
            assertEquals("https://atlas.example.org/linfen/api/collections/projects/items/" + id, reply.header("Location"));
        }
    }

    @Test
    void itemsAreTimeStampedWithTheTimeOfTheCollectionsLatestCommit() {
        Reply reply = server.post("admin", copyOf(JIXIAN, "stamped"));
        assertEquals(201, reply.status(), reply::toString);
        String id = reply.json().path("id").asText();
        created.add(id);
        java.time.Instant committed = java.time.Instant.parse(
                server.get(WriteServer.item(id) + "/history").json().path("entries").get(0).path("time").asText());
        for (String page : List.of(ITEMS + "?limit=1", ITEMS + "?bbox=110,35,113,37&limit=1")) {
            assertEquals(committed.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                    server.get(page).json().path("timeStamp").asText(), page);
        }
    }

    @Test
    void createAnswers201WithLocationOfTheSameFeature() {
        Reply reply = server.post("admin", copyOf(JIXIAN, "located"));
        assertEquals(201, reply.status(), reply::toString);
        created.add(reply.json().path("id").asText());
        String location = reply.header("Location");
        assertNotNull(location);
        Reply fetched = server.get(location.substring(location.indexOf("/api/")));
        assertEquals(200, fetched.status(), fetched::toString);
        assertEquals(reply.json().path("id"), fetched.json().path("id"));
        assertEquals(reply.json().path("properties"), fetched.json().path("properties"));
        assertEquals(reply.json().path("geometry"), fetched.json().path("geometry"));
    }

    @Test
    void createAnswersTheEtagThatGetGives() {
        Reply reply = server.post("admin", copyOf(JIXIAN, "tagged"));
        String id = reply.json().path("id").asText();
        created.add(id);
        assertNotNull(reply.etag());
        assertEquals(reply.etag(), server.get(item(id)).etag());
    }

    @Test
    void patchAnswersTheEtagThatGetGives() {
        String id = create(JIXIAN);
        Reply reply = server.patch(id, "admin", etag(id), props("summary_en", "patched"));
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(reply.etag(), server.get(item(id)).etag());
    }

    @Test
    void putAnswersTheEtagThatGetGives() {
        String id = create(JIXIAN);
        ObjectNode body = (ObjectNode) server.get(item(id)).json();
        ((ObjectNode) body.get("properties")).put("summary_en", "replaced");
        Reply reply = server.put(id, "admin", etag(id), body);
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(reply.etag(), server.get(item(id)).etag());
    }

    @Test
    void everyWriteChangesTheEtag() {
        String id = create(JIXIAN);
        String first = etag(id);
        server.patch(id, "admin", first, props("summary_en", "changed"));
        assertNotEquals(first, etag(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH", "DELETE"})
    void withoutIfMatchIs428AndChangesNothing(String method) {
        String id = create(JIXIAN);
        Snapshot before = snapshot(id);
        Reply reply = edit("admin", method, Scope.IN_JIXIAN, id, null);
        assertEquals(428, reply.status(), reply::toString);
        assertEquals("PreconditionRequired", reply.json().path("code").asText());
        assertEquals(before, snapshot(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH", "DELETE"})
    void staleEtagIs412WithTheCurrentEtag(String method) {
        String id = create(JIXIAN);
        String stale = etag(id);
        assertEquals(200, server.patch(id, "admin", stale, props("summary_en", "newer")).status());
        Snapshot before = snapshot(id);
        Reply reply = edit("admin", method, Scope.IN_JIXIAN, id, stale);
        assertEquals(412, reply.status(), reply::toString);
        assertEquals(before.etag(), reply.etag());
        assertEquals(before, snapshot(id));
    }

    @Test
    void ifMatchStarMatches() {
        String id = create(JIXIAN);
        Reply reply = server.patch(id, "admin", "*", props("summary_en", "starred"));
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("starred", server.get(item(id)).json().path("properties").path("summary_en").asText());
    }

    @Test
    void ifMatchListWithTheCurrentEtagMatches() {
        String id = create(JIXIAN);
        Reply reply = server.patch(id, "admin", "\"0-0\", " + etag(id), props("summary_en", "listed"));
        assertEquals(200, reply.status(), reply::toString);
    }

    @Test
    void weakEtagNeverMatches() {
        String id = create(JIXIAN);
        Snapshot before = snapshot(id);
        Reply reply = server.patch(id, "admin", "W/" + before.etag(), props("summary_en", "weak"));
        assertEquals(412, reply.status(), reply::toString);
        assertEquals(before, snapshot(id));
    }

    @Test
    void aProjectWithoutPositionIsWrittenReadAndKeptWithoutGeometry() {
        ObjectNode body = copyOf(JIXIAN, "测试副本 无位置 " + serial.incrementAndGet());
        body.putNull("geometry");
        ObjectNode props = (ObjectNode) body.get("properties");
        props.put("precision", "none");
        props.put("kind", "none");
        props.putArray("counties");
        props.put("counties_basis", "text");
        Reply created = server.post("admin", body);
        assertEquals(201, created.status(), created::toString);
        String id = created.json().path("id").asText();
        this.created.add(id);
        assertTrue(server.get(item(id)).json().get("geometry").isNull());

        assertEquals(200, server.patch(id, "admin", etag(id), props("summary_en", "still nowhere")).status());
        JsonNode after = server.get(item(id)).json();
        assertTrue(after.get("geometry").isNull(), after::toString);
        assertEquals("text", after.path("properties").path("counties_basis").asText());

        ObjectNode placed = JSON.createObjectNode();
        placed.putObject("geometry").put("type", "Point").putArray("coordinates").add(110.67).add(36.1);
        assertEquals(422, server.patch(id, "admin", etag(id), placed).status(), "a position needs a precision other than none");
    }

    @Test
    void patchNullRemovesTheProperty() {
        String id = create(JIXIAN);
        ObjectNode patch = JSON.createObjectNode();
        patch.putObject("properties").putNull("summary_en");
        assertEquals(200, server.patch(id, "admin", etag(id), patch).status());
        JsonNode props = server.get(item(id)).json().path("properties");
        assertTrue(props.path("summary_en").isMissingNode() || props.path("summary_en").isNull(), props::toString);
        assertEquals("tested copy", props.path("summary_zh").asText());
    }

    @Test
    void patchMergesNestedFigures() {
        String id = create(JIXIAN, Map.of("figures", Map.of("area_km2", 3, "length_km", 5)));
        ObjectNode patch = JSON.createObjectNode();
        patch.putObject("properties").putObject("figures").put("length_km", 7).put("height_m", 2);
        assertEquals(200, server.patch(id, "admin", etag(id), patch).status());
        JsonNode figures = server.get(item(id)).json().path("properties").path("figures");
        assertEquals(Map.of("area_km2", 3.0, "length_km", 7.0, "height_m", 2.0), numbers(figures));
    }

    @Test
    void patchNullInsideFiguresRemovesOnlyThatFigure() {
        String id = create(JIXIAN, Map.of("figures", Map.of("area_km2", 3, "length_km", 5)));
        ObjectNode patch = JSON.createObjectNode();
        patch.putObject("properties").putObject("figures").putNull("area_km2");
        assertEquals(200, server.patch(id, "admin", etag(id), patch).status());
        JsonNode figures = server.get(item(id)).json().path("properties").path("figures");
        assertEquals(Map.of("length_km", 5.0), numbers(figures));
    }

    @Test
    void patchReplacesArraysWhole() {
        String id = create(JIXIAN, Map.of("aliases", List.of("甲名", "乙名")));
        ObjectNode patch = JSON.createObjectNode();
        patch.putObject("properties").putArray("aliases").add("丙名");
        assertEquals(200, server.patch(id, "admin", etag(id), patch).status());
        assertEquals(List.of("丙名"), strings(server.get(item(id)).json().path("properties").path("aliases")));
    }

    @Test
    void patchLeavesOtherPropertiesAndGeometryAlone() {
        String id = create(JIXIAN);
        JsonNode before = server.get(item(id)).json();
        assertEquals(200, server.patch(id, "admin", etag(id), props("summary_en", "only this")).status());
        JsonNode after = server.get(item(id)).json();
        assertEquals(before.path("geometry"), after.path("geometry"));
        for (String name : List.of("name", "category", "kind", "status", "precision", "counties", "belts", "summary_zh")) {
            assertEquals(before.path("properties").path(name), after.path("properties").path(name), name);
        }
    }

    @Test
    void deleteIs204ThenGetIs404() {
        String id = create(JIXIAN);
        Reply reply = server.delete(id, "admin", etag(id));
        assertEquals(204, reply.status(), reply::toString);
        assertEquals(404, server.get(item(id)).status());
    }

    @Test
    void deletedFeatureLeavesTheCountyQuery() {
        String id = create(JIXIAN);
        assertTrue(ids(server.get(ITEMS + "?limit=10000&county=" + encode(JIXIAN)).json()).contains(id));
        server.delete(id, "admin", etag(id));
        assertFalse(ids(server.get(ITEMS + "?limit=10000&county=" + encode(JIXIAN)).json()).contains(id));
    }

    @Test
    void countiesAreReadOnly() {
        Reply reply = server.send("POST", "/api/collections/counties/items", "admin", GEOJSON, "{}", null);
        assertEquals(405, reply.status(), reply::toString);
        assertNotNull(reply.header("Allow"));
    }

    // ---------------------------------------------------------------- validation

    @Test
    void unknownPropertyIs422NamingItAndChangesNothing() {
        assertPatchInvalid(props("colour", "red"), "colour");
    }

    @Test
    void categoryOutsideTheVocabularyIs422NamingIt() {
        assertPatchInvalid(props("category", "spaceport"), "category");
    }

    @Test
    void pointOutsideLinfenIs422NamingTheGeometry() {
        ObjectNode patch = JSON.createObjectNode();
        patch.set("geometry", point(new double[] {116.397, 39.909})); // Beijing
        assertPatchInvalid(patch, "geometry");
    }

    @Test
    void pointInAnotherCountyThanItsCountiesIs422NamingTheGeometry() {
        ObjectNode patch = JSON.createObjectNode();
        patch.set("geometry", point(seats.get("尧都区")));
        assertPatchInvalid(patch, "geometry");
    }

    @Test
    void invalidCreateIs422AndStoresNothing() {
        long before = count(JIXIAN);
        ObjectNode body = copyOf(JIXIAN, "invalid");
        ((ObjectNode) body.get("properties")).put("colour", "red");
        Reply reply = server.post("admin", body);
        assertEquals(422, reply.status(), reply::toString);
        assertEquals(List.of("colour"), problemProperties(reply));
        assertEquals(before, count(JIXIAN));
    }

    @Test
    void malformedJsonIs400AndChangesNothing() {
        String id = create(JIXIAN);
        Snapshot before = snapshot(id);
        Reply reply = server.send("PATCH", item(id), "admin", MERGE_PATCH, "{\"properties\": {\"name\": ", before.etag());
        assertEquals(400, reply.status(), reply::toString);
        assertEquals(before, snapshot(id));
    }

    @Test
    void malformedJsonCreateIs400() {
        long before = count(JIXIAN);
        Reply reply = server.send("POST", ITEMS, "admin", GEOJSON, "{\"type\": \"Feature\",", null);
        assertEquals(400, reply.status(), reply::toString);
        assertEquals(before, count(JIXIAN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/json-patch+json", "application/x-www-form-urlencoded"})
    void wrongContentTypeIs415AndChangesNothing(String type) {
        String id = create(JIXIAN);
        Snapshot before = snapshot(id);
        Reply reply = server.send("PATCH", item(id), "admin", type, WriteServer.text(props("summary_en", "x")), before.etag());
        assertEquals(415, reply.status(), reply::toString);
        assertEquals(before, snapshot(id));
    }

    @Test
    void mergePatchTypeIsRefusedForCreate() {
        long before = count(JIXIAN);
        Reply reply = server.send("POST", ITEMS, "admin", MERGE_PATCH, WriteServer.text(copyOf(JIXIAN, "typed")), null);
        assertEquals(415, reply.status(), reply::toString);
        assertEquals(before, count(JIXIAN));
    }

    private void assertPatchInvalid(ObjectNode patch, String property) {
        String id = create(JIXIAN);
        Snapshot before = snapshot(id);
        Reply reply = server.patch(id, "admin", before.etag(), patch);
        assertEquals(422, reply.status(), reply::toString);
        assertTrue(problemProperties(reply).contains(property), reply::toString);
        assertEquals(before, snapshot(id));
    }

    // ---------------------------------------------------------------- history

    /** Created by admin, summary patched by the editor of 吉县, moved to 乡宁县 by admin. */
    private String createPatchMove() {
        String id = create(JIXIAN);
        assertEquals(200, server.patch(id, "jixian", etag(id), props("summary_en", "second")).status());
        ObjectNode move = JSON.createObjectNode();
        move.putObject("properties").putArray("counties").add(XIANGNING);
        move.set("geometry", point(seats.get(XIANGNING)));
        assertEquals(200, server.patch(id, "admin", etag(id), move).status());
        return id;
    }

    @Test
    void historyListsChangesNewestFirst() {
        String id = createPatchMove();
        JsonNode entries = server.history(id, null).json().path("entries");
        assertEquals(List.of("update", "update", "create"), texts(entries, "operation"));
        List<Long> versions = StreamSupport.stream(entries.spliterator(), false).map(e -> e.path("version").asLong()).toList();
        assertTrue(versions.get(0) > versions.get(1) && versions.get(1) > versions.get(2), versions::toString);
        assertEquals(List.of(XIANGNING), strings(entries.get(0).path("counties")));
    }

    @Test
    void historyShowsNoAuthorToThePublic() {
        String id = createPatchMove();
        JsonNode entries = server.history(id, null).json().path("entries");
        assertEquals(3, entries.size());
        assertEquals(List.of(false, false, false),
                StreamSupport.stream(entries.spliterator(), false).map(e -> e.has("author")).toList());
    }

    @Test
    void historyShowsAuthorsToSignedInUsers() {
        String id = createPatchMove();
        JsonNode entries = server.history(id, "xiangning").json().path("entries");
        assertEquals(List.of(TestAuthenticator.ADMIN.name(), TestAuthenticator.JIXIAN.name(), TestAuthenticator.ADMIN.name()),
                StreamSupport.stream(entries.spliterator(), false).map(e -> e.path("author").path("name").asText()).toList());
    }

    @Test
    void historyOfAnUnknownFeatureIs404() {
        assertEquals(404, server.history("p-0000000000000000", null).status());
    }

    @Test
    void adminRevertRestoresTheOldValueAsANewVersion() {
        String id = create(JIXIAN);
        assertEquals(200, server.patch(id, "admin", etag(id), props("summary_en", "patched")).status());
        JsonNode entries = server.history(id, null).json().path("entries");
        long patchVersion = entries.get(0).path("version").asLong();
        Reply reply = server.send("POST", item(id) + "/history/" + patchVersion + "/revert", "admin", null, null, null);
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("tested copy", server.get(item(id)).json().path("properties").path("summary_en").asText());
        JsonNode after = server.history(id, null).json().path("entries");
        assertEquals(List.of("revert", "update", "create"), texts(after, "operation"));
        assertTrue(after.get(0).path("version").asLong() > patchVersion, after::toString);
        assertEquals(reply.etag(), server.get(item(id)).etag());
    }

    @Test
    void revertKeepsLaterChangesOfOtherProperties() {
        String id = create(JIXIAN);
        server.patch(id, "admin", etag(id), props("summary_en", "patched"));
        long patchVersion = server.history(id, null).json().path("entries").get(0).path("version").asLong();
        server.patch(id, "admin", etag(id), props("summary_zh", "后来的"));
        Reply reply = server.send("POST", item(id) + "/history/" + patchVersion + "/revert", "admin", null, null, null);
        assertEquals(200, reply.status(), reply::toString);
        JsonNode props = server.get(item(id)).json().path("properties");
        assertEquals("tested copy", props.path("summary_en").asText());
        assertEquals("后来的", props.path("summary_zh").asText());
    }

    @Test
    void deleteThenAdminRestoreBringsTheFeatureBack() {
        String id = create(JIXIAN, Map.of("aliases", List.of("复原名")));
        JsonNode before = server.get(item(id)).json();
        assertEquals(204, server.delete(id, "admin", etag(id)).status());
        Reply reply = server.send("POST", item(id) + "/restore", "admin", null, null, null);
        assertEquals(201, reply.status(), reply::toString);
        JsonNode after = server.get(item(id)).json();
        assertEquals(before.path("geometry"), after.path("geometry"));
        for (String name : List.of("name", "category", "kind", "status", "precision", "counties", "belts", "aliases", "summary_en")) {
            assertEquals(before.path("properties").path(name), after.path("properties").path(name), name);
        }
        assertEquals(List.of("restore", "delete", "create"), texts(server.history(id, null).json().path("entries"), "operation"));
    }

    @Test
    void restoreOfAFeatureThatIsNotDeletedIs409() {
        String id = create(JIXIAN);
        Snapshot before = snapshot(id);
        assertEquals(409, server.send("POST", item(id) + "/restore", "admin", null, null, null).status());
        assertEquals(before, snapshot(id));
    }

    @Test
    void editorCannotRevert() {
        String id = create(JIXIAN);
        server.patch(id, "jixian", etag(id), props("summary_en", "patched"));
        Snapshot before = snapshot(id);
        long version = server.history(id, null).json().path("entries").get(0).path("version").asLong();
        Reply reply = server.send("POST", item(id) + "/history/" + version + "/revert", "jixian", null, null, null);
        assertEquals(403, reply.status(), reply::toString);
        assertEquals(before, snapshot(id));
    }

    @Test
    void editorCannotRestore() {
        String id = create(JIXIAN);
        server.delete(id, "admin", etag(id));
        int historySize = historySize(id);
        Reply reply = server.send("POST", item(id) + "/restore", "jixian", null, null, null);
        assertEquals(403, reply.status(), reply::toString);
        assertEquals(404, server.get(item(id)).status());
        assertEquals(historySize, historySize(id));
    }

    @Test
    void anonymousCannotRestore() {
        String id = create(JIXIAN);
        server.delete(id, "admin", etag(id));
        Reply reply = server.send("POST", item(id) + "/restore", null, null, null, null);
        assertEquals(401, reply.status(), reply::toString);
        assertEquals(404, server.get(item(id)).status());
    }

    // ---------------------------------------------------------------- the collection's change feed

    static final String CHANGES = "/api/collections/projects/changes";

    @Test
    void changesListTheCollectionsEntriesNewestFirstAcrossFeatures() {
        String a = create(JIXIAN, Map.of("name", "动态 甲"));
        String b = create(XIANGNING, Map.of("name", "动态 乙"));
        assertEquals(200, server.patch(a, "admin", etag(a), props("name", "动态 甲 改")).status());
        Reply reply = server.get(CHANGES + "?limit=3");
        assertEquals(200, reply.status(), reply::toString);
        JsonNode entries = reply.json().path("entries");
        assertEquals(List.of(a, b, a), texts(entries, "featureId"));
        assertEquals(List.of("update", "create", "create"), texts(entries, "operation"));
        assertEquals(List.of("动态 甲 改", "动态 乙", "动态 甲"), texts(entries, "name"));
        assertEquals(server.history(a, null).json().path("entries").get(0), withoutFeature(entries.get(0)));
    }

    @Test
    void changesWithDeletedListADeletedProjectOnceAndNotARestoredOne() {
        String deleted = create(JIXIAN, Map.of("name", "删除 甲"));
        String restored = create(JIXIAN, Map.of("name", "复原 乙"));
        assertEquals(204, server.delete(deleted, "admin", etag(deleted)).status());
        assertEquals(204, server.delete(restored, "jixian", etag(restored)).status());
        assertEquals(201, server.send("POST", item(restored) + "/restore", "admin", null, null, null).status());
        JsonNode entries = server.get(CHANGES + "?deleted=true&limit=500", "admin").json().path("entries");
        List<JsonNode> mine = StreamSupport.stream(entries.spliterator(), false)
                .filter(e -> List.of(deleted, restored).contains(e.path("featureId").asText())).toList();
        assertEquals(1, mine.size(), entries::toString);
        assertEquals(deleted, mine.get(0).path("featureId").asText());
        assertEquals("delete", mine.get(0).path("operation").asText());
        assertEquals("删除 甲", mine.get(0).path("name").asText());
        assertEquals(TestAuthenticator.ADMIN.name(), mine.get(0).path("author").path("name").asText());
        StreamSupport.stream(entries.spliterator(), false).forEach(e ->
                assertEquals(404, server.get(item(e.path("featureId").asText())).status(), "listed as deleted: " + e));
    }

    @Test
    void changesShowAuthorsToSignedInUsersOnly() {
        String id = createPatchMove();
        JsonNode anonymous = server.get(CHANGES + "?limit=3").json().path("entries");
        assertEquals(List.of(false, false, false), StreamSupport.stream(anonymous.spliterator(), false).map(e -> e.has("author")).toList());
        JsonNode signedIn = server.get(CHANGES + "?limit=3", "xiangning").json().path("entries");
        assertEquals(List.of(id, id, id), texts(signedIn, "featureId"));
        assertEquals(List.of(TestAuthenticator.ADMIN.name(), TestAuthenticator.JIXIAN.name(), TestAuthenticator.ADMIN.name()),
                StreamSupport.stream(signedIn.spliterator(), false).map(e -> e.path("author").path("name").asText()).toList());
    }

    @Test
    void changesWithABadLimitIs400() {
        for (String limit : List.of("0", "501x", "-1")) {
            Reply reply = server.get(CHANGES + "?limit=" + limit);
            assertEquals(400, reply.status(), reply::toString);
            assertEquals("InvalidParameterValue", reply.json().path("code").asText());
        }
    }

    /** A feed entry as the feature's own history shows it: without the feature's id and name. */
    private static JsonNode withoutFeature(JsonNode entry) {
        ObjectNode copy = entry.deepCopy();
        copy.remove(List.of("featureId", "name"));
        return copy;
    }

    // ---------------------------------------------------------------- same answers, read your writes

    /**
     * The same writes give the same county query on every store: gis-data's projects of 吉县 untouched,
     * and of the projects written here exactly the one left in 吉县, with the values the writes gave it.
     */
    @Test
    void countyQueryAfterTheSameWritesGivesTheExpectedProjects() throws IOException {
        String a = create(JIXIAN, Map.of("name", "同答 甲"));
        String b = create(JIXIAN, Map.of("name", "同答 乙"));
        String c = create(JIXIAN, Map.of("name", "同答 丙"));
        ObjectNode patchA = JSON.createObjectNode();
        ObjectNode propsA = patchA.putObject("properties");
        propsA.put("status", "build");
        propsA.putObject("figures").put("length_km", 12.5);
        propsA.putArray("aliases").add("甲");
        assertEquals(200, server.patch(a, "jixian", etag(a), patchA).status());
        ObjectNode move = JSON.createObjectNode();
        move.putObject("properties").putArray("counties").add(XIANGNING);
        move.set("geometry", point(seats.get(XIANGNING)));
        assertEquals(200, server.patch(b, "both", etag(b), move).status());
        assertEquals(204, server.delete(c, "jixian", etag(c)).status());

        JsonNode page = server.get(ITEMS + "?limit=10000&county=" + encode(JIXIAN)).json();
        Set<String> seeded = new TreeSet<>(ids(page));
        seeded.removeAll(created);
        assertEquals(seededIds(JIXIAN), seeded);
        List<JsonNode> ours = features(page).stream().filter(f -> f.path("properties").path("name").asText().startsWith("同答")).toList();
        assertEquals(List.of(a), ours.stream().map(f -> f.path("id").asText()).toList());
        JsonNode props = ours.get(0).path("properties");
        ObjectNode template = template(JIXIAN);
        assertEquals("build", props.path("status").asText());
        assertEquals(12.5, props.path("figures").path("length_km").asDouble());
        assertEquals(List.of("甲"), strings(props.path("aliases")));
        assertEquals(List.of(JIXIAN), strings(props.path("counties")));
        assertEquals(template.path("properties").path("belts"), props.path("belts"));
        assertEquals(template.path("properties").path("category"), props.path("category"));
        assertEquals(TestAuthenticator.JIXIAN.userId(), props.path("updated_by").asLong());
        assertEquals(template.path("geometry"), ours.get(0).path("geometry"));

        JsonNode moved = server.get(item(b)).json();
        assertEquals(List.of(XIANGNING), strings(moved.path("properties").path("counties")));
        assertEquals("site", moved.path("properties").path("precision").asText());
        assertTrue(moved.path("properties").path("place_basis").asText().contains("Placed on the map by " + TestAuthenticator.BOTH.name()),
                moved::toString);
        assertTrue(ids(server.get(ITEMS + "?limit=10000&county=" + encode(XIANGNING)).json()).contains(b));
    }

    @Test
    void patchIsReadImmediately() {
        String id = create(JIXIAN);
        server.patch(id, "admin", etag(id), props("summary_en", "read at once"));
        assertEquals("read at once", server.get(item(id)).json().path("properties").path("summary_en").asText());
        JsonNode page = server.get(ITEMS + "?limit=10000&county=" + encode(JIXIAN)).json();
        JsonNode listed = features(page).stream().filter(f -> f.path("id").asText().equals(id)).findFirst().orElseThrow();
        assertEquals("read at once", listed.path("properties").path("summary_en").asText());
    }

    @Test
    void movedPointIsFoundByBboxAroundItsNewPositionOnly() {
        String id = create(JIXIAN);
        double[] old = coordinates(server.get(item(id)).json());
        double[] seat = elsewhereIn(JIXIAN, old);
        assertTrue(ids(server.get(ITEMS + "?limit=10000&bbox=" + box(old)).json()).contains(id));
        ObjectNode move = JSON.createObjectNode();
        move.set("geometry", point(seat));
        Reply reply = server.patch(id, "jixian", etag(id), move);
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(List.of(seat[0], seat[1]), List.of(coordinates(server.get(item(id)).json())[0], coordinates(server.get(item(id)).json())[1]));
        assertTrue(ids(server.get(ITEMS + "?limit=10000&bbox=" + box(seat)).json()).contains(id));
        assertFalse(ids(server.get(ITEMS + "?limit=10000&bbox=" + box(old)).json()).contains(id));
    }

    @Test
    void movedPointIsFoundInItsNewCountyOnly() {
        String id = create(JIXIAN);
        ObjectNode move = JSON.createObjectNode();
        move.putObject("properties").putArray("counties").add(XIANGNING);
        move.set("geometry", point(seats.get(XIANGNING)));
        assertEquals(200, server.patch(id, "admin", etag(id), move).status());
        assertTrue(ids(server.get(ITEMS + "?limit=10000&county=" + encode(XIANGNING)).json()).contains(id));
        assertFalse(ids(server.get(ITEMS + "?limit=10000&county=" + encode(JIXIAN)).json()).contains(id));
    }

    @Test
    void createdPointIsFoundByBbox() {
        String id = create(JIXIAN);
        double[] at = coordinates(server.get(item(id)).json());
        assertTrue(ids(server.get(ITEMS + "?limit=10000&bbox=" + box(at)).json()).contains(id));
    }

    // ---------------------------------------------------------------- helpers

    /** What a client can see of a feature: status, ETag and body of GET, and how many history entries it has. */
    record Snapshot(int status, String etag, String body, int historySize) {
    }

    Snapshot snapshot(String id) {
        Reply reply = server.get(item(id));
        return new Snapshot(reply.status(), reply.etag(), reply.body(), historySize(id));
    }

    int historySize(String id) {
        Reply history = server.history(id, "admin");
        assertEquals(200, history.status(), history::toString);
        return history.json().path("entries").size();
    }

    String etag(String id) {
        String etag = server.get(item(id)).etag();
        assertNotNull(etag, "GET " + id + " has no ETag");
        return etag;
    }

    long count(String county) {
        return server.get(ITEMS + "?limit=1&county=" + encode(county)).json().path("numberMatched").asLong();
    }

    /** A new project (by admin): a copy of a real point project of the county. */
    String create(String county) {
        return create(county, Map.of());
    }

    String create(String county, Map<String, Object> properties) {
        ObjectNode body = copyOf(county, "测试副本 " + serial.incrementAndGet());
        properties.forEach((name, value) -> ((ObjectNode) body.get("properties")).set(name, JSON.valueToTree(value)));
        Reply reply = server.post("admin", body);
        assertEquals(201, reply.status(), reply::toString);
        String id = reply.json().path("id").asText();
        created.add(id);
        return id;
    }

    /** The request body of a copy of the county's first real point project (only in that county), under a new name. */
    ObjectNode copyOf(String county, String name) {
        ObjectNode copy = JSON.createObjectNode();
        ObjectNode template = template(county);
        copy.put("type", "Feature");
        copy.set("geometry", template.get("geometry").deepCopy());
        ObjectNode props = template.get("properties").deepCopy();
        props.remove(List.of("id", "updated_at", "updated_by", "belts"));
        props.put("name", name);
        props.put("summary_en", "tested copy");
        props.put("summary_zh", "tested copy");
        copy.set("properties", props);
        return copy;
    }

    ObjectNode template(String county) {
        return templates.computeIfAbsent(county, c -> {
            JsonNode page = server.get(ITEMS + "?limit=10000&county=" + encode(c)).json();
            return (ObjectNode) features(page).stream()
                    .filter(f -> !created.contains(f.path("id").asText()))
                    .filter(f -> f.path("geometry").path("type").asText().equals("Point"))
                    .filter(f -> strings(f.path("properties").path("counties")).equals(List.of(c)))
                    .findFirst().orElseThrow(() -> new AssertionError("gis-data has no point project of " + c + " alone"));
        });
    }

    /** The ids of gis-data's projects that name the county. */
    static Set<String> seededIds(String county) throws IOException {
        JsonNode projects = JSON.readTree(TestLayers.gisDataDir().resolve("projects.geojson").toFile());
        Set<String> ids = new TreeSet<>();
        for (JsonNode f : projects.path("features")) {
            if (strings(f.path("properties").path("counties")).contains(county)) {
                ids.add(f.path("id").asText());
            }
        }
        return ids;
    }

    /** Each county's seat [lon, lat], from gis-data/counties.geojson. */
    static Map<String, double[]> seats() throws IOException {
        JsonNode counties = JSON.readTree(TestLayers.gisDataDir().resolve("counties.geojson").toFile());
        Map<String, double[]> seats = new HashMap<>();
        for (JsonNode f : counties.path("features")) {
            JsonNode seat = f.path("properties").path("seat");
            seats.put(f.path("properties").path("name").asText(), new double[] {seat.get(0).asDouble(), seat.get(1).asDouble()});
        }
        return seats;
    }

    /** The position of a real point project of the county (and of it alone) at least 0.01° from {@code away}. */
    double[] elsewhereIn(String county, double[] away) {
        JsonNode page = server.get(ITEMS + "?limit=10000&county=" + encode(county)).json();
        return features(page).stream()
                .filter(f -> !created.contains(f.path("id").asText()))
                .filter(f -> f.path("geometry").path("type").asText().equals("Point"))
                .filter(f -> strings(f.path("properties").path("counties")).equals(List.of(county)))
                .map(WriteContractTest::coordinates)
                .filter(c -> Math.abs(c[0] - away[0]) + Math.abs(c[1] - away[1]) > 0.01)
                .findFirst().orElseThrow(() -> new AssertionError("gis-data has no second point project of " + county));
    }

    static ObjectNode point(double[] at) {
        ObjectNode point = JSON.createObjectNode();
        point.put("type", "Point");
        point.putArray("coordinates").add(at[0]).add(at[1]);
        return point;
    }

    static double[] coordinates(JsonNode feature) {
        JsonNode c = feature.path("geometry").path("coordinates");
        return new double[] {c.get(0).asDouble(), c.get(1).asDouble()};
    }

    static String box(double[] at) {
        double d = 0.001;
        return (at[0] - d) + "," + (at[1] - d) + "," + (at[0] + d) + "," + (at[1] + d);
    }

    static ObjectNode props(String name, String value) {
        ObjectNode patch = JSON.createObjectNode();
        patch.putObject("properties").put(name, value);
        return patch;
    }

    static String token(String user) {
        return user.equals("anonymous") ? null : user;
    }

    static List<JsonNode> features(JsonNode page) {
        return StreamSupport.stream(page.path("features").spliterator(), false).toList();
    }

    static List<String> ids(JsonNode page) {
        return features(page).stream().map(f -> f.path("id").asText()).toList();
    }

    static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    static List<String> texts(JsonNode array, String member) {
        return StreamSupport.stream(array.spliterator(), false).map(e -> e.path(member).asText()).toList();
    }

    static Map<String, Double> numbers(JsonNode object) {
        Map<String, Double> numbers = new HashMap<>();
        object.fields().forEachRemaining(e -> numbers.put(e.getKey(), e.getValue().asDouble()));
        return numbers;
    }

    static List<String> problemProperties(Reply reply) {
        JsonNode details = reply.json().path("details");
        return details instanceof ArrayNode ? texts(details, "property") : List.of();
    }
}
