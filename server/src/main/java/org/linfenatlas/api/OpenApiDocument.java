package org.linfenatlas.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linfenatlas.filter.Queryables;
import org.linfenatlas.filter.ValueType;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.model.PropertySpec;
import org.linfenatlas.model.Vocabulary;
import org.linfenatlas.store.CollectionInfo;

/**
 * The OpenAPI 3.0 definition of what the server actually serves. Self-contained: every $ref is
 * internal (#/components/...), so offline clients can resolve it. Paths are relative to
 * servers[0].url, the API landing page.
 */
final class OpenApiDocument {
    private OpenApiDocument() {
    }

    static Map<String, Object> build(String api, List<CollectionInfo> collections) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "Linfen Atlas API", "version", "1.0.0",
                "description", "OGC API – Features (Part 1 core, GeoJSON, OpenAPI 3.0; Part 2 CRS; Part 3 filtering with CQL2 text and JSON; Part 4 create, replace, update, delete with ETags on projects) for the regional plans of Linfen.",
                "license", Map.of("name", "Data: see gis-data/README.md")));
        doc.put("servers", List.of(Map.of("url", api)));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/", get("getLandingPage", "Landing page", List.of(ref("f-json")), ok("landingPage", Http.JSON)));
        paths.put("/conformance", get("getConformanceDeclaration", "Conformance classes", List.of(ref("f-json")), ok("confClasses", Http.JSON)));
        paths.put("/openapi", get("getOpenApi", "This API definition", List.of(ref("f-json")), Map.of("200", Map.of(
                "description", "The OpenAPI definition", "content", Map.of(Http.OPENAPI, Map.of("schema", Map.of("type", "object")))))));
        paths.put("/docs", get("getApiDocs", "API documentation page", List.of(ref("f-html")), Map.of("200", Map.of(
                "description", "HTML documentation", "content", Map.of("text/html", Map.of("schema", Map.of("type", "string")))))));
        paths.put("/collections", get("getCollections", "The feature collections", List.of(ref("f-json")), ok("collections", Http.JSON)));
        for (CollectionInfo info : collections) {
            LayerSpec spec = info.spec();
            String base = "/collections/" + spec.id();
            paths.put(base, get("describe_" + spec.id(), "Describe " + spec.title(), List.of(ref("f-json")), ok("collection", Http.JSON)));
            Map<String, Object> itemsOk = new LinkedHashMap<>(ok("featureCollectionGeoJSON", Http.GEOJSON));
            itemsOk.put("200", downloads((Map<?, ?>) itemsOk.get("200")));
            paths.put(base + "/items", get("getFeatures_" + spec.id(), spec.title() + ": features", itemsParameters(spec),
                    itemsOk));
            paths.put(base + "/queryables", get("getQueryables_" + spec.id(), spec.title() + ": what a filter may name",
                    List.of(ref("f")), Map.of("200", Map.of("description", "A JSON Schema (2020-12) of the queryables",
                            "content", Map.of(Documents.SCHEMA_JSON, Map.of("schema", Map.of("type", "object")))))));
            paths.put(base + "/items/{featureId}", get("getFeature_" + spec.id(), spec.title() + ": one feature",
                    List.of(ref("featureId"), ref("crs"), ref("f"), ref(ItemsRequestParser.ZOOM_LEVEL)),
                    ok("featureGeoJSON", Http.GEOJSON)));
        }
        collections.stream().map(CollectionInfo::spec).filter(spec -> spec.id().equals(org.linfenatlas.model.Layers.PROJECTS))
                .forEach(spec -> OpenApiWrites.addTo(paths, spec));
        List<Object> statsParams = new ArrayList<>(List.of(ref("f-json"), ref("bbox"), ref("bbox-crs")));
        statsParams.addAll(selectionParameters(org.linfenatlas.model.Layers.PROJECTS_SPEC));
        paths.put("/stats", get("getStats", "Project counts and stated investment per belt, county and category,"
                + " of the projects the parameters select (as on the projects' items; all projects without any)",
                statsParams, ok("stats", Http.JSON)));
        OpenApiIndicators.addTo(paths);
        OpenApiCircles.addTo(paths);
        OpenApiTiles.addTo(paths, collections);
        doc.put("paths", paths);
        Map<String, Object> schemas = new LinkedHashMap<>(OpenApiComponents.schemas());
        schemas.putAll(OpenApiWrites.schemas(org.linfenatlas.model.Layers.PROJECTS_SPEC));
        schemas.putAll(OpenApiIndicators.schemas());
        doc.put("components", Map.of("parameters", OpenApiComponents.parameters(), "schemas", schemas,
                "responses", OpenApiComponents.responses(), "securitySchemes", OpenApiWrites.securitySchemes()));
        return doc;
    }

    /** The items response with its downloads: f=csv and f=gpkg, every matching feature (limit and offset ignored). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> downloads(Map<?, ?> geojson) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("description", "The features (GeoJSON, one page); with f=csv or f=gpkg a download of every matching"
                + " feature, limit and offset ignored (Content-Disposition: attachment). CSV: UTF-8 with a byte-order mark,"
                + " a header row, lists joined by 、, figures as key=value, geometry as WKT with lon/lat of a point on it");
        response.put("headers", geojson.get("headers"));
        Map<String, Object> content = new LinkedHashMap<>((Map<String, Object>) geojson.get("content"));
        content.put("text/csv", Map.of("schema", Map.of("type", "string")));
        content.put(Downloads.GPKG, Map.of("schema", Map.of("type", "string", "format", "binary")));
        response.put("content", content);
        return response;
    }

    private static List<Object> itemsParameters(LayerSpec spec) {
        List<Object> params = new ArrayList<>(List.of(ref("limit"), ref("offset"), ref("bbox"), ref("bbox-crs"),
                ref("datetime"), ref("crs"), ref("f-items"), ref("filter"), ref("filter-lang"), ref("filter-crs"),
                ref(ItemsRequestParser.ZOOM_LEVEL)));
        params.add(param("sortby", "Comma-separated properties to sort by, '-' for descending: " + String.join(", ", spec.sortable()),
                Map.of("type", "array", "items", Map.of("type", "string", "pattern",
                        "^[+-]?(" + String.join("|", spec.sortable()) + ")$")), false));
        params.add(param("properties", "Comma-separated properties to return",
                Map.of("type", "array", "items", Map.of("type", "string",
                        "enum", spec.properties().stream().map(PropertySpec::name).toList())), false));
        params.add(param("skipGeometry", "true: every feature's geometry is null (lists that need no shapes)",
                Map.of("type", "boolean", "default", false), false));
        params.addAll(selectionParameters(spec));
        return params;
    }

    /** q and the property filters: what selects features, on items and on /stats. */
    static List<Object> selectionParameters(LayerSpec spec) {
        List<Object> params = new ArrayList<>();
        if (spec.searchable()) {
            params.add(param("q", "Free-text search over names, aliases, counties and summaries, in Chinese, pinyin of whole words or their initials, "
                    + "or English (e.g. yonghe, 壶口, hukou, hk, jixian); name matches first, then aliases, counties, summaries",
                    Map.of("type", "string", "maxLength", ItemsRequestParser.MAX_QUERY_TEXT), true));
        }
        spec.filters().keySet().stream().sorted().forEach(name -> {
            List<String> values = Vocabulary.BY_FILTER.get(name);
            Map<String, Object> item = values == null ? Map.of("type", "string") : Map.of("type", "string", "enum", values);
            params.add(param(name, "Only features whose '" + spec.filters().get(name) + "' is one of these (comma-separated)",
                    Map.of("type", "array", "items", item), false));
        });
        for (Queryables.Queryable q : CqlParameters.queryableParameters(spec)) {
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", q.type() == ValueType.STRING ? "string" : q.integer() ? "integer" : "number");
            if (!q.values().isEmpty()) {
                schema.put("enum", q.values());
            }
            params.add(param(q.name(), "Only features whose '" + q.name() + "' equals this (" + q.title() + ")", schema, false));
        }
        return params;
    }

    static Map<String, Object> param(String name, String description, Map<String, Object> schema, boolean explode) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("in", "query");
        p.put("description", description);
        p.put("required", false);
        p.put("schema", schema);
        p.put("style", "form");
        p.put("explode", explode);
        return p;
    }

    private static Map<String, Object> get(String operationId, String summary, List<Object> parameters, Map<String, Object> responses) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", operationId);
        op.put("summary", summary);
        op.put("parameters", parameters);
        Map<String, Object> all = new LinkedHashMap<>(responses);
        all.put("400", Map.of("$ref", "#/components/responses/InvalidParameter"));
        all.put("404", Map.of("$ref", "#/components/responses/NotFound"));
        all.put("500", Map.of("$ref", "#/components/responses/ServerError"));
        op.put("responses", all);
        return Map.of("get", op);
    }

    private static Map<String, Object> ok(String schema, String mediaType) {
        return Map.of("200", Map.of("description", "Successful response",
                "headers", Map.of("ETag", Map.of("schema", Map.of("type", "string"))),
                "content", Map.of(mediaType, Map.of("schema", Map.of("$ref", "#/components/schemas/" + schema)))));
    }

    private static Map<String, Object> ref(String parameter) {
        return Map.of("$ref", "#/components/parameters/" + parameter);
    }
}
