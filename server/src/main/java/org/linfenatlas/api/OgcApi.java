package org.linfenatlas.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.store.CollectionInfo;
import org.linfenatlas.store.FeaturePage;
import org.linfenatlas.store.FeatureStore;

/** OGC API – Features (Part 1 core, GeoJSON, OpenAPI 3.0; Part 2 CRS; Part 3 filters) over a {@link FeatureStore}, under /api. */
public final class OgcApi {
    public static final String PREFIX = "/api";

    private final FeatureStore store;
    private final ResponseCache cache;
    private final List<Map.Entry<String, String>> pageHeaders;
    private final VersionTimes versionTimes;
    private final ZoomLevels zoomLevels;

    /** @param pageHeaders the security headers of the map page, also sent with the HTML documentation and its style sheet */
    public OgcApi(FeatureStore store, ResponseCache cache, List<Map.Entry<String, String>> pageHeaders) {
        this(store, cache, pageHeaders, new VersionTimes(java.time.Clock.systemUTC()));
    }

    /** @param versionTimes the items' timeStamp: when each collection version was loaded (now, for those held now) or committed */
    public OgcApi(FeatureStore store, ResponseCache cache, List<Map.Entry<String, String>> pageHeaders, VersionTimes versionTimes) {
        this.store = store;
        this.zoomLevels = new ZoomLevels(store);
        this.cache = cache;
        this.pageHeaders = List.copyOf(pageHeaders);
        this.versionTimes = versionTimes;
        store.collections().forEach(c -> timeStamp(c.id()));
    }

    /** The timeStamp of the collection's items: its current version's time. */
    private java.time.Instant timeStamp(String collection) {
        return versionTimes.of(collection, store.version(collection).revision());
    }

