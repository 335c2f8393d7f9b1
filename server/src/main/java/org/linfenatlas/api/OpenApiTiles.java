package org.linfenatlas.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linfenatlas.store.CollectionInfo;
import org.linfenatlas.tiles.TileAddress;

/** OGC API – Tiles in the OpenAPI document: the tile matrix sets, each tiled collection's tilesets, tileset and tiles. */
final class OpenApiTiles {
    private OpenApiTiles() {
    }

    static void addTo(Map<String, Object> paths, List<CollectionInfo> collections) {
        Map<String, Object> object = Map.of("type", "object");
        paths.put("/tileMatrixSets", read("getTileMatrixSetsList", "The tile matrix sets the tiles come in (WebMercatorQuad)",
                List.of(ref("f-json")), Http.JSON, object));
        paths.put("/tileMatrixSets/{tileMatrixSetId}", read("getTileMatrixSet",
                "A tile matrix set (OGC 17-083r4 TMS 2.0 JSON): WebMercatorQuad", List.of(tileMatrixSetId(), ref("f-json")), Http.JSON, object));
        for (CollectionInfo info : collections) {
            if (!TilesApi.TILED.contains(info.id())) {
                continue;
            }
            String id = info.id();
            String base = "/collections/" + id + "/tiles";
            paths.put(base, read("getTileSetsList_" + id, info.spec().title() + ": its tilesets", List.of(ref("f-json")), Http.JSON, object));
            paths.put(base + "/{tileMatrixSetId}", read("getTileSet_" + id, info.spec().title() + ": its vector tileset",
                    List.of(tileMatrixSetId(), ref("f-json")), Http.JSON, object));
            List<Object> params = new ArrayList<>(List.of(tileMatrixSetId(),
                    path("tileMatrix", "Zoom level, 0.." + TileAddress.MAX_ZOOM, 0, TileAddress.MAX_ZOOM),
                    path("tileRow", "Row, 0..2^tileMatrix-1 (0 at the north edge)", 0, (1 << TileAddress.MAX_ZOOM) - 1),
                    path("tileCol", "Column, 0..2^tileMatrix-1 (0 at 180° W)", 0, (1 << TileAddress.MAX_ZOOM) - 1),
                    OpenApiDocument.param("f", "The tile's format: json (GeoJSON) or mvt (Mapbox Vector Tile); without it the"
                            + " Accept header chooses, GeoJSON by default", Map.of("type", "string", "enum", TilesApi.FORMATS), false),
                    ref("datetime"), ref("filter"), ref("filter-lang"), ref("filter-crs")));
            params.addAll(OpenApiDocument.selectionParameters(info.spec()));
            String description = TilesApi.CLUSTERED.contains(id) ? TilesDocuments.CLUSTERING
                    : "Every selected feature that meets the tile, simplified for the zoom";
            Map<String, Object> content = new LinkedHashMap<>();
            content.put(Http.GEOJSON, Map.of("schema", Map.of("$ref", "#/components/schemas/featureCollectionGeoJSON")));
            content.put(TileMvt.MEDIA_TYPE, Map.of("schema", Map.of("type", "string", "format", "binary")));
            Map<String, Object> ok = new LinkedHashMap<>();
            ok.put("description", "The tile (an empty one: an empty FeatureCollection, or an empty MVT body). " + description);
            ok.put("headers", Map.of("ETag", Map.of("schema", Map.of("type", "string"))));
            ok.put("content", content);
            paths.put(base + "/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}",
                    operation("getTile_" + id, info.spec().title() + ": a vector tile", params, ok));
        }
    }

    private static Map<String, Object> tileMatrixSetId() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", "tileMatrixSetId");
        p.put("in", "path");
        p.put("description", "The tile matrix set");
        p.put("required", true);
        p.put("schema", Map.of("type", "string", "enum", List.of(TilesApi.WEB_MERCATOR_QUAD)));
        return p;
    }

    private static Map<String, Object> path(String name, String description, int min, int max) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("in", "path");
        p.put("description", description);
        p.put("required", true);
        p.put("schema", Map.of("type", "integer", "minimum", min, "maximum", max));
        return p;
    }

    private static Map<String, Object> read(String operationId, String summary, List<Object> params, String type, Map<String, Object> schema) {
        return operation(operationId, summary, params, Map.of("description", "Successful response",
                "headers", Map.of("ETag", Map.of("schema", Map.of("type", "string"))),
                "content", Map.of(type, Map.of("schema", schema))));
    }

    private static Map<String, Object> operation(String operationId, String summary, List<Object> params, Map<String, Object> ok) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", operationId);
        op.put("summary", summary);
        op.put("tags", List.of("Tiles"));
        op.put("parameters", params);
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", ok);
        responses.put("400", Map.of("$ref", "#/components/responses/InvalidParameter"));
        responses.put("404", Map.of("$ref", "#/components/responses/NotFound"));
        responses.put("500", Map.of("$ref", "#/components/responses/ServerError"));
        return Map.of("get", op);
    }

    private static Map<String, Object> ref(String parameter) {
        return Map.of("$ref", "#/components/parameters/" + parameter);
    }
}
