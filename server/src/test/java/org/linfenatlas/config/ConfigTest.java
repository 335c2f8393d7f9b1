package org.linfenatlas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
    @Test
    void helpNamesTheWarmUpCommand() {
        assertTrue(Config.help().contains("java -jar linfen-atlas.jar warm-up"), Config.help());
    }

    @Test
    void warmUpIsParsedAsACommand() {
        assertEquals("warm-up", Config.parse(new String[] {"warm-up"}, Map.of()).command());
    }

    @Test
    void publicUrlIsMadeCanonical() {
        assertEquals("https://atlas.example.org/linfen",
                Config.parse(new String[] {"--public-url", "HTTPS://Atlas.Example.org/linfen/"}, Map.of()).publicUrl());
        assertEquals("http://127.0.0.1:8080", Config.parse(new String[] {"--public-url=http://127.0.0.1:8080"}, Map.of()).publicUrl());
    }

    @Test
    void publicUrlComesFromTheEnvironmentAndIsAbsentByDefault() {
        assertEquals("https://atlas.example.org", Config.parse(new String[0], Map.of("ATLAS_PUBLIC_URL", "https://atlas.example.org")).publicUrl());
        assertNull(Config.parse(new String[0], Map.of()).publicUrl());
    }

    @Test
    void publicUrlMustBeHttpOrHttps() {
        for (String url : List.of("ftp://atlas.example.org", "atlas.example.org", "/api", "javascript:alert(1)")) {
            ConfigException e = assertThrows(ConfigException.class, () -> Config.parse(new String[] {"--public-url", url}, Map.of()), url);
            assertTrue(e.getMessage().startsWith("--public-url " + url) && e.getMessage().contains("http:// or https://"), e.getMessage());
        }
    }

    @Test
    void publicUrlWithAQueryOrAFragmentIsRefused() {
        assertTrue(refusal("https://atlas.example.org/?a=1").contains("query"));
        assertTrue(refusal("https://atlas.example.org/#top").contains("fragment"));
    }

    @Test
    void publicUrlWithoutAHostOrWithAUserIsRefused() {
        assertTrue(refusal("https:///linfen").contains("no host"));
        assertTrue(refusal("https://admin:secret@atlas.example.org").contains("user"));
        assertTrue(refusal("https://atlas example.org").contains("not a URL"));
    }

    @Test
    void forwardedHeadersAreNotTrustedByDefault() {
        assertFalse(Config.parse(new String[0], Map.of()).trustForwardedHeaders());
    }

    @Test
    void trustForwardedHeadersIsTrueAsABareFlagOrWithTrue() {
        Config bare = Config.parse(new String[] {"--trust-forwarded-headers", "--port", "8081"}, Map.of());
        assertTrue(bare.trustForwardedHeaders());
        assertEquals(8081, bare.port());
        assertTrue(Config.parse(new String[] {"--trust-forwarded-headers"}, Map.of()).trustForwardedHeaders());
        assertTrue(Config.parse(new String[] {"--trust-forwarded-headers", "true"}, Map.of()).trustForwardedHeaders());
        assertFalse(Config.parse(new String[] {"--trust-forwarded-headers", "false"}, Map.of()).trustForwardedHeaders());
        assertTrue(Config.parse(new String[0], Map.of("ATLAS_TRUST_FORWARDED_HEADERS", "true")).trustForwardedHeaders());
    }

    @Test
    void helpNamesThePublicUrlAndTheForwardedHeadersOptions() {
        String help = Config.help();
        assertTrue(help.contains("--public-url") && help.contains("ATLAS_PUBLIC_URL"), help);
        assertTrue(help.contains("--trust-forwarded-headers") && help.contains("ATLAS_TRUST_FORWARDED_HEADERS"), help);
    }

    private static String refusal(String url) {
        return assertThrows(ConfigException.class, () -> Config.parse(new String[] {"--public-url", url}, Map.of())).getMessage();
    }
}
