package org.linfenatlas.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One line per request: method, path, status, milliseconds. */
public final class RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger("org.linfenatlas.requests");

    private RequestLog() {
    }

    public static void log(String method, String path, int status, long startedNanos) {
        log(method, path, status, (System.nanoTime() - startedNanos) / 1e6);
    }

    public static void log(String method, String path, int status, double ms) {
        if (LOG.isInfoEnabled()) {
            long tenths = Math.round(ms * 10); // String.format costs more than the rest of a cached answer
            LOG.info("{} {} {} {}.{}ms", method, path, status, tenths / 10, tenths % 10);
        }
    }
}
