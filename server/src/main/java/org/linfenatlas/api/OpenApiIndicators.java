package org.linfenatlas.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The plan's tables in the OpenAPI document: the indicators (表2) with their actual values, and the economy (表1). */
final class OpenApiIndicators {
    private static final List<Object> SECURITY = List.of(Map.of("bearerToken", List.of()), Map.of("sessionCookie", List.of()));

    private OpenApiIndicators() {
    }

    static void addTo(Map<String, Object> paths) {
        paths.put("/indicators", Map.of("get", read("getIndicators",
                "The plan's indicators (表2 区域融合发展指标表): field, unit, 2020 baseline, 2025 target as written, actual values recorded since",
                List.of(), "indicators", true)));
        paths.put("/indicators/{indicatorId}", Map.of("get", read("getIndicator",
                "One indicator with its actual values and their history, newest first (authors for signed-in users only)",
                List.of(indicatorId()), "indicator", false)));
        Map<String, Object> actual = new LinkedHashMap<>();
        actual.put("get", read("getIndicatorActual", "The value recorded for a year, with the ETag a write sends back",
                List.of(indicatorId(), year()), "actual", true));
        actual.put("put", write("putIndicatorActual",
                "Record the year's actual value (admins): If-None-Match: * for the first value (201), If-Match with its ETag to change it (200)",
                List.of(indicatorId(), year(), header("If-Match", "The recorded value's ETag"),
                        header("If-None-Match", "* to record the year's first value")),
                Map.of("required", true, "content", Map.of(Http.JSON, Map.of("schema", schema("actualInput")))),
                Map.of("200", json("The value, changed", "actual", true), "201", json("The year's first value", "actual", true)),
                400, 401, 403, 404, 412, 413, 415, 422, 428));
        actual.put("delete", write("deleteIndicatorActual", "Remove the year's value (admins; its history is kept)",
                List.of(indicatorId(), year(), header("If-Match", "The recorded value's ETag")), null,
                Map.of("204", Map.of("description", "Removed")), 401, 403, 404, 412, 428));
        paths.put("/indicators/{indicatorId}/actuals/{year}", actual);
        paths.put("/economy", Map.of("get", read("getEconomy",
                "Economy of Linfen 2015–2020 (表1 2015-2020年临汾市经济合作总体情况): GDP and its three sectors, imports, exports, "
                        + "foreign investment by year, with the average growth rates", List.of(), "economy", true)));
    }

    static Map<String, Object> schemas() {
        Map<String, Object> schemas = new LinkedHashMap<>();
        Map<String, Object> number = Map.of("type", "number", "nullable", true);
        schemas.put("indicatorTarget", object(List.of("value", "comparator", "unit", "text"), Map.of(
                "value", Map.of("type", "number", "description", "The number the cell states (the lower bound of a range)"),
                "comparator", Map.of("type", "string", "enum", List.of("=", ">", ">=", "<", "<=", "range"),
                        "description", "'=': the value itself (reached from above or below as 'better' says); '>': more than it; 'range': value to max"),
                "max", Map.of("type", "number", "description", "The upper bound of a range"),
                "unit", Map.of("type", "string"),
                "text", Map.of("type", "string", "description", "The cell exactly as the table writes it, e.g. '>300', '3%'"))));
        schemas.put("indicatorBaseline", object(List.of("value", "text"), Map.of(
                "value", Map.of("type", "number", "nullable", true, "description", "null where the table states no 2020 value"),
                "text", Map.of("type", "string", "description", "The cell as written: '' (blank) or '-' (a dash) where it states none"))));
        Map<String, Object> actual = new LinkedHashMap<>();
        actual.put("indicator", Map.of("type", "string"));
        actual.put("year", Map.of("type", "integer"));
        actual.put("value", Map.of("type", "number"));
        actual.put("source", Map.of("type", "string", "description", "Where the value comes from"));
        actual.put("version", Map.of("type", "integer"));
        actual.put("updated_at", Map.of("type", "string", "format", "date-time"));
        actual.put("updated_by", Map.of("type", "object", "description", "Signed-in users only"));
        schemas.put("actual", object(List.of("indicator", "year", "value", "source", "version", "updated_at"), actual));
        schemas.put("actualInput", Map.of("type", "object", "additionalProperties", false, "required", List.of("value", "source"),
                "properties", Map.of(
                        "value", Map.of("type", "number", "minimum", 0, "description",
                                "In the indicator's unit; at most 100 for a per cent, 366 for days; a whole number for counts"),
                        "source", Map.of("type", "string", "minLength", 1, "maxLength", IndicatorsApi.MAX_SOURCE_LENGTH,
                                "description", "Where the value comes from, e.g. 临汾市2023年国民经济和社会发展统计公报"))));
        Map<String, Object> indicator = new LinkedHashMap<>();
        indicator.put("id", Map.of("type", "string"));
        indicator.put("field", Map.of("type", "string", "enum", List.of("industry", "innovation", "education", "health", "ecology",
                "talent", "business")));
        indicator.put("label", Map.of("type", "string", "description", "The row's label exactly as in 表2, unit in brackets"));
        indicator.put("name", Map.of("type", "string"));
        indicator.put("name_en", Map.of("type", "string"));
        indicator.put("unit", Map.of("type", "string"));
        indicator.put("unit_en", Map.of("type", "string"));
        indicator.put("integer", Map.of("type", "boolean", "description", "Values are whole numbers (counts)"));
        indicator.put("better", Map.of("type", "string", "enum", List.of("higher", "lower"),
                "description", "Which way is progress (our reading: lower only for the time to start a business)"));
        indicator.put("baseline", schema("indicatorBaseline"));
        indicator.put("target", schema("indicatorTarget"));
        indicator.put("actuals", Map.of("type", "array", "items", schema("actual")));
        indicator.put("history", Map.of("type", "array", "description", "GET /indicators/{id} only: changes newest first",
                "items", Map.of("type", "object", "properties", Map.of("year", Map.of("type", "integer"),
                        "version", Map.of("type", "integer"), "time", Map.of("type", "string", "format", "date-time"),
                        "operation", Map.of("type", "string", "enum", List.of("create", "update", "delete")),
                        "before", Map.of("type", "object", "nullable", true), "after", Map.of("type", "object", "nullable", true),
                        "author", Map.of("type", "object")))));
        schemas.put("indicator", object(List.of("id", "field", "label", "name", "name_en", "unit", "baseline", "target", "actuals"), indicator));
        schemas.put("indicators", object(List.of("fields", "indicators", "baseline_year", "target_year", "actual_years"), Map.of(
                "source", Map.of("type", "string"),
                "baseline_year", Map.of("type", "integer"),
                "target_year", Map.of("type", "integer"),
                "actual_years", Map.of("type", "array", "items", Map.of("type", "integer")),
                "fields", Map.of("type", "array", "items", Map.of("type", "object", "properties", Map.of(
                        "id", Map.of("type", "string"), "name", Map.of("type", "string"), "name_en", Map.of("type", "string")))),
                "indicators", Map.of("type", "array", "items", schema("indicator")))));
        schemas.put("economy", object(List.of("columns", "rows", "growth"), Map.of(
                "source", Map.of("type", "string"),
                "columns", Map.of("type", "array", "items", Map.of("type", "object", "properties", Map.of(
                        "id", Map.of("type", "string"), "name", Map.of("type", "string"), "name_en", Map.of("type", "string"),
                        "unit", Map.of("type", "string"), "unit_en", Map.of("type", "string")))),
                "rows", Map.of("type", "array", "description", "One per year: {year, gdp, primary, secondary, tertiary, imports, exports, foreign_investment}",
                        "items", Map.of("type", "object", "additionalProperties", number)),
                "growth", Map.of("type", "object"),
                "notes", Map.of("type", "array", "items", Map.of("type", "object")))));
        return schemas;
    }

