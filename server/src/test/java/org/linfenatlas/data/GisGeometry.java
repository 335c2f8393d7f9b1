package org.linfenatlas.data;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/** Measurements on lon/lat geometries for data tests. */
public final class GisGeometry {

  /** Mean latitude of Linfen, used for the local metric projection below. */
  public static final double LINFEN_LAT = 36.2;

  private GisGeometry() {}

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
