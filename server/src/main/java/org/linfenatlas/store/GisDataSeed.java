package org.linfenatlas.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linfenatlas.data.GeoJsonFeatures;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.model.Layers;

/** The source layers in gis-data/ (bundled in the jar, or a directory), loaded into an empty repository. */
public final class GisDataSeed {
    private final Path directory;

    /** @param directory a gis-data directory, or null for the copy bundled in the jar */
    public GisDataSeed(Path directory) {
        this.directory = directory;
    }

    public List<Feature> read(LayerSpec layer) throws IOException {
        String fileName = layer.id() + ".geojson";
        if (directory != null) {
            Path file = directory.resolve(fileName);
            if (!Files.exists(file)) {
                return List.of();
            }
            try (InputStream in = Files.newInputStream(file)) {
                return GeoJsonFeatures.read(in, layer);
            }
        }
        try (InputStream in = GisDataSeed.class.getResourceAsStream("/gis-data/" + fileName)) {
            return in == null ? List.of() : GeoJsonFeatures.read(in, layer);
        }
    }

    /** Copies every stored layer into the repository in one transaction; returns the number of features written. */
    public int loadInto(LayerRepository repository) throws IOException {
        Map<LayerSpec, List<Feature>> layers = new LinkedHashMap<>();
        int count = 0;
        for (LayerSpec layer : Layers.STORED) {
            List<Feature> features = read(layer);
            layers.put(layer, features);
            count += features.size();
        }
        repository.replaceAll(layers);
        return count;
    }

    /**
     * Seeds each read-only layer that is still empty in a repository seeded before (a layer added by a
     * later version, as places was); returns the ids of the layers it filled. The projects are never
     * touched: an empty projects layer may be an editor's doing.
     */
    public List<String> fillEmptyReadOnlyLayers(LayerRepository repository) throws IOException {
        List<String> filled = new java.util.ArrayList<>();
        for (LayerSpec layer : Layers.STORED) {
            if (layer.id().equals(Layers.PROJECTS) || !repository.readAll(layer).isEmpty()) {
                continue;
            }
            List<Feature> features = read(layer);
            if (!features.isEmpty()) {
                repository.replaceAll(layer, features);
                filled.add(layer.id() + " (" + features.size() + ")");
            }
        }
        return filled;
    }

    public String describe() {
        return directory == null ? "bundled gis-data" : directory.toAbsolutePath().toString();
    }
}
