package org.linfenatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linfenatlas.AtlasServer;
import org.linfenatlas.index.IndexedStore;
import org.linfenatlas.testdata.TestLayers;

/** /api/stats takes the projects' selection parameters of items: its total is the items' numberMatched. */
class StatsParametersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void statsOfTheSelectionItemsMatch() {
        JavalinTest.test(AtlasServer.create(IndexedStore.of(TestLayers.byId(TestLayers.withSyntheticProjects(300, 5))),
                Map.of("baseLayers", List.of())), (server, client) -> {
            try {
                long all = JSON.readTree(client.get("/api/stats").body().string()).path("total").asLong();
                for (String selection : List.of("category=energy", "county=吉县", "belt=yellow&status=plan,build",
                        "q=guangfu", "bbox=111.0,35.5,112.0,36.5&kind=point", "precision=site&stage=construction")) {
                    String query = selection.replace("吉县", Http.encode("吉县"));
                    JsonNode stats = JSON.readTree(client.get("/api/stats?" + query).body().string());
                    long matched = JSON.readTree(client.get("/api/collections/projects/items?limit=1&" + query).body().string())
                            .path("numberMatched").asLong();
                    assertEquals(matched, stats.path("total").asLong(), selection);
                    assertTrue(matched < all, selection + " selects fewer than all");
                }
                assertEquals(400, client.get("/api/stats?limit=5").code());
                assertEquals(400, client.get("/api/stats?category=nonsense").code());
                assertEquals(400, client.get("/api/stats?f=csv").code());
                assertEquals(200, client.get("/api/stats?f=json&category=energy").code());
                assertTrue(client.get("/api/openapi").body().string().contains("of the projects the parameters select"));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
    }
}
