package org.linfenatlas.api;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Deflater;

/**
 * A response body encoded once: the bytes, their gzip form (made on first need) and a strong
 * ETag from their hash, so repeated requests cost a lookup and a write.
 */
public final class EncodedResponse {
    private final byte[] body;
    private final String contentType;
    private final String etag;
    private final String contentCrs;
    private final int gzipLevel;
    private final boolean compressible;
    /** Sent with every reply of this response, 304 included (a page's security headers). */
    private final List<Map.Entry<String, String>> headers;
    private volatile byte[] gzipped;
    private volatile ByteBuffer directBody;
    private volatile ByteBuffer directGzipped;

    private EncodedResponse(byte[] body, String contentType, String contentCrs, int gzipLevel, String etag) {
        this(body, contentType, contentCrs, gzipLevel, etag, true);
    }

    private EncodedResponse(byte[] body, String contentType, String contentCrs, int gzipLevel, String etag,
                            boolean compressible) {
        this.body = body;
        this.contentType = contentType;
        this.contentCrs = contentCrs;
        this.gzipLevel = gzipLevel;
        this.etag = etag;
        this.compressible = compressible;
        this.headers = List.of();
    }

    private EncodedResponse(EncodedResponse encoded, List<Map.Entry<String, String>> headers) {
        this.body = encoded.body;
        this.contentType = encoded.contentType;
        this.contentCrs = encoded.contentCrs;
        this.gzipLevel = encoded.gzipLevel;
        this.etag = encoded.etag;
        this.compressible = encoded.compressible;
        this.gzipped = encoded.gzipped;
        this.headers = List.copyOf(headers);
    }

    /** For a response that will be cached and sent many times: compressed as small as gzip can, tagged by SHA-256. */
    public static EncodedResponse lasting(byte[] body, String contentType, String contentCrs) {
        return new EncodedResponse(body, contentType, contentCrs, Deflater.BEST_COMPRESSION, "\"" + sha256(body) + "\"");
    }

    /** As {@link #lasting}, with the ETag the caller derives (a feature's: its version, not its bytes). */
    public static EncodedResponse tagged(byte[] body, String contentType, String contentCrs, String etag) {
        return new EncodedResponse(body, contentType, contentCrs, Deflater.BEST_COMPRESSION, etag);
    }

    /** A file sent many times, as {@link #lasting}, but never gzipped when {@code compressible} is false (a PNG, say). */
    public static EncodedResponse file(byte[] body, String contentType, boolean compressible) {
        return new EncodedResponse(body, contentType, null, Deflater.BEST_COMPRESSION, "\"" + sha256(body) + "\"",
                compressible);
    }

    /**
     * For a response sent once (a bbox or search page), encoded for the one request it answers: its
     * gzip form (compressed fast, a few percent larger) when that request accepts gzip, else its plain
     * bytes; {@code bytes} may be a buffer that is reused afterwards. Tagged by two 32-bit checksums
     * with different polynomials and the length (a fraction of the cost of SHA-256 on every request;
     * two different pages of one URL pass for equal with odds of about 2^-64).
     */
    public static EncodedResponse once(byte[] bytes, int length, String contentType, String contentCrs, boolean gzip) {
        CRC32C crc32c = new CRC32C();
        crc32c.update(bytes, 0, length);
        CRC32 crc32 = new CRC32();
        crc32.update(bytes, 0, length);
        HexFormat hex = HexFormat.of();
        String etag = "\"" + hex.toHexDigits((int) crc32c.getValue()) + hex.toHexDigits((int) crc32.getValue())
                + "-" + Integer.toHexString(length) + "\"";
        if (!gzip) {
            return new EncodedResponse(Arrays.copyOf(bytes, length), contentType, contentCrs, Deflater.BEST_SPEED, etag);
        }
        EncodedResponse response = new EncodedResponse(null, contentType, contentCrs, Deflater.BEST_SPEED, etag);
        response.gzipped = Gzip.compress(bytes, 0, length, Deflater.BEST_SPEED, (int) crc32.getValue());
        return response;
    }

    /**
     * The same bytes and ETag, sent with these headers too.
     * Only for responses kept and sent many times: the headers travel with the cached answer, so the
     * {@link FastPathHandler} sends them as the route does.
     */
    public EncodedResponse withHeaders(List<Map.Entry<String, String>> extra) {
        return new EncodedResponse(this, extra);
    }

    /** Headers sent with every reply of this response besides those of {@link Reply}; usually none. */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** The plain bytes; a one-off response made for a gzip request has only its gzip form. */
    public byte[] body() {
        if (body == null) {
            throw new IllegalStateException("this response was encoded for a gzip request only");
        }
        return body;
    }

    public String contentType() {
        return contentType;
    }

    public String etag() {
        return etag;
    }

    public String contentCrs() {
        return contentCrs;
    }

    /** False for a body gzip cannot shrink: every request gets the plain bytes. */
    public boolean compressible() {
        return compressible;
    }

    public byte[] gzipped() {
        byte[] z = gzipped;
        if (z == null) {
            z = Gzip.compress(body, gzipLevel);
            gzipped = z;
        }
        return z;
    }

    /**
     * The body (plain or gzip) as a read-only view of a direct buffer made on first need: a socket
     * write from a heap array copies it into a direct buffer first, on every request. Used for cached
     * responses only, so direct memory holds at most one more copy of what the cache holds.
     */
    public ByteBuffer direct(boolean gzip) {
        ByteBuffer buffer = gzip ? directGzipped : directBody;
        if (buffer == null) { // racing threads may each make one: equal contents, and a volatile field publishes it whole
            byte[] bytes = gzip ? gzipped() : body;
            buffer = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
            if (gzip) {
                directGzipped = buffer;
            } else {
                directBody = buffer;
            }
        }
        return buffer.duplicate();
    }

    public long size() {
        byte[] z = gzipped;
        return (body == null ? 0 : body.length) + (z == null ? 0 : z.length);
    }

    private static String sha256(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
