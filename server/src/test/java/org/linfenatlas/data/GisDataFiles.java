package org.linfenatlas.data;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/** Loads the committed GeoJSON FeatureCollections of gis-data/ for data tests. */
public final class GisDataFiles {

  /** One feature: its id, its properties as plain Java values, and its geometry. */
  public record GisFeature(String id, Map<String, Object> properties, Geometry geometry) {
    public String property(String name) {
      Object value = properties.get(name);
      return value == null ? null : value.toString();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  /** What a feature with "geometry": null gets: empty, so that isEmpty() tells it. */
  public static final Geometry NO_GEOMETRY = new GeometryFactory().createGeometryCollection();

  private GisDataFiles() {}

  /** gis-data/ of this checkout: surefire sets gis.data.dir; the fallback serves runs from the IDE. */
  public static Path dir() {
    String configured = System.getProperty("gis.data.dir");
    return configured != null ? Path.of(configured) : Path.of("..", "gis-data");
  }

  public static List<GisFeature> load(String fileName) {
    Path file = dir().resolve(fileName);
    try {
      JsonNode root = JSON.readTree(Files.readString(file));
      if (!"FeatureCollection".equals(root.path("type").asText())) {
        throw new IllegalStateException(file + " is not a GeoJSON FeatureCollection");
      }
      GeoJsonReader reader = new GeoJsonReader();
      List<GisFeature> features = new ArrayList<>();
      for (JsonNode feature : root.path("features")) {
        JsonNode id = feature.get("id");
        Map<String, Object> properties = feature.hasNonNull("properties")
            ? JSON.convertValue(feature.get("properties"), new TypeReference<LinkedHashMap<String, Object>>() {})
            : Map.of();
        // RFC 7946 allows "geometry": null (an unlocated feature): an empty geometry here
        Geometry geometry = feature.hasNonNull("geometry")
            ? reader.read(JSON.writeValueAsString(feature.get("geometry")))
            : NO_GEOMETRY;
        features.add(new GisFeature(id == null ? null : id.asText(), properties, geometry));
      }
      return features;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (ParseException e) {
      throw new IllegalStateException("bad geometry in " + file + ": " + e.getMessage(), e);
    }
  }

  public static Optional<GisFeature> byProperty(List<GisFeature> features, String property, String value) {
    return features.stream().filter(f -> value.equals(f.property(property))).findFirst();
  }
}
