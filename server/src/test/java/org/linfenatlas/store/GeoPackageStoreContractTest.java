package org.linfenatlas.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.linfenatlas.index.IndexedStore;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;

/** The embedded store: the layers written to a GeoPackage file, the file reopened, the index read from it. */
class GeoPackageStoreContractTest extends StoreContractTest {
    @TempDir
    static Path dir;

    @Override
    protected FeatureStore open(Map<LayerSpec, List<Feature>> layers) throws Exception {
        return openIn(dir, layers);
    }

    /** The layers written to a GeoPackage file in dir, the file reopened, the index read from it. */
    static FeatureStore openIn(Path dir, Map<LayerSpec, List<Feature>> layers) throws Exception {
        try (GeoPackageRepository writer = GeoPackageRepository.open(dir)) {
            writer.replaceAll(layers);
        }
        return IndexedStore.load(GeoPackageRepository.open(dir));
    }
}
