package org.linfenatlas.indicators;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linfenatlas.indicators.ActualHistoryEntry.Operation;
import org.linfenatlas.store.Author;
import org.linfenatlas.store.StoreError;
import org.linfenatlas.store.StoreException;

/**
 * The SQL both stores share. Tables: the values (one row per indicator and year), their history (one row per
 * committed change, appended in the transaction of the change) and a one-row revision (epoch and a counter).
 * A commit updates the revision row first: that takes the write lock (SQLite) or the row lock (PostgreSQL)
 * before anything is read, so commits of several threads or server instances follow one another and each
 * checks the version against what the one before it committed.
 */
abstract class JdbcActualsStore implements ActualsStore {
    private final String values;
    private final String history;
    private final String revision;

    JdbcActualsStore(String values, String history, String revision) {
        this.values = values;
        this.history = history;
        this.revision = revision;
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
    abstract <T> T transaction(Work<T> work) throws SQLException;

    /** Runs a read (autocommit). */
    abstract <T> T read(Work<T> work) throws SQLException;

    abstract void setTime(PreparedStatement statement, int index, Instant time) throws SQLException;

    abstract Instant time(ResultSet row, String column) throws SQLException;

    /** ORDER BY of a history newest first: time, then the order of commit. */
    abstract String newestFirst();

    @Override
    public List<Actual> all() {
        return run(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT * FROM " + values + " ORDER BY indicator, year");
                 ResultSet rs = q.executeQuery()) {
                List<Actual> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(actual(rs));
                }
                return out;
            }
        });
    }

    @Override
    public Optional<Actual> get(String indicator, int year) {
        return run(c -> find(c, indicator, year));
    }

    @Override
    public List<ActualHistoryEntry> history(String indicator) {
        return run(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT * FROM " + history + " WHERE indicator = ? ORDER BY " + newestFirst())) {
                q.setString(1, indicator);
                try (ResultSet rs = q.executeQuery()) {
                    List<ActualHistoryEntry> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(entry(rs));
                    }
                    return out;
                }
            }
        });
    }

    @Override
    public ActualHistoryEntry commit(ActualChange change) {
        try {
            return transaction(c -> {
                try (PreparedStatement bump = c.prepareStatement("UPDATE " + revision + " SET version = version + 1 WHERE id = 1")) {
                    bump.executeUpdate(); // first: the lock, before anything is read
                }
                Actual before = find(c, change.indicator(), change.year()).orElse(null);
                long stored = before == null ? 0 : before.version();
                if (stored != change.expectedVersion()) {
                    String now = before == null ? "has no value" : "is at version " + stored;
                    String wanted = change.expectedVersion() == 0 ? "none" : "version " + change.expectedVersion();
                    throw StoreError.versionMismatch(change.indicator() + " " + change.year() + " " + now + ", not " + wanted
                            + ": someone changed it meanwhile", stored);
                }
                if (change.isDelete() && before == null) {
                    throw StoreError.notFound(change.indicator() + " has no value for " + change.year());
                }
                long version = Math.max(stored, lastHistoryVersion(c, change.indicator(), change.year())) + 1;
                Actual after = change.isDelete() ? null : new Actual(change.indicator(), change.year(), change.value(),
                        change.source(), version, change.time(), change.author());
                Operation op = after == null ? Operation.DELETE : before == null ? Operation.CREATE : Operation.UPDATE;
                if (after == null) {
                    try (PreparedStatement d = c.prepareStatement("DELETE FROM " + values + " WHERE indicator = ? AND year = ?")) {
                        d.setString(1, change.indicator());
                        d.setInt(2, change.year());
                        d.executeUpdate();
                    }
                } else {
                    String sql = before == null
                            ? "INSERT INTO " + values + " (value, source, version, time, author_id, author_name, indicator, year)"
                              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                            : "UPDATE " + values + " SET value = ?, source = ?, version = ?, time = ?, author_id = ?, author_name = ?"
                              + " WHERE indicator = ? AND year = ?";
                    try (PreparedStatement w = c.prepareStatement(sql)) {
                        w.setDouble(1, after.value());
                        w.setString(2, after.source());
                        w.setLong(3, version);
                        setTime(w, 4, after.time());
                        setAuthor(w, 5, after.author());
                        w.setString(7, change.indicator());
                        w.setInt(8, change.year());
                        w.executeUpdate();
                    }
                }
                ActualHistoryEntry entry = new ActualHistoryEntry(change.indicator(), change.year(), version, change.time(), op,
                        change.author(), before, after);
                insertHistory(c, entry);
                return entry;
            });
        } catch (SQLException e) {
            throw new StoreException("cannot record the value of " + change.indicator() + " " + change.year() + " in "
                    + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String revision() {
        return run(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT epoch, version FROM " + revision + " WHERE id = 1");
                 ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) + "-" + rs.getLong(2) : "0-0";
            }
        });
    }

    @Override
    public String epoch() {
        String r = revision();
        return r.substring(0, r.lastIndexOf('-'));
    }

    private Optional<Actual> find(Connection c, String indicator, int year) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT * FROM " + values + " WHERE indicator = ? AND year = ?")) {
            q.setString(1, indicator);
            q.setInt(2, year);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(actual(rs)) : Optional.empty();
            }
        }
    }

    private long lastHistoryVersion(Connection c, String indicator, int year) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT max(version) FROM " + history + " WHERE indicator = ? AND year = ?")) {
            q.setString(1, indicator);
            q.setInt(2, year);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private void insertHistory(Connection c, ActualHistoryEntry e) throws SQLException {
        try (PreparedStatement w = c.prepareStatement("INSERT INTO " + history + " (indicator, year, version, time, operation,"
                + " author_id, author_name, value_before, source_before, value_after, source_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            w.setString(1, e.indicator());
            w.setInt(2, e.year());
            w.setLong(3, e.version());
            setTime(w, 4, e.time());
            w.setString(5, e.operation().code());
            setAuthor(w, 6, e.author());
            setValue(w, 8, e.before());
            setValue(w, 10, e.after());
            w.executeUpdate();
        }
    }

    private static void setAuthor(PreparedStatement w, int index, Author author) throws SQLException {
        if (author == null) {
            w.setNull(index, Types.BIGINT);
            w.setNull(index + 1, Types.VARCHAR);
        } else {
            w.setLong(index, author.userId());
            w.setString(index + 1, author.name());
        }
    }

    private static void setValue(PreparedStatement w, int index, Actual a) throws SQLException {
        if (a == null) {
            w.setNull(index, Types.DOUBLE);
            w.setNull(index + 1, Types.VARCHAR);
        } else {
            w.setDouble(index, a.value());
            w.setString(index + 1, a.source());
        }
    }

    private Actual actual(ResultSet rs) throws SQLException {
        return new Actual(rs.getString("indicator"), rs.getInt("year"), rs.getDouble("value"), rs.getString("source"),
                rs.getLong("version"), time(rs, "time"), author(rs));
    }

    private ActualHistoryEntry entry(ResultSet rs) throws SQLException {
        String indicator = rs.getString("indicator");
        int year = rs.getInt("year");
        long version = rs.getLong("version");
        Instant time = time(rs, "time");
        Author author = author(rs);
        Operation op = Operation.of(rs.getString("operation"));
        // the value before is the one the previous change set: its version and time are not kept with it
        Actual before = op == Operation.CREATE ? null : new Actual(indicator, year, rs.getDouble("value_before"),
                rs.getString("source_before"), 0, null, null);
        Actual after = op == Operation.DELETE ? null : new Actual(indicator, year, rs.getDouble("value_after"),
                rs.getString("source_after"), version, time, author);
        return new ActualHistoryEntry(indicator, year, version, time, op, author, before, after);
    }

    private static Author author(ResultSet rs) throws SQLException {
        long id = rs.getLong("author_id");
        return rs.wasNull() ? null : new Author(id, rs.getString("author_name"));
    }

    private <T> T run(Work<T> work) {
        try {
            return read(work);
        } catch (SQLException e) {
            throw new StoreException("cannot read the indicators' values in " + describe() + ": " + e.getMessage(), e);
        }
    }
}
