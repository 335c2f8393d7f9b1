package org.linfenatlas.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * bbox and search pages are answered in front of Javalin, byte for byte and header for header as
 * the items route answers them; whatever the fast path cannot answer, Javalin does.
 */
class FastPathPagesTest extends ApiTestSupport {
    private static final String BBOX_PAGE = "/api/collections/counties/items?bbox=110,35,113,37&limit=2";
    private static final String SEARCH_PAGE = "/api/collections/projects/items?q=yonghe";
    private static final Pattern TIME_STAMP = Pattern.compile("\"timeStamp\":\"([^\"]+)\"");

    @Test
    void bboxPageIsAnsweredInFrontOfJavalin() {
        withServer((store, client) -> {
            assertEquals(200, send(client, "GET", BBOX_PAGE).statusCode());
            assertFalse(store.lastItemsThroughServlet);
        });
    }

    @Test
    void searchPageIsAnsweredInFrontOfJavalin() {
        withServer((store, client) -> {
            assertEquals(200, send(client, "GET", SEARCH_PAGE).statusCode());
            assertFalse(store.lastItemsThroughServlet);
        });
    }

    @Test
    void pageInFrontOfJavalinIsTheRoutesOwnHeaderForHeader() {
        withServer((store, client) -> {
            for (String path : List.of(BBOX_PAGE, SEARCH_PAGE, BBOX_PAGE + "&crs=http://www.opengis.net/def/crs/EPSG/0/3857")) {
                for (String encoding : List.of("gzip", "identity")) {
                    HttpResponse<byte[]>[] pair = sameSecond(client, path, encoding);
                    assertTrue(store.lastItemsThroughServlet, "the second of the pair came from the route");
                    assertEquals(withoutDate(pair[1]), withoutDate(pair[0]), path + " " + encoding);
                    assertArrayEquals(pair[1].body(), pair[0].body(), path + " " + encoding);
                }
            }
        });
    }

    @Test
    void pageWithItsEtagGetsNotModified() {
        withServer((store, client) -> {
            HttpResponse<byte[]> first = send(client, "GET", BBOX_PAGE);
            HttpResponse<byte[]> again = send(client, "GET", BBOX_PAGE, "If-None-Match", first.headers().firstValue("ETag").orElseThrow());
            assertEquals(304, again.statusCode()); // the collection is unchanged: same bytes, same tag, in any second
            assertEquals(0, again.body().length);
        });
    }

    @Test
    void headOfAPageHasItsLengthButNoBody() {
        withServer((store, client) -> {
            HttpResponse<byte[]> head = send(client, "HEAD", BBOX_PAGE);
            assertEquals(200, head.statusCode());
            assertTrue(Integer.parseInt(head.headers().firstValue("Content-Length").orElse("0")) > 0);
            assertEquals(0, head.body().length);
            assertFalse(store.lastItemsThroughServlet);
        });
    }

    @Test
    void invalidParameterOnAPageIsJavalinsJsonError() {
        withServer((store, client) -> {
            HttpResponse<byte[]> bad = send(client, "GET", "/api/collections/counties/items?bbox=110,35,113");
            assertEquals(400, bad.statusCode());
            assertTrue(new String(bad.body(), StandardCharsets.UTF_8).contains("\"InvalidParameterValue\""));
            assertEquals("*", bad.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        });
    }

    @Test
    void unknownCollectionWithABboxIsNotFound() {
        withServer((store, client) -> {
            HttpResponse<byte[]> missing = send(client, "GET", "/api/collections/nowhere/items?bbox=110,35,113,37");
            assertEquals(404, missing.statusCode());
            assertTrue(new String(missing.body(), StandardCharsets.UTF_8).contains("\"NotFound\""));
        });
    }

    @Test
    void pagesWithoutBboxOrSearchGoThroughTheRouteAndItsCache() {
        withServer((store, client) -> {
            assertEquals(200, send(client, "GET", "/api/collections/counties/items?limit=2").statusCode());
            assertTrue(store.lastItemsThroughServlet);
        });
    }

    /** The same page from the fast path and (with a Content-Type, which it leaves to Javalin) from the route, stamped in one second. */
    @SuppressWarnings("unchecked")
    private HttpResponse<byte[]>[] sameSecond(Client client, String path, String encoding) {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<byte[]> fast = send(client, "GET", path, "Accept-Encoding", encoding);
            HttpResponse<byte[]> route = send(client, "GET", path, "Accept-Encoding", encoding, "Content-Type", "text/plain");
            if (timeStamp(fast).equals(timeStamp(route)) || attempt == 4) {
                return new HttpResponse[] {fast, route};
            }
        }
    }

    private static String timeStamp(HttpResponse<byte[]> response) {
        byte[] body = response.body();
        try {
            if ("gzip".equals(response.headers().firstValue("Content-Encoding").orElse(""))) {
                body = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        Matcher m = TIME_STAMP.matcher(new String(body, StandardCharsets.UTF_8));
        return m.find() ? m.group(1) : "";
    }
}
