package org.linfenatlas.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.linfenatlas.model.Feature;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * A feature as a history entry keeps it: its properties as JSON and its geometry as WKB (base64), so
 * that a revert or restore gives back every coordinate bit for bit, which 6-decimal GeoJSON would not.
 */
public final class HistoryCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HistoryCodec() {
    }

    public static String encode(Feature feature) {
        if (feature == null) {
            return null;
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", feature.id());
        doc.put("version", feature.version());
        doc.put("wkb", Base64.getEncoder().encodeToString(new WKBWriter(2).write(feature.geometry())));
        doc.put("properties", feature.properties());
        try {
            return JSON.writeValueAsString(doc);
        } catch (IOException e) {
            throw new StoreException("cannot encode feature " + feature.id() + " for its history", e);
        }
    }

    public static Feature decode(String text) {
        if (text == null) {
            return null;
        }
        try {
            Map<String, Object> doc = JSON.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) doc.get("properties");
            return new Feature((String) doc.get("id"),
                    new WKBReader().read(Base64.getDecoder().decode((String) doc.get("wkb"))),
                    props, ((Number) doc.get("version")).longValue());
        } catch (IOException | ParseException | RuntimeException e) {
            throw new StoreException("cannot decode a history entry", e);
        }
    }
}
