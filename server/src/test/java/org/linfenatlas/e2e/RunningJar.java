package org.linfenatlas.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged server jar running in its own process, as a user would start it. */
public final class RunningJar implements AutoCloseable {
    private final Process process;
    private final Path log;
    public final int port;
    public final String origin;

    private RunningJar(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.origin = "http://localhost:" + port;
    }

    public static Path jar() {
        String path = System.getProperty("atlas.jar");
        if (path == null || !Files.exists(Path.of(path))) {
            throw new IllegalStateException("atlas.jar not found (" + path + "): run through mvn verify");
        }
        return Path.of(path);
    }

    public static RunningJar start(Path dataDir, String... extraArgs) throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createTempFile("linfen-atlas-", ".log");
        List<String> command = new ArrayList<>(List.of("java", "-jar", jar().toString(),
                "--port", Integer.toString(port), "--data-dir", dataDir.toString()));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RunningJar jar = new RunningJar(process, log, port);
        jar.awaitHealthy(Duration.ofSeconds(60));
        return jar;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(origin + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** Sends SIGTERM and waits; returns the exit code. */
    public int stop(Duration patience) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            return -1;
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(10));
        }
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + ":\n" + log());
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
        throw new IllegalStateException("server not healthy within " + timeout + ":\n" + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
