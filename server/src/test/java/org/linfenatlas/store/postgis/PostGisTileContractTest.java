package org.linfenatlas.store.postgis;

import java.util.List;
import java.util.Map;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.store.FeatureStore;
import org.linfenatlas.store.TileContractTest;

/** Tiles of the default read path over PostGIS: the index read from a freshly loaded database. */
class PostGisTileContractTest extends TileContractTest {
    @Override
    protected FeatureStore open(Map<LayerSpec, List<Feature>> layers) {
        return PostGisStoreContractTest.openIndexed(layers);
    }
}
