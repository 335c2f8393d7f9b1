package org.linfenatlas.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Encoded responses by request (revision + path + query), least recently used first out, bounded
 * in bytes. A new store revision makes old keys unreachable; they age out.
 */
public final class ResponseCache {
    private final long maxBytes;
    private final long maxEntryBytes;
    private final LinkedHashMap<String, EncodedResponse> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    public ResponseCache(long maxBytes, long maxEntryBytes) {
        this.maxBytes = maxBytes;
        this.maxEntryBytes = maxEntryBytes;
    }

    /** The cached response for the key, or null: never encodes. */
    public synchronized EncodedResponse peek(String key) {
        return entries.get(key);
    }

    public EncodedResponse get(String key, Supplier<EncodedResponse> encoder) {
        synchronized (this) {
            EncodedResponse hit = entries.get(key);
            if (hit != null) {
                return hit;
            }
        }
        EncodedResponse fresh = encoder.get();
        if (fresh.body().length > maxEntryBytes) {
            return fresh;
        }
        fresh.gzipped();
        synchronized (this) {
            EncodedResponse previous = entries.put(key, fresh);
            bytes += fresh.size() - (previous == null ? 0 : previous.size());
            var it = entries.entrySet().iterator();
            while (bytes > maxBytes && it.hasNext()) {
                Map.Entry<String, EncodedResponse> eldest = it.next();
                bytes -= eldest.getValue().size();
                it.remove();
            }
        }
        return fresh;
    }
}
