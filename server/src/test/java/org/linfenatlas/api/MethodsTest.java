package org.linfenatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** GET and HEAD answer everywhere; writes only where Part 4 allows them (else 405 with Allow); CORS preflight gets 204. */
class MethodsTest extends ApiTestSupport {

    @Test
    void headAnswersWithTheHeadersOfGetAndNoBody() {
        withServer((store, client) -> {
            HttpResponse<String> head = send(client, "HEAD", "/api/collections/counties/items");
            assertEquals(200, head.statusCode());
            assertEquals("application/geo+json", head.headers().firstValue("Content-Type").orElse(""));
            assertEquals(client.get("/api/collections/counties/items").headers().get("ETag").get(0),
                    head.headers().firstValue("ETag").orElse(""));
            assertEquals("", head.body());
        });
    }

    @Test
    void writingAReadOnlyCollectionIsNotAllowedAndSaysWhatIs() {
        withServer((store, client) -> {
            HttpResponse<String> post = send(client, "POST", "/api/collections/counties/items");
            assertEquals(405, post.statusCode());
            assertTrue(post.body().contains("MethodNotAllowed"), post.body());
            assertEquals("GET, HEAD, OPTIONS", post.headers().firstValue("Allow").orElse(""));
        });
    }

    @Test
    void writingWithoutAResourceMethodNamesTheAllowedOnes() {
        withServer((store, client) -> {
            HttpResponse<String> put = send(client, "PUT", "/api/collections/projects/items");
            assertEquals(405, put.statusCode());
            assertEquals("GET, HEAD, OPTIONS, POST", put.headers().firstValue("Allow").orElse(""));
        });
    }

    @Test
    void writingProjectsWithoutSigningInIsUnauthorized() {
        withServer((store, client) -> {
            HttpResponse<String> post = send(client, "POST", "/api/collections/projects/items");
            assertEquals(401, post.statusCode());
            assertTrue(post.body().contains("Unauthorized"), post.body());
            assertTrue(post.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        });
    }

    @Test
    void unknownPathStaysNotFound() {
        withServer((store, client) -> assertEquals(404, client.get("/api/no-such-thing").code()));
    }

    @Test
    void corsPreflightIsAnsweredForAnyPath() {
        withServer((store, client) -> {
            HttpResponse<String> preflight = send(client, "OPTIONS", "/api/collections/projects/items");
            assertEquals(204, preflight.statusCode());
            assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("GET"));
        });
    }

    private static HttpResponse<String> send(Client client, String method, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(client.origin() + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
