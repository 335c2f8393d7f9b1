package org.linfenatlas.circles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The plan's five cooperation circles as gis-data/ holds them: circles.json (circles, partner regions with their
 * members and sources, and each sector column's 差异化路径 per region) and regions.geojson (the regions' outlines).
 * Reference data bundled in the jar, read once, never changed by the server.
 */
public final class CirclesData {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile CirclesData bundled;

    private final JsonNode circles;
    private final JsonNode regions;

    private CirclesData(JsonNode circles, JsonNode regions) {
        this.circles = circles;
        this.regions = regions;
        if (!circles.path("regions").isArray() || circles.path("regions").isEmpty()) {
            throw new IllegalStateException("circles.json lists no region");
        }
    }

    public static CirclesData bundled() {
        CirclesData c = bundled;
        if (c == null) {
            c = new CirclesData(read("circles.json"), read("regions.geojson"));
            bundled = c;
        }
        return c;
    }

    private static JsonNode read(String name) {
        try (InputStream in = CirclesData.class.getResourceAsStream("/gis-data/" + name)) {
            if (in == null) {
                throw new IllegalStateException("gis-data/" + name + " is not bundled");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gis-data/" + name, e);
        }
    }

    /** circles.json as read (the caller must not change it). */
    public JsonNode circlesDocument() {
        return circles;
    }

    /** regions.geojson as read (the caller must not change it). */
    public JsonNode regionsDocument() {
        return regions;
    }
}
