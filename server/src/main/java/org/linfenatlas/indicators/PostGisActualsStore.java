package org.linfenatlas.indicators;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Actual values in PostgreSQL: tables atlas.indicator_actuals, atlas.indicator_history and
 * atlas.indicator_revision (migration V7__indicator_actuals.sql, run by PostGisRepository.open). Borrows
 * connections from the repository's pool; commits before the reply. Every commit first updates the one
 * revision row, so that the commits of all instances on the database follow one another.
 */
public final class PostGisActualsStore extends JdbcActualsStore {
    private final DataSource dataSource;

    public PostGisActualsStore(DataSource dataSource) {
        super("atlas.indicator_actuals", "atlas.indicator_history", "atlas.indicator_revision");
        this.dataSource = dataSource;
    }

    @Override
    <T> T transaction(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return org.linfenatlas.store.Jdbc.inTransaction(c, work::run);
        }
    }

    @Override
    <T> T read(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        }
    }

    @Override
    void setTime(PreparedStatement statement, int index, Instant time) throws SQLException {
        statement.setTimestamp(index, Timestamp.from(time));
    }

    @Override
    Instant time(ResultSet row, String column) throws SQLException {
        return row.getTimestamp(column).toInstant();
    }

    @Override
    String newestFirst() {
        return "time DESC, seq DESC";
    }

    @Override
    public String describe() {
        return "PostGIS";
    }

    @Override
    public void close() {
        // the pool belongs to the repository, which closes it
    }
}
