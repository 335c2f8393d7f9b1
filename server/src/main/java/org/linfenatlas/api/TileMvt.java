package org.linfenatlas.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.UserDataKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linfenatlas.model.Feature;
import org.linfenatlas.tiles.TileAddress;
import org.linfenatlas.tiles.TileContent;
import org.linfenatlas.tiles.TileGeometry;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A tile as a Mapbox Vector Tile (2.1): one layer named after the collection, extent 4096, the same
 * features as {@link TileJson} with the same properties; the string id and the values that are not
 * scalars (a cluster's categories and bbox, a feature's counties) as JSON text, as MVT values are scalars.
 * Geometries are clipped to the tile and a buffer of {@link #BUFFER} px.
 */
final class TileMvt {
    static final String MEDIA_TYPE = "application/vnd.mapbox-vector-tile";
    static final int EXTENT = 4096;
    /** Pixels of a 256 px tile drawn beyond its edges, so strokes and icons are not cut at them. */
    static final int BUFFER = 8;
    private static final MvtLayerParams PARAMS = new MvtLayerParams(EXTENT);
    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    private TileMvt() {
    }

    static byte[] write(String layer, TileContent tile) {
        TileAddress t = tile.tile();
        Envelope box = new Envelope((double) t.col() * TileAddress.TILE_SIZE, (double) (t.col() + 1) * TileAddress.TILE_SIZE,
                -(double) (t.row() + 1) * TileAddress.TILE_SIZE, -(double) t.row() * TileAddress.TILE_SIZE);
        Envelope clip = new Envelope(box);
        clip.expandBy(BUFFER);
        List<Geometry> geometries = new ArrayList<>();
        for (TileContent.Cluster c : tile.clusters()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", c.id(t));
            p.put("cluster", true);
            p.put("count", c.count());
            p.put("categories", json(c.categories()));
            p.put("bbox", json(c.bbox()));
            p.put("same_place", c.samePlace());
            add(geometries, GEOMETRIES.createPoint(new Coordinate(c.lon(), c.lat())), t, box, clip, p);
        }
        for (Feature f : tile.features()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", f.id());
            for (String name : TileJson.PROPERTIES) {
                Object value = f.property(name);
                if (value != null) {
                    p.put(name, value instanceof String || value instanceof Number || value instanceof Boolean ? value : json(value));
                }
            }
            if (TileGeometry.asPoint(f)) {
                p.put("point", true);
            }
            add(geometries, TileGeometry.of(f, t), t, box, clip, p);
        }
        if (geometries.isEmpty()) {
            return new byte[0];
        }
        return MvtEncoder.encode(new JtsMvt(new JtsLayer(layer, geometries, EXTENT)), PARAMS, new UserDataKeyValueMapConverter());
    }

    private static void add(List<Geometry> out, Geometry lonLat, TileAddress t, Envelope box, Envelope clip, Map<String, Object> p) {
        Geometry pixels = lonLat.copy();
        pixels.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            double x = t.worldX(c.x);
            c.y = -t.worldY(c.y);
            c.x = x;
        });
        pixels.geometryChanged();
        for (Geometry g : flat(JtsAdapter.createTileGeom(pixels, box, clip, GEOMETRIES, PARAMS, g -> true))) {
            g.setUserData(p);
            out.add(g);
        }
    }

    private static List<Geometry> flat(Geometry g) {
        List<Geometry> parts = new ArrayList<>();
        if (g.getClass() == org.locationtech.jts.geom.GeometryCollection.class) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                parts.add(g.getGeometryN(i));
            }
        } else if (!g.isEmpty()) {
            parts.add(g);
        }
        return parts;
    }

    private static String json(Object value) {
        try {
            return FeatureJson.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
