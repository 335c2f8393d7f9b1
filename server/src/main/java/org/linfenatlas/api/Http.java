package org.linfenatlas.api;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Small HTTP helpers shared by the handlers: base URL, query strings, sending encoded bodies. */
public final class Http {
    public static final String GEOJSON = "application/geo+json";
    public static final String JSON = "application/json";
    public static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";

    private Http() {
    }

    /** Scheme and host as the client sees them, honouring a reverse proxy's X-Forwarded headers. */
    public static String baseUrl(Context ctx) {
        String proto = first(ctx.header("X-Forwarded-Proto"), ctx.scheme());
        String host = first(ctx.header("X-Forwarded-Host"), ctx.host());
        return proto + "://" + host;
    }

    private static String first(String header, String fallback) {
        if (header == null || header.isBlank()) {
            return fallback;
        }
        return header.split(",")[0].strip();
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

    /** A cache key for the request: same path and parameters in any order → same key. */
    public static String cacheKey(Context ctx) {
        Map<String, List<String>> sorted = new TreeMap<>(ctx.queryParamMap());
        return baseUrl(ctx) + ctx.path() + "?" + sorted;
    }

    public static void send(Context ctx, EncodedResponse response) {
        ctx.header("ETag", response.etag());
        ctx.header("Vary", "Accept-Encoding");
        ctx.header("Cache-Control", "public, max-age=60");
        if (response.contentCrs() != null) {
            ctx.header("Content-Crs", "<" + response.contentCrs() + ">");
        }
        if (matches(ctx.header("If-None-Match"), response.etag())) {
            ctx.status(304);
            return;
        }
        ctx.contentType(response.contentType());
        byte[] bytes = response.body();
        if (acceptsGzip(ctx.header("Accept-Encoding"))) {
            ctx.header("Content-Encoding", "gzip");
            bytes = response.gzipped();
        }
        write(ctx, bytes);
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

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] coding = part.strip().split(";");
            if (coding[0].strip().equalsIgnoreCase("gzip")) {
                return coding.length == 1 || !coding[1].replace(" ", "").equals("q=0");
            }
        }
        return false;
    }
}
