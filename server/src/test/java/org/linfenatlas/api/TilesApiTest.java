package org.linfenatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linfenatlas.AtlasServer;
import org.linfenatlas.index.IndexedStore;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.Layers;
import org.linfenatlas.store.FeatureStore;
import org.linfenatlas.store.ItemsQuery;
import org.linfenatlas.testdata.TestLayers;
import org.linfenatlas.tiles.TileAddress;
import org.locationtech.jts.geom.Envelope;

/** The projects' GeoJSON tiles over HTTP: what they count is what items selects, and errors as OGC API – Tiles says. */
class TilesApiTest {
    private static final String TILES = "/api/collections/projects/tiles/WebMercatorQuad/";
    /** The z=8 tile over Linfen (36.08N 111.52E). */
    private static final TileAddress LINFEN_8 = new TileAddress(8, 100, 207);
    private static final List<String> SELECTIONS = List.of("", "category=energy", "county=" + Http.encode("吉县"),
            "status=plan,build&kind=line,area", "q=guangfu", "filter=" + Http.encode("category = 'transport' AND status <> 'plan'"));

    private static final FeatureStore STORE = IndexedStore.of(TestLayers.byId(TestLayers.withSyntheticProjects(600, 17)));

    private static void withServer(FeatureStore store, io.javalin.testtools.TestCase test) {
        JavalinTest.test(AtlasServer.create(store, Map.of("baseLayers", List.of())), test);
    }

    private static JsonNode get(HttpClient client, String path) {
        var response = client.get(path);
        assertEquals(200, response.code(), path);
        return ApiTestSupport.json(response);
    }

    /** What a tile stands for: its clusters' counts plus its features whose representative point lies in it. */
    private static long counted(JsonNode tile, TileAddress address, FeatureStore store) {
        long n = 0;
        for (JsonNode f : tile.path("features")) {
            if (f.path("properties").path("cluster").asBoolean()) {
                n += f.path("properties").path("count").asLong();
            } else if (address.contains(store.item(Layers.PROJECTS, f.path("id").asText()).orElseThrow().representativePoint())) {
                n++;
            }
        }
        return n;
    }

    /** The features items selects with the same parameters within the tile whose representative point lies in it. */
    private static long selectedInTile(FeatureStore store, String query, TileAddress tile) {
        Envelope box = tile.envelope();
        return store.items(query(query).withBbox(box)).features().stream()
                .map(Feature::representativePoint).filter(tile::contains).count();
    }

    /** The items query of the parameters, every match on one page. */
    private static ItemsQuery query(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], List.of(java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        return ItemsRequestParser.parse(Layers.PROJECTS_SPEC, params).query().withPage(0, Integer.MAX_VALUE);
    }

    @Test
    void theWorldTileCountsWhatItemsMatchesForEverySelection() {
        withServer(STORE, (server, client) -> {
            for (String selection : SELECTIONS) {
                long matched = get(client, "/api/collections/projects/items?limit=1" + (selection.isEmpty() ? "" : "&" + selection))
                        .path("numberMatched").asLong();
                long withoutGeometry = STORE.items(query(selection)).features().stream().filter(f -> !f.hasGeometry()).count();
                JsonNode tile = get(client, TILES + "0/0/0?" + selection);
                assertEquals(matched - withoutGeometry, counted(tile, new TileAddress(0, 0, 0), STORE), selection);
                assertTrue(matched > 0, selection + " selects some");
            }
        });
    }

    @Test
    void aTileCountsTheSelectedFeaturesWhosePointLiesInIt() {
        withServer(STORE, (server, client) -> {
            for (TileAddress t : List.of(LINFEN_8, new TileAddress(10, 401, 829), new TileAddress(12, 1607, 3316),
                    new TileAddress(14, 6429, 13267), new TileAddress(16, 25717, 53069))) {
                for (String selection : SELECTIONS) {
                    JsonNode tile = get(client, TILES + t.zoom() + "/" + t.row() + "/" + t.col() + "?" + selection);
                    assertEquals(selectedInTile(STORE, selection, t), counted(tile, t, STORE), t + " " + selection);
                }
            }
        });
    }

