package org.linfenatlas.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.linfenatlas.model.Feature;

/** Writes features as GeoJSON (RFC 7946) with OGC API links, straight to bytes. */
public final class FeatureJson {
    static final ObjectMapper JSON = new ObjectMapper();

    private FeatureJson() {
    }

    public static byte[] collection(List<Feature> features, ItemsRequest request, long numberMatched, List<Link> links) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (Feature f : features) {
                writeFeature(g, f, request.crs(), request.properties(), null);
            }
            g.writeEndArray();
            writeLinks(g, links);
            g.writeStringField("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            g.writeNumberField("numberMatched", numberMatched);
            g.writeNumberField("numberReturned", features.size());
            g.writeEndObject();
        });
    }

    public static byte[] single(Feature feature, Crs crs, List<Link> links) {
        return write(g -> writeFeature(g, feature, crs, null, links));
    }

    private static void writeFeature(JsonGenerator g, Feature f, Crs crs, List<String> only, List<Link> links) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeStringField("id", f.id());
        g.writeFieldName("geometry");
        g.writeRawValue(crs == Crs.CRS84 ? f.geometryJson() : Feature.encode(crs.fromCrs84(f.geometry()), crs.decimals()));
        g.writeObjectFieldStart("properties");
        if (only == null) {
            for (Map.Entry<String, Object> e : f.properties().entrySet()) {
                g.writeObjectField(e.getKey(), e.getValue());
            }
        } else {
            for (String name : only) {
                Object value = f.property(name);
                if (value != null) {
                    g.writeObjectField(name, value);
                }
            }
        }
        g.writeEndObject();
        if (links != null) {
            writeLinks(g, links);
        }
        g.writeEndObject();
    }

    static void writeLinks(JsonGenerator g, List<Link> links) throws IOException {
        g.writeArrayFieldStart("links");
        for (Link link : links) {
            g.writeObject(link);
        }
        g.writeEndArray();
    }

    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.setCodec(JSON);
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
