package org.linfenatlas.auth;

import org.linfenatlas.store.postgis.PostGisRepository;
import org.linfenatlas.store.postgis.TestDatabase;

/** The UserStore behaviours against PostgreSQL; skipped unless the test database is there (see TestDatabase). */
class PostGisUserStoreTest extends UserStoreContract {
    private PostGisRepository repository;

    @Override
    UserStore openEmpty(MutableClock clock) {
        repository = TestDatabase.freshRepository();
        return new PostGisUserStore(repository.dataSource(), Counties.bundled(), clock);
    }

    @Override
    @org.junit.jupiter.api.AfterEach
    void close() {
        super.close();
        if (repository != null) {
            repository.close();
        }
    }
}
