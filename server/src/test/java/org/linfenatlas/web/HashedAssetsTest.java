package org.linfenatlas.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linfenatlas.testdata.RawHttp.send;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page names its files under a content-hashed prefix, cached for good, and preloads main.js's static imports. */
class HashedAssetsTest {
    private static final String INDEX = """
            <!doctype html>
            <html><head>
              <link rel="icon" href="img/icon.svg">
              <link rel="stylesheet" href="webjars/lib/1.0/lib.css">
              <link rel="stylesheet" href="css/page.css">
            </head>
            <body><a href="#map">skip</a><a href="missing.html">x</a>
              <script src="webjars/lib/1.0/lib.js"></script>
              <script type="module" src="js/main.js"></script>
            </body></html>
            """;
    private static final Map<String, String> WEB = Map.of(
            "index.html", INDEX,
            "img/icon.svg", "<svg/>",
            "css/page.css", "body { color: red }",
            "js/main.js", "import { a } from './app.js';\nimport './panels/panel.js';\nconst lazy = () => import('./lazy.js');\n",
            "js/app.js", "import {\n  b,\n  c\n} from './util.js';\nexport { d } from \"../vendor/lib.js\";\nexport const a = 1;\n",
            "js/util.js", "// import nothing from './not-a-module.js'\nexport const b = 2, c = 3;\n",
            "js/panels/panel.js", "import { a } from '../app.js';\n",
            "js/lazy.js", "export const lazy = 1;\n",
            "vendor/lib.js", "export const d = 4;\n",
            ".env", "SECRET=1");
    private static final PageHeaders PAGE_HEADERS = PageHeaders.offline();
    private static final Pattern HASH = Pattern.compile("assets/([0-9a-f]{20})/js/main\\.js");
    private static final Pattern PRELOAD = Pattern.compile("<link rel=\"modulepreload\" href=\"([^\"]+)\">");

    @TempDir
    Path tmp;

