package org.linfenatlas.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import mil.nga.geopackage.GeoPackageManager;
import org.linfenatlas.store.GeoPackageRepository;
import org.linfenatlas.store.StoreException;

/**
 * Users in the embedded store's GeoPackage file, in tables atlas_users, atlas_tokens and
 * atlas_sessions beside the layers (a GeoPackage may hold tables of its own). One JDBC connection
 * of its own, used by one thread at a time; times are epoch milliseconds.
 */
public final class GeoPackageUserStore extends JdbcUserStore {
    private static final String[] SCHEMA = {
            """
            CREATE TABLE IF NOT EXISTS atlas_users (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL UNIQUE,
                role TEXT NOT NULL CHECK (role IN ('admin', 'editor')),
                counties TEXT NOT NULL DEFAULT '[]',
                password_hash TEXT NOT NULL,
                disabled INTEGER NOT NULL DEFAULT 0,
                created INTEGER NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS atlas_tokens (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                user_id INTEGER NOT NULL REFERENCES atlas_users (id) ON DELETE CASCADE,
                hash TEXT NOT NULL UNIQUE,
                label TEXT,
                created INTEGER NOT NULL,
                revoked INTEGER)""",
            "CREATE INDEX IF NOT EXISTS atlas_tokens_user ON atlas_tokens (user_id)",
            """
            CREATE TABLE IF NOT EXISTS atlas_sessions (
                hash TEXT PRIMARY KEY,
                user_id INTEGER NOT NULL REFERENCES atlas_users (id) ON DELETE CASCADE,
                csrf_hash TEXT NOT NULL,
                created INTEGER NOT NULL,
                expires INTEGER NOT NULL)""",
            "CREATE INDEX IF NOT EXISTS atlas_sessions_user ON atlas_sessions (user_id)"};

    private final Path file;
    private final Connection connection;

    private GeoPackageUserStore(Path file, Connection connection, Set<String> knownCounties, Clock clock) {
        super(knownCounties, clock, "atlas_users", "atlas_tokens", "atlas_sessions");
        this.file = file;
        this.connection = connection;
    }

    /** The store in {@code <dataDir>/linfen-atlas.gpkg}, the layers' file (created as an empty GeoPackage when missing). */
    public static GeoPackageUserStore open(Path dataDir) throws IOException {
        return open(dataDir, Counties.bundled(), Clock.systemUTC());
    }

    public static GeoPackageUserStore open(Path dataDir, Set<String> knownCounties, Clock clock) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(GeoPackageRepository.FILE_NAME);
        if (!Files.exists(file)) {
            // an empty GeoPackage, as the repository would create it: a plain SQLite file would not open as one
            GeoPackageManager.create(file.toFile());
        }
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath()
                    // a transaction takes the write lock when it begins, so it waits (busy_timeout) for the layers'
                    // writer instead of failing at once when it upgrades from reading to writing
                    + "?transaction_mode=IMMEDIATE");
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
                for (String statement : SCHEMA) {
                    s.execute(statement);
                }
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new GeoPackageUserStore(file, connection, knownCounties, clock);
        } catch (SQLException e) {
            throw new StoreException("cannot open the user tables in " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    synchronized <T> T transaction(Work<T> work) throws SQLException {
        return org.linfenatlas.store.Jdbc.inTransaction(connection, work::run);
    }

    @Override
    void setTime(PreparedStatement statement, int index, Instant time) throws SQLException {
        statement.setLong(index, time.toEpochMilli());
    }

    @Override
    Instant time(ResultSet row, String column) throws SQLException {
        return Instant.ofEpochMilli(row.getLong(column));
    }

    @Override
    String jsonParameter() {
        return "?";
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close " + file, e);
        }
    }
}
