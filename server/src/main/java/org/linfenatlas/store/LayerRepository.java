package org.linfenatlas.store;

import java.util.List;
import java.util.Map;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;

/**
 * Persistence of the stored layers (GeoPackage file or PostGIS database): whole-layer reads for
 * the in-memory index and whole-layer replacement for seeding, import and export.
 */
public interface LayerRepository extends AutoCloseable {

    /** True when no stored layer holds any feature yet (a fresh data dir or database). */
    boolean isEmpty();

    /** The layer's features in id order, so that every repository yields the same list. */
    List<Feature> readAll(LayerSpec layer);

    /** Replaces the layer's features in one transaction. */
    default void replaceAll(LayerSpec layer, List<Feature> features) {
        replaceAll(Map.of(layer, features));
    }

    /** Replaces the features of every given layer in one transaction: all of them or none. */
    void replaceAll(Map<LayerSpec, List<Feature>> layers);

    /**
     * Calls {@code listener} after a change to the stored layers was committed by anyone, this
     * process or another one; repositories with no other writers (the embedded file) never call it.
     */
    default void onChange(Runnable listener) {
    }

    /** Where the data lives, for logs (never contains a password). */
    String describe();

    @Override
    void close();
}
