package org.linfenatlas;

import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.util.Map;
import org.linfenatlas.config.Config;
import org.linfenatlas.config.ConfigException;
import org.linfenatlas.store.FeatureStore;
import org.linfenatlas.store.GeoPackageRepository;
import org.linfenatlas.store.GisDataSeed;
import org.linfenatlas.store.LayerCopy;
import org.linfenatlas.store.LayerRepository;
import org.linfenatlas.store.StoreException;
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
                case "import" -> importGpkg(config);
                case "export" -> exportGpkg(config);
                default -> throw new ConfigException("unknown command '" + config.command() + "' (see --help)");
            }
        } catch (ConfigException e) {
            System.err.println("linfen-atlas: " + e.getMessage());
            System.exit(2);
        } catch (IOException | StoreException e) {
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
        FeatureStore store = Stores.readPath(repository, config);
        long indexed = System.nanoTime();
        Javalin app = AtlasServer.create(store, BaseLayers.pageConfig(config.basemaps(), config.tiandituKey()));
        try {
            app.start(config.host(), config.port());
        } catch (JavalinBindException e) {
            store.close();
            throw new ConfigException("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage());
        }
        LOG.info("start-up: store opened in {} ms, indexed in {} ms, HTTP up in {} ms", (opened - started) / 1_000_000,
                (indexed - opened) / 1_000_000, (System.nanoTime() - indexed) / 1_000_000);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            store.close();
        }, "shutdown"));
        LOG.info("Linfen Atlas serving {} on http://localhost:{}/ (ready in {} ms)", repository.describe(), app.port(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** import --from-gpkg FILE --db URL: the database's layers become the file's, in one transaction. */
    static void importGpkg(Config config) throws IOException {
        try (LayerRepository from = Stores.openExistingGpkg(config.fromGpkg(), "--from-gpkg");
             LayerRepository to = Stores.openDatabase(config)) {
            report("imported", LayerCopy.copy(from, to), from, to);
        }
    }

    /** export --db URL --to-gpkg FILE: the file's layers (created if missing) become the database's, in one transaction. */
    static void exportGpkg(Config config) throws IOException {
        if (config.toGpkg() == null) {
            throw new ConfigException("--to-gpkg FILE is required");
        }
        try (LayerRepository from = Stores.openDatabase(config);
             LayerRepository to = GeoPackageRepository.openFile(config.toGpkg())) {
            report("exported", LayerCopy.copy(from, to), from, to);
        }
    }

    private static void report(String verb, Map<String, Integer> counts, LayerRepository from, LayerRepository to) {
        System.out.println(verb + " " + counts + " from " + from.describe() + " to " + to.describe());
    }
}
