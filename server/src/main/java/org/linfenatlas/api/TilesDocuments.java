package org.linfenatlas.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linfenatlas.store.CollectionInfo;
import org.linfenatlas.tiles.TileAddress;
import org.linfenatlas.tiles.TileClusters;
import org.locationtech.jts.geom.Envelope;

/**
 * The JSON documents of OGC API – Tiles 1.0 (OGC 20-057) and of the Tile Matrix Set standard 2.0 (OGC 17-083r4):
 * the tile matrix sets (WebMercatorQuad only), each tiled collection's tilesets list and its vector tileset.
 */
final class TilesDocuments {
    static final String TMS_URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
    static final String EPSG_3857 = "http://www.opengis.net/def/crs/EPSG/0/3857";
    static final String TILESETS_VECTOR_REL = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";
    static final String TILING_SCHEME_REL = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";
    static final String TILING_SCHEMES_REL = "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes";
    static final String GEODATA_REL = "http://www.opengis.net/def/rel/ogc/1.0/geodata";
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geojson");
    /** The TMS's matrices 0..24 as OGC 17-083r4 Annex D defines them; the tilesets are limited to 0..20. */
    static final int TMS_MAX_ZOOM = 24;
    private static final double ORIGIN = 20037508.3427892;
    private static final double CELL_SIZE_0 = 156543.033928041;
    private static final double SCALE_0 = 559082264.028717;

    /** What the projects' tileset description says of its clusters (also in the OpenAPI document). */
    static final String CLUSTERING = "Below zoom " + TileClusters.MAX_CLUSTER_ZOOM + " each tile is split in "
            + TileAddress.CELLS + " x " + TileAddress.CELLS + " cells of " + TileAddress.CELL_SIZE + " px; every selected"
            + " feature with a geometry has one representative point (a point itself, else JTS InteriorPoint: a vertex"
            + " of a line, a point inside an area); a cell with one such point holds that feature, a cell with more one"
            + " cluster feature (id cluster/z/row/col/cell; properties cluster=true, count, categories (count by"
            + " category), bbox [w,s,e,n] of the members' points, same_place) at the mean of its members' points. A line"
            + " or area counts only in the cell of its representative point, so the counts of a tile add up to the"
            + " selected features whose representative point lies in it. From zoom " + TileClusters.MAX_CLUSTER_ZOOM
            + " on every feature is a tile feature: lines and areas in each tile they meet, points in the tile of their"
            + " point. A feature carries name, name_en, category, status, precision, kind, counties; an area placed only"
            + " approximately (precision county or city) comes as its representative point with point=true; other lines"
            + " and areas simplified to half a pixel of the zoom (GeoJSON: not clipped; MVT: clipped to the tile and "
            + TileMvt.BUFFER + " px). Takes the selection parameters of items (filters, q, filter).";

    private TilesDocuments() {
    }

