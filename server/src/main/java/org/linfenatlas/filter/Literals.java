package org.linfenatlas.filter;

import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * What both encodings share once a literal is read: geometries taken from the filter's CRS to CRS84
 * and checked (coordinates on the globe, valid simple features), BBOX(...) made a polygon, LIKE
 * patterns checked.
 */
final class Literals {
    static final GeometryFactory GEOMETRIES = new GeometryFactory();

    private Literals() {
    }

    /** The geometry in CRS84, or an error at {@code at} when it is off the globe or not a valid simple feature. */
    static Operand.GeometryValue geometry(Geometry inFilterCrs, UnaryOperator<Geometry> toCrs84, int at) {
        Geometry g = toCrs84.apply(inFilterCrs);
        for (Coordinate c : g.getCoordinates()) {
            checkLonLat(c.x, c.y, at);
        }
        IsValidOp valid = new IsValidOp(g);
        if (!valid.isValid()) {
            TopologyValidationError error = valid.getValidationError();
            throw new FilterException("invalid geometry literal: " + error.getMessage() + " at or near point "
                    + error.getCoordinate().x + " " + error.getCoordinate().y, at);
        }
        return new Operand.GeometryValue(g);
    }

    /**
     * BBOX(x1, y1, x2, y2) or with heights (x1, y1, z1, x2, y2, z2): the corners taken to CRS84; a box
     * whose west edge lies east of its east edge crosses the antimeridian and becomes two boxes.
     */
    static Operand.GeometryValue bbox(double[] n, UnaryOperator<Geometry> toCrs84, int at) {
        if (n.length != 4 && n.length != 6) {
            throw new FilterException("BBOX takes 4 or 6 numbers, got " + n.length, at);
        }
        int half = n.length / 2;
        if (half == 3 && n[2] > n[5]) {
            throw new FilterException("BBOX minimum height is above its maximum", at);
        }
        Coordinate low = toCrs84.apply(GEOMETRIES.createPoint(new Coordinate(n[0], n[1]))).getCoordinate();
        Coordinate high = toCrs84.apply(GEOMETRIES.createPoint(new Coordinate(n[half], n[half + 1]))).getCoordinate();
        checkLonLat(low.x, low.y, at);
        checkLonLat(high.x, high.y, at);
        if (low.y > high.y) {
            throw new FilterException("BBOX south edge is north of its north edge", at);
        }
        Geometry box;
        if (low.x <= high.x) {
            box = GEOMETRIES.toGeometry(new Envelope(low.x, high.x, low.y, high.y));
        } else {
            box = GEOMETRIES.createMultiPolygon(new Polygon[] {
                    (Polygon) GEOMETRIES.toGeometry(new Envelope(low.x, 180, low.y, high.y)),
                    (Polygon) GEOMETRIES.toGeometry(new Envelope(-180, high.x, low.y, high.y))});
        }
        return new Operand.GeometryValue(box);
    }

    private static void checkLonLat(double lon, double lat, int at) {
        if (!Double.isFinite(lon) || !Double.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw new FilterException("coordinates outside longitude -180..180, latitude -90..90 (" + lon + " " + lat
                    + " in CRS84): is filter-crs right?", at);
        }
    }

    /** A LIKE pattern may not end with a lone escape character (SQL refuses it; it escapes nothing). */
    static void checkPattern(String pattern, int at) {
        int backslashes = 0;
        for (int i = pattern.length() - 1; i >= 0 && pattern.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        if (backslashes % 2 == 1) {
            throw new FilterException("LIKE pattern ends with the escape character \\ (write \\\\ for a backslash)", at);
        }
    }
}
