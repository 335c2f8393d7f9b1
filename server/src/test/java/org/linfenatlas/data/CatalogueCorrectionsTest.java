package org.linfenatlas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linfenatlas.data.GisDataFiles.GisFeature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Issue #14: projects placed at the places their plans name, and the corrections of an independent reading of
 * the catalogue, one assertion each, so that a rebuild that loses one fails.
 */
class CatalogueCorrectionsTest {
  private final List<GisFeature> projects = GisDataFiles.load("projects.geojson");
  private final List<GisFeature> places = GisDataFiles.load("places.geojson");
  private final Map<String, GisFeature> byId = new LinkedHashMap<>();

  CatalogueCorrectionsTest() {
    projects.forEach(p -> byId.put(p.id(), p));
  }

  private GisFeature project(String id) {
    GisFeature p = byId.get(id);
    assertTrue(p != null, "no project " + id);
    return p;
  }

  private GisFeature place(String name) {
    return GisDataFiles.byProperty(places, "name", name).orElseThrow(() -> new AssertionError("no place " + name));
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(GisFeature f, String key) {
    return (List<String>) f.properties().get(key);
  }

  /** Project → the place of the places layer its plan names; the project's point is that place's point. */
  static final Map<String, String> PLACED_AT = Map.ofEntries(
      Map.entry("culture-taosi-site", "陶寺乡"),
      Map.entry("culture-zuichu-taosi-camp", "陶寺乡"),
      Map.entry("culture-qucun-tianma-park", "曲村镇"),
      Map.entry("culture-zuichu-fencheng-camp", "汾城镇"),
      Map.entry("urban-003-laocheng-district-renewal", "临汾市区"),
      Map.entry("transport-bypass-g108-xiangfen", "新城镇"),
      Map.entry("transport-bypass-g108-quwo", "乐昌镇"),
      Map.entry("transport-bypass-g108-houma", "侯马市区"),
      Map.entry("transport-bypass-g108-huozhou", "霍州市区"),
      Map.entry("transport-bypass-g108-hongtong", "大槐树镇"),
      Map.entry("transport-bypass-g108-yaodu", "临汾市区"),
      Map.entry("transport-bypass-g209-xixian", "龙泉镇"),
      Map.entry("transport-bypass-g209-jixian", "吉昌镇"),
      Map.entry("transport-bypass-g209-xiangning", "昌宁镇"),
      Map.entry("transport-bypass-g309-anze", "府城镇"),
      Map.entry("transport-bypass-g309-yaodu", "临汾市区"),
      Map.entry("transport-bypass-g309-jixian", "吉昌镇"),
      Map.entry("transport-bypass-g241-yicheng", "唐兴镇"),
      Map.entry("transport-bypass-g341-guxian", "岳阳镇"),
      Map.entry("transport-bypass-g520-puxian", "蒲城镇"),
      Map.entry("transport-bypass-g520-daning", "昕水镇"),
      Map.entry("transport-bypass-s248-yonghe", "芝河镇"));

  @Test
  void projectsAreAtThePlacesTheirPlansName() {
    PLACED_AT.forEach((id, name) -> {
      GisFeature p = project(id);
      assertTrue(p.geometry().equalsExact(place(name).geometry(), 1e-9), id + " is not at " + name);
      assertTrue(Set.of("landmark", "town").contains(p.property("precision")), id + " precision " + p.property("precision"));
      assertTrue(p.property("place_basis").contains(name), id + ": place_basis does not name " + name);
    });
  }

  /**
   * Every project whose name contains the name of a town or township with a position (陶寺, 曲村, 汾城 …) is placed
   * at it: a new record naming such a place fails here until it is placed or added to the exceptions with a reason.
   */
  @Test
  void everyProjectNamingATownWithAPositionIsPlacedAtIt() {
    Map<String, String> exceptions = Map.of(
        "culture-zuichu-zhongguo-study-hub", "names three camps (汾城, 陶寺, 丁村), not one place");
    List<String> unplaced = new ArrayList<>();
    for (GisFeature town : places) {
      if (town.geometry().isEmpty() || !Set.of("town", "township").contains(town.property("kind"))) {
        continue;
      }
      List<String> names = new ArrayList<>(list(town, "aliases"));
      names.add(town.property("name"));
      for (GisFeature p : projects) {
        String text = p.property("name") + " " + String.join(" ", list(p, "aliases"));
        boolean named = names.stream().anyMatch(n -> n.length() >= 2 && text.contains(n));
        if (named && !exceptions.containsKey(p.id()) && !p.geometry().equalsExact(town.geometry(), 1e-9)) {
          unplaced.add(p.id() + " names " + town.property("name"));
        }
      }
    }
    assertEquals(List.of(), unplaced);
  }

  @Test
  void theHexiDistrictLiesWestOfTheFenAndTheFifthWastewaterPlantEastOfIt() {
    Geometry fen = GisDataFiles.byProperty(GisDataFiles.load("rivers.geojson"), "name", "汾河").orElseThrow().geometry();
    Coordinate hexi = project("urban-003-hexi-district-renewal").geometry().getCoordinate();
    Coordinate plant = project("ecology-linfen-fifth-wwtp").geometry().getCoordinate();
    assertTrue(hexi.x < riverLongitudeAt(fen, hexi.y), "河西片区 must lie west of the Fen");
    assertTrue(plant.x > riverLongitudeAt(fen, plant.y), "the fifth wastewater plant lies east of the Fen dyke");
    assertTrue(plant.y < place("临汾市区").geometry().getCoordinate().y, "… and south of the city centre (尧庙镇)");
  }

  private static double riverLongitudeAt(Geometry river, double lat) {
    Coordinate[] c = river.getCoordinates();
    for (int i = 1; i < c.length; i++) {
      if ((c[i - 1].y - lat) * (c[i].y - lat) <= 0 && c[i - 1].y != c[i].y) {
        return c[i - 1].x + (c[i].x - c[i - 1].x) * (lat - c[i - 1].y) / (c[i].y - c[i - 1].y);
      }
    }
    throw new AssertionError("the river does not reach " + lat);
  }

  @Test
  void theAirportAndLandPortPlannedWithYunchengHaveNoSiteInLinfen() {
    for (String id : List.of("transport-003-regional-intl-airport-cargo-hub", "logistics-003-yellow-river-triangle-land-port")) {
      assertTrue(project(id).geometry().isEmpty() && list(project(id), "counties").isEmpty(), id + " is placed");
    }
  }

  @Test
  void theTenProductClustersAreNotPlaces() {
    List<GisFeature> clusters = projects.stream().filter(p -> "agriculture-processing-clusters".equals(p.property("parent"))).toList();
    assertEquals(10, clusters.size());
    clusters.forEach(c -> assertTrue("none".equals(c.property("kind")) && c.geometry().isEmpty(), c.id()));
  }

  @Test
  void bundlesListTheCountiesTheirSentenceNames() {
    assertEquals(List.of("蒲县", "洪洞县", "浮山县"), list(project("transport-coal-collection-stations"), "counties"));
    assertEquals(List.of("永和县", "安泽县", "侯马市", "大宁县", "吉县"), list(project("energy-gas-pipelines"), "counties"));
    assertEquals(List.of("洪洞县", "霍州市", "大宁县"), list(project("newinfra-linfen-smart-city"), "counties"));
  }

  @Test
  void countiesFromOutsideKnowledgeSaySo() {
    for (String id : List.of("culture-jin-state-museum", "energy-pipeline-yonghe-anze", "manufacturing-jiade-emerging-industry-park",
        "ecology-guxian-water-control-hub")) {
      assertEquals("inferred", project(id).property("counties_basis"), id);
    }
  }

  @Test
  void statusFollowsTheWording() {
    assertEquals("build", project("energy-yonghe-gas-storage").property("status"), "专栏2 建设…储气库; 003 加快推进…建设");
    assertEquals("upgrade", project("logistics-fanglue-bonded-logistics-center").property("status"), "提升…集聚能力");
    assertEquals("upgrade", project("ecology-wulushan-nature-reserve").property("status"), "强化…建设");
  }

  @Test
  void itemsTheTextKeepsApartAreNotMerged() {
    assertFalse(list(project("agriculture-quwo-smart-fruit-vegetable-zone"), "aliases").contains("黄河金三角智慧菜谷"));
    assertTrue(byId.containsKey("agriculture-golden-triangle-smart-vegetable-valley"));
    assertTrue(byId.containsKey("logistics-003-houma-fanglue-logistics-park"), "侯马方略综合物流园区 is not the port base");
    assertFalse(list(project("transport-g108-realignment"), "aliases").contains("国道108线"));
    assertTrue(byId.containsKey("transport-003-g108"));
    assertFalse(list(project("innovation-shanxi-zhichuangcheng-15"), "aliases").contains("临汾市智创城"));
  }

  @Test
  void missingItemsAreThere() {
    for (String id : List.of("culture-regional-tourism-routes", "culture-tourism-integration-projects", "culture-county-major-projects",
        "logistics-golden-triangle-spot-exchange", "energy-zhengluoxi-energy-corridor", "logistics-china-europe-railway-express")) {
      assertTrue(byId.containsKey(id), id);
    }
    assertEquals("culture-regional-tourism-routes", project("culture-route-yellow-river-customs").property("parent"));
    assertEquals("culture-tourism-integration-projects", project("culture-yunqiushan").property("parent"));
    assertEquals("culture-county-major-projects", project("culture-qucun-tianma-park").property("parent"));
  }

  @Test
  void linesListOnlyCountiesTheyCross() {
    assertFalse(list(project("transport-changlin-expressway"), "counties").contains("浮山县"));
    assertFalse(list(project("transport-warri-railway"), "counties").contains("浮山县"));
    for (String id : List.of("transport-g108-realignment", "transport-g341-realignment", "transport-g309-realignment")) {
      assertTrue(project(id).geometry().isEmpty(), id + ": the plan does not locate the 改线 works");
    }
  }

  @Test
  void everyStatedInvestmentCounts() {
    double total = 0;
    int stating = 0;
    for (GisFeature p : projects) {
      Map<?, ?> figures = (Map<?, ?>) p.properties().get("figures");
      for (Object key : figures.keySet()) {
        assertTrue(!key.toString().contains("investment") || key.equals("investment_yi_yuan"),
            p.id() + ": an investment the statistics would miss: " + key);
      }
      if (figures.get("investment_yi_yuan") instanceof Number n) {
        total += n.doubleValue();
        stating++;
      }
    }
    assertEquals(10.0, ((Number) ((Map<?, ?>) project("innovation-uxsino-xinchuang-park").properties().get("figures")).get("investment_yi_yuan")).doubleValue());
    assertEquals(70.0, total, 1e-9, "60 (洪洞航空经济区) + 10 (优炫, first phase)");
    assertEquals(2, stating);
  }
}