    @Test
    void pointTilesCountWhatItemsMatchesInTheirBox() {
        FeatureStore points = IndexedStore.of(TestLayers.byId(TestLayers.withBenchPoints(3000, 3)));
        withServer(points, (server, client) -> {
            Envelope box = LINFEN_8.envelope();
            long matched = get(client, "/api/collections/projects/items?limit=1&kind=point&bbox=" + box.getMinX() + ","
                    + box.getMinY() + "," + box.getMaxX() + "," + box.getMaxY()).path("numberMatched").asLong();
            JsonNode tile = get(client, TILES + "8/100/207?kind=point");
            assertEquals(matched, counted(tile, LINFEN_8, points));
            assertTrue(matched > 100, "the tile holds many points: " + matched);
        });
    }

    @Test
    void clustersCarryTheirIdCountCategoriesBboxAndPlace() {
        withServer(STORE, (server, client) -> {
            JsonNode cluster = get(client, TILES + "8/100/207").path("features").get(0);
            JsonNode p = cluster.path("properties");
            assertTrue(p.path("cluster").asBoolean(), cluster.toString());
            assertTrue(cluster.path("id").asText().matches("cluster/8/100/207/\\d+"), cluster.toString());
            long byCategory = 0;
            for (JsonNode n : p.path("categories")) {
                byCategory += n.asLong();
            }
            assertEquals(p.path("count").asLong(), byCategory);
            List<String> categories = new java.util.ArrayList<>();
            p.path("categories").fieldNames().forEachRemaining(categories::add);
            assertEquals(categories.stream().sorted().toList(), categories, "categories in name order, so every instance writes the same bytes");
            assertEquals(4, p.path("bbox").size());
            assertTrue(p.path("same_place").isBoolean());
        });
    }

    @Test
    void featuresCarryOnlyWhatDrawingNeeds() {
        withServer(STORE, (server, client) -> {
            int checked = 0;
            for (JsonNode f : get(client, TILES + "14/6429/13267").path("features")) {
                if (f.path("properties").path("cluster").asBoolean()) {
                    continue;
                }
                checked++;
                List<String> names = new java.util.ArrayList<>();
                f.path("properties").fieldNames().forEachRemaining(names::add);
                assertTrue(List.of("name", "name_en", "category", "status", "precision", "kind", "counties", "point").containsAll(names),
                        names.toString());
                assertFalse(f.path("geometry").isNull());
            }
            assertTrue(checked > 0, "the tile shows some projects one by one");
        });
    }

    @Test
    void approximateAreasComeAsTheirPointAndOtherAreasAsAreas() {
        withServer(STORE, (server, client) -> {
            for (String precision : List.of("county", "site")) {
                Feature area = STORE.items(ItemsQuery.all(Layers.PROJECTS)).features().stream()
                        .filter(f -> f.geometry().getDimension() == 2 && precision.equals(f.text("precision"))).findFirst().orElseThrow();
                TileAddress t = tileOf(area.representativePoint(), 16);
                JsonNode tile = get(client, TILES + "16/" + t.row() + "/" + t.col());
                JsonNode f = java.util.stream.StreamSupport.stream(tile.path("features").spliterator(), false)
                        .filter(n -> n.path("id").asText().equals(area.id())).findFirst().orElseThrow();
                boolean approximate = precision.equals("county");
                assertEquals(approximate ? "Point" : area.geometry().getGeometryType(), f.path("geometry").path("type").asText(), precision);
                assertEquals(approximate, f.path("properties").path("point").asBoolean(), precision);
            }
        });
    }

    private static TileAddress tileOf(org.locationtech.jts.geom.Coordinate p, int zoom) {
        TileAddress world = new TileAddress(zoom, 0, 0);
        return new TileAddress(zoom, (int) (world.worldY(p.y) / TileAddress.TILE_SIZE), (int) (world.worldX(p.x) / TileAddress.TILE_SIZE));
    }

    @Test
    void aTileOutsideTheMatrixIsNotFound() {
        withServer(STORE, (server, client) -> {
            for (String tile : List.of("21/0/0", "3/8/0", "3/0/8", "3/-1/0", "0/0/99999999999999999999")) {
                var response = client.get(TILES + tile);
                assertEquals(404, response.code(), tile);
                assertEquals("NotFound", ApiTestSupport.json(response).path("code").asText(), tile);
            }
            assertEquals(404, client.get("/api/collections/projects/tiles/WorldCRS84Quad/0/0/0").code());
            assertEquals(404, client.get("/api/collections/nowhere/tiles/WebMercatorQuad/0/0/0").code());
        });
    }

