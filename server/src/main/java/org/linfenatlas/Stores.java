package org.linfenatlas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.linfenatlas.config.Config;
import org.linfenatlas.config.ConfigException;
import org.linfenatlas.index.IndexedStore;
import org.linfenatlas.store.FeatureStore;
import org.linfenatlas.store.GeoPackageRepository;
import org.linfenatlas.store.LayerRepository;
import org.linfenatlas.store.postgis.DatabaseUrl;
import org.linfenatlas.store.postgis.PostGisFeatureStore;
import org.linfenatlas.store.postgis.PostGisRepository;

/** Chooses the repository a configuration names (PostGIS for --db, else the embedded GeoPackage) and the read path over it. */
final class Stores {
    private Stores() {
    }

    static LayerRepository open(Config config) throws IOException {
        if (config.db() != null) {
            return openDatabase(config);
        }
        return GeoPackageRepository.open(config.dataDir());
    }

    static PostGisRepository openDatabase(Config config) {
        if (config.db() == null) {
            throw new ConfigException("--db (or ATLAS_DB) is required: postgresql://user:pass@host:5432/dbname");
        }
        return PostGisRepository.open(DatabaseUrl.parse(config.db()));
    }

    /** An existing GeoPackage file; opening a missing one would create it empty. */
    static GeoPackageRepository openExistingGpkg(Path file, String flag) throws IOException {
        if (file == null) {
            throw new ConfigException(flag + " FILE is required");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(flag + " " + file + " is not a file");
        }
        return GeoPackageRepository.openFile(file);
    }

    /**
     * The in-memory index, reloaded whenever the repository reports a change (another server
     * instance or an import wrote to the database); or, for --db-reads sql, a query per request.
     */
    static FeatureStore readPath(LayerRepository repository, Config config) {
        if (config.dbReads().equals("sql")) {
            if (!(repository instanceof PostGisRepository database)) {
                throw new ConfigException("--db-reads sql needs --db");
            }
            return PostGisFeatureStore.over(database);
        }
        IndexedStore store = IndexedStore.load(repository);
        repository.onChange(store::changed);
        return store;
    }
}
