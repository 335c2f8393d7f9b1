package org.linfenatlas.api;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What one request gets from an encoded response: 304 or 200, the headers and the body bytes
 * (plain or gzip). Decided here once, so the Javalin route and the {@link FastPathHandler}
 * in front of it answer byte for byte alike.
 */
public record Reply(int status, List<Map.Entry<String, String>> headers, byte[] body, boolean gzipped) {
    /**
     * Clients may keep API answers but ask again each time (a 304 costs a header): the data is edited,
     * and an editor who saved must see the change at once.
     */
    static final String API_CACHE_CONTROL = "public, no-cache";

    static Reply of(EncodedResponse response, String ifNoneMatch, String acceptEncoding) {
        return of(response, API_CACHE_CONTROL, ifNoneMatch, acceptEncoding);
    }

    public static Reply of(EncodedResponse response, String cacheControl, String ifNoneMatch, String acceptEncoding) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(8 + response.headers().size());
        headers.add(Map.entry("ETag", response.etag()));
        headers.add(Map.entry("Vary", "Accept-Encoding"));
        headers.add(Map.entry("Cache-Control", cacheControl));
        if (response.contentCrs() != null) {
            headers.add(Map.entry("Content-Crs", "<" + response.contentCrs() + ">"));
        }
        headers.addAll(response.headers());
        if (matches(ifNoneMatch, response.etag())) {
            return new Reply(304, headers, null, false);
        }
        headers.add(Map.entry("Content-Type", response.contentType()));
        if (response.compressible() && AcceptEncoding.gzip(acceptEncoding)) {
            headers.add(Map.entry("Content-Encoding", "gzip"));
            return new Reply(200, headers, response.gzipped(), true);
        }
        return new Reply(200, headers, response.body(), false);
    }

    /**
     * Writes this reply straight to Jetty's response, with the CORS headers every answer carries;
     * {@code body} gives the bytes to write for the gzip (true) or plain (false) form.
     */
    public void send(boolean head, Response response, Callback callback, Function<Boolean, ByteBuffer> body) {
        response.setStatus(status);
        HttpFields.Mutable out = response.getHeaders();
        Http.CORS.forEach(h -> out.add(h.getKey(), h.getValue())); // add: nothing has set a header yet, no need to search
        for (Map.Entry<String, String> h : headers) {
            out.add(h.getKey(), h.getValue());
        }
        if (this.body == null) {
            response.write(true, null, callback);
        } else {
            out.put(HttpHeader.CONTENT_LENGTH, this.body.length);
            response.write(true, head ? null : body.apply(gzipped), callback);
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
}
