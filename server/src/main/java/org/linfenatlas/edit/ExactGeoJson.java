package org.linfenatlas.edit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * A geometry as GeoJSON with every ordinate exactly as stored and rings in their stored orientation.
 * GeoJsonWriter rounds to a fixed number of fraction digits, and no fixed number is exact for every
 * double; JSON numbers made from doubles keep the shortest decimal that reads back to the same double.
 */
final class ExactGeoJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExactGeoJson() {
    }

    static ObjectNode of(Geometry geometry) {
        ObjectNode json = NODES.objectNode();
        json.put("type", geometry.getGeometryType());
        if (geometry instanceof GeometryCollection collection && collection.getClass() == GeometryCollection.class) {
            ArrayNode members = json.putArray("geometries");
            for (int i = 0; i < collection.getNumGeometries(); i++) {
                members.add(of(collection.getGeometryN(i)));
            }
        } else {
            json.set("coordinates", coordinates(geometry));
        }
        return json;
    }

    private static ArrayNode coordinates(Geometry geometry) {
        if (geometry instanceof Point point) {
            return point.isEmpty() ? NODES.arrayNode() : position(point.getCoordinate());
        }
        if (geometry instanceof LineString line) {
            ArrayNode positions = NODES.arrayNode();
            for (Coordinate c : line.getCoordinates()) {
                positions.add(position(c));
            }
            return positions;
        }
        if (geometry instanceof Polygon polygon) {
            ArrayNode rings = NODES.arrayNode();
            if (!polygon.isEmpty()) {
                rings.add(coordinates(polygon.getExteriorRing()));
                for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                    rings.add(coordinates(polygon.getInteriorRingN(i)));
                }
            }
            return rings;
        }
        ArrayNode parts = NODES.arrayNode();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            parts.add(coordinates(geometry.getGeometryN(i)));
        }
        return parts;
    }

    private static ArrayNode position(Coordinate c) {
        ArrayNode position = NODES.arrayNode().add(c.x).add(c.y);
        if (!Double.isNaN(c.getZ())) {
            position.add(c.getZ());
        }
        return position;
    }
}
