package org.linfenatlas.tiles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.linfenatlas.model.Feature;
import org.locationtech.jts.geom.Coordinate;

/**
 * The clustering rule of the projects' tiles. Every feature with a geometry has one representative point
 * ({@link Feature#representativePoint()}). The tile is split in 4 x 4 cells of 64 px. Below
 * {@link #MAX_CLUSTER_ZOOM}, a cell holding one representative point shows that feature, a cell holding more
 * shows one cluster of them; from it on, every feature is shown individually: a line or area in every tile it
 * meets, what is drawn as a point (points, and areas placed only approximately) in the tile of its point. In
 * clusters a line or area counts only in the cell of its representative point, so counts are never doubled.
 */
public final class TileClusters {
    /** From this zoom on no feature is clustered. */
    public static final int MAX_CLUSTER_ZOOM = 16;
    static final String NO_CATEGORY = "";
    /** Nanodegrees: 100,000 points of ±180° sum to at most 1.8e16, well within a long. */
    private static final double FIXED = 1e9;

    private final TileAddress tile;
    private final boolean clustering;
    private final List<List<Feature>> cells = new ArrayList<>();
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
        for (int i = 0; i < TileAddress.CELLS * TileAddress.CELLS; i++) {
            cells.add(new ArrayList<>());
        }
    }

    /**
     * A feature the selection matches whose geometry meets the tile (more are harmless: a feature whose
     * representative point is in another tile is left out below the cluster zoom).
     */
    public void offer(Feature feature) {
        Coordinate point = feature.representativePoint();
        if (point == null) {
            return;
        }
        if (!clustering) {
            // a line or area is drawn in every tile it meets; what is drawn as a point, only in the tile of that point
            if (tile.contains(point) || !drawnAsPoint(feature)) {
                individual.add(feature);
            }
            return;
        }
        int cell = tile.cellOf(point);
        if (cell >= 0) {
            cells.get(cell).add(feature);
        }
    }

    private static boolean drawnAsPoint(Feature feature) {
        return feature.geometry().getDimension() == 0 || TileGeometry.asPoint(feature);
    }

    public TileContent content() {
        List<TileContent.Cluster> clusters = new ArrayList<>();
        List<Feature> features = new ArrayList<>(individual);
        for (int cell = 0; cell < cells.size(); cell++) {
            List<Feature> members = cells.get(cell);
            if (members.size() == 1) {
                features.add(members.get(0));
            } else if (members.size() > 1) {
                clusters.add(cluster(cell, members));
            }
        }
        features.sort(Comparator.comparing(Feature::id));
        return new TileContent(tile, clusters, features);
    }

    static TileContent.Cluster cluster(int cell, List<Feature> members) {
        // in fixed point, so that the mean does not depend on the order the store offered the members in
        long sumLon = 0;
        long sumLat = 0;
        double[] bbox = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        TreeMap<String, Integer> categories = new TreeMap<>();
        for (Feature f : members) {
            Coordinate p = f.representativePoint();
            sumLon += Math.round(p.x * FIXED);
            sumLat += Math.round(p.y * FIXED);
            bbox[0] = Math.min(bbox[0], p.x);
            bbox[1] = Math.min(bbox[1], p.y);
            bbox[2] = Math.max(bbox[2], p.x);
            bbox[3] = Math.max(bbox[3], p.y);
            String category = f.text("category");
            categories.merge(category == null ? NO_CATEGORY : category, 1, Integer::sum);
        }
        boolean samePlace = bbox[0] == bbox[2] && bbox[1] == bbox[3];
        return new TileContent.Cluster(cell, members.size(), (double) sumLon / members.size() / FIXED,
                (double) sumLat / members.size() / FIXED, categories, bbox,
                samePlace);
    }
}
