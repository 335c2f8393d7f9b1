package org.linfenatlas.api;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * Encoded responses by request (revision + base URL + request target), bounded in bytes. Reads
 * take no lock (every cached answer looks here first); eviction is CLOCK: the oldest entry goes
 * unless it was used since it last came round, in which case it gets a second chance. A new
 * store revision makes old keys unreachable; they age out.
 */
public final class ResponseCache {
    private final long maxBytes;
    private final long maxEntryBytes;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Queue<String> clock = new ConcurrentLinkedQueue<>();
    private long bytes;

    private static final class Entry {
        final EncodedResponse response;
        volatile boolean used;

        Entry(EncodedResponse response) {
            this.response = response;
        }
    }

    public ResponseCache(long maxBytes, long maxEntryBytes) {
        this.maxBytes = maxBytes;
        this.maxEntryBytes = maxEntryBytes;
    }

    /** The cached response for the key, or null: never encodes. */
    public EncodedResponse peek(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (!entry.used) {
            entry.used = true;
        }
        return entry.response;
    }

    public EncodedResponse get(String key, Supplier<EncodedResponse> encoder) {
        EncodedResponse hit = peek(key);
        if (hit != null) {
            return hit;
        }
        EncodedResponse fresh = encoder.get();
        if (fresh.body().length > maxEntryBytes) {
            return fresh;
        }
        fresh.gzipped();
        synchronized (this) {
            if (entries.putIfAbsent(key, new Entry(fresh)) != null) {
                return fresh; // another thread encoded the same request meanwhile
            }
            clock.add(key);
            bytes += fresh.size();
            evictBeyondBudget();
        }
        return fresh;
    }

    /** Bytes held (plain and gzip bodies). */
    public synchronized long bytes() {
        return bytes;
    }

    private void evictBeyondBudget() {
        int secondChances = entries.size();
        while (bytes > maxBytes && !clock.isEmpty()) {
            String key = clock.poll();
            Entry entry = entries.get(key);
            if (entry.used && secondChances-- > 0) {
                entry.used = false;
                clock.add(key);
                continue;
            }
            entries.remove(key);
            bytes -= entry.response.size();
        }
    }
}
