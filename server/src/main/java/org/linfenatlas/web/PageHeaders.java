package org.linfenatlas.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The security headers of the map page, its files and the API's HTML documentation: a
 * Content-Security-Policy under which a page runs only the server's own scripts and style sheets (no
 * inline script, no inline style element, no eval), shows images from the server and from the online base
 * layers that /config.json offers, and connects to nothing but its own server; style attributes stay
 * allowed (Leaflet positions everything with them, the page's templates set colours with them). Also
 * {@code X-Content-Type-Options: nosniff} and {@code Referrer-Policy: same-origin}, so that a tile
 * server learns nothing of the page's URL (its hash holds the user's selection). Made once at start-up.
 */
public final class PageHeaders {
    /** Leaflet's tile layer fills {s} from "abc" unless the layer names its subdomains, as map.js passes them on. */
    private static final List<String> LEAFLET_SUBDOMAINS = List.of("a", "b", "c");
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?");

    private final String contentSecurityPolicy;
    private final List<Map.Entry<String, String>> headers;

    private PageHeaders(List<String> imageOrigins) {
        StringBuilder images = new StringBuilder("img-src 'self' data: blob:");
        imageOrigins.forEach(origin -> images.append(' ').append(origin));
        this.contentSecurityPolicy = String.join("; ", List.of("default-src 'self'", "script-src 'self'", "style-src 'self'",
                "style-src-attr 'unsafe-inline'", images.toString(), "connect-src 'self'", "font-src 'self'",
                "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"));
        this.headers = List.of(
                Map.entry("Content-Security-Policy", contentSecurityPolicy),
                Map.entry("X-Content-Type-Options", "nosniff"),
                Map.entry("Referrer-Policy", "same-origin"));
    }

    /** For a page whose /config.json is {@code pageConfig} (see {@link BaseLayers#pageConfig}): its tiles' origins may serve images. */
    public static PageHeaders forPageConfig(Map<String, Object> pageConfig) {
        Set<String> origins = new LinkedHashSet<>();
        Object layers = pageConfig.get("baseLayers");
        if (layers instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> layer && layer.get("url") instanceof String url) {
                    List<String> subdomains = new ArrayList<>();
                    if (layer.get("subdomains") instanceof List<?> names) {
                        names.forEach(name -> subdomains.add(String.valueOf(name)));
                    }
                    origins.addAll(tileOrigins(url, subdomains));
                }
            }
        }
        return new PageHeaders(List.copyOf(origins));
    }

    /** No online base layer: images from the server itself only. */
    public static PageHeaders offline() {
        return new PageHeaders(List.of());
    }

    /**
     * The origins (scheme, host, port) a tile URL template loads from: one per subdomain when the host
     * has {s}; none for a path on the page's own server.
     *
     * @throws IllegalArgumentException for a template that is not an http(s) URL with a plain host name
     */
    static List<String> tileOrigins(String template, List<String> subdomains) {
        if (template.startsWith("/") && !template.startsWith("//")) {
            return List.of(); // the page's own server: 'self'
        }
        int schemeEnd = template.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : template.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("a tile URL must be http(s)://host/...: " + template);
        }
        int hostStart = schemeEnd + 3;
        int hostEnd = template.length();
        for (char end : new char[] {'/', '?', '#'}) {
            int at = template.indexOf(end, hostStart);
            if (at >= 0 && at < hostEnd) {
                hostEnd = at;
            }
        }
        String authority = template.substring(hostStart, hostEnd).toLowerCase(Locale.ROOT);
        List<String> hosts = !authority.contains("{s}") ? List.of(authority)
                : (subdomains.isEmpty() ? LEAFLET_SUBDOMAINS : subdomains).stream()
                        .map(s -> authority.replace("{s}", s.toLowerCase(Locale.ROOT))).toList();
        List<String> origins = new ArrayList<>();
        for (String host : hosts) {
            if (!HOST.matcher(host).matches()) {
                throw new IllegalArgumentException("a tile URL's host must be a plain name (only {s} may vary): " + template);
            }
            origins.add(scheme + "://" + host);
        }
        return origins;
    }

    public String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    /** Content-Security-Policy, X-Content-Type-Options and Referrer-Policy, in that order. */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }
}
