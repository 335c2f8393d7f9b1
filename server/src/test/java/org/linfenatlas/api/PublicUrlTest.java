package org.linfenatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The base URL of links: the request's own scheme and Host by default, the reverse proxy's X-Forwarded-Proto/-Host
 * only when trusted, and --public-url whatever a request says; never written into HTML unescaped.
 */
class PublicUrlTest extends ApiTestSupport {
    private static final String[] PROXY = {"X-Forwarded-Proto", "https", "X-Forwarded-Host", "atlas.example.org"};
    private static final String HOSTILE = "evil.example\"><script>alert(1)</script>";
    /** Every kind of answer with links: documents, a cached items page, a bbox page (fast path), a feature. */
    private static final List<String> WITH_LINKS = List.of("/api", "/api/collections", "/api/collections/projects",
            "/api/collections/projects/items?limit=5", "/api/collections/projects/items?bbox=110,35,113,37&limit=5",
            "/api/collections/projects/items/p-01");

    @Test
    void forwardedHeadersAreIgnoredByDefault() {
        withServer((store, client) -> {
            for (String path : WITH_LINKS) {
                for (String href : hrefs(send(client, "GET", path, PROXY))) {
                    assertTrue(href.startsWith(client.origin() + "/api"), path + ": " + href);
                }
            }
        });
    }

    @Test
    void trustedForwardedHeadersNameTheBaseOfLinks() {
        publicUrl = PublicUrl.of(null, true);
        withServer((store, client) -> {
            for (String path : WITH_LINKS) {
                List<String> hrefs = hrefs(send(client, "GET", path, PROXY));
                assertFalse(hrefs.isEmpty(), path);
                for (String href : hrefs) {
                    assertTrue(href.startsWith("https://atlas.example.org/api"), path + ": " + href);
                }
            }
        });
    }

    @Test
    void publicUrlFixesEveryLinkWhateverTheRequestSays() {
        publicUrl = PublicUrl.of("https://atlas.example.org", true);
        withServer((store, client) -> {
            for (String path : WITH_LINKS) {
                for (String[] headers : List.of(new String[0], PROXY, new String[] {"X-Forwarded-Host", "other.example"})) {
                    List<String> hrefs = hrefs(send(client, "GET", path, headers));
                    assertFalse(hrefs.isEmpty(), path);
                    for (String href : hrefs) {
                        assertTrue(href.startsWith("https://atlas.example.org/api"), path + ": " + href);
                    }
                }
            }
            JsonNode openapi = tree(send(client, "GET", "/api/openapi", "X-Forwarded-Host", "other.example").body());
            assertEquals("https://atlas.example.org/api", openapi.path("servers").get(0).path("url").asText());
            String docs = new String(send(client, "GET", "/api/docs", "X-Forwarded-Host", "other.example").body(), StandardCharsets.UTF_8);
            assertTrue(docs.contains("href=\"https://atlas.example.org/api/openapi\""), docs);
            assertFalse(docs.contains("other.example") || docs.contains(client.origin()), docs);
        });
    }

    @Test
    void publicUrlWithAPathPrefixesTheApiPaths() {
        publicUrl = PublicUrl.of("https://example.org/atlas/", false);
        withServer((store, client) -> {
            for (String href : hrefs(send(client, "GET", "/api/collections"))) {
                assertTrue(href.startsWith("https://example.org/atlas/api/"), href);
            }
        });
    }

    @Test
    void aTrustedForwardedHostThatIsNoHostIsIgnored() {
        publicUrl = PublicUrl.of(null, true);
        withServer((store, client) -> {
            HttpResponse<byte[]> landing = send(client, "GET", "/api", "X-Forwarded-Host", HOSTILE, "X-Forwarded-Proto", "javascript");
            for (String href : hrefs(landing)) {
                assertTrue(href.startsWith(client.origin() + "/api"), href);
            }
            String docs = new String(send(client, "GET", "/api/docs", "X-Forwarded-Host", HOSTILE).body(), StandardCharsets.UTF_8);
            assertFalse(docs.contains("<script>"), docs);
            assertFalse(docs.contains("evil.example"), docs);
        });
    }

    @Test
    void aHostileHostHeaderNeverReachesTheDocumentationPageUnescaped() {
        withServer((store, client) -> {
            URI origin = URI.create(client.origin());
            for (String host : List.of(HOSTILE, "a\"b", "a<b>", "localhost:1/\"><i>x</i>")) {
                String answer = raw(origin, "GET /api/docs HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
                assertFalse(answer.contains("<script>") || answer.contains("\"><i>") || answer.contains("a<b>")
                        || answer.contains("href=\"http://a\"b"), host + " → " + answer);
            }
        });
    }

    /** Every href of a JSON answer (links anywhere in it). */
    private static List<String> hrefs(HttpResponse<byte[]> response) {
        assertEquals(200, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
        List<String> hrefs = new ArrayList<>();
        collect(tree(response.body()), hrefs);
        return hrefs;
    }

    private static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void collect(JsonNode node, List<String> hrefs) {
        if (node.has("href") && node.get("href").isTextual()) {
            hrefs.add(node.get("href").asText());
        }
        node.forEach(child -> collect(child, hrefs));
    }

    /** A request written byte for byte (java.net.http will not send a Host header of our choosing). */
    private static String raw(URI origin, String request) {
        try (Socket socket = new Socket(origin.getHost(), origin.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
