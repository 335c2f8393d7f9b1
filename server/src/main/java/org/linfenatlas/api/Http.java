package org.linfenatlas.api;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Small HTTP helpers shared by the handlers: base URL, query strings, sending encoded bodies. */
public final class Http {
    public static final String GEOJSON = "application/geo+json";
    public static final String JSON = "application/json";
    public static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";

    private Http() {
    }

    /** Headers every response carries: the API is open to pages of any origin (read-only). */
    public static final List<Map.Entry<String, String>> CORS = List.of(
            Map.entry("Access-Control-Allow-Origin", "*"),
            Map.entry("Access-Control-Expose-Headers", "ETag, Content-Crs, Content-Length"));

    /** The base URL of this request's links, as the server's {@link PublicUrl} (in its app data) makes it. */
    public static String baseUrl(Context ctx) {
        return ctx.appData(PublicUrl.KEY).baseUrl(ctx);
    }

    public static String query(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        return "?" + params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The response cache's key: revision, base URL and the request target exactly as sent (path and
     * query not decoded), so that equal keys always mean equal requests, whichever side computes it.
     */
    public static String cacheKey(String revision, String baseUrl, String rawPath, String rawQuery) {
        return revision + " " + baseUrl + rawPath + (rawQuery == null ? "" : "?" + rawQuery);
    }

    static String cacheKey(String revision, Context ctx) {
        return cacheKey(revision, baseUrl(ctx), ctx.req().getRequestURI(), ctx.req().getQueryString());
    }

    public static void send(Context ctx, EncodedResponse response) {
        Reply reply = Reply.of(response, ctx.header("If-None-Match"), ctx.header("Accept-Encoding"));
        ctx.status(reply.status());
        reply.headers().forEach(h -> ctx.header(h.getKey(), h.getValue()));
        if (reply.body() != null) {
            write(ctx, reply.body());
        }
    }

    /** Straight to the servlet response with its length: already encoded, nothing for Javalin to buffer or compress. */
    private static void write(Context ctx, byte[] bytes) {
        try {
            ctx.res().setContentLength(bytes.length);
            ctx.res().getOutputStream().write(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
