package org.linfenatlas.api;

import org.eclipse.jetty.server.CustomRequestLog;
import org.slf4j.LoggerFactory;

/**
 * One line per request on standard error, whichever handler answered it (the cache in front of
 * Javalin, a route, the static files): time, method, path, status, milliseconds. The lines are
 * written from their own thread ({@link BatchingLogWriter}), so no request waits on the stream; a
 * logger shared by the request threads was the first point of contention under load.
 */
public final class RequestLog {
    static final String FORMAT = "%{yyyy-MM-dd HH:mm:ss|UTC}t %m %U %s %{ms}Tms"; // whole seconds: formatted once a second
    private static final int QUEUE_LINES = 64 * 1024;

    private RequestLog() {
    }

    /** Off when the level of the logger org.linfenatlas.requests is above info (the build's warm-up sets warn). */
    public static boolean enabled() {
        return LoggerFactory.getLogger("org.linfenatlas.requests").isInfoEnabled();
    }

    public static org.eclipse.jetty.server.RequestLog toStandardError() {
        return new CustomRequestLog(new BatchingLogWriter(System.err, QUEUE_LINES), FORMAT);
    }
}