    static Map<String, Object> tileMatrixSets(String api) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", TilesApi.WEB_MERCATOR_QUAD);
        item.put("title", "Google Maps Compatible for the World");
        item.put("uri", TMS_URI);
        item.put("links", List.of(new Link(api + "/tileMatrixSets/" + TilesApi.WEB_MERCATOR_QUAD, "self", Http.JSON,
                "The WebMercatorQuad tile matrix set")));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("links", List.of(new Link(api + "/tileMatrixSets", "self", Http.JSON, "The tile matrix sets")));
        doc.put("tileMatrixSets", List.of(item));
        return doc;
    }

    /** WebMercatorQuad as OGC 17-083r4 (TMS 2.0) encodes it in JSON. */
    static Map<String, Object> webMercatorQuad() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", TilesApi.WEB_MERCATOR_QUAD);
        doc.put("title", "Google Maps Compatible for the World");
        doc.put("uri", TMS_URI);
        doc.put("crs", EPSG_3857);
        doc.put("orderedAxes", List.of("X", "Y"));
        doc.put("wellKnownScaleSet", "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible");
        List<Object> matrices = new ArrayList<>();
        for (int z = 0; z <= TMS_MAX_ZOOM; z++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", Integer.toString(z));
            m.put("scaleDenominator", SCALE_0 / (1L << z));
            m.put("cellSize", CELL_SIZE_0 / (1L << z));
            m.put("cornerOfOrigin", "topLeft");
            m.put("pointOfOrigin", List.of(-ORIGIN, ORIGIN));
            m.put("tileWidth", TileAddress.TILE_SIZE);
            m.put("tileHeight", TileAddress.TILE_SIZE);
            m.put("matrixWidth", 1L << z);
            m.put("matrixHeight", 1L << z);
            matrices.add(m);
        }
        doc.put("tileMatrices", matrices);
        return doc;
    }

    /** The collection's tilesets: one vector tileset in WebMercatorQuad. */
    static Map<String, Object> tilesets(String api, CollectionInfo info) {
        String tiles = api + "/collections/" + info.id() + "/tiles";
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("title", info.spec().title() + " (vector tiles, WebMercatorQuad)");
        item.put("dataType", "vector");
        item.put("crs", EPSG_3857);
        item.put("tileMatrixSetURI", TMS_URI);
        item.put("links", List.of(
                new Link(tiles + "/" + TilesApi.WEB_MERCATOR_QUAD, "self", Http.JSON, "The tileset"),
                new Link(api + "/tileMatrixSets/" + TilesApi.WEB_MERCATOR_QUAD, TILING_SCHEME_REL, Http.JSON, "WebMercatorQuad")));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("links", List.of(new Link(tiles, "self", Http.JSON, "The tilesets of " + info.spec().title()),
                new Link(api + "/collections/" + info.id(), "collection", Http.JSON, info.spec().title())));
        doc.put("tilesets", List.of(item));
        return doc;
    }

    /** The collection's vector tileset in WebMercatorQuad (OGC 17-083r4 tileset metadata). */
    static Map<String, Object> tileset(String api, CollectionInfo info) {
        String collection = api + "/collections/" + info.id();
        String tileset = collection + "/tiles/" + TilesApi.WEB_MERCATOR_QUAD;
        boolean clustered = TilesApi.CLUSTERED.contains(info.id());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("title", info.spec().title() + " (vector tiles, WebMercatorQuad)");
        doc.put("description", clustered ? CLUSTERING : "Every selected feature that meets the tile, its geometry simplified to half"
                + " a pixel of the zoom (GeoJSON: not clipped; MVT: clipped to the tile and " + TileMvt.BUFFER
                + " px); the exact geometry comes from items.");
        doc.put("dataType", "vector");
        doc.put("crs", EPSG_3857);
        doc.put("tileMatrixSetURI", TMS_URI);
        doc.put("mediaTypes", List.of(Http.GEOJSON, TileMvt.MEDIA_TYPE));
        List<Object> limits = new ArrayList<>();
        for (int z = 0; z <= TileAddress.MAX_ZOOM; z++) {
            long last = (1L << z) - 1;
            limits.add(Map.of("tileMatrix", Integer.toString(z), "minTileRow", 0, "maxTileRow", last, "minTileCol", 0,
                    "maxTileCol", last));
        }
        doc.put("tileMatrixSetLimits", limits);
        Envelope e = info.extent();
        if (!e.isNull()) {
            doc.put("boundingBox", Map.of("lowerLeft", List.of(e.getMinX(), e.getMinY()), "upperRight", List.of(e.getMaxX(), e.getMaxY()),
                    "crs", Crs.CRS84.uri()));
        }
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("id", info.id());
        layer.put("title", info.spec().title());
        layer.put("dataType", "vector");
        layer.put("featureType", info.id());
        layer.put("minTileMatrix", "0");
        layer.put("maxTileMatrix", Integer.toString(TileAddress.MAX_ZOOM));
        layer.put("links", List.of(new Link(collection, GEODATA_REL, Http.JSON, info.spec().title())));
        doc.put("layers", List.of(layer));
        String template = tileset + "/{tileMatrix}/{tileRow}/{tileCol}";
        doc.put("links", List.of(
                link(tileset, "self", Http.JSON, "This tileset", false),
                link(api + "/tileMatrixSets/" + TilesApi.WEB_MERCATOR_QUAD, TILING_SCHEME_REL, Http.JSON, "WebMercatorQuad", false),
                link(collection, GEODATA_REL, Http.JSON, info.spec().title(), false),
                link(template + "?f=mvt", "item", TileMvt.MEDIA_TYPE, "A tile as Mapbox Vector Tile", true),
                link(template + "?f=json", "item", Http.GEOJSON, "A tile as GeoJSON", true)));
        return doc;
    }

    private static Map<String, Object> link(String href, String rel, String type, String title, boolean templated) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("href", href);
        link.put("rel", rel);
        link.put("type", type);
        link.put("title", title);
        if (templated) {
            link.put("templated", true);
        }
        return link;
    }
}
