package org.linfenatlas.indicators;

import java.util.List;
import java.util.Optional;

/**
 * The actual values of the indicators, per year, with their history: in the embedded GeoPackage file
 * ({@link GeoPackageActualsStore}) or in PostGIS ({@link PostGisActualsStore}). A commit checks the
 * expected version, writes the value and appends its history entry in one transaction.
 */
public interface ActualsStore extends AutoCloseable {

    /** Every recorded value, by indicator id and year. */
    List<Actual> all();

    Optional<Actual> get(String indicator, int year);

    /** The indicator's committed changes (every year), newest first. */
    List<ActualHistoryEntry> history(String indicator);

    /**
     * Commits the change and its history entry in one transaction, after checking that the stored value
     * is still at the change's expected version (absent for 0).
     *
     * @throws org.linfenatlas.store.StoreError PRECONDITION_FAILED (with the current version, 0 for none); nothing is written then
     */
    ActualHistoryEntry commit(ActualChange change);

    /** Changes with every commit, also one by another server on the same database: keys cached answers. */
    String revision();

    /** Random per store, so that ETags of two stores (or of a store made anew) never match. */
    String epoch();

    String describe();

    @Override
    void close();

    /** No value recorded and none recordable: the read-only servers of the handler tests. */
    ActualsStore NONE = new ActualsStore() {
        public List<Actual> all() {
            return List.of();
        }

        public Optional<Actual> get(String indicator, int year) {
            return Optional.empty();
        }

        public List<ActualHistoryEntry> history(String indicator) {
            return List.of();
        }

        public ActualHistoryEntry commit(ActualChange change) {
            throw org.linfenatlas.store.StoreError.of(org.linfenatlas.store.StoreError.Kind.FORBIDDEN,
                    "this server records no actual values");
        }

        public String revision() {
            return "none-0";
        }

        public String epoch() {
            return "none";
        }

        public String describe() {
            return "no store";
        }

        public void close() {
        }
    };
}