    public void register(JavalinConfig config) {
        Routes routes = (path, handler) -> {
            config.routes.get(path, handler);
            config.routes.head(path, handler);
        };
        routes.get(PREFIX, ctx -> cached(ctx, Http.JSON, null, () -> json(Documents.landing(api(ctx)))));
        routes.get(PREFIX + "/conformance", ctx -> cached(ctx, Http.JSON, null, () -> json(Documents.conformance())));
        routes.get(PREFIX + "/openapi", ctx -> cached(ctx, Http.OPENAPI, null,
                () -> json(OpenApiDocument.build(api(ctx), store.collections()))));
        // "type;charset" as Jetty normalises the route's Content-Type, so the cached copy sent by FastPathHandler is alike
        routes.get(PREFIX + "/docs", ctx -> withPageHeaders(ctx, Formats.HTML, "text/html;charset=utf-8",
                () -> ApiDocsPage.render(api(ctx), store.collections()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        routes.get(PREFIX + "/docs.css", ctx -> withPageHeaders(ctx, List.of(), "text/css;charset=utf-8",
                () -> ApiDocsPage.STYLE.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        routes.get(PREFIX + "/collections", ctx -> cached(ctx, Http.JSON, null,
                () -> json(Documents.collections(api(ctx), store.collections()))));
        routes.get(PREFIX + "/collections/{collectionId}", ctx -> {
            collection(ctx); // 404 before anything else
            // read inside the encoder, after the cache key's revision: never older data under a newer key
            cached(ctx, Http.JSON, null, () -> json(Documents.collection(api(ctx), collection(ctx), true)));
        });
        routes.get(PREFIX + "/collections/{collectionId}/queryables", ctx -> {
            collection(ctx); // 404 before anything else
            cached(ctx, Documents.SCHEMA_JSON, null, () -> json(Documents.queryables(api(ctx), collection(ctx))));
        });
        routes.get(PREFIX + "/collections/{collectionId}/items", this::items);
        routes.get(PREFIX + "/collections/{collectionId}/items/{featureId}", this::item);
        routes.get(PREFIX + "/stats", this::stats);
        new TilesApi(store, cache, this::revisionFor).register(config);
    }

    /**
     * What /api/stats takes: the projects' selection parameters of items (no paging, sorting or output options) and f.
     * Hook for CQL2: add "filter" (and "filter-lang", "filter-crs") here once ItemsRequestParser accepts them.
     */
    static List<String> statsParameters() {
        List<String> allowed = new ArrayList<>(List.of("f", "bbox", "bbox-crs", "q", "filter", "filter-lang", "filter-crs"));
        allowed.addAll(org.linfenatlas.model.Layers.PROJECTS_SPEC.filters().keySet().stream().sorted().toList());
        return allowed;
    }

    /** The statistics of the projects the items parameters select (all projects without any), cached per query. */
    private void stats(Context ctx) {
        Map<String, List<String>> raw = ctx.queryParamMap();
        Formats.check(ItemsRequestParser.single(raw, statsParameters()).get("f"), Formats.JSON);
        org.linfenatlas.store.ItemsQuery selection = ItemsRequestParser.parse(org.linfenatlas.model.Layers.PROJECTS_SPEC, raw).query();
        respond(ctx, Http.JSON, null, () -> json(Documents.stats(store.stats(selection))));
    }

    /** Every resource answers GET and HEAD alike (HEAD without the body). */
    private interface Routes {
        void get(String path, io.javalin.http.Handler handler);
    }

    private void items(Context ctx) {
        LayerSpec spec = collection(ctx).spec();
        String download = Downloads.format(ctx.queryParamMap());
        if (download != null) { // f=csv or f=gpkg: every matching feature, streamed, never cached
            Downloads.send(ctx, store, spec, download);
            return;
        }
        List<String> f = ctx.queryParamMap().get("f");
        if (f != null && f.size() == 1) { // an unknown f is refused naming every format items come in
            Formats.check(f.get(0), Formats.ITEMS);
        }
        ItemsRequest request = ItemsRequestParser.parse(spec, ctx.queryParamMap());
        if (isUnique(request)) {
            Http.send(ctx, page(api(ctx), spec, request, AcceptEncoding.gzip(ctx.header("Accept-Encoding"))));
        } else {
            respond(ctx, Http.GEOJSON, request.crs().uri(), () -> {
                java.time.Instant timeStamp = timeStamp(spec.id()); // the version's time, read before its data
                FeaturePage page = store.items(request.query());
                return FeatureJson.collection(zoomLevels.apply(spec.id(), page.features(), request.zoomLevel()), request,
                        page.numberMatched(), itemsLinks(api(ctx), spec, request, page), timeStamp);
            });
        }
    }

    /**
     * The bbox or search page that an items request names, as the items route answers it, for
     * {@link FastPathHandler}; null when there is no such collection or the request is not for such a page.
     *
     * @throws ApiException for an invalid parameter
     */
    EncodedResponse uniquePage(String api, String collectionId, Map<String, List<String>> params, boolean gzip) {
        CollectionInfo info = store.collection(collectionId).orElse(null);
        if (info == null) {
            return null;
        }
        if (Downloads.format(params) != null) {
            return null; // downloads are the route's
        }
        ItemsRequest request = ItemsRequestParser.parse(info.spec(), params);
        return isUnique(request) ? page(api, info.spec(), request, gzip) : null;
    }

    /**
     * Map panning and typing make nearly every bbox and search unique: caching them would only churn. So
     * do filters, whose text (up to 100,000 characters) would also make long cache keys.
     */
    private static boolean isUnique(ItemsRequest request) {
        return request.query().bbox() != null || !request.query().terms().isEmpty() || request.query().filter() != null;
    }

    private EncodedResponse page(String api, LayerSpec spec, ItemsRequest request, boolean gzip) {
        java.time.Instant timeStamp = timeStamp(spec.id());
        FeaturePage page = store.items(request.query());
        ByteSink json = FeatureJson.collectionInThreadBuffer(zoomLevels.apply(spec.id(), page.features(), request.zoomLevel()),
                request, page.numberMatched(),
                itemsLinks(api, spec, request, page), timeStamp);
        return EncodedResponse.once(json.array(), json.size(), Http.GEOJSON, request.crs().uri(), gzip);
    }

    private void item(Context ctx) {
        LayerSpec spec = collection(ctx).spec();
        Map<String, String> params = ItemsRequestParser.single(ctx.queryParamMap(), List.of("crs", "f", ItemsRequestParser.ZOOM_LEVEL));
        Formats.check(params.get("f"), Formats.GEOJSON);
        Crs crs = ItemsRequestParser.crs(params, "crs");
        Double zoomLevel = ItemsRequestParser.zoomLevel(params);
        String featureId = ctx.pathParam("featureId");
        // the key's revision first, then the feature: a feature read before a write is never cached under the write's revision
        String key = Http.cacheKey(revisionFor(ctx.req().getRequestURI()), ctx);
        Feature stored = store.item(spec.id(), featureId).orElseThrow(() -> ApiException.notFound(
                "no feature '" + ItemsRequestParser.clip(featureId) + "' in collection " + spec.id()));
        Feature feature = zoomLevels.apply(spec.id(), stored, zoomLevel);
        String collection = api(ctx) + "/collections/" + spec.id();
        String etag = FeatureTags.etag(FeatureTags.version(store, spec, stored), crs, zoomLevel);
        Http.send(ctx, cache.get(key, () -> EncodedResponse.tagged(FeatureJson.single(feature, crs, List.of(
                new Link(collection + "/items/" + Http.encode(featureId) + Http.query(params), "self", Http.GEOJSON, "This feature"),
                new Link(collection + "/items/" + Http.encode(featureId) + "/history", "version-history", Http.JSON,
                        "Its changes"),
                new Link(collection, "collection", Http.JSON, spec.title()))), Http.GEOJSON, crs.uri(), etag)));
    }

    /**
     * The revision a cached answer of this path depends on: a collection's own (belts follow the
     * counties), the projects' and counties' for the statistics, every collection's for the rest.
     * The same function keys the cache for the routes and for {@link FastPathHandler}.
     */
    String revisionFor(String rawPath) {
        if (rawPath.startsWith(PREFIX + "/collections/")) {
            int start = PREFIX.length() + "/collections/".length();
            int end = rawPath.indexOf('/', start);
            String id = end < 0 ? rawPath.substring(start) : rawPath.substring(start, end);
            try {
                return id + ":" + store.revision(id);
            } catch (IllegalArgumentException unknownCollection) {
                return store.revision();
            }
        } else if (rawPath.equals(PREFIX + "/stats")) {
            return "stats:" + store.revision(org.linfenatlas.model.Layers.PROJECTS) + "/"
                    + store.revision(org.linfenatlas.model.Layers.COUNTIES);
        }
        return store.revision();
    }

    private static List<Link> itemsLinks(String api, LayerSpec spec, ItemsRequest request, FeaturePage page) {
        String href = api + "/collections/" + spec.id() + "/items";
        long offset = request.query().offset();
        int limit = request.query().limit();
        List<Link> links = new ArrayList<>();
        links.add(new Link(href + Http.query(withOffset(request, offset)), "self", Http.GEOJSON, "This page"));
        if (offset + page.features().size() < page.numberMatched()) {
            links.add(new Link(href + Http.query(withOffset(request, offset + limit)), "next", Http.GEOJSON, "Next page"));
        }
        if (offset > 0) {
            links.add(new Link(href + Http.query(withOffset(request, Math.max(0, offset - limit))), "prev", Http.GEOJSON, "Previous page"));
        }
        links.addAll(downloadLinks(href, request.linkParams()));
        return links;
    }

    /** The downloads of a selection: every matching feature as CSV and as GeoPackage (limit and offset do not apply). */
    static List<Link> downloadLinks(String itemsHref, Map<String, String> params) {
        Map<String, String> selection = new java.util.TreeMap<>(params);
        selection.remove("limit");
        selection.remove("offset");
        selection.remove("crs");
        selection.remove("properties");
        selection.put("f", "csv");
        Link csv = new Link(itemsHref + Http.query(selection), "alternate", Downloads.CSV, "All matching features as CSV (download)");
        selection.put("f", "gpkg");
        Link gpkg = new Link(itemsHref + Http.query(selection), "alternate", Downloads.GPKG,
                "All matching features as GeoPackage (download)");
        return List.of(csv, gpkg);
    }

    private static Map<String, String> withOffset(ItemsRequest request, long offset) {
        Map<String, String> params = new LinkedHashMap<>(request.linkParams());
        if (offset > 0) {
            params.put("offset", Long.toString(offset));
        }
        return params;
    }

    private CollectionInfo collection(Context ctx) {
        String id = ctx.pathParam("collectionId");
        return store.collection(id).orElseThrow(() -> ApiException.notFound(
                "no collection '" + ItemsRequestParser.clip(id) + "'"));
    }

    /** JSON documents other than items take no query parameters but `f`. */
    private void cached(Context ctx, String contentType, String contentCrs, Supplier<byte[]> body) {
        checkFormat(ctx, Formats.JSON);
        respond(ctx, contentType, contentCrs, body);
    }

    /**
     * An HTML document (or its style sheet), sent with the page's security headers, also when repeated from the cache.
     *
     * @param formats the values its `f` may take (none: no `f` at all)
     */
    private void withPageHeaders(Context ctx, List<String> formats, String contentType, Supplier<byte[]> body) {
        checkFormat(ctx, formats);
        String key = Http.cacheKey(revisionFor(ctx.req().getRequestURI()), ctx);
        Http.send(ctx, cache.get(key, () -> EncodedResponse.lasting(body.get(), contentType, null).withHeaders(pageHeaders)));
    }

    private static void checkFormat(Context ctx, List<String> formats) {
        Map<String, String> params = ItemsRequestParser.single(ctx.queryParamMap(), formats.isEmpty() ? List.of() : List.of("f"));
        Formats.check(params.get("f"), formats);
    }

    private void respond(Context ctx, String contentType, String contentCrs, Supplier<byte[]> body) {
        String key = Http.cacheKey(revisionFor(ctx.req().getRequestURI()), ctx);
        Http.send(ctx, cache.get(key, () -> EncodedResponse.lasting(body.get(), contentType, contentCrs)));
    }

    private static String api(Context ctx) {
        return Http.baseUrl(ctx) + PREFIX;
    }

    /** Keys in sorted order, so that every instance writes the same bytes and the same ETag. */
    private static final ObjectWriter DOCUMENTS = FeatureJson.JSON.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    static byte[] json(Object document) {
        try {
            return DOCUMENTS.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
