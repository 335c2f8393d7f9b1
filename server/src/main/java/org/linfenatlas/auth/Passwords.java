package org.linfenatlas.auth;

import org.linfenatlas.store.StoreError;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** Argon2id password hashes (salted, memory-hard), in the PHC string format "$argon2id$v=19$m=...". */
public final class Passwords {
    public static final int MIN_LENGTH = 8;
    /** Far above any real password; keeps a hash request from costing more than a normal one. */
    public static final int MAX_LENGTH = 1024;
    private static final Argon2PasswordEncoder ENCODER = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    private Passwords() {
    }

    public static String hash(String password) {
        requireAcceptable(password);
        return ENCODER.encode(password);
    }

    public static boolean matches(String password, String hash) {
        if (password == null || hash == null || password.length() > MAX_LENGTH) {
            return false;
        }
        return ENCODER.matches(password, hash);
    }

    /** Spends the time a check of a real hash takes, so that an unknown user name answers no faster than a wrong password. */
    static void matchNobody(String password) {
        matches(password == null ? "" : password, NobodysHash.HASH);
    }

    public static void requireAcceptable(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw StoreError.of(StoreError.Kind.INVALID, "a password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw StoreError.of(StoreError.Kind.INVALID, "a password may have at most " + MAX_LENGTH + " characters");
        }
    }

    private static final class NobodysHash {
        static final String HASH = ENCODER.encode(Secrets.newSecret());
    }
}
