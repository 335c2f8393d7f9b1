package org.linfenatlas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.linfenatlas.data.GisDataFiles.GisFeature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.linfenatlas.model.Vocabulary;
import org.locationtech.jts.operation.valid.IsValidOp;

/** Checks gis-data/projects.geojson, the catalogue of mappable projects of the two plans. */
class ProjectsCatalogueTest {

  private static final List<String> PROPERTY_ORDER = List.of("id", "name", "name_en", "aliases", "category",
      "counties", "counties_basis", "belts", "kind", "status", "figures", "source", "summary_zh", "summary_en", "precision", "parent",
      "place_basis");
  private static final Set<String> CATEGORIES = Set.copyOf(Vocabulary.CATEGORIES);
  private static final Set<String> STATUSES = Set.copyOf(Vocabulary.STATUSES);
  private static final Set<String> PRECISIONS = Set.copyOf(Vocabulary.PRECISIONS);
  private static final List<String> BELT_ORDER = Vocabulary.BELTS;
  private static final Map<String, Set<String>> GEOMETRY_TYPES_BY_KIND = Map.of(
      "none", Set.of(),
      "point", Set.of("Point"),
      "line", Set.of("LineString", "MultiLineString"),
      "area", Set.of("Polygon", "MultiPolygon"));
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  /** The document in words, Chinese then English: 《…规划》专栏10“…”。Linfen … Plan …: column 10 (…). */
  private static final Pattern SOURCE = Pattern.compile("《[^》]+》\\S.*。[A-Z].*\\.");
  private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");
  /** At least four latin words in a row: an English sentence. */
  private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]+(?:[ ,;:()'\"-]+[A-Za-z0-9]+){3,}");
  /** A file name, or the short codes the records use for the plans (000, 003). */
  private static final Pattern FILE_NAME = Pattern.compile("\\.(geojson|json|txt|mjs|csv)\\b|\\b00[03]\\b|gazetteer");
  private static final Set<String> COUNTIES_BASES = Set.copyOf(Vocabulary.COUNTIES_BASES);
  private static final Pattern FIGURE_KEY = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
  /** Features only known at city level are placed in the central urban area, which lies in this district. */
  private static final String CITY_ANCHOR = "尧都区";
  private static final double TOLERANCE_M = 100;
  /**
   * Lines drawn along the border river may leave the AMap county outline (a different survey of the same
   * border) by up to this much, as long as they follow the river line of rivers.geojson.
   */
  private static final double YELLOW_RIVER_TOLERANCE_M = 1_600;

  private final List<GisFeature> projects = GisDataFiles.load("projects.geojson");
  private final Map<String, GisFeature> counties = byName(GisDataFiles.load("counties.geojson"));
  private final GisFeature yellowRiver = GisDataFiles.byProperty(GisDataFiles.load("rivers.geojson"), "name", "黄河")
      .orElseThrow();

  @Test
  void catalogueIsNotEmptyAndCoversEveryBelt() {
    assertTrue(projects.size() >= 100, "only " + projects.size() + " features");
    Set<String> belts = new HashSet<>();
    projects.forEach(p -> belts.addAll(strings(p, "belts")));
    assertEquals(Set.copyOf(BELT_ORDER), belts);
  }

  @Test
  void everyFeatureHasTheSchemaProperties() {
    for (GisFeature p : projects) {
      String id = p.property("id");
      assertEquals(PROPERTY_ORDER, List.copyOf(p.properties().keySet()), id + ": property names or order");
      assertEquals(id, p.id(), "feature id must equal properties.id");
      assertTrue(ID.matcher(id).matches(), id + " is not a lowercase ascii id");
      for (String key : List.of("name", "name_en", "summary_zh", "summary_en", "place_basis")) {
        assertTrue(p.properties().get(key) instanceof String s && !s.isBlank(), id + ": " + key + " must be non-blank text");
      }
      assertTrue(SOURCE.matcher(p.property("source")).matches(), id + ": source in words, Chinese then English: " + p.property("source"));
      assertTrue(!FILE_NAME.matcher(p.property("source")).find(), id + ": source names a file or a code: " + p.property("source"));
      assertTrue(COUNTIES_BASES.contains(p.property("counties_basis")), id + ": counties_basis " + p.property("counties_basis"));
      strings(p, "aliases").forEach(a -> assertTrue(!a.isBlank() && !a.equals(p.property("name")), id + ": alias " + a));
      assertTrue(CATEGORIES.contains(p.property("category")), id + ": category " + p.property("category"));
      assertTrue(STATUSES.contains(p.property("status")), id + ": status " + p.property("status"));
      assertTrue(PRECISIONS.contains(p.property("precision")), id + ": precision " + p.property("precision"));
      assertTrue(GEOMETRY_TYPES_BY_KIND.containsKey(p.property("kind")), id + ": kind " + p.property("kind"));
      assertTrue(p.properties().get("parent") == null || p.properties().get("parent") instanceof String, id + ": parent");
      assertTrue(p.properties().get("figures") instanceof Map<?, ?>, id + ": figures must be an object");
      ((Map<?, ?>) p.properties().get("figures")).forEach((k, v) -> {
        assertTrue(FIGURE_KEY.matcher(k.toString()).matches(), id + ": figure key " + k);
        assertTrue(v instanceof Number, id + ": figure " + k + " must be a number");
      });
      strings(p, "counties").forEach(c -> assertTrue(counties.containsKey(c), id + ": unknown county " + c));
    }
  }

  @Test
  void idsAreUniqueAndSorted() {
    List<String> ids = projects.stream().map(GisFeature::id).toList();
    assertEquals(ids.stream().sorted().toList(), ids, "features must be sorted by id");
    assertEquals(ids.size(), Set.copyOf(ids).size(), "duplicate ids");
  }

  @Test
  void noTwoFeaturesShareANameOrAlias() {
    Map<String, String> owner = new HashMap<>();
    List<String> clashes = new ArrayList<>();
    for (GisFeature p : projects) {
      List<String> names = new ArrayList<>(strings(p, "aliases"));
      names.add(0, p.property("name"));
      for (String n : names) {
        String previous = owner.putIfAbsent(n, p.id());
        if (previous != null && !previous.equals(p.id())) {
          clashes.add(n + " (" + previous + ", " + p.id() + ")");
        }
      }
    }
    assertEquals(List.of(), clashes);
  }

  @Test
  void beltsAreDerivedFromTheCounties() {
    for (GisFeature p : projects) {
      Set<String> fromCounties = new HashSet<>();
      strings(p, "counties").forEach(c -> fromCounties.add(counties.get(c).property("belt")));
      List<String> expected = BELT_ORDER.stream().filter(fromCounties::contains).toList();
      assertEquals(expected, strings(p, "belts"), p.id() + " belts");
    }
  }

  @Test
  void noCountyOnlyAtPrecisionCityOrNone() {
    for (GisFeature p : projects) {
      boolean noCounty = strings(p, "counties").isEmpty();
      if ("city".equals(p.property("precision"))) {
        assertTrue(noCounty, p.id() + ": precision city names no county");
      }
      if (noCounty) {
        assertTrue(Set.of("city", "none").contains(p.property("precision")), p.id() + ": counties [] only at precision city or none");
      }
    }
  }

  @Test
  void noGeometryExactlyAtPrecisionNone() {
    for (GisFeature p : projects) {
      assertEquals("none".equals(p.property("precision")), p.geometry().isEmpty(), p.id() + ": geometry null exactly at precision none");
      if ("none".equals(p.property("kind"))) {
        assertEquals("none", p.property("precision"), p.id() + ": kind none (not a place) has no position");
      }
    }
  }

  @Test
  void placeBasisIsInChineseAndEnglishWithoutFileNames() {
    for (GisFeature p : projects) {
      String basis = p.property("place_basis");
      assertTrue(CJK.matcher(basis).find(), p.id() + ": place_basis without Chinese: " + basis);
      assertTrue(ENGLISH.matcher(basis).find(), p.id() + ": place_basis without English: " + basis);
      assertTrue(!FILE_NAME.matcher(basis).find(), p.id() + ": place_basis names a file: " + basis);
    }
  }

  /** name: every county is in the project's own name (by its short name, 尧都 for 尧都区). */
  @Test
  void countiesBasisNameMeansTheNameSaysIt() {
    for (GisFeature p : projects) {
      if ("name".equals(p.property("counties_basis"))) {
        for (String county : strings(p, "counties")) {
          String shortName = county.length() > 2 ? county.substring(0, county.length() - 1) : county;
          assertTrue(p.property("name").contains(shortName), p.id() + ": counties_basis name, but " + county + " is not in its name");
        }
      }
    }
  }

  @Test
  void schematicLinesCrossEveryCountyTheyList() {
    for (GisFeature p : projects) {
      if (!"line".equals(p.property("kind")) || p.geometry().isEmpty() || !"county".equals(p.property("precision"))) {
        continue;
      }
      Geometry line = GisGeometry.toLocalMetres(p.geometry());
      for (String county : strings(p, "counties")) {
        Geometry inner = GisGeometry.toLocalMetres(counties.get(county).geometry()).buffer(-TOLERANCE_M);
        assertTrue(inner.intersects(line), p.id() + " lists " + county + " but its line does not cross it");
      }
    }
  }

  @Test
  void parentsExistAndDoNotLoop() {
    Map<String, String> parentOf = new LinkedHashMap<>();
    projects.forEach(p -> parentOf.put(p.id(), p.property("parent")));
    for (String id : parentOf.keySet()) {
      Set<String> seen = new HashSet<>(Set.of(id));
      for (String parent = parentOf.get(id); parent != null; parent = parentOf.get(parent)) {
        assertTrue(parentOf.containsKey(parent), id + ": parent " + parent + " does not exist");
        assertTrue(seen.add(parent), id + ": parent chain loops at " + parent);
      }
    }
  }

  @Test
  void geometryTypeFitsKindAndIsValidWithSixDecimalsAtMost() {
    for (GisFeature p : projects) {
      Geometry g = p.geometry();
      if (g.isEmpty()) {
        continue;
      }
      assertTrue(GEOMETRY_TYPES_BY_KIND.get(p.property("kind")).contains(g.getGeometryType()),
          p.id() + ": kind " + p.property("kind") + " with a " + g.getGeometryType());
      IsValidOp valid = new IsValidOp(g);
      assertTrue(valid.isValid(), p.id() + ": " + valid.getValidationError());
      for (Coordinate c : g.getCoordinates()) {
        assertTrue(c.x > 110 && c.x < 113 && c.y > 35 && c.y < 37.5, p.id() + " has " + c + " outside Linfen");
        assertTrue(atMostSixDecimals(c.x) && atMostSixDecimals(c.y), p.id() + " has " + c);
      }
    }
  }

  @Test
  void geometryLiesWithinItsCounties() {
    Geometry riverMetres = GisGeometry.toLocalMetres(yellowRiver.geometry());
    List<String> outside = new ArrayList<>();
    for (GisFeature p : projects) {
      if (p.geometry().isEmpty()) {
        continue;
      }
      List<String> names = strings(p, "counties").isEmpty() ? List.of(CITY_ANCHOR) : strings(p, "counties");
      Geometry area = GisGeometry.toLocalMetres(UnaryUnionOp.union(names.stream().map(n -> counties.get(n).geometry()).toList()));
      Geometry g = GisGeometry.toLocalMetres(p.geometry());
      if (area.buffer(TOLERANCE_M).covers(g)) {
        continue;
      }
      // The only allowed exception: parts that follow the Yellow River line close to the counties' border.
      Geometry rest = g.difference(area.buffer(TOLERANCE_M));
      boolean followsBorderRiver = riverMetres.buffer(TOLERANCE_M).covers(rest) && area.buffer(YELLOW_RIVER_TOLERANCE_M).covers(rest);
      if (!followsBorderRiver) {
        outside.add(p.id() + " leaves " + names + " by " + Math.round(area.distance(rest.getInteriorPoint())) + " m");
      }
    }
    assertEquals(List.of(), outside);
  }

  @Test
  void landmarkAndSitePositionsSayWhereTheyComeFrom() {
    for (GisFeature p : projects) {
      if (Set.of("landmark", "site", "town").contains(p.property("precision"))) {
        String basis = p.property("place_basis");
        assertTrue(basis.length() > 20, p.id() + ": place_basis too short to say where the position comes from");
      }
    }
  }

  @Test
  void markersThatOnlyKnowTheirCountyDoNotPileUp() {
    Map<String, String> byPosition = new HashMap<>();
    for (GisFeature p : projects) {
      if (!p.geometry().isEmpty() && p.geometry().getGeometryType().equals("Point") && Set.of("county", "city").contains(p.property("precision"))) {
        String previous = byPosition.putIfAbsent(p.geometry().getCoordinate().toString(), p.id());
        assertTrue(previous == null, p.id() + " sits exactly on " + previous);
      }
    }
  }

  private static boolean atMostSixDecimals(double v) {
    return new BigDecimal(Double.toString(v)).stripTrailingZeros().scale() <= 6;
  }

  private static List<String> strings(GisFeature f, String key) {
    Object value = f.properties().get(key);
    assertTrue(value instanceof List<?>, f.id() + ": " + key + " must be a list");
    List<String> out = new ArrayList<>();
    for (Object o : (List<?>) value) {
      assertTrue(o instanceof String, f.id() + ": " + key + " must hold strings");
      out.add((String) o);
    }
    return out;
  }

  private static Map<String, GisFeature> byName(List<GisFeature> features) {
    Map<String, GisFeature> map = new HashMap<>();
    features.forEach(f -> map.put(f.property("name"), f));
    return map;
  }
}
