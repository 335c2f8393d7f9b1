package org.linfenatlas.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Start-up settings, from command-line flags or their environment variables (flags win).
 *
 * @param gisDataDir source layers to seed an empty store from; null for the copy in the jar
 * @param db         PostgreSQL URL selecting the PostGIS store; null for the embedded GeoPackage
 * @param dbReads    with --db: "memory" (the in-memory index over the database) or "sql" (a query per request)
 * @param basemaps   online base layers offered on the map (none by default: the map works offline)
 * @param fromGpkg   the GeoPackage file the import command reads, or null
 * @param toGpkg     the GeoPackage file the export command writes, or null
 * @param role       users add: admin or editor, or null
 * @param counties   users add: the editor's counties (Chinese names), or null
 * @param label      tokens create: what the token is for, or null
 * @param tokenId    tokens revoke: the one token to revoke, or null for all of the user's
 * @param secureCookies mark the session cookies Secure although requests arrive as http (behind a TLS proxy)
 * @param publicUrl     the base URL of every link, checked and canonical (no trailing slash), or null for the request's own
 * @param trustForwardedHeaders read X-Forwarded-Proto, -Host and -For (set by the reverse proxy in front)
 */
public record Config(String command, String host, int port, Path dataDir, Path gisDataDir, String db, String dbReads,
                     List<String> basemaps, String tiandituKey, Path fromGpkg, Path toGpkg, List<String> arguments,
                     String role, List<String> counties, String label, Long tokenId, boolean secureCookies,
                     String publicUrl, boolean trustForwardedHeaders) {

    public static final List<String> DB_READS = List.of("memory", "sql");

    public static final List<Option> OPTIONS = List.of(
            new Option("--port", "ATLAS_PORT", "HTTP port", "7070"),
            new Option("--host", "ATLAS_HOST", "address to listen on", "0.0.0.0"),
            new Option("--data-dir", "ATLAS_DATA_DIR", "where the embedded GeoPackage store lives", "./data"),
            new Option("--gis-data", "ATLAS_GIS_DATA", "directory of source GeoJSON layers to seed an empty store (default: bundled)", null),
            new Option("--db", "ATLAS_DB", "postgresql://user:pass@host:5432/dbname selects the PostGIS store", null),
            new Option("--db-reads", "ATLAS_DB_READS", "with --db: memory (index held in memory, reloaded on change) or sql (query per request)", "memory"),
            new Option("--basemaps", "ATLAS_BASEMAPS", "comma list of online base layers to offer: osm, tianditu", ""),
            new Option("--tianditu-key", "ATLAS_TIANDITU_KEY", "key for the Tianditu base layers", null),
            new Option("--from-gpkg", null, "import: the GeoPackage file to copy into the --db database", null),
            new Option("--to-gpkg", null, "export: the GeoPackage file to copy the --db database into", null),
            new Option("--role", null, "users add: admin or editor", null),
            new Option("--counties", null, "users add: comma list of an editor's counties, e.g. 吉县,乡宁县", null),
            new Option("--label", null, "tokens create: what the token is for", null),
            new Option("--id", null, "tokens revoke: the one token to revoke (default: all of the user's)", null),
            new Option("--secure-cookies", "ATLAS_SECURE_COOKIES",
                    "true: session cookies are Secure even over http (a TLS-terminating proxy in front)", "false"),
            new Option("--public-url", "ATLAS_PUBLIC_URL", "the base URL of every link (API documents, OpenAPI servers, /api/docs, "
                    + "Location), e.g. https://atlas.example.org or https://example.org/atlas (default: each request's scheme and Host)", null),
            new Option("--trust-forwarded-headers", "ATLAS_TRUST_FORWARDED_HEADERS", "true: take X-Forwarded-Proto/-Host for links "
                    + "(unless --public-url) and X-Forwarded-For for the client's address, as the reverse proxy in front sets them; "
                    + "only for a server nothing else can reach", "false"));

    /** Options that are true or false; given bare (without true or false after them) they are true. */
    private static final List<String> SWITCHES = List.of("--secure-cookies", "--trust-forwarded-headers");

    public record Option(String flag, String env, String help, String fallback) {
    }

    public static Config parse(String[] args, Map<String, String> env) {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        for (Option o : OPTIONS) {
            String fromEnv = o.env() == null ? null : env.get(o.env());
            values.put(o.flag(), fromEnv != null && !fromEnv.isBlank() ? fromEnv : o.fallback());
        }
        String command = "serve";
        List<String> rest = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                command = "help";
                continue;
            }
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (OPTIONS.stream().anyMatch(o -> o.flag().equals(flag))) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
                if (value == null && SWITCHES.contains(flag)
                        && (i + 1 >= args.length || !(args[i + 1].equals("true") || args[i + 1].equals("false")))) {
                    value = "true";
                }
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new ConfigException(flag + " needs a value");
                    }
                    value = args[++i];
                }
                values.put(flag, value);
            } else if (arg.startsWith("-")) {
                throw new ConfigException("unknown option " + arg + " (see --help)");
            } else if (rest.isEmpty() && command.equals("serve")) {
                command = arg;
            } else {
                rest.add(arg);
            }
        }
        String dbReads = values.get("--db-reads");
        if (!DB_READS.contains(dbReads)) {
            throw new ConfigException("--db-reads must be one of " + String.join(", ", DB_READS) + ", got " + dbReads);
        }
        return new Config(command, values.get("--host"), port(values.get("--port")), Path.of(values.get("--data-dir")),
                path(values.get("--gis-data")), values.get("--db"), dbReads, list(values.get("--basemaps")),
                values.get("--tianditu-key"), path(values.get("--from-gpkg")), path(values.get("--to-gpkg")), List.copyOf(rest),
                values.get("--role"), values.get("--counties") == null ? null : list(values.get("--counties")),
                values.get("--label"), tokenId(values.get("--id")), bool("--secure-cookies", values.get("--secure-cookies")),
                publicUrl(values.get("--public-url")), bool("--trust-forwarded-headers", values.get("--trust-forwarded-headers")));
    }

    /** Checked at start-up: an http or https URL with a host, without user, query or fragment; canonical, no trailing slash. */
    private static String publicUrl(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return org.linfenatlas.api.PublicUrl.check(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--public-url " + text + " cannot be the server's public URL: " + e.getMessage()
                    + " (e.g. https://atlas.example.org or https://example.org/atlas)");
        }
    }

    private static boolean bool(String flag, String text) {
        if (!text.equals("true") && !text.equals("false")) {
            throw new ConfigException(flag + " must be true or false, got " + text);
        }
        return Boolean.parseBoolean(text);
    }

    private static Path path(String text) {
        return text == null ? null : Path.of(text);
    }

    private static Long tokenId(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ConfigException("--id must be a token number, got " + text);
        }
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new ConfigException("--port must be 0..65535");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new ConfigException("--port must be a number, got " + text);
        }
    }

    private static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public static String help() {
        StringBuilder out = new StringBuilder("""
                Linfen Atlas — web map and OGC API – Features for Linfen's regional plans.

                Usage: java -jar linfen-atlas.jar [serve] [options]
                       java -jar linfen-atlas.jar import --from-gpkg FILE --db URL   (GeoPackage into PostGIS)
                       java -jar linfen-atlas.jar export --db URL --to-gpkg FILE     (PostGIS into a GeoPackage)
                       java -jar linfen-atlas.jar users add NAME --role admin|editor [--counties 吉县,乡宁县]
                                                 (the password is the first line of standard input)
                       java -jar linfen-atlas.jar users list | disable NAME | enable NAME | set-password NAME
                       java -jar linfen-atlas.jar tokens create NAME [--label TEXT]   (prints the token once, last line)
                       java -jar linfen-atlas.jar tokens revoke NAME [--id N]         (all the user's tokens, or one)
                                                 users and tokens act on the store of --data-dir, or of --db
                       java -jar linfen-atlas.jar warm-up   (serves a temporary copy of the bundled data on a free port,
                                                             checks a few requests and stops; the build runs it to record
                                                             a class-data-sharing archive for a faster start; no options)

                Options (each also read from its environment variable):
                """);
        for (Option o : OPTIONS) {
            out.append(String.format("  %-25s %-29s %s%s%n", o.flag(), o.env() == null ? "" : o.env(), o.help(),
                    o.fallback() == null || o.fallback().isEmpty() ? "" : " [" + o.fallback() + "]"));
        }
        return out.toString();
    }
}
