package org.linfenatlas.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.linfenatlas.write.WriteServer.JSON;
import static org.linfenatlas.write.WriteServer.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linfenatlas.store.FeatureStore;
import org.linfenatlas.write.WriteServer.Reply;

/**
 * Optimistic locking under real concurrency, over HTTP: of many writers holding the same ETag exactly
 * one wins; writers that re-read and retry on 412 lose no update. The embedded store here;
 * {@link PostGisConcurrentEditTest} runs the same on PostGIS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentEditTest {
    static final int RACERS = 16;
    static final int WRITERS = 8;
    static final int ROUNDS = 25;

    @TempDir
    static Path dir;

    private WriteServer server;
    private final AtomicInteger serial = new AtomicInteger();

    protected FeatureStore openStore() throws Exception {
        return WriteServer.geoPackage(dir);
    }

    @BeforeAll
    void start() throws Exception {
        server = WriteServer.over(openStore());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void ofWritersWithTheSameEtagExactlyOneWins() throws Exception {
        String id = create();
        String etag = server.get(item(id)).etag();
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Reply>> racers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            String value = "racer " + i;
            racers.add(() -> {
                go.await();
                return server.patch(id, "admin", etag, progress(value));
            });
        }
        List<Reply> replies = runAll(racers, go);
        List<Reply> won = replies.stream().filter(r -> r.status() == 200).toList();
        assertEquals(1, won.size(), replies::toString);
        assertEquals(RACERS - 1, replies.stream().filter(r -> r.status() == 412).count(), replies::toString);
        JsonNode stored = server.get(item(id)).json();
        assertEquals(won.get(0).json().path("properties").path("progress_en"), stored.path("properties").path("progress_en"));
        assertEquals(2, server.history(id, "admin").json().path("entries").size());
    }

    /**
     * Each writer appends its own two-character tokens (writer letter, round in base 36) to progress_en by
     * GET then PATCH with If-Match, again on 412. progress_en holds at most 500 characters: 200 tokens of two
     * fit, without separators.
     */
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void readModifyWriteWithRetriesLosesNoUpdate() throws Exception {
        String id = create();
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Reply>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            char writer = (char) ('a' + w);
            writers.add(() -> {
                go.await();
                Reply last = null;
                for (int round = 0; round < ROUNDS; round++) {
                    String token = "" + writer + Character.forDigit(round, 36);
                    for (int attempt = 0; ; attempt++) {
                        if (attempt > 1_000) {
                            throw new AssertionError("writer " + writer + " never got its round " + round + " in");
                        }
                        Reply current = server.get(item(id));
                        String now = current.json().path("properties").path("progress_en").asText("");
                        last = server.patch(id, "admin", current.etag(), progress(now + token));
                        if (last.status() == 200) {
                            break;
                        }
                        if (last.status() != 412) {
                            throw new AssertionError("writer " + writer + ": " + last);
                        }
                    }
                }
                return last;
            });
        }
        runAll(writers, go);
        String progress = server.get(item(id)).json().path("properties").path("progress_en").asText();
        assertEquals(WRITERS * ROUNDS * 2, progress.length(), progress);
        Set<String> tokens = new TreeSet<>();
        for (int i = 0; i < progress.length(); i += 2) {
            tokens.add(progress.substring(i, i + 2));
        }
        Set<String> expected = new TreeSet<>();
        for (int w = 0; w < WRITERS; w++) {
            for (int round = 0; round < ROUNDS; round++) {
                expected.add("" + (char) ('a' + w) + Character.forDigit(round, 36));
            }
        }
        assertEquals(expected, tokens);
        assertEquals(1 + WRITERS * ROUNDS, server.history(id, "admin").json().path("entries").size());
    }

    /** Concurrent committed writes each get their own version: the history's versions are consecutive, one per write. */
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void historyVersionsAreConsecutiveAfterConcurrentWrites() throws Exception {
        String id = create();
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Reply>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String value = "writer " + w;
            writers.add(() -> {
                go.await();
                while (true) {
                    Reply current = server.get(item(id));
                    Reply reply = server.patch(id, "admin", current.etag(), progress(value));
                    if (reply.status() != 412) {
                        return reply;
                    }
                }
            });
        }
        List<Reply> replies = runAll(writers, go);
        assertEquals(List.of(200), replies.stream().map(Reply::status).distinct().toList(), replies::toString);
        JsonNode entries = server.history(id, "admin").json().path("entries");
        List<Long> versions = new ArrayList<>();
        entries.forEach(e -> versions.add(e.path("version").asLong()));
        List<Long> consecutive = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            consecutive.add(versions.get(0) - i);
        }
        assertEquals(1 + WRITERS, versions.size(), versions::toString);
        assertEquals(consecutive, versions);
    }

    private static List<Reply> runAll(List<Callable<Reply>> tasks, CountDownLatch go) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Reply>> futures = new ArrayList<>();
            for (Callable<Reply> task : tasks) {
                futures.add(pool.submit(task));
            }
            go.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> f : futures) {
                replies.add(f.get(240, TimeUnit.SECONDS));
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    private static ObjectNode progress(String value) {
        ObjectNode patch = JSON.createObjectNode();
        patch.putObject("properties").put("progress_en", value);
        return patch;
    }

    /** A new point project of 吉县 (a copy of a real one) with no progress_en. */
    private String create() {
        JsonNode page = server.get(WriteServer.ITEMS + "?limit=10000&county=" + WriteServer.encode("吉县")).json();
        JsonNode template = null;
        for (JsonNode f : page.path("features")) {
            if (f.path("geometry").path("type").asText().equals("Point") && f.path("properties").path("counties").size() == 1) {
                template = f;
                break;
            }
        }
        assertNotNull(template, "gis-data has no point project of 吉县 alone");
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "Feature");
        body.set("geometry", template.get("geometry").deepCopy());
        ObjectNode props = template.get("properties").deepCopy();
        props.remove(List.of("id", "updated_at", "updated_by", "belts", "progress_en"));
        props.put("name", "并发测试 " + serial.incrementAndGet());
        body.set("properties", props);
        Reply reply = server.post("admin", body);
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().path("id").asText();
    }
}
