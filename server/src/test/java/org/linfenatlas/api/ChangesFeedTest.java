package org.linfenatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.Layers;
import org.linfenatlas.store.Author;
import org.linfenatlas.store.HistoryEntry;
import org.linfenatlas.store.HistoryEntry.Operation;

/**
 * GET /api/collections/{id}/changes over the fake store: its parameters, the shape of its entries and its
 * headers. (What the real stores answer, newest first and deleted now, is held by the store and write contracts.)
 */
class ChangesFeedTest extends ApiTestSupport {
    private static final String FEED = "/api/collections/projects/changes";
    private static final Author WANG = new Author(3, "王编辑");
    private static final Instant T = Instant.parse("2026-11-23T01:00:00Z");

    /** gone-1 created and deleted; p-00 renamed (newest first, as a repository answers). */
    private void someHistory() {
        Feature gone = FakeStore.point("gone-1", 111.1, 36.1, Map.of("name", "已删项目", "counties", List.of("尧都区")));
        Feature p00 = store.layers.get(Layers.PROJECTS).get(0);
        Feature renamed = FakeStore.point("p-00", 111, 36, Map.of("name", "项目0 改", "category", "energy", "counties", List.of("尧都区")));
        store.history.addAll(List.of(
                new HistoryEntry(Layers.PROJECTS, "p-00", 3, T.plusSeconds(2), Operation.UPDATE, WANG, p00, renamed),
                new HistoryEntry(Layers.PROJECTS, "gone-1", 2, T.plusSeconds(1), Operation.DELETE, WANG, gone, null),
                new HistoryEntry(Layers.PROJECTS, "gone-1", 1, T, Operation.CREATE, WANG, null, gone)));
    }

    @Test
    void entriesAreTheStoresNewestFirstWithFeatureIdAndName() {
        someHistory();
        withServer((store, client) -> {
            JsonNode body = json(client.get(FEED));
            assertEquals("projects", body.path("collection").asText());
            JsonNode entries = body.path("entries");
            assertEquals(List.of("p-00", "gone-1", "gone-1"), texts(entries, "featureId"));
            assertEquals(List.of("项目0 改", "已删项目", "已删项目"), texts(entries, "name"));
            assertEquals(List.of("update", "delete", "create"), texts(entries, "operation"));
            assertEquals("2026-11-23T01:00:02Z", entries.get(0).path("time").asText());
            assertEquals(3, entries.get(0).path("version").asInt());
            assertEquals("尧都区", entries.get(0).path("counties").get(0).asText());
        });
    }

    @Test
    void anEntrysChangesAreThoseOfTheFeaturesHistory() {
        someHistory();
        withServer((store, client) -> {
            JsonNode feed = json(client.get(FEED)).path("entries").get(0);
            JsonNode history = json(client.get("/api/collections/projects/items/p-00/history")).path("entries").get(0);
            assertEquals(history.path("changes"), feed.path("changes"));
            for (String member : List.of("version", "time", "operation", "counties")) {
                assertEquals(history.path(member), feed.path(member), member);
            }
        });
    }

    @Test
    void deletedTrueListsOnlyFeaturesDeletedNow() {
        someHistory();
        withServer((store, client) -> {
            JsonNode entries = json(client.get(FEED + "?deleted=true")).path("entries");
            assertEquals(List.of("gone-1"), texts(entries, "featureId"));
            assertEquals("delete", entries.get(0).path("operation").asText());
        });
    }

    @Test
    void authorsAreHiddenFromTheAnonymousPublic() {
        someHistory();
        withServer((store, client) -> {
            JsonNode entries = json(client.get(FEED)).path("entries");
            assertEquals(3, entries.size());
            entries.forEach(e -> assertFalse(e.has("author"), e::toString));
        });
    }

    @Test
    void answerIsNeverStoredAndVariesBySignIn() {
        withServer((store, client) -> {
            Response response = client.get(FEED);
            assertEquals(200, response.code());
            assertEquals("no-store", response.headers().get("Cache-Control").get(0));
            assertEquals("Cookie, Authorization", response.headers().get("Vary").get(0));
            assertTrue(response.headers().get("Content-Type").get(0).startsWith("application/json"));
        });
    }

    @Test
    void limitIs50UnlessGivenAndAtMost500() {
        withServer((store, client) -> {
            client.get(FEED);
            assertEquals(50, store.lastHistoryLimit);
            client.get(FEED + "?limit=7");
            assertEquals(7, store.lastHistoryLimit);
            JsonNode body = json(client.get(FEED + "?limit=100000&deleted=true"));
            assertEquals(500, store.lastHistoryLimit);
            assertTrue(ResponsesTest.link(body, "self").endsWith("/api/collections/projects/changes?deleted=true&limit=500"),
                    body::toString);
        });
    }

    @Test
    void limitThatIsNotAPositiveIntegerIs400() {
        withServer((store, client) -> {
            for (String limit : List.of("0", "-3", "ten", "1.5", "")) {
                assertBadRequest(client.get(FEED + "?limit=" + limit), "limit");
            }
        });
    }

    @Test
    void deletedThatIsNotTrueOrFalseIs400() {
        withServer((store, client) -> {
            assertBadRequest(client.get(FEED + "?deleted=yes"), "deleted");
            assertBadRequest(client.get(FEED + "?deleted=true&deleted=false"), "deleted");
        });
    }

    @Test
    void unknownParameterIs400() {
        withServer((store, client) -> assertBadRequest(client.get(FEED + "?since=2026-01-01"), "since"));
    }

    @Test
    void unknownCollectionIs404() {
        withServer((store, client) -> {
            Response response = client.get("/api/collections/nope/changes");
            assertEquals(404, response.code());
            assertEquals("NotFound", json(response).path("code").asText());
        });
    }

    @Test
    void openApiDescribesTheFeedWithItsParameters() {
        withServer((store, client) -> {
            JsonNode get = json(client.get("/api/openapi")).path("paths").path("/collections/projects/changes").path("get");
            List<String> names = new ArrayList<>();
            get.path("parameters").forEach(p -> names.add(p.has("$ref")
                    ? p.get("$ref").asText().replace("#/components/parameters/", "") : p.path("name").asText()));
            assertEquals(List.of("limit", "deleted", "f-json"), names);
            assertEquals(500, get.path("parameters").get(0).path("schema").path("maximum").asInt());
            assertTrue(get.path("responses").has("400"));
        });
    }

    private static List<String> texts(JsonNode array, String member) {
        List<String> texts = new ArrayList<>();
        array.forEach(e -> texts.add(e.path(member).asText()));
        return texts;
    }
}
