package org.linfenatlas.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    /**
     * A page is built in its thread's buffer and read from there: no copy per request, less garbage,
     * fewer collections. A buffer that grew past {@link #MAX_KEPT_BUFFER} is dropped at the thread's next page.
     */
    private static final ThreadLocal<ByteSink> PAGE_BUFFERS = ThreadLocal.withInitial(() -> new ByteSink(64 * 1024));
    private static final int MAX_KEPT_BUFFER = 1 << 20;
    private static final byte[] COLLECTION_HEAD = "{\"type\":\"FeatureCollection\",\"features\":[".getBytes(StandardCharsets.UTF_8);

    /** @param timeStamp the collection version's time ({@link VersionTimes}), written in whole seconds */
    public static byte[] collection(List<Feature> features, ItemsRequest request, long numberMatched, List<Link> links, Instant timeStamp) {
        return collectionInThreadBuffer(features, request, numberMatched, links, timeStamp).toByteArray();
    }

    /**
     * The page in this thread's buffer, valid until the thread's next page: read it (or copy it) before then.
     * The features are copied in as bytes encoded once per feature (the usual CRS84, all-properties
     * form) or encoded now (another CRS or a property subset); the members after them are written
     * by Jackson as an object whose opening brace becomes the comma after the features.
     */
    static ByteSink collectionInThreadBuffer(List<Feature> features, ItemsRequest request, long numberMatched, List<Link> links,
                                             Instant timeStamp) {
        ByteSink out = PAGE_BUFFERS.get();
        if (out.capacity() > MAX_KEPT_BUFFER) {
            out = new ByteSink(64 * 1024);
            PAGE_BUFFERS.set(out);
        }
        out.reset();
        out.writeBytes(COLLECTION_HEAD);
        boolean usual = request.crs() == Crs.CRS84 && request.properties() == null && !request.skipGeometry();
        for (int i = 0; i < features.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Feature f = features.get(i);
            out.writeBytes(usual ? f.json(FeatureJson::usual) : write(g -> writeFeature(g, f, request.skipGeometry() ? null : request.crs(),
                    request.properties(), null)));
        }
        out.write(']');
        int brace = out.size();
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            writeLinks(g, links);
            g.writeStringField("timeStamp", timeStamp.truncatedTo(ChronoUnit.SECONDS).toString());
            g.writeNumberField("numberMatched", numberMatched);
            g.writeNumberField("numberReturned", features.size());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.set(brace, (byte) ',');
        return out;
    }

    private static byte[] usual(Feature f) {
        return write(g -> writeFeature(g, f, Crs.CRS84, null, null));
    }

    public static byte[] single(Feature feature, Crs crs, List<Link> links) {
        return write(g -> writeFeature(g, feature, crs, null, links));
    }

    /** @param crs null to write the geometry as null */
    private static void writeFeature(JsonGenerator g, Feature f, Crs crs, List<String> only, List<Link> links) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeStringField("id", f.id());
        g.writeFieldName("geometry");
        if (crs == null) {
            g.writeNull();
        } else {
            g.writeRawValue(crs == Crs.CRS84 || !f.hasGeometry() ? f.geometryJson()
                    : Feature.encode(crs.fromCrs84(f.geometry()), crs.decimals()));
        }
        g.writeObjectFieldStart("properties");
        if (only == null) {
            for (Map.Entry<String, Object> e : f.properties().entrySet()) {
                g.writeFieldName(e.getKey());
                writeValue(g, e.getValue());
            }
        } else {
            for (String name : only) {
                Object value = f.property(name);
                if (value != null) {
                    g.writeFieldName(name);
                    writeValue(g, value);
                }
            }
        }
        g.writeEndObject();
        if (links != null) {
            writeLinks(g, links);
        }
        g.writeEndObject();
    }

    /** Property values are JSON's own types (see PropertyMap): written directly, without a serializer lookup per value. */
    private static void writeValue(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String text) {
            g.writeString(text);
        } else if (value instanceof Integer || value instanceof Long) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double number) {
            g.writeNumber(number);
        } else if (value instanceof Boolean bool) {
            g.writeBoolean(bool);
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                writeValue(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else {
            g.writeObject(value);
        }
    }

    static void writeLinks(JsonGenerator g, List<Link> links) throws IOException {
        g.writeArrayFieldStart("links");
        for (Link link : links) {
            g.writeStartObject();
            g.writeStringField("href", link.href());
            g.writeStringField("rel", link.rel());
            if (link.type() != null) {
                g.writeStringField("type", link.type());
            }
            if (link.title() != null) {
                g.writeStringField("title", link.title());
            }
            g.writeEndObject();
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
