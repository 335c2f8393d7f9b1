package org.linfenatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linfenatlas.web.BaseLayers;

/**
 * The map page, its files and the HTML documentation of the API are sent with the page's security headers:
 * a Content-Security-Policy allowing the server's own scripts only and images from the configured tile
 * servers, nosniff and a same-origin referrer policy; once each.
 */
class PageSecurityHeadersTest extends ApiTestSupport {
    private static final Map<String, Object> OSM = BaseLayers.pageConfig(List.of("osm"), null);

    private static String policy(HttpResponse<?> response) {
        List<String> values = response.headers().allValues("Content-Security-Policy");
        assertEquals(1, values.size(), () -> response.uri() + ": " + values);
        return values.get(0);
    }

    @Test
    void mapPageAllowsOnlyItsOwnScriptsAndImagesFromTheConfiguredTileServer() {
        withServer(OSM, (store, client) -> {
            HttpResponse<byte[]> page = send(client, "GET", "/");
            assertEquals(200, page.statusCode());
            String policy = policy(page);
            assertTrue(policy.contains("; script-src 'self';"), policy);
            assertTrue(policy.contains("; img-src 'self' data: blob: https://tile.openstreetmap.org;"), policy);
            assertTrue(policy.contains("; object-src 'none';") && policy.endsWith("; frame-ancestors 'none'"), policy);
        });
    }

    @Test
    void mapPageIsNosniffAndSendsReferrersToItsOwnServerOnly() {
        withServer(OSM, (store, client) -> {
            HttpResponse<byte[]> page = send(client, "GET", "/");
            assertEquals(List.of("nosniff"), page.headers().allValues("X-Content-Type-Options"));
            assertEquals(List.of("same-origin"), page.headers().allValues("Referrer-Policy"));
        });
    }

    @Test
    void pageScriptsAndLibrariesCarryTheSameHeaders() {
        withServer(OSM, (store, client) -> {
            String expected = policy(send(client, "GET", "/"));
            for (String path : List.of("/js/main.js", "/css/atlas.css", "/webjars/leaflet/1.9.4/dist/leaflet.js")) {
                HttpResponse<byte[]> file = send(client, "GET", path);
                assertEquals(200, file.statusCode(), path);
                assertEquals(expected, policy(file), path);
                assertEquals(List.of("nosniff"), file.headers().allValues("X-Content-Type-Options"), path);
            }
        });
    }

    @Test
    void apiDocsPageCarriesThePolicyAndHasNoInlineStyleOrScript() {
        withServer(OSM, (store, client) -> {
            String expected = policy(send(client, "GET", "/"));
            HttpResponse<byte[]> docs = send(client, "GET", "/api/docs");
            assertEquals(expected, policy(docs));
            String html = new String(docs.body(), StandardCharsets.UTF_8);
            assertFalse(html.contains("<style") || html.contains("<script") || html.contains("style="), html);
            assertTrue(html.contains("<link rel=\"stylesheet\" href=\"" + client.origin() + "/api/docs.css\">"), html);
        });
    }

    @Test
    void apiDocsStyleSheetIsServedAsCss() {
        withServer(OSM, (store, client) -> {
            HttpResponse<byte[]> css = send(client, "GET", "/api/docs.css");
            assertEquals(200, css.statusCode());
            assertEquals("text/css;charset=utf-8", css.headers().firstValue("Content-Type").orElse(""));
            assertEquals(List.of("nosniff"), css.headers().allValues("X-Content-Type-Options"));
            assertTrue(new String(css.body(), StandardCharsets.UTF_8).contains("border-collapse"));
        });
    }

    @Test
    void apiDocsRepeatedFromTheCacheKeepTheHeaders() {
        withServer(OSM, (store, client) -> {
            HttpResponse<byte[]> first = send(client, "GET", "/api/docs");
            HttpResponse<byte[]> again = send(client, "GET", "/api/docs");
            assertEquals(withoutDate(first), withoutDate(again));
            HttpResponse<byte[]> revalidated = send(client, "GET", "/api/docs", "If-None-Match",
                    first.headers().firstValue("ETag").orElseThrow());
            assertEquals(304, revalidated.statusCode());
            assertEquals(policy(first), policy(revalidated));
        });
    }
}
