package org.linfenatlas.indicators;

import java.time.Instant;
import org.linfenatlas.store.Author;

/**
 * One write of an actual value, validated, for a store to commit with its history entry in one transaction.
 *
 * @param expectedVersion the version the stored value must still have; 0 when there must be none yet
 *                        (a first value); a mismatch is a PRECONDITION_FAILED StoreError
 * @param value           null (with {@code source}) to delete the year's value
 */
public record ActualChange(String indicator, int year, long expectedVersion, Double value, String source, Author author,
                           Instant time) {
    public boolean isDelete() {
        return value == null;
    }
}
