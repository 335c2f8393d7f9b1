package org.linfenatlas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.linfenatlas.data.GisDataFiles.GisFeature;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.operation.valid.IsValidOp;

class CountiesDataTest {

  /** GB/T 2260 code → name, and the development belt of the regional plan. */
  private static final Map<String, String[]> EXPECTED = new TreeMap<>(Map.ofEntries(
      Map.entry("141002", new String[] {"尧都区", "fen"}),
      Map.entry("141081", new String[] {"侯马市", "fen"}),
      Map.entry("141082", new String[] {"霍州市", "fen"}),
      Map.entry("141021", new String[] {"曲沃县", "fen"}),
      Map.entry("141023", new String[] {"襄汾县", "fen"}),
      Map.entry("141024", new String[] {"洪洞县", "fen"}),
      Map.entry("141028", new String[] {"吉县", "yellow"}),
      Map.entry("141029", new String[] {"乡宁县", "yellow"}),
      Map.entry("141030", new String[] {"大宁县", "yellow"}),
      Map.entry("141031", new String[] {"隰县", "yellow"}),
      Map.entry("141032", new String[] {"永和县", "yellow"}),
      Map.entry("141033", new String[] {"蒲县", "yellow"}),
      Map.entry("141034", new String[] {"汾西县", "yellow"}),
      Map.entry("141022", new String[] {"翼城县", "taiyue"}),
      Map.entry("141025", new String[] {"古县", "taiyue"}),
      Map.entry("141026", new String[] {"安泽县", "taiyue"}),
      Map.entry("141027", new String[] {"浮山县", "taiyue"})));

  /** Total area of Linfen city as officially published, km². */
  private static final double OFFICIAL_AREA_KM2 = 20_275;

  private final List<GisFeature> counties = GisDataFiles.load("counties.geojson");

  @Test
  void seventeenCountiesWithTheirCodesNamesAndBelts() {
    Map<String, String> actual = new TreeMap<>();
    for (GisFeature c : counties) {
      assertEquals(c.id(), c.property("adcode"), "feature id must be the adcode");
      assertTrue(c.property("name_en") != null && !c.property("name_en").isBlank(), "name_en of " + c.id());
      actual.put(c.id(), c.property("name") + "/" + c.property("belt"));
    }
    Map<String, String> expected = EXPECTED.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue()[0] + "/" + e.getValue()[1], (a, b) -> a, TreeMap::new));
    assertEquals(expected, actual);
    assertEquals(17, counties.size(), "no duplicate features");
  }

  @Test
  void geometriesAreValidPolygonsInLonLatOrderWithSixDecimalsAtMost() {
    for (GisFeature c : counties) {
      Geometry g = c.geometry();
      assertTrue(g instanceof Polygon || "MultiPolygon".equals(g.getGeometryType()), c.id() + " is " + g.getGeometryType());
      IsValidOp valid = new IsValidOp(g);
      assertTrue(valid.isValid(), c.property("name") + ": " + valid.getValidationError());
      for (Coordinate p : g.getCoordinates()) {
        assertTrue(p.x > 110 && p.x < 113 && p.y > 35 && p.y < 37.5, c.property("name") + " has " + p + " outside Linfen");
        assertTrue(hasAtMostSixDecimals(p.x) && hasAtMostSixDecimals(p.y), c.property("name") + " has " + p);
      }
    }
  }

  @Test
  void exteriorRingsAreCounterClockwiseAndHolesClockwise() {
    for (GisFeature c : counties) {
      for (int i = 0; i < c.geometry().getNumGeometries(); i++) {
        Polygon p = (Polygon) c.geometry().getGeometryN(i);
        assertTrue(Orientation.isCCW(p.getExteriorRing().getCoordinates()), c.property("name") + " exterior ring is clockwise");
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
          assertTrue(!Orientation.isCCW(p.getInteriorRingN(h).getCoordinates()), c.property("name") + " hole is counter-clockwise");
        }
      }
    }
  }

  @Test
  void neighboursDoNotOverlap() {
    List<String> overlaps = new ArrayList<>();
    for (int i = 0; i < counties.size(); i++) {
      for (int j = i + 1; j < counties.size(); j++) {
        Geometry a = counties.get(i).geometry(), b = counties.get(j).geometry();
        if (!a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) {
          continue;
        }
        double shared = a.intersection(b).getArea();
        if (shared > 1e-7 * Math.min(a.getArea(), b.getArea())) {
          overlaps.add(counties.get(i).property("name") + "∩" + counties.get(j).property("name") + " = " + shared + " deg²");
        }
      }
    }
    assertEquals(List.of(), overlaps);
  }

  @Test
  void unionHasNoGapsBetweenNeighbours() {
    Geometry union = UnaryUnionOp.union(counties.stream().map(GisFeature::geometry).toList());
    assertInstanceOf(Polygon.class, union, "the counties should form one connected area");
    Polygon city = (Polygon) union;
    GeometryFactory gf = city.getFactory();
    List<String> holes = new ArrayList<>();
    for (int h = 0; h < city.getNumInteriorRing(); h++) {
      holes.add(gf.createPolygon(city.getInteriorRingN(h)).getCentroid().toText());
    }
    assertEquals(List.of(), holes, "holes (gaps between counties) in the union");
    double sumOfParts = counties.stream().mapToDouble(c -> c.geometry().getArea()).sum();
    assertEquals(sumOfParts, union.getArea(), 1e-7 * sumOfParts, "union area differs from the sum of the counties");
  }

  @Test
  void geodesicTotalAreaIsWithinOnePercentOfTheOfficialArea() {
    double total = counties.stream().mapToDouble(c -> GeodesicArea.squareKilometres(c.geometry())).sum();
    assertEquals(OFFICIAL_AREA_KM2, total, 0.01 * OFFICIAL_AREA_KM2, "total area in km²");
  }

  @Test
  void seatsLieInsideTheirCounty() {
    for (GisFeature c : counties) {
      Object seat = c.properties().get("seat");
      if (seat == null) {
        continue;
      }
      List<?> lonLat = (List<?>) seat;
      assertEquals(2, lonLat.size(), c.property("name") + " seat");
      double lon = ((Number) lonLat.get(0)).doubleValue(), lat = ((Number) lonLat.get(1)).doubleValue();
      assertTrue(hasAtMostSixDecimals(lon) && hasAtMostSixDecimals(lat), c.property("name") + " seat " + seat);
      assertNotNull(c.property("seat_source"), c.property("name") + " seat must say where it comes from");
      Geometry point = c.geometry().getFactory().createPoint(new Coordinate(lon, lat));
      assertTrue(c.geometry().contains(point), c.property("name") + " seat " + seat + " is outside the county");
    }
  }

  static boolean hasAtMostSixDecimals(double v) {
    double scaled = v * 1e6;
    return Math.abs(scaled - Math.rint(scaled)) < 1e-6;
  }
}
