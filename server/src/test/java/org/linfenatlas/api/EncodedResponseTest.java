package org.linfenatlas.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Strong ETags follow the bytes, for cached and one-off responses alike; the direct views hold the same bytes. */
class EncodedResponseTest {
    private static final byte[] PAGE = "{\"type\":\"FeatureCollection\",\"features\":[]}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER = "{\"type\":\"FeatureCollection\",\"features\":[1]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void oneOffTagIsQuotedAndFollowsTheBytes() {
        String tag = EncodedResponse.once(PAGE, Http.GEOJSON, null).etag();
        assertTrue(tag.matches("\"[0-9a-f]{16}-[0-9a-f]+\""), tag);
        assertEquals(tag, EncodedResponse.once(PAGE.clone(), Http.GEOJSON, null).etag());
        assertNotEquals(tag, EncodedResponse.once(OTHER, Http.GEOJSON, null).etag());
    }

    @Test
    void cachedTagFollowsTheBytes() {
        assertEquals(EncodedResponse.lasting(PAGE, Http.JSON, null).etag(), EncodedResponse.lasting(PAGE.clone(), Http.JSON, null).etag());
        assertNotEquals(EncodedResponse.lasting(PAGE, Http.JSON, null).etag(), EncodedResponse.lasting(OTHER, Http.JSON, null).etag());
    }

    @Test
    void directViewsHoldTheBodyAndItsGzipForm() {
        EncodedResponse response = EncodedResponse.lasting(PAGE, Http.JSON, null);
        assertArrayEquals(PAGE, bytes(response.direct(false)));
        assertArrayEquals(response.gzipped(), bytes(response.direct(true)));
        assertArrayEquals(PAGE, bytes(response.direct(false)), "each call is a fresh view from the start");
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
