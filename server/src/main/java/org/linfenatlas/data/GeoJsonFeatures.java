package org.linfenatlas.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.model.PropertySpec;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/** Reads a GeoJSON FeatureCollection into features that carry exactly the properties of a layer spec. */
public final class GeoJsonFeatures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GeoJsonFeatures() {
    }

    public static List<Feature> read(InputStream in, LayerSpec spec) throws IOException {
        JsonNode root = JSON.readTree(in);
        if (!"FeatureCollection".equals(root.path("type").asText())) {
            throw new IOException("not a GeoJSON FeatureCollection: layer " + spec.id());
        }
        GeoJsonReader geometryReader = new GeoJsonReader();
        List<Feature> features = new ArrayList<>();
        for (JsonNode node : root.path("features")) {
            features.add(readFeature(node, spec, geometryReader));
        }
        return features;
    }

    private static Feature readFeature(JsonNode node, LayerSpec spec, GeoJsonReader geometryReader) throws IOException {
        JsonNode props = node.path("properties");
        String id = node.hasNonNull("id") ? node.get("id").asText() : props.path("id").asText(null);
        if (id == null || id.isBlank()) {
            throw new IOException("feature without id in layer " + spec.id());
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        for (PropertySpec p : spec.properties()) {
            JsonNode value = props.get(p.name());
            if (value != null && !value.isNull()) {
                properties.put(p.name(), JSON.convertValue(value, Object.class));
            }
        }
        JsonNode geometry = node.get("geometry");
        if (geometry == null || geometry.isNull()) {
            return new Feature(id, Feature.NO_GEOMETRY, properties); // RFC 7946: an unlocated feature
        }
        try {
            return new Feature(id, geometryReader.read(geometry.toString()), properties);
        } catch (ParseException | NullPointerException e) {
            throw new IOException("bad geometry in feature " + id + " of layer " + spec.id(), e);
        }
    }
}
