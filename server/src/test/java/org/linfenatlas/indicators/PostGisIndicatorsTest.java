package org.linfenatlas.indicators;

import java.sql.Connection;
import java.sql.Statement;
import org.linfenatlas.store.FeatureStore;
import org.linfenatlas.store.postgis.PostGisFeatureStore;
import org.linfenatlas.store.postgis.PostGisRepository;
import org.linfenatlas.store.postgis.TestDatabase;

/** The indicators' contract on PostGIS (migration V7): values and history in the atlas schema, sharing the layers' pool. */
class PostGisIndicatorsTest extends IndicatorsContractTest {
    private PostGisRepository repository;

    @Override
    protected FeatureStore openFeatures() {
        repository = TestDatabase.freshRepository();
        return PostGisFeatureStore.over(repository);
    }

    @Override
    protected ActualsStore openActuals() {
        return new PostGisActualsStore(repository.dataSource());
    }

    @Override
    protected ActualsStore reopen() {
        PostGisRepository other = PostGisRepository.open(TestDatabase.url());
        PostGisActualsStore store = new PostGisActualsStore(other.dataSource());
        return new ActualsStore() { // closes its own pool
            public java.util.List<Actual> all() {
                return store.all();
            }

            public java.util.Optional<Actual> get(String indicator, int year) {
                return store.get(indicator, year);
            }

            public java.util.List<ActualHistoryEntry> history(String indicator) {
                return store.history(indicator);
            }

            public ActualHistoryEntry commit(ActualChange change) {
                return store.commit(change);
            }

            public String revision() {
                return store.revision();
            }

            public String epoch() {
                return store.epoch();
            }

            public String describe() {
                return store.describe();
            }

            public void close() {
                other.close();
            }
        };
    }

    @Override
    protected void failHistoryInserts(boolean fail) throws Exception {
        try (Connection c = TestDatabase.connect(TestDatabase.url()); Statement s = c.createStatement()) {
            if (fail) {
                s.execute("CREATE FUNCTION atlas.test_fail() RETURNS trigger LANGUAGE plpgsql AS $$"
                        + " BEGIN RAISE EXCEPTION 'refused by the test'; END $$");
                s.execute("CREATE TRIGGER test_fail BEFORE INSERT ON atlas.indicator_history FOR EACH ROW EXECUTE FUNCTION atlas.test_fail()");
            } else {
                s.execute("DROP TRIGGER test_fail ON atlas.indicator_history");
                s.execute("DROP FUNCTION atlas.test_fail()");
            }
        }
    }
}
