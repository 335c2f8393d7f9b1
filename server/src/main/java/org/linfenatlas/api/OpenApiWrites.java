package org.linfenatlas.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.model.PropertySpec;
import org.linfenatlas.model.Vocabulary;

/**
 * The write operations of the projects (OGC API – Features Part 4) in the OpenAPI document: request
 * bodies with the project schema, the errors each can answer, and how to sign in (security schemes).
 */
final class OpenApiWrites {
    private static final Map<String, String> VOCABULARIES = Map.of("category", "category", "status", "status",
            "precision", "precision", "kind", "kind", "stage", "stage");
    private static final List<Object> SECURITY = List.of(Map.of("bearerToken", List.of()), Map.of("sessionCookie", List.of()));

    private OpenApiWrites() {
    }

    /** Adds POST to the items path and PUT, PATCH, DELETE to the item path; adds history, revert and restore. */
    static void addTo(Map<String, Object> paths, LayerSpec spec) {
        String items = "/collections/" + spec.id() + "/items";
        String item = items + "/{featureId}";
        Map<String, Object> itemsOps = new LinkedHashMap<>(cast(paths.get(items)));
        itemsOps.put("post", op("createFeature_" + spec.id(), "Add a project (the server assigns its id)", List.of(),
                body("application/geo+json", "projectFeature"), created(), 400, 401, 403, 413, 415, 422));
        paths.put(items, itemsOps);
        Map<String, Object> itemOps = new LinkedHashMap<>(cast(paths.get(item)));
        itemOps.put("put", op("replaceFeature_" + spec.id(), "Replace a project whole", List.of(ref("featureId"), ifMatch()),
                body("application/geo+json", "projectFeature"), ok(), 400, 401, 403, 404, 412, 413, 415, 422, 428));
        itemOps.put("patch", op("updateFeature_" + spec.id(), "Change some properties or the geometry (JSON Merge Patch, RFC 7396)",
                List.of(ref("featureId"), ifMatch()), body("application/merge-patch+json", "projectPatch"), ok(),
                400, 401, 403, 404, 412, 413, 415, 422, 428));
        itemOps.put("delete", op("deleteFeature_" + spec.id(), "Delete a project (its history is kept; an admin can restore it)",
                List.of(ref("featureId"), ifMatch()), null, Map.of("204", Map.of("description", "Deleted")), 401, 403, 404, 412, 428));
        paths.put(item, itemOps);
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("operationId", "getHistory_" + spec.id());
        history.put("summary", "The project's committed changes, newest first (authors for signed-in users only)");
        history.put("parameters", List.of(ref("featureId"), ref("f-json")));
        history.put("responses", Map.of("200", Map.of("description", "The history", "content",
                Map.of(Http.JSON, Map.of("schema", Map.of("type", "object")))), "404", error(404)));
        paths.put(item + "/history", Map.of("get", history));
        paths.put("/collections/" + spec.id() + "/changes", Map.of("get", changes(spec)));
        paths.put(item + "/history/{version}/revert", Map.of("post", op("revertChange_" + spec.id(),
                "Undo one change as a new change (admins)", List.of(ref("featureId"), Map.of("name", "version", "in", "path",
                        "required", true, "schema", Map.of("type", "integer"))), null, ok(), 401, 403, 404, 409, 412)));
        paths.put(item + "/restore", Map.of("post", op("restoreFeature_" + spec.id(), "Bring a deleted project back (admins)",
                List.of(ref("featureId")), null, created(), 401, 403, 404, 409)));
    }

