package org.linfenatlas;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.Map;
import org.linfenatlas.auth.UserStore;
import org.linfenatlas.auth.UserStores;
import org.linfenatlas.auth.UsersCommand;
import org.linfenatlas.config.Config;
import org.linfenatlas.config.ConfigException;
import org.linfenatlas.store.GeoPackageRepository;
import org.linfenatlas.store.LayerCopy;
import org.linfenatlas.store.LayerRepository;
import org.linfenatlas.store.StoreError;
import org.linfenatlas.store.StoreException;
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
                case "users", "tokens" -> users(config);
                case "warm-up" -> {
                    WarmUp.run();
                    System.exit(0); // not 5 s later: Javalin.create() leaves a non-daemon thread sleeping that long
                }
                default -> throw new ConfigException("unknown command '" + config.command() + "' (see --help)");
            }
        } catch (ConfigException e) {
            System.err.println("linfen-atlas: " + e.getMessage());
            System.exit(2);
        } catch (IOException | StoreException | StoreError e) {
            System.err.println("linfen-atlas: " + e.getMessage());
            System.exit(1);
        }
    }

    static void serve(Config config) throws IOException {
        long started = System.nanoTime();
        skipJettyMBeanProbe();
        RunningServer server = RunningServer.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
        LOG.info("Linfen Atlas serving {} on http://localhost:{}/ (ready in {} ms)", server.describe(), server.port(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Jetty pads its thread pool's queue by the number of object references in a cache line, and
     * asks the platform MBean server whether references are compressed unless this property says it:
     * starting JMX for that was about 40 ms of a 1.3 s start-up. The JVM compresses references for
     * heaps under 32 GB (4 bytes, 16 in a 64-byte line). It only sizes padding: a wrong guess costs
     * a little false sharing, nothing else.
     */
    private static void skipJettyMBeanProbe() {
        String property = "org.eclipse.jetty.util.referencesPerCacheLine";
        if (System.getProperty(property) == null) {
            System.setProperty(property, Runtime.getRuntime().maxMemory() < (32L << 30) ? "16" : "8");
        }
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

    /** users ... and tokens ...: on the embedded store of --data-dir, or the PostGIS database of --db. */
    static void users(Config config) throws IOException {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
        try (UserStore store = UserStores.open(config)) {
            new UsersCommand(store, stdin, System.out).run(config.command(), config.arguments(),
                    new UsersCommand.Options(config.role(), config.counties(), config.label(), config.tokenId()));
        }
    }

    private static void report(String verb, Map<String, Integer> counts, LayerRepository from, LayerRepository to) {
        System.out.println(verb + " " + counts + " from " + from.describe() + " to " + to.describe());
    }
}
