package org.linfenatlas.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

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
    private volatile byte[] gzipped;

    private EncodedResponse(byte[] body, String contentType, String contentCrs, int gzipLevel) {
        this.body = body;
        this.contentType = contentType;
        this.contentCrs = contentCrs;
        this.gzipLevel = gzipLevel;
        this.etag = "\"" + sha256(body) + "\"";
    }

    /** For a response that will be cached and sent many times: compressed as small as gzip can. */
    public static EncodedResponse lasting(byte[] body, String contentType, String contentCrs) {
        return new EncodedResponse(body, contentType, contentCrs, Deflater.BEST_COMPRESSION);
    }

    /** For a response sent once (a bbox or search page): compressed fast, a few percent larger. */
    public static EncodedResponse once(byte[] body, String contentType, String contentCrs) {
        return new EncodedResponse(body, contentType, contentCrs, Deflater.BEST_SPEED);
    }

    public byte[] body() {
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

    public byte[] gzipped() {
        byte[] z = gzipped;
        if (z == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
            try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
                {
                    def.setLevel(gzipLevel);
                }
            }) {
                gzip.write(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            z = out.toByteArray();
            gzipped = z;
        }
        return z;
    }

    public long size() {
        byte[] z = gzipped;
        return body.length + (z == null ? 0 : z.length);
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
