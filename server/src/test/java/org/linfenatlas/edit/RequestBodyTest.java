package org.linfenatlas.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.linfenatlas.store.StoreError;

/** The limits of ProjectValidator.parseBody, checked before the content. */
class RequestBodyTest {

    @Test
    void aFeatureIsParsed() {
        JsonNode node = ProjectValidator.parseBody(utf8("{\"type\": \"Feature\", \"properties\": {\"name\": \"吉县\"}}"));
        assertEquals("吉县", node.path("properties").path("name").asText());
    }

    @Test
    void moreThanOneMegabyteIsTooLarge() {
        byte[] body = utf8("{\"a\": \"" + "x".repeat(1 << 20) + "\"}");
        assertEquals(StoreError.Kind.TOO_LARGE, refusal(body).kind());
    }

    @Test
    void exactlyOneMegabyteIsAccepted() {
        String frame = "{\"a\": \"\"}";
        byte[] body = utf8("{\"a\": \"" + "x".repeat((1 << 20) - frame.length()) + "\"}");
        assertEquals(1 << 20, body.length);
        assertEquals((1 << 20) - frame.length(), ProjectValidator.parseBody(body).path("a").asText().length());
    }

    @Test
    void bytesThatAreNotUtf8AreMalformed() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        StoreError e = refusal(body);
        assertEquals(StoreError.Kind.MALFORMED, e.kind());
        assertEquals("the body is not UTF-8 text", e.details().get(0).problem());
    }

    @Test
    void utf16IsMalformed() {
        assertEquals(StoreError.Kind.MALFORMED, refusal("{\"a\": 1}".getBytes(StandardCharsets.UTF_16)).kind());
    }

    @Test
    void invalidJsonIsMalformed() {
        StoreError e = refusal(utf8("{\"a\": }"));
        assertEquals(StoreError.Kind.MALFORMED, e.kind());
        assertTrue(e.details().get(0).problem().startsWith("the body is not valid JSON"), e.details().toString());
    }

    @Test
    void anEmptyBodyIsMalformed() {
        assertEquals(StoreError.Kind.MALFORMED, refusal(new byte[0]).kind());
    }

    @Test
    void trailingContentIsMalformed() {
        assertEquals(StoreError.Kind.MALFORMED, refusal(utf8("{\"a\": 1} {\"b\": 2}")).kind());
    }

    @Test
    void aDuplicateKeyIsMalformed() {
        assertEquals(StoreError.Kind.MALFORMED, refusal(utf8("{\"a\": 1, \"a\": 2}")).kind());
    }

    @Test
    void twentyLevelsOfNestingAreAccepted() {
        assertTrue(ProjectValidator.parseBody(utf8("[".repeat(20) + "]".repeat(20))).isArray());
    }

    @Test
    void twentyOneLevelsOfNestingAreMalformed() {
        StoreError e = refusal(utf8("[".repeat(21) + "]".repeat(21)));
        assertEquals(StoreError.Kind.MALFORMED, e.kind());
        assertTrue(e.details().get(0).problem().startsWith("the body exceeds a limit"), e.details().toString());
    }

    @Test
    void aNumberOfMoreThanAHundredDigitsIsMalformed() {
        assertEquals(StoreError.Kind.MALFORMED, refusal(utf8("{\"a\": " + "9".repeat(101) + "}")).kind());
    }

    private static StoreError refusal(byte[] body) {
        return assertThrows(StoreError.class, () -> ProjectValidator.parseBody(body));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
