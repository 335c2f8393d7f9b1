package org.linfenatlas.store.postgis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.linfenatlas.model.Layers;
import org.linfenatlas.store.LayerRepository;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on the channel the layer triggers notify (see V4__writes.sql) on a session of its own and
 * calls back with what each notification names: a layer and the ids of its changed rows, or the whole
 * layer (more than 100 rows, a truncate). After a lost connection it reconnects and calls back for
 * every layer, because changes made meanwhile were not heard.
 */
final class NotificationListener implements AutoCloseable {
    static final String CHANNEL = "atlas_changed";
    private static final Logger LOG = LoggerFactory.getLogger(NotificationListener.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int POLL_MILLIS = 500;
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private final PostGisRepository repository;
    private final LayerRepository.ChangeListener callback;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;

    private NotificationListener(PostGisRepository repository, LayerRepository.ChangeListener callback) {
        this.repository = repository;
        this.callback = callback;
        this.thread = new Thread(this::run, "postgis-listener");
        this.thread.setDaemon(true);
    }

    /** Starts listening; returns once the LISTEN is in place, so no later commit is missed. */
    static NotificationListener start(PostGisRepository repository, LayerRepository.ChangeListener callback) {
        NotificationListener listener = new NotificationListener(repository, callback);
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
                    Layers.STORED.forEach(layer -> fire(layer.id(), null));
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                PGNotification[] heard = pg.getNotifications(POLL_MILLIS);
                if (heard != null) {
                    for (PGNotification n : heard) {
                        fire(n.getParameter());
                    }
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

    /** A payload {"layer": "projects", "ids": ["a", "b"] or null}. */
    private void fire(String payload) {
        try {
            JsonNode doc = JSON.readTree(payload);
            JsonNode ids = doc.path("ids");
            List<String> list = null;
            if (ids.isArray()) {
                list = new ArrayList<>();
                for (JsonNode id : ids) {
                    list.add(id.asText());
                }
            }
            fire(doc.path("layer").asText(), list);
        } catch (IOException e) {
            LOG.warn("ignored a change notification that is not JSON: {}", e.getMessage());
        }
    }

    private void fire(String layer, List<String> ids) {
        try {
            callback.changed(layer, ids);
        } catch (RuntimeException e) {
            LOG.error("updating after a database change of {} failed", layer, e);
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
