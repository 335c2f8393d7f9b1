package org.linfenatlas.indicators;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import mil.nga.geopackage.GeoPackageManager;
import org.linfenatlas.store.GeoPackageRepository;
import org.linfenatlas.store.StoreException;
import org.linfenatlas.store.WriteRules;

/**
 * Actual values in the embedded store's GeoPackage file, beside the layers and users: tables
 * atlas_indicator_actuals, atlas_indicator_history and atlas_indicator_revision. One JDBC connection of
 * its own, used by one thread at a time, as the user store's; WAL with synchronous=FULL, so an
 * acknowledged value survives a killed process; transactions take SQLite's write lock when they begin
 * (IMMEDIATE), waiting for the layers' or users' writer instead of failing.
 */
public final class GeoPackageActualsStore extends JdbcActualsStore {
    private static final String[] SCHEMA = {
            """
            CREATE TABLE IF NOT EXISTS atlas_indicator_actuals (
                indicator TEXT NOT NULL,
                year INTEGER NOT NULL,
                value REAL NOT NULL,
                source TEXT NOT NULL,
                version INTEGER NOT NULL,
                time TEXT NOT NULL,
                author_id INTEGER,
                author_name TEXT,
                PRIMARY KEY (indicator, year))""",
            """
            CREATE TABLE IF NOT EXISTS atlas_indicator_history (
                indicator TEXT NOT NULL,
                year INTEGER NOT NULL,
                version INTEGER NOT NULL,
                time TEXT NOT NULL,
                operation TEXT NOT NULL CHECK (operation IN ('create', 'update', 'delete')),
                author_id INTEGER,
                author_name TEXT,
                value_before REAL,
                source_before TEXT,
                value_after REAL,
                source_after TEXT,
                PRIMARY KEY (indicator, year, version))""",
            """
            CREATE TABLE IF NOT EXISTS atlas_indicator_revision (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                epoch TEXT NOT NULL,
                version INTEGER NOT NULL)"""};

    private final Path file;
    private final Connection connection;

    private GeoPackageActualsStore(Path file, Connection connection) {
        super("atlas_indicator_actuals", "atlas_indicator_history", "atlas_indicator_revision");
        this.file = file;
        this.connection = connection;
    }

    /** The tables in {@code <dataDir>/linfen-atlas.gpkg}, created when missing (and the file, as an empty GeoPackage). */
    public static GeoPackageActualsStore open(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        return openFile(dataDir.resolve(GeoPackageRepository.FILE_NAME));
    }

    public static GeoPackageActualsStore openFile(Path file) {
        if (!Files.exists(file)) {
            GeoPackageManager.create(file.toFile());
        }
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath() + "?transaction_mode=IMMEDIATE");
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                for (String statement : SCHEMA) {
                    s.execute(statement);
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT OR IGNORE INTO atlas_indicator_revision (id, epoch, version) VALUES (1, ?, 0)")) {
                    insert.setString(1, WriteRules.newEpoch());
                    insert.executeUpdate();
                }
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new GeoPackageActualsStore(file, connection);
        } catch (SQLException e) {
            throw new StoreException("cannot open the indicator tables in " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    synchronized <T> T transaction(Work<T> work) throws SQLException {
        return org.linfenatlas.store.Jdbc.inTransaction(connection, work::run);
    }

    @Override
    synchronized <T> T read(Work<T> work) throws SQLException {
        return work.run(connection);
    }

    @Override
    void setTime(PreparedStatement statement, int index, Instant time) throws SQLException {
        statement.setString(index, time.toString());
    }

    @Override
    Instant time(ResultSet row, String column) throws SQLException {
        return Instant.parse(row.getString(column));
    }

    @Override
    String newestFirst() {
        return "time DESC, rowid DESC";
    }

    @Override
    public String describe() {
        return "GeoPackage " + file.toAbsolutePath();
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