    @Test
    void badParametersAreRefused() {
        withServer(STORE, (server, client) -> {
            ApiTestSupport.assertBadRequest(client.get(TILES + "a/0/0"), "tileMatrix");
            ApiTestSupport.assertBadRequest(client.get(TILES + "3/1.5/0"), "tileRow");
            ApiTestSupport.assertBadRequest(client.get(TILES + "3/0/0?limit=5"), "limit");
            ApiTestSupport.assertBadRequest(client.get(TILES + "3/0/0?bbox=1,2,3,4"), "bbox");
            ApiTestSupport.assertBadRequest(client.get(TILES + "3/0/0?category=nonsense"), "category");
            ApiTestSupport.assertBadRequest(client.get(TILES + "3/0/0?f=xml"), "'f'");
            ApiTestSupport.assertBadRequest(client.get(TILES + "3/0/0?filter=" + Http.encode("nosuch = 1")), "nosuch");
        });
    }

    @Test
    void aTileIsGeoJsonWithAStrongEtagAnswered304WhenUnchanged() {
        withServer(STORE, (server, client) -> {
            var first = org.linfenatlas.testdata.RawHttp.send(client.getOrigin(), "GET", TILES + "8/100/207?f=json");
            assertEquals(200, first.statusCode());
            String type = first.headers().firstValue("Content-Type").orElse("");
            assertTrue(type.startsWith("application/geo+json"), type);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertTrue(etag.startsWith("\""), etag);
            assertEquals(304, org.linfenatlas.testdata.RawHttp.send(client.getOrigin(), "GET", TILES + "8/100/207?f=json",
                    "If-None-Match", etag).statusCode());
        });
    }

    @Test
    void anEmptyTileIsAnEmptyCollection() {
        withServer(STORE, (server, client) -> {
            JsonNode tile = get(client, TILES + "4/15/0");
            assertEquals("FeatureCollection", tile.path("type").asText());
            assertEquals(0, tile.path("features").size());
        });
    }

    /** The MVT of a tile decoded: each feature's id property with its count (1 for a feature), once per id. */
    private static Map<String, Long> mvtCounts(byte[] body) throws IOException {
        var mvt = io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader.loadMvt(new java.io.ByteArrayInputStream(body),
                new org.locationtech.jts.geom.GeometryFactory(), new io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter());
        Map<String, Long> counts = new java.util.TreeMap<>();
        if (body.length == 0) {
            return counts;
        }
        for (var g : mvt.getLayer("projects").getGeometries()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) g.getUserData();
            counts.put((String) p.get("id"), p.containsKey("count") ? ((Number) p.get("count")).longValue() : 1L);
        }
        return counts;
    }

    private static Map<String, Long> jsonCounts(JsonNode tile) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (JsonNode f : tile.path("features")) {
            counts.put(f.path("id").asText(), f.path("properties").path("count").asLong(1));
        }
        return counts;
    }

    @Test
    void mvtTilesHoldWhatGeoJsonTilesHold() {
        withServer(STORE, (server, client) -> {
            for (String tile : List.of("8/100/207", "12/1607/3316", "16/25717/53069")) {
                for (String selection : List.of("", "&category=energy")) {
                    var mvt = org.linfenatlas.testdata.RawHttp.send(client.getOrigin(), "GET", TILES + tile + "?f=mvt" + selection);
                    assertEquals(200, mvt.statusCode());
                    assertEquals(TileMvt.MEDIA_TYPE, mvt.headers().firstValue("Content-Type").orElse(""));
                    try {
                        assertEquals(jsonCounts(get(client, TILES + tile + "?f=json" + selection)), mvtCounts(mvt.body()), tile + selection);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        });
    }

    @Test
    void theAcceptHeaderChoosesTheFormatWithoutF() {
        withServer(STORE, (server, client) -> {
            var mvt = org.linfenatlas.testdata.RawHttp.send(client.getOrigin(), "GET", TILES + "8/100/207",
                    "Accept", "application/vnd.mapbox-vector-tile");
            assertEquals(TileMvt.MEDIA_TYPE, mvt.headers().firstValue("Content-Type").orElse(""));
            var json = org.linfenatlas.testdata.RawHttp.send(client.getOrigin(), "GET", TILES + "8/100/207", "Accept", "*/*");
            assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith(Http.GEOJSON));
            assertTrue(json.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")), json.headers().toString());
        });
    }

    @Test
    void anEmptyMvtTileIsAnEmptyBody() {
        withServer(STORE, (server, client) -> {
            var mvt = org.linfenatlas.testdata.RawHttp.send(client.getOrigin(), "GET", TILES + "4/15/0?f=mvt");
            assertEquals(200, mvt.statusCode());
            assertEquals(0, mvt.body().length);
        });
    }
}
