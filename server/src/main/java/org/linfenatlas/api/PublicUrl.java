package org.linfenatlas.api;

import io.javalin.config.Key;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the server names itself and its clients, as configured: the base URL of every absolute link (API
 * documents, the OpenAPI servers entry, /api/docs, Location headers) and the client's address (the
 * sign-in throttle).
 *
 * <ul>
 *   <li>{@code --public-url URL} fixes the base URL: nothing a request sends changes it.</li>
 *   <li>Without it, the base URL is the request's own scheme and Host, which a client can only set for its
 *       own answers (the response cache keys by base URL).</li>
 *   <li>{@code X-Forwarded-Proto}, {@code X-Forwarded-Host} and {@code X-Forwarded-For} are read only with
 *       {@code --trust-forwarded-headers}, for a server that only a reverse proxy can reach and that sets them
 *       itself: anyone else could claim any host for the links, or any address to dodge the throttle. Even
 *       then a value that is not a host (name, IPv4 or [IPv6], optional port), http/https, or an address
 *       is ignored.</li>
 * </ul>
 */
public final class PublicUrl {
    /** Where the routes find it: Javalin's app data. */
    public static final Key<PublicUrl> KEY = new Key<>("linfen-atlas.public-url");
    /** Neither a fixed URL nor trust in forwarded headers: the default. */
    public static final PublicUrl FROM_REQUEST = new PublicUrl(null, false);

    private static final Pattern HOST = Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
            + "|\\[[0-9A-Fa-f:.]+\\])(?::\\d{1,5})?");
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final String fixed;
    private final boolean trustForwarded;

    private PublicUrl(String fixed, boolean trustForwarded) {
        this.fixed = fixed;
        this.trustForwarded = trustForwarded;
    }

    /**
     * @param publicUrl      the checked base URL ({@link #check}), or null for the request's own
     * @param trustForwarded whether to read the X-Forwarded-* headers
     */
    public static PublicUrl of(String publicUrl, boolean trustForwarded) {
        return new PublicUrl(publicUrl == null ? null : check(publicUrl), trustForwarded);
    }

    /**
     * A configured public URL made canonical (scheme and host lower case, no trailing slash), or why it cannot be one.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static String check(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("it must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("it has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("it must not hold a user name or password");
        }
        if (uri.getRawQuery() != null || text.contains("?")) {
            throw new IllegalArgumentException("it must not have a query (?...)");
        }
        if (uri.getRawFragment() != null || text.contains("#")) {
            throw new IllegalArgumentException("it must not have a fragment (#...)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return scheme + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT) + path;
    }

    /** Whether links are fixed by --public-url. */
    public boolean fixed() {
        return fixed != null;
    }

    public boolean trustsForwardedHeaders() {
        return trustForwarded;
    }

    /** The base URL (scheme, host and any path prefix, no trailing slash) of this request's links. */
    public String baseUrl(String forwardedProto, String forwardedHost, String scheme, String host) {
        if (fixed != null) {
            return fixed;
        }
        if (trustForwarded) {
            String proto = first(forwardedProto);
            String forwarded = first(forwardedHost);
            if ("http".equalsIgnoreCase(proto) || "https".equalsIgnoreCase(proto)) {
                scheme = proto.toLowerCase(Locale.ROOT);
            }
            if (forwarded != null && HOST.matcher(forwarded).matches()) {
                host = forwarded;
            }
        }
        return scheme + "://" + host;
    }

    public String baseUrl(Context ctx) {
        return baseUrl(ctx.header("X-Forwarded-Proto"), ctx.header("X-Forwarded-Host"), ctx.scheme(), ctx.host());
    }

    /** Whether the client sees this server over https (so cookies must be Secure). */
    public boolean https(Context ctx) {
        return baseUrl(ctx).startsWith("https:");
    }

    /**
     * The client's address: the socket's, or with trusted forwarded headers the last X-Forwarded-For entry,
     * which the proxy in front appended (the entries before it are whatever the client sent).
     */
    public String clientAddress(String forwardedFor, String socketAddress) {
        if (trustForwarded && forwardedFor != null) {
            String[] entries = forwardedFor.split(",");
            String last = entries[entries.length - 1].strip();
            if (ADDRESS.matcher(last).matches()) {
                return last;
            }
        }
        return socketAddress;
    }

    public String clientAddress(Context ctx) {
        return clientAddress(ctx.header("X-Forwarded-For"), ctx.ip());
    }

    /** The first value of a header a chain of proxies may have appended to, or null. */
    private static String first(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        return header.split(",")[0].strip();
    }

    @Override
    public String toString() {
        return fixed != null ? "public URL " + fixed : trustForwarded ? "links from X-Forwarded-Proto/-Host" : "links from the Host header";
    }
}
