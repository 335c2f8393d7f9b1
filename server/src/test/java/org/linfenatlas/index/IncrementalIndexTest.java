package org.linfenatlas.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.Layers;
import org.linfenatlas.model.Vocabulary;
import org.linfenatlas.store.FeaturePage;
import org.linfenatlas.store.GisDataSeed;
import org.linfenatlas.store.ItemsQuery;
import org.linfenatlas.store.ItemsQuery.SortKey;
import org.linfenatlas.testdata.SyntheticProjects;
import org.linfenatlas.testdata.TestLayers;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The index a write leaves (LayerIndex.with / without, its overlay over the packed tree, compaction)
 * answers every query as an index built afresh from the same features does: the same ids in the same
 * order and the same numberMatched, for bbox, filter, search and sort queries, through random inserts,
 * replaces, moves and deletes (seeded), across compactions, and when a compaction built from an older
 * index has the edits since replayed on it (as IndexedStore's background compactor does).
 */
class IncrementalIndexTest {
    private static final GeometryFactory G = new GeometryFactory();
    private static final int FEATURES = 2_000;
    private static final Envelope LINFEN = new Envelope(110.3, 112.4, 35.3, 37.0);
    private static List<Feature> start;

    @BeforeAll
    static void features() throws IOException {
        List<Feature> counties = new GisDataSeed(TestLayers.gisDataDir()).read(Layers.COUNTIES_SPEC);
        start = SyntheticProjects.generate(FEATURES, 20240611L, counties);
    }

    /** What the features are after the edits: the reference an index is rebuilt from. */
    private final TreeMap<String, Feature> current = new TreeMap<>();

    private LayerIndex rebuilt() {
        return new LayerIndex(Layers.PROJECTS_SPEC, current.values());
    }

    @Test
    void randomEditsAnswerAsARebuiltIndex() {
        Random random = new Random(42);
        start.forEach(f -> current.put(f.id(), f));
        LayerIndex index = new LayerIndex(Layers.PROJECTS_SPEC, start);
        int compactions = 0;
        for (int op = 0; op < 3_000; op++) { // MAX_OVERLAY (1,024) overlay positions make a compaction due
            Edit edit = randomEdit(random, op);
            index = edit.applyTo(index);
            if (index.compactionDue()) {
                index = index.compacted();
                compactions++;
                assertSameAnswers(rebuilt(), index, random, edit, "after compaction at op " + op);
            }
            if (op % 30 == 0) {
                assertSameAnswers(rebuilt(), index, random, edit, "op " + op + " " + edit);
            }
        }
        assertSameAnswers(rebuilt(), index, random, null, "at the end");
        assertTrue(compactions > 0, "the edits never made a compaction due");
    }

    @Test
    void compactionFromAnOlderIndexWithTheEditsSinceReplayedAnswersAsARebuiltIndex() {
        Random random = new Random(7);
        start.forEach(f -> current.put(f.id(), f));
        LayerIndex index = new LayerIndex(Layers.PROJECTS_SPEC, start);
        for (int op = 0; op < 300; op++) {
            index = randomEdit(random, op).applyTo(index);
        }
        LayerIndex base = index;
        List<Edit> since = new ArrayList<>();
        for (int op = 300; op < 600; op++) {
            Edit edit = randomEdit(random, op);
            since.add(edit);
            index = edit.applyTo(index);
        }
        LayerIndex compacted = base.compacted();
        for (Edit edit : since) {
            compacted = edit.applyTo(compacted);
        }
        assertSameAnswers(rebuilt(), compacted, random, null, "replayed on a compaction");
        assertSameAnswers(rebuilt(), index, random, null, "not compacted");
    }

    @Test
    void compactedIndexHasTheExactExtent() {
        Random random = new Random(3);
        start.forEach(f -> current.put(f.id(), f));
        LayerIndex index = new LayerIndex(Layers.PROJECTS_SPEC, start);
        for (int op = 0; op < 400; op++) {
            index = randomEdit(random, op).applyTo(index);
        }
        assertEquals(rebuilt().extent(), index.compacted().extent());
    }

    @Test
    void withoutAnUnknownIdIsTheSameIndex() {
        LayerIndex index = new LayerIndex(Layers.PROJECTS_SPEC, start);
        assertSame(index, index.without("no-such-feature"));
    }

    @Test
    void fewEditsDoNotMakeACompactionDue() {
        Random random = new Random(5);
        start.forEach(f -> current.put(f.id(), f));
        LayerIndex index = new LayerIndex(Layers.PROJECTS_SPEC, start);
        for (int op = 0; op < 100; op++) {
            index = randomEdit(random, op).applyTo(index);
        }
        assertEquals(false, index.compactionDue());
    }

    // ---------------------------------------------------------------- edits

    /** One edit of the features: {@code after} null removes {@code id}; {@code before} is what was there (null for none). */
    private record Edit(String kind, String id, Feature before, Feature after) {
        LayerIndex applyTo(LayerIndex index) {
            return after == null ? index.without(id) : index.with(after);
        }

        @Override
        public String toString() {
            return kind + " " + id;
        }
    }

    /** Applies a random edit to {@link #current} and returns it, for the index to apply. */
    private Edit randomEdit(Random random, int op) {
        int kind = random.nextInt(10);
        List<String> ids = new ArrayList<>(current.keySet());
        String id = ids.get(random.nextInt(ids.size()));
        Feature before = current.get(id);
        Edit edit;
        if (kind < 3) { // insert: a new id, anywhere in the id order
            String newId = (random.nextBoolean() ? "new-" : "syn-" + String.format("%06d", random.nextInt(FEATURES)) + "-")
                    + String.format("%05d", op);
            Map<String, Object> props = new LinkedHashMap<>(before.properties());
            props.put("name", "新增项目" + op + (random.nextBoolean() ? "光伏电站" : "物流园"));
            edit = new Edit("insert", newId, null, new Feature(newId, randomGeometry(random), props));
        } else if (kind < 5) { // replace properties, geometry kept
            Map<String, Object> props = new LinkedHashMap<>(before.properties());
            props.put("category", Vocabulary.CATEGORIES.get(random.nextInt(Vocabulary.CATEGORIES.size())));
            props.put("status", Vocabulary.STATUSES.get(random.nextInt(Vocabulary.STATUSES.size())));
            props.put("name", "改名" + op + (random.nextBoolean() ? "一期" : "数据中心"));
            props.put("updated_at", String.format("2026-%02d-%02dT00:00:00Z", op % 12 + 1, op % 28 + 1));
            edit = new Edit("replace", id, before, new Feature(id, before.geometry(), props));
        } else if (kind < 8) { // move, properties kept
            edit = new Edit("move", id, before, new Feature(id, randomGeometry(random), before.properties()));
        } else { // delete
            edit = new Edit("delete", id, before, null);
        }
        if (edit.after() == null) {
            current.remove(edit.id());
        } else {
            current.put(edit.id(), edit.after());
        }
        return edit;
    }

    private static Geometry randomGeometry(Random random) {
        Coordinate a = randomPosition(random);
        return switch (random.nextInt(3)) {
            case 0 -> G.createPoint(a);
            case 1 -> G.createLineString(new Coordinate[] {a, randomPosition(random)});
            default -> {
                double e = round(a.x + 0.001 + random.nextDouble() * 0.05);
                double n = round(a.y + 0.001 + random.nextDouble() * 0.05);
                yield G.createPolygon(new Coordinate[] {a, new Coordinate(e, a.y), new Coordinate(e, n), new Coordinate(a.x, n), a});
            }
        };
    }

    private static Coordinate randomPosition(Random random) {
        return new Coordinate(round(LINFEN.getMinX() + random.nextDouble() * LINFEN.getWidth()),
                round(LINFEN.getMinY() + random.nextDouble() * LINFEN.getHeight()));
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    // ---------------------------------------------------------------- queries

    private static void assertSameAnswers(LayerIndex expected, LayerIndex actual, Random random, Edit last, String when) {
        assertEquals(expected.features().stream().map(Feature::id).toList(), actual.features().stream().map(Feature::id).toList(),
                when + ": features");
        for (ItemsQuery query : queries(random, last)) {
            FeaturePage want = expected.query(query);
            FeaturePage got = actual.query(query);
            assertEquals(ids(want), ids(got), () -> when + ": " + query);
            assertEquals(want.numberMatched(), got.numberMatched(), () -> when + ": numberMatched of " + query);
            assertEquals(want.features(), got.features(), () -> when + ": features of " + query);
        }
    }

    private static List<ItemsQuery> queries(Random random, Edit last) {
        List<ItemsQuery> queries = new ArrayList<>();
        List<Envelope> boxes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            double size = Math.pow(10, -2.5 + random.nextDouble() * 2.5);
            double lon = LINFEN.getMinX() + random.nextDouble() * LINFEN.getWidth();
            double lat = LINFEN.getMinY() + random.nextDouble() * LINFEN.getHeight();
            boxes.add(new Envelope(lon, lon + size, lat, lat + size));
        }
        boxes.add(LINFEN);
        if (last != null) {
            for (Feature f : new Feature[] {last.before(), last.after()}) {
                if (f != null) {
                    Envelope around = new Envelope(f.geometry().getEnvelopeInternal());
                    around.expandBy(0.002);
                    boxes.add(around);
                    boxes.add(new Envelope(f.geometry().getCoordinate()));
                }
            }
        }
        for (Envelope box : boxes) {
            queries.add(query(box, Map.of(), List.of(), List.of(), 0, 10));
            queries.add(query(box, Map.of(), List.of(), List.of(), 3, 50));
            queries.add(query(box, Map.of(), List.of(), List.of(), 0, 100_000)); // past FirstPositions: a bit set
            queries.add(query(box, Map.of("category", Set.of("energy", "transport")), List.of(), List.of(), 0, 20));
        }
        String category = Vocabulary.CATEGORIES.get(random.nextInt(Vocabulary.CATEGORIES.size()));
        String status = Vocabulary.STATUSES.get(random.nextInt(Vocabulary.STATUSES.size()));
        queries.add(query(null, Map.of("category", Set.of(category)), List.of(), List.of(), 0, 1_000));
        queries.add(query(null, Map.of("status", Set.of(status), "counties", Set.of("吉县", "尧都区")), List.of(), List.of(), 0, 1_000));
        queries.add(query(null, Map.of("belts", Set.of("yellow")), List.of(), List.of(), 100, 50));
        for (String q : List.of("光伏电站", "新增", "改名 一期", "logistics", "synthetic", "吉")) {
            queries.add(query(null, Map.of(), SearchText.terms(q), List.of(), 0, 30));
            queries.add(query(boxes.get(0), Map.of(), SearchText.terms(q), List.of(), 0, 1_000));
        }
        for (String key : Layers.PROJECTS_SPEC.sortable()) {
            for (boolean descending : new boolean[] {false, true}) {
                List<SortKey> sort = List.of(new SortKey(key, descending));
                queries.add(query(null, Map.of(), List.of(), sort, 0, 25));
                queries.add(query(null, Map.of(), List.of(), sort, 1_990, 25));
                queries.add(query(LINFEN, Map.of("category", Set.of(category)), List.of(), sort, 5, 25));
            }
        }
        queries.add(query(null, Map.of(), List.of(), List.of(new SortKey("status", false), new SortKey("updated_at", true)), 0, 100));
        queries.add(query(null, Map.of(), SearchText.terms("数据中心"), List.of(new SortKey("name", false)), 0, 100));
        return queries;
    }

    private static ItemsQuery query(Envelope bbox, Map<String, Set<String>> filters, List<String> terms, List<SortKey> sort,
                                    long offset, int limit) {
        return new ItemsQuery(Layers.PROJECTS, bbox, filters, terms, sort, offset, limit);
    }

    private static List<String> ids(FeaturePage page) {
        return page.features().stream().map(Feature::id).toList();
    }
}
