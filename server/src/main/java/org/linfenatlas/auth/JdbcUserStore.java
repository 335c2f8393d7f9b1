package org.linfenatlas.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.linfenatlas.store.StoreError;
import org.linfenatlas.store.StoreException;

/**
 * The user store over SQL that SQLite and PostgreSQL both speak; the subclasses name the tables,
 * give connections and say how a time and a JSON list are written. Bound parameters only: the
 * table names are constants of the subclasses.
 */
abstract class JdbcUserStore implements UserStore {
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{Nd}._-]{1,64}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER_COLUMNS = "u.id, u.name, u.role, u.counties, u.disabled, u.created";

    private final Set<String> knownCounties;
    private final Clock clock;
    private final String users;
    private final String tokens;
    private final String sessions;

    JdbcUserStore(Set<String> knownCounties, Clock clock, String users, String tokens, String sessions) {
        this.knownCounties = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(knownCounties));
        this.clock = clock;
        this.users = users;
        this.tokens = tokens;
        this.sessions = sessions;
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs the work in one transaction, committed when it returns, rolled back when it throws. */
    abstract <T> T transaction(Work<T> work) throws SQLException;

    abstract void setTime(PreparedStatement statement, int index, Instant time) throws SQLException;

    abstract Instant time(ResultSet row, String column) throws SQLException;

    /** The placeholder for a JSON text parameter (PostgreSQL casts it to jsonb). */
    abstract String jsonParameter();

    @Override
    public User addUser(String name, Role role, Collection<String> counties, String password) {
        requireName(name);
        List<String> scope = checkedCounties(role, counties);
        String hash = Passwords.hash(password);
        Instant now = clock.instant();
        return run(c -> {
            if (find(c, name).isPresent()) {
                throw StoreError.of(StoreError.Kind.CONFLICT, "a user named '" + name + "' exists already");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + users
                    + " (name, role, counties, password_hash, disabled, created) VALUES (?, ?, " + jsonParameter()
                    + ", ?, ?, ?) RETURNING id")) {
                s.setString(1, name);
                s.setString(2, role.code());
                s.setString(3, json(scope));
                s.setString(4, hash);
                s.setBoolean(5, false);
                setTime(s, 6, now);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new User(rs.getLong(1), name, role, scope, false, now);
                }
            }
        });
    }

    @Override
    public List<User> users() {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + USER_COLUMNS + " FROM " + users + " u ORDER BY u.name");
                 ResultSet rs = s.executeQuery()) {
                List<User> all = new ArrayList<>();
                while (rs.next()) {
                    all.add(user(rs));
                }
                return all;
            }
        });
    }

    @Override
    public Optional<User> user(String name) {
        return run(c -> find(c, name));
    }

    @Override
    public void setDisabled(String name, boolean disabled) {
        run(c -> {
            long id = existing(c, name).id();
            update(c, "UPDATE " + users + " SET disabled = ? WHERE id = ?", s -> {
                s.setBoolean(1, disabled);
                s.setLong(2, id);
            });
            deleteSessionsOf(c, id);
            return null;
        });
    }

    @Override
    public void setPassword(String name, String password) {
        String hash = Passwords.hash(password);
        run(c -> {
            long id = existing(c, name).id();
            update(c, "UPDATE " + users + " SET password_hash = ? WHERE id = ?", s -> {
                s.setString(1, hash);
                s.setLong(2, id);
            });
            deleteSessionsOf(c, id);
            return null;
        });
    }

    @Override
    public Optional<User> verifyPassword(String name, String password) {
        record Stored(User user, String hash) {
        }
        Optional<Stored> stored = run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + USER_COLUMNS + ", u.password_hash FROM " + users
                    + " u WHERE u.name = ?")) {
                s.setString(1, name);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new Stored(user(rs), rs.getString("password_hash"))) : Optional.empty();
                }
            }
        });
        if (stored.isEmpty()) {
            Passwords.matchNobody(password);
            return Optional.empty();
        }
        boolean matches = Passwords.matches(password, stored.get().hash());
        return matches && !stored.get().user().disabled() ? Optional.of(stored.get().user()) : Optional.empty();
    }

    @Override
    public IssuedToken createToken(String userName, String label) {
        String token = Secrets.newSecret();
        Instant now = clock.instant();
        return run(c -> {
            long userId = existing(c, userName).id();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + tokens
                    + " (user_id, hash, label, created) VALUES (?, ?, ?, ?) RETURNING id")) {
                s.setLong(1, userId);
                s.setString(2, Secrets.sha256Hex(token));
                s.setString(3, label);
                setTime(s, 4, now);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new IssuedToken(rs.getLong(1), token);
                }
            }
        });
    }

    @Override
    public int revokeTokens(String userName) {
        Instant now = clock.instant();
        return run(c -> {
            long userId = existing(c, userName).id();
            return update(c, "UPDATE " + tokens + " SET revoked = ? WHERE user_id = ? AND revoked IS NULL", s -> {
                setTime(s, 1, now);
                s.setLong(2, userId);
            });
        });
    }

    @Override
    public void revokeToken(String userName, long tokenId) {
        Instant now = clock.instant();
        run(c -> {
            long userId = existing(c, userName).id();
            int changed = update(c, "UPDATE " + tokens + " SET revoked = COALESCE(revoked, ?) WHERE id = ? AND user_id = ?", s -> {
                setTime(s, 1, now);
                s.setLong(2, tokenId);
                s.setLong(3, userId);
            });
            if (changed == 0) {
                throw StoreError.notFound("user '" + userName + "' has no token " + tokenId);
            }
            return null;
        });
    }

    @Override
    public Optional<User> tokenUser(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + USER_COLUMNS + " FROM " + tokens + " t JOIN " + users
                    + " u ON u.id = t.user_id WHERE t.hash = ? AND t.revoked IS NULL AND u.disabled = ?")) {
                s.setString(1, Secrets.sha256Hex(token));
                s.setBoolean(2, false);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(user(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public NewSession createSession(long userId) {
        String id = Secrets.newSecret();
        String csrf = Secrets.newSecret();
        Instant now = clock.instant();
        Instant expires = now.plus(SESSION_LIFETIME);
        return run(c -> {
            update(c, "DELETE FROM " + sessions + " WHERE expires <= ?", s -> setTime(s, 1, now));
            update(c, "INSERT INTO " + sessions + " (hash, user_id, csrf_hash, created, expires) VALUES (?, ?, ?, ?, ?)", s -> {
                s.setString(1, Secrets.sha256Hex(id));
                s.setLong(2, userId);
                s.setString(3, Secrets.sha256Hex(csrf));
                setTime(s, 4, now);
                setTime(s, 5, expires);
            });
            return new NewSession(id, csrf, expires);
        });
    }

    @Override
    public Optional<Session> session(String sessionId) {
        if (sessionId == null || sessionId.isEmpty()) {
            return Optional.empty();
        }
        String hash = Secrets.sha256Hex(sessionId);
        Instant now = clock.instant();
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + USER_COLUMNS + ", s.csrf_hash, s.expires FROM " + sessions
                    + " s JOIN " + users + " u ON u.id = s.user_id WHERE s.hash = ? AND u.disabled = ?")) {
                s.setString(1, hash);
                s.setBoolean(2, false);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Session session = new Session(user(rs), rs.getString("csrf_hash"), time(rs, "expires"));
                    if (session.expires().isAfter(now)) {
                        return Optional.of(session);
                    }
                }
            }
            update(c, "DELETE FROM " + sessions + " WHERE hash = ?", s -> s.setString(1, hash));
            return Optional.empty();
        });
    }

    @Override
    public Optional<String> renewCsrfToken(String sessionId) {
        if (session(sessionId).isEmpty()) {
            return Optional.empty();
        }
        String csrf = Secrets.newSecret();
        int changed = run(c -> update(c, "UPDATE " + sessions + " SET csrf_hash = ? WHERE hash = ?", s -> {
            s.setString(1, Secrets.sha256Hex(csrf));
            s.setString(2, Secrets.sha256Hex(sessionId));
        }));
        return changed == 1 ? Optional.of(csrf) : Optional.empty();
    }

    @Override
    public void deleteSession(String sessionId) {
        if (sessionId != null) {
            run(c -> update(c, "DELETE FROM " + sessions + " WHERE hash = ?", s -> s.setString(1, Secrets.sha256Hex(sessionId))));
        }
    }

    private interface Parameters {
        void set(PreparedStatement s) throws SQLException;
    }

    private static int update(Connection c, String sql, Parameters parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            parameters.set(s);
            return s.executeUpdate();
        }
    }

    private void deleteSessionsOf(Connection c, long userId) throws SQLException {
        update(c, "DELETE FROM " + sessions + " WHERE user_id = ?", s -> s.setLong(1, userId));
    }

    private Optional<User> find(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + USER_COLUMNS + " FROM " + users + " u WHERE u.name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(user(rs)) : Optional.empty();
            }
        }
    }

    private User existing(Connection c, String name) throws SQLException {
        return find(c, name).orElseThrow(() -> StoreError.notFound("no user named '" + name + "'"));
    }

    private User user(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("name"), Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)),
                counties(rs.getString("counties")), rs.getBoolean("disabled"), time(rs, "created"));
    }

    private <T> T run(Work<T> work) {
        try {
            return transaction(work);
        } catch (SQLException e) {
            throw new StoreException("user store " + describe() + ": " + e.getMessage(), e);
        }
    }

    private static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw StoreError.of(StoreError.Kind.INVALID,
                    "a user name is 1 to 64 letters, digits, '.', '_' or '-', got '" + name + "'");
        }
    }

    private List<String> checkedCounties(Role role, Collection<String> counties) {
        Set<String> scope = new LinkedHashSet<>();
        for (String county : counties) {
            scope.add(county.strip());
        }
        List<String> unknown = scope.stream().filter(c -> !knownCounties.contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw StoreError.of(StoreError.Kind.INVALID, "unknown count" + (unknown.size() == 1 ? "y " : "ies ")
                    + String.join(", ", unknown) + "; known: " + String.join(", ", knownCounties));
        }
        if (role == Role.EDITOR && scope.isEmpty()) {
            throw StoreError.of(StoreError.Kind.INVALID, "an editor needs at least one county (--counties)");
        }
        return List.copyOf(scope);
    }

    private static String json(List<String> counties) {
        try {
            return JSON.writeValueAsString(counties);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> counties(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new StoreException("stored counties are not a JSON list: " + json, e);
        }
    }
}
