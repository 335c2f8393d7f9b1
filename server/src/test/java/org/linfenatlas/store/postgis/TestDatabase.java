package org.linfenatlas.store.postgis;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL/PostGIS the PostGIS tests run against, named by the system property
 * postgis.url (surefire passes it). When it cannot be reached the tests are skipped with the
 * reason, or fail when postgis.required=true (CI).
 */
public final class TestDatabase {
    public static final String DEFAULT_URL = "postgresql://linfen_test:linfen_test@127.0.0.1:5432/linfen_atlas_test";

    private TestDatabase() {
    }

    public static DatabaseUrl url() {
        String url = System.getProperty("postgis.url");
        return DatabaseUrl.parse(url == null || url.isBlank() ? DEFAULT_URL : url);
    }

    public static boolean required() {
        return Boolean.parseBoolean(System.getProperty("postgis.required", "false"));
    }

    /** Skips (or fails, when required) unless the database answers and has PostGIS. */
    public static void assumeAvailable() {
        DatabaseUrl url = url();
        String problem = null;
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            s.execute("SELECT postgis_version()");
        } catch (SQLException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            String message = "PostGIS test database " + url.redacted() + " is not usable (" + problem + "). "
                    + "scripts/test.sh creates it; or run as postgres: createuser linfen_test; createdb -O linfen_test "
                    + "linfen_atlas_test; psql -d linfen_atlas_test -c 'CREATE EXTENSION postgis'";
            if (required()) {
                fail(message + " [postgis.required=true]");
            }
            Assumptions.abort(message + " [skipped; -Dpostgis.required=true makes this a failure]");
        }
    }

    /** Drops the application schema, so that the next open migrates a database from nothing. */
    public static void dropSchema() {
        try (Connection c = connect(url()); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + LayerTable.SCHEMA + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset " + url().redacted(), e);
        }
    }

    /** An empty, freshly migrated repository. */
    public static PostGisRepository freshRepository() {
        assumeAvailable();
        dropSchema();
        return PostGisRepository.open(url());
    }

    public static Connection connect(DatabaseUrl url) throws SQLException {
        Properties p = new Properties();
        if (url.user() != null) {
            p.setProperty("user", url.user());
        }
        if (url.password() != null) {
            p.setProperty("password", url.password());
        }
        p.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url.jdbcUrl(), p);
    }
}
