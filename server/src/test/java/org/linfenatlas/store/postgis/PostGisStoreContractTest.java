package org.linfenatlas.store.postgis;

import java.util.List;
import java.util.Map;
import org.linfenatlas.index.IndexedStore;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.store.FeatureStore;
import org.linfenatlas.store.StoreContractTest;

/** The default read path over PostGIS: the layers written to a freshly migrated database, the index read from it. */
class PostGisStoreContractTest extends StoreContractTest {
    @Override
    protected FeatureStore open(Map<LayerSpec, List<Feature>> layers) {
        return openIndexed(layers);
    }

    /** The layers written to a freshly migrated database, the index read from it. */
    static FeatureStore openIndexed(Map<LayerSpec, List<Feature>> layers) {
        try (PostGisRepository writer = TestDatabase.freshRepository()) {
            writer.replaceAll(layers);
        }
        return IndexedStore.load(PostGisRepository.open(TestDatabase.url()));
    }
}
