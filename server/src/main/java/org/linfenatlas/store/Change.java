package org.linfenatlas.store;

import java.time.Instant;
import org.linfenatlas.model.Feature;

/**
 * One write, validated whole, for a repository to commit with its history entry in one transaction.
 *
 * @param expectedVersion the version the stored feature must still have (ignored for CREATE and RESTORE,
 *                        which need it absent); a mismatch is a PRECONDITION_FAILED StoreError
 * @param after           the feature to store (its version is assigned by the repository), null for DELETE
 */
public record Change(String collection, HistoryEntry.Operation operation, String featureId, long expectedVersion,
                     Feature after, Author author, Instant time) {
}
