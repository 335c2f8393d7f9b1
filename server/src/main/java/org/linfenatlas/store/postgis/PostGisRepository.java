package org.linfenatlas.store.postgis;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.model.Layers;
import java.util.Optional;
import org.linfenatlas.store.Change;
import org.linfenatlas.store.HistoryCodec;
import org.linfenatlas.store.HistoryEntry;
import org.linfenatlas.store.LayerRepository;
import org.linfenatlas.store.LayerVersion;
import org.linfenatlas.store.StoreError;
import org.linfenatlas.store.WriteRules;
import org.linfenatlas.store.StoreException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The stored layers in PostgreSQL/PostGIS: one table per layer in the schema "atlas", created
 * and upgraded by the Flyway migrations in db/migration/postgis on open. Connections come from a
 * small HikariCP pool; every session runs with a statement timeout.
 */
public final class PostGisRepository implements LayerRepository {
    static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);
    private static final int POOL_SIZE = 8;
    private static final int BATCH = 1000;
    private static final String HISTORY = LayerTable.SCHEMA + ".history";

    private final DatabaseUrl url;
    private final HikariDataSource pool;
    private final List<NotificationListener> listeners = new ArrayList<>();

    private PostGisRepository(DatabaseUrl url, HikariDataSource pool) {
        this.url = url;
        this.pool = pool;
    }

    /** Connects, migrates the schema to the latest version and checks it against the layer specs. */
    public static PostGisRepository open(DatabaseUrl url) {
        HikariDataSource pool = pool(url);
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .schemas(LayerTable.SCHEMA)
                    .locations("classpath:db/migration/postgis")
                    .load()
                    .migrate();
            PostGisRepository repository = new PostGisRepository(url, pool);
            repository.checkColumns();
            repository.refreshSearchTexts();
            return repository;
        } catch (FlywayException | StoreException e) {
            pool.close();
            throw new StoreException("cannot prepare the schema of " + url.redacted() + ": " + e.getMessage(), e);
        }
    }

    private static HikariDataSource pool(DatabaseUrl url) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("atlas-postgis");
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(url.user());
        config.setPassword(url.password());
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        config.setDataSourceProperties(sessionProperties());
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new StoreException("cannot connect to " + url.redacted() + ": " + cause.getMessage(), e);
        }
    }

    /** Driver properties of every session: the timeout travels in the startup packet, no extra round trip. */
    private static Properties sessionProperties() {
        Properties properties = new Properties();
        properties.setProperty("options", "-c statement_timeout=" + STATEMENT_TIMEOUT.toMillis());
        properties.setProperty("ApplicationName", "linfen-atlas");
        properties.setProperty("reWriteBatchedInserts", "true");
        return properties;
    }

    /** A connection outside the pool, for a session that stays open (LISTEN). */
    Connection dedicatedConnection() throws SQLException {
        Properties properties = sessionProperties();
        if (url.user() != null) {
            properties.setProperty("user", url.user());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        return DriverManager.getConnection(url.jdbcUrl(), properties);
    }

    HikariDataSource pool() {
        return pool;
    }

    /** The pool, for stores that keep their own tables in this database (users); closed with the repository. */
    public javax.sql.DataSource dataSource() {
        return pool;
    }

    private void checkColumns() {
        try (Connection c = pool.getConnection(); PreparedStatement columns = c.prepareStatement(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?")) {
            for (LayerSpec spec : Layers.STORED) {
                columns.setString(1, LayerTable.SCHEMA);
                columns.setString(2, spec.id());
                Set<String> present = new HashSet<>();
                try (ResultSet rs = columns.executeQuery()) {
                    while (rs.next()) {
                        present.add(rs.getString(1));
                    }
                }
                List<String> missing = LayerTable.of(spec).requiredColumns().stream().filter(n -> !present.contains(n)).toList();
                if (!missing.isEmpty()) {
                    throw new StoreException("table " + LayerTable.SCHEMA + "." + spec.id() + " lacks columns " + missing
                            + " of the layer spec: a migration is missing");
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the schema of " + url.redacted(), e);
        }
    }

    /**
     * Makes the stored search texts anew when they were made by another version of SearchText (other words,
     * readings or levels; the first start after an upgrade), in one transaction per layer, one server at a time.
     * Not an edit: the features keep their versions (V6_1__search_levels.sql).
     */
    private void refreshSearchTexts() {
        String version = org.linfenatlas.index.SearchText.version();
        for (LayerSpec spec : Layers.STORED) {
            if (!spec.searchable()) {
                continue;
            }
            LayerTable table = LayerTable.of(spec);
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try {
                    try (Statement lock = c.createStatement()) {
                        lock.execute("SELECT pg_advisory_xact_lock(hashtext('" + LayerTable.SCHEMA + ".search_text'))");
                    }
                    String stored = null;
                    try (PreparedStatement read = c.prepareStatement(
                            "SELECT version FROM " + LayerTable.SCHEMA + ".search_text_version WHERE layer = ?")) {
                        read.setString(1, spec.id());
                        try (ResultSet rs = read.executeQuery()) {
                            stored = rs.next() ? rs.getString(1) : null;
                        }
                    }
                    if (!version.equals(stored)) {
                        int rows = remakeSearchTexts(c, table);
                        try (PreparedStatement write = c.prepareStatement("INSERT INTO " + LayerTable.SCHEMA
                                + ".search_text_version (layer, version) VALUES (?, ?) ON CONFLICT (layer) DO UPDATE SET version = ?")) {
                            write.setString(1, spec.id());
                            write.setString(2, version);
                            write.setString(3, version);
                            write.executeUpdate();
                        }
                        if (rows > 0) {
                            org.slf4j.LoggerFactory.getLogger(PostGisRepository.class).info(
                                    "search texts of {} made anew for search version {} ({} rows)", spec.id(), version, rows);
                        }
                    }
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                throw failure("cannot refresh the search texts of " + spec.id() + " in", e);
            }
        }
    }

    private static int remakeSearchTexts(Connection c, LayerTable table) throws SQLException {
        try (Statement quiet = c.createStatement()) {
            quiet.execute("SET LOCAL atlas.search_refresh = 'on'");
        }
        List<Feature> features = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + table.selectList() + " FROM " + table.table() + " FOR UPDATE")) {
            WKBReader wkb = new WKBReader();
            while (rs.next()) {
                features.add(table.read(rs, 1, wkb));
            }
        }
        // folding is most of the time: on every core, as the in-memory index does
        List<org.linfenatlas.index.SearchText> texts = features.parallelStream().map(org.linfenatlas.index.SearchText::of).toList();
        try (PreparedStatement update = c.prepareStatement(table.searchTextUpdateSql())) {
            int pending = 0;
            for (int i = 0; i < features.size(); i++) {
                int next = LayerTable.bindSearchText(update, texts.get(i), 1);
                update.setString(next, features.get(i).id());
                update.addBatch();
                if (++pending == BATCH) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
        try (Statement quiet = c.createStatement()) {
            quiet.execute("SET LOCAL atlas.search_refresh = 'off'");
        }
        return features.size();
    }

    @Override
    public boolean isEmpty() {
        String sql = "SELECT " + String.join(" OR ", Layers.STORED.stream()
                .map(spec -> "EXISTS (SELECT 1 FROM " + LayerTable.of(spec).table() + ")").toList());
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return !rs.getBoolean(1);
        } catch (SQLException e) {
            throw failure("cannot read", e);
        }
    }

    @Override
    public List<Feature> readAll(LayerSpec layer) {
        LayerTable table = LayerTable.of(layer);
        String sql = "SELECT " + table.selectList() + " FROM " + table.table() + " ORDER BY id COLLATE \"C\"";
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            // Without autocommit the driver streams the rows in batches instead of holding them all twice.
            c.setAutoCommit(false);
            s.setFetchSize(BATCH);
            List<Feature> features = new ArrayList<>();
            WKBReader wkb = new WKBReader();
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    features.add(table.read(rs, 1, wkb));
                }
            }
            c.commit();
            return features;
        } catch (SQLException e) {
            throw failure("cannot read layer " + layer.id() + " from", e);
        }
    }

    @Override
    public void replaceAll(Map<LayerSpec, List<Feature>> layers) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                // One writer at a time: two servers seeding an empty database at once take turns
                // instead of the second failing on the first one's ids.
                try (Statement lock = c.createStatement()) {
                    lock.execute("SELECT pg_advisory_xact_lock(hashtext('" + LayerTable.SCHEMA + ".replace_all'))");
                }
                WKBWriter wkb = new WKBWriter(2);
                for (Map.Entry<LayerSpec, List<Feature>> layer : layers.entrySet()) {
                    LayerTable table = LayerTable.of(layer.getKey());
                    try (Statement delete = c.createStatement()) {
                        delete.executeUpdate("DELETE FROM " + table.table());
                    }
                    try (PreparedStatement epoch = c.prepareStatement("UPDATE " + LayerTable.SCHEMA + ".layer_versions"
                            + " SET epoch = md5(random()::text || clock_timestamp()::text) WHERE layer = ?")) {
                        epoch.setString(1, layer.getKey().id());
                        epoch.executeUpdate();
                    }
                    try (PreparedStatement insert = c.prepareStatement(table.insertSql())) {
                        int pending = 0;
                        for (Feature feature : layer.getValue()) {
                            table.bindInsert(insert, feature.withVersion(1), wkb);
                            insert.addBatch();
                            if (++pending == BATCH) {
                                insert.executeBatch();
                                pending = 0;
                            }
                        }
                        if (pending > 0) {
                            insert.executeBatch();
                        }
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            // Fresh statistics at once, so the planner picks the indexes for the new data, not a guess.
            c.setAutoCommit(true);
            try (Statement analyze = c.createStatement()) {
                for (LayerSpec layer : layers.keySet()) {
                    analyze.execute("ANALYZE " + LayerTable.of(layer).table());
                }
            }
        } catch (SQLException e) {
            throw failure("cannot write to", e);
        }
    }

    @Override
    public synchronized void onChange(ChangeListener listener) {
        listeners.add(NotificationListener.start(this, listener));
    }

    @Override
    public Optional<Feature> read(LayerSpec layer, String featureId) {
        try (Connection c = pool.getConnection()) {
            return read(c, LayerTable.of(layer), featureId, false);
        } catch (SQLException e) {
            throw failure("cannot read " + layer.id() + " from", e);
        }
    }

    private static Optional<Feature> read(Connection c, LayerTable table, String featureId, boolean forUpdate) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + table.selectList() + " FROM " + table.table()
                + " WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            q.setString(1, featureId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(table.read(rs, 1, new WKBReader())) : Optional.empty();
            }
        }
    }

    @Override
    public LayerVersion version(LayerSpec layer) {
        try (Connection c = pool.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT epoch, version FROM " + LayerTable.SCHEMA + ".layer_versions WHERE layer = ?")) {
            q.setString(1, layer.id());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? new LayerVersion(rs.getString(1).substring(0, 12), rs.getLong(2)) : new LayerVersion("0", 0);
            }
        } catch (SQLException e) {
            throw failure("cannot read the version of " + layer.id() + " from", e);
        }
    }

    /**
     * The row is locked (SELECT ... FOR UPDATE) before its version is checked, so of two instances
     * changing one feature at once the second waits, then finds the first one's version: exactly one wins.
     */
    @Override
    public HistoryEntry commit(Change change) {
        LayerSpec layer = Layers.byId(change.collection()).filter(LayerSpec::stored)
                .orElseThrow(() -> new IllegalArgumentException("not a stored layer: " + change.collection()));
        LayerTable table = LayerTable.of(layer);
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                Feature before = read(c, table, change.featureId(), true).orElse(null);
                long version = WriteRules.nextVersion(change, before, lastHistoryVersion(c, layer, change.featureId()));
                Feature after = change.after() == null ? null : change.after().withVersion(version);
                WKBWriter wkb = new WKBWriter(2);
                if (after == null) {
                    try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table.table() + " WHERE id = ?")) {
                        delete.setString(1, change.featureId());
                        delete.executeUpdate();
                    }
                } else if (before == null) {
                    try (PreparedStatement insert = c.prepareStatement(table.insertSql())) {
                        table.bindInsert(insert, after, wkb);
                        insert.executeUpdate();
                    }
                } else {
                    try (PreparedStatement update = c.prepareStatement(table.updateSql())) {
                        table.bindUpdate(update, after, wkb);
                        update.executeUpdate();
                    }
                }
                HistoryEntry entry = new HistoryEntry(layer.id(), change.featureId(), version, change.time(),
                        change.operation(), change.author(), before, after);
                HistoryCodec.insert(c, HISTORY, HistoryCodec.TimeColumn.TIMESTAMPTZ, entry);
                c.commit();
                return entry;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                if (e instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                    throw StoreError.of(StoreError.Kind.CONFLICT, "feature '" + change.featureId() + "' was written meanwhile");
                }
                if (e instanceof SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("40") || sql.getSQLState().equals("57014"))) {
                    // a deadlock, a serialization failure or a lock waited on past the statement timeout: nothing was written
                    throw StoreError.of(StoreError.Kind.CONFLICT, "feature '" + change.featureId() + "' is being written by"
                            + " someone else; try again");
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failure("cannot write to", e);
        }
    }

    private static long lastHistoryVersion(Connection c, LayerSpec layer, String featureId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT coalesce(max(version), 0) FROM " + LayerTable.SCHEMA
                + ".history WHERE collection = ? AND feature_id = ?")) {
            q.setString(1, layer.id());
            q.setString(2, featureId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public List<HistoryEntry> history(LayerSpec layer, String featureId) {
        try (Connection c = pool.getConnection()) {
            return HistoryCodec.read(c, HISTORY, HistoryCodec.TimeColumn.TIMESTAMPTZ, layer.id(), featureId);
        } catch (SQLException e) {
            throw failure("cannot read the history of " + featureId + " from", e);
        }
    }

    @Override
    public List<HistoryEntry> recentHistory(LayerSpec layer, int limit, boolean deletedOnly) {
        try (Connection c = pool.getConnection()) {
            return HistoryCodec.recent(c, HISTORY, HistoryCodec.TimeColumn.TIMESTAMPTZ, LayerTable.of(layer).table(),
                    layer.id(), limit, deletedOnly);
        } catch (SQLException e) {
            throw failure("cannot read the history of " + layer.id() + " from", e);
        }
    }

    @Override
    public String describe() {
        return "PostGIS " + url.redacted();
    }

    @Override
    public synchronized void close() {
        listeners.forEach(NotificationListener::close);
        listeners.clear();
        pool.close();
    }

    StoreException failure(String what, SQLException e) {
        SQLException cause = e.getNextException() != null ? e.getNextException() : e;
        return new StoreException(what + " " + url.redacted() + ": " + cause.getMessage(), e);
    }
}
