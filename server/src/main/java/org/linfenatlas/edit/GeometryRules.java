package org.linfenatlas.edit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/** What a project's geometry must be: GeoJSON, in Linfen, valid, not too big, of its kind, and where its counties are. */
final class GeometryRules {
    static final int MAX_VERTICES = 10_000;
    static final Map<String, Set<String>> TYPES_BY_KIND = Map.of(
            "point", Set.of("Point", "MultiPoint"),
            "line", Set.of("LineString", "MultiLineString"),
            "area", Set.of("Polygon", "MultiPolygon"));

    private final CountyAreas counties;
    private final double toleranceMetres;

    GeometryRules(CountyAreas counties, double toleranceMetres) {
        this.counties = counties;
        this.toleranceMetres = toleranceMetres;
    }

    /**
     * The geometry, or null when it cannot be read.
     *
     * @param kind        the project's kind, null when absent or itself invalid (then not compared)
     * @param countyNames the project's counties when they are valid, else null (then not compared)
     */
    Geometry check(JsonNode json, String kind, List<String> countyNames, Problems problems) {
        Geometry geometry;
        try {
            geometry = new GeoJsonReader().read(json.toString());
        } catch (Exception e) {
            // GeoJsonReader reports bad structure with ParseException, ClassCastException, NullPointerException and others.
            problems.add("geometry", "not a GeoJSON geometry: " + e.getMessage());
            return null;
        }
        if (geometry.isEmpty()) {
            problems.add("geometry", "must not be empty");
            return geometry;
        }
        if (kind != null && !TYPES_BY_KIND.get(kind).contains(geometry.getGeometryType())) {
            problems.add("geometry", "a " + geometry.getGeometryType() + " does not fit kind '" + kind + "' (allowed: "
                    + String.join(", ", TYPES_BY_KIND.get(kind).stream().sorted().toList()) + ")");
        }
        if (geometry.getNumPoints() > MAX_VERTICES) {
            problems.add("geometry", "has " + geometry.getNumPoints() + " vertices; at most " + MAX_VERTICES + " are accepted");
            return geometry;
        }
        if (!positionsInLinfen(geometry, problems)) {
            return geometry;
        }
        IsValidOp validity = new IsValidOp(geometry);
        TopologyValidationError error = validity.getValidationError();
        if (error != null) {
            Coordinate at = error.getCoordinate();
            problems.add("geometry", "not valid: " + error.getMessage() + (at == null ? "" : " at " + position(at)));
            return geometry;
        }
        boolean inside;
        try {
            inside = countyNames == null || counties.grownArea(countyNames).covers(counties.toMetres(geometry));
        } catch (org.locationtech.jts.geom.TopologyException e) {
            problems.add("geometry", "cannot be tested against its counties: " + e.getMessage());
            return geometry;
        }
        if (!inside) {
            problems.add("geometry", "lies more than " + Math.round(toleranceMetres) + " m outside "
                    + (countyNames.isEmpty() ? "the city" : "its counties " + String.join(", ", countyNames)));
        }
        return geometry;
    }

    private boolean positionsInLinfen(Geometry geometry, Problems problems) {
        Envelope extent = counties.extent();
        for (Coordinate c : geometry.getCoordinates()) {
            if (!Double.isNaN(c.getZ()) || !Double.isNaN(c.getM())) {
                problems.add("geometry", "positions must be [longitude, latitude], without a third value");
                return false;
            }
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                problems.add("geometry", "has a position that is not a finite number");
                return false;
            }
            if (!extent.contains(c.x, c.y)) {
                problems.add("geometry", "position " + position(c) + " lies outside Linfen (longitude "
                        + extent.getMinX() + " to " + extent.getMaxX() + ", latitude " + extent.getMinY() + " to " + extent.getMaxY() + ")");
                return false;
            }
        }
        return true;
    }

    private static String position(Coordinate c) {
        return "[" + c.x + ", " + c.y + "]";
    }
}
