package org.linfenatlas.store;

/** A store failed for reasons of its own (I/O, corrupt data, lost connection): a 5xx, never the client's fault. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
