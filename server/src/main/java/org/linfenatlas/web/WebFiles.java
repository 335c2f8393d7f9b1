package org.linfenatlas.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.linfenatlas.api.EncodedResponse;
import org.linfenatlas.api.OgcApi;
import org.linfenatlas.api.Reply;

/**
 * The map page and its assets: {@code web/} and the webjars (Leaflet) on the class path. A file is read
 * on its first request and kept encoded (its gzip form and a strong ETag), as the API's static layers
 * are. Javalin's static-file plugin did this job before; it mounted the whole fat jar as a zip file
 * system when the server was built, about 0.2 s of every start-up. Paths that are not a file here
 * (the API, /health, a missing file) go on to Javalin. Every file is sent with the page's security
 * headers ({@link PageHeaders}: Content-Security-Policy, nosniff, referrer policy). The page names its files
 * under a content-hashed prefix ({@link Assets}: {@code /assets/<hash>/js/main.js}, cached for a year), and is
 * itself revalidated on each load; the unhashed paths keep working with a five-minute cache.
 */
public final class WebFiles extends Handler.Wrapper {
    private record Root(String urlPrefix, String resourcePrefix, String cacheControl) {
    }

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** The page itself: asked again each time (a 304 when unchanged), so that it always names the current assets. */
    private static final String PAGE_CACHE_CONTROL = "no-cache";
    /** Webjar paths carry the library's version, so their files never change under one URL. */
    private static final List<Root> ROOTS = List.of(
            new Root("/webjars/", "META-INF/resources/webjars/", IMMUTABLE),
            new Root("/", "web/", "public, max-age=300"));
    /** Under the content-hashed prefix ({@link Assets}): the page's files and the webjars, never changing under one URL. */
    private static final List<Root> ASSET_ROOTS = List.of(
            new Root("webjars/", "META-INF/resources/webjars/", IMMUTABLE),
            new Root("", "web/", IMMUTABLE));
    /** Segments of letters, digits, '.', '_' and '-' not starting with a dot: no "..", no hidden files, nothing to decode. */
    private static final Pattern FILE_PATH = Pattern.compile("(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Set<String> COMPRESSIBLE = Set.of("image/svg+xml", "application/json", "application/geo+json",
            "application/javascript", "application/xml");

    private final ClassLoader loader;
    private final PageHeaders pageHeaders;
    /** Only files found: the set of paths is bounded by what the class path holds, whatever clients ask for. */
    private final Map<String, File> files = new ConcurrentHashMap<>();

    private record File(EncodedResponse response, String cacheControl) {
    }

    /** Scanned off the start-up path (the files are read and hashed on another thread); joined at the first need. */
    private final CompletableFuture<Assets> assets;

    public WebFiles(ClassLoader loader, PageHeaders pageHeaders) {
        this.loader = loader;
        this.pageHeaders = pageHeaders;
        this.assets = CompletableFuture.supplyAsync(
                () -> Assets.scan(loader, name -> loader.getResource("META-INF/resources/" + name) != null),
                task -> {
                    Thread t = new Thread(task, "web-assets");
                    t.setDaemon(true);
                    t.start();
                });
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        boolean head = method.equals("HEAD");
        String path = request.getHttpURI().getPath();
        if (!(head || method.equals("GET")) || path.startsWith(OgcApi.PREFIX + "/") || path.equals(OgcApi.PREFIX)) {
            return super.handle(request, response, callback);
        }
        File file = files.get(path);
        if (file == null) {
            file = find(path);
            if (file == null) {
                return super.handle(request, response, callback);
            }
            files.putIfAbsent(path, file);
        }
        HttpFields headers = request.getHeaders();
        EncodedResponse encoded = file.response();
        Reply.of(encoded, file.cacheControl(), headers.get(HttpHeader.IF_NONE_MATCH), headers.get(HttpHeader.ACCEPT_ENCODING))
                .send(head, response, callback, encoded::direct);
        return true;
    }

    /** The file a request path names, or null. */
    private File find(String path) {
        if (path.equals("/") || path.equals("/index.html")) {
            byte[] page = assets.join().page();
            return page == null ? null : new File(encode("index.html", page), PAGE_CACHE_CONTROL);
        }
        if (path.startsWith(Assets.URL_PREFIX)) {
            String name = assets.join().nameOf(path);
            return name == null ? null : find(name, ASSET_ROOTS);
        }
        return find(path, ROOTS);
    }

    private File find(String target, List<Root> roots) {
        Root root = roots.stream().filter(r -> target.startsWith(r.urlPrefix())).findFirst().orElse(null);
        if (root == null) {
            return null;
        }
        String relative = target.substring(root.urlPrefix().length());
        if (!FILE_PATH.matcher(relative).matches()) {
            return null;
        }
        byte[] bytes = read(root.resourcePrefix() + relative);
        return bytes == null ? null : new File(encode(relative, bytes), root.cacheControl());
    }

    private EncodedResponse encode(String name, byte[] bytes) {
        String type = MimeTypes.DEFAULTS.getMimeByExtension(name);
        if (type == null) {
            type = "application/octet-stream";
        }
        boolean text = type.startsWith("text/");
        boolean compressible = text || COMPRESSIBLE.contains(type);
        // Every text file here is UTF-8 (the page is Chinese first); saying so spares browsers the guess.
        return EncodedResponse.file(bytes, text ? type + ";charset=utf-8" : type, compressible).withHeaders(pageHeaders.headers());
    }

    /** A regular file's bytes, or null for a directory or a name the class path does not hold. */
    private byte[] read(String name) {
        URL url = loader.getResource(name);
        if (url == null) {
            return null;
        }
        try {
            URLConnection connection = url.openConnection();
            if (connection instanceof JarURLConnection jar) {
                if (jar.getJarEntry().isDirectory()) {
                    return null;
                }
            } else if (!url.getProtocol().equals("file") || !Files.isRegularFile(Path.of(url.toURI()))) {
                return null;
            }
            try (InputStream in = connection.getInputStream()) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
