package org.linfenatlas.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linfenatlas.api.Errors;
import org.linfenatlas.api.PublicUrl;
import org.linfenatlas.store.StoreError;

/** The sign-in routes and SessionAuthenticator over HTTP, on a small app with a write route POST /write. */
class AuthRoutesTest {
    private static final String PASSWORD = "correct horse battery";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;
    final MutableClock clock = new MutableClock();
    UserStore store;
    SessionAuthenticator auth;
    LoginThrottle throttle;
    User liWei;

    @BeforeEach
    void open() throws Exception {
        store = GeoPackageUserStore.open(dataDir, Counties.bundled(), clock);
        auth = new SessionAuthenticator(store);
        throttle = new LoginThrottle(clock);
        liWei = store.addUser("li.wei", Role.EDITOR, List.of("吉县"), PASSWORD);
        store.addUser("wang.fang", Role.ADMIN, List.of(), PASSWORD);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Javalin app() {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            AuthRoutes.register(config, auth, throttle, false);
            config.routes.post("/write", ctx -> ctx.result(auth.requireWriter(ctx).name()));
            config.routes.exception(StoreError.class, (e, ctx) -> Errors.send(ctx, e));
        });
    }

    private void withServer(Consumer<String> test) {
        JavalinTest.test(app(), (server, client) -> test.accept(client.getOrigin()));
    }

    /** @param header name, value, name, value... */
    static HttpResponse<String> send(String origin, String method, String path, String body, String... header) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path)).method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            for (int i = 0; i < header.length; i += 2) {
                request.header(header[i], header[i + 1]);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static HttpResponse<String> login(String origin, String name, String password) {
        return send(origin, "POST", "/auth/login", "{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}",
                "Content-Type", "application/json");
    }

    static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no cookie " + name + " in " + response.headers()));
    }

    static String cookieValue(HttpResponse<?> response, String name) {
        String cookie = cookie(response, name);
        return cookie.substring(name.length() + 1, cookie.indexOf(';'));
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body());
        }
    }

    private record SignedIn(String sessionId, String csrfToken) {
        String cookies() {
            return SessionAuthenticator.SESSION_COOKIE + "=" + sessionId;
        }
    }

    private static SignedIn signIn(String origin) {
        HttpResponse<String> response = login(origin, "li.wei", PASSWORD);
        assertEquals(200, response.statusCode(), response.body());
        return new SignedIn(cookieValue(response, SessionAuthenticator.SESSION_COOKIE), json(response).path("csrfToken").asText());
    }

    @Test
    void loginSetsAnHttpOnlySameSiteStrictSessionCookie() {
        withServer(origin -> {
            String cookie = cookie(login(origin, "li.wei", PASSWORD), SessionAuthenticator.SESSION_COOKIE);
            assertTrue(cookie.contains("; HttpOnly"), cookie);
            assertTrue(cookie.contains("; SameSite=Strict"), cookie);
            assertTrue(cookie.contains("; Path=/"), cookie);
            assertFalse(cookie.contains("Secure"), "plain http without the flag: " + cookie);
        });
    }

    @Test
    void loginAnswersUserAndCsrfTokenWithoutCaching() {
        withServer(origin -> {
            HttpResponse<String> response = login(origin, "li.wei", PASSWORD);
            JsonNode body = json(response);
            assertEquals("li.wei", body.path("user").path("name").asText());
            assertEquals("editor", body.path("user").path("role").asText());
            assertEquals("吉县", body.path("user").path("counties").path(0).asText());
            assertEquals(liWei.id(), body.path("user").path("id").asLong());
            assertEquals(43, body.path("csrfToken").asText().length());
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        });
    }

    @Test
    void secureFlagMarksCookiesSecure() {
        JavalinTest.test(Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            AuthRoutes.register(config, auth, throttle, true);
        }), (server, client) -> {
            String cookie = cookie(login(client.getOrigin(), "li.wei", PASSWORD), SessionAuthenticator.SESSION_COOKIE);
            assertTrue(cookie.endsWith("; Secure"), cookie);
        });
    }

    @Test
    void anHttpsPublicUrlMarksCookiesSecure() {
        withServer(PublicUrl.of("https://atlas.example.org", false), origin -> {
            String cookie = cookie(login(origin, "li.wei", PASSWORD), SessionAuthenticator.SESSION_COOKIE);
            assertTrue(cookie.endsWith("; Secure"), cookie);
        });
    }

    @Test
    void throttleCountsTheSocketAddressWhateverXForwardedForSaysByDefault() {
        withServer(PublicUrl.FROM_REQUEST, origin -> {
            for (int i = 0; i < 5; i++) {
                assertEquals(401, loginFrom(origin, "name" + i, "10.0.0." + i).statusCode());
            }
            assertEquals(429, loginFrom(origin, "name5", "10.0.0.99").statusCode(), "another X-Forwarded-For, the same client");
        });
    }

    @Test
    void throttleCountsTheAddressTheTrustedProxyAppendedToXForwardedFor() {
        withServer(PublicUrl.of(null, true), origin -> {
            for (int i = 0; i < 5; i++) { // the client's own claims come first; the proxy appends the address it saw
                assertEquals(401, loginFrom(origin, "name" + i, "198.51.100." + i + ", 203.0.113.7").statusCode());
            }
            assertEquals(429, loginFrom(origin, "name5", "198.51.100.99, 203.0.113.7").statusCode(), "the same client behind new claims");
            assertEquals(401, loginFrom(origin, "name6", "203.0.113.8").statusCode(), "another client behind the same proxy");
        });
    }

    private void withServer(PublicUrl publicUrl, Consumer<String> test) {
        JavalinTest.test(Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            AuthRoutes.register(config, auth, throttle, false, publicUrl);
            config.routes.exception(StoreError.class, (e, ctx) -> Errors.send(ctx, e));
        }), (server, client) -> test.accept(client.getOrigin()));
    }

    private static HttpResponse<String> loginFrom(String origin, String name, String forwardedFor) {
        return send(origin, "POST", "/auth/login", "{\"username\":\"" + name + "\",\"password\":\"wrong\"}",
                "Content-Type", "application/json", "X-Forwarded-For", forwardedFor);
    }

    @Test
    void wrongPasswordUnknownNameAndDisabledUserGetTheSame401() {
        store.addUser("zhao.lei", Role.ADMIN, List.of(), PASSWORD);
        store.setDisabled("zhao.lei", true);
        withServer(origin -> {
            List<HttpResponse<String>> answers = List.of(login(origin, "li.wei", "wrong password"),
                    login(origin, "nobody", PASSWORD), login(origin, "zhao.lei", PASSWORD));
            for (HttpResponse<String> answer : answers) {
                assertEquals(401, answer.statusCode());
                assertEquals("wrong user name or password", json(answer).path("description").asText());
                assertTrue(answer.headers().allValues("Set-Cookie").isEmpty());
            }
        });
    }

    @Test
    void malformedLoginBodyIs400() {
        withServer(origin -> {
            HttpResponse<String> response = send(origin, "POST", "/auth/login", "{\"username\":", "Content-Type", "application/json");
            assertEquals(400, response.statusCode());
            assertEquals("InvalidRequestBody", json(response).path("code").asText());
        });
    }

    @Test
    void meAnswersTheSignedInUserAndItsCsrfToken() {
        withServer(origin -> {
            HttpResponse<String> login = login(origin, "li.wei", PASSWORD);
            String cookies = SessionAuthenticator.SESSION_COOKIE + "=" + cookieValue(login, SessionAuthenticator.SESSION_COOKIE)
                    + "; " + AuthRoutes.CSRF_COOKIE + "=" + cookieValue(login, AuthRoutes.CSRF_COOKIE);
            HttpResponse<String> me = send(origin, "GET", "/auth/me", null, "Cookie", cookies);
            assertEquals(200, me.statusCode(), me.body());
            assertEquals("li.wei", json(me).path("user").path("name").asText());
            assertEquals(json(login).path("csrfToken").asText(), json(me).path("csrfToken").asText());
        });
    }

    @Test
    void meWithoutTheCsrfCookieIssuesAWorkingNewToken() {
        withServer(origin -> {
            SignedIn session = signIn(origin);
            HttpResponse<String> me = send(origin, "GET", "/auth/me", null, "Cookie", session.cookies());
            String renewed = json(me).path("csrfToken").asText();
            HttpResponse<String> write = send(origin, "POST", "/write", "", "Cookie", session.cookies(),
                    SessionAuthenticator.CSRF_HEADER, renewed);
            assertEquals(200, write.statusCode(), write.body());
        });
    }

    @Test
    void meWithoutSessionIs401() {
        withServer(origin -> {
            HttpResponse<String> me = send(origin, "GET", "/auth/me", null);
            assertEquals(401, me.statusCode());
            assertEquals("no-store", me.headers().firstValue("Cache-Control").orElse(""));
        });
    }

    @Test
    void meWithAnUnknownSessionIs401() {
        withServer(origin -> assertEquals(401,
                send(origin, "GET", "/auth/me", null, "Cookie", SessionAuthenticator.SESSION_COOKIE + "=made-up").statusCode()));
    }

    @Test
    void logoutEndsTheSession() {
        withServer(origin -> {
            SignedIn session = signIn(origin);
            HttpResponse<String> logout = send(origin, "POST", "/auth/logout", "", "Cookie", session.cookies(),
                    SessionAuthenticator.CSRF_HEADER, session.csrfToken());
            assertEquals(204, logout.statusCode());
            assertEquals(401, send(origin, "GET", "/auth/me", null, "Cookie", session.cookies()).statusCode());
        });
    }

    @Test
    void logoutByCookieWithoutCsrfHeaderIs403AndKeepsTheSession() {
        withServer(origin -> {
            SignedIn session = signIn(origin);
            assertEquals(403, send(origin, "POST", "/auth/logout", "", "Cookie", session.cookies()).statusCode());
            assertEquals(200, send(origin, "GET", "/auth/me", null, "Cookie", session.cookies()).statusCode());
        });
    }

    @Test
    void writeByCookieWithoutCsrfHeaderIs403() {
        withServer(origin -> {
            SignedIn session = signIn(origin);
            HttpResponse<String> write = send(origin, "POST", "/write", "", "Cookie", session.cookies());
            assertEquals(403, write.statusCode());
            assertEquals("Forbidden", json(write).path("code").asText());
        });
    }

    @Test
    void writeByCookieWithWrongCsrfHeaderIs403() {
        withServer(origin -> {
            SignedIn session = signIn(origin);
            assertEquals(403, send(origin, "POST", "/write", "", "Cookie", session.cookies(),
                    SessionAuthenticator.CSRF_HEADER, Secrets.newSecret()).statusCode());
        });
    }

    @Test
    void writeByCookieWithRightCsrfHeaderIsTheUser() {
        withServer(origin -> {
            SignedIn session = signIn(origin);
            HttpResponse<String> write = send(origin, "POST", "/write", "", "Cookie", session.cookies(),
                    SessionAuthenticator.CSRF_HEADER, session.csrfToken());
            assertEquals(200, write.statusCode(), write.body());
            assertEquals("li.wei", write.body());
        });
    }

    @Test
    void writeByBearerTokenNeedsNoCsrfHeader() {
        String token = store.createToken("li.wei", "script").token();
        withServer(origin -> {
            HttpResponse<String> write = send(origin, "POST", "/write", "", "Authorization", "Bearer " + token);
            assertEquals(200, write.statusCode(), write.body());
            assertEquals("li.wei", write.body());
        });
    }

    @Test
    void writeByRevokedTokenIs401() {
        String token = store.createToken("li.wei", "script").token();
        store.revokeTokens("li.wei");
        withServer(origin -> assertEquals(401,
                send(origin, "POST", "/write", "", "Authorization", "Bearer " + token).statusCode()));
    }

    @Test
    void disablingAUserRefusesItsSessionAndTokenAtOnce() {
        String token = store.createToken("li.wei", "script").token();
        withServer(origin -> {
            SignedIn session = signIn(origin);
            store.setDisabled("li.wei", true);
            assertEquals(401, send(origin, "POST", "/write", "", "Cookie", session.cookies(),
                    SessionAuthenticator.CSRF_HEADER, session.csrfToken()).statusCode());
            assertEquals(401, send(origin, "POST", "/write", "", "Authorization", "Bearer " + token).statusCode());
        });
    }

    @Test
    void writeWithoutCredentialsIs401WithWwwAuthenticate() {
        withServer(origin -> {
            HttpResponse<String> write = send(origin, "POST", "/write", "");
            assertEquals(401, write.statusCode());
            assertTrue(write.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), write.headers().toString());
        });
    }

    @Test
    void sixthFailedLoginForAUserIs429WithRetryAfter() {
        withServer(origin -> {
            for (int i = 0; i < 5; i++) {
                assertEquals(401, login(origin, "li.wei", "wrong password " + i).statusCode());
            }
            HttpResponse<String> blocked = login(origin, "li.wei", PASSWORD);
            assertEquals(429, blocked.statusCode());
            assertEquals("TooManyRequests", json(blocked).path("code").asText());
            assertEquals(String.valueOf(Duration.ofMinutes(15).toSeconds()), blocked.headers().firstValue("Retry-After").orElse(""));
        });
    }

    @Test
    void loginWorksAgainOnceTheFailuresLeaveTheWindow() {
        withServer(origin -> {
            for (int i = 0; i < 5; i++) {
                login(origin, "li.wei", "wrong password " + i);
            }
            clock.advance(Duration.ofMinutes(15));
            assertEquals(200, login(origin, "li.wei", PASSWORD).statusCode());
        });
    }
}
