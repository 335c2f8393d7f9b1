package org.linfenatlas.api;

import io.javalin.http.servlet.JavalinServletContextKt;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the API's two hot requests straight from Jetty, before Javalin's servlet pipeline, with
 * the bytes and headers the Javalin route would send, at a fraction of the cost: a GET or HEAD whose
 * response is already in the {@link ResponseCache} (the static layers are most of the traffic), and
 * a valid bbox or search page of a collection (the map's panning and typing). Anything else goes on to
 * Javalin: other paths, cache misses (the routes fill the cache under the same key), and every request
 * the page cannot answer (unknown collection, invalid parameters, a failing store), for which Javalin
 * writes the error.
 */
public final class FastPathHandler extends Handler.Wrapper {
    private static final String COLLECTIONS = OgcApi.PREFIX + "/collections/";
    private static final String ITEMS = "/items";
    /** Collection ids as the layer specs spell them; anything else (percent-encoded, say) is Javalin's to decode. */
    private static final Pattern COLLECTION_ID = Pattern.compile("[a-z][a-z0-9_-]*");

    private final ResponseCache cache;
    private final OgcApi api;
    private final PublicUrl publicUrl;

    /** @param publicUrl makes the base URL of links as the routes make it ({@link Http#baseUrl}) */
    public FastPathHandler(ResponseCache cache, OgcApi api, PublicUrl publicUrl) {
        this.cache = cache;
        this.api = api;
        this.publicUrl = publicUrl;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        HttpURI uri = request.getHttpURI();
        boolean head = method.equals("HEAD");
        String path = uri.getPath();
        if (!(head || method.equals("GET")) || !path.startsWith(OgcApi.PREFIX)) {
            return super.handle(request, response, callback);
        }
        HttpFields headers = request.getHeaders();
        String baseUrl = publicUrl.baseUrl(headers.get("X-Forwarded-Proto"), headers.get("X-Forwarded-Host"),
                uri.getScheme(), headers.get(HttpHeader.HOST));
        EncodedResponse cached = cache.peek(Http.cacheKey(api.revisionFor(path), baseUrl, path, uri.getQuery()));
        if (cached != null) {
            Reply.of(cached, headers.get(HttpHeader.IF_NONE_MATCH), headers.get(HttpHeader.ACCEPT_ENCODING))
                    .send(head, response, callback, cached::direct);
            return true;
        }
        EncodedResponse page = uniquePage(baseUrl, path, uri.getQuery(), headers);
        if (page != null) {
            Reply reply = Reply.of(page, headers.get(HttpHeader.IF_NONE_MATCH), headers.get(HttpHeader.ACCEPT_ENCODING));
            reply.send(head, response, callback, gzip -> ByteBuffer.wrap(reply.body()));
            return true;
        }
        return super.handle(request, response, callback);
    }

    /**
     * The bbox or search page of /api/collections/{id}/items, or null for Javalin to answer. The
     * query is split by Javalin's own function, as the route's {@code ctx.queryParamMap()} splits it;
     * a request with a Content-Type (whose charset Javalin would decode by) is left to Javalin.
     */
    private EncodedResponse uniquePage(String baseUrl, String path, String query, HttpFields headers) {
        if (query == null || !path.startsWith(COLLECTIONS) || !path.endsWith(ITEMS) || headers.contains(HttpHeader.CONTENT_TYPE)) {
            return null;
        }
        String collection = path.substring(COLLECTIONS.length(), path.length() - ITEMS.length());
        if (!COLLECTION_ID.matcher(collection).matches()) {
            return null;
        }
        try {
            Map<String, List<String>> params = JavalinServletContextKt.splitKeyValueStringAndGroupByKey(query, "UTF-8");
            return api.uniquePage(baseUrl + OgcApi.PREFIX, collection, params,
                    AcceptEncoding.gzip(headers.get(HttpHeader.ACCEPT_ENCODING)));
        } catch (RuntimeException e) {
            return null; // Javalin's route meets the same problem and answers it as an error (400, or 500 logged)
        }
    }
}
