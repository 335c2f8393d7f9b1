package org.linfenatlas.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linfenatlas.testdata.RawHttp.send;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page's files over a class path of one directory (web/) and one jar (the webjars), as the fat jar has them. */
class WebFilesTest {
    private static final String INDEX = "<!doctype html><title>临汾</title>" + "<p>规划</p>".repeat(200);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3, 4};
    private static final String LIB_JS = "export const leaflet = 1;\n".repeat(100);
    private static final PageHeaders PAGE_HEADERS = PageHeaders.forPageConfig(BaseLayers.pageConfig(java.util.List.of("osm"), null));

    @TempDir
    Path tmp;

    private Path webDir;

    private void withFiles(BiConsumer<String, Path> test) {
        try {
            webDir = tmp.resolve("classes/web");
            Files.createDirectories(webDir.resolve("js/empty-dir"));
            Files.writeString(webDir.resolve("index.html"), INDEX);
            Files.writeString(webDir.resolve("js/app.js"), "import './map.js';");
            Files.writeString(webDir.resolve(".env"), "SECRET=1");
            Files.createDirectories(webDir.resolve("api"));
            Files.writeString(webDir.resolve("api/shadow.json"), "{}");
            Path jar = tmp.resolve("webjars.jar");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                out.putNextEntry(new JarEntry("META-INF/resources/webjars/lib/1.0/"));
                put(out, "META-INF/resources/webjars/lib/1.0/lib.js", LIB_JS.getBytes(StandardCharsets.UTF_8));
                put(out, "META-INF/resources/webjars/lib/1.0/images/icon.png", PNG);
            }
            URLClassLoader loader = new URLClassLoader(new URL[] {
                    tmp.resolve("classes").toUri().toURL(), jar.toUri().toURL()}, null);
            Javalin app = Javalin.create(config -> config.jetty.modifyServer(s -> s.insertHandler(new WebFiles(loader, PAGE_HEADERS))));
            JavalinTest.test(app, (server, client) -> test.accept(client.getOrigin(), webDir));
            loader.close();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    @Test
    void rootServesIndexHtmlAsUtf8() {
        withFiles((origin, dir) -> {
            HttpResponse<byte[]> response = send(origin, "GET", "/");
            assertEquals(200, response.statusCode());
            assertEquals("text/html;charset=utf-8", header(response, "Content-Type"));
            assertEquals(INDEX, new String(response.body(), StandardCharsets.UTF_8));
            assertEquals(INDEX, new String(send(origin, "GET", "/index.html").body(), StandardCharsets.UTF_8));
        });
    }

    @Test
    void textIsGzippedWhenTheClientAcceptsIt() throws Exception {
        withFiles((origin, dir) -> {
            HttpResponse<byte[]> response = send(origin, "GET", "/", "Accept-Encoding", "gzip");
            assertEquals("gzip", header(response, "Content-Encoding"));
            assertEquals("Accept-Encoding", header(response, "Vary"));
            assertTrue(response.body().length < INDEX.getBytes(StandardCharsets.UTF_8).length / 4);
            try {
                assertEquals(INDEX, new String(gunzip(response.body()), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void webjarFilesComeFromTheJarAndNeverExpire() {
        withFiles((origin, dir) -> {
            HttpResponse<byte[]> response = send(origin, "GET", "/webjars/lib/1.0/lib.js");
            assertEquals(200, response.statusCode());
            assertEquals("text/javascript;charset=utf-8", header(response, "Content-Type"));
            assertEquals("public, max-age=31536000, immutable", header(response, "Cache-Control"));
            assertEquals(LIB_JS, new String(response.body(), StandardCharsets.UTF_8));
            assertEquals("public, max-age=300", header(send(origin, "GET", "/js/app.js"), "Cache-Control"));
        });
    }

    @Test
    void imagesAreSentAsTheyAreEvenToGzipClients() {
        withFiles((origin, dir) -> {
            HttpResponse<byte[]> response = send(origin, "GET", "/webjars/lib/1.0/images/icon.png", "Accept-Encoding", "gzip");
            assertEquals("image/png", header(response, "Content-Type"));
            assertFalse(response.headers().firstValue("Content-Encoding").isPresent());
            assertArrayEquals(PNG, response.body());
        });
    }

    @Test
    void matchingEtagGetsNotModifiedWithoutBody() {
        withFiles((origin, dir) -> {
            String etag = header(send(origin, "GET", "/js/app.js"), "ETag");
            assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag);
            HttpResponse<byte[]> response = send(origin, "GET", "/js/app.js", "If-None-Match", etag);
            assertEquals(304, response.statusCode());
            assertEquals(0, response.body().length);
            assertEquals(200, send(origin, "GET", "/js/app.js", "If-None-Match", "\"other\"").statusCode());
        });
    }

    @Test
    void headGivesTheHeadersOfGetWithoutBody() {
        withFiles((origin, dir) -> {
            HttpResponse<byte[]> get = send(origin, "GET", "/js/app.js");
            HttpResponse<byte[]> head = send(origin, "HEAD", "/js/app.js");
            assertEquals(200, head.statusCode());
            assertEquals(0, head.body().length);
            assertEquals(header(get, "ETag"), header(head, "ETag"));
            assertEquals(String.valueOf(get.body().length), header(head, "Content-Length"));
        });
    }

    @Test
    void directoriesAreNotServed() {
        withFiles((origin, dir) -> {
            assertEquals(404, send(origin, "GET", "/js").statusCode());
            assertEquals(404, send(origin, "GET", "/js/empty-dir").statusCode());
            assertEquals(404, send(origin, "GET", "/webjars/lib/1.0").statusCode());
            assertEquals(404, send(origin, "GET", "/webjars/lib/1.0/").statusCode());
        });
    }

    @Test
    void hiddenFilesAndApiPathsAreNotServed() {
        withFiles((origin, dir) -> {
            assertEquals(404, send(origin, "GET", "/.env").statusCode());
            assertEquals(404, send(origin, "GET", "/api/shadow.json").statusCode());
            assertEquals(404, send(origin, "GET", "/missing.js").statusCode());
        });
    }

    @Test
    void aFileIsReadOnceAndThenServedFromMemory() {
        withFiles((origin, dir) -> {
            HttpResponse<byte[]> first = send(origin, "GET", "/js/app.js");
            try {
                Files.writeString(dir.resolve("js/app.js"), "changed on disk");
                try (OutputStream out = Files.newOutputStream(dir.resolve("js/late.js"))) {
                    out.write("late".getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            assertArrayEquals(first.body(), send(origin, "GET", "/js/app.js").body());
            assertEquals("late", new String(send(origin, "GET", "/js/late.js").body(), StandardCharsets.UTF_8));
        });
    }

    @Test
    void everyFileIsSentWithThePageSecurityHeadersAlsoWhenNotModified() {
        withFiles((origin, dir) -> {
            String etag = header(send(origin, "GET", "/js/app.js"), "ETag");
            for (HttpResponse<byte[]> response : java.util.List.of(send(origin, "GET", "/"),
                    send(origin, "GET", "/webjars/lib/1.0/images/icon.png"), send(origin, "GET", "/js/app.js", "If-None-Match", etag))) {
                assertEquals(PAGE_HEADERS.contentSecurityPolicy(), header(response, "Content-Security-Policy"), response.uri().toString());
                assertEquals("nosniff", header(response, "X-Content-Type-Options"));
                assertEquals("same-origin", header(response, "Referrer-Policy"));
            }
        });
    }

    @Test
    void otherMethodsGoOnToTheRoutes() {
        withFiles((origin, dir) -> assertEquals(404, send(origin, "POST", "/js/app.js").statusCode()));
    }
}
