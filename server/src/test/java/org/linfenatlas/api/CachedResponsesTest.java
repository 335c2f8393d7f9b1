package org.linfenatlas.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Responses repeated from the cache in front of the routes are the routes' own, header for header. */
class CachedResponsesTest extends ApiTestSupport {
    private static final String COUNTIES = "/api/collections/counties/items";

    @Test
    void repeatedRequestDoesNotReachTheRoutes() {
        withServer((store, client) -> {
            send(client, "GET", COUNTIES);
            int lookups = store.collectionLookups;
            assertEquals(200, send(client, "GET", COUNTIES).statusCode());
            assertEquals(lookups, store.collectionLookups);
        });
    }

    @Test
    void repeatedAnswerHasTheFirstAnswersHeadersAndBytes() {
        withServer((store, client) -> {
            for (String encoding : List.of("gzip", "identity")) {
                HttpResponse<byte[]> first = send(client, "GET", COUNTIES + "?limit=5&crs=http://www.opengis.net/def/crs/EPSG/0/3857",
                        "Accept-Encoding", encoding);
                HttpResponse<byte[]> again = send(client, "GET", COUNTIES + "?limit=5&crs=http://www.opengis.net/def/crs/EPSG/0/3857",
                        "Accept-Encoding", encoding);
                assertEquals(withoutDate(first), withoutDate(again));
                assertArrayEquals(first.body(), again.body());
            }
        });
    }

    @Test
    void repeatedRequestWithTheEtagGetsNotModified() {
        withServer((store, client) -> {
            String etag = send(client, "GET", COUNTIES).headers().firstValue("ETag").orElseThrow();
            HttpResponse<byte[]> revalidated = send(client, "GET", COUNTIES, "If-None-Match", etag);
            assertEquals(304, revalidated.statusCode());
            assertEquals(0, revalidated.body().length);
            assertEquals(etag, revalidated.headers().firstValue("ETag").orElse(""));
        });
    }

    @Test
    void repeatedHeadHasTheLengthButNoBody() {
        withServer((store, client) -> {
            int length = send(client, "GET", COUNTIES).body().length;
            HttpResponse<byte[]> head = send(client, "HEAD", COUNTIES);
            assertEquals(200, head.statusCode());
            assertEquals(String.valueOf(length), head.headers().firstValue("Content-Length").orElse(""));
            assertEquals(0, head.body().length);
        });
    }

    @Test
    void anotherHostSeesItsOwnLinks() {
        publicUrl = PublicUrl.of(null, true);
        withServer((store, client) -> {
            send(client, "GET", "/api");
            String landing = new String(send(client, "GET", "/api", "X-Forwarded-Host", "atlas.example.org").body());
            assertTrue(landing.contains("://atlas.example.org/api"), landing);
        });
    }

    @Test
    void newRevisionReachesTheRoutesAgain() {
        withServer((store, client) -> {
            send(client, "GET", COUNTIES);
            int lookups = store.collectionLookups;
            store.revision = "r2";
            send(client, "GET", COUNTIES);
            assertEquals(lookups + 1, store.collectionLookups);
        });
    }

    @Test
    void bboxPagesAreNotRepeatedFromTheCache() {
        withServer((store, client) -> {
            send(client, "GET", COUNTIES + "?bbox=110,35,113,37");
            int lookups = store.collectionLookups;
            send(client, "GET", COUNTIES + "?bbox=110,35,113,37");
            assertEquals(lookups + 1, store.collectionLookups);
        });
    }

    @Test
    void badRequestsAreNotCached() {
        withServer((store, client) -> {
            assertEquals(400, send(client, "GET", COUNTIES + "?limit=zero").statusCode());
            HttpResponse<byte[]> again = send(client, "GET", COUNTIES + "?limit=zero");
            assertEquals(400, again.statusCode());
            assertTrue(new String(again.body()).contains("InvalidParameterValue"));
        });
    }

    @Test
    void percentEncodedPathsAreKeptApart() {
        withServer((store, client) -> {
            send(client, "GET", "/api/collections/counties/items/141032");
            assertEquals(404, send(client, "GET", "/api/collections/counties/items/141032%2F").statusCode());
            assertEquals(404, send(client, "GET", "/api/collections/counties/items/14103%32x").statusCode());
        });
    }
}
