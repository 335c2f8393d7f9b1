package org.linfenatlas.api;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The coordinate reference systems the API offers (OGC API – Features Part 2). Data is stored in
 * CRS84. EPSG:4490 (CGCS2000) and EPSG:4326 differ from it only by axis order (lat, lon): the
 * CGCS2000–WGS84 datum difference is a few centimetres, far below the data's precision.
 * EPSG:3857 goes through proj4j.
 */
public enum Crs {
    CRS84("http://www.opengis.net/def/crs/OGC/1.3/CRS84", false, 6),
    EPSG_4490("http://www.opengis.net/def/crs/EPSG/0/4490", true, 6),
    EPSG_4326("http://www.opengis.net/def/crs/EPSG/0/4326", true, 6),
    EPSG_3857("http://www.opengis.net/def/crs/EPSG/0/3857", false, 2);

    private static final CRSFactory CRS_FACTORY = new CRSFactory();
    private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();

    private final String uri;
    private final boolean latLon;
    private final int decimals;

    Crs(String uri, boolean latLon, int decimals) {
        this.uri = uri;
        this.latLon = latLon;
        this.decimals = decimals;
    }

    public String uri() {
        return uri;
    }

    public int decimals() {
        return decimals;
    }

    public static List<String> uris() {
        return Arrays.stream(values()).map(Crs::uri).toList();
    }

    public static Optional<Crs> byUri(String uri) {
        return Arrays.stream(values()).filter(c -> c.uri.equals(uri)).findFirst();
    }

    /** A copy of a CRS84 geometry in this CRS. */
    public Geometry fromCrs84(Geometry geometry) {
        if (this == CRS84) {
            return geometry;
        }
        Geometry copy = geometry.copy();
        copy.apply(filter(this == EPSG_3857 ? mercator(true) : null));
        copy.geometryChanged();
        return copy;
    }

    /** A copy of a geometry in this CRS in CRS84 (a filter's geometry literal, say). */
    public Geometry toCrs84(Geometry geometry) {
        if (this == CRS84) {
            return geometry;
        }
        Geometry copy = geometry.copy();
        copy.apply(filter(this == EPSG_3857 ? mercator(false) : null));
        copy.geometryChanged();
        return copy;
    }

    /** A point in this CRS as CRS84 {lon, lat}. */
    public double[] toCrs84(double x, double y) {
        if (this == EPSG_3857) {
            ProjCoordinate out = new ProjCoordinate();
            mercator(false).transform(new ProjCoordinate(x, y), out);
            return new double[] {out.x, out.y};
        }
        return latLon ? new double[] {y, x} : new double[] {x, y};
    }

    private CoordinateSequenceFilter filter(CoordinateTransform transform) {
        return new CoordinateSequenceFilter() {
            private final ProjCoordinate in = new ProjCoordinate();
            private final ProjCoordinate out = new ProjCoordinate();

            @Override
            public void filter(CoordinateSequence seq, int i) {
                double x = seq.getX(i);
                double y = seq.getY(i);
                if (transform != null) {
                    in.x = x;
                    in.y = y;
                    transform.transform(in, out);
                    seq.setOrdinate(i, 0, out.x);
                    seq.setOrdinate(i, 1, out.y);
                } else {
                    seq.setOrdinate(i, 0, y);
                    seq.setOrdinate(i, 1, x);
                }
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        };
    }

    /** A new transform each time: proj4j transforms keep per-call state and are not thread-safe. */
    private static CoordinateTransform mercator(boolean forward) {
        return forward ? TRANSFORMS.createTransform(Proj.WGS84, Proj.WEB_MERCATOR)
                : TRANSFORMS.createTransform(Proj.WEB_MERCATOR, Proj.WGS84);
    }

    private static final class Proj {
        static final CoordinateReferenceSystem WGS84 = CRS_FACTORY.createFromName("EPSG:4326");
        static final CoordinateReferenceSystem WEB_MERCATOR = CRS_FACTORY.createFromName("EPSG:3857");
    }
}
