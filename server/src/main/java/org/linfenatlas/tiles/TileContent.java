package org.linfenatlas.tiles;

import java.util.List;
import java.util.Map;
import org.linfenatlas.model.Feature;

/**
 * What a tile of a clustered collection holds: clusters (by cell) and features drawn one by one (by id).
 *
 * @param features the features drawn individually, in id order
 */
public record TileContent(TileAddress tile, List<Cluster> clusters, List<Feature> features) {
    public TileContent {
        clusters = List.copyOf(clusters);
        features = List.copyOf(features);
    }

    /**
     * More than one feature whose representative points lie in one cell.
     *
     * @param cell       the cell's number in its tile (row-major, 0..15)
     * @param lon        mean longitude of the members' points
     * @param lat        mean latitude of the members' points
     * @param categories member count by category (in name order; a member without one counts under "")
     * @param bbox       west, south, east, north of the members' points
     * @param samePlace  whether every member's point is the same
     */
    public record Cluster(int cell, int count, double lon, double lat, Map<String, Integer> categories, double[] bbox,
                          boolean samePlace) {
        public Cluster {
            categories = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(categories)); // in name order, always
            bbox = bbox.clone();
        }

        /** The cluster's feature id: cluster/z/row/col/cell. */
        public String id(TileAddress tile) {
            return "cluster/" + tile.zoom() + "/" + tile.row() + "/" + tile.col() + "/" + cell;
        }
    }
}
