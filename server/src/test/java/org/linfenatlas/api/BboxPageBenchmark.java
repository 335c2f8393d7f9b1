package org.linfenatlas.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.linfenatlas.index.IndexedStore;
import org.linfenatlas.model.Layers;
import org.linfenatlas.store.ItemsQuery;
import org.linfenatlas.testdata.TestLayers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The server's own cost of the map's hot request, a bbox page of projects (limit=100, a random 0.2°
 * box, as scripts/bench/bbox.lua asks), split into its stages with no HTTP, socket or load generator
 * sharing the cores: {@code query} (the index: tree, count, first positions), {@code pagePlain} (and
 * the page's JSON and ETag), {@code pageGzip} (and gzip at level 1, the answer to a browser or wrk),
 * and {@code gzipOnly} for comparison. The data is bench.sh's in shape: the real counties, synthetic points
 * inside them as projects ({@code SyntheticProjects.benchPoints}). Run with {@code scripts/bench-jmh.sh};
 * not a test (no JUnit annotations, and surefire runs only *Test classes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
public class BboxPageBenchmark {
    private static final int BOXES = 4096;

    @Param("100000")
    public int projects;

    private OgcApi api;
    private IndexedStore store;
    private List<Map<String, List<String>>> boxes;
    private List<ItemsQuery> queries;
    private byte[] samplePage;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        store = IndexedStore.of(TestLayers.byId(TestLayers.withBenchPoints(projects, 20_261_122L)));
        api = new OgcApi(store, new ResponseCache(64L << 20, 16L << 20), java.util.List.of());
        Random random = new Random(42);
        boxes = new ArrayList<>(BOXES);
        queries = new ArrayList<>(BOXES);
        for (int i = 0; i < BOXES; i++) {
            double lon = 110.3 + random.nextDouble() * 2.2;
            double lat = 35.3 + random.nextDouble() * 1.6;
            Map<String, List<String>> params = Map.of("limit", List.of("100"), "bbox", List.of(String.format(Locale.ROOT,
                    "%.4f,%.4f,%.4f,%.4f", lon, lat, lon + 0.2, lat + 0.2)));
            boxes.add(params);
            queries.add(ItemsRequestParser.parse(Layers.PROJECTS_SPEC, params).query());
        }
        int full = 0; // a box with a whole page of matches
        while (store.items(queries.get(full)).numberMatched() < 100) {
            full++;
        }
        samplePage = api.uniquePage("http://localhost:7070/api", Layers.PROJECTS, boxes.get(full), false).body();
    }

    private int nextBox() {
        next = (next + 1) & (BOXES - 1);
        return next;
    }

    @Benchmark
    public Object query() {
        return store.items(queries.get(nextBox()));
    }

    @Benchmark
    public Object pagePlain() {
        return api.uniquePage("http://localhost:7070/api", Layers.PROJECTS, boxes.get(nextBox()), false);
    }

    /** One page compressed again and again: gzip's cost when its input and zlib's tables stay in cache. */
    @Benchmark
    public Object gzipOnly() {
        return Gzip.compress(samplePage, 0, samplePage.length, Deflater.BEST_SPEED);
    }

    @Benchmark
    public Object pageGzip() {
        return api.uniquePage("http://localhost:7070/api", Layers.PROJECTS, boxes.get(nextBox()), true);
    }
}
