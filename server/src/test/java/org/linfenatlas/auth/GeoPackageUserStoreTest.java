package org.linfenatlas.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linfenatlas.store.GeoPackageRepository;

class GeoPackageUserStoreTest extends UserStoreContract {
    @TempDir
    Path dataDir;

    @Override
    UserStore openEmpty(MutableClock clock) throws Exception {
        return GeoPackageUserStore.open(dataDir, Counties.bundled(), clock);
    }

    @Test
    void usersAndTokensSurviveReopening() throws Exception {
        editor("li.wei");
        UserStore.IssuedToken token = store.createToken("li.wei", "qgis");
        store.close();
        store = openEmpty(clock);
        assertEquals(List.of("li.wei"), store.users().stream().map(User::name).toList());
        assertTrue(store.tokenUser(token.token()).isPresent());
    }

    @Test
    void fileStillOpensAsTheLayersGeoPackage() throws Exception {
        editor("li.wei");
        store.close();
        try (GeoPackageRepository layers = GeoPackageRepository.open(dataDir)) {
            assertTrue(layers.isEmpty());
        }
        store = openEmpty(clock);
        assertTrue(Files.exists(dataDir.resolve(GeoPackageRepository.FILE_NAME)));
    }

    @Test
    void storedPasswordHashIsArgon2idNotThePassword() throws Exception {
        editor("li.wei");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(GeoPackageRepository.FILE_NAME));
             var rs = c.createStatement().executeQuery("SELECT password_hash FROM atlas_users")) {
            rs.next();
            String hash = rs.getString(1);
            assertTrue(hash.startsWith("$argon2id$"), hash);
            assertFalse(hash.contains(PASSWORD));
        }
    }
}
