package org.linfenatlas.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The items' timeStamp is the time of the collection's current version (see {@link VersionTimes}): equal requests
 * on an unchanged collection give identical bytes and ETags whenever they come, and a new version a new stamp.
 */
class TimeStampTest extends ApiTestSupport {
    /** A cached page and a bbox page (answered by the fast path, never cached). */
    private static final List<String> PAGES = List.of("/api/collections/projects/items?limit=5",
            "/api/collections/projects/items?bbox=110,35,113,37&limit=5");

    @Test
    void equalRequestsOnAnUnchangedCollectionGetTheSameBytesAndEtagInAnotherSecond() throws Exception {
        withServer((store, client) -> {
            List<HttpResponse<byte[]>> first = PAGES.stream().map(path -> send(client, "GET", path)).toList();
            sleepPastTheSecond();
            for (int i = 0; i < PAGES.size(); i++) {
                HttpResponse<byte[]> again = send(client, "GET", PAGES.get(i));
                assertArrayEquals(first.get(i).body(), again.body(), PAGES.get(i));
                assertEquals(first.get(i).headers().firstValue("ETag"), again.headers().firstValue("ETag"), PAGES.get(i));
            }
        });
    }

    @Test
    void timeStampIsWhenTheServerLoadedTheCollectionsVersion() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        withServer((store, client) -> {
            sleepPastTheSecond();
            for (String path : PAGES) {
                Instant stamp = Instant.parse(json(client.get(path)).path("timeStamp").asText());
                assertTrue(!stamp.isBefore(before) && stamp.isBefore(Instant.now().truncatedTo(ChronoUnit.SECONDS)),
                        path + ": " + stamp + " is the load, not this request");
            }
        });
    }

    @Test
    void aNewVersionOfTheCollectionGetsANewTimeStampAndEtag() {
        withServer((store, client) -> {
            List<HttpResponse<byte[]>> first = PAGES.stream().map(path -> send(client, "GET", path)).toList();
            sleepPastTheSecond();
            store.revision = "r2";
            for (int i = 0; i < PAGES.size(); i++) {
                HttpResponse<byte[]> changed = send(client, "GET", PAGES.get(i));
                assertTrue(stamp(changed).isAfter(stamp(first.get(i))), PAGES.get(i));
                assertNotEquals(first.get(i).headers().firstValue("ETag"), changed.headers().firstValue("ETag"), PAGES.get(i));
            }
        });
    }

    @Test
    void aCommitIsStampedWithItsOwnTime() {
        VersionTimes times = new VersionTimes(java.time.Clock.systemUTC());
        times.committed("projects", "e.2", Instant.parse("2026-11-23T01:51:04.789Z"));
        assertEquals(Instant.parse("2026-11-23T01:51:04Z"), times.of("projects", "e.2"));
    }

    private static Instant stamp(HttpResponse<byte[]> response) {
        return Instant.parse(json(response.body()).path("timeStamp").asText());
    }

    private static com.fasterxml.jackson.databind.JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void sleepPastTheSecond() {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
