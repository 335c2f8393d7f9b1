package org.linfenatlas.store;

import java.util.List;

/**
 * A request the store (or the write path in front of it) refuses for a reason the client can act on;
 * {@code api} maps each kind to its HTTP status and OGC code in one place. Rejected writes change nothing.
 */
public final class StoreError extends RuntimeException {
    public enum Kind { MALFORMED, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, PRECONDITION_REQUIRED, PRECONDITION_FAILED, INVALID, TOO_LARGE, TOO_MANY_REQUESTS }

    private final Kind kind;
    private final List<Problem> details;
    private final Long currentVersion;

    private StoreError(Kind kind, String message, List<Problem> details, Long currentVersion) {
        super(message, null, false, false);
        this.kind = kind;
        this.details = List.copyOf(details);
        this.currentVersion = currentVersion;
    }

    public static StoreError of(Kind kind, String message) {
        return new StoreError(kind, message, List.of(), null);
    }

    public static StoreError notFound(String message) {
        return of(Kind.NOT_FOUND, message);
    }

    public static StoreError invalid(String message, List<Problem> details) {
        return new StoreError(Kind.INVALID, message, details, null);
    }

    public static StoreError malformed(String message, List<Problem> details) {
        return new StoreError(Kind.MALFORMED, message, details, null);
    }

    /** The stored feature is no longer at the version the client named; it is now at {@code currentVersion}. */
    public static StoreError versionMismatch(String message, long currentVersion) {
        return new StoreError(Kind.PRECONDITION_FAILED, message, List.of(), currentVersion);
    }

    public Kind kind() {
        return kind;
    }

    public List<Problem> details() {
        return details;
    }

    /** For PRECONDITION_FAILED: the version the feature is at now, or null when unknown. */
    public Long currentVersion() {
        return currentVersion;
    }

    /** One problem of a rejected request: the property (or "geometry", or "" for the whole body) and what is wrong. */
    public record Problem(String property, String problem) {
    }
}
