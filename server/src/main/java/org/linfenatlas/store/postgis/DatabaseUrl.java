package org.linfenatlas.store.postgis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.linfenatlas.config.ConfigException;

/**
 * A {@code postgresql://user:pass@host:port/dbname?param=value} URL split into what the JDBC driver
 * takes: a JDBC URL without credentials, the user and the password. {@link #toString()} and
 * {@link #redacted()} never show the password.
 */
public final class DatabaseUrl {
    private static final int DEFAULT_PORT = 5432;

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;
    private final List<String> parameters;

    private DatabaseUrl(String host, int port, String database, String user, String password, List<String> parameters) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.parameters = List.copyOf(parameters);
    }

    public static DatabaseUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new ConfigException("--db is not a URL like postgresql://user:pass@host:5432/dbname (" + e.getReason() + ")");
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new ConfigException("--db must start with postgresql://, like postgresql://user:pass@host:5432/dbname");
        }
        if (uri.getHost() == null) {
            throw new ConfigException("--db names no host: postgresql://user:pass@host:5432/dbname");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = decode(path.startsWith("/") ? path.substring(1) : path);
        if (database.isEmpty() || database.contains("/")) {
            throw new ConfigException("--db names no database: postgresql://user:pass@host:5432/dbname");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        List<String> parameters = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                String name = decode(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair);
                String value = pair.contains("=") ? decode(pair.substring(pair.indexOf('=') + 1)) : "";
                switch (name) {
                    case "user" -> user = value;
                    case "password" -> password = value;
                    default -> parameters.add(pair);
                }
            }
        }
        return new DatabaseUrl(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), database, user, password, parameters);
    }

    /** JDBC URL without user or password; other URL parameters (sslmode, ...) pass through. */
    public String jdbcUrl() {
        String base = "jdbc:postgresql://" + host + ":" + port + "/" + encodePath(database);
        return parameters.isEmpty() ? base : base + "?" + String.join("&", parameters);
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String database() {
        return database;
    }

    /** The URL with the password left out, for logs and messages. */
    public String redacted() {
        return "postgresql://" + (user == null ? "" : user + "@") + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return redacted();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encodePath(String database) {
        return java.net.URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
