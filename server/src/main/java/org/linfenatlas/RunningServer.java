package org.linfenatlas;

import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.time.Clock;
import org.linfenatlas.api.PublicUrl;
import org.linfenatlas.auth.AuthRoutes;
import org.linfenatlas.auth.LoginThrottle;
import org.linfenatlas.auth.SessionAuthenticator;
import org.linfenatlas.auth.UserStore;
import org.linfenatlas.auth.UserStores;
import org.linfenatlas.config.Config;
import org.linfenatlas.config.ConfigException;
import org.linfenatlas.indicators.ActualsStore;
import org.linfenatlas.indicators.ActualsStores;
import org.linfenatlas.indicators.IndicatorCatalogue;
import org.linfenatlas.store.FeatureStore;
import org.linfenatlas.store.GisDataSeed;
import org.linfenatlas.store.LayerRepository;
import org.linfenatlas.web.BaseLayers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The server as `serve` and `warm-up` start it: the store a configuration names, its read path and the HTTP app. */
final class RunningServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunningServer.class);

    private final Javalin app;
    private final FeatureStore store;
    private final UserStore users;
    private final ActualsStore actuals;
    private final String description;

    private RunningServer(Javalin app, FeatureStore store, UserStore users, ActualsStore actuals, String description) {
        this.app = app;
        this.store = store;
        this.users = users;
        this.actuals = actuals;
        this.description = description;
    }

    /** Opens the store (seeding it when empty), indexes it and listens; returns once it answers requests. */
    static RunningServer start(Config config) throws IOException {
        long started = System.nanoTime();
        LayerRepository repository = Stores.open(config);
        GisDataSeed seed = new GisDataSeed(config.gisDataDir());
        if (repository.isEmpty()) {
            int n = seed.loadInto(repository);
            LOG.info("seeded {} with {} features from {}", repository.describe(), n, seed.describe());
        } else {
            java.util.List<String> filled = seed.fillEmptyReadOnlyLayers(repository);
            if (!filled.isEmpty()) {
                LOG.info("seeded the empty layers {} of {} from {}", filled, repository.describe(), seed.describe());
            }
        }
        long opened = System.nanoTime();
        FeatureStore store = Stores.readPath(repository, config);
        long indexed = System.nanoTime();
        UserStore users = UserStores.over(repository, config);
        ActualsStore actuals = ActualsStores.over(repository, config.dataDir());
        SessionAuthenticator auth = new SessionAuthenticator(users);
        PublicUrl publicUrl = PublicUrl.of(config.publicUrl(), config.trustForwardedHeaders());
        AtlasServer.Indicators indicators = new AtlasServer.Indicators(IndicatorCatalogue.load(config.gisDataDir()), actuals);
        Javalin app = AtlasServer.create(store, indicators, auth,
                routes -> AuthRoutes.register(routes, auth, new LoginThrottle(Clock.systemUTC()), config.secureCookies(), publicUrl),
                BaseLayers.pageConfig(config.basemaps(), config.tiandituKey()), publicUrl);
        try {
            app.start(config.host(), config.port());
        } catch (JavalinBindException e) {
            actuals.close();
            users.close();
            store.close();
            throw new ConfigException("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage());
        }
        LOG.info("links: {}", publicUrl);
        LOG.info("start-up: store opened in {} ms, indexed in {} ms, HTTP up in {} ms", (opened - started) / 1_000_000,
                (indexed - opened) / 1_000_000, (System.nanoTime() - indexed) / 1_000_000);
        return new RunningServer(app, store, users, actuals, repository.describe());
    }

    /** The port it listens on (the one chosen by the system for --port 0). */
    int port() {
        return app.port();
    }

    String describe() {
        return description;
    }

    @Override
    public void close() {
        app.stop();
        actuals.close();
        users.close();
        store.close();
    }
}
