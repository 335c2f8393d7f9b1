package org.linfenatlas.write;

import org.linfenatlas.store.FeatureStore;

/** The write contract on PostGIS answering every request by SQL (PostGisFeatureStore). */
class PostGisSqlWriteTest extends WriteContractTest {
    @Override
    protected FeatureStore openStore() throws Exception {
        return WriteServer.postGisSql();
    }
}
