package org.linfenatlas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linfenatlas.data.GisDataFiles.GisFeature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.locationtech.jts.operation.union.UnaryUnionOp;

class RiversDataTest {

  private static final List<String> FEN_VALLEY = List.of("霍州市", "洪洞县", "尧都区", "襄汾县");
  private static final List<String> ON_THE_YELLOW_RIVER = List.of("永和县", "大宁县", "吉县", "乡宁县");
  private static final double BORDER_TOLERANCE_M = 3_000;
  /**
   * Near a county's northern and southern tips the bank can belong to a neighbour outside Linfen
   * (石楼县 north of 永和县, 河津市 south of 乡宁县), so the river there may leave the city border.
   */
  private static final double TIP_MARGIN_M = 5_000;
  /** A river that only grazes a county over less than this is not said to cross it. */
  private static final double MIN_CROSSING_M = 5_000;

  private final List<GisFeature> counties = GisDataFiles.load("counties.geojson");
  private final List<GisFeature> rivers = GisDataFiles.load("rivers.geojson");

  @Test
  void everyRiverIsNamedSourcedAndValid() {
    List<String> ids = new ArrayList<>();
    for (GisFeature r : rivers) {
      ids.add(r.id());
      for (String key : List.of("name", "name_en", "level", "source")) {
        assertTrue(r.property(key) != null && !r.property(key).isBlank(), r.id() + " lacks " + key);
      }
      assertTrue(r.geometry() instanceof Lineal, r.id() + " is " + r.geometry().getGeometryType());
      assertTrue(r.geometry().isValid() && r.geometry().getNumPoints() > 50, r.id());
      for (Coordinate p : r.geometry().getCoordinates()) {
        assertTrue(p.x > 110 && p.x < 113 && p.y > 35 && p.y < 37.5, r.id() + " has " + p + " far from Linfen");
        assertTrue(CountiesDataTest.hasAtMostSixDecimals(p.x) && CountiesDataTest.hasAtMostSixDecimals(p.y), r.id() + " " + p);
      }
    }
    assertTrue(ids.containsAll(List.of("huanghe", "fenhe")), "rivers: " + ids);
    assertEquals("黄河", river("huanghe").property("name"));
    assertEquals("汾河", river("fenhe").property("name"));
  }

  @Test
  void fenRiverCrossesTheFenValleyCountiesFromNorthToSouth() {
    Geometry fen = GisGeometry.toLocalMetres(river("fenhe").geometry());
    double previousNorthing = Double.MAX_VALUE;
    for (String name : FEN_VALLEY) {
      Geometry inside = fen.intersection(GisGeometry.toLocalMetres(county(name).geometry()));
      assertTrue(inside.getLength() > MIN_CROSSING_M, "汾河 runs " + Math.round(inside.getLength()) + " m in " + name);
      double northing = inside.getCentroid().getY();
      assertTrue(northing < previousNorthing, name + " should come after the county north of it");
      previousNorthing = northing;
    }
  }

  @Test
  void yellowRiverRunsAlongTheWesternBorderOfTheYellowBeltCounties() {
    Geometry yellow = GisGeometry.toLocalMetres(river("huanghe").geometry());
    Geometry cityBorder = GisGeometry.toLocalMetres(
        UnaryUnionOp.union(counties.stream().map(GisFeature::geometry).toList())).getBoundary();
    for (String name : ON_THE_YELLOW_RIVER) {
      Geometry c = GisGeometry.toLocalMetres(county(name).geometry());
      double centroidX = c.getCentroid().getX();
      Envelope e = c.getEnvelopeInternal();
      Envelope band = new Envelope(yellow.getEnvelopeInternal().getMinX(), yellow.getEnvelopeInternal().getMaxX(),
          e.getMinY() + TIP_MARGIN_M, e.getMaxY() - TIP_MARGIN_M);
      Geometry levelWithCounty = yellow.intersection(yellow.getFactory().toGeometry(band));
      assertTrue(levelWithCounty.getLength() > MIN_CROSSING_M, "黄河 beside " + name);
      double farthest = 0;
      for (Coordinate p : levelWithCounty.getCoordinates()) {
        assertTrue(p.x < centroidX, "黄河 at " + p + " is east of the centroid of " + name);
        farthest = Math.max(farthest, DistanceOp.distance(cityBorder, yellow.getFactory().createPoint(p)));
      }
      assertTrue(yellow.distance(c) < BORDER_TOLERANCE_M, "黄河 is " + Math.round(yellow.distance(c)) + " m from " + name);
      assertTrue(farthest < BORDER_TOLERANCE_M,
          "beside " + name + " 黄河 strays " + Math.round(farthest) + " m from the city border");
    }
  }

  @Test
  void namedSideRiversCrossTheirCounty() {
    rivers.stream().filter(r -> "qinhe".equals(r.id())).forEach(qin -> {
      Geometry inside = GisGeometry.toLocalMetres(qin.geometry())
          .intersection(GisGeometry.toLocalMetres(county("安泽县").geometry()));
      assertTrue(inside.getLength() > MIN_CROSSING_M, "沁河 runs " + Math.round(inside.getLength()) + " m in 安泽县");
    });
  }

  private GisFeature river(String id) {
    return rivers.stream().filter(r -> id.equals(r.id())).findFirst().orElseThrow(() -> new AssertionError("no river " + id));
  }

  private GisFeature county(String name) {
    return GisDataFiles.byProperty(counties, "name", name).orElseThrow(() -> new AssertionError("no county " + name));
  }
}
