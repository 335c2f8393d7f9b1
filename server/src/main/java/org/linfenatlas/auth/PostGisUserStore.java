package org.linfenatlas.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import javax.sql.DataSource;
import org.linfenatlas.store.StoreException;
import org.linfenatlas.store.postgis.PostGisRepository;

/**
 * Users in PostgreSQL, tables atlas.users, atlas.api_tokens and atlas.sessions (migration
 * V2__users.sql, run by PostGisRepository.open). Borrows connections from the repository's pool and
 * closes it only when made by {@link #owning}.
 */
public final class PostGisUserStore extends JdbcUserStore {
    private final DataSource dataSource;
    private final AutoCloseable owner;

    public PostGisUserStore(DataSource dataSource) {
        this(dataSource, Counties.bundled(), Clock.systemUTC());
    }

    public PostGisUserStore(DataSource dataSource, Set<String> knownCounties, Clock clock) {
        this(dataSource, knownCounties, clock, null);
    }

    private PostGisUserStore(DataSource dataSource, Set<String> knownCounties, Clock clock, AutoCloseable owner) {
        super(knownCounties, clock, "atlas.users", "atlas.api_tokens", "atlas.sessions");
        this.dataSource = dataSource;
        this.owner = owner;
    }

    /** A store that closes the repository (and so its pool) when it is closed: for a command that opens both. */
    public static PostGisUserStore owning(PostGisRepository repository) {
        return new PostGisUserStore(repository.dataSource(), Counties.bundled(), Clock.systemUTC(), repository);
    }

    @Override
    <T> T transaction(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return org.linfenatlas.store.Jdbc.inTransaction(c, work::run);
        }
    }

    @Override
    void setTime(PreparedStatement statement, int index, Instant time) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(time, ZoneOffset.UTC));
    }

    @Override
    Instant time(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    @Override
    String jsonParameter() {
        return "CAST(? AS jsonb)";
    }

    @Override
    public String describe() {
        return "PostgreSQL schema atlas";
    }

    @Override
    public void close() {
        if (owner != null) {
            try {
                owner.close();
            } catch (Exception e) {
                throw new StoreException("cannot close the database connections", e);
            }
        }
    }
}
