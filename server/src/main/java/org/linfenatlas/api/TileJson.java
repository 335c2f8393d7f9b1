package org.linfenatlas.api;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.linfenatlas.model.Feature;
import org.linfenatlas.tiles.TileAddress;
import org.linfenatlas.tiles.TileContent;
import org.linfenatlas.tiles.TileGeometry;

/**
 * A tile as a GeoJSON FeatureCollection: its clusters, then its features with only what drawing needs
 * (geometries simplified for the zoom, not clipped: a feature crossing tiles comes in each, the same id).
 */
final class TileJson {
    /** The properties a tile's feature carries: what the page draws and styles it by. */
    static final List<String> PROPERTIES = List.of("name", "name_en", "category", "status", "precision", "kind", "counties");
    private static final int DECIMALS = 6;

    private TileJson() {
    }

    static byte[] write(TileContent tile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator g = FeatureJson.JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (TileContent.Cluster c : tile.clusters()) {
                cluster(g, tile.tile(), c);
            }
            for (Feature f : tile.features()) {
                feature(g, tile.tile(), f);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void cluster(JsonGenerator g, TileAddress tile, TileContent.Cluster c) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeStringField("id", c.id(tile));
        g.writeObjectFieldStart("geometry");
        g.writeStringField("type", "Point");
        g.writeArrayFieldStart("coordinates");
        g.writeNumber(round(c.lon()));
        g.writeNumber(round(c.lat()));
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeBooleanField("cluster", true);
        g.writeNumberField("count", c.count());
        g.writeObjectFieldStart("categories");
        for (Map.Entry<String, Integer> e : c.categories().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("bbox");
        for (double v : c.bbox()) {
            g.writeNumber(round(v));
        }
        g.writeEndArray();
        g.writeBooleanField("same_place", c.samePlace());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void feature(JsonGenerator g, TileAddress tile, Feature f) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeStringField("id", f.id());
        g.writeFieldName("geometry");
        g.writeRawValue(Feature.encode(TileGeometry.of(f, tile), DECIMALS));
        g.writeObjectFieldStart("properties");
        for (String name : PROPERTIES) {
            Object value = f.property(name);
            if (value != null) {
                g.writeFieldName(name);
                FeatureJson.JSON.writeValue(g, value);
            }
        }
        if (TileGeometry.asPoint(f)) {
            g.writeBooleanField("point", true);
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
