package org.linfenatlas.write;

import org.linfenatlas.store.FeatureStore;

/** {@link ConcurrentEditTest} on PostGIS read by the in-memory index. */
class PostGisConcurrentEditTest extends ConcurrentEditTest {
    @Override
    protected FeatureStore openStore() throws Exception {
        return WriteServer.postGisIndexed();
    }
}
