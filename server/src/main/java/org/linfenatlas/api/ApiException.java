package org.linfenatlas.api;

import java.util.Map;

/**
 * An error answered to the client with its HTTP status and an OGC-style code, e.g. 400 InvalidParameterValue,
 * and optionally details (written as the body's "details", e.g. where a filter failed to parse).
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, Object> details;

    public ApiException(int status, String code, String description) {
        this(status, code, description, null);
    }

    public ApiException(int status, String code, String description, Map<String, Object> details) {
        super(description, null, false, false);
        this.status = status;
        this.code = code;
        this.details = details == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }

    public static ApiException badParameter(String description) {
        return new ApiException(400, "InvalidParameterValue", description);
    }

    public static ApiException notFound(String description) {
        return new ApiException(404, "NotFound", description);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Null when there are none. */
    public Map<String, Object> details() {
        return details;
    }
}
