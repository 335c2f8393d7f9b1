package org.linfenatlas.store.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.linfenatlas.config.ConfigException;

/** --db URLs into JDBC URL and credentials, with the password kept out of everything printable. */
class PostGisUrlTest {
    @Test
    void splitsCredentialsFromTheJdbcUrl() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://atlas:s3cret@db.example:6543/linfen");
        assertEquals("jdbc:postgresql://db.example:6543/linfen", url.jdbcUrl());
        assertEquals("atlas", url.user());
        assertEquals("s3cret", url.password());
        assertEquals("linfen", url.database());
    }

    @Test
    void neverShowsThePassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://atlas:s3cret@localhost/linfen?password=other&sslmode=require");
        assertEquals("other", url.password());
        for (String shown : new String[] {url.redacted(), url.toString(), url.jdbcUrl()}) {
            assertFalse(shown.contains("s3cret") || shown.contains("other"), shown);
        }
        assertEquals("jdbc:postgresql://localhost:5432/linfen?sslmode=require", url.jdbcUrl());
        assertEquals("postgresql://atlas@localhost:5432/linfen", url.redacted());
    }

    @Test
    void decodesPercentEscapesInCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://at%40las:p%3Ass%2Fw+rd@127.0.0.1:5432/db");
        assertEquals("at@las", url.user());
        assertEquals("p:ss/w+rd", url.password());
    }

    @Test
    void credentialsAreOptional() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://[::1]/atlas");
        assertNull(url.user());
        assertNull(url.password());
        assertEquals("jdbc:postgresql://[::1]:5432/atlas", url.jdbcUrl());
    }

    @Test
    void refusesWhatIsNotAPostgresqlUrl() {
        assertThrows(ConfigException.class, () -> DatabaseUrl.parse("mysql://u:p@h/db"));
        assertThrows(ConfigException.class, () -> DatabaseUrl.parse("postgresql://u:p@h:5432/"));
        assertThrows(ConfigException.class, () -> DatabaseUrl.parse("postgresql:///db"));
        assertThrows(ConfigException.class, () -> DatabaseUrl.parse("postgresql://u:p@h:5432/a b"));
    }
}
