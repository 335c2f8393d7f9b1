package org.linfenatlas.tiles;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * One tile of WebMercatorQuad (OGC 17-083r4 Annex D): 2^z by 2^z tiles of 256 px, row 0 at the north
 * edge (85.0511°), column 0 at 180° W. A point belongs to exactly one tile and one cell of it, by
 * its pixel position at the zoom (cells and tiles half-open: a point on an edge belongs to the tile
 * east or south of it), so that counts are never doubled between neighbours.
 */
public record TileAddress(int zoom, int row, int col) {
    public static final int MAX_ZOOM = 20;
    public static final int TILE_SIZE = 256;
    /**
     * Cells of 128 px: 2 x 2 in a tile. Clusters are drawn up to 52 px wide at their members' mean, so smaller
     * cells (64 px was tried) cover a dense region with overlapping rings that hide the county names.
     */
    public static final int CELL_SIZE = 128;
    public static final int CELLS = TILE_SIZE / CELL_SIZE;
    public static final double MAX_LATITUDE = org.linfenatlas.model.Feature.MAX_MERCATOR_LATITUDE;

    public TileAddress {
        if (zoom < 0 || zoom > MAX_ZOOM || row < 0 || col < 0 || row >= 1L << zoom || col >= 1L << zoom) {
            throw new IllegalArgumentException("no tile " + zoom + "/" + row + "/" + col + " in WebMercatorQuad 0.." + MAX_ZOOM);
        }
    }

    /** Whether the tile exists in the matrix set (zoom 0..{@link #MAX_ZOOM}, row and column within the matrix). */
    public static boolean exists(long zoom, long row, long col) {
        return zoom >= 0 && zoom <= MAX_ZOOM && row >= 0 && col >= 0 && row < 1L << zoom && col < 1L << zoom;
    }

    /** The tile's bounds in CRS84 degrees. */
    public Envelope envelope() {
        double n = 1L << zoom;
        return new Envelope(col / n * 360 - 180, (col + 1) / n * 360 - 180, latitude((row + 1) / n), latitude(row / n));
    }

    /** The size of one pixel of this zoom in degrees of longitude. */
    public double pixelDegrees() {
        return 360.0 / ((double) TILE_SIZE * (1L << zoom));
    }

    private static double latitude(double y) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * y))));
    }

    /** The point's x pixel at this zoom over the whole world (0 at 180° W), clamped into the matrix. */
    public double worldX(double lon) {
        double size = (double) TILE_SIZE * (1L << zoom);
        return clamp((lon + 180) / 360 * size, size);
    }

    /** The point's y pixel at this zoom over the whole world (0 at the north edge), clamped into the matrix. */
    public double worldY(double lat) {
        double size = (double) TILE_SIZE * (1L << zoom);
        double phi = Math.toRadians(Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)));
        double y = (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2;
        return clamp(y * size, size);
    }

    private static double clamp(double pixel, double size) {
        return Math.max(0, Math.min(Math.nextDown(size), pixel));
    }

    /** The cell of this tile the point lies in (row-major, 0..15), or -1 when it lies in another tile. */
    public int cellOf(Coordinate point) {
        return cellOfMercator(org.linfenatlas.model.Feature.mercator(point));
    }

    /**
     * The cell of a point given as fractions of the world ({@link org.linfenatlas.model.Feature#representativeMercator()}),
     * or -1 when it lies in another tile.
     */
    public int cellOfMercator(double[] xy) {
        double size = (double) TILE_SIZE * (1L << zoom);
        return cellOfPixel(clampPixel(xy[0] * size, size), clampPixel(xy[1] * size, size), size);
    }

    private int cellOfPixel(double worldX, double worldY, double size) {
        double x = worldX - (double) col * TILE_SIZE;
        double y = worldY - (double) row * TILE_SIZE;
        if (x < 0 || y < 0 || x >= TILE_SIZE || y >= TILE_SIZE) {
            return -1;
        }
        return (int) (y / CELL_SIZE) * CELLS + (int) (x / CELL_SIZE);
    }

    private static double clampPixel(double pixel, double size) {
        return Math.max(0, Math.min(Math.nextDown(size), pixel));
    }

    public boolean contains(Coordinate point) {
        return cellOf(point) >= 0;
    }

    @Override
    public String toString() {
        return zoom + "/" + row + "/" + col;
    }
}
