package org.linfenatlas.data;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/** Measurements on lon/lat geometries for data tests. */
public final class GisGeometry {

  /** Mean latitude of Linfen, used for the local metric projection below. */
  public static final double LINFEN_LAT = 36.2;

  private GisGeometry() {}

  /** Area on the WGS84 ellipsoid in km², holes subtracted. */
  public static double geodesicAreaKm2(Geometry polygonal) {
    double m2 = 0;
    for (int i = 0; i < polygonal.getNumGeometries(); i++) {
      Polygon polygon = (Polygon) polygonal.getGeometryN(i);
      m2 += ringArea(polygon.getExteriorRing());
      for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
        m2 -= ringArea(polygon.getInteriorRingN(h));
      }
    }
    return m2 / 1e6;
  }

  private static double ringArea(LinearRing ring) {
    PolygonArea area = new PolygonArea(Geodesic.WGS84, false);
    Coordinate[] cs = ring.getCoordinates();
    for (int i = 0; i + 1 < cs.length; i++) {
      area.AddPoint(cs[i].y, cs[i].x);
    }
    return Math.abs(area.Compute().area);
  }

  /**
   * Copy in an equirectangular projection in metres around Linfen: good to well under 1 % for
   * distances of a few km inside the region, which is all the tests ask of it.
   */
  public static Geometry toLocalMetres(Geometry lonLat) {
    Geometry copy = lonLat.copy();
    double kx = Math.cos(Math.toRadians(LINFEN_LAT)) * 111_320;
    double ky = 110_950;
    copy.apply((Coordinate c) -> {
      c.x *= kx;
      c.y *= ky;
    });
    copy.geometryChanged();
    return copy;
  }
}
