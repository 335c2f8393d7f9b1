package org.linfenatlas.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Strong ETags follow the bytes, for cached and one-off responses alike; the direct views hold the same bytes. */
class EncodedResponseTest {
    private static final byte[] PAGE = "{\"type\":\"FeatureCollection\",\"features\":[]}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER = "{\"type\":\"FeatureCollection\",\"features\":[1]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void oneOffTagIsQuotedAndFollowsTheBytes() {
        String tag = once(PAGE, false).etag();
        assertTrue(tag.matches("\"[0-9a-f]{16}-[0-9a-f]+\""), tag);
        assertEquals(tag, once(PAGE.clone(), false).etag());
        assertNotEquals(tag, once(OTHER, false).etag());
    }

    @Test
    void oneOffTagIsTheSameForThePlainAndTheGzipForm() {
        assertEquals(once(PAGE, false).etag(), once(PAGE, true).etag());
    }

    @Test
    void oneOffResponseReadsOnlyTheBufferLengthItIsGiven() throws Exception {
        byte[] buffer = Arrays.copyOf(PAGE, PAGE.length + 100);
        Arrays.fill(buffer, PAGE.length, buffer.length, (byte) 'x');
        EncodedResponse plain = EncodedResponse.once(buffer, PAGE.length, Http.GEOJSON, null, false);
        EncodedResponse gzip = EncodedResponse.once(buffer, PAGE.length, Http.GEOJSON, null, true);
        assertArrayEquals(PAGE, plain.body());
        assertArrayEquals(PAGE, new GZIPInputStream(new ByteArrayInputStream(gzip.gzipped())).readAllBytes());
        assertEquals(once(PAGE, false).etag(), plain.etag());
    }

    @Test
    void oneOffResponseKeepsItsBytesWhenTheBufferIsReused() throws Exception {
        byte[] buffer = PAGE.clone();
        EncodedResponse plain = EncodedResponse.once(buffer, buffer.length, Http.GEOJSON, null, false);
        EncodedResponse gzip = EncodedResponse.once(buffer, buffer.length, Http.GEOJSON, null, true);
        Arrays.fill(buffer, (byte) 0);
        assertArrayEquals(PAGE, plain.body());
        assertArrayEquals(PAGE, new GZIPInputStream(new ByteArrayInputStream(gzip.gzipped())).readAllBytes());
    }

    @Test
    void oneOffResponseForAGzipRequestHasNoPlainForm() {
        assertThrows(IllegalStateException.class, () -> once(PAGE, true).body());
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

    private static EncodedResponse once(byte[] page, boolean gzip) {
        return EncodedResponse.once(page, page.length, Http.GEOJSON, null, gzip);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
