package org.linfenatlas.store;

import org.linfenatlas.model.LayerSpec;
import org.locationtech.jts.geom.Envelope;

/** A collection as a store holds it: its spec, CRS84 extent and number of features. */
public record CollectionInfo(LayerSpec spec, Envelope extent, long count) {
    public String id() {
        return spec.id();
    }
}