    private URLClassLoader classPath(Map<String, String> web, String name) throws IOException {
        Path dir = tmp.resolve(name + "/web");
        for (Map.Entry<String, String> f : web.entrySet()) {
            Files.createDirectories(dir.resolve(f.getKey()).getParent());
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        Path jar = tmp.resolve(name + "-webjars.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String file : List.of("lib.js", "lib.css")) {
                out.putNextEntry(new JarEntry("META-INF/resources/webjars/lib/1.0/" + file));
                out.write(("/* " + file + " */").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return new URLClassLoader(new URL[] {tmp.resolve(name).toUri().toURL(), jar.toUri().toURL()}, null);
    }

    private void withServer(BiConsumer<String, String> test) {
        try (URLClassLoader loader = classPath(WEB, "one")) {
            Javalin app = Javalin.create(config -> config.jetty.modifyServer(s -> s.insertHandler(new WebFiles(loader, PAGE_HEADERS))));
            JavalinTest.test(app, (server, client) -> {
                String page = new String(send(client.getOrigin(), "GET", "/").body(), StandardCharsets.UTF_8);
                Matcher m = HASH.matcher(page);
                assertTrue(m.find(), page);
                test.accept(client.getOrigin(), m.group(1));
            });
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static String page(String origin) {
        return new String(send(origin, "GET", "/").body(), StandardCharsets.UTF_8);
    }

    @Test
    void thePageNamesItsFilesAndWebjarsUnderTheHashedPrefixAndLeavesOtherLinks() {
        withServer((origin, hash) -> {
            String page = page(origin);
            String prefix = "assets/" + hash + "/";
            for (String name : List.of("img/icon.svg", "webjars/lib/1.0/lib.css", "css/page.css", "webjars/lib/1.0/lib.js",
                    "js/main.js")) {
                assertTrue(page.contains("\"" + prefix + name + "\""), name + " in " + page);
            }
            assertTrue(page.contains("href=\"#map\""), page);
            assertTrue(page.contains("href=\"missing.html\""), page);
        });
    }

    @Test
    void hashedFilesAreTheFilesCachedForAYear() {
        withServer((origin, hash) -> {
            for (String name : List.of("js/main.js", "css/page.css", "vendor/lib.js", "webjars/lib/1.0/lib.js")) {
                HttpResponse<byte[]> hashed = send(origin, "GET", "/assets/" + hash + "/" + name);
                assertEquals(200, hashed.statusCode(), name);
                assertEquals("public, max-age=31536000, immutable", header(hashed, "Cache-Control"), name);
                assertArrayEquals(send(origin, "GET", "/" + name).body(), hashed.body(), name);
                assertEquals(PAGE_HEADERS.contentSecurityPolicy(), header(hashed, "Content-Security-Policy"), name);
            }
        });
    }

    @Test
    void unhashedPathsKeepAShortCache() {
        withServer((origin, hash) ->
                assertEquals("public, max-age=300", header(send(origin, "GET", "/js/main.js"), "Cache-Control")));
    }

    @Test
    void anotherHashIsNotFound() {
        withServer((origin, hash) -> {
            String other = hash.equals("00000000000000000000") ? "11111111111111111111" : "00000000000000000000";
            assertEquals(404, send(origin, "GET", "/assets/" + other + "/js/main.js").statusCode());
            assertEquals(404, send(origin, "GET", "/assets/js/main.js").statusCode());
            assertEquals(404, send(origin, "GET", "/assets/" + hash + "/js/missing.js").statusCode());
        });
    }

    @Test
    void noPathOutOfTheWebFilesIsServedUnderThePrefix() {
        withServer((origin, hash) -> {
            for (String path : List.of("/.env", "/../web/.env", "/%2e%2e/web/.env", "/js/..%2f.env", "/index.html")) {
                HttpResponse<byte[]> response = send(origin, "GET", "/assets/" + hash + path);
                assertNotEquals(200, response.statusCode(), path);
                assertTrue(response.statusCode() == 404 || response.statusCode() == 400, path + ": " + response.statusCode());
            }
        });
    }

    @Test
    void thePageIsRevalidatedByItsEtag() {
        withServer((origin, hash) -> {
            HttpResponse<byte[]> first = send(origin, "GET", "/");
            assertEquals("no-cache", header(first, "Cache-Control"));
            HttpResponse<byte[]> again = send(origin, "GET", "/", "If-None-Match", header(first, "ETag"));
            assertEquals(304, again.statusCode());
            assertEquals(0, again.body().length);
            assertEquals("no-cache", header(send(origin, "GET", "/index.html"), "Cache-Control"));
        });
    }

    @Test
    void thePagePreloadsEveryModuleMainImportsStaticallyAndEachIsServed() {
        withServer((origin, hash) -> {
            List<String> preloaded = new ArrayList<>();
            Matcher m = PRELOAD.matcher(page(origin));
            while (m.find()) {
                preloaded.add(m.group(1));
            }
            String prefix = "assets/" + hash + "/";
            assertEquals(List.of(prefix + "js/app.js", prefix + "js/panels/panel.js", prefix + "js/util.js",
                    prefix + "vendor/lib.js"), preloaded.stream().sorted().toList());
            for (String url : preloaded) {
                assertEquals(200, send(origin, "GET", "/" + url).statusCode(), url);
            }
        });
    }

    @Test
    void aBuildsBundleIsTheModuleThePageLoadsWithItsMinifiedChunksPreloaded() throws IOException {
        Map<String, String> bundled = new java.util.HashMap<>(WEB);
        bundled.put("bundle/main.js", "import{a as b}from\"./chunk-A1.js\";import\"./chunk-B2.js\";const l=()=>import(\"./chunk-L3.js\");b();\n"
                + "//# sourceMappingURL=main.js.map\n");
        bundled.put("bundle/chunk-A1.js", "import{c}from\"./chunk-B2.js\";var a=()=>c;export{a};\n");
        bundled.put("bundle/chunk-B2.js", "var c=1;export{c};\n");
        bundled.put("bundle/chunk-L3.js", "export const lazy=1;\n");
        try (URLClassLoader loader = classPath(bundled, "bundled")) {
            Assets assets = Assets.scan(loader, name -> true);
            String page = new String(assets.page(), StandardCharsets.UTF_8);
            String prefix = "assets/" + assets.hash() + "/";
            assertTrue(page.contains("<script type=\"module\" src=\"" + prefix + "bundle/main.js\">"), page);
            assertFalse(page.contains("js/main.js"), page);
            assertEquals(List.of("bundle/chunk-A1.js", "bundle/chunk-B2.js"), assets.preloads().stream().sorted().toList());
        }
    }

    @Test
    void theHashChangesWithAnyFileButThePage() throws IOException {
        Map<String, String> changedScript = new java.util.HashMap<>(WEB);
        changedScript.put("js/util.js", "export const b = 5, c = 3;\n");
        Map<String, String> changedPage = new java.util.HashMap<>(WEB);
        changedPage.put("index.html", INDEX.replace("skip", "skip to the map"));
        try (URLClassLoader one = classPath(WEB, "one"); URLClassLoader two = classPath(changedScript, "two");
             URLClassLoader three = classPath(changedPage, "three")) {
            String hash = Assets.scan(one, name -> true).hash();
            assertNotEquals(hash, Assets.scan(two, name -> true).hash());
            assertEquals(hash, Assets.scan(three, name -> true).hash());
        }
    }
}
