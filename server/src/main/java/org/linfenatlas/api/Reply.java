package org.linfenatlas.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one request gets from an encoded response: 304 or 200, the headers and the body bytes
 * (plain or gzip). Decided here once, so the Javalin route and the {@link FastPathHandler}
 * in front of it answer byte for byte alike.
 */
record Reply(int status, List<Map.Entry<String, String>> headers, byte[] body, boolean gzipped) {

    static Reply of(EncodedResponse response, String ifNoneMatch, String acceptEncoding) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(8);
        headers.add(Map.entry("ETag", response.etag()));
        headers.add(Map.entry("Vary", "Accept-Encoding"));
        headers.add(Map.entry("Cache-Control", "public, max-age=60"));
        if (response.contentCrs() != null) {
            headers.add(Map.entry("Content-Crs", "<" + response.contentCrs() + ">"));
        }
        if (matches(ifNoneMatch, response.etag())) {
            return new Reply(304, headers, null, false);
        }
        headers.add(Map.entry("Content-Type", response.contentType()));
        if (acceptsGzip(acceptEncoding)) {
            headers.add(Map.entry("Content-Encoding", "gzip"));
            return new Reply(200, headers, response.gzipped(), true);
        }
        return new Reply(200, headers, response.body(), false);
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
