package org.linfenatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `f` on every route: absent or a format the resource is served in → 200; anything else → 400, never the default silently. */
class FormatParameterTest extends ApiTestSupport {
    private static final String FEATURE = "/api/collections/projects/items/p-01";
    private static final List<String> JSON_DOCUMENTS = List.of("/api", "/api/conformance", "/api/collections",
            "/api/collections/projects", "/api/stats", "/api/openapi", "/api/collections/projects/changes", FEATURE + "/history");

    @Test
    void unsupportedFormatOnASingleFeatureIsRejectedAsOnItems() {
        withServer((store, client) -> {
            assertBadRequest(client.get(FEATURE + "?f=xml"), "'f' must be json or geojson");
            assertBadRequest(client.get("/api/collections/projects/items?f=xml"), "'f' must be json or geojson");
        });
    }

    @Test
    void featuresAndItemsAcceptJsonAndGeojson() {
        withServer((store, client) -> {
            for (String f : List.of("json", "geojson")) {
                assertEquals(200, client.get(FEATURE + "?f=" + f).code(), f);
                assertEquals(200, client.get("/api/collections/projects/items?f=" + f).code(), f);
            }
        });
    }

    @Test
    void jsonDocumentsAcceptJsonAndRejectEveryOtherFormat() {
        withServer((store, client) -> {
            for (String path : JSON_DOCUMENTS) {
                assertEquals(200, client.get(path + "?f=json").code(), path);
                assertBadRequest(client.get(path + "?f=xml"), "'f' must be json");
                assertBadRequest(client.get(path + "?f=geojson"), "'f' must be json");
            }
        });
    }

    @Test
    void theDocumentationPageAcceptsHtmlOnly() {
        withServer((store, client) -> {
            assertEquals(200, client.get("/api/docs?f=html").code());
            assertBadRequest(client.get("/api/docs?f=json"), "'f' must be html");
            assertBadRequest(client.get("/api/docs.css?f=css"), "unknown query parameter 'f'");
        });
    }

    @Test
    void theOpenApiDefinitionDeclaresTheFormatsEachPathAccepts() {
        withServer((store, client) -> {
            JsonNode doc = json(client.get("/api/openapi"));
            assertEquals(List.of("json"), formats(doc, "/"));
            assertEquals(List.of("json"), formats(doc, "/collections/projects"));
            assertEquals(List.of("json"), formats(doc, "/collections/projects/items/{featureId}/history"));
            assertEquals(List.of("json"), formats(doc, "/collections/projects/changes"));
            assertEquals(List.of("html"), formats(doc, "/docs"));
            assertEquals(List.of("json", "geojson", "csv", "gpkg"), formats(doc, "/collections/projects/items")); // downloads: csv, gpkg
            assertEquals(List.of("json"), formats(doc, "/stats"));
            assertEquals(List.of("json", "geojson"), formats(doc, "/collections/projects/items/{featureId}"));
        });
    }

    /** The enum of the GET operation's `f` parameter, following a $ref into components. */
    private static List<String> formats(JsonNode doc, String path) {
        for (JsonNode p : doc.path("paths").path(path).path("get").path("parameters")) {
            JsonNode param = p.has("$ref")
                    ? doc.path("components").path("parameters").path(p.get("$ref").asText().substring("#/components/parameters/".length()))
                    : p;
            if (param.path("name").asText().equals("f")) {
                List<String> values = new ArrayList<>();
                param.path("schema").path("enum").forEach(v -> values.add(v.asText()));
                return values;
            }
        }
        throw new AssertionError("no f parameter on " + path);
    }
}
