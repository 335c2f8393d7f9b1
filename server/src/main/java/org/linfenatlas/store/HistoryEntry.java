package org.linfenatlas.store;

import java.time.Instant;
import org.linfenatlas.model.Feature;

/**
 * One committed change of a feature, as its append-only history keeps it: the version it produced,
 * when (UTC), what kind of change, by whom, and the whole feature before and after (null before a
 * create, null after a delete), from which what changed is derived.
 */
public record HistoryEntry(String collection, String featureId, long version, Instant time, Operation operation,
                           Author author, Feature before, Feature after) {

    public enum Operation {
        CREATE, REPLACE, UPDATE, DELETE, REVERT, RESTORE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
