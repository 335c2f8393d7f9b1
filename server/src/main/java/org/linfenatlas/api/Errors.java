package org.linfenatlas.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linfenatlas.store.StoreError;

/** The one place where refusals become HTTP: status, OGC-style code and the JSON body {code, description, details}. */
public final class Errors {
    private Errors() {
    }

    public static int status(StoreError.Kind kind) {
        return switch (kind) {
            case MALFORMED -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case PRECONDITION_FAILED -> 412;
            case TOO_LARGE -> 413;
            case INVALID -> 422;
            case PRECONDITION_REQUIRED -> 428;
            case TOO_MANY_REQUESTS -> 429;
        };
    }

    public static String code(StoreError.Kind kind) {
        return switch (kind) {
            case MALFORMED -> "InvalidRequestBody";
            case UNAUTHORIZED -> "Unauthorized";
            case FORBIDDEN -> "Forbidden";
            case NOT_FOUND -> "NotFound";
            case CONFLICT -> "Conflict";
            case PRECONDITION_FAILED -> "PreconditionFailed";
            case TOO_LARGE -> "PayloadTooLarge";
            case INVALID -> "InvalidFeature";
            case PRECONDITION_REQUIRED -> "PreconditionRequired";
            case TOO_MANY_REQUESTS -> "TooManyRequests";
        };
    }

    /** Writes the error body; the caller adds any header the kind needs (ETag, WWW-Authenticate, Retry-After). */
    public static void send(Context ctx, StoreError e) {
        if (e.kind() == StoreError.Kind.UNAUTHORIZED && ctx.res().getHeader("WWW-Authenticate") == null) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"linfen-atlas\"");
        }
        send(ctx, status(e.kind()), code(e.kind()), e.getMessage(), e.details());
    }

    public static void send(Context ctx, int status, String code, String description, List<StoreError.Problem> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("description", description);
        if (details != null && !details.isEmpty()) {
            body.put("details", details.stream().map(p -> {
                Map<String, String> detail = new LinkedHashMap<>();
                detail.put("property", p.property());
                detail.put("problem", p.problem());
                return detail;
            }).toList());
        }
        ctx.status(status).contentType("application/json").header("Cache-Control", "no-store").result(OgcApi.json(body));
    }
}
