package org.linfenatlas.store;

import java.util.List;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;

/**
 * Persistence of the stored layers (GeoPackage file or PostGIS database): whole-layer reads for
 * the in-memory index and whole-layer replacement for seeding, import and export.
 */
public interface LayerRepository extends AutoCloseable {

    /** True when no stored layer holds any feature yet (a fresh data dir or database). */
    boolean isEmpty();

    List<Feature> readAll(LayerSpec layer);

    /** Replaces the layer's features in one transaction. */
    void replaceAll(LayerSpec layer, List<Feature> features);

    /** Where the data lives, for logs (never contains a password). */
    String describe();

    @Override
    void close();
}
