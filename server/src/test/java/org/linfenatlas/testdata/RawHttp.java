package org.linfenatlas.testdata;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Requests as a client sends them, answers as they come: any method, any headers, gzip bodies left gzipped. */
public final class RawHttp {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RawHttp() {
    }

    /** @param header name, value, name, value... */
    public static HttpResponse<byte[]> send(String origin, String method, String path, String... header) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            for (int i = 0; i < header.length; i += 2) {
                request.header(header[i], header[i + 1]);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
