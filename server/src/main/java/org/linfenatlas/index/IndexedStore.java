package org.linfenatlas.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linfenatlas.data.BeltDissolver;
import org.linfenatlas.data.GeodesicArea;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.model.Layers;
import org.linfenatlas.store.CollectionInfo;
import org.linfenatlas.store.FeaturePage;
import org.linfenatlas.store.FeatureStore;
import org.linfenatlas.store.ItemsQuery;
import org.linfenatlas.store.LayerRepository;
import org.linfenatlas.store.Stats;

/**
 * The read path: every layer of a repository held in memory with a spatial index, the belts
 * dissolved from the counties, and the statistics computed once. The snapshot is replaced
 * whole, so readers never see a half-updated state.
 */
public final class IndexedStore implements FeatureStore {
    private final LayerRepository repository;
    private volatile Snapshot snapshot;

    private IndexedStore(LayerRepository repository, Snapshot snapshot) {
        this.repository = repository;
        this.snapshot = snapshot;
    }

    public static IndexedStore load(LayerRepository repository) {
        return new IndexedStore(repository, Snapshot.build(readLayers(repository)));
    }

    /** Builds a store from features already in memory (tests, benchmarks); null repository. */
    public static IndexedStore of(Map<String, List<Feature>> storedLayers) {
        return new IndexedStore(null, Snapshot.build(storedLayers));
    }

    /** Re-reads the repository, e.g. after another instance changed the database. */
    public void reload() {
        snapshot = Snapshot.build(readLayers(repository));
    }

    private static Map<String, List<Feature>> readLayers(LayerRepository repository) {
        Map<String, List<Feature>> layers = new LinkedHashMap<>();
        for (LayerSpec spec : Layers.STORED) {
            layers.put(spec.id(), repository.readAll(spec));
        }
        return layers;
    }

    @Override
    public List<CollectionInfo> collections() {
        return snapshot.collections;
    }

    @Override
    public FeaturePage items(ItemsQuery query) {
        return snapshot.layer(query.collection()).query(query);
    }

    @Override
    public Optional<Feature> item(String collection, String featureId) {
        return Optional.ofNullable(snapshot.layer(collection).get(featureId));
    }

    @Override
    public Stats stats() {
        return snapshot.stats;
    }

    @Override
    public String revision() {
        return snapshot.revision;
    }

    @Override
    public void close() {
        if (repository != null) {
            repository.close();
        }
    }

    private static final class Snapshot {
        final Map<String, LayerIndex> layers = new LinkedHashMap<>();
        List<CollectionInfo> collections;
        Stats stats;
        String revision;

        static Snapshot build(Map<String, List<Feature>> stored) {
            Snapshot s = new Snapshot();
            List<Feature> storedCounties = stored.getOrDefault(Layers.COUNTIES, List.of());
            Map<String, Double> areas = new HashMap<>(); // geodesic areas, summed again for the belts
            storedCounties.forEach(c -> areas.put(c.id(), GeodesicArea.squareKilometres(c.geometry())));
            List<Feature> counties = withArea(storedCounties, areas);
            Map<String, List<Feature>> all = new LinkedHashMap<>();
            all.put(Layers.COUNTIES, counties);
            all.put(Layers.BELTS, BeltDissolver.dissolve(counties, c -> areas.get(c.id())));
            all.put(Layers.RIVERS, stored.getOrDefault(Layers.RIVERS, List.of()));
            all.put(Layers.PROJECTS, stored.getOrDefault(Layers.PROJECTS, List.of()));
            List<CollectionInfo> infos = new ArrayList<>();
            long hash = 17;
            for (LayerSpec spec : Layers.ALL) {
                LayerIndex index = new LayerIndex(spec, all.get(spec.id()));
                s.layers.put(spec.id(), index);
                infos.add(new CollectionInfo(spec, index.extent(), index.features().size()));
                hash = 31 * hash + index.features().hashCode();
            }
            s.collections = List.copyOf(infos);
            s.stats = StatsCalculator.compute(all.get(Layers.PROJECTS), counties);
            s.revision = Long.toHexString(hash);
            return s;
        }

        LayerIndex layer(String id) {
            LayerIndex index = layers.get(id);
            if (index == null) {
                throw new IllegalArgumentException("no collection " + id);
            }
            return index;
        }

        private static List<Feature> withArea(List<Feature> counties, Map<String, Double> areas) {
            return counties.stream().map(c -> {
                Map<String, Object> props = new LinkedHashMap<>(c.properties());
                props.put("area_km2", Math.round(areas.get(c.id()) * 10) / 10.0);
                return new Feature(c.id(), c.geometry(), props);
            }).toList();
        }
    }
}
