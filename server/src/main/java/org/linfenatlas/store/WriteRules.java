package org.linfenatlas.store;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.linfenatlas.model.Feature;

/** What every repository checks before it writes a change, defined once. */
public final class WriteRules {
    private static final SecureRandom RANDOM = new SecureRandom();

    private WriteRules() {
    }

    /**
     * The version the change gives the feature, after checking it against what is stored: a create or
     * restore needs the id free (a restore also needs a history to restore from, a create none: an id is
     * never reused), every other change the stored feature at the expected version. Versions continue
     * the history's numbering, so that they never repeat for one id, even after a delete or an import.
     *
     * @param stored             the stored feature, or null
     * @param lastHistoryVersion the newest version in the feature's history, 0 when it has none
     */
    public static long nextVersion(Change change, Feature stored, long lastHistoryVersion) {
        String id = change.featureId();
        switch (change.operation()) {
            case CREATE, RESTORE -> {
                if (stored != null) {
                    throw StoreError.of(StoreError.Kind.CONFLICT, "feature '" + id + "' exists");
                }
                if (change.operation() == HistoryEntry.Operation.CREATE && lastHistoryVersion > 0) {
                    throw StoreError.of(StoreError.Kind.CONFLICT, "the id '" + id + "' was used before; restore it instead");
                }
                if (change.operation() == HistoryEntry.Operation.RESTORE && lastHistoryVersion == 0) {
                    throw StoreError.notFound("no deleted feature '" + id + "' to restore");
                }
            }
            default -> {
                if (stored == null) {
                    throw StoreError.notFound("no feature '" + id + "' in " + change.collection());
                }
                if (stored.version() != change.expectedVersion()) {
                    throw StoreError.versionMismatch("feature '" + id + "' is at version " + stored.version()
                            + ", not " + change.expectedVersion() + ": someone changed it meanwhile", stored.version());
                }
            }
        }
        return Math.max(stored == null ? 0 : stored.version(), lastHistoryVersion) + 1;
    }

    /** A new epoch for a layer replaced whole. */
    public static String newEpoch() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A new feature id: random, so that instances on one database need no coordination (a clash is a CONFLICT). */
    public static String newFeatureId(String prefix) {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return prefix + "-" + HexFormat.of().formatHex(bytes);
    }
}
