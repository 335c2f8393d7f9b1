package org.linfenatlas.indicators;

import java.io.IOException;
import java.nio.file.Path;
import org.linfenatlas.store.LayerRepository;
import org.linfenatlas.store.postgis.PostGisRepository;

/** The actuals store that belongs with a layer repository: PostGIS for --db (sharing its pool), else the data dir's GeoPackage. */
public final class ActualsStores {
    private ActualsStores() {
    }

    public static ActualsStore over(LayerRepository repository, Path dataDir) throws IOException {
        if (repository instanceof PostGisRepository database) {
            return new PostGisActualsStore(database.dataSource());
        }
        return GeoPackageActualsStore.open(dataDir);
    }
}
