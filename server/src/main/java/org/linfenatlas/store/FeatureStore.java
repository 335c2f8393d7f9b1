package org.linfenatlas.store;

import java.util.List;
import java.util.Optional;
import org.linfenatlas.model.Feature;
import org.locationtech.jts.geom.Envelope;

/**
 * The one interface between HTTP and data. Implementations: the in-memory index over the embedded
 * GeoPackage or PostGIS ({@code IndexedStore}), SQL per request on PostGIS ({@code PostGisFeatureStore}),
 * and the fake of the handler tests. Every collection has its own version, so that a change of one
 * collection retires only that collection's cached answers and ETags.
 */
public interface FeatureStore extends AutoCloseable {

    List<CollectionInfo> collections();

    default Optional<CollectionInfo> collection(String id) {
        return collections().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** @throws IllegalArgumentException for a collection the store does not hold */
    FeaturePage items(ItemsQuery query);

    Optional<Feature> item(String collection, String featureId);

    Stats stats();

    /**
     * The statistics of the projects an items query selects (its bbox, terms, filters; paging and sort
     * ignored), over every county and belt as {@link #stats()}; by default computed in memory over the
     * selected projects. An empty selection is {@link #stats()}.
     */
    default Stats stats(ItemsQuery selection) {
        if (selects(selection)) {
            List<Feature> selected = new java.util.ArrayList<>();
            forEachSelected(selection, selected::add); // no page: neither sorted nor encoded
            return org.linfenatlas.index.StatsCalculator.compute(selected,
                    items(ItemsQuery.all(org.linfenatlas.model.Layers.COUNTIES)).features());
        }
        return stats();
    }

    /** Whether the query selects less than the whole collection (paging aside): any bbox, term, filter... */
    static boolean selects(ItemsQuery query) {
        return !query.withPage(0, Integer.MAX_VALUE).equals(ItemsQuery.all(query.collection()));
    }

    /**
     * Every feature the query selects (bbox, filters, terms, CQL2 filter; paging and sort ignored), in no
     * particular order: what tiles are made of. By default one items page of every match; the stores walk
     * their own index or rows instead.
     */
    default void forEachSelected(ItemsQuery selection, java.util.function.Consumer<Feature> action) {
        items(selection.withPage(0, Integer.MAX_VALUE)).features().forEach(action);
    }

    /**
     * The clusters and features of one tile of a collection for the selection (its own bbox replaced by the
     * tile's), by the rule of {@link org.linfenatlas.tiles.TileClusters}: the same answer from every store.
     *
     * @param clustered whether features are clustered below the cluster zoom (else every one is shown)
     */
    default org.linfenatlas.tiles.TileContent tile(ItemsQuery selection, org.linfenatlas.tiles.TileAddress tile, boolean clustered) {
        org.linfenatlas.tiles.TileClusters content = new org.linfenatlas.tiles.TileClusters(tile, clustered);
        Envelope box = tile.envelope();
        // a hair wider: the tile's own test (by pixel) decides a point on its edge, not rounding of the bounds
        box.expandBy(1e-9);
        forEachSelected(selection.withBbox(box), content::offer);
        return content.content();
    }

    /** The collection's version (a derived collection has that of its source: belts follow counties). */
    LayerVersion version(String collection);

    /**
     * What keys the collection's cached answers: changes whenever what this store answers for it may
     * have changed (its version, and, for a store that applies changes itself, each change it applied).
     */
    default String revision(String collection) {
        return version(collection).revision();
    }

    /** Changes whenever any collection changes. */
    default String revision() {
        StringBuilder out = new StringBuilder();
        for (CollectionInfo c : collections()) {
            out.append(c.id()).append(':').append(revision(c.id())).append(' ');
        }
        return out.toString().strip();
    }

    /**
     * Commits a validated change with its history entry, and answers reads with it before returning
     * (read your writes). Stores that cannot write refuse with FORBIDDEN.
     *
     * @throws StoreError NOT_FOUND, PRECONDITION_FAILED or CONFLICT, with nothing written
     */
    default HistoryEntry write(Change change) {
        throw StoreError.of(StoreError.Kind.FORBIDDEN, "this store is read-only");
    }

    /** The feature's committed changes, newest first (also for a deleted feature); empty when it has none. */
    default List<HistoryEntry> history(String collection, String featureId) {
        return List.of();
    }

    /**
     * The collection's latest committed changes across its features, newest first (by time, then by the
     * order they were committed), at most {@code limit}; with {@code deletedOnly}, only the features that
     * are deleted now, each once, by the change that deleted it. Empty for a collection without history.
     */
    default List<HistoryEntry> recentHistory(String collection, int limit, boolean deletedOnly) {
        return List.of();
    }

    @Override
    void close();
}
