package org.linfenatlas.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Our gzip framing around a reused Deflater reads back with the JDK's own gzip reader. */
class GzipTest {

    @Test
    void emptyBodyRoundTrips() throws Exception {
        assertRoundTrip(new byte[0], Deflater.BEST_SPEED);
    }

    @Test
    void textRoundTripsAtEveryLevelWeUse() throws Exception {
        byte[] text = "{\"type\":\"FeatureCollection\",\"name\":\"临汾\"}".repeat(500).getBytes(StandardCharsets.UTF_8);
        assertRoundTrip(text, Deflater.BEST_SPEED);
        assertRoundTrip(text, Deflater.BEST_COMPRESSION);
        assertRoundTrip(text, Deflater.DEFAULT_COMPRESSION);
    }

    @Test
    void incompressibleBodyLargerThanTheBufferRoundTrips() throws Exception {
        byte[] noise = new byte[300_000];
        new Random(5).nextBytes(noise);
        assertRoundTrip(noise, Deflater.BEST_SPEED);
    }

    @Test
    void reusedDeflaterKeepsNothingOfThePreviousBody() throws Exception {
        assertRoundTrip("first body, long enough to leave state behind".repeat(100).getBytes(StandardCharsets.UTF_8), Deflater.BEST_SPEED);
        assertRoundTrip("second".getBytes(StandardCharsets.UTF_8), Deflater.BEST_SPEED);
    }

    @Test
    void bodyLargerThanTheKeptOutputBufferRoundTripsAndTheNextStillDoes() throws Exception {
        byte[] noise = new byte[3_000_000];
        new Random(7).nextBytes(noise);
        assertRoundTrip(noise, Deflater.BEST_SPEED);
        assertRoundTrip("small after large".getBytes(StandardCharsets.UTF_8), Deflater.BEST_SPEED);
    }

    @Test
    void sliceOfABufferCompressesOnlyThatSlice() throws Exception {
        byte[] buffer = "head|the slice|tail".getBytes(StandardCharsets.UTF_8);
        byte[] back = new GZIPInputStream(new ByteArrayInputStream(Gzip.compress(buffer, 5, 9, Deflater.BEST_SPEED))).readAllBytes();
        assertArrayEquals("the slice".getBytes(StandardCharsets.UTF_8), back);
    }

    private static void assertRoundTrip(byte[] data, int level) throws Exception {
        byte[] back = new GZIPInputStream(new ByteArrayInputStream(Gzip.compress(data, level))).readAllBytes();
        assertArrayEquals(data, back);
    }
}
