package org.linfenatlas.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.linfenatlas.data.BeltDissolver;
import org.linfenatlas.data.GeodesicArea;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.model.Layers;
import org.linfenatlas.store.Change;
import org.linfenatlas.store.CollectionInfo;
import org.linfenatlas.store.FeaturePage;
import org.linfenatlas.store.FeatureStore;
import org.linfenatlas.store.HistoryEntry;
import org.linfenatlas.store.ItemsQuery;
import org.linfenatlas.store.LayerRepository;
import org.linfenatlas.store.LayerVersion;
import org.linfenatlas.store.Stats;
import org.linfenatlas.store.WriteRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read path: every layer of a repository held in memory with a spatial index, the belts
 * dissolved from the counties, the statistics computed on first need. Readers see one immutable
 * snapshot at a time. A change of one feature makes a new snapshot that shares everything but that
 * layer's per-position arrays ({@link LayerIndex#with}); its tree is rebuilt in the background once
 * enough changed. Changes of counties, and whole-layer changes, rebuild what depends on them.
 */
public final class IndexedStore implements FeatureStore {
    private static final Logger LOG = LoggerFactory.getLogger(IndexedStore.class);

    private final LayerRepository repository;
    private volatile Snapshot snapshot;
    /** Held while a change is committed and applied, so that this instance applies changes in commit order. */
    private final Object writeLock = new Object();
    /** Layers whose compaction is running, with the changes applied meanwhile, replayed onto its result. */
    private final Map<String, List<Feature.Edit>> compacting = new HashMap<>();
    /** Counts whole rebuilds: a compaction started before one is dropped (the rebuild holds newer data). */
    private long rebuilds;
    private final ExecutorService compactor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "index-compaction");
        t.setDaemon(true);
        return t;
    });

    private IndexedStore(LayerRepository repository, Snapshot snapshot) {
        this.repository = repository;
        this.snapshot = snapshot;
    }

    /** Folds search texts after a layer is served, on one thread: a daemon, so that it never holds up the JVM's exit. */
    private static final Executor SEARCH_TEXTS = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "search-texts");
        t.setDaemon(true);
        return t;
    });

    /** Reads and indexes the repository; it answers before its search texts are built (searches wait for them). */
    public static IndexedStore load(LayerRepository repository) {
        long started = System.nanoTime();
        Map<String, List<Feature>> layers = readLayers(repository);
        long read = System.nanoTime();
        IndexedStore store = new IndexedStore(repository, Snapshot.build(layers, versions(repository), SEARCH_TEXTS));
        LOG.info("read the layers in {} ms, indexed them in {} ms", (read - started) / 1_000_000,
                (System.nanoTime() - read) / 1_000_000);
        store.snapshot.layers.forEach((id, index) -> index.searchBuilt().whenComplete((done, error) -> {
            if (error != null) {
                LOG.error("building the search texts of {} failed", id, error);
            } else if (index.spec().searchable()) {
                LOG.info("search texts of {} ready {} ms after reading began", id, (System.nanoTime() - started) / 1_000_000);
            }
        }));
        return store;
    }

    /** Builds a store from features already in memory (tests, benchmarks); null repository, so read-only. */
    public static IndexedStore of(Map<String, List<Feature>> storedLayers) {
        Map<String, LayerVersion> versions = new HashMap<>();
        Layers.STORED.forEach(l -> versions.put(l.id(), new LayerVersion(WriteRules.newEpoch(), 0)));
        return new IndexedStore(null, Snapshot.build(storedLayers, versions, null));
    }

    /** Re-reads the repository whole, e.g. after an import into the database. */
    public void reload() {
        synchronized (writeLock) {
            rebuild();
        }
    }

    /** Under the write lock. */
    private void rebuild() {
        rebuilds++;
        compacting.clear();
        snapshot = Snapshot.build(readLayers(repository), versions(repository), SEARCH_TEXTS);
    }

    /** What a repository reports another process changed: those features re-read and applied, or the layer reloaded. */
    public void changed(String layer, List<String> featureIds) {
        LayerSpec spec = Layers.byId(layer).filter(LayerSpec::stored).orElse(null);
        if (spec == null) {
            return;
        }
        synchronized (writeLock) {
            LayerVersion version = repository.version(spec);
            // a new epoch: the layer was replaced whole, and its features start again at version 1
            boolean replaced = !version.epoch().equals(snapshot.versions.get(layer).epoch());
            if (featureIds == null || replaced || spec.id().equals(Layers.COUNTIES)) {
                rebuild();
                return;
            }
            for (String id : featureIds) {
                Feature stored = repository.read(spec, id).orElse(null);
                Feature held = snapshot.layer(layer).get(id);
                if (stored == null ? held != null : held == null || held.version() != stored.version()) {
                    apply(layer, id, stored);
                }
            }
            snapshot = snapshot.withVersion(layer, version);
        }
    }

    @Override
    public HistoryEntry write(Change change) {
        if (repository == null) {
            return FeatureStore.super.write(change);
        }
        LayerSpec spec = Layers.byId(change.collection()).filter(LayerSpec::stored)
                .orElseThrow(() -> new IllegalArgumentException("no stored collection " + change.collection()));
        synchronized (writeLock) {
            HistoryEntry entry = repository.commit(change);
            if (spec.id().equals(Layers.COUNTIES)) {
                rebuild();
            } else {
                apply(spec.id(), entry.featureId(), entry.after());
                snapshot = snapshot.withVersion(spec.id(), repository.version(spec));
            }
            return entry;
        }
    }

    @Override
    public List<HistoryEntry> history(String collection, String featureId) {
        if (repository == null) {
            return List.of();
        }
        return Layers.byId(collection).filter(LayerSpec::stored).map(spec -> repository.history(spec, featureId)).orElse(List.of());
    }

    @Override
    public List<HistoryEntry> recentHistory(String collection, int limit, boolean deletedOnly) {
        if (repository == null) {
            return List.of();
        }
        return Layers.byId(collection).filter(LayerSpec::stored)
                .map(spec -> repository.recentHistory(spec, limit, deletedOnly)).orElse(List.of());
    }

    /** Under the write lock: one feature added, replaced or (after == null) removed. */
    private void apply(String layer, String id, Feature after) {
        LayerIndex current = snapshot.layer(layer);
        LayerIndex next = after == null ? current.without(id) : current.with(after);
        snapshot = snapshot.withLayer(layer, next);
        List<Feature.Edit> pending = compacting.get(layer);
        if (pending != null) {
            pending.add(new Feature.Edit(id, after));
        } else if (next.compactionDue()) {
            compacting.put(layer, new ArrayList<>());
            long generation = rebuilds;
            compactor.execute(() -> compact(layer, next, generation));
        }
    }

    private void compact(String layer, LayerIndex base, long generation) {
        try {
            LayerIndex compacted = base.compacted();
            synchronized (writeLock) {
                if (rebuilds != generation) {
                    return; // rebuilt meanwhile from the repository: newer than base and its edits
                }
                for (Feature.Edit edit : compacting.get(layer)) {
                    compacted = edit.after() == null ? compacted.without(edit.id()) : compacted.with(edit.after());
                }
                snapshot = snapshot.withLayer(layer, compacted);
            }
        } catch (RuntimeException e) {
            LOG.error("compacting the index of {} failed; it goes on with its overlay", layer, e);
        } finally {
            synchronized (writeLock) {
                if (rebuilds == generation) {
                    compacting.remove(layer);
                }
            }
        }
    }

    private static Map<String, List<Feature>> readLayers(LayerRepository repository) {
        Map<String, List<Feature>> layers = new LinkedHashMap<>();
        for (LayerSpec spec : Layers.STORED) {
            layers.put(spec.id(), repository.readAll(spec));
        }
        return layers;
    }

    private static Map<String, LayerVersion> versions(LayerRepository repository) {
        Map<String, LayerVersion> versions = new HashMap<>();
        Layers.STORED.forEach(l -> versions.put(l.id(), repository.version(l)));
        return versions;
    }

    @Override
    public List<CollectionInfo> collections() {
        return snapshot.collections;
    }

    @Override
    public FeaturePage items(ItemsQuery query) {
        return snapshot.layer(query.collection()).query(query);
    }

    /** Straight from the index: the tree and the tests, no page of features. */
    @Override
    public void forEachSelected(ItemsQuery selection, java.util.function.Consumer<Feature> action) {
        snapshot.layer(selection.collection()).forEachSelected(selection, action);
    }

    @Override
    public Optional<Feature> item(String collection, String featureId) {
        return Optional.ofNullable(snapshot.layer(collection).get(featureId));
    }

    @Override
    public Stats stats() {
        return snapshot.stats();
    }

    /**
     * The repository's version and this instance's count of snapshots published for the layer: a
     * repository version read while another instance's change was not yet applied here cannot key
     * answers that lack it, since applying it publishes again.
     */
    @Override
    public String revision(String collection) {
        Snapshot s = snapshot;
        String source = collection.equals(Layers.BELTS) ? Layers.COUNTIES : collection;
        return version(collection).revision() + "." + s.publications.getOrDefault(source, 0L);
    }

    @Override
    public LayerVersion version(String collection) {
        Snapshot s = snapshot;
        s.layer(collection);
        return s.versions.get(collection.equals(Layers.BELTS) ? Layers.COUNTIES : collection);
    }

    @Override
    public void close() {
        compactor.shutdownNow();
        if (repository != null) {
            repository.close();
        }
    }

    private static final class Snapshot {
        final Map<String, LayerIndex> layers;
        final Map<String, LayerVersion> versions;
        /** Per stored layer: the number of the publication that last changed it here. */
        final Map<String, Long> publications;
        final List<CollectionInfo> collections;
        private volatile Stats stats;
        private static final java.util.concurrent.atomic.AtomicLong PUBLISHED = new java.util.concurrent.atomic.AtomicLong();

        private Snapshot(Map<String, LayerIndex> layers, Map<String, LayerVersion> versions, Map<String, Long> publications,
                         Stats stats) {
            this.layers = layers;
            this.versions = versions;
            this.publications = publications;
            this.stats = stats;
            List<CollectionInfo> infos = new ArrayList<>();
            for (LayerSpec spec : Layers.ALL) {
                LayerIndex index = layers.get(spec.id());
                infos.add(new CollectionInfo(spec, index.extent(), index.features().size()));
            }
            this.collections = List.copyOf(infos);
        }

        /** @param background where search texts are folded (null: before it returns) */
        static Snapshot build(Map<String, List<Feature>> stored, Map<String, LayerVersion> versions, Executor background) {
            List<Feature> storedCounties = stored.getOrDefault(Layers.COUNTIES, List.of());
            Map<String, Double> areas = new HashMap<>(); // geodesic areas, summed again for the belts
            storedCounties.forEach(c -> areas.put(c.id(), GeodesicArea.squareKilometres(c.geometry())));
            List<Feature> counties = withArea(storedCounties, areas);
            Map<String, List<Feature>> all = new LinkedHashMap<>();
            all.put(Layers.COUNTIES, counties);
            all.put(Layers.BELTS, BeltDissolver.dissolve(counties, c -> areas.get(c.id())));
            all.put(Layers.RIVERS, stored.getOrDefault(Layers.RIVERS, List.of()));
            all.put(Layers.PROJECTS, stored.getOrDefault(Layers.PROJECTS, List.of()));
            all.put(Layers.PLACES, stored.getOrDefault(Layers.PLACES, List.of()));
            Map<String, LayerIndex> layers = new LinkedHashMap<>();
            for (LayerSpec spec : Layers.ALL) {
                layers.put(spec.id(), new LayerIndex(spec, all.get(spec.id()), background));
            }
            long publication = PUBLISHED.incrementAndGet();
            Map<String, Long> publications = new HashMap<>();
            Layers.STORED.forEach(l -> publications.put(l.id(), publication));
            return new Snapshot(layers, Map.copyOf(versions), Map.copyOf(publications), null);
        }

        /** The same snapshot with one layer's index replaced; the statistics follow the projects. */
        Snapshot withLayer(String id, LayerIndex index) {
            Map<String, LayerIndex> next = new LinkedHashMap<>(layers);
            next.put(id, index);
            Map<String, Long> nextPublications = new HashMap<>(publications);
            nextPublications.put(id, PUBLISHED.incrementAndGet());
            return new Snapshot(next, versions, Map.copyOf(nextPublications), id.equals(Layers.PROJECTS) ? null : stats);
        }

        Snapshot withVersion(String id, LayerVersion version) {
            Map<String, LayerVersion> next = new HashMap<>(versions);
            next.put(id, version);
            Map<String, Long> nextPublications = new HashMap<>(publications);
            nextPublications.put(id, PUBLISHED.incrementAndGet());
            return new Snapshot(layers, Map.copyOf(next), Map.copyOf(nextPublications), stats);
        }

        Stats stats() {
            Stats s = stats;
            if (s == null) {
                s = StatsCalculator.compute(layers.get(Layers.PROJECTS).features(), layers.get(Layers.COUNTIES).features());
                stats = s;
            }
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
                return new Feature(c.id(), c.geometry(), props, c.version());
            }).toList();
        }
    }
}
