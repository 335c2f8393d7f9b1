package org.linfenatlas;

import java.io.IOException;
import org.linfenatlas.config.Config;
import org.linfenatlas.config.ConfigException;
import org.linfenatlas.store.GeoPackageRepository;
import org.linfenatlas.store.LayerRepository;

/** Chooses the repository a configuration names: PostGIS for --db, else the embedded GeoPackage. */
final class Stores {
    private Stores() {
    }

    static LayerRepository open(Config config) throws IOException {
        if (config.db() != null) {
            throw new ConfigException("the PostGIS store is not built yet");
        }
        return GeoPackageRepository.open(config.dataDir());
    }
}
