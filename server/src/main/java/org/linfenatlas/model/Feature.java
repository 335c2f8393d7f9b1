package org.linfenatlas.model;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * One feature of a layer: geometry in CRS84 (lon/lat) and JSON-compatible properties in a
 * stable order. Immutable, but for its usual JSON encoding, kept once made.
 *
 * <p>A feature may have no geometry (RFC 7946 {@code "geometry": null}: a project that is not a place,
 * a township without a known position). It then holds {@link #NO_GEOMETRY}, an empty collection, so that
 * envelopes, equality and WKB work unchanged; {@link #hasGeometry()} tells it, the stores keep SQL NULL
 * and the API writes {@code null}.
 */
public final class Feature {
    private static final int DECIMALS = 6;
    /** The geometry of a feature without one: empty, so its envelope is null and it meets no bbox. */
    public static final Geometry NO_GEOMETRY = new GeometryFactory().createGeometryCollection();

    private final String id;
    private final Geometry geometry;
    private final Map<String, Object> properties;
    private final long version;
    private volatile byte[] json;
    private volatile Coordinate representative;
    private volatile double[] mercator;

    /** A feature at version 1, as seeded or imported. */
    public Feature(String id, Geometry geometry, Map<String, Object> properties) {
        this(id, geometry, properties, 1);
    }

    /** @param version the store's version of the feature: 1 when first stored, one more with each committed change */
    public Feature(String id, Geometry geometry, Map<String, Object> properties, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.geometry = geometry == null || geometry.isEmpty() ? NO_GEOMETRY : geometry;
        this.properties = PropertyMap.copyOf(properties);
        this.version = version;
    }

    public Feature withVersion(long newVersion) {
        return new Feature(id, geometry, properties, newVersion);
    }

    /** The same feature with another geometry (simplified for a zoom, for instance): same id, properties and version. */
    public Feature withGeometry(Geometry newGeometry) {
        return new Feature(id, newGeometry, properties, version);
    }

    public long version() {
        return version;
    }

    public String id() {
        return id;
    }

    public Geometry geometry() {
        return geometry;
    }

    /** False for a feature whose GeoJSON geometry is null. */
    public boolean hasGeometry() {
        return geometry != NO_GEOMETRY;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public Object property(String name) {
        return properties.get(name);
    }

    public String text(String name) {
        Object value = properties.get(name);
        return value == null ? null : value.toString();
    }

    /**
     * The one point that stands for the feature where it is drawn as a point or counted in a cluster: a point
     * itself, else JTS's interior point (a vertex of a line near its centroid, a point inside an area); null
     * without a geometry. Computed once per feature version and kept.
     */
    public Coordinate representativePoint() {
        Coordinate point = representative;
        if (point == null && hasGeometry()) {
            point = geometry instanceof Point p ? p.getCoordinate() : geometry.getInteriorPoint().getCoordinate();
            representative = point;
        }
        return point;
    }

    /**
     * Where the representative point lies on the Web Mercator square, as fractions of the world (x from 180° W,
     * y from the north edge at 85.0511°, both clamped to 0..1), so that tiles place it with two multiplications;
     * null without a geometry. Kept as the point is.
     */
    public double[] representativeMercator() {
        double[] xy = mercator;
        if (xy == null && hasGeometry()) {
            xy = mercator(representativePoint());
            mercator = xy;
        }
        return xy;
    }

    /** A lon/lat point on the Web Mercator square, as fractions of the world (see {@link #representativeMercator()}). */
    public static double[] mercator(Coordinate p) {
        double lat = Math.toRadians(Math.max(-MAX_MERCATOR_LATITUDE, Math.min(MAX_MERCATOR_LATITUDE, p.y)));
        double y = (1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2;
        return new double[] {Math.max(0, Math.min(1, (p.x + 180) / 360)), Math.max(0, Math.min(1, y))};
    }

    /** The latitude of Web Mercator's north and south edges. */
    public static final double MAX_MERCATOR_LATITUDE = Math.toDegrees(Math.atan(Math.sinh(Math.PI)));

    /** RFC 7946 geometry (counter-clockwise shells, 6 decimals); not kept: {@link #json} holds it where it repeats. */
    public String geometryJson() {
        return encode(geometry, DECIMALS);
    }

    /**
     * The feature's usual encoding (for the API: GeoJSON in CRS84 with every property), made once
     * by the given encoder and kept: responses repeat it far more often than features change.
     */
    public byte[] json(Function<Feature, byte[]> encoder) {
        byte[] bytes = json;
        if (bytes == null) {
            bytes = encoder.apply(this);
            json = bytes;
        }
        return bytes;
    }

    /** GeoJSON of the geometry, {@code null} for an empty one (a feature without geometry). */
    public static String encode(Geometry geometry, int decimals) {
        if (geometry == null || geometry.isEmpty()) {
            return "null";
        }
        GeoJsonWriter writer = new GeoJsonWriter(decimals);
        writer.setEncodeCRS(false);
        writer.setForceCCW(true);
        return writer.write(geometry);
    }

    /** A change of one feature as an index applies it: the feature after it, or null when it was removed. */
    public record Edit(String id, Feature after) {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Feature f && id.equals(f.id) && geometry.equalsExact(f.geometry) && properties.equals(f.properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, geometry, properties);
    }

    @Override
    public String toString() {
        return "Feature[" + id + "]";
    }
}
