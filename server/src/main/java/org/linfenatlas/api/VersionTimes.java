package org.linfenatlas.api;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code timeStamp} of items responses: when each collection's current version became this server's,
 * that is when the server loaded it (start-up, or a change another instance committed, on its notification)
 * or committed it (a write through this server: the commit's own time). Whole seconds, as written.
 *
 * <p>OGC API – Features Part 1 (17-069r4, /req/core/fc-timeStamp) says timeStamp is "the time stamp when the
 * response was generated". A response here is generated once per collection version and request (cached,
 * gzip made once, strong ETag from its bytes); stamping the clock into every copy changed a page's bytes
 * and ETag each second, broke 304 revalidation, and still disagreed with the cached copies, which kept
 * their first stamp. The time the version was committed or loaded is when the data the response shows
 * came to be as shown: equal requests on an unchanged collection give identical bytes and ETags, and a
 * change gives a new stamp. (The OGC test suite checks only that timeStamp is a valid date-time.)
 */
public final class VersionTimes {
    /** Versions remembered per collection: the current one and a few it replaced, for readers still on them. */
    private static final int KEPT = 16;

    private final Clock clock;
    private final Map<String, Map<String, Instant>> byCollection = new ConcurrentHashMap<>();

    public VersionTimes(Clock clock) {
        this.clock = clock;
    }

    /** When this version of the collection was committed or first loaded; now, the first time it is asked. */
    public Instant of(String collection, String version) {
        Map<String, Instant> versions = versions(collection);
        Instant known = versions.get(version);
        return known != null ? known : versions.computeIfAbsent(version, v -> clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    /** A version this server committed, at the commit's time (unless a reader met it first: then it stays as stamped). */
    public void committed(String collection, String version, Instant time) {
        versions(collection).putIfAbsent(version, time.truncatedTo(ChronoUnit.SECONDS));
    }

    private Map<String, Instant> versions(String collection) {
        Map<String, Instant> versions = byCollection.computeIfAbsent(collection, c -> new ConcurrentHashMap<>());
        if (versions.size() > KEPT) { // versions only grow: the oldest stamps go, and a reader still on one stamps it anew
            Instant newest = versions.values().stream().max(Instant::compareTo).orElseThrow();
            versions.values().removeIf(t -> t.isBefore(newest));
        }
        return versions;
    }
}
