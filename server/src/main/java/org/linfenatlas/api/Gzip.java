package org.linfenatlas.api;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * gzip (RFC 1952) with one Deflater per thread and level, reset between uses: GZIPOutputStream
 * makes and frees zlib's state on every response, which costs a fifth of compressing a bbox page.
 */
final class Gzip {
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final ThreadLocal<Deflater[]> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater[11]);
    private static final ThreadLocal<byte[]> CHUNKS = ThreadLocal.withInitial(() -> new byte[64 * 1024]);

    private Gzip() {
    }

    static byte[] compress(byte[] data, int level) {
        Deflater[] byLevel = DEFLATERS.get();
        Deflater deflater = byLevel[level + 1]; // levels run from -1 (zlib's default) to 9
        if (deflater == null) {
            deflater = new Deflater(level, true);
            byLevel[level + 1] = deflater;
        }
        deflater.reset();
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
        out.writeBytes(HEADER);
        byte[] buffer = CHUNKS.get();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        CRC32 crc = new CRC32();
        crc.update(data);
        writeIntLittleEndian(out, (int) crc.getValue());
        writeIntLittleEndian(out, data.length);
        return out.toByteArray();
    }

    private static void writeIntLittleEndian(ByteArrayOutputStream out, int value) {
        for (int shift = 0; shift < 32; shift += 8) {
            out.write(value >>> shift);
        }
    }
}
