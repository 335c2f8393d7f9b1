package org.linfenatlas.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The five cooperation circles in the OpenAPI document: /circles (JSON) and /circles/regions (GeoJSON). */
final class OpenApiCircles {
    private OpenApiCircles() {
    }

    static void addTo(Map<String, Object> paths) {
        paths.put("/circles", Map.of("get", read("getCircles",
                "The plan's five cooperation circles (第二章 五、发展策略): circles, partner regions with their members and the source "
                        + "that defines each, sectors (专栏1…15 差异化路径) and paths: what Linfen does with each region in each sector, "
                        + "paraphrased in Chinese and English, with the column it comes from", Http.JSON, circlesSchema())));
        paths.put("/circles/regions", Map.of("get", read("getCircleRegions",
                "Outlines of the partner regions (dissolved member cities, simplified; demonstration geometry): one feature per "
                        + "region with id, name, name_en, circle, members, anchor (where a flow from Linfen ends)", Http.GEOJSON,
                Map.of("$ref", "#/components/schemas/featureCollectionGeoJSON"))));
    }

    private static Map<String, Object> circlesSchema() {
        Map<String, Object> str = Map.of("type", "string");
        Map<String, Object> arr = Map.of("type", "array", "items", Map.of("type", "object"));
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("title", str);
        props.put("source", str);
        props.put("linfen", Map.of("type", "object"));
        props.put("circles", Map.of("type", "array", "description", "{id 1–5, name, name_en, colour, regions [region ids], summary, summary_en}",
                "items", Map.of("type", "object")));
        props.put("regions", Map.of("type", "array", "description",
                "{id, name, name_en, circle (the one the plan puts it in first), kind (area | direction), members [{name, province?, part?}], "
                        + "membership_source, directions (kind direction)}", "items", Map.of("type", "object")));
        props.put("sectors", Map.of("type", "array", "description", "{id, column (专栏n), name, name_en, title}", "items", Map.of("type", "object")));
        props.put("paths", Map.of("type", "array", "description",
                "{sector, label (the column's heading as written), regions [region ids], text, text_en}", "items", Map.of("type", "object")));
        props.put("links", arr);
        return Map.of("type", "object", "properties", props);
    }

    private static Map<String, Object> read(String operationId, String summary, String type, Map<String, Object> schema) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", operationId);
        op.put("summary", summary);
        op.put("tags", List.of("Circles"));
        op.put("parameters", List.of(Map.of("$ref", "#/components/parameters/f")));
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", "Successful response", "headers", Map.of("ETag", Map.of("schema", Map.of("type", "string"))),
                "content", Map.of(type, Map.of("schema", schema))));
        responses.put("400", Map.of("$ref", "#/components/responses/InvalidParameter"));
        responses.put("500", Map.of("$ref", "#/components/responses/ServerError"));
        op.put("responses", responses);
        return op;
    }
}
