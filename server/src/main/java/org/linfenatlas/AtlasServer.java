package org.linfenatlas;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import io.javalin.config.JavalinConfig;
import org.linfenatlas.api.AllowedMethods;
import org.linfenatlas.api.ApiException;
import org.linfenatlas.api.WriteApi;
import org.linfenatlas.auth.Authenticator;
import org.linfenatlas.api.Errors;
import org.linfenatlas.api.FastPathHandler;
import org.linfenatlas.api.CirclesApi;
import org.linfenatlas.api.IndicatorsApi;
import org.linfenatlas.indicators.ActualsStore;
import org.linfenatlas.indicators.IndicatorCatalogue;
import org.linfenatlas.api.Http;
import org.linfenatlas.api.OgcApi;
import org.linfenatlas.api.PublicUrl;
import org.linfenatlas.api.RequestLog;
import org.linfenatlas.api.ResponseCache;
import org.linfenatlas.api.VersionTimes;
import org.linfenatlas.store.FeatureStore;
import org.linfenatlas.store.StoreError;
import org.linfenatlas.web.PageHeaders;
import org.linfenatlas.web.WebFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Assembles the HTTP server: the OGC API, the map page and its assets, errors, CORS, logging. */
public final class AtlasServer {
    private static final Logger LOG = LoggerFactory.getLogger(AtlasServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private AtlasServer() {
    }

    /** The public, read-only server (handler tests): every write is refused with 401. */
    public static Javalin create(FeatureStore store, Map<String, Object> pageConfig) {
        return create(store, Authenticator.NOBODY, config -> { }, pageConfig);
    }

    /**
     * @param auth       who sends each request (sessions and API tokens)
     * @param authRoutes registers sign-in, sign-out and who-am-I
     * @param pageConfig what /config.json tells the page (its optional online base layers)
     */
    public static Javalin create(FeatureStore store, Authenticator auth, java.util.function.Consumer<JavalinConfig> authRoutes,
                                 Map<String, Object> pageConfig) {
        return create(store, Indicators.readOnly(), auth, authRoutes, pageConfig, PublicUrl.FROM_REQUEST);
    }

    /** @param publicUrl the base URL of links (fixed, or from the request) and whether forwarded headers are trusted */
    public static Javalin create(FeatureStore store, Authenticator auth, java.util.function.Consumer<JavalinConfig> authRoutes,
                                 Map<String, Object> pageConfig, PublicUrl publicUrl) {
        return create(store, Indicators.readOnly(), auth, authRoutes, pageConfig, publicUrl);
    }

    /** The plan's indicators (reference data from gis-data) and the store of their actual values. */
    public record Indicators(IndicatorCatalogue catalogue, ActualsStore actuals) {
        /** The bundled catalogue with no value recorded and none recordable (a store that is not there). */
        public static Indicators readOnly() {
            return new Indicators(IndicatorCatalogue.bundled(), ActualsStore.NONE);
        }
    }

    public static Javalin create(FeatureStore store, Indicators indicators, Authenticator auth,
                                 java.util.function.Consumer<JavalinConfig> authRoutes, Map<String, Object> pageConfig) {
        return create(store, indicators, auth, authRoutes, pageConfig, PublicUrl.FROM_REQUEST);
    }

    /** The server `serve` runs: with the indicators' catalogue and actual values, and the configured public URL. */
    public static Javalin create(FeatureStore store, Indicators indicators, Authenticator auth,
                                 java.util.function.Consumer<JavalinConfig> authRoutes, Map<String, Object> pageConfig,
                                 PublicUrl publicUrl) {
        ResponseCache cache = new ResponseCache(64L << 20, 16L << 20);
        PageHeaders pageHeaders = PageHeaders.forPageConfig(pageConfig); // its tile servers' origins may serve images
        VersionTimes versionTimes = new VersionTimes(java.time.Clock.systemUTC()); // the items' timeStamp
        OgcApi api = new OgcApi(store, cache, pageHeaders.headers(), versionTimes);
        WriteApi writes = new WriteApi(store, auth, versionTimes);
        IndicatorsApi indicatorsApi = new IndicatorsApi(indicators.catalogue(), indicators.actuals(), auth, cache);
        byte[] pageConfigJson = toJson(pageConfig);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.appData(PublicUrl.KEY, publicUrl);
            config.http.maxRequestSize = 1L << 20; // the write path's limit on a feature body (1 MB)
            config.router.ignoreTrailingSlashes = true;
            config.http.prefer405over404 = true;
            // a CQL2 filter may be 100,000 characters, more once percent-encoded: request lines up to 256 KB (Jetty: 8 KB)
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(256 * 1024));
            config.jetty.modifyServer(server -> {
                server.insertHandler(new WebFiles(AtlasServer.class.getClassLoader(), pageHeaders));
                server.insertHandler(new FastPathHandler(cache, api, publicUrl));
                if (RequestLog.enabled()) {
                    server.setRequestLog(RequestLog.toStandardError());
                }
            });
            config.routes.before(ctx -> {
                Http.CORS.forEach(h -> ctx.header(h.getKey(), h.getValue()));
                if (ctx.method() == HandlerType.OPTIONS) { // what the path allows (RFC 9110 §9.3.7), and the CORS preflight's answer
                    String allowed = AllowedMethods.of(ctx.path());
                    ctx.header("Allow", allowed);
                    ctx.header("Access-Control-Allow-Methods", allowed);
                    ctx.header("Access-Control-Allow-Headers",
                            "Accept, Accept-Encoding, If-None-Match, If-Match, Content-Type, Authorization");
                    ctx.header("Access-Control-Max-Age", "86400");
                    ctx.status(204);
                    ctx.skipRemainingHandlers();
                }
            });

            config.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok", "revision", store.revision())));
            config.routes.get("/config.json", ctx -> ctx.contentType("application/json").result(pageConfigJson));
            api.register(config);
            writes.register(config);
            indicatorsApi.register(config);
            new CirclesApi(org.linfenatlas.circles.CirclesData.bundled(), cache).register(config);
            authRoutes.accept(config);
            config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.getMessage(), e.details()));
            config.routes.exception(StoreError.class, (e, ctx) -> Errors.send(ctx, e));
            config.routes.exception(HttpResponseException.class, (e, ctx) ->
                    error(ctx, e.getStatus(), e.getStatus() == 404 ? "NotFound" : "HttpError", e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "ServerError", "internal error; the server log has the details");
            });
            config.routes.error(405, "*", ctx -> { // from the router (no route for the method) or a route (a read-only collection)
                String allowed = AllowedMethods.of(ctx.path());
                ctx.header("Allow", allowed);
                error(ctx, 405, "MethodNotAllowed", ctx.method() + " is not allowed on " + ctx.path() + " (allowed: " + allowed + ")");
            });
            config.routes.error(404, "*", ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    error(ctx, 404, "NotFound", "no such resource: " + ctx.path());
                }
            });
        });
    }

    private static void error(Context ctx, int status, String code, String description) {
        error(ctx, status, code, description, null);
    }

    private static void error(Context ctx, int status, String code, String description, Map<String, Object> details) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("code", code);
        body.put("description", description);
        if (details != null) {
            body.put("details", details);
        }
        ctx.status(status).contentType("application/json").result(toJson(body));
    }

    private static byte[] toJson(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
