package org.linfenatlas.store.postgis;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on the channel the layer triggers notify (see V1__layers.sql) on a session of its own
 * and calls back once per burst of changes. After a lost connection it reconnects and calls back
 * once more, because changes made meanwhile were not heard.
 */
final class ChangeListener implements AutoCloseable {
    static final String CHANNEL = "atlas_changed";
    private static final Logger LOG = LoggerFactory.getLogger(ChangeListener.class);
    private static final int POLL_MILLIS = 500;
    private static final int QUIET_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private final PostGisRepository repository;
    private final Runnable callback;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;

    private ChangeListener(PostGisRepository repository, Runnable callback) {
        this.repository = repository;
        this.callback = callback;
        this.thread = new Thread(this::run, "postgis-listener");
        this.thread.setDaemon(true);
    }

    /** Starts listening; returns once the LISTEN is in place, so no later commit is missed. */
    static ChangeListener start(PostGisRepository repository, Runnable callback) {
        ChangeListener listener = new ChangeListener(repository, callback);
        try {
            listener.connect();
        } catch (SQLException e) {
            throw repository.failure("cannot listen for changes on", e);
        }
        listener.thread.start();
        return listener;
    }

    private void connect() throws SQLException {
        Connection c = repository.dedicatedConnection();
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + CHANNEL);
        }
        connection = c;
    }

    private void run() {
        long backoff = 500;
        while (running) {
            try {
                if (connection == null) {
                    connect();
                    LOG.info("listening for changes again");
                    fire();
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                PGNotification[] heard = pg.getNotifications(POLL_MILLIS);
                if (heard != null && heard.length > 0) {
                    while (running && (heard = pg.getNotifications(QUIET_MILLIS)) != null && heard.length > 0) {
                        // a burst (one notification per table and transaction): wait until it is over
                    }
                    fire();
                }
                backoff = 500;
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                LOG.warn("lost the change notifications ({}); reconnecting in {} ms", e.getMessage(), backoff);
                closeConnection();
                sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            }
        }
    }

    private void fire() {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.error("reloading after a database change failed", e);
        }
    }

    private void closeConnection() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already broken
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2 * POLL_MILLIS + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnection();
    }
}
