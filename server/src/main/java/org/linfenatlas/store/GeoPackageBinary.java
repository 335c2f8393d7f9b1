package org.linfenatlas.store;

import java.util.Arrays;

/**
 * The WKB inside a GeoPackage geometry blob (GeoPackage 1.3, clause 2.1.3, GeoPackageBinary): the header is
 * skipped without decoding the geometry, which JTS then reads once. The header: "GP", a version byte, a flags
 * byte (bit 0 byte order, bits 1–3 the envelope's kind, bit 4 empty, bit 5 extended), the SRS id (4 bytes) and
 * an envelope of 0, 4, 6, 6 or 8 doubles.
 */
final class GeoPackageBinary {
    private static final int[] ENVELOPE_DOUBLES = {0, 4, 6, 6, 8};

    private GeoPackageBinary() {
    }

    /** The blob's WKB, or null for no blob. */
    static byte[] wkb(byte[] blob) {
        if (blob == null) {
            return null;
        }
        if (blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            throw new IllegalArgumentException("not a GeoPackage geometry blob");
        }
        int flags = blob[3];
        if ((flags & 0x20) != 0) {
            throw new IllegalArgumentException("an extended GeoPackage geometry (not WKB)");
        }
        int envelope = (flags >> 1) & 0x07;
        if (envelope >= ENVELOPE_DOUBLES.length) {
            throw new IllegalArgumentException("a GeoPackage geometry with an invalid envelope indicator " + envelope);
        }
        int header = 8 + 8 * ENVELOPE_DOUBLES[envelope];
        // an empty geometry (flag bit 4) still has its WKB (an empty collection, a point of NaNs): JTS reads it
        return blob.length <= header ? null : Arrays.copyOfRange(blob, header, blob.length);
    }
}
