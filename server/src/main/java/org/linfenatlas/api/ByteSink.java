package org.linfenatlas.api;

import java.io.ByteArrayOutputStream;

/**
 * A growable byte buffer read in place: a page is written here and compressed or checksummed
 * straight from {@link #array()}, without the copy {@code toByteArray()} would make.
 */
final class ByteSink extends ByteArrayOutputStream {
    ByteSink(int capacity) {
        super(capacity);
    }

    /** The bytes written so far are {@code array()[0 .. size())}; the array is replaced when the sink grows. */
    byte[] array() {
        return buf;
    }

    int capacity() {
        return buf.length;
    }

    void set(int index, byte value) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException(index);
        }
        buf[index] = value;
    }
}
