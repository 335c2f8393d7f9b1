package org.linfenatlas.store;

import java.util.List;
import java.util.Optional;
import org.linfenatlas.model.Feature;

/**
 * The one interface between HTTP and data. Implementations: the in-memory index over the embedded
 * GeoPackage or PostGIS ({@code IndexedStore}), SQL per request on PostGIS ({@code PostGisFeatureStore}),
 * and the fake of the handler tests. Writes (OGC API
 * Part 4) will be added here; {@link #revision()} changes with every write so that cached
 * responses and ETags follow the data.
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

    /** Changes whenever any layer changes. */
    String revision();

    @Override
    void close();
}
