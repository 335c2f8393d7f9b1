package org.linfenatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Landing page, conformance, collections, OpenAPI, stats and health. */
class DocumentsTest extends ApiTestSupport {

    @Test
    void landingPageLinksToTheFourRequiredResources() {
        withServer((store, client) -> {
            JsonNode body = json(client.get("/api"));
            for (String rel : List.of("self", "service-desc", "service-doc", "conformance", "data")) {
                assertTrue(ResponsesTest.link(body, rel) != null, "missing link " + rel);
            }
            assertTrue(ResponsesTest.link(body, "data").endsWith("/api/collections"));
        });
    }

    @Test
    void landingPageRejectsUnknownParameters() {
        withServer((store, client) -> assertBadRequest(client.get("/api?limit=3"), "limit"));
    }

    @Test
    void conformanceDeclaresCoreGeoJsonOpenApiAndCrs() {
        withServer((store, client) -> {
            String body = json(client.get("/api/conformance")).path("conformsTo").toString();
            assertTrue(body.contains("ogcapi-features-1/1.0/conf/core"));
            assertTrue(body.contains("ogcapi-features-1/1.0/conf/geojson"));
            assertTrue(body.contains("ogcapi-features-1/1.0/conf/oas30"));
            assertTrue(body.contains("ogcapi-features-2/1.0/conf/crs"));
        });
    }

    @Test
    void collectionsListEveryLayerWithCrs84Extent() {
        withServer((store, client) -> {
            JsonNode collections = json(client.get("/api/collections")).path("collections");
            List<String> ids = new ArrayList<>();
            collections.forEach(c -> ids.add(c.path("id").asText()));
            assertEquals(List.of("counties", "belts", "rivers", "projects", "places"), ids);
            JsonNode counties = collections.get(0);
            assertEquals("http://www.opengis.net/def/crs/OGC/1.3/CRS84", counties.path("extent").path("spatial").path("crs").asText());
            assertEquals(110.63, counties.path("extent").path("spatial").path("bbox").get(0).get(0).asDouble(), 1e-9);
            assertTrue(ResponsesTest.link(counties, "items").endsWith("/api/collections/counties/items"));
        });
    }

    @Test
    void oneCollectionLinksToItselfAndItsItems() {
        withServer((store, client) -> {
            JsonNode body = json(client.get("/api/collections/rivers"));
            assertEquals("rivers", body.path("id").asText());
            assertTrue(ResponsesTest.link(body, "self").endsWith("/api/collections/rivers"));
            assertTrue(body.path("crs").toString().contains("EPSG/0/3857"));
        });
    }

    @Test
    void openApiServerIsTheLandingPageAndPathsAreRelative() {
        withServer((store, client) -> {
            var response = client.get("/api/openapi");
            assertTrue(response.headers().get("Content-Type").get(0).startsWith("application/vnd.oai.openapi+json"));
            JsonNode doc = json(response);
            assertEquals("3.0.3", doc.path("openapi").asText());
            assertEquals(client.origin() + "/api", doc.path("servers").get(0).path("url").asText());
            assertTrue(doc.path("paths").has("/collections/projects/items"));
            assertTrue(doc.path("paths").has("/conformance"));
        });
    }

    @Test
    void openApiReferencesOnlyItself() {
        withServer((store, client) -> {
            List<String> refs = new ArrayList<>();
            collectRefs(json(client.get("/api/openapi")), refs);
            assertFalse(refs.isEmpty());
            refs.forEach(ref -> assertTrue(ref.startsWith("#/components/"), ref));
        });
    }

    @Test
    void openApiBboxParameterHasItsFullSchema() {
        withServer((store, client) -> {
            JsonNode bbox = json(client.get("/api/openapi")).path("components").path("parameters").path("bbox");
            assertEquals(4, bbox.path("schema").path("minItems").asInt());
            assertEquals(6, bbox.path("schema").path("maxItems").asInt());
            assertEquals("number", bbox.path("schema").path("items").path("type").asText());
        });
    }

    @Test
    void openApiDescribesEveryProjectFilter() {
        withServer((store, client) -> {
            JsonNode params = json(client.get("/api/openapi")).path("paths").path("/collections/projects/items").path("get").path("parameters");
            List<String> names = new ArrayList<>();
            params.forEach(p -> names.add(p.has("name") ? p.path("name").asText() : p.path("$ref").asText()));
            for (String name : List.of("q", "category", "county", "belt", "status", "precision", "sortby", "properties",
                    "skipGeometry")) {
                assertTrue(names.contains(name), "missing " + name + " in " + names);
            }
        });
    }

    @Test
    void serviceDocIsHtml() {
        withServer((store, client) -> {
            var response = client.get("/api/docs");
            assertTrue(response.headers().get("Content-Type").get(0).startsWith("text/html"));
            assertTrue(response.body().string().contains("/collections/projects/items"));
        });
    }

    @Test
    void statsGiveCountsAndInvestmentPerBeltAndCategory() {
        withServer((store, client) -> {
            JsonNode stats = json(client.get("/api/stats"));
            assertEquals(3, stats.path("total").asInt());
            assertEquals(12.5, stats.path("investment_yi_yuan").asDouble());
            assertEquals("fen", stats.path("belts").get(0).path("id").asText());
            assertEquals(3, stats.path("belts").get(0).path("categories").path("energy").asInt());
        });
    }

    @Test
    void statsGiveTheCountOfEveryStatusCode() {
        withServer((store, client) -> {
            JsonNode statuses = json(client.get("/api/stats")).path("statuses");
            List<String> codes = new ArrayList<>();
            statuses.fieldNames().forEachRemaining(codes::add);
            assertEquals(java.util.Set.of("build", "upgrade", "plan", "existing"), java.util.Set.copyOf(codes));
            assertEquals(3, statuses.path("plan").asInt());
            assertEquals(0, statuses.path("build").asInt());
        });
    }

    @Test
    void openApiDescribesTheStatusCountsOfStats() {
        withServer((store, client) -> assertTrue(json(client.get("/api/openapi")).path("components").path("schemas")
                .path("stats").path("properties").has("statuses")));
    }

    @Test
    void healthSaysOk() {
        withServer((store, client) -> assertEquals("ok", json(client.get("/health")).path("status").asText()));
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }
}
