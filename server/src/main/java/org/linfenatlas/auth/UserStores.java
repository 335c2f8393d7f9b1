package org.linfenatlas.auth;

import java.io.IOException;
import org.linfenatlas.config.Config;
import org.linfenatlas.store.LayerRepository;
import org.linfenatlas.store.postgis.DatabaseUrl;
import org.linfenatlas.store.postgis.PostGisRepository;

/** The user store that belongs with a configuration's layer store: PostGIS for --db, else the data dir's GeoPackage. */
public final class UserStores {
    private UserStores() {
    }

    /** For a command: opens (and migrates) what it needs; closing the store closes it all. */
    public static UserStore open(Config config) throws IOException {
        if (config.db() != null) {
            return PostGisUserStore.owning(PostGisRepository.open(DatabaseUrl.parse(config.db())));
        }
        return GeoPackageUserStore.open(config.dataDir());
    }

    /** For the server: beside its open repository, sharing its connection pool when it is PostGIS. */
    public static UserStore over(LayerRepository repository, Config config) throws IOException {
        if (repository instanceof PostGisRepository database) {
            return new PostGisUserStore(database.dataSource());
        }
        return GeoPackageUserStore.open(config.dataDir());
    }
}
