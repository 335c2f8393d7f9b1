package org.linfenatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.Layers;
import org.linfenatlas.store.Author;
import org.linfenatlas.store.HistoryEntry;

/** Accept-Encoding as RFC 9110 §12.5.3 reads it: q=0 means "not acceptable", and one parser decides for every answer. */
class AcceptEncodingTest extends ApiTestSupport {

    @Test
    void gzipWithQZeroIsNotSentGzip() {
        for (String header : List.of("gzip;q=0", "gzip; q=0", "gzip ;q=0.0", "GZIP;Q=0.000", "deflate, gzip;q=0")) {
            assertFalse(AcceptEncoding.gzip(header), header);
        }
    }

    @Test
    void gzipListedWithoutQOrWithAPositiveQIsSentGzip() {
        for (String header : List.of("gzip", "GZIP", "gzip, deflate, br, zstd", "deflate, gzip", "gzip;q=0.5", "gzip;q=1.000", "x-gzip")) {
            assertTrue(AcceptEncoding.gzip(header), header);
        }
    }

    @Test
    void starAcceptsGzipUnlessGzipItselfIsRefused() {
        assertTrue(AcceptEncoding.gzip("*"));
        assertFalse(AcceptEncoding.gzip("*, gzip;q=0"));
    }

    @Test
    void starWithQZeroRefusesGzipUnlessGzipIsListed() {
        assertFalse(AcceptEncoding.gzip("*;q=0"));
        assertFalse(AcceptEncoding.gzip("identity, *;q=0"));
        assertTrue(AcceptEncoding.gzip("gzip, *;q=0"));
    }

    @Test
    void identityPreferredOverGzipGetsThePlainForm() {
        assertFalse(AcceptEncoding.gzip("gzip;q=0.5, identity"));
        assertTrue(AcceptEncoding.gzip("gzip, identity;q=0.5"));
    }

    @Test
    void identityRefusedGetsGzipWhenGzipIsAcceptableAndThePlainFormOtherwise() {
        assertTrue(AcceptEncoding.gzip("gzip, identity;q=0"));
        assertFalse(AcceptEncoding.gzip("identity;q=0"), "nothing acceptable: the plain form rather than a 406");
    }

    @Test
    void noHeaderOrAnEmptyOneGetsThePlainForm() {
        assertFalse(AcceptEncoding.gzip(null));
        assertFalse(AcceptEncoding.gzip(""));
        assertFalse(AcceptEncoding.gzip("identity"));
    }

    @Test
    void aMalformedQvalueIgnoresItsEntry() {
        assertFalse(AcceptEncoding.gzip("gzip;q=2"));
        assertFalse(AcceptEncoding.gzip("gzip;q=abc"));
        assertTrue(AcceptEncoding.gzip("gzip;q=abc, *"));
    }

    /** The cached answer, the bbox page of the fast path, a Javalin route's own body and a file of the page. */
    @Test
    void gzipWithQZeroGetsThePlainBodyFromEveryKindOfAnswer() {
        for (int i = 0; i < 40; i++) { // a change feed long enough for Javalin's own compression to consider it
            Feature f = FakeStore.point("g-" + i, 111.1, 36.1, Map.of("name", "已删项目" + i, "counties", List.of("尧都区")));
            store.history.add(new HistoryEntry(Layers.PROJECTS, "g-" + i, 1, Instant.parse("2026-01-01T00:00:00Z"),
                    HistoryEntry.Operation.CREATE, new Author(1, "x"), null, f));
        }
        withServer((store, client) -> {
            for (String path : List.of("/api/collections/projects/items", "/api/collections/projects/items?bbox=110,35,113,37",
                    "/api/collections/projects/changes", "/")) {
                HttpResponse<byte[]> gzip = send(client, "GET", path, "Accept-Encoding", "gzip");
                assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElse(""), path + " compresses for gzip");
                for (String refused : List.of("gzip;q=0", "gzip; q=0.0", "*;q=0")) {
                    HttpResponse<byte[]> plain = send(client, "GET", path, "Accept-Encoding", refused);
                    assertEquals(200, plain.statusCode(), path);
                    assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), path + " with " + refused);
                    assertTrue(plain.body().length > 1500, path + " is long enough to have been compressed");
                }
            }
        });
    }
}
