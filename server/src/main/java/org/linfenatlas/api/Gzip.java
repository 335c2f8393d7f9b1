package org.linfenatlas.api;

import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * gzip (RFC 1952) with one Deflater and one output buffer per thread, reused: GZIPOutputStream
 * makes and frees zlib's state on every response, which costs a fifth of compressing a bbox page,
 * and a fresh output stream per page is garbage that brings the next collection closer.
 */
final class Gzip {
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int TRAILER = 8;
    private static final int MAX_KEPT_OUTPUT = 1 << 20;
    private static final ThreadLocal<Deflater[]> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater[11]);
    private static final ThreadLocal<byte[]> OUTPUTS = ThreadLocal.withInitial(() -> new byte[64 * 1024]);

    private Gzip() {
    }

    static byte[] compress(byte[] data, int level) {
        return compress(data, 0, data.length, level);
    }

    /** The gzip form of {@code data[offset .. offset + length)}, in an array of its exact size. */
    static byte[] compress(byte[] data, int offset, int length, int level) {
        CRC32 crc = new CRC32();
        crc.update(data, offset, length);
        return compress(data, offset, length, level, (int) crc.getValue());
    }

    /** The same, for a caller that has the slice's CRC-32 already (a one-off response's ETag holds it). */
    static byte[] compress(byte[] data, int offset, int length, int level, int crc32) {
        Deflater deflater = deflater(level);
        deflater.setInput(data, offset, length);
        deflater.finish();
        byte[] out = OUTPUTS.get();
        System.arraycopy(HEADER, 0, out, 0, HEADER.length);
        int n = HEADER.length;
        while (!deflater.finished()) {
            if (out.length - n < TRAILER + 1) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            n += deflater.deflate(out, n, out.length - n - TRAILER);
        }
        n = writeIntLittleEndian(out, n, crc32);
        n = writeIntLittleEndian(out, n, length);
        OUTPUTS.set(out.length > MAX_KEPT_OUTPUT ? new byte[64 * 1024] : out);
        return Arrays.copyOf(out, n);
    }

    private static Deflater deflater(int level) {
        Deflater[] byLevel = DEFLATERS.get();
        Deflater deflater = byLevel[level + 1]; // levels run from -1 (zlib's default) to 9
        if (deflater == null) {
            deflater = new Deflater(level, true);
            byLevel[level + 1] = deflater;
        }
        deflater.reset();
        return deflater;
    }

    private static int writeIntLittleEndian(byte[] out, int at, int value) {
        for (int shift = 0; shift < 32; shift += 8) {
            out[at++] = (byte) (value >>> shift);
        }
        return at;
    }
}
