package org.linfenatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linfenatlas.AtlasServer;
import org.linfenatlas.index.IndexedStore;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.model.Layers;
import org.linfenatlas.testdata.TestLayers;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * bbox across the antimeridian over HTTP, down to the in-memory index (the store contract holds the PostGIS
 * read paths to the same answers): the real Linfen layers plus one project either side of the antimeridian.
 */
class AntimeridianBboxTest {
    private static final GeometryFactory G = new GeometryFactory();

    @Test
    void bboxAcrossTheAntimeridianFindsTheFeaturesOnEitherSideAndNoneOfLinfen() {
        withServer(client -> {
            for (String accept : List.of("gzip", "identity")) { // the fast path's page, whichever form it is sent in
                var response = accept.equals("gzip") // the client asks for gzip itself, and unpacks it
                        ? client.get("/api/collections/projects/items?bbox=177,65,-177,70")
                        : client.get("/api/collections/projects/items?bbox=177,65,-177,70", r -> r.header("Accept-Encoding", accept));
                assertEquals(200, response.code());
                JsonNode body = ApiTestSupport.json(response);
                assertEquals(List.of("zz-east", "zz-west"), ids(body));
                assertEquals(2, body.path("numberMatched").asInt());
            }
            for (String layer : List.of("counties", "belts", "rivers")) {
                assertEquals(0, ApiTestSupport.json(client.get("/api/collections/" + layer + "/items?bbox=177,65,-177,70"))
                        .path("numberMatched").asInt(), layer);
            }
        });
    }

    @Test
    void bboxAroundLinfenDoesNotFindTheFeaturesNearTheAntimeridian() {
        withServer(client -> {
            JsonNode body = ApiTestSupport.json(client.get("/api/collections/projects/items?bbox=110,35,113,37.5&limit=10000"));
            assertFalse(ids(body).isEmpty());
            assertFalse(ids(body).contains("zz-east") || ids(body).contains("zz-west"), ids(body).toString());
        });
    }

    private static List<String> ids(JsonNode collection) {
        List<String> ids = new ArrayList<>();
        collection.path("features").forEach(f -> ids.add(f.path("id").asText()));
        return ids;
    }

    private static void withServer(java.util.function.Consumer<io.javalin.testtools.HttpClient> test) {
        Map<LayerSpec, List<Feature>> layers = new LinkedHashMap<>(TestLayers.withSyntheticProjects(50, 7));
        List<Feature> projects = new ArrayList<>(layers.get(Layers.PROJECTS_SPEC));
        Map<String, Object> properties = projects.get(0).properties();
        projects.add(new Feature("zz-east", G.createPoint(new Coordinate(179.5, 66.0)), properties));
        projects.add(new Feature("zz-west", G.createPoint(new Coordinate(-178.2, 68.5)), properties));
        layers.put(Layers.PROJECTS_SPEC, projects);
        JavalinTest.test(AtlasServer.create(IndexedStore.of(TestLayers.byId(layers)), Map.of("baseLayers", List.of())),
                (server, client) -> test.accept(client));
    }
}
