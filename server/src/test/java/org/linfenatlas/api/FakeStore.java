package org.linfenatlas.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.Layers;
import org.linfenatlas.store.CollectionInfo;
import org.linfenatlas.store.FeaturePage;
import org.linfenatlas.store.FeatureStore;
import org.linfenatlas.store.HistoryEntry;
import org.linfenatlas.store.ItemsQuery;
import org.linfenatlas.store.Stats;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The store of the handler tests: fixed features, plain offset/limit paging, and a record of the
 * last query, so tests can see exactly what the handlers asked for. Filtering is the real
 * stores' business and is tested there.
 */
final class FakeStore implements FeatureStore {
    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    final Map<String, List<Feature>> layers = new LinkedHashMap<>();
    ItemsQuery lastQuery;
    RuntimeException failure;
    String revision = "r1";
    /** How often a route looked a collection up: answers from the cache in front of the routes don't. */
    int collectionLookups;
    /** Whether the last items call came through Javalin's servlet, rather than the fast path in front of it. */
    boolean lastItemsThroughServlet;
    /** Committed changes of every collection, newest first, as a repository keeps them (tests add them). */
    final List<HistoryEntry> history = new ArrayList<>();
    /** The limit of the last recentHistory call, null before any. */
    Integer lastHistoryLimit;

    FakeStore() {
        Layers.ALL.forEach(spec -> layers.put(spec.id(), new ArrayList<>()));
        layers.get(Layers.COUNTIES).add(point("141032", 110.63, 36.76, Map.of("name", "永和县", "belt", "yellow")));
        layers.get(Layers.COUNTIES).add(point("141002", 111.52, 36.08, Map.of("name", "尧都区", "belt", "fen")));
        for (int i = 0; i < 25; i++) {
            layers.get(Layers.PROJECTS).add(point(String.format("p-%02d", i), 111 + i * 0.01, 36 + i * 0.01,
                    Map.of("name", "项目" + i, "category", i % 2 == 0 ? "energy" : "transport", "counties", List.of("尧都区"))));
        }
    }

    static Feature point(String id, double lon, double lat, Map<String, Object> props) {
        return new Feature(id, GEOMETRIES.createPoint(new Coordinate(lon, lat)), props);
    }

    @Override
    public List<CollectionInfo> collections() {
        List<CollectionInfo> infos = new ArrayList<>();
        for (var spec : Layers.ALL) {
            Envelope extent = new Envelope();
            layers.get(spec.id()).forEach(f -> extent.expandToInclude(f.geometry().getEnvelopeInternal()));
            infos.add(new CollectionInfo(spec, extent, layers.get(spec.id()).size()));
        }
        return infos;
    }

    @Override
    public Optional<CollectionInfo> collection(String id) {
        collectionLookups++;
        return FeatureStore.super.collection(id);
    }

    @Override
    public FeaturePage items(ItemsQuery query) {
        lastQuery = query;
        lastItemsThroughServlet = StackWalker.getInstance()
                .walk(frames -> frames.anyMatch(f -> f.getClassName().startsWith("io.javalin.http.servlet.")));
        failIfAsked();
        List<Feature> all = layers.get(query.collection());
        int from = (int) Math.min(all.size(), query.offset());
        int to = (int) Math.min(all.size(), from + (long) query.limit());
        return new FeaturePage(all.subList(from, to), all.size());
    }

    @Override
    public Optional<Feature> item(String collection, String featureId) {
        failIfAsked();
        return layers.get(collection).stream().filter(f -> f.id().equals(featureId)).findFirst();
    }

    @Override
    public List<HistoryEntry> history(String collection, String featureId) {
        failIfAsked();
        return history.stream().filter(e -> e.collection().equals(collection) && e.featureId().equals(featureId)).toList();
    }

    /** As the repositories answer: newest first; deleted only = the newest entry of each feature that is gone, if a delete. */
    @Override
    public List<HistoryEntry> recentHistory(String collection, int limit, boolean deletedOnly) {
        lastHistoryLimit = limit;
        failIfAsked();
        List<HistoryEntry> entries = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (HistoryEntry e : history) {
            if (!e.collection().equals(collection)) {
                continue;
            }
            boolean newestOfItsFeature = seen.add(e.featureId());
            if (entries.size() < limit
                    && (!deletedOnly || newestOfItsFeature && e.after() == null && item(collection, e.featureId()).isEmpty())) {
                entries.add(e);
            }
        }
        return entries;
    }

    @Override
    public Stats stats() {
        failIfAsked();
        return new Stats(3, 12.5, List.of(new Stats.Group("fen", "沿汾", "Fen River belt", null, 3, 12.5, Map.of("energy", 3L))),
                List.of(), List.of(new Stats.Group("energy", null, null, null, 3, 12.5, Map.of())),
                Stats.stageCounts(Map.of("construction", 1L)), 0, Stats.statusCounts(Map.of("plan", 3L)));
    }

    @Override
    public String revision() {
        return revision;
    }

    /** Every collection at the fake's one revision. */
    @Override
    public org.linfenatlas.store.LayerVersion version(String collection) {
        return new org.linfenatlas.store.LayerVersion("fake", Math.abs(revision.hashCode()));
    }

    @Override
    public void close() {
    }

    private void failIfAsked() {
        if (failure != null) {
            throw failure;
        }
    }
}
