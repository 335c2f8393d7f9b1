package org.linfenatlas.store.postgis;

import java.util.List;
import java.util.Map;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.store.FeatureStore;
import org.linfenatlas.store.StoreContractTest;

/** The SQL read path: every request answered by queries on a freshly migrated and loaded database. */
class PostGisSqlStoreContractTest extends StoreContractTest {
    @Override
    protected FeatureStore open(Map<LayerSpec, List<Feature>> layers) {
        return openSql(layers);
    }

    /** The layers loaded into a freshly migrated database, every request answered by SQL. */
    static FeatureStore openSql(Map<LayerSpec, List<Feature>> layers) {
        PostGisRepository repository = TestDatabase.freshRepository();
        repository.replaceAll(layers);
        return PostGisFeatureStore.over(repository);
    }
}
