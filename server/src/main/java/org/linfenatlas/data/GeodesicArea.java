package org.linfenatlas.data;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/** Area on the WGS84 ellipsoid (GeographicLib), for lon/lat polygons. */
public final class GeodesicArea {
    private GeodesicArea() {
    }

    public static double squareKilometres(Geometry geometry) {
        double m2 = 0;
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof Polygon polygon) {
                m2 += ringArea(polygon.getExteriorRing());
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    m2 -= ringArea(polygon.getInteriorRingN(h));
                }
            }
        }
        return m2 / 1e6;
    }

    private static double ringArea(LineString ring) {
        PolygonArea area = new PolygonArea(Geodesic.WGS84, false);
        Coordinate[] coords = ring.getCoordinates();
        for (int i = 0; i < coords.length - 1; i++) {
            area.AddPoint(coords[i].y, coords[i].x);
        }
        return Math.abs(area.Compute().area);
    }
}
