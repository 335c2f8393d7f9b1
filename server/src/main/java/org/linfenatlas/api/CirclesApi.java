package org.linfenatlas.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linfenatlas.circles.CirclesData;

/**
 * The five cooperation circles as two read-only JSON resources beside the collections: {@code /api/circles} (circles,
 * partner regions with members and sources, each sector's 差异化路径 per region) and {@code /api/circles/regions}
 * (the regions' outlines, a GeoJSON FeatureCollection). Reference data: cached and tagged like the economy.
 */
public final class CirclesApi {
    static final String CIRCLES = OgcApi.PREFIX + "/circles";
    static final String REGIONS = CIRCLES + "/regions";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CirclesData data;
    private final ResponseCache cache;

    public CirclesApi(CirclesData data, ResponseCache cache) {
        this.data = data;
        this.cache = cache;
    }

    public void register(JavalinConfig config) {
        config.routes.get(CIRCLES, this::circles);
        config.routes.head(CIRCLES, this::circles);
        config.routes.get(REGIONS, this::regions);
        config.routes.head(REGIONS, this::regions);
    }

    private void circles(Context ctx) {
        checkFormat(ctx);
        String api = Http.baseUrl(ctx) + OgcApi.PREFIX;
        Http.send(ctx, cache.get(Http.cacheKey("circles", ctx), () -> {
            Map<String, Object> doc = toMap(data.circlesDocument());
            doc.put("links", List.of(new Link(api + "/circles", "self", Http.JSON, "The five cooperation circles"),
                    new Link(api + "/circles/regions", "related", Http.GEOJSON, "Outlines of the partner regions")));
            return EncodedResponse.lasting(OgcApi.json(doc), Http.JSON, null);
        }));
    }

    private void regions(Context ctx) {
        checkFormat(ctx);
        String api = Http.baseUrl(ctx) + OgcApi.PREFIX;
        Http.send(ctx, cache.get(Http.cacheKey("circles-regions", ctx), () -> {
            Map<String, Object> doc = toMap(data.regionsDocument());
            doc.put("links", List.of(new Link(api + "/circles/regions", "self", Http.GEOJSON, "Outlines of the partner regions"),
                    new Link(api + "/circles", "related", Http.JSON, "The five cooperation circles")));
            return EncodedResponse.lasting(OgcApi.json(doc), Http.GEOJSON, null);
        }));
    }

    private static void checkFormat(Context ctx) {
        String f = ItemsRequestParser.single(ctx.queryParamMap(), List.of("f")).get("f");
        if (f != null && !f.equals("json")) {
            throw ApiException.badParameter("'f' must be json");
        }
    }

    private static Map<String, Object> toMap(JsonNode node) {
        return JSON.convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() { });
    }
}
