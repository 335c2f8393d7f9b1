package org.linfenatlas.tiles;

import java.util.List;
import org.locationtech.jts.coverage.CoverageSimplifier;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Geometries simplified for a map at a zoom level of WebMercatorQuad (OGC API – Features Part 7, "zoom-level"):
 * no vertex moves by more than half a pixel of that zoom. A fractional zoom is simplified for the next whole one
 * (finer, never coarser); past {@link #MAX_ZOOM} nothing is left to remove. Lines and areas keep their type and their
 * topology (JTS's topology-preserving simplifier); the areas of a coverage, such as the counties, are simplified
 * together (JTS's coverage simplifier), so that neighbours keep their shared edges: no gaps, no overlaps.
 */
public final class ZoomLevelGeometry {
    /** The last zoom of the Part 7 scale table. */
    public static final int MAX_ZOOM = 24;

    private ZoomLevelGeometry() {
    }

    /** The whole zoom a requested zoom level is simplified for. */
    public static int level(double zoomLevel) {
        return (int) Math.min(MAX_ZOOM, Math.ceil(zoomLevel));
    }

    /**
     * Half a pixel at the zoom, in degrees: a pixel's width in longitude, shortened by the cosine of the latitude
     * farthest from the equator in {@code extent} (a degree of latitude spans more of a Web Mercator map there).
     */
    public static double tolerance(int level, Envelope extent) {
        double pixel = 360.0 / ((double) TileAddress.TILE_SIZE * (1L << level));
        double latitude = Math.min(TileAddress.MAX_LATITUDE, Math.max(Math.abs(extent.getMinY()), Math.abs(extent.getMaxY())));
        return pixel / 2 * Math.cos(Math.toRadians(latitude));
    }

    /** One geometry for the zoom: points as they are; never empty (the original when simplifying would empty it). */
    public static Geometry simplify(Geometry g, int level) {
        if (g.getDimension() == 0 || g.isEmpty()) {
            return g;
        }
        Geometry simple = TopologyPreservingSimplifier.simplify(g, tolerance(level, g.getEnvelopeInternal()));
        return simple.isEmpty() ? g : simple;
    }

    /**
     * The areas of a coverage for the zoom, in the same order; each one alone (as {@link #simplify}) when they are
     * not a valid coverage.
     */
    public static List<Geometry> simplifyCoverage(List<Geometry> areas, int level) {
        Geometry[] coverage = areas.toArray(Geometry[]::new);
        if (coverage.length == 0 || !CoverageValidator.isValid(coverage)) {
            return areas.stream().map(g -> simplify(g, level)).toList();
        }
        Envelope extent = new Envelope();
        areas.forEach(g -> extent.expandToInclude(g.getEnvelopeInternal()));
        return List.of(CoverageSimplifier.simplify(coverage, tolerance(level, extent)));
    }
}
