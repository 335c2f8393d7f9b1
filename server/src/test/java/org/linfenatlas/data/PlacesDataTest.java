package org.linfenatlas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.linfenatlas.data.GisDataFiles.GisFeature;
import org.locationtech.jts.geom.Coordinate;

/** Checks gis-data/places.geojson, the gazetteer of county seats and townships. */
class PlacesDataTest {
  static final List<String> PROPERTY_ORDER = List.of("name", "name_en", "pinyin", "aliases", "county", "kind",
      "division_code", "geonames_id", "source");
  static final Set<String> KINDS = Set.of("county_seat", "town", "township", "subdistrict");
  private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");
  private static final Pattern LATIN_WORDS = Pattern.compile("[A-Za-z]{3,}( [A-Za-z]+){3,}");

  private final List<GisFeature> places = GisDataFiles.load("places.geojson");
  private final Map<String, GisFeature> counties = new HashMap<>();

  PlacesDataTest() {
    GisDataFiles.load("counties.geojson").forEach(c -> counties.put(c.property("name"), c));
  }

  @Test
  void countsAsBuilt() {
    assertEquals(142, places.size());
    assertEquals(39, places.stream().filter(p -> !p.geometry().isEmpty()).count(), "places with a position");
    assertEquals(137, places.stream().filter(p -> Set.of("town", "township").contains(p.property("kind"))
        || p.property("division_code") != null && p.property("name").matches(".*[乡镇]")).count(),
        "every 乡镇 of the division list");
  }

  @Test
  void propertiesIdsKindsAndCounties() {
    List<String> ids = new ArrayList<>();
    Set<String> countyAndName = new HashSet<>();
    for (GisFeature p : places) {
      ids.add(p.id());
      assertEquals(PROPERTY_ORDER, List.copyOf(p.properties().keySet()), p.id());
      assertTrue(KINDS.contains(p.property("kind")), p.id() + " kind " + p.property("kind"));
      assertTrue(counties.containsKey(p.property("county")), p.id() + " county " + p.property("county"));
      assertTrue(countyAndName.add(p.property("county") + p.property("name")), p.id() + " named twice in its county");
      String source = p.property("source");
      assertTrue(CJK.matcher(source).find() && LATIN_WORDS.matcher(source).find(), p.id() + ": source in Chinese and English");
      assertTrue(!source.contains(".geojson"), p.id() + ": source names a file");
      Object aliases = p.properties().get("aliases");
      assertTrue(aliases instanceof List<?> l && l.stream().noneMatch(counties::containsKey), p.id() + ": an alias is a county name");
      if (p.property("division_code") != null) {
        assertEquals(p.id(), p.property("division_code"));
        assertTrue(p.id().startsWith(counties.get(p.property("county")).property("adcode")), p.id() + " code of another county");
      }
    }
    assertEquals(ids.stream().sorted().toList(), ids, "sorted by id");
    assertEquals(ids.size(), Set.copyOf(ids).size(), "unique ids");
  }

  @Test
  void oneSeatWithAPositionPerCounty() {
    Map<String, Integer> seats = new HashMap<>();
    for (GisFeature p : places) {
      if ("county_seat".equals(p.property("kind"))) {
        assertTrue(!p.geometry().isEmpty(), p.id() + ": a seat without a position");
        seats.merge(p.property("county"), 1, Integer::sum);
      }
    }
    assertEquals(counties.keySet(), seats.keySet());
    seats.forEach((county, n) -> assertEquals(1, n, county + " seats"));
  }

  @Test
  void positionsLieInTheirCountyWithSixDecimalsAtMost() {
    for (GisFeature p : places) {
      if (p.geometry().isEmpty()) {
        assertNull(p.properties().get("geonames_id"), p.id() + ": a GeoNames id without a position");
        continue;
      }
      assertEquals("Point", p.geometry().getGeometryType(), p.id());
      assertTrue(counties.get(p.property("county")).geometry().covers(p.geometry()),
          p.id() + " " + p.property("name") + " does not lie in " + p.property("county"));
      Coordinate c = p.geometry().getCoordinate();
      assertTrue(new BigDecimal(Double.toString(c.x)).scale() <= 6 && new BigDecimal(Double.toString(c.y)).scale() <= 6, p.id());
      assertTrue(p.properties().get("geonames_id") != null || p.id().startsWith("seat-"), p.id() + ": position without a source id");
    }
  }

  @Test
  void namesThePlansUseAreThere() {
    Map<String, String> countyOf = Map.of("陶寺乡", "襄汾县", "曲村镇", "曲沃县", "襄陵镇", "襄汾县", "赵康镇", "襄汾县",
        "龙马乡", "洪洞县", "堤村乡", "洪洞县", "旧县镇", "古县", "唐城镇", "安泽县", "北王镇", "浮山县", "台头镇", "乡宁县");
    countyOf.forEach((name, county) -> {
      GisFeature p = GisDataFiles.byProperty(places, "name", name).orElse(null);
      assertNotNull(p, name);
      assertEquals(county, p.property("county"), name);
    });
    assertTrue(!GisDataFiles.byProperty(places, "name", "陶寺乡").orElseThrow().geometry().isEmpty(), "陶寺 has a position");
    assertTrue(GisDataFiles.byProperty(places, "name", "龙马乡").orElseThrow().geometry().isEmpty(), "GeoNames has no 龙马");
  }

  @Test
  void creditsGeoNames() throws IOException {
    JsonNode root = new ObjectMapper().readTree(Files.readString(GisDataFiles.dir().resolve("places.geojson")));
    assertTrue(root.path("attribution").asText().contains("GeoNames") && root.path("attribution").asText().contains("CC BY 4.0"));
    for (String member : List.of("source", "datum", "precision")) {
      assertTrue(!root.path(member).asText().isBlank(), member);
    }
  }
}
