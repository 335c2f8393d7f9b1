package org.linfenatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.Layers;
import org.linfenatlas.store.GisDataSeed;
import org.linfenatlas.testdata.TestLayers;
import org.linfenatlas.tiles.ZoomLevelGeometry;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/** OGC API – Features Part 7: items and a feature with zoom-level come with geometries simplified for that zoom. */
class ZoomLevelTest extends ApiTestSupport {
    private static final String COUNTIES = "/api/collections/counties/items";
    private static final String RIVERS = "/api/collections/rivers/items";

    /** The fake store with the committed counties and rivers in place of its two points. */
    private void withLayers(java.util.function.BiConsumer<FakeStore, Client> test) {
        withServer((store, client) -> {
            try {
                GisDataSeed seed = new GisDataSeed(TestLayers.gisDataDir());
                store.layers.put(Layers.COUNTIES, new ArrayList<>(seed.read(Layers.COUNTIES_SPEC)));
                store.layers.put(Layers.RIVERS, new ArrayList<>(seed.read(Layers.RIVERS_SPEC)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            test.accept(store, client);
        });
    }

    private static Map<String, Geometry> geometries(JsonNode collection) {
        Map<String, Geometry> out = new HashMap<>();
        GeoJsonReader reader = new GeoJsonReader();
        collection.path("features").forEach(f -> {
            try {
                out.put(f.path("id").asText(), reader.read(f.path("geometry").toString()));
            } catch (org.locationtech.jts.io.ParseException e) {
                throw new AssertionError(e);
            }
        });
        return out;
    }

    private static int vertices(Map<String, Geometry> geometries) {
        return geometries.values().stream().mapToInt(Geometry::getNumPoints).sum();
    }

    @Test
    void countiesAtALowZoomHaveFewerVerticesAndStillTileTheCityWithoutGapsOrOverlaps() {
        withLayers((store, client) -> {
            Map<String, Geometry> exact = geometries(json(client.get(COUNTIES + "?limit=100")));
            Map<String, Geometry> simple = geometries(json(client.get(COUNTIES + "?limit=100&zoom-level=8")));
            assertEquals(exact.keySet(), simple.keySet());
            assertTrue(vertices(simple) < vertices(exact) * 0.7, vertices(simple) + " of " + vertices(exact) + " vertices");
            assertTrue(CoverageValidator.isValid(simple.values().toArray(Geometry[]::new)), "a valid coverage");
            simple.forEach((id, g) -> assertEquals(exact.get(id).getDimension(), g.getDimension(), id));
        });
    }

    @Test
    void noVertexOfALineMovesByMoreThanHalfAPixelOfTheZoom() {
        withLayers((store, client) -> {
            Map<String, Geometry> exact = geometries(json(client.get(RIVERS + "?limit=100")));
            Map<String, Geometry> simple = geometries(json(client.get(RIVERS + "?limit=100&zoom-level=9.3")));
            assertTrue(vertices(simple) < vertices(exact), vertices(simple) + " of " + vertices(exact) + " vertices");
            simple.forEach((id, g) -> {
                double tolerance = ZoomLevelGeometry.tolerance(10, exact.get(id).getEnvelopeInternal());
                double off = DiscreteHausdorffDistance.distance(exact.get(id), g);
                assertTrue(off <= tolerance * 1.0001, id + " is off by " + off + ", more than " + tolerance);
                assertEquals(exact.get(id).getGeometryType(), g.getGeometryType(), id);
            });
        });
    }

    @Test
    void pastTheLastZoomOfTheScaleNoVertexMovesByMoreThanACentimetre() {
        withLayers((store, client) -> {
            Map<String, Geometry> exact = geometries(json(client.get(COUNTIES + "?limit=100")));
            geometries(json(client.get(COUNTIES + "?limit=100&zoom-level=30"))).forEach((id, g) ->
                    assertTrue(DiscreteHausdorffDistance.distance(exact.get(id), g) < 1e-7, id));
        });
    }

    @Test
    void pointsAndPropertiesAreAsWithoutAZoomLevel() {
        withServer((store, client) -> {
            JsonNode exact = json(client.get("/api/collections/projects/items?limit=5")).path("features");
            JsonNode simple = json(client.get("/api/collections/projects/items?limit=5&zoom-level=3")).path("features");
            assertEquals(exact, simple);
        });
    }

    @Test
    void aFeatureAtAZoomLevelIsSimplifiedAndHasItsOwnTag() {
        withLayers((store, client) -> {
            String id = store.layers.get(Layers.COUNTIES).get(0).id();
            var exact = client.get(COUNTIES + "/" + id);
            var simple = client.get(COUNTIES + "/" + id + "?zoom-level=7");
            assertTrue(geometries(JSON.createObjectNode().set("features", JSON.createArrayNode().add(json(simple))))
                    .get(id).getNumPoints() < store.layers.get(Layers.COUNTIES).get(0).geometry().getNumPoints());
            String tag = simple.headers().get("ETag").get(0);
            assertNotEquals(exact.headers().get("ETag").get(0), tag);
            assertTrue(tag.endsWith("-z7\""), tag);
        });
    }

    @Test
    void aZoomLevelThatIsNotANumberOfZeroOrMoreIsRefused() {
        withServer((store, client) -> {
            for (String bad : List.of("-1", "abc", "1e3", "NaN", "", "8,9")) {
                assertBadRequest(client.get(COUNTIES + "?zoom-level=" + bad), "zoom-level");
            }
        });
    }

    @Test
    void downloadsAndTilesRefuseAZoomLevel() {
        withServer((store, client) -> {
            assertBadRequest(client.get("/api/collections/projects/items?f=csv&zoom-level=8"), "zoom-level");
            assertBadRequest(client.get("/api/collections/projects/tiles/WebMercatorQuad/8/100/207?f=json&zoom-level=8"), "zoom-level");
        });
    }

    @Test
    void conformanceAndOpenApiDeclareTheParameter() {
        withServer((store, client) -> {
            String conformance = json(client.get("/api/conformance")).path("conformsTo").toString();
            assertTrue(conformance.contains("ogcapi-features-7/1.0/conf/zoom-level\""), conformance);
            assertTrue(conformance.contains("ogcapi-features-7/1.0/conf/zoom-level-features\""), conformance);
            JsonNode api = json(client.get("/api/openapi"));
            JsonNode param = api.at("/components/parameters/zoom-level");
            assertEquals("number", param.at("/schema/type").asText());
            assertEquals(0, param.at("/schema/minimum").asInt());
            for (String path : List.of("/collections/counties/items", "/collections/counties/items/{featureId}")) {
                assertTrue(api.path("paths").path(path).path("get").path("parameters").toString()
                        .contains("#/components/parameters/zoom-level"), path);
            }
        });
    }

    @Test
    void aChangedCountyIsSimplifiedAnewAtTheNextRevision() {
        withLayers((store, client) -> {
            String url = COUNTIES + "?limit=100&zoom-level=8";
            Map<String, Geometry> before = geometries(json(client.get(url)));
            List<Feature> counties = store.layers.get(Layers.COUNTIES);
            Feature first = counties.get(0);
            counties.set(0, new Feature(first.id(), first.geometry().buffer(-0.05), first.properties(), first.version() + 1));
            store.revision = "r2";
            Map<String, Geometry> after = geometries(json(client.get(url)));
            assertTrue(after.get(first.id()).getArea() < before.get(first.id()).getArea() * 0.95, "the new, smaller county");
        });
    }
}
