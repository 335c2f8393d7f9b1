package org.linfenatlas.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.linfenatlas.store.StoreError;

class PasswordsTest {
    @Test
    void hashMatchesItsPasswordOnly() {
        String hash = Passwords.hash("correct horse battery");
        assertTrue(Passwords.matches("correct horse battery", hash));
        assertFalse(Passwords.matches("correct horse batterY", hash));
    }

    @Test
    void hashIsArgon2idAndDoesNotContainThePassword() {
        String hash = Passwords.hash("correct horse battery");
        assertTrue(hash.startsWith("$argon2id$"), hash);
        assertFalse(hash.contains("correct horse battery"));
    }

    @Test
    void samePasswordHashesDifferentlyEachTime() {
        assertNotEquals(Passwords.hash("correct horse battery"), Passwords.hash("correct horse battery"));
    }

    @Test
    void passwordShorterThanEightCharactersIsRefused() {
        StoreError e = assertThrows(StoreError.class, () -> Passwords.hash("1234567"));
        assertEquals(StoreError.Kind.INVALID, e.kind());
    }

    @Test
    void secretsAre32RandomBytesInBase64url() {
        String secret = Secrets.newSecret();
        assertEquals(43, secret.length());
        assertTrue(secret.matches("[A-Za-z0-9_-]+"), secret);
        assertNotEquals(secret, Secrets.newSecret());
    }

    @Test
    void secretMatchesOnlyItsOwnHash() {
        String secret = Secrets.newSecret();
        assertTrue(Secrets.matchesHash(secret, Secrets.sha256Hex(secret)));
        assertFalse(Secrets.matchesHash(Secrets.newSecret(), Secrets.sha256Hex(secret)));
    }
}
