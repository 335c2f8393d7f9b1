package org.linfenatlas.tiles;

import java.util.Set;
import org.linfenatlas.model.Feature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * The geometry a tile draws a feature with: a point as it is; an area placed only approximately (its
 * precision county or city: the page draws an icon, the outline comes with the feature from items)
 * as its representative point; any other line or area simplified to half a pixel of the zoom.
 */
public final class TileGeometry {
    private static final GeometryFactory GEOMETRIES = new GeometryFactory();
    /** Precisions that place a feature no better than a county or the city. */
    static final Set<String> APPROXIMATE = Set.of("county", "city");

    private TileGeometry() {
    }

    /** Whether the tile draws the feature as its representative point although its geometry is an area. */
    public static boolean asPoint(Feature feature) {
        String precision = feature.text("precision");
        return precision != null && feature.geometry().getDimension() == 2 && APPROXIMATE.contains(precision);
    }

    public static Geometry of(Feature feature, TileAddress tile) {
        Geometry g = feature.geometry();
        if (g instanceof Point) {
            return g;
        }
        if (asPoint(feature)) {
            return GEOMETRIES.createPoint(feature.representativePoint());
        }
        return simplified(g, tile);
    }

    /** Simplified to half a pixel of the tile's zoom, in degrees; never empty (the original when it would be). */
    public static Geometry simplified(Geometry g, TileAddress tile) {
        if (g.getDimension() == 0) {
            return g;
        }
        Geometry simple = TopologyPreservingSimplifier.simplify(g, tile.pixelDegrees() / 2);
        return simple.isEmpty() ? g : simple;
    }
}
