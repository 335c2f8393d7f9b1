package org.linfenatlas.store.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linfenatlas.index.IndexedStore;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.Layers;
import org.linfenatlas.store.ItemsQuery;
import org.linfenatlas.store.StoreException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Two server instances on one database: a commit by one reaches the other's in-memory index through LISTEN/NOTIFY. */
class PostGisChangeListenerTest {
    private static final GeometryFactory G = new GeometryFactory();
    private PostGisRepository serving;
    private PostGisRepository writer;

    @BeforeEach
    void open() {
        serving = TestDatabase.freshRepository();
        serving.replaceAll(Layers.RIVERS_SPEC, List.of(river("old")));
        writer = PostGisRepository.open(TestDatabase.url());
    }

    @AfterEach
    void close() {
        if (writer != null) {
            writer.close();
        }
        if (serving != null) {
            serving.close();
        }
    }

    @Test
    void anotherInstanceSeesACommittedChange() {
        IndexedStore store = IndexedStore.load(serving);
        serving.onChange(store::changed);
        String before = store.revision();
        writer.replaceAll(Layers.RIVERS_SPEC, List.of(river("new-1"), river("new-2")));
        waitFor(() -> riverIds(store).equals(List.of("new-1", "new-2")), "the index reloads after the other instance's commit");
        assertNotEquals(before, store.revision());
    }

    @Test
    void theSqlReadPathLearnsTheNewVersionToo() {
        PostGisFeatureStore store = PostGisFeatureStore.over(serving);
        String before = store.revision();
        assertEquals(1, store.collection(Layers.RIVERS).orElseThrow().count());
        writer.replaceAll(Layers.RIVERS_SPEC, List.of(river("new-1"), river("new-2")));
        waitFor(() -> !store.revision().equals(before), "the revision changes after the other instance's commit");
        assertEquals(2, store.collection(Layers.RIVERS).orElseThrow().count(), "collections follow the new version");
    }

    @Test
    void aRolledBackWriteNotifiesNobody() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        serving.onChange((layer, ids) -> calls.incrementAndGet());
        assertThrows(StoreException.class, () -> writer.replaceAll(Layers.RIVERS_SPEC, List.of(river("x"), river("x"))));
        Thread.sleep(1500);
        assertEquals(0, calls.get());
        writer.replaceAll(Layers.RIVERS_SPEC, List.of(river("y")));
        waitFor(() -> calls.get() >= 1, "calls for the committed transaction (one per statement)");
    }

    @Test
    void listeningResumesAfterTheSessionIsKilled() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        serving.onChange((layer, ids) -> calls.incrementAndGet());
        try (Connection c = TestDatabase.connect(TestDatabase.url()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     + "WHERE datname = current_database() AND query = 'LISTEN " + NotificationListener.CHANNEL + "'")) {
            assertTrue(rs.next() && rs.getBoolean(1), "the listening session was found and ended");
        }
        waitFor(() -> calls.get() >= 1, "a call after reconnecting, for what may have been missed");
        int afterReconnect = calls.get();
        writer.replaceAll(Layers.RIVERS_SPEC, List.of(river("z")));
        waitFor(() -> calls.get() > afterReconnect, "changes are heard again");
    }

    private static List<String> riverIds(IndexedStore store) {
        return store.items(ItemsQuery.all(Layers.RIVERS)).features().stream().map(Feature::id).toList();
    }

    private static void waitFor(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static Feature river(String id) {
        return new Feature(id, G.createLineString(new Coordinate[] {new Coordinate(111, 36), new Coordinate(111.2, 36.3)}),
                Map.of("name", "河" + id, "level", 2L));
    }
}
