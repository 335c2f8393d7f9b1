package org.linfenatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The response cache: one encoding per key, a byte budget, and recently used entries kept longest. */
class ResponseCacheTest {

    @Test
    void sameKeyIsEncodedOnce() {
        ResponseCache cache = new ResponseCache(1 << 20, 1 << 20);
        EncodedResponse first = cache.get("k", () -> response(100));
        assertSame(first, cache.get("k", () -> {
            throw new AssertionError("encoded twice");
        }));
        assertSame(first, cache.peek("k"));
    }

    @Test
    void staysWithinItsByteBudget() {
        ResponseCache cache = new ResponseCache(10_000, 10_000);
        for (int i = 0; i < 50; i++) {
            cache.get("k" + i, () -> response(1_000));
        }
        assertTrue(cache.bytes() <= 10_000, "holds " + cache.bytes());
        assertNotNull(cache.peek("k49"), "the newest entry stays");
        assertNull(cache.peek("k0"), "the oldest unused entry went first");
    }

    @Test
    void anEntryUsedSinceItCameRoundOutlivesUnusedOnes() {
        ResponseCache cache = new ResponseCache(10_000, 10_000);
        cache.get("hot", () -> response(1_000));
        for (int i = 0; i < 50; i++) {
            cache.peek("hot");
            cache.get("cold" + i, () -> response(1_000));
        }
        assertNotNull(cache.peek("hot"));
        assertNull(cache.peek("cold0"));
    }

    @Test
    void entryLargerThanItsLimitIsServedButNotKept() {
        ResponseCache cache = new ResponseCache(1 << 20, 500);
        assertNotNull(cache.get("big", () -> response(1_000)));
        assertNull(cache.peek("big"));
        assertEquals(0, cache.bytes());
    }

    private static EncodedResponse response(int size) {
        byte[] body = new byte[size];
        new Random(size).nextBytes(body); // incompressible: the gzip form is about as large again
        return EncodedResponse.lasting(body, Http.JSON, null);
    }
}
