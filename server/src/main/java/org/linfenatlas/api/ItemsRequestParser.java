package org.linfenatlas.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.linfenatlas.index.SearchText;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.model.Vocabulary;
import org.linfenatlas.store.ItemsQuery;
import org.locationtech.jts.geom.Envelope;

/** Turns the query string of an items request into an {@link ItemsRequest}, or a 400 saying what is wrong. */
public final class ItemsRequestParser {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 10_000;
    public static final int MAX_PARAMETERS = 20;
    public static final int MAX_VALUE_LENGTH = 1000;
    public static final int MAX_QUERY_TEXT = 200;
    /** OGC API – Features Part 7 (Geometry Simplification). */
    public static final String ZOOM_LEVEL = "zoom-level";
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,6})?");
    static final List<String> COMMON = List.of("limit", "offset", "bbox", "bbox-crs", "datetime", "crs", "f",
            "sortby", "properties", "filter", "filter-lang", "filter-crs", "skipGeometry", ZOOM_LEVEL);

    private ItemsRequestParser() {
    }

    public static ItemsRequest parse(LayerSpec spec, Map<String, List<String>> raw) {
        return parse(spec, raw, allowed(spec), Formats.GEOJSON);
    }

    /**
     * The selection of items' parameters (filters, q, CQL2 filter, datetime and, where allowed, bbox) for a
     * resource that takes only {@code allowed} of them (unknown ones are a 400, as on items) and whose `f` is one of
     * {@code formats}: what tiles and statistics select by.
     */
    static ItemsQuery selection(LayerSpec spec, Map<String, List<String>> raw, List<String> allowed, List<String> formats) {
        return parse(spec, raw, allowed, formats).query();
    }

    /** Items' parameters with the selection's own: every parameter of items not named in {@code without}. */
    static List<String> allowedWithout(LayerSpec spec, List<String> without) {
        List<String> allowed = new ArrayList<>(allowed(spec));
        allowed.removeAll(without);
        return allowed;
    }

    private static ItemsRequest parse(LayerSpec spec, Map<String, List<String>> raw, List<String> allowed, List<String> formats) {
        Map<String, String> params = single(raw, allowed);
        int limit = limit(params, DEFAULT_LIMIT, MAX_LIMIT);
        long offset = integer(params, "offset", 0, 0);
        Crs crs = crs(params, "crs");
        Envelope bbox = bbox(params.get("bbox"), crs(params, "bbox-crs"));
        datetime(params.get("datetime"));
        Formats.check(params.get("f"), formats);
        Map<String, Set<String>> filters = new TreeMap<>();
        spec.filters().forEach((param, property) -> {
            if (params.containsKey(param)) {
                filters.put(property, values(param, params.get(param)));
            }
        });
        List<String> terms = params.containsKey("q") ? terms(params.get("q")) : List.of();
        ItemsQuery query = new ItemsQuery(spec.id(), bbox, filters, terms, sortKeys(spec, params.get("sortby")), offset, limit,
                CqlParameters.filter(spec, params));
        Map<String, String> linkParams = new LinkedHashMap<>(params);
        linkParams.remove("offset");
        linkParams.put("limit", Integer.toString(limit));
        return new ItemsRequest(query, crs, properties(spec, params.get("properties")), linkParams,
                bool(params, "skipGeometry"), zoomLevel(params));
    }

    /** zoom-level: a decimal number, 0 or more (Part 7 allows fractions); null when absent. */
    static Double zoomLevel(Map<String, String> params) {
        String value = params.get(ZOOM_LEVEL);
        if (value == null) {
            return null;
        }
        if (!DECIMAL.matcher(value).matches()) {
            throw ApiException.badParameter("'" + ZOOM_LEVEL + "' must be a number 0 or more (a zoom level of WebMercatorQuad), got '"
                    + clip(value) + "'");
        }
        return Double.parseDouble(value);
    }

    /** A boolean parameter: true or false, false when absent. */
    private static boolean bool(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ApiException.badParameter("'" + name + "' must be true or false, got '" + clip(value) + "'");
    }

    static List<String> allowed(LayerSpec spec) {
        List<String> allowed = new ArrayList<>(COMMON);
        allowed.addAll(spec.filters().keySet().stream().sorted().toList());
        if (spec.searchable()) {
            allowed.add("q");
        }
        CqlParameters.queryableParameters(spec).forEach(q -> allowed.add(q.name()));
        return allowed;
    }

    /** Each parameter at most once, known, and not too long; in name order, so links read the same everywhere. */
    static Map<String, String> single(Map<String, List<String>> raw, List<String> allowed) {
        if (raw.size() > MAX_PARAMETERS) {
            throw ApiException.badParameter("too many query parameters (at most " + MAX_PARAMETERS + ")");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : new TreeMap<>(raw).entrySet()) {
            String name = e.getKey();
            if (!allowed.contains(name)) {
                throw ApiException.badParameter("unknown query parameter '" + clip(name) + "'; allowed: " + String.join(", ", allowed));
            }
            if (e.getValue().size() != 1) {
                throw ApiException.badParameter("query parameter '" + name + "' given more than once");
            }
            String value = e.getValue().get(0);
            if (value.length() > MAX_VALUE_LENGTH && !name.equals(CqlParameters.FILTER)) { // a filter has its own limit
                throw ApiException.badParameter("query parameter '" + name + "' is longer than " + MAX_VALUE_LENGTH + " characters");
            }
            params.put(name, value);
        }
        return params;
    }

    /** 'limit': {@code fallback} when absent, an integer of at least 1, and values above {@code max} taken as {@code max}. */
    static int limit(Map<String, String> params, int fallback, int max) {
        return (int) Math.min(max, integer(params, "limit", fallback, 1));
    }

    private static long integer(Map<String, String> params, String name, long fallback, long min) {
        String value = params.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n < min) {
                throw ApiException.badParameter("'" + name + "' must be at least " + min + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("'" + name + "' must be an integer, got '" + clip(value) + "'");
        }
    }

    static Crs crs(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null) {
            return Crs.CRS84;
        }
        return Crs.byUri(value.strip()).orElseThrow(() -> ApiException.badParameter(
                "'" + name + "' '" + clip(value) + "' is not supported; supported: " + String.join(", ", Crs.uris())));
    }

    static Envelope bbox(String value, Crs bboxCrs) {
        if (value == null) {
            return null;
        }
        String[] parts = value.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw ApiException.badParameter("'bbox' needs 4 or 6 comma-separated numbers, got " + parts.length);
        }
        double[] n = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                n[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw ApiException.badParameter("'bbox' value '" + clip(parts[i]) + "' is not a number");
            }
            if (!Double.isFinite(n[i])) {
                throw ApiException.badParameter("'bbox' values must be finite numbers");
            }
        }
        int half = n.length / 2;
        double[] low = bboxCrs.toCrs84(n[0], n[1]);
        double[] high = bboxCrs.toCrs84(n[half], n[half + 1]);
        if (half == 3 && n[2] > n[5]) {
            throw ApiException.badParameter("'bbox' minimum height is above its maximum");
        }
        if (low[1] > high[1]) {
            throw ApiException.badParameter("'bbox' lower corner is north of the upper corner");
        }
        if (bboxCrs == Crs.EPSG_3857) { // x past the projection's edge is the edge, as before
            low[0] = Math.max(-180, Math.min(180, low[0]));
            high[0] = Math.max(-180, Math.min(180, high[0]));
        } else if (low[1] < -90 || high[1] > 90 || Math.abs(low[0]) > 180 || Math.abs(high[0]) > 180) {
            throw ApiException.badParameter("'bbox' is outside -180..180 / -90..90");
        }
        // a west edge east of the east edge crosses the antimeridian (OGC 17-069r4 §7.15.3): valid, split by the stores
        return ItemsQuery.bbox(low[0], low[1], high[0], high[1]);
    }

    /** Validated per RFC 3339 and OGC API intervals; the layers hold no temporal property, so it filters nothing. */
    static void datetime(String value) {
        if (value == null) {
            return;
        }
        String[] ends = value.split("/", -1);
        if (ends.length > 2) {
            throw ApiException.badParameter("'datetime' must be an instant or an interval start/end");
        }
        if (ends.length == 1) {
            instant(ends[0]);
            return;
        }
        boolean openStart = ends[0].isEmpty() || ends[0].equals("..");
        boolean openEnd = ends[1].isEmpty() || ends[1].equals("..");
        if (openStart && openEnd) {
            throw ApiException.badParameter("'datetime' interval must have at least one bound");
        }
        if (!openStart && !openEnd && instant(ends[0]).isAfter(instant(ends[1]))) {
            throw ApiException.badParameter("'datetime' interval starts after it ends");
        }
        if (openStart != openEnd) {
            instant(openStart ? ends[1] : ends[0]);
        }
    }

    private static OffsetDateTime instant(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw ApiException.badParameter("'datetime' value '" + clip(text) + "' is not an RFC 3339 date or date-time");
            }
        }
    }

    private static Set<String> values(String param, String value) {
        Set<String> values = new LinkedHashSet<>();
        for (String v : value.split(",")) {
            if (!v.isBlank()) {
                values.add(v.strip());
            }
        }
        if (values.isEmpty()) {
            throw ApiException.badParameter("'" + param + "' needs at least one value");
        }
        List<String> vocabulary = Vocabulary.BY_FILTER.get(param);
        if (vocabulary != null) {
            for (String v : values) {
                if (!vocabulary.contains(v)) {
                    throw ApiException.badParameter("'" + param + "' value '" + clip(v) + "' is not one of " + String.join(", ", vocabulary));
                }
            }
        }
        return values;
    }

    private static List<String> terms(String q) {
        if (q.length() > MAX_QUERY_TEXT) {
            throw ApiException.badParameter("'q' is longer than " + MAX_QUERY_TEXT + " characters");
        }
        List<String> terms = SearchText.terms(q);
        if (terms.isEmpty()) {
            throw ApiException.badParameter("'q' needs at least one search term");
        }
        return terms;
    }

    private static List<ItemsQuery.SortKey> sortKeys(LayerSpec spec, String value) {
        if (value == null) {
            return List.of();
        }
        List<ItemsQuery.SortKey> keys = new ArrayList<>();
        for (String part : value.split(",")) {
            String key = part.strip();
            boolean descending = key.startsWith("-");
            if (key.startsWith("-") || key.startsWith("+")) {
                key = key.substring(1);
            }
            if (!spec.sortable().contains(key)) {
                throw ApiException.badParameter("cannot sort by '" + clip(key) + "'; sortable: " + String.join(", ", spec.sortable()));
            }
            keys.add(new ItemsQuery.SortKey(key, descending));
        }
        return keys;
    }

    private static List<String> properties(LayerSpec spec, String value) {
        if (value == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String part : value.split(",")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (spec.property(name).isEmpty()) {
                throw ApiException.badParameter("unknown property '" + clip(name) + "' in 'properties'");
            }
            names.add(name);
        }
        return names;
    }

    static String clip(String text) {
        String oneLine = text.replaceAll("[\\p{Cntrl}]", "?");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 60) + "…";
    }
}
