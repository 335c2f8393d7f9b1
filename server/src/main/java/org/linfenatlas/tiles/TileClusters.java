package org.linfenatlas.tiles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.linfenatlas.model.Feature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * The clustering rule of the projects' tiles. Every feature with a geometry has one representative point
 * ({@link Feature#representativePoint()}). The tile is split in 2 x 2 cells of 128 px. Below
 * {@link #MAX_CLUSTER_ZOOM}, a cell holding one representative point shows that feature, a cell holding more
 * shows one cluster of them; from it on, every feature is shown individually: a line or area in every tile it
 * meets, what is drawn as a point (points, and areas placed only approximately) in the tile of its point. In
 * clusters a line or area counts only in the cell of its representative point, so counts are never doubled;
 * one that spans more than a tile is never in a cluster ({@link #drawnWhole}).
 */
public final class TileClusters {
    /** From this zoom on no feature is clustered. */
    public static final int MAX_CLUSTER_ZOOM = 16;
    static final String NO_CATEGORY = "";
    /** Nanodegrees: 100,000 points of ±180° sum to at most 1.8e16, well within a long. */
    private static final double FIXED = 1e9;

    private final TileAddress tile;
    private final boolean clustering;
    private final Cell[] cells = new Cell[TileAddress.CELLS * TileAddress.CELLS];
    private final List<Feature> individual = new ArrayList<>();

    /**
     * Collects the content of one tile; offer it every matching feature that may meet it.
     *
     * @param clustered whether the collection is clustered below {@link #MAX_CLUSTER_ZOOM} (projects), or every
     *                  feature is shown at every zoom (counties, belts, rivers)
     */
    public TileClusters(TileAddress tile, boolean clustered) {
        this.tile = tile;
        this.clustering = clustered && tile.zoom() < MAX_CLUSTER_ZOOM;
    }

    /** What one cell has gathered, summed as it comes (in fixed point: the same sums in any order). */
    private static final class Cell {
        Feature first;
        int count;
        long sumLon;
        long sumLat;
        double west = Double.POSITIVE_INFINITY;
        double south = Double.POSITIVE_INFINITY;
        double east = Double.NEGATIVE_INFINITY;
        double north = Double.NEGATIVE_INFINITY;
        final Map<String, int[]> categories = new HashMap<>();

        void add(Feature f) {
            if (count++ == 0) {
                first = f;
            }
            Coordinate p = f.representativePoint();
            sumLon += Math.round(p.x * FIXED);
            sumLat += Math.round(p.y * FIXED);
            west = Math.min(west, p.x);
            south = Math.min(south, p.y);
            east = Math.max(east, p.x);
            north = Math.max(north, p.y);
            String category = f.text("category");
            categories.computeIfAbsent(category == null ? NO_CATEGORY : category, c -> new int[1])[0]++;
        }

        TileContent.Cluster cluster(int cell) {
            TreeMap<String, Integer> byCategory = new TreeMap<>();
            categories.forEach((c, n) -> byCategory.put(c, n[0]));
            return new TileContent.Cluster(cell, count, (double) sumLon / count / FIXED, (double) sumLat / count / FIXED, byCategory,
                    new double[] {west, south, east, north}, west == east && south == north);
        }
    }

    /**
     * A feature the selection matches whose geometry meets the tile (more are harmless: a feature whose
     * representative point is in another tile is left out below the cluster zoom).
     */
    public void offer(Feature feature) {
        double[] xy = feature.representativeMercator();
        if (xy == null) {
            return;
        }
        int cell = tile.cellOfMercator(xy);
        if (!clustering || drawnWhole(feature)) {
            // a line or area is drawn in every tile it meets; what is drawn as a point, only in the tile of that point
            if (cell >= 0 || !drawnAsPoint(feature)) {
                individual.add(feature);
            }
            return;
        }
        if (cell >= 0) {
            Cell c = cells[cell];
            if (c == null) {
                c = new Cell();
                cells[cell] = c;
            }
            c.add(feature);
        }
    }

    /**
     * A line or area wider or taller than a tile at this zoom is drawn as itself in every tile it meets, never
     * counted in a cluster: a route or a zone is part of the map's picture, and too big to stand for a point. An
     * area placed only by county (drawn as an icon) counts as a point. Such a feature appears in each tile it meets;
     * its id says it is one.
     */
    private boolean drawnWhole(Feature feature) {
        if (drawnAsPoint(feature)) {
            return false;
        }
        Envelope e = feature.geometry().getEnvelopeInternal();
        double width = tile.worldX(e.getMaxX()) - tile.worldX(e.getMinX());
        double height = tile.worldY(e.getMinY()) - tile.worldY(e.getMaxY());
        return Math.max(width, height) >= TileAddress.TILE_SIZE;
    }

    private static boolean drawnAsPoint(Feature feature) {
        return feature.geometry().getDimension() == 0 || TileGeometry.asPoint(feature);
    }

    public TileContent content() {
        List<TileContent.Cluster> clusters = new ArrayList<>();
        List<Feature> features = new ArrayList<>(individual);
        for (int i = 0; i < cells.length; i++) {
            Cell c = cells[i];
            if (c == null) {
                continue;
            }
            if (c.count == 1) {
                features.add(c.first);
            } else {
                clusters.add(c.cluster(i));
            }
        }
        features.sort(Comparator.comparing(Feature::id));
        return new TileContent(tile, clusters, features);
    }
}
