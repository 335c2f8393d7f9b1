package org.linfenatlas.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** One feature of the layer, or empty. */
    Optional<Feature> read(LayerSpec layer, String featureId);

    /** The layer's version: a new one after every committed change, a new epoch after every whole replacement. */
    LayerVersion version(LayerSpec layer);

    /**
     * Commits one change and its history entry in one transaction, after checking that the stored
     * feature is still at the change's expected version (or absent, for a create or restore).
     * Returns the entry, whose {@code after} carries the new version.
     *
     * @throws StoreError NOT_FOUND, PRECONDITION_FAILED (with the current version) or CONFLICT; nothing is written then
     */
    HistoryEntry commit(Change change);

    /** The feature's committed changes, newest first; kept after a delete. */
    List<HistoryEntry> history(LayerSpec layer, String featureId);

    /**
     * The layer's latest committed changes across its features, newest first (by time, then by the
     * order they were committed), at most {@code limit}. With {@code deletedOnly}, only the features
     * deleted now, each once, by the change that deleted it.
     */
    List<HistoryEntry> recentHistory(LayerSpec layer, int limit, boolean deletedOnly);

    /**
     * Calls {@code listener} after a change to the stored layers was committed by another process
     * (another server instance, an import, an edit with another tool); repositories with no other
     * writers (the embedded file) never call it.
     */
    default void onChange(ChangeListener listener) {
    }

    /** What changed: a layer's features by id, or the whole layer when {@code featureIds} is null. */
    interface ChangeListener {
        void changed(String layer, List<String> featureIds);
    }

    /** Where the data lives, for logs (never contains a password). */
    String describe();

    @Override
    void close();
}
