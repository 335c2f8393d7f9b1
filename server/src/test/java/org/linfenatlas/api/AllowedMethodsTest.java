package org.linfenatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linfenatlas.AtlasServer;
import org.linfenatlas.auth.AuthRoutes;
import org.linfenatlas.auth.GeoPackageUserStore;
import org.linfenatlas.auth.SessionAuthenticator;
import org.linfenatlas.auth.UserStore;
import org.linfenatlas.testdata.RawHttp;

/**
 * Allow (RFC 9110 §10.2.1): every 405 names the methods its path supports, OPTIONS answers with them, and
 * {@link AllowedMethods}, the one place that says them, agrees with the routes. The server here has the
 * real sign-in routes, so that /auth paths are held to it too.
 */
class AllowedMethodsTest {
    private static final String COUNTY = "/api/collections/counties/items/141032";
    private static final String PROJECT = "/api/collections/projects/items/p-01";
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
    /** One path of every kind the routes know. */
    private static final List<String> PATHS = List.of("/api", "/api/conformance", "/api/openapi", "/api/docs", "/api/docs.css",
            "/api/collections", "/api/collections/counties", "/api/collections/counties/items", COUNTY,
            COUNTY + "/history", COUNTY + "/restore", COUNTY + "/history/1/revert", "/api/collections/counties/changes",
            "/api/collections/projects", "/api/collections/projects/items", PROJECT, PROJECT + "/history",
            PROJECT + "/restore", PROJECT + "/history/1/revert", "/api/collections/projects/changes", "/api/stats",
            "/health", "/config.json", "/auth/login", "/auth/logout", "/auth/me");

    @TempDir
    Path dataDir;

    @Test
    void methodNotAllowedOnAReadOnlyCollectionNamesTheReadMethods() {
        withServer(origin -> {
            for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
                HttpResponse<byte[]> response = RawHttp.send(origin, method, COUNTY);
                assertEquals(405, response.statusCode(), method);
                assertEquals("GET, HEAD, OPTIONS", response.headers().firstValue("Allow").orElse(""), method);
            }
        });
    }

    @Test
    void methodNotAllowedOnAnActionNamesPostOnly() {
        withServer(origin -> {
            for (String path : List.of(PROJECT + "/restore", "/auth/login")) {
                HttpResponse<byte[]> response = RawHttp.send(origin, "GET", path);
                assertEquals(405, response.statusCode(), path);
                assertEquals("OPTIONS, POST", response.headers().firstValue("Allow").orElse(""), path);
            }
        });
    }

    @Test
    void optionsOnAReadOnlyCollectionAnswersNoContentWithTheReadMethods() {
        assertOptions("/api/collections/counties/items", "GET, HEAD, OPTIONS");
    }

    @Test
    void optionsOnTheProjectsItemsAddsPost() {
        assertOptions("/api/collections/projects/items", "GET, HEAD, OPTIONS, POST");
    }

    @Test
    void optionsOnAProjectAddsPutPatchAndDelete() {
        assertOptions(PROJECT, "GET, HEAD, OPTIONS, PUT, PATCH, DELETE");
    }

    @Test
    void corsPreflightAllowsWhatThePathAllows() {
        withServer(origin -> {
            HttpResponse<byte[]> preflight = RawHttp.send(origin, "OPTIONS", PROJECT, "Origin", "https://example.org",
                    "Access-Control-Request-Method", "PATCH");
            assertEquals(204, preflight.statusCode());
            assertEquals("GET, HEAD, OPTIONS, PUT, PATCH, DELETE",
                    preflight.headers().firstValue("Access-Control-Allow-Methods").orElse(""));
        });
    }

    @Test
    void everyPathAnswers405ExactlyForTheMethodsItsAllowLeavesOut() {
        withServer(origin -> {
            for (String path : PATHS) {
                List<String> allowed = Arrays.asList(AllowedMethods.of(path).split(", "));
                for (String method : METHODS) {
                    HttpResponse<byte[]> response = RawHttp.send(origin, method, path, "Content-Type", "application/json");
                    if (allowed.contains(method)) {
                        assertNotEquals(405, response.statusCode(), method + " " + path + " is in Allow");
                    } else {
                        assertEquals(405, response.statusCode(), method + " " + path + " is not in Allow " + allowed);
                        assertEquals(AllowedMethods.of(path), response.headers().firstValue("Allow").orElse(""), method + " " + path);
                    }
                }
                assertTrue(allowed.contains("OPTIONS"), path);
            }
        });
    }

    @Test
    void aTrailingSlashAllowsWhatThePathWithoutItAllows() {
        assertEquals(AllowedMethods.of(PROJECT), AllowedMethods.of(PROJECT + "/"));
        assertEquals(AllowedMethods.of("/auth/login"), AllowedMethods.of("/auth/login/"));
    }

    private void assertOptions(String path, String allow) {
        withServer(origin -> {
            HttpResponse<byte[]> options = RawHttp.send(origin, "OPTIONS", path);
            assertEquals(204, options.statusCode(), path);
            assertEquals(allow, options.headers().firstValue("Allow").orElse(""), path);
        });
    }

    private void withServer(java.util.function.Consumer<String> test) {
        try (UserStore users = GeoPackageUserStore.open(dataDir)) {
            SessionAuthenticator auth = new SessionAuthenticator(users);
            JavalinTest.test(AtlasServer.create(new FakeStore(), auth, config -> AuthRoutes.register(config, auth),
                    Map.of("baseLayers", List.of())), (server, client) -> test.accept(client.getOrigin()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
