package org.linfenatlas.api;

import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers a GET or HEAD whose response is already in the {@link ResponseCache} straight from
 * Jetty, before Javalin's servlet pipeline: same bytes, same headers, at a fraction of the cost
 * (the static layers are most of the traffic). Anything else, and every cache miss, goes on to
 * Javalin, whose routes fill the cache under the same key.
 */
public final class CachedResponseHandler extends Handler.Wrapper {
    private final ResponseCache cache;
    private final Supplier<String> revision;

    public CachedResponseHandler(ResponseCache cache, Supplier<String> revision) {
        this.cache = cache;
        this.revision = revision;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        HttpURI uri = request.getHttpURI();
        boolean head = method.equals("HEAD");
        if (!(head || method.equals("GET")) || !uri.getPath().startsWith(OgcApi.PREFIX)) {
            return super.handle(request, response, callback);
        }
        HttpFields headers = request.getHeaders();
        String baseUrl = Http.baseUrl(headers.get("X-Forwarded-Proto"), headers.get("X-Forwarded-Host"),
                uri.getScheme(), headers.get(HttpHeader.HOST));
        EncodedResponse cached = cache.peek(Http.cacheKey(revision.get(), baseUrl, uri.getPath(), uri.getQuery()));
        if (cached == null) {
            return super.handle(request, response, callback);
        }
        Reply reply = Reply.of(cached, headers.get(HttpHeader.IF_NONE_MATCH), headers.get(HttpHeader.ACCEPT_ENCODING));
        response.setStatus(reply.status());
        HttpFields.Mutable out = response.getHeaders();
        Http.CORS.forEach(h -> out.add(h.getKey(), h.getValue())); // add: nothing has set a header yet, no need to search
        for (Map.Entry<String, String> h : reply.headers()) {
            out.add(h.getKey(), h.getValue());
        }
        if (reply.body() == null) {
            response.write(true, null, callback);
        } else {
            out.put(HttpHeader.CONTENT_LENGTH, reply.body().length);
            response.write(true, head ? null : cached.direct(reply.gzipped()), callback);
        }
        return true;
    }
}
