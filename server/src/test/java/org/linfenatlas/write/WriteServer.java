package org.linfenatlas.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.linfenatlas.AtlasServer;
import org.linfenatlas.api.PublicUrl;
import org.linfenatlas.index.IndexedStore;
import org.linfenatlas.store.FeatureStore;
import org.linfenatlas.store.GeoPackageRepository;
import org.linfenatlas.store.GisDataSeed;
import org.linfenatlas.store.LayerRepository;
import org.linfenatlas.store.postgis.PostGisFeatureStore;
import org.linfenatlas.store.postgis.PostGisRepository;
import org.linfenatlas.store.postgis.TestDatabase;
import org.linfenatlas.testdata.TestLayers;

/**
 * The real server (all routes, {@link TestAuthenticator}) over one store seeded with gis-data, started on a
 * free port, and a client that sends requests as a client sends them (java.net.http).
 */
final class WriteServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ITEMS = "/api/collections/projects/items";
    static final String GEOJSON = "application/geo+json";
    static final String MERGE_PATCH = "application/merge-patch+json";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    final FeatureStore store;
    private final Javalin app;
    private final String origin;
    private final boolean ownsStore;

    private WriteServer(FeatureStore store, PublicUrl publicUrl, boolean ownsStore) {
        this.store = store;
        this.ownsStore = ownsStore;
        this.app = AtlasServer.create(store, new TestAuthenticator(), config -> { }, Map.of("baseLayers", List.of()), publicUrl);
        app.start("127.0.0.1", 0);
        this.origin = "http://127.0.0.1:" + app.port();
    }

    static WriteServer over(FeatureStore store) {
        return new WriteServer(store, PublicUrl.FROM_REQUEST, true);
    }

    /** Another server over the same store, configured with this public URL; closing it leaves the store open. */
    WriteServer alsoAt(PublicUrl publicUrl) {
        return new WriteServer(store, publicUrl, false);
    }

    /** gis-data in a GeoPackage file in {@code dir}, read by the in-memory index. */
    static FeatureStore geoPackage(Path dir) throws IOException {
        try (GeoPackageRepository writer = GeoPackageRepository.open(dir)) {
            seed(writer);
        }
        return IndexedStore.load(GeoPackageRepository.open(dir));
    }

    /** gis-data in a freshly migrated PostGIS schema, read by the in-memory index. */
    static FeatureStore postGisIndexed() throws IOException {
        try (PostGisRepository writer = TestDatabase.freshRepository()) {
            seed(writer);
        }
        return IndexedStore.load(PostGisRepository.open(TestDatabase.url()));
    }

    /** gis-data in a freshly migrated PostGIS schema, every request answered by SQL. */
    static FeatureStore postGisSql() throws IOException {
        PostGisRepository repository = TestDatabase.freshRepository();
        seed(repository);
        return PostGisFeatureStore.over(repository);
    }

    private static void seed(LayerRepository repository) throws IOException {
        new GisDataSeed(TestLayers.gisDataDir()).loadInto(repository);
    }

    @Override
    public void close() {
        app.stop();
        if (ownsStore) {
            store.close();
        }
    }

    /** One answer: status, headers and the body as text. */
    record Reply(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body);
            }
        }

        String etag() {
            return headers.firstValue("ETag").orElse(null);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Reply get(String path, String token) {
        return send("GET", path, token, null, null, null);
    }

    Reply get(String path) {
        return get(path, null);
    }

    /**
     * @param token       bearer token of {@link TestAuthenticator}, null for none
     * @param contentType null for none (then no body is sent)
     * @param ifMatch     null for no If-Match
     */
    Reply send(String method, String path, String token, String contentType, String body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
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

    Reply post(String token, Object body) {
        return send("POST", ITEMS, token, GEOJSON, text(body), null);
    }

    Reply patch(String id, String token, String ifMatch, Object patch) {
        return send("PATCH", item(id), token, MERGE_PATCH, text(patch), ifMatch);
    }

    Reply put(String id, String token, String ifMatch, Object body) {
        return send("PUT", item(id), token, GEOJSON, text(body), ifMatch);
    }

    Reply delete(String id, String token, String ifMatch) {
        return send("DELETE", item(id), token, null, null, ifMatch);
    }

    Reply history(String id, String token) {
        return get(item(id) + "/history", token);
    }

    static String item(String id) {
        return ITEMS + "/" + encode(id);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String text(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
