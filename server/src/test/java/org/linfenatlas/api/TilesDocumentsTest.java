package org.linfenatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linfenatlas.AtlasServer;
import org.linfenatlas.index.IndexedStore;
import org.linfenatlas.store.FeatureStore;
import org.linfenatlas.testdata.RawHttp;
import org.linfenatlas.testdata.TestLayers;

/** The OGC API – Tiles documents: tile matrix sets, tilesets lists, tilesets, and the links and classes that lead to them. */
class TilesDocumentsTest {
    private static final FeatureStore STORE = IndexedStore.of(TestLayers.byId(TestLayers.withSyntheticProjects(50, 3)));

    private static void withServer(io.javalin.testtools.TestCase test) {
        JavalinTest.test(AtlasServer.create(STORE, Map.of("baseLayers", List.of())), test);
    }

    private static JsonNode get(HttpClient client, String path) {
        var response = client.get(path);
        assertEquals(200, response.code(), path);
        return ApiTestSupport.json(response);
    }

    private static List<String> rels(JsonNode links) {
        List<String> rels = new ArrayList<>();
        links.forEach(l -> rels.add(l.path("rel").asText()));
        return rels;
    }

    @Test
    void theTileMatrixSetsListWebMercatorQuad() {
        withServer((server, client) -> {
            JsonNode item = get(client, "/api/tileMatrixSets").path("tileMatrixSets").get(0);
            assertEquals("WebMercatorQuad", item.path("id").asText());
            assertEquals(TilesDocuments.TMS_URI, item.path("uri").asText());
            assertTrue(item.path("links").get(0).path("href").asText().endsWith("/api/tileMatrixSets/WebMercatorQuad"));
        });
    }

    @Test
    void webMercatorQuadIsDefinedAsTms2() {
        withServer((server, client) -> {
            JsonNode tms = get(client, "/api/tileMatrixSets/WebMercatorQuad");
            assertEquals(TilesDocuments.EPSG_3857, tms.path("crs").asText());
            assertEquals(25, tms.path("tileMatrices").size());
            JsonNode z3 = tms.path("tileMatrices").get(3);
            assertEquals("3", z3.path("id").asText());
            assertEquals(8, z3.path("matrixWidth").asInt());
            assertEquals(256, z3.path("tileWidth").asInt());
            assertEquals(-20037508.3427892, z3.path("pointOfOrigin").get(0).asDouble(), 1e-6);
            assertEquals(156543.033928041 / 8, z3.path("cellSize").asDouble(), 1e-9);
            assertEquals(404, client.get("/api/tileMatrixSets/WorldCRS84Quad").code());
        });
    }

    @Test
    void aTiledCollectionListsItsVectorTileset() {
        withServer((server, client) -> {
            JsonNode tileset = get(client, "/api/collections/projects/tiles").path("tilesets").get(0);
            assertEquals("vector", tileset.path("dataType").asText());
            assertEquals(TilesDocuments.TMS_URI, tileset.path("tileMatrixSetURI").asText());
            assertEquals(List.of("self", TilesDocuments.TILING_SCHEME_REL), rels(tileset.path("links")));
            assertEquals(404, client.get("/api/collections/places/tiles").code());
        });
    }

    @Test
    void theTilesetLinksItsTileTemplatesInBothFormats() {
        withServer((server, client) -> {
            JsonNode tileset = get(client, "/api/collections/projects/tiles/WebMercatorQuad");
            assertEquals("vector", tileset.path("dataType").asText());
            assertEquals(TilesDocuments.EPSG_3857, tileset.path("crs").asText());
            assertEquals("projects", tileset.path("layers").get(0).path("id").asText());
            assertEquals(21, tileset.path("tileMatrixSetLimits").size());
            assertTrue(tileset.path("description").asText().contains("cluster"));
            List<String> types = new ArrayList<>();
            for (JsonNode l : tileset.path("links")) {
                if (l.path("rel").asText().equals("item")) {
                    assertTrue(l.path("templated").asBoolean());
                    assertTrue(l.path("href").asText().contains("/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}"));
                    types.add(l.path("type").asText());
                }
            }
            assertEquals(List.of(TileMvt.MEDIA_TYPE, Http.GEOJSON), types);
            assertTrue(rels(tileset.path("links")).containsAll(List.of("self", TilesDocuments.TILING_SCHEME_REL, TilesDocuments.GEODATA_REL)));
            assertEquals(404, client.get("/api/collections/projects/tiles/WorldCRS84Quad").code());
        });
    }

    @Test
    void landingPageCollectionsAndConformanceLeadToTheTiles() {
        withServer((server, client) -> {
            assertTrue(rels(get(client, "/api").path("links")).contains(TilesDocuments.TILING_SCHEMES_REL));
            assertTrue(rels(get(client, "/api/collections/projects").path("links")).contains(TilesDocuments.TILESETS_VECTOR_REL));
            assertTrue(rels(get(client, "/api/collections/counties").path("links")).contains(TilesDocuments.TILESETS_VECTOR_REL));
            assertFalse(rels(get(client, "/api/collections/places").path("links")).contains(TilesDocuments.TILESETS_VECTOR_REL));
            List<String> classes = new ArrayList<>();
            get(client, "/api/conformance").path("conformsTo").forEach(c -> classes.add(c.asText()));
            assertTrue(classes.containsAll(TilesDocuments.CONFORMANCE));
            JsonNode paths = get(client, "/api/openapi").path("paths");
            assertTrue(paths.has("/collections/projects/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}"));
            assertTrue(paths.has("/tileMatrixSets/{tileMatrixSetId}"));
        });
    }

    @Test
    void countyTilesHoldEveryCountyTheyMeetWithoutClusters() {
        withServer((server, client) -> {
            JsonNode tile = get(client, "/api/collections/counties/tiles/WebMercatorQuad/8/100/207");
            assertTrue(tile.path("features").size() > 3, tile.path("features").size() + " counties");
            for (JsonNode f : tile.path("features")) {
                assertFalse(f.path("properties").path("cluster").asBoolean());
                assertTrue(f.path("geometry").path("type").asText().endsWith("Polygon"));
            }
        });
    }

    @Test
    void tilePathsAnswerOnlyReads() {
        withServer((server, client) -> {
            var post = RawHttp.send(client.getOrigin(), "POST", "/api/collections/projects/tiles/WebMercatorQuad/0/0/0");
            assertEquals(405, post.statusCode());
            assertEquals(AllowedMethods.READ, post.headers().firstValue("Allow").orElse(""));
        });
    }
}
