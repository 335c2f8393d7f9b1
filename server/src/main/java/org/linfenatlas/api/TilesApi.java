package org.linfenatlas.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.model.Layers;
import org.linfenatlas.store.CollectionInfo;
import org.linfenatlas.store.FeatureStore;
import org.linfenatlas.store.ItemsQuery;
import org.linfenatlas.tiles.TileAddress;

/**
 * OGC API – Tiles over the collections (vector tiles of WebMercatorQuad): the projects' tiles hold
 * server-side clusters below zoom 16 (see {@link org.linfenatlas.tiles.TileClusters}) and take the
 * selection parameters of items, so that a filtered map asks for tiles of exactly what items would list.
 */
final class TilesApi {
    static final String WEB_MERCATOR_QUAD = "WebMercatorQuad";
    static final String TILE_PATH = "/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}";
    /** The collections served as tiles, and of them those clustered below zoom 16. */
    static final List<String> TILED = List.of(Layers.COUNTIES, Layers.BELTS, Layers.RIVERS, Layers.PROJECTS);
    static final Set<String> CLUSTERED = Set.of(Layers.PROJECTS);
    /**
     * What a tile takes of items' parameters: not the page, order, output CRS, properties or bbox (the tile is the box),
     * nor a zoom level (the tile's own zoom simplifies its shapes).
     */
    static final List<String> NOT_FOR_TILES = List.of("limit", "offset", "bbox", "bbox-crs", "crs", "sortby", "properties",
            ItemsRequestParser.ZOOM_LEVEL);
    /** `f`: GeoJSON (the page's) or Mapbox Vector Tiles; without `f`, the Accept header chooses, GeoJSON by default. */
    static final List<String> FORMATS = List.of("json", "mvt");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private final FeatureStore store;
    private final ResponseCache cache;
    private final UnaryOperator<String> revisionFor;

    /** @param revisionFor the revision a path's cached answers depend on ({@link OgcApi#revisionFor}) */
    TilesApi(FeatureStore store, ResponseCache cache, UnaryOperator<String> revisionFor) {
        this.store = store;
        this.cache = cache;
        this.revisionFor = revisionFor;
    }

    void register(JavalinConfig config) {
        String collection = OgcApi.PREFIX + "/collections/{collectionId}";
        Map<String, io.javalin.http.Handler> routes = new java.util.LinkedHashMap<>();
        routes.put(collection + TILE_PATH, this::tile);
        routes.put(OgcApi.PREFIX + "/tileMatrixSets", ctx -> document(ctx, () -> TilesDocuments.tileMatrixSets(api(ctx))));
        routes.put(OgcApi.PREFIX + "/tileMatrixSets/{tileMatrixSetId}", ctx -> {
            tileMatrixSet(ctx);
            document(ctx, TilesDocuments::webMercatorQuad);
        });
        routes.put(collection + "/tiles", ctx -> {
            CollectionInfo info = tiledCollection(ctx.pathParam("collectionId"));
            document(ctx, () -> TilesDocuments.tilesets(api(ctx), info));
        });
        routes.put(collection + "/tiles/{tileMatrixSetId}", ctx -> {
            CollectionInfo info = tiledCollection(ctx.pathParam("collectionId"));
            tileMatrixSet(ctx);
            // the extent is read inside the encoder, after the cache key's revision
            document(ctx, () -> TilesDocuments.tileset(api(ctx), tiledCollection(info.id())));
        });
        routes.forEach((path, handler) -> {
            config.routes.get(path, handler);
            config.routes.head(path, handler);
        });
    }

    private static String api(Context ctx) {
        return Http.baseUrl(ctx) + OgcApi.PREFIX;
    }

    private static void tileMatrixSet(Context ctx) {
        String tms = ctx.pathParam("tileMatrixSetId");
        if (!tms.equals(WEB_MERCATOR_QUAD)) {
            throw ApiException.notFound("no tile matrix set '" + ItemsRequestParser.clip(tms) + "'; tiles come in " + WEB_MERCATOR_QUAD);
        }
    }

