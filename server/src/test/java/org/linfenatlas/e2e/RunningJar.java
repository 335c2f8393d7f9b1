package org.linfenatlas.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged server jar ({@code atlas.jar}, set by failsafe) running in its own process on a free
 * port, as a user would start it, with a small client so tests derive expectations from the served
 * data. {@code -Datlas.args="--gis-data DIR"} passes extra arguments to the jar.
 */
public final class RunningJar implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path log;
    private final Path ownDataDir;
    private final String origin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningJar(Process process, Path log, Path ownDataDir, int port) {
        this.process = process;
        this.log = log;
        this.ownDataDir = ownDataDir;
        this.origin = "http://127.0.0.1:" + port;
    }

    public static Path jar() {
        String path = System.getProperty("atlas.jar");
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("the server jar (" + path + ") is missing: run through `mvn verify`, which packages it first");
        }
        return Path.of(path);
    }

    /**
     * The java command that starts a jar as the launcher scripts do (scripts/lib/java-launch.sh): the parallel
     * collector, and the build's class-data-sharing archive next to it when there is one, skipped silently when it
     * does not fit the jar or JVM.
     */
    public static List<String> javaFor(Path jar) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC"));
        Path archive = jar.resolveSibling("linfen-atlas.jsa");
        if (Files.isRegularFile(archive)) {
            command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        }
        return command;
    }

    /** On a new temporary data dir, deleted again by {@link #close()}; its log is target/e2e-NAME.log. */
    public static RunningJar startFresh(String name) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("atlas-e2e-");
        return start(dataDir, jar().resolveSibling("e2e-" + name + ".log"), dataDir, Duration.ofSeconds(90));
    }

    /** On a data dir the test owns. */
    public static RunningJar start(Path dataDir, String... extraArgs) throws IOException, InterruptedException {
        return start(dataDir, Files.createTempFile("linfen-atlas-", ".log"), null, Duration.ofSeconds(90), extraArgs);
    }

    /** On a data dir the test owns, waiting up to {@code patience} for it to serve (seeding a big data set takes a while). */
    public static RunningJar start(Duration patience, Path dataDir, String... extraArgs) throws IOException, InterruptedException {
        return start(dataDir, Files.createTempFile("linfen-atlas-", ".log"), null, patience, extraArgs);
    }

    private static RunningJar start(Path dataDir, Path log, Path ownDataDir, Duration patience, String... extraArgs)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(javaFor(jar()));
        command.addAll(List.of("-jar", jar().toString(), "--port", Integer.toString(port), "--host", "127.0.0.1",
                "--data-dir", dataDir.toString()));
        command.addAll(List.of(extraArgs));
        String extra = System.getProperty("atlas.args", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RunningJar jar = new RunningJar(process, log, ownDataDir, port);
        jar.awaitHealthy(patience);
        return jar;
    }

    public String origin() {
        return origin;
    }

    public String url(String path) {
        return origin + path;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(origin + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET as JSON; anything but 200 fails the test. */
    public JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(origin + path))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** numberMatched of a projects query such as "category=energy". */
    public int projectsMatching(String query) throws IOException, InterruptedException {
        return json("/api/collections/projects/items?limit=1&" + query).path("numberMatched").asInt(-1);
    }

    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGKILL, as a crash or the OOM killer would end it: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /**
     * Runs a command of the jar (users, tokens, …) on a data dir, with {@code stdin} as its standard input;
     * returns its standard output, failing the test when it exits with an error.
     */
    public static String command(Path dataDir, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(javaFor(jar()));
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--data-dir", dataDir.toString()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new AssertionError(String.join(" ", args) + " exited with " + process.exitValue() + ": " + out);
        }
        return out;
    }

    /** Sends SIGTERM and waits; returns the exit code, -1 if it had to be killed. */
    public int stop(Duration patience) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            return -1;
        }
        return process.exitValue();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(10));
        }
        if (ownDataDir != null) {
            try (Stream<Path> files = Files.walk(ownDataDir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (get("/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("server not healthy within " + timeout + ":\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