    private static Map<String, Object> read(String operationId, String summary, List<Object> parameters, String schema, boolean etag) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", operationId);
        op.put("summary", summary);
        op.put("tags", List.of("Indicators"));
        List<Object> all = new java.util.ArrayList<>(parameters);
        all.add(Map.of("$ref", "#/components/parameters/f"));
        op.put("parameters", all);
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", json("Successful response", schema, etag));
        responses.put("400", Map.of("$ref", "#/components/responses/InvalidParameter"));
        responses.put("404", Map.of("$ref", "#/components/responses/NotFound"));
        responses.put("500", Map.of("$ref", "#/components/responses/ServerError"));
        op.put("responses", responses);
        return op;
    }

    private static Map<String, Object> write(String operationId, String summary, List<Object> parameters, Map<String, Object> body,
                                             Map<String, Object> ok, int... errors) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", operationId);
        op.put("summary", summary);
        op.put("tags", List.of("Indicators"));
        op.put("parameters", parameters);
        if (body != null) {
            op.put("requestBody", body);
        }
        op.put("security", SECURITY);
        Map<String, Object> responses = new LinkedHashMap<>(ok);
        for (int status : errors) {
            responses.put(Integer.toString(status), Map.of("description", switch (status) {
                case 400 -> "Malformed body (not a JSON object) or year not a number";
                case 401 -> "Not signed in";
                case 403 -> "Not an admin, or a browser session without its CSRF token";
                case 404 -> "No such indicator, a year outside 2021–2025, or (DELETE) no value recorded";
                case 412 -> "The ETag is stale, or a value exists already (If-None-Match: *); the current ETag is sent";
                case 413 -> "Body over 16 KB";
                case 415 -> "Not application/json";
                case 422 -> "Invalid value or source, every problem in details [{property, problem}]";
                case 428 -> "Neither If-Match nor If-None-Match: *";
                default -> "Error";
            }, "content", Map.of(Http.JSON, Map.of("schema", Map.of("$ref", "#/components/schemas/exception")))));
        }
        op.put("responses", responses);
        return op;
    }

    private static Map<String, Object> json(String description, String schema, boolean etag) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("description", description);
        if (etag) {
            response.put("headers", Map.of("ETag", Map.of("schema", Map.of("type", "string"))));
        }
        response.put("content", Map.of(Http.JSON, Map.of("schema", schema(schema))));
        return response;
    }

    private static Map<String, Object> indicatorId() {
        return Map.of("name", "indicatorId", "in", "path", "required", true, "description", "e.g. ecology-good-air-days",
                "schema", Map.of("type", "string"));
    }

    private static Map<String, Object> year() {
        return Map.of("name", "year", "in", "path", "required", true, "schema", Map.of("type", "integer", "minimum", 2021, "maximum", 2025));
    }

    private static Map<String, Object> header(String name, String description) {
        return Map.of("name", name, "in", "header", "required", false, "description", description, "schema", Map.of("type", "string"));
    }

    private static Map<String, Object> schema(String name) {
        return Map.of("$ref", "#/components/schemas/" + name);
    }

    private static Map<String, Object> object(List<String> required, Map<String, Object> properties) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "object");
        o.put("required", required);
        o.put("properties", properties);
        return o;
    }
}
