package org.linfenatlas.indicators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linfenatlas.AtlasServer;
import org.linfenatlas.auth.Authenticator;
import org.linfenatlas.auth.Principal;
import org.linfenatlas.auth.Role;
import org.linfenatlas.store.FeatureStore;
import org.linfenatlas.store.StoreError;

/**
 * The real server (every route) over a feature store and an actuals store, on a free port, with API tokens
 * {@code admin} and {@code editor} (an editor of 吉县: may edit projects, not indicators), and a small client.
 */
final class IndicatorsServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Principal ADMIN = new Principal(1, "管理员 Admin", Role.ADMIN, Set.of());
    static final Principal EDITOR = new Principal(2, "吉县编辑 Jixian editor", Role.EDITOR, Set.of("吉县"));
    private static final Map<String, Principal> TOKENS = Map.of("admin", ADMIN, "editor", EDITOR);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Javalin app;
    private final String origin;
    final FeatureStore features;
    final ActualsStore actuals;

    IndicatorsServer(FeatureStore features, ActualsStore actuals) {
        this.features = features;
        this.actuals = actuals;
        this.app = AtlasServer.create(features, new AtlasServer.Indicators(IndicatorCatalogue.bundled(), actuals), new Tokens(),
                config -> { }, Map.of("baseLayers", List.of()));
        app.start("127.0.0.1", 0);
        this.origin = "http://127.0.0.1:" + app.port();
    }

    /** Bearer tokens of the table above; anything else is the public. */
    private static final class Tokens implements Authenticator {
        @Override
        public Optional<Principal> principal(Context ctx) {
            String header = ctx.header("Authorization");
            if (header == null || !header.startsWith("Bearer ")) {
                return Optional.empty();
            }
            return Optional.ofNullable(TOKENS.get(header.substring("Bearer ".length()).strip()));
        }

        @Override
        public Principal requireWriter(Context ctx) {
            return principal(ctx).orElseThrow(() -> StoreError.of(StoreError.Kind.UNAUTHORIZED, "sign in to write"));
        }
    }

    record Reply(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String etag() {
            return header("ETag");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** @param headers name, value, name, value … */
    Reply send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                request.header(headers[i], headers[i + 1]);
            }
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Reply get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    static String actualPath(String indicator, int year) {
        return "/api/indicators/" + indicator + "/actuals/" + year;
    }

    /** PUT {value, source} as the token's user; ifMatch / ifNoneMatch null for none. */
    Reply put(String indicator, int year, String token, Object body, String ifMatch, String ifNoneMatch) {
        String text;
        try {
            text = body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return send("PUT", actualPath(indicator, year), text, "Content-Type", "application/json",
                "Authorization", token == null ? null : "Bearer " + token, "If-Match", ifMatch, "If-None-Match", ifNoneMatch);
    }

    Reply delete(String indicator, int year, String token, String ifMatch) {
        return send("DELETE", actualPath(indicator, year), null, "Authorization", token == null ? null : "Bearer " + token,
                "If-Match", ifMatch);
    }

    @Override
    public void close() {
        app.stop();
        actuals.close();
        features.close();
    }
}
