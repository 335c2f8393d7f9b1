package org.linfenatlas.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Load client for scripts/bench-edits.sh: PATCHes (JSON Merge Patch with If-Match) of random projects
 * of a running server, each after a GET of its ETag, and reports the PATCH latency (p50, p99, max).
 * With a rate it paces the edits (e.g. 20 a second) for as long as given, as background load.
 *
 *   EditLoad BASE_URL TOKEN EDITS [RATE_PER_SECOND SECONDS]
 */
public final class EditLoad {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int edits = Integer.parseInt(args[2]);
        double rate = args.length > 3 ? Double.parseDouble(args[3]) : 0;
        long seconds = args.length > 4 ? Long.parseLong(args[4]) : 0;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> ids = ids(http, base);
        Random random = new Random(20261203L);
        long[] nanos = new long[edits];
        int done = 0;
        int conflicts = 0;
        long start = System.nanoTime();
        long deadline = seconds > 0 ? start + seconds * 1_000_000_000L : Long.MAX_VALUE;
        while (done < edits && System.nanoTime() < deadline) {
            if (rate > 0) {
                long due = start + (long) (done * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            String url = base + "/api/collections/projects/items/" + ids.get(random.nextInt(ids.size()));
            HttpResponse<Void> get = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding());
            String etag = get.headers().firstValue("ETag").orElseThrow();
            String patch = "{\"properties\":{\"progress_en\":\"benchmark edit " + done + "\",\"stage\":\"construction\"}}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(patch))
                    .header("Content-Type", "application/merge-patch+json")
                    .header("If-Match", etag)
                    .header("Authorization", "Bearer " + token)
                    .build();
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - t0;
            if (response.statusCode() == 412) {
                conflicts++;
                continue;
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("PATCH " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            nanos[done++] = took;
        }
        long[] measured = Arrays.copyOf(nanos, done);
        Arrays.sort(measured);
        System.out.printf("edits=%d conflicts=%d p50=%.2fms p99=%.2fms max=%.2fms over %.1fs%n", done, conflicts,
                percentile(measured, 0.50), percentile(measured, 0.99), measured.length == 0 ? 0 : measured[measured.length - 1] / 1e6,
                (System.nanoTime() - start) / 1e9);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** Up to 10,000 project ids, from the first page of the collection. */
    private static List<String> ids(HttpClient http, String base) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                URI.create(base + "/api/collections/projects/items?limit=10000&properties=name")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> ids = new ArrayList<>();
        for (JsonNode f : JSON.readTree(page.body()).path("features")) {
            ids.add(f.path("id").asText());
        }
        return ids;
    }
}
