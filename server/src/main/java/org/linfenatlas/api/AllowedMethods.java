package org.linfenatlas.api;

import java.util.Set;
import org.linfenatlas.model.Layers;

/**
 * The methods each path answers: the one source of every {@code Allow} header, on a 405 (RFC 9110
 * §15.5.6 requires it there) and on OPTIONS, and of the CORS preflight's {@code Access-Control-Allow-Methods}.
 * The routes registered by {@link OgcApi}, {@link WriteApi} and {@code auth.AuthRoutes} must agree with it:
 * {@code AllowedMethodsTest} sends every method to every kind of path and holds "405 exactly when not listed".
 */
public final class AllowedMethods {
    /** Every read-only resource. */
    public static final String READ = "GET, HEAD, OPTIONS";
    /** A writable collection's items: create (OGC API – Features Part 4). */
    static final String ITEMS = "GET, HEAD, OPTIONS, POST";
    /** A writable collection's feature: replace, update, delete. */
    static final String ITEM = "GET, HEAD, OPTIONS, PUT, PATCH, DELETE";
    /** Actions: sign-in, sign-out, a feature's revert and restore. */
    static final String ACTION = "OPTIONS, POST";
    /** The action paths of a read-only collection, which take nothing. */
    static final String NONE = "OPTIONS";

    /** The collections written over the API; counties, belts and rivers change only by an admin's import. */
    private static final Set<String> WRITABLE = Set.of(Layers.PROJECTS);
    private static final String COLLECTIONS = OgcApi.PREFIX + "/collections/";

    private AllowedMethods() {
    }

    public static boolean writable(String collection) {
        return WRITABLE.contains(collection);
    }

    /** @param path the request path as sent (a trailing slash is ignored, as the router ignores it) */
    public static String of(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (p.equals("/auth/login") || p.equals("/auth/logout")) {
            return ACTION;
        }
        if (IndicatorsApi.isActualPath(p)) {
            return "GET, HEAD, OPTIONS, PUT, DELETE";
        }
        if (!p.startsWith(COLLECTIONS)) {
            return READ;
        }
        String[] s = p.substring(COLLECTIONS.length()).split("/", -1);
        boolean writable = writable(s[0]);
        if (s.length < 3 || !s[1].equals("items")) {
            return s.length == 2 && s[1].equals("items") && writable ? ITEMS : READ;
        }
        if (s.length == 3) {
            return writable ? ITEM : READ;
        }
        boolean restore = s.length == 4 && s[3].equals("restore");
        boolean revert = s.length == 6 && s[3].equals("history") && s[5].equals("revert");
        if (restore || revert) {
            return writable ? ACTION : NONE;
        }
        return READ;
    }
}
