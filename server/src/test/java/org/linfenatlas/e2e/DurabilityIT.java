package org.linfenatlas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged write survives kill -9: the packaged jar on the embedded GeoPackage takes a stream of
 * edits, is killed with SIGKILL at a random moment, and after a restart serves every edit it acknowledged
 * (and, for the one in flight when it died, either the old or the new value: never a torn feature).
 */
class DurabilityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedEditSurvivesAKilledServer() throws Exception {
        RunningJar.command(dataDir, "a-long-admin-password\n", "users", "add", "durable", "--role", "admin");
        String out = RunningJar.command(dataDir, "", "tokens", "create", "durable");
        String token = out.strip().substring(out.strip().lastIndexOf('\n') + 1);
        List<String> ids = new ArrayList<>();
        Map<String, String> acknowledged = new HashMap<>();
        AtomicReference<String[]> inFlight = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger acknowledgedEdits = new java.util.concurrent.atomic.AtomicInteger();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (RunningJar jar = RunningJar.start(dataDir)) {
            for (JsonNode f : jar.json("/api/collections/projects/items?limit=20&county=" + RunningJar.enc("吉县")).path("features")) {
                ids.add(f.path("id").asText());
            }
            Thread writer = new Thread(() -> {
                for (int i = 0; ; i++) {
                    String id = ids.get(i % ids.size());
                    String value = "durable edit " + i;
                    try {
                        String etag = http.send(HttpRequest.newBuilder(URI.create(jar.url(path(id)))).build(),
                                HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").orElseThrow();
                        inFlight.set(new String[] {id, value});
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(jar.url(path(id))))
                                .method("PATCH", HttpRequest.BodyPublishers.ofString(
                                        "{\"properties\":{\"progress_en\":\"" + value + "\"}}"))
                                .header("Content-Type", "application/merge-patch+json").header("If-Match", etag)
                                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("edit " + i + " answered " + response.statusCode() + ": " + response.body());
                        }
                        synchronized (acknowledged) {
                            acknowledged.put(id, value);
                        }
                        acknowledgedEdits.incrementAndGet();
                    } catch (IOException | InterruptedException e) {
                        return; // the server is gone
                    }
                }
            }, "edits");
            writer.start();
            while (acknowledgedEdits.get() < 100) { // a few hundred edits in all, every feature edited before the kill
                assertTrue(writer.isAlive(), "the edits stopped before the kill: see the server log");
                Thread.sleep(20);
            }
            Thread.sleep(500 + random.nextInt(2000));
            jar.kill();
            writer.join(10_000);
        }
        assertTrue(ids.size() >= 10, "enough projects of 吉县 to edit: " + ids.size());
        assertEquals(ids.size(), acknowledged.size(), "every feature was edited before the kill");
        try (RunningJar restarted = RunningJar.start(dataDir)) {
            for (String id : ids) {
                JsonNode history = restarted.json(path(id) + "/history").path("entries");
                String served = restarted.json(path(id)).path("properties").path("progress_en").asText();
                String[] last = inFlight.get();
                boolean wasInFlight = last != null && last[0].equals(id) && served.equals(last[1]);
                assertTrue(served.equals(acknowledged.get(id)) || wasInFlight,
                        id + " serves '" + served + "' but its last acknowledged edit was '" + acknowledged.get(id) + "' (seed " + seed + ")");
                assertEquals(served, history.path(0).path("changes").findValues("after").stream()
                        .filter(JsonNode::isTextual).map(JsonNode::asText).filter(v -> v.startsWith("durable edit")).findFirst().orElse(""),
                        id + ": the newest history entry is the served edit");
            }
        }
    }

    private static String path(String id) {
        return "/api/collections/projects/items/" + id;
    }
}
