package org.linfenatlas.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.linfenatlas.api.PublicUrl;
import org.linfenatlas.store.StoreError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /auth/login, POST /auth/logout and GET /auth/me. Refusals are StoreErrors, which the
 * application's exception handler turns into JSON (api.Errors). No secret is ever logged.
 *
 * <p>The CSRF token also travels in the cookie atlas_csrf, readable by the page but sent by the
 * browser only to this site (SameSite=Strict): the store keeps only its hash, so /auth/me can hand
 * it back to a reloaded page only by echoing that cookie once it has checked it against the hash.
 */
public final class AuthRoutes {
    public static final String CSRF_COOKIE = "atlas_csrf";
    private static final Logger LOG = LoggerFactory.getLogger(AuthRoutes.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WRONG_CREDENTIALS = "wrong user name or password";

    private final SessionAuthenticator auth;
    private final UserStore store;
    private final LoginThrottle throttle;
    private final boolean secureCookies;
    private final PublicUrl publicUrl;

    private AuthRoutes(SessionAuthenticator auth, LoginThrottle throttle, boolean secureCookies, PublicUrl publicUrl) {
        this.auth = auth;
        this.store = auth.store();
        this.throttle = throttle;
        this.secureCookies = secureCookies;
        this.publicUrl = publicUrl;
    }

    /** With the default throttle (5 failures in 15 minutes) and Secure cookies only over https. */
    public static void register(JavalinConfig config, SessionAuthenticator auth) {
        register(config, auth, new LoginThrottle(Clock.systemUTC()), false);
    }

    /** @param secureCookies mark cookies Secure even when the request came as http (behind a TLS-terminating proxy) */
    public static void register(JavalinConfig config, SessionAuthenticator auth, LoginThrottle throttle, boolean secureCookies) {
        register(config, auth, throttle, secureCookies, PublicUrl.FROM_REQUEST);
    }

    /**
     * @param publicUrl whether the client sees https (Secure cookies) and, with trusted forwarded headers, the client's
     *                  address for the throttle (X-Forwarded-For); else the socket's address
     */
    public static void register(JavalinConfig config, SessionAuthenticator auth, LoginThrottle throttle, boolean secureCookies,
                                PublicUrl publicUrl) {
        AuthRoutes routes = new AuthRoutes(auth, throttle, secureCookies, publicUrl);
        config.routes.post("/auth/login", routes::login);
        config.routes.post("/auth/logout", routes::logout);
        config.routes.get("/auth/me", routes::me);
    }

    private void login(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        JsonNode body = body(ctx);
        String name = body.path("username").asText();
        String password = body.path("password").asText();
        String address = publicUrl.clientAddress(ctx);
        Optional<Duration> wait = throttle.retryAfter(name, address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            LOG.warn("sign-in from {} refused: too many failures", address);
            ctx.header("Retry-After", Long.toString(seconds));
            throw StoreError.of(StoreError.Kind.TOO_MANY_REQUESTS,
                    "too many failed sign-ins; try again in " + seconds + " s");
        }
        Optional<User> user = store.verifyPassword(name, password);
        if (user.isEmpty()) {
            throttle.failed(name, address);
            LOG.info("failed sign-in from {}", address);
            throw StoreError.of(StoreError.Kind.UNAUTHORIZED, WRONG_CREDENTIALS);
        }
        throttle.succeeded(name);
        SessionAuthenticator.sessionId(ctx).ifPresent(store::deleteSession); // a new id at sign-in: no session fixation
        UserStore.NewSession session = store.createSession(user.get().id());
        setCookie(ctx, SessionAuthenticator.SESSION_COOKIE, session.id(), true, UserStore.SESSION_LIFETIME);
        setCookie(ctx, CSRF_COOKIE, session.csrfToken(), false, UserStore.SESSION_LIFETIME);
        LOG.info("user {} signed in from {}", user.get().id(), address);
        answer(ctx, 200, signedIn(user.get(), session.csrfToken()));
    }

    private void logout(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (SessionAuthenticator.bearerToken(ctx).isEmpty()) {
            Optional<String> sessionId = SessionAuthenticator.sessionId(ctx);
            if (sessionId.isPresent() && auth.session(ctx).isPresent()) {
                auth.requireWriter(ctx);
                store.deleteSession(sessionId.get());
            }
            setCookie(ctx, SessionAuthenticator.SESSION_COOKIE, "", true, Duration.ZERO);
            setCookie(ctx, CSRF_COOKIE, "", false, Duration.ZERO);
        }
        ctx.status(204);
    }

    private void me(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        Optional<String> token = SessionAuthenticator.bearerToken(ctx);
        if (token.isPresent()) {
            User user = store.tokenUser(token.get()).orElseThrow(() ->
                    StoreError.of(StoreError.Kind.UNAUTHORIZED, "the API token is not valid"));
            answer(ctx, 200, signedIn(user, null));
            return;
        }
        UserStore.Session session = auth.session(ctx).orElseThrow(() ->
                StoreError.of(StoreError.Kind.UNAUTHORIZED, "not signed in"));
        String csrf = ctx.cookie(CSRF_COOKIE);
        if (!Secrets.matchesHash(csrf, session.csrfHash())) {
            csrf = SessionAuthenticator.sessionId(ctx).flatMap(store::renewCsrfToken).orElseThrow(() ->
                    StoreError.of(StoreError.Kind.UNAUTHORIZED, "not signed in"));
            setCookie(ctx, CSRF_COOKIE, csrf, false, Duration.between(Instant.now(), session.expires()));
        }
        answer(ctx, 200, signedIn(session.user(), csrf));
    }

    private static JsonNode body(Context ctx) {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.bodyAsBytes());
        } catch (java.io.IOException e) {
            body = null;
        }
        if (body == null || !body.path("username").isTextual() || !body.path("password").isTextual()) {
            throw StoreError.of(StoreError.Kind.MALFORMED, "the body must be JSON {\"username\": \"...\", \"password\": \"...\"}");
        }
        return body;
    }

    private static Map<String, Object> signedIn(User user, String csrfToken) {
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("id", user.id());
        who.put("name", user.name());
        who.put("role", user.role().code());
        who.put("counties", user.counties());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", who);
        if (csrfToken != null) {
            body.put("csrfToken", csrfToken);
        }
        return body;
    }

    private void setCookie(Context ctx, String name, String value, boolean httpOnly, Duration maxAge) {
        StringBuilder cookie = new StringBuilder(name).append('=').append(value)
                .append("; Path=/; Max-Age=").append(Math.max(0, maxAge.toSeconds()));
        if (httpOnly) {
            cookie.append("; HttpOnly");
        }
        cookie.append("; SameSite=Strict");
        if (secureCookies || publicUrl.https(ctx)) {
            cookie.append("; Secure");
        }
        ctx.res().addHeader("Set-Cookie", cookie.toString());
    }

    private static void answer(Context ctx, int status, Map<String, Object> body) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
