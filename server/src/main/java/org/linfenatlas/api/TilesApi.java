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
    /** The collections served as tiles. */
    static final Set<String> TILED = Set.of(Layers.PROJECTS);
    /** What a tile takes of items' parameters: not the page, order, output CRS, properties or bbox (the tile is the box). */
    static final List<String> NOT_FOR_TILES = List.of("limit", "offset", "bbox", "bbox-crs", "crs", "sortby", "properties");
    static final List<String> FORMATS = List.of("json");
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
        String path = OgcApi.PREFIX + "/collections/{collectionId}" + TILE_PATH;
        config.routes.get(path, this::tile);
        config.routes.head(path, this::tile);
    }

    private void tile(Context ctx) {
        LayerSpec spec = tiledCollection(ctx.pathParam("collectionId"));
        String tms = ctx.pathParam("tileMatrixSetId");
        if (!tms.equals(WEB_MERCATOR_QUAD)) {
            throw ApiException.notFound("no tile matrix set '" + ItemsRequestParser.clip(tms) + "'; tiles come in " + WEB_MERCATOR_QUAD);
        }
        TileAddress tile = address(ctx.pathParam("tileMatrix"), ctx.pathParam("tileRow"), ctx.pathParam("tileCol"));
        Map<String, List<String>> raw = ctx.queryParamMap();
        ItemsQuery selection = ItemsRequestParser.selection(spec, raw, ItemsRequestParser.allowedWithout(spec, NOT_FOR_TILES), FORMATS);
        String key = Http.cacheKey(revisionFor.apply(ctx.req().getRequestURI()), ctx);
        Http.send(ctx, cache.get(key, () -> EncodedResponse.lasting(TileJson.write(store.tile(selection, tile)), Http.GEOJSON, null)));
    }

    private LayerSpec tiledCollection(String id) {
        CollectionInfo info = store.collection(id).orElseThrow(() -> ApiException.notFound(
                "no collection '" + ItemsRequestParser.clip(id) + "'"));
        if (!TILED.contains(id)) {
            throw ApiException.notFound("collection '" + id + "' has no tiles; tiles: " + String.join(", ", TILED));
        }
        return info.spec();
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
