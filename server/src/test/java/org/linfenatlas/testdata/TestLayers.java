package org.linfenatlas.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.model.Layers;
import org.linfenatlas.store.GisDataSeed;

/**
 * The stored layers tests load into a store: the real gis-data (counties, rivers and whatever
 * projects it holds) plus synthetic projects placed in the real counties.
 */
public final class TestLayers {
    private TestLayers() {
    }

    public static Path gisDataDir() {
        String dir = System.getProperty("gis.data.dir");
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            throw new IllegalStateException("system property gis.data.dir must name the gis-data directory (surefire sets it), got " + dir);
        }
        return Path.of(dir);
    }

    /** Real layers of gis-data plus {@code synthetic} made-up projects (seeded, so always the same). */
    public static Map<LayerSpec, List<Feature>> withSyntheticProjects(int synthetic, long seed) {
        return withProjects(counties -> SyntheticProjects.generate(synthetic, seed, counties));
    }

    /**
     * The layers of bench.sh's data dir: the real counties and rivers, and as projects only {@code synthetic}
     * points shaped like the load benchmark's (seeded).
     */
    public static Map<LayerSpec, List<Feature>> withBenchPoints(int synthetic, long seed) {
        Map<LayerSpec, List<Feature>> layers = withProjects(counties -> List.of());
        layers.put(Layers.PROJECTS_SPEC, SyntheticProjects.benchPoints(synthetic, seed, layers.get(Layers.COUNTIES_SPEC)));
        return layers;
    }

    private static Map<LayerSpec, List<Feature>> withProjects(java.util.function.Function<List<Feature>, List<Feature>> made) {
        GisDataSeed data = new GisDataSeed(gisDataDir());
        Map<LayerSpec, List<Feature>> layers = new LinkedHashMap<>();
        try {
            for (LayerSpec spec : Layers.STORED) {
                layers.put(spec, new ArrayList<>(data.read(spec)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Feature> counties = layers.get(Layers.COUNTIES_SPEC);
        if (counties.isEmpty()) {
            throw new IllegalStateException("gis-data holds no counties.geojson: " + gisDataDir());
        }
        layers.get(Layers.PROJECTS_SPEC).addAll(made.apply(counties));
        layers.replaceAll((spec, features) -> List.copyOf(features));
        return layers;
    }

    /** The same layers keyed by layer id, as IndexedStore.of takes them, in id order as every repository reads them. */
    public static Map<String, List<Feature>> byId(Map<LayerSpec, List<Feature>> layers) {
        Map<String, List<Feature>> byId = new LinkedHashMap<>();
        layers.forEach((spec, features) -> byId.put(spec.id(),
                features.stream().sorted(java.util.Comparator.comparing(Feature::id)).toList()));
        return byId;
    }
}
