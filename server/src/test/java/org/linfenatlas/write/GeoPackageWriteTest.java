package org.linfenatlas.write;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.linfenatlas.store.FeatureStore;

/** The write contract on the embedded store: a GeoPackage file read by the in-memory index. */
class GeoPackageWriteTest extends WriteContractTest {
    @TempDir
    static Path dir;

    @Override
    protected FeatureStore openStore() throws Exception {
        return WriteServer.geoPackage(dir);
    }
}