    /** A JSON document that takes no parameter but f=json, cached by the revision its path depends on. */
    private void document(Context ctx, java.util.function.Supplier<Map<String, Object>> doc) {
        Map<String, String> params = ItemsRequestParser.single(ctx.queryParamMap(), List.of("f"));
        Formats.check(params.get("f"), Formats.JSON);
        String key = Http.cacheKey(revisionFor.apply(ctx.req().getRequestURI()), ctx);
        Http.send(ctx, cache.get(key, () -> EncodedResponse.lasting(OgcApi.json(doc.get()), Http.JSON, null)));
    }

    private void tile(Context ctx) {
        LayerSpec spec = tiledCollection(ctx.pathParam("collectionId")).spec();
        tileMatrixSet(ctx);
        TileAddress tile = address(ctx.pathParam("tileMatrix"), ctx.pathParam("tileRow"), ctx.pathParam("tileCol"));
        Map<String, List<String>> raw = ctx.queryParamMap();
        ItemsQuery selection = ItemsRequestParser.selection(spec, raw, ItemsRequestParser.allowedWithout(spec, NOT_FOR_TILES), FORMATS);
        String f = raw.containsKey("f") ? raw.get("f").get(0) : null;
        boolean mvt = f != null ? f.equals("mvt") : prefersMvt(ctx.header("Accept"));
        // a request without f is cached apart from those with it (which the fast path serves by URL alone): its
        // format depends on a header the key does not hold
        String key = Http.cacheKey(revisionFor.apply(ctx.req().getRequestURI()), ctx) + (f == null ? " accept:" + (mvt ? "mvt" : "json") : "");
        EncodedResponse response = cache.get(key, () -> mvt
                ? EncodedResponse.file(TileMvt.write(spec.id(), store.tile(selection, tile, CLUSTERED.contains(spec.id()))), TileMvt.MEDIA_TYPE, true)
                : EncodedResponse.lasting(TileJson.write(store.tile(selection, tile, CLUSTERED.contains(spec.id()))), Http.GEOJSON, null));
        Http.send(ctx, f == null ? response.withHeaders(List.of(Map.entry("Vary", "Accept"))) : response);
    }

    /**
     * Whether the Accept header asks for vector tiles before GeoJSON: by quality, then by order; a
     * header that names neither (or none) gets GeoJSON.
     */
    static boolean prefersMvt(String accept) {
        if (accept == null) {
            return false;
        }
        double mvt = -1;
        double json = -1;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (type.equals(TileMvt.MEDIA_TYPE) && q > mvt) {
                mvt = q;
            } else if ((type.equals(Http.GEOJSON) || type.equals(Http.JSON)) && q > json) {
                json = q;
            }
        }
        return mvt > 0 && mvt > json;
    }

    private CollectionInfo tiledCollection(String id) {
        CollectionInfo info = store.collection(id).orElseThrow(() -> ApiException.notFound(
                "no collection '" + ItemsRequestParser.clip(id) + "'"));
        if (!TILED.contains(id)) {
            throw ApiException.notFound("collection '" + id + "' has no tiles; tiles: " + String.join(", ", TILED));
        }
        return info;
    }

    /** A tile of the matrix set: integers (else 400), within zoom 0..20 and the zoom's matrix (else 404). */
    static TileAddress address(String matrix, String row, String col) {
        for (String[] p : List.of(new String[] {"tileMatrix", matrix}, new String[] {"tileRow", row}, new String[] {"tileCol", col})) {
            if (!INTEGER.matcher(p[1]).matches()) {
                throw ApiException.badParameter("'" + p[0] + "' must be an integer, got '" + ItemsRequestParser.clip(p[1]) + "'");
            }
        }
        long z = bounded(matrix);
        long r = bounded(row);
        long c = bounded(col);
        if (!TileAddress.exists(z, r, c)) {
            throw ApiException.notFound("no tile " + z + "/" + r + "/" + c + " in " + WEB_MERCATOR_QUAD + " (tile matrices 0.."
                    + TileAddress.MAX_ZOOM + ", rows and columns 0..2^z-1)");
        }
        return new TileAddress((int) z, (int) r, (int) c);
    }

    /** The integer, or -1 for one too long to be in any matrix. */
    private static long bounded(String integer) {
        return integer.length() > 12 ? -1 : Long.parseLong(integer);
    }
}
