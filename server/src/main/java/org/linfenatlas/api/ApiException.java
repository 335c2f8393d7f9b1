package org.linfenatlas.api;

/** An error answered to the client with its HTTP status and an OGC-style code, e.g. 400 InvalidParameterValue. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    public ApiException(int status, String code, String description) {
        super(description, null, false, false);
        this.status = status;
        this.code = code;
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
}
