package org.linfenatlas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.linfenatlas.store.GisDataSeed;

/** The committed gis-data as the API serves it: projects without geometry, the places layer, the investment count. */
class GisDataApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static IndexedStore store() {
    GisDataSeed seed = new GisDataSeed(GisDataFiles.dir());
    Map<String, List<Feature>> layers = new LinkedHashMap<>();
    try {
      for (LayerSpec spec : Layers.STORED) {
        layers.put(spec.id(), seed.read(spec));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return IndexedStore.of(layers);
  }

  private static JsonNode get(io.javalin.testtools.HttpClient client, String path) {
    try {
      var response = client.get(path);
      assertEquals(200, response.code(), path);
      return JSON.readTree(response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long nullGeometriesInFile() {
    return GisDataFiles.load("projects.geojson").stream().filter(p -> p.geometry().isEmpty()).count();
  }

  @Test
  void projectsWithoutGeometryAreListedAndServedButMeetNoBbox() {
    JavalinTest.test(AtlasServer.create(store(), Map.of("baseLayers", List.of())), (server, client) -> {
      JsonNode unplaced = get(client, "/api/collections/projects/items?precision=none&limit=1000");
      assertEquals(nullGeometriesInFile(), unplaced.path("numberMatched").asLong());
      assertTrue(unplaced.path("numberMatched").asLong() >= 20);
      unplaced.path("features").forEach(f -> assertTrue(f.has("geometry") && f.get("geometry").isNull(), f.path("id").asText()));

      JsonNode all = get(client, "/api/collections/projects/items?limit=10000");
      assertEquals(GisDataFiles.load("projects.geojson").size(), all.path("numberMatched").asLong(), "listed with the others");
      JsonNode everywhere = get(client, "/api/collections/projects/items?bbox=100,30,120,40&limit=10000");
      assertEquals(all.path("numberMatched").asLong() - nullGeometriesInFile(), everywhere.path("numberMatched").asLong(),
          "a bbox over everything matches every project but those without geometry");

      JsonNode cluster = get(client, "/api/collections/projects/items/agriculture-cluster-cosmetics");
      assertTrue(cluster.get("geometry").isNull());
      assertEquals("none", cluster.path("properties").path("kind").asText());
      JsonNode found = get(client, "/api/collections/projects/items?q=" + enc("化妆品集群"));
      assertTrue(found.path("numberMatched").asLong() >= 1, "found by search");
    });
  }

  @Test
  void placesAreACollectionFoundInChineseAndPinyin() {
    JavalinTest.test(AtlasServer.create(store(), Map.of("baseLayers", List.of())), (server, client) -> {
      JsonNode collection = get(client, "/api/collections/places");
      assertTrue(collection.path("attribution").asText().contains("GeoNames"), "credits GeoNames");
      assertEquals(List.of("龙马乡"), names(get(client, "/api/collections/places/items?q=" + enc("龙马"))));
      assertEquals(List.of("陶寺乡"), names(get(client, "/api/collections/places/items?q=taosi")));
      JsonNode seats = get(client, "/api/collections/places/items?place_kind=county_seat");
      assertEquals(17, seats.path("numberMatched").asInt());
      JsonNode xiangfen = get(client, "/api/collections/places/items?county=" + enc("襄汾县") + "&limit=100");
      xiangfen.path("features").forEach(f -> assertEquals("襄汾县", f.path("properties").path("county").asText()));
    });
  }

  @Test
  void statsSayHowManyProjectsStateAnInvestment() {
    JavalinTest.test(AtlasServer.create(store(), Map.of("baseLayers", List.of())), (server, client) -> {
      JsonNode stats = get(client, "/api/stats");
      assertEquals(70.0, stats.path("investment_yi_yuan").asDouble(), 1e-9);
      assertEquals(2, stats.path("investment_count").asInt());
    });
  }

  private static List<String> names(JsonNode page) {
    List<String> names = new ArrayList<>();
    page.path("features").forEach(f -> names.add(f.path("properties").path("name").asText()));
    return names;
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
