package org.linfenatlas.api;

import java.util.List;

/**
 * The {@code f} parameter, one rule on every route: absent, or one of the formats the resource is
 * served in; anything else is a 400 (OGC 17-069r4 §7.6: an invalid parameter value), never the
 * default format silently. Each resource has one representation; {@code f} only names it.
 */
final class Formats {
    /** Features and feature collections: GeoJSON, which is JSON. */
    static final List<String> GEOJSON = List.of("json", "geojson");
    /** Items: GeoJSON pages, and the downloads of every matching feature ({@link Downloads}). */
    static final List<String> ITEMS = List.of("json", "geojson", "csv", "gpkg");
    /** The other JSON documents: landing page, conformance, collections, statistics, history, change feed, OpenAPI. */
    static final List<String> JSON = List.of("json");
    /** The readable API documentation, /api/docs. */
    static final List<String> HTML = List.of("html");

    private Formats() {
    }

    /** @throws ApiException 400 unless {@code f} is null or one of {@code accepted} */
    static void check(String f, List<String> accepted) {
        if (f != null && !accepted.contains(f)) {
            throw ApiException.badParameter("'f' must be " + String.join(" or ", accepted) + ", got '"
                    + ItemsRequestParser.clip(f) + "'");
        }
    }
}
