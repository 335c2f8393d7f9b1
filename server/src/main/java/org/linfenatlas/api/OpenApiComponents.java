package org.linfenatlas.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parameters, schemas and responses shared by the paths of {@link OpenApiDocument}. */
final class OpenApiComponents {
    private OpenApiComponents() {
    }

    static Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("limit", OpenApiDocument.param("limit", "Number of features per page; values above "
                + ItemsRequestParser.MAX_LIMIT + " are capped to it", Map.of("type", "integer", "minimum", 1,
                "maximum", ItemsRequestParser.MAX_LIMIT, "default", ItemsRequestParser.DEFAULT_LIMIT), false));
        p.put("offset", OpenApiDocument.param("offset", "Number of matching features to skip",
                Map.of("type", "integer", "minimum", 0, "default", 0), false));
        p.put("bbox", OpenApiDocument.param("bbox", "Only features that intersect the box: minx,miny,maxx,maxy "
                + "(or with heights: minx,miny,minz,maxx,maxy,maxz), in bbox-crs (default CRS84); a west edge east of the "
                + "east edge (e.g. 177,65,-177,70) is a box across the antimeridian",
                Map.of("type", "array", "minItems", 4, "maxItems", 6, "items", Map.of("type", "number")), false));
        p.put("bbox-crs", OpenApiDocument.param("bbox-crs", "CRS of bbox",
                Map.of("type", "string", "format", "uri", "enum", Crs.uris(), "default", Crs.CRS84.uri()), false));
        p.put("crs", OpenApiDocument.param("crs", "CRS of the returned geometries",
                Map.of("type", "string", "format", "uri", "enum", Crs.uris(), "default", Crs.CRS84.uri()), false));
        // OGC API – Features Part 7 (draft 24-020): the fragment its requirement /req/zoom-level/parameter gives
        p.put(ItemsRequestParser.ZOOM_LEVEL, OpenApiDocument.param(ItemsRequestParser.ZOOM_LEVEL, "Zoom level of WebMercatorQuad the"
                + " client draws at (decimals allowed): geometries come simplified for it (no vertex off by more than half a pixel;"
                + " the counties and belts as one coverage, without gaps or overlaps). Not for downloads (f=csv, f=gpkg)",
                Map.of("type", "number", "minimum", 0), false));
        p.put("datetime", OpenApiDocument.param("datetime", "RFC 3339 instant or interval (start/end, '..' for open). "
                + "Validated; the layers have no temporal property, so it selects every feature.",
                Map.of("type", "string"), false));
        p.put("f", OpenApiDocument.param("f", "Output format", Map.of("type", "string", "enum", Formats.GEOJSON), false));
        p.put("f-items", OpenApiDocument.param("f", "Output format: GeoJSON (one page), or a download of every matching feature"
                + " as CSV or GeoPackage (limit and offset ignored)", Map.of("type", "string", "enum",
                java.util.stream.Stream.concat(Formats.GEOJSON.stream(), Downloads.FORMATS.stream()).toList()), false));
        p.put("f-json", OpenApiDocument.param("f", "Output format", Map.of("type", "string", "enum", Formats.JSON), false));
        p.put("f-html", OpenApiDocument.param("f", "Output format", Map.of("type", "string", "enum", Formats.HTML), false));
        p.put("filter", OpenApiDocument.param("filter", "A CQL2 filter (OGC API – Features Part 3, OGC 21-065) in filter-lang, at most "
                + org.linfenatlas.filter.Cql2Text.MAX_LENGTH + " characters and " + org.linfenatlas.filter.Cql2Text.MAX_DEPTH
                + " levels deep, naming the collection's queryables (see its /queryables): comparisons, IS NULL, LIKE, BETWEEN, "
                + "IN, CASEI, ACCENTI, S_INTERSECTS and the other spatial functions with WKT or BBOX literals, A_CONTAINS and the "
                + "other array functions. AND-ed with every other parameter. Example: category = 'energy' AND "
                + "S_INTERSECTS(geometry, BBOX(111.3, 35.7, 111.9, 36.3)). A filter that cannot be used is a 400 whose "
                + "details give the character position where it failed.",
                Map.of("type", "string", "maxLength", org.linfenatlas.filter.Cql2Text.MAX_LENGTH), false));
        p.put("filter-lang", OpenApiDocument.param("filter-lang", "The encoding of filter: CQL2 text or CQL2 JSON",
                Map.of("type", "string", "enum", org.linfenatlas.filter.FilterLanguage.codes(), "default", "cql2-text"), false));
        p.put("filter-crs", OpenApiDocument.param("filter-crs", "CRS of the geometry literals in filter (their axis order)",
                Map.of("type", "string", "format", "uri", "enum", Crs.uris(), "default", Crs.CRS84.uri()), false));
        Map<String, Object> featureId = new LinkedHashMap<>();
        featureId.put("name", "featureId");
        featureId.put("in", "path");
        featureId.put("description", "Id of the feature");
        featureId.put("required", true);
        featureId.put("schema", Map.of("type", "string"));
        p.put("featureId", featureId);
        return p;
    }

    static Map<String, Object> responses() {
        Map<String, Object> exception = Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/exception")));
        return Map.of(
                "InvalidParameter", Map.of("description", "A query parameter is unknown or has an invalid value", "content", exception),
                "NotFound", Map.of("description", "No such collection or feature", "content", exception),
                "ServerError", Map.of("description", "A server error", "content", exception));
    }

    static Map<String, Object> schemas() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("exception", object(List.of("code"), Map.of("code", str(), "description", str(), "details", Map.of(
                "description", "What went wrong in detail: for 422 a list of {property, problem}; for a filter "
                        + "{parameter, filter-lang, position (0-based character offset), near, queryables}"))));
        s.put("link", object(List.of("href"), Map.of("href", str(), "rel", str(), "type", str(), "title", str())));
        s.put("landingPage", object(List.of("links"), Map.of("title", str(), "description", str(), "links", links())));
        s.put("confClasses", object(List.of("conformsTo"), Map.of("conformsTo", Map.of("type", "array", "items", str()))));
        s.put("extent", object(List.of(), Map.of("spatial", object(List.of(), Map.of(
                "bbox", Map.of("type", "array", "minItems", 1, "items", Map.of("type", "array", "minItems", 4, "maxItems", 6,
                        "items", Map.of("type", "number"))),
                "crs", str())))));
        s.put("collection", object(List.of("id", "links"), Map.of("id", str(), "title", str(), "description", str(),
                "links", links(), "extent", Map.of("$ref", "#/components/schemas/extent"), "itemType", str(),
                "crs", Map.of("type", "array", "items", str()), "storageCrs", str())));
        s.put("collections", object(List.of("links", "collections"), Map.of("links", links(),
                "collections", Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/collection")))));
        Map<String, Object> geometry = object(List.of("type"), Map.of("type", Map.of("type", "string", "enum", List.of(
                "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"))));
        geometry.put("nullable", true); // RFC 7946: null for a feature without a position (a project at precision none)
        s.put("geometryGeoJSON", geometry);
        s.put("featureGeoJSON", object(List.of("type", "geometry", "properties"), Map.of(
                "type", Map.of("type", "string", "enum", List.of("Feature")),
                "geometry", Map.of("$ref", "#/components/schemas/geometryGeoJSON"),
                "properties", Map.of("type", "object", "nullable", true),
                "id", Map.of("oneOf", List.of(str(), Map.of("type", "integer"))),
                "links", links())));
        s.put("featureCollectionGeoJSON", object(List.of("type", "features"), Map.of(
                "type", Map.of("type", "string", "enum", List.of("FeatureCollection")),
                "features", Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/featureGeoJSON")),
                "links", links(),
                "timeStamp", Map.of("type", "string", "format", "date-time"),
                "numberMatched", Map.of("type", "integer", "minimum", 0),
                "numberReturned", Map.of("type", "integer", "minimum", 0))));
        Map<String, Object> group = object(List.of("id", "count"), Map.of("id", str(), "name", str(), "name_en", str(),
                "belt", str(), "count", Map.of("type", "integer"), "investment_yi_yuan", Map.of("type", "number"),
                "investment_count", Map.of("type", "integer", "description", "Projects that state an investment"),
                "categories", Map.of("type", "object", "additionalProperties", Map.of("type", "integer"))));
        s.put("statsGroup", group);
        Map<String, Object> groups = Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/statsGroup"));
        s.put("stats", object(List.of("total"), Map.of("total", Map.of("type", "integer"),
                "investment_yi_yuan", Map.of("type", "number"),
                "investment_count", Map.of("type", "integer", "description", "Projects that state an investment"), "belts", groups, "counties", groups, "categories", groups,
                "stages", counts("Projects per stage: every stage code (0 when none), other stored values, and 'unset'"),
                "statuses", counts("Projects per status: every status code (0 when none), other stored values,"
                        + " and 'unset' when some project has none"))));
        return s;
    }

    private static Map<String, Object> object(List<String> required, Map<String, Object> properties) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "object");
        if (!required.isEmpty()) {
            o.put("required", required);
        }
        o.put("properties", properties);
        return o;
    }

    private static Map<String, Object> counts(String description) {
        return Map.of("type", "object", "description", description,
                "additionalProperties", Map.of("type", "integer", "minimum", 0));
    }

    private static Map<String, Object> str() {
        return Map.of("type", "string");
    }

    private static Map<String, Object> links() {
        return Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/link"));
    }
}
