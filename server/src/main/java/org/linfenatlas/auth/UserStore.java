package org.linfenatlas.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Users, their API tokens and their browser sessions, kept in the same store as the layers. Refusals
 * are StoreErrors (INVALID, CONFLICT, NOT_FOUND); secrets are kept only as hashes.
 */
public interface UserStore extends AutoCloseable {
    /** Absolute: a session ends this long after sign-in, however busy. */
    Duration SESSION_LIFETIME = Duration.ofHours(12);

    /** Validates name (1–64 letters, digits, . _ -), counties (known names; an editor needs one) and password. */
    User addUser(String name, Role role, Collection<String> counties, String password);

    List<User> users();

    Optional<User> user(String name);

    /** Disabling also ends the user's sessions; its tokens stay, refused while it is disabled. */
    void setDisabled(String name, boolean disabled);

    /** Also ends the user's sessions. */
    void setPassword(String name, String password);

    /** The user when the name exists, is enabled and the password is its own; else empty. */
    Optional<User> verifyPassword(String name, String password);

    IssuedToken createToken(String userName, String label);

    /** Revokes every token of the user that is not revoked yet; returns how many. */
    int revokeTokens(String userName);

    /** Revokes one token of the user (NOT_FOUND unless it is one of the user's). */
    void revokeToken(String userName, long tokenId);

    /** The enabled user a valid (not revoked) token belongs to. */
    Optional<User> tokenUser(String token);

    NewSession createSession(long userId);

    /** The live session of an enabled user; an expired session is deleted. */
    Optional<Session> session(String sessionId);

    /** A new CSRF token for a live session (the store keeps only hashes, so it cannot show the old one). */
    Optional<String> renewCsrfToken(String sessionId);

    void deleteSession(String sessionId);

    String describe();

    @Override
    void close();

    /** A new token: {@code token} is shown once and never stored. */
    record IssuedToken(long id, String token) {
        @Override
        public String toString() {
            return "IssuedToken[id=" + id + "]";
        }
    }

    record NewSession(String id, String csrfToken, Instant expires) {
        @Override
        public String toString() {
            return "NewSession[expires=" + expires + "]";
        }
    }

    record Session(User user, String csrfHash, Instant expires) {
        @Override
        public String toString() {
            return "Session[user=" + user.name() + ", expires=" + expires + "]";
        }
    }
}