    /** The collection's change feed: public, as the histories are; authors for signed-in users only. */
    private static Map<String, Object> changes(LayerSpec spec) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("operationId", "getChanges_" + spec.id());
        changes.put("summary", "The latest changes of the collection's projects, newest first (authors for signed-in users only); "
                + "with deleted=true the projects deleted now, each by its deletion: what an admin can restore");
        changes.put("parameters", List.of(
                OpenApiDocument.param("limit", "Number of entries; values above " + WriteApi.CHANGES_MAX_LIMIT + " are capped to it",
                        Map.of("type", "integer", "minimum", 1, "maximum", WriteApi.CHANGES_MAX_LIMIT,
                                "default", WriteApi.CHANGES_DEFAULT_LIMIT), false),
                OpenApiDocument.param("deleted", "true: only the projects deleted now, one entry each (the change that deleted it)",
                        Map.of("type", "boolean", "default", false), false),
                ref("f-json")));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("type", "object");
        entry.put("required", List.of("featureId", "version", "time", "operation", "counties", "changes"));
        entry.put("properties", Map.of(
                "featureId", Map.of("type", "string"),
                "name", Map.of("type", "string", "nullable", true, "description", "The project's name after the change (before it, for a deletion)"),
                "version", Map.of("type", "integer"),
                "time", Map.of("type", "string", "format", "date-time"),
                "operation", Map.of("type", "string", "enum", List.of("create", "replace", "update", "delete", "revert", "restore")),
                "counties", Map.of("type", "array", "items", Map.of("type", "string")),
                "author", Map.of("type", "object", "description", "Shown to signed-in users only",
                        "properties", Map.of("id", Map.of("type", "integer"), "name", Map.of("type", "string"))),
                "changes", Map.of("type", "array", "items", Map.of("type", "object", "properties", Map.of(
                        "property", Map.of("type", "string"), "before", Map.of(), "after", Map.of())))));
        Map<String, Object> feed = Map.of("type", "object", "required", List.of("collection", "entries", "links"), "properties", Map.of(
                "collection", Map.of("type", "string"),
                "entries", Map.of("type", "array", "items", entry),
                "links", Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/link"))));
        changes.put("responses", Map.of(
                "200", Map.of("description", "The changes, newest first", "content", Map.of(Http.JSON, Map.of("schema", feed))),
                "400", Map.of("$ref", "#/components/responses/InvalidParameter"),
                "404", Map.of("$ref", "#/components/responses/NotFound")));
        return changes;
    }

    static Map<String, Object> securitySchemes() {
        return Map.of(
                "bearerToken", Map.of("type", "http", "scheme", "bearer",
                        "description", "An API token made with `java -jar linfen-atlas.jar tokens create NAME`"),
                "sessionCookie", Map.of("type", "apiKey", "in", "cookie", "name", "atlas_session",
                        "description", "The browser session of POST /auth/login; writes also need its csrfToken in X-CSRF-Token"));
    }

    /** The project as a write sends it: a GeoJSON Feature whose properties follow the layer spec. */
    static Map<String, Object> schemas(LayerSpec spec) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (PropertySpec p : spec.properties()) {
            Map<String, Object> schema = new LinkedHashMap<>(switch (p.type()) {
                case STRING -> Map.of("type", "string");
                case INTEGER -> Map.of("type", "integer");
                case NUMBER -> Map.of("type", "number");
                case JSON_ARRAY -> Map.of("type", "array", "items", Map.of("type", "string"));
                case JSON_OBJECT -> Map.of("type", "object", "additionalProperties", Map.of("type", "number"));
            });
            schema.put("description", p.description());
            String vocabulary = VOCABULARIES.get(p.name());
            if (vocabulary != null) {
                schema.put("enum", Vocabulary.BY_FILTER.get(vocabulary));
            }
            if (List.of("belts", "updated_at", "updated_by").contains(p.name())) {
                schema.put("readOnly", true);
            }
            properties.put(p.name(), schema);
        }
        Map<String, Object> propertiesSchema = Map.of("type", "object", "additionalProperties", false, "properties", properties);
        Map<String, Object> feature = Map.of("type", "object", "required", List.of("type", "geometry", "properties"),
                "properties", Map.of("type", Map.of("type", "string", "enum", List.of("Feature")),
                        "geometry", Map.of("type", "object", "nullable", true,
                                "description", "GeoJSON geometry in CRS84 inside the project's counties; null exactly at precision none"),
                        "properties", propertiesSchema));
        Map<String, Object> patch = Map.of("type", "object", "description",
                "JSON Merge Patch of the feature: members to change, null to remove a property",
                "properties", Map.of("geometry", Map.of("type", "object", "nullable", true), "properties", Map.of("type", "object")));
        return Map.of("projectFeature", feature, "projectPatch", patch);
    }

    private static Map<String, Object> op(String id, String summary, List<Object> params, Map<String, Object> body,
                                          Map<String, Object> success, int... errors) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", id);
        op.put("summary", summary);
        op.put("parameters", params);
        if (body != null) {
            op.put("requestBody", body);
        }
        Map<String, Object> responses = new LinkedHashMap<>(success);
        for (int status : errors) {
            responses.put(Integer.toString(status), error(status));
        }
        op.put("responses", responses);
        op.put("security", SECURITY);
        return op;
    }

    private static Map<String, Object> error(int status) {
        String what = switch (status) {
            case 400 -> "Malformed body (not JSON, not a GeoJSON Feature)";
            case 401 -> "Not signed in";
            case 403 -> "Outside the user's counties, or a browser write without its CSRF token";
            case 404 -> "No such feature";
            case 409 -> "Conflicts with the feature's state (exists, or deleted)";
            case 412 -> "If-Match does not name the current version; the response's ETag does";
            case 413 -> "Body larger than 1 MB";
            case 415 -> "Unsupported Content-Type";
            case 422 -> "Well-formed but invalid: details names every problem by property";
            case 428 -> "If-Match is required";
            default -> "Error";
        };
        return Map.of("description", what, "content", Map.of("application/json",
                Map.of("schema", Map.of("$ref", "#/components/schemas/exception"))));
    }

    private static Map<String, Object> body(String mediaType, String schema) {
        return Map.of("required", true, "content", Map.of(mediaType, Map.of("schema", Map.of("$ref", "#/components/schemas/" + schema))));
    }

    private static Map<String, Object> ok() {
        return Map.of("200", Map.of("description", "The feature as stored now", "headers",
                Map.of("ETag", Map.of("schema", Map.of("type", "string"))),
                "content", Map.of(Http.GEOJSON, Map.of("schema", Map.of("$ref", "#/components/schemas/featureGeoJSON")))));
    }

    private static Map<String, Object> created() {
        return Map.of("201", Map.of("description", "Created; Location names the new feature", "headers",
                Map.of("Location", Map.of("schema", Map.of("type", "string")), "ETag", Map.of("schema", Map.of("type", "string"))),
                "content", Map.of(Http.GEOJSON, Map.of("schema", Map.of("$ref", "#/components/schemas/featureGeoJSON")))));
    }

    private static Map<String, Object> ifMatch() {
        return Map.of("name", "If-Match", "in", "header", "required", true,
                "description", "The ETag of the feature as last read", "schema", Map.of("type", "string"));
    }

    private static Map<String, Object> ref(String parameter) {
        return Map.of("$ref", "#/components/parameters/" + parameter);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
