package org.linfenatlas.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.linfenatlas.AtlasServer;
import org.linfenatlas.testdata.RawHttp;

/** Runs requests against the real routes over a {@link FakeStore}. */
abstract class ApiTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();
    final FakeStore store = new FakeStore();
    /** How the server under test makes its links (set before withServer): by default from each request. */
    PublicUrl publicUrl = PublicUrl.FROM_REQUEST;

    interface Client {
        Response get(String path);

        Response get(String path, String header, String value);

        String origin();
    }

    void withServer(BiConsumer<FakeStore, Client> test) {
        withServer(Map.of("baseLayers", java.util.List.of()), test);
    }

    /** @param pageConfig what /config.json tells the page (its online base layers) */
    void withServer(Map<String, Object> pageConfig, BiConsumer<FakeStore, Client> test) {
        JavalinTest.test(AtlasServer.create(store, org.linfenatlas.auth.Authenticator.NOBODY, config -> { }, pageConfig, publicUrl),
                (server, client) ->
                test.accept(store, new Client() {
                    public Response get(String path) {
                        return client.get(path);
                    }

                    public Response get(String path, String header, String value) {
                        return client.get(path, req -> req.header(header, value));
                    }

                    public String origin() {
                        return client.getOrigin();
                    }
                }));
    }

    static JsonNode json(Response response) {
        try {
            return JSON.readTree(response.body().string());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + e.getMessage());
        }
    }

    /** A 400 with an OGC-style JSON body whose description mentions the given text. */
    static void assertBadRequest(Response response, String mentioned) {
        org.junit.jupiter.api.Assertions.assertEquals(400, response.code(), () -> response.body().string());
        JsonNode body = json(response);
        org.junit.jupiter.api.Assertions.assertEquals("InvalidParameterValue", body.path("code").asText());
        org.junit.jupiter.api.Assertions.assertTrue(body.path("description").asText().contains(mentioned),
                () -> "description should mention '" + mentioned + "': " + body);
    }

    /** Any method with any headers (name, value, name, value...), the body as bytes as it came (gzip stays gzip). */
    static HttpResponse<byte[]> send(Client client, String method, String path, String... header) {
        return RawHttp.send(client.origin(), method, path, header);
    }

    /** The headers but Date, which two answers in different seconds may differ by. */
    static Map<String, List<String>> withoutDate(HttpResponse<?> response) {
        Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
        headers.remove("date");
        return headers;
    }
}
