package org.linfenatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linfenatlas.model.Layers;

/** Cached tiles are keyed by the collection's revision: a change of the projects is in the next tile at once. */
class TileRevisionTest extends ApiTestSupport {
    private static final String WORLD = "/api/collections/projects/tiles/WebMercatorQuad/0/0/0?f=json";

    @Test
    void aChangeOfTheProjectsIsInTheNextTile() {
        withServer((store, client) -> {
            var before = client.get(WORLD);
            List<String> etag = before.headers().get("ETag");
            assertEquals(25, json(before).path("features").get(0).path("properties").path("count").asInt());
            store.layers.get(Layers.PROJECTS).add(FakeStore.point("p-new", 111.1, 36.1, Map.of("name", "新", "category", "energy",
                    "counties", List.of("尧都区"))));
            store.revision = "r2";
            var after = client.get(WORLD);
            assertEquals(26, json(after).path("features").get(0).path("properties").path("count").asInt());
            assertNotEquals(etag, after.headers().get("ETag"));
        });
    }
}
