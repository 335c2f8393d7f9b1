package org.linfenatlas.store.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.linfenatlas.index.IndexedStore;
import org.linfenatlas.index.SearchText;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.model.Layers;
import org.linfenatlas.store.FeaturePage;
import org.linfenatlas.store.FeatureStore;
import org.linfenatlas.store.ItemsQuery;
import org.linfenatlas.store.ItemsQuery.SortKey;
import org.linfenatlas.testdata.TestLayers;
import org.locationtech.jts.geom.Envelope;

/**
 * The two read paths over PostGIS on many synthetic projects, in process (no HTTP): the in-memory
 * index loaded from the database, and a SQL query per request. Not a test: runs only with
 * -Dbench=true (and -Dbench.projects=N, default 100000); prints a table, and checks on the way
 * that both paths give the same ids and counts.
 *
 * <pre>mvn -B -o test -pl server -Dtest=ReadPathBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ReadPathBenchmark {
    private static final long BUDGET_NANOS = 8_000_000_000L;
    private static final int MAX_RUNS = 300;

    @Test
    void compareReadPaths() {
        int count = Integer.getInteger("bench.projects", 100_000);
        Map<LayerSpec, List<Feature>> layers = TestLayers.withSyntheticProjects(count, 20_261_122L);
        List<String> report = new ArrayList<>();
        report.add("Read paths over PostGIS, " + count + " synthetic projects, " + Runtime.getRuntime().availableProcessors()
                + " cores, in process (no HTTP); median and 95th percentile of up to " + MAX_RUNS + " runs");
        try (PostGisRepository repository = TestDatabase.freshRepository()) {
            long t0 = System.nanoTime();
            repository.replaceAll(layers);
            report.add("- loading the layers into PostGIS (one transaction): " + millis(System.nanoTime() - t0) + " ms");
            long heapBefore = usedHeap();
            t0 = System.nanoTime();
            IndexedStore memory = IndexedStore.load(repository);
            long loadNanos = System.nanoTime() - t0;
            long heapAfter = usedHeap();
            report.add("- in-memory index loaded from PostGIS in " + millis(loadNanos) + " ms, heap +"
                    + (heapAfter - heapBefore) / (1 << 20) + " MB (whole process " + heapAfter / (1 << 20) + " MB)");
            t0 = System.nanoTime();
            memory.reload();
            report.add("- reload after a NOTIFY (same data): " + millis(System.nanoTime() - t0) + " ms, of which reading the "
                    + "projects from PostGIS " + millis(timeOf(() -> repository.readAll(Layers.PROJECTS_SPEC))) + " ms and building "
                    + "the index from memory " + millis(timeOf(() -> IndexedStore.of(TestLayers.byId(layers)))) + " ms");
            PostGisFeatureStore sql = PostGisFeatureStore.over(repository);
            report.add("");
            report.add("| request | in memory p50 / p95 (ms) | SQL p50 / p95 (ms) | matched |");
            report.add("| --- | --- | --- | --- |");
            Random random = new Random(42);
            for (Request r : requests()) {
                long seed = random.nextLong();
                double[] mem = time(memory, r, new Random(seed));
                double[] db = time(sql, r, new Random(seed));
                ItemsQuery sample = r.query.apply(new Random(seed));
                FeaturePage a = memory.items(sample);
                FeaturePage b = sql.items(sample);
                assertEquals(a.numberMatched(), b.numberMatched(), r.name);
                assertEquals(ids(a), ids(b), r.name);
                report.add(String.format("| %s | %.2f / %.2f | %.2f / %.2f | %d |", r.name, mem[0], mem[1], db[0], db[1], a.numberMatched()));
            }
            double[] statsMem = time(() -> memory.stats());
            double[] statsSql = time(() -> sql.stats());
            report.add(String.format("| stats (cached per data version) | %.2f / %.2f | %.2f / %.2f | |", statsMem[0], statsMem[1], statsSql[0], statsSql[1]));
            double[] itemMem = time(() -> memory.item(Layers.PROJECTS, "syn-054321"));
            double[] itemSql = time(() -> sql.item(Layers.PROJECTS, "syn-054321"));
            report.add(String.format("| one project by id | %.3f / %.3f | %.2f / %.2f | |", itemMem[0], itemMem[1], itemSql[0], itemSql[1]));
        }
        report.forEach(System.out::println);
    }

    private record Request(String name, java.util.function.Function<Random, ItemsQuery> query) {
    }

    private static List<Request> requests() {
        String p = Layers.PROJECTS;
        return List.of(
                new Request("first page, limit=100", r -> query(p, null, Map.of(), "", List.of(), 0, 100)),
                new Request("random 0.2° bbox, limit=100", r -> query(p, box(r, 0.2), Map.of(), "", List.of(), 0, 100)),
                new Request("random 0.05° bbox, limit=1000", r -> query(p, box(r, 0.05), Map.of(), "", List.of(), 0, 1000)),
                new Request("whole extent bbox, limit=1000", r -> query(p, new Envelope(110, 113, 35, 37.5), Map.of(), "", List.of(), 0, 1000)),
                new Request("category + belt, limit=100", r -> query(p, null,
                        Map.of("category", java.util.Set.of("energy"), "belts", java.util.Set.of("yellow")), "", List.of(), 0, 100)),
                new Request("county filter, sorted by name, limit=100", r -> query(p, null,
                        Map.of("counties", java.util.Set.of("洪洞县")), "", List.of(new SortKey("name", false)), 0, 100)),
                new Request("search q=guangfu, limit=20", r -> query(p, null, Map.of(), "guangfu", List.of(), 0, 20)),
                new Request("search q=尧都 物流, limit=20", r -> query(p, null, Map.of(), "尧都 物流", List.of(), 0, 20)),
                new Request("deep page offset=50000, sorted by name", r -> query(p, null, Map.of(), "", List.of(new SortKey("name", false)), 50_000, 100)),
                new Request("counties, all 17", r -> ItemsQuery.all(Layers.COUNTIES)));
    }

    private static ItemsQuery query(String collection, Envelope bbox, Map<String, java.util.Set<String>> filters, String q,
                                    List<SortKey> sort, long offset, int limit) {
        return new ItemsQuery(collection, bbox, filters, SearchText.terms(q), sort, offset, limit);
    }

    private static Envelope box(Random r, double size) {
        double lon = 110.3 + r.nextDouble() * 2.2;
        double lat = 35.3 + r.nextDouble() * 1.6;
        return new Envelope(lon, lon + size, lat, lat + size);
    }

    private static double[] time(FeatureStore store, Request request, Random random) {
        return time(() -> store.items(request.query.apply(random)));
    }

    private static double[] time(Supplier<?> work) {
        for (int i = 0; i < 5; i++) {
            work.get();
        }
        List<Long> runs = new ArrayList<>();
        long deadline = System.nanoTime() + BUDGET_NANOS;
        while (runs.size() < MAX_RUNS && (runs.size() < 10 || System.nanoTime() < deadline)) {
            long t0 = System.nanoTime();
            work.get();
            runs.add(System.nanoTime() - t0);
        }
        long[] sorted = runs.stream().mapToLong(Long::longValue).sorted().toArray();
        return new double[] {sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6};
    }

    private static List<String> ids(FeaturePage page) {
        return page.features().stream().map(Feature::id).toList();
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long timeOf(Supplier<?> work) {
        long t0 = System.nanoTime();
        work.get();
        return System.nanoTime() - t0;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
