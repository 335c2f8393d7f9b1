package org.linfenatlas;

import io.javalin.Javalin;
import java.io.IOException;
import org.linfenatlas.config.Config;
import org.linfenatlas.config.ConfigException;
import org.linfenatlas.index.IndexedStore;
import org.linfenatlas.store.GeoPackageRepository;
import org.linfenatlas.store.GisDataSeed;
import org.linfenatlas.store.LayerRepository;
import org.linfenatlas.web.BaseLayers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        try {
            Config config = Config.parse(args, System.getenv());
            switch (config.command()) {
                case "help" -> System.out.print(Config.help());
                case "serve" -> serve(config);
                default -> throw new ConfigException("unknown command '" + config.command() + "' (see --help)");
            }
        } catch (ConfigException e) {
            System.err.println("linfen-atlas: " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("linfen-atlas: " + e.getMessage());
            System.exit(1);
        }
    }

    static void serve(Config config) throws IOException {
        long started = System.nanoTime();
        LayerRepository repository = Stores.open(config);
        if (repository.isEmpty()) {
            GisDataSeed seed = new GisDataSeed(config.gisDataDir());
            int n = seed.loadInto(repository);
            LOG.info("seeded {} with {} features from {}", repository.describe(), n, seed.describe());
        }
        long opened = System.nanoTime();
        IndexedStore store = IndexedStore.load(repository);
        long indexed = System.nanoTime();
        Javalin app = AtlasServer.create(store, BaseLayers.pageConfig(config.basemaps(), config.tiandituKey()));
        app.start(config.host(), config.port());
        LOG.info("start-up: store opened in {} ms, indexed in {} ms, HTTP up in {} ms", (opened - started) / 1_000_000,
                (indexed - opened) / 1_000_000, (System.nanoTime() - indexed) / 1_000_000);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            store.close();
        }, "shutdown"));
        LOG.info("Linfen Atlas serving {} on http://localhost:{}/ (ready in {} ms)", repository.describe(), app.port(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
