package org.linfenatlas.store.postgis;

import java.util.List;
import java.util.Map;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.store.FeatureStore;
import org.linfenatlas.store.TileContractTest;

/** Tiles of the SQL read path: the selection's rows read per request, clustered by the same rule. */
class PostGisSqlTileContractTest extends TileContractTest {
    @Override
    protected FeatureStore open(Map<LayerSpec, List<Feature>> layers) {
        return PostGisSqlStoreContractTest.openSql(layers);
    }
}
