package org.linfenatlas.write;

import org.linfenatlas.store.FeatureStore;

/** The write contract on PostGIS read by the in-memory index (the default read path over a database). */
class PostGisIndexedWriteTest extends WriteContractTest {
    @Override
    protected FeatureStore openStore() throws Exception {
        return WriteServer.postGisIndexed();
    }
}
