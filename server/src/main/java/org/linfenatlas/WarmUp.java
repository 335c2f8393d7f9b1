package org.linfenatlas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.linfenatlas.config.Config;

/**
 * The warm-up command: the real server, started as `serve` starts it, on a temporary store seeded from the bundled
 * data and a free port, answering one request on each hot path; then it stops and the store is deleted. The build
 * runs it under -XX:ArchiveClassesAtExit, so the class-data-sharing archive next to the jar holds the classes that a
 * start-up and the first requests load. Every answer's status is checked: a wrong one fails the command (and so the build).
 */
final class WarmUp {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String origin;
    private int requests;

    private WarmUp(int port) {
        this.origin = "http://127.0.0.1:" + port;
    }

    static void run() throws IOException {
        long started = System.nanoTime();
        Path dataDir = Files.createTempDirectory("linfen-atlas-warm-up-");
        try {
            // Flags only, no environment: an ATLAS_DB or ATLAS_PORT of the shell must not redirect the warm-up.
            Config config = Config.parse(new String[] {"--host", "127.0.0.1", "--port", "0",
                    "--data-dir", dataDir.toString()}, Map.of());
            try (RunningServer server = RunningServer.start(config)) {
                WarmUp warmUp = new WarmUp(server.port());
                warmUp.exerciseHotPaths();
                System.out.printf("warm-up: %d requests answered as expected, %d ms after start%n", warmUp.requests,
                        (System.nanoTime() - started) / 1_000_000);
            }
        } finally {
            deleteTree(dataDir);
        }
    }

    private void exerciseHotPaths() throws IOException {
        expect(200, "/health");
        expect(200, "/");
        expect(200, "/config.json");
        expect(200, "/api");
        expect(200, "/api/conformance");
        expect(200, "/api/openapi");
        List<String> collections = new ArrayList<>();
        JSON.readTree(expect(200, "/api/collections")).path("collections")
                .forEach(c -> collections.add(c.path("id").asText()));
        if (!collections.contains("projects")) {
            throw new IOException("warm-up: /api/collections lists no projects collection: " + collections);
        }
        for (String id : collections) {
            expect(200, "/api/collections/" + id);
            expect(200, "/api/collections/" + id + "/items");
            expect(200, "/api/collections/" + id + "/items", "Accept-Encoding", "gzip");
        }
        expect(200, "/api/collections/projects/items?bbox=111.0,35.5,112.0,36.5&limit=100", "Accept-Encoding", "gzip");
        expect(200, "/api/collections/projects/items?q=yonghe&limit=20", "Accept-Encoding", "gzip");
        // pinyin search works on the jar as built (its trimmed HanLP data): hongtong finds what 洪洞 finds
        long hongtong = JSON.readTree(expect(200, "/api/collections/projects/items?q=hongtong&limit=1")).path("numberMatched").asLong();
        long chinese = JSON.readTree(expect(200, "/api/collections/projects/items?q=%E6%B4%AA%E6%B4%9E&limit=1")).path("numberMatched").asLong();
        if (hongtong == 0 || hongtong != chinese) {
            throw new IOException("warm-up: q=hongtong found " + hongtong + " projects, q=洪洞 " + chinese);
        }
        expect(200, "/api/stats");
        JsonNode first = JSON.readTree(expect(200, "/api/collections/projects/items?limit=1")).path("features").path(0);
        if (!first.hasNonNull("id")) {
            throw new IOException("warm-up: the first page of projects has no feature with an id");
        }
        expect(200, "/api/collections/projects/items/" + first.get("id").asText());
        expect(404, "/api/collections/no-such-collection");
    }

    /** GET path (with optional header name/value pairs); returns the body, or fails unless the status is the expected one. */
    private byte[] expect(int status, String path, String... headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("warm-up: interrupted during GET " + path, e);
        }
        requests++;
        if (response.statusCode() != status) {
            throw new IOException("warm-up: GET " + path + " answered " + response.statusCode() + ", expected " + status);
        }
        return response.body();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
