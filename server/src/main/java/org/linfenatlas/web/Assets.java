package org.linfenatlas.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The page's files under one content-hashed prefix, {@code assets/<hash>/}: the hash is a digest of every file
 * under {@code web/} but index.html, so a deploy that changes any of them changes every asset URL, and a
 * module's relative imports stay inside the prefix of the page that loaded it (old and new modules never mix).
 * The page (index.html) is rewritten once: its references to its own files and to webjars point into the
 * prefix, and a {@code <link rel="modulepreload">} for each module js/main.js imports, transitively, lets
 * the browser fetch them at once rather than one import after another.
 *
 * <p>When the jar holds the build's bundle ({@code bundle/main.js}: the modules bundled and minified, see web/pom.xml),
 * the page loads it instead of js/main.js, and the preloads are the bundle's static chunks.
 */
final class Assets {
    static final String URL_PREFIX = "/assets/";
    static final String ENTRY_MODULE = "js/main.js";
    static final String BUNDLE_ENTRY = "bundle/main.js";
    private static final String WEB = "web/";
    private static final String PAGE = "index.html";
    private static final String WEBJARS = "webjars/";
    /** Attribute values that name a file by a relative path: no scheme, query, fragment or leading slash. */
    private static final Pattern REFERENCE = Pattern.compile("(\\s(?:href|src)=\")([A-Za-z0-9_-][A-Za-z0-9._/-]*)\"");
    /**
     * Static imports and re-exports, also over several lines ({@code import {a,\n b} from './x.js'}) and minified
     * ({@code ;import{a as b}from"./chunk.js"}).
     */
    private static final Pattern IMPORT = Pattern.compile(
            "(?m)(?:^|;)\\s*(?:import|export)\\s*(?:[^;'\"]*?\\bfrom\\s*)?['\"]([^'\"\\n]+)['\"]");

    private final String hash;
    private final List<String> preloads;
    private final byte[] page;

    private Assets(String hash, List<String> preloads, byte[] page) {
        this.hash = hash;
        this.preloads = preloads;
        this.page = page;
    }

    /**
     * Reads every file under web/ from the class path.
     *
     * @param isWebjarFile whether a path under webjars/ names a file the server serves
     */
    static Assets scan(ClassLoader loader, Predicate<String> isWebjarFile) {
        Map<String, byte[]> files = webFiles(loader);
        MessageDigest digest = sha256();
        files.forEach((name, bytes) -> {
            if (!name.equals(PAGE)) {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(bytes);
            }
        });
        String hash = HexFormat.of().formatHex(digest.digest(), 0, 10);
        String entry = files.containsKey(BUNDLE_ENTRY) ? BUNDLE_ENTRY : ENTRY_MODULE;
        List<String> preloads = staticImports(files, entry);
        byte[] source = files.get(PAGE);
        byte[] page = source == null ? null : rewrite(entryOf(new String(source, StandardCharsets.UTF_8), entry), hash, preloads,
                name -> files.containsKey(name) || name.startsWith(WEBJARS) && isWebjarFile.test(name))
                .getBytes(StandardCharsets.UTF_8);
        return new Assets(hash, preloads, page);
    }

    String hash() {
        return hash;
    }

    /** The URL path of a file under the prefix, relative to the page: {@code assets/<hash>/js/app.js}. */
    String url(String name) {
        return URL_PREFIX.substring(1) + hash + "/" + name;
    }

    /** The modules js/main.js imports, directly or not, in the order they were found: web paths (js/app.js). */
    List<String> preloads() {
        return preloads;
    }

    /** The page as served, or null when the class path holds no web/index.html. */
    byte[] page() {
        return page;
    }

    /**
     * What a path under /assets/ names: the file's name under web/ or webjars/ when the hash is this one, else
     * null (an asset of another deploy, or no hash at all).
     */
    String nameOf(String path) {
        if (!path.startsWith(URL_PREFIX + hash + "/")) {
            return null;
        }
        String name = path.substring(URL_PREFIX.length() + hash.length() + 1);
        return name.equals(PAGE) ? null : name;
    }

    /** The page with its module script pointing at the entry (js/main.js as written, or the bundle's). */
    static String entryOf(String page, String entry) {
        return page.replace("<script type=\"module\" src=\"" + ENTRY_MODULE + "\">", "<script type=\"module\" src=\"" + entry + "\">");
    }

    static String rewrite(String source, String hash, List<String> preloads, Predicate<String> isFile) {
        String prefix = URL_PREFIX.substring(1) + hash + "/";
        Matcher m = REFERENCE.matcher(source);
        StringBuilder out = new StringBuilder(source.length() + 80 * preloads.size());
        while (m.find()) {
            String name = m.group(2);
            String value = isFile.test(name) ? prefix + name : name;
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + escape(value) + "\""));
        }
        m.appendTail(out);
        StringBuilder links = new StringBuilder();
        for (String module : preloads) {
            links.append("  <link rel=\"modulepreload\" href=\"").append(escape(prefix + module)).append("\">\n");
        }
        int head = out.indexOf("</head>");
        if (head >= 0) {
            out.insert(head, links);
        }
        return out.toString();
    }

    /** The modules an entry imports statically, transitively (not itself): relative specifiers to files here only. */
    static List<String> staticImports(Map<String, byte[]> files, String entry) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(entry));
        while (!pending.isEmpty()) {
            String module = pending.removeFirst();
            byte[] bytes = files.get(module);
            if (bytes == null) {
                continue;
            }
            Matcher m = IMPORT.matcher(new String(bytes, StandardCharsets.UTF_8));
            while (m.find()) {
                String target = resolve(module, m.group(1));
                if (target != null && files.containsKey(target) && !target.equals(entry) && found.add(target)) {
                    pending.addLast(target);
                }
            }
        }
        return List.copyOf(found);
    }

    /** A relative specifier ('./x.js', '../y/z.js') against the importing module's path, or null. */
    static String resolve(String from, String specifier) {
        if (!specifier.startsWith("./") && !specifier.startsWith("../")) {
            return null;
        }
        List<String> parts = new ArrayList<>(List.of(from.split("/")));
        parts.remove(parts.size() - 1);
        for (String segment : specifier.split("/")) {
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else if (!segment.equals(".") && !segment.isEmpty()) {
                parts.add(segment);
            }
        }
        return String.join("/", parts);
    }

    static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("'", "&#39;");
    }

    /** Every file under web/ by its path below it, in name order (the order the digest reads them in). */
    private static Map<String, byte[]> webFiles(ClassLoader loader) {
        Map<String, byte[]> files = new TreeMap<>();
        URL page = loader.getResource(WEB + PAGE);
        if (page == null) {
            return files;
        }
        try {
            URLConnection connection = page.openConnection();
            if (connection instanceof JarURLConnection jarConnection) {
                JarFile jar = jarConnection.getJarFile();
                for (JarEntry entry : jar.stream().toList()) {
                    if (!entry.isDirectory() && entry.getName().startsWith(WEB)) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            files.put(entry.getName().substring(WEB.length()), in.readAllBytes());
                        }
                    }
                }
            } else {
                Path root = Path.of(page.toURI()).getParent();
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path p : walk.filter(Files::isRegularFile).toList()) {
                        files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the page's files from " + page, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read the page's files from " + page, e);
        }
        return files;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
