package org.linfenatlas.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;

/** Tiles of the embedded store: the layers written to a GeoPackage file, the index read from it. */
class GeoPackageTileContractTest extends TileContractTest {
    @TempDir
    static Path dir;

    @Override
    protected FeatureStore open(Map<LayerSpec, List<Feature>> layers) throws Exception {
        return GeoPackageStoreContractTest.openIn(dir, layers);
    }
}
