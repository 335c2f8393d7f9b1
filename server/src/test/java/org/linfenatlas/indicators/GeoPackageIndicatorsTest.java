package org.linfenatlas.indicators;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;
import org.linfenatlas.index.IndexedStore;
import org.linfenatlas.store.FeatureStore;
import org.linfenatlas.store.GeoPackageRepository;

/** The indicators' contract on the embedded store: the actuals beside the layers in one GeoPackage file. */
class GeoPackageIndicatorsTest extends IndicatorsContractTest {
    @TempDir
    static Path dir;

    @Override
    protected FeatureStore openFeatures() throws Exception {
        return IndexedStore.load(GeoPackageRepository.open(dir));
    }

    @Override
    protected ActualsStore openActuals() throws Exception {
        return GeoPackageActualsStore.open(dir);
    }

    @Override
    protected ActualsStore reopen() throws Exception {
        return GeoPackageActualsStore.open(dir);
    }

    @Override
    protected void failHistoryInserts(boolean fail) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(GeoPackageRepository.FILE_NAME));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=5000");
            s.execute(fail ? "CREATE TRIGGER atlas_test_fail BEFORE INSERT ON atlas_indicator_history BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
                    : "DROP TRIGGER atlas_test_fail");
        }
    }
}
