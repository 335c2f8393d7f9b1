package org.linfenatlas.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
                "description", "OGC API – Features (Part 1 core, GeoJSON, OpenAPI 3.0; Part 2 CRS; Part 4 create, replace, update, delete with ETags on projects) for the regional plans of Linfen.",
                "license", Map.of("name", "Data: see gis-data/README.md")));
        doc.put("servers", List.of(Map.of("url", api)));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/", get("getLandingPage", "Landing page", List.of(ref("f")), ok("landingPage", Http.JSON)));
        paths.put("/conformance", get("getConformanceDeclaration", "Conformance classes", List.of(ref("f")), ok("confClasses", Http.JSON)));
        paths.put("/openapi", get("getOpenApi", "This API definition", List.of(ref("f")), Map.of("200", Map.of(
                "description", "The OpenAPI definition", "content", Map.of(Http.OPENAPI, Map.of("schema", Map.of("type", "object")))))));
        paths.put("/docs", get("getApiDocs", "API documentation page", List.of(ref("f")), Map.of("200", Map.of(
                "description", "HTML documentation", "content", Map.of("text/html", Map.of("schema", Map.of("type", "string")))))));
        paths.put("/collections", get("getCollections", "The feature collections", List.of(ref("f")), ok("collections", Http.JSON)));
        for (CollectionInfo info : collections) {
            LayerSpec spec = info.spec();
            String base = "/collections/" + spec.id();
            paths.put(base, get("describe_" + spec.id(), "Describe " + spec.title(), List.of(ref("f")), ok("collection", Http.JSON)));
            paths.put(base + "/items", get("getFeatures_" + spec.id(), spec.title() + ": features", itemsParameters(spec),
                    ok("featureCollectionGeoJSON", Http.GEOJSON)));
            paths.put(base + "/items/{featureId}", get("getFeature_" + spec.id(), spec.title() + ": one feature",
                    List.of(ref("featureId"), ref("crs"), ref("f")), ok("featureGeoJSON", Http.GEOJSON)));
        }
        collections.stream().map(CollectionInfo::spec).filter(spec -> spec.id().equals(org.linfenatlas.model.Layers.PROJECTS))
                .forEach(spec -> OpenApiWrites.addTo(paths, spec));
        paths.put("/stats", get("getStats", "Project counts and stated investment per belt, county and category",
                List.of(ref("f")), ok("stats", Http.JSON)));
        doc.put("paths", paths);
        Map<String, Object> schemas = new LinkedHashMap<>(OpenApiComponents.schemas());
        schemas.putAll(OpenApiWrites.schemas(org.linfenatlas.model.Layers.PROJECTS_SPEC));
        doc.put("components", Map.of("parameters", OpenApiComponents.parameters(), "schemas", schemas,
                "responses", OpenApiComponents.responses(), "securitySchemes", OpenApiWrites.securitySchemes()));
        return doc;
    }

    private static List<Object> itemsParameters(LayerSpec spec) {
        List<Object> params = new ArrayList<>(List.of(ref("limit"), ref("offset"), ref("bbox"), ref("bbox-crs"),
                ref("datetime"), ref("crs"), ref("f")));
        params.add(param("sortby", "Comma-separated properties to sort by, '-' for descending: " + String.join(", ", spec.sortable()),
                Map.of("type", "array", "items", Map.of("type", "string", "pattern",
                        "^[+-]?(" + String.join("|", spec.sortable()) + ")$")), false));
        params.add(param("properties", "Comma-separated properties to return",
                Map.of("type", "array", "items", Map.of("type", "string",
                        "enum", spec.properties().stream().map(PropertySpec::name).toList())), false));
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
