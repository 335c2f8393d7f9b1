package org.linfenatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Items and feature responses: GeoJSON shape, links, paging, CRS, caching headers, errors. */
class ResponsesTest extends ApiTestSupport {
    private static final String ITEMS = "/api/collections/projects/items";

    @Test
    void itemsAreAGeoJsonFeatureCollectionWithCounts() {
        withServer((store, client) -> {
            var response = client.get(ITEMS + "?limit=10");
            assertEquals("application/geo+json", response.headers().get("Content-Type").get(0));
            JsonNode body = json(response);
            assertEquals("FeatureCollection", body.path("type").asText());
            assertEquals(25, body.path("numberMatched").asInt());
            assertEquals(10, body.path("numberReturned").asInt());
            assertEquals(10, body.path("features").size());
            assertTrue(body.path("timeStamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
            assertEquals("Feature", body.path("features").get(0).path("type").asText());
            assertEquals("p-00", body.path("features").get(0).path("id").asText());
        });
    }

    @Test
    void nextLinkKeepsEveryOtherParameterAndAdvancesOffset() {
        withServer((store, client) -> {
            JsonNode body = json(client.get(ITEMS + "?limit=10&bbox=110,35,113,37&category=energy&q=yonghe"
                    + "&crs=http://www.opengis.net/def/crs/EPSG/0/4490"));
            String next = link(body, "next");
            assertTrue(next.contains("offset=10"), next);
            assertTrue(next.contains("bbox=110%2C35%2C113%2C37"), next);
            assertTrue(next.contains("category=energy"), next);
            assertTrue(next.contains("q=yonghe"), next);
            assertTrue(next.contains("crs=http%3A%2F%2Fwww.opengis.net%2Fdef%2Fcrs%2FEPSG%2F0%2F4490"), next);
            assertTrue(next.contains("limit=10"), next);
        });
    }

    @Test
    void walkingNextLinksReturnsEveryFeatureOnce() {
        withServer((store, client) -> {
            List<String> ids = new ArrayList<>();
            String path = ITEMS + "?limit=7";
            int pages = 0;
            while (path != null && pages++ < 10) {
                JsonNode body = json(client.get(path));
                body.path("features").forEach(f -> ids.add(f.path("id").asText()));
                String next = link(body, "next");
                path = next == null ? null : next.substring(client.origin().length());
            }
            assertEquals(25, ids.size());
            assertEquals(25, ids.stream().distinct().count());
            assertEquals(4, pages);
        });
    }

    @Test
    void secondPageLinksBackToTheFirst() {
        withServer((store, client) -> {
            JsonNode body = json(client.get(ITEMS + "?limit=10&offset=10"));
            String prev = link(body, "prev");
            assertFalse(prev.contains("offset="), prev);
            assertTrue(link(body, "self").contains("offset=10"));
        });
    }

    @Test
    void lastPageHasNoNextLink() {
        withServer((store, client) -> assertEquals(null, link(json(client.get(ITEMS + "?limit=10&offset=20")), "next")));
    }

    @Test
    void propertiesParameterReturnsOnlyThoseProperties() {
        withServer((store, client) -> {
            JsonNode props = json(client.get(ITEMS + "?properties=name")).path("features").get(0).path("properties");
            assertEquals(1, props.size());
            assertEquals("项目0", props.path("name").asText());
        });
    }

    @Test
    void skipGeometryWritesEveryGeometryAsNull() {
        withServer((store, client) -> {
            JsonNode features = json(client.get(ITEMS + "?skipGeometry=true&limit=5")).path("features");
            assertEquals(5, features.size());
            features.forEach(f -> assertTrue(f.has("geometry") && f.path("geometry").isNull(), f.toString()));
            assertEquals("项目0", features.get(0).path("properties").path("name").asText());
        });
    }

    @Test
    void skipGeometryFalseKeepsTheGeometries() {
        withServer((store, client) -> assertEquals("Point",
                json(client.get(ITEMS + "?skipGeometry=false&limit=1")).path("features").get(0).path("geometry").path("type").asText()));
    }

    @Test
    void skipGeometryWithAPropertySubsetWritesNullGeometriesAndThoseProperties() {
        withServer((store, client) -> {
            JsonNode f = json(client.get(ITEMS + "?skipGeometry=true&properties=name&limit=1")).path("features").get(0);
            assertTrue(f.path("geometry").isNull());
            assertEquals(1, f.path("properties").size());
        });
    }

    @Test
    void nextLinkKeepsSkipGeometry() {
        withServer((store, client) -> assertTrue(link(json(client.get(ITEMS + "?skipGeometry=true&limit=10")), "next")
                .contains("skipGeometry=true")));
    }

    @Test
    void webMercatorOutputIsInMetresWithContentCrs() {
        withServer((store, client) -> {
            var response = client.get(ITEMS + "?crs=http://www.opengis.net/def/crs/EPSG/0/3857&limit=1");
            assertEquals("<http://www.opengis.net/def/crs/EPSG/0/3857>", response.headers().get("Content-Crs").get(0));
            JsonNode xy = json(response).path("features").get(0).path("geometry").path("coordinates");
            assertEquals(12356463.48, xy.get(0).asDouble(), 0.01);
            assertEquals(4300621.37, xy.get(1).asDouble(), 0.01);
        });
    }

    @Test
    void cgcs2000OutputIsLatitudeFirst() {
        withServer((store, client) -> {
            var response = client.get(ITEMS + "?crs=http://www.opengis.net/def/crs/EPSG/0/4490&limit=1");
            JsonNode xy = json(response).path("features").get(0).path("geometry").path("coordinates");
            assertEquals(36.0, xy.get(0).asDouble(), 1e-9);
            assertEquals(111.0, xy.get(1).asDouble(), 1e-9);
        });
    }

    @Test
    void defaultOutputDeclaresCrs84() {
        withServer((store, client) -> assertEquals("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>",
                client.get(ITEMS).headers().get("Content-Crs").get(0)));
    }

    @Test
    void unsupportedCrsIsRejected() {
        withServer((store, client) -> assertBadRequest(client.get(ITEMS + "?crs=EPSG:2000"), "crs"));
    }

    @Test
    void oneFeatureHasSelfAndCollectionLinks() {
        withServer((store, client) -> {
            var response = client.get(ITEMS + "/p-03");
            assertEquals(200, response.code());
            JsonNode body = json(response);
            assertEquals("p-03", body.path("id").asText());
            assertTrue(link(body, "self").endsWith("/api/collections/projects/items/p-03"));
            assertTrue(link(body, "collection").endsWith("/api/collections/projects"));
        });
    }

    @Test
    void unknownFeatureIsNotFoundAsJson() {
        withServer((store, client) -> {
            var response = client.get(ITEMS + "/nope");
            assertEquals(404, response.code());
            assertEquals("NotFound", json(response).path("code").asText());
        });
    }

    @Test
    void unknownCollectionIsNotFoundAsJson() {
        withServer((store, client) -> {
            var response = client.get("/api/collections/roads/items");
            assertEquals(404, response.code());
            assertEquals("NotFound", json(response).path("code").asText());
        });
    }

    @Test
    void unknownPathIsNotFoundAsJson() {
        withServer((store, client) -> assertEquals("NotFound", json(client.get("/api/nothing-here")).path("code").asText()));
    }

    @Test
    void storeFailureIsA500WithoutStackTrace() {
        withServer((store, client) -> {
            store.failure = new IllegalStateException("disk on fire at org.example.Secret");
            var response = client.get(ITEMS);
            assertEquals(500, response.code());
            assertEquals("ServerError", json(response).path("code").asText());
            assertFalse(response.body().string().contains("org.example"));
        });
    }

    @Test
    void matchingIfNoneMatchGetsNotModified() {
        withServer((store, client) -> {
            String etag = client.get("/api/collections/counties/items").headers().get("ETag").get(0);
            assertEquals(304, client.get("/api/collections/counties/items", "If-None-Match", etag).code());
        });
    }

    @Test
    void newRevisionChangesTheResponseCacheKey() {
        withServer((store, client) -> {
            client.get("/api/collections/counties/items");
            store.layers.get("counties").remove(0);
            store.revision = "r2";
            assertEquals(1, json(client.get("/api/collections/counties/items")).path("numberMatched").asInt());
        });
    }

    @Test
    void gzipIsSentWhenAccepted() throws Exception {
        withServer((store, client) -> {
            try {
                HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(client.origin() + "/api/collections/counties/items"))
                        .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
                assertEquals("gzip", response.headers().firstValue("Content-Encoding").orElse(""));
                byte[] plain = new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes();
                assertEquals("FeatureCollection", JSON.readTree(plain).path("type").asText());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void getResponsesAllowAnyOrigin() {
        withServer((store, client) -> assertEquals("*", client.get("/api").headers().get("Access-Control-Allow-Origin").get(0)));
    }

    static String link(JsonNode body, String rel) {
        for (JsonNode link : body.path("links")) {
            if (rel.equals(link.path("rel").asText())) {
                return link.path("href").asText();
            }
        }
        return null;
    }
}
